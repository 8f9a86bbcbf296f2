//! `mini_sudoku`: a 4x4 sudoku with a unique solution, made by removing clues
//! from a random solved board.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde_json::json;

use crate::sudoku_board::{rows_json, write_board};
use crate::sudoku_score::score_sudoku;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "mini_sudoku",
    category: "games",
    description: "Generates 4x4 sudoku puzzles with configurable difficulty",
    config_class: "MiniSudokuConfig",
    build,
};

/// `_generate_solved_board`'s attempts before it raises.
const MAX_ATTEMPTS: usize = 100;

struct MiniSudoku {
    seed: Seed,
    min_empty: i64,
    max_empty: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = MiniSudoku {
        seed: p.seed,
        min_empty: r.int("min_empty", 8),
        max_empty: r.int("max_empty", 12),
    };
    let v = r.finish()?;
    v.ensure(
        0 <= d.min_empty && d.min_empty <= 12,
        "min_empty must be between 0 and 12",
    )?;
    v.ensure(
        d.min_empty <= d.max_empty && d.max_empty <= 12,
        "max_empty must be between min_empty and 12",
    )?;
    v.done(d)
}

/// A board, rows of cells, 0 for empty.
type Board = [[u8; 4]; 4];

/// `_is_valid`: `num` is in neither the row, the column nor the 2x2 box.
fn is_valid(board: &Board, row: usize, col: usize, num: u8) -> bool {
    if board[row].contains(&num) || board.iter().any(|r| r[col] == num) {
        return false;
    }
    let (box_row, box_col) = (row / 2 * 2, col / 2 * 2);
    !board[box_row..box_row + 2]
        .iter()
        .any(|r| r[box_col..box_col + 2].contains(&num))
}

/// `_find_empty`: the first empty cell in row-major order.
fn find_empty(board: &Board) -> Option<(usize, usize)> {
    (0..16)
        .map(|k| (k / 4, k % 4))
        .find(|&(r, c)| board[r][c] == 0)
}

/// `_solve`: backtracking, digits ascending; the board is left as it was on failure.
fn solve(board: &mut Board) -> bool {
    let Some((row, col)) = find_empty(board) else {
        return true;
    };
    for num in 1..=4 {
        if is_valid(board, row, col, num) {
            board[row][col] = num;
            if solve(board) {
                return true;
            }
            board[row][col] = 0;
        }
    }
    false
}

/// `_count_solutions` with `limit`: exhaustive until `limit` are found. On an
/// early return the board is left dirty, as the reference leaves its copy.
fn count_solutions(board: &mut Board, limit: u32) -> u32 {
    let Some((row, col)) = find_empty(board) else {
        return 1;
    };
    let mut count = 0;
    for num in 1..=4 {
        if is_valid(board, row, col, num) {
            board[row][col] = num;
            count += count_solutions(board, limit);
            if count >= limit {
                return count;
            }
            board[row][col] = 0;
        }
    }
    count
}

/// `_generate_solved_board`: shuffled diagonal boxes, then `_solve`, retried.
fn solved_board(rng: &mut Random) -> Result<Board> {
    for _ in 0..MAX_ATTEMPTS {
        let mut board = [[0u8; 4]; 4];
        for i in [0, 2] {
            let mut nums = [1u8, 2, 3, 4];
            rng.shuffle(&mut nums);
            let mut pos = 0;
            for row in &mut board[i..i + 2] {
                for cell in &mut row[i..i + 2] {
                    *cell = nums[pos];
                    pos += 1;
                }
            }
        }
        if solve(&mut board) {
            return Ok(board);
        }
    }
    Err(DatasetError::Generation(
        "Failed to generate valid mini sudoku board".into(),
    ))
}

/// `_create_puzzle`: remove clues in a shuffled order, keeping each removal
/// only while the solution stays unique, until `num_empty` are gone. With
/// `num_empty == 0` the count never matches, so every removable clue goes.
fn create_puzzle(solved: &Board, num_empty: i64, rng: &mut Random) -> Board {
    let mut puzzle = *solved;
    let mut cells: [(usize, usize); 16] = std::array::from_fn(|k| (k / 4, k % 4));
    rng.shuffle(&mut cells);
    let mut num_removed = 0;
    for (i, j) in cells {
        let saved = puzzle[i][j];
        puzzle[i][j] = 0;
        let mut copy = puzzle;
        if count_solutions(&mut copy, 2) > 1 {
            puzzle[i][j] = saved;
        } else {
            num_removed += 1;
            if num_removed == num_empty {
                break;
            }
        }
    }
    puzzle
}

/// `_board_to_string`.
fn board_to_string(board: &Board) -> String {
    let mut out = String::with_capacity(31);
    write_board(board.as_flattened(), 4, &mut out);
    out
}

impl Dataset for MiniSudoku {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let solved = solved_board(&mut rng)?;
        let num_empty = rng.randint(self.min_empty, self.max_empty)?;
        let puzzle = create_puzzle(&solved, num_empty, &mut rng);
        let num_empty = puzzle.iter().flatten().filter(|&&d| d == 0).count();

        let question = format!(
            "In 4x4 Mini Sudoku:\n\
             - Each row must contain each number from 1-4 exactly once\n\
             - Each column must contain each number 1-4 exactly once\n\
             - Each 2x2 subgrid must contain each number 1-4 exactly once\n\
             Solve this 4x4 Mini Sudoku puzzle:\n{}\n\
             Format your response as the puzzle above, with spaces separating each number \
             within a row, and newlines separating rows.\n",
            board_to_string(&puzzle)
        );

        Ok(Item {
            question,
            answer: board_to_string(&solved),
            metadata: meta! {
                "puzzle" => rows_json(puzzle.as_flattened(), 4),
                "solution" => rows_json(solved.as_flattened(), 4),
                "num_empty" => num_empty,
                "difficulty" => json!({
                    "empty": [self.min_empty, self.max_empty],
                }),
            },
        })
    }

    /// The reference's `score_answer`, shared with `sudoku`.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score_sudoku(answer, item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_board_is_solved_and_every_puzzle_unique() {
        let ds = MiniSudoku {
            seed: Seed::from(7u8),
            min_empty: 0,
            max_empty: 12,
        };
        for idx in 0..200 {
            let item = ds.generate(idx).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        }
    }
}
