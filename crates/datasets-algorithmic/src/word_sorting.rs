//! `word_sorting`: sort words from a public-domain text by Unicode code point.

use std::collections::BTreeSet;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

use rg_data::corpus::year_2889_words;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "word_sorting",
    category: "algorithmic",
    description: "Sort words in ascending or descending order using ASCII/Unicode ordering",
    config_class: "WordSortingConfig",
    build,
};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Transformation {
    Lowercase,
    Uppercase,
    Original,
    Randomcase,
}

impl Transformation {
    /// The `TextTransformation` member with this value. Python's `validate()`
    /// wants an enum member, which JSON cannot carry; its string value stands in.
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "lowercase" => Self::Lowercase,
            "uppercase" => Self::Uppercase,
            "original" => Self::Original,
            "randomcase" => Self::Randomcase,
            _ => return None,
        })
    }
}

struct WordSorting {
    seed: Seed,
    min_words: i64,
    max_words: i64,
    min_word_length: i64,
    max_word_length: i64,
    transformation: Transformation,
    /// `sorted(set(...))` of the text's words within the length bounds.
    words: Vec<&'static str>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_words = r.int("min_words", 3);
    let max_words = r.int("max_words", 10);
    let min_word_length = r.int("min_word_length", 3);
    let max_word_length = r.int("max_word_length", 12);
    let transformation = r.string("transformation", "original");
    let v = r.finish()?;
    v.ensure(min_words > 0, "min_words must be positive")?;
    v.ensure(min_words <= max_words, "max_words must be >= min_words")?;
    v.ensure(min_word_length > 0, "min_word_length must be positive")?;
    v.ensure(
        min_word_length <= max_word_length,
        "max_word_length must be >= min_word_length",
    )?;
    let transformation = Transformation::parse(&transformation);
    v.ensure(
        transformation.is_some(),
        "transformation must be a TextTransformation",
    )?;
    let words: BTreeSet<&'static str> = year_2889_words()
        .iter()
        .copied()
        .filter(|w| (min_word_length..=max_word_length).contains(&(w.chars().count() as i64)))
        .collect();
    v.done(WordSorting {
        seed: p.seed,
        min_words,
        max_words,
        min_word_length,
        max_word_length,
        transformation: transformation.unwrap_or(Transformation::Original),
        words: words.into_iter().collect(),
    })
}

impl WordSorting {
    fn transform(&self, word: &str, rng: &mut dataset_core::Random) -> Result<String> {
        Ok(match self.transformation {
            Transformation::Lowercase => word.to_lowercase(),
            Transformation::Uppercase => word.to_uppercase(),
            Transformation::Original => word.to_string(),
            Transformation::Randomcase => {
                let mut out = String::with_capacity(word.len());
                for c in word.chars() {
                    if *rng.choice(&[true, false])? {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                }
                out
            }
        })
    }
}

impl Dataset for WordSorting {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let count = rng.randint(self.min_words, self.max_words)?;
        let picks = rng.sample_indices(self.words.len() as u64, count as usize)?;
        let original: Vec<&str> = picks.iter().map(|&i| self.words[i as usize]).collect();
        let transformed = original
            .iter()
            .map(|w| self.transform(w, &mut rng))
            .collect::<Result<Vec<String>>>()?;
        let mut sorted = transformed.clone();
        sorted.sort();
        let is_ascending = *rng.choice(&[true, false])?;
        if !is_ascending {
            sorted.reverse();
        }
        let direction = if is_ascending {
            "ascending"
        } else {
            "descending"
        };
        let question = format!(
            "Your task is to sort words in ascending or descending order using ASCII/Unicode ordering.\n\n\
             Your output should be a comma-separated list of words, e.g. word_1, word_2, word_3\n\n\
             Now, sort these words in {direction} order (using ASCII/Unicode ordering) and return them as a comma-separated list: {}\n",
            transformed.join(", ")
        );
        let word_length = original
            .iter()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        Ok(Item {
            question,
            answer: sorted.join(", "),
            metadata: meta! {
                "original_words" => &original,
                "sorted_words" => sorted,
                "transformed_words" => transformed,
                "direction" => direction,
                "num_words" => original.len(),
                "word_length" => word_length,
                "difficulty" => json!({
                    "num_words": [self.min_words, self.max_words],
                    "word_length": [self.min_word_length, self.max_word_length],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let Some(oracle) = item.metadata.get("sorted_words").and_then(|v| v.as_array()) else {
            return 0.0;
        };
        let oracle: Vec<&str> = oracle.iter().filter_map(|w| w.as_str()).collect();
        if oracle.is_empty() {
            return 0.0;
        }
        // re.split(r",\s*", answer) then strip(): the strip removes what \s* took.
        let parsed: Vec<&str> = answer.split(',').map(pycompat::py_strip).collect();
        if parsed == oracle {
            return 1.0;
        }
        let correct = parsed.iter().zip(&oracle).filter(|(a, b)| a == b).count();
        let mut score = correct as f64 / oracle.len() as f64;
        let (mut p, mut o) = (parsed, oracle);
        p.sort_unstable();
        o.sort_unstable();
        if p == o {
            score = score.max(0.2);
        }
        score
    }
}
