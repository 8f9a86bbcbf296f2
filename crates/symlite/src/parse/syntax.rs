//! Python's expression grammar over the lexed answer, by operator precedence
//! (shunting-yard, no recursion, so no input can exhaust the stack), into
//! postfix code. It also measures what makes CPython refuse to compile:
//! bracket nesting (the tokenizer's 200 levels, counting the calls sympy's
//! transformations wrap around literals and names) and expression depth
//! (the compiler's recursion limit).

use super::lex::{Name, Tok};
use super::{Outcome, MAX_AST_DEPTH, MAX_NESTING};
use crate::number::Rational;
use num_bigint::BigInt;

#[derive(Clone, Debug)]
pub(super) enum Code {
    Int(BigInt),
    Float(Rational, u64),
    Rat(Rational),
    RaiseWhenEvaluated,
    Name(Name),
    Symbol(std::rc::Rc<str>),
    /// `-`, `+`, `~`.
    Unary(&'static str),
    Bin(&'static str),
    /// A comparison inside a chain (`a == b` of `a == b != c`): a false
    /// result ends the chain, jumping to the code index given, so the
    /// later operands are never evaluated (Python's `and`); a true one
    /// leaves `b` as the next left side.
    CmpTest(&'static str, usize),
    /// The chain's last comparison.
    CmpLast(&'static str),
    Fact(u8),
}

/// What compiling sees of an operand: its syntax tree depth, the deepest
/// bracket nesting inside it, and bounds on the stack CPython's parser
/// needs for its deepest part.
///
/// The parser gives up past 6000 frames (`MAXSTACK`). Measured against
/// CPython 3.11 (an `Integer(1)` leaf counting 0): a bracket level costs
/// 28 frames, a call around a literal 24, a unary sign 1, the right side
/// of `**` 2; the limit is 5951 (`(` * 150 + `-` * 1750 + `1` compiles,
/// with 1752 signs it does not; `-(` and `--(` nest 199 and 198 levels).
/// `lo` adds these costs and `hi` generous ones where they were not
/// measured (a leaf's own frames, the right side of `**`): below `lo`'s
/// limit the answer compiles as far as the parser goes, past it the
/// reference fails, and between the two rgym refuses with
/// [`Outcome::Bounded`].
#[derive(Clone, Copy)]
struct Shape {
    depth: u32,
    nest: u32,
    lo: i32,
    hi: i32,
}

/// The parser's stack limit, in the units of [`Shape`].
const PARSER_STACK: i32 = 5951;

enum Pending {
    Prefix(&'static str),
    Bin(&'static str),
    /// A comparison chain: its operators, and the code indices of its
    /// `CmpTest`s, whose jumps land after the chain.
    Cmp(Vec<&'static str>, Vec<usize>),
    Open,
}

fn binary_prec(op: &str) -> Option<u8> {
    Some(match op {
        "|" => 2,
        "^" => 3,
        "&" => 4,
        "<<" | ">>" => 5,
        "+" | "-" => 6,
        "*" | "/" | "//" | "%" | "@" => 7,
        "**" => 9,
        _ => return None,
    })
}

const PREFIX_PREC: u8 = 8;
const CMP_PREC: u8 = 1;

fn is_cmp(op: &str) -> bool {
    matches!(op, "==" | "!=" | "<" | ">" | "<=" | ">=")
}

struct Builder {
    code: Vec<Code>,
    shapes: Vec<Shape>,
}

impl Builder {
    fn check(&self, s: Shape) -> Result<Shape, Outcome> {
        if s.depth > MAX_AST_DEPTH || s.nest > MAX_NESTING || s.lo > PARSER_STACK {
            // RecursionError while compiling, or "too many nested parentheses".
            return Err(Outcome::Raise);
        }
        Ok(s)
    }

    fn leaf(&mut self, code: Code, depth: u32, nest: u32, lo: i32) -> Result<(), Outcome> {
        let hi = lo.max(0) * 2;
        let s = self.check(Shape {
            depth,
            nest,
            lo,
            hi,
        })?;
        self.code.push(code);
        self.shapes.push(s);
        Ok(())
    }

    /// Emits a pending operator over its operands.
    fn apply(&mut self, p: Pending) -> Result<(), Outcome> {
        let arity = match &p {
            Pending::Prefix(_) => 1,
            Pending::Bin(_) => 2,
            Pending::Cmp(ops, _) => ops.len() + 1,
            Pending::Open => return Err(Outcome::Raise),
        };
        if self.shapes.len() < arity {
            return Err(Outcome::Raise);
        }
        let parts = self.shapes.split_off(self.shapes.len() - arity);
        // Parser frames each operand's path gains under this operator.
        let frames = |k: usize| match &p {
            Pending::Prefix(_) => (1, 1),
            Pending::Bin("**") if k == 1 => (2, 3),
            _ => (0, 1),
        };
        let s = Shape {
            depth: parts.iter().map(|s| s.depth).max().unwrap_or(0) + 1,
            nest: parts.iter().map(|s| s.nest).max().unwrap_or(0),
            lo: (0..arity)
                .map(|k| parts[k].lo + frames(k).0)
                .max()
                .unwrap_or(0),
            hi: (0..arity)
                .map(|k| parts[k].hi + frames(k).1)
                .max()
                .unwrap_or(0),
        };
        let s = self.check(s)?;
        self.shapes.push(s);
        match p {
            Pending::Prefix(op) => self.code.push(Code::Unary(op)),
            Pending::Bin(op) => self.code.push(Code::Bin(op)),
            Pending::Cmp(ops, tests) => {
                self.code.push(Code::CmpLast(ops[ops.len() - 1]));
                let end = self.code.len();
                for t in tests {
                    if let Some(Code::CmpTest(_, target)) = self.code.get_mut(t) {
                        *target = end;
                    }
                }
            }
            Pending::Open => unreachable!("handled above"),
        }
        Ok(())
    }

    /// Wraps the last operand: `(...)` adds a bracket level, `factorial(...)`
    /// a call and a level.
    fn wrap_last(&mut self, depth: u32, nest: u32, frames: i32) -> Result<(), Outcome> {
        let last = self.shapes.pop().ok_or(Outcome::Raise)?;
        let s = self.check(Shape {
            depth: last.depth + depth,
            nest: last.nest + nest,
            lo: last.lo + frames,
            hi: last.hi + frames,
        })?;
        self.shapes.push(s);
        Ok(())
    }
}

fn prec_of(p: &Pending) -> u8 {
    match p {
        Pending::Prefix(_) => PREFIX_PREC,
        Pending::Bin(op) => binary_prec(op).unwrap_or(0),
        Pending::Cmp(..) => CMP_PREC,
        Pending::Open => 0,
    }
}

/// Builds the postfix code token by token, failing at the first token
/// that decides the answer cannot compile.
pub(super) struct Parser {
    b: Builder,
    stack: Vec<Pending>,
    /// Pending operators (not brackets) on `stack`: each will nest the ones
    /// after it, so the tree is at least this deep.
    pending_ops: u32,
    expect_operand: bool,
}

impl Parser {
    pub(super) fn new() -> Parser {
        Parser {
            b: Builder {
                code: Vec::new(),
                shapes: Vec::new(),
            },
            stack: Vec::new(),
            pending_ops: 0,
            expect_operand: true,
        }
    }

    fn push_pending(&mut self, p: Pending) -> Result<(), Outcome> {
        if !matches!(p, Pending::Open) {
            self.pending_ops += 1;
            // The shallowest leaf (a bare name) adds one more level.
            if self.pending_ops + 1 > MAX_AST_DEPTH {
                return Err(Outcome::Raise);
            }
        }
        self.stack.push(p);
        Ok(())
    }

    fn pop_pending(&mut self) -> Option<Pending> {
        let p = self.stack.pop()?;
        if !matches!(p, Pending::Open) {
            self.pending_ops -= 1;
        }
        Some(p)
    }

    pub(super) fn push(&mut self, t: Tok) -> Result<(), Outcome> {
        let b = &mut self.b;
        if let Tok::Name(Name::Unsupported) = t {
            return Err(Outcome::Unsupported);
        }
        if self.expect_operand {
            match t {
                // Literals and symbols are calls (`Integer(1)`, `Symbol('x')`);
                // names sympy defines are bare names.
                Tok::Int(n) => b.leaf(Code::Int(n), 2, 1, 0)?,
                Tok::Float(v, p) => b.leaf(Code::Float(v, p), 2, 1, 0)?,
                Tok::RepDec(v) => {
                    let code = v.map_or(Code::RaiseWhenEvaluated, Code::Rat);
                    b.leaf(code, 5, 3, 52)?
                }
                Tok::Symbol { name, bare: false } => b.leaf(Code::Symbol(name), 2, 1, 2)?,
                Tok::Symbol { name, bare: true } => b.leaf(Code::Symbol(name), 1, 0, -24)?,
                Tok::Name(n) => b.leaf(Code::Name(n), 1, 0, -24)?,
                Tok::Op(op @ ("+" | "-" | "~")) => return self.push_pending(Pending::Prefix(op)),
                Tok::Op("(") => return self.push_pending(Pending::Open),
                Tok::Op("[" | "{" | "...") => return Err(Outcome::Unsupported),
                // `()` is an empty tuple; anything else a syntax error.
                _ => return Err(Outcome::Raise),
            }
            self.expect_operand = false;
            return Ok(());
        }
        match t {
            Tok::Op(")") => {
                loop {
                    match self.pop_pending() {
                        Some(Pending::Open) => break,
                        Some(p) => self.b.apply(p)?,
                        None => return Err(Outcome::Raise),
                    }
                }
                self.b.wrap_last(0, 1, 28)?;
            }
            Tok::Fact(n) => {
                self.b.code.push(Code::Fact(n));
                self.b.wrap_last(1, 1, 24)?;
            }
            Tok::Op(op) if is_cmp(op) => {
                while self
                    .stack
                    .last()
                    .is_some_and(|p| !matches!(p, Pending::Open | Pending::Cmp(..)))
                {
                    let p = self.pop_pending().ok_or(Outcome::Raise)?;
                    self.b.apply(p)?;
                }
                match self.stack.last_mut() {
                    Some(Pending::Cmp(ops, tests)) => {
                        // The left pair is complete: test it before the
                        // next operand.
                        tests.push(self.b.code.len());
                        self.b.code.push(Code::CmpTest(ops[ops.len() - 1], 0));
                        ops.push(op);
                    }
                    _ => self.push_pending(Pending::Cmp(vec![op], Vec::new()))?,
                }
                self.expect_operand = true;
            }
            Tok::Op(op) if binary_prec(op).is_some() => {
                let p = binary_prec(op).unwrap_or(0);
                // `**` is right-associative; everything else groups left.
                while self.stack.last().is_some_and(|top| {
                    !matches!(top, Pending::Open)
                        && (prec_of(top) > p || (prec_of(top) == p && p != 9))
                }) {
                    let top = self.pop_pending().ok_or(Outcome::Raise)?;
                    self.b.apply(top)?;
                }
                self.push_pending(Pending::Bin(op))?;
                self.expect_operand = true;
            }
            // A call, a subscript, an attribute, a walrus.
            Tok::Op("(" | "[" | "." | ":=") => return Err(Outcome::Unsupported),
            // A tuple (`float()` and `int()` of it raise), or a syntax error.
            _ => return Err(Outcome::Raise),
        }
        Ok(())
    }

    /// The postfix code of the whole expression.
    pub(super) fn finish(mut self) -> Result<Vec<Code>, Outcome> {
        if self.expect_operand {
            return Err(Outcome::Raise);
        }
        while let Some(p) = self.pop_pending() {
            self.b.apply(p)?;
        }
        match self.b.shapes.as_slice() {
            [s] if s.hi > PARSER_STACK => Err(Outcome::Bounded),
            [_] => Ok(self.b.code),
            _ => Err(Outcome::Raise),
        }
    }
}
