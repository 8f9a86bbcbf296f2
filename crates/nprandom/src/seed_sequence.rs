//! numpy's `SeedSequence` (numpy/random/bit_generator.pyx), as
//! `default_rng(int)` builds it: no spawn key, pool size 4.

use num_bigint::BigUint;

const POOL_SIZE: usize = 4;
const INIT_A: u32 = 0x43b0_d7e5;
const MULT_A: u32 = 0x931e_8875;
const INIT_B: u32 = 0x8b51_f9dd;
const MULT_B: u32 = 0x58f3_8ded;
const MIX_MULT_L: u32 = 0xca01_f9dd;
const MIX_MULT_R: u32 = 0x4973_f715;
const XSHIFT: u32 = 16;

/// `hashmix`: the multiplier advances on every call, so it is in-out.
fn hashmix(value: u32, hash_const: &mut u32) -> u32 {
    let mut value = value ^ *hash_const;
    *hash_const = hash_const.wrapping_mul(MULT_A);
    value = value.wrapping_mul(*hash_const);
    value ^ (value >> XSHIFT)
}

fn mix(x: u32, y: u32) -> u32 {
    let r = MIX_MULT_L
        .wrapping_mul(x)
        .wrapping_sub(MIX_MULT_R.wrapping_mul(y));
    r ^ (r >> XSHIFT)
}

/// `SeedSequence(entropy)`: the mixed 128-bit pool, from which
/// `generate_state` draws a bit generator's seed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedSequence {
    pool: [u32; POOL_SIZE],
}

impl SeedSequence {
    /// `SeedSequence(n)` for a non-negative int: `_int_to_uint32_array` splits
    /// it into 32-bit words, lowest first, with `[0]` for zero (so 2**32 is
    /// the two words `[0, 1]`).
    pub fn from_u128(n: u128) -> Self {
        let mut words = [0u32; 4];
        let mut len = 0;
        let mut rest = n;
        while rest != 0 {
            words[len] = rest as u32;
            rest >>= 32;
            len += 1;
        }
        Self::from_words(&words[..len.max(1)])
    }

    /// `SeedSequence(n)` for a non-negative int of any size.
    pub fn from_biguint(n: &BigUint) -> Self {
        let words = n.to_u32_digits();
        if words.is_empty() {
            Self::from_words(&[0])
        } else {
            Self::from_words(&words)
        }
    }

    /// `mix_entropy` over an already assembled uint32 entropy array.
    pub fn from_words(entropy: &[u32]) -> Self {
        let mut hash_const = INIT_A;
        let mut pool = [0u32; POOL_SIZE];
        for (i, slot) in pool.iter_mut().enumerate() {
            *slot = hashmix(entropy.get(i).copied().unwrap_or(0), &mut hash_const);
        }
        // Mix all bits together so late bits can affect earlier ones.
        for src in 0..POOL_SIZE {
            for dst in 0..POOL_SIZE {
                if src != dst {
                    pool[dst] = mix(pool[dst], hashmix(pool[src], &mut hash_const));
                }
            }
        }
        // Entropy beyond the pool size is mixed into every pool word.
        for &word in entropy.iter().skip(POOL_SIZE) {
            for slot in pool.iter_mut() {
                *slot = mix(*slot, hashmix(word, &mut hash_const));
            }
        }
        SeedSequence { pool }
    }

    /// The mixed pool (`SeedSequence.pool`).
    pub fn pool(&self) -> [u32; POOL_SIZE] {
        self.pool
    }

    /// `generate_state(n_words, np.uint32)`: the pool cycled through one more hash.
    pub fn generate_state_u32(&self, n_words: usize) -> Vec<u32> {
        let mut hash_const = INIT_B;
        (0..n_words)
            .map(|i| {
                let mut v = self.pool[i % POOL_SIZE] ^ hash_const;
                hash_const = hash_const.wrapping_mul(MULT_B);
                v = v.wrapping_mul(hash_const);
                v ^ (v >> XSHIFT)
            })
            .collect()
    }

    /// `generate_state(n_words, np.uint64)`: twice as many 32-bit words,
    /// paired little-endian (the first of each pair is the low half).
    pub fn generate_state_u64(&self, n_words: usize) -> Vec<u64> {
        self.generate_state_u32(2 * n_words)
            .chunks_exact(2)
            .map(|p| u64::from(p[0]) | (u64::from(p[1]) << 32))
            .collect()
    }
}
