//! `tsumego`: a one-move Go capture problem; the answer is Black's move that
//! takes a group of white stones.

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::{py_decimal_value, py_strip};
use serde::{Serialize, Serializer};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "tsumego",
    category: "games",
    description: "Generates Tsumego problems with configurable parameters",
    config_class: "TsumegoConfig",
    build,
};

const PROMPT_TEMPLATES: [&str; 3] = [
    "Tsumego time. Black to play and capture some stones.\nFind the key move.",
    "I have a Go problem for you. Black moves next - can you capture some of the white stones?",
    "Here's a Go challenge. Playing as Black, how can you capture as many white stones as possible?",
];

const EMPTY: u8 = b'.';
const BLACK: u8 = b'X';
const WHITE: u8 = b'O';

/// A capture formation: the white stones around `(row, col)`, the point
/// Black captures them from, and the points that must be empty first.
struct Formation {
    white_offsets: &'static [(i64, i64)],
    forced_move_offset: (i64, i64),
    neighbor_offsets: &'static [(i64, i64)],
}

/// `formation_options`, in the dict's order: plus, L, T.
const FORMATIONS: [Formation; 3] = [
    Formation {
        white_offsets: &[(0, 0), (-1, 0), (1, 0), (0, -1)],
        forced_move_offset: (0, 1),
        neighbor_offsets: &[(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)],
    },
    Formation {
        white_offsets: &[(0, 0), (0, 1), (1, 0)],
        forced_move_offset: (1, 1),
        neighbor_offsets: &[(0, 0), (0, 1), (1, 0), (1, 1)],
    },
    Formation {
        white_offsets: &[(0, -1), (0, 0), (0, 1), (1, 0)],
        forced_move_offset: (-1, 0),
        neighbor_offsets: &[(0, -1), (0, 0), (0, 1), (1, 0), (-1, 0)],
    },
];

/// Draws in a row that place no stone before rgym decides the board has no
/// legal move left (the reference would draw forever): with at most 361
/// points and two colours, a legal move goes undrawn this long with
/// probability below e^-1000.
const MAX_FRUITLESS_DRAWS: u32 = 1_000_000;

struct Tsumego {
    seed: Seed,
    min_board_size: i64,
    max_board_size: i64,
    max_stones: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_board_size = r.int("min_board_size", 9);
    let max_board_size = r.int("max_board_size", 13);
    let max_stones = r.int("max_stones", 15);
    let v = r.finish()?;
    // `__post_init__`'s checks, in its order.
    v.ensure(min_board_size >= 5, "min_board_size must be at least 5")?;
    v.ensure(max_board_size <= 19, "max_board_size must be at most 19")?;
    v.ensure(
        min_board_size <= max_board_size,
        "min_board_size must be less than or equal to max_board_size",
    )?;
    v.ensure(max_stones >= 5, "max_stones must be at least 5")?;
    // Each of the `max_stones - 4` random moves looks over the board.
    v.ensure_item_size(
        count(max_stones).saturating_mul(count(max_board_size) * count(max_board_size)),
        "max_stones * max_board_size * max_board_size",
    )?;
    v.done(Tsumego {
        seed: p.seed,
        min_board_size,
        max_board_size,
        max_stones,
    })
}

/// Boards are at most 19 x 19 (`max_board_size <= 19`), kept with a border
/// of off-board points around them, so that a point's neighbours are found
/// by adding an offset, without bounds checks.
const MAX_SIDE: usize = 19;
const MAX_STRIDE: usize = MAX_SIDE + 2;
const MAX_POINTS: usize = MAX_STRIDE * MAX_STRIDE;

/// The border: neither empty nor a stone.
const OFF_BOARD: u8 = b'#';

/// A set of the points of a padded board, marked one by one: the group a
/// check walks, without allocating.
#[derive(Default)]
struct Marks([u64; MAX_POINTS.div_ceil(64)]);

impl Marks {
    /// Marks point `k`; whether it was unmarked.
    fn mark(&mut self, k: usize) -> bool {
        let (word, bit) = (k / 64, 1u64 << (k % 64));
        let fresh = self.0[word] & bit == 0;
        self.0[word] |= bit;
        fresh
    }
}

/// A square board with its border, row-major, with the ko point the
/// reference keeps on the dataset object (`_ko_point`) while it makes a
/// problem. Points are indices into `cells`: `(r, c)` is
/// `(r + 1) * stride + c + 1`.
struct Board {
    size: usize,
    stride: usize,
    cells: [u8; MAX_POINTS],
    ko_point: Option<usize>,
    /// The stones of the group [`group_has_liberty`](Self::group_has_liberty)
    /// walked last, `group[..group_len]`.
    group: [u16; MAX_POINTS],
    group_len: usize,
    /// The stones a move takes, held until all its neighbours are checked.
    captured: Vec<u16>,
}

impl Board {
    fn new(size: usize) -> Self {
        let stride = size + 2;
        let mut cells = [OFF_BOARD; MAX_POINTS];
        for row in cells[stride..(size + 1) * stride].chunks_exact_mut(stride) {
            row[1..=size].fill(EMPTY);
        }
        Board {
            size,
            stride,
            cells,
            ko_point: None,
            group: [0; MAX_POINTS],
            group_len: 0,
            captured: Vec::new(),
        }
    }

    fn point(&self, r: usize, c: usize) -> usize {
        (r + 1) * self.stride + c + 1
    }

    fn at(&self, r: usize, c: usize) -> u8 {
        self.cells[self.point(r, c)]
    }

    fn put(&mut self, r: usize, c: usize, v: u8) {
        let k = self.point(r, c);
        self.cells[k] = v;
    }

    /// The four neighbours of point `k` (border points included), in the
    /// reference's `DIRECTIONS` order: up, down, left, right.
    fn neighbors(&self, k: usize) -> [usize; 4] {
        [k - self.stride, k + self.stride, k - 1, k + 1]
    }

    /// `_get_group` and `_count_liberties(...) > 0` at once: whether the
    /// group of the stone at `k` has a liberty (every caller only compares
    /// the count with 0). Stops at the first liberty; when there is none,
    /// `group[..group_len]` holds the whole group, `k` first.
    fn group_has_liberty(&mut self, k: usize) -> bool {
        let color = self.cells[k];
        let mut in_group = Marks::default();
        in_group.mark(k);
        self.group[0] = k as u16;
        self.group_len = 1;
        let mut next = 0;
        while next < self.group_len {
            let g = usize::from(self.group[next]);
            next += 1;
            for n in self.neighbors(g) {
                let cell = self.cells[n];
                if cell == EMPTY {
                    return true;
                }
                if cell == color && in_group.mark(n) {
                    self.group[self.group_len] = n as u16;
                    self.group_len += 1;
                }
            }
        }
        false
    }

    /// `_would_capture`: whether `color` at the empty point `k` leaves an
    /// adjacent opponent group without liberties. Places the stone and takes
    /// it back rather than copying the board.
    fn would_capture(&mut self, k: usize, color: u8) -> bool {
        let opponent = opponent(color);
        self.cells[k] = color;
        let captures = self
            .neighbors(k)
            .into_iter()
            .any(|n| self.cells[n] == opponent && !self.group_has_liberty(n));
        self.cells[k] = EMPTY;
        captures
    }

    /// `_is_valid_move`: on the board, empty, not the ko point, and either a
    /// capture or not a suicide.
    fn is_valid_move(&mut self, r: i64, c: i64, color: u8) -> bool {
        let size = self.size as i64;
        if !(0..size).contains(&r) || !(0..size).contains(&c) {
            return false;
        }
        let k = self.point(r as usize, c as usize);
        if self.cells[k] != EMPTY || self.ko_point == Some(k) {
            return false;
        }
        if self.would_capture(k, color) {
            return true;
        }
        self.cells[k] = color;
        let alive = self.group_has_liberty(k);
        self.cells[k] = EMPTY;
        alive
    }

    /// `_make_move`: places the stone, takes the captured stones off and
    /// sets the ko point after a single stone took a single stone.
    fn make_move(&mut self, r: usize, c: usize, color: u8) -> bool {
        if !self.is_valid_move(r as i64, c as i64, color) {
            return false;
        }
        self.ko_point = None;
        let k = self.point(r, c);
        self.cells[k] = color;
        let opponent = opponent(color);
        // A group touching the stone on two sides is listed twice, as the
        // reference lists it (only a single stone makes a ko either way).
        let mut captured = std::mem::take(&mut self.captured);
        captured.clear();
        for n in self.neighbors(k) {
            if self.cells[n] == opponent && !self.group_has_liberty(n) {
                captured.extend_from_slice(&self.group[..self.group_len]);
            }
        }
        // The new stone's group is the stone alone when no neighbour has its colour.
        if captured.len() == 1 && self.neighbors(k).iter().all(|&n| self.cells[n] != color) {
            self.ko_point = Some(usize::from(captured[0]));
        }
        for &p in &captured {
            self.cells[usize::from(p)] = EMPTY;
        }
        self.captured = captured;
        true
    }

    fn stone_count(&self) -> usize {
        self.cells
            .iter()
            .filter(|&&c| c == BLACK || c == WHITE)
            .count()
    }

    /// Row `r` without its border.
    fn row(&self, r: usize) -> &[u8] {
        let start = self.point(r, 0);
        &self.cells[start..start + self.size]
    }

    /// `_board_to_string`, appended to `out`: column letters, then each row
    /// under its number.
    fn write_board_string(&self, out: &mut String) {
        let size = self.size;
        out.reserve((size + 1) * (2 * size + 3));
        out.push_str("  ");
        for i in 0..size {
            out.push(' ');
            out.push(char::from(b'A' + i as u8));
        }
        out.push('\n');
        let mut digits = itoa::Buffer::new();
        for i in 0..size {
            if i > 0 {
                out.push('\n');
            }
            // `f"{size - i:2d}"`: the row number right-aligned in two.
            let number = size - i;
            if number < 10 {
                out.push(' ');
            }
            out.push_str(digits.format(number));
            for &cell in self.row(i) {
                out.push(' ');
                out.push(char::from(cell));
            }
        }
    }
}

fn opponent(color: u8) -> u8 {
    if color == BLACK {
        WHITE
    } else {
        BLACK
    }
}

/// `"X" if rng.random() < 0.5 else "O"`.
fn random_color(rng: &mut Random) -> u8 {
    if rng.random() < 0.5 {
        BLACK
    } else {
        WHITE
    }
}

impl Tsumego {
    /// `_generate_capture_problem`: random legal stones, then a white group
    /// in one of the formations with all its liberties but one filled by
    /// Black, and maybe a decoy stone; the board and Black's capturing move.
    fn generate_capture_problem(
        &self,
        size: usize,
        rng: &mut Random,
    ) -> Result<(Board, (usize, usize))> {
        let mut board = Board::new(size);
        let top = size as i64 - 1;
        let mut stones_placed = 0;
        let mut fruitless = 0;
        while stones_placed < self.max_stones - 4 {
            let row = rng.randint(0, top)?;
            let col = rng.randint(0, top)?;
            let color = random_color(rng);
            if board.at(row as usize, col as usize) == EMPTY && board.is_valid_move(row, col, color)
            {
                board.make_move(row as usize, col as usize, color);
                stones_placed += 1;
                fruitless = 0;
            } else {
                fruitless += 1;
                if fruitless == MAX_FRUITLESS_DRAWS {
                    return Err(DatasetError::Generation(format!(
                        "tsumego: no legal move left after {stones_placed} stones \
                         (reasoning-gym would draw forever)"
                    )));
                }
            }
        }

        let stride = board.stride as i64;
        for _ in 0..50 {
            let row = rng.randint(1, top - 1)?;
            let col = rng.randint(1, top - 1)?;
            let formation = rng.choice(&FORMATIONS)?;
            // Offsets of one step stay on the board: row and col are inside its edge.
            let center = board.point(row as usize, col as usize) as i64;
            let point = |(dr, dc): (i64, i64)| (center + dr * stride + dc) as usize;
            if !formation
                .neighbor_offsets
                .iter()
                .all(|&o| board.cells[point(o)] == EMPTY)
            {
                continue;
            }
            for &o in formation.white_offsets {
                board.cells[point(o)] = WHITE;
            }
            let (fr, fc) = formation.forced_move_offset;
            let forced = ((row + fr) as usize, (col + fc) as usize);
            let forced_point = point(formation.forced_move_offset);
            // Every liberty of the white stones but the forced move turns
            // black (a set in the reference: turning each as it is found
            // gives the same board, a liberty found again being black already).
            for &o in formation.white_offsets {
                for n in board.neighbors(point(o)) {
                    if board.cells[n] == EMPTY && n != forced_point {
                        board.cells[n] = BLACK;
                    }
                }
            }

            if (board.stone_count() as i64) < self.max_stones + 7 {
                let mut decoys = [(0, 0); 8];
                let mut found = 0;
                for i in row - 2..=row + 2 {
                    for j in col - 2..=col + 2 {
                        let inside = (0..=top).contains(&i) && (0..=top).contains(&j);
                        if (i - row).abs() + (j - col).abs() == 2
                            && inside
                            && board.at(i as usize, j as usize) == EMPTY
                            && (i as usize, j as usize) != forced
                        {
                            decoys[found] = (i as usize, j as usize);
                            found += 1;
                        }
                    }
                }
                if found > 0 {
                    let (r, c) = *rng.choice(&decoys[..found])?;
                    let color = random_color(rng);
                    board.put(r, c, color);
                }
            }
            if board.is_valid_move(forced.0 as i64, forced.1 as i64, BLACK) {
                return Ok((board, forced));
            }
            // The stones stay: the next try starts from this board.
        }
        Err(DatasetError::Generation(
            "Failed to generate a capture problem".into(),
        ))
    }
}

impl Dataset for Tsumego {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let size = rng.randint(self.min_board_size, self.max_board_size)?;
        let (board, (row, col)) = self.generate_capture_problem(size as usize, &mut rng)?;
        item.answer.clear();
        item.answer.push(char::from(b'A' + col as u8));
        item.answer
            .push_str(itoa::Buffer::new().format(size as usize - row));
        let question = &mut item.question;
        question.clear();
        question.push_str(rng.choice(&PROMPT_TEMPLATES)?);
        question.push_str("\n\n```\n");
        board.write_board_string(question);
        question.push_str(
            "\n```\n\nX - Black\nO - White\n\n\
             Specify your move in coordinates (e.g. 'C4' for column C, row 4)",
        );
        item.metadata.set_from_serialize(&Meta {
            board: Rows(&board),
            board_size: size,
            difficulty: Difficulty {
                board_size: [self.min_board_size, self.max_board_size],
            },
        });
        Ok(())
    }

    /// 1.0 for the move (case aside), `len(move) / len(answer)` for an answer
    /// containing it, 0.05 for another move, 0.01 for anything else.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let oracle = py_strip(&item.answer);
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let answer = py_strip(answer).to_uppercase();
        if answer == oracle {
            1.0
        } else if answer.contains(oracle) {
            oracle.chars().count() as f64 / answer.chars().count() as f64
        } else if is_coordinate(&answer) {
            0.05
        } else {
            0.01
        }
    }
}

/// The item's own metadata, fields in the reference dict's order (`Seeded`
/// puts `source_dataset` and `source_index` in front).
#[derive(Serialize)]
struct Meta<'a> {
    board: Rows<'a>,
    board_size: i64,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    board_size: [i64; 2],
}

/// The board as the metadata lists it: rows of one-character strings.
struct Rows<'a>(&'a Board);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let board = self.0;
        s.collect_seq((0..board.size).map(|r| Cells(board.row(r))))
    }
}

struct Cells<'a>(&'a [u8]);

impl Serialize for Cells<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|&cell| match cell {
            BLACK => "X",
            WHITE => "O",
            _ => ".",
        }))
    }
}

/// `re.match(r"^([A-Z])(\d+)$", answer)` on a stripped answer: an ASCII
/// capital, then decimal digits (any script's) to the end.
fn is_coordinate(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && !chars.as_str().is_empty()
        && chars.all(|c| py_decimal_value(c).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};
    use serde_json::json;

    #[test]
    fn the_answer_is_a_legal_black_move() {
        let ds = dataset(&INFO, json!({"min_board_size": 5, "max_board_size": 19}));
        for idx in 0..30 {
            let Ok(item) = ds.get(idx) else { continue };
            let size = item.metadata["board_size"].as_u64().unwrap() as usize;
            let mut board = Board::new(size);
            for (r, row) in item.metadata["board"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
            {
                for (c, cell) in row.as_array().unwrap().iter().enumerate() {
                    board.put(r, c, cell.as_str().unwrap().as_bytes()[0]);
                }
            }
            let col = (item.answer.as_bytes()[0] - b'A') as usize;
            let row = size - item.answer[1..].parse::<usize>().unwrap();
            // Legal, not always a capture: a decoy may give the group a
            // liberty, and the reference checks legality only.
            assert!(
                board.is_valid_move(row as i64, col as i64, BLACK),
                "{}",
                item.question
            );
        }
    }

    #[test]
    fn scorer_corners() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(0).unwrap();
        let a = item.answer.clone();
        assert_eq!(ds.score(Some(&a), &item), 1.0);
        assert_eq!(
            ds.score(Some(&format!(" {} ", a.to_lowercase())), &item),
            1.0
        );
        let long = format!("Play {a}");
        let want = a.len() as f64 / long.len() as f64;
        assert_eq!(ds.score(Some(&long), &item), want);
        assert_eq!(ds.score(Some("Z99"), &item), 0.05);
        assert_eq!(ds.score(Some("Z\u{661}"), &item), 0.05);
        assert_eq!(ds.score(Some("pass"), &item), 0.01);
        assert_eq!(ds.score(Some(""), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
    }

    #[test]
    fn validation_messages() {
        assert_eq!(
            refused(&INFO, json!({"min_board_size": 4})),
            "min_board_size must be at least 5"
        );
        assert_eq!(
            refused(&INFO, json!({"max_board_size": 20})),
            "max_board_size must be at most 19"
        );
        assert_eq!(
            refused(&INFO, json!({"min_board_size": 15})),
            "min_board_size must be less than or equal to max_board_size"
        );
        assert_eq!(
            refused(&INFO, json!({"max_stones": 4})),
            "max_stones must be at least 5"
        );
        let msg = refused(&INFO, json!({"max_stones": 1_000_000_000}));
        assert!(msg.starts_with("max_stones * max_board_size"), "{msg}");
    }
}
