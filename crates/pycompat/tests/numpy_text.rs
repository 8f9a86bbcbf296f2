//! `np.loadtxt(..., dtype=np.float32)` and `np.allclose(..., rtol=1e-2)` as
//! numpy 2.4 computes them (tests/data/numpy_text.json, from
//! scripts/vectors/numpy_text_vectors.py): hostile texts, tolerance edges.

use pycompat::{allclose_f32, loadtxt_f32};
use serde_json::Value;

fn data() -> Value {
    serde_json::from_str(include_str!("data/numpy_text.json")).expect("vector file parses")
}

fn f32_of_bits(v: &Value) -> f32 {
    f64::from_bits(v.as_u64().expect("bits")) as f32
}

#[test]
fn loadtxt_reads_what_numpy_reads() {
    let data = data();
    let rows = data["loadtxt"].as_array().expect("loadtxt rows");
    assert!(rows.len() >= 4000);
    for row in rows {
        let text = row["text"].as_str().expect("text");
        let got = loadtxt_f32(text);
        if row["shape"].is_null() {
            assert!(got.is_none(), "{text:?}: numpy raises, rgym loads {got:?}");
            continue;
        }
        let got = got.unwrap_or_else(|| panic!("{text:?}: numpy loads, rgym refuses"));
        let shape: Vec<usize> = row["shape"]
            .as_array()
            .expect("shape")
            .iter()
            .map(|v| v.as_u64().expect("dim") as usize)
            .collect();
        assert_eq!(got.shape, shape, "{text:?}");
        let want: Vec<u32> = row["bits"]
            .as_array()
            .expect("bits")
            .iter()
            .map(|v| f32_of_bits(v).to_bits())
            .collect();
        let got_bits: Vec<u32> = got.values.iter().map(|v| v.to_bits()).collect();
        // NaN's sign and payload are not the reader's business: compare NaN as NaN.
        let same = want.len() == got_bits.len()
            && want.iter().zip(&got_bits).all(|(&w, &g)| {
                w == g || (f32::from_bits(w).is_nan() && f32::from_bits(g).is_nan())
            });
        assert!(same, "{text:?}: numpy {want:?}, rgym {got_bits:?}");
    }
}

#[test]
fn allclose_agrees_with_numpy_at_the_edges() {
    let data = data();
    let rows = data["allclose"].as_array().expect("allclose rows");
    assert!(rows.len() >= 4000);
    for row in rows {
        let (a, b) = (f32_of_bits(&row["a"]), f32_of_bits(&row["b"]));
        let want = row["close"].as_bool().expect("close");
        assert_eq!(
            allclose_f32(&[a], &[b], 1e-2),
            want,
            "allclose({a:e}, {b:e})"
        );
    }
}

#[test]
fn int_arrays_print_as_numpy_prints_them() {
    let data = data();
    let rows = data["array_str"].as_array().expect("array_str rows");
    assert!(rows.len() >= 300);
    for row in rows {
        let shape: Vec<usize> = row["shape"]
            .as_array()
            .expect("shape")
            .iter()
            .map(|v| v.as_u64().expect("dim") as usize)
            .collect();
        let values: Vec<i64> = row["values"]
            .as_str()
            .expect("values")
            .split_whitespace()
            .map(|v| v.parse().expect("int64"))
            .collect();
        let want = row["str"].as_str().expect("str");
        assert_eq!(
            pycompat::int_array_str(&shape, &values),
            want,
            "shape {shape:?}"
        );
    }
}
