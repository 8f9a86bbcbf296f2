//! `rubiks_cube`: solve a scrambled Rubik's cube shown as text.
//!
//! The cube, its moves, its rendering and (for 3x3x3) the example solution
//! are magiccube 0.3.0's (`rubik`, `rubik_solver`). There is no single
//! answer: the scorer makes the scramble and then the answer's moves on a
//! fresh cube. With `remove_ansi: false` the cube is drawn in xterm-256
//! colours, as magiccube draws it when `TERM` is `xterm-256color` (the
//! golden harness runs the reference so); without colour codes otherwise.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use pycompat::{py_int, py_isdecimal, py_split};
use serde_json::{json, Value};

use crate::rubik::{Cube, FramedCube, Move, MoveType};
use crate::rubik_solver;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "rubiks_cube",
    category: "cognition",
    description: "Solve a scrambled Rubik's cube given as text, in Singmaster notation",
    config_class: "RubiksCubeConfig",
    build,
};

const TEMPLATES: [&str; 2] = [
    "You are given a {cube_size}x{cube_size}x{cube_size} Rubik's cube. It looks like this:\n\n{cube_render} \n\nPlease provide a solution to solve this cube using Singmaster notation. Do not combine any steps, for instance, do not write 'U2', and instead write 'U U'.",
    "You see a size {cube_size} Rubik's cube arranged as follows::\n\n{cube_render} \n\nPlease provide a solution to solve this cube using Singmaster notation. Do not combine any steps, for instance, do not write 'U2', and instead write 'U U'.",
];

/// The face turns a scramble draws from, in the reference's order.
const SCRAMBLE_MOVES: [MoveType; 6] = [
    MoveType::L,
    MoveType::R,
    MoveType::D,
    MoveType::U,
    MoveType::B,
    MoveType::F,
];

struct RubiksCube {
    seed: Seed,
    min_scramble_steps: i64,
    max_scramble_steps: i64,
    cube_size: i64,
    remove_ansi: bool,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_scramble_steps = r.int("min_scramble_steps", 3);
    let max_scramble_steps = r.int("max_scramble_steps", 10);
    let cube_size = r.int("cube_size", 3);
    let remove_ansi = r.bool("remove_ansi", true);
    let v = r.finish()?;
    v.ensure(cube_size > 1, "cube_size must be greater than 1")?;
    v.ensure(cube_size < 7, "cube_size must be less than 7")?;
    v.ensure(
        min_scramble_steps > 0,
        "min_scramble_steps must be greater than 0",
    )?;
    v.ensure(
        max_scramble_steps >= min_scramble_steps,
        "max_scramble_steps must be greater than min_scramble_steps",
    )?;
    v.ensure_item_size(count(max_scramble_steps), "max_scramble_steps")?;
    v.done(RubiksCube {
        seed: p.seed,
        min_scramble_steps,
        max_scramble_steps,
        cube_size,
        remove_ansi,
    })
}

impl Dataset for RubiksCube {
    fn answer_is_none(&self) -> bool {
        true
    }

    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n = self.cube_size as usize;
        let mut cube = Cube::new(n);
        let num_steps = rng.randint(self.min_scramble_steps, self.max_scramble_steps)?;
        // `_generate_random_moves`: wide turns only on cubes past 3x3x3.
        let wide = n > 3;
        let mut scramble = Vec::with_capacity(num_steps as usize);
        for _ in 0..num_steps {
            let kind = *rng.choice(&SCRAMBLE_MOVES)?;
            let reversed = *rng.choice(&[false, true])?;
            let (wide, layer) = if wide {
                (
                    *rng.choice(&[false, true])?,
                    rng.randint(1, (n / 2) as i64)? as u64,
                )
            } else {
                (false, 1)
            };
            scramble.push(Move {
                kind,
                reversed,
                wide,
                layer,
                count: 1,
            });
        }
        cube.rotate_all(&scramble)
            .map_err(|e| DatasetError::Generation(e.0))?;
        let render = cube.render(!self.remove_ansi);
        let example = if n == 3 {
            let moves =
                rubik_solver::solve(&mut cube).map_err(|e| DatasetError::Generation(e.0))?;
            join_moves(&moves)
        } else {
            String::new()
        };
        let question = rng
            .choice(&TEMPLATES)?
            .replace("{cube_size}", &n.to_string())
            .replace("{cube_render}", &render);
        Ok(Item {
            question,
            answer: String::new(),
            metadata: meta! {
                "cube_size" => self.cube_size,
                "scramble_steps" => num_steps,
                "scramble_moves" => join_moves(&scramble),
                "example_correct_answer" => example,
                "difficulty" => json!({
                    "cube_size": self.cube_size,
                    "scramble_steps": [self.min_scramble_steps, self.max_scramble_steps],
                }),
            },
        })
    }

    /// `score_answer`: 1.0 when the answer's moves solve the scrambled cube,
    /// else 0.01 (moves magiccube refuses included); 0.0 for no answer.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let meta = &item.metadata;
        // The item's own cube size (2..=6: what a config can make).
        let Some(size) = meta
            .get("cube_size")
            .and_then(Value::as_u64)
            .filter(|n| (2..=6).contains(n))
        else {
            return 0.0;
        };
        let mut cube = Cube::new(size as usize);
        // Outside the reference's `try`: a scramble it cannot read raises.
        let scrambled = meta
            .get("scramble_moves")
            .and_then(Value::as_str)
            .is_some_and(|s| cube.rotate_str(s).is_ok());
        if !scrambled {
            return 0.0;
        }
        // Python reads every move before making any; whichever fails first,
        // the score is the same 0.01, so the moves are made as they are read.
        let mut framed = FramedCube::new(cube);
        if expand_moves(answer, |m| framed.rotate_once(m).is_ok()).is_none() {
            return 0.01;
        }
        let cube = framed.into_cube();
        // The reference's partial credit reads `cube.faces`, which magiccube's
        // `Cube` does not have: the `AttributeError` lands in its bare
        // `except`, so every unsolved cube scores 0.01.
        if cube.is_done() {
            1.0
        } else {
            0.01
        }
    }
}

fn join_moves(moves: &[Move]) -> String {
    moves
        .iter()
        .map(Move::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Past this many repeats, `[base] * n` cannot be allocated: Python raises
/// `MemoryError` at once (where it starts failing depends on the machine's
/// memory; below this rgym makes the moves as if memory sufficed).
const MAX_REPEATS: u64 = 1 << 40;

/// The moves of the reference's `expand_moves` followed by `Cube.rotate`,
/// each handed to `make` with its repeats (mod 4) as its count (a run of
/// one move as one). A word (split on whitespace)
/// is a move and a trailing number of repeats (`U3` is `U U U`); a word with
/// digits elsewhere is dropped. `None` where that raises: a move magiccube
/// does not read, or repeats past Python's int digits or past memory (then
/// `expand_moves` hands back the raw text, whose word with that number
/// `Cube.rotate` cannot read either).
fn expand_moves(answer: &str, mut make: impl FnMut(&Move) -> bool) -> Option<()> {
    let mut run: Option<Move> = None;
    for word in py_split(answer) {
        // `re.fullmatch(r"^([^\d]*)(\d*)$", move)`: `\d` is any Unicode decimal.
        let cut = word
            .char_indices()
            .find(|&(_, c)| py_isdecimal(c))
            .map_or(word.len(), |(i, _)| i);
        let (base, digits) = word.split_at(cut);
        if !digits.chars().all(py_isdecimal) {
            continue;
        }
        let repeats = if digits.is_empty() {
            1
        } else {
            let n = py_int(digits)?;
            u64::try_from(n).ok().filter(|&n| n < MAX_REPEATS)?
        };
        if repeats == 0 || base.is_empty() {
            continue;
        }
        // A base has no digits: one face, `w`, `'`, or a whole-cube or
        // middle-slice letter.
        let m = Move::parse(base)?;
        match &mut run {
            // A run of the same move is one move turned the run's total.
            Some(last) if *last == m => last.count = (last.count + repeats) % 4,
            _ => {
                if let Some(last) = run.replace(Move {
                    count: repeats % 4,
                    ..m
                }) {
                    make(&last).then_some(())?;
                }
            }
        }
    }
    match run {
        Some(last) => make(&last).then_some(()),
        None => Some(()),
    }
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{dataset, refused};
    use serde_json::json;

    use super::*;

    #[test]
    fn config_errors_in_python_order() {
        assert_eq!(
            refused(&INFO, json!({"cube_size": 7})),
            "cube_size must be less than 7"
        );
        assert_eq!(
            refused(
                &INFO,
                json!({"min_scramble_steps": 5, "max_scramble_steps": 4})
            ),
            "max_scramble_steps must be greater than min_scramble_steps"
        );
        assert!(
            refused(&INFO, json!({"max_scramble_steps": 1_000_000_000})).contains("rgym's limit")
        );
    }

    #[test]
    fn the_example_solution_solves() {
        let ds = dataset(&INFO, json!({"max_scramble_steps": 40}));
        for i in 0..50 {
            let item = ds.get(i).unwrap();
            let example = item.metadata["example_correct_answer"]
                .as_str()
                .unwrap()
                .to_string();
            assert_eq!(ds.score(Some(&example), &item), 1.0, "{i}");
        }
    }

    #[test]
    fn hostile_moves_score_quickly() {
        let ds = dataset(&INFO, json!({"cube_size": 6}));
        let item = ds.get(0).unwrap();
        let t = std::time::Instant::now();
        // Whole-cube turns only change the frame; turns about one axis
        // wait and merge; counts are taken mod 4.
        let frames = "X Y' Z ".repeat(100_000);
        let one_axis = "Rw Lw' 2R ".repeat(100_000);
        let mixed = "X Y' Z Rw ".repeat(25_000);
        let counted = format!("U{} ", "9".repeat(4000)).repeat(200);
        for a in [
            frames.as_str(),
            &one_axis,
            &mixed,
            &counted,
            "U1099511627776",
            "U1099511627775",
            "M",
        ] {
            let s = ds.score(Some(a), &item);
            assert!((0.0..=1.0).contains(&s), "{s}");
        }
        assert!(t.elapsed().as_secs() < 10);
        // Past what Python can allocate, and on an even cube, 0.01.
        assert_eq!(ds.score(Some("U1099511627776"), &item), 0.01);
        assert_eq!(ds.score(Some("M"), &item), 0.01);
        assert_eq!(ds.score(Some("U x"), &item), 0.01);
    }
}
