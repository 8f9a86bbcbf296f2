//! reasoning-gym's `algorithmic` package: one module per dataset, named as the dataset.

use dataset_core::DatasetInfo;

mod decimal_list;
mod grid;
mod rule_runs;

pub mod ab;
pub mod base_conversion;
pub mod binary_alternation;
pub mod binary_matrix;
pub mod caesar_cipher;
pub mod count_primes;
pub mod cryptarithm;
pub mod game_of_life;
pub mod game_of_life_halting;
pub mod graph_color;
pub mod group_anagrams;
pub mod isomorphic_strings;
pub mod jugs;
pub mod letter_counting;
pub mod letter_jumble;
pub mod manipulate_matrix;
pub mod number_filtering;
pub mod number_sorting;
pub mod palindrome_generation;
pub mod palindrome_partitioning;
pub mod pool_matrix;
pub mod ransom_note;
pub mod rotate_matrix;
pub mod rotten_oranges;
pub mod sentence_reordering;
pub mod spell_backward;
pub mod spiral_matrix;
pub mod string_insertion;
pub mod string_manipulation;
pub mod string_splitting;
pub mod string_synthesis;
pub mod word_ladder;
pub mod word_sequence_reversal;
pub mod word_sorting;

/// Every dataset of this crate, for the registry.
pub const DATASETS: &[DatasetInfo] = &[
    ab::INFO,
    base_conversion::INFO,
    binary_alternation::INFO,
    binary_matrix::INFO,
    count_primes::INFO,
    cryptarithm::INFO,
    caesar_cipher::INFO,
    group_anagrams::INFO,
    isomorphic_strings::INFO,
    letter_counting::INFO,
    letter_jumble::INFO,
    palindrome_generation::INFO,
    sentence_reordering::INFO,
    ransom_note::INFO,
    spell_backward::INFO,
    string_manipulation::INFO,
    word_sequence_reversal::INFO,
    word_sorting::INFO,
    game_of_life::INFO,
    game_of_life_halting::INFO,
    graph_color::INFO,
    number_filtering::INFO,
    number_sorting::INFO,
    palindrome_partitioning::INFO,
    manipulate_matrix::INFO,
    pool_matrix::INFO,
    rotate_matrix::INFO,
    rotten_oranges::INFO,
    spiral_matrix::INFO,
    string_insertion::INFO,
    string_splitting::INFO,
    string_synthesis::INFO,
    jugs::INFO,
    word_ladder::INFO,
];

#[cfg(test)]
mod size_limit_tests {
    use serde_json::json;

    #[test]
    fn absurd_sizes_are_refused_with_the_field_named() {
        let big = 1_000_000_000i64;
        for (info, config, what) in [
            (
                &crate::number_filtering::INFO,
                json!({"min_numbers": big, "max_numbers": big}),
                "max_numbers * (digits of the values + max_decimals)",
            ),
            (
                &crate::number_filtering::INFO,
                json!({"min_decimals": big, "max_decimals": big}),
                "max_numbers * (digits of the values + max_decimals)",
            ),
            (
                &crate::number_sorting::INFO,
                json!({"min_numbers": big, "max_numbers": big}),
                "max_numbers",
            ),
            (
                &crate::isomorphic_strings::INFO,
                json!({"min_string_length": big, "max_string_length": big}),
                "max_string_length",
            ),
            (
                &crate::palindrome_partitioning::INFO,
                json!({"min_string_len": big, "max_string_len": big}),
                "max_string_len",
            ),
            (
                &crate::ransom_note::INFO,
                json!({"min_magazine_length": big, "max_magazine_length": big}),
                "max_magazine_length + max_note_length",
            ),
            (
                &crate::string_insertion::INFO,
                json!({"min_string_length": big, "max_string_length": big}),
                "max_string_length",
            ),
            (
                &crate::string_manipulation::INFO,
                json!({"min_string_length": big, "max_string_length": big}),
                "max_string_length ** 2",
            ),
            (
                &crate::cryptarithm::INFO,
                json!({"min_words": big, "max_words": big}),
                "max_words",
            ),
            (
                &crate::graph_color::INFO,
                json!({"num_colors": big}),
                "num_colors + max_num_vertices * (max_num_vertices - 1) / 2",
            ),
            (
                &crate::rotate_matrix::INFO,
                json!({"max_n": big}),
                "max_n * max_n",
            ),
            (
                &crate::spiral_matrix::INFO,
                json!({"max_n": 2049}),
                "max_n * max_n",
            ),
            (
                &crate::rotten_oranges::INFO,
                json!({"min_n": big, "max_n": big}),
                "max_n * max_n",
            ),
            (
                &crate::binary_matrix::INFO,
                json!({"max_n": 2049}),
                "max_n * max_n",
            ),
            (
                &crate::binary_alternation::INFO,
                json!({"max_n": big}),
                "max_n",
            ),
            (
                &crate::palindrome_generation::INFO,
                json!({"max_length": 4_194_305}),
                "max_length",
            ),
        ] {
            assert_eq!(
                dataset_core::testing::refused(info, config),
                format!("{what} must be at most 4194304 (rgym's limit on the size of one item)"),
                "{}",
                info.name
            );
        }
    }

    /// The largest items under the bound (a 2048 x 2048 grid, 2^22 letters) are accepted.
    #[test]
    fn grids_up_to_the_bound_are_accepted() {
        for info in [
            &crate::rotate_matrix::INFO,
            &crate::spiral_matrix::INFO,
            &crate::rotten_oranges::INFO,
            &crate::binary_matrix::INFO,
        ] {
            dataset_core::testing::accepted(info, json!({"min_n": 2048, "max_n": 2048}));
        }
        dataset_core::testing::accepted(
            &crate::binary_alternation::INFO,
            json!({"max_n": 4_194_304}),
        );
        dataset_core::testing::accepted(
            &crate::palindrome_generation::INFO,
            json!({"max_length": 4_194_304}),
        );
    }
}
