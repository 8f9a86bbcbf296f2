//! `palindrome_generation`: form a palindrome from a multiset of letters.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::py_strip;
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "palindrome_generation",
    category: "algorithmic",
    description: "Form a valid palindrome from a given set of letters",
    config_class: "PalindromeConfig",
    build,
};

const ASCII_LOWERCASE: [char; 26] = [
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's',
    't', 'u', 'v', 'w', 'x', 'y', 'z',
];

struct Palindrome {
    seed: Seed,
    min_length: i64,
    max_length: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_length = r.int("min_length", 3);
    let max_length = r.int("max_length", 10);
    let v = r.finish()?;
    v.ensure(min_length >= 1, "min_length must be >= 1")?;
    v.ensure(max_length >= min_length, "max_length must be >= min_length")?;
    v.ensure_item_size(count(max_length), "max_length")?;
    v.done(Palindrome {
        seed: p.seed,
        min_length,
        max_length,
    })
}

impl Dataset for Palindrome {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let length = rng.randint(self.min_length, self.max_length)?;
        let half = rng.choices(&ASCII_LOWERCASE, (length / 2) as usize)?;
        let mut letters = half.clone();
        if length % 2 == 1 {
            letters.push(*rng.choice(&ASCII_LOWERCASE)?);
        }
        letters.extend(half.iter().rev());
        let scrambled: Vec<String> = rng
            .sample(&letters, letters.len())?
            .into_iter()
            .map(String::from)
            .collect();
        let palindrome: String = letters.iter().collect();
        Ok(Item {
            question: format!(
                "Your task is, given a list of letters, to form a valid palindrome.\n\n\
                 A palindrome is a phrase that reads the same forwards and backwards.\n\n\
                 If there are multiple possible answers, only respond with one of them. You must use all the letters provided.\n\n\
                 Your output should be a single string, with no spaces or punctuation.\n\n\
                 Now, form a valid palindrome using the following letters: {}\n",
                scrambled.join(", ")
            ),
            answer: palindrome.clone(),
            metadata: meta! {
                "letters" => scrambled,
                "generated_palindrome" => palindrome,
                "length" => length,
                "difficulty" => json!({
                    "length": [self.min_length, self.max_length],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let answer: Vec<char> = py_strip(answer).to_lowercase().chars().collect();
        if answer.iter().ne(answer.iter().rev()) {
            return 0.02;
        }
        // sorted(answer) == sorted(letters): a list of characters against a
        // list of strings, equal only if every letter is one character.
        let mut expected: Vec<&str> = item
            .metadata
            .get("letters")
            .and_then(|v| v.as_array())
            .map(|a| a.iter().filter_map(|l| l.as_str()).collect())
            .unwrap_or_default();
        expected.sort_unstable();
        let mut given: Vec<String> = answer.iter().map(|c| c.to_string()).collect();
        given.sort_unstable();
        if given != expected {
            return 0.05;
        }
        1.0
    }
}
