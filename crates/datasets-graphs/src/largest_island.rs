//! `largest_island`: the area of the largest 4-connected island of 1s in a grid.

use std::collections::VecDeque;

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "largest_island",
    category: "graphs",
    description: "Generates Largest Island exercises with configurable difficulty",
    config_class: "LargestIslandConfig",
    build,
};

/// Up, down, left, right: the reference's order, shared by both walks.
const DIRECTIONS: [(i64, i64); 4] = [(-1, 0), (1, 0), (0, -1), (0, 1)];

struct LargestIsland {
    seed: Seed,
    min_rows: i64,
    max_rows: i64,
    min_cols: i64,
    max_cols: i64,
    min_num_islands: i64,
    max_num_islands: i64,
    min_island_size: i64,
    max_island_size: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = LargestIsland {
        seed: p.seed,
        min_rows: r.int("min_rows", 5),
        max_rows: r.int("max_rows", 10),
        min_cols: r.int("min_cols", 5),
        max_cols: r.int("max_cols", 10),
        min_num_islands: r.int("min_num_islands", 0),
        max_num_islands: r.int("max_num_islands", 5),
        min_island_size: r.int("min_island_size", 0),
        max_island_size: r.int("max_island_size", 10),
    };
    let v = r.finish()?;
    v.ensure(
        1 <= d.min_rows && d.min_rows <= d.max_rows,
        "Invalid rows range",
    )?;
    v.ensure(
        1 <= d.min_cols && d.min_cols <= d.max_cols,
        "Invalid cols range",
    )?;
    v.ensure(
        0 <= d.min_num_islands && d.min_num_islands <= d.max_num_islands,
        "Invalid num_islands range",
    )?;
    v.ensure(
        0 <= d.min_island_size && d.min_island_size <= d.max_island_size,
        "Invalid island_size range",
    )?;
    let cells = count(d.max_rows).saturating_mul(count(d.max_cols));
    v.ensure_item_size(cells, "max_rows * max_cols")?;
    // Each island is a walk of at most `min(island size, cells)` steps, after
    // the draws that place it.
    let walk = count(d.max_island_size).min(cells).max(1);
    v.ensure_item_size(
        count(d.max_num_islands).saturating_mul(walk),
        "max_num_islands * min(max_island_size, max_rows * max_cols)",
    )?;
    v.done(d)
}

/// The neighbour of `(r, c)` in direction `(dr, dc)` if it is inside the grid.
fn step(
    r: usize,
    c: usize,
    (dr, dc): (i64, i64),
    rows: usize,
    cols: usize,
) -> Option<(usize, usize)> {
    let nr = r.checked_add_signed(dr as isize)?;
    let nc = c.checked_add_signed(dc as isize)?;
    (nr < rows && nc < cols).then_some((nr, nc))
}

impl LargestIsland {
    /// Islands made by random walks; the direction order is reshuffled in place
    /// at every step and carries over from one island to the next.
    fn create_grid(
        &self,
        rng: &mut Random,
        rows: usize,
        cols: usize,
        num_islands: i64,
    ) -> Result<Vec<Vec<u8>>> {
        let mut grid = vec![vec![0u8; cols]; rows];
        let mut directions = DIRECTIONS;
        for _ in 0..num_islands {
            let mut r = rng.randint(0, rows as i64 - 1)? as usize;
            let mut c = rng.randint(0, cols as i64 - 1)? as usize;
            let size = rng
                .randint(self.min_island_size, self.max_island_size)?
                .min((rows * cols) as i64);
            for _ in 0..size {
                grid[r][c] = 1;
                rng.shuffle(&mut directions);
                if let Some((nr, nc)) = directions
                    .iter()
                    .filter_map(|&d| step(r, c, d, rows, cols))
                    .find(|&(nr, nc)| grid[nr][nc] == 0)
                {
                    (r, c) = (nr, nc);
                }
            }
        }
        Ok(grid)
    }
}

fn largest_island(grid: &[Vec<u8>]) -> usize {
    let (rows, cols) = (grid.len(), grid[0].len());
    let mut visited = vec![vec![false; cols]; rows];
    let mut best = 0;
    let mut queue = VecDeque::new();
    for r in 0..rows {
        for c in 0..cols {
            if grid[r][c] != 1 || visited[r][c] {
                continue;
            }
            visited[r][c] = true;
            queue.push_back((r, c));
            let mut area = 1;
            while let Some((r, c)) = queue.pop_front() {
                for d in DIRECTIONS {
                    if let Some((nr, nc)) = step(r, c, d, rows, cols) {
                        if !visited[nr][nc] && grid[nr][nc] == 1 {
                            visited[nr][nc] = true;
                            area += 1;
                            queue.push_back((nr, nc));
                        }
                    }
                }
            }
            best = best.max(area);
        }
    }
    best
}

impl Dataset for LargestIsland {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let rows = rng.randint(self.min_rows, self.max_rows)?;
        let cols = rng.randint(self.min_cols, self.max_cols)?;
        let num_islands = rng.randint(self.min_num_islands, self.max_num_islands)?;
        let grid = self.create_grid(&mut rng, rows as usize, cols as usize, num_islands)?;
        let grid_str = grid
            .iter()
            .map(|row| row.iter().map(u8::to_string).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("\n");
        let answer = largest_island(&grid);
        Ok(Item {
            question: format!(
                "You are given the following {rows} x {cols} binary matrix grid:\n{grid_str}\n\n\
                 An island is a group of 1's (representing land) connected 4-directionally (horizontal or vertical).\n\
                 You may assume all four edges of the grid are surrounded by water.\n\n\
                 The area of an island is the number of cells with a value 1 in the island.\n\n\
                 Return the maximum area of an island in grid. If there is no island, return 0.\n"
            ),
            answer: answer.to_string(),
            metadata: meta! {
                "grid" => grid,
                "solution" => answer,
                "difficulty" => json!({
                    "rows": [self.min_rows, self.max_rows],
                    "cols": [self.min_cols, self.max_cols],
                    "num_islands": [self.min_num_islands, self.max_num_islands],
                    "island_size": [self.min_island_size, self.max_island_size],
                }),
            },
        })
    }
}
