//! What trainers opt into (issue 16), over the wire. With none of these keys
//! the wire is the protocol's: `tests/protocol.rs` holds that side.

mod common;

use common::*;
use serde_json::json;

/// `answer_format` on reset: later steps score what the format pulls out of
/// the completion and say what that was; it is kept until a reset changes it.
#[actix_web::test]
async fn answer_format_extracts_before_scoring() {
    let srv = server().await;
    let ds = lc(7, 50);
    let mut ws = Ws::connect(&srv).await;
    let base = json!({"dataset_name": "leg_counting", "seed": 7, "size": 50});

    // Without the key: the protocol's reply, no extra key.
    ws.reset(base.clone()).await;
    let answer = item(&ds, 0).answer;
    let wrapped = format!("I think... <answer> {answer} </answer>");
    let raw = ws.step(&wrapped).await;
    check_step(&raw, &ds, 0, &wrapped);
    assert!(raw.get("extracted_answer").is_none());

    let mut with_tag = base.clone();
    with_tag["answer_format"] = json!("answer_tag");
    let r = ws.reset(with_tag).await;
    assert!(
        r.get("extracted_answer").is_none(),
        "reset replies carry no extra key"
    );
    let stepped = ws.step(&wrapped).await;
    assert_eq!(stepped["extracted_answer"], json!(answer));
    assert_eq!(stepped["reward"], json!(1.0));

    // Kept across a reset without the key; no tag is Python's None.
    ws.reset(json!({})).await;
    let none = ws.step(&item(&ds, 1).answer).await;
    assert_eq!(none["extracted_answer"], json!(null));
    assert_eq!(none["reward"], json!(ds.score(None, &item(&ds, 1))));

    // boxed and auto; raw chosen explicitly still shows what was scored.
    for (format, completion, want) in [
        ("boxed", format!("so $\\boxed{{{answer}}}$"), answer.clone()),
        ("auto", format!("  {answer}\n"), answer.clone()),
        ("raw", format!(" {answer}"), format!(" {answer}")),
    ] {
        let mut p = base.clone();
        p["answer_format"] = json!(format);
        ws.reset(p).await;
        let r = ws.step(&completion).await;
        assert_eq!(r["extracted_answer"], json!(want), "{format}");
        assert_eq!(
            r["reward"],
            json!(ds.score(Some(&want), &item(&ds, 0))),
            "{format}"
        );
    }

    // A bad format is refused and changes nothing.
    let mut bad = base.clone();
    bad["answer_format"] = json!("xml");
    let err = ws
        .error(&json!({"type": "reset", "data": bad}), "EXECUTION_ERROR")
        .await;
    let msg = err["message"].as_str().unwrap_or_default().to_string();
    assert!(msg.contains("unknown answer_format \"xml\""), "{msg}");
    bad["answer_format"] = json!(3);
    ws.error(&json!({"type": "reset", "data": bad}), "EXECUTION_ERROR")
        .await;
    let still_raw = ws.step(" x").await;
    assert_eq!(still_raw["extracted_answer"], json!(" x"));
    ws.bye().await;
}

/// `POST /v1/generate` with `Accept: application/x-ndjson`.
async fn generate_ndjson(srv: &rgym_server::RunningServer, body: &serde_json::Value) -> Resp {
    let client = awc::Client::builder().timeout(TIMEOUT).finish();
    let mut resp = client
        .post(format!("{}/v1/generate", srv.url()))
        .insert_header(("content-type", "application/json"))
        .insert_header(("accept", "application/x-ndjson"))
        .send_body(body.to_string())
        .await
        .expect("HTTP request");
    let content_type = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = resp.body().limit(64 << 20).await.expect("body").to_vec();
    Resp {
        status: resp.status().as_u16(),
        content_type,
        location: None,
        body,
    }
}

/// The rows `rgym generate` would write: the export engine's bytes.
fn export_rows(ds: &dataset_core::Seeded, range: std::ops::Range<u64>, format: Format) -> Vec<u8> {
    let mut out = Vec::new();
    dataset_core::export::write_items(ds, range, format, &mut out, |_| {}).expect("exports");
    out
}

use dataset_core::export::Format;

/// The batch generate route answers `rgym generate`'s bytes, as one JSON
/// array or as streamed JSON Lines, for plain datasets and composites.
#[actix_web::test]
async fn batch_generate_is_rgym_generate() {
    let srv = server().await;
    let ds = lc(7, 5000);
    let body =
        json!({"dataset_name": "leg_counting", "seed": 7, "size": 5000, "start": 10, "count": 25});
    let r = post(&srv, "/v1/generate", &body).await;
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.content_type, "application/json");
    assert_eq!(r.body, export_rows(&ds, 10..35, Format::JsonArray));
    let rows = r.json();
    assert_eq!(rows[0]["index"], 10);
    assert_eq!(rows[0]["question"], json!(question(&ds, 10)));

    // Streamed: several chunks, the same rows as JSON Lines.
    let big = json!({"dataset_name": "leg_counting", "seed": 7, "size": 5000, "start": 1000, "count": 2500});
    let r = generate_ndjson(&srv, &big).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type, "application/x-ndjson");
    assert_eq!(r.body, export_rows(&ds, 1000..3500, Format::JsonLines));

    // A composite, named as a reset names it; its items as the oracle gives them.
    let specs = json!([{"name": "leg_counting", "weight": 1, "config": {}},
                       {"name": "word_sorting", "weight": 1, "config": {}}]);
    let comp = oracle("composite", json!({"datasets": specs}), 3, 100);
    let r = post(
        &srv,
        "/v1/generate",
        &json!({"dataset_name": "composite", "dataset_specs": specs, "seed": 3, "size": 100, "count": 12}),
    )
    .await;
    assert_eq!(r.body, export_rows(&comp, 0..12, Format::JsonArray));
}

/// Scores equal the session path's; `answer_format` extracts first and says
/// what it scored; without it, rows carry no extra key.
#[actix_web::test]
async fn batch_score_matches_steps() {
    let srv = server().await;
    let ds = lc(9, 100);
    let answers: Vec<(u64, Option<String>)> = vec![
        (0, Some(item(&ds, 0).answer)),
        (1, Some(format!("<answer>{}</answer>", item(&ds, 1).answer))),
        (2, Some("not a number".into())),
        (3, None),
        (0, Some(format!(" {} ", item(&ds, 0).answer))),
    ];
    let body = |format: Option<&str>| {
        let list: Vec<_> = answers
            .iter()
            .map(|(i, a)| json!({"index": i, "answer": a}))
            .collect();
        let mut b =
            json!({"dataset_name": "leg_counting", "seed": 9, "size": 100, "answers": list});
        if let Some(f) = format {
            b["answer_format"] = json!(f);
        }
        b
    };
    let r = post(&srv, "/v1/score", &body(None)).await;
    assert_eq!(r.status, 200, "{}", r.text());
    let rows = r.json();
    // The same answers stepped over a session.
    let mut ws = Ws::connect(&srv).await;
    for (n, (index, answer)) in answers.iter().enumerate() {
        let row = &rows[n];
        assert_eq!(row["index"], json!(index));
        assert!(row.get("extracted_answer").is_none());
        let want = ds.score(answer.as_deref(), &item(&ds, *index));
        assert_eq!(row["score"], json!(want), "answer {n}");
        if *index == 0 {
            ws.reset(json!({"dataset_name": "leg_counting", "seed": 9, "size": 100}))
                .await;
            if let Some(a) = answer {
                assert_eq!(ws.step(a).await["reward"], json!(want));
            }
        }
    }
    ws.bye().await;

    let r = post(&srv, "/v1/score", &body(Some("answer_tag"))).await;
    let rows = r.json();
    assert_eq!(rows[1]["extracted_answer"], json!(item(&ds, 1).answer));
    assert_eq!(rows[1]["score"], json!(1.0));
    assert_eq!(rows[0]["extracted_answer"], json!(null));
    assert_eq!(rows[0]["score"], json!(ds.score(None, &item(&ds, 0))));
}

/// Every bound and malformed request gets a clear error, and the server
/// goes on answering.
#[actix_web::test]
async fn batch_requests_are_bounded_and_checked() {
    let srv = server_with(|s| {
        s.max_batch_items = 50;
        s.max_reply_bytes = 64 * 1024;
    })
    .await;
    let base = json!({"dataset_name": "leg_counting", "seed": 1, "size": 100});
    let with = |extra: serde_json::Value| {
        let mut b = base.clone();
        for (k, v) in extra.as_object().unwrap() {
            b[k] = v.clone();
        }
        b
    };
    let status_and_detail = |r: &Resp| (r.status, r.json()["detail"].clone());

    // count out of 1..=max_batch_items, indices past size.
    for (extra, loc) in [
        (json!({"count": 0}), "count"),
        (json!({"count": 51}), "count"),
        (json!({"count": 10, "start": 95}), "start"),
        (json!({"count": 1, "start": 100}), "start"),
        (json!({"count": -1}), "count"),
        (json!({"count": "3"}), "count"),
    ] {
        let r = post(&srv, "/v1/generate", &with(extra.clone())).await;
        let (status, detail) = status_and_detail(&r);
        assert_eq!(status, 422, "{extra}");
        assert_eq!(detail[0]["loc"][1], json!(loc), "{extra}: {detail}");
    }
    // Missing and unknown keys, a body that is not an object.
    let r = post(
        &srv,
        "/v1/generate",
        &json!({"dataset_name": "leg_counting", "bogus": 1}),
    )
    .await;
    let detail = r.json()["detail"].clone();
    let types: Vec<&str> = detail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        ["extra_forbidden", "missing", "missing", "missing"],
        "{detail}"
    );
    assert_eq!(post(&srv, "/v1/generate", &json!([1])).await.status, 422);
    // The dataset's own errors, as POST /reset gives them.
    let r = post(
        &srv,
        "/v1/generate",
        &json!({"dataset_name": "nope", "seed": 1, "size": 5, "count": 1}),
    )
    .await;
    assert_eq!(r.status, 500);
    assert!(r.json()["detail"]
        .as_str()
        .unwrap()
        .contains("not registered"));
    let r = post(
        &srv,
        "/v1/generate",
        &with(json!({"count": 1, "dataset_config": {"min_animals": 0}})),
    )
    .await;
    assert_eq!(r.status, 500);
    // A reply over max_reply_bytes is refused, naming the limit, streamed or not.
    let maze = json!({"dataset_name": "maze", "seed": 1, "size": 100, "count": 50,
                      "dataset_config": {"min_grid_size": 30, "max_grid_size": 30}});
    let r = post(&srv, "/v1/generate", &maze).await;
    assert_eq!(r.status, 500);
    assert!(
        r.json()["detail"]
            .as_str()
            .unwrap()
            .contains("max_reply_bytes"),
        "{}",
        r.text()
    );
    assert_eq!(generate_ndjson(&srv, &maze).await.status, 500);

    // Score: too many answers, bad entries, an unknown format.
    let many: Vec<_> = (0..51)
        .map(|i| json!({"index": i % 100, "answer": "1"}))
        .collect();
    let r = post(&srv, "/v1/score", &with(json!({"answers": many}))).await;
    assert_eq!(r.status, 422);
    let r = post(
        &srv,
        "/v1/score",
        &with(
            json!({"answers": [{"index": 100, "answer": "1"}, {"index": 0, "answer": 3},
                                 {"answer": "x"}, 7, {"index": 1, "answer": "2", "why": 1}],
                     "answer_format": "xml"}),
        ),
    )
    .await;
    assert_eq!(r.status, 422);
    let detail = r.json()["detail"].clone();
    let locs: Vec<String> = detail
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["loc"].to_string())
        .collect();
    assert_eq!(
        locs,
        [
            r#"["body","answer_format"]"#,
            r#"["body","answers",0,"index"]"#,
            r#"["body","answers",1,"answer"]"#,
            r#"["body","answers",2,"index"]"#,
            r#"["body","answers",3]"#,
            r#"["body","answers",4,"why"]"#,
        ],
        "{detail}"
    );
    assert_eq!(
        post(&srv, "/v1/score", &with(json!({"answers": []})))
            .await
            .status,
        422
    );

    // Still answering, and each route counted.
    let r = post(&srv, "/v1/generate", &with(json!({"count": 50}))).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json().as_array().unwrap().len(), 50);
    let m = metrics_text(&srv).await;
    let counted = |route: &str, status: u16| {
        metric(
            &m,
            &format!(
                "rgym_http_requests_total{{method=\"POST\",route=\"{route}\",status=\"{status}\"}}"
            ),
        )
    };
    assert!(counted("/v1/generate", 422) >= 8.0, "{m}");
    assert!(counted("/v1/generate", 500) >= 4.0, "{m}");
    assert!(counted("/v1/generate", 200) >= 1.0, "{m}");
    assert!(counted("/v1/score", 422) >= 3.0, "{m}");
}

/// `index` on reset serves that item and moves the cursor there; from then
/// on resets say where they are and the state reports the cursor. A session
/// that never sends it sees the protocol's replies.
#[actix_web::test]
async fn reset_resumes_at_an_index() {
    let srv = server().await;
    let ds = lc(11, 5);
    let mut ws = Ws::connect(&srv).await;
    let base = json!({"dataset_name": "leg_counting", "seed": 11, "size": 5});

    let plain = ws.reset(base.clone()).await;
    assert!(plain.get("index").is_none());
    let state = ws.state().await;
    assert!(
        state.get("index").is_none() && state.get("cursor").is_none(),
        "{state}"
    );

    // Resume at item 3 of the same dataset.
    let mut at3 = base.clone();
    at3["index"] = json!(3);
    let r = ws.reset(at3).await;
    check_indexed(&r, &question(&ds, 3), 3);
    let state = ws.state().await;
    assert_eq!(
        (state["index"].clone(), state["cursor"].clone()),
        (json!(3), json!(4))
    );
    // The step grades item 3; the next plain resets go on from there, wrapping.
    let stepped = ws.step(&item(&ds, 3).answer).await;
    check_step(&stepped, &ds, 3, &item(&ds, 3).answer);
    for want in [4, 0] {
        let r = ws.reset(json!({})).await;
        check_indexed(&r, &question(&ds, want), want);
    }
    // Without dataset_name: the session's dataset, at the index given.
    let r = ws.reset(json!({"index": 2})).await;
    check_indexed(&r, &question(&ds, 2), 2);

    // Out of range or not an index: refused, nothing changes.
    for bad in [json!(5), json!(-1), json!("1"), json!(1.5)] {
        let mut p = base.clone();
        p["index"] = bad.clone();
        let err = ws
            .error(&json!({"type": "reset", "data": p}), "EXECUTION_ERROR")
            .await;
        assert!(
            err["message"]
                .as_str()
                .unwrap_or_default()
                .contains("index"),
            "{bad}: {err}"
        );
    }
    let r = ws.reset(json!({})).await;
    check_indexed(&r, &question(&ds, 3), 3);

    // A fresh connection resumes where this one stood, as a client would
    // after losing it.
    ws.bye().await;
    let mut again = Ws::connect(&srv).await;
    let mut resume = base.clone();
    resume["index"] = json!(3);
    check_indexed(&again.reset(resume).await, &question(&ds, 3), 3);
    again.bye().await;
}

/// A reset reply of a session that opted into `index`: the protocol's reply
/// plus that one key.
fn check_indexed(r: &serde_json::Value, want_q: &str, index: u64) {
    let mut plain = r.clone();
    let got = plain.as_object_mut().and_then(|o| o.remove("index"));
    assert_eq!(got, Some(json!(index)), "{r}");
    check_reset(&plain, want_q);
}
