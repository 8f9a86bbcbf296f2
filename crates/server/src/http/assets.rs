//! Files embedded in the binary: the vendored JavaScript of the API
//! documentation pages (`/docs`, `/redoc`) and the web interface. Nothing is
//! fetched from elsewhere at run time, so both work offline and behind
//! firewalls. `assets/README.md` says where the vendored files come from.

use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::web;
use actix_web::{HttpRequest, HttpResponse};

use super::reply::method_not_allowed;

pub struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: &'static [u8],
    etag: OnceLock<String>,
}

macro_rules! asset {
    ($path:literal, $file:literal, $ct:expr) => {
        Asset {
            path: $path,
            content_type: $ct,
            body: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/", $file)),
            etag: OnceLock::new(),
        }
    };
}

const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// Served whether or not the web interface is on: `/docs` and `/redoc` need them.
pub static DOCS_ASSETS: [Asset; 9] = [
    asset!(
        "/static/swagger-ui/swagger-ui-bundle.js",
        "swagger-ui/swagger-ui-bundle.js",
        JS
    ),
    asset!(
        "/static/swagger-ui/swagger-ui.css",
        "swagger-ui/swagger-ui.css",
        CSS
    ),
    asset!(
        "/static/swagger-ui/favicon-32x32.png",
        "swagger-ui/favicon-32x32.png",
        "image/png"
    ),
    asset!("/static/swagger-ui/LICENSE", "swagger-ui/LICENSE", TEXT),
    asset!("/static/swagger-ui/NOTICE", "swagger-ui/NOTICE", TEXT),
    asset!(
        "/static/swagger-ui/swagger-ui-bundle.js.LICENSE.txt",
        "swagger-ui/swagger-ui-bundle.js.LICENSE.txt",
        TEXT
    ),
    asset!(
        "/static/redoc/redoc.standalone.js",
        "redoc/redoc.standalone.js",
        JS
    ),
    asset!("/static/redoc/LICENSE", "redoc/LICENSE", TEXT),
    asset!(
        "/static/redoc/redoc.standalone.js.LICENSE.txt",
        "redoc/redoc.standalone.js.LICENSE.txt",
        TEXT
    ),
];

/// Only with the web interface on (PROTOCOL.md §8: `/web*` is off otherwise).
pub static WEB_ASSETS: [Asset; 4] = [
    asset!("/web/", "web/index.html", "text/html; charset=utf-8"),
    asset!("/web/static/app.js", "web/app.js", JS),
    asset!("/web/static/app.css", "web/app.css", CSS),
    asset!(
        "/web/static/favicon.svg",
        "web/favicon.svg",
        "image/svg+xml"
    ),
];

impl Asset {
    /// A strong validator, so that a reload revalidates with one small
    /// request instead of downloading megabytes of JavaScript again.
    fn etag(&self) -> &str {
        self.etag.get_or_init(|| {
            // FNV-1a: it only has to change when the file does.
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for b in self.body {
                h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
            }
            format!("\"{h:016x}-{}\"", self.body.len())
        })
    }
}

fn serve(req: &HttpRequest, a: &'static Asset) -> HttpResponse {
    let tag = a.etag();
    let fresh = req
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == tag));
    let mut resp = if fresh {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    resp.insert_header((header::ETAG, tag))
        // Revalidate every time: the files change with the binary, not the URL.
        .insert_header((header::CACHE_CONTROL, "no-cache"))
        .insert_header(("X-Content-Type-Options", "nosniff"));
    if a.content_type.starts_with("text/html") {
        resp.insert_header((header::CONTENT_SECURITY_POLICY, WEB_CSP));
    }
    if fresh {
        resp.finish()
    } else {
        resp.content_type(a.content_type).body(a.body)
    }
}

/// For `/docs` and `/redoc`: only this server's files may load. ReDoc's
/// sidebar shows a logo from its vendor's CDN; blocked, the image fails and
/// ReDoc drops it, so the pages stay offline-clean. Inline scripts and styles
/// are the pages' own (and the styles the libraries inject).
pub const DOCS_CSP: &str = "default-src 'self'; script-src 'self' 'unsafe-inline'; \
     style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; \
     worker-src 'self' blob:; connect-src 'self'";

/// For the web interface page. No `frame-ancestors`: Hugging Face Spaces
/// show `/web` inside an iframe.
const WEB_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; connect-src 'self' ws: wss:";

/// One GET resource per file; other methods answer 405 like every route.
pub fn register(cfg: &mut web::ServiceConfig, assets: &'static [Asset]) {
    for a in assets {
        cfg.service(
            web::resource(a.path)
                .route(web::get().to(move |req: HttpRequest| async move { serve(&req, a) }))
                .default_service(web::to(method_not_allowed)),
        );
    }
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

pub async fn docs() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, DOCS_CSP))
        .body(SWAGGER_HTML)
}

pub async fn redoc() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((header::CONTENT_SECURITY_POLICY, DOCS_CSP))
        .body(REDOC_HTML)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_only_reference_embedded_assets() {
        let all: Vec<&str> = DOCS_ASSETS.iter().map(|a| a.path).collect();
        for page in [SWAGGER_HTML, REDOC_HTML] {
            assert!(!page.contains("https://"), "a page must not reach out");
            for src in page
                .split(['"', '\''])
                .filter(|s| s.starts_with("/static/"))
            {
                assert!(all.contains(&src), "{src} is not embedded");
            }
        }
    }

    #[test]
    fn etag_is_stable_and_distinct() {
        let a = DOCS_ASSETS[0].etag();
        assert_eq!(a, DOCS_ASSETS[0].etag());
        assert_ne!(a, DOCS_ASSETS[1].etag());
    }
}
