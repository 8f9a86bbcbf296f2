//! A bounded slice of the differential fuzzer's cases with sympy's outputs
//! (`scripts/vectors/symlite_fuzz.py --write-vectors`), replayed through the
//! fuzzer's own request handler (`examples/symlite_cli.rs`).

#[path = "../examples/symlite_cli.rs"]
#[allow(dead_code)]
mod cli;

use serde_json::{json, Value};

fn load(name: &str) -> Vec<Value> {
    let path = format!("{}/tests/data/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn printing_of_folded_and_random_trees() {
    for name in ["countdown", "trees"] {
        let cases = load(name);
        assert!(!cases.is_empty());
        for c in &cases {
            let got = cli::reply(&json!({"tree": c["tree"]}));
            assert_eq!(got["str"], c["str"], "{name}: {}", c["tree"]);
        }
    }
}

/// The fuzzer's `compare`: symlite may decline a case (`unsupported`,
/// `bounded`), where its scorers then score 0.0; otherwise every field
/// sympy gave must match.
#[test]
fn integration_roots_products_expressions() {
    for name in ["integration", "roots", "products", "expressions"] {
        let cases = load(name);
        assert!(!cases.is_empty());
        for c in &cases {
            let got = cli::reply(&c["request"]);
            let declined = matches!(got["outcome"].as_str(), Some("unsupported" | "bounded"));
            if declined {
                continue;
            }
            for (k, v) in c["want"].as_object().expect("an object") {
                assert_eq!(&got[k], v, "{name}: {}", c["request"]);
            }
        }
    }
}

/// The fuzzer's `classify` for `parse_expr` answers.
#[test]
fn parse_expr_answers() {
    let cases = load("parse");
    assert!(!cases.is_empty());
    for c in &cases {
        let text = c["parse"].as_str().expect("text");
        let want = &c["want"];
        let got = cli::reply(&json!({"parse": text}));
        assert!(
            classify(&got, want),
            "{text:?}: sympy {want}, symlite {got}"
        );
    }
}

fn classify(mine: &Value, reference: &Value) -> bool {
    if matches!(mine["outcome"].as_str(), Some("bounded" | "unsupported")) {
        return true;
    }
    let nothing =
        |v: &Value| v.get("outcome").is_some() || (v["float"] == "raise" && v["int"] == "raise");
    let (ref_nothing, mine_nothing) = (nothing(reference), nothing(mine));
    if ref_nothing || mine_nothing {
        return ref_nothing == mine_nothing
            || (mine_nothing && matches!(mine["kind"].as_str(), Some("nonreal" | "symbolic")));
    }
    if mine["float"] == "unsupported" || mine["int"] == "unsupported" {
        return true;
    }
    for key in ["float", "int"] {
        let (a, b) = (
            mine[key].as_str().unwrap_or(""),
            reference[key].as_str().unwrap_or(""),
        );
        if a == b {
            continue;
        }
        if mine["kind"] != "real" || a == "raise" || b == "raise" {
            return false;
        }
        if key == "float" {
            let (x, y): (f64, f64) = (a.parse().unwrap_or(f64::NAN), b.parse().unwrap_or(f64::NAN));
            if (x - y).abs() > 1e-12 * x.abs().max(y.abs()) {
                return false;
            }
        } else {
            let parse = |s: &str| i128::from_str_radix(s, 16).ok();
            match (parse(a), parse(b)) {
                (Some(x), Some(y)) if (x - y).abs() <= 1 => {}
                _ => return false,
            }
        }
    }
    true
}
