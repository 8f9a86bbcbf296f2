//! `sorted()` of float lists with NaN and duplicates must make CPython 3.11's
//! permutation (tests/data/sort.json, from scripts/vectors/sort_vectors.py).

use pycompat::py_sorted_by;
use serde_json::Value;

#[test]
fn sorted_matches_cpython_even_with_nan() {
    let rows: Vec<Value> = serde_json::from_str(include_str!("data/sort.json")).unwrap();
    for (n, row) in rows.iter().enumerate() {
        let values: Vec<f64> = row[0]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap_or(f64::NAN))
            .collect();
        let reverse = row[1].as_bool().unwrap();
        let want: Vec<usize> = row[2]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        let indexed: Vec<(usize, f64)> = values.iter().copied().enumerate().collect();
        let got: Vec<usize> = py_sorted_by(&indexed, reverse, |a, b| a.1 < b.1)
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        assert_eq!(
            got,
            want,
            "row {n}: {} values, reverse={reverse}",
            values.len()
        );
    }
}
