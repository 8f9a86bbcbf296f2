//! `letter_jumble`: unscramble words whose letters were swapped.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use pycompat::{py_split, py_str_isalpha, py_strip};
use serde_json::{json, Value};

use rg_data::corpus::year_2889_words;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "letter_jumble",
    category: "algorithmic",
    description: "Unscramble words whose letters have been shuffled",
    config_class: "LetterJumbleConfig",
    build,
};

struct LetterJumble {
    seed: Seed,
    min_word_len: i64,
    max_word_len: i64,
    min_words: i64,
    max_words: i64,
    min_corruption_level: f64,
    max_corruption_level: f64,
    consecutive_words: bool,
    /// The corruption bounds as given: ints stay ints in the metadata.
    corruption_json: [Value; 2],
    words: Vec<&'static str>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_word_len = r.int("min_word_len", 1);
    let max_word_len = r.int("max_word_len", 64);
    let min_words = r.int("min_words", 3);
    let max_words = r.int("max_words", 20);
    let min_given = r.raw("min_corruption_level").cloned();
    let min_corruption_level = r.float("min_corruption_level", 0.1);
    let max_given = r.raw("max_corruption_level").cloned();
    let max_corruption_level = r.float("max_corruption_level", 0.9);
    let consecutive_words = r.bool("consecutive_words", true);
    let v = r.finish()?;
    v.ensure(min_word_len > 0, "min_word_len must be positive")?;
    v.ensure(
        max_word_len >= min_word_len,
        "max_word_len must be >= min_word_len",
    )?;
    v.ensure(min_words > 0, "min_words must be positive")?;
    v.ensure(max_words >= min_words, "max_words must be >= min_words")?;
    v.ensure(
        (0.0..=1.0).contains(&min_corruption_level),
        "min_corruption_level must be in [0,1]",
    )?;
    v.ensure(
        (0.0..=1.0).contains(&max_corruption_level),
        "max_corruption_level must be in [0,1]",
    )?;
    v.ensure(
        max_corruption_level >= min_corruption_level,
        "max_corruption_level must be >= min_corruption_level",
    )?;
    let words = year_2889_words()
        .iter()
        .copied()
        .filter(|w| {
            (min_word_len..=max_word_len).contains(&(w.chars().count() as i64)) && py_str_isalpha(w)
        })
        .collect();
    v.done(LetterJumble {
        seed: p.seed,
        min_word_len,
        max_word_len,
        min_words,
        max_words,
        min_corruption_level,
        max_corruption_level,
        consecutive_words,
        corruption_json: [
            as_given(min_given, min_corruption_level),
            as_given(max_given, max_corruption_level),
        ],
        words,
    })
}

fn as_given(given: Option<Value>, value: f64) -> Value {
    match given {
        Some(v @ Value::Number(_)) => v,
        _ => json!(value),
    }
}

/// Swaps `max(1, int(len * corruption_level))` random pairs of letters.
fn scramble(word: &str, corruption_level: f64, rng: &mut Random) -> Result<String> {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 2 {
        return Ok(word.to_string());
    }
    let num_swaps = ((chars.len() as f64 * corruption_level) as usize).max(1);
    for _ in 0..num_swaps {
        let picks = rng.sample_indices(chars.len() as u64, 2)?;
        chars.swap(picks[0] as usize, picks[1] as usize);
    }
    Ok(chars.into_iter().collect())
}

impl Dataset for LetterJumble {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let num_words = rng.randint(self.min_words, self.max_words)?;
        let corruption_level = rng.uniform(self.min_corruption_level, self.max_corruption_level);
        let selected: Vec<&str> = if self.consecutive_words {
            let start = rng.randint(0, self.words.len() as i64 - num_words)? as usize;
            self.words[start..start + num_words as usize].to_vec()
        } else {
            rng.sample_indices(self.words.len() as u64, num_words as usize)?
                .into_iter()
                .map(|i| self.words[i as usize])
                .collect()
        };
        let scrambled = selected
            .iter()
            .map(|w| scramble(w, corruption_level, &mut rng))
            .collect::<Result<Vec<String>>>()?;
        Ok(Item {
            question: format!(
                "Your task is to unsramble words in a sentence.\n\n\
                 For each word in a sentence, the letter may have been randomly shuffled. Your task is to unscramble the words.\n\n\
                 The order of the words in the sentence is preserved. Moreover, the style of the sentence is preserved (i.e. punctuation, capitalization, new lines, etc.).\n\n\
                 Your output should be a sentence with the words unscrambled.\n\n\
                 Now, unscramble these words: {}\n",
                scrambled.join(" ")
            ),
            answer: selected.join(" "),
            metadata: meta! {
                "num_words" => num_words,
                "corruption_level" => corruption_level,
                "scrambled_words" => scrambled,
                "original_words" => selected,
                "difficulty" => json!({
                    "word_len": [self.min_word_len, self.max_word_len],
                    "words": [self.min_words, self.max_words],
                    "corruption_level": self.corruption_json,
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let oracle = py_strip(&item.answer).to_lowercase();
        let answer = py_strip(answer).to_lowercase();
        if answer == oracle {
            return 1.0;
        }
        let expected: Vec<&str> = py_split(&oracle).collect();
        let model: Vec<&str> = py_split(&answer).collect();
        if expected.is_empty() {
            return 0.0;
        }
        let per_word = 1.0 / expected.len() as f64;
        let total = expected
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if model.get(i) == Some(w) {
                    per_word
                } else {
                    0.0
                }
            })
            .fold(0.0, |acc, s| acc + s);
        total.min(1.0)
    }
}
