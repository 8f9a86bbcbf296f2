//! rearc generators TASK_IDS[263..400], each named `generate_<task id>` as
//! in `rearc_utils/generators.py` (being ported, in task-id order).

use dataset_core::{DatasetError, Result};
use pycompat::{AnySet, PySet};

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
];

/// Python raised (an `IndexError`, a `TypeError`, ...) where the generator
/// reached an impossible state; the port fails there too.
fn raised(what: &str) -> DatasetError {
    DatasetError::Generation(what.into())
}

/// `repeat(repeat(value, w), n)`: `n` rows of `w` cells.
fn rows_of(value: i64, w: i64, n: i64) -> Grid {
    dsl::repeat(&dsl::repeat(&value, w), n)
}

/// `grid[:at] + rows + grid[at:]` for a row index inside the grid.
fn insert_rows(grid: &Grid, at: i64, rows: Grid) -> Grid {
    let at = (at.max(0) as usize).min(grid.len());
    let mut out = grid[..at].to_vec();
    out.extend(rows);
    out.extend_from_slice(&grid[at..]);
    out
}

/// `grid[at:] + grid[:at]`: the rows rotated up by `at`.
fn roll_rows(grid: &Grid, at: i64) -> Grid {
    let at = (at.max(0) as usize).min(grid.len());
    let mut out = grid[at..].to_vec();
    out.extend_from_slice(&grid[..at]);
    out
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
/// -6)), objects(tmpc, ...))`).
fn padded_objects(grid: &Grid, bgc: i64, diagonal: bool) -> dsl::Objects {
    let (h, w) = dsl::shape_grid(grid);
    let tmpc = dsl::paint(
        &dsl::canvas(bgc, (h + 12, w + 12)),
        &dsl::asobject(grid).shift((6, 6)),
    );
    let objs = dsl::objects(&tmpc, false, diagonal, true);
    dsl::apply(|o| o.shift((-6, -6)), &objs)
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
    let mut go = dsl::canvas(sqc, (goh, gow));
    go = dsl::fill(&go, bgc, &dsl::r#box(&dsl::asindices(&go)));
    let loci1 = rng.randint(2, goh - 7)?;
    let loci2 = rng.randint(loci1 + 4, goh - 3)?;
    let locj1 = rng.randint(2, gow - 7)?;
    let locj2 = rng.randint(locj1 + 4, gow - 3)?;
    let fs = &(&(&dsl::hfrontier((loci1, 0)) | &dsl::hfrontier((loci2, 0)))
        | &dsl::vfrontier((0, locj1)))
        | &dsl::vfrontier((0, locj2));
    go = dsl::fill(&go, sqc, &fs);
    let gaps = [
        ((loci1 + loci2) / 2, 1),
        ((loci1 + loci2) / 2, gow - 2),
        (1, (locj1 + locj2) / 2),
        (goh - 2, (locj1 + locj2) / 2),
    ];
    go = fill_locs(&go, bgc, &gaps);
    // One color drawn per object, in the objects' order; the recolored
    // objects are disjoint, so painting them one by one is the merged paint.
    for obj in dsl::objects(&go, true, false, true).iter() {
        let c = rng.choice(&ccols)?;
        go = dsl::paint(&go, &dsl::recolor(c, obj));
    }
    let mut gi = go.clone();
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
    gi = insert_rows(&gi, loci2, rows_of(bgc, gow, hdelt2));
    gi = insert_rows(&gi, loci1 + 1, rows_of(bgc, gow, hdelt3));
    gi = insert_rows(&gi, 0, rows_of(bgc, gow, hdelt1));
    let n = gi.len() as i64;
    gi = insert_rows(&gi, n, rows_of(bgc, gow, hdelt4));
    gi = dsl::dmirror_grid(&gi);
    gi = insert_rows(&gi, locj2, rows_of(bgc, h, wdelt2));
    gi = insert_rows(&gi, locj1 + 1, rows_of(bgc, h, wdelt3));
    gi = insert_rows(&gi, 0, rows_of(bgc, h, wdelt1));
    let n = gi.len() as i64;
    gi = insert_rows(&gi, n, rows_of(bgc, h, wdelt4));
    gi = dsl::dmirror_grid(&gi);
    let nswitcheroos = unifint(rng, diff_lb, diff_ub, (0, 10));
    if rng.choice(&[true, false])? {
        gi = roll_rows(&gi, loci1 + hdelt1 + 1);
    }
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        gi = roll_rows(&gi, locj1 + wdelt1 + 1);
        gi = dsl::dmirror_grid(&gi);
    }
    for _ in 0..nswitcheroos {
        let objs = padded_objects(&gi, bgc, true);
        // `mpr`: a dict from shape to objects, keys in first-seen order.
        let mut mpr: Vec<(Loc, Vec<Object>)> = Vec::new();
        for obj in objs.iter() {
            let shp = dsl::shape(obj);
            match mpr.iter_mut().find(|(k, _)| *k == shp) {
                Some((_, v)) => v.push(obj.clone()),
                None => mpr.push((shp, vec![obj.clone()])),
            }
        }
        // `max([...])` of no values raises.
        let most = mpr.iter().map(|(_, v)| v.len()).max();
        match most {
            None => return Err(raised("max() arg is an empty sequence")),
            Some(1) => break,
            Some(_) => {}
        }
        let ress: Vec<&Vec<Object>> = mpr
            .iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(_, v)| v)
            .collect();
        let abc = rng.choice(&ress)?;
        let ab = rng.sample(abc, 2)?;
        let (a, b) = (&ab[0], &ab[1]);
        let (ulca, ulcb) = (dsl::ulcorner(a), dsl::ulcorner(b));
        let ap = dsl::normalize(a).shift(ulcb);
        let bp = dsl::normalize(b).shift(ulca);
        gi = dsl::paint(&gi, &(&ap | &bp));
    }
    let nshifts = unifint(rng, diff_lb, diff_ub, (0, 30));
    for _ in 0..nshifts {
        let objs = padded_objects(&gi, bgc, false);
        let objs = dsl::sfilter(&objs, |o| !dsl::bordering(o, &gi));
        if objs.is_empty() {
            break;
        }
        let obj = rng.choice(&objs.to_vec())?;
        let direc1 = (rng.randint(-1, 1)?, rng.randint(-1, 1)?);
        let direc2 = dsl::position(
            &dsl::initset((h / 2, w / 2)),
            &dsl::initset(dsl::center(&obj)),
        );
        let direc = rng.choice(&[direc1, direc2])?;
        gi = dsl::fill(&gi, bgc, &obj);
        gi = dsl::paint(&gi, &obj.shift(direc));
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
        gi = fill_locs(&gi, 0, &shifted);
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
        let loc = rng.choice(&locs.to_vec())?;
        locs = &locs - &around(&dsl::neighbors(loc));
        gi = fill_locs(&gi, fgc, &[loc]);
        for (col, d) in [(3, (-1, -1)), (7, (1, 1)), (8, (1, -1)), (6, (-1, 1))] {
            go = fill_locs(&go, col, &[dsl::add(loc, d)]);
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
    let c = dsl::canvas(bgc, (h, w));
    let bounds = dsl::asindices(&c);
    let sp = rng.choice(&bounds.to_vec())?;
    // `min(h * w - 1, max(1, (2 / 3) * h * w))` is the float (h, w >= 3).
    let ub = (2.0 / 3.0) * h as f64 * w as f64;
    let ncells = unifint_f(rng, diff_lb, diff_ub, (1, ub));
    // A float count (the bound itself, when rounding passed it) makes
    // `range(ncells)` raise.
    if ncells.fract() != 0.0 {
        return Err(raised("'float' object cannot be interpreted as an integer"));
    }
    let mut shp: PySet<Loc> = std::iter::once(sp).collect();
    for _ in 0..ncells as i64 {
        grow_by(rng, &bounds, &mut shp, dsl::neighbors)?;
    }
    let shp: Vec<Loc> = shp.iter().map(|&l| dsl::add(l, (1, 1))).collect();
    let c2 = dsl::canvas(bgc, (h + 2, w + 2));
    let gi = fill_locs(&c2, cola, &shp);
    let go = fill_locs(&c2, colb, &shp);
    let spot = rng.choice(&dsl::ofcolor(&gi, bgc).to_vec())?;
    let gi = fill_locs(&gi, colb, &[spot]);
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
    let gi = dsl::fill(&gi, bgc, &hole);
    let mut go = dsl::fill(&canv, 4, &dsl::backdrop(&bx));
    go = dsl::fill(&go, sqc, &bx);
    for &l in hole.iter() {
        go = dsl::fill(&go, 4, &dsl::shoot(l, (-1, 0)));
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
    let bd = rng.choice(&reminds.to_vec())?;
    go = fill_locs(&go, 2, &[rd]);
    go = fill_locs(&go, 1, &[bd]);
    let ngd = unifint(rng, diff_lb, diff_ub, (1, 8));
    let gd = rng.sample(&dsl::neighbors(rd).to_vec(), ngd)?;
    let nod = unifint(rng, diff_lb, diff_ub, (1, 8));
    let od = rng.sample(&dsl::neighbors(bd).to_vec(), nod)?;
    go = fill_locs(&go, 3, &gd);
    go = fill_locs(&go, 7, &od);
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
        gi = fill_locs(&gi, bgc, &[loc]);
        gi = fill_locs(&gi, col, &[newloc]);
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
        let mut plcd = sg.shift(rng.choice(&inds2.to_vec())?);
        let mut tr = 0;
        while !plcd.toindices().issubset(&inds2) && tr < maxtr {
            plcd = sg.shift(rng.choice(&inds2.to_vec())?);
            tr += 1;
        }
        if tr < maxtr {
            inds2 = dsl::difference(&inds2, &(&plcd.toindices() | &dsl::outbox(&plcd)));
            gi = dsl::paint(&gi, &plcd);
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
        gi = fill_locs(&gi, col, &chosinds[..endidx as usize]);
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
        let (loci, locj) = rng.choice(&cands.to_vec())?;
        let sq = dsl::backdrop(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
        if sq.issubset(&inds) {
            inds = &inds - &sq;
            succ += 1;
            let col = rng.choice(&ccols)?;
            let crns = dsl::corners(&sq);
            gi = dsl::fill(&gi, col, &crns);
            go = dsl::fill(&go, col, &crns);
            go = dsl::fill(&go, 2, &dsl::backdrop(&dsl::inbox(&crns)));
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
        subg2 = dsl::fill(&subg2, bgc, &dsl::connect((j, 0), (j, ow - 2)));
    }
    let subg = dsl::paint(&subg, &dsl::asobject(&subg2).shift((0, 1)));
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
        go = fill_locs(&go, gitrg[a as usize][b as usize], &shifted);
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
    loop {
        let h = unifint(rng, diff_lb, diff_ub, (10, 30));
        let w = unifint(rng, diff_lb, diff_ub, (10, 30));
        let oh = unifint(rng, diff_lb, diff_ub, (2, h / 3 - 1));
        let ow = unifint(rng, diff_lb, diff_ub, (2, w / 3 - 1));
        let numcd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
        let numc = rng.choice(&[numcd, oh * ow - numcd])?;
        let numca = numc.max(2).min(oh * ow - 2);
        let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
        let sp = rng.choice(&bounds.to_vec())?;
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
        // Each shape as its container iterates it (a frozenset and a set),
        // which is the order `shift` builds its frozenset in.
        let (mut shpa, mut shpb) = (shpa.to_vec(), shpb.to_vec());
        if rng.choice(&[true, false])? {
            std::mem::swap(&mut shpa, &mut shpb);
        }
        let shift_of =
            |s: &[Loc], d: Loc| -> Indices { s.iter().map(|&l| dsl::add(l, d)).collect() };
        let dims = |s: &[Loc]| {
            let f: Indices = s.iter().copied().collect();
            dsl::shape(&f)
        };
        let ((ha, wa), (hb, wb)) = (dims(&shpa), dims(&shpb));
        let bf = rng.sample(&cols, 2)?;
        let (bgc, fgc) = (bf[0], bf[1]);
        let c = dsl::canvas(bgc, (h, w));
        let inds = dsl::asindices(&c);
        let acands = dsl::sfilter(&inds, |&(i, j)| i <= h - ha && j <= w - wa);
        let aloc = rng.choice(&acands.to_vec())?;
        let aplcd = shift_of(&shpa, aloc);
        let mut gi = dsl::fill(&c, fgc, &aplcd);
        let mut go = dsl::fill(&c, 2, &aplcd);
        let maxtrials = 10;
        let (mut tr, mut succ) = (0, 0);
        let inds = &(&inds - &aplcd) - &around(&aplcd);
        let mut inds = dsl::sfilter(&inds, |&(i, j)| i <= h - hb && j <= w - wb);
        while succ < 2 && tr <= maxtrials {
            if inds.is_empty() {
                break;
            }
            let loc = rng.choice(&inds.to_vec())?;
            let plcbd = shift_of(&shpb, loc);
            if plcbd.issubset(&inds) {
                gi = dsl::fill(&gi, fgc, &plcbd);
                go = dsl::fill(&go, 1, &plcbd);
                succ += 1;
                inds = &(&inds - &plcbd) - &around(&plcbd);
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
    let mut inds = dsl::asindices(&dsl::canvas(-1, (h + 2, w + 2))).shift((-1, -1));
    for elem in &opts {
        let mut loc = (-1, -1);
        let mut tr = 0;
        while !elem.shift(loc).toindices().issubset(&inds) && tr < 5 {
            loc = rng.choice(&inds.to_vec())?;
            tr += 1;
        }
        let xx = elem.shift(loc);
        let xxi = xx.toindices();
        if xxi.issubset(&inds) {
            gi = dsl::paint(&gi, &xx);
            let out: Object = if elem.len() == 12 {
                // A bar's background cells become 3 in the output (its
                // cells are at distinct locations, so the set's order
                // does not matter to the paint).
                xx.iter()
                    .map(|&(v, l)| if v != bgc { (v, l) } else { (3, l) })
                    .collect()
            } else {
                xx.clone()
            };
            go = dsl::paint(&go, &out);
            inds = &inds - &xxi;
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}
