//! `rotate_matrix`: turn a square digit matrix clockwise by quarter turns.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

use crate::grid::{matrix_to_str, square_cells};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "rotate_matrix",
    category: "algorithmic",
    description: "Rotate a square matrix clockwise by a multiple of 90 degrees",
    config_class: "RotateMatrixConfig",
    build,
};

struct RotateMatrix {
    seed: Seed,
    min_n: i64,
    max_n: i64,
    min_rotations: i64,
    max_rotations: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = RotateMatrix {
        seed: p.seed,
        min_n: r.int("min_n", 2),
        max_n: r.int("max_n", 10),
        min_rotations: r.int("min_rotations", 0),
        max_rotations: r.int("max_rotations", 10),
    };
    let v = r.finish()?;
    v.ensure(
        2 <= d.min_n && d.min_n <= d.max_n,
        "min_n and max_n must be between 2 and 10",
    )?;
    v.ensure(
        0 <= d.min_rotations && d.min_rotations <= d.max_rotations,
        "min_rotations must be between 0 and max_rotations",
    )?;
    v.ensure_item_size(square_cells(d.max_n), "max_n * max_n")?;
    v.done(d)
}

impl Dataset for RotateMatrix {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n = rng.randint(self.min_n, self.max_n)?;
        // 2 <= n <= max_n, whose square the build bounded.
        let side = n as usize;
        let mut numbers = Vec::with_capacity(side * side);
        for _ in 0..side * side {
            numbers.push(rng.randint(0, 9)?);
        }
        let matrix: Vec<Vec<i64>> = numbers.chunks(side).map(<[i64]>::to_vec).collect();
        let num_rotations = rng.randint(self.min_rotations, self.max_rotations)?;
        let mut rotated = matrix.clone();
        for _ in 0..num_rotations % 4 {
            rotated = dataset_core::grid::rot90(&rotated);
        }
        let degrees = i128::from(num_rotations) * 90;
        Ok(Item {
            question: format!(
                "Given a square matrix, your job is to rotate it clockwise.\n\n\
                 Your output should be a matrix in the same format as the input.\n\n\
                 Rotate the matrix below by {degrees} degrees clockwise:\n{}\n",
                matrix_to_str(&matrix)
            ),
            answer: matrix_to_str(&rotated),
            metadata: meta! {
                "matrix" => matrix,
                "num_rotations" => num_rotations,
                "solution" => rotated,
                "n" => n,
                "difficulty" => json!({
                    "n": [self.min_n, self.max_n],
                    "num_rotations": [self.min_rotations, self.max_rotations],
                }),
            },
        })
    }
}
