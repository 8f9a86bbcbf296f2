//! reasoning-gym's `graphs` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

pub mod course_schedule;
pub mod family_relationships;
pub mod largest_island;
pub mod path_star;
pub mod quantum_lock;
pub mod shortest_path;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    course_schedule::INFO,
    family_relationships::INFO,
    largest_island::INFO,
    path_star::INFO,
    quantum_lock::INFO,
    shortest_path::INFO,
];

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, refused};
    use serde_json::json;

    const LIMIT: &str = "must be at most 4194304 (rgym's limit on the size of one item)";
    const BIG: i64 = 1_000_000_000;

    #[test]
    fn absurd_sizes_are_refused() {
        let cases = [
            (
                &course_schedule::INFO,
                json!({"min_num_courses": BIG, "max_num_courses": BIG}),
                "max_num_courses * (2 + min(max_num_prerequisites, max_num_courses - 1))",
            ),
            (
                &course_schedule::INFO,
                json!({"max_num_courses": 10_000, "max_num_prerequisites": BIG}),
                "max_num_courses * (2 + min(max_num_prerequisites, max_num_courses - 1))",
            ),
            (
                &largest_island::INFO,
                json!({"min_rows": BIG, "max_rows": BIG}),
                "max_rows * max_cols",
            ),
            (
                &largest_island::INFO,
                json!({"min_cols": BIG, "max_cols": BIG}),
                "max_rows * max_cols",
            ),
            (
                &largest_island::INFO,
                json!({"min_num_islands": BIG, "max_num_islands": BIG}),
                "max_num_islands * min(max_island_size, max_rows * max_cols)",
            ),
            (
                &largest_island::INFO,
                json!({"max_num_islands": 1_000_000, "max_island_size": BIG}),
                "max_num_islands * min(max_island_size, max_rows * max_cols)",
            ),
            (
                &shortest_path::INFO,
                json!({"min_rows": BIG, "max_rows": BIG}),
                "max_rows * max_cols",
            ),
            (
                &shortest_path::INFO,
                json!({"min_cols": BIG, "max_cols": BIG}),
                "max_rows * max_cols",
            ),
            (
                &path_star::INFO,
                json!({"degree": 100_000_000, "node_range": 1_000_000_000_000i64}),
                "degree * max_path_length",
            ),
        ];
        for (info, config, what) in cases {
            let msg = refused(info, config);
            assert!(msg.starts_with(what) && msg.ends_with(LIMIT), "{msg}");
        }
        // reasoning-gym's own rules are checked first.
        assert_eq!(
            refused(
                &largest_island::INFO,
                json!({"max_rows": BIG, "min_cols": 0})
            ),
            "Invalid cols range"
        );
    }

    #[test]
    fn large_configs_reasoning_gym_handles_are_accepted() {
        // reasoning-gym: 14 s for a 2048 x 2048 shortest_path grid, under a
        // second for 20000 courses.
        let configs = [
            (
                &shortest_path::INFO,
                json!({"max_rows": 2048, "max_cols": 2048}),
            ),
            (
                &largest_island::INFO,
                json!({"max_rows": 2048, "max_cols": 2048, "max_num_islands": 4096, "max_island_size": 1024}),
            ),
            (
                &course_schedule::INFO,
                json!({"min_num_courses": 20_000, "max_num_courses": 20_000}),
            ),
            (
                &path_star::INFO,
                json!({"degree": 1_000_000, "max_path_length": 4, "node_range": 4_000_002}),
            ),
        ];
        for (info, config) in configs {
            accepted(info, config);
        }
    }
}
