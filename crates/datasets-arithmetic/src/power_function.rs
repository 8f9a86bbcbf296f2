//! `power_function`: a float raised to an integer power, answered to three
//! significant figures.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use pycompat::{float_repr, round_ndigits};
use pydecimal::{Context, Decimal, DecimalError};
use serde_json::json;

use crate::operands::{py_uniform, PyNum};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "power_function",
    category: "arithmetic",
    description: "Compute a power of a number to 3 significant figures",
    config_class: "PowerFunctionConfig",
    build,
};

struct PowerFunction {
    seed: Seed,
    min_base: PyNum,
    max_base: PyNum,
    min_exponent: i64,
    max_exponent: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = PowerFunction {
        seed: p.seed,
        min_base: PyNum::read(&mut r, "min_base", PyNum::Float(-1e3)),
        max_base: PyNum::read(&mut r, "max_base", PyNum::Float(1e3)),
        min_exponent: r.int("min_exponent", 0),
        max_exponent: r.int("max_exponent", 8),
    };
    // The reference config has no validate(): bad ranges fail per item.
    let v = r.finish()?;
    v.done(d)
}

/// `math.pow(base, exponent)`, with its errors.
fn math_pow(base: f64, exponent: i64) -> Result<f64> {
    let value = base.powf(exponent as f64);
    if value.is_infinite() && base.is_finite() {
        if base == 0.0 {
            return Err(DatasetError::Generation("math domain error".into()));
        }
        return Err(DatasetError::Generation("math range error".into()));
    }
    Ok(value)
}

/// `_format_sig_figs(x, 3)`: the string `"0.00"` for zero (which then equals
/// only another zero), else `x` quantized to three significant figures.
enum SigFigs {
    Zero,
    Value(Decimal),
}

fn sig_figs(x: &Decimal) -> Result<SigFigs, DecimalError> {
    if x.is_zero() {
        return Ok(SigFigs::Zero);
    }
    let shift = 3 - x.adjusted() as i128 - 1;
    let quantum: Decimal = format!("1e{}", -shift).parse()?;
    x.quantize(&quantum, None, &Context::default())
        .map(SigFigs::Value)
}

impl Dataset for PowerFunction {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let base = round_ndigits(py_uniform(&mut rng, self.min_base, self.max_base), 4);
        let mut exponent = rng.randint(self.min_exponent, self.max_exponent)?;
        if rng.random() < 0.5 {
            exponent = -exponent;
        }
        let answer = math_pow(base, exponent)?;
        Ok(Item {
            question: format!(
                "Your task is to compute an exponentiation of a number.\n\n\
                 Compute {}^{exponent}. Return your final answer correct to 3 significant figures.\n\
                 Provide your answer in scientific notation using 'e' notation (e.g., 1.23e+4).\n",
                float_repr(base)
            ),
            answer: float_repr(answer),
            metadata: meta! {
                "base" => base,
                "exponent" => exponent,
                "solution" => answer,
                "difficulty" => json!({
                    "exponent": [self.min_exponent, self.max_exponent],
                }),
            },
        })
    }

    /// 1.0 when both agree to three significant figures, 0.01 for any other
    /// answer (even unparseable), 0.0 for none.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else { return 0.0 };
        let rounded = |s: &str| s.parse::<Decimal>().and_then(|d| sig_figs(&d));
        match (rounded(answer), rounded(&item.answer)) {
            (Ok(SigFigs::Zero), Ok(SigFigs::Zero)) => 1.0,
            (Ok(SigFigs::Value(a)), Ok(SigFigs::Value(o))) if a.py_eq(&o) == Ok(true) => 1.0,
            _ => 0.01,
        }
    }
}
