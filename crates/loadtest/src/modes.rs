//! The three load shapes and the measurement around them.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};
use tokio::sync::{mpsc, watch, Semaphore};
use tokio::task::JoinSet;
use tokio::time::{sleep, sleep_until, Instant};
use tokio_tungstenite::tungstenite::{Message, Utf8Bytes};

use crate::client::{self, Failure, Ws};
use crate::procfs::{self, ProcSample};
use crate::proto::Expect;
use crate::stats::{per_s, IdleFigures, Recorder, Report, ServerFigures, Tally, Window};
use crate::target::Target;
use crate::{LoadtestArgs, Mode};

pub struct Plan {
    pub target: Target,
    pub duration: Duration,
    pub warmup: Duration,
    pub timeout: Duration,
    pub config: Option<Value>,
    pub args: LoadtestArgs,
}

/// After a failed connection, so that a refusing server (capacity, not yet
/// listening) is not hammered in a tight loop.
const BACKOFF: Duration = Duration::from_millis(50);
const CLOSE_GRACE: Duration = Duration::from_secs(2);

struct Ctx {
    plan: Plan,
    rec: Recorder,
    reset_next: Utf8Bytes,
    step: Utf8Bytes,
    state: Utf8Bytes,
    /// Set when `--max-episodes` is reached.
    stop: AtomicBool,
}

impl Ctx {
    fn reset_first(&self, session: usize) -> Utf8Bytes {
        let a = &self.plan.args;
        let seed = if a.same_seed {
            a.seed
        } else {
            a.seed.checked_add(session as i64).unwrap_or(a.seed)
        };
        let mut data = json!({"dataset_name": a.dataset, "seed": seed, "size": a.size});
        if let (Some(cfg), Some(obj)) = (&self.plan.config, data.as_object_mut()) {
            obj.insert("dataset_config".into(), cfg.clone());
        }
        Utf8Bytes::from(json!({"type": "reset", "data": data}).to_string())
    }

    fn stopping(&self) -> bool {
        Instant::now() >= self.rec.window.end || self.stop.load(Ordering::Relaxed)
    }

    fn deadline(&self) -> Instant {
        Instant::now() + self.plan.timeout
    }

    fn fail(&self, f: &Failure) {
        self.rec.error(&f.key(), &f.detail());
    }

    fn episode_done(&self) {
        if let Some(max) = self.plan.args.max_episodes {
            if self.rec.episodes() >= max {
                self.stop.store(true, Ordering::Relaxed);
            }
        }
    }
}

pub async fn run(plan: Plan, nofile: u64) -> Result<Report, String> {
    let start = Instant::now();
    let (window, idle) = match plan.args.mode {
        Mode::Idle => (
            // Connect+reset latencies count from the start; the hold sets the
            // CPU window separately.
            Window {
                start,
                end: start + Duration::from_secs(86_400),
            },
            true,
        ),
        _ => (
            Window {
                start: start + plan.warmup,
                end: start + plan.warmup + plan.duration,
            },
            false,
        ),
    };
    let step = json!({"type": "step", "data": {"answer": plan.args.answer}}).to_string();
    let ctx = Arc::new(Ctx {
        plan,
        rec: Recorder::new(window),
        reset_next: Utf8Bytes::from_static(r#"{"type":"reset","data":{}}"#),
        step: Utf8Bytes::from(step),
        state: Utf8Bytes::from_static(r#"{"type":"state"}"#),
        stop: AtomicBool::new(false),
    });
    if idle {
        return run_idle(ctx, nofile).await;
    }

    let mut tasks = JoinSet::new();
    for i in 0..ctx.plan.args.sessions {
        let c = ctx.clone();
        match ctx.plan.args.mode {
            Mode::Churn => tasks.spawn(churn_session(c, i)),
            _ => tasks.spawn(load_session(c, i)),
        };
    }
    sleep_until(window.start).await;
    let before = Sampler::take(ctx.plan.args.server_pid);
    // Wake at the end or early when --max-episodes stops every session.
    loop {
        if ctx.stopping() {
            break;
        }
        tokio::select! {
            _ = sleep_until(window.end) => {}
            _ = sleep(Duration::from_millis(100)) => {}
        }
    }
    let measured_end = Instant::now().min(window.end);
    let after = Sampler::take(ctx.plan.args.server_pid);
    let drain = ctx.plan.timeout + CLOSE_GRACE + Duration::from_secs(1);
    let _ = tokio::time::timeout(drain, async { while tasks.join_next().await.is_some() {} }).await;
    tasks.abort_all();

    let tally = ctx.rec.finish();
    let elapsed = measured_end.saturating_duration_since(window.start);
    Ok(report(&ctx, tally, elapsed, &before, &after, None))
}

/// A session as an RL worker runs it: one connection, reset → step forever.
async fn load_session(ctx: Arc<Ctx>, i: usize) {
    let reset_first = ctx.reset_first(i);
    while !ctx.stopping() {
        let mut ws = match client::connect(&ctx.plan.target, ctx.deadline()).await {
            Ok(ws) => ws,
            Err(f) => {
                ctx.fail(&f);
                sleep(BACKOFF).await;
                continue;
            }
        };
        // A new connection is a new environment: it needs the dataset again.
        let mut reset = &reset_first;
        let healthy = loop {
            if ctx.stopping() {
                break true;
            }
            let t = Instant::now();
            match client::request(&mut ws, reset, Expect::Reset, ctx.deadline()).await {
                Ok(()) => {
                    ctx.rec.record(t, 1, 0);
                    reset = &ctx.reset_next;
                }
                Err(f) => {
                    ctx.fail(&f);
                    if !f.keeps_connection() {
                        break false;
                    }
                }
            }
            let t = Instant::now();
            match client::request(&mut ws, &ctx.step, Expect::Step, ctx.deadline()).await {
                Ok(()) => {
                    ctx.rec.record(t, 1, 1);
                    ctx.episode_done();
                }
                Err(f) => {
                    ctx.fail(&f);
                    if !f.keeps_connection() {
                        break false;
                    }
                }
            }
        };
        if healthy {
            if let Err(f) = client::close(ws, CLOSE_GRACE).await {
                ctx.fail(&f);
            }
            return;
        }
        sleep(BACKOFF).await;
    }
}

/// connect → reset → step → close, again and again: short-lived clients.
async fn churn_session(ctx: Arc<Ctx>, i: usize) {
    let reset_first = ctx.reset_first(i);
    while !ctx.stopping() {
        let t = Instant::now();
        let deadline = ctx.deadline();
        let cycle = async {
            let mut ws = client::connect(&ctx.plan.target, deadline).await?;
            client::request(&mut ws, &reset_first, Expect::Reset, deadline).await?;
            client::request(&mut ws, &ctx.step, Expect::Step, deadline).await?;
            client::close(ws, CLOSE_GRACE).await
        };
        match cycle.await {
            Ok(()) => {
                ctx.rec.record(t, 2, 1);
                ctx.episode_done();
            }
            Err(f) => {
                ctx.fail(&f);
                sleep(BACKOFF).await;
            }
        }
    }
}

/// Opens the sessions, holds them for `duration`, then checks each answers.
async fn run_idle(ctx: Arc<Ctx>, nofile: u64) -> Result<Report, String> {
    let n = ctx.plan.args.sessions;
    let pid = ctx.plan.args.server_pid;
    let rss_before = pid
        .and_then(|p| procfs::sample(Some(p)).ok())
        .map(|s| s.rss_kib);
    let (hold_tx, hold_rx) = watch::channel(false);
    let (opened_tx, mut opened_rx) = mpsc::unbounded_channel::<bool>();
    let gate = Arc::new(Semaphore::new(ctx.plan.args.connect_concurrency));
    let alive = Arc::new(AtomicU64::new(0));
    let t0 = Instant::now();
    let mut tasks = JoinSet::new();
    for i in 0..n {
        let (ctx, gate, alive) = (ctx.clone(), gate.clone(), alive.clone());
        let (opened_tx, hold_rx) = (opened_tx.clone(), hold_rx.clone());
        tasks.spawn(async move {
            let ws = async {
                let _permit = gate
                    .acquire()
                    .await
                    .map_err(|e| Failure::Connect(e.to_string()))?;
                let t = Instant::now();
                let deadline = ctx.deadline();
                let mut ws = client::connect(&ctx.plan.target, deadline).await?;
                client::request(&mut ws, &ctx.reset_first(i), Expect::Reset, deadline).await?;
                ctx.rec.record(t, 1, 0);
                Ok::<Ws, Failure>(ws)
            }
            .await;
            let _ = opened_tx.send(ws.is_ok());
            drop(opened_tx);
            let mut ws = match ws {
                Ok(ws) => ws,
                Err(f) => {
                    ctx.fail(&f);
                    return;
                }
            };
            if let Err(f) = hold(&mut ws, hold_rx).await {
                ctx.fail(&f);
                return;
            }
            // Tens of thousands of closes at one instant would measure the
            // server's worst burst, not whether the sessions survived: the
            // check and the close go through the same gate as the opens.
            let Ok(_permit) = gate.acquire().await else {
                return;
            };
            match client::request(&mut ws, &ctx.state, Expect::State, ctx.deadline()).await {
                Ok(()) => {
                    alive.fetch_add(1, Ordering::Relaxed);
                }
                Err(f) => {
                    ctx.fail(&f);
                    return;
                }
            }
            if let Err(f) = client::close(ws, ctx.plan.timeout).await {
                ctx.fail(&f);
            }
        });
    }
    drop(opened_tx);
    let mut opened = 0u64;
    // Each connect is bounded by --timeout, so this ends; the cap is a guard.
    let open_cap = Duration::from_secs(1800);
    // Counted, not drained: the senders live as long as the held sessions.
    let _ = tokio::time::timeout(open_cap, async {
        for _ in 0..n {
            match opened_rx.recv().await {
                Some(ok) => opened += u64::from(ok),
                None => break,
            }
        }
    })
    .await;
    let open_s = t0.elapsed().as_secs_f64();
    let before = Sampler::take(pid);
    let hold_start = Instant::now();
    sleep(ctx.plan.duration).await;
    let after = Sampler::take(pid);
    let held_for = hold_start.elapsed();
    let client_rss = procfs::sample(None).map(|s| s.rss_kib).unwrap_or(0);
    let _ = hold_tx.send(true);
    // Bounded: each session's check and close are bounded by --timeout.
    let drain = ctx.plan.timeout * 3 + Duration::from_secs(600);
    let _ = tokio::time::timeout(drain, async { while tasks.join_next().await.is_some() {} }).await;
    tasks.abort_all();

    let rss_held = after.server.map(|s| s.rss_kib);
    let idle = IdleFigures {
        requested: n,
        opened,
        alive_after_hold: alive.load(Ordering::Relaxed),
        open_s,
        server_rss_kib_before: rss_before,
        server_rss_kib_held: rss_held,
        server_rss_kib_per_session: match (rss_before, rss_held) {
            (Some(b), Some(h)) if opened > 0 => Some((h as f64 - b as f64) / opened as f64),
            _ => None,
        },
        client_rss_kib_held: client_rss,
        nofile_limit: nofile,
    };
    let tally = ctx.rec.finish();
    Ok(report(&ctx, tally, held_for, &before, &after, Some(idle)))
}

/// Keeps reading while held so that pings are answered (tungstenite replies
/// while reading); anything but control frames is a protocol violation,
/// since the server must not send unsolicited frames (docs/PROTOCOL.md §5.3).
async fn hold(ws: &mut Ws, mut hold_rx: watch::Receiver<bool>) -> Result<(), Failure> {
    use futures_util::StreamExt;
    loop {
        tokio::select! {
            r = hold_rx.changed() => {
                // A dropped sender also means the hold is over.
                let _ = r;
                return Ok(());
            }
            m = ws.next() => match m {
                Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_))) => {}
                Some(Ok(Message::Text(t))) => {
                    return Err(Failure::Bad(format!("unsolicited frame: {}", client::truncate(t.as_str(), 120))));
                }
                Some(Ok(Message::Binary(_))) => return Err(Failure::Bad("unsolicited binary frame".into())),
                Some(Ok(Message::Close(c))) => {
                    return Err(Failure::Closed(format!("server closed an idle session: {c:?}")));
                }
                Some(Err(e)) => return Err(Failure::Closed(e.to_string())),
                None => return Err(Failure::Closed("idle session ended".into())),
            }
        }
    }
}

/// Readings at one edge of the measured window.
struct Sampler {
    server: Option<ProcSample>,
    client: ProcSample,
    machine: (u64, u64),
}

impl Sampler {
    fn take(pid: Option<u32>) -> Sampler {
        Sampler {
            server: pid.and_then(|p| procfs::sample(Some(p)).ok()),
            client: procfs::sample(None).unwrap_or_default(),
            machine: procfs::machine_ticks().unwrap_or((0, 0)),
        }
    }
}

fn report(
    ctx: &Ctx,
    tally: Tally,
    elapsed: Duration,
    before: &Sampler,
    after: &Sampler,
    idle: Option<IdleFigures>,
) -> Report {
    let a = &ctx.plan.args;
    let server = match (a.server_pid, before.server, after.server) {
        (Some(pid), Some(b), Some(e)) => {
            let cpu = (e.cpu_s - b.cpu_s).max(0.0);
            Some(ServerFigures {
                pid,
                cpu_s: cpu,
                cpu_s_per_1000_episodes: (tally.episodes > 0 && idle.is_none())
                    .then(|| cpu * 1000.0 / tally.episodes as f64),
                cores: if elapsed.as_secs_f64() > 0.0 {
                    cpu / elapsed.as_secs_f64()
                } else {
                    0.0
                },
                rss_kib_start: b.rss_kib,
                rss_kib_end: e.rss_kib,
                threads_end: e.threads,
            })
        }
        _ => None,
    };
    let (busy0, total0) = before.machine;
    let (busy1, total1) = after.machine;
    let dt = total1.saturating_sub(total0);
    let error_count = tally.errors.values().sum();
    Report {
        label: a.label.clone(),
        mode: a.mode.name().into(),
        url: ctx.plan.target.ws_url.clone(),
        dataset: a.dataset.clone(),
        sessions: a.sessions,
        warmup_s: if idle.is_some() {
            0.0
        } else {
            ctx.plan.warmup.as_secs_f64()
        },
        duration_s: elapsed.as_secs_f64(),
        episodes: tally.episodes,
        episodes_per_s: per_s(tally.episodes, elapsed),
        messages: tally.messages,
        messages_per_s: per_s(tally.messages, elapsed),
        latency: tally.latency,
        errors: tally.errors,
        error_count,
        error_samples: tally.error_samples,
        server,
        client_cpu_s: (after.client.cpu_s - before.client.cpu_s).max(0.0),
        machine_busy_pct: if dt > 0 {
            100.0 * busy1.saturating_sub(busy0) as f64 / dt as f64
        } else {
            0.0
        },
        idle,
    }
}
