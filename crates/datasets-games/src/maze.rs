//! `maze`: the number of steps of the shortest path through a random maze.

use std::collections::VecDeque;

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "maze",
    category: "games",
    description: "Generates mazes with guaranteed shortest path distance from start to goal within [min_dist, max_dist]",
    config_class: "MazeConfig",
    build,
};

/// `string.printable[:94]`: digits, letters, punctuation.
const PRINTABLE: &[u8; 94] =
    b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
/// Probability that an inner cell is a passage.
const PROB_PATH: f64 = 0.7;
/// Mazes tried per item, and cells tried per start or goal placement.
const NUM_RETRIES: u32 = 1000;
/// Up, right, down, left.
const DIRECTIONS: [(i64, i64); 4] = [(-1, 0), (0, 1), (1, 0), (0, -1)];

struct Maze {
    seed: Seed,
    min_dist: i64,
    max_dist: i64,
    min_grid_size: i64,
    max_grid_size: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Maze {
        seed: p.seed,
        min_dist: r.int("min_dist", 5),
        max_dist: r.int("max_dist", 10),
        min_grid_size: r.int("min_grid_size", 5),
        max_grid_size: r.int("max_grid_size", 10),
    };
    let v = r.finish()?;
    v.ensure(d.min_dist >= 1, "min_dist must be >= 1")?;
    v.ensure(d.max_dist >= d.min_dist, "max_dist must be >= min_dist")?;
    v.ensure(d.min_grid_size >= 2, "min_grid_size must be >= 2")?;
    v.ensure(
        d.max_grid_size >= d.min_grid_size,
        "max_grid_size must be >= min_grid_size",
    )?;
    // An item may draw up to 1000 mazes before one has a fitting distance,
    // each costing a random draw per cell (about 30 ms for 2048 x 2048, hence
    // 30 s for an item). The factor 4 keeps that within a few seconds
    // (max_grid_size <= 1024); reasoning-gym needs about 1 s per 1024 x 1024 maze.
    v.ensure_item_size(
        count(d.max_grid_size)
            .saturating_mul(count(d.max_grid_size))
            .saturating_mul(4),
        "max_grid_size * max_grid_size * 4 (up to 1000 mazes are drawn per item)",
    )?;
    v.done(d)
}

/// The four characters drawn for an item.
struct Chars {
    wall: u8,
    path: u8,
    start: u8,
    goal: u8,
}

/// A random inner passage cell.
fn random_floor_cell(rng: &mut Random, grid: &[Vec<u8>], path: u8) -> Result<(usize, usize)> {
    let size = grid.len() as i64;
    for _ in 0..NUM_RETRIES {
        let r = rng.randint(1, size - 2)? as usize;
        let c = rng.randint(1, size - 2)? as usize;
        if grid[r][c] == path {
            return Ok((r, c));
        }
    }
    Err(DatasetError::Generation(format!(
        "Could not find suitable path cell after {NUM_RETRIES} attempts"
    )))
}

/// Breadth-first distance from `start` to `goal` through non-wall cells, or
/// `None` if it is unreachable or more than `max_dist` (the search stops there:
/// a maze with a longer path is rejected all the same, and on a large grid the
/// full search would cost every retry the whole grid).
fn bfs(
    grid: &[Vec<u8>],
    wall: u8,
    start: (usize, usize),
    goal: (usize, usize),
    max_dist: i64,
) -> Option<i64> {
    let size = grid.len();
    let mut visited = vec![vec![false; size]; size];
    visited[start.0][start.1] = true;
    let mut queue = VecDeque::from([(start.0, start.1, 0i64)]);
    while let Some((r, c, dist)) = queue.pop_front() {
        if (r, c) == goal {
            return Some(dist);
        }
        if dist >= max_dist {
            continue;
        }
        for (dr, dc) in DIRECTIONS {
            let (Some(nr), Some(nc)) = (
                r.checked_add_signed(dr as isize),
                c.checked_add_signed(dc as isize),
            ) else {
                continue;
            };
            if nr < size && nc < size && !visited[nr][nc] && grid[nr][nc] != wall {
                visited[nr][nc] = true;
                queue.push_back((nr, nc, dist + 1));
            }
        }
    }
    None
}

impl Dataset for Maze {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let picked = rng.sample(PRINTABLE, 4)?;
        let ch = Chars {
            wall: picked[0],
            path: picked[1],
            start: picked[2],
            goal: picked[3],
        };

        for _ in 0..NUM_RETRIES {
            let size = rng.randint(self.min_grid_size, self.max_grid_size)?;
            let n = size as usize;
            let mut grid = vec![vec![ch.wall; n]; n];
            for row in grid.iter_mut().take(n.saturating_sub(1)).skip(1) {
                for cell in row.iter_mut().take(n - 1).skip(1) {
                    *cell = if rng.random() < PROB_PATH {
                        ch.path
                    } else {
                        ch.wall
                    };
                }
            }

            let start = random_floor_cell(&mut rng, &grid, ch.path)?;
            grid[start.0][start.1] = ch.start;
            let mut goal = random_floor_cell(&mut rng, &grid, ch.path)?;
            while goal == start {
                goal = random_floor_cell(&mut rng, &grid, ch.path)?;
            }
            grid[goal.0][goal.1] = ch.goal;

            let Some(dist) = bfs(&grid, ch.wall, start, goal, self.max_dist) else {
                continue;
            };
            if !(self.min_dist..=self.max_dist).contains(&dist) {
                continue;
            }
            let rows: Vec<String> = grid
                .iter()
                .map(|row| row.iter().map(|&b| b as char).collect())
                .collect();
            let [wall, path, start_c, goal_c] =
                [ch.wall, ch.path, ch.start, ch.goal].map(|b| (b as char).to_string());
            let question = format!(
                "Navigate from '{start_c}' (start) to '{goal_c}' (goal):\n\n```\n{}\n```\n\
                 Legend: '{wall}' = Wall, '{path}' = Passage\n\n\
                 What is the minimum number of steps to reach the goal?\n\
                 Give only the number of steps as your final answer, no other text or formatting.",
                rows.join("\n")
            );
            return Ok(Item {
                question,
                answer: dist.to_string(),
                metadata: meta! {
                    "grid_size" => size,
                    "grid" => rows,
                    "shortest_path_length" => dist,
                    "start" => start_c,
                    "goal" => goal_c,
                    "wall" => wall,
                    "path" => path,
                    "difficulty" => json!({
                        "dist": [self.min_dist, self.max_dist],
                        "grid_size": [self.min_grid_size, self.max_grid_size],
                    }),
                },
            });
        }
        Err(DatasetError::Generation(format!(
            "Could not generate a maze with distance in [{}, {}] after {NUM_RETRIES} attempts.",
            self.min_dist, self.max_dist
        )))
    }
}
