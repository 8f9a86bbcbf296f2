//! Integer grids as several `algorithmic` datasets print them.

/// `"\n".join(" ".join(str(x) for x in row) for row in matrix)`.
pub(crate) fn matrix_to_str(matrix: &[Vec<i64>]) -> String {
    matrix
        .iter()
        .map(|row| row.iter().map(i64::to_string).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}
