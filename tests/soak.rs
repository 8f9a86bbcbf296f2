//! Issue 12's soak, against the real `rgym serve` binary: for `HOSTILE_PHASE`
//! a mix of hostile clients works against one server while `WELL_BEHAVED`
//! sessions loop reset/step on leg_counting and read every reply.
//!
//! The hostile clients, `PER_KIND` of each, each reconnecting until the
//! phase ends (every connection bounded in bytes and time):
//! - oversize frames: a hand-made handshake, then a binary frame header
//!   declaring 2^62 bytes and zeros after it until the server ends the
//!   connection (at most `OVERSIZE_WRITE_CAP` per connection); the server
//!   must answer 1009;
//! - ping floods: masked pings in a tight loop, never reading (a small
//!   receive buffer), then one `state` request the session must still answer;
//! - non-readers: resets of color_cube_rotation at 20,000 rotations (~1 MB
//!   replies) never read; the server must cut the connection (its
//!   `slow_reader` close);
//! - expensive configs: basic_arithmetic resets that would take minutes,
//!   half waited for (an `EXECUTION_ERROR` at the generation timeout), half
//!   abandoned while the work runs;
//! - abrupt resets: connect, send a reset, drop the TCP connection with RST.
//!
//! Asserted (the issue's "Done when"): the well-behaved sessions see 0
//! errors (every reply an observation, within `REPLY_BOUND`); the server's
//! RSS, sampled every `RSS_EVERY` from a thread for the whole test, stays
//! under `RSS_BOUND_KIB`; within 1 s of the last hostile client leaving the
//! server uses under `IDLE_CPU` of a core over the next second; the gauges
//! return (active sessions to the well-behaved sessions still open, then 0;
//! the worker pool's running and queued jobs to 0); and SIGTERM with
//! expensive work in flight exits 0 within `shutdown_timeout` + 1 s, every
//! waiting session getting an error frame and then a 1001 close. Also: each
//! hostile client met the treatment the server promises it, and the server
//! logged no ERROR line and no panic. Every check runs; the failures are
//! reported together at the end.
//!
//! The server runs as a subprocess (as in `fault.rs`) so that its RSS and CPU
//! can be read from /proc without the clients' mixed in. Settings:
//! `max_frame_bytes` 1 MiB, `generation_timeout` 2 s, `shutdown_timeout` 3 s,
//! the rest defaults (a pool thread and an HTTP worker per core).
//! The well-behaved sessions warm up before the hostile phase, so the server
//! already answers their dataset inline rather than on its worker pool.
//!
//! About 45 s on a two-core machine, debug build. Measured figures go to
//! stderr (`cargo test --test soak -- --nocapture`).

// Reads /proc and sends signals.
#![cfg(target_os = "linux")]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

// ---- the bounds asserted (issue 12, "Done when") --------------------------------

/// The server's resident memory stays below 1 GiB throughout. What it may
/// legitimately hold here is a few hundred MiB at most (the 256 MiB item
/// cache, 32 MiB of unread replies per non-reader, the sessions' buffers);
/// what these hostile clients made it hold before issue 12 crossed 1 GiB in
/// seconds (two 2^62-byte frames alone took 2.1 GB).
const RSS_BOUND_KIB: u64 = 1 << 20;
const RSS_EVERY: Duration = Duration::from_millis(100);
/// "Idle": at most this fraction of one core, over `IDLE_WINDOW` starting
/// `IDLE_AFTER` after the last hostile client left.
const IDLE_CPU: f64 = 0.10;
const IDLE_AFTER: Duration = Duration::from_secs(1);
const IDLE_WINDOW: Duration = Duration::from_secs(1);
/// The gauges are back within this (they normally are before the CPU window ends).
const GAUGES_WITHIN: Duration = Duration::from_secs(5);
/// The server's `shutdown_timeout`; it must exit within it + `EXIT_MARGIN`.
const SHUTDOWN_TIMEOUT_SECS: u64 = 3;
const EXIT_MARGIN: Duration = Duration::from_secs(1);

// ---- the server's settings -------------------------------------------------------

const MAX_FRAME_BYTES: u64 = 1 << 20;
const GENERATION_TIMEOUT_SECS: u64 = 2;
const MAX_SESSIONS: usize = 256;
/// Its default `item_cache_bytes`; `rgym_item_cache_bytes` must stay within it.
const ITEM_CACHE_BYTES: f64 = (256u64 << 20) as f64;

// ---- the workload ----------------------------------------------------------------

const WELL_BEHAVED: usize = 20;
/// Well-behaved sessions pause this long between reset/step pairs: a steady
/// load, not a benchmark saturating both cores of a small machine on its own.
const WELL_BEHAVED_PAUSE: Duration = Duration::from_millis(5);
/// Reset/step pairs each well-behaved session does before the hostile
/// phase: the server times a dataset's first calls on its worker pool (32 per
/// name and config) before it answers them inline; that warm-up is done
/// before the pool is full of expensive work.
const WARM_UP_PAIRS: u64 = 4;
/// A well-behaved reply slower than this counts as an error: generous, for a
/// debug build on a loaded two-core machine; only a starved session trips it.
const REPLY_BOUND: Duration = Duration::from_secs(10);
const HOSTILE_PHASE: Duration = Duration::from_secs(25);
/// Concurrent clients of each hostile kind.
const PER_KIND: u64 = 2;
/// Most zeros one oversize connection writes after its header.
const OVERSIZE_WRITE_CAP: u64 = 64 << 20;
/// Most pings, and longest flood, per ping-flood connection.
const PINGS_PER_FLOOD: usize = 200_000;
const FLOOD_FOR: Duration = Duration::from_secs(4);
/// Requests a non-reader sends at once: ~75 MB of replies (1.25 MB each),
/// more than twice the server's 32 MiB budget of unread replies; the kernel
/// holds only a few MB of them (the client's receive buffer is 4 KiB).
const NON_READER_BURST: usize = 60;
/// Bounds on one hostile connection's steps: a write that makes no progress,
/// a server that does not cut a non-reader, a frame that does not come.
const WRITE_STALL: Duration = Duration::from_secs(2);
const CUT_WITHIN: Duration = Duration::from_secs(20);
const FRAME_WITHIN: Duration = Duration::from_secs(10);

// ---- the server process ------------------------------------------------------------

mod support;

use support::{cpu_seconds, metrics_text, proc_status, sample, Server};

/// VmRSS of a process in KiB; `None` once it has exited.
fn vm_rss_kib(pid: u32) -> Option<u64> {
    proc_status(pid, "VmRSS")
}

/// Samples the server's RSS every `RSS_EVERY` until it exits (or `stop`).
struct RssSampler {
    max_kib: Arc<AtomicU64>,
    samples: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl RssSampler {
    fn start(pid: u32) -> RssSampler {
        let max_kib = Arc::new(AtomicU64::new(0));
        let samples = Arc::new(AtomicU64::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (m, n, s) = (max_kib.clone(), samples.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            while !s.load(Ordering::SeqCst) {
                let Some(kib) = vm_rss_kib(pid) else { break };
                m.fetch_max(kib, Ordering::SeqCst);
                n.fetch_add(1, Ordering::SeqCst);
                std::thread::sleep(RSS_EVERY);
            }
        });
        RssSampler {
            max_kib,
            samples,
            stop,
            thread: Some(thread),
        }
    }

    fn max_kib(&self) -> u64 {
        self.max_kib.load(Ordering::SeqCst)
    }

    fn finish(mut self) -> (u64, u64) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        (self.max_kib(), self.samples.load(Ordering::SeqCst))
    }
}

// ---- /metrics ------------------------------------------------------------------------

/// An unlabelled gauge; a missing one fails (a renamed gauge must not pass as 0).
fn gauge(text: &str, name: &str) -> f64 {
    sample(text, name).unwrap_or_else(|| panic!("{name} missing from /metrics"))
}

fn slow_reader_closes(text: &str) -> f64 {
    sample(text, r#"rgym_sessions_closed_total{reason="slow_reader"}"#).unwrap_or(0.0)
}

/// How many of a histogram's observations were above `le` (one of its bucket bounds).
fn observed_above(text: &str, name: &str, le: &str) -> f64 {
    let count = sample(text, &format!("{name}_count")).unwrap_or(0.0);
    count - sample(text, &format!("{name}_bucket{{le=\"{le}\"}}")).unwrap_or(count)
}

/// (active sessions, running jobs, queued jobs).
fn gauges(text: &str) -> (f64, f64, f64) {
    (
        gauge(text, "rgym_active_sessions"),
        gauge(text, "rgym_pool_running_jobs"),
        gauge(text, "rgym_pool_queued_jobs"),
    )
}

/// Polls until the active sessions are `sessions` and the pool is idle;
/// the time it took, or the last values read.
async fn wait_gauges(
    addr: SocketAddr,
    sessions: usize,
    bound: Duration,
) -> Result<Duration, (f64, f64, f64)> {
    let t = Instant::now();
    loop {
        let g = gauges(&metrics_text(addr).await);
        if g == (sessions as f64, 0.0, 0.0) {
            return Ok(t.elapsed());
        }
        if t.elapsed() > bound {
            return Err(g);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

// ---- requests ------------------------------------------------------------------------

/// basic_arithmetic with operands whose divisors take minutes to find.
fn expensive(seed: u64) -> Value {
    json!({"type": "reset", "data": {"dataset_name": "basic_arithmetic", "seed": seed, "size": 10,
        "dataset_config": {"min_terms": 1000, "max_terms": 1000, "min_digits": 4000, "max_digits": 4000}}})
}

/// color_cube_rotation item 0 of `seed`: a reply of ~1 MB, cached after the
/// first time.
fn cube(seed: u64) -> Value {
    json!({"type": "reset", "data": {"dataset_name": "color_cube_rotation", "seed": seed, "size": 10,
        "dataset_config": {"min_rotations": 20000, "max_rotations": 20000}}})
}

fn leg_counting(seed: u64) -> Value {
    json!({"type": "reset", "data": {"dataset_name": "leg_counting", "seed": seed, "size": 1000}})
}

// ---- raw WebSocket clients --------------------------------------------------------------

/// A masked client frame; `len` overrides the declared payload length.
fn frame(opcode: u8, payload: &[u8], len: Option<u64>) -> Vec<u8> {
    rgym_server::framing::client_frame(true, opcode, payload, len)
}

fn text_frame(v: &Value) -> Vec<u8> {
    frame(1, v.to_string().as_bytes(), None)
}

fn io_err(what: impl Into<String>) -> std::io::Error {
    std::io::Error::other(what.into())
}

/// A TCP connection upgraded to a WebSocket by hand (`rcvbuf`: a small
/// receive buffer for clients that do not read).
async fn raw_ws(addr: SocketAddr, rcvbuf: Option<u32>) -> std::io::Result<TcpStream> {
    let handshake = async {
        let sock = TcpSocket::new_v4()?;
        if let Some(n) = rcvbuf {
            sock.set_recv_buffer_size(n)?;
        }
        let mut tcp = sock.connect(addr).await?;
        tcp.set_nodelay(true)?;
        tcp.write_all(
            b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
              Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        )
        .await?;
        // A byte at a time: nothing after the response head is taken.
        let mut head = Vec::new();
        while !head.ends_with(b"\r\n\r\n") {
            let b = tcp.read_u8().await?;
            head.push(b);
            if head.len() > 8192 {
                return Err(io_err("response head too long"));
            }
        }
        if !head.starts_with(b"HTTP/1.1 101") {
            return Err(io_err(String::from_utf8_lossy(&head).into_owned()));
        }
        Ok(tcp)
    };
    tokio::time::timeout(FRAME_WITHIN, handshake)
        .await
        .map_err(|_| io_err("handshake timed out"))?
}

#[derive(Debug)]
enum In {
    Text(String),
    Ping,
    Pong,
    Close(u16),
}

/// One (unmasked) server frame from the front of `b`, and the bytes it used.
fn parse(b: &[u8]) -> Option<Result<(In, usize), String>> {
    if b.len() < 2 {
        return None;
    }
    let (mut n, mut i) = (u64::from(b[1] & 0x7f), 2);
    if n == 126 {
        n = u64::from(u16::from_be_bytes([*b.get(2)?, *b.get(3)?]));
        i = 4;
    } else if n == 127 {
        n = u64::from_be_bytes(b.get(2..10)?.try_into().ok()?);
        i = 10;
    }
    let end = i + usize::try_from(n).ok()?;
    let p = b.get(i..end)?;
    let f = match b[0] & 0x0f {
        1 => In::Text(String::from_utf8_lossy(p).into_owned()),
        8 => In::Close(
            p.get(..2)
                .map_or(1005, |c| u16::from_be_bytes([c[0], c[1]])),
        ),
        9 => In::Ping,
        10 => In::Pong,
        op => return Some(Err(format!("unexpected opcode {op}"))),
    };
    Some(Ok((f, end)))
}

/// Reads server frames; `Err` on the end of the stream, an error, or
/// nothing within `FRAME_WITHIN`.
struct Frames {
    buf: Vec<u8>,
}

impl Frames {
    async fn next(&mut self, rd: &mut (impl AsyncRead + Unpin)) -> Result<In, String> {
        let until = Instant::now() + FRAME_WITHIN;
        loop {
            match parse(&self.buf) {
                Some(Ok((f, used))) => {
                    self.buf.drain(..used);
                    return Ok(f);
                }
                Some(Err(e)) => return Err(e),
                None => {}
            }
            let mut chunk = [0u8; 1 << 16];
            let left = until.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, rd.read(&mut chunk)).await {
                Err(_) => return Err(format!("no frame within {FRAME_WITHIN:?}")),
                Ok(Ok(0)) => return Err("end of stream".into()),
                Ok(Err(e)) => return Err(format!("read: {e}")),
                Ok(Ok(n)) => self.buf.extend_from_slice(&chunk[..n]),
            }
        }
    }
}

/// Writes `buf[*off..]`, advancing `*off`: `Ok(true)` when all is written,
/// `Ok(false)` when no byte went out for `stall` (the stream is then cut in
/// the middle of `buf`, at `*off`).
async fn write_tracked(
    tcp: &mut TcpStream,
    buf: &[u8],
    off: &mut usize,
    stall: Duration,
) -> std::io::Result<bool> {
    while *off < buf.len() {
        match tokio::time::timeout(stall, tcp.write(&buf[*off..])).await {
            Err(_) => return Ok(false),
            Ok(Ok(0)) => return Err(std::io::ErrorKind::WriteZero.into()),
            Ok(Ok(n)) => *off += n,
            Ok(Err(e)) => return Err(e),
        }
    }
    Ok(true)
}

// ---- the hostile clients ------------------------------------------------------------------

#[derive(Default)]
struct Hostile {
    connect_failures: AtomicU64,
    oversize: AtomicU64,
    oversize_1009: AtomicU64,
    /// Most payload bytes one oversize connection got written (kernel buffers
    /// included) before the server ended it.
    oversize_max_written: AtomicU64,
    floods: AtomicU64,
    pings: AtomicU64,
    pongs: AtomicU64,
    floods_answered: AtomicU64,
    /// Batches of pings the server took more than `WRITE_STALL` to read.
    flood_stalls: AtomicU64,
    non_readers: AtomicU64,
    non_readers_cut: AtomicU64,
    non_reader_max_cut_ms: AtomicU64,
    expensive_waited: AtomicU64,
    expensive_answered: AtomicU64,
    expensive_max_reply_ms: AtomicU64,
    expensive_left: AtomicU64,
    abrupt: AtomicU64,
    /// Hostile clients that did not get the treatment the server promises.
    anomalies: Mutex<Vec<String>>,
    connect_errors: Mutex<Vec<String>>,
}

impl Hostile {
    fn anomaly(&self, msg: String) {
        let mut a = self.anomalies.lock().unwrap();
        if a.len() < 20 {
            a.push(msg);
        }
    }

    /// Not a broken promise by itself (reported, not asserted): a server
    /// too busy to finish a handshake in time shows in the well-behaved
    /// sessions' replies too.
    fn connect_failed(&self, kind: &str, e: impl std::fmt::Display) {
        self.connect_failures.fetch_add(1, Ordering::Relaxed);
        let mut c = self.connect_errors.lock().unwrap();
        if c.len() < 3 {
            c.push(format!("{kind}: {e}"));
        }
    }
}

/// Oversize frames: a header declaring 2^62 bytes, then zeros until the
/// server ends the connection; the server must answer 1009 at once.
async fn oversize(addr: SocketAddr, deadline: Instant, h: Arc<Hostile>) {
    let header = frame(2, &[], Some(1 << 62));
    let zeros = vec![0u8; 64 << 10];
    while Instant::now() < deadline {
        let tcp = match raw_ws(addr, None).await {
            Ok(t) => t,
            Err(e) => {
                h.connect_failed("oversize", e);
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        h.oversize.fetch_add(1, Ordering::Relaxed);
        let (mut rd, mut wr) = tcp.into_split();
        // The close frame is read while the zeros go out.
        let reader = tokio::spawn(async move {
            let mut frames = Frames { buf: Vec::new() };
            loop {
                match frames.next(&mut rd).await {
                    Ok(In::Close(code)) => return Ok(code),
                    Ok(In::Ping | In::Pong) => {}
                    Ok(other) => return Err(format!("{other:?}")),
                    Err(e) => return Err(e),
                }
            }
        });
        let mut written = 0u64;
        if wr.write_all(&header).await.is_ok() {
            while written < OVERSIZE_WRITE_CAP {
                match tokio::time::timeout(WRITE_STALL, wr.write_all(&zeros)).await {
                    Ok(Ok(())) => written += zeros.len() as u64,
                    // Refused (reset), or no longer read: either way, done.
                    Ok(Err(_)) | Err(_) => break,
                }
            }
        }
        h.oversize_max_written.fetch_max(written, Ordering::Relaxed);
        if written >= OVERSIZE_WRITE_CAP {
            h.anomaly(format!(
                "oversize frame: the server took {written} bytes after the header and kept the \
                 connection"
            ));
        }
        match reader.await.expect("reader task") {
            Ok(1009) => {
                h.oversize_1009.fetch_add(1, Ordering::Relaxed);
            }
            other => h.anomaly(format!("oversize frame: {other:?} instead of a 1009 close")),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Ping floods: masked pings without reading, then a `state` request the
/// session must still answer (behind at most a few coalesced pongs).
async fn ping_flood(addr: SocketAddr, deadline: Instant, h: Arc<Hostile>) {
    let ping = frame(9, &[b'p'; 125], None);
    const BATCH: usize = 1000;
    let batch = ping.repeat(BATCH);
    let state = text_frame(&json!({"type": "state"}));
    while Instant::now() < deadline {
        let mut tcp = match raw_ws(addr, Some(4096)).await {
            Ok(t) => t,
            Err(e) => {
                h.connect_failed("ping flood", e);
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        h.floods.fetch_add(1, Ordering::Relaxed);
        let started = Instant::now();
        let mut sent = 0;
        let mut ok = true;
        while sent < PINGS_PER_FLOOD && started.elapsed() < FLOOD_FOR {
            let mut off = 0;
            let mut done = write_tracked(&mut tcp, &batch, &mut off, WRITE_STALL).await;
            if let Ok(false) = done {
                // The server reads slowly (a loaded machine): the flood ends
                // with this batch, which must still be written whole.
                h.flood_stalls.fetch_add(1, Ordering::Relaxed);
                done = write_tracked(&mut tcp, &batch, &mut off, FRAME_WITHIN).await;
                if let Ok(true) = done {
                    sent += BATCH;
                    break;
                }
            }
            match done {
                Ok(true) => sent += BATCH,
                Ok(false) => {
                    h.anomaly(format!(
                        "ping flood: the server stopped reading after {sent} pings"
                    ));
                    ok = false;
                    break;
                }
                Err(e) => {
                    h.anomaly(format!("ping flood: write failed after {sent} pings: {e}"));
                    ok = false;
                    break;
                }
            }
        }
        h.pings.fetch_add(sent as u64, Ordering::Relaxed);
        if ok && tcp.write_all(&state).await.is_ok() {
            let mut frames = Frames { buf: Vec::new() };
            loop {
                match frames.next(&mut tcp).await {
                    Ok(In::Pong) => {
                        h.pongs.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok(In::Ping) => {}
                    Ok(In::Text(t)) if t.contains(r#""type":"state""#) => {
                        h.floods_answered.fetch_add(1, Ordering::Relaxed);
                        break;
                    }
                    other => {
                        h.anomaly(format!("ping flood: {other:?} instead of the state reply"));
                        break;
                    }
                }
            }
        }
        // Half leave with an RST.
        if sent % (2 * BATCH) == 0 {
            let _ = tcp.set_zero_linger();
        }
        drop(tcp);
    }
}

/// Non-readers: big replies never read; the server must cut the connection.
async fn non_reader(addr: SocketAddr, deadline: Instant, seed: u64, h: Arc<Hostile>) {
    let burst = text_frame(&cube(seed)).repeat(NON_READER_BURST);
    let poke = text_frame(&json!({"type": "state"}));
    while Instant::now() < deadline {
        let mut tcp = match raw_ws(addr, Some(4096)).await {
            Ok(t) => t,
            Err(e) => {
                h.connect_failed("non-reader", e);
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        h.non_readers.fetch_add(1, Ordering::Relaxed);
        let started = Instant::now();
        let mut cut = tokio::time::timeout(WRITE_STALL, tcp.write_all(&burst))
            .await
            .is_ok_and(|r| r.is_err());
        // A small request now and then: once the server has ended the
        // connection, a write fails.
        while !cut && started.elapsed() < CUT_WITHIN {
            tokio::time::sleep(Duration::from_millis(100)).await;
            cut = tokio::time::timeout(WRITE_STALL, tcp.write_all(&poke))
                .await
                .is_ok_and(|r| r.is_err());
        }
        if !cut {
            // What did the server send? The start of it, for the report.
            let mut frames = Frames { buf: Vec::new() };
            let mut seen = Vec::new();
            while seen.len() < 3 {
                match frames.next(&mut tcp).await {
                    Ok(In::Text(t)) => seen.push(format!(
                        "{} bytes: {}…",
                        t.len(),
                        t.chars().take(60).collect::<String>()
                    )),
                    Ok(other) => seen.push(format!("{other:?}")),
                    Err(e) => {
                        seen.push(e);
                        break;
                    }
                }
            }
            h.anomaly(format!(
                "non-reader: connection not cut within {CUT_WITHIN:?}; it had: {seen:?}"
            ));
            continue;
        }
        // What the kernel still held, then the end of the connection.
        let mut sink = vec![0u8; 1 << 16];
        let ended = tokio::time::timeout(FRAME_WITHIN, async {
            while let Ok(n) = tcp.read(&mut sink).await {
                if n == 0 {
                    break;
                }
            }
        })
        .await
        .is_ok();
        if ended {
            h.non_readers_cut.fetch_add(1, Ordering::Relaxed);
            h.non_reader_max_cut_ms
                .fetch_max(started.elapsed().as_millis() as u64, Ordering::Relaxed);
        } else {
            h.anomaly("non-reader: writes fail but the connection does not end".into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Expensive configs: every other one waited for (the time limit's error),
/// the others abandoned while the work runs.
async fn expensive_configs(addr: SocketAddr, deadline: Instant, k: u64, h: Arc<Hostile>) {
    let mut n = 0u64;
    while Instant::now() < deadline {
        n += 1;
        let mut ws = match ws_connect(addr).await {
            Ok(ws) => ws,
            Err(e) => {
                h.connect_failed("expensive", e);
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let req = expensive(k * 1_000_000 + n).to_string();
        if ws.send(Message::text(req)).await.is_err() {
            h.anomaly("expensive: send failed".into());
            continue;
        }
        let sent = Instant::now();
        if n % 2 == 1 {
            h.expensive_waited.fetch_add(1, Ordering::Relaxed);
            match next_text(&mut ws, FRAME_WITHIN).await {
                Ok(v)
                    if v["type"] == "error"
                        && v["data"]["code"] == "EXECUTION_ERROR"
                        && v["data"]["message"]
                            .as_str()
                            .unwrap_or("")
                            .contains("limit") =>
                {
                    h.expensive_answered.fetch_add(1, Ordering::Relaxed);
                    h.expensive_max_reply_ms
                        .fetch_max(sent.elapsed().as_millis() as u64, Ordering::Relaxed);
                }
                other => h.anomaly(format!(
                    "expensive: {other:?} instead of an EXECUTION_ERROR at the limit"
                )),
            }
        } else {
            h.expensive_left.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_millis(300 + (n * 397) % 1200)).await;
        }
        drop(ws);
    }
}

/// Abrupt resets: a reset, then the connection dropped with an RST.
async fn abrupt(addr: SocketAddr, deadline: Instant, k: u64, h: Arc<Hostile>) {
    let mut n = 0u64;
    while Instant::now() < deadline {
        n += 1;
        let mut ws = match ws_connect(addr).await {
            Ok(ws) => ws,
            Err(e) => {
                h.connect_failed("abrupt", e);
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        h.abrupt.fetch_add(1, Ordering::Relaxed);
        let req = match n % 3 {
            0 => leg_counting(k * 1_000 + n % 7),
            1 => cube(k + n % 4),
            _ => expensive(k * 1_000_000 + n),
        };
        let _ = ws.send(Message::text(req.to_string())).await;
        tokio::time::sleep(Duration::from_millis(n % 4 * 10)).await;
        let _ = ws.get_ref().set_zero_linger();
        drop(ws);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

// ---- well-behaved sessions -------------------------------------------------------------

type Ws = WebSocketStream<TcpStream>;

async fn ws_connect(addr: SocketAddr) -> Result<Ws, String> {
    let connect = async {
        let tcp = TcpStream::connect(addr)
            .await
            .map_err(|e| format!("connect: {e}"))?;
        let _ = tcp.set_nodelay(true);
        let (ws, _) = tokio_tungstenite::client_async(format!("ws://{addr}/ws"), tcp)
            .await
            .map_err(|e| format!("handshake: {e}"))?;
        Ok(ws)
    };
    tokio::time::timeout(FRAME_WITHIN, connect)
        .await
        .map_err(|_| "connect timed out".to_string())?
}

/// The next text frame as JSON, within `bound` (pings are answered by
/// tungstenite as it reads).
async fn next_text(ws: &mut Ws, bound: Duration) -> Result<Value, String> {
    let until = Instant::now() + bound;
    loop {
        let left = until.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, ws.next()).await {
            Err(_) => return Err(format!("no reply within {bound:?}")),
            Ok(None) => return Err("connection ended without a close frame".into()),
            Ok(Some(Err(e))) => return Err(format!("receive: {e}")),
            Ok(Some(Ok(Message::Text(t)))) => {
                return serde_json::from_str(t.as_str())
                    .map_err(|e| format!("reply is not JSON ({e}): {t}"))
            }
            Ok(Some(Ok(Message::Close(c)))) => return Err(format!("closed: {c:?}")),
            Ok(Some(Ok(Message::Ping(_) | Message::Pong(_)))) => {}
            Ok(Some(Ok(other))) => return Err(format!("unexpected frame {other:?}")),
        }
    }
}

#[derive(Default)]
struct Good {
    ready: AtomicUsize,
    exchanges: AtomicU64,
    errors: AtomicU64,
    max_reply_us: AtomicU64,
    /// Replies that took over a second (under `REPLY_BOUND`, so not errors).
    over_1s: AtomicU64,
    samples: Mutex<Vec<String>>,
}

impl Good {
    fn error(&self, msg: String) {
        self.errors.fetch_add(1, Ordering::Relaxed);
        let mut s = self.samples.lock().unwrap();
        if s.len() < 10 {
            s.push(msg);
        }
    }

    /// Sends `req`; its reply must be an observation (`done` as given).
    async fn exchange(&self, ws: &mut Ws, req: &Value, done: bool) -> Result<(), String> {
        let t = Instant::now();
        ws.send(Message::text(req.to_string()))
            .await
            .map_err(|e| format!("send: {e}"))?;
        let v = next_text(ws, REPLY_BOUND).await?;
        self.max_reply_us
            .fetch_max(t.elapsed().as_micros() as u64, Ordering::Relaxed);
        if t.elapsed() > Duration::from_secs(1) {
            self.over_1s.fetch_add(1, Ordering::Relaxed);
        }
        let data = &v["data"];
        let shaped = if done {
            data["reward"].is_f64() && data["observation"]["score"].is_f64()
        } else {
            data["observation"]["question"].is_string()
        };
        if v["type"] != "observation" || data["done"] != done || !shaped {
            return Err(format!("to {req}: {v}"));
        }
        self.exchanges.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }
}

/// Loops reset/step until `stop`, then hands back its (open) session.
async fn well_behaved(
    id: u64,
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    good: Arc<Good>,
) -> Option<Ws> {
    let run = async {
        let mut ws = ws_connect(addr).await?;
        good.exchange(&mut ws, &leg_counting(id), false).await?;
        let next = json!({"type": "reset", "data": {}});
        let mut i = 0u64;
        while !stop.load(Ordering::SeqCst) {
            i += 1;
            let answer = json!({"type": "step", "data": {"answer": (i % 9).to_string()}});
            good.exchange(&mut ws, &answer, true).await?;
            good.exchange(&mut ws, &next, false).await?;
            if i == WARM_UP_PAIRS {
                good.ready.fetch_add(1, Ordering::SeqCst);
            }
            tokio::time::sleep(WELL_BEHAVED_PAUSE).await;
        }
        Ok::<Ws, String>(ws)
    };
    match run.await {
        Ok(ws) => Some(ws),
        Err(e) => {
            good.error(format!("session {id}: {e}"));
            None
        }
    }
}

/// `{"type":"close"}`, then the server's 1000 close (and nothing else).
async fn close_normally(mut ws: Ws) -> Result<(), String> {
    ws.send(Message::text(r#"{"type":"close"}"#))
        .await
        .map_err(|e| format!("send close: {e}"))?;
    match until_end(ws, REPLY_BOUND).await {
        (texts, Ok(1000)) if texts.is_empty() => Ok(()),
        other => Err(format!("close answered with {other:?}, not 1000")),
    }
}

/// Everything a session gets until the connection ends: its text frames,
/// then how it ended (`Ok(code)`: a close frame; `Err`: anything else).
async fn until_end(mut ws: Ws, bound: Duration) -> (Vec<Value>, Result<u16, String>) {
    let until = Instant::now() + bound;
    let mut texts = Vec::new();
    loop {
        let left = until.saturating_duration_since(Instant::now());
        let end = match tokio::time::timeout(left, ws.next()).await {
            Err(_) => Err(format!("nothing within {bound:?}")),
            Ok(None) => Err("end of stream without a close frame".into()),
            Ok(Some(Err(e))) => Err(format!("receive: {e}")),
            Ok(Some(Ok(Message::Close(c)))) => Ok(c.map_or(1005, |c| u16::from(c.code))),
            Ok(Some(Ok(Message::Text(t)))) => {
                texts.push(serde_json::from_str(t.as_str()).unwrap_or(Value::Null));
                continue;
            }
            Ok(Some(Ok(_))) => continue,
        };
        return (texts, end);
    }
}

// ---- the test ----------------------------------------------------------------------------

/// Everything that went wrong, reported together at the end: one soak run
/// shows every broken promise, not only the first.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if !ok {
            self.0.push(what());
        }
    }
}

#[test]
fn hostile_clients_leave_well_behaved_sessions_memory_cpu_and_shutdown_alone() {
    let t0 = Instant::now();
    let mut server = Server::start(
        MAX_SESSIONS,
        &[
            ("RGYM_MAX_FRAME_BYTES", MAX_FRAME_BYTES.to_string()),
            (
                "RGYM_GENERATION_TIMEOUT",
                GENERATION_TIMEOUT_SECS.to_string(),
            ),
            ("RGYM_SHUTDOWN_TIMEOUT", SHUTDOWN_TIMEOUT_SECS.to_string()),
        ],
    );
    let (addr, pid) = (server.addr, server.pid());
    let rss = RssSampler::start(pid);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .expect("runtime");
    eprintln!(
        "soak: server pid {pid} on {addr}; RSS at start {} KiB",
        vm_rss_kib(pid).unwrap_or(0)
    );
    let mut failures = Failures::default();
    let ld = |a: &AtomicU64| a.load(Ordering::Relaxed);

    // ---- the well-behaved sessions warm up, then the hostile phase ----
    let good = Arc::new(Good::default());
    let stop_good = Arc::new(AtomicBool::new(false));
    let good_tasks: Vec<_> = (0..WELL_BEHAVED as u64)
        .map(|id| rt.spawn(well_behaved(id, addr, stop_good.clone(), good.clone())))
        .collect();
    rt.block_on(async {
        let until = Instant::now() + Duration::from_secs(60);
        while good.ready.load(Ordering::SeqCst) < WELL_BEHAVED
            && good.errors.load(Ordering::SeqCst) == 0
            && Instant::now() < until
        {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    });
    assert_eq!(
        good.ready.load(Ordering::SeqCst),
        WELL_BEHAVED,
        "well-behaved sessions warmed up: {:?}",
        good.samples.lock().unwrap()
    );
    let slow_readers_before = slow_reader_closes(&rt.block_on(metrics_text(addr)));

    let hostile = Arc::new(Hostile::default());
    let started = Instant::now();
    let deadline = started + HOSTILE_PHASE;
    let cpu_start = (cpu_seconds(pid), cpu_seconds(std::process::id()));
    let mut hostile_tasks = Vec::new();
    for k in 0..PER_KIND {
        let h = || hostile.clone();
        hostile_tasks.push(rt.spawn(oversize(addr, deadline, h())));
        hostile_tasks.push(rt.spawn(ping_flood(addr, deadline, h())));
        hostile_tasks.push(rt.spawn(non_reader(addr, deadline, k, h())));
        hostile_tasks.push(rt.spawn(expensive_configs(addr, deadline, k, h())));
        hostile_tasks.push(rt.spawn(abrupt(addr, deadline, k, h())));
    }
    rt.block_on(async {
        for t in hostile_tasks {
            t.await.expect("hostile client task");
        }
    });
    // The last hostile connection is closed now.
    let gone = Instant::now();
    stop_good.store(true, Ordering::SeqCst);
    let hostile_s = (gone - started).as_secs_f64();
    let cpu_hostile = cpu_seconds(pid) - cpu_start.0;
    let cpu_clients = cpu_seconds(std::process::id()) - cpu_start.1;
    let open: Vec<Ws> = rt.block_on(async {
        let mut open = Vec::new();
        for t in good_tasks {
            open.extend(t.await.expect("well-behaved task"));
        }
        open
    });
    let paused_ms = gone.elapsed().as_millis();

    // ---- CPU back to idle: nothing talks to the server now ----
    std::thread::sleep((gone + IDLE_AFTER).saturating_duration_since(Instant::now()));
    let (c0, w0) = (cpu_seconds(pid), Instant::now());
    std::thread::sleep(IDLE_WINDOW);
    let idle_cpu = (cpu_seconds(pid) - c0) / w0.elapsed().as_secs_f64();

    // ---- gauges ----
    let gauges_back = rt.block_on(wait_gauges(addr, open.len(), GAUGES_WITHIN));
    let text = rt.block_on(metrics_text(addr));
    let cache_bytes = gauge(&text, "rgym_item_cache_bytes");
    let slow_readers = slow_reader_closes(&text) - slow_readers_before;
    // Server-side latencies, to tell a slow server from a slow client.
    let slow_server = [
        ("resets", "rgym_reset_latency_seconds"),
        ("steps", "rgym_step_latency_seconds"),
    ]
    .map(|(what, name)| {
        format!(
            "{what} over 1 s {}, over 2.5 s {}, over 5 s {}",
            observed_above(&text, name, "1"),
            observed_above(&text, name, "2.5"),
            observed_above(&text, name, "5"),
        )
    })
    .join("; ");
    let still_open = open.len();
    let closes: Vec<String> = open
        .into_iter()
        .map(|ws| rt.block_on(close_normally(ws)))
        .filter_map(Result::err)
        .collect();
    let gauges_zero = rt.block_on(wait_gauges(addr, 0, GAUGES_WITHIN));

    eprintln!(
        "soak: hostile phase {hostile_s:.1} s, server CPU {cpu_hostile:.1} s ({:.0}% of a core), \
         clients {cpu_clients:.1} s; well-behaved: {} replies, slowest {:.1} ms, {} over 1 s, \
         {} errors, paused {paused_ms} ms after the hostile clients left",
        100.0 * cpu_hostile / hostile_s,
        ld(&good.exchanges),
        ld(&good.max_reply_us) as f64 / 1000.0,
        ld(&good.over_1s),
        ld(&good.errors),
    );
    eprintln!("soak: the server's latency histograms: {slow_server}");
    eprintln!(
        "soak: oversize {} connections ({} closed 1009, at most {} KiB written each); \
         ping floods {} ({} pings, {} pongs read, {} answered after, {} stalled); \
         non-readers {} ({} cut, slowest cut {} ms; slow_reader closes {slow_readers}); \
         expensive {} waited ({} answered at the limit, slowest {} ms), {} abandoned; \
         abrupt resets {}; connect failures {} {:?}",
        ld(&hostile.oversize),
        ld(&hostile.oversize_1009),
        ld(&hostile.oversize_max_written) / 1024,
        ld(&hostile.floods),
        ld(&hostile.pings),
        ld(&hostile.pongs),
        ld(&hostile.floods_answered),
        ld(&hostile.flood_stalls),
        ld(&hostile.non_readers),
        ld(&hostile.non_readers_cut),
        ld(&hostile.non_reader_max_cut_ms),
        ld(&hostile.expensive_waited),
        ld(&hostile.expensive_answered),
        ld(&hostile.expensive_max_reply_ms),
        ld(&hostile.expensive_left),
        ld(&hostile.abrupt),
        ld(&hostile.connect_failures),
        hostile.connect_errors.lock().unwrap(),
    );
    eprintln!(
        "soak: CPU from {IDLE_AFTER:?} after the hostile clients left: {:.1}% of a core over \
         {IDLE_WINDOW:?}; gauges back: {gauges_back:?} (then 0: {gauges_zero:?}); item cache \
         {:.1} MiB; max RSS so far {:.1} MiB",
        100.0 * idle_cpu,
        cache_bytes / 1048576.0,
        rss.max_kib() as f64 / 1024.0,
    );

    failures.check(ld(&good.errors) == 0, || {
        format!(
            "the well-behaved sessions saw {} errors:\n{}",
            ld(&good.errors),
            good.samples.lock().unwrap().join("\n")
        )
    });
    failures.check(closes.is_empty(), || {
        format!("well-behaved closes: {closes:?}")
    });
    let anomalies = hostile.anomalies.lock().unwrap().clone();
    failures.check(anomalies.is_empty(), || {
        format!(
            "hostile clients not treated as promised:\n{}",
            anomalies.join("\n")
        )
    });
    for (kind, n) in [
        ("oversize", &hostile.oversize),
        ("ping flood", &hostile.floods),
        ("non-reader", &hostile.non_readers_cut),
        ("expensive", &hostile.expensive_answered),
        ("abrupt", &hostile.abrupt),
    ] {
        failures.check(ld(n) > 0, || {
            format!("no {kind} client got through its run")
        });
    }
    failures.check(slow_readers >= ld(&hostile.non_readers_cut) as f64, || {
        format!(
            "{} non-readers cut, {slow_readers} counted as slow_reader",
            ld(&hostile.non_readers_cut)
        )
    });
    failures.check(idle_cpu < IDLE_CPU, || {
        format!(
            "server CPU {:.1}% of a core over {IDLE_WINDOW:?} starting {IDLE_AFTER:?} after the \
             hostile clients left (bound {:.0}%)",
            100.0 * idle_cpu,
            100.0 * IDLE_CPU
        )
    });
    failures.check(gauges_back.is_ok(), || {
        format!(
            "(active sessions, running jobs, queued jobs) not back to ({still_open}, 0, 0) \
             within {GAUGES_WITHIN:?}: {gauges_back:?}"
        )
    });
    failures.check(gauges_zero.is_ok(), || {
        format!("gauges not back to (0, 0, 0) after the sessions closed: {gauges_zero:?}")
    });
    failures.check(cache_bytes <= ITEM_CACHE_BYTES, || {
        format!("rgym_item_cache_bytes {cache_bytes} over item_cache_bytes {ITEM_CACHE_BYTES}")
    });

    // ---- SIGTERM with expensive work in flight ----
    // Two idle sessions, two with one expensive reset each and two with two
    // pipelined (the second still waits at the shutdown deadline).
    let (idle, busy): (Vec<Ws>, Vec<Ws>) = rt.block_on(async {
        // The idle ones first: their reset would wait behind the expensive work.
        let mut idle = Vec::new();
        for i in 0..2 {
            let mut ws = ws_connect(addr).await.expect("connect");
            good.exchange(&mut ws, &leg_counting(100 + i), false)
                .await
                .expect("an idle session's reset");
            idle.push(ws);
        }
        let mut busy = Vec::new();
        for i in 0..4u64 {
            let mut ws = ws_connect(addr).await.expect("connect");
            for j in 0..1 + i / 2 {
                let req = expensive(9_000_000 + 10 * i + j).to_string();
                ws.send(Message::text(req)).await.expect("send");
            }
            busy.push(ws);
        }
        // Every first reset has reached the pool (two running, two queued):
        // a request arriving once shutdown has begun is not answered.
        let until = Instant::now() + Duration::from_secs(10);
        loop {
            let (_, running, queued) = gauges(&metrics_text(addr).await);
            if running + queued >= 4.0 {
                break;
            }
            assert!(
                Instant::now() < until,
                "the expensive resets did not reach the pool"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        (idle, busy)
    });
    let reading = |ws| {
        rt.spawn(until_end(
            ws,
            Duration::from_secs(SHUTDOWN_TIMEOUT_SECS + 5),
        ))
    };
    let idle: Vec<_> = idle.into_iter().map(reading).collect();
    let busy: Vec<_> = busy.into_iter().map(reading).collect();
    // SAFETY: plain kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(pid as i32, libc::SIGTERM) }, 0);
    let signalled = Instant::now();
    let bound = Duration::from_secs(SHUTDOWN_TIMEOUT_SECS) + EXIT_MARGIN;
    let status = loop {
        if let Some(s) = server.child.try_wait().expect("wait for the server") {
            break Some(s);
        }
        if signalled.elapsed() > bound + Duration::from_secs(5) {
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let exit_after = signalled.elapsed();
    let (idle, busy) = rt.block_on(async {
        let mut ends = (Vec::new(), Vec::new());
        for r in idle {
            ends.0.push(r.await.expect("reader task"));
        }
        for r in busy {
            ends.1.push(r.await.expect("reader task"));
        }
        ends
    });
    let (max_rss, samples) = rss.finish();
    let messages = |ends: &[(Vec<Value>, Result<u16, String>)]| {
        ends.iter()
            .map(|(texts, end)| {
                let m: Vec<&str> = texts
                    .iter()
                    .map(|v| v["data"]["message"].as_str().unwrap_or("?"))
                    .collect();
                format!("{m:?} then {end:?}")
            })
            .collect::<Vec<_>>()
    };
    eprintln!(
        "soak: SIGTERM: exited ({status:?}) after {} ms (bound {} ms); waiting sessions got {:?}; \
         idle ones {:?}",
        exit_after.as_millis(),
        bound.as_millis(),
        messages(&busy),
        messages(&idle),
    );
    eprintln!(
        "soak: max RSS {max_rss} KiB ({:.1} MiB) over {samples} samples (bound {} MiB); total {:.1} s",
        max_rss as f64 / 1024.0,
        RSS_BOUND_KIB / 1024,
        t0.elapsed().as_secs_f64()
    );
    let warns = server.warnings();
    if !warns.is_empty() {
        eprintln!("soak: server warnings:\n{}", warns.join("\n"));
    }

    failures.check(status.is_some() && exit_after <= bound, || {
        format!(
            "the server exited ({status:?}) {exit_after:?} after SIGTERM, past shutdown_timeout + 1 s = {bound:?}"
        )
    });
    failures.check(status.is_none_or(|s| s.success()), || {
        format!("exit status after SIGTERM: {status:?}")
    });
    for (i, (texts, end)) in busy.iter().enumerate() {
        let errors = !texts.is_empty()
            && texts
                .iter()
                .all(|v| v["type"] == "error" && v["data"]["code"] == "EXECUTION_ERROR");
        failures.check(errors && end == &Ok(1001), || {
            format!(
                "session {i}, waiting on expensive work at SIGTERM, got {texts:?} then {end:?}, \
                 not error frames then a 1001 close"
            )
        });
    }
    for (i, (texts, end)) in idle.iter().enumerate() {
        failures.check(texts.is_empty() && end == &Ok(1001), || {
            format!("idle session {i} got {texts:?} then {end:?} at SIGTERM, not a 1001 close")
        });
    }
    failures.check(samples > 0 && max_rss < RSS_BOUND_KIB, || {
        format!("server RSS peaked at {max_rss} KiB, bound {RSS_BOUND_KIB} KiB")
    });
    let bad = server.errors();
    failures.check(bad.is_empty(), || {
        format!("server logged:\n{}", bad.join("\n"))
    });
    assert!(
        failures.0.is_empty(),
        "soak failures:\n\n{}",
        failures.0.join("\n\n")
    );
}
