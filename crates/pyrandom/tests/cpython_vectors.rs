//! Draws recorded from CPython 3.11 (scripts/vectors/pyrandom_vectors.py) must be reproduced exactly.

use num_bigint::BigInt;
use pyrandom::{Random, Weight};
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let text = include_str!("data/vectors.json");
    serde_json::from_str(text).expect("vectors.json parses")
}

fn seeded(case: &Value) -> Random {
    let seed: BigInt = case["seed"].as_str().unwrap().parse().unwrap();
    Random::from_bigint(&seed)
}

/// Parses `float.hex()` output exactly.
fn from_hex(s: &str) -> f64 {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    if s == "0x0.0p+0" {
        return if neg { -0.0 } else { 0.0 };
    }
    let s = s.strip_prefix("0x").unwrap();
    let (mant, exp) = s.split_once('p').unwrap();
    let (int_part, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let mut m = u64::from_str_radix(int_part, 16).unwrap() as f64;
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        m += c.to_digit(16).unwrap() as f64 * scale;
        scale /= 16.0;
    }
    let e: i32 = exp.parse().unwrap();
    let v = m * 2f64.powi(e);
    if neg {
        -v
    } else {
        v
    }
}

fn ints(v: &Value) -> Vec<i64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_i64().unwrap())
        .collect()
}

#[test]
fn random_floats() {
    for case in vectors() {
        let mut r = seeded(&case);
        for (i, want) in case["random"].as_array().unwrap().iter().enumerate() {
            assert_eq!(
                r.random(),
                from_hex(want.as_str().unwrap()),
                "seed {} draw {i}",
                case["seed"]
            );
        }
    }
}

#[test]
fn getrandbits_any_width() {
    for case in vectors() {
        let mut r = seeded(&case);
        for row in case["getrandbits"].as_array().unwrap() {
            let k = row[0].as_u64().unwrap();
            let want = row[1].as_str().unwrap();
            let got = if k <= 64 {
                r.getrandbits(k as u32).to_string()
            } else {
                r.getrandbits_big(k).to_string()
            };
            assert_eq!(got, want, "seed {} k {k}", case["seed"]);
        }
    }
}

#[test]
fn randint_and_randrange() {
    for case in vectors() {
        let mut r = seeded(&case);
        for row in case["randint"].as_array().unwrap() {
            let (a, b, want) = (
                row[0].as_i64().unwrap(),
                row[1].as_i64().unwrap(),
                row[2].as_i64().unwrap(),
            );
            assert_eq!(r.randint(a, b).unwrap(), want);
        }
        let mut r = seeded(&case);
        for row in case["randint_big"].as_array().unwrap() {
            let a: BigInt = row[0].as_str().unwrap().parse().unwrap();
            let b: BigInt = row[1].as_str().unwrap().parse().unwrap();
            assert_eq!(
                r.randint_big(&a, &b).unwrap().to_string(),
                row[2].as_str().unwrap()
            );
        }
        let mut r = seeded(&case);
        for row in case["randrange_step"].as_array().unwrap() {
            let v = ints(row);
            assert_eq!(r.randrange_step(v[0], v[1], v[2]).unwrap(), v[3], "{row}");
        }
        let mut r = seeded(&case);
        for row in case["randrange_to"].as_array().unwrap() {
            let v = ints(row);
            assert_eq!(r.randrange_to(v[0]).unwrap(), v[1]);
        }
    }
}

#[test]
fn choice_shuffle_sample() {
    for case in vectors() {
        let mut r = seeded(&case);
        for row in case["choice"].as_array().unwrap() {
            let v = ints(row);
            let pop: Vec<i64> = (0..v[0]).collect();
            assert_eq!(*r.choice(&pop).unwrap(), v[1]);
        }
        let mut r = seeded(&case);
        let mut rows = case["shuffle"].as_array().unwrap().iter();
        for n in [0i64, 1, 2, 10, 52, 300] {
            for _ in 0..20 {
                let mut x: Vec<i64> = (0..n).collect();
                r.shuffle(&mut x);
                assert_eq!(x, ints(rows.next().unwrap()));
            }
        }
        let mut r = seeded(&case);
        for row in case["sample"].as_array().unwrap() {
            let (n, k) = (row[0].as_u64().unwrap(), row[1].as_u64().unwrap() as usize);
            let got: Vec<i64> = r
                .sample_indices(n, k)
                .unwrap()
                .into_iter()
                .map(|x| x as i64)
                .collect();
            assert_eq!(got, ints(&row[2]), "sample n={n} k={k}");
        }
        let mut r = seeded(&case);
        for row in case["sample_counts"].as_array().unwrap() {
            let counts: Vec<u64> = ints(&row[0]).into_iter().map(|c| c as u64).collect();
            let pop: Vec<i64> = (0..counts.len() as i64).collect();
            let got = r
                .sample_counts(&pop, &counts, row[1].as_u64().unwrap() as usize)
                .unwrap();
            assert_eq!(got, ints(&row[2]));
        }
    }
}

#[test]
fn choices_with_and_without_weights() {
    for case in vectors() {
        let mut r = seeded(&case);
        for row in case["choices"].as_array().unwrap() {
            let (n, k) = (
                row[0].as_u64().unwrap() as usize,
                row[1].as_u64().unwrap() as usize,
            );
            let got: Vec<i64> = r
                .choices_indices(n, k)
                .into_iter()
                .map(|x| x as i64)
                .collect();
            assert_eq!(got, ints(&row[2]));
        }
        let mut r = seeded(&case);
        for row in case["choices_weighted"].as_array().unwrap() {
            let weights: Vec<Weight> = row[0]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| match w.as_i64() {
                    Some(i) => Weight::Int(i),
                    None => Weight::Float(w.as_f64().unwrap()),
                })
                .collect();
            let got: Vec<i64> = r
                .choices_weighted_indices(&weights, 4)
                .unwrap()
                .into_iter()
                .map(|x| x as i64)
                .collect();
            assert_eq!(got, ints(&row[1]), "weights {}", row[0]);
        }
    }
}

#[test]
fn continuous_distributions() {
    for case in vectors() {
        let mut r = seeded(&case);
        for row in case["uniform"].as_array().unwrap() {
            let got = r.uniform(row[0].as_f64().unwrap(), row[1].as_f64().unwrap());
            assert_eq!(got, from_hex(row[2].as_str().unwrap()));
        }
        let check = |name: &str, f: &mut dyn FnMut(&mut Random) -> f64| {
            let mut r = seeded(&case);
            for want in case[name].as_array().unwrap() {
                assert_eq!(f(&mut r), from_hex(want.as_str().unwrap()), "{name}");
            }
        };
        check("gauss", &mut |r| r.gauss(1.5, 2.0));
        check("normalvariate", &mut |r| r.normalvariate(0.0, 1.0));
        check("triangular", &mut |r| r.triangular(0.0, 10.0, Some(3.0)));
        check("expovariate", &mut |r| r.expovariate(0.5));
    }
}

#[test]
fn errors_instead_of_panics() {
    let mut r = Random::new(1);
    assert!(r.randint(5, 4).is_err());
    assert!(r.randrange_step(0, 10, 0).is_err());
    assert!(r.choice::<u8>(&[]).is_err());
    assert!(r.sample_indices(3, 4).is_err());
    assert!(r.choices_weighted_indices(&[Weight::Int(0)], 1).is_err());
    assert_eq!(Random::new(-7).random(), Random::new(7).random());
}
