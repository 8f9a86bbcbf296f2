//! `modulo_grid`: fill the holes of a grid marked where `op(x, y) % divisor == target`.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "modulo_grid",
    category: "cognition",
    description: "Generates ModuloGrid tasks",
    config_class: "ModuloGridConfig",
    build,
};

const OPERATIONS: [&str; 4] = ["sum", "diff", "prod", "pow"];
const HIT: char = '✅';
const MISS: char = '❌';
const HOLE: char = '❔';

struct ModuloGrid {
    seed: Seed,
    size_x: i64,
    size_y: i64,
    max_divisor: i64,
    max_target: i64,
    max_holes: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = ModuloGrid {
        seed: p.seed,
        size_x: r.int("size_x", 20),
        size_y: r.int("size_y", 20),
        max_divisor: r.int("max_divisor", 20),
        max_target: r.int("max_target", 20),
        max_holes: r.int("max_holes", 1),
    };
    let v = r.finish()?;
    v.ensure(d.size_x > 5, "size_x must be greater than 5")?;
    v.ensure(d.size_y > 5, "size_y must be greater than 5")?;
    v.ensure(d.max_divisor > 0, "max_divisor must be greater than 0")?;
    v.ensure(d.max_target > 0, "max_target must be greater than 0")?;
    v.ensure(d.max_holes > 0, "max_holes must be greater than 0")?;
    let cells = count(d.size_x).saturating_mul(count(d.size_y));
    v.ensure_item_size(cells, "size_x * size_y")?;
    v.ensure_item_size(count(d.max_holes), "max_holes")?;
    v.ensure_item_size(
        cells.saturating_mul(expected_grids(d.max_divisor, d.max_target, d.size_x)),
        "size_x * size_y * the grids drawn before one matches \
         (about 2 * max_target / min(max_divisor, size_x))",
    )?;
    v.done(d)
}

/// An upper bound (rounded up) of the expected number of grids drawn until one
/// has a hit, each with a fresh divisor `d` in `1..=max_divisor` and target `t`
/// in `1..=max_target`. Every operation hits for `t < d` and `t < size_x`
/// (at `x = t`, `y = 0` or `1`), so a draw succeeds with probability at least
/// `sum over d of min(d - 1, size_x - 1, max_target) / (max_divisor * max_target)`;
/// a large `max_target` with a small divisor means millions of grids.
fn expected_grids(max_divisor: i64, max_target: i64, size_x: i64) -> u128 {
    let (d, t) = (count(max_divisor), count(max_target));
    let m = count(size_x - 1).min(t);
    // sum_{k=0}^{d-1} min(k, m)
    let hits = if d <= m + 1 {
        d * d.saturating_sub(1) / 2
    } else {
        m * (m + 1) / 2 + (d - 1 - m) * m
    };
    if hits == 0 {
        // max_divisor == 1: `generate` refuses before drawing.
        return 1;
    }
    (d * t).div_ceil(hits)
}

/// `x ** y % m` for `m >= 1` without the huge power.
fn pow_mod(x: u64, mut y: u64, m: u64) -> u64 {
    let m = m as u128;
    let mut base = x as u128 % m;
    let mut acc = 1 % m;
    while y > 0 {
        if y & 1 == 1 {
            acc = acc * base % m;
        }
        base = base * base % m;
        y >>= 1;
    }
    acc as u64
}

/// `op(x, y) % divisor == target` on 0-based coordinates (all values are >= 0).
fn is_hit(op: &str, x: u64, y: u64, divisor: u64, target: u64) -> bool {
    let rem = match op {
        "sum" => (x as u128 + y as u128) % divisor as u128,
        "diff" => x.abs_diff(y) as u128 % divisor as u128,
        "prod" => x as u128 * y as u128 % divisor as u128,
        _ => pow_mod(x, y, divisor) as u128,
    };
    rem == target as u128
}

fn flatten(grid: &[Vec<char>]) -> String {
    grid.iter()
        .map(|row| row.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

impl Dataset for ModuloGrid {
    fn generate(&self, idx: u64) -> Result<Item> {
        // A remainder modulo 1 is 0 and targets start at 1: the reference loops
        // forever looking for a grid with a single hit.
        if self.max_divisor == 1 {
            return Err(DatasetError::Generation(
                "no grid can match: every target is >= 1 but max_divisor is 1".into(),
            ));
        }
        let (w, h) = (self.size_x as u64, self.size_y as u64);
        let mut rng = item_rng(&self.seed, idx);
        let (divisor, target, operation, grid) = loop {
            let divisor = rng.randint(1, self.max_divisor)?;
            let target = rng.randint(1, self.max_target)?;
            let operation = *rng.choice(&OPERATIONS)?;
            let grid: Vec<Vec<char>> = (0..h)
                .map(|y| {
                    (0..w)
                        .map(|x| {
                            if is_hit(operation, x, y, divisor as u64, target as u64) {
                                HIT
                            } else {
                                MISS
                            }
                        })
                        .collect()
                })
                .collect();
            if grid.iter().flatten().any(|&c| c == HIT) {
                break (divisor, target, operation, grid);
            }
        };

        let mut holes = grid.clone();
        for _ in 0..self.max_holes {
            let r = rng.randint(0, h as i64 - 1)? as usize;
            let c = rng.randint(0, w as i64 - 1)? as usize;
            holes[r][c] = HOLE;
        }

        Ok(Item {
            question: format!(
                "Identify the mathematical pattern which defines this grid, then use that pattern to fill in the question marks. Return the entire completed grid as your answer.\n\n{}",
                flatten(&holes)
            ),
            answer: flatten(&grid),
            metadata: meta! {
                "divisor" => divisor,
                "target" => target,
                "operation" => operation,
                "difficulty" => json!({
                    "size_x": self.size_x,
                    "size_y": self.size_y,
                    "holes": self.max_holes,
                    "divisor": self.max_divisor,
                    "target": self.max_target,
                }),
            },
        })
    }
}
