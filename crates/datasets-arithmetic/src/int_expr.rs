//! Python's `eval` on generated integer expressions: big integers, `+ - * /`
//! with `/` read as `//` (floor division, as reasoning-gym's
//! `eval(exp.replace("/", "//"))`), unary minus and parentheses, with Python's
//! precedence (unary minus binds tighter than `*` and `//`).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::Zero;

/// Why Python's `eval` would raise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EvalError {
    /// `ZeroDivisionError`.
    ZeroDivision,
    /// `SyntaxError`: not an expression of this grammar.
    Syntax,
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            EvalError::ZeroDivision => "integer division or modulo by zero",
            EvalError::Syntax => "invalid syntax",
        })
    }
}

/// `eval(expr.replace("/", "//"))` for an expression of integers.
pub(crate) fn eval_floordiv(expr: &str) -> Result<BigInt, EvalError> {
    let mut p = Parser {
        s: expr.as_bytes(),
        pos: 0,
    };
    let v = p.sum()?;
    p.skip_space();
    if p.pos == p.s.len() {
        Ok(v)
    } else {
        Err(EvalError::Syntax)
    }
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self.s.get(self.pos) == Some(&b' ') {
            self.pos += 1;
        }
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_space();
        self.s.get(self.pos).copied()
    }

    fn sum(&mut self) -> Result<BigInt, EvalError> {
        let mut acc = self.product()?;
        while let Some(op @ (b'+' | b'-')) = self.peek() {
            self.pos += 1;
            let rhs = self.product()?;
            if op == b'+' {
                acc += rhs;
            } else {
                acc -= rhs;
            }
        }
        Ok(acc)
    }

    fn product(&mut self) -> Result<BigInt, EvalError> {
        let mut acc = self.factor()?;
        while let Some(op @ (b'*' | b'/')) = self.peek() {
            self.pos += 1;
            if op == b'/' && self.s.get(self.pos) == Some(&b'/') {
                self.pos += 1;
            }
            let rhs = self.factor()?;
            if op == b'*' {
                acc *= rhs;
            } else if rhs.is_zero() {
                return Err(EvalError::ZeroDivision);
            } else {
                acc = acc.div_floor(&rhs);
            }
        }
        Ok(acc)
    }

    fn factor(&mut self) -> Result<BigInt, EvalError> {
        match self.peek() {
            Some(b'-') => {
                self.pos += 1;
                Ok(-self.factor()?)
            }
            Some(b'+') => {
                self.pos += 1;
                self.factor()
            }
            Some(b'(') => {
                self.pos += 1;
                let v = self.sum()?;
                if self.peek() != Some(b')') {
                    return Err(EvalError::Syntax);
                }
                self.pos += 1;
                Ok(v)
            }
            Some(c) if c.is_ascii_digit() => {
                let start = self.pos;
                while self.s.get(self.pos).is_some_and(u8::is_ascii_digit) {
                    self.pos += 1;
                }
                let digits = &self.s[start..self.pos];
                // Python rejects "012"; generated numbers never have leading zeros.
                if digits.len() > 1 && digits[0] == b'0' && digits.iter().any(|&d| d != b'0') {
                    return Err(EvalError::Syntax);
                }
                BigInt::parse_bytes(digits, 10).ok_or(EvalError::Syntax)
            }
            _ => Err(EvalError::Syntax),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(s: &str) -> Result<i64, EvalError> {
        eval_floordiv(s).map(|v| i64::try_from(v).unwrap())
    }

    #[test]
    fn python_semantics() {
        // Values of eval(s.replace("/", "//")) in CPython.
        assert_eq!(ev("-7 / 2"), Ok(-4));
        assert_eq!(ev("7 / -2"), Ok(-4));
        assert_eq!(ev("-(3 + 4) * 5 / 2"), Ok(-18));
        assert_eq!(ev("2 - -3"), Ok(5));
        assert_eq!(ev("2--3*-4"), Ok(-10));
        assert_eq!(ev("-3 * 2 / 4"), Ok(-2));
        assert_eq!(ev("10 / 3 * 3"), Ok(9));
        assert_eq!(ev(" ( 1+2 ) "), Ok(3));
        assert_eq!(ev("8 / (1 + -1)"), Err(EvalError::ZeroDivision));
        assert_eq!(ev("1 +"), Err(EvalError::Syntax));
        assert_eq!(ev("(1"), Err(EvalError::Syntax));
        let big = eval_floordiv("99999999999 * 99999999999 * 99999999999").unwrap();
        assert_eq!(big.to_string(), "999999999970000000000299999999999");
    }
}
