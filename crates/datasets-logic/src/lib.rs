//! reasoning-gym's `logic` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod aiw;
pub mod circuit_logic;
pub mod knights_knaves;
pub mod propositional_logic;
pub mod self_reference;
pub mod syllogism;
pub mod zebra_puzzles;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    aiw::INFO,
    circuit_logic::INFO,
    knights_knaves::INFO,
    propositional_logic::INFO,
    self_reference::INFO,
    syllogism::INFO,
    zebra_puzzles::INFO,
];
