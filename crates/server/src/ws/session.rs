//! The session actor: one per `WS /ws` (or `WS /mcp`) connection.
//!
//! It owns the connection's environment (dataset handle, cursor, current
//! item, episode id, step count). Frames are answered strictly one-for-one and
//! in order (PROTOCOL.md §5.3): while a reset or step is in flight (on the
//! worker pool) later frames wait in `queue`, but control frames are handled
//! at once, so pings are answered however long generation takes. Replies go
//! out through [`Replies`].

use std::rc::Rc;
use std::sync::Arc;
use std::time::{Duration, Instant};

use actix::prelude::*;
use actix_web::web::Bytes;
use actix_ws::{AggregatedMessage, CloseCode, Message, ProtocolError};
use bytestring::ByteString;
use serde_json::{json, Map, Value};

use super::fifo::{Fifo, Weighed};
use super::frames::{env_error_frame, is_close_request, observation_frame, parse_request, Request};
use super::outlet::{close_reason, Emitted, Outlet, Replies};
use crate::app::AppState;
use crate::env::{Env, Now, ResetOutcome, StepOutcome};
use crate::error::EnvError;
use crate::framing::{Violation, Watch};
use crate::metrics::metrics;
use crate::protocol::{error_frame, EXECUTION_ERROR, INVALID_JSON};
use crate::sessions::{ServerClose, Slot};
use crate::socket::{Drain, Socket};

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
/// The 1008 close reason.
pub const TOO_MANY: &str = "too many requests waiting for a reply";

/// Drains the replies' backlog as the sink makes room; spawned only when
/// the sink was full, which a client that reads its replies never causes.
struct FlushBacklog;

impl ActorFuture<WsSession> for FlushBacklog {
    type Output = ();

    fn poll(
        self: std::pin::Pin<&mut Self>,
        act: &mut WsSession,
        _: &mut Context<WsSession>,
        task: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if act.replies.drain(task) {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    }
}

enum Incoming {
    Text(ByteString),
    Binary,
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

/// What a session knows of the connection under it; all `None` for a
/// detached session (no network).
#[derive(Default)]
pub struct Connection {
    pub socket: Option<Socket>,
    pub watch: Option<Rc<Watch>>,
    pub drain: Option<Rc<Drain>>,
    /// The client asked for the `reason` of execution errors (`/ws?reasons=1`).
    pub reasons: bool,
}

pub struct WsSession {
    app: Arc<AppState>,
    mode: Mode,
    slot: Option<Slot>,
    replies: Replies,
    env: Env,
    queue: Fifo<Incoming>,
    busy: bool,
    /// A close frame has been sent (or the peer's received): nothing more is read.
    closing: bool,
    /// What the frame guard saw on the way in.
    watch: Option<Rc<Watch>>,
    /// Execution errors carry their `reason` (see [`Connection::reasons`]).
    reasons: bool,
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

    /// A session on a real connection: its descriptor, frame guard and
    /// write counter.
    pub fn with_socket(
        app: Arc<AppState>,
        mode: Mode,
        slot: Slot,
        out: Outlet,
        conn: Connection,
    ) -> WsSession {
        WsSession {
            watch: conn.watch,
            reasons: conn.reasons,
            turn: None,
            app,
            mode,
            slot: Some(slot),
            replies: Replies::new(out, conn.socket, conn.drain),
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

    /// Sends a frame (see [`Replies::emit`]); ends the session when the
    /// client has stopped reading its replies.
    fn emit(&mut self, ctx: &mut Context<Self>, msg: Message) {
        match self.replies.emit(msg) {
            Emitted::Done => {}
            Emitted::Blocked => {
                ctx.spawn(FlushBacklog);
            }
            Emitted::SlowReader => {
                tracing::info!("dropping a session that stopped reading its replies");
                self.release("slow_reader");
                self.closing = true;
                self.queue.clear();
                ctx.stop();
            }
        }
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
        if self.queue.bytes() + frame.weight() > MAX_QUEUED_BYTES {
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
                // Refusals, cached and cheap items are answered here; only a
                // build or a dataset not yet known to be cheap waits on
                // another thread.
                match self.env.start_reset(&params, &self.app.supervisor) {
                    Now::Done(res) => self.finish_reset(ctx, res, started),
                    Now::Later(job) => {
                        let sup = self.app.supervisor.clone();
                        self.wait_for(
                            ctx,
                            async move { job.run(&sup).await },
                            move |act, ctx, res| act.finish_reset(ctx, res, started),
                        );
                    }
                }
            }
            Request::Step(answer) => {
                m.message("step");
                self.touch();
                let started = Instant::now();
                match self.env.start_step(answer, &self.app.supervisor) {
                    Now::Done(res) => self.finish_step(ctx, res, started),
                    Now::Later(job) => {
                        let sup = self.app.supervisor.clone();
                        self.wait_for(
                            ctx,
                            async move { job.run(&sup).await },
                            move |act, ctx, res| act.finish_step(ctx, res, started),
                        );
                    }
                }
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
        match self.env.finish_reset(res, started) {
            Ok(envelope) => {
                let text = observation_frame(&envelope);
                self.send_text(ctx, text);
            }
            Err(e) => self.send(ctx, &env_error_frame(e, self.reasons)),
        }
    }

    fn finish_step(
        &mut self,
        ctx: &mut Context<Self>,
        res: Result<StepOutcome, EnvError>,
        started: Instant,
    ) {
        match self.env.finish_step(res, started) {
            Ok(outcome) => self.send_text(ctx, observation_frame(&outcome.envelope())),
            Err(e) => self.send(ctx, &env_error_frame(e, self.reasons)),
        }
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
