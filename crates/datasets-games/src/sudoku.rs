//! `sudoku`: a 9x9 puzzle with a unique solution, made by removing clues from a
//! random solved board.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

use crate::sudoku_board::{rows_json, write_board};
use crate::sudoku_score::score_sudoku;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "sudoku",
    category: "games",
    description: "Generates sudoku puzzles with configurable difficulty",
    config_class: "SudokuConfig",
    build,
};

/// Bits 1..=9: the digits a cell may hold.
const ALL_DIGITS: u16 = 0x3FE;

const QUESTION_TAIL: &str = "Respond with only your answer, formatted as the puzzle, a 9x9 grid \
                             with numbers separated by spaces, and rows separated by newlines.";

struct Sudoku {
    seed: Seed,
    min_empty: i64,
    max_empty: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Sudoku {
        seed: p.seed,
        min_empty: r.int("min_empty", 30),
        max_empty: r.int("max_empty", 50),
    };
    let v = r.finish()?;
    v.ensure(
        0 <= d.min_empty && d.min_empty <= 64,
        "min_empty must be between 0 and 64",
    )?;
    v.ensure(
        d.min_empty <= d.max_empty && d.max_empty <= 64,
        "max_empty must be between min_empty and 64",
    )?;
    v.done(d)
}

/// The reference tries a cell's candidates in the iteration order of the Python
/// set `set(range(1, 10)) - used_values`. That set is built by inserting the
/// candidates in ascending order into a fresh CPython set of small ints (hash =
/// value), so the order is the slot order of that table: ascending once there
/// are 5 or more (the table has grown to 32 slots), but with at most 4 the table
/// has 8 slots, 8 lands in slot 0 and 9 probes from slot 1 (`i = 5 * i + 1`),
/// e.g. `{3, 8}` iterates as `8, 3` and `{2, 9}` as `9, 2`.
/// Indexed by the candidate mask shifted right once (bit `d - 1` for digit `d`).
static CANDIDATE_ORDER: [[u8; 9]; 512] = candidate_orders();

const fn candidate_orders() -> [[u8; 9]; 512] {
    let mut out = [[0u8; 9]; 512];
    let mut m = 0;
    while m < 512 {
        let count = (m as u32).count_ones();
        let mut order = [0u8; 9];
        if count >= 5 {
            let (mut d, mut n) = (1, 0);
            while d <= 9 {
                if m >> (d - 1) & 1 == 1 {
                    order[n] = d as u8;
                    n += 1;
                }
                d += 1;
            }
        } else {
            let mut table = [0u8; 8];
            let mut d = 1usize;
            while d <= 9 {
                if m >> (d - 1) & 1 == 1 {
                    // set_add_entry with mask 7: no linear probes; the perturbation
                    // (the hash, shifted right by 5) is already 0 after one step.
                    let mut i = d & 7;
                    let mut perturb = d;
                    while table[i] != 0 {
                        perturb >>= 5;
                        i = (i * 5 + 1 + perturb) & 7;
                    }
                    table[i] = d as u8;
                }
                d += 1;
            }
            let (mut s, mut n) = (0, 0);
            while s < 8 {
                if table[s] != 0 {
                    order[n] = table[s];
                    n += 1;
                }
                s += 1;
            }
        }
        out[m] = order;
        m += 1;
    }
    out
}

/// The candidates of `mask` (bits 1..=9) in the reference's visiting order.
#[inline]
fn candidates(mask: u16) -> &'static [u8] {
    &CANDIDATE_ORDER[(mask >> 1) as usize][..mask.count_ones() as usize]
}

/// Row, column and box of each cell, row-major.
const UNITS: [(u8, u8, u8); 81] = {
    let mut u = [(0u8, 0u8, 0u8); 81];
    let mut k = 0;
    while k < 81 {
        let (r, c) = (k / 9, k % 9);
        u[k] = (r as u8, c as u8, (r / 3 * 3 + c / 3) as u8);
        k += 1;
    }
    u
};

/// The cells sharing a row, column or box with each cell, as bitmasks.
const PEERS: [u128; 81] = {
    let mut p = [0u128; 81];
    let mut k = 0;
    while k < 81 {
        let mut q = 0;
        while q < 81 {
            let (a, b) = (UNITS[k], UNITS[q]);
            if q != k && (a.0 == b.0 || a.1 == b.1 || a.2 == b.2) {
                p[k] |= 1u128 << q;
            }
            q += 1;
        }
        k += 1;
    }
    p
};

/// A board with the digits used by each row, column and box as bitmasks, and the
/// empty cells as a bitmask in row-major order (so the lowest set bit is the
/// reference's `_find_empty`, and iterating the bits is its scan order).
#[derive(Clone, Copy)]
struct Grid {
    cells: [u8; 81],
    rows: [u16; 9],
    cols: [u16; 9],
    boxes: [u16; 9],
    empty: u128,
}

impl Grid {
    fn new() -> Self {
        Grid {
            cells: [0; 81],
            rows: [0; 9],
            cols: [0; 9],
            boxes: [0; 9],
            empty: (1u128 << 81) - 1,
        }
    }

    /// `_get_possible_values` as a mask.
    #[inline]
    fn possible(&self, k: usize) -> u16 {
        let (r, c, b) = UNITS[k];
        ALL_DIGITS & !(self.rows[r as usize] | self.cols[c as usize] | self.boxes[b as usize])
    }

    #[inline]
    fn place(&mut self, k: usize, d: u8) {
        let (r, c, b) = UNITS[k];
        let bit = 1u16 << d;
        self.cells[k] = d;
        self.rows[r as usize] |= bit;
        self.cols[c as usize] |= bit;
        self.boxes[b as usize] |= bit;
        self.empty &= !(1u128 << k);
    }

    #[inline]
    fn clear(&mut self, k: usize) {
        let (r, c, b) = UNITS[k];
        let bit = !(1u16 << self.cells[k]);
        self.cells[k] = 0;
        self.rows[r as usize] &= bit;
        self.cols[c as usize] &= bit;
        self.boxes[b as usize] &= bit;
        self.empty |= 1u128 << k;
    }

    /// `_solve`: fill the first empty cell with each candidate in turn. A
    /// candidate that leaves an empty peer without candidates is skipped: the
    /// reference would try it and find no solution below it, so the first
    /// solution found, which is all that is kept, is the same.
    fn solve(&mut self) -> bool {
        if self.empty == 0 {
            return true;
        }
        let k = self.empty.trailing_zeros() as usize;
        for &d in candidates(self.possible(k)) {
            self.place(k, d);
            if !self.dead_peer(k) && self.solve() {
                return true;
            }
            self.clear(k);
        }
        false
    }

    /// Whether an empty peer of `k` has no candidate left.
    #[inline]
    fn dead_peer(&self, k: usize) -> bool {
        let mut peers = PEERS[k] & self.empty;
        while peers != 0 {
            let p = peers.trailing_zeros() as usize;
            peers &= peers - 1;
            if self.possible(p) == 0 {
                return true;
            }
        }
        false
    }

    /// `_get_min_possibilities_cell`: the first empty cell (row-major) with the
    /// fewest candidates, and its candidates; `None` when the board is full.
    #[inline]
    fn fewest_candidates(&self) -> Option<(usize, u16)> {
        let mut empty = self.empty;
        let mut best = None;
        let mut best_n = 10;
        while empty != 0 {
            let k = empty.trailing_zeros() as usize;
            empty &= empty - 1;
            let mask = self.possible(k);
            let n = mask.count_ones();
            if n < best_n {
                (best, best_n) = (Some((k, mask)), n);
                // The reference stops at 1; nothing after a 0 can be fewer either.
                if n <= 1 {
                    break;
                }
            }
        }
        best
    }

    /// `_count_solutions`' helper: branch on the first cell with the fewest
    /// candidates, stop once `limit` solutions are found. On an early return
    /// the grid is left dirty, as the reference leaves its copy.
    fn count_solutions(&mut self, limit: u32) -> u32 {
        let Some((best_k, best_mask)) = self.fewest_candidates() else {
            return 1;
        };
        let mut count = 0;
        for &d in candidates(best_mask) {
            self.place(best_k, d);
            count += self.count_solutions(limit);
            if count >= limit {
                return count;
            }
            self.clear(best_k);
        }
        count
    }

    /// Whether the board can be completed: depth first on the cell with the
    /// fewest candidates, cutting a placement that leaves a peer without any.
    fn has_solution(&mut self) -> bool {
        let Some((best_k, best_mask)) = self.fewest_candidates() else {
            return true;
        };
        let mut rest = best_mask;
        while rest != 0 {
            let d = rest.trailing_zeros() as u8;
            rest &= rest - 1;
            self.place(best_k, d);
            if !self.dead_peer(best_k) && self.has_solution() {
                return true;
            }
            self.clear(best_k);
        }
        false
    }

    /// `_count_solutions(copy.deepcopy(puzzle)) > 1` for a puzzle that had
    /// exactly one solution with `saved` at `k`, `k` now cleared.
    ///
    /// The reference's count is exhaustive (capped at 2), so only whether a
    /// second solution exists decides, not how it is searched. The puzzle's
    /// solutions are the old one plus those with another digit at `k`, so it
    /// is enough to look for a completion with each other candidate there,
    /// which is far cheaper than re-finding the known solution each time.
    /// Every puzzle `_create_puzzle` builds from a complete board qualifies:
    /// the full board has one solution and each step keeps it unique.
    fn other_solution(&self, k: usize, saved: u8) -> bool {
        let mut others = self.possible(k) & !(1 << saved);
        while others != 0 {
            let d = others.trailing_zeros() as u8;
            others &= others - 1;
            let mut g = *self;
            g.place(k, d);
            if !g.dead_peer(k) && g.has_solution() {
                return true;
            }
        }
        false
    }

    /// The reference's count, for the case `other_solution` cannot stand in
    /// for: a solved board that `_solve` could not complete.
    fn count_solutions_of_copy(&self) -> u32 {
        let mut copy = *self;
        copy.count_solutions(2)
    }
}

impl Sudoku {
    /// `_generate_solved_board`: shuffled diagonal boxes, then `_solve`.
    fn solved_board(rng: &mut dataset_core::Random) -> Grid {
        let mut g = Grid::new();
        for i in (0..9).step_by(3) {
            let mut nums: [u8; 9] = [1, 2, 3, 4, 5, 6, 7, 8, 9];
            rng.shuffle(&mut nums);
            let mut pos = 0;
            for r in i..i + 3 {
                for c in i..i + 3 {
                    g.place(r * 9 + c, nums[pos]);
                    pos += 1;
                }
            }
        }
        // The reference ignores whether this succeeds.
        g.solve();
        g
    }

    /// `_create_puzzle`: remove clues in a shuffled order, keeping each removal
    /// only while the solution stays unique, until `num_empty` are gone. With
    /// `num_empty == 0` the count never matches, so every removable clue goes.
    fn create_puzzle(solved: &Grid, num_empty: i64, rng: &mut dataset_core::Random) -> Grid {
        let mut puzzle = *solved;
        let mut cells: [u8; 81] = std::array::from_fn(|k| k as u8);
        rng.shuffle(&mut cells);
        let mut num_removed = 0;
        for &k in &cells {
            let k = k as usize;
            let saved = puzzle.cells[k];
            puzzle.clear(k);
            let ambiguous = if solved.empty == 0 {
                puzzle.other_solution(k, saved)
            } else {
                puzzle.count_solutions_of_copy() > 1
            };
            if ambiguous {
                puzzle.place(k, saved);
            } else {
                num_removed += 1;
                if num_removed == num_empty {
                    break;
                }
            }
        }
        puzzle
    }
}

impl Dataset for Sudoku {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let solved = Self::solved_board(&mut rng);
        let num_empty = rng.randint(self.min_empty, self.max_empty)?;
        let puzzle = Self::create_puzzle(&solved, num_empty, &mut rng);

        let mut question = String::with_capacity(320);
        question.push_str("Solve this Sudoku puzzle:\n");
        write_board(&puzzle.cells, 9, &mut question);
        question.push('\n');
        question.push_str(QUESTION_TAIL);
        let mut answer = String::with_capacity(161);
        write_board(&solved.cells, 9, &mut answer);

        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "puzzle" => rows_json(&puzzle.cells, 9),
                "solution" => rows_json(&solved.cells, 9),
                "num_empty" => num_empty,
                "difficulty" => json!({
                    "empty": [self.min_empty, self.max_empty],
                }),
            },
        })
    }

    /// The reference's `score_answer`, shared with `mini_sudoku`.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score_sudoku(answer, item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mask(digits: &[u8]) -> u16 {
        digits.iter().map(|&d| 1u16 << d).sum()
    }

    /// Orders observed in CPython 3.11 for
    /// `list(set(range(1, 10)) - ({0} | (set(range(1, 10)) - S)))`.
    #[test]
    fn candidate_order_is_cpython_set_order() {
        let cases: [(&[u8], &[u8]); 9] = [
            (&[3, 8], &[8, 3]),
            (&[2, 9], &[9, 2]),
            (&[1, 9], &[1, 9]),
            (&[8, 9], &[8, 9]),
            (&[1, 6, 7, 9], &[1, 9, 6, 7]),
            (&[1, 2, 3, 8], &[8, 1, 2, 3]),
            (&[1, 2, 3, 8, 9], &[1, 2, 3, 8, 9]),
            (&[5], &[5]),
            (&[], &[]),
        ];
        for (set, order) in cases {
            assert_eq!(candidates(mask(set)), order, "{set:?}");
        }
    }

    /// `other_solution` decides as the reference's exhaustive count does, at
    /// every step of `_create_puzzle`, down to puzzles with no clue to spare.
    #[test]
    fn other_solution_agrees_with_the_count() {
        for seed in 0..40 {
            let mut rng = item_rng(&Seed::from(seed), 0);
            let solved = Sudoku::solved_board(&mut rng);
            assert_eq!(solved.empty, 0);
            let mut puzzle = solved;
            let mut cells: [u8; 81] = std::array::from_fn(|k| k as u8);
            rng.shuffle(&mut cells);
            for &k in &cells {
                let k = k as usize;
                let saved = puzzle.cells[k];
                puzzle.clear(k);
                let ambiguous = puzzle.count_solutions_of_copy() > 1;
                assert_eq!(
                    puzzle.other_solution(k, saved),
                    ambiguous,
                    "seed {seed} cell {k}"
                );
                if ambiguous {
                    puzzle.place(k, saved);
                }
            }
        }
    }

    #[test]
    fn scores_like_the_reference() {
        let ds = Sudoku {
            seed: Seed::from(42u8),
            min_empty: 30,
            max_empty: 50,
        };
        let item = ds.generate(0).unwrap();
        assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        assert_eq!(ds.score(None, &item), 0.0);
        assert_eq!(ds.score(Some(""), &item), 0.0);
        let padded = item.answer.replace('\n', "  \n");
        assert_eq!(ds.score(Some(&padded), &item), 1.0 * 161.0 / 177.0);
        let commas = item.answer.replace(' ', ",");
        assert_eq!(ds.score(Some(&commas), &item), 0.9);
    }
}
