//! A dataset instance as sessions share it: its key, the built dataset, its
//! cost record and metric handles; and the set of recently used instances
//! kept built when no session holds them.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use dataset_core::{Item, Seed, Seeded};
use lru::LruCache;
use prometheus::Histogram;
use serde_json::{Map, Value};

use super::cost::Costs;
use crate::metrics::metrics;

/// What makes two datasets the same: items are a pure function of this.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct DatasetKey {
    pub name: String,
    /// The config as compact JSON with object keys sorted.
    pub config: String,
    pub seed: Seed,
    pub size: u64,
}

impl DatasetKey {
    pub fn new(name: &str, config: &Map<String, Value>, seed: Seed, size: u64) -> DatasetKey {
        DatasetKey {
            name: name.to_string(),
            config: canonical_map(config),
            seed,
            size,
        }
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// A dataset instance shared by every session that asked for its key.
pub struct SharedDataset {
    pub key: Arc<DatasetKey>,
    pub seeded: Seeded,
    /// Names the instance in the item cache (cheaper to hash than the key).
    pub(crate) id: u64,
    pub(crate) costs: Arc<Costs>,
    pub(crate) generation_seconds: Histogram,
    scores: Histogram,
}

impl SharedDataset {
    pub(crate) fn new(key: Arc<DatasetKey>, seeded: Seeded, costs: Arc<Costs>) -> SharedDataset {
        let m = metrics();
        m.datasets_live.inc();
        SharedDataset {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            costs,
            generation_seconds: m.generation_seconds.with_label_values(&[key.name.as_str()]),
            scores: m.scores.with_label_values(&[key.name.as_str()]),
            key,
            seeded,
        }
    }

    pub fn name(&self) -> &str {
        &self.key.name
    }

    pub fn size(&self) -> u64 {
        self.seeded.size
    }

    /// The scores histogram for an item: composites count each item under
    /// its source dataset.
    pub(crate) fn scores_for(&self, item: &Item) -> Histogram {
        match item.metadata.source_dataset() {
            Some(src) if src != self.name() && datasets::info(src).is_some() => {
                metrics().scores.with_label_values(&[src])
            }
            _ => self.scores.clone(),
        }
    }
}

impl Drop for SharedDataset {
    fn drop(&mut self) {
        metrics().datasets_live.dec();
    }
}

/// How many recently used datasets stay built with no session holding them.
pub const RECENT_DATASETS: NonZeroUsize = match NonZeroUsize::new(256) {
    Some(n) => n,
    None => unreachable!(),
};
/// ... and how many bytes of config and built state they may hold between
/// them: a config is client text (up to `max_frame_bytes`), kept in the key
/// and, parsed, in the dataset; a few datasets draw state when built
/// (`Dataset::heap_bytes`).
pub const RECENT_CONFIG_BYTES: usize = 64 << 20;

/// The recently used datasets, held strongly, bounded by count and by the
/// bytes of their configs.
pub(crate) struct Recent {
    lru: LruCache<u64, Arc<SharedDataset>>,
    bytes: usize,
}

impl Recent {
    pub(crate) fn new() -> Recent {
        Recent {
            lru: LruCache::new(RECENT_DATASETS),
            bytes: 0,
        }
    }

    fn weight(ds: &SharedDataset) -> usize {
        // The canonical text in the key and about as much again parsed, and
        // what the dataset drew when built.
        2 * (ds.key.config.len() + ds.key.name.len()) + ds.seeded.heap_bytes()
    }

    pub(crate) fn keep(&mut self, ds: &Arc<SharedDataset>) {
        if let Some(old) = self.lru.put(ds.id, ds.clone()) {
            self.bytes -= Recent::weight(&old);
        }
        self.bytes += Recent::weight(ds);
        while self.bytes > RECENT_CONFIG_BYTES && self.lru.len() > 1 {
            match self.lru.pop_lru() {
                Some((_, old)) => self.bytes -= Recent::weight(&old),
                None => break,
            }
        }
    }
}

/// Compact JSON with object keys sorted at every level.
pub fn canonical(v: &Value) -> String {
    fn sorted(v: &Value) -> Value {
        match v {
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                Value::Object(
                    keys.into_iter()
                        .map(|k| (k.clone(), sorted(&m[k])))
                        .collect(),
                )
            }
            Value::Array(a) => Value::Array(a.iter().map(sorted).collect()),
            other => other.clone(),
        }
    }
    sorted(v).to_string()
}

fn canonical_map(m: &Map<String, Value>) -> String {
    if m.is_empty() {
        return "{}".to_string();
    }
    canonical(&Value::Object(m.clone()))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn canonical_sorts_keys_but_not_arrays() {
        let a = json!({"b": 1, "a": {"y": [2, 1], "x": null}});
        let b = json!({"a": {"x": null, "y": [2, 1]}, "b": 1});
        assert_eq!(canonical(&a), canonical(&b));
        assert_eq!(canonical(&a), r#"{"a":{"x":null,"y":[2,1]},"b":1}"#);
        assert_ne!(canonical(&json!([1, 2])), canonical(&json!([2, 1])));
        assert_eq!(canonical_map(&Map::new()), canonical(&json!({})));
    }
}
