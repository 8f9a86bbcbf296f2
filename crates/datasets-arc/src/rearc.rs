//! rearc (`arc/rearc.py`): ARC tasks from the 400 re-arc generators.
//!
//! The generators (15k lines over a frozenset DSL) pick cells with
//! `rng.choice(tuple(frozenset))`, so the native port stands on CPython's set
//! table layout (`pycompat::PySet`). rgym reads and validates the config as
//! `ReArcConfig` does and scores natively (`score_answer` is the ARC board
//! comparison arc_agi also uses). Items are made natively (`ReArc`, the
//! reference's `__getitem__`) from the 400 generators of `generators`, each
//! replayed against Python (`tests/rearc_generators.rs`); whole items are
//! checked by the golden file. `python_provider_datasets` can still route
//! rearc to reasoning-gym itself.

use dataset_core::{
    config::count, item_rng, Built, ConfigReader, CumWeights, Dataset, DatasetError, DatasetInfo,
    Item, Params, Random, Result, Seed, Weight,
};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::board_format::{
    score_board, write_board, BoardFormattingOptions, PROMPT_HEAD, PROMPT_MIDDLE,
};
use generators::{get_pso_difficulty, Example, GenRng, Generator, TASK_IDS};

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
/// The 400 generators, with rearc's generator plumbing (`unifint`,
/// `get_pso_difficulty`, the task ids in `get_generators` order), each
/// replayed against the Python generator
/// (`scripts/vectors/rearc_generator_vectors.py`, `tests/rearc_generators.rs`).
pub mod generators;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "rearc",
    category: "arc",
    description: "ARC tasks made by the re-arc generators: find the rule from example \
                  grid pairs",
    config_class: "ReArcConfig",
    build,
};

/// The largest grid a re-arc generator makes (`is_grid`: at most 30 x 30).
const MAX_CELLS: u128 = 30 * 30;

/// `RNG_DIFFICULTY_LEVELS`, whose consecutive pairs are the default
/// `rng_difficulty_ranges`.
const RNG_DIFFICULTY_LEVELS: [f64; 8] = [0.0, 0.025, 0.05, 0.075, 0.1, 0.125, 0.15, 0.2];
/// `PSO_DIFFICULTY_LEVELS`, likewise for `pso_difficulty_ranges`.
const PSO_DIFFICULTY_LEVELS: [f64; 8] = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 1.0];

/// Tries of `__getitem__`'s `while True` loop before rgym gives up: the
/// reference loops for ever when no task can meet the drawn PSO range (a
/// range outside (0, 1], say); a try that succeeds one time in a hundred
/// thousand is as good as never.
const MAX_TRIES: u32 = 100_000;

/// A `list[tuple[float, float]]` field as JSON (a list of two-number
/// lists), or the default made of `levels`' consecutive pairs.
fn ranges(given: Option<&Value>, levels: &[f64; 8]) -> std::result::Result<Vec<(f64, f64)>, ()> {
    let Some(given) = given else {
        return Ok(levels.windows(2).map(|w| (w[0], w[1])).collect());
    };
    given
        .as_array()
        .ok_or(())?
        .iter()
        .map(|pair| match pair.as_array().map(Vec::as_slice) {
            Some([lo, hi]) => Ok((lo.as_f64().ok_or(())?, hi.as_f64().ok_or(())?)),
            _ => Err(()),
        })
        .collect()
}

/// A `list[float]` field as JSON, as Python's `choices` sees it (JSON
/// integers stay ints), or the default `[1 / 7] * 7`.
fn weights(given: Option<&Value>) -> std::result::Result<Vec<Weight>, ()> {
    let Some(given) = given else {
        return Ok(vec![Weight::Float(1.0 / 7.0); 7]);
    };
    given
        .as_array()
        .ok_or(())?
        .iter()
        .map(|w| match w.as_i64() {
            Some(n) => Ok(Weight::Int(n)),
            None => w.as_f64().map(Weight::Float).ok_or(()),
        })
        .collect()
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_examples = r.int("min_examples", 3);
    let max_examples = r.int("max_examples", 5);
    let diff_lb = r.float("diff_lb", 0.0);
    let diff_ub = r.float("diff_ub", 0.2);
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
    let bad = |name: &str, what: &str| {
        DatasetError::InvalidConfig(format!("ReArcConfig: {name} must be a list of {what}"))
    };
    let pairs = "[low, high] number pairs";
    let rng_ranges =
        ranges(lists[0].1, &RNG_DIFFICULTY_LEVELS).map_err(|()| bad(lists[0].0, pairs))?;
    let rng_weights = weights(lists[1].1).map_err(|()| bad(lists[1].0, "numbers"))?;
    let pso_ranges =
        ranges(lists[2].1, &PSO_DIFFICULTY_LEVELS).map_err(|()| bad(lists[2].0, pairs))?;
    let pso_weights = weights(lists[3].1).map_err(|()| bad(lists[3].0, "numbers"))?;

    // `ReArcConfig.validate`, in its order and with its messages.
    v.ensure(min_examples > 0, "min_examples must be positive")?;
    v.ensure(
        min_examples <= max_examples,
        "min_examples must be <= max_examples",
    )?;
    v.ensure(diff_lb <= diff_ub, "diff_lb must be <= diff_ub.")?;
    v.ensure(p.size > 0, "Size of dataset must be positive.")?;
    v.ensure(
        rng_ranges.len() == rng_weights.len(),
        "rng_difficulty_ranges and rng_difficulty_weights must have the same length.",
    )?;
    v.ensure(
        pso_ranges.len() == pso_weights.len(),
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

    let default_weights = || Value::from(vec![1.0 / 7.0; 7]);
    let mut difficulty = Map::new();
    difficulty.insert(
        "rng_difficulty_weights".into(),
        lists[1].1.cloned().unwrap_or_else(default_weights),
    );
    difficulty.insert(
        "pso_difficulty_weights".into(),
        lists[3].1.cloned().unwrap_or_else(default_weights),
    );
    v.done(ReArc {
        seed: p.seed,
        min_examples,
        max_examples,
        diff_lb,
        diff_ub,
        rng_ranges,
        rng_weights: Weighted::new(&rng_weights),
        pso_ranges,
        pso_weights: Weighted::new(&pso_weights),
        difficulty: Value::Object(difficulty),
        opts,
        max_tries: MAX_TRIES,
    })
}

/// The native dataset: `ReArcDataset.__getitem__`.
struct ReArc {
    seed: Seed,
    min_examples: i64,
    max_examples: i64,
    diff_lb: f64,
    diff_ub: f64,
    rng_ranges: Vec<(f64, f64)>,
    rng_weights: Weighted,
    pso_ranges: Vec<(f64, f64)>,
    pso_weights: Weighted,
    /// `{"rng_difficulty_weights", "pso_difficulty_weights"}` as given.
    difficulty: Value,
    opts: BoardFormattingOptions,
    /// [`MAX_TRIES`] (a field so that tests can reach it quickly).
    max_tries: u32,
}

/// The item's metadata, in the reference dict's order (the source keys
/// come first, written by the caller).
#[derive(Serialize)]
struct Meta<'a> {
    input: &'a [Vec<i64>],
    output: &'a [Vec<i64>],
    task_id: &'a str,
    rng: f64,
    pso: f64,
    difficulty: &'a Value,
}

/// `rng.choices(population, weights=weights, k=1)[0]`, as an index, with
/// the cumulative weights made once per dataset rather than once per draw
/// (an item draws once per try). Bad weights fail each draw as in Python;
/// an empty population is `cum_weights[-1]`'s `IndexError`.
struct Weighted(std::result::Result<CumWeights, DatasetError>);

impl Weighted {
    fn new(weights: &[Weight]) -> Self {
        Weighted(if weights.is_empty() {
            Err(DatasetError::Generation("list index out of range".into()))
        } else {
            CumWeights::new(weights).map_err(DatasetError::from)
        })
    }

    fn choose(&self, rng: &mut Random) -> Result<usize> {
        match &self.0 {
            Ok(cum) => Ok(rng.choice_cum(cum)),
            Err(e) => Err(e.clone()),
        }
    }
}

/// `format_board(grid, opts)` appended to `out`.
fn write_grid(out: &mut String, grid: &dsl::Grid, opts: &BoardFormattingOptions) -> Result<()> {
    write_board(out, grid.iter().map(Vec::as_slice), opts)
}

impl ReArc {
    /// `__getitem__`: a PSO range, then tasks until one falls in it, then
    /// `format_rearc_input`'s examples from the same generator.
    fn write_item(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = GenRng::new(item_rng(&self.seed, idx));
        let (pso_lo, pso_hi) = self.pso_ranges[self.pso_weights.choose(&mut rng.rng)?];
        let mut found: Option<(&str, Generator, Example, f64)> = None;
        for _ in 0..self.max_tries {
            let task_id = *rng.rng.choice(&TASK_IDS)?;
            let generate = generators::generator(task_id).ok_or_else(|| {
                DatasetError::Generation(format!("rearc generator {task_id} is not ported"))
            })?;
            let (lb, ub) = self.rng_ranges[self.rng_weights.choose(&mut rng.rng)?];
            let task = generate(&mut rng, lb, ub)?;
            let pso = get_pso_difficulty(&task);
            if pso_lo <= pso && pso <= pso_hi {
                found = Some((task_id, generate, task, pso));
                break;
            }
        }
        let Some((task_id, generate, task, pso)) = found else {
            return Err(DatasetError::Generation(format!(
                "no re-arc task met the PSO difficulty range ({pso_lo}, {pso_hi}) in {} tries \
                 (reasoning-gym would keep trying for ever)",
                self.max_tries
            )));
        };
        // `get_rng_difficulty`: the mean of every `unifint` draw so far (the
        // rejected tasks' too), Python's left-to-right float sum; then reset.
        let samples = std::mem::take(&mut rng.difficulty_samples);
        let rng_difficulty = if samples.is_empty() {
            0.0
        } else {
            samples.iter().fold(0.0, |sum, &x| sum + x) / samples.len() as f64
        };

        let question = &mut item.question;
        question.clear();
        question.push_str(PROMPT_HEAD);
        let num_examples = rng.rng.randint(self.min_examples, self.max_examples)?;
        for i in 1..=num_examples {
            let pair = generate(&mut rng, self.diff_lb, self.diff_ub)?;
            question.push_str("Example ");
            question.push_str(itoa::Buffer::new().format(i));
            question.push_str(":\n\nInput:\n");
            write_grid(question, &pair.input, &self.opts)?;
            question.push_str("\nOutput:\n");
            write_grid(question, &pair.output, &self.opts)?;
            question.push_str("\n\n");
        }
        question.push_str(PROMPT_MIDDLE);
        write_grid(question, &task.input, &self.opts)?;
        question.push('\n');
        item.answer.clear();
        write_grid(&mut item.answer, &task.output, &self.opts)?;
        item.metadata.set_from_serialize(&Meta {
            input: &task.input,
            output: &task.output,
            task_id,
            rng: rng_difficulty,
            pso,
            difficulty: &self.difficulty,
        });
        Ok(())
    }
}

impl Dataset for ReArc {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        self.write_item(idx, item)
    }

    /// `parse_board(answer) == metadata["output"]`: 1.0; parsed but
    /// different 0.05; unparsable (or no answer) 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score_board(answer, item.metadata.get("output"), &self.opts)
    }
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

    /// A `ReArc` over one PSO range, with few tries.
    fn with_pso(pso_ranges: Vec<(f64, f64)>, pso_weights: Vec<Weight>) -> ReArc {
        ReArc {
            seed: Seed::from(1),
            min_examples: 1,
            max_examples: 1,
            diff_lb: 0.0,
            diff_ub: 0.2,
            rng_ranges: vec![(0.0, 0.2)],
            rng_weights: Weighted::new(&[Weight::Int(1)]),
            pso_ranges,
            pso_weights: Weighted::new(&pso_weights),
            difficulty: Value::Null,
            opts: BoardFormattingOptions::default(),
            max_tries: 20,
        }
    }

    #[test]
    fn an_unreachable_pso_range_is_an_error_not_a_hang() {
        // PSO difficulty is at most 1: the reference's `while True` would
        // never end.
        let err = with_pso(vec![(5.0, 6.0)], vec![Weight::Int(1)])
            .generate(0)
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("(5, 6) in 20 tries"), "{err}");
        // A reachable one makes an item within the same budget.
        assert!(with_pso(vec![(0.0, 1.0)], vec![Weight::Int(1)])
            .generate(0)
            .is_ok());
    }

    #[test]
    fn bad_weights_fail_as_the_reference_does() {
        let err = |weights| {
            with_pso(vec![(0.0, 1.0); 2], weights)
                .generate(0)
                .map(|_| ())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err(vec![Weight::Int(0), Weight::Int(0)]),
            "Total of weights must be greater than zero"
        );
        // `rng.choices([], weights=[])`: `cum_weights[-1]`.
        let empty = with_pso(Vec::new(), Vec::new()).generate(0).map(|_| ());
        assert_eq!(empty.unwrap_err().to_string(), "list index out of range");
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
