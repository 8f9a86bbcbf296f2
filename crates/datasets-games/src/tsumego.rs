//! `tsumego`: a one-move Go capture problem; the answer is Black's move that
//! takes a group of white stones.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::{py_decimal_value, py_strip};
use serde_json::{json, Value};

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

const DIRECTIONS: [(i64, i64); 4] = [(-1, 0), (1, 0), (0, -1), (0, 1)];

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

/// A set of the points of a board of at most 19 x 19, marked one by one:
/// the groups and liberties the move checks gather, without allocating.
#[derive(Default)]
struct Marks([u64; 6]);

impl Marks {
    /// Marks point `k`; whether it was unmarked.
    fn mark(&mut self, k: usize) -> bool {
        let (word, bit) = (k / 64, 1u64 << (k % 64));
        let fresh = self.0[word] & bit == 0;
        self.0[word] |= bit;
        fresh
    }
}

/// A square board, row-major, with the ko point the reference keeps on the
/// dataset object (`_ko_point`) while it makes a problem.
struct Board {
    size: usize,
    cells: Vec<u8>,
    ko_point: Option<(usize, usize)>,
}

impl Board {
    fn new(size: usize) -> Self {
        Board {
            size,
            cells: vec![EMPTY; size * size],
            ko_point: None,
        }
    }

    fn at(&self, r: usize, c: usize) -> u8 {
        self.cells[r * self.size + c]
    }

    fn put(&mut self, r: usize, c: usize, v: u8) {
        self.cells[r * self.size + c] = v;
    }

    /// The on-board neighbours of `(r, c)`, in `DIRECTIONS` order.
    fn neighbors(&self, r: usize, c: usize) -> impl Iterator<Item = (usize, usize)> {
        let size = self.size as i64;
        DIRECTIONS.iter().filter_map(move |&(dr, dc)| {
            let (nr, nc) = (r as i64 + dr, c as i64 + dc);
            ((0..size).contains(&nr) && (0..size).contains(&nc))
                .then_some((nr as usize, nc as usize))
        })
    }

    /// `_get_liberties`: the empty neighbours of one point.
    fn get_liberties(&self, r: usize, c: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.neighbors(r, c)
            .filter(|&(nr, nc)| self.at(nr, nc) == EMPTY)
    }

    /// `_get_group`: the stones connected to `(r, c)` of its colour.
    fn get_group(&self, r: usize, c: usize) -> Vec<(usize, usize)> {
        let color = self.at(r, c);
        if color == EMPTY {
            return Vec::new();
        }
        let mut in_group = Marks::default();
        in_group.mark(r * self.size + c);
        let mut group = vec![(r, c)];
        let mut next = 0;
        while next < group.len() {
            let (gr, gc) = group[next];
            next += 1;
            for (nr, nc) in self.neighbors(gr, gc) {
                let k = nr * self.size + nc;
                if self.cells[k] == color && in_group.mark(k) {
                    group.push((nr, nc));
                }
            }
        }
        group
    }

    /// `_count_liberties`: the distinct empty points next to a group.
    fn count_liberties(&self, group: &[(usize, usize)]) -> usize {
        let mut seen = Marks::default();
        let mut n = 0;
        for &(r, c) in group {
            for (lr, lc) in self.get_liberties(r, c) {
                if seen.mark(lr * self.size + lc) {
                    n += 1;
                }
            }
        }
        n
    }

    /// `_would_capture`: whether `color` at the empty `(r, c)` leaves an
    /// adjacent opponent group without liberties. Places the stone and takes
    /// it back rather than copying the board.
    fn would_capture(&mut self, r: usize, c: usize, color: u8) -> bool {
        let opponent = opponent(color);
        self.put(r, c, color);
        let captures = self.neighbors(r, c).any(|(nr, nc)| {
            self.at(nr, nc) == opponent && self.count_liberties(&self.get_group(nr, nc)) == 0
        });
        self.put(r, c, EMPTY);
        captures
    }

    /// `_is_valid_move`: on the board, empty, not the ko point, and either a
    /// capture or not a suicide.
    fn is_valid_move(&mut self, r: i64, c: i64, color: u8) -> bool {
        let size = self.size as i64;
        if !(0..size).contains(&r) || !(0..size).contains(&c) {
            return false;
        }
        let (r, c) = (r as usize, c as usize);
        if self.at(r, c) != EMPTY || self.ko_point == Some((r, c)) {
            return false;
        }
        if self.would_capture(r, c, color) {
            return true;
        }
        self.put(r, c, color);
        let alive = self.count_liberties(&self.get_group(r, c)) > 0;
        self.put(r, c, EMPTY);
        alive
    }

    /// `_make_move`: places the stone, takes the captured stones off and
    /// sets the ko point after a single stone took a single stone.
    fn make_move(&mut self, r: usize, c: usize, color: u8) -> bool {
        if !self.is_valid_move(r as i64, c as i64, color) {
            return false;
        }
        self.ko_point = None;
        self.put(r, c, color);
        let opponent = opponent(color);
        // A group touching the stone on two sides is listed twice, as the
        // reference lists it (only a single stone makes a ko either way).
        let mut captured = Vec::new();
        for (nr, nc) in self.neighbors(r, c).collect::<Vec<_>>() {
            if self.at(nr, nc) == opponent {
                let group = self.get_group(nr, nc);
                if self.count_liberties(&group) == 0 {
                    captured.extend(group);
                }
            }
        }
        if captured.len() == 1 && self.get_group(r, c).len() == 1 {
            self.ko_point = Some(captured[0]);
        }
        for (cr, cc) in captured {
            self.put(cr, cc, EMPTY);
        }
        true
    }

    fn stone_count(&self) -> usize {
        self.cells.iter().filter(|&&c| c != EMPTY).count()
    }

    /// `_board_to_string`: column letters, then each row under its number.
    fn board_string(&self) -> String {
        let size = self.size;
        let mut out = String::with_capacity((size + 1) * (2 * size + 3));
        out.push_str("  ");
        for i in 0..size {
            out.push(' ');
            out.push(char::from(b'A' + i as u8));
        }
        out.push('\n');
        for i in 0..size {
            if i > 0 {
                out.push('\n');
            }
            // `f"{size - i:2d}"`: the row number right-aligned in two.
            let number = size - i;
            if number < 10 {
                out.push(' ');
            }
            out.push_str(&number.to_string());
            for c in 0..size {
                out.push(' ');
                out.push(char::from(self.at(i, c)));
            }
        }
        out
    }

    /// The board as the metadata lists it: rows of one-character strings.
    fn to_json(&self) -> Value {
        Value::Array(
            (0..self.size)
                .map(|r| {
                    Value::Array(
                        (0..self.size)
                            .map(|c| Value::from(char::from(self.at(r, c)).to_string()))
                            .collect(),
                    )
                })
                .collect(),
        )
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

        for _ in 0..50 {
            let row = rng.randint(1, top - 1)?;
            let col = rng.randint(1, top - 1)?;
            let formation = rng.choice(&FORMATIONS)?;
            let point = |(dr, dc): (i64, i64)| ((row + dr) as usize, (col + dc) as usize);
            if !formation.neighbor_offsets.iter().all(|&o| {
                let (r, c) = point(o);
                board.at(r, c) == EMPTY
            }) {
                continue;
            }
            for &o in formation.white_offsets {
                let (r, c) = point(o);
                board.put(r, c, WHITE);
            }
            let forced = point(formation.forced_move_offset);
            // Every liberty of the white stones but the forced move turns
            // black (a set in the reference: the order does not matter).
            let mut extra = Vec::new();
            for &o in formation.white_offsets {
                let (r, c) = point(o);
                extra.extend(board.get_liberties(r, c).filter(|&p| p != forced));
            }
            for (r, c) in extra {
                board.put(r, c, BLACK);
            }

            if (board.stone_count() as i64) < self.max_stones + 7 {
                let mut decoys = Vec::new();
                for i in row - 2..=row + 2 {
                    for j in col - 2..=col + 2 {
                        let inside = (0..=top).contains(&i) && (0..=top).contains(&j);
                        if (i - row).abs() + (j - col).abs() == 2
                            && inside
                            && board.at(i as usize, j as usize) == EMPTY
                            && (i as usize, j as usize) != forced
                        {
                            decoys.push((i as usize, j as usize));
                        }
                    }
                }
                if !decoys.is_empty() {
                    let (r, c) = *rng.choice(&decoys)?;
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
        let mut rng = item_rng(&self.seed, idx);
        let size = rng.randint(self.min_board_size, self.max_board_size)?;
        let (board, (row, col)) = self.generate_capture_problem(size as usize, &mut rng)?;
        let answer = format!("{}{}", char::from(b'A' + col as u8), size as usize - row);
        let question = format!(
            "{}\n\n```\n{}\n```\n\nX - Black\nO - White\n\n\
             Specify your move in coordinates (e.g. 'C4' for column C, row 4)",
            rng.choice(&PROMPT_TEMPLATES)?,
            board.board_string()
        );
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "board" => board.to_json(),
                "board_size" => size,
                "difficulty" => json!({
                    "board_size": [self.min_board_size, self.max_board_size],
                }),
            },
        })
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
