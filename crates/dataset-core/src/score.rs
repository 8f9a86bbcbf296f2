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
