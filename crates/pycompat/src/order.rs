//! `a < b` between Python values, `TypeError` included.
//!
//! Scorers sort what a model sent (`sorted(answer)`), and whether that raises
//! decides the score; with [`crate::py_sorted_by`] making CPython's exact
//! comparisons, this gives the same outcome as CPython.

use std::collections::HashSet;

use num_bigint::BigInt;
use num_traits::FromPrimitive;

use crate::{HashKey, PyValue};

/// `TypeError: '<' not supported between instances of 'a' and 'b'`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unorderable(pub String);

enum Real<'a> {
    Int(BigInt),
    IntRef(&'a BigInt),
    Float(f64),
}

fn real(v: &PyValue) -> Option<Real<'_>> {
    match v {
        PyValue::Bool(b) => Some(Real::Int(BigInt::from(*b as u8))),
        PyValue::Int(n) => Some(Real::IntRef(n)),
        PyValue::Float(x) => Some(Real::Float(*x)),
        _ => None,
    }
}

impl Real<'_> {
    fn int(&self) -> Option<&BigInt> {
        match self {
            Real::Int(n) => Some(n),
            Real::IntRef(n) => Some(n),
            Real::Float(_) => None,
        }
    }
}

/// `n < x` for an int and a float, exactly (Python does not round `n`).
fn int_lt_float(n: &BigInt, x: f64) -> bool {
    if x.is_nan() {
        return false;
    }
    if x.is_infinite() {
        return x > 0.0;
    }
    // n < x  <=>  n < ceil(x), both integers.
    BigInt::from_f64(x.ceil()).is_some_and(|c| *n < c)
}

/// `x < n` for a float and an int.
fn float_lt_int(x: f64, n: &BigInt) -> bool {
    if x.is_nan() {
        return false;
    }
    if x.is_infinite() {
        return x < 0.0;
    }
    BigInt::from_f64(x.floor()).is_some_and(|f| f < *n)
}

fn real_lt(a: &Real<'_>, b: &Real<'_>) -> bool {
    match (a, b) {
        (Real::Float(x), Real::Float(y)) => x < y,
        (Real::Float(x), n) => n.int().is_some_and(|n| float_lt_int(*x, n)),
        (n, Real::Float(y)) => n.int().is_some_and(|n| int_lt_float(n, *y)),
        (m, n) => m.int() < n.int(),
    }
}

/// `a == b` as containers compare their items: `x is y` is tried first, so a
/// NaN from `json.loads` (which hands out one shared `NaN` object) equals
/// itself there.
pub fn py_item_eq(a: &PyValue, b: &PyValue) -> bool {
    match (a, b) {
        (PyValue::Float(x), PyValue::Float(y)) if x.is_nan() && y.is_nan() => true,
        (PyValue::List(x), PyValue::List(y)) | (PyValue::Tuple(x), PyValue::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_item_eq(p, q))
        }
        _ => a.py_eq(b),
    }
}

/// `a < b`.
pub fn py_lt(a: &PyValue, b: &PyValue) -> Result<bool, Unorderable> {
    if let (Some(x), Some(y)) = (real(a), real(b)) {
        return Ok(real_lt(&x, &y));
    }
    match (a, b) {
        (PyValue::Str(x), PyValue::Str(y)) => Ok(x < y),
        (PyValue::Bytes(x), PyValue::Bytes(y)) => Ok(x < y),
        (PyValue::List(x), PyValue::List(y)) | (PyValue::Tuple(x), PyValue::Tuple(y)) => {
            // The first items that differ decide; else the shorter sequence is less.
            match x.iter().zip(y).find(|(p, q)| !py_item_eq(p, q)) {
                Some((p, q)) => py_lt(p, q),
                None => Ok(x.len() < y.len()),
            }
        }
        (PyValue::Set(x), PyValue::Set(y)) => {
            // Proper subset.
            let keys: HashSet<HashKey> = y.iter().filter_map(PyValue::hash_key).collect();
            Ok(x.len() < y.len()
                && x.iter()
                    .all(|v| v.hash_key().is_some_and(|k| keys.contains(&k))))
        }
        _ => Err(Unorderable(format!(
            "'<' not supported between instances of '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json_loads;

    fn lt(a: &str, b: &str) -> Result<bool, Unorderable> {
        py_lt(&json_loads(a).unwrap(), &json_loads(b).unwrap())
    }

    #[test]
    fn orders_like_cpython() {
        // json.loads(a) < json.loads(b) under CPython 3.11 (None: TypeError).
        let cases: &[(&str, &str, Option<bool>)] = &[
            ("1", "2", Some(true)),
            ("true", "1.5", Some(true)),
            ("9007199254740993", "9007199254740992.0", Some(false)),
            ("9007199254740992.0", "9007199254740993", Some(true)),
            ("1", "Infinity", Some(true)),
            ("-Infinity", "-100000000000000000000000", Some(true)),
            ("NaN", "1", Some(false)),
            ("\"a\"", "\"b\"", Some(true)),
            ("\"\u{e9}\"", "\"z\"", Some(false)),
            ("[1, \"a\"]", "[2, 3]", Some(true)),
            ("[1, \"a\"]", "[1, 3]", None),
            ("[1]", "[1, 0]", Some(true)),
            ("[NaN, 1]", "[NaN, 2]", Some(true)),
            ("[]", "\"\"", None),
            ("\"a\"", "1", None),
            ("null", "null", None),
            ("{}", "{}", None),
            ("[null]", "[null, 1]", Some(true)),
        ];
        for &(a, b, want) in cases {
            assert_eq!(lt(a, b).ok(), want, "{a} < {b}");
        }
        assert_eq!(
            lt("\"a\"", "1").unwrap_err().0,
            "'<' not supported between instances of 'str' and 'int'"
        );
    }
}
