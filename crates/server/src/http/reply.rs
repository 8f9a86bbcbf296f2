//! The replies every HTTP handler builds: JSON bodies with a status, and the
//! reference's error answers (PROTOCOL.md §4.1).
//!
//! The leaf of the HTTP modules: it imports none of them, so handlers,
//! assets, the docs pages and the route table can all use it.

use actix_web::http::StatusCode;
use actix_web::HttpResponse;
use serde_json::{json, Value};

use crate::error::{EnvError, Reason};

pub fn json_response(status: actix_web::http::StatusCode, v: &Value) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("application/json")
        .body(v.to_string())
}

pub fn ok(v: &Value) -> HttpResponse {
    json_response(StatusCode::OK, v)
}

pub fn unprocessable(detail: Vec<Value>) -> HttpResponse {
    json_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        &json!({ "detail": detail }),
    )
}

/// What an unhandled exception in the reference looks like (the web routes
/// answer this, PROTOCOL.md §8).
pub fn internal_error() -> HttpResponse {
    HttpResponse::InternalServerError()
        .content_type("text/plain; charset=utf-8")
        .body("Internal Server Error")
}

/// `POST /reset`'s env errors: still the 500 the reference answers, but with
/// a body naming the error, as the WebSocket error frame does
/// (`{"detail": "Dataset 'word_sortin' not registered"}`), where the
/// reference's is a bare "Internal Server Error" (PROTOCOL.md §9, quirk 8).
pub fn env_error_response(e: &EnvError) -> HttpResponse {
    match e {
        EnvError::Execution(reason, msg) => json_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            &json!({ "detail": msg, "reason": reason.as_str() }),
        ),
        // Work stopped by the shutdown deadline: not the request's fault.
        EnvError::Stopped(msg) => json_response(
            StatusCode::SERVICE_UNAVAILABLE,
            &json!({ "detail": msg, "reason": Reason::ShuttingDown.as_str() }),
        ),
        EnvError::Validation(errors) => json_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            &json!({ "detail": "Invalid message", "errors": errors }),
        ),
    }
}

pub async fn not_found() -> HttpResponse {
    json_response(StatusCode::NOT_FOUND, &json!({"detail": "Not Found"}))
}

pub async fn method_not_allowed() -> HttpResponse {
    json_response(
        StatusCode::METHOD_NOT_ALLOWED,
        &json!({"detail": "Method Not Allowed"}),
    )
}
