//! `number_filtering`: keep or remove the numbers above or below a threshold.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use pycompat::{format_fixed, py_float, py_str_repr, repr_list};

use crate::decimal_list::DecimalList;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "number_filtering",
    category: "algorithmic",
    description: "Filter a list of decimal numbers against a threshold",
    config_class: "NumberFilteringConfig",
    build,
};

struct NumberFiltering {
    seed: Seed,
    list: DecimalList,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let list = DecimalList::read(&mut r, 4);
    let v = r.finish()?;
    list.validate(&v, true)?;
    v.done(NumberFiltering { seed: p.seed, list })
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
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let count = rng.randint(self.list.min_numbers, self.list.max_numbers)?;
        let mut numbers = Vec::new();
        let mut str_numbers = Vec::new();
        for _ in 0..count {
            let num = rng.uniform(self.list.min_value, self.list.max_value);
            let decimals = rng.randint(self.list.min_decimals, self.list.max_decimals)?;
            let text = fixed(num, decimals)?;
            // Printing then reading back loses the digits beyond `decimals`, as in Python.
            numbers.push(py_float(&text).unwrap_or(f64::NAN));
            str_numbers.push(text);
        }
        let lo = py_extreme(&numbers, |x, acc| x < acc);
        let hi = py_extreme(&numbers, |x, acc| x > acc);
        let filter_value = rng.uniform(lo, hi);
        let decimals = rng.randint(self.list.min_decimals, self.list.max_decimals)?;
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
                "original_numbers" => str_numbers,
                "filter_value" => filter_str,
                "operation" => format!("{keep_remove}_{larger_smaller}"),
                "result" => result,
                "numbers" => count,
                "difficulty" => self.list.difficulty(),
            },
        })
    }
}
