//! `arc/board_format.py`: ARC grids as text and back, under
//! `BoardFormattingOptions`.

use dataset_core::{DatasetError, Result};
use pycompat::py_strip;
use serde_json::{json, Map, Value};

/// `ARC_PROMPT_TEMPLATE`'s text around `{examples}` and `{input_grid}`.
pub const PROMPT_HEAD: &str =
    "Find the common rule that maps an input grid to an output grid, given the examples below.\n\n";
pub const PROMPT_MIDDLE: &str = "\nBelow is a test input grid. Predict the corresponding output grid by applying the rule you found.\nYour final answer should just be the text output grid itself.\n\nInput:\n";

pub type Board = Vec<Vec<u8>>;

/// `BoardFormattingOptions`.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardFormattingOptions {
    pub alphabet: Vec<String>,
    pub col_delimiter: String,
    pub row_delimiter: String,
    pub array_brackets: bool,
}

impl Default for BoardFormattingOptions {
    fn default() -> Self {
        BoardFormattingOptions {
            alphabet: (0..10).map(|i| i.to_string()).collect(),
            col_delimiter: " ".into(),
            row_delimiter: "\n".into(),
            array_brackets: false,
        }
    }
}

impl BoardFormattingOptions {
    /// `BoardFormattingOptions(**given)`: the JSON form of the dataclass a
    /// Python caller passes (over the wire only an object can come).
    pub fn from_json(given: &Value) -> std::result::Result<Self, String> {
        let obj = given.as_object().ok_or(
            "board_format_opts must be an object with the fields of BoardFormattingOptions",
        )?;
        let mut opts = BoardFormattingOptions::default();
        for (key, value) in obj {
            let bad = |what: &str| format!("board_format_opts: {key} must be {what}");
            match key.as_str() {
                "alphabet" => {
                    opts.alphabet = value
                        .as_array()
                        .and_then(|a| a.iter().map(|s| s.as_str().map(str::to_string)).collect())
                        .ok_or_else(|| bad("a list of strings"))?;
                }
                "col_delimiter" => {
                    opts.col_delimiter = value.as_str().ok_or_else(|| bad("a string"))?.into();
                }
                "row_delimiter" => {
                    opts.row_delimiter = value.as_str().ok_or_else(|| bad("a string"))?.into();
                }
                "array_brackets" => {
                    opts.array_brackets = value.as_bool().ok_or_else(|| bad("a boolean"))?;
                }
                _ => {
                    return Err(format!(
                    "BoardFormattingOptions.__init__() got an unexpected keyword argument '{key}'"
                ))
                }
            }
        }
        Ok(opts)
    }

    /// The most characters one cell can take in a formatted board: its
    /// longest symbol, a column and a row delimiter, and two brackets. The
    /// ARC datasets' item-size rule counts cells at this width.
    pub fn cell_chars(&self) -> usize {
        self.alphabet
            .iter()
            .map(|a| a.chars().count())
            .max()
            .unwrap_or(0)
            + self.col_delimiter.chars().count()
            + self.row_delimiter.chars().count()
            + 2
    }

    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("alphabet".into(), json!(self.alphabet));
        m.insert("col_delimiter".into(), json!(self.col_delimiter));
        m.insert("row_delimiter".into(), json!(self.row_delimiter));
        m.insert("array_brackets".into(), json!(self.array_brackets));
        Value::Object(m)
    }
}

/// `format_board(board, opts)` (without the shape line). A cell past the
/// alphabet is the reference's `IndexError`.
pub fn format_board(board: &Board, opts: &BoardFormattingOptions) -> Result<String> {
    let mut out = String::new();
    write_board(&mut out, board.iter().map(Vec::as_slice), opts)?;
    Ok(out)
}

/// [`format_board`] of the board whose rows `rows` yields, appended to
/// `out` (arc_agi writes its flat boards in place through it).
pub fn write_board<'a, V>(
    out: &mut String,
    rows: impl Iterator<Item = &'a [V]>,
    opts: &BoardFormattingOptions,
) -> Result<()>
where
    V: Copy + 'a,
    i64: From<V>,
{
    // `alphabet[value]`, a negative value counting from the end as in
    // Python (a rearc generator at high difficulty can leave -1 cells).
    let len = opts.alphabet.len() as i64;
    let index_of = |value: V| {
        let v = i64::from(value);
        usize::try_from(if v < 0 { v + len } else { v }).ok()
    };
    let brackets = opts.array_brackets;
    // The usual options (one-character ASCII symbols, a one-character ASCII
    // column delimiter) write the whole board as bytes into one buffer: the
    // symbols from a table, each row's delimiters laid down first. Whole
    // UTF-8 strings and ASCII bytes make valid UTF-8, checked once a board.
    if let (&[delimiter], true) = (
        opts.col_delimiter.as_bytes(),
        opts.alphabet.len() <= 256 && opts.alphabet.iter().all(|a| a.len() == 1 && a.is_ascii()),
    ) {
        if delimiter.is_ascii() {
            // The buffer is kept per thread: a question writes several
            // boards, and a fresh one grew by reallocation each time.
            thread_local! {
                static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
            }
            return BUF.with(|buf| match buf.try_borrow_mut() {
                Ok(mut buf) => write_ascii_board(out, &mut buf, rows, opts, delimiter, index_of),
                Err(_) => write_ascii_board(out, &mut Vec::new(), rows, opts, delimiter, index_of),
            });
        }
    }
    if brackets {
        out.push('[');
    }
    for (r, row) in rows.enumerate() {
        if r > 0 {
            out.push_str(&opts.row_delimiter);
        }
        if brackets {
            out.push('[');
        }
        for (c, &value) in row.iter().enumerate() {
            if c > 0 {
                out.push_str(&opts.col_delimiter);
            }
            let symbol = index_of(value).and_then(|i| opts.alphabet.get(i));
            out.push_str(symbol.ok_or_else(out_of_range)?);
        }
        if brackets {
            out.push(']');
        }
    }
    if brackets {
        out.push(']');
    }
    Ok(())
}

/// [`write_board`]'s byte path: one-character ASCII symbols and column
/// delimiter. Each row's delimiters are laid down first and the symbols
/// written between them from a table.
fn write_ascii_board<'a, V: Copy + 'a>(
    out: &mut String,
    buf: &mut Vec<u8>,
    rows: impl Iterator<Item = &'a [V]>,
    opts: &BoardFormattingOptions,
    delimiter: u8,
    index_of: impl Fn(V) -> Option<usize>,
) -> Result<()> {
    // The caller took this path for alphabets of at most 256 symbols.
    let mut symbols = [0u8; 256];
    let n = opts.alphabet.len().min(symbols.len());
    for (s, a) in symbols.iter_mut().zip(&opts.alphabet) {
        *s = a.as_bytes()[0];
    }
    let brackets = opts.array_brackets;
    buf.clear();
    if brackets {
        buf.push(b'[');
    }
    for (r, row) in rows.enumerate() {
        if r > 0 {
            buf.extend_from_slice(opts.row_delimiter.as_bytes());
        }
        if brackets {
            buf.push(b'[');
        }
        let start = buf.len();
        buf.resize(start + 2 * row.len(), delimiter);
        for (pair, &value) in buf[start..].chunks_exact_mut(2).zip(row) {
            pair[0] = match index_of(value) {
                Some(i) if i < n => symbols[i],
                _ => return Err(out_of_range()),
            };
        }
        if !row.is_empty() {
            buf.pop();
        }
        if brackets {
            buf.push(b']');
        }
    }
    if brackets {
        buf.push(b']');
    }
    // Whole UTF-8 strings and ASCII bytes make valid UTF-8.
    out.push_str(std::str::from_utf8(buf).expect("whole strings and ASCII bytes"));
    Ok(())
}

/// Python's `IndexError` for a cell past the alphabet.
fn out_of_range() -> DatasetError {
    DatasetError::Generation("list index out of range".into())
}

/// `format_board_pair`.
pub fn format_board_pair(
    index: usize,
    input: &Board,
    output: &Board,
    opts: &BoardFormattingOptions,
) -> Result<String> {
    Ok(format!(
        "Example {index}:\n\nInput:\n{}\nOutput:\n{}\n\n",
        format_board(input, opts)?,
        format_board(output, opts)?
    ))
}

/// `s[1:-1]` when `s` is bracketed as `[...]`.
fn unbracket(s: &str) -> Option<&str> {
    s.strip_prefix('[')?.strip_suffix(']')
}

/// `parse_board`: the grid as rows of alphabet indices, or `None` where the
/// reference raises (a cell not in the alphabet, an empty delimiter).
pub fn parse_board(text: &str, opts: &BoardFormattingOptions) -> Option<Vec<Vec<usize>>> {
    let lines: Vec<&str> = text
        .split('\n')
        .map(py_strip)
        .filter(|line| !line.starts_with("Shape: "))
        .collect();
    let joined = lines.join("\n");
    let mut grid = py_strip(&joined);
    if opts.array_brackets {
        if let Some(inner) = unbracket(grid) {
            grid = py_strip(inner);
        }
    }
    if opts.row_delimiter.is_empty() || opts.col_delimiter.is_empty() {
        // `str.split("")`: ValueError("empty separator").
        return None;
    }
    let mut rows = Vec::new();
    for row in grid.split(opts.row_delimiter.as_str()) {
        let mut row = py_strip(row);
        if opts.array_brackets {
            if let Some(inner) = unbracket(row) {
                row = py_strip(inner);
            }
        }
        let cells = row
            .split(opts.col_delimiter.as_str())
            .map(py_strip)
            .filter(|cell| !cell.is_empty())
            .map(|cell| opts.alphabet.iter().position(|a| a == cell))
            .collect::<Option<Vec<usize>>>()?;
        rows.push(cells);
    }
    Some(rows)
}

/// The ARC datasets' `score_answer`: `parse_board(answer) == metadata["output"]`
/// scores 1.0, a board that parses but differs 0.05, an answer that does not
/// parse (or none) 0.0.
pub fn score_board(
    answer: Option<&str>,
    output: Option<&Value>,
    opts: &BoardFormattingOptions,
) -> f64 {
    let Some(answer) = answer else { return 0.0 };
    let Some(parsed) = parse_board(answer, opts) else {
        return 0.0;
    };
    let same = output.and_then(Value::as_array).is_some_and(|rows| {
        rows.len() == parsed.len()
            && rows.iter().zip(&parsed).all(|(row, cells)| {
                row.as_array().is_some_and(|row| {
                    row.len() == cells.len()
                        && row
                            .iter()
                            .zip(cells)
                            .all(|(v, &c)| v.as_u64() == Some(c as u64))
                })
            })
    });
    if same {
        1.0
    } else {
        0.05
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boards_round_trip_under_both_layouts() {
        let board: Board = vec![vec![1, 2], vec![3, 0]];
        let mut opts = BoardFormattingOptions::default();
        assert_eq!(
            format_board(&board, &opts).ok().as_deref(),
            Some("1 2\n3 0")
        );
        assert_eq!(
            parse_board("1 2\n3 0", &opts),
            Some(vec![vec![1, 2], vec![3, 0]])
        );
        opts.array_brackets = true;
        opts.col_delimiter = ",".into();
        let text = format_board(&board, &opts).unwrap_or_default();
        assert_eq!(text, "[[1,2]\n[3,0]]");
        assert_eq!(
            parse_board(&text, &opts),
            Some(vec![vec![1, 2], vec![3, 0]])
        );
        assert_eq!(parse_board("[[1,x]]", &opts), None);
    }

    /// One-character symbols take the character path, anything else the
    /// string path; both write the same text and refuse the same cells.
    #[test]
    fn both_cell_paths_agree() {
        let grid: Vec<Vec<i64>> = vec![vec![0, 9, 3], vec![7, 1, 2]];
        let write = |opts: &BoardFormattingOptions, g: &[Vec<i64>]| {
            let mut out = String::from(">");
            write_board(&mut out, g.iter().map(Vec::as_slice), opts).map(|()| out)
        };
        let one_char = BoardFormattingOptions::default();
        assert_eq!(
            write(&one_char, &grid).ok().as_deref(),
            Some(">0 9 3\n7 1 2")
        );
        // A two-character delimiter, then a two-character symbol, each
        // forcing the string path.
        let mut wide = one_char.clone();
        wide.col_delimiter = ", ".into();
        assert_eq!(
            write(&wide, &grid).ok().as_deref(),
            Some(">0, 9, 3\n7, 1, 2")
        );
        let mut long_symbol = one_char.clone();
        long_symbol.alphabet[9] = "nine".into();
        assert_eq!(
            write(&long_symbol, &grid).ok().as_deref(),
            Some(">0 nine 3\n7 1 2")
        );
        // A cell past the alphabet either way is Python's IndexError on both
        // paths; a negative one within it counts from the end.
        for opts in [&one_char, &long_symbol] {
            assert!(write(opts, &[vec![10]]).is_err());
            assert!(write(opts, &[vec![-11]]).is_err());
        }
        assert_eq!(
            write(&one_char, &[vec![-1, -10]]).ok().as_deref(),
            Some(">9 0")
        );
        assert_eq!(
            write(&long_symbol, &[vec![-1, -2]]).ok().as_deref(),
            Some(">nine 8")
        );
        // Brackets, an empty row and a non-ASCII row delimiter, both paths.
        let mut fancy = one_char.clone();
        fancy.array_brackets = true;
        fancy.row_delimiter = "¦\n".into();
        let mut fancy_long = fancy.clone();
        fancy_long.alphabet[9] = "nine".into();
        let g = vec![vec![9, 1], vec![], vec![2]];
        assert_eq!(
            write(&fancy, &g).ok().as_deref(),
            Some(">[[9 1]¦\n[]¦\n[2]]")
        );
        assert_eq!(
            write(&fancy_long, &g).ok().as_deref(),
            Some(">[[nine 1]¦\n[]¦\n[2]]")
        );
    }
}
