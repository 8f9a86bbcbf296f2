//! The part of Python's `decimal` module that reasoning-gym relies on, with
//! CPython's (libmpdec's) results: `Decimal(str)` parsing, `str()`, exact
//! comparison, context arithmetic (`+ - * /`, unary minus, `**` with an integer
//! exponent), `quantize`, `adjusted()` and `f"{d:.Nf}"`.
//!
//! A value is a sign, an arbitrary-precision coefficient and a power-of-ten
//! exponent, exactly as in the General Decimal Arithmetic specification that
//! both `_pydecimal` and libmpdec implement. The coefficient is kept as its
//! decimal digits, so that parsing, printing, comparing and rounding an answer
//! of any length is linear; `num-bigint` does the multiplications and
//! divisions. Operations that Python's default context
//! traps (InvalidOperation, DivisionByZero, Overflow) return an error; the
//! other conditions (Inexact, Rounded, Subnormal, Underflow, Clamped) are only
//! flags in Python and leave no trace here.

mod arith;
mod digits;
mod parse;

use std::cmp::Ordering;
use std::fmt;

use num_bigint::BigUint;

pub use arith::{Context, Rounding};
use digits::{cmp_aligned, Digits};

/// A trapped decimal condition: what Python would raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DecimalError {
    /// `Decimal(s)` of a string that is not a number (`InvalidOperation`,
    /// signal `ConversionSyntax`).
    #[error("invalid decimal literal")]
    ConversionSyntax,
    #[error("invalid operation")]
    InvalidOperation,
    #[error("division by zero")]
    DivisionByZero,
    #[error("overflow")]
    Overflow,
}

/// A Python `decimal.Decimal`.
#[derive(Debug, Clone)]
pub struct Decimal {
    negative: bool,
    kind: Kind,
}

#[derive(Debug, Clone)]
enum Kind {
    Finite {
        coeff: Digits,
        exp: i64,
    },
    Infinite,
    /// A payload of zero prints as no payload.
    NaN {
        payload: Digits,
        signaling: bool,
    },
}

impl Decimal {
    /// `Decimal((sign, digits, exp))` for a finite value.
    pub fn from_parts(negative: bool, coeff: BigUint, exp: i64) -> Decimal {
        Decimal::finite(negative, Digits::from_biguint(&coeff), exp)
    }

    fn finite(negative: bool, coeff: Digits, exp: i64) -> Decimal {
        Decimal {
            negative,
            kind: Kind::Finite { coeff, exp },
        }
    }

    pub fn infinity(negative: bool) -> Decimal {
        Decimal {
            negative,
            kind: Kind::Infinite,
        }
    }

    /// A quiet NaN without payload.
    pub fn nan() -> Decimal {
        Decimal {
            negative: false,
            kind: Kind::NaN {
                payload: Digits::zero(),
                signaling: false,
            },
        }
    }

    pub fn is_nan(&self) -> bool {
        matches!(self.kind, Kind::NaN { .. })
    }

    pub fn is_snan(&self) -> bool {
        matches!(
            self.kind,
            Kind::NaN {
                signaling: true,
                ..
            }
        )
    }

    pub fn is_infinite(&self) -> bool {
        matches!(self.kind, Kind::Infinite)
    }

    pub fn is_finite(&self) -> bool {
        matches!(self.kind, Kind::Finite { .. })
    }

    /// `d.is_zero()`: a finite zero of either sign and any exponent.
    pub fn is_zero(&self) -> bool {
        matches!(&self.kind, Kind::Finite { coeff, .. } if coeff.is_zero())
    }

    /// `d.is_signed()`: the sign bit, also for zeros and NaNs.
    pub fn is_signed(&self) -> bool {
        self.negative
    }

    /// The coefficient of a finite value (`d.as_tuple().digits` as an integer).
    pub fn coefficient(&self) -> Option<BigUint> {
        match &self.kind {
            Kind::Finite { coeff, .. } => Some(coeff.to_biguint()),
            _ => None,
        }
    }

    /// The exponent of a finite value (`d.as_tuple().exponent`).
    pub fn exponent(&self) -> Option<i64> {
        match &self.kind {
            Kind::Finite { exp, .. } => Some(*exp),
            _ => None,
        }
    }

    /// `d.adjusted()`: the exponent of the most significant digit; 0 for
    /// special values, as CPython returns.
    pub fn adjusted(&self) -> i64 {
        match &self.kind {
            Kind::Finite { coeff, exp } => exp + coeff.len() as i64 - 1,
            _ => 0,
        }
    }

    /// `d.copy_negate()`.
    pub fn copy_negate(&self) -> Decimal {
        Decimal {
            negative: !self.negative,
            kind: self.kind.clone(),
        }
    }

    /// `d.copy_abs()`.
    pub fn copy_abs(&self) -> Decimal {
        Decimal {
            negative: false,
            kind: self.kind.clone(),
        }
    }

    /// Numeric comparison, `None` when either side is a NaN.
    pub fn compare(&self, other: &Decimal) -> Option<Ordering> {
        if self.is_nan() || other.is_nan() {
            return None;
        }
        let rank = |d: &Decimal| -> i8 {
            match (&d.kind, d.negative) {
                (Kind::Infinite, true) => -2,
                (Kind::Infinite, false) => 2,
                (Kind::Finite { coeff, .. }, _) if coeff.is_zero() => 0,
                (_, true) => -1,
                (_, false) => 1,
            }
        };
        let (ra, rb) = (rank(self), rank(other));
        if ra != rb || ra.abs() != 1 {
            return Some(ra.cmp(&rb));
        }
        // Both finite, nonzero, same sign: compare magnitudes.
        let (Kind::Finite { coeff: ca, exp: ea }, Kind::Finite { coeff: cb, exp: eb }) =
            (&self.kind, &other.kind)
        else {
            return None;
        };
        let mag = cmp_magnitude(ca, *ea, cb, *eb);
        Some(if self.negative { mag.reverse() } else { mag })
    }

    /// Python's `a == b`: a signaling NaN on either side raises
    /// `InvalidOperation`; a quiet NaN is unequal to everything.
    pub fn py_eq(&self, other: &Decimal) -> Result<bool, DecimalError> {
        if self.is_snan() || other.is_snan() {
            return Err(DecimalError::InvalidOperation);
        }
        Ok(self.compare(other) == Some(Ordering::Equal))
    }

    /// `f"{d:.{places}f}"` (or `f"{d:f}"` with `None`), rounding with
    /// `rounding` (Python takes the current context's rounding).
    pub fn format_fixed(&self, places: Option<u64>, rounding: Rounding) -> String {
        let sign = if self.negative { "-" } else { "" };
        let (coeff, exp) = match &self.kind {
            Kind::Finite { coeff, exp } => (coeff, *exp),
            // Special values ignore the precision.
            _ => return format!("{sign}{}", self.copy_abs()),
        };
        let (coeff, exp) = match places {
            Some(p) => arith::rescale(coeff, exp as i128, -(p as i128), self.negative, rounding),
            None => (coeff.clone(), exp as i128),
        };
        // Zeros with a positive exponent have no fixed-point form: 0E+3 prints as 0.
        let exp = if coeff.is_zero() && exp > 0 { 0 } else { exp };
        let digits = ascii(&coeff);
        let (int_part, frac_part) = if exp >= 0 {
            (
                format!("{digits}{}", "0".repeat(exp as usize)),
                String::new(),
            )
        } else {
            let frac_len = (-exp) as usize;
            if frac_len >= digits.len() {
                (
                    "0".to_string(),
                    format!("{}{digits}", "0".repeat(frac_len - digits.len())),
                )
            } else {
                let (a, b) = digits.split_at(digits.len() - frac_len);
                (a.to_string(), b.to_string())
            }
        };
        if frac_part.is_empty() {
            format!("{sign}{int_part}")
        } else {
            format!("{sign}{int_part}.{frac_part}")
        }
    }
}

/// Compares `ca * 10^ea` with `cb * 10^eb` (both nonzero): by adjusted
/// exponent, then digit by digit.
fn cmp_magnitude(ca: &Digits, ea: i64, cb: &Digits, eb: i64) -> Ordering {
    let adj_a = ea as i128 + ca.len() as i128;
    let adj_b = eb as i128 + cb.len() as i128;
    adj_a.cmp(&adj_b).then_with(|| cmp_aligned(ca, cb))
}

fn ascii(d: &Digits) -> String {
    d.values().iter().map(|&v| char::from(b'0' + v)).collect()
}

impl PartialEq for Decimal {
    /// Numeric equality: `Decimal("1.0") == Decimal("1")`; NaNs are unequal.
    fn eq(&self, other: &Decimal) -> bool {
        self.compare(other) == Some(Ordering::Equal)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        self.compare(other)
    }
}

impl From<i64> for Decimal {
    fn from(n: i64) -> Decimal {
        Decimal::from_parts(n < 0, BigUint::from(n.unsigned_abs()), 0)
    }
}

impl From<&num_bigint::BigInt> for Decimal {
    fn from(n: &num_bigint::BigInt) -> Decimal {
        Decimal::from_parts(
            n.sign() == num_bigint::Sign::Minus,
            n.magnitude().clone(),
            0,
        )
    }
}

impl fmt::Display for Decimal {
    /// `str(d)`: scientific notation exactly when the exponent is positive or
    /// the number is smaller than 1E-6 (the specification's to-sci-string).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negative {
            f.write_str("-")?;
        }
        let (coeff, exp) = match &self.kind {
            Kind::Infinite => return f.write_str("Infinity"),
            Kind::NaN { payload, signaling } => {
                f.write_str(if *signaling { "sNaN" } else { "NaN" })?;
                if !payload.is_zero() {
                    f.write_str(&ascii(payload))?;
                }
                return Ok(());
            }
            Kind::Finite { coeff, exp } => (coeff, *exp as i128),
        };
        let digits = ascii(coeff);
        let n = digits.len() as i128;
        let leftdigits = exp + n;
        let dotplace = if exp <= 0 && leftdigits > -6 {
            leftdigits
        } else {
            1
        };
        if dotplace <= 0 {
            write!(f, "0.{}{digits}", "0".repeat((-dotplace) as usize))?;
        } else if dotplace >= n {
            write!(f, "{digits}{}", "0".repeat((dotplace - n) as usize))?;
        } else {
            let (a, b) = digits.split_at(dotplace as usize);
            write!(f, "{a}.{b}")?;
        }
        if leftdigits != dotplace {
            write!(f, "E{:+}", leftdigits - dotplace)?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Decimal {
    type Err = DecimalError;

    /// `Decimal(s)`: exact, whatever its length or exponent within libmpdec's
    /// limits; surrounding whitespace, `_` anywhere and non-ASCII decimal
    /// digits are accepted as CPython's `_decimal` does.
    fn from_str(s: &str) -> Result<Decimal, DecimalError> {
        parse::parse(s)
    }
}
