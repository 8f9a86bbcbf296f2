//! codeio's scorer against reasoning-gym 0.1.25: every case of
//! `tests/vectors/codeio_scores.jsonl` (written by
//! `python3 scripts/vectors/codeio_scores.py`) must score exactly what the
//! reference scored, bit for bit; a case where the reference raised must
//! score 0.0. `CODEIO_VECTORS=/path/to/file.jsonl` checks another file of the
//! same form (the script's `--out`), such as a bigger one-off run.

use std::time::Duration;

use datasets_code::codeio::score_answer;
use serde_json::Value;

#[test]
fn every_vector_scores_as_the_reference() {
    let path = std::env::var("CODEIO_VECTORS").unwrap_or_else(|_| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/vectors/codeio_scores.jsonl"
        )
        .into()
    });
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (mut cases, mut raised, mut failures) = (0usize, 0usize, Vec::new());
    for line in text.lines() {
        let item: Value = serde_json::from_str(line).unwrap();
        let oracle = item["oracle"].as_str().unwrap();
        for case in item["cases"].as_array().unwrap() {
            let answer = case[0].as_str();
            let want = match &case[1] {
                Value::Object(_) => {
                    raised += 1;
                    0.0
                }
                v => v.as_f64().unwrap(),
            };
            let got = score_answer(answer, oracle);
            cases += 1;
            if got.to_bits() != want.to_bits() {
                failures.push(format!(
                    "oracle {oracle:?} answer {answer:?}: want {want:?} ({}), got {got:?}",
                    case[1]
                ));
            }
        }
    }
    eprintln!(
        "{path}: {cases} cases ({raised} where the reference raises), {} differ",
        failures.len()
    );
    assert!(cases > 0);
    assert!(
        failures.is_empty(),
        "{} of {cases} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}

/// CPU time of this thread, which other work on the machine does not inflate.
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0);
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Hostile answers finish quickly (100 ms of CPU in a release build; a debug
/// build gets ten times as long) and never overflow the stack.
#[test]
fn hostile_answers_are_cheap() {
    let limit = Duration::from_millis(if cfg!(debug_assertions) { 1000 } else { 100 });
    let oracle_small = r#"{"result": [1, 2, 3], "name": "abc"}"#;
    let oracle_list = serde_json::to_string(&(0..1500).collect::<Vec<_>>()).unwrap();
    let oracle_list = format!(r#"{{"values": {oracle_list}}}"#);
    let megabyte = 1 << 20;
    let mut cases: Vec<(String, &str, &str)> = vec![
        ("[".repeat(100_000), oracle_small, "10^5 open brackets"),
        (
            format!("{{\"a\": {}1{}}}", "[".repeat(100_000), "]".repeat(100_000)),
            oracle_small,
            "10^5-deep list",
        ),
        (
            "{\"a\":".repeat(100_000) + &"}".repeat(100_000),
            oracle_small,
            "10^5-deep dict",
        ),
        (
            format!("{{\"a\": {}}}", "9".repeat(megabyte)),
            oracle_small,
            "a megabyte-long int",
        ),
        (
            format!("{{\"a\": {}.5}}", "9".repeat(megabyte)),
            oracle_small,
            "a megabyte-long float",
        ),
        (
            format!("{{\"a\": \"{}\"}}", "x".repeat(megabyte)),
            oracle_small,
            "a megabyte-long string",
        ),
        (
            format!("{{\"result\": \"{}\"}}", "1".repeat(megabyte)),
            oracle_small,
            "a megabyte of digits in a string",
        ),
        (
            format!("{{\"a\": [{}0]}}", "0, ".repeat(megabyte / 3)),
            oracle_small,
            "350k zeros",
        ),
        (
            format!("{{\"values\": [{}0]}}", "0, ".repeat(megabyte / 3)),
            &oracle_list,
            "350k zeros vs 1500",
        ),
        (
            format!(
                "{{\"values\": [{}]}}",
                (0..1500)
                    .map(|i| format!("\"{}{i}\"", "y".repeat(600)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            &oracle_list,
            "1500 long strings vs 1500 ints",
        ),
        (
            format!(
                "{{\"values\": [{}]}}",
                (0..1501)
                    .map(|i| (i * 7).to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            &oracle_list,
            "1501 ints vs 1500",
        ),
        (
            "{".repeat(megabyte / 2) + &"}".repeat(megabyte / 2),
            oracle_small,
            "braces",
        ),
        (
            format!("x{}y", "{}".repeat(megabyte / 2)),
            oracle_small,
            "empty objects",
        ),
    ];
    // Lists the exact distance starts on and gives up on (the labels are too
    // long), and lists just within the budget.
    let ints = |n: usize, k: usize| {
        format!(
            "{{\"values\": [{}]}}",
            (0..n)
                .map(|i| (i * k).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let long_strings = |n: usize, len: usize| {
        let items: Vec<String> = (0..n)
            .map(|i| format!("\"{}{i}\"", "y".repeat(len)))
            .collect();
        format!("{{\"values\": [{}]}}", items.join(", "))
    };
    let oracle_700 = ints(700, 1);
    let oracle_850 = ints(850, 1);
    cases.push((
        long_strings(700, 1400),
        &oracle_700,
        "700 strings of 1400 vs 700 ints",
    ));
    cases.push((
        long_strings(700, 40),
        &oracle_700,
        "700 strings of 40 vs 700 ints",
    ));
    cases.push((ints(850, 7), &oracle_850, "850 ints vs 850"));
    // A comb: every node has a leaf child and a deeper chain, the keyroot-heavy shape.
    let mut comb = String::from("1");
    for i in 0..300 {
        comb = format!("{{\"k{i}\": {comb}, \"l\": [{i}]}}");
    }
    cases.push((comb.clone(), oracle_small, "comb of 300"));
    cases.push((comb.clone(), &comb, "comb vs itself"));
    let comb_changed = comb.replacen("[299]", "[298]", 1);
    cases.push((comb_changed, &comb, "comb vs changed comb"));
    for (answer, oracle, what) in &cases {
        let start = thread_cpu_time();
        let score = score_answer(Some(answer), oracle);
        let took = thread_cpu_time() - start;
        eprintln!("{what}: {score} in {took:?}");
        assert!((0.0..=1.0).contains(&score), "{what}: {score}");
        assert!(took < limit, "{what} took {took:?}");
    }
}
