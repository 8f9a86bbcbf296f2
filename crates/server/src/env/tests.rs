//! The env's unit tests: reset validation, and the start → job → finish
//! sequence every transport runs.

use super::*;

fn params(v: Value) -> Map<String, Value> {
    v.as_object().cloned().unwrap_or_default()
}

fn exec_msg(env: &Env, v: Value) -> String {
    match env.plan_reset(&params(v)) {
        Err(EnvError::Execution(_, m)) => m,
        Err(e) => panic!("expected an execution error, got {e:?}"),
        Ok(_) => panic!("expected an execution error, got a plan"),
    }
}

#[test]
fn reset_validation_messages() {
    let env = Env::new();
    assert_eq!(
        exec_msg(&env, json!({"dataset_name": "leg_counting", "seed": 1})),
        "seed and size must be provided when dataset_name is specified"
    );
    assert_eq!(
        exec_msg(
            &env,
            json!({"dataset_name": "composite", "seed": 1, "size": 3})
        ),
        "dataset_specs must be provided for composite datasets"
    );
    assert_eq!(
        exec_msg(
            &env,
            json!({"dataset_name": "composite", "seed": 1, "size": 3, "dataset_specs": []})
        ),
        "dataset_specs cannot be empty for composite datasets"
    );
    let int = |text: &str| -> Value { serde_json::from_str(text).unwrap() };
    for size in [
        json!(0),
        json!(-3),
        json!("3"),
        json!(2.5),
        int("18446744073709551616"),
        int(&format!("1{}", "0".repeat(60))),
    ] {
        assert_eq!(
            exec_msg(
                &env,
                json!({"dataset_name": "leg_counting", "seed": 1, "size": size})
            ),
            "size must be a positive integer no larger than 18446744073709551615"
        );
    }
    // Seeds of any size; past CPython's 4300 digits, json.loads's ValueError.
    for seed in [
        "170141183460469231731687303715884105728",
        "-1361129467683753853853498429727072845824",
    ] {
        let job = env
            .plan_reset(&params(
                json!({"dataset_name": "leg_counting", "seed": int(seed), "size": 3}),
            ))
            .unwrap();
        assert_eq!(job.build.unwrap().key.seed.to_string(), seed);
    }
    assert_eq!(
        exec_msg(
            &env,
            json!({"dataset_name": "leg_counting", "seed": int(&"9".repeat(4301)), "size": 3})
        ),
        "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; \
         use sys.set_int_max_str_digits() to increase the limit"
    );
    assert_eq!(
        exec_msg(
            &env,
            json!({"dataset_name": "leg_counting", "seed": "x", "size": 3})
        ),
        "seed must be an integer"
    );
    assert!(matches!(
        env.plan_reset(&params(json!({"episode_id": 5}))),
        Err(EnvError::Validation(_))
    ));
}

#[test]
fn nulls_and_unknown_keys_are_absent() {
    let env = Env::new();
    let job = env
        .plan_reset(&params(
            json!({"dataset_name": null, "seed": 7, "bogus": 1, "episode_id": ""}),
        ))
        .unwrap();
    assert!(job.build.is_none());
    assert!(job.episode_id.is_none());
    let job = env
        .plan_reset(&params(json!({"dataset_name": "leg_counting", "seed": u64::MAX, "size": 1_000_000_000_000u64, "dataset_specs": [1]})))
        .unwrap();
    let b = job.build.unwrap();
    assert_eq!(b.key.seed, Seed::from(u64::MAX));
    assert_eq!(b.key.size, 1_000_000_000_000);
    assert!(b.config.is_empty());
}

/// Every transport runs the same start → (job) → finish sequence, and a
/// reset whose item is already cached is answered by `start` itself.
#[actix_rt::test]
async fn a_cached_item_is_answered_without_a_job() {
    use crate::pool::Pool;
    use crate::supervisor::ItemCache;
    let sup = Supervisor::start(
        ItemCache::new(16, 1 << 20),
        std::time::Duration::from_secs(5),
        Pool::new(1, 8),
    );
    let p = params(json!({"dataset_name": "leg_counting", "seed": 5, "size": 3}));
    let mut first = Env::new();
    assert!(
        matches!(first.start_reset(&p, &sup), Now::Later(_)),
        "not built yet"
    );
    let q = first.reset(&p, &sup).await.unwrap().observation.question;
    let q = q.map(str::to_string);
    let mut second = Env::new();
    let Now::Done(Ok(out)) = second.start_reset(&p, &sup) else {
        panic!("a live dataset and a cached item answer at once");
    };
    let envelope = second.finish_reset(Ok(out), Instant::now()).unwrap();
    assert_eq!(envelope.observation.question.map(str::to_string), q);
    // A failed reset is finished too (answered, timed) and changes nothing.
    let bad = params(json!({"dataset_name": "nope", "seed": 1, "size": 1}));
    let episode = second.episode_id().to_string();
    assert!(second.reset(&bad, &sup).await.is_err());
    assert_eq!(second.episode_id(), episode);
    // A step with nothing to score is answered at once, and counted.
    let mut fresh = Env::new();
    assert!(matches!(
        fresh.start_step("4".into(), &sup),
        Now::Done(Ok(StepOutcome { scored: None, .. }))
    ));
    assert_eq!(fresh.step_count(), 1);
}

#[test]
fn step_without_item_counts() {
    let mut env = Env::new();
    let job = env.begin_step("4".into());
    assert!(job.target.is_none());
    assert_eq!(env.step_count(), 1);
    let out = StepOutcome {
        scored: None,
        extracted: None,
    };
    assert_eq!(out.envelope().to_value(), empty_step_envelope());
    assert_eq!(
        empty_step_envelope().to_string(),
        r#"{"observation":{"question":null,"score":null,"correct_answer":null,"dataset_metadata":null},"reward":0.0,"done":true}"#
    );
}

#[test]
fn answer_format_is_parsed_at_plan_time() {
    let env = Env::new();
    let job = env
        .plan_reset(&params(json!({"answer_format": "boxed"})))
        .unwrap();
    assert_eq!(job.answer_format, Some(AnswerFormat::Boxed));
    let job = env
        .plan_reset(&params(json!({"answer_format": null})))
        .unwrap();
    assert_eq!(job.answer_format, None);
    assert_eq!(
        exec_msg(&env, json!({"answer_format": "xml"})),
        "unknown answer_format \"xml\": expected one of raw, answer_tag, boxed, auto"
    );
    assert_eq!(
        exec_msg(&env, json!({"answer_format": ["raw"]})),
        "answer_format must be a string, got [\"raw\"]"
    );
}
