//! The server's per-message costs, each against a baseline measured in the
//! same run:
//!
//! * `observation_frame`: serializing a reply frame from the borrowed item
//!   (what the session sends) vs building a `serde_json::Value` tree first.
//! * `engine`: one episode (reset + step) through a session actor and the
//!   supervisor with no sockets (`ws::spawn_detached`) vs the same `Env`
//!   calls made directly, which is the work without the actor.
//! * `loopback`: episodes over real WebSocket connections on 127.0.0.1 with
//!   1, 64 and 512 concurrent agents, against rgym and against the canned
//!   server (`loadtest::canned`, which answers without doing any work): the
//!   ceiling of this machine and client.
//!
//! `cargo bench --bench server` (`-- engine` etc. to pick a group).

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use dataset_core::Item;
use rgym_server::env::{Env, Envelope, Observation};
use rgym_server::ws::{self, Mode, Out};
use rgym_server::{AppState, Settings};
use serde_json::{json, Map, Value};

const DATASET: &str = "leg_counting";
const SIZE: u64 = 1_000_000;

fn item(name: &str, idx: u64) -> Item {
    let info = datasets::info(name).expect("registered");
    let seeded =
        dataset_core::build_with(info, &Map::new(), Some(42.into()), Some(SIZE)).expect("builds");
    seeded.get(idx).expect("item")
}

fn observation_frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("observation_frame");
    // leg_counting: small metadata; maze: a grid in the question and metadata.
    for name in [DATASET, "maze"] {
        let item = item(name, 7);
        let step = Envelope {
            observation: Observation {
                question: None,
                score: Some(1.0),
                correct_answer: Some(&item.answer),
                dataset_metadata: Some(&item.metadata),
            },
            reward: 1.0,
            done: true,
            extracted_answer: None,
            index: None,
            curriculum: None,
        };
        g.bench_function(BenchmarkId::new("step/borrowed", name), |b| {
            b.iter(|| ws::observation_frame(std::hint::black_box(&step)))
        });
        g.bench_function(BenchmarkId::new("step/value_tree", name), |b| {
            b.iter(|| {
                let meta = Value::Object(item.metadata.clone().into_map());
                json!({"type": "observation", "data": {
                    "observation": {"question": null, "score": 1.0, "correct_answer": item.answer, "dataset_metadata": meta},
                    "reward": 1.0, "done": true}})
                .to_string()
            })
        });
        g.bench_function(BenchmarkId::new("reset/borrowed", name), |b| {
            b.iter(|| ws::observation_frame(&Envelope::reset(std::hint::black_box(&item.question))))
        });
        g.bench_function(BenchmarkId::new("reset/value_tree", name), |b| {
            b.iter(|| {
                json!({"type": "observation", "data": {
                    "observation": {"question": item.question, "score": null, "correct_answer": null, "dataset_metadata": null},
                    "reward": 0.0, "done": false}})
                .to_string()
            })
        });
    }
    g.finish();
}

fn settings() -> Settings {
    Settings {
        host: "127.0.0.1".into(),
        port: 0,
        workers: 1,
        max_sessions: 4096,
        // Sessions walk their own seed, as in RL training: no cache hits.
        item_cache_size: 0,
        ..Settings::default()
    }
}

fn first_reset(seed: u64) -> String {
    json!({"type": "reset", "data": {"dataset_name": DATASET, "seed": seed, "size": SIZE}})
        .to_string()
}

const RESET: &str = r#"{"type":"reset","data":{}}"#;
const STEP: &str = r#"{"type":"step","data":{"answer":"0"}}"#;

async fn reply(rx: &mut tokio::sync::mpsc::UnboundedReceiver<Out>) -> String {
    loop {
        match rx.recv().await {
            Some(Out::Text(t)) => return t,
            Some(_) => continue,
            None => panic!("session ended"),
        }
    }
}

fn engine(c: &mut Criterion) {
    let mut g = c.benchmark_group("engine");
    g.throughput(Throughput::Elements(1));
    let system = actix_rt::System::new();
    let app = system.block_on(async { Arc::new(AppState::new(settings())) });

    // The session actor, fed through a channel.
    let (tx, mut rx) = system
        .block_on(async { ws::spawn_detached(app.clone(), Mode::Env) })
        .expect("a slot");
    system.block_on(async {
        tx.send(first_reset(42)).expect("session alive");
        let r = reply(&mut rx).await;
        assert!(r.contains("\"observation\""), "{r}");
        // Past the supervisor's warm-up, as in a long run.
        for _ in 0..100 {
            tx.send(STEP.into()).expect("session alive");
            reply(&mut rx).await;
            tx.send(RESET.into()).expect("session alive");
            reply(&mut rx).await;
        }
    });
    g.bench_function("episode/session_actor", |b| {
        b.iter_custom(|iters| {
            system.block_on(async {
                let t = Instant::now();
                for _ in 0..iters {
                    tx.send(STEP.into()).expect("session alive");
                    reply(&mut rx).await;
                    tx.send(RESET.into()).expect("session alive");
                    reply(&mut rx).await;
                }
                t.elapsed()
            })
        })
    });

    // The same episodes through `Env` and the supervisor, without the actor.
    let sup = app.supervisor.clone();
    let mut env = Env::new();
    let mut params = Map::new();
    params.insert("dataset_name".into(), json!(DATASET));
    params.insert("seed".into(), json!(43));
    params.insert("size".into(), json!(SIZE));
    system.block_on(async {
        let job = env.plan_reset(&params).expect("valid");
        let out = job.run(&sup).await.expect("reset");
        let _ = ws::observation_frame(&env.commit_reset(out));
    });
    let empty = Map::new();
    g.bench_function("episode/env_direct", |b| {
        b.iter_custom(|iters| {
            system.block_on(async {
                let t = Instant::now();
                for _ in 0..iters {
                    let out = env.begin_step("0".into()).run(&sup).await.expect("step");
                    std::hint::black_box(ws::observation_frame(&out.envelope()));
                    let job = env.plan_reset(&empty).expect("valid");
                    let out = job.run(&sup).await.expect("reset");
                    std::hint::black_box(ws::observation_frame(&env.commit_reset(out)));
                }
                t.elapsed()
            })
        })
    });
    g.finish();
    drop(tx);
}

/// A server on its own thread (as `rgym serve` would be), and its address.
fn rgym_server() -> std::net::SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        actix_rt::System::new().block_on(async move {
            let srv = rgym_server::start(settings()).await.expect("server starts");
            tx.send(srv.addr).expect("bench waiting");
            let _ = srv.wait().await;
        })
    });
    rx.recv().expect("server address")
}

fn canned_server() -> std::net::SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        rt.block_on(async move {
            let l = loadtest::canned::bind("127.0.0.1:0".parse().expect("addr"))
                .await
                .expect("binds");
            tx.send(l.local_addr().expect("bound"))
                .expect("bench waiting");
            let _ = loadtest::canned::serve(l).await;
        })
    });
    rx.recv().expect("server address")
}

type Agents = Vec<loadtest::client::Ws>;

async fn connect(addr: std::net::SocketAddr, n: usize) -> Agents {
    let target = loadtest::target::resolve(&format!("http://{addr}")).expect("loopback");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    let mut agents = Vec::with_capacity(n);
    for i in 0..n {
        let mut ws = loadtest::client::connect(&target, deadline)
            .await
            .expect("connects");
        let frame = first_reset(42 + i as u64).into();
        loadtest::client::request(&mut ws, &frame, loadtest::proto::Expect::Reset, deadline)
            .await
            .expect("first reset");
        agents.push(ws);
    }
    agents
}

/// Every agent runs `rounds` episodes (step, reset) concurrently; replies are
/// checked as the load generator checks them.
async fn run_rounds(agents: &mut Agents, rounds: u64) -> Duration {
    use loadtest::proto::Expect;
    let step = STEP.into();
    let reset = RESET.into();
    let t = Instant::now();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(600);
    let work = agents.iter_mut().map(|ws| {
        let (step, reset) = (&step, &reset);
        async move {
            for _ in 0..rounds {
                loadtest::client::request(ws, step, Expect::Step, deadline)
                    .await
                    .expect("step");
                loadtest::client::request(ws, reset, Expect::Reset, deadline)
                    .await
                    .expect("reset");
            }
        }
    });
    futures_util::future::join_all(work).await;
    t.elapsed()
}

fn loopback(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let _ = loadtest::procfs::raise_nofile(1 << 16);
    let servers = [("rgym", rgym_server()), ("canned", canned_server())];
    let mut g = c.benchmark_group("loopback");
    g.sample_size(10);
    for agents in [1usize, 64, 512] {
        g.throughput(Throughput::Elements(agents as u64));
        for (name, addr) in servers {
            let mut conns = rt.block_on(connect(addr, agents));
            rt.block_on(run_rounds(&mut conns, 50));
            g.bench_function(BenchmarkId::new(name, agents), |b| {
                b.iter_custom(|iters| rt.block_on(run_rounds(&mut conns, iters)))
            });
            drop(conns);
        }
    }
    g.finish();
}

criterion_group!(benches, observation_frame, engine, loopback);
criterion_main!(benches);
