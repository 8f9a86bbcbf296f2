//! `products`: the product of a few integers.

use std::sync::Arc;

use dataset_core::config::ensure;
use dataset_core::score::decimal_reward;
use dataset_core::{item_rng, meta, ConfigReader, Dataset, DatasetInfo, Item, Params, Result};
use num_bigint::BigInt;
use num_traits::One;
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "products",
    category: "arithmetic",
    description: "Multiply a few integers",
    config_class: "ProductsConfig",
    build,
};

struct Products {
    seed: i128,
    min_terms: i64,
    max_terms: i64,
    min_digits: i64,
    max_digits: i64,
    allow_negation: bool,
}

fn build(r: &mut ConfigReader, p: Params) -> Result<Arc<dyn Dataset>> {
    let d = Products {
        seed: p.seed,
        min_terms: r.int("min_terms", 2),
        max_terms: r.int("max_terms", 2),
        min_digits: r.int("min_digits", 1),
        max_digits: r.int("max_digits", 5),
        allow_negation: r.bool("allow_negation", false),
    };
    r.finish()?;
    ensure(d.min_terms > 0, "min_terms must be positive")?;
    ensure(d.max_terms >= d.min_terms, "max_terms must be >= min_terms")?;
    ensure(d.min_digits > 0, "min_digits must be positive")?;
    ensure(
        d.max_digits >= d.min_digits,
        "max_digits must be >= min_digits",
    )?;
    Ok(Arc::new(d))
}

impl Dataset for Products {
    fn name(&self) -> &str {
        INFO.name
    }

    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(self.seed, idx);
        let num_terms = rng.randint(self.min_terms, self.max_terms)?;
        let num_digits = rng.randint(self.min_digits, self.max_digits)?;
        let (min_value, max_value) = crate::operands::digit_range(num_digits);
        let low = if self.allow_negation {
            -&max_value
        } else {
            min_value
        };
        let constants = (0..num_terms)
            .map(|_| rng.randint_big(&low, &max_value))
            .collect::<Result<Vec<_>, _>>()?;
        let expression = constants
            .iter()
            .map(BigInt::to_string)
            .collect::<Vec<_>>()
            .join(" * ");
        let result = constants.iter().fold(BigInt::one(), |acc, c| acc * c);
        Ok(Item {
            question: format!(
                "Solve the following multiplication: {expression}. Give only the result as your final answer."
            ),
            answer: result.to_string(),
            metadata: meta! {
                "source_dataset" => INFO.name,
                "source_index" => idx,
                "expression" => expression,
                "num_terms" => num_terms,
                "num_digits" => num_digits,
                "difficulty" => json!({
                    "num_terms": [self.min_terms, self.max_terms],
                    "num_digits": [self.min_digits, self.max_digits],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        decimal_reward(answer, &item.answer, true)
    }
}
