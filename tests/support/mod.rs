//! What the process-level tests (fault, soak) share: `rgym serve` as a child
//! process with JSON logs, its /proc figures and its /metrics.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
    /// ERROR lines, and lines that are not JSON (a panic's message).
    errors: Arc<Mutex<Vec<String>>>,
    warnings: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// `rgym serve` on a free loopback port with `--max-sessions
    /// max_sessions`, JSON logs at `info`, and only `env` of the `RGYM_*`
    /// settings (one left in the environment, an idle timeout say, would end
    /// sessions a test expects to live).
    pub fn start(max_sessions: usize, env: &[(&str, String)]) -> Server {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rgym"));
        cmd.args(["serve", "--host", "127.0.0.1", "--port", "0"])
            .args(["--max-sessions", &max_sessions.to_string()])
            .args(["--log-format", "json"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, _) in std::env::vars() {
            if k.starts_with("RGYM_") || k == "ENABLE_WEB_INTERFACE" {
                cmd.env_remove(k);
            }
        }
        cmd.env("RUST_LOG", "info");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("rgym serve starts");
        let stderr = child.stderr.take().expect("piped stderr");
        let errors = Arc::new(Mutex::new(Vec::new()));
        let warnings = Arc::new(Mutex::new(Vec::new()));
        let (addr_tx, addr_rx) = mpsc::channel();
        let (e, w) = (errors.clone(), warnings.clone());
        // Drained for the whole run: a full pipe would block the server's logging.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let v: Value = serde_json::from_str(&line).unwrap_or(Value::Null);
                if let Some(addr) = v["fields"]["addr"].as_str() {
                    let _ = addr_tx.send(addr.to_string());
                }
                match v["level"].as_str() {
                    _ if v.is_null() => e.lock().unwrap().push(line),
                    Some("ERROR") => e.lock().unwrap().push(line),
                    Some("WARN") => w.lock().unwrap().push(line),
                    _ => {}
                }
            }
        });
        let addr = addr_rx
            .recv_timeout(Duration::from_secs(30))
            .expect("the server logs its address")
            .parse()
            .expect("a socket address");
        Server {
            child,
            addr,
            errors,
            warnings,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// ERROR lines and lines that are not JSON (a panic's message).
    pub fn errors(&self) -> Vec<String> {
        self.errors.lock().unwrap().clone()
    }

    pub fn warnings(&self) -> Vec<String> {
        self.warnings.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A field of `/proc/<pid>/status` (its first number); `None` once the
/// process has exited.
pub fn proc_status(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
}

/// User + system CPU seconds a process has used so far.
pub fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the parenthesised command name; utime and stime are the
    // 14th and 15th fields of the whole line.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let ticks: f64 = rest
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|v| v.parse::<f64>().ok())
        .sum();
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    ticks / hz.max(1.0)
}

/// `/metrics`, over a bare HTTP/1.1 request.
pub async fn metrics_text(addr: SocketAddr) -> String {
    let mut s = TcpStream::connect(addr).await.expect("metrics connect");
    s.write_all(b"GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .expect("metrics request");
    let mut text = String::new();
    s.read_to_string(&mut text).await.expect("metrics response");
    text
}

/// The sample of `series` (a name, or a name with its labels), if present.
pub fn sample(text: &str, series: &str) -> Option<f64> {
    text.lines().find_map(|l| {
        l.strip_prefix(series)?
            .strip_prefix(' ')?
            .trim()
            .parse()
            .ok()
    })
}
