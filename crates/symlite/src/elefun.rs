//! mpmath's `libelefun` subset sympy's `acos(x).evalf()` runs: `mpf_pi`,
//! `mpf_atan` (its Taylor branch, below 3000 bits) and `mpf_acos`.
//!
//! mpmath's fixed-point constants are meant as floors: `pi_fixed(prec)` is
//! `floor(pi * 2**prec)`, and the table `atan_taylor_get_cached` fills
//! holds `atan(n / 2**7)` at `prec2` bits, which mpmath computes by Newton's
//! method and rgym computes as an exact floor (by series with 96 guard
//! bits). `scripts/vectors/advanced_geometry_vectors.py` checks that both
//! agree bit for bit: every atan entry the Taylor branch can ask for, and
//! every `pi_fixed(p)` mpmath can return for `p <= 900`, whatever its memo
//! holds. (mpmath memoises pi at `int(1.05 q + 10)` bits for the largest `q`
//! asked, and its Chudnovsky value is one below the floor at 901, 902,
//! 2931-2933, 3714, 3715 and 4266 bits, so a memo holding exactly one of
//! those answers that precision, or one or two below, one low; sympy's
//! `acos` of advanced_geometry's cosines asks pi for at most ~200 bits.)
//!
//! mpmath is Copyright Fredrik Johansson and the mpmath contributors, BSD
//! 3-Clause License.

use crate::mpf::{Mpf, Round};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Zero};
use std::cell::RefCell;
use std::collections::HashMap;

/// `ATAN_TAYLOR_SHIFT`: the cached points are `n / 2**7`.
const ATAN_TAYLOR_SHIFT: u64 = 7;
/// `ATAN_TAYLOR_PREC`: past it mpmath switches to Newton's method.
pub const ATAN_TAYLOR_PREC: u64 = 3000;
/// Guard bits of the series behind the fixed-point floors.
const GUARD: u64 = 96;

thread_local! {
    /// `floor(pi * 2**p)` at the largest `p` computed so far.
    static PI: RefCell<(u64, BigUint)> = RefCell::new((0, BigUint::zero()));
    /// `atan_taylor_cache`: `(n, prec2) -> floor(atan(n / 2**7) * 2**prec2)`.
    static ATAN: RefCell<HashMap<(u64, u64), BigUint>> = RefCell::new(HashMap::new());
}

/// `sum_{k>=0} (-1)^k x^(2k+1) / (2k+1)` in fixed point at `wp` bits, for a
/// fixed-point `x` below 1/2 (truncating; the error is a few units).
fn atan_series(x: &BigUint, wp: u64) -> BigUint {
    let x2 = (x * x) >> wp;
    let mut term = x.clone();
    let (mut pos, mut neg) = (BigUint::zero(), BigUint::zero());
    let mut k = 0u64;
    while !term.is_zero() {
        let t = &term / BigUint::from(2 * k + 1);
        if k.is_multiple_of(2) {
            pos += t;
        } else {
            neg += t;
        }
        term = (&term * &x2) >> wp;
        k += 1;
    }
    pos - neg
}

/// `floor(atan(num / 2**shift) * 2**prec)` for `num / 2**shift` at most 4,
/// to `GUARD` bits: two halvings `atan(x) = 2 atan(x / (1 + sqrt(1 + x^2)))`
/// bring the argument under 1/2, then the series.
fn atan_floor(num: &BigUint, shift: u64, prec: u64) -> BigUint {
    let wp = prec + GUARD;
    let one = BigUint::one() << wp;
    let mut x = if wp >= shift {
        num << (wp - shift)
    } else {
        num >> (shift - wp)
    };
    for _ in 0..2 {
        let r = ((&one << wp) + &x * &x).sqrt();
        x = (x << wp) / (&one + r);
    }
    (atan_series(&x, wp) << 2u32) >> GUARD
}

/// `pi_fixed(prec)`: `floor(pi * 2**prec)`, by Machin's formula
/// `pi = 16 atan(1/5) - 4 atan(1/239)`.
pub fn pi_fixed(prec: u64) -> BigUint {
    PI.with(|c| {
        let mut c = c.borrow_mut();
        if c.0 < prec {
            let p = prec.max(1024);
            let wp = p + GUARD;
            let inv = |q: u32| {
                let x = (BigUint::one() << wp) / BigUint::from(q);
                atan_series(&x, wp)
            };
            let pi = (inv(5) << 4u32) - (inv(239) << 2u32);
            *c = (p, pi >> GUARD);
        }
        &c.1 >> (c.0 - prec)
    })
}

/// `mpf_pi(prec, rnd)` (`def_mpf_constant(pi_fixed)`).
pub fn mpf_pi(prec: u64, rnd: Round) -> Mpf {
    let wp = prec + 20;
    let mut v = pi_fixed(wp);
    if matches!(rnd, Round::Up | Round::Ceiling) {
        v += 1u32;
    }
    Mpf::normalize(false, v, -(wp as i64), prec, rnd)
}

/// `mpf_shift(s, n)`.
pub fn mpf_shift(s: &Mpf, n: i64) -> Mpf {
    if s.is_zero() {
        return s.clone();
    }
    Mpf {
        exp: s.exp + n,
        ..s.clone()
    }
}

/// `to_fixed(s, prec)`: the signed mantissa shifted to `prec` fractional
/// bits, floored.
fn to_fixed(s: &Mpf, prec: u64) -> BigInt {
    let man = BigInt::from_biguint(if s.neg { Sign::Minus } else { Sign::Plus }, s.man.clone());
    let offset = s.exp + prec as i64;
    if offset >= 0 {
        man << offset as u64
    } else {
        // BigInt's >> floors, as Python's does.
        man >> offset.unsigned_abs()
    }
}

/// The `atan_a` of `atan_taylor_cache[n, prec2]`:
/// `floor(atan(n / 2**7) * 2**prec2)` (mpmath: `atan_newton`).
pub fn atan_cached(n: u64, prec2: u64) -> BigUint {
    ATAN.with(|c| {
        c.borrow_mut()
            .entry((n, prec2))
            .or_insert_with(|| atan_floor(&BigUint::from(n), ATAN_TAYLOR_SHIFT, prec2))
            .clone()
    })
}

/// `atan_taylor_get_cached(n, prec)`.
fn atan_taylor_get_cached(n: u64, prec: u64) -> (BigUint, BigUint) {
    let bits = 64 - (prec - 1).leading_zeros() as u64;
    let prec2 = (1u64 << bits) + 20;
    let dprec = prec2 - prec;
    let atan_a = atan_cached(n, prec2);
    let a = BigUint::from(n) << (prec2 - ATAN_TAYLOR_SHIFT);
    (a >> dprec, atan_a >> dprec)
}

/// `atan_taylor(x, prec)` for a fixed-point `x >= 0` below 4.
fn atan_taylor(x: &BigUint, prec: u64) -> BigInt {
    let n = x >> (prec - ATAN_TAYLOR_SHIFT);
    let n = u64::try_from(n).unwrap_or(u64::MAX);
    let (a, atan_a) = atan_taylor_get_cached(n, prec);
    let d = x - &a;
    let one = BigUint::one() << prec;
    let mut v = (&d << prec) / (((&a * &a) >> prec) + ((&a * &d) >> prec) + one);
    let mut s0 = v.clone();
    let v2 = (&v * &v) >> prec;
    let v4 = (&v2 * &v2) >> prec;
    let mut s1 = &v / 3u32;
    v = (&v * &v4) >> prec;
    let mut k = 5u32;
    while !v.is_zero() {
        s0 += &v / k;
        k += 2;
        s1 += &v / k;
        v = (&v * &v4) >> prec;
        k += 2;
    }
    s1 = (s1 * &v2) >> prec;
    BigInt::from(atan_a) + BigInt::from(s0) - BigInt::from(s1)
}

/// `atan_inf(sign, prec, rnd)`: `+-pi/2`.
fn atan_inf(neg: bool, prec: u64, rnd: Round) -> Mpf {
    if !neg {
        mpf_shift(&mpf_pi(prec, rnd), -1)
    } else {
        mpf_shift(&mpf_pi(prec, rnd.negative()), -1).neg()
    }
}

/// `mpf_rdiv_int(n, t, prec, rnd)` for `n = 1`.
fn rdiv_one(t: &Mpf, prec: u64, rnd: Round) -> Mpf {
    let extra = prec + t.bc() + 5;
    let num = BigUint::one() << extra;
    let (mut quot, rem) = num_integer::Integer::div_rem(&num, &t.man);
    let mut extra = extra as i64;
    if !rem.is_zero() {
        quot = (quot << 1u32) + 1u32;
        extra += 1;
    }
    Mpf::normalize(t.neg, quot, -t.exp - extra, prec, rnd)
}

/// `mpf_atan(x, prec, rnd)` for a finite `x`; `None` past the Taylor
/// branch (working precision of 3000 bits or more), which rgym does not
/// port.
pub fn mpf_atan(x: &Mpf, prec: u64, rnd: Round) -> Option<Mpf> {
    if x.is_zero() {
        return Some(Mpf::zero());
    }
    let mag = x.exp + x.bc() as i64;
    if mag > prec as i64 + 20 {
        return Some(atan_inf(x.neg, prec, rnd));
    }
    if -mag > prec as i64 + 20 {
        // mpf_perturb(x, 1 - sign, prec, rnd)
        let eps_neg = !x.neg;
        if rnd == Round::Nearest {
            return Some(Mpf::normalize(x.neg, x.man.clone(), x.exp, prec, rnd));
        }
        let away = if x.neg {
            matches!(rnd, Round::Down | Round::Ceiling) ^ eps_neg
        } else {
            matches!(rnd, Round::Up | Round::Ceiling) ^ eps_neg
        };
        if away {
            let eps = Mpf {
                neg: eps_neg,
                man: BigUint::one(),
                exp: x.exp + x.bc() as i64 - prec as i64 - 1,
            };
            return Some(Mpf::add(x, &eps, prec, rnd));
        }
        return Some(Mpf::normalize(x.neg, x.man.clone(), x.exp, prec, rnd));
    }
    let wp = prec + 30 + mag.unsigned_abs();
    if wp >= ATAN_TAYLOR_PREC {
        return None;
    }
    let reciprocal = mag >= 2;
    let xx = if reciprocal {
        rdiv_one(x, wp, Round::Down)
    } else {
        x.clone()
    };
    let mut t = to_fixed(&xx, wp);
    if x.neg {
        t = -t;
    }
    let t = t.to_biguint()?;
    let mut a = atan_taylor(&t, wp);
    if reciprocal {
        a = BigInt::from((pi_fixed(wp) >> 1u32) + 1u32) - a;
    }
    if x.neg {
        a = -a;
    }
    Some(Mpf::from_man_exp(&a, -(wp as i64), prec, rnd))
}

/// `mpf_acos(x, prec, rnd)` for `-1 <= x <= 1`; `None` outside or where
/// [`mpf_atan`] is.
pub fn mpf_acos(x: &Mpf, prec: u64, rnd: Round) -> Option<Mpf> {
    let one = Mpf::one();
    if x.bc() as i64 + x.exp > 0 {
        if *x == one {
            return Some(Mpf::zero());
        }
        if *x == one.neg() {
            return Some(mpf_pi(prec, rnd));
        }
        return None;
    }
    let wp = prec + 15;
    let a = Mpf::mul_exact(x, x);
    let b = Mpf::sqrt_rnd(&Mpf::sub(&one, &a, wp, Round::Down), wp, Round::Down)?;
    let c = Mpf::div(&b, &Mpf::add(&one, x, wp, Round::Down), wp, Round::Down)?;
    Some(mpf_shift(&mpf_atan(&c, prec, rnd)?, 1))
}
