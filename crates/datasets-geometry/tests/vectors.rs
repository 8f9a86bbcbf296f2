//! A bounded slice of `scripts/vectors/advanced_geometry_vectors.py
//! --write-vectors` (sympy's and mpmath's values), replayed through the
//! script's own request handler (`examples/geometry_cli.rs`).

#[path = "../examples/geometry_cli.rs"]
#[allow(dead_code)]
mod cli;

use num_bigint::BigUint;
use serde_json::{json, Value};

fn load() -> Value {
    let path = format!(
        "{}/tests/data/advanced_geometry.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).expect("JSON")
}

fn hex(v: &Value) -> BigUint {
    BigUint::parse_bytes(v.as_str().expect("hex").as_bytes(), 16).expect("hex digits")
}

/// Orthocenter, incircle radius (string and float), cosine (string and
/// float) and angle of random and thin triangles at every range.
#[test]
fn triangles_match_sympy() {
    let data = load();
    let rows = data["triangles"].as_array().expect("triangles");
    assert!(rows.len() > 100);
    for row in rows {
        let got = cli::reply(&json!({"tri": row["tri"]}));
        for (k, want) in row["want"].as_object().expect("an object") {
            if want.get("raises").is_some() {
                // sympy raised; rgym declines the same part.
                assert!(got[k].get("error").is_some(), "{k} of {}", row["tri"]);
            } else {
                assert_eq!(&got[k], want, "{k} of {}", row["tri"]);
            }
        }
    }
}

/// `pi_fixed(p)` is mpmath's memoised value shifted, for every `p` below
/// the stored memo precision.
#[test]
fn pi_fixed_matches_mpmath_memo() {
    let data = load();
    let top = data["pi"]["prec"].as_u64().expect("prec");
    let memo = hex(&data["pi"]["hex"]);
    for p in (1..=top).rev() {
        let got = cli::reply(&json!({"pi_fixed": p}));
        assert_eq!(hex(&got["hex"]), &memo >> (top - p), "pi_fixed({p})");
    }
}

/// The entries of mpmath's `atan_taylor_cache` (`atan_newton`).
#[test]
fn atan_cache_matches_mpmath() {
    let data = load();
    let entries = data["atan"].as_array().expect("atan");
    assert!(entries.len() > 500);
    for e in entries {
        let got = cli::reply(&json!({"atan": [e["n"], e["prec2"]]}));
        assert_eq!(got["hex"], e["hex"], "atan entry {e}");
    }
}
