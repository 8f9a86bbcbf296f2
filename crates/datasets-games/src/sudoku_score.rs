//! The `score_answer` that `sudoku` and `mini_sudoku` share word for word, and
//! `futoshiki` but for an empty answer (which both versions score 0.0).

use dataset_core::Item;
use pycompat::py_isspace;
use serde_json::{Map, Value};

/// 1.0 for the solution (trailing whitespace on lines ignored); otherwise
/// 0.9 times the fraction of cells right, counting only lines with exactly as
/// many digits 1-9 as the board is wide as rows; then scaled down by length
/// beyond the answer's.
pub(crate) fn score_sudoku(answer: Option<&str>, item: &Item) -> f64 {
    let Some(answer) = answer.filter(|a| !a.is_empty()) else {
        return 0.0;
    };
    // Where the reference would raise on a malformed item, score 0.
    let Some(solution) = solution_rows(&item.metadata) else {
        return 0.0;
    };
    let Some(board_size) = solution.first().map(Vec::len) else {
        return 0.0;
    };
    let oracle = item.answer.as_str();

    let mut reward = if same_rstripped_lines(answer, oracle) {
        1.0
    } else {
        if board_size == 0 {
            // num_matching / 0: ZeroDivisionError.
            return 0.0;
        }
        let mut row = 0;
        let mut num_matching = 0usize;
        for ln in answer.split('\n') {
            if row >= solution.len() {
                break;
            }
            let digits = || {
                ln.bytes()
                    .filter(|b| (b'1'..=b'9').contains(b))
                    .map(|b| i64::from(b - b'0'))
            };
            if digits().count() != board_size {
                continue;
            }
            num_matching += solution[row]
                .iter()
                .zip(digits())
                .filter(|&(&a, b)| a == Some(b))
                .count();
            row += 1;
        }
        num_matching as f64 / (board_size * board_size) as f64 * 0.9
    };
    let (len_answer, len_oracle) = (answer.chars().count(), oracle.chars().count());
    if len_answer > len_oracle {
        reward *= len_oracle as f64 / len_answer as f64;
    }
    reward
}

/// `metadata["solution"]` as rows of ints (`None` for a non-int cell, which
/// equals no digit).
fn solution_rows(metadata: &Map<String, Value>) -> Option<Vec<Vec<Option<i64>>>> {
    metadata
        .get("solution")?
        .as_array()?
        .iter()
        .map(|row| Some(row.as_array()?.iter().map(Value::as_i64).collect()))
        .collect()
}

/// `"\n".join(l.rstrip() for l in a.split("\n")) == ...` for `b`: the lines
/// hold no newline, so the joins are equal exactly when the lines are.
fn same_rstripped_lines(a: &str, b: &str) -> bool {
    let mut a = a.split('\n');
    let mut b = b.split('\n');
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y))
                if x.trim_end_matches(py_isspace) == y.trim_end_matches(py_isspace) => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn item(answer: &str, solution: Value) -> Item {
        let mut metadata = Map::new();
        metadata.insert("solution".into(), solution);
        Item {
            question: String::new(),
            answer: answer.into(),
            metadata: metadata.into(),
        }
    }

    /// Values from the reference's `MiniSudokuDataset.score_answer`.
    #[test]
    fn scores_like_the_reference() {
        let it = item("1 2\n2 1", json!([[1, 2], [2, 1]]));
        assert_eq!(score_sudoku(Some("1 2  \n2 1"), &it), 0.7777777777777778);
        assert_eq!(score_sudoku(Some("1,2\n2,1"), &it), 0.9);
        assert_eq!(score_sudoku(Some("x\n12\n22"), &it), 0.675);
        assert_eq!(score_sudoku(Some(""), &it), 0.0);
        assert_eq!(score_sudoku(None, &it), 0.0);
        assert_eq!(score_sudoku(Some("1 2"), &item("1 2", json!([[]]))), 1.0);
        assert_eq!(score_sudoku(Some("1"), &item("1 2", json!([[]]))), 0.0);
        assert_eq!(score_sudoku(Some("1"), &item("1 2", json!([]))), 0.0);
    }
}
