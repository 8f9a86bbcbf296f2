//! Server settings, layered: built-in defaults < config file < environment
//! variables < command-line flags. `config/default.toml` documents every key.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

/// How log lines are written to stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

impl std::str::FromStr for LogFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" => Ok(LogFormat::Text),
            "json" => Ok(LogFormat::Json),
            other => Err(format!("unknown log format '{other}' (want text or json)")),
        }
    }
}

/// Everything the server can be told. Durations are in seconds in every
/// external form (file, env, flags).
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub host: String,
    pub port: u16,
    /// HTTP worker threads; 0 = one per core.
    pub workers: usize,
    /// Concurrent sessions (`WS /ws`, `WS /mcp`, MCP-created sessions).
    pub max_sessions: usize,
    /// Sessions with no activity for this long are closed; `None` = never.
    pub idle_timeout: Option<Duration>,
    /// Largest accepted WebSocket message (and HTTP body), in bytes.
    pub max_frame_bytes: usize,
    /// Generated items kept for reuse across sessions, at most this many...
    pub item_cache_size: usize,
    /// ... holding at most this many bytes; no item over a sixteenth of it is cached.
    pub item_cache_bytes: usize,
    /// Threads of the worker pool that builds, generates and scores what is
    /// not known to be cheap; 0 = one per core.
    pub worker_threads: usize,
    /// Largest reply the server sends; a larger one is replaced by an error
    /// naming this limit (the session stays usable).
    pub max_reply_bytes: usize,
    /// Items one `POST /v1/generate` may ask for, and answers one
    /// `POST /v1/score` may carry.
    pub max_batch_items: usize,
    /// Building a dataset, generating an item or scoring an answer taking
    /// longer than this fails with `EXECUTION_ERROR`.
    pub generation_timeout: Duration,
    /// Server-initiated pings; a peer silent for `client_timeout` is dropped.
    pub heartbeat_interval: Duration,
    pub client_timeout: Duration,
    /// Longest wait for in-flight work when shutting down.
    pub shutdown_timeout: Duration,
    /// From SIGTERM on, how long the server goes on serving (new sessions
    /// included) while `/ready` answers 503, before it closes its sessions:
    /// time for a load balancer's health checks to take it out of rotation.
    pub drain_delay: Duration,
    pub log_format: LogFormat,
    /// The `/web` routes of PROTOCOL.md §8.
    pub web_interface: bool,
    /// A file of bearer tokens, one a line; when set every route but
    /// `/health` and `/ready` requires one (reloaded on SIGHUP). `None`: no auth.
    pub auth_tokens: Option<PathBuf>,
    /// `/metrics` answers without a token even when auth is on.
    pub metrics_public: bool,
    /// pyfiglet 1.0.2's fonts, for figlet_font (rgym does not ship them).
    pub figlet_fonts_dir: Option<PathBuf>,
    /// The python of an environment with reasoning-gym 0.1.25: turns on the
    /// Python provider (acre, codeio). `None`: off.
    pub python_provider: Option<PathBuf>,
    /// Most provider worker processes alive at once.
    pub python_workers: usize,
    /// Each provider worker's address-space limit, in MiB.
    pub python_memory_mb: u64,
    /// Native datasets served from the provider instead, by choice
    /// (intermediate_integration's reference strings). Needs `python_provider`.
    pub python_provider_datasets: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            host: "0.0.0.0".into(),
            port: 8000,
            workers: 0,
            max_sessions: 4096,
            idle_timeout: None,
            max_frame_bytes: 16 * 1024 * 1024,
            item_cache_size: 4096,
            item_cache_bytes: 256 << 20,
            worker_threads: 0,
            max_reply_bytes: 32 << 20,
            max_batch_items: 10_000,
            generation_timeout: Duration::from_secs(30),
            heartbeat_interval: Duration::from_secs(20),
            client_timeout: Duration::from_secs(60),
            shutdown_timeout: Duration::from_secs(10),
            drain_delay: Duration::ZERO,
            log_format: LogFormat::Text,
            web_interface: false,
            auth_tokens: None,
            metrics_public: false,
            figlet_fonts_dir: None,
            python_provider: None,
            python_workers: 2,
            python_memory_mb: 2048,
            python_provider_datasets: Vec::new(),
        }
    }
}

#[derive(Debug)]
pub struct SettingsError(pub String);

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SettingsError {}

/// One layer: every key optional. The config file is parsed into this, and
/// environment variables and flags are collected into it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    pub host: Option<String>,
    pub port: Option<u16>,
    pub workers: Option<usize>,
    pub max_sessions: Option<usize>,
    /// Seconds; 0 turns the timeout off.
    pub idle_timeout: Option<f64>,
    pub max_frame_bytes: Option<usize>,
    pub item_cache_size: Option<usize>,
    pub item_cache_bytes: Option<usize>,
    pub worker_threads: Option<usize>,
    pub max_reply_bytes: Option<usize>,
    pub max_batch_items: Option<usize>,
    pub generation_timeout: Option<f64>,
    pub heartbeat_interval: Option<f64>,
    pub client_timeout: Option<f64>,
    pub shutdown_timeout: Option<f64>,
    pub drain_delay: Option<f64>,
    pub log_format: Option<LogFormat>,
    pub web_interface: Option<bool>,
    /// A path; an empty string turns auth off.
    pub auth_tokens: Option<String>,
    pub metrics_public: Option<bool>,
    /// A path; an empty string leaves it to `RGYM_FIGLET_FONTS_DIR`.
    pub figlet_fonts_dir: Option<String>,
    /// A path; an empty string turns the provider off.
    pub python_provider: Option<String>,
    pub python_workers: Option<usize>,
    pub python_memory_mb: Option<u64>,
    pub python_provider_datasets: Option<Vec<String>>,
}

fn secs(key: &str, v: f64) -> Result<Duration, SettingsError> {
    Duration::try_from_secs_f64(v)
        .map_err(|_| SettingsError(format!("{key}: {v} is not a valid number of seconds")))
}

impl Settings {
    /// Applies one layer on top of `self`.
    pub fn apply(&mut self, o: &Overrides) -> Result<(), SettingsError> {
        if let Some(v) = &o.host {
            self.host = v.clone();
        }
        if let Some(v) = o.port {
            self.port = v;
        }
        if let Some(v) = o.workers {
            self.workers = v;
        }
        if let Some(v) = o.max_sessions {
            self.max_sessions = v;
        }
        if let Some(v) = o.idle_timeout {
            self.idle_timeout = if v == 0.0 {
                None
            } else {
                Some(secs("idle_timeout", v)?)
            };
        }
        if let Some(v) = o.max_frame_bytes {
            self.max_frame_bytes = v;
        }
        if let Some(v) = o.item_cache_size {
            self.item_cache_size = v;
        }
        if let Some(v) = o.item_cache_bytes {
            self.item_cache_bytes = v;
        }
        if let Some(v) = o.worker_threads {
            self.worker_threads = v;
        }
        if let Some(v) = o.max_reply_bytes {
            self.max_reply_bytes = v;
        }
        if let Some(v) = o.max_batch_items {
            self.max_batch_items = v;
        }
        if let Some(v) = o.generation_timeout {
            self.generation_timeout = secs("generation_timeout", v)?;
        }
        if let Some(v) = o.heartbeat_interval {
            self.heartbeat_interval = secs("heartbeat_interval", v)?;
        }
        if let Some(v) = o.client_timeout {
            self.client_timeout = secs("client_timeout", v)?;
        }
        if let Some(v) = o.shutdown_timeout {
            self.shutdown_timeout = secs("shutdown_timeout", v)?;
        }
        if let Some(v) = o.drain_delay {
            self.drain_delay = secs("drain_delay", v)?;
        }
        if let Some(v) = o.log_format {
            self.log_format = v;
        }
        if let Some(v) = o.web_interface {
            self.web_interface = v;
        }
        if let Some(v) = &o.auth_tokens {
            self.auth_tokens = (!v.is_empty()).then(|| PathBuf::from(v));
        }
        if let Some(v) = &o.figlet_fonts_dir {
            self.figlet_fonts_dir = (!v.is_empty()).then(|| PathBuf::from(v));
        }
        if let Some(v) = o.metrics_public {
            self.metrics_public = v;
        }
        if let Some(v) = &o.python_provider {
            self.python_provider = (!v.is_empty()).then(|| PathBuf::from(v));
        }
        if let Some(v) = o.python_workers {
            self.python_workers = v;
        }
        if let Some(v) = o.python_memory_mb {
            self.python_memory_mb = v;
        }
        if let Some(v) = &o.python_provider_datasets {
            self.python_provider_datasets = v.clone();
        }
        self.check()
    }

    fn check(&self) -> Result<(), SettingsError> {
        let zero = |k: &str| Err(SettingsError(format!("{k} must be greater than 0")));
        if self.max_frame_bytes == 0 {
            return zero("max_frame_bytes");
        }
        if self.max_reply_bytes < 4096 {
            return Err(SettingsError(
                "max_reply_bytes must be at least 4096 (room for an error reply)".into(),
            ));
        }
        if self.max_batch_items == 0 {
            return zero("max_batch_items");
        }
        if self.generation_timeout.is_zero() {
            return zero("generation_timeout");
        }
        if self.heartbeat_interval.is_zero() {
            return zero("heartbeat_interval");
        }
        if self.client_timeout.is_zero() {
            return zero("client_timeout");
        }
        if self.python_workers == 0 {
            return zero("python_workers");
        }
        if self.python_memory_mb < 256 {
            return Err(SettingsError(
                "python_memory_mb must be at least 256 (numpy alone maps ~100 MiB)".into(),
            ));
        }
        if !self.python_provider_datasets.is_empty() && self.python_provider.is_none() {
            return Err(SettingsError(
                "python_provider_datasets needs python_provider (the python of an environment \
                 with reasoning-gym 0.1.25)"
                    .into(),
            ));
        }
        Ok(())
    }

    /// Threads of the worker pool: `worker_threads`, or one per core.
    pub fn worker_count(&self) -> usize {
        match self.worker_threads {
            0 => std::thread::available_parallelism().map_or(2, usize::from),
            n => n,
        }
    }

    /// Defaults, then `config` (if any), then the process environment, then `flags`.
    pub fn load(config: Option<&Path>, flags: &Overrides) -> Result<Settings, SettingsError> {
        let env: Vec<(String, String)> = std::env::vars().collect();
        Self::load_from(config, &env, flags)
    }

    /// [`Settings::load`] with an explicit environment, for tests.
    pub fn load_from(
        config: Option<&Path>,
        env: &[(String, String)],
        flags: &Overrides,
    ) -> Result<Settings, SettingsError> {
        let mut s = Settings::default();
        if let Some(path) = config {
            s.apply(&read_file(path)?)?;
        }
        s.apply(&from_env(env)?)?;
        s.apply(flags)?;
        Ok(s)
    }
}

/// Parses a TOML config file; unknown keys are errors (a typo must not be ignored).
pub fn read_file(path: &Path) -> Result<Overrides, SettingsError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| SettingsError(format!("cannot read {}: {e}", path.display())))?;
    toml::from_str(&text).map_err(|e| SettingsError(format!("{}: {e}", path.display())))
}

/// `true`/`1`/`yes` (any case) are true, as openenv reads `ENABLE_WEB_INTERFACE`.
pub fn truthy(v: &str) -> bool {
    matches!(v.trim().to_ascii_lowercase().as_str(), "true" | "1" | "yes")
}

/// The environment layer: `RGYM_<KEY>` for every key, plus openenv's
/// `ENABLE_WEB_INTERFACE` (`RGYM_WEB_INTERFACE` wins when both are set).
pub fn from_env(env: &[(String, String)]) -> Result<Overrides, SettingsError> {
    fn parse<T: std::str::FromStr>(k: &str, v: &str) -> Result<T, SettingsError> {
        v.trim()
            .parse()
            .map_err(|_| SettingsError(format!("{k}: cannot parse '{v}'")))
    }
    let mut o = Overrides::default();
    let mut web_rgym = None;
    for (k, v) in env {
        match k.as_str() {
            "RGYM_HOST" => o.host = Some(v.clone()),
            "RGYM_PORT" => o.port = Some(parse(k, v)?),
            "RGYM_WORKERS" => o.workers = Some(parse(k, v)?),
            "RGYM_MAX_SESSIONS" => o.max_sessions = Some(parse(k, v)?),
            "RGYM_IDLE_TIMEOUT" => o.idle_timeout = Some(parse(k, v)?),
            "RGYM_MAX_FRAME_BYTES" => o.max_frame_bytes = Some(parse(k, v)?),
            "RGYM_ITEM_CACHE_SIZE" => o.item_cache_size = Some(parse(k, v)?),
            "RGYM_ITEM_CACHE_BYTES" => o.item_cache_bytes = Some(parse(k, v)?),
            "RGYM_WORKER_THREADS" => o.worker_threads = Some(parse(k, v)?),
            "RGYM_MAX_REPLY_BYTES" => o.max_reply_bytes = Some(parse(k, v)?),
            "RGYM_MAX_BATCH_ITEMS" => o.max_batch_items = Some(parse(k, v)?),
            "RGYM_GENERATION_TIMEOUT" => o.generation_timeout = Some(parse(k, v)?),
            "RGYM_HEARTBEAT_INTERVAL" => o.heartbeat_interval = Some(parse(k, v)?),
            "RGYM_CLIENT_TIMEOUT" => o.client_timeout = Some(parse(k, v)?),
            "RGYM_SHUTDOWN_TIMEOUT" => o.shutdown_timeout = Some(parse(k, v)?),
            "RGYM_DRAIN_DELAY" => o.drain_delay = Some(parse(k, v)?),
            "RGYM_LOG_FORMAT" => {
                o.log_format = Some(v.parse().map_err(|e| SettingsError(format!("{k}: {e}")))?)
            }
            "RGYM_WEB_INTERFACE" => web_rgym = Some(truthy(v)),
            "RGYM_AUTH_TOKENS" => o.auth_tokens = Some(v.to_string()),
            "RGYM_METRICS_PUBLIC" => o.metrics_public = Some(truthy(v)),
            "RGYM_FIGLET_FONTS_DIR" => o.figlet_fonts_dir = Some(v.to_string()),
            "RGYM_PYTHON_PROVIDER" => o.python_provider = Some(v.to_string()),
            "RGYM_PYTHON_WORKERS" => o.python_workers = Some(parse(k, v)?),
            "RGYM_PYTHON_MEMORY_MB" => o.python_memory_mb = Some(parse(k, v)?),
            "RGYM_PYTHON_PROVIDER_DATASETS" => {
                o.python_provider_datasets = Some(datasets::name_list(v))
            }
            "ENABLE_WEB_INTERFACE" if o.web_interface.is_none() => {
                o.web_interface = Some(truthy(v))
            }
            _ => {}
        }
    }
    if web_rgym.is_some() {
        o.web_interface = web_rgym;
    }
    Ok(o)
}

/// `rgym serve`'s flags.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ServeArgs {
    /// Bind address [env: RGYM_HOST] [default: 0.0.0.0]
    #[arg(long)]
    pub host: Option<String>,
    /// Port [env: RGYM_PORT] [default: 8000]
    #[arg(long)]
    pub port: Option<u16>,
    /// Maximum concurrent sessions [env: RGYM_MAX_SESSIONS] [default: 4096]
    #[arg(long)]
    pub max_sessions: Option<usize>,
    /// TOML config file (see config/default.toml, which names every key's
    /// RGYM_* variable); flags override variables, which override the file
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Close sessions idle for this many seconds (0 = never) [env: RGYM_IDLE_TIMEOUT] [default: never]
    #[arg(long, value_name = "SECONDS")]
    pub idle_timeout: Option<f64>,
    /// Serve the /web interface [env: RGYM_WEB_INTERFACE, ENABLE_WEB_INTERFACE]
    #[arg(long)]
    pub web: bool,
    /// Log format [env: RGYM_LOG_FORMAT] [default: text]
    #[arg(long, value_enum)]
    pub log_format: Option<LogFormat>,
}

impl ServeArgs {
    pub fn overrides(&self) -> Overrides {
        Overrides {
            host: self.host.clone(),
            port: self.port,
            max_sessions: self.max_sessions,
            idle_timeout: self.idle_timeout,
            web_interface: self.web.then_some(true),
            log_format: self.log_format,
            ..Overrides::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn layers_in_order() {
        let dir = std::env::temp_dir().join(format!("rgym-settings-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("c.toml");
        std::fs::write(
            &file,
            "port = 9000\nmax_sessions = 7\nhost = \"127.0.0.1\"\n",
        )
        .unwrap();
        let s = Settings::load_from(
            Some(&file),
            &env(&[("RGYM_PORT", "9100"), ("ENABLE_WEB_INTERFACE", "Yes")]),
            &Overrides {
                port: Some(9200),
                ..Overrides::default()
            },
        )
        .unwrap();
        assert_eq!(s.port, 9200);
        assert_eq!(s.max_sessions, 7);
        assert_eq!(s.host, "127.0.0.1");
        assert!(s.web_interface);
        let s = Settings::load_from(
            Some(&file),
            &env(&[("RGYM_PORT", "9100")]),
            &Overrides::default(),
        )
        .unwrap();
        assert_eq!(s.port, 9100);
        assert!(!s.web_interface);
    }

    #[test]
    fn truthiness_and_errors() {
        for t in ["true", "TRUE", "1", "yes", " Yes "] {
            assert!(truthy(t), "{t}");
        }
        for f in ["false", "0", "no", "", "on"] {
            assert!(!truthy(f), "{f}");
        }
        assert!(from_env(&env(&[("RGYM_PORT", "x")])).is_err());
        let s = Settings::load_from(
            None,
            &env(&[("RGYM_IDLE_TIMEOUT", "2.5")]),
            &Overrides::default(),
        )
        .unwrap();
        assert_eq!(s.idle_timeout, Some(Duration::from_millis(2500)));
        let s = Settings::load_from(
            None,
            &env(&[("RGYM_IDLE_TIMEOUT", "0")]),
            &Overrides::default(),
        )
        .unwrap();
        assert_eq!(s.idle_timeout, None);
        let bad = std::env::temp_dir().join(format!("rgym-bad-{}.toml", std::process::id()));
        std::fs::write(&bad, "prot = 1\n").unwrap();
        assert!(read_file(&bad).is_err());
    }

    #[test]
    fn default_toml_documents_every_key() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../config/default.toml");
        let o = read_file(&path).unwrap();
        let mut s = Settings::default();
        s.apply(&o).unwrap();
        assert_eq!(
            s,
            Settings::default(),
            "config/default.toml must state the defaults"
        );
        let text = std::fs::read_to_string(&path).unwrap();
        for key in [
            "host",
            "port",
            "workers",
            "max_sessions",
            "idle_timeout",
            "max_frame_bytes",
            "item_cache_size",
            "item_cache_bytes",
            "worker_threads",
            "max_reply_bytes",
            "max_batch_items",
            "generation_timeout",
            "heartbeat_interval",
            "client_timeout",
            "shutdown_timeout",
            "drain_delay",
            "log_format",
            "web_interface",
            "auth_tokens",
            "metrics_public",
            "figlet_fonts_dir",
            "python_provider",
            "python_workers",
            "python_memory_mb",
            "python_provider_datasets",
        ] {
            assert!(text.contains(&format!("\n{key} =")), "{key} missing");
        }
    }
}
