//! `survo`: fill the blanks of a matrix whose last row and column hold the
//! sums of the others, from a given set of numbers.

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use pycompat::{py_int_i64, py_split, py_strip};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::str_format::write_named;

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

impl Survo {
    /// `_generate_valid_matrix`: fills `filled` (n x n, row-major) and
    /// `puzzle` (the same with the drawn cells zeroed) and returns the
    /// numbers taken out, in the order their cells were drawn.
    fn generate_valid_matrix(
        &self,
        rng: &mut Random,
        n: usize,
        num_empty: usize,
        filled: &mut Vec<i64>,
        puzzle: &mut Vec<i64>,
    ) -> Result<Vec<i64>> {
        filled.clear();
        filled.resize(n * n, 0);
        for row in filled.chunks_exact_mut(n).take(n - 1) {
            for cell in &mut row[..n - 1] {
                *cell = rng.randint(self.min_num, self.max_num)?;
            }
        }
        // The sums are numpy int64s: they wrap where Python's ints would not.
        // The last row's sums over the rows above include the corner, the
        // sum of the last column.
        for row in filled.chunks_exact_mut(n).take(n - 1) {
            row[n - 1] = row[..n - 1].iter().fold(0, |s: i64, &x| s.wrapping_add(x));
        }
        for j in 0..n {
            filled[(n - 1) * n + j] =
                (0..n - 1).fold(0, |s: i64, i| s.wrapping_add(filled[i * n + j]));
        }
        puzzle.clear();
        puzzle.extend_from_slice(filled);

        let inner = n - 1;
        let selected = rng.sample_indices((inner * inner) as u64, num_empty)?;
        let mut candidates = Vec::with_capacity(num_empty);
        for p in selected {
            let k = (p as usize / inner) * n + p as usize % inner;
            candidates.push(puzzle[k]);
            puzzle[k] = 0;
        }
        Ok(candidates)
    }
}

/// Rows of numbers separated by spaces, one row a line, appended to `out`.
fn write_matrix(out: &mut String, m: &[i64], n: usize, digits: &mut itoa::Buffer) {
    for (i, row) in m.chunks_exact(n).enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, &x) in row.iter().enumerate() {
            if j > 0 {
                out.push(' ');
            }
            out.push_str(digits.format(x));
        }
    }
}

impl Dataset for Survo {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let board_size = rng.randint(self.min_board_size, self.max_board_size)?;
        let num_empty = rng.randint(self.min_empty, self.max_empty)?;
        let n = board_size as usize;
        let (mut filled, mut puzzle) = (Vec::new(), Vec::new());
        let candidates =
            self.generate_valid_matrix(&mut rng, n, num_empty as usize, &mut filled, &mut puzzle)?;

        let template = *rng.choice(&PROMPT_TEMPLATES)?;
        let mut digits = itoa::Buffer::new();
        let question = &mut item.question;
        question.clear();
        question.reserve(template.len() + 8 * n * n + 4 * candidates.len() + 16);
        write_named(question, template, |name, out| {
            match name {
                "n" => out.push_str(digits.format(board_size)),
                "matrix" => write_matrix(out, &puzzle, n, &mut digits),
                // str(list) of ints.
                "numbers" => {
                    out.push('[');
                    for (i, &x) in candidates.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        out.push_str(digits.format(x));
                    }
                    out.push(']');
                }
                _ => return false,
            }
            true
        });
        item.answer.clear();
        write_matrix(&mut item.answer, &filled, n, &mut digits);
        item.metadata.set_from_serialize(&Meta {
            source_dataset: INFO.name,
            // The reference names the index `source_idx` here.
            source_idx: idx,
            puzzle: Rows(&puzzle, n),
            solution: Rows(&filled, n),
            candidate_numbers: &candidates,
            board_size,
            num_empty,
            min_num: self.min_num,
            max_num: self.max_num,
            difficulty: Difficulty {
                board_size: [self.min_board_size, self.max_board_size],
                empty: [self.min_empty, self.max_empty],
            },
        });
        Ok(())
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

/// The item's metadata, fields in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    source_dataset: &'static str,
    source_idx: u64,
    puzzle: Rows<'a>,
    solution: Rows<'a>,
    candidate_numbers: &'a [i64],
    board_size: i64,
    num_empty: i64,
    min_num: i64,
    max_num: i64,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    board_size: [i64; 2],
    empty: [i64; 2],
}

/// A row-major matrix of `.1` columns, serialized as a list of rows.
struct Rows<'a>(&'a [i64], usize);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.chunks_exact(self.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};
    use serde_json::json;

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
