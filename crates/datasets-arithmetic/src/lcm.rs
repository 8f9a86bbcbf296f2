//! `lcm`: the least common multiple of a few random integers.

use std::sync::Arc;

use dataset_core::config::ensure;
use dataset_core::{
    item_rng, meta, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random, Result,
};
use num_bigint::BigInt;
use num_integer::Integer;
use pycompat::py_int_json;
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "lcm",
    category: "arithmetic",
    description: "Find the least common multiple of a list of numbers",
    config_class: "LCMConfig",
    build,
};

/// Python would build the list however long; past this it would exhaust memory.
const MAX_NUMBERS: i64 = 1 << 20;

struct Lcm {
    seed: i128,
    min_numbers: i64,
    max_numbers: i64,
    min_value: i64,
    max_value: i64,
}

fn build(r: &mut ConfigReader, p: Params) -> Result<Arc<dyn Dataset>> {
    let d = Lcm {
        seed: p.seed,
        min_numbers: r.int("min_numbers", 2),
        max_numbers: r.int("max_numbers", 2),
        min_value: r.int("min_value", 1),
        max_value: r.int("max_value", 100),
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

impl Lcm {
    /// Up to three draws, keeping the first whose LCM is below the product
    /// (else the last). Both grow past 64 bits quickly, as Python ints do.
    fn numbers(&self, rng: &mut Random) -> Result<(Vec<i64>, BigInt)> {
        let mut last = (Vec::new(), BigInt::from(1));
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
            let (lcm, product) = numbers
                .iter()
                .fold((BigInt::from(1), BigInt::from(1)), |(lcm, product), &n| {
                    (lcm.lcm(&BigInt::from(n)), product * n)
                });
            let done = lcm < product;
            last = (numbers, lcm);
            if done {
                break;
            }
        }
        Ok(last)
    }
}

impl Dataset for Lcm {
    fn name(&self) -> &str {
        INFO.name
    }

    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(self.seed, idx);
        let (numbers, lcm) = self.numbers(&mut rng)?;
        let listed: Vec<String> = numbers.iter().map(i64::to_string).collect();
        Ok(Item {
            question: format!(
                "Find the Least Common Multiple (LCM) of these numbers: {}",
                listed.join(", ")
            ),
            answer: lcm.to_string(),
            metadata: meta! {
                "source_dataset" => INFO.name,
                "source_index" => idx,
                "numbers" => numbers,
                "result" => py_int_json(&lcm),
                "difficulty" => json!({
                    "numbers": [self.min_numbers, self.max_numbers],
                    "value": [self.min_value, self.max_value],
                }),
            },
        })
    }
}
