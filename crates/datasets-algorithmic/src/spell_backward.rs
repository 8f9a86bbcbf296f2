//! `spell_backward`: spell a dictionary word backward.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "spell_backward",
    category: "algorithmic",
    description: "Spell a word backward",
    config_class: "SpellBackwardConfig",
    build,
};

struct SpellBackward {
    seed: Seed,
    min_word_len: i64,
    max_word_len: i64,
    words: Vec<&'static str>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_word_len = r.int("min_word_len", 3);
    let max_word_len = r.int("max_word_len", 10);
    let data_file = r.string("data_file", rg_data::WORDS3TO10);
    let v = r.finish()?;
    v.ensure(min_word_len > 0, "min_word_len must be positive")?;
    v.ensure(
        max_word_len >= min_word_len,
        "max_word_len must be >= min_word_len",
    )?;
    let text = rg_data::read_data_file(&data_file).ok_or_else(|| {
        DatasetError::InvalidConfig(format!(
            "[Errno 2] No such file or directory: '{}'",
            dataset_core::input::echo(&data_file)
        ))
    })?;
    let words = pycompat::py_splitlines(text)
        .map(pycompat::py_strip)
        .filter(|w| {
            pycompat::py_str_isalnum(w)
                && (min_word_len..=max_word_len).contains(&(w.chars().count() as i64))
        })
        .collect();
    v.done(SpellBackward {
        seed: p.seed,
        min_word_len,
        max_word_len,
        words,
    })
}

impl Dataset for SpellBackward {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let word = *rng.choice(&self.words)?;
        Ok(Item {
            question: format!("Spell this word backward (example: sun -> nus): {word}"),
            answer: word.chars().rev().collect(),
            metadata: meta! {
                "word" => word,
                "word_len" => word.chars().count(),
                "difficulty" => json!({
                    "word_len": [self.min_word_len, self.max_word_len],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let expected: Vec<char> = item.answer.to_lowercase().chars().collect();
        let answer: Vec<char> = answer.to_lowercase().chars().collect();
        if expected == answer {
            return 1.0;
        }
        // 1/len for each position, up to the shorter length, where the two agree,
        // summed in order as Python does.
        let step = 1.0 / expected.len() as f64;
        let reward = expected
            .iter()
            .zip(&answer)
            .filter(|(e, a)| e == a)
            .fold(0.0, |acc, _| acc + step);
        if reward == 1.0 {
            reward - 0.2
        } else {
            reward
        }
    }
}
