//! pyfiglet 1.0.2's FIGfont reader and rendering engine, as `figlet_format`
//! runs them (width 80, direction and justification from the font).
//!
//! Ported from pyfiglet (MIT) piece by piece, each named after the method it
//! mirrors, because figlet_font's questions are pyfiglet's output to the byte:
//! its smushing rules, its line breaking at the last blank, and its quirks
//! (`prevCharWidth` survives a line break; a hard blank is a substring).
//! Text is handled as code points, as Python's `str` is.
//!
//! The fonts themselves are not part of rgym (their licences vary, see
//! `figlet_font.rs`): [`FigletFont::load_font`] parses a font file's text.

use std::collections::HashMap;

/// pyfiglet's exceptions that can escape `figlet_format` for the fonts and
/// words figlet_font uses, with the messages `str()` gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigletError {
    /// `FontError`: the font file does not parse.
    Font(String),
    /// `CharNotPrinted`: a glyph wider than the output width.
    CharNotPrinted,
    /// An `IndexError` or `TypeError` (the type's name, the message) the
    /// engine raises on glyphs whose rows disagree with the smush amount.
    Engine(&'static str, String),
    /// rgym's: the reference's line breaking never ends on this text.
    Endless,
}

impl FigletError {
    /// The exception as Python shows it: `Type: message`.
    pub fn python(&self) -> String {
        let kind = match self {
            FigletError::Font(_) => "FontError",
            FigletError::CharNotPrinted => "CharNotPrinted",
            FigletError::Engine(kind, _) => kind,
            FigletError::Endless => "RgymLimit",
        };
        format!("{kind}: {self}")
    }
}

impl std::fmt::Display for FigletError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FigletError::Font(m) => f.write_str(m),
            FigletError::CharNotPrinted => {
                f.write_str("Width is not enough to print this character")
            }
            FigletError::Engine(_, m) => f.write_str(m),
            FigletError::Endless => f.write_str(
                "a glyph fills the whole output width: pyfiglet breaks the line before it \
                 forever (rgym refuses the item)",
            ),
        }
    }
}

// `FigletBuilder`'s layout bits, "lifted from figlet222".
const SM_EQUAL: i64 = 1;
const SM_LOWLINE: i64 = 2;
const SM_HIERARCHY: i64 = 4;
const SM_PAIR: i64 = 8;
const SM_BIGX: i64 = 16;
const SM_HARDBLANK: i64 = 32;
const SM_KERN: i64 = 64;
const SM_SMUSH: i64 = 128;

/// The German characters that follow the ASCII set in a FIGfont, in order.
const DEUTSCH: [char; 7] = ['Ä', 'Ö', 'Ü', 'ä', 'ö', 'ü', 'ß'];

/// Python's `str.isspace()`, which is what `\s` matches in a `str` pattern.
fn is_space(c: char) -> bool {
    pycompat::py_isspace(c)
}

struct Glyph {
    width: usize,
    rows: Vec<Vec<char>>,
}

/// A parsed FIGfont (`FigletFont` after `loadFont`).
pub struct FigletFont {
    height: usize,
    /// A string, not a char: pyfiglet replaces it as a substring.
    hard_blank: String,
    print_direction: Option<i64>,
    smush_mode: i64,
    chars: HashMap<u32, Glyph>,
}

/// Python's `int()` of a header field.
fn header_int(field: &str) -> Result<i64, String> {
    pycompat::py_int_base(field, 10)
        .and_then(|n| i64::try_from(n).ok())
        .ok_or_else(|| format!("invalid literal for int() with base 10: '{field}'"))
}

/// `re.compile(r'(.)\s*$').search(line).group(1)`: the last character that
/// is not whitespace, or the first one of an all-whitespace line.
fn end_marker(line: &[char]) -> Option<char> {
    let last = line.iter().rposition(|&c| !is_space(c));
    line.get(last.unwrap_or(0)).copied()
}

/// `re.compile(re.escape(end) + r'{1,2}\s*$').sub('', line)`: the leftmost
/// run of one or two `end`s followed only by whitespace is cut with what
/// follows it.
fn strip_end_marker(line: &mut Vec<char>, end: char) {
    let n = line.len();
    let all_space = |from: usize| line[from..].iter().all(|&c| is_space(c));
    for i in 0..n {
        if line[i] != end {
            continue;
        }
        if all_space(i + 1) || (i + 1 < n && line[i + 1] == end && all_space(i + 2)) {
            line.truncate(i);
            return;
        }
    }
}

/// The font file's lines, consumed from the front as `data.pop(0)` does.
struct Lines<'a> {
    lines: std::collections::VecDeque<&'a str>,
}

impl Lines<'_> {
    fn pop(&mut self) -> Result<&str, String> {
        self.lines
            .pop_front()
            .ok_or_else(|| "pop from empty list".to_string())
    }
}

impl FigletFont {
    /// `FigletFont.loadFont` on the text `preloadFont` decoded (UTF-8 with
    /// replacement). Errors are `FontError`'s message.
    pub fn load_font(name: &str, data: &str) -> Result<FigletFont, FigletError> {
        Self::parse(name, data)
            .map_err(|e| FigletError::Font(format!("problem parsing {name} font: {e}")))
    }

    fn parse(name: &str, data: &str) -> Result<FigletFont, String> {
        // "Remove any unicode line splitting characters other than CRLF".
        let data: String = data
            .chars()
            .map(|c| match c {
                '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
                c => c,
            })
            .collect();
        let mut data = Lines {
            lines: pycompat::py_splitlines(&data).collect(),
        };
        let header = data.pop()?;
        // `^[tf]lf2.`
        let mut hc = header.chars();
        let magic = matches!(hc.next(), Some('t' | 'f'))
            && hc.next() == Some('l')
            && hc.next() == Some('f')
            && hc.next() == Some('2')
            && hc.next().is_some();
        if !magic {
            // Raised inside the try, so wrapped like every other error.
            return Err(format!("{name} is not a valid figlet font"));
        }
        let header: Vec<&str> = pycompat::py_split(hc.as_str()).collect();
        if header.len() < 6 {
            return Err(format!("malformed header for {name}"));
        }
        let hard_blank = header[0].to_string();
        let height = header_int(header[1])?;
        let _base_line = header_int(header[2])?;
        let _max_length = header_int(header[3])?;
        let old_layout = header_int(header[4])?;
        let comment_lines = header_int(header[5])?;
        let print_direction = header.get(6).map(|f| header_int(f)).transpose()?;
        let full_layout = header.get(7).map(|f| header_int(f)).transpose()?;
        let smush_mode = full_layout.unwrap_or(match old_layout {
            0 => 64,
            l if l < 0 => 0,
            l => (l & 31) | 128,
        });
        for _ in 0..comment_lines.max(0) {
            data.pop()?;
        }
        let height = usize::try_from(height).unwrap_or(0);

        // `__char`: one glyph, its rows cut at the end marker the first row shows.
        let glyph = |data: &mut Lines| -> Result<Glyph, String> {
            let mut end = None;
            let mut width = 0;
            let mut rows = Vec::with_capacity(height);
            for _ in 0..height {
                let mut line: Vec<char> = data.pop()?.chars().collect();
                let e = match end {
                    Some(e) => e,
                    None => {
                        let e = end_marker(&line).ok_or_else(|| {
                            "'NoneType' object has no attribute 'group'".to_string()
                        })?;
                        end = Some(e);
                        e
                    }
                };
                strip_end_marker(&mut line, e);
                width = width.max(line.len());
                rows.push(line);
            }
            Ok(Glyph { width, rows })
        };
        let blank = |g: &Glyph| g.rows.iter().all(Vec::is_empty);

        let mut chars = HashMap::new();
        // The ASCII set, space kept even when empty: line breaking needs it.
        for code in 32..127u32 {
            let g = glyph(&mut data)?;
            if code == 32 || !blank(&g) {
                chars.insert(code, g);
            }
        }
        if !data.lines.is_empty() {
            for c in DEUTSCH {
                let g = glyph(&mut data)?;
                if !blank(&g) {
                    chars.insert(u32::from(c), g);
                }
            }
        }
        // Code-tagged characters: only `0x` tags are read; any other line is
        // skipped, glyph rows included, as pyfiglet does.
        while let Some(line) = data.lines.pop_front() {
            let line = pycompat::py_strip(line);
            let tag = line.split(' ').next().unwrap_or("");
            if tag.is_empty() || !(tag.starts_with("0x") || tag.starts_with("0X")) {
                continue;
            }
            let code = pycompat::py_int_base(tag, 16)
                .ok_or_else(|| format!("invalid literal for int() with base 16: '{tag}'"))?;
            let g = glyph(&mut data)?;
            if !blank(&g) {
                // A code past u32 names no character text can hold.
                if let Ok(code) = u32::try_from(code) {
                    chars.insert(code, g);
                }
            }
        }
        Ok(FigletFont {
            height,
            hard_blank,
            print_direction,
            smush_mode,
            chars,
        })
    }

    /// `Figlet(font).renderText(text)` at pyfiglet's default width, 80.
    pub fn render(&self, text: &str) -> Result<String, FigletError> {
        let right_to_left = self.print_direction == Some(1);
        let mut b = FigletBuilder {
            font: self,
            text: text.chars().collect(),
            right_to_left,
            width: 80,
            iterator: 0,
            max_smush: 0,
            cur_char_width: 0,
            prev_char_width: 0,
            blank_markers: Vec::new(),
            product: Vec::new(),
            buffer: vec![Vec::new(); self.height],
        };
        while b.iterator < b.text.len() {
            b.add_char_to_product()?;
            b.iterator = b.iterator.wrapping_add(1);
        }
        Ok(b.return_product())
    }
}

/// `FigletBuilder`: one rendering's state.
struct FigletBuilder<'f> {
    font: &'f FigletFont,
    text: Vec<char>,
    right_to_left: bool,
    width: usize,
    iterator: usize,
    max_smush: usize,
    cur_char_width: usize,
    prev_char_width: usize,
    /// The buffer as it was before each blank, with the blank's index.
    blank_markers: Vec<(Vec<Vec<char>>, usize)>,
    /// Finished lines, each `height` rows.
    product: Vec<Vec<Vec<char>>>,
    buffer: Vec<Vec<char>>,
}

impl FigletBuilder<'_> {
    fn add_char_to_product(&mut self) -> Result<(), FigletError> {
        let c = self.text[self.iterator];
        if c == '\n' {
            self.blank_markers
                .push((self.buffer.clone(), self.iterator));
            return self.handle_new_line();
        }
        let font = self.font;
        let Some(glyph) = font.chars.get(&u32::from(c)) else {
            return Ok(());
        };
        if self.width < glyph.width {
            return Err(FigletError::CharNotPrinted);
        }
        self.cur_char_width = glyph.width;
        self.max_smush = self.smush_amount(glyph);
        let total = (self.buffer.first().map_or(0, Vec::len) + self.cur_char_width)
            .saturating_sub(self.max_smush);
        if c == ' ' {
            self.blank_markers
                .push((self.buffer.clone(), self.iterator));
        }
        if total >= self.width {
            self.handle_new_line()?;
        } else {
            for row in 0..font.height {
                self.add_cur_char_row_to_buffer_row(glyph, row)?;
            }
        }
        self.prev_char_width = self.cur_char_width;
        Ok(())
    }

    fn return_product(mut self) -> String {
        if self.buffer.first().is_some_and(|r| !r.is_empty()) {
            let buffer = std::mem::take(&mut self.buffer);
            self.product.push(buffer);
        }
        self.format_product()
    }

    /// `formatProduct`: each line justified, joined, hard blanks replaced.
    fn format_product(&self) -> String {
        let mut out = String::new();
        for buffer in &self.product {
            let mut block = String::new();
            for row in buffer {
                // `justify` is `right` for a right-to-left font, else `left`.
                if self.right_to_left {
                    let pad = self.width.saturating_sub(row.len() + 1);
                    block.extend(std::iter::repeat_n(' ', pad));
                }
                block.extend(row.iter());
                block.push('\n');
            }
            // `'\n'.join(buffer) + '\n'` is every row followed by a newline.
            if self.font.height == 0 {
                block.push('\n');
            }
            out.push_str(&replace_hard_blanks(&block, &self.font.hard_blank));
        }
        out
    }

    /// `smushRow` then `addCurCharRowToBufferRow`.
    fn add_cur_char_row_to_buffer_row(
        &mut self,
        glyph: &Glyph,
        row: usize,
    ) -> Result<(), FigletError> {
        let cur = &glyph.rows[row];
        let mut buffer_row = std::mem::take(&mut self.buffer[row]);
        let (mut add_left, add_right) = if self.right_to_left {
            (cur.clone(), buffer_row.as_slice())
        } else {
            (std::mem::take(&mut buffer_row), cur.as_slice())
        };
        let add_right = add_right.to_vec();
        for i in 0..self.max_smush {
            let idx = add_left.len() as i64 - self.max_smush as i64 + i as i64;
            let right = *add_right.get(i).ok_or_else(|| {
                FigletError::Engine("IndexError", "string index out of range".into())
            })?;
            // Outside the left row the smushed character is dropped.
            if idx < 0 {
                continue;
            }
            let idx = idx as usize;
            let smushed = self.smush_chars(add_left[idx], right).ok_or_else(|| {
                FigletError::Engine(
                    "TypeError",
                    format!("sequence item {idx}: expected str instance, NoneType found"),
                )
            })?;
            add_left[idx] = smushed;
        }
        add_left.extend_from_slice(add_right.get(self.max_smush..).unwrap_or(&[]));
        self.buffer[row] = add_left;
        Ok(())
    }

    /// `smushAmount`: how far the glyph can move left into the buffer.
    fn smush_amount(&self, glyph: &Glyph) -> usize {
        if self.font.smush_mode & (SM_SMUSH | SM_KERN) == 0 {
            return 0;
        }
        let mut max_smush = self.cur_char_width;
        for row in 0..self.font.height {
            let (left, right) = if self.right_to_left {
                (&glyph.rows[row], &self.buffer[row])
            } else {
                (&self.buffer[row], &glyph.rows[row])
            };
            // Only ASCII spaces are stripped, as figlet does.
            let trimmed = left.iter().rposition(|&c| c != ' ').map_or(0, |p| p + 1);
            let mut linebd = trimmed.saturating_sub(1);
            let ch1 = if linebd < left.len() {
                Some(left[linebd])
            } else {
                linebd = 0;
                None
            };
            let charbd = right.iter().position(|&c| c != ' ').unwrap_or(right.len());
            let ch2 = right.get(charbd).copied();
            let mut amt = (charbd + left.len()) as i64 - 1 - linebd as i64;
            match ch1 {
                None | Some(' ') => amt += 1,
                Some(c1) => {
                    if ch2.is_some_and(|c2| self.smush_chars(c1, c2).is_some()) {
                        amt += 1;
                    }
                }
            }
            if amt < max_smush as i64 {
                max_smush = amt.max(0) as usize;
            }
        }
        max_smush
    }

    /// `smushChars`: the character two touching edges make, if they smush.
    fn smush_chars(&self, left: char, right: char) -> Option<char> {
        if left == ' ' {
            return Some(right);
        }
        if right == ' ' {
            return Some(left);
        }
        // No overlap when either character is one column wide or less.
        if self.prev_char_width < 2 || self.cur_char_width < 2 {
            return None;
        }
        let mode = self.font.smush_mode;
        if mode & SM_SMUSH == 0 {
            return None;
        }
        let hb = |c: char| {
            let mut it = self.font.hard_blank.chars();
            it.next() == Some(c) && it.next().is_none()
        };
        if mode & 63 == 0 {
            // Universal overlapping: the visible character, else the later one.
            if hb(left) {
                return Some(right);
            }
            if hb(right) {
                return Some(left);
            }
            return Some(if self.right_to_left { left } else { right });
        }
        if mode & SM_HARDBLANK != 0 && hb(left) && hb(right) {
            return Some(left);
        }
        if hb(left) || hb(right) {
            return None;
        }
        if mode & SM_EQUAL != 0 && left == right {
            return Some(left);
        }
        let mut classes: Vec<(&str, &str)> = Vec::new();
        if mode & SM_LOWLINE != 0 {
            classes.push(("_", r"|/\[]{}()<>"));
        }
        if mode & SM_HIERARCHY != 0 {
            classes.extend([
                ("|", r"/\[]{}()<>"),
                (r"\/", "[]{}()<>"),
                ("[]", "{}()<>"),
                ("{}", "()<>"),
                ("()", "<>"),
            ]);
        }
        for (a, b) in classes {
            if a.contains(left) && b.contains(right) {
                return Some(right);
            }
            if a.contains(right) && b.contains(left) {
                return Some(left);
            }
        }
        if mode & SM_PAIR != 0 {
            let pair = |x: char, y: char| matches!((x, y), ('[', ']') | ('{', '}') | ('(', ')'));
            if pair(left, right) || pair(right, left) {
                return Some('|');
            }
        }
        if mode & SM_BIGX != 0 {
            match (left, right) {
                ('/', '\\') => return Some('|'),
                ('\\', '/') => return Some('Y'),
                ('>', '<') => return Some('X'),
                _ => {}
            }
        }
        None
    }

    /// `handleNewLine`: break at the last blank if there is one, else before
    /// the current character.
    fn handle_new_line(&mut self) -> Result<(), FigletError> {
        match self.blank_markers.pop() {
            Some((saved, at)) => {
                // `cutBufferAtLastBlank`
                self.product.push(saved);
                self.iterator = at;
            }
            None => {
                // `cutBufferAtLastChar`. From an empty line the same character
                // comes back to the same empty line: pyfiglet loops forever.
                if self.buffer.iter().all(Vec::is_empty) {
                    return Err(FigletError::Endless);
                }
                let buffer =
                    std::mem::replace(&mut self.buffer, vec![Vec::new(); self.font.height]);
                self.product.push(buffer);
                // The caller's `goToNextChar` brings the iterator back here.
                self.iterator = self.iterator.wrapping_sub(1);
            }
        }
        // `cutBufferCommon` (its smush amount is recomputed before any use).
        self.buffer = vec![Vec::new(); self.font.height];
        self.blank_markers.clear();
        self.prev_char_width = 0;
        Ok(())
    }
}

/// `string.replace(hardBlank, ' ')`.
fn replace_hard_blanks(s: &str, hard_blank: &str) -> String {
    if hard_blank.is_empty() {
        // Python's `replace('', ' ')` puts a space around every character.
        let mut out = String::with_capacity(s.len() * 2 + 1);
        out.push(' ');
        for c in s.chars() {
            out.push(c);
            out.push(' ');
        }
        return out;
    }
    s.replace(hard_blank, " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_marker_is_the_last_non_space_character() {
        let line: Vec<char> = "ab@@  ".chars().collect();
        assert_eq!(end_marker(&line), Some('@'));
        let line: Vec<char> = "   ".chars().collect();
        assert_eq!(end_marker(&line), Some(' '));
        assert_eq!(end_marker(&[]), None);
    }

    #[test]
    fn the_end_marker_run_is_cut_from_its_leftmost_match() {
        let mut line: Vec<char> = "a@@@".chars().collect();
        strip_end_marker(&mut line, '@');
        assert_eq!(line.iter().collect::<String>(), "a@");
        let mut line: Vec<char> = " _ @ ".chars().collect();
        strip_end_marker(&mut line, '@');
        assert_eq!(line.iter().collect::<String>(), " _ ");
    }

    fn tiny_font() -> String {
        // Height 2, hard blank '$', full layout 0 (full width), no comments:
        // every ASCII glyph is its character twice, space is "$".
        let mut s = String::from("flf2a$ 2 2 4 -1 0\n");
        for code in 32..127u8 {
            let c = if code == 32 { '$' } else { char::from(code) };
            let at = if c == '@' { '#' } else { '@' };
            s.push_str(&format!("{c}{at}\n{c}{at}{at}\n"));
        }
        s
    }

    #[test]
    fn a_full_width_font_renders_glyphs_side_by_side() {
        let font = FigletFont::load_font("tiny", &tiny_font()).expect("parses");
        assert_eq!(font.render("AB C").expect("renders"), "AB C\nAB C\n");
    }

    #[test]
    fn lines_break_at_the_last_blank() {
        let font = FigletFont::load_font("tiny", &tiny_font()).expect("parses");
        let word = "X".repeat(50);
        let text = format!("{word} {word}");
        let out = font.render(&text).expect("renders");
        assert_eq!(out, format!("{word}\n{word}\n{word}\n{word}\n"));
    }

    #[test]
    fn a_font_without_magic_is_a_font_error() {
        let err = FigletFont::load_font("bad", "hello\n").err();
        assert_eq!(
            err,
            Some(FigletError::Font(
                "problem parsing bad font: bad is not a valid figlet font".into()
            ))
        );
    }
}
