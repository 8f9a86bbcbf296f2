//! reasoning-gym's `games` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod emoji_mystery;
pub mod mahjong_puzzle;
pub mod maze;
pub mod mini_sudoku;
pub mod n_queens;
pub mod sudoku;

mod sudoku_score;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    emoji_mystery::INFO,
    mahjong_puzzle::INFO,
    maze::INFO,
    mini_sudoku::INFO,
    n_queens::INFO,
    sudoku::INFO,
];
