//! RNG draws per second: pyrandom (CPython-exact MT19937) against xoshiro256++,
//! the usual fast non-cryptographic baseline, in the same run; and seeding one
//! `Random` per item, scalar against pyrandom's multi-lane seeding.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use pyrandom::Random;
use rand_xoshiro::rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

const DRAWS: u64 = 10_000;

fn rng(c: &mut Criterion) {
    let mut g = c.benchmark_group("rng");
    g.throughput(Throughput::Elements(DRAWS));
    g.bench_function("pyrandom/next_u32", |b| {
        let mut r = Random::new(42);
        b.iter(|| (0..DRAWS).fold(0u32, |acc, _| acc ^ r.next_u32()))
    });
    g.bench_function("xoshiro256pp/next_u32", |b| {
        let mut r = Xoshiro256PlusPlus::seed_from_u64(42);
        b.iter(|| (0..DRAWS).fold(0u32, |acc, _| acc ^ r.next_u32()))
    });
    g.bench_function("pyrandom/random", |b| {
        let mut r = Random::new(42);
        b.iter(|| (0..DRAWS).fold(0.0, |acc, _| acc + r.random()))
    });
    g.bench_function("xoshiro256pp/f64", |b| {
        let mut r = Xoshiro256PlusPlus::seed_from_u64(42);
        b.iter(|| {
            (0..DRAWS).fold(0.0, |acc, _| {
                acc + (r.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
            })
        })
    });
    g.bench_function("pyrandom/randint(1,100)", |b| {
        let mut r = Random::new(42);
        b.iter(|| (0..DRAWS).fold(0i64, |acc, _| acc + r.randint(1, 100).unwrap_or(0)))
    });
    g.finish();

    // Seeding is paid once per item (Random(seed + idx)), so it matters as much as draws.
    let mut g = c.benchmark_group("rng_seed");
    g.throughput(Throughput::Elements(1));
    g.bench_function("pyrandom/Random(seed)", |b| {
        let mut s = 0i64;
        b.iter(|| {
            s += 1;
            black_box(Random::new(s))
        })
    });
    g.bench_function("xoshiro256pp/seed_from_u64", |b| {
        let mut s = 0u64;
        b.iter(|| {
            s += 1;
            black_box(Xoshiro256PlusPlus::seed_from_u64(s))
        })
    });
    g.finish();

    // Seeding a run of items, as `rgym generate` does: one at a time (what
    // every item_rng call did) against pyrandom's lanes (LANES chains advanced
    // together), per seeded item.
    const BATCH: u64 = 64;
    let one = pyrandom::Seed::from(1u8);
    let mut g = c.benchmark_group("rng_seed_batch");
    g.throughput(Throughput::Elements(BATCH));
    g.bench_function("scalar/item_rng", |b| {
        let mut start = 0u64;
        b.iter(|| {
            start += BATCH;
            for idx in start..start + BATCH {
                black_box(pyrandom::Random::from_i128(1 + idx as i128));
            }
        })
    });
    g.bench_function("lanes/fill_item_rngs", |b| {
        let mut start = 0u64;
        let mut buf = Vec::new();
        b.iter(|| {
            start += BATCH;
            pyrandom::fill_item_rngs(&one, start, BATCH as usize, &mut buf);
            black_box(&buf);
        })
    });
    g.bench_function("lanes/prefetch+item_rng", |b| {
        let mut start = 0u64;
        b.iter(|| {
            start += BATCH;
            pyrandom::prefetch(&one, start, BATCH as usize);
            for idx in start..start + BATCH {
                black_box(pyrandom::item_rng(&one, idx));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, rng);
criterion_main!(benches);
