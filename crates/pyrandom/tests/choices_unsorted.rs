//! `choices` with weights whose running sums are not sorted (negative weights):
//! CPython's `bisect` probes a particular sequence of midpoints, and on an
//! unsorted list the probe order decides the pick. Vectors from CPython 3.11:
//!
//! ```python
//! r = random.Random(seed); r.choices(range(len(w)), weights=w, k=12)
//! ```

use pyrandom::Random;
use pyrandom::Weight::{self, Float as F, Int as I};

#[test]
fn unsorted_cumulative_weights_bisect_as_cpython() {
    #[allow(clippy::type_complexity)]
    let cases: &[(i64, &[Weight], &[usize])] = &[
        (
            0,
            &[I(3), F(-2.5), I(1), F(0.25)],
            &[2, 2, 2, 0, 2, 2, 2, 2, 2, 2, 3, 2],
        ),
        (
            0,
            &[F(1.0), F(-0.5), F(1.0)],
            &[0, 2, 2, 0, 2, 2, 2, 2, 0, 2, 2, 2],
        ),
        (
            0,
            &[I(-1), I(2), F(-0.5), F(0.75), I(1), I(-2), I(3)],
            &[6, 1, 6, 6, 6, 6, 6, 6, 1, 6, 6, 1],
        ),
        (
            0,
            &[I(5), I(-4), F(-0.5), F(0.25), F(0.5), I(-1), I(2), F(1.5)],
            &[7, 6, 7, 7, 0, 6, 7, 6, 6, 7, 0, 6],
        ),
        (
            0,
            &[F(0.1), F(0.45), F(0.45)],
            &[1, 2, 2, 1, 0, 1, 1, 2, 1, 2, 2, 1],
        ),
        (
            0,
            &[F(2.0), F(-1.9), F(0.5), F(-0.3), F(0.9), F(-0.8)],
            &[2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0],
        ),
        (
            1,
            &[I(3), F(-2.5), I(1), F(0.25)],
            &[0, 2, 2, 0, 2, 2, 2, 2, 0, 0, 2, 2],
        ),
        (
            1,
            &[F(1.0), F(-0.5), F(1.0)],
            &[2, 0, 2, 2, 0, 2, 2, 0, 0, 2, 2, 2],
        ),
        (
            1,
            &[I(-1), I(2), F(-0.5), F(0.75), I(1), I(-2), I(3)],
            &[1, 6, 1, 1, 6, 6, 1, 1, 1, 6, 1, 1],
        ),
        (
            1,
            &[I(5), I(-4), F(-0.5), F(0.25), F(0.5), I(-1), I(2), F(1.5)],
            &[7, 6, 7, 0, 7, 7, 0, 6, 7, 7, 7, 6],
        ),
        (
            1,
            &[F(0.1), F(0.45), F(0.45)],
            &[2, 2, 1, 2, 2, 2, 1, 2, 0, 1, 2, 1],
        ),
        (
            1,
            &[F(2.0), F(-1.9), F(0.5), F(-0.3), F(0.9), F(-0.8)],
            &[0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0],
        ),
        (
            42,
            &[I(3), F(-2.5), I(1), F(0.25)],
            &[2, 0, 0, 0, 2, 2, 3, 0, 2, 0, 0, 2],
        ),
        (
            42,
            &[F(1.0), F(-0.5), F(1.0)],
            &[0, 0, 2, 2, 0, 2, 2, 0, 2, 2, 2, 0],
        ),
        (
            42,
            &[I(-1), I(2), F(-0.5), F(0.75), I(1), I(-2), I(3)],
            &[6, 3, 1, 1, 6, 6, 6, 6, 6, 6, 3, 6],
        ),
        (
            42,
            &[I(5), I(-4), F(-0.5), F(0.25), F(0.5), I(-1), I(2), F(1.5)],
            &[7, 7, 7, 6, 7, 0, 6, 6, 0, 6, 0, 6],
        ),
        (
            42,
            &[F(0.1), F(0.45), F(0.45)],
            &[2, 1, 1, 1, 1, 2, 2, 2, 1, 2, 1, 1],
        ),
        (
            42,
            &[F(2.0), F(-1.9), F(0.5), F(-0.3), F(0.9), F(-0.8)],
            &[2, 2, 2, 2, 2, 2, 0, 0, 2, 2, 0, 2],
        ),
        (
            4294967301,
            &[I(3), F(-2.5), I(1), F(0.25)],
            &[0, 0, 2, 0, 2, 2, 3, 2, 2, 2, 2, 2],
        ),
        (
            4294967301,
            &[F(1.0), F(-0.5), F(1.0)],
            &[0, 2, 2, 2, 0, 2, 2, 2, 2, 2, 2, 2],
        ),
        (
            4294967301,
            &[I(-1), I(2), F(-0.5), F(0.75), I(1), I(-2), I(3)],
            &[6, 6, 1, 1, 6, 6, 6, 6, 1, 6, 6, 6],
        ),
        (
            4294967301,
            &[I(5), I(-4), F(-0.5), F(0.25), F(0.5), I(-1), I(2), F(1.5)],
            &[7, 6, 0, 7, 6, 0, 6, 0, 6, 0, 7, 7],
        ),
        (
            4294967301,
            &[F(0.1), F(0.45), F(0.45)],
            &[2, 1, 1, 2, 2, 2, 1, 2, 1, 2, 1, 2],
        ),
        (
            4294967301,
            &[F(2.0), F(-1.9), F(0.5), F(-0.3), F(0.9), F(-0.8)],
            &[0, 2, 2, 2, 2, 2, 0, 2, 0, 2, 2, 2],
        ),
    ];
    let mut last_seed = None;
    let mut r = Random::new(0);
    for &(seed, weights, want) in cases {
        if last_seed != Some(seed) {
            r = Random::new(seed);
            last_seed = Some(seed);
        }
        let got = r.choices_weighted_indices(weights, want.len()).unwrap();
        assert_eq!(got, want, "seed {seed}, weights {weights:?}");
    }
}

#[test]
fn total_weight_errors_in_cpython_order() {
    let mut r = Random::new(1);
    let err =
        |r: &mut Random, w: &[Weight]| r.choices_weighted_indices(w, 1).unwrap_err().to_string();
    assert_eq!(
        err(&mut r, &[F(0.5), F(-0.5)]),
        "Total of weights must be greater than zero"
    );
    assert_eq!(
        err(&mut r, &[F(1e308), F(1e308)]),
        "Total of weights must be finite"
    );
    assert_eq!(
        err(&mut r, &[F(f64::INFINITY), F(f64::NEG_INFINITY)]),
        "Total of weights must be finite"
    );
    assert_eq!(
        err(&mut r, &[F(f64::NEG_INFINITY)]),
        "Total of weights must be greater than zero"
    );
}
