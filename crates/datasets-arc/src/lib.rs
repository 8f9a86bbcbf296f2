//! reasoning-gym's `arc` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod arc_1d;
pub mod arc_1d_tasks;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[arc_1d::INFO];
