//! `sokoban`: push every box onto a goal; the answer is the path the
//! reference's A* search finds.
//!
//! The reference (`games/sokoban.py`) drives a trimmed copy of Bruno Andrade's
//! sokoban-solver-generator (`games/contrib/sokoban/src/*`, MIT): a board of
//! walls with the player and boxes on their goals, a "reverse player" that
//! walks at random pulling boxes off their goals, then an A* search for a
//! solution. Every piece here is named after the Python function it mirrors.
//! The board is a row-major byte grid of the reference's characters, which is
//! also the A* state string (`utils.get_state`).

use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed, Weight,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "sokoban",
    category: "games",
    description: "Generates Sokoban games with configurable parameters",
    config_class: "SokobanConfig",
    build,
};

const WALL: u8 = b'+';
const FLOOR: u8 = b'-';
const GOAL: u8 = b'X';
const BOX: u8 = b'@';
const BOX_ON_GOAL: u8 = b'$';
const PLAYER: u8 = b'*';
const PLAYER_ON_GOAL: u8 = b'%';

/// `moves_tuples` of the reverse player and `moves` of the A* search, in
/// their order, as (row, column) steps; with the A* search's letters.
const MOVES: [(i64, i64); 4] = [(1, 0), (-1, 0), (0, -1), (0, 1)];
const DIRECTION: [u8; 4] = [b'D', b'U', b'L', b'R'];

/// rgym's bounds where the reference has none (it loops or searches until it
/// finds a puzzle, which for some configs is never in practice), set where
/// the reference itself can no longer finish. States one A* search may push:
/// the reference pushes about 14,000 a CPU second, so this many take it three
/// minutes, three times parity_check's 60 s, which leaves room for a machine
/// up to three times faster. (The former 600,000, 43 s of its CPU, refused
/// searches the reference finished within a minute.) Its memory runs to
/// gigabytes by then; rgym's packed states stay in the hundreds of megabytes
/// on a 20 x 20 board.
const MAX_SEARCH_PUSHES: u64 = 2_500_000;
/// Reverse-player steps and A* pushes of one item over all its attempts: the
/// reference needs twelve minutes and more for that much.
const MAX_ITEM_WORK: u64 = 10_000_000;

const QUESTION_HEAD: &str = "You are going to solve a 'sokoban' puzzle.

* - The player
% - The player on a goal
@ - A box
X - A goal
$ - A box on a goal
+ - A wall
- - An empty position

Your solution must be a string of characters, ex: LDURRUDL.

Here is your puzzle:
";

struct Sokoban {
    seed: Seed,
    min_w: i64,
    min_h: i64,
    max_w: i64,
    max_h: i64,
    min_boxes: i64,
    max_boxes: i64,
    max_depth: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Sokoban {
        seed: p.seed,
        min_w: r.int("min_w", 6),
        min_h: r.int("min_h", 6),
        max_w: r.int("max_w", 10),
        max_h: r.int("max_h", 10),
        min_boxes: r.int("min_boxes", 4),
        max_boxes: r.int("max_boxes", 10),
        max_depth: r.int("max_depth", 80),
    };
    let v = r.finish()?;
    // The first four asserts carry no message in the reference: these say
    // what they check. The board is at most 20 x 20, so no item-size rule is
    // needed; the searches are bounded per item instead (see MAX_ITEM_WORK).
    v.ensure(0 < d.max_w && d.max_w <= 20, "0 < max_w <= 20")?;
    v.ensure(0 < d.max_h && d.max_h <= 20, "0 < max_h <= 20")?;
    v.ensure(d.min_h > 0, "min_h > 0")?;
    v.ensure(d.min_w > 0, "min_w > 0")?;
    v.ensure(d.min_w <= d.max_w, "min_w must be lte max_w")?;
    v.ensure(d.min_h <= d.max_h, "min_h must be lte max_h")?;
    v.ensure(
        d.min_boxes <= d.max_boxes,
        "min_boxes must be lte max_boxes",
    )?;
    v.ensure(d.max_depth > 1, "max_depth > 1")?;
    v.done(d)
}

/// A board: row-major cells of the reference's characters.
#[derive(Clone)]
struct Board {
    width: usize,
    height: usize,
    cells: Vec<u8>,
}

impl Board {
    /// `ReversePlayer.puzzle_to_string`: each cell and a space, each row
    /// closed by " \n", and a last "\n".
    fn puzzle_to_string(&self) -> String {
        let mut s = String::with_capacity(self.cells.len() * 2 + self.height * 2 + 1);
        for row in self.cells.chunks(self.width) {
            for &c in row {
                s.push(c as char);
                s.push(' ');
            }
            s.push_str(" \n");
        }
        s.push('\n');
        s
    }
}

impl Dataset for Sokoban {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let (gamestr, solution, width, height) = self.generate_puzzle(&mut rng)?;
        Ok(Item {
            question: format!("{QUESTION_HEAD}{gamestr}"),
            answer: solution,
            metadata: meta! {
                "gamestr" => gamestr,
                "width" => width,
                "height" => height,
                "difficulty" => json!({
                    "width": [self.min_w, self.max_w],
                    "height": [self.min_h, self.max_h],
                }),
            },
        })
    }

    /// `score_answer`: 1.0 when replaying the moves on the metadata's board
    /// leaves no box off a goal.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let (Some(answer), Some(gamestr)) = (answer, item.metadata.get("gamestr")) else {
            return 0.0;
        };
        let Some(mut game) = gamestr.as_str().and_then(Game::load_puzzle_matrix) else {
            return 0.0;
        };
        // Without a player, any character of the answer raises.
        if game.player.is_none() && !answer.is_empty() {
            return 0.0;
        }
        let solved = answer
            .bytes()
            .try_for_each(|key| game.update(key))
            .is_some()
            && !game.cells.contains(&BOX);
        if solved {
            1.0
        } else {
            0.0
        }
    }
}

impl Sokoban {
    /// `generator.generate`: boards until one has enough boxes off their goals
    /// and an A* solution within `max_depth`. Returns the board's text, the
    /// solution, width and height.
    fn generate_puzzle(&self, rng: &mut Random) -> Result<(String, String, i64, i64)> {
        let mut work = 0u64;
        loop {
            let width = rng.randint(self.min_w, self.max_w)?;
            let height = rng.randint(self.min_h, self.max_h)?;
            let boxes = num_boxes(
                width * height,
                self.min_boxes,
                self.max_boxes,
                self.min_w,
                self.min_h,
                self.max_w,
                self.max_h,
            );
            let (w, h) = (width as usize, height as usize);
            let mut board = Board {
                width: w,
                height: h,
                cells: vec![WALL; w * h],
            };
            let (px, py) = random_valid(rng, width, height)?;
            board.cells[py * w + px] = PLAYER;
            // The reference draws cells until it has placed them all, which
            // never ends when the inner cells cannot hold them.
            let room = (w as i128 - 2) * (h as i128 - 2) - 1;
            if boxes > room {
                return Err(DatasetError::Generation(format!(
                    "{boxes} boxes do not fit on a {width} x {height} board \
                     (reasoning-gym would place them forever)"
                )));
            }
            let mut ground = vec![false; w * h];
            let mut created = 0i128;
            while created < boxes {
                let (r, c) = random_valid(rng, height, width)?;
                let cell = r * w + c;
                if board.cells[cell] == WALL {
                    board.cells[cell] = BOX_ON_GOAL;
                    ground[cell] = true;
                    created += 1;
                }
            }

            let mut reverse = ReversePlayer {
                y: py,
                x: px,
                prev_move: (0, 0),
                states: HashMap::default(),
                ground,
            };
            let mut counter = (height * width) as f64 * rng.uniform(1.8, 3.6);
            counter = counter.round_ties_even();
            while counter > 0.0 {
                work += 1;
                if reverse.update(rng, &mut board)? >= 20 {
                    break;
                }
                counter -= 1.0;
            }

            let out_of_place = board.cells.iter().filter(|&&c| c == BOX).count() as i128;
            if out_of_place >= boxes.div_euclid(2) {
                let gamestr = board.puzzle_to_string();
                let budget = (MAX_ITEM_WORK.saturating_sub(work)).min(MAX_SEARCH_PUSHES);
                let mut search = Astar::new(&board, self.max_depth, budget);
                let found = search.solve_astar();
                work += search.pushes;
                match found {
                    Ok(Some(solution)) => return Ok((gamestr, solution, width, height)),
                    Ok(None) => {}
                    Err(()) => {
                        return Err(DatasetError::Generation(format!(
                            "the A* search for a {width} x {height} board went past \
                             {} states (a bound in rgym: reasoning-gym would search for minutes)",
                            search.pushes
                        )))
                    }
                }
            }
            if work >= MAX_ITEM_WORK {
                return Err(DatasetError::Generation(format!(
                    "no solvable board after {work} steps of generation and search \
                     (a bound in rgym: reasoning-gym would search for minutes)"
                )));
            }
        }
    }
}

/// `num_boxes`: `max_boxes` when a range is a single value, else linear in
/// the board's area between the configured extremes (float arithmetic, then
/// truncated as `int()` does).
fn num_boxes(
    area: i64,
    min_boxes: i64,
    max_boxes: i64,
    min_w: i64,
    min_h: i64,
    max_w: i64,
    max_h: i64,
) -> i128 {
    if min_w == max_w || min_h == max_h || min_boxes == max_boxes {
        return max_boxes as i128;
    }
    // Python's int / int is correctly rounded; so is this for values below
    // 2^53, and the areas are at most 400.
    let span = (max_boxes as i128 - min_boxes as i128) as f64;
    let m = span / (max_w * max_h - min_w * min_h) as f64;
    let b = min_boxes as f64 - m * min_w as f64 * min_h as f64;
    (m * area as f64 + b).trunc() as i128
}

/// `random_valid`: an inner cell, `(randrange(1, a - 1), randrange(1, b - 1))`.
fn random_valid(rng: &mut Random, a: i64, b: i64) -> Result<(usize, usize)> {
    let first = rng.randrange(1, a - 1)?;
    let second = rng.randrange(1, b - 1)?;
    Ok((first as usize, second as usize))
}

/// `ReversePlayer`: walks at random, pulling the box behind it along.
struct ReversePlayer {
    y: usize,
    x: usize,
    prev_move: (i64, i64),
    /// How often each board was seen before a step.
    states: HashMap<Vec<u8>, u32, BuildHasherDefault<BoardHasher>>,
    /// `PuzzleElement.ground`: the cells that are goals.
    ground: Vec<bool>,
}

/// A hash of boards for [`ReversePlayer::states`], a word at a time: the
/// default SipHash costs more than the rest of a step.
#[derive(Default)]
struct BoardHasher(u64);

impl Hasher for BoardHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }

    fn finish(&self) -> u64 {
        mix(self.0)
    }
}

/// SplitMix64's finaliser: every bit of `x` reaches the low bits that pick a
/// hash table's slot (a product alone leaves them to the low input bits).
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// `quick_chars` of `ReversePlayer.update`: what a cell shows once the
/// player leaves it or steps on it, or a box leaves it.
fn quick_char(c: u8) -> u8 {
    match c {
        PLAYER | BOX => FLOOR,
        PLAYER_ON_GOAL | BOX_ON_GOAL => GOAL,
        WALL | FLOOR => PLAYER,
        GOAL => PLAYER_ON_GOAL,
        other => other,
    }
}

impl ReversePlayer {
    /// `ReversePlayer.update`: one random step (a move back the way it came
    /// weighs 0.1, the others 1). Returns how often the board before the step
    /// has now been seen (`states[curr_state]`).
    fn update(&mut self, rng: &mut Random, board: &mut Board) -> Result<u32> {
        let weights = MOVES.map(|m| {
            if m == self.prev_move {
                Weight::Float(0.1)
            } else {
                Weight::Int(1)
            }
        });
        let mv = MOVES[rng.choices_weighted_indices(&weights, 1)?[0]];
        let seen = match self.states.get_mut(board.cells.as_slice()) {
            Some(n) => {
                *n += 1;
                *n
            }
            None => {
                self.states.insert(board.cells.clone(), 1);
                1
            }
        };
        let (w, h) = (board.width as i64, board.height as i64);
        let ty = self.y as i64 + mv.0;
        let tx = self.x as i64 + mv.1;
        // The board's border stays wall, and boxes are never pushed.
        if tx == 0 || ty == 0 || tx >= w - 1 || ty >= h - 1 {
            self.prev_move = mv;
            return Ok(seen);
        }
        let target = (ty * w + tx) as usize;
        if matches!(board.cells[target], BOX | BOX_ON_GOAL) {
            self.prev_move = mv;
            return Ok(seen);
        }
        self.prev_move = (-mv.0, -mv.1);
        let curr = self.y * board.width + self.x;
        board.cells[curr] = quick_char(board.cells[curr]);
        board.cells[target] = quick_char(board.cells[target]);
        // The cell behind the player (inside the board: the player never
        // stands on the border).
        let behind = ((self.y as i64 - mv.0) * w + (self.x as i64 - mv.1)) as usize;
        if matches!(board.cells[behind], BOX | BOX_ON_GOAL) {
            // `Box.reverse_move`: the box follows into the player's old cell.
            board.cells[behind] = if self.ground[behind] { GOAL } else { FLOOR };
            board.cells[curr] = if self.ground[curr] { BOX_ON_GOAL } else { BOX };
        }
        self.y = ty as usize;
        self.x = tx as usize;
        Ok(seen)
    }
}

/// An A* heap entry: `(cost, heuristic, state_str, pos, depth, path)`. The
/// state is an id in the search's [`StateSet`] (with its first packed word
/// kept here, which settles most comparisons), the path a node of the
/// search's path tree. `pos` follows from the state, so it never decides an
/// order.
#[derive(Clone, Copy)]
struct Entry {
    /// `cost` in the high half, `heuristic` in the low half: both are
    /// non-negative and far below 2^32 (at most a few boxes times 400).
    rank: u64,
    /// The state's first two packed words.
    head: [u64; 2],
    state: u32,
    pos: u32,
    depth: u32,
    path: u32,
}

/// The cells a search can change and how a state is packed: walls never
/// change, and every other cell is a goal or not for good, so a state is
/// which of three things stands on each open cell (2 bits, in the order of
/// the characters at that cell: `*` `-` `@` off a goal, `$` `%` `X` on one).
/// Packed most significant first, the words compare as the state strings do.
struct Layout {
    width: usize,
    height: usize,
    /// The start board: walls, and the goal-ness of the open cells.
    template: Vec<u8>,
    open: Vec<usize>,
    /// Each cell's place in `open` (walls: none).
    place: Vec<usize>,
    /// Each cell's (row, column).
    coords: Vec<(i32, i32)>,
    goal: Vec<bool>,
    words: usize,
    /// Per word, the high bit of each goal cell's code and of each other
    /// open cell's code: a box off a goal is code 2 off a goal, a free goal
    /// a non-zero code on one.
    goal_hi: Vec<u64>,
    plain_hi: Vec<u64>,
}

impl Layout {
    fn new(board: &Board) -> Self {
        let open: Vec<usize> = (0..board.cells.len())
            .filter(|&i| board.cells[i] != WALL)
            .collect();
        let goal = board
            .cells
            .iter()
            .map(|&c| matches!(c, GOAL | BOX_ON_GOAL | PLAYER_ON_GOAL))
            .collect();
        let mut place = vec![usize::MAX; board.cells.len()];
        for (k, &i) in open.iter().enumerate() {
            place[i] = k;
        }
        let coords = (0..board.cells.len())
            .map(|i| ((i / board.width) as i32, (i % board.width) as i32))
            .collect();
        let words = open.len().div_ceil(32).max(1);
        let (mut goal_hi, mut plain_hi) = (vec![0u64; words], vec![0u64; words]);
        for (k, &i) in open.iter().enumerate() {
            let bit = 1u64 << (63 - 2 * (k % 32));
            if matches!(board.cells[i], GOAL | BOX_ON_GOAL | PLAYER_ON_GOAL) {
                goal_hi[k / 32] |= bit;
            } else {
                plain_hi[k / 32] |= bit;
            }
        }
        Layout {
            goal_hi,
            plain_hi,
            place,
            coords,
            width: board.width,
            height: board.height,
            template: board.cells.clone(),
            words,
            open,
            goal,
        }
    }

    fn code(c: u8) -> u64 {
        match c {
            PLAYER | BOX_ON_GOAL => 0,
            FLOOR | PLAYER_ON_GOAL => 1,
            _ => 2,
        }
    }

    fn pack(&self, cells: &[u8], out: &mut [u64]) {
        out.fill(0);
        for (k, &i) in self.open.iter().enumerate() {
            out[k / 32] |= Self::code(cells[i]) << (62 - 2 * (k % 32));
        }
    }

    /// Open cell `cell` of a packed state set to `c`.
    fn set(&self, packed: &mut [u64], cell: usize, c: u8) {
        let k = self.place[cell];
        let shift = 62 - 2 * (k % 32);
        packed[k / 32] = (packed[k / 32] & !(3 << shift)) | (Self::code(c) << shift);
    }

    /// The character at `cell` of a packed state.
    #[inline]
    fn at(&self, packed: &[u64], cell: usize) -> u8 {
        let k = self.place[cell];
        if k == usize::MAX {
            return WALL;
        }
        let code = (packed[k / 32] >> (62 - 2 * (k % 32))) & 3;
        if self.goal[cell] {
            [BOX_ON_GOAL, PLAYER_ON_GOAL, GOAL, GOAL][code as usize]
        } else {
            [PLAYER, FLOOR, BOX, BOX][code as usize]
        }
    }
}

/// The states of one search, packed, each once (open addressing over ids);
/// `seen` marks those popped.
struct StateSet {
    stride: usize,
    arena: Vec<u64>,
    seen: Vec<bool>,
    table: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

impl StateSet {
    fn new(stride: usize) -> Self {
        StateSet {
            stride,
            arena: Vec::new(),
            seen: Vec::new(),
            table: vec![EMPTY; 1024],
        }
    }

    fn key(&self, id: u32) -> &[u64] {
        let at = id as usize * self.stride;
        &self.arena[at..at + self.stride]
    }

    fn slot(&self, key: &[u64]) -> usize {
        let mut h: u64 = 0;
        for &w in key {
            h = (h.rotate_left(5) ^ w).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
        let mask = self.table.len() - 1;
        let mut i = mix(h) as usize & mask;
        while self.table[i] != EMPTY && !self.key(self.table[i]).iter().eq(key.iter()) {
            i = (i + 1) & mask;
        }
        i
    }

    fn find(&self, key: &[u64]) -> Option<u32> {
        let id = self.table[self.slot(key)];
        (id != EMPTY).then_some(id)
    }

    fn insert(&mut self, key: &[u64]) -> u32 {
        let i = self.slot(key);
        if self.table[i] != EMPTY {
            return self.table[i];
        }
        let id = self.seen.len() as u32;
        self.arena.extend_from_slice(key);
        self.seen.push(false);
        self.table[i] = id;
        if self.seen.len() * 2 > self.table.len() {
            let grown = vec![EMPTY; self.table.len() * 2];
            let old = std::mem::replace(&mut self.table, grown);
            for id in old.into_iter().filter(|&id| id != EMPTY) {
                let i = self.slot(self.key(id));
                self.table[i] = id;
            }
        }
        id
    }
}

fn rank(cost: i64, heuristic: i64) -> u64 {
    ((cost as u64) << 32) | heuristic as u64
}

impl Entry {
    fn heuristic(&self) -> i64 {
        (self.rank & 0xffff_ffff) as i64
    }
}

/// The first two words of a packed state (one-word states end in zero).
fn head(key: &[u64]) -> [u64; 2] {
    [key[0], key.get(1).copied().unwrap_or(0)]
}

/// `astar.astar` with the Manhattan heuristic.
struct Astar {
    /// Shared with the search loop, which reads it while the heap changes.
    layout: Rc<Layout>,
    max_depth: i64,
    budget: u64,
    pushes: u64,
    states: StateSet,
    /// Paths as a tree: (parent, letter); node 0 is the empty path.
    paths: Vec<(u32, u8)>,
    heap: Vec<Entry>,
}

/// The boxes off a goal and the free goals of a state (`find_boxes_and_goals`).
#[derive(Default)]
struct Pieces {
    boxes: Vec<usize>,
    goals: Vec<usize>,
}

impl Pieces {
    /// From a packed state, a word at a time (the order of the lists does
    /// not matter: they feed minimums and "any").
    fn find(&mut self, packed: &[u64], layout: &Layout) {
        const HI: u64 = 0xaaaa_aaaa_aaaa_aaaa;
        self.boxes.clear();
        self.goals.clear();
        let cells = |mut bits: u64, w: usize, out: &mut Vec<usize>| {
            while bits != 0 {
                let b = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                out.push(layout.open[w * 32 + (63 - b) / 2]);
            }
        };
        for (w, &word) in packed.iter().enumerate() {
            let (hi, lo_up) = (word & HI, (word << 1) & HI);
            cells(hi & layout.plain_hi[w], w, &mut self.boxes);
            cells((hi | lo_up) & layout.goal_hi[w], w, &mut self.goals);
        }
    }
}

impl Astar {
    fn new(board: &Board, max_depth: i64, budget: u64) -> Self {
        let layout = Rc::new(Layout::new(board));
        Astar {
            states: StateSet::new(layout.words),
            layout,
            max_depth,
            budget,
            pushes: 0,
            paths: vec![(0, 0)],
            heap: Vec::new(),
        }
    }

    /// `solve_astar`: the player is the first `*` or `%` in row-major order.
    /// `Ok(None)` where the reference finds no solution, `Err` past rgym's bound.
    fn solve_astar(&mut self) -> std::result::Result<Option<String>, ()> {
        let start = self.layout.template.clone();
        let Some(player) = start
            .iter()
            .position(|&c| c == PLAYER || c == PLAYER_ON_GOAL)
        else {
            return Ok(None);
        };
        let mut key = vec![0u64; self.layout.words];
        self.layout.pack(&start, &mut key);
        let mut pieces = Pieces::default();
        pieces.find(&key, &self.layout);
        let heuristic = manhattan_sum(&pieces, player, &self.layout);
        let id = self.states.insert(&key);
        self.push(Entry {
            rank: rank(0, heuristic),
            head: head(&key),
            state: id,
            pos: player as u32,
            depth: 0,
            path: 0,
        });
        let mut parent_key = key.clone();
        let layout = Rc::clone(&self.layout);
        let mut parent = Pieces::default();
        while let Some(node) = self.pop() {
            self.states.seen[node.state as usize] = true;
            parent_key.copy_from_slice(self.states.key(node.state));
            let layout = &*layout;
            let state = |cell: usize| layout.at(&parent_key, cell);
            // A step that pushes nothing moves only the player, which neither
            // the deadlock rules nor the boxes' part of the heuristic look
            // at: those are the parent's, worked out once.
            parent.find(&parent_key, layout);
            let parent_deadlock = is_deadlock(&state, &parent.boxes, layout);
            let parent_boxes_cost = boxes_cost(&parent, &self.layout);
            for (k, &mv) in MOVES.iter().enumerate() {
                let Some((move_cost, changes)) =
                    can_move(&state, self.layout.width, node.pos as usize, mv)
                else {
                    continue;
                };
                key.copy_from_slice(&parent_key);
                for (cell, c) in changes.iter() {
                    self.layout.set(&mut key, cell, c);
                }
                let known = self.states.find(&key);
                if known.is_some_and(|id| self.states.seen[id as usize]) {
                    continue;
                }
                let new_pos = offset(node.pos as usize, mv, self.layout.width);
                let pushed = changes.len == 3;
                let (deadlock, new_cost, solved) = if pushed {
                    pieces.find(&key, layout);
                    let deadlock =
                        is_deadlock(&|cell| layout.at(&key, cell), &pieces.boxes, layout);
                    let cost = boxes_cost(&pieces, &self.layout)
                        + player_cost(&pieces, new_pos, &self.layout);
                    (deadlock, cost, pieces.boxes.is_empty())
                } else {
                    let cost = parent_boxes_cost + player_cost(&parent, new_pos, &self.layout);
                    (parent_deadlock, cost, parent.boxes.is_empty())
                };
                if deadlock {
                    continue;
                }
                let id = match known {
                    Some(id) => id,
                    None => self.states.insert(&key),
                };
                let path = self.paths.len() as u32;
                self.paths.push((node.path, DIRECTION[k]));
                self.push(Entry {
                    rank: rank(move_cost + node.heuristic(), new_cost),
                    head: head(&key),
                    state: id,
                    pos: new_pos as u32,
                    depth: node.depth + 1,
                    path,
                });
                if solved {
                    return Ok(Some(self.path_string(path)));
                }
                if self.pushes >= self.budget {
                    return Err(());
                }
            }
            if node.depth as i64 > self.max_depth {
                break;
            }
        }
        Ok(None)
    }

    fn path_string(&self, mut node: u32) -> String {
        let mut letters = Vec::new();
        while node != 0 {
            let (parent, letter) = self.paths[node as usize];
            letters.push(letter as char);
            node = parent;
        }
        letters.iter().rev().collect()
    }

    /// Python's tuple order on the heap entries: `a < b`.
    #[inline]
    fn less(&self, a: &Entry, b: &Entry) -> bool {
        match (a.rank, a.head).cmp(&(b.rank, b.head)) {
            Ordering::Equal => self.cmp_tail(a, b) == Ordering::Less,
            order => order == Ordering::Less,
        }
    }

    /// The rest of the order, for entries whose cost, heuristic and first
    /// state words agree.
    #[inline(never)]
    fn cmp_tail(&self, a: &Entry, b: &Entry) -> Ordering {
        Ordering::Equal
            .then_with(|| {
                if a.state == b.state || self.states.stride <= 2 {
                    Ordering::Equal
                } else {
                    self.states.key(a.state)[2..].cmp(&self.states.key(b.state)[2..])
                }
            })
            .then(a.depth.cmp(&b.depth))
            .then_with(|| self.cmp_paths(a.path, b.path))
    }

    /// Two paths of the same length, compared as strings: the letters where
    /// they part nearest the start decide.
    fn cmp_paths(&self, mut a: u32, mut b: u32) -> Ordering {
        let mut order = Ordering::Equal;
        while a != b {
            let (pa, la) = self.paths[a as usize];
            let (pb, lb) = self.paths[b as usize];
            if la != lb {
                order = la.cmp(&lb);
            }
            a = pa;
            b = pb;
        }
        order
    }

    /// `heappush`. Entries that compare equal are equal in everything that
    /// matters, so any binary heap pops them in `heapq`'s order.
    fn push(&mut self, entry: Entry) {
        self.pushes += 1;
        self.heap.push(entry);
        let mut hole = self.heap.len() - 1;
        while hole > 0 {
            let parent = (hole - 1) / 2;
            if self.less(&entry, &self.heap[parent]) {
                self.heap[hole] = self.heap[parent];
                hole = parent;
            } else {
                break;
            }
        }
        self.heap[hole] = entry;
    }

    /// `heappop`, the hole sifted down the smaller children to a leaf and
    /// the last entry sifted up from there (Floyd's way: one comparison a
    /// level on the way down).
    fn pop(&mut self) -> Option<Entry> {
        let last = self.heap.pop()?;
        if self.heap.is_empty() {
            return Some(last);
        }
        let top = self.heap[0];
        let n = self.heap.len();
        let mut hole = 0;
        loop {
            let l = 2 * hole + 1;
            if l >= n {
                break;
            }
            let r = l + 1;
            let child = if r < n && self.less(&self.heap[r], &self.heap[l]) {
                r
            } else {
                l
            };
            self.heap[hole] = self.heap[child];
            hole = child;
        }
        while hole > 0 {
            let parent = (hole - 1) / 2;
            if self.less(&last, &self.heap[parent]) {
                self.heap[hole] = self.heap[parent];
                hole = parent;
            } else {
                break;
            }
        }
        self.heap[hole] = last;
        Some(top)
    }
}

/// The cell one step `mv` from `pos` (inside the board: the border is wall).
fn offset(pos: usize, mv: (i64, i64), width: usize) -> usize {
    (pos as i64 + mv.0 * width as i64 + mv.1) as usize
}

/// The cells a move changes, with their new characters (at most three).
#[derive(Default)]
struct Changes {
    len: usize,
    cells: [(usize, u8); 3],
}

impl Changes {
    fn set(&mut self, cell: usize, c: u8) {
        self.cells[self.len] = (cell, c);
        self.len += 1;
    }

    fn iter(&self) -> impl Iterator<Item = (usize, u8)> + '_ {
        self.cells[..self.len].iter().copied()
    }
}

/// `utils.can_move`: the cells that change when the player moves (pushing a
/// box ahead of it), and the move's cost: 3 for a step, 2 for a push, 0 for
/// a push onto a goal. `None` where a wall or a second box is in the way.
fn can_move(
    state: &impl Fn(usize) -> u8,
    width: usize,
    pos: usize,
    mv: (i64, i64),
) -> Option<(i64, Changes)> {
    // Inside the board: the player and the boxes never stand on its border.
    let step = mv.0 * width as i64 + mv.1;
    let target = (pos as i64 + step) as usize;
    let leave = if state(pos) == PLAYER { FLOOR } else { GOAL };
    let mut changes = Changes::default();
    match state(target) {
        WALL => return None,
        FLOOR => {
            changes.set(pos, leave);
            changes.set(target, PLAYER);
            return Some((3, changes));
        }
        GOAL => {
            changes.set(pos, leave);
            changes.set(target, PLAYER_ON_GOAL);
            return Some((3, changes));
        }
        BOX | BOX_ON_GOAL => {
            let bt = (pos as i64 + 2 * step) as usize;
            match state(bt) {
                WALL | BOX | BOX_ON_GOAL => return None,
                c @ (FLOOR | GOAL) => {
                    let pushed = if c == FLOOR { BOX } else { BOX_ON_GOAL };
                    changes.set(bt, pushed);
                    let stand = if state(target) == BOX {
                        PLAYER
                    } else {
                        PLAYER_ON_GOAL
                    };
                    changes.set(target, stand);
                    changes.set(pos, leave);
                    return Some((if pushed == BOX_ON_GOAL { 0 } else { 2 }, changes));
                }
                // The player itself behind a box: not on a reference board.
                _ => {}
            }
        }
        _ => {}
    }
    // Not on a reference board either: the state stays as it is, which the
    // search has seen.
    Some((0, changes))
}

/// `utils.is_deadlock`: a box off its goal in a corner of walls, in a 2 x 2
/// block of walls and boxes, or more boxes than free goals along one of the
/// four inner edge lines.
fn is_deadlock(state: &impl Fn(usize) -> u8, boxes: &[usize], layout: &Layout) -> bool {
    let (w, height) = (layout.width, layout.height);
    let blocked = |c: u8| matches!(c, BOX | BOX_ON_GOAL | WALL);
    for &b in boxes {
        let (left, right, up, down) = (state(b - 1), state(b + 1), state(b - w), state(b + w));
        // The reference's four corners: a wall to one side and one above or below.
        if (left == WALL || right == WALL) && (up == WALL || down == WALL) {
            return true;
        }
        let squares = [
            [left, up, state(b - w - 1)],
            [right, up, state(b - w + 1)],
            [left, state(b + w - 1), down],
            [right, state(b + w + 1), down],
        ];
        if squares.iter().any(|sq| sq.iter().all(|&c| blocked(c))) {
            return true;
        }
    }
    // A line without a box off its goal never has too many; boxes stand
    // inside the border, so each is on a line exactly when its row or
    // column is that line's.
    let on = |line: &dyn Fn((i32, i32)) -> bool| boxes.iter().any(|&b| line(layout.coords[b]));
    let (last_row, last_col) = (height as i32 - 2, w as i32 - 2);
    let too_many = |cells: &mut dyn Iterator<Item = usize>| {
        let (mut boxes, mut goals) = (0, 0);
        for i in cells {
            match state(i) {
                BOX => boxes += 1,
                GOAL | PLAYER_ON_GOAL => goals += 1,
                _ => {}
            }
        }
        boxes > goals
    };
    (on(&|(r, _)| r == 1) && too_many(&mut (w + 1..2 * w - 1)))
        || (on(&|(r, _)| r == last_row)
            && too_many(&mut (w * (height - 2) + 1..w * (height - 2) + w - 1)))
        || (on(&|(_, c)| c == 1) && too_many(&mut (w + 1..w * (height - 1) + 1).step_by(w)))
        || (on(&|(_, c)| c == last_col) && too_many(&mut (2 * w - 2..w * height - 2).step_by(w)))
}

/// `utils.manhattan_sum` is [`boxes_cost`] + [`player_cost`].
fn manhattan_sum(pieces: &Pieces, player: usize, layout: &Layout) -> i64 {
    boxes_cost(pieces, layout) + player_cost(pieces, player, layout)
}

fn distance(a: usize, b: usize, layout: &Layout) -> i64 {
    let ((ar, ac), (br, bc)) = (layout.coords[a], layout.coords[b]);
    ((ar - br).abs() + (ac - bc).abs()) as i64
}

/// The boxes' part of `manhattan_sum`: per box off a goal, the board's area
/// plus its distance to the nearest free goal.
fn boxes_cost(pieces: &Pieces, layout: &Layout) -> i64 {
    let area = (layout.width * layout.height) as i64;
    let mut cost = pieces.boxes.len() as i64 * area;
    for &b in &pieces.boxes {
        // A board has as many free goals as boxes off their goals.
        cost += pieces
            .goals
            .iter()
            .map(|&g| distance(b, g, layout))
            .min()
            .unwrap_or(0);
    }
    cost
}

/// The player's part of `manhattan_sum`: its distance to the nearest box
/// off a goal.
fn player_cost(pieces: &Pieces, player: usize, layout: &Layout) -> i64 {
    pieces
        .boxes
        .iter()
        .map(|&b| distance(b, player, layout))
        .min()
        .unwrap_or(0)
}

/// `game.Game` loaded from the metadata's board, for the scorer.
struct Game {
    width: usize,
    height: usize,
    cells: Vec<u8>,
    ground: Vec<bool>,
    player: Option<(usize, usize)>,
}

impl Game {
    /// `Game.load_puzzle_matrix` of `gamestr.replace(" ", "").strip().split("\n")`.
    /// `None` where the reference's scorer ends in 0.0 whatever the answer:
    /// rows of different lengths (numpy refuses them), a character it does not
    /// know (the board stays half loaded and reading it back raises).
    fn load_puzzle_matrix(gamestr: &str) -> Option<Game> {
        let text: String = gamestr.chars().filter(|&c| c != ' ').collect();
        let rows: Vec<&[u8]> = pycompat::py_strip(&text)
            .split('\n')
            .map(str::as_bytes)
            .collect();
        let width = rows.first()?.len();
        if rows.iter().any(|r| r.len() != width) {
            return None;
        }
        let height = rows.len();
        let cells: Vec<u8> = rows.concat();
        if !cells.iter().all(|c| b"+-@*X$%".contains(c)) {
            return None;
        }
        let ground = cells
            .iter()
            .map(|&c| matches!(c, GOAL | BOX_ON_GOAL | PLAYER_ON_GOAL))
            .collect();
        // `self.player` is the last player cell loaded.
        let player = cells
            .iter()
            .rposition(|&c| c == PLAYER || c == PLAYER_ON_GOAL)
            .map(|p| (p / width, p % width));
        Some(Game {
            width,
            height,
            cells,
            ground,
            player,
        })
    }

    /// The cell `(y, x) + (dy, dx)`, or `None` past the board (the reference
    /// raises; on its boards the border is wall, so it never gets there).
    fn step(&self, (y, x): (usize, usize), (dy, dx): (i64, i64)) -> Option<(usize, usize)> {
        let y = y.checked_add_signed(dy as isize)?;
        let x = x.checked_add_signed(dx as isize)?;
        (y < self.height && x < self.width).then_some((y, x))
    }

    /// `Player.update(key)`: R, L, U and D move (pushing one box), any other
    /// character does nothing. `None` where the reference raises.
    fn update(&mut self, key: u8) -> Option<()> {
        let mv = match key {
            b'R' => (0, 1),
            b'L' => (0, -1),
            b'U' => (-1, 0),
            b'D' => (1, 0),
            _ => return Some(()),
        };
        let player = self.player?;
        let target = self.step(player, mv)?;
        let t = target.0 * self.width + target.1;
        match self.cells[t] {
            WALL => return Some(()),
            BOX | BOX_ON_GOAL => {
                // `Box.can_move`: walls and boxes stop it.
                let beyond = self.step(target, mv)?;
                let b = beyond.0 * self.width + beyond.1;
                if matches!(self.cells[b], WALL | BOX | BOX_ON_GOAL) {
                    return Some(());
                }
                self.cells[t] = if self.ground[t] { GOAL } else { FLOOR };
                self.cells[b] = if self.ground[b] { BOX_ON_GOAL } else { BOX };
            }
            _ => {}
        }
        let c = player.0 * self.width + player.1;
        self.cells[c] = if self.ground[c] { GOAL } else { FLOOR };
        self.cells[t] = if self.ground[t] {
            PLAYER_ON_GOAL
        } else {
            PLAYER
        };
        self.player = Some(target);
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};
    use std::time::Instant;

    #[test]
    fn own_answers_solve_their_boards() {
        let ds = dataset(&INFO, json!({}));
        for idx in 0..30 {
            let item = ds.get(idx).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0, "item {idx}");
            let mut cut = item.answer.clone();
            cut.pop();
            assert_eq!(ds.score(Some(&cut), &item), 0.0, "item {idx}");
        }
    }

    #[test]
    fn hostile_answers_are_scored_fast() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(0).unwrap();
        let answers = [
            "LRUD".repeat(250_000),
            "U".repeat(1_000_000),
            "é".repeat(500_000),
            format!("{}{}", "x".repeat(1 << 20), item.answer),
        ];
        // 100 ms in a release build; the debug build is several times slower.
        let limit = if cfg!(debug_assertions) { 1000 } else { 100 };
        for a in &answers {
            // The best of three: other processes may have had the core.
            let ms = (0..3)
                .map(|_| {
                    let t = Instant::now();
                    ds.score(Some(a), &item);
                    t.elapsed().as_millis()
                })
                .min()
                .unwrap_or_default();
            assert!(ms < limit, "{ms} ms for {} bytes", a.len());
        }
        // Other characters are skipped, as the reference skips them.
        let padded = format!("x{}x", item.answer);
        assert_eq!(ds.score(Some(&padded), &item), 1.0);
        assert_eq!(ds.score(None, &item), 0.0);
    }

    #[test]
    fn boxes_that_cannot_fit_fail_the_item() {
        let ds = dataset(
            &INFO,
            json!({"min_w": 4, "max_w": 4, "min_h": 4, "max_h": 4, "min_boxes": 4, "max_boxes": 4}),
        );
        assert!(ds.get(0).is_err());
    }

    #[test]
    fn runaway_searches_fail_the_item() {
        // Item 10 of seed 1 has no solution within the default 80 moves;
        // without that bound the reference searches for minutes and more.
        let ds = dataset(&INFO, json!({"max_depth": 1_000_000}));
        let err = ds.get(10).unwrap_err().to_string();
        assert!(err.contains("went past 2500000 states"), "{err}");
        assert!(dataset(&INFO, json!({})).get(10).is_ok());
    }

    #[test]
    fn config_is_validated_as_the_reference_does() {
        assert_eq!(refused(&INFO, json!({"max_w": 21})), "0 < max_w <= 20");
        assert_eq!(
            refused(&INFO, json!({"min_boxes": 11})),
            "min_boxes must be lte max_boxes"
        );
        assert_eq!(refused(&INFO, json!({"max_depth": 1})), "max_depth > 1");
    }
}
