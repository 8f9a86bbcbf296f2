//! `polynomial_equations`: the real roots of a polynomial equation, as the
//! reference's `sympy.solve` reports them.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use num_bigint::BigInt;
use pycompat::{float_repr, py_float, py_sorted_by, py_strip, round_ndigits};
use serde_json::json;
use symlite::roots::{solve_real, MAX_DEGREE};
use symlite::{sstr, Expr};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "polynomial_equations",
    category: "algebra",
    description: "Find the real roots of a polynomial equation",
    config_class: "PolynomialEquationsConfig",
    build,
};

const PROMPT_TEMPLATES: [&str; 4] = [
    "Find the real value(s) of {variable} in the equation: {polynomial_expanded} = 0",
    "Solve for real {variable}: {polynomial_expanded} = 0",
    "Determine the real value(s) of {variable} that satisfies: {polynomial_expanded} = 0",
    "Solve the polynomial equation for real {variable}:\n{polynomial_expanded} = 0",
];

const ADDED_INSTRUCTION: &str = r#"
In solving equations, please follow these instructions:
1. Provide all answers as comma-separated decimal values. For example: "-0.3773, 0.4005"
2. For solutions that can be expressed in exact form (like "u = 2 + sqrt(4560)/172" and "u = 2 - sqrt(4560)/172"), convert them to decimal form in your final answer.
3. If there are no real values that satisfy the equation, report your answer as an empty string: ""
4. Format your answer based on the number of solutions:
   - For 1 solution: a single decimal number
   - For 2 solutions: two comma-separated decimal numbers
   - For 3 or more solutions: all values as comma-separated decimal numbers
5. Round all decimal values to 4 decimal places (rounding down when the 5th decimal place is 5 or greater).
"#;

/// `_get_variable`'s letters (no `i`, `j`).
const VARIABLES: [char; 24] = [
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u',
    'v', 'w', 'x', 'y', 'z',
];

/// `__getitem__`'s attempts at a polynomial with a real solution.
const ATTEMPTS: usize = 20;

// The scorer's class attributes (not config fields in the reference).
const PENALTY_MISSING_FACTOR: f64 = 0.5;
const PENALTY_EXTRA_FACTOR: f64 = 0.5;
const EXP_DISTANCE_FACTOR: f64 = -10.0;

struct PolynomialEquations {
    seed: Seed,
    min_terms: i64,
    max_terms: i64,
    min_value: i64,
    max_value: i64,
    min_degree: i64,
    max_degree: i64,
    operators: Vec<String>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = PolynomialEquations {
        seed: p.seed,
        min_terms: r.int("min_terms", 2),
        max_terms: r.int("max_terms", 4),
        min_value: r.int("min_value", 1),
        max_value: r.int("max_value", 100),
        min_degree: r.int("min_degree", 1),
        max_degree: r.int("max_degree", 3),
        operators: r.str_list("operators", &["+", "-"]),
    };
    let v = r.finish()?;
    v.ensure(d.min_terms > 0, "min_terms must be positive.")?;
    v.ensure(
        d.max_terms >= d.min_terms,
        "max_terms must be >= min_terms.",
    )?;
    v.ensure(d.min_value > 0, "min_value must be positive.")?;
    v.ensure(
        d.max_value >= d.min_value,
        "max_value must be >= min_value.",
    )?;
    v.ensure(d.min_degree >= 1, "min_degree must be >= 1.")?;
    v.ensure(
        d.max_degree >= d.min_degree,
        "max_degree must be >= min_degree.",
    )?;
    v.ensure(!d.operators.is_empty(), "operators tuple cannot be empty.")?;
    v.ensure(
        d.operators.iter().all(|op| op == "+" || op == "-"),
        "Invalid operator found. Must be a subset of {+, -}.",
    )?;
    // rgym's limit (symlite::roots's module doc says why).
    v.ensure(
        d.max_degree <= MAX_DEGREE as i64,
        format!(
            "max_degree must be <= {MAX_DEGREE} in rgym: for quartics and above, which roots \
             sympy's solve reports as real depends on 2-bit numerical sign checks inside its \
             radical formulas, which rgym does not reproduce"
        ),
    )?;
    v.ensure_item_size(count(d.max_terms), "max_terms")?;
    v.done(d)
}

/// One attempt's polynomial: its printed form and its coefficients.
struct Polynomial {
    expr: Expr,
    /// `coeffs[e]` multiplies `x**e`.
    coeffs: Vec<BigInt>,
}

impl PolynomialEquations {
    /// `_generate_polynomial_expr`: the highest exponent first, then random
    /// ones; each term's sign flipped at random when `-` is allowed.
    fn generate_polynomial_expr(
        &self,
        rng: &mut Random,
        variable: char,
        degree: i64,
        num_terms: i64,
    ) -> Result<Polynomial> {
        let x = Expr::sym(&variable.to_string());
        let mut exponents = vec![degree];
        for _ in 1..num_terms {
            exponents.push(rng.randint(0, degree)?);
        }
        let minus = self.operators.iter().any(|op| op == "-");
        let mut expr = Expr::int(0);
        let mut coeffs = vec![BigInt::from(0); degree as usize + 1];
        for e in exponents {
            let mut coeff = rng.randint(self.min_value, self.max_value)?;
            if minus && rng.random() < 0.5 {
                coeff = -coeff;
            }
            expr = expr.add(&Expr::int(coeff).mul(&x.pow(&Expr::int(e))));
            coeffs[e as usize] += coeff;
        }
        Ok(Polynomial { expr, coeffs })
    }

    /// `_parse_score_to_list`: every comma-separated part `float()` reads, sorted.
    fn parse_score_to_list(answer: Option<&str>) -> Vec<f64> {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return Vec::new();
        };
        let values: Vec<f64> = answer
            .split(',')
            .filter_map(|part| py_float(py_strip(part)))
            .collect();
        py_sorted_by(&values, false, |a, b| a < b)
    }
}

impl Dataset for PolynomialEquations {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let mut last = None;
        for _ in 0..ATTEMPTS {
            let variable = *rng.choice(&VARIABLES)?;
            let degree = rng.randint(self.min_degree, self.max_degree)?;
            let num_terms = rng.randint(self.min_terms, self.max_terms)?;
            let poly = self.generate_polynomial_expr(&mut rng, variable, degree, num_terms)?;
            let solutions = solve_real(&poly.coeffs).map_err(|_| {
                dataset_core::DatasetError::Generation("degree past symlite's roots".into())
            })?;
            let mut real: Vec<f64> = solutions
                .iter()
                .map(|s| round_ndigits(s.value, 4))
                .collect();
            let found = !real.is_empty();
            if found {
                // `list.sort()`: stable, so `-0.0` and `0.0` keep solve's order.
                real.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
            }
            last = Some((variable, degree, num_terms, poly, real));
            if found {
                break;
            }
        }
        let (variable, degree, num_terms, poly, real) = last.expect("at least one attempt");
        let printed = sstr(&poly.expr);
        let answer = real
            .iter()
            .map(|&v| float_repr(v))
            .collect::<Vec<_>>()
            .join(", ");
        let question = rng
            .choice(&PROMPT_TEMPLATES)?
            .replace("{variable}", &variable.to_string())
            .replace("{polynomial_expanded}", &printed)
            + ADDED_INSTRUCTION;
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "polynomial_expr" => printed,
                "variable" => variable.to_string(),
                "degree" => degree,
                "real_solutions" => real,
                "num_terms" => num_terms,
                "difficulty" => json!({
                    "terms": [self.min_terms, self.max_terms],
                    "degree": [self.min_degree, self.max_degree],
                }),
            },
        })
    }

    /// `score_answer`: each predicted value takes the nearest remaining
    /// oracle value (greedy, in sorted order) and earns
    /// `exp(-10 * distance)`; the mean, less 0.5 per missing or extra value,
    /// floored at 0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let mut oracle = Self::parse_score_to_list(Some(&item.answer));
        let predicted = Self::parse_score_to_list(answer);
        if oracle.is_empty() && predicted.is_empty() {
            return 1.0;
        }
        let (mut total, mut matched, mut extra) = (0.0f64, 0usize, 0usize);
        for p in predicted {
            let mut best = f64::INFINITY;
            let mut at = None;
            for (i, o) in oracle.iter().enumerate() {
                let d = (p - o).abs();
                if best > d {
                    best = d;
                    at = Some(i);
                }
            }
            match at {
                Some(i) => {
                    matched += 1;
                    oracle.remove(i);
                    total += (best * EXP_DISTANCE_FACTOR).exp();
                }
                None => extra += 1,
            }
        }
        let penalty =
            oracle.len() as f64 * PENALTY_MISSING_FACTOR + extra as f64 * PENALTY_EXTRA_FACTOR;
        if matched > 0 {
            total /= matched as f64;
        }
        let r = total - penalty;
        // `max(0, r)` keeps 0 unless r > 0 (a NaN stays 0).
        if r > 0.0 {
            r
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};

    #[test]
    fn hostile_answers_are_scored_fast() {
        let ds = dataset(&INFO, json!({"seed": 1}));
        let item = ds.generate(0).unwrap();
        let scores = crate::hostile::scores(|a| ds.score(Some(a), &item));
        assert!(
            scores.iter().all(|&s| (0.0..=1.0).contains(&s)),
            "{scores:?}"
        );
    }

    #[test]
    fn answers_score_one() {
        let ds = dataset(&INFO, json!({"seed": 3}));
        for idx in 0..100 {
            let item = ds.generate(idx).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0, "{}", item.answer);
        }
    }

    #[test]
    fn scores_as_the_reference() {
        let ds = dataset(&INFO, json!({"seed": 3}));
        let mut item = ds.generate(0).unwrap();
        item.answer = "-0.5, 2.0".into();
        assert_eq!(ds.score(Some("2.0, -0.5"), &item), 1.0);
        assert_eq!(ds.score(Some("2.0"), &item), 0.5);
        assert_eq!(ds.score(Some("2.0, -0.5, 7"), &item), 0.5);
        assert_eq!(ds.score(Some("nan, inf"), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
        let near = ds.score(Some("-0.5, 2.1"), &item);
        assert!(
            (near - (1.0 + (-1.0f64).exp()) / 2.0).abs() < 1e-9,
            "{near}"
        );
        item.answer = String::new();
        assert_eq!(ds.score(Some(""), &item), 1.0);
        assert_eq!(ds.score(Some("x"), &item), 1.0);
        let start = std::time::Instant::now();
        ds.score(Some(&"1,".repeat(500_000)), &item);
        assert!(start.elapsed().as_millis() < 2000);
    }

    #[test]
    fn quartics_are_refused() {
        assert_eq!(
            refused(&INFO, json!({"max_degree": 0})),
            "max_degree must be >= min_degree."
        );
        assert!(refused(&INFO, json!({"max_degree": 4})).starts_with("max_degree must be <= 3"));
    }
}
