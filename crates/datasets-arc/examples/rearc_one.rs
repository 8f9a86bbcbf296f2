//! One rearc generator run over seeds 0..N, for `perf record`:
//! `cargo run --release -p datasets-arc --example rearc_one -- ID N`
use dataset_core::Random;
use datasets_arc::rearc::generators::{self, GenRng};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(id), Some(n)) = (args.get(1), args.get(2).and_then(|n| n.parse::<i64>().ok())) else {
        eprintln!("usage: rearc_one GENERATOR_ID RUNS");
        std::process::exit(2);
    };
    let Some(g) = generators::generator(id) else {
        eprintln!("no generator {id}");
        std::process::exit(2);
    };
    for seed in 0..n {
        let mut rng = GenRng::new(Random::new(seed));
        let _ = g(&mut rng, 0.0, 0.2);
    }
}
