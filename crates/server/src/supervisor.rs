//! Shared dataset instances and the item cache.
//!
//! Datasets are keyed by (name, canonical config, seed, size), so N sessions
//! on the same dataset share one instance, and generated items are cached by
//! (instance, index): many agents asking for the same seed/index (the GRPO
//! case) cost one generation.
//!
//! The [`DatasetSupervisor`] actor owns the map: it builds datasets (on the
//! blocking pool, under the time limit), keeps one instance per key when two
//! sessions asked for a new key at once, and prunes dead entries. Everything on the
//! per-message path — finding a live dataset, the item cache, generating,
//! scoring — is done by the caller through the [`Supervisor`] handle, without
//! a message to the actor: a hop through one actor per request serialised
//! every session behind one thread and cost four thread hand-offs per episode.
//!
//! Generation and scoring run inline on the calling worker once a dataset has
//! shown itself cheap ([`Cost`]); until then, and for good once calls were
//! seen to be slow, they run on the blocking pool under the time limit, so a slow or
//! looping generator turns into an `EXECUTION_ERROR` reply instead of a
//! stalled worker.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

use actix::prelude::*;
use dashmap::DashMap;
use dataset_core::{Item, Seed, Seeded};
use lru::LruCache;
use prometheus::Histogram;
use serde_json::{Map, Value};

use crate::error::EnvError;
use crate::metrics::metrics;
use crate::pool::{Lane, Pool, PoolError};

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

/// Calls that used more CPU than this are "slow": the dataset's later calls
/// go to the blocking pool. Well above a cheap item (a few µs), well below
/// what would hold up the other sessions on a worker noticeably.
const INLINE_MAX: Duration = Duration::from_micros(500);
/// Calls timed on the blocking pool before a dataset may run inline: the
/// first items of a config are the evidence that it is cheap.
const WARM_UP: u32 = 32;
/// Calls whose time does not count towards "slow".
const FIRST_CALLS_EXCUSED: u32 = 4;
/// Slow calls that send a dataset to the pool for good. More than one: a
/// cheap call can still show a slow CPU time now and then (a transparent huge
/// page zeroed on first touch is hundreds of µs of the thread's system time),
/// while a dataset with slow items shows them again and again.
const STRIKES: u32 = 3;

/// What is known of how long a dataset's calls take. Shared by every
/// instance with the same name and config (seeds differ per session, cost
/// does not), so a fleet of sessions warms it up once.
#[derive(Default)]
pub struct Cost {
    timed: AtomicU32,
    strikes: AtomicU32,
}

impl Cost {
    fn inline(&self) -> bool {
        self.timed.load(Ordering::Relaxed) >= WARM_UP && !self.slow()
    }

    fn record(&self, took: Duration) {
        let before = self
            .timed
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                (n < WARM_UP).then_some(n + 1)
            })
            .unwrap_or(WARM_UP);
        // The first calls of a dataset pay for one-time work (word lists
        // decoded on first use, first-touch page faults) that says nothing
        // about its items.
        if took > INLINE_MAX && before >= FIRST_CALLS_EXCUSED {
            self.strikes.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Some call was slow: its work goes to the pool's slow lane.
    fn struck(&self) -> bool {
        self.strikes.load(Ordering::Relaxed) > 0
    }

    /// A call that ran out of time: slow, whatever the warm-up.
    fn record_timeout(&self, limit: Duration) {
        if limit > INLINE_MAX {
            self.strikes.fetch_add(1, Ordering::Relaxed);
        }
    }

    fn slow(&self) -> bool {
        self.strikes.load(Ordering::Relaxed) >= STRIKES
    }
}

/// Generation and scoring costs of one (name, config).
#[derive(Default)]
pub struct Costs {
    generation: Cost,
    scoring: Cost,
}

/// CPU time of the calling thread. Wall time would count the time a thread
/// sat preempted on this busy 2-core box as the dataset's, and one such call
/// would mark a cheap dataset slow for good.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Runs `f` and gives its result with the CPU time it took.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = thread_cpu();
    let v = f();
    (v, thread_cpu().saturating_sub(started))
}

/// Inline calls time one call in `SAMPLE_EVERY` per thread: the thread CPU
/// clock is a system call (no vDSO), two per call cost more than a cheap item.
const SAMPLE_EVERY: u32 = 16;

fn sampled<T>(f: impl FnOnce() -> T) -> (T, Option<Duration>) {
    thread_local!(static CALLS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) });
    let n = CALLS.with(|c| {
        let n = c.get().wrapping_add(1);
        c.set(n);
        n
    });
    if n.is_multiple_of(SAMPLE_EVERY) {
        let (v, took) = timed(f);
        (v, Some(took))
    } else {
        (f(), None)
    }
}

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

/// A dataset instance shared by every session that asked for its key.
pub struct SharedDataset {
    pub key: Arc<DatasetKey>,
    pub seeded: Seeded,
    /// Names the instance in the item cache (cheaper to hash than the key).
    id: u64,
    costs: Arc<Costs>,
    generation_seconds: Histogram,
    scores: Histogram,
}

impl SharedDataset {
    fn new(key: Arc<DatasetKey>, seeded: Seeded, costs: Arc<Costs>) -> SharedDataset {
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
    fn scores_for(&self, item: &Item) -> Histogram {
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

/// Bytes a cache entry costs besides the item's own heap bytes (the `Arc`,
/// the key, the LRU links).
const ENTRY_OVERHEAD: usize = 128;
/// No item bigger than this share of the cache's bytes is cached: one huge
/// item must not evict everything else, and items that big are rare enough
/// that regenerating them is the cheaper trade.
const ITEM_SHARE: usize = 16;

/// Generated items by (dataset instance, index), least recently used first
/// out, bounded both by count and by the bytes the items hold.
pub struct ItemCache {
    lru: LruCache<(u64, u64), (Arc<Item>, usize)>,
    bytes: usize,
    max_items: usize,
    max_bytes: usize,
}

impl ItemCache {
    pub fn new(max_items: usize, max_bytes: usize) -> ItemCache {
        ItemCache {
            lru: LruCache::unbounded(),
            bytes: 0,
            max_items,
            max_bytes,
        }
    }

    fn get(&mut self, key: (u64, u64)) -> Option<Arc<Item>> {
        self.lru.get(&key).map(|(item, _)| item.clone())
    }

    /// Caches `item` unless it is larger than its share; evicts the least
    /// recently used items until both bounds hold.
    fn put(&mut self, key: (u64, u64), item: &Arc<Item>) {
        let weight = item.heap_bytes() + ENTRY_OVERHEAD;
        if weight > self.max_bytes / ITEM_SHARE || self.max_items == 0 {
            return;
        }
        if let Some((_, old)) = self.lru.put(key, (item.clone(), weight)) {
            self.bytes -= old;
        }
        self.bytes += weight;
        while self.bytes > self.max_bytes || self.lru.len() > self.max_items {
            match self.lru.pop_lru() {
                Some((_, (_, w))) => self.bytes -= w,
                None => break,
            }
        }
    }

    pub fn len(&self) -> usize {
        self.lru.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lru.is_empty()
    }

    pub fn bytes(&self) -> usize {
        self.bytes
    }
}

/// How many recently used datasets stay built with no session holding them.
pub const RECENT_DATASETS: NonZeroUsize = match NonZeroUsize::new(256) {
    Some(n) => n,
    None => unreachable!(),
};
/// ... and how many bytes of config they may hold between them: a config is
/// client text (up to `max_frame_bytes`), kept in the key and, parsed, in
/// the dataset.
pub const RECENT_CONFIG_BYTES: usize = 64 << 20;

/// The recently used datasets, held strongly, bounded by count and by the
/// bytes of their configs.
struct Recent {
    lru: LruCache<u64, Arc<SharedDataset>>,
    bytes: usize,
}

impl Recent {
    fn weight(ds: &SharedDataset) -> usize {
        // The canonical text in the key and about as much again parsed.
        2 * (ds.key.config.len() + ds.key.name.len())
    }

    fn keep(&mut self, ds: &Arc<SharedDataset>) {
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

/// State shared by the actor and every handle.
struct Shared {
    /// Weak, so a dataset lives exactly as long as some session uses it;
    /// dead entries are pruned by the actor as the map grows.
    datasets: DashMap<Arc<DatasetKey>, Weak<SharedDataset>>,
    /// By (name, canonical config); weak like `datasets`, pruned with it.
    costs: DashMap<(String, String), Weak<Costs>>,
    /// The datasets built last, held strongly: agents that reconnect and
    /// reset with the same parameters (churn) find their dataset live
    /// instead of rebuilding it on the blocking pool.
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
        EnvError::Execution(match e {
            PoolError::Timeout(limit) => format!(
                "{what} took longer than the {:.3}s limit",
                limit.as_secs_f64()
            ),
            PoolError::Shutdown => format!("the server is shutting down; stopped {what}"),
            PoolError::Busy => format!("the server is too busy for {what}; try again"),
            PoolError::Panicked => format!("internal error while {what}"),
        })
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
            .map_err(|e| EnvError::Execution(e.to_string()))?;
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

/// A cloneable handle: the map and cache directly, the actor for builds.
#[derive(Clone)]
pub struct Supervisor {
    shared: Arc<Shared>,
    addr: Addr<DatasetSupervisor>,
}

fn gone(e: MailboxError) -> EnvError {
    EnvError::Execution(format!("dataset supervisor unavailable: {e}"))
}

fn generation_error(e: dataset_core::DatasetError) -> EnvError {
    EnvError::Execution(e.to_string())
}

impl Supervisor {
    /// Starts the actor on the current arbiter.
    pub fn start(cache: ItemCache, limit: Duration, pool: Pool) -> Supervisor {
        let shared = Arc::new(Shared {
            datasets: DashMap::new(),
            costs: DashMap::new(),
            recent: Mutex::new(Recent {
                lru: LruCache::new(RECENT_DATASETS),
                bytes: 0,
            }),
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

    /// Item `index`, on the blocking pool under the time limit unless it can
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
    pub fn score_now(&self, ds: &SharedDataset, item: &Item, answer: &str) -> Option<f64> {
        if !ds.costs.scoring.inline() {
            return None;
        }
        let (score, cpu) = sampled(|| ds.seeded.score(Some(answer), item));
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
        answer: String,
    ) -> Result<f64, EnvError> {
        if let Some(score) = self.score_now(&ds, &item, &answer) {
            return Ok(score);
        }
        let (worker, scored) = (ds.clone(), item.clone());
        let (score, took) = run_limited(
            &self.shared.pool,
            Some(&ds.costs.scoring),
            self.shared.limit,
            "scoring the answer",
            move || timed(|| worker.seeded.score(Some(&answer), &scored)),
        )
        .await?;
        ds.costs.scoring.record(took);
        ds.scores_for(&item).observe(score);
        Ok(score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn key(name: &str, seed: i128, size: u64) -> DatasetKey {
        DatasetKey::new(name, &Map::new(), Seed::from(seed), size)
    }

    #[test]
    fn canonical_sorts_keys_but_not_arrays() {
        let a = json!({"b": 1, "a": {"y": [2, 1], "x": null}});
        let b = json!({"a": {"x": null, "y": [2, 1]}, "b": 1});
        assert_eq!(canonical(&a), canonical(&b));
        assert_eq!(canonical(&a), r#"{"a":{"x":null,"y":[2,1]},"b":1}"#);
        assert_ne!(canonical(&json!([1, 2])), canonical(&json!([2, 1])));
        assert_eq!(canonical_map(&Map::new()), canonical(&json!({})));
    }

    #[test]
    fn cost_goes_inline_after_warm_up_and_back_for_good_after_repeated_slow_calls() {
        let c = Cost::default();
        c.record(INLINE_MAX * 100);
        for _ in 1..WARM_UP - 1 {
            c.record(Duration::from_micros(3));
        }
        assert!(!c.inline());
        c.record(Duration::from_micros(3));
        assert!(c.inline());
        for _ in 1..STRIKES {
            c.record(INLINE_MAX * 2);
            assert!(c.inline(), "an odd slow call is forgiven");
        }
        c.record(INLINE_MAX * 2);
        assert!(!c.inline());
        for _ in 0..1000 {
            c.record(Duration::from_micros(1));
        }
        assert!(!c.inline());
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
            Err(EnvError::Execution(
                "generating the item took longer than the 0.050s limit".into()
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
            Err(EnvError::Execution(
                "internal error while scoring the answer".into()
            ))
        );
    }

    fn item(text: usize) -> Arc<Item> {
        Arc::new(Item {
            question: "q".repeat(text),
            answer: String::new(),
            metadata: Map::new().into(),
        })
    }

    #[test]
    fn the_item_cache_is_bounded_by_bytes_and_skips_items_over_their_share() {
        let mut c = ItemCache::new(1000, 16 * 5_000);
        for i in 0..100 {
            c.put((0, i), &item(1000));
        }
        assert!(c.bytes() <= 16 * 5_000, "{}", c.bytes());
        assert!(c.len() < 100 && c.len() > 50, "{}", c.len());
        // The most recent items are the ones kept.
        assert!(c.get((0, 99)).is_some());
        assert!(c.get((0, 0)).is_none());
        // Over a sixteenth of the bytes: not cached at all.
        c.put((1, 0), &item(5_001));
        assert!(c.get((1, 0)).is_none());
        // Replacing an entry does not count it twice.
        let before = c.bytes();
        c.put((0, 99), &item(1000));
        assert_eq!(c.bytes(), before);
        // Bounded by count too.
        let mut c = ItemCache::new(3, 1 << 30);
        for i in 0..10 {
            c.put((0, i), &item(1));
        }
        assert_eq!(c.len(), 3);
        assert_eq!(ItemCache::new(0, 1 << 30).len(), 0);
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
        let s = sup.score(a, i1.clone(), i1.answer.clone()).await.unwrap();
        assert_eq!(s, 1.0);
        let e = sup
            .acquire(key("nope", 1, 1), Map::new())
            .await
            .err()
            .unwrap();
        assert_eq!(
            e,
            EnvError::Execution("Dataset 'nope' not registered".into())
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

    #[test]
    fn thread_cpu_time_counts_work_not_sleep() {
        let ((), slept) = timed(|| std::thread::sleep(Duration::from_millis(30)));
        assert!(slept < Duration::from_millis(15), "{slept:?}");
        let (_, worked) = timed(|| {
            let t = Instant::now();
            let mut x = 0u64;
            while t.elapsed() < Duration::from_millis(30) {
                x = std::hint::black_box(x.wrapping_add(1));
            }
            x
        });
        assert!(worked > Duration::ZERO);
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
            "unknown cost: blocking pool"
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
