//! The spec's section 10 checklist against a real server on an ephemeral
//! port, with a real WebSocket client. One case per checklist row (or part of
//! one), plus the server's own duties: capacity, idle timeout, heartbeats,
//! pipelining, graceful shutdown, metrics.

mod common;

use std::time::{Duration, Instant};

use awc::ws::CloseCode;
use common::*;
use serde_json::{json, Value};

// ---- row 1: meta endpoints ----------------------------------------------------

#[actix_web::test]
async fn meta_endpoints() {
    let srv = server().await;
    let r = get(&srv, "/health").await;
    assert_eq!((r.status, r.json()), (200, json!({"status": "healthy"})));
    let r = get(&srv, "/metadata").await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.text(),
        r#"{"name":"ReasoningGymEnvironment","description":"ReasoningGymEnvironment environment","readme_content":null,"version":"1.0.0","author":null,"documentation_url":null}"#
    );
    let s = get(&srv, "/schema").await.json();
    let keys: Vec<&String> = s.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["action", "observation", "state"]);
    assert_eq!(s["action"]["required"], json!(["answer"]));
    assert_eq!(s["action"]["additionalProperties"], false);
    assert_eq!(s["action"]["properties"]["answer"]["type"], "string");
    let o = get(&srv, "/openapi.json").await.json();
    assert_eq!(o["info"]["version"], "1.0.0");
    for (p, m) in [
        ("/reset", "post"),
        ("/step", "post"),
        ("/state", "get"),
        ("/health", "get"),
        ("/metadata", "get"),
        ("/schema", "get"),
        ("/mcp", "post"),
    ] {
        assert!(o["paths"][p][m].is_object(), "{m} {p}");
    }
    for page in ["/docs", "/redoc"] {
        let r = get(&srv, page).await;
        assert_eq!(r.status, 200);
        assert!(r.content_type.starts_with("text/html"), "{page}");
        assert!(r.text().contains("/openapi.json"));
    }
    let r = get(&srv, "/nope").await;
    assert_eq!((r.status, r.json()), (404, json!({"detail": "Not Found"})));
    let r = get(&srv, "/").await;
    assert_eq!(r.status, 404, "/ is 404 without the web interface");
    let r = http(&srv, "POST", "/health", Some("{}"), None).await;
    assert_eq!(
        (r.status, r.json()),
        (405, json!({"detail": "Method Not Allowed"}))
    );
    let r = get(&srv, "/reset").await;
    assert_eq!(r.status, 405);
    let r = get(&srv, "/web/state").await;
    assert_eq!(r.status, 404);
}

#[actix_web::test]
async fn mcp_over_http_and_ws() {
    let srv = server_with(|s| s.max_sessions = 2).await;
    let code = |v: &Value| v["error"]["code"].as_i64().unwrap_or(0);
    let r = post(&srv, "/mcp", &json!({})).await;
    assert_eq!(r.status, 200);
    let j = r.json();
    assert_eq!((j["jsonrpc"].clone(), code(&j)), (json!("2.0"), -32600));
    assert!(j.as_object().unwrap().contains_key("id"));
    let j = post(
        &srv,
        "/mcp",
        &json!({"jsonrpc": "2.0", "method": "tools/list", "id": 7}),
    )
    .await
    .json();
    assert_eq!((j["id"].clone(), code(&j)), (json!(7), -32603));
    let j = http(&srv, "POST", "/mcp", Some("{nope"), None).await.json();
    assert_eq!(code(&j), -32700);
    let j = post(
        &srv,
        "/mcp",
        &json!({"jsonrpc": "2.0", "method": "x", "id": "a"}),
    )
    .await
    .json();
    assert_eq!(code(&j), -32601);

    // WS {type: mcp}
    let mut ws = Ws::connect(&srv).await;
    let m = ws
        .rt(&json!({"type": "mcp", "data": {"jsonrpc": "2.0", "method": "tools/list", "id": 1}}))
        .await;
    assert_eq!(m["type"], "mcp");
    assert_eq!(
        (m["data"]["id"].clone(), code(&m["data"])),
        (json!(1), -32603)
    );
    let m = ws.rt(&json!({"type": "mcp", "data": {"bogus": 1}})).await;
    assert_eq!(code(&m["data"]), -32600);
    ws.error(&json!({"type": "mcp"}), "VALIDATION_ERROR").await;

    // session/create over POST /mcp takes the second (last) slot
    let j = post(
        &srv,
        "/mcp",
        &json!({"jsonrpc": "2.0", "method": "openenv/session/create", "id": 1}),
    )
    .await
    .json();
    let sid = j["result"]["session_id"].as_str().unwrap().to_string();
    let j = post(
        &srv,
        "/mcp",
        &json!({"jsonrpc": "2.0", "method": "openenv/session/create", "id": 2}),
    )
    .await
    .json();
    assert_eq!(code(&j), -32000);
    assert_eq!(
        j["error"]["data"],
        json!({"active_sessions": 2, "max_sessions": 2})
    );
    let mut extra = Ws::connect(&srv).await;
    check_error(&extra.recv().await, "CAPACITY_REACHED");
    assert_eq!(extra.expect_closed().await, Some(CloseCode::Normal));
    let j = post(
        &srv,
        "/mcp",
        &json!({"jsonrpc": "2.0", "method": "openenv/session/close", "params": {"session_id": sid}, "id": 3}),
    )
    .await
    .json();
    assert_eq!(j["result"], json!({"session_id": sid, "closed": true}));
    let j = post(
        &srv,
        "/mcp",
        &json!({"jsonrpc": "2.0", "method": "openenv/session/close", "params": {"session_id": sid}, "id": 4}),
    )
    .await
    .json();
    assert_eq!(code(&j), -32602);

    // WS /mcp: raw JSON-RPC, one slot per connection, parse errors keep it open
    let mut raw = Ws::connect_path(&srv, "/mcp").await;
    let j = raw.rt_raw("{nope").await;
    assert_eq!(code(&j), -32700);
    let j = raw
        .rt(&json!({"jsonrpc": "2.0", "method": "tools/call", "id": 9}))
        .await;
    assert_eq!((j["id"].clone(), code(&j)), (json!(9), -32603));
    let mut refused = Ws::connect_path(&srv, "/mcp").await;
    let j = refused.recv().await;
    assert_eq!(code(&j), -32000);
    refused.expect_closed().await;
    ws.bye().await;
}

// ---- row 2: default reset ------------------------------------------------------

#[actix_web::test]
async fn default_reset() {
    let srv = server().await;
    let d = lc(42, 1000);
    let mut ws = Ws::connect(&srv).await;
    let r = ws.rt(&json!({"type": "reset", "data": {}})).await;
    let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["type", "data"]);
    check_reset(&r["data"], &question(&d, 0));
    let r = ws.rt(&json!({"type": "reset"})).await;
    check_reset(&r["data"], &question(&d, 1));
    ws.bye().await;
}

// ---- row 3: params, answers, big seeds and sizes ----------------------------------

#[actix_web::test]
async fn reset_params_and_answers() {
    let srv = server().await;
    let d = lc(1234, 5);
    let mut ws = Ws::connect(&srv).await;
    let r = ws
        .reset(json!({"dataset_name": "leg_counting", "seed": 1234, "size": 5}))
        .await;
    check_reset(&r, &question(&d, 0));
    let wrong = ws.step("definitely not a number").await;
    check_step(&wrong, &d, 0, "definitely not a number");
    assert_eq!(wrong["observation"]["score"], 0.0);
    let correct = item(&d, 0).answer;
    check_step(&ws.step(&correct).await, &d, 0, &correct);
    let partial = format!("{correct} legs");
    let p = ws.step(&partial).await;
    check_step(&p, &d, 0, &partial);
    let s = p["observation"]["score"].as_f64().unwrap();
    assert!(s > 0.0 && s < 1.0);

    // 64-bit seeds, seed + idx beyond 2^64, and huge virtual sizes are instant.
    for (seed, size) in [
        (2u64.pow(40) + 3, 1_000_000_000u64),
        (u64::MAX, 1_000_000_000_000),
    ] {
        let t = Instant::now();
        let r = ws
            .reset(json!({"dataset_name": "leg_counting", "seed": seed, "size": size}))
            .await;
        assert!(t.elapsed() < Duration::from_secs(2));
        let d = lc(seed as i128, size);
        check_reset(&r, &question(&d, 0));
        check_reset(&ws.reset(json!({})).await, &question(&d, 1));
    }
    // Seeds beyond 64 bits (Python ints are unbounded; Seeded holds i128).
    let big: i128 = 1 << 70;
    ws.send_raw(&format!(
        r#"{{"type":"reset","data":{{"dataset_name":"leg_counting","seed":{big},"size":5}}}}"#
    ))
    .await;
    let r = ws.recv().await;
    assert_eq!(r["type"], "observation", "{r}");
    check_reset(&r["data"], &question(&lc(big, 5), 0));
    // Negative seeds are accepted over WS (Python seeds Random with |n|).
    let r = ws
        .reset(json!({"dataset_name": "leg_counting", "seed": -5, "size": 3}))
        .await;
    check_reset(&r, &question(&lc(-5, 3), 0));
    ws.bye().await;
}

// ---- row 4: persistence and restarts ---------------------------------------------

#[actix_web::test]
async fn persistence_and_restart() {
    let srv = server().await;
    let d = lc(77, 10);
    let mut ws = Ws::connect(&srv).await;
    check_reset(
        &ws.reset(json!({"dataset_name": "leg_counting", "seed": 77, "size": 10}))
            .await,
        &question(&d, 0),
    );
    check_reset(&ws.reset(json!({})).await, &question(&d, 1));
    let ans = item(&d, 1).answer;
    check_step(&ws.step(&ans).await, &d, 1, &ans);
    check_reset(&ws.reset(json!({})).await, &question(&d, 2));
    // identical params restart at 0
    check_reset(
        &ws.reset(json!({"dataset_name": "leg_counting", "seed": 77, "size": 10}))
            .await,
        &question(&d, 0),
    );
    check_reset(&ws.reset(json!({})).await, &question(&d, 1));
    let d4 = lc(77, 4);
    check_reset(
        &ws.reset(json!({"dataset_name": "leg_counting", "seed": 77, "size": 4}))
            .await,
        &question(&d4, 0),
    );
    ws.bye().await;
    let mut ws2 = Ws::connect(&srv).await;
    check_reset(&ws2.reset(json!({})).await, &question(&lc(42, 1000), 0));
    ws2.bye().await;
}

// ---- row 5: wrap-around, composite, dataset_config -----------------------------------

#[actix_web::test]
async fn wrap_around() {
    let srv = server().await;
    let d = lc(31, 3);
    let mut ws = Ws::connect(&srv).await;
    let mut got = vec![
        ws.reset(json!({"dataset_name": "leg_counting", "seed": 31, "size": 3}))
            .await,
    ];
    for _ in 0..5 {
        got.push(ws.reset(json!({})).await);
    }
    for (g, i) in got.iter().zip([0, 1, 2, 0, 1, 2]) {
        check_reset(g, &question(&d, i));
    }
    ws.bye().await;
}

#[actix_web::test]
async fn composite_and_config() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let specs1 = json!([{"name": "leg_counting", "weight": 2, "config": {"min_animals": 2, "max_animals": 4}}]);
    let c1 = oracle("composite", json!({"datasets": specs1}), 11, 6);
    check_reset(
        &ws.reset(
            json!({"dataset_name": "composite", "dataset_specs": specs1, "seed": 11, "size": 6}),
        )
        .await,
        &question(&c1, 0),
    );
    for i in 1..4 {
        check_reset(&ws.reset(json!({})).await, &question(&c1, i));
    }
    let ans = item(&c1, 3).answer;
    check_step(&ws.step(&ans).await, &c1, 3, &ans);

    // Two specs, default weight/config; the second is any other registered dataset.
    let second = datasets::registry()
        .iter()
        .map(|d| d.name)
        .find(|n| *n != "composite" && *n != "leg_counting" && !datasets::python_provided(n))
        .unwrap_or("leg_counting");
    if second != "leg_counting" {
        let specs2 = json!([{"name": "leg_counting"}, {"name": second, "weight": 1, "config": {}}]);
        let c2 = oracle("composite", json!({"datasets": specs2}), 12, 8);
        check_reset(
            &ws.reset(json!({"dataset_name": "composite", "dataset_specs": specs2, "seed": 12, "size": 8}))
                .await,
            &question(&c2, 0),
        );
        for i in 1..6 {
            check_reset(&ws.reset(json!({})).await, &question(&c2, i));
        }
        let ans = item(&c2, 5).answer;
        check_step(&ws.step(&ans).await, &c2, 5, &ans);
    }

    let cfg = json!({"min_animals": 2, "max_animals": 2, "min_instances": 3, "max_instances": 3});
    let d = oracle("leg_counting", cfg.clone(), 9, 5);
    let r = ws
        .reset(json!({"dataset_name": "leg_counting", "dataset_config": cfg, "seed": 9, "size": 5}))
        .await;
    check_reset(&r, &question(&d, 0));
    assert_ne!(question(&d, 0), question(&lc(9, 5), 0));
    let s = ws.step("0").await;
    assert_eq!(s["observation"]["dataset_metadata"]["num_animals"], 2);
    ws.bye().await;
}

// ---- row 6: kwargs semantics -----------------------------------------------------

#[actix_web::test]
async fn reset_kwargs_semantics() {
    let srv = server().await;
    let def = lc(42, 1000);
    let d = lc(13, 5);
    let mut ws = Ws::connect(&srv).await;
    check_reset(&ws.reset(json!({"seed": 7})).await, &question(&def, 0));
    check_reset(
        &ws.reset(json!({"seed": 8, "size": 3})).await,
        &question(&def, 1),
    );
    check_reset(
        &ws.reset(json!({"dataset_name": null, "dataset_config": null, "dataset_specs": null, "seed": null, "size": null}))
            .await,
        &question(&def, 2),
    );
    check_reset(
        &ws.reset(json!({"dataset_name": "leg_counting", "seed": 13, "size": 5, "no_such_kwarg": 1, "another": {"x": 1}}))
            .await,
        &question(&d, 0),
    );
    check_reset(
        &ws.reset(json!({"dataset_name": "leg_counting", "seed": 13, "size": 5, "dataset_specs": [{"name": "nope"}]}))
            .await,
        &question(&d, 0),
    );
    ws.bye().await;
}

// ---- row 7: step before reset ----------------------------------------------------

#[actix_web::test]
async fn step_before_reset() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let st0 = ws.state().await;
    assert_eq!(st0["step_count"], 0);
    assert!(st0["episode_id"].as_str().is_some_and(|s| !s.is_empty()));
    let r = ws.step("4").await;
    assert_eq!(
        r.to_string(),
        r#"{"observation":{"question":null,"score":null,"correct_answer":null,"dataset_metadata":null},"reward":0.0,"done":true}"#
    );
    let st = ws.state().await;
    assert_eq!(st["step_count"], 1);
    assert_eq!(st["episode_id"], st0["episode_id"]);
    ws.step("4").await;
    assert_eq!(ws.state().await["step_count"], 2);
    check_reset(&ws.reset(json!({})).await, &question(&lc(42, 1000), 0));
    assert_eq!(ws.state().await["step_count"], 0);
    ws.bye().await;
}

// ---- row 8: env errors -----------------------------------------------------------

#[actix_web::test]
async fn execution_errors_keep_the_session() {
    let srv = server().await;
    let d = lc(22, 5);
    let mut ws = Ws::connect(&srv).await;
    // on a fresh session the failed reset leaves no dataset behind
    let e = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": "no_such_dataset_xyz", "seed": 1, "size": 3}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(e["message"], "Dataset 'no_such_dataset_xyz' not registered");
    ws.reset(json!({"dataset_name": "leg_counting", "seed": 22, "size": 5}))
        .await;
    let ep = ws.state().await["episode_id"].clone();
    let bad = [
        json!({"dataset_name": "no_such_dataset_xyz", "seed": 1, "size": 3}),
        json!({"dataset_name": "leg_counting", "dataset_config": {"min_animals": 0}, "seed": 1, "size": 3}),
        json!({"dataset_name": "leg_counting", "dataset_config": {"min_animals": 5, "max_animals": 2}, "seed": 1, "size": 3}),
        json!({"dataset_name": "leg_counting", "dataset_config": {"no_such_option": 1}, "seed": 1, "size": 3}),
        json!({"dataset_name": "leg_counting", "seed": 1}),
        json!({"dataset_name": "leg_counting", "size": 3}),
        json!({"dataset_name": "composite", "seed": 1, "size": 3}),
        json!({"dataset_name": "composite", "dataset_specs": [], "seed": 1, "size": 3}),
        json!({"dataset_name": "composite", "dataset_specs": [{"name": "no_such_dataset_xyz"}], "seed": 1, "size": 3}),
        // reference quirks 1 and 2 (PROTOCOL.md §9): size <= 0 hangs there, "3" breaks later resets
        json!({"dataset_name": "leg_counting", "seed": 1, "size": 0}),
        json!({"dataset_name": "leg_counting", "seed": 1, "size": -1}),
        json!({"dataset_name": "leg_counting", "seed": 1, "size": "3"}),
        json!({"dataset_name": "leg_counting", "seed": 1.5, "size": 3}),
        json!({"dataset_name": "leg_counting", "seed": "1", "size": 3}),
    ];
    let mut msgs = Vec::new();
    for data in bad {
        let e = ws
            .error(&json!({"type": "reset", "data": data}), "EXECUTION_ERROR")
            .await;
        msgs.push(e["message"].as_str().unwrap().to_string());
    }
    assert!(
        msgs.contains(
            &"LegCountingConfig.__init__() got an unexpected keyword argument 'no_such_option'"
                .to_string()
        ),
        "{msgs:?}"
    );
    assert!(
        msgs.contains(&"seed and size must be provided when dataset_name is specified".to_string())
    );
    assert!(msgs.contains(&"dataset_specs cannot be empty for composite datasets".to_string()));
    assert!(msgs.contains(
        &"size must be a positive integer no larger than 18446744073709551615".to_string()
    ));
    let st = ws.state().await;
    assert_eq!(
        st["episode_id"], ep,
        "failed resets must not start an episode"
    );
    check_reset(&ws.reset(json!({})).await, &question(&d, 1));
    ws.bye().await;
}

// ---- row 9: protocol errors ------------------------------------------------------

#[actix_web::test]
async fn protocol_errors_keep_the_connection() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let e = check_error(&ws.rt_raw("this is {not json").await, "INVALID_JSON");
    assert!(e["message"].as_str().unwrap().starts_with("Invalid JSON: "));
    check_error(&ws.rt_raw("").await, "INVALID_JSON");
    let e = ws.error(&json!({"type": "bogus"}), "UNKNOWN_TYPE").await;
    assert_eq!(e["message"], "Unknown message type: bogus");
    let e = ws.error(&json!({"data": {}}), "UNKNOWN_TYPE").await;
    assert_eq!(e["message"], "Unknown message type: ");
    ws.reset(json!({})).await;
    for bad in [
        json!({"type": "step"}),
        json!({"type": "step", "data": {}}),
        json!({"type": "step", "data": {"answer": "1", "bogus": 2}}),
        json!({"type": "step", "data": {"answer": 4}}),
        json!({"type": "step", "data": "4"}),
        json!({"type": "state", "data": {}}),
        json!({"type": "reset", "data": {}, "extra": 1}),
        json!({"type": "reset", "data": "x"}),
        json!({"type": "close", "data": {}}),
        json!({"type": "reset", "data": {"episode_id": 5}}),
    ] {
        let e = ws.error(&bad, "VALIDATION_ERROR").await;
        assert_eq!(e["message"], "Invalid message");
        assert!(
            e["errors"].as_array().is_some_and(|a| !a.is_empty()),
            "{bad}"
        );
    }
    // reference quirk 3 (PROTOCOL.md §9): non-objects and binary frames no longer kill the session
    for raw in ["[1, 2]", "\"x\"", "null", "42"] {
        let r = ws.rt_raw(raw).await;
        assert_eq!(r["type"], "error", "{raw}");
    }
    ws.send_binary(b"{\"type\":\"state\"}").await;
    check_error(&ws.recv().await, "INVALID_JSON");
    let st = ws.state().await;
    assert_eq!(st["step_count"], 0, "rejected steps must not count");
    let r = ws
        .rt(&json!({"type": "step", "data": {"answer": "1", "metadata": {"k": "v"}}}))
        .await;
    assert_eq!(r["type"], "observation");
    assert_eq!(ws.state().await["step_count"], 1);
    ws.bye().await;
}

// ---- row 10: state, close, pipelining --------------------------------------------

#[actix_web::test]
async fn state_tracking() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    ws.reset(json!({"dataset_name": "leg_counting", "seed": 3, "size": 5, "episode_id": "ep-1"}))
        .await;
    assert_eq!(
        ws.state().await,
        json!({"episode_id": "ep-1", "step_count": 0})
    );
    let a = ws.step("1").await;
    let b = ws.step("2").await;
    assert_eq!(
        a["observation"]["correct_answer"],
        b["observation"]["correct_answer"]
    );
    assert_eq!(
        ws.state().await,
        json!({"episode_id": "ep-1", "step_count": 2})
    );
    ws.reset(json!({})).await;
    let st = ws.state().await;
    let first = st["episode_id"].as_str().unwrap().to_string();
    assert!(!first.is_empty() && first != "ep-1");
    assert_eq!(st["step_count"], 0);
    ws.reset(json!({"episode_id": ""})).await;
    let st = ws.state().await;
    assert!(st["episode_id"]
        .as_str()
        .is_some_and(|s| !s.is_empty() && s != first));
    ws.bye().await;
}

#[actix_web::test]
async fn close_frees_the_slot_at_once() {
    let srv = server_with(|s| s.max_sessions = 1).await;
    for _ in 0..3 {
        let mut ws = Ws::connect(&srv).await;
        ws.reset(json!({})).await;
        ws.send(&json!({"type": "close"})).await;
        assert_eq!(ws.expect_closed().await, Some(CloseCode::Normal));
        // the next connection gets the only slot immediately
    }
    let mut ws = Ws::connect(&srv).await;
    check_reset(&ws.reset(json!({})).await, &question(&lc(42, 1000), 0));
    assert_eq!(srv.app.sessions.active(), 1);
    drop(ws);
    let t = Instant::now();
    while srv.app.sessions.active() != 0 {
        assert!(
            t.elapsed() < Duration::from_secs(5),
            "disconnect frees the slot"
        );
        actix_rt::time::sleep(Duration::from_millis(10)).await;
    }
}

#[actix_web::test]
async fn pipelined_requests_answered_in_order() {
    let srv = server().await;
    let d = lc(41, 5);
    let e0 = item(&d, 0);
    let mut ws = Ws::connect(&srv).await;
    ws.send(
        &json!({"type": "reset", "data": {"dataset_name": "leg_counting", "seed": 41, "size": 5}}),
    )
    .await;
    ws.send(&json!({"type": "step", "data": {"answer": e0.answer}}))
        .await;
    ws.send(&json!({"type": "bogus"})).await;
    ws.send(&json!({"type": "state"})).await;
    ws.send(&json!({"type": "reset", "data": {}})).await;
    for i in 0..20 {
        ws.send(&json!({"type": "step", "data": {"answer": format!("{i}")}}))
            .await;
    }
    ws.send(&json!({"type": "state"})).await;
    ws.send(&json!({"type": "close"})).await;
    let r: Vec<Value> = {
        let mut v = Vec::new();
        for _ in 0..26 {
            v.push(ws.recv().await);
        }
        v
    };
    let types: Vec<&str> = r.iter().map(|x| x["type"].as_str().unwrap()).collect();
    assert_eq!(
        &types[..5],
        [
            "observation",
            "observation",
            "error",
            "state",
            "observation"
        ]
    );
    check_reset(&r[0]["data"], &e0.question);
    assert_eq!(r[1]["data"]["observation"]["score"], 1.0);
    assert_eq!(r[3]["data"]["step_count"], 1);
    check_reset(&r[4]["data"], &question(&d, 1));
    assert_eq!(r[25]["data"]["step_count"], 20);
    assert_eq!(ws.expect_closed().await, Some(CloseCode::Normal));
}

/// A client that sends far more than the socket buffers hold before reading
/// anything: replies queue in the session (in order, nothing dropped) and all
/// arrive once it reads.
#[actix_web::test]
async fn a_client_that_stops_reading_gets_every_reply_in_order() {
    const N: u64 = 20_000;
    let srv = server().await;
    let d = lc(43, N);
    let mut ws = Ws::connect(&srv).await;
    ws.send(
        &json!({"type": "reset", "data": {"dataset_name": "leg_counting", "seed": 43, "size": N}}),
    )
    .await;
    for _ in 1..N {
        ws.send_raw(r#"{"type":"reset","data":{}}"#).await;
    }
    for i in 0..N {
        let r = ws.recv().await;
        check_reset(&r["data"], &question(&d, i));
    }
    assert_eq!(ws.state().await["step_count"], 0);
}

/// A client that sends and never reads: the session drops the connection
/// once its unread replies pass `MAX_BACKLOG_BYTES`, instead of growing.
#[actix_web::test]
async fn a_client_that_never_reads_is_dropped_not_buffered() {
    let srv = server().await;
    let closed = |m: &str| {
        m.lines()
            .find(|l| l.starts_with("rgym_sessions_closed_total{reason=\"slow_reader\"}"))
            .and_then(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let before = closed(&metrics_text(&srv).await);
    let mut ws = Ws::connect(&srv).await;
    // Each is answered by a validation error that quotes the ~60 KB input.
    let big = format!(
        r#"{{"type":"step","data":{{"answer":["{}"]}}}}"#,
        "x".repeat(60_000)
    );
    let reply = ws.rt_raw(&big).await;
    assert_eq!(reply["data"]["code"], "VALIDATION_ERROR");
    assert!(reply.to_string().len() > 60_000);
    let limit = rgym_server::ws::MAX_BACKLOG_BYTES;
    let mut sent = 0;
    while sent < 4 * limit / big.len() && ws.try_send_raw(&big).await {
        sent += 1;
    }
    let mut got = 0;
    while let Got::Text(_) = ws.next().await {
        got += 1;
    }
    assert!(got < sent, "{got} replies for {sent} requests");
    let after = closed(&metrics_text(&srv).await);
    assert_eq!(after, before + 1.0);
}

#[actix_web::test]
async fn pings_are_answered() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    ws.send(&json!({"type": "reset", "data": {}})).await;
    ws.ping(b"hello").await;
    let mut saw_pong = false;
    let mut saw_obs = false;
    while !(saw_pong && saw_obs) {
        match ws.next_frame().await {
            Some(awc::ws::Frame::Pong(b)) => {
                assert_eq!(&b[..], b"hello");
                saw_pong = true;
            }
            Some(awc::ws::Frame::Text(_)) => saw_obs = true,
            other => panic!("unexpected {other:?}"),
        }
    }
    ws.bye().await;
}

// ---- row 12: concurrency and capacity ----------------------------------------------

#[actix_web::test]
async fn concurrent_sessions_are_isolated() {
    let srv = server_with(|s| s.max_sessions = 4).await;
    let mut socks = Vec::new();
    for i in 0..4 {
        let mut ws = Ws::connect(&srv).await;
        ws.reset(json!({"dataset_name": "leg_counting", "seed": 100 + i, "size": 5}))
            .await;
        socks.push(ws);
    }
    for (i, ws) in socks.iter_mut().enumerate() {
        let d = lc(100 + i as i128, 5);
        check_reset(&ws.reset(json!({})).await, &question(&d, 1));
        let ans = item(&d, 1).answer;
        check_step(&ws.step(&ans).await, &d, 1, &ans);
    }
    for ws in socks.iter_mut() {
        assert_eq!(ws.state().await["step_count"], 1);
    }
    for ws in socks {
        ws.bye().await;
    }
}

#[actix_web::test]
async fn capacity_limit() {
    let n = 3;
    let srv = server_with(|s| s.max_sessions = n).await;
    let before = metric(&metrics_text(&srv).await, "rgym_sessions_refused_total");
    let mut held = Vec::new();
    for _ in 0..n {
        let mut ws = Ws::connect(&srv).await;
        ws.state().await;
        held.push(ws);
    }
    let mut extra = Ws::connect(&srv).await;
    let e = check_error(&extra.recv().await, "CAPACITY_REACHED");
    assert_eq!(
        e,
        json!({
            "message": "Server at capacity: 3/3 sessions active. Cannot accept new connections.",
            "code": "CAPACITY_REACHED", "active_sessions": n, "max_sessions": n,
        })
    );
    assert_eq!(extra.expect_closed().await, Some(CloseCode::Normal));
    assert!(metric(&metrics_text(&srv).await, "rgym_sessions_refused_total") > before);
    // HTTP never needs a slot
    assert_eq!(post(&srv, "/reset", &json!({})).await.status, 200);
    // a polite close frees a slot for the next client
    held.remove(0).bye().await;
    let mut again = Ws::connect(&srv).await;
    check_reset(&again.reset(json!({})).await, &question(&lc(42, 1000), 0));
    again.bye().await;
    for ws in held {
        ws.bye().await;
    }
}

// ---- row 13: HTTP simulation endpoints ----------------------------------------------

#[actix_web::test]
async fn http_reset_step_state_are_stateless() {
    let srv = server().await;
    let q0 = question(&lc(42, 1000), 0);
    let r = http(&srv, "POST", "/reset", None, None).await;
    assert_eq!(r.status, 200);
    check_reset(&r.json(), &q0);
    for _ in 0..2 {
        check_reset(&post(&srv, "/reset", &json!({})).await.json(), &q0);
    }
    let r = post(
        &srv,
        "/reset",
        &json!({"dataset_name": "leg_counting", "seed": 71, "size": 5, "episode_id": "e", "unknown_extra": 1}),
    )
    .await;
    check_reset(&r.json(), &question(&lc(71, 5), 0));
    for seed in [json!("71"), json!(71.0)] {
        let r = post(
            &srv,
            "/reset",
            &json!({"dataset_name": "leg_counting", "seed": seed, "size": 5}),
        )
        .await;
        assert_eq!(r.status, 200, "seed {seed} is coerced");
        check_reset(&r.json(), &question(&lc(71, 5), 0));
    }
    let specs = json!([{"name": "leg_counting"}]);
    let r = post(
        &srv,
        "/reset",
        &json!({"dataset_name": "composite", "seed": 11, "size": 6, "dataset_specs": specs}),
    )
    .await;
    check_reset(
        &r.json(),
        &question(&oracle("composite", json!({"datasets": specs}), 11, 6), 0),
    );
    let empty = json!({"observation": {"question": null, "score": null, "correct_answer": null, "dataset_metadata": null}, "reward": 0.0, "done": true});
    let r = post(&srv, "/step", &json!({"action": {"answer": "1"}})).await;
    assert_eq!((r.status, r.json()), (200, empty.clone()));
    let r = post(
        &srv,
        "/step",
        &json!({"action": {"answer": "1", "metadata": {}}, "timeout_s": 5, "request_id": "r1", "extra": true}),
    )
    .await;
    assert_eq!((r.status, r.json()), (200, empty));
    let st = get(&srv, "/state").await.json();
    assert_eq!(st["step_count"], 0);
    assert!(st["episode_id"].as_str().is_some_and(|s| s.len() == 36));
}

#[actix_web::test]
async fn http_errors() {
    let srv = server().await;
    let cases: Vec<(&str, Option<&str>, u16)> = vec![
        ("/step", Some(r#"{"action": {}}"#), 422),
        (
            "/step",
            Some(r#"{"action": {"answer": "x", "bogus": 1}}"#),
            422,
        ),
        ("/step", Some(r#"{"action": {"answer": 4}}"#), 422),
        ("/step", Some("{}"), 422),
        ("/step", None, 422),
        ("/step", Some("not json"), 422),
        (
            "/step",
            Some(r#"{"action": {"answer": "x"}, "timeout_s": 0}"#),
            422,
        ),
        ("/reset", Some(r#"{"seed": -1}"#), 422),
        ("/reset", Some(r#"{"seed": "abc"}"#), 422),
        ("/reset", Some(r#"{"seed": 42.5}"#), 422),
        ("/reset", Some(r#"{"episode_id": 5}"#), 422),
        ("/reset", Some("[1, 2]"), 422),
        ("/reset", Some("null"), 422),
        (
            "/reset",
            Some(r#"{"dataset_name": "no_such_dataset_xyz", "seed": 1, "size": 3}"#),
            500,
        ),
        ("/reset", Some(r#"{"dataset_name": "leg_counting"}"#), 500),
        (
            "/reset",
            Some(
                r#"{"dataset_name": "leg_counting", "seed": 1, "size": 3, "dataset_config": {"min_animals": 0}}"#,
            ),
            500,
        ),
        (
            "/reset",
            Some(r#"{"dataset_name": "leg_counting", "seed": 1, "size": "3"}"#),
            500,
        ),
        (
            "/reset",
            Some(r#"{"dataset_name": "leg_counting", "seed": 1, "size": 0}"#),
            500,
        ),
    ];
    for (path, body, want) in cases {
        let r = http(&srv, "POST", path, body, None).await;
        assert_eq!(r.status, want, "{path} {body:?}: {}", r.text());
        if want == 422 {
            assert!(
                r.json()["detail"].as_array().is_some_and(|d| !d.is_empty()),
                "{path} {body:?}"
            );
        } else {
            // The reference's 500 has a bare text body; rgym's names the error.
            assert!(r.content_type.starts_with("application/json"));
            assert!(
                r.json()["detail"].as_str().is_some_and(|d| !d.is_empty()),
                "{path} {body:?}"
            );
        }
    }
    let r = http(
        &srv,
        "POST",
        "/step",
        Some(r#"{"action": {"answer": 4}}"#),
        None,
    )
    .await;
    assert_eq!(r.json()["detail"][0]["loc"], json!(["answer"]));
    let r = http(&srv, "POST", "/step", Some("{}"), None).await;
    assert_eq!(r.json()["detail"][0]["loc"], json!(["body", "action"]));
    let r = http(&srv, "POST", "/reset", Some("{}"), Some("text/plain")).await;
    assert_eq!(r.status, 422, "non-JSON content type");
    let e = "e".repeat(256);
    let r = post(&srv, "/reset", &json!({"episode_id": e})).await;
    assert_eq!(r.status, 422);
    assert_eq!(get(&srv, "/health").await.status, 200);
}

#[actix_web::test]
async fn http_is_independent_of_ws() {
    let srv = server_with(|s| s.max_sessions = 1).await;
    let d = lc(81, 5);
    let mut ws = Ws::connect(&srv).await;
    ws.reset(json!({"dataset_name": "leg_counting", "seed": 81, "size": 5}))
        .await;
    let r = post(
        &srv,
        "/reset",
        &json!({"dataset_name": "leg_counting", "seed": 82, "size": 5}),
    )
    .await;
    assert_eq!(r.status, 200);
    post(&srv, "/step", &json!({"action": {"answer": "1"}})).await;
    assert_eq!(ws.state().await["step_count"], 0);
    check_reset(&ws.reset(json!({})).await, &question(&d, 1));
    ws.bye().await;
}

// ---- row 14: size 0 ----------------------------------------------------------------

#[actix_web::test]
async fn reset_size_zero_answers() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let t = Instant::now();
    ws.error(
        &json!({"type": "reset", "data": {"dataset_name": "leg_counting", "seed": 1, "size": 0}}),
        "EXECUTION_ERROR",
    )
    .await;
    assert!(t.elapsed() < Duration::from_secs(2));
    check_reset(
        &ws.reset(json!({"dataset_name": "leg_counting", "seed": 1, "size": 3}))
            .await,
        &question(&lc(1, 3), 0),
    );
    ws.bye().await;
}

// ---- row 15: web interface ----------------------------------------------------------

#[actix_web::test]
async fn web_interface() {
    let srv = server_with(|s| s.web_interface = true).await;
    for p in ["/", "/web"] {
        let r = get(&srv, p).await;
        assert_eq!(r.status, 307);
        assert_eq!(r.location.as_deref(), Some("/web/"));
    }
    let r = get(&srv, "/web/").await;
    assert!(r.status == 200 && r.content_type.starts_with("text/html"));
    assert_eq!(
        get(&srv, "/web/metadata").await.json()["name"],
        "reasoning_gym"
    );
    let mut ui = Ws::connect_path(&srv, "/ws/ui").await;
    let first = ui.recv().await;
    assert_eq!(first["type"], "state_update");
    let r = http(&srv, "POST", "/web/reset", None, None).await;
    assert_eq!(r.status, 200);
    check_reset(&r.json(), &question(&lc(42, 1000), 0));
    let upd = ui.recv().await;
    assert_eq!(upd["episode_state"]["is_reset"], true);
    let r = post(&srv, "/web/step", &json!({"action": {"answer": "1"}})).await;
    assert_eq!(r.status, 200);
    check_step(&r.json(), &lc(42, 1000), 0, "1");
    let upd = ui.recv().await;
    assert_eq!(upd["episode_state"]["step_count"], 1);
    assert_eq!(
        upd["episode_state"]["action_logs"][0]["action"]["answer"],
        "1"
    );
    assert_eq!(get(&srv, "/web/state").await.json()["step_count"], 1);
    // the web env is shared and persistent: the next reset continues
    let r = post(&srv, "/web/reset", &json!({})).await;
    check_reset(&r.json(), &question(&lc(42, 1000), 1));
    let r = post(&srv, "/web/step", &json!({"action": {"bogus": 1}})).await;
    assert_eq!(r.status, 500);
    let r = post(
        &srv,
        "/web/reset",
        &json!({"dataset_name": "nope", "seed": 1, "size": 1}),
    )
    .await;
    assert_eq!(r.status, 500);
    let o = get(&srv, "/openapi.json").await.json();
    assert!(o["paths"]["/web/reset"]["post"].is_object());
}

// ---- the server's own duties -----------------------------------------------------------

#[actix_web::test]
async fn idle_sessions_are_closed() {
    let srv = server_with(|s| s.idle_timeout = Some(Duration::from_millis(400))).await;
    let mut ws = Ws::connect(&srv).await;
    ws.reset(json!({})).await;
    let mut busy = Ws::connect(&srv).await;
    // state polling is not activity
    let t = Instant::now();
    let mut closed = None;
    while t.elapsed() < Duration::from_secs(5) {
        busy.send(&json!({"type": "state"})).await;
        match busy.next().await {
            Got::Text(v) => assert_eq!(v["type"], "state"),
            Got::Closed(c) => {
                closed = Some(c);
                break;
            }
        }
        actix_rt::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        closed,
        Some(Some(CloseCode::Normal)),
        "state-only session reaped"
    );
    assert_eq!(ws.expect_closed().await, Some(CloseCode::Normal));
    assert_eq!(srv.app.sessions.active(), 0);
    let m = metrics_text(&srv).await;
    assert!(metric(&m, "rgym_sessions_closed_total{reason=\"idle\"}") >= 2.0);
}

#[actix_web::test]
async fn dead_peers_are_dropped() {
    let srv = server_with(|s| {
        s.heartbeat_interval = Duration::from_millis(100);
        s.client_timeout = Duration::from_millis(300);
    })
    .await;
    let mut ws = Ws::connect(&srv).await;
    // Never answer: read raw frames, which leaves pings unanswered.
    let mut pings = 0;
    loop {
        match ws.next_frame().await {
            Some(awc::ws::Frame::Ping(_)) => pings += 1,
            Some(awc::ws::Frame::Close(r)) => {
                assert_eq!(r.map(|r| r.code), Some(CloseCode::Away));
                break;
            }
            None => break,
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(pings >= 1);
    assert_eq!(srv.app.sessions.active(), 0);
}

#[actix_web::test]
async fn graceful_shutdown() {
    let srv = server().await;
    let mut a = Ws::connect(&srv).await;
    let mut b = Ws::connect(&srv).await;
    a.reset(json!({})).await;
    let mcp = post(
        &srv,
        "/mcp",
        &json!({"jsonrpc": "2.0", "method": "openenv/session/create", "id": 1}),
    )
    .await;
    assert!(mcp.json()["result"]["session_id"].is_string());
    // Received before the stop arrives: must still be answered, in order.
    for i in 0..50 {
        a.send(&json!({"type": "step", "data": {"answer": format!("{i}")}}))
            .await;
    }
    a.send(&json!({"type": "state"})).await;
    actix_rt::time::sleep(Duration::from_millis(100)).await;
    let stop = srv.stop_handle();
    let t = Instant::now();
    let stopping = actix_rt::spawn(async move { stop.stop().await });
    let mut answered = 0;
    loop {
        match a.next().await {
            Got::Text(v) if answered < 50 => {
                assert_eq!(v["type"], "observation", "{v}");
                answered += 1;
            }
            Got::Text(v) => {
                assert_eq!(v, json!({"type": "state", "data": v["data"]}));
                assert_eq!(v["data"]["step_count"], 50);
                answered += 1;
            }
            Got::Closed(code) => {
                assert_eq!(code, Some(CloseCode::Away));
                break;
            }
        }
    }
    // Normally all 51 arrived before the stop; on a loaded machine some may
    // still be in the socket, which the server then never reads. What it did
    // read, it answered, in order, before its close frame.
    assert!(
        answered >= 1,
        "requests received before the stop are answered"
    );
    assert_eq!(b.expect_closed().await, Some(CloseCode::Away));
    stopping.await.unwrap();
    let addr = srv.addr;
    srv.wait().await.unwrap();
    assert!(t.elapsed() < Duration::from_secs(5), "bounded shutdown");
    assert!(
        std::net::TcpStream::connect(addr).is_err(),
        "no longer accepting"
    );
}

#[actix_web::test]
async fn metrics_move() {
    let srv = server().await;
    let m0 = metrics_text(&srv).await;
    for name in [
        "rgym_active_sessions",
        "rgym_sessions_opened_total",
        "rgym_item_cache_hits_total",
        "rgym_item_cache_misses_total",
        "rgym_item_cache_size",
    ] {
        assert!(m0.contains(&format!("# TYPE {name}")), "{name} exported");
    }
    let mut a = Ws::connect(&srv).await;
    let mut b = Ws::connect(&srv).await;
    // the same seed/index twice: the second is a cache hit
    a.reset(json!({"dataset_name": "leg_counting", "seed": 987_654, "size": 3}))
        .await;
    b.reset(json!({"dataset_name": "leg_counting", "seed": 987_654, "size": 3}))
        .await;
    let ans = item(&lc(987_654, 3), 0).answer;
    a.step(&ans).await;
    a.error(&json!({"type": "bogus"}), "UNKNOWN_TYPE").await;
    let m1 = metrics_text(&srv).await;
    let grew = |sample: &str, by: f64| {
        let (x0, x1) = (metric(&m0, sample), metric(&m1, sample));
        assert!(x1 - x0 >= by, "{sample}: {x0} -> {x1}");
    };
    grew("rgym_sessions_opened_total", 2.0);
    grew("rgym_messages_total{type=\"reset\"}", 2.0);
    grew("rgym_messages_total{type=\"step\"}", 1.0);
    grew("rgym_messages_total{type=\"unknown\"}", 1.0);
    grew("rgym_errors_total{code=\"UNKNOWN_TYPE\"}", 1.0);
    grew("rgym_reset_latency_seconds_count", 2.0);
    grew("rgym_step_latency_seconds_count", 1.0);
    grew("rgym_item_cache_hits_total", 1.0);
    grew("rgym_item_cache_misses_total", 1.0);
    grew(
        "rgym_item_generation_seconds_count{dataset=\"leg_counting\"}",
        1.0,
    );
    grew("rgym_scores_count{dataset=\"leg_counting\"}", 1.0);
    grew("rgym_scores_bucket{dataset=\"leg_counting\",le=\"1\"}", 1.0);
    // The first scrape is counted once answered, with its method and status.
    grew(
        "rgym_http_requests_total{method=\"GET\",route=\"/metrics\",status=\"200\"}",
        1.0,
    );
    assert!(metric(&m1, "rgym_active_sessions") >= 2.0);
    a.bye().await;
    b.bye().await;
    let m2 = metrics_text(&srv).await;
    assert!(
        metric(&m2, "rgym_sessions_closed_total{reason=\"client_close\"}")
            - metric(&m1, "rgym_sessions_closed_total{reason=\"client_close\"}")
            >= 2.0
    );
}
