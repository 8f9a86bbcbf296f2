//! Items reasoning-gym 0.1.25 made for edges the golden files do not reach
//! (`tests/data/reference_items.jsonl`, written by `scripts/vectors/reference_items.py`):
//! seeds beyond 2^127 and seed + idx crossing it, composite member seeds past
//! it, and composite passing a member's `None` answer through.

use dataset_core::input::json_int;
use dataset_core::{Item, Seeded};
use serde_json::{Map, Value};

fn rows() -> Vec<Value> {
    include_str!("data/reference_items.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// The row's dataset and item, built by rgym; panics with the row's context.
fn build(row: &Value) -> (Seeded, Item, String) {
    let name = row["name"].as_str().expect("name");
    let seed = json_int(&row["seed"]).expect("an integer seed");
    let size = row["size"].as_u64().expect("size");
    let config: Map<String, Value> = row["config"].as_object().cloned().expect("config");
    let idx = row["index"].as_u64().expect("index");
    let ctx = format!("{name} seed {seed} index {idx}");
    let ds = datasets::create_with(name, &config, Some(seed), Some(size))
        .unwrap_or_else(|e| panic!("{ctx}: {e}"));
    let item = ds.get(idx).unwrap_or_else(|e| panic!("{ctx}: {e}"));
    assert_eq!(
        row["question"].as_str(),
        Some(item.question.as_str()),
        "{ctx}"
    );
    let meta = Value::Object(item.metadata.clone().into_map());
    assert_eq!(meta, row["metadata"], "{ctx}");
    (ds, item, ctx)
}

#[test]
fn seeds_past_2_127_match_the_reference() {
    let mut checked = 0;
    for row in rows().iter().filter(|r| r["answer"].is_string()) {
        let (ds, item, ctx) = build(row);
        assert_eq!(row["answer"].as_str(), ds.answer(&item), "{ctx}");
        checked += 1;
    }
    assert_eq!(checked, 26);
}

/// reasoning-gym's composite returns a member's item as it is: a graph_color
/// member's `answer: None` stays `None` (it was `""`), alone or mixed with a
/// member that has answers, in `Seeded::answer` and in the rows `rgym
/// generate` writes.
#[test]
fn composite_passes_null_answers_through() {
    let mut nulls = 0;
    for row in rows().iter().filter(|r| r["answer"].is_null()) {
        let (ds, item, ctx) = build(row);
        assert_eq!(ds.answer(&item), None, "{ctx}");
        let mut line = Vec::new();
        let idx = row["index"].as_u64().expect("index");
        dataset_core::jsonl::write_item_row(
            &mut line,
            idx,
            &item.question,
            ds.answer(&item),
            &item.metadata,
        );
        let written: Value = serde_json::from_slice(&line).expect("a row");
        assert_eq!(written["answer"], Value::Null, "{ctx}");
        nulls += 1;
    }
    assert_eq!(nulls, 15);
}
