//! Minimal MCP (PROTOCOL.md §7): JSON-RPC 2.0 with openenv's session
//! lifecycle methods. This environment has no tools.

use std::sync::Arc;

use dashmap::DashMap;
use dataset_core::input::{echo, echo_json};
use serde_json::{json, Map, Value};

use crate::metrics::metrics;
use crate::protocol::capacity_message;
use crate::sessions::{Sessions, Slot};

pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;
pub const METHOD_NOT_FOUND: i64 = -32601;
pub const INVALID_PARAMS: i64 = -32602;
pub const INTERNAL_ERROR: i64 = -32603;
pub const SERVER_ERROR: i64 = -32000;

/// Sessions created with `openenv/session/create`, holding their slots.
#[derive(Clone)]
pub struct Mcp {
    sessions: Arc<Sessions>,
    created: Arc<DashMap<String, Slot>>,
}

pub fn error(id: Value, code: i64, message: &str, data: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message, "data": data}})
}

pub fn result(id: Value, result: Value) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "result": result})
}

pub fn parse_error(detail: &str) -> Value {
    error(
        Value::Null,
        PARSE_ERROR,
        &format!("Parse error: {detail}"),
        Value::Null,
    )
}

struct Request {
    id: Value,
    method: String,
    params: Map<String, Value>,
}

/// Validates a JSON-RPC request object the way openenv's `JsonRpcRequest`
/// model does (extra keys forbidden).
fn parse_request(v: &Value) -> Result<Request, String> {
    let Some(obj) = v.as_object() else {
        return Err(format!("request must be an object, got {}", echo_json(v)));
    };
    let mut problems = Vec::new();
    match obj.get("jsonrpc") {
        Some(Value::String(s)) if s == "2.0" => {}
        None => problems.push("jsonrpc: Field required".to_string()),
        Some(other) => problems.push(format!(
            "jsonrpc: Input should be '2.0', got {}",
            echo_json(other)
        )),
    }
    let method = match obj.get("method") {
        Some(Value::String(s)) => Some(s.clone()),
        None => {
            problems.push("method: Field required".into());
            None
        }
        Some(other) => {
            problems.push(format!(
                "method: Input should be a valid string, got {}",
                echo_json(other)
            ));
            None
        }
    };
    let params = match obj.get("params") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m.clone(),
        Some(other) => {
            problems.push(format!(
                "params: Input should be a valid dictionary, got {}",
                echo_json(other)
            ));
            Map::new()
        }
    };
    let id = match obj.get("id") {
        None => Value::Null,
        Some(v @ (Value::Null | Value::String(_))) => v.clone(),
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Value::Number(n.clone()),
        Some(other) => {
            problems.push(format!(
                "id: Input should be a string or an integer, got {}",
                echo_json(other)
            ));
            Value::Null
        }
    };
    for k in obj.keys() {
        if !matches!(k.as_str(), "jsonrpc" | "method" | "params" | "id") {
            problems.push(format!("{}: Extra inputs are not permitted", echo(k)));
        }
    }
    match method {
        Some(method) if problems.is_empty() => Ok(Request { id, method, params }),
        _ => Err(problems.join("; ")),
    }
}

impl Mcp {
    pub fn new(sessions: Arc<Sessions>) -> Mcp {
        Mcp {
            sessions,
            created: Arc::new(DashMap::new()),
        }
    }

    /// Answers raw bytes (a `POST /mcp` body or a `WS /mcp` frame).
    pub fn handle_bytes(&self, body: &[u8], own: Option<&Slot>) -> Value {
        match dataset_core::input::parse_json_bytes(body) {
            Ok(v) => self.handle(&v, own),
            Err(e) => parse_error(&e.to_string()),
        }
    }

    /// Answers one JSON-RPC request. `own` is the slot of the WebSocket
    /// session the request arrived on, if any.
    pub fn handle(&self, v: &Value, own: Option<&Slot>) -> Value {
        let req = match parse_request(v) {
            Ok(r) => r,
            Err(why) => {
                return error(
                    Value::Null,
                    INVALID_REQUEST,
                    &format!("Invalid request: {why}"),
                    Value::Null,
                )
            }
        };
        if let Some(slot) = own {
            slot.touch();
        }
        let id = req.id;
        let target = req
            .params
            .get("session_id")
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        match req.method.as_str() {
            "openenv/session/create" => {
                if let Some(slot) = own {
                    return result(id, json!({"session_id": slot.id()}));
                }
                match self.sessions.acquire() {
                    Ok(slot) => {
                        let sid = slot.id().to_string();
                        self.created.insert(sid.clone(), slot);
                        result(id, json!({"session_id": sid}))
                    }
                    Err(c) => error(
                        id,
                        SERVER_ERROR,
                        &capacity_message(c.active, c.max),
                        json!({"active_sessions": c.active, "max_sessions": c.max}),
                    ),
                }
            }
            "openenv/session/close" => {
                let Some(sid) = target else {
                    return error(
                        id,
                        INVALID_PARAMS,
                        "Invalid params - 'session_id' is required",
                        Value::Null,
                    );
                };
                if own.is_some_and(|s| s.id() == sid) {
                    return error(
                        id,
                        INVALID_REQUEST,
                        "Cannot close active WebSocket-managed session via MCP method",
                        Value::Null,
                    );
                }
                match self.created.remove(&sid) {
                    Some((_, slot)) => {
                        drop(slot);
                        metrics().closed("mcp_close");
                        result(id, json!({"session_id": sid, "closed": true}))
                    }
                    None => error(
                        id,
                        INVALID_PARAMS,
                        &format!("Unknown session_id: {}", echo(&sid)),
                        Value::Null,
                    ),
                }
            }
            method => {
                if let Some(sid) = target {
                    match self.created.get(&sid) {
                        Some(slot) => slot.touch(),
                        None if self.sessions.contains(&sid) => {}
                        None => {
                            return error(
                                id,
                                INVALID_PARAMS,
                                &format!("Unknown session_id: {}", echo(&sid)),
                                Value::Null,
                            )
                        }
                    }
                }
                match method {
                    "tools/list" | "tools/call" => error(
                        id,
                        INTERNAL_ERROR,
                        "Environment does not support MCP",
                        Value::Null,
                    ),
                    other => error(
                        id,
                        METHOD_NOT_FOUND,
                        &format!("Method not found: {}", echo(other)),
                        Value::Null,
                    ),
                }
            }
        }
    }

    /// Drops every MCP-created session (shutdown).
    pub fn close_all(&self) {
        self.created.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(v: &Value) -> i64 {
        v["error"]["code"].as_i64().unwrap_or(0)
    }

    #[test]
    fn errors_like_the_reference() {
        let mcp = Mcp::new(Sessions::new(1));
        let r = mcp.handle(&json!({}), None);
        assert_eq!(code(&r), INVALID_REQUEST);
        assert_eq!(r["id"], Value::Null);
        assert_eq!(r["jsonrpc"], "2.0");
        let r = mcp.handle(
            &json!({"jsonrpc": "2.0", "method": "tools/list", "id": 7}),
            None,
        );
        assert_eq!((code(&r), r["id"].clone()), (INTERNAL_ERROR, json!(7)));
        let r = mcp.handle(&json!({"jsonrpc": "2.0", "method": "x/y", "id": "a"}), None);
        assert_eq!(code(&r), METHOD_NOT_FOUND);
        assert_eq!(code(&mcp.handle_bytes(b"{nope", None)), PARSE_ERROR);
        let r = mcp.handle(
            &json!({"jsonrpc": "2.0", "method": "m", "params": [1]}),
            None,
        );
        assert_eq!(code(&r), INVALID_REQUEST);
        let r = mcp.handle(&json!({"jsonrpc": "2.0", "method": "m", "extra": 1}), None);
        assert_eq!(code(&r), INVALID_REQUEST);
    }

    #[test]
    fn sessions_take_slots() {
        let sessions = Sessions::new(1);
        let mcp = Mcp::new(sessions.clone());
        let r = mcp.handle(
            &json!({"jsonrpc": "2.0", "method": "openenv/session/create", "id": 1}),
            None,
        );
        let sid = r["result"]["session_id"].as_str().unwrap().to_string();
        assert_eq!(sessions.active(), 1);
        let r = mcp.handle(
            &json!({"jsonrpc": "2.0", "method": "openenv/session/create", "id": 2}),
            None,
        );
        assert_eq!(code(&r), SERVER_ERROR);
        assert_eq!(
            r["error"]["data"],
            json!({"active_sessions": 1, "max_sessions": 1})
        );
        let r = mcp.handle(
            &json!({"jsonrpc": "2.0", "method": "openenv/session/close", "id": 3}),
            None,
        );
        assert_eq!(code(&r), INVALID_PARAMS);
        let r = mcp.handle(&json!({"jsonrpc": "2.0", "method": "openenv/session/close", "params": {"session_id": sid}, "id": 4}), None);
        assert_eq!(r["result"]["closed"], true);
        assert_eq!(sessions.active(), 0);
        let r = mcp.handle(&json!({"jsonrpc": "2.0", "method": "openenv/session/close", "params": {"session_id": sid}, "id": 5}), None);
        assert_eq!(code(&r), INVALID_PARAMS);
    }
}
