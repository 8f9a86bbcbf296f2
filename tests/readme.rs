//! The README's reference sections must agree with the code they describe:
//! the dataset table with `rgym list --markdown`, the metrics table with
//! `crates/server/src/metrics.rs`, the config table with `config/default.toml`.
//!
//! `RGYM_UPDATE_README=1 cargo test --test readme` rewrites the dataset table.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

const BEGIN: &str = "<!-- BEGIN rgym list --markdown -->\n";
const END: &str = "<!-- END rgym list --markdown -->";

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo_file(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn dataset_table_is_rgym_list_markdown() {
    let out = Command::new(env!("CARGO_BIN_EXE_rgym"))
        .args(["list", "--markdown"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let readme = read("README.md");
    let start = readme.find(BEGIN).expect("README has the BEGIN marker") + BEGIN.len();
    let end = start
        + readme[start..]
            .find(END)
            .expect("README has the END marker");
    if readme[start..end] == table {
        return;
    }
    if std::env::var_os("RGYM_UPDATE_README").is_some() {
        let updated = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(repo_file("README.md"), updated).unwrap();
        return;
    }
    panic!(
        "README.md's dataset table differs from `rgym list --markdown`; \
         rewrite it with `RGYM_UPDATE_README=1 cargo test --test readme`"
    );
}

/// The `rgym_*` names quoted in `text`.
fn metric_names(text: &str, quote: char) -> BTreeSet<String> {
    text.split(quote)
        .skip(1)
        .step_by(2)
        .filter(|s| s.starts_with("rgym_") && s.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        .map(str::to_string)
        .collect()
}

#[test]
fn metrics_table_lists_exactly_the_exported_metrics() {
    let code = metric_names(&read("crates/server/src/metrics.rs"), '"');
    assert!(code.len() > 5, "no metric names found in metrics.rs");
    let readme = metric_names(&read("README.md"), '`');
    assert_eq!(readme, code, "README's metrics table vs metrics.rs");
}

#[test]
fn config_table_lists_every_key_of_default_toml() {
    let keys: Vec<String> = read("config/default.toml")
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .map(|(k, _)| k.trim().to_string())
        .filter(|k| !k.starts_with('#'))
        .collect();
    assert!(keys.len() > 5, "no keys found in config/default.toml");
    let readme = read("README.md");
    for key in keys {
        assert!(
            readme.contains(&format!("\n| `{key}` |")),
            "README's server configuration table lacks `{key}`"
        );
    }
}
