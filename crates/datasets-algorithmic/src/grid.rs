//! Integer grids as several `algorithmic` datasets print them.

/// `"\n".join(" ".join(str(x) for x in row) for row in matrix)`.
pub(crate) fn matrix_to_str(matrix: &[Vec<i64>]) -> String {
    matrix
        .iter()
        .map(|row| row.iter().map(i64::to_string).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Largest grid generated: the reference takes minutes and gigabytes beyond it.
const MAX_CELLS: u64 = 25_000_000;

/// The side of an `n` x `n` grid as an index, refused when the grid would be
/// too large to build.
pub(crate) fn square_side(n: i64) -> dataset_core::Result<usize> {
    match u64::try_from(n) {
        Ok(side) if side.saturating_mul(side) <= MAX_CELLS => Ok(side as usize),
        _ => Err(dataset_core::DatasetError::Generation(format!(
            "a {n}x{n} matrix is too large to generate"
        ))),
    }
}
