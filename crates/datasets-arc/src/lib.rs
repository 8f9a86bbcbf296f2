//! reasoning-gym's `arc` package: one module per dataset, named as the dataset,
//! and the board text format they share (`board_format`).

use dataset_core::DatasetInfo;

pub mod arc_agi;
pub mod board_format;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[arc_agi::INFO];
