//! Where a session's replies go, and what happens when the client does not
//! read them: the sink, its ordered backlog, pong coalescing, and the
//! slow-reader kill.
//!
//! Replies go straight into the connection's actix-ws sink (no writer task,
//! no extra channel hop). Only when the sink is full (a client not reading)
//! do they wait, in order, in a backlog the session drains as the sink makes
//! room. What the client leaves unread, in the backlog and in actix's own
//! buffers ([`Drain`]), is bounded: past [`MAX_BACKLOG_BYTES`] the connection's
//! socket is shut down under actix ([`Socket::kill`]), since a close frame
//! would only wait behind everything unread.

use std::pin::Pin;
use std::rc::Rc;
use std::task::Poll;

use actix_web::web::Bytes;
use actix_ws::{CloseCode, CloseReason, Message};
use futures_util::Sink;
use tokio::sync::mpsc;

use super::fifo::{Fifo, Weighed};
use crate::socket::{wire_len, Drain, Socket};

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
/// sink, or into a channel ([`super::detached`]).
pub enum Outlet {
    Socket(actix_ws::Session),
    Channel(mpsc::UnboundedSender<Out>),
}

/// RFC 6455 caps a close frame's reason at 123 bytes.
pub fn close_reason(code: CloseCode, why: &str) -> CloseReason {
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

/// Replies count their text; control frames a little.
impl Weighed for Message {
    fn weight(&self) -> usize {
        match self {
            Message::Text(t) => t.len(),
            _ => CONTROL_WEIGHT,
        }
    }
}

/// What [`Replies::emit`] did with a frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Emitted {
    /// Sent, queued behind earlier frames, or dropped because the
    /// connection is gone: nothing for the session to do.
    Done,
    /// Queued because the sink is full: the session must drain the backlog
    /// as the sink makes room (`Replies::drain` from a spawned future).
    Blocked,
    /// The client left more than [`MAX_BACKLOG_BYTES`] unread (here and in
    /// actix's buffers): the backlog
    /// is dropped and the socket shut down; the session must end.
    SlowReader,
}

/// The sink and its backlog.
pub struct Replies {
    out: Outlet,
    /// Frames the sink had no room for yet, in order.
    backlog: Fifo<Message>,
    /// The sink failed: the connection is gone, nothing more is sent.
    gone: bool,
    /// The connection's descriptor, to end it when a close frame cannot
    /// (a client that does not read); `None` for detached sessions.
    socket: Option<Socket>,
    /// How far actix has written what was handed to the sink, and what was
    /// handed (wire bytes): their difference is unread by the client.
    drain: Option<Rc<Drain>>,
    sent: u64,
}

impl Replies {
    pub fn new(out: Outlet, socket: Option<Socket>, drain: Option<Rc<Drain>>) -> Replies {
        Replies {
            out,
            backlog: Fifo::new(),
            gone: false,
            socket,
            drain,
            sent: 0,
        }
    }

    /// Hands a frame to the sink at once when it has room (always, unless the
    /// client stopped reading); otherwise queues it behind the others.
    pub fn emit(&mut self, msg: Message) -> Emitted {
        if self.gone {
            return Emitted::Done;
        }
        let was_idle = self.backlog.is_empty();
        let msg = if matches!(msg, Message::Pong(_)) {
            // A client pinging without reading needs only the latest pong.
            match self.backlog.replace(msg, |m| matches!(m, Message::Pong(_))) {
                Some(msg) => msg,
                None => return Emitted::Done,
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
        let unread = self.backlog.bytes() as u64 + in_actix;
        if unread > 0 && unread + msg.weight() as u64 > MAX_BACKLOG_BYTES as u64 {
            // No close frame: it would wait behind everything else unread.
            // The socket is shut down under actix instead, which then drops
            // the connection and its buffers.
            self.backlog.clear();
            self.gone = true;
            // The sink must still be open: then the connection is, and the
            // descriptor is still its own (see `socket`).
            let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
            if let (Some(socket), Ok(_)) = (&self.socket, self.out.poll_ready(&mut cx)) {
                socket.kill();
            }
            return Emitted::SlowReader;
        }
        self.backlog.push_back(msg);
        if was_idle {
            let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
            if !self.drain(&mut cx) {
                return Emitted::Blocked;
            }
        }
        Emitted::Done
    }

    /// Sends queued frames while the sink has room; true once none is left
    /// (sent, or dropped because the connection is gone).
    pub fn drain(&mut self, cx: &mut std::task::Context<'_>) -> bool {
        while let Some(msg) = self.backlog.pop_front() {
            match self.out.poll_ready(cx) {
                Ok(true) => {
                    let bytes = match &msg {
                        Message::Text(t) => wire_len(t.len()),
                        Message::Ping(b) | Message::Pong(b) => wire_len(b.len()),
                        _ => wire_len(0),
                    };
                    if self.out.start_send(msg).is_err() {
                        self.gone = true;
                    } else {
                        self.sent += bytes;
                    }
                }
                Ok(false) => {
                    self.backlog.push_front(msg);
                    return false;
                }
                Err(()) => self.gone = true,
            }
            if self.gone {
                self.backlog.clear();
            }
        }
        true
    }
}
