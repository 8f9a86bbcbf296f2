//! `np.round` of a float64.

/// `np.round(x, decimals)` for a float64: `rint(x * 10**d) / 10**d` (or the
/// mirror image for negative `d`), not Python's correctly rounded `round`,
/// with numpy's own power of ten, which multiplies up from `1e9` and so
/// overflows to `inf` past 308 (making the result `nan`).
pub fn np_round(x: f64, decimals: i32) -> f64 {
    let scale = |n: u32| -> f64 {
        const SMALL: [f64; 9] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
        match SMALL.get(n as usize) {
            Some(&p) => p,
            // Past 10^308 the product is inf, and stays inf.
            None if n > 400 => f64::INFINITY,
            None => (9..n).fold(1e9, |acc, _| acc * 10.0),
        }
    };
    if decimals >= 0 {
        let f = scale(decimals.unsigned_abs());
        (x * f).round_ties_even() / f
    } else {
        let f = scale(decimals.unsigned_abs());
        (x / f).round_ties_even() * f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_matches_numpy() {
        // (x, d, float(np.round(x, d))) under numpy 2.4.
        let cases: &[(f64, i32, f64)] = &[
            (2.675, 2, 2.68),
            (0.125, 2, 0.12),
            (0.375, 2, 0.38),
            (-2.5, 0, -2.0),
            (3.5, 0, 4.0),
            (1.005, 2, 1.0),
            (123.456789, 4, 123.4568),
            (-56.78149, 3, -56.781),
            (1e300, 10, f64::INFINITY),
            (1.5e308, 1, f64::INFINITY),
            (0.1, 20, 0.1),
            (12.3456789, 25, 12.3456789),
            (-0.4, 0, -0.0),
            (99.995, 2, 100.0),
            (2.5, 0, 2.0),
            (1234.5678, 30, 1234.5678),
        ];
        for &(x, d, want) in cases {
            let got = np_round(x, d);
            assert!(
                got.to_bits() == want.to_bits(),
                "np.round({x}, {d}) = {want}, got {got}"
            );
        }
        assert!(np_round(5e-324, 320).is_nan());
        assert!(np_round(1.5, i32::MAX).is_nan());
        assert_eq!(np_round(1.5, 308), 1.5);
        assert!(np_round(1.5, 309).is_nan());
    }
}
