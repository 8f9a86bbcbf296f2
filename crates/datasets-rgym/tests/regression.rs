//! Regression files for the rgym-native datasets.
//!
//! These datasets have no Python reference, so rgym's own output is committed
//! in `tests/golden-rgym/<name>.jsonl` (same layout as `tests/golden`) and any
//! change to a question, answer, metadata or score shows up here. After an
//! intended change, rewrite them with
//! `cargo test -p datasets-rgym --test regression -- --ignored` and review the diff.

use std::path::PathBuf;

use dataset_core::DatasetInfo;
use serde_json::{json, Map, Value};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/golden-rgym")
}

/// Beyond the defaults, configs that reach the other code paths; one is the
/// upstream README's composite example.
fn configs(name: &str) -> Vec<Value> {
    match name {
        "reverse_sort" => vec![
            json!({"seed": 42, "size": 1_000_000_000}),
            json!({"seed": 42, "size": 20, "min_length": 3, "max_length": 5}),
            json!({"seed": 7, "size": 1_000_000_000, "item_type": "float", "decimals": 3,
                   "min_value": -50, "max_value": 50}),
            json!({"seed": 8, "size": 1_000_000_000, "item_type": "float", "decimals": 0,
                   "min_value": -1.5, "max_value": 1.5, "min_length": 8, "max_length": 8}),
            json!({"seed": 9, "size": 1_000_000_000, "item_type": "word",
                   "min_length": 3, "max_length": 12}),
        ],
        "chess_state_eval" => vec![
            json!({"seed": 42, "size": 1_000_000_000}),
            json!({"seed": 5, "size": 1_000_000_000, "min_moves": 0, "max_moves": 200}),
            json!({"seed": 13, "size": 1_000_000_000, "min_moves": 60, "max_moves": 400,
                   "task_types": ["checkmate", "stalemate", "in_check"]}),
        ],
        _ => Vec::new(),
    }
}

const INDICES: [u64; 9] = [0, 1, 2, 3, 4, 5, 6, 7, 19];
const FAR_INDEX: u64 = 123_456_789;

/// Right, reformatted, reordered, truncated and wrong answers, so the files
/// pin down the scorers too.
fn candidates(answer: &str) -> Vec<Option<String>> {
    let parts: Vec<&str> = answer.split(", ").collect();
    let mut reversed = parts.clone();
    reversed.reverse();
    let all = [
        Some(answer.to_string()),
        Some(format!("  {answer} \n")),
        Some(answer.to_uppercase()),
        Some(format!("[{answer}]")),
        Some(parts.join(" ")),
        Some(reversed.join(", ")),
        Some(parts[1..].join(", ")),
        Some(format!("+{answer}")),
        Some("yes".into()),
        Some("no".into()),
        Some("0".into()),
        Some(String::new()),
        None,
        Some("garbage !@# é".into()),
    ];
    let mut out: Vec<Option<String>> = Vec::with_capacity(all.len());
    for a in all {
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

fn render(info: &'static DatasetInfo) -> String {
    let mut lines =
        vec![json!({"dataset": info.name, "source": "rgym", "deterministic": true}).to_string()];
    for config in configs(info.name) {
        let Value::Object(map) = config.clone() else {
            unreachable!("configs are objects")
        };
        let ds = dataset_core::build(info, &map).expect("config builds");
        let far = (ds.size > FAR_INDEX).then_some(FAR_INDEX);
        for idx in INDICES.into_iter().chain(far).filter(|&i| i < ds.size) {
            let item = ds.get(idx).expect("item generates");
            let scores: Vec<Value> = candidates(&item.answer)
                .into_iter()
                .map(|a| json!([a, ds.score(a.as_deref(), &item)]))
                .collect();
            let mut row = Map::new();
            row.insert("config".into(), config.clone());
            if let Value::Object(it) = item.to_json(idx) {
                row.extend(it);
            }
            row.insert("scores".into(), Value::Array(scores));
            lines.push(Value::Object(row).to_string());
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn every_dataset_has_configs() {
    for info in datasets_rgym::DATASETS {
        assert!(
            !configs(info.name).is_empty(),
            "{} has no configs",
            info.name
        );
    }
}

#[test]
fn output_matches_golden_files() {
    let mut failures = Vec::new();
    for info in datasets_rgym::DATASETS {
        let path = golden_dir().join(format!("{}.jsonl", info.name));
        let want =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let got = render(info);
        if got != want {
            let (n, g, w) = got
                .lines()
                .zip(want.lines())
                .enumerate()
                .find(|(_, (g, w))| g != w)
                .map(|(n, (g, w))| (n + 1, g.to_string(), w.to_string()))
                .unwrap_or((0, "(length differs)".into(), String::new()));
            failures.push(format!(
                "{}: line {n} differs\n  got:  {g}\n  want: {w}",
                info.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
#[ignore = "rewrites tests/golden-rgym; run after an intended change"]
fn write_golden_files() {
    std::fs::create_dir_all(golden_dir()).expect("create tests/golden-rgym");
    for info in datasets_rgym::DATASETS {
        let path = golden_dir().join(format!("{}.jsonl", info.name));
        std::fs::write(&path, render(info)).expect("write golden file");
    }
}
