//! What every handler and session actor shares: the settings, the dataset
//! supervisor, the session slots, MCP's sessions, the web interface's
//! environment, and the shutdown state.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::watch;

use crate::auth::Auth;
use crate::mcp::Mcp;
use crate::pool::Pool;
use crate::sessions::Sessions;
use crate::settings::Settings;
use crate::supervisor::{ItemCache, Supervisor};
use crate::web_env::WebEnv;

/// The state as actix-web hands it to a handler.
pub type App = actix_web::web::Data<Arc<AppState>>;

/// Everything the handlers and session actors share.
pub struct AppState {
    pub settings: Settings,
    pub supervisor: Supervisor,
    pub sessions: Arc<Sessions>,
    pub mcp: Mcp,
    pub web: Option<WebEnv>,
    /// The tokens every route but `/health` and `/ready` requires, when `auth_tokens` is set.
    pub auth: Option<Auth>,
    /// Set from the stop signal on (before `drain_delay`): `/ready` says 503.
    draining: AtomicBool,
    shutting_down: AtomicBool,
    shutdown_tx: watch::Sender<bool>,
    /// HTTP requests being answered (a WebSocket upgrade only while it is
    /// being accepted); shutdown waits for them.
    http_in_flight: Arc<AtomicUsize>,
}

impl AppState {
    /// Must run inside an actix system (it starts the supervisor actor).
    pub fn new(settings: Settings) -> AppState {
        let sessions = Sessions::new(settings.max_sessions);
        AppState {
            supervisor: Supervisor::start(
                ItemCache::new(settings.item_cache_size, settings.item_cache_bytes),
                settings.generation_timeout,
                Pool::new(settings.worker_count(), settings.max_sessions + 256),
            ),
            mcp: Mcp::new(sessions.clone()),
            sessions,
            web: settings.web_interface.then(WebEnv::new),
            auth: None,
            draining: AtomicBool::new(false),
            shutting_down: AtomicBool::new(false),
            shutdown_tx: watch::channel(false).0,
            http_in_flight: Arc::default(),
            settings,
        }
    }

    /// False from the stop signal on: what `/ready` reports, so that load
    /// balancers stop routing new sessions here while it still serves.
    pub fn is_ready(&self) -> bool {
        !self.draining.load(Ordering::SeqCst)
    }

    /// Marks the start of the drain; false when it had already begun.
    pub(crate) fn begin_drain(&self) -> bool {
        !self.draining.swap(true, Ordering::SeqCst)
    }

    pub fn is_shutting_down(&self) -> bool {
        self.shutting_down.load(Ordering::SeqCst)
    }

    pub fn http_in_flight(&self) -> usize {
        self.http_in_flight.load(Ordering::SeqCst)
    }

    /// Changes once, when shutdown begins.
    pub fn shutdown_signal(&self) -> watch::Receiver<bool> {
        self.shutdown_tx.subscribe()
    }

    /// Marks the start of shutdown and tells the subscribers; false when it
    /// had already begun.
    pub(crate) fn begin_shutdown(&self) -> bool {
        if self.shutting_down.swap(true, Ordering::SeqCst) {
            return false;
        }
        let _ = self.shutdown_tx.send(true);
        true
    }

    /// The counter of HTTP requests in flight, for the middleware that keeps it.
    pub(crate) fn http_counter(&self) -> &Arc<AtomicUsize> {
        &self.http_in_flight
    }
}
