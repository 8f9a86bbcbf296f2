//! `simple_equations`: solve a linear equation in one variable that sympy
//! printed.

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
    Weight,
};
use num_bigint::BigInt;
use pycompat::round_ndigits;
use serde_json::{json, Value};
use symlite::{sstr, Expr, Rational};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "simple_equations",
    category: "algebra",
    description: "Solve a linear equation in one variable",
    config_class: "SimpleEquationsConfig",
    build,
};

const OPERATORS: [&str; 3] = ["+", "-", "*"];
const DEFAULT_WEIGHTS: [f64; 3] = [0.4, 0.4, 0.2];

const PROMPT_TEMPLATES: [&str; 3] = [
    "Find the value of {variable} in the equation: {equation}",
    "Solve for {variable}: {equation}",
    "Determine the value of {variable} that satisfies: {equation}",
];

const ASCII_LOWERCASE: [char; 26] = [
    'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's',
    't', 'u', 'v', 'w', 'x', 'y', 'z',
];

struct SimpleEquations {
    seed: Seed,
    min_terms: i64,
    max_terms: i64,
    min_value: i64,
    max_value: i64,
    operators: Vec<String>,
    weights: Vec<Weight>,
    /// `operators_weights` as given, for the metadata.
    weights_json: Value,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_terms = r.int("min_terms", 2);
    let max_terms = r.int("max_terms", 4);
    let min_value = r.int("min_value", 1);
    let max_value = r.int("max_value", 100);
    let operators = r.str_list("operators", &OPERATORS);
    let weights = r.float_list("operators_weights", &DEFAULT_WEIGHTS);
    let weights_json = match r.raw("operators_weights") {
        Some(given) => given.clone(),
        None => json!(DEFAULT_WEIGHTS),
    };
    let v = r.finish()?;
    v.ensure(min_terms > 0, "min_terms must be positive")?;
    v.ensure(max_terms >= min_terms, "max_terms must be >= min_terms")?;
    v.ensure(min_value > 0, "min_value must be positive")?;
    v.ensure(max_value >= min_value, "max_value must be >= min_value")?;
    v.ensure(!operators.is_empty(), "must specify at least one operator")?;
    v.ensure(
        operators.iter().all(|op| OPERATORS.contains(&op.as_str())),
        "invalid operator specified",
    )?;
    // `sum` adds left to right from 0.
    let total: f64 = weights.iter().fold(0.0, |acc, w| acc + w);
    v.ensure(
        round_ndigits(total, 1) == 1.0,
        "operators_weights must sum to 1.0",
    )?;
    // The constants before the variable term multiply as Python ints: the
    // left side holds up to max_terms * 19 digits.
    v.ensure_item_size(count(max_terms).saturating_mul(19), "max_terms * 19")?;
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
    v.done(SimpleEquations {
        seed: p.seed,
        min_terms,
        max_terms,
        min_value,
        max_value,
        operators,
        weights,
        weights_json,
    })
}

/// The left side while it is built: Python ints until the variable term
/// joins, sympy from then on.
enum Side {
    Int(BigInt),
    Sym(Expr),
}

impl Side {
    fn sym(&self) -> Expr {
        match self {
            Side::Int(n) => Expr::int(n.clone()),
            Side::Sym(e) => e.clone(),
        }
    }

    /// `a + b`, `a - b`, `a * b` as Python dispatches them: int arithmetic
    /// between ints, sympy's `Add` / `Mul` (through `__radd__` and kin) as
    /// soon as one side is sympy.
    fn apply(self, op: &str, other: Side) -> Side {
        if let (Side::Int(a), Side::Int(b)) = (&self, &other) {
            return Side::Int(match op {
                "+" => a + b,
                "-" => a - b,
                _ => a * b,
            });
        }
        let (a, b) = (self.sym(), other.sym());
        Side::Sym(match op {
            "+" => a.add(&b),
            "-" => a.sub(&b),
            _ => a.mul(&b),
        })
    }
}

impl SimpleEquations {
    /// `_generate_equation`: the equation's text and its solution.
    fn generate_equation(&self, rng: &mut Random, variable: char) -> Result<(String, i64)> {
        let x = Expr::sym(&variable.to_string());
        let num_terms = rng.randint(self.min_terms, self.max_terms)?;
        let mut terms = Vec::with_capacity(num_terms as usize);
        for _ in 0..num_terms {
            terms.push(Side::Int(
                rng.randint(self.min_value, self.max_value)?.into(),
            ));
        }
        let var_pos = rng.randint(0, num_terms - 1)? as usize;
        let coef = rng.randint(self.min_value, self.max_value)?;
        terms[var_pos] = Side::Sym(if self.operators.iter().any(|op| op == "*") {
            Expr::int(coef).mul(&x)
        } else {
            x.clone()
        });
        let mut terms = terms.into_iter();
        let mut expr = terms.next().unwrap_or(Side::Int(BigInt::from(0)));
        for term in terms {
            let pick = rng.choices_weighted(&self.operators, &self.weights, 1)?;
            expr = expr.apply(&pick[0], term);
        }
        // The variable term is always among the terms, so the side is sympy.
        let left = expr.sym();
        let solution = rng.randint(self.min_value, self.max_value)?;
        let value = Rational::int(solution);
        let right = left
            .eval_rational(&|_| Some(value.clone()))
            .map_or_else(|| sstr(&left), |r| r.to_string());
        Ok((format!("{} = {right}", sstr(&left)), solution))
    }
}

impl Dataset for SimpleEquations {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let variable = *rng.choice(&ASCII_LOWERCASE)?;
        let (equation, solution) = self.generate_equation(&mut rng, variable)?;
        let question = rng
            .choice(&PROMPT_TEMPLATES)?
            .replace("{variable}", &variable.to_string())
            .replace("{equation}", &equation);
        Ok(Item {
            question,
            answer: solution.to_string(),
            metadata: meta! {
                "equation" => equation,
                "variable" => variable.to_string(),
                "difficulty" => json!({
                    "min_terms": self.min_terms,
                    "max_terms": self.max_terms,
                    "min_value": self.min_value,
                    "max_value": self.max_value,
                    "operators_weights": self.weights_json,
                }),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};

    #[test]
    fn equations_hold_at_the_answer() {
        let ds = dataset(&INFO, json!({"seed": 7, "max_terms": 8}));
        for idx in 0..200 {
            let item = ds.generate(idx).unwrap();
            let eq = item.metadata["equation"].as_str().unwrap();
            assert!(eq.contains(" = "), "{eq}");
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        }
    }

    #[test]
    fn sympy_prints_the_left_side() {
        // Python ints until the variable term, sympy after: (3 - 5)*(2*x) + 7.
        let s = Side::Int(3.into())
            .apply("-", Side::Int(5.into()))
            .apply("*", Side::Sym(Expr::int(2).mul(&Expr::sym("x"))))
            .apply("+", Side::Int(7.into()))
            .sym();
        assert_eq!(sstr(&s), "7 - 4*x");
        let s = Side::Sym(Expr::sym("e"))
            .apply("+", Side::Int(3.into()))
            .apply("*", Side::Int(14.into()));
        assert_eq!(sstr(&s.sym()), "14*e + 42");
    }

    #[test]
    fn validation_follows_the_reference() {
        assert_eq!(
            refused(&INFO, json!({"operators_weights": [0.5, 0.2, 0.2]})),
            "operators_weights must sum to 1.0"
        );
        assert_eq!(
            refused(&INFO, json!({"operators": ["/"]})),
            "invalid operator specified"
        );
        assert_eq!(
            refused(&INFO, json!({"min_terms": 0})),
            "min_terms must be positive"
        );
    }
}
