//! Datasets native to rgym: promised by the upstream environment docs but absent from reasoning-gym 0.1.25.

use dataset_core::DatasetInfo;

pub mod answer_form;
pub mod chess_state_eval;
pub mod reverse_sort;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[chess_state_eval::INFO, reverse_sort::INFO];
