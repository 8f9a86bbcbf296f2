//! `str()` of a numpy integer array under the default print options
//! (`linewidth=75`, `threshold=1000`, `edgeitems=3`, `legacy=False`): numpy's
//! `_formatArray` recursion, its line wrapping and its summarisation.

/// numpy's default `linewidth`.
const LINE_WIDTH: usize = 75;
/// Arrays with more elements than this print only their corners.
const THRESHOLD: usize = 1000;
/// Elements shown at each end of a summarised axis.
const EDGE_ITEMS: usize = 3;

/// `str(a)` for an integer array of `shape` (at least one axis) whose
/// elements are `values` in C order. An array without elements is `[]`.
pub fn int_array_str(shape: &[usize], values: &[i64]) -> String {
    debug_assert_eq!(shape.iter().product::<usize>(), values.len());
    if values.is_empty() || shape.is_empty() {
        return if shape.is_empty() {
            values.first().map_or_else(String::new, i64::to_string)
        } else {
            "[]".into()
        };
    }
    let summarise = values.len() > THRESHOLD;
    let width = format_width(shape, values, summarise);
    let strides: Vec<usize> = (0..shape.len())
        .map(|axis| shape[axis + 1..].iter().product())
        .collect();
    let printer = Printer {
        shape,
        strides: &strides,
        values,
        width,
        summarise,
    };
    printer.recurse(0, 0, " ", LINE_WIDTH)
}

/// [`int_array_str`] appended to `out`. A matrix whose rows fit on one line
/// (the common case: game_of_life_halting's boards) is written straight in,
/// without the general printer's per-element strings.
pub fn write_int_array_str(out: &mut String, shape: &[usize], values: &[i64]) {
    if let [rows, cols] = *shape {
        if rows > 0 && cols > 0 && values.len() <= THRESHOLD {
            let width = format_width(shape, values, false);
            // The last axis' elements go on a line of `LINE_WIDTH - 2` (two
            // levels of `]`) that starts with a two-space hanging indent:
            // 2 + cols * (width + 1) - 1 characters wrap only past it.
            if cols * (width + 1) < LINE_WIDTH - 2 {
                let mut digits = itoa::Buffer::new();
                out.push('[');
                for (r, row) in values.chunks_exact(cols).enumerate() {
                    if r > 0 {
                        out.push_str("\n ");
                    }
                    out.push('[');
                    for (c, &v) in row.iter().enumerate() {
                        if c > 0 {
                            out.push(' ');
                        }
                        let text = digits.format(v);
                        (text.len()..width).for_each(|_| out.push(' '));
                        out.push_str(text);
                    }
                    out.push(']');
                }
                out.push(']');
                return;
            }
        }
    }
    out.push_str(&int_array_str(shape, values));
}

/// `IntegerFormat`'s width: the longer of `str(max)` and `str(min)` over the
/// elements printed (only the corners, `_leading_trailing`, when summarised).
fn format_width(shape: &[usize], values: &[i64], summarise: bool) -> usize {
    let shown = |flat: usize| {
        !summarise || {
            let mut rest = flat;
            shape.iter().rev().all(|&dim| {
                let i = rest % dim;
                rest /= dim;
                dim <= 2 * EDGE_ITEMS || i < EDGE_ITEMS || i >= dim - EDGE_ITEMS
            })
        }
    };
    let (min, max) = values
        .iter()
        .enumerate()
        .filter(|&(flat, _)| shown(flat))
        .fold((i64::MAX, i64::MIN), |(lo, hi), (_, &v)| {
            (lo.min(v), hi.max(v))
        });
    max.to_string().len().max(min.to_string().len())
}

struct Printer<'a> {
    shape: &'a [usize],
    strides: &'a [usize],
    values: &'a [i64],
    width: usize,
    summarise: bool,
}

/// `_extendLine`: wrap before `word` when the line would pass `line_width`,
/// unless the line holds nothing but its prefix.
fn extend_line(s: &mut String, line: &mut String, word: &str, line_width: usize, prefix: &str) {
    let needs_wrap = line.chars().count() + word.chars().count() > line_width
        && line.chars().count() > prefix.chars().count();
    if needs_wrap {
        s.push_str(line.trim_end());
        s.push('\n');
        line.clear();
        line.push_str(prefix);
    }
    line.push_str(word);
}

impl Printer<'_> {
    /// The items of an axis as `_formatArray` visits them: the first and last
    /// `EDGE_ITEMS` with the summary between, or all of them.
    fn items(&self, len: usize) -> (Vec<usize>, Vec<usize>) {
        if self.summarise && 2 * EDGE_ITEMS < len {
            ((0..EDGE_ITEMS).collect(), (len - EDGE_ITEMS..len).collect())
        } else {
            (Vec::new(), (0..len).collect())
        }
    }

    /// `recurser(index, hanging_indent, curr_width)`, with the index as the
    /// flat offset of the sub-array at `axis`.
    fn recurse(
        &self,
        axis: usize,
        offset: usize,
        hanging_indent: &str,
        curr_width: usize,
    ) -> String {
        let next_hanging_indent = format!("{hanging_indent} ");
        let next_width = curr_width.saturating_sub(1);
        let (leading, trailing) = self.items(self.shape[axis]);
        let summary = !leading.is_empty();
        let stride = self.strides[axis];
        let mut s = String::new();
        if axis + 1 == self.shape.len() {
            // The separator `' '` strips to nothing, so `]` sets the room.
            let elem_width = curr_width.saturating_sub(1);
            let mut line = hanging_indent.to_string();
            let word = |i: usize| format!("{:>w$}", self.values[offset + i], w = self.width);
            for &i in &leading {
                extend_line(&mut s, &mut line, &word(i), elem_width, hanging_indent);
                line.push(' ');
            }
            if summary {
                extend_line(&mut s, &mut line, "...", elem_width, hanging_indent);
                line.push(' ');
            }
            if let Some((&last, rest)) = trailing.split_last() {
                for &i in rest {
                    extend_line(&mut s, &mut line, &word(i), elem_width, hanging_indent);
                    line.push(' ');
                }
                extend_line(&mut s, &mut line, &word(last), elem_width, hanging_indent);
            }
            s.push_str(&line);
        } else {
            let line_sep = "\n".repeat(self.shape.len() - axis - 1);
            let nested = |i: usize| {
                self.recurse(
                    axis + 1,
                    offset + i * stride,
                    &next_hanging_indent,
                    next_width,
                )
            };
            for &i in &leading {
                s.push_str(hanging_indent);
                s.push_str(&nested(i));
                s.push_str(&line_sep);
            }
            if summary {
                s.push_str(hanging_indent);
                s.push_str("...");
                s.push_str(&line_sep);
            }
            if let Some((&last, rest)) = trailing.split_last() {
                for &i in rest {
                    s.push_str(hanging_indent);
                    s.push_str(&nested(i));
                    s.push_str(&line_sep);
                }
                s.push_str(hanging_indent);
                s.push_str(&nested(last));
            }
        }
        format!("[{}]", &s[hanging_indent.len()..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_fast_path_prints_as_the_general_printer() {
        // Shapes on both sides of the one-line bound, widths 1 to 3 with a
        // minus sign, and past the summarising threshold.
        let mut state = 12345u64;
        for (lo, hi) in [(0i64, 1i64), (-5, 9), (0, 99), (-99, 999)] {
            for rows in 1..=12 {
                for cols in 1..=40 {
                    let values: Vec<i64> = (0..rows * cols)
                        .map(|_| {
                            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
                            lo + ((state >> 33) as i64).rem_euclid(hi - lo + 1)
                        })
                        .collect();
                    let mut out = String::from("x");
                    write_int_array_str(&mut out, &[rows, cols], &values);
                    let want = int_array_str(&[rows, cols], &values);
                    assert_eq!(out, format!("x{want}"), "{rows}x{cols} in {lo}..={hi}");
                }
            }
        }
        let big = vec![1i64; 40 * 40];
        let mut out = String::new();
        write_int_array_str(&mut out, &[40, 40], &big);
        assert_eq!(out, int_array_str(&[40, 40], &big));
    }

    #[test]
    fn small_arrays_print_as_numpy_prints_them() {
        assert_eq!(
            int_array_str(&[2, 3], &[1, 2, 3, 4, 5, 6]),
            "[[1 2 3]\n [4 5 6]]"
        );
        assert_eq!(int_array_str(&[3], &[-1, 20, 3]), "[-1 20  3]");
        assert_eq!(int_array_str(&[0, 3], &[]), "[]");
    }
}
