//! The registry collects every category crate.
//!
//! Each `crates/datasets-<category>` directory is a workspace member (the
//! workspace takes `crates/*`), but its datasets are only reachable once
//! `registry()` concatenates its `DATASETS`. A crate left out compiles, tests
//! and is silently never served, so a category crate is created with its first
//! dataset and registered in the same change, and this test holds both sides:
//! every such crate contributes a dataset, and every category has its crate.

use std::collections::BTreeSet;
use std::path::Path;

/// `<category>` of every `crates/datasets-<category>` directory.
fn category_crates() -> BTreeSet<String> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read_dir(&crates)
        .expect("crates/ is readable")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.join("Cargo.toml").is_file())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            Some(name.strip_prefix("datasets-")?.to_string())
        })
        .collect()
}

#[test]
fn every_category_crate_contributes_to_the_registry() {
    let crates = category_crates();
    assert!(crates.len() >= 9, "only {crates:?} found");
    let registered: BTreeSet<&str> = datasets::registry().iter().map(|d| d.category).collect();
    for category in &crates {
        assert!(
            registered.contains(category.as_str()),
            "crates/datasets-{category} is a workspace member but registry() has no dataset \
             of category {category:?}: add its DATASETS to registry() (crates/datasets/src/lib.rs)"
        );
    }
    for category in registered {
        assert!(
            category == "composite" || crates.contains(category),
            "category {category:?} has no crates/datasets-{category}"
        );
    }
}

#[test]
fn names_are_unique_and_sorted() {
    let names: Vec<&str> = datasets::registry().iter().map(|d| d.name).collect();
    assert!(
        names.windows(2).all(|w| w[0] < w[1]),
        "registry() must be sorted by name without repeats (info() bisects it): {names:?}"
    );
}

/// The Python provider's list names registered datasets only (a typo there
/// would silently treat a native dataset as provided, or miss one).
#[test]
fn python_provided_datasets_are_registered() {
    for name in datasets::PYTHON_PROVIDED {
        assert!(datasets::info(name).is_some(), "{name} is not registered");
    }
}
