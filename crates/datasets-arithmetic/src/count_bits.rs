//! `count_bits`: the number of 1 bits of a random integer.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "count_bits",
    category: "arithmetic",
    description: "Count the 1 bits in the binary representation of a number",
    config_class: "CountBitsConfig",
    build,
};

struct CountBits {
    seed: Seed,
    min_n: i64,
    max_n: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = CountBits {
        seed: p.seed,
        min_n: r.int("min_n", 1),
        max_n: r.int("max_n", (1 << 31) - 1),
    };
    let v = r.finish()?;
    v.ensure(
        1 <= d.min_n && d.min_n <= d.max_n,
        "min_n must be between 1 and max_n",
    )?;
    v.done(d)
}

impl Dataset for CountBits {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let number = rng.randint(self.min_n, self.max_n)?;
        let binary = format!("{number:b}");
        let ones = number.count_ones();
        Ok(Item {
            question: format!(
                "How many 1 bits are there in the binary representation of the number {number}?"
            ),
            answer: ones.to_string(),
            metadata: meta! {
                "number" => number,
                "solution" => ones,
                "binary" => binary,
                "n" => number,
                "difficulty" => json!({ "n": [self.min_n, self.max_n] }),
            },
        })
    }
}
