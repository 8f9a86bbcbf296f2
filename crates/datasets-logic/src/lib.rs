//! reasoning-gym's `logic` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod zebra_puzzles;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[zebra_puzzles::INFO];
