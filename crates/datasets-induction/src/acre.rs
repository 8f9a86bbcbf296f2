//! acre (`induction/acre/acre.py`): Blicket-detector causal induction, served
//! by the Python provider (`pyprovider`), not ported.
//!
//! The reference's generator is "Culled and Adapted from
//! https://github.com/WellyZhang/ACRE, Licensed under GPL-3.0": a port would
//! put GPL code into rgym's Apache-2.0 binary. So rgym reads and validates the
//! config as `ACREDatasetConfig` does, asks reasoning-gym itself for the
//! items, and scores natively (the reference uses the base class's scorer).

use dataset_core::{score, Built, ConfigReader, DatasetInfo, Item, Params, Result};
use pyprovider::ProviderDataset;
use serde_json::{Map, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "acre",
    category: "induction",
    description: "Abstract causal reasoning: which objects switch a Blicket detector on \
                  (served by the Python provider)",
    config_class: "ACREDatasetConfig",
    build,
};

/// rgym's bound on `size`: the reference builds all `size` questions when the
/// dataset is made (about 0.3 ms each), so 50,000 take some 15 s, within the
/// default time limit, and 10^7 would take an hour before the first item.
const MAX_SIZE: u64 = 50_000;

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let train = r.int("train", 1);
    let v = r.finish()?;
    v.ensure([0, 1].contains(&train), "train must be either 0 or 1")?;
    v.ensure(
        p.size <= MAX_SIZE,
        format!(
            "size must be at most {MAX_SIZE} in rgym: acre builds every question when the \
             dataset is made"
        ),
    )?;
    let mut config = Map::new();
    config.insert("train".into(), Value::from(train));
    v.done(ProviderDataset::new(INFO.name, config, &p, score_answer))
}

/// `ProceduralDataset.score_answer`, which acre does not override.
fn score_answer(answer: Option<&str>, item: &Item) -> f64 {
    score::exact_or_contained(answer, &item.answer)
}
