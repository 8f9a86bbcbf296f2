//! `string_insertion`: insert a letter after each occurrence of five patterns.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{py_eval, PyValue};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "string_insertion",
    category: "algorithmic",
    description: "Insert characters into a string after substrings matching a set of patterns",
    config_class: "StringInsertionConfig",
    build,
};

const QUESTION_TEMPLATE: &str = "Given a string consisting of characters A, B, C, D, and E, your job is to insert a character according to the following pattern:
1. If there is a substring ABCD in the string, insert the character A after the substring.
2. If there is a substring BCDE in the string, insert the character B after the substring.
3. If there is a substring CDEA in the string, insert the character C after the substring.
4. If there is a substring DEAB in the string, insert the character D after the substring.
5. If there is a substring EABC in the string, insert the character E after the substring.

Once you have inserted a character, you have to skip over the substring and the inserted character and continue the search from the next character.

Your output should be a string that has been modified according to the pattern.

Given the following string, provide the answer after inserting the characters according to the pattern: ";

const VOCABULARY: [char; 5] = ['A', 'B', 'C', 'D', 'E'];

const RULES: [(&str, char); 5] = [
    ("ABCD", 'A'),
    ("BCDE", 'B'),
    ("CDEA", 'C'),
    ("DEAB", 'D'),
    ("EABC", 'E'),
];

struct StringInsertion {
    seed: Seed,
    min_string_length: i64,
    max_string_length: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = StringInsertion {
        seed: p.seed,
        min_string_length: r.int("min_string_length", 5),
        max_string_length: r.int("max_string_length", 20),
    };
    let v = r.finish()?;
    v.ensure(
        5 <= d.min_string_length,
        "Minimum string length should be at least 5",
    )?;
    v.ensure(
        d.min_string_length <= d.max_string_length,
        "Minimum string length should be less than maximum",
    )?;
    v.ensure_item_size(
        dataset_core::config::count(d.max_string_length),
        "max_string_length",
    )?;
    v.done(d)
}

/// Scans left to right; after a pattern and its inserted letter the scan
/// resumes past the pattern.
fn insert_letters(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 5 / 4);
    let mut rest = s;
    'scan: while let Some(c) = rest.chars().next() {
        for (pattern, letter) in RULES {
            if rest.starts_with(pattern) {
                out.push_str(pattern);
                out.push(letter);
                rest = &rest[pattern.len()..];
                continue 'scan;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

impl Dataset for StringInsertion {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let string_length = rng.randint(self.min_string_length, self.max_string_length)?;
        let mut string = String::new();
        for _ in 0..string_length {
            string.push(*rng.choice(&VOCABULARY)?);
        }
        let answer = insert_letters(&string);
        Ok(Item {
            question: format!("{QUESTION_TEMPLATE}{string}\n"),
            answer: answer.clone(),
            metadata: meta! {
                "string" => string,
                "solution" => answer,
                "string_length" => string_length,
                "difficulty" => json!({
                    "string_length": [self.min_string_length, self.max_string_length],
                }),
            },
        })
    }

    /// 1.0 for the exact string; 0.1 for an expression whose items (all
    /// strings) join to it, such as a list of its characters.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        if answer == item.answer {
            return 1.0;
        }
        let joined = py_eval(answer)
            .ok()
            .and_then(|v| v.py_iter())
            .and_then(|items| {
                items
                    .into_iter()
                    .map(|v| match v {
                        PyValue::Str(s) => Some(s),
                        _ => None,
                    })
                    .collect::<Option<String>>()
            });
        if joined.as_deref() == Some(item.answer.as_str()) {
            0.1
        } else {
            0.0
        }
    }
}
