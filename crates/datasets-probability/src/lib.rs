//! reasoning-gym's `probability` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod coin_flip;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[coin_flip::INFO];
