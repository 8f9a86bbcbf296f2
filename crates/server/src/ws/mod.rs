//! WebSocket sessions (`WS /ws`, `WS /mcp`), along their four jobs:
//!
//! * [`session`]: the session actor, one per connection, owning its
//!   environment and answering frames one for one, in order;
//! * [`frames`]: reading a client frame into a request and writing replies;
//! * [`outlet`]: where replies go, and back-pressure (the backlog, pong
//!   coalescing, the slow-reader kill), over [`fifo`]'s byte-weighed queues;
//! * [`detached`]: a session fed from channels, for benches and tests.
//!
//! This file only lists them: the modules import each other, never it.

pub mod detached;
pub mod fifo;
pub mod frames;
pub mod outlet;
pub mod session;

pub use detached::spawn_detached;
pub use frames::observation_frame;
pub use outlet::{Out, Outlet, MAX_BACKLOG_BYTES};
pub use session::{Connection, Mode, WsSession, MAX_QUEUED_BYTES};
