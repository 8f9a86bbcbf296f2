//! `sentence_reordering`: restore a sentence whose words were shuffled.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{py_split, re_findall_words};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "sentence_reordering",
    category: "algorithmic",
    description: "Restore the correct order of the words of a sentence",
    config_class: "SentenceReorderingConfig",
    build,
};

struct SentenceReordering {
    seed: Seed,
    min_words_in_sentence: i64,
    max_words_in_sentence: i64,
    sentences: Vec<&'static str>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_words = r.int("min_words_in_sentence", 3);
    let max_words = r.int("max_words_in_sentence", 20);
    let v = r.finish()?;
    v.ensure(min_words > 0, "min_words_in_sentence must be positive")?;
    v.ensure(
        max_words >= min_words,
        "max_words_in_sentence must be >= min_words_in_sentence",
    )?;
    let sentences = rg_data::corpus::year_2889_sentences(min_words, max_words);
    v.done(SentenceReordering {
        seed: p.seed,
        min_words_in_sentence: min_words,
        max_words_in_sentence: max_words,
        sentences,
    })
}

impl Dataset for SentenceReordering {
    fn generate(&self, idx: u64) -> Result<Item> {
        let sentence = item_rng(&self.seed, idx).choice(&self.sentences)?;
        // The words are shuffled with a second, fresh `Random(seed + idx)`.
        let goal: Vec<&str> = py_split(sentence).collect();
        let mut scrambled = goal.clone();
        item_rng(&self.seed, idx).shuffle(&mut scrambled);
        let question = scrambled.join(" ");
        // sorted(input, key=goal.index): repeated words all sort at their first
        // occurrence, so the "solution" can differ from the sentence.
        let mut solved = scrambled;
        solved.sort_by_key(|w| goal.iter().position(|g| g == w));
        let solved = solved.join(" ");
        Ok(Item {
            question: format!(
                "Restore the correct order of words in the following sentence: {question}"
            ),
            metadata: meta! {
                "word_count" => re_findall_words(&solved).count(),
                "difficulty" => json!({
                    "words_in_sentence": [self.min_words_in_sentence, self.max_words_in_sentence],
                }),
            },
            answer: solved,
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        if answer == item.answer {
            return 1.0;
        }
        let goal: Vec<&str> = py_split(&item.answer).collect();
        let given: Vec<&str> = py_split(answer).collect();
        if goal.len() != given.len() {
            return 0.05;
        }
        if goal.is_empty() {
            // sum([]) / len([]) raises, which the scorer turns into 0.0.
            return 0.0;
        }
        let credit = goal
            .iter()
            .zip(&given)
            .filter(|(g, a)| g.to_lowercase() == a.to_lowercase())
            .count();
        credit as f64 / goal.len() as f64
    }
}
