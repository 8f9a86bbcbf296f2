//! The web interface's routes (PROTOCOL.md §8): the OpenEnv ones on the one
//! shared environment ([`WebEnv`]), `WS /ws/ui` pushing its state, and the
//! page's own JSON routes.

use std::sync::OnceLock;

use actix_web::http::{header, StatusCode};
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use actix_ws::{AggregatedMessage, CloseCode};
use dashmap::DashMap;
use dataset_core::DatasetError;
use serde_json::{json, Map, Value};
use tokio::sync::broadcast;

use super::body::read_json;
use super::reply::{internal_error, json_response, method_not_allowed, ok};
use crate::app::App;
use crate::env::Env;
use crate::error::EnvError;
use crate::framing::FrameGuard;
use crate::protocol::validate_action;
use crate::web_env::WebEnv;

fn web_env(app: &App) -> Option<&WebEnv> {
    app.web.as_ref()
}

async fn redirect() -> HttpResponse {
    HttpResponse::TemporaryRedirect()
        .insert_header((header::LOCATION, "/web/"))
        .finish()
}

#[utoipa::path(
    get, path = "/web/metadata", tag = "Web Interface", summary = "Web interface metadata",
    responses((status = 200, description = "Metadata", body = crate::protocol::EnvironmentMetadata))
)]
pub async fn metadata() -> HttpResponse {
    let readme = std::env::var("ENV_README_PATH")
        .ok()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .or_else(|| std::fs::read_to_string("/app/README.md").ok());
    ok(&crate::protocol::metadata(true, readme))
}

#[utoipa::path(
    post, path = "/web/reset", tag = "Web Interface", summary = "Reset the shared web env",
    request_body(content = Option<crate::protocol::ResetRequest>, content_type = "application/json"),
    responses(
        (status = 200, description = "Reset", body = crate::protocol::Envelope),
        (status = 500, description = "Environment error", content_type = "text/plain", body = String),
    )
)]
pub async fn reset(req: HttpRequest, body: Bytes, app: App) -> HttpResponse {
    let Some(web) = web_env(&app) else {
        return internal_error();
    };
    let params = match read_json(&req, &body) {
        Ok(None) => Map::new(),
        Ok(Some(Value::Object(m))) => m,
        _ => return internal_error(),
    };
    let mut s = web.lock().await;
    let reset = s.env.reset(&params, &app.supervisor).await;
    match reset.map(|envelope| envelope.to_value()) {
        Ok(envelope) => {
            s.record_reset(&params, &envelope);
            web.publish(&s);
            ok(&envelope)
        }
        Err(_) => internal_error(),
    }
}

#[utoipa::path(
    post, path = "/web/step", tag = "Web Interface", summary = "Step the shared web env",
    request_body(content = crate::protocol::StepRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Step", body = crate::protocol::Envelope),
        (status = 500, description = "Invalid action or environment error", content_type = "text/plain", body = String),
    )
)]
pub async fn step(req: HttpRequest, body: Bytes, app: App) -> HttpResponse {
    let Some(web) = web_env(&app) else {
        return internal_error();
    };
    let action = match read_json(&req, &body) {
        Ok(Some(Value::Object(mut m))) => m.remove("action").unwrap_or(Value::Null),
        _ => return internal_error(),
    };
    let Ok(answer) = validate_action(&action, &[]) else {
        return internal_error();
    };
    let mut s = web.lock().await;
    match s.env.step(answer, &app.supervisor).await {
        Ok(outcome) => {
            let envelope = outcome.envelope().to_value();
            s.record_step(action, &envelope);
            web.publish(&s);
            ok(&envelope)
        }
        Err(_) => internal_error(),
    }
}

#[utoipa::path(
    get, path = "/web/state", tag = "Web Interface", summary = "State of the shared web env",
    responses((status = 200, description = "State", body = crate::protocol::State))
)]
pub async fn state(app: App) -> HttpResponse {
    match web_env(&app) {
        Some(web) => ok(&web.lock().await.env.state()),
        None => internal_error(),
    }
}

/// `WS /ws/ui`: the current state on connect, then one update per web
/// reset/step. Client frames are ignored.
pub async fn ws_ui(
    req: HttpRequest,
    body: web::Payload,
    app: App,
) -> actix_web::Result<HttpResponse> {
    let Some(web) = web_env(&app) else {
        return Ok(internal_error());
    };
    // Client frames are ignored, but still bounded on the way in.
    let max = app.settings.max_frame_bytes;
    let (body, _) = FrameGuard::wrap(&req, body, max).await?;
    let (resp, mut session, stream) = actix_ws::handle(&req, body)?;
    let mut updates = web.subscribe();
    let first = web.lock().await.snapshot();
    let mut shutdown = app.shutdown_signal();
    let mut stream = stream
        .max_frame_size(max)
        .aggregate_continuations()
        .max_continuation_size(max);
    actix_rt::spawn(async move {
        if session.text(first).await.is_err() {
            return;
        }
        loop {
            tokio::select! {
                msg = stream.recv() => match msg {
                    Some(Ok(AggregatedMessage::Ping(b))) => {
                        if session.pong(&b).await.is_err() {
                            return;
                        }
                    }
                    Some(Ok(AggregatedMessage::Close(_))) | Some(Err(_)) | None => break,
                    Some(Ok(_)) => {}
                },
                update = updates.recv() => match update {
                    Ok(text) => {
                        if session.text(text).await.is_err() {
                            return;
                        }
                    }
                    Err(broadcast::error::RecvError::Lagged(_)) => {}
                    Err(broadcast::error::RecvError::Closed) => break,
                },
                _ = shutdown.changed() => break,
            }
        }
        let _ = session.close(Some(CloseCode::Normal.into())).await;
    });
    Ok(resp)
}

// The routes below serve the page only. They are not in `/openapi.json`, so
// OpenEnv tooling sees exactly the API of PROTOCOL.md §8.

/// `GET /web/datasets`: the registry, for the page's dataset picker.
async fn datasets() -> HttpResponse {
    let list: Vec<Value> = datasets::registry()
        .iter()
        .map(|d| json!({"name": d.name, "category": d.category, "description": d.description}))
        .collect();
    ok(&Value::Array(list))
}

/// `GET /web/datasets/{name}`: config fields, defaults and rules. Describing
/// builds the dataset, so each answer is computed once, off the worker thread.
async fn describe(name: web::Path<String>) -> HttpResponse {
    static CACHE: OnceLock<DashMap<&'static str, Value>> = OnceLock::new();
    let Some(info) = datasets::info(&name) else {
        return json_response(
            StatusCode::NOT_FOUND,
            &json!({"detail": DatasetError::UnknownDataset(name.into_inner()).to_string()}),
        );
    };
    let cache = CACHE.get_or_init(DashMap::new);
    if let Some(v) = cache.get(info.name) {
        return ok(&v);
    }
    let described = move || {
        let doc = dataset_core::config::describe(info);
        dataset_core::config::describe_json(info, &doc, None, true)
    };
    match web::block(described).await {
        Ok(v) => {
            cache.insert(info.name, v.clone());
            ok(&v)
        }
        Err(_) => internal_error(),
    }
}

/// `GET /web/current`: the question of the shared env's episode and the
/// dataset it comes from (nulls before the first reset).
async fn current(app: App) -> HttpResponse {
    let Some(web) = web_env(&app) else {
        return internal_error();
    };
    ok(&web.lock().await.current())
}

/// `GET /web/limits`: the bounds the page's item browser must respect, so it
/// can say them before a request is refused (`POST /v1/generate` answers 422
/// past `max_batch_items`).
async fn limits(app: App) -> HttpResponse {
    ok(&json!({"max_batch_items": app.settings.max_batch_items}))
}

/// `POST /web/check` with reset parameters: would this reset succeed? Runs it
/// on a throwaway env, because `/web/reset` must answer a bare 500
/// (PROTOCOL.md §8) and the page wants the reason, shown next to the config.
/// Always 200: `{"ok": true, "question"}` or `{"ok": false, "error", "errors"?}`.
async fn check(req: HttpRequest, body: Bytes, app: App) -> HttpResponse {
    let params = match read_json(&req, &body) {
        Ok(None) => Map::new(),
        Ok(Some(Value::Object(m))) => m,
        Ok(Some(_)) => return ok(&json!({"ok": false, "error": "expected a JSON object"})),
        Err(e) => return ok(&json!({"ok": false, "error": "invalid JSON", "errors": e})),
    };
    let mut env = Env::new();
    match env.reset(&params, &app.supervisor).await {
        Ok(envelope) => ok(&json!({"ok": true, "question": envelope.observation.question})),
        Err(EnvError::Execution(_, msg) | EnvError::Stopped(msg)) => {
            ok(&json!({"ok": false, "error": msg}))
        }
        Err(EnvError::Validation(errors)) => {
            let msg = errors
                .iter()
                .filter_map(|e| e["msg"].as_str())
                .collect::<Vec<_>>()
                .join("; ");
            ok(&json!({"ok": false, "error": msg, "errors": errors}))
        }
    }
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    let res = |path: &str| web::resource(path).default_service(web::to(method_not_allowed));
    cfg.service(res("/").route(web::get().to(redirect)))
        .service(res("/web").route(web::get().to(redirect)))
        .service(res("/web/metadata").route(web::get().to(metadata)))
        .service(res("/web/reset").route(web::post().to(reset)))
        .service(res("/web/step").route(web::post().to(step)))
        .service(res("/web/state").route(web::get().to(state)))
        .service(res("/ws/ui").route(web::get().to(ws_ui)))
        .service(res("/web/datasets").route(web::get().to(datasets)))
        .service(res("/web/datasets/{name}").route(web::get().to(describe)))
        .service(res("/web/current").route(web::get().to(current)))
        .service(res("/web/check").route(web::post().to(check)))
        .service(res("/web/limits").route(web::get().to(limits)));
    super::assets::register(cfg, &super::assets::WEB_ASSETS);
}
