//! mpmath's raw binary floating point (`mpmath/libmp/libmpf.py`, pure
//! Python backend), the subset sympy's `Float` and `float()` use: values
//! `(-1)**neg * man * 2**exp` with an exact integer mantissa, rounded to a
//! given precision in bits.
//!
//! Each function is a port of the mpmath function it names, including the
//! places where mpmath is not correctly rounded (`mpf_pow_int` truncates its
//! intermediate products) and its shortcuts (`mpf_add` perturbs instead of
//! shifting a far smaller operand), so the bits agree with sympy's.
//! Infinities and NaN never reach here: sympy keeps them as `oo`, `zoo`,
//! `nan`, which [`crate::parse`] handles before any `Mpf` is made.
//!
//! mpmath is Copyright Fredrik Johansson and the mpmath contributors, BSD
//! 3-Clause License.

use crate::number::Rational;
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A rounding mode of mpmath: `round_nearest` (ties to even),
/// `round_down` (toward zero, mpmath's `round_fast`), `round_up` (away
/// from zero), `round_floor` and `round_ceiling`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Round {
    Nearest,
    Down,
    Up,
    Floor,
    Ceiling,
}

impl Round {
    /// mpmath's `shifts_down[rnd][sign]`: whether a directed rounding
    /// truncates the magnitude of a number of this sign.
    fn shifts_down(self, neg: bool) -> bool {
        match self {
            Round::Down | Round::Nearest => true,
            Round::Up => false,
            Round::Floor => !neg,
            Round::Ceiling => neg,
        }
    }

    /// `reciprocal_rnd`: the mode whose reciprocal rounds as `self`.
    pub fn reciprocal(self) -> Round {
        match self {
            Round::Nearest => Round::Nearest,
            Round::Down => Round::Up,
            Round::Up => Round::Down,
            Round::Floor => Round::Ceiling,
            Round::Ceiling => Round::Floor,
        }
    }

    /// `negative_rnd`: the mode that rounds `-x` as `self` rounds `x`.
    pub fn negative(self) -> Round {
        match self {
            Round::Floor => Round::Ceiling,
            Round::Ceiling => Round::Floor,
            r => r,
        }
    }
}

/// A normalized raw mpf: the mantissa is odd, or zero with `exp == 0`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mpf {
    pub neg: bool,
    pub man: BigUint,
    pub exp: i64,
}

impl Mpf {
    pub fn zero() -> Mpf {
        Mpf {
            neg: false,
            man: BigUint::zero(),
            exp: 0,
        }
    }

    pub fn one() -> Mpf {
        Mpf {
            neg: false,
            man: BigUint::one(),
            exp: 0,
        }
    }

    pub fn is_zero(&self) -> bool {
        self.man.is_zero()
    }

    /// `bc`: the mantissa's bit count.
    pub fn bc(&self) -> u64 {
        self.man.bits()
    }

    /// `mpf_neg`.
    pub fn neg(&self) -> Mpf {
        if self.is_zero() {
            return self.clone();
        }
        Mpf {
            neg: !self.neg,
            ..self.clone()
        }
    }

    /// `normalize(sign, man, exp, bc, prec, rnd)`.
    pub fn normalize(neg: bool, mut man: BigUint, mut exp: i64, prec: u64, rnd: Round) -> Mpf {
        if man.is_zero() {
            return Mpf::zero();
        }
        let bc = man.bits();
        if bc > prec {
            let n = bc - prec;
            match rnd {
                Round::Nearest => {
                    let t = &man >> (n - 1);
                    let half_or_more = t.bit(0);
                    let round_up = half_or_more && (t.bit(1) || low_bits_nonzero(&man, n - 1));
                    man = t >> 1u32;
                    if round_up {
                        man += 1u32;
                    }
                }
                r if r.shifts_down(neg) => man >>= n,
                _ => {
                    // -((-man) >> n): the magnitude rounded up.
                    let low = low_bits_nonzero(&man, n);
                    man >>= n;
                    if low {
                        man += 1u32;
                    }
                }
            }
            exp += n as i64;
        }
        let tz = man.trailing_zeros().unwrap_or(0);
        if tz > 0 {
            man >>= tz;
            exp += tz as i64;
        }
        Mpf { neg, man, exp }
    }

    /// `from_man_exp(man, exp, prec, rnd)` with a signed mantissa.
    pub fn from_man_exp(man: &BigInt, exp: i64, prec: u64, rnd: Round) -> Mpf {
        let neg = man.is_negative();
        Mpf::normalize(neg, man.magnitude().clone(), exp, prec, rnd)
    }

    /// `from_int(n, prec, rnd)`.
    pub fn from_int(n: &BigInt, prec: u64, rnd: Round) -> Mpf {
        Mpf::from_man_exp(n, 0, prec, rnd)
    }

    /// The exact mpf of a mantissa and exponent, unrounded (`prec=0`).
    fn exact(neg: bool, man: BigUint, exp: i64) -> Mpf {
        let bits = man.bits().max(1);
        Mpf::normalize(neg, man, exp, bits, Round::Down)
    }

    /// `from_rational(p, q, prec, rnd)`, i.e. `mpf_div(from_int(p), from_int(q))`.
    pub fn from_rational(r: &Rational, prec: u64, rnd: Round) -> Mpf {
        let p = Mpf::exact(r.numer().is_negative(), r.numer().magnitude().clone(), 0);
        let q = Mpf::exact(false, r.denom().magnitude().clone(), 0);
        Mpf::div(&p, &q, prec, rnd).unwrap_or_else(Mpf::zero)
    }

    /// `mpf_add(s, t, prec, rnd)`.
    pub fn add(s: &Mpf, t: &Mpf, prec: u64, rnd: Round) -> Mpf {
        if s.is_zero() {
            return Mpf::normalize(t.neg, t.man.clone(), t.exp, prec, rnd);
        }
        if t.is_zero() {
            return Mpf::normalize(s.neg, s.man.clone(), s.exp, prec, rnd);
        }
        // Make `s` the operand with the larger exponent (mpmath's two
        // symmetric branches).
        let (s, t) = if s.exp >= t.exp { (s, t) } else { (t, s) };
        let offset = (s.exp - t.exp) as u64;
        if offset > 100 {
            let delta = s.bc() as i64 + s.exp - t.bc() as i64 - t.exp;
            if delta > prec as i64 + 4 {
                // `t` only decides the rounding: perturb `s` below its last bit.
                let off = prec + 4;
                let mut man = &s.man << off;
                if s.neg == t.neg {
                    man += 1u32;
                } else {
                    man -= 1u32;
                }
                return Mpf::normalize(s.neg, man, s.exp - off as i64, prec, rnd);
            }
        }
        let big = &s.man << offset;
        let (neg, man) = if s.neg == t.neg {
            (s.neg, big + &t.man)
        } else if big >= t.man {
            (s.neg, big - &t.man)
        } else {
            (t.neg, &t.man - big)
        };
        Mpf::normalize(neg, man, t.exp, prec, rnd)
    }

    /// `mpf_sub(s, t, prec, rnd)`.
    pub fn sub(s: &Mpf, t: &Mpf, prec: u64, rnd: Round) -> Mpf {
        Mpf::add(s, &t.neg(), prec, rnd)
    }

    /// `mpf_mul(s, t, prec, rnd)`.
    pub fn mul(s: &Mpf, t: &Mpf, prec: u64, rnd: Round) -> Mpf {
        Mpf::normalize(s.neg != t.neg, &s.man * &t.man, s.exp + t.exp, prec, rnd)
    }

    /// `mpf_mul(s, t)` with `prec=0`: the exact product.
    pub fn mul_exact(s: &Mpf, t: &Mpf) -> Mpf {
        if s.is_zero() || t.is_zero() {
            return Mpf::zero();
        }
        Mpf::exact(s.neg != t.neg, &s.man * &t.man, s.exp + t.exp)
    }

    /// `mpf_div(s, t, prec, rnd)`; `None` for a zero divisor
    /// (`ZeroDivisionError`).
    pub fn div(s: &Mpf, t: &Mpf, prec: u64, rnd: Round) -> Option<Mpf> {
        if t.is_zero() {
            return None;
        }
        if s.is_zero() {
            return Some(Mpf::zero());
        }
        let neg = s.neg != t.neg;
        if t.man.is_one() {
            return Some(Mpf::normalize(neg, s.man.clone(), s.exp - t.exp, prec, rnd));
        }
        // Enough extra bits that a remainder only decides the rounding.
        let extra = (prec as i64 - s.bc() as i64 + t.bc() as i64 + 5).max(5) as u64;
        let (mut quot, rem) = (&s.man << extra).div_rem(&t.man);
        let mut extra = extra as i64;
        if !rem.is_zero() {
            quot = (quot << 1u32) + 1u32;
            extra += 1;
        }
        Some(Mpf::normalize(neg, quot, s.exp - t.exp - extra, prec, rnd))
    }

    /// `mpf_pow_int(s, n, prec, rnd)` for a finite `s`; `None` for a zero
    /// base with a negative exponent (`ZeroDivisionError`).
    pub fn pow_int(s: &Mpf, n: &BigInt, prec: u64, rnd: Round) -> Option<Mpf> {
        if n.is_zero() {
            return Some(Mpf::one());
        }
        if n.is_one() {
            return Some(Mpf::normalize(s.neg, s.man.clone(), s.exp, prec, rnd));
        }
        if *n == BigInt::from(2) {
            if s.is_zero() {
                return Some(Mpf::zero());
            }
            return Some(Mpf::normalize(false, &s.man * &s.man, 2 * s.exp, prec, rnd));
        }
        if *n == BigInt::from(-1) {
            return Mpf::div(&Mpf::one(), s, prec, rnd);
        }
        if n.is_negative() {
            let inverse = Mpf::pow_int(s, &-n, prec + 5, rnd.reciprocal())?;
            return Mpf::div(&Mpf::one(), &inverse, prec, rnd);
        }
        if s.is_zero() {
            return Some(Mpf::zero());
        }
        let result_neg = s.neg && n.is_odd();
        let nu = n.to_u64()?;
        if s.man.is_one() {
            return Some(Mpf {
                neg: result_neg,
                man: BigUint::one(),
                exp: s.exp.checked_mul(i64::try_from(nu).ok()?)?,
            });
        }
        let bc = s.bc();
        if bc.saturating_mul(nu) < 1000 {
            let man = num_traits::pow::Pow::pow(&s.man, nu);
            return Some(Mpf::normalize(
                result_neg,
                man,
                s.exp * nu as i64,
                prec,
                rnd,
            ));
        }
        // Binary exponentiation with products truncated to `workprec` bits
        // (round_nearest truncates here, as mpmath does).
        let workprec = prec + 4 * (64 - nu.leading_zeros() as u64) + 4;
        let (mut pm, mut pe) = (BigUint::one(), 0i64);
        let (mut man, mut exp) = (s.man.clone(), s.exp);
        let mut n = nu;
        loop {
            if n & 1 == 1 {
                pm *= &man;
                pe += exp;
                let pbc = pm.bits();
                if pbc > workprec {
                    pm >>= pbc - workprec;
                    pe += (pbc - workprec) as i64;
                }
                n -= 1;
                if n == 0 {
                    break;
                }
            }
            man = &man * &man;
            exp += exp;
            let bc = man.bits();
            if bc > workprec {
                man >>= bc - workprec;
                exp += (bc - workprec) as i64;
            }
            n /= 2;
        }
        Some(Mpf::normalize(result_neg, pm, pe, prec, rnd))
    }

    /// `mpf_sqrt(s, prec, round_nearest)`; `None` for a negative `s`
    /// (`ComplexResult`).
    pub fn sqrt(s: &Mpf, prec: u64) -> Option<Mpf> {
        Mpf::sqrt_rnd(s, prec, Round::Nearest)
    }

    /// `mpf_sqrt(s, prec, rnd)`: `round_floor` and `round_down` take the
    /// integer square root as it is, the other modes perturb an inexact
    /// root one bit past it before rounding.
    pub fn sqrt_rnd(s: &Mpf, prec: u64, rnd: Round) -> Option<Mpf> {
        if s.neg {
            return None;
        }
        if s.is_zero() {
            return Some(Mpf::zero());
        }
        let (mut man, mut exp) = (s.man.clone(), s.exp);
        if exp & 1 != 0 {
            exp -= 1;
            man <<= 1u32;
        } else if man.is_one() {
            return Some(Mpf::normalize(false, man, exp / 2, prec, rnd));
        }
        let bc = man.bits() as i64;
        let mut shift = (2 * prec as i64 - bc + 4).max(4);
        shift += shift & 1;
        let scaled = man << shift as u64;
        let mut root = scaled.sqrt();
        if !matches!(rnd, Round::Floor | Round::Down) && &root * &root != scaled {
            root = (root << 1u32) + 1u32;
            shift += 2;
        }
        Some(Mpf::normalize(
            false,
            root,
            (exp - shift).div_euclid(2),
            prec,
            rnd,
        ))
    }

    /// `ln(|s|)` as a double, for values past the double range.
    pub fn ln_abs(&self) -> f64 {
        let bits = self.man.bits();
        let shift = bits.saturating_sub(60);
        let top = (&self.man >> shift).to_f64().unwrap_or(1.0);
        top.ln() + (shift as i64 + self.exp) as f64 * std::f64::consts::LN_2
    }

    /// `to_float(s)` after sympy's `mpf_norm(s, 53)`: round to 53 bits to
    /// nearest, then `math.ldexp`, which rounds once more in the subnormal
    /// range; past the double range, infinity (mpmath is not strict).
    pub fn to_f64(&self) -> f64 {
        let r = Mpf::normalize(self.neg, self.man.clone(), self.exp, 53, Round::Nearest);
        if r.is_zero() {
            return 0.0;
        }
        let man = r.man.to_u64().unwrap_or(0);
        let v = ldexp_u53(man, r.exp);
        if r.neg {
            -v
        } else {
            v
        }
    }

    /// `to_int(s)`: truncation toward zero.
    pub fn to_int(&self) -> BigInt {
        let m = if self.exp >= 0 {
            &self.man << self.exp as u64
        } else {
            &self.man >> self.exp.unsigned_abs()
        };
        BigInt::from_biguint(if self.neg { Sign::Minus } else { Sign::Plus }, m)
    }

    /// The exact value as a rational.
    pub fn to_rational(&self) -> Rational {
        let m = BigInt::from_biguint(
            if self.neg { Sign::Minus } else { Sign::Plus },
            self.man.clone(),
        );
        if self.exp >= 0 {
            Rational::int(m << self.exp as u64)
        } else {
            Rational::new(m, BigInt::one() << self.exp.unsigned_abs())
                .unwrap_or_else(Rational::zero)
        }
    }
}

/// Whether any of the low `n` bits of `x` is set.
fn low_bits_nonzero(x: &BigUint, n: u64) -> bool {
    match x.trailing_zeros() {
        Some(tz) => tz < n,
        None => false,
    }
}

/// C's `ldexp(man, exp)` for a mantissa of at most 53 bits: exact in the
/// normal range, rounded to nearest-even below it, infinite above.
fn ldexp_u53(man: u64, exp: i64) -> f64 {
    if man == 0 {
        return 0.0;
    }
    let top = exp + (64 - man.leading_zeros() as i64);
    if top > 1024 {
        return f64::INFINITY;
    }
    if exp >= -1074 {
        // Exactly representable: scale in two steps to stay in range.
        let half = exp / 2;
        return man as f64 * 2f64.powi(half as i32) * 2f64.powi((exp - half) as i32);
    }
    // Subnormal result: round man * 2**(exp + 1074) to an integer.
    let shift = (-1074 - exp) as u64;
    if shift > 64 {
        return 0.0;
    }
    let q = if shift == 64 { 0 } else { man >> shift };
    let rem = if shift == 64 {
        man
    } else {
        man & ((1u64 << shift) - 1)
    };
    let half = 1u64 << (shift - 1);
    let q = if rem > half || (rem == half && q & 1 == 1) {
        q + 1
    } else {
        q
    };
    f64::from_bits(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rat(p: i64, q: i64) -> Rational {
        Rational::new(p.into(), q.into()).unwrap()
    }

    #[test]
    fn doubles() {
        let f = |r: Rational| Mpf::from_rational(&r, 53, Round::Nearest).to_f64();
        assert_eq!(f(rat(1, 3)), 1.0 / 3.0);
        assert_eq!(f(rat(-7, 2)), -3.5);
        assert_eq!(f(rat(1, 10)), 0.1);
        let tiny = Rational::new(1.into(), BigInt::one() << 1075u32).unwrap();
        assert_eq!(f(tiny), 0.0);
        let tiny = Rational::new(3.into(), BigInt::one() << 1076u32).unwrap();
        assert_eq!(f(tiny), 5e-324);
        let huge = Rational::int(BigInt::one() << 1024u32);
        assert_eq!(f(huge), f64::INFINITY);
        // 2**53 + 1 rounds to even.
        assert_eq!(
            f(Rational::int((BigInt::one() << 53u32) + 1)),
            9007199254740992.0
        );
    }

    #[test]
    fn arithmetic_matches_doubles_at_53_bits() {
        let m = |r: Rational| Mpf::from_rational(&r, 53, Round::Nearest);
        let (a, b) = (m(rat(1, 10)), m(rat(2, 10)));
        assert_eq!(Mpf::add(&a, &b, 53, Round::Nearest).to_f64(), 0.1 + 0.2);
        assert_eq!(Mpf::mul(&a, &b, 53, Round::Nearest).to_f64(), 0.1 * 0.2);
        assert_eq!(
            Mpf::div(&a, &b, 53, Round::Nearest).unwrap().to_f64(),
            0.1 / 0.2
        );
        let x = m(rat(11, 10));
        let p = Mpf::pow_int(&x, &BigInt::from(100), 53, Round::Nearest).unwrap();
        assert!((p.to_f64() - 13780.61233982238).abs() < 1e-8);
        assert_eq!(Mpf::sub(&a, &a, 53, Round::Nearest), Mpf::zero());
        assert_eq!(m(rat(-7, 2)).to_int(), BigInt::from(-3));
    }
}
