//! numpy's bounded integers: `random_bounded_uint64` and
//! `random_bounded_uint64_fill` (numpy/random/src/distributions/
//! distributions.c) and the int64 argument handling in front of them
//! (`_rand_int64`, numpy/random/_bounded_integers.pyx.in).
//!
//! `rng` is the *inclusive* width `high - low` (after `high -= 1` for
//! `endpoint=False`). The Generator passes `use_masked = false` (Lemire's
//! method), the legacy RandomState `true` (mask-and-reject); both call the
//! 32-bit draw while `rng` fits 32 bits, so which raw output a value comes
//! from depends on the range, and the Generator's PCG64 serves 32-bit
//! requests from its one-word buffer.

use crate::{BitGen, NpError};

/// Up to this many results are allocated up front; a larger `size` grows as
/// it is drawn, so the time limit ([`budget::check`]: once per 1024 PCG64
/// outputs, once per 624 MT19937 words) can stop it before it has taken all
/// its memory. Bounding `size` is the caller's job (a dataset's item-size
/// rule): numpy itself would try to allocate it.
pub(crate) const PREALLOCATE: usize = 1 << 16;

/// `gen_mask`: the smallest all-ones mask covering `max`.
pub(crate) fn gen_mask(max: u64) -> u64 {
    let mut mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    mask
}

/// `buffered_bounded_lemire_uint32`; `rng < 0xFFFFFFFF`.
#[inline]
fn bounded_lemire_uint32<B: BitGen>(bg: &mut B, rng: u32) -> u32 {
    let rng_excl = rng.wrapping_add(1);
    let mut m = u64::from(bg.next_uint32()) * u64::from(rng_excl);
    let mut leftover = m as u32;
    if leftover < rng_excl {
        let threshold = (u32::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = u64::from(bg.next_uint32()) * u64::from(rng_excl);
            leftover = m as u32;
        }
    }
    (m >> 32) as u32
}

/// `bounded_lemire_uint64` (the `__uint128_t` branch); `rng < 2**64 - 1`.
#[inline]
fn bounded_lemire_uint64<B: BitGen>(bg: &mut B, rng: u64) -> u64 {
    let rng_excl = rng.wrapping_add(1);
    let mut m = u128::from(bg.next_uint64()) * u128::from(rng_excl);
    let mut leftover = m as u64;
    if leftover < rng_excl {
        let threshold = (u64::MAX - rng) % rng_excl;
        while leftover < threshold {
            m = u128::from(bg.next_uint64()) * u128::from(rng_excl);
            leftover = m as u64;
        }
    }
    (m >> 64) as u64
}

/// `buffered_bounded_masked_uint32`.
#[inline]
fn bounded_masked_uint32<B: BitGen>(bg: &mut B, rng: u32, mask: u32) -> u32 {
    loop {
        let v = bg.next_uint32() & mask;
        if v <= rng {
            return v;
        }
    }
}

/// `bounded_masked_uint64`.
#[inline]
fn bounded_masked_uint64<B: BitGen>(bg: &mut B, rng: u64, mask: u64) -> u64 {
    loop {
        let v = bg.next_uint64() & mask;
        if v <= rng {
            return v;
        }
    }
}

/// `random_bounded_uint64(off, rng, mask = gen_mask(rng), use_masked)`: one
/// value in `[off, off + rng]` (wrapping). Generator's `choice` without
/// replacement and `_shuffle_int` call it with `use_masked = false`.
pub(crate) fn random_bounded_uint64<B: BitGen>(
    bg: &mut B,
    off: u64,
    rng: u64,
    use_masked: bool,
) -> u64 {
    if rng == 0 {
        off
    } else if rng <= 0xFFFF_FFFF {
        if rng == 0xFFFF_FFFF {
            // 32-bit Lemire cannot take rng = 2**32 - 1: the raw draw is exact.
            off.wrapping_add(u64::from(bg.next_uint32()))
        } else if use_masked {
            let v = bounded_masked_uint32(bg, rng as u32, gen_mask(rng) as u32);
            off.wrapping_add(u64::from(v))
        } else {
            off.wrapping_add(u64::from(bounded_lemire_uint32(bg, rng as u32)))
        }
    } else if rng == u64::MAX {
        off.wrapping_add(bg.next_uint64())
    } else if use_masked {
        off.wrapping_add(bounded_masked_uint64(bg, rng, gen_mask(rng)))
    } else {
        off.wrapping_add(bounded_lemire_uint64(bg, rng))
    }
}

/// `random_bounded_uint64_fill`: `cnt` values, in order. The C function's
/// branches are taken once per fill rather than per value, but each value is
/// drawn exactly as [`random_bounded_uint64`] draws it (numpy's `bcnt`/`buf`
/// arguments are unused for 32-bit words), so this is that call in a loop.
pub(crate) fn random_bounded_uint64_fill<B: BitGen>(
    bg: &mut B,
    off: u64,
    rng: u64,
    cnt: usize,
    use_masked: bool,
) -> Vec<u64> {
    let mut out = Vec::with_capacity(cnt.min(PREALLOCATE));
    for _ in 0..cnt {
        out.push(random_bounded_uint64(bg, off, rng, use_masked));
    }
    out
}

/// The bounds checks of `_rand_int64` for `endpoint=False`, in numpy's
/// order; `Ok((off, rng))` for the C code.
pub(crate) fn int64_bounds(low: i128, high: i128) -> Result<(u64, u64), NpError> {
    let high = high - 1;
    if low < i128::from(i64::MIN) {
        return Err(NpError::LowOutOfBounds);
    }
    if high > i128::from(i64::MAX) {
        return Err(NpError::HighOutOfBounds);
    }
    if low > high {
        // `format_bounds_error`: a special message when low is 0.
        return Err(if low == 0 {
            NpError::HighNotPositive
        } else {
            NpError::LowNotBelowHigh
        });
    }
    // Both in int64 range here, so the difference fits 64 bits unsigned.
    Ok((low as i64 as u64, (high - low) as u64))
}

/// `_rand_int64(low, high, size=None, ...)`: one int64 in `[low, high)`.
pub(crate) fn rand_int64_scalar<B: BitGen>(
    bg: &mut B,
    low: i128,
    high: i128,
    use_masked: bool,
) -> Result<i64, NpError> {
    let (off, rng) = int64_bounds(low, high)?;
    Ok(random_bounded_uint64(bg, off, rng, use_masked) as i64)
}

/// `_rand_int64(low, high, size=cnt, ...)` for scalar bounds: the flat
/// values of the int64 array, in C order. As in numpy, a size with no
/// elements returns before the bounds are checked.
pub(crate) fn rand_int64_fill<B: BitGen>(
    bg: &mut B,
    low: i128,
    high: i128,
    cnt: usize,
    use_masked: bool,
) -> Result<Vec<i64>, NpError> {
    if cnt == 0 {
        return Ok(Vec::new());
    }
    let (off, rng) = int64_bounds(low, high)?;
    Ok(random_bounded_uint64_fill(bg, off, rng, cnt, use_masked)
        .into_iter()
        .map(|v| v as i64)
        .collect())
}

/// The element count of an int64 array of this shape, with the errors
/// `np.empty(shape, np.int64)` raises.
pub(crate) fn shape_count(shape: &[i64]) -> Result<usize, NpError> {
    if shape.iter().any(|&d| d < 0) {
        return Err(NpError::NegativeDimensions);
    }
    let mut n: i64 = 1;
    for &d in shape {
        n = n.checked_mul(d).ok_or(NpError::ArrayTooBig)?;
    }
    // numpy caps an array's byte size at the largest intp.
    n.checked_mul(8).ok_or(NpError::ArrayTooBig)?;
    usize::try_from(n).map_err(|_| NpError::ArrayTooBig)
}

/// `np.prod(size) == 0` on the shape as numpy computes it (int64, wrapping):
/// `_rand_int64`'s early return for empty arrays.
pub(crate) fn shape_prod_is_zero(shape: &[i64]) -> bool {
    shape.iter().fold(1i64, |a, &d| a.wrapping_mul(d)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        assert_eq!(gen_mask(0), 0);
        assert_eq!(gen_mask(9), 15);
        assert_eq!(gen_mask(16), 31);
        assert_eq!(gen_mask(u64::MAX - 1), u64::MAX);
    }

    #[test]
    fn bounds_errors_in_numpy_order() {
        assert_eq!(int64_bounds(0, 0), Err(NpError::HighNotPositive));
        assert_eq!(int64_bounds(5, 5), Err(NpError::LowNotBelowHigh));
        assert_eq!(int64_bounds(-(1 << 64), 0), Err(NpError::LowOutOfBounds));
        assert_eq!(
            int64_bounds(1 << 63, 1 << 64),
            Err(NpError::HighOutOfBounds)
        );
        assert_eq!(
            int64_bounds(i64::MIN.into(), 1 << 63),
            Ok((1 << 63, u64::MAX))
        );
    }

    #[test]
    fn shapes() {
        assert_eq!(shape_count(&[3, 4]), Ok(12));
        assert_eq!(shape_count(&[]), Ok(1));
        assert_eq!(shape_count(&[-1, 0]), Err(NpError::NegativeDimensions));
        assert_eq!(shape_count(&[1 << 31, 1 << 31]), Err(NpError::ArrayTooBig));
        assert!(shape_prod_is_zero(&[1 << 40, 1 << 40]));
    }
}
