//! `rgym health --url URL`: one HTTP GET to a server's `/health`, for the
//! Dockerfile's HEALTHCHECK. It speaks just enough HTTP/1.1 over a std
//! `TcpStream` so that the probe needs no HTTP client crate and no runtime,
//! and it starts in a millisecond, which matters at one probe every few seconds.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};

use clap::Args;
use serde_json::Value;

#[derive(Args)]
pub struct HealthArgs {
    /// The health endpoint (plain http only).
    #[arg(long, default_value = "http://127.0.0.1:8000/health")]
    url: String,
    /// Give up after this many seconds.
    #[arg(long, default_value_t = 3.0)]
    timeout: f64,
}

/// Exit 0 (and print `healthy`) iff the server answers 200 with
/// `{"status": "healthy"}`.
pub fn health(args: &HealthArgs) -> Result<(), String> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        return Err("--timeout must be a positive number of seconds".into());
    }
    let url = Url::parse(&args.url)?;
    let deadline = Instant::now() + Duration::from_secs_f64(args.timeout);
    let response = get(&url, deadline).map_err(|e| format!("{}: {e}", args.url))?;
    check(&response).map_err(|e| format!("{}: {e}", args.url))?;
    println!("healthy");
    Ok(())
}

#[derive(Debug, PartialEq)]
struct Url {
    /// As written in the URL (brackets kept for IPv6), for `Host:`.
    host: String,
    port: u16,
    path: String,
}

impl Url {
    fn parse(url: &str) -> Result<Url, String> {
        let rest = url.strip_prefix("http://").ok_or_else(|| {
            format!("--url must start with http:// (got {url:?}); the probe speaks plain HTTP only")
        })?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let (host, port) = match authority.rfind(':') {
            // "[::1]" alone has colons but no port.
            Some(i) if !authority[i..].contains(']') => (&authority[..i], &authority[i + 1..]),
            _ => (authority, "80"),
        };
        if host.is_empty() {
            return Err(format!("--url has no host: {url:?}"));
        }
        let port = port
            .parse()
            .map_err(|_| format!("--url has an invalid port: {url:?}"))?;
        Ok(Url {
            host: host.to_string(),
            port,
            path: path.to_string(),
        })
    }
}

struct Response {
    status: u16,
    body: Vec<u8>,
}

fn remaining(deadline: Instant) -> std::io::Result<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::TimedOut, "timed out"))
}

fn get(url: &Url, deadline: Instant) -> Result<Response, String> {
    let host = url.host.trim_start_matches('[').trim_end_matches(']');
    let addrs: Vec<_> = (host, url.port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {}: {e}", url.host))?
        .collect();
    let mut last = None;
    let mut stream = None;
    for addr in addrs {
        let left = remaining(deadline).map_err(|e| e.to_string())?;
        match TcpStream::connect_timeout(&addr, left) {
            Ok(s) => {
                stream = Some(s);
                break;
            }
            Err(e) => last = Some(e),
        }
    }
    let mut stream = stream.ok_or_else(|| match last {
        Some(e) => e.to_string(),
        None => format!("no address for {}", url.host),
    })?;
    let io = |e: std::io::Error| e.to_string();
    stream
        .set_write_timeout(Some(remaining(deadline).map_err(io)?))
        .map_err(io)?;
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: {}:{}\r\nAccept: application/json\r\nConnection: close\r\n\r\n",
        url.path, url.host, url.port
    );
    stream.write_all(request.as_bytes()).map_err(io)?;
    // `Connection: close`: the reply ends at EOF. Capped, since a health
    // reply is tiny and a probe must not buffer whatever a wrong port sends.
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        stream
            .set_read_timeout(Some(remaining(deadline).map_err(io)?))
            .map_err(io)?;
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                raw.extend_from_slice(&buf[..n]);
                if raw.len() > 1 << 20 {
                    return Err("reply larger than 1 MiB".into());
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.to_string()),
        }
    }
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> Result<Response, String> {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or("not an HTTP reply (no end of headers)")?;
    let head = std::str::from_utf8(&raw[..split]).map_err(|_| "HTTP headers are not UTF-8")?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = status_line
        .strip_prefix("HTTP/1.")
        .and_then(|s| s.get(2..5))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("not an HTTP status line: {status_line:?}"))?;
    let chunked = lines.any(|l| {
        let l = l.to_ascii_lowercase();
        l.starts_with("transfer-encoding:") && l.contains("chunked")
    });
    let body = &raw[split + 4..];
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    Ok(Response { status, body })
}

fn dechunk(mut data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let eol = data
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("truncated chunked body")?;
        let size_text = std::str::from_utf8(&data[..eol]).map_err(|_| "bad chunk size")?;
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| "bad chunk size")?;
        data = &data[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = data.get(..size).ok_or("truncated chunked body")?;
        out.extend_from_slice(chunk);
        data = data.get(size + 2..).ok_or("truncated chunked body")?;
    }
}

fn check(response: &Response) -> Result<(), String> {
    let body = String::from_utf8_lossy(&response.body);
    let shown: String = body.trim().chars().take(200).collect();
    if response.status != 200 {
        return Err(format!("HTTP {}: {shown}", response.status));
    }
    let status = serde_json::from_slice::<Value>(&response.body)
        .ok()
        .and_then(|v| v.get("status").and_then(Value::as_str).map(str::to_string));
    match status.as_deref() {
        Some("healthy") => Ok(()),
        _ => Err(format!(
            "HTTP 200 but not {{\"status\": \"healthy\"}}: {shown}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        let u = Url::parse("http://127.0.0.1:8000/health").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("127.0.0.1", 8000, "/health")
        );
        let u = Url::parse("http://[::1]:9/x/health").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("[::1]", 9, "/x/health")
        );
        let u = Url::parse("http://[::1]").unwrap();
        assert_eq!(
            (u.host.as_str(), u.port, u.path.as_str()),
            ("[::1]", 80, "/")
        );
        assert!(Url::parse("https://h/health").is_err());
        assert!(Url::parse("http://h:x/health").is_err());
        assert!(Url::parse("http://:80/").is_err());
    }

    #[test]
    fn replies() {
        let ok = parse_response(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\r\n{\"status\":\"healthy\"}",
        )
        .unwrap();
        assert!(check(&ok).is_ok());
        let chunked = parse_response(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"sta\r\nf\r\ntus\":\"healthy\"}\r\n0\r\n\r\n",
        )
        .unwrap();
        assert!(check(&chunked).is_ok());
        let down = parse_response(b"HTTP/1.1 503 Service Unavailable\r\n\r\nbusy").unwrap();
        assert_eq!(check(&down).unwrap_err(), "HTTP 503: busy");
        let wrong = parse_response(b"HTTP/1.1 200 OK\r\n\r\n{\"status\":\"starting\"}").unwrap();
        assert!(check(&wrong).is_err());
        assert!(parse_response(b"SSH-2.0-OpenSSH\r\n").is_err());
    }
}
