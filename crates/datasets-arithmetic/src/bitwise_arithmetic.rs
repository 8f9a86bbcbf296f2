//! `bitwise_arithmetic`: evaluate a nested expression of hex numbers with
//! `+ - * << >>`, with Python's unbounded signed integers.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use num_bigint::BigInt;
use pycompat::{py_hex, py_int_base};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "bitwise_arithmetic",
    category: "arithmetic",
    description: "Evaluate arithmetic and bit-shift expressions over hexadecimal integers",
    config_class: "BitwiseArithmeticConfig",
    build,
};

const PROMPT: &str = "Please solve this problem. Assume there is arbitrary bit depth and that \
    there are signed integers. If the answer is negative, reply as a negative value (ex., -0x3), \
    not the two's-compliment form. Reply only with the final hexidecimal value.\n";

struct BitwiseArithmetic {
    seed: Seed,
    difficulty: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = BitwiseArithmetic {
        seed: p.seed,
        difficulty: r.int("difficulty", 2),
    };
    let v = r.finish()?;
    v.ensure(0 < d.difficulty, "difficulty must be gt 0")?;
    v.ensure(10 >= d.difficulty, "difficulty must be lte 10")?;
    v.done(d)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Sub,
    Mul,
    Shl,
    Shr,
}

const OPERATORS: [Op; 5] = [Op::Add, Op::Sub, Op::Mul, Op::Shl, Op::Shr];

impl Op {
    fn symbol(self) -> &'static str {
        match self {
            Op::Add => "+",
            Op::Sub => "-",
            Op::Mul => "*",
            Op::Shl => "<<",
            Op::Shr => ">>",
        }
    }

    /// `None` where Python raises (a negative shift count) or would not fit in
    /// memory (a shift by more bits than any sane expression needs).
    fn apply(self, a: BigInt, b: BigInt) -> Option<BigInt> {
        const MAX_SHIFT: u64 = 1 << 24;
        Some(match self {
            Op::Add => a + b,
            Op::Sub => a - b,
            Op::Mul => a * b,
            Op::Shl => a << u64::try_from(&b).ok().filter(|&s| s <= MAX_SHIFT)?,
            Op::Shr => {
                // BigInt's >> floors, as Python's does; past the top bit every
                // count gives 0 or -1.
                let top = a.bits() + 1;
                a >> u64::try_from(&b).ok()?.min(top)
            }
        })
    }
}

/// A generated expression, with its text and value built together.
struct Expr {
    text: String,
    value: BigInt,
}

fn hex_leaf(rng: &mut Random, low: i64, high: i64) -> Result<Expr> {
    let value = BigInt::from(rng.randint(low, high)?);
    Ok(Expr {
        text: py_hex(&value),
        value,
    })
}

/// `generate_expression(rng, max_depth)`. The right operand of a shift is
/// still generated (consuming draws) before being replaced by a count of 0..3.
fn generate_expression(rng: &mut Random, max_depth: i64) -> Result<Expr> {
    if max_depth <= 0 || rng.random() < 0.01 {
        return hex_leaf(rng, 0x100, 0xFFFF);
    }
    let op = *rng.choice(&OPERATORS)?;
    let left = generate_expression(rng, max_depth - 1)?;
    let mut right = generate_expression(rng, max_depth - 1)?;
    if matches!(op, Op::Shl | Op::Shr) {
        right = hex_leaf(rng, 0, 3)?;
    }
    let text = format!("({} {} {})", left.text, op.symbol(), right.text);
    // Generated shifts count 0..3, so the operation cannot fail.
    let value = op.apply(left.value, right.value).unwrap_or_default();
    Ok(Expr { text, value })
}

/// `eval(problem)` for the expressions this dataset writes (and anything
/// else built from integer literals, parentheses, unary signs and
/// `* + - << >>` with Python's precedence). `None` where `eval` would raise.
fn eval(problem: &str) -> Option<BigInt> {
    let mut p = Parser {
        s: problem.as_bytes(),
        at: 0,
        depth: 0,
    };
    let v = p.shift()?;
    p.skip_space();
    (p.at == p.s.len()).then_some(v)
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self
            .s
            .get(self.at)
            .is_some_and(|b| matches!(b, b' ' | b'\t'))
        {
            self.at += 1;
        }
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        if self.s[self.at..].starts_with(token.as_bytes()) {
            self.at += token.len();
            true
        } else {
            false
        }
    }

    fn shift(&mut self) -> Option<BigInt> {
        let mut v = self.additive()?;
        loop {
            let op = if self.eat("<<") {
                Op::Shl
            } else if self.eat(">>") {
                Op::Shr
            } else {
                return Some(v);
            };
            v = op.apply(v, self.additive()?)?;
        }
    }

    fn additive(&mut self) -> Option<BigInt> {
        let mut v = self.term()?;
        loop {
            let op = if self.eat("+") {
                Op::Add
            } else if self.eat("-") {
                Op::Sub
            } else {
                return Some(v);
            };
            v = op.apply(v, self.term()?)?;
        }
    }

    fn term(&mut self) -> Option<BigInt> {
        let mut v = self.unary()?;
        while self.eat("*") {
            v *= self.unary()?;
        }
        Some(v)
    }

    fn unary(&mut self) -> Option<BigInt> {
        // Bounds the recursion on hostile input.
        self.depth += 1;
        if self.depth > 200 {
            return None;
        }
        let v = if self.eat("-") {
            -self.unary()?
        } else if self.eat("+") {
            self.unary()?
        } else if self.eat("(") {
            let v = self.shift()?;
            self.eat(")").then_some(v)?
        } else {
            self.literal()?
        };
        self.depth -= 1;
        Some(v)
    }

    fn literal(&mut self) -> Option<BigInt> {
        self.skip_space();
        let start = self.at;
        while self
            .s
            .get(self.at)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
        {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.s[start..self.at]).ok()?;
        // Python literals are `int(text, 0)` minus the whitespace and signs it allows.
        text.bytes()
            .next()
            .filter(u8::is_ascii_digit)
            .and_then(|_| py_int_base(text, 0))
    }
}

impl Dataset for BitwiseArithmetic {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let expr = generate_expression(&mut rng, self.difficulty.max(1))?;
        Ok(Item {
            question: format!("{PROMPT}{}", expr.text),
            answer: py_hex(&expr.value),
            metadata: meta! {
                "problem" => expr.text,
                "difficulty" => json!({ "difficulty": self.difficulty }),
            },
        })
    }

    /// 1.0 when `int(answer, 0)` equals `eval(metadata["problem"])`, else 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(problem) = item.metadata.get("problem").and_then(|p| p.as_str()) else {
            return 0.0;
        };
        match (answer.and_then(|a| py_int_base(a, 0)), eval(problem)) {
            (Some(given), Some(value)) if given == value => 1.0,
            _ => 0.0,
        }
    }
}
