//! `countdown`: reach a target number using each of the given numbers once
//! with `+ - * /`; the answer is an expression the generator built.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use serde_json::{json, Value};
use symlite::parse::{eval_str, Outcome};

use crate::symbol_fold::{expression_text, fold_candidate, literal_ints};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "countdown",
    category: "games",
    description: "Generates Countdown Number Game tasks",
    config_class: "CountdownConfig",
    build,
};

const OPERATORS: [&str; 4] = ["+", "-", "*", "/"];

const PROMPT_TEMPLATES: [&str; 3] = [
    "Using all the numbers {numbers}, create an expression that equals {target}.\nYou can only use each number once.",
    "Find a way to make {target} using all of these numbers: {numbers}.\nEach number can only be used once.",
    "Calculate {target} using all of these numbers: {numbers}.\nEach number may be used at most once.",
];

const FORMAT_INSTRUCTIONS: &str = "

Final answer format instructions:
1. Provide your solution as a arithmetic expression (no '=' sign).
2. Do not include the target number in the expression.
3. Use '*' for multiplication.
4. Use '/' for division.
5. Do not include any other text or formatting.
";

/// `_generate_expression`'s attempts before it raises.
const MAX_ATTEMPTS: usize = 100;

struct Countdown {
    seed: Seed,
    min_numbers: i64,
    max_numbers: i64,
    min_value: i64,
    max_value: i64,
    min_target: i64,
    max_target: i64,
    operators: Vec<String>,
    shuffle: bool,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Countdown {
        seed: p.seed,
        min_numbers: r.int("min_numbers", 4),
        max_numbers: r.int("max_numbers", 6),
        min_value: r.int("min_value", 1),
        max_value: r.int("max_value", 100),
        min_target: r.int("min_target", 100),
        max_target: r.int("max_target", 999),
        operators: r.str_list("operators", &OPERATORS),
        shuffle: r.bool("shuffle", true),
    };
    let v = r.finish()?;
    v.ensure(d.min_numbers > 1, "min_numbers must be greater than 1")?;
    v.ensure(
        d.max_numbers >= d.min_numbers,
        "max_numbers must be >= min_numbers",
    )?;
    v.ensure(d.min_value > 0, "min_value must be positive")?;
    v.ensure(d.max_value >= d.min_value, "max_value must be >= min_value")?;
    v.ensure(d.min_target > 0, "min_target must be positive")?;
    v.ensure(
        d.max_target >= d.min_target,
        "max_target must be >= min_target",
    )?;
    v.ensure(
        !d.operators.is_empty(),
        "must specify at least one operator",
    )?;
    v.ensure(
        d.operators
            .iter()
            .all(|op| OPERATORS.contains(&op.as_str())),
        "invalid operator specified",
    )?;
    // A division step tries every remaining number against a value that
    // grows with the terms, and printing sorts every term: cubic work in
    // the number of terms.
    let n = count(d.max_numbers);
    v.ensure_item_size(
        n.saturating_mul(n).saturating_mul(n),
        "max_numbers * max_numbers * max_numbers",
    )?;
    v.done(d)
}

impl Countdown {
    /// `_generate_expression`: up to 100 candidates of one size until the
    /// value is a target in range.
    fn generate_expression(&self, rng: &mut Random) -> Result<(String, Vec<i64>, i64)> {
        let num_terms = rng.randint(self.min_numbers, self.max_numbers)? as usize;
        for _ in 0..MAX_ATTEMPTS {
            let c = fold_candidate(
                rng,
                num_terms,
                self.min_value,
                self.max_value,
                &self.operators,
            )?;
            if let Some(target) = c.value.to_i64() {
                if (self.min_target..=self.max_target).contains(&target) {
                    let expr = expression_text(&c, |i| format!("x_{i}"));
                    return Ok((expr, c.numbers, target));
                }
            }
        }
        Err(DatasetError::Generation(format!(
            "Failed to generate valid expression after {MAX_ATTEMPTS} attempts"
        )))
    }
}

impl Dataset for Countdown {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let (expression, mut numbers, target) = self.generate_expression(&mut rng)?;
        if self.shuffle {
            rng.shuffle(&mut numbers);
        }
        let numbers_str = numbers
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        let question = rng
            .choice(&PROMPT_TEMPLATES)?
            .replace("{numbers}", &numbers_str)
            .replace("{target}", &target.to_string());
        Ok(Item {
            question: format!("{question}{FORMAT_INSTRUCTIONS}"),
            answer: expression.clone(),
            metadata: meta! {
                "numbers" => numbers,
                "target" => target,
                "expression" => expression,
                "difficulty" => json!({
                    "numbers": [self.min_numbers, self.max_numbers],
                    "target": [self.min_target, self.max_target],
                    "value": [self.min_value, self.max_value],
                }),
            },
        })
    }

    /// `score_answer`: 1.0 for an expression over exactly the item's
    /// numbers whose value is the target (`np.isclose`, `atol=1e-6`), 0.05
    /// for a number that uses other numbers or misses, 0.01 for no answer or
    /// one `parse_expr` and `float()` reject. An answer rgym refuses to
    /// evaluate (past symlite's bounds, where the reference computes for
    /// minutes or runs out of memory) scores 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        const RAISED: f64 = 0.01;
        let Some(answer) = answer else { return RAISED };
        if pycompat::py_strip(answer).is_empty() {
            return RAISED;
        }
        let value = match eval_str(answer).and_then(|v| v.to_float()) {
            Ok(v) => v,
            Err(Outcome::Bounded) => return 0.0,
            Err(Outcome::Raise | Outcome::Unsupported) => return RAISED,
        };
        let Some(mut used) = literal_ints(answer) else {
            return RAISED;
        };
        // A metadata the reference could not read (KeyError) scores 0.01 too.
        let Some(mut wanted) = item
            .metadata
            .get("numbers")
            .and_then(Value::as_array)
            .and_then(|a| a.iter().map(json_int).collect::<Option<Vec<BigInt>>>())
        else {
            return RAISED;
        };
        used.sort();
        wanted.sort();
        if used != wanted {
            return 0.05;
        }
        let Some(target) = item.metadata.get("target").and_then(Value::as_f64) else {
            return RAISED;
        };
        if is_close(value, target) {
            1.0
        } else {
            0.05
        }
    }
}

fn json_int(v: &Value) -> Option<BigInt> {
    v.as_i64().map(BigInt::from)
}

/// `np.isclose(a, b, atol=1e-6)`: `|a - b| <= atol + rtol * |b|` with
/// numpy's default `rtol=1e-5`; infinities are close only to themselves.
fn is_close(a: f64, b: f64) -> bool {
    if a.is_infinite() || b.is_infinite() {
        return a == b;
    }
    (a - b).abs() <= 1e-6 + 1e-5 * b.abs()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};

    #[test]
    fn answers_score_one_and_others_less() {
        let ds = dataset(&INFO, json!({"seed": 3}));
        for idx in 0..50 {
            let item = ds.generate(idx).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0, "{}", item.answer);
            assert_eq!(ds.score(Some("9**9**9"), &item), 0.0);
            assert_eq!(ds.score(Some("1/0"), &item), 0.01);
            assert_eq!(ds.score(Some("  "), &item), 0.01);
            assert_eq!(ds.score(None, &item), 0.01);
        }
    }

    #[test]
    fn hostile_answers_are_scored_fast_without_evaluation() {
        let ds = dataset(&INFO, json!({"seed": 3}));
        let item = ds.generate(0).unwrap();
        let scores = crate::symbol_fold::score_hostile(|a| ds.score(Some(a), &item));
        assert_eq!(scores[1], 0.0);
        assert!(scores.iter().all(|&s| s < 0.1), "{scores:?}");
    }

    #[test]
    fn validation_follows_the_reference() {
        assert_eq!(
            refused(&INFO, json!({"min_numbers": 1})),
            "min_numbers must be greater than 1"
        );
        assert_eq!(
            refused(&INFO, json!({"operators": ["+", "^"]})),
            "invalid operator specified"
        );
        assert_eq!(
            refused(&INFO, json!({"operators": []})),
            "must specify at least one operator"
        );
    }
}
