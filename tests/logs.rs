//! Issue 12, point 12: what a client gets wrong at the connection level
//! (malformed request heads, unfinished WebSocket fragments, resets) is not
//! logged at ERROR, which is kept for faults of the server; with
//! `rgym_server::client=debug` it shows at DEBUG.

#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

/// Runs a server, sends it garbage, stops it; its log lines.
fn log_lines(rust_log: &str) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rgym"))
        .args([
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--log-format",
            "json",
        ])
        .env("RUST_LOG", rust_log)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rgym serve starts");
    let stderr = child.stderr.take().expect("piped stderr");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = Vec::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let v: Value = serde_json::from_str(&line).unwrap_or(Value::String(line));
            if let Some(addr) = v["fields"]["addr"].as_str() {
                let _ = tx.send(addr.to_string());
            }
            lines.push(v);
        }
        lines
    });
    let addr = rx
        .recv_timeout(Duration::from_secs(30))
        .expect("the server logs its address");
    let heads: [&[u8]; 4] = [
        b"GARBAGE\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: \x01\x02\r\nContent-Length: abc\r\n\r\n",
        b"POST /reset HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        // An upgrade, then a text fragment that never finishes.
        b"GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
          Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n\
          \x01\x83\x01\x02\x03\x04abc",
    ];
    for _ in 0..5 {
        for head in heads {
            let mut c = TcpStream::connect(&addr).expect("connects");
            c.write_all(head).expect("sends");
            c.set_read_timeout(Some(Duration::from_millis(300))).ok();
            let mut buf = [0u8; 512];
            let _ = c.read(&mut buf);
        }
    }
    // SAFETY: signalling our own child.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let status = child.wait().expect("exits");
    assert!(status.success(), "{status:?}");
    reader.join().expect("log reader")
}

fn level(v: &Value) -> &str {
    v["level"].as_str().unwrap_or("?")
}

#[test]
fn client_mistakes_are_not_server_errors() {
    let lines = log_lines("info");
    let bad: Vec<&Value> = lines
        .iter()
        .filter(|v| matches!(level(v), "ERROR" | "WARN" | "?"))
        .collect();
    assert!(bad.is_empty(), "{bad:?}");
    // They are there for whoever asks for them.
    let lines = log_lines("info,rgym_server::client=debug");
    let demoted = lines
        .iter()
        .filter(|v| v["target"] == "rgym_server::client" && level(v) == "DEBUG")
        .count();
    assert!(demoted >= 5, "{lines:?}");
    assert!(lines.iter().all(|v| level(v) != "ERROR"), "{lines:?}");
}
