//! One WebSocket session as the Python `EnvClient` drives it: connect, send a
//! request, take the next frame as its reply (docs/PROTOCOL.md §6).

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::net::TcpStream;
use tokio::time::{timeout_at, Instant};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Message, Utf8Bytes};
use tokio_tungstenite::WebSocketStream;

use crate::proto::{self, Expect, Verdict};
use crate::target::Target;

pub type Ws = WebSocketStream<TcpStream>;

/// Why a request got no acceptable reply; the key under which it is counted.
#[derive(Debug)]
pub enum Failure {
    /// A protocol `{"type":"error"}` frame.
    Server {
        code: String,
        message: String,
    },
    /// A reply the protocol does not allow.
    Bad(String),
    Timeout,
    /// The connection ended or broke; it must not be used again.
    Closed(String),
    Connect(String),
}

impl Failure {
    pub fn key(&self) -> String {
        match self {
            Failure::Server { code, .. } => code.clone(),
            Failure::Bad(_) => "BAD_REPLY".into(),
            Failure::Timeout => "TIMEOUT".into(),
            Failure::Closed(_) => "CONNECTION_CLOSED".into(),
            Failure::Connect(_) => "CONNECT_FAILED".into(),
        }
    }

    pub fn detail(&self) -> String {
        match self {
            Failure::Server { code, message } => format!("{code}: {message}"),
            Failure::Bad(m) => format!("bad reply: {m}"),
            Failure::Timeout => "no reply before the timeout".into(),
            Failure::Closed(m) => format!("connection closed: {m}"),
            Failure::Connect(m) => format!("connect failed: {m}"),
        }
    }

    /// Whether the session can go on on the same connection. Errors the
    /// protocol keeps the connection open for (docs/PROTOCOL.md §5.4) do not end it;
    /// everything else may have desynchronised request/reply pairing.
    pub fn keeps_connection(&self) -> bool {
        match self {
            Failure::Server { code, .. } => matches!(
                code.as_str(),
                "INVALID_JSON" | "UNKNOWN_TYPE" | "VALIDATION_ERROR" | "EXECUTION_ERROR"
            ),
            _ => false,
        }
    }
}

fn ws_config() -> WebSocketConfig {
    // tungstenite reserves 128 KiB read buffers by default; replies here are
    // under 4 KiB and idle mode holds tens of thousands of connections.
    WebSocketConfig::default()
        .read_buffer_size(8 * 1024)
        .write_buffer_size(0)
}

pub async fn connect(target: &Target, deadline: Instant) -> Result<Ws, Failure> {
    let fut = async {
        let tcp = TcpStream::connect(target.addr)
            .await
            .map_err(|e| Failure::Connect(e.to_string()))?;
        // Requests are single small frames; Nagle + delayed ACK would add
        // 40 ms stalls that are the network stack's, not the server's.
        tcp.set_nodelay(true)
            .map_err(|e| Failure::Connect(e.to_string()))?;
        let (ws, _) = tokio_tungstenite::client_async_with_config(
            target.ws_url.as_str(),
            tcp,
            Some(ws_config()),
        )
        .await
        .map_err(|e| Failure::Connect(e.to_string()))?;
        Ok(ws)
    };
    match timeout_at(deadline, fut).await {
        Ok(r) => r,
        Err(_) => Err(Failure::Timeout),
    }
}

/// Sends one request and checks the next text frame. Pings are answered by
/// tungstenite while reading.
pub async fn request(
    ws: &mut Ws,
    frame: &Utf8Bytes,
    expect: Expect,
    deadline: Instant,
) -> Result<(), Failure> {
    let fut = async {
        ws.send(Message::Text(frame.clone()))
            .await
            .map_err(|e| Failure::Closed(e.to_string()))?;
        let text = next_text(ws).await?;
        match proto::check(text.as_str(), expect) {
            Verdict::Ok => Ok(()),
            Verdict::ServerError { code, message } => Err(Failure::Server { code, message }),
            Verdict::Bad(why) => Err(Failure::Bad(why)),
        }
    };
    match timeout_at(deadline, fut).await {
        Ok(r) => r,
        Err(_) => Err(Failure::Timeout),
    }
}

/// The next data frame; control frames are skipped.
pub async fn next_text(ws: &mut Ws) -> Result<Utf8Bytes, Failure> {
    loop {
        match ws.next().await {
            Some(Ok(Message::Text(t))) => return Ok(t),
            Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_))) => continue,
            Some(Ok(Message::Binary(_))) => return Err(Failure::Bad("binary frame".into())),
            Some(Ok(Message::Close(c))) => {
                let why = c
                    .map(|c| format!("close {} {}", u16::from(c.code), c.reason))
                    .unwrap_or_else(|| "close frame".into());
                return Err(Failure::Closed(why));
            }
            Some(Err(e)) => return Err(Failure::Closed(e.to_string())),
            None => return Err(Failure::Closed("end of stream".into())),
        }
    }
}

/// Ends a session the way the Python client does: `{"type":"close"}`, then the
/// closing handshake. A data frame in reply to `close` is a protocol
/// violation (docs/PROTOCOL.md §5.3: close gets no reply).
pub async fn close(mut ws: Ws, grace: Duration) -> Result<(), Failure> {
    let fut = async {
        ws.send(Message::text(r#"{"type":"close"}"#))
            .await
            .map_err(|e| Failure::Closed(e.to_string()))?;
        // The server may already have closed; a failed close frame is fine.
        let _ = ws.close(None).await;
        loop {
            match ws.next().await {
                Some(Ok(Message::Text(t))) => {
                    return Err(Failure::Bad(format!(
                        "frame after close: {}",
                        truncate(t.as_str(), 120)
                    )))
                }
                Some(Ok(_)) => continue,
                Some(Err(_)) | None => return Ok(()),
            }
        }
    };
    match tokio::time::timeout(grace, fut).await {
        Ok(r) => r,
        Err(_) => Err(Failure::Timeout),
    }
}

pub fn truncate(s: &str, n: usize) -> String {
    if s.len() <= n {
        return s.to_string();
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}
