//! `futoshiki`: fill an NxN Latin square whose adjacent cells may be tied by
//! `<` / `>` signs, from a few given numbers.
//!
//! An item is a random Latin square, random signs that agree with it, and the
//! square with clues removed in a random order for as long as the puzzle keeps
//! one solution (`_remove_clues`). Whether a removal is kept depends on the
//! reference's own solver (`_solve`: its deduction rules, then backtracking
//! over what they leave), and those rules are not all sound: the hidden-pair
//! rule can keep a wrong pair and make `_solve` miss the solution of a
//! puzzle that has one. So `_solve` is reproduced step for step, with the
//! iteration order of CPython's sets where a rule depends on it; only
//! `count_solutions`, whose result is a count, runs a search of rgym's own.
//!
//! Boards are at most 9x9 (the item-size rule, see [`build`]), which keeps
//! every grid in fixed arrays and every candidate set in a `u16`.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde_json::{json, Value};

use crate::sudoku_score::score_sudoku;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "futoshiki",
    category: "games",
    description: "Fill a Futoshiki grid so that every row, column and inequality holds",
    config_class: "FutoshikiConfig",
    build,
};

/// The largest board the item-size rule admits (see [`build`]).
const MAX_SIZE: usize = 9;

struct Futoshiki {
    seed: Seed,
    min_board_size: i64,
    max_board_size: i64,
    min_difficulty: i64,
    max_difficulty: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Futoshiki {
        seed: p.seed,
        min_board_size: r.int("min_board_size", 4),
        max_board_size: r.int("max_board_size", 9),
        min_difficulty: r.int("min_difficulty", 0),
        max_difficulty: r.int("max_difficulty", 3),
    };
    let v = r.finish()?;
    // The reference's messages promise upper bounds its asserts do not check.
    v.ensure(
        4 <= d.min_board_size && d.min_board_size <= d.max_board_size,
        "board_size must be between 4 and 9",
    )?;
    v.ensure(
        0 <= d.min_difficulty && d.min_difficulty <= d.max_difficulty,
        "difficulty must be between 0 and 3",
    )?;
    // `_generate_random_solution` walks `itertools.permutations` of a row, up
    // to n! of them, for each of the n rows; and the solvers' searches grow
    // faster still with n. n * n! passes the limit from n = 10 on (9 * 9! =
    // 3,265,920), the sizes the reference's own messages promise.
    v.ensure_item_size(
        row_permutations(d.max_board_size),
        "max_board_size * max_board_size!",
    )?;
    v.done(d)
}

/// `n * n!`, saturating.
fn row_permutations(n: i64) -> u128 {
    let n = count(n);
    // 35! is past u128: stop multiplying there rather than count up to n.
    (1..=n.min(35)).fold(n, |acc, k| acc.saturating_mul(k))
}

/// A grid of values, 0 for an empty cell; only the first n rows and columns
/// are used.
type Grid = [[u8; MAX_SIZE]; MAX_SIZE];

/// One sign between adjacent cells: `a < b` when `less`, else `a > b`; `a`
/// comes first in row-major order (the reference's dict key).
#[derive(Clone, Copy)]
struct Constraint {
    a: (usize, usize),
    b: (usize, usize),
    less: bool,
}

impl Constraint {
    /// Whether filled values `va` (at `a`) and `vb` (at `b`) obey the sign.
    fn holds(&self, va: u8, vb: u8) -> bool {
        if self.less {
            va < vb
        } else {
            va > vb
        }
    }

    fn sign(&self) -> &'static str {
        if self.less {
            "<"
        } else {
            ">"
        }
    }

    /// The sign as `_puzzle_to_string` draws it between the two cells.
    fn symbol(&self) -> &'static str {
        match (self.a.0 == self.b.0, self.less) {
            (true, true) => "<",
            (true, false) => ">",
            (false, true) => "\u{2227}",
            (false, false) => "\u{2228}",
        }
    }
}

/// A cell's candidate set in `_solve_logical`: the values as bits (bit `v` for
/// value `v`), and whether CPython iterates it in descending order.
///
/// The order matters to the hidden-single and hidden-pair rules, which take
/// the first match in iteration order. Every set here holds small ints
/// (hash = value) in a table that never grows after it is built, so it
/// iterates by slot: `set(range(1, n + 1))` has 8 slots for n = 4 and 32
/// from n = 5 on, values below the table size sit in their own slot, and
/// discards (`discard`, `-=`) leave the other entries where they are (`-=`
/// rebuilds the table only once a quarter of it is dummies, which with at
/// most 9 values in 32 slots leaves at most one entry). So a set iterates in
/// ascending order, except for the 2-element sets of the hidden-pair rule,
/// `set(pair)`, whose 8-slot table puts 8 in slot 0 and 9 in slot 1 (or, when
/// 1 came first, in slot 6): see [`Cands::from_pair`].
#[derive(Clone, Copy, Debug)]
struct Cands {
    bits: u16,
    descending: bool,
}

impl Cands {
    const EMPTY: Cands = Cands {
        bits: 0,
        descending: false,
    };

    /// `set(range(1, n + 1))`.
    fn full(n: usize) -> Cands {
        Cands {
            bits: ((1u16 << n) - 1) << 1,
            descending: false,
        }
    }

    /// `{v}`.
    fn single(v: u8) -> Cands {
        Cands {
            bits: 1 << v,
            descending: false,
        }
    }

    /// `set(pair)`: `a` then `b` inserted into an empty 8-slot table, where a
    /// value goes to slot `v & 7`, or, taken, probes to `(5 * slot + 1) & 7`
    /// (no linear probes fit in 8 slots, and the perturbation `v >> 5` is 0).
    fn from_pair((a, b): (u8, u8)) -> Cands {
        let slot_a = a & 7;
        let mut slot_b = b & 7;
        if slot_b == slot_a {
            slot_b = (5 * slot_b + 1) & 7;
        }
        Cands {
            bits: 1 << a | 1 << b,
            descending: (slot_a < slot_b) == (a > b),
        }
    }

    fn has(self, v: u8) -> bool {
        self.bits >> v & 1 == 1
    }

    fn len(self) -> u32 {
        self.bits.count_ones()
    }

    /// Removes `v`; whether it was there.
    fn discard(&mut self, v: u8) -> bool {
        let had = self.has(v);
        self.bits &= !(1 << v);
        had
    }

    /// `self -= other`.
    fn remove_all(&mut self, other: Cands) {
        self.bits &= !other.bits;
    }

    /// The values in CPython's iteration order.
    fn ordered(self) -> Values {
        let mut out = Values::default();
        let mut bits = self.bits;
        while bits != 0 {
            out.push(bits.trailing_zeros() as u8);
            bits &= bits - 1;
        }
        if self.descending && out.len == 2 {
            out.items.swap(0, 1);
        }
        out
    }

    /// The only value of a 1-element set (`next(iter(s))`).
    fn only(self) -> u8 {
        self.bits.trailing_zeros() as u8
    }
}

/// Set equality ignores the order.
impl PartialEq for Cands {
    fn eq(&self, other: &Cands) -> bool {
        self.bits == other.bits
    }
}

/// A set's values as a list (`tuple(s)`), without allocating.
#[derive(Default)]
struct Values {
    items: [u8; MAX_SIZE],
    len: usize,
}

impl Values {
    fn push(&mut self, v: u8) {
        self.items[self.len] = v;
        self.len += 1;
    }

    fn as_slice(&self) -> &[u8] {
        &self.items[..self.len]
    }

    /// `itertools.permutations(self, 2)` in its order.
    fn pairs(&self) -> impl Iterator<Item = (u8, u8)> + '_ {
        let s = self.as_slice();
        s.iter().enumerate().flat_map(move |(i, &x)| {
            s.iter()
                .enumerate()
                .filter(move |&(j, _)| j != i)
                .map(move |(_, &y)| (x, y))
        })
    }

    /// Where `(x, y)` comes in [`Values::pairs`], if both are here.
    fn pair_index(&self, (x, y): (u8, u8)) -> Option<usize> {
        let s = self.as_slice();
        let i = s.iter().position(|&v| v == x)?;
        let j = s.iter().position(|&v| v == y)?;
        Some(i * (s.len() - 1) + if j < i { j } else { j - 1 })
    }
}

type CandGrid = [[Cands; MAX_SIZE]; MAX_SIZE];

/// A board size and its signs: what the reference's solvers take besides a grid.
struct Board {
    n: usize,
    /// In the reference dict's (insertion) order.
    constraints: Vec<Constraint>,
    /// For each cell, the indices of the signs it takes part in.
    at_cell: [[Vec<usize>; MAX_SIZE]; MAX_SIZE],
}

impl Board {
    fn new(n: usize, constraints: Vec<Constraint>) -> Board {
        let mut at_cell: [[Vec<usize>; MAX_SIZE]; MAX_SIZE] = Default::default();
        for (i, k) in constraints.iter().enumerate() {
            at_cell[k.a.0][k.a.1].push(i);
            at_cell[k.b.0][k.b.1].push(i);
        }
        Board {
            n,
            constraints,
            at_cell,
        }
    }

    /// `_solve_logical`: the deduction rules, repeated while one of the rules
    /// that report progress removed a candidate. Returns the grid with the
    /// cells the rules settled, and the candidates.
    fn solve_logical(&self, grid: &Grid) -> (Grid, CandGrid) {
        let n = self.n;
        let mut g = *grid;
        let mut cands = [[Cands::EMPTY; MAX_SIZE]; MAX_SIZE];
        for r in 0..n {
            for c in 0..n {
                cands[r][c] = match g[r][c] {
                    0 => Cands::full(n),
                    v => Cands::single(v),
                };
            }
        }
        // Only the first cell of each sign: the reference leaves the second alone.
        for k in &self.constraints {
            let (r, c) = k.a;
            cands[r][c].discard(if k.less { n as u8 } else { 1 });
        }
        while self.try_solve_logical(&mut g, &mut cands) {
            budget::check();
        }
        (g, cands)
    }

    /// `_update_grid`: a cell whose candidates came down to one takes it.
    fn update_grid(&self, g: &mut Grid, cands: &CandGrid) {
        for r in 0..self.n {
            for c in 0..self.n {
                if g[r][c] == 0 && cands[r][c].len() == 1 {
                    g[r][c] = cands[r][c].only();
                }
            }
        }
    }

    /// `_try_solve_logical`: one round of every rule. Only the eliminations,
    /// naked pairs and X-wings report progress; hidden singles and hidden
    /// pairs narrow sets without it, as in the reference.
    fn try_solve_logical(&self, g: &mut Grid, cands: &mut CandGrid) -> bool {
        let n = self.n;
        let mut progress = false;

        // A placed number leaves the other cells of its row and column.
        for r in 0..n {
            for c in 0..n {
                let v = g[r][c];
                if v == 0 {
                    continue;
                }
                for (cc, cell) in cands[r][..n].iter_mut().enumerate() {
                    if cc != c {
                        progress |= cell.discard(v);
                    }
                }
                for (rr, row) in cands[..n].iter_mut().enumerate() {
                    if rr != r {
                        progress |= row[c].discard(v);
                    }
                }
            }
        }
        self.update_grid(g, cands);

        // A sign with one side placed bounds the other side.
        for k in &self.constraints {
            let (v1, v2) = (g[k.a.0][k.a.1], g[k.b.0][k.b.1]);
            if v1 != 0 && v2 != 0 {
                continue;
            }
            let (less, greater) = if k.less { (k.a, k.b) } else { (k.b, k.a) };
            progress |= eliminate_by_constraint(g, cands, less, greater);
        }
        self.update_grid(g, cands);

        self.hidden_singles(g, cands);
        self.update_grid(g, cands);

        progress |= self.naked_pairs(g, cands);
        self.update_grid(g, cands);

        self.hidden_pairs(g, cands);
        self.update_grid(g, cands);

        progress |= self.x_wings(cands);
        self.update_grid(g, cands);
        progress
    }

    /// A candidate found in only one cell of the row (else of the column)
    /// becomes that cell's only candidate: the first such in the set's order.
    fn hidden_singles(&self, g: &Grid, cands: &mut CandGrid) {
        let n = self.n;
        for r in 0..n {
            for c in 0..n {
                if g[r][c] != 0 {
                    continue;
                }
                for &v in cands[r][c].ordered().as_slice() {
                    let in_row = (0..n).filter(|&cc| cands[r][cc].has(v)).count();
                    let in_col = (0..n).filter(|&rr| cands[rr][c].has(v)).count();
                    if in_row == 1 || in_col == 1 {
                        cands[r][c] = Cands::single(v);
                        break;
                    }
                }
            }
        }
    }

    /// Two cells of a line with the same two candidates take them from the
    /// line's other cells (filled ones included, as in the reference).
    fn naked_pairs(&self, g: &Grid, cands: &mut CandGrid) -> bool {
        let n = self.n;
        let mut progress = false;
        for r in 0..n {
            for c in 0..n {
                if g[r][c] != 0 || cands[r][c].len() != 2 {
                    continue;
                }
                progress |= self.naked_pair(cands, c, |k| (r, k));
                progress |= self.naked_pair(cands, r, |k| (k, c));
            }
        }
        progress
    }

    /// One line of [`Board::naked_pairs`] for the cell `at(me)`; `at(k)` is
    /// the line's k-th cell.
    fn naked_pair(
        &self,
        cands: &mut CandGrid,
        me: usize,
        at: impl Fn(usize) -> (usize, usize),
    ) -> bool {
        let mut progress = false;
        let (r, c) = at(me);
        // The cell itself is never narrowed here: its set stays the pair.
        let pair = cands[r][c];
        for k in 0..self.n {
            let (r2, c2) = at(k);
            if k == me || cands[r2][c2] != pair {
                continue;
            }
            for k3 in 0..self.n {
                let (r3, c3) = at(k3);
                if k3 != me && k3 != k && cands[r3][c3].bits & pair.bits != 0 {
                    cands[r3][c3].remove_all(pair);
                    progress = true;
                }
            }
        }
        progress
    }

    /// The reference's hidden pairs, with its two slips kept: a pair counts
    /// as hidden when no other cell of the line holds *both* values (not
    /// either), and `pair not in r_cc_pairs` tests against a
    /// `permutations` iterator, which each test consumes up to its match.
    fn hidden_pairs(&self, g: &Grid, cands: &mut CandGrid) {
        let n = self.n;
        for r in 0..n {
            for c in 0..n {
                if g[r][c] != 0 {
                    continue;
                }
                for cc in (c + 1..n).filter(|&cc| g[r][cc] == 0) {
                    self.hidden_pair(cands, (r, c), (r, cc), |k| (r, k));
                }
                for rr in (r + 1..n).filter(|&rr| g[rr][c] == 0) {
                    self.hidden_pair(cands, (r, c), (rr, c), |k| (k, c));
                }
            }
        }
    }

    /// One `(cell, other)` step of [`Board::hidden_pairs`]; `line(k)` is the
    /// line's k-th cell.
    fn hidden_pair(
        &self,
        cands: &mut CandGrid,
        (r, c): (usize, usize),
        (r2, c2): (usize, usize),
        line: impl Fn(usize) -> (usize, usize),
    ) {
        // Both `permutations` pools are taken now: later assignments to
        // these cells do not change them.
        let pool = cands[r][c].ordered();
        let other_pool = cands[r2][c2].ordered();
        let other_pairs = other_pool.len * other_pool.len.saturating_sub(1);
        // The next pair the `other` iterator would yield.
        let mut consumed = 0;
        for pair in pool.pairs() {
            match other_pool.pair_index(pair) {
                Some(i) if i >= consumed => consumed = i + 1,
                _ => {
                    consumed = other_pairs;
                    continue;
                }
            }
            let elsewhere = (0..self.n).map(&line).any(|(lr, lc)| {
                (lr, lc) != (r, c) && (lr, lc) != (r2, c2) && {
                    let s = cands[lr][lc];
                    s.has(pair.0) && s.has(pair.1)
                }
            });
            if !elsewhere {
                cands[r][c] = Cands::from_pair(pair);
                cands[r2][c2] = Cands::from_pair(pair);
            }
        }
    }

    /// X-wings by rows, then by columns.
    fn x_wings(&self, cands: &mut CandGrid) -> bool {
        let by_rows = self.x_wings_in(cands, |line, k| (line, k));
        let by_cols = self.x_wings_in(cands, |line, k| (k, line));
        by_rows || by_cols
    }

    /// A value with exactly two places in each of two lines, the same two
    /// places across, leaves those crossing lines elsewhere. `at(line, k)` is
    /// the k-th cell of a line.
    fn x_wings_in(
        &self,
        cands: &mut CandGrid,
        at: impl Fn(usize, usize) -> (usize, usize),
    ) -> bool {
        let n = self.n;
        let mut progress = false;
        for v in 1..=n as u8 {
            // The positions of `v` along each line that holds it twice.
            let places = |cands: &CandGrid, line: usize| {
                (0..n).fold(0u16, |m, k| {
                    let (r, c) = at(line, k);
                    m | u16::from(cands[r][c].has(v)) << k
                })
            };
            let lines: Vec<(usize, u16)> = (0..n)
                .map(|line| (line, places(cands, line)))
                .filter(|&(_, m)| m.count_ones() == 2)
                .collect();
            if lines.len() < 2 {
                continue;
            }
            for i in 0..lines.len() {
                for j in i + 1..lines.len() {
                    if lines[i].1 != lines[j].1 {
                        continue;
                    }
                    for k in (0..n).filter(|&k| lines[i].1 >> k & 1 == 1) {
                        for line in 0..n {
                            if line != lines[i].0 && line != lines[j].0 {
                                let (r, c) = at(line, k);
                                progress |= cands[r][c].discard(v);
                            }
                        }
                    }
                }
            }
        }
        progress
    }

    /// `_solve`: the rules, then the first empty cell's candidates in
    /// ascending order, recursively. Whether it returns a grid (which, the
    /// rules being unsound, need not be a solution, and may be missing when
    /// there is one) is all `_remove_clues` asks of it.
    fn solve(&self, grid: &Grid) -> bool {
        budget::check();
        let n = self.n;
        let (mut g, cands) = self.solve_logical(grid);
        let Some((r, c)) = (0..n)
            .flat_map(|r| (0..n).map(move |c| (r, c)))
            .find(|&(r, c)| g[r][c] == 0)
        else {
            return true;
        };
        // `_is_valid` checks every sign between filled cells; those away from
        // (r, c) are the same for every value tried there.
        let broken = self.constraints.iter().any(|k| {
            let (va, vb) = (g[k.a.0][k.a.1], g[k.b.0][k.b.1]);
            va != 0 && vb != 0 && !k.holds(va, vb)
        });
        for val in 1..=n as u8 {
            if cands[r][c].has(val) && !broken && self.is_valid_here(&g, r, c, val) {
                g[r][c] = val;
                if self.solve(&g) {
                    return true;
                }
                g[r][c] = 0;
            }
        }
        false
    }

    /// `_is_valid` for the signs at `(r, c)` only (the caller checks the
    /// others): `val` is new to the row and column, and every sign between
    /// it and a filled neighbour holds.
    fn is_valid_here(&self, g: &Grid, r: usize, c: usize, val: u8) -> bool {
        let n = self.n;
        if g[r][..n].contains(&val) || (0..n).any(|rr| g[rr][c] == val) {
            return false;
        }
        self.at_cell[r][c].iter().all(|&i| {
            let k = &self.constraints[i];
            let value = |cell: (usize, usize)| {
                if cell == (r, c) {
                    val
                } else {
                    g[cell.0][cell.1]
                }
            };
            let (va, vb) = (value(k.a), value(k.b));
            va == 0 || vb == 0 || k.holds(va, vb)
        })
    }

    /// `count_solutions(grid, limit=2)`: the number of completions, up to 2.
    /// The reference backtracks in row-major order; only the count matters,
    /// so this searches the most constrained cell first. `grid` must obey
    /// every rule (it is always part of the solution).
    fn count_solutions(&self, grid: &Grid) -> u32 {
        let n = self.n;
        let mut s = Search {
            board: self,
            g: *grid,
            rows: [0; MAX_SIZE],
            cols: [0; MAX_SIZE],
            found: 0,
        };
        for (r, row) in grid[..n].iter().enumerate() {
            for (c, &v) in row[..n].iter().enumerate().filter(|&(_, &v)| v != 0) {
                s.rows[r] |= 1 << v;
                s.cols[c] |= 1 << v;
            }
        }
        s.run();
        s.found
    }
}

/// `_eliminate_by_constraint`: a placed smaller side leaves the greater side
/// only larger values, and the other way round.
fn eliminate_by_constraint(
    g: &Grid,
    cands: &mut CandGrid,
    (rl, cl): (usize, usize),
    (rg, cg): (usize, usize),
) -> bool {
    let mut progress = false;
    let low = g[rl][cl];
    if low != 0 {
        // Values 0..=low.
        let drop = (2u16 << low) - 1;
        progress |= cands[rg][cg].bits & drop != 0;
        cands[rg][cg].bits &= !drop;
    }
    let high = g[rg][cg];
    if high != 0 {
        // Values high.. and up.
        let drop = !((1u16 << high) - 1);
        progress |= cands[rl][cl].bits & drop != 0;
        cands[rl][cl].bits &= !drop;
    }
    progress
}

/// The state of [`Board::count_solutions`]' search.
struct Search<'a> {
    board: &'a Board,
    g: Grid,
    /// The values used in each row and column, as bits.
    rows: [u16; MAX_SIZE],
    cols: [u16; MAX_SIZE],
    found: u32,
}

impl Search<'_> {
    /// The values `(r, c)` can take: new to its row and column, and obeying
    /// the signs to its filled neighbours.
    fn allowed(&self, r: usize, c: usize) -> u16 {
        let n = self.board.n;
        let mut m = (((1u16 << n) - 1) << 1) & !self.rows[r] & !self.cols[c];
        for &i in &self.board.at_cell[r][c] {
            let k = &self.board.constraints[i];
            let (other, here_first) = if k.a == (r, c) {
                (k.b, true)
            } else {
                (k.a, false)
            };
            let w = self.g[other.0][other.1];
            if w == 0 {
                continue;
            }
            // This cell must be below `w` when it is the smaller side.
            let below = k.less == here_first;
            m &= if below {
                (1u16 << w) - 1
            } else {
                !((2u16 << w) - 1)
            };
        }
        m
    }

    fn run(&mut self) {
        budget::check();
        let n = self.board.n;
        let mut best: Option<(usize, usize, u16)> = None;
        for r in 0..n {
            for c in 0..n {
                if self.g[r][c] != 0 {
                    continue;
                }
                let m = self.allowed(r, c);
                if best.is_none_or(|(_, _, b)| m.count_ones() < b.count_ones()) {
                    best = Some((r, c, m));
                    if m.count_ones() <= 1 {
                        break;
                    }
                }
            }
            if best.is_some_and(|(_, _, b)| b.count_ones() <= 1) {
                break;
            }
        }
        let Some((r, c, mut m)) = best else {
            self.found += 1;
            return;
        };
        while m != 0 && self.found < 2 {
            let v = m.trailing_zeros() as u8;
            m &= m - 1;
            self.g[r][c] = v;
            self.rows[r] |= 1 << v;
            self.cols[c] |= 1 << v;
            self.run();
            self.rows[r] &= !(1 << v);
            self.cols[c] &= !(1 << v);
        }
        self.g[r][c] = 0;
    }
}

impl Futoshiki {
    /// `_generate_random_solution`: row by row, the first permutation (in
    /// `itertools.permutations` order) of a freshly shuffled 1..n that clashes
    /// with no column. A Latin rectangle always extends by a row, so the
    /// reference's backtracking never goes back: one shuffle per row.
    fn generate_random_solution(n: usize, rng: &mut Random) -> Result<Grid> {
        let mut g = [[0u8; MAX_SIZE]; MAX_SIZE];
        let mut cols = [0u16; MAX_SIZE];
        for grid_row in &mut g[..n] {
            let mut nums: Vec<u8> = (1..=n as u8).collect();
            rng.shuffle(&mut nums);
            if !first_permutation(&nums, &cols, 0, 0, grid_row) {
                return Err(DatasetError::Generation(
                    "Could not generate a random solution.".into(),
                ));
            }
            for (col, &v) in cols.iter_mut().zip(&grid_row[..n]) {
                *col |= 1 << v;
            }
        }
        Ok(g)
    }

    /// `_generate_random_constraints`: each right and lower neighbour gets,
    /// with probability `0.03 + 0.07 * difficulty`, the sign the solution shows.
    fn generate_random_constraints(
        solution: &Grid,
        n: usize,
        difficulty: i64,
        rng: &mut Random,
    ) -> Vec<Constraint> {
        let base_prob = 0.03 + 0.07 * difficulty as f64;
        let mut out = Vec::new();
        let sign = |a: (usize, usize), b: (usize, usize)| Constraint {
            a,
            b,
            less: solution[a.0][a.1] < solution[b.0][b.1],
        };
        for r in 0..n {
            for c in 0..n {
                if c < n - 1 && rng.random() < base_prob {
                    out.push(sign((r, c), (r, c + 1)));
                }
                if r < n - 1 && rng.random() < base_prob {
                    out.push(sign((r, c), (r + 1, c)));
                }
            }
        }
        out
    }

    /// `_remove_clues`: in a shuffled order, empty each cell the puzzle stays
    /// solvable (by `_solve`) and unique (by `count_solutions`) without,
    /// until a tenth of the cells are left; a second shuffled pass if more
    /// than twice that remain.
    fn remove_clues(board: &Board, mut grid: Grid, rng: &mut Random) -> Grid {
        let n = board.n;
        let target_filled = (0.1 * (n * n) as f64) as usize;
        let mut coords: Vec<(usize, usize)> =
            (0..n).flat_map(|r| (0..n).map(move |c| (r, c))).collect();
        rng.shuffle(&mut coords);
        let filled = |g: &Grid| {
            g[..n]
                .iter()
                .map(|row| row[..n].iter().filter(|&&v| v != 0).count())
                .sum::<usize>()
        };
        let try_remove = |grid: &mut Grid, coords: &[(usize, usize)]| {
            for &(r, c) in coords {
                if filled(grid) <= target_filled {
                    break;
                }
                let saved = grid[r][c];
                if saved == 0 {
                    continue;
                }
                grid[r][c] = 0;
                // The reference asks `_solve` first and `count_solutions`
                // second; both only read the grid, so the cheap count goes
                // first.
                if board.count_solutions(grid) > 1 || !board.solve(grid) {
                    grid[r][c] = saved;
                }
            }
        };
        try_remove(&mut grid, &coords);
        if filled(&grid) > 2 * target_filled {
            rng.shuffle(&mut coords);
            try_remove(&mut grid, &coords);
        }
        grid
    }
}

/// The first arrangement of `nums`, in `itertools.permutations` order, that
/// puts no value in a column already holding it (`cols[c]`, as bits), from
/// position `at` on with the `used` indices taken; written to `row`.
fn first_permutation(nums: &[u8], cols: &[u16], at: usize, used: u16, row: &mut [u8]) -> bool {
    if at == nums.len() {
        return true;
    }
    budget::check();
    for (i, &v) in nums.iter().enumerate() {
        if used >> i & 1 == 0 && cols[at] >> v & 1 == 0 {
            row[at] = v;
            if first_permutation(nums, cols, at + 1, used | 1 << i, row) {
                return true;
            }
        }
    }
    false
}

/// `_puzzle_to_string`: rows of cells with the horizontal signs between, and
/// under each row but the last a line of the vertical signs.
fn puzzle_to_string(grid: &Grid, n: usize, constraints: &[Constraint]) -> String {
    let mut horizontal = [[" "; MAX_SIZE]; MAX_SIZE];
    let mut vertical = [[" "; MAX_SIZE]; MAX_SIZE];
    for k in constraints {
        let (r, c) = k.a;
        if k.a.0 == k.b.0 {
            horizontal[r][c] = k.symbol();
        } else {
            vertical[r][c] = k.symbol();
        }
    }
    let mut lines = Vec::with_capacity(2 * n);
    for r in 0..n {
        let mut cells = Vec::with_capacity(2 * n);
        for c in 0..n {
            cells.push(match grid[r][c] {
                0 => "_".to_string(),
                v => v.to_string(),
            });
            if c < n - 1 {
                cells.push(horizontal[r][c].to_string());
            }
        }
        lines.push(cells.join(" "));
        if r < n - 1 {
            // Each sign under its cell, with a blank column's worth between.
            lines.push(vertical[r][..n].join("   "));
        }
    }
    lines.join("\n")
}

fn rows_json(grid: &Grid, n: usize) -> Value {
    json!(grid[..n].iter().map(|row| &row[..n]).collect::<Vec<_>>())
}

impl Dataset for Futoshiki {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let board_size = rng.randint(self.min_board_size, self.max_board_size)?;
        let difficulty = rng.randint(self.min_difficulty, self.max_difficulty)?;
        // 4 <= board_size <= 9: validated at build.
        let n = board_size as usize;

        let solution = Self::generate_random_solution(n, &mut rng)?;
        let constraints = Self::generate_random_constraints(&solution, n, difficulty, &mut rng);
        let board = Board::new(n, constraints);
        let puzzle = Self::remove_clues(&board, solution, &mut rng);

        let puzzle_str = puzzle_to_string(&puzzle, n, &board.constraints);
        let solution_str = puzzle_to_string(&solution, n, &board.constraints);
        let question = format!(
            "Solve the following {board_size}x{board_size} Futoshiki puzzle:\n\n{puzzle_str}\n\n\
             Ensure your answer follows the same format as the puzzle above, just replace blanks (_) with the correct value for the cell.\n\
             Use < and > for horizontal constraints. Use \u{2227} and \u{2228} for vertical constraints.\n\
             Remember, in Futoshiki each row and column must contain each number from 1 to {board_size} exactly once."
        );
        let constraints_meta: Vec<Value> = board
            .constraints
            .iter()
            .map(|k| json!([k.a.0, k.a.1, k.b.0, k.b.1, k.sign()]))
            .collect();
        Ok(Item {
            question,
            answer: solution_str,
            metadata: meta! {
                "puzzle" => rows_json(&puzzle, n),
                "constraints" => constraints_meta,
                "solution" => rows_json(&solution, n),
                "board_size" => board_size,
                "difficulty_rating" => difficulty,
                "difficulty" => json!({
                    "board_size": [self.min_board_size, self.max_board_size],
                    "difficulty": [self.min_difficulty, self.max_difficulty],
                }),
            },
        })
    }

    /// The reference's `score_answer` is sudoku's but for an empty answer,
    /// which both score 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score_sudoku(answer, item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, dataset, refused};
    use std::time::Instant;

    /// `list(set(pair))` as CPython 3.11 prints it.
    #[test]
    fn pair_sets_iterate_in_cpython_order() {
        let cases = [
            ((1, 8), [8, 1]),
            ((8, 1), [8, 1]),
            ((9, 1), [9, 1]),
            ((1, 9), [1, 9]),
            ((9, 5), [9, 5]),
            ((5, 9), [9, 5]),
            ((8, 9), [8, 9]),
            ((9, 8), [8, 9]),
            ((8, 2), [8, 2]),
            ((3, 2), [2, 3]),
        ];
        for (pair, order) in cases {
            assert_eq!(
                Cands::from_pair(pair).ordered().as_slice(),
                order,
                "{pair:?}"
            );
        }
        assert_eq!(
            Cands::full(9).ordered().as_slice(),
            [1, 2, 3, 4, 5, 6, 7, 8, 9]
        );
    }

    #[test]
    fn pair_index_follows_permutations_order() {
        let values = Cands::full(5).ordered();
        for (i, pair) in values.pairs().enumerate() {
            assert_eq!(values.pair_index(pair), Some(i));
        }
        assert_eq!(values.pairs().count(), 20);
        assert_eq!(values.pair_index((1, 7)), None);
    }

    fn grid(rows: &[&[u8]]) -> Grid {
        let mut g = [[0; MAX_SIZE]; MAX_SIZE];
        for (r, row) in rows.iter().enumerate() {
            g[r][..row.len()].copy_from_slice(row);
        }
        g
    }

    #[test]
    fn count_solutions_stops_at_two() {
        let free = Board::new(4, Vec::new());
        assert_eq!(free.count_solutions(&grid(&[])), 2);
        let square = grid(&[&[1, 2, 3, 4], &[2, 1, 4, 3], &[3, 4, 1, 2], &[4, 3, 2, 1]]);
        assert_eq!(free.count_solutions(&square), 1);
        assert!(free.solve(&square));
        // A sign the full square breaks leaves nothing to count.
        let wrong = Board::new(
            4,
            vec![Constraint {
                a: (0, 0),
                b: (0, 1),
                less: false,
            }],
        );
        let mut open = square;
        open[0][0] = 0;
        assert_eq!(wrong.count_solutions(&open), 0);
    }

    #[test]
    fn items_are_latin_squares_with_one_solution() {
        let ds = dataset(&INFO, json!({"min_board_size": 4, "max_board_size": 7}));
        for idx in 0..20 {
            let item = ds.get(idx).unwrap();
            let rows = |k: &str| -> Vec<Vec<u8>> {
                serde_json::from_value(item.metadata[k].clone()).unwrap()
            };
            let (puzzle, solution) = (rows("puzzle"), rows("solution"));
            let n = solution.len();
            for i in 0..n {
                let mut row: Vec<u8> = solution[i].clone();
                let mut col: Vec<u8> = solution.iter().map(|r| r[i]).collect();
                row.sort_unstable();
                col.sort_unstable();
                assert_eq!(row, (1..=n as u8).collect::<Vec<_>>());
                assert_eq!(col, row);
            }
            let constraints: Vec<Constraint> = item.metadata["constraints"]
                .as_array()
                .unwrap()
                .iter()
                .map(|k| {
                    let at = |i: usize| k[i].as_u64().unwrap() as usize;
                    Constraint {
                        a: (at(0), at(1)),
                        b: (at(2), at(3)),
                        less: k[4] == "<",
                    }
                })
                .collect();
            for k in &constraints {
                assert!(k.holds(solution[k.a.0][k.a.1], solution[k.b.0][k.b.1]));
            }
            let puzzle_rows: Vec<&[u8]> = puzzle.iter().map(Vec::as_slice).collect();
            let board = Board::new(n, constraints);
            assert_eq!(board.count_solutions(&grid(&puzzle_rows)), 1);
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        }
    }

    #[test]
    fn refuses_as_the_reference_does() {
        assert_eq!(
            refused(&INFO, json!({"min_board_size": 3})),
            "board_size must be between 4 and 9"
        );
        assert_eq!(
            refused(&INFO, json!({"min_board_size": 9, "max_board_size": 8})),
            "board_size must be between 4 and 9"
        );
        assert_eq!(
            refused(&INFO, json!({"min_difficulty": -1})),
            "difficulty must be between 0 and 3"
        );
        assert_eq!(
            refused(&INFO, json!({"min_difficulty": 4})),
            "difficulty must be between 0 and 3"
        );
    }

    #[test]
    fn boards_past_nine_are_refused_by_the_item_size_rule() {
        assert_eq!(row_permutations(9), 3_265_920);
        assert_eq!(row_permutations(10), 36_288_000);
        assert_eq!(row_permutations(i64::MAX), u128::MAX);
        for n in [10, 35, 36, 1_000_000_000, i64::MAX] {
            let msg = refused(&INFO, json!({"min_board_size": n, "max_board_size": n}));
            assert!(
                msg.starts_with("max_board_size * max_board_size! must be at most"),
                "{msg}"
            );
        }
        accepted(&INFO, json!({"min_board_size": 9, "max_board_size": 9}));
    }

    #[test]
    fn any_difficulty_signs_every_pair() {
        let ds = dataset(
            &INFO,
            json!({"min_board_size": 5, "max_board_size": 5, "min_difficulty": 1_000_000_000, "max_difficulty": 1_000_000_000}),
        );
        let item = ds.get(0).unwrap();
        assert_eq!(item.metadata["constraints"].as_array().unwrap().len(), 40);
        assert_eq!(item.metadata["difficulty_rating"], 1_000_000_000);
    }

    #[test]
    fn scores_hostile_answers_quickly() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(0).unwrap();
        // About a megabyte each: the scorer is linear in the answer.
        let wide = "123456789".repeat(1 << 17);
        let tall = "1 2 3 4 5 6 7 8 9\n".repeat(1 << 16);
        for answer in [wide, tall, "\n".repeat(1 << 20)] {
            let t = Instant::now();
            let s = ds.score(Some(&answer), &item);
            assert!((0.0..=1.0).contains(&s));
            assert!(t.elapsed().as_millis() < 500, "{:?}", t.elapsed());
        }
        assert_eq!(ds.score(Some(""), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
        let padded = item.answer.replace('\n', " \n");
        assert!(ds.score(Some(&padded), &item) < 1.0);
        // Every row's digits, the signs' lines skipped: all cells right.
        assert_eq!(ds.score(Some(&item.answer.replace(' ', "")), &item), 0.9);
    }
}
