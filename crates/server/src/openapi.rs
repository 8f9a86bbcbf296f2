//! `/openapi.json`, generated from the handlers' annotations, and the two
//! documentation pages that render it.

use utoipa::OpenApi;

use crate::protocol::{
    EnvironmentMetadata, HealthResponse, JsonRpcMessage, ReasoningGymAction,
    ReasoningGymObservation, ResetRequest, ResultEnvelope, SchemaResponse, State, StepRequest,
    ValidationErrorBody, WireObservation,
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
        crate::http::reset,
        crate::http::step,
        crate::http::state,
        crate::http::metadata,
        crate::http::health,
        crate::http::schema,
        crate::http::mcp,
        crate::http::prometheus_metrics,
    ),
    components(schemas(
        ReasoningGymAction,
        ReasoningGymObservation,
        State,
        WireObservation,
        ResultEnvelope,
        ResetRequest,
        StepRequest,
        HealthResponse,
        EnvironmentMetadata,
        SchemaResponse,
        JsonRpcMessage,
        ValidationErrorBody,
    ))
)]
struct ApiDoc;

#[derive(OpenApi)]
#[openapi(paths(
    crate::web::metadata,
    crate::web::reset,
    crate::web::step,
    crate::web::state,
))]
struct WebApiDoc;

/// The OpenAPI document as JSON.
pub fn document(web_interface: bool) -> String {
    let mut doc = ApiDoc::openapi();
    if web_interface {
        doc.merge(WebApiDoc::openapi());
    }
    doc.to_json().unwrap_or_else(|_| "{}".into())
}

pub const SWAGGER_HTML: &str = r#"<!DOCTYPE html>
<html>
<head>
<link type="text/css" rel="stylesheet" href="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui.css">
<title>OpenEnv Environment HTTP API - Swagger UI</title>
</head>
<body>
<div id="swagger-ui"></div>
<script src="https://cdn.jsdelivr.net/npm/swagger-ui-dist@5/swagger-ui-bundle.js"></script>
<script>
const ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
})
</script>
<noscript>The API description is at <a href="/openapi.json">/openapi.json</a>.</noscript>
</body>
</html>
"#;

pub const REDOC_HTML: &str = r#"<!DOCTYPE html>
<html>
<head>
<title>OpenEnv Environment HTTP API - ReDoc</title>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<noscript>ReDoc requires Javascript to function. The API description is at
<a href="/openapi.json">/openapi.json</a>.</noscript>
<redoc spec-url="/openapi.json"></redoc>
<script src="https://cdn.jsdelivr.net/npm/redoc@2/bundles/redoc.standalone.js"></script>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    use serde_json::Value;

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
            ("/metadata", "get"),
            ("/schema", "get"),
            ("/mcp", "post"),
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
