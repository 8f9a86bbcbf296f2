//! `needle_haystack`: find who did what in a long list of statements.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::py_strip;
use serde_json::json;

use crate::needle_data::{NAMES, NUM_NAMES, NUM_SUBJECTS, NUM_VERBS, SUBJECTS, VERBS};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "needle_haystack",
    category: "cognition",
    description: "Find who does what in a haystack of statements",
    config_class: "NeedleHaystackConfig",
    build,
};

/// `len(NAMES) * len(VERBS) * len(SUBJECTS)`, the number of distinct statements.
const TOTAL: u64 = (NUM_NAMES * NUM_VERBS * NUM_SUBJECTS) as u64;

struct NeedleHaystack {
    seed: Seed,
    min_num_statements: i64,
    max_num_statements: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = NeedleHaystack {
        seed: p.seed,
        min_num_statements: r.int("min_num_statements", 10),
        max_num_statements: r.int("max_num_statements", 100),
    };
    let v = r.finish()?;
    v.ensure(
        d.min_num_statements > 0,
        "min_num_statements must be greater than 0",
    )?;
    v.ensure(
        d.max_num_statements >= d.min_num_statements,
        "max_num_statements must be greater than min_num_statements",
    )?;
    v.ensure(
        d.max_num_statements < TOTAL as i64,
        format!("max_num_statements must be less than {TOTAL}"),
    )?;
    v.done(d)
}

/// The (name, verb, subject) of statement number `i` of the product.
fn triplet(i: u64) -> [&'static str; 3] {
    let per_name = (VERBS.len() * SUBJECTS.len()) as u64;
    let rest = i % per_name;
    [
        NAMES[(i / per_name) as usize],
        VERBS[(rest / SUBJECTS.len() as u64) as usize],
        SUBJECTS[(rest % SUBJECTS.len() as u64) as usize],
    ]
}

impl Dataset for NeedleHaystack {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let num_statements = rng.randint(self.min_num_statements, self.max_num_statements)?;
        let triplets: Vec<[&str; 3]> = rng
            .sample_indices(TOTAL, num_statements as usize)?
            .into_iter()
            .map(triplet)
            .collect();
        let [name, verb, subject] = *rng.choice(&triplets)?;

        let mut text = String::with_capacity(triplets.len() * 32);
        for [n, v, s] in &triplets {
            text.push_str(&format!("{n} {v} {s}. "));
        }
        let question = format!("Who {verb} {subject}? Reply only with a name.");
        Ok(Item {
            question: format!("{text}\n{question}"),
            answer: name.to_string(),
            metadata: meta! {
                "question" => question,
                "num_statements" => num_statements,
                "difficulty" => json!({
                    "num_statements": [self.min_num_statements, self.max_num_statements],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let answer = answer.replace(' ', "");
        if py_strip(&answer).to_lowercase() == py_strip(&item.answer).to_lowercase() {
            1.0
        } else {
            0.0
        }
    }
}
