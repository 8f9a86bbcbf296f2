//! reasoning-gym's `games` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod boxnet;
pub mod countdown;
pub mod emoji_mystery;
pub mod futoshiki;
pub mod kakurasu;
pub mod knight_swap;
pub mod mahjong_puzzle;
pub mod maze;
pub mod mini_sudoku;
pub mod n_queens;
pub mod puzzle24;
pub mod rush_hour;
pub mod sokoban;
pub mod sudoku;
pub mod survo;
pub mod tower_of_hanoi;
pub mod tsumego;

mod str_format;
mod sudoku_board;
mod sudoku_score;
mod symbol_fold;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    boxnet::INFO,
    countdown::INFO,
    emoji_mystery::INFO,
    futoshiki::INFO,
    kakurasu::INFO,
    knight_swap::INFO,
    mahjong_puzzle::INFO,
    maze::INFO,
    mini_sudoku::INFO,
    n_queens::INFO,
    puzzle24::INFO,
    rush_hour::INFO,
    sokoban::INFO,
    sudoku::INFO,
    survo::INFO,
    tower_of_hanoi::INFO,
    tsumego::INFO,
];

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, refused};
    use serde_json::json;

    const LIMIT: &str = "must be at most 4194304 (rgym's limit on the size of one item)";

    #[test]
    fn absurd_sizes_are_refused() {
        let cases = [
            (
                &mahjong_puzzle::INFO,
                json!({"min_num_rounds": 1_000_000_000, "max_num_rounds": 1_000_000_000}),
                "max_num_rounds * 15",
            ),
            (
                &maze::INFO,
                json!({"min_grid_size": 1_000_000_000, "max_grid_size": 1_000_000_000}),
                "max_grid_size * max_grid_size * 4",
            ),
            (
                &maze::INFO,
                json!({"max_grid_size": 1_000_000}),
                "max_grid_size * max_grid_size * 4",
            ),
            (
                &maze::INFO,
                json!({"max_grid_size": 1025}),
                "max_grid_size * max_grid_size * 4",
            ),
        ];
        for (info, config, what) in cases {
            let msg = refused(info, config);
            assert!(msg.starts_with(what) && msg.ends_with(LIMIT), "{msg}");
        }
        // reasoning-gym's own rules are checked first.
        assert_eq!(
            refused(
                &maze::INFO,
                json!({"min_grid_size": 1, "max_grid_size": 1_000_000_000})
            ),
            "min_grid_size must be >= 2"
        );
    }

    #[test]
    fn large_configs_reasoning_gym_handles_are_accepted() {
        // reasoning-gym: about 1 s for a 1024 x 1024 maze, 4 s for 100000 rounds.
        let configs = [
            (
                &maze::INFO,
                json!({"max_grid_size": 1024, "min_dist": 1, "max_dist": 1_000_000}),
            ),
            (
                &mahjong_puzzle::INFO,
                json!({"min_num_rounds": 100_000, "max_num_rounds": 100_000}),
            ),
        ];
        for (info, config) in configs {
            accepted(info, config);
        }
    }
}
