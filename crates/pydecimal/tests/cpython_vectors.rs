//! CPython's `decimal` results (scripts/vectors/pydecimal_vectors.py) must be reproduced exactly.

use std::cmp::Ordering;

use pydecimal::{Context, Decimal, DecimalError, Rounding};
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/vectors.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("vectors.json")).expect("json")
}

fn rounding(name: &str) -> Rounding {
    match name {
        "Down" => Rounding::Down,
        "HalfUp" => Rounding::HalfUp,
        "HalfEven" => Rounding::HalfEven,
        "Ceiling" => Rounding::Ceiling,
        "Floor" => Rounding::Floor,
        "HalfDown" => Rounding::HalfDown,
        "Up" => Rounding::Up,
        "ZeroFiveUp" => Rounding::ZeroFiveUp,
        _ => panic!("unknown rounding {name}"),
    }
}

fn contexts(v: &Value) -> Vec<Context> {
    v["contexts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| Context {
            prec: c[0].as_u64().unwrap(),
            rounding: rounding(c[1].as_str().unwrap()),
            emax: c[2].as_i64().unwrap(),
            emin: c[3].as_i64().unwrap(),
            clamp: c[4].as_i64().unwrap() == 1,
        })
        .collect()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("Decimal({s:?}): {e}"))
}

fn shown(r: Result<Decimal, DecimalError>) -> String {
    match r {
        Ok(d) => d.to_string(),
        Err(DecimalError::InvalidOperation | DecimalError::ConversionSyntax) => {
            "!InvalidOperation".into()
        }
        Err(DecimalError::DivisionByZero) => "!DivisionByZero".into(),
        Err(DecimalError::Overflow) => "!Overflow".into(),
    }
}

#[test]
fn parse_str_and_adjusted() {
    let v = vectors();
    let mut bad = Vec::new();
    for row in v["parse"].as_array().unwrap() {
        let s = row[0].as_str().unwrap();
        let got = s.parse::<Decimal>();
        match (&got, row[1].as_str()) {
            (Ok(d), Some(want)) => {
                if d.to_string() != want
                    || d.adjusted() != row[2].as_i64().unwrap()
                    || d.is_zero() != row[3].as_bool().unwrap()
                {
                    bad.push(format!("{s:?}: got {d} adj {}, want {want}", d.adjusted()));
                }
            }
            (Err(_), None) => {}
            _ => bad.push(format!("{s:?}: got {got:?}, want {:?}", row[1])),
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn arithmetic() {
    let v = vectors();
    let ctxs = contexts(&v);
    let mut bad = Vec::new();
    for row in v["ops"].as_array().unwrap() {
        let op = row[0].as_str().unwrap();
        let a = dec(row[1].as_str().unwrap());
        let ctx = &ctxs[row[3].as_u64().unwrap() as usize];
        let got = match op {
            "neg" => a.neg(ctx),
            "plus" => a.plus(ctx),
            _ => {
                let b = dec(row[2].as_str().unwrap());
                match op {
                    "add" => a.add(&b, ctx),
                    "sub" => a.sub(&b, ctx),
                    "mul" => a.mul(&b, ctx),
                    "div" => a.div(&b, ctx),
                    _ => panic!("unknown op {op}"),
                }
            }
        };
        let got = shown(got);
        if got != row[4].as_str().unwrap() {
            bad.push(format!("{row}: got {got}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(40)].join("\n")
    );
}

#[test]
fn quantize() {
    let v = vectors();
    let ctxs = contexts(&v);
    let mut bad = Vec::new();
    for row in v["quantize"].as_array().unwrap() {
        let a = dec(row[0].as_str().unwrap());
        let b = dec(row[1].as_str().unwrap());
        let r = row[2].as_str().map(rounding);
        let ctx = &ctxs[row[3].as_u64().unwrap() as usize];
        let got = shown(a.quantize(&b, r, ctx));
        if got != row[4].as_str().unwrap() {
            bad.push(format!("{row}: got {got}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(40)].join("\n")
    );
}

#[test]
fn integer_powers() {
    let v = vectors();
    let ctxs = contexts(&v);
    let mut bad = Vec::new();
    for row in v["powi"].as_array().unwrap() {
        let a = dec(row[0].as_str().unwrap());
        let n = row[1].as_i64().unwrap();
        let ctx = &ctxs[row[2].as_u64().unwrap() as usize];
        let got = shown(a.powi(n, ctx));
        if got != row[3].as_str().unwrap() {
            bad.push(format!("{row}: got {got}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(40)].join("\n")
    );
}

#[test]
fn comparison() {
    let v = vectors();
    let mut bad = Vec::new();
    for row in v["compare"].as_array().unwrap() {
        let a = dec(row[0].as_str().unwrap());
        let b = dec(row[1].as_str().unwrap());
        let eq = match a.py_eq(&b) {
            Ok(e) => Value::Bool(e),
            Err(_) => Value::String("!InvalidOperation".into()),
        };
        let order = match a.compare(&b) {
            Some(Ordering::Less) => Value::from(-1),
            Some(Ordering::Equal) => Value::from(0),
            Some(Ordering::Greater) => Value::from(1),
            None => Value::Null,
        };
        if eq != row[2] || order != row[3] {
            bad.push(format!("{row}: got {eq} {order}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(40)].join("\n")
    );
}

#[test]
fn fixed_point_format() {
    let v = vectors();
    let mut bad = Vec::new();
    for row in v["format"].as_array().unwrap() {
        let a = dec(row[0].as_str().unwrap());
        let places = row[1].as_u64();
        let got = a.format_fixed(places, rounding(row[2].as_str().unwrap()));
        if got != row[3].as_str().unwrap() {
            bad.push(format!("{row}: got {got}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad[..bad.len().min(40)].join("\n")
    );
}

#[test]
fn default_context_is_pythons() {
    let ctx = Context::default();
    assert_eq!(ctx.prec, 28);
    assert_eq!(ctx.rounding, Rounding::HalfEven);
    // Decimal(1) / Decimal(3) under the default context.
    let third = Decimal::from(1).div(&Decimal::from(3), &ctx).unwrap();
    assert_eq!(third.to_string(), "0.3333333333333333333333333333");
    // Exact quotients reach the ideal exponent: Decimal(50) / Decimal(100) == Decimal('0.5').
    let half = Decimal::from(50).div(&Decimal::from(100), &ctx).unwrap();
    assert_eq!(half.to_string(), "0.5");
}
