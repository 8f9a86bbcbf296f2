//! Where a rearc item's time goes: the item loop of `ReArc::write_item`
//! (default config: PSO range, tasks until one falls in it, then 3..=5
//! examples from the accepted generator) with each generator call timed and
//! charged to its task id, split into rejected tries and accepted work.
//! Prints the totals, then the generators by their share of the time.
//!
//! `cargo run --release -p datasets-arc --example rearc_item_profile [ITEMS] [SEED]`
use std::collections::HashMap;
use std::time::Instant;

use dataset_core::{CumWeights, Random, Weight};
use datasets_arc::rearc::generators::{self, get_pso_difficulty, GenRng, TASK_IDS};

/// The binary's allocator (src/main.rs), so that the figures are rgym's.
#[global_allocator]
static GLOBAL: rgym_alloc::Allocator = rgym_alloc::Allocator;
const RNG_LEVELS: [f64; 8] = [0.0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2];
const PSO_LEVELS: [f64; 8] = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 1.0];

#[derive(Default)]
struct Cost {
    tries: u64,
    try_us: f64,
    accepted: u64,
    example_calls: u64,
    example_us: f64,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let items: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let seed: i64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let weights = CumWeights::new(&[Weight::Float(1.0 / 7.0); 7]).unwrap();
    let mut costs: HashMap<&str, Cost> = HashMap::new();
    let mut pso_us = 0.0;
    let mut tries_total = 0u64;
    let start = Instant::now();
    for idx in 0..items {
        let mut rng = GenRng::new(Random::new(seed + idx));
        let p = rng.rng.choice_cum(&weights);
        let (lo, hi) = (PSO_LEVELS[p], PSO_LEVELS[p + 1]);
        let (id, g) = loop {
            let id = *rng.rng.choice(&TASK_IDS).unwrap();
            let g = generators::generator(id).unwrap();
            let r = rng.rng.choice_cum(&weights);
            let t = Instant::now();
            let task = g(&mut rng, RNG_LEVELS[r], RNG_LEVELS[r + 1]).unwrap();
            let gen_us = t.elapsed().as_secs_f64() * 1e6;
            let t = Instant::now();
            let pso = get_pso_difficulty(&task);
            pso_us += t.elapsed().as_secs_f64() * 1e6;
            tries_total += 1;
            let c = costs.entry(id).or_default();
            c.tries += 1;
            c.try_us += gen_us;
            if lo <= pso && pso <= hi {
                c.accepted += 1;
                break (id, g);
            }
        };
        rng.difficulty_samples.clear();
        let n = rng.rng.randint(3, 5).unwrap();
        let t = Instant::now();
        for _ in 0..n {
            g(&mut rng, 0.0, 0.2).unwrap();
        }
        let c = costs.entry(id).or_default();
        c.example_calls += n as u64;
        c.example_us += t.elapsed().as_secs_f64() * 1e6;
    }
    let wall = start.elapsed().as_secs_f64() * 1e6;
    let try_us: f64 = costs.values().map(|c| c.try_us).sum();
    let ex_us: f64 = costs.values().map(|c| c.example_us).sum();
    let ex_calls: u64 = costs.values().map(|c| c.example_calls).sum();
    let n = items as f64;
    println!(
        "{items} items: {:.1} us/item; tries {:.2}/item {:.1} us/item; examples {:.2}/item {:.1} us/item; pso {:.1} us/item",
        wall / n,
        tries_total as f64 / n,
        try_us / n,
        ex_calls as f64 / n,
        ex_us / n,
        pso_us / n
    );
    let mut rows: Vec<_> = costs.into_iter().collect();
    rows.sort_by(|a, b| (b.1.try_us + b.1.example_us).total_cmp(&(a.1.try_us + a.1.example_us)));
    println!("id share% us/item tries try_us accepted ex_calls ex_us us/call");
    for (id, c) in rows {
        let total = c.try_us + c.example_us;
        let calls = c.tries + c.example_calls;
        println!(
            "{id} {:.2} {:.2} {} {:.0} {} {} {:.0} {:.1}",
            100.0 * total / (try_us + ex_us),
            total / n,
            c.tries,
            c.try_us,
            c.accepted,
            c.example_calls,
            c.example_us,
            total / calls as f64
        );
    }
}
