//! The upstream OpenEnv README's composite example mixes `leg_counting` with the
//! rgym-native `reverse_sort`; it must build and serve both through the registry.

use serde_json::{json, Value};

#[test]
fn readme_composite_example_works() {
    let Value::Object(config) = json!({
        "seed": 42,
        "size": 20,
        "datasets": [
            {"name": "leg_counting", "weight": 3, "config": {}},
            {"name": "reverse_sort", "weight": 1, "config": {"min_length": 3, "max_length": 5}},
        ],
    }) else {
        unreachable!("literal object")
    };
    let ds = datasets::create("composite", &config).expect("composite builds");
    let mut seen = std::collections::BTreeSet::new();
    for idx in 0..20 {
        let item = ds.get(idx).expect("item");
        let source = item.metadata["source_dataset"]
            .as_str()
            .expect("source")
            .to_string();
        if source == "reverse_sort" {
            let n = item.metadata["length"].as_u64().expect("length");
            assert!((3..=5).contains(&n), "length {n}");
        }
        assert_eq!(
            ds.score(Some(&item.answer), &item),
            1.0,
            "{source} idx {idx}"
        );
        seen.insert(source);
    }
    assert_eq!(seen.len(), 2, "only {seen:?} drawn");
}

#[test]
fn rgym_datasets_are_registered() {
    for name in ["reverse_sort", "chess_state_eval"] {
        let info = datasets::info(name).unwrap_or_else(|| panic!("{name} not registered"));
        assert_eq!(info.category, "rgym");
    }
}
