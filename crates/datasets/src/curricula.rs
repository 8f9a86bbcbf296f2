//! Every dataset's curriculum, as reasoning-gym 0.1.25 defines it: the data
//! files `crates/datasets/curricula/<name>.json` (one per dataset that has a
//! curriculum in the reference, written by `scripts/vectors/curricula.py`),
//! embedded by `build.rs` and read once, on first use.
//! `dataset_core::curriculum` gives them their semantics;
//! `tests/curricula.rs` checks every derived config against the reference's.

use std::sync::OnceLock;

use dataset_core::curriculum::Curriculum;

/// `(dataset name, data file text)`, sorted by name.
const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/curricula.rs"));

fn all() -> &'static [Curriculum] {
    static ALL: OnceLock<Vec<Curriculum>> = OnceLock::new();
    ALL.get_or_init(|| {
        FILES
            .iter()
            .map(|(name, text)| {
                // The files are the script's output, every one read by the
                // test suite: a broken one is a build defect, not input.
                let c = Curriculum::parse(text)
                    .unwrap_or_else(|e| panic!("curricula/{name}.json: {e}"));
                assert_eq!(
                    c.dataset, *name,
                    "curricula/{name}.json names another dataset"
                );
                c
            })
            .collect()
    })
}

/// The curriculum of dataset `name` (`reasoning_gym.create_curriculum`),
/// if the reference defines one.
pub fn curriculum(name: &str) -> Option<&'static Curriculum> {
    let all = all();
    all.binary_search_by(|c| c.dataset.as_str().cmp(name))
        .ok()
        .map(|i| &all[i])
}

/// The names of the datasets that have a curriculum, sorted.
pub fn with_curriculum() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(name, _)| *name)
}
