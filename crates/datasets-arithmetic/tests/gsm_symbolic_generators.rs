//! Each ported gsm_symbolic generator against the reference's own output for
//! seeds 0..24 (tests/vectors/gsm_symbolic.jsonl, written by
//! scripts/vectors/gsm_symbolic.py): question, answer and metadata, or the
//! same exception. tests/golden covers the dataset as a whole, where an
//! item's generator is drawn; this covers every generator on many seeds.

use dataset_core::Random;
use datasets_arithmetic::gsm_symbolic::{generator, TASKS_OK};
use serde_json::Value;

/// JSON equality where an int is not a float and floats compare by value
/// (Python's `json` and serde_json may spell one float differently).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let int = |n: &serde_json::Number| !n.to_string().contains(['.', 'e', 'E']);
            match (int(x), int(y)) {
                (true, true) => x.to_string() == y.to_string(),
                (false, false) => x.as_f64() == y.as_f64(),
                _ => false,
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((k, p), (l, q))| k == l && same(p, q))
        }
        _ => a == b,
    }
}

#[test]
fn ported_generators_match_the_reference() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/vectors/gsm_symbolic.jsonl"
    );
    let text = std::fs::read_to_string(path).expect("vectors");
    let mut checked = 0;
    let mut wrong = Vec::new();
    for line in text.lines() {
        let row: Value = serde_json::from_str(line).expect("json");
        let task = row["task"].as_u64().expect("task") as u8;
        let seed = row["seed"].as_i64().expect("seed");
        let Some(generate) = generator(task) else {
            continue;
        };
        let got = generate(&mut Random::new(seed));
        let ok = match (&got, row.get("error")) {
            (Err(e), Some(want)) => want.as_str().is_some_and(|w| w.ends_with(&e.to_string())),
            (Ok(ex), None) => {
                ex.question == row["question"]
                    && ex.answer == row["answer"]
                    && same(&ex.metadata(), &row["metadata"])
            }
            _ => false,
        };
        if !ok {
            wrong.push(format!(
                "task {task} seed {seed}: {got:?}\nreference: {row}"
            ));
        }
        checked += 1;
    }
    let ported = TASKS_OK.iter().filter(|&&t| generator(t).is_some()).count();
    eprintln!(
        "gsm_symbolic: {ported} of {} generators ported, {checked} vectors checked",
        TASKS_OK.len()
    );
    assert_eq!(ported, TASKS_OK.len(), "every generator is ported");
    assert!(checked > 0);
    assert!(
        wrong.is_empty(),
        "{} of {checked} differ:\n{}",
        wrong.len(),
        wrong.join("\n\n")
    );
}
