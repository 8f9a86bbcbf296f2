//! The CLI contract that outside tools rely on (`rgym list|generate|score`).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn rgym(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rgym"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rgym runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn generate_writes_one_item_per_line_with_start_and_count() {
    let out = rgym(
        &[
            "generate",
            "leg_counting",
            "--seed",
            "42",
            "--size",
            "10",
            "--start",
            "3",
            "--count",
            "4",
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = lines(&out);
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["index"], 3);
    assert_eq!(rows[3]["index"], 6);
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["index", "question", "answer", "metadata"]);
    // --count defaults to size - start.
    let out = rgym(
        &[
            "generate",
            "leg_counting",
            "--seed",
            "42",
            "--size",
            "10",
            "--start",
            "8",
        ],
        None,
    );
    assert_eq!(lines(&out).len(), 2);
}

#[test]
fn generate_matches_the_library_for_huge_and_negative_seeds() {
    for seed in [
        "18446744073709551621",
        "-7",
        "1000000000000000000000000000000",
    ] {
        let out = rgym(
            &["generate", "leg_counting", "--seed", seed, "--size", "2"],
            None,
        );
        assert!(
            out.status.success(),
            "seed {seed}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ds = datasets::create_with(
            "leg_counting",
            &Default::default(),
            Some(seed.parse().unwrap()),
            Some(2),
        )
        .unwrap();
        let rows = lines(&out);
        assert_eq!(rows[1]["question"], ds.get(1).unwrap().question.as_str());
    }
}

#[test]
fn score_reads_answers_and_writes_scores_in_order() {
    let ds = datasets::create_with("leg_counting", &Default::default(), Some(5), Some(5)).unwrap();
    let right = ds.get(2).unwrap().answer;
    let input = format!("{{\"index\": 2, \"answer\": \"{right}\"}}\n{{\"index\": 0, \"answer\": null}}\n{{\"index\": 1, \"answer\": \"x\"}}\n");
    let out = rgym(
        &["score", "leg_counting", "--seed", "5", "--size", "5"],
        Some(&input),
    );
    assert!(out.status.success());
    let rows = lines(&out);
    assert_eq!(rows.len(), 3);
    assert_eq!(
        (rows[0]["index"].as_u64(), rows[0]["score"].as_f64()),
        (Some(2), Some(1.0))
    );
    assert_eq!(
        (rows[1]["index"].as_u64(), rows[1]["score"].as_f64()),
        (Some(0), Some(0.0))
    );
    assert_eq!(rows[2]["index"], 1);
}

#[test]
fn errors_are_one_line_on_stderr_and_nothing_on_stdout() {
    let cases: &[(&[&str], Option<&str>, &str)] = &[
        (
            &["generate", "no_such", "--seed", "1", "--size", "3"],
            None,
            "Dataset 'no_such' not registered",
        ),
        (
            &[
                "generate",
                "leg_counting",
                "--seed",
                "1",
                "--size",
                "3",
                "--config",
                "{",
            ],
            None,
            "not valid JSON",
        ),
        (
            &[
                "generate",
                "leg_counting",
                "--seed",
                "1",
                "--size",
                "3",
                "--config",
                "{\"x\": 1}",
            ],
            None,
            "unexpected keyword argument 'x'",
        ),
        (
            &[
                "generate",
                "leg_counting",
                "--seed",
                "1",
                "--size",
                "3",
                "--config",
                "{\"min_animals\": 0}",
            ],
            None,
            "min_animals must be positive",
        ),
        (
            &[
                "generate",
                "leg_counting",
                "--seed",
                "1",
                "--size",
                "3",
                "--start",
                "3",
            ],
            None,
            "out of range",
        ),
        (
            &["generate", "leg_counting", "--seed", "x", "--size", "3"],
            None,
            "--seed must be an integer",
        ),
        (
            &["score", "leg_counting", "--seed", "1", "--size", "3"],
            Some("{\"index\": 0, \"answer\": \"1\"}\n{\"index\": 3, \"answer\": \"1\"}\n"),
            "out of range",
        ),
        (
            &["score", "leg_counting", "--seed", "1", "--size", "3"],
            Some("not json\n"),
            "invalid JSON",
        ),
    ];
    for (args, stdin, needle) in cases {
        let out = rgym(args, *stdin);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(out.stdout.is_empty(), "{args:?} wrote to stdout");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn list_names_every_registered_dataset() {
    let out = rgym(&["list", "--json"], None);
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), datasets::registry().len());
    assert!(rows
        .iter()
        .any(|r| r["name"] == "leg_counting" && r["category"] == "arithmetic"));
}
