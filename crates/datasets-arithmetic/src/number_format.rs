//! `number_format`: pick the largest or smallest of nearly equal numbers
//! written in different formats.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{
    float_repr, format_exp, format_fixed, group_thousands, py_float, py_strip, round_ndigits,
};
use serde_json::json;

use crate::operands::{py_uniform, PyNum};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "number_format",
    category: "arithmetic",
    description: "Pick the largest or smallest of numbers written in various formats",
    config_class: "NumberFormatConfig",
    build,
};

struct NumberFormat {
    seed: Seed,
    min_num_candidates: i64,
    max_num_candidates: i64,
    min_n: PyNum,
    max_n: PyNum,
    max_delta: PyNum,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = NumberFormat {
        seed: p.seed,
        min_num_candidates: r.int("min_num_candidates", 2),
        max_num_candidates: r.int("max_num_candidates", 5),
        min_n: PyNum::read(&mut r, "min_n", PyNum::Int(1_000)),
        max_n: PyNum::read(&mut r, "max_n", PyNum::Int(1_000_000_000)),
        max_delta: PyNum::read(&mut r, "max_delta", PyNum::Float(10.0)),
    };
    let v = r.finish()?;
    v.ensure(
        2 <= d.min_num_candidates,
        "min_num_candidates must be at least 2",
    )?;
    v.ensure(
        d.min_num_candidates <= d.max_num_candidates,
        "min_num_candidates must be less than max_num_candidates",
    )?;
    v.ensure(1.0 <= d.min_n.as_f64(), "min_n must be at least 1")?;
    v.ensure(
        d.min_n.as_f64() < d.max_n.as_f64(),
        "min_n must be less than max_n",
    )?;
    v.ensure(
        0.0 < d.max_delta.as_f64(),
        "max_delta must be greater than 0",
    )?;
    v.ensure_item_size(
        dataset_core::config::count(d.max_num_candidates),
        "max_num_candidates",
    )?;
    v.done(d)
}

impl Dataset for NumberFormat {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let num_candidates = rng.randint(self.min_num_candidates, self.max_num_candidates)?;
        let base = round_ndigits(py_uniform(&mut rng, self.min_n, self.max_n), 3);
        let mut candidates = vec![base];
        for _ in 1..num_candidates {
            let delta = round_ndigits(
                py_uniform(&mut rng, self.max_delta.neg(), self.max_delta),
                3,
            );
            candidates.push(base + delta);
        }
        let formatted = candidates
            .iter()
            .map(|&c| {
                Ok(match *rng.choice(&["standard", "english", "scientific"])? {
                    "standard" => format_fixed(c, 6),
                    // f"{c:,}": repr digits with grouped thousands.
                    "english" => group_thousands(&float_repr(c)),
                    _ => format_exp(c, 15),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let size = *rng.choice(&["largest", "smallest"])?;
        // Python's max/min keep the first of equal elements.
        let answer = candidates.iter().copied().fold(candidates[0], |best, c| {
            if (size == "largest" && c > best) || (size == "smallest" && c < best) {
                c
            } else {
                best
            }
        });
        Ok(Item {
            question: format!(
                "Your task is to pick the largest/smallest number out of several options.\n\n\
                 Your output should be only the number of interest.\n\n\
                 Now, pick the {size} number of the following candidates: {}\n",
                formatted.join(" ")
            ),
            answer: float_repr(answer),
            metadata: meta! {
                "candidates" => candidates,
                "solution" => answer,
                "formatted_candidates" => formatted,
                "size" => size,
                "num_candidates" => num_candidates,
                "difficulty" => json!({
                    "num_candidates": [self.min_num_candidates, self.max_num_candidates],
                    "n": [self.min_n.json(), self.max_n.json()],
                    "min_delta": self.max_delta.json(),
                }),
            },
        })
    }

    /// 1.0 when the answer, read as a float without commas, is within 0.01
    /// of the solution.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let Some(solution) = item.metadata.get("solution").and_then(|v| v.as_f64()) else {
            return 0.0;
        };
        match py_float(&py_strip(answer).replace(',', "")) {
            Some(x) if (x - solution).abs() < 1e-2 => 1.0,
            _ => 0.0,
        }
    }
}
