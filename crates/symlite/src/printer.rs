//! sympy's `StrPrinter` (`str(expr)`) for the classes of [`Expr`].

use crate::expr::{keep_coeff, Expr};
use crate::number::Rational;
use crate::order::{as_ordered_factors, as_ordered_terms};

const PREC_ADD: u32 = 40;
const PREC_MUL: u32 = 50;
const PREC_POW: u32 = 60;
const PREC_FUNC: u32 = 70;
const PREC_ATOM: u32 = 1000;

/// `printing.precedence.precedence`.
fn precedence(e: &Expr) -> u32 {
    match e {
        Expr::Num(r) if r.is_negative() => PREC_ADD,
        Expr::Num(r) if r.is_integer() => PREC_ATOM,
        Expr::Num(_) => PREC_MUL,
        Expr::Sym(_) => PREC_ATOM,
        Expr::Add(_) => PREC_ADD,
        Expr::Mul(_) => {
            if could_extract_minus_sign(e) {
                PREC_ADD
            } else {
                PREC_MUL
            }
        }
        Expr::Pow(..) => PREC_POW,
        Expr::Func(..) => PREC_FUNC,
    }
}

/// `Mul.could_extract_minus_sign`: a negative leading number.
fn could_extract_minus_sign(e: &Expr) -> bool {
    match e {
        Expr::Mul(f) => matches!(&f[0], Expr::Num(c) if c.is_negative()),
        _ => false,
    }
}

/// `parenthesize(item, level, strict=False)`.
fn parenthesize(e: &Expr, level: u32) -> String {
    if precedence(e) <= level {
        format!("({})", sstr(e))
    } else {
        sstr(e)
    }
}

/// `str(expr)`.
pub fn sstr(e: &Expr) -> String {
    match e {
        Expr::Num(r) => r.to_string(),
        Expr::Sym(s) => s.to_string(),
        Expr::Add(_) => print_add(e),
        Expr::Mul(_) => print_mul(e),
        Expr::Pow(b, x) => print_pow(b, x),
        // `_print_Function`: the name and the argument, printed whole.
        Expr::Func(name, a) => format!("{name}({})", sstr(a)),
    }
}

fn print_add(e: &Expr) -> String {
    let prec = precedence(e);
    let mut l: Vec<String> = Vec::new();
    for term in as_ordered_terms(e) {
        let mut t = sstr(&term);
        let is_add = matches!(term, Expr::Add(_));
        let sign = if t.starts_with('-') && !is_add {
            t.remove(0);
            "-"
        } else {
            "+"
        };
        l.push(sign.to_string());
        if precedence(&term) < prec || is_add {
            l.push(format!("({t})"));
        } else {
            l.push(t);
        }
    }
    let sign = l.remove(0);
    let sign = if sign == "+" { "" } else { "-" };
    format!("{sign}{}", l.join(" "))
}

fn print_mul(e: &Expr) -> String {
    let prec = precedence(e);
    let (c, rest) = e.as_coeff_mul();
    let (expr, sign) = if c.is_negative() {
        (keep_coeff(&c.neg(), &rest), "-")
    } else {
        (e.clone(), "")
    };
    let mut a: Vec<Expr> = Vec::new();
    let mut b: Vec<Expr> = Vec::new();
    for item in as_ordered_factors(&expr) {
        match &item {
            Expr::Pow(base, x) if x.as_coeff_mul().0.is_negative() => {
                if x.as_num().is_some_and(Rational::is_minus_one) {
                    b.push((**base).clone());
                } else {
                    // apow: the exponent with its leading sign flipped.
                    let mut eargs = x.mul_args();
                    if eargs[0].as_num().is_some_and(Rational::is_minus_one) {
                        eargs.remove(0);
                    } else if let Expr::Num(n) = &eargs[0] {
                        eargs[0] = Expr::Num(n.neg());
                    }
                    let ex = crate::expr::from_mul_args(eargs);
                    b.push(Expr::Pow(base.clone(), Box::new(ex)));
                }
            }
            Expr::Num(r) => {
                if !r.numer().is_one_value() {
                    a.push(Expr::int(r.numer().clone()));
                }
                if !r.denom().is_one_value() {
                    b.push(Expr::int(r.denom().clone()));
                }
            }
            _ => a.push(item.clone()),
        }
    }
    if a.is_empty() {
        a.push(Expr::int(1));
    }
    let a_str: Vec<String> = a.iter().map(|x| parenthesize(x, prec)).collect();
    let b_str: Vec<String> = b.iter().map(|x| parenthesize(x, prec)).collect();
    match b_str.len() {
        0 => format!("{sign}{}", a_str.join("*")),
        1 => format!("{sign}{}/{}", a_str.join("*"), b_str[0]),
        _ => format!("{sign}{}/({})", a_str.join("*"), b_str.join("*")),
    }
}

fn print_pow(b: &Expr, x: &Expr) -> String {
    let half = Rational::new(1.into(), 2.into()).expect("2 != 0");
    if let Expr::Num(n) = x {
        if *n == half {
            return format!("sqrt({})", sstr(b));
        }
        if *n == half.neg() {
            return format!("1/sqrt({})", sstr(b));
        }
        if n.is_minus_one() {
            return format!("1/{}", parenthesize(b, PREC_POW));
        }
    }
    format!(
        "{}**{}",
        parenthesize(b, PREC_POW),
        parenthesize(x, PREC_POW)
    )
}

trait IsOneValue {
    fn is_one_value(&self) -> bool;
}

impl IsOneValue for num_bigint::BigInt {
    fn is_one_value(&self) -> bool {
        num_traits::One::is_one(self)
    }
}
