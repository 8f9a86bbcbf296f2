//! Session slots: the capacity limit, the idle reaper, and the list of live
//! sessions that shutdown closes.
//!
//! A slot is taken by every `WS /ws` and `WS /mcp` connection and by every
//! `openenv/session/create` over `POST /mcp`. Slots are released the moment a
//! session ends (a `close` message, a disconnect, a reap), before any close
//! frame is sent, because clients reconnect immediately after `close()`.

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock};
use std::time::{Duration, Instant};

use actix::prelude::*;
use dashmap::DashMap;

use crate::metrics::metrics;

/// Sent to a session actor that must end: reaped, or the server is stopping.
#[derive(Message, Clone, Copy, Debug, PartialEq, Eq)]
#[rtype(result = "()")]
pub enum ServerClose {
    Idle,
    Shutdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapacityError {
    pub active: usize,
    pub max: usize,
}

/// Milliseconds since the process started: a clock an atomic can hold.
fn now_ms() -> u64 {
    static EPOCH: LazyLock<Instant> = LazyLock::new(Instant::now);
    EPOCH.elapsed().as_millis() as u64
}

struct Entry {
    /// `None` for sessions created over `POST /mcp` (no connection to close).
    actor: Option<Recipient<ServerClose>>,
    last_activity: Arc<AtomicU64>,
}

pub struct Sessions {
    max: usize,
    active: AtomicUsize,
    entries: DashMap<String, Entry>,
    /// `close_all` has run: sessions attaching later must close themselves.
    closing: AtomicBool,
}

/// Proof of a held slot; dropping it releases the slot.
pub struct Slot {
    id: String,
    sessions: Arc<Sessions>,
    last_activity: Arc<AtomicU64>,
}

impl Slot {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Marks activity (connect, reset, step, mcp; not state).
    pub fn touch(&self) {
        self.last_activity.store(now_ms(), Ordering::Relaxed);
    }

    /// Lets shutdown and the reaper reach the connection's actor. Returns
    /// true when shutdown has already begun, so the caller must close itself:
    /// an actor attaches in its `started`, after the upgrade took the slot, and
    /// a `close_all` in between finds no actor to tell.
    pub fn attach(&self, actor: Recipient<ServerClose>) -> bool {
        if let Some(mut e) = self.sessions.entries.get_mut(&self.id) {
            e.actor = Some(actor);
        }
        // The entry's shard lock orders this against `close_all`'s walk: either
        // the walk sees the actor, or this load sees the flag set before it.
        self.sessions.closing.load(Ordering::SeqCst)
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.sessions.release(&self.id);
    }
}

impl Sessions {
    pub fn new(max: usize) -> Arc<Sessions> {
        Arc::new(Sessions {
            max,
            active: AtomicUsize::new(0),
            entries: DashMap::new(),
            closing: AtomicBool::new(false),
        })
    }

    pub fn active(&self) -> usize {
        self.active.load(Ordering::SeqCst)
    }

    pub fn max(&self) -> usize {
        self.max
    }

    pub fn contains(&self, id: &str) -> bool {
        self.entries.contains_key(id)
    }

    /// Takes a slot if one is free.
    pub fn acquire(self: &Arc<Self>) -> Result<Slot, CapacityError> {
        let max = self.max;
        self.active
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < max).then_some(n + 1)
            })
            .map_err(|active| {
                metrics().sessions_refused.inc();
                CapacityError { active, max }
            })?;
        let id = uuid::Uuid::new_v4().to_string();
        let last_activity = Arc::new(AtomicU64::new(now_ms()));
        self.entries.insert(
            id.clone(),
            Entry {
                actor: None,
                last_activity: last_activity.clone(),
            },
        );
        let m = metrics();
        m.sessions_opened.inc();
        m.active_sessions.inc();
        Ok(Slot {
            id,
            sessions: self.clone(),
            last_activity,
        })
    }

    /// Frees a slot; idempotent. Returns whether it was held.
    pub fn release(&self, id: &str) -> bool {
        if self.entries.remove(id).is_some() {
            self.active.fetch_sub(1, Ordering::SeqCst);
            metrics().active_sessions.dec();
            true
        } else {
            false
        }
    }

    /// Ends the sessions idle for longer than `timeout`: frees their slots and
    /// tells their connections to close.
    pub fn reap(&self, timeout: Duration) -> usize {
        let limit = timeout.as_millis() as u64;
        let now = now_ms();
        let stale: Vec<String> = self
            .entries
            .iter()
            .filter(|e| now.saturating_sub(e.last_activity.load(Ordering::Relaxed)) > limit)
            .map(|e| e.key().clone())
            .collect();
        let mut n = 0;
        for id in stale {
            if let Some((_, entry)) = self.entries.remove(&id) {
                self.active.fetch_sub(1, Ordering::SeqCst);
                let m = metrics();
                m.active_sessions.dec();
                m.closed("idle");
                if let Some(actor) = entry.actor {
                    actor.do_send(ServerClose::Idle);
                }
                n += 1;
            }
        }
        n
    }

    /// Tells every connected session to finish its in-flight work and close.
    pub fn close_all(&self) -> usize {
        self.closing.store(true, Ordering::SeqCst);
        let actors: Vec<Recipient<ServerClose>> = self
            .entries
            .iter()
            .filter_map(|e| e.actor.clone())
            .collect();
        for a in &actors {
            a.do_send(ServerClose::Shutdown);
        }
        actors.len()
    }

    /// Periodically reaps idle sessions. The period is a quarter of the
    /// timeout, clamped to [50 ms, 5 s], so a short timeout is honoured closely.
    pub fn spawn_reaper(self: &Arc<Self>, timeout: Duration) -> actix_rt::task::JoinHandle<()> {
        let sessions = Arc::downgrade(self);
        let period = (timeout / 4).clamp(Duration::from_millis(50), Duration::from_secs(5));
        actix_rt::spawn(async move {
            let mut tick = tokio::time::interval(period);
            loop {
                tick.tick().await;
                match sessions.upgrade() {
                    Some(s) => {
                        let n = s.reap(timeout);
                        if n > 0 {
                            tracing::info!(reaped = n, "closed idle sessions");
                        }
                    }
                    None => break,
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capacity_and_release() {
        let s = Sessions::new(2);
        let a = s.acquire().unwrap();
        let b = s.acquire().unwrap();
        assert_eq!(s.acquire().err(), Some(CapacityError { active: 2, max: 2 }));
        drop(a);
        assert_eq!(s.active(), 1);
        let c = s.acquire().unwrap();
        assert!(s.release(c.id()));
        assert!(!s.release(c.id()));
        drop(c);
        assert_eq!(s.active(), 1);
        drop(b);
        assert_eq!(s.active(), 0);
    }

    struct Probe(Arc<AtomicUsize>);

    impl Actor for Probe {
        type Context = Context<Self>;
    }

    impl Handler<ServerClose> for Probe {
        type Result = ();
        fn handle(&mut self, _: ServerClose, _: &mut Context<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }

    #[actix_rt::test]
    async fn a_session_attaching_after_close_all_is_told_to_close() {
        let s = Sessions::new(4);
        let told = Arc::new(AtomicUsize::new(0));
        let early = s.acquire().unwrap();
        assert!(!early.attach(Probe(told.clone()).start().recipient()));
        // Upgraded before shutdown, its actor not started yet.
        let late = s.acquire().unwrap();
        assert_eq!(s.close_all(), 1);
        assert!(late.attach(Probe(told.clone()).start().recipient()));
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert_eq!(told.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn reaping() {
        let s = Sessions::new(4);
        let a = s.acquire().unwrap();
        let b = s.acquire().unwrap();
        std::thread::sleep(Duration::from_millis(30));
        b.touch();
        assert_eq!(s.reap(Duration::from_millis(20)), 1);
        assert_eq!(s.active(), 1);
        drop(a);
        assert_eq!(s.active(), 1);
        drop(b);
        assert_eq!(s.active(), 0);
    }
}
