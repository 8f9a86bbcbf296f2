//! The reset key `curriculum` over the wire (issue 16 §4): reasoning-gym's
//! curricula choosing a dataset's config at fixed levels, or at levels that
//! follow a session's scores; and the batch routes' `curriculum`. Without
//! the key the wire is the protocol's (`tests/protocol.rs`).

mod common;

use common::*;
use dataset_core::Seeded;
use serde_json::{json, Map, Value};

/// The config reasoning-gym's curriculum of `name` gives at `levels`
/// (`{attr: k}`), written over `config`.
fn derived(name: &str, levels: Value, config: Value) -> Value {
    let c = datasets::curriculum(name).expect("a curriculum");
    let levels = c
        .levels_of(levels.as_object().expect("levels"))
        .expect("valid levels");
    let config = config.as_object().cloned().unwrap_or_default();
    Value::Object(c.generate_configuration(&levels, &config))
}

/// Every attribute of `name`'s curriculum at `k` (capped), as `{attr: k}`.
fn all_at(name: &str, k: u64) -> Value {
    let c = datasets::curriculum(name).expect("a curriculum");
    let levels = c.global_levels(&json!(k)).expect("a level");
    Value::Object(c.levels_json(&levels))
}

/// A reset reply with a curriculum: the protocol's reply plus that one key,
/// which is returned.
fn split(r: &Value, want_q: &str) -> Value {
    let mut plain = r.clone();
    let got = plain
        .as_object_mut()
        .and_then(|o| o.remove("curriculum"))
        .unwrap_or_else(|| panic!("no curriculum key: {r}"));
    check_reset(&plain, want_q);
    got
}

fn message(err: &Value) -> String {
    err["message"].as_str().unwrap_or_default().to_string()
}

#[actix_web::test]
async fn fixed_levels_choose_the_config() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let levels = json!({"num_animals": 5});
    let config = json!({"max_instances": 3, "max_animals": 30});
    let want = derived("leg_counting", levels.clone(), config.clone());
    // The curriculum's fields win over the config's own.
    assert_eq!(want["max_animals"], 6);
    assert_eq!(want["max_instances"], 4);
    let ds = oracle("leg_counting", want.clone(), 3, 40);

    let r = ws
        .reset(
            json!({"dataset_name": "leg_counting", "seed": 3, "size": 40,
                      "dataset_config": config, "curriculum": {"levels": levels}}),
        )
        .await;
    let echo = split(&r, &question(&ds, 0));
    assert_eq!(
        echo,
        json!({"levels": {"num_animals": 5, "num_instances": 0}, "dataset_config": want})
    );
    let answer = item(&ds, 0).answer;
    check_step(&ws.step(&answer).await, &ds, 0, &answer);
    // Later resets serve the same dataset, with the protocol's reply.
    check_reset(&ws.reset(json!({})).await, &question(&ds, 1));

    // {"level": k}: every attribute at k, capped at its last level.
    let top = derived("leg_counting", all_at("leg_counting", 1000), json!({}));
    let ds_top = oracle("leg_counting", top.clone(), 3, 40);
    let r = ws
        .reset(
            json!({"dataset_name": "leg_counting", "seed": 3, "size": 40,
                      "curriculum": {"level": 1000}}),
        )
        .await;
    let echo = split(&r, &question(&ds_top, 0));
    assert_eq!(
        echo["levels"],
        json!({"num_animals": 35, "num_instances": 9})
    );
    assert_eq!(echo["dataset_config"], top);

    // A reset naming a dataset without the key: the protocol's reply.
    let plain = ws
        .reset(json!({"dataset_name": "leg_counting", "seed": 3, "size": 40}))
        .await;
    check_reset(&plain, &question(&lc(3, 40), 0));

    // Refusals: EXECUTION_ERROR naming the problem, nothing changed.
    let base = json!({"dataset_name": "leg_counting", "seed": 3, "size": 40});
    for (curriculum, name, needle) in [
        (json!({"levels": {"legs": 1}}), "leg_counting", "Attribute 'LegCountingCurriculum.legs' does not exist"),
        (json!({"levels": {"num_animals": 36}}), "leg_counting", "Invalid level: 36 for attribute 'LegCountingCurriculum.num_animals'. Must be between 0 and 35"),
        (json!({"level": -1}), "leg_counting", "Invalid level: -1"),
        (json!({"level": 1}), "reverse_sort", "No curriculum registered for dataset 'reverse_sort'"),
        (json!({"level": 1}), "no_such", "Dataset 'no_such' not registered"),
        (json!({"adaptive": {"window": 100000}}), "leg_counting", "window must be an integer from 1 to 1024"),
        (json!({"adaptive": {"raise_at": 0.1, "lower_at": 0.5}}), "leg_counting", "must be below raise_at"),
        (json!({"level": 1, "levels": {}}), "leg_counting", "curriculum takes one of levels, level, adaptive"),
        (json!("hard"), "leg_counting", "curriculum must be an object"),
    ] {
        let mut p = base.clone();
        p["dataset_name"] = json!(name);
        p["curriculum"] = curriculum.clone();
        let err = ws
            .error(&json!({"type": "reset", "data": p}), "EXECUTION_ERROR")
            .await;
        assert!(message(&err).contains(needle), "{curriculum}: {err}");
    }
    // Without dataset_name there is nothing to choose a config for.
    let err = ws
        .error(
            &json!({"type": "reset", "data": {"curriculum": {"level": 1}}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(
        message(&err),
        "curriculum needs dataset_name in the same reset"
    );
    // A level the reference's own validate() refuses is refused the same way.
    let err = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": "caesar_cipher", "seed": 1, "size": 5,
                                              "curriculum": {"level": 2}}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert_eq!(message(&err), "rotation must be in range [1,25]");
    check_reset(&ws.reset(json!({})).await, &question(&lc(3, 40), 1));
    ws.bye().await;
}

#[actix_web::test]
async fn composites_take_levels_per_member() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let specs = json!([{"name": "leg_counting", "weight": 2, "config": {"max_instances": 3}},
                       {"name": "spell_backward", "weight": 1}]);
    let levels = json!({"leg_counting": {"num_animals": 4}, "spell_backward": {"word_len": 2}});
    let mut want = specs.clone();
    want[0]["config"] = derived(
        "leg_counting",
        levels["leg_counting"].clone(),
        specs[0]["config"].clone(),
    );
    want[1]["config"] = derived(
        "spell_backward",
        levels["spell_backward"].clone(),
        json!({}),
    );
    let ds = oracle("composite", json!({"datasets": want}), 8, 30);
    let r = ws
        .reset(
            json!({"dataset_name": "composite", "dataset_specs": specs, "seed": 8, "size": 30,
                      "curriculum": {"levels": levels}}),
        )
        .await;
    let echo = split(&r, &question(&ds, 0));
    assert_eq!(echo["dataset_specs"], want);
    assert_eq!(
        echo["levels"]["leg_counting"],
        json!({"num_animals": 4, "num_instances": 0})
    );
    assert_eq!(
        echo["levels"]["spell_backward"],
        all_at("spell_backward", 0)
            .as_object()
            .map(|m| {
                let mut m = m.clone();
                m.insert("word_len".into(), json!(2));
                Value::Object(m)
            })
            .expect("levels")
    );
    let answer = item(&ds, 0).answer;
    check_step(&ws.step(&answer).await, &ds, 0, &answer);

    let err = ws
        .error(
            &json!({"type": "reset", "data": {"dataset_name": "composite", "dataset_specs": specs,
                    "seed": 8, "size": 30, "curriculum": {"levels": {"gcd": {}}}}}),
            "EXECUTION_ERROR",
        )
        .await;
    assert!(
        message(&err).contains("'gcd', which is not a member"),
        "{err}"
    );
    ws.bye().await;
}

/// The levels of a session's adaptive curriculum, from a reset reply.
fn levels_of(echo: &Value) -> Value {
    echo["levels"].clone()
}

#[actix_web::test]
async fn adaptive_levels_follow_the_scores() {
    let srv = server().await;
    let before = metric(
        &metrics_text(&srv).await,
        "rgym_curriculum_level_count{dataset=\"leg_counting\"}",
    );
    let mut ws = Ws::connect(&srv).await;
    let at = |k: u64| {
        let config = derived("leg_counting", all_at("leg_counting", k), json!({}));
        oracle("leg_counting", config, 5, 100)
    };
    let r = ws
        .reset(json!({"dataset_name": "leg_counting", "seed": 5, "size": 100,
                      "curriculum": {"adaptive": {"window": 2, "raise_at": 1.0, "lower_at": 0.0, "start_level": 1}}}))
        .await;
    let ds1 = at(1);
    let echo = split(&r, &question(&ds1, 0));
    assert_eq!(levels_of(&echo), all_at("leg_counting", 1));
    // One right answer is not a full window; the next reset stays at level 1,
    // and says so.
    ws.step(&item(&ds1, 0).answer).await;
    let echo = split(&ws.reset(json!({})).await, &question(&ds1, 1));
    assert_eq!(levels_of(&echo), all_at("leg_counting", 1));
    // Two right answers in a row (the same item stepped twice counts twice):
    // up a level; the next reset serves the cursor's item at level 2.
    ws.step(&item(&ds1, 1).answer).await;
    ws.step(&item(&ds1, 1).answer).await;
    let ds2 = at(2);
    let echo = split(&ws.reset(json!({})).await, &question(&ds2, 2));
    assert_eq!(levels_of(&echo), all_at("leg_counting", 2));
    assert_eq!(
        echo["dataset_config"],
        derived("leg_counting", all_at("leg_counting", 2), json!({}))
    );
    // A wrong answer and a right one average 0.5: nothing moves.
    ws.step("no idea").await;
    ws.step(&item(&ds2, 2).answer).await;
    let echo = split(&ws.reset(json!({})).await, &question(&ds2, 3));
    assert_eq!(levels_of(&echo), all_at("leg_counting", 2));
    // The window slides: two wrong ones in a row take it down.
    ws.step("no idea").await;
    ws.step("no idea").await;
    let echo = split(&ws.reset(json!({})).await, &question(&ds1, 4));
    assert_eq!(levels_of(&echo), all_at("leg_counting", 1));
    let state = ws.state().await;
    assert_eq!(state.as_object().map(Map::len), Some(2), "{state}");

    // Every reset served under the curriculum went to the histogram.
    let after = metric(
        &metrics_text(&srv).await,
        "rgym_curriculum_level_count{dataset=\"leg_counting\"}",
    );
    assert!(after - before >= 5.0, "{before} -> {after}");

    // A reset naming a dataset without the key ends it.
    let plain = ws
        .reset(json!({"dataset_name": "leg_counting", "seed": 5, "size": 100}))
        .await;
    check_reset(&plain, &question(&lc(5, 100), 0));
    ws.step("no idea").await;
    check_reset(&ws.reset(json!({})).await, &question(&lc(5, 100), 1));
    ws.bye().await;
}

/// Levels the reference's own `validate()` refuses (caesar_cipher's
/// rotation from level 2): the session stays on its dataset, the reply
/// says why, and those levels are not tried again.
#[actix_web::test]
async fn a_refused_level_keeps_the_session_where_it_was() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let config = derived("caesar_cipher", all_at("caesar_cipher", 1), json!({}));
    let ds: Seeded = oracle("caesar_cipher", config, 2, 50);
    let r = ws
        .reset(json!({"dataset_name": "caesar_cipher", "seed": 2, "size": 50,
                      "curriculum": {"adaptive": {"window": 1, "raise_at": 1.0, "lower_at": 0.0, "start_level": 1}}}))
        .await;
    split(&r, &question(&ds, 0));
    ws.step(&item(&ds, 0).answer).await;
    let echo = split(&ws.reset(json!({})).await, &question(&ds, 1));
    assert_eq!(echo["refused"], "rotation must be in range [1,25]");
    assert_eq!(levels_of(&echo), all_at("caesar_cipher", 1));
    ws.step(&item(&ds, 1).answer).await;
    let echo = split(&ws.reset(json!({})).await, &question(&ds, 2));
    assert!(echo.get("refused").is_none(), "{echo}");
    assert_eq!(levels_of(&echo), all_at("caesar_cipher", 1));
    ws.bye().await;
}

#[actix_web::test]
async fn adaptive_composites_track_each_member() {
    let srv = server().await;
    let mut ws = Ws::connect(&srv).await;
    let specs =
        json!([{"name": "leg_counting", "weight": 1}, {"name": "spell_backward", "weight": 1}]);
    let r = ws
        .reset(
            json!({"dataset_name": "composite", "dataset_specs": specs, "seed": 4, "size": 60,
                      "curriculum": {"adaptive": {"window": 1, "raise_at": 1.0, "lower_at": 0.0}}}),
        )
        .await;
    let mut echo = r["curriculum"].clone();
    // Answer every leg_counting item right and every spell_backward item
    // wrong: one member climbs while the other stays at the bottom.
    for idx in 0..12 {
        let ds = oracle(
            "composite",
            json!({"datasets": echo["dataset_specs"]}),
            4,
            60,
        );
        let it = item(&ds, idx);
        let right = it.metadata.source_dataset() == Some("leg_counting");
        ws.step(if right { &it.answer } else { "" }).await;
        let r = ws.reset(json!({})).await;
        let next = oracle(
            "composite",
            json!({"datasets": r["curriculum"]["dataset_specs"]}),
            4,
            60,
        );
        echo = split(&r, &question(&next, idx + 1));
    }
    let legs = echo["levels"]["leg_counting"]["num_animals"]
        .as_u64()
        .unwrap_or(0);
    assert!(legs >= 3, "{echo}");
    assert_eq!(
        echo["levels"]["spell_backward"],
        all_at("spell_backward", 0)
    );
    ws.bye().await;
}

#[actix_web::test]
async fn http_reset_and_batch_routes_take_levels() {
    let srv = server().await;
    let config = derived("leg_counting", all_at("leg_counting", 3), json!({}));
    let ds = oracle("leg_counting", config.clone(), 6, 50);
    let r = post(
        &srv,
        "/reset",
        &json!({"dataset_name": "leg_counting", "seed": 6, "size": 50, "curriculum": {"level": 3}}),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.text());
    let echo = split(&r.json(), &question(&ds, 0));
    assert_eq!(echo["dataset_config"], config);

    let body = json!({"dataset_name": "leg_counting", "seed": 6, "size": 50, "count": 5,
                      "curriculum": {"level": 3}});
    let rows = post(&srv, "/v1/generate", &body).await.json();
    for (i, row) in rows.as_array().expect("rows").iter().enumerate() {
        assert_eq!(row["question"], json!(question(&ds, i as u64)));
    }
    let answers = json!([{"index": 1, "answer": item(&ds, 1).answer}]);
    let scored = post(
        &srv,
        "/v1/score",
        &json!({"dataset_name": "leg_counting", "seed": 6, "size": 50, "answers": answers,
                "curriculum": {"level": 3}}),
    )
    .await
    .json();
    assert_eq!(scored[0]["score"], json!(1.0));
    // No session to adapt: adaptive is refused, with the reset's status.
    let mut adaptive = body.clone();
    adaptive["curriculum"] = json!({"adaptive": {}});
    let r = post(&srv, "/v1/generate", &adaptive).await;
    assert_eq!(r.status, 500);
    assert!(r.json()["detail"]
        .as_str()
        .unwrap_or_default()
        .contains("one of levels, level"));
}
