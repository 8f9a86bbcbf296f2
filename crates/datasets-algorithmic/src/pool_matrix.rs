//! `pool_matrix`: max or average pooling of a digit matrix, stride = kernel.
//!
//! The matrix comes from numpy's *global* legacy RNG, which the reference
//! reseeds per item with `np.random.seed(seed + idx)`: that call refuses seeds
//! outside `[0, 2**32)`, so for a negative `seed + idx` or one at or past
//! 2^32 the reference's item is a `ValueError`, and so is rgym's.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use nprandom::RandomState;
use pycompat::{allclose_f32, float_repr, loadtxt_f32, np_round};
use serde_json::{json, Value};

use crate::grid::matrix_to_str;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "pool_matrix",
    category: "algorithmic",
    description: "Max or average pooling of a matrix with stride equal to the kernel size",
    config_class: "PoolMatrixConfig",
    build,
};

const QUESTION_TEMPLATE: &str = "Your job is to perform max/average pooling on the given matrix.
The stride is equal to the kernel size, meaning there is no overlap between the pooling regions.

Your output should be a matrix in the same format as the input matrix.
The output matrix is smaller than the input matrix when the kernel size is greater than 1, and its elements may be floating-point numbers.
Give elements in the output matrix correct to 2 decimal places.

Perform {pool_type} pooling on the following matrix with a kernel size of {pool_size}:
{matrix}
";

struct PoolMatrix {
    seed: Seed,
    min_rows: i64,
    max_rows: i64,
    min_cols: i64,
    max_cols: i64,
    min_pool_size: i64,
    max_pool_size: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = PoolMatrix {
        seed: p.seed,
        min_rows: r.int("min_rows", 2),
        max_rows: r.int("max_rows", 10),
        min_cols: r.int("min_cols", 2),
        max_cols: r.int("max_cols", 10),
        min_pool_size: r.int("min_pool_size", 1),
        max_pool_size: r.int("max_pool_size", 3),
    };
    let v = r.finish()?;
    v.ensure(2 <= d.min_rows, "min_rows must be at least 2")?;
    v.ensure(
        d.min_rows <= d.max_rows,
        "max_rows must be at least min_rows",
    )?;
    v.ensure(2 <= d.min_cols, "min_cols must be at least 2")?;
    v.ensure(
        d.min_cols <= d.max_cols,
        "max_cols must be at least min_cols",
    )?;
    v.ensure(1 <= d.min_pool_size, "min_pool_size must be at least 1")?;
    v.ensure(
        d.min_pool_size <= d.max_pool_size,
        "max_pool_size must be at least min_pool_size",
    )?;
    v.ensure_item_size(
        count(d.max_rows).saturating_mul(count(d.max_cols)),
        "max_rows * max_cols",
    )?;
    v.done(d)
}

/// A pooled matrix: `_max_pool` keeps numpy int64s, `_average_pool` float64s.
enum Pooled {
    Max(Vec<Vec<i64>>),
    Average(Vec<Vec<f64>>),
}

/// The `pool_size`-square windows of `matrix` with stride `pool_size`; the
/// last row and column of windows are cut by the matrix's edge, as numpy
/// slices are.
fn windows(
    matrix: &[Vec<i64>],
    pool_size: usize,
) -> impl Iterator<Item = impl Iterator<Item = Vec<i64>> + '_> + '_ {
    let cols = matrix.first().map_or(0, Vec::len);
    matrix.chunks(pool_size).map(move |band| {
        (0..cols).step_by(pool_size).map(move |j| {
            let end = (j + pool_size).min(cols);
            band.iter()
                .flat_map(|row| row[j..end].iter().copied())
                .collect()
        })
    })
}

/// `_max_pool`: `np.max` of each window.
fn max_pool(matrix: &[Vec<i64>], pool_size: usize) -> Vec<Vec<i64>> {
    windows(matrix, pool_size)
        .map(|row| {
            row.map(|w| w.into_iter().max().unwrap_or(i64::MIN))
                .collect()
        })
        .collect()
}

/// `_average_pool`: `np.mean` of each window. The digits' sum is exact in
/// float64 whatever order numpy adds in, so the mean is one correctly rounded
/// division, as numpy's `true_divide` of the sum by the count.
fn average_pool(matrix: &[Vec<i64>], pool_size: usize) -> Vec<Vec<f64>> {
    windows(matrix, pool_size)
        .map(|row| {
            row.map(|w| w.iter().sum::<i64>() as f64 / w.len() as f64)
                .collect()
        })
        .collect()
}

/// `_matrix_to_str` of an averaged matrix: `str(round(x, 2))`, `np.round`
/// printed as Python's `repr(float)`. (`round` of a numpy int64 is the int
/// itself, so an int matrix prints as `grid::matrix_to_str` prints it.)
fn averages_to_str(matrix: &[Vec<f64>]) -> String {
    matrix
        .iter()
        .map(|row| {
            row.iter()
                .map(|&x| float_repr(np_round(x, 2)))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl Dataset for PoolMatrix {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let mut np_rng = RandomState::seed_from_python_int(&self.seed.plus(idx))
            .map_err(|e| DatasetError::Generation(e.to_string()))?;
        let rows = rng.randint(self.min_rows, self.max_rows)?;
        // The reference draws the columns from `min_rows`, not `min_cols`.
        let cols = rng.randint(self.min_rows, self.max_cols)?;
        // Both are within [2, max] and the build bounded max_rows * max_cols.
        let (n_rows, n_cols) = (rows as usize, cols as usize);
        let cells = np_rng
            .randint(0, 10, &[rows, cols])
            .map_err(|e| DatasetError::Generation(e.to_string()))?;
        let matrix: Vec<Vec<i64>> = cells.chunks(n_cols).map(<[i64]>::to_vec).collect();
        debug_assert_eq!(matrix.len(), n_rows);
        let matrix_str = matrix_to_str(&matrix);

        let pool_size = rng.randint(self.min_pool_size, self.max_pool_size)?;
        let pool_type = *rng.choice(&["average", "max"])?;
        // A kernel wider than the matrix is one window: clamp before usize.
        let kernel = usize::try_from(pool_size).unwrap_or(usize::MAX).max(1);
        let pooled = if pool_type == "average" {
            Pooled::Average(average_pool(&matrix, kernel))
        } else {
            Pooled::Max(max_pool(&matrix, kernel))
        };
        let (answer, solution) = match &pooled {
            Pooled::Max(m) => (matrix_to_str(m), json!(m)),
            Pooled::Average(m) => (
                averages_to_str(m),
                Value::from(
                    m.iter()
                        .map(|row| Value::from(row.clone()))
                        .collect::<Vec<_>>(),
                ),
            ),
        };
        let question = QUESTION_TEMPLATE
            .replacen("{pool_type}", pool_type, 1)
            .replacen("{pool_size}", &pool_size.to_string(), 1)
            .replacen("{matrix}", &matrix_str, 1);
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "matrix" => matrix,
                "pool_type" => pool_type,
                "pool_size" => pool_size,
                "solution" => solution,
                "rows" => rows,
                "cols" => cols,
                "difficulty" => json!({
                    "rows": [self.min_rows, self.max_rows],
                    "cols": [self.min_cols, self.max_cols],
                    "pool_size": [self.min_pool_size, self.max_pool_size],
                }),
            },
        })
    }

    /// `np.loadtxt` both as float32: the same shape and `np.allclose(oracle,
    /// answer, rtol=1e-2)` is 1.0, the same shape alone 0.1, anything that
    /// does not load 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let (Some(oracle), Some(given)) = (loadtxt_f32(&item.answer), loadtxt_f32(answer)) else {
            return 0.0;
        };
        if oracle.shape != given.shape {
            0.0
        } else if allclose_f32(&oracle.values, &given.values, 1e-2) {
            1.0
        } else {
            0.1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_cut_at_the_edges() {
        let m = vec![vec![1, 2, 3], vec![4, 5, 6], vec![7, 8, 9]];
        assert_eq!(max_pool(&m, 2), vec![vec![5, 6], vec![8, 9]]);
        assert_eq!(average_pool(&m, 2), vec![vec![3.0, 4.5], vec![7.5, 9.0]]);
        assert_eq!(max_pool(&m, 7), vec![vec![9]]);
    }
}
