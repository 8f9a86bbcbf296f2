//! `count_primes`: how many primes lie in a random interval.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "count_primes",
    category: "algorithmic",
    description: "Count the prime numbers in an interval",
    config_class: "CountPrimesConfig",
    build,
};

/// The reference sieves `[0, max_n]` when the dataset is built, one Python
/// object per number, so it cannot go much past 10^9. Here each item sieves
/// only its own interval, from the primes up to `sqrt(max_n)` found at build;
/// these bounds keep both steps small.
const MAX_N: i64 = 1_000_000_000_000;
const MAX_INTERVAL: u64 = 100_000_000;

struct CountPrimes {
    seed: Seed,
    min_n: i64,
    max_n: i64,
    /// Every prime up to `isqrt(max_n)`.
    small_primes: Vec<u64>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_n = r.int("min_n", 1);
    let max_n = r.int("max_n", 10_000);
    let v = r.finish()?;
    v.ensure(1 <= min_n, "min_n must be at least 1")?;
    v.ensure(min_n <= max_n, "min_n must be less than or equal to max_n")?;
    v.ensure(
        max_n <= MAX_N,
        format!("max_n must be at most {MAX_N} (the reference cannot sieve that far)"),
    )?;
    v.done(CountPrimes {
        seed: p.seed,
        min_n,
        max_n,
        small_primes: primes_up_to((max_n as u64).isqrt()),
    })
}

/// Sieve of Eratosthenes over `[0, n]`.
fn primes_up_to(n: u64) -> Vec<u64> {
    let n = n as usize;
    let mut composite = vec![false; n + 1];
    let mut primes = Vec::new();
    for i in 2..=n {
        if !composite[i] {
            primes.push(i as u64);
            for j in (i * i..=n).step_by(i) {
                composite[j] = true;
            }
        }
    }
    primes
}

impl CountPrimes {
    /// The primes in `[start, end]`, ascending; `end <= max_n`.
    fn primes_between(&self, start: u64, end: u64) -> Vec<u64> {
        let len = (end - start + 1) as usize;
        let mut composite = vec![false; len];
        for &p in &self.small_primes {
            if p * p > end {
                break;
            }
            let first = (p * p).max(start.div_ceil(p) * p);
            for m in (first..=end).step_by(p as usize) {
                composite[(m - start) as usize] = true;
            }
        }
        (start..=end)
            .zip(composite)
            .filter(|&(n, c)| n >= 2 && !c)
            .map(|(n, _)| n)
            .collect()
    }
}

impl Dataset for CountPrimes {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let start = rng.randint(self.min_n, self.max_n)?;
        let end = rng.randint(start, self.max_n)?;
        // Both bounds are at least min_n >= 1.
        let (lo, hi) = (start as u64, end as u64);
        if hi - lo >= MAX_INTERVAL {
            return Err(DatasetError::Generation(format!(
                "count_primes: the interval [{start}, {end}] has more than {MAX_INTERVAL} numbers"
            )));
        }
        let primes = self.primes_between(lo, hi);
        let answer = primes.len();
        Ok(Item {
            question: format!(
                "Count how many prime numbers there are between {start} and {end} (inclusive) ?"
            ),
            answer: answer.to_string(),
            metadata: meta! {
                "start" => start,
                "end" => end,
                "primes" => primes,
                "solution" => answer,
                "n" => [start, end],
                "difficulty" => json!({
                    "n": [self.min_n, self.max_n],
                }),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_agree_with_a_plain_sieve() {
        let all = primes_up_to(2000);
        let d = CountPrimes {
            seed: Seed::from(0u8),
            min_n: 1,
            max_n: 2000,
            small_primes: primes_up_to(44),
        };
        for (lo, hi) in [
            (1, 1),
            (1, 2),
            (2, 2),
            (4, 4),
            (1, 2000),
            (1000, 1999),
            (1999, 2000),
        ] {
            let want: Vec<u64> = all
                .iter()
                .copied()
                .filter(|&p| lo <= p && p <= hi)
                .collect();
            assert_eq!(d.primes_between(lo, hi), want, "[{lo}, {hi}]");
        }
    }
}
