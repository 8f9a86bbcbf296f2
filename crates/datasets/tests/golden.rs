//! Parity with reasoning-gym 0.1.25 on the committed golden files
//! (`tests/golden/*.jsonl`, made by `scripts/vectors/golden.py`).
//!
//! Every golden file must belong to a registered dataset, and every item must
//! match: question, answer, metadata (as JSON values) and the reference score
//! of each recorded answer (within 1e-9). For datasets whose reference output
//! depends on Python's hash seed (header `"deterministic": false`), rows taken
//! from rgym's own items (`"origin": "rgym"`) are checked fully and, on the others, only the
//! stable parts are checked: determinism of our own output, the parts the header
//! lists as `"stable"` (equal under every hash seed), and the recorded scores of
//! answers that are not the item's own answer.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden")
}

fn golden_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .expect("tests/golden exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    files
}

/// Compares JSON values as Python's `==` would after `json.loads`, except that
/// floats may differ by 1e-9 (relative) and ints must match digit for digit.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            match (is_int(x), is_int(y)) {
                // Python ints of any size must come out digit for digit.
                (true, true) => x.to_string() == y.to_string(),
                // Python's `1 == 1.0`: a float config field given as an int stays
                // an int in the reference's metadata; compare exactly by value.
                (true, false) | (false, true) => x.as_f64() == y.as_f64(),
                _ => {
                    let (p, q) = (
                        x.as_f64().unwrap_or(f64::NAN),
                        y.as_f64().unwrap_or(f64::NAN),
                    );
                    p == q || (p - q).abs() <= 1e-9 * p.abs().max(1.0)
                }
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((k1, v1), (k2, v2))| k1 == k2 && same(v1, v2))
        }
        _ => a == b,
    }
}

fn is_int(n: &serde_json::Number) -> bool {
    !n.to_string().contains(['.', 'e', 'E'])
}

fn check_file(path: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut lines = text.lines();
    let header: Value =
        serde_json::from_str(lines.next().ok_or("empty file")?).map_err(|e| e.to_string())?;
    let name = header["dataset"].as_str().ok_or("header without dataset")?;
    let file_deterministic = header["deterministic"].as_bool().unwrap_or(true);
    // The parts of a non-deterministic reference that came out the same under
    // both hash seeds: compared with the reference's even on its own rows.
    let stable: Vec<&str> = header["stable"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if !file_deterministic && !header["stable"].is_array() {
        return Err(format!(
            "{name}: a non-deterministic golden file needs its \"stable\" list (rerun golden.py)"
        ));
    }
    let mut cache: BTreeMap<String, dataset_core::Seeded> = BTreeMap::new();
    let mut count = 0;
    for (n, line) in lines.enumerate() {
        let row: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 2))?;
        let config: Map<String, Value> = row["config"]
            .as_object()
            .cloned()
            .ok_or("row without config")?;
        let key = config_key(&config);
        if !cache.contains_key(&key) {
            let ds = datasets::create(name, &config)
                .map_err(|e| format!("{name} {key}: create failed: {e}"))?;
            cache.insert(key.clone(), ds);
        }
        let ds = &cache[&key];
        let idx = row["index"].as_u64().ok_or("row without index")?;
        let item = ds
            .get(idx)
            .map_err(|e| format!("{name} {key} idx {idx}: {e}"))?;
        // Rows made from rgym's own items (scored by the reference) pin rgym's
        // documented order exactly, even where the reference is not deterministic.
        let deterministic = file_deterministic || row["origin"] == "rgym";
        let ctx = format!("{name} config {key} index {idx}");
        if deterministic {
            if row["question"].as_str() != Some(item.question.as_str()) {
                return Err(format!(
                    "{ctx}: question differs\n  rgym: {:?}\n  ref:  {:?}",
                    item.question, row["question"]
                ));
            }
            if row["answer"].as_str() != ds.answer(&item) {
                return Err(format!(
                    "{ctx}: answer differs: rgym {:?}, ref {}",
                    item.answer, row["answer"]
                ));
            }
            let meta = Value::Object(item.metadata.clone().into_map());
            if !same(&meta, &row["metadata"]) {
                return Err(format!(
                    "{ctx}: metadata differs\n  rgym: {meta}\n  ref:  {}",
                    row["metadata"]
                ));
            }
        } else {
            let again = ds.get(idx).map_err(|e| e.to_string())?;
            if again != item {
                return Err(format!("{ctx}: not deterministic"));
            }
            if ds.score(Some(&item.answer), &item) != 1.0 {
                return Err(format!("{ctx}: own answer does not score 1.0"));
            }
            check_stable(&ctx, &stable, &item, ds.answer(&item), &row)?;
        }
        for pair in row["scores"].as_array().into_iter().flatten() {
            let answer = pair[0].as_str();
            if !deterministic && answer == row["answer"].as_str() {
                continue;
            }
            // null: the reference scorer raised on this answer; rgym scores it 0.0.
            let want = if pair[1].is_null() {
                0.0
            } else {
                pair[1].as_f64().ok_or("score is not a number")?
            };
            // Scores of the reference's answers are taken against the reference item.
            let ref_item = if deterministic {
                item.clone()
            } else {
                reference_item(&row)
            };
            let got = ds.score(answer, &ref_item);
            if (got - want).abs() > 1e-9 {
                return Err(format!(
                    "{ctx}: score of {:?} is {got}, reference {want}",
                    pair[0]
                ));
            }
        }
        count += 1;
    }
    Ok(count)
}

/// Compares the parts of a row the reference produced the same under every hash
/// seed (`question`, `answer`, `metadata.<key>`; a key absent from rgym's item
/// counts as different).
fn check_stable(
    ctx: &str,
    stable: &[&str],
    item: &dataset_core::Item,
    answer: Option<&str>,
    row: &Value,
) -> Result<(), String> {
    let meta = item.metadata.clone().into_map();
    for &path in stable {
        let (ours, theirs) = match path {
            "question" => (Some(Value::from(item.question.as_str())), &row["question"]),
            "answer" => (answer.map(Value::from), &row["answer"]),
            _ => {
                let key = path
                    .strip_prefix("metadata.")
                    .ok_or_else(|| format!("{ctx}: unknown stable part {path:?}"))?;
                (meta.get(key).cloned(), &row["metadata"][key])
            }
        };
        let ours = ours.unwrap_or(Value::Null);
        if !same(&ours, theirs) {
            return Err(format!(
                "{ctx}: {path} differs where the reference is stable\n  rgym: {ours}\n  ref:  {theirs}"
            ));
        }
    }
    Ok(())
}

fn reference_item(row: &Value) -> dataset_core::Item {
    dataset_core::Item {
        question: row["question"].as_str().unwrap_or_default().to_string(),
        answer: row["answer"].as_str().unwrap_or_default().to_string(),
        metadata: row["metadata"]
            .as_object()
            .cloned()
            .unwrap_or_default()
            .into(),
    }
}

fn config_key(config: &Map<String, Value>) -> String {
    Value::Object(config.clone()).to_string()
}

#[test]
fn every_golden_file_matches() {
    let files = golden_files();
    assert!(!files.is_empty(), "no golden files found");
    let mut failures = Vec::new();
    let mut total = 0;
    for path in &files {
        match check_file(path) {
            Ok(n) => total += n,
            Err(e) => failures.push(format!(
                "{}: {e}",
                path.file_name().unwrap().to_string_lossy()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} golden files differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    eprintln!("{} golden files, {total} items at parity", files.len());
}

#[test]
fn registry_is_sorted_and_unique() {
    let names: Vec<&str> = datasets::registry().iter().map(|d| d.name).collect();
    let mut sorted = names.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(names, sorted);
}

#[test]
fn stable_parts_are_compared() {
    let item = dataset_core::Item {
        question: "q".into(),
        answer: "a".into(),
        metadata: serde_json::json!({"n": 3, "order": [1, 2]})
            .as_object()
            .cloned()
            .unwrap_or_default()
            .into(),
    };
    let row = serde_json::json!({"question": "q", "answer": "b",
        "metadata": {"n": 3, "order": [2, 1]}});
    // Only what the header lists is compared...
    assert!(check_stable("ctx", &["question", "metadata.n"], &item, Some("a"), &row).is_ok());
    // ...and each listed part that differs is reported.
    for part in ["answer", "metadata.order", "metadata.absent_here"] {
        let err = check_stable("ctx", &[part], &item, Some("a"), &row);
        if part == "metadata.absent_here" {
            // Absent on both sides: null == null.
            assert!(err.is_ok(), "{part}");
        } else {
            assert!(err.is_err_and(|e| e.contains(part)), "{part}");
        }
    }
}
