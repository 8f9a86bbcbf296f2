//! sympy's orderings: `sort_key()` (the order of `Mul` factors,
//! `as_ordered_factors`) and `as_ordered_terms()` (the order of `Add` terms
//! in printing).
//!
//! `sort_key` builds the same nested tuple sympy builds and compares it
//! the way Python compares tuples. Two of its quirks reach the output:
//! the key of an atom inside a compound key is `str(atom)`, so integer
//! atoms there compare as strings (`"29" < "313" < "85"`), and symbol names
//! always compare as strings (`x_10 < x_2`).

use crate::expr::Expr;
use crate::number::Rational;
use crate::printer::sstr;
use std::cmp::Ordering;
use std::rc::Rc;

/// A Python value inside a sort key.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Int(i64),
    Num(Rational),
    Str(KeyStr),
    Tup(Vec<Key>),
}

/// A `str` inside a key, without allocating for class and symbol names.
#[derive(Clone, Debug)]
pub enum KeyStr {
    Static(&'static str),
    Name(Rc<str>),
    Owned(String),
}

impl KeyStr {
    fn as_str(&self) -> &str {
        match self {
            KeyStr::Static(s) => s,
            KeyStr::Name(s) => s,
            KeyStr::Owned(s) => s,
        }
    }
}

impl PartialEq for KeyStr {
    fn eq(&self, o: &KeyStr) -> bool {
        self.as_str() == o.as_str()
    }
}

impl Eq for KeyStr {}

impl std::hash::Hash for KeyStr {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h)
    }
}

impl Ord for Key {
    fn cmp(&self, o: &Key) -> Ordering {
        use Key::*;
        match (self, o) {
            (Int(a), Int(b)) => a.cmp(b),
            (Int(a), Num(b)) => Rational::int(*a).cmp(b),
            (Num(a), Int(b)) => a.cmp(&Rational::int(*b)),
            (Num(a), Num(b)) => a.cmp(b),
            (Str(a), Str(b)) => a.as_str().cmp(b.as_str()),
            (Tup(a), Tup(b)) => a.cmp(b),
            // Python would raise; sympy's keys never mix these at one place.
            _ => rank(self).cmp(&rank(o)),
        }
    }
}

fn rank(k: &Key) -> u8 {
    match k {
        Key::Int(_) | Key::Num(_) => 0,
        Key::Str(_) => 1,
        Key::Tup(_) => 2,
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, o: &Key) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

fn class_key(e: &Expr) -> Key {
    let (a, b, name) = match e {
        Expr::Num(_) => (1, 0, "Number"),
        Expr::Sym(_) => (2, 0, "Symbol"),
        Expr::Mul(_) => (3, 0, "Mul"),
        Expr::Add(_) => (3, 1, "Add"),
        Expr::Pow(..) => (3, 2, "Pow"),
        // `Function.class_key`: (4, the rank sympy gives the name, the
        // name); names outside its table with a fixed argument count
        // (`asin`, `atan`) rank 10000.
        Expr::Func(name, _) => {
            let rank = match &**name {
                "exp" => 10,
                "log" => 11,
                "sin" => 20,
                "cos" => 21,
                "tan" => 22,
                "cot" => 23,
                "sinh" => 30,
                "cosh" => 31,
                "tanh" => 32,
                "coth" => 33,
                _ => 10000,
            };
            return Key::Tup(vec![
                Key::Int(4),
                Key::Int(rank),
                Key::Str(KeyStr::Name(name.clone())),
            ]);
        }
    };
    Key::Tup(vec![
        Key::Int(a),
        Key::Int(b),
        Key::Str(KeyStr::Static(name)),
    ])
}

fn one_key() -> Key {
    number_key(&Rational::one())
}

fn number_key(r: &Rational) -> Key {
    // Number.sort_key: (class_key, (0, ()), (), self)
    Key::Tup(vec![
        Key::Tup(vec![
            Key::Int(1),
            Key::Int(0),
            Key::Str(KeyStr::Static("Number")),
        ]),
        Key::Tup(vec![Key::Int(0), Key::Tup(vec![])]),
        Key::Tup(vec![]),
        Key::Num(r.clone()),
    ])
}

/// `expr.sort_key()`.
pub fn sort_key(e: &Expr) -> Key {
    match e {
        Expr::Num(r) => number_key(r),
        Expr::Sym(name) => Key::Tup(vec![
            class_key(e),
            Key::Tup(vec![
                Key::Int(1),
                Key::Tup(vec![Key::Str(KeyStr::Name(name.clone()))]),
            ]),
            one_key(),
            Key::Num(Rational::one()),
        ]),
        _ => {
            // Expr.sort_key
            let (coeff, expr) = e.as_coeff_mul();
            let (expr, exp) = match expr {
                Expr::Pow(b, x) => (*b, *x),
                other => (other, Expr::int(1)),
            };
            let args = match &expr {
                Expr::Sym(name) => vec![Key::Str(KeyStr::Name(name.clone()))],
                Expr::Num(_) => vec![Key::Str(KeyStr::Owned(sstr(&expr)))],
                Expr::Add(_) => as_ordered_terms(&expr).iter().map(sort_key).collect(),
                Expr::Mul(_) => as_ordered_factors(&expr).iter().map(sort_key).collect(),
                Expr::Pow(b, x) => vec![sort_key(b), sort_key(x)],
                Expr::Func(_, a) => vec![sort_key(a)],
            };
            Key::Tup(vec![
                class_key(&expr),
                Key::Tup(vec![Key::Int(args.len() as i64), Key::Tup(args)]),
                sort_key(&exp),
                Key::Num(coeff),
            ])
        }
    }
}

/// `Mul.as_ordered_factors()`: the factors sorted by `sort_key` (stable);
/// `[self]` for anything else. Every constructor of [`Expr`] keeps a
/// `Mul`'s factors in that order already (the number first: its class
/// sorts first), so this only copies them.
pub fn as_ordered_factors(e: &Expr) -> Vec<Expr> {
    match e {
        Expr::Mul(f) => {
            debug_assert!(
                f.windows(2).all(|w| sort_key(&w[0]) <= sort_key(&w[1])),
                "a Mul out of sort_key order: {e:?}"
            );
            f.clone()
        }
        _ => vec![e.clone()],
    }
}

/// `decompose_power(factor)` for the exponents handled here.
fn decompose_power(f: &Expr) -> (Expr, i64) {
    if let Expr::Pow(b, x) = f {
        if let Expr::Num(r) = &**x {
            if r.is_integer() {
                if let Some(n) = r.to_i64() {
                    return ((**b).clone(), n);
                }
            } else if let (Some(p), Some(q)) = (
                Rational::int(r.numer().clone()).to_i64(),
                Rational::int(r.denom().clone()).to_i64(),
            ) {
                let root = Expr::Pow(
                    b.clone(),
                    Box::new(Expr::Num(Rational::new(1.into(), q.into()).expect("q > 0"))),
                );
                return (root, p);
            }
        }
    }
    (f.clone(), 1)
}

/// `Add.as_ordered_terms()` with `order=None`.
pub fn as_ordered_terms(e: &Expr) -> Vec<Expr> {
    let terms = e.add_args();
    if let Expr::Add(_) = e {
        // The special case Add(positive Number, Mul(negative Number, expr)).
        let mut add_args = terms.clone();
        add_args.sort_by_key(|x| !x.is_num());
        if add_args.len() == 2 {
            if let (Expr::Num(n), Expr::Mul(_)) = (&add_args[0], &add_args[1]) {
                let mut mul_args = add_args[1].mul_args();
                mul_args.sort_by_key(|x| !x.is_num());
                if mul_args.len() == 2 && n.is_positive() {
                    if let Expr::Num(m) = &mul_args[0] {
                        if m.is_negative() {
                            return add_args;
                        }
                    }
                }
            }
        }
    }
    // Terms whose keys tie (numbers whose floats are equal, such as
    // sqrt(n) and sqrt(4n + k)/2 for n past 2**106) keep the Add's argument
    // order, which sympy sorts by Basic.compare (`_addsort`).
    let mut terms = terms;
    if e.is_number() {
        terms.sort_by(crate::evalf::basic_compare);
    }
    // as_terms, then the lex key: (negated monomial, coefficient).
    let mut gens: Vec<Expr> = Vec::new();
    let mut decomposed = Vec::with_capacity(terms.len());
    for t in &terms {
        let (coeff, rest) = t.as_coeff_mul();
        // complex(coeff), then every number factor folded in by complex().
        let mut c = crate::evalf::float_of(&Expr::Num(coeff)).unwrap_or(f64::NAN);
        let mut cpart: Vec<(Expr, i64)> = Vec::new();
        if !rest.is_one() {
            for f in rest.mul_args() {
                if f.is_number() {
                    if let Some(v) = crate::evalf::float_of(&f) {
                        c *= v;
                        continue;
                    }
                }
                let (b, x) = decompose_power(&f);
                if !gens.contains(&b) {
                    gens.push(b.clone());
                }
                cpart.push((b, x));
            }
        }
        decomposed.push((c, cpart));
    }
    gens.sort_by_cached_key(sort_key);
    let mut keyed: Vec<(Vec<i64>, f64, Expr)> = terms
        .into_iter()
        .zip(decomposed)
        .map(|(t, (c, cpart))| {
            let mut monom = vec![0i64; gens.len()];
            for (b, x) in cpart {
                if let Some(k) = gens.iter().position(|g| *g == b) {
                    monom[k] = x.saturating_neg();
                }
            }
            (monom, c, t)
        })
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    keyed.into_iter().map(|(_, _, t)| t).collect()
}
