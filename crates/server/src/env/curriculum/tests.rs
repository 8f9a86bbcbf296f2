//! The curriculum reset key's unit tests: reading it, composites, adaptation.

use serde_json::json;

use super::*;

fn plan(v: Value, name: &str, config: Value) -> Result<Curricular, EnvError> {
    let config = config.as_object().cloned().unwrap_or_default();
    Curricular::plan(&v, name, &config, &Seed::from(1), 10, true)
}

fn msg(r: Result<Curricular, EnvError>) -> String {
    match r {
        Err(EnvError::Execution(_, m)) => m,
        other => panic!("expected an execution error, got {other:?}"),
    }
}

fn item_of(dataset: &str) -> Item {
    let mut item = Item::default();
    item.metadata.put_source_first(dataset, 0);
    item
}

#[test]
fn levels_are_layered_over_the_config() {
    let c = plan(
        json!({"levels": {"num_animals": 2}}),
        "leg_counting",
        json!({"max_instances": 3, "max_animals": 30}),
    )
    .unwrap();
    let (key, config) = c.dataset();
    assert_eq!(
        Value::Object(config),
        json!({"max_instances": 4, "max_animals": 3, "min_animals": 1, "min_instances": 2})
    );
    assert_eq!(key.name, "leg_counting");
    assert_eq!(
        c.echo(None)["levels"],
        json!({"num_animals": 2, "num_instances": 0})
    );
    let top = plan(json!({"level": 1000}), "leg_counting", json!({})).unwrap();
    assert_eq!(
        top.echo(None)["levels"],
        json!({"num_animals": 35, "num_instances": 9})
    );
}

#[test]
fn refusals_name_what_is_wrong() {
    let p = |v: Value| msg(plan(v, "leg_counting", json!({})));
    assert_eq!(
        p(json!({"levels": {"legs": 1}})),
        "Attribute 'LegCountingCurriculum.legs' does not exist"
    );
    assert_eq!(
        p(json!({"levels": {"num_animals": 36}})),
        "Invalid level: 36 for attribute 'LegCountingCurriculum.num_animals'. Must be between 0 and 35"
    );
    assert!(p(json!({"level": 1, "levels": {}})).contains("one of levels, level, adaptive"));
    assert!(p(json!({})).contains("one of levels, level, adaptive"));
    assert!(p(json!({"lvl": 1})).contains("not 'lvl'"));
    assert!(p(json!(3)).contains("must be an object"));
    assert!(p(json!({"level": "1"})).contains("must be an integer"));
    assert!(p(json!({"adaptive": {"window": 0}})).contains("from 1 to 1024"));
    assert!(p(json!({"adaptive": {"window": 1025}})).contains("from 1 to 1024"));
    assert!(p(json!({"adaptive": {"raise_at": 0.1}})).contains("must be below raise_at"));
    assert!(p(json!({"adaptive": {"raise_at": "x"}})).contains("must be a number"));
    assert!(p(json!({"adaptive": {"speed": 1}})).contains("not 'speed'"));
    assert_eq!(
        msg(plan(json!({"level": 0}), "reverse_sort", json!({}))),
        "No curriculum registered for dataset 'reverse_sort'"
    );
    assert_eq!(
        msg(plan(json!({"level": 0}), "nope", json!({}))),
        "Dataset 'nope' not registered"
    );
    // The batch routes have no session to adapt.
    let batch = Curricular::plan(
        &json!({"adaptive": {}}),
        "leg_counting",
        &Map::new(),
        &Seed::from(1),
        10,
        false,
    );
    assert!(msg(batch).contains("one of levels, level, not 'adaptive'"));
}

#[test]
fn composites_take_levels_per_member() {
    let specs = json!({"datasets": [
        {"name": "leg_counting", "weight": 1, "config": {"max_instances": 3}},
        {"name": "spell_backward"},
    ]});
    let c = plan(
        json!({"levels": {"leg_counting": {"num_instances": 1}}}),
        "composite",
        specs.clone(),
    )
    .unwrap();
    let echo = c.echo(None);
    assert_eq!(echo["levels"]["leg_counting"]["num_instances"], 1);
    assert_eq!(
        echo["dataset_specs"][0]["config"],
        json!({"max_instances": 8, "min_animals": 1, "max_animals": 1, "min_instances": 2})
    );
    assert_eq!(echo["dataset_specs"][0]["weight"], 1);
    assert!(echo["dataset_specs"][1]["config"].is_object());
    assert!(msg(plan(
        json!({"levels": {"gcd": {}}}),
        "composite",
        specs.clone()
    ))
    .contains("'gcd', which is not a member"));
    let twice = json!({"datasets": [{"name": "gcd"}, {"name": "gcd"}]});
    assert_eq!(
        msg(plan(json!({"level": 1}), "composite", twice)),
        "Duplicate dataset names are not allowed in CompositeDataset"
    );
    let with_native = json!({"datasets": [{"name": "reverse_sort"}]});
    assert_eq!(
        msg(plan(json!({"level": 1}), "composite", with_native)),
        "No curriculum registered for dataset 'reverse_sort'"
    );
    // Scores are the member's own.
    let mut a = plan(
        json!({"adaptive": {"window": 2, "raise_at": 1.0, "lower_at": 0.0}}),
        "composite",
        specs,
    )
    .unwrap();
    assert!(!a.record(&item_of("leg_counting"), 1.0));
    assert!(!a.record(&item_of("spell_backward"), 1.0));
    assert!(a.record(&item_of("leg_counting"), 1.0));
    let echo = a.echo(None);
    assert_eq!(echo["levels"]["leg_counting"]["num_animals"], 1);
    assert_eq!(echo["levels"]["spell_backward"]["word_len"], 0);
}

#[test]
fn adaptive_levels_follow_the_window() {
    let mut c = plan(
        json!({"adaptive": {"window": 3, "raise_at": 0.8, "lower_at": 0.3, "start_level": 1}}),
        "leg_counting",
        json!({}),
    )
    .unwrap();
    let item = item_of("leg_counting");
    let levels = |c: &Curricular| c.echo(None)["levels"]["num_animals"].clone();
    assert_eq!(levels(&c), 1);
    // Not before the window is full; then the mean decides.
    assert!(!c.record(&item, 1.0));
    assert!(!c.record(&item, 1.0));
    assert!(c.record(&item, 0.5));
    assert_eq!(levels(&c), 2);
    assert!(c.needs_rebuild());
    // Scores of the item served before the move do not count.
    for _ in 0..5 {
        assert!(!c.record(&item, 0.0));
    }
    c.served(&item);
    assert!(!c.needs_rebuild());
    // The window restarted: three fresh scores, mean 0.2 <= 0.3.
    assert!(!c.record(&item, 0.0));
    assert!(!c.record(&item, 0.0));
    assert!(c.record(&item, 0.6));
    assert_eq!(levels(&c), 1);
    c.served(&item);
    // A middling mean moves nothing and the window slides.
    for _ in 0..10 {
        assert!(!c.record(&item, 0.5));
    }
    // A refused rebuild goes back and is not tried again.
    for _ in 0..3 {
        c.record(&item, 1.0);
    }
    assert_eq!(levels(&c), 2);
    c.refused();
    assert_eq!(levels(&c), 1);
    assert!(!c.needs_rebuild());
    for _ in 0..6 {
        assert!(!c.record(&item, 1.0));
    }
    assert_eq!(c.echo(Some("no"))["refused"], "no");
}

#[test]
fn adaptive_may_start_at_given_levels() {
    let c = plan(
        json!({"adaptive": {"start_level": {"num_animals": 4}}}),
        "leg_counting",
        json!({}),
    )
    .unwrap();
    assert!(c.is_adaptive());
    assert_eq!(
        c.echo(None)["levels"],
        json!({"num_animals": 4, "num_instances": 0})
    );
    let specs = json!({"datasets": [{"name": "leg_counting"}]});
    let c = plan(
        json!({"adaptive": {"start_level": {"leg_counting": {"num_instances": 2}}}}),
        "composite",
        specs,
    )
    .unwrap();
    assert_eq!(c.echo(None)["levels"]["leg_counting"]["num_instances"], 2);
    assert!(msg(plan(
        json!({"adaptive": {"start_level": {"nope": 1}}}),
        "leg_counting",
        json!({})
    ))
    .contains("does not exist"));
}
