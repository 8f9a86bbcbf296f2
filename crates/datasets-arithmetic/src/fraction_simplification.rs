//! `fraction_simplification`: reduce a fraction to lowest terms.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use num_bigint::BigInt;
use num_integer::Integer;
use pycompat::{json_py_int, py_int, py_int_json, py_isdecimal, py_isspace, py_strip};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "fraction_simplification",
    category: "arithmetic",
    description: "Simplify a fraction to its lowest terms",
    config_class: "FractionSimplificationConfig",
    build,
};

const STYLES: [&str; 4] = ["plain", "latex_inline", "latex_frac", "latex_dfrac"];

struct FractionSimplification {
    seed: Seed,
    min_value: i64,
    max_value: i64,
    min_factor: i64,
    max_factor: i64,
    styles: Vec<String>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = FractionSimplification {
        seed: p.seed,
        min_value: r.int("min_value", 1),
        max_value: r.int("max_value", 1000),
        min_factor: r.int("min_factor", 1),
        max_factor: r.int("max_factor", 100),
        styles: r.str_list("styles", &STYLES),
    };
    let v = r.finish()?;
    v.ensure(d.min_value > 0, "min_value must be positive")?;
    v.ensure(d.max_value > d.min_value, "max_value must be > min_value")?;
    v.ensure(d.min_factor >= 1, "min_factor must be at least 1")?;
    v.ensure(
        d.max_factor >= d.min_factor,
        "max_factor must be >= min_factor",
    )?;
    for style in &d.styles {
        // Python prints a set here, in an order that depends on the hash seed.
        v.ensure(
            STYLES.contains(&style.as_str()),
            format!(
                "Invalid style: {style}. Must be one of \
                 {{'plain', 'latex_inline', 'latex_frac', 'latex_dfrac'}}"
            ),
        )?;
    }
    v.done(d)
}

struct Fraction {
    numerator: BigInt,
    denominator: BigInt,
    simple_num: i64,
    simple_den: i64,
    factor: i64,
}

impl FractionSimplification {
    fn in_range(&self, n: i64) -> bool {
        (self.min_value..=self.max_value).contains(&n)
    }

    fn scaled(&self, rng: &mut Random, num: i64, den: i64) -> Result<Fraction> {
        let (num, den) = (num.min(den), num.max(den));
        let factor = rng.randint(self.min_factor, self.max_factor)?;
        Ok(Fraction {
            numerator: BigInt::from(num) * factor,
            denominator: BigInt::from(den) * factor,
            simple_num: num,
            simple_den: den,
            factor,
        })
    }

    /// Up to ten tries at a reduced pair within bounds, then an unreduced one.
    fn fraction(&self, rng: &mut Random) -> Result<Fraction> {
        for _ in 0..10 {
            let num = rng.randint(self.min_value, self.max_value)?;
            let den = rng.randint(self.min_value, self.max_value)?;
            let common = num.gcd(&den);
            let (num, den) = (num / common, den / common);
            if self.in_range(num) && self.in_range(den) {
                return self.scaled(rng, num, den);
            }
        }
        let num = rng.randint(self.min_value, self.max_value)?;
        let den = rng.randint(self.min_value, self.max_value)?;
        self.scaled(rng, num, den)
    }
}

fn format_fraction(
    num: impl std::fmt::Display,
    den: impl std::fmt::Display,
    style: &str,
) -> String {
    match style {
        "latex_inline" => format!("${num}/{den}$"),
        "latex_frac" => format!("$\\frac{{{num}}}{{{den}}}$"),
        "latex_dfrac" => format!("$\\dfrac{{{num}}}{{{den}}}$"),
        _ => format!("{num}/{den}"),
    }
}

impl Dataset for FractionSimplification {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let f = self.fraction(&mut rng)?;
        let last = self.styles.len() as i64 - 1;
        let style = &self.styles[rng.randint(0, last)? as usize];
        Ok(Item {
            question: format!(
                "Simplify the fraction {} to its lowest terms. Give only the simplified fraction as your final answer.",
                format_fraction(&f.numerator, &f.denominator, style)
            ),
            answer: format_fraction(f.simple_num, f.simple_den, style),
            metadata: meta! {
                "numerator" => py_int_json(&f.numerator),
                "denominator" => py_int_json(&f.denominator),
                "simplified_numerator" => f.simple_num,
                "simplified_denominator" => f.simple_den,
                "reduction_factor" => py_int_json(&(&f.numerator / f.simple_num)),
                "style" => style,
                "factor" => f.factor,
                "difficulty" => json!({
                    "value": [self.min_value, self.max_value],
                    "factor": [self.min_factor, self.max_factor],
                }),
            },
        })
    }

    /// 1.0 for the reduced fraction, 0.1 for a fraction sharing the question's
    /// numerator or denominator, 0.05 for any other fraction, 0.01 otherwise
    /// (Python's bare `except` turns every failure, `None` included, into 0.01).
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some((num, den)) = answer.and_then(extract_fraction) else {
            return 0.01;
        };
        let field = |key: &str| item.metadata.get(key).and_then(json_py_int);
        let Some(simple_num) = field("simplified_numerator") else {
            return 0.01;
        };
        if num == simple_num {
            let Some(simple_den) = field("simplified_denominator") else {
                return 0.01;
            };
            if den == simple_den {
                return 1.0;
            }
        }
        let Some(numerator) = field("numerator") else {
            return 0.01;
        };
        if num == numerator {
            return 0.1;
        }
        let Some(denominator) = field("denominator") else {
            return 0.01;
        };
        if den == denominator {
            0.1
        } else {
            // The answer holds a fraction, so it is not blank once stripped.
            0.05
        }
    }
}

/// `_extract_fraction`: a leading `\frac{a}{b}` / `\dfrac{a}{b}` (any case),
/// else `a/b` split at the first slash; `None` where Python returns `None`.
fn extract_fraction(answer: &str) -> Option<(BigInt, BigInt)> {
    let cleaned = py_strip(py_strip(answer).trim_matches('$'));
    let (num, den) = match latex_fraction(cleaned) {
        Some(digits) => digits,
        None => {
            let (num, den) = cleaned.split_once('/')?;
            (py_strip(num), py_strip(den))
        }
    };
    Some((py_int(num)?, py_int(den)?))
}

/// The two digit groups of
/// `re.match(r"\\(?:frac|dfrac)\s*{\s*(\d+)\s*}\s*{\s*(\d+)\s*}", s, re.IGNORECASE)`.
/// The pattern's pieces match disjoint characters, so a greedy scan is exact.
fn latex_fraction(s: &str) -> Option<(&str, &str)> {
    let rest = s.strip_prefix('\\')?;
    let has_prefix = |p: &str| {
        rest.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let rest = if has_prefix("frac") {
        &rest[4..]
    } else if has_prefix("dfrac") {
        &rest[5..]
    } else {
        return None;
    };
    let (num, rest) = braced_digits(rest)?;
    let (den, _) = braced_digits(rest)?;
    Some((num, den))
}

/// `\s*{\s*(\d+)\s*}` at the start of `s`: the digits and what follows.
fn braced_digits(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start_matches(py_isspace).strip_prefix('{')?;
    let s = s.trim_start_matches(py_isspace);
    let end = s.find(|c| !py_isdecimal(c)).unwrap_or(s.len());
    let (digits, s) = s.split_at(end);
    let s = s.trim_start_matches(py_isspace).strip_prefix('}')?;
    (!digits.is_empty()).then_some((digits, s))
}
