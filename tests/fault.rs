//! Issue 3's fault test, against the real `rgym serve` binary: a thousand
//! concurrent WebSocket sessions doing reset/step for 10 s while a tenth of
//! the clients keep dropping their connection in the middle of a request.
//! A short warm-up round and three such rounds, then SIGTERM under the same
//! load.
//!
//! The server runs as a subprocess so that its resident memory can be read
//! from `/proc/<pid>/status` without the clients' allocations mixed in.
//!
//! Asserted per round: zero protocol errors on the healthy clients (every
//! reply is the exact envelope the `datasets` oracle predicts, in request
//! order, one per request); `rgym_active_sessions` back to 0 and
//! `rgym_datasets_live` down to the recently used datasets the supervisor
//! keeps; no error replies counted by the server; no panic, WARN or ERROR
//! line in its log. Across rounds: RSS after round 3 within a small tolerance of RSS
//! after round 1. At the end: SIGTERM during load exits 0 within the shutdown
//! bound, and every healthy client sees its replies and then a 1001 close.
//!
//! RSS and throughput figures go to stderr (`cargo test --test fault -- --nocapture`).

// Reads /proc and sets rlimits.
#![cfg(target_os = "linux")]

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Map, Value};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

const CLIENTS: usize = 1000;
const DROPPERS: usize = CLIENTS / 10;
/// Rounds; `FAULT_ROUNDS` raises it for a longer soak by hand.
fn rounds() -> usize {
    std::env::var("FAULT_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
}
const ROUND: Duration = Duration::from_secs(10);
/// Round 0, unmeasured for growth (see the RSS tolerance).
const WARMUP: Duration = Duration::from_secs(5);
/// Room above `CLIENTS` for the slots of dropped connections that the server
/// has not noticed yet when their client has already reconnected.
const MAX_SESSIONS: usize = 1100;
/// Every session works on one of these leg_counting datasets, so the item
/// cache is fully warm after round 1 and later rounds allocate nothing that
/// should stay: any growth after that is a leak, not the cache filling.
const SEEDS: u64 = 50;
const SIZE: u64 = 16;
/// Longest wait for one reply; far above the worst debug-build latency seen
/// with a thousand sessions on two cores, so only a hang trips it.
const REPLY_TIMEOUT: Duration = Duration::from_secs(20);
/// A dropper's connection lives a random time below this before its fault:
/// about one fault per dropper per second keeps the connection churn far below
/// what TIME_WAIT sockets on loopback can absorb.
const DROP_AFTER_MAX: Duration = Duration::from_millis(2500);
/// The server's default: draining a thousand sessions' queued requests on a
/// loaded two-core machine took up to 4.6 s, too close to a shorter bound
/// (past it the server drops connections, which the test would count).
const SHUTDOWN_TIMEOUT_SECS: u64 = 10;

// ---- the server process ---------------------------------------------------------

mod support;

use support::{cpu_seconds, metrics_text, proc_status, Server};

/// (VmRSS in KiB, threads) of the server process.
fn rss_threads(server: &Server) -> (u64, u64) {
    let field = |name: &str| {
        proc_status(server.pid(), name).unwrap_or_else(|| panic!("{name} in /proc/<pid>/status"))
    };
    (field("VmRSS"), field("Threads"))
}

/// Log lines that matter: warnings, errors, panics.
fn bad_lines(server: &Server) -> Vec<String> {
    let mut lines = server.errors();
    lines.extend(server.warnings());
    lines
}

/// Descriptors for a thousand client sockets here and as many in the server
/// (which inherits the limit); many CI images start with a soft limit of 1024.
fn raise_nofile(want: u64) {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `lim` is a valid, writable rlimit.
    assert_eq!(
        unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) },
        0,
        "getrlimit"
    );
    if lim.rlim_cur >= want {
        return;
    }
    assert!(
        lim.rlim_max >= want,
        "RLIMIT_NOFILE hard limit {} is below the {want} this test needs",
        lim.rlim_max
    );
    lim.rlim_cur = want;
    // SAFETY: `lim` is a valid rlimit no higher than the hard limit.
    assert_eq!(
        unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &lim) },
        0,
        "setrlimit"
    );
}

/// An unlabelled sample; a missing one fails (a renamed gauge must not pass as 0).
async fn metric(addr: SocketAddr, name: &str) -> f64 {
    let text = metrics_text(addr).await;
    text.lines()
        .find_map(|l| l.strip_prefix(name)?.strip_prefix(' ')?.trim().parse().ok())
        .unwrap_or_else(|| panic!("{name} missing from /metrics"))
}

/// The sum of every sample of a labelled counter (0 before its first label).
async fn metric_sum(addr: SocketAddr, name: &str) -> f64 {
    let text = metrics_text(addr).await;
    text.lines()
        .filter(|l| {
            l.strip_prefix(name)
                .is_some_and(|r| r.starts_with(['{', ' ']))
        })
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

/// Polls until `name` reads `want`; the last value read otherwise.
/// Waits until metric `name` is at most `max`.
async fn wait_metric(addr: SocketAddr, name: &str, max: f64, bound: Duration) -> Result<(), f64> {
    let until = Instant::now() + bound;
    loop {
        let v = metric(addr, name).await;
        if v <= max {
            return Ok(());
        }
        if Instant::now() > until {
            return Err(v);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

// ---- what every reply must be ------------------------------------------------------

/// The exact `data` of every reply the workload can get, from the datasets
/// crate itself.
struct Oracle {
    reset: HashMap<(u64, u64), Value>,
    /// (answer, the step reply to the right answer, the step reply to a wrong one)
    step: HashMap<(u64, u64), (String, Value, Value)>,
}

const WRONG: &str = "not a number";

impl Oracle {
    fn new() -> Oracle {
        let mut reset = HashMap::new();
        let mut step = HashMap::new();
        for seed in 0..SEEDS {
            let ds =
                datasets::create_with("leg_counting", &Map::new(), Some(seed.into()), Some(SIZE))
                    .expect("oracle dataset");
            for idx in 0..SIZE {
                let it = ds.get(idx).expect("oracle item");
                let meta = if it.metadata.is_empty() {
                    Value::Null
                } else {
                    Value::Object(it.metadata.clone().into_map())
                };
                let envelope = |answer: &str| {
                    let score = ds.score(Some(answer), &it);
                    json!({
                        "observation": {"question": null, "score": score, "correct_answer": it.answer, "dataset_metadata": meta},
                        "reward": score,
                        "done": true,
                    })
                };
                let (right, wrong) = (envelope(&it.answer), envelope(WRONG));
                assert_ne!(right, wrong, "the workload must tell scores apart");
                reset.insert(
                    (seed, idx),
                    json!({
                        "observation": {"question": it.question, "score": null, "correct_answer": null, "dataset_metadata": null},
                        "reward": 0.0,
                        "done": false,
                    }),
                );
                step.insert((seed, idx), (it.answer.clone(), right, wrong));
            }
        }
        Oracle { reset, step }
    }
}

#[derive(Clone, Copy)]
enum Req {
    /// `Some(seed)` names the dataset (cursor back to 0); `None` takes the next item.
    Reset(Option<u64>),
    /// Right or wrong answer.
    Step(bool),
}

/// The client's model of its server-side env: which reply each request gets.
struct Episode {
    seed: u64,
    cursor: u64,
    current: u64,
}

impl Episode {
    /// The frame to send and the reply's expected `data`; advances the model.
    fn request(&mut self, req: Req, oracle: &Oracle) -> (String, Value) {
        match req {
            Req::Reset(seed) => {
                let frame = match seed {
                    Some(s) => {
                        self.seed = s;
                        self.cursor = 0;
                        json!({"type": "reset", "data": {"dataset_name": "leg_counting", "seed": s, "size": SIZE}})
                    }
                    None => json!({"type": "reset", "data": {}}),
                };
                let idx = if self.cursor >= SIZE { 0 } else { self.cursor };
                self.current = idx;
                self.cursor = idx + 1;
                (frame.to_string(), oracle.reset[&(self.seed, idx)].clone())
            }
            Req::Step(right) => {
                let (answer, r, w) = &oracle.step[&(self.seed, self.current)];
                let answer = if right { answer.as_str() } else { WRONG };
                let frame = json!({"type": "step", "data": {"answer": answer}});
                (frame.to_string(), if right { r } else { w }.clone())
            }
        }
    }
}

fn check_reply(text: &str, want: &Value) -> Result<(), String> {
    let v: Value =
        serde_json::from_str(text).map_err(|e| format!("reply is not JSON ({e}): {text}"))?;
    let obj = v
        .as_object()
        .ok_or_else(|| format!("reply is not an object: {text}"))?;
    let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
    keys.sort_unstable();
    if keys != ["data", "type"] || v["type"] != "observation" {
        return Err(format!("not an observation envelope: {text}"));
    }
    let data = &v["data"];
    // Equality with the oracle covers keys, done flags and values; the number
    // checks make sure scores and rewards are floats, as Python sends them.
    let floats =
        data["reward"].is_f64() && (data["done"] == false || data["observation"]["score"].is_f64());
    if data != want || !floats {
        return Err(format!("reply {text}\n  expected data {want}"));
    }
    Ok(())
}

// ---- clients -------------------------------------------------------------------------

type Ws = WebSocketStream<TcpStream>;

#[derive(Default)]
struct Tally {
    /// Replies checked against the oracle (healthy clients and droppers).
    replies: AtomicU64,
    drops: AtomicU64,
    healthy_errors: AtomicU64,
    dropper_errors: AtomicU64,
    /// Dropper reconnections that were refused (capacity, connect error).
    refused: AtomicU64,
    /// Healthy clients that have had their first reply (the SIGTERM phase waits for all).
    ready: AtomicUsize,
    /// Droppers stop reconnecting (the server is gone).
    stop: AtomicBool,
    samples: Mutex<Vec<String>>,
}

impl Tally {
    fn error(&self, healthy: bool, msg: String) {
        if healthy {
            &self.healthy_errors
        } else {
            &self.dropper_errors
        }
        .fetch_add(1, Ordering::Relaxed);
        let mut s = self.samples.lock().unwrap();
        if s.len() < 10 {
            s.push(format!(
                "{}: {msg}",
                if healthy { "healthy" } else { "dropper" }
            ));
        }
    }
}

/// splitmix64: cheap, deterministic per client, no dependency.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

enum Frame {
    Text(String),
    Close(Option<CloseCode>),
}

/// Why a client's conversation went wrong.
#[derive(Debug)]
enum Fail {
    /// The server closed with this code while requests were pending.
    Closed(Option<CloseCode>),
    /// Writing a frame failed.
    Send(String),
    Other(String),
}

impl From<String> for Fail {
    fn from(s: String) -> Fail {
        Fail::Other(s)
    }
}

impl std::fmt::Display for Fail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Fail::Closed(c) => write!(f, "closed ({c:?}) with a request pending"),
            Fail::Send(e) => write!(f, "send: {e}"),
            Fail::Other(e) => f.write_str(e),
        }
    }
}

struct Client {
    ws: Ws,
    ep: Episode,
    /// Expected replies to the requests sent and not yet answered, in order.
    pending: VecDeque<Value>,
}

impl Client {
    async fn connect(addr: SocketAddr) -> Result<Client, Fail> {
        let connect = async {
            let tcp = TcpStream::connect(addr)
                .await
                .map_err(|e| format!("connect: {e}"))?;
            let _ = tcp.set_nodelay(true);
            let (ws, _) = tokio_tungstenite::client_async(format!("ws://{addr}/ws"), tcp)
                .await
                .map_err(|e| format!("handshake: {e}"))?;
            Ok::<Ws, String>(ws)
        };
        let ws = tokio::time::timeout(REPLY_TIMEOUT, connect)
            .await
            .map_err(|_| "connect timed out".to_string())??;
        Ok(Client {
            ws,
            // Every conversation starts with a reset naming its seed.
            ep: Episode {
                seed: 0,
                cursor: 0,
                current: 0,
            },
            pending: VecDeque::new(),
        })
    }

    async fn send(&mut self, req: Req, oracle: &Oracle) -> Result<(), Fail> {
        let (frame, want) = self.ep.request(req, oracle);
        self.ws
            .send(Message::text(frame))
            .await
            .map_err(|e| Fail::Send(e.to_string()))?;
        self.pending.push_back(want);
        Ok(())
    }

    async fn next_frame(&mut self) -> Result<Frame, String> {
        loop {
            let msg = tokio::time::timeout(REPLY_TIMEOUT, self.ws.next())
                .await
                .map_err(|_| {
                    format!(
                        "no reply within {REPLY_TIMEOUT:?} ({} pending)",
                        self.pending.len()
                    )
                })?;
            match msg {
                None => return Err("connection ended without a close frame".into()),
                Some(Err(e)) => return Err(format!("receive: {e}")),
                Some(Ok(Message::Text(t))) => return Ok(Frame::Text(t.as_str().to_string())),
                Some(Ok(Message::Close(c))) => return Ok(Frame::Close(c.map(|c| c.code))),
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => {}
                Some(Ok(other)) => return Err(format!("unexpected frame {other:?}")),
            }
        }
    }

    /// Reads and checks the reply to the oldest pending request.
    async fn recv(&mut self, tally: &Tally) -> Result<(), Fail> {
        let want = self.pending.pop_front().expect("a request is pending");
        match self.next_frame().await? {
            Frame::Text(t) => check_reply(&t, &want)?,
            Frame::Close(c) => return Err(Fail::Closed(c)),
        }
        tally.replies.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    async fn exchange(&mut self, reqs: &[Req], oracle: &Oracle, tally: &Tally) -> Result<(), Fail> {
        for &r in reqs {
            self.send(r, oracle).await?;
        }
        for _ in reqs {
            self.recv(tally).await?;
        }
        Ok(())
    }

    /// One random batch of the workload: pipelined reset/step, single
    /// requests, and resets that switch dataset.
    async fn batch(&mut self, rng: &mut Rng, oracle: &Oracle, tally: &Tally) -> Result<(), Fail> {
        let right = rng.below(2) == 0;
        let reqs: &[Req] = match rng.below(10) {
            0..=5 => &[Req::Reset(None), Req::Step(right)],
            6 => &[Req::Step(right)],
            7 => &[Req::Reset(None)],
            8 => &[Req::Reset(Some(rng.below(SEEDS))), Req::Step(right)],
            _ => &[Req::Reset(None), Req::Step(right), Req::Step(!right)],
        };
        self.exchange(reqs, oracle, tally).await
    }

    /// `{"type":"close"}` and the server's 1000 close.
    async fn close(mut self) -> Result<(), Fail> {
        self.ws
            .send(Message::text(r#"{"type":"close"}"#))
            .await
            .map_err(|e| Fail::Send(e.to_string()))?;
        match self.next_frame().await? {
            Frame::Close(Some(CloseCode::Normal)) => Ok(()),
            Frame::Close(c) => Err(format!("close answered with {c:?}, not 1000").into()),
            Frame::Text(t) => Err(format!("close answered with a data frame: {t}").into()),
        }
    }

    /// Drops the connection in the middle of a request, without a close frame.
    async fn fault(mut self, rng: &mut Rng, oracle: &Oracle) {
        let right = rng.below(2) == 0;
        match rng.below(4) {
            // The request is in flight when the FIN arrives.
            0 => {
                let _ = self.send(Req::Step(right), oracle).await;
            }
            // Same, with an RST: the server's reply write fails.
            1 => {
                let _ = self.send(Req::Reset(None), oracle).await;
                let _ = self.ws.get_ref().set_zero_linger();
            }
            // Half a frame, then the connection ends under the decoder.
            2 => {
                let payload = br#"{"type":"step","data":{"answer":"7"}}"#;
                let mask = [0x5a, 0xa5, 0x3c, 0xc3];
                let mut frame = vec![0x81, 0x80 | payload.len() as u8];
                frame.extend_from_slice(&mask);
                frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
                frame.truncate(2 + 4 + payload.len() / 2);
                let _ = self.ws.get_mut().write_all(&frame).await;
            }
            // A pipeline with one reply read and more in flight, then an RST.
            _ => {
                let _ = self.send(Req::Reset(None), oracle).await;
                let _ = self.send(Req::Step(right), oracle).await;
                let _ = self.send(Req::Reset(None), oracle).await;
                let _ = tokio::time::timeout(REPLY_TIMEOUT, self.ws.next()).await;
                let _ = self.ws.get_ref().set_zero_linger();
            }
        }
        drop(self);
    }
}

#[derive(Clone, Copy)]
enum Phase {
    /// Work until the deadline, then close cleanly.
    Round(Instant),
    /// Work until the server closes with 1001 (it is sent SIGTERM meanwhile).
    Shutdown,
}

async fn healthy(id: u64, addr: SocketAddr, phase: Phase, oracle: Arc<Oracle>, tally: Arc<Tally>) {
    let mut rng = Rng(id.wrapping_mul(7919) ^ 0xfa17);
    let run = async {
        let mut c = Client::connect(addr).await?;
        c.exchange(
            &[Req::Reset(Some(id % SEEDS)), Req::Step(true)],
            &oracle,
            &tally,
        )
        .await?;
        tally.ready.fetch_add(1, Ordering::SeqCst);
        match phase {
            Phase::Round(deadline) => {
                while Instant::now() < deadline {
                    c.batch(&mut rng, &oracle, &tally).await?;
                }
                c.close().await
            }
            Phase::Shutdown => loop {
                // Draining answers what was received, then closes with 1001;
                // requests sent after that go unanswered.
                match c.batch(&mut rng, &oracle, &tally).await {
                    Ok(()) => {}
                    Err(Fail::Closed(Some(CloseCode::Away))) => return Ok(()),
                    Err(Fail::Send(_)) => return expect_away(&mut c, &tally).await,
                    Err(e) => return Err(e),
                }
            },
        }
    };
    if let Err(e) = run.await {
        tally.error(true, e.to_string());
    }
}

/// After a failed send in the shutdown phase: the replies already on their
/// way, then the server's 1001, must still be there to read.
async fn expect_away(c: &mut Client, tally: &Tally) -> Result<(), Fail> {
    while !c.pending.is_empty() {
        match c.recv(tally).await {
            Err(Fail::Closed(Some(CloseCode::Away))) => return Ok(()),
            other => other?,
        }
    }
    match c.next_frame().await? {
        Frame::Close(Some(CloseCode::Away)) => Ok(()),
        Frame::Close(other) => Err(format!("closed with {other:?}, not 1001").into()),
        Frame::Text(t) => Err(format!("a reply nothing asked for: {t}").into()),
    }
}

/// Reconnects and faults until `deadline` (or `tally.stop`). Its replies are
/// checked too; `strict` off (the SIGTERM phase) stops counting their failures.
async fn dropper(
    id: u64,
    addr: SocketAddr,
    deadline: Instant,
    strict: bool,
    oracle: Arc<Oracle>,
    tally: Arc<Tally>,
) {
    let mut rng = Rng(id.wrapping_mul(104_729) ^ 0xd20b);
    while Instant::now() < deadline && !tally.stop.load(Ordering::SeqCst) {
        let mut c = match Client::connect(addr).await {
            Ok(c) => c,
            Err(_) => {
                tally.refused.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let drop_at = (Instant::now()
            + Duration::from_millis(rng.below(DROP_AFTER_MAX.as_millis() as u64)))
        .min(deadline);
        let mut run = c
            .exchange(&[Req::Reset(Some(rng.below(SEEDS)))], &oracle, &tally)
            .await;
        while run.is_ok() && Instant::now() < drop_at {
            run = c.batch(&mut rng, &oracle, &tally).await;
        }
        match run {
            Ok(()) => {
                c.fault(&mut rng, &oracle).await;
                tally.drops.fetch_add(1, Ordering::Relaxed);
            }
            Err(Fail::Other(e)) if e.contains("CAPACITY_REACHED") => {
                tally.refused.fetch_add(1, Ordering::Relaxed);
            }
            Err(e) if strict => tally.error(false, e.to_string()),
            Err(_) => {}
        }
    }
}

struct Load {
    tally: Arc<Tally>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

fn start_load(
    addr: SocketAddr,
    phase: Phase,
    dropper_deadline: Instant,
    oracle: &Arc<Oracle>,
) -> Load {
    let tally = Arc::new(Tally::default());
    let mut tasks = Vec::with_capacity(CLIENTS);
    for i in 0..CLIENTS as u64 {
        let (o, t) = (oracle.clone(), tally.clone());
        tasks.push(if i % (CLIENTS / DROPPERS) as u64 == 0 {
            let strict = matches!(phase, Phase::Round(_));
            tokio::spawn(dropper(i, addr, dropper_deadline, strict, o, t))
        } else {
            tokio::spawn(healthy(i, addr, phase, o, t))
        });
    }
    Load { tally, tasks }
}

impl Load {
    async fn join(self) -> Arc<Tally> {
        for t in self.tasks {
            t.await.expect("client task");
        }
        self.tally
    }
}

fn report_errors(tally: &Tally) -> String {
    tally.samples.lock().unwrap().join("\n")
}

// ---- the test ----------------------------------------------------------------------------

#[test]
fn thousand_sessions_with_dropped_clients_leak_nothing() {
    let t0 = Instant::now();
    raise_nofile(4 * (CLIENTS as u64) + 256);
    let oracle = Arc::new(Oracle::new());
    let mut server = Server::start(
        MAX_SESSIONS,
        &[("RGYM_SHUTDOWN_TIMEOUT", SHUTDOWN_TIMEOUT_SECS.to_string())],
    );
    let addr = server.addr;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    // Clients are spawned from this thread, outside `block_on`.
    let _rt_guard = rt.enter();

    let (rss0, threads0) = rss_threads(&server);
    eprintln!(
        "fault: server pid {} on {addr}; RSS at start {} KiB, {threads0} threads",
        server.pid(),
        rss0
    );
    let mut rss = Vec::new();
    let rounds = rounds();
    // Round 0 is the warm-up (see the RSS tolerance below); it is checked
    // like the others.
    for round in 0..=rounds {
        let started = Instant::now();
        let deadline = started + if round == 0 { WARMUP } else { ROUND };
        let cpu_before = (cpu_seconds(server.pid()), cpu_seconds(std::process::id()));
        let tally = rt.block_on(start_load(addr, Phase::Round(deadline), deadline, &oracle).join());
        let elapsed = started.elapsed().as_secs_f64();
        let drained = Instant::now();
        let gauge = rt.block_on(wait_metric(
            addr,
            "rgym_active_sessions",
            0.0,
            Duration::from_secs(15),
        ));
        let drain_ms = drained.elapsed().as_millis();
        // What stays is the supervisor's bounded set of recently used
        // datasets, never one per session.
        let datasets = rt.block_on(wait_metric(
            addr,
            "rgym_datasets_live",
            (SEEDS as usize).min(rgym_server::supervisor::RECENT_DATASETS.get()) as f64,
            Duration::from_secs(5),
        ));
        let error_replies = rt.block_on(metric_sum(addr, "rgym_errors_total"));
        let (kib, threads) = rss_threads(&server);
        let replies = tally.replies.load(Ordering::Relaxed);
        let cpu_server = cpu_seconds(server.pid()) - cpu_before.0;
        let cpu_clients = cpu_seconds(std::process::id()) - cpu_before.1;
        eprintln!(
            "fault: {}: {replies} replies checked in {elapsed:.1} s ({:.0}/s), {} drops, \
             {} refused reconnects, gauge 0 after {drain_ms} ms; CPU s server {cpu_server:.1} clients {cpu_clients:.1}; \
             server RSS {kib} KiB ({:.1} MiB), {threads} threads",
            if round == 0 { "warm-up".to_string() } else { format!("round {round}") },
            replies as f64 / elapsed,
            tally.drops.load(Ordering::Relaxed),
            tally.refused.load(Ordering::Relaxed),
            kib as f64 / 1024.0,
        );
        assert_eq!(
            tally.healthy_errors.load(Ordering::Relaxed),
            0,
            "round {round}: protocol errors on healthy clients:\n{}",
            report_errors(&tally)
        );
        assert_eq!(
            tally.dropper_errors.load(Ordering::Relaxed),
            0,
            "round {round}: protocol errors on droppers before their fault:\n{}",
            report_errors(&tally)
        );
        assert!(
            tally.drops.load(Ordering::Relaxed) >= DROPPERS as u64,
            "round {round}: too few faults"
        );
        assert_eq!(
            gauge,
            Ok(()),
            "round {round}: rgym_active_sessions not back to 0"
        );
        assert_eq!(
            datasets,
            Ok(()),
            "round {round}: rgym_datasets_live above the datasets kept as recently used"
        );
        assert_eq!(
            error_replies, 0.0,
            "round {round}: the server sent error replies"
        );
        let bad = bad_lines(&server);
        assert!(
            bad.is_empty(),
            "round {round}: server logged:\n{}",
            bad.join("\n")
        );
        rss.push(kib);
    }

    // rss[0] is after the warm-up, rss[1..] after rounds 1..=rounds.
    //
    // Why a warm-up: the first pass over this workload takes the server from
    // ~17 MiB to its working size (a thousand sessions' buffers, the item
    // cache, per-thread malloc arenas), and the next passes still add a few
    // MiB that shrink towards nothing: eight 10 s rounds without a warm-up
    // measured 43.0, 48.6, 50.3, 50.6, 51.0, 51.0, 51.2, 51.2 MiB. That is
    // glibc, not the server: its live heap, read with gdb `malloc_info` after
    // each round of a six-round run, was 1.7 MiB after the warm-up, then 2.6,
    // 3.0, 3.1, 3.1, 3.0, 3.0 MiB (the item cache filling, then flat), while
    // its 16 arenas kept ~29 MiB of freed chunks whose touched pages shift
    // from round to round. After a warm-up that noise is 1-4 MiB between
    // rounds 1 and 3.
    //
    // A leak grows linearly: each round opens ~1,000 sessions plus a few
    // hundred dropped ones and answers thousands of requests, so leaking a
    // session (actor, env, codec buffers: tens of KiB) costs tens of MiB per
    // round, and even 3 KiB per session adds ~8 MiB over two rounds. Leaked
    // slots and datasets are caught exactly by the gauges above. 8 MiB (or
    // 10% of round 1, whichever is larger) sits between noise and leak.
    let tolerance = (8 * 1024).max(rss[1] / 10);
    let growth = rss[rounds] as i64 - rss[1] as i64;
    eprintln!(
        "fault: RSS after warm-up and rounds 1..={rounds}: {:?} KiB; round {rounds} - round 1 = {growth} KiB \
         (tolerance {tolerance} KiB)",
        rss
    );
    assert!(
        growth <= tolerance as i64,
        "server RSS grew by {growth} KiB from round 1 to round {rounds}: {rss:?} KiB"
    );

    // SIGTERM under the same load: the server must answer what it received,
    // close every session with 1001 and exit 0 within the shutdown bound.
    let started = Instant::now();
    let load = start_load(
        addr,
        Phase::Shutdown,
        started + Duration::from_secs(30),
        &oracle,
    );
    let healthy_n = CLIENTS - DROPPERS;
    rt.block_on(async {
        let until = Instant::now() + Duration::from_secs(20);
        while load.tally.ready.load(Ordering::SeqCst) < healthy_n && Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    });
    assert_eq!(
        load.tally.ready.load(Ordering::SeqCst),
        healthy_n,
        "healthy clients connected before SIGTERM"
    );
    // SAFETY: plain kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(server.pid() as i32, libc::SIGTERM) }, 0);
    let signalled = Instant::now();
    let bound = Duration::from_secs(SHUTDOWN_TIMEOUT_SECS + 2);
    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait for the server") {
            break s;
        }
        assert!(
            signalled.elapsed() < bound,
            "the server did not exit within {bound:?} of SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let exit_ms = signalled.elapsed().as_millis();
    load.tally.stop.store(true, Ordering::SeqCst);
    let tally = rt.block_on(load.join());
    eprintln!(
        "fault: SIGTERM under load: exited ({status}) after {exit_ms} ms; {} replies checked, {} drops",
        tally.replies.load(Ordering::Relaxed),
        tally.drops.load(Ordering::Relaxed)
    );
    assert!(status.success(), "exit status after SIGTERM: {status}");
    assert_eq!(
        tally.healthy_errors.load(Ordering::Relaxed),
        0,
        "SIGTERM: healthy clients saw more than replies and a 1001 close:\n{}",
        report_errors(&tally)
    );
    let bad = bad_lines(&server);
    assert!(
        bad.is_empty(),
        "server logged during shutdown:\n{}",
        bad.join("\n")
    );
    eprintln!("fault: total {:.1} s", t0.elapsed().as_secs_f64());
}
