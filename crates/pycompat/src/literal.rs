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

// ---------------------------------------------------------------------------
// Python source: the syntax tree `ast.parse(mode="eval")` would build, then
// `literal_eval`'s conversion of it.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnaryOp {
    Plus,
    Minus,
    Invert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BinOp {
    Add,
    Sub,
}

#[derive(Debug)]
enum Node {
    /// A literal constant, at a byte offset.
    Const(PyValue, usize),
    /// `ops[0] ops[1] ... operand`, flat so a long chain needs no deep recursion.
    Unary(Vec<UnaryOp>, Box<Node>, usize),
    /// `first op1 n1 op2 n2 ...`, left-associative.
    Chain(Box<Node>, Vec<(BinOp, Node)>, usize),
    List(Vec<Node>),
    Tuple(Vec<Node>),
    Set(Vec<Node>, usize),
    Dict(Vec<(Node, Node)>, usize),
    /// `set()`.
    EmptySet,
    /// Anything else that parses (a name, an f-string...): only an error when converted.
    Other(&'static str, usize),
}

struct SourceParser<'a> {
    src: &'a [u8],
    pos: usize,
    depth: usize,
    eval: bool,
}

impl<'a> SourceParser<'a> {
    fn run(text: &str, eval: bool) -> PResult<PyValue> {
        if let Some(i) = text.find('\0') {
            return err("source code string cannot contain null bytes", i);
        }
        // CPython strips leading spaces and tabs, then reads universal newlines.
        let text = text.trim_start_matches([' ', '\t']);
        let text: Cow<str> = if text.contains('\r') {
            Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
        } else {
            Cow::Borrowed(text)
        };
        let mut p = SourceParser {
            src: text.as_bytes(),
            pos: 0,
            depth: 0,
            eval,
        };
        p.skip_blank_lines()?;
        let node = p.testlist()?;
        p.expect_end()?;
        p.convert(&node)
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.src.get(self.pos + k).copied()
    }

    /// Lines before the expression that hold nothing but blanks and comments
    /// are skipped; the first real line must not be indented.
    fn skip_blank_lines(&mut self) -> PResult<()> {
        loop {
            let line_start = self.pos;
            let mut indented = false;
            while let Some(c) = self.peek() {
                match c {
                    b' ' | b'\t' => indented = true,
                    b'\x0c' => indented = false,
                    _ => break,
                }
                self.pos += 1;
            }
            match self.peek() {
                Some(b'#') => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                Some(b'\n') => self.pos += 1,
                None => return err("unexpected EOF while parsing", self.pos),
                Some(_) if indented => return err("unexpected indent", line_start),
                Some(_) => return Ok(()),
            }
        }
    }

    /// Whitespace and comments between tokens; newlines only inside brackets.
    fn skip_ws(&mut self) -> PResult<()> {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\x0c' => self.pos += 1,
                b'\n' if self.depth > 0 => self.pos += 1,
                b'#' => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.pos += 1;
                    }
                }
                b'\\' if self.peek_at(1) == Some(b'\n') => {
                    self.pos += 2;
                    if self.pos == self.src.len() {
                        return err("unexpected EOF while parsing", self.pos);
                    }
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// After the expression: only blank lines and comments.
    fn expect_end(&mut self) -> PResult<()> {
        self.skip_ws()?;
        while let Some(c) = self.peek() {
            match c {
                b'\n' | b' ' | b'\t' | b'\x0c' => self.pos += 1,
                b'#' => self.skip_ws()?,
                b'\\' if self.peek_at(1) == Some(b'\n') => self.skip_ws()?,
                _ => return err("invalid syntax", self.pos),
            }
        }
        Ok(())
    }

    fn eat(&mut self, b: u8) -> PResult<bool> {
        self.skip_ws()?;
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    fn expect(&mut self, b: u8) -> PResult<()> {
        if self.eat(b)? {
            Ok(())
        } else {
            err(format!("expected '{}'", b as char), self.pos)
        }
    }

    fn open(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_LITERAL_DEPTH {
            return err("too many nested parentheses", self.pos);
        }
        self.pos += 1;
        Ok(())
    }

    /// Whether the next token can start an expression (to tell `(1,)` from `(1, 2)`).
    fn at_expr_start(&mut self) -> PResult<bool> {
        self.skip_ws()?;
        Ok(match self.peek() {
            Some(c) => {
                c.is_ascii_alphanumeric()
                    || matches!(
                        c,
                        b'_' | b'(' | b'[' | b'{' | b'\'' | b'"' | b'-' | b'+' | b'~' | b'.'
                    )
                    || c >= 0x80
            }
            None => false,
        })
    }

    /// `expr (',' expr)* [',']`: a bare tuple when there is a comma.
    fn testlist(&mut self) -> PResult<Node> {
        let first = self.expr()?;
        if !self.eat(b',')? {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.at_expr_start()? {
            items.push(self.expr()?);
            if !self.eat(b',')? {
                break;
            }
        }
        Ok(Node::Tuple(items))
    }

    fn expr(&mut self) -> PResult<Node> {
        self.skip_ws()?;
        let start = self.pos;
        let first = self.unary()?;
        let mut rest = Vec::new();
        loop {
            self.skip_ws()?;
            let op = match self.peek() {
                Some(b'+') => BinOp::Add,
                Some(b'-') => BinOp::Sub,
                _ => break,
            };
            self.pos += 1;
            if rest.len() >= MAX_OPERATOR_CHAIN {
                return err("expression too deeply nested", self.pos);
            }
            rest.push((op, self.unary()?));
        }
        Ok(if rest.is_empty() {
            first
        } else {
            Node::Chain(Box::new(first), rest, start)
        })
    }

    fn unary(&mut self) -> PResult<Node> {
        let mut ops = Vec::new();
        loop {
            self.skip_ws()?;
            let op = match self.peek() {
                Some(b'+') => UnaryOp::Plus,
                Some(b'-') => UnaryOp::Minus,
                Some(b'~') => UnaryOp::Invert,
                _ => break,
            };
            if ops.len() >= MAX_OPERATOR_CHAIN {
                return err("expression too deeply nested", self.pos);
            }
            ops.push(op);
            self.pos += 1;
        }
        let start = self.pos;
        let atom = self.atom()?;
        self.reject_trailer()?;
        Ok(if ops.is_empty() {
            atom
        } else {
            Node::Unary(ops, Box::new(atom), start)
        })
    }

    /// A call, subscript, attribute or any binary operator other than `+ -`
    /// after an atom makes an expression `literal_eval` refuses.
    fn reject_trailer(&mut self) -> PResult<()> {
        self.skip_ws()?;
        match self.peek() {
            Some(
                b'(' | b'[' | b'.' | b'*' | b'/' | b'%' | b'@' | b'<' | b'>' | b'=' | b'!' | b'&'
                | b'|' | b'^',
            ) => err("not a literal", self.pos),
            Some(c) if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
                err("not a literal", self.pos)
            }
            _ => Ok(()),
        }
    }

    fn atom(&mut self) -> PResult<Node> {
        self.skip_ws()?;
        let start = self.pos;
        let Some(c) = self.peek() else {
            return err("unexpected EOF while parsing", self.pos);
        };
        match c {
            b'(' => {
                self.open()?;
                let node = if self.eat(b')')? {
                    Node::Tuple(Vec::new())
                } else {
                    let node = self.testlist()?;
                    self.expect(b')')?;
                    node
                };
                self.depth -= 1;
                Ok(node)
            }
            b'[' => {
                self.open()?;
                let mut items = Vec::new();
                while !self.eat(b']')? {
                    items.push(self.expr()?);
                    if !self.eat(b',')? {
                        self.expect(b']')?;
                        break;
                    }
                }
                self.depth -= 1;
                Ok(Node::List(items))
            }
            b'{' => {
                self.open()?;
                let node = self.braces(start)?;
                self.depth -= 1;
                Ok(node)
            }
            b'0'..=b'9' => self.number(),
            b'.' if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) => self.number(),
            b'.' if self.src[self.pos..].starts_with(b"...") => {
                self.pos += 3;
                Ok(Node::Const(PyValue::Ellipsis, start))
            }
            b'\'' | b'"' => self.strings(),
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let word_end = self.src[self.pos..]
                    .iter()
                    .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_'))
                    .map_or(self.src.len(), |n| self.pos + n);
                let word = &self.src[self.pos..word_end];
                if matches!(self.src.get(word_end), Some(b'\'' | b'"')) && is_string_prefix(word) {
                    return self.strings();
                }
                self.pos = word_end;
                match word {
                    b"None" => Ok(Node::Const(PyValue::None, start)),
                    b"True" => Ok(Node::Const(PyValue::Bool(true), start)),
                    b"False" => Ok(Node::Const(PyValue::Bool(false), start)),
                    b"set" => {
                        self.skip_ws()?;
                        if self.peek() == Some(b'(') {
                            self.open()?;
                            self.expect(b')')?;
                            self.depth -= 1;
                            Ok(Node::EmptySet)
                        } else {
                            Ok(Node::Other("name", start))
                        }
                    }
                    _ => Ok(Node::Other("name", start)),
                }
            }
            _ => err("invalid syntax", self.pos),
        }
    }

    /// After `{`: a dict or a set display.
    fn braces(&mut self, start: usize) -> PResult<Node> {
        if self.eat(b'}')? {
            return Ok(Node::Dict(Vec::new(), start));
        }
        let first = self.expr()?;
        if self.eat(b':')? {
            let mut pairs = vec![(first, self.expr()?)];
            while self.eat(b',')? {
                if self.eat(b'}')? {
                    return Ok(Node::Dict(pairs, start));
                }
                let k = self.expr()?;
                self.expect(b':')?;
                pairs.push((k, self.expr()?));
            }
            self.expect(b'}')?;
            return Ok(Node::Dict(pairs, start));
        }
        let mut items = vec![first];
        while self.eat(b',')? {
            if self.eat(b'}')? {
                return Ok(Node::Set(items, start));
            }
            items.push(self.expr()?);
        }
        self.expect(b'}')?;
        Ok(Node::Set(items, start))
    }

    /// A number token: int (decimal, 0x, 0o, 0b), float, or imaginary.
    fn number(&mut self) -> PResult<Node> {
        let start = self.pos;
        let s = self.src;
        // digit ('_'? digit)*, returning whether any digit was read.
        let digits = |pos: &mut usize, ok: &dyn Fn(u8) -> bool| -> PResult<bool> {
            let begin = *pos;
            while *pos < s.len() {
                let separator =
                    s[*pos] == b'_' && *pos > begin && s.get(*pos + 1).is_some_and(|&c| ok(c));
                if ok(s[*pos]) || separator {
                    *pos += 1;
                } else if s[*pos] == b'_' {
                    return err("invalid decimal literal", *pos);
                } else {
                    break;
                }
            }
            Ok(*pos > begin)
        };
        if s[start] == b'0'
            && matches!(
                s.get(start + 1),
                Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')
            )
        {
            let radix = match s[start + 1] {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                _ => 2,
            };
            let mut pos = start + 2;
            if s.get(pos) == Some(&b'_') {
                pos += 1;
            }
            let ok = |c: u8| (c as char).is_digit(radix);
            if !digits(&mut pos, &ok)? {
                return err("invalid literal", pos);
            }
            if s.get(pos)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
            {
                return err("invalid digit in literal", pos);
            }
            let text: Vec<u8> = s[start + 2..pos]
                .iter()
                .copied()
                .filter(|&c| c != b'_')
                .collect();
            self.pos = pos;
            let n = BigInt::parse_bytes(&text, radix).ok_or(ParseError {
                message: "invalid literal".into(),
                offset: start,
            })?;
            return Ok(Node::Const(PyValue::Int(n), start));
        }
        let dec = |c: u8| c.is_ascii_digit();
        let mut pos = start;
        let int_digits = digits(&mut pos, &dec)?;
        let mut is_float = false;
        if s.get(pos) == Some(&b'.') {
            is_float = true;
            pos += 1;
            let had_frac = digits(&mut pos, &dec)?;
            if !int_digits && !had_frac {
                return err("invalid decimal literal", pos);
            }
        }
        if matches!(s.get(pos), Some(b'e' | b'E')) {
            let mut p = pos + 1;
            if matches!(s.get(p), Some(b'+' | b'-')) {
                p += 1;
            }
            if !digits(&mut p, &dec)? {
                return err("invalid decimal literal", p);
            }
            is_float = true;
            pos = p;
        }
        let imaginary = matches!(s.get(pos), Some(b'j' | b'J'));
        let text: String = s[start..pos]
            .iter()
            .filter(|&&c| c != b'_')
            .map(|&c| c as char)
            .collect();
        if imaginary {
            pos += 1;
        }
        if s.get(pos)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c >= 0x80)
        {
            return err("invalid decimal literal", pos);
        }
        self.pos = pos;
        if imaginary || is_float {
            let x: f64 = text
                .parse()
                .or_else(|_| err("invalid decimal literal", start))?;
            let value = if imaginary {
                PyValue::Complex(0.0, x)
            } else {
                PyValue::Float(x)
            };
            return Ok(Node::Const(value, start));
        }
        if text.len() > 1 && text.starts_with('0') && text.bytes().any(|c| c != b'0') {
            return err(
                "leading zeros in decimal integer literals are not permitted",
                start,
            );
        }
        if text.len() > MAX_INT_DIGITS {
            return err(
                "Exceeds the limit (4300 digits) for integer string conversion",
                start,
            );
        }
        let n = parse_int(&text).ok_or(ParseError {
            message: "invalid decimal literal".into(),
            offset: start,
        })?;
        Ok(Node::Const(PyValue::Int(n), start))
    }

    /// One or more adjacent string literals, concatenated.
    fn strings(&mut self) -> PResult<Node> {
        let start = self.pos;
        let mut text: Option<String> = None;
        let mut bytes: Option<Vec<u8>> = None;
        let mut formatted = false;
        loop {
            self.skip_ws()?;
            let prefix_len = self.src[self.pos..]
                .iter()
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            let prefix = &self.src[self.pos..self.pos + prefix_len];
            if !matches!(self.src.get(self.pos + prefix_len), Some(b'\'' | b'"'))
                || !is_string_prefix(prefix)
            {
                break;
            }
            let lower: Vec<u8> = prefix.iter().map(u8::to_ascii_lowercase).collect();
            let raw = lower.contains(&b'r');
            let is_bytes = lower.contains(&b'b');
            formatted |= lower.contains(&b'f');
            let at = self.pos;
            self.pos += prefix_len;
            let body = self.string_body(raw, is_bytes)?;
            match (is_bytes, &mut text, &mut bytes) {
                (true, None, b) => b.get_or_insert_with(Vec::new).extend(body),
                (false, t, None) => {
                    // A str body is built from valid UTF-8 pieces and escapes.
                    let s = String::from_utf8(body).map_err(|_| ParseError {
                        message: "invalid string".into(),
                        offset: at,
                    })?;
                    t.get_or_insert_with(String::new).push_str(&s);
                }
                _ => return err("cannot mix bytes and nonbytes literals", at),
            }
        }
        if formatted {
            return Ok(Node::Other("f-string", start));
        }
        Ok(match (text, bytes) {
            (_, Some(b)) => Node::Const(PyValue::Bytes(b), start),
            (t, None) => Node::Const(PyValue::Str(t.unwrap_or_default()), start),
        })
    }

    /// The quoted part of one literal, escapes decoded (UTF-8 bytes for a str).
    fn string_body(&mut self, raw: bool, is_bytes: bool) -> PResult<Vec<u8>> {
        let s = self.src;
        let start = self.pos;
        let quote = s[self.pos];
        let triple = s.get(self.pos + 1) == Some(&quote) && s.get(self.pos + 2) == Some(&quote);
        self.pos += if triple { 3 } else { 1 };
        let mut out = Vec::new();
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated string literal", start);
            };
            if c == quote {
                if !triple {
                    self.pos += 1;
                    return Ok(out);
                }
                if s.get(self.pos + 1) == Some(&quote) && s.get(self.pos + 2) == Some(&quote) {
                    self.pos += 3;
                    return Ok(out);
                }
            }
            if c == b'\n' && !triple {
                return err("unterminated string literal", start);
            }
            if is_bytes && c >= 0x80 {
                return err("bytes can only contain ASCII literal characters", self.pos);
            }
            if c != b'\\' {
                out.push(c);
                self.pos += 1;
                continue;
            }
            let Some(e) = self.peek_at(1) else {
                return err("unterminated string literal", start);
            };
            if raw {
                // The backslash stays; it only keeps the next character from ending the literal.
                if e >= 0x80 && is_bytes {
                    return err("bytes can only contain ASCII literal characters", self.pos);
                }
                out.push(b'\\');
                out.push(e);
                self.pos += 2;
                continue;
            }
            self.pos += 2;
            let simple = match e {
                b'\n' => Some(None),
                b'\\' => Some(Some(b'\\')),
                b'\'' => Some(Some(b'\'')),
                b'"' => Some(Some(b'"')),
                b'a' => Some(Some(7)),
                b'b' => Some(Some(8)),
                b'f' => Some(Some(12)),
                b'n' => Some(Some(b'\n')),
                b'r' => Some(Some(b'\r')),
                b't' => Some(Some(b'\t')),
                b'v' => Some(Some(11)),
                _ => None,
            };
            if let Some(byte) = simple {
                out.extend(byte);
                continue;
            }
            let escape_at = self.pos - 2;
            let code: u32 = match e {
                b'0'..=b'7' => {
                    let mut v = (e - b'0') as u32;
                    for _ in 0..2 {
                        match self.peek() {
                            Some(d @ b'0'..=b'7') => {
                                v = v * 8 + (d - b'0') as u32;
                                self.pos += 1;
                            }
                            _ => break,
                        }
                    }
                    if is_bytes {
                        v & 0xff
                    } else {
                        v
                    }
                }
                b'x' => self.hex_escape(2, escape_at)?,
                b'u' if !is_bytes => self.hex_escape(4, escape_at)?,
                b'U' if !is_bytes => self.hex_escape(8, escape_at)?,
                b'N' if !is_bytes => {
                    return err("\\N{...} escapes are not supported", escape_at);
                }
                _ => {
                    // An unknown escape keeps its backslash.
                    out.push(b'\\');
                    self.pos -= 1;
                    continue;
                }
            };
            if is_bytes {
                out.push(code as u8);
            } else {
                let ch = char::from_u32(code).unwrap_or('\u{fffd}');
                if code > 0x10ffff {
                    return err("illegal Unicode character", escape_at);
                }
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
        }
    }

    fn hex_escape(&mut self, n: usize, at: usize) -> PResult<u32> {
        let mut v: u32 = 0;
        for _ in 0..n {
            let d = self
                .peek()
                .and_then(|c| (c as char).to_digit(16))
                .ok_or(ParseError {
                    message: "truncated escape".into(),
                    offset: at,
                })?;
            v = v.wrapping_mul(16).wrapping_add(d);
            self.pos += 1;
        }
        Ok(v)
    }

    // --- conversion: `ast.literal_eval`'s `_convert`, and the eval extension.

    fn convert(&self, node: &Node) -> PResult<PyValue> {
        match node {
            Node::Const(v, _) => Ok(v.clone()),
            Node::List(items) => Ok(PyValue::List(self.convert_all(items)?)),
            Node::Tuple(items) => Ok(PyValue::Tuple(self.convert_all(items)?)),
            Node::EmptySet => Ok(PyValue::Set(Vec::new())),
            Node::Set(items, at) => py_set(self.convert_all(items)?)
                .map(PyValue::Set)
                .or_else(|t| err(format!("unhashable type: '{t}'"), *at)),
            Node::Dict(pairs, at) => {
                let pairs = pairs
                    .iter()
                    .map(|(k, v)| Ok((self.convert(k)?, self.convert(v)?)))
                    .collect::<PResult<Vec<_>>>()?;
                py_dict(pairs)
                    .map(PyValue::Dict)
                    .or_else(|t| err(format!("unhashable type: '{t}'"), *at))
            }
            Node::Chain(first, rest, at) if self.eval => {
                let mut acc = self.convert(first)?;
                for (op, n) in rest {
                    let rhs = self.convert(n)?;
                    acc = binary(*op, &acc, &rhs).ok_or(ParseError {
                        message: "unsupported operand types".into(),
                        offset: *at,
                    })?;
                }
                Ok(acc)
            }
            Node::Chain(first, rest, at) => {
                // `signed_real (+|-) complex_constant`, nothing else.
                if let [(op, right)] = rest.as_slice() {
                    let left = self.signed_number(first)?;
                    let right = literal_number(right)?;
                    if matches!(left, PyValue::Int(_) | PyValue::Float(_))
                        && matches!(right, PyValue::Complex(..))
                    {
                        return binary(*op, &left, &right).ok_or(ParseError {
                            message: "int too large to convert to float".into(),
                            offset: *at,
                        });
                    }
                }
                err("malformed node or string", *at)
            }
            Node::Unary(..) => self.signed_number(node),
            Node::Other(what, at) => err(format!("malformed node or string: {what}"), *at),
        }
    }

    fn convert_all(&self, items: &[Node]) -> PResult<Vec<PyValue>> {
        items.iter().map(|n| self.convert(n)).collect()
    }

    /// `_convert_signed_num`: a number constant under at most one `+`/`-`
    /// (any chain of `+ - ~` over numbers and bools in eval mode).
    fn signed_number(&self, node: &Node) -> PResult<PyValue> {
        let Node::Unary(ops, operand, at) = node else {
            return literal_number(node);
        };
        if self.eval {
            let mut v = self.convert(operand)?;
            for op in ops.iter().rev() {
                v = unary(*op, &v).ok_or(ParseError {
                    message: "bad operand type for unary operator".into(),
                    offset: *at,
                })?;
            }
            return Ok(v);
        }
        match ops.as_slice() {
            [op @ (UnaryOp::Plus | UnaryOp::Minus)] => {
                let v = literal_number(operand)?;
                unary(*op, &v).ok_or(ParseError {
                    message: "malformed node or string".into(),
                    offset: *at,
                })
            }
            _ => err("malformed node or string", *at),
        }
    }
}

/// `_convert_num`: an int, float or complex constant (not a bool).
fn literal_number(node: &Node) -> PResult<PyValue> {
    match node {
        Node::Const(v @ (PyValue::Int(_) | PyValue::Float(_) | PyValue::Complex(..)), _) => {
            Ok(v.clone())
        }
        Node::Const(_, at)
        | Node::Unary(_, _, at)
        | Node::Chain(_, _, at)
        | Node::Set(_, at)
        | Node::Dict(_, at)
        | Node::Other(_, at) => err("malformed node or string", *at),
        Node::List(_) | Node::Tuple(_) | Node::EmptySet => err("malformed node or string", 0),
    }
}

/// A decimal integer; the common short ones skip the general bignum parser.
fn parse_int(text: &str) -> Option<BigInt> {
    if text.len() <= 18 {
        text.parse::<i64>().ok().map(BigInt::from)
    } else {
        text.parse().ok()
    }
}

fn is_string_prefix(p: &[u8]) -> bool {
    let lower: Vec<u8> = p.iter().map(u8::to_ascii_lowercase).collect();
    matches!(
        lower.as_slice(),
        b"" | b"r" | b"u" | b"b" | b"br" | b"rb" | b"f" | b"fr" | b"rf"
    )
}

fn unary(op: UnaryOp, v: &PyValue) -> Option<PyValue> {
    let int = |v: &PyValue| match v {
        PyValue::Bool(b) => Some(BigInt::from(*b as u8)),
        PyValue::Int(n) => Some(n.clone()),
        _ => None,
    };
    match (op, v) {
        (UnaryOp::Plus, PyValue::Float(_) | PyValue::Complex(..)) => Some(v.clone()),
        (UnaryOp::Minus, PyValue::Float(x)) => Some(PyValue::Float(-x)),
        (UnaryOp::Minus, PyValue::Complex(re, im)) => Some(PyValue::Complex(-re, -im)),
        (UnaryOp::Plus, _) => int(v).map(PyValue::Int),
        (UnaryOp::Minus, _) => int(v).map(|n| PyValue::Int(-n)),
        (UnaryOp::Invert, _) => int(v).map(|n| PyValue::Int(-n - 1)),
    }
}

/// `a + b` / `a - b` as CPython computes them, `None` for a `TypeError` or
/// `OverflowError`.
fn binary(op: BinOp, a: &PyValue, b: &PyValue) -> Option<PyValue> {
    use PyValue as V;
    let int = |v: &PyValue| match v {
        V::Bool(x) => Some(BigInt::from(*x as u8)),
        V::Int(n) => Some(n.clone()),
        _ => None,
    };
    let real = |v: &PyValue| match v {
        V::Float(x) => Some(*x),
        _ => int(v).and_then(|n| int_to_float(&n)),
    };
    let is_number =
        |v: &PyValue| matches!(v, V::Bool(_) | V::Int(_) | V::Float(_) | V::Complex(..));
    if let (Some(x), Some(y)) = (int(a), int(b)) {
        return Some(V::Int(if op == BinOp::Add { x + y } else { x - y }));
    }
    if is_number(a) && is_number(b) {
        let complex = |v: &PyValue| match v {
            V::Complex(re, im) => Some((*re, *im)),
            _ => real(v).map(|x| (x, 0.0)),
        };
        if matches!(a, V::Complex(..)) || matches!(b, V::Complex(..)) {
            let ((p, q), (r, s)) = (complex(a)?, complex(b)?);
            return Some(match op {
                BinOp::Add => V::Complex(p + r, q + s),
                BinOp::Sub => V::Complex(p - r, q - s),
            });
        }
        let (x, y) = (real(a)?, real(b)?);
        return Some(V::Float(if op == BinOp::Add { x + y } else { x - y }));
    }
    if op == BinOp::Sub {
        return None;
    }
    match (a, b) {
        (V::Str(x), V::Str(y)) => Some(V::Str(format!("{x}{y}"))),
        (V::Bytes(x), V::Bytes(y)) => Some(V::Bytes([x.as_slice(), y].concat())),
        (V::List(x), V::List(y)) => Some(V::List([x.as_slice(), y].concat())),
        (V::Tuple(x), V::Tuple(y)) => Some(V::Tuple([x.as_slice(), y].concat())),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// JSON: CPython's C scanner (`json.scanner.c_make_scanner`), strict mode.

struct JsonParser<'a> {
    src: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> JsonParser<'a> {
    fn run(text: &str) -> PResult<PyValue> {
        if text.starts_with('\u{feff}') {
            return err("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        }
        let mut p = JsonParser {
            src: text.as_bytes(),
            pos: 0,
            depth: 0,
        };
        p.ws();
        let v = p.value()?;
        p.ws();
        if p.pos != p.src.len() {
            return err("Extra data", p.pos);
        }
        Ok(v)
    }

    fn ws(&mut self) {
        while matches!(self.src.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn starts(&self, word: &[u8]) -> bool {
        self.src[self.pos..].starts_with(word)
    }

    fn value(&mut self) -> PResult<PyValue> {
        let Some(&c) = self.src.get(self.pos) else {
            return err("Expecting value", self.pos);
        };
        let constant = |p: &mut Self, word: &[u8], v: PyValue| {
            p.pos += word.len();
            Ok(v)
        };
        match c {
            b'"' => self.string().map(PyValue::Str),
            b'{' => self.nested(true),
            b'[' => self.nested(false),
            b'n' if self.starts(b"null") => constant(self, b"null", PyValue::None),
            b't' if self.starts(b"true") => constant(self, b"true", PyValue::Bool(true)),
            b'f' if self.starts(b"false") => constant(self, b"false", PyValue::Bool(false)),
            b'N' if self.starts(b"NaN") => constant(self, b"NaN", PyValue::Float(f64::NAN)),
            b'I' if self.starts(b"Infinity") => {
                constant(self, b"Infinity", PyValue::Float(f64::INFINITY))
            }
            b'-' if self.starts(b"-Infinity") => {
                constant(self, b"-Infinity", PyValue::Float(f64::NEG_INFINITY))
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => err("Expecting value", self.pos),
        }
    }

    fn number(&mut self) -> PResult<PyValue> {
        let s = self.src;
        let start = self.pos;
        let mut i = start;
        if s[i] == b'-' {
            i += 1;
        }
        match s.get(i) {
            Some(b'1'..=b'9') => {
                while s.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return err("Expecting value", start),
        }
        let mut is_float = false;
        if s.get(i) == Some(&b'.') && s.get(i + 1).is_some_and(u8::is_ascii_digit) {
            is_float = true;
            i += 1;
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            // The exponent is only taken when digits follow; otherwise it is left unread.
            let mut j = i + 1;
            if matches!(s.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            let digits_start = j;
            while s.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            if j > digits_start {
                is_float = true;
                i = j;
            }
        }
        self.pos = i;
        // ASCII digits and signs only: the slice is valid UTF-8.
        let text = std::str::from_utf8(&s[start..i]).unwrap_or("");
        if is_float {
            let x: f64 = text.parse().or_else(|_| err("Expecting value", start))?;
            return Ok(PyValue::Float(x));
        }
        if text.trim_start_matches('-').len() > MAX_INT_DIGITS {
            return err(
                "Exceeds the limit (4300 digits) for integer string conversion",
                start,
            );
        }
        let n = parse_int(text).ok_or(ParseError {
            message: "Expecting value".into(),
            offset: start,
        })?;
        Ok(PyValue::Int(n))
    }

    fn string(&mut self) -> PResult<String> {
        let s = self.src;
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character.
            let run_start = self.pos;
            while let Some(&c) = s.get(self.pos) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Runs end on ASCII bytes, so they are whole UTF-8 sequences.
            out.push_str(std::str::from_utf8(&s[run_start..self.pos]).unwrap_or("\u{fffd}"));
            match s.get(self.pos) {
                None => return err("Unterminated string starting at", start),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {}
                Some(_) => return err("Invalid control character at", self.pos),
            }
            let esc_at = self.pos;
            let Some(&e) = s.get(self.pos + 1) else {
                return err("Unterminated string starting at", start);
            };
            self.pos += 2;
            let c = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let hi = self.hex4(esc_at)?;
                    let mut code = hi;
                    if (0xd800..0xdc00).contains(&hi)
                        && s.get(self.pos) == Some(&b'\\')
                        && s.get(self.pos + 1) == Some(&b'u')
                    {
                        let save = self.pos;
                        self.pos += 2;
                        let lo = self.hex4(self.pos - 2)?;
                        if (0xdc00..0xe000).contains(&lo) {
                            code = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                        } else {
                            self.pos = save;
                        }
                    }
                    char::from_u32(code).unwrap_or('\u{fffd}')
                }
                _ => return err("Invalid \\escape", esc_at),
            };
            out.push(c);
        }
    }

    fn hex4(&mut self, at: usize) -> PResult<u32> {
        let Some(digits) = self.src.get(self.pos..self.pos + 4) else {
            return err("Invalid \\uXXXX escape", at);
        };
        let mut v = 0;
        for &d in digits {
            v = v * 16
                + (d as char).to_digit(16).ok_or(ParseError {
                    message: "Invalid \\uXXXX escape".into(),
                    offset: at,
                })?;
        }
        self.pos += 4;
        Ok(v)
    }

    /// An array or object: the iterative loop over members, one recursion per level.
    fn nested(&mut self, object: bool) -> PResult<PyValue> {
        self.depth += 1;
        if self.depth > MAX_JSON_DEPTH {
            return err(
                "maximum recursion depth exceeded while decoding a JSON document",
                self.pos,
            );
        }
        self.pos += 1;
        self.ws();
        let close = if object { b'}' } else { b']' };
        let mut items = Vec::new();
        let mut pairs: Vec<(PyValue, PyValue)> = Vec::new();
        if self.src.get(self.pos) == Some(&close) {
            self.pos += 1;
        } else {
            loop {
                if object {
                    if self.src.get(self.pos) != Some(&b'"') {
                        return err(
                            "Expecting property name enclosed in double quotes",
                            self.pos,
                        );
                    }
                    let key = PyValue::Str(self.string()?);
                    self.ws();
                    if self.src.get(self.pos) != Some(&b':') {
                        return err("Expecting ':' delimiter", self.pos);
                    }
                    self.pos += 1;
                    self.ws();
                    pairs.push((key, self.value()?));
                } else {
                    items.push(self.value()?);
                }
                self.ws();
                match self.src.get(self.pos) {
                    Some(&c) if c == close => {
                        self.pos += 1;
                        break;
                    }
                    Some(b',') => {
                        self.pos += 1;
                        self.ws();
                        if self.src.get(self.pos) == Some(&close) {
                            return err("Illegal trailing comma before end of object", self.pos);
                        }
                    }
                    _ => return err("Expecting ',' delimiter", self.pos),
                }
            }
        }
        self.depth -= 1;
        Ok(if object {
            // String keys are always hashable.
            PyValue::Dict(py_dict(pairs).unwrap_or_default())
        } else {
            PyValue::List(items)
        })
    }
}

impl From<&serde_json::Value> for PyValue {
    /// A JSON value as `json.loads` would give it (metadata read back).
    fn from(v: &serde_json::Value) -> Self {
        use serde_json::Value as J;
        match v {
            J::Null => PyValue::None,
            J::Bool(b) => PyValue::Bool(*b),
            J::Number(n) => {
                if let Some(i) = n.as_i64() {
                    PyValue::Int(i.into())
                } else if let Some(u) = n.as_u64() {
                    PyValue::Int(u.into())
                } else {
                    PyValue::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            J::String(s) => PyValue::Str(s.clone()),
            J::Array(items) => PyValue::List(items.iter().map(PyValue::from).collect()),
            J::Object(map) => PyValue::Dict(
                map.iter()
                    .map(|(k, v)| (PyValue::Str(k.clone()), PyValue::from(v)))
                    .collect(),
            ),
        }
    }
}

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
