//! `kakurasu`: place 1s in a grid so that each row's and column's weighted
//! sums (a 1 weighs its 1-based position) match the given ones.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::py_strip;
use serde_json::{json, Value};

use crate::str_format::format_named;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "kakurasu",
    category: "games",
    description: "Generates Kakurasu puzzles with configurable size.",
    config_class: "KakurasuConfig",
    build,
};

const PROMPT_TEMPLATES: [&str; 10] = [
    "You are given a {n_rows} x {n_cols} grid representing a Kukurasu puzzle. In this puzzle, you need to place 1s in the grid so that the weighted sum of each row and column matches the given constraints. The row sums are {row_sums} and the column sums are {col_sums}.\n1. Rules:\n  1. Each cell can contain either a 1 or an 0.\n  2. The weight of a 1 in a row is its column position (1 to {n_cols}).\n  3. The weight of a 1 in a column is its row position (1 to {n_rows}).\n  4. The weighted sum of each row must match the corresponding row constraint.\n  5. The weighted sum of each column must match the corresponding column constraint.\n2. Input:\n{puzzle}",
    "This is a {n_rows} x {n_cols} Kukurasu puzzle grid. Your task is to fill in the grid with 1s and 0s such that the weighted sums match the given constraints. The row sums are {row_sums} and the column sums are {col_sums}.\n1. Rules:\n  1. Each cell must contain either a 1 or an 0.\n  2. In each row, a 1 in position j contributes j points to that row's sum (positions are 1-indexed).\n  3. In each column, a 1 in position i contributes i points to that column's sum (positions are 1-indexed).\n  4. The weighted sum of each row must equal its constraint value.\n  5. The weighted sum of each column must equal its constraint value.\n2. Input:\n{puzzle}",
    "You're presented with a {n_rows} x {n_cols} Kukurasu puzzle grid. The goal is to place 1s in the grid so that the weighted sums of rows and columns match the given constraints: row sums {row_sums} and column sums {col_sums}.\n1. Rules:\n  1. Each cell must be filled with either a 1 or an 0.\n  2. A 1 in column j of any row contributes j points to that row's sum (j ranges from 1 to {n_cols}).\n  3. A 1 in row i of any column contributes i points to that column's sum (i ranges from 1 to {n_rows}).\n  4. Each row's weighted sum must match its constraint value.\n  5. Each column's weighted sum must match its constraint value.\n2. Input:\n{puzzle}",
    "Below is a {n_rows} x {n_cols} Kukurasu puzzle grid. Your objective is to place 1s in the grid such that the weighted sums of rows and columns match the given constraints. Row sums: {row_sums}. Column sums: {col_sums}.\n1. Rules:\n  1. Each cell must contain either a 1 or an 0.\n  2. The weight of a 1 in a row equals its column number (1 to {n_cols}).\n  3. The weight of a 1 in a column equals its row number (1 to {n_rows}).\n  4. The sum of weighted 1s in each row must equal the row constraint.\n  5. The sum of weighted 1s in each column must equal the column constraint.\n2. Input:\n{puzzle}",
    "Here's a {n_rows} x {n_cols} Kukurasu logic puzzle. You need to place 1s in the grid so that the weighted sums match the constraints. Row sums: {row_sums}. Column sums: {col_sums}.\n1. Rules:\n  1. Each cell can be filled with either a 1 or an 0.\n  2. A 1 in the jth position of a row contributes j points to that row's sum.\n  3. A 1 in the ith position of a column contributes i points to that column's sum.\n  4. The weighted sum of each row must equal its constraint value.\n  5. The weighted sum of each column must equal its constraint value.\n2. Input:\n{puzzle}",
    "I'm presenting you with a {n_rows} x {n_cols} Kukurasu puzzle. Your task is to place 1s in the grid so that the weighted sums match the given constraints: row sums {row_sums} and column sums {col_sums}.\n1. Rules:\n  1. Each cell must be filled with either a 1 or an 0.\n  2. In each row, a 1 in position j has a weight of j (where j ranges from 1 to {n_cols}).\n  3. In each column, a 1 in position i has a weight of i (where i ranges from 1 to {n_rows}).\n  4. The weighted sum of each row must match its constraint.\n  5. The weighted sum of each column must match its constraint.\n2. Input:\n{puzzle}",
    "Consider this {n_rows} x {n_cols} Kukurasu puzzle grid. You need to place 1s in the grid such that the weighted sums match the constraints. Row sums: {row_sums}. Column sums: {col_sums}.\n1. Rules:\n  1. Each cell must contain either a 1 or an 0.\n  2. A 1 in column position j contributes j points to its row's sum.\n  3. A 1 in row position i contributes i points to its column's sum.\n  4. Each row's weighted sum must equal its constraint value.\n  5. Each column's weighted sum must equal its constraint value.\n2. Input:\n{puzzle}",
    "You have a {n_rows} x {n_cols} Kukurasu puzzle grid. Your goal is to place 1s in the grid so that the weighted sums match the given constraints: row sums {row_sums} and column sums {col_sums}.\n1. Rules:\n  1. Each cell must be filled with either a 1 or an 0.\n  2. The weight of a 1 in a row is its column position (1 to {n_cols}).\n  3. The weight of a 1 in a column is its row position (1 to {n_rows}).\n  4. The weighted sum of each row must match its constraint.\n  5. The weighted sum of each column must match its constraint.\n2. Input:\n{puzzle}",
    "This {n_rows} x {n_cols} grid represents a Kukurasu puzzle. Your task is to place 1s in the grid so that the weighted sums match the constraints. Row sums: {row_sums}. Column sums: {col_sums}.\n1. Rules:\n  1. Each cell must contain either a 1 or an 0.\n  2. A 1 in the jth position of a row contributes j points to that row's sum.\n  3. A 1 in the ith position of a column contributes i points to that column's sum.\n  4. The weighted sum of each row must equal its constraint value.\n  5. The weighted sum of each column must equal its constraint value.\n2. Input:\n{puzzle}",
    "Examine this {n_rows} x {n_cols} Kukurasu puzzle grid. Your objective is to place 1s in the grid such that the weighted sums match the given constraints: row sums {row_sums} and column sums {col_sums}.\n1. Rules:\n  1. Each cell must be filled with either a 1 or an 0.\n  2. The weight of a 1 in a row equals its column number (1 to {n_cols}).\n  3. The weight of a 1 in a column equals its row number (1 to {n_rows}).\n  4. The weighted sum of each row must match its constraint.\n  5. The weighted sum of each column must match its constraint.\n2. Input:\n{puzzle}",
];

struct Kakurasu {
    seed: Seed,
    min_rows: i64,
    max_rows: i64,
    min_cols: i64,
    max_cols: i64,
    p_ones: f64,
    /// `p_ones` as the config gave it (an int stays an int in the metadata).
    p_ones_given: Value,
    max_retries: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_rows = r.int("min_rows", 4);
    let max_rows = r.int("max_rows", 5);
    let min_cols = r.int("min_cols", 4);
    let max_cols = r.int("max_cols", 5);
    let (p_ones, p_ones_given) = r.float_as_given("p_ones", 0.3);
    let max_retries = r.int("max_retries", 1000);
    let v = r.finish()?;
    // The reference's asserts, repeated one and messages crossed as they are.
    v.ensure(
        (3..=9).contains(&min_rows),
        "n_rows must be between 3 and 9",
    )?;
    v.ensure(
        (3..=9).contains(&max_rows),
        "n_cols must be between 3 and 9",
    )?;
    v.ensure(
        (3..=9).contains(&min_rows),
        "n_rows must be between 3 and 9",
    )?;
    v.ensure(
        (3..=9).contains(&max_cols),
        "n_cols must be between 3 and 9",
    )?;
    v.ensure(
        min_rows <= max_rows,
        "min_rows must be less than or equal to max_rows",
    )?;
    v.ensure(
        min_cols <= max_cols,
        "min_cols must be less than or equal to max_cols",
    )?;
    v.ensure(
        (0.0..=1.0).contains(&p_ones),
        "p_ones must be between 0 and 1",
    )?;
    // Every retry draws a grid and counts its solutions; nothing bounds the
    // retries when no grid of the config has a unique solution.
    v.ensure_item_size(
        count(max_retries).saturating_mul(count(max_rows) * count(max_cols)),
        "max_retries * max_rows * max_cols",
    )?;
    v.done(Kakurasu {
        seed: p.seed,
        min_rows,
        max_rows,
        min_cols,
        max_cols,
        p_ones,
        p_ones_given,
        max_retries,
    })
}

type Grid = Vec<Vec<u8>>;

/// Row-major `(i + 1)`-weighted sums: `_calculate_row_col_sums`.
fn calculate_row_col_sums(grid: &Grid, n_cols: usize) -> (Vec<i64>, Vec<i64>) {
    let row_sums = grid
        .iter()
        .map(|row| weighted(row.iter().map(|&c| c == 1)))
        .collect();
    let col_sums = (0..n_cols)
        .map(|j| weighted(grid.iter().map(|row| row[j] == 1)))
        .collect();
    (row_sums, col_sums)
}

/// The sum of the 1-based positions of the set cells.
fn weighted(cells: impl Iterator<Item = bool>) -> i64 {
    cells
        .enumerate()
        .filter(|&(_, set)| set)
        .map(|(i, _)| i as i64 + 1)
        .sum()
}

impl Kakurasu {
    /// `_generate_random_grid`.
    fn generate_random_grid(&self, rng: &mut Random, n_rows: usize, n_cols: usize) -> Grid {
        (0..n_rows)
            .map(|_| {
                (0..n_cols)
                    .map(|_| u8::from(rng.random() < self.p_ones))
                    .collect()
            })
            .collect()
    }
}

/// `_repair_grid`: a 1 in every empty row, then in every empty column.
/// `randrange(n_cols)` raises for the empty rows of `n_cols <= 0` (the
/// reference never checks `min_cols`).
fn repair_grid(rng: &mut Random, grid: &mut Grid, n_cols: i64) -> Result<()> {
    let n_rows = grid.len() as i64;
    for row in grid.iter_mut() {
        if !row.contains(&1) {
            let j = rng.randrange_to(n_cols)? as usize;
            row[j] = 1;
        }
    }
    for j in 0..n_cols.max(0) as usize {
        if grid.iter().all(|row| row[j] == 0) {
            let i = rng.randrange_to(n_rows)? as usize;
            grid[i][j] = 1;
        }
    }
    Ok(())
}

/// `_count_solutions`: how many grids have these sums, stopping at `limit`.
/// Rows are tried pattern by pattern (as bit masks), columns' remaining
/// sums kept as the search goes.
fn count_solutions(m: usize, row_sums: &[i64], col_sums: &[i64], limit: u32) -> u32 {
    let mut row_patterns: Vec<Vec<u32>> = Vec::with_capacity(row_sums.len());
    for &target in row_sums {
        let patterns: Vec<u32> = (0..1u32 << m)
            .filter(|&mask| weighted((0..m).map(|j| mask >> j & 1 == 1)) == target)
            .collect();
        if patterns.is_empty() {
            return 0;
        }
        row_patterns.push(patterns);
    }
    fn dfs(r: usize, rows: &[Vec<u32>], col_remaining: &mut [i64], found: &mut u32, limit: u32) {
        if *found >= limit {
            return;
        }
        if r == rows.len() {
            if col_remaining.iter().all(|&c| c == 0) {
                *found += 1;
            }
            return;
        }
        budget::check();
        let weight = r as i64 + 1;
        for &pat in &rows[r] {
            let mut ok = true;
            for (j, c) in col_remaining.iter_mut().enumerate() {
                if pat >> j & 1 == 1 {
                    *c -= weight;
                    ok &= *c >= 0;
                }
            }
            if ok {
                dfs(r + 1, rows, col_remaining, found, limit);
            }
            for (j, c) in col_remaining.iter_mut().enumerate() {
                if pat >> j & 1 == 1 {
                    *c += weight;
                }
            }
            if *found >= limit {
                break;
            }
        }
    }
    let mut col_remaining = col_sums.to_vec();
    let mut found = 0;
    dfs(0, &row_patterns, &mut col_remaining, &mut found, limit);
    found
}

/// Rows of cells separated by spaces, one row a line.
fn grid_string(grid: &Grid) -> String {
    grid.iter()
        .map(|row| {
            row.iter()
                .map(|c| if *c == 1 { "1" } else { "0" })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `str(list)` of ints.
fn int_list(v: &[i64]) -> String {
    format!(
        "[{}]",
        v.iter().map(i64::to_string).collect::<Vec<_>>().join(", ")
    )
}

impl Dataset for Kakurasu {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n_rows = rng.randint(self.min_rows, self.max_rows)?;
        let n_cols = rng.randint(self.min_cols, self.max_cols)?;
        let (rows, cols) = (n_rows as usize, n_cols.max(0) as usize);

        for retry in 0..self.max_retries {
            let mut solution = self.generate_random_grid(&mut rng, rows, cols);
            repair_grid(&mut rng, &mut solution, n_cols)?;
            let (row_sums, col_sums) = calculate_row_col_sums(&solution, cols);
            let empty_grid: Grid = vec![vec![0; cols]; rows];

            // The last retry takes the grid whatever it is.
            if retry < self.max_retries - 1 {
                if row_sums.contains(&0)
                    || col_sums.contains(&0)
                    || row_sums.iter().sum::<i64>() != col_sums.iter().sum::<i64>()
                {
                    continue;
                }
                if count_solutions(cols, &row_sums, &col_sums, 2) != 1 {
                    continue;
                }
            }

            let template = *rng.choice(&PROMPT_TEMPLATES)?;
            let question = format_named(
                template,
                &[
                    ("n_rows", &n_rows.to_string()),
                    ("n_cols", &n_cols.to_string()),
                    ("row_sums", &int_list(&row_sums)),
                    ("col_sums", &int_list(&col_sums)),
                    ("puzzle", &grid_string(&empty_grid)),
                ],
            );
            return Ok(Item {
                question,
                answer: grid_string(&solution),
                metadata: meta! {
                    "source_dataset" => INFO.name,
                    // The reference names the index `source_idx` here.
                    "source_idx" => idx,
                    "n_rows" => n_rows,
                    "n_cols" => n_cols,
                    "p_ones" => self.p_ones_given.clone(),
                    "puzzle" => empty_grid,
                    "row_sums" => row_sums,
                    "col_sums" => col_sums,
                    "solution" => solution,
                    "difficulty" => json!({
                        "rows": [self.min_rows, self.max_rows],
                        "cols": [self.min_cols, self.max_cols],
                        "p_ones": self.p_ones_given,
                    }),
                },
            });
        }
        // With no retries the reference's `__getitem__` returns None.
        Err(DatasetError::Generation(
            "kakurasu: max_retries < 1 makes no item (reasoning-gym returns None)".into(),
        ))
    }

    /// The reference writes `source_idx`, not `source_index`.
    fn writes_source_keys(&self) -> bool {
        true
    }

    /// 1.0 for a grid of the right shape whose weighted sums are the given
    /// ones (any solution), else 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else {
            return 0.0;
        };
        let m = &item.metadata;
        let ints = |k: &str| -> Option<Vec<i64>> {
            m.get(k)?.as_array()?.iter().map(Value::as_i64).collect()
        };
        let (Some(row_sums), Some(col_sums), Some(n_rows), Some(n_cols)) = (
            ints("row_sums"),
            ints("col_sums"),
            m.get("n_rows").and_then(Value::as_i64),
            m.get("n_cols").and_then(Value::as_i64),
        ) else {
            return 0.0;
        };
        let (Ok(n_rows), Ok(n_cols)) = (usize::try_from(n_rows), usize::try_from(n_cols)) else {
            return 0.0;
        };
        // `_parse_grid`: each line's 0 and 1 characters, one row a line
        // (a line without any is an empty row).
        let mut ans_col_sums = vec![0i64; n_cols];
        let mut rows = 0;
        for line in py_strip(answer).split('\n') {
            if rows == n_rows {
                return 0.0;
            }
            let (mut cells, mut row_sum) = (0, 0);
            for c in py_strip(line).chars() {
                if c != '0' && c != '1' {
                    continue;
                }
                if cells == n_cols {
                    return 0.0;
                }
                if c == '1' {
                    row_sum += cells as i64 + 1;
                    ans_col_sums[cells] += rows as i64 + 1;
                }
                cells += 1;
            }
            if cells != n_cols || row_sums.get(rows) != Some(&row_sum) {
                return 0.0;
            }
            rows += 1;
        }
        if rows == n_rows && ans_col_sums == col_sums {
            1.0
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};

    #[test]
    fn answers_have_unique_solutions() {
        // Large grids seldom have a unique solution: there the last retry's
        // grid is taken as it is.
        let ds = dataset(&INFO, json!({}));
        for idx in 0..20 {
            let item = ds.get(idx).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            let sums = |k: &str| -> Vec<i64> {
                item.metadata[k]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_i64().unwrap())
                    .collect()
            };
            let cols = item.metadata["n_cols"].as_u64().unwrap() as usize;
            assert_eq!(
                count_solutions(cols, &sums("row_sums"), &sums("col_sums"), 2),
                1
            );
        }
    }

    #[test]
    fn scorer_reads_zeros_and_ones() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(0).unwrap();
        let packed = item.answer.replace(' ', "");
        assert_eq!(ds.score(Some(&packed), &item), 1.0);
        let decorated = item.answer.replace(' ', ", ").replace('\n', "]\n[");
        assert_eq!(ds.score(Some(&format!("[{decorated}]")), &item), 1.0);
        assert_eq!(ds.score(Some(&format!("{}\n", item.answer)), &item), 1.0);
        assert_eq!(ds.score(Some(&format!("{}\n\nx", item.answer)), &item), 0.0);
        assert_eq!(ds.score(Some(""), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
        let started = std::time::Instant::now();
        ds.score(Some(&"1 0 ".repeat(1 << 18)), &item);
        ds.score(Some(&"\n".repeat(1 << 20)), &item);
        // Generous: debug builds on a loaded machine; release takes milliseconds.
        assert!(started.elapsed().as_secs_f64() < 10.0);
    }

    #[test]
    fn no_columns_or_no_retries_make_no_item() {
        let ds = dataset(&INFO, json!({"min_cols": 0, "max_cols": 3}));
        assert!((0..20).any(|i| ds.get(i).is_err()));
        let ds = dataset(&INFO, json!({"max_retries": 0}));
        assert!(ds.get(0).is_err());
        // One retry: the first grid, unique or not.
        let ds = dataset(&INFO, json!({"max_retries": 1}));
        assert!(ds.get(0).is_ok());
    }

    #[test]
    fn validation_messages() {
        assert_eq!(
            refused(&INFO, json!({"min_rows": 2})),
            "n_rows must be between 3 and 9"
        );
        assert_eq!(
            refused(&INFO, json!({"max_rows": 10})),
            "n_cols must be between 3 and 9"
        );
        assert_eq!(
            refused(&INFO, json!({"max_cols": 10})),
            "n_cols must be between 3 and 9"
        );
        assert_eq!(
            refused(&INFO, json!({"min_rows": 6})),
            "min_rows must be less than or equal to max_rows"
        );
        assert_eq!(
            refused(&INFO, json!({"min_cols": 6})),
            "min_cols must be less than or equal to max_cols"
        );
        assert_eq!(
            refused(&INFO, json!({"p_ones": 1.5})),
            "p_ones must be between 0 and 1"
        );
        let msg = refused(&INFO, json!({"max_retries": 1_000_000_000}));
        assert!(
            msg.starts_with("max_retries * max_rows * max_cols"),
            "{msg}"
        );
    }
}
