//! Counting during the run, and the report after it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

use hdrhistogram::Histogram;
use serde::Serialize;
use tokio::time::Instant;

/// Latencies are recorded in microseconds; 1 µs .. 1 h at 3 significant digits.
fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("constant bounds are valid")
}

/// The measured window: work finishing outside it is not counted, so warm-up
/// (connects, first dataset builds, cache fills) does not flatter or hurt.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub start: Instant,
    pub end: Instant,
}

impl Window {
    pub fn contains(&self, sent: Instant, done: Instant) -> bool {
        sent >= self.start && done <= self.end
    }
}

const MAX_SAMPLES: usize = 8;

#[derive(Default)]
struct Inner {
    hist: Option<Histogram<u64>>,
    episodes: u64,
    messages: u64,
    errors: BTreeMap<String, u64>,
    samples: Vec<String>,
}

/// Shared by all session tasks. One uncontended mutex per reply is noise
/// next to a WebSocket round trip, and it keeps one histogram however many
/// sessions there are (one per session would cost ~200 KiB each).
pub struct Recorder {
    pub window: Window,
    inner: Mutex<Inner>,
}

impl Recorder {
    pub fn new(window: Window) -> Recorder {
        Recorder {
            window,
            inner: Mutex::new(Inner {
                hist: Some(histogram()),
                ..Inner::default()
            }),
        }
    }

    fn with<R>(&self, f: impl FnOnce(&mut Inner) -> R) -> R {
        let mut g = match self.inner.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        f(&mut g)
    }

    /// A success that began at `sent`: its latency, and the messages and
    /// episodes (load: steps; churn: whole cycles) it completed.
    pub fn record(&self, sent: Instant, messages: u64, episodes: u64) {
        let now = Instant::now();
        if !self.window.contains(sent, now) {
            return;
        }
        let us = (now - sent).as_micros().min(u64::MAX as u128) as u64;
        self.with(|s| {
            if let Some(h) = s.hist.as_mut() {
                h.saturating_record(us.max(1));
            }
            s.messages += messages;
            s.episodes += episodes;
        });
    }

    /// Errors are counted wherever they happen, warm-up included: a server
    /// that fails while warming up has still failed.
    pub fn error(&self, key: &str, detail: &str) {
        self.with(|s| {
            *s.errors.entry(key.to_string()).or_insert(0) += 1;
            if s.samples.len() < MAX_SAMPLES && !s.samples.iter().any(|x| x == detail) {
                s.samples.push(detail.to_string());
            }
        });
    }

    pub fn episodes(&self) -> u64 {
        self.with(|s| s.episodes)
    }

    pub fn finish(&self) -> Tally {
        self.with(|s| {
            let hist = s.hist.take().unwrap_or_else(histogram);
            Tally {
                latency: Latency::from(&hist),
                episodes: s.episodes,
                messages: s.messages,
                errors: std::mem::take(&mut s.errors),
                error_samples: std::mem::take(&mut s.samples),
            }
        })
    }
}

pub struct Tally {
    pub latency: Latency,
    pub episodes: u64,
    pub messages: u64,
    pub errors: BTreeMap<String, u64>,
    pub error_samples: Vec<String>,
}

/// Milliseconds.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Latency {
    pub count: u64,
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub p999_ms: f64,
    pub max_ms: f64,
}

impl From<&Histogram<u64>> for Latency {
    fn from(h: &Histogram<u64>) -> Latency {
        if h.is_empty() {
            return Latency::default();
        }
        let ms = |us: u64| us as f64 / 1000.0;
        Latency {
            count: h.len(),
            mean_ms: h.mean() / 1000.0,
            p50_ms: ms(h.value_at_quantile(0.50)),
            p90_ms: ms(h.value_at_quantile(0.90)),
            p99_ms: ms(h.value_at_quantile(0.99)),
            p999_ms: ms(h.value_at_quantile(0.999)),
            max_ms: ms(h.max()),
        }
    }
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct ServerFigures {
    pub pid: u32,
    /// utime + stime over the measured window.
    pub cpu_s: f64,
    pub cpu_s_per_1000_episodes: Option<f64>,
    /// Average cores the server used during the window.
    pub cores: f64,
    pub rss_kib_start: u64,
    pub rss_kib_end: u64,
    pub threads_end: u64,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct IdleFigures {
    pub requested: usize,
    /// Sessions connected and reset.
    pub opened: u64,
    /// Sessions that answered a `state` request after the hold.
    pub alive_after_hold: u64,
    pub open_s: f64,
    pub server_rss_kib_before: Option<u64>,
    pub server_rss_kib_held: Option<u64>,
    pub server_rss_kib_per_session: Option<f64>,
    pub client_rss_kib_held: u64,
    pub nofile_limit: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub label: Option<String>,
    pub mode: String,
    pub url: String,
    pub dataset: String,
    pub sessions: usize,
    pub warmup_s: f64,
    /// The measured window actually used (shorter if `--max-episodes` hit).
    pub duration_s: f64,
    /// load: completed steps; churn: connect→reset→step→close cycles.
    pub episodes: u64,
    pub episodes_per_s: f64,
    pub messages: u64,
    pub messages_per_s: f64,
    /// load: per request; churn: per whole cycle; idle: per connect+reset.
    pub latency: Latency,
    pub errors: BTreeMap<String, u64>,
    pub error_count: u64,
    pub error_samples: Vec<String>,
    pub server: Option<ServerFigures>,
    pub client_cpu_s: f64,
    /// Whole machine, all cores, over the window: 100 = every core busy.
    pub machine_busy_pct: f64,
    pub idle: Option<IdleFigures>,
}

impl Report {
    pub fn text(&self) -> String {
        let mut o = String::new();
        let l = &self.latency;
        let _ = writeln!(
            o,
            "rgym loadtest {} {} sessions={} dataset={} window={:.1}s (warm-up {:.1}s){}",
            self.mode,
            self.url,
            self.sessions,
            self.dataset,
            self.duration_s,
            self.warmup_s,
            self.label
                .as_deref()
                .map(|l| format!(" [{l}]"))
                .unwrap_or_default()
        );
        let unit = if self.mode == "churn" {
            "cycles"
        } else {
            "episodes"
        };
        let _ = writeln!(
            o,
            "  {unit}: {}  ({:.1}/s)   messages: {} ({:.1}/s)",
            self.episodes, self.episodes_per_s, self.messages, self.messages_per_s
        );
        let _ = writeln!(
            o,
            "  latency ms: p50 {:.3}  p90 {:.3}  p99 {:.3}  p99.9 {:.3}  max {:.3}  mean {:.3}  (n={})",
            l.p50_ms, l.p90_ms, l.p99_ms, l.p999_ms, l.max_ms, l.mean_ms, l.count
        );
        if let Some(s) = &self.server {
            let per = s
                .cpu_s_per_1000_episodes
                .map(|c| format!("{c:.4}"))
                .unwrap_or_else(|| "-".into());
            let _ = writeln!(
                o,
                "  server pid {}: cpu {:.2}s ({:.2} cores), {per} cpu-s per 1000 {unit}, rss {} -> {} KiB, {} threads",
                s.pid, s.cpu_s, s.cores, s.rss_kib_start, s.rss_kib_end, s.threads_end
            );
        }
        let _ = writeln!(
            o,
            "  load generator cpu {:.2}s, machine busy {:.0}%",
            self.client_cpu_s, self.machine_busy_pct
        );
        if let Some(i) = &self.idle {
            let _ = writeln!(
                o,
                "  idle: {}/{} opened in {:.1}s, {} alive after hold; server rss {} -> {} KiB = {} KiB/session; client rss {} KiB; fd limit {}",
                i.opened,
                i.requested,
                i.open_s,
                i.alive_after_hold,
                opt(i.server_rss_kib_before),
                opt(i.server_rss_kib_held),
                i.server_rss_kib_per_session
                    .map(|v| format!("{v:.1}"))
                    .unwrap_or_else(|| "-".into()),
                i.client_rss_kib_held,
                i.nofile_limit
            );
        }
        if self.errors.is_empty() {
            let _ = writeln!(o, "  errors: none");
        } else {
            let _ = writeln!(o, "  errors: {:?}", self.errors);
            for s in &self.error_samples {
                let _ = writeln!(o, "    e.g. {s}");
            }
        }
        o
    }
}

fn opt(v: Option<u64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

pub fn per_s(n: u64, d: Duration) -> f64 {
    let s = d.as_secs_f64();
    if s > 0.0 {
        n as f64 / s
    } else {
        0.0
    }
}
