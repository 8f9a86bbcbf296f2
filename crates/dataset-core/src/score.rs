//! Scorers shared by several datasets.

/// reasoning-gym's default `ProceduralDataset.score_answer`: 1.0 on an exact
/// match; else `len(oracle) / len(answer)` when the oracle occurs inside the
/// answer; else 0.0. Lengths are in code points, as Python's `len`.
pub fn exact_or_contained(answer: Option<&str>, oracle: &str) -> f64 {
    let Some(answer) = answer else { return 0.0 };
    if answer.is_empty() {
        return 0.0;
    }
    if answer == oracle {
        1.0
    } else if answer.contains(oracle) {
        oracle.chars().count() as f64 / answer.chars().count() as f64
    } else {
        0.0
    }
}

/// reasoning-gym's `utils.compute_decimal_reward`: 1.0 when both texts are
/// equal as `Decimal`s (so sign, leading zeros and trailing decimals do not
/// matter, and with `strip_commas` neither do thousands separators:
/// "+01,000.00" scores 1.0 against "1000"); else the containment ratio of the
/// default scorer, on the comma-stripped texts.
pub fn decimal_reward(answer: Option<&str>, oracle: &str, strip_commas: bool) -> f64 {
    let Some(answer) = answer else { return 0.0 };
    if answer.is_empty() {
        return 0.0;
    }
    let (answer, oracle) = if strip_commas {
        (answer.replace(',', ""), oracle.replace(',', ""))
    } else {
        (answer.to_string(), oracle.to_string())
    };
    let parsed = (
        answer.parse::<pydecimal::Decimal>(),
        oracle.parse::<pydecimal::Decimal>(),
    );
    if let (Ok(a), Ok(o)) = parsed {
        if a.py_eq(&o) == Ok(true) {
            return 1.0;
        }
    }
    if answer.contains(&oracle) {
        oracle.chars().count() as f64 / answer.chars().count() as f64
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_reward_matches_reasoning_gym() {
        // (answer, oracle, compute_decimal_reward(answer, oracle)) under reasoning-gym 0.1.25.
        let cases: &[(Option<&str>, &str, f64)] = &[
            (Some("+01,000.00"), "1000", 1.0),
            (Some("1000"), "1,000", 1.0),
            (Some("-0"), "0", 1.0),
            (Some(" 42\n"), "42", 1.0),
            (Some("1_000"), "1000", 1.0),
            (Some("1e3"), "1000", 1.0),
            (Some("The answer is 42."), "42", 2.0 / 17.0),
            (Some("4,2"), "42", 1.0),
            (Some("42a"), "42", 2.0 / 3.0),
            // NaN never equals NaN: the texts match by containment.
            (Some("NaN"), "NaN", 1.0),
            (Some("sNaN"), "NaN", 3.0 / 4.0),
            (Some("43"), "42", 0.0),
            (Some(""), "42", 0.0),
            (None, "42", 0.0),
        ];
        for &(answer, oracle, want) in cases {
            assert_eq!(
                decimal_reward(answer, oracle, true),
                want,
                "{answer:?} vs {oracle:?}"
            );
        }
        assert_eq!(decimal_reward(Some("1,000"), "1000", false), 0.0);
    }
}
