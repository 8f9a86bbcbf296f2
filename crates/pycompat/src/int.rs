//! Python's arbitrary-precision `int` where it meets text and floats:
//! `int(s, base)`, `hex()`, `int / int`, and `json.dumps` of an int.

use num_bigint::{BigInt, Sign};
use serde_json::{Number, Value};

use crate::strmethods::{decimal_value, py_isspace};

/// CPython 3.11's default `sys.get_int_max_str_digits()`: `str(n)` and
/// `int(s)` raise `ValueError` past this many decimal digits (bases that are
/// powers of two are exempt).
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `str(n)` for an int, or `None` where CPython 3.11 raises (more than
/// [`INT_MAX_STR_DIGITS`] digits).
pub fn py_int_str(n: &BigInt) -> Option<String> {
    let s = n.to_string();
    let digits = s.len() - usize::from(s.starts_with('-'));
    (digits <= INT_MAX_STR_DIGITS).then_some(s)
}

/// `int(s, base)` for a `str`, `base` 0 (prefix-detected, as Python source
/// literals) or 2..=36; `None` where Python raises `ValueError`.
pub fn py_int_base(s: &str, base: u32) -> Option<BigInt> {
    if base == 1 || base > 36 {
        return None;
    }
    // CPython maps non-ASCII whitespace to ' ' and non-ASCII decimal digits to
    // ASCII first, then parses with ASCII rules, so U+001C..U+001F (`isspace()`
    // but ASCII) are not skipped around the number.
    let mut text = Vec::with_capacity(s.len());
    for c in s.chars() {
        text.push(if (c as u32) < 127 {
            c as u8
        } else if py_isspace(c) {
            b' '
        } else {
            b'0' + decimal_value(c)?
        });
    }
    let ascii_space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    let start = text.iter().position(|b| !ascii_space(b))?;
    let end = text.iter().rposition(|b| !ascii_space(b))? + 1;
    let mut t = &text[start..end];
    let neg = match t.first() {
        Some(b'-') => true,
        Some(b'+') => false,
        _ => false,
    };
    if matches!(t.first(), Some(b'-' | b'+')) {
        t = &t[1..];
    }
    let prefix_base = match t {
        [b'0', b'x' | b'X', ..] => Some(16),
        [b'0', b'o' | b'O', ..] => Some(8),
        [b'0', b'b' | b'B', ..] => Some(2),
        _ => None,
    };
    let mut base = base;
    // A base-0 decimal may not have leading zeros, unless it is zero ("00", "0_0").
    let mut only_zero = false;
    if base == 0 {
        base = match (t.first(), prefix_base) {
            (Some(b'0'), Some(b)) => b,
            (Some(b'0'), None) => {
                only_zero = true;
                10
            }
            _ => 10,
        };
    }
    if prefix_base == Some(base) {
        t = &t[2..];
        if t.first() == Some(&b'_') {
            t = &t[1..];
        }
    }
    let mut digits = Vec::with_capacity(t.len());
    let mut prev_underscore = true;
    for &b in t {
        if b == b'_' {
            if prev_underscore {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        let d = (b as char).to_digit(36)?;
        if d >= base {
            return None;
        }
        digits.push(b);
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return None;
    }
    if !base.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return None;
    }
    let n = BigInt::parse_bytes(&digits, base)?;
    if only_zero && n.sign() != Sign::NoSign {
        return None;
    }
    Some(if neg { -n } else { n })
}

/// `hex(n)`: `0x1f`, `-0x1f`.
pub fn py_hex(n: &BigInt) -> String {
    format!("{n:#x}")
}

/// `a / b` for Python ints: the correctly rounded (half-even) float of the
/// exact quotient, also beyond 2^53 where converting first would round twice.
/// `None` where Python raises (`ZeroDivisionError`, or `OverflowError` when
/// the quotient is too large for a float).
pub fn py_int_true_div(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.sign() == Sign::NoSign {
        return None;
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (a, b) = (a.magnitude(), b.magnitude());
    let signed = |x: f64| if negative { -x } else { x };
    if a.bits() == 0 {
        return Some(signed(0.0));
    }
    if a.bits() <= 53 && b.bits() <= 53 {
        // Both exact as floats, and IEEE division rounds correctly.
        let to_f = |x: &num_bigint::BigUint| x.iter_u64_digits().next().unwrap_or(0) as f64;
        return Some(signed(to_f(a) / to_f(b)));
    }
    // e = floor(log2(a / b)).
    let mut e = a.bits() as i64 - b.bits() as i64;
    let below = if e >= 0 {
        a < &(b << e as u64)
    } else {
        &(a << (-e) as u64) < b
    };
    if below {
        e -= 1;
    }
    if e >= 1024 {
        return None;
    }
    // Scale so the quotient has 53 bits, or fewer in the subnormal range.
    let t = (52 - e).min(1074);
    let (num, den) = if t >= 0 {
        (a << t as u64, b.clone())
    } else {
        (a.clone(), b << (-t) as u64)
    };
    let (q, r) = (&num / &den, &num % &den);
    let twice_r = &r << 1u32;
    let mut m = q.iter_u64_digits().next().unwrap_or(0);
    if twice_r > den || (twice_r == den && m & 1 == 1) {
        m += 1;
    }
    if e == 1023 && m == 1 << 53 {
        return None;
    }
    Some(signed(m as f64 * pow2(-t)))
}

/// 2^k, exactly, for -1074 <= k <= 1023.
fn pow2(k: i64) -> f64 {
    if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (k + 1074))
    }
}

/// An int as `json.dumps` writes it: every digit. Beyond 64 bits this needs
/// serde_json's `arbitrary_precision`; without it the number is the nearest float.
pub fn py_int_json(n: &BigInt) -> Value {
    if let Ok(i) = i64::try_from(n) {
        return i.into();
    }
    if let Ok(u) = u64::try_from(n) {
        return u.into();
    }
    n.to_string()
        .parse::<Number>()
        .map_or(Value::Null, Value::Number)
}

/// A JSON integer as a Python int (the inverse of [`py_int_json`]); `None`
/// for anything else.
pub fn json_py_int(v: &Value) -> Option<BigInt> {
    let Value::Number(n) = v else { return None };
    if let Some(i) = n.as_i64() {
        return Some(i.into());
    }
    if let Some(u) = n.as_u64() {
        return Some(u.into());
    }
    let s = n.to_string();
    s.bytes()
        .all(|b| b.is_ascii_digit() || b == b'-')
        .then(|| s.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn str_stops_at_4300_digits() {
        let ten = BigInt::from(10);
        let digits_4300 = ten.pow(4299);
        assert_eq!(py_int_str(&digits_4300).map(|s| s.len()), Some(4300));
        assert_eq!(py_int_str(&-&digits_4300).map(|s| s.len()), Some(4301));
        assert_eq!(py_int_str(&ten.pow(4300)), None);
        assert_eq!(py_int_str(&BigInt::from(-42)).as_deref(), Some("-42"));
    }

    #[test]
    fn int_base_matches_cpython() {
        // (s, int(s, 0), int(s, 10)) under CPython 3.11; None where it raises.
        let cases: &[(&str, Option<i64>, Option<i64>)] = &[
            ("12", Some(12), Some(12)),
            (" 12 ", Some(12), Some(12)),
            ("+12", Some(12), Some(12)),
            ("-12", Some(-12), Some(-12)),
            ("1_2", Some(12), Some(12)),
            ("1__2", None, None),
            ("_12", None, None),
            ("12_", None, None),
            ("0x1f", Some(31), None),
            ("0X1F", Some(31), None),
            ("-0x1f", Some(-31), None),
            ("0x_1f", Some(31), None),
            ("0x__1f", None, None),
            ("0x", None, None),
            ("0", Some(0), Some(0)),
            ("00", Some(0), Some(0)),
            ("0_0", Some(0), Some(0)),
            ("007", None, Some(7)),
            ("0o17", Some(15), None),
            ("0b101", Some(5), None),
            ("0b", None, None),
            ("\u{1c}5", None, None),
            ("5\u{1c}", None, None),
            ("\u{a0}5\u{3000}", Some(5), Some(5)),
            ("\u{661}\u{662}", Some(12), Some(12)),
            ("0x\u{661}", Some(1), None),
            ("1 2", None, None),
            ("", None, None),
            ("-", None, None),
            (" - 5", None, None),
            ("+-5", None, None),
            ("0x1f ", Some(31), None),
            ("\u{200b}5", None, None),
            ("5\0", None, None),
            ("1e3", None, None),
            ("12.0", None, None),
            ("\t\n12\u{b}\u{c}\r", Some(12), Some(12)),
            ("\u{b2}", None, None),
            ("0_x1", None, None),
            ("0b_1", Some(1), None),
            ("0b1_", None, None),
            ("\u{660}x1f", Some(31), None),
            ("0\u{661}", None, Some(1)),
            ("\u{661}_2", Some(12), Some(12)),
            ("\u{ff11}\u{ff12}", Some(12), Some(12)),
        ];
        for &(s, base0, base10) in cases {
            assert_eq!(py_int_base(s, 0), base0.map(BigInt::from), "int({s:?}, 0)");
            assert_eq!(py_int_base(s, 10), base10.map(BigInt::from), "int({s:?})");
            assert_eq!(py_int_base(s, 10), crate::py_int(s), "int({s:?}) vs py_int");
        }
        assert!(py_int_base(&"1".repeat(4300), 0).is_some());
        assert_eq!(py_int_base(&"1".repeat(4301), 0), None);
        assert!(py_int_base(&format!("0x{}", "f".repeat(5000)), 0).is_some());
    }

    #[test]
    fn hex_matches_cpython() {
        assert_eq!(py_hex(&BigInt::from(0)), "0x0");
        assert_eq!(py_hex(&BigInt::from(255)), "0xff");
        assert_eq!(py_hex(&BigInt::from(-4096)), "-0x1000");
        let big: BigInt = "-340282366920938463463374607431768211457".parse().unwrap();
        assert_eq!(py_hex(&big), "-0x100000000000000000000000000000001");
    }

    #[test]
    fn true_div_matches_cpython() {
        let div = |a: &str, b: &str| py_int_true_div(&a.parse().unwrap(), &b.parse().unwrap());
        // float.hex(a / b) under CPython 3.11.
        assert_eq!(div("1", "3"), Some(1.0 / 3.0));
        assert_eq!(div("0", "-5").map(f64::to_bits), Some((-0.0f64).to_bits()));
        assert_eq!(div("1", "0"), None);
        // Pairs where float(a) / float(b) rounds twice and differs.
        for (a, b, bits) in [
            (
                "1115260780436437827521294933",
                "426363395196957714574",
                0x4143f4e3dafd9b9bu64,
            ),
            (
                "16234578230242141843345221",
                "483613305034385578785",
                0x40e0642acc5c47be,
            ),
            (
                "156846050683400026781212235",
                "1143730872934458886521",
                0x4100bd7b9e83bf4f,
            ),
        ] {
            assert_eq!(div(a, b), Some(f64::from_bits(bits)), "{a} / {b}");
        }
        // Subnormal quotients: 1 / 3**650, 2 / 3**670, 5**400 / 7**700.
        let pow = |b: u32, e: u32| num_bigint::BigUint::from(b).pow(e).to_string();
        assert_eq!(div("1", &pow(3, 650)), Some(f64::from_bits(0xdaeff89ff96)));
        assert_eq!(div("2", &pow(3, 670)), Some(f64::from_bits(0x21b6)));
        assert_eq!(
            div(&pow(5, 400), &pow(7, 700)),
            Some(f64::from_bits(0x31467988e2))
        );
        // Rounding up to 2**1024 overflows; just below does not.
        let two = |e: u32| num_bigint::BigUint::from(2u32).pow(e);
        assert_eq!(div(&(two(1024) - two(970)).to_string(), "1"), None);
        assert_eq!(
            div(&(two(1024) - two(971)).to_string(), "1"),
            Some(f64::MAX)
        );
        assert_eq!(div("1", &"1".repeat(400)), Some(0.0));
        assert_eq!(div(&format!("1{}", "0".repeat(400)), "1"), None);
        assert_eq!(div("-7", "2"), Some(-3.5));
    }

    #[test]
    fn json_round_trip() {
        for s in ["0", "-9223372036854775808", "18446744073709551615", "-42"] {
            let n: BigInt = s.parse().unwrap();
            let v = py_int_json(&n);
            assert_eq!(v.to_string(), s);
            assert_eq!(json_py_int(&v), Some(n));
        }
        assert_eq!(json_py_int(&Value::from(1.5)), None);
        assert_eq!(json_py_int(&Value::from("3")), None);
    }
}
