//! A session actor fed from a channel instead of a socket: the engine
//! (session actor, supervisor, datasets) with no network in the way, for
//! benches and tests.

use std::sync::Arc;

use actix::prelude::*;
use actix_ws::AggregatedMessage;
use tokio::sync::mpsc;

use super::outlet::{Out, Outlet};
use super::session::{Mode, WsSession};
use crate::app::AppState;
use crate::sessions::CapacityError;

/// Text sent on the first channel arrives as text frames; replies come out
/// of the second, in the order the socket would carry them.
pub fn spawn_detached(
    app: Arc<AppState>,
    mode: Mode,
) -> Result<(mpsc::UnboundedSender<String>, mpsc::UnboundedReceiver<Out>), CapacityError> {
    let slot = app.sessions.acquire()?;
    let (in_tx, in_rx) = mpsc::unbounded_channel::<String>();
    let (out_tx, out_rx) = mpsc::unbounded_channel();
    let frames = futures_util::stream::unfold(in_rx, |mut rx| async move {
        let text = rx.recv().await?;
        Some((Ok(AggregatedMessage::Text(text.into())), rx))
    });
    WsSession::create(move |ctx| {
        ctx.add_stream(frames);
        WsSession::new(app, mode, slot, Outlet::Channel(out_tx))
    });
    Ok((in_tx, out_rx))
}

// The session's queue bound, driven through a detached session (the session
// module cannot use this one: it would import from a module that imports it).
#[cfg(test)]
mod tests {
    use std::time::Duration;

    use actix_ws::CloseCode;
    use serde_json::json;

    use super::*;
    use crate::ws::session::{MAX_QUEUED_BYTES, TOO_MANY};

    /// Requests arriving while one is in flight queue up to
    /// `MAX_QUEUED_BYTES`; past that the session closes with 1008 instead of
    /// buffering without bound. The first reset asks for a maze item that
    /// takes seconds (120×120 grids, a distance it keeps missing), so the
    /// flood behind it cannot drain.
    #[actix_rt::test]
    async fn a_flood_of_requests_behind_in_flight_work_closes_with_1008() {
        let app = Arc::new(AppState::new(crate::settings::Settings::default()));
        let (tx, mut rx) = spawn_detached(app.clone(), Mode::Env).expect("a slot");
        let slow = json!({"type": "reset", "data": {"dataset_name": "maze", "seed": 5, "size": 10,
            "dataset_config": {"min_grid_size": 120, "max_grid_size": 120, "min_dist": 1, "max_dist": 2}}});
        tx.send(slow.to_string()).expect("session alive");
        // 64 KiB frames (invalid ones: they are only parsed when their turn comes).
        let big = format!(r#"{{"type":"state","pad":"{}"}}"#, "x".repeat(64 << 10));
        for _ in 0..MAX_QUEUED_BYTES / big.len() + 10 {
            if tx.send(big.clone()).is_err() {
                break;
            }
        }
        let mut texts = 0;
        let closed = loop {
            match tokio::time::timeout(Duration::from_secs(10), rx.recv()).await {
                Ok(Some(Out::Text(_))) => texts += 1,
                Ok(Some(Out::Close(reason))) => break Some(reason),
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => break None,
            }
        };
        let reason = closed.expect("a close frame");
        assert_eq!(reason.code, CloseCode::Policy);
        assert_eq!(reason.description.as_deref(), Some(TOO_MANY));
        // Nothing queued is answered once the session decided to close.
        assert_eq!(texts, 0);
    }
}
