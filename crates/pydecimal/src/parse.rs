//! `Decimal(str)`: CPython's `_decimal` string conversion.
//!
//! `_decimal` first turns the text into ASCII (strip `str.isspace` characters
//! at both ends, drop every `_`, map any Unicode decimal digit to its ASCII
//! digit, other Unicode whitespace to a space that then fails), then libmpdec's
//! `mpd_qset_string` parses it under a maximal context and rejects anything
//! that would not be represented exactly.

use crate::digits::Digits;
use crate::{Decimal, DecimalError, Kind};

/// libmpdec's limits on a 64-bit build (`MPD_MAX_EMAX`, `MPD_MIN_EMIN`,
/// `MPD_MAX_PREC`): the exponents `Decimal(str)` accepts.
const MAX_EMAX: i128 = 999_999_999_999_999_999;
const MIN_EMIN: i128 = -999_999_999_999_999_999;
const MAX_PREC: i128 = 999_999_999_999_999_999;
const MIN_ETINY: i128 = MIN_EMIN - (MAX_PREC - 1);

pub(crate) fn parse(s: &str) -> Result<Decimal, DecimalError> {
    let ascii = to_ascii(s).ok_or(DecimalError::ConversionSyntax)?;
    parse_ascii(ascii.as_bytes()).ok_or(DecimalError::ConversionSyntax)
}

fn to_ascii(s: &str) -> Option<String> {
    let s = s.trim_matches(pycompat::py_isspace);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '_' => {}
            '\u{1}'..='\u{7f}' => out.push(c),
            c if pycompat::py_isspace(c) => out.push(' '),
            c => out.push(char::from(b'0' + pycompat::py_decimal_value(c)?)),
        }
    }
    Some(out)
}

fn strip_prefix_ci<'a>(s: &'a [u8], prefix: &str) -> Option<&'a [u8]> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix.as_bytes())
        .then(|| &s[prefix.len()..])
}

fn parse_ascii(s: &[u8]) -> Option<Decimal> {
    let (negative, s) = match s.first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if let Some(rest) = strip_prefix_ci(s, "nan") {
        return nan(negative, rest, false);
    }
    if let Some(rest) = strip_prefix_ci(s, "snan") {
        return nan(negative, rest, true);
    }
    if let Some(rest) = strip_prefix_ci(s, "inf") {
        return (rest.is_empty() || rest.eq_ignore_ascii_case(b"inity"))
            .then(|| Decimal::infinity(negative));
    }
    finite(negative, s)
}

fn nan(negative: bool, payload: &[u8], signaling: bool) -> Option<Decimal> {
    if !payload.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let payload = Digits::from_ascii(payload);
    Some(Decimal {
        negative,
        kind: Kind::NaN { payload, signaling },
    })
}

fn finite(negative: bool, s: &[u8]) -> Option<Decimal> {
    let mut dpoint = None;
    let mut exp_at = None;
    let mut coeff_at = None;
    let mut i = 0;
    while i < s.len() {
        match s[i] {
            b'.' => {
                if dpoint.is_some() || exp_at.is_some() {
                    return None;
                }
                dpoint = Some(i);
            }
            b'e' | b'E' => {
                if exp_at.is_some() {
                    return None;
                }
                exp_at = Some(i);
                if matches!(s.get(i + 1), Some(b'+' | b'-')) {
                    i += 1;
                }
            }
            c if c.is_ascii_digit() => {
                // The coefficient starts at the first nonzero digit, or at
                // the zero that is the whole integer part ("0", "0.", "0e5").
                if coeff_at.is_none() && exp_at.is_none() {
                    let next_is_digit = s.get(i + 1).is_some_and(u8::is_ascii_digit);
                    let dot_then_digit =
                        s.get(i + 1) == Some(&b'.') && s.get(i + 2).is_some_and(u8::is_ascii_digit);
                    if c != b'0' || !(next_is_digit || dot_then_digit) {
                        coeff_at = Some(i);
                    }
                }
            }
            _ => return None,
        }
        i += 1;
    }
    let coeff_at = coeff_at?;
    let end = exp_at.unwrap_or(s.len());
    let mut exp = match exp_at {
        Some(at) => parse_exponent(&s[at + 1..])?,
        None => 0,
    };
    if let Some(dp) = dpoint {
        exp -= (end - dp - 1) as i128;
    }
    let coeff_text: Vec<u8> = s[coeff_at..end]
        .iter()
        .copied()
        .filter(|&b| b != b'.')
        .collect();
    let coeff = Digits::from_ascii(&coeff_text);
    // The maximal context's finalize must leave the value untouched.
    if coeff.is_zero() {
        if !(MIN_ETINY..=MAX_EMAX).contains(&exp) {
            return None;
        }
    } else if exp + coeff.len() as i128 - 1 > MAX_EMAX || exp < MIN_ETINY {
        return None;
    }
    Some(Decimal::finite(negative, coeff, exp as i64))
}

/// `[+-]digits`, saturating like `strtoll` (a saturated exponent is then out
/// of range anyway).
fn parse_exponent(s: &[u8]) -> Option<i128> {
    let (neg, digits) = match s.first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut v: i128 = 0;
    for &d in digits {
        v = (v * 10 + (d - b'0') as i128).min(i64::MAX as i128 + 1);
    }
    Some(if neg { -v } else { v.min(i64::MAX as i128) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_coefficients_round_trip() {
        // Digits from a simple LCG, long enough to take the split path twice.
        let mut x: u64 = 12345;
        let digits: String = (0..9_001)
            .map(|i| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let d = (x >> 60) % 10;
                char::from(b'0' + if i == 0 { d.max(1) as u8 } else { d as u8 })
            })
            .collect();
        let d: Decimal = digits.parse().unwrap();
        assert_eq!(d.to_string(), digits);
        let with_point = format!("{}.{}", &digits[..4000], &digits[4000..]);
        let d: Decimal = with_point.parse().unwrap();
        assert_eq!(d.to_string(), with_point);
        assert_eq!(d.adjusted(), 3999);
    }
}
