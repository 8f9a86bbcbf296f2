//! numpy's `PCG64` bit generator (numpy/random/src/pcg64/pcg64.h): the
//! 128-bit LCG with the XSL-RR output, and the 32-bit buffer of
//! `pcg64_next32`.

use crate::{BitGen, SeedSequence};

const MULTIPLIER: u128 = (2_549_297_995_355_413_924u128 << 64) | 4_865_540_595_714_422_341;

/// Draws between two cooperative stop checks ([`budget::check`]): a caller
/// that keeps rejecting (or a huge `size`) stops when the server stops waiting.
const CHECK_EVERY: u32 = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pcg64 {
    state: u128,
    inc: u128,
    /// `has_uint32` / `uinteger`: the high half of the last 64-bit output
    /// drawn for a 32-bit request, served to the next 32-bit request.
    buffered: Option<u32>,
    draws: u32,
}

impl Pcg64 {
    /// `pcg_setseq_128_srandom_r(initstate, initseq)`.
    pub fn new(initstate: u128, initseq: u128) -> Self {
        let mut p = Pcg64 {
            state: 0,
            inc: (initseq << 1) | 1,
            buffered: None,
            draws: 0,
        };
        p.step();
        p.state = p.state.wrapping_add(initstate);
        p.step();
        p
    }

    /// `PCG64(seed_seq)`: `generate_state(4, uint64)` read as
    /// `initstate = v0 << 64 | v1`, `initseq = v2 << 64 | v3`.
    pub fn from_seed_sequence(seq: &SeedSequence) -> Self {
        let v = seq.generate_state_u64(4);
        let word = |i: usize| u128::from(v.get(i).copied().unwrap_or(0));
        Pcg64::new((word(0) << 64) | word(1), (word(2) << 64) | word(3))
    }

    #[inline]
    fn step(&mut self) {
        self.state = self.state.wrapping_mul(MULTIPLIER).wrapping_add(self.inc);
    }

    /// `pcg64_next64`: one step, XSL-RR output. It leaves the 32-bit buffer alone.
    #[inline]
    pub fn next_uint64(&mut self) -> u64 {
        self.draws = self.draws.wrapping_add(1);
        if self.draws.is_multiple_of(CHECK_EVERY) {
            budget::check();
        }
        self.step();
        let hi = (self.state >> 64) as u64;
        let lo = self.state as u64;
        (hi ^ lo).rotate_right((self.state >> 122) as u32)
    }

    /// `pcg64_next32`: the buffered high half if there is one, else the low
    /// half of a new 64-bit output (keeping its high half).
    #[inline]
    pub fn next_uint32(&mut self) -> u32 {
        if let Some(v) = self.buffered.take() {
            return v;
        }
        let next = self.next_uint64();
        self.buffered = Some((next >> 32) as u32);
        next as u32
    }

    /// `pcg64_double`: 53 bits of a 64-bit output (`(next >> 11) * 2**-53`).
    #[inline]
    pub fn next_double(&mut self) -> f64 {
        (self.next_uint64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
}

impl BitGen for Pcg64 {
    #[inline]
    fn next_uint32(&mut self) -> u32 {
        Pcg64::next_uint32(self)
    }

    #[inline]
    fn next_uint64(&mut self) -> u64 {
        Pcg64::next_uint64(self)
    }
}
