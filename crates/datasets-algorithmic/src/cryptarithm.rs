//! `cryptarithm`: recover the letter-to-digit mapping of a letter-coded sum.
//!
//! The reference picks the numbers first and then codes their digits as
//! letters, so every puzzle has at least the recorded solution; the scorer
//! accepts any mapping that satisfies the puzzle.

use std::collections::{BTreeMap, BTreeSet};

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use num_bigint::BigInt;
use pycompat::{py_int, py_strip};
use serde_json::{json, Map, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "cryptarithm",
    category: "algorithmic",
    description: "Solve a letter-coded addition by mapping letters to digits",
    config_class: "CryptarithmConfig",
    build,
};

struct Cryptarithm {
    seed: Seed,
    min_words: i64,
    max_words: i64,
    allow_leading_zero: bool,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Cryptarithm {
        seed: p.seed,
        min_words: r.int("min_words", 2),
        max_words: r.int("max_words", 3),
        allow_leading_zero: r.bool("allow_leading_zero", false),
    };
    let v = r.finish()?;
    v.ensure(
        2 <= d.min_words && d.min_words <= d.max_words,
        "min_words must be <= max_words, both >= 2.",
    )?;
    v.ensure_item_size(dataset_core::config::count(d.max_words), "max_words")?;
    v.done(d)
}

impl Dataset for Cryptarithm {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n_words = rng.randint(self.min_words, self.max_words)?;
        let lengths = (0..n_words)
            .map(|_| rng.randint(3, 5))
            .collect::<Result<Vec<i64>, _>>()?;
        let mut numbers = Vec::with_capacity(lengths.len());
        for len in lengths {
            let top = 10i64.pow(len as u32) - 1;
            let low = if self.allow_leading_zero {
                0
            } else {
                10i64.pow(len as u32 - 1)
            };
            numbers.push(rng.randint(low, top)?);
        }
        let total: i128 = numbers.iter().map(|&n| i128::from(n)).sum();

        // Decimal digits are at most ten, so the reference's "more than 10
        // distinct digits" retry never fires; neither does its leading-zero
        // retry: the mapping is a bijection, so a leading letter is the zero
        // letter only if the number starts with '0', which only 0 itself does,
        // and 0 is drawn only when leading zeros are allowed (retry skipped).
        let digit_set: BTreeSet<char> = numbers
            .iter()
            .map(|n| n.to_string())
            .chain([total.to_string()])
            .flat_map(|s| s.chars().collect::<Vec<_>>())
            .collect();
        let mut digits: Vec<char> = digit_set.into_iter().collect();
        rng.shuffle(&mut digits);
        let mut letters: Vec<char> = ('A'..='Z').collect();
        rng.shuffle(&mut letters);
        let pairs: Vec<(char, char)> = digits.iter().copied().zip(letters).collect();
        let letter_of = |d: char| pairs.iter().find(|p| p.0 == d).map_or(d, |p| p.1);
        let encode = |s: String| s.chars().map(letter_of).collect::<String>();

        let words_letters: Vec<String> = numbers.iter().map(|n| encode(n.to_string())).collect();
        let result_letters = encode(total.to_string());

        let width = words_letters
            .iter()
            .chain([&result_letters])
            .map(String::len)
            .max()
            .unwrap_or(0);
        let mut lines = Vec::with_capacity(words_letters.len() + 2);
        for (i, w) in words_letters.iter().enumerate() {
            if i + 1 < words_letters.len() {
                lines.push(format!("{w:>0$}", width + 2));
            } else {
                lines.push(format!("+ {w:>width$}"));
            }
        }
        lines.push("-".repeat(width + 2));
        lines.push(format!("{result_letters:>0$}", width + 2));
        let question = format!(
            "Solve this cryptarithm:\n\n{}\n\n\
             Each letter stands for a unique digit (0-9). {}\
             Provide a comma separated mapping from letters to digits that satisfies the equation in your final answer. \
             Output format: \"A=1,B=2,C=3\" (without quotes)\n",
            lines.join("\n"),
            if self.allow_leading_zero {
                "Leading letters may be zero.\n"
            } else {
                "No leading letter can be zero.\n"
            }
        );

        let mut by_letter: Vec<(char, char)> = pairs.iter().map(|&(d, l)| (l, d)).collect();
        by_letter.sort_unstable();
        let answer = by_letter
            .iter()
            .map(|(l, d)| format!("{l}={d}"))
            .collect::<Vec<_>>()
            .join(",");

        let mut digit_to_letter = Map::new();
        let mut letter_to_digit = Map::new();
        for &(d, l) in &pairs {
            digit_to_letter.insert(d.to_string(), l.to_string().into());
            letter_to_digit.insert(l.to_string(), (d as i64 - '0' as i64).into());
        }
        let letter_list: Vec<String> = pairs.iter().map(|p| p.1.to_string()).collect();
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "allow_leading_zero" => self.allow_leading_zero,
                "letters" => letter_list,
                "word_values" => numbers,
                "sum_number" => total as i64,
                "words_letters" => words_letters,
                "result_letters" => result_letters,
                "digit_to_letter" => digit_to_letter,
                "letter_to_digit" => letter_to_digit,
                "difficulty" => json!({ "words": [self.min_words, self.max_words] }),
            },
        })
    }

    /// 1.0 for any mapping that solves the puzzle, 0.01 for a well-formed
    /// mapping that does not, 0.0 for text that is not `L=d,...`.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let Some(mapping) = parse_mapping(answer) else {
            return 0.0;
        };
        let str_list = |v: Option<&Value>| -> Option<Vec<String>> {
            v?.as_array()?
                .iter()
                .map(|x| x.as_str().map(str::to_string))
                .collect()
        };
        let Some(words) = str_list(item.metadata.get("words_letters")) else {
            return 0.0;
        };
        let Some(result) = item.metadata.get("result_letters").and_then(Value::as_str) else {
            return 0.0;
        };
        let allow_leading_zero = item
            .metadata
            .get("allow_leading_zero")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if solves(&mapping, &words, result, allow_leading_zero) {
            1.0
        } else {
            0.01
        }
    }
}

/// `{letter.strip(): int(digit.strip())}` over `answer.split(",")`, each
/// piece split on `=` into exactly two parts; `None` where Python raises.
fn parse_mapping(answer: &str) -> Option<BTreeMap<String, BigInt>> {
    let mut mapping = BTreeMap::new();
    for pair in answer.split(',') {
        let mut parts = py_strip(pair).split('=');
        let (Some(letter), Some(digit), None) = (parts.next(), parts.next(), parts.next()) else {
            return None;
        };
        mapping.insert(py_strip(letter).to_string(), py_int(digit)?);
    }
    Some(mapping)
}

/// `verify_cryptarithm_solution(...)[0]`.
fn solves(
    mapping: &BTreeMap<String, BigInt>,
    words: &[String],
    result: &str,
    allow_leading_zero: bool,
) -> bool {
    let puzzle_letters: BTreeSet<String> = words
        .iter()
        .map(String::as_str)
        .chain([result])
        .flat_map(str::chars)
        .map(String::from)
        .collect();
    if !mapping.keys().eq(puzzle_letters.iter()) {
        return false;
    }
    let mut digits: BTreeMap<char, u32> = BTreeMap::new();
    let mut seen = [false; 10];
    for (letter, value) in mapping {
        let Some(d) = u32::try_from(value).ok().filter(|&d| d <= 9) else {
            return false;
        };
        if std::mem::replace(&mut seen[d as usize], true) {
            return false;
        }
        // Keys equal the puzzle letters, so each is one character.
        if let Some(c) = letter.chars().next() {
            digits.insert(c, d);
        }
    }
    let leading = |s: &str| s.chars().next().and_then(|c| digits.get(&c).copied());
    if !allow_leading_zero
        && words
            .iter()
            .map(String::as_str)
            .chain([result])
            .any(|w| leading(w) == Some(0))
    {
        return false;
    }
    let value = |s: &str| -> Option<BigInt> {
        // int("") raises ValueError, which the reference reports as a failure.
        if s.is_empty() {
            return None;
        }
        Some(s.chars().fold(BigInt::from(0), |acc, c| {
            acc * 10u32 + digits.get(&c).copied().unwrap_or(0)
        }))
    };
    let Some(sum) = words.iter().map(|w| value(w)).sum::<Option<BigInt>>() else {
        return false;
    };
    value(result) == Some(sum)
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{dataset, refused};

    use super::*;

    #[test]
    fn own_answer_and_alternatives() {
        let ds = dataset(
            &INFO,
            json!({"seed": 7, "size": 50, "allow_leading_zero": true}),
        );
        for i in 0..50 {
            let item = ds.get(i).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            assert_eq!(ds.score(Some(" A = 1 "), &item), 0.01);
            assert_eq!(ds.score(Some("A=1,B"), &item), 0.0);
            assert_eq!(ds.score(None, &item), 0.0);
        }
    }

    #[test]
    fn bad_config() {
        refused(&INFO, json!({"seed": 1, "min_words": 1}));
    }
}
