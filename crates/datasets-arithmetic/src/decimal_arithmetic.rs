//! `decimal_arithmetic`: evaluate a parenthesised expression of decimals in
//! Python's `decimal` context arithmetic.
//!
//! The reference evaluates the expression text through `ast`: operator
//! precedence comes from the text (not from the tree that placed the
//! parentheses), and each literal becomes `Decimal(str(float(literal)))` (or
//! `str(int)`), so `1.500` enters as `1.5`. Every operation rounds to
//! `precision` digits, half-even, as Python's default context after
//! `getcontext().prec = precision`.
//!
//! One known divergence: the reference evaluates the parsed tree recursively,
//! so a chain of more than about a thousand operands raises `RecursionError`
//! there; rgym evaluates it.

use std::cmp::Ordering;

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use num_bigint::BigInt;
use pycompat::{float_repr, py_float};
use pydecimal::{Context, Decimal, DecimalError, Rounding};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "decimal_arithmetic",
    category: "arithmetic",
    description: "Evaluate a parenthesised decimal expression to a given precision",
    config_class: "DecimalArithmeticConfig",
    build,
};

const OPERATIONS: [char; 4] = ['+', '-', '*', '/'];

/// libmpdec's `MAX_PREC` on 64-bit builds.
const MAX_PREC: i64 = 999_999_999_999_999_999;

struct DecimalArithmetic {
    seed: Seed,
    min_num_decimal_places: i64,
    max_num_decimal_places: i64,
    min_terms: i64,
    max_terms: i64,
    precision: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = DecimalArithmetic {
        seed: p.seed,
        min_num_decimal_places: r.int("min_num_decimal_places", 3),
        max_num_decimal_places: r.int("max_num_decimal_places", 3),
        min_terms: r.int("min_terms", 2),
        max_terms: r.int("max_terms", 6),
        precision: r.int("precision", 12),
    };
    let v = r.finish()?;
    v.ensure(
        i128::from(d.precision) > i128::from(d.max_num_decimal_places) + 1,
        "precision must be 2 or more higher than max_num_decimal_places",
    )?;
    // Each operation's result holds up to `precision` digits (and each
    // operand fewer, by the rule above).
    v.ensure_item_size(
        dataset_core::config::count(d.max_terms)
            .saturating_mul(dataset_core::config::count(d.precision)),
        "max_terms * precision",
    )?;
    v.done(d)
}

fn decimal_error(e: DecimalError) -> DatasetError {
    DatasetError::Generation(format!("decimal: {e}"))
}

impl DecimalArithmetic {
    /// `getcontext().prec = precision`, which refuses precisions outside [1, MAX_PREC].
    fn context(&self) -> Result<Context> {
        if !(1..=MAX_PREC).contains(&self.precision) {
            return Err(DatasetError::Generation(
                "valid range for prec is [1, MAX_PREC]".into(),
            ));
        }
        Ok(Context::with_prec(self.precision as u64))
    }

    /// `generate_arithmetic_problem`: the expression (without " = ?") and the
    /// largest number of decimal places, counted from 1.
    fn problem(&self, rng: &mut Random, terms: i64, ctx: &Context) -> Result<(String, i64)> {
        let mut operands = Vec::new();
        let mut operators = Vec::new();
        let mut max_ndp = 1;
        for i in 0..terms {
            let ndp = rng.randint(self.min_num_decimal_places, self.max_num_decimal_places)?;
            if ndp < 0 {
                // `10 * 10**ndp` is then a float: `randint` rejects it, or for
                // -1 the `:.-1f` format does; the item fails either way.
                return Err(DatasetError::Generation(format!(
                    "negative number of decimal places: {ndp}"
                )));
            }
            max_ndp = max_ndp.max(ndp);
            let scale = BigInt::from(10).pow(u32::try_from(ndp).map_err(|_| {
                DatasetError::Generation(format!("too many decimal places: {ndp}"))
            })?);
            let raw = rng.randint_big(&BigInt::from(1), &(BigInt::from(10) * &scale))?;
            let ten_pow = Decimal::from(10).powi(ndp, ctx).map_err(decimal_error)?;
            let quantum = Decimal::from_parts(false, 1u32.into(), -ndp);
            let num = Decimal::from(&raw)
                .div(&ten_pow, ctx)
                .and_then(|n| n.quantize(&quantum, Some(Rounding::HalfUp), ctx))
                .map_err(decimal_error)?;
            operands.push(num.format_fixed(Some(ndp as u64), ctx.rounding));
            if i < terms - 1 {
                operators.push(*rng.choice(&OPERATIONS)?);
            }
        }
        Ok((group(&operands, &operators, rng)?, max_ndp))
    }
}

/// `build_grouped_expression`: a random split picks the root operator; each
/// combination is parenthesised with probability 1/2.
fn group(operands: &[String], operators: &[char], rng: &mut Random) -> Result<String> {
    if let [only] = operands {
        return Ok(only.clone());
    }
    let split = rng.randint(1, operands.len() as i64 - 1)? as usize;
    let left = group(&operands[..split], &operators[..split - 1], rng)?;
    let right = group(&operands[split..], &operators[split..], rng)?;
    let expr = format!("{left}{}{right}", operators[split - 1]);
    Ok(if *rng.choice(&[true, false])? {
        format!("({expr})")
    } else {
        expr
    })
}

/// Evaluates the generated expression text with Python's precedence and
/// literal handling; `None` for text the generator cannot produce.
struct Evaluator<'a> {
    text: &'a [u8],
    pos: usize,
    ctx: &'a Context,
}

impl Evaluator<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn expr(&mut self) -> Result<Decimal> {
        let mut acc = self.term()?;
        while let Some(op @ (b'+' | b'-')) = self.peek() {
            self.pos += 1;
            let rhs = self.term()?;
            acc = if op == b'+' {
                acc.add(&rhs, self.ctx)
            } else {
                acc.sub(&rhs, self.ctx)
            }
            .map_err(decimal_error)?;
        }
        Ok(acc)
    }

    fn term(&mut self) -> Result<Decimal> {
        let mut acc = self.atom()?;
        while let Some(op @ (b'*' | b'/')) = self.peek() {
            self.pos += 1;
            let rhs = self.atom()?;
            acc = if op == b'*' {
                acc.mul(&rhs, self.ctx)
            } else {
                acc.div(&rhs, self.ctx)
            }
            .map_err(decimal_error)?;
        }
        Ok(acc)
    }

    fn atom(&mut self) -> Result<Decimal> {
        if self.peek() == Some(b'(') {
            self.pos += 1;
            let inner = self.expr()?;
            if self.peek() != Some(b')') {
                return Err(syntax_error());
            }
            self.pos += 1;
            return Ok(inner);
        }
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9' | b'.')) {
            self.pos += 1;
        }
        let literal =
            std::str::from_utf8(&self.text[start..self.pos]).map_err(|_| syntax_error())?;
        // `Decimal(str(node.value))`: an int literal keeps its digits, a float
        // literal goes through the float's repr.
        let text = if literal.contains('.') {
            float_repr(py_float(literal).ok_or_else(syntax_error)?)
        } else {
            literal.to_string()
        };
        text.parse().map_err(|_| syntax_error())
    }
}

fn syntax_error() -> DatasetError {
    DatasetError::Generation("invalid expression".into())
}

impl Dataset for DecimalArithmetic {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let ctx = self.context()?;
        let terms = rng.randint(self.min_terms, self.max_terms)?;
        if terms < 1 {
            // No operands: `build_grouped_expression([])` asks for randint(1, -1).
            return Err(DatasetError::Generation(
                "empty range for randrange()".into(),
            ));
        }
        let (expr, decimal_places) = self.problem(&mut rng, terms, &ctx)?;
        let mut evaluator = Evaluator {
            text: expr.as_bytes(),
            pos: 0,
            ctx: &ctx,
        };
        let answer = evaluator.expr()?;
        if evaluator.pos != expr.len() {
            return Err(syntax_error());
        }
        Ok(Item {
            question: format!(
                "Please solve this problem to a maximum of {} significant digits, rounding up from the half. \
                 Only reply with the final value.\n{expr} = ?",
                self.precision
            ),
            answer: answer.to_string(),
            metadata: meta! {
                "decimal_places" => decimal_places,
                "num_terms" => terms,
                "difficulty" => json!({
                    "decimal_places": [self.min_num_decimal_places, self.max_num_decimal_places],
                    "num_terms": [self.min_terms, self.max_terms],
                }),
            },
        })
    }

    /// 1.0 when `|answer - oracle| <= 10**-max_num_decimal_places` in the
    /// dataset's context, else 0.0 (also for anything `Decimal` rejects).
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let within = || -> Option<bool> {
            let ctx = self.context().ok()?;
            let user: Decimal = answer?.parse().ok()?;
            let correct: Decimal = item.answer.parse().ok()?;
            let tol = Decimal::from(10)
                .powi(self.max_num_decimal_places.checked_neg()?, &ctx)
                .ok()?;
            // abs() rounds to the context too, as unary plus does.
            let diff = user.sub(&correct, &ctx).ok()?.copy_abs().plus(&ctx).ok()?;
            // A NaN difference makes `<=` raise InvalidOperation.
            Some(diff.compare(&tol)? != Ordering::Greater)
        };
        if within() == Some(true) {
            1.0
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{dataset, refused};

    use super::*;

    fn eval(expr: &str, prec: u64) -> String {
        let ctx = Context::with_prec(prec);
        let mut e = Evaluator {
            text: expr.as_bytes(),
            pos: 0,
            ctx: &ctx,
        };
        e.expr().unwrap().to_string()
    }

    #[test]
    fn precedence_and_literals() {
        // Checked with the reference's evaluate_expression under these precisions.
        assert_eq!(eval("1.500+2.250*2.000", 12), "6.000");
        assert_eq!(eval("(1.500+2.250)*2.000", 12), "7.500");
        assert_eq!(eval("1.000/3.000", 12), "0.333333333333");
        assert_eq!(eval("8.000-2.000-1.000", 12), "5.0");
        assert_eq!(eval("0.00010*3", 5), "0.0003");
        assert_eq!(eval("10/4", 12), "2.5");
    }

    #[test]
    fn scoring_and_errors() {
        let ds = dataset(&INFO, json!({"seed": 5, "size": 100}));
        for i in 0..100 {
            let item = ds.get(i).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            for bad in ["NaN", "sNaN", "Infinity", "", "x", " 1e999999999999 "] {
                assert_eq!(ds.score(Some(bad), &item), 0.0, "{bad}");
            }
            assert_eq!(ds.score(None, &item), 0.0);
        }
        assert_eq!(
            refused(
                &INFO,
                json!({"seed": 5, "precision": 4, "max_num_decimal_places": 3})
            ),
            "precision must be 2 or more higher than max_num_decimal_places"
        );
        let ds = dataset(
            &INFO,
            json!({"seed": 5, "min_num_decimal_places": -1, "max_num_decimal_places": -1, "precision": 1}),
        );
        assert!(ds.get(0).is_err());
        let ds = dataset(&INFO, json!({"seed": 5, "min_terms": 0, "max_terms": 0}));
        assert!(ds.get(0).is_err());
    }
}
