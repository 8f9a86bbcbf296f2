//! The stateless batch API, rgym's own routes beside OpenEnv's: `POST
//! /v1/generate` (items in bulk, the rows `rgym generate` writes) and `POST
//! /v1/score` (many answers at once, the scores a session's steps give).
//! Nothing is kept between requests, so any replica answers any request.
//!
//! A request names its dataset as a WebSocket reset does (`dataset_name`,
//! `dataset_config` or composite's `dataset_specs`, `seed`, `size`), shares
//! the server's dataset instances, and runs as one job on the worker pool
//! under `generation_timeout`. Bounds: `max_batch_items` items or answers per
//! request, `max_frame_bytes` per body, `max_reply_bytes` per reply (per
//! chunk when streamed). Shape errors are 422 with pydantic-style entries;
//! dataset errors are the 500 `{"detail": message}` that `POST /reset` gives.

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse};
use dataset_core::export::{Format, CHUNK};
use extract::AnswerFormat;
use futures_util::stream::{self, StreamExt};
use serde_json::{json, Map, Value};
use utoipa::ToSchema;

use super::body::read_json;
use super::reply::{env_error_response, unprocessable};
use crate::app::App;
use crate::env::curriculum::Curricular;
use crate::env::{plan_build, Build};
use crate::error::{EnvError, Reason};
use crate::protocol::{extra_forbidden, loc, missing, verr, EnvErrorBody, ValidationErrorBody};
use crate::supervisor::batch::Answer;
use dataset_core::export::ScoreRow;

/// What names the dataset, in both requests.
const DATASET_KEYS: [&str; 6] = [
    "dataset_name",
    "dataset_config",
    "dataset_specs",
    "seed",
    "size",
    "curriculum",
];

/// `POST /v1/generate`'s body.
#[derive(ToSchema)]
#[allow(dead_code)] // Documentation only: the body is read by hand, for its error entries.
pub struct GenerateRequest {
    /// A registered dataset, or `composite` (then `dataset_specs`).
    dataset_name: String,
    /// The dataset's config, as for a reset.
    dataset_config: Option<Map<String, Value>>,
    /// For `composite`: `[{"name", "weight", "config"}]`.
    dataset_specs: Option<Vec<Value>>,
    /// Any integer: item `i` is `Random(seed + i)`.
    #[schema(value_type = i64)]
    seed: Value,
    /// The dataset's size; indices are `< size`.
    size: u64,
    /// First index (default 0).
    start: Option<u64>,
    /// How many items, `1..=max_batch_items`, all below `size`.
    count: u64,
    /// reasoning-gym's curriculum chooses the config, as in a reset:
    /// `{"levels": {attribute: level}}` or `{"level": k}` (a composite:
    /// `{"levels": {member: {attribute: level}}}`).
    #[schema(value_type = Option<Object>)]
    curriculum: Option<Value>,
}

/// One row of `POST /v1/generate`'s reply, as `rgym generate` writes it.
#[derive(ToSchema)]
#[allow(dead_code)] // Documentation only: rows are rendered by the export engine.
pub struct GeneratedItem {
    index: u64,
    question: String,
    /// `null` where reasoning-gym's answer is `None` (any valid answer scores).
    answer: Option<String>,
    metadata: Map<String, Value>,
}

/// One answer of a `POST /v1/score` request.
#[derive(ToSchema)]
#[allow(dead_code)] // Documentation only.
pub struct ScoreAnswer {
    index: u64,
    /// The completion; `null` scores as reasoning-gym scores `None`.
    answer: Option<String>,
}

/// `POST /v1/score`'s body.
#[derive(ToSchema)]
#[allow(dead_code)] // Documentation only: the body is read by hand, for its error entries.
pub struct ScoreRequest {
    dataset_name: String,
    dataset_config: Option<Map<String, Value>>,
    dataset_specs: Option<Vec<Value>>,
    #[schema(value_type = i64)]
    seed: Value,
    size: u64,
    /// `raw`, `answer_tag`, `boxed` or `auto`: extract the answer from each
    /// completion before scoring, and return what was scored.
    answer_format: Option<String>,
    /// `1..=max_batch_items` answers.
    answers: Vec<ScoreAnswer>,
    /// The curriculum the items were generated with (`levels` or `level`).
    #[schema(value_type = Option<Object>)]
    curriculum: Option<Value>,
}

/// One row of `POST /v1/score`'s reply, as `rgym score` writes it.
#[derive(ToSchema)]
#[allow(dead_code)] // Documentation only: `dataset_core::export::ScoreRow` is sent.
pub struct ScoredAnswer {
    index: u64,
    score: f64,
    /// Only with `answer_format`: the text that was scored (`null`: none found).
    extracted_answer: Option<String>,
}

/// The body as an object with no keys but the dataset's and `own`, and the
/// dataset's and `required` present; errors as 422 entries.
fn read_request(
    req: &HttpRequest,
    body: &Bytes,
    own: &[&str],
    required: &str,
) -> Result<Map<String, Value>, Vec<Value>> {
    let obj = match read_json(req, body)? {
        None => return Err(vec![missing(loc(&["body"]), Value::Null)]),
        Some(Value::Object(o)) => o,
        Some(other) => {
            return Err(vec![verr(
                "model_attributes_type",
                &loc(&["body"]),
                "Input should be a valid dictionary or object to extract fields from",
                other,
            )])
        }
    };
    let mut errors: Vec<Value> = obj
        .iter()
        .filter(|(k, _)| !DATASET_KEYS.contains(&k.as_str()) && !own.contains(&k.as_str()))
        .map(|(k, v)| extra_forbidden(loc(&["body", k]), v.clone()))
        .collect();
    for key in ["dataset_name", "seed", "size", required] {
        if obj.get(key).is_none_or(Value::is_null) {
            errors.push(missing(loc(&["body", key]), Value::Object(obj.clone())));
        }
    }
    if errors.is_empty() {
        Ok(obj)
    } else {
        Err(errors)
    }
}

/// A non-negative JSON integer at `at`.
fn uint(v: &Value, at: &[Value]) -> Result<u64, Value> {
    v.as_u64().ok_or_else(|| {
        verr(
            "int_type",
            at,
            "Input should be a non-negative integer",
            v.clone(),
        )
    })
}

/// The dataset a request names, checked as a reset checks it, its config
/// chosen by a `curriculum` (`levels` or `level`) when there is one.
fn plan(obj: &Map<String, Value>) -> Result<Build, EnvError> {
    let get = |k: &str| obj.get(k).filter(|v| !v.is_null());
    let name = get("dataset_name").cloned().unwrap_or(Value::Null);
    let build = plan_build(&name, &get)?;
    let Some(v) = get("curriculum") else {
        return Ok(build);
    };
    let k = &build.key;
    let c = Curricular::plan(v, &k.name, &build.config, &k.seed, k.size, false)?;
    let (key, config) = c.dataset();
    Ok(Build { key, config })
}

fn wants_ndjson(req: &HttpRequest) -> bool {
    req.headers()
        .get_all(header::ACCEPT)
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.to_ascii_lowercase().contains("application/x-ndjson"))
}

#[utoipa::path(
    post, path = "/v1/generate", tag = "Batch (rgym)",
    summary = "Generate items in bulk",
    description = "Items `start..start+count` of a dataset, as `rgym generate` writes them: a JSON \
                   array, or JSON Lines streamed in chunks of 1,024 items with \
                   `Accept: application/x-ndjson` (a stream that fails after its start ends with \
                   a line `{\"error\": message}`). Stateless; the whole reply (or each chunk) \
                   runs within `generation_timeout` and `max_reply_bytes`.",
    request_body(content = GenerateRequest, content_type = "application/json",
                 example = json!({"dataset_name": "leg_counting", "seed": 42, "size": 100, "count": 3})),
    responses(
        (status = 200, description = "The items", body = Vec<GeneratedItem>),
        (status = 413, description = "Body over `max_frame_bytes`"),
        (status = 422, description = "Malformed request, `count` out of `1..=max_batch_items`, or indices past `size`", body = ValidationErrorBody),
        (status = 500, description = "Dataset error (unknown dataset, invalid config, an item that fails, the time limit): `{\"detail\": message}`", body = EnvErrorBody),
        (status = 503, description = "The server is shutting down", body = EnvErrorBody),
    )
)]
pub async fn generate(req: HttpRequest, body: Bytes, app: App) -> HttpResponse {
    let obj = match read_request(&req, &body, &["start", "count"], "count") {
        Ok(o) => o,
        Err(detail) => return unprocessable(detail),
    };
    let build = match plan(&obj) {
        Ok(b) => b,
        Err(e) => return env_error_response(&e),
    };
    let size = build.key.size;
    let max = app.settings.max_batch_items as u64;
    let start = match obj.get("start").filter(|v| !v.is_null()) {
        None => Ok(0),
        Some(v) => uint(v, &loc(&["body", "start"])),
    };
    let count = obj
        .get("count")
        .map_or(Ok(0), |v| uint(v, &loc(&["body", "count"])));
    let (start, count) = match (start, count) {
        (Ok(s), Ok(c)) => (s, c),
        (s, c) => return unprocessable(s.err().into_iter().chain(c.err()).collect()),
    };
    if count == 0 || count > max {
        return unprocessable(vec![json!({
            "type": "count_range", "loc": ["body", "count"],
            "msg": format!("count must be between 1 and max_batch_items ({max})"),
            "input": count, "ctx": {"max_batch_items": max},
        })]);
    }
    if start >= size || count > size - start {
        return unprocessable(vec![json!({
            "type": "index_range", "loc": ["body", "start"],
            "msg": format!("items start..start+count must be below size ({size})"),
            "input": start, "ctx": {"size": size, "count": count},
        })]);
    }
    let sup = app.supervisor.clone();
    let ds = match sup.acquire(build.key, build.config).await {
        Ok(ds) => ds,
        Err(e) => return env_error_response(&e),
    };
    let max_bytes = app.settings.max_reply_bytes;
    let end = start + count;
    if !wants_ndjson(&req) {
        return match sup
            .render_batch(ds, start..end, Format::JsonArray, max_bytes)
            .await
        {
            Ok(mut rows) => {
                // What `rgym generate --format json` writes around the rows.
                rows.splice(0..0, *b"[");
                rows.extend_from_slice(b"\n]\n");
                HttpResponse::Ok()
                    .content_type("application/json")
                    .body(rows)
            }
            Err(e) => env_error_response(&e),
        };
    }
    // Streamed: the first chunk before the headers, so that a request that
    // fails at once still gets its status; later chunks as the client reads.
    let chunk = move |k: u64| start + k * CHUNK..end.min(start + (k + 1) * CHUNK);
    let first = match sup
        .render_batch(ds.clone(), chunk(0), Format::JsonLines, max_bytes)
        .await
    {
        Ok(rows) => rows,
        Err(e) => return env_error_response(&e),
    };
    let chunks = count.div_ceil(CHUNK);
    let rest = stream::unfold(Some(1u64), move |next| {
        let (sup, ds) = (sup.clone(), ds.clone());
        async move {
            let k = next.filter(|&k| k < chunks)?;
            match sup
                .render_batch(ds, chunk(k), Format::JsonLines, max_bytes)
                .await
            {
                Ok(rows) => Some((Bytes::from(rows), Some(k + 1))),
                Err(e) => {
                    let message = match e {
                        EnvError::Execution(_, m) | EnvError::Stopped(m) => Value::String(m),
                        EnvError::Validation(entries) => Value::Array(entries),
                    };
                    let mut line = json!({ "error": message }).to_string();
                    line.push('\n');
                    Some((Bytes::from(line), None))
                }
            }
        }
    });
    let body = stream::once(async move { Bytes::from(first) })
        .chain(rest)
        .map(Ok::<_, actix_web::Error>);
    HttpResponse::Ok()
        .content_type("application/x-ndjson")
        .streaming(body)
}

#[utoipa::path(
    post, path = "/v1/score", tag = "Batch (rgym)",
    summary = "Score answers in bulk",
    description = "Scores each `{index, answer}` against item `index` of the dataset: the scores a \
                   session's steps give. With `answer_format`, the answer is first extracted \
                   from the completion and each row says what was scored. Stateless; the whole \
                   batch runs within `generation_timeout`.",
    request_body(content = ScoreRequest, content_type = "application/json",
                 example = json!({"dataset_name": "leg_counting", "seed": 42, "size": 100,
                                  "answers": [{"index": 0, "answer": "12"}]})),
    responses(
        (status = 200, description = "One row per answer, in request order", body = Vec<ScoredAnswer>),
        (status = 413, description = "Body over `max_frame_bytes`"),
        (status = 422, description = "Malformed request, more than `max_batch_items` answers, an index past `size`, an unknown `answer_format`", body = ValidationErrorBody),
        (status = 500, description = "Dataset error (unknown dataset, invalid config, the time limit): `{\"detail\": message}`", body = EnvErrorBody),
        (status = 503, description = "The server is shutting down", body = EnvErrorBody),
    )
)]
pub async fn score(req: HttpRequest, body: Bytes, app: App) -> HttpResponse {
    let obj = match read_request(&req, &body, &["answer_format", "answers"], "answers") {
        Ok(o) => o,
        Err(detail) => return unprocessable(detail),
    };
    let build = match plan(&obj) {
        Ok(b) => b,
        Err(e) => return env_error_response(&e),
    };
    let size = build.key.size;
    let max = app.settings.max_batch_items;
    let mut errors = Vec::new();
    let format = match obj.get("answer_format").filter(|v| !v.is_null()) {
        None => None,
        Some(Value::String(s)) => match s.parse::<AnswerFormat>() {
            Ok(f) => Some(f),
            Err(e) => {
                errors.push(verr(
                    "enum",
                    &loc(&["body", "answer_format"]),
                    &e.to_string(),
                    Value::String(s.clone()),
                ));
                None
            }
        },
        Some(other) => {
            errors.push(verr(
                "string_type",
                &loc(&["body", "answer_format"]),
                "Input should be a valid string",
                other.clone(),
            ));
            None
        }
    };
    let answers = match obj.get("answers") {
        Some(Value::Array(a)) if !a.is_empty() && a.len() <= max => {
            read_answers(a, size, &mut errors)
        }
        Some(Value::Array(a)) => {
            errors.push(json!({
                "type": "count_range", "loc": ["body", "answers"],
                "msg": format!("answers must hold between 1 and max_batch_items ({max}) entries"),
                "input": a.len(), "ctx": {"max_batch_items": max},
            }));
            Vec::new()
        }
        other => {
            errors.push(verr(
                "list_type",
                &loc(&["body", "answers"]),
                "Input should be a valid list",
                other.cloned().unwrap_or(Value::Null),
            ));
            Vec::new()
        }
    };
    if !errors.is_empty() {
        return unprocessable(errors);
    }
    let sup = &app.supervisor;
    let ds = match sup.acquire(build.key, build.config).await {
        Ok(ds) => ds,
        Err(e) => return env_error_response(&e),
    };
    match sup.score_batch(ds, answers, format).await {
        Ok(rows) => reply_rows(&rows),
        Err(e) => env_error_response(&e),
    }
}

/// `answers[i]` as `{index < size, answer: string | null}`; errors collected.
fn read_answers(list: &[Value], size: u64, errors: &mut Vec<Value>) -> Vec<Answer> {
    let mut answers = Vec::with_capacity(list.len());
    for (i, entry) in list.iter().enumerate() {
        let entry_at = vec![Value::from("body"), Value::from("answers"), Value::from(i)];
        let at = |key: &str| {
            let mut at = entry_at.clone();
            at.push(Value::from(key));
            at
        };
        let Value::Object(o) = entry else {
            errors.push(verr(
                "model_type",
                &entry_at,
                "Input should be an object {index, answer}",
                entry.clone(),
            ));
            continue;
        };
        let index = match o.get("index") {
            None => Err(missing(at("index"), entry.clone())),
            Some(v) => uint(v, &at("index")).and_then(|n| {
                if n < size {
                    Ok(n)
                } else {
                    Err(json!({
                        "type": "index_range", "loc": at("index"),
                        "msg": format!("index must be below size ({size})"),
                        "input": n, "ctx": {"size": size},
                    }))
                }
            }),
        };
        let answer = match o.get("answer") {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(verr(
                "string_type",
                &at("answer"),
                "Input should be a valid string or null",
                other.clone(),
            )),
        };
        let extra = o
            .iter()
            .filter(|(k, _)| *k != "index" && *k != "answer")
            .map(|(k, v)| extra_forbidden(at(k), v.clone()));
        errors.extend(extra);
        match (index, answer) {
            (Ok(index), Ok(answer)) => answers.push(Answer { index, answer }),
            (index, answer) => errors.extend(index.err().into_iter().chain(answer.err())),
        }
    }
    answers
}

fn reply_rows(rows: &[ScoreRow]) -> HttpResponse {
    match serde_json::to_vec(rows) {
        Ok(body) => HttpResponse::Ok()
            .content_type("application/json")
            .body(body),
        Err(e) => env_error_response(&EnvError::exec(Reason::Internal, e.to_string())),
    }
}
