//! `str.isspace`, `str.strip()`, `str.split()` and `int(str)`.
//!
//! Scorers normalise answers with these, and Python's notion of whitespace is
//! not Rust's: `str.isspace` also accepts the ASCII separators U+001C..U+001F,
//! which `char::is_whitespace` rejects. `int()` accepts any Unicode decimal
//! digit and `_` separators, and refuses more than 4300 digits (CPython 3.11's
//! `int_max_str_digits`); see [`crate::py_int_base`].

use num_bigint::BigInt;

/// `c.isspace()` (CPython's `Py_UNICODE_ISSPACE`, Unicode 14).
pub fn py_isspace(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// `s.strip()`.
pub fn py_strip(s: &str) -> &str {
    s.trim_matches(py_isspace)
}

/// `s.split()`: runs of whitespace separate, no empty pieces.
pub fn py_split(s: &str) -> impl Iterator<Item = &str> {
    s.split(py_isspace).filter(|w| !w.is_empty())
}

/// The code points of every Unicode 14 decimal digit zero (`unicodedata.decimal(c) == 0`);
/// each is followed by the digits 1..9.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// `unicodedata.decimal(c, None)`.
pub fn decimal_value(c: char) -> Option<u8> {
    let u = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= u).checked_sub(1)?;
    let d = u - DECIMAL_ZEROS[i];
    (d < 10).then_some(d as u8)
}

/// `re.findall(r"[^.!?]+[.!?]", text)`, reasoning-gym's sentence splitter: each
/// non-empty run of other characters with the end mark right after it.
pub fn re_findall_sentences(text: &str) -> impl Iterator<Item = &str> {
    let is_end = |c: char| matches!(c, '.' | '!' | '?');
    text.split_inclusive(is_end)
        .filter(move |s| s.len() > 1 && s.ends_with(is_end))
}

/// `int(s)` for a `str`; `None` where Python raises `ValueError`.
pub fn py_int(s: &str) -> Option<BigInt> {
    crate::py_int_base(s, 10)
}

/// `int(s)` where only values that fit an `i64` matter (scorers comparing
/// with small numbers): `None` where Python raises, `Some(None)` for a value
/// outside `i64`. Plain ASCII digits skip the big-number path, so that an
/// answer of a million numbers reads quickly.
pub fn py_int_i64(s: &str) -> Option<Option<i64>> {
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if (1..=18).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().map(Some);
    }
    py_int(s).map(|n| i64::try_from(n).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isspace_matches_cpython() {
        // [c for c in range(0x110000) if chr(c).isspace()] under CPython 3.11.
        let expected: Vec<u32> = vec![
            0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000,
            0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
            0x2029, 0x202f, 0x205f, 0x3000,
        ];
        let got: Vec<u32> = (0..0x110000u32)
            .filter_map(char::from_u32)
            .filter(|&c| py_isspace(c))
            .map(|c| c as u32)
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn strip_and_split() {
        assert_eq!(py_strip("\u{1c} a b\u{3000}\n"), "a b");
        let words: Vec<&str> = py_split("  up\u{1f}down \t left ").collect();
        assert_eq!(words, ["up", "down", "left"]);
        assert_eq!(py_split(" \n ").count(), 0);
    }

    #[test]
    fn sentences_match_re_findall() {
        // re.findall(r"[^.!?]+[.!?]", "..Hi there! Yes?? no. tail") under CPython.
        let got: Vec<&str> = re_findall_sentences("..Hi there! Yes?? no. tail").collect();
        assert_eq!(got, ["Hi there!", " Yes?", " no."]);
    }

    #[test]
    fn int_matches_cpython() {
        // (s, int(s)) under CPython 3.11; None where it raises ValueError.
        let cases: &[(&str, Option<i64>)] = &[
            (" 5 ", Some(5)),
            ("\u{2003}5", Some(5)),
            ("\u{a0}1\u{3000}", Some(1)),
            ("0_0", Some(0)),
            ("007", Some(7)),
            ("-12", Some(-12)),
            ("+3", Some(3)),
            ("1_000", Some(1000)),
            ("\u{665}", Some(5)),
            ("\u{ff11}\u{ff12}", Some(12)),
            ("\u{1c}5", None),
            ("5\u{1c}", None),
            ("1__0", None),
            ("_1", None),
            ("1_", None),
            ("+_1", None),
            ("- 5", None),
            ("1\0", None),
            ("\u{7f}1", None),
            ("+-1", None),
            ("", None),
            ("   ", None),
            ("1.0", None),
            ("1e3", None),
            ("½", None),
        ];
        for &(s, want) in cases {
            assert_eq!(py_int(s), want.map(BigInt::from), "int({s:?})");
        }
        for &(s, want) in cases {
            let small = want.map(Some);
            assert_eq!(py_int_i64(s), small, "int({s:?})");
        }
        assert_eq!(py_int_i64("+07"), Some(Some(7)));
        assert_eq!(py_int_i64("-9223372036854775808"), Some(Some(i64::MIN)));
        assert_eq!(py_int_i64("9223372036854775808"), Some(None));
        assert_eq!(py_int_i64(&"1".repeat(4301)), None);
        let big = "1".repeat(4300);
        assert_eq!(py_int(&big), big.parse().ok());
        assert!(py_int(&format!("{}1", "1_".repeat(4299))).is_some());
        assert_eq!(py_int(&"0".repeat(4301)), None);
    }
}
