//! Absurd sizes in a config get a clear error, never an abort or a runaway.
//!
//! For every registered dataset and every integer field of its config (from
//! `rgym describe --json`), `rgym generate` is run for one item with that
//! field at 10^9 (a `max_*` together with its `min_*`), in a child process
//! limited to 3 GiB of address space. It must exit 0 (the value is harmless)
//! or 1 with an error message, within a few seconds. An abort on a failed
//! allocation would take a whole server down, and a generator still running
//! after the server's time limit keeps burning a core; both are what
//! `dataset_core::Validator::ensure_item_size` is for.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Map, Value};

const BIG: i64 = 1_000_000_000;
/// The debug build is slow; a refused config answers in milliseconds.
const LIMIT: Duration = Duration::from_secs(20);

fn rgym(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_rgym"))
        .args(args)
        .output()
        .expect("rgym runs");
    assert!(out.status.success(), "rgym {args:?} failed");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The configs to try for one dataset: each integer field at `BIG`.
fn configs(describe: &Value) -> Vec<Map<String, Value>> {
    let fields: Vec<&str> = describe["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["type"] == "int")
        .filter_map(|f| f["name"].as_str())
        .collect();
    let mut out = Vec::new();
    for &name in &fields {
        let mut config = Map::new();
        if let Some(rest) = name.strip_prefix("min_") {
            if fields.contains(&format!("max_{rest}").as_str()) {
                continue; // covered with its max_
            }
        }
        config.insert(name.into(), json!(BIG));
        if let Some(rest) = name.strip_prefix("max_") {
            let min = format!("min_{rest}");
            if fields.contains(&min.as_str()) {
                config.insert(min, json!(BIG));
            }
        }
        out.push(config);
    }
    out
}

/// Runs one generation; `None` if it ended cleanly, else what went wrong.
fn probe(dataset: &str, config: &Map<String, Value>) -> Option<String> {
    let config = Value::Object(config.clone()).to_string();
    let script = format!(
        "ulimit -v 3145728; exec \"$0\" generate {dataset} --seed 1 --size 1 --config '{config}'"
    );
    let mut child = Command::new("bash")
        .args(["-c", &script, env!("CARGO_BIN_EXE_rgym")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("bash runs");
    let start = Instant::now();
    loop {
        match child.try_wait().expect("wait") {
            Some(status) => {
                return match status.code() {
                    Some(0 | 1) => None,
                    _ => Some(format!("{dataset} {config}: {status}")),
                };
            }
            None if start.elapsed() > LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Some(format!("{dataset} {config}: still running after {LIMIT:?}"));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

#[test]
fn absurd_sizes_are_refused_cleanly() {
    let listed = rgym(&["list", "--json"]);
    let names: Vec<String> = listed
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|d| d["name"].as_str())
        .filter(|n| *n != "composite")
        .map(String::from)
        .collect();
    let jobs: Vec<(String, Map<String, Value>)> = names
        .iter()
        .flat_map(|n| {
            configs(&rgym(&["describe", n, "--json"]))
                .into_iter()
                .map(move |c| (n.clone(), c))
        })
        .collect();
    assert!(jobs.len() > 100, "only {} configs", jobs.len());
    // Two at a time: the machines this runs on have two cores.
    let run = |part: &[(String, Map<String, Value>)]| {
        part.iter()
            .filter_map(|(n, c)| probe(n, c))
            .collect::<Vec<_>>()
    };
    let (a, b) = jobs.split_at(jobs.len() / 2);
    let failures: Vec<String> = std::thread::scope(|s| {
        let first = s.spawn(|| run(a));
        let mut failures = run(b);
        failures.extend(first.join().expect("probe thread"));
        failures
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
