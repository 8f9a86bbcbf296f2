//! `parse_expr(answer, local_dict)` evaluated to the sympy *expression* the
//! reference holds, for scorers that compare expressions (structural `==`)
//! or differentiate them: rationals, symbols, `+ - * / **` with integer
//! exponents and unary signs, `n!` and `n!!` of integers, under sympy's
//! automatic canonicalisation ([`crate::expr`]).
//!
//! Everything else the grammar accepts is [`Outcome::Unsupported`]: floats,
//! `I`, `nan`, `zoo` (and so division by zero), non-integer or symbolic
//! exponents, factorials of anything but a non-negative integer, `//`, `%`,
//! bitwise operators, comparisons, bools. `pi` and `E` are held as symbols
//! of those names (no answer can write a `Symbol('pi')`), which keeps every
//! identity sympy's automatic evaluation sees (`pi - pi` is `0`). The work
//! is bounded ([`MAX_EXPR_WORK`]; numbers past [`crate::expr::MAX_POW_BITS`]
//! bits): past it the answer is [`Outcome::Bounded`].

use super::lex::Name;
use super::syntax::Code;
use super::{lex, syntax, Outcome};
use crate::expr::{Expr, MAX_POW_BITS};
use crate::number::Rational;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// The budget of one evaluation, in expression nodes visited (each binary
/// operation is charged the size of its operands).
pub const MAX_EXPR_WORK: u64 = 1 << 21;

/// `parse_expr(text, local_dict={name: Symbol(name) for name in locals})`.
pub fn parse_expr(text: &str, locals: &[&str]) -> Result<Expr, Outcome> {
    let mut parser = syntax::Parser::new();
    lex::lex(pycompat::py_strip(text), locals, &mut |t| parser.push(t))?;
    let code = parser.finish()?;
    Eval { work: 0 }.run(code)
}

/// The size of an expression for the budget: its nodes, and a node per 64
/// bits of each number.
pub fn size(e: &Expr) -> u64 {
    match e {
        Expr::Num(r) => 1 + r.bits() / 64,
        Expr::Sym(_) => 1,
        Expr::Add(a) | Expr::Mul(a) => 1 + a.iter().map(size).sum::<u64>(),
        Expr::Pow(b, x) => 1 + size(b) + size(x),
        Expr::Func(_, a) => 1 + size(a),
    }
}

/// The most bits of any number inside `e`.
fn max_bits(e: &Expr) -> u64 {
    match e {
        Expr::Num(r) => r.bits(),
        Expr::Sym(_) => 0,
        Expr::Add(a) | Expr::Mul(a) => a.iter().map(max_bits).max().unwrap_or(0),
        Expr::Pow(b, x) => max_bits(b).max(max_bits(x)),
        Expr::Func(_, a) => max_bits(a),
    }
}

struct Eval {
    work: u64,
}

impl Eval {
    fn spend(&mut self, cost: u64) -> Result<(), Outcome> {
        self.work = self.work.saturating_add(cost);
        if self.work > MAX_EXPR_WORK {
            Err(Outcome::Bounded)
        } else {
            Ok(())
        }
    }

    fn num(&mut self, r: Rational) -> Result<Expr, Outcome> {
        if r.bits() > MAX_POW_BITS {
            return Err(Outcome::Bounded);
        }
        self.spend(1 + r.bits() / 64)?;
        Ok(Expr::Num(r))
    }

    fn run(&mut self, code: Vec<Code>) -> Result<Expr, Outcome> {
        let mut stack: Vec<Expr> = Vec::new();
        for c in code {
            let v = match c {
                Code::Int(n) => self.num(Rational::int(n))?,
                Code::Rat(r) => self.num(r)?,
                Code::RaiseWhenEvaluated => return Err(Outcome::Raise),
                Code::Float(..) => return Err(Outcome::Unsupported),
                Code::Symbol(name) => Expr::Sym(name),
                Code::Name(Name::Pi) => Expr::sym("pi"),
                Code::Name(Name::E) => Expr::sym("E"),
                Code::Name(_) => return Err(Outcome::Unsupported),
                Code::Unary(op) => {
                    let a = stack.pop().ok_or(Outcome::Raise)?;
                    self.spend(size(&a))?;
                    match op {
                        "-" => a.neg(),
                        "+" => a,
                        _ => return Err(Outcome::Unsupported),
                    }
                }
                Code::Bin(op) => {
                    let b = stack.pop().ok_or(Outcome::Raise)?;
                    let a = stack.pop().ok_or(Outcome::Raise)?;
                    self.binary(op, a, b)?
                }
                Code::CmpTest(..) | Code::CmpLast(_) => return Err(Outcome::Unsupported),
                Code::Fact(n) => {
                    let a = stack.pop().ok_or(Outcome::Raise)?;
                    self.factorial(n, &a)?
                }
            };
            stack.push(v);
        }
        match (stack.pop(), stack.is_empty()) {
            (Some(v), true) => Ok(v),
            _ => Err(Outcome::Raise),
        }
    }

    fn binary(&mut self, op: &str, a: Expr, b: Expr) -> Result<Expr, Outcome> {
        self.spend(size(&a) + size(&b))?;
        let out = match op {
            "+" => a.add(&b),
            "-" => a.sub(&b),
            "*" => a.mul(&b),
            "/" => {
                if b.is_zero() {
                    // `zoo`.
                    return Err(Outcome::Unsupported);
                }
                self.check_pow(&b, &BigInt::from(-1))?;
                a.div(&b)
            }
            "**" => {
                let e = match &b {
                    Expr::Num(r) if r.is_integer() => r.numer().clone(),
                    _ => return Err(Outcome::Unsupported),
                };
                if a.is_zero() && e.is_negative() {
                    return Err(Outcome::Unsupported);
                }
                self.check_pow(&a, &e)?;
                a.pow(&b)
            }
            _ => return Err(Outcome::Unsupported),
        };
        if max_bits(&out) > MAX_POW_BITS {
            return Err(Outcome::Bounded);
        }
        Ok(out)
    }

    /// Refuses a power whose numbers would outgrow what symlite evaluates
    /// (it would leave `Pow(2, 100000)` unevaluated where sympy computes).
    fn check_pow(&mut self, base: &Expr, e: &BigInt) -> Result<(), Outcome> {
        let bits = max_bits(base);
        if bits > 1 {
            let n = e.abs().to_u64().ok_or(Outcome::Bounded)?;
            if bits.saturating_mul(n) > MAX_POW_BITS {
                return Err(Outcome::Bounded);
            }
        }
        // An exponent that could not be an i64 makes printing and ordering
        // (`decompose_power`) approximate; the reference takes it, rgym does not.
        if e.to_i64().is_none() {
            return Err(Outcome::Bounded);
        }
        Ok(())
    }

    /// `factorial(n)` / `factorial2(n)` of a non-negative integer.
    fn factorial(&mut self, kind: u8, a: &Expr) -> Result<Expr, Outcome> {
        let n = match a {
            Expr::Num(r) if r.is_integer() && !r.is_negative() => {
                r.numer().to_u64().ok_or(Outcome::Bounded)?
            }
            _ => return Err(Outcome::Unsupported),
        };
        // n! has about n*log2(n) bits.
        if n > 5000 {
            return Err(Outcome::Bounded);
        }
        let step = u64::from(kind.max(1));
        let mut acc = BigInt::one();
        let mut k = n;
        while k > 1 {
            acc *= k;
            k -= step;
        }
        self.spend(n)?;
        if acc.is_zero() {
            return Err(Outcome::Raise);
        }
        self.num(Rational::int(acc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sstr;

    fn p(s: &str) -> Result<String, Outcome> {
        parse_expr(s, &[]).map(|e| sstr(&e))
    }

    #[test]
    fn canonical_expressions() {
        assert_eq!(p("x*x + 2*x + 1"), Ok("x**2 + 2*x + 1".into()));
        assert_eq!(p("(x+1)**2"), Ok("(x + 1)**2".into()));
        assert_eq!(p("2*(x+1)"), Ok("2*x + 2".into()));
        assert_eq!(p("x/x"), Ok("1".into()));
        assert_eq!(p("pi - pi + 3!"), Ok("6".into()));
        assert_eq!(p("x**(1/2)"), Err(Outcome::Unsupported));
        assert_eq!(p("x/0"), Err(Outcome::Unsupported));
        assert_eq!(p("2.5*x"), Err(Outcome::Unsupported));
        assert_eq!(p("2x"), Err(Outcome::Raise));
        assert_eq!(p("2**100000"), Err(Outcome::Bounded));
        assert_eq!(p("(2*x)**70000"), Err(Outcome::Bounded));
        assert_eq!(
            parse_expr("E + C", &["E", "C"]).map(|e| sstr(&e)),
            Ok("C + E".into())
        );
    }

    #[test]
    fn hostile_answers_are_bounded() {
        let start = std::time::Instant::now();
        let long: String = (0..200_000).map(|i| format!("x{i}+")).collect::<String>() + "1";
        assert!(parse_expr(&long, &[]).is_err());
        let long = "(x+1)*".repeat(100_000) + "1";
        assert!(parse_expr(&long, &[]).is_err());
        assert!(parse_expr("9**9**9", &[]).is_err());
        assert!(start.elapsed().as_millis() < 3000);
    }
}
