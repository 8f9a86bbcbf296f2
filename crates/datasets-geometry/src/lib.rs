//! reasoning-gym's `geometry` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod simple_geometry;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[simple_geometry::INFO];
