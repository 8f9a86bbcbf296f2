//! reasoning-gym's `games` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod emoji_mystery;
pub mod mahjong_puzzle;
pub mod maze;
pub mod sudoku;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    emoji_mystery::INFO,
    mahjong_puzzle::INFO,
    maze::INFO,
    sudoku::INFO,
];
