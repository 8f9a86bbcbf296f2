//! `np.loadtxt(text.splitlines(), dtype=np.float32)` and `np.allclose` of two
//! float32 arrays: how pool_matrix's scorer reads and compares matrices.

use crate::chars::py_splitlines;
use crate::floatparse::py_string_to_double;
use crate::strmethods::py_isspace;

/// What `np.loadtxt` returns: the values in row-major order and the shape
/// after numpy's squeeze (`ndmin=0`: a single row or column is 1-D, a single
/// value 0-D, no data `(0,)`).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedArray {
    pub shape: Vec<usize>,
    pub values: Vec<f32>,
}

/// `np.loadtxt(text.splitlines(), dtype=np.float32)` with its defaults
/// (whitespace-delimited, `#` comments, no quoting); `None` where it raises
/// (a field that is not a float, rows of different lengths).
///
/// numpy's reader cuts each line at `#`, splits the rest on `str.isspace`
/// characters, skips lines left without fields, and converts each field with
/// `PyOS_string_to_double` (ASCII only, the whole field) to a double that is
/// then cast to float32.
pub fn loadtxt_f32(text: &str) -> Option<LoadedArray> {
    let mut values = Vec::new();
    let mut rows = 0usize;
    let mut cols = 0usize;
    for line in py_splitlines(text) {
        let data = line.split('#').next().unwrap_or("");
        let before = values.len();
        for field in data.split(py_isspace).filter(|f| !f.is_empty()) {
            values.push(py_string_to_double(field)? as f32);
        }
        let n = values.len() - before;
        if n == 0 {
            continue;
        }
        if rows > 0 && n != cols {
            // "the number of columns changed from {cols} to {n} at row ..."
            return None;
        }
        cols = n;
        rows += 1;
    }
    let shape = match (rows, cols) {
        (0, _) => vec![0],
        (1, 1) => vec![],
        (1, c) => vec![c],
        (r, 1) => vec![r],
        (r, c) => vec![r, c],
    };
    Some(LoadedArray { shape, values })
}

/// `np.allclose(a, b, rtol)` for two float32 arrays of the same shape, with
/// the default `atol=1e-8`: both tolerances are Python floats, which numpy 2
/// casts to float32 before `|a - b| <= atol + rtol * |b|` (so the arithmetic
/// is float32 throughout), with `b` finite, or `a == b` (equal infinities).
/// NaN is close to nothing.
pub fn allclose_f32(a: &[f32], b: &[f32], rtol: f64) -> bool {
    let rtol = rtol as f32;
    let atol = 1e-8f64 as f32;
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(&x, &y)| ((x - y).abs() <= atol + rtol * y.abs() && y.is_finite()) || x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Option<Vec<usize>> {
        loadtxt_f32(text).map(|a| a.shape)
    }

    #[test]
    fn shapes_are_squeezed_as_numpy_does() {
        assert_eq!(shape("1 2\n3 4"), Some(vec![2, 2]));
        assert_eq!(shape("1 2 3"), Some(vec![3]));
        assert_eq!(shape("1\n2"), Some(vec![2]));
        assert_eq!(shape("5"), Some(vec![]));
        assert_eq!(shape(""), Some(vec![0]));
        assert_eq!(shape("#only\n  \n"), Some(vec![0]));
        assert_eq!(shape("1 2\n3"), None);
    }

    #[test]
    fn fields_parse_as_numpy_reads_them() {
        // Each case as np.loadtxt(s.splitlines(), dtype=np.float32) gives it
        // under numpy 2.4 (None: ValueError).
        let cases: &[(&str, Option<&[f32]>)] = &[
            ("1 2 #c\n3 4", Some(&[1.0, 2.0, 3.0, 4.0])),
            ("1#2", Some(&[1.0])),
            ("  1\t2  \n\n3 4", Some(&[1.0, 2.0, 3.0, 4.0])),
            ("1\u{a0}2 1\u{2003}2", Some(&[1.0, 2.0, 1.0, 2.0])),
            (".5 5. +1 -2 00.5e-0", Some(&[0.5, 5.0, 1.0, -2.0, 0.5])),
            (
                "1e400 -Infinity 1e-46 3.5e38",
                Some(&[f32::INFINITY, f32::NEG_INFINITY, 0.0, f32::INFINITY]),
            ),
            ("1,2", None),
            ("1_0", None),
            ("1e", None),
            ("1e+", None),
            ("0x10", None),
            ("\u{ff11}", None),
            ("True", None),
            ("1j", None),
            ("nan(1)", None),
            ("\"1\" 2", None),
            ("1\u{0}2", None),
            ("--1", None),
        ];
        for &(text, want) in cases {
            let got = loadtxt_f32(text).map(|a| a.values);
            assert_eq!(got.as_deref(), want, "{text:?}");
        }
        let nans = loadtxt_f32("NaN -nan +inf")
            .map(|a| a.values)
            .unwrap_or_default();
        assert!(nans[0].is_nan() && nans[1].is_nan() && nans[2] == f32::INFINITY);
    }

    #[test]
    fn allclose_is_relative_to_the_second_array_in_float32() {
        assert!(allclose_f32(&[1.0], &[1.0099], 1e-2));
        assert!(!allclose_f32(&[1.0], &[0.98], 1e-2));
        // rtol * |b| with b the answer: 100 vs 101 is close, 101 vs 100 too.
        assert!(allclose_f32(&[100.0], &[101.0], 1e-2));
        assert!(allclose_f32(&[f32::INFINITY], &[f32::INFINITY], 1e-2));
        assert!(!allclose_f32(&[f32::INFINITY], &[f32::NEG_INFINITY], 1e-2));
        assert!(!allclose_f32(&[f32::NAN], &[f32::NAN], 1e-2));
        assert!(!allclose_f32(&[1.0], &[f32::INFINITY], 1e-2));
    }
}
