//! `rotten_oranges`: minutes until rot has spread to every fresh orange.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

use crate::grid::{matrix_to_str, square_cells};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "rotten_oranges",
    category: "algorithmic",
    description: "Find the minimum number of minutes until no fresh orange remains",
    config_class: "RottenOrangesConfig",
    build,
};

const QUESTION_TEMPLATE: &str = "You are given an n x n grid where each cell can have one of three values:
- 0 representing an empty cell
- 1 representing a fresh orange
- 2 representing a rotten orange

Every minute, any fresh orange that is 4-directionally adjacent to a rotten orange becomes rotten.

Your task is determine the minimum number of minutes that must elapse until no cell has a fresh orange.
If this is impossible, return -1.

Now, determine the minimum number of minutes that must elapse until no cell in the grid below has a fresh orange:
";

struct RottenOranges {
    seed: Seed,
    min_n: i64,
    max_n: i64,
    p_oranges: f64,
    p_rotten: f64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = RottenOranges {
        seed: p.seed,
        min_n: r.int("min_n", 10),
        max_n: r.int("max_n", 30),
        p_oranges: r.float("p_oranges", 0.85),
        p_rotten: r.float("p_rotten", 0.1),
    };
    let v = r.finish()?;
    v.ensure(2 <= d.min_n, "min_n must be at least 2")?;
    v.ensure(
        d.min_n <= d.max_n,
        "min_n must be less than or equal to max_n",
    )?;
    v.ensure(
        0.0 < d.p_oranges && d.p_oranges <= 1.0,
        "p_oranges must be between 0 and 1",
    )?;
    v.ensure(
        0.0 < d.p_rotten && d.p_rotten <= 1.0,
        "p_rotten must be between 0 and 1",
    )?;
    v.ensure_item_size(square_cells(d.max_n), "max_n * max_n")?;
    v.done(d)
}

/// Minutes of breadth-first spreading, or -1 when a fresh orange is never reached.
fn minutes_to_rot(m: &[Vec<i64>]) -> i64 {
    let n = m.len();
    let mut rotten = vec![vec![false; n]; n];
    let mut frontier = Vec::new();
    let mut healthy = 0;
    for (r, row) in m.iter().enumerate() {
        for (c, &v) in row.iter().enumerate() {
            if v == 2 {
                rotten[r][c] = true;
                frontier.push((r, c));
            } else if v == 1 {
                healthy += 1;
            }
        }
    }
    let (mut infected, mut clock) = (0, 0);
    loop {
        let mut next = Vec::new();
        for &(r, c) in &frontier {
            let neighbours = [
                (r + 1, c),
                (r.wrapping_sub(1), c),
                (r, c + 1),
                (r, c.wrapping_sub(1)),
            ];
            for (nr, nc) in neighbours {
                if nr < n && nc < n && !rotten[nr][nc] && m[nr][nc] == 1 {
                    infected += 1;
                    rotten[nr][nc] = true;
                    next.push((nr, nc));
                }
            }
        }
        if next.is_empty() {
            break;
        }
        frontier = next;
        clock += 1;
    }
    if infected == healthy {
        clock
    } else {
        -1
    }
}

impl Dataset for RottenOranges {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n = rng.randint(self.min_n, self.max_n)?;
        // 2 <= n <= max_n, whose square the build bounded.
        let side = n as usize;
        let mut matrix = vec![vec![0i64; side]; side];
        for row in matrix.iter_mut() {
            for cell in row.iter_mut() {
                if rng.random() < self.p_oranges {
                    *cell = 1;
                    if rng.random() < self.p_rotten {
                        *cell = 2;
                    }
                }
            }
        }
        let answer = minutes_to_rot(&matrix);
        Ok(Item {
            question: format!("{QUESTION_TEMPLATE}{}\n", matrix_to_str(&matrix)),
            answer: answer.to_string(),
            metadata: meta! {
                "matrix" => matrix,
                "solution" => answer,
                "n" => n,
                "difficulty" => json!({ "n": [self.min_n, self.max_n] }),
            },
        })
    }
}
