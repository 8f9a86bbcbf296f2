//! rearc generators TASK_IDS[263..400], each named `generate_<task id>` as
//! in `rearc_utils/generators.py` (being ported, in task-id order).

use dataset_core::{DatasetError, Result};
use pycompat::{AnySet, PyFrozenSet, PySet};

use super::common::*;
use super::{unifint, Example, GenRng, Generator};
use crate::rearc::dsl::{self, Grid, Indices, Loc, Object, Patch};

/// This part's ported generators, in task-id order.
pub(super) const PORTED: &[(&str, Generator)] = &[
    ("a8c38be5", generate_a8c38be5),
    ("a8d7556c", generate_a8d7556c),
    ("a9f96cdd", generate_a9f96cdd),
    ("aabf363d", generate_aabf363d),
    ("aba27056", generate_aba27056),
    ("ac0a08a4", generate_ac0a08a4),
    ("ae3edfdc", generate_ae3edfdc),
    ("ae4f1146", generate_ae4f1146),
    ("aedd82e4", generate_aedd82e4),
    ("af902bf9", generate_af902bf9),
    ("b0c4d837", generate_b0c4d837),
    ("b190f7f5", generate_b190f7f5),
    ("b1948b0a", generate_b1948b0a),
    ("b230c067", generate_b230c067),
    ("b27ca6d3", generate_b27ca6d3),
    ("b2862040", generate_b2862040),
    ("b527c5c6", generate_b527c5c6),
    ("b548a754", generate_b548a754),
    ("b60334d2", generate_b60334d2),
    ("b6afb2da", generate_b6afb2da),
    ("b7249182", generate_b7249182),
    ("b775ac94", generate_b775ac94),
    ("b782dc8a", generate_b782dc8a),
    ("b8825c91", generate_b8825c91),
    ("b8cdaf2b", generate_b8cdaf2b),
    ("b91ae062", generate_b91ae062),
    ("b94a9452", generate_b94a9452),
    ("b9b7f026", generate_b9b7f026),
    ("ba26e723", generate_ba26e723),
    ("ba97ae07", generate_ba97ae07),
    ("bb43febb", generate_bb43febb),
    ("bbc9ae5d", generate_bbc9ae5d),
    ("bc1d5164", generate_bc1d5164),
    ("bd4472b8", generate_bd4472b8),
    ("bda2d7a6", generate_bda2d7a6),
    ("bdad9b1f", generate_bdad9b1f),
    ("be94b721", generate_be94b721),
    ("beb8660c", generate_beb8660c),
    ("c0f76784", generate_c0f76784),
    ("c1d99e64", generate_c1d99e64),
    ("c3e719e8", generate_c3e719e8),
    ("c3f564a4", generate_c3f564a4),
    ("c444b776", generate_c444b776),
    ("c59eb873", generate_c59eb873),
    ("c8cbb738", generate_c8cbb738),
    ("c8f0f002", generate_c8f0f002),
    ("c909285e", generate_c909285e),
    ("c9e6f938", generate_c9e6f938),
    ("c9f8e694", generate_c9f8e694),
    ("caa06a1f", generate_caa06a1f),
    ("cbded52d", generate_cbded52d),
    ("cce03e0d", generate_cce03e0d),
    ("cdecee7f", generate_cdecee7f),
    ("ce22a75a", generate_ce22a75a),
    ("ce4f8723", generate_ce4f8723),
    ("ce602527", generate_ce602527),
    ("ce9e57f2", generate_ce9e57f2),
    ("cf98881b", generate_cf98881b),
    ("d037b0a7", generate_d037b0a7),
    ("d06dbe63", generate_d06dbe63),
    ("d07ae81c", generate_d07ae81c),
    ("d0f5fe59", generate_d0f5fe59),
    ("d10ecb37", generate_d10ecb37),
    ("d13f3404", generate_d13f3404),
    ("d22278a0", generate_d22278a0),
    ("d23f8c26", generate_d23f8c26),
    ("d2abd087", generate_d2abd087),
    ("d364b489", generate_d364b489),
    ("d406998b", generate_d406998b),
    ("d43fd935", generate_d43fd935),
    ("d4469b4b", generate_d4469b4b),
    ("d4a91cb9", generate_d4a91cb9),
    ("d4f3cd78", generate_d4f3cd78),
    ("d511f180", generate_d511f180),
    ("d5d6de2d", generate_d5d6de2d),
    ("d631b094", generate_d631b094),
    ("d687bc17", generate_d687bc17),
    ("d6ad076f", generate_d6ad076f),
    ("d89b689b", generate_d89b689b),
    ("d8c310e9", generate_d8c310e9),
    ("d90796e8", generate_d90796e8),
    ("d9f24cd1", generate_d9f24cd1),
    ("d9fac9be", generate_d9fac9be),
    ("dae9d2b5", generate_dae9d2b5),
    ("db3e9e38", generate_db3e9e38),
    ("db93a21d", generate_db93a21d),
    ("dbc1a6ce", generate_dbc1a6ce),
    ("dc0a314f", generate_dc0a314f),
    ("dc1df850", generate_dc1df850),
    ("dc433765", generate_dc433765),
    ("ddf7fa4f", generate_ddf7fa4f),
    ("de1cd16c", generate_de1cd16c),
    ("ded97339", generate_ded97339),
    ("e179c5f4", generate_e179c5f4),
    ("e21d9049", generate_e21d9049),
    ("e26a3af2", generate_e26a3af2),
    ("e3497940", generate_e3497940),
    ("e40b9e2f", generate_e40b9e2f),
    ("e48d4e1a", generate_e48d4e1a),
    ("e5062a87", generate_e5062a87),
    ("e509e548", generate_e509e548),
    ("e50d258f", generate_e50d258f),
    ("e6721834", generate_e6721834),
    ("e73095fd", generate_e73095fd),
    ("e76a88a6", generate_e76a88a6),
    ("e8593010", generate_e8593010),
    ("e8dc4411", generate_e8dc4411),
    ("e9614598", generate_e9614598),
    ("e98196ab", generate_e98196ab),
    ("e9afcf9a", generate_e9afcf9a),
    ("ea32f347", generate_ea32f347),
    ("ea786f4a", generate_ea786f4a),
    ("eb281b96", generate_eb281b96),
    ("eb5a1d5d", generate_eb5a1d5d),
    ("ec883f72", generate_ec883f72),
    ("ecdecbb3", generate_ecdecbb3),
    ("ed36ccf7", generate_ed36ccf7),
    ("ef135b50", generate_ef135b50),
    ("f15e1fac", generate_f15e1fac),
    ("f1cefba8", generate_f1cefba8),
    ("f25fbde4", generate_f25fbde4),
    ("f25ffba3", generate_f25ffba3),
    ("f2829549", generate_f2829549),
    ("f35d900a", generate_f35d900a),
    ("f5b8619d", generate_f5b8619d),
    ("f76d97a5", generate_f76d97a5),
    ("f8a8fe49", generate_f8a8fe49),
    ("f8b3ba0a", generate_f8b3ba0a),
    ("f8c80d96", generate_f8c80d96),
    ("f8ff0b80", generate_f8ff0b80),
    ("f9012d9b", generate_f9012d9b),
    ("fafffa47", generate_fafffa47),
    ("fcb5c309", generate_fcb5c309),
    ("fcc82909", generate_fcc82909),
    ("feca6190", generate_feca6190),
    ("ff28f65a", generate_ff28f65a),
    ("ff805c23", generate_ff805c23),
];

/// Python raised (an `IndexError`, a `TypeError`, ...) where the generator
/// reached an impossible state; the port fails there too.
fn raised(what: &str) -> DatasetError {
    DatasetError::Generation(what.into())
}

/// `(identity, rot90, rot180, rot270)[k]`.
fn rotation(k: usize, grid: &Grid) -> Grid {
    match k {
        1 => dsl::rot90(grid),
        2 => dsl::rot180(grid),
        3 => dsl::rot270(grid),
        _ => grid.clone(),
    }
}

/// `rng.choice((identity, rot90, rot180, rot270))` applied to both grids.
fn random_rotation(rng: &mut GenRng, gi: &Grid, go: &Grid) -> Result<(Grid, Grid)> {
    let k = rng.choice(&[0usize, 1, 2, 3])?;
    Ok((rotation(k, gi), rotation(k, go)))
}

/// `for fn in rng.sample((identity, dmirror, cmirror, vmirror, hmirror,
/// rot90, rot180, rot270), rng.choice((1, 2)))`, applied to both grids.
fn random_transforms(rng: &mut GenRng, mut gi: Grid, mut go: Grid) -> Result<(Grid, Grid)> {
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0usize, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    Ok((gi, go))
}

/// The objects of `grid` as `objects` finds them on a canvas padded by 6
/// cells of `bgc` on every side, shifted back (`apply(rbind(shift, (-6,
/// -6)), objects(tmpc, ...))`), each object's own order included.
fn padded_objects(grid: &Grid, bgc: i64, diagonal: bool) -> dsl::Objects {
    let (h, w) = dsl::shape_grid(grid);
    // `paint(canvas(bgc, (h + 12, w + 12)), shift(asobject(grid), (6, 6)))`:
    // one cell per location, so the object's order cannot matter; copy the
    // rows in instead of building the object.
    let mut tmpc = dsl::canvas(bgc, (h + 12, w + 12));
    for (row, src) in tmpc[6..].iter_mut().zip(grid) {
        row[6..6 + src.len()].copy_from_slice(src);
    }
    let objs = dsl::objects(&tmpc, false, diagonal, true);
    dsl::apply(|o| o.shift((-6, -6)), &objs)
}

/// `apply(rbind(shift, (-6, -6)), objects(tmpc, False, diagonal, True))` for
/// `padded_objects`' canvas, each object as its shifted cells (in no
/// particular order) with `hash(shift(obj, (-6, -6)))`, in that frozenset's
/// order. For callers that read the set's order but no object's own: the
/// order comes from the objects' hashes alone (`objects`' set, its
/// frozenset copy, `apply`'s new frozenset), so no object's table is built.
fn padded_objects_listed(grid: &Grid, bgc: i64, diagonal: bool) -> Vec<(Vec<dsl::Cell>, i64)> {
    let (h, w) = dsl::shape_grid(grid);
    let mut tmpc = dsl::canvas(bgc, (h + 12, w + 12));
    for (row, src) in tmpc[6..].iter_mut().zip(grid) {
        row[6..6 + src.len()].copy_from_slice(src);
    }
    let found = objects_cells(&tmpc, false, diagonal, true);
    let hashes: Vec<i64> = found.iter().map(object_hash).collect();
    let mut objs: Vec<(Vec<dsl::Cell>, i64)> = Vec::with_capacity(found.len());
    let mut slots: Vec<Option<Vec<dsl::Cell>>> = found.into_iter().map(Some).collect();
    for k in set_frozen_order(&hashes) {
        let mut cells = slots[k].take().unwrap_or_default();
        for c in cells.iter_mut() {
            c.1 = (c.1 .0 - 6, c.1 .1 - 6);
        }
        let hash = object_hash(&cells);
        objs.push((cells, hash));
    }
    let shifted: Vec<i64> = objs.iter().map(|o| o.1).collect();
    let mut slots: Vec<Option<(Vec<dsl::Cell>, i64)>> = objs.into_iter().map(Some).collect();
    added_order(&shifted)
        .into_iter()
        .filter_map(|k| slots[k].take())
        .collect()
}

/// `(top, left, bottom, right)` of some cells, in one pass.
fn cell_bounds(cells: &[dsl::Cell]) -> (i64, i64, i64, i64) {
    let Some(&(_, (i0, j0))) = cells.first() else {
        return (0, 0, 0, 0);
    };
    let (mut t, mut l, mut b, mut r) = (i0, j0, i0, j0);
    for &(_, (i, j)) in &cells[1..] {
        (t, b) = (t.min(i), b.max(i));
        (l, r) = (l.min(j), r.max(j));
    }
    (t, l, b, r)
}

/// Whether the distinct cells `cells` are exactly `obj`'s.
fn same_cells(obj: &Object, cells: &[dsl::Cell]) -> bool {
    obj.len() == cells.len() && cells.iter().all(|c| obj.contains(c))
}

/// `hash((v, (i, j)))` of a cell, from a table of `hash((i, j))` for
/// 0 <= i, j < 48 computed once (the padded canvases of `a8c38be5` are at
/// most 42 cells wide).
fn cell_hash48(v: i64, (i, j): Loc) -> i64 {
    const SIDE: i64 = 48;
    static HASHES: std::sync::OnceLock<Vec<i64>> = std::sync::OnceLock::new();
    let table = HASHES.get_or_init(|| {
        (0..SIDE * SIDE)
            .map(|k| pycompat::PyHashable::py_hash(&(k / SIDE, k % SIDE)))
            .collect()
    });
    let loc = if (0..SIDE).contains(&i) && (0..SIDE).contains(&j) {
        table[(i * SIDE + j) as usize]
    } else {
        pycompat::PyHashable::py_hash(&(i, j))
    };
    pycompat::py_tuple_hash(&[pycompat::py_int_hash(v), loc])
}

/// `hash((v, (i, j)))` of a cell with a digit colour `v` and `0 <= i, j <
/// 48`, from a table of all of them computed once (the padded canvases of
/// `a8c38be5` are at most 42 cells wide).
fn digit_cell_hash48(v: u8, i: usize, j: usize) -> i64 {
    const SIDE: usize = 48;
    static HASHES: std::sync::OnceLock<Vec<i64>> = std::sync::OnceLock::new();
    let table = HASHES.get_or_init(|| {
        (0..10 * SIDE * SIDE)
            .map(|k| {
                let (v, l) = (k / (SIDE * SIDE), k % (SIDE * SIDE));
                cell_hash48(v as i64, ((l / SIDE) as i64, (l % SIDE) as i64))
            })
            .collect()
    });
    table[(v as usize * SIDE + i) * SIDE + j]
}

/// Each cell's place in `asindices`' order of an `h + 12` by `w + 12`
/// canvas, for its `h` by `w` middle (shifted back by 6), laid out as that
/// middle with a one-cell border (`(i + 1) * (w + 2) + j + 1`), memoised
/// per shape (a read-only table).
fn padded_ranks(h: usize, w: usize) -> std::rc::Rc<[u32]> {
    type Memo = Vec<((usize, usize), std::rc::Rc<[u32]>)>;
    thread_local! {
        static RANKS: std::cell::RefCell<Memo> = const { std::cell::RefCell::new(Vec::new()) };
    }
    RANKS.with(|memo| {
        if let Some((_, r)) = memo.borrow().iter().find(|(k, _)| *k == (h, w)) {
            return r.clone();
        }
        let stride = w + 2;
        let mut rank = vec![0u32; (h + 2) * stride];
        let (hi, wi) = (h as i64, w as i64);
        let order = dsl::asindices_order(hi + 12, wi + 12);
        for (r, &(i, j)) in order.iter().enumerate() {
            let (i, j) = (i - 6, j - 6);
            if (0..hi).contains(&i) && (0..wi).contains(&j) {
                rank[(i as usize + 1) * stride + j as usize + 1] = r as u32;
            }
        }
        let rank: std::rc::Rc<[u32]> = rank.into();
        memo.borrow_mut().push(((h, w), rank.clone()));
        rank
    })
}

/// An object [`PaddedObjects::listed`] found: its cells (a range of the
/// finder's buffer), `hash` of it shifted back, and its `(top, left,
/// bottom, right)`.
#[derive(Clone)]
struct PaddedObject {
    range: std::ops::Range<usize>,
    hash: i64,
    bounds: (i64, i64, i64, i64),
}

/// [`padded_objects_listed`] for one `h` by `w` grid shape and background,
/// without the padded canvas: the padding is all `bgc`, so as long as
/// `bgc` is the padded canvas' strict `mostcolor` the objects are the
/// components of the grid's other cells (the padding joins none), and
/// `objects` adds them by their first cell in the padded canvas'
/// `asindices` order, which is each component's least rank in that order.
/// The grid is copied into a buffer with a one-cell border of `bgc`, so
/// the flood needs no bounds tests; the objects' cells are kept back to
/// back in one buffer, reused by every call.
struct PaddedObjects {
    h: usize,
    w: usize,
    bgc: i64,
    /// `bgc` as a digit (10 when it is none: the fast path is not taken).
    bg: u8,
    /// The padding's cells, all `bgc`.
    pad: usize,
    /// Each cell's place in the padded `asindices` order (bordered layout).
    rank: std::rc::Rc<[u32]>,
    /// The grid's colours (digits only on the fast path), bordered layout:
    /// the border stays `bg`.
    flat: Vec<u8>,
    seen: Vec<bool>,
    stack: Vec<usize>,
    /// The last call's objects' cells, each object a range of it.
    cells: Vec<dsl::Cell>,
}

impl PaddedObjects {
    fn new(h: i64, w: i64, bgc: i64) -> Self {
        let (hu, wu) = (h.max(0) as usize, w.max(0) as usize);
        let bg = match u8::try_from(bgc) {
            Ok(b) if b < 10 => b,
            _ => 10,
        };
        let size = (hu + 2) * (wu + 2);
        PaddedObjects {
            h: hu,
            w: wu,
            bgc,
            bg,
            pad: (hu + 12) * (wu + 12) - hu * wu,
            rank: padded_ranks(hu, wu),
            flat: vec![bg; size],
            seen: vec![false; size],
            stack: Vec::with_capacity(64),
            cells: Vec::with_capacity(hu * wu),
        }
    }

    /// The cells of an object [`PaddedObjects::listed`] returned.
    fn object(&self, r: &std::ops::Range<usize>) -> &[dsl::Cell] {
        &self.cells[r.clone()]
    }

    /// `padded_objects_listed(grid, bgc, diagonal)` for a grid of this
    /// shape, each object as a range of [`PaddedObjects::object`] cells
    /// (valid until the next call) with the shifted object's hash and
    /// bounds.
    fn listed(&mut self, grid: &Grid, diagonal: bool) -> Vec<PaddedObject> {
        let (h, w, bg) = (self.h, self.w, self.bg);
        let stride = w + 2;
        let fits = grid.len() == h && grid.iter().all(|r| r.len() == w);
        // `mostcolor(tmpc)`: counted; a tie or another winner (the canvas'
        // set order would decide) takes the canvas path.
        let mut counts = [0usize; 10];
        let mut digits = fits;
        if fits {
            'rows: for (i, row) in grid.iter().enumerate() {
                let dst = &mut self.flat[(i + 1) * stride + 1..(i + 1) * stride + 1 + w];
                for (d, &v) in dst.iter_mut().zip(row) {
                    match u8::try_from(v) {
                        Ok(k) if k < 10 => {
                            counts[k as usize] += 1;
                            *d = k;
                        }
                        _ => {
                            digits = false;
                            break 'rows;
                        }
                    }
                }
            }
        }
        let bg_wins = digits && bg < 10 && {
            let n = counts[bg as usize] + self.pad;
            (0..10).all(|k| k == bg as usize || counts[k] < n)
        };
        self.cells.clear();
        if !bg_wins {
            return padded_objects_listed(grid, self.bgc, diagonal)
                .into_iter()
                .map(|(cells, hash)| {
                    let start = self.cells.len();
                    let bounds = cell_bounds(&cells);
                    self.cells.extend(cells);
                    PaddedObject {
                        range: start..self.cells.len(),
                        hash,
                        bounds,
                    }
                })
                .collect();
        }
        self.seen.iter_mut().for_each(|s| *s = false);
        let s = stride as isize;
        let near8 = [-s - 1, -s, -s + 1, -1, 1, s - 1, s, s + 1];
        let near4 = [-s, -1, 1, s];
        let offsets: &[isize] = if diagonal { &near8 } else { &near4 };
        // Each component: its range of cells (in grid coordinates), its
        // least rank, and the hashes of the object on the padded canvas and
        // shifted back.
        let mut found: Vec<(PaddedObject, u32, i64)> = Vec::with_capacity(32);
        for i in 1..=h {
            for start in i * stride + 1..i * stride + 1 + w {
                if self.seen[start] || self.flat[start] == bg {
                    continue;
                }
                self.seen[start] = true;
                self.stack.push(start);
                let first = self.cells.len();
                let mut least = u32::MAX;
                let (mut t, mut l, mut b, mut r) = (usize::MAX, usize::MAX, 0, 0);
                while let Some(p) = self.stack.pop() {
                    let (i, j) = (p / stride - 1, p % stride - 1);
                    self.cells.push((self.flat[p] as i64, (i as i64, j as i64)));
                    least = least.min(self.rank[p]);
                    (t, b) = (t.min(i), b.max(i));
                    (l, r) = (l.min(j), r.max(j));
                    for &d in offsets {
                        // The border is `bg`: never pushed, never passed.
                        let n = p.wrapping_add_signed(d);
                        if !self.seen[n] && self.flat[n] != bg {
                            self.seen[n] = true;
                            self.stack.push(n);
                        }
                    }
                }
                let mine = &self.cells[first..];
                let cell = |&(v, (i, j)): &dsl::Cell, d: usize| {
                    digit_cell_hash48(v as u8, i as usize + d, j as usize + d)
                };
                let padded = pycompat::frozenset_hash_of(mine.iter().map(|c| cell(c, 6)));
                let shifted = pycompat::frozenset_hash_of(mine.iter().map(|c| cell(c, 0)));
                let obj = PaddedObject {
                    range: first..self.cells.len(),
                    hash: shifted,
                    bounds: (t as i64, l as i64, b as i64, r as i64),
                };
                found.push((obj, least, padded));
            }
        }
        found.sort_unstable_by_key(|f| f.1);
        let hashes: Vec<i64> = found.iter().map(|f| f.2).collect();
        let objs: Vec<usize> = set_frozen_order(&hashes);
        let shifted: Vec<i64> = objs.iter().map(|&k| found[k].0.hash).collect();
        added_order(&shifted)
            .into_iter()
            .map(|k| found[objs[k]].0.clone())
            .collect()
    }
}

/// Where each row (or column) of `a8c38be5`'s input comes from: `d1`
/// background lines, the grid's lines up to `s1`, `d3` background lines,
/// its lines up to `s2`, `d2` background lines, the rest of its `n` lines
/// and `d4` background lines (the inserts at `s2`, then `s1`, then both
/// ends).
fn spread_lines(
    n: i64,
    (s1, s2): (i64, i64),
    (d1, d2, d3, d4): (i64, i64, i64, i64),
) -> Vec<Option<usize>> {
    let gap = |d: i64| std::iter::repeat_n(None, d.max(0) as usize);
    let lines = |a: i64, b: i64| (a.max(0)..b.min(n)).map(|k| Some(k as usize));
    gap(d1)
        .chain(lines(0, s1))
        .chain(gap(d3))
        .chain(lines(s1, s2))
        .chain(gap(d2))
        .chain(lines(s2, n))
        .chain(gap(d4))
        .collect()
}
fn generate_a8c38be5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let goh = unifint(rng, diff_lb, diff_ub, (9, 20));
    let gow = unifint(rng, diff_lb, diff_ub, (9, 20));
    let h = unifint(rng, diff_lb, diff_ub, (goh + 4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (gow + 4, 30));
    let bs = rng.sample(&cols, 2)?;
    let (bgc, sqc) = (bs[0], bs[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&sqc, &cols));
    let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numc)?;
    // One-colour fills of the border (`box(asindices(go))`) and of the four
    // frontiers: their sets' orders are unread.
    let mut go = dsl::canvas(sqc, (goh, gow));
    for (i, row) in go.iter_mut().enumerate() {
        if i == 0 || i as i64 == goh - 1 {
            row.iter_mut().for_each(|v| *v = bgc);
        } else {
            row[0] = bgc;
            row[gow as usize - 1] = bgc;
        }
    }
    let loci1 = rng.randint(2, goh - 7)?;
    let loci2 = rng.randint(loci1 + 4, goh - 3)?;
    let locj1 = rng.randint(2, gow - 7)?;
    let locj2 = rng.randint(locj1 + 4, gow - 3)?;
    for (i, row) in go.iter_mut().enumerate() {
        if i as i64 == loci1 || i as i64 == loci2 {
            row.iter_mut().for_each(|v| *v = sqc);
        } else {
            row[locj1 as usize] = sqc;
            row[locj2 as usize] = sqc;
        }
    }
    let gaps = [
        ((loci1 + loci2) / 2, 1),
        ((loci1 + loci2) / 2, gow - 2),
        (1, (locj1 + locj2) / 2),
        (goh - 2, (locj1 + locj2) / 2),
    ];
    fill_locs_in(&mut go, bgc, &gaps);
    // One color drawn per object, in the objects' order; the recolored
    // objects are disjoint, so painting them one by one is the merged paint
    // (and no object's own order matters, nor is any object built: the
    // objects' order comes from their hashes).
    let found = objects_cells(&go, true, false, true);
    let hashes: Vec<i64> = found.iter().map(object_hash).collect();
    for k in set_frozen_order(&hashes) {
        let c = rng.choice(&ccols)?;
        fill_locs_in(&mut go, c, found[k].iter().map(|(_, l)| l));
    }
    let hdelt = h - goh;
    let hdelt1 = rng.randint(1, hdelt - 3)?;
    let hdelt2 = rng.randint(1, hdelt - hdelt1 - 2)?;
    let hdelt3 = rng.randint(1, hdelt - hdelt1 - hdelt2 - 1)?;
    let hdelt4 = hdelt - hdelt1 - hdelt2 - hdelt3;
    let wdelt = w - gow;
    let wdelt1 = rng.randint(1, wdelt - 3)?;
    let wdelt2 = rng.randint(1, wdelt - wdelt1 - 2)?;
    let wdelt3 = rng.randint(1, wdelt - wdelt1 - wdelt2 - 1)?;
    let wdelt4 = wdelt - wdelt1 - wdelt2 - wdelt3;
    // The row inserts, then the same for the columns (between the two
    // `dmirror`s), as one map from each cell of `gi` to its source in `go`.
    let rows = spread_lines(goh, (loci1 + 1, loci2), (hdelt1, hdelt2, hdelt3, hdelt4));
    let cols = spread_lines(gow, (locj1 + 1, locj2), (wdelt1, wdelt2, wdelt3, wdelt4));
    let mut gi: Grid = rows
        .iter()
        .map(|r| match r {
            Some(i) => {
                let src = &go[*i];
                cols.iter().map(|c| c.map_or(bgc, |j| src[j])).collect()
            }
            None => vec![bgc; cols.len()],
        })
        .collect();
    let nswitcheroos = unifint(rng, diff_lb, diff_ub, (0, 10));
    // `gi[k:] + gi[:k]` rotates the rows; between two `dmirror`s, each row.
    if rng.choice(&[true, false])? {
        let k = (loci1 + hdelt1 + 1).clamp(0, gi.len() as i64) as usize;
        gi.rotate_left(k);
    }
    if rng.choice(&[true, false])? {
        for row in gi.iter_mut() {
            let k = (locj1 + wdelt1 + 1).clamp(0, row.len() as i64) as usize;
            row.rotate_left(k);
        }
    }
    // `gi` keeps its shape from here on: the padded objects share one
    // finder.
    let mut padded = PaddedObjects::new(h, w, bgc);
    for _ in 0..nswitcheroos {
        // The draws read only the objects' order and shapes; each object's
        // own order matters below only if `ap | bp` holds a location twice.
        let objs = padded.listed(&gi, true);
        // `mpr`: a dict from shape to objects, keys in first-seen order.
        let mut mpr: Vec<(Loc, Vec<&PaddedObject>)> = Vec::new();
        for obj in &objs {
            let (t, l, b, r) = obj.bounds;
            let shp = (b - t + 1, r - l + 1);
            match mpr.iter_mut().find(|(k, _)| *k == shp) {
                Some((_, v)) => v.push(obj),
                None => mpr.push((shp, vec![obj])),
            }
        }
        // `max([...])` of no values raises.
        let most = mpr.iter().map(|(_, v)| v.len()).max();
        match most {
            None => return Err(raised("max() arg is an empty sequence")),
            Some(1) => break,
            Some(_) => {}
        }
        let ress: Vec<&Vec<&PaddedObject>> = mpr
            .iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(_, v)| v)
            .collect();
        let abc = rng.choice(&ress)?;
        let ab = rng.sample(abc, 2)?;
        let ((at, al, _, _), (bt, bl, _, _)) = (ab[0].bounds, ab[1].bounds);
        let (a, b) = (padded.object(&ab[0].range), padded.object(&ab[1].range));
        // `shift(normalize(a), ulcorner(b))` and the other way round.
        let ap: Vec<dsl::Cell> = a
            .iter()
            .map(|&(v, (i, j))| (v, (i - at + bt, j - al + bl)))
            .collect();
        let bp: Vec<dsl::Cell> = b
            .iter()
            .map(|&(v, (i, j))| (v, (i - bt + at, j - bl + al)))
            .collect();
        let bpl: Vec<Loc> = bp.iter().map(|c| c.1).collect();
        if ap.iter().any(|c| bpl.contains(&c.1)) {
            // A location painted twice: the later cell in `ap | bp`'s order
            // wins, and that order comes from `a`'s and `b`'s own. Take the
            // two objects as `objects` builds them (equal sets, so found).
            let exact = padded_objects(&gi, bgc, true);
            let find = |cells: &[dsl::Cell]| {
                exact
                    .iter()
                    .find(|o| same_cells(o, cells))
                    .cloned()
                    .ok_or_else(|| raised("object not found"))
            };
            let (a, b) = (find(a)?, find(b)?);
            let (ulca, ulcb) = (dsl::ulcorner(&a), dsl::ulcorner(&b));
            let ap = dsl::normalize(&a).shift(ulcb);
            let bp = dsl::normalize(&b).shift(ulca);
            dsl::paint_in(&mut gi, &(&ap | &bp));
        } else {
            // One cell per location: the order of the union is unseen.
            paint_cells_in(&mut gi, ap.iter().chain(&bp));
        }
    }
    let nshifts = unifint(rng, diff_lb, diff_ub, (0, 30));
    for _ in 0..nshifts {
        // One object is moved and painted (one cell per location); the
        // filtered frozenset's order comes from the kept objects' hashes.
        let objs = padded.listed(&gi, false);
        let (gh, gw) = dsl::shape_grid(&gi);
        let kept: Vec<&PaddedObject> = objs
            .iter()
            .filter(|o| {
                let (t, l, b, r) = o.bounds;
                !(t == 0 || l == 0 || b == gh - 1 || r == gw - 1)
            })
            .collect();
        if kept.is_empty() {
            break;
        }
        let order = added_order(&kept.iter().map(|o| o.hash).collect::<Vec<_>>());
        let k = rng.choice(&order)?;
        let cells = padded.object(&kept[k].range);
        let direc1 = (rng.randint(-1, 1)?, rng.randint(-1, 1)?);
        let (t, l, b, r) = kept[k].bounds;
        let center = (t + (b - t + 1).div_euclid(2), l + (r - l + 1).div_euclid(2));
        // `position` of two one-cell patches: each is its own center.
        let direc2 = dsl::direction((h / 2, w / 2), center);
        let direc = rng.choice(&[direc1, direc2])?;
        fill_locs_in(&mut gi, bgc, cells.iter().map(|c| &c.1));
        let moved: Vec<dsl::Cell> = cells
            .iter()
            .map(|&(v, (i, j))| (v, (i + direc.0, j + direc.1)))
            .collect();
        paint_cells_in(&mut gi, moved.iter());
    }
    let (gi, go) = random_transforms(rng, gi, go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_a8d7556c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[0, 2]);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let fgc = rng.choice(&cols)?;
    let c = dsl::canvas(fgc, (h, w));
    let numblacks = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 3 * 2));
    let inds = dsl::asindices(&c).to_vec();
    let blacks = rng.sample(&inds, numblacks)?;
    let mut gi = fill_locs(&c, 0, &blacks);
    let numsq = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 10));
    let sqlocs = rng.sample(&inds, numsq)?;
    for d in [(0, 0), (0, 1), (1, 0), (1, 1)] {
        let shifted: Vec<Loc> = sqlocs.iter().map(|&l| dsl::add(l, d)).collect();
        fill_locs_in(&mut gi, 0, &shifted);
    }
    let mut go = gi.clone();
    let (hu, wu) = (h as usize, w as usize);
    for a in 0..hu - 1 {
        for b in 0..wu - 1 {
            if gi[a][b] == 0 && gi[a + 1][b] == 0 && gi[a][b + 1] == 0 && gi[a + 1][b + 1] == 0 {
                for (i, j) in [(a, b), (a + 1, b), (a, b + 1), (a + 1, b + 1)] {
                    go[i][j] = 2;
                }
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_a9f96cdd(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3, 6, 7, 8]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let fgc = rng.choice(&dsl::remove(&bgc, &cols))?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut locs = dsl::asindices(&gi);
    let noccs = unifint(rng, diff_lb, diff_ub, (1, 1.max((h * w) / 10)));
    for _ in 0..noccs {
        if locs.is_empty() {
            break;
        }
        let loc = rng.choice_in(&locs)?;
        locs = minus_around(&locs, &dsl::neighbors(loc));
        fill_locs_in(&mut gi, fgc, &[loc]);
        for (col, d) in [(3, (-1, -1)), (7, (1, 1)), (8, (1, -1)), (6, (-1, 1))] {
            fill_locs_in(&mut go, col, &[dsl::add(loc, d)]);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_aabf363d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 28));
    let w = unifint(rng, diff_lb, diff_ub, (3, 28));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let cola = rng.choice(&remcols)?;
    let remcols = dsl::remove(&cola, &remcols);
    let colb = rng.choice(&remcols)?;
    // `bounds` and `shp` are read in their order (draws): CPython's tables
    // over location numbers (`GridSet`), grown as `grow_by` grows them.
    let bounds = GridSet::asindices((h, w));
    let sp = grid_choice(rng, &bounds)?;
    // `min(h * w - 1, max(1, (2 / 3) * h * w))` is the float (h, w >= 3).
    let ub = (2.0 / 3.0) * h as f64 * w as f64;
    let ncells = unifint_f(rng, diff_lb, diff_ub, (1, ub));
    // A float count (the bound itself, when rounding passed it) makes
    // `range(ncells)` raise.
    if ncells.fract() != 0.0 {
        return Err(raised("'float' object cannot be interpreted as an integer"));
    }
    let mut shp = GridSet::from_adds([sp]);
    for _ in 0..ncells as i64 {
        grow_grid(rng, &bounds, &mut shp, dsl::neighbors, false)?;
    }
    let shp: Vec<Loc> = shp.iter().map(|id| dsl::add(gloc(id), (1, 1))).collect();
    let c2 = dsl::canvas(bgc, (h + 2, w + 2));
    let gi = fill_locs(&c2, cola, &shp);
    let go = fill_locs(&c2, colb, &shp);
    // `ofcolor`'s order is read (a draw): its table (`ofcolor_set`).
    let spot = gloc(grid_choice(rng, &ofcolor_set(&gi, bgc))?);
    let gi = filled_locs(gi, colb, &[spot]);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_aba27056(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[4]);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let bs = rng.sample(&cols, 2)?;
    let (bgc, sqc) = (bs[0], bs[1]);
    let canv = dsl::canvas(bgc, (h, w));
    let oh = rng.randint(3, h)?;
    let ow = unifint(rng, diff_lb, diff_ub, (5, w - 1));
    let loci = unifint(rng, diff_lb, diff_ub, (0, h - oh));
    let locj = rng.randint(0, w - ow)?;
    let bx = dsl::r#box(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
    let maxk = (ow - 4) / 2;
    let k = rng.randint(0, maxk)?;
    let hole = dsl::connect((loci, locj + 2 + k), (loci, locj + ow - 3 - k));
    let gi = dsl::fill(&canv, sqc, &bx);
    let gi = dsl::filled(gi, bgc, &hole);
    let mut go = dsl::fill(&canv, 4, &dsl::backdrop(&bx));
    dsl::fill_in(&mut go, sqc, &bx);
    for &l in hole.iter() {
        dsl::fill_in(&mut go, 4, &dsl::shoot(l, (-1, 0)));
    }
    go = dsl::fill(
        &go,
        4,
        &dsl::shoot(dsl::add((-1, 1), dsl::urcorner(&hole)), (-1, 1)),
    );
    go = dsl::fill(
        &go,
        4,
        &dsl::shoot(dsl::add((-1, -1), dsl::ulcorner(&hole)), (-1, -1)),
    );
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ac0a08a4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let ub = 9.min(h * w - 2).min((30 / h).min(30 / w));
    let num = unifint(rng, diff_lb, diff_ub, (1, ub));
    let bgc = rng.choice(&cols)?;
    let c = dsl::canvas(bgc, (h, w));
    let locs = rng.sample(&dsl::asindices(&c).to_vec(), num)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ccols = rng.sample(&remcols, num)?;
    let mut gi = c;
    for (&col, &(i, j)) in ccols.iter().zip(&locs) {
        gi[i as usize][j as usize] = col;
    }
    let go = dsl::upscale_grid(&gi, num);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ae3edfdc(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 3, 7]);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let bgc = rng.choice(&cols)?;
    let mut go = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&go);
    let rdi = rng.randint(1, h - 2)?;
    let rdj = rng.randint(1, w - 2)?;
    let rd = (rdi, rdj);
    let mut near: PySet<Loc> = std::iter::once(rd).collect();
    near.update(&dsl::neighbors(rd));
    let reminds = inds.difference(&near);
    let reminds = dsl::sfilter(&reminds, |&(i, j)| {
        1 <= i && i <= h - 2 && 1 <= j && j <= w - 2
    });
    let bd = rng.choice_in(&reminds)?;
    fill_locs_in(&mut go, 2, &[rd]);
    fill_locs_in(&mut go, 1, &[bd]);
    let ngd = unifint(rng, diff_lb, diff_ub, (1, 8));
    let gd = rng.sample(&dsl::neighbors(rd).to_vec(), ngd)?;
    let nod = unifint(rng, diff_lb, diff_ub, (1, 8));
    let od = rng.sample(&dsl::neighbors(bd).to_vec(), nod)?;
    fill_locs_in(&mut go, 3, &gd);
    fill_locs_in(&mut go, 7, &od);
    // `mpr = {**gdmapper, **odmapper}`: a dict in insertion order, a key of
    // both keeping its first place and taking the second value.
    let mut mpr: Vec<(Loc, (i64, Loc))> = Vec::new();
    let (rds, bds) = (dsl::initset(rd), dsl::initset(bd));
    for (src, col, ds) in [(&rds, 3, &gd), (&bds, 7, &od)] {
        for &d in ds {
            let v = (col, dsl::position(src, &dsl::initset(d)));
            match mpr.iter_mut().find(|(k, _)| *k == d) {
                Some(e) => e.1 = v,
                None => mpr.push((d, v)),
            }
        }
    }
    let ub = (gd.len() + od.len()) as i64 * ((h + w) / 5);
    let ndist = unifint(rng, diff_lb, diff_ub, (1, ub));
    let mut gi = go.clone();
    for _ in 0..ndist {
        let options: Vec<(Loc, i64, Loc)> = mpr
            .iter()
            .filter(|&&(loc, (_, direc))| dsl::index(&gi, dsl::add(loc, direc)) == Some(bgc))
            .map(|&(loc, (col, direc))| (loc, col, direc))
            .collect();
        if options.is_empty() {
            break;
        }
        let (loc, col, direc) = rng.choice(&options)?;
        // `del mpr[loc]; mpr[newloc] = ...`: the new location goes last (it
        // shows the background, so it is not a key already).
        mpr.retain(|(k, _)| *k != loc);
        let newloc = dsl::add(loc, direc);
        mpr.push((newloc, (col, direc)));
        fill_locs_in(&mut gi, bgc, &[loc]);
        fill_locs_in(&mut gi, col, &[newloc]);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ae4f1146(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1]);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let dh = unifint(rng, diff_lb, diff_ub, (2, h / 3));
    let dw = unifint(rng, diff_lb, diff_ub, (2, w / 3));
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / (2 * dh * dw)));
    let cards = dsl::interval(0, dh * dw, 1);
    let mut ccards = rng.sample(&cards, num.min(cards.len() as i64))?;
    ccards.sort();
    let c1 = dsl::canvas(fgc, (dh, dw));
    let inds = dsl::asindices(&c1).to_vec();
    let mut sgs = Vec::new();
    for &card in &ccards {
        let x = rng.sample(&inds, card)?;
        sgs.push(dsl::asobject(&fill_locs(&c1, 1, &x)));
    }
    let last = sgs
        .last()
        .ok_or_else(|| raised("list index out of range"))?;
    let go = dsl::paint(&c1, last);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut inds2 = dsl::asindices(&dsl::canvas(bgc, (h - dh, w - dw)));
    let maxtr = 10;
    for sg in sgs.iter().rev() {
        if inds2.is_empty() {
            break;
        }
        let mut plcd = sg.shift(rng.choice_in(&inds2)?);
        let mut tr = 0;
        while !plcd.toindices().issubset(&inds2) && tr < maxtr {
            plcd = sg.shift(rng.choice_in(&inds2)?);
            tr += 1;
        }
        if tr < maxtr {
            inds2 = dsl::difference(&inds2, &(&plcd.toindices() | &dsl::outbox(&plcd)));
            dsl::paint_in(&mut gi, &plcd);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_aedd82e4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = colors_without(&[1]);
    let h = unifint(rng, diff_lb, diff_ub, (1, 30));
    let w = unifint(rng, diff_lb, diff_ub, (1, 30));
    let bgc = 0;
    let remcols = dsl::remove(&bgc, &colopts);
    let c = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (0, 0.max((h * w) / 2 - 1)));
    let numcols = unifint(rng, diff_lb, diff_ub, (0, 8.min(num)));
    let inds = dsl::asindices(&c).to_vec();
    let chosinds = rng.sample(&inds, num)?;
    let choscols = rng.sample(&remcols, numcols)?;
    let locs = dsl::interval(0, chosinds.len() as i64, 1);
    let mut choslocs = rng.sample(&locs, numcols)?;
    choslocs.sort();
    let mut gi = dsl::canvas(bgc, (h, w));
    for (&col, &endidx) in choscols.iter().zip(choslocs.iter().rev()) {
        fill_locs_in(&mut gi, col, &chosinds[..endidx as usize]);
    }
    let objs = dsl::objects(&gi, false, false, true);
    let res = dsl::merge(&dsl::sizefilter(&objs, 1));
    let go = dsl::fill(&gi, 1, &res);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_af902bf9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numcols)?;
    let numsq = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 20));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * numsq;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi);
    while tr < maxtr && succ < numsq {
        tr += 1;
        let oh = rng.randint(3, 5)?;
        let ow = rng.randint(3, 5)?;
        let cands = dsl::sfilter(&inds, |&(i, j)| i <= h - oh && j <= w - ow);
        if cands.is_empty() {
            continue;
        }
        let (loci, locj) = rng.choice_in(&cands)?;
        let sq = dsl::backdrop(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
        if sq.issubset(&inds) {
            inds = &inds - &sq;
            succ += 1;
            let col = rng.choice(&ccols)?;
            let crns = dsl::corners(&sq);
            dsl::fill_in(&mut gi, col, &crns);
            dsl::fill_in(&mut go, col, &crns);
            dsl::fill_in(&mut go, 2, &dsl::backdrop(&dsl::inbox(&crns)));
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b0c4d837(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (3, h - 1));
    let ow = unifint(rng, diff_lb, diff_ub, (3, w - 1));
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let bbf = rng.sample(&cols, 3)?;
    let (bgc, boxc, fillc) = (bbf[0], bbf[1], bbf[2]);
    let subg = dsl::canvas(boxc, (oh, ow));
    let mut subg2 = dsl::canvas(fillc, (oh - 1, ow - 2));
    let ntofill = unifint(rng, diff_lb, diff_ub, (1, 9.min(oh - 2)));
    for j in 0..ntofill {
        dsl::fill_in(&mut subg2, bgc, &dsl::connect((j, 0), (j, ow - 2)));
    }
    let subg = dsl::painted(subg, &dsl::asobject(&subg2).shift((0, 1)));
    let gi = dsl::paint(
        &dsl::canvas(bgc, (h, w)),
        &dsl::asobject(&subg).shift((loci, locj)),
    );
    let mut flat = dsl::repeat(&fillc, ntofill);
    flat.extend(dsl::repeat(&bgc, 9 - ntofill));
    let mut mid = flat[3..6].to_vec();
    mid.reverse();
    let go = vec![flat[..3].to_vec(), mid, flat[6..].to_vec()];
    let k = rng.choice(&[0usize, 1, 2, 3])?;
    let gi = rotation(k, &gi);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b190f7f5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let fullcols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let bgc = rng.choice(&fullcols)?;
    let cols = dsl::remove(&bgc, &fullcols);
    let c = dsl::canvas(bgc, (h, w));
    let numcd = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numc = rng.choice(&[numcd, h * w - numcd])?;
    let numc = numc.max(1).min(h * w - 1);
    let numcd2 = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numc2 = rng.choice(&[numcd2, h * w - numcd2])?;
    let numc2 = numc2.max(2).min(h * w - 1);
    let inds = dsl::asindices(&c).to_vec();
    let srclocs = rng.sample(&inds, numc)?;
    let srccol = rng.choice(&cols)?;
    let remcols = dsl::remove(&srccol, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (2, 8));
    let trglocs = rng.sample(&inds, numc2)?;
    let ccols = rng.sample(&remcols, numcols)?;
    let fixc1 = rng.choice(&ccols)?;
    let second = rng.choice(&dsl::remove(&fixc1, &ccols))?;
    let mut trgcols = vec![fixc1, second];
    for _ in 2..trglocs.len() {
        trgcols.push(rng.choice(&ccols)?);
    }
    // The target cells sit at distinct locations: painting them in any
    // order gives the same grid.
    let mut gitrg = c.clone();
    for (&col, &(i, j)) in trgcols.iter().zip(&trglocs) {
        gitrg[i as usize][j as usize] = col;
    }
    let gisrc = fill_locs(&c, srccol, &srclocs);
    let horizontal = rng.choice(&[true, false])?;
    let src_first = rng.choice(&[true, false])?;
    let (a, b) = if src_first {
        (&gisrc, &gitrg)
    } else {
        (&gitrg, &gisrc)
    };
    let gi = if horizontal {
        dsl::hconcat(a, b)
    } else {
        dsl::vconcat(a, b)
    };
    let mut go = dsl::canvas(bgc, (h * h, w * w));
    for &(a, b) in &trglocs {
        let d = dsl::multiply((a, b), (h, w));
        let shifted: Vec<Loc> = srclocs.iter().map(|&l| dsl::add(l, d)).collect();
        fill_locs_in(&mut go, gitrg[a as usize][b as usize], &shifted);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b1948b0a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[6]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let npd = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    // Drawn, then overwritten from `npd`, as in Python.
    let _np = rng.choice(&[npd, h * w - npd])?;
    let np = npd.max(0).min(h * w);
    let mut gi = dsl::canvas(6, (h, w));
    let inds = dsl::asindices(&gi).to_vec();
    let pp = rng.sample(&inds, np)?;
    for &(i, j) in inds.iter().filter(|l| !pp.contains(l)) {
        gi[i as usize][j as usize] = rng.choice(&cols)?;
    }
    let go = fill_locs(&gi, 2, &pp);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b230c067(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2]);
    let hashes = loc10_hashes();
    loop {
        let h = unifint(rng, diff_lb, diff_ub, (10, 30));
        let w = unifint(rng, diff_lb, diff_ub, (10, 30));
        let oh = unifint(rng, diff_lb, diff_ub, (2, h / 3 - 1));
        let ow = unifint(rng, diff_lb, diff_ub, (2, w / 3 - 1));
        let numcd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
        let numc = rng.choice(&[numcd, oh * ow - numcd])?;
        let numca = numc.max(2).min(oh * ow - 2);
        // `bounds`, `shp` and `shpb` are read in their orders while they
        // grow (draws): CPython's tables over the 8 by 8 box when the box
        // fits it, else sets. The grown shapes' orders are not read after
        // (shapes, placed cells tested, filled and subtracted): cells.
        let (mut shpa, mut shpb): (Vec<Loc>, Vec<Loc>) = if oh <= 8 && ow <= 8 {
            let bounds = BoxShape::asindices(hashes, (oh, ow));
            let sp = bounds.choose(rng)?;
            let mut shp = BoxShape::from_locs(hashes, [loc10(sp)]);
            for _ in 0..numca {
                shp.grow(rng, &bounds, dsl::neighbors)?;
            }
            // `shpa = normalize(shp)`: added in `shp`'s order; `shpb =
            // set(normalize(shp))`, a copy of that table.
            let top = shp.locs().map(|l| l.0).min().unwrap_or(0);
            let left = shp.locs().map(|l| l.1).min().unwrap_or(0);
            let shpa = BoxShape::from_locs(hashes, shp.locs().map(|(i, j)| (i - top, j - left)));
            let mut shpb = BoxShape {
                set: idset_copy(&shpa.set),
                mask: shpa.mask,
            };
            let mxnch = oh * ow - shpa.set.len() as i64;
            let nchinv = unifint(rng, diff_lb, diff_ub, (1, mxnch));
            let nch = (mxnch - nchinv).max(1).min(mxnch);
            for _ in 0..nch {
                shpb.grow(rng, &bounds, dsl::neighbors)?;
            }
            (shpa.locs().collect(), shpb.locs().collect())
        } else {
            let bounds = asindices_of((oh, ow));
            let sp = rng.choice_in(&bounds)?;
            let mut shp: PySet<Loc> = std::iter::once(sp).collect();
            for _ in 0..numca {
                grow_by(rng, &bounds, &mut shp, dsl::neighbors)?;
            }
            let shpa = normalize_set(&shp);
            let mut shpb = shpa.thaw();
            let mxnch = oh * ow - shpa.len() as i64;
            let nchinv = unifint(rng, diff_lb, diff_ub, (1, mxnch));
            let nch = (mxnch - nchinv).max(1).min(mxnch);
            for _ in 0..nch {
                grow_by(rng, &bounds, &mut shpb, dsl::neighbors)?;
            }
            (shpa.to_vec(), shpb.to_vec())
        };
        if rng.choice(&[true, false])? {
            std::mem::swap(&mut shpa, &mut shpb);
        }
        let dims = |s: &[Loc]| {
            let (t, b) = bounds_of(&s.iter().map(|l| l.0).collect::<Vec<_>>());
            let (l, r) = bounds_of(&s.iter().map(|l| l.1).collect::<Vec<_>>());
            (b - t + 1, r - l + 1)
        };
        let ((ha, wa), (hb, wb)) = (dims(&shpa), dims(&shpb));
        let bf = rng.sample(&cols, 2)?;
        let (bgc, fgc) = (bf[0], bf[1]);
        let mut gi = dsl::canvas(bgc, (h, w));
        // `inds` and `acands` are read in their orders (draws): CPython's
        // tables as location numbers.
        let inds = GridSet::asindices((h, w));
        let acands: Vec<u16> = inds.filtered_order(|id| {
            let (i, j) = gloc(id);
            i <= h - ha && j <= w - wa
        });
        let aloc = gloc(rng.choice(&acands)?);
        // The placed shapes are only filled, subset-tested and subtracted
        // with their neighbours (sizes and membership): cells.
        let placed =
            |s: &[Loc], d: Loc| -> Vec<Loc> { s.iter().map(|&l| dsl::add(l, d)).collect() };
        let minus_placed = |inds: &GridSet, p: &[Loc]| {
            let ids: Vec<u16> = p.iter().map(|&l| gid(l)).collect();
            let near = Around::new(p.iter().copied(), dsl::neighbors);
            inds.difference_ids(&ids).difference_locs(near.cells())
        };
        let aplcd = placed(&shpa, aloc);
        fill_locs_in(&mut gi, fgc, &aplcd);
        let mut go = dsl::canvas(bgc, (h, w));
        fill_locs_in(&mut go, 2, &aplcd);
        let maxtrials = 10;
        let (mut tr, mut succ) = (0, 0);
        let mut inds = minus_placed(&inds, &aplcd).filter(|id| {
            let (i, j) = gloc(id);
            i <= h - hb && j <= w - wb
        });
        while succ < 2 && tr <= maxtrials {
            if inds.len() == 0 {
                break;
            }
            let order: Vec<u16> = inds.iter().collect();
            let loc = gloc(rng.choice(&order)?);
            let plcbd = placed(&shpb, loc);
            if plcbd.len() <= inds.len() && plcbd.iter().all(|&l| inds.contains(gid(l))) {
                fill_locs_in(&mut gi, fgc, &plcbd);
                fill_locs_in(&mut go, 1, &plcbd);
                succ += 1;
                inds = minus_placed(&inds, &plcbd);
            }
            tr += 1;
        }
        if succ == 2 {
            return Ok(Example {
                input: gi,
                output: go,
            });
        }
    }
}

fn generate_b27ca6d3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let bd = rng.sample(&cols, 2)?;
    let (bgc, dotc) = (bd[0], bd[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let ndots = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 5));
    let nbars = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 12));
    let dot = &dsl::initset((dotc, (1, 1))) | &dsl::recolor(bgc, &dsl::dneighbors((1, 1)));
    let bar1 = fill_locs(&dsl::canvas(bgc, (4, 3)), dotc, &[(1, 1), (2, 1)]);
    let bar2 = dsl::asobject(&dsl::dmirror_grid(&bar1));
    let bar1 = dsl::asobject(&bar1);
    let mut opts = vec![dot; ndots as usize];
    for _ in 0..nbars {
        opts.push(rng.choice(&[bar1.clone(), bar2.clone()])?);
    }
    rng.shuffle(&mut opts);
    // `inds` is read in its order (draws): CPython's tables over location
    // numbers (`GridSet`). Each shape's cells lie at distinct locations, so
    // a placed one is read only for membership, paints (in any order) and
    // the subtraction (its size and members): its shifted cells.
    let mut inds = GridSet::asindices((h + 2, w + 2)).map_locs(|(i, j)| (i - 1, j - 1));
    let fits = |inds: &GridSet, elem: &Object, (li, lj): Loc| {
        elem.iter()
            .all(|&(_, (i, j))| in_grid_set(inds, (i + li, j + lj)))
    };
    for elem in &opts {
        let mut loc = (-1, -1);
        let mut tr = 0;
        while !fits(&inds, elem, loc) && tr < 5 {
            loc = gloc(grid_choice(rng, &inds)?);
            tr += 1;
        }
        if fits(&inds, elem, loc) {
            let xx: Vec<dsl::Cell> = elem
                .iter()
                .map(|&(v, (i, j))| (v, (i + loc.0, j + loc.1)))
                .collect();
            paint_cells_in(&mut gi, &xx);
            // A bar's (12 cells) background cells become 3 in the output.
            let bar = elem.len() == 12;
            let out: Vec<dsl::Cell> = xx
                .iter()
                .map(|&(v, l)| if bar && v == bgc { (3, l) } else { (v, l) })
                .collect();
            paint_cells_in(&mut go, &out);
            let ids: Vec<u16> = xx.iter().map(|c| gid(c.1)).collect();
            inds = inds.difference_ids(&ids);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

// b2862040 grows each shape inside and around a 6 by 6 box: its sets
// (the box, the rings around it, the shape and the sets its growth builds)
// hold locations from 4 cells above and left of the box to 4 below and
// right of it, numbered as [`b2862040_id`] for CPython's tables of them
// (`IdSet`), with the hashes looked up rather than sets of tuples built.

/// The number of a location from `(-4, -4)` to `(9, 9)`.
fn b2862040_id((i, j): Loc) -> u8 {
    assert!(
        (-4..10).contains(&i) && (-4..10).contains(&j),
        "b2862040's shapes stay near their box"
    );
    ((i + 4) * 14 + j + 4) as u8
}

/// The location numbered `id` by [`b2862040_id`].
fn b2862040_loc(id: u8) -> Loc {
    let id = i64::from(id);
    (id / 14 - 4, id % 14 - 4)
}

/// `hash((i, j))` for every [`b2862040_id`].
fn b2862040_hashes() -> &'static [i64] {
    static HASHES: std::sync::OnceLock<Vec<i64>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        (0..196)
            .map(|k| pycompat::PyHashable::py_hash(&b2862040_loc(k)))
            .collect()
    })
}

/// `box(frozenset({ul, lr}))` (`outbox` of a patch is the box one cell
/// outside its corners), built as the DSL builds it: two set displays of
/// the columns united, two of the rows united, the union of those, and a
/// frozenset copy of it.
fn box_ids_b2862040((si, sj): Loc, (ei, ej): Loc) -> IdSet<'static> {
    let hashes = b2862040_hashes();
    let col = |j: i64| IdSet::from_adds(hashes, (si..=ei).map(|i| b2862040_id((i, j))));
    let row = |i: i64| IdSet::from_adds(hashes, (sj..=ej).map(|j| b2862040_id((i, j))));
    let vlines = idset_union(&col(sj), &col(ej));
    let hlines = idset_union(&row(si), &row(ei));
    idset_copy(&idset_union(&vlines, &hlines))
}

/// `box(frozenset({(0, 0), (oh - 1, ow - 1)}))`, kept per shape and thread
/// (16 shapes); each call gets a copy of the table (a new object, as
/// Python's calls make).
fn box_b2862040(oh: i64, ow: i64) -> IdSet<'static> {
    use std::cell::RefCell;
    thread_local! {
        static BOXES: RefCell<Vec<(Loc, IdSet<'static>)>> = const { RefCell::new(Vec::new()) };
    }
    BOXES.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((_, b)) = c.iter().find(|(k, _)| *k == (oh, ow)) {
            return b.clone();
        }
        let b = box_ids_b2862040((0, 0), (oh - 1, ow - 1));
        c.push(((oh, ow), b.clone()));
        b
    })
}

/// `outbox(obj) | outbox(outbox(obj)) | outbox(outbox(outbox(obj)))` for
/// b2862040: `outbox` reads only its argument's corners, so this depends on
/// `obj`'s bounds (`top, left, bottom, right`) alone and is kept per bounds
/// and thread (at most 441 of them in the 6 by 6 box).
fn objcands_b2862040((t, l, b, r): (i64, i64, i64, i64)) -> IdSet<'static> {
    use std::cell::RefCell;
    type Cache = Vec<((i64, i64, i64, i64), IdSet<'static>)>;
    thread_local! {
        static CANDS: RefCell<Cache> = const { RefCell::new(Vec::new()) };
    }
    CANDS.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((_, v)) = c.iter().find(|(k, _)| *k == (t, l, b, r)) {
            return v.clone();
        }
        let ring = |k: i64| box_ids_b2862040((t - k, l - k), (b + k, r + k));
        let v = idset_union(&idset_union(&ring(1), &ring(2)), &ring(3));
        if c.len() < 512 {
            c.push(((t, l, b, r), v.clone()));
        }
        v
    })
}

/// `mapply(dneighbors, obj)` for b2862040's shape `obj`: `apply` adds the
/// `dneighbors` frozensets to a set in `obj`'s order (their order there
/// follows from their hashes alone, as distinct centers make unequal sets)
/// and `merge` adds their locations in that order, so only their hashes and
/// orders are needed, read once per thread rather than building them.
fn mapply_dneighbors_b2862040(obj: &IdSet<'static>) -> IdSet<'static> {
    use std::cell::OnceCell;
    use std::rc::Rc;
    // Per location number: the frozenset's hash and order (locations at
    // the frame's edge, whose neighbours leave it, are never asked for).
    type Table = Rc<[(i64, Vec<Loc>)]>;
    thread_local! {
        static TABLE: OnceCell<Table> = const { OnceCell::new() };
    }
    let table = TABLE.with(|t| {
        Rc::clone(t.get_or_init(|| {
            (0..196)
                .map(|k| {
                    let n = dsl::dneighbors(b2862040_loc(k));
                    (pycompat::PyHashable::py_hash(&n), n.to_vec())
                })
                .collect()
        }))
    });
    let ids: Vec<u8> = obj.iter().collect();
    let hashes: Vec<i64> = ids.iter().map(|&k| table[k as usize].0).collect();
    IdSet::from_adds(
        b2862040_hashes(),
        added_order(&hashes)
            .into_iter()
            .flat_map(|x| table[ids[x] as usize].1.iter().map(|&l| b2862040_id(l))),
    )
}

/// b2862040's output, or `None` when `objsm` is empty: `objs =
/// objects(gi, T, F, F)`, `objsm` the `bgc` objects not bordering the grid
/// (merged), and `gi` with 8 over every other object adjacent to `objsm`.
/// Only which cells these hold is read, so no object is built: the `bgc`
/// cells no 4-path of `bgc` cells joins to the border are `objsm`'s, and
/// each object of another color 4-adjacent to one of them is flooded
/// (4-connected, one color: `univalued`) into 8.
fn fill_adjacent_b2862040(gi: &Grid, bgc: i64) -> Option<Grid> {
    let (h, w) = (gi.len(), gi.first().map_or(0, Vec::len));
    // The grid with a one-cell margin of no color, so every cell of the
    // grid has its four neighbours at `k ± pw` and `k ± 1`.
    let pw = w + 2;
    const NONE: i64 = i64::MIN;
    let mut cell = vec![NONE; (h + 2) * pw];
    for (i, row) in gi.iter().enumerate() {
        cell[(i + 1) * pw + 1..][..w].copy_from_slice(row);
    }
    // The `bgc` cells joined to the border.
    let mut outer = vec![false; cell.len()];
    let mut stack = Vec::with_capacity(h * w);
    for i in 0..h {
        for j in 0..w {
            let k = (i + 1) * pw + j + 1;
            if (i == 0 || j == 0 || i == h - 1 || j == w - 1) && cell[k] == bgc {
                outer[k] = true;
                stack.push(k);
            }
        }
    }
    while let Some(k) = stack.pop() {
        for n in [k - pw, k + pw, k - 1, k + 1] {
            if !outer[n] && cell[n] == bgc {
                outer[n] = true;
                stack.push(n);
            }
        }
    }
    let mut go: Option<Grid> = None;
    let mut hit = vec![false; cell.len()];
    for i in 0..h {
        for j in 0..w {
            let k = (i + 1) * pw + j + 1;
            if cell[k] != bgc || outer[k] {
                continue;
            }
            let go = go.get_or_insert_with(|| gi.clone());
            for n in [k - pw, k + pw, k - 1, k + 1] {
                let col = cell[n];
                if col == bgc || col == NONE || hit[n] {
                    continue;
                }
                hit[n] = true;
                stack.push(n);
                while let Some(c) = stack.pop() {
                    go[c / pw - 1][c % pw - 1] = 8;
                    for m in [c - pw, c + pw, c - 1, c + 1] {
                        if !hit[m] && cell[m] == col {
                            hit[m] = true;
                            stack.push(m);
                        }
                    }
                }
            }
        }
    }
    go
}

fn generate_b2862040(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    loop {
        let h = unifint(rng, diff_lb, diff_ub, (10, 30));
        let w = unifint(rng, diff_lb, diff_ub, (10, 30));
        let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 16));
        let (mut succ, mut tr) = (0, 0);
        let maxtr = 10 * nobjs;
        let bgc = rng.choice(&cols)?;
        let remcols = dsl::remove(&bgc, &cols);
        let mut gi = dsl::canvas(bgc, (h, w));
        // `inds`' order is read (the choice over its sfilter): CPython's
        // table (`GridSet`). Each `sfilter(inds, ...)` depends on `inds` and
        // the shape alone.
        let mut inds = GridSet::asindices((h, w));
        let mut memo = FitMemo::default();
        while succ < nobjs && tr < maxtr {
            tr += 1;
            let oh = rng.randint(3, 6)?;
            let ow = rng.randint(3, 6)?;
            // The shape's sets as CPython's tables of location numbers.
            let hashes = b2862040_hashes();
            let mut obj = box_b2862040(oh, ow);
            if rng.choice(&[true, false])? {
                let nkeep = unifint(rng, diff_lb, diff_ub, (2, obj.len() as i64 - 1));
                let nrem = obj.len() as i64 - nkeep;
                // `obj - corners(obj)`: the four corners, by size and
                // membership.
                let corners = [(0, 0), (0, ow - 1), (oh - 1, 0), (oh - 1, ow - 1)].map(b2862040_id);
                let rest = obj.difference_where(corners.len(), |id| corners.contains(&id));
                let x = rng.choice(&rest.iter().collect::<Vec<u8>>())?;
                // `remove(x, obj)`: a frozenset of the others, in order.
                obj = IdSet::from_distinct(hashes, obj.iter().filter(|&id| id != x));
                for _ in 0..nrem - 1 {
                    // `len(dneighbors(ij) & obj) == 1`: a count of members,
                    // asked of a mask of `obj`. Its cells lie in the 6 by 6
                    // box, so a neighbour's number is 14 (a row) or 1 (a
                    // column) away, in the same row for the latter.
                    let mut member = [false; 196];
                    for id in obj.iter() {
                        member[usize::from(id)] = true;
                    }
                    let xx = IdSet::from_distinct(
                        hashes,
                        obj.iter().filter(|&id| {
                            let id = usize::from(id);
                            [id - 14, id + 14, id - 1, id + 1]
                                .iter()
                                .filter(|&&n| member[n])
                                .count()
                                == 1
                        }),
                    );
                    if xx.len() == 0 {
                        break;
                    }
                    let x = rng.choice(&xx.iter().collect::<Vec<u8>>())?;
                    obj = IdSet::from_distinct(hashes, obj.iter().filter(|&id| id != x));
                }
            }
            let npert = unifint(rng, diff_lb, diff_ub, (0, oh + ow));
            let bounds_of_ids = |s: &IdSet<'static>| {
                let locs: Vec<Loc> = s.iter().map(b2862040_loc).collect();
                let (t, b) = bounds_of(&locs.iter().map(|l| l.0).collect::<Vec<_>>());
                let (l, r) = bounds_of(&locs.iter().map(|l| l.1).collect::<Vec<_>>());
                (t, l, b, r)
            };
            let objcands = objcands_b2862040(bounds_of_ids(&obj));
            // `obj = set(obj)`.
            let mut obj = idset_copy(&obj);
            for _ in 0..npert {
                // `(objcands - obj) & (mapply(dneighbors, obj) & objcands)`.
                let rest = objcands.difference_where(obj.len(), |id| idset_contains(&obj, id));
                let near = idset_and(&mapply_dneighbors_b2862040(&obj), &objcands);
                let cands = idset_and(&rest, &near);
                obj.add(rng.choice(&cands.iter().collect::<Vec<u8>>())?);
            }
            // `normalize(obj)` and `plcd = shift(obj, loc)` are only
            // measured, subset-tested, filled and subtracted (by size and
            // membership): lists of locations, not frozensets.
            let (top, left, bottom, right) = bounds_of_ids(&obj);
            let (oh, ow) = (bottom - top + 1, right - left + 1);
            let cands = memo.fitting(&inds, (h, w), (oh, ow));
            if cands.is_empty() {
                continue;
            }
            let loc = gloc(rng.choice(cands)?);
            let plcd: Vec<Loc> = obj
                .iter()
                .map(b2862040_loc)
                .map(|(i, j)| (i - top + loc.0, j - left + loc.1))
                .collect();
            if plcd.iter().all(|&l| in_grid_set(&inds, l)) {
                let col = rng.choice(&remcols)?;
                fill_locs_in(&mut gi, col, &plcd);
                succ += 1;
                // `(inds - plcd) - mapply(neighbors, plcd)`: `set_difference`
                // reads only the subtracted sets' size and membership.
                inds = grid_minus_near(&inds, &plcd, dsl::neighbors);
                memo.changed();
            }
        }
        // `objsm`: the background-colored objects off the border, merged;
        // `res`: the other objects `adjacent` (4-adjacent, objects being
        // disjoint) to it, filled with 8. Only which cells these hold
        // matters: see `fill_adjacent_b2862040`.
        if let Some(go) = fill_adjacent_b2862040(&gi, bgc) {
            return Ok(Example {
                input: gi,
                output: go,
            });
        }
    }
}

/// The locations of the rectangle from `ul` to `lr`, row by row, unbuilt.
fn rect_iter((si, sj): Loc, (ei, ej): Loc) -> impl Iterator<Item = Loc> {
    (si..=ei).flat_map(move |i| (sj..=ej).map(move |j| (i, j)))
}

fn generate_b527c5c6(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, ncols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (the choice over its sfilter), so it stays
    // CPython's table, as a `GridSet`; the sfilter is kept per shape until
    // `inds` changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo: Vec<(Loc, Vec<u16>)> = Vec::new();
    // `inds`' membership. The table is read only by a draw that can place
    // a box: the last placement's subtractions (`stale`) wait until then.
    let mut free = RowBits::full((h, w));
    type Placed = ((Loc, Loc), Option<(Loc, Loc)>, usize);
    let mut stale: Option<Placed> = None;
    let noccs = unifint(rng, diff_lb, diff_ub, (1, 10));
    let (mut tr, mut succ) = (0, 0);
    let maxtr = 10 * noccs;
    while succ < noccs && tr < maxtr {
        tr += 1;
        let ub1 = rng.randint(3, h.min(w) / 2 - 1)?;
        let d1 = rng.randint(3, ub1)?;
        let ub2 = rng.randint(d1 * 2 + 1, h.min(w) - 1)?;
        let d2 = rng.randint(d1 * 2 + 1, ub2)?;
        let hw = rng.sample(&[d1, d2], 2)?;
        let (oh, ow) = (hw[0], hw[1]);
        // The candidates: corners at 1 <= i < h - oh, 1 <= j < w - ow.
        let (rows, cols) = (1..=h - oh - 1, low_bits(w - ow) & !1);
        let n = free.count_in(rows.clone(), cols);
        if n == 0 {
            continue;
        }
        if !free.rect_fits((oh, ow), rows, cols) {
            // No candidate's `bd` lies in `inds`, so `goobji` (which holds
            // it) never does, whichever corner and dot are drawn: only the
            // draws are made, over `len(cands)`, over `len(dcands)` (two
            // disjoint segments of `|oh - ow| - min(oh, ow) + 2` cells:
            // the longer side less twice the shorter, plus 2) and the colors.
            rng.rng.randbelow(n as u64);
            let seg = (oh - ow).abs() - oh.min(ow) + 2;
            rng.rng.randbelow(2 * seg as u64);
            rng.sample(&ccols, 2)?;
            continue;
        }
        if let Some(((bul, blr), grown, goobji_len)) = stale.take() {
            // `(inds - goobji) - mapply(dneighbors, bd)`: `set_difference`
            // reads only the subtracted sets' sizes and membership. The
            // neighbours of a rectangle at least 2 by 2 are it and the four
            // strips along its sides (out of the grid too).
            let in_goobj =
                |l: Loc| in_rect(l, bul, blr) || grown.is_some_and(|(a, b)| in_rect(l, a, b));
            let (bh, bw) = (blr.0 - bul.0 + 1, blr.1 - bul.1 + 1);
            let around = bh * bw + 2 * bh + 2 * bw;
            let in_around = |(i, j): Loc| {
                in_rect((i, j), (bul.0, bul.1 - 1), (blr.0, blr.1 + 1))
                    || in_rect((i, j), (bul.0 - 1, bul.1), (blr.0 + 1, blr.1))
            };
            inds = inds
                .difference_where(goobji_len, |id| in_goobj(gloc(id)))
                .difference_where(around as usize, |id| in_around(gloc(id)));
            memo.clear();
        }
        let k = match memo.iter().position(|(key, _)| *key == (oh, ow)) {
            Some(k) => k,
            None => {
                let fits = |id| {
                    let (i, j) = gloc(id);
                    1 <= i && i < h - oh && 1 <= j && j < w - ow
                };
                memo.push(((oh, ow), inds.filtered_order(fits)));
                memo.len() - 1
            }
        };
        let cands = &memo[k].1;
        debug_assert_eq!(cands.len(), n);
        let (loci, locj) = gloc(rng.choice(cands)?);
        // `bd = backdrop(box({ul, lr}))`: the rectangle between the corners.
        let (bul, blr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        let lrflag = ow < oh;
        // `dcands`' order is read (a choice): the two `connect`s (a row or
        // a column in the rectangle, added in order), the `shift` and the
        // union on location numbers (`GridSet`).
        let line = |a: Loc, b: Loc| {
            let (ul, lr) = ((a.0.min(b.0), a.1.min(b.1)), (a.0.max(b.0), a.1.max(b.1)));
            GridSet::from_distinct(rect_iter(ul, lr).map(gid))
        };
        let (dcands1, dcands2) = if lrflag {
            let d1 = line((loci + ow - 1, locj), (loci + oh - 1 - ow + 1, locj));
            let d2 = d1.map_locs(|(i, j)| (i, j + ow - 1));
            (d1, d2)
        } else {
            let d1 = line((loci, locj + oh - 1), (loci, locj + ow - 1 - oh + 1));
            let d2 = d1.map_locs(|(i, j)| (i + oh - 1, j));
            (d1, d2)
        };
        let dcands = dcands1.union(&dcands2);
        debug_assert_eq!(dcands.len() as i64, 2 * ((oh - ow).abs() - oh.min(ow) + 2));
        let loc = gloc(grid_choice(rng, &dcands)?);
        let sgnflag = if dcands1.contains(gid(loc)) { -1 } else { 1 };
        let direc = (sgnflag * i64::from(!lrflag), sgnflag * i64::from(lrflag));
        // `ln = shoot(loc, direc)`: the straight segment to `loc + 42 * direc`,
        // its own bounding box. `shell`, the union of `power(outbox, k + 1)(ln)`
        // for k < min(oh, ow) - 1, is that box grown by min(oh, ow) - 1 less
        // the box itself, so `shell | ln` is the grown box. Of these sets only
        // membership, sizes and one-color paints are used below, so they are
        // rectangles, not frozensets.
        let far = (loc.0 + 42 * direc.0, loc.1 + 42 * direc.1);
        let (lnul, lnlr) = (
            (loc.0.min(far.0), loc.1.min(far.1)),
            (loc.0.max(far.0), loc.1.max(far.1)),
        );
        let k = oh.min(ow) - 1;
        let (rul, rlr) = ((lnul.0 - k, lnul.1 - k), (lnlr.0 + k, lnlr.1 + k));
        let sd = rng.sample(&ccols, 2)?;
        let (sqc, dotc) = (sd[0], sd[1]);
        // `goobji`: the in-grid locations of `bd | shell | ln`, two
        // rectangles (`bd` lies in the grid), walked, counted and written
        // one after the other; the cells they share are walked twice (the
        // same test, the same value written).
        let clip = |(a, b): (Loc, Loc), (c, d): (Loc, Loc)| {
            let (ul, lr) = ((a.0.max(c.0), a.1.max(c.1)), (b.0.min(d.0), b.1.min(d.1)));
            (ul.0 <= lr.0 && ul.1 <= lr.1).then_some((ul, lr))
        };
        let area = |(a, b): (Loc, Loc)| ((b.0 - a.0 + 1) * (b.1 - a.1 + 1)) as usize;
        let grown = clip((rul, rlr), ((0, 0), (h - 1, w - 1)));
        let shared = grown.and_then(|g| clip(g, (bul, blr))).map_or(0, area);
        let goobji_len = area((bul, blr)) + grown.map_or(0, area) - shared;
        let rects: Vec<(Loc, Loc)> = std::iter::once((bul, blr)).chain(grown).collect();
        let goobji = || rects.iter().flat_map(|&(a, b)| rect_iter(a, b));
        let in_free = |&(a, b): &(Loc, Loc)| free.rect_in(a, (b.0 - a.0 + 1, b.1 - a.1 + 1));
        if rects.iter().all(in_free) {
            succ += 1;
            for &(a, b) in &rects {
                free.clear_rect(a, b);
            }
            free.clear_rect((bul.0, bul.1 - 1), (blr.0, blr.1 + 1));
            free.clear_rect((bul.0 - 1, bul.1), (blr.0 + 1, blr.1));
            stale = Some(((bul, blr), grown, goobji_len));
            // `paint(gi, recolor(sqc, remove(loc, bd)) | {(dotc, loc)})` and
            // `paint(go, recolor(sqc, (bd | shell) - ln) | recolor(dotc, ln))`
            // (in the grid): one cell per location, so no order matters.
            fill_rect(&mut gi, sqc, bul, blr);
            gi[loc.0 as usize][loc.1 as usize] = dotc;
            for (i, j) in goobji() {
                go[i as usize][j as usize] = if in_rect((i, j), lnul, lnlr) {
                    dotc
                } else {
                    sqc
                };
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b548a754(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let hi = unifint(rng, diff_lb, diff_ub, (4, h - 1));
    let wi = unifint(rng, diff_lb, diff_ub, (3, w - 1));
    let loci = rng.randint(0, h - hi)?;
    let locj = rng.randint(0, w - wi)?;
    let bx = dsl::r#box(&pair_set((loci, locj), (loci + hi - 1, locj + wi - 1)));
    let ins = dsl::backdrop(&dsl::inbox(&bx));
    let cs = rng.sample(&cols, 4)?;
    let (bgc, boxc, inc, dotc) = (cs[0], cs[1], cs[2], cs[3]);
    let c = dsl::canvas(bgc, (h, w));
    let go = dsl::fill(&c, boxc, &bx);
    let go = dsl::filled(go, inc, &ins);
    let cutoff = rng.randint(loci + 2, loci + hi - 2)?;
    let bx2 = dsl::r#box(&pair_set((loci, locj), (cutoff, locj + wi - 1)));
    let ins2 = dsl::backdrop(&dsl::inbox(&bx2));
    let gi = dsl::fill(&c, boxc, &bx2);
    let gi = dsl::filled(gi, inc, &ins2);
    let bottom = dsl::connect((loci + hi - 1, locj), (loci + hi - 1, locj + wi - 1));
    let locc = rng.choice_in(&bottom)?;
    let gi = filled_locs(gi, dotc, &[locc]);
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b60334d2(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1]);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 9));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi);
    let bx = dsl::r#box(&pair_set((0, 0), (2, 2)));
    let bd = dsl::backdrop(&bx);
    let maxtrials = 4 * num;
    let (mut succ, mut tr) = (0, 0);
    while succ < num && tr < maxtrials {
        let loc = rng.choice_in(&inds)?;
        let bxs = bx.shift(loc);
        if bxs.issubset(&inds) {
            let cen = dsl::center(&bxs);
            fill_locs_in(&mut gi, fgc, &[cen]);
            dsl::fill_in(&mut go, fgc, &dsl::ineighbors(cen));
            dsl::fill_in(&mut go, 1, &dsl::dneighbors(cen));
            inds = dsl::difference(&inds, &bd.shift(loc));
            succ += 1;
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b6afb2da(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 4]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 9));
    // `indss` is read for its order (the sfilter a choice draws from), so
    // it is CPython's table over location numbers (`GridSet`); the sfilter
    // is kept per size until `indss` changes.
    let mut indss = GridSet::asindices((h, w));
    let mut fits: FitMemo<u16> = FitMemo::default();
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    while succ < num && tr <= maxtrials {
        if remcols.is_empty() || indss.len() == 0 {
            break;
        }
        let oh = rng.randint(3, 7)?;
        let ow = rng.randint(3, 7)?;
        // `ij[0] < h - oh and ij[1] < w - ow`: a box one larger fits.
        let subs = fits.fitting(&indss, (h, w), (oh + 1, ow + 1));
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(subs)?);
        let (lr_i, lr_j) = (loci + oh - 1, locj + ow - 1);
        // `backdrop`, `box` and `corners` of the rectangle are filled or
        // tested for inclusion, and `indss - bd` reads `bd`'s size and
        // cells: only their cells are read.
        let bd = rect_cells((loci, locj), (lr_i, lr_j));
        let col = rng.choice(&remcols)?;
        if bd.len() <= indss.len() && bd.iter().all(|&l| indss.contains(gid(l))) {
            remcols = dsl::remove(&col, &remcols);
            fill_locs_in(&mut gi, col, &bd);
            fill_locs_in(&mut go, 2, &bd);
            fill_locs_in(&mut go, 4, &outline_cells((loci, locj), (lr_i, lr_j)));
            let corners = [(loci, locj), (loci, lr_j), (lr_i, locj), (lr_i, lr_j)];
            fill_locs_in(&mut go, 1, &corners);
            succ += 1;
            let ids: Vec<u16> = bd.iter().map(|&l| gid(l)).collect();
            indss = indss.difference_ids(&ids);
            fits.changed();
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b7249182(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let ih = unifint(rng, diff_lb, diff_ub, (3, (h - 1) / 2));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, ca, cb) = (cs[0], cs[1], cs[2]);
    let mut subg = dsl::canvas(bgc, (ih, 5));
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    dsl::fill_in(&mut subg, ca, &dsl::connect((0, 2), (ih - 2, 2)));
    dsl::fill_in(&mut subg, ca, &dsl::connect((ih - 2, 0), (ih - 2, 4)));
    fill_locs_in(&mut subg, ca, &[(ih - 1, 0)]);
    let subga = fill_locs(&subg, ca, &[(ih - 1, 4)]);
    let subgb = dsl::replace(&subga, ca, cb);
    let subg = dsl::vconcat(&subga, &dsl::hmirror_grid(&subgb));
    let loci = rng.randint(0, h - 2 * ih)?;
    let locj = rng.randint(0, w - 5)?;
    let obj = dsl::asobject(&subg).shift((loci, locj));
    fill_locs_in(&mut gi, ca, &[(loci, locj + 2)]);
    fill_locs_in(&mut gi, cb, &[(loci + 2 * ih - 1, locj + 2)]);
    dsl::paint_in(&mut go, &obj);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b775ac94(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 25));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nobjs;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (the choice over its sfilter): CPython's table
    // (`GridSet`); each sfilter is kept per shape until `inds` changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    let hashes = loc10_hashes();
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let oh = rng.randint(2, 5)?;
        let ow = rng.randint(2, 5)?;
        let canv = dsl::canvas(bgc, (oh, ow));
        let cs = rng.sample(&remcols, 4)?;
        let (c1, c2, c3, c4) = (cs[0], cs[1], cs[2], cs[3]);
        // `obj` and `bounds` lie in the 8 by 8 box: tables of box ids
        // (`BoxShape`), grown as CPython grows them.
        let mut obj = BoxShape::from_locs(hashes, [(0, 0)]);
        let ncellsd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
        let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
        let ncells = ncells.max(1).min(oh * ow - 1);
        let bounds = BoxShape::asindices(hashes, (oh, ow));
        for _ in 0..ncells {
            obj.grow(rng, &bounds, dsl::neighbors)?;
        }
        // From here `obj` is only filled and shifted: its cells as a list.
        let obj: Vec<Loc> = obj.locs().collect();
        let g_lr = fill_locs(&canv, c1, obj.iter());
        let shifted: Vec<Loc> = obj.iter().map(|&l| dsl::add(l, (oh, ow))).collect();
        let mut g2 = fill_locs(&dsl::canvas(bgc, (oh * 2, ow * 2)), c1, &shifted);
        let nkeepcols = unifint(rng, diff_lb, diff_ub, (1, 3));
        let keepcols = rng.sample(&[c2, c3, c4], nkeepcols)?;
        for cc in [c2, c3, c4] {
            if keepcols.contains(&cc) {
                let ofsi = if cc == c3 || cc == c4 { -1 } else { 0 };
                let ofsj = if cc == c2 || cc == c4 { -1 } else { 0 };
                fill_locs_in(&mut g2, cc, &[(oh + ofsi, ow + ofsj)]);
            }
        }
        // `vconcat(hconcat(g_ul, g_ur), hconcat(g_ll, g_lr))`: `g_lr`
        // mirrored into the other quarters and recoloured there (`c4`, `c3`,
        // `c2`), a quarter's colour replaced by the background unless kept;
        // written cell by cell.
        let shown = |c: i64| if keepcols.contains(&c) { c } else { bgc };
        let quarter = [[shown(c4), shown(c3)], [shown(c2), c1]];
        let (ohu, owu) = (oh as usize, ow as usize);
        let g: Grid = (0..2 * ohu)
            .map(|i| {
                let (qi, a) = if i < ohu {
                    (0, ohu - 1 - i)
                } else {
                    (1, i - ohu)
                };
                (0..2 * owu)
                    .map(|j| {
                        let (qj, b) = if j < owu {
                            (0, owu - 1 - j)
                        } else {
                            (1, j - owu)
                        };
                        if g_lr[a][b] == c1 {
                            quarter[qi][qj]
                        } else {
                            bgc
                        }
                    })
                    .collect()
            })
            .collect();
        let (g, g2) = random_rotation(rng, &g, &g2)?;
        // objo and obji (one cell per location) are only measured, shifted,
        // subset-tested, subtracted by size and membership, and painted: no
        // order is read, so they are lists of the grids' non-background cells.
        let cells_of = |g: &Grid| -> Vec<dsl::Cell> {
            let mut out = Vec::new();
            for (i, row) in g.iter().enumerate() {
                for (j, &v) in row.iter().enumerate() {
                    if v != bgc {
                        out.push((v, (i as i64, j as i64)));
                    }
                }
            }
            out
        };
        let objo = cells_of(&g);
        let obji = cells_of(&g2);
        let (top, bottom) = bounds_of(&objo.iter().map(|c| c.1 .0).collect::<Vec<_>>());
        let (left, right) = bounds_of(&objo.iter().map(|c| c.1 .1).collect::<Vec<_>>());
        let (oh, ow) = (bottom - top + 1, right - left + 1);
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        let (di, dj) = (loc.0 - top, loc.1 - left);
        let moved = |o: &[dsl::Cell]| -> Vec<dsl::Cell> {
            o.iter().map(|&(v, (i, j))| (v, (i + di, j + dj))).collect()
        };
        let plcdi = moved(&obji);
        let plcdo = moved(&objo);
        // `plcdoi.issubset(inds)`: sizes, then membership.
        if plcdo.len() <= inds.len() && plcdo.iter().all(|c| in_grid_set(&inds, c.1)) {
            succ += 1;
            let placed: Vec<Loc> = plcdo.iter().map(|c| c.1).collect();
            inds = grid_minus_near(&inds, &placed, dsl::neighbors);
            memo.changed();
            paint_cells_in(&mut gi, plcdi.iter());
            paint_cells_in(&mut go, plcdo.iter());
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b782dc8a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    // Wall indices N, S, E, W; `dlt` in Python's order, each with its
    // opposite wall (`wall_pairs`).
    const N: usize = 0;
    const S: usize = 1;
    const E: usize = 2;
    const W: usize = 3;
    let dlt: [(usize, usize, (i64, i64)); 4] = [
        (W, E, (-1, 0)),
        (E, W, (1, 0)),
        (S, N, (0, 1)),
        (N, S, (0, -1)),
    ];
    let (gi, go) = loop {
        let h = unifint(rng, diff_lb, diff_ub, (3, 15));
        let w = unifint(rng, diff_lb, diff_ub, (3, 15));
        // maze[x][y]: the cell's four walls.
        let mut maze = vec![vec![[true; 4]; h as usize]; w as usize];
        let kk = h * w;
        let mut stck: Vec<(i64, i64)> = Vec::with_capacity(kk as usize);
        let mut cc = (0i64, 0i64);
        let mut nv = 1;
        while nv < kk {
            // At most four neighbours: an array, not a list per step.
            let mut nbhs = [(0, 0, (0, 0)); 4];
            let mut found = 0;
            for &(direc, opp, (dx, dy)) in &dlt {
                let (x2, y2) = (cc.0 + dx, cc.1 + dy);
                let inside = 0 <= x2 && x2 < w && 0 <= y2 && y2 < h;
                if inside && maze[x2 as usize][y2 as usize].iter().all(|&b| b) {
                    nbhs[found] = (direc, opp, (x2, y2));
                    found += 1;
                }
            }
            if found == 0 {
                cc = stck.pop().ok_or_else(|| raised("pop from empty list"))?;
                continue;
            }
            let (direc, opp, next) = rng.choice(&nbhs[..found])?;
            maze[cc.0 as usize][cc.1 as usize][direc] = false;
            maze[next.0 as usize][next.1 as usize][opp] = false;
            stck.push(cc);
            cc = next;
            nv += 1;
        }
        let cs = rng.sample(&cols, 4)?;
        let (pathcol, wallcol, dotcol, ncol) = (cs[0], cs[1], cs[2], cs[3]);
        let mut grid: Grid = vec![vec![pathcol; (w * 2) as usize]];
        for y in 0..h as usize {
            let mut row = Vec::with_capacity((2 * w + 1) as usize);
            row.push(pathcol);
            for cell in maze.iter().map(|col| col[y]) {
                row.push(wallcol);
                row.push(if cell[E] { pathcol } else { wallcol });
            }
            grid.push(row);
            let mut row = Vec::with_capacity((2 * w + 1) as usize);
            row.push(pathcol);
            for cell in maze.iter().map(|col| col[y]) {
                row.push(if cell[S] { pathcol } else { wallcol });
                row.push(pathcol);
            }
            grid.push(row);
        }
        let n = grid.len();
        let gi: Grid = grid[1..n - 1]
            .iter()
            .map(|r| r[1..r.len() - 1].to_vec())
            .collect();
        // `order(sfilter(colorfilter(objects(gi, T, F, F), pathcol), size >
        // 4), size)`: the sets' orders (read by the sort's ties) come from
        // the objects' hashes and the order `objects` adds them in, so the
        // objects are flooded as cells; only the chosen one's own order is
        // read (a draw from its indices), so it alone is flooded again as
        // `objects` floods it (on location numbers), given the cells of the
        // objects found before.
        let found = objects_cells(&gi, true, false, false);
        let hashes: Vec<i64> = found.iter().map(object_hash).collect();
        let paths: Vec<usize> = set_frozen_order(&hashes)
            .into_iter()
            .filter(|&k| found[k][0].0 == pathcol)
            .collect();
        let paths = reordered(&paths, |k| hashes[k]);
        let big: Vec<usize> = paths.into_iter().filter(|&k| found[k].len() > 4).collect();
        let mut big = reordered(&big, |k| hashes[k]);
        if big.is_empty() {
            continue;
        }
        big.sort_by_key(|&k| found[k].len());
        let idx = unifint(rng, diff_lb, diff_ub, (0, big.len() as i64 - 1));
        let k = big[idx as usize];
        let (gh, gw) = dsl::shape_grid(&gi);
        let mut occupied = vec![false; (gh * gw) as usize];
        let mut occupied_len = 0;
        for cells in &found[..k] {
            for &(_, (i, j)) in cells {
                occupied[(i * gw + j) as usize] = true;
            }
            occupied_len += cells.len();
        }
        let obj = flood_indices_exact4(&gi, found[k][0].1, &mut occupied, &mut occupied_len);
        let cell = gloc(grid_choice(rng, &obj)?);
        let gi = filled_locs(gi, dotcol, &[cell]);
        // `dneighbors(cell) & ofcolor(gi, pathcol)`, `obj1` and `obj2 = obj
        // - obj1` are each filled with one value: cells.
        let nbhs: Vec<Loc> = dneighbor_cells(cell)
            .into_iter()
            .filter(|&l| cell_at(&gi, l) == Some(pathcol))
            .collect();
        let gi = filled_locs(gi, ncol, &nbhs);
        let (obj1, obj2): (Vec<Loc>, Vec<Loc>) = obj
            .iter()
            .map(gloc)
            .partition(|&(i, j)| ((i - cell.0).abs() + (j - cell.1).abs()) % 2 == 0);
        let go = fill_locs(&gi, dotcol, &obj1);
        let go = filled_locs(go, ncol, &obj2);
        break (gi, go);
    };
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// The symmetric mosaic of b8825c91 and dc0a314f: a connected random
/// blob of `remcols` cells on an `h` by `h` canvas of `bgc`, mirrored
/// across its diagonal, then across both axes into a `2h` by `2h` grid.
fn symmetric_mosaic(
    rng: &mut GenRng,
    diff_lb: f64,
    diff_ub: f64,
    bgc: i64,
    remcols: &[i64],
    h: i64,
) -> Result<Grid> {
    let canv = dsl::canvas(bgc, (h, h));
    let nc = unifint(rng, diff_lb, diff_ub, (1, h * h));
    let mut bx = dsl::asindices(&canv);
    let c0 = rng.choice(remcols)?;
    let l0 = rng.choice_in(&bx)?;
    // A set of cells: the first location stays in `bx`, so a later cell may
    // land on it, and the paint's order (the set's) decides which shows.
    let mut obj: PySet<dsl::Cell> = std::iter::once((c0, l0)).collect();
    for _ in 0..nc - 1 {
        let locs: Indices = obj.iter().map(|c| c.1).collect();
        let dns = around(&locs);
        let ch = rng.choice_in(&(&bx & &dns))?;
        let col = rng.choice(remcols)?;
        obj.add((col, ch));
        bx = bx.difference(&dsl::initset(ch));
    }
    let mut gi = paint_cells(&canv, obj.iter());
    let tr = dsl::sfilter(&dsl::asobject(&dsl::dmirror_grid(&gi)), |c| {
        c.1 .1 >= c.1 .0
    });
    dsl::paint_in(&mut gi, &tr);
    gi = dsl::hconcat(&gi, &dsl::vmirror_grid(&gi));
    Ok(dsl::vconcat(&gi, &dsl::hmirror_grid(&gi)))
}

fn generate_b8825c91(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[4]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 15));
    let w = h;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let remcols = rng.sample(&remcols, numcols)?;
    let mut gi = symmetric_mosaic(rng, diff_lb, diff_ub, bgc, &remcols, h)?;
    let mut go = gi.clone();
    for alph in [2, 1] {
        let locidev = unifint(rng, diff_lb, diff_ub, (1, alph * h));
        let locjdev = unifint(rng, diff_lb, diff_ub, (1, w));
        let loci = alph * h - locidev;
        let locj = w - locjdev;
        let loci2 = unifint(rng, diff_lb, diff_ub, (loci, alph * h - 1));
        let locj2 = unifint(rng, diff_lb, diff_ub, (locj, w - 1));
        let bd = dsl::backdrop(&pair_set((loci, locj), (loci2, locj2)));
        dsl::fill_in(&mut gi, 4, &bd);
        gi = dsl::rot180(&gi);
        go = dsl::rot180(&go);
    }
    let (gi, go) = random_transforms(rng, gi, go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b8cdaf2b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, linc, dotc) = (cs[0], cs[1], cs[2]);
    let lin = dsl::connect((0, 0), (0, w - 1));
    let winv = unifint(rng, diff_lb, diff_ub, (2, w - 1));
    let w2 = (w - winv).max(1).min(w - 2);
    let locj = rng.randint(1, w - w2 - 1)?;
    let bar2 = dsl::connect((0, locj), (0, locj + w2 - 1));
    let c = dsl::canvas(bgc, (h, w));
    let gi = dsl::fill(&c, linc, &lin);
    let gi = dsl::filled(gi, dotc, &bar2);
    let gi = dsl::filled(gi, linc, &bar2.shift((1, 0)));
    let go = dsl::fill(&gi, dotc, &dsl::shoot((2, locj - 1), (1, -1)));
    let go = dsl::filled(go, dotc, &dsl::shoot((2, locj + w2), (1, 1)));
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b91ae062(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let numc = unifint(
        rng,
        diff_lb,
        diff_ub,
        (3, (h * w).min(10.min(30 / h.max(w)))),
    );
    let ccols = rng.sample(&cols, numc)?;
    let c = dsl::canvas(-1, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let fixinds = rng.sample(&inds, numc)?;
    // Every location gets one cell, so the set's order does not matter.
    let mut gi = c;
    for (&col, &(i, j)) in ccols.iter().zip(&fixinds) {
        gi[i as usize][j as usize] = col;
    }
    for &(i, j) in inds.iter().filter(|l| !fixinds.contains(l)) {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let go = dsl::upscale_grid(&gi, numc - 1);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b94a9452(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, outer, inner) = (cs[0], cs[1], cs[2]);
    let c = dsl::canvas(bgc, (h, w));
    let oh = unifint(rng, diff_lb, diff_ub, (3, h - 1));
    let ow = unifint(rng, diff_lb, diff_ub, (3, w - 1));
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let oh2d = unifint(rng, diff_lb, diff_ub, (0, oh / 2));
    let ow2d = unifint(rng, diff_lb, diff_ub, (0, ow / 2));
    let oh2 = rng.choice(&[oh2d, oh - oh2d])?.max(1).min(oh - 2);
    let ow2 = rng.choice(&[ow2d, ow - ow2d])?.max(1).min(ow - 2);
    let loci2 = rng.randint(loci + 1, loci + oh - oh2 - 1)?;
    let locj2 = rng.randint(locj + 1, locj + ow - ow2 - 1)?;
    let obj1 = dsl::backdrop(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
    let obj2 = dsl::backdrop(&pair_set(
        (loci2, locj2),
        (loci2 + oh2 - 1, locj2 + ow2 - 1),
    ));
    let gi = dsl::fill(&c, outer, &obj1);
    let gi = dsl::filled(gi, inner, &obj2);
    let go = dsl::switch(&dsl::compress(&gi), outer, inner);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_b9b7f026(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 9));
    // `indss` is read for its order (the sfilter's tuple feeds a choice):
    // CPython's table over location numbers.
    let mut indss = GridSet::asindices((h, w));
    let maxtrials = 4 * num;
    let (mut succ, mut tr) = (0, 0);
    let mut outcol = None;
    // `i < h - oh and j < w - ow` is `FitMemo`'s filter for a box one
    // larger; the filter's tuple is the same until `indss` changes.
    let mut fits: FitMemo<u16> = FitMemo::default();
    while succ < num && tr <= maxtrials {
        if remcols.is_empty() || indss.len() == 0 {
            break;
        }
        let oh = rng.randint(3, 7)?;
        let ow = rng.randint(3, 7)?;
        let subs = fits.fitting(&indss, (h, w), (oh + 1, ow + 1));
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(subs)?);
        // The square is read only by membership, as a fill and as the
        // subtracted set (CPython's difference reads its size and members,
        // never its order): its distinct location numbers.
        let bd = rect_ids((loci, locj), (loci + oh - 1, locj + ow - 1));
        let col = rng.choice(&remcols)?;
        if bd.iter().all(|&id| indss.contains(id)) {
            remcols = dsl::remove(&col, &remcols);
            for &id in &bd {
                let (i, j) = gloc(id);
                gi[i as usize][j as usize] = col;
            }
            succ += 1;
            indss = indss.difference_ids(&bd);
            fits.changed();
            if outcol.is_none() {
                outcol = Some(col);
                // `backdrop(inbox(bd))` is the rectangle one cell inside,
                // built as CPython builds it (its order feeds the sample).
                let inner = pair_set((loci + 1, locj + 1), (loci + oh - 2, locj + ow - 2));
                let cands = dsl::backdrop(&inner).to_vec();
                let corners: Indices = if cands.len() > 2 {
                    rng.sample(&cands, 2)?.into_iter().collect()
                } else {
                    cands.into_iter().collect()
                };
                dsl::fill_in(&mut gi, bgc, &dsl::backdrop(&corners));
            }
        }
        tr += 1;
    }
    // Python would print a grid of `None`; the first square always fits.
    let outcol = outcol.ok_or_else(|| raised("no square placed"))?;
    let go = dsl::canvas(outcol, (1, 1));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ba26e723(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[0, 6]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let mut gi = dsl::canvas(0, (h, w));
    let mut go = dsl::canvas(0, (h, w));
    let opts = dsl::interval(0, h, 1);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&cols, ncols)?;
    for j in 0..w {
        let nc = unifint(rng, diff_lb, diff_ub, (1, h - 1));
        let locs = rng.sample(&opts, nc)?;
        // One cell per sampled row: distinct locations, any paint order.
        for &ii in &locs {
            let col = rng.choice(&ccols)?;
            gi[ii as usize][j as usize] = col;
            go[ii as usize][j as usize] = if j % 3 == 0 { 6 } else { col };
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ba97ae07(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let lineh = unifint(rng, diff_lb, diff_ub, (1, h / 3));
    let linew = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let loci = rng.randint(1, h - lineh - 1)?;
    let locj = rng.randint(1, w - linew - 1)?;
    let acol = rng.choice(&remcols)?;
    let bcol = rng.choice(&dsl::remove(&acol, &remcols))?;
    let row = |a: i64| dsl::connect((loci + a, 0), (loci + a, w - 1));
    let col = |b: i64| dsl::connect((0, locj + b), (h - 1, locj + b));
    for a in 0..lineh {
        dsl::fill_in(&mut gi, acol, &row(a));
    }
    for b in 0..linew {
        dsl::fill_in(&mut gi, bcol, &col(b));
        dsl::fill_in(&mut go, bcol, &col(b));
    }
    for a in 0..lineh {
        dsl::fill_in(&mut go, acol, &row(a));
    }
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_bb43febb(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 8));
    // `indss` is read for its order (the sfilter's tuple feeds a choice):
    // CPython's table over location numbers.
    let mut indss = GridSet::asindices((h, w));
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    while succ < num && tr <= maxtrials {
        if remcols.is_empty() || indss.len() == 0 {
            break;
        }
        let oh = rng.randint(3, 7)?;
        let ow = rng.randint(3, 7)?;
        let subs = indss.filtered_order(|id| {
            let (i, j) = gloc(id);
            i < h - oh && j < w - ow
        });
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(&subs)?);
        let (bot, rgt) = (loci + oh - 1, locj + ow - 1);
        // The square (inside the grid) is read only by membership, as fills
        // and as the subtracted set (CPython's difference reads its size and
        // members, never its order): its distinct location numbers.
        let bd: Vec<u16> = rect_cells((loci, locj), (bot, rgt))
            .into_iter()
            .map(gid)
            .collect();
        let col = rng.choice(&remcols)?;
        if bd.iter().all(|&id| indss.contains(id)) {
            remcols = dsl::remove(&col, &remcols);
            for &id in &bd {
                let (i, j) = gloc(id);
                let (i, j) = (i as usize, j as usize);
                gi[i][j] = col;
                // `box(obj)`: the square's border in `col`, its inside 2.
                let border =
                    i as i64 == loci || i as i64 == bot || j as i64 == locj || j as i64 == rgt;
                go[i][j] = if border { col } else { 2 };
            }
            succ += 1;
            indss = indss.difference_ids(&bd);
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_bbc9ae5d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let w = unifint(rng, diff_lb, diff_ub, (2, 15)) * 2;
    let locinv = unifint(rng, diff_lb, diff_ub, (2, w));
    let locj = w - locinv;
    let loc = (0, locj);
    let c1 = rng.choice(&cols)?;
    let remcols = dsl::remove(&c1, &cols);
    let remlocs = dsl::connect((0, locj + 1), (0, w - 1));
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, numc)?;
    let mut remobj = Vec::new();
    for &ij in remlocs.iter() {
        remobj.push((rng.choice(&ccols)?, ij));
    }
    // `ln1`, the first row up to `locj`, is only filled.
    let mut gi = dsl::canvas(-1, (1, w));
    gi[0][..=locj as usize].fill(c1);
    let mut go = dsl::canvas(-1, (w / 2, w));
    // The cells and the diagonals shot from them are disjoint: the order of
    // the paints does not matter. Every `shoot` reaches 42 steps, past the
    // grid, so it is the line up to the grid's edge.
    for &(c, ij) in &remobj {
        fill_locs_in(&mut gi, c, &[ij]);
    }
    // `mapply(rbind(shoot, (0, -1)), shoot(loc, (1, 1)))`: in row `k`,
    // the columns from `locj + k - 42` to `locj + k`.
    let (gh, gw) = (w / 2, w);
    for k in 0..gh.min(43) {
        let (start, end) = ((loc.1 + k - 42).max(0), (loc.1 + k).min(gw - 1));
        if start <= end {
            go[k as usize][start as usize..=end as usize].fill(c1);
        }
    }
    for &(c, (_, j)) in &remobj {
        for k in 0..gh.min(43) {
            if j + k < gw {
                go[k as usize][(j + k) as usize] = c;
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_bc1d5164(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 15));
    let w = unifint(rng, diff_lb, diff_ub, (2, 14));
    let (fullh, fullw) = (2 * h - 1, 2 * w + 1);
    let bo = rng.sample(&cols, 2)?;
    let (bgc, objc) = (bo[0], bo[1]);
    let inds = dsl::asindices(&dsl::canvas(-1, (h, w)));
    let mut ns = [0; 4];
    for n in ns.iter_mut() {
        *n = rng.randint(1, (h - 1) * (w - 1) - 1)?;
    }
    // A, B, C, D: the corner grids, each drawn from the cells that have
    // neighbours toward the grid's center (`(di, dj)`: bottom, right).
    let quads = [(0, 0), (0, 1), (1, 0), (1, 1)];
    let mut gi = dsl::canvas(bgc, (fullh, fullw));
    let mut go = dsl::canvas(bgc, (h, w));
    for (&(di, dj), &n) in quads.iter().zip(&ns) {
        let pool = dsl::sfilter(&inds, |&(i, j)| {
            (if di == 0 { i < h - 1 } else { i > 0 }) && (if dj == 0 { j < w - 1 } else { j > 0 })
        })
        .to_vec();
        let locs = rng.sample(&pool, n)?;
        let d = (di * (fullh - h), dj * (fullw - w));
        let shifted: Vec<Loc> = locs.iter().map(|&l| dsl::add(l, d)).collect();
        fill_locs_in(&mut gi, objc, &shifted);
        fill_locs_in(&mut go, objc, &locs);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_bd4472b8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 28));
    let w = unifint(rng, diff_lb, diff_ub, (2, 8));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let linc = rng.choice(&remcols)?;
    let ccols = rng.sample(&remcols, w)?;
    let cc: Grid = vec![ccols];
    let br = dsl::canvas(linc, (1, w));
    let lp = dsl::canvas(bgc, (h, w));
    let gi = dsl::vconcat(&dsl::vconcat(&cc, &br), &lp);
    let mut go = gi.clone();
    let pto = dsl::asobject(&dsl::hupscale(&dsl::dmirror_grid(&cc), w));
    let mut idx = 2;
    while idx < h + 3 {
        dsl::paint_in(&mut go, &pto.shift((idx, 0)));
        idx += w;
    }
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_bda2d7a6(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 14));
    let w = unifint(rng, diff_lb, diff_ub, (2, 14));
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 10));
    let cols = rng.sample(&colopts, ncols)?;
    let mut colord = Vec::new();
    for _ in 0..h.min(w) {
        colord.push(rng.choice(&cols)?);
    }
    // Ring `idx` is the outline `idx` cells in; the rings tile the grid.
    let ring = |idx: usize| {
        let idx = idx as i64;
        outline_cells((idx, idx), (h * 2 - 1 - idx, w * 2 - 1 - idx))
    };
    let mut gi = dsl::canvas(0, (h * 2, w * 2));
    for (idx, &ci) in colord.iter().enumerate() {
        fill_locs_in(&mut gi, ci, &ring(idx));
    }
    // `objects(gi, T, F, F)` are the runs of neighbouring rings of one
    // color (each ring is connected and touches the next one in), and
    // `order(..., compose(maximum, shape))` sorts them by their outer ring,
    // a key no two share: innermost first, whatever the set's order. So
    // the objects are read off `colord` as runs of ring numbers.
    let mut objso: Vec<(Vec<usize>, i64)> = Vec::new();
    for (idx, &c) in colord.iter().enumerate() {
        match objso.last_mut() {
            Some((rings, rc)) if *rc == c => rings.push(idx),
            _ => objso.push((vec![idx], c)),
        }
    }
    objso.reverse();
    let n = objso.len();
    if n == 0 {
        return Err(raised("tuple index out of range"));
    }
    if objso[0].1 == objso[n - 1].1 && n > 1 {
        let (last, _) = objso.pop().expect("two objects or more");
        objso[0].0.extend(last);
    }
    // Each object takes the color of the next larger one, the largest the
    // smallest's; the objects are disjoint, so the paints commute.
    let n = objso.len();
    let mut go = gi.clone();
    for k in 0..n {
        let c = objso[k].1;
        for &idx in &objso[(k + n - 1) % n].0 {
            fill_locs_in(&mut go, c, &ring(idx));
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_bdad9b1f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[4]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let numh = unifint(rng, diff_lb, diff_ub, (1, h / 2 - 1));
    let numw = unifint(rng, diff_lb, diff_ub, (1, w / 2 - 1));
    let mut hlocs = rng.sample(&dsl::interval(2, h - 1, 1), numh)?;
    let mut wlocs = rng.sample(&dsl::interval(2, w - 1, 1), numw)?;
    let numcols = unifint(rng, diff_lb, diff_ub, (2, 8));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ccols = rng.sample(&remcols, numcols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    hlocs.sort();
    wlocs.sort();
    let mut fc = -1;
    for &ii in &hlocs {
        let col = rng.choice(&dsl::remove(&fc, &ccols))?;
        fc = col;
        let objw = rng.randint(2, ii)?;
        dsl::fill_in(&mut gi, col, &dsl::connect((ii, 0), (ii, objw - 1)));
        dsl::fill_in(&mut go, col, &dsl::connect((ii, 0), (ii, w - 1)));
    }
    fc = -1;
    for &jj in &wlocs {
        let col = rng.choice(&dsl::remove(&fc, &ccols))?;
        fc = col;
        let objh = rng.randint(2, jj)?;
        dsl::fill_in(&mut gi, col, &dsl::connect((0, jj), (objh - 1, jj)));
        dsl::fill_in(&mut go, col, &dsl::connect((0, jj), (h - 1, jj)));
    }
    dsl::fill_in(&mut go, 4, &dsl::product(&hlocs, &wlocs));
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_be94b721(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let no = unifint(rng, diff_lb, diff_ub, (3, 3.max((h * w) / 16)));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let c = dsl::canvas(bgc, (h, w));
    let nc = unifint(rng, diff_lb, diff_ub, (no + 1, (no + 1).max(2 * no)));
    // `inds` and every `shp` are read for their order (the choices), so
    // they are CPython's tables over location numbers (`GridSet`).
    let inds = GridSet::asindices((h, w));
    let ch = grid_choice(rng, &inds)?;
    let mut shp = GridSet::from_adds([ch]);
    // `remove(ch, inds)`: a new frozenset of the others, in `inds`' order.
    let inds = inds.filter(|id| id != ch);
    for _ in 0..nc - 1 {
        grow_grid(rng, &inds, &mut shp, dsl::dneighbors, false)?;
    }
    let cells: Vec<Loc> = shp.iter().map(gloc).collect();
    let mut inds = grid_minus_near(&inds, &cells, dsl::neighbors);
    let trgc = rng.choice(&remcols)?;
    // The fills read `shp` (and its normalized copy) as cells alone.
    let mut gi = fill_locs(&c, trgc, cells.iter());
    let (top, left, _, _) = shp.bounds();
    let normed: Vec<Loc> = cells.iter().map(|&(i, j)| (i - top, j - left)).collect();
    let go = filled_locs(dsl::canvas(bgc, cells_shape(&cells)), trgc, &normed);
    // Each shape's `(inds - shp) - mapply(neighbors, shp)` is applied when
    // `inds` is next read: the last one never is.
    let mut pending: Option<Vec<Loc>> = None;
    for _ in 0..no {
        if let Some(cells) = pending.take() {
            inds = grid_minus_near(&inds, &cells, dsl::neighbors);
        }
        if inds.len() == 0 {
            break;
        }
        let ch = grid_choice(rng, &inds)?;
        let mut shp = GridSet::from_adds([ch]);
        let nc2 = unifint(rng, diff_lb, diff_ub, (1, nc - 1));
        for _ in 0..nc2 - 1 {
            if !grow_grid(rng, &inds, &mut shp, dsl::dneighbors, true)? {
                break;
            }
        }
        let col = rng.choice(&remcols)?;
        let cells: Vec<Loc> = shp.iter().map(gloc).collect();
        fill_locs_in(&mut gi, col, cells.iter());
        pending = Some(cells);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_beb8660c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let h = unifint(rng, diff_lb, diff_ub, (w, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let k = unifint(rng, diff_lb, diff_ub, (1, 8.min(w - 1)));
    let co = rng.sample(&remcols, k)?;
    let mut wds = rng.sample(&dsl::interval(1, w, 1), k)?;
    wds.sort();
    for (j, (&c, &l)) in co.iter().zip(&wds).enumerate() {
        let j = h - k - 1 + j as i64;
        dsl::fill_in(&mut gi, c, &dsl::connect((j, 0), (j, l - 1)));
    }
    dsl::fill_in(&mut gi, 8, &dsl::connect((h - 1, 0), (h - 1, w - 1)));
    let go = dsl::vmirror_grid(&gi);
    let mut rows = gi[..gi.len() - 1].to_vec();
    rng.shuffle(&mut rows);
    rows.extend_from_slice(&go[go.len() - 1..]);
    let mut gif = Vec::with_capacity(rows.len());
    for r in &rows {
        let nbc = r.iter().filter(|&&v| v == bgc).count() as i64;
        let ofs = rng.randint(0, nbc)? as usize;
        // `r[-ofs:] + r[:-ofs]`: rotated right by `ofs` (0 leaves it).
        let mut row = r.clone();
        if ofs > 0 {
            row.rotate_right(ofs);
        }
        gif.push(row);
    }
    let gi = dsl::vmirror_grid(&gif);
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c0f76784(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[6, 7, 8]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, remcols.len() as i64));
    let ccols = rng.sample(&remcols, numcols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 20));
    // `indss` as CPython's table (`GridSet`); `subs` kept per size until
    // `indss` changes.
    let mut indss = GridSet::asindices((h, w));
    let mut subs_memo = FitMemo::default();
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    while succ < num && tr <= maxtrials {
        if indss.len() == 0 {
            break;
        }
        let oh = rng.choice(&[3, 4, 5])?;
        let ow = oh;
        // `i < h - oh` is `i <= h - (oh + 1)`: FitMemo's filter one larger.
        let subs = subs_memo.fitting(&indss, (h, w), (oh + 1, ow + 1));
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(subs)?);
        let col = rng.choice(&ccols)?;
        // `bd`, `backdrop(inbox(obj))` and `outbox(bd)` are read for
        // membership, size and fills only: cell lists.
        let bd: Vec<Loc> = (loci..loci + oh)
            .flat_map(|i| (locj..locj + ow).map(move |j| (i, j)))
            .collect();
        if bd.len() <= indss.len() && bd.iter().all(|&l| indss.contains(gid(l))) {
            fill_locs_in(&mut gi, col, &bd);
            fill_locs_in(&mut go, col, &bd);
            let bdx: Vec<Loc> = (loci + 1..loci + oh - 1)
                .flat_map(|i| (locj + 1..locj + ow - 1).map(move |j| (i, j)))
                .collect();
            fill_locs_in(&mut gi, bgc, &bdx);
            fill_locs_in(&mut go, oh + 3, &bdx);
            succ += 1;
            let (top, left, bottom, right) = (loci - 1, locj - 1, loci + oh, locj + ow);
            // Read for its size and membership only: its cells in any order.
            let outbox = outline_cells((top, left), (bottom, right));
            let bd_ids: Vec<u16> = bd.iter().map(|&l| gid(l)).collect();
            indss = indss.difference_ids(&bd_ids).difference_locs(&outbox);
            subs_memo.changed();
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c1d99e64(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let nofrontcol = rng.choice(&colopts)?;
    let noisefrontcol = rng.choice(&dsl::remove(&nofrontcol, &colopts))?;
    let mut gi = dsl::canvas(nofrontcol, (h, w));
    let nhf = unifint(rng, diff_lb, diff_ub, (1, h / 4));
    let nvf = unifint(rng, diff_lb, diff_ub, (1, w / 4));
    let vjs = rng.sample(&dsl::interval(0, w, 1), nvf)?;
    let his = rng.sample(&dsl::interval(0, h, 1), nhf)?;
    for &j in &vjs {
        dsl::fill_in(&mut gi, noisefrontcol, &dsl::vfrontier((0, j)));
    }
    for &i in &his {
        dsl::fill_in(&mut gi, noisefrontcol, &dsl::hfrontier((i, 0)));
    }
    let cands = dsl::ofcolor(&gi, nofrontcol).to_vec();
    let kk = cands.len() as i64;
    let midp = (h * w) / 2;
    let num_noise = unifint(rng, diff_lb, diff_ub, (0, 0.max(kk - midp - 1)));
    let noise = rng.sample(&cands, num_noise)?;
    let gi = filled_locs(gi, noisefrontcol, &noise);
    let fronts = dsl::merge(&dsl::colorfilter(&dsl::frontiers(&gi), noisefrontcol));
    let go = dsl::fill(&gi, 2, &fronts);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c3e719e8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[0]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let wg = dsl::canvas(-1, (h, w));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, (h * w - 1).min(8)));
    let nmc = rng.randint(1.max((h * w) / (ncols + 1) + 1), h * w)?;
    let mut inds = dsl::asindices(&wg).to_vec();
    let mc = rng.choice(&cols)?;
    let remcols = dsl::remove(&mc, &cols);
    let mcc = rng.sample(&inds, nmc)?;
    inds.retain(|l| !mcc.contains(l));
    let mut gi = fill_locs(&wg, mc, &mcc);
    let ocols = rng.sample(&remcols, ncols)?;
    let k = inds.len() as i64 / ncols + 1;
    for &ocol in &ocols {
        if inds.is_empty() {
            break;
        }
        let ub = (nmc - 1).min(inds.len() as i64).min(k).max(1);
        let n = unifint(rng, diff_lb, diff_ub, (1, ub));
        let locs = rng.sample(&inds, n)?;
        inds.retain(|l| !locs.contains(l));
        fill_locs_in(&mut gi, ocol, &locs);
    }
    let gi = dsl::replace(&gi, -1, mc);
    let o = dsl::asobject(&gi);
    // The copies sit in disjoint tiles: painted in any order.
    let mut go = dsl::canvas(0, (h * h, w * w));
    for &l in dsl::ofcolor(&gi, mc).iter() {
        dsl::paint_in(&mut go, &o.shift(dsl::multiply(l, (h, w))));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c3f564a4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (7, 30));
    let p = unifint(rng, diff_lb, diff_ub, (2, 9.min((h / 3).min(w / 3))));
    let fixc = rng.choice(&cols)?;
    let remcols = dsl::remove(&fixc, &cols);
    let mut ccols = rng.sample(&remcols, p)?;
    rng.shuffle(&mut ccols);
    // The pattern repeats with period `p` along each row, the rows either
    // aligned or each shifted one further left; every cell is covered once.
    let diagonal = !rng.choice(&[true, false])?;
    let go: Grid = (0..h)
        .map(|i| {
            (0..w)
                .map(|j| {
                    let jj = if diagonal { j + i } else { j };
                    ccols[(jj % p) as usize]
                })
                .collect()
        })
        .collect();
    let mut gi = go.clone();
    let nsq = unifint(rng, diff_lb, diff_ub, (1, 1.max((h * w) / 25)));
    let maxtr = 4 * nsq;
    let (mut tr, mut succ) = (0, 0);
    while succ < nsq && tr < maxtr {
        let oh = unifint(rng, diff_lb, diff_ub, (2, 5));
        let ow = unifint(rng, diff_lb, diff_ub, (2, 5));
        let loci = rng.randint(0, h - oh)?;
        let locj = rng.randint(0, w - ow)?;
        // `tmpg = fill(gi, fixc, sq)` (the oh by ow box) is read and kept
        // only on success: it is `gi` outside the box and `fixc` inside, so
        // it is built only then. `baseobj`, the row of `ccols` (no `fixc`
        // among them), occurs at the windows of `gi` showing `ccols` that
        // miss the box; only whether there are two is asked.
        let (rows, cols_in) = (loci..loci + oh, locj..locj + ow);
        let (pu, wu) = (p as usize, w as usize);
        let occurs_twice = || {
            let mut n = 0;
            for (i, row) in gi.iter().enumerate() {
                let box_row = rows.contains(&(i as i64));
                for j in 0..=wu - pu {
                    let meets_box = box_row && (j as i64) < locj + ow && (j + pu) as i64 > locj;
                    if !meets_box && row[j..j + pu] == ccols[..] {
                        n += 1;
                        if n > 1 {
                            return true;
                        }
                    }
                }
            }
            false
        };
        // Some row (and, for the `dmirror`, some column) of `tmpg` without
        // `fixc`: never one through the box.
        let clean_row = || (0..h).any(|i| !rows.contains(&i) && !gi[i as usize].contains(&fixc));
        let clean_col =
            || (0..w).any(|j| !cols_in.contains(&j) && gi.iter().all(|r| r[j as usize] != fixc));
        if occurs_twice() && clean_row() && clean_col() {
            for row in &mut gi[loci as usize..(loci + oh) as usize] {
                row[locj as usize..(locj + ow) as usize].fill(fixc);
            }
            succ += 1;
        }
        tr += 1;
    }
    let (gi, go) = if rng.choice(&[true, false])? {
        (dsl::rot90(&gi), dsl::rot90(&go))
    } else {
        (gi, go)
    };
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c444b776(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 9));
    let w = unifint(rng, diff_lb, diff_ub, (2, 9));
    let nh = unifint(rng, diff_lb, diff_ub, (1, 3));
    let nw = unifint(rng, diff_lb, diff_ub, (if nh > 1 { 1 } else { 2 }, 3));
    let bgclinc = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bgclinc[0], bgclinc[1]);
    let remcols = without(&cols, &bgclinc);
    let fullh = h * nh + (nh - 1);
    let fullw = w * nw + (nw - 1);
    let c = dsl::canvas(linc, (fullh, fullw));
    let smallc = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&smallc).to_vec();
    let numcol = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numcol)?;
    let numcels = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 2));
    let cels = rng.sample(&inds, numcels)?;
    let mut smallcpainted = smallc.clone();
    for &(i, j) in &cels {
        smallcpainted[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let mut llocs: PySet<Loc> = PySet::new();
    for a in (0..fullh).step_by((h + 1) as usize) {
        for b in (0..fullw).step_by((w + 1) as usize) {
            llocs.add((a, b));
        }
    }
    let llocs = llocs.to_vec();
    let srcloc = rng.choice(&llocs)?;
    let obj = dsl::asobject(&smallcpainted);
    let mut gi = dsl::paint(&c, &obj.shift(srcloc));
    let remlocs = dsl::remove(&srcloc, &llocs);
    let bobj = dsl::asobject(&smallc);
    for &rl in &remlocs {
        dsl::paint_in(&mut gi, &bobj.shift(rl));
    }
    let mut go = gi.clone();
    for &rl in &remlocs {
        dsl::paint_in(&mut go, &obj.shift(rl));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c59eb873(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 15));
    let w = unifint(rng, diff_lb, diff_ub, (1, 15));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for &col in &colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go = dsl::upscale_grid(&gi, 2);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c8cbb738(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let gh = unifint(rng, diff_lb, diff_ub, (3, 10));
    let gw = unifint(rng, diff_lb, diff_ub, (3, 10));
    let h = unifint(rng, diff_lb, diff_ub, (gh * 2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (gw * 2, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, ncols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (gh, gw));
    let ring = dsl::r#box(&dsl::asindices(&go));
    let crns = dsl::corners(&ring);
    let mut remring = &ring - &crns;
    let nrr = remring.len() as i64;
    let sc = ccols[0];
    dsl::fill_in(&mut go, sc, &crns);
    let loci = rng.randint(0, h - gh)?;
    let locj = rng.randint(0, w - gw)?;
    dsl::fill_in(&mut gi, sc, &crns.shift((loci, locj)));
    let ccols = &ccols[1..];
    let b_l = dsl::connect((0, 0), (gh - 1, 0));
    let b_r = dsl::connect((0, gw - 1), (gh - 1, gw - 1));
    let b_t = dsl::connect((0, 0), (0, gw - 1));
    let b_b = dsl::connect((gh - 1, 0), (gh - 1, gw - 1));
    let validpairs = [(&b_l, &b_t), (&b_l, &b_b), (&b_r, &b_t), (&b_r, &b_b)];
    for &c in ccols {
        if remring.len() < 3 {
            break;
        }
        let pool = remring.to_vec();
        let ub = 3.max((remring.len() as i64).min(nrr / ccols.len() as i64));
        let n = unifint(rng, diff_lb, diff_ub, (3, ub));
        let obj: PySet<Loc> = rng.sample(&pool, n)?.into_iter().collect();
        let flag = validpairs
            .iter()
            .any(|(b1, b2)| !obj.intersection(*b1).is_empty() && !obj.intersection(*b2).is_empty());
        if flag {
            let (oh, ow) = set_shape(&obj);
            let locs = dsl::ofcolor(&gi, bgc);
            let cands = dsl::sfilter(&locs, |&(i, j)| i <= h - oh && j <= w - ow);
            if !cands.is_empty() {
                let objn = normalize_set(&obj);
                let cands2 = sfilter_fits(&cands, &objn, &locs);
                if !cands2.is_empty() {
                    let loc = rng.choice_in(&cands2)?;
                    dsl::fill_in(&mut gi, c, &objn.shift(loc));
                    fill_locs_in(&mut go, c, obj.iter());
                    remring = remring.difference(&obj);
                }
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c8f0f002(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[7]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&cols, numc)?;
    let c = dsl::canvas(-1, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let numo = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let orng = rng.sample(&inds, numo)?;
    let mut gi = fill_locs(&c, 7, &orng);
    let mut go = fill_locs(&c, 5, &orng);
    for &(i, j) in inds.iter().filter(|l| !orng.contains(l)) {
        let col = rng.choice(&ccols)?;
        gi[i as usize][j as usize] = col;
        go[i as usize][j as usize] = col;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c909285e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let nfronts = unifint(rng, diff_lb, diff_ub, (1, (h + w) / 2));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let boxcol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&boxcol, &remcols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi).to_vec();
    for _ in 0..nfronts {
        let horizontal = rng.choice(&[true, false])?;
        let loc = rng.choice(&inds)?;
        inds = dsl::remove(&loc, &inds);
        let col = rng.choice(&remcols)?;
        let front = if horizontal {
            dsl::hfrontier(loc)
        } else {
            dsl::vfrontier(loc)
        };
        dsl::fill_in(&mut gi, col, &front);
    }
    let oh = unifint(rng, diff_lb, diff_ub, (3, 3.max((h - 2) / 2)));
    let ow = unifint(rng, diff_lb, diff_ub, (3, 3.max((w - 2) / 2)));
    let loci = rng.randint(1, h - oh - 1)?;
    let locj = rng.randint(1, w - ow - 1)?;
    let bx = dsl::r#box(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
    let gi = dsl::filled(gi, boxcol, &bx);
    let go = dsl::subgrid(&bx, &gi);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c9e6f938(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 30));
    let w = unifint(rng, diff_lb, diff_ub, (1, 15));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for &col in &colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go = dsl::hconcat(&gi, &dsl::vmirror_grid(&gi));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_c9f8e694(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = 0;
    let remcols = dsl::remove(&bgc, &cols);
    let sqc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&sqc, &remcols);
    // Drawn and never used, as in Python.
    let _ncols = unifint(rng, diff_lb, diff_ub, (1, h.min(8)));
    let nsq = unifint(rng, diff_lb, diff_ub, (1, 8));
    let mut gir = dsl::canvas(bgc, (h, w - 1));
    let mut gil: Vec<i64> = Vec::with_capacity(h as usize);
    for _ in 0..h {
        gil.push(rng.choice(&remcols)?);
    }
    // `inds` is never shrunk (Python assigns `indss`), so squares may overlap.
    let inds = dsl::asindices(&gir);
    let (mut succ, mut fails) = (0, 0);
    let maxfails = nsq * 5;
    while succ < nsq && fails < maxfails {
        let loci = rng.randint(0, h - 3)?;
        let locj = rng.randint(0, w - 3)?;
        let lock = rng.randint(loci + 1, (loci + 1.max(2 * h / 3)).min(h - 1))?;
        let locl = rng.randint(locj + 1, (locj + 1.max(2 * w / 3)).min(w - 1))?;
        let bd = dsl::backdrop(&pair_set((loci, locj), (lock, locl)));
        if bd.issubset(&inds) {
            dsl::fill_in(&mut gir, sqc, &bd);
            succ += 1;
        } else {
            fails += 1;
        }
    }
    let locs = dsl::ofcolor(&gir, sqc);
    let left: Grid = gil
        .iter()
        .enumerate()
        .map(|(idx, &c)| {
            let used = locs.iter().any(|l| l.0 == idx as i64);
            vec![if used { c } else { bgc }]
        })
        .collect();
    let mut giro = gir.clone();
    for &(i, j) in locs.iter() {
        giro[i as usize][j as usize] = left[i as usize][0];
    }
    let gi = dsl::hconcat(&left, &gir);
    let go = dsl::hconcat(&left, &giro);
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_caa06a1f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let vp = unifint(rng, diff_lb, diff_ub, (2, h / 2 - 1));
    let hp = unifint(rng, diff_lb, diff_ub, (2, w / 2 - 1));
    let bgc = rng.choice(&cols)?;
    let numc = unifint(rng, diff_lb, diff_ub, (2, 8.min(2.max(hp * vp))));
    let remcols = dsl::remove(&bgc, &cols);
    let ccols = rng.sample(&remcols, numc)?;
    let remcols = without(&remcols, &ccols);
    let tric = rng.choice(&remcols)?;
    let mut tile = dsl::canvas(-1, (vp, hp));
    for &(i, j) in dsl::asindices(&tile).iter() {
        tile[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    // The tile repeats with periods (vp, hp); the output's copies sit one
    // column further right. Every cell is covered by one copy.
    let tiled = |dj: i64| -> Grid {
        (0..h)
            .map(|i| {
                (0..w)
                    .map(|j| tile[dsl::pymod(i, vp) as usize][dsl::pymod(j - dj, hp) as usize])
                    .collect()
            })
            .collect()
    };
    let go = tiled(1);
    let mut gi = tiled(0);
    let ioffs = unifint(rng, diff_lb, diff_ub, (1, h - 2 * vp));
    let joffs = unifint(rng, diff_lb, diff_ub, (1, w - 2 * hp));
    for a in 0..ioffs {
        dsl::fill_in(&mut gi, tric, &dsl::connect((a, 0), (a, w - 1)));
    }
    for b in 0..joffs {
        dsl::fill_in(&mut gi, tric, &dsl::connect((0, b), (h - 1, b)));
    }
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_cbded52d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let oh = unifint(rng, diff_lb, diff_ub, (1, 4));
    let ow = unifint(rng, diff_lb, diff_ub, (1, 4));
    let numh = unifint(rng, diff_lb, diff_ub, (3, 31 / (oh + 1)));
    let numw = unifint(rng, diff_lb, diff_ub, (3, 31 / (ow + 1)));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let remcols = without(&cols, &[bgc, linc]);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8.min((numh * numh) / 3)));
    let ccols = rng.sample(&remcols, ncols)?;
    let fullh = numh * oh + numh - 1;
    let fullw = numw * ow + numw - 1;
    let mut gi = dsl::canvas(linc, (fullh, fullw));
    let sgi = dsl::asindices(&dsl::canvas(bgc, (oh, ow)));
    for a in 0..numh {
        for b in 0..numw {
            dsl::fill_in(&mut gi, bgc, &sgi.shift((a * (oh + 1), b * (ow + 1))));
        }
    }
    let mut go = gi.clone();
    let dirs = dsl::dneighbors((0, 0)).to_vec();
    for &col in &ccols {
        let inds = dsl::ofcolor(&go, bgc);
        if inds.is_empty() {
            break;
        }
        let loc = rng.choice_in(&inds)?;
        let narms = rng.randint(1, 4)?;
        let armdirs = rng.sample(&dirs, narms)?;
        let mut succ = 0;
        for &(x, y) in &armdirs {
            let mut arm = Vec::new();
            for k in 1..numh.max(numw) {
                let nextloc = dsl::add(loc, (k * x * (oh + 1), k * y * (ow + 1)));
                if !inds.contains(&nextloc) {
                    break;
                }
                arm.push(nextloc);
            }
            if arm.len() < 2 {
                continue;
            }
            let aidx = unifint(rng, diff_lb, diff_ub, (1, arm.len() as i64 - 1)) as usize;
            fill_locs_in(&mut gi, col, &[arm[aidx]]);
            fill_locs_in(&mut go, col, &arm[..=aidx]);
            succ += 1;
        }
        if succ > 0 {
            fill_locs_in(&mut gi, col, &[loc]);
            fill_locs_in(&mut go, col, &[loc]);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_cce03e0d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 8]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let nred = unifint(rng, diff_lb, diff_ub, (1, h * w - 1));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8.min(nred)));
    let ncells = unifint(rng, diff_lb, diff_ub, (1, h * w - nred));
    let ccols = rng.sample(&cols, ncols)?;
    let gi = dsl::canvas(0, (h, w));
    let inds = dsl::asindices(&gi);
    let reds = rng.sample(&inds.to_vec(), nred)?;
    // `difference(frozenset, list)`: a frozenset rebuilt from `inds`' order.
    let reminds: Indices = inds.iter().filter(|l| !reds.contains(l)).copied().collect();
    let mut gi = filled_locs(gi, 2, &reds);
    let rest = rng.sample(&reminds.to_vec(), ncells)?;
    for &(i, j) in &rest {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let o = dsl::asobject(&gi);
    // One copy per red cell, each in its own tile.
    let mut go = dsl::canvas(0, (h * h, w * w));
    for &l in &reds {
        dsl::paint_in(&mut go, &o.shift(dsl::multiply(l, (h, w))));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_cdecee7f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9.min(w)));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, numcols)?;
    let mut locs = rng.sample(&dsl::interval(0, w, 1), numc)?;
    locs.sort();
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut flat = Vec::new();
    for &j in &locs {
        let iloc = rng.randint(0, h - 1)?;
        let col = rng.choice(&ccols)?;
        fill_locs_in(&mut gi, col, &[(iloc, j)]);
        flat.push(col);
    }
    flat.resize(9, bgc);
    let mut mid = flat[3..6].to_vec();
    mid.reverse();
    let go = vec![flat[..3].to_vec(), mid, flat[6..].to_vec()];
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ce22a75a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let c = dsl::canvas(bgc, (h, w));
    let ndots = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 3));
    let dots = rng.sample(&dsl::asindices(&c).to_vec(), ndots)?;
    let gi = fill_locs(&c, fgc, &dots);
    let mut go = c;
    for &d in &dots {
        dsl::fill_in(&mut go, 1, &dsl::neighbors(d));
    }
    let go = filled_locs(go, 1, &dots);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ce4f8723(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 14));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let barcol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&barcol, &remcols);
    let cola = rng.choice(&remcols)?;
    let colb = rng.choice(&dsl::remove(&cola, &remcols))?;
    let canv = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&canv).to_vec();
    let gbar = dsl::canvas(barcol, (h, 1));
    let mp = (h * w) / 2;
    let deva = unifint(rng, diff_lb, diff_ub, (0, mp));
    let devb = unifint(rng, diff_lb, diff_ub, (0, mp));
    let sgna = rng.choice(&[1, -1])?;
    let sgnb = rng.choice(&[1, -1])?;
    let numa = (mp + sgna * deva).min(h * w - 1).max(1);
    let numb = (mp + sgnb * devb).min(h * w - 1).max(1);
    let a = rng.sample(&inds, numa)?;
    let b = rng.sample(&inds, numb)?;
    let gia = fill_locs(&canv, cola, &a);
    let gib = fill_locs(&canv, colb, &b);
    let mut gi = dsl::hconcat(&dsl::hconcat(&gia, &gbar), &gib);
    let mut go = fill_locs(&canv, 3, a.iter().chain(&b));
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ce602527(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (12, 30));
    let w = unifint(rng, diff_lb, diff_ub, (12, 30));
    let cs = rng.sample(&cols, 4)?;
    let (bgc, c1, c2, c3) = (cs[0], cs[1], cs[2], cs[3]);
    let hashes = loc10_hashes();
    // The two shapes' own orders are never read once grown (shapes, fills,
    // crops, equality, shifted membership tests), so each is its normalized
    // cells; while growing, `bounds1` and the shape are read in their
    // orders (draws): CPython's tables over the 8 by 8 box when `bounds1`
    // fits it, else frozensets.
    let (objs, maxinh, maxinw) = loop {
        let mut objs: Vec<Vec<Loc>> = Vec::new();
        for _ in 0..2 {
            let oh1 = unifint(rng, diff_lb, diff_ub, (3, h / 3 - 1));
            let ow1 = unifint(rng, diff_lb, diff_ub, (3, w / 3 - 1));
            let numcd1 = unifint(rng, diff_lb, diff_ub, (0, (oh1 * ow1) / 2 - 4));
            let numc1 = rng.choice(&[numcd1, oh1 * ow1 - numcd1])?;
            let numc1 = numc1.max(3).min(oh1 * ow1 - 3);
            let cells: Vec<Loc> = if oh1 <= 8 && ow1 <= 8 {
                let bounds1 = BoxShape::asindices(hashes, (oh1, ow1));
                let first = bounds1.choose(rng)?;
                let mut obj1 = BoxShape::from_locs(hashes, [loc10(first)]);
                // `shape(obj1)` from its mask's rows and columns.
                let shape = |m: u128| {
                    let rows: Vec<i64> = (0..10).filter(|r| m >> (10 * r) & 0x3ff != 0).collect();
                    let cols: Vec<i64> = (0..10)
                        .filter(|c| (0..10).any(|r| m >> (10 * r + c) & 1 != 0))
                        .collect();
                    let span = |v: &[i64]| v.last().map_or(0, |last| last - v[0] + 1);
                    (span(&rows), span(&cols))
                };
                while (obj1.set.len() as i64) < numc1 || shape(obj1.mask) != (oh1, ow1) {
                    obj1.grow(rng, &bounds1, dsl::dneighbors)?;
                }
                obj1.locs().collect()
            } else {
                let bounds1 = dsl::asindices(&dsl::canvas(bgc, (oh1, ow1)));
                let mut obj1: PySet<Loc> = std::iter::once(rng.choice_in(&bounds1)?).collect();
                while (obj1.len() as i64) < numc1 || set_shape(&obj1) != (oh1, ow1) {
                    grow_box8(rng, &bounds1, &mut obj1, dsl::dneighbors)?;
                }
                obj1.iter().copied().collect()
            };
            let (t, _) = bounds_of(&cells.iter().map(|l| l.0).collect::<Vec<_>>());
            let (l, _) = bounds_of(&cells.iter().map(|l| l.1).collect::<Vec<_>>());
            objs.push(cells.iter().map(|&(i, j)| (i - t, j - l)).collect());
        }
        let shape = |o: &[Loc]| {
            let (_, b) = bounds_of(&o.iter().map(|l| l.0).collect::<Vec<_>>());
            let (_, r) = bounds_of(&o.iter().map(|l| l.1).collect::<Vec<_>>());
            (b + 1, r + 1)
        };
        let (a, b) = (&objs[0], &objs[1]);
        let ag = filled_locs(dsl::canvas(0, shape(a)), 1, a);
        let bg = filled_locs(dsl::canvas(0, shape(b)), 1, b);
        let maxinh = shape(a).0.min(shape(b).0) / 2 + 1;
        let maxinw = shape(a).1.min(shape(b).1) / 2 + 1;
        let ag = dsl::crop(&ag, (0, 0), (maxinh, maxinw));
        let bg = dsl::crop(&bg, (0, 0), (maxinh, maxinw));
        if ag != bg {
            break (objs, maxinh, maxinw);
        }
    };
    let shape = |o: &[Loc]| {
        let (_, b) = bounds_of(&o.iter().map(|l| l.0).collect::<Vec<_>>());
        let (_, r) = bounds_of(&o.iter().map(|l| l.1).collect::<Vec<_>>());
        (b + 1, r + 1)
    };
    let k = rng.choice(&[0usize, 1])?;
    let trgo = &objs[k];
    // `trgo == a`: the same cells.
    let sorted = |o: &[Loc]| {
        let mut v = o.to_vec();
        v.sort_unstable();
        v
    };
    let trgo_is_a = k == 0 || sorted(trgo) == sorted(&objs[0]);
    // `trgo2 = ofcolor(upscale(...), 1)`: each cell as a 2 by 2 block, only
    // measured and filled.
    let trgo2: Vec<Loc> = trgo
        .iter()
        .flat_map(|&(i, j)| {
            [
                (2 * i, 2 * j),
                (2 * i, 2 * j + 1),
                (2 * i + 1, 2 * j),
                (2 * i + 1, 2 * j + 1),
            ]
        })
        .collect();
    let height2 = 2 * shape(trgo).0;
    let staysinh = unifint(rng, diff_lb, diff_ub, (maxinh * 2, shape(trgo).0 * 2));
    let nout = height2 - staysinh;
    let loci = h - height2 + nout;
    let locj = rng.randint(0, w - maxinw * 2)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let moved = |o: &[Loc], (di, dj): Loc| -> Vec<Loc> {
        o.iter().map(|&(i, j)| (i + di, j + dj)).collect()
    };
    fill_locs_in(&mut gi, c3, &moved(&trgo2, (loci, locj)));
    let lr = rng.sample(&[(c1, 0usize), (c2, 1)], 2)?;
    let ((lcol, lk), (rcol, rk)) = (lr[0], lr[1]);
    let (lobj, robj) = (&objs[lk], &objs[rk]);
    // `cands = ofcolor(gi, bgc) - box(asindices(gi))` and its filters are
    // read in their orders (the draws): CPython's tables as location
    // numbers (`ofcolor` adds row by row; the border is subtracted by size
    // and membership). Membership in `cands` and `lca` is also kept as
    // masks, for shifted shapes that may leave the grid.
    let border = |(i, j): Loc| i == 0 || j == 0 || i == h - 1 || j == w - 1;
    let cands = GridSet::from_distinct(
        (0..h)
            .flat_map(|i| (0..w).map(move |j| (i, j)))
            .filter(|&(i, j)| gi[i as usize][j as usize] == bgc)
            .map(gid),
    )
    .difference_where((2 * (h + w) - 4) as usize, |id| border(gloc(id)));
    let in_grid = |(i, j): Loc| 0 <= i && i < h && 0 <= j && j < w;
    let mut cand_mask = vec![false; (h * w) as usize];
    for id in cands.iter() {
        let (i, j) = gloc(id);
        cand_mask[(i * w + j) as usize] = true;
    }
    let in_cands = |l: Loc| in_grid(l) && cand_mask[(l.0 * w + l.1) as usize];
    let lca_j = w / 3 * 2;
    let in_lca = |l: Loc| in_cands(l) && l.1 < lca_j;
    let lca = cands.filter(|id| gloc(id).1 < lca_j);
    // Python also filters `rcands`, but never draws from them.
    let lcands: Vec<Loc> = lca
        .filter(|id| {
            let (i, j) = gloc(id);
            lobj.iter().all(|&(a, b)| in_lca((a + i, b + j)))
        })
        .iter()
        .map(gloc)
        .collect();
    // The placed shapes are only subset-tested and tested for a common
    // location (membership), so they are lists.
    let (lloc, rloc) = loop {
        let lloc = rng.choice(&lcands)?;
        let rloc = rng.choice(&lcands)?;
        let lplcd = moved(lobj, lloc);
        let rplcd = moved(robj, rloc);
        if lplcd.iter().all(|&l| in_cands(l))
            && rplcd.iter().all(|&l| in_cands(l))
            && !rplcd.iter().any(|l| lplcd.contains(l))
        {
            break (lloc, rloc);
        }
    };
    fill_locs_in(&mut gi, lcol, &moved(lobj, lloc));
    fill_locs_in(&mut gi, rcol, &moved(robj, rloc));
    let tc = if trgo_is_a { c1 } else { c2 };
    let go = filled_locs(dsl::canvas(bgc, shape(trgo)), tc, trgo);
    // (identity, rot90, rot180, rot270, cmirror, dmirror, hmirror, vmirror)
    // as indices of `transform`.
    let k = rng.choice(&[0usize, 5, 6, 7, 2, 1, 4, 3])?;
    Ok(Example {
        input: transform(k, &gi),
        output: transform(k, &go),
    })
}

fn generate_ce9e57f2(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let nbars = unifint(rng, diff_lb, diff_ub, (2, (w - 2) / 2));
    let mut locopts = dsl::interval(1, w - 1, 1);
    let mut barlocs = Vec::new();
    for _ in 0..nbars {
        if locopts.is_empty() {
            break;
        }
        let loc = rng.choice(&locopts)?;
        barlocs.push(loc);
        locopts.retain(|&x| x != loc && x != loc + 1 && x != loc - 1);
    }
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let colss = rng.sample(&remcols, numc)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    for &j in &barlocs {
        let barloci = unifint(rng, diff_lb, diff_ub, (1, h - 2));
        let fullbar = dsl::connect((0, j), (barloci, j));
        let half = if barloci % 2 == 1 {
            barloci / 2
        } else {
            (barloci - 1) / 2
        };
        let halfbar = dsl::connect((0, j), (half, j));
        let barcol = rng.choice(&colss)?;
        dsl::fill_in(&mut gi, barcol, &fullbar);
        dsl::fill_in(&mut go, barcol, &fullbar);
        dsl::fill_in(&mut go, 8, &halfbar);
    }
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_cf98881b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 9));
    let cs = rng.sample(&cols, 5)?;
    let (bgc, barcol, cola, colb, colc) = (cs[0], cs[1], cs[2], cs[3], cs[4]);
    let canv = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&canv).to_vec();
    let gbar = dsl::canvas(barcol, (h, 1));
    let mp = (h * w) / 2;
    let deva = unifint(rng, diff_lb, diff_ub, (0, mp));
    let devb = unifint(rng, diff_lb, diff_ub, (0, mp));
    let devc = unifint(rng, diff_lb, diff_ub, (0, mp));
    let sgna = rng.choice(&[1, -1])?;
    let sgnb = rng.choice(&[1, -1])?;
    let sgnc = rng.choice(&[1, -1])?;
    let clamp = |dev: i64| dev.min(h * w - 1).max(1);
    let (numa, numb, numc) = (
        clamp(mp + sgna * deva),
        clamp(mp + sgnb * devb),
        clamp(mp + sgnc * devc),
    );
    let a = rng.sample(&inds, numa)?;
    let b = rng.sample(&inds, numb)?;
    let c = rng.sample(&inds, numc)?;
    let gia = fill_locs(&canv, cola, &a);
    let gib = fill_locs(&canv, colb, &b);
    let gic = fill_locs(&canv, colc, &c);
    let gi = dsl::hconcat(
        &dsl::hconcat(&dsl::hconcat(&gia, &gbar), &dsl::hconcat(&gib, &gbar)),
        &gic,
    );
    let go = fill_locs(&gic, colb, &b);
    let go = filled_locs(go, cola, &a);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d037b0a7(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let nlocs = unifint(rng, diff_lb, diff_ub, (1, w));
    let locs = rng.sample(&dsl::interval(0, w, 1), nlocs)?;
    for &j in &locs {
        let col = rng.choice(&remcols)?;
        let loci = rng.randint(0, h - 1)?;
        fill_locs_in(&mut gi, col, &[(loci, j)]);
        dsl::fill_in(&mut go, col, &dsl::connect((loci, j), (h - 1, j)));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d06dbe63(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[5]);
    // The staircase up-right and down-left of a dot; only its cells (not
    // their order) matter below: its shifts are filled, tested for
    // inclusion and subtracted (a size and distinct cells).
    let mut stairs: Vec<Loc> = Vec::with_capacity(120);
    for k in 0..15 {
        for (i, j) in [(-1, 0), (-2, 0), (-2, 1), (-2, 2)] {
            stairs.push((i - 2 * k, j + 2 * k));
        }
        for (i, j) in [(1, 0), (2, 0), (2, -1), (2, -2)] {
            stairs.push((i + 2 * k, j - 2 * k));
        }
    }
    stairs.sort_unstable();
    stairs.dedup();
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let ndots = unifint(rng, diff_lb, diff_ub, (1, h.min(w)));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 4 * ndots;
    let bd = rng.sample(&cols, 2)?;
    let (bgc, dotc) = (bd[0], bd[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds` is read for its order (the choices): CPython's table over
    // location numbers (`GridSet`).
    let mut inds = GridSet::asindices((h, w));
    let in_grid = |&(i, j): &Loc| 0 <= i && i < h && 0 <= j && j < w;
    while tr < maxtr && succ < ndots {
        tr += 1;
        if inds.len() == 0 {
            break;
        }
        let loc = gloc(grid_choice(rng, &inds)?);
        let objx: Vec<Loc> = stairs
            .iter()
            .map(|&(i, j)| (i + loc.0, j + loc.1))
            .collect();
        // `(objx & fullinds).issubset(inds)`: its cells in the grid are all
        // in `inds`.
        if objx
            .iter()
            .filter(|l| in_grid(l))
            .all(|&l| inds.contains(gid(l)))
        {
            succ += 1;
            inds = inds.difference_locs(&objx).difference_ids(&[gid(loc)]);
            fill_locs_in(&mut gi, dotc, &[loc]);
            fill_locs_in(&mut go, dotc, &[loc]);
            fill_locs_in(&mut go, 5, &objx);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// One of d07ae81c's objects: a filled rectangle from `(t, l)` to `(b, r)`
/// of one color, with `hash(frozenset(its cells))` and the rank of its
/// first cell in `asindices`' order (where `objects` meets it).
struct ColorRect {
    t: i64,
    l: i64,
    b: i64,
    r: i64,
    color: i64,
    hash: i64,
    first: usize,
}

/// `hash((i, j))` for `i`, `j` in `0..30`, row by row: the inner tuples of
/// d07ae81c's cells, hashed once per process.
fn d07ae81c_loc_hashes() -> &'static [i64] {
    static HASHES: std::sync::OnceLock<Vec<i64>> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        (0..30i64)
            .flat_map(|i| (0..30i64).map(move |j| pycompat::PyHashable::py_hash(&(i, j))))
            .collect()
    })
}

impl ColorRect {
    fn new((t, l): Loc, (b, r): Loc, color: i64, rank: &[usize], w: i64) -> Self {
        // One walk of the cells for both: `hash((color, (i, j)))` is the
        // tuple hash of the color's and the location's hashes (looked up),
        // and the first cell is the one of least rank.
        let locs = d07ae81c_loc_hashes();
        let color_hash = pycompat::py_int_hash(color);
        let first = std::cell::Cell::new(usize::MAX);
        let least = &first;
        let hash = pycompat::frozenset_hash_of((t..=b).flat_map(|i| {
            (l..=r).map(move |j| {
                least.set(least.get().min(rank[(i * w + j) as usize]));
                pycompat::py_tuple_hash(&[color_hash, locs[(i * 30 + j) as usize]])
            })
        }));
        let first = first.get();
        assert!(first != usize::MAX, "a rectangle has a cell");
        ColorRect {
            t,
            l,
            b,
            r,
            color,
            hash,
            first,
        }
    }
}

fn generate_d07ae81c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let cs = rng.sample(&cols, 4)?;
    let (c1, c2, c3, c4) = (cs[0], cs[1], cs[2], cs[3]);
    let mut magiccol = 0;
    let mut gi = dsl::canvas(0, (h, w));
    let ndivi = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 10));
    // The grid is a partition into filled rectangles of distinct colors:
    // it starts as one, and each step fills the lower or right part of a
    // rectangle object with a new color (`magiccol` only grows, from 1),
    // leaving two. So `objects(gi, T, F, F)` holds exactly these
    // rectangles, and each step changes one and adds one. `objects` adds
    // them to its set by their first cell in `asindices`' order, and the
    // orders of that set and of the filters over it come from the objects'
    // hashes: the rectangles are kept with both, and no object is built.
    let mut rank = vec![0usize; (h * w) as usize];
    for (k, &(i, j)) in dsl::asindices_order(h, w).iter().enumerate() {
        rank[(i * w + j) as usize] = k;
    }
    let mut rects = vec![ColorRect::new((0, 0), (h - 1, w - 1), 0, &rank, w)];
    // The rectangles in `objects`' order: added by first cell, then frozen.
    let objects_order = |rects: &[ColorRect]| -> Vec<usize> {
        let mut added: Vec<usize> = (0..rects.len()).collect();
        added.sort_unstable_by_key(|&k| rects[k].first);
        let hashes: Vec<i64> = added.iter().map(|&k| rects[k].hash).collect();
        set_frozen_order(&hashes)
            .into_iter()
            .map(|x| added[x])
            .collect()
    };
    for _ in 0..ndivi {
        // Two filters, as in Python: the second walks the first's result,
        // whose order may differ from `objs`'. The second keeps every
        // object (a filled rectangle's height times width is its size), but
        // builds a new frozenset, whose order is read.
        let keep1: Vec<usize> = objects_order(&rects)
            .into_iter()
            .filter(|&k| {
                let o = &rects[k];
                let (a, c) = (o.b - o.t + 1, o.r - o.l + 1);
                a.min(c) > 3 && a.max(c) > 4
            })
            .collect();
        let keep1 = reordered(&keep1, |k| rects[k].hash);
        let keep2 = reordered(&keep1, |k| rects[k].hash);
        if keep2.is_empty() {
            break;
        }
        let k = rng.choice(&keep2)?;
        let ColorRect {
            t: top,
            l: left,
            b: bottom,
            r: right,
            color,
            ..
        } = rects[k];
        let (kept, newobj) = if rng.choice(&[true, false])? {
            let loci = rng.randint(top + 2, bottom - 1)?;
            (
                ((top, left), (loci - 1, right)),
                ((loci, left), (bottom, right)),
            )
        } else {
            let locj = rng.randint(left + 2, right - 1)?;
            (
                ((top, left), (bottom, locj - 1)),
                ((top, locj), (bottom, right)),
            )
        };
        magiccol += 1;
        // `fill(gi, magiccol, backdrop(frozenset({ul, lr})))`.
        fill_rect(&mut gi, magiccol, newobj.0, newobj.1);
        rects[k] = ColorRect::new(kept.0, kept.1, color, &rank, w);
        rects.push(ColorRect::new(newobj.0, newobj.1, magiccol, &rank, w));
    }
    // Each object is filled with one color: not its own order.
    for (ii, k) in objects_order(&rects).into_iter().enumerate() {
        let col = match ii {
            0 => c1,
            1 => c2,
            _ => rng.choice(&[c1, c2])?,
        };
        let o = &rects[k];
        fill_rect(&mut gi, col, (o.t, o.l), (o.b, o.r));
    }
    // `ofc1` and `ofc2`'s orders are read (the choices over what is left
    // of them), so they are CPython's tables, as `GridSet`s.
    let ofc1 = ofcolor_set(&gi, c1);
    let ofc2 = ofcolor_set(&gi, c2);
    let mn = ofc1.len().min(ofc2.len());
    // `int(mn ** 0.5)`.
    let root = (mn as f64).sqrt() as i64;
    let n1 = unifint(rng, diff_lb, diff_ub, (1, 1.max(root)));
    let n2 = unifint(rng, diff_lb, diff_ub, (1, 1.max(root)));
    // `srcs` is only subtracted (size and membership, or its distinct
    // elements discarded), filled and the lines through it tested: a list.
    let mut pick = |ofc: &GridSet, n: i64| -> Result<Vec<Loc>> {
        let mut srcs: Vec<Loc> = Vec::new();
        for _ in 0..n {
            // `- mapply(neighbors, srcs)`: likewise read for its size and
            // membership or its distinct cells.
            let near = Around::new(srcs.iter().copied(), dsl::neighbors);
            let cands = ofc.difference_locs(&srcs).difference_locs(near.cells());
            if cands.len() == 0 {
                break;
            }
            srcs.push(gloc(grid_choice(rng, &cands)?));
        }
        Ok(srcs)
    };
    let srcs1 = pick(&ofc1, n1)?;
    let srcs2 = pick(&ofc2, n2)?;
    fill_locs_in(&mut gi, c3, srcs1.iter());
    fill_locs_in(&mut gi, c4, srcs2.iter());
    // `lns = mapply(lnf, srcs1) | mapply(lnf, srcs2)` is only tested for
    // membership: the locations on a diagonal through a source, up to 42
    // steps away (the four `shoot`s of `lnf`, which include the source).
    let srcs: Vec<Loc> = srcs1.iter().chain(srcs2.iter()).copied().collect();
    let in_lns = |&(i, j): &Loc| {
        srcs.iter()
            .any(|&(si, sj)| (i - si).abs() == (j - sj).abs() && (i - si).abs() <= 42)
    };
    let ofc3: Vec<Loc> = ofc1.iter().map(gloc).filter(|l| in_lns(l)).collect();
    let ofc4: Vec<Loc> = ofc2.iter().map(gloc).filter(|l| in_lns(l)).collect();
    let go = fill_locs(&gi, c3, &ofc3);
    let go = filled_locs(go, c4, &ofc4);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d0f5fe59(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, 30.min((h * w) / 9)));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let (mut nfound, mut trials) = (0, 0);
    let maxtrials = nobjs * 5;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi);
    while trials < maxtrials && nfound < nobjs {
        let oh = unifint(rng, diff_lb, diff_ub, (1, 5));
        let ow = unifint(rng, diff_lb, diff_ub, (1, 5));
        let bx = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
        let sp = rng.choice_in(&bx)?;
        let mut shp: PySet<Loc> = std::iter::once(sp).collect();
        let dev = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
        let ncells = rng.choice(&[dev, oh * ow - dev])?;
        let ncells = ncells.max(1).min(oh * ow - 1);
        for _ in 0..ncells {
            grow(rng, &bx, &mut shp)?;
        }
        let shp = normalize_set(&shp);
        if inds.is_empty() {
            break;
        }
        let loc = rng.choice_in(&inds)?;
        let plcd = shp.shift(loc);
        if plcd.issubset(&inds) {
            dsl::fill_in(&mut gi, fgc, &plcd);
            inds = minus_around(&(&inds - &plcd), &plcd);
            nfound += 1;
        }
        trials += 1;
    }
    let go = dsl::fill(
        &dsl::canvas(bgc, (nfound, nfound)),
        fgc,
        &dsl::connect((0, 0), (nfound - 1, nfound - 1)),
    );
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d10ecb37(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for &col in &colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go = dsl::crop(&gi, (0, 0), (2, 2));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d13f3404(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 15));
    let w = unifint(rng, diff_lb, diff_ub, (3, 15));
    let vopts: PySet<Loc> = (0..h).map(|ii| (ii, 0)).collect();
    let hopts: PySet<Loc> = (1..w).map(|jj| (0, jj)).collect();
    let opts = (&vopts | &hopts).to_vec();
    let num = unifint(rng, diff_lb, diff_ub, (1, opts.len() as i64));
    let locs = rng.sample(&opts, num)?;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h * 2, w * 2));
    let inds = dsl::asindices(&gi);
    for &loc in &locs {
        let ln = (&dsl::shoot(loc, (1, 1)) & &inds).to_vec();
        let locc = rng.choice(&ln)?;
        let col = rng.choice(&remcols)?;
        fill_locs_in(&mut gi, col, &[locc]);
        dsl::fill_in(&mut go, col, &dsl::shoot(locc, (1, 1)));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d22278a0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let ncorns = unifint(rng, diff_lb, diff_ub, (1, 4));
    // corners(asindices(gi)) reads only the grid's bounds.
    let crns = rng.sample(
        &dsl::corners(&pair_set((0, 0), (h - 1, w - 1))).to_vec(),
        ncorns,
    )?;
    let ccols = rng.sample(&remcols, ncorns)?;
    for (&col, &crn) in ccols.iter().zip(&crns) {
        fill_locs_in(&mut gi, col, &[crn]);
        fill_locs_in(&mut go, col, &[crn]);
        // Only which cells the rings and the region hold matters (a fill).
        // rings | outbox(outbox(rings)) adds the square ring two further out
        // around crn each time, and the max(h, w) // 2 + 1 steps reach past
        // the grid: in it, rings holds the cells at an even Chebyshev
        // distance from crn.
        let dist = |(i, j): Loc, (a, b): Loc| (i - a).abs() + (j - b).abs();
        let others = dsl::remove(&crn, &crns);
        let nearest =
            |ij: Loc| crns.len() <= 1 || others.iter().all(|&o| dist(ij, crn) < dist(ij, o));
        let in_rings = |(i, j): Loc| (i - crn.0).abs().max((j - crn.1).abs()) % 2 == 0;
        for i in 0..h {
            for j in 0..w {
                if nearest((i, j)) && in_rings((i, j)) {
                    go[i as usize][j as usize] = col;
                }
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d23f8c26(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let wh = unifint(rng, diff_lb, diff_ub, (1, 14));
    let w = 2 * wh + 1;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let numn = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 2 - 1));
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let remcols = rng.sample(&remcols, numcols)?;
    let locs = rng.sample(&dsl::asindices(&gi).to_vec(), numn)?;
    for &(a, b) in &locs {
        let col = rng.choice(&remcols)?;
        gi[a as usize][b as usize] = col;
        if b == w / 2 {
            go[a as usize][b as usize] = col;
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d2abd087(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let bgc = rng.choice(&without(&cols, &[1, 2]))?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (a choice from it), so it is CPython's table of
    // the grid's locations (`GridSet`).
    let mut inds = GridSet::asindices((h, w));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 10));
    let maxtrials = 4 * nobjs;
    let (mut tr, mut succ) = (0, 0);
    // The 5 by 5 box, `remove(sp, box)` per start (the same table each
    // time: kept for this call) and the shape as tables of box ids
    // (`BoxShape`), grown as CPython grows the sets.
    let hashes = loc10_hashes();
    let box5 = BoxShape::asindices(hashes, (5, 5));
    let mut without_sp: Vec<Option<BoxShape>> = (0..25).map(|_| None).collect();
    while succ < nobjs && tr <= maxtrials {
        if inds.len() == 0 {
            break;
        }
        let sp = box5.choose(rng)?;
        let (si, sj) = loc10(sp);
        let opts = without_sp[(5 * si + sj) as usize].get_or_insert_with(|| box5.without(sp));
        let lb = unifint(rng, diff_lb, diff_ub, (1, 5));
        let ubi = unifint(rng, diff_lb, diff_ub, (1, 5));
        let ub = 12 - ubi;
        let numcells = if rng.choice(&[true, false])? {
            6
        } else {
            let mut o = dsl::interval(lb, 6, 1);
            o.extend(dsl::interval(7, ub + 1, 1));
            rng.choice(&o)?
        };
        let mut shp = BoxShape::from_locs(hashes, [(si, sj)]);
        for _ in 0..numcells - 1 {
            shp.grow(rng, opts, dsl::dneighbors)?;
        }
        // `normalize(obj)`: only its cells and size are read below.
        let top = shp.locs().map(|l| l.0).min().unwrap_or(0);
        let left = shp.locs().map(|l| l.1).min().unwrap_or(0);
        let loc = gloc(grid_choice(rng, &inds)?);
        // `plcd = shift(obj, loc)` is tested, filled and subtracted: read
        // for its cells, size and membership only, so a list of its
        // (distinct) cells.
        let plcd: Vec<Loc> = shp
            .locs()
            .map(|(i, j)| (i - top + loc.0, j - left + loc.1))
            .collect();
        if plcd.iter().all(|&l| in_grid_set(&inds, l)) {
            let col = rng.choice(&remcols)?;
            fill_locs_in(&mut gi, col, &plcd);
            fill_locs_in(&mut go, 1 + i64::from(plcd.len() == 6), &plcd);
            succ += 1;
            inds = grid_minus_near(&inds, &plcd, dsl::dneighbors);
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d364b489(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 6, 7, 8]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let gi = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi).to_vec();
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 5));
    let mut res = Vec::new();
    for _ in 0..num {
        if inds.is_empty() {
            break;
        }
        let r = rng.choice(&inds)?;
        // `r`, its eight neighbours and the four cells two steps away leave.
        inds.retain(|&(i, j)| {
            let (di, dj) = ((i - r.0).abs(), (j - r.1).abs());
            !(di <= 1 && dj <= 1 || (di == 2 && dj == 0) || (di == 0 && dj == 2))
        });
        res.push(r);
    }
    let gi = filled_locs(gi, fgc, &res);
    let mut go = gi.clone();
    for (col, d) in [(7, (0, -1)), (6, (0, 1)), (8, (1, 0)), (2, (-1, 0))] {
        let shifted: Vec<Loc> = res.iter().map(|&l| dsl::add(l, d)).collect();
        fill_locs_in(&mut go, col, &shifted);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d406998b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let bd = rng.sample(&cols, 2)?;
    let (bgc, dotc) = (bd[0], bd[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let itv = dsl::interval(0, h, 1);
    for j in 0..w {
        let ub = if h % 2 == 0 { h / 2 - 1 } else { h / 2 };
        let nilocs = unifint(rng, diff_lb, diff_ub, (1, ub));
        let ilocs = rng.sample(&itv, nilocs)?;
        let locs: Vec<Loc> = ilocs.iter().map(|&ii| (ii, j)).collect();
        fill_locs_in(&mut gi, dotc, &locs);
        let col = if dsl::pymod(j - w, 2) == 0 { dotc } else { 3 };
        fill_locs_in(&mut go, col, &locs);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d43fd935(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let boxh = unifint(rng, diff_lb, diff_ub, (2, h / 2));
    let boxw = unifint(rng, diff_lb, diff_ub, (2, w / 2));
    let loci = rng.randint(0, h - boxh)?;
    let locj = rng.randint(0, w - boxw)?;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ccol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&ccol, &remcols);
    let ndcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let dcols = rng.sample(&remcols, ndcols)?;
    // `bd`, a rectangle, is read for a fill, its size and membership only
    // (subtracted from `asindices(gi)`, on that set's table, `GridSet`).
    let in_bd = |(i, j): Loc| (loci..loci + boxh).contains(&i) && (locj..locj + boxw).contains(&j);
    let mut gi = dsl::canvas(bgc, (h, w));
    for row in &mut gi[loci as usize..(loci + boxh) as usize] {
        row[locj as usize..(locj + boxw) as usize].fill(ccol);
    }
    let reminds: Vec<Loc> = GridSet::asindices((h, w))
        .difference_where((boxh * boxw) as usize, |id| in_bd(gloc(id)))
        .iter()
        .map(gloc)
        .collect();
    let noiseb = 1.max(reminds.len() as i64 / 4);
    let nnoise = unifint(rng, diff_lb, diff_ub, (0, noiseb));
    let noise = rng.sample(&reminds, nnoise)?;
    let outside_rows = |i: i64| i < loci || i > loci + boxh - 1;
    let outside_cols = |j: i64| j < locj || j > locj + boxw - 1;
    let (truenoise, rem): (Vec<Loc>, Vec<Loc>) = noise
        .iter()
        .partition(|&&(i, j)| outside_rows(i) && outside_cols(j));
    let top: Vec<Loc> = rem.iter().copied().filter(|l| l.0 < loci).collect();
    let bottom: Vec<Loc> = rem
        .iter()
        .copied()
        .filter(|l| l.0 > loci + boxh - 1)
        .collect();
    let left: Vec<Loc> = rem.iter().copied().filter(|l| l.1 < locj).collect();
    let right: Vec<Loc> = rem
        .iter()
        .copied()
        .filter(|l| l.1 > locj + boxw - 1)
        .collect();
    for &(i, j) in &truenoise {
        gi[i as usize][j as usize] = rng.choice(&dcols)?;
    }
    let mut go = gi.clone();
    // `for jj in apply(last, top)`: one pass per cell (a tuple keeps
    // duplicates), each drawing a color for its whole column of cells.
    for &(_, jj) in &top {
        let col = rng.choice(&dcols)?;
        let subs: Vec<Loc> = top.iter().copied().filter(|l| l.1 == jj).collect();
        fill_locs_in(&mut gi, col, &subs);
        let start = subs.iter().map(|l| l.0).min().unwrap_or(0);
        dsl::fill_in(&mut go, col, &dsl::connect((start, jj), (loci - 1, jj)));
    }
    for &(_, jj) in &bottom {
        let col = rng.choice(&dcols)?;
        let subs: Vec<Loc> = bottom.iter().copied().filter(|l| l.1 == jj).collect();
        fill_locs_in(&mut gi, col, &subs);
        let start = subs.iter().map(|l| l.0).max().unwrap_or(0);
        dsl::fill_in(&mut go, col, &dsl::connect((start, jj), (loci + boxh, jj)));
    }
    for &(ii, _) in &left {
        let col = rng.choice(&dcols)?;
        let subs: Vec<Loc> = left.iter().copied().filter(|l| l.0 == ii).collect();
        fill_locs_in(&mut gi, col, &subs);
        let start = subs.iter().map(|l| l.1).min().unwrap_or(0);
        dsl::fill_in(&mut go, col, &dsl::connect((ii, start), (ii, locj - 1)));
    }
    for &(ii, _) in &right {
        let col = rng.choice(&dcols)?;
        let subs: Vec<Loc> = right.iter().copied().filter(|l| l.0 == ii).collect();
        fill_locs_in(&mut gi, col, &subs);
        let start = subs.iter().map(|l| l.1).max().unwrap_or(0);
        dsl::fill_in(&mut go, col, &dsl::connect((ii, start), (ii, locj + boxw)));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d4469b4b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 3]);
    let canv = dsl::canvas(5, (3, 3));
    let a = fill_locs(&canv, 0, &[(1, 0), (2, 0), (1, 2), (2, 2)]);
    let b = dsl::fill(&canv, 0, &dsl::corners(&dsl::asindices(&canv)));
    let c = fill_locs(&canv, 0, &[(0, 0), (0, 1), (1, 0), (1, 1)]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let (col, go) = rng.choice(&[(2, a), (1, b), (3, c)])?;
    let mut gi = dsl::canvas(col, (h, w));
    let inds = dsl::asindices(&gi);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 7));
    let ccols = rng.sample(&cols, numc)?;
    let numcells = unifint(rng, diff_lb, diff_ub, (0, h * w - 1));
    let locs = rng.sample(&inds.to_vec(), numcells)?;
    for &(i, j) in &locs {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d4a91cb9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 4, 8]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let gloci = unifint(rng, diff_lb, diff_ub, (1, h - 1));
    let glocj = unifint(rng, diff_lb, diff_ub, (1, w - 1));
    let bgc = rng.choice(&cols)?;
    let g = fill_locs(&dsl::canvas(bgc, (h, w)), 8, &[(gloci, glocj)]);
    let g = dsl::rot180(&g);
    let (glocinvi, glocinvj) = dsl::center(&dsl::ofcolor(&g, 8));
    let rloci = unifint(rng, diff_lb, diff_ub, (glocinvi + 1, h - 1));
    let rlocj = unifint(rng, diff_lb, diff_ub, (glocinvj + 1, w - 1));
    let g = filled_locs(g, 2, &[(rloci, rlocj)]);
    let k = rng.choice(&[0usize, 1, 2, 3])?;
    let gi = rotation(k, &g);
    let (a, b) = dsl::center(&dsl::ofcolor(&gi, 2));
    let (c, d) = dsl::center(&dsl::ofcolor(&gi, 8));
    let go = dsl::fill(&gi, 4, &dsl::connect((a, b), (a, d)));
    let go = dsl::filled(go, 4, &dsl::connect((a, d), (c, d)));
    let go = filled_locs(go, 2, &[(a, b)]);
    let go = filled_locs(go, 8, &[(c, d)]);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d4f3cd78(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let ih = unifint(rng, diff_lb, diff_ub, (3, h / 3 * 2));
    let iw = unifint(rng, diff_lb, diff_ub, (3, w / 3 * 2));
    let loci = rng.randint(1, h - ih - 1)?;
    let locj = rng.randint(1, w - iw - 1)?;
    let crns = pair_set((loci, locj), (loci + ih - 1, locj + iw - 1));
    let fullcrns = dsl::corners(&crns);
    let bx = dsl::r#box(&crns);
    let opts = &bx - &fullcrns;
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let c = dsl::canvas(bgc, (h, w));
    let nholes = unifint(rng, diff_lb, diff_ub, (1, opts.len() as i64));
    let holes = rng.sample(&opts.to_vec(), nholes)?;
    let gi = fill_locs(&c, fgc, bx.iter().filter(|l| !holes.contains(l)));
    let bib = dsl::backdrop(&dsl::inbox(&bx));
    let mut go = dsl::fill(&gi, 8, &bib);
    let (a, b) = dsl::ulcorner(&bib);
    let (cc, d) = dsl::lrcorner(&bib);
    let f1 = |idx: i64| {
        if idx > cc {
            1
        } else if idx < a {
            -1
        } else {
            0
        }
    };
    let f2 = |idx: i64| {
        if idx > d {
            1
        } else if idx < b {
            -1
        } else {
            0
        }
    };
    for &(i, j) in &holes {
        dsl::fill_in(&mut go, 8, &dsl::shoot((i, j), (f1(i), f2(j))));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d511f180(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[5, 8]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&cols, numc)?;
    let c = dsl::canvas(-1, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let numbg = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let bginds = rng.sample(&inds, numbg)?;
    let idx = rng.randint(0, numbg)? as usize;
    let (blues, greys) = bginds.split_at(idx);
    let mut gi = fill_locs(&fill_locs(&c, 8, blues), 5, greys);
    let mut go = fill_locs(&fill_locs(&c, 5, blues), 8, greys);
    for &(i, j) in inds.iter().filter(|l| !bginds.contains(l)) {
        let col = rng.choice(&ccols)?;
        gi[i as usize][j as usize] = col;
        go[i as usize][j as usize] = col;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d5d6de2d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 16));
    // `indss` is read in its order (draws from its sfilters): CPython's
    // table as location numbers.
    let mut indss = GridSet::asindices((h, w));
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    // `sfilter(indss, ...)` per box size while `indss` is unchanged (the
    // same as `FitMemo`'s with one row and column more).
    let mut memo = FitMemo::default();
    while succ < num && tr <= maxtrials {
        if remcols.is_empty() || indss.len() == 0 {
            break;
        }
        let oh = rng.randint(1, 7)?;
        let ow = rng.randint(1, 7)?;
        let subs = memo.fitting(&indss, (h, w), (oh + 1, ow + 1));
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(subs)?);
        // `bd`, its box, inbox and outbox are filled, tested and subtracted:
        // one color each, sizes and membership, so rectangles and outlines.
        let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        let col = rng.choice(&remcols)?;
        if (ul.0..=lr.0).all(|i| (ul.1..=lr.1).all(|j| in_grid_set(&indss, (i, j)))) {
            fill_locs_in(&mut gi, col, &outline_cells(ul, lr));
            if oh > 2 && ow > 2 {
                fill_rect(&mut go, 3, (ul.0 + 1, ul.1 + 1), (lr.0 - 1, lr.1 - 1));
            }
            succ += 1;
            indss = indss.minus_rect_and_outbox(ul, lr);
            memo.changed();
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d631b094(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let bgc = 0;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let nc = unifint(rng, diff_lb, diff_ub, (1, 30.min((h * w) / 2 - 1)));
    let c = dsl::canvas(bgc, (h, w));
    let cels = rng.sample(&dsl::asindices(&c).to_vec(), nc)?;
    let gi = fill_locs(&c, fgc, &cels);
    let go = dsl::canvas(fgc, (1, nc));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d687bc17(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let cs = rng.sample(&cols, 5)?;
    let (bgc, c1, c2, c3, c4) = (cs[0], cs[1], cs[2], cs[3], cs[4]);
    let mut gi = dsl::canvas(bgc, (h, w));
    // The four sides (`connect`s filled with one color each, in order).
    fill_rect(&mut gi, c1, (0, 0), (0, w - 1));
    fill_rect(&mut gi, c2, (0, 0), (h - 1, 0));
    fill_rect(&mut gi, c3, (0, w - 1), (h - 1, w - 1));
    fill_rect(&mut gi, c4, (h - 1, 0), (h - 1, w - 1));
    // `inds = asindices(gi)` is read only for its bounds, by `corners` (a
    // fill) and `inbox`.
    fill_locs_in(
        &mut gi,
        bgc,
        &[(0, 0), (0, w - 1), (h - 1, 0), (h - 1, w - 1)],
    );
    let mut go = gi.clone();
    // `cands = backdrop(inbox(inbox(inds)))`, sampled from: the rectangle
    // from (2, 2) to (h - 3, w - 3) (h and w are at least 5) added row by
    // row; the same adds on location numbers give its table.
    let cands: Vec<Loc> =
        GridSet::from_distinct(rect_cells((2, 2), (h - 3, w - 3)).into_iter().map(gid))
            .iter()
            .map(gloc)
            .collect();
    let ndots = unifint(
        rng,
        diff_lb,
        diff_ub,
        (1, (cands.len() as i64).min(2 * h + 2 * w)),
    );
    let dotlocs = rng.sample(&cands, ndots)?;
    let mut dots: PySet<dsl::Cell> = PySet::new();
    for &ij in &dotlocs {
        dots.add((rng.choice(&[c1, c2, c3, c4])?, ij));
    }
    // (color, whether the dots line up by column, the output line's index
    // along the other axis, the border size that makes a full coverage).
    let sides = [
        (c1, true, 1, w),
        (c2, false, 1, h),
        (c4, true, h - 2, w),
        (c3, false, w - 2, h),
    ];
    for (col, by_col, line, dim) in sides {
        // `toindices(sfilter(dots, ...))`: a set of cells filtered into a
        // set, then its locations into a frozenset, each in iteration order.
        let picked: PySet<dsl::Cell> = dots.iter().filter(|c| c.0 == col).copied().collect();
        let n: Indices = picked.iter().map(|c| c.1).collect();
        let key = |l: &Loc| if by_col { l.1 } else { l.0 };
        let mut coverage: PyFrozenSet<i64> = n.iter().map(key).collect();
        if coverage.len() as i64 == dim - 4 && dim > 5 {
            let x = rng.choice_in(&coverage)?;
            coverage = dsl::remove(&x, &coverage);
        }
        for &k in coverage.iter() {
            let along = dsl::sfilter(&n, |l| key(l) == k);
            let other: Vec<i64> = along
                .iter()
                .map(|l| if by_col { l.0 } else { l.1 })
                .collect();
            let o = rng.choice(&other)?;
            let (cell, mark) = if by_col {
                ((o, k), (line, k))
            } else {
                ((k, o), (k, line))
            };
            fill_locs_in(&mut gi, col, &[cell]);
            fill_locs_in(&mut go, col, &[mark]);
        }
    }
    // `noisecands`' order is sampled from: CPython's table, as a `GridSet`.
    let noisecands = ofcolor_set(&gi, bgc);
    let noisecols = without(&cols, &[bgc, c1, c2, c3, c4]);
    // Drawn and overwritten, as in Python.
    let _ = unifint(rng, diff_lb, diff_ub, (0, noisecands.len() as i64));
    let ub = ((h * w) - 2 * h - 2 * (w - 2)) / 2 - ndots - 1;
    let nnoise = unifint(rng, diff_lb, diff_ub, (0, 0.max(ub)));
    let order: Vec<Loc> = noisecands.iter().map(gloc).collect();
    let noise = rng.sample(&order, nnoise)?;
    for &(i, j) in &noise {
        gi[i as usize][j as usize] = rng.choice(&noisecols)?;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d6ad076f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let inh = unifint(rng, diff_lb, diff_ub, (3, h));
    let inw = unifint(rng, diff_lb, diff_ub, (3, w));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, c1, c2) = (cs[0], cs[1], cs[2]);
    let itv = dsl::interval(0, inh, 1);
    let loci2i = unifint(rng, diff_lb, diff_ub, (2, inh - 1));
    let loci2 = itv[loci2i as usize];
    let mut below: Vec<i64> = itv[..(loci2i - 1) as usize].to_vec();
    below.reverse();
    let loci1i = unifint(rng, diff_lb, diff_ub, (0, below.len() as i64 - 1));
    let loci1 = below[loci1i as usize];
    let cp = rng.randint(1, inw - 2)?;
    let ajs = rng.randint(0, cp - 1)?;
    let aje = rng.randint(cp + 1, inw - 1)?;
    let bjs = rng.randint(0, cp - 1)?;
    let bje = rng.randint(cp + 1, inw - 1)?;
    let obja = dsl::backdrop(&pair_set((0, ajs), (loci1, aje)));
    let objb = dsl::backdrop(&pair_set((loci2, bjs), (inh - 1, bje)));
    let c = dsl::fill(&dsl::canvas(bgc, (inh, inw)), c1, &obja);
    let c = dsl::filled(c, c2, &objb);
    let loci = rng.randint(0, h - inh)?;
    let locj = rng.randint(0, w - inw)?;
    let loc = (loci, locj);
    let mut gi = dsl::paint(&dsl::canvas(bgc, (h, w)), &dsl::asobject(&c).shift(loc));
    let midobj = dsl::backdrop(&pair_set(
        (loci1 + 1, ajs.max(bjs) + 1),
        (loci2 - 1, aje.min(bje) - 1),
    ));
    let mut go = dsl::fill(&gi, 8, &midobj.shift(loc));
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d89b689b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[5]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let cs = rng.sample(&cols, 6)?;
    let (bgc, sqc) = (cs[0], cs[1]);
    let loci = rng.randint(1, h - 3)?;
    let locj = rng.randint(1, w - 3)?;
    let canv = dsl::canvas(bgc, (h, w));
    let quads = [
        (cs[2], (loci, locj)),
        (cs[3], (loci, locj + 1)),
        (cs[4], (loci + 1, locj)),
        (cs[5], (loci + 1, locj + 1)),
    ];
    let mut go = canv.clone();
    for &(c, l) in &quads {
        fill_locs_in(&mut go, c, &[l]);
    }
    let inds = dsl::asindices(&canv).to_vec();
    let conds: [&dyn Fn(Loc) -> bool; 4] = [
        &|(i, j)| i < loci && j < locj,
        &|(i, j)| i < loci && j > locj + 1,
        &|(i, j)| i > loci + 1 && j < locj,
        &|(i, j)| i > loci + 1 && j > locj + 1,
    ];
    let mut opts = Vec::new();
    for (cond, &(_, corner)) in conds.iter().zip(&quads) {
        let o: Vec<Loc> = inds.iter().copied().filter(|&l| cond(l)).collect();
        opts.push(dsl::order(&o, |&(i, j)| {
            (i - corner.0).abs() + (j - corner.1).abs()
        }));
    }
    let mut picks = Vec::new();
    for o in &opts {
        let idx = unifint(rng, diff_lb, diff_ub, (0, o.len() as i64 - 1));
        let l = *o
            .get(idx as usize)
            .ok_or_else(|| raised("tuple index out of range"))?;
        picks.push(l);
    }
    let mut gi = fill_locs(
        &canv,
        sqc,
        &[
            (loci, locj),
            (loci, locj + 1),
            (loci + 1, locj),
            (loci + 1, locj + 1),
        ],
    );
    for (&(c, _), &l) in quads.iter().zip(&picks) {
        fill_locs_in(&mut gi, c, &[l]);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d8c310e9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let p = unifint(rng, diff_lb, diff_ub, (2, (w - 1) / 3));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, numc)?;
    let mut obj: Vec<dsl::Cell> = Vec::new();
    for j in 0..p {
        let numcells = unifint(rng, diff_lb, diff_ub, (1, h - 1));
        for ii in (h - numcells..h).rev() {
            obj.push((rng.choice(&ccols)?, (ii, j)));
        }
    }
    let addonw = rng.randint(0, p)?;
    let leftshift = rng.randint(0, addonw)?;
    // `obj | shift(obj, (0, p)) | addon` (the addon lies in `obj`): cells at
    // distinct locations, so the paints below do not depend on set order.
    let fullobj: Vec<dsl::Cell> = obj
        .iter()
        .chain(obj.iter())
        .enumerate()
        .map(|(k, &(c, (i, j)))| {
            let dj = if k < obj.len() { 0 } else { p };
            (c, (i, j + dj - leftshift))
        })
        .collect();
    let gi = paint_cells(&dsl::canvas(bgc, (h, w)), &fullobj);
    let mut go = gi.clone();
    for j in 0..w / (2 * p) + 2 {
        let shifted: Vec<dsl::Cell> = fullobj
            .iter()
            .map(|&(c, l)| (c, dsl::add(l, (0, j * 2 * p))))
            .collect();
        paint_cells_in(&mut go, &shifted);
    }
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d90796e8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8, 2, 3]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bn = rng.sample(&cols, 2)?;
    let (bgc, noisec) = (bn[0], bn[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let nocc = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 3));
    let inds = dsl::asindices(&gi);
    let locs = rng.sample(&inds.to_vec(), nocc)?;
    for &(i, j) in &locs {
        gi[i as usize][j as usize] = rng.choice(&[noisec, 2, 3])?;
    }
    let fixloc = rng.choice_in(&inds)?;
    let fixloc2 = rng.choice_in(&(&dsl::dneighbors(fixloc) & &inds))?;
    fill_locs_in(&mut gi, 2, &[fixloc]);
    fill_locs_in(&mut gi, 3, &[fixloc2]);
    let greens = dsl::ofcolor(&gi, 3);
    let mut go = gi.clone();
    let mut tolblue = Vec::new();
    for &r in dsl::ofcolor(&gi, 2).iter() {
        let inters = &dsl::dneighbors(r) & &greens;
        if !inters.is_empty() {
            fill_locs_in(&mut go, bgc, &[r]);
            tolblue.extend(inters.iter().copied());
        }
    }
    let go = filled_locs(go, 8, &tolblue);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d9f24cd1(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let linc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&linc, &remcols);
    let dotc = rng.choice(&remcols)?;
    let maxnloc = (w - 2) / 2;
    let spread = |rng: &mut GenRng, n: i64| -> Result<Vec<i64>> {
        let mut locopts = dsl::interval(1, w - 1, 1);
        let mut locs = Vec::new();
        for _ in 0..n {
            if locopts.is_empty() {
                break;
            }
            let loc = rng.choice(&locopts)?;
            locopts.retain(|&x| x != loc && x != loc - 1 && x != loc + 1);
            locs.push(loc);
        }
        Ok(locs)
    };
    let nlins = unifint(rng, diff_lb, diff_ub, (1, maxnloc));
    let locs = spread(rng, nlins)?;
    let ndots = unifint(rng, diff_lb, diff_ub, (1, maxnloc));
    let dotlocs = spread(rng, ndots)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    for &l in &locs {
        fill_locs_in(&mut gi, linc, &[(h - 1, l)]);
    }
    let mut dotlocs2 = Vec::new();
    for &l in &dotlocs {
        let jj = rng.randint(1, h - 2)?;
        fill_locs_in(&mut gi, dotc, &[(jj, l)]);
        dotlocs2.push(jj);
    }
    let mut go = gi.clone();
    for &linloc in &locs {
        if let Some(k) = dotlocs.iter().position(|&d| d == linloc) {
            let jj = dotlocs2[k];
            dsl::fill_in(
                &mut go,
                linc,
                &dsl::connect((h - 1, linloc), (jj + 1, linloc)),
            );
            go = dsl::fill(
                &go,
                linc,
                &dsl::connect((jj + 1, linloc + 1), (0, linloc + 1)),
            );
        } else {
            dsl::fill_in(&mut go, linc, &dsl::connect((h - 1, linloc), (0, linloc)));
        }
    }
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_d9fac9be(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, noisec, ringc) = (cs[0], cs[1], cs[2]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let nnoise1 = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 3 - 1));
    let nnoise2 = unifint(rng, diff_lb, diff_ub, (1, 1.max((h * w) / 3 - 9)));
    let inds = dsl::asindices(&gi).to_vec();
    let noise1 = rng.sample(&inds, nnoise1)?;
    let rest: Vec<Loc> = inds
        .iter()
        .copied()
        .filter(|l| !noise1.contains(l))
        .collect();
    let noise2 = rng.sample(&rest, nnoise2)?;
    fill_locs_in(&mut gi, noisec, &noise1);
    fill_locs_in(&mut gi, ringc, &noise2);
    let pattern = dsl::neighbors((1, 1));
    let fp1occ = dsl::occurrences(&gi, &dsl::recolor(noisec, &pattern));
    let fp2occ = dsl::occurrences(&gi, &dsl::recolor(ringc, &pattern));
    for &occ in fp1occ.iter() {
        let loc = rng.choice_in(&pattern.shift(occ))?;
        let col = rng.choice(&[bgc, ringc])?;
        fill_locs_in(&mut gi, col, &[loc]);
    }
    for &occ in fp2occ.iter() {
        let loc = rng.choice_in(&pattern.shift(occ))?;
        let col = rng.choice(&[bgc, noisec])?;
        fill_locs_in(&mut gi, col, &[loc]);
    }
    let loci = rng.randint(0, h - 3)?;
    let locj = rng.randint(0, w - 3)?;
    dsl::fill_in(&mut gi, ringc, &pattern.shift((loci, locj)));
    fill_locs_in(&mut gi, noisec, &[(loci + 1, locj + 1)]);
    let go = dsl::canvas(noisec, (1, 1));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_dae9d2b5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[6]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 14));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let acol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&acol, &remcols);
    let bcol = rng.choice(&remcols)?;
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let numadev = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numbdev = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numa = rng.choice(&[numadev, h * w - numadev])?;
    // `numadev` again, as in Python.
    let numb = rng.choice(&[numadev, h * w - numbdev])?;
    let numa = numa.max(1).min(h * w - 1);
    let numb = numb.max(1).min(h * w - 1);
    let aset = rng.sample(&inds, numa)?;
    let mut bset = rng.sample(&inds, numb)?;
    if !aset.iter().any(|l| bset.contains(l)) {
        bset.pop();
        bset.push(rng.choice(&aset)?);
    }
    let a = fill_locs(&c, acol, &aset);
    let b = fill_locs(&c, bcol, &bset);
    let mut gi = dsl::hconcat(&a, &b);
    let mut go = fill_locs(&c, 6, aset.iter().chain(&bset));
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_db3e9e38(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let barth = unifint(rng, diff_lb, diff_ub, (1, 1.max(w / 5)));
    let loci = unifint(rng, diff_lb, diff_ub, (1, h - 2));
    let locj = rng.randint(1, w - barth - 1)?;
    let bar = dsl::backdrop(&pair_set((loci, locj), (0, locj + barth - 1)));
    let gi = dsl::fill(&dsl::canvas(bgc, (h, w)), fgc, &bar);
    let mut go = dsl::canvas(bgc, (h, w));
    for k in 0..16 {
        for (n, col) in [(2 * k, fgc), (2 * k + 1, 8)] {
            dsl::fill_in(&mut go, col, &bar.shift((-n, n * barth)));
            dsl::fill_in(&mut go, col, &bar.shift((-n, -n * barth)));
        }
    }
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_db93a21d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 3]);
    let h = unifint(rng, diff_lb, diff_ub, (12, 31));
    let w = unifint(rng, diff_lb, diff_ub, (12, 32));
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 25));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `indss` is read in its order (the choice over its sfilter): CPython's
    // table as location numbers, each sfilter kept per size until `indss`
    // changes (`i < h - fullh` is `i <= h - (fullh + 1)`).
    let mut indss = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    // `indss`' membership, and that of `indss | ofcolor(go, 3)` (`ok`).
    // The table is read only by a draw that can place a square: the last
    // placed one (`stale`) is subtracted from it only then.
    let mut free = RowBits::full((h, w));
    let mut ok = free.clone();
    let mut stale: Option<(Loc, Loc)> = None;
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    while succ < num && tr <= maxtrials {
        if free.len() == 0 {
            break;
        }
        let oh = rng.randint(1, h / 4)?;
        let ow = oh;
        let (fullh, fullw) = (4 * oh, 4 * ow);
        let (imax, cols) = (h - fullh - 1, low_bits(w - fullw));
        let n = free.count_in(0..=imax, cols);
        if n == 0 {
            tr += 1;
            continue;
        }
        if !ok.rect_fits((fullh, fullw), 0..=imax, cols) {
            // No corner's square lies in `indss | ofcolor(go, 3)`: whichever
            // the choice draws, the subset test fails, so only the draw
            // over `len(subs)` is made.
            rng.rng.randbelow(n as u64);
            tr += 1;
            continue;
        }
        if let Some((bul, blr)) = stale.take() {
            // bigobj is subtracted: read for its size and membership.
            let size = ((blr.0 - bul.0 + 1) * (blr.1 - bul.1 + 1)) as usize;
            indss = indss.difference_where(size, |id| in_rect(gloc(id), bul, blr));
            memo.changed();
        }
        let subs = memo.fitting(&indss, (h, w), (fullh + 1, fullw + 1));
        debug_assert_eq!(subs.len(), n);
        let (loci, locj) = gloc(rng.choice(subs)?);
        // `bigobj` and `smallobj` are rectangles, only subset-tested,
        // filled with one value and subtracted (size and membership).
        let (bul, blr) = ((loci, locj), (loci + fullh - 1, locj + fullw - 1));
        let (sul, slr) = (
            (loci + oh, locj + ow),
            (loci + fullh - 1 - oh, locj + fullw - 1 - ow),
        );
        // `bigobj.issubset(indss | ofcolor(go, 3))` (the rectangle lies in
        // the grid: the sfilter).
        if ok.rect_in(bul, (fullh, fullw)) {
            fill_rect(&mut gi, fgc, sul, slr);
            fill_rect(&mut go, 3, bul, blr);
            fill_rect(&mut go, fgc, sul, slr);
            // The columns under the small square, down to the bottom, where
            // still background.
            for row in &mut go[slr.0 as usize..] {
                for v in &mut row[sul.1 as usize..=slr.1 as usize] {
                    if *v == bgc {
                        *v = 1;
                    }
                }
            }
            succ += 1;
            free.clear_rect(bul, blr);
            stale = Some((bul, blr));
            ok = RowBits::full_where((h, w), |(i, j)| {
                free.contains((i, j)) || go[i as usize][j as usize] == 3
            });
        }
        tr += 1;
    }
    let trim = |g: &Grid| -> Grid { g[1..].iter().map(|r| r[1..r.len() - 1].to_vec()).collect() };
    Ok(Example {
        input: trim(&gi),
        output: trim(&go),
    })
}

fn generate_dbc1a6ce(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&colopts)?;
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let num = unifint(rng, diff_lb, diff_ub, (0, 1.max((h * w) / 4)));
    let s = rng.sample(&inds, num)?;
    let fgcol = rng.choice(&dsl::remove(&bgc, &colopts))?;
    let gi = fill_locs(&c, fgcol, &s);
    // Each row (then column) with two or more dots is joined from its first
    // dot to its last.
    let spans = |g: &Grid| -> Vec<Loc> {
        let mut out = Vec::new();
        for (x, r) in g.iter().enumerate() {
            let pos: Vec<usize> = (0..r.len()).filter(|&j| r[j] == fgcol).collect();
            if pos.len() > 1 {
                for j in pos[0]..=pos[pos.len() - 1] {
                    out.push((x as i64, j as i64));
                }
            }
        }
        out
    };
    let go = fill_locs(&c, 8, &spans(&gi));
    let go = dsl::dmirror_grid(&fill_locs(
        &dsl::dmirror_grid(&go),
        8,
        &spans(&dsl::dmirror_grid(&gi)),
    ));
    let go = filled_locs(go, fgcol, &s);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_dc0a314f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 15));
    let w = h;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let remcols = rng.sample(&remcols, numcols)?;
    let gi = symmetric_mosaic(rng, diff_lb, diff_ub, bgc, &remcols, h)?;
    let locidev = unifint(rng, diff_lb, diff_ub, (1, 2 * h));
    let locjdev = unifint(rng, diff_lb, diff_ub, (1, w));
    let loci = 2 * h - locidev;
    let locj = w - locjdev;
    let loci2 = unifint(rng, diff_lb, diff_ub, (loci, 2 * h - 1));
    let locj2 = unifint(rng, diff_lb, diff_ub, (locj, w - 1));
    let bd = dsl::backdrop(&pair_set((loci, locj), (loci2, locj2)));
    let go = dsl::subgrid(&bd, &gi);
    let gi = dsl::filled(gi, 3, &bd);
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_dc1df850(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let c = dsl::canvas(bgc, (h, w));
    let nc = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2 - 1));
    let nreddev = unifint(rng, diff_lb, diff_ub, (0, nc / 2));
    let nred = rng.choice(&[nreddev, nc - nreddev])?;
    let nred = nred.max(0).min(nc);
    let occ = rng.sample(&dsl::asindices(&c).to_vec(), nc)?;
    let reds = rng.sample(&occ, nred)?;
    let mut c = filled_locs(c, 2, &reds);
    for &(i, j) in occ.iter().filter(|l| !reds.contains(l)) {
        c[i as usize][j as usize] = rng.choice(&remcols)?;
    }
    let mut near: PySet<Loc> = PySet::new();
    for &r in &reds {
        near.update(&dsl::neighbors(r));
    }
    let go = dsl::underfill(&c, 1, &near.freeze());
    Ok(Example {
        input: c,
        output: go,
    })
}

fn generate_dc433765(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[4]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let bs = rng.sample(&cols, 2)?;
    let (bgc, src) = (bs[0], bs[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&gi);
    if rng.choice(&[true, false])? {
        let left: PySet<Loc> = (0..h - 2).map(|ii| (ii, 0)).collect();
        let top: PySet<Loc> = (1..w - 2).map(|jj| (0, jj)).collect();
        let starts = &left | &top;
        let opts: Vec<Indices> = starts
            .iter()
            .map(|&s| &inds & &dsl::shoot(s, (1, 1)))
            .collect();
        let opts = dsl::order(&opts, |o| o.len());
        let opt = unifint(rng, diff_lb, diff_ub, (0, opts.len() as i64 - 1));
        let ln = dsl::order(&opts[opt as usize].to_vec(), |l| l.0);
        let epi = unifint(rng, diff_lb, diff_ub, (2, ln.len() as i64 - 1));
        let ep = ln[epi as usize];
        let mut before = ln[..(epi - 1) as usize].to_vec();
        before.reverse();
        let spi = unifint(rng, diff_lb, diff_ub, (0, before.len() as i64 - 1));
        let sp = before[spi as usize];
        fill_locs_in(&mut gi, src, &[sp]);
        fill_locs_in(&mut gi, 4, &[ep]);
        fill_locs_in(&mut go, src, &[dsl::add(sp, (1, 1))]);
        fill_locs_in(&mut go, 4, &[ep]);
    } else {
        let loci = rng.randint(0, h - 1)?;
        let objw = unifint(rng, diff_lb, diff_ub, (3, w));
        let locj1 = rng.randint(0, w - objw)?;
        let locj2 = locj1 + objw - 1;
        let (sp, ep) = ((loci, locj1), (loci, locj2));
        fill_locs_in(&mut gi, src, &[sp]);
        fill_locs_in(&mut gi, 4, &[ep]);
        fill_locs_in(&mut go, src, &[dsl::add(sp, (0, 1))]);
        fill_locs_in(&mut go, 4, &[ep]);
    }
    let (gi, go) = random_transforms(rng, gi, go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `mapply(dneighbors, sq)` for a rectangle `sq` from `ul` to `lr` at
/// least two cells high and wide, read for its size and membership: the
/// rectangle one cell larger all round but its four corners (every cell
/// of `sq` neighbours another).
fn rect_dneighbors((si, sj): Loc, (ei, ej): Loc) -> Vec<Loc> {
    let mut out = Vec::with_capacity(((ei - si + 3) * (ej - sj + 3)) as usize);
    for i in si - 1..=ei + 1 {
        let edge = i == si - 1 || i == ei + 1;
        let (a, b) = if edge { (sj, ej) } else { (sj - 1, ej + 1) };
        out.extend((a..=b).map(|j| (i, j)));
    }
    out
}

fn generate_ddf7fa4f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nocc = unifint(rng, diff_lb, diff_ub, (1, (w / 3).min((h * w) / 36)));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * nocc;
    // `inds`, whose order the draws read, as CPython's table and as row
    // masks. The candidates depend on `inds` and the first row of `gi`,
    // which change together, so they are kept per shape until then. The
    // table is read only by a draw that can place a box: the last placed
    // box (`stale`) is subtracted from it only then.
    let mut inds = GridSet::asindices((h, w)).filter(|id| gloc(id).0 > 1);
    let mut free = RowBits::full_where((h, w), |(i, _)| i > 1);
    let mut stale: Option<(Loc, Loc)> = None;
    let mut kept: Vec<(Loc, Vec<u16>)> = Vec::new();
    while succ < nocc && tr < maxtr {
        tr += 1;
        let oh = rng.randint(2, 7)?;
        let ow = rng.randint(2, 7)?;
        let top_free = |j: i64| gi[0][j as usize] == bgc;
        // Columns whose `ow` span stays inside the grid's free top cells
        // (`hastobein`) and meets at least one of them (`jopts`), of those
        // where the box fits in the grid.
        let jopts = (0..=w - ow)
            .filter(|&j| (j..j + ow).all(top_free))
            .fold(0u64, |m, j| m | 1 << j);
        let n = free.count_in(0..=h - oh, jopts);
        if n == 0 {
            continue;
        }
        if !free.rect_fits((oh, ow), 0..=h - oh, jopts) {
            // No candidate's box lies in `inds`: whichever corner the
            // choice draws, `sq.issubset(inds)` fails. Only the two draws
            // are made: over `len(cands)`, and over the `ow` free top cells
            // above the corner (a candidate's span is all free).
            rng.rng.randbelow(n as u64);
            rng.rng.randbelow(ow as u64);
            continue;
        }
        if let Some((ul, lr)) = stale.take() {
            // `(inds - sq) - mapply(dneighbors, sq)`: both read for size
            // and membership (distinct locations).
            inds = inds.minus_rect_and(ul, lr, &rect_dneighbors(ul, lr));
            kept.clear();
        }
        let k = match kept.iter().position(|(key, _)| *key == (oh, ow)) {
            Some(k) => k,
            None => {
                // sfilter of an sfilter: the second walks the first's table.
                let fits = inds.filter(|id| {
                    let (i, j) = gloc(id);
                    i <= h - oh && j <= w - ow
                });
                let cands = fits.filtered_order(|id| jopts >> gloc(id).1 & 1 != 0);
                kept.push(((oh, ow), cands));
                kept.len() - 1
            }
        };
        let cands = &kept[k].1;
        debug_assert_eq!(cands.len(), n);
        let (loci, locj) = gloc(rng.choice(cands)?);
        let tops: Vec<i64> = (locj..locj + ow)
            .filter(|&jj| jj < w && top_free(jj))
            .collect();
        let locat = rng.choice(&tops)?;
        // `sq`, the `oh` by `ow` box at `(loci, locj)` (inside the grid), is
        // read for membership and fills: a rectangle.
        let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        if free.rect_in(ul, (oh, ow)) {
            succ += 1;
            // sq and its direct neighbours leave `inds`.
            free.clear_rect((ul.0 - 1, ul.1), (lr.0 + 1, lr.1));
            free.clear_rect((ul.0, ul.1 - 1), (lr.0, lr.1 + 1));
            stale = Some((ul, lr));
            kept.clear();
            let col = rng.choice(&remcols)?;
            let gr = rng.choice(&dsl::remove(&col, &remcols))?;
            fill_locs_in(&mut gi, col, &[(0, locat)]);
            fill_locs_in(&mut go, col, &[(0, locat)]);
            fill_rect(&mut gi, gr, ul, lr);
            fill_rect(&mut go, col, ul, lr);
        }
    }
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `objects_cells(grid, true, false, false)`: the univalued 4-connected
/// components, from union-find labels (one pass) rather than a flood fill
/// per object; each object's cells row by row (their order is not read:
/// de1cd16c takes their hash, bounds, size, color and cells to fill), the
/// objects in the order `objects` adds them (by their first cell in
/// `asindices`' order).
fn univalued_objects_cells(grid: &Grid) -> Vec<Vec<dsl::Cell>> {
    let (h, w) = dsl::shape_grid(grid);
    let (label, n) = component_labels(grid, false);
    let mut rank = vec![usize::MAX; n];
    let mut next = 0;
    for &(i, j) in dsl::asindices_order(h, w).iter() {
        let r = &mut rank[label[(i * w + j) as usize]];
        if *r == usize::MAX {
            *r = next;
            next += 1;
            if next == n {
                break;
            }
        }
    }
    let mut sizes = vec![0usize; n];
    for &l in &label {
        sizes[rank[l]] += 1;
    }
    let mut out: Vec<Vec<dsl::Cell>> = sizes.iter().map(|&s| Vec::with_capacity(s)).collect();
    for (i, row) in grid.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let l = label[i * w as usize + j];
            out[rank[l]].push((v, (i as i64, j as i64)));
        }
    }
    out
}

fn generate_de1cd16c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let noisec = rng.choice(&cols)?;
    let remcols = dsl::remove(&noisec, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, ncols)?;
    let starterc = ccols[0];
    let ccols = &ccols[1..];
    let mut gi = dsl::canvas(starterc, (h, w));
    for &col in ccols.iter().take((ncols - 1) as usize) {
        // objects(gi, T, F, F) and its sfilter are read for their order (the
        // choice), which comes from the objects' hashes; the chosen object
        // is read for its bounds and its cells (filtered and filled), so no
        // object is built.
        let found = univalued_objects_cells(&gi);
        let hashes: Vec<i64> = found.iter().map(object_hash).collect();
        let bounds: Vec<(i64, i64, i64, i64)> = found.iter().map(|c| cell_bounds(c)).collect();
        let kept: Vec<usize> = set_frozen_order(&hashes)
            .into_iter()
            .filter(|&k| {
                let (t, l, b, r) = bounds[k];
                b - t + 1 > 5 || r - l + 1 > 5
            })
            .collect();
        if kept.is_empty() {
            break;
        }
        let objs = reordered(&kept, |k| hashes[k]);
        let k = rng.choice(&objs)?;
        let (t, l, b, r) = bounds[k];
        let (oh, ow) = (b - t + 1, r - l + 1);
        let ax = if oh > 5 && ow > 5 {
            rng.choice(&[0, 1])?
        } else if oh > 5 {
            0
        } else {
            1
        };
        let newobj: Vec<Loc> = if ax == 0 {
            let loci = rng.randint(t + 3, b - 2)?;
            found[k]
                .iter()
                .map(|c| c.1)
                .filter(|l| l.0 >= loci)
                .collect()
        } else {
            let locj = rng.randint(l + 3, r - 2)?;
            found[k]
                .iter()
                .map(|c| c.1)
                .filter(|l| l.1 >= locj)
                .collect()
        };
        fill_locs_in(&mut gi, col, &newobj);
    }
    // order(objects(gi, T, F, F), size): the objects' order (ties kept)
    // from their hashes; each is then read for its size, bounds and color.
    let found = univalued_objects_cells(&gi);
    let hashes: Vec<i64> = found.iter().map(object_hash).collect();
    let mut objs = set_frozen_order(&hashes);
    objs.sort_by_key(|&k| found[k].len());
    if objs.is_empty() {
        return Err(raised("division by zero"));
    }
    let bounds: Vec<(i64, i64, i64, i64)> = found.iter().map(|c| cell_bounds(c)).collect();
    let allowances: Vec<i64> = objs
        .iter()
        .map(|&k| {
            let (t, l, b, r) = bounds[k];
            1.max(((b - t + 1 - 2) * (r - l + 1 - 2)) / 2)
        })
        .collect();
    // `int(sum / len)` of positive counts: the floor of the quotient.
    let meann = 1.max(allowances.iter().sum::<i64>() / allowances.len() as i64);
    let draw = |rng: &mut GenRng| -> Result<Vec<i64>> {
        allowances
            .iter()
            .map(|&a| rng.randint(0, meann.min(a)))
            .collect()
    };
    let mut chosens = draw(rng)?;
    while chosens.iter().copied().max() == Some(0) {
        chosens = draw(rng)?;
    }
    let mx = chosens.iter().copied().max().unwrap_or(0);
    let fixinds: Vec<usize> = (0..chosens.len()).filter(|&i| chosens[i] == mx).collect();
    let gogocol = found[objs[fixinds[0]]][0].0;
    for &idx in &fixinds[1..] {
        chosens[idx] -= 1;
    }
    for (&k, &cnt) in objs.iter().zip(&chosens) {
        // backdrop(inbox(...)) reads the object's bounds alone, and reads
        // the inbox only for its corners: the inner corners, swapped where
        // the object is under three cells wide (as `inbox` orders them).
        let (t, l, b, r) = bounds[k];
        let (si, ei) = ((t + 1).min(b - 1), (t + 1).max(b - 1));
        let (sj, ej) = ((l + 1).min(r - 1), (l + 1).max(r - 1));
        let pool = dsl::backdrop(&pair_set((si, sj), (ei, ej))).to_vec();
        let locs = rng.sample(&pool, cnt)?;
        fill_locs_in(&mut gi, noisec, &locs);
    }
    let go = dsl::canvas(gogocol, (1, 1));
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// Rows of `grid` holding `col` more than once, joined from the first to
/// the last (`r.index(col)` to `w - r[::-1].index(col) - 1`).
fn row_spans(grid: &Grid, col: i64) -> Vec<Loc> {
    let mut out = Vec::new();
    for (ii, r) in grid.iter().enumerate() {
        let pos: Vec<usize> = (0..r.len()).filter(|&j| r[j] == col).collect();
        if pos.len() > 1 {
            for j in pos[0]..=pos[pos.len() - 1] {
                out.push((ii as i64, j as i64));
            }
        }
    }
    out
}

fn generate_ded97339(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let gi = dsl::canvas(bgc, (h, w));
    let ndots = unifint(rng, diff_lb, diff_ub, (2, (h * w) / 9));
    let mut inds = dsl::asindices(&gi);
    let mut dots = Vec::new();
    if rng.choice(&[true, false])? {
        let idxi = rng.randint(0, h - 1)?;
        let locj1 = rng.randint(0, w - 3)?;
        let locj2 = rng.randint(locj1 + 2, w - 1)?;
        dots.extend([(idxi, locj1), (idxi, locj2)]);
    } else {
        let idxj = rng.randint(0, w - 1)?;
        let loci1 = rng.randint(0, h - 3)?;
        let loci2 = rng.randint(loci1 + 2, h - 1)?;
        dots.extend([(loci1, idxj), (loci2, idxj)]);
    }
    for _ in 0..ndots - 2 {
        if inds.is_empty() {
            break;
        }
        let loc = rng.choice_in(&inds)?;
        dots.push(loc);
        inds = &(&inds - &dsl::initset(loc)) - &dsl::neighbors(loc);
    }
    let gi = filled_locs(gi, linc, &dots);
    let go = fill_locs(&gi, linc, &row_spans(&gi, linc));
    let go = dsl::dmirror_grid(&go);
    let gi = dsl::dmirror_grid(&gi);
    let go = filled_locs(go, linc, &row_spans(&gi, linc));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e179c5f4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let w = unifint(rng, diff_lb, diff_ub, (2, 10));
    let h = unifint(rng, diff_lb, diff_ub, (w + 1, 30));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let c = dsl::canvas(bgc, (h, w));
    let mut sp = (h - 1, 0);
    let gi = fill_locs(&c, linc, &[sp]);
    let mut go = gi.clone();
    let mut direc = 1;
    // The zigzag climbs a row a step until it leaves the grid.
    loop {
        sp = dsl::add(sp, (-1, direc));
        if sp.1 == w - 1 || sp.1 == 0 {
            direc = -direc;
        }
        let go2 = fill_locs(&go, linc, &[sp]);
        if go2 == go {
            break;
        }
        go = go2;
    }
    let (mut gi, mut go) = random_transforms(rng, gi, go)?;
    let (gix, gox) = (gi.clone(), go.clone());
    let numlins = unifint(rng, diff_lb, diff_ub, (1, 4));
    let mirrors: [fn(&Grid) -> Grid; 3] = [dsl::hmirror_grid, dsl::vmirror_grid, |g| {
        dsl::hmirror_grid(&dsl::vmirror_grid(g))
    }];
    for (k, m) in mirrors.iter().enumerate() {
        if numlins > k as i64 + 1 {
            dsl::fill_in(&mut gi, linc, &dsl::ofcolor(&m(&gix), linc));
            dsl::fill_in(&mut go, linc, &dsl::ofcolor(&m(&gox), linc));
        }
    }
    let go = dsl::replace(&go, bgc, 8);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e21d9049(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let ph = unifint(rng, diff_lb, diff_ub, (2, 9));
    let pw = unifint(rng, diff_lb, diff_ub, (2, 9));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut hcols = Vec::new();
    for _ in 0..ph {
        hcols.push(rng.choice(&remcols)?);
    }
    let mut wcols = Vec::new();
    for _ in 0..pw {
        wcols.push(rng.choice(&remcols)?);
    }
    let locih = rng.randint(0, h - ph)?;
    let locjh = rng.randint(0, w - 1)?;
    let locjw = rng.randint(0, w - pw)?;
    let lociw = rng.randint(0, h - 1)?;
    let col = rng.choice(&remcols)?;
    // The bars' cells sit at distinct locations except where they cross,
    // and both give the crossing `col`; every copy below is disjoint from
    // the others of its bar, so the paints commute.
    let hbar: Vec<dsl::Cell> = (0..ph)
        .map(|k| {
            let i = locih + k;
            let c = if (i - lociw).abs() % ph == 0 {
                col
            } else {
                hcols[k as usize]
            };
            (c, (i, locjh))
        })
        .collect();
    let wbar: Vec<dsl::Cell> = (0..pw)
        .map(|k| {
            let j = locjw + k;
            let c = if (j - locjh).abs() % pw == 0 {
                col
            } else {
                wcols[k as usize]
            };
            (c, (lociw, j))
        })
        .collect();
    let canv = dsl::canvas(bgc, (h, w));
    let gi = paint_cells(&paint_cells(&canv, &hbar), &wbar);
    let mut go = gi.clone();
    let moved = |bar: &[dsl::Cell], d: Loc| -> Vec<dsl::Cell> {
        bar.iter().map(|&(c, l)| (c, dsl::add(l, d))).collect()
    };
    for k in 0..h / ph + 1 {
        paint_cells_in(&mut go, &moved(&hbar, (k * ph, 0)));
        paint_cells_in(&mut go, &moved(&hbar, (-k * ph, 0)));
    }
    for k in 0..w / pw + 1 {
        paint_cells_in(&mut go, &moved(&wbar, (0, k * pw)));
        paint_cells_in(&mut go, &moved(&wbar, (0, -k * pw)));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e26a3af2(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let nr = unifint(rng, diff_lb, diff_ub, (1, 10));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let scols = rng.sample(&cols, nr)?;
    let mut sgs: Vec<Grid> = scols.iter().map(|&c| dsl::canvas(c, (2, w))).collect();
    let numexp = unifint(rng, diff_lb, diff_ub, (0, 30 - nr));
    for _ in 0..numexp {
        let idx = rng.randint(0, nr - 1)? as usize;
        let last = sgs[idx][sgs[idx].len() - 1].clone();
        sgs[idx].push(last);
    }
    let mut sgs2 = Vec::new();
    for (sg, &col) in sgs.iter().zip(&scols) {
        let (a, b) = dsl::shape_grid(sg);
        let nnoise = unifint(rng, diff_lb, diff_ub, (0, (a * b) / 2 - 1));
        let noise = rng.sample(&dsl::asindices(sg).to_vec(), nnoise)?;
        let oc = dsl::remove(&col, &cols);
        let mut sg2 = sg.clone();
        for &(i, j) in &noise {
            sg2[i as usize][j as usize] = rng.choice(&oc)?;
        }
        let n = sg2.len();
        for r in [0, n - 1] {
            while (sg2[r].iter().filter(|&&e| e == col).count() as i64) < w / 2 {
                let locs: Vec<usize> = (0..sg2[r].len()).filter(|&j| sg2[r][j] != col).collect();
                let ch = rng.choice(&locs)?;
                sg2[r][ch] = col;
            }
        }
        sgs2.push(sg2);
    }
    let mut gi: Grid = sgs2.into_iter().flatten().collect();
    let mut go: Grid = sgs.into_iter().flatten().collect();
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e3497940(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 14));
    let bb = rng.sample(&cols, 2)?;
    let (bgc, barc) = (bb[0], bb[1]);
    let remcols = dsl::remove(&barc, &dsl::remove(&bgc, &cols));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, ncols)?;
    let nlinesocc = unifint(rng, diff_lb, diff_ub, (1, h));
    let linesocc = rng.sample(&dsl::interval(0, h, 1), nlinesocc)?;
    let mut rs = dsl::canvas(bgc, (h, w));
    let mut ls = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    for &idx in &linesocc {
        let j = unifint(rng, diff_lb, diff_ub, (1, w - 1));
        let mut obj = Vec::new();
        for jj in 0..j {
            obj.push((rng.choice(&ccols)?, (idx, jj)));
        }
        paint_cells_in(&mut go, &obj);
        let slen = rng.randint(1, j)? as usize;
        let mut obj2 = obj[..slen].to_vec();
        if rng.choice(&[true, false])? {
            std::mem::swap(&mut obj, &mut obj2);
        }
        paint_cells_in(&mut rs, &obj);
        paint_cells_in(&mut ls, &obj2);
    }
    let gi = dsl::hconcat(
        &dsl::hconcat(&dsl::vmirror_grid(&ls), &dsl::canvas(barc, (h, 1))),
        &rs,
    );
    let go = dsl::vmirror_grid(&go);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e40b9e2f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let d = unifint(rng, diff_lb, diff_ub, (4, h.min(w) - 2));
    let loci = rng.randint(0, h - d)?;
    let locj = rng.randint(0, w - d)?;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, numcols)?;
    let mut subg = dsl::canvas(bgc, (d, d));
    let inds = dsl::asindices(&subg);
    let m = d / 2;
    let (q, cp): (Indices, Vec<Loc>) = if d % 2 == 0 {
        (
            dsl::sfilter(&inds, |&(i, j)| i < m && j < m),
            vec![(m - 1, m - 1), (m, m - 1), (m - 1, m), (m, m)],
        )
    } else {
        let mut cp = vec![(m, m)];
        cp.extend(dsl::ineighbors((m, m)).iter().copied());
        (dsl::sfilter(&inds, |&(i, j)| i < m && j <= m), cp)
    };
    let nrings = unifint(rng, diff_lb, diff_ub, (1, 1.max((d - 2) / 2)));
    let mut rings: PySet<Loc> = PySet::new();
    for k in 0..nrings {
        rings = rings.union(&dsl::r#box(&pair_set((k, k), (d - k - 1, d - k - 1))));
    }
    let qin = q.difference(&rings).to_vec();
    let qout = rings.intersection(&q).to_vec();
    let qv = q.to_vec();
    let draw_tail = |rng: &mut GenRng| -> Result<PySet<dsl::Cell>> {
        let n = unifint(rng, diff_lb, diff_ub, (1, qv.len() as i64));
        let picked = rng.sample(&qv, n)?;
        let mut cells: PySet<Loc> = picked.into_iter().collect();
        cells = cells.union(&dsl::initset(rng.choice(&qin)?));
        cells = cells.union(&dsl::initset(rng.choice(&qout)?));
        let mut tail: PySet<dsl::Cell> = PySet::new();
        for &ij in cells.iter() {
            tail.add((rng.choice(&ccols)?, ij));
        }
        Ok(tail)
    };
    let mut tailobj = draw_tail(rng)?;
    loop {
        let t: dsl::Object = tailobj.iter().copied().collect();
        if !(dsl::hmirror(&t) == tailobj && dsl::vmirror(&t) == tailobj) {
            break;
        }
        tailobj = draw_tail(rng)?;
    }
    for _ in 0..4 {
        subg = dsl::rot90(&paint_cells(&subg, tailobj.iter()));
    }
    let fxc = rng.choice(&ccols)?;
    let fxobj: Vec<dsl::Cell> = cp.iter().map(|&l| (fxc, l)).collect();
    paint_cells_in(&mut subg, &fxobj);
    let subgo = subg.clone();
    let mut subgi = fill_locs(&subg, bgc, rings.iter());
    let nsplits = unifint(rng, diff_lb, diff_ub, (1, 4));
    let mut splits: Vec<Vec<dsl::Cell>> = vec![Vec::new(); nsplits as usize];
    for (idx, &cel) in tailobj.iter().enumerate() {
        splits[idx % nsplits as usize].push(cel);
    }
    for jj in 0..4 {
        if let Some(split) = splits.get(jj) {
            paint_cells_in(&mut subgi, split);
        }
        subgi = dsl::rot90(&subgi);
    }
    paint_cells_in(&mut subgi, &fxobj);
    let (subgi, subgo) = random_rotation(rng, &subgi, &subgo)?;
    let gi = dsl::paint(
        &dsl::canvas(bgc, (h, w)),
        &dsl::asobject(&subgi).shift((loci, locj)),
    );
    let go = dsl::paint(
        &dsl::canvas(bgc, (h, w)),
        &dsl::asobject(&subgo).shift((loci, locj)),
    );
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e48d4e1a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let loci = rng.randint(1, h - 2)?;
    let locj = rng.randint(1, w - 2)?;
    let inds = dsl::asindices(&dsl::canvas(-1, (loci, locj)));
    let maxn = (h - loci - 1).min(w - locj - 1).min(inds.len() as i64);
    let nn = unifint(rng, diff_lb, diff_ub, (1, maxn));
    let ss = rng.sample(&inds.to_vec(), nn)?;
    let cs = rng.sample(&cols, 3)?;
    let (bgc, fgc, dotc) = (cs[0], cs[1], cs[2]);
    let cross = |i: i64, j: i64| &dsl::hfrontier((i, 0)) | &dsl::vfrontier((0, j));
    let gi = dsl::fill(&dsl::canvas(bgc, (h, w)), fgc, &cross(loci, locj));
    let gi = filled_locs(gi, dotc, &ss);
    let go = dsl::fill(&dsl::canvas(bgc, (h, w)), fgc, &cross(loci + nn, locj + nn));
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e5062a87(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let eo = rng.sample(&cols, 2)?;
    let (eligcol, objc) = (eo[0], eo[1]);
    let mut gi = dsl::canvas(eligcol, (h, w));
    let inds = dsl::asindices(&gi);
    let sp = rng.choice_in(&inds)?;
    let mut obj: PySet<Loc> = std::iter::once(sp).collect();
    let ncells = unifint(rng, diff_lb, diff_ub, (3, 9));
    for _ in 0..ncells - 1 {
        grow_by(rng, &inds, &mut obj, dsl::neighbors)?;
    }
    let obj = normalize_set(&obj);
    // `int(0.2 * h * w)`, `int(0.5 * h * w)`: float products, truncated.
    let lo = (0.2 * h as f64 * w as f64) as i64;
    let hi = (0.5 * h as f64 * w as f64) as i64;
    let nnoise = unifint(rng, diff_lb, diff_ub, (lo, hi));
    let locs = rng.sample(&inds.to_vec(), nnoise)?;
    fill_locs_in(&mut gi, 0, &locs);
    let noccs = unifint(
        rng,
        diff_lb,
        diff_ub,
        (2, 2.max((h * w) / (obj.len() as i64 * 3))),
    );
    let (oh, ow) = dsl::shape(&obj);
    for k in 0..noccs {
        let loci = rng.randint(0, h - oh)?;
        let locj = rng.randint(0, w - ow)?;
        let col = if k == noccs - 1 { objc } else { 0 };
        dsl::fill_in(&mut gi, col, &obj.shift((loci, locj)));
    }
    let mut go = gi.clone();
    for &occ in dsl::occurrences(&gi, &dsl::recolor(0, &obj)).iter() {
        dsl::fill_in(&mut go, objc, &obj.shift(occ));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// The cells of e509e548's L, U or H shape (by its output color) in an
/// `oh` by `ow` frame, drawing the U's and H's arm lengths as Python's
/// getters do; distinct, at the origin (each shape holds `(0, 0)`).
fn shape_e509e548(rng: &mut GenRng, outc: i64, oh: i64, ow: i64) -> Result<Vec<Loc>> {
    let row = |i: i64, j0: i64, j1: i64| (j0..=j1).map(move |j| (i, j));
    let col = |j: i64, i0: i64, i1: i64| (i0..=i1).map(move |i| (i, j));
    let mut cells: Vec<Loc> = match outc {
        1 => row(0, 0, ow - 1).chain(col(0, 0, oh - 1)).collect(),
        6 => {
            let a = rng.randint(1, oh - 1)?;
            let b = rng.randint(1, oh - 1)?;
            row(0, 0, ow - 1)
                .chain(col(0, 0, a))
                .chain(col(ow - 1, 0, b))
                .collect()
        }
        _ => {
            let a = rng.randint(1, ow - 1)?;
            let b = rng.randint(1, ow - 2)?;
            let stem = col(0, 0, oh - 1).chain(row(oh - 1, 0, a));
            row(0, 0, ow - 1)
                .chain(stem.map(|(i, j)| (i, j + b)))
                .collect()
        }
    };
    cells.sort_unstable();
    cells.dedup();
    Ok(cells)
}

fn generate_e509e548(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 6]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 6));
    let ccols = rng.sample(&remcols, ncols)?;
    let nobjs = unifint(rng, diff_lb, diff_ub, (3, (h * w) / 10));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nobjs;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (the choice over its sfilter), so it is CPython's
    // table (`GridSet`); each sfilter is kept per shape until it changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    // (min height, min width, output color) of the L, U and H shapes.
    let kinds = [(2, 2, 1), (2, 3, 6), (3, 3, 2)];
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let (minh, minw, outc) = rng.choice(&kinds)?;
        let oh = rng.randint(minh, 6)?;
        let ow = rng.randint(minw, 6)?;
        // The shape's order is never read (it is measured, mirrored,
        // subset-tested, subtracted by size and membership and filled), so
        // it is a list of its distinct cells, kept at the origin: every
        // mirror maps its bounding box onto itself, and `normalize` follows.
        let mut obj = shape_e509e548(rng, outc, oh, ow)?;
        let nmfs = rng.choice(&[1, 2])?;
        for k in rng.sample(&[0usize, 1, 2, 3, 4], nmfs)? {
            let (bh, bw) = cells_shape(&obj);
            for l in obj.iter_mut() {
                let (i, j) = *l;
                *l = match k {
                    1 => (j, i),
                    2 => (bw - 1 - j, bh - 1 - i),
                    3 => (i, bw - 1 - j),
                    4 => (bh - 1 - i, j),
                    _ => (i, j),
                };
            }
        }
        let (oh, ow) = cells_shape(&obj);
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let (li, lj) = gloc(rng.choice(cands)?);
        let plcd: Vec<Loc> = obj.iter().map(|&(i, j)| (i + li, j + lj)).collect();
        // `plcd.issubset(inds)`: a yes or no.
        if plcd.iter().all(|&l| in_grid_set(&inds, l)) {
            succ += 1;
            inds = grid_minus_near(&inds, &plcd, dsl::dneighbors);
            memo.changed();
            let col = rng.choice(&ccols)?;
            fill_locs_in(&mut gi, col, &plcd);
            fill_locs_in(&mut go, outc, &plcd);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e50d258f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let padcol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&padcol, &remcols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 10));
    // `indss`' order is read (a choice from its sfilter): CPython's table
    // of the grid's locations (`GridSet`).
    let mut indss = GridSet::asindices((h, w));
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    let mut bound = 0;
    let mut go: Option<Grid> = None;
    // `sfilter(indss, ...)` per box size while `indss` is unchanged (the
    // same as `FitMemo`'s with one row and column more).
    let mut memo = FitMemo::default();
    while succ < num && tr <= maxtrials {
        if remcols.is_empty() || indss.len() == 0 {
            break;
        }
        let oh = rng.randint(3, 8)?;
        let ow = rng.randint(3, 8)?;
        let subs = memo.fitting(&indss, (h, w), (oh + 1, ow + 1));
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(subs)?);
        // `bd` and `outbox(bd)` are tested and subtracted: read for their
        // sizes and membership only, as rectangles.
        let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        if (ul.0..=lr.0).all(|i| (ul.1..=lr.1).all(|j| indss.contains(gid((i, j))))) {
            let numcc = unifint(rng, diff_lb, diff_ub, (1, 7));
            let ccols = rng.sample(&remcols, numcc)?;
            let numred = if succ == 0 {
                bound = unifint(rng, diff_lb, diff_ub, (1, oh * ow));
                bound
            } else {
                unifint(rng, diff_lb, diff_ub, (0, (oh * ow).min(bound - 1)))
            };
            let cc = dsl::canvas(rng.choice(&ccols)?, (oh, ow));
            let cci = asindices_of((oh, ow));
            let reds = rng.sample(&cci.to_vec(), numred)?;
            let redset: PySet<Loc> = reds.iter().copied().collect();
            // One cell per location: the colored rest (drawn in the order
            // of `cci - set(subs)`) and the reds.
            let mut patch = cc.clone();
            for &(i, j) in cci.difference(&redset).iter() {
                patch[i as usize][j as usize] = rng.choice(&ccols)?;
            }
            let patch = filled_locs(patch, 2, &reds);
            // `paint(gi, shift(asobject(patch), (loci, locj)))`: a copy.
            for (i, row) in patch.iter().enumerate() {
                let r = &mut gi[loci as usize + i];
                r[locj as usize..(locj + ow) as usize].copy_from_slice(row);
            }
            if go.is_none() {
                go = Some(patch);
            }
            succ += 1;
            // `(indss - bd) - outbox(bd)`.
            indss = indss.minus_rect_and_outbox(ul, lr);
            memo.changed();
        }
        tr += 1;
    }
    let go = go.ok_or_else(|| raised("no patch placed"))?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e6721834(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 15));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let cs = rng.sample(&cols, 3)?;
    let (bgc1, bgc2, sqc) = (cs[0], cs[1], cs[2]);
    let remcols = without(&cols, &cs);
    let mut gi1 = dsl::canvas(bgc1, (h, w));
    let mut gi2 = dsl::canvas(bgc2, (h, w));
    let noccs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 16));
    let (mut tr, mut succ) = (0, 0);
    let maxtr = 5 * noccs;
    // Both index sets are read in their order (draws from their sfilters):
    // CPython's tables as GridSets, with each sfilter's tuple kept per
    // shape until its set changes. The rectangles subtracted from them are
    // read for size and membership only (`grid_minus_near`).
    let mut gi1inds = GridSet::asindices((h, w));
    let mut gi2inds = GridSet::asindices((h, w));
    let (mut fits1, mut fits2): (FitMemo<u16>, FitMemo<u16>) = Default::default();
    let mut go = dsl::canvas(bgc2, (h, w));
    let mut seen: Vec<(Indices, i64)> = Vec::new();
    while tr < maxtr && succ < noccs {
        tr += 1;
        let oh = rng.randint(2, 6.min(h / 2))?;
        let ow = rng.randint(2, 6.min(w / 2))?;
        let cands = fits1.fitting(&gi1inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        // The sample reads the rectangle's order: built as Python builds it.
        let bounds: Vec<Loc> = dsl::asindices(&dsl::canvas(-1, (oh, ow)))
            .shift(loc)
            .to_vec();
        let ncells = unifint(rng, diff_lb, diff_ub, (1, (oh * ow) / 2));
        let obj: PySet<Loc> = rng.sample(&bounds, ncells)?.into_iter().collect();
        let objc = rng.choice(&remcols)?;
        let objn = normalize_set(&obj);
        if seen.iter().any(|(o, c)| *o == objn && *c == objc) {
            continue;
        }
        seen.push((objn, objc));
        if bounds.iter().all(|&l| in_grid_set(&gi1inds, l)) {
            succ += 1;
            // `bounds` is the oh by ow rectangle at `loc`: its numbers and
            // its neighbours' rectangle, read for size and membership.
            let lr = (loc.0 + oh - 1, loc.1 + ow - 1);
            gi1inds = gi1inds.minus_rect_and(loc, lr, &rect_neighbors(loc, lr));
            fits1.changed();
            fill_locs_in(&mut gi1, sqc, &bounds);
            fill_locs_in(&mut gi1, objc, obj.iter());
            let cands2 = fits2.fitting(&gi2inds, (h, w), (oh, ow));
            if cands2.is_empty() {
                continue;
            }
            let loc2 = gloc(rng.choice(cands2)?);
            let d = dsl::subtract(loc2, loc);
            let bounds2: Vec<Loc> = bounds.iter().map(|&l| dsl::add(l, d)).collect();
            let obj2: Vec<Loc> = obj.iter().map(|&l| dsl::add(l, d)).collect();
            if bounds2.iter().all(|&l| in_grid_set(&gi2inds, l)) {
                let lr2 = (loc2.0 + oh - 1, loc2.1 + ow - 1);
                gi2inds = gi2inds.minus_rect_and(loc2, lr2, &rect_neighbors(loc2, lr2));
                fits2.changed();
                fill_locs_in(&mut gi2, objc, &obj2);
                fill_locs_in(&mut go, sqc, &bounds2);
                fill_locs_in(&mut go, objc, &obj2);
            }
        }
    }
    let gi = dsl::vconcat(&gi1, &gi2);
    let (gi, go) = random_transforms(rng, gi, go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `hash((v, (i, j)))` (`v` below 10) and `hash((i, j))` for the locations
/// of a 32 by 32 grid (index `32 * i + j`), per thread, each table built on
/// first use.
fn cell_hash_table(v: Option<i64>) -> std::rc::Rc<[i64]> {
    use std::cell::RefCell;
    use std::rc::Rc;
    thread_local! {
        static TABLES: RefCell<Vec<Option<Rc<[i64]>>>> = RefCell::new(vec![None; 11]);
    }
    let k = v.map_or(10, |v| v as usize);
    TABLES.with(|c| {
        let mut c = c.borrow_mut();
        Rc::clone(c[k].get_or_insert_with(|| {
            (0..32 * 32)
                .map(|x| {
                    let l = (x / 32, x % 32);
                    match v {
                        Some(v) => cell_hash(&(v, l)),
                        None => pycompat::PyHashable::py_hash(&l),
                    }
                })
                .collect()
        }))
    })
}

/// The 4-connected one-color components of a grid (what `objects(grid,
/// True, False, False)` holds) found by runs: each row's maximal runs of
/// one color are joined to the runs above that overlap them in their
/// color (a union-find over runs, not cells). Each component's runs, and
/// each cell's component; the numbering is not the objects' order.
struct RunComponents {
    /// `(row, first column, end column)` per run, grouped by component.
    runs: Vec<(usize, usize, usize)>,
    /// Component `k`'s runs are `runs[start[k]..start[k + 1]]`.
    start: Vec<usize>,
    /// Each cell's component, row-major.
    label: Vec<usize>,
}

impl RunComponents {
    fn of(grid: &Grid) -> Self {
        let (h, w) = (grid.len(), grid.first().map_or(0, Vec::len));
        let mut runs: Vec<(usize, usize, usize)> = Vec::with_capacity(4 * h);
        let mut parent: Vec<usize> = Vec::with_capacity(4 * h);
        fn root(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        let mut above = 0..0;
        for (i, row) in grid.iter().enumerate() {
            let first = runs.len();
            let mut j = 0;
            while j < w {
                let (v, s) = (row[j], j);
                while j < w && row[j] == v {
                    j += 1;
                }
                parent.push(runs.len());
                runs.push((i, s, j));
            }
            // Both rows' runs tile the same columns: stepping past whichever
            // ends first visits exactly the overlapping pairs.
            let (mut a, mut b) = (above.start, first);
            while a < above.end && b < runs.len() {
                let ((ia, sa, ea), (ib, sb, eb)) = (runs[a], runs[b]);
                if grid[ia][sa] == grid[ib][sb] {
                    let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                    if ra != rb {
                        parent[ra.max(rb)] = ra.min(rb);
                    }
                }
                if ea <= eb {
                    a += 1;
                }
                if eb <= ea {
                    b += 1;
                }
            }
            above = first..runs.len();
        }
        // Number the components by their first run; group the runs.
        let mut comp = vec![usize::MAX; runs.len()];
        let mut n = 0;
        for r in 0..runs.len() {
            let rt = root(&mut parent, r);
            if comp[rt] == usize::MAX {
                comp[rt] = n;
                n += 1;
            }
            comp[r] = comp[rt];
        }
        let mut start = vec![0usize; n + 1];
        for &k in &comp {
            start[k + 1] += 1;
        }
        for k in 0..n {
            start[k + 1] += start[k];
        }
        let mut next = start.clone();
        let mut grouped = vec![(0, 0, 0); runs.len()];
        let mut label = vec![0usize; h * w];
        for (r, &(i, s, e)) in runs.iter().enumerate() {
            let k = comp[r];
            grouped[next[k]] = (i, s, e);
            next[k] += 1;
            label[i * w + s..i * w + e].fill(k);
        }
        RunComponents {
            runs: grouped,
            start,
            label,
        }
    }

    fn len(&self) -> usize {
        self.start.len() - 1
    }

    fn runs(&self, k: usize) -> &[(usize, usize, usize)] {
        &self.runs[self.start[k]..self.start[k + 1]]
    }

    /// `(top, left, bottom, right)` of component `k`.
    fn bounds(&self, k: usize) -> (i64, i64, i64, i64) {
        self.runs(k).iter().fold(
            (i64::MAX, i64::MAX, i64::MIN, i64::MIN),
            |(t, l, b, r), &(i, s, e)| {
                let (i, s, e) = (i as i64, s as i64, e as i64 - 1);
                (t.min(i), l.min(s), b.max(i), r.max(e))
            },
        )
    }
}

/// How many cells pass a test in any rectangle of an `h` by `w` area at
/// `origin` (the rectangle clipped to it), by two-dimensional prefix sums:
/// e73095fd counts foreground cells on box outlines and `forb` cells in
/// backdrops for 81 boxes around each `occ`, each count then O(1).
struct RectCounts {
    origin: Loc,
    h: i64,
    w: i64,
    sums: Vec<u32>,
}

impl RectCounts {
    fn new(origin: Loc, (h, w): Loc, test: impl Fn(Loc) -> bool) -> Self {
        let (hu, wu) = (h.max(0) as usize, w.max(0) as usize);
        let stride = wu + 1;
        let mut sums = vec![0u32; (hu + 1) * stride];
        for i in 0..hu {
            let mut row = 0;
            for j in 0..wu {
                row += u32::from(test((origin.0 + i as i64, origin.1 + j as i64)));
                sums[(i + 1) * stride + j + 1] = sums[i * stride + j + 1] + row;
            }
        }
        RectCounts { origin, h, w, sums }
    }

    /// The passing cells from `(si, sj)` to `(ei, ej)` (inclusive).
    fn count(&self, (si, sj): Loc, (ei, ej): Loc) -> u32 {
        let (si, sj) = ((si - self.origin.0).max(0), (sj - self.origin.1).max(0));
        let (ei, ej) = (
            (ei - self.origin.0).min(self.h - 1),
            (ej - self.origin.1).min(self.w - 1),
        );
        if si > ei || sj > ej {
            return 0;
        }
        let stride = self.w as usize + 1;
        let at = |i: i64, j: i64| self.sums[i as usize * stride + j as usize];
        at(ei + 1, ej + 1) + at(si, sj) - at(si, ej + 1) - at(ei + 1, sj)
    }

    /// For the outline `outline_cells(ul, lr)` draws, on the grid these
    /// sums count: how many of its in-grid cells pass (its rectangle's
    /// count less the inside's, the rectangle two rows and columns
    /// smaller, empty below three by three), and the bounds `(top, left,
    /// bottom, right)` of its in-grid cells (`None` if it has none), from
    /// its four sides clipped to the grid. Neither builds the outline.
    fn outline(&self, (ai, aj): Loc, (bi, bj): Loc) -> (usize, Option<(i64, i64, i64, i64)>) {
        let (si, sj) = (ai.min(bi), aj.min(bj));
        let (ei, ej) = (ai.max(bi), aj.max(bj));
        let n = self.count((si, sj), (ei, ej)) - self.count((si + 1, sj + 1), (ei - 1, ej - 1));
        let (h, w) = (self.h, self.w);
        let mut bounds: Option<(i64, i64, i64, i64)> = None;
        let mut take = |(i0, j0): Loc, (i1, j1): Loc| {
            let (i0, j0, i1, j1) = (i0.max(0), j0.max(0), i1.min(h - 1), j1.min(w - 1));
            if i0 > i1 || j0 > j1 {
                return;
            }
            bounds = Some(match bounds {
                None => (i0, j0, i1, j1),
                Some((t, l, b, r)) => (t.min(i0), l.min(j0), b.max(i1), r.max(j1)),
            });
        };
        take((si, sj), (si, ej));
        if ei != si {
            take((ei, sj), (ei, ej));
        }
        if ei - si >= 2 {
            take((si + 1, sj), (ei - 1, sj));
            if ej != sj {
                take((si + 1, ej), (ei - 1, ej));
            }
        }
        (n as usize, bounds)
    }
}

fn generate_e73095fd(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[4]);
    let loc_hashes = cell_hash_table(None);
    loop {
        let h = unifint(rng, diff_lb, diff_ub, (10, 32));
        let w = unifint(rng, diff_lb, diff_ub, (10, 32));
        let bf = rng.sample(&cols, 2)?;
        let (bgc, fgc) = (bf[0], bf[1]);
        let (bg_hashes, fg_hashes) = (cell_hash_table(Some(bgc)), cell_hash_table(Some(fgc)));
        let mut gi = dsl::canvas(bgc, (h, w));
        let nsplits = unifint(rng, diff_lb, diff_ub, (2, h.min(w) / 3));
        let wu = w as usize;
        for _ in 0..nsplits {
            // The chosen object's bounds and cells alone are read, not its
            // own order; the orders of `objects`' set, `colorfilter`'s,
            // `apply(toindices, ...)`'s and the two `sfilter`s' come from
            // the objects' (and their indices') hashes and the order
            // `objects` adds them in (by their first cell in `asindices`'
            // order), so no set of cells is built: the components are found
            // as runs of cells and the hashes taken over looked-up cell
            // hashes.
            let comps = RunComponents::of(&gi);
            let n = comps.len();
            let order = dsl::asindices_order(h, w);
            let mut added = Vec::with_capacity(n);
            let mut seen = vec![false; n];
            for &(i, j) in order.iter() {
                let k = comps.label[i as usize * wu + j as usize];
                if !seen[k] {
                    seen[k] = true;
                    added.push(k);
                }
            }
            let bounds: Vec<(i64, i64, i64, i64)> = (0..n).map(|k| comps.bounds(k)).collect();
            let color = |k: usize| {
                let (i, j, _) = comps.runs(k)[0];
                gi[i][j]
            };
            // `hash(frozenset(cells))` over a table of cell hashes.
            let hash_of = |k: usize, t: &[i64]| {
                pycompat::frozenset_hash_of(
                    comps
                        .runs(k)
                        .iter()
                        .flat_map(|&(i, s, e)| t[i * 32 + s..i * 32 + e].iter().copied()),
                )
            };
            // In `objects`' adding order, as `objects_cells` lists them.
            let hashes: Vec<i64> = added
                .iter()
                .map(|&k| {
                    let t = if color(k) == bgc {
                        &bg_hashes
                    } else {
                        &fg_hashes
                    };
                    hash_of(k, t)
                })
                .collect();
            let bg: Vec<usize> = set_frozen_order(&hashes)
                .into_iter()
                .filter(|&a| color(added[a]) == bgc)
                .collect();
            let bg = reordered(&bg, |a| hashes[a]);
            let mut ihash = vec![0i64; added.len()];
            for &a in &bg {
                ihash[a] = hash_of(added[a], &loc_hashes);
            }
            let objs = reordered(&bg, |a| ihash[a]);
            let pick = |keep: &dyn Fn((i64, i64, i64, i64)) -> bool| {
                let kept: Vec<usize> = objs
                    .iter()
                    .copied()
                    .filter(|&a| keep(bounds[added[a]]))
                    .collect();
                reordered(&kept, |a| ihash[a])
            };
            let hobjs = pick(&|(t, _, b, _)| b - t + 1 > 6);
            let wobjs = pick(&|(_, l, _, r)| r - l + 1 > 6);
            if hobjs.is_empty() && wobjs.is_empty() {
                break;
            }
            let cgroups: Vec<(&Vec<usize>, i64)> = [(&hobjs, 0), (&wobjs, 1)]
                .into_iter()
                .filter(|(g, _)| !g.is_empty())
                .collect();
            let (g, ax) = rng.choice(&cgroups)?;
            let k = added[rng.choice(g)?];
            let (ulci, ulcj, bi, bj) = bounds[k];
            let (oh, ow) = (bi - ulci + 1, bj - ulcj + 1);
            let runs = comps.runs(k).iter();
            let bar: Vec<Loc> = if ax == 0 {
                let iloc = rng.randint(ulci + 3, ulci + oh - 3)?;
                runs.filter(|r| r.0 as i64 == iloc)
                    .flat_map(|&(i, s, e)| (s..e).map(move |j| (i as i64, j as i64)))
                    .collect()
            } else {
                let jloc = rng.randint(ulcj + 3, ulcj + ow - 3)?;
                runs.filter(|r| (r.1 as i64..r.2 as i64).contains(&jloc))
                    .map(|r| (r.0 as i64, jloc))
                    .collect()
            };
            fill_locs_in(&mut gi, fgc, &bar);
        }
        // The filters below and the box checks only count foreground cells
        // among distinct in-grid locations (`len(sfilter(toobject(...)))`),
        // so they read the grid instead of building the frozensets; `copts`
        // itself is read in its order (`rng.sample`): CPython's table as
        // location numbers (`ofcolor` adds row by row).
        let copts = GridSet::from_distinct(
            (0..h)
                .flat_map(|i| (0..w).map(move |j| (i, j)))
                .filter(|&(i, j)| gi[i as usize][j as usize] == fgc)
                .map(gid),
        );
        let copts = copts.filter(|id| count_color_at(&gi, dneighbor_cells(gloc(id)), fgc) > 2);
        // The grid's foreground cells as prefix sums (rebuilt when `gi`
        // changes): outline counts in O(1).
        let fg_sums =
            |gi: &Grid| RectCounts::new((0, 0), (h, w), |(i, j)| gi[i as usize][j as usize] == fgc);
        let mut fgs = fg_sums(&gi);
        let copts = copts.filter(|id| {
            // `outbox(outbox({ij}))`: the outline two cells around `ij`.
            let (i, j) = gloc(id);
            let (n, _) = fgs.outline((i - 2, j - 2), (i + 2, j + 2));
            n == 3 || n == 4
        });
        if copts.len() == 0 {
            continue;
        }
        let noccs = unifint(rng, diff_lb, diff_ub, (1, copts.len() as i64));
        let noccs = unifint(rng, diff_lb, diff_ub, (noccs, copts.len() as i64));
        let copts: Vec<Loc> = copts.iter().map(gloc).collect();
        let occs = rng.sample(&copts, noccs)?;
        let mut go = gi.clone();
        // `forb` is only intersected with backdrops and grown: membership.
        // The boxes reach three cells past an in-grid `occ`.
        let mut forb = LocMask::new((h, w), 3);
        // `forb` as prefix sums over the mask's area (rebuilt as it grows).
        let forb_sums =
            |forb: &LocMask| RectCounts::new((-3, -3), (h + 6, w + 6), |l| forb.contains(l));
        let mut forbs = forb_sums(&forb);
        let three_or_four = |n: usize| n == 3 || n == 4;
        for &(oi, oj) in &occs {
            let (ulci, ulcj) = (oi - 1, oj - 1);
            let (lrci, lrcj) = (oi + 1, oj + 1);
            if !three_or_four(fgs.outline((ulci, ulcj), (lrci, lrcj)).0) {
                continue;
            }
            // Each `bx = box({ul, lr})` as its corners: the list's order is
            // the loops' and `backdrop(bx)` is the rectangle between them.
            let mut boptions: Vec<(Loc, Loc)> = Vec::new();
            for ulcioffs in [-2, -1, 0] {
                for ulcjoffs in [-2, -1, 0] {
                    for lrcioffs in [0, 1, 2] {
                        for lrcjoffs in [0, 1, 2] {
                            let ul = (ulci + ulcioffs, ulcj + ulcjoffs);
                            let lr = (lrci + lrcioffs, lrcj + lrcjoffs);
                            // `bxobj = toobject(bx, gi)`: the outline's
                            // in-grid cells, counted and bounded.
                            let (inner, bounds) = fgs.outline(ul, lr);
                            if !three_or_four(inner) {
                                continue;
                            }
                            // `outbox(bxobj)`: around the in-grid cells' bounds
                            // (some: `inner` counted some).
                            let (t, l, b, r) = bounds.expect("counted cells have bounds");
                            let (outer, _) = fgs.outline((t - 1, l - 1), (b + 1, r + 1));
                            if three_or_four(outer) && forbs.count(ul, lr) == 0 {
                                // (`boptions` then keeps the boxes whose
                                // backdrop misses `forb`, in order.)
                                boptions.push((ul, lr));
                            }
                        }
                    }
                }
            }
            if !boptions.is_empty() {
                let (ul, lr) = rng.choice(&boptions)?;
                // One value per fill: rectangle, then outline, in Python's order.
                fill_rect(&mut gi, bgc, ul, lr);
                fill_locs_in(&mut gi, fgc, &outline_cells(ul, lr));
                fill_rect(&mut go, 4, ul, lr);
                fill_locs_in(&mut go, fgc, &outline_cells(ul, lr));
                forb.insert_rect(ul, lr);
                fgs = fg_sums(&gi);
                forbs = forb_sums(&forb);
            }
        }
        let gi = dsl::trim(&gi);
        let go = dsl::trim(&go);
        if go.iter().flatten().any(|&v| v == 4) {
            return Ok(Example {
                input: gi,
                output: go,
            });
        }
    }
}

fn generate_e76a88a6(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let objh = unifint(rng, diff_lb, diff_ub, (2, 5));
    let objw = unifint(rng, diff_lb, diff_ub, (2, 5));
    let bounds = dsl::asindices(&dsl::canvas(0, (objh, objw)));
    let mut shp: PySet<Loc> = std::iter::once(rng.choice_in(&bounds)?).collect();
    let nc = unifint(rng, diff_lb, diff_ub, (2, bounds.len() as i64 - 2));
    for _ in 0..nc {
        grow(rng, &bounds, &mut shp)?;
    }
    let shp = normalize_set(&shp);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let dmyc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&dmyc, &remcols);
    let (oh, ow) = dsl::shape(&shp);
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let shpp = shp.shift((loci, locj));
    let numco = unifint(rng, diff_lb, diff_ub, (2, 8));
    let colll = rng.sample(&remcols, numco)?;
    let draw = |rng: &mut GenRng| -> Result<dsl::Object> {
        let mut cells = Vec::new();
        for &ij in shpp.iter() {
            cells.push((rng.choice(&colll)?, ij));
        }
        Ok(cells.into_iter().collect())
    };
    let mut shppc = draw(rng)?;
    while dsl::palette_object(&shppc).len() == 1 {
        shppc = draw(rng)?;
    }
    let shppcn = dsl::normalize(&shppc);
    let mut gi = dsl::paint(&dsl::canvas(bgc, (h, w)), &shppc);
    let mut go = gi.clone();
    // `((h * w) / (oh * ow)) // 2`: a float, floored.
    let ub = (((h * w) as f64 / (oh * ow) as f64) / 2.0).floor() as i64;
    let numlocs = unifint(rng, diff_lb, diff_ub, (1, 1.max(ub)));
    let (mut cnt, mut fails) = (0, 0);
    let maxfails = 5 * numlocs;
    // `idns` is read for its order (the choices): CPython's table over
    // location numbers. The subtracted sets are read only by size and
    // membership (or discarded one by one): their distinct locations.
    let shpp_ids: Vec<u16> = shpp.iter().map(|&l| gid(l)).collect();
    let idns = GridSet::asindices((h, w)).difference_ids(&shpp_ids);
    let idns = idns.difference_locs(Around::new(shpp.iter().copied(), dsl::dneighbors).cells());
    let mut idns = idns.filter(|id| {
        let (i, j) = gloc(id);
        i <= h - oh && j <= w - ow
    });
    while cnt < numlocs && fails < maxfails {
        if idns.len() == 0 {
            break;
        }
        let loc = gloc(grid_choice(rng, &idns)?);
        let plcd = shppcn.shift(loc);
        // Inside the grid (`loc` keeps the shape in it): distinct numbers.
        let plcdi: Vec<u16> = plcd.iter().map(|c| gid(c.1)).collect();
        if plcdi.iter().all(|&id| idns.contains(id)) {
            // Distinct locations: the paint order does not matter.
            for &(v, (i, j)) in plcd.iter() {
                go[i as usize][j as usize] = v;
                gi[i as usize][j as usize] = dmyc;
            }
            cnt += 1;
            let ring = Around::new(plcd.iter().map(|c| c.1), dsl::dneighbors);
            idns = idns.difference_ids(&plcdi).difference_locs(ring.cells());
        } else {
            fails += 1;
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `frozenset({a, b, ...})` of shapes: a set display, then a frozenset copy.
fn shape_set(shapes: Vec<Indices>) -> Vec<Indices> {
    let s: PySet<Indices> = shapes.into_iter().collect();
    s.freeze().to_vec()
}

/// `frozenset({l1, l2, ...})` of locations.
fn loc_set(locs: &[Loc]) -> Indices {
    let s: PySet<Loc> = locs.iter().copied().collect();
    s.freeze()
}

fn generate_e8593010(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let (o, r, d, u, l, one) = ((0, 0), (0, 1), (1, 0), (-1, 0), (0, -1), (1, 1));
    let a = shape_set(vec![loc_set(&[o])]);
    let b = shape_set(vec![loc_set(&[o, r]), loc_set(&[o, d])]);
    let c = shape_set(vec![
        loc_set(&[o, d, one]),
        loc_set(&[o, d, r]),
        loc_set(&[one, d, r]),
        loc_set(&[one, o, r]),
        loc_set(&[o, u, d]).shift(d),
        loc_set(&[o, l, r]).shift(r),
    ]);
    let prs = [(a, 3), (b, 2), (c, 1)];
    let cols = colors_without(&[1, 2, 3]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut reminds = dsl::asindices(&gi);
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, ((h * w) / 2) / 2));
    let maxtr = 10;
    for _ in 0..nobjs {
        let mut ntr = 0;
        let k = rng.choice(&[0usize, 1, 2])?;
        let (objs, col) = &prs[k];
        let obj = rng.choice(objs)?;
        while ntr < maxtr {
            if reminds.is_empty() {
                break;
            }
            let loc = rng.choice_in(&reminds)?;
            let olcd = obj.shift(loc);
            if olcd.issubset(&reminds) {
                dsl::fill_in(&mut gi, fgc, &olcd);
                dsl::fill_in(&mut go, *col, &olcd);
                reminds = &(&reminds - &olcd) - &dsl::mapply(|&l| dsl::dneighbors(l), &olcd);
                break;
            }
            ntr += 1;
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `mapply(neighbors, s)` as a membership mask over a frame with 40 cells
/// of margin around a 30 by 30 grid, with its distinct members listed
/// (e8dc4411's rings, read only by membership).
struct NearMask {
    mask: Vec<bool>,
    members: Vec<Loc>,
}

impl NearMask {
    const MARGIN: i64 = 40;
    const SIDE: i64 = 30 + 2 * Self::MARGIN;

    fn new() -> Self {
        NearMask {
            mask: vec![false; (Self::SIDE * Self::SIDE) as usize],
            members: Vec::new(),
        }
    }

    fn slot((i, j): Loc) -> Option<usize> {
        let span = 0..Self::SIDE;
        let (fi, fj) = (i + Self::MARGIN, j + Self::MARGIN);
        (span.contains(&fi) && span.contains(&fj)).then(|| (fi * Self::SIDE + fj) as usize)
    }

    fn contains(&self, loc: Loc) -> bool {
        Self::slot(loc).is_some_and(|k| self.mask[k])
    }

    /// Adds the eight neighbours of every location of `s`.
    fn set_around(&mut self, s: &[Loc]) {
        for &(i, j) in s {
            for di in -1..=1 {
                for dj in -1..=1 {
                    if (di, dj) == (0, 0) {
                        continue;
                    }
                    let l = (i + di, j + dj);
                    // Beyond the frame only if the rings outgrew 40 rounds,
                    // which the loop's bound rules out.
                    if let Some(k) = Self::slot(l) {
                        if !self.mask[k] {
                            self.mask[k] = true;
                            self.members.push(l);
                        }
                    }
                }
            }
        }
    }
}

fn generate_e8dc4411(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (9, 30));
    let w = unifint(rng, diff_lb, diff_ub, (9, 30));
    let d = unifint(rng, diff_lb, diff_ub, (3, h.min(w) / 2 - 1));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, objc, remc) = (cs[0], cs[1], cs[2]);
    let mut c = dsl::canvas(bgc, (d, d));
    let inds = dsl::sfilter(&dsl::asindices(&c), |&(i, j)| i >= d / 2 && j >= d / 2);
    let ncd = unifint(rng, diff_lb, diff_ub, (1, inds.len() as i64 / 2));
    let nc = rng.choice(&[ncd, inds.len() as i64 - ncd])?;
    let nc = nc.max(2).min(inds.len() as i64 - 1);
    let mut cells = rng.sample(&inds.to_vec(), nc)?;
    cells.push(rng.choice(&[(d / 2, d / 2), (d / 2, d / 2 - 1)])?);
    // The cells and their transposes (only which cells matters to a fill).
    let mirrored: Vec<Loc> = cells.iter().map(|&(i, j)| (j, i)).collect();
    cells.extend(mirrored);
    for _ in 0..4 {
        c = dsl::rot90(&fill_locs(&c, objc, &cells));
    }
    while dsl::toobject(&dsl::r#box(&dsl::asindices(&c)), &c)
        .iter()
        .all(|cell| cell.0 == bgc)
        && c.len() > 3
    {
        c = dsl::trim(&c);
    }
    // No set's order is read from here on: `obj`, its shifts, its backdrop
    // and the `mapply(neighbors, ...)` rings are read by size and membership
    // or filled onto grids, so they are location lists and masks.
    let obj: Vec<Loc> = dsl::ofcolor(&c, objc).iter().copied().collect();
    let (top, bottom) = bounds_of(&obj.iter().map(|l| l.0).collect::<Vec<_>>());
    let (left, right) = bounds_of(&obj.iter().map(|l| l.1).collect::<Vec<_>>());
    let od = bottom - top + 1;
    let loci = rng.randint(1, h - 2 * od)?;
    let locj = rng.randint(1, w - 2 * od)?;
    let obj: Vec<Loc> = obj.iter().map(|&(i, j)| (i + loci, j + locj)).collect();
    let (top, bottom, left, right) = (top + loci, bottom + loci, left + locj, right + locj);
    // `len(shift(obj, (p, p)) & bd) > 0`: a shifted cell inside the backdrop.
    let mut p = 0;
    while obj
        .iter()
        .any(|&(i, j)| (top..=bottom).contains(&(i + p)) && (left..=right).contains(&(j + p)))
    {
        p += 1;
    }
    let obj2: Vec<Loc> = obj.iter().map(|&(i, j)| (i + p, j + p)).collect();
    // The rings grow by one cell a round and meet `obj2` within `p + 1`
    // rounds (`p <= od <= 14`); the frame leaves room for 40.
    let mut ring = NearMask::new();
    ring.set_around(&obj);
    while !obj2.iter().any(|&l| ring.contains(l)) {
        let cur = std::mem::take(&mut ring.members);
        ring = NearMask::new();
        ring.set_around(&cur);
    }
    let mut gi = dsl::canvas(bgc, (h, w));
    fill_locs_in(&mut gi, objc, &obj);
    let indic: Vec<Loc> = obj2.iter().copied().filter(|&l| ring.contains(l)).collect();
    fill_locs_in(&mut gi, remc, &indic);
    // `fill(go, remc, shift(obj, ...))` equals `go` exactly when it writes no
    // cell that is not already `remc`.
    let mut go = gi.clone();
    for k in 0..30 {
        let s = p * (k + 1);
        let mut changed = false;
        for &(i, j) in &obj {
            let (i, j) = (i + s, j + s);
            if (0..h).contains(&i) && (0..w).contains(&j) {
                let cell = &mut go[i as usize][j as usize];
                if *cell != remc {
                    *cell = remc;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e9614598(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let r = rng.randint(0, h - 1)?;
    let sizh = unifint(rng, diff_lb, diff_ub, (2, w / 2));
    let siz = (2 * sizh + 1).max(5).min(w);
    let locj = rng.randint(0, w - siz)?;
    let bd = rng.sample(&cols, 2)?;
    let (bgc, dotc) = (bd[0], bd[1]);
    let c = dsl::canvas(bgc, (h, w));
    let mut gi = fill_locs(&c, dotc, &[(r, locj), (r, locj + siz - 1)]);
    let locc = (r, locj + siz / 2);
    let go = fill_locs(&gi, 3, &[locc]);
    let mut go = dsl::filled(go, 3, &dsl::dneighbors(locc));
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e98196ab(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 14));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let linc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&linc, &remcols);
    let topc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&topc, &remcols);
    let botc = rng.choice(&remcols)?;
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let nocc = unifint(rng, diff_lb, diff_ub, (2, (h * w) / 2));
    let subs = rng.sample(&inds, nocc)?;
    let numa = rng.randint(1, nocc - 1)?;
    let a = rng.sample(&subs, numa)?;
    let b: Vec<Loc> = subs.iter().copied().filter(|l| !a.contains(l)).collect();
    let topg = fill_locs(&c, topc, &a);
    let botg = fill_locs(&c, botc, &b);
    let mut go = fill_locs(&topg, botc, &b);
    let br = dsl::canvas(linc, (1, w));
    let mut gi = dsl::vconcat(&dsl::vconcat(&topg, &br), &botg);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_e9afcf9a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let numc = unifint(rng, diff_lb, diff_ub, (1, 10.min(h)));
    let colss = rng.sample(&cols, numc)?;
    let mut rr = Vec::with_capacity(h as usize);
    for _ in 0..h {
        rr.push(rng.choice(&colss)?);
    }
    let mut rr2 = rr.clone();
    rr2.reverse();
    let gi: Grid = (0..w).map(|_| rr.clone()).collect();
    let go: Grid = (0..w)
        .map(|k| if k % 2 == 0 { rr.clone() } else { rr2.clone() })
        .collect();
    Ok(Example {
        input: dsl::dmirror_grid(&gi),
        output: dsl::dmirror_grid(&go),
    })
}

fn generate_ea32f347(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 4]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let a = unifint(rng, diff_lb, diff_ub, (3, h.min(w)));
    let b = unifint(rng, diff_lb, diff_ub, (2, a));
    let c = unifint(rng, diff_lb, diff_ub, (1, b));
    // Python shortens `a` when `c - a == 2`, which `c <= b <= a` rules out.
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds` is read only through `tmpg = fill(gi, -1, asindices(gi) -
    // inds)`, a grid: it is kept as the cells it no longer holds. A cell
    // not blocked is still `bgc` (every painted cell is blocked), so a line
    // of `bgc` occurs in `tmpg` exactly where all its cells are free.
    let (hu, wu) = (h as usize, w as usize);
    let mut blocked = vec![false; hu * wu];
    for (col, l) in [(1, a), (4, b), (2, c)] {
        // `occurrences(tmpg, recolor(bgc, ln))` for the horizontal (`ln1`)
        // and vertical (`ln2`) line of `l` cells: the found corners are
        // added row by row, then copied into a frozenset, as a GridSet.
        let free = |i: i64, j: i64| !blocked[i as usize * wu + j as usize];
        let occs1 = GridSet::from_distinct((0..h).flat_map(|i| {
            (0..w - l + 1)
                .filter(move |&j| (j..j + l).all(|jj| free(i, jj)))
                .map(move |j| gid((i, j)))
        }))
        .frozen();
        let occs2 = GridSet::from_distinct((0..h - l + 1).flat_map(|i| {
            (0..w)
                .filter(move |&j| (i..i + l).all(|ii| free(ii, j)))
                .map(move |j| gid((i, j)))
        }))
        .frozen();
        let pool: Vec<(bool, &GridSet)> = [(true, &occs1), (false, &occs2)]
            .into_iter()
            .filter(|(_, o)| o.len() > 0)
            .collect();
        let (horizontal, occs) = rng.choice(&pool)?;
        let (li, lj) = gloc(grid_choice(rng, occs)?);
        // `shift(ln, loc)` is only painted and subtracted: a list.
        let plcd: Vec<Loc> = (0..l)
            .map(|k| {
                if horizontal {
                    (li, lj + k)
                } else {
                    (li + k, lj)
                }
            })
            .collect();
        let fill_col = rng.choice(&remcols)?;
        fill_locs_in(&mut gi, fill_col, &plcd);
        fill_locs_in(&mut go, col, &plcd);
        for &(i, j) in &plcd {
            for (di, dj) in [(0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)] {
                let (ni, nj) = (i + di, j + dj);
                if (0..h).contains(&ni) && (0..w).contains(&nj) {
                    blocked[ni as usize * wu + nj as usize] = true;
                }
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ea786f4a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 14));
    let w = unifint(rng, diff_lb, diff_ub, (1, 14));
    let mp = (h, w);
    let (h, w) = (2 * h + 1, 2 * w + 1);
    let linc = rng.choice(&cols)?;
    let remcols = dsl::remove(&linc, &cols);
    let mut gi = dsl::canvas(linc, (h, w));
    let inds = dsl::remove(&mp, &dsl::asindices(&gi));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, ncols)?;
    for &(i, j) in inds.iter() {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let mut go = gi.clone();
    for d in [(-1, -1), (1, 1), (-1, 1), (1, -1)] {
        dsl::fill_in(&mut go, linc, &dsl::shoot(mp, d));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_eb281b96(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 8));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, numc)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let ncells = unifint(rng, diff_lb, diff_ub, (1, h * w));
    let locs = rng.sample(&dsl::asindices(&gi).to_vec(), ncells)?;
    for &(i, j) in &locs {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let go = dsl::vconcat(&gi, &dsl::hmirror_grid(&gi[..gi.len() - 1].to_vec()));
    let go = dsl::vconcat(&go, &dsl::hmirror_grid(&go[..go.len() - 1].to_vec()));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_eb5a1d5d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let d = unifint(rng, diff_lb, diff_ub, (2, 10));
    let mut go = dsl::canvas(-1, (d * 2 - 1, d * 2 - 1));
    let colss = rng.sample(&cols, d)?;
    for (j, &cc) in colss.iter().enumerate() {
        let j = j as i64;
        go = dsl::fill(
            &go,
            cc,
            &dsl::r#box(&pair_set((j, j), (2 * d - 2 - j, 2 * d - 2 - j))),
        );
    }
    let nvenl = unifint(rng, diff_lb, diff_ub, (0, 30 - d));
    let nhenl = unifint(rng, diff_lb, diff_ub, (0, 30 - d));
    let mut enl = [nvenl, nhenl];
    let mut gi = go.clone();
    while (enl[0] > 0 || enl[1] > 0) && gi.len().max(gi[0].len()) < 30 {
        let opts: Vec<usize> = (0..2).filter(|&k| enl[k] > 0).collect();
        let ch = rng.choice(&opts)?;
        if ch == 1 {
            gi = dsl::dmirror_grid(&gi);
        }
        let idx = rng.randint(0, gi.len() as i64 - 1)? as usize;
        let row = gi[idx].clone();
        gi.insert(idx, row);
        if ch == 1 {
            gi = dsl::dmirror_grid(&gi);
        }
        enl[ch] -= 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ec883f72(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let ohi = unifint(rng, diff_lb, diff_ub, (0, h - 6));
    let owi = unifint(rng, diff_lb, diff_ub, (0, w - 6));
    let oh = h - 5 - ohi;
    let ow = w - 5 - owi;
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let cs = rng.sample(&cols, 3)?;
    let (bgc, sqc, linc) = (cs[0], cs[1], cs[2]);
    // Nothing reads the order of any set here: the square, its outer box
    // (`outbox(outbox(obj))`) and the four diagonal rays are only filled
    // onto the grid, so they are written cell by cell, clipped to the grid
    // as `fill` clips them.
    let mut gi = dsl::canvas(bgc, (h, w));
    let set = |g: &mut Grid, i: i64, j: i64, v: i64| {
        if (0..h).contains(&i) && (0..w).contains(&j) {
            g[i as usize][j as usize] = v;
        }
    };
    for i in loci..loci + oh {
        for j in locj..locj + ow {
            set(&mut gi, i, j, sqc);
        }
    }
    // The box two cells around the square: rows `top..=bot`, columns `lft..=rgt`.
    let (top, bot, lft, rgt) = (loci - 2, loci + oh + 1, locj - 2, locj + ow + 1);
    for j in lft..=rgt {
        set(&mut gi, top, j, linc);
        set(&mut gi, bot, j, linc);
    }
    for i in top..=bot {
        set(&mut gi, i, lft, linc);
        set(&mut gi, i, rgt, linc);
    }
    // `shoot(corner, d)` holds the corner and 42 steps beyond it; the corner
    // is on the box (line colour, so not background), and every cell past it
    // lies outside the box's bounding rows and columns, where the grid is
    // still background: `& ofcolor(gi, bgc)` keeps exactly the steps that
    // fall inside the grid.
    let mut go = gi.clone();
    for ((ci, cj), (di, dj)) in [
        ((bot, rgt), (1, 1)),
        ((top, lft), (-1, -1)),
        ((bot, lft), (1, -1)),
        ((top, rgt), (-1, 1)),
    ] {
        for k in 1..=42 {
            set(&mut go, ci + k * di, cj + k * dj, sqc);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ecdecbb3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, dotc, linc) = (cs[0], cs[1], cs[2]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let nl = unifint(rng, diff_lb, diff_ub, (1, h / 4));
    let mut inds = dsl::interval(0, h, 1);
    let mut locs = Vec::new();
    for _ in 0..nl {
        if inds.is_empty() {
            break;
        }
        let idx = rng.choice(&inds)?;
        locs.push(idx);
        inds.retain(|&x| (x - idx).abs() > 2);
    }
    locs.sort();
    for &ii in &locs {
        dsl::fill_in(&mut gi, linc, &dsl::hfrontier((ii, 0)));
    }
    let iopts: Vec<i64> = (0..h)
        .filter(|x| !locs.contains(x) && !locs.contains(&(x - 1)) && !locs.contains(&(x + 1)))
        .collect();
    let mut jopts = dsl::interval(0, w, 1);
    let ndots = unifint(rng, diff_lb, diff_ub, (1, (iopts.len() as i64).min(w / 2)));
    let mut dlocs = Vec::new();
    for _ in 0..ndots {
        if iopts.is_empty() || jopts.is_empty() {
            break;
        }
        let loci = rng.choice(&iopts)?;
        let locj = rng.choice(&jopts)?;
        dlocs.push((loci, locj));
        jopts.retain(|&x| (x - locj).abs() > 1);
    }
    let (lo, hi) = (
        *locs
            .first()
            .ok_or_else(|| raised("min() arg is an empty sequence"))?,
        *locs
            .last()
            .ok_or_else(|| raised("max() arg is an empty sequence"))?,
    );
    let mut go = gi.clone();
    for &(loci, locj) in &dlocs {
        let d = (loci, locj);
        if loci < lo {
            dsl::fill_in(&mut go, dotc, &dsl::connect(d, (lo, locj)));
            dsl::fill_in(&mut go, linc, &dsl::neighbors((lo, locj)));
        } else if loci > hi {
            dsl::fill_in(&mut go, dotc, &dsl::connect(d, (hi, locj)));
            dsl::fill_in(&mut go, linc, &dsl::neighbors((hi, locj)));
        } else {
            let sp = locs.iter().copied().rfind(|&e| e < loci);
            let ep = locs.iter().copied().find(|&e| e > loci);
            let (sp, ep) = sp
                .zip(ep)
                .ok_or_else(|| raised("list index out of range"))?;
            dsl::fill_in(&mut go, dotc, &dsl::connect((sp, locj), (ep, locj)));
            dsl::fill_in(&mut go, linc, &dsl::neighbors((sp, locj)));
            dsl::fill_in(&mut go, linc, &dsl::neighbors((ep, locj)));
        }
        fill_locs_in(&mut gi, dotc, &[d]);
    }
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ed36ccf7(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 30));
    let w = unifint(rng, diff_lb, diff_ub, (1, 30));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for &col in &colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go = dsl::rot270(&gi);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ef135b50(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[9]);
    loop {
        let h = unifint(rng, diff_lb, diff_ub, (8, 30));
        let w = unifint(rng, diff_lb, diff_ub, (8, 30));
        let bgc = rng.choice(&cols)?;
        let remcols = dsl::remove(&bgc, &cols);
        let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
        let ccols = rng.sample(&remcols, numc)?;
        let mut gi = dsl::canvas(bgc, (h, w));
        let nsq = unifint(rng, diff_lb, diff_ub, (2, (h * w) / 30));
        let (mut succ, mut tr) = (0, 0);
        let maxtr = 5 * nsq;
        // `inds`' order is read (the choice over its sfilter), so it is
        // CPython's table (`GridSet`); each sfilter is kept per (oh, ow)
        // until `inds` changes.
        let mut inds = GridSet::asindices((h, w));
        let mut memo = FitMemo::default();
        // `inds`' membership. Its table is read only by a draw that can
        // place a square; the last placed square (`stale`) is subtracted
        // from it only then, so a table nothing reads is never built.
        let mut free = RowBits::full((h, w));
        let mut stale: Option<(Loc, Loc)> = None;
        // Python's `pats` is a set of the squares' backdrops, only iterated
        // to union the gaps into `res`, which is only filled: no order is
        // read, so each square is its corners.
        let mut pats: Vec<(Loc, Loc)> = Vec::new();
        while tr < maxtr && succ < nsq {
            tr += 1;
            let oh = rng.randint(1, h / 3 * 2)?;
            let ow = rng.randint(1, w / 3 * 2)?;
            let n = free.count_in(0..=h - oh, low_bits(w - ow + 1));
            if n == 0 {
                continue;
            }
            if !free.rect_fits((oh, ow), 0..=h - oh, u64::MAX) {
                // No candidate's box lies in `inds`: whichever corner the
                // choice draws, `bd.issubset(inds)` fails, so only the
                // draw over `len(cands)` is made.
                rng.rng.randbelow(n as u64);
                continue;
            }
            if let Some((ul, lr)) = stale.take() {
                // bd is subtracted (size and membership), then its
                // neighbours (size and membership).
                inds = inds.minus_rect_and(ul, lr, &rect_neighbors(ul, lr));
                memo.changed();
            }
            let cands = memo.fitting(&inds, (h, w), (oh, ow));
            debug_assert_eq!(cands.len(), n);
            let (loci, locj) = gloc(rng.choice(cands)?);
            // bd = backdrop({ul, lr}): subset-tested, subtracted (size and
            // membership), its neighbours subtracted, filled.
            let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
            if free.rect_in(ul, (oh, ow)) {
                succ += 1;
                free.clear_rect((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1));
                stale = Some((ul, lr));
                let col = rng.choice(&ccols)?;
                fill_rect(&mut gi, col, ul, lr);
                pats.push((ul, lr));
            }
        }
        // The gaps between squares that share rows, on the background and
        // off the border (only which cells, not their order, matters).
        let mut go = gi.clone();
        for (a, &(u1, l1)) in pats.iter().enumerate() {
            for (b, &(u2, l2)) in pats.iter().enumerate() {
                // hmatching: the two share a row.
                if a == b || u1.0.max(u2.0) > l1.0.min(l2.0) {
                    continue;
                }
                let um = u1.0.max(u2.0);
                let bm = l1.0.min(l2.0);
                let lm = l1.1.min(l2.1) + 1;
                let rm = u1.1.max(u2.1) - 1;
                let (si, ei) = (um.min(bm).max(1), um.max(bm).min(h - 2));
                let (sj, ej) = (lm.min(rm).max(1), lm.max(rm).min(w - 2));
                for i in si..=ei {
                    for j in sj..=ej {
                        let v = &mut go[i as usize][j as usize];
                        if gi[i as usize][j as usize] == bgc {
                            *v = 9;
                        }
                    }
                }
            }
        }
        if go != gi {
            return Ok(Example {
                input: gi,
                output: go,
            });
        }
    }
}

fn generate_f15e1fac(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let nsps = unifint(rng, diff_lb, diff_ub, (1, (w - 1) / 2));
    let ngps = unifint(rng, diff_lb, diff_ub, (1, (h - 1) / 2));
    let mut spsj = rng.sample(&dsl::interval(1, w - 1, 1), nsps)?;
    spsj.sort();
    let mut gpsi = rng.sample(&dsl::interval(1, h - 1, 1), ngps)?;
    gpsi.sort();
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let tops: Vec<Loc> = spsj.iter().map(|&jj| (0, jj)).collect();
    let lefts: Vec<Loc> = gpsi.iter().map(|&ii| (ii, 0)).collect();
    let gi = fill_locs(&dsl::canvas(bgc, (h, w)), linc, &tops);
    let gi = filled_locs(gi, 2, &lefts);
    let mut go = gi.clone();
    let starts = std::iter::once(0).chain(gpsi.iter().copied());
    let ends = gpsi.iter().map(|x| x - 1).chain(std::iter::once(h - 1));
    for (ofs, (a, b)) in starts.zip(ends).enumerate() {
        let ofs = ofs as i64;
        for &jj in &spsj {
            dsl::fill_in(&mut go, linc, &dsl::connect((a, jj + ofs), (b, jj + ofs)));
        }
    }
    let (gi, go) = random_transforms(rng, gi, go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_f1cefba8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (7, 30));
    let ih = unifint(rng, diff_lb, diff_ub, (6, h - 1));
    let iw = unifint(rng, diff_lb, diff_ub, (6, w - 1));
    let loci = rng.randint(0, h - ih)?;
    let locj = rng.randint(0, w - iw)?;
    let cs = rng.sample(&cols, 3)?;
    let (bgc, ringc, inc) = (cs[0], cs[1], cs[2]);
    let obj = pair_set((loci, locj), (loci + ih - 1, locj + iw - 1));
    let ring1 = dsl::r#box(&obj);
    let ring2 = dsl::inbox(&obj);
    let c = dsl::fill(&dsl::canvas(bgc, (h, w)), inc, &dsl::backdrop(&obj));
    let c = dsl::filled(c, ringc, &(&ring1 | &ring2));
    let cands = (&ring2 - &dsl::corners(&ring2)).to_vec();
    let numc = unifint(rng, diff_lb, diff_ub, (1, cands.len() as i64 / 2));
    let locs = rng.sample(&cands, numc)?;
    let gi = fill_locs(&c, inc, &locs);
    let lm = dsl::lowermost(&ring2);
    // Row lines through the dots on the ring's sides, column lines through
    // the others; drawn over background as `inc`, over `inc` as the ring.
    let mut fulllocs: PySet<Loc> = PySet::new();
    for &(i, j) in &locs {
        if i > loci + 1 && i < lm {
            fulllocs.update(&dsl::hfrontier((i, j)));
        } else {
            fulllocs.update(&dsl::vfrontier((i, j)));
        }
    }
    let (ofbg, ofin) = (dsl::ofcolor(&c, bgc), dsl::ofcolor(&c, inc));
    let go = fill_locs(&c, inc, fulllocs.iter().filter(|l| ofbg.contains(l)));
    let go = filled_locs(go, ringc, fulllocs.iter().filter(|l| ofin.contains(l)));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_f25fbde4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let (bh, bw) = (15.min(h - 1), 15.min(w - 1));
    let ncd = unifint(rng, diff_lb, diff_ub, (1, 1.max((bh * bw) / 2)));
    // Drawn, then overwritten from `ncd`, as in Python.
    let _nc = rng.choice(&[ncd, (h - 1) * (w - 1) - ncd])?;
    let nc = ncd.max(1).min((h - 1) * (w - 1) - 1);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let c = dsl::canvas(bgc, (h, w));
    let bounds = dsl::asindices(&dsl::canvas(-1, (bh, bw)));
    let ch = rng.choice_in(&bounds)?;
    let mut shp: PySet<Loc> = std::iter::once(ch).collect();
    let bounds = dsl::remove(&ch, &bounds);
    for _ in 0..nc {
        grow_by(rng, &bounds, &mut shp, dsl::neighbors)?;
    }
    let shp = normalize_set(&shp);
    let (oh, ow) = dsl::shape(&shp);
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let gi = dsl::fill(&c, fgc, &shp.shift((loci, locj)));
    let go = dsl::upscale_grid(&dsl::compress(&gi), 2);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_f25ffba3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 14)) * 2 + 1;
    let w = unifint(rng, diff_lb, diff_ub, (3, 15));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let remcols = rng.sample(&remcols, numcols)?;
    let canv = dsl::canvas(bgc, (h, w));
    let nc = unifint(rng, diff_lb, diff_ub, (2, h * w - 2));
    // `bx` and every `bx & dns` are read for their order (the choices), so
    // they are CPython's tables over location numbers (`GridSet`), and so
    // is `dns`, whose order the intersection reads when it is walked.
    let mut bx = GridSet::asindices((h, w));
    let c0 = rng.choice(&remcols)?;
    let l0 = gloc(grid_choice(rng, &bx)?);
    // A set of cells: the first location stays in `bx`, so it can be picked
    // again, and then the set's order decides the paint.
    let mut obj: PySet<dsl::Cell> = std::iter::once((c0, l0)).collect();
    for _ in 0..nc - 1 {
        grow_cells_in(rng, &mut obj, &mut bx, &remcols)?;
    }
    loop {
        let top = obj.iter().map(|c| c.1 .0).min().unwrap_or(0);
        let bottom = obj.iter().map(|c| c.1 .0).max().unwrap_or(0);
        if !(top > h / 2 - 1 || bottom < h / 2 + 1) {
            break;
        }
        grow_cells_in(rng, &mut obj, &mut bx, &remcols)?;
    }
    let gix = paint_cells(&canv, obj.iter());
    // Each row sorted by `cell == bgc` (stable): its colors first.
    let gix: Grid = gix.iter().map(|r| dsl::order(r, |&v| v == bgc)).collect();
    let mut gi = dsl::hconcat(&gix, &canv);
    let mut go = dsl::hconcat(&gix, &dsl::vmirror_grid(&gix));
    if rng.choice(&[true, false])? {
        gi = dsl::vmirror_grid(&gi);
        go = dsl::vmirror_grid(&go);
    }
    if rng.choice(&[true, false])? {
        gi = dsl::hmirror_grid(&gi);
        go = dsl::hmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_f2829549(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 14));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let linc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&linc, &remcols);
    let acol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&acol, &remcols);
    let bcol = rng.choice(&remcols)?;
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let bar = dsl::canvas(linc, (h, 1));
    let numadev = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numbdev = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numa = rng.choice(&[numadev, h * w - numadev])?;
    // `numadev` again, as in Python.
    let numb = rng.choice(&[numadev, h * w - numbdev])?;
    let numa = numa.max(1).min(h * w - 1);
    let numb = numb.max(1).min(h * w - 1);
    let aset = rng.sample(&inds, numa)?;
    let bset = rng.sample(&inds, numb)?;
    let a = fill_locs(&c, acol, &aset);
    let b = fill_locs(&c, bcol, &bset);
    let mut gi = dsl::hconcat(&dsl::hconcat(&a, &bar), &b);
    let mut go = fill_locs(
        &c,
        3,
        inds.iter()
            .filter(|l| !aset.contains(l) && !bset.contains(l)),
    );
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_f35d900a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[5]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, c1, c2) = (cs[0], cs[1], cs[2]);
    let oh = unifint(rng, diff_lb, diff_ub, (4, h));
    let ow = unifint(rng, diff_lb, diff_ub, (4, w));
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let bx = dsl::r#box(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
    let (ul, ur) = (dsl::ulcorner(&bx), dsl::urcorner(&bx));
    let (ll, lr) = (dsl::llcorner(&bx), dsl::lrcorner(&bx));
    let gi = fill_locs(&dsl::canvas(bgc, (h, w)), c1, &[ul, lr]);
    let gi = filled_locs(gi, c2, &[ur, ll]);
    let go = fill_locs(&dsl::canvas(bgc, (h, w)), c1, &[ul, lr]);
    let go = filled_locs(go, c2, &[ur, ll]);
    let go = dsl::filled(go, c1, &(&dsl::neighbors(ur) | &dsl::neighbors(ll)));
    let mut go = dsl::filled(go, c2, &(&dsl::neighbors(ul) | &dsl::neighbors(lr)));
    let dist = |(a, b): Loc, (c, d): Loc| (a - c).abs() + (b - d).abs();
    let crns = [ul, ur, ll, lr];
    for &c in &crns {
        // The box cells at an even distance (more than 1) from this corner,
        // no nearer to another corner.
        let valids: Vec<Loc> = bx
            .iter()
            .copied()
            .filter(|&ij| {
                let dc = dist(c, ij);
                crns.iter().filter(|&&o| o != c).all(|&o| dc <= dist(ij, o))
                    && dc > 1
                    && dc % 2 == 0
            })
            .collect();
        fill_locs_in(&mut go, 5, &valids);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_f5b8619d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 15));
    let w = unifint(rng, diff_lb, diff_ub, (2, 15));
    let ncells = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 2 - 1));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let locs = rng.sample(&dsl::asindices(&gi).to_vec(), ncells)?;
    let blockcol = rng.randint(0, w - 1)?;
    let locs: Vec<Loc> = locs.into_iter().filter(|l| l.1 != blockcol).collect();
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numcols)?;
    for &(i, j) in &locs {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    // The columns of the cells, where no cell is.
    let go = fill_locs(
        &gi,
        8,
        &(0..h)
            .flat_map(|i| (0..w).map(move |j| (i, j)))
            .filter(|&(i, j)| locs.iter().any(|l| l.1 == j) && !locs.contains(&(i, j)))
            .collect::<Vec<Loc>>(),
    );
    let go = dsl::hconcat(&go, &go);
    let go = dsl::vconcat(&go, &go);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_f76d97a5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[0, 5]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let col = rng.choice(&cols)?;
    let gi = dsl::canvas(5, (h, w));
    let go = dsl::canvas(col, (h, w));
    let numdev = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let num = rng.choice(&[numdev, h * w - numdev])?;
    let num = num.max(1).min(h * w);
    let locs = rng.sample(&dsl::asindices(&gi).to_vec(), num)?;
    Ok(Example {
        input: fill_locs(&gi, col, &locs),
        output: fill_locs(&go, 0, &locs),
    })
}

fn generate_f8a8fe49(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let fullh = unifint(rng, diff_lb, diff_ub, (10, h));
    let fullw = unifint(rng, diff_lb, diff_ub, (3, w));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, objc, boxc) = (cs[0], cs[1], cs[2]);
    let bcanv = dsl::canvas(bgc, (h, w));
    let loci = rng.randint(0, h - fullh)?;
    let locj = rng.randint(0, w - fullw)?;
    let mut canvi = dsl::canvas(bgc, (fullh, fullw));
    let mut canvo = dsl::canvas(bgc, (fullh, fullw));
    let objh = (fullh / 2 - 3) / 2;
    let mut br = dsl::connect((objh + 1, 0), (objh + 1, fullw - 1)).to_vec();
    br.extend([(objh + 2, 0), (objh + 2, fullw - 1)]);
    let cands = dsl::backdrop(&pair_set((0, 1), (objh - 1, fullw - 2)));
    let bottom = dsl::lowermost(&cands);
    let last_row = dsl::sfilter(&cands, |l| l.0 == bottom).to_vec();
    let cands = cands.to_vec();
    for _ in 0..2 {
        fill_locs_in(&mut canvi, boxc, &br);
        fill_locs_in(&mut canvo, boxc, &br);
        let span = objh * (fullw - 2);
        let ncellsd = unifint(rng, diff_lb, diff_ub, (0, span / 2));
        let ncells = rng.choice(&[ncellsd, span - ncellsd])?;
        let ncells = ncells.max(1).min(span);
        // `cells` (a frozenset of the sample plus one cell) and its mirror
        // are only filled with one color, so a list (a repeat is harmless)
        // does; `hmirror` maps row `i` to `top + bottom - i`.
        let mut cells = rng.sample(&cands, ncells)?;
        cells.push(rng.choice(&last_row)?);
        fill_locs_in(&mut canvi, objc, &cells);
        let top = cells.iter().map(|l| l.0).min().unwrap_or(0);
        let bottom = cells.iter().map(|l| l.0).max().unwrap_or(0);
        for l in cells.iter_mut() {
            l.0 = top + bottom - l.0 + objh + 3;
        }
        fill_locs_in(&mut canvo, objc, &cells);
        canvi = dsl::hmirror_grid(&canvi);
        canvo = dsl::hmirror_grid(&canvo);
    }
    // `paint(bcanv, shift(asobject(canv), (loci, locj)))`: one cell per
    // location, so the object's order is unseen; the canvas fits inside
    // (`loci <= h - fullh`, `locj <= w - fullw`), so its rows are copied.
    let place = |canv: &Grid| -> Grid {
        let mut g = bcanv.clone();
        for (row, src) in g[loci as usize..].iter_mut().zip(canv) {
            row[locj as usize..locj as usize + src.len()].copy_from_slice(src);
        }
        g
    };
    let mut gi = place(&canvi);
    let mut go = place(&canvo);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    // `go, gi = gi, go`.
    Ok(Example {
        input: go,
        output: gi,
    })
}

fn generate_f8b3ba0a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 5));
    let w = unifint(rng, diff_lb, diff_ub, (1, 5));
    let nh = unifint(rng, diff_lb, diff_ub, (3, 29 / (h + 1)));
    let nw = unifint(rng, diff_lb, diff_ub, (3, 29 / (w + 1)));
    let fullh = (h + 1) * nh + 1;
    let fullw = (w + 1) * nw + 1;
    let fb = rng.sample(&cols, 2)?;
    let (fullbgc, bgc) = (fb[0], fb[1]);
    let mut remcols = dsl::remove(&fullbgc, &dsl::remove(&bgc, &cols));
    let shp = dsl::asindices(&dsl::canvas(-1, (h, w))).shift((1, 1));
    let mut gi = dsl::canvas(fullbgc, (fullh, fullw));
    let mut locs: PySet<Loc> = PySet::new();
    for a in 0..nh {
        for b in 0..nw {
            let loc = (a * (h + 1), b * (w + 1));
            locs.add(loc);
            dsl::fill_in(&mut gi, bgc, &shp.shift(loc));
        }
    }
    let mut numc = unifint(rng, diff_lb, diff_ub, (1, (nh * nw) / 2 - 1));
    let mut stack = Vec::new();
    let mut nn = numc + 1;
    while nn > 1 && numc > 0 && !remcols.is_empty() {
        // `int(0.5 * (8 * numc + 1) ** 0.5 - 1)`.
        let nn3 = (0.5 * ((8 * numc + 1) as f64).powf(0.5) - 1.0) as i64;
        nn = nn3.max(1).min(nn - 1);
        let col = rng.choice(&remcols)?;
        remcols = dsl::remove(&col, &remcols);
        numc -= nn;
        stack.push((col, nn));
    }
    let go: Grid = stack.iter().map(|&(c, _)| vec![c]).collect();
    for &(col, nn) in &stack {
        let slocs = rng.sample(&locs.to_vec(), nn)?;
        for &l in &slocs {
            dsl::fill_in(&mut gi, col, &shp.shift(l));
        }
        let taken: PySet<Loc> = slocs.into_iter().collect();
        locs = &locs - &taken;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// The cells of `box(frozenset({ul, lr}))` (`ul` above and left of `lr`)
/// inside an `h` by `w` grid, side by side (the corners twice).
fn outline_in_grid((si, sj): Loc, (ei, ej): Loc, (h, w): Loc) -> impl Iterator<Item = Loc> {
    let rows = [si, ei]
        .into_iter()
        .filter(move |&i| 0 <= i && i < h)
        .flat_map(move |i| (sj.max(0)..=ej.min(w - 1)).map(move |j| (i, j)));
    let cols = [sj, ej]
        .into_iter()
        .filter(move |&j| 0 <= j && j < w)
        .flat_map(move |j| (si.max(0)..=ei.min(h - 1)).map(move |i| (i, j)));
    rows.chain(cols)
}

fn generate_f8c80d96(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[5]);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let ow = rng.randint(1, if h > 10 { 3 } else { 2 })?;
    let oh = rng.randint(1, if w > 10 { 3 } else { 2 })?;
    let loci = rng.randint(-oh + 1, h - 1)?;
    let locj = rng.randint(-ow + 1, w - 1)?;
    // `obj = backdrop({ul, lr})` is only read for its corners.
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(5, (h, w));
    let (ulci, ulcj) = (loci - 1, locj - 1);
    let (lrci, lrcj) = (loci + oh, locj + ow);
    let hoffs = rng.randint(2, if h > 12 { 4 } else { 3 })?;
    let woffs = rng.randint(2, if w > 12 { 4 } else { 3 })?;
    // The boxes (`lns`) are only tested for meeting the grid and filled:
    // their corners, no sets.
    let lns: Vec<(Loc, Loc)> = (0..h.max(w) / hoffs.min(woffs) + 1)
        .map(|k| {
            (
                (ulci - hoffs * k, ulcj - woffs * k),
                (lrci + hoffs * k, lrcj + woffs * k),
            )
        })
        .filter(|&(ul, lr)| outline_in_grid(ul, lr, (h, w)).next().is_some())
        .collect();
    let nlns = lns.len() as i64;
    let nmissing = unifint(rng, diff_lb, diff_ub, (0, nlns - 2));
    let npresent = nlns - nmissing;
    for k in 0..npresent {
        let &(ul, lr) = lns
            .get(k as usize)
            .ok_or_else(|| raised("list index out of range"))?;
        for (i, j) in outline_in_grid(ul, lr, (h, w)) {
            gi[i as usize][j as usize] = linc;
        }
    }
    for &(ul, lr) in &lns {
        for (i, j) in outline_in_grid(ul, lr, (h, w)) {
            go[i as usize][j as usize] = linc;
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_f8ff0b80(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, 30.min((h * w) / 25)));
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut numcells = unifint(rng, diff_lb, diff_ub, (nobjs + 1, 36));
    let base = dsl::asindices(&dsl::canvas(-1, (6, 6)));
    let maxtr = 10;
    // `inds` is read in its order (draws): CPython's table as a GridSet.
    let mut inds = GridSet::asindices((h, w));
    let mut go = Vec::new();
    for k in 0..nobjs {
        if inds.len() == 0 || numcells < 2 {
            break;
        }
        numcells = unifint(rng, diff_lb, diff_ub, (nobjs - k, numcells - 1));
        if numcells == 0 {
            break;
        }
        let sp = rng.choice_in(&base)?;
        let mut shp: PySet<Loc> = std::iter::once(sp).collect();
        let reminds = dsl::remove(&sp, &base);
        for _ in 0..numcells - 1 {
            grow_by(rng, &reminds, &mut shp, dsl::neighbors)?;
        }
        let shp = normalize_set(&shp);
        let (sh, sw) = dsl::shape(&shp);
        // `rems = sfilter(inds, ...)` feeds one draw whose location is
        // always redrawn from all of `inds` below (`maxtr > 0`): only its
        // size is read, so it is counted, and the draw is `randbelow(size)`.
        let nrems = inds
            .iter()
            .filter(|&id| {
                let (i, j) = gloc(id);
                i <= h - sh && j <= w - sw
            })
            .count();
        if nrems == 0 {
            break;
        }
        rng.rng.randbelow(nrems as u64);
        let mut loc = (0, 0);
        let mut validloc = false;
        let mut tr = 0;
        while !validloc && tr < maxtr {
            loc = gloc(grid_choice(rng, &inds)?);
            // `shift(shp, loc).issubset(inds)`: membership only.
            validloc = shp
                .iter()
                .all(|&(i, j)| in_grid_set(&inds, (i + loc.0, j + loc.1)));
            tr += 1;
        }
        if validloc {
            // `plcd` is only subtracted (size and membership), its
            // neighbours too (`grid_minus_near`), and filled: a list.
            let plcd: Vec<Loc> = shp.iter().map(|&(i, j)| (i + loc.0, j + loc.1)).collect();
            let col = rng.choice(&remcols)?;
            go.push(vec![col]);
            inds = grid_minus_near(&inds, &plcd, dsl::neighbors);
            fill_locs_in(&mut gi, col, &plcd);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_f9012d9b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let hp = unifint(rng, diff_lb, diff_ub, (2, 10));
    let wp = unifint(rng, diff_lb, diff_ub, (2, 10));
    let mut srco = dsl::canvas(0, (hp, wp));
    let nc = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&cols, nc)?;
    for &(i, j) in dsl::asindices(&srco).iter() {
        srco[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let mut gi = srco.clone();
    let numhp = unifint(rng, diff_lb, diff_ub, (3, 30 / hp));
    let numwp = unifint(rng, diff_lb, diff_ub, (3, 30 / wp));
    for _ in 0..numhp - 1 {
        gi = dsl::vconcat(&gi, &srco);
    }
    let column = gi.clone();
    for _ in 0..numwp - 1 {
        gi = dsl::hconcat(&gi, &column);
    }
    let hcropfac = rng.randint(0, hp)?;
    gi.truncate(gi.len() - hcropfac as usize);
    gi = dsl::dmirror_grid(&gi);
    let wcropfac = rng.randint(0, wp)?;
    gi.truncate(gi.len() - wcropfac as usize);
    gi = dsl::dmirror_grid(&gi);
    let (h, w) = dsl::shape_grid(&gi);
    let sgh = unifint(rng, diff_lb, diff_ub, (1, h - hp - 1));
    let sgw = unifint(rng, diff_lb, diff_ub, (1, w - wp - 1));
    let loci = rng.randint(0, h - sgh)?;
    let locj = rng.randint(0, w - sgw)?;
    let obj = dsl::backdrop(&pair_set((loci, locj), (loci + sgh - 1, locj + sgw - 1)));
    let go = dsl::subgrid(&obj, &gi);
    let gi = dsl::filled(gi, 0, &obj);
    // (identity, rot90, rot180, rot270, dmirror, vmirror, hmirror, cmirror)
    // as indices of `transform`.
    let k = rng.choice(&[0usize, 5, 6, 7, 1, 3, 4, 2])?;
    Ok(Example {
        input: transform(k, &gi),
        output: transform(k, &go),
    })
}

fn generate_fafffa47(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 14));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let acol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&acol, &remcols);
    let bcol = rng.choice(&remcols)?;
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let numadev = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numbdev = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numa = rng.choice(&[numadev, h * w - numadev])?;
    // `numadev` again, as in Python.
    let numb = rng.choice(&[numadev, h * w - numbdev])?;
    let numa = numa.max(1).min(h * w - 1);
    let numb = numb.max(1).min(h * w - 1);
    let aset = rng.sample(&inds, numa)?;
    let bset = rng.sample(&inds, numb)?;
    let a = fill_locs(&c, acol, &aset);
    let b = fill_locs(&c, bcol, &bset);
    let mut gi = dsl::hconcat(&a, &b);
    let mut go = fill_locs(
        &c,
        2,
        inds.iter()
            .filter(|l| !aset.contains(l) && !bset.contains(l)),
    );
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_fcb5c309(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let cs = rng.sample(&cols, 3)?;
    let (bgc, dotc, sqc) = (cs[0], cs[1], cs[2]);
    let numsq = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 25));
    let mut gi = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (the choice over its sfilter, the noise
    // sample), so it stays CPython's table, as a `GridSet`; the sfilter is
    // kept per shape until `inds` changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    let maxtr = 4 * numsq;
    let (mut tr, mut succ) = (0, 0);
    let mut numcells: Option<i64> = None;
    let mut go: Option<Grid> = None;
    while tr < maxtr && succ < numsq {
        let oh = rng.randint(3, 7)?;
        let ow = rng.randint(3, 7)?;
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            break;
        }
        let (loci, locj) = gloc(rng.choice(cands)?);
        // `sq = box(...)` and `bd = backdrop(sq)` are only subset-tested,
        // filled, subtracted (size and membership) and read for their
        // bounds: the rectangle and its outline, not frozensets.
        let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        if (ul.0..=lr.0).all(|i| (ul.1..=lr.1).all(|j| inds.contains(gid((i, j))))) {
            fill_locs_in(&mut gi, sqc, &outline_cells(ul, lr));
            // `backdrop(inbox(sq))`, sampled from, adds the inner rectangle
            // row by row: the same adds on location numbers.
            let inner = rect_cells((ul.0 + 1, ul.1 + 1), (lr.0 - 1, lr.1 - 1));
            let ib: Vec<Loc> = GridSet::from_distinct(inner.into_iter().map(gid))
                .iter()
                .map(gloc)
                .collect();
            let first = numcells.is_none();
            let cells = match numcells {
                None => {
                    let n = unifint(rng, diff_lb, diff_ub, (1, ib.len() as i64));
                    numcells = Some(n);
                    rng.sample(&ib, n)?
                }
                Some(n) => {
                    let ub = 0.max(n - 1).min(ib.len() as i64);
                    let nc = unifint(rng, diff_lb, diff_ub, (0, ub));
                    rng.sample(&ib, nc)?
                }
            };
            fill_locs_in(&mut gi, dotc, &cells);
            if first {
                // `subgrid(sq, gi)`: the crop at `sq`'s corner, its shape.
                go = Some(dsl::replace(&dsl::crop(&gi, ul, (oh, ow)), sqc, dotc));
            }
            let rest = inds.difference_where((oh * ow) as usize, |id| in_rect(gloc(id), ul, lr));
            inds = rest.difference_locs(&outline_cells((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1)));
            memo.changed();
            succ += 1;
        }
        tr += 1;
    }
    let nnoise = unifint(rng, diff_lb, diff_ub, (0, 0.max(inds.len() as i64 / 2 - 1)));
    let order: Vec<Loc> = inds.iter().map(gloc).collect();
    let noise = rng.sample(&order, nnoise)?;
    let gi = filled_locs(gi, dotc, &noise);
    // Python's `go` is unbound when no square was placed.
    let go = go.ok_or_else(|| raised("local variable 'go' referenced before assignment"))?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_fcc82909(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (7, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let mut opts = dsl::interval(0, w, 1);
    let mut tr = 0;
    // Python never counts a success, so only the trials end the loop.
    let succ = 0;
    let maxtr = 4 * nobjs;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let sopts: Vec<i64> = opts
            .iter()
            .copied()
            .filter(|&j| opts.contains(&j) && opts.contains(&(j + 1)))
            .collect();
        if sopts.is_empty() {
            break;
        }
        let numc = unifint(rng, diff_lb, diff_ub, (1, 4));
        let jstart = rng.choice(&sopts)?;
        opts.retain(|&x| x != jstart && x != jstart + 1);
        let options = dsl::interval(0, h - 2 - numc + 1, 1);
        if options.is_empty() {
            break;
        }
        let iloc = rng.choice(&options)?;
        let ccols = rng.sample(&remcols, numc)?;
        let mut bd = dsl::backdrop(&pair_set((iloc, jstart), (iloc + 1, jstart + 1))).to_vec();
        rng.shuffle(&mut bd);
        let mut obj: Vec<dsl::Cell> = ccols.iter().copied().zip(bd.iter().copied()).collect();
        for &ij in bd.iter().skip(numc as usize) {
            obj.push((rng.choice(&ccols)?, ij));
        }
        // The 2x2 block's neighbourhood must be background: `issubset` of
        // `ofcolor(gi, bgc)` reads only membership, so the grid is read in
        // place (a location off the grid is in no `ofcolor`).
        let is_bg = |(i, j): Loc| {
            (0..h).contains(&i) && (0..w).contains(&j) && gi[i as usize][j as usize] == bgc
        };
        let clear = obj.iter().all(|&(_, (i, j))| {
            [(i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)]
                .into_iter()
                .all(is_bg)
        });
        if !clear {
            continue;
        }
        paint_cells_in(&mut gi, &obj);
        paint_cells_in(&mut go, &obj);
        for k in 0..numc {
            fill_locs_in(
                &mut go,
                3,
                &[(iloc + k + 2, jstart), (iloc + k + 2, jstart + 1)],
            );
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_feca6190(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let w = unifint(rng, diff_lb, diff_ub, (2, 6));
    let bgc = 0;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, w.min(5)));
    let ccols = rng.sample(&remcols, ncols)?;
    let locs = rng.sample(&dsl::interval(0, w, 1), ncols)?;
    let mut gi = dsl::canvas(bgc, (1, w));
    let n = w * ncols;
    let mut go = dsl::canvas(bgc, (n, n));
    for (&col, &j) in ccols.iter().zip(&locs) {
        fill_locs_in(&mut gi, col, &[(0, j)]);
        dsl::fill_in(&mut go, col, &dsl::shoot((n - 1, j), (-1, 1)));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ff28f65a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2]);
    let mpr = [(0, 0), (0, 2), (1, 1), (2, 0), (2, 2)];
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let nred = rng.randint(1, 5)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    // `inds` keeps CPython's table as a GridSet (its order feeds the
    // choice through the sfilter); each rectangle is read only for
    // membership, painting and subtraction, so it stays a list.
    let mut inds = GridSet::asindices((h, w));
    // The sfilter's tuple per shape, the same until `inds` changes.
    let mut fits: FitMemo<u16> = FitMemo::default();
    // Places up to `n` rectangles apart from one another, each filled with
    // `color(rng)`; returns how many were placed.
    let mut place = |rng: &mut GenRng,
                     gi: &mut Grid,
                     n: i64,
                     tr0: i64,
                     color: &dyn Fn(&mut GenRng) -> Result<i64>|
     -> Result<i64> {
        let (mut succ, mut tr) = (0, tr0);
        let maxtr = 5 * n;
        while tr < maxtr && succ < n {
            tr += 1;
            let oh = rng.randint(1, h / 2 + 1)?;
            let ow = rng.randint(1, w / 2 + 1)?;
            let cands = fits.fitting(&inds, (h, w), (oh, ow));
            if cands.is_empty() {
                continue;
            }
            let (loci, locj) = gloc(rng.choice(cands)?);
            let mut bd: Vec<Loc> = Vec::with_capacity((oh * ow) as usize);
            for i in loci..loci + oh {
                bd.extend((locj..locj + ow).map(|j| (i, j)));
            }
            if bd.iter().all(|&l| in_grid_set(&inds, l)) {
                succ += 1;
                inds = grid_minus_near(&inds, &bd, dsl::dneighbors);
                fits.changed();
                let col = color(rng)?;
                fill_locs_in(gi, col, &bd);
            }
        }
        Ok(succ)
    };
    let nblue = place(rng, &mut gi, nred, 0, &|_| Ok(2))?;
    let namt = unifint(rng, diff_lb, diff_ub, (0, nred * 2));
    let remcols = dsl::remove(&bgc, &cols);
    // The second loop starts one trial in (`tr += 1` before it).
    place(rng, &mut gi, namt, 1, &|rng| rng.choice(&remcols))?;
    let mut go = dsl::canvas(bgc, (3, 3));
    for &l in mpr.iter().take(nblue as usize) {
        fill_locs_in(&mut go, 1, &[l]);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_ff805c23(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 15));
    let w = h;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let remcols = rng.sample(&remcols, numcols)?;
    let gi = symmetric_mosaic(rng, diff_lb, diff_ub, bgc, &remcols, h)?;
    let locidev = unifint(rng, diff_lb, diff_ub, (1, 2 * h));
    let locjdev = unifint(rng, diff_lb, diff_ub, (1, w));
    let loci = 2 * h - locidev;
    let locj = w - locjdev;
    let loci2 = unifint(rng, diff_lb, diff_ub, (loci, 2 * h - 1));
    let locj2 = unifint(rng, diff_lb, diff_ub, (locj, w - 1));
    let bd = dsl::backdrop(&pair_set((loci, locj), (loci2, locj2)));
    let go = dsl::subgrid(&bd, &gi);
    let gi = dsl::filled(gi, 0, &bd);
    let (gi, go) = random_rotation(rng, &gi, &go)?;
    Ok(Example {
        input: gi,
        output: go,
    })
}
