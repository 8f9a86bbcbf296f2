//! `rush_hour`: a Rush Hour board from the reference's database of 18,000
//! puzzles (`data/rush_18k.txt`, from Michael Fogleman's solver); any plan
//! that gets the red car out is right, so the scorer plays the moves.

use std::sync::OnceLock;

use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{py_decimal_value, py_isdecimal, py_split, py_strip};
use serde::Serialize;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "rush_hour",
    category: "games",
    description: "Generates Rush Hour puzzle configurations from pre-computed database",
    config_class: "RushHourConfig",
    build,
};

const BOARD_SIZE: usize = 6;
const BOARD_TOTAL_CELLS: usize = BOARD_SIZE * BOARD_SIZE;
const PRIMARY_ROW: usize = 2;
const PRIMARY_SIZE: usize = 2;
const MIN_PIECE_SIZE: usize = 2;
const MAX_PIECE_SIZE: usize = 3;
/// Where the red car's first cell stands once it is out.
const TARGET: usize = PRIMARY_ROW * BOARD_SIZE + BOARD_SIZE - PRIMARY_SIZE;
/// Horizontal and vertical strides.
const H: usize = 1;
const V: usize = BOARD_SIZE;

/// `ROW_MASKS[0]`, `ROW_MASKS[-1]`, `COLUMNS_MASKS[0]`, `COLUMNS_MASKS[-1]`.
const TOP_ROW: u64 = (1 << BOARD_SIZE) - 1;
const BOTTOM_ROW: u64 = TOP_ROW << (BOARD_TOTAL_CELLS - BOARD_SIZE);
const LEFT_COLUMN: u64 = column_mask(0);
const RIGHT_COLUMN: u64 = column_mask(BOARD_SIZE - 1);

const fn column_mask(x: usize) -> u64 {
    let mut mask = 0;
    let mut y = 0;
    while y < BOARD_SIZE {
        mask |= 1 << (y * BOARD_SIZE + x);
        y += 1;
    }
    mask
}

/// Python refuses to turn a longer digit string into an int (`int()`'s
/// `sys.get_int_max_str_digits()`, 4300 by default).
const MAX_STR_DIGITS: usize = 4300;

const INSTRUCTIONS: &str = "Move the red car (AA) to the exit on the right.\n\
Specify moves in the format: 'F+1 K+1 M-1 C+3 H+2 ...'\n\
where the letter is the vehicle and +/- number is spaces to move right/left or down/up.\n\
Walls are marked with an 'x'. Cars cannot move through walls, and walls cannot be moved.\n\
A car oriented vertically can only move up and down, a car oriented horizontally can only move left and right.";

struct RushHour {
    seed: Seed,
    min_moves: i64,
    max_moves: i64,
    /// `self.puzzles`: the database's puzzles within the moves range, as
    /// indices into [`database`], in file order.
    puzzles: Vec<u32>,
}

/// The database's lines as (board, fewest moves), in file order.
fn database() -> &'static [(&'static str, i64)] {
    static PUZZLES: OnceLock<Vec<(&'static str, i64)>> = OnceLock::new();
    PUZZLES.get_or_init(|| {
        rg_data::text(rg_data::RUSH_18K)
            .lines()
            .filter_map(|line| {
                let mut parts = py_split(py_strip(line));
                let moves = parts.next()?;
                let board = parts.next()?;
                // The embedded file's first column is always a plain int
                // ("01", "14").
                Some((board, moves.parse().ok()?))
            })
            .collect()
    })
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_moves = r.int("min_moves", 1);
    let max_moves = r.int("max_moves", 50);
    let v = r.finish()?;
    v.ensure(min_moves > 0, "min_moves must be positive")?;
    v.ensure(max_moves >= min_moves, "max_moves must be >= min_moves")?;
    v.ensure(p.size > 0, "size must be positive")?;
    let puzzles: Vec<u32> = database()
        .iter()
        .enumerate()
        .filter(|(_, &(_, moves))| (min_moves..=max_moves).contains(&moves))
        .map(|(i, _)| i as u32)
        .collect();
    // `__init__` raises this ValueError once `validate()` has passed.
    v.ensure(
        !puzzles.is_empty(),
        format!("No puzzles found with moves between {min_moves} and {max_moves}"),
    )?;
    v.done(RushHour {
        seed: p.seed,
        min_moves,
        max_moves,
        puzzles,
    })
}

impl Dataset for RushHour {
    fn answer_is_none(&self) -> bool {
        true
    }

    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let &(board_config, min_moves) = &database()[*rng.choice(&self.puzzles)? as usize];
        let board = Board::new(board_config).ok_or_else(|| {
            DatasetError::Generation(format!("invalid board in the database: {board_config}"))
        })?;
        item.question.clear();
        item.question.push_str(INSTRUCTIONS);
        item.question.push_str("\n\nBoard:\n");
        board.push_board_str(&mut item.question);
        item.answer.clear();
        item.metadata.set_from_serialize(&Meta {
            board_config,
            min_moves,
            difficulty: Difficulty {
                moves: [self.min_moves, self.max_moves],
            },
        });
        Ok(())
    }

    /// `score_answer`: 1.0 when the moves get the red car out, 0.01 when
    /// they do not, 0.0 for no answer or where the reference raises (a move
    /// of the piece one past the last, a number past Python's int digits).
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let Some(mut board) = item
            .metadata
            .get("board_config")
            .and_then(|v| v.as_str())
            .and_then(Board::new)
        else {
            return 0.0;
        };
        if perform_moves(answer, |target, dir| board.move_piece(target, dir)).is_none() {
            return 0.0;
        }
        match board.solved() {
            Some(true) => 1.0,
            Some(false) => 0.01,
            // `self._pieces[0]` of a board without pieces raises IndexError.
            None => 0.0,
        }
    }
}

/// `re.findall(r"([A-Z])([+-])(\d+)", ops)` with each number as `int()`
/// makes it, signed, each handed to `apply` in order. `None` where the
/// reference raises: a number with more digits than Python converts (before
/// any move is made, but the score is 0.0 either way) or a move `apply`
/// refuses. Each count is capped at 64: no piece moves that far on a 6 x 6
/// board, and once a step is blocked the remaining ones are too.
fn perform_moves(ops: &str, mut apply: impl FnMut(u8, i64) -> Option<()>) -> Option<()> {
    const CAP: i64 = 64;
    let bytes = ops.as_bytes();
    // `\d` is any Unicode decimal digit; ASCII ones take the short way.
    let digit_at = |j: usize| match bytes.get(j) {
        Some(b) if b.is_ascii_digit() => Some((b - b'0', 1)),
        Some(b) if b.is_ascii() => None,
        Some(_) => ops
            .get(j..)
            .and_then(|rest| rest.chars().next())
            .filter(|&c| py_isdecimal(c))
            .map(|c| (py_decimal_value(c).unwrap_or(0), c.len_utf8())),
        None => None,
    };
    let mut i = 0;
    while i < bytes.len() {
        // A match starts with ASCII; a byte inside a longer character is
        // never one of them.
        let letter = bytes[i];
        let sign = bytes.get(i + 1).copied();
        if !(letter.is_ascii_uppercase() && matches!(sign, Some(b'+' | b'-'))) {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        let (mut count, mut value) = (0usize, 0i64);
        while let Some((digit, len)) = digit_at(j) {
            count += 1;
            value = (value * 10 + i64::from(digit)).min(CAP);
            j += len;
        }
        if count == 0 {
            i += 1;
            continue;
        }
        if count > MAX_STR_DIGITS {
            return None;
        }
        apply(letter, if sign == Some(b'+') { value } else { -value })?;
        i = j;
    }
    Some(())
}

/// The item's own metadata, fields in the reference dict's order.
#[derive(Serialize)]
struct Meta {
    board_config: &'static str,
    min_moves: i64,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    moves: [i64; 2],
}

/// `Piece`: cells from `position` every `stride` (1: horizontal, 6:
/// vertical); a wall is one cell.
#[derive(Clone, Copy)]
struct Piece {
    position: usize,
    size: usize,
    stride: usize,
    mask: u64,
}

impl Piece {
    fn new(position: usize, size: usize, stride: usize) -> Self {
        let mask = (0..size).fold(0, |m, i| m | 1 << (position + i * stride));
        Piece {
            position,
            size,
            stride,
            mask,
        }
    }

    fn fixed(&self) -> bool {
        self.size == 1
    }

    /// `Piece.move` by one step either way.
    fn step(&mut self, forward: bool) {
        if forward {
            self.position += self.stride;
            self.mask <<= self.stride;
        } else {
            self.position -= self.stride;
            self.mask >>= self.stride;
        }
    }
}

/// `Board`: the cars in label order, then the walls.
struct Board {
    pieces: Vec<Piece>,
    horz_mask: u64,
    vert_mask: u64,
}

impl Board {
    /// `Board(desc)`; `None` where it raises `ValueError`. Without heap
    /// work but for the pieces: it runs once per item.
    fn new(desc: &str) -> Option<Board> {
        // Each label with its first cells (a fourth one is already too many).
        let mut labels = [('\0', [0usize; MAX_PIECE_SIZE + 1], 0usize); BOARD_TOTAL_CELLS];
        let (mut n_labels, mut n_cells) = (0, 0);
        let mut walls = 0u64;
        // Each ASCII label's slot in `labels` (the database's are all ASCII),
        // so that a cell finds its piece without a search.
        let mut ascii_slot = [u8::MAX; 128];
        for (i, label) in desc.chars().enumerate() {
            n_cells += 1;
            if i >= BOARD_TOTAL_CELLS {
                return None;
            }
            match label {
                'o' => {}
                'x' => walls |= 1 << i,
                _ => {
                    let known = match ascii_slot.get(label as usize) {
                        Some(&slot) if slot != u8::MAX => Some(usize::from(slot)),
                        Some(_) => None,
                        None => labels[..n_labels].iter().position(|&(l, _, _)| l == label),
                    };
                    let k = known.unwrap_or_else(|| {
                        labels[n_labels].0 = label;
                        if let Some(slot) = ascii_slot.get_mut(label as usize) {
                            *slot = n_labels as u8;
                        }
                        n_labels += 1;
                        n_labels - 1
                    });
                    let (_, cells, count) = &mut labels[k];
                    if *count <= MAX_PIECE_SIZE {
                        cells[*count] = i;
                    }
                    *count += 1;
                }
            }
        }
        if n_cells != BOARD_TOTAL_CELLS {
            return None;
        }
        let labels = &mut labels[..n_labels];
        labels.sort_unstable_by_key(|&(l, _, _)| l);
        let mut board = Board {
            pieces: Vec::with_capacity(n_labels + walls.count_ones() as usize),
            horz_mask: 0,
            vert_mask: 0,
        };
        for &(_, cells, count) in labels.iter() {
            if !(MIN_PIECE_SIZE..=MAX_PIECE_SIZE).contains(&count) {
                return None;
            }
            let ps = &cells[..count];
            let stride = ps[1] - ps[0];
            if (stride != H && stride != V) || ps.windows(2).any(|w| w[1] - w[0] != stride) {
                return None;
            }
            board.add_piece(Piece::new(ps[0], count, stride));
        }
        for wall in (0..BOARD_TOTAL_CELLS).filter(|&i| walls >> i & 1 == 1) {
            board.add_piece(Piece::new(wall, 1, 1));
        }
        Some(board)
    }

    fn add_piece(&mut self, piece: Piece) {
        if piece.stride == H {
            self.horz_mask |= piece.mask;
        } else {
            self.vert_mask |= piece.mask;
        }
        self.pieces.push(piece);
    }

    /// `Board.move(target, dir)`: up to `|dir|` single steps while the cell
    /// ahead is free in the board as it was before the move. `None` where the
    /// reference raises (the piece one past the last: its bounds check is
    /// `i > len`).
    fn move_piece(&mut self, target: u8, dir: i64) -> Option<()> {
        let board_mask = self.horz_mask | self.vert_mask;
        let i = (target - b'A') as usize;
        if i > self.pieces.len() {
            return Some(());
        }
        let piece = self.pieces.get_mut(i)?;
        if piece.fixed() {
            return Some(());
        }
        let forward = dir > 0;
        let (edge, stride) = match (piece.stride == H, forward) {
            (true, false) => (LEFT_COLUMN, H),
            (true, true) => (RIGHT_COLUMN, H),
            (false, false) => (TOP_ROW, V),
            (false, true) => (BOTTOM_ROW, V),
        };
        for _ in 0..dir.unsigned_abs() {
            let ahead = if forward {
                (piece.mask << stride) & !piece.mask
            } else {
                (piece.mask >> stride) & !piece.mask
            };
            // A blocked step leaves everything as it was, so every step
            // after it is blocked too (the reference tries them all).
            if piece.mask & edge != 0 || board_mask & ahead != 0 {
                break;
            }
            let lane = if piece.stride == H {
                &mut self.horz_mask
            } else {
                &mut self.vert_mask
            };
            *lane &= !piece.mask;
            piece.step(forward);
            *lane |= piece.mask;
        }
        Some(())
    }

    /// `Board.solved`; `None` where it raises (no pieces at all).
    fn solved(&self) -> Option<bool> {
        self.pieces.first().map(|p| p.position == TARGET)
    }

    /// `Board.board_str`: six rows of six cells, `.` where empty, written
    /// onto `out`.
    fn push_board_str(&self, out: &mut String) {
        let mut s = [b'.'; BOARD_SIZE * (BOARD_SIZE + 1)];
        for y in 0..BOARD_SIZE {
            s[y * (BOARD_SIZE + 1) + BOARD_SIZE] = b'\n';
        }
        for (i, piece) in self.pieces.iter().enumerate() {
            // At most 36 pieces: the letters stay ASCII.
            let c = if piece.fixed() { b'x' } else { b'A' + i as u8 };
            let stride = if piece.stride == V {
                V + 1
            } else {
                piece.stride
            };
            let (y, x) = (piece.position / BOARD_SIZE, piece.position % BOARD_SIZE);
            let mut p = y * (BOARD_SIZE + 1) + x;
            for _ in 0..piece.size {
                s[p] = c;
                p += stride;
            }
        }
        out.push_str(std::str::from_utf8(&s).unwrap_or_default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};
    use serde_json::json;
    use std::time::Instant;

    #[test]
    fn plans_are_played_out() {
        let ds = dataset(&INFO, json!({"min_moves": 1, "max_moves": 1}));
        let item = ds.get(0).unwrap();
        // The only one-move puzzle: the red car drives straight out.
        assert_eq!(
            item.metadata["board_config"],
            "ooooooooooooAAoooooooooooooooooooooo"
        );
        assert_eq!(ds.score(Some("A+4"), &item), 1.0);
        assert_eq!(ds.score(Some("A+9"), &item), 1.0);
        assert_eq!(ds.score(Some("A+1 A+1 A+1 A+1"), &item), 1.0);
        assert_eq!(ds.score(Some("A+3"), &item), 0.01);
        assert_eq!(ds.score(Some("A+4 A-1"), &item), 0.01);
        assert_eq!(ds.score(Some("a+4"), &item), 0.01);
        assert_eq!(ds.score(Some("A+٤"), &item), 1.0);
        // Past the last piece the reference raises; far past it, it skips.
        assert_eq!(ds.score(Some("A+4 B+1"), &item), 0.0);
        assert_eq!(ds.score(Some("A+4 C+1"), &item), 1.0);
        assert_eq!(
            ds.score(Some(&format!("A+{}", "0".repeat(4296) + "4")), &item),
            1.0
        );
        assert_eq!(
            ds.score(Some(&format!("A+{}", "0".repeat(4300) + "4")), &item),
            0.0
        );
        assert_eq!(ds.score(Some(""), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
    }

    #[test]
    fn boards_from_the_entry_are_read_as_the_reference_reads_them() {
        let ds = dataset(&INFO, json!({}));
        let mut item = ds.get(0).unwrap();
        let mut with_board = |board: &str| {
            item.metadata.insert("board_config".into(), json!(board));
            ds.score(Some("A+1"), &item)
        };
        // No pieces: `_pieces[0]` raises. Only walls: the first wall stands
        // for the red car.
        assert_eq!(with_board(&"o".repeat(36)), 0.0);
        assert_eq!(
            with_board(&format!("{}x{}", "o".repeat(16), "o".repeat(19))),
            1.0
        );
        assert_eq!(with_board(&"o".repeat(35)), 0.0);
        assert_eq!(with_board(&format!("A{}", "o".repeat(35))), 0.0);
        assert_eq!(with_board(&format!("AoA{}", "o".repeat(33))), 0.0);
    }

    #[test]
    fn hostile_plans_are_scored_fast() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(3).unwrap();
        let answers = [
            "A+1 A-1 ".repeat(500_000),
            "B+99999999999999999999 ".repeat(40_000),
            "Z-1".repeat(300_000),
            "é".repeat(500_000),
            format!("A+{}", "9".repeat(1 << 20)),
        ];
        // 100 ms in a release build; the debug build is several times slower.
        let limit = if cfg!(debug_assertions) { 2000 } else { 100 };
        for a in &answers {
            // The best of three: other processes may have had the core.
            let ms = (0..3)
                .map(|_| {
                    let t = Instant::now();
                    assert!(ds.score(Some(a), &item) <= 0.01);
                    t.elapsed().as_millis()
                })
                .min()
                .unwrap_or_default();
            assert!(ms < limit, "{ms} ms for {} bytes", a.len());
        }
    }

    #[test]
    fn config_is_validated_as_the_reference_does() {
        assert_eq!(
            refused(&INFO, json!({"min_moves": 0})),
            "min_moves must be positive"
        );
        assert_eq!(
            refused(&INFO, json!({"min_moves": 61, "max_moves": 100})),
            "No puzzles found with moves between 61 and 100"
        );
        dataset(&INFO, json!({"min_moves": 60, "max_moves": 100}));
    }
}
