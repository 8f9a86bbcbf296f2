//! Every Prometheus metric the server exports, in one place, named `rgym_*`.
//!
//! Metrics are process-wide (one registry), like the process they describe;
//! tests that start several servers in one process compare deltas. Besides
//! `rgym_*`: `process_*` (CPU, memory, file descriptors) and
//! `rgym_build_info{version, git_sha}`.

use std::sync::{LazyLock, Mutex};

use actix_web::http::{Method, StatusCode};
use prometheus::{
    Counter, Encoder, Gauge, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec,
    IntGauge, IntGaugeVec, Opts, Registry, TextEncoder,
};

pub struct Metrics {
    pub registry: Registry,
    pub active_sessions: IntGauge,
    /// The configured `max_sessions` (of the server started last in this process).
    pub max_sessions: IntGauge,
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
    /// Labels `method` (the standard methods, else `other`), `route` (the
    /// matched route pattern, else `unmatched`) and `status` (of the reply).
    pub http_requests: IntCounterVec,
    /// Requests refused for want of a valid token (`auth_tokens`).
    pub auth_refused: IntCounter,
    /// Label `work`: building, generating, scoring. Work sent to the worker pool
    /// (datasets not yet known to be cheap); the rest runs inline.
    pub offloaded: IntCounterVec,
    /// `messages` for the labels every frame uses, resolved once: a label
    /// lookup hashes and locks, and this runs for every frame.
    message_kinds: Vec<(&'static str, IntCounter)>,
    /// The `process_*` metrics, read from /proc at each scrape.
    process: Process,
}

const MESSAGE_KINDS: [&str; 7] = [
    "reset", "step", "state", "close", "mcp", "invalid", "unknown",
];

// Labels exported at 0 from the start, so that dashboards and alert rules
// see a series (and rates of 0) before the first event, not "no data".
const ERROR_CODES: [&str; 5] = [
    "INVALID_JSON",
    "UNKNOWN_TYPE",
    "VALIDATION_ERROR",
    "EXECUTION_ERROR",
    "CAPACITY_REACHED",
];
const CLOSE_REASONS: [&str; 9] = [
    "client_close",
    "disconnect",
    "idle",
    "shutdown",
    "heartbeat",
    "protocol_error",
    "overload",
    "slow_reader",
    "mcp_close",
];
const OFFLOADED_WORK: [&str; 3] = ["building", "generating", "scoring"];

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
            max_sessions: gauge(
                &r,
                "rgym_max_sessions",
                "Sessions the server accepts at once (max_sessions)",
            ),
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
            http_requests: {
                let m = IntCounterVec::new(
                    Opts::new(
                        "rgym_http_requests_total",
                        "HTTP requests answered, by method, route and status",
                    ),
                    &["method", "route", "status"],
                )
                .expect("valid metric name");
                r.register(Box::new(m.clone())).expect("unique metric");
                m
            },
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
            process: Process::new(&r),
            registry: r,
        }
        .resolve()
    }

    fn resolve(mut self) -> Metrics {
        for code in ERROR_CODES {
            self.errors.with_label_values(&[code]);
        }
        for reason in CLOSE_REASONS {
            self.sessions_closed.with_label_values(&[reason]);
        }
        for work in OFFLOADED_WORK {
            self.offloaded.with_label_values(&[work]);
        }
        let build = IntGaugeVec::new(
            Opts::new(
                "rgym_build_info",
                "Always 1; the labels say which build is running",
            ),
            &["version", "git_sha"],
        )
        .expect("valid metric name");
        build
            .with_label_values(&[env!("CARGO_PKG_VERSION"), env!("RGYM_GIT_SHA")])
            .set(1);
        self.registry
            .register(Box::new(build))
            .expect("unique metric");
        self.message_kinds = MESSAGE_KINDS
            .iter()
            .map(|&k| (k, self.messages.with_label_values(&[k])))
            .collect();
        self
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        self.process.refresh();
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

    /// One HTTP request answered. The method is a client's word, so only the
    /// standard ones become labels: a made-up method must not make a series.
    pub fn http_request(&self, method: &Method, route: &str, status: StatusCode) {
        const KNOWN: [Method; 9] = [
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::HEAD,
            Method::OPTIONS,
            Method::PATCH,
            Method::TRACE,
            Method::CONNECT,
        ];
        let method = if KNOWN.contains(method) {
            method.as_str()
        } else {
            "other"
        };
        self.http_requests
            .with_label_values(&[method, route, status.as_str()])
            .inc();
    }
}

/// `process_*` as the Prometheus client libraries name them (CPU seconds,
/// resident and virtual memory, open and maximum file descriptors, threads,
/// start time), read from /proc when scraped. Own code rather than the
/// `prometheus` crate's collector, which counts CPU in whole seconds. Where
/// /proc cannot be read (not Linux) they stay 0.
struct Process {
    cpu_seconds: Counter,
    resident_bytes: IntGauge,
    virtual_bytes: IntGauge,
    open_fds: IntGauge,
    max_fds: IntGauge,
    threads: IntGauge,
    start_time: Gauge,
    /// Two scrapes at once must not both add the same CPU time.
    refreshing: Mutex<()>,
}

impl Process {
    fn new(r: &Registry) -> Process {
        let cpu_seconds = Counter::new(
            "process_cpu_seconds_total",
            "Total user and system CPU time spent in seconds",
        )
        .expect("valid metric name");
        r.register(Box::new(cpu_seconds.clone()))
            .expect("unique metric");
        let start_time = Gauge::new(
            "process_start_time_seconds",
            "Start time of the process since unix epoch in seconds",
        )
        .expect("valid metric name");
        r.register(Box::new(start_time.clone()))
            .expect("unique metric");
        let p = Process {
            cpu_seconds,
            resident_bytes: gauge(
                r,
                "process_resident_memory_bytes",
                "Resident memory size in bytes",
            ),
            virtual_bytes: gauge(
                r,
                "process_virtual_memory_bytes",
                "Virtual memory size in bytes",
            ),
            open_fds: gauge(r, "process_open_fds", "Number of open file descriptors"),
            max_fds: gauge(
                r,
                "process_max_fds",
                "Maximum number of open file descriptors",
            ),
            threads: gauge(r, "process_threads", "Number of OS threads in the process"),
            start_time,
            refreshing: Mutex::new(()),
        };
        if let Some(t) = proc_stat::start_time() {
            p.start_time.set(t);
        }
        p
    }

    fn refresh(&self) {
        let _one = self
            .refreshing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(s) = proc_stat::sample() {
            let past = self.cpu_seconds.get();
            if s.cpu_seconds > past {
                self.cpu_seconds.inc_by(s.cpu_seconds - past);
            }
            self.resident_bytes.set(s.resident_bytes);
            self.virtual_bytes.set(s.virtual_bytes);
            self.threads.set(s.threads);
        }
        if let Some(n) = proc_stat::open_fds() {
            self.open_fds.set(n);
        }
        if let Some(n) = proc_stat::max_fds() {
            self.max_fds.set(n);
        }
    }
}

/// Reading this process's own /proc files.
mod proc_stat {
    pub struct Sample {
        pub cpu_seconds: f64,
        pub resident_bytes: i64,
        pub virtual_bytes: i64,
        pub threads: i64,
    }

    /// The fields of /proc/self/stat after the command name, which is in
    /// parentheses and may itself hold spaces and parentheses.
    fn stat_fields(text: &str) -> Option<Vec<&str>> {
        let (_, rest) = text.rsplit_once(')')?;
        Some(rest.split_whitespace().collect())
    }

    fn sysconf(name: libc::c_int) -> Option<i64> {
        // SAFETY: sysconf only reads its argument.
        let v = unsafe { libc::sysconf(name) };
        (v > 0).then_some(v as i64)
    }

    // Field numbers of proc(5), counted from 1 with `pid` first; after the
    // command name (field 2) the slice starts at field 3.
    const UTIME: usize = 14 - 3;
    const STIME: usize = 15 - 3;
    const THREADS: usize = 20 - 3;
    const STARTTIME: usize = 22 - 3;
    const VSIZE: usize = 23 - 3;
    const RSS: usize = 24 - 3;

    pub fn sample() -> Option<Sample> {
        let text = std::fs::read_to_string("/proc/self/stat").ok()?;
        let f = stat_fields(&text)?;
        let num = |i: usize| f.get(i).and_then(|v| v.parse::<i64>().ok());
        let ticks = sysconf(libc::_SC_CLK_TCK)? as f64;
        let page = sysconf(libc::_SC_PAGESIZE)?;
        Some(Sample {
            cpu_seconds: (num(UTIME)? + num(STIME)?) as f64 / ticks,
            resident_bytes: num(RSS)?.saturating_mul(page),
            virtual_bytes: num(VSIZE)?,
            threads: num(THREADS)?,
        })
    }

    /// Seconds since the epoch: boot time (/proc/stat `btime`) plus the
    /// process's start in clock ticks after boot.
    pub fn start_time() -> Option<f64> {
        let text = std::fs::read_to_string("/proc/self/stat").ok()?;
        let started = stat_fields(&text)?.get(STARTTIME)?.parse::<f64>().ok()?;
        let boot = std::fs::read_to_string("/proc/stat").ok()?;
        let btime = boot
            .lines()
            .find_map(|l| l.strip_prefix("btime "))?
            .trim()
            .parse::<f64>()
            .ok()?;
        Some(btime + started / sysconf(libc::_SC_CLK_TCK)? as f64)
    }

    pub fn open_fds() -> Option<i64> {
        // The entry for the directory handle itself is counted out.
        let n = std::fs::read_dir("/proc/self/fd").ok()?.count();
        Some(n.saturating_sub(1) as i64)
    }

    pub fn max_fds() -> Option<i64> {
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit only writes the struct passed in.
        if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } != 0 {
            return None;
        }
        Some(i64::try_from(lim.rlim_cur).unwrap_or(i64::MAX))
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn command_names_with_spaces_and_parentheses() {
            let f = super::stat_fields("42 (a b) c)) S 1 2").unwrap();
            assert_eq!(f, ["S", "1", "2"]);
        }

        #[test]
        fn this_process_reads() {
            let s = super::sample().expect("/proc/self/stat");
            assert!(s.resident_bytes > 0 && s.virtual_bytes >= s.resident_bytes);
            assert!(s.threads >= 1);
            assert!(super::open_fds().unwrap() >= 3);
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs_f64();
            let started = super::start_time().unwrap();
            assert!(started <= now + 1.0 && started > now - 86_400.0 * 365.0);
        }
    }
}

pub static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

pub fn metrics() -> &'static Metrics {
    &METRICS
}
