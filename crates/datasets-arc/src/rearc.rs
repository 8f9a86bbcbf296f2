//! rearc (`arc/rearc.py`): ARC tasks from the 400 re-arc generators, served
//! by the Python provider (`pyprovider`) until the native port lands.
//!
//! The generators (15k lines over a frozenset DSL) pick cells with
//! `rng.choice(tuple(frozenset))`, so a native port needs CPython's set table
//! layout first (issue 22). Meanwhile rgym reads and validates the config as
//! `ReArcConfig` does, asks reasoning-gym itself for the items and scores
//! natively: `score_answer` is the ARC board comparison arc_agi also uses.

use dataset_core::{config::count, Built, ConfigReader, DatasetInfo, Params, Result};
use pyprovider::ProviderDataset;
use serde_json::{Map, Value};

use crate::board_format::{score_board, BoardFormattingOptions};

/// The native port's start: rearc's DSL (`rearc_utils/dsl.py`), built on
/// `pycompat::{PySet, PyFrozenSet}` so that every set iterates in CPython's
/// order, and checked against the Python DSL function by function
/// (`scripts/vectors/rearc_dsl_vectors.py`, `tests/rearc_dsl.rs`). The
/// one-line combinators (`lbind`, `rbind`, `compose`, `fork`, `chain`,
/// `matcher`, `branch`, `power`, ...) are not functions here: a generator
/// writes them as Rust closures; the arithmetic that floors (`halve`,
/// `divide`, Python's `//` and `%`) is, as are the vector forms of `add`,
/// `subtract`, `multiply`, `sign`, `crement` and `invert`.
pub mod dsl;
/// The generators ported so far (`ported_generators()`), with rearc's
/// generator plumbing (`unifint`, `get_pso_difficulty`, the task ids in
/// `get_generators` order), each replayed against the Python generator
/// (`scripts/vectors/rearc_generator_vectors.py`, `tests/rearc_generators.rs`).
/// Not wired into `build` yet: rearc stays on the provider until all 400
/// are native.
pub mod generators;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "rearc",
    category: "arc",
    description: "ARC tasks made by the re-arc generators: find the rule from example \
                  grid pairs (served by the Python provider)",
    config_class: "ReArcConfig",
    build,
};

/// The largest grid a re-arc generator makes (`is_grid`: at most 30 x 30).
const MAX_CELLS: u128 = 30 * 30;

/// A `list[tuple[float, float]]` field as JSON: a list of two-number lists.
fn ranges(given: Option<&Value>) -> std::result::Result<Option<usize>, ()> {
    let Some(given) = given else { return Ok(None) };
    let list = given.as_array().ok_or(())?;
    for pair in list {
        match pair.as_array().map(Vec::as_slice) {
            Some([lo, hi]) if lo.is_number() && hi.is_number() => {}
            _ => return Err(()),
        }
    }
    Ok(Some(list.len()))
}

/// A `list[float]` field as JSON.
fn weights(given: Option<&Value>) -> std::result::Result<Option<usize>, ()> {
    let Some(given) = given else { return Ok(None) };
    let list = given.as_array().ok_or(())?;
    if list.iter().all(Value::is_number) {
        Ok(Some(list.len()))
    } else {
        Err(())
    }
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_examples = r.int("min_examples", 3);
    let max_examples = r.int("max_examples", 5);
    let (diff_lb, diff_lb_given) = r.float_as_given("diff_lb", 0.0);
    let (diff_ub, diff_ub_given) = r.float_as_given("diff_ub", 0.2);
    let opts_given = r.raw("board_format_opts");
    let lists = [
        ("rng_difficulty_ranges", r.raw("rng_difficulty_ranges")),
        ("rng_difficulty_weights", r.raw("rng_difficulty_weights")),
        ("pso_difficulty_ranges", r.raw("pso_difficulty_ranges")),
        ("pso_difficulty_weights", r.raw("pso_difficulty_weights")),
    ];
    let v = r.finish()?;
    let opts = match opts_given {
        None => BoardFormattingOptions::default(),
        Some(given) => BoardFormattingOptions::from_json(given)
            .map_err(dataset_core::DatasetError::InvalidConfig)?,
    };
    // The lengths of the four lists (None: the default, seven of each).
    let mut lengths = [None; 4];
    for (i, (name, given)) in lists.iter().enumerate() {
        let checked = if name.ends_with("ranges") {
            ranges(*given)
        } else {
            weights(*given)
        };
        lengths[i] = checked.map_err(|()| {
            dataset_core::DatasetError::InvalidConfig(format!(
                "ReArcConfig: {name} must be a list of {}",
                if name.ends_with("ranges") {
                    "[low, high] number pairs"
                } else {
                    "numbers"
                }
            ))
        })?;
    }
    let len = |i: usize| lengths[i].unwrap_or(7);

    // `ReArcConfig.validate`, in its order and with its messages.
    v.ensure(min_examples > 0, "min_examples must be positive")?;
    v.ensure(
        min_examples <= max_examples,
        "min_examples must be <= max_examples",
    )?;
    v.ensure(diff_lb <= diff_ub, "diff_lb must be <= diff_ub.")?;
    v.ensure(p.size > 0, "Size of dataset must be positive.")?;
    v.ensure(
        len(0) == len(1),
        "rng_difficulty_ranges and rng_difficulty_weights must have the same length.",
    )?;
    v.ensure(
        len(2) == len(3),
        "pso_difficulty_ranges and pso_difficulty_weights must have the same length.",
    )?;
    // Every example shows two grids of at most 30 x 30 cells, the test input
    // one more.
    v.ensure_item_size(
        (2 * count(max_examples) + 2)
            .saturating_mul(MAX_CELLS)
            .saturating_mul(opts.cell_chars() as u128),
        "(2 * max_examples + 2) * 900 cells * the longest board_format_opts symbol and delimiters",
    )?;

    // The config as given, for `ReArcConfig(**config)` in the worker.
    let mut config = Map::new();
    config.insert("min_examples".into(), Value::from(min_examples));
    config.insert("max_examples".into(), Value::from(max_examples));
    config.insert("diff_lb".into(), diff_lb_given);
    config.insert("diff_ub".into(), diff_ub_given);
    if opts_given.is_some() {
        config.insert("board_format_opts".into(), opts.to_json());
    }
    for (name, given) in lists {
        if let Some(given) = given {
            config.insert(name.into(), given.clone());
        }
    }
    v.done(ProviderDataset::new(
        INFO.name,
        config,
        &p,
        move |answer, item| score_board(answer, item.metadata.get("output"), &opts),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, dataset, refused};
    use dataset_core::{Item, Metadata};
    use serde_json::json;

    #[test]
    fn validate_refuses_as_the_reference_does() {
        let no = |config| refused(&INFO, config);
        assert_eq!(
            no(json!({"min_examples": 0})),
            "min_examples must be positive"
        );
        assert_eq!(
            no(json!({"min_examples": 6})),
            "min_examples must be <= max_examples"
        );
        assert_eq!(
            no(json!({"diff_lb": 0.5, "diff_ub": 0.1})),
            "diff_lb must be <= diff_ub."
        );
        assert_eq!(
            no(json!({"rng_difficulty_weights": [1, 0]})),
            "rng_difficulty_ranges and rng_difficulty_weights must have the same length."
        );
        assert_eq!(
            no(json!({"pso_difficulty_ranges": [[0, 1]]})),
            "pso_difficulty_ranges and pso_difficulty_weights must have the same length."
        );
        assert!(
            no(json!({"pso_difficulty_ranges": [[0]], "pso_difficulty_weights": [1]}))
                .contains("pso_difficulty_ranges must be a list of [low, high] number pairs")
        );
        assert!(no(json!({"shots": 3})).contains("unexpected keyword argument 'shots'"));
        // Thousands of examples would make a question of tens of megabytes.
        assert!(no(json!({"max_examples": 100_000})).contains("rgym's limit"));
        accepted(
            &INFO,
            json!({"pso_difficulty_ranges": [[0, 0.5]], "pso_difficulty_weights": [1]}),
        );
    }

    #[test]
    fn scores_the_board_as_the_reference_does() {
        let ds = dataset(&INFO, json!({}));
        let metadata = json!({"output": [[1, 2], [3, 4]]});
        let item = Item {
            question: String::new(),
            answer: "1 2\n3 4".into(),
            metadata: Metadata::from(metadata.as_object().cloned().unwrap_or_default()),
        };
        let score = |a: Option<&str>| ds.score(a, &item);
        assert_eq!(score(Some("1 2\n3 4")), 1.0);
        assert_eq!(score(Some("Shape: 2x2\n 1 2 \n3 4\n")), 1.0);
        assert_eq!(score(Some("1 2\n3 5")), 0.05);
        assert_eq!(score(Some("1 x\n3 4")), 0.0);
        assert_eq!(score(None), 0.0);
    }
}
