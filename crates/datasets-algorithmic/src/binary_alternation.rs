//! `binary_alternation`: fewest swaps that make a binary string alternate.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "binary_alternation",
    category: "algorithmic",
    description: "Minimum number of swaps to make a binary string alternating",
    config_class: "BinaryAlternationConfig",
    build,
};

struct BinaryAlternation {
    seed: Seed,
    min_n: i64,
    max_n: i64,
    p_solvable: f64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_n = r.int("min_n", 10);
    let max_n = r.int("max_n", 30);
    let p_solvable = r.float("p_solvable", 0.8);
    let v = r.finish()?;
    v.ensure(1 <= min_n, "Minimum number of bits must be at least 1")?;
    v.ensure(
        min_n <= max_n,
        "Minimum number of bits must be <= maximum number of bits",
    )?;
    v.ensure(
        (0.0..=1.0).contains(&p_solvable),
        "Probability of generating a 1 must be in [0, 1]",
    )?;
    v.ensure_item_size(count(max_n), "max_n")?;
    v.done(BinaryAlternation {
        seed: p.seed,
        min_n,
        max_n,
        p_solvable,
    })
}

fn binary_string(rng: &mut Random, n: i64, solvable: bool) -> String {
    let (mut ones, mut zeros) = (n / 2, n / 2);
    if n % 2 == 1 {
        if rng.random() < 0.5 {
            ones += 1;
        } else {
            zeros += 1;
        }
    }
    if !solvable {
        if ones > zeros {
            ones += 1;
        } else if ones < zeros {
            zeros += 1;
        } else if rng.random() < 0.5 {
            ones += 2;
        } else {
            zeros += 2;
        }
    }
    let mut bits: Vec<u8> = std::iter::repeat_n(b'1', ones as usize)
        .chain(std::iter::repeat_n(b'0', zeros as usize))
        .collect();
    rng.shuffle(&mut bits);
    bits.into_iter().map(char::from).collect()
}

/// Swaps to reach the alternating string that starts with `first`: half the
/// misplaced characters.
fn swaps_from(s: &str, first: u8) -> i64 {
    let wrong = s
        .bytes()
        .enumerate()
        .filter(|&(i, c)| (c == first) != (i % 2 == 0))
        .count();
    (wrong / 2) as i64
}

fn min_swaps(s: &str) -> i64 {
    let ones = s.bytes().filter(|&c| c == b'1').count() as i64;
    let zeros = s.len() as i64 - ones;
    match ones - zeros {
        d if d.abs() > 1 => -1,
        1 => swaps_from(s, b'1'),
        -1 => swaps_from(s, b'0'),
        _ => swaps_from(s, b'0').min(swaps_from(s, b'1')),
    }
}

impl Dataset for BinaryAlternation {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n = rng.randint(self.min_n, self.max_n)?;
        let solvable = rng.random() < self.p_solvable;
        let string = binary_string(&mut rng, n, solvable);
        let answer = min_swaps(&string);
        Ok(Item {
            question: format!(
                "Given a binary string, return the minimum number of character swaps to make it alternating, or -1 if it is impossible.\n\n\
                 The string is called alternating if no two adjacent characters are equal. For example, the strings \"010\" and \"1010\" are alternating, while the string \"0100\" is not.\n\n\
                 Any two characters may be swapped, even if they are not adjacent.\n\n\
                 Now, determine the minimum number of swaps to make the following binary string alternating: {string}\n"
            ),
            answer: answer.to_string(),
            metadata: meta! {
                "string" => string,
                "solution" => answer,
                "solvable" => solvable,
                "n" => n,
                "difficulty" => json!({ "n": [self.min_n, self.max_n] }),
            },
        })
    }
}
