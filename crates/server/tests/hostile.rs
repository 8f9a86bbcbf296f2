//! Issue 12: what a hostile client could make the server hold or do, one
//! test per mechanism, against a real server on loopback. Raw TCP clients
//! write the frames no well-behaved library would (oversize headers,
//! invalid UTF-8, bad close codes, floods without reading).
//!
//! Tests that read process-wide metrics run one at a time (`SERIAL`).

mod common;

use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// A masked client frame; `len` overrides the declared length.
fn frame(fin: bool, opcode: u8, payload: &[u8], len: Option<u64>) -> Vec<u8> {
    rgym_server::framing::client_frame(fin, opcode, payload, len)
}

fn text(v: &Value) -> Vec<u8> {
    frame(true, 1, v.to_string().as_bytes(), None)
}

#[derive(Debug, PartialEq)]
enum In {
    Text(String),
    Pong,
    Ping,
    Close(u16, String),
    /// End of stream or reset.
    Gone,
}

/// A WebSocket client written by hand.
struct Raw {
    tcp: TcpStream,
    buf: Vec<u8>,
}

impl Raw {
    async fn connect(srv: &rgym_server::RunningServer) -> Raw {
        let mut tcp = TcpStream::connect(srv.addr).await.expect("connects");
        tcp.write_all(
            b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
              Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
        )
        .await
        .expect("handshake sent");
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        let end = loop {
            let n = tcp.read(&mut chunk).await.expect("handshake read");
            assert!(n > 0, "closed during the handshake");
            buf.extend_from_slice(&chunk[..n]);
            if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
        };
        assert!(
            buf.starts_with(b"HTTP/1.1 101"),
            "{}",
            String::from_utf8_lossy(&buf)
        );
        buf.drain(..end);
        Raw { tcp, buf }
    }

    async fn send(&mut self, bytes: &[u8]) -> bool {
        self.tcp.write_all(bytes).await.is_ok()
    }

    /// The next frame, within `wait`.
    async fn next(&mut self, wait: Duration) -> In {
        let deadline = Instant::now() + wait;
        loop {
            if let Some((f, used)) = parse(&self.buf) {
                self.buf.drain(..used);
                return f;
            }
            let mut chunk = vec![0u8; 1 << 16];
            let left = deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(left, self.tcp.read(&mut chunk)).await {
                Err(_) => panic!("no frame within {wait:?}"),
                Ok(Ok(0)) | Ok(Err(_)) => return In::Gone,
                Ok(Ok(n)) => self.buf.extend_from_slice(&chunk[..n]),
            }
        }
    }

    /// The next text frame, skipping pings and pongs.
    async fn text(&mut self) -> Value {
        loop {
            match self.next(TIMEOUT).await {
                In::Text(t) => return serde_json::from_str(&t).expect("JSON"),
                In::Ping | In::Pong => {}
                other => panic!("expected a text frame, got {other:?}"),
            }
        }
    }
}

/// One unmasked server frame from the front of `b`, and the bytes it used.
fn parse(b: &[u8]) -> Option<(In, usize)> {
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
    let end = i + n as usize;
    let p = b.get(i..end)?;
    let f = match b[0] & 0x0f {
        1 => In::Text(String::from_utf8_lossy(p).into_owned()),
        8 => In::Close(
            p.get(..2).map_or(0, |c| u16::from_be_bytes([c[0], c[1]])),
            String::from_utf8_lossy(p.get(2..).unwrap_or_default()).into_owned(),
        ),
        9 => In::Ping,
        10 => In::Pong,
        op => panic!("unexpected opcode {op}"),
    };
    Some((f, end))
}

fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find(|l| l.starts_with(name) && l[name.len()..].starts_with(' '))
        .and_then(|l| l.rsplit(' ').next()?.parse().ok())
        .unwrap_or(0.0)
}

async fn until(what: &str, wait: Duration, mut ok: impl FnMut() -> bool) {
    let t = Instant::now();
    while !ok() {
        assert!(t.elapsed() < wait, "{what}: not within {wait:?}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// basic_arithmetic with operands whose divisors take minutes to find.
fn expensive(seed: u64) -> Value {
    json!({"type": "reset", "data": {"dataset_name": "basic_arithmetic", "seed": seed, "size": 10,
        "dataset_config": {"min_terms": 1000, "max_terms": 1000, "min_digits": 4000, "max_digits": 4000}}})
}

fn cube(rotations: u64, seed: u64) -> Value {
    json!({"type": "reset", "data": {"dataset_name": "color_cube_rotation", "seed": seed, "size": 100_000,
        "dataset_config": {"min_rotations": rotations, "max_rotations": rotations}}})
}

// ---- 1. frames refused from their header ------------------------------------------

#[actix_web::test]
async fn an_oversize_frame_is_refused_from_its_header_before_its_payload() {
    let srv = server_with(|s| s.max_frame_bytes = 1 << 20).await;
    let mut c = Raw::connect(&srv).await;
    assert!(c.send(&frame(true, 2, &[], Some(1 << 62))).await);
    // No payload follows the header: a server that waited for the payload
    // (actix-http's own check) would never answer.
    assert_eq!(
        c.next(Duration::from_secs(5)).await,
        In::Close(
            1009,
            "message larger than max_frame_bytes (1048576 bytes)".into()
        )
    );
    // A fragmented message is refused once its running total passes the limit.
    let mut c = Raw::connect(&srv).await;
    assert!(c.send(&frame(false, 1, &[b'a'; 1000], None)).await);
    let piece = frame(false, 0, &vec![b'a'; 300_000], None);
    for _ in 0..3 {
        assert!(c.send(&piece).await);
    }
    // 901,000 bytes so far: within the limit, nothing said yet.
    assert!(
        tokio::time::timeout(Duration::from_millis(300), c.next(TIMEOUT))
            .await
            .is_err()
    );
    let _ = c.send(&piece).await;
    assert!(matches!(
        c.next(Duration::from_secs(5)).await,
        In::Close(1009, _)
    ));
    // A message of exactly the limit is accepted (and is invalid JSON).
    let mut c = Raw::connect(&srv).await;
    assert!(c.send(&frame(true, 1, &vec![b'x'; 1 << 20], None)).await);
    assert_eq!(c.text().await["data"]["code"], "INVALID_JSON");
}

// ---- 2. the item cache bounded by bytes -----------------------------------------

#[actix_web::test]
async fn the_item_cache_holds_at_most_its_bytes() {
    let max = 4 << 20;
    let srv = server_with(|s| s.item_cache_bytes = max).await;
    let mut ws = Ws::connect(&srv).await;
    // ~0.07 MB items (1,000 rotations), each from a new seed.
    for seed in 0..120 {
        ws.reset(cube(1000, seed)["data"].clone()).await;
        let held = srv.app.supervisor.cache_bytes();
        assert!(held <= max, "{held} bytes cached, bound {max}");
    }
    assert!(
        srv.app.supervisor.cache_bytes() > max / 2,
        "the cache is used"
    );
    // An item over a sixteenth of the bound is never cached.
    let before = srv.app.supervisor.cache_bytes();
    ws.reset(cube(20_000, 7)["data"].clone()).await;
    assert!(srv.app.supervisor.cache_bytes() <= before + (max / 16));
}

// ---- 3. ping floods ---------------------------------------------------------------

#[actix_web::test]
async fn a_ping_flood_without_reading_gets_coalesced_pongs() {
    let srv = server().await;
    let mut c = Raw::connect(&srv).await;
    let ping = frame(true, 9, &[b'p'; 125], None);
    let batch: Vec<u8> = ping
        .iter()
        .copied()
        .cycle()
        .take(ping.len() * 1000)
        .collect();
    let pings = 200_000;
    for _ in 0..pings / 1000 {
        assert!(c.send(&batch).await, "the server keeps reading");
    }
    // The session still answers, after at most a fraction of the pongs.
    assert!(c.send(&text(&json!({"type": "state"}))).await);
    let mut pongs = 0;
    loop {
        match c.next(TIMEOUT).await {
            In::Pong => pongs += 1,
            In::Text(t) => {
                assert!(t.contains("\"state\""), "{t}");
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(pongs < pings / 2, "{pongs} pongs for {pings} pings");
}

// ---- 4. a dropped slow reader loses its connection ---------------------------------

#[actix_web::test]
async fn a_client_that_never_reads_loses_its_connection_not_just_its_slot() {
    let _serial = SERIAL.lock().await;
    let srv = server().await;
    let mut c = Raw::connect(&srv).await;
    // ~1.2 MB replies, never read: past 32 MiB unread the server gives up.
    for seed in 0..200 {
        if !c.send(&text(&cube(20_000, seed))).await {
            break;
        }
    }
    until("the slot is freed", Duration::from_secs(30), || {
        srv.app.sessions.active() == 0
    })
    .await;
    // Reading now drains what the kernel had and then meets the end of the
    // connection, instead of a socket the server keeps open.
    let t = Instant::now();
    loop {
        match c.next(TIMEOUT).await {
            In::Gone => break,
            In::Text(_) | In::Ping | In::Pong => {}
            other => panic!("{other:?}"),
        }
    }
    assert!(t.elapsed() < Duration::from_secs(10));
}

/// The same with every reply already cached, so answered at once: they
/// leave the session's own backlog for actix's buffers as fast as they are
/// made, and only counting what actix has not yet written catches them.
#[actix_web::test]
async fn a_non_reader_of_cached_replies_is_cut_too() {
    let _serial = SERIAL.lock().await;
    let srv = server().await;
    // One item (size 1), cached by a first reader.
    let mut one = cube(20_000, 3);
    one["data"]["size"] = json!(1);
    let mut warm = Ws::connect(&srv).await;
    warm.reset(one["data"].clone()).await;
    warm.bye().await;
    until("the warm-up session ended", Duration::from_secs(5), || {
        srv.app.sessions.active() == 0
    })
    .await;
    let mut c = Raw::connect(&srv).await;
    // 1.25 MB each, 60 of them: 75 MB asked for, never read.
    let req = text(&one);
    for _ in 0..60 {
        if !c.send(&req).await {
            break;
        }
    }
    until("the slot is freed", Duration::from_secs(30), || {
        srv.app.sessions.active() == 0
    })
    .await;
    loop {
        match c.next(TIMEOUT).await {
            In::Gone => break,
            In::Text(_) | In::Ping | In::Pong => {}
            other => panic!("{other:?}"),
        }
    }
}

// ---- 5. replies over max_reply_bytes ---------------------------------------------

#[actix_web::test]
async fn a_reply_over_max_reply_bytes_is_an_error_and_the_session_goes_on() {
    let srv = server_with(|s| s.max_reply_bytes = 64 << 10).await;
    let mut ws = Ws::connect(&srv).await;
    let r = ws.rt(&cube(5_000, 1)).await;
    let err = check_error(&r, "EXECUTION_ERROR");
    let msg = err["message"].as_str().unwrap_or_default();
    assert!(msg.contains("max_reply_bytes (65536 bytes)"), "{msg}");
    // Small replies still flow on the same session.
    ws.reset(json!({"dataset_name": "leg_counting", "seed": 1, "size": 5}))
        .await;
    ws.step("3").await;
}

// ---- 6. work past its time limit stops ---------------------------------------------

#[actix_web::test]
async fn generation_past_its_limit_answers_on_time_and_stops() {
    let _serial = SERIAL.lock().await;
    let limit = Duration::from_secs(1);
    let srv = server_with(|s| s.generation_timeout = limit).await;
    let pool = srv.app.supervisor.pool().clone();
    let mut sessions = Vec::new();
    for seed in 0..4 {
        let mut ws = Ws::connect(&srv).await;
        ws.send(&expensive(seed)).await;
        sessions.push(ws);
    }
    let t = Instant::now();
    for ws in &mut sessions {
        let r = ws.recv().await;
        let m = check_error(&r, "EXECUTION_ERROR")["message"].clone();
        assert!(m.as_str().unwrap_or_default().contains("limit"), "{m}");
    }
    // Each was answered within 10% of the limit (the first build is cheap;
    // generation is what times out). Four on a pool of the machine's cores
    // queue, and the queue counts: the last answers by its own limit too.
    assert!(
        t.elapsed() < limit.mul_f64(1.1) + Duration::from_millis(100),
        "{:?}",
        t.elapsed()
    );
    until("the workers are idle again", Duration::from_secs(1), || {
        pool.running() == 0 && pool.queued() == 0
    })
    .await;
    // A session that leaves while its work runs stops it too.
    let mut ws = Ws::connect(&srv).await;
    ws.send(&expensive(9)).await;
    until("the work started", Duration::from_secs(5), || {
        pool.running() > 0
    })
    .await;
    drop(ws);
    until("the work stopped", Duration::from_secs(1), || {
        pool.running() == 0
    })
    .await;
}

// ---- 7. shutdown within its bound, with replies -------------------------------------

#[actix_web::test]
async fn shutdown_stops_running_work_and_answers_it() {
    let srv = server_with(|s| {
        s.shutdown_timeout = Duration::from_secs(1);
        s.generation_timeout = Duration::from_secs(60);
    })
    .await;
    let pool = srv.app.supervisor.pool().clone();
    let mut sessions = Vec::new();
    for seed in 0..3 {
        let mut ws = Ws::connect(&srv).await;
        ws.send(&expensive(seed)).await;
        sessions.push(ws);
    }
    // And one over HTTP.
    let url = format!("http://{}/reset", srv.addr);
    let body = expensive(7)["data"].clone();
    let http = actix_rt::spawn(async move {
        let mut r = awc::Client::new()
            .post(url)
            .timeout(TIMEOUT)
            .send_json(&body)
            .await
            .expect("an HTTP reply");
        let detail: Value = r.json().await.expect("a JSON body");
        (r.status().as_u16(), detail)
    });
    // Every reset has reached the pool (two running, two queued behind):
    // a frame arriving once shutdown has begun is not answered.
    until("the work started", Duration::from_secs(5), || {
        pool.running() + pool.queued() >= 4
    })
    .await;
    let t = Instant::now();
    let stop = srv.stop_handle();
    let stopping = actix_rt::spawn(async move { stop.stop().await });
    for ws in &mut sessions {
        let r = ws.recv().await;
        let m = check_error(&r, "EXECUTION_ERROR")["message"].clone();
        assert!(
            m.as_str().unwrap_or_default().contains("shutting down"),
            "{m}"
        );
        assert_eq!(ws.expect_closed().await, Some(awc::ws::CloseCode::Away));
    }
    let (status, body) = http.await.expect("the HTTP client");
    assert_eq!(status, 503, "{body}");
    assert!(
        body["detail"]
            .as_str()
            .unwrap_or_default()
            .contains("shutting down"),
        "{body}"
    );
    stopping.await.expect("stop finishes");
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    until("the work stopped", Duration::from_secs(1), || {
        pool.running() == 0
    })
    .await;
}

// ---- 10. close codes --------------------------------------------------------------

#[actix_web::test]
async fn invalid_utf8_closes_1007_and_a_bad_close_code_1002_naming_it() {
    let srv = server().await;
    let mut c = Raw::connect(&srv).await;
    assert!(c.send(&frame(true, 1, b"{\"type\": \"\xff\"}", None)).await);
    assert!(matches!(c.next(TIMEOUT).await, In::Close(1007, _)));
    // Fragmented, the invalid byte split across frames.
    let mut c = Raw::connect(&srv).await;
    assert!(c.send(&frame(false, 1, b"ab\xe2", None)).await);
    assert!(c.send(&frame(true, 0, b"(", None)).await);
    assert!(matches!(c.next(TIMEOUT).await, In::Close(1007, _)));
    for code in [1005u16, 999, 2000] {
        let mut c = Raw::connect(&srv).await;
        assert!(c.send(&frame(true, 8, &code.to_be_bytes(), None)).await);
        assert_eq!(
            c.next(TIMEOUT).await,
            In::Close(1002, format!("invalid close code {code}"))
        );
    }
}

// ---- 11. how sessions ended -------------------------------------------------------

#[actix_web::test]
async fn resets_and_close_then_drop_are_counted_as_what_they_are() {
    let _serial = SERIAL.lock().await;
    let srv = server().await;
    let count = |text: &str, reason: &str| {
        metric(
            text,
            &format!("rgym_sessions_closed_total{{reason=\"{reason}\"}}"),
        )
    };
    let before = metrics_text(&srv).await;
    // A TCP reset (SO_LINGER 0) in the middle of a session.
    let c = Raw::connect(&srv).await;
    // Linger 0: the drop sends a reset. (Deprecated because a non-zero
    // linger blocks the dropping thread; zero does not.)
    #[allow(deprecated)]
    c.tcp.set_linger(Some(Duration::ZERO)).expect("linger");
    drop(c);
    // A close frame, then the socket dropped at once (FIN) without reading
    // the server's close frame.
    let mut c = Raw::connect(&srv).await;
    assert!(c.send(&frame(true, 8, &1000u16.to_be_bytes(), None)).await);
    drop(c);
    until("both ended", Duration::from_secs(5), || {
        srv.app.sessions.active() == 0
    })
    .await;
    let after = metrics_text(&srv).await;
    assert_eq!(
        count(&after, "disconnect") - count(&before, "disconnect"),
        1.0
    );
    assert_eq!(
        count(&after, "client_close") - count(&before, "client_close"),
        1.0
    );
    assert_eq!(
        count(&after, "protocol_error"),
        count(&before, "protocol_error")
    );
}
