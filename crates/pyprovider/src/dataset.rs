//! A dataset whose items come from the provider, scored by a native scorer.

use dataset_core::{Dataset, DatasetError, Item, Metadata, Params, Result};
use serde_json::{Map, Value};

use crate::{global, ProviderError};

/// `create_dataset(name, seed, size, **config)[idx]`, made by a worker. The
/// config is the one rgym has already read and validated as the reference
/// would (so a reset refuses a bad config at once, without a worker), written
/// out in full.
pub struct ProviderDataset {
    name: &'static str,
    config: Map<String, Value>,
    /// The seed as a Python int's decimal text.
    seed: String,
    size: u64,
    score: Box<Scorer>,
}

/// The native scorer of a provider dataset's items.
type Scorer = dyn Fn(Option<&str>, &Item) -> f64 + Send + Sync;

impl ProviderDataset {
    pub fn new(
        name: &'static str,
        config: Map<String, Value>,
        params: &Params,
        score: impl Fn(Option<&str>, &Item) -> f64 + Send + Sync + 'static,
    ) -> ProviderDataset {
        ProviderDataset {
            name,
            config,
            seed: params.seed.to_string(),
            size: params.size,
            score: Box::new(score),
        }
    }
}

impl Dataset for ProviderDataset {
    fn generate(&self, idx: u64) -> Result<Item> {
        let provider = global().map_err(into_dataset_error)?;
        let mut item = provider
            .generate(self.name, &self.config, &self.seed, self.size, idx)
            .map_err(into_dataset_error)?;
        let text = |item: &mut Map<String, Value>, key: &str| match item.remove(key) {
            Some(Value::String(s)) => Ok(s),
            // An answer of None (the reference has such datasets) reads as "".
            Some(Value::Null) => Ok(String::new()),
            _ => Err(DatasetError::Generation(format!(
                "the Python provider's item has no string {key}"
            ))),
        };
        let question = text(&mut item, "question")?;
        let answer = text(&mut item, "answer")?;
        let metadata = match item.remove("metadata") {
            Some(Value::Object(m)) => m,
            _ => Map::new(),
        };
        Ok(Item {
            question,
            answer,
            metadata: Metadata::from(metadata),
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        (self.score)(answer, item)
    }

    /// The reference's metadata already starts with `source_dataset` and
    /// `source_index`, in its own order.
    fn writes_source_keys(&self) -> bool {
        true
    }
}

fn into_dataset_error(e: ProviderError) -> DatasetError {
    match e {
        ProviderError::Config(m) => DatasetError::InvalidConfig(m),
        other => DatasetError::Generation(other.to_string()),
    }
}
