//! `palindrome_partitioning`: every way to cut a string into palindromes.

use std::collections::HashSet;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::{json_dumps, json_loads, HashKey, JsonStyle, PyValue};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "palindrome_partitioning",
    category: "algorithmic",
    description: "Partition a string into palindromic substrings in every possible way",
    config_class: "PalindromePartitioningConfig",
    build,
};

const QUESTION_TEMPLATE: &str = "Given a string, partition it such that every substring is a palindrome.

A palindrome is a word that reads the same backward as forward.

You may return all possible palindrome partitioning in any order.

Your output should be a list of lists, where each list represents a palindrome partition, e.g. [[\"a\",\"a\",\"b\"],[\"aa\",\"b\"]].

Partition the following string into palindromes: ";

const LOWERCASE: &[u8; 26] = b"abcdefghijklmnopqrstuvwxyz";

/// The reference recurses once per piece, and its first partition is all
/// single letters: longer strings hit Python's recursion limit (1000 frames,
/// a few of them taken by the callers).
const MAX_RECURSION: usize = 990;

struct PalindromePartitioning {
    seed: Seed,
    min_string_len: i64,
    max_string_len: i64,
    min_substring_palindrome_len: i64,
    max_substring_palindrome_len: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = PalindromePartitioning {
        seed: p.seed,
        min_string_len: r.int("min_string_len", 5),
        max_string_len: r.int("max_string_len", 15),
        min_substring_palindrome_len: r.int("min_substring_palindrome_len", 1),
        max_substring_palindrome_len: r.int("max_substring_palindrome_len", 5),
    };
    let v = r.finish()?;
    v.ensure(
        1 <= d.min_string_len,
        "Minimum string length must be at least 1",
    )?;
    v.ensure(
        d.min_string_len <= d.max_string_len,
        "Minimum string length must be less than or equal to maximum",
    )?;
    v.ensure(
        1 <= d.min_substring_palindrome_len,
        "Minimum substring palindrome length must be at least 1",
    )?;
    v.ensure(
        d.min_substring_palindrome_len <= d.max_substring_palindrome_len,
        "Minimum substring palindrome length must be less than or equal to maximum",
    )?;
    v.ensure(
        d.max_substring_palindrome_len <= d.max_string_len,
        "Maximum substring palindrome length must be less than or equal to maximum string length",
    )?;
    v.ensure_item_size(
        dataset_core::config::count(d.max_string_len),
        "max_string_len",
    )?;
    v.done(d)
}

impl PalindromePartitioning {
    /// Letters of a random palindrome of `length`: a random half, an optional
    /// middle letter, the half mirrored.
    fn palindrome(rng: &mut Random, length: i64, out: &mut String) -> Result<()> {
        let half: Vec<u8> = rng.choices(LOWERCASE, (length / 2) as usize)?;
        out.extend(half.iter().map(|&b| b as char));
        if length % 2 == 1 {
            out.push(*rng.choice(LOWERCASE)? as char);
        }
        out.extend(half.iter().rev().map(|&b| b as char));
        Ok(())
    }

    /// Palindromes of random lengths, the last one cut to fit `len`.
    fn random_string(&self, rng: &mut Random, len: i64) -> Result<String> {
        let mut out = String::new();
        while (out.len() as i64) < len {
            let drawn = rng.randint(
                self.min_substring_palindrome_len,
                self.max_substring_palindrome_len,
            )?;
            Self::palindrome(rng, drawn.min(len - out.len() as i64), &mut out)?;
        }
        Ok(out)
    }
}

/// All palindrome partitions in backtracking order, then stably sorted by
/// their first piece.
fn partitions(s: &str) -> Vec<Vec<String>> {
    let b = s.as_bytes();
    let n = b.len();
    if n == 0 {
        return Vec::new();
    }
    // is_pal[i][j]: s[i..=j] reads the same both ways.
    let mut is_pal = vec![vec![false; n]; n];
    for j in 0..n {
        for i in (0..=j).rev() {
            is_pal[i][j] = b[i] == b[j] && (j - i < 2 || is_pal[i + 1][j - 1]);
        }
    }
    let mut res = Vec::new();
    let mut current: Vec<String> = Vec::new();
    // Depth-first with an explicit stack of the next cut to try at each depth.
    let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
    while let Some(&mut (start, ref mut next)) = stack.last_mut() {
        if start >= n && *next == start {
            res.push(current.clone());
        }
        let mut advanced = false;
        while *next < n {
            let end = *next;
            *next += 1;
            if is_pal[start][end] {
                current.push(s[start..=end].to_string());
                stack.push((end + 1, end + 1));
                advanced = true;
                break;
            }
        }
        if !advanced {
            stack.pop();
            current.pop();
        }
    }
    res.sort_by(|a, b| a.first().cmp(&b.first()));
    res
}

/// `{tuple(lst) for lst in value}`; `None` where Python raises.
fn set_of_tuples(value: &PyValue) -> Option<HashSet<HashKey>> {
    value
        .py_iter()?
        .iter()
        .map(|lst| PyValue::Tuple(lst.py_iter()?).hash_key())
        .collect()
}

impl Dataset for PalindromePartitioning {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let string_len = rng.randint(self.min_string_len, self.max_string_len)?;
        let string = self.random_string(&mut rng, string_len)?;
        if string.len() > MAX_RECURSION {
            return Err(DatasetError::Generation(
                "maximum recursion depth exceeded".into(),
            ));
        }
        let solution = partitions(&string);
        let solution_json = json!(solution);
        Ok(Item {
            question: format!("{QUESTION_TEMPLATE}{string}\n"),
            answer: json_dumps(&solution_json, JsonStyle::default()),
            metadata: meta! {
                "string" => string,
                "solution" => solution_json,
                "string_len" => string_len,
                "difficulty" => json!({
                    "string_len": [self.min_string_len, self.max_string_len],
                    "substring_palindrome_len": [
                        self.min_substring_palindrome_len,
                        self.max_substring_palindrome_len,
                    ],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let Ok(parsed) = json_loads(answer) else {
            return 0.0;
        };
        let oracle = PyValue::from(item.metadata.get("solution").unwrap_or(&Value::Null));
        match (set_of_tuples(&parsed), set_of_tuples(&oracle)) {
            (Some(a), Some(o)) if a == o => 1.0,
            _ => 0.0,
        }
    }
}
