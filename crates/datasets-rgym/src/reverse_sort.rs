//! `reverse_sort`: sort a list of integers, decimals or words in descending order.
//!
//! Not in reasoning-gym 0.1.25: the upstream OpenEnv README lists it and its
//! composite example configures it with `min_length`/`max_length`, so rgym
//! defines it. The question follows reasoning-gym's `number_sorting`.
//!
//! Scoring (see [`score_list`]): the answer is read leniently (comma- or
//! whitespace-separated, optional brackets and quotes). The exact descending
//! sequence scores 1.0; a list of the right length scores half the fraction of
//! positions that match (so always < 0.5); anything else scores 0.0.

use std::sync::OnceLock;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "reverse_sort",
    category: "rgym",
    description: "Sort a list of numbers or words in descending order",
    config_class: "ReverseSortConfig",
    build,
};

const ITEM_TYPES: [&str; 3] = ["int", "float", "word"];

/// Lists longer than this would only make huge questions; it also bounds the
/// work one item can cost.
const MAX_LENGTH: i64 = 10_000;

/// Beyond 2^53 integers stop being exact in f64, which the scorer compares in.
const MAX_ABS_VALUE: f64 = 1e15;

/// `f"{x:.{decimals}f}"` with more digits than f64 carries is noise.
const MAX_DECIMALS: i64 = 15;

/// reasoning-gym's `words.csv` (common 3-, 4- and 5-letter words, the
/// word_ladder vocabulary), lowercased, sorted and deduplicated: all lowercase
/// ASCII, so descending order is plain byte order and the scorer can compare
/// case-insensitively. Empty only if rg-data lost the file, which `build`
/// then reports through the length check.
fn words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let text = rg_data::read_data_file(rg_data::WORDS_CSV).unwrap_or("");
        let mut words: Vec<String> = text
            .lines()
            .skip(1)
            .flat_map(|line| line.split(','))
            .map(|w| w.trim().to_ascii_lowercase())
            .filter(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemType {
    Int,
    Float,
    Word,
}

impl ItemType {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "int" => Some(ItemType::Int),
            "float" => Some(ItemType::Float),
            "word" => Some(ItemType::Word),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            ItemType::Int => "int",
            ItemType::Float => "float",
            ItemType::Word => "word",
        }
    }
}

struct ReverseSort {
    seed: Seed,
    min_length: i64,
    max_length: i64,
    min_value: f64,
    max_value: f64,
    item_type: ItemType,
    decimals: usize,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_length = r.int("min_length", 5);
    let max_length = r.int("max_length", 10);
    let min_value = r.float("min_value", 0.0);
    let max_value = r.float("max_value", 100.0);
    let item_type = r.string("item_type", "int");
    let decimals = r.int("decimals", 2);
    let v = r.finish()?;
    v.ensure(min_length > 0, "min_length must be positive")?;
    v.ensure(max_length >= min_length, "max_length must be >= min_length")?;
    v.ensure(
        max_length <= MAX_LENGTH,
        format!("max_length must be <= {MAX_LENGTH}"),
    )?;
    let item_type = ItemType::parse(&item_type).ok_or_else(|| {
        dataset_core::DatasetError::InvalidConfig(format!(
            "item_type must be one of {}, got '{}'",
            ITEM_TYPES.map(|t| format!("'{t}'")).join(", "),
            dataset_core::input::echo(&item_type)
        ))
    })?;
    v.ensure(max_value >= min_value, "max_value must be >= min_value")?;
    v.ensure(
        min_value.abs() <= MAX_ABS_VALUE && max_value.abs() <= MAX_ABS_VALUE,
        "min_value and max_value must be between -1e15 and 1e15",
    )?;
    v.ensure(decimals >= 0, "decimals must be non-negative")?;
    v.ensure(
        decimals <= MAX_DECIMALS,
        format!("decimals must be <= {MAX_DECIMALS}"),
    )?;
    if item_type == ItemType::Int {
        v.ensure(
            min_value.fract() == 0.0 && max_value.fract() == 0.0,
            "min_value and max_value must be integers when item_type is 'int'",
        )?;
    }
    if item_type == ItemType::Word {
        v.ensure(
            max_length <= words().len() as i64,
            format!(
                "max_length must be <= number of available words ({}) when item_type is 'word'",
                words().len()
            ),
        )?;
    }
    v.done(ReverseSort {
        seed: p.seed,
        min_length,
        max_length,
        min_value,
        max_value,
        item_type,
        // Bounded to 0..=MAX_DECIMALS above.
        decimals: decimals as usize,
    })
}

impl ReverseSort {
    /// A fixed decimal text; zero loses its sign so that "-0.00" and "0.00",
    /// which compare equal, never both appear and leave the order ambiguous.
    fn fixed(&self, x: f64) -> String {
        let s = pycompat::format_fixed(x, self.decimals);
        // `-0.0 == 0.0`, so this catches both signs.
        if s.parse::<f64>() == Ok(0.0) {
            pycompat::format_fixed(0.0, self.decimals)
        } else {
            s
        }
    }

    fn example(&self) -> String {
        match self.item_type {
            ItemType::Int => "9, 5, 2".to_string(),
            ItemType::Float => [9.5, 5.25, 2.0].map(|x| self.fixed(x)).join(", "),
            ItemType::Word => "pear, fig, apple".to_string(),
        }
    }

    /// The items as shown, and the same items in descending order.
    fn draw(&self, rng: &mut dataset_core::Random) -> Result<(Vec<String>, Vec<String>)> {
        let length = rng.randint(self.min_length, self.max_length)?;
        // Validated to 1..=MAX_LENGTH.
        let length = length as usize;
        match self.item_type {
            ItemType::Int => {
                // Validated integral and within ±1e15, so exact as i64.
                let (lo, hi) = (self.min_value as i64, self.max_value as i64);
                let mut values = Vec::with_capacity(length);
                for _ in 0..length {
                    values.push(rng.randint(lo, hi)?);
                }
                let shown = values.iter().map(i64::to_string).collect();
                values.sort_unstable_by(|a, b| b.cmp(a));
                Ok((shown, values.iter().map(i64::to_string).collect()))
            }
            ItemType::Float => {
                let mut items = Vec::with_capacity(length);
                for _ in 0..length {
                    let text = self.fixed(rng.uniform(self.min_value, self.max_value));
                    // Sorting by the shown (rounded) value keeps the answer
                    // consistent with what the question displays.
                    let value = text.parse::<f64>().unwrap_or(f64::NAN);
                    items.push((value, text));
                }
                let shown = items.iter().map(|(_, t)| t.clone()).collect();
                items.sort_by(|a, b| b.0.total_cmp(&a.0));
                Ok((shown, items.into_iter().map(|(_, t)| t).collect()))
            }
            ItemType::Word => {
                let picks = rng.sample_indices(words().len() as u64, length)?;
                let shown: Vec<String> =
                    picks.iter().map(|&i| words()[i as usize].clone()).collect();
                let mut sorted = shown.clone();
                sorted.sort_unstable_by(|a, b| b.cmp(a));
                Ok((shown, sorted))
            }
        }
    }

    fn value_range(&self) -> Value {
        match self.item_type {
            ItemType::Int => json!([self.min_value as i64, self.max_value as i64]),
            _ => json!([self.min_value, self.max_value]),
        }
    }
}

impl Dataset for ReverseSort {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let (shown, sorted) = self.draw(&mut rng)?;
        let what = match self.item_type {
            ItemType::Word => "words in descending (reverse alphabetical) order",
            _ => "numbers in descending order",
        };
        let noun = match self.item_type {
            ItemType::Word => "words",
            _ => "numbers",
        };
        let question = format!(
            "Sort these {what}: {}\n\n\
             Answer with the sorted {noun} separated by a comma and a space, for example: {}",
            shown.join(", "),
            self.example()
        );
        let answer = sorted.join(", ");
        let length = shown.len();
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "item_type" => self.item_type.name(),
                "original_items" => shown,
                "sorted_items" => sorted,
                "length" => length,
                "difficulty" => json!({
                    "length": [self.min_length, self.max_length],
                    "value": self.value_range(),
                    "decimals": self.decimals,
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let item_type = item
            .metadata
            .get("item_type")
            .and_then(Value::as_str)
            .and_then(ItemType::parse)
            .unwrap_or(self.item_type);
        score_list(answer, &item.answer, item_type != ItemType::Word)
    }
}

/// Answers this much longer than the oracle cannot be right; refusing them
/// early keeps a hostile answer from costing more than a linear scan.
const ANSWER_SLACK_BYTES: usize = 64 * 1024;

/// Splits a list answer: an optional surrounding `[...]`/`(...)`/`{...}`, then
/// commas if there are any, else whitespace; tokens lose surrounding quotes;
/// empty tokens (a trailing comma) are dropped.
fn split_list(s: &str) -> Vec<String> {
    let mut s = s.trim();
    for (open, close) in [('[', ']'), ('(', ')'), ('{', '}')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            s = inner.trim();
            break;
        }
    }
    let quotes: &[char] = &['\'', '"', '`'];
    let clean = |t: &str| t.trim().trim_matches(quotes).trim().to_string();
    let tokens: Vec<String> = if s.contains(',') {
        s.split(',').map(clean).collect()
    } else {
        s.split_whitespace().map(clean).collect()
    };
    tokens.into_iter().filter(|t| !t.is_empty()).collect()
}

/// Token equality: numerically for number lists (so `5.0` is `5` and `3.1` is
/// `3.10`), case-insensitively for words.
fn same_token(got: &str, want: &str, numeric: bool) -> bool {
    if numeric {
        match (got.parse::<f64>(), want.parse::<f64>()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    } else {
        got.to_lowercase() == want.to_lowercase()
    }
}

/// After the answer's label and final period go ([`crate::answer_form`]):
/// 1.0 for the exact sequence of `oracle`; `0.5 * matching_positions / n` for a
/// parseable list of the same length that is not exactly it; 0.0 otherwise
/// (missing, unparseable, wrong length, or absurdly long).
pub fn score_list(answer: Option<&str>, oracle: &str, numeric: bool) -> f64 {
    let Some(answer) = answer else { return 0.0 };
    if answer.len() > oracle.len().saturating_mul(8) + ANSWER_SLACK_BYTES {
        return 0.0;
    }
    let answer = crate::answer_form::strip(answer);
    let want = split_list(oracle);
    let got = split_list(answer);
    if want.is_empty() || got.len() != want.len() {
        return 0.0;
    }
    if numeric && got.iter().any(|t| t.parse::<f64>().is_err()) {
        return 0.0;
    }
    let matches = got
        .iter()
        .zip(&want)
        .filter(|(g, w)| same_token(g, w, numeric))
        .count();
    if matches == want.len() {
        1.0
    } else {
        0.5 * matches as f64 / want.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{dataset, refused};

    use super::*;

    #[test]
    fn word_list_is_sorted_unique_and_lowercase() {
        let w = words();
        assert_eq!(w.len(), 755 + 2671 + 5306);
        assert!(w.windows(2).all(|p| p[0] < p[1]));
        assert!(w.iter().all(|x| x.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn upstream_composite_example_config_works() {
        let ds = dataset(
            &INFO,
            json!({"seed": 42, "size": 20, "min_length": 3, "max_length": 5}),
        );
        for i in 0..20 {
            let item = ds.get(i).unwrap();
            let n = item.metadata["length"].as_u64().unwrap();
            assert!((3..=5).contains(&n));
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        }
    }

    #[test]
    fn answers_are_descending_permutations() {
        for item_type in ITEM_TYPES {
            let ds = dataset(
                &INFO,
                json!({"seed": 7, "item_type": item_type, "min_value": -50, "max_value": 50}),
            );
            for i in 0..50 {
                let item = ds.get(i).unwrap();
                let shown: Vec<String> =
                    serde_json::from_value(item.metadata["original_items"].clone()).unwrap();
                let sorted: Vec<String> =
                    serde_json::from_value(item.metadata["sorted_items"].clone()).unwrap();
                let mut a = shown.clone();
                let mut b = sorted.clone();
                a.sort();
                b.sort();
                assert_eq!(a, b, "{item_type}: not a permutation");
                for w in sorted.windows(2) {
                    let ok = match item_type {
                        "word" => w[0] >= w[1],
                        _ => w[0].parse::<f64>().unwrap() >= w[1].parse::<f64>().unwrap(),
                    };
                    assert!(ok, "{item_type}: {w:?} not descending");
                }
                assert_eq!(item.answer, sorted.join(", "));
                assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            }
        }
    }

    #[test]
    fn floats_have_fixed_decimals_and_no_negative_zero() {
        let ds = dataset(
            &INFO,
            json!({"seed": 1, "item_type": "float", "decimals": 3, "min_value": -0.001, "max_value": 0.001, "min_length": 20, "max_length": 20}),
        );
        for i in 0..20 {
            let item = ds.get(i).unwrap();
            for t in item.answer.split(", ") {
                assert_eq!(t.split_once('.').map(|(_, d)| d.len()), Some(3), "{t}");
                assert_ne!(t, "-0.000");
            }
        }
    }

    #[test]
    fn validation_messages() {
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "min_length": 0})),
            "min_length must be positive"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "min_length": 5, "max_length": 4})),
            "max_length must be >= min_length"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "max_length": 1_000_000})),
            "max_length must be <= 10000"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "item_type": "str"})),
            "item_type must be one of 'int', 'float', 'word', got 'str'"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "min_value": 3, "max_value": 2})),
            "max_value must be >= min_value"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "min_value": -1e300})),
            "min_value and max_value must be between -1e15 and 1e15"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "decimals": -1})),
            "decimals must be non-negative"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "decimals": 99})),
            "decimals must be <= 15"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "min_value": 0.5})),
            "min_value and max_value must be integers when item_type is 'int'"
        );
        assert_eq!(
            refused(
                &INFO,
                json!({"seed": 1, "item_type": "word", "max_length": 8733})
            ),
            "max_length must be <= number of available words (8732) when item_type is 'word'"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "min_length": "3"})),
            "ReverseSortConfig: min_length must be an integer"
        );
        assert_eq!(
            refused(&INFO, json!({"seed": 1, "length": 3})),
            "ReverseSortConfig.__init__() got an unexpected keyword argument 'length'"
        );
    }

    #[test]
    fn scorer_is_lenient_on_form() {
        let o = "9, 5, 2";
        for a in [
            "9, 5, 2",
            "9,5,2",
            "9 5 2",
            "[9, 5, 2]",
            "['9', '5', '2']",
            "(9, 5, 2)",
            "  9.0, 5, 2.00,\n",
            "9\n5\n2",
            "Answer: 9, 5, 2",
            "Answer: 9, 5, 2.",
            "The answer is [9, 5, 2].",
        ] {
            assert_eq!(score_list(Some(a), o, true), 1.0, "{a:?}");
        }
        // Words and decimals read the label and the final period alike.
        for a in [
            "Pear, FIG, apple",
            "Answer: pear, fig, apple.",
            "pear fig apple.",
        ] {
            assert_eq!(score_list(Some(a), "pear, fig, apple", false), 1.0, "{a:?}");
        }
        for a in ["Answer: 3.25, -1.50.", "3.25, -1.5."] {
            assert_eq!(score_list(Some(a), "3.25, -1.50", true), 1.0, "{a:?}");
        }
    }

    #[test]
    fn scorer_partial_and_wrong() {
        let o = "9, 5, 2";
        // Ascending: only the middle position matches.
        assert_eq!(score_list(Some("2, 5, 9"), o, true), 0.5 / 3.0);
        assert_eq!(score_list(Some("9, 2, 5"), o, true), 0.5 / 3.0);
        assert_eq!(score_list(Some("9, 5, 3"), o, true), 0.5 * 2.0 / 3.0);
        assert_eq!(score_list(Some("1, 1, 1"), o, true), 0.0);
        assert_eq!(score_list(Some("9, 5"), o, true), 0.0);
        assert_eq!(score_list(Some("9, 5, 2, 1"), o, true), 0.0);
        assert_eq!(score_list(Some("9, five, 2"), o, true), 0.0);
        assert_eq!(score_list(Some(""), o, true), 0.0);
        assert_eq!(score_list(Some("[]"), o, true), 0.0);
        assert_eq!(score_list(Some("garbage !@# é"), o, true), 0.0);
        assert_eq!(score_list(None, o, true), 0.0);
        assert_eq!(
            score_list(Some("apple, fig, pear"), "pear, fig, apple", false),
            0.5 / 3.0
        );
    }

    #[test]
    fn scorer_survives_hostile_input() {
        let o = "9, 5, 2";
        let huge = "9, ".repeat(1_000_000);
        assert_eq!(score_list(Some(&huge), o, true), 0.0);
        let commas = ",".repeat(100_000);
        assert_eq!(score_list(Some(&commas), o, true), 0.0);
        for a in [
            "[",
            "]",
            "[[[",
            "'",
            "\"\"",
            "nan, nan, nan",
            "inf, 5, 2",
            "1e999, 5, 2",
            "\u{0}",
        ] {
            let s = score_list(Some(a), o, true);
            assert!((0.0..1.0).contains(&s), "{a:?} scored {s}");
        }
    }
}
