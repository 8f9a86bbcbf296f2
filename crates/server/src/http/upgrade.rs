//! `GET /ws` and `GET /mcp` upgrades: a session actor per connection, or the
//! capacity refusal (PROTOCOL.md §5.1).

use std::sync::Arc;

use actix::prelude::*;
use actix_web::http::header;
use actix_web::web;
use actix_web::{HttpRequest, HttpResponse};
use actix_ws::CloseCode;
use serde_json::{json, Value};

use super::reply::{method_not_allowed, not_found};
use crate::app::{App, AppState};
use crate::framing::FrameGuard;
use crate::metrics::metrics;
use crate::protocol::{capacity_frame, capacity_message, CAPACITY_REACHED};
use crate::socket::{CountingBody, Socket};
use crate::ws::{Connection, Mode, Outlet, WsSession};

fn is_upgrade(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"))
}

/// Whether the upgrade's query asks for error reasons: `reasons=1` (or
/// `true`). Any other query is ignored, as the reference ignores it.
fn wants_reasons(req: &HttpRequest) -> bool {
    req.query_string()
        .split('&')
        .any(|kv| matches!(kv, "reasons=1" | "reasons=true"))
}

/// `GET /ws` (mode Env) and `GET /mcp` (mode Mcp).
async fn upgrade(
    req: HttpRequest,
    body: web::Payload,
    app: App,
    mode: Mode,
) -> actix_web::Result<HttpResponse> {
    let app: Arc<AppState> = app.get_ref().clone();
    let max = app.settings.max_frame_bytes;
    let (body, watch) = FrameGuard::wrap(&req, body, max).await?;
    let (resp, mut session, stream) = actix_ws::handle(&req, body)?;
    let (resp, drain) = CountingBody::wrap(resp);
    let socket = Socket::of(&req);
    let stream = stream
        .max_frame_size(max)
        .aggregate_continuations()
        .max_continuation_size(max);
    let refused = if app.is_shutting_down() {
        Err(crate::sessions::CapacityError {
            active: app.sessions.active(),
            max: app.sessions.max(),
        })
    } else {
        app.sessions.acquire()
    };
    match refused {
        Ok(slot) => {
            WsSession::create(move |ctx| {
                ctx.add_stream(stream);
                WsSession::with_socket(
                    app,
                    mode,
                    slot,
                    Outlet::Socket(session),
                    Connection {
                        socket,
                        watch: Some(watch),
                        drain: Some(drain),
                        reasons: wants_reasons(&req),
                    },
                )
            });
        }
        Err(c) => {
            // Accept, explain, close: refusing the handshake would surface as a
            // different exception in the Python client.
            metrics().error(CAPACITY_REACHED);
            let frame = match mode {
                Mode::Env => capacity_frame(c.active, c.max),
                Mode::Mcp => crate::mcp::error(
                    Value::Null,
                    crate::mcp::SERVER_ERROR,
                    &capacity_message(c.active, c.max),
                    json!({"active_sessions": c.active, "max_sessions": c.max}),
                ),
            };
            actix_rt::spawn(async move {
                let mut stream = stream;
                let _ = session.text(frame.to_string()).await;
                // The Python client connects, then sends its first request and
                // reads the reply. Closing at once makes that send fail and the
                // error frame is never read (PROTOCOL.md §9, quirk 5); closing once
                // the request arrives (or after a second) lets it surface as
                // `RuntimeError(... CAPACITY_REACHED)`.
                let _ =
                    tokio::time::timeout(std::time::Duration::from_secs(1), stream.recv()).await;
                let _ = session.close(Some(CloseCode::Normal.into())).await;
                let _ = tokio::time::timeout(std::time::Duration::from_secs(5), async {
                    while let Some(Ok(_)) = stream.recv().await {}
                })
                .await;
            });
        }
    }
    Ok(resp)
}

pub async fn ws(req: HttpRequest, body: web::Payload, app: App) -> actix_web::Result<HttpResponse> {
    if !is_upgrade(&req) {
        return Ok(not_found().await);
    }
    upgrade(req, body, app, Mode::Env).await
}

pub async fn mcp_ws(
    req: HttpRequest,
    body: web::Payload,
    app: App,
) -> actix_web::Result<HttpResponse> {
    if !is_upgrade(&req) {
        return Ok(method_not_allowed().await);
    }
    upgrade(req, body, app, Mode::Mcp).await
}
