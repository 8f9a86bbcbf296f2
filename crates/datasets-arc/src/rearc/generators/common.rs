//! Helpers that several generators share (small Python idioms the
//! generators spell inline, such as `fill` over a list, not in the DSL).

use dataset_core::Result;
use pycompat::{frozenset_hash_of, AnySet, PySet};

use super::GenRng;
use crate::rearc::dsl::{self, Grid, Indices, Loc};

/// `interval(0, 10, 1)` less some colors (`remove`, `difference` of tuples).
pub(super) fn colors_without(excluded: &[i64]) -> Vec<i64> {
    (0..10).filter(|c| !excluded.contains(c)).collect()
}

/// `fill(grid, value, a_list_or_set)`: a fill writes one value, so the
/// order of the locations, which Python would take from a list or a set,
/// does not change the result.
pub(super) fn fill_locs<'a>(
    grid: &Grid,
    value: i64,
    locs: impl IntoIterator<Item = &'a Loc>,
) -> Grid {
    let mut out = grid.clone();
    fill_locs_in(&mut out, value, locs);
    out
}

/// `fill(grid, value, locs)` of a grid no longer needed otherwise (see
/// `dsl::filled`).
pub(super) fn filled_locs<'a>(
    mut grid: Grid,
    value: i64,
    locs: impl IntoIterator<Item = &'a Loc>,
) -> Grid {
    fill_locs_in(&mut grid, value, locs);
    grid
}

/// `grid = fill(grid, value, locs)` without the copy (see `dsl::fill_in`).
pub(super) fn fill_locs_in<'a>(
    grid: &mut Grid,
    value: i64,
    locs: impl IntoIterator<Item = &'a Loc>,
) {
    let (h, w) = (grid.len() as i64, grid.first().map_or(0, Vec::len) as i64);
    for &(i, j) in locs {
        if 0 <= i && i < h && 0 <= j && j < w {
            grid[i as usize][j as usize] = value;
        }
    }
}

/// `s - other` for a set `other` of the distinct locations `cells` (in
/// any order) that is not built. When `s` is more than four times larger,
/// CPython copies `s` and discards `other`'s elements, which leave the same
/// dummies in any order: hashing the few cells is cheaper than testing all
/// of `s`. Otherwise `set_difference` walks `s` and tests `in_cells`.
pub(super) fn minus_cells(s: &Indices, cells: &[Loc], in_cells: impl Fn(&Loc) -> bool) -> Indices {
    if (s.len() >> 2) > cells.len() {
        s.difference_iter(cells.iter().copied())
    } else {
        s.difference_where(cells.len(), in_cells)
    }
}

/// The locations of the rectangle from `ul` to `lr`, row by row.
pub(super) fn rect_cells((si, sj): Loc, (ei, ej): Loc) -> Vec<Loc> {
    // Sized up front: `flat_map` gives `collect` no exact length.
    let n = ((ei - si + 1).max(0) * (ej - sj + 1).max(0)) as usize;
    let mut cells = Vec::with_capacity(n);
    cells.extend((si..=ei).flat_map(|i| (sj..=ej).map(move |j| (i, j))));
    cells
}

/// `frozenset({a, b})`: a set display, then a frozenset copy of it.
pub(super) fn pair_set(a: Loc, b: Loc) -> Indices {
    let s: PySet<Loc> = [a, b].into_iter().collect();
    s.freeze()
}

/// `mapply(function, a_set)`: `apply` and `merge` keep the container's
/// type, so over a `set` both build sets, in the set's order.
pub(super) fn mapply_set(f: impl Fn(Loc) -> Indices, container: &PySet<Loc>) -> PySet<Loc> {
    let applied: PySet<Indices> = container.iter().map(|&l| f(l)).collect();
    applied.iter().flat_map(|c| c.iter().copied()).collect()
}

/// `(identity, dmirror, cmirror, vmirror, hmirror, rot90, rot180, rot270)[k]`,
/// the grid transformations several generators sample from.
pub(super) fn transform(k: usize, grid: &Grid) -> Grid {
    match k {
        1 => dsl::dmirror_grid(grid),
        2 => dsl::cmirror_grid(grid),
        3 => dsl::vmirror_grid(grid),
        4 => dsl::hmirror_grid(grid),
        5 => dsl::rot90(grid),
        6 => dsl::rot180(grid),
        7 => dsl::rot270(grid),
        _ => grid.clone(),
    }
}

/// `(min, max)` of some coordinates (`(0, 0)` for none).
pub(super) fn bounds_of(xs: &[i64]) -> (i64, i64) {
    let min = xs.iter().copied().min().unwrap_or(0);
    (min, xs.iter().copied().max().unwrap_or(0))
}

/// `shape(a_set)` of locations: `(height, width)`.
pub(super) fn set_shape(s: &PySet<Loc>) -> Loc {
    let (t, b) = bounds_of(&s.iter().map(|l| l.0).collect::<Vec<_>>());
    let (l, r) = bounds_of(&s.iter().map(|l| l.1).collect::<Vec<_>>());
    (b - t + 1, r - l + 1)
}

/// `len(set([f(x, y) for x, y in locs]))`.
pub(super) fn distinct(locs: impl Iterator<Item = Loc>, f: impl Fn(Loc) -> i64) -> usize {
    let s: PySet<i64> = locs.map(f).collect();
    s.len()
}

/// `shp.add(rng.choice(totuple((bb - shp) & mapply(dneighbors, shp))))`:
/// grow a shape by one cell next to it, inside `bb`.
pub(super) fn grow(rng: &mut GenRng, bb: &Indices, shp: &mut PySet<Loc>) -> Result<()> {
    grow_by(rng, bb, shp, dsl::dneighbors)
}

/// [`grow`] with another neighbourhood (`neighbors` for diagonal growth).
pub(super) fn grow_by(
    rng: &mut GenRng,
    bb: &Indices,
    shp: &mut PySet<Loc>,
    near: fn(Loc) -> Indices,
) -> Result<()> {
    let rest = bb.difference(shp);
    let around = Around::new(shp.iter().copied(), near);
    let cands = around
        .meet(&rest)
        .unwrap_or_else(|| rest.intersection(&mapply_set(near, shp)).to_vec());
    shp.add(rng.choice(&cands)?);
    Ok(())
}

/// `mapply(near, patch)` (`near` one of the DSL's neighbourhoods, which are
/// the same offsets around every location) where only its size and
/// membership are read: the distinct locations, sorted, not a set table.
///
/// That is so when it is subtracted (`set_difference` reads the other
/// operand's size to pick its walk, then tests membership) and when it is
/// the strictly larger operand of `&`: CPython's `set_intersection` walks
/// the smaller one (the right one on a tie) and adds the hits, in its order,
/// to a new set ([`Around::meet`]).
pub(super) struct Around {
    /// The distinct locations, in no particular order.
    cells: Vec<Loc>,
    /// Membership over the locations' bounding box.
    top: i64,
    left: i64,
    h: i64,
    w: i64,
    bits: Vec<bool>,
}

impl Around {
    /// `mapply(near, patch)`.
    pub(super) fn new(patch: impl IntoIterator<Item = Loc>, near: fn(Loc) -> Indices) -> Self {
        let offsets = offsets_of(near);
        let patch = patch.into_iter();
        // Sized up front: a flat_map's size hint is 0 (and so is some
        // callers' patch's).
        let mut locs = Vec::with_capacity(patch.size_hint().0.max(8) * offsets.len());
        for (i, j) in patch {
            locs.extend(offsets.iter().map(|&(di, dj)| (i + di, j + dj)));
        }
        Self::of_locs(locs)
    }

    /// Some locations (repeats allowed), as a set read only for its size and
    /// membership (a union of such sets, say).
    pub(super) fn of_cells(locs: impl IntoIterator<Item = Loc>) -> Self {
        Self::of_locs(locs.into_iter().collect())
    }

    fn of_locs(locs: Vec<Loc>) -> Self {
        let (mut top, mut bottom, mut left, mut right) = (0, 0, 0, 0);
        if let Some(&(i, j)) = locs.first() {
            (top, bottom, left, right) = (i, i, j, j);
            for &(i, j) in &locs[1..] {
                (top, bottom) = (top.min(i), bottom.max(i));
                (left, right) = (left.min(j), right.max(j));
            }
        }
        let (h, w) = (bottom - top + 1, right - left + 1);
        let mut bits = vec![false; if locs.is_empty() { 0 } else { (h * w) as usize }];
        let mut cells = Vec::with_capacity(locs.len());
        for (i, j) in locs {
            let k = ((i - top) * w + (j - left)) as usize;
            if !bits[k] {
                bits[k] = true;
                cells.push((i, j));
            }
        }
        Around {
            cells,
            top,
            left,
            h,
            w,
            bits,
        }
    }

    /// `len(mapply(near, patch))`.
    pub(super) fn len(&self) -> usize {
        self.cells.len()
    }

    /// `l in mapply(near, patch)`.
    pub(super) fn contains(&self, &(i, j): &Loc) -> bool {
        let (i, j) = (i - self.top, j - self.left);
        !self.cells.is_empty()
            && 0 <= i
            && i < self.h
            && 0 <= j
            && j < self.w
            && self.bits[(i * self.w + j) as usize]
    }

    /// The locations themselves, in no particular order.
    pub(super) fn cells(&self) -> &[Loc] {
        &self.cells
    }

    /// `s - self`: `set_difference` reads only this set's size and
    /// membership, or discards its (distinct) locations ([`minus_cells`]).
    pub(super) fn subtract_from(&self, s: &Indices) -> Indices {
        minus_cells(s, &self.cells, |l| self.contains(l))
    }

    /// `tuple(other & mapply(near, patch))` when the mapply is the larger
    /// operand (`self.len() > len(other)`): `other`'s members in it, added
    /// to a new set in `other`'s order, as CPython does. `None` otherwise,
    /// where CPython walks the mapply's own table, which the caller builds.
    pub(super) fn meet(&self, other: &impl AnySet<Loc>) -> Option<Vec<Loc>> {
        if self.len() <= other.len() {
            return None;
        }
        let hits: PySet<Loc> = other.iter().filter(|l| self.contains(l)).copied().collect();
        Some(hits.to_vec())
    }
}

/// The offsets a DSL neighbourhood (`dneighbors`, `ineighbors`,
/// `neighbors`: the same offsets around every location) adds to a location,
/// read once per function and thread from `near((0, 0))`.
fn offsets_of(near: fn(Loc) -> Indices) -> std::rc::Rc<[Loc]> {
    use std::cell::RefCell;
    use std::rc::Rc;
    thread_local! {
        static OFFSETS: RefCell<Vec<(usize, Rc<[Loc]>)>> = const { RefCell::new(Vec::new()) };
    }
    // Keyed by address: two functions sharing one would be the same code.
    let key = near as usize;
    OFFSETS.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((_, o)) = c.iter().find(|(k, _)| *k == key) {
            return Rc::clone(o);
        }
        let o: Rc<[Loc]> = near((0, 0)).to_vec().into();
        c.push((key, Rc::clone(&o)));
        o
    })
}

/// `tuple(e for e in a if e not in b)`: the DSL's `difference` of tuples.
pub(super) fn without(a: &[i64], b: &[i64]) -> Vec<i64> {
    a.iter().filter(|x| !b.contains(x)).copied().collect()
}

/// `normalize(a_set)`: a frozenset built by iterating the set, moved to
/// the origin.
pub(super) fn normalize_set(s: &PySet<Loc>) -> Indices {
    let top = s.iter().map(|l| l.0).min().unwrap_or(0);
    let left = s.iter().map(|l| l.1).min().unwrap_or(0);
    s.iter().map(|&(i, j)| (i - top, j - left)).collect()
}

/// `grid[:1] * a + grid[1:2] + grid[2:3] * b + grid[3:4] + grid[4:5] * c`
/// for a five-row grid (a negative count repeats nothing).
pub(super) fn stretch_rows(g: &Grid, dist: &[i64; 3]) -> Grid {
    let mut out = Vec::new();
    for (row, n) in [(0, dist[0]), (1, 1), (2, dist[1]), (3, 1), (4, dist[2])] {
        for _ in 0..n.max(0) {
            out.push(g[row].clone());
        }
    }
    out
}

/// `shp.add(rng.choice(totuple((pool - shp) & mapply(neighbors, shp))))`
/// with a mutable `set` as the pool.
pub(super) fn grow_in_set(rng: &mut GenRng, pool: &PySet<Loc>, shp: &mut PySet<Loc>) -> Result<()> {
    let rest = pool - &*shp;
    let around = Around::new(shp.iter().copied(), dsl::neighbors);
    let cands = around
        .meet(&rest)
        .unwrap_or_else(|| rest.intersection(&mapply_set(dsl::neighbors, shp)).to_vec());
    shp.add(rng.choice(&cands)?);
    Ok(())
}

/// `(identity, dmirror, cmirror, hmirror, vmirror)[k]` on an object.
pub(super) fn mirror_object(k: usize, o: &dsl::Object) -> dsl::Object {
    match k {
        1 => dsl::dmirror(o),
        2 => dsl::cmirror(o),
        3 => dsl::hmirror(o),
        4 => dsl::vmirror(o),
        _ => o.clone(),
    }
}

/// `unifint` with a float upper bound (`(h * w) / (10 * dim)`, a true
/// division): the same draw and rounding, but `min(max(a, r), b)` returns
/// the float `b` when the rounded value passes it, so the result is a float.
pub(super) fn unifint_f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64, (a, b): (i64, f64)) -> f64 {
    let d = rng.rng.uniform(diff_lb, diff_ub);
    rng.difficulty_samples.push(d);
    let r = (a as f64 + (b - a as f64) * d).round_ties_even() as i64;
    let r = a.max(r);
    if r as f64 <= b {
        r as f64
    } else {
        b
    }
}

/// `mapply(neighbors, patch)`: only its content is used where this is called.
pub(super) fn around(p: &Indices) -> Indices {
    dsl::mapply(|&l| dsl::neighbors(l), p)
}

// Count-style helpers. Where a generator builds a set only to take its size,
// test membership or paint it with one color, nothing observes the set's
// iteration order, so these read the grid directly instead of building
// CPython set tables.

/// Locations moved so their bounds start at the origin (`normalize`), in
/// the same order.
pub(super) fn normalized(cells: &[Loc]) -> Vec<Loc> {
    let top = cells.iter().map(|l| l.0).min().unwrap_or(0);
    let left = cells.iter().map(|l| l.1).min().unwrap_or(0);
    cells.iter().map(|&(i, j)| (i - top, j - left)).collect()
}

/// The distinct locations of the outline `box`, `inbox` and `outbox` draw
/// between two corners (as `dsl::outline`, which takes the min and max of
/// each coordinate), in no particular order.
pub(super) fn outline_cells((ai, aj): Loc, (bi, bj): Loc) -> Vec<Loc> {
    let (si, sj) = (ai.min(bi), aj.min(bj));
    let (ei, ej) = (ai.max(bi), aj.max(bj));
    let mut out = Vec::with_capacity(2 * ((ei - si + 1) + (ej - sj + 1)) as usize);
    for j in sj..=ej {
        out.push((si, j));
        if ei != si {
            out.push((ei, j));
        }
    }
    for i in si + 1..ei {
        out.push((i, sj));
        if ej != sj {
            out.push((i, ej));
        }
    }
    out
}

/// The grid's value at `(i, j)`, `None` outside it.
pub(super) fn cell_at(grid: &Grid, (i, j): Loc) -> Option<i64> {
    if i < 0 || j < 0 {
        return None;
    }
    grid.get(i as usize)
        .and_then(|r| r.get(j as usize))
        .copied()
}

/// `len(sfilter(toobject(locs, grid), lambda c: c[0] == value))` for
/// distinct `locs`: how many of them lie inside the grid and show `value`.
/// A count, so the order `toobject`'s frozenset would iterate in is unseen.
pub(super) fn count_color_at(
    grid: &Grid,
    locs: impl IntoIterator<Item = Loc>,
    value: i64,
) -> usize {
    locs.into_iter()
        .filter(|&l| cell_at(grid, l) == Some(value))
        .count()
}

/// The four `dneighbors` of `(i, j)`, in the grid or not (distinct), for
/// counts.
pub(super) fn dneighbor_cells((i, j): Loc) -> [Loc; 4] {
    [(i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)]
}

/// Whether `l` lies in the rectangle from `ul` to `lr` (`backdrop({ul, lr})`).
pub(super) fn in_rect((i, j): Loc, (si, sj): Loc, (ei, ej): Loc) -> bool {
    si <= i && i <= ei && sj <= j && j <= ej
}

/// `fill(grid, value, backdrop(frozenset({ul, lr})))` with `ul` above and
/// left of `lr`: one value over a rectangle, so no order matters.
pub(super) fn fill_rect(grid: &mut Grid, value: i64, (si, sj): Loc, (ei, ej): Loc) {
    let (h, w) = (grid.len() as i64, grid.first().map_or(0, Vec::len) as i64);
    for i in si.max(0)..=ei.min(h - 1) {
        for j in sj.max(0)..=ej.min(w - 1) {
            grid[i as usize][j as usize] = value;
        }
    }
}

/// A membership-only set of locations (`forb`-style sets that are only
/// tested with `in` or `&` for emptiness and grown with `|=`, never
/// iterated): a bitmap over the grid with a margin on each side for the
/// out-of-grid locations such sets also hold.
pub(super) struct LocMask {
    margin: i64,
    w: i64,
    h: i64,
    bits: Vec<bool>,
}

impl LocMask {
    /// An empty mask for an `h` by `w` grid, holding locations up to
    /// `margin` outside it.
    pub(super) fn new((h, w): Loc, margin: i64) -> Self {
        let (ph, pw) = (h + 2 * margin, w + 2 * margin);
        LocMask {
            margin,
            w: pw,
            h: ph,
            bits: vec![false; (ph * pw).max(0) as usize],
        }
    }

    fn slot(&self, (i, j): Loc) -> usize {
        let (i, j) = (i + self.margin, j + self.margin);
        assert!(
            0 <= i && i < self.h && 0 <= j && j < self.w,
            "LocMask margin"
        );
        (i * self.w + j) as usize
    }

    pub(super) fn contains(&self, l: Loc) -> bool {
        self.bits[self.slot(l)]
    }

    pub(super) fn insert(&mut self, l: Loc) {
        let s = self.slot(l);
        self.bits[s] = true;
    }

    /// Adds every location of the rectangle from `ul` to `lr`.
    pub(super) fn insert_rect(&mut self, (si, sj): Loc, (ei, ej): Loc) {
        for i in si..=ei {
            for j in sj..=ej {
                self.insert((i, j));
            }
        }
    }
}

/// The univalued components of a rectangular grid (what
/// `objects(grid, True, diagonal, False)` holds), for uses that read only
/// which cells belong together: each cell's component number (row-major)
/// and the number of components. The numbering is not the objects' order.
pub(super) fn component_labels(grid: &Grid, diagonal: bool) -> (Vec<usize>, usize) {
    let mut parent = union_same_neighbours(grid, diagonal);
    // Number the roots in row-major order of their first cell (any
    // numbering will do; this one needs no map).
    let mut label = vec![usize::MAX; parent.len()];
    let mut count = 0;
    for k in 0..parent.len() {
        let root = find_root(&mut parent, k as u32) as usize;
        if label[root] == usize::MAX {
            label[root] = count;
            count += 1;
        }
        label[k] = label[root];
    }
    (label, count)
}

/// `len(objects(grid, True, diagonal, False))` of a rectangular grid: the
/// number of univalued components, without labelling them (PSO reads the
/// 4-connected count through [`census`]; the tests check both against the
/// DSL).
#[cfg(test)]
pub(super) fn count_components(grid: &Grid, diagonal: bool) -> usize {
    if !diagonal {
        return census(grid).components;
    }
    let mut parent = union_same_neighbours(grid, diagonal);
    (0..parent.len() as u32)
        .filter(|&k| find_root(&mut parent, k) == k)
        .count()
}

/// What PSO reads of a rectangular grid, in one pass over its cells: the
/// number of 4-connected one-color components and the set of its colors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Census {
    pub(super) components: usize,
    /// Bit `v` for each color `v`, or `None` when a cell is outside 0..64
    /// (no generator makes one; the caller then asks the DSL).
    pub(super) colors: Option<u64>,
}

/// The census of a rectangular grid. Every try's PSO measure takes two, so
/// the label buffers are kept per thread rather than allocated each time.
pub(super) fn census(grid: &Grid) -> Census {
    thread_local! {
        static LABELS: std::cell::RefCell<RowLabels> = std::cell::RefCell::default();
    }
    LABELS.with(|r| match r.try_borrow_mut() {
        Ok(mut r) => r.census(grid),
        Err(_) => RowLabels::default().census(grid),
    })
}

/// The 4-connected count by the classic row scan: a cell takes the label of
/// its same-colored left or upper neighbour, or a new one; where both match
/// with different labels the two are joined (a union-find over labels, not
/// cells), unless the upper-left cell matches too, which joined them
/// already. Components = labels - joins.
#[derive(Default)]
struct RowLabels {
    above: Vec<u32>,
    row: Vec<u32>,
    parent: Vec<u32>,
}

impl RowLabels {
    fn census(&mut self, grid: &Grid) -> Census {
        let w = grid.first().map_or(0, Vec::len);
        let RowLabels { above, row, parent } = self;
        parent.clear();
        above.clear();
        above.resize(w, 0);
        row.clear();
        row.resize(w, 0);
        let (mut mask, mut high, mut joins) = (0u64, 0u64, 0usize);
        let mut up_cells: Option<&[i64]> = None;
        for cells in grid {
            let Some((&first, rest)) = cells[..w].split_first() else {
                break;
            };
            // Any value outside 0..64 sets a bit of `high` above 63.
            let mut note = |v: i64| {
                mask |= 1 << (v as u64 & 63);
                high |= v as u64;
            };
            note(first);
            // The left neighbour's value and label, and the value above it,
            // are carried along the row.
            let (mut left_v, mut left_label);
            match up_cells {
                None => {
                    (left_v, left_label) = (first, new_label(parent));
                    row[0] = left_label;
                    for (&v, r) in rest.iter().zip(&mut row[1..]) {
                        note(v);
                        if v != left_v {
                            (left_v, left_label) = (v, new_label(parent));
                        }
                        *r = left_label;
                    }
                }
                Some(up) => {
                    left_label = if up[0] == first {
                        above[0]
                    } else {
                        new_label(parent)
                    };
                    left_v = first;
                    row[0] = left_label;
                    let mut up_left = up[0];
                    let upper = up[1..].iter().zip(&above[1..]);
                    for ((&v, (&u, &a)), r) in rest.iter().zip(upper).zip(&mut row[1..]) {
                        note(v);
                        let label = if v == left_v {
                            // Left and upper neighbours both match: join
                            // their labels unless the upper-left cell,
                            // matching too, joined them already.
                            if u == v && a != left_label && up_left != v {
                                let (rl, ru) =
                                    (find_root(parent, left_label), find_root(parent, a));
                                if rl != ru {
                                    parent[rl.max(ru) as usize] = rl.min(ru);
                                    joins += 1;
                                }
                            }
                            left_label
                        } else if u == v {
                            a
                        } else {
                            new_label(parent)
                        };
                        *r = label;
                        (left_v, left_label, up_left) = (v, label, u);
                    }
                }
            }
            std::mem::swap(above, row);
            up_cells = Some(&cells[..w]);
        }
        Census {
            components: parent.len() - joins,
            colors: (high < 64).then_some(mask),
        }
    }
}

/// A new root in `parent`.
#[inline]
fn new_label(parent: &mut Vec<u32>) -> u32 {
    let label = parent.len() as u32;
    parent.push(label);
    label
}

/// A union-find forest over the row-major cells of a rectangular grid in
/// which each cell is joined to its same-colored neighbours above and to
/// the left (and, with `diagonal`, above-left and above-right): one pass
/// instead of a flood fill with a stack.
fn union_same_neighbours(grid: &Grid, diagonal: bool) -> Vec<u32> {
    let (h, w) = (grid.len(), grid.first().map_or(0, Vec::len));
    let mut parent: Vec<u32> = (0..(h * w) as u32).collect();
    let join = |parent: &mut [u32], a: usize, b: usize| {
        let (ra, rb) = (find_root(parent, a as u32), find_root(parent, b as u32));
        if ra != rb {
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    };
    for (i, row) in grid.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let k = i * w + j;
            if j > 0 && row[j - 1] == v {
                join(&mut parent, k, k - 1);
            }
            if i > 0 {
                let up = &grid[i - 1];
                if up[j] == v {
                    join(&mut parent, k, k - w);
                }
                if diagonal {
                    if j > 0 && up[j - 1] == v {
                        join(&mut parent, k, k - w - 1);
                    }
                    if j + 1 < w && up[j + 1] == v {
                        join(&mut parent, k, k - w + 1);
                    }
                }
            }
        }
    }
    parent
}

/// The root of `x`'s tree, halving the path on the way.
#[inline]
fn find_root(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// `s - mapply(neighbors, patch)`: `set_difference` reads only the
/// subtracted set's size and membership ([`Around`]), so it is not built.
pub(super) fn minus_around(s: &Indices, patch: &Indices) -> Indices {
    Around::new(patch.iter().copied(), dsl::neighbors).subtract_from(s)
}

/// `mfilter(colorfilter(objects(grid, True, diagonal, False), color),
/// compose(flip, rbind(bordering, grid)))` as a row-major mask: the cells of
/// the `color` components that touch no edge. Where only these cells (or
/// whether there are any) are used, the objects' order is unseen.
pub(super) fn enclosed_mask(grid: &Grid, color: i64, diagonal: bool) -> Vec<bool> {
    let (label, n) = component_labels(grid, diagonal);
    let (h, w) = (grid.len(), grid.first().map_or(0, Vec::len));
    let mut inner = vec![true; n];
    for (i, row) in grid.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            if v != color || i == 0 || j == 0 || i == h - 1 || j == w - 1 {
                inner[label[i * w + j]] = false;
            }
        }
    }
    label.iter().map(|&k| inner[k]).collect()
}

/// `fill(grid, value, cells)` for a row-major mask of cells.
pub(super) fn fill_mask(grid: &Grid, value: i64, mask: &[bool]) -> Grid {
    let w = grid.first().map_or(0, Vec::len);
    let mut out = grid.clone();
    for (k, _) in mask.iter().enumerate().filter(|(_, &m)| m) {
        out[k / w][k % w] = value;
    }
    out
}

/// `sfilter(cands, lambda ij: shift(obj, ij).issubset(s))`: each test is a
/// yes or no, whether every shifted location is in `s`, so no shifted
/// frozenset is built; `s` is read as a membership mask.
pub(super) fn sfilter_fits(cands: &Indices, obj: &Indices, s: &Indices) -> Indices {
    let member = Around::of_cells(s.iter().copied());
    let cells = obj.to_vec();
    dsl::sfilter(cands, |&(i, j)| {
        cells.iter().all(|&(a, b)| member.contains(&(a + i, b + j)))
    })
}

/// `paint(grid, cells)` for cells in a given order (a set's, iterated as it
/// stands): a later cell at the same location wins.
pub(super) fn paint_cells<'a>(grid: &Grid, cells: impl IntoIterator<Item = &'a dsl::Cell>) -> Grid {
    let mut out = grid.clone();
    paint_cells_in(&mut out, cells);
    out
}

/// `grid = paint(grid, cells)` without the copy (see `dsl::fill_in`).
pub(super) fn paint_cells_in<'a>(grid: &mut Grid, cells: impl IntoIterator<Item = &'a dsl::Cell>) {
    let (h, w) = dsl::shape_grid(grid);
    for &(v, (i, j)) in cells {
        if 0 <= i && i < h && 0 <= j && j < w {
            grid[i as usize][j as usize] = v;
        }
    }
}

/// A shape placed at many locations, with `mapply(near, shape)`, both at
/// the origin and read only for their sizes and membership: `(s -
/// shift(shape, loc)) - mapply(near, shift(shape, loc))` then needs neither
/// set built for each location, as the mapply of a shifted shape is the
/// shifted mapply (the DSL's neighbourhoods are the same offsets everywhere).
pub(super) struct PlacedShape {
    cells: Around,
    near: Around,
}

impl PlacedShape {
    pub(super) fn new(cells: impl IntoIterator<Item = Loc>, near: fn(Loc) -> Indices) -> Self {
        let cells = Around::of_cells(cells);
        let near = Around::new(cells.cells().iter().copied(), near);
        PlacedShape { cells, near }
    }

    /// `(s - shift(shape, loc)) - mapply(near, shift(shape, loc))` on `s`'s
    /// table of location numbers ([`GridSet`]).
    pub(super) fn subtract_at(&self, s: &GridSet, (di, dj): Loc) -> GridSet {
        let (cells, near) = (&self.cells, &self.near);
        let moved = |id: u16| {
            let (i, j) = gloc(id);
            (i - di, j - dj)
        };
        s.difference_where(cells.len(), |id| cells.contains(&moved(id)))
            .difference_where(near.len(), |id| near.contains(&moved(id)))
    }
}

/// `asindices(grid)` of an `h` by `w` grid (`asindices(canvas(c, (h, w)))`),
/// without the grid.
pub(super) fn asindices_of(shape: Loc) -> Indices {
    dsl::asindices_shape(shape)
}

// Shapes grown inside a small box. Several generators grow a shape cell by
// cell with `shp.add(rng.choice(totuple((pool - shp) & mapply(near,
// shp))))` where the pool and the shape lie in the 8 by 8 box at the
// origin. Of the two operands of `&` only the one CPython walks has its
// order read (see [`Around`]); the other is read for size and membership,
// which bits answer.

/// A location of the 8 by 8 box at the origin, or next to it, as a bit of a
/// 10 by 10 `u128`: the box with a one-cell margin all round.
pub(super) fn bit10((i, j): Loc) -> u128 {
    assert!(
        (-1..=8).contains(&i) && (-1..=8).contains(&j),
        "outside the 8 by 8 box"
    );
    1 << ((i + 1) * 10 + (j + 1))
}

/// The locations as [`bit10`] bits, `None` if one lies outside the 8 by 8 box.
pub(super) fn box8_mask<'a>(locs: impl IntoIterator<Item = &'a Loc>) -> Option<u128> {
    locs.into_iter().try_fold(0, |m, &(i, j)| {
        ((0..8).contains(&i) && (0..8).contains(&j)).then(|| m | bit10((i, j)))
    })
}

/// `neighbors(l)` (or another DSL neighbourhood) as an element of
/// `apply(near, a_set)`: two are equal exactly when their locations are (as
/// the frozensets are), and hash as the frozenset does, so a set of them
/// has the frozensets' table.
#[derive(Clone, PartialEq)]
struct NeighbourhoodOf {
    loc: Loc,
    hash: i64,
}

impl pycompat::PyHashable for NeighbourhoodOf {
    fn py_hash(&self) -> i64 {
        self.hash
    }
}

/// For each location `(i, j)` of the 8 by 8 box (index `8 * i + j`),
/// `hash(near((i, j)))` and the frozenset's iteration order, read once per
/// neighbourhood function and thread.
fn box8_table(near: fn(Loc) -> Indices) -> std::rc::Rc<[(i64, Vec<Loc>)]> {
    use std::cell::RefCell;
    use std::rc::Rc;
    type Tables = Vec<(usize, Rc<[(i64, Vec<Loc>)]>)>;
    thread_local! {
        static TABLES: RefCell<Tables> = const { RefCell::new(Vec::new()) };
    }
    // Keyed by address, as in `offsets_of`.
    let key = near as usize;
    TABLES.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((_, t)) = c.iter().find(|(k, _)| *k == key) {
            return Rc::clone(t);
        }
        let t: Rc<[(i64, Vec<Loc>)]> = (0..64)
            .map(|k| {
                let n = near((k / 8, k % 8));
                (pycompat::PyHashable::py_hash(&n), n.to_vec())
            })
            .collect();
        c.push((key, Rc::clone(&t)));
        t
    })
}

/// `tuple((pool - shp) & mapply(near, shp))` for a pool and a shape inside
/// the 8 by 8 box, given also as [`bit10`] masks (`near` one of the DSL's
/// neighbourhoods). CPython walks the smaller operand (the mapply on a tie)
/// and adds its members found in the other to a new set: when that is
/// `pool - shp`, it is built and the mapply only counted and tested as
/// bits; when it is the mapply, its table is built from the neighbourhoods'
/// hashes and orders (no frozenset each) and `pool - shp` is only bits.
pub(super) fn box8_candidates(
    pool: &Indices,
    pool_mask: u128,
    shp: &PySet<Loc>,
    shp_mask: u128,
    near: fn(Loc) -> Indices,
) -> Vec<Loc> {
    box8_meet(
        || pool.difference(shp),
        pool_mask & !shp_mask,
        shp,
        shp_mask,
        near,
    )
}

/// The box bits (`bit10`) of `mapply(near, shape)` for a shape given by
/// its bits: the shape's mask shifted by each of `near`'s offsets.
fn around_mask(shp_mask: u128, near: fn(Loc) -> Indices) -> u128 {
    near_ids(near).around(shp_mask)
}

/// `tuple(rest & mapply(near, shp))` for a set `rest` (built by `rest` only
/// when CPython walks it) given as the [`bit10`] mask `rest_mask`, and a
/// shape inside the 8 by 8 box, as [`box8_candidates`] does it.
pub(super) fn box8_meet(
    rest: impl FnOnce() -> Indices,
    rest_mask: u128,
    shp: &PySet<Loc>,
    shp_mask: u128,
    near: fn(Loc) -> Indices,
) -> Vec<Loc> {
    let around = around_mask(shp_mask, near);
    let hits: PySet<Loc> = if around.count_ones() > rest_mask.count_ones() {
        rest()
            .iter()
            .filter(|&&l| around & bit10(l) != 0)
            .copied()
            .collect()
    } else {
        // `apply` adds the neighbourhoods in `shp`'s order, `merge` their
        // locations in each one's order.
        let table = box8_table(near);
        let at = |(i, j): Loc| &table[(8 * i + j) as usize];
        let applied: PySet<NeighbourhoodOf> = shp
            .iter()
            .map(|&loc| NeighbourhoodOf {
                loc,
                hash: at(loc).0,
            })
            .collect();
        let merged: PySet<Loc> = applied
            .iter()
            .flat_map(|n| at(n.loc).1.iter().copied())
            .collect();
        merged
            .iter()
            .filter(|&&l| rest_mask & bit10(l) != 0)
            .copied()
            .collect()
    };
    hits.to_vec()
}

/// [`grow_by`] for a pool and shape inside the 8 by 8 box (as
/// [`box8_candidates`]); others take `grow_by` itself.
pub(super) fn grow_box8(
    rng: &mut GenRng,
    bb: &Indices,
    shp: &mut PySet<Loc>,
    near: fn(Loc) -> Indices,
) -> Result<()> {
    match (box8_mask(bb.iter()), box8_mask(shp.iter())) {
        (Some(bm), Some(sm)) => {
            let cands = box8_candidates(bb, bm, shp, sm, near);
            shp.add(rng.choice(&cands)?);
            Ok(())
        }
        _ => grow_by(rng, bb, shp, near),
    }
}

// Sets of objects whose order is read but whose objects' own orders are
// not. The order of a set of distinct objects depends only on their hashes
// and the order they are added in, and `hash(frozenset)` only on its
// elements' hashes, so such a set's order can be computed from each
// object's cells without building the objects' own tables.

/// `hash((v, (i, j)))`, a cell's hash.
pub(super) fn cell_hash(c: &dsl::Cell) -> i64 {
    pycompat::PyHashable::py_hash(c)
}

/// `hash(frozenset(cells))` of distinct cells.
pub(super) fn object_hash<'a>(cells: impl IntoIterator<Item = &'a dsl::Cell>) -> i64 {
    frozenset_hash_of(cells.into_iter().map(cell_hash))
}

/// The iteration order, as indices into `hashes`, of `frozenset(xs)` for
/// pairwise unequal elements with these hashes added in this order
/// (`frozenset(generator)`, `apply`, `sfilter` over a frozenset).
pub(super) fn added_order(hashes: &[i64]) -> Vec<usize> {
    DistinctTable::added(hashes, 0..hashes.len() as u32).order()
}

/// As [`added_order`] for `frozenset(s)` of a `set` `s` built by adding
/// them in this order (how `objects` returns its set): the frozenset is a
/// copy of the set's table, which may be smaller than the set's.
pub(super) fn set_frozen_order(hashes: &[i64]) -> Vec<usize> {
    DistinctTable::added(hashes, 0..hashes.len() as u32)
        .copy(hashes)
        .order()
}

/// The objects `objects(grid, univalued, diagonal, without_bg)` holds, each
/// as its cells (in no particular order), in the order `objects` adds them
/// to its set (by their first cell in `asindices`' order), which is not the
/// returned frozenset's order: [`set_frozen_order`] of their hashes gives
/// that.
pub(super) fn objects_cells(
    grid: &Grid,
    univalued: bool,
    diagonal: bool,
    without_bg: bool,
) -> Vec<Vec<dsl::Cell>> {
    let bg = without_bg.then(|| dsl::mostcolor(grid));
    let (h, w) = dsl::shape_grid(grid);
    let order = dsl::asindices_order(h, w);
    let mut occupied = vec![false; (h * w).max(0) as usize];
    let mut occupied_len = 0;
    let mut out = Vec::new();
    for &(i, j) in order.iter() {
        if occupied[(i * w + j) as usize] || Some(grid[i as usize][j as usize]) == bg {
            continue;
        }
        out.push(flood_cells(
            grid,
            (i, j),
            (univalued, diagonal, bg),
            &mut occupied,
            &mut occupied_len,
        ));
    }
    out
}

/// The cells (in no particular order) of the object `objects(grid,
/// univalued, diagonal, without_bg)` finds from its first cell `loc`, by a
/// plain flood fill, given `occupied`: a row-major mask of the cells of the
/// objects found before it (in `asindices`' order) and their number, both
/// of which it updates.
pub(super) fn flood_cells(
    grid: &Grid,
    loc: Loc,
    (univalued, diagonal, bg): (bool, bool, Option<i64>),
    occupied: &mut [bool],
    occupied_len: &mut usize,
) -> Vec<dsl::Cell> {
    let (h, w) = dsl::shape_grid(grid);
    let slot = |(i, j): Loc| (i * w + j) as usize;
    let at = |(i, j): Loc| grid[i as usize][j as usize];
    let val = at(loc);
    occupied[slot(loc)] = true;
    let mut stack = Vec::with_capacity(16);
    stack.push(loc);
    let mut cells = Vec::with_capacity(16);
    while let Some((i, j)) = stack.pop() {
        cells.push((at((i, j)), (i, j)));
        for di in -1..=1i64 {
            for dj in -1..=1i64 {
                if (di, dj) == (0, 0) || (!diagonal && di != 0 && dj != 0) {
                    continue;
                }
                let n = (i + di, j + dj);
                if !(0 <= n.0 && n.0 < h && 0 <= n.1 && n.1 < w) || occupied[slot(n)] {
                    continue;
                }
                let v = at(n);
                let joins = if univalued { val == v } else { Some(v) != bg };
                if joins {
                    occupied[slot(n)] = true;
                    stack.push(n);
                }
            }
        }
    }
    *occupied_len += cells.len();
    cells
}

/// The object `objects(grid, univalued, diagonal, without_bg)` finds from
/// its first cell `loc`, built by the same flood fill of sets as `objects`
/// (so its own order is `objects`'), with `occupied` as for [`flood_cells`],
/// whose set `objects` subtracts by size and membership. For callers that
/// need some objects exactly and the rest only by their cells and hashes.
pub(super) fn flood_object_exact(
    grid: &Grid,
    loc: Loc,
    (univalued, diagonal, bg): (bool, bool, Option<i64>),
    occupied: &mut [bool],
    occupied_len: &mut usize,
) -> dsl::Object {
    let (h, w) = dsl::shape_grid(grid);
    let slot = |(i, j): Loc| (i * w + j) as usize;
    let at = |(i, j): Loc| grid[i as usize][j as usize];
    let val = at(loc);
    let mut obj: PySet<dsl::Cell> = std::iter::once((val, loc)).collect();
    let mut cands: PySet<Loc> = std::iter::once(loc).collect();
    while !cands.is_empty() {
        let mut neighborhood: PySet<Loc> = PySet::new();
        for &cand in cands.iter() {
            let v = at(cand);
            let joins = if univalued { val == v } else { Some(v) != bg };
            if joins {
                obj.add((v, cand));
                if !occupied[slot(cand)] {
                    occupied[slot(cand)] = true;
                    *occupied_len += 1;
                }
                // neighborhood |= {(i, j) for i, j in diagfun(cand) if in bounds}
                let near = if diagonal {
                    dsl::neighbors(cand)
                } else {
                    dsl::dneighbors(cand)
                };
                let inside: PySet<Loc> = near
                    .iter()
                    .copied()
                    .filter(|&(i, j)| 0 <= i && i < h && 0 <= j && j < w)
                    .collect();
                neighborhood.update(&inside);
            }
        }
        cands = neighborhood.difference_where(*occupied_len, |&l| occupied[slot(l)]);
    }
    obj.freeze()
}

/// `hash(frozenset(locs))` of distinct locations (`hash(toindices(obj))`).
pub(super) fn indices_hash(locs: impl IntoIterator<Item = Loc>) -> i64 {
    frozenset_hash_of(locs.into_iter().map(|l| pycompat::PyHashable::py_hash(&l)))
}

/// `items` (indices of some elements) in the order of the frozenset that
/// adds them in this order: [`added_order`] over their `hash`es.
pub(super) fn reordered(items: &[usize], hash: impl Fn(usize) -> i64) -> Vec<usize> {
    let hashes: Vec<i64> = items.iter().map(|&k| hash(k)).collect();
    added_order(&hashes).into_iter().map(|x| items[x]).collect()
}

/// `tuple(sfilter(inds, lambda ij: ij[0] <= h - oh and ij[1] <= w - ow))`,
/// whose order a draw reads, kept per shape `(oh, ow)` while `inds` stays
/// the same set: generators that retry placements call it with one `inds`
/// many times. [`FitMemo::changed`] forgets the results when `inds` changes.
/// `inds` is a frozenset of locations or a [`GridSet`] of their numbers.
pub(super) struct FitMemo<E> {
    kept: Vec<(Loc, Vec<E>)>,
}

impl<E> Default for FitMemo<E> {
    fn default() -> Self {
        FitMemo { kept: Vec::new() }
    }
}

/// A set of locations `sfilter` can walk for [`FitMemo`].
pub(super) trait FitsIn {
    type Elem;

    /// `tuple(sfilter(self, lambda ij: ij[0] <= h - oh and ij[1] <= w - ow))`.
    fn fitting(&self, h: i64, w: i64, oh: i64, ow: i64) -> Vec<Self::Elem>;
}

impl FitsIn for Indices {
    type Elem = Loc;

    fn fitting(&self, h: i64, w: i64, oh: i64, ow: i64) -> Vec<Loc> {
        dsl::sfilter(self, |&(i, j)| i <= h - oh && j <= w - ow).to_vec()
    }
}

impl<E> FitMemo<E> {
    /// The locations of `inds` where an `oh` by `ow` box fits in the `h` by
    /// `w` grid, in `sfilter`'s order.
    pub(super) fn fitting<S: FitsIn<Elem = E>>(
        &mut self,
        inds: &S,
        (h, w): Loc,
        (oh, ow): Loc,
    ) -> &[E] {
        let k = match self.kept.iter().position(|(key, _)| *key == (oh, ow)) {
            Some(k) => k,
            None => {
                self.kept.push(((oh, ow), inds.fitting(h, w, oh, ow)));
                self.kept.len() - 1
            }
        };
        &self.kept[k].1
    }

    /// `inds` is now another set.
    pub(super) fn changed(&mut self) {
        self.kept.clear();
    }
}

// CPython set tables over the locations of the 8 by 8 box and its margin.
// Shapes grown cell by cell in that box build several small sets per cell
// added; their orders are read (a draw picks from them), but they follow
// from the elements' hashes and the operations alone. [`IdSet`] performs
// the same operations as `pycompat::PySet` (`Objects/setobject.c`) on one
// byte per slot, a location's [`bit10`] number, with the hashes looked up
// in a table, so no tuple is hashed and no entry allocated per set.

/// The [`bit10`] number of a location of the 8 by 8 box or its margin.
pub(super) fn id10(l: Loc) -> u8 {
    bit10(l).trailing_zeros() as u8
}

/// The location with [`bit10`] number `id`.
pub(super) fn loc10(id: u8) -> Loc {
    (i64::from(id / 10) - 1, i64::from(id % 10) - 1)
}

/// `hash((i, j))` for every [`id10`].
pub(super) fn loc10_hashes() -> &'static [i64; 100] {
    static HASHES: std::sync::OnceLock<[i64; 100]> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| std::array::from_fn(|k| pycompat::PyHashable::py_hash(&loc10(k as u8))))
}

/// A slot of a table of numbered elements ([`IdSet`], [`GridSet`]): an
/// element's number, or one of two values no element has.
trait SlotId: Copy + Eq {
    const EMPTY: Self;
    const DUMMY: Self;
    /// The number, as an index into the hash table.
    fn index(self) -> usize;
}

impl SlotId for u8 {
    const EMPTY: u8 = u8::MAX;
    const DUMMY: u8 = u8::MAX - 1;
    fn index(self) -> usize {
        usize::from(self)
    }
}

impl SlotId for u16 {
    const EMPTY: u16 = u16::MAX;
    const DUMMY: u16 = u16::MAX - 1;
    fn index(self) -> usize {
        usize::from(self)
    }
}

impl SlotId for u32 {
    const EMPTY: u32 = u32::MAX;
    const DUMMY: u32 = u32::MAX - 1;
    fn index(self) -> usize {
        self as usize
    }
}

/// Where `set_add_entry` leaves `id` in `slots[..=mask]` (numbers hashing
/// to `hashes[id]`): `None` if present; else the last dummy on the probe
/// path (`Ok`), or the empty slot that ended it (`Err`).
fn probe_add<I: SlotId>(
    slots: &[I],
    mask: usize,
    hashes: &[i64],
    id: I,
) -> Option<Result<usize, usize>> {
    let mut perturb = hashes[id.index()] as u64 as usize;
    let mut i = perturb & mask;
    let mut freeslot = None;
    loop {
        let probes = if i + 9 <= mask { 9 } else { 0 };
        for (j, &s) in (i..).zip(&slots[i..=i + probes]) {
            if s == id {
                return None;
            }
            if s == I::EMPTY {
                return Some(freeslot.ok_or(j));
            }
            if s == I::DUMMY {
                freeslot = Some(j);
            }
        }
        perturb >>= 5;
        i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
    }
}

/// `set_insert_clean`: the first empty slot on `id`'s probe path.
#[inline(always)]
fn insert_clean_id<I: SlotId>(slots: &mut [I], mask: usize, hashes: &[i64], id: I) {
    let mut perturb = hashes[id.index()] as u64 as usize;
    let mut i = perturb & mask;
    loop {
        // Most inserts into a table at most 60% full land in the first slot.
        if slots[i] == I::EMPTY {
            slots[i] = id;
            return;
        }
        if i + 9 <= mask {
            if let Some(s) = slots[i + 1..=i + 9].iter_mut().find(|s| **s == I::EMPTY) {
                *s = id;
                return;
            }
        }
        perturb >>= 5;
        i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
    }
}

/// `set_lookkey`: the slot holding `id`, if any (dummies passed over).
fn find_id<I: SlotId>(slots: &[I], mask: usize, hashes: &[i64], id: I) -> Option<usize> {
    let mut perturb = hashes[id.index()] as u64 as usize;
    let mut i = perturb & mask;
    loop {
        let probes = if i + 9 <= mask { 9 } else { 0 };
        for (j, &s) in (i..).zip(&slots[i..=i + probes]) {
            if s == id {
                return Some(j);
            }
            if s == I::EMPTY {
                return None;
            }
        }
        perturb >>= 5;
        i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
    }
}

const ID_EMPTY: u8 = <u8 as SlotId>::EMPTY;
const ID_DUMMY: u8 = <u8 as SlotId>::DUMMY;

/// The most slots an [`IdSet`] of up to 100 elements reaches (CPython
/// grows a table of 77 to `4 * 77` slots and more).
const ID_SLOTS: usize = 512;

/// A CPython set (or frozenset) of at most 100 pairwise distinct elements
/// numbered below 254 whose hashes are `hashes[id]`: the table of
/// `pycompat`'s `SetTable` (fill, used, mask, dummies) with each slot
/// holding the id, in place (`slots[..=mask]`) rather than allocated.
#[derive(Clone)]
pub(super) struct IdSet<'h> {
    hashes: &'h [i64],
    slots: [u8; ID_SLOTS],
    mask: usize,
    fill: usize,
    used: usize,
}

impl<'h> IdSet<'h> {
    /// `set()`: the 8-slot small table.
    pub(super) fn new(hashes: &'h [i64]) -> Self {
        IdSet {
            hashes,
            slots: [ID_EMPTY; ID_SLOTS],
            mask: 7,
            fill: 0,
            used: 0,
        }
    }

    /// `set(gen)` / `frozenset(gen)`: one add each, in this order.
    pub(super) fn from_adds(hashes: &'h [i64], ids: impl IntoIterator<Item = u8>) -> Self {
        let mut s = Self::new(hashes);
        for id in ids {
            s.add(id);
        }
        s
    }

    /// [`IdSet::from_adds`] of pairwise distinct ids: into a table with no
    /// dummies an add of a new element lands in the first empty slot of
    /// its probe path, so each is a clean insert, with the same resizes
    /// (the old table, at most 128 slots below 100 elements, reinserted in
    /// its slot order).
    pub(super) fn from_distinct(hashes: &'h [i64], ids: impl IntoIterator<Item = u8>) -> Self {
        let mut s = IdSet::new(hashes);
        for id in ids {
            insert_clean_id(&mut s.slots, s.mask, hashes, id);
            s.fill += 1;
            s.used += 1;
            if s.fill * 5 >= s.mask * 3 {
                let size = table_size(s.used * 4);
                assert!(size <= ID_SLOTS, "IdSet of more than 100 elements");
                // A quarter of the slots: copying all of them costs more.
                let mut old = [ID_EMPTY; ID_SLOTS / 4];
                old[..=s.mask].copy_from_slice(&s.slots[..=s.mask]);
                let old = &old[..=s.mask];
                s.slots[..size].fill(ID_EMPTY);
                s.mask = size - 1;
                for &o in old.iter().filter(|&&o| o < ID_DUMMY) {
                    insert_clean_id(&mut s.slots, s.mask, hashes, o);
                }
            }
        }
        s
    }

    /// `len(s)`.
    pub(super) fn len(&self) -> usize {
        self.used
    }

    /// `iter(s)`: the table's order.
    pub(super) fn iter(&self) -> impl Iterator<Item = u8> + '_ {
        self.slots[..=self.mask]
            .iter()
            .copied()
            .filter(|&s| s < ID_DUMMY)
    }

    /// `set_add_entry`: probe for `id`; if absent, store it in the last
    /// dummy met on the way, else in the empty slot that ended the probe,
    /// and resize once 60% of the slots are filled.
    pub(super) fn add(&mut self, id: u8) {
        let Some(slot) = probe_add(&self.slots, self.mask, self.hashes, id) else {
            return;
        };
        self.used += 1;
        match slot {
            Ok(dummy) => self.slots[dummy] = id,
            Err(empty) => {
                self.fill += 1;
                self.slots[empty] = id;
                if self.fill * 5 >= self.mask * 3 {
                    self.resize(self.used * 4);
                }
            }
        }
    }

    /// `set_table_resize`: the smallest power of two (at least 8) above
    /// `minused`, refilled in the old table's order by `set_insert_clean`.
    fn resize(&mut self, minused: usize) {
        let mut size = 8;
        while size <= minused {
            size <<= 1;
        }
        if size == 8 && self.mask == 7 && self.fill == self.used {
            return;
        }
        assert!(size <= ID_SLOTS, "IdSet of more than 100 elements");
        let old = self.slots;
        let old_mask = self.mask;
        self.slots[..size].fill(ID_EMPTY);
        self.mask = size - 1;
        self.fill = self.used;
        for id in old[..=old_mask].iter().copied().filter(|&s| s < ID_DUMMY) {
            self.insert_clean(id);
        }
    }

    /// `set_insert_clean`.
    #[inline]
    fn insert_clean(&mut self, id: u8) {
        insert_clean_id(&mut self.slots, self.mask, self.hashes, id);
    }

    /// `make_new_set(type, s)`: the copy a binary operator starts from
    /// (`set_merge` into an empty table), as `SetTable::copy_of`.
    fn copy(&self) -> Self {
        let mut t = Self::new(self.hashes);
        if self.used == 0 {
            return t;
        }
        if self.used * 5 >= 7 * 3 {
            t.resize(self.used * 2);
        }
        if t.mask == self.mask && self.fill == self.used {
            t.slots[..=t.mask].copy_from_slice(&self.slots[..=t.mask]);
        } else {
            for id in self.iter() {
                t.insert_clean(id);
            }
        }
        t.fill = self.used;
        t.used = self.used;
        t
    }

    /// `s - other` for a set `other` known by its size and membership,
    /// as `SetTable::difference_where`: a copy with dummies when `s` has
    /// more than four times `other`'s elements, else a new set of the
    /// elements kept, added in `s`'s order (distinct: clean inserts).
    pub(super) fn difference_where(&self, other_len: usize, in_other: impl Fn(u8) -> bool) -> Self {
        if (self.used >> 2) > other_len {
            let mut t = self.copy();
            for s in t.slots[..=t.mask].iter_mut() {
                if *s < ID_DUMMY && in_other(*s) {
                    *s = ID_DUMMY;
                    t.used -= 1;
                }
            }
            if t.fill - t.used > t.mask / 4 {
                t.resize(t.used * 4);
            }
            return t;
        }
        Self::from_distinct(self.hashes, self.iter().filter(|&id| !in_other(id)))
    }
}

/// For the DSL neighbourhood `near` and each location of the 8 by 8 box
/// (by [`id10`]), `hash(near(loc))` and the frozenset's order as ids; and
/// `near`'s offsets as shifts of a [`bit10`] mask (`10 * di + dj` bits).
struct NearIds {
    hashes: [i64; 100],
    /// `near(loc)`'s order: the first `lens[id]` ids of `orders[id]`.
    orders: [[u8; 8]; 100],
    lens: [u8; 100],
    shifts: Vec<i32>,
}

impl NearIds {
    fn build(near: fn(Loc) -> Indices) -> NearIds {
        let mut ids = NearIds {
            hashes: [0; 100],
            orders: [[0; 8]; 100],
            lens: [0; 100],
            shifts: near((0, 0))
                .iter()
                .map(|&(di, dj)| (di * 10 + dj) as i32)
                .collect(),
        };
        for (k, (hash, order)) in box8_table(near).iter().enumerate() {
            let id = id10((k as i64 / 8, k as i64 % 8)) as usize;
            ids.hashes[id] = *hash;
            // The DSL's neighbourhoods have at most eight locations.
            assert!(order.len() <= 8, "a neighbourhood of more than 8 locations");
            for (slot, &l) in ids.orders[id].iter_mut().zip(order) {
                *slot = id10(l);
            }
            ids.lens[id] = order.len() as u8;
        }
        ids
    }

    /// The box bits of `mapply(near, shape)` for a shape given by its bits:
    /// the shape's mask shifted by each offset.
    fn around(&self, shp_mask: u128) -> u128 {
        self.shifts.iter().fold(0u128, |d, &k| {
            d | if k >= 0 {
                shp_mask << k
            } else {
                shp_mask >> -k
            }
        })
    }
}

/// [`NearIds`] of `near`: the DSL's three neighbourhoods are built once for
/// the process (each box growth step reads them, so no thread-local look-up
/// per step); any other function once per thread, kept for the process (a
/// function of the binary: a bounded few).
fn near_ids(near: fn(Loc) -> Indices) -> &'static NearIds {
    use std::cell::RefCell;
    static DSL: std::sync::OnceLock<[NearIds; 3]> = std::sync::OnceLock::new();
    let known: [fn(Loc) -> Indices; 3] = [dsl::neighbors, dsl::dneighbors, dsl::ineighbors];
    // Keyed by address, as in `offsets_of`.
    let key = near as usize;
    if let Some(k) = known.iter().position(|&f| f as usize == key) {
        return &DSL.get_or_init(|| known.map(NearIds::build))[k];
    }
    thread_local! {
        static OTHER: RefCell<Vec<(usize, &'static NearIds)>> = const { RefCell::new(Vec::new()) };
    }
    OTHER.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((_, t)) = c.iter().find(|(k, _)| *k == key) {
            return *t;
        }
        let t: &'static NearIds = Box::leak(Box::new(NearIds::build(near)));
        c.push((key, t));
        t
    })
}

// The same for sets of grid locations (`inds` of a whole grid, the
// candidates filtered from it), whose tables generators rebuild after each
// placement: [`GridSet`] keeps CPython's table of locations in frames of
// up to 32 by 32 cells, as two bytes per slot.

/// The frame [`gid`] numbers: locations from `-GRID_MARGIN` to
/// `GRID_SIDE - GRID_MARGIN - 1` in both coordinates.
pub(super) const GRID_SIDE: i64 = 34;
const GRID_MARGIN: i64 = 2;

/// The number of a location of a grid of up to 32 by 32 cells, or at most
/// two cells outside it.
pub(super) fn gid((i, j): Loc) -> u16 {
    assert!(
        (-GRID_MARGIN..GRID_SIDE - GRID_MARGIN).contains(&i)
            && (-GRID_MARGIN..GRID_SIDE - GRID_MARGIN).contains(&j),
        "outside the grid frame"
    );
    ((i + GRID_MARGIN) * GRID_SIDE + j + GRID_MARGIN) as u16
}

/// The location numbered `id` by [`gid`].
pub(super) fn gloc(id: u16) -> Loc {
    let id = i64::from(id);
    (id / GRID_SIDE - GRID_MARGIN, id % GRID_SIDE - GRID_MARGIN)
}

/// `hash((i, j))` for every [`gid`].
fn gid_hashes() -> &'static [i64] {
    static HASHES: std::sync::OnceLock<Vec<i64>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        (0..GRID_SIDE * GRID_SIDE)
            .map(|k| pycompat::PyHashable::py_hash(&gloc(k as u16)))
            .collect()
    })
}

const GID_EMPTY: u16 = <u16 as SlotId>::EMPTY;
const GID_DUMMY: u16 = <u16 as SlotId>::DUMMY;

/// A CPython set (or frozenset) of locations numbered by [`gid`]: the
/// table of `pycompat`'s `SetTable` (fill, used, mask, dummies) with each
/// slot holding the number, as [`IdSet`] does for the 8 by 8 box.
#[derive(Clone)]
pub(super) struct GridSet {
    hashes: &'static [i64],
    slots: Vec<u16>,
    mask: usize,
    fill: usize,
    used: usize,
}

impl GridSet {
    /// `set()`: the 8-slot small table.
    pub(super) fn new() -> Self {
        GridSet {
            hashes: gid_hashes(),
            slots: vec![GID_EMPTY; 8],
            mask: 7,
            fill: 0,
            used: 0,
        }
    }

    /// `set(gen)` / `frozenset(gen)`: one add each, in this order.
    pub(super) fn from_adds(ids: impl IntoIterator<Item = u16>) -> Self {
        let mut s = Self::new();
        for id in ids {
            s.add(id);
        }
        s
    }

    /// `asindices(grid)` of an `h` by `w` grid (`frozenset` of the
    /// locations row by row), kept per shape and thread.
    pub(super) fn asindices((h, w): Loc) -> Self {
        use std::cell::RefCell;
        thread_local! {
            static KEPT: RefCell<Vec<(Loc, GridSet)>> = const { RefCell::new(Vec::new()) };
        }
        KEPT.with(|c| {
            let mut c = c.borrow_mut();
            if let Some((_, s)) = c.iter().find(|(k, _)| *k == (h, w)) {
                return s.clone();
            }
            let s = Self::from_distinct((0..h).flat_map(|i| (0..w).map(move |j| gid((i, j)))));
            c.push(((h, w), s.clone()));
            s
        })
    }

    /// `len(s)`.
    pub(super) fn len(&self) -> usize {
        self.used
    }

    /// `iter(s)`: the table's order.
    pub(super) fn iter(&self) -> impl Iterator<Item = u16> + '_ {
        self.slots.iter().copied().filter(|&s| s < GID_DUMMY)
    }

    /// `id in s`: `set_lookkey`.
    pub(super) fn contains(&self, id: u16) -> bool {
        self.find(id).is_some()
    }

    /// `set_add_entry`, as [`IdSet::add`].
    pub(super) fn add(&mut self, id: u16) {
        let Some(slot) = probe_add(&self.slots, self.mask, self.hashes, id) else {
            return;
        };
        self.used += 1;
        match slot {
            Ok(dummy) => self.slots[dummy] = id,
            Err(empty) => {
                self.fill += 1;
                self.slots[empty] = id;
                if self.fill * 5 >= self.mask * 3 {
                    self.resize(self.grow_target());
                }
            }
        }
    }

    fn grow_target(&self) -> usize {
        if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        }
    }

    /// `set_table_resize`, as [`IdSet`]'s.
    fn resize(&mut self, minused: usize) {
        let size = table_size(minused);
        if size == 8 && self.mask == 7 && self.fill == self.used {
            return;
        }
        // Built in a local table: no reload of `self`'s fields per insert.
        let mut slots = vec![GID_EMPTY; size];
        for &s in self.slots.iter().filter(|&&s| s < GID_DUMMY) {
            insert_clean_id(&mut slots, size - 1, self.hashes, s);
        }
        self.slots = slots;
        self.mask = size - 1;
        self.fill = self.used;
    }

    /// `set_insert_clean`.
    #[inline]
    fn insert_clean(&mut self, id: u16) {
        insert_clean_id(&mut self.slots, self.mask, self.hashes, id);
    }

    /// `make_new_set(type, s)`, as [`IdSet`]'s copy: `set_merge` into the
    /// new empty set, which sizes its table for `2 * used` past the small
    /// table's five entries. The table is allocated once at that size (a
    /// clone of `s`'s when the sizes match and `s` has no dummies, which is
    /// then the slot-for-slot copy).
    fn copy(&self) -> Self {
        if self.used == 0 {
            return Self::new();
        }
        let size = if self.used * 5 >= 7 * 3 {
            table_size(self.used * 2)
        } else {
            8
        };
        if size == self.mask + 1 && self.fill == self.used {
            return self.clone();
        }
        let mut slots = vec![GID_EMPTY; size];
        for &s in self.slots.iter().filter(|&&s| s < GID_DUMMY) {
            insert_clean_id(&mut slots, size - 1, self.hashes, s);
        }
        GridSet {
            hashes: self.hashes,
            slots,
            mask: size - 1,
            fill: self.used,
            used: self.used,
        }
    }

    /// `s - other` for a set `other` known by its size and membership, as
    /// [`IdSet::difference_where`].
    pub(super) fn difference_where(
        &self,
        other_len: usize,
        in_other: impl Fn(u16) -> bool,
    ) -> Self {
        if (self.used >> 2) > other_len {
            let mut t = self.copy();
            for s in t.slots.iter_mut() {
                if *s < GID_DUMMY && in_other(*s) {
                    *s = GID_DUMMY;
                    t.used -= 1;
                }
            }
            if t.fill - t.used > t.mask / 4 {
                t.resize(t.grow_target());
            }
            return t;
        }
        self.filter(|id| !in_other(id))
    }

    /// `s - other` for a set `other` of these distinct locations (in any
    /// order): as [`GridSet::difference_where`], but the copy discards
    /// `other`'s elements one by one as CPython does (no walk of `s`).
    pub(super) fn difference_ids(&self, other: &[u16]) -> Self {
        self.minus_ids(other, other.len())
    }

    /// [`GridSet::difference_ids`] for distinct locations some of which may
    /// lie outside the frame (never in the set, but counted in `len(other)`).
    pub(super) fn difference_locs(&self, other: &[Loc]) -> Self {
        let span = -GRID_MARGIN..GRID_SIDE - GRID_MARGIN;
        let mut ids = Vec::with_capacity(other.len());
        ids.extend(
            other
                .iter()
                .filter(|&&(i, j)| span.contains(&i) && span.contains(&j))
                .map(|&l| gid(l)),
        );
        self.minus_ids(&ids, other.len())
    }

    /// `s - other` for a set `other` of `other_len` distinct locations of
    /// which `ids` are those in the frame.
    fn minus_ids(&self, ids: &[u16], other_len: usize) -> Self {
        if (self.used >> 2) > other_len {
            let mut t = self.copy();
            for &id in ids {
                if let Some(j) = t.find(id) {
                    t.slots[j] = GID_DUMMY;
                    t.used -= 1;
                }
            }
            if t.fill - t.used > t.mask / 4 {
                t.resize(t.grow_target());
            }
            return t;
        }
        // On the stack: a heap vector per difference costs more.
        let mut member = [false; (GRID_SIDE * GRID_SIDE) as usize];
        for &id in ids {
            member[usize::from(id)] = true;
        }
        self.filter(|id| !member[usize::from(id)])
    }

    /// `set_lookkey`: the slot holding `id`, if any.
    fn find(&self, id: u16) -> Option<usize> {
        if self.fill == 0 {
            return None;
        }
        find_id(&self.slots, self.mask, self.hashes, id)
    }

    /// `type(s)(e for e in s if keep(e))` (`sfilter`).
    pub(super) fn filter(&self, keep: impl Fn(u16) -> bool) -> Self {
        // A set's elements are distinct: clean inserts.
        Self::from_distinct(self.iter().filter(|&id| keep(id)))
    }
}

/// A shape (or pool) in the 8 by 8 box: CPython's table of it as an
/// [`IdSet`] and its [`bit10`] mask for membership.
pub(super) struct BoxShape<'h> {
    pub(super) set: IdSet<'h>,
    pub(super) mask: u128,
}

impl<'h> BoxShape<'h> {
    /// `set(gen)` / `frozenset(gen)` of locations in the 8 by 8 box.
    pub(super) fn from_locs(hashes: &'h [i64], locs: impl IntoIterator<Item = Loc>) -> Self {
        let mut s = BoxShape {
            set: IdSet::new(hashes),
            mask: 0,
        };
        for l in locs {
            s.add(id10(l));
        }
        s
    }

    /// `asindices(canvas(-1, (h, w)))`.
    pub(super) fn asindices(hashes: &'h [i64], (h, w): Loc) -> Self {
        Self::from_locs(hashes, (0..h).flat_map(|i| (0..w).map(move |j| (i, j))))
    }

    /// `s.add(loc)`.
    pub(super) fn add(&mut self, id: u8) {
        self.set.add(id);
        self.mask |= 1 << id;
    }

    /// `remove(loc, s)`: a new set of the others, added in `s`'s order.
    pub(super) fn without(&self, id: u8) -> Self {
        BoxShape {
            set: IdSet::from_distinct(self.set.hashes, self.set.iter().filter(|&x| x != id)),
            mask: self.mask & !(1 << id),
        }
    }

    /// `rng.choice(totuple(s))`.
    pub(super) fn choose(&self, rng: &mut GenRng) -> Result<u8> {
        let order: Vec<u8> = self.set.iter().collect();
        rng.choice(&order)
    }

    /// The locations, in the set's order.
    pub(super) fn locs(&self) -> impl Iterator<Item = Loc> + '_ {
        self.set.iter().map(loc10)
    }

    /// `self.add(rng.choice(totuple((pool - self) & mapply(near, self))))`.
    pub(super) fn grow(
        &mut self,
        rng: &mut GenRng,
        pool: &BoxShape,
        near: fn(Loc) -> Indices,
    ) -> Result<()> {
        let rest = || {
            pool.set
                .difference_where(self.set.len(), |id| self.mask >> id & 1 != 0)
        };
        let cands = box8_meet_ids(
            rest,
            pool.mask & !self.mask,
            self.set.iter(),
            self.mask,
            near,
        );
        let added = rng.choice(&cands.order())?;
        self.add(added);
        Ok(())
    }
}

/// [`FitMemo`] over a [`GridSet`]: the numbers of the locations that fit.
impl FitsIn for GridSet {
    type Elem = u16;

    fn fitting(&self, h: i64, w: i64, oh: i64, ow: i64) -> Vec<u16> {
        self.fit_order(h - oh, w - ow)
    }
}

/// `plcd = shift(obj, loc)`; if `toindices(plcd).issubset(inds)`, then
/// `gi = paint(gi, plcd)` and `inds = (inds - plcdi) - mapply(neighbors,
/// plcdi)`, on `inds`' table ([`GridSet`]); whether it was placed. For an
/// object with one cell per location nothing reads `plcd`'s or `plcdi`'s
/// order (a yes or no, a paint, sizes and membership), so neither is built.
pub(super) fn place_apart_grid<'a>(
    gi: &mut Grid,
    inds: &mut GridSet,
    obj: impl IntoIterator<Item = &'a dsl::Cell>,
    loc: Loc,
) -> bool {
    let cells: Vec<dsl::Cell> = obj
        .into_iter()
        .map(|&(v, (i, j))| (v, (i + loc.0, j + loc.1)))
        .collect();
    if cells.len() > inds.len() || !cells.iter().all(|c| inds.contains(gid(c.1))) {
        return false;
    }
    let ids: Vec<u16> = cells.iter().map(|c| gid(c.1)).collect();
    let near = Around::new(cells.iter().map(|c| c.1), dsl::neighbors);
    let near_ids: Vec<u16> = near.cells().iter().map(|&l| gid(l)).collect();
    *inds = inds.difference_ids(&ids).difference_ids(&near_ids);
    paint_cells_in(gi, cells.iter());
    true
}

/// `l in inds` for a location anywhere (one outside the frame is in no
/// [`GridSet`]).
pub(super) fn in_grid_set(inds: &GridSet, (i, j): Loc) -> bool {
    let span = -GRID_MARGIN..GRID_SIDE - GRID_MARGIN;
    span.contains(&i) && span.contains(&j) && inds.contains(gid((i, j)))
}

/// `(inds - cells) - mapply(near, cells)` on `inds`' table ([`GridSet`])
/// for distinct locations `cells` of the frame (a placed shape): both
/// differences read the subtracted set only for its size and membership,
/// or discard its elements, so neither set is built.
pub(super) fn grid_minus_near(inds: &GridSet, cells: &[Loc], near: fn(Loc) -> Indices) -> GridSet {
    let ids: Vec<u16> = cells.iter().map(|&l| gid(l)).collect();
    let around = Around::new(cells.iter().copied(), near);
    inds.difference_ids(&ids).difference_locs(around.cells())
}

/// `shape(patch)` of some locations: `(height, width)`, `(0, 0)` for none.
pub(super) fn cells_shape(cells: &[Loc]) -> Loc {
    let (mut top, mut bottom, mut left, mut right) = (i64::MAX, i64::MIN, i64::MAX, i64::MIN);
    for &(i, j) in cells {
        (top, bottom) = (top.min(i), bottom.max(i));
        (left, right) = (left.min(j), right.max(j));
    }
    if cells.is_empty() {
        return (0, 0);
    }
    (bottom - top + 1, right - left + 1)
}

/// `rng.choice(tuple(s))` for a [`GridSet`]: the number at the drawn
/// position of the table's order, found by walking it (no tuple).
pub(super) fn grid_choice(rng: &mut GenRng, s: &GridSet) -> Result<u16> {
    if s.len() == 0 {
        return Err(dataset_core::RandomError::EmptySequence.into());
    }
    let k = rng.rng.randbelow(s.len() as u64) as usize;
    s.iter()
        .nth(k)
        .ok_or_else(|| dataset_core::DatasetError::Generation("set shorter than its length".into()))
}

/// `mapply(neighbors, bd)` for the rectangle `bd` from `ul` to `lr`, read
/// only for its size and membership: the rectangle one cell larger all
/// round, less `bd` itself when it is a single cell (the only cell no
/// other cell of `bd` neighbours).
pub(super) fn rect_neighbors((si, sj): Loc, (ei, ej): Loc) -> Vec<Loc> {
    let single = (si, sj) == (ei, ej);
    let mut out = Vec::with_capacity(((ei - si + 3) * (ej - sj + 3)) as usize);
    for i in si - 1..=ei + 1 {
        out.extend(
            (sj - 1..=ej + 1)
                .map(|j| (i, j))
                .filter(|&l| !(single && l == (si, sj))),
        );
    }
    out
}

/// `id in s` for an [`IdSet`]: `set_lookkey`.
pub(super) fn idset_contains(s: &IdSet, id: u8) -> bool {
    s.fill != 0 && find_id(&s.slots, s.mask, s.hashes, id).is_some()
}

/// `set(s)` or `frozenset(s)` of an [`IdSet`] `s` (not itself a
/// frozenset): `make_new_set`'s `set_merge` into an empty table.
pub(super) fn idset_copy<'h>(s: &IdSet<'h>) -> IdSet<'h> {
    s.copy()
}

/// `s | other` for two distinct [`IdSet`] objects (`set_or`), as
/// [`GridSet::union`]: a copy of `s`, then `set_merge` of `other`.
pub(super) fn idset_union<'h>(s: &IdSet<'h>, other: &IdSet<'h>) -> IdSet<'h> {
    let mut t = s.copy();
    if other.used == 0 {
        return t;
    }
    if (t.fill + other.used) * 5 >= t.mask * 3 {
        t.resize((t.used + other.used) * 2);
    }
    if t.fill == 0 {
        // `s` was empty: `other`'s table copied, or inserted clean.
        if t.mask == other.mask && other.fill == other.used {
            t.slots[..=t.mask].copy_from_slice(&other.slots[..=t.mask]);
        } else {
            for id in other.iter() {
                t.insert_clean(id);
            }
        }
        t.fill = other.used;
        t.used = other.used;
        return t;
    }
    for id in other.iter() {
        t.add(id);
    }
    t
}

/// `s & other` for two distinct [`IdSet`] objects (`set_intersection`):
/// the smaller is walked (`other` on a tie) and its members found in the
/// larger added, in its order, to a new set.
pub(super) fn idset_and<'h>(s: &IdSet<'h>, other: &IdSet<'h>) -> IdSet<'h> {
    let (big, small) = if other.len() > s.len() {
        (other, s)
    } else {
        (s, other)
    };
    IdSet::from_distinct(s.hashes, small.iter().filter(|&id| idset_contains(big, id)))
}

/// `ofcolor(grid, value)` as CPython's table ([`GridSet`]): the
/// locations holding `value`, added row by row as `ofcolor` adds them.
pub(super) fn ofcolor_set(grid: &Grid, value: i64) -> GridSet {
    // Distinct locations: clean inserts.
    GridSet::from_distinct(grid.iter().enumerate().flat_map(|(i, row)| {
        row.iter()
            .enumerate()
            .filter(move |&(_, &v)| v == value)
            .map(move |(j, _)| gid((i as i64, j as i64)))
    }))
}

impl GridSet {
    /// The iteration order of `frozenset(e for e in s if keep(e))` (an
    /// `sfilter` of this set: [`GridSet::filter`], iterated). Its elements
    /// are distinct and none is discarded, so every add lands in the first
    /// empty slot on its probe path, `set_insert_clean`'s, with the same
    /// resizes: the adds need not compare slots with the element or look
    /// for dummies, as [`GridSet::add`] does.
    pub(super) fn filtered_order(&self, keep: impl Fn(u16) -> bool) -> Vec<u16> {
        let t = self.filter(keep);
        let mut out = Vec::with_capacity(t.used);
        out.extend(t.iter());
        out
    }

    /// `set(gen)` / `frozenset(gen)` of pairwise distinct elements (as
    /// [`GridSet::from_adds`]): with no equal element or dummy to meet,
    /// each add is a clean insert, with the same resizes.
    pub(super) fn from_distinct(ids: impl IntoIterator<Item = u16>) -> GridSet {
        Self::from_distinct_hashed(gid_hashes(), ids)
    }

    /// [`GridSet::from_distinct`] of numbers hashing to `hashes[id]`.
    fn from_distinct_hashed(hashes: &'static [i64], ids: impl IntoIterator<Item = u16>) -> GridSet {
        let mut slots = vec![GID_EMPTY; 8];
        let (mut mask, mut used) = (7usize, 0usize);
        // The resize point, the smallest `used` with `used * 5 >= mask * 3`,
        // kept rather than computed per insert.
        let mut grow_at = (mask * 3).div_ceil(5);
        for id in ids {
            insert_clean_id(&mut slots, mask, hashes, id);
            used += 1;
            if used >= grow_at {
                // `grow_target`; never the 8-slot table again (used >= 5).
                // Each table is larger than the last: a new one (a kept
                // buffer would only be reallocated, its old slots copied).
                let size = table_size(if used > 50_000 { used * 2 } else { used * 4 });
                let mut grown = vec![GID_EMPTY; size];
                for &s in slots.iter().filter(|&&s| s < GID_DUMMY) {
                    insert_clean_id(&mut grown, size - 1, hashes, s);
                }
                slots = grown;
                mask = size - 1;
                grow_at = (mask * 3).div_ceil(5);
            }
        }
        GridSet {
            hashes,
            slots,
            mask,
            fill: used,
            used,
        }
    }
}

impl GridSet {
    /// `a | b` (`set_or`): a copy of `a`, then `set_merge` of `b`'s table.
    pub(super) fn union(&self, other: &GridSet) -> GridSet {
        let mut t = self.copy();
        t.merge(other);
        t
    }

    /// `set_merge(self, other)`, as `pycompat`'s `SetTable::merge`: one
    /// resize up front; into an empty table a slot-for-slot copy or clean
    /// inserts, else an add of each of `other`'s elements in its order.
    fn merge(&mut self, other: &GridSet) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 {
            if self.mask == other.mask && other.fill == other.used {
                self.slots.clone_from(&other.slots);
            } else {
                for id in other.iter() {
                    self.insert_clean(id);
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for id in other.iter() {
            self.add(id);
        }
    }

    /// `frozenset(s)` of a set (`make_new_set`): a copy of the table.
    pub(super) fn frozen(&self) -> GridSet {
        self.copy()
    }

    /// `frozenset(f(l) for l in s)` for a one-to-one `f` (what `shift`,
    /// `normalize` and the mirrors build): one add each, in this set's
    /// order, of distinct locations.
    pub(super) fn map_locs(&self, f: impl Fn(Loc) -> Loc) -> GridSet {
        GridSet::from_distinct(self.iter().map(|id| gid(f(gloc(id)))))
    }

    /// `(top, left, bottom, right)` of the locations (`(0, 0, 0, 0)` for
    /// none).
    pub(super) fn bounds(&self) -> (i64, i64, i64, i64) {
        let mut locs = self.iter().map(gloc);
        let Some((i0, j0)) = locs.next() else {
            return (0, 0, 0, 0);
        };
        locs.fold((i0, j0, i0, j0), |(t, l, b, r), (i, j)| {
            (t.min(i), l.min(j), b.max(i), r.max(j))
        })
    }
}

/// The outline `box`, `inbox` and `outbox` draw between two corners,
/// `frozenset(vlines | hlines)` of set comprehensions as the DSL's
/// `outline`, on location numbers ([`GridSet`]).
pub(super) fn outline_set((ai, aj): Loc, (bi, bj): Loc) -> GridSet {
    let (si, sj) = (ai.min(bi), aj.min(bj));
    let (ei, ej) = (ai.max(bi), aj.max(bj));
    let col = |j: i64| GridSet::from_distinct((si..=ei).map(|i| gid((i, j))));
    let row = |i: i64| GridSet::from_distinct((sj..=ej).map(|j| gid((i, j))));
    let vlines = col(sj).union(&col(ej));
    let hlines = row(si).union(&row(ei));
    vlines.union(&hlines).frozen()
}

/// `hash(neighbors(l))` (a frozenset's hash, from its elements' hashes)
/// for every [`gid`].
fn gid_neighbors_hashes() -> &'static [i64] {
    static HASHES: std::sync::OnceLock<Vec<i64>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        let offsets: Vec<Loc> = dsl::neighbors((0, 0)).iter().copied().collect();
        (0..GRID_SIDE * GRID_SIDE)
            .map(|k| {
                let (i, j) = gloc(k as u16);
                frozenset_hash_of(
                    offsets
                        .iter()
                        .map(|&(di, dj)| pycompat::PyHashable::py_hash(&(i + di, j + dj))),
                )
            })
            .collect()
    })
}

impl GridSet {
    /// `mapply(neighbors, s)` for a frozenset `s` of locations at least one
    /// cell inside the frame, as CPython builds it: `apply` adds the
    /// (pairwise unequal) frozensets `neighbors(l)` in `s`'s order to a new
    /// frozenset, hashed as frozensets, and `merge` adds their elements, in
    /// that set's order and each frozenset's own, to another.
    pub(super) fn mapply_neighbors(&self) -> GridSet {
        // The applied set as a table of the same numbers, each standing for
        // its location's neighbourhood: distinct, so clean inserts.
        let applied = GridSet::from_distinct_hashed(gid_neighbors_hashes(), self.iter());
        // Each neighbourhood's own order, read from the DSL's frozenset once
        // per location and thread.
        thread_local! {
            static ORDERS: std::cell::RefCell<Vec<Option<[u16; 8]>>> =
                std::cell::RefCell::new(vec![None; (GRID_SIDE * GRID_SIDE) as usize]);
        }
        let mut merged = GridSet::new();
        ORDERS.with(|orders| {
            let mut orders = orders.borrow_mut();
            for id in applied.iter() {
                let order = orders[id as usize].get_or_insert_with(|| {
                    let mut order = [0; 8];
                    for (slot, &l) in order.iter_mut().zip(dsl::neighbors(gloc(id)).iter()) {
                        *slot = gid(l);
                    }
                    order
                });
                for &n in order.iter() {
                    merged.add(n);
                }
            }
        });
        merged
    }
}

/// One growth step of a set of cells `obj` inside the box `bx` (496994bd,
/// f25ffba3): `ch = choice(totuple(bx & mapply(neighbors,
/// toindices(obj))))`, `obj.add((choice(colors), ch))`, `bx = remove(ch,
/// bx)`, on location numbers. `toindices(obj)` adds the cells' locations in
/// `obj`'s order; `bx & dns` walks the smaller (`dns` on a tie) and adds its
/// members found in the other, in its order, to a new set.
pub(super) fn grow_cells_in(
    rng: &mut GenRng,
    obj: &mut PySet<dsl::Cell>,
    bx: &mut GridSet,
    colors: &[i64],
) -> Result<()> {
    let locs = GridSet::from_adds(obj.iter().map(|c| gid(c.1)));
    let dns = locs.mapply_neighbors();
    let meet = if dns.len() > bx.len() {
        bx.filtered_order(|id| dns.contains(id))
    } else {
        dns.filtered_order(|id| bx.contains(id))
    };
    let ch = rng.choice(&meet)?;
    obj.add((rng.choice(colors)?, gloc(ch)));
    *bx = bx.difference_ids(&[ch]);
    Ok(())
}

/// The table size `set_table_resize(minused)` picks: the smallest power
/// of two above `minused`, at least 8.
fn table_size(minused: usize) -> usize {
    (minused + 1).next_power_of_two().max(8)
}

/// The iteration order of a set of at most 100 box ids (its table on the
/// stack, not kept).
pub(super) struct IdOrder {
    ids: [u8; 100],
    len: usize,
}

impl std::ops::Deref for IdOrder {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.ids[..self.len]
    }
}

/// [`box8_meet`] over ids: `tuple(rest & mapply(near, shp))` for a shape
/// inside the 8 by 8 box given by its order (`shp_order`) and [`bit10`]
/// mask, and a set `rest` given by its mask and, built only when CPython
/// walks it, its table: CPython walks the smaller operand (the mapply on a
/// tie) and adds its members found in the other to a new set. Every set it
/// builds is read only for its order and holds pairwise distinct elements
/// (the walked operand's hits, the neighbourhoods `apply` adds, one per
/// location of the shape, and the first occurrences `merge` adds), so each
/// is a [`CleanIds`] on the stack; the neighbourhoods are fixed arrays
/// ([`near_ids`]) and the repeats bits.
pub(super) fn box8_meet_ids<'h>(
    rest: impl FnOnce() -> IdSet<'h>,
    rest_mask: u128,
    shp_order: impl Iterator<Item = u8>,
    shp_mask: u128,
    near: fn(Loc) -> Indices,
) -> CleanIds {
    let hashes = loc10_hashes();
    let n = near_ids(near);
    let around = n.around(shp_mask);
    if around.count_ones() > rest_mask.count_ones() {
        return CleanIds::from_distinct(hashes, rest().iter().filter(|&id| around >> id & 1 != 0));
    }
    // `apply` adds the neighbourhoods in `shp`'s order, `merge` their
    // locations in each one's order (a repeat changes nothing).
    let applied = CleanIds::from_distinct(&n.hashes, shp_order);
    let mut seen = 0u128;
    let mut merged = CleanIds::new();
    for a in applied.iter() {
        let a = usize::from(a);
        for &id in &n.orders[a][..usize::from(n.lens[a])] {
            if seen >> id & 1 == 0 {
                seen |= 1 << id;
                merged.insert(hashes, id);
            }
        }
    }
    CleanIds::from_distinct(hashes, merged.iter().filter(|&id| rest_mask >> id & 1 != 0))
}

impl GridSet {
    /// `(s - bd) - ring` for the rectangle `bd` from `ul` to `lr` and the
    /// distinct locations `ring` around it (its neighbours, its outbox),
    /// some perhaps outside the frame: both differences read the other
    /// operand only for its size and membership.
    pub(super) fn minus_rect_and(&self, ul: Loc, lr: Loc, ring: &[Loc]) -> GridSet {
        self.difference_ids(&rect_ids(ul, lr)).difference_locs(ring)
    }

    /// `(s - backdrop(bd)) - outbox(bd)` for the rectangle `bd` from `ul`
    /// to `lr`: both differences read the other operand only for its size
    /// and membership, which the rectangle and its ring answer.
    pub(super) fn minus_rect_and_outbox(&self, ul: Loc, lr: Loc) -> GridSet {
        let inner = ((lr.0 - ul.0 + 1) * (lr.1 - ul.1 + 1)) as usize;
        let (oul, olr) = ((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1));
        let ring = outline_cells(oul, olr).len();
        self.difference_where(inner, |id| in_rect(gloc(id), ul, lr))
            .difference_where(ring, |id| {
                let l = gloc(id);
                in_rect(l, oul, olr) && !in_rect(l, ul, lr)
            })
    }
}

impl GridSet {
    /// `set_merge(self, other)` ([`GridSet::merge`]) for a set `other` of
    /// location numbers given as its 8-slot table (`used` elements, no
    /// dummies), not built as a `GridSet`.
    fn merge_small(&mut self, other: &[u16; 8], used: usize) {
        if used == 0 {
            return;
        }
        if (self.fill + used) * 5 >= self.mask * 3 {
            self.resize((self.used + used) * 2);
        }
        if self.fill == 0 {
            if self.mask == 7 {
                self.slots.copy_from_slice(other);
            } else {
                for &id in other.iter().filter(|&&s| s < GID_DUMMY) {
                    self.insert_clean(id);
                }
            }
            self.fill = used;
            self.used = used;
            return;
        }
        for &id in other.iter().filter(|&&s| s < GID_DUMMY) {
            self.add(id);
        }
    }
}

/// `hash((v, (i, j)))` for every [`gid`] and color `v` from 0 to 9: the
/// cells of a univalued object as numbered elements of a [`GridSet`].
fn gid_cell_hashes(v: usize) -> &'static [i64] {
    static HASHES: std::sync::OnceLock<Vec<Vec<i64>>> = std::sync::OnceLock::new();
    &HASHES.get_or_init(|| {
        (0..10i64)
            .map(|v| {
                (0..GRID_SIDE * GRID_SIDE)
                    .map(|k| pycompat::PyHashable::py_hash(&(v, gloc(k as u16))))
                    .collect()
            })
            .collect()
    })[v]
}

/// `toindices` of the object `objects(grid, True, False, False)` finds
/// from its first cell `loc` (as [`flood_object_exact`], with `occupied` as
/// there), on location numbers: `obj`, `cands`, each neighbourhood and
/// their union are CPython's tables over [`gid`] numbers (`obj`'s cells, of
/// one color, hashed as cells), so no tuple is hashed or entry allocated.
/// The object's own order is that of `frozenset(obj)`, which `toindices`
/// adds in. Grids of other colors or sizes take `flood_object_exact`.
pub(super) fn flood_indices_exact4(
    grid: &Grid,
    loc: Loc,
    occupied: &mut [bool],
    occupied_len: &mut usize,
) -> GridSet {
    let (h, w) = dsl::shape_grid(grid);
    let at = |(i, j): Loc| grid[i as usize][j as usize];
    let val = at(loc);
    if !(0..10).contains(&val) || h > GRID_SIDE - 2 * GRID_MARGIN || w > GRID_SIDE - 2 * GRID_MARGIN
    {
        let obj = flood_object_exact(grid, loc, (true, false, None), occupied, occupied_len);
        return GridSet::from_distinct(obj.iter().map(|c| gid(c.1)));
    }
    let slot = |(i, j): Loc| (i * w + j) as usize;
    // `dneighbors(l)`'s own order, read from the DSL's frozenset once per
    // location and thread.
    thread_local! {
        static ORDERS: std::cell::RefCell<Vec<Option<[u16; 4]>>> =
            std::cell::RefCell::new(vec![None; (GRID_SIDE * GRID_SIDE) as usize]);
    }
    let mut obj = GridSet::new();
    obj.hashes = gid_cell_hashes(val as usize);
    obj.add(gid(loc));
    let mut cands = GridSet::from_distinct([gid(loc)]);
    ORDERS.with(|orders| {
        let mut orders = orders.borrow_mut();
        while cands.len() > 0 {
            let mut neighborhood = GridSet::new();
            for id in cands.iter() {
                let cand = gloc(id);
                if at(cand) != val {
                    continue;
                }
                obj.add(id);
                if !occupied[slot(cand)] {
                    occupied[slot(cand)] = true;
                    *occupied_len += 1;
                }
                // `neighborhood |= {(i, j) for i, j in dneighbors(cand) if
                // inside}`: a set of distinct locations, merged.
                let order = orders[id as usize].get_or_insert_with(|| {
                    let mut order = [0; 4];
                    for (o, &l) in order.iter_mut().zip(dsl::dneighbors(cand).iter()) {
                        *o = gid(l);
                    }
                    order
                });
                // The comprehension's table: at most four clean inserts in
                // the 8-slot table (no resize), kept on the stack.
                let mut small = [GID_EMPTY; 8];
                let mut used = 0;
                for &n in order.iter() {
                    let (i, j) = gloc(n);
                    if 0 <= i && i < h && 0 <= j && j < w {
                        insert_clean_id(&mut small, 7, gid_hashes(), n);
                        used += 1;
                    }
                }
                neighborhood.merge_small(&small, used);
            }
            cands = neighborhood.difference_where(*occupied_len, |n| occupied[slot(gloc(n))]);
        }
    });
    // `frozenset(obj)` (`set_merge` into an empty table, on the cells'
    // hashes), then `toindices` adds its locations in its order.
    let mut frozen = GridSet::new();
    frozen.hashes = obj.hashes;
    frozen.merge(&obj);
    GridSet::from_distinct(frozen.iter())
}

/// The numbers ([`gid`]) of the rectangle from `ul` to `lr`, row by row.
pub(super) fn rect_ids((si, sj): Loc, (ei, ej): Loc) -> Vec<u16> {
    let mut out = Vec::with_capacity(((ei - si + 1) * (ej - sj + 1)).max(0) as usize);
    for i in si..=ei {
        out.extend((sj..=ej).map(|j| gid((i, j))));
    }
    out
}

/// The columns `0..n` as a mask (none for `n <= 0`).
pub(super) fn low_bits(n: i64) -> u64 {
    match n {
        ..=0 => 0,
        64.. => u64::MAX,
        _ => (1 << n) - 1,
    }
}

/// The membership of a set of locations of a grid of at most 64 columns
/// (placement loops' `inds`), one bit mask per row. Loops that draw a
/// corner from `sfilter(inds, ...)` and then test whether a box there is
/// a subset of `inds` read `inds`' order only for the draw: when no
/// candidate's box lies in `inds` the test fails whichever is drawn, so
/// the draw only takes `len(cands)`, which these masks count.
#[derive(Clone)]
pub(super) struct RowBits {
    rows: Vec<u64>,
}

impl RowBits {
    /// Every location of an `h` by `w` grid.
    pub(super) fn full((h, w): Loc) -> Self {
        RowBits {
            rows: vec![low_bits(w); h.max(0) as usize],
        }
    }

    /// The locations for which `keep` holds, of an `h` by `w` grid.
    pub(super) fn full_where((h, w): Loc, keep: impl Fn(Loc) -> bool) -> Self {
        let row = |i: i64| (0..w).filter(|&j| keep((i, j))).fold(0, |m, j| m | 1 << j);
        RowBits {
            rows: (0..h).map(row).collect(),
        }
    }

    /// Whether `(i, j)` is in the set.
    pub(super) fn contains(&self, (i, j): Loc) -> bool {
        let row = usize::try_from(i).ok().and_then(|i| self.rows.get(i));
        (0..64).contains(&j) && row.is_some_and(|r| r >> j & 1 != 0)
    }

    /// The number of locations.
    pub(super) fn len(&self) -> usize {
        self.rows.iter().map(|r| r.count_ones() as usize).sum()
    }

    /// Drops the rectangle from `ul` to `lr` (clipped to the grid).
    pub(super) fn clear_rect(&mut self, (si, sj): Loc, (ei, ej): Loc) {
        let cols = low_bits(ej + 1) & !low_bits(sj);
        let rows = self.rows.len() as i64;
        for i in si.max(0)..=ei.min(rows - 1) {
            self.rows[i as usize] &= !cols;
        }
    }

    /// The number of locations `(i, j)` with `i` in `rows` and `j` in `cols`.
    pub(super) fn count_in(&self, rows: std::ops::RangeInclusive<i64>, cols: u64) -> usize {
        self.rows_in(rows)
            .iter()
            .map(|r| (r & cols).count_ones() as usize)
            .sum()
    }

    /// The rows numbered in `rows` (clipped to the grid).
    fn rows_in(&self, rows: std::ops::RangeInclusive<i64>) -> &[u64] {
        clip_rows(&self.rows, rows)
    }

    /// Whether the `oh` by `ow` box at `ul` lies in the set.
    pub(super) fn rect_in(&self, (i, j): Loc, (oh, ow): Loc) -> bool {
        let rows = self.rows.len() as i64;
        if i < 0 || j < 0 || i + oh > rows || j + ow > 64 {
            return false;
        }
        let cols = low_bits(j + ow) & !low_bits(j);
        self.rows[i as usize..(i + oh) as usize]
            .iter()
            .all(|r| r & cols == cols)
    }

    /// Whether an `oh` by `ow` box (both at least 1) lies in the set with
    /// its corner `(i, j)` at `i` in `rows` and `j` in `cols`.
    pub(super) fn rect_fits(
        &self,
        (oh, ow): Loc,
        rows: std::ops::RangeInclusive<i64>,
        cols: u64,
    ) -> bool {
        let (oh, ow) = (oh.max(1) as usize, ow.max(1) as usize);
        if oh > self.rows.len() || ow > 64 {
            return false;
        }
        // Bit j of a row: columns j..j + ow all in; then over oh rows.
        let mut m: Vec<u64> = self
            .rows
            .iter()
            .map(|&r| {
                let (mut m, mut cover) = (r, 1);
                while cover < ow {
                    let s = cover.min(ow - cover);
                    m &= m >> s;
                    cover += s;
                }
                m
            })
            .collect();
        let mut cover = 1;
        while cover < oh {
            let s = cover.min(oh - cover);
            for k in 0..m.len() - s {
                m[k] &= m[k + s];
            }
            m.truncate(m.len() - s);
            cover += s;
        }
        clip_rows(&m, rows).iter().any(|r| r & cols != 0)
    }
}

/// `rows[range]`, clipped to the rows there are.
fn clip_rows(rows: &[u64], range: std::ops::RangeInclusive<i64>) -> &[u64] {
    let n = rows.len() as i64;
    let (lo, hi) = ((*range.start()).clamp(0, n), (*range.end() + 1).clamp(0, n));
    &rows[lo as usize..hi.max(lo) as usize]
}

/// `shp.add(rng.choice(totuple((pool - shp) & mapply(near, shp))))` on
/// location numbers ([`GridSet`]); `Ok(false)` (nothing added, no draw)
/// when `stop_if_empty` and there is no candidate, else the empty choice's
/// error. `pool - shp` reads `shp` for its size and elements; the
/// intersection walks the smaller operand: `pool - shp` (its order, kept
/// exactly) when the mapply is larger, which is then read for membership
/// alone, else the mapply's own table, built as CPython builds it.
pub(super) fn grow_grid(
    rng: &mut GenRng,
    pool: &GridSet,
    shp: &mut GridSet,
    near: fn(Loc) -> Indices,
    stop_if_empty: bool,
) -> Result<bool> {
    let ids: Vec<u16> = shp.iter().collect();
    // `len(pool - shp)`, without building it: only the mapply's walk below
    // reads its order.
    let rest_len = pool.len() - ids.iter().filter(|&&id| pool.contains(id)).count();
    let around = Around::new(ids.iter().map(|&id| gloc(id)), near);
    let cands: Vec<u16> = if around.len() > rest_len {
        let rest = pool.difference_ids(&ids);
        rest.filtered_order(|id| around.contains(&gloc(id)))
    } else {
        // Only membership in `pool - shp` is read here.
        let in_rest = |(i, j): Loc| in_grid_set(pool, (i, j)) && !in_grid_set(shp, (i, j));
        // `apply` over a set builds a set of frozensets, `merge` a set of
        // their elements, in that order.
        let applied: PySet<Indices> = ids.iter().map(|&id| near(gloc(id))).collect();
        let merged: PySet<Loc> = applied.iter().flat_map(|c| c.iter().copied()).collect();
        GridSet::from_distinct(merged.iter().filter(|&&l| in_rest(l)).map(|&l| gid(l)))
            .iter()
            .collect()
    };
    if cands.is_empty() && stop_if_empty {
        return Ok(false);
    }
    shp.add(rng.choice(&cands)?);
    Ok(true)
}

/// `id % GRID_SIDE` for every [`gid`], so the column test of
/// [`GridSet::fit_order`] is one load.
static GID_COLS: [u8; (GRID_SIDE * GRID_SIDE) as usize] = {
    let mut cols = [0u8; (GRID_SIDE * GRID_SIDE) as usize];
    let mut id = 0;
    while id < cols.len() {
        cols[id] = (id % GRID_SIDE as usize) as u8;
        id += 1;
    }
    cols
};

impl GridSet {
    /// The order of `frozenset(ij for ij in s if ij[0] <= max_i and ij[1]
    /// <= max_j)` ([`FitsIn`]'s placement filter), as
    /// [`GridSet::filtered_order`] with that test, but the row test is `id
    /// < (max_i + GRID_MARGIN + 1) * GRID_SIDE` on the raw slots, which
    /// also passes over empty slots and dummies (numbered above any
    /// location) in the same comparison, and the column test a table
    /// look-up ([`GID_COLS`]).
    pub(super) fn fit_order(&self, max_i: i64, max_j: i64) -> Vec<u16> {
        let row_end = ((max_i + GRID_MARGIN + 1) * GRID_SIDE).clamp(0, GRID_SIDE * GRID_SIDE);
        let (row_end, col_max) = (row_end as u16, max_j + GRID_MARGIN);
        // `sfilter` builds a new set of distinct locations: `from_distinct`.
        let t = Self::from_distinct(
            self.slots
                .iter()
                .copied()
                .filter(|&id| id < row_end && i64::from(GID_COLS[usize::from(id)]) <= col_max),
        );
        let mut out = Vec::with_capacity(t.used);
        out.extend(t.iter());
        out
    }
}

// CPython tables of pairwise unequal elements known by their hashes (the
// objects of `objects`, lines, dots): as [`added_order`] and
// [`set_frozen_order`], and `a | b` of two such frozensets, without a
// generic set.
// With no equal element ever met and no dummy ever made (nothing is
// discarded), every add stores in the first empty slot on its probe path,
// which is `set_insert_clean`'s, and the tables resize as CPython's do.

/// An empty slot of a [`DistinctTable`].
const NO_SLOT: u32 = <u32 as SlotId>::EMPTY;

/// CPython's table of pairwise unequal elements, as slots holding each
/// element's index into a slice of hashes.
pub(super) struct DistinctTable {
    slots: Vec<u32>,
    used: usize,
}

impl DistinctTable {
    /// An empty set (an 8-slot table).
    fn new() -> Self {
        DistinctTable {
            slots: vec![NO_SLOT; 8],
            used: 0,
        }
    }

    /// `set(xs)` / `frozenset(xs)` of the elements `ks`, added in this order.
    pub(super) fn added(hashes: &[i64], ks: impl IntoIterator<Item = u32>) -> Self {
        let mut t = Self::new();
        for k in ks {
            t.add(hashes, k);
        }
        t
    }

    /// `set_insert_clean` of element `k` (no equal element, no dummy).
    fn insert(slots: &mut [u32], hashes: &[i64], k: u32) {
        insert_clean_id(slots, slots.len() - 1, hashes, k);
    }

    /// `set_add_entry` of an element unequal to every member: stored, then
    /// a resize once 60% of the slots are filled.
    fn add(&mut self, hashes: &[i64], k: u32) {
        Self::insert(&mut self.slots, hashes, k);
        self.used += 1;
        if self.used * 5 >= (self.slots.len() - 1) * 3 {
            let used = self.used;
            self.resize(hashes, if used > 50_000 { used * 2 } else { used * 4 });
        }
    }

    /// `set_table_resize`: the smallest power of two (at least 8) above
    /// `minused`, filled in old-table order (an 8-slot table staying at 8
    /// slots is left alone: it has no dummies).
    fn resize(&mut self, hashes: &[i64], minused: usize) {
        let mut size = 8;
        while size <= minused {
            size <<= 1;
        }
        if size == 8 && self.slots.len() == 8 {
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![NO_SLOT; size]);
        for k in old.into_iter().filter(|&k| k != NO_SLOT) {
            Self::insert(&mut self.slots, hashes, k);
        }
    }

    /// `set_merge(self, other)` with no element of `other` equal to one of
    /// `self`: one resize up front, then a slot-for-slot copy into an empty
    /// table of the same size, clean inserts into another empty one, or
    /// adds.
    fn merge(&mut self, hashes: &[i64], other: &DistinctTable) {
        if other.used == 0 {
            return;
        }
        if (self.used + other.used) * 5 >= (self.slots.len() - 1) * 3 {
            self.resize(hashes, (self.used + other.used) * 2);
        }
        let members = other.slots.iter().copied().filter(|&k| k != NO_SLOT);
        if self.used == 0 {
            if self.slots.len() == other.slots.len() {
                self.slots.copy_from_slice(&other.slots);
            } else {
                for k in members {
                    Self::insert(&mut self.slots, hashes, k);
                }
            }
            self.used = other.used;
            return;
        }
        for k in members {
            self.add(hashes, k);
        }
    }

    /// `frozenset(s)` / `set(s)` / `s.copy()`: merged into an empty set.
    pub(super) fn copy(&self, hashes: &[i64]) -> Self {
        let mut t = Self::new();
        t.merge(hashes, self);
        t
    }

    /// `a | b`: a copy of `a`, `b` merged in.
    pub(super) fn union(&self, hashes: &[i64], other: &DistinctTable) -> Self {
        let mut t = self.copy(hashes);
        t.merge(hashes, other);
        t
    }

    /// The members' indices in iteration order.
    pub(super) fn order(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.used);
        out.extend(
            self.slots
                .iter()
                .filter(|&&k| k != NO_SLOT)
                .map(|&k| k as usize),
        );
        out
    }
}

/// The iteration order of `a | b` for frozensets `a` and `b` of pairwise
/// unequal elements (unequal across the two as well), each built by adding
/// elements with these hashes in this order: indices into `a_hashes`, then
/// `a_hashes.len()` plus indices into `b_hashes`.
pub(super) fn union_added_order(a_hashes: &[i64], b_hashes: &[i64]) -> Vec<usize> {
    let n = a_hashes.len() as u32;
    let hashes: Vec<i64> = a_hashes.iter().chain(b_hashes).copied().collect();
    let a = DistinctTable::added(&hashes, 0..n);
    let b = DistinctTable::added(&hashes, n..hashes.len() as u32);
    a.union(&hashes, &b).order()
}

/// [`GridSet`] and [`IdSet`] are CPython's set table again, over numbers:
/// proven here against `pycompat`'s `PySet` (itself replayed against
/// CPython by `scripts/vectors/pyset_vectors.py`) on random sequences of
/// the operations the generators use, comparing the iteration order after
/// each one.
/// A set of at most 100 pairwise distinct [`id10`] numbers filled by adds of
/// new elements only (no dummies), as CPython lays out its table: each add
/// is `set_insert_clean`'s first empty slot on the element's probe path,
/// with `set_add_entry`'s resizes (the old table reinserted in its slot
/// order). On the stack: [`box8_meet_ids`] builds three per growth step
/// and reads each once.
pub(super) struct CleanIds {
    slots: [u8; ID_SLOTS],
    mask: usize,
    used: usize,
}

impl CleanIds {
    /// `set()`.
    pub(super) fn new() -> Self {
        CleanIds {
            slots: [ID_EMPTY; ID_SLOTS],
            mask: 7,
            used: 0,
        }
    }

    /// `s.add(id)` for an `id` not in `s`.
    #[inline(always)]
    pub(super) fn insert(&mut self, hashes: &[i64; 100], id: u8) {
        insert_clean_id(&mut self.slots, self.mask, hashes, id);
        self.used += 1;
        if self.used * 5 >= self.mask * 3 {
            // Below 77 elements the old table has at most 128 slots; the
            // slots past it were never written, so the first 128 are copied
            // and cleared whatever its size (fixed-size moves, no calls).
            let size = table_size(self.used * 4);
            assert!(size <= ID_SLOTS, "more than 100 box ids");
            let n = self.mask + 1;
            let mut old = [ID_EMPTY; ID_SLOTS / 4];
            old.copy_from_slice(&self.slots[..ID_SLOTS / 4]);
            self.slots[..ID_SLOTS / 4].fill(ID_EMPTY);
            self.mask = size - 1;
            for &o in old[..n].iter().filter(|&&o| o != ID_EMPTY) {
                insert_clean_id(&mut self.slots, self.mask, hashes, o);
            }
        }
    }

    /// `set(ids)` of pairwise distinct ids, added in this order.
    pub(super) fn from_distinct(hashes: &[i64; 100], ids: impl IntoIterator<Item = u8>) -> Self {
        let mut s = Self::new();
        for id in ids {
            s.insert(hashes, id);
        }
        s
    }

    /// `len(s)`.
    pub(super) fn len(&self) -> usize {
        self.used
    }

    /// `iter(s)`: the table's order.
    pub(super) fn iter(&self) -> impl Iterator<Item = u8> + '_ {
        self.slots[..=self.mask]
            .iter()
            .copied()
            .filter(|&s| s != ID_EMPTY)
    }

    /// `tuple(s)`, on the stack.
    pub(super) fn order(&self) -> IdOrder {
        let mut out = IdOrder {
            ids: [0; 100],
            len: 0,
        };
        for id in self.iter() {
            out.ids[out.len] = id;
            out.len += 1;
        }
        out
    }
}

impl GridSet {
    /// `self | other` for a set `other` of `other_used` elements all in
    /// `self` (a shift by `(0, 0)`, say): a copy of `self`, then
    /// `set_merge`'s up-front resize, after which every add finds its
    /// element already there and changes nothing, so `other` is not built.
    pub(super) fn union_with_same(&self, other_used: usize) -> GridSet {
        let mut t = self.copy();
        if other_used > 0 && (t.fill + other_used) * 5 >= t.mask * 3 {
            t.resize((t.used + other_used) * 2);
        }
        t
    }
}

#[cfg(test)]
mod id_set_tests {
    use super::*;
    use dataset_core::Random;
    use pycompat::PyFrozenSet;

    fn locs_of(rng: &mut Random, n: usize, span: (i64, i64)) -> Vec<Loc> {
        let (lo, hi) = span;
        (0..n)
            .map(|_| (rng.randint(lo, hi).unwrap(), rng.randint(lo, hi).unwrap()))
            .collect()
    }

    fn grid_order(s: &GridSet) -> Vec<Loc> {
        s.iter().map(gloc).collect()
    }

    fn py_order(s: &PySet<Loc>) -> Vec<Loc> {
        s.iter().copied().collect()
    }

    #[test]
    fn grid_set_orders_are_cpythons() {
        // The frame: -2..=31 in both coordinates.
        let frame = (-GRID_MARGIN, GRID_SIDE - GRID_MARGIN - 1);
        for seed in 0..400 {
            let mut rng = Random::new(seed);
            let n = rng.randint(0, 600).unwrap() as usize;
            let start = locs_of(&mut rng, n, frame);
            let mut g = GridSet::from_adds(start.iter().map(|&l| gid(l)));
            let mut p: PySet<Loc> = start.iter().copied().collect();
            assert_eq!(grid_order(&g), py_order(&p), "seed {seed}: from_adds");
            for step in 0..30 {
                let op = rng.randint(0, 5).unwrap();
                match op {
                    0 => {
                        for l in locs_of(&mut rng, 5, frame) {
                            g.add(gid(l));
                            p.add(l);
                        }
                    }
                    1 | 2 => {
                        // `s - other`, other a set of distinct locations,
                        // small or large against `s`.
                        let k = if op == 1 { 3 } else { p.len() / 2 + 1 };
                        let other: PyFrozenSet<Loc> =
                            locs_of(&mut rng, k, frame).into_iter().collect();
                        let ids: Vec<u16> = other.iter().map(|&l| gid(l)).collect();
                        g = g.difference_ids(&ids);
                        p = p.difference(&other);
                    }
                    3 => {
                        // Some of `other` outside the frame (counted in its
                        // length, never in the set).
                        let other: PyFrozenSet<Loc> =
                            locs_of(&mut rng, 6, (-4, 34)).into_iter().collect();
                        g = g.difference_locs(&other.to_vec());
                        p = p.difference(&other);
                    }
                    4 => {
                        let other: PyFrozenSet<Loc> =
                            locs_of(&mut rng, 4, frame).into_iter().collect();
                        let ids: Vec<u16> = other.iter().map(|&l| gid(l)).collect();
                        g = g.difference_where(ids.len(), |id| ids.contains(&id));
                        p = p.difference(&other);
                    }
                    _ => {
                        let m = rng.randint(2, 5).unwrap();
                        g = g.filter(|id| gloc(id).0 % m != 0);
                        p = p.filter(|l| l.0 % m != 0);
                    }
                }
                assert_eq!(g.len(), p.len(), "seed {seed} step {step} op {op}");
                assert_eq!(
                    grid_order(&g),
                    py_order(&p),
                    "seed {seed} step {step} op {op}"
                );
            }
        }
        for (h, w) in [(1, 1), (3, 7), (10, 10), (30, 30), (17, 29)] {
            let py = dsl::asindices(&dsl::canvas(0, (h, w)));
            let order: Vec<Loc> = py.iter().copied().collect();
            assert_eq!(
                grid_order(&GridSet::asindices((h, w))),
                order,
                "asindices {h}x{w}"
            );
        }
    }

    #[test]
    fn id_set_orders_are_cpythons() {
        // The 8 by 8 box and its one-cell margin: -1..=8.
        let hashes = loc10_hashes();
        for seed in 0..400 {
            let mut rng = Random::new(seed);
            let n = rng.randint(0, 100).unwrap() as usize;
            let start = locs_of(&mut rng, n, (-1, 8));
            let mut g = IdSet::from_adds(hashes, start.iter().map(|&l| id10(l)));
            let mut p: PySet<Loc> = start.iter().copied().collect();
            let order = |g: &IdSet| g.iter().map(loc10).collect::<Vec<_>>();
            assert_eq!(order(&g), py_order(&p), "seed {seed}: from_adds");
            for step in 0..20 {
                if rng.randint(0, 1).unwrap() == 0 {
                    for l in locs_of(&mut rng, 3, (-1, 8)) {
                        g.add(id10(l));
                        p.add(l);
                    }
                } else {
                    let k = if rng.randint(0, 1).unwrap() == 0 {
                        2
                    } else {
                        p.len() / 2 + 1
                    };
                    let other: PyFrozenSet<Loc> =
                        locs_of(&mut rng, k, (-1, 8)).into_iter().collect();
                    let ids: Vec<u8> = other.iter().map(|&l| id10(l)).collect();
                    g = g.difference_where(ids.len(), |id| ids.contains(&id));
                    p = p.difference(&other);
                }
                assert_eq!(g.len(), p.len(), "seed {seed} step {step}");
                assert_eq!(order(&g), py_order(&p), "seed {seed} step {step}");
            }
        }
    }

    /// An element of a set standing for one of several pairwise unequal
    /// Python objects: equal only to itself, hashing as the object does.
    #[derive(Clone, PartialEq)]
    struct Distinct {
        idx: usize,
        hash: i64,
    }

    impl pycompat::PyHashable for Distinct {
        fn py_hash(&self) -> i64 {
            self.hash
        }
    }

    fn distinct(hashes: &[i64], from: usize) -> impl Iterator<Item = Distinct> + '_ {
        hashes.iter().enumerate().map(move |(k, &hash)| Distinct {
            idx: from + k,
            hash,
        })
    }

    /// `DistinctTable`'s orders (`added_order`, `set_frozen_order`,
    /// `union_added_order`) are `PySet`'s over the same elements, with
    /// colliding hashes and sizes across several resizes.
    #[test]
    fn distinct_table_orders_are_cpythons() {
        for seed in 0..300 {
            let mut rng = Random::new(seed);
            let n = rng.randint(0, 200).unwrap() as usize;
            let m = rng.randint(0, 60).unwrap() as usize;
            // Few distinct hashes for some seeds: many collisions.
            let span = if seed % 3 == 0 { 7 } else { i64::MAX / 2 };
            let mut hash = || rng.randint(-span, span).unwrap();
            let a: Vec<i64> = (0..n).map(|_| hash()).collect();
            let b: Vec<i64> = (0..m).map(|_| hash()).collect();
            let frozen: PyFrozenSet<Distinct> = distinct(&a, 0).collect();
            let order = |s: &PyFrozenSet<Distinct>| s.iter().map(|d| d.idx).collect::<Vec<_>>();
            assert_eq!(added_order(&a), order(&frozen), "seed {seed}: added");
            let set: PySet<Distinct> = distinct(&a, 0).collect();
            assert_eq!(
                set_frozen_order(&a),
                order(&set.freeze()),
                "seed {seed}: frozen"
            );
            let other: PyFrozenSet<Distinct> = distinct(&b, n).collect();
            assert_eq!(
                union_added_order(&a, &b),
                order(&(&frozen | &other)),
                "seed {seed}: union"
            );
        }
    }

    /// `fit_order` (the placement filter on raw slots) is `filtered_order`
    /// with the same test, on sets with dummies too.
    #[test]
    fn fit_order_is_the_filtered_order() {
        let frame = (-GRID_MARGIN, GRID_SIDE - GRID_MARGIN - 1);
        for seed in 0..200 {
            let mut rng = Random::new(seed);
            let n = rng.randint(0, 700).unwrap() as usize;
            let mut g = GridSet::from_adds(locs_of(&mut rng, n, frame).into_iter().map(gid));
            if seed % 2 == 1 {
                let k = rng.randint(1, 40).unwrap() as usize;
                let ids: Vec<u16> = locs_of(&mut rng, k, frame).into_iter().map(gid).collect();
                let mut seen = std::collections::HashSet::new();
                let ids: Vec<u16> = ids.into_iter().filter(|&id| seen.insert(id)).collect();
                g = g.difference_ids(&ids);
            }
            for _ in 0..5 {
                let (max_i, max_j) = (rng.randint(-3, 33).unwrap(), rng.randint(-3, 33).unwrap());
                let want = g.filtered_order(|id| {
                    let (i, j) = gloc(id);
                    i <= max_i && j <= max_j
                });
                assert_eq!(
                    g.fit_order(max_i, max_j),
                    want,
                    "seed {seed}: {max_i} {max_j}"
                );
            }
        }
    }
}
