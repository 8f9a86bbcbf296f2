//! reasoning-gym's `arithmetic` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod leg_counting;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[leg_counting::INFO];
