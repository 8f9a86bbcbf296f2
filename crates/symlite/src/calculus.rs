//! `sympy.diff` for the expression classes symlite builds: the derivative
//! each class's `_eval_derivative` returns, through the same automatic
//! canonicalisation.

use crate::expr::{add_flatten, Expr};

/// `diff(e, x)`; `None` for a power with a non-numeric exponent, whose
/// derivative needs `log`.
pub fn diff(e: &Expr, x: &str) -> Option<Expr> {
    Some(match e {
        Expr::Num(_) => Expr::int(0),
        Expr::Sym(s) => Expr::int(i32::from(&**s == x)),
        // `Add._eval_derivative`: the terms' derivatives, summed.
        Expr::Add(t) => add_flatten(t.iter().map(|a| diff(a, x)).collect::<Option<_>>()?),
        // `Mul._eval_derivative`: the product rule, each factor's
        // derivative in its place, multiplied left to right.
        Expr::Mul(f) => {
            let mut terms = Vec::new();
            for i in 0..f.len() {
                let d = diff(&f[i], x)?;
                if d.is_zero() {
                    continue;
                }
                let mut acc = Expr::int(1);
                for (j, a) in f.iter().enumerate() {
                    acc = acc.mul(if i == j { &d } else { a });
                }
                terms.push(acc);
            }
            add_flatten(terms)
        }
        // `Pow._eval_derivative` with a constant exponent:
        // `self * (dbase * exp / base)`.
        Expr::Pow(b, n) => {
            if !n.is_num() {
                return None;
            }
            let db = diff(b, x)?;
            e.mul(&db.mul(n).div(b))
        }
        // The chain rule through a function is not modelled: no dataset
        // differentiates one symbolically (intermediate_integration's
        // scorer differentiates numerically).
        Expr::Func(..) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::Rational;
    use crate::sstr;

    #[test]
    fn laurent_polynomials() {
        let x = Expr::sym("x");
        let c = |p: i64, q: i64| Expr::Num(Rational::new(p.into(), q.into()).unwrap());
        let p = c(3, 2)
            .mul(&x.pow(&Expr::int(-2)))
            .add(&c(1, 3).mul(&x.pow(&Expr::int(3))))
            .sub(&Expr::int(7).mul(&x))
            .add(&Expr::int(5));
        assert_eq!(sstr(&p), "x**3/3 - 7*x + 5 + 3/(2*x**2)");
        assert_eq!(sstr(&diff(&p, "x").unwrap()), "x**2 - 7 - 3/x**3");
        assert_eq!(sstr(&diff(&p, "y").unwrap()), "0");
    }
}
