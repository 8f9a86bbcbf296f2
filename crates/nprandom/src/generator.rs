//! numpy's `Generator` over `PCG64` (numpy/random/_generator.pyx), the
//! calls reasoning-gym's knights_knaves makes: `default_rng(int)`,
//! `integers(low, high)`, `choice(seq)` (a 1-D list or the rows of a 2-D
//! one), `choice(seq, size=n, replace=False)`, plus `random()` and
//! `choice(seq, size=n)`, which share those paths.

use std::collections::{HashMap, HashSet};

use pyrandom::Seed;

use crate::bounded::{rand_int64_fill, rand_int64_scalar, random_bounded_uint64, PREALLOCATE};
use crate::{NpError, Pcg64, SeedSequence};

#[derive(Debug, Clone)]
pub struct Generator {
    bit_generator: Pcg64,
}

impl Generator {
    /// `np.random.default_rng(seed)` for a non-negative int below 2**64
    /// (knights_knaves passes `Random.randint(0, 2**32)`, which can be 2**32:
    /// two 32-bit words of entropy).
    pub fn default_rng(seed: u64) -> Self {
        Self::from_seed_sequence(&SeedSequence::from_u128(u128::from(seed)))
    }

    /// `np.random.default_rng(seed)` for any Python int: `SeedSequence`
    /// takes every non-negative int (its words beyond the 4-word pool are
    /// mixed in), and raises `ValueError("expected non-negative integer")`
    /// for a negative one.
    pub fn default_rng_from_python_int(seed: &Seed) -> Result<Self, NpError> {
        if seed.is_negative() {
            return Err(NpError::NegativeEntropy);
        }
        let seq = match seed.as_i128() {
            Some(v) => SeedSequence::from_u128(v.unsigned_abs()),
            None => SeedSequence::from_biguint(seed.to_bigint().magnitude()),
        };
        Ok(Self::from_seed_sequence(&seq))
    }

    /// `Generator(PCG64(seed_seq))`.
    pub fn from_seed_sequence(seq: &SeedSequence) -> Self {
        Generator {
            bit_generator: Pcg64::from_seed_sequence(seq),
        }
    }

    /// `Generator.bit_generator`: `random_raw()` is its `next_uint64`.
    pub fn bit_generator(&mut self) -> &mut Pcg64 {
        &mut self.bit_generator
    }

    /// `random()`: a float64 in [0, 1) from one 64-bit output
    /// (`next_double`). Not called by knights_knaves; here because it is the
    /// one-liner that shows a 64-bit draw leaves the 32-bit buffer in place.
    pub fn random(&mut self) -> f64 {
        self.bit_generator.next_double()
    }

    /// `integers(low, high)`: a scalar int64 in `[low, high)`
    /// (`endpoint=False`, Lemire's method). The bounds are `i128` so that
    /// numpy's own checks (`high` up to 2**63, out-of-range errors) happen here.
    pub fn integers(&mut self, low: i128, high: i128) -> Result<i64, NpError> {
        rand_int64_scalar(&mut self.bit_generator, low, high, false)
    }

    /// `integers(low, high, size=n)`: `n` int64s, drawn as `n` scalar calls
    /// would draw them (one fill; an empty size returns before the checks).
    pub fn integers_size(
        &mut self,
        low: i128,
        high: i128,
        size: usize,
    ) -> Result<Vec<i64>, NpError> {
        rand_int64_fill(&mut self.bit_generator, low, high, size, false)
    }

    /// `choice(seq)` with no size, replacement, no `p`: the index it picks,
    /// `integers(0, len(seq))`. For a 2-D list (knights_knaves'
    /// `choice(KNIGHT_KNAVE_PAIRS)`) the population is its rows.
    pub fn choice_index(&mut self, pop: usize) -> Result<usize, NpError> {
        if pop == 0 {
            return Err(NpError::EmptyPopulation);
        }
        Ok(self.integers(0, pop as i128)? as usize)
    }

    /// `choice(seq)`: the element (or, for a slice of rows, the row) picked
    /// by [`Generator::choice_index`].
    pub fn choice<'a, T>(&mut self, seq: &'a [T]) -> Result<&'a T, NpError> {
        let i = self.choice_index(seq.len())?;
        seq.get(i).ok_or(NpError::EmptyPopulation)
    }

    /// `choice(seq, size=n)` (replacement, no `p`): `integers(0, len, size=n)`.
    pub fn choice_with_replacement(
        &mut self,
        pop: usize,
        size: usize,
    ) -> Result<Vec<usize>, NpError> {
        if pop == 0 && size != 0 {
            return Err(NpError::EmptyPopulation);
        }
        Ok(self
            .integers_size(0, pop as i128, size)?
            .into_iter()
            .map(|v| v as usize)
            .collect())
    }

    /// `choice(seq, size=n, replace=False)` (no `p`, `shuffle=True`): the
    /// indices picked, in numpy's order.
    ///
    /// numpy takes one of two algorithms. For `pop > 10000` with
    /// `n > pop // 50` it shuffles the tail of `arange(pop)`
    /// (`_shuffle_int(pop, max(pop - n, 1))`) and returns its last `n`
    /// entries; this port keeps only the touched entries in a map, so the
    /// memory is O(n) rather than O(pop) and the draws are the same. Otherwise
    /// (knights_knaves' 51 names) it is Floyd's algorithm, each candidate
    /// `random_bounded_uint64(0, j)`, and the picks are then shuffled with
    /// `_shuffle_int(n, 1)`. numpy's open-addressing hash set only answers
    /// "seen before?", so a `HashSet` stands in for it.
    pub fn choice_without_replacement(
        &mut self,
        pop: usize,
        size: usize,
    ) -> Result<Vec<usize>, NpError> {
        if pop == 0 && size != 0 {
            return Err(NpError::EmptyPopulation);
        }
        if size > pop {
            return Err(NpError::SampleTooLarge);
        }
        let (pop, n) = (pop as u64, size as u64);
        let picks = if pop > 10_000 && n > pop / 50 {
            self.tail_shuffle(pop, n)
        } else {
            let mut picks = Vec::with_capacity(size.min(PREALLOCATE));
            let mut seen = HashSet::with_capacity(size.min(PREALLOCATE));
            for j in pop - n..pop {
                let val = random_bounded_uint64(&mut self.bit_generator, 0, j, false);
                // Every earlier pick is < j, so j itself is always new.
                let pick = if seen.insert(val) { val } else { j };
                seen.insert(pick);
                picks.push(pick);
            }
            self.shuffle_int(&mut picks, 1);
            picks
        };
        Ok(picks.into_iter().map(|v| v as usize).collect())
    }

    /// `_shuffle_int(n = data.len(), first, data)`: Fisher–Yates from the
    /// last index down to `first`, each partner
    /// `random_bounded_uint64(0, i)` (Lemire, not `shuffle`'s masked
    /// `random_interval`).
    fn shuffle_int(&mut self, data: &mut [u64], first: usize) {
        for i in (first..data.len()).rev() {
            let j = random_bounded_uint64(&mut self.bit_generator, 0, i as u64, false) as usize;
            data.swap(i, j);
        }
    }

    /// The tail-shuffle branch: `_shuffle_int` over a virtual
    /// `arange(pop)`, then `idx[pop - n:]`.
    fn tail_shuffle(&mut self, pop: u64, n: u64) -> Vec<u64> {
        let first = (pop - n).max(1);
        // Entries that differ from their index; every other entry is its index.
        let mut moved: HashMap<u64, u64> = HashMap::new();
        for i in (first..pop).rev() {
            let j = random_bounded_uint64(&mut self.bit_generator, 0, i, false);
            let vi = moved.get(&i).copied().unwrap_or(i);
            let vj = moved.get(&j).copied().unwrap_or(j);
            moved.insert(i, vj);
            moved.insert(j, vi);
        }
        (pop - n..pop)
            .map(|k| moved.get(&k).copied().unwrap_or(k))
            .collect()
    }
}
