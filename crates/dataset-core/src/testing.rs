//! Helpers for the datasets' own unit tests: building from a JSON config and
//! reading the message a config is refused with. Failures panic, as a test
//! assertion would.

use serde_json::{Map, Value};

use crate::{build_with, DatasetError, DatasetInfo, Result, Seed, Seeded};

/// `info` built from the JSON object `config`, seed 1 and size 1 given beside it.
pub fn build_json(info: &'static DatasetInfo, config: &Value) -> Result<Seeded> {
    let empty = Map::new();
    build_with(
        info,
        config.as_object().unwrap_or(&empty),
        Some(Seed::from(1u8)),
        Some(1),
    )
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
    if let Err(e) = build_json(info, &config) {
        panic!("{}: {config} refused: {e}", info.name);
    }
}
