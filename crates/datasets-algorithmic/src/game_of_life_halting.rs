//! `game_of_life_halting`: will a Game of Life board of isolated patterns die?
//!
//! The board is either oscillators of the configured difficulty (never halts)
//! or diagonal non-oscillators (always die), placed at random with a one-cell
//! border; the question prints it as numpy's `str()` of the int array, which
//! summarises boards of more than 1,000 cells.

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::write_int_array_str;
use serde::Serialize;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "game_of_life_halting",
    category: "algorithmic",
    description: "Predict whether a Game of Life board of oscillators or dying patterns halts",
    config_class: "GameOfLifeHaltingConfig",
    build,
};

/// Placement tries per pattern before the reference skips it.
const ATTEMPTS: u64 = 1000;

/// A pattern of `OSCILLATORS` or `NON_OSCILLATORS`: `cells` has `size_y`
/// rows of `size_x` cells.
struct Pattern {
    name: &'static str,
    size_x: usize,
    size_y: usize,
    difficulty: i64,
    cells: &'static [&'static [u8]],
}

const fn oscillator(
    name: &'static str,
    size_x: usize,
    size_y: usize,
    difficulty: i64,
    cells: &'static [&'static [u8]],
) -> Pattern {
    Pattern {
        name,
        size_x,
        size_y,
        difficulty,
        cells,
    }
}

/// `OSCILLATORS`, from the conwaylife.com wiki as the reference lists them.
const OSCILLATORS: [Pattern; 9] = [
    oscillator("blinker", 3, 3, 1, &[&[0, 0, 0], &[1, 1, 1], &[0, 0, 0]]),
    oscillator(
        "toad",
        4,
        4,
        1,
        &[&[0, 1, 1, 0], &[1, 0, 0, 0], &[0, 0, 0, 1], &[0, 1, 1, 0]],
    ),
    oscillator(
        "clock",
        4,
        4,
        1,
        &[&[0, 0, 1, 0], &[1, 0, 1, 0], &[0, 1, 0, 1], &[0, 1, 0, 0]],
    ),
    oscillator(
        "bipole",
        5,
        5,
        1,
        &[
            &[0, 0, 0, 1, 1],
            &[0, 0, 1, 0, 1],
            &[0, 0, 0, 0, 0],
            &[1, 0, 1, 0, 0],
            &[1, 1, 0, 0, 0],
        ],
    ),
    oscillator(
        "tripole",
        6,
        6,
        1,
        &[
            &[0, 0, 0, 0, 1, 1],
            &[0, 0, 0, 1, 0, 1],
            &[0, 0, 0, 0, 0, 0],
            &[0, 1, 0, 1, 0, 0],
            &[1, 0, 0, 0, 0, 0],
            &[1, 1, 0, 0, 0, 0],
        ],
    ),
    oscillator(
        "caterer",
        6,
        9,
        2,
        &[
            &[0, 1, 1, 1, 0, 0],
            &[0, 0, 0, 0, 0, 1],
            &[1, 0, 0, 0, 0, 1],
            &[0, 0, 0, 0, 1, 0],
            &[0, 1, 1, 0, 0, 0],
            &[0, 1, 0, 0, 0, 0],
            &[0, 1, 0, 0, 0, 0],
            &[0, 1, 0, 0, 0, 0],
            &[0, 0, 0, 0, 0, 0],
        ],
    ),
    oscillator(
        "mold",
        6,
        6,
        2,
        &[
            &[0, 0, 0, 1, 1, 0],
            &[0, 0, 1, 0, 0, 1],
            &[1, 0, 0, 1, 0, 1],
            &[0, 0, 0, 0, 1, 0],
            &[1, 0, 1, 1, 0, 0],
            &[0, 1, 0, 0, 0, 0],
        ],
    ),
    oscillator(
        "pinwheel",
        12,
        12,
        2,
        &[
            &[0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0],
            &[0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0],
            &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0],
            &[1, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0],
            &[1, 1, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0],
            &[0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 1],
            &[0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1],
            &[0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0],
            &[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0],
            &[0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0],
        ],
    ),
    oscillator(
        "pentadecathlon",
        16,
        9,
        3,
        &[
            &[0; 16],
            &[0; 16],
            &[0; 16],
            &[0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0],
            &[1, 0, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1],
            &[0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0],
            &[0; 16],
            &[0; 16],
            &[0; 16],
        ],
    ),
];

const fn non_oscillator(size: usize, cells: &'static [&'static [u8]]) -> Pattern {
    // `pattern.get("name", "non-oscillator")`: these have no name.
    Pattern {
        name: "non-oscillator",
        size_x: size,
        size_y: size,
        difficulty: 0,
        cells,
    }
}

/// `NON_OSCILLATORS`: diagonals and bent diagonals that die out.
const NON_OSCILLATORS: [Pattern; 7] = [
    non_oscillator(3, &[&[1, 0, 0], &[0, 1, 0], &[0, 0, 1]]),
    non_oscillator(3, &[&[0, 0, 1], &[0, 1, 0], &[1, 0, 0]]),
    non_oscillator(3, &[&[1, 0, 0], &[0, 1, 0], &[1, 0, 0]]),
    non_oscillator(3, &[&[0, 0, 1], &[0, 1, 0], &[0, 0, 1]]),
    non_oscillator(
        4,
        &[&[1, 0, 0, 0], &[0, 1, 0, 0], &[0, 0, 1, 0], &[0, 0, 0, 1]],
    ),
    non_oscillator(
        5,
        &[
            &[1, 0, 0, 0, 0],
            &[0, 1, 0, 0, 0],
            &[0, 0, 1, 0, 0],
            &[0, 0, 0, 1, 0],
            &[0, 0, 0, 0, 1],
        ],
    ),
    non_oscillator(
        6,
        &[
            &[1, 0, 0, 0, 0, 0],
            &[0, 1, 0, 0, 0, 0],
            &[0, 0, 1, 0, 0, 0],
            &[0, 0, 0, 1, 0, 0],
            &[0, 0, 0, 0, 1, 0],
            &[0, 0, 0, 0, 0, 1],
        ],
    ),
];

struct GameOfLifeHalting {
    seed: Seed,
    grid_size_x: i64,
    grid_size_y: i64,
    difficulty: i64,
    num_oscillators: i64,
    max_simulation_steps: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = GameOfLifeHalting {
        seed: p.seed,
        grid_size_x: r.int("grid_size_x", 12),
        grid_size_y: r.int("grid_size_y", 12),
        difficulty: r.int("difficulty", 1),
        num_oscillators: r.int("num_oscillators", 5),
        max_simulation_steps: r.int("max_simulation_steps", 20),
    };
    let v = r.finish()?;
    v.ensure(
        matches!(d.difficulty, 1..=3),
        "difficulty must be one of (1, 2, 3)",
    )?;
    let min_side = match d.difficulty {
        1 => 7,
        2 => 13,
        _ => 25,
    };
    let level = d.difficulty;
    v.ensure(
        d.grid_size_x >= min_side,
        format!("grid_size_x must be gte {min_side} (difficulty {level})"),
    )?;
    v.ensure(
        d.grid_size_y >= min_side,
        format!("grid_size_y must be gte {min_side} (difficulty {level})"),
    )?;
    v.ensure_item_size(
        count(d.grid_size_x).saturating_mul(count(d.grid_size_y)),
        "grid_size_x * grid_size_y",
    )?;
    // Each pattern may take up to 1,000 placement tries.
    v.ensure_item_size(
        count(d.num_oscillators).saturating_mul(u128::from(ATTEMPTS)),
        "num_oscillators * 1000",
    )?;
    v.done(d)
}

/// The cells taken by placed patterns and their borders, as 2-D prefix
/// sums, so that "is this rectangle free?" costs four loads, however often
/// the placement loop asks it.
struct Occupancy {
    cols: usize,
    /// `sums[x * cols + y]`: taken cells in rows `< x`, columns `< y`
    /// (`rows + 1` by `cols` entries, `cols = grid_y + 1`).
    sums: Vec<u32>,
    taken: Vec<bool>,
}

impl Occupancy {
    fn new(grid_x: usize, grid_y: usize) -> Self {
        Occupancy {
            cols: grid_y + 1,
            sums: vec![0; (grid_x + 1) * (grid_y + 1)],
            taken: vec![false; grid_x * grid_y],
        }
    }

    /// Whether rows `x0..x1` by columns `y0..y1` (half-open, in the grid)
    /// are all free.
    #[inline]
    fn is_free(&self, (x0, x1): (usize, usize), (y0, y1): (usize, usize)) -> bool {
        let s = |x: usize, y: usize| self.sums[x * self.cols + y];
        s(x1, y1) + s(x0, y0) == s(x0, y1) + s(x1, y0)
    }

    /// Takes a rectangle (in the grid) and rebuilds the sums: at most once
    /// per pattern.
    fn mark(
        &mut self,
        rows: std::ops::RangeInclusive<usize>,
        cols: std::ops::RangeInclusive<usize>,
    ) {
        let grid_y = self.cols - 1;
        for x in rows {
            self.taken[x * grid_y + cols.start()..=x * grid_y + cols.end()].fill(true);
        }
        for (x, row) in self.taken.chunks_exact(grid_y).enumerate() {
            let mut run = 0;
            for (y, &t) in row.iter().enumerate() {
                run += u32::from(t);
                self.sums[(x + 1) * self.cols + y + 1] = self.sums[x * self.cols + y + 1] + run;
            }
        }
    }
}

/// The reference's placement loop: up to 1,000 tries of
/// `i = randint(1, top)`, `j = randint(1, left)`, keeping the first whose
/// pattern plus its one-cell border is free.
///
/// Why not two `randint` calls per try: on a crowded board most tries fail,
/// and `randint`'s rejection sampling (a draw is kept with odds between 1/2
/// and 1) branches at random on every 32-bit word, twice a try. Here one
/// loop reads the words, keeps or rejects each without a branch, and only
/// branches on "a try found a free spot", which is predictable. The words
/// drawn, and so the stream, are exactly `randint`'s.
fn place(
    rng: &mut Random,
    occupancy: &Occupancy,
    (top, left): (i64, i64),
    (height, width): (usize, usize),
) -> Result<Option<(usize, usize)>> {
    let bounds = match (u32::try_from(top), u32::try_from(left)) {
        (Ok(top @ 1..), Ok(left @ 1..)) => [top, left],
        // An empty range: `randint` raises on the first try, as the reference
        // does (a board too small for the pattern).
        _ => {
            rng.randint(1, top)?;
            rng.randint(1, left)?;
            // Unreachable: the item-size rule keeps sides far below 2^32.
            return Err(DatasetError::Generation("grid side past 2^32".into()));
        }
    };
    // `getrandbits(k)` for `k = n.bit_length() <= 32` is the word's top k bits.
    let [(shift_i, bound_i), (shift_j, bound_j)] = bounds.map(|n| (n.leading_zeros(), n));
    // The last kept `i` and `j` (zero-based), updated through masks: a
    // conditional store here compiles to the very branch this loop avoids.
    let (mut got_i, mut got_j) = (0u32, 0u32);
    let mut on_j = false;
    let mut tries = ATTEMPTS;
    while tries > 0 {
        let w = rng.next_u32();
        let (shift, bound) = if on_j {
            (shift_j, bound_j)
        } else {
            (shift_i, bound_i)
        };
        let r = w >> shift;
        let kept = r < bound;
        let mask_i = u32::from(kept & !on_j).wrapping_neg();
        let mask_j = u32::from(kept & on_j).wrapping_neg();
        got_i = (r & mask_i) | (got_i & !mask_i);
        got_j = (r & mask_j) | (got_j & !mask_j);
        // A try ends when its `j` is kept.
        let ended = kept & on_j;
        on_j ^= kept;
        tries -= u64::from(ended);
        let (i, j) = (got_i as usize + 1, got_j as usize + 1);
        if ended & occupancy.is_free((i - 1, i + height + 1), (j - 1, j + width + 1)) {
            return Ok(Some((i, j)));
        }
    }
    Ok(None)
}

impl Dataset for GameOfLifeHalting {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let should_oscillate = *rng.choice(&[true, false])?;
        // Both at least 7 and their product bounded at build.
        let (grid_x, grid_y) = (self.grid_size_x as usize, self.grid_size_y as usize);
        let mut board = vec![0i64; grid_x * grid_y];
        let mut occupancy = Occupancy::new(grid_x, grid_y);
        let valid_patterns: Vec<&Pattern> = if should_oscillate {
            OSCILLATORS
                .iter()
                .filter(|p| p.difficulty == self.difficulty)
                .collect()
        } else {
            NON_OSCILLATORS.iter().collect()
        };
        let mut placed_patterns: Vec<Placed> = Vec::new();
        for _ in 0..self.num_oscillators.max(0) {
            let pattern = *rng.choice(&valid_patterns)?;
            let (height, width) = (pattern.size_y, pattern.size_x);
            let top = self.grid_size_x - height as i64 - 1;
            let left = self.grid_size_y - width as i64 - 1;
            let Some((i, j)) = place(&mut rng, &occupancy, (top, left), (height, width))? else {
                // No free spot in 1,000 tries: the reference skips the pattern.
                continue;
            };
            occupancy.mark(i - 1..=i + height, j - 1..=j + width);
            for (dx, row) in pattern.cells.iter().enumerate() {
                for (dy, &c) in row.iter().enumerate() {
                    board[(i + dx) * grid_y + j + dy] = i64::from(c);
                }
            }
            placed_patterns.push(Placed {
                name: pattern.name,
                position: [i, j],
            });
        }
        let steps = self.max_simulation_steps;
        let question = &mut item.question;
        question.clear();
        question.push_str(
            "This is a 'Game of Life' grid. We consider a game halted if there are no cells \
             alive.\nWill this game halt at or before ",
        );
        question.push_str(itoa::Buffer::new().format(steps));
        question.push_str(
            " steps? Assume a Moore neighborhood and wrapping topology. If it will halt, reply \
             'True'. If it won't halt, reply 'False'.\n\nInitial board:\n",
        );
        write_int_array_str(question, &[grid_x, grid_y], &board);
        item.answer.clear();
        item.answer
            .push_str(if should_oscillate { "False" } else { "True" });
        item.metadata.set_from_serialize(&Meta {
            grid_size_x: self.grid_size_x,
            grid_size_y: self.grid_size_y,
            placed_patterns: &placed_patterns,
            simulation_steps: steps,
            should_oscillate,
            difficulty: Difficulty {
                grid_size_x: self.grid_size_x,
                grid_size_y: self.grid_size_y,
                difficulty: self.difficulty,
                num_oscillators: self.num_oscillators,
                max_simulation_steps: self.max_simulation_steps,
            },
        });
        Ok(())
    }

    /// `bool(answer) == bool(entry["answer"])`: the oracle ("True" or
    /// "False") is a non-empty string, so any non-empty answer scores 1.0 (the
    /// reference's quirk, kept).
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        match answer {
            Some(a) if a.is_empty() == item.answer.is_empty() => 1.0,
            _ => 0.0,
        }
    }
}

/// The item's metadata, fields in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    grid_size_x: i64,
    grid_size_y: i64,
    placed_patterns: &'a [Placed],
    simulation_steps: i64,
    should_oscillate: bool,
    difficulty: Difficulty,
}

/// `{"name": ..., "position": (i, j)}`.
#[derive(Serialize)]
struct Placed {
    name: &'static str,
    position: [usize; 2],
}

#[derive(Serialize)]
struct Difficulty {
    grid_size_x: i64,
    grid_size_y: i64,
    difficulty: i64,
    num_oscillators: i64,
    max_simulation_steps: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_tables_have_the_declared_sizes() {
        for p in OSCILLATORS.iter().chain(&NON_OSCILLATORS) {
            assert_eq!(p.cells.len(), p.size_y, "{}", p.name);
            assert!(
                p.cells.iter().all(|row| row.len() == p.size_x),
                "{}",
                p.name
            );
        }
    }
}
