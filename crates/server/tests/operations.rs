//! What operators and load balancers read: `/ready` through a drain, the
//! `process_*` and `rgym_build_info` metrics, and the labels of
//! `rgym_http_requests_total`.

mod common;

use std::time::{Duration, Instant};

use awc::ws::CloseCode;
use common::*;
use serde_json::json;

const DRAIN: Duration = Duration::from_secs(3);

/// From the stop on, `/ready` says 503 while everything else goes on for
/// `drain_delay` (old sessions, new sessions, `/health` as the protocol has
/// it); then the sessions are closed with 1001 as before.
#[actix_web::test]
async fn ready_turns_503_while_the_drain_still_serves() {
    let srv = server_with(|s| s.drain_delay = DRAIN).await;
    let r = get(&srv, "/ready").await;
    assert_eq!((r.status, r.json()), (200, json!({"status": "ready"})));
    let lc = json!({"dataset_name": "leg_counting", "seed": 5, "size": 10});
    let mut a = Ws::connect(&srv).await;
    a.reset(lc.clone()).await;

    let stop = srv.stop_handle();
    let t = Instant::now();
    let stopping = actix_rt::spawn(async move { stop.stop().await });
    let r = loop {
        let r = get(&srv, "/ready").await;
        if r.status != 200 || t.elapsed() > DRAIN {
            break r;
        }
        actix_rt::time::sleep(Duration::from_millis(10)).await;
    };
    assert_eq!((r.status, r.json()), (503, json!({"status": "draining"})));
    let r = get(&srv, "/health").await;
    assert_eq!((r.status, r.json()), (200, json!({"status": "healthy"})));
    let obs = a.step("3").await;
    assert_eq!(obs["done"], true);
    let mut b = Ws::connect(&srv).await;
    b.reset(lc).await;
    assert!(
        !srv.app.is_shutting_down(),
        "all of the above happened within the drain"
    );

    assert_eq!(a.expect_closed().await, Some(CloseCode::Away));
    assert_eq!(b.expect_closed().await, Some(CloseCode::Away));
    assert!(t.elapsed() >= DRAIN, "sessions closed only after the drain");
    stopping.await.unwrap();
    srv.wait().await.unwrap();
}

#[actix_web::test]
async fn process_and_build_metrics_are_exported() {
    let srv = server().await;
    let m = metrics_text(&srv).await;
    for (name, kind) in [
        ("process_cpu_seconds_total", "counter"),
        ("process_resident_memory_bytes", "gauge"),
        ("process_virtual_memory_bytes", "gauge"),
        ("process_open_fds", "gauge"),
        ("process_max_fds", "gauge"),
        ("process_threads", "gauge"),
        ("process_start_time_seconds", "gauge"),
        ("rgym_build_info", "gauge"),
        ("rgym_max_sessions", "gauge"),
    ] {
        assert!(
            m.contains(&format!("# TYPE {name} {kind}\n")),
            "{name}: {m}"
        );
    }
    // Values of this very process, which holds a listening socket and threads.
    assert!(metric(&m, "process_resident_memory_bytes") > 1e6, "{m}");
    assert!(metric(&m, "process_open_fds") >= 4.0, "{m}");
    assert!(metric(&m, "process_max_fds") >= metric(&m, "process_open_fds"));
    assert!(metric(&m, "process_threads") >= 2.0, "{m}");
    assert!(metric(&m, "process_start_time_seconds") > 1.6e9, "{m}");
    assert!(metric(&m, "process_cpu_seconds_total") >= 0.0);
    assert!(metric(&m, "rgym_max_sessions") >= 1.0, "{m}");
    // Series that exist before their first event, so rates read 0, not "no data".
    for sample in [
        "rgym_errors_total{code=\"EXECUTION_ERROR\"}",
        "rgym_sessions_closed_total{reason=\"shutdown\"}",
        "rgym_offloaded_total{work=\"scoring\"}",
    ] {
        assert!(m.contains(&format!("\n{sample} ")), "{sample}: {m}");
    }

    let build = m
        .lines()
        .find(|l| l.starts_with("rgym_build_info{"))
        .expect("rgym_build_info sample");
    let sha = build
        .split("git_sha=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("git_sha label");
    assert!(
        sha == "unknown" || (sha.len() == 40 && sha.bytes().all(|b| b.is_ascii_hexdigit())),
        "{build}"
    );
    assert!(
        build.contains(&format!("version=\"{}\"", env!("CARGO_PKG_VERSION"))),
        "{build}"
    );
    assert!(build.ends_with("} 1"), "{build}");
}

/// Every request is counted once answered, by method, route pattern and
/// status; methods outside the standard ones share `other`.
#[actix_web::test]
async fn http_requests_are_counted_by_method_route_and_status() {
    let srv = server().await;
    let sample = |method: &str, route: &str, status: u16| {
        format!(
            "rgym_http_requests_total{{method=\"{method}\",route=\"{route}\",status=\"{status}\"}}"
        )
    };
    let cases = [
        ("GET", "/health", "GET", "/health", 200),
        ("GET", "/ready", "GET", "/ready", 200),
        ("POST", "/health", "POST", "/health", 405),
        ("FROB", "/health", "other", "/health", 405),
        ("GET", "/no/such/route", "GET", "unmatched", 404),
    ];
    let before = metrics_text(&srv).await;
    for (method, path, ..) in cases {
        http(&srv, method, path, None, None).await;
    }
    Ws::connect(&srv).await.bye().await;
    let after = metrics_text(&srv).await;
    for (_, _, method, route, status) in cases.into_iter().chain([("", "", "GET", "/ws", 101)]) {
        let s = sample(method, route, status);
        assert!(
            metric(&after, &s) - metric(&before, &s) >= 1.0,
            "{s}\n{after}"
        );
    }
}
