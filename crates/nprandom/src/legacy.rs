//! numpy's legacy `RandomState` (numpy/random/mtrand.pyx) over MT19937, as
//! pool_matrix uses it: `np.random.seed(int)` then
//! `np.random.randint(low, high, shape)` (dtype `long`, i.e. int64).

use pyrandom::{Random, Seed};

use crate::bounded::{
    int64_bounds, rand_int64_fill, rand_int64_scalar, shape_count, shape_prod_is_zero,
};
use crate::{BitGen, NpError};

/// numpy's MT19937 bit generator, on `pyrandom`'s MT19937 core (the same
/// table, twist and tempering; only the seeding differs from CPython's).
#[derive(Debug, Clone)]
struct Mt19937(Random);

impl BitGen for Mt19937 {
    /// `mt19937_next32`: one tempered word.
    #[inline]
    fn next_uint32(&mut self) -> u32 {
        self.0.next_u32()
    }

    /// `mt19937_next64`: `next << 32 | next`, the first word drawn being the
    /// high half (the order numpy's build evaluates it in; the vectors check it).
    #[inline]
    fn next_uint64(&mut self) -> u64 {
        let hi = u64::from(self.0.next_u32());
        let lo = u64::from(self.0.next_u32());
        (hi << 32) | lo
    }
}

#[derive(Debug, Clone)]
pub struct RandomState {
    mt: Mt19937,
}

impl RandomState {
    /// `RandomState(seed)` / `np.random.seed(seed)` for a seed in
    /// `[0, 2**32)`: `_legacy_seeding` → `mt19937_seed`, which is MT19937's
    /// `init_genrand` (the one-word Knuth initialiser, not `init_by_array`).
    pub fn seed(seed: u32) -> Self {
        RandomState {
            mt: Mt19937(Random::from_init_genrand(seed)),
        }
    }

    /// `np.random.seed(seed)` for any Python int: seeds outside
    /// `[0, 2**32)` raise `ValueError("Seed must be between 0 and 2**32 - 1")`,
    /// so in the reference every pool_matrix item with `seed + idx >= 2**32`
    /// (or negative) is that error.
    pub fn seed_from_python_int(seed: &Seed) -> Result<Self, NpError> {
        seed.as_i128()
            .and_then(|v| u32::try_from(v).ok())
            .map(Self::seed)
            .ok_or(NpError::SeedOutOfRange)
    }

    /// `randint(low, high)` with no size: one int64 in `[low, high)` by masked
    /// rejection (`random_bounded_uint64_fill(..., cnt=1, use_masked=True)`).
    pub fn randint_scalar(&mut self, low: i128, high: i128) -> Result<i64, NpError> {
        rand_int64_scalar(&mut self.mt, low, high, true)
    }

    /// `randint(low, high, size=shape)`: the int64 array's values in C
    /// (row-major) order, each element masked-rejection sampled from 32-bit
    /// words while `high - low - 1` fits 32 bits (`np.random.randint(0, 10,
    /// (rows, cols))`: mask 15, reject while `u & 15 > 9`), from 64-bit
    /// words beyond. A shape with no elements returns empty before the
    /// bounds are checked, as numpy does.
    pub fn randint(&mut self, low: i128, high: i128, shape: &[i64]) -> Result<Vec<i64>, NpError> {
        if shape_prod_is_zero(shape) {
            // `np.empty(size)`: still refuses a negative or oversized shape.
            shape_count(shape)?;
            return Ok(Vec::new());
        }
        // numpy checks the bounds before it allocates the array.
        int64_bounds(low, high)?;
        let cnt = shape_count(shape)?;
        rand_int64_fill(&mut self.mt, low, high, cnt, true)
    }
}
