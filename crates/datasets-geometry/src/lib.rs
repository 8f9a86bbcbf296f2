//! reasoning-gym's `geometry` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod advanced_geometry;
pub mod simple_geometry;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[advanced_geometry::INFO, simple_geometry::INFO];
