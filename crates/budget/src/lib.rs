//! A cooperative stop for work that may outlive its caller.
//!
//! The server runs generation and scoring on worker threads under a time
//! limit. A Rust thread cannot be killed, so a generator that runs for a
//! minute would keep a core busy for that minute after its caller got a
//! timeout reply and left. Instead, the work runs under a [`Token`]
//! ([`run`]), and long loops call [`check`]: once the token is stopped (the
//! time limit fired, the session went away, the server is shutting down) the
//! next check unwinds the work with a [`Stopped`] payload, which [`run`]
//! catches and turns into `Err(Stopped)`.
//!
//! Unwinding rather than a `Result` at every check is deliberate: the checks
//! sit deep in code shared by every dataset (`pyrandom`'s MT19937 refill,
//! big-number loops), whose signatures mirror Python functions that cannot
//! fail; threading a `Result` through all of them for a condition that only
//! the server's worker pool ever sets would change every dataset. Outside
//! [`run`] (the CLI, tests, benches) no token is installed and [`check`] is
//! a thread-local read.
//!
//! The checks are cheap enough for hot loops: one thread-local pointer read
//! and, under a token, one relaxed atomic load.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Shared between the waiter and the work: the waiter stops it, the work
/// checks it.
#[derive(Debug, Default)]
pub struct Token {
    stopped: AtomicBool,
}

impl Token {
    pub fn new() -> Arc<Token> {
        Arc::new(Token::default())
    }

    /// Asks the work to stop at its next [`check`]; idempotent.
    pub fn stop(&self) {
        self.stopped.store(true, Ordering::Relaxed);
    }

    pub fn is_stopped(&self) -> bool {
        self.stopped.load(Ordering::Relaxed)
    }
}

/// Stops the token when dropped: the waiter holds one, so a waiter that
/// goes away (timeout, closed session, dropped future) stops its work.
#[derive(Debug)]
pub struct StopOnDrop(pub Arc<Token>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// The work was stopped through its token before it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped")
    }
}

impl std::error::Error for Stopped {}

/// How [`run`] ended when it did not return a value.
#[derive(Debug)]
pub enum Failed {
    /// Stopped through the token.
    Stopped,
    /// The work panicked; the panic's message.
    Panicked(String),
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Token>>> = const { RefCell::new(None) };
}

/// Unwinds the current work if its token was stopped. A no-op outside [`run`].
#[inline]
pub fn check() {
    let stopped = CURRENT.with(|c| c.borrow().as_ref().is_some_and(|t| t.is_stopped()));
    if stopped {
        stop_now();
    }
}

#[cold]
#[inline(never)]
fn stop_now() -> ! {
    // `resume_unwind`, unlike `panic!`, skips the panic hook: a stop is not
    // a fault and prints nothing.
    panic::resume_unwind(Box::new(Stopped))
}

/// Runs `f` with `token` as the current token of this thread, catching both
/// a stop and any panic (a bug in a generator must not take its thread down).
pub fn run<T>(token: Arc<Token>, f: impl FnOnce() -> T) -> Result<T, Failed> {
    if token.is_stopped() {
        return Err(Failed::Stopped);
    }
    let previous = CURRENT.with(|c| c.borrow_mut().replace(token));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CURRENT.with(|c| *c.borrow_mut() = previous);
    result.map_err(|payload| {
        if payload.is::<Stopped>() {
            Failed::Stopped
        } else if let Some(s) = payload.downcast_ref::<&str>() {
            Failed::Panicked((*s).to_string())
        } else if let Some(s) = payload.downcast_ref::<String>() {
            Failed::Panicked(s.clone())
        } else {
            Failed::Panicked("panic".to_string())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn check_is_a_no_op_outside_run() {
        check();
    }

    #[test]
    fn a_stopped_token_unwinds_the_work_at_its_next_check() {
        let token = Token::new();
        let t = token.clone();
        let stopper = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            t.stop();
        });
        let started = Instant::now();
        let r = run(token, || loop {
            check();
            std::hint::spin_loop();
        });
        stopper.join().expect("stopper");
        assert!(matches!(r, Err(Failed::Stopped)));
        assert!(started.elapsed() < Duration::from_secs(5));
        // The thread's token is gone again.
        check();
    }

    #[test]
    fn work_that_finishes_returns_its_value_and_panics_are_caught() {
        assert_eq!(run(Token::new(), || 7).ok(), Some(7));
        let r = run(Token::new(), || -> u8 { panic!("boom {}", 1) });
        assert!(matches!(r, Err(Failed::Panicked(m)) if m == "boom 1"));
        let stopped = Token::new();
        stopped.stop();
        let mut ran = false;
        assert!(matches!(run(stopped, || ran = true), Err(Failed::Stopped)));
        assert!(!ran, "work whose token is already stopped never starts");
    }

    #[test]
    fn stop_on_drop_stops() {
        let t = Token::new();
        drop(StopOnDrop(t.clone()));
        assert!(t.is_stopped());
    }

    #[test]
    fn nested_runs_restore_the_outer_token() {
        let outer = Token::new();
        let o = outer.clone();
        let r = run(outer, || {
            let inner = run(Token::new(), || 1);
            o.stop();
            // The outer token is current again: this check stops.
            check();
            inner
        });
        assert!(matches!(r, Err(Failed::Stopped)));
    }
}
