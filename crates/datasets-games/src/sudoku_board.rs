//! The two forms of a sudoku board that `sudoku` and `mini_sudoku` share:
//! the reference's `_board_to_string` and the metadata's list of rows.
//! Boards are row-major cells, 0 for an empty one, `side` per row.

use serde_json::Value;

/// `_board_to_string`: digits, `_` for empty, spaces within a row, newlines
/// between rows; appended to `out`.
pub(crate) fn write_board(cells: &[u8], side: usize, out: &mut String) {
    for (k, &d) in cells.iter().enumerate() {
        if k > 0 {
            out.push(if k % side == 0 { '\n' } else { ' ' });
        }
        out.push(if d == 0 { '_' } else { char::from(b'0' + d) });
    }
}

/// The board as the metadata holds it: a list of rows of ints.
pub(crate) fn rows_json(cells: &[u8], side: usize) -> Value {
    Value::Array(
        cells
            .chunks_exact(side)
            .map(|row| Value::Array(row.iter().map(|&d| Value::from(d)).collect()))
            .collect(),
    )
}
