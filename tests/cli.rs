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
        // A command refused at its arguments exits without reading its input:
        // the pipe is then closed, which is not the test's failure.
        if let Err(e) = child.stdin.take().unwrap().write_all(text.as_bytes()) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
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

/// reasoning-gym's own items (crates/datasets/tests/data/reference_items.jsonl,
/// made by scripts/vectors/reference_items.py) for seeds past 2^127, byte for byte
/// through the CLI: the whole output row, with the prefetching writer.
#[test]
fn generate_matches_reasoning_gym_for_seeds_past_2_127() {
    let reference: Vec<serde_json::Value> =
        include_str!("../crates/datasets/tests/data/reference_items.jsonl")
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
    for (seed, size) in [
        (
            "1606938044258990275541962092341162602522202993782792835301376",
            3,
        ),
        ("-1361129467683753853853498429727072845824", 3),
        // seed + idx crosses i128::MAX between index 1 and 2.
        ("170141183460469231731687303715884105726", 4),
    ] {
        let size_text = size.to_string();
        let out = rgym(
            &[
                "generate",
                "leg_counting",
                "--seed",
                seed,
                "--size",
                &size_text,
            ],
            None,
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let rows = lines(&out);
        assert_eq!(rows.len(), size);
        for row in rows {
            let want = reference
                .iter()
                .find(|r| {
                    r["name"] == "leg_counting"
                        && r["seed"].as_number().is_some_and(|n| n.as_str() == seed)
                        && r["index"] == row["index"]
                })
                .expect("a reference item");
            for key in ["question", "answer", "metadata"] {
                assert_eq!(
                    row[key], want[key],
                    "seed {seed} index {} {key}",
                    row["index"]
                );
            }
        }
    }
}

/// reasoning-gym's composite keeps a graph_color member's `answer: None`:
/// the row says `"answer": null`, not `""`.
#[test]
fn generate_composite_keeps_null_answers() {
    let config = r#"{"datasets": [{"name": "graph_color", "weight": 1, "config": {}}]}"#;
    let out = rgym(
        &[
            "generate",
            "composite",
            "--seed",
            "1",
            "--size",
            "10",
            "--config",
            config,
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = lines(&out);
    assert_eq!(rows.len(), 10);
    for row in &rows {
        assert!(
            row.get("answer").is_some_and(serde_json::Value::is_null),
            "{row}"
        );
    }
    assert!(String::from_utf8_lossy(&out.stdout).contains(r#""answer":null"#));
}

/// A lone surrogate (`"\ud800"`), which Python's json accepts, no longer
/// fails the line and with it the whole batch. Scores are reasoning-gym's:
/// leg_counting seed 2^200 index 0 has answer "442", and
/// `score_answer("442\ud800", e)` is 0.75 there.
#[test]
fn score_reads_lone_surrogates_as_python_does() {
    let input = concat!(
        "{\"index\": 0, \"answer\": \"442\"}\n",
        "{\"index\": 0, \"answer\": \"442\\ud800\"}\n",
        "{\"index\": 1, \"answer\": \"\\udfff\"}\n",
    );
    let out = rgym(
        &[
            "score",
            "leg_counting",
            "--seed",
            "1606938044258990275541962092341162602522202993782792835301376",
            "--size",
            "3",
        ],
        Some(input),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let scores: Vec<f64> = lines(&out)
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert_eq!(scores, [1.0, 0.75, 0.0]);
}

#[test]
fn score_reads_answers_and_writes_scores_in_order() {
    let ds = datasets::create_with("leg_counting", &Default::default(), Some(5.into()), Some(5))
        .unwrap();
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
fn score_takes_a_file_numbers_and_keep_going() {
    let ds = datasets::create_with("leg_counting", &Default::default(), Some(5.into()), Some(5))
        .unwrap();
    let right = ds.get(2).unwrap().answer;
    let dir = temp_dir("score-file");
    let file = dir.join("answers.jsonl");
    // A number is scored as its JSON text; line 2 and line 4 are bad.
    std::fs::write(
        &file,
        format!("{{\"index\": 2, \"answer\": {right}}}\n{{\"index\": -1}}\n{{\"index\": 1, \"answer\": \"x\"}}\nnot json\n"),
    )
    .unwrap();
    let args = ["score", "leg_counting", "--seed", "5", "--size", "5"];
    let path = file.to_str().unwrap();
    // Strict by default: one error, nothing on stdout.
    let strict = rgym(&[&args[..], &[path]].concat(), None);
    assert!(!strict.status.success() && strict.stdout.is_empty());
    let err = String::from_utf8_lossy(&strict.stderr);
    assert!(err.contains("line 2") && err.lines().count() == 1, "{err}");
    // --keep-going: the good lines scored, each bad one reported.
    let out = rgym(&[&args[..], &[path, "--keep-going"]].concat(), None);
    assert!(!out.status.success());
    let rows = lines(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        (rows[0]["index"].as_u64(), rows[0]["score"].as_f64()),
        (Some(2), Some(1.0))
    );
    assert_eq!(rows[1]["index"], 1);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("line 2:") && err.contains("line 4:"), "{err}");
    assert!(err.contains("2 lines could not be scored"), "{err}");
    // "-" is standard input.
    let input = format!("{{\"index\": 2, \"answer\": \"{right}\"}}\n");
    let out = rgym(&[&args[..], &["-"]].concat(), Some(&input));
    assert_eq!(lines(&out)[0]["score"], 1.0);
    let missing = rgym(&[&args[..], &["/no/such/file"]].concat(), None);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/no/such/file"));
}

#[test]
fn loadtest_against_a_dead_port_fails_at_once() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let t = std::time::Instant::now();
    let out = rgym(
        &[
            "loadtest",
            "--url",
            &format!("http://127.0.0.1:{port}"),
            "--duration",
            "30",
        ],
        None,
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot connect") && err.contains(&port.to_string()),
        "{err}"
    );
    assert!(
        t.elapsed() < std::time::Duration::from_secs(10),
        "{:?}",
        t.elapsed()
    );
}

#[test]
fn serve_help_names_the_environment_variables() {
    let help = stdout(&rgym(&["serve", "--help"], None));
    for var in [
        "RGYM_HOST",
        "RGYM_PORT",
        "RGYM_MAX_SESSIONS",
        "RGYM_LOG_FORMAT",
    ] {
        assert!(help.contains(var), "{var} missing from:\n{help}");
    }
}

#[test]
fn unknown_datasets_get_the_nearest_names() {
    let out = rgym(&["generate", "sudok", "--seed", "1", "--size", "3"], None);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Dataset 'sudok' not registered; did you mean sudoku"),
        "{err}"
    );
    let out = rgym(&["describe", "leg_countin"], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean leg_counting?"));
    let out = rgym(&["describe", "zzzzzzzzzzzz"], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("`rgym list` shows the datasets"));
}

#[test]
fn serve_on_a_busy_port_names_it_and_suggests_another() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_rgym"))
        .args(["serve", "--host", "127.0.0.1", "--port", &port])
        .env_remove("RGYM_PYTHON_PROVIDER")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("127.0.0.1:{port}")) && err.contains("--port"),
        "{err}"
    );
}

#[test]
fn errors_are_one_line_on_stderr_and_nothing_on_stdout() {
    let nines = "9".repeat(4301);
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
            &[
                "generate",
                "leg_counting",
                "--seed",
                nines.as_str(),
                "--size",
                "3",
            ],
            None,
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits",
        ),
        (
            &["generate", "leg_counting", "--seed", "1", "--size", "0"],
            None,
            "--size must be a positive integer no larger than 18446744073709551615",
        ),
        (
            &["generate", "leg_counting", "--seed", "1", "--size", "-3"],
            None,
            "--size must be a positive integer no larger than 18446744073709551615",
        ),
        (
            &[
                "generate",
                "leg_counting",
                "--seed",
                "1",
                "--size",
                "18446744073709551616",
            ],
            None,
            "--size must be a positive integer no larger than 18446744073709551615",
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

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("rgym-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const GEN: &[&str] = &[
    "generate",
    "leg_counting",
    "--seed",
    "3",
    "--size",
    "50",
    "--start",
    "5",
    "--count",
    "20",
];

#[test]
fn generate_output_writes_the_same_lines_as_stdout_and_nothing_else() {
    let dir = temp_dir("output");
    let file = dir.join("items.jsonl");
    let piped = stdout(&rgym(GEN, None));
    let mut args = GEN.to_vec();
    args.extend(["--output", file.to_str().unwrap()]);
    let out = rgym(&args, None);
    assert_eq!(stdout(&out), "");
    // stderr is not a terminal here: no progress bar.
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), piped);
    // No temporary file is left beside it.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn generate_format_json_is_one_array_of_the_same_rows() {
    let lines: Vec<serde_json::Value> = stdout(&rgym(GEN, None))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut args = GEN.to_vec();
    args.extend(["--format", "json"]);
    let array: serde_json::Value = serde_json::from_str(&stdout(&rgym(&args, None))).unwrap();
    assert_eq!(array, serde_json::Value::Array(lines));
    let empty = rgym(
        &[
            "generate",
            "leg_counting",
            "--seed",
            "3",
            "--size",
            "5",
            "--count",
            "0",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&empty)).unwrap(),
        serde_json::json!([])
    );
}

#[test]
fn generate_output_errors_are_one_line_and_leave_no_file() {
    let dir = temp_dir("output-err");
    let missing = dir.join("no/such/dir/items.jsonl");
    let file = dir.join("items.jsonl");
    for (path, extra, needle) in [
        (&missing, &[][..], "--output"),
        (&file, &["--start", "60"][..], "out of range"),
    ] {
        let mut args = GEN[..6].to_vec();
        args.extend(extra);
        args.extend(["--output", path.to_str().unwrap()]);
        let out = rgym(&args, None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success());
        assert!(out.stdout.is_empty());
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn describe_shows_fields_defaults_and_rules() {
    let text = stdout(&rgym(&["describe", "leg_counting"], None));
    let field = text
        .lines()
        .find(|l| l.trim_start().starts_with("min_animals "))
        .expect("min_animals listed");
    assert!(
        field.contains("int") && field.ends_with("default 3"),
        "{field}"
    );
    assert!(text.contains("- min_animals must be positive"), "{text}");
    assert!(text.contains("parity: golden"), "{text}");

    let json: serde_json::Value = serde_json::from_str(&stdout(&rgym(
        &["describe", "leg_counting", "--json"],
        None,
    )))
    .unwrap();
    assert_eq!(json["config_class"], "LegCountingConfig");
    assert_eq!(
        json["fields"][0],
        serde_json::json!({"name": "min_animals", "type": "int", "default": 3})
    );
    assert!(json["rules"]
        .as_array()
        .unwrap()
        .contains(&"min_animals must be positive".into()));
    // Every rule describe reports is one the dataset really enforces.
    let out = rgym(
        &[
            "generate",
            "leg_counting",
            "--seed",
            "1",
            "--size",
            "1",
            "--config",
            "{\"min_animals\": 0}",
        ],
        None,
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains(json["rules"][0].as_str().unwrap()));
}

#[test]
fn describe_shows_a_sample_item_and_its_score() {
    let text = stdout(&rgym(&["describe", "leg_counting"], None));
    assert!(
        text.contains("sample (default config, seed 42, index 0):"),
        "{text}"
    );
    assert!(text.contains("the scorer gives this answer 1"), "{text}");
    // The sample is item 0 of `generate` at seed 42.
    let row: serde_json::Value = serde_json::from_str(&stdout(&rgym(
        &["generate", "leg_counting", "--seed", "42", "--size", "1"],
        None,
    )))
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout(&rgym(
        &["describe", "leg_counting", "--json"],
        None,
    )))
    .unwrap();
    assert_eq!(json["sample"]["question"], row["question"]);
    assert_eq!(json["sample"]["answer"], row["answer"]);
    assert_eq!(json["sample"]["score_of_answer"], 1.0);
    // rearc is native (all 400 generators): its sample needs no Python, and
    // its own answer scores 1.0.
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&rgym(&["describe", "rearc", "--json"], None))).unwrap();
    assert!(
        json["sample"]["question"]
            .as_str()
            .is_some_and(|q| q.starts_with("Find the common rule")),
        "{json}"
    );
    assert_eq!(json["sample"]["score_of_answer"], 1.0, "{json}");
    // A dataset with no reference answer says how it is scored instead.
    let text = stdout(&rgym(&["describe", "boxnet"], None));
    assert!(text.contains("answer: none in the reference"), "{text}");
}

#[test]
fn describe_lists_the_curriculum() {
    let text = stdout(&rgym(&["describe", "leg_counting"], None));
    assert!(
        text.contains("\ncurriculum: LegCountingCurriculum"),
        "{text}"
    );
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("num_instances:"))
        .expect("num_instances listed");
    assert!(line.contains("min_instances..max_instances"), "{line}");
    assert!(
        text.contains("10 levels: 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024"),
        "{text}"
    );

    let json: serde_json::Value = serde_json::from_str(&stdout(&rgym(
        &["describe", "leg_counting", "--json"],
        None,
    )))
    .unwrap();
    let c = datasets::curriculum("leg_counting").unwrap();
    assert_eq!(json["curriculum"], c.to_json());
    assert_eq!(json["curriculum"]["attributes"][0]["kind"], "range");
    assert_eq!(json["curriculum"]["attributes"][1]["ensure_interval"], true);

    // rgym's own datasets have none: no section, no key.
    let text = stdout(&rgym(&["describe", "reverse_sort"], None));
    assert!(!text.contains("curriculum:"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&rgym(
        &["describe", "reverse_sort", "--json"],
        None,
    )))
    .unwrap();
    assert!(json.get("curriculum").is_none());
}

#[test]
fn describe_works_for_every_dataset_and_rejects_unknown_ones() {
    for d in datasets::registry() {
        let out = rgym(&["describe", d.name, "--json"], None);
        let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        assert_eq!(json["name"], d.name);
        if d.name != "composite" {
            assert!(json.get("defaults_error").is_none(), "{}: {json}", d.name);
        }
    }
    let out = rgym(&["describe", "no_such"], None);
    assert!(!out.status.success() && out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Dataset 'no_such' not registered"));
}

#[test]
fn list_formats_agree() {
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&stdout(&rgym(&["list", "--json"], None))).unwrap();
    let by_name = |n: &str| rows.iter().find(|r| r["name"] == n).unwrap().clone();
    assert_eq!(by_name("leg_counting")["parity"], "golden");
    assert_eq!(by_name("reverse_sort")["parity"], "native");
    let text = stdout(&rgym(&["list"], None));
    let md = stdout(&rgym(&["list", "--markdown"], None));
    assert!(text.starts_with("NAME "), "{text}");
    assert_eq!(text.lines().count(), rows.len() + 1);
    assert!(md.starts_with("| Dataset | Category | Parity | Description |\n|---|---|---|---|\n"));
    assert_eq!(md.lines().count(), rows.len() + 2);
    for r in &rows {
        let row = format!(
            "| `{}` | {} | {} | {} |",
            r["name"].as_str().unwrap(),
            r["category"].as_str().unwrap(),
            r["parity"].as_str().unwrap(),
            r["description"].as_str().unwrap().replace('|', "\\|")
        );
        assert!(md.lines().any(|l| l == row), "{row}");
    }
    assert!(!rgym(&["list", "--json", "--markdown"], None)
        .status
        .success());
}

#[test]
fn version_flag() {
    let out = stdout(&rgym(&["--version"], None));
    assert_eq!(out.trim(), format!("rgym {}", env!("CARGO_PKG_VERSION")));
}

/// Serves each canned reply to one connection, then stops.
fn canned_server(replies: Vec<&'static str>) -> (String, std::thread::JoinHandle<()>) {
    use std::io::{Read, Write as _};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/health", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        for reply in replies {
            let (mut s, _) = listener.accept().unwrap();
            let mut buf = [0u8; 1024];
            let mut req = Vec::new();
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                let n = s.read(&mut buf).unwrap();
                if n == 0 {
                    break;
                }
                req.extend_from_slice(&buf[..n]);
            }
            assert!(req.starts_with(b"GET /health HTTP/1.1\r\n"));
            s.write_all(reply.as_bytes()).unwrap();
        }
    });
    (url, handle)
}

#[test]
fn health_exits_zero_only_for_200_healthy() {
    let (url, server) = canned_server(vec![
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 20\r\n\r\n{\"status\":\"healthy\"}",
        "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 8\r\n\r\ndraining",
        "HTTP/1.1 200 OK\r\ncontent-length: 21\r\n\r\n{\"status\":\"starting\"}",
    ]);
    let ok = rgym(&["health", "--url", &url], None);
    assert_eq!(stdout(&ok).trim(), "healthy");
    for needle in ["HTTP 503: draining", "starting"] {
        let out = rgym(&["health", "--url", &url], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && out.stdout.is_empty());
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{err}");
    }
    server.join().unwrap();
    // Nothing listening any more.
    let out = rgym(&["health", "--url", &url, "--timeout", "2"], None);
    assert!(!out.status.success() && out.stdout.is_empty());
    let out = rgym(&["health", "--url", "https://127.0.0.1:1/health"], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("http://"));
}

#[test]
fn health_accepts_a_real_rgym_serve() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_rgym"))
        .args(["serve", "--host", "127.0.0.1", "--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}/health");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let healthy = loop {
        if rgym(&["health", "--url", &url], None).status.success() {
            break true;
        }
        if std::time::Instant::now() > deadline {
            break false;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(healthy, "rgym health never saw {url} healthy");
}

/// `--answer-format` scores what the format pulls out of each answer and
/// writes it beside the score; without the flag the rows stay as they were.
#[test]
fn score_answer_format_extracts_before_scoring() {
    let ds = datasets::create_with("leg_counting", &Default::default(), Some(5.into()), Some(5))
        .unwrap();
    let right = ds.get(0).unwrap().answer;
    let input = format!(
        "{{\"index\": 0, \"answer\": \"thinking <answer> {right} </answer>\"}}\n\
         {{\"index\": 0, \"answer\": \"{right}\"}}\n\
         {{\"index\": 0, \"answer\": null}}\n"
    );
    let args = ["score", "leg_counting", "--seed", "5", "--size", "5"];
    let tagged = rgym(
        &[&args[..], &["--answer-format", "answer_tag"]].concat(),
        Some(&input),
    );
    assert!(
        tagged.status.success(),
        "{}",
        String::from_utf8_lossy(&tagged.stderr)
    );
    let rows = lines(&tagged);
    assert_eq!(rows[0]["extracted_answer"], serde_json::json!(right));
    assert_eq!(rows[0]["score"].as_f64(), Some(1.0));
    // No tag: None, scored as the reference scores None.
    assert_eq!(rows[1]["extracted_answer"], serde_json::Value::Null);
    assert_eq!(
        rows[1]["score"].as_f64(),
        Some(ds.score(None, &ds.get(0).unwrap()))
    );
    assert_eq!(rows[2]["extracted_answer"], serde_json::Value::Null);

    let raw = rgym(&args, Some(&input));
    let rows = lines(&raw);
    assert!(rows[0].get("extracted_answer").is_none());
    assert!(rows[0]["score"].as_f64() < Some(1.0));

    let bad = rgym(
        &[&args[..], &["--answer-format", "xml"]].concat(),
        Some(&input),
    );
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("unknown answer_format \"xml\""), "{err}");
}

#[test]
fn completions_and_man_pages_come_from_the_clap_definitions() {
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&rgym(&["completions", shell], None));
        // Every subcommand and a subcommand's flag are completed.
        for word in ["generate", "loadtest", "describe", "max-sessions"] {
            assert!(script.contains(word), "{shell}: {word} missing");
        }
    }
    let page = stdout(&rgym(&["man"], None));
    assert!(
        page.starts_with(".ie") || page.contains(".TH rgym"),
        "{page}"
    );
    assert!(page.contains("loadtest"), "{page}");
    let serve = stdout(&rgym(&["man", "serve"], None));
    assert!(serve.contains(".TH rgym-serve"), "{serve}");
    assert!(serve.contains("max\\-sessions"), "{serve}");
    let out = rgym(&["man", "serv"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no subcommand \"serv\""));
}
