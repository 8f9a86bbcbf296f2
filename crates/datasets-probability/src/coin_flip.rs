//! `coin_flip`: the probability of exactly / at least k heads in n fair flips.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use num_bigint::BigInt;
use pycompat::{format_general, py_fraction_float, py_int_json, py_int_true_div, py_strip};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "coin_flip",
    category: "probability",
    description: "Probability of getting exactly or at least k heads in n fair coin flips",
    config_class: "CoinFlipConfig",
    build,
};

/// The reference sums up to n big binomials per item; past this many flips
/// that takes minutes, and every probability is 0 or an `OverflowError` anyway.
const MAX_FLIPS: i64 = 100_000;

struct CoinFlip {
    seed: Seed,
    min_trials: i64,
    max_trials: i64,
    allow_exact: bool,
    allow_at_least: bool,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = CoinFlip {
        seed: p.seed,
        min_trials: r.int("min_trials", 3),
        max_trials: r.int("max_trials", 15),
        allow_exact: r.bool("allow_exact", true),
        allow_at_least: r.bool("allow_at_least", true),
    };
    let v = r.finish()?;
    v.ensure(d.min_trials > 0, "min_trials must be positive")?;
    v.ensure(
        d.max_trials >= d.min_trials,
        "max_trials must be >= min_trials",
    )?;
    v.ensure(
        d.allow_exact || d.allow_at_least,
        "At least one of allow_exact or allow_at_least must be True",
    )?;
    v.done(d)
}

#[derive(Clone, Copy, PartialEq)]
enum Problem {
    Exact,
    AtLeast,
}

/// `math.comb(n, k)`.
fn comb(n: u64, k: u64) -> BigInt {
    let k = k.min(n - k);
    let mut c = BigInt::from(1u8);
    for i in 0..k {
        c = c * (n - i) / (i + 1);
    }
    c
}

/// `sum(math.comb(n, i) for i in range(k, n + 1))`, through whichever tail is shorter.
fn comb_tail(n: u64, k: u64) -> BigInt {
    let mut sum = BigInt::ZERO;
    if 2 * k > n {
        // C(n, n) + C(n, n-1) + ... + C(n, k)
        let mut c = BigInt::from(1u8);
        for i in (k..=n).rev() {
            sum += &c;
            c = c * i / (n - i + 1);
        }
        sum
    } else {
        // 2^n - (C(n, 0) + ... + C(n, k-1))
        let mut c = BigInt::from(1u8);
        for i in 0..k {
            sum += &c;
            c = c * (n - i) / (i + 1);
        }
        (BigInt::from(1u8) << n) - sum
    }
}

/// `0.5 ** n`: exact down to the smallest subnormal, then 0.
fn half_pow(n: u64) -> f64 {
    match n {
        0..=1022 => f64::from_bits((1023 - n) << 52),
        1023..=1074 => f64::from_bits(1 << (1074 - n)),
        _ => 0.0,
    }
}

impl Dataset for CoinFlip {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n = rng.randint(self.min_trials, self.max_trials)?;
        let mut available = Vec::with_capacity(2);
        if self.allow_exact {
            available.push(Problem::Exact);
        }
        if self.allow_at_least {
            available.push(Problem::AtLeast);
        }
        let problem = *rng.choice(&available)?;
        let k = rng.randint(0, n)?;
        if n > MAX_FLIPS {
            return Err(DatasetError::Generation(format!(
                "coin_flip: {n} flips is more than rgym computes ({MAX_FLIPS})"
            )));
        }
        let (n, k) = (n as u64, k as u64);
        let (numerator, question, problem_type) = match problem {
            Problem::Exact => (
                comb(n, k),
                format!(
                    "What is the probability of getting exactly {k} heads in {n} fair coin flips?"
                ),
                "exact",
            ),
            Problem::AtLeast => (
                comb_tail(n, k),
                format!(
                    "What is the probability of getting at least {k} heads in {n} fair coin flips?"
                ),
                "at_least",
            ),
        };
        // `count * (0.5 ** n)`: the count is rounded to a float first, which
        // raises OverflowError past f64::MAX.
        let count = py_int_true_div(&numerator, &BigInt::from(1u8)).ok_or_else(|| {
            DatasetError::Generation("OverflowError: int too large to convert to float".into())
        })?;
        let prob = count * half_pow(n);
        Ok(Item {
            question,
            answer: format_general(prob, 10),
            metadata: meta! {
                "num_trials" => n,
                "k_heads" => k,
                "problem_type" => problem_type,
                "rational" => json!({
                    "numerator": py_int_json(&numerator),
                    "denominator": py_int_json(&(BigInt::from(1u8) << n)),
                }),
                "difficulty" => json!({
                    "num_trials": [self.min_trials, self.max_trials],
                }),
            },
        })
    }

    /// Full marks within 1e-4 of the oracle (answers may be fractions such as
    /// `3/8`); otherwise the share of the oracle's leading `.10g` characters
    /// the answer gets right.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        const TOL: f64 = 1e-4;
        let Some(answer) = answer else { return 0.0 };
        if py_strip(answer).is_empty() {
            return 0.0;
        }
        let parse = |s: &str| py_fraction_float(&s.replace(',', ""));
        // An OverflowError escapes the reference's scorer; it is a wrong answer here.
        let (Ok(value), Ok(oracle)) = (parse(answer), parse(&item.answer)) else {
            return 0.0;
        };
        if (value - oracle).abs() <= TOL {
            return 1.0;
        }
        let (a, o) = (format_general(value, 10), format_general(oracle, 10));
        let matched = a.chars().zip(o.chars()).take_while(|(x, y)| x == y).count();
        matched as f64 / a.chars().count().min(o.chars().count()) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binomials() {
        assert_eq!(comb(10, 3), BigInt::from(120));
        assert_eq!(comb(10, 0), BigInt::from(1));
        assert_eq!(comb(10, 10), BigInt::from(1));
        for n in 0..30u64 {
            for k in 0..=n {
                let direct: BigInt = (k..=n).map(|i| comb(n, i)).sum();
                assert_eq!(comb_tail(n, k), direct, "n={n} k={k}");
            }
        }
    }

    #[test]
    fn half_powers() {
        assert_eq!(half_pow(0), 1.0);
        assert_eq!(half_pow(3), 0.125);
        assert_eq!(half_pow(1074), 5e-324);
        assert_eq!(half_pow(1075), 0.0);
        assert_eq!(half_pow(1023), 2f64.powi(-1023));
    }
}
