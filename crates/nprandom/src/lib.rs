//! numpy's random streams, reproduced bit for bit, as reasoning-gym 0.1.25
//! consumes them (numpy 2.4.6 in its environment).
//!
//! Two unrelated generators, neither of them Python's `random`:
//!
//! - [`Generator`]: `np.random.default_rng(seed)` — [`SeedSequence`] hashing
//!   feeding [`Pcg64`], with numpy's bounded-integer code (Lemire's method)
//!   behind `integers` and `choice`. knights_knaves draws from it.
//! - [`RandomState`]: the legacy `np.random.seed(int)` /
//!   `np.random.randint` — MT19937 seeded with `init_genrand` (the core is
//!   `pyrandom`'s) and masked rejection sampling. pool_matrix draws from it.
//!
//! Every public method is named after the numpy call it mirrors and says
//! which C or Cython code path it follows; numpy's `ValueError`s are returned
//! as [`NpError`] with numpy's exact message, never as panics. The committed
//! vectors (crates/nprandom/tests/data/vectors.json, made by
//! scripts/vectors/numpy_vectors.py with numpy itself) check each path.
//!
//! Not ported, because no reasoning-gym 0.1.25 dataset calls them:
//! `Generator.shuffle`/`permutation` (a different draw, masked
//! `random_interval`), `choice` with `p=`, array-valued bounds, dtypes other
//! than int64, the float distributions beyond `random()`, and the legacy
//! `RandomState`'s methods other than `randint`. Add them with vectors
//! when a dataset needs them.
//!
//! ```
//! use nprandom::{Generator, RandomState};
//!
//! // knights_knaves: a Generator per item, seeded by Random.randint(0, 2**32).
//! let mut g = Generator::default_rng(1 << 32);
//! let dice = g.integers(0, 6).unwrap();
//! assert!((0..6).contains(&dice));
//! let names = g.choice_without_replacement(51, 3).unwrap();
//! assert_eq!(names.len(), 3);
//!
//! // pool_matrix: np.random.seed(seed + idx); np.random.randint(0, 10, (rows, cols)).
//! let mut rs = RandomState::seed(42);
//! let matrix = rs.randint(0, 10, &[3, 4]).unwrap();
//! assert_eq!(matrix.len(), 12);
//! ```
//!
//! The algorithms are ported from numpy (BSD-3-Clause): numpy/random/
//! bit_generator.pyx, src/pcg64, src/distributions/distributions.c,
//! _bounded_integers.pyx.in, _generator.pyx and mtrand.pyx.

use std::fmt;

mod bounded;
mod generator;
mod legacy;
mod pcg64;
mod seed_sequence;

pub use generator::Generator;
pub use legacy::RandomState;
pub use pcg64::Pcg64;
pub use seed_sequence::SeedSequence;

/// A numpy bit generator's two raw outputs: what the bounded-integer code
/// (numpy's `bitgen_t.next_uint32` / `next_uint64`) draws from.
pub trait BitGen {
    fn next_uint32(&mut self) -> u32;
    fn next_uint64(&mut self) -> u64;
}

/// The `ValueError`s numpy raises on the paths ported here. `Display` is
/// numpy's message, word for word, so a dataset that reports the
/// reference's error can pass it on unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpError {
    /// `default_rng(s)` / `SeedSequence(s)` with `s < 0`.
    NegativeEntropy,
    /// Legacy `np.random.seed(s)` with `s` outside `[0, 2**32)`.
    SeedOutOfRange,
    /// `integers`/`randint` with `low < -2**63`.
    LowOutOfBounds,
    /// `integers`/`randint` with `high - 1 > 2**63 - 1`.
    HighOutOfBounds,
    /// `integers`/`randint` with an empty range and `low == 0`.
    HighNotPositive,
    /// `integers`/`randint` with an empty range and `low != 0`.
    LowNotBelowHigh,
    /// `choice` from an empty sequence, with samples requested.
    EmptyPopulation,
    /// `choice(..., replace=False)` with more samples than the population.
    SampleTooLarge,
    /// A `size` shape with a negative dimension.
    NegativeDimensions,
    /// A `size` shape whose int64 array would exceed numpy's maximum size.
    ArrayTooBig,
}

impl NpError {
    /// The Python exception type numpy raises: always `ValueError` here.
    pub fn py_type(&self) -> &'static str {
        "ValueError"
    }
}

impl fmt::Display for NpError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NpError::NegativeEntropy => "expected non-negative integer",
            NpError::SeedOutOfRange => "Seed must be between 0 and 2**32 - 1",
            NpError::LowOutOfBounds => "low is out of bounds for int64",
            NpError::HighOutOfBounds => "high is out of bounds for int64",
            NpError::HighNotPositive => "high <= 0",
            NpError::LowNotBelowHigh => "low >= high",
            NpError::EmptyPopulation => "a cannot be empty unless no samples are taken",
            NpError::SampleTooLarge => {
                "Cannot take a larger sample than population when replace is False"
            }
            NpError::NegativeDimensions => "negative dimensions are not allowed",
            NpError::ArrayTooBig => {
                "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."
            }
        })
    }
}

impl std::error::Error for NpError {}
