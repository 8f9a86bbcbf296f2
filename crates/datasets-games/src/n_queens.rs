//! `n_queens`: complete an n x n board, some of whose queens have been removed
//! from a random solution of the n-queens puzzle.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{py_eval, PyValue};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "n_queens",
    category: "games",
    description: "Generates N Queens puzzles with configurable difficulty",
    config_class: "NQueensConfig",
    build,
};

const MIN_BOARD_SIZE: i64 = 4;
const MAX_BOARD_SIZE: i64 = 12;

/// A solution as the queen's column in each row (the first `n` entries used).
type Solution = [u8; MAX_BOARD_SIZE as usize];

struct NQueens {
    seed: Seed,
    n: usize,
    min_remove: i64,
    max_remove: i64,
    /// `_get_all_solutions(n)`, in the reference's backtracking order.
    solutions: Vec<Solution>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let n = r.int("n", 8);
    let min_remove = r.int("min_remove", 1);
    let max_remove = r.int("max_remove", 7);
    let v = r.finish()?;
    v.ensure(
        (MIN_BOARD_SIZE..=MAX_BOARD_SIZE).contains(&n),
        format!("n must be between {MIN_BOARD_SIZE} and {MAX_BOARD_SIZE}"),
    )?;
    v.ensure(
        1 <= min_remove && min_remove <= max_remove,
        "min_remove must be between 1 and max_remove",
    )?;
    v.ensure(
        min_remove <= max_remove && max_remove <= n,
        "max_remove must be between min_remove and n",
    )?;
    let n = n as usize;
    v.done(NQueens {
        seed: p.seed,
        n,
        min_remove,
        max_remove,
        solutions: all_solutions(n),
    })
}

/// `_get_all_solutions`: row by row, columns ascending.
fn all_solutions(n: usize) -> Vec<Solution> {
    fn backtrack(
        row: usize,
        n: usize,
        cols: &mut Solution,
        used: [u32; 3],
        out: &mut Vec<Solution>,
    ) {
        if row == n {
            out.push(*cols);
            return;
        }
        for col in 0..n {
            // Columns, row + col, and row - col shifted by n.
            let bits = [1u32 << col, 1u32 << (row + col), 1u32 << (row + n - col)];
            if (0..3).any(|k| used[k] & bits[k] != 0) {
                continue;
            }
            cols[row] = col as u8;
            let used = [used[0] | bits[0], used[1] | bits[1], used[2] | bits[2]];
            backtrack(row + 1, n, cols, used, out);
        }
    }
    let mut out = Vec::new();
    backtrack(0, n, &mut [0; MAX_BOARD_SIZE as usize], [0; 3], &mut out);
    out
}

/// `_board_to_string` of a board with a queen at `cols[r]` in each row that has one.
fn board_string(cols: &[Option<u8>]) -> String {
    let n = cols.len();
    let mut out = String::with_capacity(2 * n * n);
    for (r, &q) in cols.iter().enumerate() {
        if r > 0 {
            out.push('\n');
        }
        for c in 0..n {
            if c > 0 {
                out.push(' ');
            }
            out.push(if q == Some(c as u8) { 'Q' } else { '_' });
        }
    }
    out
}

/// The board as the metadata holds it: a list of rows of `"Q"` / `"_"`.
fn board_json(cols: &[Option<u8>]) -> Value {
    let n = cols.len();
    Value::Array(
        cols.iter()
            .map(|&q| {
                Value::Array(
                    (0..n)
                        .map(|c| Value::from(if q == Some(c as u8) { "Q" } else { "_" }))
                        .collect(),
                )
            })
            .collect(),
    )
}

impl NQueens {
    fn full(&self, s: &Solution) -> Vec<Option<u8>> {
        s[..self.n].iter().map(|&c| Some(c)).collect()
    }
}

impl Dataset for NQueens {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let solved = *rng.choice(&self.solutions)?;
        let num_removed = rng.randint(self.min_remove, self.max_remove)?;

        // `_create_puzzle`: the queens in row-major order (one per row), shuffled,
        // the first `num_removed` taken off.
        let mut queens: Vec<usize> = (0..self.n).collect();
        rng.shuffle(&mut queens);
        let mut puzzle: Vec<Option<u8>> = solved[..self.n].iter().map(|&c| Some(c)).collect();
        let removed = usize::try_from(num_removed).unwrap_or(0).min(self.n);
        for &row in &queens[..removed] {
            puzzle[row] = None;
        }

        let valid: Vec<&Solution> = self
            .solutions
            .iter()
            .filter(|s| {
                puzzle
                    .iter()
                    .zip(s.iter())
                    .all(|(q, &c)| q.is_none_or(|q| q == c))
            })
            .collect();
        let mut valid_strs: Vec<String> =
            valid.iter().map(|s| board_string(&self.full(s))).collect();
        valid_strs.sort_unstable();
        valid_strs.dedup();
        let answer = rng.choice(&valid_strs)?.clone();

        let puzzle_str = board_string(&puzzle);
        let question = format!(
            "Your job is to complete an n x n chess board with n Queens in total, such that no two attack each other.\n\n\
             No two queens attack each other if they are not in the same row, column, or diagonal.\n\n\
             You can place a queen by replacing an underscore (_) with a Q.\n\n\
             Your output should be also a board in the same format as the input, with queens placed on the board by replacing underscores with the letter Q.\n\n\
             Given the below board of size {n} x {n} your job is to place {num_removed} queen(s) on the board such that no two queens attack each other.\n\
             {puzzle_str}\n",
            n = self.n,
        );

        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "puzzle" => board_json(&puzzle),
                "solutions" => Value::Array(valid.iter().map(|s| board_json(&self.full(s))).collect()),
                "num_removed" => num_removed,
                "valid_answers" => valid_strs,
                "difficulty" => json!({
                    "n": self.n,
                    "num_removed": [self.min_remove, self.max_remove],
                }),
            },
        })
    }

    /// 1.0 for one of the valid boards as text; 0.5 when the answer evaluates
    /// to rows of strings that print as one.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else {
            return 0.0;
        };
        // A missing `valid_answers` is a KeyError in the reference: 0.
        let Some(valid) = item.metadata.get("valid_answers").and_then(Value::as_array) else {
            return 0.0;
        };
        let contains = |s: &str| valid.iter().any(|v| v.as_str() == Some(s));
        if contains(answer) {
            return 1.0;
        }
        match py_eval(answer).ok().and_then(|v| eval_board_to_string(&v)) {
            Some(s) if contains(&s) => 0.5,
            _ => 0.0,
        }
    }
}

/// `"\n".join(" ".join(x for x in row) for row in board)` on an evaluated
/// answer; `None` where Python raises (not iterable, a non-str cell).
fn eval_board_to_string(board: &PyValue) -> Option<String> {
    let rows = board
        .py_iter()?
        .iter()
        .map(|row| {
            let cells = row
                .py_iter()?
                .into_iter()
                .map(|x| match x {
                    PyValue::Str(s) => Some(s),
                    _ => None,
                })
                .collect::<Option<Vec<String>>>()?;
            Some(cells.join(" "))
        })
        .collect::<Option<Vec<String>>>()?;
    Some(rows.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solution_counts() {
        let counts: Vec<usize> = (4..=12).map(|n| all_solutions(n).len()).collect();
        assert_eq!(counts, [2, 10, 4, 40, 92, 352, 724, 2680, 14200]);
        let first = all_solutions(8)[0];
        assert_eq!(first[..8], [0, 4, 7, 5, 2, 6, 1, 3]);
    }

    #[test]
    fn evaluated_boards() {
        let ds = NQueens {
            seed: Seed::from(1u8),
            n: 4,
            min_remove: 1,
            max_remove: 4,
            solutions: all_solutions(4),
        };
        let item = ds.generate(0).unwrap();
        assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        let rows: Vec<String> = item
            .answer
            .split('\n')
            .map(|r| format!("{:?}", r.replace(' ', "")))
            .collect();
        let listed = format!("[{}]", rows.join(", "));
        assert_eq!(ds.score(Some(&listed), &item), 0.5);
        assert_eq!(ds.score(Some("[[1]]"), &item), 0.0);
        assert_eq!(ds.score(Some("[[[[[["), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
    }
}
