//! reasoning-gym's `arithmetic` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod bitwise_arithmetic;
pub mod count_bits;
pub mod dice;
pub mod fraction_simplification;
pub mod gcd;
pub mod lcm;
pub mod leg_counting;
pub mod prime_factorization;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    bitwise_arithmetic::INFO,
    count_bits::INFO,
    dice::INFO,
    fraction_simplification::INFO,
    gcd::INFO,
    lcm::INFO,
    leg_counting::INFO,
    prime_factorization::INFO,
];
