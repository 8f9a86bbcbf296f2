//! reasoning-gym's `logic` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod knights_knaves;
pub mod self_reference;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[knights_knaves::INFO, self_reference::INFO];
