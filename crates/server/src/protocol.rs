//! Wire shapes of PROTOCOL.md §2 and §5: actions, result envelopes, state,
//! error frames, and pydantic-style validation error entries.
//!
//! Each shape is one type: `/schema` and `/openapi.json` are derived from
//! the same structs that are sent ([`Envelope`] and [`Observation`] are both
//! the reply of every reset and step and its documentation). The Python
//! models of `/schema` (`ReasoningGymAction`, `ReasoningGymObservation`,
//! `State`) are documentation only: they describe openenv's models, whose
//! observation has fields the wire never carries. Error frames and entries
//! are assembled as `serde_json` values, keeping the reference's key order.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use utoipa::ToSchema;

/// What `step` carries (PROTOCOL.md §2.1). Its `/openapi.json` description
/// is set apart so that the document keeps the words it has always had.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, ToSchema)]
#[schema(description = "What `step` carries (spec 2.1).")]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "ReasoningGymAction",
    description = "Action for the Reasoning Gym environment: the agent's answer."
)]
pub struct ReasoningGymAction {
    /// Additional metadata for the action (accepted and ignored).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub metadata: Map<String, Value>,
    /// The agent's answer to the current question.
    pub answer: String,
}

/// The observation inside a result envelope, with the base fields openenv's
/// `Observation` model declares (`done`, `reward`, `metadata`).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, ToSchema)]
#[schemars(
    title = "ReasoningGymObservation",
    description = "Observation from the Reasoning Gym environment."
)]
pub struct ReasoningGymObservation {
    /// Whether the episode has terminated.
    #[serde(default)]
    pub done: bool,
    /// Reward signal from the last action.
    #[serde(default)]
    pub reward: Option<f64>,
    /// Additional metadata for the observation.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub metadata: Map<String, Value>,
    /// The question to answer (after reset).
    #[serde(default)]
    pub question: Option<String>,
    /// Score of the last answer in [0, 1] (after step).
    #[serde(default)]
    pub score: Option<f64>,
    /// The oracle answer (after step).
    #[serde(default)]
    pub correct_answer: Option<String>,
    /// The item's metadata (after step).
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub dataset_metadata: Option<Map<String, Value>>,
}

/// Episode state (PROTOCOL.md §2.3); its `/openapi.json` description, like
/// the action's, is kept as it was.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema, ToSchema)]
#[schema(description = "Episode state (spec 2.3).")]
#[schemars(
    title = "State",
    description = "Base class for environment state.",
    extend("additionalProperties" = true)
)]
pub struct State {
    /// Unique identifier for the current episode.
    #[serde(default)]
    pub episode_id: Option<String>,
    /// Number of steps taken in the current episode.
    #[serde(default)]
    pub step_count: u64,
}

/// The observation as the wire carries it (PROTOCOL.md §2.2): exactly four
/// keys, built from borrowed parts of the item and serialized once, with no
/// `Value` tree in between. The same type documents the reply in
/// `/openapi.json` (as `WireObservation`, with the description it has
/// always had there).
#[derive(Debug, Default, Serialize, ToSchema)]
#[schema(
    as = WireObservation,
    description = "The observation as it travels in a result envelope: exactly four keys."
)]
pub struct Observation<'a> {
    pub question: Option<&'a str>,
    pub score: Option<f64>,
    pub correct_answer: Option<&'a str>,
    #[schema(value_type = Option<Object>)]
    pub dataset_metadata: Option<&'a dataset_core::Metadata>,
}

/// The `data` of an observation frame, and the body of `POST /reset|/step`
/// (PROTOCOL.md §2.2). In `/openapi.json` as `ResultEnvelope`; the
/// description there still names the OpenEnv spec's section, as it always
/// has, so that the document stays byte for byte what clients have seen.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = ResultEnvelope, description = "Reply to reset and step (spec 2.2).")]
pub struct Envelope<'a> {
    pub observation: Observation<'a>,
    // Always a number here; the model allows null. (A plain comment: a doc
    // comment would become a description in /openapi.json.)
    #[schema(value_type = Option<f64>)]
    pub reward: f64,
    pub done: bool,
    /// rgym, opt-in: only in step replies of a session whose reset chose an
    /// `answer_format`: the text that was scored (null: the format found none).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub extracted_answer: Option<Option<&'a str>>,
    /// rgym, opt-in: only in reset replies of a session that has reset with
    /// an `index`: the index of the item the reply carries.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index: Option<u64>,
    /// rgym, opt-in: only in the reply of a reset with a `curriculum`, and
    /// in every reset reply of a session with an adaptive one: the levels
    /// (`{attribute: level}`; a composite's `{member: {attribute: level}}`)
    /// and the config they gave (`dataset_config`, or a composite's
    /// `dataset_specs`); `refused`: why a rebuild at new levels was refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub curriculum: Option<&'a Value>,
}

impl<'a> Envelope<'a> {
    pub fn reset(question: &'a str) -> Envelope<'a> {
        Envelope {
            observation: Observation {
                question: Some(question),
                ..Observation::default()
            },
            reward: 0.0,
            done: false,
            extracted_answer: None,
            index: None,
            curriculum: None,
        }
    }

    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

/// `POST /reset` body: all optional; other keys pass through to the env.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ResetRequest {
    /// Seed: an integer >= 0, of any size (Python ints are unbounded).
    pub seed: Option<u64>,
    /// Episode id (at most 255 characters).
    pub episode_id: Option<String>,
    pub dataset_name: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub dataset_config: Option<Value>,
    #[schema(value_type = Option<Vec<Object>>)]
    pub dataset_specs: Option<Value>,
    pub size: Option<u64>,
    /// rgym, opt-in (WebSocket sessions): how later steps' answers are pulled
    /// out of the completion, kept until a reset changes it: `raw` (as sent),
    /// `answer_tag` (reasoning-gym's `extract_answer`: the last
    /// `<answer>...</answer>`, stripped), `boxed` (the last `\boxed{...}`) or
    /// `auto` (tag, else box, else the stripped text). Step replies then carry
    /// `extracted_answer`.
    pub answer_format: Option<String>,
    /// rgym, opt-in: serve item `index` (0 <= index < size) and move the
    /// cursor there, to resume where a lost connection left off. From then on
    /// the session's reset replies carry `index` and its state `index` and
    /// `cursor` (the index the next reset without parameters serves).
    pub index: Option<u64>,
    /// rgym, opt-in, with `dataset_name`: reasoning-gym's curriculum of the
    /// dataset chooses its config, written over `dataset_config`:
    /// `{"levels": {attribute: level}}` (others at their default level),
    /// `{"level": k}` (every attribute at k, capped at its last level), or,
    /// in WebSocket sessions, `{"adaptive": {"window": 32, "raise_at": 0.8,
    /// "lower_at": 0.2, "start_level": 0}}` (every attribute up a level when
    /// the last `window` scores average `>= raise_at`, down at `<= lower_at`;
    /// the next reset serves the new levels; `start_level` may also be
    /// levels as `levels` takes them). A composite takes `{"levels":
    /// {member: {attribute: level}}}` or `{"level": k}`, and adapts per
    /// member. The reply carries `curriculum` (levels and config).
    #[schema(value_type = Option<Object>)]
    pub curriculum: Option<Value>,
}

/// `POST /step` body.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct StepRequest {
    pub action: ReasoningGymAction,
    /// Optional timeout in seconds (> 0); accepted and ignored.
    pub timeout_s: Option<f64>,
    /// Optional request id (at most 255 characters).
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct HealthResponse {
    /// `healthy` (`/health`); `ready` or `draining` (`/ready`).
    #[schema(example = "healthy")]
    pub status: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EnvironmentMetadata {
    pub name: String,
    pub description: String,
    pub readme_content: Option<String>,
    pub version: String,
    pub author: Option<String>,
    pub documentation_url: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct SchemaResponse {
    #[schema(value_type = Object)]
    pub action: Value,
    #[schema(value_type = Object)]
    pub observation: Value,
    #[schema(value_type = Object)]
    pub state: Value,
}

/// A JSON-RPC 2.0 message (request or response), for the OpenAPI document.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct JsonRpcMessage {
    pub jsonrpc: String,
    pub method: Option<String>,
    #[schema(value_type = Option<Object>)]
    pub params: Option<Value>,
    #[schema(value_type = Option<Object>)]
    pub id: Option<Value>,
}

/// 422 body: `{"detail": [...]}`.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct ValidationErrorBody {
    #[schema(value_type = Vec<Object>)]
    pub detail: Vec<Value>,
}

/// `POST /reset` 500 body: the env error's message, as the WebSocket error
/// frame's `message`, and its cause (`{"detail": "Dataset 'nope' not
/// registered", "reason": "unknown_dataset"}`; README "Error reasons").
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct EnvErrorBody {
    pub detail: String,
    /// `unknown_dataset`, `invalid_config`, `missing_parameter`,
    /// `invalid_parameter`, `generation_failed`, `timeout`, `capacity`,
    /// `too_large`, `shutting_down` or `internal`.
    #[schema(example = "unknown_dataset")]
    pub reason: String,
}

/// `/schema`: the JSON Schemas of action, observation and state.
pub fn schemas() -> Value {
    fn schema<T: JsonSchema>() -> Value {
        let gen = schemars::generate::SchemaSettings::draft2020_12()
            .with(|s| s.meta_schema = None)
            .into_generator();
        serde_json::to_value(gen.into_root_schema_for::<T>()).unwrap_or(Value::Null)
    }
    json!({
        "action": schema::<ReasoningGymAction>(),
        "observation": schema::<ReasoningGymObservation>(),
        "state": schema::<State>(),
    })
}

pub fn metadata(web: bool, readme: Option<String>) -> Value {
    let name = if web {
        "reasoning_gym"
    } else {
        "ReasoningGymEnvironment"
    };
    json!({
        "name": name,
        "description": "ReasoningGymEnvironment environment",
        "readme_content": readme,
        "version": "1.0.0",
        "author": null,
        "documentation_url": null,
    })
}

// ---- error codes (PROTOCOL.md §5.4) ---------------------------------------

pub const INVALID_JSON: &str = "INVALID_JSON";
pub const UNKNOWN_TYPE: &str = "UNKNOWN_TYPE";
pub const VALIDATION_ERROR: &str = "VALIDATION_ERROR";
pub const EXECUTION_ERROR: &str = "EXECUTION_ERROR";
pub const CAPACITY_REACHED: &str = "CAPACITY_REACHED";

/// `{"type":"error","data":{"message","code", ...extra}}`.
pub fn error_frame(code: &str, message: &str, extra: Map<String, Value>) -> Value {
    let mut data = Map::new();
    data.insert("message".into(), Value::String(message.to_string()));
    data.insert("code".into(), Value::String(code.to_string()));
    data.extend(extra);
    json!({"type": "error", "data": Value::Object(data)})
}

pub fn validation_frame(errors: Vec<Value>) -> Value {
    let mut extra = Map::new();
    extra.insert("errors".into(), Value::Array(errors));
    error_frame(VALIDATION_ERROR, "Invalid message", extra)
}

pub fn capacity_message(active: usize, max: usize) -> String {
    format!("Server at capacity: {active}/{max} sessions active. Cannot accept new connections.")
}

pub fn capacity_frame(active: usize, max: usize) -> Value {
    let mut extra = Map::new();
    extra.insert("active_sessions".into(), active.into());
    extra.insert("max_sessions".into(), max.into());
    error_frame(CAPACITY_REACHED, &capacity_message(active, max), extra)
}

// ---- pydantic-style validation entries -----------------------------------

/// One entry of a pydantic `ValidationError.errors()` list.
pub fn verr(kind: &str, loc: &[Value], msg: &str, input: Value) -> Value {
    json!({"type": kind, "loc": loc, "msg": msg, "input": bounded_input(input)})
}

/// An error entry's `input` as sent back: a string is quoted at most
/// [`ECHO_MAX_CHARS`](dataset_core::input::ECHO_MAX_CHARS) characters long
/// (then "…"), like every other piece of client text in an error. Other
/// values come back whole (they are bounded by the frame limit).
pub fn bounded_input(input: Value) -> Value {
    match input {
        Value::String(s) => match dataset_core::input::echo(&s) {
            std::borrow::Cow::Borrowed(_) => Value::String(s),
            std::borrow::Cow::Owned(cut) => Value::String(cut),
        },
        other => other,
    }
}

pub fn loc(parts: &[&str]) -> Vec<Value> {
    parts.iter().map(|p| Value::String(p.to_string())).collect()
}

pub fn missing(at: Vec<Value>, input: Value) -> Value {
    verr("missing", &at, "Field required", input)
}

pub fn extra_forbidden(at: Vec<Value>, input: Value) -> Value {
    verr(
        "extra_forbidden",
        &at,
        "Extra inputs are not permitted",
        input,
    )
}

pub fn dict_type(at: Vec<Value>, input: Value) -> Value {
    verr(
        "dict_type",
        &at,
        "Input should be a valid dictionary",
        input,
    )
}

pub fn string_type(at: Vec<Value>, input: Value) -> Value {
    verr("string_type", &at, "Input should be a valid string", input)
}

/// Checks an action object (PROTOCOL.md §2.1); `prefix` is prepended to each `loc`.
/// Returns the answer.
pub fn validate_action(action: &Value, prefix: &[Value]) -> Result<String, Vec<Value>> {
    let at = |field: &str| {
        let mut l = prefix.to_vec();
        l.push(Value::String(field.to_string()));
        l
    };
    let Some(obj) = action.as_object() else {
        return Err(vec![dict_type(prefix.to_vec(), action.clone())]);
    };
    let mut errors = Vec::new();
    let mut answer = None;
    match obj.get("answer") {
        None => errors.push(missing(at("answer"), action.clone())),
        Some(Value::String(s)) => answer = Some(s.clone()),
        Some(other) => errors.push(string_type(at("answer"), other.clone())),
    }
    if let Some(m) = obj.get("metadata") {
        if !m.is_object() {
            errors.push(dict_type(at("metadata"), m.clone()));
        }
    }
    for (k, v) in obj {
        if k != "answer" && k != "metadata" {
            errors.push(extra_forbidden(at(k), v.clone()));
        }
    }
    match answer {
        Some(a) if errors.is_empty() => Ok(a),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_have_the_reference_fields() {
        let s = schemas();
        let act = &s["action"];
        assert_eq!(act["type"], "object");
        assert_eq!(act["required"], json!(["answer"]));
        assert_eq!(act["additionalProperties"], false);
        assert_eq!(act["properties"]["answer"]["type"], "string");
        assert!(act["properties"]["metadata"].is_object());
        let props: Vec<&String> = s["observation"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(
            props,
            [
                "done",
                "reward",
                "metadata",
                "question",
                "score",
                "correct_answer",
                "dataset_metadata"
            ]
        );
        assert_eq!(s["state"]["additionalProperties"], true);
        assert_eq!(s["state"]["properties"]["step_count"]["minimum"], 0);
    }

    #[test]
    fn action_validation() {
        assert_eq!(
            validate_action(&json!({"answer": "4"}), &[]),
            Ok("4".into())
        );
        assert_eq!(
            validate_action(&json!({"answer": "4", "metadata": {"k": 1}}), &[]),
            Ok("4".into())
        );
        let e = validate_action(&json!({"answer": 4, "bogus": 1}), &[]).unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0]["loc"], json!(["answer"]));
        assert_eq!(e[1]["type"], "extra_forbidden");
        let e = validate_action(&json!({}), &loc(&["body", "action"])).unwrap_err();
        assert_eq!(e[0]["loc"], json!(["body", "action", "answer"]));
        assert!(validate_action(&json!("x"), &[]).is_err());
    }
}
