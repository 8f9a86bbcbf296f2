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
pub mod gsm_symbolic;
pub mod lcm;
pub mod leg_counting;
pub mod number_format;
pub mod power_function;
pub mod prime_factorization;
pub mod products;
pub mod time_intervals;

mod int_expr;
mod number_list;
mod operands;
mod pydate;
mod pyint;

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
    gsm_symbolic::INFO,
    lcm::INFO,
    leg_counting::INFO,
    number_format::INFO,
    power_function::INFO,
    prime_factorization::INFO,
    products::INFO,
    time_intervals::INFO,
];

#[cfg(test)]
mod size_limit_tests {
    use dataset_core::testing::build_json;
    use dataset_core::DatasetError;
    use serde_json::json;

    #[test]
    fn absurd_sizes_are_refused_with_the_field_named() {
        let big = 1_000_000_000i64;
        for (info, config, what) in [
            (
                &crate::basic_arithmetic::INFO,
                json!({"min_terms": big, "max_terms": big}),
                "max_terms * max_digits",
            ),
            (
                &crate::chain_sum::INFO,
                json!({"min_terms": big, "max_terms": big}),
                "max_terms * max_digits",
            ),
            (
                &crate::products::INFO,
                json!({"min_terms": big, "max_terms": big}),
                "max_terms * max_digits",
            ),
            (
                &crate::decimal_arithmetic::INFO,
                json!({"precision": big}),
                "max_terms * precision",
            ),
            (
                &crate::decimal_chain_sum::INFO,
                json!({"min_terms": big, "max_terms": big}),
                "max_terms * (max_digits + max_decimal_places)",
            ),
            (
                &crate::number_format::INFO,
                json!({"min_num_candidates": big, "max_num_candidates": big}),
                "max_num_candidates",
            ),
            (
                &crate::gcd::INFO,
                json!({"min_numbers": big, "max_numbers": big}),
                "max_numbers",
            ),
            (
                &crate::lcm::INFO,
                json!({"min_numbers": big, "max_numbers": big}),
                "max_numbers",
            ),
        ] {
            match build_json(info, &config) {
                Err(DatasetError::InvalidConfig(m)) => assert_eq!(
                    m,
                    format!(
                        "{what} must be at most 4194304 (rgym's limit on the size of one item)"
                    ),
                    "{}",
                    info.name
                ),
                Err(e) => panic!("{}: {e}", info.name),
                Ok(_) => panic!("{}: accepted", info.name),
            }
        }
    }

    #[test]
    fn ints_past_4300_digits_fail_as_in_python() {
        let msg = "Exceeds the limit (4300 digits) for integer string conversion; \
                   use sys.set_int_max_str_digits() to increase the limit";
        let big = 1_000_000_000i64;
        for (info, config) in [
            (
                &crate::basic_arithmetic::INFO,
                json!({"min_digits": big, "max_digits": big}),
            ),
            (
                &crate::basic_arithmetic::INFO,
                json!({"min_digits": 4301, "max_digits": 4301}),
            ),
            (
                &crate::chain_sum::INFO,
                json!({"min_digits": big, "max_digits": big}),
            ),
            (
                &crate::chain_sum::INFO,
                json!({"min_digits": 4301, "max_digits": 4301}),
            ),
            (
                &crate::products::INFO,
                json!({"min_digits": big, "max_digits": big}),
            ),
            (
                &crate::products::INFO,
                json!({"min_terms": 3000, "max_terms": 3000}),
            ),
            (
                &crate::decimal_chain_sum::INFO,
                json!({"min_digits": big, "max_digits": big}),
            ),
            (
                &crate::decimal_chain_sum::INFO,
                json!({"min_decimal_places": 4300, "max_decimal_places": big}),
            ),
            (
                &crate::lcm::INFO,
                json!({"min_numbers": 10000, "max_numbers": 10000, "max_value": big}),
            ),
        ] {
            let ds = build_json(info, &config).unwrap();
            assert_eq!(
                ds.get(0),
                Err(DatasetError::Generation(msg.into())),
                "{} {config}",
                info.name
            );
        }
        // Just below the limit the items are made.
        let ds = build_json(
            &crate::chain_sum::INFO,
            &json!({"min_digits": 4299, "max_digits": 4299}),
        )
        .unwrap();
        assert!(ds.get(0).is_ok());
    }
}
