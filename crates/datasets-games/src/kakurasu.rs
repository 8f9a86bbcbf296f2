//! `kakurasu`: place 1s in a grid so that each row's and column's weighted
//! sums (a 1 weighs its 1-based position) match the given ones.

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::py_strip;
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::str_format::write_named;

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

/// Rows and columns are at most 9 (`n_cols <= max_cols <= 9`, rows
/// likewise): a row is a bit mask, bit `j` its column `j`.
const MAX_SIDE: usize = 9;

/// A grid of at most 9 x 9 cells of 0 or 1, one bit mask a row.
struct Grid {
    rows: [u16; MAX_SIDE],
    n_rows: usize,
    n_cols: usize,
}

impl Grid {
    fn rows(&self) -> &[u16] {
        &self.rows[..self.n_rows]
    }
}

/// `weighted` of every row mask of up to 9 columns.
const WEIGHT: [u8; 1 << MAX_SIDE] = {
    let mut w = [0u8; 1 << MAX_SIDE];
    let mut mask = 0;
    while mask < 1 << MAX_SIDE {
        let mut j = 0;
        while j < MAX_SIDE {
            if mask >> j & 1 == 1 {
                w[mask] += j as u8 + 1;
            }
            j += 1;
        }
        mask += 1;
    }
    w
};

/// The largest weight a row of 9 columns has: 1 + ... + 9.
const MAX_WEIGHT: usize = 45;

/// Every mask, by weight, ascending within one weight:
/// `MASKS[BY_WEIGHT[w]..BY_WEIGHT[w + 1]]` are the masks of weight `w`.
/// The masks of `m` columns are those below `1 << m`, a prefix of each run.
const BY_WEIGHT: [u16; MAX_WEIGHT + 2] = {
    let mut start = [0u16; MAX_WEIGHT + 2];
    let mut mask = 0;
    while mask < 1 << MAX_SIDE {
        start[WEIGHT[mask] as usize + 1] += 1;
        mask += 1;
    }
    let mut w = 1;
    while w < MAX_WEIGHT + 2 {
        start[w] += start[w - 1];
        w += 1;
    }
    start
};

const MASKS: [u16; 1 << MAX_SIDE] = {
    let mut masks = [0u16; 1 << MAX_SIDE];
    let mut next = BY_WEIGHT;
    let mut mask = 0;
    while mask < 1 << MAX_SIDE {
        let w = WEIGHT[mask] as usize;
        masks[next[w] as usize] = mask as u16;
        next[w] += 1;
        mask += 1;
    }
    masks
};

/// Row-major `(i + 1)`-weighted sums: `_calculate_row_col_sums`.
fn calculate_row_col_sums(grid: &Grid) -> ([i64; MAX_SIDE], [i64; MAX_SIDE]) {
    let mut row_sums = [0; MAX_SIDE];
    let mut col_sums = [0; MAX_SIDE];
    for (i, &row) in grid.rows().iter().enumerate() {
        row_sums[i] = i64::from(WEIGHT[usize::from(row)]);
        for (j, sum) in col_sums[..grid.n_cols].iter_mut().enumerate() {
            if row >> j & 1 == 1 {
                *sum += i as i64 + 1;
            }
        }
    }
    (row_sums, col_sums)
}

impl Kakurasu {
    /// `_generate_random_grid`.
    fn generate_random_grid(&self, rng: &mut Random, n_rows: usize, n_cols: usize) -> Grid {
        let mut grid = Grid {
            rows: [0; MAX_SIDE],
            n_rows,
            n_cols,
        };
        for row in &mut grid.rows[..n_rows] {
            for j in 0..n_cols {
                // Without a branch: the draw decides it, so one would miss often.
                *row |= u16::from(rng.random() < self.p_ones) << j;
            }
        }
        grid
    }
}

/// `_repair_grid`: a 1 in every empty row, then in every empty column.
/// `randrange(n_cols)` raises for the empty rows of `n_cols <= 0` (the
/// reference never checks `min_cols`).
fn repair_grid(rng: &mut Random, grid: &mut Grid, n_cols: i64) -> Result<()> {
    let n_rows = grid.n_rows;
    for row in &mut grid.rows[..n_rows] {
        if *row == 0 {
            let j = rng.randrange_to(n_cols)?;
            *row |= 1 << j;
        }
    }
    // Filling one column leaves the others as they were.
    let covered = grid.rows().iter().fold(0, |acc, row| acc | row);
    for j in 0..grid.n_cols {
        if covered >> j & 1 == 0 {
            let i = rng.randrange_to(n_rows as i64)? as usize;
            grid.rows[i] |= 1 << j;
        }
    }
    Ok(())
}

/// `_count_solutions`: how many grids of `m <= 9` columns have these sums,
/// stopping at `limit`. Rows are tried pattern by pattern (bit masks of the
/// row's weight, in the reference's ascending order), columns' remaining
/// sums kept as the search goes.
fn count_solutions(m: usize, row_sums: &[i64], col_sums: &[i64], limit: u32) -> u32 {
    let mut row_patterns: [&[u16]; MAX_SIDE] = [&[]; MAX_SIDE];
    for (patterns, &target) in row_patterns.iter_mut().zip(row_sums) {
        let of_weight = usize::try_from(target)
            .ok()
            .filter(|&w| w <= MAX_WEIGHT)
            .map_or(&[][..], |w| {
                &MASKS[usize::from(BY_WEIGHT[w])..usize::from(BY_WEIGHT[w + 1])]
            });
        *patterns = &of_weight[..of_weight.partition_point(|&mask| mask >> m == 0)];
        if patterns.is_empty() {
            return 0;
        }
    }
    fn dfs(r: usize, rows: &[&[u16]], col_remaining: &mut [i64], found: &mut u32, limit: u32) {
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
        for &pat in rows[r] {
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
    let mut col_remaining = [0; MAX_SIDE];
    col_remaining[..col_sums.len()].copy_from_slice(col_sums);
    let mut found = 0;
    dfs(
        0,
        &row_patterns[..row_sums.len()],
        &mut col_remaining[..col_sums.len()],
        &mut found,
        limit,
    );
    found
}

/// Rows of cells separated by spaces, one row a line, appended to `out`.
fn write_grid(out: &mut String, rows: &[u16], n_cols: usize) {
    for (i, &row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for j in 0..n_cols {
            if j > 0 {
                out.push(' ');
            }
            out.push(if row >> j & 1 == 1 { '1' } else { '0' });
        }
    }
}

/// `str(list)` of ints, appended to `out`.
fn write_int_list(out: &mut String, v: &[i64], digits: &mut itoa::Buffer) {
    out.push('[');
    for (i, &x) in v.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(digits.format(x));
    }
    out.push(']');
}

impl Dataset for Kakurasu {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let n_rows = rng.randint(self.min_rows, self.max_rows)?;
        let n_cols = rng.randint(self.min_cols, self.max_cols)?;
        // Validation keeps rows within 3..=9 and columns at most 9.
        let (rows, cols) = (n_rows as usize, n_cols.max(0) as usize);

        for retry in 0..self.max_retries {
            let mut solution = self.generate_random_grid(&mut rng, rows, cols);
            repair_grid(&mut rng, &mut solution, n_cols)?;
            let (row_sums, col_sums) = calculate_row_col_sums(&solution);
            let (row_sums, col_sums) = (&row_sums[..rows], &col_sums[..cols]);

            // The last retry takes the grid whatever it is.
            if retry < self.max_retries - 1 {
                if row_sums.contains(&0)
                    || col_sums.contains(&0)
                    || row_sums.iter().sum::<i64>() != col_sums.iter().sum::<i64>()
                {
                    continue;
                }
                if count_solutions(cols, row_sums, col_sums, 2) != 1 {
                    continue;
                }
            }

            let template = *rng.choice(&PROMPT_TEMPLATES)?;
            let empty_grid = [0u16; MAX_SIDE];
            let mut digits = itoa::Buffer::new();
            let question = &mut item.question;
            question.clear();
            question.reserve(template.len() + 2 * rows * cols + 8 * (rows + cols) + 16);
            write_named(question, template, |name, out| {
                match name {
                    "n_rows" => out.push_str(digits.format(n_rows)),
                    "n_cols" => out.push_str(digits.format(n_cols)),
                    "row_sums" => write_int_list(out, row_sums, &mut digits),
                    "col_sums" => write_int_list(out, col_sums, &mut digits),
                    "puzzle" => write_grid(out, &empty_grid[..rows], cols),
                    _ => return false,
                }
                true
            });
            item.answer.clear();
            write_grid(&mut item.answer, solution.rows(), cols);
            item.metadata.set_from_serialize(&Meta {
                source_dataset: INFO.name,
                // The reference names the index `source_idx` here.
                source_idx: idx,
                n_rows,
                n_cols,
                p_ones: &self.p_ones_given,
                puzzle: Cells(&empty_grid[..rows], cols),
                row_sums,
                col_sums,
                solution: Cells(solution.rows(), cols),
                difficulty: Difficulty {
                    rows: [self.min_rows, self.max_rows],
                    cols: [self.min_cols, self.max_cols],
                    p_ones: &self.p_ones_given,
                },
            });
            return Ok(());
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

/// The item's metadata, fields in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    source_dataset: &'static str,
    source_idx: u64,
    n_rows: i64,
    n_cols: i64,
    p_ones: &'a Value,
    puzzle: Cells<'a>,
    row_sums: &'a [i64],
    col_sums: &'a [i64],
    solution: Cells<'a>,
    difficulty: Difficulty<'a>,
}

#[derive(Serialize)]
struct Difficulty<'a> {
    rows: [i64; 2],
    cols: [i64; 2],
    p_ones: &'a Value,
}

/// Rows as bit masks of `.1` columns, serialized as lists of 0s and 1s.
struct Cells<'a>(&'a [u16], usize);

impl Serialize for Cells<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let n_cols = self.1;
        s.collect_seq(self.0.iter().map(|&row| Row(row, n_cols)))
    }
}

struct Row(u16, usize);

impl Serialize for Row {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq((0..self.1).map(|j| self.0 >> j & 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};
    use serde_json::json;

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
