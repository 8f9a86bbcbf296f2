//! `parse_expr`, the reference's parser, with its exact results on every
//! text but without its quadratic scans.
//!
//! The reference: strip; refuse an empty text (`ValueError`); drop one pair
//! of enclosing parentheses when the first `(` closes at the last character;
//! else split at the rightmost `↔`, then `→`, `∨`, `∧` that stands outside
//! parentheses (scanning from the right, `)` counts one up and `(` one down,
//! and only a count of exactly 0 splits, so an unbalanced `(` hides every
//! operator left of it); else a leading `¬`; else the whole text is a
//! variable named so (`P Q`, `(P`, `x` are variables too).
//!
//! Here the text is read once: `balance[k]` counts `)` minus `(` before byte
//! `k`, so the count at an operator at `i` scanning a range that ends at `b`
//! is `balance[b] - balance[i]`, and the rightmost operator with count 0 is a
//! binary search in that operator's (balance, position) pairs. The enclosure
//! test is the global bracket matching: the interior of `(…)` never drops
//! below 0 and ends at 0 exactly when the first `(` is matched by the last
//! `)`. So a text of n bytes costs O(n log n) time and about 8n bytes plus 8
//! per operator, whatever its shape, and the recursion stops at the
//! reference's depth.

use std::collections::HashMap;

use pycompat::py_isspace;

use super::formula::{Formula, Node, Op, NOT};

/// How deep `parse_expr` may recurse. The reference recurses once per
/// operator, `¬` and dropped pair of parentheses, and Python raises
/// `RecursionError` past its limit of 1000 frames. Where exactly depends on
/// the caller's stack: called from a function that the module's top level
/// calls (as the harnesses do, two frames above `score_answer`), it parses
/// 994 nested calls and fails on 995 (its later recursions, `evaluate` and
/// `_collect_variables`, go one frame per tree level from the same height,
/// never deeper). The reference lets that error out of the scorer; rgym
/// scores it 0.0, like its caught ones.
pub const MAX_DEPTH: u32 = 994;

/// The four binary operators, in the order the reference tries them.
const PRECEDENCE: [Op; 4] = [Op::Iff, Op::Implies, Op::Or, Op::And];

/// Why a text does not parse: `ValueError("Empty expression")` or
/// `RecursionError` in the reference.
#[derive(Debug, PartialEq, Eq)]
pub struct ParseError;

/// Variables by name, numbered in order of first appearance, shared by the
/// texts parsed into one formula.
#[derive(Default)]
pub struct Names<'s> {
    ids: HashMap<&'s str, u32>,
}

impl<'s> Names<'s> {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    fn id(&mut self, name: &'s str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(name).or_insert(next)
    }
}

/// `parse_expr(text)` appended to `f`; its root.
pub fn parse<'s>(text: &'s str, f: &mut Formula, names: &mut Names<'s>) -> Result<u32, ParseError> {
    // Byte offsets are kept as u32; no answer comes near 4 GiB.
    if text.len() >= NONE as usize {
        return Err(ParseError);
    }
    Parser::new(text).expr(0, text.len(), 1, f, names)
}

struct Parser<'s> {
    text: &'s str,
    /// `)` minus `(` in `text[..k]`, for every byte offset `k`.
    balance: Vec<i32>,
    /// At the byte of each `(`, the byte of its matching `)`; `NONE` elsewhere.
    closing: Vec<u32>,
    /// For each operator of `PRECEDENCE`, the (balance, byte offset) of its
    /// occurrences, sorted.
    operators: [Vec<(i32, u32)>; 4],
}

/// No matching `)`.
const NONE: u32 = u32::MAX;

impl<'s> Parser<'s> {
    fn new(text: &'s str) -> Self {
        let mut balance = Vec::with_capacity(text.len() + 1);
        let mut closing = vec![NONE; text.len()];
        let mut operators: [Vec<(i32, u32)>; 4] = Default::default();
        let mut open = Vec::new();
        let mut level = 0i32;
        for (i, c) in text.char_indices() {
            balance.resize(i + 1, level);
            match c {
                '(' => {
                    open.push(i);
                    level -= 1;
                }
                ')' => {
                    if let Some(o) = open.pop() {
                        closing[o] = i as u32;
                    }
                    level += 1;
                }
                _ => {
                    if let Some(k) = PRECEDENCE.iter().position(|op| op.symbol() == c) {
                        operators[k].push((level, i as u32));
                    }
                }
            }
        }
        balance.resize(text.len() + 1, level);
        for at in &mut operators {
            at.sort_unstable();
        }
        Parser {
            text,
            balance,
            closing,
            operators,
        }
    }

    /// `parse_expr(text[a..b])` at recursion depth `depth`.
    fn expr(
        &self,
        a: usize,
        b: usize,
        depth: u32,
        f: &mut Formula,
        names: &mut Names<'s>,
    ) -> Result<u32, ParseError> {
        if depth > MAX_DEPTH {
            return Err(ParseError);
        }
        let s = &self.text[a..b];
        let start = s.trim_start_matches(py_isspace);
        let (a, b) = (
            b - start.len(),
            b - start.len() + start.trim_end_matches(py_isspace).len(),
        );
        if a == b {
            return Err(ParseError);
        }
        let bytes = self.text.as_bytes();
        if bytes[a] == b'(' && bytes[b - 1] == b')' && self.closing[a] == (b - 1) as u32 {
            return self.expr(a + 1, b - 1, depth + 1, f, names);
        }
        for (k, op) in PRECEDENCE.into_iter().enumerate() {
            if let Some(i) = self.rightmost(k, a, b) {
                let left = self.expr(a, i, depth + 1, f, names)?;
                let right = self.expr(i + op.symbol().len_utf8(), b, depth + 1, f, names)?;
                return Ok(f.push(Node::Bin(op, left, right)));
            }
        }
        if self.text[a..b].starts_with(NOT) {
            let inner = self.expr(a + NOT.len_utf8(), b, depth + 1, f, names)?;
            return Ok(f.push(Node::Not(inner)));
        }
        Ok(f.push(Node::Var(names.id(&self.text[a..b]))))
    }

    /// The rightmost operator `PRECEDENCE[k]` in `text[a..b]` with as many
    /// `(` as `)` after it within the range.
    fn rightmost(&self, k: usize, a: usize, b: usize) -> Option<usize> {
        let at = &self.operators[k];
        let level = self.balance[b];
        let j = at.partition_point(|&(l, i)| (l, i) < (level, b as u32));
        let (l, i) = *at.get(j.checked_sub(1)?)?;
        (l == level && i as usize >= a).then_some(i as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parse of `text` written back in the reference's `str` form, with
    /// variables as `{name}`.
    fn shape(text: &str) -> Result<String, ParseError> {
        let mut f = Formula::default();
        let mut names = Names::default();
        let root = parse(text, &mut f, &mut names)?;
        let by_id: HashMap<u32, &str> = names.ids.iter().map(|(&k, &v)| (v, k)).collect();
        fn show(f: &Formula, e: u32, by_id: &HashMap<u32, &str>) -> String {
            match f.node(e) {
                Node::Var(v) => format!("{{{}}}", by_id[&v]),
                Node::Not(l) => format!("¬{}", show(f, l, by_id)),
                Node::Bin(op, l, r) => {
                    format!(
                        "({} {} {})",
                        show(f, l, by_id),
                        op.symbol(),
                        show(f, r, by_id)
                    )
                }
            }
        }
        Ok(show(&f, root, &by_id))
    }

    #[test]
    fn reference_shapes() {
        // Checked against reasoning-gym 0.1.25's parse_expr.
        assert_eq!(shape("P ∧ Q ∨ R").unwrap(), "(({P} ∧ {Q}) ∨ {R})");
        assert_eq!(shape("P → Q → R").unwrap(), "(({P} → {Q}) → {R})");
        assert_eq!(shape("¬P ∧ Q").unwrap(), "(¬{P} ∧ {Q})");
        assert_eq!(shape("¬(P ∧ Q)").unwrap(), "¬({P} ∧ {Q})");
        assert_eq!(shape(" ((P)) ").unwrap(), "{P}");
        assert_eq!(shape("(P) ∧ (Q)").unwrap(), "({P} ∧ {Q})");
        // An unbalanced `(` hides the operators left of it.
        assert_eq!(shape("P ∧ (Q").unwrap(), "{P ∧ (Q}");
        assert_eq!(shape("P ∧ Q)").unwrap(), "{P ∧ Q)}");
        assert_eq!(shape("(P ∧ Q").unwrap(), "({(P} ∧ {Q})");
        assert_eq!(shape("P Q").unwrap(), "{P Q}");
        assert_eq!(shape("¬¬P").unwrap(), "¬¬{P}");
        assert_eq!(shape("P\u{a0}∧\u{2003}Q").unwrap(), "({P} ∧ {Q})");
        for bad in ["", "  ", "()", "P ∧", "∧ P", "¬", "(( ))", "P ∧ ()"] {
            assert_eq!(shape(bad), Err(ParseError), "{bad:?}");
        }
    }

    #[test]
    fn depth_limit_is_the_references() {
        let not = |k: usize| format!("{}P", "¬".repeat(k));
        assert!(shape(&not(993)).is_ok());
        assert_eq!(shape(&not(994)), Err(ParseError));
        let parens = |k: usize| format!("{}P{}", "(".repeat(k), ")".repeat(k));
        assert!(shape(&parens(993)).is_ok());
        assert_eq!(shape(&parens(994)), Err(ParseError));
        let chain = |k: usize| vec!["P"; k].join("∧");
        assert!(shape(&chain(994)).is_ok());
        assert_eq!(shape(&chain(995)), Err(ParseError));
    }

    #[test]
    fn huge_texts_are_linear() {
        // A balanced tree of 2^17 leaves, and a million-deep tower.
        let mut wide = "P".to_string();
        for _ in 0..17 {
            wide = format!("({wide} ∧ {wide})");
        }
        let t = std::time::Instant::now();
        assert!(shape(&wide).is_ok());
        assert_eq!(
            shape(&format!("{}P{}", "(".repeat(1 << 20), ")".repeat(1 << 20))),
            Err(ParseError)
        );
        assert!(t.elapsed().as_secs() < 5);
    }
}
