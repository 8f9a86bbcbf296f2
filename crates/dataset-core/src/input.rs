//! Reading what clients send, once for the server and the CLI: JSON parsed as
//! leniently as Python's `json` (lone surrogates), integers of any size the
//! way Python reads them (seeds), the one rule for sizes, and client text
//! quoted back in error messages, bounded.

use std::borrow::Cow;
use std::fmt;

use pyrandom::Seed;
use serde_json::Value;

pub use pycompat::INT_MAX_STR_DIGITS;

// ---- JSON -----------------------------------------------------------------------

/// `json.loads(text)` as far as acceptance goes: serde_json, except that a
/// lone UTF-16 surrogate escape (`"\ud800"`), which Python's `json` accepts
/// and serde_json refuses, is read as U+FFFD.
///
/// Why U+FFFD: a Rust string cannot hold a lone surrogate, and Python's
/// would only ever compare unequal to an item's answer (answers are text
/// reasoning-gym printed, never containing one). U+FFFD is one code point, as
/// the surrogate is to Python's `len`, and never occurs in an answer either,
/// so an answer holding lone surrogates scores what it scores in Python under
/// the exact-match and containment scorers.
///
/// Valid JSON costs one serde_json parse, as before: the text is only looked
/// at again when serde_json's error is about a surrogate.
pub fn parse_json(text: &str) -> serde_json::Result<Value> {
    match serde_json::from_str(text) {
        Err(e) if is_surrogate_error(&e) => serde_json::from_str(&replace_lone_surrogates(text)),
        other => other,
    }
}

/// [`parse_json`] for raw bytes (HTTP bodies). Bytes that are not UTF-8 get
/// serde_json's error.
pub fn parse_json_bytes(bytes: &[u8]) -> serde_json::Result<Value> {
    match serde_json::from_slice(bytes) {
        Err(e) if is_surrogate_error(&e) => match std::str::from_utf8(bytes) {
            Ok(text) => serde_json::from_str(&replace_lone_surrogates(text)),
            Err(_) => Err(e),
        },
        other => other,
    }
}

/// serde_json's two errors for an unpaired `\uD800`-`\uDFFF` escape: "lone
/// leading surrogate in hex escape" and "unexpected end of hex escape" (a
/// high surrogate followed by anything but `\u`).
fn is_surrogate_error(e: &serde_json::Error) -> bool {
    let msg = e.to_string();
    msg.contains("surrogate") || msg.contains("unexpected end of hex escape")
}

/// `text` with every unpaired surrogate escape (`\uD800`-`\uDFFF` not part of
/// a high-low pair) rewritten as `\uFFFD`, six bytes for six, so that error
/// positions stay where they were. In valid JSON a backslash occurs only
/// inside a string and starts an escape, so escapes are read pairwise from
/// the left (`\\ud800` is an escaped backslash and the text `ud800`).
fn replace_lone_surrogates(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        match hex_escape(b, i) {
            Some(0xD800..=0xDBFF) => match hex_escape(b, i + 6) {
                Some(0xDC00..=0xDFFF) => i += 12,
                _ => {
                    out.push_str(&text[copied..i]);
                    out.push_str("\\uFFFD");
                    i += 6;
                    copied = i;
                }
            },
            Some(0xDC00..=0xDFFF) => {
                out.push_str(&text[copied..i]);
                out.push_str("\\uFFFD");
                i += 6;
                copied = i;
            }
            Some(_) => i += 6,
            // Any other escape (`\\`, `\"`, `\n`...) is two bytes; a stray
            // backslash is left for the parser to refuse.
            None => i += 2,
        }
    }
    out.push_str(&text[copied.min(text.len())..]);
    out
}

/// The value of a `\uXXXX` escape starting at `b[at]`.
fn hex_escape(b: &[u8], at: usize) -> Option<u16> {
    let esc = b.get(at..at + 6)?;
    if esc[0] != b'\\' || esc[1] != b'u' {
        return None;
    }
    let hex = std::str::from_utf8(&esc[2..]).ok()?;
    if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(hex, 16).ok()
}

// ---- integers -------------------------------------------------------------------

/// Why a value is not a Python int that rgym takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntError {
    /// Not an integer at all (a string, a float such as `3.0`, null...).
    NotAnInt,
    /// More decimal digits than CPython converts (its `ValueError`).
    TooManyDigits(usize),
}

impl fmt::Display for IntError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntError::NotAnInt => f.write_str("not an integer"),
            IntError::TooManyDigits(n) => write!(
                f,
                "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
                 value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        }
    }
}

/// A JSON value as the Python int `json.loads` gives: an integer literal of
/// any size (serde_json's `arbitrary_precision` keeps every digit), `true`
/// and `false` as 1 and 0 (Python's bool is an int); `3.0`, `1e3` and strings
/// are not ints. Past [`INT_MAX_STR_DIGITS`] digits, Python's `json.loads`
/// itself raises, with [`IntError::TooManyDigits`]'s message.
pub fn json_int(v: &Value) -> Result<Seed, IntError> {
    match v {
        Value::Bool(b) => Ok(Seed::from(u8::from(*b))),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return Ok(Seed::from(i));
            }
            if let Some(u) = n.as_u64() {
                return Ok(Seed::from(u));
            }
            int_text(n.as_str())
        }
        _ => Err(IntError::NotAnInt),
    }
}

/// A decimal integer written as text (`--seed`, an HTTP seed given as a
/// string): an optional sign and ASCII digits, surrounding whitespace
/// ignored, at most [`INT_MAX_STR_DIGITS`] digits as `int(text)` allows.
pub fn int_text(text: &str) -> Result<Seed, IntError> {
    let text = text.trim();
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IntError::NotAnInt);
    }
    // Counted before parsing: a megabyte of digits is refused, not converted.
    if digits.len() > INT_MAX_STR_DIGITS {
        return Err(IntError::TooManyDigits(digits.len()));
    }
    Seed::parse(text).ok_or(IntError::NotAnInt)
}

/// A seed as reset parameters and configs give it: any JSON int.
pub fn read_seed(v: &Value) -> Result<Seed, String> {
    json_int(v).map_err(|e| match e {
        IntError::NotAnInt => "seed must be an integer".to_string(),
        e => e.to_string(),
    })
}

/// What every refused size says, wherever it was given: rgym's sizes are
/// 64-bit, and reasoning-gym hangs on a size of zero or less.
pub const SIZE_RULE: &str = "size must be a positive integer no larger than 18446744073709551615";

/// A size: a JSON int in `1..=u64::MAX`, else [`SIZE_RULE`].
pub fn read_size(v: &Value) -> Result<u64, &'static str> {
    json_int(v)
        .ok()
        .and_then(|n| n.as_i128())
        .and_then(|n| u64::try_from(n).ok())
        .filter(|&n| n > 0)
        .ok_or(SIZE_RULE)
}

// ---- echoing client text --------------------------------------------------------

/// How much client text an error message quotes.
pub const ECHO_MAX_CHARS: usize = 200;

/// Client text (a dataset name, a message type, a config key...) as an error
/// message quotes it: the first [`ECHO_MAX_CHARS`] characters, then "…" when
/// there was more, so a megabyte-long name is not sent back whole.
pub fn echo(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(ECHO_MAX_CHARS) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

/// A JSON value as an error message quotes it (its compact JSON text), bounded
/// as [`echo`] bounds text. Large values are not serialized whole first.
pub fn echo_json(v: &Value) -> String {
    use std::io::Write;
    // At most 4 bytes per character, so this many bytes hold enough characters.
    let budget = ECHO_MAX_CHARS * 4 + 4;
    let mut buf = Vec::with_capacity(64);
    let mut w = Bounded {
        buf: &mut buf,
        left: budget,
    };
    let _ = serde_json::to_writer(&mut w, v).map(|_| w.flush());
    let text = String::from_utf8_lossy(&buf);
    echo(&text).into_owned()
}

/// A writer that stops (with an error) after `left` bytes.
struct Bounded<'a> {
    buf: &'a mut Vec<u8>,
    left: usize,
}

impl std::io::Write for Bounded<'_> {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::other("echo budget reached"));
        }
        let n = data.len().min(self.left);
        self.buf.extend_from_slice(&data[..n]);
        self.left -= n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn lone_surrogates_read_as_replacement_characters() {
        // Each (text, what Python's json.loads gives with lone surrogates as U+FFFD).
        let cases = [
            (r#""\ud800""#, json!("\u{FFFD}")),
            (r#""\uDFFF""#, json!("\u{FFFD}")),
            (r#""a\ud800b""#, json!("a\u{FFFD}b")),
            (r#""\ud800\n""#, json!("\u{FFFD}\n")),
            (r#""\ud800\ud800\udc00""#, json!("\u{FFFD}\u{10000}")),
            (r#""\udc00\ud800""#, json!("\u{FFFD}\u{FFFD}")),
            (r#""\ud83d\ude00""#, json!("\u{1F600}")),
            // An escaped backslash then the text "ud800": no escape at all.
            (r#""\\ud800""#, json!("\\ud800")),
            (r#""\\\ud800""#, json!("\\\u{FFFD}")),
            (
                r#"{"type":"step","data":{"answer":"\ud800"}}"#,
                json!({"type": "step", "data": {"answer": "\u{FFFD}"}}),
            ),
            (
                r#"{"\udc00": [1, "\ud801x"]}"#,
                json!({"\u{FFFD}": [1, "\u{FFFD}x"]}),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(parse_json(text).unwrap(), want, "{text}");
            assert_eq!(parse_json_bytes(text.as_bytes()).unwrap(), want, "{text}");
        }
        // serde_json alone refuses them: this is what the helper is for.
        assert!(serde_json::from_str::<Value>(r#""\ud800""#).is_err());
        assert!(serde_json::from_str::<Value>(r#""\ud800\n""#).is_err());
    }

    #[test]
    fn other_errors_stay_errors() {
        for text in [
            r#""\ud800"#,
            r#"["\ud800" 1]"#,
            r#""\ud8""#,
            "",
            "{",
            r#""\x""#,
        ] {
            assert!(parse_json(text).is_err(), "{text}");
        }
        // The error after a rewrite points where it did (same length).
        let e = parse_json(r#"["\ud800" 1]"#).unwrap_err();
        assert_eq!(e.column(), 11);
        assert!(parse_json_bytes(b"\"\\ud800\xff\"").is_err());
    }

    #[test]
    fn ints_of_any_size() {
        let big = format!("1{}", "0".repeat(60));
        let v: Value = serde_json::from_str(&big).unwrap();
        assert_eq!(json_int(&v).unwrap().to_string(), big);
        let v: Value = serde_json::from_str(&format!("-{big}")).unwrap();
        assert_eq!(json_int(&v).unwrap().to_string(), format!("-{big}"));
        assert_eq!(json_int(&json!(true)), Ok(Seed::from(1u8)));
        assert_eq!(json_int(&json!(u64::MAX)), Ok(Seed::from(u64::MAX)));
        for v in [json!(3.0), json!("3"), json!(null), json!([1])] {
            assert_eq!(json_int(&v), Err(IntError::NotAnInt), "{v}");
        }
        let v: Value = serde_json::from_str("1e3").unwrap();
        assert_eq!(json_int(&v), Err(IntError::NotAnInt));
        // CPython's limit, and its message (json.loads('1' * 4301) in 3.11).
        let at_limit: Value = serde_json::from_str(&"7".repeat(4300)).unwrap();
        assert!(json_int(&at_limit).is_ok());
        let over: Value = serde_json::from_str(&format!("-{}", "7".repeat(4301))).unwrap();
        let e = json_int(&over).unwrap_err();
        assert_eq!(
            e.to_string(),
            "Exceeds the limit (4300 digits) for integer string conversion: value has 4301 \
             digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        assert_eq!(int_text(" -12 "), Ok(Seed::from(-12)));
        assert_eq!(int_text("1.5"), Err(IntError::NotAnInt));
        assert_eq!(
            int_text(&"1".repeat(5000)),
            Err(IntError::TooManyDigits(5000))
        );
    }

    #[test]
    fn one_size_rule() {
        assert!(SIZE_RULE.ends_with(&u64::MAX.to_string()));
        let two_64: Value = serde_json::from_str("18446744073709551616").unwrap();
        for bad in [
            json!(0),
            json!(-3),
            json!("3"),
            json!(2.5),
            json!(null),
            two_64,
        ] {
            assert_eq!(read_size(&bad), Err(SIZE_RULE), "{bad}");
        }
        assert_eq!(read_size(&json!(u64::MAX)), Ok(u64::MAX));
        assert_eq!(read_size(&json!(true)), Ok(1));
    }

    #[test]
    fn echo_is_bounded() {
        assert_eq!(echo("word_sortin"), "word_sortin");
        let exact = "é".repeat(ECHO_MAX_CHARS);
        assert_eq!(echo(&exact), exact);
        let long = "é".repeat(1 << 20);
        let cut = echo(&long);
        assert_eq!(cut.chars().count(), ECHO_MAX_CHARS + 1);
        assert!(cut.ends_with("é…"));
        assert_eq!(echo_json(&json!({"a": 1})), r#"{"a":1}"#);
        let big = json!({"k": "x".repeat(1 << 20)});
        let e = echo_json(&big);
        assert_eq!(e.chars().count(), ECHO_MAX_CHARS + 1);
        assert!(e.starts_with(r#"{"k":"xxx"#) && e.ends_with('…'));
    }
}
