//! sympy's automatic evaluation of square roots of rationals and of the
//! products, quotients and square roots of sums of them — what
//! `Point.distance`, `a + b`, `a * b`, `a / b` and `sqrt(x)` give for
//! numbers built from integers and square roots (advanced_geometry's
//! incircle radius and cosines).
//!
//! * `Integer(n)**(1/2)` (`Integer._eval_power`): the square part sympy
//!   finds is taken out. sympy factors `n` only up to `2**15`
//!   (`factorint(n, limit=2**15)`), so a square of a larger prime can stay
//!   inside the root when the cofactor is composite; [`factorint_limited`]
//!   follows its trial division (with `fail_max`), termination checks and
//!   Fermat step, and continues with plain trial division where sympy also
//!   tries Pollard's p-1 and rho (the two can differ only for a cofactor
//!   past `2**30` holding the square of a prime past `2**15`).
//! * `Mul.flatten` ([`mul`]): the two-argument rule for a rational times
//!   a sum, numeric powers gathered by exponent (`sqrt(2)*sqrt(6)` is
//!   `2*sqrt(3)`), equal bases gathered (`(1 + sqrt(2))**2`).
//! * `Pow(b, e)` ([`pow`]): of a rational, of a power, of a product
//!   (`Mul._eval_power`, `_eval_expand_power_base` for the positive factors
//!   of a half power), a sum stays a power.
//!
//! Checked against sympy by `scripts/vectors/advanced_geometry_vectors.py`.

use crate::evalf::float_of;
use crate::expr::{add_flatten, from_mul_args, keep_coeff, Expr};
use crate::number::Rational;
use crate::order::sort_key;
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

thread_local! {
    /// Set where sympy raises inside an operation whose rgym signature
    /// cannot fail (`Mul.flatten` gathering square roots); read by
    /// [`take_raised`].
    static RAISED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether sympy would have raised (`factor_cache.add`'s `ValueError`, see
/// [`factorint_limited`]) since the last call; clears the flag. Callers
/// check it after building an expression and discard the expression if so.
pub fn take_raised() -> bool {
    RAISED.with(|r| r.replace(false))
}

fn half() -> Rational {
    Rational::new(1.into(), 2.into()).expect("2 != 0")
}

fn big(n: &BigUint) -> BigInt {
    BigInt::from(n.clone())
}

// ---------------------------------------------------------------------------
// Number theory (sympy.ntheory), for the numbers a square root meets.

/// `isprime(n)`: Miller–Rabin with the first 13 prime bases, deterministic
/// below 3.3e24 (sympy's BPSW agrees there; past it both are probable-prime
/// tests and disagree on no known number).
pub fn is_prime(n: &BigUint) -> bool {
    const BASES: [u32; 13] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41];
    let two = BigUint::from(2u32);
    if *n < two {
        return false;
    }
    for b in BASES {
        let b = BigUint::from(b);
        if *n == b {
            return true;
        }
        if (n % &b).is_zero() {
            return false;
        }
    }
    let n1 = n - 1u32;
    let s = n1.trailing_zeros().unwrap_or(0);
    let d = &n1 >> s;
    'bases: for b in BASES {
        let mut x = BigUint::from(b).modpow(&d, n);
        if x.is_one() || x == n1 {
            continue;
        }
        for _ in 1..s {
            x = x.modpow(&two, n);
            if x == n1 {
                continue 'bases;
            }
        }
        return false;
    }
    true
}

/// The largest `e >= 2` with `n = b**e`, and `b`; `None` if `n` is no
/// perfect power.
fn perfect_power(n: &BigUint) -> Option<(BigUint, u32)> {
    if *n <= BigUint::from(3u32) {
        return None;
    }
    let bits = n.bits() as u32;
    for e in (2..=bits).rev() {
        let b = n.nth_root(e);
        if b > BigUint::one() && num_traits::pow(b.clone(), e as usize) == *n {
            return Some((b, e));
        }
    }
    None
}

/// `_factorint_small(factors, n, limit, fail_max)` from `next_p = 2`:
/// the cofactor and the next candidate, 0 when `n` is fully factored.
fn factorint_small(
    factors: &mut Vec<(BigUint, u32)>,
    mut n: BigUint,
    limit: u64,
    fail_max: u32,
) -> (BigUint, u64) {
    let done = |n: BigUint, d: u64| {
        if BigUint::from(d) * d <= n {
            (n, d)
        } else {
            (n, 0)
        }
    };
    let limit2 = BigUint::from(limit) * limit;
    let mut threshold2 = n.clone().min(limit2.clone());
    if !n.bit(0) {
        let m = n.trailing_zeros().unwrap_or(0);
        factors.push((BigUint::from(2u32), m as u32));
        n >>= m;
        threshold2 = n.clone().min(limit2.clone());
    }
    if threshold2 < BigUint::from(9u32) {
        return done(n, 3);
    }
    let remove = |n: &mut BigUint, p: u64| -> u32 {
        let mut m = 0;
        while (&*n % p).is_zero() {
            *n /= p;
            m += 1;
        }
        m
    };
    if (&n % 3u32).is_zero() {
        let m = remove(&mut n, 3);
        factors.push((BigUint::from(3u32), m));
        threshold2 = n.clone().min(limit2.clone());
    }
    if threshold2 < BigUint::from(25u32) {
        return done(n, 5);
    }
    let mut next_p: u64 = 5;
    let mut fails = 0;
    while fails < fail_max {
        for step in [2u64, 4] {
            if (&n % next_p).is_zero() {
                let m = remove(&mut n, next_p);
                factors.push((BigUint::from(next_p), m));
                fails = 0;
                threshold2 = n.clone().min(limit2.clone());
            } else {
                fails += 1;
            }
            next_p += step;
            if threshold2 < BigUint::from(next_p) * next_p {
                return done(n, next_p);
            }
        }
    }
    done(n, next_p)
}

/// `_check_termination`: `true` when `n` is 1, a prime or a perfect power
/// (then recorded); `None` where the reference raises.
fn check_termination(
    factors: &mut Vec<(BigUint, u32)>,
    n: &BigUint,
    limit: u64,
    next_p: u64,
) -> Option<bool> {
    if n.is_one() {
        return Some(true);
    }
    if *n < BigUint::from(next_p) * next_p || is_prime(n) {
        factors.push((n.clone(), 1));
        return Some(true);
    }
    let Some((base, exp)) = perfect_power(n) else {
        return Some(false);
    };
    if base < BigUint::from(next_p) * next_p || is_prime(&base) {
        factors.push((base, exp));
    } else {
        for (b, e) in factorint_limited(&base, limit)? {
            factors.push((b, e * exp));
        }
    }
    Some(true)
}

fn trial(factors: &mut Vec<(BigUint, u32)>, n: &mut BigUint, lo: u64, hi: u64) -> bool {
    let before = factors.len();
    let mut p = lo.max(2);
    while p < hi {
        if is_small_prime(p) && (&*n % p).is_zero() {
            let mut m = 0;
            while (&*n % p).is_zero() {
                *n /= p;
                m += 1;
            }
            factors.push((BigUint::from(p), m));
        }
        p += 1;
    }
    factors.len() != before
}

fn is_small_prime(p: u64) -> bool {
    if p < 2 {
        return false;
    }
    let mut d = 2;
    while d * d <= p {
        if p.is_multiple_of(d) {
            return false;
        }
        d += 1;
    }
    true
}

/// `factorint(n, limit)` for `n > 1` (see the module docs for the one
/// simplification); `None` where sympy raises: when its Fermat step splits
/// `n` into `a - b` and `a + b` and the limited factorisation of one of them
/// keeps a composite cofactor, `factor_cache.add` refuses it (`ValueError:
/// ... is not a prime factor of ...`), which happens for cofactors past
/// `2**60` or so (coordinates past about 10**9).
pub fn factorint_limited(n: &BigUint, limit: u64) -> Option<Vec<(BigUint, u32)>> {
    let mut factors = Vec::new();
    if *n < BigUint::from(10u32) {
        let mut m = n.clone();
        for p in [2u32, 3, 5, 7] {
            let mut e = 0;
            while (&m % p).is_zero() {
                m /= p;
                e += 1;
            }
            if e > 0 {
                factors.push((BigUint::from(p), e));
            }
        }
        return Some(factors);
    }
    let small = 1u64 << 15;
    let small = small.min(limit);
    let (mut n, next_p) = factorint_small(&mut factors, n.clone(), small, 600);
    if next_p == 0 {
        if n > BigUint::one() {
            factors.push((n, 1));
        }
        return Some(factors);
    }
    if next_p > limit {
        if !check_termination(&mut factors, &n, limit, next_p)? && n > BigUint::one() {
            factors.push((n, 1));
        }
        return Some(factors);
    }
    if check_termination(&mut factors, &n, limit, next_p)? {
        return Some(factors);
    }
    // Fermat, three steps.
    let sqrt_n = n.sqrt();
    let mut a = &sqrt_n + 1u32;
    let n_mod4_is1 = (&n % 4u32) == BigUint::one();
    if n_mod4_is1 ^ a.bit(0) {
        a += 1u32;
    }
    let mut b2 = &a * &a - &n;
    for _ in 0..3 {
        let b = b2.sqrt();
        if &b * &b == b2 {
            for r in [&a - &b, &a + &b] {
                if r > BigUint::one() {
                    let facs = factorint_limited(&r, limit)?;
                    // factor_cache.add(n, facs) takes primes only.
                    if facs.iter().any(|(p, _)| !is_prime(p)) {
                        RAISED.with(|r| r.set(true));
                        return None;
                    }
                    for (p, e) in facs {
                        match factors.iter_mut().find(|(q, _)| *q == p) {
                            Some(slot) => slot.1 += e,
                            None => factors.push((p, e)),
                        }
                    }
                }
            }
            return Some(factors);
        }
        b2 += (&a + 1u32) << 2u32;
        a += 2u32;
    }
    // Trial division in doubling ranges up to the limit (sympy interleaves
    // Pollard p-1 and rho here).
    let (mut low, mut high) = (next_p, 2 * next_p);
    let lim = limit + 1;
    loop {
        let high_ = high.min(lim);
        let found = trial(&mut factors, &mut n, low, high_);
        if found && check_termination(&mut factors, &n, limit, high_)? {
            return Some(factors);
        }
        if high > lim {
            if n > BigUint::one() {
                factors.push((n, 1));
            }
            return Some(factors);
        }
        low = high;
        high *= 2;
    }
}

/// `Integer(n)**Rational(k, 2)` for `n > 0`, odd `k > 0`; `None` where
/// sympy's factorisation raises.
fn int_pow_half(n: &BigUint, k: u32) -> Option<Expr> {
    let x = n.sqrt();
    if &x * &x == *n {
        return Some(Expr::int(big(&num_traits::pow(x, k as usize))));
    }
    let dict = match perfect_power(n) {
        Some((b, e)) => vec![(b, e)],
        None => factorint_limited(n, 1 << 15)?,
    };
    let mut out_int = BigUint::one();
    let mut sqr_int = BigUint::one();
    for (p, e) in dict {
        let e = e * k;
        out_int *= num_traits::pow(p.clone(), (e / 2) as usize);
        if e % 2 == 1 {
            sqr_int *= p;
        }
    }
    let e = Rational::new(1.into(), 2.into()).expect("2 != 0");
    if sqr_int == *n && out_int.is_one() {
        return Some(Expr::Pow(
            Box::new(Expr::int(big(n))),
            Box::new(Expr::Num(
                Rational::new(k.into(), 2.into()).expect("2 != 0"),
            )),
        ));
    }
    let root = if sqr_int.is_one() {
        Expr::int(1)
    } else {
        int_pow_half(&sqr_int, 1)?
    };
    let _ = e;
    Some(mul(&Expr::int(big(&out_int)), &root))
}

/// `Rational(r)**e` for a half-integer `e` (`Integer._eval_power`,
/// `Rational._eval_power`); `None` for a negative base.
fn rational_pow_half(r: &Rational, e: &Rational) -> Option<Expr> {
    if r.is_negative() {
        return None;
    }
    if r.is_zero() {
        return Some(Expr::int(0));
    }
    if e.is_negative() {
        // Invert the base and the sign of the exponent.
        return rational_pow_half(&r.recip()?, &e.neg());
    }
    let k = e.numer().to_u32()?;
    let (p, q) = (r.numer().magnitude(), r.denom().magnitude());
    if q.is_one() {
        return int_pow_half(p, k);
    }
    if !p.is_one() {
        // (p/q)**e -> p**e * q**(-e)
        let a = int_pow_half(p, k)?;
        let b = rational_pow_half(&Rational::int(big(q)), &e.neg())?;
        return Some(mul(&a, &b));
    }
    // (1/q)**(k/2) -> q**(k/2) / q**k
    let a = int_pow_half(q, k)?;
    let qk = Rational::int(big(&num_traits::pow(q.clone(), k as usize)));
    Some(mul(&a, &Expr::Num(qk.recip()?)))
}

/// Whether sympy knows a number to be nonnegative (`is_extended_nonnegative`),
/// decided numerically as sympy does for a number.
fn is_nonneg(e: &Expr) -> Option<bool> {
    match e {
        Expr::Num(r) => Some(!r.is_negative()),
        _ => float_of(e).map(|v| v >= 0.0),
    }
}

/// `Pow(b, e)` evaluated, for the numbers of this module; `None` where
/// sympy would leave the realm modelled here (negative bases under roots).
pub fn pow(b: &Expr, e: &Rational) -> Option<Expr> {
    if e.is_zero() {
        return Some(Expr::int(1));
    }
    if e.is_one() {
        return Some(b.clone());
    }
    if b.is_one() {
        return Some(Expr::int(1));
    }
    match b {
        Expr::Num(r) => {
            if e.is_integer() {
                return r
                    .pow_int(e.numer(), crate::expr::MAX_POW_BITS)
                    .ok()
                    .map(Expr::Num);
            }
            if *e.denom() == BigInt::from(2) {
                return rational_pow_half(r, e);
            }
            Some(Expr::Pow(
                Box::new(b.clone()),
                Box::new(Expr::Num(e.clone())),
            ))
        }
        Expr::Pow(bb, be) => {
            let Expr::Num(be) = &**be else { return None };
            if !e.is_integer() && !is_nonneg(bb)? {
                return None;
            }
            pow(bb, &be.mul(e))
        }
        Expr::Mul(f) => {
            if e.is_integer() {
                let parts: Option<Vec<Expr>> = f.iter().map(|x| pow(x, e)).collect();
                return Some(mul_all(parts?));
            }
            expand_power_base(f, e)
        }
        _ => Some(Expr::Pow(
            Box::new(b.clone()),
            Box::new(Expr::Num(e.clone())),
        )),
    }
}

/// `Mul._eval_power(e)` for a non-integer rational `e`:
/// `_eval_expand_power_base` when every factor is nonnegative.
fn expand_power_base(f: &[Expr], e: &Rational) -> Option<Expr> {
    for x in f {
        if !is_nonneg(x)? {
            return None;
        }
    }
    let (npow, rest): (Vec<&Expr>, Vec<&Expr>) = f
        .iter()
        .partition(|x| matches!(x, Expr::Pow(_, be) if be.is_num()));
    let mut first = Vec::with_capacity(npow.len());
    for x in npow {
        let Expr::Pow(bb, be) = x else {
            unreachable!("partitioned on Pow")
        };
        let Expr::Num(be) = &**be else {
            unreachable!("partitioned on a number")
        };
        first.push(pow(bb, &be.mul(e))?);
    }
    let rv = mul_all(first);
    let second = mul_all(
        rest.into_iter()
            .map(|x| Expr::Pow(Box::new(x.clone()), Box::new(Expr::Num(e.clone()))))
            .collect(),
    );
    Some(mul(&rv, &second))
}

/// `sqrt(x)`.
pub fn sqrt(x: &Expr) -> Option<Expr> {
    pow(x, &half())
}

/// The square root of a nonnegative integer (`Point.distance`).
pub fn sqrt_int(n: &BigInt) -> Option<Expr> {
    rational_pow_half(&Rational::int(n.clone()), &half())
}

/// `a * b` (`Mul(a, b)`).
pub fn mul(a: &Expr, b: &Expr) -> Expr {
    mul_flatten(vec![a.clone(), b.clone()])
}

/// `Mul(*seq)`.
pub fn mul_all(seq: Vec<Expr>) -> Expr {
    mul_flatten(seq)
}

/// `a / b` (`Mul(a, Pow(b, -1))`).
pub fn div(a: &Expr, b: &Expr) -> Option<Expr> {
    let inv = pow(b, &Rational::int(-1))?;
    Some(if a.is_one() { inv } else { mul(a, &inv) })
}

/// `a + b`.
pub fn add(a: &Expr, b: &Expr) -> Expr {
    add_flatten(vec![a.clone(), b.clone()])
}

/// `a - b`.
pub fn sub(a: &Expr, b: &Expr) -> Expr {
    add_flatten(vec![a.clone(), b.neg()])
}

fn rat_pow(b: &Rational, e: &BigInt) -> Rational {
    b.pow_int(e, crate::expr::MAX_POW_BITS)
        .unwrap_or_else(|_| Rational::one())
}

/// `Rational.gcd`.
fn rat_gcd(a: &Rational, b: &Rational) -> Rational {
    let p = a.numer().gcd(b.numer());
    let q = a.denom().lcm(b.denom());
    Rational::new(p, q).unwrap_or_else(Rational::one)
}

/// `Mul.flatten` for products of rationals, numeric powers, sums and
/// powers of sums.
fn mul_flatten(seq: Vec<Expr>) -> Expr {
    let mut seq: Vec<Expr> = seq.into_iter().filter(|e| !e.is_one()).collect();
    if seq.len() <= 1 {
        return from_mul_args(seq);
    }
    if seq.len() == 2 {
        if seq[1].is_num() {
            seq.swap(0, 1);
        }
        if let Expr::Num(a) = &seq[0] {
            if !a.is_zero() {
                let (r, b) = seq[1].as_coeff_mul();
                if let Expr::Add(bt) = &b {
                    if !r.is_one() {
                        let ar = a.mul(&r);
                        return if ar.is_one() {
                            b.clone()
                        } else {
                            Expr::Mul(vec![Expr::Num(ar), b.clone()])
                        };
                    }
                    return add_flatten(bt.iter().map(|bi| keep_coeff(a, bi)).collect());
                }
            }
        }
    }
    let mut coeff = Rational::one();
    let mut c_powers: Vec<(Expr, Rational)> = Vec::new();
    let mut pnum_rat: Vec<(Rational, Vec<Rational>)> = Vec::new();
    let mut i = 0;
    while i < seq.len() {
        let o = seq[i].clone();
        i += 1;
        match o {
            Expr::Mul(f) => seq.extend(f),
            Expr::Num(r) => coeff = coeff.mul(&r),
            Expr::Pow(b, e) => {
                let Expr::Num(e) = *e else {
                    continue;
                };
                if let Expr::Num(bn) = &*b {
                    if e.is_integer() {
                        coeff = coeff.mul(&rat_pow(bn, e.numer()));
                    } else if e.is_negative() {
                        if let Some(p) = pow(&b, &e) {
                            seq.push(p);
                        }
                    } else if !bn.is_one() {
                        match pnum_rat.iter_mut().find(|(x, _)| x == bn) {
                            Some(slot) => slot.1.push(e),
                            None => pnum_rat.push((bn.clone(), vec![e])),
                        }
                    }
                } else {
                    c_powers.push((*b, e));
                }
            }
            other => c_powers.push((other, Rational::one())),
        }
    }
    // _gather
    let mut gathered: Vec<(Expr, Rational)> = Vec::new();
    for (b, e) in c_powers {
        match gathered.iter_mut().find(|(x, _)| *x == b) {
            Some(slot) => slot.1 = slot.1.add(&e),
            None => gathered.push((b, e)),
        }
    }
    let mut c_part: Vec<Expr> = Vec::new();
    for (b, e) in gathered {
        if e.is_zero() {
            continue;
        }
        if e.is_one() {
            c_part.push(b);
        } else if let Some(p) = pow(&b, &e) {
            c_part.push(p);
        }
    }
    // Numeric bases with rational exponents.
    let mut comb_e: Vec<(Rational, Vec<Rational>)> = Vec::new();
    for (b, es) in pnum_rat {
        let e = es.iter().fold(Rational::zero(), |s, x| s.add(x));
        match comb_e.iter_mut().find(|(x, _)| *x == e) {
            Some(slot) => slot.1.push(b),
            None => comb_e.push((e, vec![b])),
        }
    }
    let mut num_rat: Vec<(Rational, Rational)> = Vec::new();
    for (mut e, bs) in comb_e {
        let b = bs.iter().fold(Rational::one(), |s, x| s.mul(x));
        if e.is_integer() {
            coeff = coeff.mul(&rat_pow(&b, e.numer()));
            continue;
        }
        if e.numer() > e.denom() {
            let (ei, ep) = e.numer().div_mod_floor(e.denom());
            coeff = coeff.mul(&rat_pow(&b, &ei));
            e = Rational::new(ep, e.denom().clone()).expect("q > 0");
        }
        num_rat.push((b, e));
    }
    let mut pnew: Vec<(Rational, Vec<Rational>)> = Vec::new();
    let mut i = 0;
    while i < num_rat.len() {
        let (mut bi, ei) = num_rat[i].clone();
        if bi.is_one() {
            i += 1;
            continue;
        }
        let mut grow = Vec::new();
        for slot in num_rat.iter_mut().skip(i + 1) {
            let (bj, ej) = slot.clone();
            let g = rat_gcd(&bi, &bj);
            if !g.is_one() {
                let mut e = ei.add(&ej);
                if e.is_integer() {
                    coeff = coeff.mul(&rat_pow(&g, e.numer()));
                } else {
                    if e.numer() > e.denom() {
                        let (ei2, ep) = e.numer().div_mod_floor(e.denom());
                        coeff = coeff.mul(&rat_pow(&g, &ei2));
                        e = Rational::new(ep, e.denom().clone()).expect("q > 0");
                    }
                    grow.push((g.clone(), e));
                }
                *slot = (bj.div(&g).unwrap_or_else(Rational::one), ej);
                bi = bi.div(&g).unwrap_or_else(Rational::one);
                if bi.is_one() {
                    break;
                }
            }
        }
        if !bi.is_one() {
            if let Some(obj) = pow(&Expr::Num(bi), &ei) {
                for x in obj.mul_args() {
                    match x {
                        Expr::Num(r) => coeff = coeff.mul(&r),
                        Expr::Pow(b2, e2) => {
                            if let (Expr::Num(b2), Expr::Num(e2)) = (*b2, *e2) {
                                match pnew.iter_mut().find(|(x, _)| *x == e2) {
                                    Some(slot) => slot.1.push(b2),
                                    None => pnew.push((e2, vec![b2])),
                                }
                            }
                        }
                        other => c_part.push(other),
                    }
                }
            }
        }
        num_rat.extend(grow);
        i += 1;
    }
    for (e, bs) in pnew {
        let b = bs.iter().fold(Rational::one(), |s, x| s.mul(x));
        if let Some(p) = pow(&Expr::Num(b), &e) {
            c_part.push(p);
        }
    }
    let mut rest = Vec::with_capacity(c_part.len());
    for x in c_part {
        match x {
            Expr::Num(r) => coeff = coeff.mul(&r),
            Expr::Mul(f) => {
                for y in f {
                    match y {
                        Expr::Num(r) => coeff = coeff.mul(&r),
                        y => rest.push(y),
                    }
                }
            }
            x => rest.push(x),
        }
    }
    if coeff.is_zero() {
        return Expr::int(0);
    }
    let mut c_part = rest;
    if c_part.len() > 1 {
        c_part.sort_by_cached_key(sort_key);
    }
    if !coeff.is_one() {
        c_part.insert(0, Expr::Num(coeff));
    }
    if c_part.len() == 2 {
        if let (Expr::Num(c), Expr::Add(t)) = (&c_part[0], &c_part[1]) {
            let c = Expr::Num(c.clone());
            return add_flatten(t.iter().map(|f| mul(&c, f)).collect());
        }
    }
    from_mul_args(c_part)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::printer::sstr;

    fn s(n: i64) -> String {
        sstr(&sqrt_int(&BigInt::from(n)).unwrap())
    }

    #[test]
    fn square_roots() {
        assert_eq!(s(50), "5*sqrt(2)");
        assert_eq!(s(16), "4");
        assert_eq!(s(1728), "24*sqrt(3)");
        assert_eq!(s(32771 * 32771 * 6 * 100003), "sqrt(644382395491938)");
        assert_eq!(s(1000003 * 1000003 * 15), "1000003*sqrt(15)");
        let p = mul(
            &sqrt_int(&6.into()).unwrap(),
            &sqrt_int(&10.into()).unwrap(),
        );
        assert_eq!(sstr(&p), "2*sqrt(15)");
    }

    /// sympy 1.14: `sqrt(1567639526398404866150595894113550337)` raises
    /// `ValueError: 299749610903689 is not a prime factor of ...` (Fermat
    /// splits it, and the limited factorisation of one half keeps a
    /// composite cofactor that factor_cache refuses).
    #[test]
    fn sqrt_where_sympy_raises() {
        take_raised();
        let n: BigInt = "1567639526398404866150595894113550337".parse().unwrap();
        assert!(sqrt_int(&n).is_none());
        assert!(take_raised());
        assert!(!take_raised());
        assert_eq!(sstr(&sqrt_int(&50.into()).unwrap()), "5*sqrt(2)");
        assert!(!take_raised());
    }
}
