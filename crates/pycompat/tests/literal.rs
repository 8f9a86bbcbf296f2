//! `ast.literal_eval`, `eval` and `json.loads` against CPython 3.11 on the
//! texts of `tests/data/literal.json` (scripts/vectors/literal_vectors.py): the same
//! value (compared by `repr`) or, where CPython raises, an error.

use pycompat::{json_loads, literal_eval, py_eval, PyValue};
use serde_json::Value;

#[test]
fn literal_eval_eval_and_json_loads_match_cpython() {
    let text = include_str!("data/literal.json");
    let rows: Vec<Value> = serde_json::from_str(text).expect("vectors parse");
    let mut failures = Vec::new();
    for row in &rows {
        let (mode, input) = (row[0].as_str().unwrap(), row[1].as_str().unwrap());
        let want = row[2].as_str();
        let got = match mode {
            "literal" => literal_eval(input),
            "eval" => py_eval(input),
            _ => json_loads(input),
        };
        let got = got.ok().map(|v| v.py_repr());
        if got.as_deref() != want {
            failures.push(format!("{mode} {input:?}: got {got:?}, CPython {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        rows.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

fn lit(s: &str) -> PyValue {
    literal_eval(s).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

#[test]
fn python_equality_and_hashing() {
    assert!(lit("1").py_eq(&lit("1.0")));
    assert!(lit("True").py_eq(&lit("1")));
    assert!(lit("1+0j").py_eq(&lit("1")));
    assert!(!lit("[1]").py_eq(&lit("(1,)")));
    assert!(lit("{1: 'a'}").py_eq(&lit("{1.0: 'a'}")));
    assert!(!lit("'1'").py_eq(&lit("1")));
    // Exact int/float comparison: 2**53 + 1 is not the float 2**53.
    assert!(!lit("9007199254740993").py_eq(&lit("9007199254740992.0")));
    assert!(lit("9007199254740992").py_eq(&lit("9007199254740992.0")));
    let nan = json_loads("NaN").unwrap();
    assert!(!nan.py_eq(&nan));
    assert_eq!(lit("1").hash_key(), lit("1.0").hash_key());
    assert_eq!(lit("(1, 'a')").hash_key(), lit("(True, 'a')").hash_key());
    assert!(lit("[1]").hash_key().is_none());
    assert!(lit("(1, [2])").hash_key().is_none());
}

#[test]
fn str_iter_and_float_follow_python() {
    assert_eq!(lit("'ab'").py_str(), "ab");
    assert_eq!(lit("[1, 'a', None]").py_str(), "[1, 'a', None]");
    assert_eq!(lit("(1,)").py_str(), "(1,)");
    assert_eq!(lit("set()").py_repr(), "set()");
    assert_eq!(lit("-0.0+1j").py_repr(), "1j");
    assert_eq!(lit("-0.0-1j").py_repr(), "(-0-1j)");
    assert_eq!(lit("2j").py_repr(), "2j");
    let chars: Vec<String> = lit("'ab'")
        .py_iter()
        .unwrap()
        .iter()
        .map(PyValue::py_str)
        .collect();
    assert_eq!(chars, ["a", "b"]);
    let keys: Vec<String> = lit("{'k': 1, 'j': 2}")
        .py_iter()
        .unwrap()
        .iter()
        .map(PyValue::py_str)
        .collect();
    assert_eq!(keys, ["k", "j"]);
    assert!(lit("1").py_iter().is_none());
    assert_eq!(lit("' 1_0.5 '").py_float(), Some(10.5));
    assert_eq!(lit("True").py_float(), Some(1.0));
    assert_eq!(
        lit("10**400"
            .replace("**400", "0".repeat(400).as_str())
            .as_str())
        .py_float(),
        None
    );
    assert_eq!(lit("None").py_float(), None);
}

#[test]
fn hostile_inputs_are_errors_not_crashes() {
    let started = std::time::Instant::now();
    for input in [
        "[".repeat(10_000_000),
        "(".repeat(5_000_000),
        "{\"a\":".repeat(2_000_000),
        "-".repeat(5_000_000) + "1",
        "1+".repeat(3_000_000) + "1",
        "'".to_string() + &"\\".repeat(5_000_001),
        "\"".to_string() + &"a".repeat(10_000_000),
        "9".repeat(10_000_000),
    ] {
        assert!(literal_eval(&input).is_err());
        assert!(py_eval(&input).is_err());
        assert!(json_loads(&input).is_err());
    }
    // A large but valid document parses in linear time, sets and dicts included.
    let many: String = format!(
        "{{{}}}",
        (0..200_000)
            .map(|i| i.to_string())
            .collect::<Vec<_>>()
            .join(",")
    );
    assert!(matches!(literal_eval(&many), Ok(PyValue::Set(v)) if v.len() == 200_000));
    let obj: String = format!(
        "{{{}}}",
        (0..200_000)
            .map(|i| format!("\"k{}\":{i}", i % 1000))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert!(matches!(json_loads(&obj), Ok(PyValue::Dict(v)) if v.len() == 1000));
    let deepest_ok = "[".repeat(200) + &"]".repeat(200);
    assert!(literal_eval(&deepest_ok).is_ok());
    let deep_json = "[".repeat(900) + &"]".repeat(900);
    assert!(json_loads(&deep_json).is_ok());
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}
