//! reasoning-gym's `cognition` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod color_cube_rotation;
pub mod figlet;
pub mod figlet_font;
pub mod modulo_grid;
mod needle_data;
pub mod needle_haystack;
pub mod number_sequence;
pub mod rectangle_count;
mod rubik;
mod rubik_solver;
pub mod rubiks_cube;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    color_cube_rotation::INFO,
    figlet_font::INFO,
    modulo_grid::INFO,
    needle_haystack::INFO,
    number_sequence::INFO,
    rectangle_count::INFO,
    rubiks_cube::INFO,
];

#[cfg(test)]
mod tests {
    use dataset_core::testing::{accepted, refused};
    use serde_json::json;

    const LIMIT: &str = "must be at most 4194304 (rgym's limit on the size of one item)";

    #[test]
    fn absurd_sizes_are_refused() {
        use super::*;
        let big = 1_000_000_000;
        let cases = [
            (
                &color_cube_rotation::INFO,
                json!({"min_rotations": big, "max_rotations": big}),
                "max_rotations",
            ),
            (
                &modulo_grid::INFO,
                json!({"size_x": big}),
                "size_x * size_y",
            ),
            (
                &modulo_grid::INFO,
                json!({"size_y": big}),
                "size_x * size_y",
            ),
            (&modulo_grid::INFO, json!({"max_holes": big}), "max_holes"),
            (
                &modulo_grid::INFO,
                json!({"max_target": big}),
                "size_x * size_y * the grids drawn before one matches",
            ),
            (
                &modulo_grid::INFO,
                json!({"max_target": big, "max_divisor": big}),
                "size_x * size_y * the grids drawn before one matches",
            ),
            (
                &number_sequence::INFO,
                json!({"min_terms": big, "max_terms": big}),
                "max_terms * max_complexity",
            ),
            (
                &number_sequence::INFO,
                json!({"max_complexity": big}),
                "max_terms * max_complexity",
            ),
            (
                &rectangle_count::INFO,
                json!({"width": big}),
                "width * height",
            ),
            (
                &rectangle_count::INFO,
                json!({"height": big}),
                "width * height",
            ),
            (
                &rectangle_count::INFO,
                json!({"width": 400_000, "height": 10, "max_rectangles": 100_000}),
                "min(max_rectangles, 100000) * (width + height) / 16",
            ),
        ];
        for (info, config, what) in cases {
            let msg = refused(info, config);
            assert!(msg.starts_with(what) && msg.ends_with(LIMIT), "{msg}");
        }
    }

    #[test]
    fn reasoning_gym_rules_come_first() {
        use super::*;
        let big = 1_000_000_000;
        assert_eq!(
            refused(
                &color_cube_rotation::INFO,
                json!({"min_rotations": 0, "max_rotations": big})
            ),
            "min_rotations must be positive"
        );
        assert_eq!(
            refused(&modulo_grid::INFO, json!({"size_x": big, "max_holes": 0})),
            "max_holes must be greater than 0"
        );
        assert_eq!(
            refused(&rectangle_count::INFO, json!({"width": big, "height": 9})),
            "height must be gte 10"
        );
    }

    #[test]
    fn large_configs_reasoning_gym_handles_are_accepted() {
        use super::*;
        accepted(
            &color_cube_rotation::INFO,
            json!({"min_rotations": 1_000_000, "max_rotations": 1_000_000}),
        );
        // reasoning-gym: 7 s for one 1024 x 1024 grid, under a second for
        // max_target 90000 on the default grid.
        accepted(&modulo_grid::INFO, json!({"size_x": 1024, "size_y": 1024}));
        accepted(&modulo_grid::INFO, json!({"max_target": 90_000}));
        accepted(&modulo_grid::INFO, json!({"max_divisor": 1_000_000_000}));
        accepted(
            &number_sequence::INFO,
            json!({"min_terms": 1000, "max_terms": 1000}),
        );
        // reasoning-gym: 100000 attempts on 80 x 80 in under a second.
        accepted(&rectangle_count::INFO, json!({"max_rectangles": 100_000}));
        accepted(
            &rectangle_count::INFO,
            json!({"width": 2048, "height": 2048}),
        );
    }
}
