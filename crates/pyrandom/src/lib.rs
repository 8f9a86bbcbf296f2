//! CPython 3.11's `random.Random`, reproduced bit for bit.
//!
//! reasoning-gym derives every item from `Random(seed + idx)`, so an exact port
//! of a dataset needs the exact stream of draws *and* the exact way each method
//! consumes it (`_randbelow` rejection sampling, `sample`'s two algorithms,
//! `choices`' float bisection...). Each method documents the CPython code path it
//! mirrors; the committed test vectors were produced by CPython itself.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashSet;
use std::fmt;
use std::mem::ManuallyDrop;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

mod lanes;
mod seed;

pub use lanes::{clear_prefetch, fill_item_rngs, item_rngs, prefetch, prefetch_hits, LANES};
pub use seed::{ParseSeedError, Seed};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The errors CPython raises from these methods, as values instead of panics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RandomError {
    /// `randrange`/`randint` over an empty range.
    EmptyRange,
    /// `randrange` with step 0.
    ZeroStep,
    /// `choice` on an empty sequence.
    EmptySequence,
    /// `sample` with k larger than the population.
    SampleTooLarge,
    /// `choices` with weights whose length differs from the population.
    WeightsMismatch,
    /// `choices` with a total weight that is not positive.
    BadTotalWeight,
    /// `choices` with a total weight that is infinite or NaN.
    NonFiniteTotalWeight,
}

impl fmt::Display for RandomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RandomError::EmptyRange => "empty range for randrange()",
            RandomError::ZeroStep => "zero step for randrange()",
            RandomError::EmptySequence => "Cannot choose from an empty sequence",
            RandomError::SampleTooLarge => "Sample larger than population or is negative",
            RandomError::WeightsMismatch => "The number of weights does not match the population",
            RandomError::BadTotalWeight => "Total of weights must be greater than zero",
            RandomError::NonFiniteTotalWeight => "Total of weights must be finite",
        })
    }
}

impl std::error::Error for RandomError {}

/// A weight for [`Random::choices_weighted`]. Python's `accumulate` keeps integer
/// sums exact until the first float appears, which can change a bisection result,
/// so ints and floats are kept apart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Weight {
    Int(i64),
    Float(f64),
}

#[derive(Debug, Clone, Copy)]
enum Cum {
    Int(i128),
    Float(f64),
}

impl Cum {
    fn add(self, w: Weight) -> Cum {
        match (self, w) {
            (Cum::Int(a), Weight::Int(b)) => Cum::Int(a + b as i128),
            (Cum::Int(a), Weight::Float(b)) => Cum::Float(a as f64 + b),
            (Cum::Float(a), Weight::Int(b)) => Cum::Float(a + b as f64),
            (Cum::Float(a), Weight::Float(b)) => Cum::Float(a + b),
        }
    }

    fn as_f64(self) -> f64 {
        match self {
            Cum::Int(i) => i as f64,
            Cum::Float(f) => f,
        }
    }

    /// Exact comparison of a float with this value, as Python compares float to int.
    fn cmp_f64(self, x: f64) -> Ordering {
        match self {
            Cum::Float(f) => f.partial_cmp(&x).unwrap_or(Ordering::Less),
            Cum::Int(i) => cmp_int_float(i, x),
        }
    }
}

fn cmp_int_float(i: i128, x: f64) -> Ordering {
    if x.is_nan() {
        return Ordering::Less;
    }
    if x.is_infinite() {
        return if x > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        };
    }
    let fl = x.floor();
    // |x| beyond i128 range cannot be reached by integer weight sums.
    if fl >= 1.7e38 {
        return Ordering::Less;
    }
    if fl <= -1.7e38 {
        return Ordering::Greater;
    }
    let fi = fl as i128;
    match i.cmp(&fi) {
        Ordering::Equal if x > fl => Ordering::Less,
        o => o,
    }
}

/// `bisect.bisect_right(a, x)`, probing CPython's midpoints in CPython's order.
/// On sorted sums any binary search agrees, but negative weights leave the
/// running sums unsorted, and then the probe order decides the pick (std's
/// `partition_point` probes differently).
fn bisect_right(a: &[Cum], x: f64) -> usize {
    let (mut lo, mut hi) = (0, a.len());
    while lo < hi {
        let mid = (lo + hi) / 2;
        // `x < a[mid]`; a NaN compares false, as in Python.
        if a[mid].cmp_f64(x) == Ordering::Greater {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// `choices`' cumulative weights and their total, checked as `choices`
/// checks them: what a caller drawing many times with one set of weights
/// can make once ([`Random::choice_cum`]).
#[derive(Debug, Clone)]
pub struct CumWeights {
    /// `list(accumulate(weights))`, never empty.
    cum: Vec<Cum>,
    /// `cum[-1] + 0.0`, positive and finite.
    total: f64,
}

impl CumWeights {
    pub fn new(weights: &[Weight]) -> Result<Self, RandomError> {
        let mut acc = Cum::Int(0);
        let cum: Vec<Cum> = weights
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                // accumulate() starts from the first element itself, not 0 + it.
                acc = if i == 0 {
                    match w {
                        Weight::Int(v) => Cum::Int(v as i128),
                        Weight::Float(v) => Cum::Float(v),
                    }
                } else {
                    acc.add(w)
                };
                acc
            })
            .collect();
        let Some(last) = cum.last() else {
            return Err(RandomError::EmptySequence);
        };
        let total = last.as_f64() + 0.0;
        // CPython's order: `total <= 0.0` (false for a NaN), then `isfinite`.
        if total <= 0.0 {
            return Err(RandomError::BadTotalWeight);
        }
        if !total.is_finite() {
            return Err(RandomError::NonFiniteTotalWeight);
        }
        Ok(CumWeights { cum, total })
    }
}

/// Python's `random.Random`.
///
/// The 2.5 KiB table lives on the heap and is recycled through a per-thread
/// pool when a `Random` drops, so handing a state around (out of the seeding
/// prefetch, into a generator) moves a pointer instead of copying the table:
/// that copy was the largest single cost of seeding a cheap item.
pub struct Random {
    mt: ManuallyDrop<Box<[u32; N]>>,
    index: usize,
    gauss_next: Option<f64>,
}

/// Tables kept for reuse per thread: a batch of prefetched states in flight.
const SPARE_TABLES: usize = 64;

thread_local! {
    // Boxed on purpose: a spare is handed out as the box itself.
    #[allow(clippy::vec_box)]
    static SPARE: RefCell<Vec<Box<[u32; N]>>> = const { RefCell::new(Vec::new()) };
}

/// A table whose contents the caller overwrites: a recycled one if this thread has one.
fn table() -> Box<[u32; N]> {
    SPARE
        .try_with(|s| s.borrow_mut().pop())
        .ok()
        .flatten()
        .unwrap_or_else(|| Box::new([0; N]))
}

impl Random {
    /// A state with a table of unspecified contents, to be overwritten.
    fn with_table(mt: Box<[u32; N]>) -> Self {
        Random {
            mt: ManuallyDrop::new(mt),
            index: 0,
            gauss_next: None,
        }
    }
}

impl Drop for Random {
    fn drop(&mut self) {
        // SAFETY: `mt` is not used again; this is the only place it is taken.
        let mt = unsafe { ManuallyDrop::take(&mut self.mt) };
        let _ = SPARE.try_with(|s| {
            let mut s = s.borrow_mut();
            if s.len() < SPARE_TABLES {
                s.push(mt);
            }
        });
    }
}

impl Clone for Random {
    fn clone(&self) -> Self {
        let mut mt = table();
        mt.copy_from_slice(&self.mt[..]);
        Random {
            mt: ManuallyDrop::new(mt),
            index: self.index,
            gauss_next: self.gauss_next,
        }
    }
}

impl fmt::Debug for Random {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Random")
            .field("index", &self.index)
            .finish_non_exhaustive()
    }
}

/// `init_genrand(19650218)`, the fixed start of every `init_by_array` seeding,
/// computed at compile time.
const GENRAND_19650218: [u32; N] = {
    let mut mt = [0u32; N];
    mt[0] = 19_650_218;
    let mut i = 1;
    while i < N {
        let prev = mt[i - 1];
        mt[i] = 1_812_433_253u32
            .wrapping_mul(prev ^ (prev >> 30))
            .wrapping_add(i as u32);
        i += 1;
    }
    mt
};

impl Random {
    /// `Random(seed)` for an integer seed. Like CPython, the sign is dropped:
    /// `Random(-7)` and `Random(7)` give the same stream.
    pub fn new(seed: i64) -> Self {
        Self::from_u128(seed.unsigned_abs() as u128)
    }

    /// `Random(seed)` for a seed that may exceed 64 bits (`seed + idx` near 2^64).
    pub fn from_i128(seed: i128) -> Self {
        Self::from_u128(seed.unsigned_abs())
    }

    /// `Random(seed)` for an arbitrary-precision seed.
    pub fn from_bigint(seed: &BigInt) -> Self {
        let words = seed.magnitude().to_u32_digits();
        Self::from_key(if words.is_empty() { &[0] } else { &words })
    }

    fn from_u128(n: u128) -> Self {
        let mut key = [0u32; 4];
        let mut used = 0;
        let mut rest = n;
        while rest != 0 {
            key[used] = rest as u32;
            rest >>= 32;
            used += 1;
        }
        Self::from_key(&key[..used.max(1)])
    }

    /// `init_genrand(seed)`: the reference MT19937's one-word (Knuth) seeding.
    /// CPython never seeds this way (it always uses `init_by_array`), but
    /// numpy's legacy `np.random.seed(int)` / `RandomState(int)` does
    /// (`mt19937_seed`), so `nprandom::RandomState` reuses this core for it.
    /// The draws that follow ([`Random::next_u32`]) are MT19937's, the same
    /// tempering and twist numpy runs.
    pub fn from_init_genrand(seed: u32) -> Self {
        let mut r = Random::with_table(table());
        let mt = &mut r.mt;
        mt[0] = seed;
        for i in 1..N {
            let prev = mt[i - 1];
            mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        // Index 0 with a fresh table is CPython's (and numpy's) `pos = 624`:
        // the next draw twists the table first.
        r
    }

    /// `init_by_array(key)`: the seeding CPython applies to the 32-bit words of |seed|.
    pub fn from_key(key: &[u32]) -> Self {
        let mut r = Random::with_table(table());
        r.mt.copy_from_slice(&GENRAND_19650218);
        let mt = &mut r.mt;
        let (mut i, mut j) = (1usize, 0usize);
        let klen = key.len().max(1);
        for _ in 0..N.max(klen) {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(*key.get(j).unwrap_or(&0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= klen {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        r
    }

    /// One tempered 32-bit output of MT19937 (`genrand_uint32`).
    ///
    /// The twist is done one word at a time, as each word is drawn, instead of
    /// for all 624 words at once: an in-place twist in index order reads, for
    /// word `k`, exactly the values the lazy step sees (later words still old,
    /// earlier ones already new), so the stream is identical. Most items draw a
    /// few dozen words, so they no longer pay for the whole table.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        let k = self.index;
        let next = if k + 1 == N {
            // Once per 624 words: a generator that draws without end (a
            // search that keeps missing its target) stops here when the
            // server no longer waits for it.
            budget::check();
            0
        } else {
            k + 1
        };
        let far = if k + M >= N { k + M - N } else { k + M };
        let y = (self.mt[k] & UPPER_MASK) | (self.mt[next] & LOWER_MASK);
        let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
        let mut y = self.mt[far] ^ (y >> 1) ^ mag;
        self.mt[k] = y;
        self.index = next;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random()`: a float in [0, 1) with 53 random bits.
    #[inline]
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` for `k <= 64`.
    #[inline]
    pub fn getrandbits(&mut self, k: u32) -> u64 {
        debug_assert!(k <= 64);
        match k {
            0 => 0,
            1..=32 => (self.next_u32() >> (32 - k)) as u64,
            _ => {
                let lo = self.next_u32() as u64;
                let hi = (self.next_u32() >> (64 - k)) as u64;
                lo | (hi << 32)
            }
        }
    }

    /// `getrandbits(k)` for any `k`: little-endian 32-bit words, the last one truncated.
    pub fn getrandbits_big(&mut self, k: u64) -> BigUint {
        if k == 0 {
            return BigUint::zero();
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::from_slice(&out)
    }

    /// `_randbelow(n)`: uniform in [0, n) by rejection on `getrandbits(n.bit_length())`.
    /// `n == 0` never reaches this in CPython (callers raise first); it returns 0.
    #[inline]
    pub fn randbelow(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for bounds up to 2^128 (an i64 range spans up to 2^64).
    #[inline]
    pub fn randbelow_u128(&mut self, n: u128) -> u128 {
        match u64::try_from(n) {
            Ok(small) => self.randbelow(small) as u128,
            Err(_) => self.randbelow_wide(n),
        }
    }

    #[cold]
    fn randbelow_wide(&mut self, n: u128) -> u128 {
        let k = 128 - n.leading_zeros();
        loop {
            let mut r: u128 = 0;
            let mut left = k;
            let mut shift = 0;
            while left > 0 {
                let mut w = self.next_u32();
                if left < 32 {
                    w >>= 32 - left;
                }
                r |= (w as u128) << shift;
                shift += 32;
                left = left.saturating_sub(32);
            }
            if r < n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for an arbitrary-precision bound.
    pub fn randbelow_big(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u64() {
            return BigUint::from(self.randbelow(small));
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits_big(k);
            if &r < n {
                return r;
            }
        }
    }

    /// `randrange(stop)`.
    pub fn randrange_to(&mut self, stop: i64) -> Result<i64, RandomError> {
        if stop > 0 {
            Ok(self.randbelow(stop as u64) as i64)
        } else {
            Err(RandomError::EmptyRange)
        }
    }

    /// `randrange(start, stop)`.
    #[inline]
    pub fn randrange(&mut self, start: i64, stop: i64) -> Result<i64, RandomError> {
        let width = stop as i128 - start as i128;
        if width <= 0 {
            return Err(RandomError::EmptyRange);
        }
        Ok((start as i128 + self.randbelow_u128(width as u128) as i128) as i64)
    }

    /// `randrange(start, stop, step)`, including negative steps.
    pub fn randrange_step(&mut self, start: i64, stop: i64, step: i64) -> Result<i64, RandomError> {
        if step == 1 {
            return self.randrange(start, stop);
        }
        let width = stop as i128 - start as i128;
        let step = step as i128;
        let n = match step.cmp(&0) {
            Ordering::Greater => (width + step - 1).div_euclid(step),
            Ordering::Less => floor_div(width + step + 1, step),
            Ordering::Equal => return Err(RandomError::ZeroStep),
        };
        if n <= 0 {
            return Err(RandomError::EmptyRange);
        }
        Ok((start as i128 + step * self.randbelow_u128(n as u128) as i128) as i64)
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    #[inline]
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, RandomError> {
        let width = b as i128 + 1 - a as i128;
        if width <= 0 {
            return Err(RandomError::EmptyRange);
        }
        Ok((a as i128 + self.randbelow_u128(width as u128) as i128) as i64)
    }

    /// `randint(a, b)` over arbitrary-precision bounds.
    pub fn randint_big(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, RandomError> {
        let width = b + BigInt::one() - a;
        if !width.is_positive() {
            return Err(RandomError::EmptyRange);
        }
        let w = width.to_biguint().unwrap_or_default();
        Ok(a + BigInt::from_biguint(Sign::Plus, self.randbelow_big(&w)))
    }

    /// `choice(seq)`.
    #[inline]
    pub fn choice<'a, T>(&mut self, seq: &'a [T]) -> Result<&'a T, RandomError> {
        if seq.is_empty() {
            return Err(RandomError::EmptySequence);
        }
        Ok(&seq[self.randbelow(seq.len() as u64) as usize])
    }

    /// `shuffle(x)`.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `sample(range(n), k)`: the indices that `sample` would pick from a population
    /// of length `n`. Uses the pool algorithm when `n <= setsize` and set rejection
    /// otherwise, exactly where CPython switches.
    pub fn sample_indices(&mut self, n: u64, k: usize) -> Result<Vec<u64>, RandomError> {
        if k as u64 > n {
            return Err(RandomError::SampleTooLarge);
        }
        let mut setsize: u64 = 21;
        if k > 5 {
            let exp = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
            setsize = setsize.saturating_add(4u64.saturating_pow(exp));
        }
        let mut result = Vec::with_capacity(k);
        if n <= setsize {
            // Small populations (the common case) pool on the stack.
            let mut small = [0u64; 64];
            let mut large = Vec::new();
            let pool: &mut [u64] = match small.get_mut(..n as usize) {
                Some(pool) => pool,
                None => {
                    large.resize(n as usize, 0);
                    &mut large
                }
            };
            pool.iter_mut().zip(0..).for_each(|(p, i)| *p = i);
            for i in 0..k as u64 {
                let j = self.randbelow(n - i) as usize;
                result.push(pool[j]);
                pool[j] = pool[(n - i - 1) as usize];
            }
        } else if n <= 1024 {
            // The same set rejection, with the set as a bitmap: no hashing.
            let mut selected = [0u64; 16];
            for _ in 0..k {
                let mut j = self.randbelow(n);
                while selected[(j / 64) as usize] & (1 << (j % 64)) != 0 {
                    j = self.randbelow(n);
                }
                selected[(j / 64) as usize] |= 1 << (j % 64);
                result.push(j);
            }
        } else {
            let mut selected = HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow(n);
                while !selected.insert(j) {
                    j = self.randbelow(n);
                }
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `sample(population, k)`.
    pub fn sample<T: Clone>(&mut self, population: &[T], k: usize) -> Result<Vec<T>, RandomError> {
        Ok(self
            .sample_indices(population.len() as u64, k)?
            .into_iter()
            .map(|i| population[i as usize].clone())
            .collect())
    }

    /// `sample(population, k, counts=counts)`.
    pub fn sample_counts<T: Clone>(
        &mut self,
        population: &[T],
        counts: &[u64],
        k: usize,
    ) -> Result<Vec<T>, RandomError> {
        if counts.len() != population.len() {
            return Err(RandomError::WeightsMismatch);
        }
        let mut cum: Vec<u64> = counts
            .iter()
            .scan(0u64, |s, &c| {
                *s += c;
                Some(*s)
            })
            .collect();
        let total = cum.pop().unwrap_or(0);
        if total == 0 {
            return Err(RandomError::BadTotalWeight);
        }
        let picks = self.sample_indices(total, k)?;
        Ok(picks
            .into_iter()
            .map(|s| population[cum.partition_point(|&c| c <= s)].clone())
            .collect())
    }

    /// `choices(range(n), k=k)` without weights: `floor(random() * n)` per pick.
    pub fn choices_indices(&mut self, n: usize, k: usize) -> Vec<usize> {
        let nf = n as f64;
        (0..k)
            .map(|_| (self.random() * nf).floor() as usize)
            .collect()
    }

    /// `choices(population, k=k)` without weights.
    pub fn choices<T: Clone>(&mut self, population: &[T], k: usize) -> Result<Vec<T>, RandomError> {
        if population.is_empty() {
            return Err(RandomError::EmptySequence);
        }
        Ok(self
            .choices_indices(population.len(), k)
            .into_iter()
            .map(|i| population[i].clone())
            .collect())
    }

    /// `choices(range(len(weights)), weights=weights, k=k)`: the `accumulate` +
    /// `bisect(cum, random() * total, 0, n - 1)` path, `total = cum[-1] + 0.0`.
    pub fn choices_weighted_indices(
        &mut self,
        weights: &[Weight],
        k: usize,
    ) -> Result<Vec<usize>, RandomError> {
        let cum = CumWeights::new(weights)?;
        Ok((0..k).map(|_| self.choice_cum(&cum)).collect())
    }

    /// One draw of `choices(..., weights=weights, k=1)` with the cumulative
    /// weights made once ([`CumWeights`]): `bisect(cum, random() * total, 0,
    /// n - 1)`.
    pub fn choice_cum(&mut self, cum: &CumWeights) -> usize {
        let x = self.random() * cum.total;
        bisect_right(&cum.cum[..cum.cum.len() - 1], x)
    }

    /// `choices(population, weights=weights, k=k)`.
    pub fn choices_weighted<T: Clone>(
        &mut self,
        population: &[T],
        weights: &[Weight],
        k: usize,
    ) -> Result<Vec<T>, RandomError> {
        if population.len() != weights.len() {
            return Err(RandomError::WeightsMismatch);
        }
        Ok(self
            .choices_weighted_indices(weights, k)?
            .into_iter()
            .map(|i| population[i].clone())
            .collect())
    }

    /// `uniform(a, b)`.
    #[inline]
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `triangular(low, high, mode)`.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        if high == low {
            return low;
        }
        let mut c = match mode {
            None => 0.5,
            Some(m) => (m - low) / (high - low),
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `gauss(mu, sigma)`, including the cached second value.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `normalvariate(mu, sigma)` (Kinderman–Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        let nv_magicconst = 4.0 * (-0.5f64).exp() / 2f64.sqrt();
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = nv_magicconst * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `expovariate(lambd)`.
    pub fn expovariate(&mut self, lambd: f64) -> f64 {
        -(1.0 - self.random()).ln() / lambd
    }
}

fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// `Random(seed + idx)`, the addition exact for any seed, the way every
/// reasoning-gym generator seeds an item. Taken from this thread's
/// [`prefetch`] when it holds that state (only sums that fit an `i128` are
/// prefetched; larger ones are seeded here).
#[inline]
pub fn item_rng(seed: &Seed, idx: u64) -> Random {
    match seed.plus_i128(idx) {
        Some(v) => lanes::prefetched_or_seed(v),
        None => seed.plus(idx).rng(),
    }
}
