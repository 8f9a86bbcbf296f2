//! `lcm`: the least common multiple of a few random integers.

use std::sync::Arc;

use dataset_core::{
    item_rng, meta, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result,
};
use num_bigint::BigInt;
use num_integer::Integer;
use pycompat::py_int_json;
use serde_json::json;

use crate::number_list::NumberList;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "lcm",
    category: "arithmetic",
    description: "Find the least common multiple of a list of numbers",
    config_class: "LCMConfig",
    build,
};

struct Lcm {
    seed: i128,
    list: NumberList,
}

fn build(r: &mut ConfigReader, p: Params) -> Result<Arc<dyn Dataset>> {
    Ok(Arc::new(Lcm {
        seed: p.seed,
        list: NumberList::build(r, 100)?,
    }))
}

impl Lcm {
    /// Up to three draws, keeping the first whose LCM is below the product
    /// (else the last). Both grow past 64 bits quickly, as Python ints do.
    fn numbers(&self, rng: &mut Random) -> Result<(Vec<i64>, BigInt)> {
        let mut last = (Vec::new(), BigInt::from(1));
        for _ in 0..3 {
            let numbers = self.list.draw(rng, INFO.name)?;
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
                    "numbers": [self.list.min_numbers, self.list.max_numbers],
                    "value": [self.list.min_value, self.list.max_value],
                }),
            },
        })
    }
}
