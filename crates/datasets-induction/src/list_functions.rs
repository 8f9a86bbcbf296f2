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
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};

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

/// `str()` of a list of ints.
fn list_str(xs: &[i64]) -> String {
    let items: Vec<String> = xs.iter().map(i64::to_string).collect();
    format!("[{}]", items.join(", "))
}

/// The generators' `pairs` dict: a repeated input keeps its first place and
/// takes the newer output.
#[derive(Default)]
struct Pairs(Vec<(String, String)>);

impl Pairs {
    fn insert(&mut self, input: String, output: String) {
        match self.0.iter_mut().find(|(k, _)| *k == input) {
            Some(slot) => slot.1 = output,
            None => self.0.push((input, output)),
        }
    }

    fn insert_lists(&mut self, input: &[i64], output: &[i64]) {
        self.insert(list_str(input), list_str(output));
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
        let mut rng = item_rng(&self.seed, idx);
        // `self.task_indices[idx]`: past the table only inside a composite,
        // which passes its own index on, and the reference raises there too.
        let task = usize::try_from(idx)
            .ok()
            .and_then(|i| self.task_indices.get(i).copied())
            .ok_or_else(|| DatasetError::Generation("list index out of range".into()))?;
        let Pairs(mut examples) = generate(task, &mut rng)?;
        // `examples.popitem()`: the last pair is the question.
        let (input, output) = examples.pop().unwrap_or_default();
        let mut formatted = String::new();
        for (index, (key, value)) in examples.iter().enumerate() {
            let n = index + 1;
            formatted.push_str(&format!("Input {n}: {key}\nOutput {n}: {value}\n"));
        }
        Ok(Item {
            question: format!(
                "You are an expert at inductive reasoning. Generate an output corresponding to \
                 the given input.\nThe output is generated by applying the same rule that maps \
                 input to output for the examples provided. Your answer should be a list of \
                 element/elements\nExamples:\n{formatted}\n\nInput: {input}\nOutput:\n"
            ),
            answer: output,
            metadata: meta! {},
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        exact_or_contained(answer, &item.answer)
    }

    fn heap_bytes(&self) -> usize {
        self.task_indices.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_input_keeps_its_place_with_the_newer_output() {
        let mut p = Pairs::default();
        p.insert("a".into(), "1".into());
        p.insert("b".into(), "2".into());
        p.insert("a".into(), "3".into());
        assert_eq!(
            p.0,
            vec![("a".into(), "3".into()), ("b".into(), "2".into())]
        );
    }
}
