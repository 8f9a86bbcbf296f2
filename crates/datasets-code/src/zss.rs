//! Zhang–Shasha tree edit distance, as the `zss` package (1.2.0, Tim
//! Henderson and Steve Johnson, BSD licence; see NOTICE) computes it in
//! `zss.compare.distance` / `simple_distance`.
//!
//! The value is the same as zss's: the same post-order numbering, leftmost
//! leaf descendants (`lmds`) and keyroots, the same forest-distance recurrence
//! in the same order, and Python's `min(costs)` (the first of the smallest;
//! a NaN cost is never chosen unless it comes first, and the first cost, a
//! removal added to a finite distance, never is NaN). zss keeps its tables
//! as numpy `float64` and adds the costs to them, so the distance is an `f64`
//! summed in the same order. What zss also records (the edit operations,
//! `return_operations`) is not kept: it never changes the distance.
//!
//! Trees live in an arena ([`Tree`]), built and annotated without recursion,
//! so a deep tree cannot overflow the stack. The algorithm itself needs
//! `|A|·|B|` distances and `Σ keyroot subtree sizes` of A times that of B
//! forest cells ([`Annotated::keyroot_cells`]); callers with hostile input
//! check those before calling.

use std::convert::Infallible;

/// An ordered tree of labels, like `zss.Node`: node 0 is the root, and
/// [`Tree::add_kid`] appends a child after its siblings (`Node.addkid`).
#[derive(Debug, Clone)]
pub struct Tree<L> {
    labels: Vec<L>,
    children: Vec<Vec<usize>>,
}

impl<L> Tree<L> {
    /// The root's id.
    pub const ROOT: usize = 0;

    /// A tree of one node, `Node(label)`.
    pub fn new(label: L) -> Self {
        Tree {
            labels: vec![label],
            children: vec![Vec::new()],
        }
    }

    /// `parent.addkid(Node(label))`: the new node's id.
    pub fn add_kid(&mut self, parent: usize, label: L) -> usize {
        let id = self.labels.len();
        self.labels.push(label);
        self.children.push(Vec::new());
        self.children[parent].push(id);
        id
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// A tree always has its root.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The label of node `id` (`Node.get_label`).
    pub fn label(&self, id: usize) -> &L {
        &self.labels[id]
    }

    /// The children of node `id`, in order (`Node.get_children`).
    pub fn children(&self, id: usize) -> &[usize] {
        &self.children[id]
    }
}

/// `zss.AnnotatedTree`: the nodes in post-order (left to right), each one's
/// leftmost leaf descendant as a post-order index, and the keyroots (for each
/// leftmost leaf, the highest node that has it), ascending.
#[derive(Debug, Clone)]
pub struct Annotated<'t, L> {
    tree: &'t Tree<L>,
    /// Post-order index -> node id.
    nodes: Vec<usize>,
    lmds: Vec<usize>,
    keyroots: Vec<usize>,
}

impl<'t, L> Annotated<'t, L> {
    pub fn new(tree: &'t Tree<L>) -> Self {
        let n = tree.len();
        let mut nodes = Vec::with_capacity(n);
        let mut lmds = Vec::with_capacity(n);
        // (node, next child to visit, post-order index of its leftmost leaf).
        let mut stack: Vec<(usize, usize, usize)> = vec![(Tree::<L>::ROOT, 0, usize::MAX)];
        while let Some(top) = stack.last_mut() {
            let (node, next) = (top.0, top.1);
            let kids = tree.children(node);
            if next < kids.len() {
                top.1 += 1;
                stack.push((kids[next], 0, usize::MAX));
                continue;
            }
            let index = nodes.len();
            // A leaf is its own leftmost leaf; a parent's is its first child's.
            let lmd = if kids.is_empty() { index } else { top.2 };
            stack.pop();
            if let Some(parent) = stack.last_mut() {
                if parent.1 == 1 {
                    parent.2 = lmd;
                }
            }
            nodes.push(node);
            lmds.push(lmd);
        }
        // `keyroots[lmd] = i` over ascending i keeps the highest node per lmd.
        let mut highest = vec![usize::MAX; n];
        for (i, &l) in lmds.iter().enumerate() {
            highest[l] = i;
        }
        let mut keyroots: Vec<usize> = highest.into_iter().filter(|&i| i != usize::MAX).collect();
        keyroots.sort_unstable();
        Annotated {
            tree,
            nodes,
            lmds,
            keyroots,
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// A tree always has its root.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// `Σ over keyroots k of (k - lmd(k) + 1)`: the forest-distance cells of
    /// [`try_distance`] are this times the other tree's.
    pub fn keyroot_cells(&self) -> u64 {
        self.keyroots
            .iter()
            .map(|&k| (k - self.lmds[k] + 1) as u64)
            .sum()
    }

    /// The label of the node at post-order index `i`.
    fn label(&self, i: usize) -> &'t L {
        self.tree.label(self.nodes[i])
    }
}

/// What [`try_distance`] asks the cost of.
#[derive(Debug, Clone, Copy)]
pub enum Edit<'a, L> {
    /// Inserting a node of B (`insert_cost(node)`).
    Insert(&'a L),
    /// Removing a node of A (`remove_cost(node)`).
    Remove(&'a L),
    /// Relabelling a node of A as one of B (`update_cost(a, b)`).
    Update(&'a L, &'a L),
}

/// Python's `min([a, b, c])`: the first value that nothing after it undercuts.
fn py_min3(a: f64, b: f64, c: f64) -> f64 {
    let mut m = a;
    if b < m {
        m = b;
    }
    if c < m {
        m = c;
    }
    m
}

/// `zss.distance(A, B, get_children, insert_cost, remove_cost, update_cost)`
/// with the three costs asked of one function, which may stop the
/// computation by returning `Err`.
///
/// Each node's insert or remove cost is asked once (zss asks it again for
/// every cell, and gets the same answer), and each pair's update cost exactly
/// once, in zss's order: a pair (x, y) is updated only in the forest of the
/// keyroots whose leftmost leaves x and y share, and each lmd has one keyroot.
pub fn try_distance<L, E>(
    a: &Annotated<'_, L>,
    b: &Annotated<'_, L>,
    mut cost: impl FnMut(Edit<'_, L>) -> Result<f64, E>,
) -> Result<f64, E> {
    let (size_a, size_b) = (a.len(), b.len());
    let remove: Vec<f64> = (0..size_a)
        .map(|i| cost(Edit::Remove(a.label(i))))
        .collect::<Result<_, E>>()?;
    let insert: Vec<f64> = (0..size_b)
        .map(|j| cost(Edit::Insert(b.label(j))))
        .collect::<Result<_, E>>()?;
    let (al, bl) = (&a.lmds, &b.lmds);
    let mut treedists = vec![0.0f64; size_a * size_b];
    let max_m = a.keyroots.iter().map(|&i| i - al[i] + 2).max().unwrap_or(1);
    let max_n = b.keyroots.iter().map(|&j| j - bl[j] + 2).max().unwrap_or(1);
    let mut fd = vec![0.0f64; max_m * max_n];

    for &i in &a.keyroots {
        for &j in &b.keyroots {
            // treedist(i, j): fd is m x n, row x is A's node al[i] + x - 1
            // (zss's `x + ioff`), column y is B's node bl[j] + y - 1.
            let (li, lj) = (al[i], bl[j]);
            if li == i && lj == j {
                // Two leaves (most keyroot pairs of flat trees): the 2 x 2
                // table below, whose one cell is min(ins + rem, rem + ins, upd).
                let (rem, ins) = (remove[i], insert[j]);
                let upd = cost(Edit::Update(a.label(i), b.label(j)))?;
                treedists[i * size_b + j] = py_min3(ins + rem, rem + ins, 0.0 + upd);
                continue;
            }
            let m = i - li + 2;
            let n = j - lj + 2;
            fd[0] = 0.0;
            for x in 1..m {
                fd[x * n] = fd[(x - 1) * n] + remove[li + x - 1];
            }
            for y in 1..n {
                fd[y] = fd[y - 1] + insert[lj + y - 1];
            }
            for x in 1..m {
                let ax = li + x - 1;
                let on_left_path_a = al[ax] == li;
                let remove_x = remove[ax];
                // p: the rows left of ax's subtree, above row x; q likewise.
                let p = al[ax] - li;
                let (done, rest) = fd.split_at_mut(x * n);
                let prev = &done[(x - 1) * n..];
                let cur = &mut rest[..n];
                let td_row = &mut treedists[ax * size_b..(ax + 1) * size_b];
                for y in 1..n {
                    let by = lj + y - 1;
                    let del = prev[y] + remove_x;
                    let ins = cur[y - 1] + insert[by];
                    if on_left_path_a && bl[by] == lj {
                        let upd = cost(Edit::Update(a.label(ax), b.label(by)))?;
                        let v = py_min3(del, ins, prev[y - 1] + upd);
                        cur[y] = v;
                        td_row[by] = v;
                    } else {
                        let q = bl[by] - lj;
                        cur[y] = py_min3(del, ins, done[p * n + q] + td_row[by]);
                    }
                }
            }
        }
    }
    Ok(treedists[size_a * size_b - 1])
}

/// `zss.distance` with infallible costs.
pub fn distance<L>(
    a: &Tree<L>,
    b: &Tree<L>,
    mut insert_cost: impl FnMut(&L) -> f64,
    mut remove_cost: impl FnMut(&L) -> f64,
    mut update_cost: impl FnMut(&L, &L) -> f64,
) -> f64 {
    let result = try_distance::<L, Infallible>(&Annotated::new(a), &Annotated::new(b), |e| {
        Ok(match e {
            Edit::Insert(n) => insert_cost(n),
            Edit::Remove(n) => remove_cost(n),
            Edit::Update(x, y) => update_cost(x, y),
        })
    });
    match result {
        Ok(d) => d,
        Err(never) => match never {},
    }
}

/// `zss.simple_distance(A, B, label_dist=...)`: inserting a node costs
/// `label_dist('', label)`, removing it `label_dist(label, '')`, the empty
/// label being `L::default()`.
pub fn simple_distance<L: Default>(
    a: &Tree<L>,
    b: &Tree<L>,
    mut label_dist: impl FnMut(&L, &L) -> f64,
) -> f64 {
    let result =
        try_simple_distance::<L, Infallible>(&Annotated::new(a), &Annotated::new(b), |x, y| {
            Ok(label_dist(x, y))
        });
    match result {
        Ok(d) => d,
        Err(never) => match never {},
    }
}

/// [`simple_distance`] over annotated trees with a fallible `label_dist`.
pub fn try_simple_distance<L: Default, E>(
    a: &Annotated<'_, L>,
    b: &Annotated<'_, L>,
    mut label_dist: impl FnMut(&L, &L) -> Result<f64, E>,
) -> Result<f64, E> {
    let empty = L::default();
    try_distance(a, b, |e| match e {
        Edit::Insert(n) => label_dist(&empty, n),
        Edit::Remove(n) => label_dist(n, &empty),
        Edit::Update(x, y) => label_dist(x, y),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// zss's default `strdist` without editdistance installed is 0/1; with
    /// it, Levenshtein. Unit label costs keep these small cases readable.
    fn unit(a: &&str, b: &&str) -> f64 {
        if a == b {
            0.0
        } else {
            1.0
        }
    }

    fn tree(spec: &[(usize, &'static str)]) -> Tree<&'static str> {
        // (parent, label) in creation order; the first entry is the root.
        let mut t = Tree::new(spec[0].1);
        for &(p, l) in &spec[1..] {
            t.add_kid(p, l);
        }
        t
    }

    #[test]
    fn annotation_matches_zss() {
        // zss's docstring example: f(a(h, c(l)), e).
        let t = tree(&[(0, "f"), (0, "a"), (1, "h"), (1, "c"), (3, "l"), (0, "e")]);
        let an = Annotated::new(&t);
        let post: Vec<&str> = (0..t.len()).map(|i| *an.label(i)).collect();
        assert_eq!(post, ["h", "l", "c", "a", "e", "f"]);
        assert_eq!(an.lmds, [0, 1, 1, 0, 4, 0]);
        assert_eq!(an.keyroots, [2, 4, 5]);
    }

    #[test]
    fn zss_readme_example() {
        // zss's README example: f(d(a, c(b)), e) and f(c(d(a, b)), e) are
        // 2 apart (zss 1.2.0 prints 2.0).
        let a = tree(&[(0, "f"), (0, "d"), (1, "a"), (1, "c"), (3, "b"), (0, "e")]);
        let b = tree(&[(0, "f"), (0, "c"), (1, "d"), (2, "a"), (2, "b"), (0, "e")]);
        assert_eq!(simple_distance(&a, &b, unit), 2.0);
        assert_eq!(simple_distance(&a, &a, unit), 0.0);
    }

    #[test]
    fn nan_update_costs_are_never_chosen() {
        let a = tree(&[(0, "r"), (0, "x")]);
        let b = tree(&[(0, "r"), (0, "y")]);
        let d = distance(
            &a,
            &b,
            |_| 1.0,
            |_| 1.0,
            |x, y| if x == y { 0.0 } else { f64::NAN },
        );
        assert_eq!(d, 2.0);
    }

    #[test]
    fn deep_trees_do_not_recurse() {
        let mut t = Tree::new(0u32);
        let mut at = Tree::<u32>::ROOT;
        for i in 1..200_000 {
            at = t.add_kid(at, i);
        }
        let an = Annotated::new(&t);
        assert_eq!(an.keyroots, [t.len() - 1]);
        assert_eq!(an.keyroot_cells(), t.len() as u64);
    }
}
