//! Datasets native to rgym: promised by the upstream environment docs but absent from reasoning-gym 0.1.25.

use dataset_core::DatasetInfo;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[];
