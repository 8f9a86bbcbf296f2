//! What Python evaluates the transformed code to: sympy numbers and their
//! arithmetic, as each operator's method dispatches (`Integer.__add__`,
//! `Rational.__truediv__`, `Float.__mul__`, `Pow.__new__`, ...), under a
//! budget of big-number work.

use super::lex::Name;
use super::syntax::Code;
use super::{Outcome, MAX_BITS, MAX_WORK};
use crate::mpf::{Mpf, Round};
use crate::number::Rational;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A value as the reference holds it after `parse_expr`.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// `Integer` / `Rational`.
    Rat(Rational),
    /// `Float`: its mpf and its precision in bits.
    Float(Mpf, u64),
    /// A real number sympy keeps exact or as a `Float` that rgym carries as
    /// a double: irrational powers (`2**(1/2)`), `pi`, `E`, non-integer
    /// powers of floats. The flag: a power of a rational (`2**(1/2)`,
    /// `2**pi`), or a product or sum with one, which a further power may
    /// make rational in sympy (`(3*2**(1/2))**2` is 18).
    Real(f64, bool),
    /// An exact complex rational `re + im*I`. `compound` when sympy holds
    /// it as an unexpanded product or power (`(1 + I)*(1 - I)`): its value
    /// still converts when real, but `==` compares structure. Otherwise
    /// `im` is not zero.
    Complex {
        re: Rational,
        im: Rational,
        compound: bool,
    },
    /// Any other finite non-real value (`(-1)**(1/3)`, `1.5*I`).
    NonReal,
    /// `zoo`.
    Zoo,
    /// `nan`.
    Nan,
    /// An expression with a symbol in it.
    Symbolic,
    /// An expression with a symbol and `zoo` in it (`x/0`): times zero it
    /// is `nan`.
    SymbolicZoo,
    /// A Python `bool`, from `==` / `!=` (and the names `True`, `False`).
    Bool(bool),
    /// sympy's `true` / `false`, from `<` and the other orderings.
    SymBool(bool),
    /// A Python `int`: Python evaluates `-True`, `~False` and `True // True`
    /// itself, before any sympy number is involved.
    PyInt(BigInt),
    /// A Python `float`: `/` (or a negative `**`) between Python ints.
    PyFloat(f64),
}

use Value::*;

impl Value {
    /// Python's truth value, for the `and` inside comparison chains.
    fn truthy(&self) -> bool {
        match self {
            Bool(b) | SymBool(b) => *b,
            _ => true,
        }
    }

    /// `float(value)`.
    pub fn to_float(&self) -> Result<f64, Outcome> {
        match self {
            Rat(r) => Ok(r.to_f64()),
            Float(m, _) => Ok(m.to_f64()),
            Real(f, _) => Ok(*f),
            Nan => Ok(f64::NAN),
            Bool(b) => Ok(f64::from(u8::from(*b))),
            // `float(int)` raises `OverflowError` past the double range.
            PyInt(n) => n.to_f64().filter(|f| f.is_finite()).ok_or(Outcome::Raise),
            PyFloat(f) => Ok(*f),
            Complex { re, im, .. } if im.is_zero() => Ok(re.to_f64()),
            Complex { .. } | NonReal | Zoo | Symbolic | SymbolicZoo | SymBool(_) => {
                Err(Outcome::Raise)
            }
        }
    }

    /// `int(value)`: truncation toward zero.
    pub fn to_int(&self) -> Result<BigInt, Outcome> {
        match self {
            Rat(r) => Ok(r.trunc()),
            Float(m, _) => Ok(m.to_int()),
            // sympy rounds an irrational to enough digits and truncates; a
            // double computed through several roundings (`E**(2**pi/0.25)`,
            // whose exponent's error `exp` multiplies by 35) is a few units
            // off near 2**52, so only its integer part below 2**32 counts.
            Real(f, _) if f.abs() >= 4294967296.0 => Err(Outcome::Unsupported),
            Real(f, _) if f.is_finite() => {
                let t = f.trunc();
                num_traits::FromPrimitive::from_f64(t).ok_or(Outcome::Raise)
            }
            Bool(b) => Ok(BigInt::from(u8::from(*b))),
            PyInt(n) => Ok(n.clone()),
            PyFloat(f) if f.is_finite() => {
                num_traits::FromPrimitive::from_f64(f.trunc()).ok_or(Outcome::Raise)
            }
            Complex { re, im, .. } if im.is_zero() => Ok(re.trunc()),
            Complex {
                re,
                im,
                compound: false,
            } => complex_int(re, im),
            _ => Err(Outcome::Raise),
        }
    }

    fn is_zero(&self) -> bool {
        match self {
            Rat(r) => r.is_zero(),
            Float(m, _) => m.is_zero(),
            Real(f, _) => *f == 0.0,
            Bool(b) => !b,
            PyInt(n) => n.is_zero(),
            PyFloat(f) => *f == 0.0,
            _ => false,
        }
    }

    /// How exactly rgym holds the value: `"exact"`, `"real"` (a double for
    /// an irrational), `"nonreal"` or `"symbolic"` (where sympy may still
    /// cancel to a number).
    pub fn kind(&self) -> &'static str {
        match self {
            Real(..) => "real",
            NonReal => "nonreal",
            Symbolic | SymbolicZoo => "symbolic",
            _ => "exact",
        }
    }

    fn is_int_rat(&self) -> bool {
        matches!(self, Rat(r) if r.is_integer())
    }
}

fn rat_int(n: i64) -> Value {
    Rat(Rational::int(n))
}

/// A Python bool next to an `Integer` in `+ - * %` acts as an int
/// (`Integer.__add__` has an `int` fast path); next to anything else sympy
/// sympifies it to `S.true` and raises `TypeError`. Two bools do Python int
/// arithmetic, which rgym does not model. sympy booleans raise.
fn debool(a: Value, b: Value) -> Result<(Value, Value), Outcome> {
    let conv = |v: Value| match v {
        Bool(x) => rat_int(i64::from(x)),
        v => v,
    };
    match (&a, &b) {
        (SymBool(_), _) | (_, SymBool(_)) => Err(Outcome::Raise),
        // `nan`'s own operators take anything; a bool's reflected ones do not.
        (Nan, Bool(_)) => Ok((Nan, Nan)),
        (Bool(_), Bool(_)) => Err(Outcome::Unsupported),
        (Bool(_), o) | (o, Bool(_)) if !o.is_int_rat() => Err(Outcome::Raise),
        _ => Ok((conv(a), conv(b))),
    }
}

/// No bool at all: `/` and `**` with a sympy number raise `TypeError`
/// (`nan / True` is `NaN.__truediv__`'s `nan`; `pow` refuses `nan ** True`);
/// between two Python bools they are Python's int arithmetic.
fn no_bool(a: &Value, b: &Value) -> Result<(), Outcome> {
    match (a, b) {
        (Nan, Bool(_)) => Ok(()),
        (Bool(_), Bool(_)) => Err(Outcome::Unsupported),
        (Bool(_) | SymBool(_), _) | (_, Bool(_) | SymBool(_)) => Err(Outcome::Raise),
        _ => Ok(()),
    }
}

/// A binary operator with sympy's `true` / `false` (a `BooleanAtom`, not an
/// `Expr`) on one side. With another sympy or Python bool, `& | ^` are
/// `And`, `Or`, `Xor`, `a >> b` is `Implies(a, b)` and `a << b` is
/// `Implies(b, a)`, all sympy booleans. `nan`'s own `+ - * /` sympify
/// anything and give `nan` (`nan / (1 < 2)`). Every other arithmetic
/// operator raises `TypeError`: `Expr`'s methods refuse a non-`Expr`, and a
/// boolean has no arithmetic of its own (`-true`, `1 + true`, `true < 1`).
/// A symbol in the boolean algebra (`x & true` is `x`, `x ^ true` is
/// `Not(x)`) is not modelled.
fn sym_bool_binary(op: &str, a: &Value, b: &Value) -> Result<Value, Outcome> {
    let as_bool = |v: &Value| match v {
        SymBool(x) | Bool(x) => Some(*x),
        _ => None,
    };
    let logic = matches!(op, "^" | "&" | "|" | "<<" | ">>");
    if let (true, Some(x), Some(y)) = (logic, as_bool(a), as_bool(b)) {
        return Ok(SymBool(match op {
            "&" => x && y,
            "|" => x || y,
            "^" => x != y,
            ">>" => !x || y,
            _ => x || !y,
        }));
    }
    match (a, b) {
        (Nan, SymBool(_)) if matches!(op, "+" | "-" | "*" | "/") => Ok(Nan),
        (Symbolic | SymbolicZoo, _) | (_, Symbolic | SymbolicZoo) if logic => {
            Err(Outcome::Unsupported)
        }
        _ => Err(Outcome::Raise),
    }
}

/// The value of an irrational or float result as a double. A `Float` a
/// double cannot hold (`1e-400`: mpmath's exponent is unbounded) is not
/// modelled: its double would be 0 or infinite where sympy's is not.
fn approx(v: &Value) -> Result<f64, Outcome> {
    Ok(match v {
        Rat(r) => r.to_f64(),
        Float(m, _) => {
            let f = m.to_f64();
            if !m.is_zero() && !f.is_normal() {
                return Err(Outcome::Unsupported);
            }
            f
        }
        Real(f, _) => *f,
        Bool(b) => f64::from(u8::from(*b)),
        _ => f64::NAN,
    })
}

/// Whether `v` is a power of a rational, or built from one (see [`Real`]).
fn of_rational(v: &Value) -> bool {
    matches!(v, Real(_, true))
}

/// A double computed from nonzero doubles that underflowed to 0 or to a
/// subnormal, where sympy's exact value (or unbounded-exponent `Float`) is
/// a normal nonzero number.
fn real_result(f: f64, of_rational: bool) -> Result<Value, Outcome> {
    if f == 0.0 || f.is_subnormal() {
        return Err(Outcome::Unsupported);
    }
    Ok(Real(f, of_rational))
}

/// `int(re + im*I)` for `im != 0`: `Expr.__int__` rounds the value to 2
/// decimals; an imaginary part that rounds away leaves a real `Number` `r`,
/// whose `int()` is the answer when it is 0 or `r` is not integer-valued
/// (otherwise `__int__` compares the complex value with an int, which
/// raises). Values within a hair of a rounding boundary are not modelled.
fn complex_int(re: &Rational, im: &Rational) -> Result<BigInt, Outcome> {
    let frac = |n: i64, d: i64| Rational::new(n.into(), d.into()).unwrap_or_else(Rational::zero);
    let im = im.abs();
    // sympy rounds at a low working precision, so near the boundary (0.005)
    // which way it goes is not modelled: `I/200` and `I*(1/200 + 1e-20)`
    // round to 0, `I/199` does not, and `0.995 - 1e-30` rounds to 1.
    if im > frac(1, 150) {
        return Err(Outcome::Raise);
    }
    if im >= frac(1, 250) {
        return Err(Outcome::Unsupported);
    }
    // The nearest integer to `re` and the distance to it.
    let half = re.add(&frac(1, 2));
    let near = half.numer().div_floor(half.denom());
    let dist = re.sub(&Rational::int(near.clone())).abs();
    if dist < frac(1, 250) {
        // `r` is the integer `near`.
        return if near.is_zero() {
            Ok(near)
        } else {
            Err(Outcome::Raise)
        };
    }
    if dist <= frac(1, 150) {
        return if near.is_zero() {
            Ok(near)
        } else {
            Err(Outcome::Unsupported)
        };
    }
    // Rounding to 2 decimals cannot cross an integer here.
    Ok(re.trunc())
}

/// A Python `int` or `bool` as a Python int.
fn py_int(v: &Value) -> Option<BigInt> {
    match v {
        Bool(b) => Some(BigInt::from(u8::from(*b))),
        PyInt(n) => Some(n.clone()),
        _ => None,
    }
}

/// A Python number (bool, int or float): the operands Python's own
/// operators handle without sympy.
fn is_py(v: &Value) -> bool {
    matches!(v, Bool(_) | PyInt(_) | PyFloat(_))
}

/// `sympify(x)` of a Python float: a `Float` of 15 digits (53 bits).
fn py_float_to_float(f: f64) -> Result<Value, Outcome> {
    if !f.is_finite() {
        return Err(Outcome::Unsupported);
    }
    if f == 0.0 {
        // `Float(-0.0)` and `Float(0.0)` are sympy's signless float zero.
        return Ok(Float(Mpf::zero(), 53));
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (man, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), biased - 1075)
    };
    let man = if f < 0.0 {
        -BigInt::from(man)
    } else {
        BigInt::from(man)
    };
    Ok(Float(Mpf::from_man_exp(&man, exp, 53, Round::Nearest), 53))
}

/// `re + im*I`, a rational when it is one and sympy holds it as one.
fn complex(re: Rational, im: Rational, compound: bool) -> Value {
    if im.is_zero() && !compound {
        Rat(re)
    } else {
        Complex { re, im, compound }
    }
}

/// `Float._new`: an exact zero result is sympy's `Integer` zero.
fn float(m: Mpf, prec: u64) -> Value {
    if m.is_zero() {
        rat_int(0)
    } else {
        Float(m, prec)
    }
}

pub(super) struct Eval {
    work: u64,
}

fn limbs(bits: u64) -> u64 {
    bits / 64 + 1
}

impl Eval {
    pub(super) fn new() -> Eval {
        Eval { work: 0 }
    }

    fn spend(&mut self, cost: u64) -> Result<(), Outcome> {
        self.work = self.work.saturating_add(cost);
        if self.work > MAX_WORK {
            return Err(Outcome::Bounded);
        }
        Ok(())
    }

    /// Charges a product of operands of `a` and `b` bits: schoolbook below
    /// a few thousand bits, Karatsuba's growth above.
    fn charge_mul(&mut self, a: u64, b: u64) -> Result<(), Outcome> {
        let (la, lb) = (limbs(a), limbs(b));
        let cost = if la.min(lb) < 64 {
            la * lb
        } else {
            (la.max(lb) as f64).powf(1.585) as u64
        };
        self.spend(cost)
    }

    /// Charges an operation on two rationals before it runs: the products,
    /// and the gcd that reduces a result which may not be an integer
    /// (num-bigint's binary gcd takes about `bits * limbs` steps).
    fn charge_rat_op(&mut self, x: &Rational, y: &Rational, division: bool) -> Result<(), Outcome> {
        let (a, b) = (x.bits(), y.bits());
        if a > MAX_BITS || b > MAX_BITS {
            return Err(Outcome::Bounded);
        }
        self.charge_mul(a, b)?;
        if division || !x.is_integer() || !y.is_integer() {
            let bits = 2 * (a + b);
            self.spend(bits.saturating_mul(limbs(bits)))?;
        }
        Ok(())
    }

    /// Charges rational arithmetic: the gcd is quadratic.
    fn charge_rat(&mut self, r: &Rational) -> Result<(), Outcome> {
        let bits = r.bits();
        if bits > MAX_BITS {
            return Err(Outcome::Bounded);
        }
        if r.is_integer() {
            self.spend(limbs(bits))
        } else {
            self.spend(limbs(bits).pow(2))
        }
    }

    fn rat(&mut self, r: Rational) -> Result<Value, Outcome> {
        self.charge_rat(&r)?;
        Ok(Rat(r))
    }

    fn check_mpf(&mut self, m: &Mpf, prec: u64) -> Result<(), Outcome> {
        if prec > MAX_BITS || m.exp.unsigned_abs() > super::MAX_FLOAT_EXP {
            return Err(Outcome::Bounded);
        }
        self.charge_mul(prec, prec)
    }

    /// A rational as an mpf operand at `prec` (`Rational._as_mpf_op`).
    fn mpf_of(&mut self, r: &Rational, prec: u64) -> Result<Mpf, Outcome> {
        self.charge_mul(r.bits(), prec)?;
        Ok(Mpf::from_rational(r, prec, Round::Nearest))
    }

    /// Runs the postfix code.
    pub(super) fn run(&mut self, code: Vec<Code>) -> Result<Value, Outcome> {
        let mut stack: Vec<Value> = Vec::new();
        let mut pc = 0;
        while pc < code.len() {
            let c = &code[pc];
            pc += 1;
            let v = match c {
                Code::Int(n) => self.rat(Rational::int(n.clone()))?,
                Code::Rat(r) => self.rat(r.clone())?,
                // A repeated decimal whose repetend is all zeros calls
                // `Integer()`, which raises when evaluated.
                Code::RaiseWhenEvaluated => return Err(Outcome::Raise),
                Code::Float(v, prec) => {
                    let m = self.mpf_of(v, *prec)?;
                    self.check_mpf(&m, *prec)?;
                    // `Float('0.0')` is a Float zero, not `Integer` zero.
                    Float(m, *prec)
                }
                Code::Symbol(_) => Symbolic,
                Code::Name(n) => match n {
                    Name::Symbol => Symbolic,
                    Name::ImaginaryUnit => complex(Rational::zero(), Rational::one(), false),
                    Name::Pi => Real(std::f64::consts::PI, false),
                    Name::E => Real(std::f64::consts::E, false),
                    Name::Nan => Nan,
                    Name::Zoo => Zoo,
                    Name::True => Bool(true),
                    Name::False => Bool(false),
                    Name::Unsupported => return Err(Outcome::Unsupported),
                },
                Code::Unary(op) => {
                    let a = stack.pop().ok_or(Outcome::Raise)?;
                    self.unary(op, a)?
                }
                Code::Bin(op) => {
                    let b = stack.pop().ok_or(Outcome::Raise)?;
                    let a = stack.pop().ok_or(Outcome::Raise)?;
                    self.binary(op, a, b)?
                }
                Code::CmpTest(op, end) => {
                    let b = stack.pop().ok_or(Outcome::Raise)?;
                    let a = stack.pop().ok_or(Outcome::Raise)?;
                    let r = self.compare(op, &a, &b)?;
                    if r.truthy() {
                        b
                    } else {
                        pc = *end;
                        r
                    }
                }
                Code::CmpLast(op) => {
                    let b = stack.pop().ok_or(Outcome::Raise)?;
                    let a = stack.pop().ok_or(Outcome::Raise)?;
                    self.compare(op, &a, &b)?
                }
                Code::Fact(n) => {
                    let a = stack.pop().ok_or(Outcome::Raise)?;
                    self.factorial(*n, a)?
                }
            };
            stack.push(v);
        }
        match (stack.pop(), stack.is_empty()) {
            (Some(v), true) => Ok(v),
            _ => Err(Outcome::Raise),
        }
    }

    fn unary(&mut self, op: &str, a: Value) -> Result<Value, Outcome> {
        Ok(match (op, a) {
            // `~true` is `false` (`Not`); a sympy boolean has no `-` or `+`.
            ("-" | "+", SymBool(_)) => return Err(Outcome::Raise),
            (_, SymBool(b)) => SymBool(!b),
            // Python's own int operators: `-True` is the int -1, not a
            // sympy `Integer`.
            ("+", Bool(b)) => PyInt(BigInt::from(u8::from(b))),
            ("-", Bool(b)) => PyInt(-BigInt::from(u8::from(b))),
            ("-", PyInt(n)) => PyInt(-n),
            ("-", PyFloat(f)) => PyFloat(-f),
            ("+", a) => a,
            ("-", a) => self.neg(a)?,
            // `~`: integers only (`Integer.__invert__`, Python's `~True`).
            (_, Bool(b)) => PyInt(!BigInt::from(u8::from(b))),
            (_, PyInt(n)) => PyInt(!n),
            (_, Rat(r)) if r.is_integer() => self.rat(Rational::int(!r.numer().clone()))?,
            // `~x` is the boolean `Not(x)`.
            (_, Symbolic | SymbolicZoo) => return Err(Outcome::Unsupported),
            _ => return Err(Outcome::Raise),
        })
    }

    fn neg(&mut self, a: Value) -> Result<Value, Outcome> {
        Ok(match a {
            Rat(r) => Rat(r.neg()),
            Float(m, p) => Float(m.neg(), p),
            Real(f, k) => Real(-f, k),
            Complex { re, im, compound } => complex(re.neg(), im.neg(), compound),
            v => v,
        })
    }

    fn binary(&mut self, op: &str, a: Value, b: Value) -> Result<Value, Outcome> {
        if matches!(a, SymBool(_)) || matches!(b, SymBool(_)) {
            return sym_bool_binary(op, &a, &b);
        }
        if is_py(&a) && is_py(&b) {
            // Two bools keep their bitwise operators' bool results.
            if matches!((&a, &b), (Bool(_), Bool(_))) && matches!(op, "^" | "&" | "|") {
                return self.bitwise(op, a, b);
            }
            return self.python(op, a, b);
        }
        // A Python int or float next to a sympy value: Python defers to
        // the sympy operand's (reflected) method, which sympifies it.
        let (a, b) = match (a, b) {
            (PyInt(n), y) => {
                if op == "//" {
                    if let Rat(y) = &y {
                        return self.floor_of_quotient(&Rational::int(n), y);
                    }
                }
                (Rat(Rational::int(n)), y)
            }
            (x, PyInt(n)) => {
                if op == "//" {
                    if let Rat(x) = &x {
                        return self.floor_of_quotient(x, &Rational::int(n));
                    }
                }
                (x, Rat(Rational::int(n)))
            }
            (PyFloat(f), y) if matches!(op, "+" | "-" | "*") => (py_float_to_float(f)?, y),
            (x, PyFloat(f)) if matches!(op, "+" | "-" | "*") => (x, py_float_to_float(f)?),
            (PyFloat(_), _) | (_, PyFloat(_)) => return Err(Outcome::Unsupported),
            (x, y) => (x, y),
        };
        // Two irrational operands, or two with a symbol: sympy cancels
        // identical terms and factors exactly (`E - E` and `x - x` are the
        // `Integer` 0, `pi/pi` and `x//x` are 1, `(2 + I*E) - I*E` is 2),
        // which a double or an opaque symbolic value cannot follow.
        let irrational = |v: &Value| matches!(v, Real(..) | NonReal);
        let symbolic = |v: &Value| matches!(v, Symbolic | SymbolicZoo);
        if matches!(op, "+" | "-" | "*" | "/" | "//" | "%")
            && ((irrational(&a) && irrational(&b)) || (symbolic(&a) && symbolic(&b)))
        {
            return Err(Outcome::Unsupported);
        }
        match op {
            "+" => self.add(a, b),
            "-" => self.sub(a, b),
            "*" => self.mul(a, b),
            "/" => self.div(a, b),
            "**" => self.pow(a, b),
            "//" => self.floordiv(a, b),
            "%" => self.modulo(a, b),
            "^" | "&" | "|" | "<<" | ">>" => self.bitwise(op, a, b),
            // `@` and anything else: TypeError.
            _ => Err(Outcome::Raise),
        }
    }

    /// `a // b` with a Python int on one side and a rational on the other:
    /// `Integer.__floordiv__` (which sympifies the int), `Integer.__rfloordiv__`
    /// or `Expr`'s `floor(a / b)`: all the exact floor, without the off-by-one
    /// of `Integer // Rational`. A zero divisor raises `ZeroDivisionError`.
    fn floor_of_quotient(&mut self, x: &Rational, y: &Rational) -> Result<Value, Outcome> {
        if y.is_zero() {
            return Err(Outcome::Raise);
        }
        self.charge_rat_op(x, y, true)?;
        let q = x.div(y).ok_or(Outcome::Raise)?;
        self.rat(Rational::int(q.numer().div_floor(q.denom())))
    }

    /// Python's own arithmetic between bools, ints and floats.
    fn python(&mut self, op: &str, a: Value, b: Value) -> Result<Value, Outcome> {
        let (Some(x), Some(y)) = (py_int(&a), py_int(&b)) else {
            // Python float arithmetic: not modelled.
            return Err(Outcome::Unsupported);
        };
        let bits = x.bits().max(y.bits());
        if bits > MAX_BITS {
            return Err(Outcome::Bounded);
        }
        self.charge_mul(bits, bits)?;
        let v = match op {
            "+" => x + y,
            "-" => x - y,
            "*" => {
                if x.bits() + y.bits() > MAX_BITS {
                    return Err(Outcome::Bounded);
                }
                x * y
            }
            "//" | "%" if y.is_zero() => return Err(Outcome::Raise),
            "//" => x.div_floor(&y),
            "%" => x.mod_floor(&y),
            "/" => {
                if y.is_zero() {
                    return Err(Outcome::Raise);
                }
                // Both exact doubles: IEEE division is Python's correctly
                // rounded `int / int`.
                let limit = BigInt::one() << 53u32;
                if x.magnitude() > limit.magnitude() || y.magnitude() > limit.magnitude() {
                    return Err(Outcome::Unsupported);
                }
                let (Some(fx), Some(fy)) = (x.to_f64(), y.to_f64()) else {
                    return Err(Outcome::Unsupported);
                };
                return Ok(PyFloat(fx / fy));
            }
            "**" => {
                if y.is_negative() {
                    // A Python float (or ZeroDivisionError): not modelled.
                    return Err(Outcome::Unsupported);
                }
                let e = y.to_u64().ok_or(Outcome::Bounded)?;
                if x.bits() <= 1 {
                    // 0, 1 and -1 stay small.
                    num_traits::pow::Pow::pow(&x, e)
                } else if x.bits().saturating_mul(e) > MAX_BITS {
                    return Err(Outcome::Bounded);
                } else {
                    self.charge_mul(x.bits().saturating_mul(e), x.bits().saturating_mul(e))?;
                    num_traits::pow::Pow::pow(&x, e)
                }
            }
            "^" | "&" | "|" | "<<" | ">>" => {
                return match self.bitwise(op, Rat(Rational::int(x)), Rat(Rational::int(y)))? {
                    Rat(r) => Ok(PyInt(r.numer().clone())),
                    v => Ok(v),
                };
            }
            _ => return Err(Outcome::Raise),
        };
        Ok(PyInt(v))
    }

    pub(super) fn add(&mut self, a: Value, b: Value) -> Result<Value, Outcome> {
        let (a, b) = debool(a, b)?;
        Ok(match (a, b) {
            (Nan, _) | (_, Nan) => Nan,
            // `zoo*x + zoo` and `x + zoo` stay sums, which rgym does not
            // model: `(x + zoo)**-1` is not `(zoo*x)**-1`, which is 0.
            (SymbolicZoo, _) | (_, SymbolicZoo) | (Symbolic, Zoo) | (Zoo, Symbolic) => {
                return Err(Outcome::Unsupported)
            }
            (Symbolic, _) | (_, Symbolic) => Symbolic,
            (Zoo, Zoo) => Nan,
            (Zoo, _) | (_, Zoo) => Zoo,
            (NonReal, _) | (_, NonReal) => NonReal,
            (Rat(x), Rat(y)) => {
                self.charge_rat_op(&x, &y, false)?;
                return self.rat(x.add(&y));
            }
            (Complex { re, im, compound }, Rat(y)) | (Rat(y), Complex { re, im, compound }) => {
                self.charge_rat_op(&re, &y, false)?;
                complex(re.add(&y), im, compound)
            }
            (
                Complex { re, im, compound },
                Complex {
                    re: r2,
                    im: i2,
                    compound: c2,
                },
            ) => {
                self.charge_rat_op(&re, &r2, false)?;
                self.charge_rat_op(&im, &i2, false)?;
                complex(re.add(&r2), im.add(&i2), compound || c2)
            }
            // A float or an irrational with `I`.
            (Complex { .. }, _) | (_, Complex { .. }) => NonReal,
            (Float(x, p), Float(y, q)) => {
                let p = p.max(q);
                self.check_mpf(&x, p)?;
                float(Mpf::add(&x, &y, p, Round::Nearest), p)
            }
            (Float(x, p), Rat(y)) | (Rat(y), Float(x, p)) => {
                let y = self.mpf_of(&y, p)?;
                self.check_mpf(&x, p)?;
                float(Mpf::add(&x, &y, p, Round::Nearest), p)
            }
            (x, y) => {
                let (fx, fy) = (approx(&x)?, approx(&y)?);
                let s = fx + fy;
                // Cancellation leaves a double's rounding error as most of
                // the result (`pi - 3.14159265358979323846`), where sympy
                // evaluates the sum to full precision. Past 12 bits cancelled
                // the double's relative error could pass 1e-12 (`pi - 3.14`,
                // 11 bits, stays a double). Two irrationals (`E - E`, which
                // sympy cancels exactly) do not reach here.
                if matches!((&x, &y), (Real(..), Real(..)))
                    || s == 0.0
                    || s.abs() * 4096.0 < fx.abs().max(fy.abs())
                {
                    return Err(Outcome::Unsupported);
                }
                Real(s, of_rational(&x) || of_rational(&y))
            }
        })
    }

    fn sub(&mut self, a: Value, b: Value) -> Result<Value, Outcome> {
        let (a, b) = debool(a, b)?;
        let nb = self.neg(b)?;
        self.add(a, nb)
    }

    pub(super) fn mul(&mut self, a: Value, b: Value) -> Result<Value, Outcome> {
        let (a, b) = debool(a, b)?;
        Ok(match (a, b) {
            (Nan, _) | (_, Nan) => Nan,
            (Zoo, v) | (v, Zoo) if v.is_zero() => Nan,
            (SymbolicZoo, v) | (v, SymbolicZoo) if v.is_zero() => Nan,
            (Zoo | SymbolicZoo, Symbolic | SymbolicZoo) | (Symbolic, Zoo | SymbolicZoo) => {
                SymbolicZoo
            }
            (SymbolicZoo, _) | (_, SymbolicZoo) => SymbolicZoo,
            (Zoo, _) | (_, Zoo) => Zoo,
            (v, Symbolic) | (Symbolic, v) => {
                if v.is_zero() {
                    rat_int(0)
                } else {
                    Symbolic
                }
            }
            (v, NonReal) | (NonReal, v) => {
                if v.is_zero() {
                    rat_int(0)
                } else {
                    NonReal
                }
            }
            (Rat(x), Rat(y)) => {
                self.charge_rat_op(&x, &y, false)?;
                return self.rat(x.mul(&y));
            }
            // A rational distributes over `a + b*I` (Mul's two-argument rule).
            (Complex { re, im, compound }, Rat(y)) | (Rat(y), Complex { re, im, compound }) => {
                if y.is_zero() {
                    rat_int(0)
                } else {
                    self.charge_rat_op(&re, &y, false)?;
                    self.charge_rat_op(&im, &y, false)?;
                    complex(re.mul(&y), im.mul(&y), compound)
                }
            }
            (
                Complex { re, im, compound },
                Complex {
                    re: r2,
                    im: i2,
                    compound: c2,
                },
            ) => {
                // `I`-monomials multiply out (`2*I*3*I` is `-6`); a product
                // with a sum stays a product in sympy.
                let monomials = !compound && !c2 && re.is_zero() && r2.is_zero();
                for (x, y) in [(&re, &r2), (&im, &i2), (&re, &i2), (&im, &r2)] {
                    self.charge_rat_op(x, y, false)?;
                }
                complex(
                    re.mul(&r2).sub(&im.mul(&i2)),
                    re.mul(&i2).add(&im.mul(&r2)),
                    !monomials,
                )
            }
            (v, Complex { .. }) | (Complex { .. }, v) => {
                if v.is_zero() {
                    rat_int(0)
                } else {
                    NonReal
                }
            }
            (Float(x, p), Float(y, q)) => {
                let p = p.max(q);
                self.check_mpf(&x, p)?;
                float(Mpf::mul(&x, &y, p, Round::Nearest), p)
            }
            (Float(x, p), Rat(y)) | (Rat(y), Float(x, p)) => {
                let y = self.mpf_of(&y, p)?;
                self.check_mpf(&x, p)?;
                float(Mpf::mul(&x, &y, p, Round::Nearest), p)
            }
            (x, y) => {
                if x.is_zero() || y.is_zero() {
                    rat_int(0)
                } else {
                    let k = of_rational(&x) || of_rational(&y);
                    return real_result(approx(&x)? * approx(&y)?, k);
                }
            }
        })
    }

    /// `a / b` as Python dispatches it to sympy.
    fn div(&mut self, a: Value, b: Value) -> Result<Value, Outcome> {
        no_bool(&a, &b)?;
        // `NaN.__truediv__` is `nan` for any operand, a Python bool too.
        if matches!(a, Nan) {
            return Ok(Nan);
        }
        match (&a, &b) {
            (Rat(x), Rat(y)) => {
                if y.is_zero() {
                    return Ok(if x.is_zero() { Nan } else { Zoo });
                }
                self.charge_rat_op(x, y, true)?;
                let q = x.div(y).ok_or(Outcome::Raise)?;
                self.rat(q)
            }
            // `Float.__truediv__`: `other != 0` is structural, so a Float
            // zero divisor reaches `mpf_div`, which raises.
            (Float(x, p), Rat(y)) if !y.is_zero() => {
                let y = self.mpf_of(y, *p)?;
                self.check_mpf(x, *p)?;
                Ok(float(
                    Mpf::div(x, &y, *p, Round::Nearest).ok_or(Outcome::Raise)?,
                    *p,
                ))
            }
            (Float(x, p), Float(y, q)) => {
                let p = (*p).max(*q);
                self.check_mpf(x, p)?;
                Ok(float(
                    Mpf::div(x, y, p, Round::Nearest).ok_or(Outcome::Raise)?,
                    p,
                ))
            }
            // `Rational.__truediv__(Float)` is `self * (1/other)`; the rest
            // is `Mul(a, Pow(b, -1))`.
            _ => {
                let inv = self.pow(b, rat_int(-1))?;
                self.mul(a, inv)
            }
        }
    }

    /// `Pow(b, e)` (`Pow.__new__` and the base's `_eval_power`).
    fn pow(&mut self, b: Value, e: Value) -> Result<Value, Outcome> {
        // `nan` has no `__pow__` of its own: `Expr.__pow__` refuses a bool.
        if matches!((&b, &e), (Nan, Bool(_))) {
            return Err(Outcome::Raise);
        }
        no_bool(&b, &e)?;
        if matches!(e, Zoo) {
            return Ok(Nan);
        }
        if matches!(&e, Rat(r) if r.is_zero()) {
            return Ok(rat_int(1));
        }
        if matches!(&e, Rat(r) if r.is_one()) {
            return Ok(b);
        }
        if matches!(b, Nan) || matches!(e, Nan) {
            return Ok(Nan);
        }
        if matches!(&b, Rat(r) if r.is_one()) {
            return Ok(rat_int(1));
        }
        // `Float` zero: sympy keeps `x**0.0` and `pi**0.0` as powers, but
        // `E**0.0` and `(x/0)**0.0` are 1.
        let float_zero = matches!(&e, Float(m, _) if m.is_zero());
        match (b, e) {
            // `(zoo*x)**n` is `zoo*x**n`, or 0 for a negative `n`.
            (SymbolicZoo, Rat(n)) if n.is_integer() => Ok(if n.is_negative() {
                rat_int(0)
            } else {
                SymbolicZoo
            }),
            (SymbolicZoo, _) | (_, SymbolicZoo) => Err(Outcome::Unsupported),
            (Symbolic | Real(..) | NonReal, _) if float_zero => Err(Outcome::Unsupported),
            (Symbolic, _) | (_, Symbolic) => Ok(Symbolic),
            // A power of a power of a rational may be exact (`(2**(1/2))**2`
            // is 2, `(2**pi)**(1/pi)` is 2), as may one of a non-real value
            // (`exp(I*pi)` is -1, `(E*I)**2` is real); only reciprocals and
            // roots stay irrational (a root of an irrational is irrational).
            (Real(_, true), Rat(n)) if !n.numer().magnitude().is_one() => Err(Outcome::Unsupported),
            (NonReal, _) | (_, NonReal) | (Real(_, true), Real(..)) => Err(Outcome::Unsupported),
            (Complex { re, im, compound }, Rat(n)) if n.is_integer() => {
                self.pow_complex(re, im, compound, n.numer())
            }
            // `0**I` is `nan`; other complex powers stay non-real.
            (Rat(x), Complex { .. }) if x.is_zero() => Ok(Nan),
            (Complex { .. }, _) | (_, Complex { .. }) => Ok(NonReal),
            // `ComplexInfinity._eval_power`, for a number exponent.
            (Zoo, e @ (Rat(_) | Float(..))) => Ok(if e.is_zero() {
                Nan
            } else if approx(&e)? > 0.0 {
                Zoo
            } else {
                rat_int(0)
            }),
            (Zoo, _) => Err(Outcome::Unsupported),
            (Rat(x), Rat(y)) => self.pow_rat(&x, &y),
            (Float(x, p), Rat(y)) => self.pow_float(&x, p, &y),
            // `Zero._eval_power`.
            (Rat(x), Float(y, _)) if x.is_zero() => Ok(if y.is_zero() {
                rat_int(1)
            } else if y.neg {
                Zoo
            } else {
                rat_int(0)
            }),
            (Rat(x), Float(y, q)) => {
                // `Rational._eval_power(Float)`: the base as a Float at the
                // exponent's precision.
                let xm = self.mpf_of(&x, q)?;
                self.pow_float_float(&xm, q, &y, q)
            }
            (Float(x, p), Float(y, q)) => self.pow_float_float(&x, p, &y, q),
            // `Float` zero to an irrational power: `0.0` or `zoo`.
            (Float(m, p), e) if m.is_zero() => {
                Ok(if approx(&e)? > 0.0 { Float(m, p) } else { Zoo })
            }
            (b, e) => {
                // Irrational bases or exponents: doubles.
                let (bf, ef) = (approx(&b)?, approx(&e)?);
                if bf == 0.0 {
                    return Ok(if ef > 0.0 { rat_int(0) } else { Zoo });
                }
                if bf < 0.0 && ef.fract() != 0.0 {
                    return Ok(NonReal);
                }
                real_result(bf.powf(ef), of_rational(&b) || matches!(b, Rat(_)))
            }
        }
    }

    /// `(re + im*I)**n`: a monomial `(k*I)**n` evaluates; any other base
    /// stays an unevaluated power (`compound`), whose value rgym still knows.
    fn pow_complex(
        &mut self,
        re: Rational,
        im: Rational,
        compound: bool,
        n: &BigInt,
    ) -> Result<Value, Outcome> {
        let n = n
            .to_i64()
            .filter(|n| n.unsigned_abs() <= 4096)
            .ok_or(Outcome::Unsupported)?;
        let monomial = !compound && re.is_zero();
        let (mut acc_re, mut acc_im) = (Rational::one(), Rational::zero());
        let (mut b_re, mut b_im) = (re, im);
        let mut k = n.unsigned_abs();
        while k > 0 {
            for x in [&acc_re, &acc_im, &b_re, &b_im] {
                self.charge_rat_op(x, x, false)?;
            }
            if k & 1 == 1 {
                let r = acc_re.mul(&b_re).sub(&acc_im.mul(&b_im));
                acc_im = acc_re.mul(&b_im).add(&acc_im.mul(&b_re));
                acc_re = r;
            }
            k >>= 1;
            if k > 0 {
                let r = b_re.mul(&b_re).sub(&b_im.mul(&b_im));
                b_im = b_re.mul(&b_im).mul(&Rational::int(2));
                b_re = r;
            }
        }
        if n < 0 {
            // 1/(a + bI) = (a - bI)/(a^2 + b^2)
            let norm = acc_re.mul(&acc_re).add(&acc_im.mul(&acc_im));
            if norm.is_zero() {
                return Ok(Zoo);
            }
            acc_re = acc_re.div(&norm).ok_or(Outcome::Raise)?;
            acc_im = acc_im.neg().div(&norm).ok_or(Outcome::Raise)?;
        }
        Ok(complex(acc_re, acc_im, !monomial))
    }

    /// `Rational**Rational`.
    fn pow_rat(&mut self, x: &Rational, y: &Rational) -> Result<Value, Outcome> {
        if x.is_zero() {
            return Ok(if y.is_negative() { Zoo } else { rat_int(0) });
        }
        if y.is_integer() {
            let n = y.numer();
            // |x| = 1 does not grow.
            if x.numer().magnitude().is_one() && x.denom().is_one() {
                let odd = n.is_odd();
                return Ok(rat_int(if x.is_negative() && odd { -1 } else { 1 }));
            }
            // An upper bound on the result's size.
            let n_abs = n.magnitude().to_u64().ok_or(Outcome::Bounded)?;
            let bits = x.bits().saturating_mul(n_abs);
            if bits > MAX_BITS {
                return Err(Outcome::Bounded);
            }
            self.charge_mul(bits / 2, bits / 2)?;
            self.charge_mul(bits / 2, bits / 2)?;
            let v = x.pow_int(n, 2 * MAX_BITS).map_err(|_| Outcome::Bounded)?;
            return self.rat(v);
        }
        if x.is_negative() {
            // `sqrt(-4)` is `2*I`; other roots of negatives stay non-real.
            if *y.denom() == BigInt::from(2) {
                if let Rat(r) = self.pow_rat(
                    &x.neg(),
                    &Rational::new(BigInt::one(), 2.into()).ok_or(Outcome::Raise)?,
                )? {
                    let i = complex(Rational::zero(), r, false);
                    return self.pow(i, Rat(Rational::int(y.numer().clone())));
                }
            }
            return Ok(NonReal);
        }
        // A perfect root of numerator and denominator stays rational.
        let q = y.denom().to_u32().ok_or(Outcome::Bounded)?;
        let root = |n: &BigInt| -> Option<BigInt> {
            let r = n.nth_root(q);
            (num_traits::pow::Pow::pow(&r, q) == *n).then_some(r)
        };
        if x.bits() / u64::from(q) <= MAX_BITS {
            self.spend(limbs(x.bits()).pow(2))?;
            if let (Some(pn), Some(pd)) = (root(x.numer()), root(x.denom())) {
                let base = Rational::new(pn, pd).ok_or(Outcome::Raise)?;
                return self.pow_rat(&base, &Rational::int(y.numer().clone()));
            }
        }
        Ok(Real(self.radical(x, y), true))
    }

    /// `x**(p/q)` for a positive rational that is no perfect power, as the
    /// double `float()` gives: the root taken with 64 guard bits, then
    /// rounded once; through logarithms past [`MAX_BITS`].
    fn radical(&mut self, x: &Rational, y: &Rational) -> f64 {
        let (Some(p), Some(q)) = (y.numer().to_i64(), y.denom().to_u32()) else {
            return approx_pow(x, y.to_f64());
        };
        let bits = x.bits().saturating_mul(p.unsigned_abs());
        if bits > MAX_BITS || q > 64 || self.spend(limbs(bits).pow(2)).is_err() {
            return approx_pow(x, y.to_f64());
        }
        let Ok(v) = x.pow_int(&BigInt::from(p.abs()), 2 * MAX_BITS) else {
            return approx_pow(x, y.to_f64());
        };
        // root(n / d) = root(n * d**(q-1)) / d, scaled by 2**guard.
        let guard = 64u64;
        let d = v.denom();
        let n = v.numer() * num_traits::pow::Pow::pow(d, q - 1);
        let root = (n << (guard * u64::from(q))).nth_root(q);
        let m = Mpf::from_man_exp(&root, -(guard as i64), 120, Round::Down);
        let den = Mpf::from_int(d, 120, Round::Nearest);
        let Some(m) = Mpf::div(&m, &den, 120, Round::Nearest) else {
            return approx_pow(x, y.to_f64());
        };
        let m = if p < 0 {
            match Mpf::div(&Mpf::one(), &m, 120, Round::Nearest) {
                Some(r) => r,
                None => return approx_pow(x, y.to_f64()),
            }
        } else {
            m
        };
        m.to_f64()
    }

    /// `Float**Rational` (`Float._eval_power`).
    fn pow_float(&mut self, x: &Mpf, p: u64, y: &Rational) -> Result<Value, Outcome> {
        if x.is_zero() {
            return Ok(if y.is_positive() {
                Float(x.clone(), p)
            } else {
                Zoo
            });
        }
        if y.is_integer() {
            return self.pow_float_int(x, p, y.numer());
        }
        if x.neg {
            return Ok(NonReal);
        }
        // mpmath's exponent is the rational rounded to the float's precision.
        let ym = self.mpf_of(y, p)?;
        self.pow_float_float(x, p, &ym, p)
    }

    /// `mpf_pow_int` under the size bound.
    fn pow_float_int(&mut self, x: &Mpf, p: u64, n: &BigInt) -> Result<Value, Outcome> {
        let n_abs = n.magnitude().to_u64().ok_or(Outcome::Bounded)?;
        let exp_growth = (x.exp.unsigned_abs() + x.bc()).saturating_mul(n_abs);
        if exp_growth > super::MAX_FLOAT_EXP {
            return Err(Outcome::Bounded);
        }
        self.check_mpf(x, p)?;
        let steps = 64 - n_abs.leading_zeros() as u64;
        for _ in 0..steps {
            self.charge_mul(p + 64, p + 64)?;
        }
        let m = Mpf::pow_int(x, n, p, Round::Nearest).ok_or(Outcome::Raise)?;
        Ok(float(m, p))
    }

    /// `Float**Float` (`mpf_pow`): an integer-valued exponent is exact,
    /// anything else a double.
    fn pow_float_float(&mut self, x: &Mpf, p: u64, y: &Mpf, q: u64) -> Result<Value, Outcome> {
        let prec = p.max(q);
        if x.is_zero() {
            return Ok(if y.is_zero() {
                Float(Mpf::one(), prec)
            } else if !y.neg {
                Float(x.clone(), p)
            } else {
                Zoo
            });
        }
        if y.exp >= 0 || y.is_zero() {
            if y.exp > 64 {
                return Err(Outcome::Bounded);
            }
            return self.pow_float_int(x, prec, &y.to_int());
        }
        if x.neg {
            return Ok(NonReal);
        }
        if y.exp == -1 {
            // mpf_pow's half-integer exponents: a square root, then a power.
            self.check_mpf(x, prec)?;
            let n = BigInt::from_biguint(num_bigint::Sign::Plus, y.man.clone());
            let m = if n.is_one() {
                if y.neg {
                    let r = Mpf::sqrt(x, prec + 10).ok_or(Outcome::Raise)?;
                    Mpf::div(&Mpf::one(), &r, prec, Round::Nearest).ok_or(Outcome::Raise)?
                } else {
                    Mpf::sqrt(x, prec).ok_or(Outcome::Raise)?
                }
            } else {
                let r = Mpf::sqrt(x, prec + 10).ok_or(Outcome::Raise)?;
                let n = if y.neg { -n } else { n };
                return self.pow_float_int(&r, prec, &n);
            };
            return Ok(float(m, prec));
        }
        // exp(y*log(x)) in mpmath: a double here.
        let f = x.to_f64();
        if f.is_finite() && f > f64::MIN_POSITIVE {
            return real_result(f.powf(y.to_f64()), false);
        }
        real_result((y.to_f64() * x.ln_abs()).exp(), false)
    }

    /// `a // b`.
    fn floordiv(&mut self, a: Value, b: Value) -> Result<Value, Outcome> {
        // `bool // Integer` is `Integer.__rfloordiv__`, an int division;
        // `Integer // bool` sympifies the bool and fails.
        if matches!(b, Bool(_) | SymBool(_)) || matches!(a, SymBool(_)) {
            return Err(Outcome::Raise);
        }
        let (a, b) = debool(a, b)?;
        if matches!(a, SymbolicZoo) || matches!(b, SymbolicZoo) {
            return Err(Outcome::Unsupported);
        }
        match (&a, &b) {
            (Rat(x), Rat(y)) if x.is_integer() => {
                // `Integer.__floordiv__`, or `Number.__divmod__`, whose
                // quotient is `int(q) - 1` for any negative `q`.
                if y.is_zero() {
                    return Err(Outcome::Raise);
                }
                self.charge_rat_op(x, y, !y.is_integer())?;
                if y.is_integer() {
                    return self.rat(Rational::int(x.numer().div_floor(y.numer())));
                }
                let q = x.div(y).ok_or(Outcome::Raise)?;
                let t = q.trunc();
                let w = if q.is_negative() { t - 1 } else { t };
                self.rat(Rational::int(w))
            }
            // Python tries `Integer.__rfloordiv__` first, as `Integer`
            // subclasses `Rational` and overrides it: `int(a) // b`. Not for
            // `S.Half`, whose own class `Integer` does not subclass.
            (Rat(x), Rat(y))
                if y.is_integer()
                    && *x != Rational::new(1.into(), 2.into()).unwrap_or_else(Rational::one) =>
            {
                if y.is_zero() {
                    return Err(Outcome::Raise);
                }
                self.charge_rat_op(x, y, false)?;
                self.rat(Rational::int(x.trunc().div_floor(y.numer())))
            }
            (Rat(_), Rat(_)) | (Symbolic | Zoo | Nan, _) | (_, Symbolic) => {
                // `floor(a / b)`.
                match self.div(a, b)? {
                    Rat(q) => self.rat(Rational::int(q.numer().div_floor(q.denom()))),
                    v @ (Symbolic | Zoo | Nan) => Ok(v),
                    _ => Err(Outcome::Unsupported),
                }
            }
            _ => Err(Outcome::Unsupported),
        }
    }

    /// `a % b`.
    fn modulo(&mut self, a: Value, b: Value) -> Result<Value, Outcome> {
        // `nan` has no `__mod__` of its own: `Expr.__mod__` refuses a bool.
        if matches!((&a, &b), (Nan, Bool(_))) {
            return Err(Outcome::Raise);
        }
        let (a, b) = debool(a, b)?;
        match (&a, &b) {
            (Rat(x), Rat(y)) => {
                if y.is_zero() {
                    return Err(Outcome::Raise);
                }
                self.charge_rat_op(x, y, true)?;
                // n = (p1*q2) // (p2*q1); p1*q2 - n*p2*q1 over q1*q2.
                let (p1, q1, p2, q2) = (x.numer(), x.denom(), y.numer(), y.denom());
                let n = (p1 * q2).div_floor(&(p2 * q1));
                let r = Rational::new(p1 * q2 - n * p2 * q1, q1 * q2).ok_or(Outcome::Raise)?;
                self.rat(r)
            }
            _ => self.mod_eval(a, b),
        }
    }

    /// `Mod(a, b)` where `a` or `b` is not a rational, as `Mod.eval` starts:
    /// a zero divisor raises `ZeroDivisionError` (`x % 0`, `nan % 0.0`;
    /// `Float % 0` only above 1/2 or negative),
    /// then `nan` or an infinite operand gives `nan` (`zoo % x`, `x % nan`),
    /// then a zero dividend gives `0` (`0.0 % x`). Otherwise a symbol keeps
    /// it symbolic; numbers alone (`Float.__mod__`, `pi % 3`) and `x/0` are
    /// not modelled.
    fn mod_eval(&mut self, a: Value, b: Value) -> Result<Value, Outcome> {
        // `b.is_zero`, where rgym knows it as sympy does.
        let zero = match &b {
            Rat(r) => Some(r.is_zero()),
            Float(m, _) => Some(m.is_zero()),
            // `E - E` is sympy's exact 0; an unexpanded product is exact too.
            Real(f, _) if *f == 0.0 => None,
            Complex { re, im, .. } if re.is_zero() && im.is_zero() => None,
            Real(..) | Complex { .. } | NonReal | Zoo | Nan | Symbolic | SymbolicZoo => Some(false),
            _ => None,
        };
        // `Float % 0` is mpmath's `mpf_mod`, which returns a positive
        // dividend below 1/2 as it is (the divisor's exponent 0 is above the
        // dividend's top bit) before it would divide by zero.
        if let (Float(m, p), Rat(r)) = (&a, &b) {
            let top = i128::from(m.exp) + i128::from(m.bc());
            if r.is_zero() && !m.neg && !m.is_zero() && top < 0 {
                return Ok(Float(m.clone(), *p));
            }
        }
        // An irrational or non-real value may be a `Float` in sympy
        // (`E**-3.0`, `0.25*I/I`), which `mpf_mod` returns below 1/2.
        if matches!(&b, Rat(r) if r.is_zero())
            && (matches!(a, NonReal) || matches!(a, Real(f, _) if f > 0.0 && f < 0.5))
        {
            return Err(Outcome::Unsupported);
        }
        match zero {
            Some(true) => return Err(Outcome::Raise),
            None => return Err(Outcome::Unsupported),
            Some(false) => {}
        }
        let zero_dividend = match &a {
            Rat(r) => r.is_zero(),
            Float(m, _) => m.is_zero(),
            _ => false,
        };
        Ok(match (&a, &b) {
            (Nan | Zoo, _) | (_, Nan | Zoo) => Nan,
            (SymbolicZoo, _) | (_, SymbolicZoo) => return Err(Outcome::Unsupported),
            (_, Symbolic) if zero_dividend => rat_int(0),
            (Symbolic, _) | (_, Symbolic) => Symbolic,
            _ => return Err(Outcome::Unsupported),
        })
    }

    /// `^ & | << >>`: `Integer`s and bools only, as Python ints.
    fn bitwise(&mut self, op: &str, a: Value, b: Value) -> Result<Value, Outcome> {
        let int = |v: &Value| match v {
            Rat(r) if r.is_integer() => Some(r.numer().clone()),
            Bool(b) => Some(BigInt::from(u8::from(*b))),
            _ => None,
        };
        if matches!(a, SymBool(_)) || matches!(b, SymBool(_)) {
            return Err(Outcome::Raise);
        }
        // Symbols take part in sympy's boolean algebra (`x | x` is `x`);
        // an irrational or a complex product may be an exact integer in
        // sympy (`E - E`).
        let inexact = |v: &Value| {
            matches!(
                v,
                Symbolic | SymbolicZoo | Real(..) | Complex { compound: true, .. }
            )
        };
        if inexact(&a) || inexact(&b) {
            return Err(Outcome::Unsupported);
        }
        let (Some(x), Some(y)) = (int(&a), int(&b)) else {
            return Err(Outcome::Raise);
        };
        let both_bool = matches!((&a, &b), (Bool(_), Bool(_)));
        let v = match op {
            "^" => &x ^ &y,
            "&" => &x & &y,
            "|" => &x | &y,
            _ => {
                if y.is_negative() {
                    return Err(Outcome::Raise);
                }
                let shift = y.to_u64().unwrap_or(u64::MAX);
                if op == "<<" {
                    if x.is_zero() {
                        BigInt::zero()
                    } else if x.bits().saturating_add(shift) > MAX_BITS {
                        return Err(Outcome::Bounded);
                    } else {
                        x << shift
                    }
                } else if shift >= x.bits() {
                    if x.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    x >> shift
                }
            }
        };
        if both_bool && matches!(op, "^" | "&" | "|") {
            return Ok(Bool(!v.is_zero()));
        }
        self.rat(Rational::int(v))
    }

    /// One comparison of a chain: `==` / `!=` give Python bools; the
    /// orderings give sympy booleans between real numbers.
    fn compare(&mut self, op: &str, a: &Value, b: &Value) -> Result<Value, Outcome> {
        match op {
            "==" => Ok(Bool(self.equal(a, b)?)),
            "!=" => Ok(Bool(!self.equal(a, b)?)),
            // A sympy boolean has no ordering: `TypeError`.
            _ if matches!(a, SymBool(_)) || matches!(b, SymBool(_)) => Err(Outcome::Raise),
            _ => {
                let num = |v: &Value| match v {
                    Rat(r) => Some(r.clone()),
                    Float(m, _) => Some(m.to_rational()),
                    _ => None,
                };
                let (Some(x), Some(y)) = (num(a), num(b)) else {
                    return Err(Outcome::Unsupported);
                };
                self.charge_rat_op(&x, &y, false)?;
                let o = x.cmp(&y);
                Ok(SymBool(match op {
                    "<" => o.is_lt(),
                    ">" => o.is_gt(),
                    "<=" => o.is_le(),
                    _ => o.is_ge(),
                }))
            }
        }
    }

    /// `a == b` between sympy numbers and Python bools: structural equality.
    fn equal(&mut self, a: &Value, b: &Value) -> Result<bool, Outcome> {
        let complex_or_special = |v: &Value| {
            matches!(
                v,
                Zoo | Nan
                    | Complex {
                        compound: false,
                        ..
                    }
            )
        };
        Ok(match (a, b) {
            // `Basic.__eq__` sympifies a Python bool to `true` / `false`;
            // nothing else equals a sympy boolean.
            (SymBool(x), SymBool(y) | Bool(y)) | (Bool(y), SymBool(x)) => x == y,
            (SymBool(_), _) | (_, SymBool(_)) => false,
            // Python compares its own numbers by value.
            (x, y) if is_py(x) && is_py(y) && !matches!((x, y), (Bool(_), Bool(_))) => {
                let as_int = |v: &Value| match v {
                    PyFloat(f) if f.is_finite() && f.fract() == 0.0 => {
                        num_traits::FromPrimitive::from_f64(*f)
                    }
                    PyFloat(_) => None,
                    v => py_int(v),
                };
                match (x, y) {
                    (PyFloat(f), PyFloat(g)) => f == g,
                    _ => match (as_int(x), as_int(y)) {
                        (Some(m), Some(n)) => m == n,
                        _ => false,
                    },
                }
            }
            // An int against a sympy number: `Integer(n)` compared
            // structurally (`-1 == -1.0` is False).
            (PyInt(n), o) | (o, PyInt(n)) if !is_py(o) => match o {
                Rat(r) => r.is_integer() && r.numer() == n,
                Float(..) => false,
                o if complex_or_special(o) => false,
                _ => return Err(Outcome::Unsupported),
            },
            // A float: `Float(f)` (15 digits) compared structurally.
            (PyFloat(f), o) | (o, PyFloat(f)) if !is_py(o) => match o {
                Float(..) => {
                    let g = py_float_to_float(*f)?;
                    return self.equal(&g, o);
                }
                Rat(_) => false,
                o if complex_or_special(o) => false,
                _ => return Err(Outcome::Unsupported),
            },
            (Rat(x), Rat(y)) => x == y,
            (Float(x, p), Float(y, q)) => x == y && p == q,
            (Rat(_), Float(..)) | (Float(..), Rat(_)) => false,
            (Bool(x), Bool(y)) => x == y,
            (Bool(x), Rat(r)) | (Rat(r), Bool(x)) => {
                r.is_integer() && *r.numer() == BigInt::from(u8::from(*x))
            }
            (Bool(_), Float(..)) | (Float(..), Bool(_)) => false,
            (Zoo, Zoo) | (Nan, Nan) => true,
            (Zoo | Nan, Rat(_) | Float(..) | Bool(_))
            | (Rat(_) | Float(..) | Bool(_), Zoo | Nan) => false,
            (Zoo, Nan) | (Nan, Zoo) => false,
            (
                Complex {
                    re,
                    im,
                    compound: false,
                },
                Complex {
                    re: r2,
                    im: i2,
                    compound: false,
                },
            ) => re == r2 && im == i2,
            (
                Complex {
                    compound: false, ..
                },
                Rat(_) | Float(..) | Bool(_) | Zoo | Nan,
            )
            | (
                Rat(_) | Float(..) | Bool(_) | Zoo | Nan,
                Complex {
                    compound: false, ..
                },
            ) => false,
            _ => return Err(Outcome::Unsupported),
        })
    }

    /// `factorial(a)` (`!`) and `factorial2(a)` (`!!`).
    fn factorial(&mut self, n: u8, a: Value) -> Result<Value, Outcome> {
        let k = match &a {
            Rat(r) if r.is_integer() => r.numer().clone(),
            // `factorial(int)` sympifies it.
            PyInt(n) => n.clone(),
            Float(m, _) if m.is_zero() => {
                return if n == 1 {
                    Ok(rat_int(1))
                } else {
                    Err(Outcome::Raise)
                };
            }
            Symbolic => return Ok(Symbolic),
            // factorial2 of a non-integer number raises ValueError.
            Rat(_) | Float(..) if n == 2 => return Err(Outcome::Raise),
            _ => return Err(Outcome::Unsupported),
        };
        if n == 1 {
            if k.is_negative() {
                return Ok(Zoo);
            }
            let k = self.factorial_size(&k, 1)?;
            return self.rat(Rational::int(product(1, k, 1)));
        }
        if k.is_negative() {
            if k.is_even() {
                return Err(Outcome::Raise);
            }
            // n * (-1)**((1 - n)/2) / (-n)!!
            let m = self.factorial_size(&-&k, 2)?;
            let den = product(if m % 2 == 1 { 1 } else { 2 }, m, 2);
            let sign = if ((BigInt::one() - &k) / 2u32).is_odd() {
                -1
            } else {
                1
            };
            let r = Rational::new(&k * sign, den).ok_or(Outcome::Raise)?;
            return self.rat(r);
        }
        let m = self.factorial_size(&k, 2)?;
        let start = if m % 2 == 1 { 1 } else { 2 };
        self.rat(Rational::int(product(start, m, 2)))
    }

    /// `k` as a machine integer when `k!` (or `k!!`) stays within bounds.
    fn factorial_size(&mut self, k: &BigInt, step: u64) -> Result<u64, Outcome> {
        let k = k.to_u64().ok_or(Outcome::Bounded)?;
        let bits = (k as f64 / step as f64) * ((k.max(2)) as f64).log2();
        if bits > MAX_BITS as f64 {
            return Err(Outcome::Bounded);
        }
        self.charge_mul(bits as u64, bits as u64)?;
        self.spend(k / step)?;
        Ok(k)
    }
}

/// `x**y` for a positive rational as a double, through logarithms when
/// `x` is past the double range.
fn approx_pow(x: &Rational, y: f64) -> f64 {
    let f = x.to_f64();
    if f.is_finite() && f > f64::MIN_POSITIVE {
        return f.powf(y);
    }
    (y * (ln_big(x.numer()) - ln_big(x.denom()))).exp()
}

/// `ln(n)` for a positive integer of any size.
fn ln_big(n: &BigInt) -> f64 {
    let bits = n.bits();
    let shift = bits.saturating_sub(60);
    let top = (n >> shift).to_f64().unwrap_or(1.0);
    top.ln() + shift as f64 * std::f64::consts::LN_2
}

/// `lo * (lo + step) * ... * hi` (1 when empty), by binary splitting.
fn product(lo: u64, hi: u64, step: u64) -> BigInt {
    if lo > hi {
        return BigInt::one();
    }
    let count = (hi - lo) / step + 1;
    if count <= 16 {
        let mut acc = BigInt::one();
        let mut i = lo;
        while i <= hi {
            acc *= i;
            i += step;
        }
        return acc;
    }
    let mid = lo + (count / 2) * step;
    product(lo, mid - step, step) * product(mid, hi, step)
}
