//! `puzzle24`: make 24 from four numbers with the given operators; the
//! answer is an expression the generator built.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use num_bigint::BigInt;
use serde_json::json;
use symlite::parse::{eval_str, Outcome};

use crate::symbol_fold::{expression_text, fold_candidate, literal_ints};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "puzzle24",
    category: "games",
    description: "Make 24 from four numbers with arithmetic operators",
    config_class: "Puzzle24Config",
    build,
};

const OPERATORS: [&str; 4] = ["+", "-", "*", "/"];
const NUM_TERMS: usize = 4;
const TARGET: i64 = 24;

/// Candidates tried for one item before rgym gives up. The reference tries
/// for ever; [`reaches_24`] refuses configs where no candidate can succeed,
/// and for the others one in about a million candidates succeeds at worst.
const MAX_CANDIDATES: u64 = 50_000_000;

struct Puzzle24 {
    seed: Seed,
    operators: Vec<String>,
    min_value: i64,
    max_value: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Puzzle24 {
        seed: p.seed,
        operators: r.str_list("operators", &OPERATORS),
        min_value: r.int("min_value", 1),
        max_value: r.int("max_value", 10),
    };
    let v = r.finish()?;
    v.ensure(!d.operators.is_empty(), "At least one operator is required")?;
    v.ensure(
        d.min_value <= d.max_value,
        "Minimum value must be less than or equal to maximum value",
    )?;
    v.ensure(d.min_value >= 1, "Minimum value must be at least 1")?;
    v.ensure(d.max_value <= 10, "Maximum value must be at most 10")?;
    if !reaches_24(&d.operators, d.min_value, d.max_value) {
        return Err(DatasetError::InvalidConfig(format!(
            "no four numbers in [{}, {}] make 24 with the operators {:?}: reasoning-gym would loop for ever",
            d.min_value, d.max_value, d.operators
        )));
    }
    v.done(d)
}

/// Whether some draw of `_generate_candidate_expression` makes 24: every
/// four numbers, every operator sequence, and for a division every number
/// the shuffle could try first among those that divide.
fn reaches_24(operators: &[String], min_value: i64, max_value: i64) -> bool {
    let mut kinds: Vec<&str> = operators
        .iter()
        .map(|op| match op.as_str() {
            "+" | "-" | "*" => op.as_str(),
            _ => "/",
        })
        .collect();
    kinds.sort_unstable();
    kinds.dedup();

    fn search(kinds: &[&str], numbers: &mut [i64; NUM_TERMS], i: usize, value: i64) -> bool {
        if i == NUM_TERMS {
            return value == TARGET;
        }
        kinds.iter().any(|&k| match k {
            "+" => search(kinds, numbers, i + 1, value + numbers[i]),
            "-" => search(kinds, numbers, i + 1, value - numbers[i]),
            "*" => search(kinds, numbers, i + 1, value * numbers[i]),
            _ => {
                let divisors: Vec<i64> = numbers[i..]
                    .iter()
                    .copied()
                    .filter(|&d| value % d == 0)
                    .collect();
                if divisors.is_empty() {
                    return search(kinds, numbers, i + 1, value - numbers[i]);
                }
                let own = numbers[i];
                let found = divisors.iter().any(|&d| {
                    numbers[i] = d;
                    search(kinds, numbers, i + 1, value / d)
                });
                numbers[i] = own;
                found
            }
        })
    }

    let values: Vec<i64> = (min_value..=max_value).collect();
    for &a in &values {
        for &b in &values {
            for &c in &values {
                for &d in &values {
                    if search(&kinds, &mut [a, b, c, d], 1, a) {
                        return true;
                    }
                }
            }
        }
    }
    false
}

impl Dataset for Puzzle24 {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let mut tries = 0u64;
        let candidate = loop {
            let c = fold_candidate(
                &mut rng,
                NUM_TERMS,
                self.min_value,
                self.max_value,
                &self.operators,
            )?;
            if c.value == BigInt::from(TARGET) {
                break c;
            }
            tries += 1;
            if tries >= MAX_CANDIDATES {
                return Err(DatasetError::Generation(format!(
                    "no expression made 24 in {MAX_CANDIDATES} candidates"
                )));
            }
        };
        let answer = expression_text(&candidate, |i| format!("x{i}"));
        let numbers = candidate
            .numbers
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let question = format!(
            "Make 24 using {numbers}. You can only use each number once. You can use the operators {}.\n\
             Final answer format instructions:\n\
             1. Provide your final answer as a arithmetic expression (no '=' sign).\n\
             2. Do not include the target number in the expression.\n\
             3. Use '*' for multiplication.\n\
             4. Use '/' for division.\n",
            self.operators.join(", ")
        );
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "numbers" => candidate.numbers,
                "difficulty" => json!({"value": [self.min_value, self.max_value]}),
            },
        })
    }

    /// `score_answer`: 1.0 when `int(parse_expr(answer))` (which truncates:
    /// `49/2` counts) is 24 and the answer writes exactly four integers, each
    /// within the config's values; 0.01 otherwise, and for anything
    /// `parse_expr` or `int()` rejects. An answer rgym refuses to evaluate
    /// (past symlite's bounds, where the reference computes for minutes or
    /// runs out of memory) scores 0.0.
    fn score(&self, answer: Option<&str>, _item: &Item) -> f64 {
        const MISS: f64 = 0.01;
        let Some(answer) = answer else { return MISS };
        let answer = pycompat::py_strip(answer);
        let value = match eval_str(answer).and_then(|v| v.to_int()) {
            Ok(v) => v,
            Err(Outcome::Bounded) => return 0.0,
            Err(Outcome::Raise | Outcome::Unsupported) => return MISS,
        };
        let Some(used) = literal_ints(answer) else {
            return MISS;
        };
        let in_range =
            |n: &BigInt| *n >= BigInt::from(self.min_value) && *n <= BigInt::from(self.max_value);
        if used.len() == NUM_TERMS && used.iter().all(in_range) && value == BigInt::from(TARGET) {
            1.0
        } else {
            MISS
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};

    #[test]
    fn answers_score_one() {
        let ds = dataset(&INFO, json!({"seed": 5}));
        for idx in 0..50 {
            let item = ds.generate(idx).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0, "{}", item.answer);
            assert_eq!(ds.score(Some("9**9**9"), &item), 0.0);
            // int() truncates 24.5.
            assert_eq!(ds.score(Some("5*5 - 1/2"), &item), 1.0);
            assert_eq!(ds.score(Some("24"), &item), 0.01);
        }
    }

    #[test]
    fn hostile_answers_are_scored_fast_without_evaluation() {
        let ds = dataset(&INFO, json!({"seed": 5}));
        let item = ds.generate(0).unwrap();
        let scores = crate::symbol_fold::score_hostile(|a| ds.score(Some(a), &item));
        // `9**9**9` and its kin are never computed: 0.0 where the reference
        // would hang; the rest fail as in the reference (0.01).
        assert_eq!(scores[1], 0.0);
        assert!(scores.iter().all(|&s| s == 0.0 || s == 0.01), "{scores:?}");
    }

    #[test]
    fn configs_that_cannot_make_24_are_refused() {
        let msg = refused(
            &INFO,
            json!({"operators": ["+"], "min_value": 1, "max_value": 5}),
        );
        assert!(msg.contains("loop for ever"), "{msg}");
        assert_eq!(
            refused(&INFO, json!({"max_value": 11})),
            "Maximum value must be at most 10"
        );
        // 6 + 6 + 6 + 6.
        dataset(
            &INFO,
            json!({"seed": 1, "operators": ["+"], "min_value": 6, "max_value": 6}),
        );
    }
}
