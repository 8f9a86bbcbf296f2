//! Replays a JSON-lines file of set programs from
//! scripts/vectors/pyset_vectors.py and prints the counts; exits 1 on any
//! mismatch.

#[path = "../tests/common/pyset_replay.rs"]
mod replay;

use std::io::BufRead;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: pyset_replay FILE.jsonl");
        std::process::exit(2);
    };
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let mut tally = replay::Tally::default();
    let start = std::time::Instant::now();
    for line in std::io::BufReader::new(file).lines() {
        match line {
            Ok(l) => replay::replay_line(&l, &mut tally),
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        }
    }
    println!(
        "rgym: {} programs, {} ops replayed in {:.1}s, {} mismatches",
        tally.programs,
        tally.ops,
        start.elapsed().as_secs_f64(),
        tally.mismatches
    );
    for m in &tally.first {
        println!("  {m}");
    }
    if tally.mismatches > 0 {
        std::process::exit(1);
    }
}
