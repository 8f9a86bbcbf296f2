//! Every registered dataset's metadata writes the same bytes from its text form
//! as from its map form (`dataset_core::metadata`'s invariant).
//!
//! The golden tests compare the *map* (parsed from the text when a dataset
//! writes text) with reasoning-gym's; `rgym generate` and the server write the
//! *text*. This test closes the gap between the two for every dataset, on
//! default configs, several seeds (one above 2^32) and indices, whichever form
//! the dataset uses.

use dataset_core::jsonl;
use serde_json::{json, Map, Value};

fn config(name: &str, seed: u64) -> Map<String, Value> {
    let mut config = Map::new();
    config.insert("seed".into(), json!(seed));
    config.insert("size".into(), json!(1_000_000));
    if name == "composite" {
        let names: Vec<Value> = datasets::registry()
            .iter()
            .map(|d| d.name)
            .filter(|n| *n != "composite")
            .take(3)
            .map(|n| json!({"name": n, "weight": 1}))
            .collect();
        config.insert("datasets".into(), Value::Array(names));
    }
    config
}

#[test]
fn text_and_map_write_the_same_bytes() {
    let mut checked = 0;
    for info in datasets::registry() {
        for seed in [1u64, 42, (1 << 32) + 5] {
            let ds = datasets::create(info.name, &config(info.name, seed))
                .unwrap_or_else(|e| panic!("{}: {e}", info.name));
            for index in [0u64, 1, 2, 77, 999_999] {
                // Some reference generators raise on rare items; those have no metadata.
                let Ok(item) = ds.get(index) else { continue };
                let mut text = Vec::new();
                item.metadata.write_json(&mut text);
                let map = Value::Object(item.metadata.clone().into_map());
                let mut from_map = Vec::new();
                jsonl::write_value(&mut from_map, &map);
                let text = String::from_utf8(text).expect("UTF-8");
                assert_eq!(
                    text,
                    String::from_utf8(from_map).expect("UTF-8"),
                    "{} seed {seed} index {index}",
                    info.name
                );
                assert_eq!(
                    serde_json::to_string(&item.metadata).expect("serializes"),
                    text,
                    "{} seed {seed} index {index}: Serialize",
                    info.name
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} items checked");
}
