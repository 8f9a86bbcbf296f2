//! `repr(float)`, `format(x, spec)` and `round(x, n)`.
//!
//! Rust's float formatting is exact (it rounds the true binary value, ties to
//! even), which is the same contract as CPython's `_Py_dg_dtoa`; what differs
//! is only the layout, which is rebuilt here.

/// Splits Rust's shortest `{:e}` output into (negative, digits, decimal exponent).
///
/// Rust and CPython agree on how many digits are needed, but when two strings
/// of that length both round-trip, CPython picks the one nearest the true value
/// (ties to even) while Rust may not; re-rounding the exact value to that many
/// digits gives CPython's choice. At a power of two the interval that rounds
/// to `x` is narrower below than above, and the nearest string may fall out of
/// it (`2.0**378` is `6.1565634681866374e113`, whose 16-digit rounding
/// `...637e113` reads back as the double below): then the shortest string
/// is the only one, Rust's.
///
/// Only 16 or 17 digits can tie so: two decimals of at most 15 significant
/// digits lie at least 1e-15 apart relative to their size, more than the
/// interval that rounds to a normal double (2^-52 relative), so a shortest
/// string that short is the only one, and the exact re-rounding (most of the
/// cost of a `repr`) is skipped.
fn shortest_digits(x: f64) -> (bool, String, i32) {
    let shortest = format!("{:e}", x);
    let n = shortest.split_once('e').map_or(shortest.len(), |(m, _)| {
        m.bytes().filter(u8::is_ascii_digit).count()
    });
    let s = if n <= 15 && (x.is_normal() || x == 0.0) {
        shortest
    } else {
        let nearest = format!("{:.*e}", n.saturating_sub(1), x);
        if nearest.parse::<f64>() == Ok(x) {
            nearest
        } else {
            shortest
        }
    };
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.as_str()),
    };
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    (neg, digits, exp.parse().unwrap_or(0))
}

/// `repr(x)` / `str(x)` for a float.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let (neg, digits, exp) = shortest_digits(x);
    let mut out = String::with_capacity(digits.len() + 8);
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else if exp + 1 >= n {
            out.push_str(&digits);
            for _ in 0..(exp + 1 - n) {
                out.push('0');
            }
            out.push_str(".0");
        } else {
            let (a, b) = digits.split_at((exp + 1) as usize);
            out.push_str(a);
            out.push('.');
            out.push_str(b);
        }
    } else {
        let (first, rest) = digits.split_at(1);
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        push_exponent(&mut out, exp);
    }
    out
}

fn push_exponent(out: &mut String, exp: i32) {
    out.push('e');
    out.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        out.push('0');
    }
    out.push_str(&e.to_string());
}

fn non_finite(x: f64) -> Option<String> {
    if x.is_nan() {
        Some("nan".into())
    } else if x.is_infinite() {
        Some(if x > 0.0 { "inf".into() } else { "-inf".into() })
    } else {
        None
    }
}

/// `f"{x:.{prec}f}"`.
pub fn format_fixed(x: f64, prec: usize) -> String {
    non_finite(x).unwrap_or_else(|| format!("{:.*}", prec, x))
}

/// `f"{x:.{prec}e}"`.
pub fn format_exp(x: f64, prec: usize) -> String {
    if let Some(s) = non_finite(x) {
        return s;
    }
    let s = format!("{:.*e}", prec, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut out = mant.to_string();
    push_exponent(&mut out, exp.parse().unwrap_or(0));
    out
}

/// `f"{x:.{prec}g}"` (no `#` flag: trailing zeros are stripped).
pub fn format_general(x: f64, prec: usize) -> String {
    if let Some(s) = non_finite(x) {
        return s;
    }
    let p = prec.max(1);
    // The exponent after rounding to p significant digits decides the layout.
    let e = format!("{:.*e}", p - 1, x);
    let exp: i32 = e
        .split_once('e')
        .and_then(|(_, x)| x.parse().ok())
        .unwrap_or(0);
    let s = if exp >= -4 && exp < p as i32 {
        strip_zeros(format!("{:.*}", (p as i32 - 1 - exp) as usize, x))
    } else {
        let (mant, _) = e.split_once('e').unwrap_or((&e, ""));
        let mut out = strip_zeros(mant.to_string());
        push_exponent(&mut out, exp);
        out
    };
    s
}

fn strip_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// `round(x, n)` for a float: correctly rounded, ties to even, as CPython's
/// `double_round` (which goes through `_Py_dg_dtoa` mode 3 and back).
pub fn round_ndigits(x: f64, n: i32) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if n >= 0 {
        // A float has at most 17 significant and ~1074 fractional digits; past
        // 323 the value cannot change.
        if n > 323 {
            return x;
        }
        let s = format!("{:.*}", n as usize, x);
        let r: f64 = s.parse().unwrap_or(x);
        // round() keeps the sign of zero results.
        if r == 0.0 {
            return 0.0f64.copysign(x);
        }
        r
    } else {
        round_to_tens(x, n.unsigned_abs() as usize)
    }
}

/// `round(x, -k)`: exact decimal rounding to a multiple of 10^k, ties to even.
/// Done on the exact decimal expansion, since `x / 10^k` would round twice.
fn round_to_tens(x: f64, k: usize) -> f64 {
    // Every finite double has a terminating expansion of at most 1074 fraction digits.
    let exact = format!("{:.1074}", x.abs());
    let (int, frac) = exact.split_once('.').unwrap_or((&exact, ""));
    let frac_nonzero = frac.bytes().any(|b| b != b'0');
    if k >= int.len() {
        // |x| < 10^k: the result is 0 or 10^k (only when |x| > 10^k / 2).
        let half_or_more = k == int.len() && int.as_bytes()[0] >= b'5';
        let above_half = half_or_more
            && (int.as_bytes()[0] > b'5' || int[1..].bytes().any(|b| b != b'0') || frac_nonzero);
        let r = if above_half {
            10f64.powi(k as i32)
        } else {
            0.0
        };
        return r.copysign(x);
    }
    let cut = int.len() - k;
    let (head, tail) = int.split_at(cut);
    let first = tail.as_bytes()[0];
    let rest_nonzero = tail[1..].bytes().any(|b| b != b'0') || frac_nonzero;
    let mut digits: Vec<u8> = head.bytes().collect();
    let round_up = first > b'5'
        || (first == b'5'
            && (rest_nonzero || (digits.last().copied().unwrap_or(b'0') - b'0') % 2 == 1));
    if round_up {
        let mut i = digits.len();
        loop {
            if i == 0 {
                digits.insert(0, b'1');
                break;
            }
            i -= 1;
            if digits[i] == b'9' {
                digits[i] = b'0';
            } else {
                digits[i] += 1;
                break;
            }
        }
    }
    let mut s = String::from_utf8(digits).unwrap_or_default();
    s.extend(std::iter::repeat_n('0', k));
    let r: f64 = s.parse().unwrap_or(f64::INFINITY);
    r.copysign(x)
}

/// `divmod(vx, wx)` for floats: `(vx // wx, vx % wx)` as CPython's
/// `float_divmod` computes them (`fmod`, then the sign fix-up, then the
/// quotient rounded to the nearest integer). `None` where Python raises
/// `ZeroDivisionError`.
pub fn py_float_divmod(vx: f64, wx: f64) -> Option<(f64, f64)> {
    if wx == 0.0 {
        return None;
    }
    // Rust's `%` on floats is C's `fmod`, which is exact.
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(vx / wx)
    };
    Some((floordiv, m))
}

/// The `,` option of a format spec, applied to the integer part of a plain
/// decimal string (`"-1234567.5"` → `"-1,234,567.5"`).
pub fn group_thousands(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

#[cfg(test)]
mod power_of_two_tests {
    use super::float_repr;

    /// Every power of two whose nearest 16/17-digit decimal does not read
    /// back as itself, with CPython 3.11's `repr`.
    #[test]
    fn powers_of_two_at_the_narrow_side() {
        let cases: [(i32, &str); 46] = [
            (-1017, "7.120236347223045e-307"),
            (-1007, "7.291122019556398e-304"),
            (-957, "8.209073602596753e-289"),
            (-921, "5.641232424577593e-278"),
            (-808, "5.858190679279809e-244"),
            (-791, "7.678447687145631e-239"),
            (-788, "6.142758149716505e-238"),
            (-778, "6.290184345309701e-235"),
            (-705, "5.940911144672375e-213"),
            (-695, "6.083493012144512e-210"),
            (-662, "5.225680706521042e-200"),
            (-652, "5.351097043477547e-197"),
            (-549, "5.426657103235053e-166"),
            (-509, "5.966672584960166e-154"),
            (-496, "4.887898181599368e-150"),
            (-489, "6.256509672447191e-148"),
            (-383, "5.075883674631299e-116"),
            (-366, "6.653062250012736e-111"),
            (-296, "7.854549544476363e-90"),
            (-140, "7.174648137343064e-43"),
            (-97, "6.310887241768095e-30"),
            (-77, "6.617444900424222e-24"),
            (-44, "5.684341886080802e-14"),
            (-24, "5.960464477539063e-08"),
            (89, "6.189700196426902e+26"),
            (122, "5.316911983139664e+36"),
            (132, "5.444517870735016e+39"),
            (172, "5.986310706507379e+51"),
            (182, "6.129982163463556e+54"),
            (275, "6.070840288205404e+82"),
            (305, "6.518515124270356e+91"),
            (345, "7.167183174968974e+103"),
            (378, "6.156563468186638e+113"),
            (398, "6.455624695217272e+119"),
            (405, "8.263199609878108e+121"),
            (481, "6.243497100631985e+144"),
            (534, "5.623642243178996e+160"),
            (544, "5.758609657015292e+163"),
            (554, "5.896816288783659e+166"),
            (574, "6.183260036827614e+172"),
            (594, "6.483618076376552e+178"),
            (710, "5.386379163185535e+213"),
            (803, "5.334411546303884e+241"),
            (863, "6.150157786156811e+259"),
            (896, "5.282945311356653e+269"),
            (976, "6.386688990511104e+293"),
        ];
        for (k, want) in cases {
            let x = if k < -1000 {
                2f64.powi(k + 100) / 2f64.powi(100)
            } else {
                2f64.powi(k)
            };
            assert_eq!(float_repr(x), want, "2**{k}");
        }
    }
}

#[cfg(test)]
mod short_repr_tests {
    /// A shortest string of at most 15 digits is the nearest one too, so
    /// `shortest_digits` may skip the exact re-rounding: checked on decimals
    /// of 1 to 15 digits across the normal range.
    #[test]
    fn short_shortest_strings_are_the_nearest() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let digits = 1 + (next() % 15) as u32;
            let mantissa = next() % 10u64.pow(digits);
            let exp = (next() % 580) as i32 - 300;
            let x: f64 = format!("{mantissa}e{exp}").parse().unwrap();
            let shortest = format!("{x:e}");
            let n = shortest
                .split_once('e')
                .unwrap()
                .0
                .bytes()
                .filter(u8::is_ascii_digit)
                .count();
            assert!(n <= 15);
            assert_eq!(format!("{:.*e}", n - 1, x), shortest, "{mantissa}e{exp}");
        }
    }
}

#[cfg(test)]
mod divmod_tests {
    use super::py_float_divmod;

    #[test]
    fn float_divmod_matches_cpython() {
        // (a, b, a // b, a % b) printed by CPython 3.11.
        let cases: [(f64, f64, f64, f64); 13] = [
            (-81000.0, 3600.0, -23.0, 1800.0),
            (-81000.0, 1.0, -81000.0, 0.0),
            (3.123, 1.0, 3.0, 0.12300000000000022),
            (-0.877, 1.0, -1.0, 0.123),
            (-86399.999, 3600.0, -24.0, 0.0010000000038417056),
            (-86399.999, 60.0, -1440.0, 0.0010000000038417056),
            (-86399.999, 1.0, -86400.0, 0.0010000000038417056),
            (7.5, -2.0, -4.0, -0.5),
            (-0.0, 3600.0, -0.0, 0.0),
            (0.0, -1.0, -0.0, -0.0),
            (1e300, 1e-300, f64::INFINITY, 4.891554850853602e-301),
            (-1e-300, 1.0, -1.0, 1.0),
            (86400.001, 3600.0, 24.0, 0.0010000000038417056),
        ];
        for (a, b, q, r) in cases {
            let (gq, gr) = py_float_divmod(a, b).unwrap();
            assert_eq!(
                (gq.to_bits(), gr.to_bits()),
                (q.to_bits(), r.to_bits()),
                "{a} {b}"
            );
        }
        assert_eq!(py_float_divmod(1.0, 0.0), None);
    }
}
