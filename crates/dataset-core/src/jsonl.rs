//! Compact JSON text of items, byte for byte what `serde_json::to_writer` writes,
//! for the bulk writers (`rgym generate`).
//!
//! Why not serde_json itself: for cheap datasets, serializing cost as much as
//! generating. serde_json escapes strings one byte at a time through its
//! generic `Formatter`; here clean runs are skipped eight bytes at a time and
//! copied at once, and `Value` trees are walked directly. The output rules are
//! serde_json's compact ones (no spaces; `\"`, `\\`, `\b \f \n \r \t`, other
//! control bytes as `\u00xx` in lowercase hex, everything else verbatim;
//! numbers as their stored text, which `arbitrary_precision` keeps). The tests
//! compare against serde_json.

use serde_json::{Map, Value};

/// One item row, `{"index":..,"question":..,"answer":..,"metadata":{..}}`,
/// as the CLI's `ItemRow` serializes (`answer: None` is `null`).
pub fn write_item_row(
    out: &mut Vec<u8>,
    index: u64,
    question: &str,
    answer: Option<&str>,
    metadata: &crate::Metadata,
) {
    out.extend_from_slice(b"{\"index\":");
    write_u64(out, index);
    out.extend_from_slice(b",\"question\":");
    write_str(out, question);
    out.extend_from_slice(b",\"answer\":");
    match answer {
        Some(a) => write_str(out, a),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"metadata\":");
    metadata.write_json(out);
    out.push(b'}');
}

/// `value` as compact JSON.
pub fn write_value(out: &mut Vec<u8>, value: &Value) {
    match value {
        Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(true) => out.extend_from_slice(b"true"),
        Value::Bool(false) => out.extend_from_slice(b"false"),
        Value::Number(n) => out.extend_from_slice(n.as_str().as_bytes()),
        Value::String(s) => write_str(out, s),
        Value::Array(a) => {
            out.push(b'[');
            for (i, v) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(out, v);
            }
            out.push(b']');
        }
        Value::Object(m) => write_object(out, m),
    }
}

pub(crate) fn write_object(out: &mut Vec<u8>, m: &Map<String, Value>) {
    out.push(b'{');
    for (i, (k, v)) in m.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_str(out, k);
        out.push(b':');
        write_value(out, v);
    }
    out.push(b'}');
}

fn write_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// Whether any of the eight bytes of `w` needs an escape: below 0x20, `"` or
/// `\` (the has-less-than / has-zero-byte tricks, exact as to "any").
#[inline]
fn needs_escape(w: u64) -> bool {
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    (control | zero(w ^ (ONES * b'"' as u64)) | zero(w ^ (ONES * b'\\' as u64))) != 0
}

/// The escape of each byte: 0 for none, `u` for `\u00xx`, else the letter
/// after the backslash (serde_json's table).
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = b'u';
        c += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// `s` as a JSON string.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let b = s.as_bytes();
    out.reserve(b.len() + 2);
    out.push(b'"');
    let (mut i, mut run) = (0, 0);
    loop {
        while let Some(word) = b.get(i..i + 8) {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            if needs_escape(word) {
                break;
            }
            i += 8;
        }
        if i + 8 > b.len() {
            // Fewer than eight bytes left: are they all clean? (The last eight
            // bytes of the string cover them, if an escape already written
            // there does not spoil the test; a shorter string is checked byte
            // by byte.)
            let clean = i == b.len()
                || match b.len().checked_sub(8) {
                    Some(last) => {
                        let word = u64::from_le_bytes(b[last..].try_into().expect("eight bytes"));
                        !needs_escape(word)
                    }
                    None => b[i..].iter().all(|&c| ESCAPE[c as usize] == 0),
                };
            if clean {
                break;
            }
        }
        let c = b[i];
        let esc = ESCAPE[c as usize];
        if esc != 0 {
            out.extend_from_slice(&b[run..i]);
            if esc == b'u' {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(c >> 4) as usize],
                    HEX[(c & 0xf) as usize],
                ]);
            } else {
                out.extend_from_slice(&[b'\\', esc]);
            }
            run = i + 1;
        }
        i += 1;
    }
    out.extend_from_slice(&b[run..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn str_json(s: &str) -> Vec<u8> {
        let mut out = Vec::new();
        write_str(&mut out, s);
        out
    }

    #[test]
    fn strings_match_serde_json() {
        let mut cases: Vec<String> = (0u8..=127).map(|c| (c as char).to_string()).collect();
        cases.extend(
            [
                "",
                "plain ascii that is longer than eight bytes",
                "Your task is to count how many legs.\n\nNow, \"how\" many?\n",
                "tab\there\\back\u{7f}\u{1}\u{1f} é ü 漢字 🙂 end",
                "\"\"\"\"\"\"\"\"\"",
                "12345678\n",
                "1234567\n",
                "123456789\u{0}",
            ]
            .map(String::from),
        );
        // Every position of an escape within and across eight-byte words.
        for len in 0..20 {
            for at in 0..len {
                for c in ['"', '\\', '\n', '\u{3}', 'é'] {
                    let s: String = (0..len).map(|i| if i == at { c } else { 'a' }).collect();
                    cases.push(s);
                }
            }
        }
        for s in &cases {
            assert_eq!(str_json(s), serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn rows_match_serde_json() {
        let big: serde_json::Number = "-123456789012345678901234567890".parse().unwrap();
        let metadata = json!({
            "source_dataset": "x",
            "source_index": 0,
            "floats": [1e300, -0.0, 0.1, 2.0, 1.5e-7],
            "big": big,
            "nested": {"a": [true, false, null, [], {}], "b\n": "q\"uote"},
            "u": u64::MAX,
            "i": i64::MIN,
        });
        let Value::Object(metadata) = metadata else {
            unreachable!()
        };
        let metadata = crate::Metadata::from(metadata);
        for (index, answer) in [
            (0u64, Some("42")),
            (u64::MAX, None),
            (1234567, Some("a\tb")),
        ] {
            let mut out = Vec::new();
            write_item_row(&mut out, index, "Q\n\"?\"", answer, &metadata);
            // The CLI's row type.
            #[derive(serde::Serialize)]
            struct ItemRow<'a> {
                index: u64,
                question: &'a str,
                answer: Option<&'a str>,
                metadata: &'a crate::Metadata,
            }
            let want = ItemRow {
                index,
                question: "Q\n\"?\"",
                answer,
                metadata: &metadata,
            };
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&want).unwrap()
            );
        }
    }
}
