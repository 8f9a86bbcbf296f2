//! Arithmetic under a context, after the General Decimal Arithmetic
//! specification as `_pydecimal` spells it out (`_fix`, `_rescale`, the
//! rounding functions); libmpdec computes the same correctly rounded results.

use std::cmp::Ordering;

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, Zero};

use crate::{digits, pow10, Decimal, DecimalError, Kind};

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

/// Whether dropping digits, leaving `kept` with the dropped part `rest` out
/// of `unit` (`10**dropped`), rounds `kept` up in magnitude.
fn rounds_up(
    kept: &BigUint,
    rest: &BigUint,
    unit: &BigUint,
    negative: bool,
    mode: Rounding,
) -> bool {
    if rest.is_zero() {
        return false;
    }
    let half = (rest * 2u32).cmp(unit);
    match mode {
        Rounding::Down => false,
        Rounding::Up => true,
        Rounding::HalfUp => half != Ordering::Less,
        Rounding::HalfDown => half == Ordering::Greater,
        Rounding::HalfEven => {
            half == Ordering::Greater || (half == Ordering::Equal && kept.is_odd())
        }
        Rounding::Ceiling => !negative,
        Rounding::Floor => negative,
        // Away from zero only when the kept last digit is 0 or 5.
        Rounding::ZeroFiveUp => (kept % 5u32).is_zero(),
    }
}

/// `coeff` with its last `drop` digits rounded away (`drop >= 1`).
fn round_digits(coeff: &BigUint, drop: u128, negative: bool, mode: Rounding) -> BigUint {
    if coeff.is_zero() {
        return BigUint::zero();
    }
    // A value below a tenth of the rounding unit rounds like any such value:
    // as one unit in the next position down (`_rescale`'s 10**(exp-1)), which
    // spares building 10**drop for a huge drop.
    let (coeff, drop) = if drop > digits(coeff) as u128 {
        (BigUint::one(), 1)
    } else {
        (coeff.clone(), drop)
    };
    let unit = pow10(drop as u64);
    let (kept, rest) = coeff.div_rem(&unit);
    if rounds_up(&kept, &rest, &unit, negative, mode) {
        kept + 1u32
    } else {
        kept
    }
}

/// `_rescale(exp, rounding)`: the value with exponent `new_exp`, rounding
/// digits away or padding zeros, ignoring the context.
pub(crate) fn rescale(
    coeff: &BigUint,
    exp: i128,
    new_exp: i128,
    negative: bool,
    rounding: Rounding,
) -> (BigUint, i128) {
    if coeff.is_zero() {
        return (BigUint::zero(), new_exp);
    }
    if exp >= new_exp {
        return (coeff * pow10((exp - new_exp) as u64), new_exp);
    }
    (
        round_digits(coeff, (new_exp - exp) as u128, negative, rounding),
        new_exp,
    )
}

fn finite(negative: bool, coeff: BigUint, exp: i128) -> Decimal {
    Decimal::from_parts(negative, coeff, exp as i64)
}

/// `_fix`: rounds a finite result to the context (precision, subnormals,
/// overflow, clamping).
fn fix(negative: bool, coeff: BigUint, exp: i128, ctx: &Context) -> Result<Decimal, DecimalError> {
    let etiny = ctx.etiny();
    let etop = ctx.etop();
    if coeff.is_zero() {
        let exp_max = if ctx.clamp { etop } else { ctx.emax as i128 };
        return Ok(finite(negative, coeff, exp.max(etiny).min(exp_max)));
    }
    let n = digits(&coeff) as i128;
    let mut exp_min = n + exp - ctx.prec as i128;
    if exp_min > etop {
        return Err(DecimalError::Overflow);
    }
    exp_min = exp_min.max(etiny);
    if exp < exp_min {
        let mut c = round_digits(&coeff, (exp_min - exp) as u128, negative, ctx.rounding);
        if digits(&c) as i128 > ctx.prec as i128 {
            c /= 10u32;
            exp_min += 1;
        }
        if exp_min > etop {
            return Err(DecimalError::Overflow);
        }
        return Ok(finite(negative, c, exp_min));
    }
    if ctx.clamp && exp > etop {
        return Ok(finite(negative, coeff * pow10((exp - etop) as u64), etop));
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
    let max_len = ctx.prec - ctx.clamp as u64;
    let payload = if digits(payload) > max_len {
        payload % pow10(max_len)
    } else {
        payload.clone()
    };
    Ok(Decimal {
        negative: d.negative,
        kind: Kind::NaN {
            payload,
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
                fix(negative, ca * cb, *ea as i128 + *eb as i128, ctx)
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
                return Ok(finite(negative, BigUint::zero(), ctx.etiny()));
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
            return fix(negative, BigUint::zero(), ea - eb, ctx);
        }
        let shift = digits(cb) as i128 - digits(ca) as i128 + ctx.prec as i128 + 1;
        let mut exp = ea - eb - shift;
        let (mut q, r) = if shift >= 0 {
            (ca * pow10(shift as u64)).div_rem(cb)
        } else {
            ca.div_rem(&(cb * pow10((-shift) as u64)))
        };
        if !r.is_zero() {
            // A sticky digit: never a 0 or 5, so rounding sees "inexact".
            if (&q % 5u32).is_zero() {
                q += 1u32;
            }
        } else {
            let ideal = ea - eb;
            while exp < ideal && (&q % 10u32).is_zero() {
                q /= 10u32;
                exp += 1;
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
            return fix(self.negative, BigUint::zero(), target, ctx);
        }
        let adjusted = exp + digits(coeff) as i128 - 1;
        if adjusted > ctx.emax as i128 || adjusted - target + 1 > ctx.prec as i128 {
            return Err(DecimalError::InvalidOperation);
        }
        let (c, e) = rescale(coeff, exp, target, self.negative, rounding);
        let n = digits(&c) as i128;
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
                Ok(finite(negative, BigUint::one(), 0))
            };
        }
        if self.is_zero() {
            return Ok(if n < 0 {
                inf(negative)
            } else {
                finite(negative, BigUint::zero(), 0)
            });
        }
        let Kind::Finite { coeff, exp } = &self.kind else {
            return Ok(if n < 0 {
                finite(negative, BigUint::zero(), 0)
            } else {
                inf(negative)
            });
        };
        let n_digits = digits(coeff);
        if n_digits as i128 + *exp as i128 == 1 && *coeff == pow10(n_digits - 1) {
            // abs(a) == 1 with trailing zeros: 1.000**3 == 1.000000000.
            if n < 0 {
                return Ok(finite(negative, BigUint::one(), 0));
            }
            let zeros = (-(*exp as i128)).saturating_mul(n as i128);
            let shift = zeros.min(ctx.prec as i128 - 1);
            return Ok(finite(negative, pow10(shift as u64), -shift));
        }
        if let Some(r) = certain_over_or_underflow(self, n, negative, ctx) {
            return r;
        }
        let mut work = *ctx;
        work.prec += digits(&BigUint::from(n.unsigned_abs())) + 2;
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

/// libmpdec's `_qcheck_pow_bounds`: when `|a| ** n` is certainly beyond the
/// exponent range, the result is decided without powering (an overflow, or
/// the tiniest subnormal rounded by the context).
fn certain_over_or_underflow(
    a: &Decimal,
    n: i64,
    negative: bool,
    ctx: &Context,
) -> Option<Result<Decimal, DecimalError>> {
    let exp_digits = |e: i128| digits(&BigUint::from(e.unsigned_abs()));
    let lb_theta = digits(&BigUint::from(n.unsigned_abs())) as i128 - 1;
    let t = a.adjusted() as i128;
    let lb_zeta = if t > 0 {
        exp_digits(t) as i128 - 1
    } else if t < -1 {
        exp_digits(t + 1) as i128 - 1
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
        if (exp_digits(ctx.emax as i128) as i128) < lb_zeta + lb_theta {
            return Some(Err(DecimalError::Overflow));
        }
    } else if (exp_digits(ctx.etiny()) as i128) < lb_zeta + lb_theta {
        return Some(fix(negative, BigUint::one(), ctx.etiny() - 1, ctx));
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
        return fix(negative, BigUint::zero(), exp, ctx);
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
    let hi_len = digits(hi) as i128;
    let lo_len = digits(lo) as i128;
    let limit = hi_exp + (-1i128).min(hi_len - ctx.prec as i128 - 2);
    let (lo, lo_exp) = if lo_len + lo_exp - 1 < limit {
        (BigUint::one(), limit)
    } else {
        (lo.clone(), lo_exp)
    };
    let hi = hi * pow10((hi_exp - lo_exp) as u64);
    let (a_c, b_c) = if ea < eb { (lo, hi) } else { (hi, lo) };
    let (negative, sum) = if a.negative == b.negative {
        (a.negative, a_c + b_c)
    } else {
        match a_c.cmp(&b_c) {
            Ordering::Equal => return fix(negative_zero, BigUint::zero(), exp, ctx),
            Ordering::Greater => (a.negative, a_c - b_c),
            Ordering::Less => (b.negative, b_c - a_c),
        }
    };
    fix(negative, sum, lo_exp, ctx)
}
