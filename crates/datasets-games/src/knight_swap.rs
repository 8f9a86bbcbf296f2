//! `knight_swap`: white and black knights on a small board of squares joined
//! by knight moves must swap places, moving in turn; the answer is a shortest
//! move list (or "No" where the board allows none).
//!
//! The reference's breadth-first search iterates frozensets of square names,
//! whose order follows Python's per-process string hash, so which of the
//! shortest move lists it returns (`answer`, `metadata.solution`,
//! `metadata.board_states`) changes from one run to the next. rgym visits
//! the knights of the side to move in **sorted square order** (`A1 < A2 <
//! ... < D3`), each one's destinations in the (sorted) order of the board's
//! lists. Everything else, every draw included, is the reference's: whether
//! a puzzle is accepted depends only on the shortest length, which no order
//! changes.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::{json_loads, json_loads_plain_str_list, py_strip, PyValue};
use serde_json::{json, Map, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "knight_swap",
    category: "games",
    description: "Generates Knight Swap puzzles with configurable parameters.",
    config_class: "KnightSwapConfig",
    build,
};

const QUESTION_HEAD: &str = "Knight Swap Challenge:\n\n```\n";
const QUESTION_MIDDLE: &str = "\n```\n\nLegend:
- 'w' = White Knight
- 'B' = Black Knight
- Empty squares are marked with '.'

Objective:
Swap the positions of all white knights with all black knights through valid moves.

Rules:
1. Knights move in L-shape (2 squares + 1 square perpendicular)
2. Knights can only move to empty squares
3. ";
const QUESTION_TAIL: &str = " moves first, then players alternate
4. All knights must reach their target positions (white ↔ black)

Question:
Is it possible to swap all knights' positions? If yes, list the moves.

Answer Format:
- For impossible puzzles: \"No\"
- For possible puzzles: List moves as [\"color,from,to\", ...]
  Example: [\"w,A1,B3\"] means white knight moves A1→B3
";

/// `generate_board`'s candidates, `A1 A2 A3 B1 ... D3`: a square is its
/// index here, column-major, so that ascending indices are the names' sorted
/// order.
const SQUARES: usize = 12;
const ROWS: usize = 3;

/// Placements tried on each board (`for _ in range(50)`).
const PLACEMENTS_PER_BOARD: usize = 50;

/// rgym's bound on one item's work (boards drawn, counted as `1 + nodes`
/// each, plus search states popped), where the reference has none: a config
/// whose puzzles the search never accepts (a step range no board reaches, a
/// huge `max_attempts`) makes it search for as long as `max_attempts` lets it.
///
/// The bound is where the reference itself can no longer finish: its search
/// pops at most about 125,000 states per CPU second (measured on 12-square
/// boards with 2 to 4 knights a side, its fastest case; many small searches
/// are slower, each one defining a dataclass), so 25 million units take it
/// over three minutes of CPU, three times parity_check's 60 s, which leaves
/// room for a machine up to three times faster. The former 5 million (40 s of
/// the reference's CPU) refused items the reference finished within 60 s.
/// rgym spends one to three seconds on that much.
const MAX_ITEM_WORK: u64 = 25_000_000;

fn square_name(sq: usize) -> String {
    let col = char::from(b'A' + (sq / ROWS) as u8);
    format!("{col}{}", sq % ROWS + 1)
}

/// `is_knight_move`: the column and row distances are {1, 2}.
fn is_knight_move(a: usize, b: usize) -> bool {
    let dc = (a / ROWS).abs_diff(b / ROWS);
    let dr = (a % ROWS).abs_diff(b % ROWS);
    (dc, dr) == (1, 2) || (dc, dr) == (2, 1)
}

struct KnightSwap {
    seed: Seed,
    min_nodes: i64,
    max_nodes: i64,
    min_pieces: i64,
    max_pieces: i64,
    min_steps: i64,
    max_steps: i64,
    max_attempts: i64,
    impossible_ratio: f64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_nodes = r.int("min_nodes", 6);
    let max_nodes = r.int("max_nodes", 9);
    let min_pieces = r.int("min_pieces", 2);
    let max_pieces = r.int("max_pieces", 2);
    let min_steps = r.int("min_steps", 4);
    let max_steps = r.int("max_steps", 20);
    let max_attempts = r.int("max_attempts", 100);
    let impossible_ratio = r.float("impossible_ratio", 0.2);
    let v = r.finish()?;
    v.ensure(min_nodes >= 6, "min_nodes must be >= 6")?;
    v.ensure(max_nodes >= min_nodes, "max_nodes must be >= min_nodes")?;
    v.ensure(min_pieces >= 1, "min_pieces must be >= 1")?;
    v.ensure(max_pieces >= min_pieces, "max_pieces must be >= min_pieces")?;
    v.ensure(min_steps >= 1, "min_steps must be >= 1")?;
    v.ensure(max_steps >= min_steps, "max_steps must be >= min_steps")?;
    v.ensure(max_attempts >= 1, "max_attempts must be >= 1")?;
    v.ensure(
        (0.0..=1.0).contains(&impossible_ratio),
        "impossible_ratio must be between 0 and 1",
    )?;
    // Boards have at most 12 squares, so no item grows with the config; the
    // work an item may take is bounded instead (MAX_ITEM_WORK).
    v.done(KnightSwap {
        seed: p.seed,
        min_nodes,
        max_nodes,
        min_pieces,
        max_pieces,
        min_steps,
        max_steps,
        max_attempts,
        impossible_ratio,
    })
}

/// A board: its squares in the order they were drawn (the dict's order),
/// and each square's neighbours as a bit set (iterated ascending, which is
/// the sorted order the reference gives each list).
#[derive(Clone)]
struct Board {
    nodes: Vec<usize>,
    neighbours: [u16; SQUARES],
}

impl Board {
    fn mask(&self) -> u16 {
        self.nodes.iter().fold(0, |m, &sq| m | 1 << sq)
    }

    /// `is_connected`: every square reachable from the first.
    fn is_connected(&self) -> bool {
        let Some(&start) = self.nodes.first() else {
            return true;
        };
        let mut seen: u16 = 1 << start;
        let mut stack = vec![start];
        while let Some(sq) = stack.pop() {
            let fresh = self.neighbours[sq] & !seen;
            seen |= fresh;
            stack.extend(bits(fresh));
        }
        seen == self.mask()
    }

    fn remove_edge(&mut self, a: usize, b: usize) {
        self.neighbours[a] &= !(1 << b);
        self.neighbours[b] &= !(1 << a);
    }
}

/// The squares of a bit set, ascending.
fn bits(mut set: u16) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (set != 0).then(|| {
            let sq = set.trailing_zeros() as usize;
            set &= set - 1;
            sq
        })
    })
}

/// Why the reference's `try` block gave up on a board (it catches every
/// exception and draws a new board).
enum BoardFailed {
    /// `rng.sample` of more than the population, or `generate_board`'s
    /// "Failed to generate connected board".
    Raised,
    /// rgym's bound (MAX_ITEM_WORK).
    OutOfWork,
}

/// A move: the side that moves ('w' or 'B'), from, to.
type Move = (u8, usize, usize);

/// A search state: the white and black knights as bit sets, and whose turn
/// it is (0 for white).
type State = (u16, u16, u8);

/// A search state in one word, for the map of predecessors.
fn state_key((w, b, turn): State) -> u32 {
    u32::from(w) | u32::from(b) << SQUARES | u32::from(turn) << (2 * SQUARES)
}

/// A multiplicative hash for the search's `u32` keys: SipHash is most of the
/// search's time and no key here comes from a client.
#[derive(Default)]
struct StateHasher(u64);

impl Hasher for StateHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type StateMap<V> = HashMap<u32, V, BuildHasherDefault<StateHasher>>;

impl KnightSwap {
    /// `KnightSwapLogic.generate_board`: samples `num_nodes` candidates until
    /// the knight-move graph on them is connected, `max_attempts + 1` times at
    /// most.
    fn generate_board(
        &self,
        num_nodes: i64,
        rng: &mut Random,
        work: &mut u64,
    ) -> std::result::Result<Board, BoardFailed> {
        let k = usize::try_from(num_nodes).map_err(|_| BoardFailed::Raised)?;
        let mut attempts: i64 = 0;
        loop {
            attempts += 1;
            *work += 1 + k as u64;
            if *work > MAX_ITEM_WORK {
                return Err(BoardFailed::OutOfWork);
            }
            let nodes: Vec<usize> = rng
                .sample_indices(SQUARES as u64, k)
                .map_err(|_| BoardFailed::Raised)?
                .into_iter()
                .map(|i| i as usize)
                .collect();
            let mut board = Board {
                nodes,
                neighbours: [0; SQUARES],
            };
            for (i, &a) in board.nodes.iter().enumerate() {
                for &b in &board.nodes[i + 1..] {
                    if is_knight_move(a, b) {
                        board.neighbours[a] |= 1 << b;
                        board.neighbours[b] |= 1 << a;
                    }
                }
            }
            if board.is_connected() {
                return Ok(board);
            }
            if attempts > self.max_attempts {
                return Err(BoardFailed::Raised);
            }
        }
    }

    /// `__getitem__`'s loop over boards: the puzzle, its side to move first
    /// and its solution (`None`: impossible).
    fn make_puzzle(
        &self,
        rng: &mut Random,
        make_impossible: bool,
        work: &mut u64,
        scratch: &mut Scratch,
    ) -> std::result::Result<Option<Puzzle>, BoardFailed> {
        let num_nodes = rng
            .randint(self.min_nodes, self.max_nodes)
            .map_err(|_| BoardFailed::Raised)?;
        let board = self.generate_board(num_nodes, rng, work)?;
        let positions = &board.nodes;
        let num_pieces = usize::try_from(self.min_pieces).map_err(|_| BoardFailed::Raised)?;
        for _ in 0..PLACEMENTS_PER_BOARD {
            let white: Vec<usize> = rng
                .sample(positions, num_pieces)
                .map_err(|_| BoardFailed::Raised)?;
            let remaining: Vec<usize> = positions
                .iter()
                .copied()
                .filter(|p| !white.contains(p))
                .collect();
            let black: Vec<usize> = rng
                .sample(&remaining, num_pieces)
                .map_err(|_| BoardFailed::Raised)?;
            let mut board_copy = board.clone();
            if make_impossible {
                // Cut one white-black edge: "critical" in the reference's words.
                let critical: Vec<(usize, usize)> = white
                    .iter()
                    .flat_map(|&w| black.iter().map(move |&b| (w, b)))
                    .filter(|&(w, b)| board_copy.neighbours[w] >> b & 1 == 1)
                    .collect();
                if !critical.is_empty() {
                    let &(w, b) = rng.choice(&critical).map_err(|_| BoardFailed::Raised)?;
                    board_copy.remove_edge(w, b);
                }
            }
            let white_set = white.iter().fold(0u16, |m, &sq| m | 1 << sq);
            let black_set = black.iter().fold(0u16, |m, &sq| m | 1 << sq);
            for start_turn in [b'w', b'B'] {
                let solution =
                    solve_swap(&board_copy, white_set, black_set, start_turn, work, scratch)?;
                let accepted = match &solution {
                    None => make_impossible,
                    Some(moves) => {
                        !make_impossible
                            && (self.min_steps..=self.max_steps).contains(&(moves.len() as i64))
                    }
                };
                if accepted {
                    return Ok(Some(Puzzle {
                        board: board_copy,
                        white: white_set,
                        black: black_set,
                        start_turn,
                        solution,
                    }));
                }
            }
        }
        Ok(None)
    }
}

struct Puzzle {
    board: Board,
    white: u16,
    black: u16,
    start_turn: u8,
    solution: Option<Vec<Move>>,
}

/// The search's queue and map of predecessors (each state's predecessor and
/// the move that led to it), kept from one search to the next: an item runs
/// up to a hundred searches per board, most of them small, and allocating
/// these afresh was most of their time.
#[derive(Default)]
struct Scratch {
    queue: VecDeque<State>,
    predecessors: StateMap<Option<(State, Move)>>,
}

/// `KnightSwapLogic.solve_swap`: breadth-first over (white, black, turn)
/// until the colours have swapped squares; the moves of the first such state
/// popped, or `None` once every reachable state is seen. The knights of the
/// side to move are tried in sorted square order (see the module's note).
fn solve_swap(
    board: &Board,
    white: u16,
    black: u16,
    start_turn: u8,
    work: &mut u64,
    scratch: &mut Scratch,
) -> std::result::Result<Option<Vec<Move>>, BoardFailed> {
    let initial: State = (white, black, u8::from(start_turn != b'w'));
    let Scratch {
        queue,
        predecessors,
    } = scratch;
    queue.clear();
    predecessors.clear();
    queue.push_back(initial);
    predecessors.insert(state_key(initial), None);
    while let Some(state) = queue.pop_front() {
        *work += 1;
        if *work > MAX_ITEM_WORK {
            return Err(BoardFailed::OutOfWork);
        }
        let (w, b, turn) = state;
        if w == black && b == white {
            let mut moves = Vec::new();
            let mut cur = state;
            while let Some(&Some((prev, mv))) = predecessors.get(&state_key(cur)) {
                moves.push(mv);
                cur = prev;
            }
            moves.reverse();
            return Ok(Some(moves));
        }
        let occupied = w | b;
        let (movers, colour) = if turn == 0 { (w, b'w') } else { (b, b'B') };
        for pos in bits(movers) {
            for to in bits(board.neighbours[pos] & !occupied) {
                let moved = movers & !(1 << pos) | 1 << to;
                let next = if turn == 0 {
                    (moved, b, 1)
                } else {
                    (w, moved, 0)
                };
                if let Entry::Vacant(e) = predecessors.entry(state_key(next)) {
                    e.insert(Some((state, (colour, pos, to))));
                    queue.push_back(next);
                }
            }
        }
    }
    Ok(None)
}

/// `_format_board`: the board's columns and rows (highest first), each
/// square of the board shown with its knight or '.', other cells blank.
fn format_board(board: &Board, pieces: &[(usize, Option<u8>)]) -> String {
    let cols: Vec<usize> = (0..SQUARES / ROWS)
        .filter(|&c| board.nodes.iter().any(|&sq| sq / ROWS == c))
        .collect();
    let rows: Vec<usize> = (0..ROWS)
        .rev()
        .filter(|&r| board.nodes.iter().any(|&sq| sq % ROWS == r))
        .collect();
    let rule = format!("   {}", "----".repeat(cols.len()));
    let letters: Vec<String> = cols
        .iter()
        .map(|&c| char::from(b'A' + c as u8).to_string())
        .collect();
    let mut lines = vec![format!("    {}", letters.join("   ")), rule.clone()];
    for &r in &rows {
        let mut line = format!("{} |", r + 1);
        for &c in &cols {
            match pieces.iter().find(|&&(sq, _)| sq == c * ROWS + r) {
                Some(&(_, piece)) => {
                    line.push(' ');
                    line.push(char::from(piece.unwrap_or(b'.')));
                    line.push_str(" |");
                }
                None => line.push_str("   |"),
            }
        }
        lines.push(line);
        lines.push(rule.clone());
    }
    lines.join("\n")
}

/// `pieces` as the reference's dict: each square of the board (in its
/// order) with its knight or `None`.
fn pieces_json(pieces: &[(usize, Option<u8>)]) -> Value {
    Value::Object(
        pieces
            .iter()
            .map(|&(sq, piece)| {
                let v = piece.map_or(Value::Null, |p| Value::from(char::from(p).to_string()));
                (square_name(sq), v)
            })
            .collect(),
    )
}

impl Dataset for KnightSwap {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let make_impossible = rng.random() < self.impossible_ratio;
        let mut work = 0;
        let mut scratch = Scratch::default();
        let mut board_attempts = 0;
        let puzzle = loop {
            if board_attempts >= self.max_attempts {
                return Err(DatasetError::Generation(format!(
                    "Failed to generate valid puzzle after trying {} different boards",
                    self.max_attempts
                )));
            }
            match self.make_puzzle(&mut rng, make_impossible, &mut work, &mut scratch) {
                Ok(Some(puzzle)) => break puzzle,
                Ok(None) | Err(BoardFailed::Raised) => {}
                Err(BoardFailed::OutOfWork) => {
                    return Err(DatasetError::Generation(format!(
                        "no accepted puzzle after {board_attempts} boards and {MAX_ITEM_WORK} \
                         steps of search (a bound in rgym: reasoning-gym would search for minutes)"
                    )))
                }
            }
            board_attempts += 1;
        };

        let Puzzle {
            board,
            white,
            black,
            start_turn,
            solution,
        } = puzzle;
        let pieces: Vec<(usize, Option<u8>)> = board
            .nodes
            .iter()
            .map(|&sq| {
                let piece = if white >> sq & 1 == 1 {
                    Some(b'w')
                } else if black >> sq & 1 == 1 {
                    Some(b'B')
                } else {
                    None
                };
                (sq, piece)
            })
            .collect();
        let question = format!(
            "{QUESTION_HEAD}{}{QUESTION_MIDDLE}{}{QUESTION_TAIL}",
            format_board(&board, &pieces),
            char::from(start_turn)
        );
        let board_json: Map<String, Value> = board
            .nodes
            .iter()
            .map(|&sq| {
                let list: Vec<Value> = bits(board.neighbours[sq])
                    .map(|n| Value::from(square_name(n)))
                    .collect();
                (square_name(sq), Value::Array(list))
            })
            .collect();

        let (answer, solution_json, board_states, num_steps) = match &solution {
            None => ("No".to_string(), Value::Null, Value::Null, 0),
            Some(moves) => {
                // `json.dumps` of the "colour,from,to" strings (plain ASCII).
                let quoted: Vec<String> = moves
                    .iter()
                    .map(|&(c, from, to)| {
                        format!(
                            "\"{},{},{}\"",
                            char::from(c),
                            square_name(from),
                            square_name(to)
                        )
                    })
                    .collect();
                let solution_json: Vec<Value> = moves
                    .iter()
                    .map(|&(c, from, to)| {
                        json!([
                            char::from(c).to_string(),
                            square_name(from),
                            square_name(to)
                        ])
                    })
                    .collect();
                // `board_states`: the placement before each move and after the last.
                let mut current = pieces.clone();
                let mut states = vec![pieces_json(&current)];
                for &(_, from, to) in moves {
                    let piece = current.iter().find(|p| p.0 == from).and_then(|p| p.1);
                    for p in current.iter_mut() {
                        if p.0 == to {
                            p.1 = piece;
                        } else if p.0 == from {
                            p.1 = None;
                        }
                    }
                    states.push(pieces_json(&current));
                }
                (
                    format!("[{}]", quoted.join(", ")),
                    Value::Array(solution_json),
                    Value::Array(states),
                    moves.len(),
                )
            }
        };
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "board" => Value::Object(board_json),
                "pieces" => pieces_json(&pieces),
                "start_turn" => char::from(start_turn).to_string(),
                "solution" => solution_json,
                "is_possible" => solution.is_some(),
                "num_steps" => num_steps,
                "board_states" => board_states,
                "difficulty" => json!({
                    "nodes": [self.min_nodes, self.max_nodes],
                    "pieces": [self.min_pieces, self.max_pieces],
                    "steps": [self.min_steps, self.max_steps],
                }),
            },
        })
    }

    /// `score_answer`: "No" for an impossible puzzle; otherwise a JSON list
    /// of "colour,from,to" moves played from the entry's placement, 1.0 when
    /// they swap the knights in no more moves than the recorded solution,
    /// (its length / theirs) in more, 0.05 when legal but unfinished, 0.0
    /// for anything malformed or illegal. Unlike the reference, it leaves
    /// the entry's metadata as it is (the reference writes the board states
    /// of a winning answer into it).
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score_moves(answer, &item.metadata).unwrap_or(0.0)
    }
}

/// The scorer; `None` wherever the reference returns 0.0 or raises (inside
/// its `try`, or before it on a malformed entry).
fn score_moves(answer: Option<&str>, metadata: &Map<String, Value>) -> Option<f64> {
    let answer = py_strip(answer?);
    if answer.is_empty() {
        return None;
    }
    // `answer.lower() == "no"`: only ASCII letters lower to "n" and "o".
    let says_no = answer.eq_ignore_ascii_case("no");
    if !truthy(metadata.get("is_possible")?) {
        return says_no.then_some(1.0);
    }
    if says_no {
        return None;
    }
    // A plain list of strings is read in place; anything else the full way.
    let parsed;
    let move_list: Vec<&str> = match json_loads_plain_str_list(answer) {
        Some(list) => list,
        None => {
            parsed = json_loads(answer).ok()?;
            let PyValue::List(items) = &parsed else {
                return None;
            };
            items
                .iter()
                .map(|m| match m {
                    PyValue::Str(m) => Some(m.as_str()),
                    _ => None,
                })
                .collect::<Option<_>>()?
        }
    };
    let board = metadata.get("board")?.as_object()?;
    let initial = metadata.get("pieces")?.as_object()?;
    let mut pieces = Pieces::new(initial);
    let mut turn = metadata.get("start_turn")?.as_str();
    // The reference splits every move before it plays the first, but each
    // failure of either kind scores 0.0, so one pass that does both per
    // move scores the same, and keeps no list of a million moves.
    for m in &move_list {
        let mut parts = m.split(',');
        let (Some(colour), Some(start), Some(end), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        if colour != "w" && colour != "B" {
            return None;
        }
        if turn != Some(colour) {
            return None;
        }
        let from = pieces.index(start)?;
        if pieces.held[from] != Held::Colour(colour) {
            return None;
        }
        let to = pieces.index(end);
        if !pieces.reachable(board, from, to, end)? {
            return None;
        }
        let to = match to {
            Some(to) if pieces.held[to] != Held::Null => return None,
            Some(to) => to,
            // `pieces[end] = ...` adds a square the entry did not list.
            None => pieces.add(end),
        };
        pieces.held[to] = Held::Colour(colour);
        pieces.held[from] = Held::Null;
        turn = Some(if turn == Some("w") { "B" } else { "w" });
    }

    let initial = Pieces::new(initial);
    let swapped = pieces.squares_of("w") == initial.squares_of("B")
        && pieces.squares_of("B") == initial.squares_of("w");
    if !swapped {
        return Some(0.05);
    }
    let optimal = metadata.get("solution")?.as_array()?.len();
    Some(if move_list.len() <= optimal {
        1.0
    } else {
        optimal as f64 / move_list.len() as f64
    })
}

/// What a square of the scorer's `pieces` dict holds: a knight of the
/// colour named, `None`, or whatever else a hand-made entry put there.
#[derive(Clone, Copy, PartialEq)]
enum Held<'a> {
    Colour(&'a str),
    Null,
    Other,
}

/// The scorer's `pieces` dict as squares and what each holds, indexed by
/// name once, so that a plan of a million moves replays without allocating.
struct Pieces<'a> {
    squares: Vec<&'a str>,
    held: Vec<Held<'a>>,
    /// Square names are few and come from the entry, so a multiplicative
    /// hash serves (SipHash was most of a long plan's time).
    index: HashMap<&'a str, usize, BuildHasherDefault<StateHasher>>,
    /// `end in board[start]` for the squares the entry lists, found once
    /// per pair: `listed * from + to` holds 0 for not yet known, else 1 +
    /// the answer.
    reach: Vec<u8>,
    listed: usize,
}

impl<'a> Pieces<'a> {
    fn new(pieces: &'a Map<String, Value>) -> Self {
        let squares: Vec<&str> = pieces.keys().map(String::as_str).collect();
        let held = pieces
            .values()
            .map(|v| match v {
                Value::Null => Held::Null,
                Value::String(s) => Held::Colour(s),
                _ => Held::Other,
            })
            .collect();
        let index = squares.iter().enumerate().map(|(i, &s)| (s, i)).collect();
        let listed = squares.len();
        Pieces {
            squares,
            held,
            index,
            reach: vec![0; listed * listed],
            listed,
        }
    }

    fn index(&self, square: &str) -> Option<usize> {
        self.index.get(square).copied()
    }

    /// `end in board[start]`, where `start` is square `from` and `end` is
    /// square `to` if that is known; `None` where the reference raises
    /// (`start` not on the board, an entry `in` does not take).
    fn reachable(
        &mut self,
        board: &Map<String, Value>,
        from: usize,
        to: Option<usize>,
        end: &str,
    ) -> Option<bool> {
        let n = self.listed;
        let memo = to.filter(|&to| from < n && to < n).map(|to| n * from + to);
        if let Some(known) = memo.and_then(|k| self.reach[k].checked_sub(1)) {
            return Some(known == 1);
        }
        let reachable = match board.get(self.squares[from])? {
            Value::Array(list) => list.iter().any(|v| v.as_str() == Some(end)),
            // Python's `in` on what a hand-made entry might hold instead.
            Value::String(s) => s.contains(end),
            Value::Object(o) => o.contains_key(end),
            _ => return None,
        };
        if let Some(k) = memo {
            self.reach[k] = 1 + u8::from(reachable);
        }
        Some(reachable)
    }

    fn add(&mut self, square: &'a str) -> usize {
        self.squares.push(square);
        self.held.push(Held::Null);
        self.index.insert(square, self.squares.len() - 1);
        self.squares.len() - 1
    }

    /// `{pos for pos, piece in pieces.items() if piece == colour}`, sorted
    /// so that two such sets compare as sets.
    fn squares_of(&self, colour: &str) -> Vec<&'a str> {
        let mut squares: Vec<&str> = self
            .squares
            .iter()
            .zip(&self.held)
            .filter(|&(_, &h)| h == Held::Colour(colour))
            .map(|(&sq, _)| sq)
            .collect();
        squares.sort_unstable();
        squares
    }
}

/// Python's truth value of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};
    use std::time::Instant;

    /// The first item of `config` whose puzzle is (or is not) possible.
    fn first(config: Value, possible: bool) -> (dataset_core::Seeded, Item) {
        let ds = dataset(&INFO, config);
        let item = (0..50)
            .map(|i| ds.get(i).unwrap())
            .find(|it| it.metadata["is_possible"] == possible)
            .expect("such an item among the first 50");
        (ds, item)
    }

    fn moves(item: &Item) -> Vec<String> {
        item.metadata["solution"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                let m: Vec<&str> = m
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
                    .collect();
                m.join(",")
            })
            .collect()
    }

    #[test]
    fn the_solution_is_a_shortest_swap_in_sorted_order() {
        let (ds, item) = first(json!({}), true);
        let m = moves(&item);
        assert_eq!(item.metadata["num_steps"], m.len());
        assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        // The board states replay the solution: as many as moves, plus one.
        let states = item.metadata["board_states"].as_array().unwrap();
        assert_eq!(states.len(), m.len() + 1);
        assert_eq!(states[0], item.metadata["pieces"]);
        // The same item again: the order is fixed, not the hash seed's.
        assert_eq!(
            ds.get(item.metadata["source_index"].as_u64().unwrap())
                .unwrap(),
            item
        );
    }

    #[test]
    fn answers_are_scored_as_the_reference_scores_them() {
        let (ds, item) = first(json!({}), true);
        let m = moves(&item);
        let list = |ms: &[String]| serde_json::to_string(ms).unwrap();
        assert_eq!(ds.score(Some(&list(&m)), &item), 1.0);
        assert_eq!(ds.score(Some(&format!("  {}\n", item.answer)), &item), 1.0);
        // Legal but unfinished.
        assert_eq!(ds.score(Some(&list(&m[..m.len() - 1])), &item), 0.05);
        assert_eq!(ds.score(Some("[]"), &item), 0.05);
        // The wrong side first, a move repeated, a malformed move.
        let mut wrong = m.clone();
        wrong[0] = format!(
            "{}{}",
            if m[0].starts_with('w') { "B" } else { "w" },
            &m[0][1..]
        );
        assert_eq!(ds.score(Some(&list(&wrong)), &item), 0.0);
        let mut again = m.clone();
        again.push(m[m.len() - 1].clone());
        assert_eq!(ds.score(Some(&list(&again)), &item), 0.0);
        assert_eq!(ds.score(Some(r#"["w,A1"]"#), &item), 0.0);
        assert_eq!(ds.score(Some("[1]"), &item), 0.0);
        assert_eq!(ds.score(Some("[NaN]"), &item), 0.0);
        assert_eq!(ds.score(Some("No"), &item), 0.0);
        assert_eq!(ds.score(Some(""), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
        // The entry is left as it was.
        let before = item.clone();
        ds.score(Some(&item.answer), &item);
        assert_eq!(item, before);

        let (ds, item) = first(json!({"impossible_ratio": 1.0}), false);
        assert_eq!(item.answer, "No");
        assert_eq!(item.metadata["solution"], Value::Null);
        assert_eq!(item.metadata["board_states"], Value::Null);
        assert_eq!(ds.score(Some(" nO\n"), &item), 1.0);
        assert_eq!(ds.score(Some("No."), &item), 0.0);
        assert_eq!(ds.score(Some("[]"), &item), 0.0);
    }

    #[test]
    fn a_longer_plan_scores_its_share() {
        // The solution, then the side to move steps out and back while the
        // other does the same: optimal / (optimal + 4).
        let ds = dataset(&INFO, json!({"min_nodes": 12, "max_nodes": 12}));
        for idx in 0..20 {
            let item = ds.get(idx).unwrap();
            if item.metadata["is_possible"] != true {
                continue;
            }
            let m = moves(&item);
            let board = item.metadata["board"].as_object().unwrap();
            let neighbours = |sq: &str| -> Vec<String> {
                let list = board[sq].as_array().unwrap();
                list.iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect()
            };
            // Once swapped, each knight stands where the other colour began.
            let swapped: Map<String, Value> = item.metadata["pieces"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(sq, p)| {
                    let p = match p.as_str() {
                        Some("w") => json!("B"),
                        Some(_) => json!("w"),
                        None => Value::Null,
                    };
                    (sq.clone(), p)
                })
                .collect();
            let last = m[m.len() - 1].as_bytes()[0];
            let (turn, other) = if last == b'w' { ("B", "w") } else { ("w", "B") };
            let of = |colour: &str| -> Vec<String> {
                let squares = swapped.iter().filter(|(_, p)| p.as_str() == Some(colour));
                squares.map(|(sq, _)| sq.clone()).collect()
            };
            let free = |sq: &str| swapped[sq].is_null();
            let detour = of(turn).into_iter().find_map(|a| {
                let b = neighbours(&a).into_iter().find(|b| free(b))?;
                of(other).into_iter().find_map(|c| {
                    let d = neighbours(&c).into_iter().find(|d| free(d) && *d != b)?;
                    Some([
                        format!("{turn},{a},{b}"),
                        format!("{other},{c},{d}"),
                        format!("{turn},{b},{a}"),
                        format!("{other},{d},{c}"),
                    ])
                })
            });
            let Some(detour) = detour else { continue };
            let longer: Vec<String> = m.iter().cloned().chain(detour).collect();
            let got = ds.score(Some(&serde_json::to_string(&longer).unwrap()), &item);
            assert_eq!(got, m.len() as f64 / longer.len() as f64);
            return;
        }
        panic!("no board with room for a detour");
    }

    #[test]
    fn hostile_answers_are_scored_fast() {
        let (ds, item) = first(json!({}), true);
        let m = moves(&item);
        let answers = [
            serde_json::to_string(&vec![m[0].clone(); 100_000]).unwrap(),
            "[".repeat(1 << 20),
            format!("[{}]", "\"w,A1,B3\",".repeat(300_000) + "1"),
            "n".repeat(1 << 20),
        ];
        let limit = if cfg!(debug_assertions) { 2000 } else { 100 };
        for a in &answers {
            // The best of three: other processes may have had the core.
            let ms = (0..3)
                .map(|_| {
                    let t = Instant::now();
                    assert_eq!(ds.score(Some(a), &item), 0.0);
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
            refused(&INFO, json!({"min_nodes": 5})),
            "min_nodes must be >= 6"
        );
        assert_eq!(
            refused(&INFO, json!({"min_pieces": 3})),
            "max_pieces must be >= min_pieces"
        );
        assert_eq!(
            refused(&INFO, json!({"impossible_ratio": 1.5})),
            "impossible_ratio must be between 0 and 1"
        );
        // More squares than the 12 candidates: every board fails, as the
        // reference's do, and the item is the reference's error.
        let ds = dataset(
            &INFO,
            json!({"min_nodes": 13, "max_nodes": 13, "max_attempts": 3}),
        );
        let err = ds.get(0).unwrap_err().to_string();
        assert!(
            err.contains("Failed to generate valid puzzle after trying 3 different boards"),
            "{err}"
        );
    }

    #[test]
    fn items_the_reference_finishes_are_not_refused() {
        // Item 2 takes about 7 million units of work (the reference counted
        // in rgym's units): the reference gives up with its own error after
        // its 100 boards (about a minute and a half of its CPU), which the
        // former bound of 5 million refused as a runaway.
        let ds = dataset(
            &INFO,
            json!({"min_nodes": 6, "max_nodes": 10, "min_pieces": 3, "max_pieces": 3,
                   "min_steps": 1, "max_steps": 10}),
        );
        let err = ds.get(2).unwrap_err().to_string();
        assert!(
            err.ends_with("Failed to generate valid puzzle after trying 100 different boards"),
            "{err}"
        );
    }

    #[test]
    fn runaway_configs_stop_at_rgyms_bound() {
        // No board has a 1000-move shortest swap: the reference would search
        // for as long as max_attempts lets it.
        let ds = dataset(
            &INFO,
            json!({"min_steps": 1000, "max_steps": 1000, "impossible_ratio": 0,
                   "min_pieces": 3, "max_pieces": 3, "max_attempts": 1_000_000_000}),
        );
        let err = ds.get(0).unwrap_err().to_string();
        assert!(
            err.contains("25000000 steps of search (a bound in rgym: "),
            "{err}"
        );
    }
}
