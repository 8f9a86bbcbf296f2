//! RNG draws per second: pyrandom (CPython-exact MT19937) against xoshiro256++,
//! the usual fast non-cryptographic baseline, in the same run.

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
}

criterion_group!(benches, rng);
criterion_main!(benches);
