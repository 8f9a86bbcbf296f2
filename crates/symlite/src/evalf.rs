//! sympy's `evalf` (`sympy/core/evalf.py`) for the real numbers rgym
//! builds: integers, rationals, `pi`, `Float`s, and sums, products and
//! powers of them, with the same working precisions, accuracy bookkeeping
//! and rounding modes, so that `float(expr.evalf())` gives sympy's bits —
//! which are not always the nearest double: sympy evaluates at 57 bits
//! (rounding rationals and square roots toward zero) and rounds that to
//! 53, and `evalf_mul` truncates long products in the order of the `Mul`'s
//! arguments ([`basic_compare`]).

use crate::elefun::mpf_pi;
use crate::expr::Expr;
use crate::mpf::{Mpf, Round};
use crate::number::Rational;
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// `DEFAULT_MAXPREC`.
pub const DEFAULT_MAXPREC: i64 = 333;

/// A real number `evalf` works on: an [`Expr`], `pi` times nothing else,
/// or a `Float`.
#[derive(Clone, Debug)]
pub enum Real<'a> {
    Expr(&'a Expr),
    /// `Mul(coeff, pi)` (or `pi` for a coefficient of 1).
    PiTimes(Rational),
    /// `Mul(Float, Pow(pi, -1))`.
    FloatOverPi(Mpf),
}

/// `(re, re_acc)` of evalf's `(re, im, re_acc, im_acc)`; `re` is `None`
/// for an exact zero.
#[derive(Clone, Debug)]
pub struct Evaled {
    pub re: Option<Mpf>,
    pub acc: i64,
}

/// The `options` dict: only `maxprec` matters here.
pub struct Options {
    pub maxprec: i64,
}

impl Options {
    /// What `EvalfMixin.evalf(n=15)` passes: `maxprec = max(prec, maxn * log2(10))`.
    pub fn top() -> Options {
        Options { maxprec: 332 }
    }

    /// An empty dict (`_to_mpmath`).
    pub fn empty() -> Options {
        Options {
            maxprec: DEFAULT_MAXPREC,
        }
    }
}

fn exact(m: Mpf, prec: u64) -> Evaled {
    Evaled {
        re: if m.is_zero() { None } else { Some(m) },
        acc: prec as i64,
    }
}

/// `evalf(x, prec, options)` for the classes of [`Expr`] without symbols;
/// `None` for what rgym does not evaluate (symbols, complex results,
/// exponents other than integers and halves).
pub fn evalf(e: &Expr, prec: u64, opts: &mut Options) -> Option<Evaled> {
    match e {
        Expr::Num(r) => Some(if r.is_integer() {
            exact(Mpf::from_int(r.numer(), prec, Round::Down), prec)
        } else {
            exact(Mpf::from_rational(r, prec, Round::Down), prec)
        }),
        Expr::Sym(_) => None,
        Expr::Add(_) => evalf_add(e, prec, opts),
        Expr::Mul(f) => evalf_mul(f, prec, opts, evalf),
        Expr::Pow(b, x) => evalf_pow(b, x, prec, opts),
        Expr::Func(..) => None,
    }
}

/// `add_terms(terms, prec, target_prec)`: `None` for no terms; an exact
/// cancellation gives sympy's scaled zero, here `2**mag` with accuracy -1.
fn add_terms(terms: &[(Mpf, i64)], prec: u64, target_prec: u64) -> Option<(Mpf, i64)> {
    let terms: Vec<&(Mpf, i64)> = terms.iter().filter(|t| !t.0.is_zero()).collect();
    match terms.len() {
        0 => return None,
        1 => return Some(terms[0].clone()),
        _ => {}
    }
    let working_prec = 2 * prec as i64;
    let mut sum_man = BigInt::zero();
    let mut sum_exp: i64 = 0;
    let mut absolute_err = i64::MIN;
    for (x, accuracy) in terms {
        let bc = x.bc() as i64;
        let man = BigInt::from_biguint(if x.neg { Sign::Minus } else { Sign::Plus }, x.man.clone());
        absolute_err = absolute_err.max(bc + x.exp - accuracy);
        let delta = x.exp - sum_exp;
        if x.exp >= sum_exp {
            if delta > working_prec
                && (sum_man.is_zero() || delta - sum_man.bits() as i64 > working_prec)
            {
                sum_man = man;
                sum_exp = x.exp;
            } else {
                sum_man += man << delta as u64;
            }
        } else {
            let delta = -delta;
            if delta - bc > working_prec {
                if sum_man.is_zero() {
                    sum_man = man;
                    sum_exp = x.exp;
                }
            } else {
                sum_man = (sum_man << delta as u64) + man;
                sum_exp = x.exp;
            }
        }
    }
    if sum_man.is_zero() {
        let z = Mpf {
            neg: false,
            man: BigUint::one(),
            exp: absolute_err,
        };
        return Some((z, -1));
    }
    let neg = sum_man.is_negative();
    let man = sum_man.magnitude().clone();
    let acc = sum_exp + man.bits() as i64 - absolute_err;
    Some((
        Mpf::normalize(neg, man, sum_exp, target_prec, Round::Nearest),
        acc,
    ))
}

fn evalf_add(v: &Expr, prec: u64, opts: &mut Options) -> Option<Evaled> {
    let args = v.add_args();
    let oldmaxprec = opts.maxprec;
    let target_prec = prec;
    let mut prec = prec;
    let mut i = 0u32;
    let out;
    loop {
        opts.maxprec = oldmaxprec.min(2 * prec as i64);
        let mut terms = Vec::with_capacity(args.len());
        for a in &args {
            let t = evalf(a, prec + 10, opts)?;
            if let Some(re) = t.re {
                terms.push((re, t.acc));
            }
        }
        let r = add_terms(&terms, prec, target_prec);
        let acc = match &r {
            None => i64::MAX,
            Some((_, acc)) => *acc,
        };
        if acc >= target_prec as i64 || (prec - target_prec) as i64 > opts.maxprec {
            out = r;
            break;
        }
        prec += (10 + (1u64 << i.min(62))).max((target_prec as i64 - acc) as u64);
        i += 1;
    }
    opts.maxprec = oldmaxprec;
    Some(match out {
        None => Evaled { re: None, acc: 0 },
        Some((m, acc)) => Evaled { re: Some(m), acc },
    })
}

/// `evalf_mul` for real factors, evaluated by `ev` in the order given
/// (the `Mul`'s `args`).
fn evalf_mul<T>(
    args: &[T],
    prec: u64,
    opts: &mut Options,
    ev: impl Fn(&T, u64, &mut Options) -> Option<Evaled>,
) -> Option<Evaled>
where
    T: Ordered,
{
    let mut args: Vec<&T> = args.iter().collect();
    args.sort_by(|a, b| a.compare(b));
    let mut acc = prec as i64;
    let working_prec = prec + args.len() as u64 + 5;
    let (mut man, mut exp, mut bc) = (BigUint::one(), 0i64, 1i64);
    let mut neg = false;
    for a in args {
        let r = ev(a, working_prec, opts)?;
        let Some(m) = r.re else {
            return Some(Evaled { re: None, acc: 0 });
        };
        neg ^= m.neg;
        man *= &m.man;
        exp += m.exp;
        bc += m.bc() as i64;
        while bc > 3 * working_prec as i64 {
            man >>= working_prec;
            exp += working_prec as i64;
            bc -= working_prec as i64;
        }
        acc = acc.min(r.acc);
    }
    Some(Evaled {
        re: Some(Mpf::normalize(neg, man, exp, prec, Round::Nearest)),
        acc,
    })
}

fn evalf_pow(base: &Expr, exp: &Expr, prec: u64, opts: &mut Options) -> Option<Evaled> {
    let target_prec = prec;
    let Expr::Num(e) = exp else { return None };
    if e.is_integer() {
        let p = e.numer();
        if p.is_zero() {
            return Some(exact(Mpf::one(), prec));
        }
        let prec = prec + p.magnitude().bits().saturating_sub(1);
        let r = evalf(base, prec + 5, opts)?;
        let re = r.re?;
        let v = Mpf::pow_int(&re, p, target_prec, Round::Down)?;
        return Some(Evaled {
            re: Some(v),
            acc: target_prec as i64,
        });
    }
    let half = Rational::new(1.into(), 2.into()).expect("2 != 0");
    if *e == half {
        let r = evalf(base, prec + 5, opts)?;
        let Some(x) = r.re else {
            return Some(Evaled { re: None, acc: 0 });
        };
        if x.neg {
            return None;
        }
        return Some(exact(Mpf::sqrt_rnd(&x, prec, Round::Down)?, prec));
    }
    // A general rational exponent; only odd multiples of 1/2 are ported
    // (mpf_pow's `texp == -1` branch).
    if *e.denom() != BigInt::from(2) {
        return None;
    }
    let prec = prec + 10;
    let x = evalf(base, prec + 5, opts)?.re?;
    if x.neg {
        return None;
    }
    let tman = e.numer().magnitude().to_u64()?;
    let v = if tman == 1 {
        if e.is_negative() {
            let s = Mpf::sqrt_rnd(&x, target_prec + 10, Round::Up)?;
            Mpf::div(&Mpf::one(), &s, target_prec, Round::Down)?
        } else {
            Mpf::sqrt_rnd(&x, target_prec, Round::Down)?
        }
    } else if e.is_negative() {
        let s = Mpf::sqrt_rnd(&x, target_prec + 10, Round::Up)?;
        Mpf::pow_int(&s, &-BigInt::from(tman), target_prec, Round::Down)?
    } else {
        let s = Mpf::sqrt_rnd(&x, target_prec + 10, Round::Down)?;
        Mpf::pow_int(&s, &BigInt::from(tman), target_prec, Round::Down)?
    };
    Some(exact(v, target_prec))
}

/// `float(x.evalf())`: evaluated at 57 bits, rounded to the accuracy
/// reached (at most 53 bits), then to a double.
pub fn float_of(e: &Expr) -> Option<f64> {
    real_float(Real::Expr(e))
}

/// `x.evalf()` as sympy's 53-bit `Float`.
pub fn evalf_float(x: Real) -> Option<Mpf> {
    let mut opts = Options::top();
    let r = match x {
        Real::Expr(e) => evalf(e, 57, &mut opts)?,
        Real::PiTimes(c) => {
            let args = [PiFactor::Num(c), PiFactor::Pi];
            evalf_mul(&args, 57, &mut opts, PiFactor::evalf)?
        }
        Real::FloatOverPi(f) => {
            let args = [PiFactor::Float(f), PiFactor::InvPi];
            evalf_mul(&args, 57, &mut opts, PiFactor::evalf)?
        }
    };
    let Some(m) = r.re else {
        return Some(Mpf::zero());
    };
    let p = r.acc.clamp(1, 53) as u64;
    Some(Mpf::normalize(m.neg, m.man, m.exp, p, Round::Nearest))
}

/// `float(x.evalf())`.
pub fn real_float(x: Real) -> Option<f64> {
    evalf_float(x).map(|m| m.to_f64())
}

/// `expr._to_mpmath(prec)` for a number: a rational through
/// `_as_mpf_val` (rounded to nearest), anything else through `evalf`.
pub fn to_mpmath(e: &Expr, prec: u64) -> Option<Mpf> {
    match e {
        Expr::Num(r) => Some(Mpf::from_rational(r, prec, Round::Nearest)),
        _ => Some(
            evalf(e, prec, &mut Options::empty())?
                .re
                .unwrap_or_else(Mpf::zero),
        ),
    }
}

/// The factors of the two products with `pi` this crate evaluates.
enum PiFactor {
    Num(Rational),
    Pi,
    Float(Mpf),
    InvPi,
}

impl PiFactor {
    fn evalf(&self, prec: u64, opts: &mut Options) -> Option<Evaled> {
        Some(match self {
            PiFactor::Num(r) => return evalf(&Expr::Num(r.clone()), prec, opts),
            PiFactor::Pi => exact(mpf_pi(prec, Round::Down), prec),
            PiFactor::Float(f) => exact(f.clone(), prec),
            // evalf_pow of Pow(pi, -1): pi at prec + 5, then mpf_pow_int.
            PiFactor::InvPi => {
                let pi = mpf_pi(prec + 5, Round::Down);
                exact(Mpf::div(&Mpf::one(), &pi, prec, Round::Down)?, prec)
            }
        })
    }
}

/// The order of a `Mul`'s arguments.
trait Ordered {
    fn compare(&self, o: &Self) -> Ordering;
}

impl Ordered for Expr {
    fn compare(&self, o: &Expr) -> Ordering {
        basic_compare(self, o)
    }
}

impl Ordered for PiFactor {
    fn compare(&self, o: &PiFactor) -> Ordering {
        // Numbers, then Float, then Pi, then Pow: already in that order.
        let rank = |x: &PiFactor| match x {
            PiFactor::Num(_) => 0,
            PiFactor::Float(_) => 1,
            PiFactor::Pi => 2,
            PiFactor::InvPi => 3,
        };
        rank(self).cmp(&rank(o))
    }
}

/// The index of a class in `ordering_of_classes`.
fn class_index(e: &Expr) -> u32 {
    match e {
        Expr::Num(r) => {
            if r.is_zero() {
                0
            } else if r.is_one() {
                1
            } else if r.is_minus_one() {
                5
            } else if r.is_integer() {
                7
            } else if r.numer().is_one() && *r.denom() == BigInt::from(2) {
                2
            } else {
                8
            }
        }
        Expr::Sym(_) => 13,
        Expr::Pow(..) => 15,
        Expr::Mul(_) => 16,
        Expr::Add(_) => 17,
        // Every function class comes after the core classes.
        Expr::Func(..) => 18,
    }
}

/// `Basic.compare`: the order sympy keeps the arguments of an `Add` or a
/// `Mul` in (`_addsort`, `_mulsort`), by class, then by
/// `_hashable_content` (its length first).
pub fn basic_compare(a: &Expr, b: &Expr) -> Ordering {
    let c = class_index(a).cmp(&class_index(b));
    if c != Ordering::Equal {
        return c;
    }
    match (a, b) {
        (Expr::Num(x), Expr::Num(y)) => {
            let ci = class_index(a);
            if ci == 7 {
                x.numer().cmp(y.numer())
            } else if ci == 8 {
                x.numer().cmp(y.numer()).then(x.denom().cmp(y.denom()))
            } else {
                Ordering::Equal
            }
        }
        (Expr::Sym(x), Expr::Sym(y)) => x.cmp(y),
        (Expr::Pow(b1, e1), Expr::Pow(b2, e2)) => {
            basic_compare(b1, b2).then_with(|| basic_compare(e1, e2))
        }
        (Expr::Mul(x), Expr::Mul(y)) | (Expr::Add(x), Expr::Add(y)) => {
            let c = x.len().cmp(&y.len());
            if c != Ordering::Equal {
                return c;
            }
            let mut xs: Vec<&Expr> = x.iter().collect();
            let mut ys: Vec<&Expr> = y.iter().collect();
            xs.sort_by(|p, q| basic_compare(p, q));
            ys.sort_by(|p, q| basic_compare(p, q));
            for (p, q) in xs.iter().zip(&ys) {
                let c = basic_compare(p, q);
                if c != Ordering::Equal {
                    return c;
                }
            }
            Ordering::Equal
        }
        _ => Ordering::Equal,
    }
}

/// `complex(x)` of a real number: `float(x.evalf())`.
pub fn complex_re(e: &Expr) -> Option<f64> {
    float_of(e)
}
