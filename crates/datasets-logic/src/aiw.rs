//! `aiw`: "Alice in Wonderland" questions about siblings, friends and
//! colleagues, whose answer is one more than a count the question gives.

use std::fmt::Write;

use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed, Weight,
};
use serde::Serialize;
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "aiw",
    category: "logic",
    description: "Alice in Wonderland: count the sisters, friends or colleagues of a third person",
    config_class: "AliceInWonderlandConfig",
    build,
};

const MALE_NAMES: [&str; 11] = [
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
    "Charles", "Bob",
];

const FEMALE_NAMES: [&str; 11] = [
    "Mary",
    "Patricia",
    "Jennifer",
    "Linda",
    "Elizabeth",
    "Barbara",
    "Susan",
    "Jessica",
    "Sarah",
    "Margaret",
    "Alice",
];

/// `TaskType`'s values, in the enum's order (the default `task_types`).
const TASK_TYPES: [&str; 3] = ["siblings", "friends", "colleagues"];

const THIRD: f64 = 1.0 / 3.0;

#[derive(Clone, Copy, PartialEq, Debug)]
enum TaskType {
    Siblings,
    Friends,
    Colleagues,
}

impl TaskType {
    /// `TaskType(value)`.
    fn from_value(value: &str) -> Option<TaskType> {
        match value {
            "siblings" => Some(TaskType::Siblings),
            "friends" => Some(TaskType::Friends),
            "colleagues" => Some(TaskType::Colleagues),
            _ => None,
        }
    }

    fn value(self) -> &'static str {
        TASK_TYPES[self as usize]
    }
}

struct Aiw {
    seed: Seed,
    male_names: Vec<String>,
    female_names: Vec<String>,
    task_types: Vec<TaskType>,
    /// As `choices` accumulates them: a JSON integer stays a Python int.
    task_type_weights: Vec<Weight>,
    /// `difficulty` in the metadata, the same for every item (the weights
    /// as given, Python floats among them): built once.
    difficulty: Value,
    max_entities: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let male_names = r.str_list("male_names", &MALE_NAMES);
    let female_names = r.str_list("female_names", &FEMALE_NAMES);
    let task_types = r.str_list("task_types", &TASK_TYPES);
    let weights = r.float_list("task_type_weights", &[THIRD; 3]);
    let weights_json = match r.raw("task_type_weights") {
        Some(given) => given.clone(),
        None => json!([THIRD, THIRD, THIRD]),
    };
    let max_entities = r.int("max_entities", 6);
    let v = r.finish()?;
    v.ensure(!male_names.is_empty(), "must provide male names")?;
    v.ensure(!female_names.is_empty(), "must provide female names")?;
    v.ensure(
        female_names.iter().any(|n| n == "Alice"),
        "'Alice' must be in female names",
    )?;
    v.ensure(
        !task_types.is_empty(),
        "must provide at least one task type",
    )?;
    v.ensure(max_entities > 0, "max_entities must be positive")?;
    // Given in JSON, task types arrive as plain strings, on which the
    // reference's `task_type.value` raises for every item; rgym reads them
    // as `TaskType(value)` would, and refuses what that refuses.
    let task_types = task_types
        .iter()
        .map(|t| {
            let known = TaskType::from_value(t);
            v.ensure(
                known.is_some(),
                format!("'{}' is not a valid TaskType", dataset_core::input::echo(t)),
            )?;
            Ok(known.unwrap_or(TaskType::Siblings))
        })
        .collect::<Result<Vec<_>>>()?;
    let task_type_weights = weights_json
        .as_array()
        .map(|given| {
            given
                .iter()
                .zip(&weights)
                .map(|(g, &w)| g.as_i64().map_or(Weight::Float(w), Weight::Int))
                .collect()
        })
        .unwrap_or_else(|| weights.iter().map(|&w| Weight::Float(w)).collect());
    v.done(Aiw {
        seed: p.seed,
        male_names,
        female_names,
        task_types,
        task_type_weights,
        difficulty: json!({"task_type_weights": weights_json, "num_entities": max_entities}),
        max_entities,
    })
}

/// `self.templates[TaskType.SIBLINGS]`, filled in.
fn siblings_template(
    which: usize,
    female: &str,
    male: &str,
    brothers: i64,
    sisters: i64,
    out: &mut String,
) {
    // Writing to a `String` cannot fail.
    let _ = if which == 0 {
        write!(
            out,
            "{female} has {brothers} brothers and she also has {sisters} sisters. How many sisters does {female}'s brother have?"
        )
    } else {
        write!(
            out,
            "{female} has {sisters} sisters and she also has {brothers} brothers. How many sisters does {male}'s brother have?"
        )
    };
}

/// `self.templates[TaskType.FRIENDS][0]`, filled in.
fn friends_template(female: &str, male: &str, num_male: i64, num_female: i64, out: &mut String) {
    let _ = write!(
        out,
        "{female} has {num_male} male friends and she also has {num_female} female friends. They all are friends with each other and have no other friends aside. How many female friends does {male}, a male friend of {female}, have?"
    );
}

/// `self.templates[TaskType.COLLEAGUES][0]`, filled in.
fn colleagues_template(female: &str, male: &str, counts: [i64; 4], out: &mut String) {
    let [male_alice, female_alice, male_bob, female_bob] = counts;
    let _ = write!(
        out,
        "{female} has {male_alice} male colleagues and she also has {female_alice} female colleagues. \
These are all colleagues that {female} has. \
All these mentioned persons around {female} are colleagues of each other. \
{male} has {male_bob} male colleagues and {female_bob} female colleagues in total. \
All these mentioned persons around {male} are colleagues of each other. \
The people in the circle around {male} do not have other colleagues aside - with the only exception of Matilda. \
She is colleague of {male} and she is also colleague of {female}, \
being part of {female}'s circle. How many female colleagues does Matilda have?"
    );
}

impl Dataset for Aiw {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    /// `_get_aiw`, written over a reused item.
    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let task_type = rng.choices_weighted(&self.task_types, &self.task_type_weights, 1)?[0];
        let female = rng.choice(&self.female_names)?.as_str();
        let male = rng.choice(&self.male_names)?.as_str();
        let max = self.max_entities;
        let question = &mut item.question;
        question.clear();
        // Python ints: `count + 1` may pass i64.
        let answer = match task_type {
            TaskType::Siblings => {
                let brothers = rng.randint(1, max)?;
                let sisters = rng.randint(1, max)?;
                let which = *rng.choice(&[0usize, 1])?;
                siblings_template(which, female, male, brothers, sisters, question);
                sisters as i128 + 1
            }
            TaskType::Friends => {
                let num_male = rng.randint(1, max)?;
                let num_female = rng.randint(1, max)?;
                // One template, but `choice` draws all the same.
                rng.choice(&[0usize])?;
                friends_template(female, male, num_male, num_female, question);
                num_female as i128 + 1
            }
            TaskType::Colleagues => {
                let mut counts = [0i64; 4];
                for c in &mut counts {
                    *c = rng.randint(1, max)?;
                }
                rng.choice(&[0usize])?;
                colleagues_template(female, male, counts, question);
                counts[1] as i128 + 1
            }
        };
        item.answer.clear();
        item.answer.push_str(itoa::Buffer::new().format(answer));
        item.metadata.set_from_serialize(&Meta {
            task_type: task_type.value(),
            difficulty: &self.difficulty,
        });
        Ok(())
    }
}

/// The item's own metadata, in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    task_type: &'static str,
    difficulty: &'a Value,
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, build_json, dataset, refused};
    use dataset_core::DatasetError;

    #[test]
    fn refuses_what_validate_refuses_in_its_order() {
        let r = |c| refused(&INFO, c);
        assert_eq!(
            r(json!({"male_names": [], "female_names": []})),
            "must provide male names"
        );
        assert_eq!(r(json!({"female_names": []})), "must provide female names");
        assert_eq!(
            r(json!({"female_names": ["Mary"], "task_types": []})),
            "'Alice' must be in female names"
        );
        assert_eq!(
            r(json!({"task_types": [], "max_entities": 0})),
            "must provide at least one task type"
        );
        assert_eq!(
            r(json!({"max_entities": 0})),
            "max_entities must be positive"
        );
        assert_eq!(
            r(json!({"task_types": ["friends", "cousins"]})),
            "'cousins' is not a valid TaskType"
        );
        assert!(r(json!({"task_type_weights": [1, "a", 1]})).contains("task_type_weights"));
        accepted(&INFO, json!({"max_entities": 1_000_000_000_000i64}));
    }

    #[test]
    fn weights_choices_cannot_use_fail_every_item_as_in_python() {
        let fails = |c: Value| {
            let ds = build_json(&INFO, &c).unwrap();
            match ds.get(0) {
                Err(DatasetError::Generation(m)) => m,
                other => panic!("{c}: {other:?}"),
            }
        };
        assert_eq!(
            fails(json!({"task_type_weights": [1.0, 1.0]})),
            "The number of weights does not match the population"
        );
        assert_eq!(
            fails(json!({"task_type_weights": [0, 0.0, 0]})),
            "Total of weights must be greater than zero"
        );
        assert_eq!(
            fails(json!({"task_type_weights": [1e308, 1e308, 0]})),
            "Total of weights must be finite"
        );
    }

    #[test]
    fn answer_follows_the_question() {
        let ds = dataset(&INFO, json!({"max_entities": 40}));
        let mut seen = std::collections::HashSet::new();
        for idx in 0..300 {
            let item = ds.get(idx).unwrap();
            let task = item.metadata["task_type"].as_str().unwrap().to_string();
            let nums: Vec<i64> = item
                .question
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|w| w.parse().ok())
                .collect();
            // The count the answer is one more than, by where it stands in the template.
            let base = match task.as_str() {
                "siblings" if item.question.contains("brothers and") => nums[1],
                "siblings" => nums[0],
                _ => nums[1],
            };
            assert_eq!(item.answer, (base + 1).to_string(), "{}", item.question);
            assert!(nums.iter().all(|&n| (1..=40).contains(&n)));
            seen.insert(task);
        }
        assert_eq!(seen.len(), 3);
        // A zero weight is never drawn.
        let only = dataset(&INFO, json!({"task_type_weights": [0, 1.5, 0]}));
        assert!((0..50).all(|i| only.get(i).unwrap().metadata["task_type"] == "friends"));
    }
}
