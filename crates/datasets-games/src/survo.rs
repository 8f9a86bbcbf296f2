//! `survo`: fill the blanks of a matrix whose last row and column hold the
//! sums of the others, from a given set of numbers.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{py_int_i64, py_split, py_strip};
use serde_json::{json, Value};

use crate::str_format::format_named;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "survo",
    category: "games",
    description:
        "Survo puzzles: complete a matrix whose last row and column are the sums of the others",
    config_class: "SurvoConfig",
    build,
};

const PROMPT_TEMPLATES: [&str; 5] = [
    "Given a {n}*{n} matrix where the last element of each row and column equals the sum of the other elements in that row or column. The matrix is:\n{matrix}\nwhere some elements are replaced with 0. You have a set of numbers {numbers} that can be filled into the 0 positions to satisfy the rules. Please fill in the matrix. Each number can only be used once.",
    "You have a {n}*{n} matrix with some positions already filled with numbers and others marked with 0. The matrix is:\n{matrix}\nThe last number in each row and column represents the sum of all other numbers in that row or column. You need to fill in the 0 positions using the numbers {numbers} to satisfy these conditions. Each number can only be used once.",
    "Complete the following Survo puzzle. In this {n}*{n} matrix:\n{matrix}\nthe cells marked with 0 need to be filled with numbers. The last number in each row and column equals the sum of all other numbers in that row or column. You can use the following numbers: {numbers}. Each number can only be used once.",
    "In this {n}*{n} Survo matrix puzzle:\n{matrix}\nthe 0 cells need to be filled with numbers from the set {numbers}. The last element in each row and column is the sum of all other elements in that row or column. Each number can only be used once. Provide the completed matrix.",
    "Solve this {n}*{n} matrix puzzle:\n{matrix}\nwhere 0 represents empty cells that need to be filled. The last number in each row and column equals the sum of all other numbers in that row or column. You have the numbers {numbers} to place in the empty cells. Each number can only be used once.",
];

struct Survo {
    seed: Seed,
    min_board_size: i64,
    max_board_size: i64,
    min_empty: i64,
    max_empty: i64,
    min_num: i64,
    max_num: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Survo {
        seed: p.seed,
        min_board_size: r.int("min_board_size", 4),
        max_board_size: r.int("max_board_size", 5),
        min_empty: r.int("min_empty", 3),
        max_empty: r.int("max_empty", 5),
        min_num: r.int("min_num", 1),
        max_num: r.int("max_num", 9),
    };
    let v = r.finish()?;
    v.ensure(
        d.min_board_size > 3,
        "min_board_size must be greater than 3",
    )?;
    v.ensure(
        d.max_board_size >= d.min_board_size,
        "max_board_size must be >= min_board_size",
    )?;
    v.ensure(d.min_empty > 0, "min_empty must be > 0")?;
    // Python's ints do not overflow.
    let inner = (i128::from(d.min_board_size) - 1) * (i128::from(d.min_board_size) - 1);
    v.ensure(
        i128::from(d.max_empty) <= inner,
        format!("max_empty must be <= {inner}"),
    )?;
    v.ensure(d.min_empty <= d.max_empty, "min_empty must be <= max_empty")?;
    v.ensure(d.min_num > 0, "min_num must be > 0")?;
    v.ensure(d.min_num < d.max_num, "min_num must be less than max_num")?;
    v.ensure_item_size(
        count(d.max_board_size).saturating_mul(count(d.max_board_size)),
        "max_board_size * max_board_size",
    )?;
    v.done(d)
}

/// A square matrix, row-major.
type Matrix = Vec<Vec<i64>>;

impl Survo {
    /// `_generate_valid_matrix`: the filled matrix, the puzzle, and the
    /// numbers taken out (in the order their cells were drawn).
    fn generate_valid_matrix(
        &self,
        rng: &mut dataset_core::Random,
        n: usize,
        num_empty: usize,
    ) -> Result<(Matrix, Matrix, Vec<i64>)> {
        let mut matrix = vec![vec![0i64; n]; n];
        for row in matrix.iter_mut().take(n - 1) {
            for cell in row.iter_mut().take(n - 1) {
                *cell = rng.randint(self.min_num, self.max_num)?;
            }
        }
        // The sums are numpy int64s: they wrap where Python's ints would not.
        // The last row's sums over the rows above include the corner, the
        // sum of the last column.
        for row in matrix.iter_mut().take(n - 1) {
            row[n - 1] = row[..n - 1].iter().fold(0, |s: i64, &x| s.wrapping_add(x));
        }
        let col_sums: Vec<i64> = (0..n)
            .map(|j| {
                matrix[..n - 1]
                    .iter()
                    .fold(0, |s: i64, row| s.wrapping_add(row[j]))
            })
            .collect();
        matrix[n - 1] = col_sums;
        let filled = matrix.clone();

        let inner = n - 1;
        let selected = rng.sample_indices((inner * inner) as u64, num_empty)?;
        let mut candidates = Vec::with_capacity(num_empty);
        for p in selected {
            let (i, j) = (p as usize / inner, p as usize % inner);
            candidates.push(matrix[i][j]);
            matrix[i][j] = 0;
        }
        Ok((filled, matrix, candidates))
    }
}

/// Rows of numbers separated by spaces, one row a line.
fn matrix_string(m: &Matrix) -> String {
    m.iter()
        .map(|row| row.iter().map(i64::to_string).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

impl Dataset for Survo {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let board_size = rng.randint(self.min_board_size, self.max_board_size)?;
        let num_empty = rng.randint(self.min_empty, self.max_empty)?;
        let (filled, puzzle, candidates) =
            self.generate_valid_matrix(&mut rng, board_size as usize, num_empty as usize)?;

        let numbers = format!(
            "[{}]",
            candidates
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        );
        let template = *rng.choice(&PROMPT_TEMPLATES)?;
        let question = format_named(
            template,
            &[
                ("n", &board_size.to_string()),
                ("matrix", &matrix_string(&puzzle)),
                ("numbers", &numbers),
            ],
        );
        Ok(Item {
            question,
            answer: matrix_string(&filled),
            metadata: meta! {
                "source_dataset" => INFO.name,
                // The reference names the index `source_idx` here.
                "source_idx" => idx,
                "puzzle" => puzzle,
                "solution" => filled,
                "candidate_numbers" => candidates,
                "board_size" => board_size,
                "num_empty" => num_empty,
                "min_num" => self.min_num,
                "max_num" => self.max_num,
                "difficulty" => json!({
                    "board_size": [self.min_board_size, self.max_board_size],
                    "empty": [self.min_empty, self.max_empty],
                }),
            },
        })
    }

    /// The reference writes `source_idx`, not `source_index`.
    fn writes_source_keys(&self) -> bool {
        true
    }

    /// 1.0 when the numbers read from the answer are the solution, row for
    /// row; else 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else {
            return 0.0;
        };
        let m = &item.metadata;
        let (Some(size), Some(solution)) = (
            m.get("board_size").and_then(Value::as_u64),
            m.get("solution").and_then(Value::as_array),
        ) else {
            return 0.0;
        };
        let size = size as usize;
        // `_parse_grid`: the integers of each line (other words skipped),
        // lines without any left out.
        let mut rows = 0;
        for line in py_strip(answer).split('\n') {
            let mut row = py_split(py_strip(line)).filter_map(py_int_i64).peekable();
            if row.peek().is_none() {
                continue;
            }
            let Some(want) = solution.get(rows).and_then(Value::as_array) else {
                return 0.0;
            };
            rows += 1;
            let mut cells = 0;
            for got in row {
                // A value past i64 matches no cell.
                if cells >= size || want.get(cells).and_then(Value::as_i64) != got {
                    return 0.0;
                }
                cells += 1;
            }
            if cells != size {
                return 0.0;
            }
        }
        if rows == size {
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
    fn scorer_reads_numbers_row_by_row() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(0).unwrap();
        assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        let noisy = item
            .answer
            .lines()
            .map(|l| format!("row: {l} |"))
            .collect::<Vec<_>>()
            .join("\n\n");
        assert_eq!(ds.score(Some(&noisy), &item), 1.0);
        let spaced = item.answer.replace(' ', "\u{3000}");
        assert_eq!(ds.score(Some(&spaced), &item), 1.0);
        let first = item.answer.lines().next().unwrap();
        assert_eq!(ds.score(Some(first), &item), 0.0);
        let extra = format!("{}\n1", item.answer);
        assert_eq!(ds.score(Some(&extra), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
    }

    #[test]
    fn hostile_answers_are_quick() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(0).unwrap();
        let started = std::time::Instant::now();
        ds.score(Some(&"1 ".repeat(1 << 19)), &item);
        ds.score(Some(&"x\n".repeat(1 << 19)), &item);
        ds.score(Some(&"9".repeat(1 << 20)), &item);
        // Generous: debug builds on a loaded machine; release takes milliseconds.
        assert!(started.elapsed().as_secs_f64() < 10.0);
    }

    #[test]
    fn validation_messages() {
        assert_eq!(
            refused(&INFO, json!({"min_board_size": 3})),
            "min_board_size must be greater than 3"
        );
        assert_eq!(
            refused(&INFO, json!({"max_board_size": 3})),
            "max_board_size must be >= min_board_size"
        );
        assert_eq!(
            refused(&INFO, json!({"min_empty": 0})),
            "min_empty must be > 0"
        );
        assert_eq!(
            refused(&INFO, json!({"max_empty": 10})),
            "max_empty must be <= 9"
        );
        assert_eq!(
            refused(&INFO, json!({"min_empty": 6})),
            "min_empty must be <= max_empty"
        );
        assert_eq!(refused(&INFO, json!({"min_num": 0})), "min_num must be > 0");
        assert_eq!(
            refused(&INFO, json!({"min_num": 9})),
            "min_num must be less than max_num"
        );
        let msg = refused(&INFO, json!({"max_board_size": 1_000_000_000}));
        assert!(msg.starts_with("max_board_size * max_board_size"), "{msg}");
    }
}
