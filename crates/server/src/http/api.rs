//! The HTTP routes of the OpenEnv API (PROTOCOL.md §4): stateless
//! `/reset`, `/step` and `/state` on a new environment per request, and the
//! informational routes. Their `utoipa` annotations are what
//! `/openapi.json` lists.

use actix_web::http::StatusCode;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use serde_json::json;

use super::body::{reset_params, step_action};
use super::reply::{env_error_response, json_response, ok, unprocessable};
use crate::app::App;
use crate::env::{empty_step_envelope, Env};
use crate::metrics::metrics;
use crate::protocol::{
    EnvErrorBody, Envelope, EnvironmentMetadata, HealthResponse, JsonRpcMessage, ResetRequest,
    SchemaResponse, State, StepRequest, ValidationErrorBody,
};

#[utoipa::path(
    post, path = "/reset", tag = "Environment Control",
    summary = "Reset the environment",
    description = "Reset a fresh environment and return its first observation. Stateless: \
                   use the WebSocket `/ws` for episodes.",
    // The example is what Swagger's "Try it out" pre-fills: a reset that works.
    request_body(content = Option<ResetRequest>, content_type = "application/json",
                 example = json!({"dataset_name": "leg_counting", "seed": 42, "size": 100})),
    responses(
        (status = 200, description = "Environment reset successfully", body = Envelope),
        (status = 422, description = "Validation error", body = ValidationErrorBody),
        (status = 500, description = "Environment error (unknown dataset, invalid config, missing seed/size...): `{\"detail\": message, \"reason\": cause}`", body = EnvErrorBody),
        (status = 503, description = "The server is shutting down and stopped this request's work", body = EnvErrorBody),
    )
)]
pub async fn reset(req: HttpRequest, body: Bytes, app: App) -> HttpResponse {
    let params = match reset_params(&req, &body) {
        Ok(p) => p,
        Err(detail) => return unprocessable(detail),
    };
    let mut env = Env::new();
    match env.reset(&params, &app.supervisor).await {
        Ok(envelope) => ok(&envelope.to_value()),
        Err(e) => {
            tracing::debug!(error = ?e, "POST /reset failed");
            env_error_response(&e)
        }
    }
}

#[utoipa::path(
    post, path = "/step", tag = "Environment Control",
    summary = "Execute an action in the environment",
    description = "Step a fresh environment (stateless, so there is never a current question). \
                   Invalid actions answer 422.",
    request_body(content = StepRequest, content_type = "application/json",
                 example = json!({"action": {"answer": "12"}})),
    responses(
        (status = 200, description = "Action executed successfully", body = Envelope),
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
    get, path = "/ready", tag = "Health", summary = "Readiness for load balancers",
    description = "200 `{\"status\": \"ready\"}` while serving; from the stop signal on, \
                   503 `{\"status\": \"draining\"}` (the server goes on serving for \
                   `drain_delay`, then closes its sessions). `/health` stays 200 throughout: \
                   it says the process is alive.",
    responses(
        (status = 200, description = "Serving", body = HealthResponse),
        (status = 503, description = "Draining: send new sessions elsewhere", body = HealthResponse),
    )
)]
pub async fn ready(app: App) -> HttpResponse {
    if app.is_ready() {
        ok(&json!({"status": "ready"}))
    } else {
        json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({"status": "draining"}),
        )
    }
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
