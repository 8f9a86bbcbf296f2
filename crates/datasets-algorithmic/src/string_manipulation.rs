//! `string_manipulation`: rewrite a string over {a, b, c} with prioritised
//! rules until nothing applies or a state repeats.

use std::collections::HashSet;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "string_manipulation",
    category: "algorithmic",
    description: "Apply string rewriting rules until a fixed point or a repeated state",
    config_class: "StringManipulationConfig",
    build,
};

const VOCABULARY: [&str; 3] = ["a", "b", "c"];

/// A rule's rewrite, `None` when it does not apply. Strings are ASCII, so
/// byte slicing is character slicing.
type Rewrite = fn(&str) -> Option<String>;

/// The reference's rules in its order: `sample` draws from this list.
const RULES: [(&str, Rewrite); 20] = [
    ("If the string prefix is 'ab', replace it with 'ca'.", |s| {
        s.strip_prefix("ab").map(|r| format!("ca{r}"))
    }),
    ("If the string suffix is 'ac', replace it with 'cb'.", |s| {
        s.strip_suffix("ac").map(|r| format!("{r}cb"))
    }),
    (
        "If the string prefix is 'bc', delete the first two characters and append 'aa' to the end.",
        |s| s.strip_prefix("bc").map(|r| format!("{r}aa")),
    ),
    ("If the string suffix is 'bb', delete the last two characters.", |s| {
        s.strip_suffix("bb").map(str::to_string)
    }),
    (
        "If the string prefix is 'cb', replace it with 'aa' and delete the last character.",
        // `s[2:-1]` of "cb" itself is empty.
        |s| {
            s.strip_prefix("cb")
                .map(|r| format!("aa{}", &r[..r.len().saturating_sub(1)]))
        },
    ),
    (
        "If the string prefix is 'ca', replace it with 'bb' and append 'c' to the end.",
        |s| s.strip_prefix("ca").map(|r| format!("bb{r}c")),
    ),
    (
        "If the string suffix is 'cc', replace it with 'b' and prepend 'a' to the start.",
        |s| s.strip_suffix("cc").map(|r| format!("a{r}b")),
    ),
    ("If the string prefix is 'aa', remove the first character.", |s| {
        s.starts_with("aa").then(|| s[1..].to_string())
    }),
    (
        "If the string contains 'abc', replace the first occurrence with 'cab'.",
        |s| s.contains("abc").then(|| s.replacen("abc", "cab", 1)),
    ),
    (
        "If the string contains 'bca', delete the first occurrence entirely.",
        |s| s.contains("bca").then(|| s.replacen("bca", "", 1)),
    ),
    ("If the string ends with 'ba', replace it with 'ab'.", |s| {
        s.strip_suffix("ba").map(|r| format!("{r}ab"))
    }),
    ("If the string starts with 'cc', remove the first two characters.", |s| {
        s.strip_prefix("cc").map(str::to_string)
    }),
    (
        "If the string contains 'acb', replace the first occurrence with its reverse ('bca').",
        |s| s.contains("acb").then(|| s.replacen("acb", "bca", 1)),
    ),
    ("If the string ends with 'ca', remove the last character.", |s| {
        s.ends_with("ca").then(|| s[..s.len() - 1].to_string())
    }),
    ("If the string starts with 'bb', remove the second character.", |s| {
        s.strip_prefix("bb").map(|r| format!("b{r}"))
    }),
    ("If the string ends with 'aa', replace it with 'cc'.", |s| {
        s.strip_suffix("aa").map(|r| format!("{r}cc"))
    }),
    (
        "If the string contains 'ca' (not at the start), remove the first occurrence found after the first character.",
        |s| {
            let i = s.get(1..)?.find("ca")? + 1;
            Some(format!("{}{}", &s[..i], &s[i + 2..]))
        },
    ),
    (
        "If the string contains an even number of 'b's (and at least one 'b'), append 'ab' at the end.",
        |s| {
            let b = s.matches('b').count();
            (b > 0 && b % 2 == 0).then(|| format!("{s}ab"))
        },
    ),
    (
        "If the string length is greater than 15, remove the middle character.",
        |s| {
            let m = s.len() / 2;
            (s.len() > 15).then(|| format!("{}{}", &s[..m], &s[m + 1..]))
        },
    ),
    (
        "If the string starts with 'ac', replace the first two characters with 'zz'.",
        |s| s.strip_prefix("ac").map(|r| format!("zz{r}")),
    ),
];

const QUESTION_TEMPLATE: &str = "Your job is to repeatedly transform a string according to a set of rules until no further transformations can be performed, or a state is repeated.

Evaluate the following rules in order, and apply the first applicable rule to the string:
{rules}

Once you have applied a rule, repeat the process with the new string until no further transformations can be performed (i.e. the string doesn't change), or a state is repeated.
If a state is repeated, the process is terminated, and the repeated state is discarded (i.e. is not considered as the final answer) and the state before the repeated state is considered as the final answer.

Your output should be the final transformed string after applying all the rules.

Transform the following string according to the above list of rules:
{string}
";

struct StringManipulation {
    seed: Seed,
    min_string_length: i64,
    max_string_length: i64,
    min_num_rules: i64,
    max_num_rules: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = StringManipulation {
        seed: p.seed,
        min_string_length: r.int("min_string_length", 5),
        max_string_length: r.int("max_string_length", 20),
        min_num_rules: r.int("min_num_rules", 3),
        max_num_rules: r.int("max_num_rules", 8),
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
    v.ensure(
        3 <= d.min_num_rules,
        "Minimum number of rules should be at least 3",
    )?;
    v.ensure(
        d.min_num_rules <= d.max_num_rules,
        "Minimum number of rules should be less than maximum",
    )?;
    v.ensure(
        d.max_num_rules <= 20,
        "Maximum number of rules should be at most 20",
    )?;
    // The item lists every state of the string, and the number of steps
    // grows with the length.
    let length = dataset_core::config::count(d.max_string_length);
    v.ensure_item_size(length.saturating_mul(length), "max_string_length ** 2")?;
    v.done(d)
}

/// Every state from `start` to the answer: rewrite with the first rule that
/// applies until none does or the next state was already seen.
fn transforms(start: String, rules: &[usize]) -> Vec<String> {
    let mut seen = HashSet::from([start.clone()]);
    let mut states = vec![start];
    loop {
        let current = &states[states.len() - 1];
        let Some(next) = rules.iter().find_map(|&r| (RULES[r].1)(current)) else {
            break;
        };
        if !seen.insert(next.clone()) {
            break;
        }
        states.push(next);
    }
    states
}

impl Dataset for StringManipulation {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let string_length = rng.randint(self.min_string_length, self.max_string_length)?;
        let mut string = String::with_capacity(string_length as usize);
        for _ in 0..string_length {
            string.push_str(rng.choice(&VOCABULARY)?);
        }
        let num_rules = rng.randint(self.min_num_rules, self.max_num_rules)?;
        let selected: Vec<usize> = rng
            .sample_indices(RULES.len() as u64, num_rules as usize)?
            .into_iter()
            .map(|i| i as usize)
            .collect();
        let rules_text: Vec<&str> = selected.iter().map(|&i| RULES[i].0).collect();
        let rules_str = rules_text
            .iter()
            .enumerate()
            .map(|(i, rule)| format!("{}. {rule}", i + 1))
            .collect::<Vec<_>>()
            .join("\n");
        let states = transforms(string.clone(), &selected);
        let answer = states[states.len() - 1].clone();
        Ok(Item {
            question: QUESTION_TEMPLATE
                .replace("{rules}", &rules_str)
                .replace("{string}", &string),
            answer: answer.clone(),
            metadata: meta! {
                "string" => string,
                "solution" => answer,
                "states" => states,
                "selected_rules" => rules_text,
                "string_length" => string_length,
                "num_rules" => num_rules,
                "difficulty" => json!({
                    "string_length": [self.min_string_length, self.max_string_length],
                    "num_rules": [self.min_num_rules, self.max_num_rules],
                }),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(rule: usize, s: &str) -> Option<String> {
        (RULES[rule].1)(s)
    }

    #[test]
    fn rules_on_edge_strings() {
        assert_eq!(apply(4, "cb").as_deref(), Some("aa"));
        assert_eq!(apply(4, "cbab").as_deref(), Some("aaa"));
        assert_eq!(apply(13, "ca").as_deref(), Some("c"));
        assert_eq!(apply(14, "bb").as_deref(), Some("b"));
        assert_eq!(apply(16, "ca"), None);
        assert_eq!(apply(16, "acaca").as_deref(), Some("aca"));
        assert_eq!(apply(17, "bab").as_deref(), Some("babab"));
        assert_eq!(
            apply(18, "abcabcabcabcabcab").as_deref(),
            Some("abcabcababcabcab")
        );
    }
}
