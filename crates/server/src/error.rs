//! How a reset or step failed, in the two kinds the protocol tells apart.
//!
//! Its own module because both the environment (`env`) and the dataset
//! supervisor below it produce it: living in `env.rs`, it made the supervisor
//! import from the module that imports the supervisor.

use dataset_core::DatasetError;
use serde_json::Value;

/// How a request failed, mapped to `VALIDATION_ERROR` / `EXECUTION_ERROR` on
/// the socket and to 422 / 500 over HTTP (PROTOCOL.md §4.3, §5.4).
#[derive(Debug, Clone, PartialEq)]
pub enum EnvError {
    /// Pydantic-style error entries.
    Validation(Vec<Value>),
    /// The message of the exception the reference would raise, and rgym's
    /// machine-readable cause of it.
    Execution(Reason, String),
    /// The server stopped the work because it is shutting down: not the
    /// request's fault. `EXECUTION_ERROR` on the socket, 503 over HTTP.
    Stopped(String),
}

/// Why an `EXECUTION_ERROR` happened: the protocol has one code for every
/// environment failure, so a client that wants to react (retry on
/// `capacity`, fix its config on `invalid_config`) reads this instead of
/// parsing messages. It travels as the extra key `reason` of the error data
/// where the client asked for it (README "Error reasons").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// `dataset_name` (or a composite spec's `name`) is not registered.
    UnknownDataset,
    /// The dataset refused its config: an unknown key, a wrong type, a
    /// `validate()` rule, rgym's item-size rule, the Python provider off.
    InvalidConfig,
    /// A required reset parameter is missing (`seed`/`size`, `dataset_specs`).
    MissingParameter,
    /// A reset or request parameter has a wrong type or value (`seed`,
    /// `size`, `index`, `answer_format`, `curriculum`, ...).
    InvalidParameter,
    /// The dataset's generator failed on this item, as the reference's
    /// would have raised.
    GenerationFailed,
    /// The work passed the server's time limit.
    Timeout,
    /// The server is too busy for the work now: try again.
    Capacity,
    /// The reply would pass `max_reply_bytes`.
    TooLarge,
    /// The server is shutting down.
    ShuttingDown,
    /// A fault of the server's own.
    Internal,
}

impl Reason {
    /// Its name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::UnknownDataset => "unknown_dataset",
            Reason::InvalidConfig => "invalid_config",
            Reason::MissingParameter => "missing_parameter",
            Reason::InvalidParameter => "invalid_parameter",
            Reason::GenerationFailed => "generation_failed",
            Reason::Timeout => "timeout",
            Reason::Capacity => "capacity",
            Reason::TooLarge => "too_large",
            Reason::ShuttingDown => "shutting_down",
            Reason::Internal => "internal",
        }
    }
}

impl EnvError {
    /// An `EXECUTION_ERROR` for `reason`.
    pub fn exec(reason: Reason, message: impl Into<String>) -> EnvError {
        EnvError::Execution(reason, message.into())
    }

    /// The cause of an execution error (`None` for a validation error).
    pub fn reason(&self) -> Option<Reason> {
        match self {
            EnvError::Validation(_) => None,
            EnvError::Execution(r, _) => Some(*r),
            EnvError::Stopped(_) => Some(Reason::ShuttingDown),
        }
    }
}

impl From<DatasetError> for EnvError {
    fn from(e: DatasetError) -> EnvError {
        let reason = match &e {
            DatasetError::UnknownDataset(name) => {
                return EnvError::Execution(Reason::UnknownDataset, datasets::not_registered(name))
            }
            DatasetError::InvalidConfig(_) => Reason::InvalidConfig,
            DatasetError::IndexOutOfRange { .. } => Reason::InvalidParameter,
            DatasetError::Generation(_) => Reason::GenerationFailed,
        };
        EnvError::Execution(reason, e.to_string())
    }
}
