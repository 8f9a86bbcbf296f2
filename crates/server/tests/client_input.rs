//! What clients send, taken as Python would take it (issue 12, points 8, 9,
//! 13, 14, 15): seeds of any size, lone surrogates in JSON strings, client
//! text echoed in errors (bounded), JSON bodies on HTTP 500s, and composite's
//! null answers. Expected items come from reasoning-gym itself
//! (`crates/datasets/tests/data/reference_items.jsonl`).

mod common;

use common::*;
use serde_json::{json, Value};

const SIZE_RULE: &str = "size must be a positive integer no larger than 18446744073709551615";

/// A JSON integer literal as a `Value`, digit for digit.
fn int(text: &str) -> Value {
    serde_json::from_str(text).expect("an integer literal")
}

/// reasoning-gym's item for (name, seed, index), from the committed vectors.
fn reference(name: &str, seed: &str, index: u64) -> Value {
    let text = include_str!("../../datasets/tests/data/reference_items.jsonl");
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .find(|r| {
            r["name"] == name
                && r["seed"].as_number().is_some_and(|n| n.as_str() == seed)
                && r["index"] == index
        })
        .unwrap_or_else(|| panic!("no reference item {name} seed {seed} index {index}"))
}

const TWO_200: &str = "1606938044258990275541962092341162602522202993782792835301376";
const MINUS_TWO_130: &str = "-1361129467683753853853498429727072845824";
const TWO_128: &str = "340282366920938463463374607431768211456";
/// 2^127 - 2: seed + idx crosses i128::MAX between index 1 and 2.
const EDGE: &str = "170141183460469231731687303715884105726";

// ---- point 8: seeds of any size ------------------------------------------------

#[actix_web::test]
async fn websocket_seeds_of_any_size_match_reasoning_gym() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    for (seed, size) in [(TWO_200, 3), (MINUS_TWO_130, 3), (TWO_128, 3), (EDGE, 4)] {
        let r = ws
            .reset(json!({"dataset_name": "leg_counting", "seed": int(seed), "size": size}))
            .await;
        // TWO_128's vectors hold index 1 only.
        if seed != TWO_128 {
            let want0 = reference("leg_counting", seed, 0);
            assert_eq!(
                r["observation"]["question"], want0["question"],
                "seed {seed}"
            );
        }
        let r = ws.reset(json!({})).await;
        let want1 = reference("leg_counting", seed, 1);
        assert_eq!(
            r["observation"]["question"], want1["question"],
            "seed {seed}"
        );
        let s = ws.step(want1["answer"].as_str().expect("answer")).await;
        assert_eq!(s["observation"]["score"], 1.0, "seed {seed}");
        assert_eq!(s["observation"]["dataset_metadata"], want1["metadata"]);
    }
    // Past i128::MAX: index 2 and 3 of EDGE are distinct items (they used to
    // saturate to the same seed).
    for idx in 2..4 {
        let r = ws.reset(json!({})).await;
        let want = reference("leg_counting", EDGE, idx);
        assert_eq!(
            r["observation"]["question"], want["question"],
            "index {idx}"
        );
    }
    // Composite member seeds (seed + i + 1) past i128::MAX.
    let seed = "170141183460469231731687303715884105727";
    let specs = json!([
        {"name": "leg_counting", "weight": 1, "config": {}},
        {"name": "basic_arithmetic", "weight": 1, "config": {}},
    ]);
    let r = ws
        .reset(json!({"dataset_name": "composite", "dataset_specs": specs, "seed": int(seed), "size": 6}))
        .await;
    assert_eq!(
        r["observation"]["question"],
        reference("composite", seed, 0)["question"]
    );
    // CPython's limit on int literals (json.loads raises past 4300 digits).
    let ok = ws
        .rt(&json!({"type": "reset", "data": {"dataset_name": "leg_counting", "seed": int(&"9".repeat(4300)), "size": 2}}))
        .await;
    assert_eq!(ok["type"], "observation", "{ok}");
    let e = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": "leg_counting", "seed": int(&"9".repeat(4301)), "size": 2}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(
        e["message"],
        "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; \
         use sys.set_int_max_str_digits() to increase the limit"
    );
    ws.bye().await;
}

#[actix_web::test]
async fn size_errors_say_one_thing() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    for size in [
        json!(0),
        json!(-1),
        json!("3"),
        json!(2.5),
        int("18446744073709551616"),
        int(TWO_200),
    ] {
        let e = ws
            .error(
                &json!({"type": "reset", "data": {"dataset_name": "leg_counting", "seed": 1, "size": size}}),
                "EXECUTION_ERROR",
            )
            .await;
        assert_eq!(e["message"], SIZE_RULE, "size {size}");
    }
    // The largest size is fine (sizes are virtual).
    let r = ws
        .reset(json!({"dataset_name": "leg_counting", "seed": 1, "size": u64::MAX}))
        .await;
    assert!(r["observation"]["question"].is_string());
    // A composite member's own size is held to the same rule.
    let e = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": "composite", "seed": 1, "size": 3,
                "dataset_specs": [{"name": "leg_counting", "config": {"size": 0}}]}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(e["message"], SIZE_RULE);
    ws.bye().await;
}

#[actix_web::test]
async fn http_seeds_of_any_size() {
    let srv = server().await;
    let want = reference("leg_counting", TWO_200, 0);
    for seed in [int(TWO_200), Value::String(TWO_200.into())] {
        let body = json!({"dataset_name": "leg_counting", "seed": seed, "size": 3});
        let r = post(&srv, "/reset", &body).await;
        assert_eq!(r.status, 200, "{}", r.text());
        assert_eq!(r.json()["observation"]["question"], want["question"]);
    }
    // pydantic's ge=0 and its limit on int parsing still hold.
    let r = post(&srv, "/reset", &json!({"seed": int(MINUS_TWO_130)})).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["detail"][0]["type"], "greater_than_equal");
    let r = post(&srv, "/reset", &json!({"seed": int(&"9".repeat(4301))})).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["detail"][0]["type"], "int_parsing_size");
}

// ---- point 15: composite passes a member's null answer through -----------------

#[actix_web::test]
async fn composite_graph_color_answers_null() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let specs = json!([{"name": "graph_color", "weight": 1, "config": {}}]);
    let ds = oracle("composite", json!({"datasets": specs}), 1, 10);
    let r = ws
        .reset(json!({"dataset_name": "composite", "dataset_specs": specs, "seed": 1, "size": 10}))
        .await;
    let want = reference("composite", "1", 0);
    assert_eq!(r["observation"]["question"], want["question"]);
    let s = ws.step("{0: 1}").await;
    let obs = &s["observation"];
    assert!(obs.get("correct_answer").is_some_and(Value::is_null), "{s}");
    assert_eq!(obs["dataset_metadata"], want["metadata"]);
    assert_eq!(obs["score"], ds.score(Some("{0: 1}"), &item(&ds, 0)));
    // Mixed with a member that has answers: each item keeps its own.
    let specs = json!([
        {"name": "graph_color", "weight": 1, "config": {}},
        {"name": "leg_counting", "weight": 1, "config": {}},
    ]);
    ws.reset(json!({"dataset_name": "composite", "dataset_specs": specs, "seed": 3, "size": 8}))
        .await;
    for idx in 0..8 {
        if idx > 0 {
            ws.reset(json!({})).await;
        }
        let s = ws.step("1").await;
        let want = reference("composite", "3", idx);
        assert_eq!(
            s["observation"]["correct_answer"], want["answer"],
            "index {idx}"
        );
    }
    ws.bye().await;
}

// ---- point 9: lone surrogates in JSON strings ----------------------------------

/// reasoning-gym's scores for leg_counting seed 2^200 index 0 (answer "442")
/// against answers holding lone surrogates, as Python's json.loads reads them:
/// `score_answer("\ud800", e)`, `("442\ud800", e)`, `("\ud800442\udfff", e)`.
const SURROGATE_SCORES: [(&str, f64); 3] = [
    (r"\ud800", 0.0),
    (r"442\ud800", 0.75),
    (r"\ud800442\udfff", 0.6),
];

#[actix_web::test]
async fn lone_surrogates_are_read_as_python_reads_them() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    // In a reset parameter (episode_id), and in step answers.
    let r = ws
        .rt_raw(&format!(
            r#"{{"type":"reset","data":{{"dataset_name":"leg_counting","seed":{TWO_200},"size":3,"episode_id":"ep\udc00"}}}}"#
        ))
        .await;
    assert_eq!(r["type"], "observation", "{r}");
    for (answer, want) in SURROGATE_SCORES {
        let r = ws
            .rt_raw(&format!(
                r#"{{"type":"step","data":{{"answer":"{answer}"}}}}"#
            ))
            .await;
        assert_eq!(r["type"], "observation", "{answer}: {r}");
        assert_eq!(r["data"]["observation"]["score"], want, "{answer}");
        assert_eq!(r["data"]["observation"]["correct_answer"], "442");
    }
    // A paired surrogate escape is still the one character it encodes, and
    // a broken frame is still INVALID_JSON.
    let r = ws
        .rt_raw(r#"{"type":"step","data":{"answer":"442\ud83d\ude00"}}"#)
        .await;
    assert_eq!(r["data"]["observation"]["score"], 0.75);
    let r = ws
        .rt_raw(r#"{"type":"step","data":{"answer":"\ud800"}"#)
        .await;
    check_error(&r, "INVALID_JSON");
    // The session is fine afterwards.
    assert_eq!(ws.state().await["step_count"], 4);
    ws.bye().await;

    // HTTP bodies: /step validates the action (200, no longer a 422
    // json_invalid), /reset takes the parameter.
    let r = http(
        &srv,
        "POST",
        "/step",
        Some(r#"{"action": {"answer": "\ud800"}}"#),
        None,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let r = http(
        &srv,
        "POST",
        "/reset",
        Some(r#"{"episode_id": "\udfff", "dataset_name": "leg_counting", "seed": 1, "size": 2}"#),
        None,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    // MCP over HTTP: answered as the request it is (this environment has no
    // tools), not as a JSON-RPC parse error (-32700).
    let r = http(
        &srv,
        "POST",
        "/mcp",
        Some(r#"{"jsonrpc": "2.0", "id": "\ud800", "method": "tools/list"}"#),
        None,
    )
    .await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!(j["error"]["code"], -32603, "{j}");
    assert_eq!(j["id"], "\u{FFFD}");
}

// ---- point 13: client text quoted in errors is bounded -------------------------

/// `text` quoted as errors quote client text: 200 characters, then "…".
fn cut(text: &str) -> String {
    format!("{}…", text.chars().take(200).collect::<String>())
}

#[actix_web::test]
async fn echoed_client_text_is_capped() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let long = "é".repeat(1 << 20);
    let e = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": long, "seed": 1, "size": 2}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(
        e["message"],
        format!("Dataset '{}' not registered", cut(&long))
    );
    let e = ws.error(&json!({"type": long}), "UNKNOWN_TYPE").await;
    assert_eq!(
        e["message"],
        format!("Unknown message type: {}", cut(&long))
    );
    let e = ws
        .error(&json!({"type": {"k": long}}), "UNKNOWN_TYPE")
        .await;
    assert!(
        e["message"]
            .as_str()
            .is_some_and(|m| m.chars().count() < 300),
        "{e}"
    );
    let mut config = serde_json::Map::new();
    config.insert(long.clone(), json!(1));
    let e = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": "leg_counting", "seed": 1, "size": 2, "dataset_config": config}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(
        e["message"],
        format!(
            "LegCountingConfig.__init__() got an unexpected keyword argument '{}'",
            cut(&long)
        )
    );
    let spec = json!([{"name": "leg_counting", "weight": 1, "config": {}, "x".repeat(5000): 1}]);
    let e = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": "composite", "seed": 1, "size": 2, "dataset_specs": spec}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(
        e["message"],
        format!(
            "DatasetSpec.__init__() got an unexpected keyword argument '{}'",
            cut(&"x".repeat(5000))
        )
    );
    let e = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": ["x".repeat(5000)], "seed": 1, "size": 2}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert!(
        e["message"]
            .as_str()
            .is_some_and(|m| m.chars().count() < 300),
        "{e}"
    );
    // Short names are quoted whole.
    let e = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": "word_sortin", "seed": 1, "size": 2}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(
        e["message"],
        "Dataset 'word_sortin' not registered; did you mean word_sorting?"
    );
    // pydantic-style entries: a string input is quoted the same way.
    let e = ws
        .error(
            &json!({"type": "step", "data": {"answer": "1", "x": long}}),
            "VALIDATION_ERROR",
        )
        .await;
    assert_eq!(e["errors"][0]["input"], cut(&long));
    ws.bye().await;

    let r = post(&srv, "/reset", &json!({"episode_id": "e".repeat(300)})).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.json()["detail"][0]["input"], cut(&"e".repeat(300)));
    let r = post(
        &srv,
        "/mcp",
        &json!({"jsonrpc": "2.0", "id": 1, "method": long}),
    )
    .await;
    assert_eq!(
        r.json()["error"]["message"],
        format!("Method not found: {}", cut(&long))
    );
}

// ---- point 14: HTTP /reset env errors name the error ---------------------------

#[actix_web::test]
async fn http_reset_env_errors_have_a_json_body() {
    let srv = server().await;
    let cases = [
        (
            json!({"dataset_name": "word_sortin", "seed": 1, "size": 3}),
            "Dataset 'word_sortin' not registered; did you mean word_sorting?".to_string(),
            "unknown_dataset",
        ),
        // The name is checked before seed and size.
        (
            json!({"dataset_name": "leg_countin"}),
            "Dataset 'leg_countin' not registered; did you mean leg_counting?".to_string(),
            "unknown_dataset",
        ),
        (
            json!({"dataset_name": "leg_counting"}),
            "seed and size must be provided when dataset_name is specified".into(),
            "missing_parameter",
        ),
        (
            json!({"dataset_name": "leg_counting", "seed": 1, "size": 3, "dataset_config": {"min_animals": 0}}),
            "min_animals must be positive".into(),
            "invalid_config",
        ),
        (
            json!({"dataset_name": "leg_counting", "seed": 1, "size": "3"}),
            SIZE_RULE.into(),
            "invalid_parameter",
        ),
        (
            json!({"dataset_name": "x".repeat(1 << 20), "seed": 1, "size": 3}),
            format!("Dataset '{}…' not registered", "x".repeat(200)),
            "unknown_dataset",
        ),
    ];
    for (body, detail, reason) in cases {
        let r = post(&srv, "/reset", &body).await;
        assert_eq!(r.status, 500, "the spec's status for env errors");
        assert_eq!(r.content_type, "application/json");
        assert_eq!(r.json(), json!({ "detail": detail, "reason": reason }));
    }
    // The same message as the WebSocket error frame.
    let mut ws = Ws::connect(&srv).await;
    let e = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": "word_sortin", "seed": 1, "size": 3}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(
        e["message"],
        "Dataset 'word_sortin' not registered; did you mean word_sorting?"
    );
    // The protocol's error data: message and code, nothing more.
    assert_eq!(
        e.as_object().map(|m| m.len()),
        Some(2),
        "no extra keys unless asked for: {e}"
    );
    ws.bye().await;
    // A connection that asks for reasons gets them, on every execution error.
    let mut ws = Ws::connect_path(&srv, "/ws?reasons=1").await;
    for (data, reason) in [
        (
            json!({"dataset_name": "nope_nope", "seed": 1, "size": 3}),
            "unknown_dataset",
        ),
        (
            json!({"dataset_name": "leg_counting", "size": 3}),
            "missing_parameter",
        ),
        (
            json!({"dataset_name": "leg_counting", "seed": 1, "size": 3, "dataset_config": {"x": 1}}),
            "invalid_config",
        ),
        (
            json!({"dataset_name": "leg_counting", "seed": 1, "size": 3, "index": 5}),
            "invalid_parameter",
        ),
    ] {
        let e = ws
            .error(&json!({"type": "reset", "data": data}), "EXECUTION_ERROR")
            .await;
        assert_eq!(e["reason"], reason, "{e}");
    }
    // A validation error has its own code and no reason.
    let e = ws
        .error(&json!({"type": "step", "data": {}}), "VALIDATION_ERROR")
        .await;
    assert!(e.get("reason").is_none(), "{e}");
    ws.bye().await;
    // /openapi.json documents the body.
    let doc = get(&srv, "/openapi.json").await.json();
    let five = &doc["paths"]["/reset"]["post"]["responses"]["500"];
    assert_eq!(
        five["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/EnvErrorBody",
        "{five}"
    );
    assert_eq!(
        doc["components"]["schemas"]["EnvErrorBody"]["required"],
        json!(["detail", "reason"])
    );
}
