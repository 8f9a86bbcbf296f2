//! reasoning-gym's `algebra` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod complex_arithmetic;
pub mod intermediate_integration;
pub mod polynomial_equations;
pub mod polynomial_multiplication;
pub mod simple_equations;
pub mod simple_integration;

#[cfg(test)]
mod hostile;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    complex_arithmetic::INFO,
    intermediate_integration::INFO,
    polynomial_equations::INFO,
    polynomial_multiplication::INFO,
    simple_equations::INFO,
    simple_integration::INFO,
];
