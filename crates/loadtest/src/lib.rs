//! `rgym loadtest`: a load generator for any OpenEnv reasoning-gym server
//! (rgym or the Python reference), speaking only the public WebSocket
//! protocol, plus [`canned`], a server that answers every frame with a fixed
//! reply and so measures the most this machine and this generator allow.
//!
//! Modes:
//! * `load`: each session connects once, then loops reset → step (the RL
//!   training pattern); the first reset carries the dataset parameters, the
//!   others are `{}` so the session walks its dataset.
//! * `churn`: each session loops connect → reset → step → close.
//! * `idle`: opens N sessions (one reset each), holds them, then checks each
//!   still answers; reports the server's RSS per held session.
//!
//! Every reply is validated (docs/PROTOCOL.md §2.2, §5.3–5.4). Runs are bounded in time
//! (warm-up + duration + one request timeout) and optionally in count
//! (`--max-episodes`), and only loopback targets are accepted.

pub mod canned;
pub mod client;
mod modes;
pub mod procfs;
pub mod proto;
pub mod stats;
pub mod target;

use std::time::Duration;

pub use stats::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Mode {
    Load,
    Churn,
    Idle,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Load => "load",
            Mode::Churn => "churn",
            Mode::Idle => "idle",
        }
    }
}

/// `rgym loadtest`'s flags.
#[derive(Debug, Clone, clap::Args)]
pub struct LoadtestArgs {
    /// Server base URL, as given to the Python client (http://host:port);
    /// `/ws` is appended. Loopback addresses only.
    #[arg(long, default_value = "http://127.0.0.1:8000")]
    pub url: String,
    /// load: every session resets then steps as fast as replies come;
    /// churn: connect, reset, step, close, again; idle: open --sessions
    /// sessions and hold them (memory per session).
    #[arg(long, value_enum, default_value_t = Mode::Load)]
    pub mode: Mode,
    /// Concurrent sessions (idle: sessions to open and hold).
    #[arg(long, default_value_t = 64)]
    pub sessions: usize,
    /// Measured window in seconds (idle: how long the sessions are held).
    #[arg(long, default_value_t = 10.0)]
    pub duration: f64,
    /// Seconds of load before measuring starts (load and churn).
    #[arg(long, default_value_t = 2.0)]
    pub warmup: f64,
    /// Dataset every session resets to (`rgym list`).
    #[arg(long, default_value = "leg_counting")]
    pub dataset: String,
    /// Dataset size sent with the first reset.
    #[arg(long, default_value_t = 1000)]
    pub size: u64,
    /// dataset_config, a JSON object.
    #[arg(long)]
    pub config: Option<String>,
    /// Base seed; session i uses seed + i unless --same-seed.
    #[arg(long, default_value_t = 42, allow_negative_numbers = true)]
    pub seed: i64,
    /// Give every session the same seed (all walk the same items).
    #[arg(long)]
    pub same_seed: bool,
    /// The answer every step sends.
    #[arg(long, default_value = "0")]
    pub answer: String,
    /// The server's process id: report its CPU-seconds and RSS from /proc.
    #[arg(long)]
    pub server_pid: Option<u32>,
    /// Print the report as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// A label copied into the report.
    #[arg(long)]
    pub label: Option<String>,
    /// Seconds to wait for any one reply, connect or close.
    #[arg(long, default_value_t = 10.0)]
    pub timeout: f64,
    /// Load-generator threads. 1 leaves the other core of a 2-core machine
    /// to the server; the canned ceiling is measured with the same setting.
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Stop once this many episodes (churn: cycles) have been measured.
    #[arg(long)]
    pub max_episodes: Option<u64>,
    /// idle: connections being opened at once.
    #[arg(long, default_value_t = 128)]
    pub connect_concurrency: usize,
}

impl Default for LoadtestArgs {
    fn default() -> Self {
        LoadtestArgs {
            url: "http://127.0.0.1:8000".into(),
            mode: Mode::Load,
            sessions: 64,
            duration: 10.0,
            warmup: 2.0,
            dataset: "leg_counting".into(),
            size: 1000,
            config: None,
            seed: 42,
            same_seed: false,
            answer: "0".into(),
            server_pid: None,
            json: false,
            label: None,
            timeout: 10.0,
            threads: 1,
            max_episodes: None,
            connect_concurrency: 128,
        }
    }
}

const MAX_SESSIONS: usize = 200_000;
const MAX_SECONDS: f64 = 3600.0;

fn secs(name: &str, v: f64, min: f64) -> Result<Duration, String> {
    if !(v.is_finite() && v >= min && v <= MAX_SECONDS) {
        return Err(format!(
            "--{name} must be between {min} and {MAX_SECONDS} seconds"
        ));
    }
    Ok(Duration::from_secs_f64(v))
}

/// Runs one load test and returns its report.
pub fn measure(args: &LoadtestArgs) -> Result<Report, String> {
    if args.sessions == 0 || args.sessions > MAX_SESSIONS {
        return Err(format!("--sessions must be 1..={MAX_SESSIONS}"));
    }
    if args.threads == 0 || args.threads > 64 {
        return Err("--threads must be 1..=64".into());
    }
    if args.connect_concurrency == 0 {
        return Err("--connect-concurrency must be at least 1".into());
    }
    let target = target::resolve(&args.url)?;
    // A server that is not there fails now, not after the whole window of
    // connect errors.
    let probe = secs("timeout", args.timeout, 0.01)?;
    std::net::TcpStream::connect_timeout(&target.addr, probe).map_err(|e| {
        format!(
            "cannot connect to {}: {e} (is `rgym serve` running there?)",
            target.addr
        )
    })?;
    let plan = modes::Plan {
        target,
        duration: secs("duration", args.duration, 0.1)?,
        warmup: secs("warmup", args.warmup, 0.0)?,
        timeout: secs("timeout", args.timeout, 0.01)?,
        config: match &args.config {
            None => None,
            Some(c) => match serde_json::from_str::<serde_json::Value>(c) {
                Ok(v @ serde_json::Value::Object(_)) => Some(v),
                _ => return Err("--config must be a JSON object".into()),
            },
        },
        args: args.clone(),
    };
    // Every session is one descriptor; the runtime needs a handful more.
    // The margin stays small because some sandboxes pin the hard limit
    // (20,000 here) and a 20,000-session idle test must still fit.
    let want = args.sessions as u64 + 32;
    let nofile = procfs::raise_nofile(want).map_err(|e| format!("raising RLIMIT_NOFILE: {e}"))?;
    if nofile < want {
        return Err(format!(
            "RLIMIT_NOFILE is {nofile}, {want} needed for {} sessions",
            args.sessions
        ));
    }
    let rt = if args.threads == 1 {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
    } else {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(args.threads)
            .enable_all()
            .build()
    }
    .map_err(|e| format!("starting the runtime: {e}"))?;
    rt.block_on(modes::run(plan, nofile))
}

/// `rgym loadtest`: measure, print; failing exit when any error was seen so
/// that scripts notice a server that was fast because it was failing.
pub fn run(args: &LoadtestArgs) -> Result<(), String> {
    let report = measure(args)?;
    if args.json {
        let s = serde_json::to_string(&report).map_err(|e| e.to_string())?;
        println!("{s}");
    } else {
        print!("{}", report.text());
    }
    if report.error_count > 0 {
        return Err(format!(
            "{} errors during the run: {:?}",
            report.error_count, report.errors
        ));
    }
    if report.episodes == 0 && args.mode != Mode::Idle {
        return Err("no episode completed in the measured window".into());
    }
    Ok(())
}
