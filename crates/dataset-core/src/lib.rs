//! What every dataset shares: the [`Dataset`] trait, [`Item`], configuration
//! reading with reasoning-gym's validation messages ([`config`]), and the
//! scorers that several datasets reuse ([`score`]).
//!
//! Datasets are pure functions of (config, seed, index): an item is computed on
//! demand, so a dataset of size 10^12 costs nothing until it is read.

pub mod config;
pub mod score;

use std::sync::Arc;

use serde_json::{Map, Value};

pub use config::ConfigReader;
pub use pyrandom::{item_rng, Random, RandomError, Weight};

/// One task: what reasoning-gym's `dataset[idx]` returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub question: String,
    pub answer: String,
    /// Key order is Python's dict insertion order.
    pub metadata: Map<String, Value>,
}

impl Item {
    /// The item as the CLI and golden files write it.
    pub fn to_json(&self, index: u64) -> Value {
        let mut m = Map::with_capacity(4);
        m.insert("index".into(), index.into());
        m.insert("question".into(), Value::String(self.question.clone()));
        m.insert("answer".into(), Value::String(self.answer.clone()));
        m.insert("metadata".into(), Value::Object(self.metadata.clone()));
        Value::Object(m)
    }
}

/// Everything that can go wrong building a dataset or an item. The message is
/// what a client sees, so it names the offending field or rule.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DatasetError {
    #[error("Dataset '{0}' not registered")]
    UnknownDataset(String),
    /// A config that reasoning-gym would reject (unknown key, wrong type, failed `validate()`).
    #[error("{0}")]
    InvalidConfig(String),
    #[error("index {index} out of range for dataset of size {size}")]
    IndexOutOfRange { index: u64, size: u64 },
    /// The generator itself failed (reasoning-gym would raise while building the item).
    #[error("{0}")]
    Generation(String),
}

impl From<RandomError> for DatasetError {
    fn from(e: RandomError) -> Self {
        DatasetError::Generation(e.to_string())
    }
}

pub type Result<T, E = DatasetError> = std::result::Result<T, E>;

/// A seeded, sized procedural dataset.
pub trait Dataset: Send + Sync {
    /// The registered name (`metadata.source_dataset`).
    fn name(&self) -> &str;

    /// Item `idx`, `0 <= idx < size`. Callers check the bound.
    fn generate(&self, idx: u64) -> Result<Item>;

    /// Score of `answer` for `item`, in [0, 1]. `None` is Python's `None`.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score::exact_or_contained(answer, &item.answer)
    }

    /// True for the datasets whose every reasoning-gym item has `answer: None`
    /// (puzzles with many valid solutions, checked by the scorer). Their items
    /// carry an empty `answer`, and [`Seeded::answer_json`] shows it as `null`.
    fn answer_is_none(&self) -> bool {
        false
    }
}

/// A built dataset together with the seed and size every item depends on.
#[derive(Clone)]
pub struct Seeded {
    pub dataset: Arc<dyn Dataset>,
    pub seed: i128,
    pub size: u64,
}

impl Seeded {
    /// Item `idx`, with the bound checked.
    pub fn get(&self, idx: u64) -> Result<Item> {
        if idx >= self.size {
            return Err(DatasetError::IndexOutOfRange {
                index: idx,
                size: self.size,
            });
        }
        self.dataset.generate(idx)
    }

    pub fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        self.dataset.score(answer, item)
    }

    /// The item's answer as reasoning-gym gives it: a string, or `None` for the
    /// datasets that have no single answer.
    pub fn answer<'a>(&self, item: &'a Item) -> Option<&'a str> {
        (!self.dataset.answer_is_none()).then_some(item.answer.as_str())
    }
}

/// The two config fields every dataset has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    pub seed: i128,
    pub size: u64,
}

/// How a dataset is built from its config. `seed` and `size` have been read
/// already (they are common to all datasets) and come as [`Params`]. A builder
/// reads its fields, calls [`ConfigReader::finish`], then applies `validate()`.
pub type BuildFn = fn(&mut ConfigReader, Params) -> Result<Arc<dyn Dataset>>;

/// A registry entry.
#[derive(Clone, Copy)]
pub struct DatasetInfo {
    pub name: &'static str,
    /// reasoning-gym's package (`arithmetic`, `algorithmic`, ...).
    pub category: &'static str,
    pub description: &'static str,
    /// The Python config class name, used in error messages.
    pub config_class: &'static str,
    pub build: BuildFn,
}

/// Builds a dataset from a JSON config that includes `seed` and optionally `size`
/// (default 500, as in every reasoning-gym config).
pub fn build(info: &DatasetInfo, config: &Map<String, Value>) -> Result<Seeded> {
    build_with(info, config, None, None)
}

/// `create_dataset(name, seed=seed, size=size, **config)`: `seed` and `size`
/// given beside the config (they may exceed what a JSON number holds). Giving
/// one both ways is Python's "multiple values" `TypeError`.
pub fn build_with(
    info: &DatasetInfo,
    config: &Map<String, Value>,
    seed: Option<i128>,
    size: Option<u64>,
) -> Result<Seeded> {
    for (key, given) in [("seed", seed.is_some()), ("size", size.is_some())] {
        if given && config.contains_key(key) {
            return Err(DatasetError::InvalidConfig(format!(
                "{}() got multiple values for keyword argument '{key}'",
                info.config_class
            )));
        }
    }
    let mut reader = ConfigReader::new(info.config_class, config);
    let seed = match seed {
        Some(s) => s,
        None => reader.seed()?,
    };
    let size = match size {
        Some(0) => return Err(DatasetError::InvalidConfig("size must be positive".into())),
        Some(n) => n,
        None => reader.size(500)?,
    };
    let dataset = (info.build)(&mut reader, Params { seed, size })?;
    reader.finish()?;
    Ok(Seeded {
        dataset,
        seed,
        size,
    })
}

/// Builds the metadata map from `(key, value)` pairs in order.
#[macro_export]
macro_rules! meta {
    ($($k:expr => $v:expr),* $(,)?) => {{
        let mut m = ::serde_json::Map::new();
        $( m.insert(::std::string::String::from($k), ::serde_json::json!($v)); )*
        m
    }};
}
