//! `basic_arithmetic`: evaluate an integer expression with `+ - * /`
//! (division exact by construction), optionally with parentheses and negation.

use dataset_core::config::{count, MAX_ITEM_ELEMENTS};
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};
use serde_json::json;

use crate::int_expr::eval_floordiv;
use crate::pyint::{py_str, str_limit_error, CERTAIN_DIGITS};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "basic_arithmetic",
    category: "arithmetic",
    description: "Evaluate integer expressions with +, -, *, / (exact division) and parentheses",
    config_class: "BasicArithmeticDatasetConfig",
    build,
};

const OPERATORS: [&str; 4] = ["+", "-", "*", "/"];

struct BasicArithmetic {
    seed: Seed,
    min_terms: i64,
    max_terms: i64,
    min_digits: i64,
    max_digits: i64,
    operators: Vec<String>,
    allow_parentheses: bool,
    allow_negation: bool,
    natural_format: bool,
    whitespace: String,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = BasicArithmetic {
        seed: p.seed,
        min_terms: r.int("min_terms", 2),
        max_terms: r.int("max_terms", 6),
        min_digits: r.int("min_digits", 1),
        max_digits: r.int("max_digits", 4),
        operators: r.str_list("operators", &OPERATORS),
        allow_parentheses: r.bool("allow_parentheses", true),
        allow_negation: r.bool("allow_negation", true),
        natural_format: r.string("format_style", "simple") != "simple",
        whitespace: r.string("whitespace", "single"),
    };
    let v = r.finish()?;
    v.ensure(d.min_terms > 0, "min_terms must be positive")?;
    v.ensure(d.max_terms >= d.min_terms, "max_terms must be >= min_terms")?;
    v.ensure(d.min_digits > 0, "min_digits must be positive")?;
    v.ensure(
        d.max_digits >= d.min_digits,
        "max_digits must be >= min_digits",
    )?;
    v.ensure(
        !d.operators.is_empty(),
        "must provide at least one operator",
    )?;
    for op in &d.operators {
        v.ensure(
            OPERATORS.contains(&op.as_str()),
            format!("unsupported operator: {op}"),
        )?;
    }
    // Operands of more than CERTAIN_DIGITS digits fail the item (as Python's
    // `str()` does) before they are drawn.
    v.ensure_item_size(
        count(d.max_terms).saturating_mul(count(d.max_digits.min(CERTAIN_DIGITS))),
        "max_terms * max_digits",
    )?;
    v.done(d)
}

fn eval(expr: &str) -> Result<BigInt> {
    eval_floordiv(expr).map_err(|e| DatasetError::Generation(e.to_string()))
}

/// `10**n` for a digit count read from the config.
fn pow10(n: i64) -> BigInt {
    num_traits::pow(BigInt::from(10u32), n as usize)
}

impl Dataset for BasicArithmetic {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let num_terms = rng.randint(self.min_terms, self.max_terms)?;
        let num_digits = rng.randint(self.min_digits, self.max_digits)?;
        if num_digits > CERTAIN_DIGITS {
            return Err(str_limit_error());
        }
        let (expression, result) = if self.allow_parentheses {
            self.complex_task(&mut rng, num_terms, num_digits)?
        } else {
            self.simple_task(&mut rng, num_terms, num_digits)?
        };
        let question = if self.natural_format {
            let templates = [
                "What is {0}?",
                "Solve {0}.",
                "Compute {0}.",
                "Evaluate: {0}.",
            ];
            rng.choice(&templates)?.replace("{0}", &expression)
        } else {
            format!("Calculate {expression}.")
        };
        Ok(Item {
            question,
            answer: py_str(&result)?,
            metadata: meta! {
                "expression" => expression,
                "num_terms" => num_terms,
                "num_digits" => num_digits,
                "difficulty" => json!({
                    "num_terms": [self.min_terms, self.max_terms],
                    "num_digits": [self.min_digits, self.max_digits],
                }),
            },
        })
    }
}

impl BasicArithmetic {
    /// `_generate_complex_task`: a random tree of terms, divisions made exact
    /// by choosing divisors of the dividend (or correcting a parenthesised
    /// divisor to one).
    fn complex_task(
        &self,
        rng: &mut Random,
        num_terms: i64,
        num_digits: i64,
    ) -> Result<(String, BigInt)> {
        let mut terms = Terms {
            rng,
            cfg: self,
            limit: pow10(num_digits),
        };
        let parts = terms.add_terms(num_terms)?;
        let mut expression = match self.whitespace.as_str() {
            "no_space" => parts.concat(),
            "single" => parts.join(" "),
            _ => {
                let mut out = String::new();
                for p in &parts {
                    if rng.random() < 0.15 {
                        out.push(' ');
                    }
                    out.push_str(p);
                }
                out.trim_matches(pycompat::py_isspace).to_string()
            }
        };
        if expression.contains("/ 0") {
            expression = expression.replace("/ 0", "/ 1");
        }
        let result = eval(&expression)?;
        Ok((expression, result))
    }

    /// `_generate_simple_task`: evaluated left to right, ignoring precedence;
    /// a division without a proper divisor turns into a multiplication in the
    /// result only (the expression keeps the drawn operand), as in the reference.
    fn simple_task(
        &self,
        rng: &mut Random,
        num_terms: i64,
        num_digits: i64,
    ) -> Result<(String, BigInt)> {
        let limit = pow10(num_digits);
        let constants = (0..num_terms)
            .map(|_| rng.randint_big(&BigInt::zero(), &limit))
            .collect::<Result<Vec<_>, _>>()?;
        let operators = (1..num_terms)
            .map(|_| rng.choice(&self.operators).cloned())
            .collect::<Result<Vec<_>, _>>()?;
        let mut result = constants[0].clone();
        let mut parts = vec![py_str(&constants[0])?];
        for (op, c) in operators.iter().zip(&constants[1..]) {
            parts.push(op.clone());
            parts.push(py_str(c)?);
            match op.as_str() {
                "+" => result += c,
                "-" => result -= c,
                "*" => result *= c,
                _ => {
                    let bound = result.magnitude().min(limit.magnitude()).clone();
                    let divisors = proper_divisors_below(result.magnitude(), &bound)?;
                    if divisors.is_empty() {
                        let c = rng.randint_big(&BigInt::one(), &(&limit - 1))?;
                        result *= c;
                    } else {
                        let d = BigInt::from(rng.choice(&divisors)?.clone());
                        result = result.div_floor(&d);
                    }
                }
            }
        }
        Ok((parts.join(" "), result))
    }
}

/// The recursive `add_terms` of `_generate_complex_task`, with its captures.
struct Terms<'a> {
    rng: &'a mut Random,
    cfg: &'a BasicArithmetic,
    /// `10**num_digits`.
    limit: BigInt,
}

impl Terms<'_> {
    fn add_terms(&mut self, remaining: i64) -> Result<Vec<String>> {
        let num_left = self.rng.randint(1, remaining)?;
        let num_right = remaining - num_left;
        let mut left = Vec::new();
        if num_left > 1 && self.rng.random() > 0.5 && self.cfg.allow_parentheses {
            let negate = self.rng.random() > 0.5 && self.cfg.allow_negation;
            left.push(if negate { "-(" } else { "(" }.to_string());
            left.extend(self.add_terms(num_left)?);
            left.push(")".to_string());
        } else {
            let no_div: Vec<&String> = self.cfg.operators.iter().filter(|o| *o != "/").collect();
            for i in 0..num_left {
                // The same draw as randint_big (one _randbelow of the width),
                // without big integers when the bound fits.
                let c = match self.limit.to_i64() {
                    Some(limit) => self.rng.randint(1 - limit, limit - 1)?.to_string(),
                    None => self
                        .rng
                        .randint_big(&(1 - &self.limit), &(&self.limit - 1))
                        .map_err(DatasetError::from)
                        .and_then(|c| py_str(&c))?,
                };
                left.push(c);
                if i + 1 < num_left {
                    left.push((*self.rng.choice(&no_div)?).clone());
                }
            }
        }
        if num_right == 0 {
            return Ok(left);
        }
        let op = self.rng.choice(&self.cfg.operators)?.clone();
        if op != "/" {
            left.push(op);
            left.extend(self.add_terms(num_right)?);
            return Ok(left);
        }
        let last = left.last().map_or("", String::as_str);
        let dividend = if last == ")" {
            eval(&left.concat())?
        } else {
            eval(last)?
        };
        left.push(op);
        if num_right > 1 {
            let mut right = self.add_terms(num_right - 1)?;
            if right.last().map(String::as_str) == Some(")") {
                let right_value = eval(&right.concat())?;
                let correction = if right_value.is_zero() {
                    BigInt::one()
                } else {
                    let divisors = common_divisors(&dividend, &right_value)?;
                    BigInt::from(self.rng.choice(&divisors)?.clone()) - &right_value
                };
                right.pop();
                right.push("+".to_string());
                right.push(py_str(&correction)?);
                right.push(")".to_string());
            } else {
                let divisor = self.divisor(&dividend)?;
                left.push(py_str(&divisor)?);
                left.push("+".to_string());
            }
            left.extend(right);
        } else {
            let divisor = self.divisor(&dividend)?;
            left.push(py_str(&divisor)?);
        }
        Ok(left)
    }

    fn divisor(&mut self, dividend: &BigInt) -> Result<BigInt> {
        if dividend.is_zero() {
            Ok(self.rng.randint_big(&BigInt::one(), &(&self.limit - 1))?)
        } else {
            let divisors = common_divisors(dividend, &BigInt::zero())?;
            Ok(BigInt::from(self.rng.choice(&divisors)?.clone()))
        }
    }
}

/// Below this many steps the reference's own loops are cheaper than factoring.
const DIRECT_LOOP_MAX: u64 = 10_000_000;

/// `[d for d in range(2, bound) if n % d == 0]`.
fn proper_divisors_below(n: &BigUint, bound: &BigUint) -> Result<Vec<BigUint>> {
    Ok(match bound.to_u64() {
        Some(b) if b <= DIRECT_LOOP_MAX => (2..b)
            .filter(|&d| (n % d).is_zero())
            .map(BigUint::from)
            .collect(),
        _ => divisors_ascending(n)?
            .into_iter()
            .filter(|d| *d >= BigUint::from(2u32) && d < bound)
            .collect(),
    })
}

/// `find_common_divisors(a, b)`: the divisors of `gcd(|a|, |b|)` in the
/// reference's order, each `i <= sqrt(g)` ascending followed by `g // i`.
fn common_divisors(a: &BigInt, b: &BigInt) -> Result<Vec<BigUint>> {
    let g = a.magnitude().gcd(b.magnitude());
    // Up to 10^12 the loop takes at most 10^6 steps.
    if let Some(small) = g.to_u64().filter(|&g| g <= 1_000_000_000_000) {
        return Ok(divisor_pairs(small)
            .into_iter()
            .map(BigUint::from)
            .collect());
    }
    let mut out = Vec::new();
    for d in divisors_ascending(&g)? {
        let sq = &d * &d;
        if sq > g {
            break;
        }
        let co = &g / &d;
        out.push(d);
        if sq != g {
            out.push(co);
        }
    }
    Ok(out)
}

/// What the reference's trial loop up to `sqrt(g)` returns (each divisor
/// `d <= sqrt(g)` ascending, followed by `g / d` unless equal), built from the
/// factorization of `g`: the loop's `sqrt(g)` divisions were an eighth of
/// `basic_arithmetic`'s time, factoring stops as soon as the cofactor is prime.
fn divisor_pairs(g: u64) -> Vec<u64> {
    if g == 0 {
        return Vec::new();
    }
    let mut divisors = vec![1u64];
    let mut rest = g;
    let mut p = 2u64;
    while p * p <= rest {
        if rest.is_multiple_of(p) {
            let known = divisors.len();
            let mut power = 1;
            while rest.is_multiple_of(p) {
                rest /= p;
                power *= p;
                for i in 0..known {
                    divisors.push(divisors[i] * power);
                }
            }
        }
        p += if p == 2 { 1 } else { 2 };
    }
    if rest > 1 {
        for i in 0..divisors.len() {
            divisors.push(divisors[i] * rest);
        }
    }
    divisors.retain(|&d| d <= g / d);
    divisors.sort_unstable();
    let mut out = Vec::with_capacity(divisors.len() * 2);
    for d in divisors {
        out.push(d);
        if d * d != g {
            out.push(g / d);
        }
    }
    out
}

/// The reference's trial loop up to `sqrt(g)`.
#[cfg(test)]
fn reference_divisor_loop(g: u64) -> Vec<u64> {
    let mut out = Vec::new();
    let mut i = 1u64;
    while i * i <= g {
        if g.is_multiple_of(i) {
            out.push(i);
            if i * i != g {
                out.push(g / i);
            }
        }
        i += 1;
    }
    out
}

/// Every divisor of `n` (none for 0), ascending. Found by factoring, so that
/// large operands cost far less than the reference's trial loop to sqrt(n).
///
/// The reference's trial loop would run for ages on such operands; a number
/// with more than `MAX_ITEM_ELEMENTS` divisors fails the item rather than
/// exhausting memory.
fn divisors_ascending(n: &BigUint) -> Result<Vec<BigUint>> {
    if n.is_zero() {
        return Ok(Vec::new());
    }
    let factors = factorize(n);
    let total = factors
        .iter()
        .fold(1u128, |acc, (_, k)| acc.saturating_mul(u128::from(*k) + 1));
    if total > MAX_ITEM_ELEMENTS {
        return Err(DatasetError::Generation(format!(
            "an operand has {total} divisors, too many to list"
        )));
    }
    let mut divisors = vec![BigUint::one()];
    for (p, k) in factors {
        let mut next = Vec::with_capacity(divisors.len() * (k as usize + 1));
        for d in &divisors {
            let mut m = d.clone();
            next.push(m.clone());
            for _ in 0..k {
                m *= &p;
                next.push(m.clone());
            }
        }
        divisors = next;
    }
    divisors.sort();
    Ok(divisors)
}

/// Prime factorization as (prime, exponent) pairs, ascending.
fn factorize(n: &BigUint) -> Vec<(BigUint, u32)> {
    let mut primes = Vec::new();
    let mut rest = n.clone();
    let mut p = 2u64;
    while p < 10_000 && BigUint::from(p * p) <= rest {
        if (&rest % p).is_zero() {
            let mut k = 0;
            while (&rest % p).is_zero() {
                rest /= p;
                k += 1;
            }
            primes.push((BigUint::from(p), k));
        }
        p += if p == 2 { 1 } else { 2 };
    }
    if !rest.is_one() {
        let mut big = Vec::new();
        split_prime_factors(rest, &mut big);
        big.sort();
        for q in big {
            match primes.last_mut() {
                Some((last, k)) if *last == q => *k += 1,
                _ => primes.push((q, 1)),
            }
        }
    }
    primes
}

/// Splits `n` (with no prime factor below 10^4) into its prime factors.
fn split_prime_factors(n: BigUint, out: &mut Vec<BigUint>) {
    if n.is_one() {
        return;
    }
    if n < BigUint::from(100_000_000u64) || is_probable_prime(&n) {
        out.push(n);
        return;
    }
    let f = pollard_rho(&n);
    let co = &n / &f;
    split_prime_factors(f, out);
    split_prime_factors(co, out);
}

/// Miller-Rabin with the first twelve primes as bases: deterministic below
/// 3.3 * 10^24 and overwhelmingly reliable above.
fn is_probable_prime(n: &BigUint) -> bool {
    const BASES: [u32; 12] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];
    let one = BigUint::one();
    let n1 = n - &one;
    let s = n1.trailing_zeros().unwrap_or(0);
    let d = &n1 >> s;
    'bases: for a in BASES {
        let a = BigUint::from(a);
        if (&a % n).is_zero() {
            continue;
        }
        let mut x = modpow(&a, &d, n);
        if x == one || x == n1 {
            continue;
        }
        for _ in 1..s {
            budget::check();
            x = &x * &x % n;
            if x == n1 {
                continue 'bases;
            }
        }
        return false;
    }
    true
}

/// `a^e mod n` by square-and-multiply, with a budget check every 64 bits:
/// `BigUint::modpow` cannot be interrupted, and on a 4000-digit modulus it
/// runs for most of a second. As fast as `modpow` at these sizes (measured:
/// 0.71 s against 0.78 s for a 13,000-bit exponent and modulus).
fn modpow(a: &BigUint, e: &BigUint, n: &BigUint) -> BigUint {
    let mut x = BigUint::one() % n;
    for i in (0..e.bits()).rev() {
        if i % 64 == 0 {
            budget::check();
        }
        x = &x * &x % n;
        if e.bit(i) {
            x = x * a % n;
        }
    }
    x
}

/// A nontrivial factor of the composite `n` (Brent's variant of Pollard's rho).
fn pollard_rho(n: &BigUint) -> BigUint {
    let mut c = BigUint::one();
    loop {
        let f = |x: &BigUint| (x * x + &c) % n;
        let (mut x, mut y) = (BigUint::from(2u32), BigUint::from(2u32));
        let mut d = BigUint::one();
        while d.is_one() {
            // Factoring a 4000-digit operand can run for minutes: stop here
            // once nobody waits for the item.
            budget::check();
            x = f(&x);
            y = f(&f(&y));
            let diff = if x > y { &x - &y } else { &y - &x };
            d = diff.gcd(n);
        }
        if &d != n {
            return d;
        }
        c += 1u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divisors_in_reference_order() {
        // The factoring path agrees with the reference's loop.
        for g in [
            1u64,
            2,
            12,
            36,
            97,
            360,
            1001,
            65536,
            999_983 * 3,
            123_456_789,
            720_720,
        ] {
            let n = BigUint::from(g);
            let mut got = Vec::new();
            for d in divisors_ascending(&n).unwrap() {
                if &d * &d > n {
                    break;
                }
                got.push(d.to_u64().unwrap());
                if d.to_u64().unwrap().pow(2) != g {
                    got.push(g / d.to_u64().unwrap());
                }
            }
            assert_eq!(got, reference_divisor_loop(g), "g = {g}");
            let below: Vec<u64> = (2..g.min(5000)).filter(|d| g % d == 0).collect();
            let fast: Vec<u64> = divisors_ascending(&n)
                .unwrap()
                .into_iter()
                .map(|d| d.to_u64().unwrap())
                .filter(|&d| d >= 2 && d < g.min(5000))
                .collect();
            assert_eq!(fast, below);
        }
        for g in (0..20_000u64).chain([
            999_983 * 999_979,
            1 << 40,
            720_720 * 720_720,
            999_999_999_989,
        ]) {
            assert_eq!(divisor_pairs(g), reference_divisor_loop(g), "g = {g}");
        }
        // gcd(-84, 36) = 12.
        let got: Vec<u64> = common_divisors(&BigInt::from(-84), &BigInt::from(36))
            .unwrap()
            .iter()
            .map(|d| d.to_u64().unwrap())
            .collect();
        assert_eq!(got, [1, 12, 2, 6, 3, 4]);
    }

    #[test]
    fn modpow_agrees_with_num_bigint() {
        let n = BigUint::from(7u32).pow(300) + 2u32;
        for (a, e) in [
            (3u32, &n - 1u32),
            (2, BigUint::from(0u32)),
            (5, BigUint::from(1u32 << 31)),
        ] {
            let a = BigUint::from(a);
            assert_eq!(modpow(&a, &e, &n), a.modpow(&e, &n));
        }
        assert_eq!(
            modpow(&BigUint::from(4u32), &BigUint::from(0u32), &BigUint::one()),
            BigUint::from(0u32)
        );
    }

    #[test]
    fn factoring_large_semiprimes() {
        let p = BigUint::from(1_000_000_007u64);
        let q = BigUint::from(998_244_353u64);
        let n = &p * &q * &q;
        assert_eq!(factorize(&n), vec![(q.clone(), 2), (p.clone(), 1)]);
        assert_eq!(divisors_ascending(&n).unwrap().len(), 6);
    }
}
