//! Embeds the curricula: every `curricula/<name>.json` (written from the
//! reference by `scripts/vectors/curricula.py`) becomes an entry of a sorted
//! table of `(name, text)`, so a curriculum added by rerunning the script
//! needs no code.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("curricula");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<(String, String)> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter_map(|p| {
                let stem = p.file_stem()?.to_str()?.to_string();
                Some((stem, p.display().to_string()))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    let mut out = String::from("&[\n");
    for (name, path) in &files {
        println!("cargo:rerun-if-changed={path}");
        writeln!(out, "    ({name:?}, include_str!({path:?})),").expect("writing to a String");
    }
    out.push(']');
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("curricula.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
