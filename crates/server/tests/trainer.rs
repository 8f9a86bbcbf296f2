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
