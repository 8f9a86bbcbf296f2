//! `/openapi.json`, generated from the handlers' annotations, and the two
//! documentation pages that render it.

use utoipa::OpenApi;

use crate::protocol::{
    EnvErrorBody, EnvironmentMetadata, HealthResponse, JsonRpcMessage, ReasoningGymAction,
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
        EnvErrorBody,
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

/// `GET /docs`: Swagger UI over `/openapi.json`, its files served by `assets`.
pub const SWAGGER_HTML: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link type="text/css" rel="stylesheet" href="/static/swagger-ui/swagger-ui.css">
<link rel="icon" type="image/png" href="/static/swagger-ui/favicon-32x32.png">
<title>OpenEnv Environment HTTP API - Swagger UI</title>
</head>
<body>
<div id="swagger-ui"></div>
<script src="/static/swagger-ui/swagger-ui-bundle.js"></script>
<script>
const ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    layout: 'BaseLayout',
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    // The default sends the document to validator.swagger.io for a badge.
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
})
</script>
<noscript>The API description is at <a href="/openapi.json">/openapi.json</a>.</noscript>
</body>
</html>
"#;

/// `GET /redoc`: ReDoc over `/openapi.json`.
pub const REDOC_HTML: &str = r#"<!DOCTYPE html>
<html lang="en">
<head>
<title>OpenEnv Environment HTTP API - ReDoc</title>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/png" href="/static/swagger-ui/favicon-32x32.png">
<style>body { margin: 0; padding: 0; }</style>
</head>
<body>
<noscript>ReDoc requires Javascript to function. The API description is at
<a href="/openapi.json">/openapi.json</a>.</noscript>
<redoc spec-url="/openapi.json"></redoc>
<script src="/static/redoc/redoc.standalone.js"></script>
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
