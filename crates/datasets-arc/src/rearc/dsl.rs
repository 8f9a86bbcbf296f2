//! Functions of rearc's DSL (`reasoning_gym/arc/rearc_utils/dsl.py`), each
//! built from the same set operations as the Python one so that its result
//! iterates in CPython's order (the generators pick from `tuple(frozenset)`).
//! Each function names the Python it reproduces.

use pycompat::{AnySet, PyFrozenSet, PySet};

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
    let (h, w) = (grid.len() as i64, width(grid) as i64);
    (0..h).flat_map(|i| (0..w).map(move |j| (i, j))).collect()
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

/// `mostcolor(grid)`: `max(set(values), key=values.count)`, where the first
/// of equally common colors in the set's order wins.
pub fn mostcolor(grid: &Grid) -> i64 {
    let values: Vec<i64> = grid.iter().flatten().copied().collect();
    let set: PySet<i64> = values.iter().copied().collect();
    let mut best: Option<(usize, i64)> = None;
    for &c in set.iter() {
        let n = values.iter().filter(|&&v| v == c).count();
        if best.is_none_or(|(m, _)| n > m) {
            best = Some((n, c));
        }
    }
    // An empty grid makes Python's max() raise; the DSL never passes one.
    best.map_or(0, |(_, c)| c)
}

/// `dneighbors(loc)`: `frozenset({up, down, left, right})`, a set display
/// copied into a frozenset.
pub fn dneighbors((i, j): Loc) -> Indices {
    let s: PySet<Loc> = [(i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)]
        .into_iter()
        .collect();
    s.freeze()
}

/// `ineighbors(loc)`: the four diagonal neighbours, built like `dneighbors`.
pub fn ineighbors((i, j): Loc) -> Indices {
    let s: PySet<Loc> = [
        (i - 1, j - 1),
        (i - 1, j + 1),
        (i + 1, j - 1),
        (i + 1, j + 1),
    ]
    .into_iter()
    .collect();
    s.freeze()
}

/// `neighbors(loc)`: `dneighbors(loc) | ineighbors(loc)`.
pub fn neighbors(loc: Loc) -> Indices {
    &dneighbors(loc) | &ineighbors(loc)
}

/// `objects(grid, univalued, diagonal, without_bg)`: the connected objects,
/// found by the same flood fill with the same sets as the Python.
pub fn objects(grid: &Grid, univalued: bool, diagonal: bool, without_bg: bool) -> Objects {
    // `bg = mostcolor(grid) if without_bg else None`; `v != None` is always true.
    let bg = without_bg.then(|| mostcolor(grid));
    let mut objs: PySet<Object> = PySet::new();
    let mut occupied: PySet<Loc> = PySet::new();
    let (h, w) = (grid.len() as i64, width(grid) as i64);
    let unvisited = asindices(grid);
    let diagfun = if diagonal { neighbors } else { dneighbors };
    for &loc in unvisited.iter() {
        if occupied.contains(&loc) {
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
                    occupied.add(cand);
                    // neighborhood |= {(i, j) for i, j in diagfun(cand) if in bounds}
                    let near: PySet<Loc> = diagfun(cand)
                        .iter()
                        .copied()
                        .filter(|&(i, j)| 0 <= i && i < h && 0 <= j && j < w)
                        .collect();
                    neighborhood.update(&near);
                }
            }
            cands = neighborhood.difference(&occupied);
        }
        objs.add(obj.freeze());
    }
    objs.freeze()
}

/// `toindices(obj)` for an object: `frozenset(index for value, index in patch)`.
pub fn toindices(obj: &Object) -> Indices {
    obj.iter().map(|&(_, loc)| loc).collect()
}

/// `shift(patch, (di, dj))` for indices (an empty patch is returned as is).
pub fn shift_indices(patch: &Indices, (di, dj): Loc) -> Indices {
    if patch.is_empty() {
        return patch.clone();
    }
    patch.iter().map(|&(i, j)| (i + di, j + dj)).collect()
}

/// `shift(patch, (di, dj))` for an object.
pub fn shift_object(patch: &Object, (di, dj): Loc) -> Object {
    if patch.is_empty() {
        return patch.clone();
    }
    patch
        .iter()
        .map(|&(v, (i, j))| (v, (i + di, j + dj)))
        .collect()
}

/// `recolor(value, patch)` for indices: `frozenset((value, index) for index in patch)`.
pub fn recolor(value: i64, patch: &Indices) -> Object {
    patch.iter().map(|&loc| (value, loc)).collect()
}
