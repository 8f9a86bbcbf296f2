//! The `/ws` protocol's frames (PROTOCOL.md §5.2-§5.5): reading a client
//! frame into a request, in the reference's order of checks, and writing
//! replies.

use std::borrow::Cow;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::EnvError;
use crate::protocol::{
    dict_type, error_frame, extra_forbidden, missing, validate_action, validation_frame, verr,
    Envelope, EXECUTION_ERROR, INVALID_JSON, UNKNOWN_TYPE,
};

/// A message type of PROTOCOL.md §5.2, read once from the frame's `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reset,
    Step,
    State,
    Close,
    Mcp,
}

impl Kind {
    fn parse(text: &str) -> Option<Kind> {
        Some(match text {
            "reset" => Kind::Reset,
            "step" => Kind::Step,
            "state" => Kind::State,
            "close" => Kind::Close,
            "mcp" => Kind::Mcp,
            _ => return None,
        })
    }

    /// The top-level keys its envelope may carry.
    fn keys(self) -> &'static [&'static str] {
        match self {
            Kind::Reset | Kind::Step | Kind::Mcp => &["type", "data"],
            Kind::State | Kind::Close => &["type"],
        }
    }

    /// Its `type` label in `rgym_messages_total`.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Reset => "reset",
            Kind::Step => "step",
            Kind::State => "state",
            Kind::Close => "close",
            Kind::Mcp => "mcp",
        }
    }
}

/// A frame of the `/ws` protocol that passed validation.
#[derive(Debug)]
pub enum Request {
    Reset(Map<String, Value>),
    /// The action's answer.
    Step(String),
    State,
    Close,
    Mcp(Value),
}

/// Parses JSON, reads `type`, validates the envelope, then the action
/// (PROTOCOL.md §5.5). Errors come back as a metrics label and the error
/// frame to send.
pub fn parse_request(text: &str) -> Result<Request, (&'static str, Value)> {
    let v: Value = dataset_core::input::parse_json(text).map_err(|e| {
        (
            "invalid",
            error_frame(INVALID_JSON, &format!("Invalid JSON: {e}"), Map::new()),
        )
    })?;
    let mut obj = match v {
        Value::Object(o) => o,
        other => {
            // The reference kills the session here (SESSION_ERROR); an error
            // reply that keeps the connection is the better behaviour
            // (PROTOCOL.md §9, quirk 3).
            return Err((
                "invalid",
                validation_frame(vec![verr(
                    "model_type",
                    &[],
                    "Input should be an object",
                    other,
                )]),
            ));
        }
    };
    let type_text: Cow<'_, str> = match obj.get("type") {
        None => Cow::Borrowed(""),
        Some(Value::String(s)) => Cow::Borrowed(s),
        Some(other) => Cow::Owned(other.to_string()),
    };
    let Some(kind) = Kind::parse(&type_text) else {
        return Err((
            "unknown",
            error_frame(
                UNKNOWN_TYPE,
                &format!(
                    "Unknown message type: {}",
                    dataset_core::input::echo(&type_text)
                ),
                Map::new(),
            ),
        ));
    };
    let allowed = kind.keys();
    let mut errors: Vec<Value> = obj
        .iter()
        .filter(|(k, _)| !allowed.contains(&k.as_str()))
        .map(|(k, v)| extra_forbidden(vec![Value::from(k.as_str())], v.clone()))
        .collect();
    let data_at = || vec![Value::from("data")];
    let req = match kind {
        Kind::Reset => match obj.remove("data") {
            None => Some(Request::Reset(Map::new())),
            Some(Value::Object(m)) => Some(Request::Reset(m)),
            Some(other) => {
                errors.push(dict_type(data_at(), other));
                None
            }
        },
        Kind::Step | Kind::Mcp => match obj.get("data") {
            None => {
                errors.push(missing(data_at(), Value::Object(obj)));
                None
            }
            Some(Value::Object(_)) if kind == Kind::Mcp => obj.remove("data").map(Request::Mcp),
            // The action is checked only once the envelope is valid.
            Some(d @ Value::Object(_)) if errors.is_empty() => match validate_action(d, &[]) {
                Ok(answer) => Some(Request::Step(answer)),
                Err(e) => {
                    errors.extend(e);
                    None
                }
            },
            Some(Value::Object(_)) => None,
            Some(other) => {
                errors.push(dict_type(data_at(), other.clone()));
                None
            }
        },
        Kind::State => Some(Request::State),
        Kind::Close => Some(Request::Close),
    };
    match req {
        Some(r) if errors.is_empty() => Ok(r),
        _ => Err((kind.label(), validation_frame(errors))),
    }
}

/// Cheap pre-check so a `close` queued behind in-flight work frees the slot
/// the moment it arrives (PROTOCOL.md §5.6).
pub fn is_close_request(text: &str) -> bool {
    text.len() < 64
        && matches!(
            serde_json::from_str::<Value>(text),
            Ok(Value::Object(o)) if o.len() == 1 && o.get("type") == Some(&Value::from("close"))
        )
}

/// `{"type": "observation", "data": envelope}`, serialized straight from the
/// borrowed envelope: the per-message path builds no `Value` tree.
pub fn observation_frame(envelope: &Envelope<'_>) -> String {
    #[derive(Serialize)]
    struct Frame<'a> {
        #[serde(rename = "type")]
        kind: &'static str,
        data: &'a Envelope<'a>,
    }
    let frame = Frame {
        kind: "observation",
        data: envelope,
    };
    // Serializing plain strings, numbers and a JSON map cannot fail.
    serde_json::to_string(&frame).unwrap_or_default()
}

/// The error frame of a failed reset or step; with `reasons` (the
/// connection asked for them: `/ws?reasons=1`), an `EXECUTION_ERROR` carries
/// the extra key `reason` ([`crate::error::Reason`]).
pub fn env_error_frame(e: EnvError, reasons: bool) -> Value {
    let reason = e.reason();
    match e {
        EnvError::Validation(errors) => validation_frame(errors),
        EnvError::Execution(_, msg) | EnvError::Stopped(msg) => {
            let mut extra = Map::new();
            if let Some(r) = reason.filter(|_| reasons) {
                extra.insert("reason".into(), Value::from(r.as_str()));
            }
            error_frame(EXECUTION_ERROR, &msg, extra)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::protocol::Observation;

    fn err(text: &str) -> Value {
        match parse_request(text) {
            Err((_, f)) => f,
            Ok(_) => panic!("{text} should be rejected"),
        }
    }

    #[test]
    fn envelope_checks() {
        assert_eq!(err("{nope")["data"]["code"], INVALID_JSON);
        assert_eq!(err("")["data"]["code"], INVALID_JSON);
        assert_eq!(err("[1,2]")["data"]["code"], "VALIDATION_ERROR");
        let e = err(r#"{"type":"bogus"}"#);
        assert_eq!(e["data"]["message"], "Unknown message type: bogus");
        assert_eq!(
            err(r#"{"data":{}}"#)["data"]["message"],
            "Unknown message type: "
        );
        for bad in [
            r#"{"type":"step"}"#,
            r#"{"type":"step","data":{}}"#,
            r#"{"type":"step","data":{"answer":"1","bogus":2}}"#,
            r#"{"type":"step","data":{"answer":4}}"#,
            r#"{"type":"step","data":"4"}"#,
            r#"{"type":"state","data":{}}"#,
            r#"{"type":"reset","data":{},"extra":1}"#,
            r#"{"type":"reset","data":"x"}"#,
            r#"{"type":"close","data":{}}"#,
            r#"{"type":"mcp"}"#,
        ] {
            let e = err(bad);
            assert_eq!(e["data"]["code"], "VALIDATION_ERROR", "{bad}");
            assert!(!e["data"]["errors"].as_array().unwrap().is_empty(), "{bad}");
        }
        assert!(matches!(
            parse_request(r#"{"type":"reset"}"#),
            Ok(Request::Reset(_))
        ));
        assert!(matches!(
            parse_request(r#"{"type":"step","data":{"answer":"1","metadata":{}}}"#),
            Ok(Request::Step(a)) if a == "1"
        ));
        assert!(is_close_request(r#"{"type":"close"}"#));
    }

    #[test]
    fn observation_frames_match_the_value_form() {
        let mut meta = Map::new();
        meta.insert("source_dataset".into(), json!("x"));
        meta.insert("big".into(), json!(12345678901234567890u64));
        meta.insert("nested".into(), json!({"b": [1.5, null, "é\n"], "a": 0.1}));
        let item = dataset_core::Item {
            question: "Q \"quoted\"\n".into(),
            answer: "42".into(),
            metadata: meta.into(),
        };
        let reset = Envelope::reset(&item.question);
        let scored = Envelope {
            observation: Observation {
                question: None,
                score: Some(0.25),
                correct_answer: Some(&item.answer),
                dataset_metadata: Some(&item.metadata),
            },
            reward: 0.25,
            done: true,
            extracted_answer: None,
            index: None,
            curriculum: None,
        };
        let extracted = |e| Envelope {
            extracted_answer: Some(e),
            ..Envelope::reset("q")
        };
        let indexed = Envelope {
            index: Some(7),
            ..Envelope::reset("q")
        };
        let levels = json!({"levels": {"n": 1}, "dataset_config": {"min_n": 1, "x": 0.5}});
        let curriculum = Envelope {
            curriculum: Some(&levels),
            ..Envelope::reset("q")
        };
        for env in [
            reset,
            scored,
            extracted(Some("4")),
            extracted(None),
            indexed,
            curriculum,
        ] {
            let want = json!({"type": "observation", "data": env.to_value()}).to_string();
            assert_eq!(observation_frame(&env), want);
        }
        assert_eq!(
            observation_frame(&Envelope::reset("q")),
            r#"{"type":"observation","data":{"observation":{"question":"q","score":null,"correct_answer":null,"dataset_metadata":null},"reward":0.0,"done":false}}"#
        );
        assert!(observation_frame(&extracted(None))
            .ends_with(r#""done":false,"extracted_answer":null}}"#));
        assert!(!is_close_request(r#"{"type":"close","data":{}}"#));
    }
}
