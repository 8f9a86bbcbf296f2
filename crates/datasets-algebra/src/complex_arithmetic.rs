//! `complex_arithmetic`: add, subtract, multiply or divide two complex numbers.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed, Weight,
};
use pycompat::{float_repr, format_fixed, py_complex, py_float, round_ndigits};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "complex_arithmetic",
    category: "algebra",
    description: "Arithmetic on complex numbers with integer parts",
    config_class: "ComplexArithmeticConfig",
    build,
};

const OPERATORS: [&str; 4] = ["+", "-", "*", "/"];
const DEFAULT_WEIGHTS: [f64; 4] = [0.4, 0.4, 0.1, 0.1];

/// A Python `complex`: IEEE doubles, with CPython's arithmetic.
#[derive(Clone, Copy, PartialEq)]
struct Complex {
    re: f64,
    im: f64,
}

impl Complex {
    fn add(self, o: Complex) -> Complex {
        Complex {
            re: self.re + o.re,
            im: self.im + o.im,
        }
    }

    fn sub(self, o: Complex) -> Complex {
        Complex {
            re: self.re - o.re,
            im: self.im - o.im,
        }
    }

    /// `_Py_c_prod`, unfused.
    fn mul(self, o: Complex) -> Complex {
        Complex {
            re: self.re * o.re - self.im * o.im,
            im: self.re * o.im + self.im * o.re,
        }
    }

    /// `abs(z)` (`_Py_c_abs`): infinite if either part is, else `hypot`.
    fn abs(self) -> f64 {
        if self.re.is_infinite() || self.im.is_infinite() {
            f64::INFINITY
        } else {
            self.re.hypot(self.im)
        }
    }

    /// The reference's `_format_complex`: two decimals for a pure real or
    /// imaginary number, `str(float)` parts otherwise.
    fn format(self) -> String {
        if self.im.abs() < 1e-10 {
            format_fixed(self.re, 2)
        } else if self.re.abs() < 1e-10 {
            format!("{}i", format_fixed(self.im, 2))
        } else {
            let sign = if self.im >= 0.0 { "+" } else { "-" };
            format!(
                "{} {sign} {}i",
                float_repr(self.re),
                float_repr(self.im.abs())
            )
        }
    }
}

struct ComplexArithmetic {
    seed: Seed,
    min_real: i64,
    max_real: i64,
    min_imag: i64,
    max_imag: i64,
    operations: Vec<String>,
    weights: Vec<Weight>,
    /// `operations_weights` as given, for the metadata.
    weights_json: Value,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_real = r.int("min_real", -10);
    let max_real = r.int("max_real", 10);
    let min_imag = r.int("min_imag", -10);
    let max_imag = r.int("max_imag", 10);
    let operations = r.str_list("operations", &OPERATORS);
    let weights = r.float_list("operations_weights", &DEFAULT_WEIGHTS);
    let weights_json = match r.raw("operations_weights") {
        Some(given) => given.clone(),
        None => json!(DEFAULT_WEIGHTS),
    };
    let v = r.finish()?;
    v.ensure(max_real >= min_real, "max_real must be >= min_real")?;
    v.ensure(max_imag >= min_imag, "max_imag must be >= min_imag")?;
    v.ensure(
        operations.iter().all(|op| OPERATORS.contains(&op.as_str())),
        "invalid operator",
    )?;
    // `sum` adds left to right from 0 (ints stay exact, which these are as floats).
    let total: f64 = weights.iter().fold(0.0, |acc, w| acc + w);
    v.ensure(
        round_ndigits(total, 1) == 1.0,
        "operations_weights must sum to 1.0",
    )?;
    // JSON integers stay Python ints in `choices`' cumulative sums.
    let weights = weights_json
        .as_array()
        .map(|items| {
            items
                .iter()
                .zip(&weights)
                .map(|(given, &w)| given.as_i64().map_or(Weight::Float(w), Weight::Int))
                .collect()
        })
        .unwrap_or_else(|| weights.iter().map(|&w| Weight::Float(w)).collect());
    v.done(ComplexArithmetic {
        seed: p.seed,
        min_real,
        max_real,
        min_imag,
        max_imag,
        operations,
        weights,
        weights_json,
    })
}

impl ComplexArithmetic {
    fn draw(&self, rng: &mut Random) -> Result<Complex> {
        let re = rng.randint(self.min_real, self.max_real)?;
        let im = rng.randint(self.min_imag, self.max_imag)?;
        Ok(Complex {
            re: re as f64,
            im: im as f64,
        })
    }
}

/// `int(x)` of a finite float, as a JSON number.
fn py_int_of(x: f64) -> Value {
    let t = x.trunc();
    let limit = 2f64.powi(63);
    if (-limit..limit).contains(&t) {
        Value::from(t as i64)
    } else {
        // Past i64 the integer is the float's exact value; JSON can only carry it as a float.
        Value::from(t)
    }
}

impl Dataset for ComplexArithmetic {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        if self.operations.len() != self.weights.len() {
            return Err(DatasetError::Generation(
                "The number of weights does not match the population".into(),
            ));
        }
        let pick = rng.choices_weighted_indices(&self.weights, 1)?;
        let op = self.operations[pick[0]].as_str();
        let (a, b, result) = if op == "/" {
            // The quotient is drawn first and the dividend made from it, so
            // the division comes out whole.
            let quotient = self.draw(&mut rng)?;
            let zero = Complex { re: 0.0, im: 0.0 };
            if [self.min_real, self.max_real, self.min_imag, self.max_imag] == [0; 4] {
                return Err(DatasetError::Generation(
                    "complex_arithmetic: every divisor would be 0".into(),
                ));
            }
            let mut b = self.draw(&mut rng)?;
            while b == zero {
                b = self.draw(&mut rng)?;
            }
            (quotient.mul(b), b, quotient)
        } else {
            let a = self.draw(&mut rng)?;
            let b = self.draw(&mut rng)?;
            let result = match op {
                "+" => a.add(b),
                "-" => a.sub(b),
                _ => a.mul(b),
            };
            (a, b, result)
        };
        let symbol = match op {
            "+" => "Add the complex numbers: ({}) + ({})",
            "-" => "Subtract the complex numbers: ({}) - ({})",
            "*" => "Multiply the complex numbers: ({}) × ({})",
            _ => "Divide the complex numbers: ({}) ÷ ({})",
        };
        let question = symbol
            .replacen("{}", &a.format(), 1)
            .replacen("{}", &b.format(), 1);
        Ok(Item {
            question,
            answer: result.format(),
            metadata: meta! {
                "num1" => [a.re, a.im],
                "num2" => [b.re, b.im],
                "operation" => op,
                "result" => [py_int_of(result.re), py_int_of(result.im)],
                "difficulty" => json!({
                    "min_real": self.min_real,
                    "max_real": self.max_real,
                    "min_imag": self.min_imag,
                    "max_imag": self.max_imag,
                    "operations_weights": self.weights_json,
                }),
            },
        })
    }

    /// `min(1, exp(-|answer - result|))`, with the answer read by the
    /// reference's `parse_string_to_complex`.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(student) = answer.and_then(parse_complex) else {
            return 0.0;
        };
        let part = |i: usize| {
            item.metadata
                .get("result")
                .and_then(|r| r.get(i))
                .and_then(Value::as_f64)
        };
        let (Some(re), Some(im)) = (part(0), part(1)) else {
            return 0.0;
        };
        let distance = student.sub(Complex { re, im }).abs();
        let score = (-distance).exp();
        // Python's `min(1.0, score)` keeps 1.0 unless score < 1.0: a NaN scores 1.
        if score < 1.0 {
            score
        } else {
            1.0
        }
    }
}

/// The reference's `parse_string_to_complex`: spaces dropped, lowercased,
/// outer brackets removed, `i` read as `j`, then `float()` or `complex()`.
fn parse_complex(answer: &str) -> Option<Complex> {
    let real = |re: f64| Complex { re, im: 0.0 };
    let imag = |im: f64| Complex { re: 0.0, im };
    let mut s: String = answer.replace(' ', "").to_lowercase();
    while s.chars().count() > 1 && s.starts_with('(') && s.ends_with(')') {
        s = s[1..s.len() - 1].to_string();
    }
    let s = s.replace('i', "j");
    if !s.contains('j') {
        return py_float(&s).map(real);
    }
    match s.as_str() {
        "j" => return Some(imag(1.0)),
        "-j" => return Some(imag(-1.0)),
        _ => {}
    }
    let has_sign = |t: &str| t.contains(['+', '-']);
    // `s[:-1]` and `s[1:-1]`, by characters as Python slices.
    let last = s.char_indices().last().map_or(0, |(i, _)| i);
    let all_but_last = &s[..last];
    let inner = s.get(1..last.max(1)).unwrap_or("");
    if (s.ends_with('j') && !has_sign(all_but_last)) || (s.starts_with('-') && !has_sign(inner)) {
        let coef = match all_but_last {
            "" => "1",
            "-" => "-1",
            c => c,
        };
        return py_float(coef).map(imag);
    }
    if !s.ends_with('j') {
        return None;
    }
    let s = s.replace("+j", "+1j").replace("-j", "-1j");
    py_complex(&s).map(|(re, im)| Complex { re, im })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(s: &str) -> Option<(f64, f64)> {
        parse_complex(s).map(|z| (z.re, z.im))
    }

    #[test]
    fn parses_like_the_reference() {
        assert_eq!(parsed("3 + 4i"), Some((3.0, 4.0)));
        assert_eq!(parsed("(3-4i)"), Some((3.0, -4.0)));
        assert_eq!(parsed("((3-4i))"), Some((3.0, -4.0)));
        assert_eq!(parsed("-4i"), Some((0.0, -4.0)));
        assert_eq!(parsed("i"), Some((0.0, 1.0)));
        assert_eq!(parsed("-i"), Some((0.0, -1.0)));
        assert_eq!(parsed("2+i"), Some((2.0, 1.0)));
        assert_eq!(parsed("2-i"), Some((2.0, -1.0)));
        assert_eq!(parsed("7"), Some((7.0, 0.0)));
        assert_eq!(parsed("3i+2"), None);
        assert_eq!(parsed("()"), None);
        assert_eq!(parsed("garbage"), None);
        assert_eq!(parsed(""), None);
    }

    #[test]
    fn formats_like_the_reference() {
        let z = |re, im| Complex { re, im }.format();
        assert_eq!(z(3.0, 0.0), "3.00");
        assert_eq!(z(-0.0, 0.0), "-0.00");
        assert_eq!(z(0.0, -2.0), "-2.00i");
        assert_eq!(z(3.0, -2.0), "3.0 - 2.0i");
        assert_eq!(z(1e16, 2.5), "1e+16 + 2.5i");
    }
}
