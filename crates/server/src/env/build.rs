//! The dataset a reset or a batch request names, read and checked before
//! anything changes: its key (name, canonical config, seed, size) and the
//! config to build it from.

use dataset_core::input::{echo_json, read_seed, read_size};
use dataset_core::DatasetError;
use serde_json::{Map, Value};

use crate::error::{EnvError, Reason};
use crate::supervisor::DatasetKey;

fn missing(msg: &str) -> EnvError {
    EnvError::exec(Reason::MissingParameter, msg)
}

fn invalid(msg: impl Into<String>) -> EnvError {
    EnvError::exec(Reason::InvalidParameter, msg)
}

/// A dataset to get or build: its key, and the config (without seed/size)
/// to build it from.
#[derive(Debug)]
pub(crate) struct Build {
    pub(crate) key: DatasetKey,
    pub(crate) config: Map<String, Value>,
}

/// The dataset a reset (or a batch request) names: `dataset_name`, `seed`,
/// `size` and `dataset_config` (or composite's `dataset_specs`), checked with
/// the reset's messages.
pub(crate) fn plan_build<'a>(
    name: &Value,
    get: &impl Fn(&str) -> Option<&'a Value>,
) -> Result<Build, EnvError> {
    // The name first, before the spec's seed/size check: a typo is the
    // likelier mistake, and its message names the nearest datasets.
    if let Value::String(name) = name {
        if name != "composite" && datasets::info(name).is_none() {
            return Err(EnvError::from(DatasetError::UnknownDataset(name.clone())));
        }
    }
    let (Some(seed), Some(size)) = (get("seed"), get("size")) else {
        return Err(missing(
            "seed and size must be provided when dataset_name is specified",
        ));
    };
    let Value::String(name) = name else {
        return Err(invalid(format!(
            "dataset_name must be a string, got {}",
            echo_json(name)
        )));
    };
    // Any JSON integer: Python's `Random(seed + idx)` takes any int.
    let seed = read_seed(seed).map_err(invalid)?;
    // Checked before anything is replaced: the reference hangs on size <= 0.
    let size = read_size(size).map_err(invalid)?;
    let config = if name == "composite" {
        let specs = get("dataset_specs")
            .ok_or_else(|| missing("dataset_specs must be provided for composite datasets"))?;
        match specs {
            Value::Array(a) if a.is_empty() => {
                return Err(invalid(
                    "dataset_specs cannot be empty for composite datasets",
                ))
            }
            Value::Array(_) => {}
            _ => return Err(invalid("dataset_specs must be a list of dataset specs")),
        }
        let mut config = Map::new();
        config.insert("datasets".into(), specs.clone());
        config
    } else {
        match get("dataset_config") {
            None => Map::new(),
            Some(Value::Object(m)) => m.clone(),
            Some(other) => {
                return Err(invalid(format!(
                    "dataset_config must be an object, got {}",
                    echo_json(other)
                )))
            }
        }
    };
    Ok(Build {
        key: DatasetKey::new(name, &config, seed, size),
        config,
    })
}
