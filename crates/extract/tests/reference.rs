//! `answer_tag` against reasoning-gym's own `extract_answer` on 5,000 random
//! completions (`scripts/vectors/extract_vectors.py` made the file).

use serde_json::Value;

#[test]
fn answer_tag_matches_reasoning_gym() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/answer_tag.json");
    let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert!(cases.len() >= 5000);
    for case in &cases {
        let text = case["text"].as_str().unwrap();
        assert_eq!(
            extract::answer_tag(text),
            case["answer"].as_str(),
            "completion {text:?}"
        );
    }
}
