//! reasoning-gym's `logic` package: one module per dataset, named as the dataset.

pub mod aiw;
pub mod circuit_logic;

use dataset_core::DatasetInfo;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[aiw::INFO, circuit_logic::INFO];
