//! Expanded Laurent polynomials with rational coefficients over named
//! symbols: the normal form in which an expression of `+ - * /` and integer
//! powers is identically zero exactly when all its coefficients are, which
//! is what the reference's `simplify(expr) == 0` decides for such
//! expressions. Expansion is bounded ([`MAX_TERMS`], [`MAX_WORK`],
//! [`crate::expr::MAX_POW_BITS`] per coefficient).

use crate::expr::{Expr, MAX_POW_BITS};
use crate::number::Rational;
use crate::parse::Outcome;
use num_traits::ToPrimitive;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The most terms an expansion may hold.
pub const MAX_TERMS: usize = 1 << 12;
/// The most term products one expansion may compute.
pub const MAX_WORK: u64 = 1 << 16;

/// A monomial: `(symbol, exponent)` by symbol name, no zero exponent.
pub type Monomial = Vec<(Rc<str>, i64)>;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Laurent {
    terms: BTreeMap<Monomial, Rational>,
}

fn mono_mul(a: &Monomial, b: &Monomial) -> Result<Monomial, Outcome> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let pick = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) => x.0.cmp(&y.0),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match pick {
            std::cmp::Ordering::Less => {
                out.push(a[i].clone());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j].clone());
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                let e = a[i].1.checked_add(b[j].1).ok_or(Outcome::Bounded)?;
                if e != 0 {
                    out.push((a[i].0.clone(), e));
                }
                i += 1;
                j += 1;
            }
        }
    }
    Ok(out)
}

fn check_coeff(c: &Rational) -> Result<(), Outcome> {
    if c.bits() > MAX_POW_BITS {
        Err(Outcome::Bounded)
    } else {
        Ok(())
    }
}

struct Budget {
    spent: u64,
    max_work: u64,
    max_terms: usize,
}

impl Budget {
    /// The bounds for an answer ([`MAX_WORK`], [`MAX_TERMS`]).
    fn answer() -> Budget {
        Budget {
            spent: 0,
            max_work: MAX_WORK,
            max_terms: MAX_TERMS,
        }
    }

    fn spend(&mut self, n: u64) -> Result<(), Outcome> {
        self.spent = self.spent.saturating_add(n);
        if self.spent > self.max_work {
            Err(Outcome::Bounded)
        } else {
            Ok(())
        }
    }
}

impl Laurent {
    pub fn constant(c: Rational) -> Laurent {
        let mut terms = BTreeMap::new();
        if !c.is_zero() {
            terms.insert(Vec::new(), c);
        }
        Laurent { terms }
    }

    fn symbol(name: Rc<str>) -> Laurent {
        let mut terms = BTreeMap::new();
        terms.insert(vec![(name, 1)], Rational::one());
        Laurent { terms }
    }

    pub fn is_zero(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn terms(&self) -> impl Iterator<Item = (&Monomial, &Rational)> {
        self.terms.iter()
    }

    /// The expansion of `e`; `Unsupported` for a power that is not an
    /// integer power, or a negative power of more than one term.
    pub fn from_expr(e: &Expr) -> Result<Laurent, Outcome> {
        Laurent::expand(e, &mut Budget::answer())
    }

    /// [`Laurent::from_expr`] without the bounds on terms and work, for
    /// expressions a generator built under its own item-size rule.
    pub fn from_expr_unbounded(e: &Expr) -> Result<Laurent, Outcome> {
        let mut budget = Budget {
            spent: 0,
            max_work: u64::MAX,
            max_terms: usize::MAX,
        };
        Laurent::expand(e, &mut budget)
    }

    fn expand(e: &Expr, budget: &mut Budget) -> Result<Laurent, Outcome> {
        budget.spend(1)?;
        match e {
            Expr::Num(r) => Ok(Laurent::constant(r.clone())),
            Expr::Sym(s) => Ok(Laurent::symbol(s.clone())),
            Expr::Add(t) => {
                let mut acc = Laurent::default();
                for a in t {
                    acc = acc.add(&Laurent::expand(a, budget)?, budget)?;
                }
                Ok(acc)
            }
            Expr::Mul(f) => {
                let mut acc = Laurent::constant(Rational::one());
                for a in f {
                    acc = acc.mul(&Laurent::expand(a, budget)?, budget)?;
                }
                Ok(acc)
            }
            Expr::Pow(b, x) => {
                let n = match &**x {
                    Expr::Num(r) if r.is_integer() => r.numer().to_i64().ok_or(Outcome::Bounded)?,
                    _ => return Err(Outcome::Unsupported),
                };
                let b = Laurent::expand(b, budget)?;
                b.pow(n, budget)
            }
            Expr::Func(..) => Err(Outcome::Unsupported),
        }
    }

    fn add(&self, o: &Laurent, budget: &mut Budget) -> Result<Laurent, Outcome> {
        budget.spend(o.terms.len() as u64)?;
        let mut out = self.clone();
        for (m, c) in &o.terms {
            let sum = match out.terms.get(m) {
                Some(x) => x.add(c),
                None => c.clone(),
            };
            check_coeff(&sum)?;
            if sum.is_zero() {
                out.terms.remove(m);
            } else {
                out.terms.insert(m.clone(), sum);
            }
        }
        if out.terms.len() > budget.max_terms {
            return Err(Outcome::Bounded);
        }
        Ok(out)
    }

    /// `self - o`.
    pub fn sub(&self, o: &Laurent) -> Result<Laurent, Outcome> {
        let neg = Laurent {
            terms: o.terms.iter().map(|(m, c)| (m.clone(), c.neg())).collect(),
        };
        self.add(&neg, &mut Budget::answer())
    }

    fn mul(&self, o: &Laurent, budget: &mut Budget) -> Result<Laurent, Outcome> {
        // Each term product costs a unit plus its coefficients' limbs.
        let limbs = |l: &Laurent| l.terms.values().map(|c| 1 + c.bits() / 64).sum::<u64>();
        budget.spend(limbs(self).saturating_mul(limbs(o)))?;
        let mut out: BTreeMap<Monomial, Rational> = BTreeMap::new();
        for (ma, ca) in &self.terms {
            for (mb, cb) in &o.terms {
                let m = mono_mul(ma, mb)?;
                let c = ca.mul(cb);
                let sum = match out.get(&m) {
                    Some(x) => x.add(&c),
                    None => c,
                };
                check_coeff(&sum)?;
                if sum.is_zero() {
                    out.remove(&m);
                } else {
                    out.insert(m, sum);
                }
            }
            if out.len() > budget.max_terms {
                return Err(Outcome::Bounded);
            }
        }
        Ok(Laurent { terms: out })
    }

    fn pow(&self, n: i64, budget: &mut Budget) -> Result<Laurent, Outcome> {
        if n < 0 {
            // Only a single term inverts into a Laurent polynomial.
            let [(m, c)] = self.terms.iter().collect::<Vec<_>>()[..] else {
                return Err(Outcome::Unsupported);
            };
            let inv = Laurent {
                terms: BTreeMap::from([(
                    m.iter().map(|(s, e)| (s.clone(), -e)).collect(),
                    c.recip().ok_or(Outcome::Unsupported)?,
                )]),
            };
            return inv.pow(n.checked_neg().ok_or(Outcome::Bounded)?, budget);
        }
        if self.terms.len() == 1 {
            // A monomial: no expansion, so no budget beyond its size.
            let (m, c) = self.terms.iter().next().expect("one term");
            let n32 = u32::try_from(n).map_err(|_| Outcome::Bounded)?;
            if c.bits().saturating_mul(u64::from(n32)) > MAX_POW_BITS * 2 {
                return Err(Outcome::Bounded);
            }
            let c = c
                .pow_int(&n.into(), MAX_POW_BITS)
                .map_err(|_| Outcome::Bounded)?;
            let m = m
                .iter()
                .map(|(s, e)| Ok((s.clone(), e.checked_mul(n).ok_or(Outcome::Bounded)?)))
                .collect::<Result<Monomial, Outcome>>()?;
            return Ok(Laurent {
                terms: if n == 0 {
                    BTreeMap::from([(Vec::new(), Rational::one())])
                } else {
                    BTreeMap::from([(m, c)])
                },
            });
        }
        // A power of two or more terms has at least n + 1 terms (the
        // vertices of its Newton polytope never cancel).
        if n >= i64::try_from(budget.max_terms).unwrap_or(i64::MAX) {
            return Err(Outcome::Bounded);
        }
        let mut acc = Laurent::constant(Rational::one());
        for _ in 0..n {
            acc = acc.mul(self, budget)?;
        }
        Ok(acc)
    }

    /// The expanded expression sympy's `expand` gives: the sum of the
    /// terms, each `coefficient * x**e * ...`, through the automatic
    /// canonicalisation.
    pub fn to_expr(&self) -> Expr {
        let terms = self
            .terms
            .iter()
            .map(|(m, c)| {
                let mut factors = vec![Expr::Num(c.clone())];
                factors.extend(
                    m.iter()
                        .map(|(s, e)| Expr::Sym(s.clone()).pow(&Expr::int(*e))),
                );
                crate::expr::mul_flatten(factors)
            })
            .collect();
        crate::expr::add_flatten(terms)
    }

    /// `d/dx`, term by term.
    pub fn diff(&self, x: &str) -> Result<Laurent, Outcome> {
        let mut out = BTreeMap::new();
        for (m, c) in &self.terms {
            let Some(k) = m.iter().position(|(s, _)| &**s == x) else {
                continue;
            };
            let e = m[k].1;
            let mut dm = m.clone();
            let e1 = e.checked_sub(1).ok_or(Outcome::Bounded)?;
            if e1 == 0 {
                dm.remove(k);
            } else {
                dm[k].1 = e1;
            }
            let dc = c.mul(&Rational::int(e));
            check_coeff(&dc)?;
            out.insert(dm, dc);
        }
        Ok(Laurent { terms: out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_expr;

    fn l(s: &str) -> Result<Laurent, Outcome> {
        Laurent::from_expr(&parse_expr(s, &[])?)
    }

    #[test]
    fn expansion_and_derivative() {
        assert_eq!(l("(x+1)**2 - x**2 - 2*x - 1"), Ok(Laurent::default()));
        assert_eq!(l("(x**2 + x)/x"), l("x + 1"));
        assert_eq!(
            l("(x**3/3 + C)").unwrap().diff("x").unwrap(),
            l("x**2").unwrap()
        );
        assert_eq!(
            l("(x + 1)**3/3 + 5").unwrap().diff("x").unwrap(),
            l("x**2 + 2*x + 1").unwrap()
        );
        assert_eq!(l("1/(x + 1)"), Err(Outcome::Unsupported));
        assert_eq!(
            l("3/(2*x**3)").unwrap().diff("x").unwrap(),
            l("-9/(2*x**4)").unwrap()
        );
        assert_eq!(l("(x+y+z+1)**200"), Err(Outcome::Bounded));
        assert_eq!(l("x**(10**18)*x**(10**18)*x**(10**18)*x**(10**18)*x**(10**18)*x**(10**18)*x**(10**18)*x**(10**18)*x**(10**18)*x**(10**18)"), Err(Outcome::Bounded));
    }
}
