//! `repr(float)`, `format(x, spec)` and `round(x, n)`.
//!
//! Rust's float formatting is exact (it rounds the true binary value, ties to
//! even), which is the same contract as CPython's `_Py_dg_dtoa`; what differs
//! is only the layout, which is rebuilt here.

/// The shortest digits that read back as `x` (nearest to it where several
/// do, ties to even, as CPython's `_Py_dg_dtoa` mode 0 picks them), trailing
/// zeros dropped, as ASCII in `buf`, with the decimal exponent of the first:
/// ryu's digits, which are CPython's by the same contract (checked against
/// CPython's own text for 200,000 floats in tests/cpython_floats.rs, and
/// against exact rounding below). `x` is finite and not negative.
fn shortest_digits(x: f64, buf: &mut [u8; 17]) -> (usize, i32) {
    let mut ryu = ryu::Buffer::new();
    // `1.5e-7`, `123.0`, `1e16`, `0.001`: at most 17 digits.
    let text = ryu.format_finite(x);
    let (mantissa, exp) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let int_len = mantissa.find('.').unwrap_or(mantissa.len()) as i32;
    let mut len = 0;
    // The value is 0.d1d2d3... * 10^point.
    let mut point = int_len + exp;
    for b in mantissa.bytes().filter(u8::is_ascii_digit) {
        if len == 0 && b == b'0' {
            point -= 1;
            continue;
        }
        if len < buf.len() {
            buf[len] = b;
            len += 1;
        }
    }
    while len > 1 && buf[len - 1] == b'0' {
        len -= 1;
    }
    if len == 0 {
        buf[0] = b'0';
        return (1, 0);
    }
    (len, point - 1)
}

/// `repr(x)` / `str(x)` for a float.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let mut buf = [0u8; 17];
    let (len, exp) = shortest_digits(x.abs(), &mut buf);
    // ASCII digits only.
    let digits = std::str::from_utf8(&buf[..len]).unwrap_or("0");
    let mut out = String::with_capacity(len + 8);
    if x.is_sign_negative() {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        let n = len as i32;
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(digits);
        } else if exp + 1 >= n {
            out.push_str(digits);
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
mod shortest_tests {
    use super::float_repr;

    /// The shortest digits by exact rounding: Rust's shortest `{:e}` gives
    /// how many are needed, and the exact value rounded to that many (ties
    /// to even) is CPython's choice when it reads back as `x`; else (at a
    /// power of two, where the interval is narrower below) the shortest is
    /// the only one. Returns `repr`'s digits and exponent.
    fn exact(x: f64) -> (String, i32) {
        let shortest = format!("{:e}", x.abs());
        let n = shortest
            .split_once('e')
            .unwrap()
            .0
            .bytes()
            .filter(u8::is_ascii_digit)
            .count();
        let nearest = format!("{:.*e}", n - 1, x.abs());
        let s = if nearest.parse::<f64>() == Ok(x.abs()) {
            nearest
        } else {
            shortest
        };
        let (m, e) = s.split_once('e').unwrap();
        let digits: String = m.chars().filter(char::is_ascii_digit).collect();
        (digits.trim_end_matches('0').to_string(), e.parse().unwrap())
    }

    fn parts(repr: &str) -> (String, i32) {
        let r = repr.trim_start_matches('-');
        let (m, e) = r
            .split_once('e')
            .map_or((r, 0), |(m, e)| (m, e.parse().unwrap()));
        let (int, frac) = m.split_once('.').unwrap_or((m, ""));
        let all = format!("{int}{frac}");
        let lead = all.len() - all.trim_start_matches('0').len();
        let digits = all.trim_matches('0');
        if digits.is_empty() {
            return ("".into(), 0);
        }
        (digits.to_string(), int.len() as i32 - 1 - lead as i32 + e)
    }

    /// ryu's digits against exact rounding, on random bit patterns (every
    /// exponent, subnormals included) and on short decimals.
    #[test]
    fn ryu_digits_are_the_exactly_rounded_shortest() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for i in 0..400_000 {
            let x = if i % 2 == 0 {
                f64::from_bits(next())
            } else {
                let digits = 1 + (next() % 17) as u32;
                let mantissa = next() % 10u64.pow(digits);
                let exp = (next() % 620) as i32 - 330;
                format!("{mantissa}e{exp}").parse().unwrap()
            };
            if !x.is_finite() || x == 0.0 {
                continue;
            }
            let (digits, exp) = exact(x);
            assert_eq!(parts(&float_repr(x)), (digits, exp), "{x:e}");
        }
        // Every power of two (where the interval is lopsided) and its neighbours.
        for k in 1..2046u64 {
            let p = k << 52;
            for bits in [p - 1, p, p + 1] {
                let x = f64::from_bits(bits);
                assert_eq!(parts(&float_repr(x)), exact(x), "{x:e}");
            }
        }
        assert_eq!(float_repr(0.0), "0.0");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(5e-324), "5e-324");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(123.0), "123.0");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(-1.5e-7), "-1.5e-07");
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
