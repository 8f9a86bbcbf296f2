//! How a reset or step failed, in the two kinds the protocol tells apart.
//!
//! Its own module because both the environment (`env`) and the dataset
//! supervisor below it produce it: living in `env.rs`, it made the supervisor
//! import from the module that imports the supervisor.

use serde_json::Value;

/// How a request failed, mapped to `VALIDATION_ERROR` / `EXECUTION_ERROR` on
/// the socket and to 422 / 500 over HTTP (PROTOCOL.md §4.3, §5.4).
#[derive(Debug, Clone, PartialEq)]
pub enum EnvError {
    /// Pydantic-style error entries.
    Validation(Vec<Value>),
    /// The message of the exception the reference would raise.
    Execution(String),
    /// The server stopped the work because it is shutting down: not the
    /// request's fault. `EXECUTION_ERROR` on the socket, 503 over HTTP.
    Stopped(String),
}
