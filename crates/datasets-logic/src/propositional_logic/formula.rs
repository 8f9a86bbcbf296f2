//! `Expression` trees, kept in an arena: a node's children come before it,
//! so walking the nodes in order evaluates every subtree before its parent.
//!
//! The reference compares expressions by identity (`Expression` has no
//! `__eq__`), which here is the comparison of node indices.

/// The binary members of `Operator`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum Op {
    And,
    Or,
    Implies,
    Iff,
}

impl Op {
    /// `operator.value`.
    pub fn symbol(self) -> char {
        match self {
            Op::And => '∧',
            Op::Or => '∨',
            Op::Implies => '→',
            Op::Iff => '↔',
        }
    }
}

/// `Operator.NOT.value`.
pub const NOT: char = '¬';

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Node {
    /// `Expression(None, name)`: the variable numbered so by its formula's owner.
    Var(u32),
    Not(u32),
    Bin(Op, u32, u32),
}

#[derive(Default, Debug)]
pub struct Formula {
    pub nodes: Vec<Node>,
}

impl Formula {
    pub fn push(&mut self, node: Node) -> u32 {
        self.nodes.push(node);
        (self.nodes.len() - 1) as u32
    }

    pub fn node(&self, e: u32) -> Node {
        self.nodes[e as usize]
    }

    /// `str(expression)`, with `name` giving each variable's text.
    pub fn write(&self, e: u32, name: &impl Fn(u32) -> char, out: &mut String) {
        match self.node(e) {
            Node::Var(v) => out.push(name(v)),
            Node::Not(l) => {
                out.push(NOT);
                self.write(l, name, out);
            }
            Node::Bin(op, l, r) => {
                out.push('(');
                self.write(l, name, out);
                out.push(' ');
                out.push(op.symbol());
                out.push(' ');
                self.write(r, name, out);
                out.push(')');
            }
        }
    }

    /// `expression.simplify()`, new nodes appended. Double negations go, and
    /// `a → b` becomes `¬a ∨ b` (simplified again, as the reference does).
    /// Its `simplified_left == simplified_right` is an identity test that two
    /// distinct subtrees never pass, and its `is True`/`is False` tests never
    /// hold for an expression; both are kept for the letter of it.
    pub fn simplify(&mut self, e: u32) -> u32 {
        match self.node(e) {
            Node::Var(_) => e,
            Node::Not(l) => {
                let sl = self.simplify(l);
                match self.node(sl) {
                    Node::Not(inner) => inner,
                    _ => self.push(Node::Not(sl)),
                }
            }
            Node::Bin(op, l, r) => {
                let sl = self.simplify(l);
                let sr = self.simplify(r);
                match op {
                    Op::And | Op::Or if sl == sr => sl,
                    Op::Implies => {
                        let not = self.push(Node::Not(sl));
                        let or = self.push(Node::Bin(Op::Or, not, sr));
                        self.simplify(or)
                    }
                    _ => self.push(Node::Bin(op, sl, sr)),
                }
            }
        }
    }

    /// `_measure_complexity`: the number of nodes.
    pub fn complexity(&self, e: u32) -> u64 {
        match self.node(e) {
            Node::Var(_) => 1,
            Node::Not(l) => 1 + self.complexity(l),
            Node::Bin(_, l, r) => 1 + self.complexity(l) + self.complexity(r),
        }
    }

    /// The same formula with every variable `v` renamed `rename(v)`.
    pub fn renamed(&self, mut rename: impl FnMut(u32) -> u32) -> Formula {
        let nodes = self
            .nodes
            .iter()
            .map(|&n| match n {
                Node::Var(v) => Node::Var(rename(v)),
                other => other,
            })
            .collect();
        Formula { nodes }
    }
}
