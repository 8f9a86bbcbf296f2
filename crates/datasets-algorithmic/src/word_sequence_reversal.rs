//! `word_sequence_reversal`: reverse a list of words drawn from a text.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

use rg_data::corpus::year_2889_words;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "word_sequence_reversal",
    category: "algorithmic",
    description: "Reverse the order of a list of words",
    config_class: "WordSequenceReversalConfig",
    build,
};

struct WordSequenceReversal {
    seed: Seed,
    min_words: i64,
    max_words: i64,
    words: Vec<&'static str>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_words = r.int("min_words", 3);
    let max_words = r.int("max_words", 8);
    let v = r.finish()?;
    v.ensure(min_words > 0, "min_words must be positive")?;
    v.ensure(max_words >= min_words, "max_words must be >= min_words")?;
    v.done(WordSequenceReversal {
        seed: p.seed,
        min_words,
        max_words,
        words: alnum_words(),
    })
}

/// The text's words that are `isalnum()` (those without `_`).
pub(crate) fn alnum_words() -> Vec<&'static str> {
    year_2889_words()
        .iter()
        .copied()
        .filter(|w| pycompat::py_str_isalnum(w))
        .collect()
}

impl Dataset for WordSequenceReversal {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let num_words = rng
            .randint(self.min_words, self.max_words)?
            .min(self.words.len() as i64);
        let words: Vec<&str> = rng
            .sample_indices(self.words.len() as u64, num_words as usize)?
            .into_iter()
            .map(|i| self.words[i as usize])
            .collect();
        let reversed: Vec<&str> = words.iter().rev().copied().collect();
        Ok(Item {
            question: format!(
                "Solve the following problem.\n\n\
                 Provide you answer as a comma-separated list of words with a space after the comma.\n\n\
                 Reverse this list of words: {}\n",
                words.join(", ")
            ),
            answer: reversed.join(", "),
            metadata: meta! {
                "num_words" => num_words,
                "words" => words,
                "difficulty" => json!({
                    "words": [self.min_words, self.max_words],
                }),
            },
        })
    }
}
