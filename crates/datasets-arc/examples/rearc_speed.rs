//! Speed of every ported rearc generator: µs per call over seeds 0..50 at
//! difficulty 0.0..0.2, the best of `ROUNDS` rounds (first argument, default
//! 3) so that noise from other processes on the machine mostly drops out.
//! Prints the mean over generators first, then one line per generator.
//!
//! `cargo run --release -p datasets-arc --example rearc_speed [ROUNDS]`
use dataset_core::Random;
use datasets_arc::rearc::generators::{self, GenRng};

/// The binary's allocator (src/main.rs), so that the figures are rgym's.
#[global_allocator]
static GLOBAL: rgym_alloc::Allocator = rgym_alloc::Allocator;
fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let ids = generators::ported_generators();
    let mut best = vec![f64::INFINITY; ids.len()];
    for _ in 0..rounds {
        for (id, best) in ids.iter().zip(best.iter_mut()) {
            let Some(g) = generators::generator(id) else {
                continue;
            };
            let t = std::time::Instant::now();
            for seed in 0..50 {
                let mut rng = GenRng::new(Random::new(seed));
                let _ = g(&mut rng, 0.0, 0.2);
            }
            *best = best.min(t.elapsed().as_secs_f64() / 50.0 * 1e6);
        }
    }
    let total: f64 = best.iter().sum();
    println!("mean {:.1} us/call", total / ids.len() as f64);
    for (id, e) in ids.iter().zip(&best) {
        println!("{id} {e:.1}");
    }
}
