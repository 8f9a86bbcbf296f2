//! Optional bearer-token auth (`auth_tokens`): which requests may pass.
//!
//! A request passes when it carries one of the tokens: in `Authorization:
//! Bearer <token>` (any route); as `?access_token=<token>` on the routes a
//! browser opens by URL (`/ws`, `/ws/ui`, `/web…`, `/docs`, `/redoc`), which
//! a browser cannot give headers to; or in the `rgym_token` cookie that such
//! a request sets (`HttpOnly`, `SameSite=Strict`), so that the page's own
//! scripts, styles and sockets pass too. `/health` and `/ready` always pass (probes),
//! `/metrics` too with `metrics_public`.
//!
//! Tokens are compared in constant time, all of them, whatever matched: how
//! long a refusal takes says nothing about how close a guess came. Tokens
//! never reach a log line: nothing in the server logs request paths.

use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};

/// The cookie a browser gets once its `?access_token=` passed.
pub const COOKIE: &str = "rgym_token";

/// The tokens in force and where they come from.
pub struct Auth {
    path: PathBuf,
    tokens: RwLock<Arc<Vec<Vec<u8>>>>,
}

/// Names the file, never the tokens.
impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Auth")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// How a request showed its token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passed {
    Header,
    Cookie,
    /// Through the URL: the reply should set the cookie.
    Query,
}

fn read_tokens(path: &Path) -> Result<Vec<Vec<u8>>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("auth_tokens {}: {e}", path.display()))?;
    let tokens: Vec<Vec<u8>> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.as_bytes().to_vec())
        .collect();
    if tokens.is_empty() {
        return Err(format!(
            "auth_tokens {}: no tokens (one a line)",
            path.display()
        ));
    }
    Ok(tokens)
}

/// `a == b` in time that depends only on the lengths.
fn same(a: &[u8], b: &[u8]) -> bool {
    let n = a.len().max(b.len());
    let mut diff = (a.len() ^ b.len()) as u8 | u8::from(a.len() != b.len());
    for i in 0..n {
        diff |= a.get(i).copied().unwrap_or(0) ^ b.get(i).copied().unwrap_or(0);
    }
    diff == 0
}

/// Routes a browser opens by URL: the only ones that take `?access_token=`.
fn browser_route(path: &str) -> bool {
    path == "/ws"
        || path == "/ws/ui"
        || path == "/web"
        || path.starts_with("/web/")
        || path == "/docs"
        || path.starts_with("/docs/")
        || path == "/redoc"
        || path.starts_with("/redoc/")
}

/// `name=value` from a query string (no percent-decoding is needed for the
/// token alphabet; a percent-encoded token simply does not match).
fn query_param<'a>(query: &'a str, name: &str) -> Option<&'a str> {
    query
        .split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl Auth {
    /// Reads the token file; a missing, unreadable or empty file is an error
    /// (the server does not start open by mistake).
    pub fn load(path: &Path) -> Result<Auth, String> {
        Ok(Auth {
            tokens: RwLock::new(Arc::new(read_tokens(path)?)),
            path: path.to_path_buf(),
        })
    }

    /// Re-reads the file (SIGHUP). On error the tokens in force stay.
    pub fn reload(&self) -> Result<usize, String> {
        let tokens = read_tokens(&self.path)?;
        let n = tokens.len();
        if let Ok(mut t) = self.tokens.write() {
            *t = Arc::new(tokens);
        }
        Ok(n)
    }

    fn known(&self, token: &[u8]) -> bool {
        let tokens = match self.tokens.read() {
            Ok(t) => t.clone(),
            Err(_) => return false,
        };
        // Every token compared, no early exit.
        tokens.iter().fold(false, |found, t| same(t, token) | found)
    }

    /// How the request passed, or `None`: `authorization` is the header's
    /// value, `cookie` the `Cookie` header's.
    pub fn check(
        &self,
        path: &str,
        query: &str,
        authorization: Option<&str>,
        cookie: Option<&str>,
    ) -> Option<Passed> {
        if let Some(h) = authorization {
            if let Some((scheme, token)) = h.trim().split_once(' ') {
                if scheme.eq_ignore_ascii_case("bearer") && self.known(token.trim().as_bytes()) {
                    return Some(Passed::Header);
                }
            }
        }
        if let Some(c) = cookie {
            let token = c
                .split(';')
                .filter_map(|kv| kv.trim().split_once('='))
                .find(|(k, _)| *k == COOKIE)
                .map(|(_, v)| v);
            if token.is_some_and(|t| self.known(t.as_bytes())) {
                return Some(Passed::Cookie);
            }
        }
        if browser_route(path) {
            if let Some(t) = query_param(query, "access_token") {
                if self.known(t.as_bytes()) {
                    return Some(Passed::Query);
                }
            }
        }
        None
    }

    /// The `Set-Cookie` value for a request that passed by `?access_token=`.
    pub fn cookie_for(query: &str) -> Option<String> {
        query_param(query, "access_token")
            .map(|t| format!("{COOKIE}={t}; Path=/; HttpOnly; SameSite=Strict"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth(text: &str) -> Auth {
        let dir = std::env::temp_dir().join(format!("rgym-auth-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("tokens-{}", text.len()));
        std::fs::write(&path, text).unwrap();
        Auth::load(&path).unwrap()
    }

    #[test]
    fn constant_time_equality() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"ab"));
        assert!(!same(b"", b"a"));
        assert!(same(b"", b""));
        // A longer guess that starts with the token is no match.
        assert!(!same(b"abc", b"abc\0"));
    }

    #[test]
    fn where_a_token_is_taken_from() {
        let a = auth("# trainers\n  s3cret \n\nother\n");
        let check = |path, query, h: Option<&str>, c: Option<&str>| a.check(path, query, h, c);
        assert_eq!(
            check("/reset", "", Some("Bearer s3cret"), None),
            Some(Passed::Header)
        );
        assert_eq!(
            check("/reset", "", Some("bearer other"), None),
            Some(Passed::Header)
        );
        assert_eq!(check("/reset", "", Some("Bearer nope"), None), None);
        assert_eq!(check("/reset", "", Some("Basic s3cret"), None), None);
        assert_eq!(check("/reset", "", Some("# trainers"), None), None);
        // The query only on the routes a browser opens by URL.
        assert_eq!(
            check("/ws", "access_token=s3cret", None, None),
            Some(Passed::Query)
        );
        assert_eq!(
            check("/web/", "x=1&access_token=other", None, None),
            Some(Passed::Query)
        );
        assert_eq!(check("/reset", "access_token=s3cret", None, None), None);
        assert_eq!(check("/metrics", "access_token=s3cret", None, None), None);
        // The cookie anywhere.
        assert_eq!(
            check("/web/reset", "", None, Some("a=b; rgym_token=s3cret")),
            Some(Passed::Cookie)
        );
        assert_eq!(
            check("/web/reset", "", None, Some("rgym_token=s3cre")),
            None
        );
        assert_eq!(
            Auth::cookie_for("access_token=s3cret").as_deref(),
            Some("rgym_token=s3cret; Path=/; HttpOnly; SameSite=Strict")
        );
    }

    #[test]
    fn an_empty_or_missing_file_is_refused_and_reload_keeps_the_old_tokens() {
        let dir = std::env::temp_dir().join(format!("rgym-auth-reload-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("tokens");
        std::fs::write(&path, "\n# none\n").unwrap();
        assert!(Auth::load(&path).unwrap_err().contains("no tokens"));
        assert!(Auth::load(&dir.join("absent")).is_err());
        std::fs::write(&path, "one\n").unwrap();
        let a = Auth::load(&path).unwrap();
        std::fs::write(&path, "two\nthree\n").unwrap();
        assert_eq!(a.reload(), Ok(2));
        assert!(a.known(b"two") && !a.known(b"one"));
        std::fs::remove_file(&path).unwrap();
        assert!(a.reload().is_err());
        assert!(
            a.known(b"three"),
            "a failed reload keeps the tokens in force"
        );
    }
}
