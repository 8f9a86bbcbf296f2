//! A WebSocket server that does no work: every request gets a fixed,
//! protocol-valid reply of realistic size (leg_counting's). Load-testing it
//! measures the ceiling that this machine, the kernel's loopback and the load
//! generator itself allow; a real server can only approach it.

use std::io;
use std::net::SocketAddr;

use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpListener, TcpStream};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Message, Utf8Bytes};

/// leg_counting, seed 42, index 0 (docs/PROTOCOL.md §2.2), byte for byte what a real
/// server sends, so frame sizes match.
pub const RESET_REPLY: &str = r#"{"type":"observation","data":{"observation":{"question":"Your task is to count how many legs there are in total when given a list of animals.\n\nNow, how many legs are there in total if you have 3 sea slugs, 12 deers, 2 giraffes, 11 elephants?\n","score":null,"correct_answer":null,"dataset_metadata":null},"reward":0.0,"done":false}}"#;
pub const STEP_REPLY: &str = r#"{"type":"observation","data":{"observation":{"question":null,"score":0.0,"correct_answer":"100","dataset_metadata":{"source_dataset":"leg_counting","source_index":0,"animals":{"sea slug":3,"deer":12,"giraffe":2,"elephant":11},"num_animals":4,"total_legs":100,"difficulty":{"num_animals":[3,10],"num_instances":[1,15]}}},"reward":0.0,"done":true}}"#;
pub const STATE_REPLY: &str = r#"{"type":"state","data":{"episode_id":"00000000-0000-4000-8000-000000000000","step_count":0}}"#;

/// Serves until the listener fails. Run it on its own runtime.
pub async fn serve(listener: TcpListener) -> io::Result<()> {
    loop {
        let (tcp, _) = listener.accept().await?;
        tokio::spawn(async move {
            // A failed connection only ends that connection.
            let _ = connection(tcp).await;
        });
    }
}

pub async fn bind(addr: SocketAddr) -> io::Result<TcpListener> {
    // Idle tests open tens of thousands of connections at once.
    let sock = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    sock.set_reuseaddr(true)?;
    sock.bind(addr)?;
    sock.listen(4096)
}

async fn connection(tcp: TcpStream) -> Result<(), tokio_tungstenite::tungstenite::Error> {
    tcp.set_nodelay(true)?;
    let config = WebSocketConfig::default()
        .read_buffer_size(8 * 1024)
        .write_buffer_size(0);
    let mut ws = tokio_tungstenite::accept_async_with_config(tcp, Some(config)).await?;
    let reset = Utf8Bytes::from_static(RESET_REPLY);
    let step = Utf8Bytes::from_static(STEP_REPLY);
    let state = Utf8Bytes::from_static(STATE_REPLY);
    while let Some(msg) = ws.next().await {
        let text = match msg? {
            Message::Text(t) => t,
            Message::Close(_) => break,
            _ => continue,
        };
        // A substring test, not a JSON parse: the point is to cost nothing.
        let t = text.as_str();
        let reply = if t.contains(r#""type":"step""#) {
            &step
        } else if t.contains(r#""type":"state""#) {
            &state
        } else if t.contains(r#""type":"close""#) {
            ws.close(None).await?;
            continue;
        } else {
            &reset
        };
        ws.send(Message::Text(reply.clone())).await?;
    }
    Ok(())
}
