//! Does a conclusion follow from premises, and is it a tautology? The
//! reference answers both by listing all 2^n assignments of the n variables
//! (`_generate_assignments`) and evaluating every formula on each. The
//! answers depend only on the formulas' meaning, so they are computed here
//! in ways that do not take 2^n steps where they need not: truth tables 64
//! rows to a word, and reduced ordered binary decision diagrams.

use std::collections::HashMap;

use super::formula::{Formula, Node, Op};

/// Column `j` of the truth table, for the 64 rows of a word: row `r` gives
/// variable `j` the value of bit `j` of `r`.
const PATTERNS: [u64; 6] = [
    0xAAAA_AAAA_AAAA_AAAA,
    0xCCCC_CCCC_CCCC_CCCC,
    0xF0F0_F0F0_F0F0_F0F0,
    0xFF00_FF00_FF00_FF00,
    0xFFFF_0000_FFFF_0000,
    0xFFFF_FFFF_0000_0000,
];

/// A truth table over `n` variables (numbered `0..n`): the words and the
/// rows of the last one that exist.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    pub n: u32,
}

impl Table {
    /// How many 64-row words the table takes (`n` must be below 64 + 6).
    pub fn words(self) -> u64 {
        1u64 << self.n.saturating_sub(6)
    }

    /// The bits of a word that are rows.
    pub fn mask(self) -> u64 {
        if self.n >= 6 {
            !0
        } else {
            (1u64 << (1u32 << self.n)) - 1
        }
    }

    /// Every node of `f` on the rows of `word`, into `vals` (one per node).
    pub fn eval_word(self, f: &Formula, word: u64, vals: &mut Vec<u64>) {
        vals.clear();
        for node in &f.nodes {
            let x = match *node {
                Node::Var(j) if j < 6 => PATTERNS[j as usize],
                Node::Var(j) => 0u64.wrapping_sub((word >> (j - 6)) & 1),
                Node::Not(l) => !vals[l as usize],
                Node::Bin(op, l, r) => {
                    let (a, b) = (vals[l as usize], vals[r as usize]);
                    match op {
                        Op::And => a & b,
                        Op::Or => a | b,
                        Op::Implies => !a | b,
                        Op::Iff => !(a ^ b),
                    }
                }
            };
            vals.push(x);
        }
    }
}

/// What the reference's scorer tells apart.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Verdict {
    /// The premises do not entail the conclusion (0.05).
    Invalid,
    /// Entailed, but a lone variable or a tautology (`_is_trivial`, 0.25).
    Trivial,
    /// Entailed and not trivial (1.0).
    Valid,
}

/// More variables than this and the reference's table has more rows than a
/// machine can hold (it raises `MemoryError` well before): no verdict.
pub const MAX_VARIABLES: usize = 64;
/// Work bounds for one verdict: diagram nodes, `apply` steps (each one
/// cache entry), table words times formula nodes; a few tens of megabytes and
/// milliseconds at most. The reference's items need a few thousand nodes at
/// most (ten premises of depth 5 over ten variables); past the bounds, no
/// verdict.
const MAX_BDD_NODES: usize = 1 << 18;
const MAX_BDD_STEPS: u64 = 1 << 19;
const MAX_TABLE_WORK: u64 = 1 << 23;

/// The verdict on `conclusion` given `premises` (roots in `f`, whose
/// variables are numbered `0..n`), or `None` past the work bounds.
pub fn judge(f: &Formula, n: usize, premises: &[u32], conclusion: u32) -> Option<Verdict> {
    if n > MAX_VARIABLES {
        return None;
    }
    judge_bdd(f, premises, conclusion).or_else(|| judge_table(f, n, premises, conclusion))
}

fn verdict(entailed: bool, is_var: bool, tautology: impl FnOnce() -> bool) -> Verdict {
    if !entailed {
        Verdict::Invalid
    } else if is_var || tautology() {
        Verdict::Trivial
    } else {
        Verdict::Valid
    }
}

fn judge_table(f: &Formula, n: usize, premises: &[u32], conclusion: u32) -> Option<Verdict> {
    let table = Table { n: n as u32 };
    if n > 40 || table.words().saturating_mul(f.nodes.len() as u64) > MAX_TABLE_WORK {
        return None;
    }
    let mask = table.mask();
    let (mut entailed, mut tautology) = (true, true);
    let mut vals = Vec::with_capacity(f.nodes.len());
    for word in 0..table.words() {
        table.eval_word(f, word, &mut vals);
        let given = premises.iter().fold(mask, |acc, &p| acc & vals[p as usize]);
        let c = vals[conclusion as usize];
        entailed &= given & !c == 0;
        tautology &= c & mask == mask;
    }
    let is_var = matches!(f.node(conclusion), Node::Var(_));
    Some(verdict(entailed, is_var, || tautology))
}

fn judge_bdd(f: &Formula, premises: &[u32], conclusion: u32) -> Option<Verdict> {
    let mut bdd = Bdd::default();
    let mut ids = Vec::with_capacity(f.nodes.len());
    for node in &f.nodes {
        let id = match *node {
            Node::Var(v) => bdd.mk(v, FALSE, TRUE)?,
            Node::Not(l) => bdd.apply(Op::Iff, ids[l as usize], FALSE)?,
            Node::Bin(op, l, r) => bdd.apply(op, ids[l as usize], ids[r as usize])?,
        };
        ids.push(id);
    }
    let mut given = TRUE;
    for &p in premises {
        given = bdd.apply(Op::And, given, ids[p as usize])?;
    }
    let c = ids[conclusion as usize];
    let entailed = bdd.apply(Op::Implies, given, c)? == TRUE;
    let is_var = matches!(f.node(conclusion), Node::Var(_));
    Some(verdict(entailed, is_var, || c == TRUE))
}

const FALSE: u32 = 0;
const TRUE: u32 = 1;
/// The variable of the two leaves: after every real one.
const LEAF: u32 = u32::MAX;

/// A reduced ordered BDD: variables ordered by number, one node per
/// (variable, low, high), so that equal functions are equal ids.
struct Bdd {
    /// (variable, low child, high child).
    nodes: Vec<(u32, u32, u32)>,
    unique: HashMap<(u32, u32, u32), u32>,
    cache: HashMap<(Op, u32, u32), u32>,
    steps: u64,
}

impl Default for Bdd {
    fn default() -> Self {
        Bdd {
            nodes: vec![(LEAF, FALSE, FALSE), (LEAF, TRUE, TRUE)],
            unique: HashMap::new(),
            cache: HashMap::new(),
            steps: 0,
        }
    }
}

impl Bdd {
    fn mk(&mut self, var: u32, lo: u32, hi: u32) -> Option<u32> {
        if lo == hi {
            return Some(lo);
        }
        if let Some(&id) = self.unique.get(&(var, lo, hi)) {
            return Some(id);
        }
        if self.nodes.len() >= MAX_BDD_NODES {
            return None;
        }
        let id = self.nodes.len() as u32;
        self.nodes.push((var, lo, hi));
        self.unique.insert((var, lo, hi), id);
        Some(id)
    }

    /// `op(f, g)`, or `None` past the bounds. Recursion is as deep as the
    /// number of variables.
    fn apply(&mut self, op: Op, f: u32, g: u32) -> Option<u32> {
        let leaf = |x: bool| if x { TRUE } else { FALSE };
        match op {
            Op::And if f == FALSE || g == FALSE => return Some(FALSE),
            Op::And if f == TRUE || f == g => return Some(g),
            Op::And if g == TRUE => return Some(f),
            Op::Or if f == TRUE || g == TRUE => return Some(TRUE),
            Op::Or if f == FALSE || f == g => return Some(g),
            Op::Or if g == FALSE => return Some(f),
            Op::Implies if f == FALSE || g == TRUE || f == g => return Some(TRUE),
            Op::Implies if f == TRUE => return Some(g),
            Op::Iff if f == g => return Some(TRUE),
            Op::Iff if f == TRUE => return Some(g),
            Op::Iff if g == TRUE => return Some(f),
            _ if f <= TRUE && g <= TRUE => {
                let (a, b) = (f == TRUE, g == TRUE);
                return Some(leaf(match op {
                    Op::And => a && b,
                    Op::Or => a || b,
                    Op::Implies => !a || b,
                    Op::Iff => a == b,
                }));
            }
            _ => {}
        }
        if let Some(&r) = self.cache.get(&(op, f, g)) {
            return Some(r);
        }
        self.steps += 1;
        if self.steps > MAX_BDD_STEPS {
            return None;
        }
        let (fv, flo, fhi) = self.nodes[f as usize];
        let (gv, glo, ghi) = self.nodes[g as usize];
        let var = fv.min(gv);
        let (f0, f1) = if fv == var { (flo, fhi) } else { (f, f) };
        let (g0, g1) = if gv == var { (glo, ghi) } else { (g, g) };
        let lo = self.apply(op, f0, g0)?;
        let hi = self.apply(op, f1, g1)?;
        let r = self.mk(var, lo, hi)?;
        self.cache.insert((op, f, g), r);
        Some(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(v0 op v1)` and friends, built by hand.
    fn formula(build: impl FnOnce(&mut Formula) -> u32) -> (Formula, u32) {
        let mut f = Formula::default();
        let root = build(&mut f);
        (f, root)
    }

    #[test]
    fn both_engines_agree_on_small_formulas() {
        // Every binary formula of two variables and its negation, with and
        // without the premise v0.
        for op in [Op::And, Op::Or, Op::Implies, Op::Iff] {
            for negate in [false, true] {
                for with_premise in [false, true] {
                    let (f, root) = formula(|f| {
                        let a = f.push(Node::Var(0));
                        let b = f.push(Node::Var(1));
                        let e = f.push(Node::Bin(op, a, b));
                        if negate {
                            f.push(Node::Not(e))
                        } else {
                            e
                        }
                    });
                    let premises: &[u32] = if with_premise { &[0] } else { &[] };
                    let bdd = judge_bdd(&f, premises, root);
                    let table = judge_table(&f, 2, premises, root);
                    assert_eq!(bdd, table, "{op:?} negate={negate} premise={with_premise}");
                }
            }
        }
    }

    #[test]
    fn excluded_middle_is_trivial_and_modus_ponens_valid() {
        let (f, root) = formula(|f| {
            let a = f.push(Node::Var(0));
            let na = f.push(Node::Not(a));
            f.push(Node::Bin(Op::Or, a, na))
        });
        assert_eq!(judge(&f, 1, &[], root), Some(Verdict::Trivial));
        let (f, root) = formula(|f| {
            let p = f.push(Node::Var(0));
            let p2 = f.push(Node::Var(0));
            let q = f.push(Node::Var(1));
            let imp = f.push(Node::Bin(Op::Implies, p2, q));
            let q2 = f.push(Node::Var(1));
            let _ = (p, imp);
            f.push(Node::Bin(Op::And, q2, q2))
        });
        assert_eq!(judge(&f, 2, &[0, 3], root), Some(Verdict::Valid));
        assert_eq!(judge(&f, 2, &[3], root), Some(Verdict::Invalid));
    }

    #[test]
    fn many_variables_are_quick() {
        // p0 ∨ ¬p0 ∨ p1 ∨ ... ∨ p59: a tautology over 60 variables.
        let (f, root) = formula(|f| {
            let a = f.push(Node::Var(0));
            let na = f.push(Node::Not(a));
            let mut acc = f.push(Node::Bin(Op::Or, a, na));
            for v in 1..60 {
                let x = f.push(Node::Var(v));
                acc = f.push(Node::Bin(Op::Or, acc, x));
            }
            acc
        });
        assert_eq!(judge(&f, 60, &[], root), Some(Verdict::Trivial));
        assert_eq!(judge(&f, 65, &[], root), None);
    }
}
