//! `arc_1d`: find the rule that maps 1-D input grids to output grids from a
//! few examples, and apply it to a test input.

use std::fmt::Write;

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde::Serialize;

use crate::arc_1d_tasks::{Color, Example, Task, ARC_1D_TASKS};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "arc_1d",
    category: "arc",
    description: "Infer the rule mapping 1-D input grids to output grids from examples",
    config_class: "Arc1DConfig",
    build,
};

/// Grid cells drawn for one item, over all of its retries, before rgym gives
/// up on it. The reference redraws an example until its generator succeeds;
/// for some tasks the odds fall off steeply with the grid size
/// (`paint_biggest_block` wants a unique biggest block among size/7 or so:
/// at size 1,000 about one try in 10^11 succeeds), where the reference runs
/// for hours. Below a few hundred cells every task succeeds within a handful
/// of tries, far from this bound.
const MAX_CELLS_PER_ITEM: usize = 200_000_000;

struct Arc1D {
    seed: Seed,
    min_size: i64,
    max_size: i64,
    num_train: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_size = r.int("min_size", 10);
    let max_size = r.int("max_size", 30);
    let num_train = r.int("num_train", 3);
    let v = r.finish()?;
    v.ensure(min_size >= 8, "min_size must be >= 8")?;
    v.ensure(max_size >= min_size, "max_size must be >= min_size")?;
    v.ensure(num_train > 0, "num_train must be positive")?;
    v.ensure(p.size > 0, "size must be positive")?;
    // Every example is two grids of up to `max_size` cells.
    v.ensure_item_size(
        count(max_size)
            .saturating_mul(2)
            .saturating_mul(count(num_train).saturating_add(1)),
        "max_size * 2 * (num_train + 1)",
    )?;
    v.done(Arc1D {
        seed: p.seed,
        min_size,
        max_size,
        num_train,
    })
}

/// `" ".join(str(x) for x in grid)`, appended to `out`.
fn push_grid(out: &mut String, grid: &[Color]) {
    for (i, &x) in grid.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push(char::from(b'0' + x));
    }
}

/// The cells an item's failed tries have drawn, against [`MAX_CELLS_PER_ITEM`].
struct Retries {
    cells: usize,
    limit: usize,
}

impl Retries {
    fn new() -> Self {
        Retries {
            cells: 0,
            limit: MAX_CELLS_PER_ITEM,
        }
    }

    /// `while example is None: example = task_func(rng, size, **task_kwargs)`,
    /// within rgym's bound on the work for one item.
    fn example(&mut self, task: &Task, rng: &mut Random, size: usize) -> Result<Example> {
        loop {
            if let Some(example) = task.generate(rng, size)? {
                return Ok(example);
            }
            self.cells += size;
            if self.cells > self.limit {
                return Err(DatasetError::Generation(format!(
                    "arc_1d: task {} found no example of size {size} within {} cells \
                     (the reference would retry for hours)",
                    task.name, self.limit
                )));
            }
        }
    }
}

impl Dataset for Arc1D {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    /// Over a reused item, with the metadata serialized straight from the
    /// grids: as a map of JSON numbers, the metadata cost more than the draws.
    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let task = rng.choice(&ARC_1D_TASKS)?;
        let size = rng.randint(self.min_size, self.max_size)? as usize;
        let mut retries = Retries::new();
        let train_examples = (0..self.num_train)
            .map(|_| retries.example(task, &mut rng, size))
            .collect::<Result<Vec<_>>>()?;
        let test_example = retries.example(task, &mut rng, size)?;

        let question = &mut item.question;
        question.clear();
        question.reserve(400 + 4 * size * (train_examples.len() + 1));
        question.push_str(
            "Find the common rule that maps an input grid to an output grid, given the examples below.\n\n",
        );
        for (i, example) in train_examples.iter().enumerate() {
            // Writing to a String cannot fail.
            let _ = write!(question, "Example {}:\nInput:  ", i + 1);
            push_grid(question, &example.input);
            question.push_str("\nOutput: ");
            push_grid(question, &example.output);
            question.push_str("\n\n");
        }
        question.push_str(
            "Below is a test input grid. Predict the corresponding output grid by applying the rule you found. \
             Describe how you derived the rule and your overall reasoning process in detail before you submit your answer. \
             Your final answer should be just the test output grid itself.\n\n\
             Input:\n",
        );
        push_grid(question, &test_example.input);
        item.answer.clear();
        push_grid(&mut item.answer, &test_example.output);
        item.metadata.set_from_serialize(&Meta {
            task_name: task.name,
            size,
            train_examples: &train_examples,
            test_example: &test_example,
            difficulty: Difficulty {
                size: [self.min_size, self.max_size],
            },
        });
        Ok(())
    }
}

/// The item's own metadata, fields in the reference dict's order (`Seeded`
/// puts `source_dataset` and `source_index` in front).
#[derive(Serialize)]
struct Meta<'a> {
    task_name: &'static str,
    size: usize,
    train_examples: &'a [Example],
    test_example: &'a Example,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    size: [i64; 2],
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{accepted, dataset, refused};
    use serde_json::json;

    use super::*;
    use crate::arc_1d_tasks::{task_paint_biggest_block, task_recolor_blocks_from_palette};

    #[test]
    fn config_errors_in_python_order() {
        let err = |c| refused(&INFO, c);
        assert_eq!(
            err(json!({"min_size": 7, "max_size": 6})),
            "min_size must be >= 8"
        );
        assert_eq!(
            err(json!({"min_size": 9, "max_size": 8, "num_train": 0})),
            "max_size must be >= min_size"
        );
        assert_eq!(err(json!({"num_train": 0})), "num_train must be positive");
        assert!(err(json!({"max_size": 1_000_000})).contains("rgym's limit"));
        accepted(&INFO, json!({"min_size": 8, "max_size": 8, "num_train": 1}));
    }

    #[test]
    fn every_task_generates_at_small_sizes() {
        // Indices stay in range (no panic) at the sizes configs use.
        for task in &ARC_1D_TASKS {
            for size in (8..=64).chain([99, 100, 101, 150]) {
                let mut rng = Random::new(size as i64);
                let mut made = 0;
                for _ in 0..60 {
                    match task.generate(&mut rng, size) {
                        Ok(Some(e)) => {
                            assert_eq!(e.input.len(), size, "{}", task.name);
                            assert_eq!(e.output.len(), size, "{}", task.name);
                            assert!(e.input.iter().chain(&e.output).all(|&c| c <= 9));
                            made += 1;
                        }
                        Ok(None) => {}
                        Err(e) => assert_eq!(task.name, "recolor_blocks_from_palette", "{e}"),
                    }
                }
                let rare = ["paint_biggest_block", "recolor_blocks_from_palette"];
                assert!(
                    made > 0 || rare.contains(&task.name),
                    "{} at size {size}",
                    task.name
                );
            }
        }
    }

    #[test]
    fn palette_of_ten_is_refused_as_the_reference_never_returns() {
        let mut rng = Random::new(1);
        let errors = (0..200)
            .filter(|_| task_recolor_blocks_from_palette(&mut rng, 100).is_err())
            .count();
        assert!(errors > 190, "{errors}");
        let mut rng = Random::new(1);
        assert!((0..200).all(|_| task_recolor_blocks_from_palette(&mut rng, 30).is_ok()));
    }

    #[test]
    fn hopeless_retries_end_in_an_error() {
        // At this size paint_biggest_block practically never succeeds.
        let task = ARC_1D_TASKS
            .iter()
            .find(|t| t.name == "paint_biggest_block")
            .unwrap();
        let mut rng = Random::new(3);
        let mut retries = Retries {
            cells: 0,
            limit: 1_000_000,
        };
        let err = retries.example(task, &mut rng, 2000).unwrap_err();
        assert!(err.to_string().contains("would retry for hours"), "{err}");
        assert!(matches!(task_paint_biggest_block(&mut rng, 2000), Ok(None)));
        // Small sizes are far from the bound.
        let mut retries = Retries::new();
        for _ in 0..100 {
            retries.example(task, &mut rng, 100).unwrap();
        }
        assert!(retries.cells < 100_000, "{}", retries.cells);
    }

    #[test]
    fn question_lists_the_examples() {
        let ds = dataset(&INFO, json!({"seed": 7, "num_train": 2}));
        let item = ds.get(0).unwrap();
        assert!(item.question.contains("Example 2:\nInput:  "));
        assert!(!item.question.contains("Example 3:"));
        let test = &item.metadata["test_example"];
        let output: Vec<String> = test["output"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.to_string())
            .collect();
        assert_eq!(item.answer, output.join(" "));
        assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
    }
}
