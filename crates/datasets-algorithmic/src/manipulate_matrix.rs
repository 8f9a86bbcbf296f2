//! `manipulate_matrix`: a digit matrix through a chain of rotations, mirrors,
//! value maps, crops and row/column removals.
//!
//! Each transform is drawn by `rng.choices(transforms, weights=softmax(w))`,
//! where the reference lists the transforms and the weights in different
//! orders (`zero_divisible` is 7th among the transforms, its weight last): the
//! transform at position `t` gets the `t`-th weight, which rgym keeps.
//!
//! The softmax is numpy's: `np.exp` of each weight over the pairwise `np.sum`.
//! On AVX-512 machines numpy's vectorised `exp` can differ from the C
//! library's (which rgym uses) by one unit in the last place; that changes a
//! transform only if `random() * total` falls within a few ULPs of a
//! cumulative weight, about 1e-15 per draw.

use std::ops::Range;

use dataset_core::config::count;
use dataset_core::score::exact_or_contained;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed, Weight,
};
use pycompat::{py_split, py_strip};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "manipulate_matrix",
    category: "algorithmic",
    description: "Apply a series of rotations, mirrors, maps and crops to a matrix",
    config_class: "ManipulateMatrixConfig",
    build,
};

/// `_all_transforms`, in the reference's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Transform {
    Rotate,
    Hmirror,
    Vmirror,
    Dmirror,
    Cmirror,
    Map,
    ZeroDivisible,
    Crop,
    RemoveEveryNthRow,
    RemoveEveryNthCol,
}

const TRANSFORMS: [Transform; 10] = [
    Transform::Rotate,
    Transform::Hmirror,
    Transform::Vmirror,
    Transform::Dmirror,
    Transform::Cmirror,
    Transform::Map,
    Transform::ZeroDivisible,
    Transform::Crop,
    Transform::RemoveEveryNthRow,
    Transform::RemoveEveryNthCol,
];

/// The weight fields, in the order the reference builds its weight array.
const WEIGHT_FIELDS: [&str; 10] = [
    "w_rotate",
    "w_hmirror",
    "w_vmirror",
    "w_dmirror",
    "w_cmirror",
    "w_map",
    "w_crop",
    "w_remove_every_nth_row",
    "w_remove_every_nth_col",
    "w_zero_divisible",
];

/// Draws in a row that add no operation before rgym gives up on an item the
/// reference would spend hours or forever on (only the two removals can skip,
/// and only once the matrix is down to one row or column).
const MAX_SKIPPED_DRAWS: u32 = 1_000_000;

struct ManipulateMatrix {
    seed: Seed,
    min_rows: i64,
    min_cols: i64,
    max_rows: i64,
    max_cols: i64,
    min_transforms: i64,
    max_transforms: i64,
    /// `np.exp(w) / np.sum(np.exp(w))`.
    softmax: [Weight; 10],
}

/// `np.sum` of ten float64s: numpy's pairwise summation, which for fewer than
/// 128 elements adds eight interleaved partial sums, combines them as a tree,
/// then adds the tail one by one.
fn np_sum10(a: &[f64; 10]) -> f64 {
    ((a[0] + a[1]) + (a[2] + a[3])) + ((a[4] + a[5]) + (a[6] + a[7])) + a[8] + a[9]
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_rows = r.int("min_rows", 2);
    let min_cols = r.int("min_cols", 2);
    let max_rows = r.int("max_rows", 10);
    let max_cols = r.int("max_cols", 10);
    let min_transforms = r.int("min_transforms", 1);
    let max_transforms = r.int("max_transforms", 10);
    let w = WEIGHT_FIELDS.map(|name| r.float(name, 1.0));
    let v = r.finish()?;
    v.ensure(2 <= min_rows, "min_rows must be at least 2")?;
    v.ensure(2 <= min_cols, "min_cols must be at least 2")?;
    v.ensure(min_rows <= max_rows, "max_rows must be at least min_rows")?;
    v.ensure(min_cols <= max_cols, "max_cols must be at least min_cols")?;
    v.ensure(1 <= min_transforms, "min_transforms must be at least 1")?;
    v.ensure(
        min_transforms <= max_transforms,
        "max_transforms must be at least min_transforms",
    )?;
    let exp = w.map(f64::exp);
    let total = np_sum10(&exp);
    v.ensure(total > 0.0, "At least one weight must be non-zero")?;
    // Each transform touches every cell of a matrix at most max_rows * max_cols.
    let cells = count(max_rows).saturating_mul(count(max_cols));
    v.ensure_item_size(cells, "max_rows * max_cols")?;
    v.ensure_item_size(
        count(max_transforms).saturating_mul(cells),
        "max_transforms * max_rows * max_cols",
    )?;
    let softmax = exp.map(|e| Weight::Float(e / total));
    v.done(ManipulateMatrix {
        seed: p.seed,
        min_rows,
        min_cols,
        max_rows,
        max_cols,
        min_transforms,
        max_transforms,
        softmax,
    })
}

/// A matrix as one row-major buffer: transforms write into a second buffer
/// and swap, instead of building a `Vec` per row.
#[derive(Clone, Default, Debug, PartialEq)]
struct Matrix {
    rows: usize,
    cols: usize,
    cells: Vec<i64>,
}

impl Matrix {
    /// `"\n".join(" ".join(str(x) for x in row) for row in matrix)`, appended.
    fn write(&self, out: &mut String) {
        let mut digits = itoa::Buffer::new();
        for (r, row) in self.cells.chunks_exact(self.cols.max(1)).enumerate() {
            if r > 0 {
                out.push('\n');
            }
            for (c, &x) in row.iter().enumerate() {
                if c > 0 {
                    out.push(' ');
                }
                out.push_str(digits.format(x));
            }
        }
    }

    /// Output cell `(i, j)` reads `self` at `(j, i)` when `transpose`, else
    /// `(i, j)`, with the row and/or column counted from the far edge: each
    /// of the rotations and mirrors is one of these eight maps.
    fn remap(&self, out: &mut Matrix, transpose: bool, flip_rows: bool, flip_cols: bool) {
        let (h, w) = (self.rows, self.cols);
        (out.rows, out.cols) = if transpose { (w, h) } else { (h, w) };
        out.cells.clear();
        for i in 0..out.rows {
            for j in 0..out.cols {
                let (r, c) = if transpose { (j, i) } else { (i, j) };
                let r = if flip_rows { h - 1 - r } else { r };
                let c = if flip_cols { w - 1 - c } else { c };
                out.cells.push(self.cells[r * w + c]);
            }
        }
    }

    /// The rows and columns for which `keep_row` and `keep_col` hold, as
    /// `_crop` and the removals select them (0-indexed here).
    fn select(
        &self,
        out: &mut Matrix,
        keep_row: impl Fn(usize) -> bool,
        keep_col: impl Fn(usize) -> bool,
    ) {
        out.cells.clear();
        out.rows = 0;
        let mut cols = 0;
        for (r, row) in self.cells.chunks_exact(self.cols.max(1)).enumerate() {
            if !keep_row(r) {
                continue;
            }
            out.rows += 1;
            let before = out.cells.len();
            out.cells.extend(
                row.iter()
                    .enumerate()
                    .filter(|&(c, _)| keep_col(c))
                    .map(|(_, &x)| x),
            );
            cols = out.cells.len() - before;
        }
        out.cols = cols;
    }
}

/// Rows of a matrix, as the metadata lists them.
impl Serialize for Matrix {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.cells.chunks_exact(self.cols.max(1)))
    }
}

/// `"st" if n == 1 else "nd" if n == 2 else "th"` (n is at least 2).
fn ordinal_suffix(n: usize) -> &'static str {
    match n {
        1 => "st",
        2 => "nd",
        _ => "th",
    }
}

/// `_matrix_to_str` of an answer's rows as the scorer re-joins them.
fn rows_to_str(rows: impl Iterator<Item = Vec<String>>) -> String {
    rows.map(|row| row.join(" ")).collect::<Vec<_>>().join("\n")
}

/// One entry of the metadata's `operations`: `{"transform", ...its
/// parameters, "instruction"}`, the instruction being where the question
/// holds it.
struct Operation {
    transform: &'static str,
    params: Params2,
    instruction: Range<usize>,
}

/// An operation's parameters, by transform.
enum Params2 {
    None,
    Degrees(&'static str),
    Map(i64, i64),
    K(i64),
    Crop([i64; 4]),
    N(usize),
}

/// `operations` with their instructions read from the question.
struct Operations<'a>(&'a [Operation], &'a str);

impl Serialize for Operations<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|op| OperationJson(op, self.1)))
    }
}

struct OperationJson<'a>(&'a Operation, &'a str);

impl Serialize for OperationJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let op = self.0;
        let fields = match op.params {
            Params2::None => 2,
            Params2::Degrees(_) | Params2::K(_) | Params2::N(_) => 3,
            Params2::Map(..) => 4,
            Params2::Crop(_) => 6,
        };
        let mut st = s.serialize_struct("operation", fields)?;
        st.serialize_field("transform", op.transform)?;
        match op.params {
            Params2::None => {}
            Params2::Degrees(d) => st.serialize_field("degrees", d)?,
            Params2::Map(from, to) => {
                st.serialize_field("from", &from)?;
                st.serialize_field("to", &to)?;
            }
            Params2::K(k) => st.serialize_field("k", &k)?,
            Params2::Crop([row_start, row_end, col_start, col_end]) => {
                st.serialize_field("row_start", &row_start)?;
                st.serialize_field("row_end", &row_end)?;
                st.serialize_field("col_start", &col_start)?;
                st.serialize_field("col_end", &col_end)?;
            }
            Params2::N(n) => st.serialize_field("n", &n)?,
        }
        st.serialize_field("instruction", &self.1[op.instruction.clone()])?;
        st.end()
    }
}

/// The item's metadata, fields in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    matrix: &'a Matrix,
    solution: &'a Matrix,
    operations: Operations<'a>,
    rows: i64,
    cols: i64,
    num_transforms: i64,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    rows: [i64; 2],
    cols: [i64; 2],
    num_transforms: [i64; 2],
}

impl ManipulateMatrix {
    /// `_get_matrix`: `rows * cols` digits, row by row.
    fn get_matrix(rng: &mut Random, rows: usize, cols: usize) -> Result<Matrix> {
        let mut cells = Vec::with_capacity(rows * cols);
        for _ in 0..rows * cols {
            cells.push(rng.randint(0, 9)?);
        }
        Ok(Matrix { rows, cols, cells })
    }

    /// Whether every transform the weights can still pick adds nothing to a
    /// matrix of this shape: the reference would draw forever.
    fn stuck(&self, rows: usize, cols: usize) -> bool {
        TRANSFORMS.iter().zip(&self.softmax).all(|(t, w)| {
            let zero = matches!(w, Weight::Float(x) if *x == 0.0);
            zero || (*t == Transform::RemoveEveryNthRow && rows <= 1)
                || (*t == Transform::RemoveEveryNthCol && cols <= 1)
        })
    }

    /// One pass of the reference's `while` body: the transform drawn, its
    /// instruction appended to `text`, and the operation it adds (`None`,
    /// and no text, for a removal with one row or column left). `tmp` is
    /// scratch, swapped with `answer` by the transforms that move cells.
    fn apply(
        &self,
        rng: &mut Random,
        transform: Transform,
        answer: &mut Matrix,
        tmp: &mut Matrix,
        text: &mut String,
    ) -> Result<Option<Operation>> {
        let start = text.len();
        let mut digits = itoa::Buffer::new();
        let mut moved = |answer: &mut Matrix, t, fr, fc| {
            answer.remap(tmp, t, fr, fc);
            std::mem::swap(answer, tmp);
        };
        let (name, params) = match transform {
            Transform::Rotate => {
                let rotation = *rng.choice(&["90", "180", "270", "360"])?;
                match rotation {
                    // `zip(*m[::-1])`.
                    "90" => moved(answer, true, true, false),
                    "180" => moved(answer, false, true, true),
                    // `[row[::-1] for row in zip(*m[::-1])][::-1]`.
                    "270" => moved(answer, true, false, true),
                    // "360": `_identity`.
                    _ => {}
                }
                for piece in ["- Rotate the matrix ", rotation, " degrees"] {
                    text.push_str(piece);
                }
                ("rotate", Params2::Degrees(rotation))
            }
            Transform::Hmirror => {
                moved(answer, false, true, false);
                text.push_str("- Horizontally mirror the matrix");
                ("hmirror", Params2::None)
            }
            Transform::Vmirror => {
                moved(answer, false, false, true);
                text.push_str("- Vertically mirror the matrix");
                ("vmirror", Params2::None)
            }
            Transform::Dmirror => {
                moved(answer, true, false, false);
                text.push_str("- Mirror the matrix along the diagonal");
                ("dmirror", Params2::None)
            }
            Transform::Cmirror => {
                // `zip(*[r[::-1] for r in m[::-1]])`.
                moved(answer, true, true, true);
                text.push_str("- Mirror the matrix along the counterdiagonal");
                ("cmirror", Params2::None)
            }
            Transform::Map => {
                let pair = rng.sample_indices(10, 2)?;
                let (a, b) = (pair[0] as i64, pair[1] as i64);
                for x in answer.cells.iter_mut() {
                    if *x == a {
                        *x = b;
                    }
                }
                text.push_str("- Map each occurrence of ");
                text.push_str(digits.format(a));
                text.push_str(" to ");
                text.push_str(digits.format(b));
                ("map", Params2::Map(a, b))
            }
            Transform::ZeroDivisible => {
                let k = rng.randint(1, 9)?;
                for x in answer.cells.iter_mut() {
                    if *x % k == 0 {
                        *x = 0;
                    }
                }
                text.push_str("- Set all elements divisible by ");
                text.push_str(digits.format(k));
                text.push_str(" to zero");
                ("zero_divisible", Params2::K(k))
            }
            Transform::Crop => {
                let (rows, cols) = (answer.rows as i64, answer.cols as i64);
                let row_start = rng.randint(1, rows)?;
                let row_end = rng.randint(row_start, rows)?;
                let col_start = rng.randint(1, cols)?;
                let col_end = rng.randint(col_start, cols)?;
                // 1-indexed and inclusive; drawn inside the matrix.
                let (r0, r1) = (row_start as usize - 1, row_end as usize);
                let (c0, c1) = (col_start as usize - 1, col_end as usize);
                answer.select(tmp, |r| (r0..r1).contains(&r), |c| (c0..c1).contains(&c));
                std::mem::swap(answer, tmp);
                let bounds = [row_start, row_end, col_start, col_end];
                text.push_str("- Crop the matrix to rows ");
                text.push_str(digits.format(row_start));
                text.push('-');
                text.push_str(digits.format(row_end));
                text.push_str(" and columns ");
                text.push_str(digits.format(col_start));
                text.push('-');
                text.push_str(digits.format(col_end));
                text.push_str(" (1-indexed)");
                ("crop", Params2::Crop(bounds))
            }
            Transform::RemoveEveryNthRow => {
                if answer.rows <= 1 {
                    return Ok(None);
                }
                let n = rng.randint(2, answer.rows as i64)? as usize;
                answer.select(tmp, |r| (r + 1) % n != 0, |_| true);
                std::mem::swap(answer, tmp);
                text.push_str("- Remove every ");
                text.push_str(digits.format(n));
                text.push('-');
                text.push_str(ordinal_suffix(n));
                text.push_str(" row (1-indexed)");
                ("remove_every_nth_row", Params2::N(n))
            }
            Transform::RemoveEveryNthCol => {
                if answer.cols <= 1 {
                    return Ok(None);
                }
                let n = rng.randint(2, answer.cols as i64)? as usize;
                answer.select(tmp, |_| true, |c| (c + 1) % n != 0);
                std::mem::swap(answer, tmp);
                text.push_str("- Remove every ");
                text.push_str(digits.format(n));
                text.push('-');
                text.push_str(ordinal_suffix(n));
                text.push_str(" column (1-indexed)");
                ("remove_every_nth_col", Params2::N(n))
            }
        };
        Ok(Some(Operation {
            transform: name,
            params,
            instruction: start..text.len(),
        }))
    }
}

impl Dataset for ManipulateMatrix {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let rows = rng.randint(self.min_rows, self.max_rows)?;
        let cols = rng.randint(self.min_cols, self.max_cols)?;
        // Within [2, max], whose product the build bounded.
        let matrix = Self::get_matrix(&mut rng, rows as usize, cols as usize)?;
        let question = &mut item.question;
        question.clear();
        question.push_str("For the following matrix:\n");
        matrix.write(question);
        question.push_str(
            "\n\nPerform the following series of operations in order:\n- Identity \
             transformation, i.e. no change\n",
        );
        let num_transforms = rng.randint(self.min_transforms, self.max_transforms)?;
        let mut operations: Vec<Operation> = Vec::new();
        let mut answer = matrix.clone();
        let mut tmp = Matrix::default();
        let mut skipped = 0u32;
        while (operations.len() as i64) < num_transforms {
            let t = rng.choices_weighted_indices(&self.softmax, 1)?[0];
            // `"\n".join(instructions)`.
            let separator = question.len();
            if !operations.is_empty() {
                question.push('\n');
            }
            match self.apply(&mut rng, TRANSFORMS[t], &mut answer, &mut tmp, question)? {
                Some(op) => {
                    operations.push(op);
                    skipped = 0;
                }
                None => {
                    question.truncate(separator);
                    skipped += 1;
                    if self.stuck(answer.rows, answer.cols) || skipped >= MAX_SKIPPED_DRAWS {
                        return Err(DatasetError::Generation(format!(
                            "the reference never finishes this item: with these weights only \
                             row and column removals can be drawn, and the matrix is down to \
                             {}x{} after {} of {num_transforms} transforms",
                            answer.rows,
                            answer.cols,
                            operations.len()
                        )));
                    }
                }
            }
        }
        question.push('\n');
        item.answer.clear();
        answer.write(&mut item.answer);
        item.metadata.set_from_serialize(&Meta {
            matrix: &matrix,
            solution: &answer,
            operations: Operations(&operations, &item.question),
            rows,
            cols,
            num_transforms,
            difficulty: Difficulty {
                rows: [self.min_rows, self.max_rows],
                cols: [self.min_cols, self.max_cols],
                num_transforms: [self.min_transforms, self.max_transforms],
            },
        });
        Ok(())
    }

    /// Exact after `strip`; then exact after re-joining each `\n`-separated
    /// row's whitespace-split fields with single spaces; else the containment
    /// ratio of the oracle in that re-joined answer.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let oracle = py_strip(&item.answer);
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let answer = py_strip(answer);
        if answer == oracle {
            return 1.0;
        }
        let rejoined = rows_to_str(
            answer
                .split('\n')
                .map(|row| py_split(row).map(str::to_string).collect()),
        );
        // The default scorer's exact match, then containment ratio.
        exact_or_contained(Some(py_strip(&rejoined)), oracle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn m(rows: &[&[i64]]) -> Matrix {
        Matrix {
            rows: rows.len(),
            cols: rows[0].len(),
            cells: rows.concat(),
        }
    }

    #[test]
    fn moves_crops_and_removals_match_the_reference_definitions() {
        let a = m(&[&[1, 2, 3], &[4, 5, 6]]);
        let rows: Vec<Vec<i64>> = vec![vec![1, 2, 3], vec![4, 5, 6]];
        let mut out = Matrix::default();
        // `_crop(2, 2, 2, 3)`, 1-indexed.
        a.select(&mut out, |r| r == 1, |c| (1..3).contains(&c));
        assert_eq!(out, m(&[&[5, 6]]));
        a.select(&mut out, |_| true, |c| (c + 1) % 2 != 0);
        assert_eq!(out, m(&[&[1, 3], &[4, 6]]));
        a.select(&mut out, |r| (r + 1) % 2 != 0, |_| true);
        assert_eq!(out, m(&[&[1, 2, 3]]));
        // Each remap against dataset_core::grid's nested form of the same move.
        use dataset_core::grid;
        let flat = |g: Vec<Vec<i64>>| {
            let refs: Vec<&[i64]> = g.iter().map(Vec::as_slice).collect();
            m(&refs)
        };
        for (want, (t, fr, fc)) in [
            (grid::rot90(&rows), (true, true, false)),
            (grid::rot180(&rows), (false, true, true)),
            (grid::rot270(&rows), (true, false, true)),
            (grid::reverse_rows(&rows), (false, true, false)),
            (grid::reverse_cols(&rows), (false, false, true)),
            (grid::transpose(&rows), (true, false, false)),
            (grid::counter_transpose(&rows), (true, true, true)),
        ] {
            a.remap(&mut out, t, fr, fc);
            assert_eq!(out, flat(want));
        }
    }

    #[test]
    fn removals_alone_on_a_single_cell_are_refused_not_looped() {
        // Only the weights that land on the two removals are non-zero after
        // exp: by the reference's order mismatch, those are the 9th and 10th
        // weights, `w_remove_every_nth_col` and `w_zero_divisible`.
        let mut config = json!({"min_transforms": 50, "max_transforms": 50});
        for (i, name) in WEIGHT_FIELDS.iter().enumerate() {
            let w = if i == 8 || i == 9 { 1.0 } else { -1000.0 };
            config[*name] = json!(w);
        }
        let ds = dataset_core::testing::dataset(&INFO, config);
        let err = ds
            .get(0)
            .expect_err("a 10x10 matrix cannot take 50 removals");
        assert!(err.to_string().contains("never finishes"), "{err}");
    }
}
