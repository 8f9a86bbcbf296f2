//! Log lines on stderr: `RUST_LOG` filters (default `info`), text or JSON.
//!
//! ERROR is kept for faults of the server. actix-http logs what a client
//! got wrong at the connection level (a malformed request head, a broken
//! stream) as ERROR, one line per bad request, so any client could flood
//! the log with "errors" that are not the server's. Those events are
//! re-emitted at DEBUG under the target `rgym_server::client` (with the
//! original target as a field) instead.

use std::fmt::Write as _;
use std::io;

use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::filter::{filter_fn, EnvFilter};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

use crate::settings::LogFormat;

/// The actix-http modules whose warnings and errors are about clients'
/// connections (request parsing, socket reads and writes).
fn from_client(target: &str) -> bool {
    target.starts_with("actix_http::h1")
}

/// Re-emits client-caused warnings and errors at DEBUG.
struct Demote;

struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, "{}={value:?}", field.name());
        }
    }
}

impl<S: Subscriber> Layer<S> for Demote {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let mut text = Message(String::new());
        event.record(&mut text);
        let origin = event.metadata().target();
        tracing::debug!(target: "rgym_server::client", origin, "{}", text.0);
    }
}

/// Installs the log subscriber (stderr; `RUST_LOG` filters, default `info`).
pub fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let fmt = tracing_subscriber::fmt::layer()
        .with_ansi(io::IsTerminal::is_terminal(&io::stderr()))
        .with_writer(io::stderr);
    let fmt = match format {
        LogFormat::Json => fmt.json().boxed(),
        LogFormat::Text => fmt.boxed(),
    };
    let demoted = |m: &tracing::Metadata<'_>| from_client(m.target()) && *m.level() <= Level::WARN;
    let _ = tracing_subscriber::registry()
        .with(
            fmt.with_filter(filter)
                .with_filter(filter_fn(move |m| !demoted(m))),
        )
        .with(Demote.with_filter(filter_fn(demoted)))
        .try_init();
}
