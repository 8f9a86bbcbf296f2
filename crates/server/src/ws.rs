//! The session actor: one per `WS /ws` (or `WS /mcp`) connection.
//!
//! It owns the connection's environment (dataset handle, cursor, current
//! item, episode id, step count). Frames are answered strictly one-for-one and
//! in order: while a reset or step is in flight (on the supervisor's blocking
//! pool) later frames wait in `queue`, but control frames are handled at once,
//! so pings are answered however long generation takes. Replies go straight
//! into the connection's sink from the actor (no writer task, no extra
//! channel hop); only if a client stops reading do they queue, in order.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix::prelude::*;
use actix_web::web::Bytes;
use std::pin::Pin;
use std::task::Poll;

use actix_ws::{AggregatedMessage, CloseCode, CloseReason, Message, ProtocolError};
use bytestring::ByteString;
use futures_util::Sink;
use serde::Serialize;
use serde_json::{json, Map, Value};
use tokio::sync::mpsc;

use crate::app::AppState;
use crate::env::{Env, Envelope, ResetOutcome, StepOutcome};
use crate::error::EnvError;
use crate::framing::{Violation, Watch};
use crate::metrics::metrics;
use crate::protocol::{
    dict_type, error_frame, extra_forbidden, missing, validate_action, validation_frame, verr,
    EXECUTION_ERROR, INVALID_JSON, UNKNOWN_TYPE,
};
use crate::sessions::{ServerClose, Slot};
use crate::socket::{wire_len, Drain, Socket};

/// What the socket carries: the `/ws` envelope protocol or raw JSON-RPC (`/mcp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Env,
    Mcp,
}

/// Bytes of requests a session holds while one is in flight (each frame
/// counted with `FRAME_OVERHEAD` for its slot); a client past this is not
/// waiting for its replies, and is closed (1008) rather than buffered. Bytes,
/// not frames: pipelining thousands of small requests is fine, a flood of
/// large ones is not.
pub const MAX_QUEUED_BYTES: usize = 16 << 20;
const FRAME_OVERHEAD: usize = 64;
/// Longest one turn of a session's `pump` runs before yielding the worker.
const PUMP_TURN: Duration = Duration::from_millis(2);
const TOO_MANY: &str = "too many requests waiting for a reply";
/// Reply bytes a session holds for a client that does not read them (what
/// waits behind a reply the sink could not take yet); past this the
/// connection is dropped. A client that reads its replies never has any
/// waiting, however large one reply is (that is `max_reply_bytes`' job).
pub const MAX_BACKLOG_BYTES: usize = 32 << 20;
/// What a queued control frame counts for in that budget.
const CONTROL_WEIGHT: usize = 64;

/// A reply as the detached (channel-fed) session hands it out.
#[derive(Debug)]
pub enum Out {
    Text(String),
    Pong(Bytes),
    Ping,
    Close(CloseReason),
}

/// Where a session's frames go: straight into the connection's actix-ws
/// sink, or into a channel ([`spawn_detached`]).
pub enum Outlet {
    Socket(actix_ws::Session),
    Channel(mpsc::UnboundedSender<Out>),
}

/// RFC 6455 caps a close frame's reason at 123 bytes.
fn close_reason(code: CloseCode, why: &str) -> CloseReason {
    let mut end = why.len().min(123);
    while !why.is_char_boundary(end) {
        end -= 1;
    }
    CloseReason {
        code,
        description: (!why.is_empty()).then(|| why[..end].to_string()),
    }
}

impl Outlet {
    /// Ready to take a frame now (`Ok(true)`), full (`Ok(false)`: `cx` is
    /// woken when it has room), or gone (`Err`).
    fn poll_ready(&mut self, cx: &mut std::task::Context<'_>) -> Result<bool, ()> {
        match self {
            Outlet::Socket(s) => match Pin::new(s).poll_ready(cx) {
                Poll::Ready(Ok(())) => Ok(true),
                Poll::Ready(Err(_)) => Err(()),
                Poll::Pending => Ok(false),
            },
            Outlet::Channel(tx) => {
                if tx.is_closed() {
                    Err(())
                } else {
                    Ok(true)
                }
            }
        }
    }

    /// Sends one frame; only after `poll_ready` said `Ok(true)`.
    fn start_send(&mut self, msg: Message) -> Result<(), ()> {
        match self {
            Outlet::Socket(s) => Pin::new(s).start_send(msg).map_err(|_| ()),
            Outlet::Channel(tx) => {
                let out = match msg {
                    Message::Text(t) => Out::Text(t.to_string()),
                    Message::Pong(b) => Out::Pong(b),
                    Message::Ping(_) => Out::Ping,
                    Message::Close(r) => Out::Close(r.unwrap_or_else(|| CloseCode::Normal.into())),
                    _ => return Ok(()),
                };
                tx.send(out).map_err(|_| ())
            }
        }
    }
}

/// Drains [`WsSession::backlog`] as the sink makes room; spawned only when
/// the sink was full, which a client that reads its replies never causes.
struct FlushBacklog;

impl ActorFuture<WsSession> for FlushBacklog {
    type Output = ();

    fn poll(
        self: Pin<&mut Self>,
        act: &mut WsSession,
        _: &mut Context<WsSession>,
        task: &mut std::task::Context<'_>,
    ) -> Poll<()> {
        if act.drain_backlog(task) {
            Poll::Ready(())
        } else {
            Poll::Pending
        }
    }
}

enum Incoming {
    Text(ByteString),
    Binary,
}

/// How much of a byte budget a queued frame uses.
trait Weighed {
    fn weight(&self) -> usize;
}

impl Weighed for Incoming {
    fn weight(&self) -> usize {
        FRAME_OVERHEAD
            + match self {
                Incoming::Text(t) => t.len(),
                Incoming::Binary => 0,
            }
    }
}

/// Replies count their text; control frames a little.
impl Weighed for Message {
    fn weight(&self) -> usize {
        match self {
            Message::Text(t) => t.len(),
            _ => CONTROL_WEIGHT,
        }
    }
}

/// A FIFO that keeps the total weight of what it holds, for the byte
/// budgets of both session queues.
struct Fifo<T> {
    items: VecDeque<T>,
    bytes: usize,
}

impl<T: Weighed> Fifo<T> {
    fn new() -> Fifo<T> {
        Fifo {
            items: VecDeque::new(),
            bytes: 0,
        }
    }

    fn push_back(&mut self, v: T) {
        self.bytes += v.weight();
        self.items.push_back(v);
    }

    fn push_front(&mut self, v: T) {
        self.bytes += v.weight();
        self.items.push_front(v);
    }

    fn pop_front(&mut self) -> Option<T> {
        let v = self.items.pop_front()?;
        self.bytes -= v.weight();
        Some(v)
    }

    fn clear(&mut self) {
        self.items.clear();
        self.bytes = 0;
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Replaces the first item `matches` accepts, if any; `v` otherwise comes back.
    fn replace(&mut self, v: T, matches: impl Fn(&T) -> bool) -> Option<T> {
        match self.items.iter_mut().find(|x| matches(x)) {
            Some(slot) => {
                self.bytes = self.bytes - slot.weight() + v.weight();
                *slot = v;
                None
            }
            None => Some(v),
        }
    }
}

/// A frame of the `/ws` protocol that passed validation.
enum Request {
    Reset(Map<String, Value>),
    Step(String),
    State,
    Close,
    Mcp(Value),
}

/// What a session knows of the connection under it; all `None` for a
/// detached session (no network).
#[derive(Default)]
pub struct Connection {
    pub socket: Option<Socket>,
    pub watch: Option<std::rc::Rc<Watch>>,
    pub drain: Option<std::rc::Rc<Drain>>,
}

pub struct WsSession {
    app: Arc<AppState>,
    mode: Mode,
    slot: Option<Slot>,
    out: Outlet,
    /// Frames the sink had no room for yet, in order; see [`FlushBacklog`].
    backlog: Fifo<Message>,
    /// The sink failed: the connection is gone, nothing more is sent.
    out_gone: bool,
    env: Env,
    queue: Fifo<Incoming>,
    busy: bool,
    /// A close frame has been sent (or the peer's received): nothing more is read.
    closing: bool,
    /// The connection's descriptor, to end it when a close frame cannot
    /// (a client that does not read); `None` for detached sessions.
    socket: Option<Socket>,
    /// What the frame guard saw on the way in.
    watch: Option<std::rc::Rc<Watch>>,
    /// How far actix has written what was handed to the sink, and what was
    /// handed (wire bytes): their difference is unread by the client.
    drain: Option<std::rc::Rc<Drain>>,
    sent: u64,
    /// When the current turn of `pump` began (see `PUMP_TURN`).
    turn: Option<Instant>,
    /// Shutdown asked: answer what was received, then close.
    draining: bool,
    last_heard: Instant,
}

impl WsSession {
    pub fn new(app: Arc<AppState>, mode: Mode, slot: Slot, out: Outlet) -> WsSession {
        WsSession::with_socket(app, mode, slot, out, Connection::default())
    }

    /// A session on a real connection: its descriptor and frame guard.
    pub fn with_socket(
        app: Arc<AppState>,
        mode: Mode,
        slot: Slot,
        out: Outlet,
        conn: Connection,
    ) -> WsSession {
        WsSession {
            socket: conn.socket,
            watch: conn.watch,
            drain: conn.drain,
            sent: 0,
            turn: None,
            app,
            mode,
            slot: Some(slot),
            out,
            backlog: Fifo::new(),
            out_gone: false,
            env: Env::new(),
            queue: Fifo::new(),
            busy: false,
            closing: false,
            draining: false,
            last_heard: Instant::now(),
        }
    }

    fn send(&mut self, ctx: &mut Context<Self>, v: &Value) {
        if v["type"] == "error" {
            if let Some(code) = v["data"]["code"].as_str() {
                metrics().error(code);
            }
        }
        self.send_text(ctx, v.to_string());
    }

    fn send_text(&mut self, ctx: &mut Context<Self>, text: String) {
        let max = self.app.settings.max_reply_bytes;
        if text.len() > max {
            // One rule, told to the client: the reply is replaced by an
            // error naming the limit, and the session goes on.
            let msg = format!(
                "the reply ({} bytes) is larger than max_reply_bytes ({max} bytes); \
                 use a smaller config",
                text.len()
            );
            let frame = match self.mode {
                Mode::Env => error_frame(EXECUTION_ERROR, &msg, Map::new()),
                Mode::Mcp => {
                    crate::mcp::error(Value::Null, crate::mcp::SERVER_ERROR, &msg, Value::Null)
                }
            };
            metrics().error(EXECUTION_ERROR);
            return self.emit(ctx, Message::Text(frame.to_string().into()));
        }
        self.emit(ctx, Message::Text(text.into()));
    }

    /// Hands a frame to the sink at once when it has room (always, unless the
    /// client stopped reading); otherwise queues it behind the others.
    fn emit(&mut self, ctx: &mut Context<Self>, msg: Message) {
        if self.out_gone {
            return;
        }
        let was_idle = self.backlog.is_empty();
        let msg = if matches!(msg, Message::Pong(_)) {
            // A client pinging without reading needs only the latest pong.
            match self.backlog.replace(msg, |m| matches!(m, Message::Pong(_))) {
                Some(msg) => msg,
                None => return,
            }
        } else {
            msg
        };
        // Unread: what waits here, and what actix holds that the client has
        // not taken (a reply handed over is out of the backlog at once).
        let in_actix = self
            .drain
            .as_ref()
            .map_or(0, |d| self.sent.saturating_sub(d.written()));
        let unread = self.backlog.bytes as u64 + in_actix;
        if unread > 0 && unread + msg.weight() as u64 > MAX_BACKLOG_BYTES as u64 {
            // No close frame: it would wait behind everything else unread.
            // The socket is shut down under actix instead, which then drops
            // the connection and its buffers.
            tracing::info!("dropping a session that stopped reading its replies");
            self.backlog.clear();
            self.out_gone = true;
            self.release("slow_reader");
            self.closing = true;
            self.queue.clear();
            // The sink must still be open: then the connection is, and the
            // descriptor is still its own (see `socket`).
            let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
            if let (Some(socket), Ok(_)) = (&self.socket, self.out.poll_ready(&mut cx)) {
                socket.kill();
            }
            ctx.stop();
            return;
        }
        self.backlog.push_back(msg);
        if was_idle {
            let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
            if !self.drain_backlog(&mut cx) {
                ctx.spawn(FlushBacklog);
            }
        }
    }

    /// Sends queued frames while the sink has room; true once none is left
    /// (sent, or dropped because the connection is gone).
    fn drain_backlog(&mut self, cx: &mut std::task::Context<'_>) -> bool {
        while let Some(msg) = self.backlog.pop_front() {
            match self.out.poll_ready(cx) {
                Ok(true) => {
                    let bytes = match &msg {
                        Message::Text(t) => wire_len(t.len()),
                        Message::Ping(b) | Message::Pong(b) => wire_len(b.len()),
                        _ => wire_len(0),
                    };
                    if self.out.start_send(msg).is_err() {
                        self.out_gone = true;
                    } else {
                        self.sent += bytes;
                    }
                }
                Ok(false) => {
                    self.backlog.push_front(msg);
                    return false;
                }
                Err(()) => self.out_gone = true,
            }
            if self.out_gone {
                self.backlog.clear();
            }
        }
        true
    }

    /// Frees the slot (once) and counts why the session ended.
    fn release(&mut self, reason: &str) {
        if let Some(slot) = self.slot.take() {
            if self.app.sessions.contains(slot.id()) {
                metrics().closed(reason);
            }
        }
    }

    /// Releases the slot first (clients reconnect at once), then sends the
    /// close frame and gives the peer a moment to answer it.
    fn close(&mut self, ctx: &mut Context<Self>, code: CloseCode, why: &str, reason: &str) {
        if self.closing {
            return;
        }
        self.release(reason);
        self.closing = true;
        self.queue.clear();
        self.emit(ctx, Message::Close(Some(close_reason(code, why))));
        ctx.run_later(Duration::from_secs(2), |_, ctx| ctx.stop());
    }

    fn touch(&self) {
        if let Some(s) = &self.slot {
            s.touch();
        }
    }

    fn enqueue(&mut self, ctx: &mut Context<Self>, frame: Incoming) {
        if self.queue.bytes + frame.weight() > MAX_QUEUED_BYTES {
            return self.close(ctx, CloseCode::Policy, TOO_MANY, "overload");
        }
        self.queue.push_back(frame);
        self.pump(ctx);
    }

    /// Handles queued frames until one needs async work, or until this turn
    /// has used `PUMP_TURN`: then the rest waits for the actor's next turn,
    /// so one client pipelining hundreds of cached requests does not hold
    /// the worker (and every other session on it) for seconds.
    fn pump(&mut self, ctx: &mut Context<Self>) {
        let started = *self.turn.get_or_insert_with(Instant::now);
        while !self.busy && !self.closing {
            if started.elapsed() > PUMP_TURN && !self.queue.is_empty() {
                ctx.notify(Resume);
                return;
            }
            let Some(frame) = self.queue.pop_front() else {
                break;
            };
            self.process(frame, ctx);
        }
        self.turn = None;
        if self.draining && !self.busy && self.queue.is_empty() {
            self.close(ctx, CloseCode::Away, "server shutting down", "shutdown");
        }
    }

    fn process(&mut self, frame: Incoming, ctx: &mut Context<Self>) {
        match self.mode {
            Mode::Mcp => {
                self.touch();
                metrics().message("mcp");
                let reply = match frame {
                    Incoming::Text(t) => {
                        self.app.mcp.handle_bytes(t.as_bytes(), self.slot.as_ref())
                    }
                    Incoming::Binary => crate::mcp::parse_error("binary frames are not accepted"),
                };
                self.send(ctx, &reply);
            }
            Mode::Env => match frame {
                Incoming::Binary => {
                    metrics().message("invalid");
                    self.send(ctx, &error_frame(
                        INVALID_JSON,
                        "Invalid JSON: binary frames are not accepted; send JSON in a text frame",
                        Map::new(),
                    ));
                }
                Incoming::Text(t) => match parse_request(&t) {
                    Err((label, frame)) => {
                        metrics().message(label);
                        self.send(ctx, &frame);
                    }
                    Ok(req) => self.run(req, ctx),
                },
            },
        }
    }

    fn run(&mut self, req: Request, ctx: &mut Context<Self>) {
        let m = metrics();
        match req {
            Request::State => {
                m.message("state");
                self.send(ctx, &json!({"type": "state", "data": self.env.state()}));
            }
            Request::Close => {
                m.message("close");
                self.close(ctx, CloseCode::Normal, "", "client_close");
            }
            Request::Mcp(data) => {
                m.message("mcp");
                self.touch();
                let reply = self.app.mcp.handle(&data, self.slot.as_ref());
                self.send(ctx, &json!({"type": "mcp", "data": reply}));
            }
            Request::Reset(params) => {
                m.message("reset");
                self.touch();
                let started = Instant::now();
                let job = match self.env.plan_reset(&params) {
                    Ok(job) => job,
                    Err(e) => {
                        self.send(ctx, &env_error_frame(e));
                        return;
                    }
                };
                // Cached or cheap items are answered here; only a build or a
                // dataset not yet known to be cheap waits on another thread.
                let job = match job.run_now(&self.app.supervisor) {
                    Ok(res) => return self.finish_reset(ctx, res, started),
                    Err(job) => job,
                };
                let sup = self.app.supervisor.clone();
                self.wait_for(
                    ctx,
                    async move { job.run(&sup).await },
                    move |act, ctx, res| act.finish_reset(ctx, res, started),
                );
            }
            Request::Step(answer) => {
                m.message("step");
                self.touch();
                let started = Instant::now();
                let job = match self.env.begin_step(answer).run_now(&self.app.supervisor) {
                    Ok(outcome) => return self.finish_step(ctx, Ok(outcome), started),
                    Err(job) => job,
                };
                let sup = self.app.supervisor.clone();
                self.wait_for(
                    ctx,
                    async move { job.run(&sup).await },
                    move |act, ctx, res| act.finish_step(ctx, res, started),
                );
            }
        }
    }

    /// Runs `work` off the actor while later frames wait in the queue, then
    /// `done` with its result (unless the session is closing by then) and
    /// the next queued frame.
    fn wait_for<T: 'static>(
        &mut self,
        ctx: &mut Context<Self>,
        work: impl std::future::Future<Output = T> + 'static,
        done: impl FnOnce(&mut Self, &mut Context<Self>, T) + 'static,
    ) {
        self.busy = true;
        ctx.spawn(work.into_actor(self).map(move |res, act, ctx| {
            act.busy = false;
            if act.closing {
                return;
            }
            done(act, ctx, res);
            act.pump(ctx);
        }));
    }

    fn finish_reset(
        &mut self,
        ctx: &mut Context<Self>,
        res: Result<ResetOutcome, EnvError>,
        started: Instant,
    ) {
        match res {
            Ok(outcome) => {
                let text = observation_frame(&self.env.commit_reset(outcome));
                self.send_text(ctx, text);
            }
            Err(e) => self.send(ctx, &env_error_frame(e)),
        }
        metrics()
            .reset_latency
            .observe(started.elapsed().as_secs_f64());
    }

    fn finish_step(
        &mut self,
        ctx: &mut Context<Self>,
        res: Result<StepOutcome, EnvError>,
        started: Instant,
    ) {
        match res {
            Ok(outcome) => self.send_text(ctx, observation_frame(&outcome.envelope())),
            Err(e) => self.send(ctx, &env_error_frame(e)),
        }
        metrics()
            .step_latency
            .observe(started.elapsed().as_secs_f64());
    }
}

/// `{"type": "observation", "data": envelope}`, serialized straight from the
/// borrowed envelope.
pub fn observation_frame(envelope: &Envelope<'_>) -> String {
    #[derive(Serialize)]
    struct Frame<'a> {
        #[serde(rename = "type")]
        kind: &'static str,
        data: &'a Envelope<'a>,
    }
    let frame = Frame {
        kind: "observation",
        data: envelope,
    };
    // Serializing plain strings, numbers and a JSON map cannot fail.
    serde_json::to_string(&frame).unwrap_or_default()
}

/// A session actor fed from a channel instead of a socket: the engine
/// (session actor, supervisor, datasets) with no network in the way, for
/// benches and tests. Text sent on the first channel arrives as text frames;
/// replies come out of the second, in the order the socket would carry them.
pub fn spawn_detached(
    app: Arc<AppState>,
    mode: Mode,
) -> Result<
    (mpsc::UnboundedSender<String>, mpsc::UnboundedReceiver<Out>),
    crate::sessions::CapacityError,
> {
    let slot = app.sessions.acquire()?;
    let (in_tx, in_rx) = mpsc::unbounded_channel::<String>();
    let (out_tx, out_rx) = mpsc::unbounded_channel();
    let frames = futures_util::stream::unfold(in_rx, |mut rx| async move {
        let text = rx.recv().await?;
        Some((Ok(AggregatedMessage::Text(text.into())), rx))
    });
    WsSession::create(move |ctx| {
        ctx.add_stream(frames);
        WsSession::new(app, mode, slot, Outlet::Channel(out_tx))
    });
    Ok((in_tx, out_rx))
}

fn env_error_frame(e: EnvError) -> Value {
    match e {
        EnvError::Validation(errors) => validation_frame(errors),
        EnvError::Execution(msg) => error_frame(EXECUTION_ERROR, &msg, Map::new()),
    }
}

/// Cheap pre-check so a `close` queued behind in-flight work frees the slot
/// the moment it arrives.
fn is_close_request(text: &str) -> bool {
    text.len() < 64
        && matches!(
            serde_json::from_str::<Value>(text),
            Ok(Value::Object(o)) if o.len() == 1 && o.get("type") == Some(&Value::from("close"))
        )
}

/// Spec 5.5: parse JSON, read `type`, validate the envelope, validate the
/// action. Errors come back as a metrics label and the error frame to send.
fn parse_request(text: &str) -> Result<Request, (&'static str, Value)> {
    let v: Value = dataset_core::input::parse_json(text).map_err(|e| {
        (
            "invalid",
            error_frame(INVALID_JSON, &format!("Invalid JSON: {e}"), Map::new()),
        )
    })?;
    let obj = match v {
        Value::Object(o) => o,
        other => {
            // The reference kills the session here (SESSION_ERROR); an error
            // reply that keeps the connection is the better behaviour.
            return Err((
                "invalid",
                validation_frame(vec![verr(
                    "model_type",
                    &[],
                    "Input should be an object",
                    other,
                )]),
            ));
        }
    };
    let kind = match obj.get("type") {
        None => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    };
    let allowed: &[&str] = match kind.as_str() {
        "reset" | "step" | "mcp" => &["type", "data"],
        "state" | "close" => &["type"],
        _ => {
            return Err((
                "unknown",
                error_frame(
                    UNKNOWN_TYPE,
                    &format!("Unknown message type: {}", dataset_core::input::echo(&kind)),
                    Map::new(),
                ),
            ))
        }
    };
    let label: &'static str = match kind.as_str() {
        "reset" => "reset",
        "step" => "step",
        "mcp" => "mcp",
        "state" => "state",
        _ => "close",
    };
    let mut errors: Vec<Value> = obj
        .iter()
        .filter(|(k, _)| !allowed.contains(&k.as_str()))
        .map(|(k, v)| extra_forbidden(vec![Value::from(k.as_str())], v.clone()))
        .collect();
    let data_at = || vec![Value::from("data")];
    let data = obj.get("data");
    let req = match kind.as_str() {
        "reset" => match data {
            None => Some(Request::Reset(Map::new())),
            Some(Value::Object(m)) => Some(Request::Reset(m.clone())),
            Some(other) => {
                errors.push(dict_type(data_at(), other.clone()));
                None
            }
        },
        "step" | "mcp" => match data {
            None => {
                errors.push(missing(data_at(), Value::Object(obj.clone())));
                None
            }
            Some(d @ Value::Object(_)) if kind == "mcp" => Some(Request::Mcp(d.clone())),
            // The action is checked only once the envelope is valid.
            Some(d @ Value::Object(_)) if errors.is_empty() => match validate_action(d, &[]) {
                Ok(answer) => Some(Request::Step(answer)),
                Err(e) => {
                    errors.extend(e);
                    None
                }
            },
            Some(Value::Object(_)) => None,
            Some(other) => {
                errors.push(dict_type(data_at(), other.clone()));
                None
            }
        },
        "state" => Some(Request::State),
        _ => Some(Request::Close),
    };
    match req {
        Some(r) if errors.is_empty() => Ok(r),
        _ => Err((label, validation_frame(errors))),
    }
}

impl Actor for WsSession {
    type Context = Context<Self>;

    fn started(&mut self, ctx: &mut Context<Self>) {
        let shutting_down = self
            .slot
            .as_ref()
            .is_some_and(|slot| slot.attach(ctx.address().recipient()));
        if shutting_down {
            // Shutdown's `close_all` ran before this actor could be reached;
            // left alone, the session would hold the graceful stop for the
            // whole shutdown_timeout and then lose its connection unclosed.
            self.draining = true;
            self.pump(ctx);
        }
        let every = self.app.settings.heartbeat_interval;
        let dead_after = self.app.settings.client_timeout;
        ctx.run_interval(every, move |act, ctx| {
            if act.closing {
                return;
            }
            if act.last_heard.elapsed() > dead_after {
                tracing::info!("closing a session whose peer stopped answering pings");
                act.close(ctx, CloseCode::Away, "no heartbeat", "heartbeat");
                ctx.stop();
            } else {
                act.emit(ctx, Message::Ping(Bytes::new()));
            }
        });
    }

    fn stopped(&mut self, _: &mut Context<Self>) {
        self.release("disconnect");
    }
}

impl StreamHandler<Result<AggregatedMessage, ProtocolError>> for WsSession {
    fn handle(&mut self, msg: Result<AggregatedMessage, ProtocolError>, ctx: &mut Context<Self>) {
        self.last_heard = Instant::now();
        match msg {
            Ok(AggregatedMessage::Ping(b)) => {
                self.emit(ctx, Message::Pong(b));
            }
            Ok(AggregatedMessage::Pong(_)) => {}
            Ok(AggregatedMessage::Close(_)) => {
                // The handshake is complete once both sides sent a close frame;
                // stopping now drops the request stream so actix ends the
                // connection instead of waiting for the client to.
                self.close(ctx, CloseCode::Normal, "", "client_close");
                ctx.stop();
            }
            Ok(AggregatedMessage::Text(t)) => {
                if self.closing || self.draining {
                    return;
                }
                if self.mode == Mode::Env
                    && (self.busy || !self.queue.is_empty())
                    && is_close_request(&t)
                {
                    self.release("client_close");
                }
                self.enqueue(ctx, Incoming::Text(t));
            }
            Ok(AggregatedMessage::Binary(_)) => {
                if self.closing || self.draining {
                    return;
                }
                self.enqueue(ctx, Incoming::Binary);
            }
            Err(e) => {
                let (code, why) = match (self.watch.as_ref().and_then(|w| w.violation()), &e) {
                    (Some(v @ Violation::TooBig { .. }), _) => (CloseCode::Size, v.reason()),
                    (Some(v @ Violation::CloseCode(_)), _) => (CloseCode::Protocol, v.reason()),
                    (None, ProtocolError::Overflow) => (CloseCode::Size, e.to_string()),
                    // actix-ws reports a text message that is not UTF-8 so.
                    (None, ProtocolError::Io(io))
                        if io.kind() == std::io::ErrorKind::InvalidData =>
                    {
                        (CloseCode::Invalid, "text message is not valid UTF-8".into())
                    }
                    _ => (CloseCode::Protocol, e.to_string()),
                };
                tracing::debug!(error = %e, "websocket protocol error");
                self.close(ctx, code, &why, "protocol_error");
            }
        }
    }

    fn finished(&mut self, ctx: &mut Context<Self>) {
        ctx.stop();
    }
}

/// The rest of a `pump` turn that ran out of time.
#[derive(Message)]
#[rtype(result = "()")]
struct Resume;

impl Handler<Resume> for WsSession {
    type Result = ();

    fn handle(&mut self, _: Resume, ctx: &mut Context<Self>) {
        self.turn = None;
        self.pump(ctx);
    }
}

impl Handler<ServerClose> for WsSession {
    type Result = ();

    fn handle(&mut self, msg: ServerClose, ctx: &mut Context<Self>) {
        match msg {
            ServerClose::Idle => self.close(ctx, CloseCode::Normal, "idle timeout", "idle"),
            ServerClose::Shutdown => {
                self.draining = true;
                self.pump(ctx);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> Value {
        match parse_request(text) {
            Err((_, f)) => f,
            Ok(_) => panic!("{text} should be rejected"),
        }
    }

    #[test]
    fn envelope_checks() {
        assert_eq!(err("{nope")["data"]["code"], INVALID_JSON);
        assert_eq!(err("")["data"]["code"], INVALID_JSON);
        assert_eq!(err("[1,2]")["data"]["code"], "VALIDATION_ERROR");
        let e = err(r#"{"type":"bogus"}"#);
        assert_eq!(e["data"]["message"], "Unknown message type: bogus");
        assert_eq!(
            err(r#"{"data":{}}"#)["data"]["message"],
            "Unknown message type: "
        );
        for bad in [
            r#"{"type":"step"}"#,
            r#"{"type":"step","data":{}}"#,
            r#"{"type":"step","data":{"answer":"1","bogus":2}}"#,
            r#"{"type":"step","data":{"answer":4}}"#,
            r#"{"type":"step","data":"4"}"#,
            r#"{"type":"state","data":{}}"#,
            r#"{"type":"reset","data":{},"extra":1}"#,
            r#"{"type":"reset","data":"x"}"#,
            r#"{"type":"close","data":{}}"#,
            r#"{"type":"mcp"}"#,
        ] {
            let e = err(bad);
            assert_eq!(e["data"]["code"], "VALIDATION_ERROR", "{bad}");
            assert!(!e["data"]["errors"].as_array().unwrap().is_empty(), "{bad}");
        }
        assert!(matches!(
            parse_request(r#"{"type":"reset"}"#),
            Ok(Request::Reset(_))
        ));
        assert!(matches!(
            parse_request(r#"{"type":"step","data":{"answer":"1","metadata":{}}}"#),
            Ok(Request::Step(a)) if a == "1"
        ));
        assert!(is_close_request(r#"{"type":"close"}"#));
    }

    #[test]
    fn observation_frames_match_the_value_form() {
        let mut meta = Map::new();
        meta.insert("source_dataset".into(), json!("x"));
        meta.insert("big".into(), json!(12345678901234567890u64));
        meta.insert("nested".into(), json!({"b": [1.5, null, "é\n"], "a": 0.1}));
        let item = dataset_core::Item {
            question: "Q \"quoted\"\n".into(),
            answer: "42".into(),
            metadata: meta.into(),
        };
        let reset = Envelope::reset(&item.question);
        let scored = Envelope {
            observation: crate::env::Observation {
                question: None,
                score: Some(0.25),
                correct_answer: Some(&item.answer),
                dataset_metadata: Some(&item.metadata),
            },
            reward: 0.25,
            done: true,
        };
        for env in [reset, scored] {
            let want = json!({"type": "observation", "data": env.to_value()}).to_string();
            assert_eq!(observation_frame(&env), want);
        }
        assert_eq!(
            observation_frame(&Envelope::reset("q")),
            r#"{"type":"observation","data":{"observation":{"question":"q","score":null,"correct_answer":null,"dataset_metadata":null},"reward":0.0,"done":false}}"#
        );
        assert!(!is_close_request(r#"{"type":"close","data":{}}"#));
    }

    /// Requests arriving while one is in flight queue up to
    /// `MAX_QUEUED_BYTES`; past that the session closes with 1008 instead of
    /// buffering without bound. The first reset asks for a maze item that
    /// takes seconds (120×120 grids, a distance it keeps missing), so the
    /// flood behind it cannot drain.
    #[actix_rt::test]
    async fn a_flood_of_requests_behind_in_flight_work_closes_with_1008() {
        let app = Arc::new(AppState::new(crate::settings::Settings::default()));
        let (tx, mut rx) = spawn_detached(app.clone(), Mode::Env).expect("a slot");
        let slow = json!({"type": "reset", "data": {"dataset_name": "maze", "seed": 5, "size": 10,
            "dataset_config": {"min_grid_size": 120, "max_grid_size": 120, "min_dist": 1, "max_dist": 2}}});
        tx.send(slow.to_string()).expect("session alive");
        // 64 KiB frames (invalid ones: they are only parsed when their turn comes).
        let big = format!(r#"{{"type":"state","pad":"{}"}}"#, "x".repeat(64 << 10));
        for _ in 0..MAX_QUEUED_BYTES / big.len() + 10 {
            if tx.send(big.clone()).is_err() {
                break;
            }
        }
        let mut texts = 0;
        let closed = loop {
            match tokio::time::timeout(Duration::from_secs(10), rx.recv()).await {
                Ok(Some(Out::Text(_))) => texts += 1,
                Ok(Some(Out::Close(reason))) => break Some(reason),
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => break None,
            }
        };
        let reason = closed.expect("a close frame");
        assert_eq!(reason.code, CloseCode::Policy);
        assert_eq!(reason.description.as_deref(), Some(TOO_MANY));
        // Nothing queued is answered once the session decided to close.
        assert_eq!(texts, 0);
    }
}
