//! `simple_integration`: the antiderivative of a Laurent polynomial with
//! rational coefficients, which sympy printed.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use serde_json::{json, Value};
use symlite::calculus::diff;
use symlite::parse::parse_expr;
use symlite::poly::Laurent;
use symlite::{sstr, Expr, Rational};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "simple_integration",
    category: "algebra",
    description: "Find the indefinite integral of a polynomial",
    config_class: "SimpleIntegrationConfig",
    build,
};

const PROMPT_TEMPLATES: [&str; 3] = [
    "Find the indefinite integral: ∫ {integrand} dx",
    "Calculate the antiderivative: ∫ {integrand} dx",
    "Evaluate the indefinite integral: ∫ {integrand} dx",
];

const ADDED_INSTRUCTION: &str = "
When performing calculations, please follow these guidelines:
1. Use ** instead of ^ to represent exponents. For example, write 7*X**2 instead of 7*X^2.
2. Always include the * symbol for all multiplication operations in your reasoning steps. For example, write `-3*X**3*sin(X) - 9*X**2*cos(X) + 18*X*sin(X) + 18*cos(X) + C` instead of `-3x3sin(x) - 9x2cos(x) + 18xsin(x) + 18cos(x) + C`.
";

struct SimpleIntegration {
    seed: Seed,
    min_terms: i64,
    max_terms: i64,
    min_degree: i64,
    max_degree: i64,
    min_bounds: i64,
    max_bounds: i64,
    operators: Vec<String>,
    symbols: Vec<String>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = SimpleIntegration {
        seed: p.seed,
        min_terms: r.int("min_terms", 2),
        max_terms: r.int("max_terms", 5),
        min_degree: r.int("min_degree", 1),
        max_degree: r.int("max_degree", 10),
        min_bounds: r.int("min_bounds", 1),
        max_bounds: r.int("max_bounds", 10),
        operators: r.str_list("operators", &["+", "-"]),
        symbols: r.str_list("symbols", &["x", "X"]),
    };
    let v = r.finish()?;
    v.ensure(d.min_bounds > 0, "min_bounds must be positive")?;
    v.ensure(
        d.max_bounds >= d.min_bounds,
        "max_bounds must be >= min_bounds",
    )?;
    v.ensure(d.min_terms >= 0, "min_terms must be positive")?;
    v.ensure(d.max_terms >= d.min_terms, "max_terms must be >= min_terms")?;
    v.ensure(d.min_degree >= -10, "min_degree must be >= -10")?;
    v.ensure(
        d.max_degree >= d.min_degree,
        "max_degree must be >= min_degree",
    )?;
    v.ensure(
        d.operators.iter().all(|op| op == "+" || op == "-"),
        "invalid operator specified",
    )?;
    // Each term is printed twice (integrand and answer), and sorting the
    // terms compares monomials.
    v.ensure_item_size(count(d.max_terms), "max_terms")?;
    v.done(d)
}

impl SimpleIntegration {
    /// `_generate_coefficient`: an integer or a fraction over 2..=10.
    fn generate_coefficient(&self, rng: &mut Random) -> Result<Rational> {
        if *rng.choice(&[true, false])? {
            return Ok(Rational::int(
                rng.randint(self.min_bounds, self.max_bounds)?,
            ));
        }
        let denominator = rng.randint(2, 10)?;
        let numerator = rng.randint(self.min_bounds, self.max_bounds)?;
        Ok(Rational::new(numerator.into(), denominator.into()).expect("denominator >= 2"))
    }

    /// `_generate_polynomial`: the symbol and `sum(terms)`.
    fn generate_polynomial(&self, rng: &mut Random, num_terms: i64) -> Result<(String, Expr)> {
        let name = rng.choice(&self.symbols)?.clone();
        let x = Expr::sym(&name);
        let mut sum = Expr::int(0);
        for _ in 0..num_terms {
            let coefficient = self.generate_coefficient(rng)?;
            let degree = rng.randint(self.min_degree, self.max_degree)?;
            let operator = rng.choice(&self.operators)?;
            let mut term = Expr::Num(coefficient).mul(&x.pow(&Expr::int(degree)));
            if operator == "-" {
                term = term.neg();
            }
            sum = sum.add(&term);
        }
        Ok((name, sum))
    }
}

impl Dataset for SimpleIntegration {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let num_terms = rng.randint(self.min_terms, self.max_terms)?;
        let (variable, polynomial) = self.generate_polynomial(&mut rng, num_terms)?;
        let derivative = diff(&polynomial, &variable).expect("integer exponents only");
        let integrand = sstr(&derivative);
        let question = rng
            .choice(&PROMPT_TEMPLATES)?
            .replace("{integrand}", &integrand)
            + ADDED_INSTRUCTION;
        Ok(Item {
            question,
            answer: format!("{} + C", sstr(&polynomial)),
            metadata: meta! {
                "integrand" => integrand,
                "variable" => variable,
                "num_terms" => num_terms,
                "difficulty" => json!({"terms": [self.min_terms, self.max_terms]}),
            },
        })
    }

    /// `score_answer`: 1.0 when the answer's derivative (with `C` and the
    /// variable as symbols) minus the integrand simplifies to 0.
    ///
    /// rgym decides it for every answer built from numbers, symbols,
    /// `+ - * /` and integer powers whose denominators are monomials (the
    /// expansion is a Laurent polynomial, identically zero exactly when
    /// `simplify` gives 0). Answers outside that class (floats, functions
    /// such as `log(E)`, `I`, division by a sum, fractional powers) score
    /// 0.0, where the reference may score some of them 1.0; answers past
    /// symlite's bounds score 0.0 too.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let Some(var) = item.metadata.get("variable").and_then(Value::as_str) else {
            return 0.0;
        };
        let Some(integrand) = item.metadata.get("integrand").and_then(Value::as_str) else {
            return 0.0;
        };
        let matches = || -> std::result::Result<bool, symlite::parse::Outcome> {
            let user = Laurent::from_expr(&parse_expr(answer, &[var, "C"])?)?;
            let want = Laurent::from_expr(&parse_expr(integrand, &[var])?)?;
            Ok(user.diff(var)?.sub(&want)?.is_zero())
        };
        if matches!(matches(), Ok(true)) {
            1.0
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
    fn answers_score_one_and_others_zero() {
        let ds = dataset(&INFO, json!({"seed": 11, "min_degree": -3}));
        for idx in 0..100 {
            let item = ds.generate(idx).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0, "{}", item.answer);
            let no_c = item.answer.trim_end_matches(" + C");
            assert_eq!(ds.score(Some(no_c), &item), 1.0);
            assert_eq!(ds.score(Some(&format!("{no_c} + 1")), &item), 1.0);
            let var = item.metadata["variable"].as_str().unwrap();
            assert_eq!(ds.score(Some(&format!("{no_c} + {var}")), &item), 0.0);
            assert_eq!(ds.score(Some("9**9**9"), &item), 0.0);
            assert_eq!(ds.score(None, &item), 0.0);
        }
    }

    #[test]
    fn expanded_forms_count() {
        let ds = dataset(&INFO, json!({"seed": 1}));
        let mut item = ds.generate(0).unwrap();
        item.metadata.insert("variable".into(), json!("x"));
        item.metadata
            .insert("integrand".into(), json!("x**2 + 2*x + 1"));
        assert_eq!(ds.score(Some("(x + 1)**3/3 + C"), &item), 1.0);
        assert_eq!(ds.score(Some("x**3/3 + x**2 + x"), &item), 1.0);
        assert_eq!(ds.score(Some("x^3/3 + x^2 + x"), &item), 0.0);
        assert_eq!(ds.score(Some("X**3/3 + X**2 + X"), &item), 0.0);
    }

    #[test]
    fn hostile_answers_are_scored_fast() {
        let ds = dataset(&INFO, json!({"seed": 1}));
        let item = ds.generate(0).unwrap();
        let scores = crate::hostile::scores(|a| ds.score(Some(a), &item));
        assert!(scores.iter().all(|&s| s == 0.0), "{scores:?}");
    }

    #[test]
    fn validation_follows_the_reference() {
        assert_eq!(
            refused(&INFO, json!({"min_degree": -11})),
            "min_degree must be >= -10"
        );
        assert_eq!(
            refused(&INFO, json!({"operators": ["*"]})),
            "invalid operator specified"
        );
    }
}
