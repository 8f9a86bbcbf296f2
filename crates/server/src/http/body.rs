//! Request bodies as FastAPI reads them: JSON by content type, then the
//! pydantic models of `POST /reset` and `POST /step` with their lax
//! coercions and error entries (PROTOCOL.md §4.3, §4.4).

use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::HttpRequest;
use dataset_core::input::{int_text, json_int, IntError};
use dataset_core::Seed;
use serde_json::{json, Map, Value};

use crate::protocol::{bounded_input, loc, missing, validate_action, verr};

/// FastAPI's body reading: JSON when the content type says so or is absent;
/// anything else reaches the model as a string and fails validation.
/// `Ok(None)` is an empty body.
pub fn read_json(req: &HttpRequest, body: &Bytes) -> Result<Option<Value>, Vec<Value>> {
    if body.is_empty() {
        return Ok(None);
    }
    let is_json = match req.headers().get(header::CONTENT_TYPE) {
        None => true,
        Some(ct) => {
            let ct = ct.to_str().unwrap_or("").to_ascii_lowercase();
            let essence = ct.split(';').next().unwrap_or("").trim().to_string();
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        }
    };
    if !is_json {
        return Err(vec![verr(
            "model_attributes_type",
            &loc(&["body"]),
            "Input should be a valid dictionary or object to extract fields from",
            Value::String(String::from_utf8_lossy(body).into_owned()),
        )]);
    }
    // Lone surrogates are read as Python's json reads them (see parse_json).
    dataset_core::input::parse_json_bytes(body)
        .map(Some)
        .map_err(|e| {
            vec![json!({
                "type": "json_invalid",
                "loc": ["body", e.column().saturating_sub(1)],
                "msg": "JSON decode error",
                "input": {},
                "ctx": {"error": e.to_string()},
            })]
        })
}

fn not_an_object(v: Value) -> Vec<Value> {
    vec![verr(
        "model_attributes_type",
        &loc(&["body"]),
        "Input should be a valid dictionary or object to extract fields from",
        v,
    )]
}

/// pydantic lax-mode `int` with `ge=0`: `"42"`, `42.0` and `true` are
/// coerced; integers of any size are kept whole (pydantic's ints are Python
/// ints), up to CPython's 4300-digit limit on int/str conversion.
fn coerce_seed(v: &Value) -> Result<Value, Value> {
    let at = loc(&["body", "seed"]);
    let too_big = || {
        verr(
            "int_parsing_size",
            &at,
            "Unable to parse input string as an integer, exceeded maximum size",
            v.clone(),
        )
    };
    let n: Seed = match v {
        Value::Bool(b) => Seed::from(u8::from(*b)),
        Value::Number(n) => match json_int(v) {
            Ok(i) => i,
            Err(IntError::TooManyDigits(_)) => return Err(too_big()),
            Err(IntError::NotAnInt) => {
                let f = n.as_f64().unwrap_or(f64::NAN);
                if f.fract() != 0.0 || !f.is_finite() {
                    return Err(verr(
                        "int_from_float",
                        &at,
                        "Input should be a valid integer, got a number with a fractional part",
                        v.clone(),
                    ));
                }
                if f.abs() > u64::MAX as f64 {
                    return Err(too_big());
                }
                Seed::from(f as i128)
            }
        },
        Value::String(s) => match int_text(s) {
            Ok(i) => i,
            Err(IntError::TooManyDigits(_)) => return Err(too_big()),
            Err(IntError::NotAnInt) => {
                return Err(verr(
                    "int_parsing",
                    &at,
                    "Input should be a valid integer, unable to parse string as an integer",
                    v.clone(),
                ))
            }
        },
        _ => {
            return Err(verr(
                "int_type",
                &at,
                "Input should be a valid integer",
                v.clone(),
            ))
        }
    };
    if n.is_negative() {
        return Err(json!({
            "type": "greater_than_equal", "loc": at,
            "msg": "Input should be greater than or equal to 0",
            "input": v, "ctx": {"ge": 0},
        }));
    }
    Ok(serde_json::to_value(&n).unwrap_or_else(|_| v.clone()))
}

fn check_id_string(obj: &Map<String, Value>, key: &str, errors: &mut Vec<Value>) {
    match obj.get(key) {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if s.chars().count() > 255 => errors.push(json!({
            "type": "string_too_long", "loc": ["body", key],
            "msg": "String should have at most 255 characters",
            "input": bounded_input(Value::String(s.clone())), "ctx": {"max_length": 255},
        })),
        Some(Value::String(_)) => {}
        Some(other) => errors.push(verr(
            "string_type",
            &loc(&["body", key]),
            "Input should be a valid string",
            other.clone(),
        )),
    }
}

/// `POST /reset` body: optional object; `seed` and `episode_id` validated,
/// every other key passed through.
pub fn reset_params(req: &HttpRequest, body: &Bytes) -> Result<Map<String, Value>, Vec<Value>> {
    let mut obj = match read_json(req, body)? {
        None => return Ok(Map::new()),
        Some(Value::Object(o)) => o,
        Some(other) => return Err(not_an_object(other)),
    };
    let mut errors = Vec::new();
    if let Some(seed) = obj.get("seed").filter(|v| !v.is_null()).cloned() {
        match coerce_seed(&seed) {
            Ok(v) => {
                obj.insert("seed".into(), v);
            }
            Err(e) => errors.push(e),
        }
    }
    check_id_string(&obj, "episode_id", &mut errors);
    if errors.is_empty() {
        Ok(obj)
    } else {
        Err(errors)
    }
}

/// `POST /step` body: `{"action": {...}, "timeout_s"?, "request_id"?, ...}`.
/// Returns the answer.
pub fn step_action(req: &HttpRequest, body: &Bytes) -> Result<String, Vec<Value>> {
    let obj = match read_json(req, body)? {
        None => return Err(vec![missing(loc(&["body"]), Value::Null)]),
        Some(Value::Object(o)) => o,
        Some(other) => return Err(not_an_object(other)),
    };
    let mut errors = Vec::new();
    let action = match obj.get("action") {
        None => {
            errors.push(missing(
                loc(&["body", "action"]),
                Value::Object(obj.clone()),
            ));
            None
        }
        Some(a @ Value::Object(_)) => Some(a.clone()),
        Some(other) => {
            errors.push(verr(
                "dict_type",
                &loc(&["body", "action"]),
                "Input should be a valid dictionary",
                other.clone(),
            ));
            None
        }
    };
    match obj.get("timeout_s") {
        None | Some(Value::Null) => {}
        Some(t) => {
            let f = match t {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().parse::<f64>().ok(),
                Value::Bool(b) => Some(*b as u8 as f64),
                _ => None,
            };
            match f {
                Some(f) if f > 0.0 => {}
                Some(_) => errors.push(json!({
                    "type": "greater_than", "loc": ["body", "timeout_s"],
                    "msg": "Input should be greater than 0", "input": t, "ctx": {"gt": 0.0},
                })),
                None => errors.push(verr(
                    "float_parsing",
                    &loc(&["body", "timeout_s"]),
                    "Input should be a valid number",
                    t.clone(),
                )),
            }
        }
    }
    check_id_string(&obj, "request_id", &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    match action {
        // The action model's errors carry no `body` prefix (the reference
        // validates it separately from the request model).
        Some(a) => validate_action(&a, &[]),
        None => Err(errors),
    }
}
