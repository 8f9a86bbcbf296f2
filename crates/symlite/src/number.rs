//! sympy's `Integer` / `Rational`: exact, always in lowest terms with a
//! positive denominator.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::fmt;

/// `p/q` in lowest terms, `q > 0`. An integer keeps no denominator (`q`
/// is `None`, read as 1), which saves an allocation per integer.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Rational {
    p: BigInt,
    q: Option<BigInt>,
}

static ONE: std::sync::LazyLock<BigInt> = std::sync::LazyLock::new(BigInt::one);

/// `Some(q)` unless `q` is 1.
fn denom_of(q: BigInt) -> Option<BigInt> {
    if q.is_one() {
        None
    } else {
        Some(q)
    }
}

impl Rational {
    pub fn int<T: Into<BigInt>>(n: T) -> Rational {
        Rational {
            p: n.into(),
            q: None,
        }
    }

    pub fn zero() -> Rational {
        Rational::int(0)
    }

    pub fn one() -> Rational {
        Rational::int(1)
    }

    /// `p/q` reduced; `None` for a zero denominator.
    pub fn new(p: BigInt, q: BigInt) -> Option<Rational> {
        if q.is_zero() {
            return None;
        }
        // A unit denominator needs no gcd (which num-bigint computes in
        // time quadratic in the size of `p`).
        if q.magnitude().is_one() {
            return Some(Rational {
                p: if q.is_negative() { -p } else { p },
                q: None,
            });
        }
        let g = p.gcd(&q);
        let (mut p, mut q) = if g.is_one() { (p, q) } else { (p / &g, q / &g) };
        if q.is_negative() {
            p = -p;
            q = -q;
        }
        Some(Rational { p, q: denom_of(q) })
    }

    pub fn numer(&self) -> &BigInt {
        &self.p
    }

    pub fn denom(&self) -> &BigInt {
        self.q()
    }

    fn q(&self) -> &BigInt {
        self.q.as_ref().unwrap_or(&ONE)
    }

    pub fn is_zero(&self) -> bool {
        self.p.is_zero()
    }

    pub fn is_one(&self) -> bool {
        self.p.is_one() && self.q.is_none()
    }

    pub fn is_minus_one(&self) -> bool {
        self.q.is_none() && self.p == BigInt::from(-1)
    }

    pub fn is_integer(&self) -> bool {
        self.q.is_none()
    }

    pub fn is_negative(&self) -> bool {
        self.p.is_negative()
    }

    pub fn is_positive(&self) -> bool {
        self.p.is_positive()
    }

    /// The larger of the numerator's and the denominator's bit lengths.
    pub fn bits(&self) -> u64 {
        self.p.bits().max(self.q().bits())
    }

    pub fn neg(&self) -> Rational {
        Rational {
            p: -&self.p,
            q: self.q.clone(),
        }
    }

    pub fn abs(&self) -> Rational {
        Rational {
            p: self.p.abs(),
            q: self.q.clone(),
        }
    }

    pub fn add(&self, o: &Rational) -> Rational {
        if self.q.is_none() && o.q.is_none() {
            return Rational::int(&self.p + &o.p);
        }
        Rational::new(&self.p * o.q() + &o.p * self.q(), self.q() * o.q()).expect("q > 0")
    }

    pub fn sub(&self, o: &Rational) -> Rational {
        self.add(&o.neg())
    }

    pub fn mul(&self, o: &Rational) -> Rational {
        if self.q.is_none() && o.q.is_none() {
            return Rational::int(&self.p * &o.p);
        }
        Rational::new(&self.p * &o.p, self.q() * o.q()).expect("q > 0")
    }

    /// `None` when `o` is zero.
    pub fn div(&self, o: &Rational) -> Option<Rational> {
        Rational::new(&self.p * o.q(), self.q() * &o.p)
    }

    /// `1/self`; `None` for zero.
    pub fn recip(&self) -> Option<Rational> {
        Rational::new(self.q().clone(), self.p.clone())
    }

    /// `self**e` for an integer `e`, when the result's parts stay within
    /// `max_bits` bits: `Err(true)` for a zero base with a negative
    /// exponent (sympy's `zoo`), `Err(false)` when the result would be too big.
    pub fn pow_int(&self, e: &BigInt, max_bits: u64) -> Result<Rational, bool> {
        if e.is_zero() {
            return Ok(Rational::one());
        }
        if self.is_zero() {
            return if e.is_negative() {
                Err(true)
            } else {
                Ok(Rational::zero())
            };
        }
        let (p_abs, q) = (self.p.abs(), self.q());
        // |p| = 1 and q = 1: no growth.
        if p_abs.is_one() && q.is_one() {
            let odd = e.is_odd();
            return Ok(if self.p.is_negative() && odd {
                Rational::int(-1)
            } else {
                Rational::one()
            });
        }
        let n = e.abs().to_u64().ok_or(false)?;
        let bits = self.bits().saturating_sub(1).max(1);
        if bits.saturating_mul(n) > max_bits {
            return Err(false);
        }
        let n32 = u32::try_from(n).map_err(|_| false)?;
        let p = num_traits::pow::Pow::pow(&self.p, n32);
        let qq = num_traits::pow::Pow::pow(q, n32);
        Ok(if e.is_negative() {
            Rational::new(qq, p).expect("p != 0")
        } else {
            Rational { p, q: denom_of(qq) }
        })
    }

    /// Python's `int()` of a sympy Rational: truncation toward zero.
    pub fn trunc(&self) -> BigInt {
        let t = self.p.abs() / self.q();
        if self.p.is_negative() {
            -t
        } else {
            t
        }
    }

    /// `float(self)`: `Rational.__float__`, mpmath's conversion at 53
    /// bits (nearest, ties to even), then `ldexp` (subnormals round once
    /// more, past the double range is infinite).
    pub fn to_f64(&self) -> f64 {
        crate::mpf::Mpf::from_rational(self, 53, crate::mpf::Round::Nearest).to_f64()
    }

    pub fn to_i64(&self) -> Option<i64> {
        if self.q.is_none() {
            self.p.to_i64()
        } else {
            None
        }
    }

    pub fn sign(&self) -> Sign {
        self.p.sign()
    }
}

impl Ord for Rational {
    fn cmp(&self, o: &Rational) -> Ordering {
        if self.q == o.q {
            return self.p.cmp(&o.p);
        }
        (&self.p * o.q()).cmp(&(&o.p * self.q()))
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, o: &Rational) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// sympy's `StrPrinter._print_Rational`: `p` or `p/q`.
impl fmt::Display for Rational {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.q.is_none() {
            write!(f, "{}", self.p)
        } else {
            write!(f, "{}/{}", self.p, self.q())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowest_terms_and_float() {
        let r = Rational::new(BigInt::from(6), BigInt::from(-4)).unwrap();
        assert_eq!(r.to_string(), "-3/2");
        assert_eq!(r.to_f64(), -1.5);
        assert_eq!(r.trunc(), BigInt::from(-1));
        let third = Rational::new(BigInt::from(1), BigInt::from(3)).unwrap();
        assert_eq!(third.to_f64(), 1.0 / 3.0);
        let big = Rational::new(BigInt::from(10).pow(30u32) + 1, BigInt::from(3)).unwrap();
        assert_eq!(big.to_f64(), (1e30f64 + 1.0) / 3.0);
        let huge = Rational::int(BigInt::one() << 2000u32);
        assert_eq!(huge.to_f64(), f64::INFINITY);
        // 2**53 + 1 rounds to even.
        let r = Rational::int((BigInt::one() << 53u32) + 1);
        assert_eq!(r.to_f64(), 9007199254740992.0);
        let r = Rational::int((BigInt::one() << 54u32) + 6);
        assert_eq!(r.to_f64(), 18014398509481992.0);
    }
}
