//! `/openapi.json`, generated from the handlers' annotations.

use std::sync::OnceLock;

use actix_web::HttpResponse;
use utoipa::OpenApi;

use crate::app::App;

use crate::protocol::{
    EnvErrorBody, Envelope, EnvironmentMetadata, HealthResponse, JsonRpcMessage, Observation,
    ReasoningGymAction, ReasoningGymObservation, ResetRequest, SchemaResponse, State, StepRequest,
    ValidationErrorBody,
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "OpenEnv Environment HTTP API",
        version = "1.0.0",
        description = "HTTP API for interacting with OpenEnv environments through a standardized \
                       interface (rgym: reasoning-gym tasks). Episodes run over the WebSocket \
                       `/ws`; `/reset`, `/step` and `/state` are stateless."
    ),
    paths(
        super::api::reset,
        super::api::step,
        super::api::state,
        super::api::metadata,
        super::api::health,
        super::api::ready,
        super::api::schema,
        super::api::mcp,
        super::api::prometheus_metrics,
        super::batch::generate,
        super::batch::score,
    ),
    components(schemas(
        ReasoningGymAction,
        ReasoningGymObservation,
        State,
        Observation,
        Envelope,
        ResetRequest,
        StepRequest,
        HealthResponse,
        EnvironmentMetadata,
        SchemaResponse,
        JsonRpcMessage,
        ValidationErrorBody,
        EnvErrorBody,
        super::batch::GenerateRequest,
        super::batch::GeneratedItem,
        super::batch::ScoreRequest,
        super::batch::ScoreAnswer,
        super::batch::ScoredAnswer,
    ))
)]
struct ApiDoc;

#[derive(OpenApi)]
#[openapi(paths(
    super::web::metadata,
    super::web::reset,
    super::web::step,
    super::web::state,
))]
struct WebApiDoc;

/// `GET /openapi.json`. Generated once per process (per setting of the web
/// interface, which adds its routes) on first request.
pub async fn serve(app: App) -> HttpResponse {
    static DOCS: [OnceLock<String>; 2] = [OnceLock::new(), OnceLock::new()];
    let web = app.settings.web_interface;
    let doc = DOCS[usize::from(web)].get_or_init(|| document(web));
    HttpResponse::Ok()
        .content_type("application/json")
        .body(doc.clone())
}

/// The OpenAPI document as JSON.
pub fn document(web_interface: bool) -> String {
    let mut doc = ApiDoc::openapi();
    if web_interface {
        doc.merge(WebApiDoc::openapi());
    }
    doc.to_json().unwrap_or_else(|_| "{}".into())
}
#[cfg(test)]
mod tests {
    use serde_json::Value;

    use crate::protocol::{Envelope, Observation};

    /// The reply's documentation is derived from the type that is sent:
    /// the documented properties are the keys a reply carries.
    #[test]
    fn the_documented_reply_is_the_sent_one() {
        let doc: Value = serde_json::from_str(&super::document(false)).unwrap();
        let keys = |v: &Value| {
            let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
            k.sort();
            k
        };
        let schemas = &doc["components"]["schemas"];
        // A reply with every opt-in key (`extracted_answer` in steps of a
        // session that chose an answer format, `index` in resets of one that
        // reset with an index, `curriculum` in resets with a curriculum);
        // without the opt-ins all are absent.
        let levels = serde_json::json!({"levels": {}});
        let mut reply = Envelope::reset("q");
        reply.extracted_answer = Some(Some("a"));
        reply.index = Some(0);
        reply.curriculum = Some(&levels);
        assert_eq!(
            keys(&schemas["ResultEnvelope"]["properties"]),
            keys(&reply.to_value())
        );
        let plain = Envelope::reset("q").to_value();
        for key in ["extracted_answer", "index", "curriculum"] {
            assert!(plain.get(key).is_none(), "{key}");
        }
        // Swagger's "Try it out" starts from working bodies, and /health's
        // example is the real reply.
        let body = |path: &str| {
            &doc["paths"][path]["post"]["requestBody"]["content"]["application/json"]["example"]
        };
        assert_eq!(body("/reset")["dataset_name"], "leg_counting");
        assert_eq!(body("/step")["action"]["answer"], "12");
        assert_eq!(
            schemas["HealthResponse"]["properties"]["status"]["example"],
            "healthy"
        );
        // The reset request documents the opt-in key.
        assert!(schemas["ResetRequest"]["properties"]["curriculum"].is_object());
        assert_eq!(
            keys(&schemas["WireObservation"]["properties"]),
            keys(&serde_json::to_value(Observation::default()).unwrap())
        );
        assert_eq!(
            schemas["ResultEnvelope"]["properties"]["observation"]["$ref"],
            "#/components/schemas/WireObservation"
        );
    }

    #[test]
    fn required_paths_and_version() {
        let doc: Value = serde_json::from_str(&super::document(false)).unwrap();
        assert_eq!(doc["info"]["version"], "1.0.0");
        assert_eq!(doc["info"]["title"], "OpenEnv Environment HTTP API");
        for (path, method) in [
            ("/reset", "post"),
            ("/step", "post"),
            ("/state", "get"),
            ("/health", "get"),
            ("/ready", "get"),
            ("/metadata", "get"),
            ("/schema", "get"),
            ("/mcp", "post"),
            ("/v1/generate", "post"),
            ("/v1/score", "post"),
        ] {
            assert!(doc["paths"][path][method].is_object(), "{method} {path}");
        }
        assert!(doc["paths"]["/ws"].is_null());
        assert!(doc["paths"]["/web/reset"].is_null());
        let web: Value = serde_json::from_str(&super::document(true)).unwrap();
        for p in ["/web/metadata", "/web/reset", "/web/step", "/web/state"] {
            assert!(web["paths"][p].is_object(), "{p}");
        }
    }
}
