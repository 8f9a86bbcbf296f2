//! The web interface (spec section 8): one env shared by every browser user,
//! separate from the `/ws` sessions, plus `WS /ws/ui` pushing its state.

use std::time::{SystemTime, UNIX_EPOCH};

use actix_web::http::header;
use actix_web::web::{self, Bytes};
use actix_web::{HttpRequest, HttpResponse};
use actix_ws::{AggregatedMessage, CloseCode};
use serde_json::{json, Map, Value};
use tokio::sync::{broadcast, Mutex};

use crate::env::Env;
use crate::http::{internal_error, method_not_allowed, ok, read_json, reset_env, App};
use crate::protocol::validate_action;

struct Shared {
    env: Env,
    current_observation: Value,
    action_logs: Vec<Value>,
    is_reset: bool,
}

pub struct WebEnv {
    shared: Mutex<Shared>,
    updates: broadcast::Sender<String>,
}

impl Default for WebEnv {
    fn default() -> Self {
        WebEnv::new()
    }
}

/// `datetime.now().isoformat()`-like UTC timestamp.
fn timestamp() -> String {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let secs = d.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:06}",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        d.subsec_micros()
    )
}

impl WebEnv {
    pub fn new() -> WebEnv {
        WebEnv {
            shared: Mutex::new(Shared {
                env: Env::new(),
                current_observation: Value::Null,
                action_logs: Vec::new(),
                is_reset: true,
            }),
            updates: broadcast::channel(64).0,
        }
    }

    fn snapshot(s: &Shared) -> String {
        let st = s.env.state();
        json!({
            "type": "state_update",
            "episode_state": {
                "episode_id": st["episode_id"],
                "step_count": st["step_count"],
                "current_observation": s.current_observation,
                "action_logs": s.action_logs,
                "is_reset": s.is_reset,
            }
        })
        .to_string()
    }

    fn publish(&self, s: &Shared) {
        // No subscribers is fine.
        let _ = self.updates.send(Self::snapshot(s));
    }
}

fn web_env(app: &App) -> Option<&WebEnv> {
    app.web.as_ref()
}

async fn redirect() -> HttpResponse {
    HttpResponse::TemporaryRedirect()
        .insert_header((header::LOCATION, "/web/"))
        .finish()
}

async fn page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(PAGE)
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
        (status = 200, description = "Reset", body = crate::protocol::ResultEnvelope),
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
    let mut s = web.shared.lock().await;
    match reset_env(&app, &mut s.env, &params).await {
        Ok(envelope) => {
            s.current_observation = envelope["observation"].clone();
            s.action_logs.clear();
            s.is_reset = true;
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
        (status = 200, description = "Step", body = crate::protocol::ResultEnvelope),
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
    let mut s = web.shared.lock().await;
    let job = s.env.begin_step(answer);
    match job.run(&app.supervisor).await {
        Ok(outcome) => {
            let envelope = outcome.envelope();
            let entry = json!({
                "timestamp": timestamp(),
                "action": action,
                "observation": envelope["observation"],
                "reward": envelope["reward"],
                "done": envelope["done"],
                "step_count": s.env.step_count(),
            });
            s.action_logs.push(entry);
            s.current_observation = envelope["observation"].clone();
            s.is_reset = false;
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
        Some(web) => ok(&web.shared.lock().await.env.state()),
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
    let (resp, mut session, stream) = actix_ws::handle(&req, body)?;
    let mut updates = web.updates.subscribe();
    let first = WebEnv::snapshot(&*web.shared.lock().await);
    let mut shutdown = app.shutdown_signal();
    let mut stream = stream.aggregate_continuations();
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

pub fn configure(cfg: &mut web::ServiceConfig) {
    let res = |path: &str| web::resource(path).default_service(web::to(method_not_allowed));
    cfg.service(res("/").route(web::get().to(redirect)))
        .service(res("/web").route(web::get().to(redirect)))
        .service(res("/web/").route(web::get().to(page)))
        .service(res("/web/metadata").route(web::get().to(metadata)))
        .service(res("/web/reset").route(web::post().to(reset)))
        .service(res("/web/step").route(web::post().to(step)))
        .service(res("/web/state").route(web::get().to(state)))
        .service(res("/ws/ui").route(web::get().to(ws_ui)));
}

/// A minimal page; the real UI is a separate piece of work.
const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>reasoning_gym</title>
<style>body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}
pre{background:#f4f4f4;padding:1rem;white-space:pre-wrap}input{width:60%}</style></head>
<body>
<h1>reasoning_gym</h1>
<p><button id="reset">Reset</button></p>
<pre id="question">Press Reset for a question.</pre>
<p><input id="answer" placeholder="Your answer"> <button id="step">Submit</button></p>
<pre id="result"></pre>
<script>
async function post(path, body) {
  const r = await fetch(path, {method: "POST", headers: {"Content-Type": "application/json"},
                               body: JSON.stringify(body)});
  if (!r.ok) throw new Error(r.status + " " + await r.text());
  return r.json();
}
document.getElementById("reset").onclick = async () => {
  const r = await post("/web/reset", {});
  document.getElementById("question").textContent = r.observation.question;
  document.getElementById("result").textContent = "";
};
document.getElementById("step").onclick = async () => {
  const answer = document.getElementById("answer").value;
  const r = await post("/web/step", {action: {answer}});
  document.getElementById("result").textContent = JSON.stringify(r, null, 2);
};
</script>
</body>
</html>
"#;

#[cfg(test)]
mod tests {
    #[test]
    fn timestamp_shape() {
        let t = super::timestamp();
        assert_eq!(t.len(), 26, "{t}");
        assert_eq!(&t[4..5], "-");
        assert_eq!(&t[10..11], "T");
    }
}
