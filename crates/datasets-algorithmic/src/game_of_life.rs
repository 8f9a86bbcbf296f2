//! `game_of_life`: a Conway board on a torus after some steps.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{json_dumps, json_loads, JsonStyle, PyValue};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "game_of_life",
    category: "algorithmic",
    description: "Simulate Conway's Game of Life on a wrapping grid",
    config_class: "GameOfLifeConfig",
    build,
};

const TEMPLATES: [&str; 1] = ["What will this Game of Life board look like after {simulation_steps} steps of simulation? Assume a Moore neighborhood and wrapping topology. Reply as array of arrays representing rows in the grid from top to bottom in JSON format. (An empty 3x3 grid would look like this: [[0,0,0],[0,0,0],[0,0,0]])\n\n{board}."];

const COMPACT: JsonStyle = JsonStyle {
    compact: true,
    ensure_ascii: true,
};

struct GameOfLife {
    seed: Seed,
    grid_size_x: i64,
    grid_size_y: i64,
    filled_cells_weights: Value,
    filled_cells: i64,
    simulation_steps: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let grid_size_x = r.int("grid_size_x", 10);
    let grid_size_y = r.int("grid_size_y", 10);
    let (_, filled_cells_weights) = r.float_as_given("filled_cells_weights", 0.1);
    // The dataclass computes this default once, from the default sizes and weight.
    let filled_cells = r.int("filled_cells", 10);
    let simulation_steps = r.int("simulation_steps", 1);
    let v = r.finish()?;
    v.ensure(
        (3..=999).contains(&grid_size_x),
        "grid_size_x must be between 0 and 999",
    )?;
    v.ensure(
        (3..=999).contains(&grid_size_y),
        "grid_size_y must be between 0 and 999",
    )?;
    v.ensure(simulation_steps >= 0, "simulation_steps must be gte 0")?;
    v.ensure(
        filled_cells <= grid_size_x * grid_size_y,
        "filled_cells must fit in x times y",
    )?;
    v.done(GameOfLife {
        seed: p.seed,
        grid_size_x,
        grid_size_y,
        filled_cells_weights,
        filled_cells,
        simulation_steps,
    })
}

/// One generation of B3/S23 with the edges wrapped around.
fn step(board: &[Vec<i64>]) -> Vec<Vec<i64>> {
    let rows = board.len();
    let cols = board[0].len();
    (0..rows)
        .map(|r| {
            (0..cols)
                .map(|c| {
                    let mut live = 0;
                    for dr in [rows - 1, 0, 1] {
                        for dc in [cols - 1, 0, 1] {
                            if (dr, dc) != (0, 0) {
                                live += board[(r + dr) % rows][(c + dc) % cols];
                            }
                        }
                    }
                    i64::from(live == 3 || (live == 2 && board[r][c] == 1))
                })
                .collect()
        })
        .collect()
}

/// `ans[i][j] == expected` for parsed JSON: `Some(false)` where Python's
/// `IndexError`/`TypeError` is caught (a missing row or cell, indexing into a
/// number), `None` for the `KeyError` of indexing a JSON object, which escapes
/// the reference scorer.
fn cell_matches(ans: &PyValue, i: usize, j: usize, expected: &PyValue) -> Option<bool> {
    // A one-character string: indexing it again only works at 0.
    let char_matches = |s: &str, k: usize, rest: Option<usize>| {
        s.chars().nth(k).is_some_and(|c| {
            rest.is_none_or(|r| r == 0) && PyValue::Str(c.to_string()).py_eq(expected)
        })
    };
    let row = match ans {
        PyValue::List(rows) => match rows.get(i) {
            Some(row) => row,
            None => return Some(false),
        },
        PyValue::Str(s) => return Some(char_matches(s, i, Some(j))),
        PyValue::Dict(_) => return None,
        _ => return Some(false),
    };
    match row {
        PyValue::List(cells) => Some(cells.get(j).is_some_and(|c| c.py_eq(expected))),
        PyValue::Str(s) => Some(char_matches(s, j, None)),
        PyValue::Dict(_) => None,
        _ => Some(false),
    }
}

impl Dataset for GameOfLife {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let (x, y) = (self.grid_size_x as usize, self.grid_size_y as usize);
        let mut board = vec![vec![0i64; y]; x];
        for _ in 0..self.filled_cells {
            let rx = rng.randint(0, self.grid_size_x - 1)?;
            let ry = rng.randint(0, self.grid_size_y - 1)?;
            board[rx as usize][ry as usize] = 1;
        }
        let mut evolved = board.clone();
        for _ in 0..self.simulation_steps {
            let next = step(&evolved);
            if next == evolved {
                // A still life stays put for every remaining step.
                break;
            }
            evolved = next;
        }
        let rows: Vec<String> = board
            .iter()
            .map(|row| json_dumps(&json!(row), COMPACT))
            .collect();
        let board_str = format!("[{}]", rows.join(",\n "));
        let template = rng.choice(&TEMPLATES)?;
        let question = template
            .replace("{simulation_steps}", &self.simulation_steps.to_string())
            .replace("{board}", &board_str);
        Ok(Item {
            question,
            answer: json_dumps(&json!(evolved), COMPACT),
            metadata: meta! {
                "grid_size_x" => self.grid_size_x,
                "grid_size_y" => self.grid_size_y,
                "filled_cells" => self.filled_cells,
                "simulation_steps" => self.simulation_steps,
                "difficulty" => json!({
                    "grid_size_x": self.grid_size_x,
                    "grid_size_y": self.grid_size_y,
                    "filled_cells_weights": self.filled_cells_weights,
                    "simulation_steps": self.simulation_steps,
                }),
            },
        })
    }

    /// The fraction of cells of the expected grid that the answer gets right.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let (Ok(ans), Ok(PyValue::List(expected))) = (json_loads(answer), json_loads(&item.answer))
        else {
            return 0.0;
        };
        let (mut total, mut correct) = (0usize, 0usize);
        for (i, row) in expected.iter().enumerate() {
            let PyValue::List(row) = row else { return 0.0 };
            for (j, cell) in row.iter().enumerate() {
                total += 1;
                match cell_matches(&ans, i, j, cell) {
                    Some(true) => correct += 1,
                    Some(false) => {}
                    None => return 0.0,
                }
            }
        }
        if total == 0 {
            0.0
        } else {
            correct as f64 / total as f64
        }
    }
}
