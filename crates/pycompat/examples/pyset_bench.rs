//! Rough speed of `PySet`/`PyFrozenSet` on rearc-like work: index sets of a
//! 30x30 grid built from generators, shifted, unioned, differenced.
//!
//!     cargo run --release -p pycompat --example pyset_bench

use pycompat::{AnySet, PyFrozenSet, PySet};
use std::time::Instant;

fn main() {
    let start = Instant::now();
    let mut adds = 0usize;
    let mut sink = 0usize;
    for round in 0..2_000i64 {
        // asindices(grid): frozenset((i, j) for i in range(h) for j in range(w))
        let all: PyFrozenSet<(i64, i64)> =
            (0..30).flat_map(|i| (0..30).map(move |j| (i, j))).collect();
        // shift(patch, (1, 1))
        let shifted: PyFrozenSet<(i64, i64)> = all.iter().map(|&(i, j)| (i + 1, j + 1)).collect();
        // cells: frozenset((color, (i, j)) ...)
        let cells: PyFrozenSet<(i64, (i64, i64))> = all
            .iter()
            .map(|&(i, j)| ((i * j + round) % 10, (i, j)))
            .collect();
        let u = &all | &shifted;
        let d = &all - &shifted;
        let x = &all & &shifted;
        let mut s: PySet<(i64, i64)> = PySet::new();
        for k in 0..100 {
            s.add((k % 30, k / 30));
        }
        adds += 900 * 3 + u.len() + d.len() + x.len() + 100;
        sink += cells.len() + s.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{adds} element insertions in {secs:.2}s: {:.1} M/s ({sink})",
        adds as f64 / secs / 1e6
    );
}
