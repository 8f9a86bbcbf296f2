//! reasoning-gym's `arc` package: one module per dataset, named as the dataset,
//! `arc_1d_tasks` (the generators of the reference's `arc_1d_tasks.py`) and the
//! board text format `arc_agi` uses (`board_format`).

use dataset_core::DatasetInfo;

pub mod arc_1d;
pub mod arc_1d_tasks;
pub mod arc_agi;
pub mod board_format;
pub mod rearc;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[arc_1d::INFO, arc_agi::INFO, rearc::INFO];
