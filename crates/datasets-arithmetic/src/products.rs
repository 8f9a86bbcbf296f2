//! `products`: the product of a few integers.

use dataset_core::score::decimal_reward;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use num_bigint::BigInt;
use num_traits::{One, Zero};
use serde_json::json;

use crate::operands::{Operands, TermRanges};
use crate::pyint::{py_str, str_limit_error, MAX_STR_DIGITS};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "products",
    category: "arithmetic",
    description: "Multiply a few integers",
    config_class: "ProductsConfig",
    build,
};

struct Products {
    seed: Seed,
    t: TermRanges,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let t = TermRanges::read(&mut r, 2, 5);
    let v = r.finish()?;
    t.validate(&v)?;
    v.done(Products { seed: p.seed, t })
}

/// The product of `constants`; an error as soon as it is sure to have more
/// than 4300 digits (Python's `str(result)` then raises), so that many terms
/// cost no more than that.
fn product(constants: &[BigInt]) -> Result<BigInt> {
    if constants.iter().any(Zero::is_zero) {
        return Ok(BigInt::zero());
    }
    let limit = num_traits::pow(BigInt::from(10u32), MAX_STR_DIGITS as usize);
    let mut acc = BigInt::one();
    for c in constants {
        acc *= c;
        if acc.magnitude() >= limit.magnitude() {
            // No factor is zero: the magnitude can only grow.
            return Err(str_limit_error());
        }
    }
    Ok(acc)
}

impl Dataset for Products {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let Operands {
            num_terms,
            num_digits,
            constants,
        } = self.t.draw(&mut rng)?;
        let expression = constants
            .iter()
            .map(py_str)
            .collect::<Result<Vec<_>>>()?
            .join(" * ");
        let answer = py_str(&product(&constants)?)?;
        Ok(Item {
            question: format!(
                "Solve the following multiplication: {expression}. Give only the result as your final answer."
            ),
            answer,
            metadata: meta! {
                "expression" => expression,
                "num_terms" => num_terms,
                "num_digits" => num_digits,
                "difficulty" => json!({
                    "num_terms": [self.t.min_terms, self.t.max_terms],
                    "num_digits": [self.t.min_digits, self.t.max_digits],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        decimal_reward(answer, &item.answer, true)
    }
}
