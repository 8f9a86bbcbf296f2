//! Python values read back from text: `ast.literal_eval`, the literal part of
//! `eval` and `json.loads`, plus the Python operations scorers
//! apply to what they read (`==`, `str`, `repr`, iteration, hashability).
//!
//! Scorers feed model answers to these, so the parsers treat their input as
//! hostile: they run in linear time, never panic, and refuse nesting deeper
//! than CPython would accept (CPython's tokenizer stops at 200 open brackets,
//! its JSON decoder at the interpreter's recursion limit), so a 10 MB run of
//! `[` costs one error, not the stack.
//!
//! Known gaps, each of which only turns a value CPython would read into an
//! error: `\N{...}` escapes (they need the Unicode name table), f-strings,
//! and in [`py_eval`] everything beyond literals and `+ - ~`. Nesting at
//! exactly 200 brackets is accepted, which CPython's parser only does for
//! some shapes (`[[...]]` yes, `[1,[1,...]]` no).
//! Lone surrogates (`'\ud800'`, JSON `"\ud800"`) cannot live in a Rust string
//! and become U+FFFD. Sets keep insertion order; CPython's order follows
//! hashes, so only order-insensitive uses of a set are exact.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::float_repr;
use crate::int::INT_MAX_STR_DIGITS as MAX_INT_DIGITS;

/// A Python value that a literal or JSON document can denote.
#[derive(Debug, Clone)]
pub enum PyValue {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    List(Vec<PyValue>),
    Tuple(Vec<PyValue>),
    /// Distinct elements, in insertion order.
    Set(Vec<PyValue>),
    /// Distinct keys, in insertion order (a repeated key keeps its first
    /// position and takes the last value, as a Python dict does).
    Dict(Vec<(PyValue, PyValue)>),
}

/// Why a text is not a value: a `SyntaxError`, `ValueError`, `TypeError`,
/// `RecursionError` or `JSONDecodeError` in CPython.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    /// Byte offset in the input where the problem was found.
    pub offset: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for ParseError {}

type PResult<T> = Result<T, ParseError>;

/// CPython's tokenizer refuses the 201st open bracket ("too many nested parentheses").
const MAX_LITERAL_DEPTH: usize = 200;
/// `json.loads` fails with `RecursionError` once arrays/objects nest this deep,
/// when called a few frames below the default recursion limit of 1000.
const MAX_JSON_DEPTH: usize = 980;
/// CPython's compiler gives up (`RecursionError`) on operator chains this long.
const MAX_OPERATOR_CHAIN: usize = 2500;

/// `ast.literal_eval(text)`.
pub fn literal_eval(text: &str) -> PResult<PyValue> {
    SourceParser::run(text, false)
}

/// `eval(text)` for the texts whose value does not depend on any name in
/// scope: everything `literal_eval` reads, plus unary `+ - ~` on numbers and
/// bools and `+`/`-` chains over numbers, strings, lists and tuples. Any other
/// expression is an error here, whatever CPython would have made of it.
pub fn py_eval(text: &str) -> PResult<PyValue> {
    SourceParser::run(text, true)
}

/// `json.loads(text)` with CPython's defaults: `NaN`, `Infinity` and
/// `-Infinity` are read, integers are unbounded up to 4300 digits, a repeated
/// key keeps its first position and its last value.
pub fn json_loads(text: &str) -> PResult<PyValue> {
    JsonParser::run(text)
}

/// `json.loads(text)` where that is a list of strings none of which holds an
/// escape or a control character: the strings, borrowed from `text`. `None`
/// for any other text (which [`json_loads`] then reads, to the same value or
/// error as CPython). Scorers that replay a list of moves read a plan of a
/// million moves this way without allocating a million strings.
pub fn json_loads_plain_str_list(text: &str) -> Option<Vec<&str>> {
    let b = text.as_bytes();
    // JSON's whitespace, which is all `json.loads` skips.
    let skip_ws = |i: &mut usize| {
        while matches!(b.get(*i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            *i += 1;
        }
    };
    let mut i = 0;
    skip_ws(&mut i);
    if b.get(i) != Some(&b'[') {
        return None;
    }
    i += 1;
    skip_ws(&mut i);
    let mut out = Vec::new();
    if b.get(i) == Some(&b']') {
        i += 1;
    } else {
        loop {
            if b.get(i) != Some(&b'"') {
                return None;
            }
            let start = i + 1;
            let len = b[start..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
            let end = start + len;
            if b[end] != b'"' {
                return None;
            }
            // Both ends are ASCII quotes, so the slice is whole characters.
            out.push(&text[start..end]);
            i = end + 1;
            skip_ws(&mut i);
            match b.get(i) {
                Some(b',') => {
                    i += 1;
                    skip_ws(&mut i);
                }
                Some(b']') => {
                    i += 1;
                    break;
                }
                _ => return None,
            }
        }
    }
    skip_ws(&mut i);
    (i == b.len()).then_some(out)
}

impl PyValue {
    /// Python's type name, as in `TypeError` messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            PyValue::None => "NoneType",
            PyValue::Bool(_) => "bool",
            PyValue::Int(_) => "int",
            PyValue::Float(_) => "float",
            PyValue::Complex(..) => "complex",
            PyValue::Str(_) => "str",
            PyValue::Bytes(_) => "bytes",
            PyValue::Ellipsis => "ellipsis",
            PyValue::List(_) => "list",
            PyValue::Tuple(_) => "tuple",
            PyValue::Set(_) => "set",
            PyValue::Dict(_) => "dict",
        }
    }

    /// `hash(v)` would succeed.
    pub fn is_hashable(&self) -> bool {
        match self {
            PyValue::List(_) | PyValue::Set(_) | PyValue::Dict(_) => false,
            PyValue::Tuple(items) => items.iter().all(PyValue::is_hashable),
            _ => true,
        }
    }

    /// `a == b`. NaN is unequal to everything: values read from text carry no
    /// identity, so CPython's `x is y` shortcut in containers is not modelled.
    pub fn py_eq(&self, other: &PyValue) -> bool {
        use PyValue as V;
        if let (Some(a), Some(b)) = (self.as_number(), other.as_number()) {
            return a.eq(&b);
        }
        match (self, other) {
            (V::None, V::None) | (V::Ellipsis, V::Ellipsis) => true,
            (V::Str(a), V::Str(b)) => a == b,
            (V::Bytes(a), V::Bytes(b)) => a == b,
            (V::List(a), V::List(b)) | (V::Tuple(a), V::Tuple(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.py_eq(y))
            }
            (V::Set(a), V::Set(b)) => {
                let keys: HashMap<Key, ()> =
                    b.iter().filter_map(|y| Some((y.key()?, ()))).collect();
                a.len() == b.len()
                    && a.iter()
                        .all(|x| x.key().is_some_and(|k| keys.contains_key(&k)))
            }
            (V::Dict(a), V::Dict(b)) => {
                let index: HashMap<Key, &PyValue> =
                    b.iter().filter_map(|(k, v)| Some((k.key()?, v))).collect();
                a.len() == b.len()
                    && a.iter().all(|(k, v)| {
                        k.key()
                            .and_then(|key| index.get(&key).copied())
                            .is_some_and(|v2| v.py_eq(v2))
                    })
            }
            _ => false,
        }
    }

    fn as_number(&self) -> Option<Num<'_>> {
        match self {
            PyValue::Bool(b) => Some(Num::Small(*b as i64)),
            PyValue::Int(n) => Some(Num::Int(n)),
            PyValue::Float(x) => Some(Num::Float(*x)),
            PyValue::Complex(re, im) => Some(Num::Complex(*re, *im)),
            _ => None,
        }
    }

    /// `x in container` for a container value (`TypeError` → `None`):
    /// membership by `==` for lists and tuples, by hash for sets and dict keys,
    /// substring for strings.
    pub fn py_contains(&self, x: &PyValue) -> Option<bool> {
        match self {
            PyValue::List(items) | PyValue::Tuple(items) => Some(items.iter().any(|y| x.py_eq(y))),
            PyValue::Set(items) => x
                .key()
                .map(|k| items.iter().any(|y| y.key().as_ref() == Some(&k))),
            PyValue::Dict(pairs) => x
                .key()
                .map(|k| pairs.iter().any(|(y, _)| y.key().as_ref() == Some(&k))),
            PyValue::Str(s) => match x {
                PyValue::Str(sub) => Some(s.contains(sub.as_str())),
                _ => None,
            },
            PyValue::Bytes(b) => match x {
                PyValue::Bytes(sub) => {
                    Some(sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice()))
                }
                PyValue::Int(n) => n.to_u8().map(|v| b.contains(&v)),
                PyValue::Bool(v) => Some(b.contains(&(*v as u8))),
                _ => None,
            },
            _ => None,
        }
    }

    /// `d[key]` for a dict (`None` for a missing or unhashable key).
    pub fn dict_get(&self, key: &PyValue) -> Option<&PyValue> {
        let PyValue::Dict(pairs) = self else {
            return None;
        };
        let key = key.key()?;
        pairs
            .iter()
            .find(|(k, _)| k.key().as_ref() == Some(&key))
            .map(|(_, v)| v)
    }

    /// `list(v)`: the items iteration yields (dict keys, one-character
    /// strings, byte values); `None` for a value that is not iterable.
    pub fn py_iter(&self) -> Option<Vec<PyValue>> {
        match self {
            PyValue::List(items) | PyValue::Tuple(items) | PyValue::Set(items) => {
                Some(items.clone())
            }
            PyValue::Dict(pairs) => Some(pairs.iter().map(|(k, _)| k.clone()).collect()),
            PyValue::Str(s) => Some(s.chars().map(|c| PyValue::Str(c.to_string())).collect()),
            PyValue::Bytes(b) => Some(b.iter().map(|&x| PyValue::Int(x.into())).collect()),
            _ => None,
        }
    }

    /// `float(v)`; `None` where CPython raises.
    pub fn py_float(&self) -> Option<f64> {
        match self {
            PyValue::Bool(b) => Some(*b as u8 as f64),
            PyValue::Int(n) => int_to_float(n),
            PyValue::Float(x) => Some(*x),
            PyValue::Str(s) => crate::py_float(s),
            _ => None,
        }
    }

    /// `str(v)`.
    pub fn py_str(&self) -> String {
        match self {
            PyValue::Str(s) => s.clone(),
            _ => self.py_repr(),
        }
    }

    /// `repr(v)`.
    pub fn py_repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        let seq = |out: &mut String, items: &[PyValue], open: &str, close: &str| {
            out.push_str(open);
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                v.write_repr(out);
            }
            out.push_str(close);
        };
        match self {
            PyValue::None => out.push_str("None"),
            PyValue::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
            PyValue::Int(n) => out.push_str(&n.to_string()),
            PyValue::Float(x) => out.push_str(&float_repr(*x)),
            PyValue::Complex(re, im) => out.push_str(&complex_repr(*re, *im)),
            PyValue::Str(s) => out.push_str(&crate::py_str_repr(s)),
            PyValue::Bytes(b) => out.push_str(&bytes_repr(b)),
            PyValue::Ellipsis => out.push_str("Ellipsis"),
            PyValue::List(items) => seq(out, items, "[", "]"),
            PyValue::Tuple(items) if items.len() == 1 => seq(out, items, "(", ",)"),
            PyValue::Tuple(items) => seq(out, items, "(", ")"),
            PyValue::Set(items) if items.is_empty() => out.push_str("set()"),
            PyValue::Set(items) => seq(out, items, "{", "}"),
            PyValue::Dict(pairs) => {
                out.push('{');
                for (i, (k, v)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.write_repr(out);
                    out.push_str(": ");
                    v.write_repr(out);
                }
                out.push('}');
            }
        }
    }
}

/// What `hash()` and `==` see of a hashable value: equal values (`1`, `1.0`,
/// `True`, `(1+0j)`) have equal keys, so set elements and dict keys are
/// deduplicated in linear time. A NaN equals nothing, itself included, and
/// gets a key of its own.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HashKey(Key);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    None,
    Ellipsis,
    Int(BigInt),
    Real(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Key>),
    Unique(u64),
}

fn unique_key() -> Key {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    Key::Unique(NEXT.fetch_add(1, Ordering::Relaxed))
}

fn real_key(x: f64) -> Key {
    if x.is_nan() {
        unique_key()
    } else if let Some(n) = float_to_int(x) {
        Key::Int(n)
    } else {
        Key::Real(x.to_bits())
    }
}

impl PyValue {
    /// The key of a hashable value (`None` for a list, set, dict, or a tuple holding one).
    pub fn hash_key(&self) -> Option<HashKey> {
        self.key().map(HashKey)
    }

    fn key(&self) -> Option<Key> {
        let zero_is_positive = |x: f64| if x == 0.0 { 0 } else { x.to_bits() };
        Some(match self {
            PyValue::None => Key::None,
            PyValue::Ellipsis => Key::Ellipsis,
            PyValue::Bool(b) => Key::Int(BigInt::from(*b as u8)),
            PyValue::Int(n) => Key::Int(n.clone()),
            PyValue::Float(x) => real_key(*x),
            PyValue::Complex(re, im) if *im == 0.0 => real_key(*re),
            PyValue::Complex(re, im) if re.is_nan() || im.is_nan() => unique_key(),
            PyValue::Complex(re, im) => Key::Complex(zero_is_positive(*re), zero_is_positive(*im)),
            PyValue::Str(s) => Key::Str(s.clone()),
            PyValue::Bytes(b) => Key::Bytes(b.clone()),
            PyValue::Tuple(items) => {
                Key::Tuple(items.iter().map(PyValue::key).collect::<Option<_>>()?)
            }
            PyValue::List(_) | PyValue::Set(_) | PyValue::Dict(_) => return None,
        })
    }
}

/// Builds a set from elements in order: the first of equal elements stays.
/// `Err` names the type of an unhashable element.
pub fn py_set(items: Vec<PyValue>) -> Result<Vec<PyValue>, &'static str> {
    let mut seen = HashMap::with_capacity(items.len());
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        let key = v.key().ok_or(v.type_name())?;
        if let std::collections::hash_map::Entry::Vacant(e) = seen.entry(key) {
            e.insert(());
            out.push(v);
        }
    }
    Ok(out)
}

/// Builds a dict from pairs in order: a repeated key keeps its first
/// position and takes the last value. `Err` names an unhashable key's type.
pub fn py_dict(pairs: Vec<(PyValue, PyValue)>) -> Result<Vec<(PyValue, PyValue)>, &'static str> {
    let mut index: HashMap<Key, usize> = HashMap::with_capacity(pairs.len());
    let mut out: Vec<(PyValue, PyValue)> = Vec::with_capacity(pairs.len());
    for (k, v) in pairs {
        let key = k.key().ok_or(k.type_name())?;
        match index.get(&key) {
            Some(&i) => out[i].1 = v,
            None => {
                index.insert(key, out.len());
                out.push((k, v));
            }
        }
    }
    Ok(out)
}

/// A number for comparisons; bools count as the ints 0 and 1.
enum Num<'a> {
    Small(i64),
    Int(&'a BigInt),
    Float(f64),
    Complex(f64, f64),
}

impl Num<'_> {
    fn eq(&self, other: &Num<'_>) -> bool {
        match (self, other) {
            (Num::Complex(a, b), Num::Complex(c, d)) => a == c && b == d,
            (Num::Complex(re, im), x) | (x, Num::Complex(re, im)) => {
                *im == 0.0 && x.eq(&Num::Float(*re))
            }
            (Num::Float(a), Num::Float(b)) => a == b,
            (Num::Float(x), n) | (n, Num::Float(x)) => {
                // Python compares an int with a float exactly, not by rounding the int.
                x.is_finite()
                    && x.fract() == 0.0
                    && float_to_int(*x).is_some_and(|f| n.to_big() == f)
            }
            (a, b) => a.to_big() == b.to_big(),
        }
    }

    fn to_big(&self) -> BigInt {
        match self {
            Num::Small(i) => BigInt::from(*i),
            Num::Int(n) => (*n).clone(),
            Num::Float(_) | Num::Complex(..) => BigInt::zero(),
        }
    }
}

/// The exact integer value of an integral finite float.
fn float_to_int(x: f64) -> Option<BigInt> {
    if !x.is_finite() || x.fract() != 0.0 {
        return None;
    }
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = if exp == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let shift = exp.max(1) - 1075;
    let mag = if shift >= 0 {
        BigInt::from(mantissa) << shift as usize
    } else {
        BigInt::from(mantissa >> (-shift).min(63) as u32)
    };
    Some(if x < 0.0 { -mag } else { mag })
}

/// `float(n)` for an int: correctly rounded, `None` (OverflowError) when too large.
pub fn int_to_float(n: &BigInt) -> Option<f64> {
    if let Some(i) = n.to_i64() {
        if i.unsigned_abs() <= 1 << 53 {
            return Some(i as f64);
        }
    }
    // The decimal text rounds correctly (half-even), as CPython's conversion does.
    let x: f64 = n.to_string().parse().ok()?;
    x.is_finite().then_some(x)
}

/// `repr(complex)`: parts without a forced `.0`, the real part dropped when it is +0.
fn complex_repr(re: f64, im: f64) -> String {
    let part = |x: f64| {
        let s = float_repr(x);
        match s.strip_suffix(".0") {
            Some(t) => t.to_string(),
            None => s,
        }
    };
    let imag = part(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{imag}j");
    }
    let sign = if im.is_sign_negative() && !im.is_nan() {
        ""
    } else {
        "+"
    };
    format!("({}{sign}{imag}j)", part(re))
}

/// `repr(bytes)`.
fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote as char);
    out
}

fn err<T>(message: impl Into<String>, offset: usize) -> PResult<T> {
    Err(ParseError {
        message: message.into(),
        offset,
    })
}

/// A decimal integer; the common short ones skip the general bignum parser.
fn parse_int(text: &str) -> Option<BigInt> {
    if text.len() <= 18 {
        text.parse::<i64>().ok().map(BigInt::from)
    } else {
        text.parse().ok()
    }
}

mod json;
mod source;

use json::JsonParser;
use source::SourceParser;

#[cfg(test)]
mod tests {
    use super::*;

    fn le(s: &str) -> String {
        match literal_eval(s) {
            Ok(v) => v.py_repr(),
            Err(_) => "ERR".into(),
        }
    }

    #[test]
    fn plain_string_lists_read_as_json_loads_reads_them() {
        let read = |t: &str| json_loads_plain_str_list(t).map(|v| v.join("|"));
        for (text, want) in [
            ("[]", Some("")),
            (" \t\n[ \"w,A1,B3\" ,\"é x\"]\r\n", Some("w,A1,B3|é x")),
            ("[\"\"]", Some("")),
        ] {
            assert_eq!(read(text).as_deref(), want, "{text:?}");
            let PyValue::List(items) = json_loads(text).unwrap() else {
                panic!("{text:?}")
            };
            let strs: Vec<String> = items
                .iter()
                .map(|v| match v {
                    PyValue::Str(s) => s.clone(),
                    _ => panic!("{text:?}"),
                })
                .collect();
            assert_eq!(strs.join("|"), want.unwrap());
        }
        // Escapes, control characters, other values, malformed lists and a
        // BOM go to the full parser.
        for text in [
            "[\"a\\\"b\"]",
            "[\"a\\nb\"]",
            "[\"a\tb\"]",
            "[\"a\", 1]",
            "[\"a\",]",
            "[\"a\"",
            "[\"a\"] x",
            "\u{feff}[]",
            "\u{a0}[]",
            "\"a\"",
            "{}",
            "",
        ] {
            assert_eq!(read(text), None, "{text:?}");
        }
    }

    #[test]
    fn basics() {
        assert_eq!(
            le("[1, 'a', (2,), None, True, -3.5]"),
            "[1, 'a', (2,), None, True, -3.5]"
        );
        assert_eq!(le("1,2"), "(1, 2)");
        assert_eq!(le("--1"), "ERR");
        assert_eq!(
            py_eval("--1").map(|v| v.py_repr()).ok().as_deref(),
            Some("1")
        );
        assert_eq!(le("-1-2j"), "(-1-2j)");
        assert_eq!(le("{1: 2, True: 3}"), "{1: 3}");
    }
}
