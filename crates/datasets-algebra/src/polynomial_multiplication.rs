//! `polynomial_multiplication`: expand a product of polynomials that sympy
//! printed.
//!
//! The reference draws each term's monomial from
//! `list(itermonomials(...))`, a Python `set` of sympy objects, so its items
//! change with `PYTHONHASHSEED`; and it lists `product.free_symbols`, a set
//! too. rgym fixes both orders: the monomials in sympy's graded
//! lexicographic order (`sorted(..., key=monomial_key('grlex', gens))`, the
//! generators in the config's order), the variables sorted by name. Every
//! draw is otherwise the reference's, and the reference scores rgym's
//! answers 1.0 (the golden file checks it).

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde_json::json;
use symlite::parse::parse_expr;
use symlite::poly::Laurent;
use symlite::{sstr, Expr};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "polynomial_multiplication",
    category: "algebra",
    description: "Multiply polynomials and give the expanded product",
    config_class: "PolynomialMultiplicationConfig",
    build,
};

const PROMPT_TEMPLATES: [&str; 2] = [
    "Simplify this expression: {polynomial_expr}",
    "Calculate the following: {polynomial_expr}",
];

const ADDED_INSTRUCTION: &str = "
When performing calculations, please follow these guidelines:
1. Use ** instead of ^ to represent exponents. For example, write 7*X**2 instead of 7*X^2.
2. Always include the * symbol for all multiplication operations in your reasoning steps. For example, write `-3*X**3*sin(X) - 9*X**2*cos(X) + 18*X*sin(X) + 18*cos(X) + C` instead of `-3x3sin(x) - 9x2cos(x) + 18xsin(x) + 18cos(x) + C`.
";

struct PolynomialMultiplication {
    seed: Seed,
    min_terms: i64,
    max_terms: i64,
    min_value: i64,
    max_value: i64,
    min_degree: i64,
    max_degree: i64,
    min_polynomials: i64,
    max_polynomials: i64,
    variables: Vec<String>,
    allow_cross_variable_product: bool,
    allow_multivariate_polynomials: bool,
    operators: Vec<String>,
}

/// `C(n + k, k)` saturating: the monomials of degree at most `n` in `k`
/// variables.
fn monomials_up_to(n: u128, k: u128) -> u128 {
    let mut c: u128 = 1;
    for i in 1..=k {
        c = c.saturating_mul(n + i) / i;
    }
    c
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = PolynomialMultiplication {
        seed: p.seed,
        min_terms: r.int("min_terms", 2),
        max_terms: r.int("max_terms", 4),
        min_value: r.int("min_value", 1),
        max_value: r.int("max_value", 100),
        min_degree: r.int("min_degree", 0),
        max_degree: r.int("max_degree", 3),
        min_polynomials: r.int("min_polynomials", 2),
        max_polynomials: r.int("max_polynomials", 3),
        variables: r.str_list("variables", &["x", "y", "z"]),
        allow_cross_variable_product: r.bool("allow_cross_variable_product", false),
        allow_multivariate_polynomials: r.bool("allow_multivariate_polynomials", false),
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
    v.ensure(d.min_degree >= 0, "min_degree must be >= 0.")?;
    v.ensure(
        d.max_degree >= d.min_degree,
        "max_degree must be >= min_degree.",
    )?;
    v.ensure(d.min_polynomials >= 2, "min_polynomials must be >= 2.")?;
    v.ensure(
        d.max_polynomials >= d.min_polynomials,
        "max_polynomials must be >= min_polynomials.",
    )?;
    v.ensure(!d.variables.is_empty(), "The variable tuple is empty.")?;
    v.ensure(
        !d.allow_multivariate_polynomials || d.allow_cross_variable_product,
        "Multivariate polynomials require cross product.",
    )?;
    v.ensure(!d.operators.is_empty(), "operators tuple cannot be empty.")?;
    v.ensure(
        d.operators.iter().all(|op| op == "+" || op == "-"),
        "Invalid operator found. Must be a subset of {+, -}.",
    )?;
    // rgym's limit: a name `parse_expr` reads back as that symbol, so that
    // the scorer compares what the reference compares (`symbols("x y")` is
    // two symbols, `I` is sympy's imaginary unit).
    for name in &d.variables {
        let plain = matches!(parse_expr(name, &[]), Ok(Expr::Sym(s)) if &*s == name.as_str());
        v.ensure(
            plain,
            format!("variables must be plain symbol names in rgym: {name:?} is not"),
        )?;
    }
    // The monomials one polynomial draws from, and the expanded product's
    // terms (at most the monomials of the product's degree).
    let k = if d.allow_multivariate_polynomials {
        count(d.variables.len() as i64)
    } else {
        1
    };
    let degree = count(d.max_degree);
    v.ensure_item_size(monomials_up_to(degree, k), "monomials of max_degree")?;
    let vars = if d.allow_cross_variable_product {
        count(d.variables.len() as i64)
    } else {
        1
    };
    let product_degree = degree.saturating_mul(count(d.max_polynomials));
    let terms = monomials_up_to(product_degree, vars).min(
        count(d.max_terms).saturating_pow(u32::try_from(d.max_polynomials).unwrap_or(u32::MAX)),
    );
    v.ensure_item_size(
        terms.saturating_add(count(d.max_terms).saturating_mul(count(d.max_polynomials))),
        "terms of the expanded product",
    )?;
    v.done(d)
}

impl PolynomialMultiplication {
    /// `_get_monomials`: every monomial of total degree in
    /// `[min_degree, max_degree]` over the variables (all of them, or one
    /// drawn), in graded lexicographic order (see the module doc).
    fn get_monomials(&self, rng: &mut Random) -> Result<Vec<Expr>> {
        let mut gens: Vec<&str> = Vec::new();
        if self.allow_multivariate_polynomials {
            for v in &self.variables {
                if !gens.contains(&v.as_str()) {
                    gens.push(v);
                }
            }
        } else {
            gens.push(rng.choice(&self.variables)?);
        }
        // `itermonomials(gens, 0, ...)` is `{1}` whatever the minimum.
        let lo = if self.max_degree == 0 {
            0
        } else {
            self.min_degree
        };
        let mut out = Vec::new();
        let mut exps = vec![0i64; gens.len()];
        for total in lo..=self.max_degree {
            compositions(total, 0, &mut exps, &mut |e| {
                let factors = gens
                    .iter()
                    .zip(e)
                    .map(|(g, &k)| Expr::sym(g).pow(&Expr::int(k)))
                    .collect();
                out.push(symlite::expr::mul_flatten(factors));
            });
        }
        Ok(out)
    }

    /// `_generate_polynomial`: `num_terms` terms `coeff * monomial`, summed.
    fn generate_polynomial(&self, rng: &mut Random, shared: Option<&[Expr]>) -> Result<Expr> {
        let own;
        let monomials = match shared {
            Some(m) if !m.is_empty() => m,
            _ => {
                own = self.get_monomials(rng)?;
                &own
            }
        };
        let num_terms = rng.randint(self.min_terms, self.max_terms)?;
        let minus = self.operators.iter().any(|op| op == "-");
        let mut poly = Expr::int(0);
        for _ in 0..num_terms {
            let mut coeff = rng.randint(self.min_value, self.max_value)?;
            let var = rng.choice(monomials)?;
            if minus && rng.random() < 0.5 {
                coeff = -coeff;
            }
            poly = poly.add(&Expr::int(coeff).mul(var));
        }
        Ok(poly)
    }
}

/// Every exponent vector with entries from `at` on summing to `left`, in
/// increasing lexicographic order.
fn compositions(left: i64, at: usize, e: &mut [i64], f: &mut dyn FnMut(&[i64])) {
    if at + 1 == e.len() {
        e[at] = left;
        f(e);
        return;
    }
    for k in 0..=left {
        e[at] = k;
        compositions(left - k, at + 1, e, f);
    }
}

impl Dataset for PolynomialMultiplication {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        // The reference draws (and drops) a monomial list first when cross
        // products are allowed, then shares one list only when they are not.
        let shared = if self.allow_cross_variable_product {
            self.get_monomials(&mut rng)?;
            None
        } else {
            Some(self.get_monomials(&mut rng)?)
        };
        let number_polynomials = rng.randint(self.min_polynomials, self.max_polynomials)?;
        let mut product = Expr::int(1);
        for _ in 0..number_polynomials {
            let p = self.generate_polynomial(&mut rng, shared.as_deref())?;
            product = product.mul(&p);
        }
        let expanded = Laurent::from_expr_unbounded(&product)
            .map_err(|_| DatasetError::Generation("the product does not expand".into()))?;
        let mut variables: Vec<String> = expanded
            .terms()
            .flat_map(|(m, _)| m.iter().map(|(s, _)| s.to_string()))
            .collect();
        variables.sort();
        variables.dedup();
        let printed = sstr(&product);
        let question = rng
            .choice(&PROMPT_TEMPLATES)?
            .replace("{polynomial_expr}", &printed)
            + ADDED_INSTRUCTION;
        Ok(Item {
            question,
            answer: sstr(&expanded.to_expr()),
            metadata: meta! {
                "polynomial_expr" => printed,
                "variables" => variables,
                "difficulty" => json!({
                    "min_terms": self.min_terms,
                    "max_terms": self.max_terms,
                    "min_value": self.min_value,
                    "max_value": self.max_value,
                    "min_degree": self.min_degree,
                    "max_degree": self.max_degree,
                    "min_polynomials": self.min_polynomials,
                    "max_polynomials": self.max_polynomials,
                }),
            },
        })
    }

    /// `score_answer`: 1.0 when `parse_expr(answer) == parse_expr(answer
    /// key)`: the same expression after sympy's automatic canonicalisation
    /// (an unexpanded product is not equal to its expansion). Answers
    /// symlite does not model (floats, `I`, functions, fractional powers)
    /// or past its bounds score 0.0, where the reference may find a few of
    /// them equal (`x**2 + 0*sin(x)`).
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        match (parse_expr(answer, &[]), parse_expr(&item.answer, &[])) {
            (Ok(a), Ok(b)) if a == b => 1.0,
            _ => 0.0,
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
        assert!(scores.iter().all(|&s| s == 0.0), "{scores:?}");
    }

    #[test]
    fn answers_score_one() {
        for cfg in [
            json!({"seed": 3}),
            json!({"seed": 4, "allow_cross_variable_product": true}),
            json!({"seed": 5, "allow_cross_variable_product": true,
                   "allow_multivariate_polynomials": true, "max_degree": 2}),
        ] {
            let ds = dataset(&INFO, cfg);
            for idx in 0..50 {
                let item = ds.generate(idx).unwrap();
                assert_eq!(ds.score(Some(&item.answer), &item), 1.0, "{}", item.answer);
                let expr = item.metadata["polynomial_expr"].as_str().unwrap();
                if expr != item.answer {
                    assert_eq!(ds.score(Some(expr), &item), 0.0, "{expr}");
                }
            }
        }
    }

    #[test]
    fn monomials_in_graded_lex_order() {
        let ds = PolynomialMultiplication {
            seed: Seed::from(0),
            min_terms: 1,
            max_terms: 1,
            min_value: 1,
            max_value: 1,
            min_degree: 1,
            max_degree: 2,
            min_polynomials: 2,
            max_polynomials: 2,
            variables: vec!["x".into(), "y".into()],
            allow_cross_variable_product: true,
            allow_multivariate_polynomials: true,
            operators: vec!["+".into()],
        };
        let mut rng = item_rng(&ds.seed, 0);
        let m: Vec<String> = ds
            .get_monomials(&mut rng)
            .unwrap()
            .iter()
            .map(sstr)
            .collect();
        assert_eq!(m, ["y", "x", "y**2", "x*y", "x**2"]);
    }

    #[test]
    fn validation_follows_the_reference() {
        assert_eq!(
            refused(&INFO, json!({"allow_multivariate_polynomials": true})),
            "Multivariate polynomials require cross product."
        );
        assert_eq!(
            refused(&INFO, json!({"min_polynomials": 1})),
            "min_polynomials must be >= 2."
        );
        assert!(refused(&INFO, json!({"variables": ["I"]})).contains("in rgym"));
        assert!(refused(&INFO, json!({"variables": ["x y"]})).contains("in rgym"));
    }
}
