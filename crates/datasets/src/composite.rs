//! `composite`: items drawn from several datasets by weight, exactly as
//! reasoning-gym's `CompositeDataset`.
//!
//! Sub-dataset *i* gets seed `seed + i + 1` and the composite's size unless its
//! own config sets them; item *idx* picks a sub-dataset with
//! `Random(seed + idx).choices(range(n), weights)` and returns that dataset's
//! item at the same `idx`. Scores are delegated by `metadata.source_dataset`.

use std::collections::HashSet;

use dataset_core::input::echo;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result, Seed,
    Seeded, Weight,
};
use serde_json::{Map, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "composite",
    category: "composite",
    description: "A weighted mix of other datasets",
    config_class: "CompositeConfig",
    build,
};

struct Composite {
    seed: Seed,
    names: Vec<String>,
    weights: Vec<Weight>,
    /// Indexed like `names`; a repeated name cannot occur (validate rejects it).
    subs: Vec<Seeded>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let specs = r.raw("datasets").cloned();
    let v = r.finish()?;
    let specs = match specs {
        None | Some(Value::Null) => return Err(invalid("Must specify at least one dataset")),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(invalid("datasets must be a list of dataset specs")),
    };
    v.ensure(!specs.is_empty(), "Must specify at least one dataset")?;
    let mut parsed = Vec::with_capacity(specs.len());
    for spec in &specs {
        parsed.push(parse_spec(spec)?);
    }
    let mut seen = HashSet::new();
    if !parsed.iter().all(|(n, _, _)| seen.insert(n.clone())) {
        return Err(invalid(
            "Duplicate dataset names are not allowed in CompositeDataset",
        ));
    }
    for (name, weight, _) in &parsed {
        v.ensure(!name.is_empty(), "Dataset name cannot be empty")?;
        let positive = match weight {
            Weight::Int(w) => *w > 0,
            Weight::Float(w) => *w > 0.0,
        };
        v.ensure(
            positive,
            format!("Weight must be positive (dataset '{}')", echo(name)),
        )?;
    }
    let mut subs = Vec::with_capacity(parsed.len());
    for (i, (name, _, config)) in parsed.iter().enumerate() {
        let seed = (!config.contains_key("seed")).then(|| p.seed.plus(i as u64 + 1));
        let size = (!config.contains_key("size")).then_some(p.size);
        subs.push(crate::create_with(name, config, seed, size)?);
    }
    v.done(Composite {
        seed: p.seed,
        names: parsed.iter().map(|(n, _, _)| n.clone()).collect(),
        weights: parsed.iter().map(|(_, w, _)| *w).collect(),
        subs,
    })
}

fn invalid(msg: &str) -> DatasetError {
    DatasetError::InvalidConfig(msg.to_string())
}

/// A `DatasetSpec(name, weight=1, config={})` given as a JSON object.
fn parse_spec(spec: &Value) -> Result<(String, Weight, Map<String, Value>)> {
    let obj = spec
        .as_object()
        .ok_or_else(|| invalid("each dataset spec must be an object"))?;
    if let Some(k) = obj
        .keys()
        .find(|k| !matches!(k.as_str(), "name" | "weight" | "config"))
    {
        return Err(DatasetError::InvalidConfig(format!(
            "DatasetSpec.__init__() got an unexpected keyword argument '{}'",
            echo(k)
        )));
    }
    let name = match obj.get("name") {
        Some(Value::String(s)) => s.clone(),
        None => {
            return Err(invalid(
                "DatasetSpec.__init__() missing 1 required positional argument: 'name'",
            ))
        }
        Some(_) => return Err(invalid("dataset spec name must be a string")),
    };
    let weight = match obj.get("weight") {
        None | Some(Value::Null) => Weight::Int(1),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(i) => Weight::Int(i),
            None => Weight::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Some(Value::Bool(b)) => Weight::Int(*b as i64),
        Some(_) => return Err(invalid("dataset spec weight must be a number")),
    };
    let config = match obj.get("config") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m.clone(),
        Some(_) => return Err(invalid("Config must be a dictionary")),
    };
    Ok((name, weight, config))
}

impl Dataset for Composite {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let pick = rng.choices_weighted_indices(&self.weights, 1)?[0];
        // Sub-datasets share the composite's index and, as in reasoning-gym,
        // their own `size` does not bound it.
        self.subs[pick].generate(idx)
    }

    /// Its items are its members' as they are (labelled with the member's
    /// name by the member's `Seeded`), as reasoning-gym's composite returns them.
    fn writes_source_keys(&self) -> bool {
        true
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        match self.member_of(item) {
            Some(sub) => sub.score(answer, item),
            None => 0.0,
        }
    }

    fn heap_bytes(&self) -> usize {
        self.subs.iter().map(Seeded::heap_bytes).sum()
    }

    /// The member's answer, unchanged: reasoning-gym's composite returns the
    /// member's item as it is, so a `graph_color` item keeps `answer: None`.
    fn answer<'a>(&self, item: &'a Item) -> Option<&'a str> {
        match self.member_of(item) {
            Some(sub) => sub.answer(item),
            None => Some(item.answer.as_str()),
        }
    }
}

impl Composite {
    /// The member an item came from, by its `metadata.source_dataset` (as
    /// reasoning-gym's `score_answer` finds it).
    fn member_of(&self, item: &Item) -> Option<&Seeded> {
        let source = item.metadata.source_dataset()?;
        let i = self.names.iter().position(|n| n == source)?;
        self.subs.get(i)
    }
}
