//! `str.title()` where the result is compared with ASCII text.
//!
//! A full `str.title()` needs CPython's Unicode case tables (titlecase
//! mappings, the `Cased` property, final-sigma context), which differ from
//! Rust's in about two hundred code points. Scorers only ever compare the
//! result with ASCII words, and for that a small exact rule suffices: the
//! only non-ASCII characters whose titlecase is ASCII are `ß ı ſ ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ`,
//! and the only one whose lowercase is ASCII is KELVIN SIGN (checked over all
//! code points against CPython 3.11 in the tests).

/// Titlecase (Unicode `SpecialCasing`) of the non-ASCII characters that have an ASCII one.
const ASCII_TITLES: [(char, &str); 10] = [
    ('\u{df}', "Ss"),
    ('\u{131}', "I"),
    ('\u{17f}', "S"),
    ('\u{fb00}', "Ff"),
    ('\u{fb01}', "Fi"),
    ('\u{fb02}', "Fl"),
    ('\u{fb03}', "Ffi"),
    ('\u{fb04}', "Ffl"),
    ('\u{fb05}', "St"),
    ('\u{fb06}', "St"),
];

const KELVIN_SIGN: char = '\u{212a}';

/// `s.title()` when it is pure ASCII, else `None` (the result then equals no
/// ASCII string).
pub fn py_title_ascii(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    // Every non-ASCII character that gets here is a cased letter.
    let mut previous_is_cased = false;
    for c in s.chars() {
        if previous_is_cased {
            match c {
                _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                KELVIN_SIGN => out.push('k'),
                _ => return None,
            }
        } else if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.push_str(ASCII_TITLES.iter().find(|t| t.0 == c)?.1);
        }
        previous_is_cased = !c.is_ascii() || c.is_ascii_alphabetic();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings() {
        let cases = [
            ("monday", Some("Monday")),
            ("MONDAY", Some("Monday")),
            ("mOnDaY", Some("Monday")),
            ("hello world", Some("Hello World")),
            ("they're 2nd", Some("They'Re 2Nd")),
            ("\u{17f}unday", Some("Sunday")),
            ("\u{fb06}op", Some("Stop")),
            ("x\u{212a}", Some("Xk")),
            ("\u{212a}x", None),
            ("a\u{17f}", None),
            ("caf\u{e9}", None),
            ("", Some("")),
        ];
        for (s, want) in cases {
            assert_eq!(py_title_ascii(s).as_deref(), want, "{s:?}");
        }
    }

    /// CPython 3.11: `[c for c in map(chr, range(0x80, 0x110000)) if c.title().isascii()]`
    /// is `ASCII_TITLES`, and with `.lower()` it is just KELVIN SIGN.
    #[test]
    fn ascii_results_over_all_code_points() {
        for c in (0x80..0x110000u32).filter_map(char::from_u32) {
            let alone = py_title_ascii(&c.to_string());
            assert_eq!(
                alone.is_some(),
                ASCII_TITLES.iter().any(|t| t.0 == c),
                "{c:?}"
            );
            let after = py_title_ascii(&format!("a{c}"));
            assert_eq!(after.is_some(), c == KELVIN_SIGN, "{c:?}");
        }
    }
}
