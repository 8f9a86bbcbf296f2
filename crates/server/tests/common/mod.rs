//! A real server on an ephemeral port and a real WebSocket/HTTP client.
#![allow(dead_code)]

use std::time::Duration;

use actix_codec::Framed;
use awc::ws::{CloseCode, Codec, Frame, Message};
use awc::BoxedSocket;
use dataset_core::{Item, Seed, Seeded};
use futures_util::{SinkExt, StreamExt};
use rgym_server::{RunningServer, Settings};
use serde_json::{json, Map, Value};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub fn settings() -> Settings {
    Settings {
        host: "127.0.0.1".into(),
        port: 0,
        workers: 1,
        max_sessions: 64,
        shutdown_timeout: Duration::from_secs(3),
        ..Settings::default()
    }
}

pub async fn server() -> RunningServer {
    server_with(|_| {}).await
}

pub async fn server_with(f: impl FnOnce(&mut Settings)) -> RunningServer {
    let mut s = settings();
    f(&mut s);
    rgym_server::start(s).await.expect("server starts")
}

pub fn ws_url(srv: &RunningServer, path: &str) -> String {
    format!("ws://{}{}", srv.addr, path)
}

pub struct Ws {
    io: Framed<BoxedSocket, Codec>,
}

pub enum Got {
    Text(Value),
    Closed(Option<CloseCode>),
}

impl Ws {
    pub async fn connect(srv: &RunningServer) -> Ws {
        Ws::connect_path(srv, "/ws").await
    }

    pub async fn connect_path(srv: &RunningServer, path: &str) -> Ws {
        let (_, io) = awc::Client::new()
            .ws(ws_url(srv, path))
            .max_frame_size(64 * 1024 * 1024)
            .connect()
            .await
            .expect("websocket connects");
        Ws { io }
    }

    /// Connects with extra request headers; `Err(status)` when the upgrade
    /// is refused with an HTTP reply.
    pub async fn connect_with(
        srv: &RunningServer,
        path: &str,
        headers: &[(&str, &str)],
    ) -> Result<Ws, u16> {
        let mut req = awc::Client::new()
            .ws(ws_url(srv, path))
            .max_frame_size(64 * 1024 * 1024);
        for &(k, v) in headers {
            req = req.header(k, v);
        }
        match req.connect().await {
            Ok((_, io)) => Ok(Ws { io }),
            Err(awc::error::WsClientError::InvalidResponseStatus(status)) => Err(status.as_u16()),
            Err(e) => panic!("websocket connect: {e}"),
        }
    }

    pub async fn send_raw(&mut self, text: &str) {
        self.io
            .send(Message::Text(text.to_string().into()))
            .await
            .expect("send");
    }

    /// False once the connection is gone.
    pub async fn try_send_raw(&mut self, text: &str) -> bool {
        self.io
            .send(Message::Text(text.to_string().into()))
            .await
            .is_ok()
    }

    pub async fn send(&mut self, v: &Value) {
        self.send_raw(&v.to_string()).await;
    }

    pub async fn send_binary(&mut self, b: &[u8]) {
        self.io
            .send(Message::Binary(b.to_vec().into()))
            .await
            .expect("send");
    }

    pub async fn ping(&mut self, b: &[u8]) {
        self.io
            .send(Message::Ping(b.to_vec().into()))
            .await
            .expect("ping");
    }

    /// The next data frame or the close; answers pings on the way.
    pub async fn next(&mut self) -> Got {
        loop {
            let frame = tokio::time::timeout(TIMEOUT, self.io.next())
                .await
                .expect("server answered in time");
            match frame {
                None | Some(Err(_)) => return Got::Closed(None),
                Some(Ok(Frame::Text(b))) => {
                    return Got::Text(serde_json::from_slice(&b).expect("JSON frame"))
                }
                Some(Ok(Frame::Close(r))) => return Got::Closed(r.map(|r| r.code)),
                Some(Ok(Frame::Ping(b))) => {
                    let _ = self.io.send(Message::Pong(b)).await;
                }
                Some(Ok(other)) => panic!("unexpected frame {other:?}"),
            }
        }
    }

    /// Raw next frame, pongs included (for heartbeat tests).
    pub async fn next_frame(&mut self) -> Option<Frame> {
        tokio::time::timeout(TIMEOUT, self.io.next())
            .await
            .expect("frame in time")
            .and_then(Result::ok)
    }

    pub async fn recv(&mut self) -> Value {
        match self.next().await {
            Got::Text(v) => v,
            Got::Closed(c) => panic!("connection closed ({c:?}) while waiting for a reply"),
        }
    }

    pub async fn rt(&mut self, v: &Value) -> Value {
        self.send(v).await;
        self.recv().await
    }

    pub async fn rt_raw(&mut self, text: &str) -> Value {
        self.send_raw(text).await;
        self.recv().await
    }

    pub async fn expect_closed(&mut self) -> Option<CloseCode> {
        match self.next().await {
            Got::Closed(c) => c,
            Got::Text(v) => panic!("expected the server to close, got {v}"),
        }
    }

    pub async fn reset(&mut self, data: Value) -> Value {
        let r = self.rt(&json!({"type": "reset", "data": data})).await;
        assert_eq!(r["type"], "observation", "reset failed: {r}");
        r["data"].clone()
    }

    pub async fn step(&mut self, answer: &str) -> Value {
        let r = self
            .rt(&json!({"type": "step", "data": {"answer": answer}}))
            .await;
        assert_eq!(r["type"], "observation", "step failed: {r}");
        r["data"].clone()
    }

    pub async fn state(&mut self) -> Value {
        let r = self.rt(&json!({"type": "state"})).await;
        assert_eq!(r["type"], "state", "state failed: {r}");
        r["data"].clone()
    }

    pub async fn error(&mut self, v: &Value, code: &str) -> Value {
        let r = self.rt(v).await;
        check_error(&r, code)
    }

    pub async fn bye(mut self) {
        self.send(&json!({"type": "close"})).await;
        let _ = self.expect_closed().await;
    }
}

pub fn check_error(r: &Value, code: &str) -> Value {
    assert_eq!(r["type"], "error", "expected an error frame, got {r}");
    let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["type", "data"]);
    assert_eq!(r["data"]["code"], code, "{r}");
    assert!(
        r["data"]["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{r}"
    );
    r["data"].clone()
}

// ---- oracle: the datasets crate itself ---------------------------------------

pub fn oracle(name: &str, config: Value, seed: impl Into<Seed>, size: u64) -> Seeded {
    let config: Map<String, Value> = config.as_object().cloned().unwrap_or_default();
    datasets::create_with(name, &config, Some(seed.into()), Some(size)).expect("oracle dataset")
}

pub fn lc(seed: impl Into<Seed>, size: u64) -> Seeded {
    oracle("leg_counting", json!({}), seed, size)
}

pub fn item(ds: &Seeded, idx: u64) -> Item {
    ds.get(idx).expect("oracle item")
}

pub fn question(ds: &Seeded, idx: u64) -> String {
    item(ds, idx).question
}

pub fn check_reset(env: &Value, want_q: &str) {
    assert_eq!(
        env,
        &json!({
            "observation": {"question": want_q, "score": null, "correct_answer": null, "dataset_metadata": null},
            "reward": 0.0,
            "done": false,
        })
    );
    assert!(env["reward"].is_f64());
}

pub fn check_step(env: &Value, ds: &Seeded, idx: u64, answer: &str) {
    let it = item(ds, idx);
    let score = ds.score(Some(answer), &it);
    let meta = if it.metadata.is_empty() {
        Value::Null
    } else {
        Value::Object(it.metadata.clone().into_map())
    };
    assert_eq!(
        env,
        &json!({
            "observation": {"question": null, "score": score, "correct_answer": it.answer, "dataset_metadata": meta},
            "reward": score,
            "done": true,
        })
    );
    assert!(env["reward"].is_f64() && env["observation"]["score"].is_f64());
}

// ---- HTTP ---------------------------------------------------------------------

pub struct Resp {
    pub status: u16,
    pub content_type: String,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `body`: `None` = no body; `content_type` defaults to JSON when a body is given.
pub async fn http(
    srv: &RunningServer,
    method: &str,
    path: &str,
    body: Option<&str>,
    content_type: Option<&str>,
) -> Resp {
    let client = awc::Client::builder()
        .disable_redirects()
        .timeout(TIMEOUT)
        .finish();
    let url = format!("{}{}", srv.url(), path);
    let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
    let mut req = client.request(method, url);
    if body.is_some() {
        req = req.insert_header(("content-type", content_type.unwrap_or("application/json")));
    }
    let mut resp = match body {
        Some(b) => req.send_body(b.to_string()).await,
        None => req.send().await,
    }
    .expect("HTTP request");
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let location = resp
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = resp
        .body()
        .limit(64 * 1024 * 1024)
        .await
        .expect("HTTP body")
        .to_vec();
    Resp {
        status: resp.status().as_u16(),
        content_type,
        location,
        body,
    }
}

pub async fn get(srv: &RunningServer, path: &str) -> Resp {
    http(srv, "GET", path, None, None).await
}

pub async fn post(srv: &RunningServer, path: &str, body: &Value) -> Resp {
    http(srv, "POST", path, Some(&body.to_string()), None).await
}

/// The value of one sample line of `/metrics` (0 when absent).
pub fn metric(text: &str, sample: &str) -> f64 {
    text.lines()
        .find_map(|l| {
            l.strip_prefix(sample)
                .and_then(|rest| rest.strip_prefix(' '))
                .and_then(|v| v.trim().parse().ok())
        })
        .unwrap_or(0.0)
}

pub async fn metrics_text(srv: &RunningServer) -> String {
    get(srv, "/metrics").await.text()
}
