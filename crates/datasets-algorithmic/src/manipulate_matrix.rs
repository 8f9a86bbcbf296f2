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

use dataset_core::config::count;
use dataset_core::grid;
use dataset_core::score::exact_or_contained;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed, Weight,
};
use pycompat::{py_split, py_strip};

use crate::grid::matrix_to_str;
use serde_json::{json, Map, Value};

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

type Matrix = Vec<Vec<i64>>;

fn num_rows(m: &Matrix) -> usize {
    m.len()
}

fn num_cols(m: &Matrix) -> usize {
    m.first().map_or(0, Vec::len)
}

/// `_crop`, 1-indexed and inclusive; the bounds were drawn inside the matrix.
fn crop(m: &Matrix, row_start: usize, row_end: usize, col_start: usize, col_end: usize) -> Matrix {
    m[row_start - 1..row_end]
        .iter()
        .map(|row| row[col_start - 1..col_end].to_vec())
        .collect()
}

/// `_remove_every_nth_row`.
fn remove_every_nth_row(m: &Matrix, n: usize) -> Matrix {
    m.iter()
        .enumerate()
        .filter(|(i, _)| (i + 1) % n != 0)
        .map(|(_, row)| row.clone())
        .collect()
}

/// `_remove_every_nth_col`.
fn remove_every_nth_col(m: &Matrix, n: usize) -> Matrix {
    m.iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .filter(|(i, _)| (i + 1) % n != 0)
                .map(|(_, &x)| x)
                .collect()
        })
        .collect()
}

/// `_matrix_to_str` of an answer's rows as the scorer re-joins them.
fn rows_to_str(rows: impl Iterator<Item = Vec<String>>) -> String {
    rows.map(|row| row.join(" ")).collect::<Vec<_>>().join("\n")
}

/// `"st" if n == 1 else "nd" if n == 2 else "th"` (n is at least 2).
fn ordinal_suffix(n: usize) -> &'static str {
    match n {
        1 => "st",
        2 => "nd",
        _ => "th",
    }
}

fn operation(transform: &str, extra: &[(&str, Value)], instruction: String) -> Value {
    let mut op = Map::new();
    op.insert("transform".into(), transform.into());
    for (k, v) in extra {
        op.insert((*k).into(), v.clone());
    }
    op.insert("instruction".into(), instruction.into());
    Value::Object(op)
}

impl ManipulateMatrix {
    /// `_get_matrix`: `rows * cols` digits, row by row.
    fn get_matrix(rng: &mut Random, rows: usize, cols: usize) -> Result<Matrix> {
        let mut numbers = Vec::with_capacity(rows * cols);
        for _ in 0..rows * cols {
            numbers.push(rng.randint(0, 9)?);
        }
        Ok(numbers.chunks(cols).map(<[i64]>::to_vec).collect())
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

    /// One pass of the reference's `while` body: the transform drawn, and the
    /// operation it appends (`None` for a removal with one row or column left).
    fn apply(
        &self,
        rng: &mut Random,
        transform: Transform,
        answer: &mut Matrix,
    ) -> Result<Option<Value>> {
        let (name, extra, instruction): (&str, Vec<(&str, Value)>, String) = match transform {
            Transform::Rotate => {
                let rotation = *rng.choice(&["90", "180", "270", "360"])?;
                *answer = match rotation {
                    "90" => grid::rot90(answer),
                    "180" => grid::rot180(answer),
                    "270" => grid::rot270(answer),
                    // "360": `_identity`.
                    _ => std::mem::take(answer),
                };
                (
                    "rotate",
                    vec![("degrees", rotation.into())],
                    format!("- Rotate the matrix {rotation} degrees"),
                )
            }
            Transform::Hmirror => {
                *answer = grid::reverse_rows(answer);
                ("hmirror", vec![], "- Horizontally mirror the matrix".into())
            }
            Transform::Vmirror => {
                *answer = grid::reverse_cols(answer);
                ("vmirror", vec![], "- Vertically mirror the matrix".into())
            }
            Transform::Dmirror => {
                *answer = grid::transpose(answer);
                (
                    "dmirror",
                    vec![],
                    "- Mirror the matrix along the diagonal".into(),
                )
            }
            Transform::Cmirror => {
                *answer = grid::counter_transpose(answer);
                (
                    "cmirror",
                    vec![],
                    "- Mirror the matrix along the counterdiagonal".into(),
                )
            }
            Transform::Map => {
                let pair = rng.sample_indices(10, 2)?;
                let (a, b) = (pair[0] as i64, pair[1] as i64);
                for x in answer.iter_mut().flatten() {
                    if *x == a {
                        *x = b;
                    }
                }
                (
                    "map",
                    vec![("from", a.into()), ("to", b.into())],
                    format!("- Map each occurrence of {a} to {b}"),
                )
            }
            Transform::ZeroDivisible => {
                let k = rng.randint(1, 9)?;
                for x in answer.iter_mut().flatten() {
                    if *x % k == 0 {
                        *x = 0;
                    }
                }
                (
                    "zero_divisible",
                    vec![("k", k.into())],
                    format!("- Set all elements divisible by {k} to zero"),
                )
            }
            Transform::Crop => {
                let (rows, cols) = (num_rows(answer) as i64, num_cols(answer) as i64);
                let row_start = rng.randint(1, rows)?;
                let row_end = rng.randint(row_start, rows)?;
                let col_start = rng.randint(1, cols)?;
                let col_end = rng.randint(col_start, cols)?;
                *answer = crop(
                    answer,
                    row_start as usize,
                    row_end as usize,
                    col_start as usize,
                    col_end as usize,
                );
                (
                    "crop",
                    vec![
                        ("row_start", row_start.into()),
                        ("row_end", row_end.into()),
                        ("col_start", col_start.into()),
                        ("col_end", col_end.into()),
                    ],
                    format!(
                        "- Crop the matrix to rows {row_start}-{row_end} and columns \
                         {col_start}-{col_end} (1-indexed)"
                    ),
                )
            }
            Transform::RemoveEveryNthRow => {
                if num_rows(answer) <= 1 {
                    return Ok(None);
                }
                let n = rng.randint(2, num_rows(answer) as i64)? as usize;
                *answer = remove_every_nth_row(answer, n);
                (
                    "remove_every_nth_row",
                    vec![("n", n.into())],
                    format!("- Remove every {n}-{} row (1-indexed)", ordinal_suffix(n)),
                )
            }
            Transform::RemoveEveryNthCol => {
                if num_cols(answer) <= 1 {
                    return Ok(None);
                }
                let n = rng.randint(2, num_cols(answer) as i64)? as usize;
                *answer = remove_every_nth_col(answer, n);
                (
                    "remove_every_nth_col",
                    vec![("n", n.into())],
                    format!(
                        "- Remove every {n}-{} column (1-indexed)",
                        ordinal_suffix(n)
                    ),
                )
            }
        };
        Ok(Some(operation(name, &extra, instruction)))
    }
}

impl Dataset for ManipulateMatrix {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let rows = rng.randint(self.min_rows, self.max_rows)?;
        let cols = rng.randint(self.min_cols, self.max_cols)?;
        // Within [2, max], whose product the build bounded.
        let matrix = Self::get_matrix(&mut rng, rows as usize, cols as usize)?;
        let matrix_str = matrix_to_str(&matrix);
        let num_transforms = rng.randint(self.min_transforms, self.max_transforms)?;
        let mut operations: Vec<Value> = Vec::new();
        let mut answer = matrix.clone();
        let mut skipped = 0u32;
        while (operations.len() as i64) < num_transforms {
            let t = rng.choices_weighted_indices(&self.softmax, 1)?[0];
            match self.apply(&mut rng, TRANSFORMS[t], &mut answer)? {
                Some(op) => {
                    operations.push(op);
                    skipped = 0;
                }
                None => {
                    skipped += 1;
                    if self.stuck(num_rows(&answer), num_cols(&answer))
                        || skipped >= MAX_SKIPPED_DRAWS
                    {
                        return Err(DatasetError::Generation(format!(
                            "the reference never finishes this item: with these weights only \
                             row and column removals can be drawn, and the matrix is down to \
                             {}x{} after {} of {num_transforms} transforms",
                            num_rows(&answer),
                            num_cols(&answer),
                            operations.len()
                        )));
                    }
                }
            }
        }
        let instructions: Vec<&str> = operations
            .iter()
            .filter_map(|op| op["instruction"].as_str())
            .collect();
        let question = format!(
            "For the following matrix:\n{matrix_str}\n\nPerform the following series of \
             operations in order:\n- Identity transformation, i.e. no change\n{}\n",
            instructions.join("\n")
        );
        Ok(Item {
            question,
            answer: matrix_to_str(&answer),
            metadata: meta! {
                "matrix" => matrix,
                "solution" => answer,
                "operations" => operations,
                "rows" => rows,
                "cols" => cols,
                "num_transforms" => num_transforms,
                "difficulty" => json!({
                    "rows": [self.min_rows, self.max_rows],
                    "cols": [self.min_cols, self.max_cols],
                    "num_transforms": [self.min_transforms, self.max_transforms],
                }),
            },
        })
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

    fn m(rows: &[&[i64]]) -> Matrix {
        rows.iter().map(|r| r.to_vec()).collect()
    }

    #[test]
    fn crops_and_removals_match_the_reference_definitions() {
        let a = m(&[&[1, 2, 3], &[4, 5, 6]]);
        // The turns and mirrors are dataset_core::grid's, tested there.
        assert_eq!(crop(&a, 2, 2, 2, 3), m(&[&[5, 6]]));
        assert_eq!(remove_every_nth_col(&a, 2), m(&[&[1, 3], &[4, 6]]));
        assert_eq!(remove_every_nth_row(&a, 2), m(&[&[1, 2, 3]]));
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
