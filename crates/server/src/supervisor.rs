//! The dataset supervisor: one actor owning every dataset instance the
//! sessions use and a bounded cache of generated items.
//!
//! Datasets are keyed by (name, canonical config, seed, size), so N sessions
//! on the same dataset share one instance, and the item cache is keyed by
//! (that key, index): many agents asking for the same seed/index (the GRPO
//! case) cost one generation. Building, generating and scoring run on the
//! blocking pool under a time limit, so a slow or looping generator turns into
//! an `EXECUTION_ERROR` reply instead of a stalled session.

use std::future::ready;
use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use actix::prelude::*;
use dashmap::DashMap;
use dataset_core::{Item, Seeded};
use lru::LruCache;
use serde_json::{Map, Value};

use crate::env::EnvError;
use crate::metrics::metrics;

/// What makes two datasets the same: items are a pure function of this.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct DatasetKey {
    pub name: String,
    /// The config as compact JSON with object keys sorted.
    pub config: String,
    pub seed: i128,
    pub size: u64,
}

/// A dataset instance shared by every session that asked for its key.
pub struct SharedDataset {
    pub key: Arc<DatasetKey>,
    pub seeded: Seeded,
}

impl SharedDataset {
    fn new(key: Arc<DatasetKey>, seeded: Seeded) -> SharedDataset {
        metrics().datasets_live.inc();
        SharedDataset { key, seeded }
    }

    pub fn name(&self) -> &str {
        &self.key.name
    }

    pub fn size(&self) -> u64 {
        self.seeded.size
    }
}

impl Drop for SharedDataset {
    fn drop(&mut self) {
        metrics().datasets_live.dec();
    }
}

type CacheKey = (Arc<DatasetKey>, u64);
type ItemCache = Arc<Mutex<LruCache<CacheKey, Arc<Item>>>>;

pub struct DatasetSupervisor {
    /// Weak, so a dataset lives exactly as long as some session (or cached
    /// item's owner) uses it; dead entries are pruned as the map grows.
    datasets: Arc<DashMap<Arc<DatasetKey>, Weak<SharedDataset>>>,
    cache: Option<ItemCache>,
    limit: Duration,
    prune_at: usize,
}

impl Actor for DatasetSupervisor {
    type Context = Context<Self>;
}

/// Get (or build) the dataset for a key.
#[derive(Message)]
#[rtype(result = "Result<Arc<SharedDataset>, EnvError>")]
pub struct Acquire {
    pub name: String,
    pub config: Map<String, Value>,
    pub seed: i128,
    pub size: u64,
}

/// Item `index` of a dataset (`index < size`, checked by the caller).
#[derive(Message)]
#[rtype(result = "Result<Arc<Item>, EnvError>")]
pub struct Generate {
    pub dataset: Arc<SharedDataset>,
    pub index: u64,
}

/// Score of `answer` for `item`.
#[derive(Message)]
#[rtype(result = "Result<f64, EnvError>")]
pub struct Score {
    pub dataset: Arc<SharedDataset>,
    pub item: Arc<Item>,
    pub answer: String,
}

/// Runs `f` on the blocking pool; past `limit` the caller gets an error while
/// the thread finishes in the background (it cannot be cancelled).
async fn run_limited<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, EnvError> {
    match tokio::time::timeout(limit, tokio::task::spawn_blocking(f)).await {
        Err(_) => Err(EnvError::Execution(format!(
            "{what} took longer than the {:.3}s limit",
            limit.as_secs_f64()
        ))),
        Ok(Err(e)) => {
            tracing::error!(error = %e, "{what} panicked");
            Err(EnvError::Execution(format!("internal error while {what}")))
        }
        Ok(Ok(v)) => Ok(v),
    }
}

impl Handler<Acquire> for DatasetSupervisor {
    type Result = ResponseFuture<Result<Arc<SharedDataset>, EnvError>>;

    fn handle(&mut self, msg: Acquire, _: &mut Context<Self>) -> Self::Result {
        let key = Arc::new(DatasetKey {
            name: msg.name.clone(),
            config: canonical(&Value::Object(msg.config.clone())),
            seed: msg.seed,
            size: msg.size,
        });
        if let Some(ds) = self.datasets.get(&key).and_then(|w| w.upgrade()) {
            return Box::pin(ready(Ok(ds)));
        }
        if self.datasets.len() >= self.prune_at {
            self.datasets.retain(|_, w| w.strong_count() > 0);
            self.prune_at = (self.datasets.len() * 2).max(64);
        }
        let map = self.datasets.clone();
        let limit = self.limit;
        Box::pin(async move {
            let Acquire {
                name,
                config,
                seed,
                size,
            } = msg;
            let seeded = run_limited(limit, "building the dataset", move || {
                datasets::create_with(&name, &config, Some(seed), Some(size))
            })
            .await?
            .map_err(|e| EnvError::Execution(e.to_string()))?;
            let fresh = Arc::new(SharedDataset::new(key.clone(), seeded));
            // Another session may have built the same key meanwhile: keep one.
            let mut slot = map.entry(key).or_default();
            if let Some(existing) = slot.upgrade() {
                return Ok(existing);
            }
            *slot = Arc::downgrade(&fresh);
            Ok(fresh)
        })
    }
}

impl Handler<Generate> for DatasetSupervisor {
    type Result = ResponseFuture<Result<Arc<Item>, EnvError>>;

    fn handle(&mut self, msg: Generate, _: &mut Context<Self>) -> Self::Result {
        let m = metrics();
        let ckey = (msg.dataset.key.clone(), msg.index);
        if let Some(cache) = &self.cache {
            if let Ok(mut c) = cache.lock() {
                if let Some(item) = c.get(&ckey) {
                    m.cache_hits.inc();
                    return Box::pin(ready(Ok(item.clone())));
                }
            }
        }
        m.cache_misses.inc();
        let cache = self.cache.clone();
        let limit = self.limit;
        Box::pin(async move {
            let ds = msg.dataset.clone();
            let index = msg.index;
            let started = Instant::now();
            let item = run_limited(limit, "generating the item", move || ds.seeded.get(index))
                .await?
                .map_err(|e| EnvError::Execution(e.to_string()))?;
            metrics()
                .generation_seconds
                .with_label_values(&[msg.dataset.name()])
                .observe(started.elapsed().as_secs_f64());
            let item = Arc::new(item);
            if let Some(cache) = cache {
                if let Ok(mut c) = cache.lock() {
                    c.put(ckey, item.clone());
                    metrics().cache_size.set(c.len() as i64);
                }
            }
            Ok(item)
        })
    }
}

impl Handler<Score> for DatasetSupervisor {
    type Result = ResponseFuture<Result<f64, EnvError>>;

    fn handle(&mut self, msg: Score, _: &mut Context<Self>) -> Self::Result {
        let limit = self.limit;
        Box::pin(async move {
            let Score {
                dataset,
                item,
                answer,
            } = msg;
            let label = item
                .metadata
                .get("source_dataset")
                .and_then(Value::as_str)
                .filter(|s| datasets::info(s).is_some())
                .unwrap_or(dataset.name())
                .to_string();
            let score = run_limited(limit, "scoring the answer", move || {
                dataset.seeded.score(Some(&answer), &item)
            })
            .await?;
            metrics()
                .scores
                .with_label_values(&[label.as_str()])
                .observe(score);
            Ok(score)
        })
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

/// A cloneable handle to the supervisor actor.
#[derive(Clone)]
pub struct Supervisor {
    addr: Addr<DatasetSupervisor>,
}

fn gone(e: MailboxError) -> EnvError {
    EnvError::Execution(format!("dataset supervisor unavailable: {e}"))
}

impl Supervisor {
    /// Starts the actor on the current arbiter.
    pub fn start(item_cache_size: usize, limit: Duration) -> Supervisor {
        let cache =
            NonZeroUsize::new(item_cache_size).map(|n| Arc::new(Mutex::new(LruCache::new(n))));
        let addr = DatasetSupervisor {
            datasets: Arc::new(DashMap::new()),
            cache,
            limit,
            prune_at: 64,
        }
        .start();
        Supervisor { addr }
    }

    pub async fn acquire(
        &self,
        name: String,
        config: Map<String, Value>,
        seed: i128,
        size: u64,
    ) -> Result<Arc<SharedDataset>, EnvError> {
        self.addr
            .send(Acquire {
                name,
                config,
                seed,
                size,
            })
            .await
            .map_err(gone)?
    }

    pub async fn generate(
        &self,
        dataset: Arc<SharedDataset>,
        index: u64,
    ) -> Result<Arc<Item>, EnvError> {
        self.addr
            .send(Generate { dataset, index })
            .await
            .map_err(gone)?
    }

    pub async fn score(
        &self,
        dataset: Arc<SharedDataset>,
        item: Arc<Item>,
        answer: String,
    ) -> Result<f64, EnvError> {
        self.addr
            .send(Score {
                dataset,
                item,
                answer,
            })
            .await
            .map_err(gone)?
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_sorts_keys_but_not_arrays() {
        let a = json!({"b": 1, "a": {"y": [2, 1], "x": null}});
        let b = json!({"a": {"x": null, "y": [2, 1]}, "b": 1});
        assert_eq!(canonical(&a), canonical(&b));
        assert_eq!(canonical(&a), r#"{"a":{"x":null,"y":[2,1]},"b":1}"#);
        assert_ne!(canonical(&json!([1, 2])), canonical(&json!([2, 1])));
    }

    #[actix_rt::test]
    async fn slow_work_times_out_instead_of_hanging() {
        let t = Instant::now();
        let r = run_limited(Duration::from_millis(50), "generating the item", || {
            std::thread::sleep(Duration::from_millis(500));
            1
        })
        .await;
        assert!(t.elapsed() < Duration::from_millis(400));
        assert_eq!(
            r,
            Err(EnvError::Execution(
                "generating the item took longer than the 0.050s limit".into()
            ))
        );
        let r = run_limited(Duration::from_secs(1), "scoring the answer", || -> u8 {
            panic!("boom")
        })
        .await;
        assert_eq!(
            r,
            Err(EnvError::Execution(
                "internal error while scoring the answer".into()
            ))
        );
    }

    #[actix_rt::test]
    async fn shares_instances_and_caches_items() {
        let sup = Supervisor::start(16, Duration::from_secs(5));
        let a = sup
            .acquire("leg_counting".into(), Map::new(), 42, 10)
            .await
            .unwrap();
        let b = sup
            .acquire("leg_counting".into(), Map::new(), 42, 10)
            .await
            .unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        let c = sup
            .acquire("leg_counting".into(), Map::new(), 43, 10)
            .await
            .unwrap();
        assert!(!Arc::ptr_eq(&a, &c));
        let hits = metrics().cache_hits.get();
        let i1 = sup.generate(a.clone(), 3).await.unwrap();
        let i2 = sup.generate(b.clone(), 3).await.unwrap();
        assert!(Arc::ptr_eq(&i1, &i2));
        assert!(metrics().cache_hits.get() > hits);
        let s = sup.score(a, i1.clone(), i1.answer.clone()).await.unwrap();
        assert_eq!(s, 1.0);
        let e = sup
            .acquire("nope".into(), Map::new(), 1, 1)
            .await
            .err()
            .unwrap();
        assert_eq!(
            e,
            EnvError::Execution("Dataset 'nope' not registered".into())
        );
    }
}
