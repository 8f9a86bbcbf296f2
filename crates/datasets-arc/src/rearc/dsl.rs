//! Functions of rearc's DSL (`reasoning_gym/arc/rearc_utils/dsl.py`), each
//! built from the same set operations as the Python one so that its result
//! iterates in CPython's order (the generators pick from `tuple(frozenset)`).
//! Each function names the Python it reproduces.
//!
//! The DSL's polymorphic arguments are traits: a `Patch` is `Indices` or an
//! `Object` ([`Patch`]), a `Container` a tuple (`Vec`) or a frozenset
//! ([`Container`]); a function that also takes a grid in Python has a
//! `_grid` twin (`mirror`s, `shape`, `palette`, `upscale`, ...), one that
//! also takes an object where the default is a grid an `_object` twin.
//! Where Python would raise (an empty patch's corners, `next` of an empty
//! container) these return a neutral value or `None`; the generators never
//! get there.

use pycompat::{AnySet, PyFrozenSet, PyHashable, PySet};

/// `Grid`: a tuple of rows of colors.
pub type Grid = Vec<Vec<i64>>;
/// An `(i, j)` grid location.
pub type Loc = (i64, i64);
/// `(color, (i, j))`.
pub type Cell = (i64, Loc);
/// `Indices`: a frozenset of locations.
pub type Indices = PyFrozenSet<Loc>;
/// `Object`: a frozenset of cells.
pub type Object = PyFrozenSet<Cell>;
/// `Objects`: a frozenset of objects.
pub type Objects = PyFrozenSet<Object>;

fn width(grid: &Grid) -> usize {
    // `len(grid[0])`; the DSL never sees an empty grid.
    grid.first().map_or(0, Vec::len)
}

/// `grid[i][j]` for a location known to be inside the grid.
fn at(grid: &Grid, (i, j): Loc) -> i64 {
    grid[i as usize][j as usize]
}

/// `asindices(grid)`: `frozenset((i, j) for i in range(h) for j in range(w))`.
pub fn asindices(grid: &Grid) -> Indices {
    asindices_shape((grid.len() as i64, width(grid) as i64))
}

/// `asindices` of any grid of `h` rows of `w`: the same insertions, so the
/// same table, for every grid of a shape (kept per thread, see [`memo`]).
pub fn asindices_shape((h, w): Loc) -> Indices {
    memo(Made::Shape((h, w)), || {
        (0..h).flat_map(|i| (0..w).map(move |j| (i, j))).collect()
    })
}

/// `ofcolor(grid, value)`: the locations holding `value`, row by row.
pub fn ofcolor(grid: &Grid, value: i64) -> Indices {
    grid.iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.iter()
                .enumerate()
                .filter(move |&(_, &v)| v == value)
                .map(move |(j, _)| (i as i64, j as i64))
        })
        .collect()
}

/// `max(set(values), key=values.count)` (`most`) or the `min`: the first
/// of equally common values in the set's order wins. `None` for no values,
/// where Python raises.
fn by_count(values: impl IntoIterator<Item = i64>, most: bool) -> Option<i64> {
    // Distinct values with their counts, in order of first appearance: adding
    // a value a set already holds leaves its table alone, so the set built
    // from these has the table `set(values)` has. One pass, not one per value.
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(c, _)| *c == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let set: PySet<i64> = counts.iter().map(|&(c, _)| c).collect();
    let mut best: Option<(usize, i64)> = None;
    for &c in set.iter() {
        let n = counts.iter().find(|(v, _)| *v == c).map_or(0, |&(_, n)| n);
        let better = match best {
            None => true,
            Some((m, _)) if most => n > m,
            Some((m, _)) => n < m,
        };
        if better {
            best = Some((n, c));
        }
    }
    best.map(|(_, c)| c)
}

fn grid_values(grid: &Grid) -> impl Iterator<Item = i64> + '_ {
    grid.iter().flatten().copied()
}

fn object_values(obj: &Object) -> impl Iterator<Item = i64> + '_ {
    obj.iter().map(|&(v, _)| v)
}

/// `mostcolor(grid)` (0 for an empty grid, where Python raises).
pub fn mostcolor(grid: &Grid) -> i64 {
    // A grid of colours 0 to 9 with one colour strictly most common: the
    // count alone decides. A tie is broken by the set's order (`by_count`).
    let mut counts = [0usize; 10];
    for &v in grid.iter().flatten() {
        match usize::try_from(v) {
            Ok(k) if k < 10 => counts[k] += 1,
            _ => return by_count(grid_values(grid), true).unwrap_or(0),
        }
    }
    let most = counts.iter().copied().max().unwrap_or(0);
    if most > 0 && counts.iter().filter(|&&n| n == most).count() == 1 {
        if let Some(k) = counts.iter().position(|&n| n == most) {
            return k as i64;
        }
    }
    by_count(grid_values(grid), true).unwrap_or(0)
}

/// `mostcolor(obj)`.
pub fn mostcolor_object(obj: &Object) -> i64 {
    by_count(object_values(obj), true).unwrap_or(0)
}

/// `leastcolor(grid)`.
pub fn leastcolor(grid: &Grid) -> i64 {
    by_count(grid_values(grid), false).unwrap_or(0)
}

/// `leastcolor(obj)`.
pub fn leastcolor_object(obj: &Object) -> i64 {
    by_count(object_values(obj), false).unwrap_or(0)
}

/// `colorcount(grid, value)`.
pub fn colorcount(grid: &Grid, value: i64) -> usize {
    grid.iter().flatten().filter(|&&v| v == value).count()
}

/// `colorcount(obj, value)`.
pub fn colorcount_object(obj: &Object, value: i64) -> usize {
    obj.iter().filter(|c| c.0 == value).count()
}

/// `dneighbors(loc)`: `frozenset({up, down, left, right})`, a set display
/// copied into a frozenset.
pub fn dneighbors(loc: Loc) -> Indices {
    // Four elements in 8 slots, no dummies: `frozenset` would copy the
    // table slot for slot.
    memo(Made::Neighbourhood(0, loc), || {
        dneighbors_set(loc).into_frozen_table()
    })
}

/// The frozensets the DSL makes over and over whose tables depend on a few
/// coordinates alone: the neighbourhoods of a location, a box outline, a
/// line, a filled rectangle, every location of a grid shape.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Made {
    /// `dneighbors`, `ineighbors`, `neighbors` of a location.
    Neighbourhood(u8, Loc),
    /// `outline` between two corners (`box`, `inbox`, `outbox`).
    Outline(Loc, Loc),
    /// `connect(a, b)`.
    Connect(Loc, Loc),
    /// `backdrop` of a patch with these corners.
    Backdrop(Loc, Loc),
    /// `asindices` of a grid of this shape.
    Shape(Loc),
}

/// The frozenset `make()` builds for `key`, from a per-thread cache: a fresh
/// object each call (Python's calls make distinct objects, and `a | a`
/// differs from `a | b` for equal `a`, `b`) sharing the table and hash the
/// first build made. Building one again would cost more than a lookup: an
/// outline is four sets and three unions, a 30 by 30 `asindices` 900
/// insertions and four resizes.
fn memo(key: Made, make: impl FnOnce() -> Indices) -> Indices {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::hash::BuildHasherDefault;
    /// Slots kept per thread: 2^18 of 32 bytes, 8 MB. When a new set would
    /// pass it the cache starts over, so a long run keeps the sets its
    /// generators meet now rather than the first ones it met.
    const SLOT_BUDGET: usize = 1 << 18;
    #[derive(Default)]
    struct Cache {
        sets: HashMap<Made, Indices, BuildHasherDefault<KeyHasher>>,
        slots: usize,
    }
    thread_local! {
        static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(s) = c.sets.get(&key) {
            return s.duplicate();
        }
        // Shared: the copies handed out share the table, which never changes.
        let s = make().into_shared();
        // Hashed once, here, so that every copy carries the hash.
        s.py_hash();
        let slots = s.table_size();
        if c.slots + slots > SLOT_BUDGET {
            c.sets.clear();
            c.slots = 0;
        }
        c.slots += slots;
        c.sets.insert(key, s.duplicate());
        s
    })
}

/// A multiplicative hasher for [`Made`] keys (a few small integers): the
/// std SipHash cost more than the lookup it serves.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_isize(&mut self, n: isize) {
        self.write_u64(n as u64);
    }
}

/// The set display behind `dneighbors`. Freezing its four elements copies
/// the 8-slot table slot for slot, so the set iterates as the frozenset
/// would; `objects` uses it directly and skips the frozenset's allocation.
fn dneighbors_set((i, j): Loc) -> PySet<Loc> {
    [(i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)]
        .into_iter()
        .collect()
}

/// `ineighbors(loc)`: the four diagonal neighbours, built like `dneighbors`.
pub fn ineighbors(loc: Loc) -> Indices {
    // As in `dneighbors`.
    memo(Made::Neighbourhood(1, loc), || {
        ineighbors_set(loc).into_frozen_table()
    })
}

/// The set display behind `ineighbors` (see `dneighbors_set`).
fn ineighbors_set((i, j): Loc) -> PySet<Loc> {
    [
        (i - 1, j - 1),
        (i - 1, j + 1),
        (i + 1, j - 1),
        (i + 1, j + 1),
    ]
    .into_iter()
    .collect()
}

/// `neighbors(loc)`: `dneighbors(loc) | ineighbors(loc)`.
pub fn neighbors(loc: Loc) -> Indices {
    // The frozenset union's steps (copy the left table, which for
    // `dneighbors` is its set display's, then merge the right one) on sets,
    // without the intermediate frozensets.
    memo(Made::Neighbourhood(2, loc), || {
        neighbors_set(loc).into_frozen_table()
    })
}

/// `neighbors` as a set, for iterating: the operands' tables equal the
/// frozensets' (see `dneighbors_set`), and `|` copies the left table and
/// merges the right one whatever the types, so the union's table is the same.
fn neighbors_set(loc: Loc) -> PySet<Loc> {
    let mut s = dneighbors_set(loc);
    s.update(&ineighbors_set(loc));
    s
}

/// `objects(grid, univalued, diagonal, without_bg)`: the connected objects,
/// found by the same flood fill with the same sets as the Python.
///
/// Three things the Python rebuilds on every call are exact without their
/// sets: `occupied` is only tested for membership, counted (`len` picks
/// `set_difference`'s walk) and subtracted, so it is a bitmap; `asindices`
/// iterates in an order that depends only on the grid's shape, and each
/// cell's in-bounds neighbourhood set only on the shape and the cell, so
/// both come from a per-shape cache ([`FloodTables`]).
pub fn objects(grid: &Grid, univalued: bool, diagonal: bool, without_bg: bool) -> Objects {
    // `bg = mostcolor(grid) if without_bg else None`; `v != None` is always true.
    let bg = without_bg.then(|| mostcolor(grid));
    let mut objs: PySet<Object> = PySet::new();
    let (h, w) = (grid.len() as i64, width(grid) as i64);
    let mut tables = FloodTables::take(h, w, diagonal);
    let slot = |(i, j): Loc| (i * w + j) as usize;
    let mut occupied = vec![false; (h * w) as usize];
    let mut occupied_len = 0usize;
    for k in 0..tables.order.len() {
        let loc = tables.order[k];
        if occupied[slot(loc)] {
            continue;
        }
        let val = at(grid, loc);
        if Some(val) == bg {
            continue;
        }
        // obj = {(val, loc)}; cands = {loc}
        let mut obj: PySet<Cell> = std::iter::once((val, loc)).collect();
        let mut cands: PySet<Loc> = std::iter::once(loc).collect();
        while !cands.is_empty() {
            let mut neighborhood: PySet<Loc> = PySet::new();
            for &cand in cands.iter() {
                let v = at(grid, cand);
                let joins = if univalued { val == v } else { Some(v) != bg };
                if joins {
                    obj.add((v, cand));
                    // `occupied.add(cand)`
                    if !occupied[slot(cand)] {
                        occupied[slot(cand)] = true;
                        occupied_len += 1;
                    }
                    // neighborhood |= {(i, j) for i, j in diagfun(cand) if in bounds}
                    neighborhood.update(tables.near(cand));
                }
            }
            // `neighborhood - occupied`: in-bounds locations only.
            cands = neighborhood.difference_where(occupied_len, |&l| occupied[slot(l)]);
        }
        objs.add(obj.freeze());
    }
    tables.give_back();
    objs.freeze()
}

/// `objects(grid, univalued, diagonal, without_bg)` for callers that never
/// read an object's own iteration order (only its cells, size, bounds or
/// color, or paints of it, which has one cell per location): the same
/// frozenset of objects in the same order, each object holding the same
/// cells, but built from its cells in row-major order, not by `objects`'
/// flood fill of sets.
///
/// The outer set's table depends only on the objects' hashes and the order
/// they are added in. A frozenset's hash is a function of its elements
/// alone, and objects are added in the order `asindices` meets their first
/// cell, which a plain flood fill finds too.
pub fn objects_unordered(
    grid: &Grid,
    univalued: bool,
    diagonal: bool,
    without_bg: bool,
) -> Objects {
    let bg = without_bg.then(|| mostcolor(grid));
    let (h, w) = (grid.len() as i64, width(grid) as i64);
    let tables = FloodTables::take(h, w, diagonal);
    let slot = |(i, j): Loc| (i * w + j) as usize;
    let mut occupied = vec![false; (h * w) as usize];
    let mut objs: PySet<Object> = PySet::new();
    let mut stack: Vec<Loc> = Vec::new();
    let mut cells: Vec<Loc> = Vec::new();
    for &loc in tables.order.iter() {
        if occupied[slot(loc)] {
            continue;
        }
        let val = at(grid, loc);
        if Some(val) == bg {
            continue;
        }
        occupied[slot(loc)] = true;
        stack.push(loc);
        cells.clear();
        while let Some((i, j)) = stack.pop() {
            cells.push((i, j));
            for di in -1..=1i64 {
                for dj in -1..=1i64 {
                    if (di, dj) == (0, 0) || (!diagonal && di != 0 && dj != 0) {
                        continue;
                    }
                    let n = (i + di, j + dj);
                    if !(0 <= n.0 && n.0 < h && 0 <= n.1 && n.1 < w) || occupied[slot(n)] {
                        continue;
                    }
                    let v = at(grid, n);
                    let joins = if univalued { val == v } else { Some(v) != bg };
                    if joins {
                        occupied[slot(n)] = true;
                        stack.push(n);
                    }
                }
            }
        }
        cells.sort_unstable();
        objs.add(cells.iter().map(|&l| (at(grid, l), l)).collect());
    }
    tables.give_back();
    objs.freeze()
}

/// What `objects` needs of a grid's shape alone: `asindices`' iteration
/// order and, for each cell (row-major), the set
/// `{(i, j) for i, j in diagfun(cell) if 0 <= i < h and 0 <= j < w}`.
/// Both are functions of `(h, w, diagonal)`, so they are built once per
/// shape (the last few shapes are kept, per thread).
struct FloodTables {
    key: (i64, i64, bool),
    order: std::rc::Rc<[Loc]>,
    /// Built on first use: `objects` without its background touches few cells.
    near: Vec<Option<PySet<Loc>>>,
}

/// `asindices`' iteration order for an `h` by `w` grid (both kinds of
/// `objects` tables and the generators' grid walks share it), from a
/// per-thread cache: every shape up to 32 by 32 is kept once built (at most
/// 4.5 MB a thread: generators draw grids of 1 to 30 rows and columns, and
/// a cache of the last 16 shapes kept missing), larger ones among the last
/// 16.
pub(crate) fn asindices_order(h: i64, w: i64) -> std::rc::Rc<[Loc]> {
    use std::cell::RefCell;
    use std::rc::Rc;
    const SIDE: usize = 33;
    type Order = Rc<[Loc]>;
    #[derive(Default)]
    struct Orders {
        small: Vec<Option<Order>>,
        large: Vec<((i64, i64), Order)>,
    }
    thread_local! {
        static ORDERS: RefCell<Orders> = RefCell::default();
    }
    let build = || asindices_table_order(h.max(0) as usize, w.max(0) as usize);
    ORDERS.with(|c| {
        let mut c = c.borrow_mut();
        if let (Ok(hu @ 0..SIDE), Ok(wu @ 0..SIDE)) = (usize::try_from(h), usize::try_from(w)) {
            if c.small.is_empty() {
                c.small.resize(SIDE * SIDE, None);
            }
            return Rc::clone(c.small[hu * SIDE + wu].get_or_insert_with(build));
        }
        if let Some((_, o)) = c.large.iter().find(|(k, _)| *k == (h, w)) {
            return Rc::clone(o);
        }
        let o = build();
        if c.large.len() >= 16 {
            c.large.remove(0);
        }
        c.large.push(((h, w), Rc::clone(&o)));
        o
    })
}

/// The order of `asindices`' table for an `h` by `w` grid: the locations
/// added row by row to a new set. They are distinct and nothing is
/// discarded, so every add is `set_insert_clean`'s (the first empty slot on
/// the probe path) and a resize re-inserts in table order; done on location
/// numbers `i * w + j` with looked-up hashes rather than on a `PySet`.
fn asindices_table_order(h: usize, w: usize) -> std::rc::Rc<[Loc]> {
    const EMPTY: u32 = u32::MAX;
    // `hash((i, j))` for 0 <= i, j < 48, computed once.
    const SIDE: usize = 48;
    static LOC_HASHES: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    let known = LOC_HASHES.get_or_init(|| {
        (0..SIDE * SIDE)
            .map(|k| ((k / SIDE) as i64, (k % SIDE) as i64).py_hash() as u64)
            .collect()
    });
    let hashes: Vec<u64> = (0..h * w)
        .map(|k| {
            let (i, j) = (k / w, k % w);
            if i < SIDE && j < SIDE {
                known[i * SIDE + j]
            } else {
                (i as i64, j as i64).py_hash() as u64
            }
        })
        .collect();
    let insert = |slots: &mut [u32], mask: usize, id: u32| {
        let mut perturb = hashes[id as usize] as usize;
        let mut i = perturb & mask;
        loop {
            let probes = if i + 9 <= mask { 9 } else { 0 };
            if let Some(s) = slots[i..=i + probes].iter_mut().find(|s| **s == EMPTY) {
                *s = id;
                return;
            }
            perturb >>= 5;
            i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
        }
    };
    let mut slots = vec![EMPTY; 8];
    let mut mask = 7usize;
    for (used, id) in (1..).zip(0..(h * w) as u32) {
        insert(&mut slots, mask, id);
        // `set_add_entry`'s resize at 60% full, to `set_table_resize`'s
        // size for four times the elements (twice past 50,000).
        if used * 5 >= mask * 3 {
            let target = if used > 50_000 { used * 2 } else { used * 4 };
            let mut size = 8;
            while size <= target {
                size <<= 1;
            }
            let old = std::mem::replace(&mut slots, vec![EMPTY; size]);
            mask = size - 1;
            for id in old.into_iter().filter(|&s| s != EMPTY) {
                insert(&mut slots, mask, id);
            }
        }
    }
    slots
        .iter()
        .filter(|&&s| s != EMPTY)
        .map(|&s| ((s as usize / w) as i64, (s as usize % w) as i64))
        .collect()
}

thread_local! {
    /// The last few shapes' tables, most recently used last.
    static FLOOD_TABLES: std::cell::RefCell<Vec<FloodTables>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

impl FloodTables {
    /// The shape's tables, out of the cache (or new) until [`Self::give_back`].
    fn take(h: i64, w: i64, diagonal: bool) -> FloodTables {
        let key = (h, w, diagonal);
        let cached = FLOOD_TABLES.with(|c| {
            let mut c = c.borrow_mut();
            let at = c.iter().position(|t| t.key == key)?;
            Some(c.remove(at))
        });
        cached.unwrap_or_else(|| FloodTables {
            key,
            order: asindices_order(h, w),
            near: vec![None; (h * w).max(0) as usize],
        })
    }

    fn give_back(self) {
        FLOOD_TABLES.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= 8 {
                c.remove(0);
            }
            c.push(self);
        });
    }

    /// `{(i, j) for i, j in diagfun(cand) if 0 <= i < h and 0 <= j < w}`.
    fn near(&mut self, cand: Loc) -> &PySet<Loc> {
        let (h, w, diagonal) = self.key;
        self.near[(cand.0 * w + cand.1) as usize].get_or_insert_with(|| {
            // The sets, not the frozensets: only iterated, in the same order.
            let diagfun = if diagonal {
                neighbors_set
            } else {
                dneighbors_set
            };
            diagfun(cand)
                .iter()
                .copied()
                .filter(|&(i, j)| 0 <= i && i < h && 0 <= j && j < w)
                .collect()
        })
    }
}

/// What the DSL calls a `Patch`: `Indices` or an `Object`.
pub trait Patch: Sized {
    /// `toindices(patch)`: indices as they are (the same object), an
    /// object's locations as `frozenset(index for value, index in patch)`.
    fn toindices(&self) -> Indices;
    /// `len(patch)`.
    fn size(&self) -> usize;
    /// The patch's locations, an object's with repeats: for uses that
    /// neither keep nor depend on the order or multiplicity of
    /// `toindices(patch)` (min, max, fill), which need not build that set.
    fn locs(&self) -> impl Iterator<Item = Loc> + '_;
    /// `shift(patch, (di, dj))` (an empty patch is returned as is).
    fn shift(&self, d: Loc) -> Self;
    /// The patch with every location moved by `f`, built by a generator
    /// over the patch (as the mirrors and `shift` build theirs).
    fn map_locs(&self, f: impl Fn(Loc) -> Loc) -> Self;
}

impl Patch for Indices {
    fn toindices(&self) -> Indices {
        self.clone()
    }
    fn size(&self) -> usize {
        self.len()
    }
    fn locs(&self) -> impl Iterator<Item = Loc> + '_ {
        self.iter().copied()
    }
    fn shift(&self, (di, dj): Loc) -> Self {
        if self.is_empty() {
            return self.clone();
        }
        self.iter().map(|&(i, j)| (i + di, j + dj)).collect()
    }
    fn map_locs(&self, f: impl Fn(Loc) -> Loc) -> Self {
        self.iter().map(|&loc| f(loc)).collect()
    }
}

impl Patch for Object {
    fn toindices(&self) -> Indices {
        // `if len(patch) == 0: return frozenset()` gives the same empty set.
        self.iter().map(|&(_, loc)| loc).collect()
    }
    fn size(&self) -> usize {
        self.len()
    }
    fn locs(&self) -> impl Iterator<Item = Loc> + '_ {
        self.iter().map(|&(_, loc)| loc)
    }
    fn shift(&self, (di, dj): Loc) -> Self {
        if self.is_empty() {
            return self.clone();
        }
        self.iter()
            .map(|&(v, (i, j))| (v, (i + di, j + dj)))
            .collect()
    }
    fn map_locs(&self, f: impl Fn(Loc) -> Loc) -> Self {
        self.iter().map(|&(v, loc)| (v, f(loc))).collect()
    }
}

/// `toindices(patch)`.
pub fn toindices(patch: &impl Patch) -> Indices {
    patch.toindices()
}

/// `shift(patch, directions)`.
pub fn shift<P: Patch>(patch: &P, directions: Loc) -> P {
    patch.shift(directions)
}

/// `recolor(value, patch)`: `frozenset((value, index) for index in toindices(patch))`.
pub fn recolor(value: i64, patch: &impl Patch) -> Object {
    patch.toindices().iter().map(|&loc| (value, loc)).collect()
}

/// min or max of one coordinate over `toindices(patch)`; `None` for an empty
/// patch, where Python's `min`/`max` raise (the generators never ask).
fn extreme(patch: &impl Patch, coord: fn(&Loc) -> i64, max: bool) -> Option<i64> {
    let it = patch.locs().map(|l| coord(&l));
    if max {
        it.max()
    } else {
        it.min()
    }
}

/// `uppermost(patch)` (0 for an empty patch, where Python raises).
pub fn uppermost(patch: &impl Patch) -> i64 {
    extreme(patch, |l| l.0, false).unwrap_or(0)
}

/// `leftmost(patch)`.
pub fn leftmost(patch: &impl Patch) -> i64 {
    extreme(patch, |l| l.1, false).unwrap_or(0)
}

/// `lowermost(patch)`.
pub fn lowermost(patch: &impl Patch) -> i64 {
    extreme(patch, |l| l.0, true).unwrap_or(0)
}

/// `rightmost(patch)`.
pub fn rightmost(patch: &impl Patch) -> i64 {
    extreme(patch, |l| l.1, true).unwrap_or(0)
}

/// `ulcorner(patch)`.
pub fn ulcorner(patch: &impl Patch) -> Loc {
    (uppermost(patch), leftmost(patch))
}

/// `urcorner(patch)`.
pub fn urcorner(patch: &impl Patch) -> Loc {
    (uppermost(patch), rightmost(patch))
}

/// `llcorner(patch)`.
pub fn llcorner(patch: &impl Patch) -> Loc {
    (lowermost(patch), leftmost(patch))
}

/// `lrcorner(patch)`.
pub fn lrcorner(patch: &impl Patch) -> Loc {
    (lowermost(patch), rightmost(patch))
}

/// `normalize(patch)`: shifted so its upper left corner is the origin.
pub fn normalize<P: Patch>(patch: &P) -> P {
    if patch.size() == 0 {
        return patch.shift((0, 0));
    }
    patch.shift((-uppermost(patch), -leftmost(patch)))
}

/// `canvas(value, (h, w))`.
pub fn canvas(value: i64, (h, w): Loc) -> Grid {
    let (h, w) = (h.max(0) as usize, w.max(0) as usize);
    vec![vec![value; w]; h]
}

/// Whether `(i, j)` lies inside a `h` by `w` grid.
fn inside((i, j): Loc, h: usize, w: usize) -> bool {
    0 <= i && (i as usize) < h && 0 <= j && (j as usize) < w
}

/// `fill(grid, value, patch)`.
pub fn fill(grid: &Grid, value: i64, patch: &impl Patch) -> Grid {
    let mut out = grid.clone();
    fill_in(&mut out, value, patch);
    out
}

/// `fill(grid, value, patch)` of a grid no longer needed otherwise (`let
/// grid = fill(grid, ...)` shadowing it): written in place, as [`fill_in`].
pub fn filled(mut grid: Grid, value: i64, patch: &impl Patch) -> Grid {
    fill_in(&mut grid, value, patch);
    grid
}

/// `grid = fill(grid, value, patch)` without the copy: Python rebinds the
/// name to a new grid, and with no other name for the old one (Rust's
/// borrows see to that) writing into it is the same.
pub fn fill_in(grid: &mut Grid, value: i64, patch: &impl Patch) {
    let (h, w) = (grid.len(), width(grid));
    // One value everywhere: the order and repeats of the locations do not matter.
    for loc in patch.locs() {
        if inside(loc, h, w) {
            grid[loc.0 as usize][loc.1 as usize] = value;
        }
    }
}

/// `paint(grid, obj)`: cells in the object's order, so of two cells at one
/// location the later one wins, as in Python.
pub fn paint(grid: &Grid, obj: &Object) -> Grid {
    let mut out = grid.clone();
    paint_in(&mut out, obj);
    out
}

/// `paint(grid, obj)` of a grid no longer needed otherwise (see [`filled`]).
pub fn painted(mut grid: Grid, obj: &Object) -> Grid {
    paint_in(&mut grid, obj);
    grid
}

/// `grid = paint(grid, obj)` without the copy (see [`fill_in`]).
pub fn paint_in(grid: &mut Grid, obj: &Object) {
    let (h, w) = (grid.len(), width(grid));
    for &(v, loc) in obj.iter() {
        if inside(loc, h, w) {
            grid[loc.0 as usize][loc.1 as usize] = v;
        }
    }
}

/// `underfill(grid, value, patch)`: fill only where the grid shows `mostcolor`.
pub fn underfill(grid: &Grid, value: i64, patch: &impl Patch) -> Grid {
    let (h, w) = (grid.len(), width(grid));
    let bg = mostcolor(grid);
    let mut out = grid.clone();
    // A cell ends up `value` iff it showed `bg`, whatever the order or repeats.
    for loc in patch.locs() {
        if inside(loc, h, w) && out[loc.0 as usize][loc.1 as usize] == bg {
            out[loc.0 as usize][loc.1 as usize] = value;
        }
    }
    out
}

/// `cover(grid, patch)`: `fill(grid, mostcolor(grid), toindices(patch))`.
pub fn cover(grid: &Grid, patch: &impl Patch) -> Grid {
    // `fill` reads only the locations, the same with or without `toindices`.
    fill(grid, mostcolor(grid), patch)
}

/// `toobject(patch, grid)`: the grid's colors at the patch's in-grid locations.
pub fn toobject(patch: &impl Patch, grid: &Grid) -> Object {
    let (h, w) = (grid.len(), width(grid));
    patch
        .toindices()
        .iter()
        .filter(|&&loc| inside(loc, h, w))
        .map(|&loc| (at(grid, loc), loc))
        .collect()
}

/// `asobject(grid)`: every cell, row by row.
pub fn asobject(grid: &Grid) -> Object {
    grid.iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.iter()
                .enumerate()
                .map(move |(j, &v)| (v, (i as i64, j as i64)))
        })
        .collect()
}

/// `palette(grid)`: `frozenset({v for r in grid for v in r})`.
pub fn palette_grid(grid: &Grid) -> PyFrozenSet<i64> {
    let s: PySet<i64> = distinct(grid_values(grid)).into_iter().collect();
    s.freeze()
}

/// The distinct values in order of first appearance. A set built from them
/// has the table a set built from all of them has (adding a value already
/// there leaves the table alone), for a few comparisons instead of a hash
/// and probe per value.
pub(crate) fn distinct(values: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let mut seen: Vec<i64> = Vec::new();
    for v in values {
        if !seen.contains(&v) {
            seen.push(v);
        }
    }
    seen
}

/// `palette(obj)`: `frozenset({v for v, _ in obj})`.
pub fn palette_object(obj: &Object) -> PyFrozenSet<i64> {
    let s: PySet<i64> = distinct(object_values(obj)).into_iter().collect();
    s.freeze()
}

/// `connect(a, b)`: the horizontal, vertical or diagonal line from `a` to
/// `b`, empty if there is none.
pub fn connect(a: Loc, b: Loc) -> Indices {
    memo(Made::Connect(a, b), || connect_new(a, b))
}

fn connect_new((ai, aj): Loc, (bi, bj): Loc) -> Indices {
    let (si, ei) = (ai.min(bi), ai.max(bi) + 1);
    let (sj, ej) = (aj.min(bj), aj.max(bj) + 1);
    if ai == bi {
        (sj..ej).map(|j| (ai, j)).collect()
    } else if aj == bj {
        (si..ei).map(|i| (i, aj)).collect()
    } else if bi - ai == bj - aj {
        (si..ei).zip(sj..ej).collect()
    } else if bi - ai == aj - bj {
        (si..ei).zip((sj..ej).rev()).collect()
    } else {
        PyFrozenSet::new()
    }
}

/// `backdrop(patch)`: every location of the bounding box, row by row.
pub fn backdrop(patch: &impl Patch) -> Indices {
    if patch.size() == 0 {
        return PyFrozenSet::new();
    }
    let (si, sj) = ulcorner(patch);
    let (ei, ej) = lrcorner(patch);
    memo(Made::Backdrop((si, sj), (ei, ej)), || {
        (si..=ei)
            .flat_map(|i| (sj..=ej).map(move |j| (i, j)))
            .collect()
    })
}

/// The outline `box`, `inbox` and `outbox` draw between two corners:
/// `frozenset(vlines | hlines)` of set comprehensions.
fn outline((ai, aj): Loc, (bi, bj): Loc) -> Indices {
    let (si, sj) = (ai.min(bi), aj.min(bj));
    let (ei, ej) = (ai.max(bi), aj.max(bj));
    memo(Made::Outline((si, sj), (ei, ej)), || {
        outline_new((si, sj), (ei, ej))
    })
}

fn outline_new((si, sj): Loc, (ei, ej): Loc) -> Indices {
    let col = |j: i64| (si..=ei).map(move |i| (i, j)).collect::<PySet<Loc>>();
    let row = |i: i64| (sj..=ej).map(move |j| (i, j)).collect::<PySet<Loc>>();
    let vlines = &col(sj) | &col(ej);
    let hlines = &row(si) | &row(ei);
    (&vlines | &hlines).freeze()
}

/// `box(patch)`: the outline of the bounding box. (For an empty patch
/// Python returns the patch itself; here an empty `Indices`.)
pub fn r#box(patch: &impl Patch) -> Indices {
    if patch.size() == 0 {
        return PyFrozenSet::new();
    }
    outline(ulcorner(patch), lrcorner(patch))
}

/// `inbox(patch)`: the outline one cell inside the bounding box.
pub fn inbox(patch: &impl Patch) -> Indices {
    outline(
        (uppermost(patch) + 1, leftmost(patch) + 1),
        (lowermost(patch) - 1, rightmost(patch) - 1),
    )
}

/// `outbox(patch)`: the outline one cell outside the bounding box.
pub fn outbox(patch: &impl Patch) -> Indices {
    outline(
        (uppermost(patch) - 1, leftmost(patch) - 1),
        (lowermost(patch) + 1, rightmost(patch) + 1),
    )
}

/// `corners(patch)`: `frozenset({ul, ur, ll, lr})`.
pub fn corners(patch: &impl Patch) -> Indices {
    let s: PySet<Loc> = [
        ulcorner(patch),
        urcorner(patch),
        llcorner(patch),
        lrcorner(patch),
    ]
    .into_iter()
    .collect();
    s.freeze()
}

/// `dmirror(patch)`: mirrored along the diagonal through its upper left
/// corner. (Python raises for an empty patch; here it comes back as is.)
pub fn dmirror<P: Patch>(patch: &P) -> P {
    if patch.size() == 0 {
        return patch.shift((0, 0));
    }
    let (a, b) = ulcorner(patch);
    patch.map_locs(|(i, j)| (j - b + a, i - a + b))
}

/// `vmirror(patch)`: mirrored left to right within its bounding box.
pub fn vmirror<P: Patch>(patch: &P) -> P {
    if patch.size() == 0 {
        return patch.shift((0, 0));
    }
    let d = leftmost(patch) + rightmost(patch);
    patch.map_locs(|(i, j)| (i, d - j))
}

/// `hmirror(patch)`: mirrored top to bottom within its bounding box.
pub fn hmirror<P: Patch>(patch: &P) -> P {
    if patch.size() == 0 {
        return patch.shift((0, 0));
    }
    let d = uppermost(patch) + lowermost(patch);
    patch.map_locs(|(i, j)| (d - i, j))
}

/// `cmirror(patch)`: `vmirror(dmirror(vmirror(patch)))`.
pub fn cmirror<P: Patch>(patch: &P) -> P {
    vmirror(&dmirror(&vmirror(patch)))
}

/// `dmirror(grid)`: `tuple(zip(*grid))`, the transpose.
pub fn dmirror_grid(grid: &Grid) -> Grid {
    (0..width(grid))
        .map(|j| grid.iter().map(|r| r[j]).collect())
        .collect()
}

/// `vmirror(grid)`: every row reversed.
pub fn vmirror_grid(grid: &Grid) -> Grid {
    grid.iter()
        .map(|r| r.iter().rev().copied().collect())
        .collect()
}

/// `hmirror(grid)`: the rows in reverse order.
pub fn hmirror_grid(grid: &Grid) -> Grid {
    grid.iter().rev().cloned().collect()
}

/// `cmirror(grid)`: `tuple(zip(*(r[::-1] for r in grid[::-1])))`: row `a`
/// is each row's `a`-th cell from its end, rows read bottom to top. Built
/// directly rather than as three grids.
pub fn cmirror_grid(grid: &Grid) -> Grid {
    let w = grid.last().map_or(0, Vec::len);
    (0..w)
        .map(|a| grid.iter().rev().map(|r| r[r.len() - 1 - a]).collect())
        .collect()
}

/// `height(patch)` (0 for an empty patch).
pub fn height(patch: &impl Patch) -> i64 {
    if patch.size() == 0 {
        return 0;
    }
    lowermost(patch) - uppermost(patch) + 1
}

/// `width(patch)` (0 for an empty patch).
pub fn width_of(patch: &impl Patch) -> i64 {
    if patch.size() == 0 {
        return 0;
    }
    rightmost(patch) - leftmost(patch) + 1
}

/// `shape(patch)`: `(height, width)`.
pub fn shape(patch: &impl Patch) -> Loc {
    (height(patch), width_of(patch))
}

/// `shape(grid)`: `(len(grid), len(grid[0]))` (0 wide when empty).
pub fn shape_grid(grid: &Grid) -> Loc {
    if grid.is_empty() {
        return (0, 0);
    }
    (grid.len() as i64, width(grid) as i64)
}

/// `hfrontier(loc)`: `frozenset((loc[0], j) for j in range(30))`.
pub fn hfrontier((i, _): Loc) -> Indices {
    (0..30).map(|j| (i, j)).collect()
}

/// `vfrontier(loc)`: `frozenset((i, loc[1]) for i in range(30))`.
pub fn vfrontier((_, j): Loc) -> Indices {
    (0..30).map(|i| (i, j)).collect()
}

/// `shoot(start, direction)`: `connect(start, start + 42 * direction)`.
pub fn shoot(start: Loc, (di, dj): Loc) -> Indices {
    connect(start, (start.0 + 42 * di, start.1 + 42 * dj))
}

/// What the DSL calls a `Container`: a tuple (`Vec`) or a frozenset, rebuilt
/// by `type(container)(generator)`.
pub trait Container<T: PyHashable + 'static>: FromIterator<T> {
    /// `iter(container)`.
    fn elems(&self) -> impl Iterator<Item = &T>;

    /// `type(container)(e for e in container if keep(e))`.
    fn filtered(&self, keep: impl Fn(&T) -> bool) -> Self
    where
        Self: Sized,
    {
        self.elems().filter(|e| keep(e)).cloned().collect()
    }
}

impl<T: PyHashable + 'static> Container<T> for Vec<T> {
    fn elems(&self) -> impl Iterator<Item = &T> {
        self.iter()
    }

    /// Sized for all of `self` up front: a filter's size hint is 0, and
    /// growing from there costs more reallocations than the spare room.
    fn filtered(&self, keep: impl Fn(&T) -> bool) -> Self {
        let mut out = Vec::with_capacity(self.len());
        out.extend(self.iter().filter(|e| keep(e)).cloned());
        out
    }
}

impl<T: PyHashable + 'static> Container<T> for PyFrozenSet<T> {
    fn elems(&self) -> impl Iterator<Item = &T> {
        self.iter()
    }

    /// The same table, built with the hashes the container holds.
    fn filtered(&self, keep: impl Fn(&T) -> bool) -> Self {
        self.filter(keep)
    }
}

/// `remove(value, container)`: `type(container)(e for e in container if e != value)`.
pub fn remove<T: PyHashable + 'static, C: Container<T>>(value: &T, container: &C) -> C {
    container.filtered(|e| e != value)
}

/// `sfilter(container, condition)`.
pub fn sfilter<T: PyHashable + 'static, C: Container<T>>(
    container: &C,
    condition: impl Fn(&T) -> bool,
) -> C {
    container.filtered(condition)
}

/// `first(container)`: `next(iter(container))`; `None` where Python raises.
pub fn first<T: PyHashable + 'static, C: Container<T>>(container: &C) -> Option<T> {
    container.elems().next().cloned()
}

/// `last(container)`: `max(enumerate(container))[1]`, the last in iteration order.
pub fn last<T: PyHashable + 'static, C: Container<T>>(container: &C) -> Option<T> {
    container.elems().last().cloned()
}

/// `other(container, value)`: `first(remove(value, container))`.
pub fn other<T: PyHashable + 'static, C: Container<T>>(container: &C, value: &T) -> Option<T> {
    first(&remove(value, container))
}

/// `totuple(container)`: `tuple(container)`.
pub fn totuple<T: PyHashable + 'static>(container: &PyFrozenSet<T>) -> Vec<T> {
    container.to_vec()
}

/// `apply(function, fs)`: `frozenset(function(e) for e in fs)` (equal results
/// collapse to the first).
pub fn apply<T: PyHashable, U: PyHashable>(
    function: impl Fn(&T) -> U,
    container: &PyFrozenSet<T>,
) -> PyFrozenSet<U> {
    container.iter().map(function).collect()
}

/// `merge(fs_of_containers)`: `frozenset(e for c in containers for e in c)`.
pub fn merge<T: PyHashable>(containers: &PyFrozenSet<PyFrozenSet<T>>) -> PyFrozenSet<T> {
    containers.iter().flat_map(|c| c.iter().cloned()).collect()
}

/// `mapply(function, fs)`: `merge(apply(function, fs))`; the intermediate
/// frozenset of results is built (and deduplicated) as in Python, since its
/// order is the order of the merge.
pub fn mapply<T: PyHashable, U: PyHashable>(
    function: impl Fn(&T) -> PyFrozenSet<U>,
    container: &PyFrozenSet<T>,
) -> PyFrozenSet<U> {
    merge(&apply(function, container))
}

/// `mfilter(fs, function)`: `merge(sfilter(fs, function))`.
pub fn mfilter<T: PyHashable + 'static>(
    container: &PyFrozenSet<PyFrozenSet<T>>,
    function: impl Fn(&PyFrozenSet<T>) -> bool,
) -> PyFrozenSet<T> {
    merge(&sfilter(container, function))
}

/// `insert(value, fs)`: `fs.union(frozenset({value}))`.
pub fn insert<T: PyHashable>(value: T, container: &PyFrozenSet<T>) -> PyFrozenSet<T> {
    let single: PySet<T> = std::iter::once(value).collect();
    container.union(&single.freeze())
}

/// `colorfilter(objs, value)`: the objects whose first cell has color `value`.
pub fn colorfilter(objs: &Objects, value: i64) -> Objects {
    objs.filter(|o| o.iter().next().is_some_and(|c| c.0 == value))
}

/// `sizefilter(container, n)`: `frozenset(item for item in container if len(item) == n)`.
pub fn sizefilter<T: PyHashable>(
    container: &PyFrozenSet<PyFrozenSet<T>>,
    n: usize,
) -> PyFrozenSet<PyFrozenSet<T>> {
    container.filter(|c| c.len() == n)
}

/// `numcolors(grid)`: `len(palette(grid))`.
pub fn numcolors(grid: &Grid) -> usize {
    palette_grid(grid).len()
}

/// The cells of `value`, row by row: the inner generator of `partition`.
fn cells_of(grid: &Grid, value: i64) -> Object {
    grid.iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r.iter()
                .enumerate()
                .filter(move |&(_, &v)| v == value)
                .map(move |(j, &v)| (v, (i as i64, j as i64)))
        })
        .collect()
}

/// `partition(grid)`: one object per color, in `palette(grid)`'s order.
pub fn partition(grid: &Grid) -> Objects {
    palette_grid(grid)
        .iter()
        .map(|&value| cells_of(grid, value))
        .collect()
}

/// `fgpartition(grid)`: the same over `palette(grid) - {mostcolor(grid)}`.
pub fn fgpartition(grid: &Grid) -> Objects {
    let bg: PySet<i64> = std::iter::once(mostcolor(grid)).collect();
    palette_grid(grid)
        .difference(&bg)
        .iter()
        .map(|&value| cells_of(grid, value))
        .collect()
}

/// `upscale(grid, factor)`: every cell a `factor` by `factor` block.
pub fn upscale_grid(grid: &Grid, factor: i64) -> Grid {
    let f = factor.max(0) as usize;
    let mut out = Vec::with_capacity(grid.len() * f);
    for row in grid {
        let wide: Vec<i64> = row
            .iter()
            .flat_map(|&v| std::iter::repeat_n(v, f))
            .collect();
        for _ in 0..f {
            out.push(wide.clone());
        }
    }
    out
}

/// `upscale(obj, factor)`: normalized, blown up cell by cell into a set,
/// frozen and shifted back.
pub fn upscale(obj: &Object, factor: i64) -> Object {
    if obj.is_empty() {
        return PyFrozenSet::new();
    }
    let (di_inv, dj_inv) = ulcorner(obj);
    let normed = obj.shift((-di_inv, -dj_inv));
    let mut up: PySet<Cell> = PySet::new();
    for &(value, (i, j)) in normed.iter() {
        for io in 0..factor {
            for jo in 0..factor {
                up.add((value, (i * factor + io, j * factor + jo)));
            }
        }
    }
    up.freeze().shift((di_inv, dj_inv))
}

/// `occurrences(grid, obj)`: the offsets where the normalized object matches
/// the grid cell for cell.
pub fn occurrences(grid: &Grid, obj: &Object) -> Indices {
    let mut found: PySet<Loc> = PySet::new();
    // `shift(normed, (i, j))` is a new frozenset in Python; whether a cell
    // fails does not depend on the order it is checked in, so the cells are
    // read from a list.
    let normed = normalize(obj).to_vec();
    let (h, w) = (grid.len(), width(grid));
    // A shift that puts the object's lowest or rightmost cell outside the
    // grid fails: only the others are tried, in the same row-major order
    // (an empty object occurs everywhere).
    let (hi, hj) = normed
        .iter()
        .fold((0, 0), |(x, y), &(_, (a, b))| (x.max(a), y.max(b)));
    for i in 0..h as i64 - hi {
        for j in 0..w as i64 - hj {
            let occurs = normed.iter().all(|&(v, (a, b))| {
                let loc = (a + i, b + j);
                inside(loc, h, w) && at(grid, loc) == v
            });
            if occurs {
                found.add((i, j));
            }
        }
    }
    found.freeze()
}

/// Rows whose cells all share one color (`len(set(r)) == 1`).
fn uniform_rows(grid: &Grid) -> Vec<usize> {
    (0..grid.len())
        .filter(|&i| !grid[i].is_empty() && grid[i].iter().all(|&v| v == grid[i][0]))
        .collect()
}

/// Columns whose cells all share one color.
fn uniform_cols(grid: &Grid) -> Vec<usize> {
    uniform_rows(&dmirror_grid(grid))
}

/// `frontiers(grid)`: `hfrontiers | vfrontiers`, each a frozenset of set
/// comprehensions of the uniform rows' (columns') cells.
pub fn frontiers(grid: &Grid) -> Objects {
    let (h, w) = (grid.len(), width(grid));
    let line = |cells: PySet<Cell>| cells.freeze();
    let hf: PySet<Object> = uniform_rows(grid)
        .into_iter()
        .map(|i| line((0..w).map(|j| (grid[i][j], (i as i64, j as i64))).collect()))
        .collect();
    let vf: PySet<Object> = uniform_cols(grid)
        .into_iter()
        .map(|j| line((0..h).map(|i| (grid[i][j], (i as i64, j as i64))).collect()))
        .collect();
    &hf.freeze() | &vf.freeze()
}

/// `compress(grid)`: the grid without its uniform rows and columns.
pub fn compress(grid: &Grid) -> Grid {
    let (ri, ci) = (uniform_rows(grid), uniform_cols(grid));
    grid.iter()
        .enumerate()
        .filter(|(i, _)| !ri.contains(i))
        .map(|(_, r)| {
            r.iter()
                .enumerate()
                .filter(|(j, _)| !ci.contains(j))
                .map(|(_, &v)| v)
                .collect()
        })
        .collect()
}

/// `hperiod(obj)` (`vertical == false`) or `vperiod(obj)`: the smallest
/// shift under which the pruned object is a subset of itself.
fn period(obj: &Object, vertical: bool) -> i64 {
    let normalized = normalize(obj);
    let n = if vertical {
        height(&normalized)
    } else {
        width_of(&normalized)
    };
    for p in 1..n {
        let d = if vertical { (-p, 0) } else { (0, -p) };
        let offsetted = normalized.shift(d);
        let pruned: PySet<Cell> = offsetted
            .iter()
            .filter(|&&(_, (i, j))| if vertical { i >= 0 } else { j >= 0 })
            .copied()
            .collect();
        if pruned.freeze().issubset(&normalized) {
            return p;
        }
    }
    n
}

/// `hperiod(obj)`.
pub fn hperiod(obj: &Object) -> i64 {
    period(obj, false)
}

/// `vperiod(obj)`.
pub fn vperiod(obj: &Object) -> i64 {
    period(obj, true)
}

/// `vmatching(a, b)`: some column holds cells of both.
pub fn vmatching(a: &impl Patch, b: &impl Patch) -> bool {
    let ca: PySet<i64> = a.toindices().iter().map(|l| l.1).collect();
    let cb: PySet<i64> = b.toindices().iter().map(|l| l.1).collect();
    !ca.intersection(&cb).is_empty()
}

/// `hmatching(a, b)`: some row holds cells of both.
pub fn hmatching(a: &impl Patch, b: &impl Patch) -> bool {
    let ra: PySet<i64> = a.toindices().iter().map(|l| l.0).collect();
    let rb: PySet<i64> = b.toindices().iter().map(|l| l.0).collect();
    !ra.intersection(&rb).is_empty()
}

/// `combine(a, b)` for frozensets: `frozenset((*a, *b))`, a's elements then b's.
pub fn combine<T: PyHashable>(a: &PyFrozenSet<T>, b: &PyFrozenSet<T>) -> PyFrozenSet<T> {
    a.iter().chain(b.iter()).cloned().collect()
}

/// `difference(a, b)` for frozensets: `frozenset(e for e in a if e not in b)`
/// (a generator, not the `-` operator).
pub fn difference<T: PyHashable>(a: &PyFrozenSet<T>, b: &PyFrozenSet<T>) -> PyFrozenSet<T> {
    a.iter().filter(|e| !b.contains(e)).cloned().collect()
}

/// `intersection(a, b)`: `a & b`.
pub fn intersection<T: PyHashable>(a: &PyFrozenSet<T>, b: &PyFrozenSet<T>) -> PyFrozenSet<T> {
    a & b
}

/// `initset(value)`: `frozenset({value})`.
pub fn initset<T: PyHashable>(value: T) -> PyFrozenSet<T> {
    let s: PySet<T> = std::iter::once(value).collect();
    s.freeze()
}

/// `max(set(items), key=items.count)` (`most`) or the `min`, for any
/// element type: the first of equally common ones in the set's order.
fn common<T: PyHashable>(items: &[T], most: bool) -> Option<T> {
    let set: PySet<T> = items.iter().cloned().collect();
    let mut best: Option<(usize, &T)> = None;
    for x in set.iter() {
        let n = items.iter().filter(|&y| y == x).count();
        let better = match best {
            None => true,
            Some((m, _)) if most => n > m,
            Some((m, _)) => n < m,
        };
        if better {
            best = Some((n, x));
        }
    }
    best.map(|(_, x)| x.clone())
}

/// `mostcommon(tuple)`; `None` where Python raises (an empty tuple).
pub fn mostcommon<T: PyHashable>(items: &[T]) -> Option<T> {
    common(items, true)
}

/// `leastcommon(tuple)`.
pub fn leastcommon<T: PyHashable>(items: &[T]) -> Option<T> {
    common(items, false)
}

/// `product(a, b)`: `frozenset((i, j) for j in b for i in a)`.
pub fn product<A: PyHashable + Copy, B: PyHashable + Copy>(
    a: &[A],
    b: &[B],
) -> PyFrozenSet<(A, B)> {
    b.iter()
        .flat_map(|j| a.iter().map(move |i| (*i, *j)))
        .collect()
}

/// `prapply(function, a, b)`: `frozenset(function(i, j) for j in b for i in a)`.
pub fn prapply<A, B, U: PyHashable>(
    function: impl Fn(&A, &B) -> U,
    a: &[A],
    b: &[B],
) -> PyFrozenSet<U> {
    let function = &function;
    b.iter()
        .flat_map(|j| a.iter().map(move |i| function(i, j)))
        .collect()
}

/// `argmax(container, key)`: Python's `max` keeps the first of equal keys.
pub fn argmax<'a, T: 'a, K: Ord>(
    items: impl IntoIterator<Item = &'a T>,
    key: impl Fn(&T) -> K,
) -> Option<&'a T> {
    let mut best: Option<(K, &T)> = None;
    for x in items {
        let k = key(x);
        if best.as_ref().is_none_or(|(b, _)| k > *b) {
            best = Some((k, x));
        }
    }
    best.map(|(_, x)| x)
}

/// `argmin(container, key)`: the first of equal smallest keys.
pub fn argmin<'a, T: 'a, K: Ord>(
    items: impl IntoIterator<Item = &'a T>,
    key: impl Fn(&T) -> K,
) -> Option<&'a T> {
    let mut best: Option<(K, &T)> = None;
    for x in items {
        let k = key(x);
        if best.as_ref().is_none_or(|(b, _)| k < *b) {
            best = Some((k, x));
        }
    }
    best.map(|(_, x)| x)
}

/// `extract(container, condition)`: the first element that satisfies it
/// (`None` where Python raises `StopIteration`).
pub fn extract<'a, T: 'a>(
    items: impl IntoIterator<Item = &'a T>,
    condition: impl Fn(&T) -> bool,
) -> Option<&'a T> {
    items.into_iter().find(|x| condition(x))
}

/// `delta(patch)`: `backdrop(patch) - toindices(patch)`.
pub fn delta(patch: &impl Patch) -> Indices {
    if patch.size() == 0 {
        return PyFrozenSet::new();
    }
    &backdrop(patch) - &patch.toindices()
}

/// `underpaint(grid, obj)`: paint only where the grid shows `mostcolor`,
/// in the object's order.
pub fn underpaint(grid: &Grid, obj: &Object) -> Grid {
    let (h, w) = (grid.len(), width(grid));
    let bg = mostcolor(grid);
    let mut out = grid.clone();
    for &(v, loc) in obj.iter() {
        if inside(loc, h, w) && out[loc.0 as usize][loc.1 as usize] == bg {
            out[loc.0 as usize][loc.1 as usize] = v;
        }
    }
    out
}

/// `move(grid, obj, offset)`: `paint(cover(grid, obj), shift(obj, offset))`.
pub fn move_object(grid: &Grid, obj: &Object, offset: Loc) -> Grid {
    paint(&cover(grid, obj), &obj.shift(offset))
}

/// Python's `seq[start:stop]` bounds for a sequence of `len` items.
fn slice_bounds(len: usize, start: i64, stop: i64) -> (usize, usize) {
    let n = len as i64;
    let clamp = |x: i64| {
        if x < 0 {
            (x + n).max(0)
        } else {
            x.min(n)
        }
    };
    let (lo, hi) = (clamp(start), clamp(stop));
    (lo as usize, hi.max(lo) as usize)
}

/// `crop(grid, start, dims)`: `tuple(r[j0:j0 + w] for r in grid[i0:i0 + h])`,
/// with Python's slicing (a negative start counts from the end).
pub fn crop(grid: &Grid, (i0, j0): Loc, (h, w): Loc) -> Grid {
    let (ilo, ihi) = slice_bounds(grid.len(), i0, i0 + h);
    grid[ilo..ihi]
        .iter()
        .map(|r| {
            let (jlo, jhi) = slice_bounds(r.len(), j0, j0 + w);
            r[jlo..jhi].to_vec()
        })
        .collect()
}

/// `subgrid(patch, grid)`: `crop(grid, ulcorner(patch), shape(patch))`.
pub fn subgrid(patch: &impl Patch, grid: &Grid) -> Grid {
    crop(grid, ulcorner(patch), shape(patch))
}

/// `rot90(grid)`: clockwise.
pub fn rot90(grid: &Grid) -> Grid {
    // `tuple(row for row in zip(*grid[::-1]))`: row j is column j read
    // bottom to top. Built directly rather than by mirroring twice.
    (0..width(grid))
        .map(|j| grid.iter().rev().map(|r| r[j]).collect())
        .collect()
}

/// `rot180(grid)`: the rows in reverse order, each reversed.
pub fn rot180(grid: &Grid) -> Grid {
    grid.iter()
        .rev()
        .map(|r| r.iter().rev().copied().collect())
        .collect()
}

/// `rot270(grid)`: counterclockwise, `tuple(tuple(row[::-1]) for row in
/// zip(*grid[::-1]))[::-1]`: row j is column `w - 1 - j` read top to bottom.
pub fn rot270(grid: &Grid) -> Grid {
    (0..width(grid))
        .rev()
        .map(|j| grid.iter().map(|r| r[j]).collect())
        .collect()
}

/// `tophalf(grid)`: `grid[:len(grid) // 2]`.
pub fn tophalf(grid: &Grid) -> Grid {
    grid[..grid.len() / 2].to_vec()
}

/// `bottomhalf(grid)`: `grid[len(grid) // 2 + len(grid) % 2:]`.
pub fn bottomhalf(grid: &Grid) -> Grid {
    grid[grid.len() / 2 + grid.len() % 2..].to_vec()
}

/// `lefthalf(grid)`: `rot270(tophalf(rot90(grid)))`.
pub fn lefthalf(grid: &Grid) -> Grid {
    rot270(&tophalf(&rot90(grid)))
}

/// `righthalf(grid)`: `rot270(bottomhalf(rot90(grid)))`.
pub fn righthalf(grid: &Grid) -> Grid {
    rot270(&bottomhalf(&rot90(grid)))
}

/// `hsplit(grid, n)`: `n` side-by-side parts, a separator column skipped
/// between them when the width does not divide.
pub fn hsplit(grid: &Grid, n: i64) -> Vec<Grid> {
    if n <= 0 {
        return Vec::new();
    }
    let (h, gw) = (grid.len() as i64, width(grid) as i64);
    let (w, offset) = (gw / n, i64::from(gw % n != 0));
    (0..n)
        .map(|i| crop(grid, (0, w * i + i * offset), (h, w)))
        .collect()
}

/// `vsplit(grid, n)`: the same, stacked.
pub fn vsplit(grid: &Grid, n: i64) -> Vec<Grid> {
    if n <= 0 {
        return Vec::new();
    }
    let (gh, w) = (grid.len() as i64, width(grid) as i64);
    let (h, offset) = (gh / n, i64::from(gh % n != 0));
    (0..n)
        .map(|i| crop(grid, (h * i + i * offset, 0), (h, w)))
        .collect()
}

/// `trim(grid)`: `tuple(r[1:-1] for r in grid[1:-1])`.
pub fn trim(grid: &Grid) -> Grid {
    let (ilo, ihi) = slice_bounds(grid.len(), 1, -1);
    grid[ilo..ihi]
        .iter()
        .map(|r| {
            let (jlo, jhi) = slice_bounds(r.len(), 1, -1);
            r[jlo..jhi].to_vec()
        })
        .collect()
}

/// `replace(grid, replacee, replacer)`.
pub fn replace(grid: &Grid, replacee: i64, replacer: i64) -> Grid {
    grid.iter()
        .map(|r| {
            r.iter()
                .map(|&v| if v == replacee { replacer } else { v })
                .collect()
        })
        .collect()
}

/// `switch(grid, a, b)`: swaps two colors.
pub fn switch(grid: &Grid, a: i64, b: i64) -> Grid {
    grid.iter()
        .map(|r| {
            r.iter()
                .map(|&v| {
                    // `{a: b, b: a}[v]`: for a == b the second entry wins.
                    if v == b {
                        a
                    } else if v == a {
                        b
                    } else {
                        v
                    }
                })
                .collect()
        })
        .collect()
}

/// `downscale(grid, factor)`: every `factor`-th row and column from the first.
pub fn downscale(grid: &Grid, factor: i64) -> Grid {
    if factor <= 0 {
        return Vec::new();
    }
    let f = factor as usize;
    grid.iter()
        .step_by(f)
        .map(|r| r.iter().step_by(f).copied().collect())
        .collect()
}

/// `cellwise(a, b, fallback)`: `a`'s cell where the grids agree, else `fallback`.
pub fn cellwise(a: &Grid, b: &Grid, fallback: i64) -> Grid {
    a.iter()
        .zip(b)
        .map(|(ra, rb)| {
            ra.iter()
                .zip(rb)
                .map(|(&x, &y)| if x == y { x } else { fallback })
                .collect()
        })
        .collect()
}

/// `hconcat(a, b)`: rows joined side by side (as many as the shorter has).
pub fn hconcat(a: &Grid, b: &Grid) -> Grid {
    a.iter()
        .zip(b)
        .map(|(x, y)| x.iter().chain(y).copied().collect())
        .collect()
}

/// `vconcat(a, b)`: `a + b`.
pub fn vconcat(a: &Grid, b: &Grid) -> Grid {
    a.iter().chain(b).cloned().collect()
}

/// `center(patch)`.
pub fn center(patch: &impl Patch) -> Loc {
    (
        uppermost(patch) + height(patch).div_euclid(2),
        leftmost(patch) + width_of(patch).div_euclid(2),
    )
}

/// `centerofmass(patch)`: coordinate sums floor-divided by `len(patch)` (an
/// object's length, which counts two cells at one location twice).
pub fn centerofmass(patch: &impl Patch) -> Loc {
    let n = patch.size().max(1) as i64;
    let idx = patch.toindices();
    let (si, sj) = idx
        .iter()
        .fold((0i64, 0i64), |(a, b), &(i, j)| (a + i, b + j));
    (si.div_euclid(n), sj.div_euclid(n))
}

/// `position(a, b)`: the direction from `a`'s center to `b`'s.
pub fn position(a: &impl Patch, b: &impl Patch) -> Loc {
    // `center` reads only corners, the same for the patch and its indices.
    direction(center(a), center(b))
}

/// `position`'s step from one center to another.
pub fn direction((ia, ja): Loc, (ib, jb): Loc) -> Loc {
    let side = if ja < jb { 1 } else { -1 };
    if ia == ib {
        (0, side)
    } else if ja == jb {
        (if ia < ib { 1 } else { -1 }, 0)
    } else if ia < ib {
        (1, side)
    } else {
        (-1, side)
    }
}

/// `manhattan(a, b)`: the least city-block distance between their cells.
pub fn manhattan(a: &impl Patch, b: &impl Patch) -> i64 {
    // A minimum over pairs: repeated locations change nothing.
    a.locs()
        .flat_map(|(ai, aj)| {
            b.locs()
                .map(move |(bi, bj)| (ai - bi).abs() + (aj - bj).abs())
        })
        .min()
        .unwrap_or(0)
}

/// `adjacent(a, b)`: `manhattan(a, b) == 1`.
pub fn adjacent(a: &impl Patch, b: &impl Patch) -> bool {
    manhattan(a, b) == 1
}

/// `bordering(patch, grid)`: touches the grid's edge.
pub fn bordering(patch: &impl Patch, grid: &Grid) -> bool {
    uppermost(patch) == 0
        || leftmost(patch) == 0
        || lowermost(patch) == grid.len() as i64 - 1
        || rightmost(patch) == width(grid) as i64 - 1
}

/// `gravitate(source, destination)`: how far to move `source` toward
/// `destination` (along the axis they share) until adjacent, at most 42 steps.
pub fn gravitate<P: Patch>(source: &P, destination: &impl Patch) -> Loc {
    let (si, sj) = center(source);
    let (di, dj) = center(destination);
    let (i, j) = if vmatching(source, destination) {
        (if si < di { 1 } else { -1 }, 0)
    } else {
        (0, if sj < dj { 1 } else { -1 })
    };
    let (mut gi, mut gj) = (i, j);
    let mut src = source.shift((0, 0));
    let mut c = 0;
    while !adjacent(&src, destination) && c < 42 {
        c += 1;
        gi += i;
        gj += j;
        src = src.shift((i, j));
    }
    (gi - i, gj - j)
}

/// `hline(patch)`: one row, no gaps.
pub fn hline(patch: &impl Patch) -> bool {
    width_of(patch) == patch.size() as i64 && height(patch) == 1
}

/// `vline(patch)`: one column, no gaps.
pub fn vline(patch: &impl Patch) -> bool {
    height(patch) == patch.size() as i64 && width_of(patch) == 1
}

/// `color(obj)`: the color of its first cell (`None` for an empty object).
pub fn color(obj: &Object) -> Option<i64> {
    obj.iter().next().map(|c| c.0)
}

/// `index(grid, loc)`: the cell, or `None` outside the grid.
pub fn index(grid: &Grid, loc: Loc) -> Option<i64> {
    inside(loc, grid.len(), width(grid)).then(|| at(grid, loc))
}

/// `hupscale(grid, factor)`: every cell repeated `factor` times across.
pub fn hupscale(grid: &Grid, factor: i64) -> Grid {
    let f = factor.max(0) as usize;
    grid.iter()
        .map(|r| r.iter().flat_map(|&v| std::iter::repeat_n(v, f)).collect())
        .collect()
}

/// `vupscale(grid, factor)`: every row repeated `factor` times.
pub fn vupscale(grid: &Grid, factor: i64) -> Grid {
    let f = factor.max(0) as usize;
    grid.iter()
        .flat_map(|r| std::iter::repeat_n(r.clone(), f))
        .collect()
}

/// `portrait(patch)`: taller than wide.
pub fn portrait(patch: &impl Patch) -> bool {
    height(patch) > width_of(patch)
}

/// `portrait(grid)`.
pub fn portrait_grid(grid: &Grid) -> bool {
    grid.len() > width(grid)
}

/// `square(patch)`: a full square.
pub fn square(patch: &impl Patch) -> bool {
    let (h, w) = shape(patch);
    h * w == patch.size() as i64 && h == w
}

/// `square(grid)`: `len(grid) == len(grid[0])`.
pub fn square_grid(grid: &Grid) -> bool {
    grid.len() == width(grid)
}

/// `order(container, compfunc)`: `tuple(sorted(container, key=compfunc))`;
/// Python's sort is stable, so equal keys keep the container's iteration
/// order, as Rust's stable `sort_by_key` does.
pub fn order<T: PyHashable + 'static, C: Container<T>, K: Ord>(
    container: &C,
    compfunc: impl Fn(&T) -> K,
) -> Vec<T> {
    let mut items: Vec<T> = container.elems().cloned().collect();
    items.sort_by_key(|x| compfunc(x));
    items
}

/// `dedupe(tuple)`: the first occurrence of each element, in order.
pub fn dedupe<T: PartialEq + Clone>(items: &[T]) -> Vec<T> {
    items
        .iter()
        .enumerate()
        .filter(|&(i, e)| items.iter().position(|x| x == e) == Some(i))
        .map(|(_, e)| e.clone())
        .collect()
}

/// `interval(start, stop, step)`: `tuple(range(start, stop, step))`, a
/// negative step counting down; an empty tuple for a zero step, where
/// Python raises.
pub fn interval(start: i64, stop: i64, step: i64) -> Vec<i64> {
    let mut out = Vec::new();
    let mut x = start;
    while (step > 0 && x < stop) || (step < 0 && x > stop) {
        out.push(x);
        x += step;
    }
    out
}

/// `repeat(item, num)`: `num` copies (none for `num <= 0`, as `range`).
pub fn repeat<T: Clone>(item: &T, num: i64) -> Vec<T> {
    vec![item.clone(); num.max(0) as usize]
}

/// `papply(function, a, b)`: `function` over `zip(a, b)`, as long as the
/// shorter tuple.
pub fn papply<A, B, U>(function: impl Fn(&A, &B) -> U, a: &[A], b: &[B]) -> Vec<U> {
    a.iter().zip(b).map(|(i, j)| function(i, j)).collect()
}

/// `mpapply(function, a, b)`: `merge(papply(function, a, b))`; `merge` of a
/// tuple is a tuple, so the results are concatenated in order, duplicates kept.
pub fn mpapply<A, B, U: Clone, C: IntoIterator<Item = U>>(
    function: impl Fn(&A, &B) -> C,
    a: &[A],
    b: &[B],
) -> Vec<U> {
    a.iter().zip(b).flat_map(|(i, j)| function(i, j)).collect()
}

/// `pair(a, b)`: `tuple(zip(a, b))`.
pub fn pair<A: Clone, B: Clone>(a: &[A], b: &[B]) -> Vec<(A, B)> {
    a.iter().cloned().zip(b.iter().cloned()).collect()
}

/// `valmax(container, compfunc)`: `compfunc(max(container, key=compfunc))`,
/// the largest key. `None` for an empty container, where Python calls
/// `compfunc(0)` (which raises for the patch functions generators pass).
pub fn valmax<'a, T: 'a, K: Ord>(
    items: impl IntoIterator<Item = &'a T>,
    compfunc: impl Fn(&T) -> K,
) -> Option<K> {
    items.into_iter().map(compfunc).max()
}

/// `valmin(container, compfunc)`: the smallest key (see [`valmax`]).
pub fn valmin<'a, T: 'a, K: Ord>(
    items: impl IntoIterator<Item = &'a T>,
    compfunc: impl Fn(&T) -> K,
) -> Option<K> {
    items.into_iter().map(compfunc).min()
}

/// `maximum(container)`: `max(container, default=0)`.
pub fn maximum<'a>(items: impl IntoIterator<Item = &'a i64>) -> i64 {
    items.into_iter().copied().max().unwrap_or(0)
}

/// `minimum(container)`: `min(container, default=0)`.
pub fn minimum<'a>(items: impl IntoIterator<Item = &'a i64>) -> i64 {
    items.into_iter().copied().min().unwrap_or(0)
}

/// Python's `a // b`: floor division (rounds toward negative infinity,
/// where Rust's `/` truncates toward zero). The DSL's `divide` and `halve`
/// and many generators' sizes use it on negative numbers too. 0 for
/// `b == 0`, where Python raises.
pub fn floordiv(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0;
    }
    a.div_euclid(b) - if b < 0 && a.rem_euclid(b) != 0 { 1 } else { 0 }
}

/// Python's `a % b`: the result takes the divisor's sign.
pub fn pymod(a: i64, b: i64) -> i64 {
    if b == 0 {
        return 0;
    }
    a - b * floordiv(a, b)
}

/// `halve(n)`: `n // 2`.
pub fn halve(n: i64) -> i64 {
    floordiv(n, 2)
}

/// `halve(vector)`: both coordinates floor-halved.
pub fn halve_vec((i, j): Loc) -> Loc {
    (halve(i), halve(j))
}

/// `divide(a, b)` on integers: `a // b`.
pub fn divide(a: i64, b: i64) -> i64 {
    floordiv(a, b)
}

/// `divide(vector, vector)`: coordinate-wise floor division.
pub fn divide_vec((ai, aj): Loc, (bi, bj): Loc) -> Loc {
    (floordiv(ai, bi), floordiv(aj, bj))
}

/// `sign(x)`: -1, 0 or 1.
pub fn sign(x: i64) -> i64 {
    x.signum()
}

/// `sign(vector)`: each coordinate's sign.
pub fn sign_vec((i, j): Loc) -> Loc {
    (i.signum(), j.signum())
}

/// `crement(x)`: one further from zero (0 stays 0).
pub fn crement(x: i64) -> i64 {
    x + x.signum()
}

/// `crement(vector)`: each coordinate one further from zero.
pub fn crement_vec((i, j): Loc) -> Loc {
    (crement(i), crement(j))
}

/// `invert(vector)`: both coordinates negated.
pub fn invert_vec((i, j): Loc) -> Loc {
    (-i, -j)
}

/// `add(a, b)` on vectors (on integers it is `+`).
pub fn add((ai, aj): Loc, (bi, bj): Loc) -> Loc {
    (ai + bi, aj + bj)
}

/// `subtract(a, b)` on vectors.
pub fn subtract((ai, aj): Loc, (bi, bj): Loc) -> Loc {
    (ai - bi, aj - bj)
}

/// `multiply(a, b)` on vectors, coordinate-wise.
pub fn multiply((ai, aj): Loc, (bi, bj): Loc) -> Loc {
    (ai * bi, aj * bj)
}
