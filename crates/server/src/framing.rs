//! A WebSocket payload guard: frame sizes refused from the frame header,
//! before the payload is buffered.
//!
//! actix-http's frame parser checks a frame's length against its limit only
//! once the whole frame has arrived, so a header declaring 2^62 bytes made
//! the server buffer whatever followed (hundreds of MiB per connection).
//! [`FrameGuard`] wraps the raw request payload that actix-ws decodes and
//! reads the frame headers as the bytes pass: a data frame, or a fragmented
//! message's running total, over `max_frame_bytes` ends the stream with an
//! error at once, so nothing beyond the limit is buffered and the session
//! closes with 1009.
//!
//! It also sees what actix-http reports too vaguely to answer well: an
//! invalid close code (actix says "Bad opcode") is named in the 1002 close
//! reason, and a connection that drops (TCP reset) ends the stream instead of
//! failing it, so a close frame that arrived just before the reset is still
//! decoded and counted as the client's close.

use std::cell::Cell;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use actix_web::dev::Payload;
use actix_web::error::PayloadError;
use actix_web::web::Bytes;
use futures_util::Stream;

/// What the guard stopped the stream for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Violation {
    /// A frame or fragmented message declared more than the limit.
    TooBig { limit: usize },
    /// A close frame carried a code RFC 6455 does not allow.
    CloseCode(u16),
}

impl Violation {
    /// The close reason sent back.
    pub fn reason(&self) -> String {
        match self {
            Violation::TooBig { limit } => {
                format!("message larger than max_frame_bytes ({limit} bytes)")
            }
            Violation::CloseCode(code) => format!("invalid close code {code}"),
        }
    }
}

/// What the guard learned, shared with the session that reads the stream
/// (same thread: the payload and the actor live on one worker).
#[derive(Debug, Default)]
pub struct Watch {
    violation: Cell<Option<Violation>>,
    dropped: Cell<bool>,
}

impl Watch {
    pub fn violation(&self) -> Option<Violation> {
        self.violation.get()
    }

    /// The connection failed under the stream (reset, I/O error).
    pub fn dropped(&self) -> bool {
        self.dropped.get()
    }
}

#[derive(Debug)]
enum State {
    /// Reading a frame header: `have` bytes of it so far.
    Header { buf: [u8; 14], have: usize },
    /// Skipping a payload; for a close frame, reading its code first.
    Body { left: u64, close: Option<CloseCode> },
}

/// The first two payload bytes of a close frame, unmasked as they pass.
#[derive(Debug)]
struct CloseCode {
    mask: [u8; 4],
    got: usize,
    code: [u8; 2],
}

const OP_CONTINUATION: u8 = 0;
const OP_TEXT: u8 = 1;
const OP_BINARY: u8 = 2;
const OP_CLOSE: u8 = 8;

/// The request payload, passed through unchanged while frames stay in bounds.
pub struct FrameGuard {
    inner: Payload,
    max: usize,
    watch: Rc<Watch>,
    state: State,
    /// Bytes of the fragmented message in progress, if one is.
    message: Option<u64>,
    /// The rest of a chunk after the point where a violation was found: never
    /// passed on; its presence means "fail on the next poll".
    failed: bool,
    ended: bool,
}

impl FrameGuard {
    pub fn new(inner: Payload, max: usize) -> (FrameGuard, Rc<Watch>) {
        let watch = Rc::new(Watch::default());
        let guard = FrameGuard {
            inner,
            max,
            watch: watch.clone(),
            state: State::Header {
                buf: [0; 14],
                have: 0,
            },
            message: None,
            failed: false,
            ended: false,
        };
        (guard, watch)
    }

    /// The request's payload, guarded, for `actix_ws::handle`.
    pub async fn wrap(
        req: &actix_web::HttpRequest,
        body: actix_web::web::Payload,
        max: usize,
    ) -> actix_web::Result<(actix_web::web::Payload, Rc<Watch>)> {
        use actix_web::FromRequest;
        let (guard, watch) = FrameGuard::new(body.into_inner(), max);
        let mut guarded: Payload = Payload::Stream {
            payload: Box::pin(guard),
        };
        // The one public way to make a `web::Payload` from a raw payload.
        let payload = actix_web::web::Payload::from_request(req, &mut guarded).await?;
        Ok((payload, watch))
    }

    /// Walks `chunk`; `Some(n)`: a violation was found in a header whose
    /// first byte is at `n` (or before this chunk, then 0).
    fn scan(&mut self, chunk: &[u8]) -> Option<usize> {
        let mut i = 0;
        while i < chunk.len() {
            match &mut self.state {
                State::Header { buf, have } => {
                    let start = i.saturating_sub(*have);
                    buf[*have] = chunk[i];
                    *have += 1;
                    i += 1;
                    let Some(need) = header_len(&buf[..*have]) else {
                        continue;
                    };
                    if *have < need {
                        continue;
                    }
                    let header = *buf;
                    if let Err(v) = self.frame(&header[..need]) {
                        self.watch.violation.set(Some(v));
                        return Some(start);
                    }
                }
                State::Body { left, close } => {
                    if let Some(c) = close {
                        while c.got < 2 && *left > 0 && i < chunk.len() {
                            c.code[c.got] = chunk[i] ^ c.mask[c.got % 4];
                            c.got += 1;
                            *left -= 1;
                            i += 1;
                        }
                        if c.got == 2 {
                            let code = u16::from_be_bytes(c.code);
                            if !matches!(code, 1000..=1003 | 1007..=1014 | 3000..=4999) {
                                self.watch.violation.set(Some(Violation::CloseCode(code)));
                                return Some(i);
                            }
                            *close = None;
                        }
                    }
                    let take = (*left).min((chunk.len() - i) as u64);
                    *left -= take;
                    i += take as usize;
                    if *left == 0 && close.is_none() {
                        self.state = State::Header {
                            buf: [0; 14],
                            have: 0,
                        };
                    }
                }
            }
        }
        None
    }

    /// A complete header: checks it and sets up the body.
    fn frame(&mut self, h: &[u8]) -> Result<(), Violation> {
        let fin = h[0] & 0x80 != 0;
        let opcode = h[0] & 0x0f;
        let masked = h[1] & 0x80 != 0;
        let len = match h[1] & 0x7f {
            126 => u64::from(u16::from_be_bytes([h[2], h[3]])),
            127 => u64::from_be_bytes([h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9]]),
            n => u64::from(n),
        };
        let too_big = |n: u64| n > self.max as u64;
        match opcode {
            OP_TEXT | OP_BINARY => {
                if too_big(len) {
                    return Err(Violation::TooBig { limit: self.max });
                }
                self.message = (!fin).then_some(len);
            }
            OP_CONTINUATION => {
                let total = self.message.unwrap_or(0).saturating_add(len);
                if too_big(total) {
                    return Err(Violation::TooBig { limit: self.max });
                }
                self.message = (!fin).then_some(total);
            }
            // Control frames: at most 125 bytes, which actix-http enforces.
            _ => {}
        }
        let close = (opcode == OP_CLOSE && masked && len >= 2).then(|| {
            let m = &h[h.len() - 4..];
            CloseCode {
                mask: [m[0], m[1], m[2], m[3]],
                got: 0,
                code: [0; 2],
            }
        });
        self.state = if len == 0 {
            State::Header {
                buf: [0; 14],
                have: 0,
            }
        } else {
            State::Body { left: len, close }
        };
        Ok(())
    }
}

/// A client frame as a client library would write it (masked with the key
/// 1, 2, 3, 4), or as a hostile one might: `declared` overrides the length
/// the header states. For the tests that speak raw WebSocket to the server.
pub fn client_frame(fin: bool, opcode: u8, payload: &[u8], declared: Option<u64>) -> Vec<u8> {
    const MASK: [u8; 4] = [1, 2, 3, 4];
    let n = declared.unwrap_or(payload.len() as u64);
    let mut f = vec![(u8::from(fin) << 7) | opcode];
    match n {
        0..=125 => f.push(0x80 | n as u8),
        126..=0xffff => {
            f.push(0x80 | 126);
            f.extend_from_slice(&(n as u16).to_be_bytes());
        }
        _ => {
            f.push(0x80 | 127);
            f.extend_from_slice(&n.to_be_bytes());
        }
    }
    f.extend_from_slice(&MASK);
    f.extend(payload.iter().enumerate().map(|(i, b)| b ^ MASK[i % 4]));
    f
}

/// The full length of a header that starts with `h`, once `h` says it.
fn header_len(h: &[u8]) -> Option<usize> {
    if h.len() < 2 {
        return None;
    }
    let ext = match h[1] & 0x7f {
        126 => 2,
        127 => 8,
        _ => 0,
    };
    let mask = if h[1] & 0x80 != 0 { 4 } else { 0 };
    Some(2 + ext + mask)
}

impl Stream for FrameGuard {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if this.failed {
            this.failed = false;
            this.ended = true;
            return Poll::Ready(Some(Err(PayloadError::Overflow)));
        }
        if this.ended {
            return Poll::Ready(None);
        }
        match Pin::new(&mut this.inner).poll_next(cx) {
            Poll::Ready(Some(Ok(chunk))) => match this.scan(&chunk) {
                None => Poll::Ready(Some(Ok(chunk))),
                Some(0) => {
                    this.ended = true;
                    Poll::Ready(Some(Err(PayloadError::Overflow)))
                }
                Some(n) => {
                    this.failed = true;
                    Poll::Ready(Some(Ok(chunk.slice(..n))))
                }
            },
            Poll::Ready(Some(Err(e))) => {
                // The connection is gone: end the stream so what arrived
                // before (a close frame) is still decoded.
                tracing::debug!(error = %e, "websocket connection dropped");
                this.watch.dropped.set(true);
                this.ended = true;
                Poll::Ready(None)
            }
            Poll::Ready(None) => {
                this.ended = true;
                Poll::Ready(None)
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    fn header(fin: bool, opcode: u8, len: u64) -> Vec<u8> {
        client_frame(fin, opcode, &[], Some(len))
    }

    fn frame(fin: bool, opcode: u8, payload: &[u8]) -> Vec<u8> {
        client_frame(fin, opcode, payload, None)
    }

    /// Feeds `bytes` in chunks of `step` and collects what passes and how it ends.
    async fn feed(bytes: Vec<u8>, step: usize, max: usize) -> (usize, bool, Rc<Watch>) {
        let chunks: Vec<Result<Bytes, PayloadError>> = bytes
            .chunks(step)
            .map(|c| Ok(Bytes::copy_from_slice(c)))
            .collect();
        let inner: Payload = Payload::Stream {
            payload: Box::pin(futures_util::stream::iter(chunks)),
        };
        let (mut g, watch) = FrameGuard::new(inner, max);
        let (mut passed, mut failed) = (0, false);
        while let Some(r) = g.next().await {
            match r {
                Ok(b) => passed += b.len(),
                Err(_) => {
                    failed = true;
                    break;
                }
            }
        }
        (passed, failed, watch)
    }

    #[actix_rt::test]
    async fn frames_within_the_limit_pass_unchanged_in_any_chunking() {
        let mut bytes = frame(true, OP_TEXT, &[b'a'; 100]);
        bytes.extend(frame(false, OP_TEXT, &[b'b'; 60]));
        bytes.extend(frame(true, 9, b"ping"));
        bytes.extend(frame(true, OP_CONTINUATION, &[b'c'; 40]));
        bytes.extend(frame(true, OP_BINARY, &[0; 300]));
        bytes.extend(frame(true, OP_CLOSE, &1000u16.to_be_bytes()));
        for step in [1, 2, 3, 7, 64, 10_000] {
            let (passed, failed, watch) = feed(bytes.clone(), step, 300).await;
            assert_eq!((passed, failed), (bytes.len(), false), "step {step}");
            assert_eq!(watch.violation(), None);
        }
    }

    #[actix_rt::test]
    async fn an_oversize_header_fails_before_its_payload() {
        // A header declaring 2^62 bytes, then a megabyte of payload.
        let mut bytes = frame(true, OP_TEXT, b"ok");
        let good = bytes.len();
        bytes.extend(header(true, OP_BINARY, 1 << 62));
        bytes.extend(vec![0u8; 1 << 20]);
        for step in [1, 5, 4096] {
            let (passed, failed, watch) = feed(bytes.clone(), step, 1 << 16).await;
            assert!(failed, "step {step}");
            // At most the oversize header's own first bytes, when it came
            // split across chunks; none of its payload.
            assert!(passed < good + 14, "step {step}: {passed} bytes passed");
            assert_eq!(
                watch.violation(),
                Some(Violation::TooBig { limit: 1 << 16 })
            );
        }
        // Just over the limit fails; the limit itself passes.
        assert!(feed(frame(true, OP_TEXT, &[0; 301]), 64, 300).await.1);
        assert!(!feed(frame(true, OP_TEXT, &[0; 300]), 64, 300).await.1);
    }

    #[actix_rt::test]
    async fn a_fragmented_message_fails_once_its_running_total_passes_the_limit() {
        let mut bytes = Vec::new();
        bytes.extend(frame(false, OP_TEXT, &[b'a'; 100]));
        for _ in 0..10 {
            bytes.extend(frame(false, OP_CONTINUATION, &[b'a'; 100]));
        }
        let (passed, failed, watch) = feed(bytes, 50, 550).await;
        assert!(failed);
        assert!(passed < 700, "{passed}");
        assert!(matches!(watch.violation(), Some(Violation::TooBig { .. })));
        // Separate messages each within the limit are fine.
        let mut bytes = Vec::new();
        for _ in 0..10 {
            bytes.extend(frame(false, OP_TEXT, &[b'a'; 100]));
            bytes.extend(frame(true, OP_CONTINUATION, &[b'a'; 100]));
        }
        assert!(!feed(bytes, 50, 550).await.1);
    }

    #[actix_rt::test]
    async fn invalid_close_codes_are_named() {
        for (code, ok) in [
            (1000u16, true),
            (1005, false),
            (999, false),
            (4000, true),
            (2999, false),
        ] {
            let (_, failed, watch) =
                feed(frame(true, OP_CLOSE, &code.to_be_bytes()), 1, 1 << 10).await;
            assert_eq!(failed, !ok, "{code}");
            if !ok {
                assert_eq!(watch.violation(), Some(Violation::CloseCode(code)));
                assert_eq!(
                    watch.violation().unwrap().reason(),
                    format!("invalid close code {code}")
                );
            }
        }
    }

    #[actix_rt::test]
    async fn a_dropped_connection_ends_the_stream() {
        let chunks: Vec<Result<Bytes, PayloadError>> = vec![
            Ok(Bytes::from(frame(true, OP_CLOSE, &1000u16.to_be_bytes()))),
            Err(PayloadError::Incomplete(None)),
        ];
        let inner: Payload = Payload::Stream {
            payload: Box::pin(futures_util::stream::iter(chunks)),
        };
        let (mut g, watch) = FrameGuard::new(inner, 1024);
        assert!(matches!(g.next().await, Some(Ok(_))));
        assert!(g.next().await.is_none());
        assert!(watch.dropped());
    }
}
