//! The rgym OpenEnv server (the protocol: `docs/PROTOCOL.md`).
//!
//! Topology: actix-web workers accept HTTP and WebSocket connections; each
//! WebSocket connection gets a [`ws::WsSession`] actor owning its environment.
//! The [`supervisor`] actor builds and shares dataset instances; sessions read
//! them, the item cache, and generate/score through its handle directly, inline
//! for datasets proven cheap and on the worker pool under a time limit for
//! the rest. [`sessions::Sessions`] counts slots, reaps idle sessions and
//! reaches every session on shutdown. See the server section of
//! `ARCHITECTURE.md` for the map of these modules.
//!
//! This file only lists the modules: code here would be imported by the
//! modules below it and import them back.

pub mod app;
pub mod auth;
pub mod env;
pub mod error;
pub mod framing;
pub mod http;
pub mod logging;
pub mod mcp;
pub mod metrics;
pub mod pool;
pub mod protocol;
pub mod server;
pub mod sessions;
pub mod settings;
pub mod socket;
pub mod supervisor;
pub mod web_env;
pub mod ws;

pub use app::AppState;
pub use logging::init_logging;
pub use server::{run, serve, start, RunningServer, StopHandle};
pub use settings::{LogFormat, ServeArgs, Settings};
