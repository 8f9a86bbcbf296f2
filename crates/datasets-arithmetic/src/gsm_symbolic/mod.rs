//! `gsm_symbolic`: grade-school word problems (GSM8K templates with drawn
//! numbers), one of 85 hand-written generators per item.
//!
//! The dataset draws every item's generator when it is built,
//! `Random(seed).choices(tasks_ok, k=size)`, so building costs O(size) and
//! rgym bounds `size` by the item-size rule (the reference itself holds a
//! list of `size` ints). Item `idx` then runs its generator on
//! `Random(seed + idx)`. The generators live in `generators_00_49.rs` and
//! `generators_50_99.rs`, as in the reference, each `generate_<n>` with its
//! `generate_example` draws and its `generate_from_variables` texts.
//!
//! `tests/gsm_symbolic_generators.rs` checks every generator on its own
//! against the reference's outputs for 24 seeds
//! (tests/vectors/gsm_symbolic.jsonl); tests/golden checks the dataset.

mod generators_00_49;
mod generators_50_99;

use dataset_core::config::count;
use dataset_core::metadata::pairs_as_object;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use num_traits::FromPrimitive;
use serde::{Serialize, Serializer};
use serde_json::{Number, Value};
use std::sync::OnceLock;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "gsm_symbolic",
    category: "arithmetic",
    description: "Solve a grade-school word problem with drawn numbers",
    config_class: "GSMSymbolicDatasetConfig",
    build,
};

/// `tasks_ok`: the generators the reference draws from (the others "need fix").
pub const TASKS_OK: [u8; 85] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    26, 27, 28, 29, 30, 31, 33, 34, 36, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52,
    53, 54, 55, 56, 57, 58, 59, 60, 62, 64, 66, 67, 68, 69, 70, 71, 72, 73, 75, 78, 80, 81, 82, 83,
    84, 85, 88, 89, 91, 92, 93, 94, 95, 96, 99,
];

const QUESTION_TAIL: &str = " Give the result as your final answer. Do not include units.";

/// What a generator returns: `{"question", "answer", "metadata"}`, the
/// metadata kept typed (`difficulty` is always 1.0) and written as JSON text
/// only where the item is (`Meta`): building it as a `serde_json` map, as
/// `json!` did, was most of an item's cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub question: String,
    pub answer: String,
    pub answer_value: Num,
    pub answer_cot: String,
    /// `variables`, in the reference dict's order.
    pub variables: Vec<(&'static str, Var)>,
}

impl Example {
    /// `metadata` as `generate_example` returns it (before `__getitem__`
    /// adds the source keys).
    pub fn metadata(&self) -> Value {
        serde_json::to_value(self.meta(None)).unwrap_or_default()
    }

    fn meta(&self, source: Option<u64>) -> Meta<'_> {
        Meta {
            difficulty: difficulty(),
            answer_value: self.answer_value,
            answer_cot: &self.answer_cot,
            variables: &self.variables,
            source_dataset: source.map(|_| INFO.name),
            source_index: source,
        }
    }
}

/// The item's metadata: `generate_example`'s keys, then the two that
/// `__getitem__` adds after them.
#[derive(Serialize)]
struct Meta<'a> {
    difficulty: &'a Number,
    answer_value: Num,
    answer_cot: &'a str,
    #[serde(serialize_with = "pairs_as_object")]
    variables: &'a [(&'static str, Var)],
    #[serde(skip_serializing_if = "Option::is_none")]
    source_dataset: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_index: Option<u64>,
}

/// `1.0`, made once: a float is a `Number` holding its text.
fn difficulty() -> &'static Number {
    static ONE: OnceLock<Number> = OnceLock::new();
    ONE.get_or_init(|| Number::from_f64(1.0).unwrap_or_else(|| 0.into()))
}

/// A value in a generator's `variables` dict.
#[derive(Debug, Clone, PartialEq)]
pub enum Var {
    Int(i64),
    Float(f64),
    Str(&'static str),
    String(String),
    List(Vec<Var>),
}

impl Serialize for Var {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Var::Int(n) => s.serialize_i64(*n),
            Var::Float(x) => serialize_float(*x, s),
            Var::Str(t) => s.serialize_str(t),
            Var::String(t) => s.serialize_str(t),
            Var::List(items) => s.collect_seq(items),
        }
    }
}

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match *self {
            Num::Int(n) => s.serialize_i64(n),
            Num::Float(x) => serialize_float(x, s),
        }
    }
}

/// A float as `json!` stores it: the `Number` of its shortest text, `null`
/// when not finite. (The JSON text writer leaves bare floats to serde_json's
/// map path; a `Number` it copies.)
fn serialize_float<S: Serializer>(x: f64, s: S) -> std::result::Result<S::Ok, S::Error> {
    match Number::from_f64(x) {
        Some(n) => n.serialize(s),
        None => s.serialize_unit(),
    }
}

impl From<i64> for Var {
    fn from(n: i64) -> Self {
        Var::Int(n)
    }
}

impl From<f64> for Var {
    fn from(x: f64) -> Self {
        Var::Float(x)
    }
}

impl From<&'static str> for Var {
    fn from(t: &'static str) -> Self {
        Var::Str(t)
    }
}

impl From<String> for Var {
    fn from(t: String) -> Self {
        Var::String(t)
    }
}

impl From<Num> for Var {
    fn from(n: Num) -> Self {
        match n {
            Num::Int(n) => Var::Int(n),
            Num::Float(x) => Var::Float(x),
        }
    }
}

impl<T: Into<Var>, const N: usize> From<[T; N]> for Var {
    fn from(items: [T; N]) -> Self {
        Var::List(items.into_iter().map(Into::into).collect())
    }
}

impl<T: Into<Var>> From<Vec<T>> for Var {
    fn from(items: Vec<T>) -> Self {
        Var::List(items.into_iter().map(Into::into).collect())
    }
}

/// A generator's `variables` dict, written as the reference writes it:
/// `vars!({"name": name, "counts": [a, b]})`.
macro_rules! vars {
    ({ $($key:literal : $value:expr),* $(,)? }) => {
        vec![$(($key, $crate::gsm_symbolic::Var::from($value))),*]
    };
}
pub(crate) use vars;

/// `format!` for the generators' texts: the same format strings, expanded
/// by the `fstr` proc macro into pushes (`FstrPiece`) where they are plain
/// `{name}` / `{}` holes, which all of them are: `core::fmt` was a third
/// of an item's time. Anything else falls back to `format!` itself.
macro_rules! fstr {
    ($($t:tt)*) => {
        ::fstr::fstr!($crate::gsm_symbolic::FstrPiece; $($t)*)
    };
}
pub(crate) use fstr;

/// How `fstr!` writes a value: the text `format!("{}")` would give.
pub(crate) trait FstrPiece {
    fn push_to(&self, out: &mut String);
}

macro_rules! fstr_integers {
    ($($t:ty),*) => {$(
        impl FstrPiece for $t {
            #[inline]
            fn push_to(&self, out: &mut String) {
                out.push_str(itoa::Buffer::new().format(*self));
            }
        }
    )*};
}
fstr_integers!(i32, i64, u32, u64, usize);

impl FstrPiece for str {
    #[inline]
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl FstrPiece for String {
    #[inline]
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: FstrPiece + ?Sized> FstrPiece for &T {
    #[inline]
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// Floats and the rest keep `Display`'s text (never Python's: the
/// generators print floats through `fr` and `format_number`).
macro_rules! fstr_display {
    ($($t:ty),*) => {$(
        impl FstrPiece for $t {
            fn push_to(&self, out: &mut String) {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
fstr_display!(f64, char);

type Generator = fn(&mut Random) -> Result<Example>;

/// `generate_<task>`, when rgym has ported it.
pub fn generator(task: u8) -> Option<Generator> {
    generators_00_49::generator(task).or_else(|| generators_50_99::generator(task))
}

/// A Python number as the generators compute them: an `int` or a `float`
/// (which prints as `repr` does, `12.0`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Num {
    Int(i64),
    Float(f64),
}

impl From<i64> for Num {
    fn from(n: i64) -> Self {
        Num::Int(n)
    }
}

impl From<f64> for Num {
    fn from(x: f64) -> Self {
        Num::Float(x)
    }
}

/// A float as an f-string's `{x}` shows it.
pub(crate) fn fr(x: f64) -> String {
    pycompat::float_repr(x)
}

/// `utils.format_number(num)` with its defaults (at most two decimals, no
/// rounding): an integral value without decimals, else the shortest text of
/// at most two decimals, or the `ValueError` it raises.
pub fn format_number(num: Num) -> Result<String> {
    let x = match num {
        Num::Int(n) => return Ok(n.to_string()),
        Num::Float(x) if x.fract() == 0.0 && x.is_finite() => {
            // `str(int(num))`
            return Ok(num_bigint::BigInt::from_f64(x)
                .unwrap_or_default()
                .to_string());
        }
        Num::Float(x) => x,
    };
    // `Decimal(str(num))` printed with `:f`, trailing zeros cut.
    let decimals = fixed_decimals(&pycompat::float_repr(x));
    if decimals > 2 {
        return Err(DatasetError::Generation(format!(
            "Number {} requires {decimals} decimals but only 2 allowed",
            pycompat::float_repr(x)
        )));
    }
    let fixed = pycompat::format_fixed(x, 2);
    let result = fixed
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_string();
    // The reference parses the result back and requires it within 1e-9.
    let back: f64 = result.parse().unwrap_or(f64::NAN);
    let close = (back - x).abs() <= 1e-9 * back.abs().max(x.abs());
    if !close {
        return Err(DatasetError::Generation(format!(
            "Failed to verify string representation: String representation {result} does not match original value {}",
            pycompat::float_repr(x)
        )));
    }
    Ok(result)
}

/// The decimals of a float's `repr` written in fixed point, trailing zeros
/// dropped (`1e-05` has five, `2.50` one).
fn fixed_decimals(repr: &str) -> usize {
    let (mantissa, exp) = match repr.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (repr, 0),
    };
    let frac = mantissa.split_once('.').map_or("", |(_, f)| f);
    let frac = frac.trim_end_matches('0');
    (frac.len() as i64 - exp).max(0) as usize
}

/// The metadata every generator's `generate_example` returns, around its
/// `generate_from_variables` result.
pub(crate) fn example(
    question: String,
    answer_value: Num,
    answer_cot: String,
    variables: Vec<(&'static str, Var)>,
) -> Result<Example> {
    Ok(Example {
        question,
        answer: format_number(answer_value)?,
        answer_value,
        answer_cot,
        variables,
    })
}

/// `math.gcd`
pub(crate) fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 {
        a.abs()
    } else {
        gcd(b, a % b)
    }
}

/// `str(Fraction(num, den))`: lowest terms, the sign on the numerator, the
/// numerator alone when whole (`3/4`, `3`).
pub(crate) fn fraction_str(num: i64, den: i64) -> String {
    let g = gcd(num, den).max(1);
    let (n, d) = if den < 0 {
        (-num / g, -den / g)
    } else {
        (num / g, den / g)
    };
    if d == 1 {
        n.to_string()
    } else {
        format!("{n}/{d}")
    }
}

/// `random.choice` of a list of strings.
pub(crate) fn pick<'a>(rng: &mut Random, list: &[&'a str]) -> Result<&'a str> {
    Ok(*rng.choice(list)?)
}

struct GsmSymbolic {
    seed: Seed,
    /// `task_indices`: each item's generator, as a position in `TASKS_OK`.
    task_indices: Vec<u8>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let difficulty = r.float("difficulty", 1.0);
    let v = r.finish()?;
    v.ensure(p.size > 0, "size must be positive")?;
    // `assert 1.0 <= self.difficulty <= 1.0`, without a message.
    v.ensure((1.0..=1.0).contains(&difficulty), "")?;
    v.ensure_item_size(
        count(i64::try_from(p.size).unwrap_or(i64::MAX)),
        "size (every item's task is drawn when the dataset is built)",
    )?;
    let task_indices = p
        .seed
        .rng()
        .choices_indices(TASKS_OK.len(), p.size as usize)
        .into_iter()
        .map(|t| t as u8)
        .collect();
    v.done(GsmSymbolic {
        seed: p.seed,
        task_indices,
    })
}

impl Dataset for GsmSymbolic {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let task = usize::try_from(idx)
            .ok()
            .and_then(|i| self.task_indices.get(i).copied())
            .ok_or_else(|| DatasetError::Generation("list index out of range".into()))?;
        let task = TASKS_OK[usize::from(task)];
        let generate = generator(task).ok_or_else(|| {
            DatasetError::Generation(format!("gsm_symbolic generator {task} is not ported yet"))
        })?;
        let ex = generate(&mut rng)?;
        item.question.clear();
        item.question.push_str(&ex.question);
        item.question.push_str(QUESTION_TAIL);
        item.answer.clear();
        item.answer.push_str(&ex.answer);
        // The source keys after the generator's, as `__getitem__` adds them.
        item.metadata.set_from_serialize(&ex.meta(Some(idx)));
        Ok(())
    }

    /// The first number in the answer (`\b-?\d+(?:\.\d+)?\b`) equal to the
    /// expected one as floats is 1.0; another number 0.01; none 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else {
            return 0.0;
        };
        let Some(found) = first_number(answer) else {
            return 0.0;
        };
        let (Some(got), Some(want)) = (pycompat::py_float(found), pycompat::py_float(&item.answer))
        else {
            return 0.0;
        };
        if got == want {
            1.0
        } else {
            0.01
        }
    }

    fn heap_bytes(&self) -> usize {
        self.task_indices.capacity()
    }

    fn writes_source_keys(&self) -> bool {
        true
    }
}

/// `re.search(r"\b-?\d+(?:\.\d+)?\b", answer)`: `\d` and `\b` are Unicode
/// (any decimal digit; word characters as `str.isalnum()` or `_`).
fn first_number(s: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let word = |i: usize| chars.get(i).is_some_and(|&(_, c)| pycompat::re_is_word(c));
    let digit = |i: usize| {
        chars
            .get(i)
            .is_some_and(|&(_, c)| pycompat::py_isdecimal(c))
    };
    let at = |i: usize| chars.get(i).map_or(s.len(), |&(b, _)| b);
    for start in 0..chars.len() {
        // `\b` before: between a non-word and a word character (or the reverse).
        let before = start > 0 && word(start - 1);
        if before == word(start) {
            continue;
        }
        let mut i = start;
        if chars[i].1 == '-' {
            i += 1;
        }
        if !digit(i) {
            continue;
        }
        while digit(i) {
            i += 1;
        }
        // `(?:\.\d+)?` is greedy: taken when it fits and leaves a `\b`.
        if chars.get(i).is_some_and(|&(_, c)| c == '.') && digit(i + 1) {
            let mut j = i + 1;
            while digit(j) {
                j += 1;
            }
            if word(j - 1) != word(j) {
                return Some(&s[at(start)..at(j)]);
            }
        }
        // Backtracking: fewer digits can end at a `\b` only where the next
        // character is not a word character, which digits always are.
        if word(i - 1) != word(i) {
            return Some(&s[at(start)..at(i)]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_number_matches_the_reference() {
        assert_eq!(format_number(Num::Int(220)).unwrap(), "220");
        assert_eq!(format_number(Num::Float(12.0)).unwrap(), "12");
        assert_eq!(format_number(Num::Float(2.5)).unwrap(), "2.5");
        assert_eq!(format_number(Num::Float(0.25)).unwrap(), "0.25");
        assert!(format_number(Num::Float(1.0 / 3.0)).is_err());
        assert_eq!(fixed_decimals("1e-05"), 5);
        assert_eq!(fixed_decimals("1.5e+16"), 0);
    }

    #[test]
    fn the_first_number_is_found_as_python_finds_it() {
        assert_eq!(first_number("The answer is 42."), Some("42"));
        // `\b` before `-` needs a word character before it.
        assert_eq!(first_number("x-3.5 apples"), Some("-3.5"));
        assert_eq!(first_number("-3.5 apples"), Some("3.5"));
        assert_eq!(first_number("1.5x"), Some("1"));
        assert_eq!(first_number("abc12"), None);
        assert_eq!(first_number("12abc 7"), Some("7"));
        assert_eq!(first_number("1.5.2"), Some("1.5"));
        assert_eq!(first_number("no digits"), None);
    }
}
