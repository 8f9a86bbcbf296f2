//! `ransom_note`: can the note be cut out of the magazine's letters?
//!
//! **Deviation from the reference, by necessity.** reasoning-gym draws letters
//! with `rng.choice(list(self.letters))` and `list(self.letters - {x})` where
//! `self.letters` is a `set`: the list's order, hence every item, depends on
//! Python's per-process string hash seed, so the reference itself is not
//! reproducible. rgym lists those sets in **sorted (alphabetical) order**,
//! making items a pure function of (config, seed, index). Every other draw
//! is the reference's, in its order. The score is the reference's.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "ransom_note",
    category: "algorithmic",
    description: "Decide whether a ransom note can be built from a magazine's letters",
    config_class: "RansomNoteConfig",
    build,
};

const QUESTION_TEMPLATE: &str = "Given two strings representing a ransom note and a magazine, return True if you can construct the ransom note using the letters in the magazine, and False otherwise.

Each letter in the magazine string can only be used once in your ransom note.

";

struct RansomNote {
    seed: Seed,
    min_note_length: i64,
    max_note_length: i64,
    min_magazine_length: i64,
    max_magazine_length: i64,
    p_solvable: f64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = RansomNote {
        seed: p.seed,
        min_note_length: r.int("min_note_length", 1),
        max_note_length: r.int("max_note_length", 10),
        min_magazine_length: r.int("min_magazine_length", 2),
        max_magazine_length: r.int("max_magazine_length", 30),
        p_solvable: r.float("p_solvable", 0.5),
    };
    let v = r.finish()?;
    v.ensure(1 <= d.min_note_length, "min_note_length must be at least 1")?;
    v.ensure(
        d.min_note_length <= d.max_note_length,
        "min_note_length must be less than or equal to max_note_length",
    )?;
    v.ensure(
        2 <= d.min_magazine_length,
        "min_magazine_length must be at least 2",
    )?;
    v.ensure(
        d.min_magazine_length <= d.max_magazine_length,
        "min_magazine_length must be less than or equal to max_magazine_length",
    )?;
    v.ensure(
        d.max_note_length < d.max_magazine_length,
        "max_note_length must be less than max_magazine_length",
    )?;
    v.ensure(
        0.0 <= d.p_solvable && d.p_solvable <= 1.0,
        "p_solvable must be between 0 and 1",
    )?;
    v.ensure_item_size(
        dataset_core::config::count(d.max_magazine_length)
            .saturating_add(dataset_core::config::count(d.max_note_length)),
        "max_magazine_length + max_note_length",
    )?;
    v.done(d)
}

/// Whether every letter of `note` is matched by a distinct letter of `magazine`.
pub(crate) fn can_construct(note: &str, magazine: &str) -> bool {
    let mut counts = std::collections::HashMap::new();
    for c in magazine.chars() {
        *counts.entry(c).or_insert(0usize) += 1;
    }
    note.chars().all(|c| match counts.get_mut(&c) {
        Some(n) if *n > 0 => {
            *n -= 1;
            true
        }
        _ => false,
    })
}

impl RansomNote {
    fn inputs(
        &self,
        rng: &mut dataset_core::Random,
        note_length: i64,
        magazine_length: i64,
        solvable: bool,
    ) -> Result<(String, String)> {
        let letters: Vec<char> = ('a'..='z').collect();
        let mut note = (0..note_length)
            .map(|_| rng.choice(&letters).copied())
            .collect::<Result<Vec<char>, _>>()?;
        let mut magazine = note.clone();
        if solvable {
            for _ in 0..magazine_length - note_length {
                magazine.push(*rng.choice(&letters)?);
            }
        } else {
            let removed = *rng.choice(&magazine)?;
            if let Some(at) = magazine.iter().position(|&c| c == removed) {
                magazine.remove(at);
            }
            let others: Vec<char> = letters.iter().copied().filter(|&c| c != removed).collect();
            for _ in 0..=magazine_length - note_length {
                magazine.push(*rng.choice(&others)?);
            }
        }
        rng.shuffle(&mut note);
        rng.shuffle(&mut magazine);
        Ok((note.into_iter().collect(), magazine.into_iter().collect()))
    }
}

impl Dataset for RansomNote {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let note_length = rng.randint(self.min_note_length, self.max_note_length)?;
        let magazine_length = rng.randint(
            note_length.max(self.min_magazine_length),
            self.max_magazine_length,
        )?;
        let solvable = rng.random() < self.p_solvable;
        let (note, magazine) = self.inputs(&mut rng, note_length, magazine_length, solvable)?;
        let answer = can_construct(&note, &magazine);
        Ok(Item {
            question: format!("{QUESTION_TEMPLATE}Ransom note: {note}\nMagazine: {magazine}\n"),
            answer: if answer { "True" } else { "False" }.to_string(),
            metadata: meta! {
                "ransom_note" => note,
                "magazine" => magazine,
                "solution" => answer,
                "solvable" => solvable,
                "note_length" => note_length,
                "magazine_length" => magazine_length,
                "difficulty" => json!({
                    "note_length": [self.min_note_length, self.max_note_length],
                    "magazine_length": [self.min_magazine_length, self.max_magazine_length],
                }),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{dataset, refused};

    use super::*;

    #[test]
    fn items_are_deterministic_and_consistent() {
        for config in [
            json!({"seed": 42, "size": 200}),
            json!({"seed": 2_147_483_659u64, "size": 200, "min_note_length": 5, "max_note_length": 40,
                   "min_magazine_length": 10, "max_magazine_length": 80, "p_solvable": 0.3}),
        ] {
            let ds = dataset(&INFO, config.clone());
            let again = dataset(&INFO, config);
            for i in 0..200 {
                let item = ds.get(i).unwrap();
                assert_eq!(item, again.get(i).unwrap());
                let m = &item.metadata;
                let note = m["ransom_note"].as_str().unwrap();
                let magazine = m["magazine"].as_str().unwrap();
                let solvable = m["solvable"].as_bool().unwrap();
                assert_eq!(note.len() as u64, m["note_length"].as_u64().unwrap());
                // The unsolvable case drops one note letter and adds one more filler.
                assert_eq!(
                    magazine.len() as u64,
                    m["magazine_length"].as_u64().unwrap()
                );
                // An unsolvable magazine lacks one copy of a note letter, so it never works.
                assert_eq!(can_construct(note, magazine), solvable);
                assert_eq!(m["solution"], m["solvable"]);
                assert_eq!(item.answer, if solvable { "True" } else { "False" });
                assert!(item
                    .question
                    .ends_with(&format!("Ransom note: {note}\nMagazine: {magazine}\n")));
                assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            }
        }
    }

    #[test]
    fn invalid_config() {
        let err = refused(&INFO, json!({"seed": 1, "max_note_length": 30}));
        assert_eq!(err, "max_note_length must be less than max_magazine_length");
    }
}
