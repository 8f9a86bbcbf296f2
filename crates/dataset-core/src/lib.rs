//! What every dataset shares: the [`Dataset`] trait, [`Item`], configuration
//! reading with reasoning-gym's validation messages ([`config`]), and the
//! scorers that several datasets reuse ([`score`]).
//!
//! Datasets are pure functions of (config, seed, index): an item is computed on
//! demand, so a dataset of size 10^12 costs nothing until it is read.

pub mod config;
pub mod curriculum;
pub mod export;
pub mod grid;
pub mod input;
pub mod jsonl;
pub mod metadata;
pub mod score;
pub mod testing;

use std::sync::Arc;

use serde_json::{Map, Value};

pub use config::{Built, ConfigReader, Validator};
pub use metadata::Metadata;
pub use pyrandom::{item_rng, CumWeights, Random, RandomError, Seed, Weight};

/// One task: what reasoning-gym's `dataset[idx]` returns.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    pub question: String,
    pub answer: String,
    /// Key order is Python's dict insertion order.
    pub metadata: Metadata,
}

impl Item {
    /// About how many bytes the item holds on the heap (its text and the
    /// metadata's): what a cache of items is bounded by.
    pub fn heap_bytes(&self) -> usize {
        self.question.capacity() + self.answer.capacity() + self.metadata.heap_bytes()
    }

    /// The item as the CLI and golden files write it.
    pub fn to_json(&self, index: u64) -> Value {
        let mut m = Map::with_capacity(4);
        m.insert("index".into(), index.into());
        m.insert("question".into(), Value::String(self.question.clone()));
        m.insert("answer".into(), Value::String(self.answer.clone()));
        m.insert("metadata".into(), Value::Object((*self.metadata).clone()));
        Value::Object(m)
    }
}

/// Everything that can go wrong building a dataset or an item. The message is
/// what a client sees, so it names the offending field or rule.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DatasetError {
    /// The name is quoted at most [`input::ECHO_MAX_CHARS`] characters long.
    #[error("Dataset '{}' not registered", input::echo(.0))]
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

/// A seeded, sized procedural dataset. Its name and the other registry facts
/// are its [`DatasetInfo`], which [`Seeded`] keeps beside it.
pub trait Dataset: Send + Sync {
    /// Item `idx`, `0 <= idx < size`. Callers check the bound. The metadata
    /// holds the dataset's own keys: [`Seeded`] puts `source_dataset` and
    /// `source_index` in front of them (see [`Dataset::writes_source_keys`]).
    fn generate(&self, idx: u64) -> Result<Item>;

    /// Item `idx` written over `item`, which a bulk writer keeps from one row
    /// to the next. A dataset whose items are cheap implements this (reusing
    /// the question, answer and metadata buffers) and makes `generate` call
    /// it, so there is one code path; the default is `generate`. After an
    /// `Err`, `item` holds unspecified contents.
    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        *item = self.generate(idx)?;
        Ok(())
    }

    /// Score of `answer` for `item`, in [0, 1]. `None` is Python's `None`.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score::exact_or_contained(answer, &item.answer)
    }

    /// True for the datasets whose every reasoning-gym item has `answer: None`
    /// (puzzles with many valid solutions, checked by the scorer). Their items
    /// carry an empty `answer`, and [`Dataset::answer`] shows it as `None`.
    fn answer_is_none(&self) -> bool {
        false
    }

    /// True for a dataset whose items already carry `source_dataset` and
    /// `source_index` where its reference puts them, so that [`Seeded`] must
    /// not put them first: `calendar_arithmetic` writes them after the task's
    /// own keys, `composite` passes its members' items on as they are.
    fn writes_source_keys(&self) -> bool {
        false
    }

    /// About how many bytes the built dataset holds on the heap beyond its
    /// config: state drawn at construction (`list_functions`' task table).
    /// The server weighs the datasets it keeps built by it.
    fn heap_bytes(&self) -> usize {
        0
    }

    /// `item`'s answer as reasoning-gym gives it: the text, or `None` (JSON
    /// `null`) where its item has none. Per item, so that a dataset mixing
    /// others (`composite`) passes each member's answer through unchanged.
    fn answer<'a>(&self, item: &'a Item) -> Option<&'a str> {
        (!self.answer_is_none()).then_some(item.answer.as_str())
    }
}

/// A built dataset together with its registry entry and the seed and size
/// every item depends on. Items are only made through it (the dataset itself
/// is private), so that what the core adds to every item cannot be bypassed.
#[derive(Clone)]
pub struct Seeded {
    pub info: &'static DatasetInfo,
    dataset: Arc<dyn Dataset>,
    pub seed: Seed,
    pub size: u64,
}

impl Seeded {
    /// The same seeded dataset over another `Dataset` made from this one's
    /// (the datasets registry serves a native dataset's items from the
    /// Python provider this way, keeping its native scorer).
    pub fn map_dataset(
        self,
        f: impl FnOnce(Arc<dyn Dataset>, Params) -> Arc<dyn Dataset>,
    ) -> Seeded {
        let params = Params {
            seed: self.seed.clone(),
            size: self.size,
        };
        Seeded {
            dataset: f(self.dataset, params),
            ..self
        }
    }

    /// Item `idx`, with the bound checked.
    pub fn get(&self, idx: u64) -> Result<Item> {
        self.check(idx)?;
        self.generate(idx)
    }

    /// [`get`](Self::get) into a reused `item` (see [`Dataset::generate_into`]).
    pub fn get_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        self.check(idx)?;
        let own = self.dataset.writes_source_keys();
        if !own {
            item.metadata.expect_source(self.info.name, idx);
        }
        self.dataset.generate_into(idx, item)?;
        if !own {
            item.metadata.put_source_first(self.info.name, idx);
        }
        Ok(())
    }

    /// Item `idx` whatever `size` says. Only `composite` wants this: its
    /// members are read at the composite's index, which, as in reasoning-gym,
    /// their own size does not bound. Everyone else calls [`get`](Self::get).
    pub fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = self.dataset.generate(idx)?;
        self.put_source(idx, &mut item);
        Ok(item)
    }

    /// The head of every item's metadata, which the datasets leave to us.
    fn put_source(&self, idx: u64, item: &mut Item) {
        if !self.dataset.writes_source_keys() {
            item.metadata.put_source_first(self.info.name, idx);
        }
    }

    fn check(&self, idx: u64) -> Result<()> {
        if idx >= self.size {
            return Err(DatasetError::IndexOutOfRange {
                index: idx,
                size: self.size,
            });
        }
        Ok(())
    }

    pub fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        self.dataset.score(answer, item)
    }

    /// [`Dataset::heap_bytes`].
    pub fn heap_bytes(&self) -> usize {
        self.dataset.heap_bytes()
    }

    /// The item's answer as reasoning-gym gives it: a string, or `None` for the
    /// items that have no single answer (see [`Dataset::answer`]).
    pub fn answer<'a>(&self, item: &'a Item) -> Option<&'a str> {
        self.dataset.answer(item)
    }
}

/// The two config fields every dataset has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Params {
    pub seed: Seed,
    pub size: u64,
}

/// How a dataset is built from its config. `seed` and `size` have been read
/// already (they are common to all datasets) and come as [`Params`]. A builder
/// reads its fields, [`finish`](ConfigReader::finish)es the reader, applies
/// `validate()` through the [`Validator`] that gives, and ends with
/// [`Validator::done`]: the only way to make the [`Built`] it returns.
pub type BuildFn = fn(ConfigReader<'_>, Params) -> Result<Built>;

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
pub fn build(info: &'static DatasetInfo, config: &Map<String, Value>) -> Result<Seeded> {
    build_with(info, config, None, None)
}

/// `create_dataset(name, seed=seed, size=size, **config)`: `seed` and `size`
/// given beside the config (they may exceed what a JSON number holds). Giving
/// one both ways is Python's "multiple values" `TypeError`.
pub fn build_with(
    info: &'static DatasetInfo,
    config: &Map<String, Value>,
    seed: Option<Seed>,
    size: Option<u64>,
) -> Result<Seeded> {
    let (dataset, params) = build_dataset(info, config, seed, size)?;
    Ok(Seeded {
        info,
        dataset,
        seed: params.seed,
        size: params.size,
    })
}

/// [`build_with`] short of the [`Seeded`], which keeps `info` for good and so
/// needs it `'static`; [`config::describe`] only wants to see the build run.
pub(crate) fn build_dataset(
    info: &DatasetInfo,
    config: &Map<String, Value>,
    seed: Option<Seed>,
    size: Option<u64>,
) -> Result<(Arc<dyn Dataset>, Params)> {
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
        Some(0) => return Err(DatasetError::InvalidConfig(input::SIZE_RULE.into())),
        Some(n) => n,
        None => reader.size(500)?,
    };
    let params = Params { seed, size };
    let Built(dataset) = (info.build)(reader, params.clone())?;
    Ok((dataset, params))
}

/// Builds the metadata map from `(key, value)` pairs in order. A value is
/// whatever `json!(value)` accepts, but taken by value (pass `&v` for a `v`
/// still used afterwards); see [`meta_value`] for how it is converted.
#[macro_export]
macro_rules! meta {
    ($($k:expr => $v:expr),* $(,)?) => {{
        // Room for the two keys `Seeded` puts in front (Metadata::put_source_first).
        #[allow(unused_mut)]
        let mut m = ::serde_json::Map::with_capacity(2 + <[&str]>::len(&[$(stringify!($k)),*]));
        $(
            m.insert(::std::string::String::from($k), {
                #[allow(unused_imports)]
                use $crate::meta_value::{Direct as _, Serialized as _};
                $crate::meta_value::Wrap($v).meta_value()
            });
        )*
        $crate::Metadata::from(m)
    }};
}

/// The conversion behind [`meta!`]: `json!(v)`, i.e. `serde_json::to_value(&v)`,
/// without its cost where it is a no-op.
///
/// `to_value` rebuilds a `Value` or `Map` it is given node by node, and with
/// `arbitrary_precision` prints and re-parses every number; for cheap datasets
/// that was a fifth of the time per item. Method resolution picks the by-value
/// [`Direct`] impl when the value already is a `Value`, `Map` or `String`
/// (autoref specialization: [`Serialized`] is only reachable through `&Wrap`),
/// and `to_value` for everything else, as before.
#[doc(hidden)]
pub mod meta_value {
    use serde_json::{Map, Value};

    pub struct Wrap<T>(pub T);

    pub trait Direct {
        fn meta_value(self) -> Value;
    }

    impl Direct for Wrap<Value> {
        fn meta_value(self) -> Value {
            moved(self.0)
        }
    }

    impl Direct for Wrap<Map<String, Value>> {
        fn meta_value(self) -> Value {
            moved(Value::Object(self.0))
        }
    }

    impl Direct for Wrap<String> {
        fn meta_value(self) -> Value {
            Value::String(self.0)
        }
    }

    pub trait Serialized {
        fn meta_value(self) -> Value;
    }

    impl<T: serde::Serialize> Serialized for &Wrap<T> {
        fn meta_value(self) -> Value {
            serde_json::to_value(&self.0).expect("metadata value converts to JSON")
        }
    }

    /// `v` itself, unless `to_value(&v)` would differ: re-parsing a number
    /// rewrites an exponent (`1e300` becomes `1e+300`, `E` becomes `e`), so a
    /// value holding one still takes the round trip.
    fn moved(v: Value) -> Value {
        if has_exponent(&v) {
            serde_json::to_value(&v).expect("metadata value converts to JSON")
        } else {
            v
        }
    }

    fn has_exponent(v: &Value) -> bool {
        match v {
            Value::Number(n) => n.as_str().bytes().any(|b| b == b'e' || b == b'E'),
            Value::Array(a) => a.iter().any(has_exponent),
            Value::Object(m) => m.values().any(has_exponent),
            _ => false,
        }
    }

    #[cfg(test)]
    mod tests {
        use serde_json::{json, Number, Value};

        /// The macro gives exactly what `json!` of each value gives.
        #[test]
        fn same_as_json() {
            let big: Number = "123456789012345678901234567890".parse().unwrap();
            let floats: Vec<Value> = [1e300, 1.5e-7, -0.0, 0.1, 2.0]
                .iter()
                .map(|&f| json!(f))
                .collect();
            let mut inner = serde_json::Map::new();
            inner.insert("b".into(), json!(1e300));
            inner.insert("a".into(), Value::Number(big.clone()));
            let text = String::from("x\ny");
            let m = crate::meta! {
                "floats" => Value::Array(floats.clone()),
                "inner" => inner.clone(),
                "big" => Value::Number(big.clone()),
                "text" => text.clone(),
                "str" => "s",
                "int" => 3,
                "neg" => -7i64,
                "opt" => Some(2.5f64),
                "none" => Option::<i64>::None,
                "list" => vec![1u8, 2],
                "plain" => json!({"k": [1, 2.5, "v"]}),
            };
            let want = [
                ("floats", json!(Value::Array(floats))),
                ("inner", json!(inner)),
                ("big", json!(Value::Number(big))),
                ("text", json!(text)),
                ("str", json!("s")),
                ("int", json!(3)),
                ("neg", json!(-7i64)),
                ("opt", json!(Some(2.5f64))),
                ("none", json!(Option::<i64>::None)),
                ("list", json!(vec![1u8, 2])),
                ("plain", json!({"k": [1, 2.5, "v"]})),
            ];
            assert_eq!(m.len(), want.len());
            for ((k, v), (wk, wv)) in m.iter().zip(want) {
                assert_eq!(k, wk);
                assert_eq!(v, &wv, "{k}");
                assert_eq!(v.to_string(), wv.to_string(), "{k}");
            }
            assert_eq!(m["floats"][0].to_string(), "1e+300");
            assert!(crate::meta! {}.is_empty());
        }
    }
}
