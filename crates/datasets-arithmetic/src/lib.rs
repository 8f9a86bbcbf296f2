//! reasoning-gym's `arithmetic` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod basic_arithmetic;
pub mod bitwise_arithmetic;
pub mod calendar_arithmetic;
pub mod chain_sum;
pub mod count_bits;
pub mod decimal_arithmetic;
pub mod decimal_chain_sum;
pub mod dice;
pub mod fraction_simplification;
pub mod gcd;
pub mod lcm;
pub mod leg_counting;
pub mod number_format;
pub mod power_function;
pub mod prime_factorization;
pub mod products;

mod int_expr;
mod number_list;
mod operands;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    basic_arithmetic::INFO,
    bitwise_arithmetic::INFO,
    calendar_arithmetic::INFO,
    chain_sum::INFO,
    count_bits::INFO,
    decimal_arithmetic::INFO,
    decimal_chain_sum::INFO,
    dice::INFO,
    fraction_simplification::INFO,
    gcd::INFO,
    lcm::INFO,
    leg_counting::INFO,
    number_format::INFO,
    power_function::INFO,
    prime_factorization::INFO,
    products::INFO,
];
