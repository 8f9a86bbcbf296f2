//! `chain_sum`: a chain of additions and subtractions of integers.

use dataset_core::score::decimal_reward;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use num_bigint::BigInt;
use num_traits::Zero;
use serde_json::json;

use crate::operands::{Operands, TermRanges};
use crate::pyint::py_str;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "chain_sum",
    category: "arithmetic",
    description: "Add and subtract a chain of integers",
    config_class: "ChainSumConfig",
    build,
};

struct ChainSum {
    seed: Seed,
    t: TermRanges,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let t = TermRanges::read(&mut r, 6, 4);
    let v = r.finish()?;
    t.validate(&v)?;
    v.done(ChainSum { seed: p.seed, t })
}

impl Dataset for ChainSum {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let Operands {
            num_terms,
            num_digits,
            constants,
        } = self.t.draw(&mut rng)?;
        let operators = (1..num_terms)
            .map(|_| rng.choice(&["+", "-"]).copied())
            .collect::<Result<Vec<_>, _>>()?;
        let mut result = constants.first().cloned().unwrap_or_else(BigInt::zero);
        let mut parts = vec![py_str(&result)?];
        for (op, c) in operators.iter().zip(&constants[1..]) {
            parts.push(op.to_string());
            parts.push(py_str(c)?);
            if *op == "+" {
                result += c;
            } else {
                result -= c;
            }
        }
        let expression = parts.join(" ");
        Ok(Item {
            question: format!(
                "State the final answer to the following arithmetic problem: {expression} ="
            ),
            answer: py_str(&result)?,
            metadata: meta! {
                "num_terms" => num_terms,
                "num_digits" => num_digits,
                "expression" => expression,
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
