//! Rectangular grids (a list of equally long rows) turned and mirrored as the
//! reference's list expressions do, for every dataset that transforms boards
//! (rotate_matrix, manipulate_matrix, arc_agi). Each function is named after
//! what it does and documents the Python it stands for.

/// `zip(*m)`: row `c` of the result is column `c` of `m`.
pub fn transpose<T: Copy>(m: &[Vec<T>]) -> Vec<Vec<T>> {
    let cols = m.first().map_or(0, Vec::len);
    (0..cols)
        .map(|c| m.iter().map(|row| row[c]).collect())
        .collect()
}

/// `m[::-1]`: upside down (manipulate_matrix's `_hmirror`, arc_agi's "horizontal").
pub fn reverse_rows<T: Clone>(m: &[Vec<T>]) -> Vec<Vec<T>> {
    m.iter().rev().cloned().collect()
}

/// `[row[::-1] for row in m]`: left to right (`_vmirror`, "vertical").
pub fn reverse_cols<T: Copy>(m: &[Vec<T>]) -> Vec<Vec<T>> {
    m.iter()
        .map(|row| row.iter().rev().copied().collect())
        .collect()
}

/// `zip(*m[::-1])`: a quarter turn clockwise.
pub fn rot90<T: Copy>(m: &[Vec<T>]) -> Vec<Vec<T>> {
    let cols = m.first().map_or(0, Vec::len);
    (0..cols)
        .map(|c| m.iter().rev().map(|row| row[c]).collect())
        .collect()
}

/// `[row[::-1] for row in m[::-1]]`: a half turn.
pub fn rot180<T: Copy>(m: &[Vec<T>]) -> Vec<Vec<T>> {
    m.iter()
        .rev()
        .map(|row| row.iter().rev().copied().collect())
        .collect()
}

/// `[row[::-1] for row in zip(*m[::-1])][::-1]`: a quarter turn
/// counter-clockwise.
pub fn rot270<T: Copy>(m: &[Vec<T>]) -> Vec<Vec<T>> {
    let cols = m.first().map_or(0, Vec::len);
    (0..cols)
        .rev()
        .map(|c| m.iter().map(|row| row[c]).collect())
        .collect()
}

/// `zip(*[r[::-1] for r in m[::-1]])`: the mirror across the counter-diagonal.
pub fn counter_transpose<T: Copy>(m: &[Vec<T>]) -> Vec<Vec<T>> {
    let cols = m.first().map_or(0, Vec::len);
    (0..cols)
        .rev()
        .map(|c| m.iter().rev().map(|row| row[c]).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m() -> Vec<Vec<u8>> {
        vec![vec![1, 2, 3], vec![4, 5, 6]]
    }

    #[test]
    fn each_transform_is_its_python_expression() {
        assert_eq!(transpose(&m()), vec![vec![1, 4], vec![2, 5], vec![3, 6]]);
        assert_eq!(reverse_rows(&m()), vec![vec![4, 5, 6], vec![1, 2, 3]]);
        assert_eq!(reverse_cols(&m()), vec![vec![3, 2, 1], vec![6, 5, 4]]);
        assert_eq!(rot90(&m()), vec![vec![4, 1], vec![5, 2], vec![6, 3]]);
        assert_eq!(rot180(&m()), vec![vec![6, 5, 4], vec![3, 2, 1]]);
        // [row[::-1] for row in zip(*m[::-1])][::-1]
        assert_eq!(rot270(&m()), vec![vec![3, 6], vec![2, 5], vec![1, 4]]);
        // zip(*[r[::-1] for r in m[::-1]])
        assert_eq!(
            counter_transpose(&m()),
            vec![vec![6, 3], vec![5, 2], vec![4, 1]]
        );
    }

    #[test]
    fn turns_compose() {
        let g = m();
        assert_eq!(rot90(&rot90(&g)), rot180(&g));
        assert_eq!(rot90(&rot180(&g)), rot270(&g));
        assert_eq!(transpose(&rot180(&g)), counter_transpose(&g));
        assert_eq!(transpose::<u8>(&[]), Vec::<Vec<u8>>::new());
    }
}
