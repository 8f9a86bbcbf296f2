//! `lcm`: the least common multiple of a few random integers.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, ToPrimitive};
use pycompat::py_int_json;
use serde_json::json;

use crate::number_list::NumberList;
use crate::pyint::{str_limit_error, MAX_STR_DIGITS};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "lcm",
    category: "arithmetic",
    description: "Find the least common multiple of a list of numbers",
    config_class: "LCMConfig",
    build,
};

struct Lcm {
    seed: Seed,
    list: NumberList,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let list = NumberList::read(&mut r, 100);
    let v = r.finish()?;
    list.validate(&v)?;
    v.done(Lcm { seed: p.seed, list })
}

impl Lcm {
    /// Up to three draws, keeping the first whose LCM is below the product
    /// (else the last). An LCM of more than 4300 digits fails the item, as
    /// Python's `str(result)` does.
    fn numbers(&self, rng: &mut Random) -> Result<(Vec<i64>, BigInt)> {
        let limit = num_traits::pow(BigUint::from(10u32), MAX_STR_DIGITS as usize);
        let mut last = (Vec::new(), BigUint::one());
        for _ in 0..3 {
            let numbers = self.list.draw(rng)?;
            // The numbers are positive, so the LCM equals their product exactly
            // when each is coprime to the LCM of those before it; the
            // product itself (quadratic to build) is not needed.
            let mut lcm = BigUint::one();
            let mut below = false;
            for &n in &numbers {
                let n = n as u64;
                let rest = (&lcm % n).to_u64().unwrap_or(0);
                let g = rest.gcd(&n);
                below |= g > 1;
                lcm *= n / g;
                if below && lcm >= limit {
                    // This draw is kept, and its LCM only grows.
                    return Err(str_limit_error());
                }
            }
            last = (numbers, lcm);
            if below {
                break;
            }
        }
        let (numbers, lcm) = last;
        if lcm >= limit {
            return Err(str_limit_error());
        }
        Ok((numbers, BigInt::from(lcm)))
    }
}

impl Dataset for Lcm {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let (numbers, lcm) = self.numbers(&mut rng)?;
        let listed: Vec<String> = numbers.iter().map(i64::to_string).collect();
        Ok(Item {
            question: format!(
                "Find the Least Common Multiple (LCM) of these numbers: {}",
                listed.join(", ")
            ),
            answer: lcm.to_string(),
            metadata: meta! {
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
