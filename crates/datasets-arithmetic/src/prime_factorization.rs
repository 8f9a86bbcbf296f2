//! `prime_factorization`: factor a random integer into primes.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use num_bigint::BigInt;
use pycompat::{py_int, py_strip};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "prime_factorization",
    category: "arithmetic",
    description: "Find the prime factorization of a number",
    config_class: "PrimeFactorizationConfig",
    build,
};

struct PrimeFactorization {
    seed: Seed,
    min_value: i64,
    max_value: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = PrimeFactorization {
        seed: p.seed,
        min_value: r.int("min_value", 2),
        max_value: r.int("max_value", 1000),
    };
    let v = r.finish()?;
    v.ensure(d.min_value >= 2, "min_value must be >= 2")?;
    v.ensure(d.max_value >= d.min_value, "max_value must be >= min_value")?;
    v.done(d)
}

/// Trial division, smallest factor first.
fn prime_factors(mut n: u64) -> Vec<u64> {
    let mut factors = Vec::new();
    let mut d = 2u64;
    while n > 1 {
        while n.is_multiple_of(d) {
            factors.push(d);
            n /= d;
        }
        d += 1;
        // d² exceeds u64 near the top of the i64 range.
        if u128::from(d) * u128::from(d) > u128::from(n) {
            if n > 1 {
                factors.push(n);
            }
            break;
        }
    }
    factors
}

/// `sorted(int(f.strip()) for f in answer.split("×") if f.strip())`; `None`
/// where Python's `int()` raises.
fn parse_factors(answer: &str) -> Option<Vec<BigInt>> {
    let mut factors = answer
        .split('×')
        .map(py_strip)
        .filter(|f| !f.is_empty())
        .map(py_int)
        .collect::<Option<Vec<_>>>()?;
    factors.sort();
    Some(factors)
}

impl Dataset for PrimeFactorization {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let number = rng.randint(self.min_value, self.max_value)?;
        // min_value >= 2 makes the draw positive.
        let factors = prime_factors(number.unsigned_abs());
        let answer = factors
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(" × ");
        Ok(Item {
            question: format!(
                "Find the prime factorization of {number}. Write the factors separated by × \
                 (Example: for 12 the answer would be: 2 × 2 × 3)"
            ),
            answer,
            metadata: meta! {
                "number" => number,
                "factors" => factors,
                "difficulty" => json!({ "value": [self.min_value, self.max_value] }),
            },
        })
    }

    /// 1.0 for the same factors in any order, 0.5 for another factorization of
    /// the same product, 0.01 otherwise. Python raises on a non-integer factor;
    /// that scores 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let (Some(oracle), Some(given)) = (parse_factors(&item.answer), parse_factors(answer))
        else {
            return 0.0;
        };
        let product = |fs: &[BigInt]| fs.iter().product::<BigInt>();
        if oracle == given {
            1.0
        } else if product(&oracle) == product(&given) {
            0.5
        } else {
            0.01
        }
    }
}
