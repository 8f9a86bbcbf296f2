//! End-to-end: every mode against the canned server. Counts and errors only;
//! no timing is asserted (the machine may be busy).

use std::net::SocketAddr;
use std::thread;

use loadtest::{measure, LoadtestArgs, Mode};

fn canned() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let listener = loadtest::canned::bind("127.0.0.1:0".parse().expect("addr"))
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("addr")).expect("send");
            let _ = loadtest::canned::serve(listener).await;
        });
    });
    rx.recv().expect("canned server address")
}

fn args(addr: SocketAddr, mode: Mode, sessions: usize) -> LoadtestArgs {
    LoadtestArgs {
        url: format!("http://{addr}"),
        mode,
        sessions,
        duration: 0.5,
        warmup: 0.1,
        server_pid: Some(std::process::id()),
        ..LoadtestArgs::default()
    }
}

#[test]
fn load_mode_counts_episodes_without_errors() {
    let addr = canned();
    let r = measure(&args(addr, Mode::Load, 8)).expect("report");
    assert_eq!(r.errors.len(), 0, "{:?}", r.error_samples);
    assert!(r.episodes > 0);
    // Every episode is a reset and a step.
    assert!(r.messages >= (2 * r.episodes).saturating_sub(8) && r.messages <= 2 * r.episodes + 8);
    assert!(r.latency.count > 0 && r.latency.p50_ms <= r.latency.max_ms);
    let json = serde_json::to_value(&r).expect("json");
    let s = r.server.expect("server figures from /proc");
    assert!(s.rss_kib_end > 0);
    assert_eq!(json["mode"], "load");
}

#[test]
fn max_episodes_bounds_the_run() {
    let addr = canned();
    let mut a = args(addr, Mode::Load, 2);
    a.duration = 30.0;
    a.max_episodes = Some(50);
    let r = measure(&a).expect("report");
    // Unbounded, 30 s against the canned server would be ~10^5 episodes.
    assert!(r.episodes >= 50 && r.episodes < 1000, "{}", r.episodes);
}

#[test]
fn churn_mode_completes_cycles() {
    let addr = canned();
    let r = measure(&args(addr, Mode::Churn, 4)).expect("report");
    assert_eq!(r.errors.len(), 0, "{:?}", r.error_samples);
    assert!(r.episodes > 0);
    assert_eq!(r.messages, 2 * r.episodes);
}

#[test]
fn idle_mode_holds_and_checks_every_session() {
    let addr = canned();
    let mut a = args(addr, Mode::Idle, 200);
    a.duration = 0.2;
    let r = measure(&a).expect("report");
    assert_eq!(r.errors.len(), 0, "{:?}", r.error_samples);
    let idle = r.idle.expect("idle figures");
    assert_eq!(idle.opened, 200);
    assert_eq!(idle.alive_after_hold, 200);
    assert!(idle.server_rss_kib_per_session.is_some());
}

#[test]
fn unreachable_server_is_reported_not_hung() {
    // Bind then drop: nothing listens on this port.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    let a = args(
        format!("127.0.0.1:{port}").parse().expect("addr"),
        Mode::Load,
        2,
    );
    // Refused at once, not after the whole window of connect errors.
    let t = std::time::Instant::now();
    let err = measure(&a).expect_err("nothing listens there");
    assert!(
        err.contains("cannot connect") && err.contains(&port.to_string()),
        "{err}"
    );
    assert!(t.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn refuses_remote_targets() {
    let a = LoadtestArgs {
        url: "http://192.0.2.7:8000".into(),
        ..LoadtestArgs::default()
    };
    assert!(measure(&a).is_err());
}
