//! Expressions and sympy's automatic canonicalisation (`Add.flatten`,
//! `Mul.flatten`, `Pow.__new__`) for the classes rgym's datasets build.
//!
//! Every constructor returns the canonical form sympy's evaluating
//! constructor returns; the arguments of an `Add` and a `Mul` are kept with
//! the number (if any) first and the rest in [`crate::order::sort_key`]
//! order, so two canonical expressions are equal exactly when sympy's are.

use crate::number::Rational;
use crate::order::sort_key;
use num_bigint::BigInt;
use std::rc::Rc;

/// The largest numerator or denominator (in bits) an automatic evaluation
/// of `Number**Integer` may produce; past it the power stays unevaluated.
pub const MAX_POW_BITS: u64 = 1 << 16;

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Expr {
    /// sympy `Integer` / `Rational`.
    Num(Rational),
    /// sympy `Symbol` (commutative, no assumptions).
    Sym(Rc<str>),
    /// `Add`: at least two terms, the number (if any) first.
    Add(Vec<Expr>),
    /// `Mul`: at least two factors, the coefficient (if any, never 1) first.
    Mul(Vec<Expr>),
    /// `Pow(base, exp)`.
    Pow(Box<Expr>, Box<Expr>),
    /// A one-argument function application (`sin(x)`, `exp(x)`,
    /// `asin(2*x)`), built by [`Expr::apply`]; its name is sympy's class
    /// name, which is what sympy prints and sorts by.
    Func(Rc<str>, Box<Expr>),
}

impl Expr {
    pub fn int<T: Into<BigInt>>(n: T) -> Expr {
        Expr::Num(Rational::int(n))
    }

    pub fn rational(r: Rational) -> Expr {
        Expr::Num(r)
    }

    pub fn sym(name: &str) -> Expr {
        Expr::Sym(Rc::from(name))
    }

    pub fn as_num(&self) -> Option<&Rational> {
        match self {
            Expr::Num(r) => Some(r),
            _ => None,
        }
    }

    pub fn is_num(&self) -> bool {
        matches!(self, Expr::Num(_))
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, Expr::Num(r) if r.is_zero())
    }

    pub fn is_one(&self) -> bool {
        matches!(self, Expr::Num(r) if r.is_one())
    }

    /// `Python a + b`: `Add(a, b)`.
    pub fn add(&self, other: &Expr) -> Expr {
        add_flatten(vec![self.clone(), other.clone()])
    }

    /// `Python a - b`: `Add(a, -b)`.
    pub fn sub(&self, other: &Expr) -> Expr {
        add_flatten(vec![self.clone(), other.neg()])
    }

    /// `Python a * b`: `Mul(a, b)`.
    pub fn mul(&self, other: &Expr) -> Expr {
        mul_flatten(vec![self.clone(), other.clone()])
    }

    /// `Python a / b`: `Mul(a, Pow(b, -1))` (`Pow(b, -1)` alone for `a = 1`).
    pub fn div(&self, other: &Expr) -> Expr {
        let denom = pow(other, &Expr::int(-1));
        if self.is_one() {
            denom
        } else {
            mul_flatten(vec![self.clone(), denom])
        }
    }

    /// `Python a ** b`.
    pub fn pow(&self, exp: &Expr) -> Expr {
        pow(self, exp)
    }

    /// `-a`: `Expr.__neg__` is the raw `Mul(-1, a)`, `Add.__neg__` negates
    /// every term, `Mul.__neg__` negates the coefficient.
    pub fn neg(&self) -> Expr {
        match self {
            Expr::Num(r) => Expr::Num(r.neg()),
            Expr::Add(terms) => add_flatten(terms.iter().map(Expr::neg).collect()),
            Expr::Mul(f) => {
                let mut f = f.clone();
                if let Expr::Num(c) = &f[0] {
                    let c = c.neg();
                    if c.is_one() {
                        f.remove(0);
                        if f.len() == 1 {
                            return f.pop().expect("one factor");
                        }
                    } else {
                        f[0] = Expr::Num(c);
                    }
                } else {
                    f.insert(0, Expr::int(-1));
                }
                Expr::Mul(f)
            }
            _ => Expr::Mul(vec![Expr::int(-1), self.clone()]),
        }
    }

    /// `as_coeff_Mul()`: the leading number of a `Mul` and the rest.
    pub fn as_coeff_mul(&self) -> (Rational, Expr) {
        match self {
            Expr::Num(r) => (r.clone(), Expr::int(1)),
            Expr::Mul(f) => match &f[0] {
                Expr::Num(c) => (c.clone(), from_mul_args(f[1..].to_vec())),
                _ => (Rational::one(), self.clone()),
            },
            _ => (Rational::one(), self.clone()),
        }
    }

    /// `as_base_exp()`.
    pub fn as_base_exp(&self) -> (Expr, Expr) {
        match self {
            Expr::Pow(b, e) => ((**b).clone(), (**e).clone()),
            _ => (self.clone(), Expr::int(1)),
        }
    }

    /// `is_number`: no symbol anywhere inside.
    pub fn is_number(&self) -> bool {
        match self {
            Expr::Num(_) => true,
            Expr::Sym(_) => false,
            Expr::Add(v) | Expr::Mul(v) => v.iter().all(Expr::is_number),
            Expr::Pow(b, e) => b.is_number() && e.is_number(),
            Expr::Func(_, a) => a.is_number(),
        }
    }

    /// `f(arg)` for sympy's function class named `name`, with the part of
    /// its `eval` that the arguments rgym builds reach: `sin` is odd and
    /// `cos` even, so a minus sign that `could_extract_minus_sign` finds in
    /// the argument comes out of `sin` and is dropped by `cos`
    /// (`sin(2 - 3*x)` is `-sin(3*x - 2)`). Every other name (and every
    /// undefined `Function(name)`) is applied as it is: rgym never builds
    /// an argument on which those evaluate (`exp(0)`, `log(1)`,
    /// `asin(-x)`).
    pub fn apply(name: &str, arg: &Expr) -> Expr {
        if matches!(name, "sin" | "cos") && could_extract_minus_sign(arg) {
            let inner = Expr::Func(Rc::from(name), Box::new(arg.neg()));
            return if name == "sin" { inner.neg() } else { inner };
        }
        Expr::Func(Rc::from(name), Box::new(arg.clone()))
    }

    /// `Add.make_args`.
    pub fn add_args(&self) -> Vec<Expr> {
        match self {
            Expr::Add(t) => t.clone(),
            _ => vec![self.clone()],
        }
    }

    /// `Mul.make_args`.
    pub fn mul_args(&self) -> Vec<Expr> {
        match self {
            Expr::Mul(f) => f.clone(),
            _ => vec![self.clone()],
        }
    }

    /// `expr.subs({sym: value, ...})` followed by evaluation, when every
    /// symbol is given a number: the exact rational value, or `None` when a
    /// symbol is missing, a division by zero happens or a power is too big.
    pub fn eval_rational(&self, value_of: &dyn Fn(&str) -> Option<Rational>) -> Option<Rational> {
        match self {
            Expr::Num(r) => Some(r.clone()),
            Expr::Sym(s) => value_of(s),
            Expr::Add(t) => {
                let mut acc = Rational::zero();
                for x in t {
                    acc = acc.add(&x.eval_rational(value_of)?);
                }
                Some(acc)
            }
            Expr::Mul(f) => {
                let mut acc = Rational::one();
                for x in f {
                    acc = acc.mul(&x.eval_rational(value_of)?);
                }
                Some(acc)
            }
            Expr::Func(..) => None,
            Expr::Pow(b, e) => {
                let b = b.eval_rational(value_of)?;
                let e = e.eval_rational(value_of)?;
                if !e.is_integer() {
                    return None;
                }
                b.pow_int(e.numer(), MAX_POW_BITS).ok()
            }
        }
    }
}

/// `could_extract_minus_sign()`: a negative number, a `Mul` with a
/// negative coefficient, or an `Add` with more such terms than others
/// (on a tie, the one of `self` and `-self` whose `sort_key` is smaller:
/// `x - 1`, not `1 - x`), as `sympy.core.add._could_extract_minus_sign`.
pub fn could_extract_minus_sign(e: &Expr) -> bool {
    match e {
        Expr::Num(r) => r.is_negative(),
        Expr::Mul(f) => matches!(&f[0], Expr::Num(c) if c.is_negative()),
        Expr::Add(t) => {
            let negative = t.iter().filter(|a| could_extract_minus_sign(a)).count();
            let positive = t.len() - negative;
            if positive != negative {
                return positive < negative;
            }
            sort_key(e) < sort_key(&e.neg())
        }
        _ => false,
    }
}

/// `Mul._from_args`: no evaluation; one factor is itself, none is 1.
pub fn from_mul_args(mut f: Vec<Expr>) -> Expr {
    match f.len() {
        0 => Expr::int(1),
        1 => f.pop().expect("one factor"),
        _ => Expr::Mul(f),
    }
}

/// `Add._from_args`.
pub fn from_add_args(mut t: Vec<Expr>) -> Expr {
    match t.len() {
        0 => Expr::int(0),
        1 => t.pop().expect("one term"),
        _ => Expr::Add(t),
    }
}

/// `_keep_coeff(coeff, factors)` (clear=True, sign=False).
pub fn keep_coeff(coeff: &Rational, factors: &Expr) -> Expr {
    if factors.is_one() {
        return Expr::Num(coeff.clone());
    }
    if coeff.is_one() {
        return factors.clone();
    }
    if coeff.is_minus_one() {
        return factors.neg();
    }
    match factors {
        Expr::Add(_) => Expr::Mul(vec![Expr::Num(coeff.clone()), factors.clone()]),
        Expr::Mul(f) => {
            let mut m = f.clone();
            if let Expr::Num(c) = &m[0] {
                let c = c.mul(coeff);
                if c.is_one() {
                    m.remove(0);
                } else {
                    m[0] = Expr::Num(c);
                }
            } else {
                m.insert(0, Expr::Num(coeff.clone()));
            }
            from_mul_args(m)
        }
        Expr::Num(r) => Expr::Num(coeff.mul(r)),
        _ => mul_flatten(vec![Expr::Num(coeff.clone()), factors.clone()]),
    }
}

/// What a flattening loop leaves where it took an argument out: an empty
/// `Add`, which allocates nothing and is never read again.
const HOLE: Expr = Expr::Add(Vec::new());

fn sort_args(v: &mut [Expr]) {
    if v.len() > 1 {
        v.sort_by_cached_key(sort_key);
    }
}

/// `Add(*seq)`.
pub fn add_flatten(seq: Vec<Expr>) -> Expr {
    // AssocOp drops the identity first.
    let mut seq: Vec<Expr> = seq.into_iter().filter(|e| !e.is_zero()).collect();
    if seq.len() <= 1 {
        return from_add_args(seq);
    }
    let mut coeff = Rational::zero();
    // s -> c, in first-seen order; a hash index only once there are many
    // terms (a linear search is cheaper for the few most sums have).
    let mut terms: Vec<(Expr, Rational)> = Vec::new();
    let mut index: Option<std::collections::HashMap<Expr, usize>> = None;
    let mut i = 0;
    while i < seq.len() {
        let o = std::mem::replace(&mut seq[i], HOLE);
        i += 1;
        match o {
            Expr::Num(r) => coeff = coeff.add(&r),
            Expr::Add(t) => seq.extend(t),
            _ => {
                let (c, s) = o.as_coeff_mul();
                if index.is_none() && terms.len() >= 16 {
                    index = Some(
                        terms
                            .iter()
                            .enumerate()
                            .map(|(k, (e, _))| (e.clone(), k))
                            .collect(),
                    );
                }
                let found = match &index {
                    Some(map) => map.get(&s).copied(),
                    None => terms.iter().position(|(e, _)| *e == s),
                };
                match found {
                    Some(k) => terms[k].1 = terms[k].1.add(&c),
                    None => {
                        if let Some(map) = &mut index {
                            map.insert(s.clone(), terms.len());
                        }
                        terms.push((s, c));
                    }
                }
            }
        }
    }
    let mut newseq = Vec::with_capacity(terms.len() + 1);
    for (s, c) in terms {
        if c.is_zero() {
            continue;
        }
        if c.is_one() {
            newseq.push(s);
        } else if let Expr::Mul(f) = &s {
            let mut m = Vec::with_capacity(f.len() + 1);
            m.push(Expr::Num(c));
            m.extend(f.iter().cloned());
            newseq.push(Expr::Mul(m));
        } else if matches!(s, Expr::Add(_)) {
            newseq.push(Expr::Mul(vec![Expr::Num(c), s]));
        } else {
            newseq.push(mul_flatten(vec![Expr::Num(c), s]));
        }
    }
    sort_args(&mut newseq);
    if !coeff.is_zero() {
        newseq.insert(0, Expr::Num(coeff));
    }
    from_add_args(newseq)
}

/// `Mul(*seq)`.
pub fn mul_flatten(seq: Vec<Expr>) -> Expr {
    let mut seq: Vec<Expr> = seq.into_iter().filter(|e| !e.is_one()).collect();
    if seq.len() <= 1 {
        return from_mul_args(seq);
    }
    if seq.len() == 2 {
        // The "2-arg hack": a rational times an Add (possibly with its own
        // coefficient) distributes or keeps `Mul(r, Add)`.
        if seq[1].is_num() {
            seq.swap(0, 1);
        }
        if let Expr::Num(a) = &seq[0] {
            if !a.is_zero() {
                let (r, b) = seq[1].as_coeff_mul();
                if let Expr::Add(bt) = &b {
                    if !r.is_one() {
                        return Expr::Mul(vec![Expr::Num(a.mul(&r)), b.clone()]);
                    }
                    return add_flatten(bt.iter().map(|bi| keep_coeff(a, bi)).collect());
                }
            }
        }
    }
    let mut coeff = Rational::one();
    let mut c_powers: Vec<(Expr, Expr)> = Vec::new();
    let mut i = 0;
    while i < seq.len() {
        let o = std::mem::replace(&mut seq[i], HOLE);
        i += 1;
        match o {
            Expr::Mul(f) => seq.extend(f),
            Expr::Num(r) => coeff = coeff.mul(&r),
            _ => {
                let (b, e) = match o {
                    Expr::Pow(b, e) => (*b, *e),
                    o => (o, Expr::int(1)),
                };
                if let (Expr::Num(bn), Expr::Num(en)) = (&b, &e) {
                    if en.is_integer() {
                        if let Ok(v) = bn.pow_int(en.numer(), MAX_POW_BITS) {
                            coeff = coeff.mul(&v);
                            continue;
                        }
                    }
                }
                c_powers.push((b, e));
            }
        }
    }
    // _gather: equal bases, then equal non-numeric exponent parts.
    // base -> (exponent without its coefficient -> the coefficients).
    type Gathered = Vec<(Expr, Vec<(Expr, Vec<Rational>)>)>;
    let mut gathered: Gathered = Vec::new();
    for (b, e) in c_powers {
        let (co, rest) = e.as_coeff_mul();
        let slot = match gathered.iter().position(|(gb, _)| *gb == b) {
            Some(k) => k,
            None => {
                gathered.push((b, Vec::new()));
                gathered.len() - 1
            }
        };
        let d = &mut gathered[slot].1;
        match d.iter().position(|(r, _)| *r == rest) {
            Some(k) => d[k].1.push(co),
            None => d.push((rest, vec![co])),
        }
    }
    let mut c_part = Vec::new();
    for (b, d) in gathered {
        for (t, cs) in d {
            let mut sum = Rational::zero();
            for c in &cs {
                sum = sum.add(c);
            }
            let e = keep_coeff(&sum, &t);
            if e.is_zero() {
                continue;
            }
            let p = if e.is_one() { b.clone() } else { pow(&b, &e) };
            match p {
                Expr::Num(r) => coeff = coeff.mul(&r),
                Expr::Mul(f) => {
                    // A power that evaluated to a product (a number base
                    // with a symbolic exponent does not occur here).
                    for x in f {
                        match x {
                            Expr::Num(r) => coeff = coeff.mul(&r),
                            x => c_part.push(x),
                        }
                    }
                }
                p => c_part.push(p),
            }
        }
    }
    if coeff.is_zero() {
        return Expr::int(0);
    }
    sort_args(&mut c_part);
    if !coeff.is_one() {
        c_part.insert(0, Expr::Num(coeff));
    }
    // 2*(1+a) -> 2 + 2*a
    if c_part.len() == 2 {
        if let (Expr::Num(c), Expr::Add(t)) = (&c_part[0], &c_part[1]) {
            return add_flatten(t.iter().map(|f| Expr::Num(c.clone()).mul(f)).collect());
        }
    }
    from_mul_args(c_part)
}

/// `Pow(b, e)` with sympy's automatic evaluation for the classes handled
/// here; anything else stays an unevaluated `Pow`. A zero base with a
/// negative exponent (sympy's `zoo`) is not modelled: the datasets built on
/// these expressions never divide by zero.
pub fn pow(b: &Expr, e: &Expr) -> Expr {
    if e.is_zero() {
        return Expr::int(1);
    }
    if e.is_one() {
        return b.clone();
    }
    if b.is_one() {
        return Expr::int(1);
    }
    let Expr::Num(en) = e else {
        return Expr::Pow(Box::new(b.clone()), Box::new(e.clone()));
    };
    if !en.is_integer() {
        return Expr::Pow(Box::new(b.clone()), Box::new(e.clone()));
    }
    match b {
        Expr::Num(bn) => match bn.pow_int(en.numer(), MAX_POW_BITS) {
            Ok(v) => Expr::Num(v),
            Err(_) => Expr::Pow(Box::new(b.clone()), Box::new(e.clone())),
        },
        Expr::Pow(bb, be) => match &**be {
            Expr::Num(ben) => pow(bb, &Expr::Num(ben.mul(en))),
            _ => Expr::Pow(Box::new(b.clone()), Box::new(e.clone())),
        },
        Expr::Mul(f) => mul_flatten(f.iter().map(|x| pow(x, e)).collect()),
        _ => Expr::Pow(Box::new(b.clone()), Box::new(e.clone())),
    }
}
