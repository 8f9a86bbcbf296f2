//! `binary_matrix`: distance from each cell of a 0/1 matrix to the nearest 0.

use std::collections::VecDeque;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{py_eval, PyValue};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "binary_matrix",
    category: "algorithmic",
    description: "Find the distance to the nearest 0 for each cell of a binary matrix",
    config_class: "BinaryMatrixConfig",
    build,
};

struct BinaryMatrix {
    seed: Seed,
    min_n: i64,
    max_n: i64,
    p_zero: f64,
    /// `p_zero` as given: an int stays an int in the metadata.
    p_zero_json: Value,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_n = r.int("min_n", 3);
    let max_n = r.int("max_n", 10);
    let p_zero_given = r.raw("p_zero").cloned();
    let p_zero = r.float("p_zero", 0.25);
    let v = r.finish()?;
    v.ensure(1 <= min_n, "min_n must be at least 1")?;
    v.ensure(min_n <= max_n, "min_n must be less than or equal to max_n")?;
    v.ensure(
        0.0 < p_zero && p_zero <= 1.0,
        "p_zero must be between 0 and 1",
    )?;
    v.ensure_item_size(crate::grid::square_cells(max_n), "max_n * max_n")?;
    let p_zero_json = match p_zero_given {
        Some(given @ Value::Number(_)) => given,
        _ => json!(p_zero),
    };
    v.done(BinaryMatrix {
        seed: p.seed,
        min_n,
        max_n,
        p_zero,
        p_zero_json,
    })
}

/// Multi-source BFS from every 0. The grid is connected and has a 0, so
/// every cell gets a distance (the reference's `inf` never survives).
fn distances(cells: &[u8], n: usize) -> Vec<u32> {
    let mut dist = vec![u32::MAX; cells.len()];
    let mut queue = VecDeque::new();
    for (i, &c) in cells.iter().enumerate() {
        if c == 0 {
            dist[i] = 0;
            queue.push_back(i);
        }
    }
    while let Some(i) = queue.pop_front() {
        let (r, c) = (i / n, i % n);
        let next = dist[i] + 1;
        let neighbours = [
            (r + 1 < n).then(|| i + n),
            (r > 0).then(|| i - n),
            (c + 1 < n).then(|| i + 1),
            (c > 0).then(|| i - 1),
        ];
        for j in neighbours.into_iter().flatten() {
            if dist[j] == u32::MAX {
                dist[j] = next;
                queue.push_back(j);
            }
        }
    }
    dist
}

fn rows<T: Copy + Into<Value>>(cells: &[T], n: usize) -> Value {
    Value::Array(
        cells
            .chunks(n)
            .map(|row| Value::Array(row.iter().map(|&x| x.into()).collect()))
            .collect(),
    )
}

fn to_text<T: ToString>(cells: &[T], n: usize) -> String {
    cells
        .chunks(n)
        .map(|row| {
            row.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `_matrix_to_str(value)`: rows and their items by iteration, items by
/// `str()`; `None` where that raises.
fn value_to_text(value: &PyValue) -> Option<String> {
    let rows = value
        .py_iter()?
        .iter()
        .map(|row| {
            Some(
                row.py_iter()?
                    .iter()
                    .map(PyValue::py_str)
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect::<Option<Vec<_>>>()?;
    Some(rows.join("\n"))
}

impl Dataset for BinaryMatrix {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let n = rng.randint(self.min_n, self.max_n)? as usize;
        // One 0 is guaranteed so that every cell has an answer.
        let mut cells: Vec<u8> = std::iter::once(0)
            .chain((1..n * n).map(|_| u8::from(rng.random() >= self.p_zero)))
            .collect();
        rng.shuffle(&mut cells);
        let dist = distances(&cells, n);
        let matrix_text = to_text(&cells, n);
        Ok(Item {
            question: format!(
                "Given a square matrix, your job is to find the taxicab (Manhattan) distance of the nearest 0 for each cell.\n\n\
                 The output should be a matrix of the same size as the input matrix, where each cell contains the distance to the nearest 0.\n\n\
                 Find the distance to the nearest 0 for each cell in the matrix below:\n{matrix_text}\n"
            ),
            answer: to_text(&dist, n),
            metadata: meta! {
                "matrix" => rows(&cells, n),
                "solution" => rows(&dist, n),
                "n" => n,
                "difficulty" => json!({
                    "n": [self.min_n, self.max_n],
                    "p_zero": self.p_zero_json,
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        if answer == item.answer {
            return 1.0;
        }
        // The reference `eval`s the answer, hoping for a list of lists.
        match py_eval(answer).ok().and_then(|v| value_to_text(&v)) {
            Some(text) if text == item.answer => 0.1,
            _ => 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_lists_earn_partial_credit() {
        let item = Item {
            question: String::new(),
            answer: "0 1\n1 2".into(),
            metadata: Default::default(),
        };
        let ds = BinaryMatrix {
            seed: Seed::from(0u8),
            min_n: 2,
            max_n: 2,
            p_zero: 0.25,
            p_zero_json: json!(0.25),
        };
        // Scores from reasoning-gym 0.1.25.
        for (answer, want) in [
            ("0 1\n1 2", 1.0),
            ("[[0, 1], [1, 2]]", 0.1),
            ("((0, 1), (1, 2))", 0.1),
            ("['01', '12']", 0.1),
            ("[[0.0, 1], [1, 2]]", 0.0),
            ("[[0, 1], [1, 2]", 0.0),
            ("5", 0.0),
        ] {
            assert_eq!(ds.score(Some(answer), &item), want, "{answer}");
        }
        assert_eq!(ds.score(None, &item), 0.0);
    }
}
