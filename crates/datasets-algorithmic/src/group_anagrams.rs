//! `group_anagrams`: group a list of words into anagram classes.

use std::collections::HashMap;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{json_dumps, json_loads, py_lt, py_sorted_by, JsonStyle, PyValue};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "group_anagrams",
    category: "algorithmic",
    description: "Group a list of words into anagrams",
    config_class: "GroupAnagramsConfig",
    build,
};

struct GroupAnagrams {
    seed: Seed,
    min_anagram_groups: i64,
    max_anagram_groups: i64,
    min_words_per_group: i64,
    max_words_per_group: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_anagram_groups = r.int("min_anagram_groups", 2);
    let max_anagram_groups = r.int("max_anagram_groups", 10);
    let min_words_per_group = r.int("min_words_per_group", 2);
    let max_words_per_group = r.int("max_words_per_group", 5);
    let v = r.finish()?;
    v.ensure(
        2 <= min_anagram_groups && min_anagram_groups <= max_anagram_groups,
        "Invalid number of anagram groups",
    )?;
    v.ensure(
        2 <= min_words_per_group && min_words_per_group <= max_words_per_group,
        "Invalid number of words per group",
    )?;
    v.done(GroupAnagrams {
        seed: p.seed,
        min_anagram_groups,
        max_anagram_groups,
        min_words_per_group,
        max_words_per_group,
    })
}

/// Groups in order of first appearance, each sorted, then the groups sorted
/// (stably) by their first word.
fn group(words: &[String]) -> Vec<Vec<String>> {
    let mut index: HashMap<[u32; 26], usize> = HashMap::new();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for word in words {
        let mut code = [0u32; 26];
        for b in word.bytes() {
            // The word list is lower-case ASCII.
            if b.is_ascii_lowercase() {
                code[(b - b'a') as usize] += 1;
            }
        }
        let i = *index.entry(code).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[i].push(word.clone());
    }
    for g in &mut groups {
        g.sort();
    }
    groups.sort_by(|a, b| a.first().cmp(&b.first()));
    groups
}

/// The reference's `_sort_nested_list` on a parsed answer: `None` where it
/// raises (something not iterable, or a comparison between unorderable types).
fn sort_nested(value: &PyValue) -> Option<Vec<Vec<PyValue>>> {
    let mut failed = false;
    let mut lt = |a: &PyValue, b: &PyValue| {
        if failed {
            return false;
        }
        py_lt(a, b).unwrap_or_else(|_| {
            failed = true;
            false
        })
    };
    let mut keyed = Vec::new();
    for sub in value.py_iter()? {
        let sorted = py_sorted_by(&sub.py_iter()?, false, &mut lt);
        let key = sorted
            .first()
            .cloned()
            .unwrap_or(PyValue::Str(String::new()));
        keyed.push((key, sorted));
    }
    let sorted = py_sorted_by(&keyed, false, |a, b| lt(&a.0, &b.0));
    (!failed).then(|| sorted.into_iter().map(|(_, s)| s).collect())
}

impl Dataset for GroupAnagrams {
    fn generate(&self, idx: u64) -> Result<Item> {
        let sets = rg_data::corpus::anagram_sets();
        let mut rng = item_rng(&self.seed, idx);
        let num_groups = rng
            .randint(self.min_anagram_groups, self.max_anagram_groups)?
            .min(sets.len() as i64);
        let mut words: Vec<String> = Vec::new();
        for i in rng.sample_indices(sets.len() as u64, num_groups as usize)? {
            let set = &sets[i as usize];
            let num_words = rng
                .randint(self.min_words_per_group, self.max_words_per_group)?
                .min(set.len() as i64);
            words.extend(rng.sample(set, num_words as usize)?);
        }
        let solution = group(&words);
        let dumps = |v: Value| json_dumps(&v, JsonStyle::default());
        Ok(Item {
            question: format!(
                "An anagram is a word formed by rearranging the letters of a different word, using all the original letters exactly once.\n\n\
                 Your job is to group the anagrams together. You can return the answer in any order.\n\n\
                 The output is a list of lists of strings, where each outer list contains a group of anagrams, e.g. [[\"eat\", \"tea\"], [\"tan\", \"nat\"]].\n\n\
                 Group the following list of words into anagrams:\n{}\n",
                dumps(json!(words))
            ),
            answer: dumps(json!(solution)),
            metadata: meta! {
                "words" => words,
                "solution" => solution,
                "anagram_groups" => num_groups,
                "difficulty" => json!({
                    "anagram_groups": [self.min_anagram_groups, self.max_anagram_groups],
                    "words_per_group": [self.min_words_per_group, self.max_words_per_group],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let Ok(parsed) = json_loads(answer) else {
            return 0.0;
        };
        let Some(given) = sort_nested(&parsed) else {
            return 0.0;
        };
        let oracle: Option<Vec<Vec<String>>> = item
            .metadata
            .get("solution")
            .and_then(|s| serde_json::from_value(s.clone()).ok());
        let Some(mut oracle) = oracle else {
            return 0.0;
        };
        for g in &mut oracle {
            g.sort();
        }
        oracle.sort_by(|a, b| a.first().cmp(&b.first()));
        // json.dumps of the two agree exactly when the answer is the same
        // lists of the same strings.
        let same = given.len() == oracle.len()
            && given.iter().zip(&oracle).all(|(g, o)| {
                g.len() == o.len()
                    && g.iter()
                        .zip(o)
                        .all(|(x, y)| matches!(x, PyValue::Str(s) if s == y))
            });
        if same {
            1.0
        } else {
            0.01
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_parsed_answers_like_the_reference() {
        let solution = json!([["atap", "pata"], ["dewrot", "rowted"]]);
        let item = Item {
            question: String::new(),
            answer: solution.to_string(),
            metadata: meta! { "solution" => solution },
        };
        let ds = GroupAnagrams {
            seed: Seed::from(0u8),
            min_anagram_groups: 2,
            max_anagram_groups: 2,
            min_words_per_group: 2,
            max_words_per_group: 2,
        };
        // Scores from reasoning-gym 0.1.25.
        for (answer, want) in [
            (r#"[["rowted", "dewrot"], ["pata", "atap"]]"#, 1.0),
            (
                r#"[{"atap": 1, "pata": 2}, {"dewrot": 0, "rowted": 0}]"#,
                1.0,
            ),
            (r#"[["atap"], ["pata"]]"#, 0.01),
            (r#"[[1, 2], [NaN]]"#, 0.01),
            (r#"[[null]]"#, 0.01),
            (r#"[[null, null]]"#, 0.0),
            (r#"[["b"], [1]]"#, 0.0),
            (r#"[[], [1]]"#, 0.0),
            (r#""abc""#, 0.01),
            ("5", 0.0),
            ("[[", 0.0),
        ] {
            assert_eq!(ds.score(Some(answer), &item), want, "{answer}");
        }
    }
}
