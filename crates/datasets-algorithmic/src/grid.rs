//! Integer grids as several `algorithmic` datasets print them.

/// `"\n".join(" ".join(str(x) for x in row) for row in matrix)`.
pub(crate) fn matrix_to_str(matrix: &[Vec<i64>]) -> String {
    matrix
        .iter()
        .map(|row| row.iter().map(i64::to_string).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The `max_n * max_n` cells of the largest square grid a config allows,
/// for `Validator::ensure_item_size`: with it checked at build, every side an
/// item draws (`2 <= n <= max_n`) is a small `usize`.
pub(crate) fn square_cells(max_n: i64) -> u128 {
    let side = dataset_core::config::count(max_n);
    side.saturating_mul(side)
}
