//! The dataset a reset or a batch request names, read and checked before
//! anything changes: its key (name, canonical config, seed, size) and the
//! config to build it from.

use dataset_core::input::{echo_json, read_seed, read_size};
use serde_json::{Map, Value};

use crate::error::EnvError;
use crate::supervisor::DatasetKey;

fn exec(msg: &str) -> EnvError {
    EnvError::Execution(msg.to_string())
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
    let (Some(seed), Some(size)) = (get("seed"), get("size")) else {
        return Err(exec(
            "seed and size must be provided when dataset_name is specified",
        ));
    };
    let Value::String(name) = name else {
        return Err(EnvError::Execution(format!(
            "dataset_name must be a string, got {}",
            echo_json(name)
        )));
    };
    // Any JSON integer: Python's `Random(seed + idx)` takes any int.
    let seed = read_seed(seed).map_err(EnvError::Execution)?;
    // Checked before anything is replaced: the reference hangs on size <= 0.
    let size = read_size(size).map_err(exec)?;
    let config = if name == "composite" {
        let specs = get("dataset_specs")
            .ok_or_else(|| exec("dataset_specs must be provided for composite datasets"))?;
        match specs {
            Value::Array(a) if a.is_empty() => {
                return Err(exec("dataset_specs cannot be empty for composite datasets"))
            }
            Value::Array(_) => {}
            _ => return Err(exec("dataset_specs must be a list of dataset specs")),
        }
        let mut config = Map::new();
        config.insert("datasets".into(), specs.clone());
        config
    } else {
        match get("dataset_config") {
            None => Map::new(),
            Some(Value::Object(m)) => m.clone(),
            Some(other) => {
                return Err(EnvError::Execution(format!(
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
