//! `letter_counting`: count a letter's occurrences in a span of text.

use std::collections::BTreeSet;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

use crate::word_sequence_reversal::alnum_words;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "letter_counting",
    category: "algorithmic",
    description: "Count how many times a letter appears in a span of text",
    config_class: "LetterCountingConfig",
    build,
};

struct LetterCounting {
    seed: Seed,
    min_words: i64,
    max_words: i64,
    words: Vec<&'static str>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_words = r.int("min_words", 5);
    let max_words = r.int("max_words", 15);
    let v = r.finish()?;
    v.ensure(min_words > 0, "min_words must be positive")?;
    v.ensure(max_words >= min_words, "max_words must be >= min_words")?;
    v.done(LetterCounting {
        seed: p.seed,
        min_words,
        max_words,
        words: alnum_words(),
    })
}

impl Dataset for LetterCounting {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n = self.words.len() as i64;
        let span_length = rng.randint(self.min_words, self.max_words)?.min(n);
        let start = rng.randint(0, n - span_length)? as usize;
        let span = &self.words[start..start + span_length as usize];
        // Lower-cased joined (for the letters) and word by word (for the count),
        // as Python does: final-sigma casing depends on what follows.
        let mut letters: BTreeSet<char> = span.concat().to_lowercase().chars().collect();
        let lowered: Vec<String> = span.iter().map(|w| w.to_lowercase()).collect();
        if letters.is_empty() {
            letters.insert('a');
        }
        let letters: Vec<char> = letters.into_iter().collect();
        let target = *rng.choice(&letters)?;
        let count: usize = lowered
            .iter()
            .map(|w| w.chars().filter(|&c| c == target).count())
            .sum();
        Ok(Item {
            question: format!(
                "How many times does the letter \"{target}\" appear in the text: \"{}\"?",
                span.join(" ")
            ),
            answer: count.to_string(),
            metadata: meta! {
                "span_length" => span_length,
                "target_letter" => target.to_string(),
                "span" => span,
                "difficulty" => json!({
                    "words": [self.min_words, self.max_words],
                }),
            },
        })
    }
}
