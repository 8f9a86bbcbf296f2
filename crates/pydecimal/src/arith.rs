//! Arithmetic under a context, after the General Decimal Arithmetic
//! specification as `_pydecimal` spells it out (`_fix`, `_rescale`, the
//! rounding functions); libmpdec computes the same correctly rounded results.

use std::cmp::Ordering;

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::Zero;

use crate::digits::{cmp_aligned, Digits};
use crate::{Decimal, DecimalError, Kind};

/// `decimal.ROUND_*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    Down,
    HalfUp,
    HalfEven,
    Ceiling,
    Floor,
    HalfDown,
    Up,
    ZeroFiveUp,
}

/// `decimal.Context`: precision, rounding, exponent limits and clamping.
/// The traps are Python's defaults (InvalidOperation, DivisionByZero and
/// Overflow raise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    pub prec: u64,
    pub rounding: Rounding,
    pub emax: i64,
    pub emin: i64,
    pub clamp: bool,
}

impl Default for Context {
    /// `decimal.DefaultContext`: 28 digits, ROUND_HALF_EVEN, exponents within ±999999.
    fn default() -> Context {
        Context {
            prec: 28,
            rounding: Rounding::HalfEven,
            emax: 999_999,
            emin: -999_999,
            clamp: false,
        }
    }
}

impl Context {
    /// The default context with another precision (`getcontext().prec = p`).
    pub fn with_prec(prec: u64) -> Context {
        Context {
            prec,
            ..Context::default()
        }
    }

    fn etiny(&self) -> i128 {
        self.emin as i128 - self.prec as i128 + 1
    }

    fn etop(&self) -> i128 {
        self.emax as i128 - self.prec as i128 + 1
    }
}

/// Whether dropping digits rounds the kept part up in magnitude, given the
/// kept part's last digit and how the dropped part compares with one half.
fn rounds_up(
    kept_last: u8,
    half: Ordering,
    rest_nonzero: bool,
    negative: bool,
    mode: Rounding,
) -> bool {
    if !rest_nonzero {
        return false;
    }
    match mode {
        Rounding::Down => false,
        Rounding::Up => true,
        Rounding::HalfUp => half != Ordering::Less,
        Rounding::HalfDown => half == Ordering::Greater,
        Rounding::HalfEven => {
            half == Ordering::Greater || (half == Ordering::Equal && kept_last % 2 == 1)
        }
        Rounding::Ceiling => !negative,
        Rounding::Floor => negative,
        // Away from zero only when the kept last digit is 0 or 5.
        Rounding::ZeroFiveUp => kept_last.is_multiple_of(5),
    }
}

/// `coeff` with its last `drop` digits rounded away (`drop >= 1`).
fn round_digits(coeff: &Digits, drop: u128, negative: bool, mode: Rounding) -> Digits {
    if coeff.is_zero() {
        return Digits::zero();
    }
    let v = coeff.values();
    // Dropping more digits than there are leaves zero and a nonzero rest
    // below a tenth of the unit (what `_rescale` models with 10**(exp-1)).
    let (kept, half, rest_nonzero) = match usize::try_from(drop) {
        Ok(d) if d <= v.len() => {
            let (kept, rest) = v.split_at(v.len() - d);
            let tail_nonzero = rest[1..].iter().any(|&x| x != 0);
            let half = rest[0].cmp(&5).then(if tail_nonzero {
                Ordering::Greater
            } else {
                Ordering::Equal
            });
            (
                Digits::from_values(kept.to_vec()),
                half,
                rest[0] != 0 || tail_nonzero,
            )
        }
        _ => (Digits::zero(), Ordering::Less, true),
    };
    if rounds_up(kept.last(), half, rest_nonzero, negative, mode) {
        kept.incremented()
    } else {
        kept
    }
}

/// `_rescale(exp, rounding)`: the value with exponent `new_exp`, rounding
/// digits away or padding zeros, ignoring the context.
pub(crate) fn rescale(
    coeff: &Digits,
    exp: i128,
    new_exp: i128,
    negative: bool,
    rounding: Rounding,
) -> (Digits, i128) {
    if coeff.is_zero() {
        return (Digits::zero(), new_exp);
    }
    if exp >= new_exp {
        return (coeff.shifted((exp - new_exp) as usize), new_exp);
    }
    (
        round_digits(coeff, (new_exp - exp) as u128, negative, rounding),
        new_exp,
    )
}

fn finite(negative: bool, coeff: Digits, exp: i128) -> Decimal {
    Decimal::finite(negative, coeff, exp as i64)
}

/// `_fix`: rounds a finite result to the context (precision, subnormals,
/// overflow, clamping).
fn fix(negative: bool, coeff: Digits, exp: i128, ctx: &Context) -> Result<Decimal, DecimalError> {
    let etiny = ctx.etiny();
    let etop = ctx.etop();
    if coeff.is_zero() {
        let exp_max = if ctx.clamp { etop } else { ctx.emax as i128 };
        return Ok(finite(negative, coeff, exp.max(etiny).min(exp_max)));
    }
    let n = coeff.len() as i128;
    let mut exp_min = n + exp - ctx.prec as i128;
    if exp_min > etop {
        return Err(DecimalError::Overflow);
    }
    exp_min = exp_min.max(etiny);
    if exp < exp_min {
        let mut c = round_digits(&coeff, (exp_min - exp) as u128, negative, ctx.rounding);
        if c.len() as i128 > ctx.prec as i128 {
            c = c.without_last();
            exp_min += 1;
        }
        if exp_min > etop {
            return Err(DecimalError::Overflow);
        }
        return Ok(finite(negative, c, exp_min));
    }
    if ctx.clamp && exp > etop {
        return Ok(finite(negative, coeff.shifted((exp - etop) as usize), etop));
    }
    Ok(finite(negative, coeff, exp))
}

/// `_fix_nan`: a NaN operand becomes the result, its payload cut to what the
/// context can hold; a signaling NaN is an invalid operation.
fn nan_result(d: &Decimal, ctx: &Context) -> Result<Decimal, DecimalError> {
    let Kind::NaN { payload, signaling } = &d.kind else {
        return Ok(d.clone());
    };
    if *signaling {
        return Err(DecimalError::InvalidOperation);
    }
    let max_len = (ctx.prec - ctx.clamp as u64) as usize;
    Ok(Decimal {
        negative: d.negative,
        kind: Kind::NaN {
            payload: payload.low(max_len),
            signaling: false,
        },
    })
}

/// `_check_nans` for two operands: a signaling NaN anywhere is invalid, else
/// the first NaN is the result.
fn check_nans(a: &Decimal, b: &Decimal, ctx: &Context) -> Option<Result<Decimal, DecimalError>> {
    if a.is_snan() || b.is_snan() {
        return Some(Err(DecimalError::InvalidOperation));
    }
    if a.is_nan() {
        return Some(nan_result(a, ctx));
    }
    if b.is_nan() {
        return Some(nan_result(b, ctx));
    }
    None
}

fn inf(negative: bool) -> Decimal {
    Decimal::infinity(negative)
}

fn big_pow10(n: u64) -> BigUint {
    num_traits::pow(BigUint::from(10u32), n as usize)
}

impl Decimal {
    /// `a + b` under `ctx`.
    pub fn add(&self, other: &Decimal, ctx: &Context) -> Result<Decimal, DecimalError> {
        if let Some(r) = check_nans(self, other, ctx) {
            return r;
        }
        add_numbers(self, other, ctx)
    }

    /// `a - b` under `ctx`.
    pub fn sub(&self, other: &Decimal, ctx: &Context) -> Result<Decimal, DecimalError> {
        // NaN operands keep their sign: the check comes before negating.
        if let Some(r) = check_nans(self, other, ctx) {
            return r;
        }
        add_numbers(self, &other.copy_negate(), ctx)
    }

    /// `a * b` under `ctx`.
    pub fn mul(&self, other: &Decimal, ctx: &Context) -> Result<Decimal, DecimalError> {
        if let Some(r) = check_nans(self, other, ctx) {
            return r;
        }
        let negative = self.negative ^ other.negative;
        match (&self.kind, &other.kind) {
            (Kind::Infinite, _) | (_, Kind::Infinite) => {
                if self.is_zero() || other.is_zero() {
                    Err(DecimalError::InvalidOperation)
                } else {
                    Ok(inf(negative))
                }
            }
            (Kind::Finite { coeff: ca, exp: ea }, Kind::Finite { coeff: cb, exp: eb }) => {
                let exp = *ea as i128 + *eb as i128;
                if ca.is_zero() || cb.is_zero() {
                    return fix(negative, Digits::zero(), exp, ctx);
                }
                let product = Digits::from_biguint(&(ca.to_biguint() * cb.to_biguint()));
                fix(negative, product, exp, ctx)
            }
            _ => Err(DecimalError::InvalidOperation),
        }
    }

    /// `a / b` under `ctx`: exact quotients get as close as possible to the
    /// ideal exponent `exp(a) - exp(b)`.
    pub fn div(&self, other: &Decimal, ctx: &Context) -> Result<Decimal, DecimalError> {
        if let Some(r) = check_nans(self, other, ctx) {
            return r;
        }
        let negative = self.negative ^ other.negative;
        let (ca, ea, cb, eb) = match (&self.kind, &other.kind) {
            (Kind::Infinite, Kind::Infinite) => return Err(DecimalError::InvalidOperation),
            (Kind::Infinite, _) => return Ok(inf(negative)),
            (_, Kind::Infinite) => {
                return Ok(finite(negative, Digits::zero(), ctx.etiny()));
            }
            (Kind::Finite { coeff: ca, exp: ea }, Kind::Finite { coeff: cb, exp: eb }) => {
                (ca, *ea as i128, cb, *eb as i128)
            }
            _ => return Err(DecimalError::InvalidOperation),
        };
        if cb.is_zero() {
            return Err(if ca.is_zero() {
                DecimalError::InvalidOperation
            } else {
                DecimalError::DivisionByZero
            });
        }
        if ca.is_zero() {
            return fix(negative, Digits::zero(), ea - eb, ctx);
        }
        let shift = cb.len() as i128 - ca.len() as i128 + ctx.prec as i128 + 1;
        let mut exp = ea - eb - shift;
        let (a, b) = (ca.to_biguint(), cb.to_biguint());
        let (q, r) = if shift >= 0 {
            (a * big_pow10(shift as u64)).div_rem(&b)
        } else {
            a.div_rem(&(b * big_pow10((-shift) as u64)))
        };
        let mut q = Digits::from_biguint(&q);
        if !r.is_zero() {
            // A sticky digit: never a 0 or 5, so rounding sees "inexact".
            if q.last().is_multiple_of(5) {
                q = q.incremented();
            }
        } else {
            let ideal = ea - eb;
            let zeros = q.values().iter().rev().take_while(|&&d| d == 0).count() as i128;
            let strip = zeros.min(ideal - exp).max(0);
            if strip > 0 && !q.is_zero() {
                q = Digits::from_values(q.values()[..q.values().len() - strip as usize].to_vec());
                exp += strip;
            }
        }
        fix(negative, q, exp, ctx)
    }

    /// `-a` under `ctx` (a zero stays positive except when rounding to floor).
    pub fn neg(&self, ctx: &Context) -> Result<Decimal, DecimalError> {
        if self.is_nan() {
            return nan_result(self, ctx);
        }
        let negated = if self.is_zero() && ctx.rounding != Rounding::Floor {
            self.copy_abs()
        } else {
            self.copy_negate()
        };
        negated.fix_in(ctx)
    }

    /// `+a` under `ctx`: the value rounded to the context.
    pub fn plus(&self, ctx: &Context) -> Result<Decimal, DecimalError> {
        if self.is_nan() {
            return nan_result(self, ctx);
        }
        let v = if self.is_zero() && ctx.rounding != Rounding::Floor {
            self.copy_abs()
        } else {
            self.clone()
        };
        v.fix_in(ctx)
    }

    fn fix_in(&self, ctx: &Context) -> Result<Decimal, DecimalError> {
        match &self.kind {
            Kind::Finite { coeff, exp } => fix(self.negative, coeff.clone(), *exp as i128, ctx),
            _ => Ok(self.clone()),
        }
    }

    /// `a.quantize(b, rounding=...)`: `a` with `b`'s exponent. `None` takes
    /// the context's rounding.
    pub fn quantize(
        &self,
        other: &Decimal,
        rounding: Option<Rounding>,
        ctx: &Context,
    ) -> Result<Decimal, DecimalError> {
        let rounding = rounding.unwrap_or(ctx.rounding);
        if let Some(r) = check_nans(self, other, ctx) {
            return r;
        }
        let (coeff, exp, target) = match (&self.kind, &other.kind) {
            (Kind::Infinite, Kind::Infinite) => return Ok(self.clone()),
            (Kind::Finite { coeff, exp }, Kind::Finite { exp: target, .. }) => {
                (coeff, *exp as i128, *target as i128)
            }
            _ => return Err(DecimalError::InvalidOperation),
        };
        if target < ctx.etiny() || target > ctx.emax as i128 {
            return Err(DecimalError::InvalidOperation);
        }
        if coeff.is_zero() {
            return fix(self.negative, Digits::zero(), target, ctx);
        }
        let adjusted = exp + coeff.len() as i128 - 1;
        if adjusted > ctx.emax as i128 || adjusted - target + 1 > ctx.prec as i128 {
            return Err(DecimalError::InvalidOperation);
        }
        let (c, e) = rescale(coeff, exp, target, self.negative, rounding);
        let n = c.len() as i128;
        if e + n - 1 > ctx.emax as i128 || n > ctx.prec as i128 {
            return Err(DecimalError::InvalidOperation);
        }
        fix(self.negative, c, e, ctx)
    }

    /// `a ** n` for an integer `n`, as libmpdec's `_mpd_qpow_int`: binary
    /// powering at `prec + digits(n) + 2` digits (one more, of `1/a`, for a
    /// negative `n`), then one rounding to the context.
    pub fn powi(&self, n: i64, ctx: &Context) -> Result<Decimal, DecimalError> {
        if self.is_nan() {
            return nan_result(self, ctx);
        }
        let negative = self.negative && n % 2 != 0;
        if n == 0 {
            return if self.is_zero() {
                Err(DecimalError::InvalidOperation)
            } else {
                Ok(finite(negative, Digits::one(), 0))
            };
        }
        if self.is_zero() {
            return Ok(if n < 0 {
                inf(negative)
            } else {
                finite(negative, Digits::zero(), 0)
            });
        }
        let Kind::Finite { coeff, exp } = &self.kind else {
            return Ok(if n < 0 {
                finite(negative, Digits::zero(), 0)
            } else {
                inf(negative)
            });
        };
        let v = coeff.values();
        if v.len() as i128 + *exp as i128 == 1 && v[0] == 1 && v[1..].iter().all(|&d| d == 0) {
            // abs(a) == 1 with trailing zeros: 1.000**3 == 1.000000000.
            if n < 0 {
                return Ok(finite(negative, Digits::one(), 0));
            }
            let zeros = (-(*exp as i128)).saturating_mul(n as i128);
            let shift = zeros.min(ctx.prec as i128 - 1);
            return Ok(finite(
                negative,
                Digits::one().shifted(shift as usize),
                -shift,
            ));
        }
        if let Some(r) = certain_over_or_underflow(self, n, negative, ctx) {
            return r;
        }
        let mut work = *ctx;
        work.prec += decimal_len(n.unsigned_abs() as u128) + 2;
        work.rounding = Rounding::HalfEven;
        work.clamp = false;
        let base = if n < 0 {
            work.prec += 1;
            Decimal::from(1).div(&self.copy_abs(), &work)?
        } else {
            self.copy_abs()
        };
        let e = n.unsigned_abs();
        let mut result = base.clone();
        for bit in (0..e.ilog2()).rev() {
            result = result.mul(&result, &work)?;
            if e >> bit & 1 == 1 {
                result = result.mul(&base, &work)?;
            }
            if result.is_zero() {
                break;
            }
        }
        let result = Decimal {
            negative,
            kind: result.kind,
        };
        result.fix_in(ctx)
    }
}

/// Number of decimal digits of `n` (1 for zero).
fn decimal_len(n: u128) -> u64 {
    n.checked_ilog10().map_or(1, |l| l as u64 + 1)
}

/// libmpdec's `_qcheck_pow_bounds`: when `|a| ** n` is certainly beyond the
/// exponent range, the result is decided without powering (an overflow, or
/// the tiniest subnormal rounded by the context).
fn certain_over_or_underflow(
    a: &Decimal,
    n: i64,
    negative: bool,
    ctx: &Context,
) -> Option<Result<Decimal, DecimalError>> {
    let exp_digits = |e: i128| decimal_len(e.unsigned_abs()) as i128;
    let lb_theta = decimal_len(n.unsigned_abs() as u128) as i128 - 1;
    let t = a.adjusted() as i128;
    let lb_zeta = if t > 0 {
        exp_digits(t) - 1
    } else if t < -1 {
        exp_digits(t + 1) - 1
    } else {
        // |a| - 1, exactly: its adjusted exponent bounds log10(|a|) from below.
        let exact = Context {
            prec: u64::MAX / 4,
            rounding: Rounding::HalfEven,
            emax: i64::MAX / 4,
            emin: i64::MIN / 4,
            clamp: false,
        };
        let u = a.copy_abs().sub(&Decimal::from(1), &exact).ok()?.adjusted() as i128;
        if t == 0 {
            u - 2
        } else {
            u - 1
        }
    };
    let grows = (t < 0) == (n < 0);
    if grows {
        if exp_digits(ctx.emax as i128) < lb_zeta + lb_theta {
            return Some(Err(DecimalError::Overflow));
        }
    } else if exp_digits(ctx.etiny()) < lb_zeta + lb_theta {
        return Some(fix(negative, Digits::one(), ctx.etiny() - 1, ctx));
    }
    None
}

/// `__add__` once NaNs are ruled out.
fn add_numbers(a: &Decimal, b: &Decimal, ctx: &Context) -> Result<Decimal, DecimalError> {
    let (ca, ea, cb, eb) = match (&a.kind, &b.kind) {
        (Kind::Infinite, Kind::Infinite) if a.negative != b.negative => {
            return Err(DecimalError::InvalidOperation)
        }
        (Kind::Infinite, _) => return Ok(a.clone()),
        (_, Kind::Infinite) => return Ok(b.clone()),
        (Kind::Finite { coeff: ca, exp: ea }, Kind::Finite { coeff: cb, exp: eb }) => {
            (ca, *ea as i128, cb, *eb as i128)
        }
        _ => return Err(DecimalError::InvalidOperation),
    };
    let floor = ctx.rounding == Rounding::Floor;
    let negative_zero = floor && a.negative != b.negative;
    let exp = ea.min(eb);
    if ca.is_zero() && cb.is_zero() {
        let negative = (a.negative && b.negative) || negative_zero;
        return fix(negative, Digits::zero(), exp, ctx);
    }
    if ca.is_zero() || cb.is_zero() {
        // x + 0: x at the smaller exponent, but never more than prec+1 digits below x.
        let (c, e, negative) = if ca.is_zero() {
            (cb, eb, b.negative)
        } else {
            (ca, ea, a.negative)
        };
        let target = exp.max(e - ctx.prec as i128 - 1);
        let (c, e) = rescale(c, e, target, negative, ctx.rounding);
        return fix(negative, c, e, ctx);
    }
    // `_normalize`: an addend far below the other's last digit that matters
    // only as a sticky bit is replaced by one unit at that position.
    let (hi, hi_exp, lo, lo_exp) = if ea < eb {
        (cb, eb, ca, ea)
    } else {
        (ca, ea, cb, eb)
    };
    let limit = hi_exp + (-1i128).min(hi.len() as i128 - ctx.prec as i128 - 2);
    let (lo, lo_exp) = if lo.len() as i128 + lo_exp - 1 < limit {
        (Digits::one(), limit)
    } else {
        (lo.clone(), lo_exp)
    };
    let hi_shift = (hi_exp - lo_exp) as usize;
    // (digits, shift) of a and of b at the common exponent `lo_exp`.
    let (sa, sb) = if ea < eb {
        ((&lo, 0), (hi, hi_shift))
    } else {
        ((hi, hi_shift), (&lo, 0))
    };
    let (negative, sum) = if a.negative == b.negative {
        (a.negative, sa.0.add_shifted(sa.1, sb.0, sb.1))
    } else {
        // Equal lengths after shifting: compare digit by digit from the left.
        let len_a = sa.0.len() + sa.1 as u64;
        let len_b = sb.0.len() + sb.1 as u64;
        match len_a.cmp(&len_b).then_with(|| cmp_aligned(sa.0, sb.0)) {
            Ordering::Equal => return fix(negative_zero, Digits::zero(), exp, ctx),
            Ordering::Greater => (a.negative, sa.0.sub_shifted(sa.1, sb.0, sb.1)),
            Ordering::Less => (b.negative, sb.0.sub_shifted(sb.1, sa.0, sa.1)),
        }
    };
    fix(negative, sum, lo_exp, ctx)
}
