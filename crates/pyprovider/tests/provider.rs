//! The provider against a real reasoning-gym 0.1.25: the oracle venv
//! (`.venv-oracle`, made on first use by scripts/lib/venv.sh, as the golden
//! scripts make it).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use pyprovider::{Options, Provider, ProviderError};
use serde_json::{json, Map, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn python() -> PathBuf {
    static PY: OnceLock<PathBuf> = OnceLock::new();
    PY.get_or_init(|| {
        let out = Command::new("bash")
            .arg(root().join("scripts/lib/venv.sh"))
            .arg(root().join(".venv-oracle"))
            .args(["import reasoning_gym", "reasoning-gym==0.1.25"])
            .current_dir(root())
            .output()
            .expect("bash runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
    })
    .clone()
}

fn provider(workers: usize, timeout: Duration) -> Arc<Provider> {
    let mut opts = Options::new(python());
    opts.workers = workers;
    opts.timeout = timeout;
    Provider::start(opts).expect("the provider starts")
}

fn config(v: Value) -> Map<String, Value> {
    v.as_object().unwrap().clone()
}

#[test]
fn hello_and_sandbox() {
    let p = provider(1, Duration::from_secs(60));
    assert_eq!(p.hello().reasoning_gym, "0.1.25");
    assert!(
        ["isolated", "python-blocked"].contains(&p.hello().network.as_str()),
        "{:?}",
        p.hello()
    );
}

#[test]
fn codeio_items_are_a_function_of_seed_and_index() {
    let p = provider(2, Duration::from_secs(60));
    let cfg = config(json!({"input_prediction_probability": 0.5, "difficulty": null}));
    let a: Vec<_> = (0..6)
        .map(|i| p.generate("codeio", &cfg, "42", 100, i).unwrap())
        .collect();
    // Another pool, so other processes and a fresh dataset build.
    let q = provider(1, Duration::from_secs(60));
    for (i, item) in a.iter().enumerate() {
        let again = q.generate("codeio", &cfg, "42", 100, i as u64).unwrap();
        assert_eq!(&again, item, "item {i}");
        assert_eq!(item["metadata"]["source_dataset"], "codeio");
        assert_eq!(item["metadata"]["source_index"], i);
    }
    // Seeds are Python ints of any size.
    let big = p
        .generate("codeio", &cfg, "-123456789012345678901234567890", 10, 3)
        .unwrap();
    assert!(big["question"].as_str().unwrap().contains("input"));
}

#[test]
fn the_references_refusals_come_back_as_config_errors() {
    let p = provider(1, Duration::from_secs(60));
    let err = p
        .generate("codeio", &config(json!({"difficulty": 99})), "1", 10, 0)
        .unwrap_err();
    assert_eq!(
        err,
        ProviderError::Config("AssertionError: difficulty must be in [1, 10]".into())
    );
    // The worker survives a refusal.
    assert_eq!(
        p.counters.killed.load(std::sync::atomic::Ordering::Relaxed),
        0
    );
    p.generate("acre", &Map::new(), "1", 10, 0).unwrap();
}

#[test]
fn a_slow_item_is_killed_at_the_time_limit_and_the_next_works() {
    let p = provider(1, Duration::from_secs(5));
    // acre builds its whole dataset up front: 10^7 questions take minutes.
    let t = Instant::now();
    let err = p
        .generate("acre", &Map::new(), "1", 10_000_000, 0)
        .unwrap_err();
    assert!(matches!(err, ProviderError::Timeout(_)), "{err:?}");
    assert!(t.elapsed() < Duration::from_secs(15), "{:?}", t.elapsed());
    assert_eq!(
        p.counters.killed.load(std::sync::atomic::Ordering::Relaxed),
        1
    );
    // Its successor is already starting; on a loaded machine its imports may
    // outlast one time limit, so it is given three.
    assert_eq!(p.live_workers(), 1);
    assert_eq!(p.idle_pids().len(), 1);
    let next = (0..3).find_map(|_| p.generate("acre", &Map::new(), "1", 10, 0).ok());
    assert!(next.is_some(), "the pool serves again after a kill");
}

#[test]
fn a_stopped_caller_kills_its_worker() {
    let p = provider(1, Duration::from_secs(120));
    let token = budget::Token::new();
    let stopper = {
        let token = token.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(500));
            token.stop();
        })
    };
    let t = Instant::now();
    let out = budget::run(token, || {
        p.generate("acre", &Map::new(), "1", 10_000_000, 0)
    });
    stopper.join().unwrap();
    assert!(out.is_err(), "the work unwinds at the stop");
    assert!(t.elapsed() < Duration::from_secs(10));
    assert_eq!(
        p.counters.killed.load(std::sync::atomic::Ordering::Relaxed),
        1
    );
    assert_eq!(p.live_workers(), 1);
    p.generate("acre", &Map::new(), "2", 10, 1).unwrap();
}

#[test]
fn a_worker_killed_mid_item_is_a_clean_error_and_is_replaced() {
    let p = provider(1, Duration::from_secs(120));
    p.generate("acre", &Map::new(), "1", 10, 0).unwrap();
    let before = p.idle_pids();
    assert_eq!(before.len(), 1);
    let killer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(500));
        for pid in before {
            // SAFETY: a plain kill(2) of our own child.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        }
    });
    let err = p
        .generate("acre", &Map::new(), "1", 10_000_000, 0)
        .unwrap_err();
    killer.join().unwrap();
    assert!(matches!(err, ProviderError::Crashed(_)), "{err:?}");
    let item = p.generate("acre", &Map::new(), "1", 10, 0).unwrap();
    assert!(item["question"].as_str().unwrap().contains("Blicket"));
}
