//! The optional Python provider: reasoning-gym 0.1.25 itself, for the datasets
//! rgym cannot make natively (codeio executes one of 3,002 LLM-written Python
//! snippets per item; acre's code is GPL-3.0, which rgym's binary must not
//! contain).
//!
//! Off unless a Python interpreter is named (`python_provider`, or
//! `RGYM_PYTHON_PROVIDER` for the CLI). Then rgym keeps a pool of at most
//! `workers` separate processes running `python/rgym_provider.py`, one JSON
//! request and one JSON reply per line (the script's docstring is the
//! protocol). Separate processes rather than an embedded interpreter because a
//! process can be killed: a worker that passes the time limit, or whose
//! caller stops waiting ([`budget`]), is killed and replaced, so a hanging
//! snippet costs one process and never a server thread. Each worker runs
//! under rlimits (address space, file size, no core dumps), in a network
//! namespace of its own where the kernel allows one (else Python's sockets
//! are refused), with `PYTHONHASHSEED=0` and a clean environment, and dies
//! with the server (`PR_SET_PDEATHSIG`).
//!
//! Items are a pure function of (name, config, seed, size, index): the worker
//! seeds Python's and numpy's global generators from `seed + index` before
//! each item (the reference does not, so about a tenth of its codeio items
//! change from run to run; this is rgym's documented deviation).

mod dataset;
mod worker;

use std::fmt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

pub use dataset::ProviderDataset;
use worker::Worker;

/// The reasoning-gym version the worker must report: items are only
/// reproducible against one version.
pub const REASONING_GYM_VERSION: &str = "0.1.25";

/// How the pool is set up.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The interpreter of an environment with reasoning-gym 0.1.25
    /// (`scripts/python_provider_env.sh` makes one).
    pub python: PathBuf,
    /// Most worker processes alive at once.
    pub workers: usize,
    /// Each worker's address-space limit (`RLIMIT_AS`).
    pub memory_bytes: u64,
    /// Longest wait for one item, a free worker included; the server's own
    /// `generation_timeout` usually stops the wait first.
    pub timeout: Duration,
    /// Items a worker serves before it is replaced (bounds what a leaking
    /// snippet can accumulate).
    pub items_per_worker: u64,
}

impl Options {
    pub fn new(python: impl Into<PathBuf>) -> Options {
        Options {
            python: python.into(),
            workers: 2,
            memory_bytes: 2 << 30,
            timeout: Duration::from_secs(30),
            items_per_worker: 10_000,
        }
    }

    /// `RGYM_PYTHON_PROVIDER` (the interpreter), `RGYM_PYTHON_WORKERS`,
    /// `RGYM_PYTHON_MEMORY_MB`, `RGYM_GENERATION_TIMEOUT`: the CLI's way in
    /// (the server reads its settings instead). `None` when no interpreter is named.
    pub fn from_env() -> Option<Options> {
        let python = std::env::var_os("RGYM_PYTHON_PROVIDER").filter(|p| !p.is_empty())?;
        let mut o = Options::new(python);
        let num = |k: &str| {
            std::env::var(k)
                .ok()
                .and_then(|v| v.trim().parse::<f64>().ok())
        };
        if let Some(n) = num("RGYM_PYTHON_WORKERS").filter(|n| *n >= 1.0) {
            o.workers = n as usize;
        }
        if let Some(mb) = num("RGYM_PYTHON_MEMORY_MB").filter(|n| *n >= 1.0) {
            o.memory_bytes = (mb as u64) << 20;
        }
        if let Some(s) = num("RGYM_GENERATION_TIMEOUT") {
            if let Ok(t) = Duration::try_from_secs_f64(s) {
                o.timeout = t;
            }
        }
        Some(o)
    }
}

/// Why a provider call gave no item.
#[derive(Debug, Clone, PartialEq)]
pub enum ProviderError {
    /// No interpreter is configured.
    Off,
    /// The reference refused the config (its exception, `Type: message`).
    Config(String),
    /// The reference raised while making the item.
    Generation(String),
    /// The item took longer than the time limit; its worker was killed.
    Timeout(Duration),
    /// Every worker stayed busy for the whole time limit.
    Busy(Duration),
    /// The worker died or broke the protocol (killed and replaced).
    Crashed(String),
    /// The interpreter could not be started or is not reasoning-gym 0.1.25.
    Start(String),
}

impl fmt::Display for ProviderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProviderError::Off => f.write_str(
                "this dataset is served by rgym's Python provider, which is off: set \
                 python_provider (RGYM_PYTHON_PROVIDER) to the python of an environment with \
                 reasoning-gym 0.1.25 (scripts/python_provider_env.sh makes one)",
            ),
            ProviderError::Config(e) | ProviderError::Generation(e) => f.write_str(e),
            ProviderError::Timeout(t) => write!(
                f,
                "the Python provider took longer than {:.1} s for this item (worker killed)",
                t.as_secs_f64()
            ),
            ProviderError::Busy(t) => write!(
                f,
                "every Python provider worker stayed busy for {:.1} s",
                t.as_secs_f64()
            ),
            ProviderError::Crashed(e) => write!(f, "a Python provider worker failed: {e}"),
            ProviderError::Start(e) => write!(f, "the Python provider cannot start: {e}"),
        }
    }
}

impl std::error::Error for ProviderError {}

/// What a worker said of itself at start.
#[derive(Debug, Clone, PartialEq)]
pub struct Hello {
    pub reasoning_gym: String,
    pub python: String,
    /// `isolated` (a network namespace of its own) or `python-blocked`
    /// (Python's sockets refused; the kernel allowed no namespace).
    pub network: String,
}

/// Counters, for tests and `rgym serve`'s log.
#[derive(Debug, Default)]
pub struct Counters {
    pub started: AtomicU64,
    pub killed: AtomicU64,
    pub items: AtomicU64,
}

struct Pool {
    idle: Vec<Worker>,
    /// Workers alive, idle or leased.
    live: usize,
}

/// The pool. Cheap to share; every method blocks the calling thread (the
/// server calls it from its worker pool, never from an async thread).
pub struct Provider {
    opts: Options,
    pool: Mutex<Pool>,
    freed: Condvar,
    hello: Hello,
    pub counters: Counters,
}

/// How often a waiting caller looks at its [`budget`] token.
const POLL: Duration = Duration::from_millis(20);

impl Provider {
    /// Starts one worker and checks it is reasoning-gym 0.1.25; the rest
    /// start on demand.
    pub fn start(opts: Options) -> Result<Arc<Provider>, ProviderError> {
        if opts.workers == 0 {
            return Err(ProviderError::Start("workers must be at least 1".into()));
        }
        let counters = Counters::default();
        let mut first = Worker::spawn(&opts)
            .map_err(|e| ProviderError::Start(format!("{}: {e}", opts.python.display())))?;
        counters.started.fetch_add(1, Ordering::Relaxed);
        // The worker says hello by itself once its imports are done.
        let reply = first
            .recv(Duration::from_secs(120))
            .map_err(|e| ProviderError::Start(describe_recv(e, &mut first)))?;
        first.ready = true;
        let reply = parse_reply(&reply).map_err(ProviderError::Start)?;
        let field = |k: &str| {
            reply
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let hello = Hello {
            reasoning_gym: field("reasoning_gym"),
            python: field("python"),
            network: field("network"),
        };
        if hello.reasoning_gym != REASONING_GYM_VERSION {
            return Err(ProviderError::Start(format!(
                "{} has reasoning-gym {}, rgym reproduces {REASONING_GYM_VERSION}",
                opts.python.display(),
                hello.reasoning_gym
            )));
        }
        Ok(Arc::new(Provider {
            opts,
            pool: Mutex::new(Pool {
                idle: vec![first],
                live: 1,
            }),
            freed: Condvar::new(),
            hello,
            counters,
        }))
    }

    pub fn hello(&self) -> &Hello {
        &self.hello
    }

    pub fn options(&self) -> &Options {
        &self.opts
    }

    /// Workers alive now.
    pub fn live_workers(&self) -> usize {
        self.lock().live
    }

    /// The process ids of the idle workers (for monitoring and tests).
    pub fn idle_pids(&self) -> Vec<u32> {
        self.lock().idle.iter().map(Worker::pid).collect()
    }

    /// `reasoning_gym.create_dataset(name, seed=seed, size=size, **config)[index]`
    /// as `{"question", "answer", "metadata"}`. `seed` is a Python int's
    /// decimal text.
    pub fn generate(
        &self,
        name: &str,
        config: &Map<String, Value>,
        seed: &str,
        size: u64,
        index: u64,
    ) -> Result<Map<String, Value>, ProviderError> {
        debug_assert!(seed.bytes().all(|b| b.is_ascii_digit() || b == b'-'));
        let request = format!(
            r#"{{"op":"generate","name":{},"config":{},"seed":{seed},"size":{size},"index":{index}}}"#,
            Value::from(name),
            Value::Object(config.clone()),
        );
        let reply = self.call(&request)?;
        match reply.get("item") {
            Some(Value::Object(item)) => Ok(item.clone()),
            _ => Err(ProviderError::Crashed("a reply without its item".into())),
        }
    }

    /// One request to one worker, within the time limit and the caller's budget.
    fn call(&self, request: &str) -> Result<Map<String, Value>, ProviderError> {
        let deadline = Instant::now() + self.opts.timeout;
        let mut lease = self.lease(deadline)?;
        // A new worker's imports take a second or two (more on a loaded
        // machine). Until it has said hello it holds no request, so if the
        // caller gives up meanwhile the worker goes back to the pool, still
        // starting, instead of being killed and started again.
        while !lease.worker().ready {
            match lease.worker().recv(POLL) {
                Ok(_hello) => lease.worker().ready = true,
                Err(RecvTimeoutError::Timeout) => {
                    budget::check();
                    if Instant::now() >= deadline {
                        return Err(ProviderError::Timeout(self.opts.timeout));
                    }
                }
                Err(e) => {
                    lease.sent = true; // dead: not worth keeping
                    return Err(ProviderError::Crashed(describe_recv(e, lease.worker())));
                }
            }
        }
        lease.sent = true;
        let worker = lease.worker();
        if let Err(e) = worker.send(request) {
            return Err(ProviderError::Crashed(e.to_string()));
        }
        let line = loop {
            match worker.recv(POLL) {
                Ok(line) => break line,
                Err(RecvTimeoutError::Timeout) => {
                    // Unwinds when nobody waits any more: the lease's drop
                    // kills the worker, and the core is free again.
                    budget::check();
                    if Instant::now() >= deadline {
                        return Err(ProviderError::Timeout(self.opts.timeout));
                    }
                }
                Err(e) => return Err(ProviderError::Crashed(describe_recv(e, worker))),
            }
        };
        let reply = parse_reply(&line).map_err(ProviderError::Crashed)?;
        self.counters.items.fetch_add(1, Ordering::Relaxed);
        lease.release();
        if reply.get("ok") == Some(&Value::Bool(true)) {
            return Ok(reply);
        }
        let error = reply
            .get("error")
            .and_then(Value::as_str)
            .unwrap_or("unknown error")
            .to_string();
        Err(match reply.get("kind").and_then(Value::as_str) {
            Some("config") => ProviderError::Config(error),
            Some("generation") => ProviderError::Generation(error),
            _ => ProviderError::Crashed(error),
        })
    }

    /// A worker of its own until the [`Lease`] is released or dropped: an
    /// idle one, a new one while fewer than `workers` live, else the first
    /// to be freed before `deadline`.
    fn lease(&self, deadline: Instant) -> Result<Lease<'_>, ProviderError> {
        let mut pool = self.lock();
        loop {
            if let Some(worker) = pool.idle.pop() {
                return Ok(Lease {
                    provider: self,
                    worker: Some(worker),
                    sent: false,
                });
            }
            if pool.live < self.opts.workers {
                pool.live += 1;
                drop(pool);
                return match Worker::spawn(&self.opts) {
                    Ok(worker) => {
                        self.counters.started.fetch_add(1, Ordering::Relaxed);
                        Ok(Lease {
                            provider: self,
                            worker: Some(worker),
                            sent: false,
                        })
                    }
                    Err(e) => {
                        self.retire();
                        Err(ProviderError::Crashed(format!(
                            "cannot start a worker: {e}"
                        )))
                    }
                };
            }
            let now = Instant::now();
            if now >= deadline {
                return Err(ProviderError::Busy(self.opts.timeout));
            }
            pool = self
                .freed
                .wait_timeout(pool, POLL.min(deadline - now))
                .unwrap_or_else(|e| e.into_inner())
                .0;
            // Nothing is held here but the lock, which the unwind releases.
            drop(pool);
            budget::check();
            pool = self.lock();
        }
    }

    /// A leased worker was killed or worn out: start its successor at once,
    /// so that it imports reasoning-gym (a second or two) while nobody waits
    /// for it, rather than on the next request's time. Its place stays taken;
    /// if it cannot start, the place is freed.
    fn replace(&self) {
        match Worker::spawn(&self.opts) {
            Ok(worker) => {
                self.counters.started.fetch_add(1, Ordering::Relaxed);
                self.lock().idle.push(worker);
                self.freed.notify_one();
            }
            Err(_) => self.retire(),
        }
    }

    /// A leased worker is gone (killed, or never started): its place is free.
    fn retire(&self) {
        self.lock().live -= 1;
        self.freed.notify_one();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Pool> {
        // A panic while holding this lock leaves the pool consistent (every
        // change is a single assignment), so a poisoned lock is still good.
        self.pool.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A worker taken from the pool. Released, it goes back idle; dropped
/// unreleased (a timeout, an error, an unwind from [`budget::check`]) after
/// its request was sent, it is killed, since it may still be busy with the
/// abandoned request; dropped before, it goes back idle.
struct Lease<'a> {
    provider: &'a Provider,
    worker: Option<Worker>,
    /// The request went to the worker (or the worker is dead).
    sent: bool,
}

impl Lease<'_> {
    fn worker(&mut self) -> &mut Worker {
        self.worker
            .as_mut()
            .expect("a lease holds its worker until released")
    }

    fn release(mut self) {
        let Some(mut worker) = self.worker.take() else {
            return;
        };
        worker.served += 1;
        if worker.served >= self.provider.opts.items_per_worker {
            drop(worker);
            self.provider.replace();
            return;
        }
        self.provider.lock().idle.push(worker);
        self.provider.freed.notify_one();
    }
}

impl Drop for Lease<'_> {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.take() {
            if !self.sent {
                self.provider.lock().idle.push(worker);
                self.provider.freed.notify_one();
                return;
            }
            drop(worker);
            self.provider
                .counters
                .killed
                .fetch_add(1, Ordering::Relaxed);
            self.provider.replace();
        }
    }
}

fn parse_reply(line: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str(line) {
        Ok(Value::Object(m)) => Ok(m),
        _ => Err("a reply that is not a JSON object".into()),
    }
}

fn describe_recv(e: RecvTimeoutError, worker: &mut Worker) -> String {
    match e {
        RecvTimeoutError::Timeout => "no answer in time".into(),
        RecvTimeoutError::Disconnected => worker.exit_reason(),
    }
}

static GLOBAL: OnceLock<Option<Arc<Provider>>> = OnceLock::new();

/// Installs the server's provider (from its settings) before any dataset is
/// built. Fails if one is already in place.
pub fn install(provider: Arc<Provider>) -> Result<(), ProviderError> {
    GLOBAL
        .set(Some(provider))
        .map_err(|_| ProviderError::Start("a Python provider is already installed".into()))
}

/// The process's provider: the installed one, else the one `RGYM_PYTHON_PROVIDER`
/// names (started on first use), else [`ProviderError::Off`].
pub fn global() -> Result<&'static Arc<Provider>, ProviderError> {
    static START_ERROR: OnceLock<ProviderError> = OnceLock::new();
    let provider = GLOBAL.get_or_init(|| {
        let opts = Options::from_env()?;
        Provider::start(opts)
            .map_err(|e| {
                let _ = START_ERROR.set(e);
            })
            .ok()
    });
    match provider {
        Some(p) => Ok(p),
        None => Err(START_ERROR.get().cloned().unwrap_or(ProviderError::Off)),
    }
}
