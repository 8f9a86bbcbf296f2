//! `number_filtering`: keep or remove the numbers above or below a threshold.

use std::sync::Arc;

use dataset_core::config::ensure;
use dataset_core::{
    item_rng, meta, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
};
use pycompat::{format_fixed, py_float, py_str_repr, repr_list};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "number_filtering",
    category: "algorithmic",
    description: "Filter a list of decimal numbers against a threshold",
    config_class: "NumberFilteringConfig",
    build,
};

struct NumberFiltering {
    seed: i128,
    min_numbers: i64,
    max_numbers: i64,
    min_decimals: i64,
    max_decimals: i64,
    min_value: f64,
    max_value: f64,
    /// The value bounds as given (an int stays an int in the metadata).
    value_range: [Value; 2],
}

/// A float field read as `r.float`, with the JSON number as given for echoing back.
pub(crate) fn float_as_given(
    r: &mut ConfigReader,
    name: &'static str,
    default: f64,
) -> (f64, Value) {
    let x = r.float(name, default);
    let given = r
        .raw(name)
        .filter(|v| v.is_number())
        .cloned()
        .unwrap_or_else(|| json!(x));
    (x, given)
}

fn build(r: &mut ConfigReader, p: Params) -> Result<Arc<dyn Dataset>> {
    let min_numbers = r.int("min_numbers", 3);
    let max_numbers = r.int("max_numbers", 10);
    let min_decimals = r.int("min_decimals", 0);
    let max_decimals = r.int("max_decimals", 4);
    let (min_value, min_json) = float_as_given(r, "min_value", -100.0);
    let (max_value, max_json) = float_as_given(r, "max_value", 100.0);
    r.finish()?;
    ensure(min_numbers > 0, "min_numbers must be positive")?;
    ensure(
        max_numbers >= min_numbers,
        "max_numbers must be >= min_numbers",
    )?;
    ensure(min_decimals >= 0, "min_decimals must be non-negative")?;
    ensure(
        max_decimals >= min_decimals,
        "max_decimals must be >= min_decimals",
    )?;
    ensure(max_value > min_value, "max_value must be > min_value")?;
    Ok(Arc::new(NumberFiltering {
        seed: p.seed,
        min_numbers,
        max_numbers,
        min_decimals,
        max_decimals,
        min_value,
        max_value,
        value_range: [min_json, max_json],
    }))
}

/// `f"{x:.{decimals}f}"`; Python refuses precisions beyond a C int.
fn fixed(x: f64, decimals: i64) -> Result<String> {
    if decimals > i64::from(i32::MAX) {
        return Err(DatasetError::Generation("precision too big".into()));
    }
    Ok(format_fixed(x, decimals as usize))
}

/// `min(xs)` / `max(xs)`: the first element, replaced by each later one that
/// compares `better` (so a leading NaN sticks, as in Python).
fn py_extreme(xs: &[f64], better: impl Fn(f64, f64) -> bool) -> f64 {
    xs.iter()
        .skip(1)
        .fold(xs[0], |acc, &x| if better(x, acc) { x } else { acc })
}

impl Dataset for NumberFiltering {
    fn name(&self) -> &str {
        INFO.name
    }

    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(self.seed, idx);
        let count = rng.randint(self.min_numbers, self.max_numbers)?;
        let mut numbers = Vec::new();
        let mut str_numbers = Vec::new();
        for _ in 0..count {
            let num = rng.uniform(self.min_value, self.max_value);
            let decimals = rng.randint(self.min_decimals, self.max_decimals)?;
            let text = fixed(num, decimals)?;
            // Printing then reading back loses the digits beyond `decimals`, as in Python.
            numbers.push(py_float(&text).unwrap_or(f64::NAN));
            str_numbers.push(text);
        }
        let lo = py_extreme(&numbers, |x, acc| x < acc);
        let hi = py_extreme(&numbers, |x, acc| x > acc);
        let filter_value = rng.uniform(lo, hi);
        let decimals = rng.randint(self.min_decimals, self.max_decimals)?;
        let filter_str = fixed(filter_value, decimals)?;
        let filter_value = py_float(&filter_str).unwrap_or(f64::NAN);
        let keep_larger = *rng.choice(&[true, false])?;
        let keep = *rng.choice(&[true, false])?;
        let larger_smaller = if keep_larger { "larger" } else { "smaller" };
        let keep_remove = if keep { "keep" } else { "remove" };
        let kept = |n: f64| match (keep, keep_larger) {
            (true, true) => n > filter_value,
            (true, false) => n < filter_value,
            (false, true) => n <= filter_value,
            (false, false) => n >= filter_value,
        };
        // Each kept number is printed as the first equal number was (`numbers.index(n)`).
        let result: Vec<String> = numbers
            .iter()
            .filter(|&&n| kept(n))
            .map(|&n| {
                let first = numbers.iter().position(|&m| m == n).unwrap_or(0);
                str_numbers[first].clone()
            })
            .collect();
        let listing = repr_list(str_numbers.iter().map(|s| py_str_repr(s)));
        let question = format!(
            "{} all numbers {larger_smaller} than {filter_str} in this list: {listing}\n\
             Return the new list in the same format.",
            if keep { "Keep" } else { "Remove" }
        );
        Ok(Item {
            question,
            answer: repr_list(result.iter().map(|s| py_str_repr(s))),
            metadata: meta! {
                "source_dataset" => INFO.name,
                "source_index" => idx,
                "original_numbers" => str_numbers,
                "filter_value" => filter_str,
                "operation" => format!("{keep_remove}_{larger_smaller}"),
                "result" => result,
                "numbers" => count,
                "difficulty" => json!({
                    "numbers": [self.min_numbers, self.max_numbers],
                    "decimals": [self.min_decimals, self.max_decimals],
                    "value": self.value_range,
                }),
            },
        })
    }
}
