//! What `countdown` and `puzzle24` share: the expression their
//! `_generate_candidate_expression` folds left to right over fresh sympy
//! symbols, its printing with the numbers put in place of the symbols, and
//! the literal integers their scorers read from an answer.

use dataset_core::{Random, Result};
use num_bigint::BigInt;
use num_traits::Zero;
use symlite::{sstr, Expr};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

/// One candidate: the numbers (a division may have replaced one), the
/// operator applied before each number after the first, and the value.
pub struct Candidate {
    pub numbers: Vec<i64>,
    pub ops: Vec<Op>,
    pub value: BigInt,
}

/// `_generate_candidate_expression`'s draws: `num_terms` numbers, then an
/// operator per step. `/` is kept only when a remaining number (in a
/// shuffled order) divides the value so far, which then takes this step's
/// place; otherwise it becomes `-` (and `+` for a zero, which the configs'
/// positive values never draw). Any operator other than `+ - *` takes the
/// division branch, as the reference's `else` does. The value is what
/// `expr.subs(...)` gives: every step is exact in integers.
pub fn fold_candidate(
    rng: &mut Random,
    num_terms: usize,
    min_value: i64,
    max_value: i64,
    operators: &[String],
) -> Result<Candidate> {
    let mut numbers = Vec::with_capacity(num_terms);
    for _ in 0..num_terms {
        numbers.push(rng.randint(min_value, max_value)?);
    }
    let mut value = BigInt::from(numbers.first().copied().unwrap_or(0));
    let mut ops = Vec::with_capacity(num_terms.saturating_sub(1));
    for i in 1..num_terms {
        let op = match rng.choice(operators)?.as_str() {
            "+" => Op::Add,
            "-" => Op::Sub,
            "*" => Op::Mul,
            _ if numbers[i] == 0 => Op::Add,
            _ => {
                let mut remaining: Vec<i64> =
                    numbers[i..].iter().copied().filter(|&n| n != 0).collect();
                rng.shuffle(&mut remaining);
                match remaining
                    .into_iter()
                    .find(|&d| (&value % BigInt::from(d)).is_zero())
                {
                    Some(d) => {
                        numbers[i] = d;
                        Op::Div
                    }
                    None => Op::Sub,
                }
            }
        };
        let n = BigInt::from(numbers[i]);
        value = match op {
            Op::Add => value + n,
            Op::Sub => value - n,
            Op::Mul => value * n,
            Op::Div => value / n,
        };
        ops.push(op);
    }
    Ok(Candidate {
        numbers,
        ops,
        value,
    })
}

/// `str(expr)` of the folded sympy expression, with each symbol (named by
/// `name`) replaced by its number, as the reference's `str.replace` loop
/// leaves it. The printed form holds no digits but the symbols' indices,
/// so each `x` starts a symbol.
pub fn expression_text(c: &Candidate, name: impl Fn(usize) -> String) -> String {
    let sym = |i: usize| Expr::sym(&name(i));
    let mut e = sym(0);
    for (k, op) in c.ops.iter().enumerate() {
        let s = sym(k + 1);
        e = match op {
            Op::Add => e.add(&s),
            Op::Sub => e.sub(&s),
            Op::Mul => e.mul(&s),
            Op::Div => e.div(&s),
        };
    }
    let printed = sstr(&e);
    let mut out = String::with_capacity(printed.len());
    let mut rest = printed.as_str();
    while let Some(pos) = rest.find('x') {
        out.push_str(&rest[..pos]);
        let after = rest[pos + 1..].trim_start_matches('_');
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let idx: usize = after[..digits].parse().unwrap_or(usize::MAX);
        match c.numbers.get(idx) {
            Some(n) => out.push_str(&n.to_string()),
            None => out.push_str(&rest[pos..rest.len() - after.len() + digits]),
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// `[int(m) for m in re.findall(r"\b\d+\b", answer)]`: the runs of word
/// characters that are all decimal digits; `None` where `int()` raises
/// (more than 4300 digits).
pub fn literal_ints(answer: &str) -> Option<Vec<BigInt>> {
    pycompat::re_findall_words(answer)
        .filter(|w| w.chars().all(pycompat::py_isdecimal))
        .map(pycompat::py_int)
        .collect()
}

/// Answers a model could send to make the reference's `parse_expr` hang,
/// recurse or allocate without bound, each about 1 MB or worse.
#[cfg(test)]
pub fn hostile_answers() -> Vec<String> {
    vec![
        format!("{}1{}", "(".repeat(100_000), ")".repeat(100_000)),
        "9**9**9".into(),
        "9**9**9**9".into(),
        "(9**9)**(9**9)".into(),
        "1".repeat(1 << 20),
        "(1+1)*".repeat(170_000) + "1",
        "2**".repeat(340_000) + "2",
        "-".repeat(1 << 20) + "24",
        format!("24{}", " ".repeat(1 << 20)),
        format!("0x{}", "f".repeat(1 << 20)),
        "100000!".into(),
        "((1+2)*3)-".repeat(100_000) + "4",
        "x ".repeat(500_000),
        "\u{e9}".repeat(500_000),
    ]
}

/// Scores every hostile answer within 100 ms each (optimised builds; the
/// unoptimised test profile is about fifteen times slower, so it gets 2 s)
/// and returns the scores.
#[cfg(test)]
pub fn score_hostile(score: impl Fn(&str) -> f64) -> Vec<f64> {
    let limit = if cfg!(debug_assertions) { 2000 } else { 100 };
    hostile_answers()
        .iter()
        .map(|a| {
            let start = std::time::Instant::now();
            let s = score(a);
            let ms = start.elapsed().as_millis();
            assert!(ms < limit, "{ms} ms for {}...", &a[..a.len().min(30)]);
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_integers() {
        let v = |s: &str| -> Vec<String> {
            literal_ints(s)
                .unwrap()
                .iter()
                .map(|n| n.to_string())
                .collect()
        };
        assert_eq!(v("1 + 1 + 81"), ["1", "1", "81"]);
        assert_eq!(v("2**3 - x_1 + a2 + 4.5"), ["2", "3", "4", "5"]);
        assert_eq!(v("1_000 + 12x"), Vec::<String>::new());
        assert_eq!(v("\u{661}\u{662} + 3"), ["12", "3"]);
        assert!(literal_ints(&"9".repeat(4301)).is_none());
    }

    #[test]
    fn numbers_replace_symbols() {
        let c = Candidate {
            numbers: vec![49, 85, 1, 14, 42, 73, 5, 6, 7, 8, 9, 10],
            ops: vec![
                Op::Mul,
                Op::Sub,
                Op::Div,
                Op::Sub,
                Op::Sub,
                Op::Add,
                Op::Add,
                Op::Add,
                Op::Add,
                Op::Add,
                Op::Add,
            ],
            value: BigInt::zero(),
        };
        let text = expression_text(&c, |i| format!("x_{i}"));
        // sympy 1.14: `x_10 + x_11 - x_4 - x_5 + x_6 + x_7 + x_8 + x_9 + (x_0*x_1 - x_2)/x_3`.
        assert_eq!(text, "9 + 10 - 42 - 73 + 5 + 6 + 7 + 8 + (49*85 - 1)/14");
    }
}
