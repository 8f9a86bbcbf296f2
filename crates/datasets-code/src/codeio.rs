//! reasoning-gym's `codeio`: its items come from reasoning-gym itself in the
//! Python provider (`pyprovider`; each item executes one of 3,002 Python
//! snippets, which no native port could reproduce), its config is read and
//! validated here as `CodeIOConfig` does, and its scorer
//! (`CodeIODataset.score_answer` and the helpers it calls) is ported exactly.
//!
//! The reference: an answer equal to the oracle (both `str.strip()`ped)
//! scores 1.0. Otherwise, if it holds a `{` and a `}`, the text from the first
//! `{` to the last `}` is read with `json.loads`, and so is the oracle; equal
//! values (Python `==`) score `max_score`, which shrinks with the characters
//! outside the braces, and other values score by the Zhang–Shasha tree edit
//! distance (the `zss` package, [`crate::zss`]) between the values' trees,
//! relative to the longer `json.dumps`, but at least 0.01. Text that is not
//! JSON scores `len(oracle) / len(answer)` when it contains the oracle.
//!
//! Python semantics kept:
//! * lengths, `index`/`rindex` and the label edit distance count code points;
//! * `json.loads` is [`pycompat::json_loads`]: `NaN`/`Infinity`, integers up to
//!   4300 digits, a repeated key keeps its last value;
//! * `==` is Python's (`1 == 1.0 == True`), and `json.loads` hands out one
//!   shared NaN object, so inside containers (the answer is always a dict) a
//!   NaN equals a NaN by identity;
//! * labels are `f"{key}:{value}"` with `str()` of the value (`True`, `None`,
//!   `float.__repr__`, every digit of an int), dict items sorted by key;
//! * `str.isnumeric` is Unicode's and `float()` of a label's value takes any
//!   Unicode decimal digits, as CPython's does;
//! * the final arithmetic is done in the reference's order in f64 (zss keeps
//!   its distances in numpy float64).
//!
//! Where the reference raises, rgym scores 0.0: an integer past 4300 digits
//! (`ValueError` from `json.loads`), nesting deeper than `json.loads` takes
//! (`RecursionError`; CPython's limit depends on the caller's stack depth, a
//! script calling the scorer directly fails from about 992 levels, rgym from
//! 981 as [`pycompat::json_loads`] does), and an empty oracle against an
//! answer that is only braces (`ZeroDivisionError` computing `max_score`).
//! Lone surrogates (`"\ud800"`) become U+FFFD, as everywhere in pycompat; the
//! distance then differs only if the other side has a U+FFFD or another lone
//! surrogate at that place.
//!
//! # Bounds
//!
//! zss stores `|A|·|B|` distances, fills `K_A·K_B` forest cells (`K` is the
//! sum of a tree's keyroot subtree sizes: about `2n` for a flat list, up to
//! about `n²/2` for a comb) and works out each node pair's label distance
//! once, at a cost up to the product of the two labels' lengths. The
//! reference also keeps a Python list of edit operations per cell: it took
//! 2 s to score a 100-element list against another on the machine these
//! bounds were measured on, 12 s at 200 and 54 s at 400, and past about a
//! thousand nodes a side it runs out of memory. Real oracles are smaller:
//! of 1500 reference items (seed 1), half have 3 nodes or fewer, 99% at most
//! 123, four more than 400 and two more than 800 (the largest, 39 492 nodes,
//! is one the reference cannot score at all).
//!
//! rgym computes the exact distance within a budget of `WORK` units of
//! about 3 ns each (four per forest cell, one per label-distance step),
//! checked on the cells before starting and on the label steps as they
//! happen: lists of 800 to 900 elements a side, well past what the reference can
//! score in a minute, and 100 ms of CPU at most for any answer, a megabyte
//! of hostile JSON included (`tests/codeio_score.rs` times such answers).
//! Past the budget, two things keep the score honest:
//! * a lower bound that is exact: a mapping leaves at least `|A| - |B|` nodes
//!   of A unmatched, each removed at the cost of its label's length, so when
//!   the cheapest such removals already reach `0.2 * max_size` the similarity
//!   is 0 and the score the reference's 0.01, however long the reference
//!   would take; a megabyte of junk lands here. It is tried first, always
//!   (it never changes a score), from lengths worked out without building
//!   the trees;
//! * otherwise an upper bound on the distance: the cost of matching the two
//!   trees position by position (children by index; each matched pair
//!   relabelled, or removed and reinserted when that is cheaper or its label
//!   distance does not fit in `FALLBACK_LABEL_STEPS`; the rest removed or
//!   inserted). That is a valid zss mapping, so the score it gives is never
//!   above the reference's, and is the reference's own when the positional
//!   matching is an optimal one, as it usually is for an answer that differs
//!   from a long oracle in a few leaf values.

use std::collections::HashMap;

use dataset_core::{Built, ConfigReader, DatasetInfo, Item, Params, Result};
use num_traits::ToPrimitive;
use pycompat::{float_repr, json_loads, py_float, py_isnumeric, py_strip, PyValue};
use pyprovider::ProviderDataset;
use serde_json::{Map, Value};

use crate::zss::{try_simple_distance, Annotated, Tree};

/// The exact distance's budget: `CELL_WORK` per forest cell of the
/// Zhang–Shasha recurrence plus the label distances' steps (one per
/// character scanned by the bit-parallel distance, one per eight skipped as
/// a common prefix or suffix, one per two cells of the quadratic one). Units
/// cost about 3 ns each; the cells alone also bound the `|A|·|B|` stored
/// distances (at most 2^22, 32 MB).
const WORK: u64 = 1 << 24;
/// What a forest cell costs in `WORK` units.
const CELL_WORK: u64 = 4;
/// Label distance steps for the positional upper bound.
const FALLBACK_LABEL_STEPS: u64 = 1 << 21;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "codeio",
    category: "code",
    description: "Predict a Python function's output from its input, or an input from its \
                  output (served by the Python provider)",
    config_class: "CodeIOConfig",
    build,
};

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let (probability, probability_given) = r.float_as_given("input_prediction_probability", 0.5);
    let difficulty = r.opt_int("difficulty", None);
    let v = r.finish()?;
    v.ensure(
        (0.0..=1.0).contains(&probability),
        "input_prediction_probability must be in [0, 1]",
    )?;
    if let Some(d) = difficulty {
        v.ensure((1..=10).contains(&d), "difficulty must be in [1, 10]")?;
    }
    let mut config = Map::new();
    config.insert("input_prediction_probability".into(), probability_given);
    config.insert(
        "difficulty".into(),
        difficulty.map_or(Value::Null, Value::from),
    );
    v.done(ProviderDataset::new(INFO.name, config, &p, score_item))
}

fn score_item(answer: Option<&str>, item: &Item) -> f64 {
    score_answer(answer, &item.answer)
}

/// `CodeIODataset.score_answer(answer, {"answer": oracle_answer})`.
pub fn score_answer(answer: Option<&str>, oracle_answer: &str) -> f64 {
    // An exception in the reference is a score of 0.0 here.
    score(answer, oracle_answer).unwrap_or(0.0)
}

/// The reference raised (`ValueError`, `RecursionError`, `ZeroDivisionError`).
#[derive(Debug)]
struct Raised;

/// What `json.loads` does with a text.
enum Loaded {
    Value(PyValue),
    /// `json.JSONDecodeError`, which the scorer catches.
    DecodeError,
}

fn loads(text: &str) -> Result<Loaded, Raised> {
    match json_loads(text) {
        Ok(v) => Ok(Loaded::Value(v)),
        // pycompat's messages for CPython's RecursionError and the
        // int_max_str_digits ValueError: neither is a JSONDecodeError.
        Err(e)
            if e.message.starts_with("maximum recursion depth")
                || e.message.starts_with("Exceeds the limit") =>
        {
            Err(Raised)
        }
        Err(_) => Ok(Loaded::DecodeError),
    }
}

/// Python's `max(a, b)` on floats: `a` unless `b` is greater.
fn py_max(a: f64, b: f64) -> f64 {
    if b > a {
        b
    } else {
        a
    }
}

fn score(answer: Option<&str>, oracle_answer: &str) -> Result<f64, Raised> {
    let oracle = py_strip(oracle_answer);
    let Some(answer) = answer.filter(|a| !a.is_empty()) else {
        return Ok(0.0);
    };
    let answer = py_strip(answer);
    if answer == oracle {
        return Ok(1.0);
    }
    let (Some(first_open), Some(last_close)) = (answer.find('{'), answer.rfind('}')) else {
        return Ok(0.0);
    };
    // `len(answer[:first]) + len(answer[last + 1:])`, in code points ('}' is one byte).
    let extra_chars =
        answer[..first_open].chars().count() + answer[last_close + 1..].chars().count();
    let oracle_len = oracle.chars().count() as f64;
    let denominator = oracle_len + 0.5 * extra_chars as f64;
    if denominator == 0.0 {
        // `0 / 0.0` with an empty oracle: ZeroDivisionError.
        return Err(Raised);
    }
    let max_score = py_max(oracle_len / denominator, 0.2);
    // `answer[first:last + 1]`, empty when the last '}' comes before the first '{'.
    let inner = if last_close > first_open {
        &answer[first_open..=last_close]
    } else {
        ""
    };
    let parsed = match loads(inner)? {
        Loaded::Value(a) => match loads(oracle)? {
            Loaded::Value(o) => Some((a, o)),
            Loaded::DecodeError => None,
        },
        Loaded::DecodeError => None,
    };
    Ok(match parsed {
        Some((a, o)) => score_answer_json(&a, &o, max_score),
        None if answer.contains(oracle) => oracle_len / answer.chars().count() as f64,
        None => 0.0,
    })
}

/// `_score_answer_json`.
fn score_answer_json(answer: &PyValue, oracle: &PyValue, max_score: f64) -> f64 {
    if json_eq(answer, oracle) {
        return max_score;
    }
    let similarity = compute_json_similarity(answer, oracle);
    // 0.01 minimum reward, since it produced a valid JSON output.
    py_max(similarity * max_score, 0.01)
}

/// Python's `==` between two values `json.loads` made. All their NaNs are the
/// one object `json` hands out, so a NaN equals a NaN inside containers
/// (`PyObject_RichCompareBool` tries `is` first); the answer is a dict, so
/// no comparison happens outside one. Iterative: nesting is up to 980 deep.
fn json_eq(a: &PyValue, b: &PyValue) -> bool {
    let mut stack = vec![(a, b)];
    while let Some((x, y)) = stack.pop() {
        match (x, y) {
            (PyValue::Float(p), PyValue::Float(q)) if p.is_nan() && q.is_nan() => {}
            (PyValue::List(p), PyValue::List(q)) => {
                if p.len() != q.len() {
                    return false;
                }
                stack.extend(p.iter().zip(q));
            }
            (PyValue::Dict(p), PyValue::Dict(q)) => {
                if p.len() != q.len() {
                    return false;
                }
                let index: HashMap<&str, &PyValue> = q
                    .iter()
                    .filter_map(|(k, v)| Some((key_str(k)?, v)))
                    .collect();
                for (k, v) in p {
                    match key_str(k).and_then(|k| index.get(k)) {
                        Some(w) => stack.push((v, w)),
                        None => return false,
                    }
                }
            }
            (PyValue::List(_) | PyValue::Dict(_), _) | (_, PyValue::List(_) | PyValue::Dict(_)) => {
                return false
            }
            _ => {
                if !x.py_eq(y) {
                    return false;
                }
            }
        }
    }
    true
}

/// A JSON object's key (always a string).
fn key_str(k: &PyValue) -> Option<&str> {
    match k {
        PyValue::Str(s) => Some(s),
        _ => None,
    }
}

/// A zss node label, `f"{label}:{data}"` or a container's key, with what
/// `_tree_node_edit_distance` asks of it worked out once.
#[derive(Debug, Clone, Default)]
struct Label {
    text: Vec<char>,
    /// Index of the first ':' (`text.split(":", 1)`), if any.
    colon: Option<usize>,
    /// `value.replace(".", "").isnumeric()` for the part after the colon.
    numeric_with_dots: bool,
    /// `value.isnumeric()`.
    numeric: bool,
    /// `float(value)` when `numeric_with_dots` (None: ValueError).
    float: Option<f64>,
}

impl Label {
    fn new(text: String) -> Self {
        let colon = text.find(':');
        let (mut numeric_with_dots, mut numeric, mut float) = (false, false, None);
        if let Some(c) = colon {
            let value = &text[c + 1..];
            numeric = !value.is_empty() && value.chars().all(py_isnumeric);
            numeric_with_dots = value.chars().any(|ch| ch != '.')
                && value.chars().all(|ch| ch == '.' || py_isnumeric(ch));
            if numeric_with_dots {
                float = py_float(value);
            }
        }
        let chars: Vec<char> = text.chars().collect();
        let colon = colon.map(|c| text[..c].chars().count());
        Label {
            text: chars,
            colon,
            numeric_with_dots,
            numeric,
            float,
        }
    }

    fn len(&self) -> usize {
        self.text.len()
    }
}

/// `str(v)` for a JSON scalar (None for a container).
fn py_str_scalar(v: &PyValue) -> Option<String> {
    Some(match v {
        PyValue::None => "None".into(),
        PyValue::Bool(b) => (if *b { "True" } else { "False" }).into(),
        PyValue::Int(n) => n.to_string(),
        PyValue::Float(x) => float_repr(*x),
        PyValue::Str(s) => s.clone(),
        PyValue::List(_) | PyValue::Dict(_) => return None,
        other => other.py_str(),
    })
}

/// `_json_to_tree(data)`, without recursion.
fn json_to_tree(data: &PyValue) -> Tree<Label> {
    fn leaf(name: &str, v: &PyValue) -> Option<Label> {
        py_str_scalar(v).map(|s| Label::new(format!("{name}:{s}")))
    }
    /// Pushes a container's children last-first, so that they are popped,
    /// and so added to their parent, in order.
    fn push_kids<'v>(stack: &mut Vec<(&'v PyValue, usize, String)>, v: &'v PyValue, id: usize) {
        match v {
            PyValue::Dict(pairs) => {
                // `sorted(data.items())`: keys are distinct strings, ordered by code point.
                let mut items: Vec<(&str, &PyValue)> = pairs
                    .iter()
                    .filter_map(|(k, v)| Some((key_str(k)?, v)))
                    .collect();
                items.sort_unstable_by(|a, b| a.0.cmp(b.0));
                for (k, v) in items.into_iter().rev() {
                    stack.push((v, id, k.to_string()));
                }
            }
            PyValue::List(items) => {
                for (i, v) in items.iter().enumerate().rev() {
                    stack.push((v, id, format!("item_{i}")));
                }
            }
            _ => {}
        }
    }
    if let Some(label) = leaf("root", data) {
        return Tree::new(label);
    }
    let mut tree = Tree::new(Label::new("root".into()));
    let mut stack = Vec::new();
    push_kids(&mut stack, data, Tree::<Label>::ROOT);
    while let Some((v, parent, name)) = stack.pop() {
        match leaf(&name, v) {
            Some(label) => {
                tree.add_kid(parent, label);
            }
            None => {
                let id = tree.add_kid(parent, Label::new(name));
                push_kids(&mut stack, v, id);
            }
        }
    }
    tree
}

/// `len(json.dumps(v))`: default separators, `ensure_ascii`, floats as
/// `float.__repr__`, non-finite floats as `NaN` / `Infinity` / `-Infinity`.
fn dumps_len(v: &PyValue) -> usize {
    dumps_len_with(v, |x| float_repr(x).len())
}

/// The longest `float.__repr__` of a finite float (`-2.2250738585072014e-308`).
const MAX_FLOAT_REPR: usize = 24;

/// `len(json.dumps(v))` with `finite_float_len` for each finite float.
fn dumps_len_with(v: &PyValue, finite_float_len: impl Fn(f64) -> usize) -> usize {
    fn str_len(s: &str) -> usize {
        2 + s
            .chars()
            .map(|c| match c {
                '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
                ' '..='~' => 1,
                c if (c as u32) < 0x10000 => 6,
                // A surrogate pair of `\uXXXX` escapes.
                _ => 12,
            })
            .sum::<usize>()
    }
    let mut total = 0;
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        total += match v {
            PyValue::Float(x) if x.is_nan() => 3,
            PyValue::Float(x) if x.is_infinite() => {
                if *x > 0.0 {
                    8
                } else {
                    9
                }
            }
            PyValue::Float(x) => finite_float_len(*x),
            PyValue::Str(s) => str_len(s),
            PyValue::List(items) => {
                stack.extend(items);
                2 + 2 * items.len().saturating_sub(1)
            }
            PyValue::Dict(pairs) => {
                let mut n = 2 + 2 * pairs.len().saturating_sub(1);
                for (k, v) in pairs {
                    n += key_str(k).map_or(0, str_len) + 2;
                    stack.push(v);
                }
                n
            }
            // None, True, False and ints print as `str()` does.
            other => scalar_str_len(other),
        };
    }
    total
}

/// `len(str(v))` for a scalar that is not a float or a str.
fn scalar_str_len(v: &PyValue) -> usize {
    match v {
        PyValue::None => 4,
        PyValue::Bool(true) => 4,
        PyValue::Bool(false) => 5,
        PyValue::Int(n) => match n.to_i64() {
            Some(i) => usize::from(i < 0) + decimal_digits(i.unsigned_abs()),
            None => n.to_string().len(),
        },
        other => py_str_scalar(other).map_or(0, |s| s.chars().count()),
    }
}

/// `len(str(n))`.
fn decimal_digits(mut n: u64) -> usize {
    let mut digits = 1;
    while n >= 10 {
        n /= 10;
        digits += 1;
    }
    digits
}

/// Lower bounds of the label lengths of a value's tree, one per node, and an
/// upper bound of `len(json.dumps(v))`, without building the tree: every
/// length is exact but a finite float's `str()`, which is at least 3
/// characters (`0.0`) and at most [`MAX_FLOAT_REPR`].
fn cheap_bounds(v: &PyValue) -> (Vec<usize>, usize) {
    let mut lens = Vec::new();
    let value_len = |v: &PyValue| match v {
        PyValue::Float(x) if x.is_finite() => 3,
        PyValue::Float(x) => float_repr(*x).len(),
        PyValue::Str(s) => s.chars().count(),
        other => scalar_str_len(other),
    };
    // (value, length of its name: the key, `item_<i>` or `root`).
    let mut stack = vec![(v, 4)];
    while let Some((v, name)) = stack.pop() {
        match v {
            PyValue::Dict(pairs) => {
                lens.push(name);
                for (k, v) in pairs {
                    stack.push((v, key_str(k).map_or(0, |k| k.chars().count())));
                }
            }
            PyValue::List(items) => {
                lens.push(name);
                for (i, v) in items.iter().enumerate() {
                    stack.push((v, 5 + decimal_digits(i as u64)));
                }
            }
            leaf => lens.push(name + 1 + value_len(leaf)),
        }
    }
    (lens, dumps_len_with(v, |_| MAX_FLOAT_REPR))
}

/// The label edit distance ran past its step budget.
#[derive(Debug)]
struct OverBudget;

/// `_str_edit_distance` (Levenshtein over code points) with a step budget and
/// reusable scratch space.
struct EditDistance {
    steps_left: u64,
    /// Bit masks of the pattern's positions per ASCII character.
    ascii: [u64; 128],
    other: Vec<(char, u64)>,
    rows: Vec<usize>,
}

impl EditDistance {
    fn new(steps: u64) -> Self {
        EditDistance {
            steps_left: steps,
            ascii: [0; 128],
            other: Vec::new(),
            rows: Vec::new(),
        }
    }

    fn charge(&mut self, steps: u64) -> Result<(), OverBudget> {
        self.steps_left = self.steps_left.checked_sub(steps).ok_or(OverBudget)?;
        Ok(())
    }

    /// The Levenshtein distance, which is what the reference's two-row
    /// dynamic programme computes; common prefixes and suffixes do not
    /// change it and are skipped.
    fn distance(&mut self, a: &[char], b: &[char]) -> Result<usize, OverBudget> {
        self.charge(1)?;
        let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
        let (a, b) = (&a[prefix..], &b[prefix..]);
        let suffix = a
            .iter()
            .rev()
            .zip(b.iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
        self.charge((prefix + suffix) as u64 / 8)?;
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        match short {
            [] => Ok(long.len()),
            // One character: every other one of `long` is inserted, and it
            // is kept if `long` has it, else substituted.
            [c] => {
                self.charge(long.len() as u64 / 8)?;
                Ok(long.len() - usize::from(long.contains(c)))
            }
            _ if short.len() <= 64 => {
                self.charge(long.len() as u64)?;
                Ok(self.bit_parallel(short, long))
            }
            _ => {
                self.charge(short.len() as u64 * long.len() as u64 / 2)?;
                Ok(self.two_rows(short, long))
            }
        }
    }

    /// Myers' bit-vector algorithm (Hyyrö's formulation for global edit
    /// distance), the pattern being at most 64 characters.
    fn bit_parallel(&mut self, pattern: &[char], text: &[char]) -> usize {
        let m = pattern.len();
        for (i, &c) in pattern.iter().enumerate() {
            let bit = 1u64 << i;
            if (c as u32) < 128 {
                self.ascii[c as usize] |= bit;
            } else if let Some(e) = self.other.iter_mut().find(|e| e.0 == c) {
                e.1 |= bit;
            } else {
                self.other.push((c, bit));
            }
        }
        let high = 1u64 << (m - 1);
        let mut pv = u64::MAX;
        let mut mv = 0u64;
        let mut score = m;
        for &c in text {
            let eq = if (c as u32) < 128 {
                self.ascii[c as usize]
            } else {
                self.other.iter().find(|e| e.0 == c).map_or(0, |e| e.1)
            };
            let xv = eq | mv;
            let xh = ((eq & pv).wrapping_add(pv) ^ pv) | eq;
            let mut ph = mv | !(xh | pv);
            let mut mh = pv & xh;
            if ph & high != 0 {
                score += 1;
            } else if mh & high != 0 {
                score -= 1;
            }
            ph = (ph << 1) | 1;
            mh <<= 1;
            pv = mh | !(xv | ph);
            mv = ph & xv;
        }
        for &c in pattern {
            if (c as u32) < 128 {
                self.ascii[c as usize] = 0;
            }
        }
        self.other.clear();
        score
    }

    /// The reference's two-row dynamic programme.
    fn two_rows(&mut self, a: &[char], b: &[char]) -> usize {
        let n = a.len();
        let row = &mut self.rows;
        row.clear();
        row.extend(0..=n);
        for (j, &cb) in b.iter().enumerate() {
            let mut diag = row[0];
            row[0] = j + 1;
            for i in 1..=n {
                let up = row[i];
                row[i] = if a[i - 1] == cb {
                    diag
                } else {
                    1 + up.min(row[i - 1]).min(diag)
                };
                diag = up;
            }
        }
        row[n]
    }

    /// `_tree_node_edit_distance(text1, text2)`.
    fn node_distance(&mut self, t1: &Label, t2: &Label) -> Result<f64, OverBudget> {
        let (Some(c1), Some(c2)) = (t1.colon, t2.colon) else {
            return Ok(self.distance(&t1.text, &t2.text)? as f64);
        };
        let (key1, value1) = (&t1.text[..c1], &t1.text[c1 + 1..]);
        let (key2, value2) = (&t2.text[..c2], &t2.text[c2 + 1..]);
        let key_dist = if key1 != key2 {
            self.distance(key1, key2)?
        } else {
            0
        };
        if value1 == value2 {
            return Ok(key_dist as f64);
        }
        // The reference computes the string distance first and may replace
        // it; it is only computed here when it is kept.
        let value_dist = if t1.numeric_with_dots && t2.numeric_with_dots {
            match (t1.float, t2.float) {
                (Some(f1), Some(f2)) => {
                    let (abs1, abs2) = (f1.abs(), f2.abs());
                    let smaller = if abs2 < abs1 { abs2 } else { abs1 };
                    let divisor = py_max(smaller, 10e-5);
                    value1.len().max(value2.len()) as f64 * ((abs1 - abs2) / divisor).abs()
                }
                // float() raised ValueError: the string distance stands.
                _ => self.distance(value1, value2)? as f64,
            }
        } else if t1.numeric || t2.numeric {
            // Numeric where it should not be, or the reverse.
            (self.distance(value1, value2)? + t1.len().max(t2.len())) as f64
        } else {
            self.distance(value1, value2)? as f64
        };
        Ok(key_dist as f64 + value_dist)
    }
}

/// `_compute_json_similarity(answer, oracle)`.
fn compute_json_similarity(json1: &PyValue, json2: &PyValue) -> f64 {
    // First the exact lower bound from lengths that cost nothing to work out
    // (a megabyte of junk ends here), with an upper bound of `max_size`.
    let (lens1, dumps1) = cheap_bounds(json1);
    let (lens2, dumps2) = cheap_bounds(json2);
    let scale = 0.2 * dumps1.max(dumps2) as f64;
    if 1.0 - removal_lower_bound(lens1, lens2) / scale <= 0.0 {
        return 0.0;
    }
    let tree1 = json_to_tree(json1);
    let tree2 = json_to_tree(json2);
    let max_size = dumps_len(json1).max(dumps_len(json2));
    let scale = 0.2 * max_size as f64;
    let similarity = |edit_distance: f64| py_max(1.0 - edit_distance / scale, 0.0);
    let lens = |t: &Tree<Label>| (0..t.len()).map(|i| t.label(i).len()).collect::<Vec<_>>();
    if similarity(removal_lower_bound(lens(&tree1), lens(&tree2))) == 0.0 {
        return 0.0;
    }
    let (a, b) = (Annotated::new(&tree1), Annotated::new(&tree2));
    let cells = a.keyroot_cells().saturating_mul(b.keyroot_cells());
    let dp_work = cells.saturating_mul(CELL_WORK);
    if dp_work < WORK {
        let mut ed = EditDistance::new(WORK - dp_work);
        if let Ok(d) = try_simple_distance(&a, &b, |x, y| ed.node_distance(x, y)) {
            return similarity(d);
        }
    }
    similarity(positional_upper_bound(&tree1, &tree2))
}

/// A lower bound on the edit distance between trees with these label
/// lengths (or lower bounds of them): the trees' difference in nodes must be
/// removed (or inserted), each at the cost of its label's length, so at
/// least the sum of that many of the shortest labels of the larger tree.
/// The distance zss sums in f64 is at least this integer too: its terms are
/// non-negative and rounding is monotonic.
fn removal_lower_bound(lens1: Vec<usize>, lens2: Vec<usize>) -> f64 {
    let (mut big, small) = if lens1.len() >= lens2.len() {
        (lens1, lens2)
    } else {
        (lens2, lens1)
    };
    let surplus = big.len() - small.len();
    if surplus == 0 {
        return 0.0;
    }
    big.select_nth_unstable(surplus - 1);
    big[..surplus].iter().sum::<usize>() as f64
}

/// The cost of one zss mapping, so an upper bound on the distance: nodes at
/// the same child-index path are matched (relabelled, or removed and
/// reinserted when that is cheaper or the relabelling is not worked out
/// within the budget), all others removed or inserted.
fn positional_upper_bound(a: &Tree<Label>, b: &Tree<Label>) -> f64 {
    let subtree_lens = |t: &Tree<Label>| {
        // Children have larger ids than their parents (the arena appends).
        let mut sums: Vec<usize> = (0..t.len()).map(|i| t.label(i).len()).collect();
        for i in (0..t.len()).rev() {
            for &k in t.children(i) {
                sums[i] += sums[k];
            }
        }
        sums
    };
    let (sums_a, sums_b) = (subtree_lens(a), subtree_lens(b));
    let mut ed = EditDistance::new(FALLBACK_LABEL_STEPS);
    let mut total = 0.0;
    let mut stack = vec![(Tree::<Label>::ROOT, Tree::<Label>::ROOT)];
    while let Some((x, y)) = stack.pop() {
        let (lx, ly) = (a.label(x), b.label(y));
        let replace = (lx.len() + ly.len()) as f64;
        let cost = match ed.node_distance(lx, ly) {
            Ok(update) if update < replace => update,
            _ => replace,
        };
        total += cost;
        let (kx, ky) = (a.children(x), b.children(y));
        let common = kx.len().min(ky.len());
        stack.extend(
            kx[..common]
                .iter()
                .copied()
                .zip(ky[..common].iter().copied()),
        );
        total += kx[common..].iter().map(|&k| sums_a[k]).sum::<usize>() as f64;
        total += ky[common..].iter().map(|&k| sums_b[k]).sum::<usize>() as f64;
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    /// The reference's `_str_edit_distance`, literally.
    fn reference_lev(a: &[char], b: &[char]) -> usize {
        let n = b.len();
        let mut prev: Vec<usize> = (0..=n).collect();
        let mut curr = vec![0; n + 1];
        for i in 1..=a.len() {
            curr[0] = i;
            for j in 1..=n {
                curr[j] = if a[i - 1] == b[j - 1] {
                    prev[j - 1]
                } else {
                    1 + prev[j].min(curr[j - 1]).min(prev[j - 1])
                };
            }
            std::mem::swap(&mut prev, &mut curr);
        }
        prev[n]
    }

    #[test]
    fn edit_distance_matches_the_reference_programme() {
        // A small deterministic generator over a tiny alphabet (many repeats),
        // lengths on both sides of the 64-character word.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let alphabet = ['a', 'b', 'c', 'é', '😀', ':'];
        let mut ed = EditDistance::new(u64::MAX);
        for _ in 0..3000 {
            let la = next(140) as usize;
            let lb = next(140) as usize;
            let a: Vec<char> = (0..la).map(|_| alphabet[next(6) as usize]).collect();
            let b: Vec<char> = (0..lb).map(|_| alphabet[next(6) as usize]).collect();
            assert_eq!(
                ed.distance(&a, &b).unwrap(),
                reference_lev(&a, &b),
                "{a:?} {b:?}"
            );
        }
        assert_eq!(ed.distance(&chars("kitten"), &chars("sitting")).unwrap(), 3);
    }

    #[test]
    fn labels_split_at_the_first_colon() {
        let l = Label::new("a:b:1".into());
        assert_eq!(l.colon, Some(1));
        assert!(!l.numeric && !l.numeric_with_dots);
        let l = Label::new("é:١٢٣.٥".into());
        assert_eq!(
            (l.colon, l.numeric, l.numeric_with_dots, l.float),
            (Some(1), false, true, Some(123.5))
        );
        let l = Label::new("x:²".into());
        assert_eq!(
            (l.numeric, l.numeric_with_dots, l.float),
            (true, true, None)
        );
        let l = Label::new("x:.".into());
        assert!(!l.numeric_with_dots);
    }

    #[test]
    fn labels_are_python_str() {
        let v =
            json_loads(r#"{"b": [true, null, 1.0, 1e16, 1e400, NaN, -0.0], "a": "x:y"}"#).unwrap();
        let t = json_to_tree(&v);
        let labels: Vec<String> = (0..t.len())
            .map(|i| t.label(i).text.iter().collect())
            .collect();
        assert_eq!(
            labels,
            [
                "root",
                "a:x:y",
                "b",
                "item_0:True",
                "item_1:None",
                "item_2:1.0",
                "item_3:1e+16",
                "item_4:inf",
                "item_5:nan",
                "item_6:-0.0"
            ]
        );
    }

    #[test]
    fn dumps_lengths_are_pythons() {
        for (text, python) in [
            (
                r#"{"a": [1, 2.5, "é😀\n\u007f~"], "b": null, "c": {}}"#,
                r#"{"a": [1, 2.5, "\u00e9\ud83d\ude00\n\u007f~"], "b": null, "c": {}}"#,
            ),
            (
                r#"{"x": NaN, "y": -Infinity, "z": 1e400, "w": -12}"#,
                r#"{"x": NaN, "y": -Infinity, "z": Infinity, "w": -12}"#,
            ),
        ] {
            assert_eq!(
                dumps_len(&json_loads(text).unwrap()),
                python.len(),
                "{text}"
            );
        }
    }

    #[test]
    fn nan_equals_nan_inside_containers() {
        let a = json_loads(r#"{"a": [NaN], "b": NaN}"#).unwrap();
        assert!(json_eq(&a, &a.clone()));
        let b = json_loads(r#"{"a": [NaN], "b": 1}"#).unwrap();
        assert!(!json_eq(&a, &b));
        let one = json_loads(r#"{"a": [1, true, 0.0]}"#).unwrap();
        let other = json_loads(r#"{"a": [1.0, 1, false]}"#).unwrap();
        assert!(json_eq(&one, &other));
    }

    #[test]
    fn where_the_reference_raises_rgym_scores_zero() {
        // RecursionError (json.loads), ValueError (int_max_str_digits),
        // ZeroDivisionError (empty oracle, answer only braces).
        let deep = format!("{{\"a\": {}1{}}}", "[".repeat(1500), "]".repeat(1500));
        assert_eq!(score_answer(Some(&deep), r#"{"a": 1}"#), 0.0);
        let huge = format!("{{\"a\": {}}}", "1".repeat(4301));
        assert_eq!(score_answer(Some(&huge), r#"{"a": 1}"#), 0.0);
        assert_eq!(score_answer(Some("{}"), "  "), 0.0);
        // One digit fewer is an int, scored.
        let big = format!("{{\"a\": {}}}", "1".repeat(4300));
        assert_eq!(score_answer(Some(&big), r#"{"a": 1}"#), 0.01);
    }

    #[test]
    fn lower_bound_never_exceeds_the_distance() {
        let texts = [
            r#"{"a": [1, 2, 3], "b": {"c": "x", "": {"": 1}}}"#,
            r#"{"a": [1.0, 2.000, 3], "b": {"c": "x"}}"#,
            r#"{"": {"": {"": {}}}, "z": [[], [[]], {}]}"#,
            r#"[1, "1", 1.5, true, null, "١٢٣"]"#,
            r#"{"k": "9999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999999"}"#,
            r#"{"k": 1}"#,
            "5",
        ];
        for x in texts {
            for y in texts {
                let (a, b) = (
                    json_to_tree(&json_loads(x).unwrap()),
                    json_to_tree(&json_loads(y).unwrap()),
                );
                let mut ed = EditDistance::new(u64::MAX);
                let d = try_simple_distance(&Annotated::new(&a), &Annotated::new(&b), |p, q| {
                    ed.node_distance(p, q)
                })
                .unwrap();
                let lens =
                    |t: &Tree<Label>| (0..t.len()).map(|i| t.label(i).len()).collect::<Vec<_>>();
                let lo = removal_lower_bound(lens(&a), lens(&b));
                let (cheap_a, _) = cheap_bounds(&json_loads(x).unwrap());
                let (cheap_b, _) = cheap_bounds(&json_loads(y).unwrap());
                assert!(removal_lower_bound(cheap_a, cheap_b) <= lo);
                let hi = positional_upper_bound(&a, &b);
                assert!(lo <= d && d <= hi, "{x} {y}: {lo} {d} {hi}");
            }
        }
    }

    /// The similarity with no budget at all.
    fn exact_similarity(x: &PyValue, y: &PyValue) -> f64 {
        let (a, b) = (json_to_tree(x), json_to_tree(y));
        let mut ed = EditDistance::new(u64::MAX);
        let d = try_simple_distance(&Annotated::new(&a), &Annotated::new(&b), |p, q| {
            ed.node_distance(p, q)
        })
        .unwrap();
        let scale = 0.2 * dumps_len(x).max(dumps_len(y)) as f64;
        py_max(1.0 - d / scale, 0.0)
    }

    #[test]
    fn lists_of_850_are_exact_and_longer_ones_bounded_below() {
        // The answer is the oracle shifted by one, which zss scores by one
        // removal and one insertion and the positional matching much worse.
        let list = |items: Vec<i64>| {
            let text: Vec<String> = items.iter().map(i64::to_string).collect();
            json_loads(&format!("{{\"values\": [{}]}}", text.join(", "))).unwrap()
        };
        for (n, exact) in [(850, true), (1000, false)] {
            let oracle = list((0..n).collect());
            let answer = list((-1..n - 1).collect());
            let got = compute_json_similarity(&answer, &oracle);
            let want = exact_similarity(&answer, &oracle);
            assert!(want > 0.9, "{n}: {want}");
            if exact {
                assert_eq!(got.to_bits(), want.to_bits(), "{n}");
            } else {
                assert!(got < want, "{n}: {got} {want}");
            }
        }
    }
}
