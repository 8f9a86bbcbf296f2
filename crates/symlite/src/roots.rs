//! The real solutions `solve(Eq(p, 0), x)` reports (`sol.is_real` true)
//! for a univariate polynomial with integer coefficients of degree at most
//! [`MAX_DEGREE`], with their values as `float(sol.evalf())`, in `solve`'s
//! order.
//!
//! sympy's `roots` strips the power of `x`, factors the rest over Q and
//! solves each factor by formula: rational roots and the roots of quadratic
//! factors come out as rationals and square roots, which sympy proves real
//! exactly when they are. An irreducible cubic goes through Cardano's
//! formula: with one real root its radicals are real and the root is
//! reported; with three real roots (casus irreducibilis) the formula needs
//! complex cube roots, `is_real` is `None`, and no root of that cubic is
//! reported. rgym reproduces that rule exactly with exact arithmetic: real
//! roots are isolated with a Sturm sequence and refined by bisection on
//! dyadic rationals, rational roots recognised by continued fractions
//! (their denominators divide the leading coefficient) and checked exactly.
//!
//! Degree 4 is refused: sympy's quartic formulas decide what they report
//! through 2-bit numerical sign checks (`Expr._eval_is_extended_positive`
//! evaluates the radicals at precision 2), which rgym does not reproduce.

use crate::number::Rational;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, Zero};
use std::cmp::Ordering;

/// The largest degree [`solve_real`] takes.
pub const MAX_DEGREE: usize = 3;

/// One reported real solution.
#[derive(Clone, Debug, PartialEq)]
pub struct RealSolution {
    /// `float(sol.evalf())`: for a rational root sympy's bits exactly
    /// ([`crate::evalf::float_of`]: evaluated at 57 bits rounding down, then
    /// rounded to 53, which is not always the nearest double); for an
    /// irrational root the nearest double, which differs from sympy's
    /// evaluation of its radicals by one ulp in about 2% of roots (never
    /// after polynomial_equations' `round(., 4)` in the checks so far).
    pub value: f64,
    /// The root, when it is rational.
    pub exact: Option<Rational>,
}

/// Why [`solve_real`] has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RootsError {
    /// The polynomial's degree is past [`MAX_DEGREE`].
    Degree,
}

/// `coeffs[i]` is the coefficient of `x**i`.
type Poly = Vec<BigInt>;

fn trim(mut p: Poly) -> Poly {
    while p.last().is_some_and(Zero::is_zero) {
        p.pop();
    }
    p
}

fn degree(p: &[BigInt]) -> usize {
    p.len().saturating_sub(1)
}

/// `p / content(p)`, with a positive leading coefficient.
fn primitive(p: &[BigInt]) -> Poly {
    let g = p.iter().fold(BigInt::zero(), |g, c| g.gcd(c));
    let sign = if p.last().is_some_and(Signed::is_negative) {
        -BigInt::one()
    } else {
        BigInt::one()
    };
    if g.is_zero() {
        return p.to_vec();
    }
    p.iter().map(|c| c / &g * &sign).collect()
}

fn derivative(p: &[BigInt]) -> Poly {
    p.iter()
        .enumerate()
        .skip(1)
        .map(|(i, c)| c * BigInt::from(i))
        .collect()
}

/// The pseudo-remainder of `a` by `b` (`lc(b)^k * a mod b`, a positive
/// multiple of the remainder, which keeps its sign).
fn prem(a: &[BigInt], b: &[BigInt]) -> Poly {
    let mut r = a.to_vec();
    let db = degree(b);
    let lb = b[db].clone();
    // Multiply by lb^2 per step keeps the factor positive.
    let lb2 = &lb * &lb;
    while r.len() > db && !r.is_empty() {
        let dr = degree(&r);
        let lr = r[dr].clone();
        // r = lb^2 * r - lb * lr * x^(dr-db) * b
        for c in r.iter_mut() {
            *c *= &lb2;
        }
        for (i, bc) in b.iter().enumerate() {
            r[i + dr - db] -= &lb * &lr * bc;
        }
        // The leading term cancels by construction.
        r = trim(r);
    }
    trim(r)
}

/// `gcd(a, b)` over Q, as a primitive integer polynomial.
fn gcd(a: &[BigInt], b: &[BigInt]) -> Poly {
    let (mut a, mut b) = (primitive(a), primitive(b));
    while !b.is_empty() {
        let r = prem(&a, &b);
        a = b;
        b = if r.is_empty() { r } else { primitive(&r) };
    }
    primitive(&a)
}

/// Exact division of `a` by `b` over Q when `b` divides `a`, scaled to a
/// primitive integer polynomial.
fn div_exact(a: &[BigInt], b: &[BigInt]) -> Poly {
    let db = degree(b);
    let lb = b[db].clone();
    let mut r = a.to_vec();
    let dq = degree(a) - db;
    let mut q = vec![BigInt::zero(); dq + 1];
    // Work over Q by scaling: lb^(dq+1) * a = q * b exactly.
    let scale = num_traits::pow::Pow::pow(&lb, (dq + 1) as u32);
    for c in r.iter_mut() {
        *c *= &scale;
    }
    for k in (0..=dq).rev() {
        let c = &r[k + db] / &lb;
        for (i, bc) in b.iter().enumerate() {
            r[k + i] -= &c * bc;
        }
        q[k] = c;
    }
    primitive(&trim(q))
}

/// The sign of `p(m / 2^k)`: of `2^(k n) p(m / 2^k)`, by Horner's rule
/// (`acc = acc * m + c_i * 2^(k (n - i))` from the top).
fn sign_at_dyadic(p: &[BigInt], m: &BigInt, k: u64) -> Sign {
    let n = degree(p) as u64;
    let mut acc = BigInt::zero();
    for (i, c) in p.iter().enumerate().rev() {
        acc = acc * m + (c << (k * (n - i as u64)));
    }
    acc.sign()
}

/// The sign of `p(a/b)` (`b > 0`).
fn sign_at_rational(p: &[BigInt], a: &BigInt, b: &BigInt) -> Sign {
    let mut acc = BigInt::zero();
    let mut apow = BigInt::one();
    let n = degree(p);
    let mut bpows = vec![BigInt::one(); n + 1];
    for i in 1..=n {
        bpows[i] = &bpows[i - 1] * b;
    }
    for (i, c) in p.iter().enumerate() {
        acc += c * &apow * &bpows[n - i];
        apow *= a;
    }
    acc.sign()
}

/// A Sturm sequence of a squarefree polynomial, each scaled to integers.
fn sturm(p: &[BigInt]) -> Vec<Poly> {
    let mut seq = vec![p.to_vec(), primitive(&derivative(p))];
    loop {
        let n = seq.len();
        if degree(&seq[n - 1]) == 0 {
            break;
        }
        let r = prem(&seq[n - 2], &seq[n - 1]);
        if r.is_empty() {
            break;
        }
        let g = r.iter().fold(BigInt::zero(), |g, c| g.gcd(c));
        seq.push(r.iter().map(|c| -(c / &g)).collect());
    }
    seq
}

fn variations(seq: &[Poly], m: &BigInt, k: u64) -> usize {
    let signs: Vec<Sign> = seq
        .iter()
        .map(|p| sign_at_dyadic(p, m, k))
        .filter(|s| *s != Sign::NoSign)
        .collect();
    signs.windows(2).filter(|w| w[0] != w[1]).count()
}

/// A real root isolated in `(lo, hi]`, endpoints `lo_m / 2^k`, `hi_m / 2^k`.
struct Interval {
    lo: BigInt,
    hi: BigInt,
    k: u64,
}

/// The real roots of a squarefree `p` with `p(0) != 0`, each in its own
/// interval, in increasing order.
fn isolate(p: &[BigInt]) -> Vec<Interval> {
    let seq = sturm(p);
    let n = degree(p);
    // Cauchy's bound: every root is below 1 + max |c_i / c_n| < 2^bound.
    let lc_bits = p[n].bits();
    let max_bits = p.iter().map(|c| c.bits()).max().unwrap_or(0);
    let bound = max_bits.saturating_sub(lc_bits) + 2;
    let mut out = Vec::new();
    let mut todo = vec![Interval {
        lo: -(BigInt::one() << bound),
        hi: BigInt::one() << bound,
        k: 0,
    }];
    while let Some(iv) = todo.pop() {
        let count = variations(&seq, &iv.lo, iv.k) - variations(&seq, &iv.hi, iv.k);
        match count {
            0 => {}
            1 => out.push(iv),
            _ => {
                let (lo, hi, k) = (iv.lo << 1u32, iv.hi << 1u32, iv.k + 1);
                let mid = (&lo + &hi) >> 1u32;
                todo.push(Interval {
                    lo: lo.clone(),
                    hi: mid.clone(),
                    k,
                });
                todo.push(Interval { lo: mid, hi, k });
            }
        }
    }
    out.sort_by(|a, b| {
        let (x, y) = (&a.lo << b.k, &b.lo << a.k);
        x.cmp(&y)
    });
    out
}

/// Narrows an isolating interval of a simple root until it is shorter than
/// `2^-bits` relative to the root, or the root is hit exactly.
fn refine(p: &[BigInt], iv: &mut Interval, bits: u64) -> Option<Rational> {
    let s_hi = sign_at_dyadic(p, &iv.hi, iv.k);
    if s_hi == Sign::NoSign {
        return Some(dyadic(&iv.hi, iv.k));
    }
    loop {
        let width = &iv.hi - &iv.lo;
        let mag = iv.lo.abs().max(iv.hi.abs());
        if iv.lo.sign() == iv.hi.sign() && mag.bits() >= width.bits() + bits {
            return None;
        }
        let (lo, hi, k) = (&iv.lo << 1u32, &iv.hi << 1u32, iv.k + 1);
        let mid = (&lo + &hi) >> 1u32;
        let s = sign_at_dyadic(p, &mid, k);
        if s == Sign::NoSign {
            return Some(dyadic(&mid, k));
        }
        if s == s_hi {
            *iv = Interval { lo, hi: mid, k };
        } else {
            *iv = Interval { lo: mid, hi, k };
        }
    }
}

fn dyadic(m: &BigInt, k: u64) -> Rational {
    Rational::new(m.clone(), BigInt::one() << k).expect("2^k > 0")
}

/// The rational root of `p` inside a refined interval, if it has one: the
/// last continued-fraction convergent of the midpoint with a denominator
/// at most `lc` (which a rational root's denominator divides), checked
/// exactly. The interval is short enough that such a root is a convergent.
fn rational_in(p: &[BigInt], iv: &Interval, lc: &BigInt) -> Option<Rational> {
    let num = &iv.lo + &iv.hi;
    let den = BigInt::one() << (iv.k + 1);
    let (mut a, mut b) = (num, den);
    let (mut p0, mut q0, mut p1, mut q1) =
        (BigInt::zero(), BigInt::one(), BigInt::one(), BigInt::zero());
    let mut best: Option<(BigInt, BigInt)> = None;
    while !b.is_zero() {
        let t = a.div_floor(&b);
        let (p2, q2) = (&t * &p1 + &p0, &t * &q1 + &q0);
        if q2 > *lc {
            break;
        }
        best = Some((p2.clone(), q2.clone()));
        let r = &a - &t * &b;
        a = std::mem::replace(&mut b, r);
        p0 = std::mem::replace(&mut p1, p2);
        q0 = std::mem::replace(&mut q1, q2);
    }
    let (pn, qn) = best?;
    // The convergent must be this interval's root, not another rational
    // root of `p` nearby: lo < pn/qn <= hi.
    let scaled = &pn << iv.k;
    let inside = &iv.lo * &qn < scaled && scaled <= &iv.hi * &qn;
    (inside && sign_at_rational(p, &pn, &qn) == Sign::NoSign)
        .then(|| Rational::new(pn, qn).expect("q > 0"))
}

/// A root before `solve`'s ordering.
struct Found {
    value: f64,
    exact: Option<Rational>,
    /// For an irrational root of a quadratic factor: whether it is the
    /// `B + D` root of `B ± D`, and the sign of `B = -b/(2a)`.
    pair: Option<(bool, Sign)>,
}

/// The real solutions `solve(Eq(p, 0), x)` reports, in its order (see the
/// module doc). `coeffs[i]` is the coefficient of `x**i`.
pub fn solve_real(coeffs: &[BigInt]) -> Result<Vec<RealSolution>, RootsError> {
    let p = trim(coeffs.to_vec());
    if p.len() <= 1 {
        // `Eq(c, 0)` is `True` or `False`: no solutions.
        return Ok(Vec::new());
    }
    if degree(&p) > MAX_DEGREE {
        return Err(RootsError::Degree);
    }
    let zeros = p.iter().take_while(|c| c.is_zero()).count();
    let q = primitive(&p[zeros..]);
    let mut found: Vec<Found> = Vec::new();
    if zeros > 0 {
        found.push(Found {
            value: 0.0,
            exact: Some(Rational::zero()),
            pair: None,
        });
    }
    if degree(&q) > 0 {
        let g = gcd(&q, &derivative(&q));
        let s = if degree(&g) > 0 { div_exact(&q, &g) } else { q };
        let lc = s[degree(&s)].abs();
        // Relative precision enough for a double and for recognising a
        // rational root (absolute width below 1 / (2 lc^2), roots below
        // 2^max_bits).
        let max_bits = s.iter().map(|c| c.bits()).max().unwrap_or(0);
        let bits = 2 * lc.bits() + max_bits + 72;
        // Rational roots first, then what is left of `s` has none.
        let mut rest = s.clone();
        let mut irrational = Vec::new();
        for mut iv in isolate(&s) {
            let hit = refine(&s, &mut iv, bits);
            let exact = hit.or_else(|| rational_in(&s, &iv, &lc));
            match exact {
                Some(r) => {
                    let lin = primitive(&[-r.numer().clone(), r.denom().clone()]);
                    rest = div_exact(&rest, &lin);
                    found.push(Found {
                        // sympy's bits, not the nearest double (which
                        // differs in about 2% of cases, by one ulp).
                        value: crate::evalf::float_of(&crate::Expr::Num(r.clone()))
                            .unwrap_or_else(|| r.to_f64()),
                        exact: Some(r),
                        pair: None,
                    });
                }
                None => irrational.push(dyadic(&(&iv.lo + &iv.hi), iv.k + 1).to_f64()),
            }
        }
        match degree(&rest) {
            2 => {
                // B = -b / (2a); the larger root is B + D.
                let b_sign = match (rest[1].sign(), rest[2].sign()) {
                    (Sign::NoSign, _) => Sign::NoSign,
                    (x, y) if x == y => Sign::Minus,
                    _ => Sign::Plus,
                };
                let n = irrational.len();
                for (i, v) in irrational.into_iter().enumerate() {
                    found.push(Found {
                        value: v,
                        exact: None,
                        pair: Some((n == 2 && i == 1, b_sign)),
                    });
                }
            }
            // An irreducible cubic: Cardano's radicals are real only with
            // one real root.
            3 if irrational.len() == 1 => found.push(Found {
                value: irrational[0],
                exact: None,
                pair: None,
            }),
            _ => {}
        }
    }
    Ok(order(found))
}

/// `solve` sorts its solutions by `default_sort_key`: numbers first, by
/// value; then the irrational ones. Of the two roots `B ± D` of a quadratic
/// factor, sympy's key puts `B + D` first when the roots have opposite
/// signs and `B < 0`, and `B - D` first otherwise (found by the fuzzer;
/// visible in the answer only when both round to zero with opposite signs).
fn order(mut found: Vec<Found>) -> Vec<RealSolution> {
    let plus_first = |pair: &[&Found]| {
        let opposite = pair[0].value.signum() != pair[1].value.signum();
        opposite
            && pair
                .iter()
                .any(|f| f.pair.is_some_and(|(_, s)| s == Sign::Minus))
    };
    let irr: Vec<&Found> = found.iter().filter(|f| f.pair.is_some()).collect();
    let plus = irr.len() == 2 && plus_first(&irr);
    found.sort_by(|a, b| match (&a.exact, &b.exact) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => match (a.pair, b.pair) {
            (Some((ap, _)), Some((bp, _))) => match (ap, bp) {
                (true, false) if plus => Ordering::Less,
                (true, false) => Ordering::Greater,
                (false, true) if plus => Ordering::Greater,
                (false, true) => Ordering::Less,
                _ => Ordering::Equal,
            },
            _ => Ordering::Equal,
        },
    });
    found
        .into_iter()
        .map(|f| RealSolution {
            value: f.value,
            exact: f.exact,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solve(c: &[i64]) -> Vec<f64> {
        let c: Vec<BigInt> = c.iter().map(|&x| BigInt::from(x)).collect();
        solve_real(&c)
            .unwrap()
            .iter()
            .map(|s| pycompat::round_ndigits(s.value, 4))
            .collect()
    }

    #[test]
    fn as_sympy_reports() {
        // 3*x**2 + 5*x - 7: [-5/6 + sqrt(109)/6, -sqrt(109)/6 - 5/6].
        assert_eq!(solve(&[-7, 5, 3]), [0.9067, -2.5734]);
        assert_eq!(solve(&[-7, -5, 3]), [-0.9067, 2.5734]);
        assert_eq!(solve(&[-3, 0, 1]), [-1.7321, 1.7321]);
        // x**3 - 3*x + 1: casus irreducibilis, nothing.
        assert_eq!(solve(&[1, -3, 0, 1]), Vec::<f64>::new());
        // x**3 + x + 1: one real root.
        assert_eq!(solve(&[1, 1, 0, 1]), [-0.6823]);
        // 2*x**3 - 3*x**2 + 5: -1 and two complex roots.
        assert_eq!(solve(&[5, 0, -3, 2]), [-1.0]);
        // 2*x**3 - 4*x**2 - 2*x: [0, 1 - sqrt(2), 1 + sqrt(2)].
        assert_eq!(solve(&[0, -2, -4, 2]), [0.0, -0.4142, 2.4142]);
        // 6*(x + 1)*(5*x**2 - 5*x - 8): -0.8601 is near -1, not -1.
        assert_eq!(solve(&[-48, -78, 0, 30]), [-1.0, -0.8601, 1.8601]);
        // (x - 1)**2 * (x + 2).
        assert_eq!(solve(&[2, -3, 0, 1]), [-2.0, 1.0]);
        assert_eq!(solve(&[-2, 0, 0, 1]), [1.2599]);
        assert_eq!(solve(&[5]), Vec::<f64>::new());
        assert_eq!(solve(&[0, 0, 7]), [0.0]);
        // 1000000000*x**2 + x - 1: [0.0, -0.0]; with -x: [-0.0, 0.0].
        let r = solve(&[-1, 1, 1_000_000_000]);
        assert!(r[0].is_sign_positive() && r[1].is_sign_negative(), "{r:?}");
        let r = solve(&[-1, -1, 1_000_000_000]);
        assert!(r[0].is_sign_negative() && r[1].is_sign_positive(), "{r:?}");
        assert_eq!(
            solve_real(&[1, 0, 0, 0, 1].map(BigInt::from)),
            Err(RootsError::Degree)
        );
    }
}
