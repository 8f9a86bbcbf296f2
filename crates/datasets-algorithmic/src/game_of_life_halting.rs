//! `game_of_life_halting`: will a Game of Life board of isolated patterns die?
//!
//! The board is either oscillators of the configured difficulty (never halts)
//! or diagonal non-oscillators (always die), placed at random with a one-cell
//! border; the question prints it as numpy's `str()` of the int array, which
//! summarises boards of more than 1,000 cells.

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
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
        let mut occupancy = vec![false; grid_x * grid_y];
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
            let mut attempts = ATTEMPTS;
            let mut placed = false;
            while attempts > 0 && !placed {
                let i = rng.randint(1, self.grid_size_x - height as i64 - 1)? as usize;
                let j = rng.randint(1, self.grid_size_y - width as i64 - 1)? as usize;
                // The pattern plus its one-cell border, rows i-1..=i+height.
                let rows =
                    || (i - 1..=i + height).map(|x| x * grid_y + j - 1..x * grid_y + j + width + 1);
                if rows().all(|cells| !occupancy[cells].contains(&true)) {
                    for cells in rows() {
                        occupancy[cells].fill(true);
                    }
                    for (dx, row) in pattern.cells.iter().enumerate() {
                        for (dy, &c) in row.iter().enumerate() {
                            board[(i + dx) * grid_y + j + dy] = i64::from(c);
                        }
                    }
                    placed = true;
                    placed_patterns.push(Placed {
                        name: pattern.name,
                        position: [i, j],
                    });
                }
                attempts -= 1;
            }
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
