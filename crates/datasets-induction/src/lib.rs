//! reasoning-gym's `induction` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod acre;
pub mod list_functions;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[acre::INFO, list_functions::INFO];
