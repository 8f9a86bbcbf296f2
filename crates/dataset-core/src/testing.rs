//! Helpers for the datasets' own unit tests: building from a JSON config and
//! reading the message a config is refused with. Failures panic, as a test
//! assertion would. Every dataset test builds through these, so that a test
//! reads as its config and its expectation.

use serde_json::{Map, Value};

use crate::{build_with, DatasetError, DatasetInfo, Result, Seed, Seeded};

/// `info` built from the JSON object `config`, as
/// `create_dataset(name, **config)` builds it (`size` 500 unless given), with
/// seed 1 unless it gives one.
pub fn build_json(info: &'static DatasetInfo, config: &Value) -> Result<Seeded> {
    let empty = Map::new();
    let config = config.as_object().unwrap_or(&empty);
    let seed = (!config.contains_key("seed")).then(|| Seed::from(1u8));
    build_with(info, config, seed, None)
}

/// [`build_json`], which must succeed.
pub fn dataset(info: &'static DatasetInfo, config: Value) -> Seeded {
    build_json(info, &config).unwrap_or_else(|e| panic!("{}: {config} refused: {e}", info.name))
}

/// The `InvalidConfig` message `config` is refused with.
pub fn refused(info: &'static DatasetInfo, config: Value) -> String {
    match build_json(info, &config) {
        Err(DatasetError::InvalidConfig(msg)) => msg,
        Err(e) => panic!("{}: {config} failed otherwise: {e}", info.name),
        Ok(_) => panic!("{}: {config} was accepted", info.name),
    }
}

/// Asserts that `config` builds.
pub fn accepted(info: &'static DatasetInfo, config: Value) {
    dataset(info, config);
}
