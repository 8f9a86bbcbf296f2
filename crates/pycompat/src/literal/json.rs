//! JSON: CPython's C scanner (`json.scanner.c_make_scanner`), strict mode.

use super::*;

pub(super) struct JsonParser<'a> {
    src: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> JsonParser<'a> {
    pub(super) fn run(text: &str) -> PResult<PyValue> {
        if text.starts_with('\u{feff}') {
            return err("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        }
        let mut p = JsonParser {
            src: text.as_bytes(),
            pos: 0,
            depth: 0,
        };
        p.ws();
        let v = p.value()?;
        p.ws();
        if p.pos != p.src.len() {
            return err("Extra data", p.pos);
        }
        Ok(v)
    }

    fn ws(&mut self) {
        while matches!(self.src.get(self.pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn starts(&self, word: &[u8]) -> bool {
        self.src[self.pos..].starts_with(word)
    }

    fn value(&mut self) -> PResult<PyValue> {
        let Some(&c) = self.src.get(self.pos) else {
            return err("Expecting value", self.pos);
        };
        let constant = |p: &mut Self, word: &[u8], v: PyValue| {
            p.pos += word.len();
            Ok(v)
        };
        match c {
            b'"' => self.string().map(PyValue::Str),
            b'{' => self.nested(true),
            b'[' => self.nested(false),
            b'n' if self.starts(b"null") => constant(self, b"null", PyValue::None),
            b't' if self.starts(b"true") => constant(self, b"true", PyValue::Bool(true)),
            b'f' if self.starts(b"false") => constant(self, b"false", PyValue::Bool(false)),
            b'N' if self.starts(b"NaN") => constant(self, b"NaN", PyValue::Float(f64::NAN)),
            b'I' if self.starts(b"Infinity") => {
                constant(self, b"Infinity", PyValue::Float(f64::INFINITY))
            }
            b'-' if self.starts(b"-Infinity") => {
                constant(self, b"-Infinity", PyValue::Float(f64::NEG_INFINITY))
            }
            b'-' | b'0'..=b'9' => self.number(),
            _ => err("Expecting value", self.pos),
        }
    }

    fn number(&mut self) -> PResult<PyValue> {
        let s = self.src;
        let start = self.pos;
        let mut i = start;
        if s[i] == b'-' {
            i += 1;
        }
        match s.get(i) {
            Some(b'1'..=b'9') => {
                while s.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return err("Expecting value", start),
        }
        let mut is_float = false;
        if s.get(i) == Some(&b'.') && s.get(i + 1).is_some_and(u8::is_ascii_digit) {
            is_float = true;
            i += 1;
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        if matches!(s.get(i), Some(b'e' | b'E')) {
            // The exponent is only taken when digits follow; otherwise it is left unread.
            let mut j = i + 1;
            if matches!(s.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
            let digits_start = j;
            while s.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            if j > digits_start {
                is_float = true;
                i = j;
            }
        }
        self.pos = i;
        // ASCII digits and signs only: the slice is valid UTF-8.
        let text = std::str::from_utf8(&s[start..i]).unwrap_or("");
        if is_float {
            let x: f64 = text.parse().or_else(|_| err("Expecting value", start))?;
            return Ok(PyValue::Float(x));
        }
        if text.trim_start_matches('-').len() > MAX_INT_DIGITS {
            return err(
                "Exceeds the limit (4300 digits) for integer string conversion",
                start,
            );
        }
        let n = parse_int(text).ok_or(ParseError {
            message: "Expecting value".into(),
            offset: start,
        })?;
        Ok(PyValue::Int(n))
    }

    fn string(&mut self) -> PResult<String> {
        let s = self.src;
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character.
            let run_start = self.pos;
            while let Some(&c) = s.get(self.pos) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            // Runs end on ASCII bytes, so they are whole UTF-8 sequences.
            out.push_str(std::str::from_utf8(&s[run_start..self.pos]).unwrap_or("\u{fffd}"));
            match s.get(self.pos) {
                None => return err("Unterminated string starting at", start),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {}
                Some(_) => return err("Invalid control character at", self.pos),
            }
            let esc_at = self.pos;
            let Some(&e) = s.get(self.pos + 1) else {
                return err("Unterminated string starting at", start);
            };
            self.pos += 2;
            let c = match e {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let hi = self.hex4(esc_at)?;
                    let mut code = hi;
                    if (0xd800..0xdc00).contains(&hi)
                        && s.get(self.pos) == Some(&b'\\')
                        && s.get(self.pos + 1) == Some(&b'u')
                    {
                        let save = self.pos;
                        self.pos += 2;
                        let lo = self.hex4(self.pos - 2)?;
                        if (0xdc00..0xe000).contains(&lo) {
                            code = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
                        } else {
                            self.pos = save;
                        }
                    }
                    char::from_u32(code).unwrap_or('\u{fffd}')
                }
                _ => return err("Invalid \\escape", esc_at),
            };
            out.push(c);
        }
    }

    fn hex4(&mut self, at: usize) -> PResult<u32> {
        let Some(digits) = self.src.get(self.pos..self.pos + 4) else {
            return err("Invalid \\uXXXX escape", at);
        };
        let mut v = 0;
        for &d in digits {
            v = v * 16
                + (d as char).to_digit(16).ok_or(ParseError {
                    message: "Invalid \\uXXXX escape".into(),
                    offset: at,
                })?;
        }
        self.pos += 4;
        Ok(v)
    }

    /// An array or object: the iterative loop over members, one recursion per level.
    fn nested(&mut self, object: bool) -> PResult<PyValue> {
        self.depth += 1;
        if self.depth > MAX_JSON_DEPTH {
            return err(
                "maximum recursion depth exceeded while decoding a JSON document",
                self.pos,
            );
        }
        self.pos += 1;
        self.ws();
        let close = if object { b'}' } else { b']' };
        let mut items = Vec::new();
        let mut pairs: Vec<(PyValue, PyValue)> = Vec::new();
        if self.src.get(self.pos) == Some(&close) {
            self.pos += 1;
        } else {
            loop {
                if object {
                    if self.src.get(self.pos) != Some(&b'"') {
                        return err(
                            "Expecting property name enclosed in double quotes",
                            self.pos,
                        );
                    }
                    let key = PyValue::Str(self.string()?);
                    self.ws();
                    if self.src.get(self.pos) != Some(&b':') {
                        return err("Expecting ':' delimiter", self.pos);
                    }
                    self.pos += 1;
                    self.ws();
                    pairs.push((key, self.value()?));
                } else {
                    items.push(self.value()?);
                }
                self.ws();
                match self.src.get(self.pos) {
                    Some(&c) if c == close => {
                        self.pos += 1;
                        break;
                    }
                    Some(b',') => {
                        self.pos += 1;
                        self.ws();
                        if self.src.get(self.pos) == Some(&close) {
                            return err("Illegal trailing comma before end of object", self.pos);
                        }
                    }
                    _ => return err("Expecting ',' delimiter", self.pos),
                }
            }
        }
        self.depth -= 1;
        Ok(if object {
            // String keys are always hashable.
            PyValue::Dict(py_dict(pairs).unwrap_or_default())
        } else {
            PyValue::List(items)
        })
    }
}

impl From<&serde_json::Value> for PyValue {
    /// A JSON value as `json.loads` would give it (metadata read back).
    fn from(v: &serde_json::Value) -> Self {
        use serde_json::Value as J;
        match v {
            J::Null => PyValue::None,
            J::Bool(b) => PyValue::Bool(*b),
            J::Number(n) => {
                if let Some(i) = n.as_i64() {
                    PyValue::Int(i.into())
                } else if let Some(u) = n.as_u64() {
                    PyValue::Int(u.into())
                } else {
                    PyValue::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            J::String(s) => PyValue::Str(s.clone()),
            J::Array(items) => PyValue::List(items.iter().map(PyValue::from).collect()),
            J::Object(map) => PyValue::Dict(
                map.iter()
                    .map(|(k, v)| (PyValue::Str(k.clone()), PyValue::from(v)))
                    .collect(),
            ),
        }
    }
}
