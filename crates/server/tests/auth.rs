//! Optional bearer-token auth (`auth_tokens`), over the wire: every route
//! but `/health` refused without a token, passed with one in the header, in
//! the URL of the routes a browser opens, or in the cookie that sets.

mod common;

use common::*;
use serde_json::json;

fn token_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rgym-auth-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("token file");
    path
}

async fn request(
    srv: &rgym_server::RunningServer,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<serde_json::Value>,
) -> (u16, Option<String>, Option<String>, String) {
    let client = awc::Client::builder()
        .disable_redirects()
        .timeout(TIMEOUT)
        .finish();
    let method = awc::http::Method::from_bytes(method.as_bytes()).expect("method");
    let mut req = client.request(method, format!("{}{}", srv.url(), path));
    for &(k, v) in headers {
        req = req.insert_header((k, v));
    }
    let mut resp = match body {
        Some(b) => {
            req.insert_header(("content-type", "application/json"))
                .send_body(b.to_string())
                .await
        }
        None => req.send().await,
    }
    .expect("HTTP request");
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let (www, cookie) = (header("www-authenticate"), header("set-cookie"));
    let body = resp
        .body()
        .await
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    (resp.status().as_u16(), www, cookie, body)
}

#[actix_web::test]
async fn tokens_guard_every_route_but_health() {
    let path = token_file("tokens", "# who may\nalpha-123\nbeta-456\n");
    let srv = server_with(|s| {
        s.auth_tokens = Some(path.clone());
        s.web_interface = true;
    })
    .await;
    let refused_before = metric(
        &metrics_text_with(&srv, "alpha-123").await,
        "rgym_auth_refused_total",
    );
    let bearer = ("authorization", "Bearer alpha-123");

    // Probes pass; everything else needs the token.
    assert_eq!(request(&srv, "GET", "/health", &[], None).await.0, 200);
    assert_eq!(request(&srv, "GET", "/ready", &[], None).await.0, 200);
    for (method, route, body) in [
        ("POST", "/reset", Some(json!({}))),
        ("POST", "/step", Some(json!({"action": {"answer": "1"}}))),
        ("GET", "/state", None),
        ("GET", "/metadata", None),
        ("GET", "/schema", None),
        ("GET", "/metrics", None),
        ("GET", "/openapi.json", None),
        ("POST", "/mcp", Some(json!({}))),
        ("POST", "/v1/generate", Some(json!({}))),
        ("GET", "/web/metadata", None),
        ("GET", "/no/such/route", None),
    ] {
        let (status, www, _, text) = request(&srv, method, route, &[], body.clone()).await;
        assert_eq!(status, 401, "{method} {route}");
        assert_eq!(www.as_deref(), Some("Bearer"));
        assert!(text.contains("bearer token"), "{text}");
        // A wrong token, another scheme, the token in the URL of an API route.
        for headers in [
            vec![("authorization", "Bearer alpha-12")],
            vec![("authorization", "Basic alpha-123")],
        ] {
            assert_eq!(
                request(&srv, method, route, &headers, body.clone()).await.0,
                401
            );
        }
        let (status, ..) = request(&srv, method, route, &[bearer], body).await;
        assert!(status != 401, "{method} {route} with the token: {status}");
    }
    assert_eq!(
        request(
            &srv,
            "POST",
            "/reset?access_token=alpha-123",
            &[],
            Some(json!({}))
        )
        .await
        .0,
        401,
        "the URL carries a token only for pages and sockets"
    );
    let after = metric(
        &metrics_text_with(&srv, "beta-456").await,
        "rgym_auth_refused_total",
    );
    assert!(
        after >= refused_before + 34.0,
        "{refused_before} -> {after}"
    );

    // WebSocket: refused without, accepted with the header or ?access_token=.
    assert_eq!(Ws::connect_with(&srv, "/ws", &[]).await.err(), Some(401));
    let mut ws = Ws::connect_with(&srv, "/ws", &[bearer])
        .await
        .expect("header token");
    ws.reset(json!({})).await;
    ws.bye().await;
    let mut ws = Ws::connect_with(&srv, "/ws?access_token=beta-456", &[])
        .await
        .expect("query token");
    ws.reset(json!({})).await;
    ws.bye().await;

    // A browser: the page by URL sets a cookie its own requests then carry.
    let (status, _, cookie, _) =
        request(&srv, "GET", "/web/?access_token=alpha-123", &[], None).await;
    assert_eq!(status, 200);
    let cookie = cookie.expect("Set-Cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap_or_default().to_string();
    let (status, ..) = request(
        &srv,
        "POST",
        "/web/reset",
        &[("cookie", pair.as_str())],
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        Ws::connect_with(&srv, "/ws/ui", &[("cookie", pair.as_str())])
            .await
            .is_ok()
    );

    // Reloading (what SIGHUP does) swaps the tokens; a broken file keeps them.
    std::fs::write(&path, "gamma-789\n").expect("rewrite");
    assert_eq!(srv.app.auth.as_ref().map(|a| a.reload()), Some(Ok(1)));
    assert_eq!(request(&srv, "GET", "/state", &[bearer], None).await.0, 401);
    assert_eq!(
        request(
            &srv,
            "GET",
            "/state",
            &[("authorization", "Bearer gamma-789")],
            None
        )
        .await
        .0,
        200
    );
    std::fs::write(&path, "\n").expect("rewrite");
    assert!(srv.app.auth.as_ref().is_some_and(|a| a.reload().is_err()));
    assert_eq!(
        request(
            &srv,
            "GET",
            "/state",
            &[("authorization", "Bearer gamma-789")],
            None
        )
        .await
        .0,
        200
    );
}

async fn metrics_text_with(srv: &rgym_server::RunningServer, token: &str) -> String {
    let auth = format!("Bearer {token}");
    request(
        srv,
        "GET",
        "/metrics",
        &[("authorization", auth.as_str())],
        None,
    )
    .await
    .3
}

#[actix_web::test]
async fn public_metrics_and_a_server_that_will_not_start_open() {
    let path = token_file("tokens2", "t0k3n\n");
    let srv = server_with(|s| {
        s.auth_tokens = Some(path.clone());
        s.metrics_public = true;
    })
    .await;
    let (status, _, _, body) = request(&srv, "GET", "/metrics", &[], None).await;
    assert_eq!(status, 200);
    assert!(body.contains("rgym_auth_refused_total"));
    assert_eq!(request(&srv, "GET", "/state", &[], None).await.0, 401);

    // An empty or missing token file is an error at start, not an open server.
    let empty = token_file("empty", "# nobody\n");
    let mut s = settings();
    s.auth_tokens = Some(empty);
    let err = rgym_server::start(s).await.err().expect("refused");
    assert!(err.to_string().contains("no tokens"), "{err}");
    let mut s = settings();
    s.auth_tokens = Some(std::path::PathBuf::from("/nonexistent/rgym-tokens"));
    assert!(rgym_server::start(s).await.is_err());
}
