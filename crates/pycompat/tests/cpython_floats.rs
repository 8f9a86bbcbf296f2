//! CPython's text for 200,000 floats (scripts/vectors/pycompat_vectors.py) must be reproduced exactly.

use pycompat::*;
use pyrandom::Random;
use serde_json::Value;

fn from_hex(s: &str) -> f64 {
    match s {
        "inf" => return f64::INFINITY,
        "-inf" => return f64::NEG_INFINITY,
        "nan" => return f64::NAN,
        _ => {}
    }
    let (neg, s) = s.strip_prefix('-').map_or((false, s), |r| (true, r));
    let s = s.strip_prefix("0x").unwrap();
    let (mant, exp) = s.split_once('p').unwrap();
    let (int_part, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let mut bits = u64::from_str_radix(int_part, 16).unwrap() as u128;
    for c in frac.chars() {
        bits = bits * 16 + c.to_digit(16).unwrap() as u128;
    }
    let e: i32 = exp.parse::<i32>().unwrap() - 4 * frac.len() as i32;
    // Exact: scale by powers of two in steps that cannot overflow or lose bits.
    let mut v = bits as f64;
    let mut e = e;
    while e > 0 {
        let step = e.min(500);
        v *= 2f64.powi(step);
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(500);
        v /= 2f64.powi(step);
        e += step;
    }
    if neg {
        -v
    } else {
        v
    }
}

fn texts(x: f64) -> Vec<String> {
    let r = |y: f64| float_repr(y);
    vec![
        float_repr(x),
        format_fixed(x, 2),
        format_fixed(x, 0),
        format_exp(x, 3),
        format_general(x, 4),
        format_general(x, 6),
        r(round_ndigits(x, 2)),
        r(round_ndigits(x, 0)),
        group_thousands(&format_fixed(x, 2)),
        r(round_ndigits(x, -1)),
    ]
}

fn gen(r: &mut Random) -> f64 {
    match r.randbelow(4) {
        0 => r.random(),
        1 => r.uniform(-1e6, 1e6),
        2 => {
            let x = r.uniform(-1000.0, 1000.0);
            let n = r.randbelow(5) as i32;
            round_ndigits(x, n)
        }
        _ => loop {
            let x = f64::from_bits(r.getrandbits(64));
            if x.is_finite() {
                return x;
            }
        },
    }
}

fn fnv(mut h: u64, s: &str) -> u64 {
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001B3);
    }
    h
}

fn data() -> Value {
    serde_json::from_str(include_str!("data/floats.json")).unwrap()
}

#[test]
fn edge_cases() {
    for row in data()["edges"].as_array().unwrap() {
        let x = from_hex(row[0].as_str().unwrap());
        let want: Vec<&str> = row[1]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(texts(x), want, "x = {}", row[0]);
    }
}

#[test]
fn explicit_rows_and_digest_of_200k() {
    let d = data();
    let rows = d["rows"].as_array().unwrap();
    let mut r = Random::new(2024);
    let mut h: u64 = 0xCBF29CE484222325;
    for i in 0..d["count"].as_u64().unwrap() as usize {
        let x = gen(&mut r);
        let t = texts(x);
        if let Some(row) = rows.get(i) {
            assert_eq!(
                x.to_bits(),
                from_hex(row[0].as_str().unwrap()).to_bits(),
                "float {i}"
            );
            let want: Vec<&str> = row[1]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            assert_eq!(t, want, "row {i}: x = {}", row[0]);
        }
        for s in &t {
            h = fnv(h, s);
            h = fnv(h, "\n");
        }
    }
    assert_eq!(format!("{h:016x}"), d["digest"].as_str().unwrap());
}

#[test]
fn str_repr_quotes_and_escapes() {
    assert_eq!(py_str_repr("abc"), "'abc'");
    assert_eq!(py_str_repr("it's"), "\"it's\"");
    assert_eq!(py_str_repr("a'b\"c"), "'a\\'b\"c'");
    assert_eq!(py_str_repr("x\ny\t\\"), "'x\\ny\\t\\\\'");
    assert_eq!(py_str_repr("\u{7}é"), "'\\x07é'");
    assert_eq!(repr_list(["'a'", "'b'"]), "['a', 'b']");
}

#[test]
fn json_dumps_matches_python_layout() {
    let v: Value =
        serde_json::from_str(r#"{"a": [1, 2.5, 1e-05, "é\n"], "b": {"c": null, "d": true}}"#)
            .unwrap();
    assert_eq!(
        json_dumps(&v, JsonStyle::default()),
        r#"{"a": [1, 2.5, 1e-05, "\u00e9\n"], "b": {"c": null, "d": true}}"#
    );
    let compact = JsonStyle {
        compact: true,
        ensure_ascii: false,
    };
    assert_eq!(
        json_dumps(&v, compact),
        "{\"a\":[1,2.5,1e-05,\"é\\n\"],\"b\":{\"c\":null,\"d\":true}}"
    );
}
