//! Every Prometheus metric the server exports, in one place, named `rgym_*`.
//!
//! Metrics are process-wide (one registry), like the process they describe;
//! tests that start several servers in one process compare deltas.

use std::sync::LazyLock;

use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts,
    Registry, TextEncoder,
};

pub struct Metrics {
    pub registry: Registry,
    pub active_sessions: IntGauge,
    pub sessions_opened: IntCounter,
    /// Label `reason`: client_close, disconnect, idle, shutdown, heartbeat,
    /// protocol_error, overload, slow_reader, mcp_close.
    pub sessions_closed: IntCounterVec,
    pub sessions_refused: IntCounter,
    /// Label `type`: the message `type` (reset, step, state, close, mcp) or
    /// `invalid` for frames that never got that far.
    pub messages: IntCounterVec,
    /// Label `code`: the WebSocket error code.
    pub errors: IntCounterVec,
    pub reset_latency: Histogram,
    pub step_latency: Histogram,
    /// Label `dataset`.
    pub generation_seconds: HistogramVec,
    pub cache_hits: IntCounter,
    pub cache_misses: IntCounter,
    pub cache_size: IntGauge,
    pub cache_bytes: IntGauge,
    /// Jobs waiting for a thread of the worker pool, and running on one.
    pub pool_queued: IntGauge,
    pub pool_running: IntGauge,
    pub datasets_live: IntGauge,
    /// Label `dataset` (the item's source dataset for composites).
    pub scores: HistogramVec,
    /// Label `dataset` (a composite's member): the highest attribute level
    /// of each item a reset served under a curriculum.
    pub curriculum_levels: HistogramVec,
    /// Label `route`: the matched HTTP route pattern.
    pub http_requests: IntCounterVec,
    /// Requests refused for want of a valid token (`auth_tokens`).
    pub auth_refused: IntCounter,
    /// Label `work`: building, generating, scoring. Work sent to the worker pool
    /// (datasets not yet known to be cheap); the rest runs inline.
    pub offloaded: IntCounterVec,
    /// `messages` for the labels every frame uses, resolved once: a label
    /// lookup hashes and locks, and this runs for every frame.
    message_kinds: Vec<(&'static str, IntCounter)>,
}

const MESSAGE_KINDS: [&str; 7] = [
    "reset", "step", "state", "close", "mcp", "invalid", "unknown",
];

const LATENCY_BUCKETS: &[f64] = &[
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    5.0, 10.0, 30.0,
];
const SCORE_BUCKETS: &[f64] = &[0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.99, 1.0];
/// Curriculum levels are small integers (reasoning-gym's longest attribute
/// has 36 levels).
const LEVEL_BUCKETS: &[f64] = &[
    0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 12.0, 15.0, 20.0, 30.0,
];

fn counter(r: &Registry, name: &str, help: &str) -> IntCounter {
    let m = IntCounter::new(name, help).expect("valid metric name");
    r.register(Box::new(m.clone())).expect("unique metric");
    m
}

fn counter_vec(r: &Registry, name: &str, help: &str, label: &str) -> IntCounterVec {
    let m = IntCounterVec::new(Opts::new(name, help), &[label]).expect("valid metric name");
    r.register(Box::new(m.clone())).expect("unique metric");
    m
}

fn gauge(r: &Registry, name: &str, help: &str) -> IntGauge {
    let m = IntGauge::new(name, help).expect("valid metric name");
    r.register(Box::new(m.clone())).expect("unique metric");
    m
}

fn histogram(r: &Registry, name: &str, help: &str, buckets: &[f64]) -> Histogram {
    let m = Histogram::with_opts(HistogramOpts::new(name, help).buckets(buckets.to_vec()))
        .expect("valid metric name");
    r.register(Box::new(m.clone())).expect("unique metric");
    m
}

fn histogram_vec(r: &Registry, name: &str, help: &str, buckets: &[f64]) -> HistogramVec {
    let m = HistogramVec::new(
        HistogramOpts::new(name, help).buckets(buckets.to_vec()),
        &["dataset"],
    )
    .expect("valid metric name");
    r.register(Box::new(m.clone())).expect("unique metric");
    m
}

impl Metrics {
    fn new() -> Metrics {
        let r = Registry::new();
        Metrics {
            active_sessions: gauge(&r, "rgym_active_sessions", "Sessions holding a slot"),
            sessions_opened: counter(&r, "rgym_sessions_opened_total", "Sessions opened"),
            sessions_closed: counter_vec(
                &r,
                "rgym_sessions_closed_total",
                "Sessions closed, by reason",
                "reason",
            ),
            sessions_refused: counter(
                &r,
                "rgym_sessions_refused_total",
                "Connections refused with CAPACITY_REACHED",
            ),
            messages: counter_vec(
                &r,
                "rgym_messages_total",
                "WebSocket messages received, by type",
                "type",
            ),
            errors: counter_vec(&r, "rgym_errors_total", "Error replies, by code", "code"),
            reset_latency: histogram(
                &r,
                "rgym_reset_latency_seconds",
                "Time to answer a reset",
                LATENCY_BUCKETS,
            ),
            step_latency: histogram(
                &r,
                "rgym_step_latency_seconds",
                "Time to answer a step",
                LATENCY_BUCKETS,
            ),
            generation_seconds: histogram_vec(
                &r,
                "rgym_item_generation_seconds",
                "Time to generate one item (cache misses only), by dataset",
                LATENCY_BUCKETS,
            ),
            cache_hits: counter(
                &r,
                "rgym_item_cache_hits_total",
                "Items served from the cache",
            ),
            cache_misses: counter(
                &r,
                "rgym_item_cache_misses_total",
                "Items that had to be generated",
            ),
            cache_size: gauge(&r, "rgym_item_cache_size", "Items in the cache"),
            cache_bytes: gauge(
                &r,
                "rgym_item_cache_bytes",
                "Bytes of the items in the cache (question, answer, metadata)",
            ),
            pool_queued: gauge(
                &r,
                "rgym_pool_queued_jobs",
                "Builds, generations and scorings waiting for a worker thread",
            ),
            pool_running: gauge(
                &r,
                "rgym_pool_running_jobs",
                "Builds, generations and scorings running on a worker thread",
            ),
            datasets_live: gauge(
                &r,
                "rgym_datasets_live",
                "Distinct dataset instances shared by the sessions",
            ),
            scores: histogram_vec(&r, "rgym_scores", "Scores given, by dataset", SCORE_BUCKETS),
            curriculum_levels: histogram_vec(
                &r,
                "rgym_curriculum_level",
                "Highest curriculum level of the items served under a curriculum, by dataset",
                LEVEL_BUCKETS,
            ),
            http_requests: counter_vec(
                &r,
                "rgym_http_requests_total",
                "HTTP requests, by route",
                "route",
            ),
            auth_refused: counter(
                &r,
                "rgym_auth_refused_total",
                "Requests refused for want of a valid bearer token",
            ),
            offloaded: counter_vec(
                &r,
                "rgym_offloaded_total",
                "Builds, generations and scorings run on the worker pool under the time limit",
                "work",
            ),
            message_kinds: Vec::new(),
            registry: r,
        }
        .resolve()
    }

    fn resolve(mut self) -> Metrics {
        self.message_kinds = MESSAGE_KINDS
            .iter()
            .map(|&k| (k, self.messages.with_label_values(&[k])))
            .collect();
        self
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        let mut buf = Vec::new();
        let encoder = TextEncoder::new();
        if encoder.encode(&self.registry.gather(), &mut buf).is_err() {
            return String::new();
        }
        String::from_utf8(buf).unwrap_or_default()
    }

    pub fn error(&self, code: &str) {
        self.errors.with_label_values(&[code]).inc();
    }

    pub fn message(&self, kind: &str) {
        match self.message_kinds.iter().find(|(k, _)| *k == kind) {
            Some((_, c)) => c.inc(),
            None => self.messages.with_label_values(&[kind]).inc(),
        }
    }

    pub fn closed(&self, reason: &str) {
        self.sessions_closed.with_label_values(&[reason]).inc();
    }
}

pub static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

pub fn metrics() -> &'static Metrics {
    &METRICS
}
