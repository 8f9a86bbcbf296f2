//! `shortest_path`: the shortest sequence of moves from `*` to `#` in a grid.

use std::collections::VecDeque;

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use pycompat::{py_split, py_strip};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "shortest_path",
    category: "graphs",
    description: "Generates Shortest Path exercises with configurable difficulty",
    config_class: "ShortestPathConfig",
    build,
};

const QUESTION_HEAD: &str = "Your task is to find the shortest path from the start to the destination point in a grid.

The grid is represented as a matrix with the following types of cells:
- *: your starting point
- #: your destination point
- O: an open cell
- X: a blocked cell

Therefore, you need to find the shortest path from * to #, moving only through open cells.

You may only move in four directions: up, down, left, and right.

If there is no path from * to #, simply write \"infeasible\" (without quotes).

Your output should be a sequence of directions that leads from * to #, e.g. right right down down up left

Now, find the shortest path from * to # in the following grid:
";

/// The BFS expands neighbours in this order, which picks among equally short paths.
const DIRS: [(i64, i64, &str); 4] = [
    (0, 1, "right"),
    (1, 0, "down"),
    (0, -1, "left"),
    (-1, 0, "up"),
];

struct ShortestPath {
    seed: Seed,
    min_rows: i64,
    max_rows: i64,
    min_cols: i64,
    max_cols: i64,
    p_blocked: f64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = ShortestPath {
        seed: p.seed,
        min_rows: r.int("min_rows", 5),
        max_rows: r.int("max_rows", 8),
        min_cols: r.int("min_cols", 5),
        max_cols: r.int("max_cols", 8),
        p_blocked: r.float("p_blocked", 0.4),
    };
    let v = r.finish()?;
    v.ensure(1 <= d.min_rows, "min_rows must be at least 1")?;
    v.ensure(
        d.min_rows <= d.max_rows,
        "min_rows must be less than or equal to max_rows",
    )?;
    v.ensure(1 <= d.min_cols, "min_cols must be at least 1")?;
    v.ensure(
        d.min_cols <= d.max_cols,
        "min_cols must be less than or equal to max_cols",
    )?;
    v.ensure(
        (0.0..=1.0).contains(&d.p_blocked),
        "p_blocked must be between 0 and 1",
    )?;
    v.ensure_item_size(
        count(d.max_rows).saturating_mul(count(d.max_cols)),
        "max_rows * max_cols",
    )?;
    v.done(d)
}

type Grid = Vec<Vec<char>>;
/// The cell a BFS step came from and the move it took.
type Step = (usize, usize, &'static str);

/// The neighbour of `(r, c)` in direction `(dr, dc)` if it is inside the grid.
fn step(grid: &[Vec<char>], r: usize, c: usize, dr: i64, dc: i64) -> Option<(usize, usize)> {
    let nr = r.checked_add_signed(dr as isize)?;
    let nc = c.checked_add_signed(dc as isize)?;
    (nr < grid.len() && nc < grid[nr].len()).then_some((nr, nc))
}

fn find(grid: &[Vec<char>], mark: char) -> Option<(usize, usize)> {
    grid.iter()
        .enumerate()
        .find_map(|(r, row)| row.iter().position(|&x| x == mark).map(|c| (r, c)))
}

/// Breadth-first search from `*`; empty when `#` cannot be reached.
fn shortest(grid: &[Vec<char>]) -> Vec<&'static str> {
    let Some((sr, sc)) = find(grid, '*') else {
        return Vec::new();
    };
    let mut visited: Vec<Vec<bool>> = grid.iter().map(|row| vec![false; row.len()]).collect();
    visited[sr][sc] = true;
    // Each cell remembers how it was reached, to rebuild the path at the end.
    let mut came_from: Vec<Vec<Option<Step>>> =
        grid.iter().map(|row| vec![None; row.len()]).collect();
    let mut queue = VecDeque::from([(sr, sc)]);
    while let Some((r, c)) = queue.pop_front() {
        for (dr, dc, dir) in DIRS {
            let Some((nr, nc)) = step(grid, r, c, dr, dc) else {
                continue;
            };
            if visited[nr][nc] {
                continue;
            }
            match grid[nr][nc] {
                '#' => {
                    let mut path = vec![dir];
                    let (mut r, mut c) = (r, c);
                    while let Some((pr, pc, d)) = came_from[r][c] {
                        path.push(d);
                        (r, c) = (pr, pc);
                    }
                    path.reverse();
                    return path;
                }
                'O' => {
                    visited[nr][nc] = true;
                    came_from[nr][nc] = Some((r, c, dir));
                    queue.push_back((nr, nc));
                }
                _ => {}
            }
        }
    }
    Vec::new()
}

/// Whether `path` leads from `*` to `#` inside the grid without entering an `X`.
fn is_valid_path(grid: &[Vec<char>], path: &[&str]) -> bool {
    let (Some((mut r, mut c)), Some(end)) = (find(grid, '*'), find(grid, '#')) else {
        return false;
    };
    for dir in path {
        let Some(&(dr, dc, _)) = DIRS.iter().find(|d| d.2 == *dir) else {
            return false;
        };
        match step(grid, r, c, dr, dc) {
            Some((nr, nc)) if grid[nr][nc] != 'X' => (r, c) = (nr, nc),
            _ => return false,
        }
    }
    (r, c) == end
}

/// The grid recorded in an item's metadata, one-character strings per cell.
fn matrix_of(item: &Item) -> Option<Grid> {
    item.metadata
        .get("matrix")?
        .as_array()?
        .iter()
        .map(|row| {
            row.as_array()?
                .iter()
                .map(|cell| {
                    let mut chars = cell.as_str()?.chars();
                    match (chars.next(), chars.next()) {
                        (Some(ch), None) => Some(ch),
                        _ => None,
                    }
                })
                .collect()
        })
        .collect()
}

impl Dataset for ShortestPath {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let rows = rng.randint(self.min_rows, self.max_rows)?;
        let cols = rng.randint(self.min_cols, self.max_cols)?;
        if rows == 1 && cols == 1 {
            // The reference loops forever looking for a destination other than the start.
            return Err(DatasetError::Generation(
                "a 1 x 1 grid has no room for both start and destination".into(),
            ));
        }
        let mut grid: Grid = (0..rows)
            .map(|_| {
                (0..cols)
                    .map(|_| {
                        if rng.random() < self.p_blocked {
                            'X'
                        } else {
                            'O'
                        }
                    })
                    .collect()
            })
            .collect();
        let start = (rng.randint(0, rows - 1)?, rng.randint(0, cols - 1)?);
        grid[start.0 as usize][start.1 as usize] = '*';
        loop {
            let end = (rng.randint(0, rows - 1)?, rng.randint(0, cols - 1)?);
            if end != start {
                grid[end.0 as usize][end.1 as usize] = '#';
                break;
            }
        }

        let grid_str = grid
            .iter()
            .map(|row| {
                row.iter()
                    .map(char::to_string)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n");
        let solution = shortest(&grid);
        let answer = if solution.is_empty() {
            "infeasible".to_string()
        } else {
            solution.join(" ")
        };
        let matrix: Vec<Vec<String>> = grid
            .iter()
            .map(|row| row.iter().map(char::to_string).collect())
            .collect();
        Ok(Item {
            question: format!("{QUESTION_HEAD}{grid_str}\n"),
            answer,
            metadata: meta! {
                "matrix" => matrix,
                "solution" => solution,
                "difficulty" => json!({
                    "rows": [self.min_rows, self.max_rows],
                    "cols": [self.min_cols, self.max_cols],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let oracle = py_strip(&item.answer);
        let answer = py_strip(answer);
        if answer == oracle {
            return 1.0;
        }
        let Some(grid) = matrix_of(item) else {
            return 0.0;
        };
        let path: Vec<&str> = py_split(answer).collect();
        if !is_valid_path(&grid, &path) {
            0.0
        } else if path.len() == py_split(oracle).count() {
            1.0
        } else {
            0.5
        }
    }
}
