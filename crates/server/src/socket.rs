//! The server's own way to end a WebSocket connection's socket.
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
use std::os::fd::{AsRawFd, RawFd};

use actix_web::dev::Extensions;
use actix_web::HttpRequest;

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
