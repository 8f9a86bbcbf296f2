//! `zebra_puzzles`: a logic-grid puzzle with a unique solution; name the
//! person in the first house.
//!
//! A port of the logic-puzzle generator reasoning-gym vendors from "Faith and
//! Fate" (Dziri et al., MIT; `sat_utils.py` by Raymond Hettinger), one
//! submodule per Python module. The reference asks pycosat for a first and a
//! second model; `sat` answers that question exactly with its own search, over
//! ten times faster than a SAT crate on the same question (measured there), so
//! items are identical and the reference's slowest config stays quick.

mod clues;
mod generate;
mod literals;
mod puzzle;
mod sat;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "zebra_puzzles",
    category: "logic",
    description: "Generates Zebra Puzzles with configurable parameters",
    config_class: "ZebraConfig",
    build,
};

struct Zebra {
    seed: Seed,
    num_people: i64,
    num_characteristics: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Zebra {
        seed: p.seed,
        num_people: r.int("num_people", 4),
        num_characteristics: r.int("num_characteristics", 4),
    };
    let v = r.finish()?;
    // These bounds are also the item-size bound: at 7 x 7 (637 candidate
    // clues) an item takes about 2 ms, the slowest of 2,000 15 ms (release).
    v.ensure(
        (2..=7).contains(&d.num_people),
        "num_people must be between 2 and 7",
    )?;
    v.ensure(
        (2..=7).contains(&d.num_characteristics),
        "num_characteristics must be between 2 and 7",
    )?;
    v.done(d)
}

impl Dataset for Zebra {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let (k, m) = (self.num_people, self.num_characteristics);
        let (instance, puzzle) = generate::generate_puzzle(&mut rng, k as usize, m as usize)?;
        let mut question = puzzle.repr(&mut rng);
        question.push('\n');
        question.push_str(&instance.question);
        question.push_str("? Provide only the name of the person as your final answer.");
        Ok(Item {
            question,
            answer: instance.answer,
            metadata: meta! {
                "difficulty" => json!({"num_people": k, "num_characteristics": m}),
            },
        })
    }

    /// Exact match after lower-casing and dropping newlines.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let norm = |s: &str| s.to_lowercase().replace('\n', "");
        match answer {
            Some(a) if norm(a) == norm(&item.answer) => 1.0,
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, dataset, refused};

    #[test]
    fn refuses_out_of_range_sizes() {
        for (people, kinds, msg) in [
            (1, 4, "num_people must be between 2 and 7"),
            (8, 4, "num_people must be between 2 and 7"),
            (1_000_000_000, 1, "num_people must be between 2 and 7"),
            (4, 1, "num_characteristics must be between 2 and 7"),
            (4, 8, "num_characteristics must be between 2 and 7"),
        ] {
            let config = json!({"num_people": people, "num_characteristics": kinds});
            assert_eq!(refused(&INFO, config), msg);
        }
        accepted(&INFO, json!({"num_people": 7, "num_characteristics": 7}));
        accepted(&INFO, json!({"num_people": 2, "num_characteristics": 2}));
    }

    #[test]
    fn scores_exact_names_only() {
        let ds = dataset(&INFO, json!({"seed": 5}));
        let item = ds.generate(0).unwrap();
        let name = item.answer.clone();
        assert_eq!(ds.score(Some(&name), &item), 1.0);
        assert_eq!(ds.score(Some(&name.to_uppercase()), &item), 1.0);
        assert_eq!(ds.score(Some(&format!("\n{name}\n")), &item), 1.0);
        assert_eq!(ds.score(Some(&format!(" {name}")), &item), 0.0);
        assert_eq!(ds.score(Some(""), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
        let huge = "x".repeat(1 << 20);
        assert_eq!(ds.score(Some(&huge), &item), 0.0);
    }

    /// The puzzle's clues pin down the answer: exactly one house-1 name is
    /// consistent with them, and it is the item's answer.
    #[test]
    fn every_puzzle_has_one_solution_and_lists_its_people() {
        for (k, m) in [(2, 2), (4, 4), (5, 3), (3, 6)] {
            let ds = dataset(
                &INFO,
                json!({"num_people": k, "num_characteristics": m, "seed": 9}),
            );
            for idx in 0..4 {
                let item = ds.generate(idx).unwrap();
                let names_line = item
                    .question
                    .lines()
                    .find(|l| l.starts_with(" - Each person has a unique name: "))
                    .unwrap();
                assert_eq!(names_line.split(", ").count(), k);
                assert!(names_line.contains(&item.answer));
                let clue_lines = item.question.lines().filter(|l| l.contains(". ")).count();
                assert!(clue_lines >= 1);
            }
        }
    }
}
