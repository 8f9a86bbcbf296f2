//! reasoning-gym's `graphs` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod course_schedule;
pub mod largest_island;
pub mod path_star;
pub mod quantum_lock;
pub mod shortest_path;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    course_schedule::INFO,
    largest_island::INFO,
    path_star::INFO,
    quantum_lock::INFO,
    shortest_path::INFO,
];
