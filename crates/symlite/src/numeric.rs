//! Numeric differentiation of a `parse_expr` answer: the answer read as
//! sympy's `parse_expr` reads it (numbers, names, `+ - * / **`, brackets,
//! unary signs, and calls of `sin cos tan exp log ln sqrt asin acos atan`
//! and `Integral(f, x)`), evaluated with its exact first derivative
//! (forward-mode, dual numbers) over the complex numbers at given points.
//!
//! This is what decides `simplify(diff(answer, x) - integrand) == 0` for
//! answers sympy itself cannot always decide: two expressions whose values
//! agree at many points off the real axis are taken as equal (the caller
//! states the points and the tolerance). Principal branches throughout,
//! as sympy's: `log(x**2)` and `2*log(x)` differ off the right half-plane,
//! as they do for sympy.
//!
//! Bounds, so that no answer can make it slow: at most [`MAX_OPS`]
//! operations and [`MAX_NESTING`] nested brackets, calls or right-hand
//! sides of `**`, or the answer is refused (the reference refuses past 200
//! nested brackets too). The parser recurses only into brackets, calls,
//! unary signs and `**`, each counted against the nesting bound; the
//! evaluation runs the postfix code on a stack.

use std::collections::HashMap;

/// The most operations an answer may have.
pub const MAX_OPS: usize = 20_000;
/// The deepest nesting of brackets, calls, signs and `**` right sides.
pub const MAX_NESTING: usize = 200;

/// A complex number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C {
    pub re: f64,
    pub im: f64,
}

impl C {
    pub const fn new(re: f64, im: f64) -> C {
        C { re, im }
    }
    fn add(self, o: C) -> C {
        C::new(self.re + o.re, self.im + o.im)
    }
    fn sub(self, o: C) -> C {
        C::new(self.re - o.re, self.im - o.im)
    }
    fn mul(self, o: C) -> C {
        C::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }
    fn div(self, o: C) -> C {
        let d = o.re * o.re + o.im * o.im;
        C::new(
            (self.re * o.re + self.im * o.im) / d,
            (self.im * o.re - self.re * o.im) / d,
        )
    }
    fn neg(self) -> C {
        C::new(-self.re, -self.im)
    }
    pub fn abs(self) -> f64 {
        self.re.hypot(self.im)
    }
    fn is_finite(self) -> bool {
        self.re.is_finite() && self.im.is_finite()
    }
    fn is_zero(self) -> bool {
        self.re == 0.0 && self.im == 0.0
    }
    fn exp(self) -> C {
        let m = self.re.exp();
        C::new(m * self.im.cos(), m * self.im.sin())
    }
    fn ln(self) -> C {
        C::new(self.abs().ln(), self.im.atan2(self.re))
    }
    fn sqrt(self) -> C {
        if self.is_zero() {
            return self;
        }
        // The principal root through the half angle.
        let r = self.abs().sqrt();
        let t = self.im.atan2(self.re) / 2.0;
        C::new(r * t.cos(), r * t.sin())
    }
    fn powc(self, w: C) -> C {
        if self.is_zero() {
            return if w.re > 0.0 {
                C::new(0.0, 0.0)
            } else {
                C::new(f64::NAN, f64::NAN)
            };
        }
        // Small integer exponents by multiplication, as exact as it gets.
        if w.im == 0.0 && w.re.fract() == 0.0 && w.re.abs() <= 64.0 {
            let n = w.re.abs() as u32;
            let mut acc = C::new(1.0, 0.0);
            for _ in 0..n {
                acc = acc.mul(self);
            }
            return if w.re < 0.0 {
                C::new(1.0, 0.0).div(acc)
            } else {
                acc
            };
        }
        w.mul(self.ln()).exp()
    }
    fn sin(self) -> C {
        C::new(
            self.re.sin() * self.im.cosh(),
            self.re.cos() * self.im.sinh(),
        )
    }
    fn cos(self) -> C {
        C::new(
            self.re.cos() * self.im.cosh(),
            -self.re.sin() * self.im.sinh(),
        )
    }
    const I: C = C::new(0.0, 1.0);
    const ONE: C = C::new(1.0, 0.0);
    fn asin(self) -> C {
        // -i*log(i*z + sqrt(1 - z**2))
        let s = C::ONE.sub(self.mul(self)).sqrt();
        C::I.mul(self).add(s).ln().mul(C::I).neg()
    }
    fn atan(self) -> C {
        // i/2*(log(1 - i*z) - log(1 + i*z))
        let iz = C::I.mul(self);
        C::ONE
            .sub(iz)
            .ln()
            .sub(C::ONE.add(iz).ln())
            .mul(C::new(0.0, 0.5))
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Func {
    Sin,
    Cos,
    Tan,
    Exp,
    Log,
    Sqrt,
    Asin,
    Acos,
    Atan,
}

#[derive(Clone, Debug, PartialEq)]
enum Op {
    Const(C),
    Var,
    /// Any other name: a symbol independent of the variable.
    Sym(usize),
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Neg,
    Call(Func),
    /// `Integral(f, x)` of the variable: its derivative is `f`, its value
    /// unknown.
    Integral,
}

/// Why an answer was not read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not the subset modelled (or not Python at all).
    Syntax,
    /// Past [`MAX_OPS`] or [`MAX_NESTING`].
    Bounded,
}

/// A parsed expression in one variable.
#[derive(Clone, Debug)]
pub struct Program {
    code: Vec<Op>,
    symbols: usize,
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(f64),
    Name(String),
    Op(&'static str),
}

fn lex(text: &str) -> Result<Vec<Tok>, Refused> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b' ' || c == b'\t' || c == b'\n' {
            i += 1;
        } else if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        {
            let start = i;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i] == b'_') {
                i += 1;
            }
            if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
                let mut j = i + 1;
                if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
                    j += 1;
                }
                if j < b.len() && b[j].is_ascii_digit() {
                    i = j;
                    while i < b.len() && b[i].is_ascii_digit() {
                        i += 1;
                    }
                }
            }
            let s: String = text[start..i].chars().filter(|&c| c != '_').collect();
            let v: f64 = s.parse().map_err(|_| Refused::Syntax)?;
            out.push(Tok::Num(v));
            if i < b.len() && (b[i].is_ascii_alphabetic() || b[i] == b'_') {
                // `2x`, `2j`: not modelled.
                return Err(Refused::Syntax);
            }
        } else if c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok::Name(text[start..i].to_string()));
        } else {
            let two = b.get(i..i + 2);
            let op: &'static str = match (c, two) {
                (b'*', Some(b"**")) => "**",
                (b'+', _) => "+",
                (b'-', _) => "-",
                (b'*', _) => "*",
                (b'/', Some(b"//")) => return Err(Refused::Syntax),
                (b'/', _) => "/",
                (b'(', _) => "(",
                (b')', _) => ")",
                (b',', _) => ",",
                _ => return Err(Refused::Syntax),
            };
            i += op.len();
            out.push(Tok::Op(op));
        }
        if out.len() > MAX_OPS * 2 {
            return Err(Refused::Bounded);
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<Tok>,
    pos: usize,
    depth: usize,
    var: &'a str,
    code: Vec<Op>,
    names: HashMap<String, usize>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }
    fn eat(&mut self, op: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Op(o)) if *o == op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }
    fn enter(&mut self) -> Result<(), Refused> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(Refused::Bounded);
        }
        Ok(())
    }
    fn emit(&mut self, op: Op) -> Result<(), Refused> {
        self.code.push(op);
        if self.code.len() > MAX_OPS {
            return Err(Refused::Bounded);
        }
        Ok(())
    }

    /// sum := term (('+'|'-') term)*
    fn sum(&mut self) -> Result<(), Refused> {
        self.term()?;
        loop {
            if self.eat("+") {
                self.term()?;
                self.emit(Op::Add)?;
            } else if self.eat("-") {
                self.term()?;
                self.emit(Op::Sub)?;
            } else {
                return Ok(());
            }
        }
    }

    /// term := factor (('*'|'/') factor)*
    fn term(&mut self) -> Result<(), Refused> {
        self.factor()?;
        loop {
            if self.eat("*") {
                self.factor()?;
                self.emit(Op::Mul)?;
            } else if self.eat("/") {
                self.factor()?;
                self.emit(Op::Div)?;
            } else {
                return Ok(());
            }
        }
    }

    /// factor := ('+'|'-') factor | power
    fn factor(&mut self) -> Result<(), Refused> {
        if self.eat("-") {
            self.enter()?;
            self.factor()?;
            self.depth -= 1;
            return self.emit(Op::Neg);
        }
        if self.eat("+") {
            self.enter()?;
            self.factor()?;
            self.depth -= 1;
            return Ok(());
        }
        self.power()
    }

    /// power := atom ['**' factor]
    fn power(&mut self) -> Result<(), Refused> {
        self.atom()?;
        if self.eat("**") {
            self.enter()?;
            self.factor()?;
            self.depth -= 1;
            self.emit(Op::Pow)?;
        }
        Ok(())
    }

    fn atom(&mut self) -> Result<(), Refused> {
        match self.toks.get(self.pos).cloned() {
            Some(Tok::Num(v)) => {
                self.pos += 1;
                self.emit(Op::Const(C::new(v, 0.0)))
            }
            Some(Tok::Op("(")) => {
                self.pos += 1;
                self.enter()?;
                self.sum()?;
                self.depth -= 1;
                if !self.eat(")") {
                    return Err(Refused::Syntax);
                }
                Ok(())
            }
            Some(Tok::Name(name)) => {
                self.pos += 1;
                if self.eat("(") {
                    return self.call(&name);
                }
                self.name(&name)
            }
            _ => Err(Refused::Syntax),
        }
    }

    fn name(&mut self, name: &str) -> Result<(), Refused> {
        if name == self.var {
            return self.emit(Op::Var);
        }
        let c = match name {
            "E" => C::new(std::f64::consts::E, 0.0),
            "pi" => C::new(std::f64::consts::PI, 0.0),
            "I" => C::I,
            _ => {
                // Python keywords and the names sympy keeps as its own
                // objects (`S`, `N`, `sin` without a call, `oo`) are not
                // symbols: arithmetic on them fails in the reference.
                if name != "C" && (crate::parse::is_sympy_name(name) || is_keyword(name)) {
                    return Err(Refused::Syntax);
                }
                let n = self.names.len();
                let k = *self.names.entry(name.to_string()).or_insert(n);
                return self.emit(Op::Sym(k));
            }
        };
        self.emit(Op::Const(c))
    }

    fn call(&mut self, name: &str) -> Result<(), Refused> {
        self.enter()?;
        let f = match name {
            "sin" => Some(Func::Sin),
            "cos" => Some(Func::Cos),
            "tan" => Some(Func::Tan),
            "exp" => Some(Func::Exp),
            "log" | "ln" => Some(Func::Log),
            "sqrt" => Some(Func::Sqrt),
            "asin" => Some(Func::Asin),
            "acos" => Some(Func::Acos),
            "atan" => Some(Func::Atan),
            "Integral" => None,
            _ => return Err(Refused::Syntax),
        };
        self.sum()?;
        match f {
            Some(f) => self.emit(Op::Call(f))?,
            None => {
                // Only `Integral(f, x)` of the variable itself.
                let var_next = matches!(self.peek(), Some(Tok::Op(",")))
                    && matches!(self.toks.get(self.pos + 1), Some(Tok::Name(n)) if n == self.var);
                if !var_next {
                    return Err(Refused::Syntax);
                }
                self.pos += 2;
                self.emit(Op::Integral)?;
            }
        }
        if !self.eat(")") {
            return Err(Refused::Syntax);
        }
        self.depth -= 1;
        Ok(())
    }
}

fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "and"
            | "or"
            | "not"
            | "if"
            | "else"
            | "lambda"
            | "in"
            | "is"
            | "for"
            | "None"
            | "True"
            | "False"
            | "import"
            | "def"
            | "class"
            | "return"
            | "yield"
            | "await"
            | "async"
            | "with"
            | "as"
            | "from"
            | "global"
            | "nonlocal"
            | "pass"
            | "break"
            | "continue"
            | "del"
            | "elif"
            | "except"
            | "finally"
            | "raise"
            | "try"
            | "while"
            | "assert"
    )
}

/// A value and its derivative; `None` for a value not known (an
/// `Integral`'s).
#[derive(Clone, Copy)]
struct Dual {
    v: Option<C>,
    d: C,
    konst: bool,
}

const ZERO: C = C::new(0.0, 0.0);

impl Program {
    /// `parse_expr(text)` in the variable `var`.
    pub fn parse(text: &str, var: &str) -> Result<Program, Refused> {
        if text.len() > MAX_OPS * 16 {
            return Err(Refused::Bounded);
        }
        let toks = lex(text.trim())?;
        let mut p = Parser {
            toks,
            pos: 0,
            depth: 0,
            var,
            code: Vec::new(),
            names: HashMap::new(),
        };
        p.sum()?;
        if p.pos != p.toks.len() {
            return Err(Refused::Syntax);
        }
        Ok(Program {
            code: p.code,
            symbols: p.names.len(),
        })
    }

    /// The value (when known) and the derivative at `x`, other symbols
    /// taking `symbol_value(k)` for the `k`-th name met; `None` when
    /// something is not finite or a needed value is unknown.
    pub fn eval(&self, x: C, symbol_value: &dyn Fn(usize) -> C) -> Option<(Option<C>, C)> {
        let mut st: Vec<Dual> = Vec::with_capacity(16);
        let symbols: Vec<C> = (0..self.symbols).map(symbol_value).collect();
        for op in &self.code {
            let r = match op {
                Op::Const(c) => Dual {
                    v: Some(*c),
                    d: ZERO,
                    konst: true,
                },
                Op::Var => Dual {
                    v: Some(x),
                    d: C::ONE,
                    konst: false,
                },
                Op::Sym(k) => Dual {
                    v: Some(symbols[*k]),
                    d: ZERO,
                    konst: true,
                },
                Op::Neg => {
                    let a = st.pop()?;
                    Dual {
                        v: a.v.map(C::neg),
                        d: a.d.neg(),
                        konst: a.konst,
                    }
                }
                Op::Call(f) => {
                    let a = st.pop()?;
                    let z = a.v?;
                    let (v, dv) = match f {
                        Func::Sin => (z.sin(), z.cos()),
                        Func::Cos => (z.cos(), z.sin().neg()),
                        Func::Tan => {
                            let t = z.sin().div(z.cos());
                            (t, C::ONE.add(t.mul(t)))
                        }
                        Func::Exp => {
                            let e = z.exp();
                            (e, e)
                        }
                        Func::Log => (z.ln(), C::ONE.div(z)),
                        Func::Sqrt => {
                            let s = z.sqrt();
                            (s, C::new(0.5, 0.0).div(s))
                        }
                        Func::Asin => (z.asin(), C::ONE.div(C::ONE.sub(z.mul(z)).sqrt())),
                        Func::Acos => (
                            C::new(std::f64::consts::FRAC_PI_2, 0.0).sub(z.asin()),
                            C::ONE.div(C::ONE.sub(z.mul(z)).sqrt()).neg(),
                        ),
                        Func::Atan => (z.atan(), C::ONE.div(C::ONE.add(z.mul(z)))),
                    };
                    Dual {
                        v: Some(v),
                        d: if a.konst { ZERO } else { dv.mul(a.d) },
                        konst: a.konst,
                    }
                }
                Op::Integral => {
                    let f = st.pop()?;
                    Dual {
                        v: None,
                        d: f.v?,
                        konst: false,
                    }
                }
                Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Pow => {
                    let b = st.pop()?;
                    let a = st.pop()?;
                    binary(op, a, b)?
                }
            };
            if !r.d.is_finite() || r.v.is_some_and(|v| !v.is_finite()) {
                return None;
            }
            st.push(r);
        }
        let top = st.pop()?;
        Some((top.v, top.d))
    }
}

fn known(a: &Dual) -> Option<C> {
    a.v
}

fn binary(op: &Op, a: Dual, b: Dual) -> Option<Dual> {
    let konst = a.konst && b.konst;
    let both = a.v.zip(b.v);
    Some(match op {
        Op::Add => Dual {
            v: both.map(|(x, y)| x.add(y)),
            d: a.d.add(b.d),
            konst,
        },
        Op::Sub => Dual {
            v: both.map(|(x, y)| x.sub(y)),
            d: a.d.sub(b.d),
            konst,
        },
        Op::Mul => {
            let d = if konst {
                ZERO
            } else if a.konst {
                known(&a)?.mul(b.d)
            } else if b.konst {
                a.d.mul(known(&b)?)
            } else {
                a.d.mul(known(&b)?).add(known(&a)?.mul(b.d))
            };
            Dual {
                v: both.map(|(x, y)| x.mul(y)),
                d,
                konst,
            }
        }
        Op::Div => {
            let y = known(&b)?;
            let d = if konst {
                ZERO
            } else if b.konst {
                a.d.div(y)
            } else {
                a.d.mul(y).sub(known(&a)?.mul(b.d)).div(y.mul(y))
            };
            Dual {
                v: a.v.map(|x| x.div(y)),
                d,
                konst,
            }
        }
        _ => {
            // Pow
            let (x, w) = (known(&a)?, known(&b)?);
            let v = x.powc(w);
            let d = if konst {
                ZERO
            } else if b.konst {
                // w * x**(w - 1) * dx
                w.mul(x.powc(w.sub(C::ONE))).mul(a.d)
            } else {
                // x**w * (dw * log(x) + w * dx / x)
                v.mul(b.d.mul(x.ln()).add(w.mul(a.d).div(x)))
            };
            Dual {
                v: Some(v),
                d,
                konst,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str, x: C) -> C {
        Program::parse(text, "x")
            .unwrap()
            .eval(x, &|_| C::ONE)
            .unwrap()
            .1
    }

    #[test]
    fn derivatives() {
        let x = C::new(0.7, 0.4);
        let close = |a: C, b: C| a.sub(b).abs() < 1e-12 * (1.0 + b.abs());
        assert!(close(d("x**3/3 + C", x), x.mul(x)));
        assert!(close(d("x*log(x) - x", x), x.ln()));
        assert!(close(d("sqrt(1 - x**2) + x*asin(x)", x), x.asin()));
        assert!(close(d("x*atan(x) - log(x**2 + 1)/2", x), x.atan()));
        assert!(close(
            d("2*Integral(x**2*sin(x), x)", x),
            x.mul(x).mul(x.sin()).mul(C::new(2.0, 0.0))
        ));
        assert!(close(d("E**x", x), x.exp()));
        assert!(close(
            d("-(2*x + 1)**(3/2)", x),
            C::new(-3.0, 0.0).mul(C::new(2.0, 0.0).mul(x).add(C::ONE).sqrt())
        ));
    }

    #[test]
    fn refusals() {
        for bad in [
            "x^2",
            "2x",
            "foo(x)",
            "S",
            "Integral(x, y)",
            "x +",
            "(x",
            "x,",
            "lambda",
        ] {
            assert!(Program::parse(bad, "x").is_err(), "{bad}");
        }
        assert_eq!(
            Program::parse(&"(".repeat(300), "x").unwrap_err(),
            Refused::Bounded
        );
    }
}
