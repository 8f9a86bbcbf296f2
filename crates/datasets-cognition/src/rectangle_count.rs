//! `rectangle_count`: count the (possibly overlapping) rectangles drawn in ASCII.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use pycompat::{py_int, py_strip};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "rectangle_count",
    category: "cognition",
    description: "Generates ASCII rectangle counting puzzles with configurable parameters",
    config_class: "RectangleCountConfig",
    build,
};

const QUESTION_HEAD: &str =
    "Your task is to count how many rectangles are present in an ASCII grid.

Single rectangles are outlined with a '#', overlapping rectangles (max 2) are shown with '█'.

Your output should be a single number, representing the total count of rectangles.

Now, it's your turn. How many rectangles do you see in the grid below?
";

/// Candidates tried before giving up on placing all rectangles.
const MAX_ATTEMPTS: u32 = 100_000;
/// Partial credit: `CONST_TERM * (1 - distance / D)` for a distance below `D`.
const CONST_TERM: f64 = 0.8;
const D: i64 = 5;

struct RectangleCount {
    seed: Seed,
    max_rectangles: i64,
    width: i64,
    height: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = RectangleCount {
        seed: p.seed,
        max_rectangles: r.int("max_rectangles", 10),
        width: r.int("width", 80),
        height: r.int("height", 80),
    };
    let v = r.finish()?;
    v.ensure(d.width >= 10, "width must be gte 10")?;
    v.ensure(d.height >= 10, "height must be gte 10")?;
    v.ensure_item_size(
        count(d.width).saturating_mul(count(d.height)),
        "width * height",
    )?;
    // Each attempt lists the up to `2 * (width + height)` cells of its outline:
    // reasoning-gym's 100000 attempts on its 80 x 80 grid visit 3.2e7 of them in
    // well under a second, a 10 x 400000 strip would visit 8e10.
    let attempts = count(d.max_rectangles).min(MAX_ATTEMPTS as u128);
    v.ensure_item_size(
        attempts.saturating_mul(count(d.width) + count(d.height)) / 16,
        "min(max_rectangles, 100000) * (width + height) / 16",
    )?;
    v.done(d)
}

/// Draws up to `n` rectangles (outline at least 3x3) so that no cell is covered
/// more than twice; returns the picture and how many were placed.
fn draw(n: i64, width: i64, height: i64, rng: &mut Random) -> Result<(String, i64)> {
    let (w, h) = (width as usize, height as usize);
    let mut grid = vec![vec![0u8; w]; h];
    let mut placed = 0;
    let mut attempts = 0;
    let mut cells = Vec::new();
    while placed < n && attempts < MAX_ATTEMPTS {
        attempts += 1;
        let left = rng.randint(0, width - 3)? as usize;
        let right = rng.randint(left as i64 + 2, width - 1)? as usize;
        let top = rng.randint(0, height - 3)? as usize;
        let bottom = rng.randint(top as i64 + 2, height - 1)? as usize;

        cells.clear();
        cells.extend((left..=right).map(|c| (top, c)));
        cells.extend((left..=right).map(|c| (bottom, c)));
        cells.extend((top + 1..bottom).map(|r| (r, left)));
        cells.extend((top + 1..bottom).map(|r| (r, right)));
        if cells.iter().any(|&(r, c)| grid[r][c] >= 2) {
            continue;
        }
        for &(r, c) in &cells {
            grid[r][c] += 1;
        }
        placed += 1;
    }
    let mut lines = String::with_capacity(h * (w + 1));
    for row in &grid {
        lines.extend(row.iter().map(|&k| match k {
            0 => ' ',
            1 => '#',
            _ => '█',
        }));
        lines.push('\n');
    }
    Ok((lines, placed))
}

impl Dataset for RectangleCount {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let target = rng.randint(1, self.max_rectangles)?;
        let (puzzle, count) = draw(target, self.width, self.height, &mut rng)?;
        Ok(Item {
            question: format!("{QUESTION_HEAD}{puzzle}\n"),
            answer: count.to_string(),
            metadata: meta! {
                "puzzle" => puzzle,
                "solution" => count,
                "num_rectangles" => target,
                "difficulty" => serde_json::json!({
                    "max_rectangles": self.max_rectangles,
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let correct = py_int(&item.answer.to_lowercase().replace('\n', ""));
        let user = answer.and_then(|a| py_int(py_strip(a)));
        let (Some(correct), Some(user)) = (correct, user) else {
            return 0.0;
        };
        let distance: BigInt = (user - correct).abs();
        match distance.to_i64() {
            Some(0) => 1.0,
            Some(d) if d < D => (CONST_TERM * (1.0 - d as f64 / D as f64)).max(0.0),
            _ => 0.0,
        }
    }
}
