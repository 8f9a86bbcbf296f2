//! `spiral_matrix`: a matrix's elements read clockwise from the outside in.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{py_eval, py_strip, PyValue};
use serde_json::json;

use crate::grid::{matrix_to_str, square_cells};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "spiral_matrix",
    category: "algorithmic",
    description: "List the elements of a matrix in clockwise spiral order",
    config_class: "SpiralMatrixConfig",
    build,
};

const QUESTION_TEMPLATE: &str = "Given a matrix, your job is to generate a list of elements in spiral order, starting from the top-left element.

The spiral order is clockwise, starting from the top-left corner. More precisely:
- Start from the top-left corner and move right along the top row.
- Move down along the right column.
- Move left along the bottom row.
- Move up along the left column.
- Repeat the steps for the inner elements of the matrix until every entry is visited.

Hint: Think of peeling the matrix layer by layer from the outside inward. Each layer forms a rectangular frame, and you traverse each frame clockwise starting from its top-left corner.

Your output should be a space-separated list of integers, e.g. 1 2 3 4 5 6

For the matrix below, what is the list of elements in spiral order?
";

struct SpiralMatrix {
    seed: Seed,
    min_n: i64,
    max_n: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = SpiralMatrix {
        seed: p.seed,
        min_n: r.int("min_n", 2),
        max_n: r.int("max_n", 10),
    };
    let v = r.finish()?;
    v.ensure(
        2 <= d.min_n && d.min_n <= d.max_n,
        "min_n must be between 2 and max_n",
    )?;
    v.ensure_item_size(square_cells(d.max_n), "max_n * max_n")?;
    v.done(d)
}

/// Layer by layer: top row, right column, bottom row, left column.
fn spiral(m: &[Vec<i64>]) -> Vec<i64> {
    let (mut t, mut b, mut l, mut r) = (0, m.len(), 0, m.first().map_or(0, Vec::len));
    let mut out = Vec::with_capacity(b * r);
    loop {
        out.extend((l..r).map(|i| m[t][i]));
        t += 1;
        if t == b {
            break;
        }
        out.extend((t..b).map(|i| m[i][r - 1]));
        r -= 1;
        if l == r {
            break;
        }
        out.extend((l..r).rev().map(|i| m[b - 1][i]));
        b -= 1;
        if t == b {
            break;
        }
        out.extend((t..b).rev().map(|i| m[i][l]));
        l += 1;
        if l == r {
            break;
        }
    }
    out
}

impl Dataset for SpiralMatrix {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n = rng.randint(self.min_n, self.max_n)?;
        // 2 <= n <= max_n, whose square the build bounded.
        let side = n as usize;
        let mut numbers = Vec::with_capacity(side * side);
        for _ in 0..side * side {
            numbers.push(rng.randint(0, 9)?);
        }
        rng.shuffle(&mut numbers);
        let matrix: Vec<Vec<i64>> = numbers.chunks(side).map(<[i64]>::to_vec).collect();
        let answer = spiral(&matrix);
        let answer_str = answer
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(" ");
        Ok(Item {
            question: format!("{QUESTION_TEMPLATE}{}\n", matrix_to_str(&matrix)),
            answer: answer_str,
            metadata: meta! {
                "matrix" => matrix,
                "solution" => answer,
                "n" => n,
                "difficulty" => json!({ "n": [self.min_n, self.max_n] }),
            },
        })
    }

    /// 1.0 for the exact list; 0.1 when the answer evaluates to a sequence
    /// whose items print as the list.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let oracle = py_strip(&item.answer);
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let answer = py_strip(answer);
        if answer == oracle {
            return 1.0;
        }
        let joined = py_eval(answer).ok().and_then(|v| v.py_iter()).map(|items| {
            items
                .iter()
                .map(PyValue::py_str)
                .collect::<Vec<_>>()
                .join(" ")
        });
        if joined.as_deref() == Some(oracle) {
            0.1
        } else {
            0.0
        }
    }
}
