//! The curricula against reasoning-gym 0.1.25 (`tests/golden/curricula/`,
//! written with the data files by `scripts/vectors/curricula.py`): for every
//! dataset with a curriculum, every attribute at every level and every
//! attribute at each level k give the reference's config, and that config
//! builds, or is refused with the reference's message, as in the reference.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dataset_core::Seed;
use serde_json::{Map, Value};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden/curricula")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn names(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .expect("a list of names")
        .iter()
        .map(|n| n.as_str().expect("a name").to_string())
        .collect()
}

#[test]
fn every_registered_dataset_was_asked_for_its_curriculum() {
    let index = read_json(&golden_dir().join("index.json"));
    let with = names(&index["with"]);
    let without = names(&index["without"]);
    let embedded: BTreeSet<String> = datasets::with_curriculum().map(String::from).collect();
    assert_eq!(
        with, embedded,
        "index.json and crates/datasets/curricula/ disagree"
    );
    let unasked: Vec<&str> = datasets::registry()
        .iter()
        .map(|d| d.name)
        .filter(|n| !with.contains(*n) && !without.contains(*n))
        .collect();
    assert!(
        unasked.is_empty(),
        "registered since the curricula were written: {unasked:?}; \
         run `cargo build --bin rgym && python3 scripts/vectors/curricula.py`"
    );
    for name in &with {
        assert!(
            datasets::info(name).is_some(),
            "{name} has a curriculum but is not registered"
        );
        assert!(datasets::curriculum(name).is_some());
    }
    assert!(datasets::curriculum("composite").is_none());
}

/// One derived config of a golden file against rgym's; the mismatch, if any.
fn check_row(name: &str, row: &Value, seed: &Seed, size: u64) -> Result<(), String> {
    let c = datasets::curriculum(name).ok_or("no curriculum")?;
    let want_levels = row["levels"].as_object().ok_or("row without levels")?;
    let levels = c.levels_of(want_levels)?;
    if let Some(k) = row.get("level") {
        let global = c.global_levels(k)?;
        if global != levels {
            return Err(format!(
                "level {k}: {:?}, want {want_levels:?}",
                c.levels_json(&global)
            ));
        }
    }
    if Value::Object(c.levels_json(&levels)) != row["levels"] {
        return Err(format!("levels read back as {:?}", c.levels_json(&levels)));
    }
    let config = c.generate_configuration(&levels, &Map::new());
    // Exact: the same keys in the same order, numbers with the same text
    // (an int level stays an int, a float a float).
    let got: Vec<(&String, &Value)> = config.iter().collect();
    let want: Vec<(&String, &Value)> = row["config"]
        .as_object()
        .ok_or("no config")?
        .iter()
        .collect();
    if got != want {
        return Err(format!("config {config:?}, want {:?}", row["config"]));
    }
    let built = datasets::create_with(name, &config, Some(seed.clone()), Some(size));
    match (built, row["error"].as_str()) {
        (Ok(_), None) => Ok(()),
        (Err(e), Some(want)) if e.to_string() == want => Ok(()),
        (Ok(_), Some(want)) => Err(format!(
            "{config:?} builds; the reference refuses it: {want}"
        )),
        (Err(e), want) => Err(format!("{config:?}: {e}; the reference: {want:?}")),
    }
}

#[test]
fn derived_configs_equal_the_references() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .expect("tests/golden/curricula exists")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    let (mut checked, mut refused, mut failures) = (0, 0, Vec::new());
    for path in &files {
        let text = std::fs::read_to_string(path).expect("readable");
        let mut lines = text.lines();
        let header: Value = serde_json::from_str(lines.next().expect("a header")).expect("JSON");
        let name = header["dataset"].as_str().expect("dataset");
        let seed = Seed::from(header["seed"].as_i64().expect("seed"));
        let size = header["size"].as_u64().expect("size");
        for line in lines {
            let row: Value = serde_json::from_str(line).expect("JSON");
            checked += 1;
            refused += usize::from(row["error"].is_string());
            if let Err(e) = check_row(name, &row, &seed, size) {
                failures.push(format!("{name} {}: {e}", row["levels"]));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} derived configs differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(files.len(), datasets::with_curriculum().count());
    eprintln!(
        "{} curricula, {checked} derived configs equal the reference's ({refused} refused by both)",
        files.len()
    );
}
