//! `number_sorting`: sort rounded decimal numbers up or down.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use pycompat::{
    float_repr, json_loads, np_round, py_eval, py_sorted_by, py_str_repr, repr_list, PyValue,
};
use serde_json::Value;

use crate::decimal_list::DecimalList;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "number_sorting",
    category: "algorithmic",
    description: "Sort a list of decimal numbers in ascending or descending order",
    config_class: "NumberSortingConfig",
    build,
};

const ADDED_INSTRUCTION: &str = "
Please follow the instruction below:
## 1. Let all your answers be a list of numbers. Instead of reporting your answer as -69, -13, 1, 7, 11, 43, 59, 61, use ['-69', '-13', '1', '7', '11', '43', '59', '61'] instead
## 2. Convert all numbers in the square brackets as strings. For example, ['-69', '-13', '1', '7', '11', '43', '59', '61']
";

struct NumberSorting {
    seed: Seed,
    list: DecimalList,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let list = DecimalList::read(&mut r, 2);
    let v = r.finish()?;
    list.validate(&v, false)?;
    v.done(NumberSorting { seed: p.seed, list })
}

/// A number of the answer list after `float(num)`. `shared` marks a NaN that
/// is `json`'s one `NaN` object: such NaNs are all identical, so Python's list
/// equality (`x is y or x == y`) finds them equal to each other.
#[derive(Clone, Copy)]
struct Float {
    value: f64,
    shared: bool,
}

/// `float(v)` for an element of the parsed answer.
fn to_float(v: &PyValue) -> Option<Float> {
    let value = v.py_float()?;
    Some(Float {
        value,
        shared: matches!(v, PyValue::Float(_)) && value.is_nan(),
    })
}

/// `floats == sorted(floats, reverse=...)` with Python's identity shortcut.
fn is_sorted(floats: &[Float], reverse: bool) -> bool {
    let indexed: Vec<(usize, Float)> = floats.iter().copied().enumerate().collect();
    let sorted = py_sorted_by(&indexed, reverse, |a, b| a.1.value < b.1.value);
    indexed
        .iter()
        .zip(&sorted)
        .all(|((i, x), (j, y))| i == j || (x.shared && y.shared) || x.value == y.value)
}

impl Dataset for NumberSorting {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let count = rng.randint(self.list.min_numbers, self.list.max_numbers)?;
        let mut numbers = Vec::new();
        for _ in 0..count {
            let num = rng.uniform(self.list.min_value, self.list.max_value);
            let decimals = rng.randint(self.list.min_decimals, self.list.max_decimals)?;
            // numpy takes `decimals` as a C int.
            let decimals = i32::try_from(decimals).map_err(|_| {
                DatasetError::Generation("Python int too large to convert to C int".into())
            })?;
            numbers.push(np_round(num, decimals));
        }
        let number_strs: Vec<String> = numbers.iter().map(|&x| float_repr(x)).collect();
        let is_ascending = *rng.choice(&[true, false])?;
        let sorted = py_sorted_by(&numbers, !is_ascending, |a, b| a < b);
        let answer: Vec<String> = sorted.iter().map(|&x| float_repr(x)).collect();
        let direction = if is_ascending {
            "ascending"
        } else {
            "descending"
        };
        let question = format!(
            "Sort these numbers in {direction} order: {}{ADDED_INSTRUCTION}",
            number_strs.join(", ")
        );
        Ok(Item {
            question,
            answer: repr_list(answer.iter().map(|s| py_str_repr(s))),
            metadata: meta! {
                "original_numbers" => number_strs,
                "direction" => direction,
                "sorted_numbers" => answer,
                "numbers" => count,
                "difficulty" => self.list.difficulty(),
            },
        })
    }

    /// 1.0 when the answer, read as JSON after turning `'` into `"`, is a
    /// list sorted in the asked direction whose numbers are each within 1 of
    /// the expected ones.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let Ok(PyValue::List(user)) = json_loads(&answer.replace('\'', "\"")) else {
            return 0.0;
        };
        // The reference answer is a Python list literal, not JSON.
        let expected = match json_loads(&item.answer).or_else(|_| py_eval(&item.answer)) {
            Ok(v) => match v.py_iter() {
                Some(items) => items,
                None => return 0.0,
            },
            Err(_) => return 0.0,
        };
        if user.len() != expected.len() {
            return 0.0;
        }
        let Some(user) = user.iter().map(to_float).collect::<Option<Vec<_>>>() else {
            return 0.0;
        };
        let Some(expected) = expected
            .iter()
            .map(PyValue::py_float)
            .collect::<Option<Vec<_>>>()
        else {
            return 0.0;
        };
        let descending = match item.metadata.get("direction") {
            Some(Value::String(d)) => d != "ascending",
            Some(_) => true,
            None => return 0.0,
        };
        if !is_sorted(&user, descending) {
            return 0.0;
        }
        // `abs(u - e) > 1` is false for NaN, so a NaN passes, as in Python.
        if user
            .iter()
            .zip(&expected)
            .any(|(u, e)| (u.value - e).abs() > 1.0)
        {
            return 0.0;
        }
        1.0
    }
}
