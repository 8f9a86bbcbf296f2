//! `pool_matrix`: max or average pooling of a digit matrix, stride = kernel.
//!
//! The matrix comes from numpy's *global* legacy RNG, which the reference
//! reseeds per item with `np.random.seed(seed + idx)`: that call refuses seeds
//! outside `[0, 2**32)`, so for a negative `seed + idx` or one at or past
//! 2^32 the reference's item is a `ValueError`, and so is rgym's.

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result, Seed,
};
use nprandom::RandomState;
use pycompat::{allclose_f32, float_repr, loadtxt_f32, np_round};
use serde::{Serialize, Serializer};
use serde_json::Number;

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

/// A row-major matrix of `cols` columns, serialized as a list of rows.
struct Rows<'a, T>(&'a [T], usize);

impl<T: Serialize> Serialize for Rows<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.chunks_exact(self.1))
    }
}

/// `"\n".join(" ".join(str(x) for x in row) for row in matrix)`, appended.
fn write_matrix(out: &mut String, cells: &[i64], cols: usize) {
    let mut digits = itoa::Buffer::new();
    for (r, row) in cells.chunks_exact(cols).enumerate() {
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

/// The `kernel`-square windows of a `cols`-wide matrix with stride `kernel`,
/// row by row of windows, each reduced by `f`; the last row and column of
/// windows are cut by the matrix's edge, as numpy slices are. Returns the
/// pooled matrix's column count.
fn pool<T>(
    cells: &[i64],
    cols: usize,
    kernel: usize,
    out: &mut Vec<T>,
    mut f: impl FnMut(&mut dyn Iterator<Item = i64>, usize) -> T,
) -> usize {
    let rows = cells.len() / cols;
    for r0 in (0..rows).step_by(kernel) {
        let r1 = r0.saturating_add(kernel).min(rows);
        for c0 in (0..cols).step_by(kernel) {
            let c1 = c0.saturating_add(kernel).min(cols);
            let mut window =
                (r0..r1).flat_map(|r| cells[r * cols + c0..r * cols + c1].iter().copied());
            out.push(f(&mut window, (r1 - r0) * (c1 - c0)));
        }
    }
    cols.div_ceil(kernel)
}

/// `_max_pool`: `np.max` of each window.
fn max_pool(cells: &[i64], cols: usize, kernel: usize, out: &mut Vec<i64>) -> usize {
    pool(cells, cols, kernel, out, |w, _| w.max().unwrap_or(i64::MIN))
}

/// `_average_pool`: `np.mean` of each window. The digits' sum is exact in
/// float64 whatever order numpy adds in, so the mean is one correctly rounded
/// division, as numpy's `true_divide` of the sum by the count.
fn average_pool(cells: &[i64], cols: usize, kernel: usize, out: &mut Vec<f64>) -> usize {
    pool(cells, cols, kernel, out, |w, n| {
        w.sum::<i64>() as f64 / n as f64
    })
}

/// The pooled matrix as the metadata holds it: `_max_pool` keeps numpy
/// int64s, `_average_pool` float64s (as serde_json stores a float).
enum Solution<'a> {
    Max(Rows<'a, i64>),
    Average(Rows<'a, Option<Number>>),
}

impl Serialize for Solution<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Solution::Max(m) => m.serialize(s),
            Solution::Average(m) => m.serialize(s),
        }
    }
}

/// The item's metadata, fields in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    matrix: Rows<'a, i64>,
    pool_type: &'a str,
    pool_size: i64,
    solution: Solution<'a>,
    rows: i64,
    cols: i64,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    rows: [i64; 2],
    cols: [i64; 2],
    pool_size: [i64; 2],
}

impl Dataset for PoolMatrix {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let mut np_rng = RandomState::seed_from_python_int(&self.seed.plus(idx))
            .map_err(|e| DatasetError::Generation(e.to_string()))?;
        let rows = rng.randint(self.min_rows, self.max_rows)?;
        // The reference draws the columns from `min_rows`, not `min_cols`.
        let cols = rng.randint(self.min_rows, self.max_cols)?;
        // Both are within [2, max] and the build bounded max_rows * max_cols.
        let n_cols = cols as usize;
        let cells = np_rng
            .randint(0, 10, &[rows, cols])
            .map_err(|e| DatasetError::Generation(e.to_string()))?;

        let pool_size = rng.randint(self.min_pool_size, self.max_pool_size)?;
        let pool_type = *rng.choice(&["average", "max"])?;
        // A kernel wider than the matrix is one window: clamp before usize.
        let kernel = usize::try_from(pool_size).unwrap_or(usize::MAX).max(1);

        // `QUESTION_TEMPLATE.format(...)`: its three fields, in this order.
        let question = &mut item.question;
        question.clear();
        let (head, rest) = QUESTION_TEMPLATE
            .split_once("{pool_type}")
            .unwrap_or((QUESTION_TEMPLATE, ""));
        let (middle, rest) = rest.split_once("{pool_size}").unwrap_or((rest, ""));
        let (before_matrix, tail) = rest.split_once("{matrix}").unwrap_or((rest, ""));
        question.push_str(head);
        question.push_str(pool_type);
        question.push_str(middle);
        question.push_str(itoa::Buffer::new().format(pool_size));
        question.push_str(before_matrix);
        write_matrix(question, &cells, n_cols);
        question.push_str(tail);

        let answer = &mut item.answer;
        answer.clear();
        let (ints, numbers);
        let solution = if pool_type == "average" {
            let mut means = Vec::new();
            let width = average_pool(&cells, n_cols, kernel, &mut means);
            // `_matrix_to_str`: `str(round(x, 2))`, `np.round` printed as
            // Python's `repr(float)`.
            for (r, row) in means.chunks_exact(width).enumerate() {
                if r > 0 {
                    answer.push('\n');
                }
                for (c, &x) in row.iter().enumerate() {
                    if c > 0 {
                        answer.push(' ');
                    }
                    answer.push_str(&float_repr(np_round(x, 2)));
                }
            }
            numbers = means
                .iter()
                .map(|&x| Number::from_f64(x))
                .collect::<Vec<_>>();
            Solution::Average(Rows(&numbers, width))
        } else {
            let mut maxima = Vec::new();
            let width = max_pool(&cells, n_cols, kernel, &mut maxima);
            // `round` of a numpy int64 is the int itself.
            write_matrix(answer, &maxima, width);
            ints = maxima;
            Solution::Max(Rows(&ints, width))
        };
        item.metadata.set_from_serialize(&Meta {
            matrix: Rows(&cells, n_cols),
            pool_type,
            pool_size,
            solution,
            rows,
            cols,
            difficulty: Difficulty {
                rows: [self.min_rows, self.max_rows],
                cols: [self.min_cols, self.max_cols],
                pool_size: [self.min_pool_size, self.max_pool_size],
            },
        });
        Ok(())
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
        let m = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        let (mut max, mut mean) = (Vec::new(), Vec::new());
        assert_eq!(max_pool(&m, 3, 2, &mut max), 2);
        assert_eq!(max, [5, 6, 8, 9]);
        assert_eq!(average_pool(&m, 3, 2, &mut mean), 2);
        assert_eq!(mean, [3.0, 4.5, 7.5, 9.0]);
        max.clear();
        assert_eq!(max_pool(&m, 3, 7, &mut max), 1);
        assert_eq!(max, [9]);
    }
}
