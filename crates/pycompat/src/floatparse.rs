//! `float(s)`, `complex(s)` and `float(Fraction(s))` for a `str`.
//!
//! CPython parses `float` and `complex` in two steps: the text is first mapped
//! to ASCII (non-ASCII whitespace becomes `' '`, non-ASCII decimal digits their
//! ASCII digit, anything else non-ASCII an invalid byte), `_` separators are
//! checked and removed, then C's grammar applies with ASCII-only whitespace.
//! `Fraction` instead matches a Unicode regex (`\s`, `\d`) and converts its
//! groups with `int()`.

use num_bigint::{BigInt, BigUint, Sign};

use crate::int::py_int_true_div;
use crate::strmethods::{decimal_value, py_int, py_isspace};

/// Why a conversion fails, as the Python exception it raises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// `ValueError`: not a number in this syntax.
    Value,
    /// `ZeroDivisionError` (`Fraction("1/0")`).
    ZeroDivision,
    /// `OverflowError` (`float(Fraction("1e400"))`).
    Overflow,
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`, then
/// `_Py_string_to_number_with_underscores`' check and removal of `_`.
/// `None` where either step makes the parse fail.
fn ascii_number_text(s: &str) -> Option<Vec<u8>> {
    let mut text = Vec::with_capacity(s.len());
    for c in s.chars() {
        text.push(if c.is_ascii() {
            c as u8
        } else if py_isspace(c) {
            b' '
        } else {
            // Any other character would become '?', which no grammar accepts.
            b'0' + decimal_value(c)?
        });
    }
    if !text.contains(&b'_') {
        return Some(text);
    }
    // An underscore must sit between two digits.
    let mut out = Vec::with_capacity(text.len());
    let mut prev = 0u8;
    for &b in &text {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    (prev != b'_').then_some(out)
}

/// `Py_ISSPACE`: C's ASCII whitespace.
fn c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

fn ascii_prefix_ci(s: &[u8], word: &[u8]) -> bool {
    s.len() >= word.len() && s[..word.len()].eq_ignore_ascii_case(word)
}

/// `_PyOS_ascii_strtod`: the longest prefix of `s` that is a float, as
/// (value, bytes used); `None` when no prefix is (nothing is consumed).
fn strtod_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let negative = s.first() == Some(&b'-');
    if matches!(s.first(), Some(b'-' | b'+')) {
        i = 1;
    }
    let digits_from = |mut j: usize| {
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        j
    };
    let int_end = digits_from(i);
    let mut end = int_end;
    let mut any_digit = int_end > i;
    if s.get(end) == Some(&b'.') {
        let frac_end = digits_from(end + 1);
        any_digit |= frac_end > end + 1;
        end = frac_end;
    }
    if !any_digit {
        // `_Py_parse_inf_or_nan`.
        let rest = &s[i..];
        let (value, used) = if ascii_prefix_ci(rest, b"infinity") {
            (f64::INFINITY, 8)
        } else if ascii_prefix_ci(rest, b"inf") {
            (f64::INFINITY, 3)
        } else if ascii_prefix_ci(rest, b"nan") {
            (f64::NAN, 3)
        } else {
            return None;
        };
        return Some((if negative { -value } else { value }, i + used));
    }
    if matches!(s.get(end), Some(b'e' | b'E')) {
        let mut j = end + 1;
        if matches!(s.get(j), Some(b'-' | b'+')) {
            j += 1;
        }
        let exp_end = digits_from(j);
        // An exponent without digits is not part of the number.
        if exp_end > j {
            end = exp_end;
        }
    }
    // Rust's parser is correctly rounded, as `_Py_dg_strtod` is, and takes
    // this grammar (including "5." and ".5") unchanged.
    let text = std::str::from_utf8(&s[..end]).ok()?;
    text.parse::<f64>().ok().map(|v| (v, end))
}

/// `PyOS_string_to_double(s, &end, NULL)` where all of `s` must be used, as
/// numpy's text reader calls it on a field: ASCII only (numpy refuses any other
/// character before parsing), no whitespace, no `_` separators. Out-of-range
/// values give `inf` or `0.0`.
pub fn py_string_to_double(s: &str) -> Option<f64> {
    if !s.is_ascii() {
        return None;
    }
    match strtod_prefix(s.as_bytes()) {
        Some((value, used)) if used == s.len() => Some(value),
        _ => None,
    }
}

/// `float(s)` for a `str`; `None` where Python raises `ValueError`.
/// Out-of-range values give `inf` or `0.0`, as in Python.
pub fn py_float(s: &str) -> Option<f64> {
    let text = ascii_number_text(s)?;
    let start = text.iter().position(|&b| !c_space(b))?;
    let end = text.iter().rposition(|&b| !c_space(b))? + 1;
    let body = &text[start..end];
    match strtod_prefix(body) {
        Some((value, used)) if used == body.len() => Some(value),
        _ => None,
    }
}

/// `complex(s)` for a `str`, as (real, imag); `None` where Python raises
/// `ValueError`. Accepts `1+2j`, `2j`, `1-j`, `j`, `(1+2j)`, and surrounding
/// whitespace, as `complex_from_string_inner` does.
pub fn py_complex(s: &str) -> Option<(f64, f64)> {
    let text = ascii_number_text(s)?;
    let mut i = 0;
    let skip_space = |mut i: usize| {
        while i < text.len() && c_space(text[i]) {
            i += 1;
        }
        i
    };
    i = skip_space(i);
    let bracket = text.get(i) == Some(&b'(');
    if bracket {
        i = skip_space(i + 1);
    }
    let is_j = |b: Option<&u8>| matches!(b, Some(b'j' | b'J'));
    let sign_of = |b: u8| if b == b'+' { 1.0 } else { -1.0 };
    let (mut real, mut imag) = (0.0, 0.0);
    match strtod_prefix(&text[i..]) {
        Some((z, used)) => {
            i += used;
            match text.get(i) {
                Some(&sign @ (b'+' | b'-')) => {
                    real = z;
                    match strtod_prefix(&text[i..]) {
                        Some((y, used)) => {
                            imag = y;
                            i += used;
                        }
                        None => {
                            imag = sign_of(sign);
                            i += 1;
                        }
                    }
                    if !is_j(text.get(i)) {
                        return None;
                    }
                    i += 1;
                }
                Some(b'j' | b'J') => {
                    imag = z;
                    i += 1;
                }
                _ => real = z,
            }
        }
        None => {
            match text.get(i) {
                Some(&sign @ (b'+' | b'-')) => {
                    imag = sign_of(sign);
                    i += 1;
                }
                _ => imag = 1.0,
            }
            if !is_j(text.get(i)) {
                return None;
            }
            i += 1;
        }
    }
    i = skip_space(i);
    if bracket {
        if text.get(i) != Some(&b')') {
            return None;
        }
        i = skip_space(i + 1);
    }
    (i == text.len()).then_some((real, imag))
}

/// A run of `\d+(_\d+)*` (Unicode decimal digits) starting at `i`; its end.
fn digit_run(s: &[char], i: usize) -> usize {
    let is_digit = |j: usize| s.get(j).is_some_and(|&c| decimal_value(c).is_some());
    if !is_digit(i) {
        return i;
    }
    let mut j = i + 1;
    loop {
        if is_digit(j) {
            j += 1;
        } else if s.get(j) == Some(&'_') && is_digit(j + 1) {
            j += 2;
        } else {
            return j;
        }
    }
}

/// `float(Fraction(s))` for a `str`.
///
/// `Fraction` reads `[sign] num [/ denom]` or `[sign] num [. decimal] [e exp]`
/// (`num` may be empty before a decimal part), then divides exactly. Exponents
/// so large that the reference would build a huge `10**exp` before overflowing
/// or underflowing are decided from the digit counts instead.
pub fn py_fraction_float(s: &str) -> Result<f64, NumberError> {
    let chars: Vec<char> = s.chars().collect();
    let text = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let int_of = |a: usize, b: usize| py_int(&text(a, b)).ok_or(NumberError::Value);
    let n = chars.len();
    let mut i = 0;
    while i < n && py_isspace(chars[i]) {
        i += 1;
    }
    let negative = chars.get(i) == Some(&'-');
    if matches!(chars.get(i), Some('-' | '+')) {
        i += 1;
    }
    let digit_at = |j: usize| chars.get(j).is_some_and(|&c| decimal_value(c).is_some());
    if !(digit_at(i) || (chars.get(i) == Some(&'.') && digit_at(i + 1))) {
        return Err(NumberError::Value);
    }
    let num_end = digit_run(&chars, i);
    let num = if num_end > i {
        int_of(i, num_end)?
    } else {
        BigInt::ZERO
    };
    let mut j = num_end;
    let mut numerator = num;
    let mut denominator = BigInt::from(1);
    let mut exp10 = BigInt::ZERO;
    if chars.get(j) == Some(&'/') {
        let den_end = digit_run(&chars, j + 1);
        if den_end == j + 1 {
            return Err(NumberError::Value);
        }
        denominator = int_of(j + 1, den_end)?;
        j = den_end;
    } else {
        if chars.get(j) == Some(&'.') {
            // The reference's decimal group also admits letters `d`, which
            // `int()` then refuses: no special case needed.
            let dec_end = digit_run(&chars, j + 1);
            if dec_end > j + 1 {
                let dec = int_of(j + 1, dec_end)?;
                let len = chars[j + 1..dec_end].iter().filter(|&&c| c != '_').count();
                numerator = numerator * BigInt::from(10u32).pow(len as u32) + dec;
                exp10 = -BigInt::from(len);
            }
            j = dec_end;
        }
        if matches!(chars.get(j), Some('e' | 'E')) {
            let mut k = j + 1;
            if matches!(chars.get(k), Some('-' | '+')) {
                k += 1;
            }
            let exp_end = digit_run(&chars, k);
            if exp_end == k {
                return Err(NumberError::Value);
            }
            exp10 += int_of(j + 1, exp_end)?;
            j = exp_end;
        }
    }
    while j < n && py_isspace(chars[j]) {
        j += 1;
    }
    if j != n {
        return Err(NumberError::Value);
    }
    if denominator.sign() == Sign::NoSign {
        return Err(NumberError::ZeroDivision);
    }
    if negative {
        numerator = -numerator;
    }
    scaled_quotient(&numerator, &denominator, &exp10)
}

/// `num * 10**exp10 / den` as Python's int true division would round it.
fn scaled_quotient(num: &BigInt, den: &BigInt, exp10: &BigInt) -> Result<f64, NumberError> {
    if num.sign() == Sign::NoSign {
        return Ok(0.0);
    }
    let zero = if num.sign() == Sign::Minus { -0.0 } else { 0.0 };
    // Beyond i64 the exponent alone decides; clamping keeps the sums below exact.
    let e = match i64::try_from(exp10) {
        Ok(e) => e.clamp(-1 << 40, 1 << 40),
        Err(_) if exp10.sign() == Sign::Plus => return Err(NumberError::Overflow),
        Err(_) => return Ok(zero),
    };
    let digits = |x: &BigUint| x.to_string().len() as i64;
    // |value| lies in [10^(mag-1), 10^(mag+1)).
    let mag = digits(num.magnitude()) - digits(den.magnitude()) + e;
    if mag > 309 {
        return Err(NumberError::Overflow);
    }
    if mag < -324 {
        // Below 10^-324, under half the smallest subnormal: a signed zero.
        return Ok(zero);
    }
    let scale = BigInt::from(10u32).pow(e.unsigned_abs() as u32);
    let (n, d) = if e >= 0 {
        (num * scale, den.clone())
    } else {
        (num.clone(), den * scale)
    };
    py_int_true_div(&n, &d).ok_or(NumberError::Overflow)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(x: Option<f64>) -> Option<u64> {
        x.map(f64::to_bits)
    }

    #[test]
    fn float_matches_cpython() {
        // (s, float(s)) under CPython 3.11; None where it raises ValueError.
        let cases: &[(&str, Option<f64>)] = &[
            ("1", Some(1.0)),
            (" 1.5 ", Some(1.5)),
            ("-0", Some(-0.0)),
            ("+.5", Some(0.5)),
            ("5.", Some(5.0)),
            ("1e5", Some(1e5)),
            ("1E-5", Some(1e-5)),
            ("1e", None),
            ("1e+", None),
            (".", None),
            ("-", None),
            ("", None),
            ("  ", None),
            ("1_000.5", Some(1000.5)),
            ("1__0", None),
            ("_1", None),
            ("1_", None),
            ("1_.5", None),
            ("1._5", None),
            ("1e1_0", Some(1e10)),
            ("inf", Some(f64::INFINITY)),
            ("-Infinity", Some(f64::NEG_INFINITY)),
            ("+iNf", Some(f64::INFINITY)),
            ("infin", None),
            ("1e999", Some(f64::INFINITY)),
            ("-1e-999", Some(-0.0)),
            ("\u{a0}2\u{3000}", Some(2.0)),
            ("\u{661}.\u{665}", Some(1.5)),
            ("\u{1c}1", None),
            ("1\u{1c}", None),
            ("1\0", None),
            ("0x10", None),
            ("1,5", None),
            ("1 5", None),
            ("é", None),
            ("0.1", Some(0.1)),
            ("2.675", Some(2.675)),
            ("1.7976931348623157e308", Some(f64::MAX)),
            ("1.8e308", Some(f64::INFINITY)),
            ("4.9e-324", Some(5e-324)),
            ("2e-324", Some(0.0)),
            ("3e-324", Some(5e-324)),
            ("00001.0000", Some(1.0)),
            ("0.000", Some(0.0)),
        ];
        for &(s, want) in cases {
            assert_eq!(bits(py_float(s)), bits(want), "float({s:?})");
        }
        assert!(py_float("nan").is_some_and(f64::is_nan));
        assert!(py_float("-NaN").is_some_and(|x| x.is_nan() && x.is_sign_negative()));
        assert_eq!(py_float("nan1"), None);
    }

    #[test]
    fn complex_matches_cpython() {
        // (s, complex(s)) under CPython 3.11; None where it raises ValueError.
        let cases: &[(&str, Option<(f64, f64)>)] = &[
            ("1+2j", Some((1.0, 2.0))),
            ("1-2J", Some((1.0, -2.0))),
            ("-1.5-2.5j", Some((-1.5, -2.5))),
            ("3j", Some((0.0, 3.0))),
            ("-3j", Some((0.0, -3.0))),
            ("j", Some((0.0, 1.0))),
            ("-j", Some((0.0, -1.0))),
            ("+j", Some((0.0, 1.0))),
            ("1+j", Some((1.0, 1.0))),
            ("1-j", Some((1.0, -1.0))),
            ("5", Some((5.0, 0.0))),
            (" (1+2j) ", Some((1.0, 2.0))),
            ("( 1+2j )", Some((1.0, 2.0))),
            ("(1+2j", None),
            ("1+2j)", None),
            ("1 + 2j", None),
            ("1+2", None),
            ("1+2jj", None),
            ("2j+1", None),
            ("", None),
            ("()", None),
            ("1e5j", Some((0.0, 1e5))),
            ("1ej", None),
            ("infj", Some((0.0, f64::INFINITY))),
            ("1-infj", Some((1.0, f64::NEG_INFINITY))),
            ("1_0+2_0j", Some((10.0, 20.0))),
            ("1_+2j", None),
            ("1e999+1j", Some((f64::INFINITY, 1.0))),
            ("\u{661}+\u{662}j", Some((1.0, 2.0))),
            ("\u{a0}1+2j\u{3000}", Some((1.0, 2.0))),
            ("1+2i", None),
            ("+", None),
            ("1+", None),
            ("1.+.5j", Some((1.0, 0.5))),
        ];
        for &(s, want) in cases {
            let got = py_complex(s).map(|(a, b)| (a.to_bits(), b.to_bits()));
            let want = want.map(|(a, b)| (a.to_bits(), b.to_bits()));
            assert_eq!(got, want, "complex({s:?})");
        }
        assert!(py_complex("nanj").is_some_and(|(a, b)| a == 0.0 && b.is_nan()));
    }

    #[test]
    fn fraction_float_matches_cpython() {
        use NumberError::*;
        // (s, float(Fraction(s))) under CPython 3.11, or the exception raised.
        let cases: &[(&str, Result<f64, NumberError>)] = &[
            ("1/2", Ok(0.5)),
            (" -3/4 ", Ok(-0.75)),
            ("+3/4", Ok(0.75)),
            ("1 / 2", Err(Value)),
            ("1/-2", Err(Value)),
            ("1/2.0", Err(Value)),
            ("1/0", Err(ZeroDivision)),
            ("0/0", Err(ZeroDivision)),
            ("0.5", Ok(0.5)),
            (".5", Ok(0.5)),
            ("5.", Ok(5.0)),
            ("5.e1", Ok(50.0)),
            (".", Err(Value)),
            ("-.5e-1", Ok(-0.05)),
            ("1e5", Ok(1e5)),
            ("1E5", Ok(1e5)),
            ("1e", Err(Value)),
            ("e5", Err(Value)),
            ("1_000", Ok(1000.0)),
            ("1_000.000_1", Ok(1000.0001)),
            ("1__0", Err(Value)),
            ("1_", Err(Value)),
            ("1.d", Err(Value)),
            ("1.D", Err(Value)),
            ("-0", Ok(0.0)),
            ("0.1", Ok(0.1)),
            ("0.30000000000000004", Ok(0.30000000000000004)),
            ("1e400", Err(Overflow)),
            ("1e-400", Ok(0.0)),
            ("-1e-400", Ok(-0.0)),
            ("\u{a0}1/2\u{3000}", Ok(0.5)),
            ("\u{1c}1/2\u{1f}", Ok(0.5)),
            ("\u{661}/\u{662}", Ok(0.5)),
            ("inf", Err(Value)),
            ("nan", Err(Value)),
            ("", Err(Value)),
            ("0x10", Err(Value)),
            ("1,5", Err(Value)),
            ("The answer is 0.5.", Err(Value)),
            ("3.0517578125e-05", Ok(3.0517578125e-05)),
            ("0.0001220703125", Ok(0.0001220703125)),
            ("1/3", Ok(1.0 / 3.0)),
            ("2/3", Ok(2.0 / 3.0)),
            ("17976931348623157e292", Ok(f64::MAX)),
            ("17976931348623159e292", Err(Overflow)),
            ("5e-324", Ok(5e-324)),
            ("2.4703282292062328e-324", Ok(5e-324)),
            ("2.4703282292062327e-324", Ok(0.0)),
        ];
        for &(s, want) in cases {
            let got = py_fraction_float(s).map(f64::to_bits);
            assert_eq!(got, want.map(f64::to_bits), "float(Fraction({s:?}))");
        }
        // CPython would first build 10**exp (for hours); this is where it would land.
        assert_eq!(py_fraction_float("1e-99999999999999999999"), Ok(0.0));
        assert_eq!(py_fraction_float("1e99999999999999999999"), Err(Overflow));
        assert_eq!(py_fraction_float("0e99999999999999999999"), Ok(0.0));
    }
}
