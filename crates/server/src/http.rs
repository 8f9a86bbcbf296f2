//! HTTP routes of spec section 4, and the WebSocket upgrades.
//!
//! `/reset`, `/step` and `/state` are stateless (a fresh env per request) and
//! never touch sessions or slots. Request bodies are read raw so that
//! validation failures can be reported exactly like FastAPI does (422 with a
//! `detail` list) and env failures with the reference's 500, whose body
//! names the error (`{"detail": message}`).

use std::sync::Arc;
use std::time::Instant;

use actix::prelude::*;
use actix_web::http::header;
use actix_web::web::{self, Bytes, Data};
use actix_web::{HttpRequest, HttpResponse};
use actix_ws::CloseCode;
use dataset_core::input::{int_text, json_int, IntError};
use dataset_core::Seed;
use serde_json::{json, Map, Value};

use crate::env::{empty_step_envelope, Env};
use crate::error::EnvError;
use crate::framing::FrameGuard;
use crate::metrics::metrics;
use crate::protocol::{
    bounded_input, capacity_frame, capacity_message, loc, missing, validate_action, verr,
    CAPACITY_REACHED,
};
use crate::protocol::{
    EnvErrorBody, EnvironmentMetadata, HealthResponse, JsonRpcMessage, ResetRequest,
    ResultEnvelope, SchemaResponse, State, StepRequest, ValidationErrorBody,
};
use crate::socket::{CountingBody, Socket};
use crate::ws::{Connection, Mode, Outlet, WsSession};
use crate::AppState;

pub type App = Data<Arc<AppState>>;

pub fn json_response(status: actix_web::http::StatusCode, v: &Value) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("application/json")
        .body(v.to_string())
}

pub fn ok(v: &Value) -> HttpResponse {
    json_response(actix_web::http::StatusCode::OK, v)
}

pub fn unprocessable(detail: Vec<Value>) -> HttpResponse {
    json_response(
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY,
        &json!({ "detail": detail }),
    )
}

/// What an unhandled exception in the reference looks like (the web routes
/// answer this, spec §8).
pub fn internal_error() -> HttpResponse {
    HttpResponse::InternalServerError()
        .content_type("text/plain; charset=utf-8")
        .body("Internal Server Error")
}

/// `POST /reset`'s env errors: still the 500 the reference answers, but with
/// a body naming the error, as the WebSocket error frame does
/// (`{"detail": "Dataset 'word_sortin' not registered"}`), where the
/// reference's is a bare "Internal Server Error" (spec §9 quirk 8).
pub fn env_error_response(e: &EnvError) -> HttpResponse {
    let body = match e {
        EnvError::Execution(msg) => json!({ "detail": msg }),
        EnvError::Validation(errors) => json!({ "detail": "Invalid message", "errors": errors }),
    };
    json_response(actix_web::http::StatusCode::INTERNAL_SERVER_ERROR, &body)
}

pub async fn not_found() -> HttpResponse {
    json_response(
        actix_web::http::StatusCode::NOT_FOUND,
        &json!({"detail": "Not Found"}),
    )
}

pub async fn method_not_allowed() -> HttpResponse {
    json_response(
        actix_web::http::StatusCode::METHOD_NOT_ALLOWED,
        &json!({"detail": "Method Not Allowed"}),
    )
}

/// FastAPI's body reading: JSON when the content type says so or is absent;
/// anything else reaches the model as a string and fails validation.
/// `Ok(None)` is an empty body.
pub fn read_json(req: &HttpRequest, body: &Bytes) -> Result<Option<Value>, Vec<Value>> {
    if body.is_empty() {
        return Ok(None);
    }
    let is_json = match req.headers().get(header::CONTENT_TYPE) {
        None => true,
        Some(ct) => {
            let ct = ct.to_str().unwrap_or("").to_ascii_lowercase();
            let essence = ct.split(';').next().unwrap_or("").trim().to_string();
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        }
    };
    if !is_json {
        return Err(vec![verr(
            "model_attributes_type",
            &loc(&["body"]),
            "Input should be a valid dictionary or object to extract fields from",
            Value::String(String::from_utf8_lossy(body).into_owned()),
        )]);
    }
    // Lone surrogates are read as Python's json reads them (see parse_json).
    dataset_core::input::parse_json_bytes(body)
        .map(Some)
        .map_err(|e| {
            vec![json!({
                "type": "json_invalid",
                "loc": ["body", e.column().saturating_sub(1)],
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": e.to_string()},
            })]
        })
}

fn not_an_object(v: Value) -> Vec<Value> {
    vec![verr(
        "model_attributes_type",
        &loc(&["body"]),
        "Input should be a valid dictionary or object to extract fields from",
        v,
    )]
}

/// pydantic lax-mode `int` with `ge=0`: `"42"`, `42.0` and `true` are
/// coerced; integers of any size are kept whole (pydantic's ints are Python
/// ints), up to CPython's 4300-digit limit on int/str conversion.
fn coerce_seed(v: &Value) -> Result<Value, Value> {
    let at = loc(&["body", "seed"]);
    let too_big = || {
        verr(
            "int_parsing_size",
            &at,
            "Unable to parse input string as an integer, exceeded maximum size",
            v.clone(),
        )
    };
    let n: Seed = match v {
        Value::Bool(b) => Seed::from(u8::from(*b)),
        Value::Number(n) => match json_int(v) {
            Ok(i) => i,
            Err(IntError::TooManyDigits(_)) => return Err(too_big()),
            Err(IntError::NotAnInt) => {
                let f = n.as_f64().unwrap_or(f64::NAN);
                if f.fract() != 0.0 || !f.is_finite() {
                    return Err(verr(
                        "int_from_float",
                        &at,
                        "Input should be a valid integer, got a number with a fractional part",
                        v.clone(),
                    ));
                }
                if f.abs() > u64::MAX as f64 {
                    return Err(too_big());
                }
                Seed::from(f as i128)
            }
        },
        Value::String(s) => match int_text(s) {
            Ok(i) => i,
            Err(IntError::TooManyDigits(_)) => return Err(too_big()),
            Err(IntError::NotAnInt) => {
                return Err(verr(
                    "int_parsing",
                    &at,
                    "Input should be a valid integer, unable to parse string as an integer",
                    v.clone(),
                ))
            }
        },
        _ => {
            return Err(verr(
                "int_type",
                &at,
                "Input should be a valid integer",
                v.clone(),
            ))
        }
    };
    if n.is_negative() {
        return Err(json!({
            "type": "greater_than_equal", "loc": at,
            "msg": "Input should be greater than or equal to 0",
            "input": v, "ctx": {"ge": 0},
        }));
    }
    Ok(serde_json::to_value(&n).unwrap_or_else(|_| v.clone()))
}

fn check_id_string(obj: &Map<String, Value>, key: &str, errors: &mut Vec<Value>) {
    match obj.get(key) {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.chars().count() > 255 => errors.push(json!({
            "type": "string_too_long", "loc": ["body", key],
            "msg": "String should have at most 255 characters",
            "input": bounded_input(Value::String(s.clone())), "ctx": {"max_length": 255},
        })),
        Some(Value::String(_)) => {}
        Some(other) => errors.push(verr(
            "string_type",
            &loc(&["body", key]),
            "Input should be a valid string",
            other.clone(),
        )),
    }
}

/// `POST /reset` body: optional object; `seed` and `episode_id` validated,
/// every other key passed through.
pub fn reset_params(req: &HttpRequest, body: &Bytes) -> Result<Map<String, Value>, Vec<Value>> {
    let mut obj = match read_json(req, body)? {
        None => return Ok(Map::new()),
        Some(Value::Object(o)) => o,
        Some(other) => return Err(not_an_object(other)),
    };
    let mut errors = Vec::new();
    if let Some(seed) = obj.get("seed").filter(|v| !v.is_null()).cloned() {
        match coerce_seed(&seed) {
            Ok(v) => {
                obj.insert("seed".into(), v);
            }
            Err(e) => errors.push(e),
        }
    }
    check_id_string(&obj, "episode_id", &mut errors);
    if errors.is_empty() {
        Ok(obj)
    } else {
        Err(errors)
    }
}

/// Runs a reset on `env` and commits it; `Err` carries the env error.
pub async fn reset_env(
    app: &AppState,
    env: &mut Env,
    params: &Map<String, Value>,
) -> Result<Value, EnvError> {
    let started = Instant::now();
    let job = env.plan_reset(params)?;
    let out = job.run(&app.supervisor).await?;
    metrics()
        .reset_latency
        .observe(started.elapsed().as_secs_f64());
    Ok(env.commit_reset(out).to_value())
}

#[utoipa::path(
    post, path = "/reset", tag = "Environment Control",
    summary = "Reset the environment",
    description = "Reset a fresh environment and return its first observation. Stateless: \
                   use the WebSocket `/ws` for episodes.",
    request_body(content = Option<ResetRequest>, content_type = "application/json"),
    responses(
        (status = 200, description = "Environment reset successfully", body = ResultEnvelope),
        (status = 422, description = "Validation error", body = ValidationErrorBody),
        (status = 500, description = "Environment error (unknown dataset, invalid config, missing seed/size...): `{\"detail\": message}`", body = EnvErrorBody),
        (status = 503, description = "The server is shutting down and stopped this request's work", body = EnvErrorBody),
    )
)]
pub async fn reset(req: HttpRequest, body: Bytes, app: App) -> HttpResponse {
    let params = match reset_params(&req, &body) {
        Ok(p) => p,
        Err(detail) => return unprocessable(detail),
    };
    let mut env = Env::new();
    match reset_env(&app, &mut env, &params).await {
        Ok(v) => ok(&v),
        // Work stopped by the shutdown deadline: not the request's fault.
        Err(EnvError::Execution(msg)) if app.is_shutting_down() => json_response(
            actix_web::http::StatusCode::SERVICE_UNAVAILABLE,
            &json!({ "detail": msg }),
        ),
        Err(e) => {
            tracing::debug!(error = ?e, "POST /reset failed");
            env_error_response(&e)
        }
    }
}

/// `POST /step` body: `{"action": {...}, "timeout_s"?, "request_id"?, ...}`.
/// Returns the answer.
pub fn step_action(req: &HttpRequest, body: &Bytes) -> Result<String, Vec<Value>> {
    let obj = match read_json(req, body)? {
        None => return Err(vec![missing(loc(&["body"]), Value::Null)]),
        Some(Value::Object(o)) => o,
        Some(other) => return Err(not_an_object(other)),
    };
    let mut errors = Vec::new();
    let action = match obj.get("action") {
        None => {
            errors.push(missing(
                loc(&["body", "action"]),
                Value::Object(obj.clone()),
            ));
            None
        }
        Some(a @ Value::Object(_)) => Some(a.clone()),
        Some(other) => {
            errors.push(verr(
                "dict_type",
                &loc(&["body", "action"]),
                "Input should be a valid dictionary",
                other.clone(),
            ));
            None
        }
    };
    match obj.get("timeout_s") {
        None | Some(Value::Null) => {}
        Some(t) => {
            let f = match t {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().parse::<f64>().ok(),
                Value::Bool(b) => Some(*b as u8 as f64),
                _ => None,
            };
            match f {
                Some(f) if f > 0.0 => {}
                Some(_) => errors.push(json!({
                    "type": "greater_than", "loc": ["body", "timeout_s"],
                    "msg": "Input should be greater than 0", "input": t, "ctx": {"gt": 0.0},
                })),
                None => errors.push(verr(
                    "float_parsing",
                    &loc(&["body", "timeout_s"]),
                    "Input should be a valid number",
                    t.clone(),
                )),
            }
        }
    }
    check_id_string(&obj, "request_id", &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    match action {
        // The action model's errors carry no `body` prefix (the reference
        // validates it separately from the request model).
        Some(a) => validate_action(&a, &[]),
        None => Err(errors),
    }
}

#[utoipa::path(
    post, path = "/step", tag = "Environment Control",
    summary = "Execute an action in the environment",
    description = "Step a fresh environment (stateless, so there is never a current question). \
                   Invalid actions answer 422.",
    request_body(content = StepRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Action executed successfully", body = ResultEnvelope),
        (status = 422, description = "Validation error", body = ValidationErrorBody),
    )
)]
pub async fn step(req: HttpRequest, body: Bytes) -> HttpResponse {
    match step_action(&req, &body) {
        Ok(_) => ok(&empty_step_envelope()),
        Err(detail) => unprocessable(detail),
    }
}

#[utoipa::path(
    get, path = "/state", tag = "State Management",
    summary = "Get current environment state",
    description = "The state of a fresh environment.",
    responses((status = 200, description = "State", body = State))
)]
pub async fn state() -> HttpResponse {
    ok(&Env::new().state())
}

#[utoipa::path(
    get, path = "/health", tag = "Health", summary = "Health check",
    responses((status = 200, description = "Healthy", body = HealthResponse))
)]
pub async fn health() -> HttpResponse {
    ok(&json!({"status": "healthy"}))
}

#[utoipa::path(
    get, path = "/metadata", tag = "Environment Info", summary = "Get environment metadata",
    responses((status = 200, description = "Metadata", body = EnvironmentMetadata))
)]
pub async fn metadata() -> HttpResponse {
    ok(&crate::protocol::metadata(false, None))
}

#[utoipa::path(
    get, path = "/schema", tag = "Schema", summary = "Get all JSON schemas",
    description = "JSON Schemas of the action, observation and state.",
    responses((status = 200, description = "Schemas", body = SchemaResponse))
)]
pub async fn schema() -> HttpResponse {
    ok(&crate::protocol::schemas())
}

#[utoipa::path(
    post, path = "/mcp", tag = "MCP", summary = "MCP JSON-RPC endpoint",
    description = "JSON-RPC 2.0; always HTTP 200. `openenv/session/create` takes a session slot \
                   until `openenv/session/close`.",
    request_body(content = JsonRpcMessage, content_type = "application/json"),
    responses((status = 200, description = "JSON-RPC response", body = JsonRpcMessage))
)]
pub async fn mcp(body: Bytes, app: App) -> HttpResponse {
    ok(&app.mcp.handle_bytes(&body, None))
}

#[utoipa::path(
    get, path = "/metrics", tag = "Health", summary = "Prometheus metrics",
    responses((status = 200, description = "Prometheus text format", content_type = "text/plain", body = String))
)]
pub async fn prometheus_metrics() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(metrics().render())
}

pub async fn openapi(app: App) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(app.openapi.clone())
}

pub async fn docs() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, crate::assets::DOCS_CSP))
        .body(crate::openapi::SWAGGER_HTML)
}

pub async fn redoc() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, crate::assets::DOCS_CSP))
        .body(crate::openapi::REDOC_HTML)
}

fn is_upgrade(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"))
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
                // error frame is never read (reference quirk 5); closing once
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

/// Registers every route; the web interface only when enabled.
pub fn configure(cfg: &mut web::ServiceConfig, web_interface: bool) {
    let res = |path: &str| web::resource(path).default_service(web::to(method_not_allowed));
    cfg.service(res("/health").route(web::get().to(health)))
        .service(res("/metadata").route(web::get().to(metadata)))
        .service(res("/schema").route(web::get().to(schema)))
        .service(res("/state").route(web::get().to(state)))
        .service(res("/reset").route(web::post().to(reset)))
        .service(res("/step").route(web::post().to(step)))
        .service(
            res("/mcp")
                .route(web::post().to(mcp))
                .route(web::get().to(mcp_ws)),
        )
        .service(res("/ws").route(web::get().to(ws)))
        .service(res("/metrics").route(web::get().to(prometheus_metrics)))
        .service(res("/openapi.json").route(web::get().to(openapi)))
        .service(res("/docs").route(web::get().to(docs)))
        .service(res("/redoc").route(web::get().to(redoc)));
    crate::assets::register(cfg, &crate::assets::DOCS_ASSETS);
    if web_interface {
        crate::web::configure(cfg);
    }
}
