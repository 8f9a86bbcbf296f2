//! reasoning-gym's `cognition` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod color_cube_rotation;
pub mod modulo_grid;
mod needle_data;
pub mod needle_haystack;
pub mod number_sequence;
pub mod rectangle_count;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    color_cube_rotation::INFO,
    modulo_grid::INFO,
    needle_haystack::INFO,
    number_sequence::INFO,
    rectangle_count::INFO,
];
