//! The server's own view of a WebSocket connection's outgoing side: how
//! much of what it sent is still unread ([`Drain`]), and a way to end the
//! socket ([`Socket::kill`]).
//!
//! Ending a session normally sends a close frame and lets actix finish the
//! response. That cannot end a connection whose client stopped reading: the
//! close frame waits behind everything unread and actix keeps the socket, its
//! descriptor and its buffers for as long as the client keeps the TCP
//! connection open. [`Socket::kill`] shuts the connection down under actix,
//! whose next read or write then fails, and actix drops it.
//!
//! A [`Socket`] is only the descriptor's number, recorded when the connection
//! was accepted; no duplicate is held, because a duplicate would keep every
//! socket open (no FIN) until the session let go of it. The number is only
//! used while the connection is certainly still open: the session kills only
//! while its reply channel is open, and that channel's receiver is owned by
//! the response actix is writing on this very connection, on the same
//! thread as the session, so the descriptor cannot have been closed (and its
//! number reused) in between.

use std::any::Any;
use std::cell::Cell;
use std::os::fd::{AsRawFd, RawFd};
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::dev::Extensions;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};

/// The raw descriptor of a connection, recorded when it is accepted.
#[derive(Clone, Copy)]
struct ConnFd(RawFd);

/// For `HttpServer::on_connect`: records each TCP connection's descriptor.
pub fn on_connect(conn: &dyn Any, ext: &mut Extensions) {
    if let Some(tcp) = conn.downcast_ref::<actix_web::rt::net::TcpStream>() {
        ext.insert(ConnFd(tcp.as_raw_fd()));
    }
}

/// The descriptor of a session's connection (see the module docs for when
/// it may be used).
pub struct Socket(RawFd);

impl Socket {
    /// The connection `req` arrived on.
    pub fn of(req: &HttpRequest) -> Option<Socket> {
        req.conn_data::<ConnFd>().map(|&ConnFd(fd)| Socket(fd))
    }

    /// Ends the connection now, whatever is left unsent or unread. Only
    /// while the connection's response is still alive (module docs).
    pub fn kill(&self) {
        // SAFETY: shutdown takes plain integers; the caller guarantees the
        // descriptor is still this connection's.
        unsafe {
            libc::shutdown(self.0, libc::SHUT_RDWR);
        }
    }
}

/// How far actix has taken a session's outgoing bytes, as seen from its
/// response body.
///
/// actix-ws moves frames from its 32-frame channel into its response body,
/// which actix pulls whenever its write buffer is nearly empty (under 32
/// KiB) — so once a reply is handed to the sink the session no longer sees
/// it, and a client that stops reading can have tens of MiB sitting in
/// actix's buffers. Counting what the body hands over, and noting at each
/// pull that what came before has been written, gives the session the bytes
/// still unread by its client.
#[derive(Debug, Default)]
pub struct Drain {
    pulled: Cell<u64>,
    written: Cell<u64>,
}

impl Drain {
    /// Bytes actix has written to the socket (within its 32 KiB buffer).
    pub fn written(&self) -> u64 {
        self.written.get()
    }
}

/// The WebSocket response body, counted into a [`Drain`].
pub struct CountingBody {
    inner: BoxBody,
    drain: Rc<Drain>,
}

impl CountingBody {
    /// Wraps `resp`'s body; the drain is the session's to read.
    pub fn wrap(resp: HttpResponse) -> (HttpResponse, Rc<Drain>) {
        let drain = Rc::new(Drain::default());
        let counted = drain.clone();
        let resp = resp.map_body(move |_, inner| CountingBody {
            inner,
            drain: counted,
        });
        (resp.map_into_boxed_body(), drain)
    }
}

impl MessageBody for CountingBody {
    type Error = Box<dyn std::error::Error>;

    fn size(&self) -> BodySize {
        self.inner.size()
    }

    fn poll_next(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        // actix asks for more only once its write buffer is nearly empty:
        // everything pulled before has gone to the socket.
        self.drain.written.set(self.drain.pulled.get());
        let polled = Pin::new(&mut self.inner).poll_next(cx);
        if let Poll::Ready(Some(Ok(bytes))) = &polled {
            let pulled = self.drain.pulled.get() + bytes.len() as u64;
            self.drain.pulled.set(pulled);
        }
        polled
    }
}

/// Bytes a server frame with a payload of `len` bytes takes on the wire
/// (header, no mask), as actix-ws encodes it.
pub fn wire_len(len: usize) -> u64 {
    let header = match len {
        0..=125 => 2,
        126..=0xffff => 4,
        _ => 10,
    };
    (header + len) as u64
}
