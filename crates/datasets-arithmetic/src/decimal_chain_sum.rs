//! `decimal_chain_sum`: a chain of additions and subtractions of decimals,
//! computed with Python's `Decimal` under the default context.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use num_bigint::BigInt;
use pydecimal::{Context, Decimal, DecimalError, Rounding};
use serde_json::json;

use crate::operands::TermRanges;
use crate::pyint::{py_str, str_limit_error, CERTAIN_DIGITS, MAX_STR_DIGITS};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "decimal_chain_sum",
    category: "arithmetic",
    description: "Add and subtract a chain of decimal numbers",
    config_class: "DecimalChainSumConfig",
    build,
};

struct DecimalChainSum {
    seed: Seed,
    /// The integer parts, drawn as chain_sum draws its operands.
    t: TermRanges,
    min_decimal_places: i64,
    max_decimal_places: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    // Read in the config class's field order (allow_negation comes last).
    let (min_terms, max_terms) = (r.int("min_terms", 2), r.int("max_terms", 6));
    let (min_digits, max_digits) = (r.int("min_digits", 1), r.int("max_digits", 4));
    let min_decimal_places = r.int("min_decimal_places", 1);
    let max_decimal_places = r.int("max_decimal_places", 4);
    let d = DecimalChainSum {
        seed: p.seed,
        t: TermRanges {
            min_terms,
            max_terms,
            min_digits,
            max_digits,
            allow_negation: r.bool("allow_negation", false),
        },
        min_decimal_places,
        max_decimal_places,
    };
    let v = r.finish()?;
    d.t.validate_ranges(&v)?;
    v.ensure(
        d.min_decimal_places >= 0,
        "min_decimal_places must be non-negative",
    )?;
    v.ensure(
        d.max_decimal_places >= d.min_decimal_places,
        "max_decimal_places must be >= min_decimal_places",
    )?;
    // Integer parts of more than CERTAIN_DIGITS digits, and 4300 or more
    // decimal places, fail the item (as Python's `str()` does) before they
    // are drawn.
    let digits = count(d.t.max_digits.min(CERTAIN_DIGITS))
        .saturating_add(count(d.max_decimal_places.min(MAX_STR_DIGITS)));
    v.ensure_item_size(
        count(d.t.max_terms).saturating_mul(digits),
        "max_terms * (max_digits + max_decimal_places)",
    )?;
    v.done(d)
}

fn decimal_failed(e: DecimalError) -> DatasetError {
    DatasetError::Generation(format!("decimal arithmetic failed: {e}"))
}

impl Dataset for DecimalChainSum {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let (num_terms, num_digits, low, max_value) = self.t.draw_shape(&mut rng)?;
        let ctx = Context::default();
        // `Decimal(str(randint(...)))`.
        let mut constants = (0..num_terms)
            .map(|_| {
                let n = rng.randint_big(&low, &max_value)?;
                if num_digits > MAX_STR_DIGITS {
                    py_str(&n)?;
                }
                Ok(Decimal::from(&n))
            })
            .collect::<Result<Vec<_>>>()?;
        let places = (0..num_terms)
            .map(|_| rng.randint(self.min_decimal_places, self.max_decimal_places))
            .collect::<Result<Vec<_>, _>>()?;
        // `str(randint(10**(p-1), 10**p - 1))` has p digits, `str(10**p)` p + 1.
        if places.iter().any(|&p| p >= MAX_STR_DIGITS) {
            return Err(str_limit_error());
        }
        for (c, &p) in constants.iter_mut().zip(&places) {
            let pow10 = |n: i64| num_traits::pow(BigInt::from(10u32), n.max(0) as usize);
            let min_frac = if p == 0 {
                BigInt::from(0)
            } else {
                pow10(p - 1)
            };
            let max_frac = pow10(p) - 1;
            let numerator = Decimal::from(&rng.randint_big(&min_frac, &max_frac)?);
            let scale = Decimal::from(&pow10(p));
            let frac = numerator.div(&scale, &ctx).map_err(decimal_failed)?;
            *c = c.add(&frac, &ctx).map_err(decimal_failed)?;
        }
        let operators = (1..num_terms)
            .map(|_| rng.choice(&["+", "-"]).copied())
            .collect::<Result<Vec<_>, _>>()?;
        let fixed = |d: &Decimal, p: i64| d.format_fixed(Some(p as u64), Rounding::HalfEven);
        let mut result = constants[0].clone();
        let mut parts = vec![fixed(&constants[0], places[0])];
        for (i, op) in operators.iter().enumerate() {
            let c = &constants[i + 1];
            parts.push(op.to_string());
            parts.push(fixed(c, places[i + 1]));
            result = if *op == "+" {
                result.add(c, &ctx)
            } else {
                result.sub(c, &ctx)
            }
            .map_err(decimal_failed)?;
        }
        let max_places = places.iter().copied().max().unwrap_or(0);
        let quantum: Decimal = format!("0.{}", "0".repeat(max_places as usize))
            .parse()
            .map_err(decimal_failed)?;
        // The reference keeps the unquantized sum when quantize is invalid
        // (more than 28 digits).
        if let Ok(q) = result.quantize(&quantum, None, &ctx) {
            result = q;
        }
        let expression = parts.join(" ");
        Ok(Item {
            question: format!(
                "State the final answer to the following arithmetic problem: {expression} ="
            ),
            answer: result.to_string(),
            metadata: meta! {
                "num_terms" => num_terms,
                "num_digits" => num_digits,
                "expression" => expression,
                "difficulty" => json!({
                    "num_terms": [self.t.min_terms, self.t.max_terms],
                    "num_digits": [self.t.min_digits, self.t.max_digits],
                    "decimal_places": [self.min_decimal_places, self.max_decimal_places],
                }),
            },
        })
    }

    /// 1.0 when the answer equals the oracle as a `Decimal`, else 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.map(pycompat::py_strip) else {
            return 0.0;
        };
        if answer.is_empty() {
            return 0.0;
        }
        match (answer.parse::<Decimal>(), item.answer.parse::<Decimal>()) {
            (Ok(a), Ok(o)) if a.py_eq(&o) == Ok(true) => 1.0,
            _ => 0.0,
        }
    }
}
