//! The actix-web app's routes: the top of the HTTP modules, which only
//! wires the handlers below it to their paths.
//!
//! * [`reply`]: the replies every handler builds (the leaf);
//! * [`body`]: request bodies read as FastAPI and pydantic read them;
//! * [`api`]: the OpenEnv routes (`/reset`, `/step`, `/state`, `/health`...) and `/ready`;
//! * [`batch`]: rgym's stateless batch API (`/v1/generate`, `/v1/score`);
//! * [`upgrade`]: `WS /ws` and `WS /mcp`, handing connections to session actors;
//! * [`web`]: the web interface (`/web*`, `WS /ws/ui`), when enabled;
//! * [`assets`]: embedded files and the `/docs` and `/redoc` pages;
//! * [`openapi`]: `/openapi.json`, generated from the handlers' annotations.

pub mod api;
pub mod assets;
pub mod batch;
pub mod body;
pub mod openapi;
pub mod reply;
pub mod upgrade;
pub mod web;

use actix_web::web as aweb;

use reply::method_not_allowed;

/// Registers every route; the web interface only when enabled.
pub fn configure(cfg: &mut aweb::ServiceConfig, web_interface: bool) {
    let res = |path: &str| aweb::resource(path).default_service(aweb::to(method_not_allowed));
    cfg.service(res("/health").route(aweb::get().to(api::health)))
        .service(res("/ready").route(aweb::get().to(api::ready)))
        .service(res("/metadata").route(aweb::get().to(api::metadata)))
        .service(res("/schema").route(aweb::get().to(api::schema)))
        .service(res("/state").route(aweb::get().to(api::state)))
        .service(res("/reset").route(aweb::post().to(api::reset)))
        .service(res("/step").route(aweb::post().to(api::step)))
        .service(
            res("/mcp")
                .route(aweb::post().to(api::mcp))
                .route(aweb::get().to(upgrade::mcp_ws)),
        )
        .service(res("/ws").route(aweb::get().to(upgrade::ws)))
        .service(res("/v1/generate").route(aweb::post().to(batch::generate)))
        .service(res("/v1/score").route(aweb::post().to(batch::score)))
        .service(res("/metrics").route(aweb::get().to(api::prometheus_metrics)))
        .service(res("/openapi.json").route(aweb::get().to(openapi::serve)))
        .service(res("/docs").route(aweb::get().to(assets::docs)))
        .service(res("/redoc").route(aweb::get().to(assets::redoc)));
    assets::register(cfg, &assets::DOCS_ASSETS);
    if web_interface {
        web::configure(cfg);
    }
}
