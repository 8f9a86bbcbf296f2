//! The `parse_expr` subset rgym's scorers need, evaluated straight to a
//! number with sympy's number semantics.
//!
//! `sympy.parsing.sympy_parser.parse_expr(answer)` with the standard
//! transformations turns integer literals into `Integer`, names into
//! `Symbol`, and then lets Python evaluate the text: `/` between integers is
//! an exact `Rational`, `**` is sympy's power (perfect roots evaluate,
//! `8**(2/3)` is `4`), `^` is Python's **XOR** (`Integer.__xor__`; any
//! non-integer operand raises `TypeError`), `1/0` is `zoo`, `0/0` is `nan`.
//! The scorers then call `float()` (`zoo` raises, `nan` is `nan`, an integer
//! past the double range is `inf`) or `int()` (truncation; `zoo`/`nan`
//! raise).
//!
//! What is reproduced exactly: integer literals (with `_` separators; a
//! leading zero raises like Python; more than 4300 digits raises like
//! Python 3.11), `+ - * / ** ^`, parentheses, unary `+`/`-`, whitespace,
//! `zoo`/`nan` propagation, exact rational arithmetic, perfect rational
//! roots, Python's limits where the reference raises instead of evaluating
//! (more than 199 nested brackets: `SyntaxError`; about 2983 nested
//! operators, or 2975 chained `**`: `RecursionError`/`MemoryError` during
//! compilation).
//!
//! Where rgym differs from the reference, by design:
//! * **Bounds.** Inputs longer than [`MAX_INPUT`] bytes, rationals whose
//!   numerator or denominator would pass [`MAX_BITS`] bits (`9**9**9`), or
//!   more big-number work than [`MAX_WORK`] are not evaluated:
//!   [`Outcome::Bounded`]. The reference would compute for minutes, hang, or
//!   run out of memory; scorers answer 0.0 for it.
//! * **Not numbers.** Names (`x`, and also sympy's constants `pi`, `E`, `I`)
//!   are symbols: a result containing one does not convert, as `float(x)`
//!   raises — except that a symbol times zero is zero and to the power zero
//!   is one, as in sympy. Symbols that would cancel (`x - x`) and the
//!   constants that `float()` accepts (`pi`) are not modelled: rgym raises
//!   where the reference may convert.
//! * **Unsupported syntax** raises (scored as the reference's exception
//!   path): decimal and complex literals, `//`, `%`, `&`, `|`, `~`, shifts,
//!   comparisons, function calls (`sqrt(4)`), factorial `!`, subscripts,
//!   tuples, keywords, comments, newlines outside brackets.
//! * **Irrational real powers** (`2**(1/2)`) are carried as doubles and
//!   non-real ones (`(-8)**(1/3)`) as "non-real": exact sympy identities
//!   between them (`2**(1/2)*2**(1/2) == 2`, `I*I == -1`) are not: the
//!   double may be an ulp off (which only matters for `int()` truncation at
//!   an exact integer) and a product of two non-real values stays non-real.

use crate::number::Rational;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// Longest answer evaluated.
pub const MAX_INPUT: usize = 1 << 16;
/// Largest numerator/denominator of any intermediate value.
pub const MAX_BITS: u64 = 1 << 15;
/// Budget of big-number work (roughly limb operations) per evaluation.
pub const MAX_WORK: u64 = 1 << 26;
/// Python 3.11's bracket nesting limit (`too many nested parentheses`).
const MAX_BRACKETS: usize = 199;
/// The deepest operator nesting Python compiles through `parse_expr`.
const MAX_DEPTH: u32 = 2983;
/// The longest `**` chain the parser accepts.
const MAX_POW_CHAIN: u32 = 2975;
/// Python 3.11's `int` string conversion limit.
const MAX_DIGITS: usize = 4300;

/// Why an answer has no value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The reference raises (syntax error, `TypeError`, a non-number).
    Raise,
    /// rgym's bounds stopped the evaluation (see the module doc).
    Bounded,
}

/// A number as sympy would hold it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Rat(Rational),
    /// A real irrational value (sympy keeps it exact; rgym a double).
    Real(f64),
    /// A non-real finite value (`2*I`, `(-1)**(1/3)`).
    NonReal,
    /// `zoo`.
    Zoo,
    /// `nan`.
    Nan,
    /// Contains a symbol.
    Symbolic,
}

impl Value {
    /// `float(value)`.
    pub fn to_float(&self) -> Result<f64, Outcome> {
        match self {
            Value::Rat(r) => Ok(r.to_f64()),
            Value::Real(f) => Ok(*f),
            Value::Nan => Ok(f64::NAN),
            _ => Err(Outcome::Raise),
        }
    }

    /// `int(value)`: truncation toward zero.
    pub fn to_int(&self) -> Result<BigInt, Outcome> {
        match self {
            Value::Rat(r) => Ok(r.trunc()),
            Value::Real(f) if f.is_finite() => {
                num_bigint::BigInt::try_from(f.trunc() as i128).map_err(|_| Outcome::Raise)
            }
            _ => Err(Outcome::Raise),
        }
    }
}

/// `parse_expr(text)` evaluated.
pub fn eval_str(text: &str) -> Result<Value, Outcome> {
    // Tokenizing and parsing are linear and find what Python rejects
    // (bracket nesting, depth); only evaluation is bounded by size.
    let toks = tokenize(text)?;
    let mut p = Parser {
        toks: &toks,
        pos: 0,
        code: Vec::new(),
        nest: 0,
    };
    p.xor()?;
    if p.pos != toks.len() {
        return Err(Outcome::Raise);
    }
    if text.len() > MAX_INPUT {
        return Err(Outcome::Bounded);
    }
    let mut ev = Eval { work: 0 };
    ev.run(p.code)
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Int(BigInt),
    Name,
    Op(&'static str),
    Open,
    Close,
}

fn tokenize(s: &str) -> Result<Vec<Tok>, Outcome> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut level = 0usize;
    // Newlines are fine inside brackets and as trailing blank text.
    while i < b.len() {
        let c = b[i];
        match c {
            b' ' | b'\t' | b'\x0c' => i += 1,
            b'\n' | b'\r' => {
                if level == 0 && !s[i..].trim_matches(|c| c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0c').is_empty() {
                    return Err(Outcome::Raise);
                }
                i += 1;
            }
            b'0'..=b'9' => {
                let start = i;
                let mut digits = String::new();
                while i < b.len() {
                    if b[i].is_ascii_digit() {
                        digits.push(b[i] as char);
                        i += 1;
                    } else if b[i] == b'_' && i + 1 < b.len() && b[i + 1].is_ascii_digit() && i > start {
                        i += 1;
                    } else {
                        break;
                    }
                }
                if i < b.len() && (b[i] == b'.' || b[i] == b'_' || b[i].is_ascii_alphanumeric() || b[i] >= 0x80) {
                    // Decimals, exponents, `0x..`, `2j`, `2x`: unsupported or a syntax error.
                    return Err(Outcome::Raise);
                }
                if digits.len() > 1 && digits.starts_with('0') && digits.bytes().any(|d| d != b'0') {
                    return Err(Outcome::Raise);
                }
                if digits.len() > MAX_DIGITS {
                    return Err(Outcome::Raise);
                }
                let n: BigInt = digits.parse().map_err(|_| Outcome::Raise)?;
                out.push(Tok::Int(n));
            }
            b'+' | b'-' | b'/' | b'^' => {
                out.push(Tok::Op(match c {
                    b'+' => "+",
                    b'-' => "-",
                    b'/' => {
                        if b.get(i + 1) == Some(&b'/') || b.get(i + 1) == Some(&b'=') {
                            return Err(Outcome::Raise);
                        }
                        "/"
                    }
                    _ => "^",
                }));
                i += 1;
            }
            b'*' => {
                if b.get(i + 1) == Some(&b'*') {
                    out.push(Tok::Op("**"));
                    i += 2;
                } else {
                    out.push(Tok::Op("*"));
                    i += 1;
                }
                if b.get(i) == Some(&b'=') {
                    return Err(Outcome::Raise);
                }
            }
            b'(' => {
                level += 1;
                if level > MAX_BRACKETS {
                    return Err(Outcome::Raise);
                }
                out.push(Tok::Open);
                i += 1;
            }
            b')' => {
                if level == 0 {
                    return Err(Outcome::Raise);
                }
                level -= 1;
                out.push(Tok::Close);
                i += 1;
            }
            _ => {
                // A name: Python identifiers (ASCII letters, `_`, and any
                // non-ASCII letter); keywords are unsupported syntax.
                let ch = s[i..].chars().next().ok_or(Outcome::Raise)?;
                if !(ch == '_' || ch.is_alphabetic()) {
                    return Err(Outcome::Raise);
                }
                let start = i;
                while i < b.len() {
                    let ch = s[i..].chars().next().ok_or(Outcome::Raise)?;
                    if ch == '_' || ch.is_alphanumeric() {
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                }
                if is_keyword(&s[start..i]) {
                    return Err(Outcome::Raise);
                }
                out.push(Tok::Name);
            }
        }
    }
    if level != 0 {
        return Err(Outcome::Raise);
    }
    Ok(out)
}

fn is_keyword(w: &str) -> bool {
    matches!(
        w,
        "False" | "None" | "True" | "and" | "as" | "assert" | "async" | "await" | "break"
            | "class" | "continue" | "def" | "del" | "elif" | "else" | "except" | "finally"
            | "for" | "from" | "global" | "if" | "import" | "in" | "is" | "lambda"
            | "nonlocal" | "not" | "or" | "pass" | "raise" | "return" | "try" | "while"
            | "with" | "yield"
    )
}

/// The parsed expression in postfix order: evaluation is a loop, so no
/// input can make it recurse.
#[derive(Debug)]
enum Code {
    Int(BigInt),
    Name,
    Neg,
    Pos,
    Bin(&'static str),
}

/// What the parser knows of a subexpression it has emitted.
#[derive(Clone, Copy)]
struct Parsed {
    depth: u32,
    pow_chain: u32,
}

const LEAF: Parsed = Parsed {
    depth: 0,
    pow_chain: 0,
};

/// Nested parsing calls (brackets, signed exponents) before giving up.
const MAX_NEST: u32 = 1000;

struct Parser<'a> {
    toks: &'a [Tok],
    pos: usize,
    code: Vec<Code>,
    nest: u32,
}

impl Parser<'_> {
    fn peek_op(&self) -> Option<&'static str> {
        match self.toks.get(self.pos) {
            Some(Tok::Op(o)) => Some(o),
            _ => None,
        }
    }

    fn bin(&mut self, l: Parsed, op: &'static str, r: Parsed) -> Result<Parsed, Outcome> {
        let depth = l.depth.max(r.depth) + 1;
        if depth > MAX_DEPTH {
            return Err(Outcome::Raise);
        }
        self.code.push(Code::Bin(op));
        Ok(Parsed {
            depth,
            pow_chain: 0,
        })
    }

    fn xor(&mut self) -> Result<Parsed, Outcome> {
        let mut l = self.arith()?;
        while self.peek_op() == Some("^") {
            self.pos += 1;
            let r = self.arith()?;
            l = self.bin(l, "^", r)?;
        }
        Ok(l)
    }

    fn arith(&mut self) -> Result<Parsed, Outcome> {
        let mut l = self.term()?;
        while let Some(op @ ("+" | "-")) = self.peek_op() {
            self.pos += 1;
            let r = self.term()?;
            l = self.bin(l, op, r)?;
        }
        Ok(l)
    }

    fn term(&mut self) -> Result<Parsed, Outcome> {
        let mut l = self.factor()?;
        while let Some(op @ ("*" | "/")) = self.peek_op() {
            self.pos += 1;
            let r = self.factor()?;
            l = self.bin(l, op, r)?;
        }
        Ok(l)
    }

    /// Unary signs in front of what `then` parses, collected iteratively.
    fn signed(&mut self, then: fn(&mut Self) -> Result<Parsed, Outcome>) -> Result<Parsed, Outcome> {
        let mut signs = Vec::new();
        while let Some(op @ ("+" | "-")) = self.peek_op() {
            self.pos += 1;
            signs.push(op);
            if signs.len() as u32 > MAX_DEPTH {
                return Err(Outcome::Raise);
            }
        }
        let mut p = then(self)?;
        for op in signs.into_iter().rev() {
            p.depth += 1;
            p.pow_chain = 0;
            if p.depth > MAX_DEPTH {
                return Err(Outcome::Raise);
            }
            self.code.push(if op == "-" { Code::Neg } else { Code::Pos });
        }
        Ok(p)
    }

    fn factor(&mut self) -> Result<Parsed, Outcome> {
        self.signed(Self::power)
    }

    fn power(&mut self) -> Result<Parsed, Outcome> {
        // `a ** b ** c` is right-associative: emit the operands, then the
        // operators (postfix `a b c ** **` is `a ** (b ** c)`).
        let mut chain = vec![self.atom()?];
        while self.peek_op() == Some("**") {
            self.pos += 1;
            if chain.len() as u32 > MAX_POW_CHAIN {
                return Err(Outcome::Raise);
            }
            if matches!(self.peek_op(), Some("+" | "-")) {
                // The exponent is a unary expression (`2**-1`), which ends
                // the chain at this level.
                self.nest += 1;
                if self.nest > MAX_NEST {
                    return Err(Outcome::Raise);
                }
                let p = self.signed(Self::power)?;
                self.nest -= 1;
                chain.push(p);
                break;
            }
            chain.push(self.atom()?);
        }
        let mut acc = chain.pop().ok_or(Outcome::Raise)?;
        while let Some(b) = chain.pop() {
            let links = acc.pow_chain + 1;
            if links > MAX_POW_CHAIN {
                return Err(Outcome::Raise);
            }
            acc = self.bin(b, "**", acc)?;
            acc.pow_chain = links;
        }
        Ok(acc)
    }

    fn atom(&mut self) -> Result<Parsed, Outcome> {
        let t = self.toks.get(self.pos).ok_or(Outcome::Raise)?;
        self.pos += 1;
        let p = match t {
            Tok::Int(n) => {
                self.code.push(Code::Int(n.clone()));
                LEAF
            }
            Tok::Name => {
                self.code.push(Code::Name);
                LEAF
            }
            Tok::Open => {
                self.nest += 1;
                if self.nest > MAX_NEST {
                    return Err(Outcome::Raise);
                }
                let inner = self.xor()?;
                self.nest -= 1;
                if self.toks.get(self.pos) != Some(&Tok::Close) {
                    return Err(Outcome::Raise);
                }
                self.pos += 1;
                Parsed {
                    pow_chain: 0,
                    ..inner
                }
            }
            _ => return Err(Outcome::Raise),
        };
        // A call (`2(3)`, `f(x)`) is unsupported or a TypeError.
        if self.toks.get(self.pos) == Some(&Tok::Open) {
            return Err(Outcome::Raise);
        }
        Ok(p)
    }
}

struct Eval {
    work: u64,
}

impl Eval {
    fn charge(&mut self, r: &Rational) -> Result<(), Outcome> {
        let bits = r.bits();
        if bits > MAX_BITS {
            return Err(Outcome::Bounded);
        }
        let limbs = bits / 64 + 1;
        let cost = if r.is_integer() { limbs } else { limbs * limbs };
        self.work += cost;
        if self.work > MAX_WORK {
            return Err(Outcome::Bounded);
        }
        Ok(())
    }

    fn rat(&mut self, r: Rational) -> Result<Value, Outcome> {
        self.charge(&r)?;
        Ok(Value::Rat(r))
    }

    fn run(&mut self, code: Vec<Code>) -> Result<Value, Outcome> {
        let mut stack: Vec<Value> = Vec::new();
        let minus_one = || Value::Rat(Rational::int(-1));
        for c in code {
            let v = match c {
                Code::Int(i) => Value::Rat(Rational::int(i)),
                Code::Name => Value::Symbolic,
                Code::Pos => stack.pop().ok_or(Outcome::Raise)?,
                Code::Neg => {
                    let v = stack.pop().ok_or(Outcome::Raise)?;
                    self.mul(minus_one(), v)?
                }
                Code::Bin(op) => {
                    let b = stack.pop().ok_or(Outcome::Raise)?;
                    let a = stack.pop().ok_or(Outcome::Raise)?;
                    match op {
                        "+" => self.add(a, b)?,
                        "-" => {
                            let nb = self.mul(minus_one(), b)?;
                            self.add(a, nb)?
                        }
                        "*" => self.mul(a, b)?,
                        "/" => {
                            let inv = self.pow(b, minus_one())?;
                            self.mul(a, inv)?
                        }
                        "**" => self.pow(a, b)?,
                        _ => xor(a, b)?,
                    }
                }
            };
            stack.push(v);
        }
        match (stack.pop(), stack.is_empty()) {
            (Some(v), true) => Ok(v),
            _ => Err(Outcome::Raise),
        }
    }

    fn add(&mut self, a: Value, b: Value) -> Result<Value, Outcome> {
        use Value::*;
        Ok(match (a, b) {
            (Nan, _) | (_, Nan) => Nan,
            (Symbolic, _) | (_, Symbolic) => Symbolic,
            (Zoo, Zoo) => Nan,
            (Zoo, _) | (_, Zoo) => Zoo,
            (NonReal, _) | (_, NonReal) => NonReal,
            (Rat(x), Rat(y)) => return self.rat(x.add(&y)),
            (Rat(x), Real(y)) | (Real(y), Rat(x)) => Real(x.to_f64() + y),
            (Real(x), Real(y)) => Real(x + y),
        })
    }

    fn mul(&mut self, a: Value, b: Value) -> Result<Value, Outcome> {
        use Value::*;
        let zero = |v: &Value| matches!(v, Rat(r) if r.is_zero());
        Ok(match (a, b) {
            (Nan, _) | (_, Nan) => Nan,
            (Zoo, ref v) | (ref v, Zoo) if zero(v) => Nan,
            (Zoo, _) | (_, Zoo) => Zoo,
            (ref v, _) | (_, ref v) if zero(v) => Rat(Rational::zero()),
            (Symbolic, _) | (_, Symbolic) => Symbolic,
            (NonReal, _) | (_, NonReal) => NonReal,
            (Rat(x), Rat(y)) => return self.rat(x.mul(&y)),
            (Rat(x), Real(y)) | (Real(y), Rat(x)) => Real(x.to_f64() * y),
            (Real(x), Real(y)) => Real(x * y),
        })
    }

    fn pow(&mut self, b: Value, e: Value) -> Result<Value, Outcome> {
        use Value::*;
        let is = |v: &Value, n: i64| matches!(v, Rat(r) if *r == Rational::int(n));
        if is(&e, 0) {
            return Ok(Rat(Rational::one()));
        }
        if matches!(e, Nan | Zoo) || matches!(b, Nan) {
            return Ok(Nan);
        }
        if matches!(e, Symbolic) || matches!(b, Symbolic) {
            return Ok(if is(&b, 1) { Rat(Rational::one()) } else { Symbolic });
        }
        if is(&e, 1) {
            return Ok(b);
        }
        if matches!(b, Zoo) {
            return Ok(match e {
                Rat(r) if r.is_negative() => Rat(Rational::zero()),
                Real(x) if x < 0.0 => Rat(Rational::zero()),
                NonReal => Nan,
                _ => Zoo,
            });
        }
        if is(&b, 1) {
            return Ok(Rat(Rational::one()));
        }
        match (b, e) {
            (_, NonReal) | (NonReal, _) => Ok(NonReal),
            (Rat(x), Rat(y)) => {
                if y.is_integer() {
                    return match x.pow_int(y.numer(), MAX_BITS) {
                        Ok(v) => self.rat(v),
                        Err(true) => Ok(Zoo),
                        Err(false) => Err(Outcome::Bounded),
                    };
                }
                if x.is_zero() {
                    return Ok(if y.is_negative() { Zoo } else { Rat(Rational::zero()) });
                }
                let q = y.denom().to_u32().ok_or(Outcome::Bounded)?;
                let ax = x.abs();
                if let (Some(pn), Some(pd)) = (exact_root(ax.numer(), q), exact_root(ax.denom(), q)) {
                    if x.is_negative() {
                        return Ok(NonReal);
                    }
                    let root = Rational::new(pn, pd).ok_or(Outcome::Raise)?;
                    return match root.pow_int(y.numer(), MAX_BITS) {
                        Ok(v) => self.rat(v),
                        Err(_) => Err(Outcome::Bounded),
                    };
                }
                if x.is_negative() {
                    return Ok(NonReal);
                }
                Ok(Real(x.to_f64().powf(y.to_f64())))
            }
            (Rat(x), Real(y)) => {
                if x.is_zero() {
                    return Ok(if y < 0.0 { Zoo } else { Rat(Rational::zero()) });
                }
                if x.is_negative() {
                    return Ok(NonReal);
                }
                Ok(Real(x.to_f64().powf(y)))
            }
            (Real(x), Rat(y)) => {
                if y.is_integer() {
                    return Ok(Real(x.powf(y.to_f64())));
                }
                if x < 0.0 {
                    return Ok(NonReal);
                }
                Ok(Real(x.powf(y.to_f64())))
            }
            (Real(x), Real(y)) => {
                if x < 0.0 {
                    return Ok(NonReal);
                }
                Ok(Real(x.powf(y)))
            }
            _ => Ok(Nan),
        }
    }
}

/// `Integer.__xor__`: integers only.
fn xor(a: Value, b: Value) -> Result<Value, Outcome> {
    match (a, b) {
        (Value::Rat(x), Value::Rat(y)) if x.is_integer() && y.is_integer() => {
            Ok(Value::Rat(Rational::int(x.numer() ^ y.numer())))
        }
        _ => Err(Outcome::Raise),
    }
}

/// The exact `q`-th root of a non-negative integer, if it has one.
fn exact_root(n: &BigInt, q: u32) -> Option<BigInt> {
    if n.is_zero() || q == 0 {
        return Some(n.clone());
    }
    if n.bits() / u64::from(q) > MAX_BITS {
        return None;
    }
    let r = num_integer::Roots::nth_root(&n.abs(), q);
    if num_traits::pow::Pow::pow(&r, q) == n.abs() {
        Some(r)
    } else {
        None
    }
}

/// Python's `re.findall(r"\b\d+\b", s)` over an answer (ASCII word
/// characters are enough: an answer with any other character does not
/// evaluate), as integers; `None` when one is past Python's 4300-digit
/// `int()` limit (`ValueError`).
pub fn extract_ints(s: &str) -> Option<Vec<BigInt>> {
    let b = s.as_bytes();
    let word = |i: usize| b.get(i).is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c >= 0x80);
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !word(i - 1)) {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if !word(i) {
                if i - start > MAX_DIGITS {
                    return None;
                }
                out.push(s[start..i].parse().ok()?);
            }
            // Skip the rest of this word: `\b` needs a word boundary.
            while word(i) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> Result<f64, Outcome> {
        eval_str(s)?.to_float()
    }

    #[test]
    fn sympy_numbers() {
        assert_eq!(f("5^3"), Ok(6.0));
        assert_eq!(f("-5^3"), Ok(-8.0));
        assert_eq!(f("2 ^ -3"), Ok(-1.0));
        assert_eq!(f("1/0"), Err(Outcome::Raise));
        assert!(f("0/0").unwrap().is_nan());
        assert_eq!(f("1/(1/0)"), Ok(0.0));
        assert_eq!(f("8**(2/3)"), Ok(4.0));
        assert_eq!(f("-8**(1/3)"), Ok(-2.0));
        assert_eq!(f("(-8)**(1/3)"), Err(Outcome::Raise));
        assert_eq!(f("2**2000"), Ok(f64::INFINITY));
        assert_eq!(f("(1/2)^1"), Err(Outcome::Raise));
        assert_eq!(f("x*0"), Ok(0.0));
        assert_eq!(f("x+1"), Err(Outcome::Raise));
        assert_eq!(eval_str("-7/2").unwrap().to_int(), Ok(BigInt::from(-3)));
    }

    #[test]
    fn python_limits_and_bounds() {
        let deep = format!("{}1{}", "(".repeat(199), ")".repeat(199));
        assert_eq!(f(&deep), Ok(1.0));
        let deeper = format!("{}1{}", "(".repeat(200), ")".repeat(200));
        assert_eq!(f(&deeper), Err(Outcome::Raise));
        assert_eq!(f(&vec!["1"; 2984].join("+")), Ok(2984.0));
        assert_eq!(f(&vec!["1"; 2985].join("+")), Err(Outcome::Raise));
        assert_eq!(f(&format!("{}1", "-".repeat(2983))), Ok(-1.0));
        assert_eq!(f(&format!("{}1", "-".repeat(2984))), Err(Outcome::Raise));
        assert_eq!(f("9**9**9"), Err(Outcome::Bounded));
        assert_eq!(f("007"), Err(Outcome::Raise));
        assert_eq!(f("00 + 1_0"), Ok(10.0));
        let start = std::time::Instant::now();
        let hostile = format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(f(&hostile), Err(Outcome::Raise));
        let hostile = "(1+1)*".repeat(200_000) + "1";
        assert_eq!(f(&hostile), Err(Outcome::Bounded));
        let hostile = "9**".repeat(300_000) + "9";
        assert!(f(&hostile).is_err());
        assert!(start.elapsed().as_millis() < 1000);
    }

    #[test]
    fn literal_integers() {
        let v = |s: &str| extract_ints(s).unwrap().iter().map(|n| n.to_string()).collect::<Vec<_>>();
        assert_eq!(v("1 + 1 + 81"), ["1", "1", "81"]);
        assert_eq!(v("2**3 - x_1 + a2 + 4.5"), ["2", "3", "4", "5"]);
        assert_eq!(v("1_000"), Vec::<String>::new());
    }
}
