//! The two forms an item can take agree, for every registered dataset:
//! metadata held as JSON text writes the same bytes as its map form
//! (`dataset_core::metadata`'s invariant), and an item written over a reused
//! one (`generate_into`, as `rgym generate` does) equals a fresh `generate`.
//!
//! The golden tests compare the *map* (parsed from the text when a dataset
//! writes text) with reasoning-gym's; `rgym generate` and the server write the
//! *text*. This test closes the gap between the two for every dataset, on
//! default configs, several seeds (one above 2^32) and indices, whichever form
//! the dataset uses.

use dataset_core::jsonl;
use serde_json::{json, Map, Value};

/// The size the items are drawn from: a million, or less where the
/// reference refuses more (word_ladder: 20,000).
fn size(name: &str) -> u64 {
    if name == "word_ladder" {
        20_000
    } else if name == "acre" {
        // Built whole up front, so rgym bounds its size.
        1_000
    } else {
        1_000_000
    }
}

/// `index`, or the last index where the dataset's size is smaller.
fn within(name: &str, index: u64) -> u64 {
    index.min(size(name) - 1)
}

fn config(name: &str, seed: u64) -> Map<String, Value> {
    let mut config = Map::new();
    config.insert("seed".into(), json!(seed));
    config.insert("size".into(), json!(size(name)));
    if name == "composite" {
        let names: Vec<Value> = datasets::registry()
            .iter()
            .map(|d| d.name)
            .filter(|n| *n != "composite" && !datasets::python_provided(n))
            .take(3)
            .map(|n| json!({"name": n, "weight": 1}))
            .collect();
        config.insert("datasets".into(), Value::Array(names));
    }
    config
}

/// Every item says where it came from: `source_dataset` (a member's name for
/// `composite`) and `source_index`, first in its metadata (which `Seeded`
/// writes) except for the datasets that write them in their reference's place.
fn source_keys(name: &str, index: u64, item: &dataset_core::Item) {
    let m = &item.metadata;
    let source = m
        .source_dataset()
        .unwrap_or_else(|| panic!("{name}: no source_dataset"));
    if name == "composite" {
        assert!(
            datasets::info(source).is_some(),
            "composite: member {source}"
        );
    } else {
        assert_eq!(source, name);
    }
    // kakurasu's and survo's references name the index `source_idx`.
    let index_key = match name {
        "kakurasu" | "survo" => "source_idx",
        _ => "source_index",
    };
    // circuit_logic's reference writes the position of its last input there.
    if name != "circuit_logic" {
        assert_eq!(m.get(index_key), Some(&json!(index)), "{name} {index}");
    }
    let head: Vec<&str> = m.keys().take(2).map(String::as_str).collect();
    // advanced_geometry's, calendar_arithmetic's and gsm_symbolic's references
    // add them after the task's own keys; composite passes its members' items on.
    if !matches!(
        name,
        "advanced_geometry" | "calendar_arithmetic" | "composite" | "gsm_symbolic"
    ) {
        assert_eq!(head, ["source_dataset", index_key], "{name} {index}");
    }
}

/// The datasets whose items can be made here: the Python provider's only
/// when `RGYM_PYTHON_PROVIDER` names its interpreter (scripts/test.sh does).
fn makeable() -> impl Iterator<Item = &'static dataset_core::DatasetInfo> {
    let provider = std::env::var_os("RGYM_PYTHON_PROVIDER").is_some();
    datasets::registry().iter().filter(move |info| {
        let skip = !provider && datasets::python_provided(info.name);
        if skip {
            eprintln!("{}: skipped (RGYM_PYTHON_PROVIDER is not set)", info.name);
        }
        !skip
    })
}

#[test]
fn text_and_map_write_the_same_bytes() {
    let mut checked = 0;
    for info in makeable() {
        for seed in [1u64, 42, (1 << 32) + 5] {
            let ds = datasets::create(info.name, &config(info.name, seed))
                .unwrap_or_else(|e| panic!("{}: {e}", info.name));
            for index in [0u64, 1, 2, 77, 999_999].map(|i| within(info.name, i)) {
                // Some reference generators raise on rare items; those have no metadata.
                let Ok(item) = ds.get(index) else { continue };
                source_keys(info.name, index, &item);
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

#[test]
fn generate_into_a_reused_item_equals_generate() {
    let mut checked = 0;
    for info in makeable() {
        let ds = datasets::create(info.name, &config(info.name, 42))
            .unwrap_or_else(|e| panic!("{}: {e}", info.name));
        // Start from another dataset's leftovers: nothing may leak through.
        let mut item = dataset_core::Item {
            question: "left over ".repeat(100),
            answer: "stale".into(),
            metadata: dataset_core::meta! {"stale" => 1, "source_dataset" => "x"},
        };
        for index in [0u64, 1, 2, 3, 500, 999_999, 4, 5].map(|i| within(info.name, i)) {
            let fresh = ds.get(index);
            let reused = ds.get_into(index, &mut item);
            match fresh {
                Ok(fresh) => {
                    assert_eq!(reused, Ok(()), "{} index {index}", info.name);
                    assert_eq!(item, fresh, "{} index {index}", info.name);
                    let (mut a, mut b) = (Vec::new(), Vec::new());
                    item.metadata.write_json(&mut a);
                    fresh.metadata.write_json(&mut b);
                    assert_eq!(a, b, "{} index {index}: metadata bytes", info.name);
                    checked += 1;
                }
                Err(e) => assert_eq!(reused, Err(e), "{} index {index}", info.name),
            }
        }
    }
    assert!(checked > 300, "only {checked} items checked");
}
