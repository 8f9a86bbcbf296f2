//! Operand ranges shared by the chain and product datasets (and the integer
//! parts of decimal_chain_sum's operands).

use dataset_core::config::count;
use dataset_core::{ConfigReader, Result, Validator};
use num_bigint::BigInt;
use num_traits::{One, Zero};

use crate::pyint::{str_limit_error, CERTAIN_DIGITS};

/// The term and digit ranges that chain_sum and products read and validate
/// identically (their Python configs differ only in defaults).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TermRanges {
    pub(crate) min_terms: i64,
    pub(crate) max_terms: i64,
    pub(crate) min_digits: i64,
    pub(crate) max_digits: i64,
    pub(crate) allow_negation: bool,
}

impl TermRanges {
    /// Reads the fields (only the `max_*` defaults differ between the two).
    pub(crate) fn read(r: &mut ConfigReader, max_terms: i64, max_digits: i64) -> Self {
        TermRanges {
            min_terms: r.int("min_terms", 2),
            max_terms: r.int("max_terms", max_terms),
            min_digits: r.int("min_digits", 1),
            max_digits: r.int("max_digits", max_digits),
            allow_negation: r.bool("allow_negation", false),
        }
    }

    /// `validate()`, then the size bound.
    pub(crate) fn validate(&self, v: &Validator) -> Result<()> {
        self.validate_ranges(v)?;
        // Operands of more than CERTAIN_DIGITS digits fail the item (as
        // Python's `str()` does) before they are drawn.
        v.ensure_item_size(
            count(self.max_terms).saturating_mul(count(self.max_digits.min(CERTAIN_DIGITS))),
            "max_terms * max_digits",
        )
    }

    /// The four range assertions of `validate()`, in its order.
    pub(crate) fn validate_ranges(&self, v: &Validator) -> Result<()> {
        v.ensure(self.min_terms > 0, "min_terms must be positive")?;
        v.ensure(
            self.max_terms >= self.min_terms,
            "max_terms must be >= min_terms",
        )?;
        v.ensure(self.min_digits > 0, "min_digits must be positive")?;
        v.ensure(
            self.max_digits >= self.min_digits,
            "max_digits must be >= min_digits",
        )
    }
}

/// What [`TermRanges::draw`] draws for one item.
pub(crate) struct Operands {
    pub(crate) num_terms: i64,
    pub(crate) num_digits: i64,
    pub(crate) constants: Vec<BigInt>,
}

impl TermRanges {
    /// `num_terms`, then `num_digits`, then each of the `num_terms` constants
    /// (`randint(-max_value if allow_negation else min_value, max_value)`),
    /// drawn as chain_sum and products both draw them. More than
    /// `CERTAIN_DIGITS` digits fails the item before any constant is drawn,
    /// as Python's `str()` of one would.
    pub(crate) fn draw(&self, rng: &mut dataset_core::Random) -> Result<Operands> {
        let (num_terms, num_digits, low, max_value) = self.draw_shape(rng)?;
        let constants = (0..num_terms)
            .map(|_| rng.randint_big(&low, &max_value))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Operands {
            num_terms,
            num_digits,
            constants,
        })
    }
}

impl TermRanges {
    /// `num_terms`, `num_digits`, and the bounds each constant is drawn
    /// between (`-max_value if allow_negation else min_value`, `max_value`):
    /// the draws every operand of these datasets starts with. More than
    /// `CERTAIN_DIGITS` digits fails the item here, as Python's `str()` of
    /// one would.
    pub(crate) fn draw_shape(
        &self,
        rng: &mut dataset_core::Random,
    ) -> Result<(i64, i64, BigInt, BigInt)> {
        let num_terms = rng.randint(self.min_terms, self.max_terms)?;
        let num_digits = rng.randint(self.min_digits, self.max_digits)?;
        if num_digits > CERTAIN_DIGITS {
            return Err(str_limit_error());
        }
        let (min_value, max_value) = digit_range(num_digits);
        let low = if self.allow_negation {
            -&max_value
        } else {
            min_value
        };
        Ok((num_terms, num_digits, low, max_value))
    }
}

/// `(min_value, max_value)` of a `num_digits`-digit operand as the reference
/// computes them: `0 if num_digits == 1 else 10**(num_digits - 1)` and
/// `10**num_digits - 1`.
pub(crate) fn digit_range(num_digits: i64) -> (BigInt, BigInt) {
    let pow10 = |n: i64| num_traits::pow(BigInt::from(10u32), n.max(0) as usize);
    let min = if num_digits == 1 {
        BigInt::zero()
    } else {
        pow10(num_digits - 1)
    };
    (min, pow10(num_digits) - BigInt::one())
}

/// A number field of a config as Python holds it: an `int` given (or
/// defaulted) stays an `int`, which shows in metadata and in arithmetic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum PyNum {
    Int(i64),
    Float(f64),
}

impl PyNum {
    pub(crate) fn read(r: &mut ConfigReader, name: &'static str, default: PyNum) -> PyNum {
        let given = r.raw(name).cloned();
        // Type errors are reported by the reader at `finish()`.
        let value = r.float(name, default.as_f64());
        match given {
            None => default,
            Some(v) => match v.as_i64() {
                Some(i) if v.is_number() => PyNum::Int(i),
                _ => PyNum::Float(value),
            },
        }
    }

    pub(crate) fn as_f64(self) -> f64 {
        match self {
            PyNum::Int(i) => i as f64,
            PyNum::Float(f) => f,
        }
    }

    /// `-x`.
    pub(crate) fn neg(self) -> PyNum {
        match self {
            PyNum::Int(i) => i
                .checked_neg()
                .map_or(PyNum::Float(-(i as f64)), PyNum::Int),
            PyNum::Float(f) => PyNum::Float(-f),
        }
    }

    pub(crate) fn json(self) -> serde_json::Value {
        match self {
            PyNum::Int(i) => i.into(),
            PyNum::Float(f) => f.into(),
        }
    }
}

/// `rng.uniform(a, b)`, `a + (b - a) * random()`, with `b - a` exact when
/// both are ints, as Python computes it.
pub(crate) fn py_uniform(rng: &mut dataset_core::Random, a: PyNum, b: PyNum) -> f64 {
    let width = match (a, b) {
        (PyNum::Int(a), PyNum::Int(b)) => (b as i128 - a as i128) as f64,
        _ => b.as_f64() - a.as_f64(),
    };
    a.as_f64() + width * rng.random()
}
