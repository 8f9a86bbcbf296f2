//! Where the load goes. The URL is read the way the Python client reads
//! `base_url` (docs/PROTOCOL.md §5.1), and only loopback addresses are accepted: a load
//! generator pointed at a remote host by a typo is a denial of service.

use std::net::{SocketAddr, ToSocketAddrs};

#[derive(Debug, Clone)]
pub struct Target {
    /// The `ws://…/ws` URL sent in the upgrade request.
    pub ws_url: String,
    /// Resolved once, so that churn measures connect + handshake, not DNS.
    pub addr: SocketAddr,
}

pub fn resolve(base: &str) -> Result<Target, String> {
    let base = base.trim().trim_end_matches('/');
    let ws = if let Some(r) = base.strip_prefix("http://") {
        format!("ws://{r}")
    } else if base.starts_with("https://") || base.starts_with("wss://") {
        return Err("TLS URLs are not supported: the load generator is loopback-only".into());
    } else if base.starts_with("ws://") {
        base.to_string()
    } else {
        format!("ws://{base}")
    };
    let ws = if ws.ends_with("/ws") {
        ws
    } else {
        format!("{ws}/ws")
    };
    let parsed = url::Url::parse(&ws).map_err(|e| format!("bad URL {ws:?}: {e}"))?;
    let host = parsed
        .host_str()
        .ok_or_else(|| format!("URL {ws:?} has no host"))?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let port = parsed.port_or_known_default().unwrap_or(80);
    let addrs: Vec<SocketAddr> = (host, port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {host}: {e}"))?
        .collect();
    let addr = addrs
        .iter()
        .copied()
        .find(|a| a.ip().is_loopback())
        .ok_or_else(|| format!("{host} is not a loopback address; refusing to send load there"))?;
    if addrs.iter().any(|a| !a.ip().is_loopback()) {
        return Err(format!(
            "{host} also resolves to non-loopback addresses; use 127.0.0.1"
        ));
    }
    Ok(Target { ws_url: ws, addr })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_ws_urls_like_the_python_client() {
        let t = resolve("http://127.0.0.1:8000/").expect("loopback");
        assert_eq!(t.ws_url, "ws://127.0.0.1:8000/ws");
        assert_eq!(t.addr.port(), 8000);
        let t = resolve("ws://127.0.0.1:9/ws").expect("loopback");
        assert_eq!(t.ws_url, "ws://127.0.0.1:9/ws");
        let t = resolve("127.0.0.2:7").expect("loopback");
        assert_eq!(t.ws_url, "ws://127.0.0.2:7/ws");
        assert!(resolve("http://[::1]:8000").is_ok());
    }

    #[test]
    fn refuses_non_loopback_targets() {
        assert!(resolve("http://10.0.0.1:8000").is_err());
        assert!(resolve("http://192.0.2.1:8000").is_err());
        assert!(resolve("https://127.0.0.1:8000").is_err());
    }
}
