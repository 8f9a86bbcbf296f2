//! `rgym serve` with the Python provider on (the oracle venv's reasoning-gym
//! 0.1.25, made on first use): provider datasets over WebSocket, a worker
//! killed mid-item, an item past the time limit, and the provider off.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

mod support;

use support::Server;

type Ws = WebSocketStream<TcpStream>;

fn python() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("bash")
        .arg(root.join("scripts/python_provider_env.sh"))
        .arg(root.join(".venv-oracle"))
        .current_dir(root)
        .output()
        .expect("bash runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
}

async fn connect(addr: SocketAddr) -> Ws {
    let tcp = TcpStream::connect(addr).await.unwrap();
    tokio_tungstenite::client_async(format!("ws://{addr}/ws"), tcp)
        .await
        .unwrap()
        .0
}

async fn ask(ws: &mut Ws, frame: Value) -> Value {
    ws.send(Message::text(frame.to_string())).await.unwrap();
    loop {
        let msg = tokio::time::timeout(Duration::from_secs(60), ws.next())
            .await
            .expect("a reply within 60 s")
            .expect("the connection stays open")
            .unwrap();
        if let Message::Text(t) = msg {
            return serde_json::from_str(t.as_str()).unwrap();
        }
    }
}

fn reset(name: &str, seed: i64, size: u64) -> Value {
    json!({"type": "reset", "data": {"dataset_name": name, "seed": seed, "size": size}})
}

fn step(answer: &str) -> Value {
    json!({"type": "step", "data": {"answer": answer}})
}

/// The server's child processes: its provider workers.
fn children(pid: u32) -> Vec<i32> {
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<i32>().ok())
        .filter(|p| {
            let stat = std::fs::read_to_string(format!("/proc/{p}/stat")).unwrap_or_default();
            let after = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or("");
            after.split_whitespace().nth(1).and_then(|x| x.parse().ok()) == Some(pid)
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn provider_datasets_over_websocket() {
    let server = Server::start(
        8,
        &[
            ("RGYM_PYTHON_PROVIDER", python().display().to_string()),
            ("RGYM_PYTHON_WORKERS", "1".into()),
            ("RGYM_GENERATION_TIMEOUT", "8".into()),
        ],
    );
    let mut ws = connect(server.addr).await;

    // An item, its answer scored 1.0, and the same item again from the cache
    // or from a worker: the same question.
    let first = ask(&mut ws, reset("acre", 7, 100)).await;
    let question = first["data"]["observation"]["question"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(question.contains("Blicket"), "{first}");
    let scored = ask(&mut ws, step("undetermined")).await;
    let answer = scored["data"]["observation"]["correct_answer"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        scored["data"]["observation"]["dataset_metadata"]["source_dataset"],
        "acre"
    );
    let right = ask(&mut ws, step(&answer)).await;
    assert_eq!(right["data"]["reward"], 1.0, "{right}");
    // The reference's refusal of a config, and rgym's own bound.
    let bad = ask(
        &mut ws,
        json!({"type": "reset", "data": {"dataset_name": "acre", "seed": 1, "size": 10, "dataset_config": {"train": 2}}}),
    )
    .await;
    assert_eq!(bad["type"], "error", "{bad}");
    assert!(bad["data"]["message"]
        .as_str()
        .unwrap()
        .contains("train must be either 0 or 1"));

    // A worker killed mid-item: a clean error, and the next item works.
    let pid = server.pid();
    let workers = children(pid);
    assert_eq!(workers.len(), 1, "one idle worker: {workers:?}");
    let slow = tokio::spawn({
        let addr = server.addr;
        async move {
            let mut ws = connect(addr).await;
            // 40,000 questions take the reference about 12 s to build.
            ask(&mut ws, reset("acre", 11, 40_000)).await
        }
    });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    for w in children(pid) {
        // SAFETY: kill(2) of the server's worker, a process of this test's user.
        unsafe { libc_kill(w) };
    }
    let failed = slow.await.unwrap();
    assert_eq!(failed["type"], "error", "{failed}");
    let message = failed["data"]["message"].as_str().unwrap();
    assert!(
        message.contains("Python provider worker failed"),
        "{message}"
    );
    let again = ask(&mut ws, reset("acre", 7, 100)).await;
    assert_eq!(again["data"]["observation"]["question"], question.as_str());

    // Past the time limit: the worker is killed, the session answers.
    let late = ask(&mut ws, reset("acre", 12, 50_000)).await;
    assert_eq!(late["type"], "error", "{late}");
    let fine = ask(&mut ws, reset("acre", 8, 100)).await;
    assert!(
        fine["data"]["observation"]["question"].is_string(),
        "{fine}"
    );
    assert!(server.errors().is_empty(), "{:?}", server.errors());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn provider_off_is_a_clear_refusal() {
    let server = Server::start(8, &[]);
    let mut ws = connect(server.addr).await;
    let reply = ask(&mut ws, reset("acre", 7, 100)).await;
    assert_eq!(reply["type"], "error", "{reply}");
    let message = reply["data"]["message"].as_str().unwrap();
    assert!(message.contains("python_provider"), "{message}");
    // Native datasets are unaffected.
    let ok = ask(&mut ws, reset("leg_counting", 7, 100)).await;
    assert!(ok["data"]["observation"]["question"].is_string());
}

unsafe fn libc_kill(pid: i32) {
    extern "C" {
        fn kill(pid: i32, sig: i32) -> i32;
    }
    kill(pid, 9);
}
