//! `list_functions`: infer a list-to-list rule from examples.
//!
//! At construction the reference draws every item's generator with
//! `Random(seed).choices(range(17), k=size)`, so building costs O(size) and
//! rgym bounds `size` by the item-size rule (the reference itself needs a
//! list of `size` ints). Each item then runs its generator on `Random(seed +
//! idx)`.
//!
//! Generator 14 draws its odd multiples of five from Python's *global*,
//! unseeded `random` module in the reference, so those items differ from run
//! to run there. rgym draws them from the item's own RNG at the same point:
//! its items are deterministic, every other generator's are exact, and
//! generator 14's get the semantic checks (`rgym list` says `semantic`).

use dataset_core::config::count;
use dataset_core::score::exact_or_contained;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde::Serialize;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "list_functions",
    category: "induction",
    description: "Infer the rule that maps input lists to output lists from examples",
    config_class: "ListFunctionsDatasetConfig",
    build,
};

/// `NUM_OF_PAIRS_GENERATED`.
const PAIRS: usize = 5;
/// `tasks = list(range(17))`.
const TASKS: usize = 17;

struct ListFunctions {
    seed: Seed,
    /// `task_indices`: each item's generator.
    task_indices: Vec<u8>,
}

fn build(r: ConfigReader, p: Params) -> Result<Built> {
    let v = r.finish()?;
    v.ensure(p.size > 0, "size must be positive")?;
    v.ensure_item_size(
        count(i64::try_from(p.size).unwrap_or(i64::MAX)),
        "size (every item's task is drawn when the dataset is built)",
    )?;
    let mut rng = p.seed.rng();
    // `choices(tasks, k=size)`: floor(random() * 17) per item; the size
    // passed the item-size rule, so it fits in memory.
    let task_indices = rng
        .choices_indices(TASKS, p.size as usize)
        .into_iter()
        .map(|t| t as u8)
        .collect();
    v.done(ListFunctions {
        seed: p.seed,
        task_indices,
    })
}

/// Appends `str()` of a list of ints.
fn write_list(out: &mut String, xs: &[i64]) {
    let mut digits = itoa::Buffer::new();
    out.push('[');
    for (i, &x) in xs.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(digits.format(x));
    }
    out.push(']');
}

/// The generators' `pairs` dict of `str(input)` to `str(output)`: a repeated
/// input keeps its first place and takes the newer output. The texts live
/// in one buffer; a pair is the ranges of its input and output there.
#[derive(Default)]
struct Pairs {
    text: String,
    pairs: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
}

impl Pairs {
    fn insert_lists(&mut self, input: &[i64], output: &[i64]) {
        let start = self.text.len();
        write_list(&mut self.text, input);
        let mid = self.text.len();
        write_list(&mut self.text, output);
        let (key, value) = (start..mid, mid..self.text.len());
        let text = &self.text;
        match self
            .pairs
            .iter_mut()
            .find(|(k, _)| text[k.clone()] == text[key.clone()])
        {
            // The stale output stays in the buffer, unreferenced.
            Some(slot) => slot.1 = value,
            None => self.pairs.push((key, value)),
        }
    }

    fn get(&self, (k, v): &(std::ops::Range<usize>, std::ops::Range<usize>)) -> (&str, &str) {
        (&self.text[k.clone()], &self.text[v.clone()])
    }
}

/// `create_random_list`.
fn create_random_list(rng: &mut Random) -> Result<Vec<i64>> {
    let length = rng.randint(3, 10)?;
    (0..length).map(|_| Ok(rng.randint(1, 100)?)).collect()
}

/// `create_list_of_fives`.
fn create_list_of_fives(rng: &mut Random) -> Result<Vec<i64>> {
    let length = rng.randint(1, 7)?;
    Ok(vec![5; length as usize])
}

/// `create_random_odd_numbers(1, 1, 1000)[0]`, on the item's RNG where the
/// reference uses the global one (see the module comment).
fn create_random_odd_number(rng: &mut Random) -> Result<i64> {
    loop {
        let num = rng.randint(1, 1000)?;
        if num % 2 != 0 {
            return Ok(num);
        }
    }
}

/// `create_numbers_divisible_by_five_or_ten`.
fn create_numbers_divisible_by_five_or_ten(rng: &mut Random) -> Result<Vec<i64>> {
    (0..PAIRS)
        .map(|i| {
            Ok(if i % 2 == 0 {
                create_random_odd_number(rng)? * 5
            } else {
                rng.randint(1, 100)? * 10
            })
        })
        .collect()
}

/// The generators whose pairs are `f(create_random_list(rng))`, five times.
fn each_list(rng: &mut Random, f: impl Fn(&[i64]) -> Vec<i64>) -> Result<Pairs> {
    let mut pairs = Pairs::default();
    for _ in 0..PAIRS {
        let input = create_random_list(rng)?;
        let output = f(&input);
        pairs.insert_lists(&input, &output);
    }
    Ok(pairs)
}

fn sorted(xs: &[i64], descending: bool) -> Vec<i64> {
    let mut out = xs.to_vec();
    out.sort_unstable();
    if descending {
        out.reverse();
    }
    out
}

/// `generate_0` .. `generate_16`.
fn generate(task: u8, rng: &mut Random) -> Result<Pairs> {
    match task {
        // Input unchanged.
        0 => each_list(rng, <[i64]>::to_vec),
        // The third element.
        1 => each_list(rng, |xs| vec![xs[2]]),
        // Reversed.
        2 => each_list(rng, |xs| xs.iter().rev().copied().collect()),
        // Sum of the distinct elements below 30.
        3 => each_list(rng, |xs| {
            let mut distinct: Vec<i64> = xs.iter().copied().filter(|&x| x < 30).collect();
            distinct.sort_unstable();
            distinct.dedup();
            vec![distinct.iter().sum()]
        }),
        4 => generate_4(rng),
        // Elements followed by an even number.
        5 => each_list(rng, |xs| {
            xs.windows(2)
                .filter(|w| w[1] % 2 == 0)
                .map(|w| w[0])
                .collect()
        }),
        // Each element plus its index.
        6 => each_list(rng, |xs| xs.iter().zip(0..).map(|(&x, i)| x + i).collect()),
        7 => generate_7(rng),
        // Length.
        8 => each_list(rng, |xs| vec![xs.len() as i64]),
        // Sum.
        9 => each_list(rng, |xs| vec![xs.iter().sum()]),
        10 => each_list(rng, |xs| sorted(xs, false)),
        11 => each_list(rng, |xs| sorted(xs, true)),
        // First and last element's successors.
        12 => each_list(rng, |xs| {
            let mut out = xs.to_vec();
            out[0] += 1;
            let last = out.len() - 1;
            out[last] += 1;
            out
        }),
        13 => generate_13(rng),
        14 => generate_14(rng),
        15 => generate_15(rng),
        _ => generate_16(rng),
    }
}

/// `generate_4`: count the fives, with fives added to every other list.
fn generate_4(rng: &mut Random) -> Result<Pairs> {
    let mut pairs = Pairs::default();
    for i in 0..PAIRS {
        let mut input = create_random_list(rng)?;
        if i % 2 == 0 {
            input.extend(create_list_of_fives(rng)?);
        }
        rng.shuffle(&mut input);
        let fives = input.iter().filter(|&&x| x == 5).count() as i64;
        pairs.insert_lists(&input, &[fives]);
    }
    Ok(pairs)
}

/// `generate_7`: the element at the index the last element names.
fn generate_7(rng: &mut Random) -> Result<Pairs> {
    let mut pairs = Pairs::default();
    for _ in 0..PAIRS {
        let mut input = create_random_list(rng)?;
        let chosen = rng.randint(0, input.len() as i64 - 1)?;
        let last = input.len() - 1;
        input[last] = chosen;
        let output = [input[chosen as usize]];
        pairs.insert_lists(&input, &output);
    }
    Ok(pairs)
}

/// `generate_13`: `[1]` for an ascending list, `[0]` for a descending one.
fn generate_13(rng: &mut Random) -> Result<Pairs> {
    let mut pairs = Pairs::default();
    for i in 0..PAIRS {
        let input = create_random_list(rng)?;
        let ascending = i % 2 == 0;
        let input = sorted(&input, !ascending);
        pairs.insert_lists(&input, &[i64::from(ascending)]);
    }
    Ok(pairs)
}

/// `generate_14`: `[1]` for a multiple of ten, `[0]` for an odd multiple of five.
fn generate_14(rng: &mut Random) -> Result<Pairs> {
    let mut pairs = Pairs::default();
    for num in create_numbers_divisible_by_five_or_ten(rng)? {
        pairs.insert_lists(&[num], &[i64::from(num % 10 == 0)]);
    }
    Ok(pairs)
}

/// `generate_15`: doubling runs; the output doubles the last element.
fn generate_15(rng: &mut Random) -> Result<Pairs> {
    let mut pairs = Pairs::default();
    for _ in 0..PAIRS {
        let starter = create_random_list(rng)?;
        let mut input = vec![*rng.choice(&starter)?];
        for _ in 1..starter.len() {
            let prev = input[input.len() - 1];
            input.push(prev * 2);
        }
        pairs.insert_lists(&input, &[input[input.len() - 1] * 2]);
    }
    Ok(pairs)
}

/// `generate_16`: `2x - 4` of a single element.
fn generate_16(rng: &mut Random) -> Result<Pairs> {
    let mut pairs = Pairs::default();
    for _ in 0..PAIRS {
        let starter = create_random_list(rng)?;
        let first = *rng.choice(&starter)?;
        pairs.insert_lists(&[first], &[2 * first - 4]);
    }
    Ok(pairs)
}

impl Dataset for ListFunctions {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        // `self.task_indices[idx]`: past the table only inside a composite,
        // which passes its own index on, and the reference raises there too.
        let task = usize::try_from(idx)
            .ok()
            .and_then(|i| self.task_indices.get(i).copied())
            .ok_or_else(|| DatasetError::Generation("list index out of range".into()))?;
        let pairs = generate(task, &mut rng)?;
        // `examples.popitem()`: the last pair is the question.
        let (examples, last) = match pairs.pairs.split_last() {
            Some((last, examples)) => (examples, Some(pairs.get(last))),
            None => (&[][..], None),
        };
        let (input, output) = last.unwrap_or_default();
        let question = &mut item.question;
        question.clear();
        question.push_str(
            "You are an expert at inductive reasoning. Generate an output corresponding to the \
             given input.\nThe output is generated by applying the same rule that maps input to \
             output for the examples provided. Your answer should be a list of \
             element/elements\nExamples:\n",
        );
        let mut digits = itoa::Buffer::new();
        for (index, pair) in examples.iter().enumerate() {
            let (key, value) = pairs.get(pair);
            let n = digits.format(index + 1);
            for piece in ["Input ", n, ": ", key, "\nOutput ", n, ": ", value, "\n"] {
                question.push_str(piece);
            }
        }
        for piece in ["\n\nInput: ", input, "\nOutput:\n"] {
            question.push_str(piece);
        }
        item.answer.clear();
        item.answer.push_str(output);
        item.metadata.set_from_serialize(&NoFields {});
        Ok(())
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        exact_or_contained(answer, &item.answer)
    }

    fn heap_bytes(&self) -> usize {
        self.task_indices.capacity()
    }
}

/// The reference's metadata has no fields of its own.
#[derive(Serialize)]
struct NoFields {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_input_keeps_its_place_with_the_newer_output() {
        let mut p = Pairs::default();
        p.insert_lists(&[1, 2], &[1]);
        p.insert_lists(&[2], &[2]);
        p.insert_lists(&[1, 2], &[3]);
        let got: Vec<(&str, &str)> = p.pairs.iter().map(|pair| p.get(pair)).collect();
        assert_eq!(got, vec![("[1, 2]", "[3]"), ("[2]", "[2]")]);
    }
}
