//! Records which datasets have golden files, so that `rgym list` reports a
//! dataset's parity from what the test suite actually checks rather than from a
//! hand-kept list that could drift.
//!
//! `tests/golden/<name>.jsonl` holds reasoning-gym's own output (checked item
//! for item by `crates/datasets/tests/golden.rs`); `tests/golden-rgym/<name>.jsonl`
//! holds committed rgym output for datasets with no Python reference.
//! A golden file whose header says `"deterministic": false` (the reference's
//! own output depends on Python's hash seed) makes its dataset `semantic`: only
//! the stable parts and the scorer are compared, rgym fixes its own order.

use std::path::Path;

fn names(dir: &str) -> Vec<String> {
    println!("cargo:rerun-if-changed={dir}");
    // A build context without the tests (a trimmed Docker context) still builds;
    // every dataset is then reported unverified, which is what that binary can know.
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

/// The golden files whose header records a reference that is not
/// deterministic. Only the first line is read: the files are large.
fn semantic(dir: &str, names: &[String]) -> Vec<String> {
    use std::io::BufRead;
    names
        .iter()
        .filter(|name| {
            let Ok(file) = std::fs::File::open(Path::new(dir).join(format!("{name}.jsonl"))) else {
                return false;
            };
            let mut header = String::new();
            let _ = std::io::BufReader::new(file).read_line(&mut header);
            header.contains("\"deterministic\":false")
        })
        .cloned()
        .collect()
}

fn main() {
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("golden.rs");
    let golden = names("tests/golden");
    let code = format!(
        "/// Datasets with a reasoning-gym golden file (`tests/golden`).\n\
         pub const GOLDEN: &[&str] = &{:?};\n\
         /// Of those, the ones whose reference is not deterministic.\n\
         pub const SEMANTIC: &[&str] = &{:?};\n\
         /// Datasets with an rgym regression file (`tests/golden-rgym`).\n\
         pub const GOLDEN_RGYM: &[&str] = &{:?};\n",
        golden,
        semantic("tests/golden", &golden),
        names("tests/golden-rgym"),
    );
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
