//! The dataset supervisor: shared dataset instances, built once per key.
//!
//! Datasets are keyed by (name, canonical config, seed, size), so N sessions
//! on the same dataset share one instance ([`instance`]), and generated items
//! are cached by (instance, index) ([`item_cache`]).
//!
//! The [`DatasetSupervisor`] actor owns the map: it builds datasets (on the
//! worker pool, under the time limit), keeps one instance per key when two
//! sessions asked for a new key at once, and prunes dead entries. Everything on the
//! per-message path — finding a live dataset, the item cache, generating,
//! scoring — is done by the caller through the [`Supervisor`] handle, without
//! a message to the actor: a hop through one actor per request serialised
//! every session behind one thread and cost four thread hand-offs per episode.
//!
//! Generation and scoring run inline on the calling worker once a dataset has
//! shown itself cheap ([`cost`]); until then, and for good once calls were
//! seen to be slow, they run on the worker pool under the time limit, so a slow or
//! looping generator turns into an `EXECUTION_ERROR` reply instead of a
//! stalled worker.

pub mod batch;
pub mod cost;
pub mod instance;
pub mod item_cache;

use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use actix::prelude::*;
use dashmap::DashMap;
use dataset_core::Item;
use serde_json::{Map, Value};

pub use instance::{DatasetKey, SharedDataset, RECENT_CONFIG_BYTES, RECENT_DATASETS};
pub use item_cache::ItemCache;

use crate::error::{EnvError, Reason};
use crate::metrics::metrics;
use crate::pool::{Lane, Pool, PoolError};
use cost::{sampled, timed, Cost, Costs};
use instance::Recent;

/// State shared by the actor and every handle.
struct Shared {
    /// Weak, so a dataset lives exactly as long as some session uses it;
    /// dead entries are pruned by the actor as the map grows.
    datasets: DashMap<Arc<DatasetKey>, Weak<SharedDataset>>,
    /// By (name, canonical config); weak like `datasets`, pruned with it.
    costs: DashMap<(String, String), Weak<Costs>>,
    /// The datasets built last, held strongly: agents that reconnect and
    /// reset with the same parameters (churn) find their dataset live
    /// instead of rebuilding it on the worker pool.
    recent: Mutex<Recent>,
    cache: Mutex<ItemCache>,
    limit: Duration,
    pool: Pool,
}

impl Shared {
    fn keep(&self, ds: &Arc<SharedDataset>) {
        if let Ok(mut r) = self.recent.lock() {
            // A dataset pushed out is dropped here, under the lock: its
            // destructor only frees memory.
            r.keep(ds);
        }
    }

    fn cached(&self, ds: &SharedDataset, index: u64) -> Option<Arc<Item>> {
        let mut c = self.cache.lock().ok()?;
        let item = c.get((ds.id, index))?;
        metrics().cache_hits.inc();
        Some(item)
    }

    fn remember(&self, ds: &SharedDataset, index: u64, item: &Arc<Item>) {
        if let Ok(mut c) = self.cache.lock() {
            c.put((ds.id, index), item);
            metrics().cache_size.set(c.len() as i64);
            metrics().cache_bytes.set(c.bytes() as i64);
        }
    }
}

pub struct DatasetSupervisor {
    shared: Arc<Shared>,
    prune_at: usize,
}

impl Actor for DatasetSupervisor {
    type Context = Context<Self>;
}

/// Get (or build) the dataset for a key.
#[derive(Message)]
#[rtype(result = "Result<Arc<SharedDataset>, EnvError>")]
pub struct Acquire {
    pub key: DatasetKey,
    pub config: Map<String, Value>,
}

/// Runs `f` on the worker pool; past `limit` the caller gets an error and
/// the work stops at its next budget check. Work of a dataset whose calls
/// were slow waits in the pool's slow lane; a call that runs out of time is
/// such a call (it never reports a CPU time of its own).
async fn run_limited<T: Send + 'static>(
    pool: &Pool,
    cost: Option<&Cost>,
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, EnvError> {
    let work = what.split(' ').next().unwrap_or(what);
    metrics().offloaded.with_label_values(&[work]).inc();
    let lane = match cost {
        Some(c) if c.struck() => Lane::Slow,
        _ => Lane::Fast,
    };
    pool.run(lane, limit, f).await.map_err(|e| {
        if let (PoolError::Timeout(_), Some(c)) = (&e, cost) {
            c.record_timeout(limit);
        }
        match e {
            PoolError::Timeout(limit) => EnvError::exec(
                Reason::Timeout,
                format!(
                    "{what} took longer than the {:.3}s limit",
                    limit.as_secs_f64()
                ),
            ),
            PoolError::Shutdown => {
                EnvError::Stopped(format!("the server is shutting down; stopped {what}"))
            }
            PoolError::Busy => EnvError::exec(
                Reason::Capacity,
                format!("the server is too busy for {what}; try again"),
            ),
            PoolError::Panicked => {
                EnvError::exec(Reason::Internal, format!("internal error while {what}"))
            }
        }
    })
}

impl Handler<Acquire> for DatasetSupervisor {
    type Result = ResponseFuture<Result<Arc<SharedDataset>, EnvError>>;

    fn handle(&mut self, msg: Acquire, _: &mut Context<Self>) -> Self::Result {
        let Acquire { key, config } = msg;
        let key = Arc::new(key);
        if let Some(ds) = self.shared.datasets.get(&key).and_then(|w| w.upgrade()) {
            return Box::pin(std::future::ready(Ok(ds)));
        }
        let map = &self.shared.datasets;
        if map.len() >= self.prune_at {
            map.retain(|_, w| w.strong_count() > 0);
            self.shared.costs.retain(|_, w| w.strong_count() > 0);
            self.prune_at = (map.len() * 2).max(64);
        }
        let shared = self.shared.clone();
        Box::pin(async move {
            let (name, seed, size) = (key.name.clone(), key.seed.clone(), key.size);
            let seeded = run_limited(
                &shared.pool,
                None,
                shared.limit,
                "building the dataset",
                move || datasets::create_with(&name, &config, Some(seed), Some(size)),
            )
            .await?
            .map_err(EnvError::from)?;
            let costs = live_or_insert(
                &shared.costs,
                (key.name.clone(), key.config.clone()),
                Arc::default,
            );
            // Another session may have built the same key meanwhile: keep one.
            let ds = live_or_insert(&shared.datasets, key.clone(), || {
                Arc::new(SharedDataset::new(key, seeded, costs))
            });
            shared.keep(&ds);
            Ok(ds)
        })
    }
}

/// The live value under `key`, or `make()`'s, which the map then points to.
fn live_or_insert<K: Eq + std::hash::Hash, V>(
    map: &DashMap<K, Weak<V>>,
    key: K,
    make: impl FnOnce() -> Arc<V>,
) -> Arc<V> {
    let mut slot = map.entry(key).or_default();
    slot.upgrade().unwrap_or_else(|| {
        let v = make();
        *slot = Arc::downgrade(&v);
        v
    })
}

/// A cloneable handle: the map and cache directly, the actor for builds.
#[derive(Clone)]
pub struct Supervisor {
    shared: Arc<Shared>,
    addr: Addr<DatasetSupervisor>,
}

fn gone(e: MailboxError) -> EnvError {
    EnvError::exec(
        Reason::Internal,
        format!("dataset supervisor unavailable: {e}"),
    )
}

fn generation_error(e: dataset_core::DatasetError) -> EnvError {
    EnvError::from(e)
}

impl Supervisor {
    /// Starts the actor on the current arbiter.
    pub fn start(cache: ItemCache, limit: Duration, pool: Pool) -> Supervisor {
        let shared = Arc::new(Shared {
            datasets: DashMap::new(),
            costs: DashMap::new(),
            recent: Mutex::new(Recent::new()),
            cache: Mutex::new(cache),
            limit,
            pool,
        });
        let addr = DatasetSupervisor {
            shared: shared.clone(),
            prune_at: 64,
        }
        .start();
        Supervisor { shared, addr }
    }

    pub fn pool(&self) -> &Pool {
        &self.shared.pool
    }

    /// `generation_timeout`.
    pub fn limit(&self) -> Duration {
        self.shared.limit
    }

    /// Bytes the item cache holds now.
    pub fn cache_bytes(&self) -> usize {
        self.shared.cache.lock().map_or(0, |c| c.bytes())
    }

    /// The live dataset for `key`, if some session holds it or it was used
    /// recently.
    pub fn lookup(&self, key: &DatasetKey) -> Option<Arc<SharedDataset>> {
        let ds = self.shared.datasets.get(key).and_then(|w| w.upgrade())?;
        self.shared.keep(&ds);
        Some(ds)
    }

    /// The dataset for `key`, built by the actor if no session holds it.
    pub async fn acquire(
        &self,
        key: DatasetKey,
        config: Map<String, Value>,
    ) -> Result<Arc<SharedDataset>, EnvError> {
        if let Some(ds) = self.lookup(&key) {
            return Ok(ds);
        }
        self.addr
            .send(Acquire { key, config })
            .await
            .map_err(gone)?
    }

    /// Item `index` (`index < size`, checked by the caller) if it can be had
    /// without waiting: from the cache, or generated here when the dataset
    /// is known to be cheap. `None`: use [`Supervisor::generate`].
    pub fn generate_now(
        &self,
        ds: &SharedDataset,
        index: u64,
    ) -> Option<Result<Arc<Item>, EnvError>> {
        if let Some(item) = self.shared.cached(ds, index) {
            return Some(Ok(item));
        }
        if !ds.costs.generation.inline() {
            return None;
        }
        metrics().cache_misses.inc();
        let started = Instant::now();
        let (item, cpu) = sampled(|| ds.seeded.get(index));
        if let Some(cpu) = cpu {
            ds.costs.generation.record(cpu);
        }
        ds.generation_seconds
            .observe(started.elapsed().as_secs_f64());
        Some(item.map_err(generation_error).map(|item| {
            let item = Arc::new(item);
            self.shared.remember(ds, index, &item);
            item
        }))
    }

    /// Item `index`, on the worker pool under the time limit unless it can
    /// be had at once.
    pub async fn generate(
        &self,
        ds: Arc<SharedDataset>,
        index: u64,
    ) -> Result<Arc<Item>, EnvError> {
        if let Some(r) = self.generate_now(&ds, index) {
            return r;
        }
        metrics().cache_misses.inc();
        let worker = ds.clone();
        let (item, cpu, wall) = run_limited(
            &self.shared.pool,
            Some(&ds.costs.generation),
            self.shared.limit,
            "generating the item",
            move || {
                let started = Instant::now();
                let (item, cpu) = timed(|| worker.seeded.get(index));
                (item, cpu, started.elapsed())
            },
        )
        .await?;
        ds.costs.generation.record(cpu);
        // The histogram takes wall time on both paths; the CPU time decides inlining.
        ds.generation_seconds.observe(wall.as_secs_f64());
        let item = Arc::new(item.map_err(generation_error)?);
        self.shared.remember(&ds, index, &item);
        Ok(item)
    }

    /// The score of `answer`, if the dataset is known to score cheaply.
    pub fn score_now(&self, ds: &SharedDataset, item: &Item, answer: Option<&str>) -> Option<f64> {
        if !ds.costs.scoring.inline() {
            return None;
        }
        let (score, cpu) = sampled(|| ds.seeded.score(answer, item));
        if let Some(cpu) = cpu {
            ds.costs.scoring.record(cpu);
        }
        ds.scores_for(item).observe(score);
        Some(score)
    }

    /// The score of `answer` for `item`.
    pub async fn score(
        &self,
        ds: Arc<SharedDataset>,
        item: Arc<Item>,
        answer: Option<String>,
    ) -> Result<f64, EnvError> {
        if let Some(score) = self.score_now(&ds, &item, answer.as_deref()) {
            return Ok(score);
        }
        let (worker, scored) = (ds.clone(), item.clone());
        let (score, took) = run_limited(
            &self.shared.pool,
            Some(&ds.costs.scoring),
            self.shared.limit,
            "scoring the answer",
            move || timed(|| worker.seeded.score(answer.as_deref(), &scored)),
        )
        .await?;
        ds.costs.scoring.record(took);
        ds.scores_for(&item).observe(score);
        Ok(score)
    }
}

#[cfg(test)]
mod tests {
    use dataset_core::Seed;
    use serde_json::json;

    use super::cost::WARM_UP;
    use super::*;

    fn key(name: &str, seed: i128, size: u64) -> DatasetKey {
        DatasetKey::new(name, &Map::new(), Seed::from(seed), size)
    }

    #[actix_rt::test]
    async fn slow_work_times_out_and_stops_instead_of_hanging() {
        let pool = Pool::new(1, 8);
        let t = Instant::now();
        let cost = Cost::default();
        let r = run_limited(
            &pool,
            Some(&cost),
            Duration::from_millis(50),
            "generating the item",
            || loop {
                budget::check();
                std::hint::spin_loop();
            },
        )
        .await;
        assert!(t.elapsed() < Duration::from_millis(400));
        assert_eq!(
            r,
            Err(EnvError::exec(
                Reason::Timeout,
                "generating the item took longer than the 0.050s limit"
            ))
        );
        // Timed out: slow from now on, so its next calls use the slow lane.
        assert!(cost.struck());
        let r = run_limited(
            &pool,
            None,
            Duration::from_secs(1),
            "scoring the answer",
            || -> u8 { panic!("boom") },
        )
        .await;
        assert_eq!(
            r,
            Err(EnvError::exec(
                Reason::Internal,
                "internal error while scoring the answer"
            ))
        );
    }

    #[actix_rt::test]
    async fn shares_instances_and_caches_items() {
        let sup = Supervisor::start(
            ItemCache::new(16, 1 << 30),
            Duration::from_secs(5),
            Pool::new(2, 64),
        );
        let a = sup
            .acquire(key("leg_counting", 42, 10), Map::new())
            .await
            .unwrap();
        let b = sup
            .acquire(key("leg_counting", 42, 10), Map::new())
            .await
            .unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        assert!(Arc::ptr_eq(
            &a,
            &sup.lookup(&key("leg_counting", 42, 10)).unwrap()
        ));
        let c = sup
            .acquire(key("leg_counting", 43, 10), Map::new())
            .await
            .unwrap();
        assert!(!Arc::ptr_eq(&a, &c));
        let c_id = c.id;
        let hits = metrics().cache_hits.get();
        let i1 = sup.generate(a.clone(), 3).await.unwrap();
        let i2 = sup.generate(b.clone(), 3).await.unwrap();
        assert!(Arc::ptr_eq(&i1, &i2));
        assert!(metrics().cache_hits.get() > hits);
        let s = sup
            .score(a, i1.clone(), Some(i1.answer.clone()))
            .await
            .unwrap();
        assert_eq!(s, 1.0);
        let e = sup
            .acquire(key("nope", 1, 1), Map::new())
            .await
            .err()
            .unwrap();
        assert_eq!(
            e,
            EnvError::exec(Reason::UnknownDataset, "Dataset 'nope' not registered")
        );
        // Dropped by every session, still kept as recently used.
        drop((b, c));
        let again = sup
            .acquire(key("leg_counting", 43, 10), Map::new())
            .await
            .unwrap();
        assert_eq!(again.id, c_id);
    }

    #[actix_rt::test]
    async fn recently_used_datasets_are_kept_within_a_bound() {
        let sup = Supervisor::start(
            ItemCache::new(0, 1 << 30),
            Duration::from_secs(5),
            Pool::new(2, 64),
        );
        let first = sup
            .acquire(key("leg_counting", 1000, 5), Map::new())
            .await
            .unwrap();
        let first_id = first.id;
        drop(first);
        assert!(sup.lookup(&key("leg_counting", 1000, 5)).is_some());
        for seed in 1001..1001 + RECENT_DATASETS.get() as i128 {
            sup.acquire(key("leg_counting", seed, 5), Map::new())
                .await
                .unwrap();
        }
        assert!(sup.lookup(&key("leg_counting", 1000, 5)).is_none());
        let rebuilt = sup
            .acquire(key("leg_counting", 1000, 5), Map::new())
            .await
            .unwrap();
        assert_ne!(rebuilt.id, first_id);
    }

    #[actix_rt::test]
    async fn cheap_datasets_go_inline_after_warm_up() {
        let sup = Supervisor::start(
            ItemCache::new(0, 1 << 30),
            Duration::from_secs(5),
            Pool::new(2, 64),
        );
        let ds = sup
            .acquire(key("leg_counting", 7, 1000), Map::new())
            .await
            .unwrap();
        assert!(
            sup.generate_now(&ds, 0).is_none(),
            "unknown cost: worker pool"
        );
        for i in 0..u64::from(WARM_UP) {
            let item = sup.generate(ds.clone(), i).await.unwrap();
            assert_eq!(*item, ds.seeded.get(i).unwrap());
        }
        // leg_counting takes microseconds of CPU; should one call still pass
        // the bound, the dataset only stays on the pool.
        if !ds.costs.generation.slow() {
            let now = sup.generate_now(&ds, 500).unwrap().unwrap();
            assert_eq!(*now, ds.seeded.get(500).unwrap());
        }
        // Another seed of the same config shares what was learned.
        let other = sup
            .acquire(key("leg_counting", 8, 1000), Map::new())
            .await
            .unwrap();
        assert!(Arc::ptr_eq(&ds.costs, &other.costs));
        let third = sup
            .acquire(
                DatasetKey::new(
                    "leg_counting",
                    &json!({"min_animals": 2}).as_object().unwrap().clone(),
                    Seed::from(7),
                    1000,
                ),
                json!({"min_animals": 2}).as_object().unwrap().clone(),
            )
            .await
            .unwrap();
        assert!(!Arc::ptr_eq(&ds.costs, &third.costs));
    }
}
