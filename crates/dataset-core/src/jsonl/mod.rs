//! Compact JSON text of items, byte for byte what `serde_json::to_writer` writes,
//! for the bulk writers (`rgym generate`).
//!
//! Why not serde_json itself: for cheap datasets, serializing cost as much as
//! generating. serde_json escapes strings one byte at a time through its
//! generic `Formatter`; here clean runs are found eight bytes at a time and
//! copied at once, and `Value` trees are walked directly. The output rules are
//! serde_json's compact ones (no spaces; `\"`, `\\`, `\b \f \n \r \t`, other
//! control bytes as `\u00xx` in lowercase hex, everything else verbatim;
//! numbers as their stored text, which `arbitrary_precision` keeps). The tests
//! compare against serde_json.

pub mod serializer;

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

/// A mask with the high bit of each of the eight bytes of `w` set where that
/// byte needs an escape: below 0x20, `"` or `\\` (the has-less-than and
/// has-zero-byte tricks). Bits above the lowest can be false positives, the
/// lowest one is exact, which is all [`next_escape`] reads.
#[inline]
fn escape_mask(w: u64) -> u64 {
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    control | zero(w ^ (ONES * b'"' as u64)) | zero(w ^ (ONES * b'\\' as u64))
}

/// The index of the first byte of `b[i..]` that needs an escape, or `b.len()`.
#[inline]
fn next_escape(b: &[u8], mut i: usize) -> usize {
    // Sixteen bytes at a time where SSE2 is (always, on x86-64): exact
    // compares, so the first set bit is the answer.
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = b.get(i..i + 16) {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of the x86-64 baseline, and the unaligned load
        // reads exactly the sixteen bytes of `chunk`.
        let hits = unsafe {
            let v = _mm_loadu_si128(chunk.as_ptr().cast());
            let quote = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8));
            let backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8));
            // Unsigned v < 0x20 exactly when max(v, 0x1f) == 0x1f.
            let low = _mm_set1_epi8(0x1f);
            let control = _mm_cmpeq_epi8(_mm_max_epu8(v, low), low);
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(quote, backslash), control))
        };
        if hits != 0 {
            return i + hits.trailing_zeros() as usize;
        }
        i += 16;
    }
    while let Some(word) = b.get(i..i + 8) {
        let mask = escape_mask(u64::from_le_bytes(word.try_into().expect("eight bytes")));
        if mask != 0 {
            return i + (mask.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    // Fewer than eight bytes left. The string's last eight bytes cover them:
    // the bytes before `i` are shifted out, and as they may be escaped bytes
    // already handled (whose borrows can flag a clean neighbour), a hit is
    // confirmed byte by byte. Shorter strings go byte by byte.
    if let Some(last) = b.len().checked_sub(8).filter(|_| i < b.len()) {
        let word = u64::from_le_bytes(b[last..].try_into().expect("eight bytes"));
        if escape_mask(word) >> ((i - last) * 8) == 0 {
            return b.len();
        }
    }
    while i < b.len() && ESCAPE[b[i] as usize] == 0 {
        i += 1;
    }
    i
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
#[inline(always)]
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    // Most strings in metadata are short and clean (keys, names, numbers as
    // text): tested with at most two overlapping words, copied at once, inline.
    let b = s.as_bytes();
    let clean = match b.len() {
        0..=7 => b.iter().all(|&c| ESCAPE[c as usize] == 0),
        8..=16 => {
            let word =
                |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
            escape_mask(word(0)) | escape_mask(word(b.len() - 8)) == 0
        }
        _ => false,
    };
    if clean {
        out.reserve(b.len() + 2);
        out.push(b'"');
        out.extend_from_slice(b);
        out.push(b'"');
    } else {
        write_str_escaped(out, b);
    }
}

#[inline(never)]
fn write_str_escaped(out: &mut Vec<u8>, b: &[u8]) {
    out.reserve(b.len() + 2);
    out.push(b'"');
    let mut run = 0;
    loop {
        let i = next_escape(b, run);
        out.extend_from_slice(&b[run..i]);
        let Some(&c) = b.get(i) else { break };
        let esc = ESCAPE[c as usize];
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
        for len in 0..40 {
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
