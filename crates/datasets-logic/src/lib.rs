//! reasoning-gym's `logic` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod propositional_logic;
pub mod syllogism;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[propositional_logic::INFO, syllogism::INFO];
