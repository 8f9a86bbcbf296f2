//! Checks every server reply against the wire protocol (docs/PROTOCOL.md §2.2, §5.3).
//! The load generator must notice a server that is fast because it is wrong,
//! so nothing is skipped for speed: each reply is parsed in full.

use serde_json::{Map, Value};

/// What a request expects back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Reset,
    Step,
    State,
}

/// The verdict on one reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Ok,
    /// A well-formed `{"type":"error"}` frame, by its `code`.
    ServerError {
        code: String,
        message: String,
    },
    /// Anything the protocol does not allow here.
    Bad(String),
}

const OBSERVATION_KEYS: [&str; 4] = ["question", "score", "correct_answer", "dataset_metadata"];

pub fn check(text: &str, expect: Expect) -> Verdict {
    let frame: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return bad(format!("reply is not JSON ({e})")),
    };
    let Some(frame) = frame.as_object() else {
        return bad("reply is not a JSON object");
    };
    let kind = frame.get("type").and_then(Value::as_str).unwrap_or("");
    if kind == "error" {
        return server_error(frame);
    }
    if !exact_keys(frame, &["type", "data"]) {
        return bad(format!("envelope keys {:?}", keys(frame)));
    }
    let Some(data) = frame.get("data").and_then(Value::as_object) else {
        return bad("`data` is not an object");
    };
    match expect {
        Expect::State => {
            if kind != "state" {
                return bad(format!("type {kind:?} where \"state\" was expected"));
            }
            check_state(data)
        }
        Expect::Reset | Expect::Step => {
            if kind != "observation" {
                return bad(format!("type {kind:?} where \"observation\" was expected"));
            }
            check_result(data, expect)
        }
    }
}

fn check_result(data: &Map<String, Value>, expect: Expect) -> Verdict {
    if !exact_keys(data, &["observation", "reward", "done"]) {
        return bad(format!("result keys {:?}", keys(data)));
    }
    let Some(obs) = data.get("observation").and_then(Value::as_object) else {
        return bad("`observation` is not an object");
    };
    if !exact_keys(obs, &OBSERVATION_KEYS) {
        return bad(format!("observation keys {:?}", keys(obs)));
    }
    let Some(reward) = data.get("reward").and_then(Value::as_f64) else {
        return bad("`reward` is not a number");
    };
    let done = data.get("done").and_then(Value::as_bool);
    let field = |k: &str| obs.get(k).unwrap_or(&Value::Null);
    match expect {
        Expect::Reset => {
            if done != Some(false) {
                return bad("reset reply with `done` not false");
            }
            if field("question").as_str().is_none_or(str::is_empty) {
                return bad("reset reply without a question");
            }
            if !(field("score").is_null()
                && field("correct_answer").is_null()
                && field("dataset_metadata").is_null())
            {
                return bad("reset reply reveals score, answer or metadata");
            }
            if reward != 0.0 {
                return bad(format!("reset reply with reward {reward}"));
            }
        }
        Expect::Step => {
            if done != Some(true) {
                return bad("step reply with `done` not true");
            }
            if !field("question").is_null() {
                return bad("step reply carries a question");
            }
            let Some(score) = field("score").as_f64() else {
                return bad("step reply without a numeric score");
            };
            if !(0.0..=1.0).contains(&score) || score != reward {
                return bad(format!("score {score} / reward {reward}"));
            }
            if !field("correct_answer").is_string() {
                return bad("step reply without correct_answer");
            }
            let meta = field("dataset_metadata");
            if !(meta.is_object() || meta.is_null()) {
                return bad("dataset_metadata is neither object nor null");
            }
        }
        Expect::State => unreachable!("state replies are checked by check_state"),
    }
    Verdict::Ok
}

fn check_state(data: &Map<String, Value>) -> Verdict {
    if !exact_keys(data, &["episode_id", "step_count"]) {
        return bad(format!("state keys {:?}", keys(data)));
    }
    let id = data.get("episode_id").unwrap_or(&Value::Null);
    if !(id.is_string() || id.is_null()) {
        return bad("episode_id is neither string nor null");
    }
    if data.get("step_count").and_then(Value::as_u64).is_none() {
        return bad("step_count is not a non-negative integer");
    }
    Verdict::Ok
}

fn server_error(frame: &Map<String, Value>) -> Verdict {
    let data = frame.get("data").and_then(Value::as_object);
    let code = data.and_then(|d| d.get("code")).and_then(Value::as_str);
    let message = data.and_then(|d| d.get("message")).and_then(Value::as_str);
    match (code, message) {
        (Some(code), Some(message)) if !message.is_empty() => Verdict::ServerError {
            code: code.to_string(),
            message: message.to_string(),
        },
        _ => bad("error frame without code and message"),
    }
}

fn exact_keys(map: &Map<String, Value>, want: &[&str]) -> bool {
    map.len() == want.len() && want.iter().all(|k| map.contains_key(*k))
}

fn keys(map: &Map<String, Value>) -> Vec<&str> {
    map.keys().map(String::as_str).collect()
}

fn bad(why: impl Into<String>) -> Verdict {
    Verdict::Bad(why.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RESET: &str = r#"{"type":"observation","data":{"observation":{"question":"How many legs?","score":null,"correct_answer":null,"dataset_metadata":null},"reward":0.0,"done":false}}"#;
    const STEP: &str = r#"{"type":"observation","data":{"observation":{"question":null,"score":1.0,"correct_answer":"100","dataset_metadata":{"source_dataset":"leg_counting"}},"reward":1.0,"done":true}}"#;

    #[test]
    fn accepts_protocol_replies() {
        assert_eq!(check(RESET, Expect::Reset), Verdict::Ok);
        assert_eq!(check(STEP, Expect::Step), Verdict::Ok);
        let state = r#"{"type":"state","data":{"episode_id":"x","step_count":3}}"#;
        assert_eq!(check(state, Expect::State), Verdict::Ok);
    }

    #[test]
    fn rejects_mismatched_replies() {
        assert!(matches!(check(RESET, Expect::Step), Verdict::Bad(_)));
        assert!(matches!(check(STEP, Expect::Reset), Verdict::Bad(_)));
        assert!(matches!(check("nope", Expect::Reset), Verdict::Bad(_)));
        let extra = RESET.replace("\"done\":false", "\"done\":false,\"x\":1");
        assert!(matches!(check(&extra, Expect::Reset), Verdict::Bad(_)));
        let str_score = STEP.replace("\"score\":1.0", "\"score\":\"1.0\"");
        assert!(matches!(check(&str_score, Expect::Step), Verdict::Bad(_)));
        let missing = STEP.replace(
            ",\"dataset_metadata\":{\"source_dataset\":\"leg_counting\"}",
            "",
        );
        assert_ne!(missing, STEP);
        assert!(matches!(check(&missing, Expect::Step), Verdict::Bad(_)));
    }

    #[test]
    fn error_frames_are_counted_by_code() {
        let e = r#"{"type":"error","data":{"message":"Server at capacity","code":"CAPACITY_REACHED","active_sessions":1,"max_sessions":1}}"#;
        assert_eq!(
            check(e, Expect::Reset),
            Verdict::ServerError {
                code: "CAPACITY_REACHED".into(),
                message: "Server at capacity".into()
            }
        );
        assert!(matches!(
            check(r#"{"type":"error","data":{}}"#, Expect::Step),
            Verdict::Bad(_)
        ));
    }
}
