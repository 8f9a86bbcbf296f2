//! `gcd`: the greatest common divisor of a few random integers.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use num_integer::Integer;
use serde_json::json;

use crate::number_list::NumberList;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "gcd",
    category: "arithmetic",
    description: "Find the greatest common divisor of a list of numbers",
    config_class: "GCDConfig",
    build,
};

struct Gcd {
    seed: Seed,
    list: NumberList,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let list = NumberList::read(&mut r, 1000);
    let v = r.finish()?;
    list.validate(&v)?;
    v.done(Gcd { seed: p.seed, list })
}

impl Gcd {
    /// Up to three draws, keeping the first whose GCD exceeds 1 (else the last).
    fn numbers(&self, rng: &mut Random) -> Result<(Vec<i64>, i64)> {
        let mut last = (Vec::new(), 0);
        for _ in 0..3 {
            let numbers = self.list.draw(rng)?;
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
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
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
                "numbers" => numbers,
                "result" => gcd,
                "num_terms" => num_terms,
                "difficulty" => json!({
                    "num_terms": [self.list.min_numbers, self.list.max_numbers],
                    "value": [self.list.min_value, self.list.max_value],
                }),
            },
        })
    }
}
