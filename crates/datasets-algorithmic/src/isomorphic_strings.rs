//! `isomorphic_strings`: decide whether two strings are isomorphic.
//!
//! **Deviation from the reference, by necessity.** reasoning-gym draws letters
//! with `rng.choice(list(self.letters))` and `list(self.letters - ...)` where
//! `self.letters` is a `set`: the list's order, hence every item, depends on
//! Python's per-process string hash seed, so the reference itself is not
//! reproducible. rgym lists those sets in **sorted (alphabetical) order**,
//! making items a pure function of (config, seed, index). Every other draw
//! (`randint`, `random`, the choice among already mapped letters in insertion
//! order) is the reference's, in its order. The score is the reference's.

use std::collections::HashMap;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "isomorphic_strings",
    category: "algorithmic",
    description: "Decide whether two strings are isomorphic",
    config_class: "IsomorphicStringsConfig",
    build,
};

const QUESTION_TEMPLATE: &str = "Two strings are isomorphic if the characters in one string can be replaced to get the second string.

All occurrences of a character must be replaced with another character while preserving the order of characters.

No two characters may map to the same character, but a character may map to itself.

Return True if the following two strings are isomorphic, or False otherwise:
";

struct IsomorphicStrings {
    seed: Seed,
    min_string_length: i64,
    max_string_length: i64,
    p_solvable: f64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = IsomorphicStrings {
        seed: p.seed,
        min_string_length: r.int("min_string_length", 2),
        max_string_length: r.int("max_string_length", 10),
        p_solvable: r.float("p_solvable", 0.5),
    };
    let v = r.finish()?;
    v.ensure(
        2 <= d.min_string_length && d.min_string_length <= d.max_string_length,
        "min_string_length must be between 2 and max_string_length",
    )?;
    v.ensure(
        0.0 <= d.p_solvable && d.p_solvable <= 1.0,
        "p_solvable must be between 0 and 1",
    )?;
    v.ensure_item_size(
        dataset_core::config::count(d.max_string_length),
        "max_string_length",
    )?;
    v.done(d)
}

/// The lowercase ASCII letters not in `taken`, in rgym's (sorted) set order.
fn letters_except(taken: impl Fn(char) -> bool) -> Vec<char> {
    ('a'..='z').filter(|&c| !taken(c)).collect()
}

/// The classic two-way mapping check, on characters.
pub(crate) fn is_isomorphic(s: &str, t: &str) -> bool {
    let (s, t): (Vec<char>, Vec<char>) = (s.chars().collect(), t.chars().collect());
    if s.len() != t.len() {
        return false;
    }
    let mut forward = HashMap::new();
    let mut backward = HashMap::new();
    s.iter()
        .zip(&t)
        .all(|(a, b)| *forward.entry(a).or_insert(b) == b && *backward.entry(b).or_insert(a) == a)
}

impl IsomorphicStrings {
    fn inputs(
        &self,
        rng: &mut dataset_core::Random,
        length: i64,
        solvable: bool,
    ) -> Result<(String, String)> {
        let all = letters_except(|_| false);
        let (mut s, mut t) = (Vec::new(), Vec::new());
        // (letter of s, letter of t) in insertion order, as the reference's dict.
        let mut mapping: Vec<(char, char)> = Vec::new();
        for _ in 1..length {
            let a = *rng.choice(&all)?;
            let b = match mapping.iter().find(|m| m.0 == a) {
                Some(&(_, b)) => b,
                None => {
                    let free = letters_except(|c| mapping.iter().any(|m| m.1 == c));
                    let b = *rng.choice(&free)?;
                    mapping.push((a, b));
                    b
                }
            };
            s.push(a);
            t.push(b);
        }
        if !solvable {
            let &(letter, image) = rng.choice(&mapping)?;
            let conflict = *rng.choice(&letters_except(|c| c == image))?;
            let at = rng.randint(0, s.len() as i64)? as usize;
            s.insert(at, letter);
            t.insert(at, conflict);
        }
        Ok((s.into_iter().collect(), t.into_iter().collect()))
    }
}

impl Dataset for IsomorphicStrings {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let string_length = rng.randint(self.min_string_length, self.max_string_length)?;
        let solvable = rng.random() < self.p_solvable;
        let (s, t) = self.inputs(&mut rng, string_length, solvable)?;
        let answer = is_isomorphic(&s, &t);
        Ok(Item {
            question: format!("{QUESTION_TEMPLATE}{s} {t}\n"),
            answer: if answer { "True" } else { "False" }.to_string(),
            metadata: meta! {
                "words" => [&s, &t],
                "solution" => answer,
                "solvable" => solvable,
                "string_length" => string_length,
                "difficulty" => json!({
                    "string_length": [self.min_string_length, self.max_string_length],
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
            json!({"seed": 4_294_967_313u64, "size": 200, "min_string_length": 20, "max_string_length": 60, "p_solvable": 0.2}),
        ] {
            let ds = dataset(&INFO, config.clone());
            let again = dataset(&INFO, config);
            for i in 0..200 {
                let item = ds.get(i).unwrap();
                assert_eq!(item, again.get(i).unwrap());
                let m = &item.metadata;
                let words = m["words"].as_array().unwrap();
                let (s, t) = (words[0].as_str().unwrap(), words[1].as_str().unwrap());
                // As in the reference, a solvable pair is one letter shorter
                // than `string_length`: the last slot is kept for the conflict.
                let solvable = m["solvable"].as_bool().unwrap();
                let n = m["string_length"].as_u64().unwrap() as usize - usize::from(solvable);
                assert_eq!((s.len(), t.len()), (n, n));
                // Solvable pairs are isomorphic; the inserted conflict breaks the rest.
                assert_eq!(m["solvable"], m["solution"]);
                assert_eq!(is_isomorphic(s, t), m["solution"].as_bool().unwrap());
                assert_eq!(
                    item.answer,
                    if is_isomorphic(s, t) { "True" } else { "False" }
                );
                assert!(item.question.ends_with(&format!("\n{s} {t}\n")));
                assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            }
        }
    }

    #[test]
    fn isomorphism_check() {
        assert!(is_isomorphic("egg", "add"));
        assert!(!is_isomorphic("foo", "bar"));
        assert!(!is_isomorphic("ab", "aa"));
        assert!(!is_isomorphic("ab", "a"));
    }

    #[test]
    fn invalid_config() {
        let err = refused(&INFO, json!({"seed": 1, "p_solvable": 1.5}));
        assert_eq!(err, "p_solvable must be between 0 and 1");
    }
}
