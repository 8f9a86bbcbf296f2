//! `gcd`: the greatest common divisor of a few random integers.

use std::sync::Arc;

use dataset_core::config::ensure;
use dataset_core::{
    item_rng, meta, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random, Result,
};
use num_integer::Integer;
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "gcd",
    category: "arithmetic",
    description: "Find the greatest common divisor of a list of numbers",
    config_class: "GCDConfig",
    build,
};

/// Python would build the list however long; past this it would exhaust memory.
const MAX_NUMBERS: i64 = 1 << 20;

struct Gcd {
    seed: i128,
    min_numbers: i64,
    max_numbers: i64,
    min_value: i64,
    max_value: i64,
}

fn build(r: &mut ConfigReader, p: Params) -> Result<Arc<dyn Dataset>> {
    let d = Gcd {
        seed: p.seed,
        min_numbers: r.int("min_numbers", 2),
        max_numbers: r.int("max_numbers", 2),
        min_value: r.int("min_value", 1),
        max_value: r.int("max_value", 1000),
    };
    r.finish()?;
    ensure(d.min_numbers >= 2, "min_numbers must be at least 2")?;
    ensure(
        d.max_numbers >= d.min_numbers,
        "max_numbers must be >= min_numbers",
    )?;
    ensure(d.min_value >= 1, "min_value must be positive")?;
    ensure(d.max_value > d.min_value, "max_value must be > min_value")?;
    Ok(Arc::new(d))
}

impl Gcd {
    /// Up to three draws, keeping the first whose GCD exceeds 1 (else the last).
    fn numbers(&self, rng: &mut Random) -> Result<(Vec<i64>, i64)> {
        let mut last = (Vec::new(), 0);
        for _ in 0..3 {
            let count = rng.randint(self.min_numbers, self.max_numbers)?;
            if count > MAX_NUMBERS {
                return Err(DatasetError::Generation(format!(
                    "{}: {count} numbers is more than {MAX_NUMBERS}",
                    INFO.name
                )));
            }
            let numbers = (0..count)
                .map(|_| rng.randint(self.min_value, self.max_value))
                .collect::<Result<Vec<i64>, _>>()?;
            let gcd = numbers.iter().fold(0, |g, n| g.gcd(n));
            last = (numbers, gcd);
            if gcd > 1 {
                break;
            }
        }
        Ok(last)
    }
}

impl Dataset for Gcd {
    fn name(&self) -> &str {
        INFO.name
    }

    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(self.seed, idx);
        let (numbers, gcd) = self.numbers(&mut rng)?;
        let num_terms = numbers.len();
        let listed: Vec<String> = numbers.iter().map(i64::to_string).collect();
        Ok(Item {
            question: format!(
                "Find the Greatest Common Divisor (GCD) of these numbers: {}. Give only the GCD as your final answer.",
                listed.join(", ")
            ),
            answer: gcd.to_string(),
            metadata: meta! {
                "source_dataset" => INFO.name,
                "source_index" => idx,
                "numbers" => numbers,
                "result" => gcd,
                "num_terms" => num_terms,
                "difficulty" => json!({
                    "num_terms": [self.min_numbers, self.max_numbers],
                    "value": [self.min_value, self.max_value],
                }),
            },
        })
    }
}
