//! rearc generators TASK_IDS[127..263], each named `generate_<task id>` as
//! in `rearc_utils/generators.py` (being ported, in task-id order).

use dataset_core::{DatasetError, Result};
use pycompat::{AnySet, PySet};

use super::common::*;
use super::{unifint, Example, GenRng, Generator};
use crate::rearc::dsl::{self, Cell, Grid, Loc, Object, Patch};

/// This part's ported generators, in task-id order.
pub(super) const PORTED: &[(&str, Generator)] = &[
    ("5521c0d9", generate_5521c0d9),
    ("5582e5ca", generate_5582e5ca),
    ("5614dbcf", generate_5614dbcf),
    ("56dc2b01", generate_56dc2b01),
    ("56ff96f3", generate_56ff96f3),
    ("57aa92db", generate_57aa92db),
    ("5ad4f10b", generate_5ad4f10b),
    ("5bd6f4ac", generate_5bd6f4ac),
];

/// `shift(a_set_of_cells, d)`: a frozenset built by iterating the set.
fn shift_cells(s: &PySet<Cell>, (di, dj): Loc) -> Object {
    s.iter().map(|&(v, (i, j))| (v, (i + di, j + dj))).collect()
}

/// `upscale(a_set_of_cells, factor)`: as `dsl::upscale`, but its first
/// `shift` iterates the set itself (a frozenset copy could iterate in
/// another order).
fn upscale_cells(s: &PySet<Cell>, factor: i64) -> Object {
    if s.is_empty() {
        return Object::new();
    }
    let di = s.iter().map(|c| c.1 .0).min().unwrap_or(0);
    let dj = s.iter().map(|c| c.1 .1).min().unwrap_or(0);
    let normed = shift_cells(s, (-di, -dj));
    let mut up: PySet<Cell> = PySet::new();
    for &(value, (i, j)) in normed.iter() {
        for io in 0..factor {
            for jo in 0..factor {
                up.add((value, (i * factor + io, j * factor + jo)));
            }
        }
    }
    up.freeze().shift((di, dj))
}

/// `rng.choice(seq)` where Python indexes an empty sequence: `IndexError`.
fn pick<T: Clone>(rng: &mut GenRng, seq: &[T]) -> Result<T> {
    if seq.is_empty() {
        return Err(DatasetError::Generation(
            "Cannot choose from an empty sequence".into(),
        ));
    }
    rng.choice(seq)
}

fn ex(input: Grid, output: Grid) -> Result<Example> {
    Ok(Example { input, output })
}

fn generate_5521c0d9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let inds = dsl::interval(0, w, 1);
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let mut speps = rng.sample(&inds, nobjs * 2)?;
    while speps.contains(&0) || speps.contains(&(w - 1)) {
        let nobjs = unifint(rng, diff_lb, diff_ub, (1, w / 3));
        speps = rng.sample(&inds, nobjs * 2)?;
    }
    speps.sort();
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, ncols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut forb = -1;
    for se in speps.chunks_exact(2) {
        let (sp, ep) = (se[0], se[1]);
        let col = pick(rng, &dsl::remove(&forb, &ccols))?;
        forb = col;
        let hdev = unifint(rng, diff_lb, diff_ub, (0, h / 2));
        let hei = rng.choice(&[hdev, h - hdev])?;
        let hei = hei.max(1).min(h - 1);
        let obj = dsl::backdrop(&pair_set((h - hei, sp), (h - 1, ep)));
        gi = dsl::fill(&gi, col, &obj);
        go = dsl::fill(&go, col, &obj.shift((-hei, 0)));
    }
    // `rng.choice((identity, rot90, rot180, rot270))`.
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_5582e5ca(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let numc = unifint(rng, diff_lb, diff_ub, (2, 10.min(h * w - 1)));
    let ccols = rng.sample(&colopts, numc)?;
    let mostc = ccols[0];
    let remcols = &ccols[1..];
    let leastnummostcol = (h * w) / numc + 1;
    let maxnummostcol = h * w - numc + 1;
    let nummostcold = unifint(rng, diff_lb, diff_ub, (0, maxnummostcol - leastnummostcol));
    let nummostcol = leastnummostcol
        .max(maxnummostcol - nummostcold)
        .min(maxnummostcol);
    let kk = remcols.len() as i64;
    let remcount = h * w - nummostcol - kk;
    let mut remcounts = vec![1i64; remcols.len()];
    for _ in 0..remcount.max(0) {
        let cands: Vec<usize> = (0..remcounts.len())
            .filter(|&i| remcounts[i] < nummostcol - 1)
            .collect();
        if cands.is_empty() {
            break;
        }
        let idx = rng.choice(&cands)?;
        remcounts[idx] += 1;
    }
    let nummostcol = h * w - remcounts.iter().sum::<i64>();
    let gi = dsl::canvas(-1, (h, w));
    let mut inds = dsl::asindices(&gi);
    let mclocs = rng.sample(&inds.to_vec(), nummostcol)?;
    let mut gi = fill_locs(&gi, mostc, &mclocs);
    let go = dsl::canvas(mostc, (h, w));
    inds = inds.difference(&mclocs.iter().copied().collect::<PySet<Loc>>());
    for (&col, &count) in remcols.iter().zip(&remcounts) {
        let locs = rng.sample(&inds.to_vec(), count)?;
        inds = inds.difference(&locs.iter().copied().collect::<PySet<Loc>>());
        gi = fill_locs(&gi, col, &locs);
    }
    ex(gi, go)
}

fn generate_5614dbcf(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::remove(&5, &dsl::interval(1, 10, 1));
    let noisedindscands = dsl::asindices(&dsl::canvas(0, (3, 3))).to_vec();
    let d = unifint(rng, diff_lb, diff_ub, (2, 10));
    let mut go = dsl::canvas(0, (d, d));
    let inds = dsl::asindices(&go).to_vec();
    let numocc = unifint(rng, diff_lb, diff_ub, (1, d * d));
    let numcol = unifint(rng, diff_lb, diff_ub, (1, 8));
    let occs = rng.sample(&inds, numocc)?;
    let colset = rng.sample(&colopts, numcol)?;
    let mut gi = dsl::upscale_grid(&go, 3);
    for &occ in &inds {
        let (oi, oj) = (3 * occ.0, 3 * occ.1);
        let numnoise = unifint(rng, diff_lb, diff_ub, (0, 8));
        let noise = rng.sample(&noisedindscands, numnoise)?;
        if occs.contains(&occ) {
            let col = rng.choice(&colset)?;
            go = fill_locs(&go, col, &[occ]);
            let sh: Vec<Loc> = noisedindscands
                .iter()
                .map(|&(i, j)| (i + oi, j + oj))
                .collect();
            gi = fill_locs(&gi, col, &sh);
        }
        let sh: Vec<Loc> = noise.iter().map(|&(i, j)| (i + oi, j + oj)).collect();
        gi = fill_locs(&gi, 5, &sh);
    }
    ex(gi, go)
}

fn generate_56dc2b01(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 8]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (1, h));
    let ow = unifint(rng, diff_lb, diff_ub, (1, (w - 1) / 2 - 1));
    let bb = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    let sp = rng.choice(&bb.to_vec())?;
    let mut obj: PySet<Loc> = std::iter::once(sp).collect();
    let bb = dsl::remove(&sp, &bb);
    let ncellsd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
    let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
    let ncells = ncells.max(0).min(oh * ow - 1);
    for _ in 0..ncells {
        grow_by(rng, &bb, &mut obj, dsl::neighbors)?;
    }
    let obj = normalize_set(&obj);
    let (oh, ow) = dsl::shape(&obj);
    let loci = rng.randint(0, h - oh)?;
    let locj = unifint(rng, diff_lb, diff_ub, (1, w - ow));
    let bo = rng.sample(&cols, 2)?;
    let (bgc, objc) = (bo[0], bo[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let barlocji = unifint(rng, diff_lb, diff_ub, (0, locj));
    let barlocj = (locj - barlocji).max(0).min(locj - 1);
    gi = dsl::fill(&gi, 2, &dsl::connect((0, barlocj), (h - 1, barlocj)));
    let mut go = dsl::fill(&gi, objc, &obj.shift((loci, barlocj + 1)));
    go = dsl::fill(
        &go,
        8,
        &dsl::connect((0, barlocj + ow + 1), (h - 1, barlocj + ow + 1)),
    );
    gi = dsl::fill(&gi, objc, &obj.shift((loci, locj)));
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    ex(gi, go)
}

fn generate_56ff96f3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 9));
    let mut indss = dsl::asindices(&gi);
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    while succ < num && tr <= maxtrials {
        if remcols.is_empty() || indss.is_empty() {
            break;
        }
        let oh = rng.randint(2, 7)?;
        let ow = rng.randint(2, 7)?;
        let subs = dsl::sfilter(&indss, |&(i, j)| i < h - oh && j < w - ow).to_vec();
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = rng.choice(&subs)?;
        let bd = dsl::backdrop(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
        let col = rng.choice(&remcols)?;
        if bd.issubset(&indss) {
            remcols = dsl::remove(&col, &remcols);
            let cnrs = if rng.choice(&[true, false])? {
                [(loci, locj), (loci + oh - 1, locj + ow - 1)]
            } else {
                [(loci + oh - 1, locj), (loci, locj + ow - 1)]
            };
            gi = fill_locs(&gi, col, &cnrs);
            go = dsl::fill(&go, col, &bd);
            succ += 1;
            indss = &indss - &bd;
        }
        tr += 1;
    }
    ex(gi, go)
}

fn generate_57aa92db(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let oh = rng.randint(2, 5)?;
    let ow = rng.randint(2, 5)?;
    let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    let mut obj: PySet<Loc> = std::iter::once(rng.choice(&bounds.to_vec())?).collect();
    let ncellsd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
    let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
    let ncells = ncells.max(3).min(oh * ow);
    for _ in 0..ncells - 1 {
        grow_by(rng, &bounds, &mut obj, dsl::neighbors)?;
    }
    let obj = normalize_set(&obj);
    let (oh, ow) = dsl::shape(&obj);
    let fixp = rng.choice(&obj.to_vec())?;
    let bfm = rng.sample(&cols, 3)?;
    let (bgc, fixc, mainc) = (bfm[0], bfm[1], bfm[2]);
    let remcols = without(&cols, &[bgc, fixc, mainc]);
    let mut gi = dsl::canvas(bgc, (h, w));
    // `{(fixc, fixp)} | recolor(...)`: a set.
    let obj: PySet<Cell> = std::iter::once((fixc, fixp))
        .collect::<PySet<Cell>>()
        .union(&dsl::recolor(mainc, &dsl::remove(&fixp, &obj)));
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let plcd = shift_cells(&obj, (loci, locj));
    gi = dsl::paint(&gi, &plcd);
    let mut go = gi.clone();
    let mut inds = &dsl::ofcolor(&gi, bgc) - &around(&dsl::toindices(&plcd));
    let nocc = unifint(rng, diff_lb, diff_ub, (1, (h * w) / (4 * obj.len() as i64)));
    let (mut tr, mut succ) = (0, 0);
    let maxtr = 5 * nocc;
    while succ < nocc && tr < maxtr {
        tr += 1;
        let fac = rng.randint(1, 4)?;
        let objups = upscale_cells(&obj, fac);
        let (hh, ww) = dsl::shape(&objups);
        let cands = dsl::sfilter(&inds, |&(i, j)| i <= h - hh && j <= w - ww);
        if cands.is_empty() {
            continue;
        }
        let loc = rng.choice(&cands.to_vec())?;
        let objupsplcd = objups.shift(loc);
        let objupsplcdi = dsl::toindices(&objupsplcd);
        if objupsplcdi.issubset(&inds) {
            succ += 1;
            let newc = pick(rng, &remcols)?;
            let fixp2 = dsl::sfilter(&objupsplcd, |c| c.0 == fixc);
            inds = &inds - &around(&objupsplcdi);
            gi = dsl::paint(&gi, &fixp2);
            go = dsl::paint(&go, &fixp2);
            let remobjfull = dsl::toindices(&(&objupsplcd - &fixp2));
            let ntorem = unifint(
                rng,
                diff_lb,
                diff_ub,
                (0, 0.max(remobjfull.len() as i64 - 1)),
            );
            let ntokeep = remobjfull.len() as i64 - ntorem;
            let first = pick(rng, &(&remobjfull & &dsl::outbox(&fixp2)).to_vec())?;
            let mut tokeep: PySet<Loc> = std::iter::once(first).collect();
            let fixp2i = dsl::toindices(&fixp2);
            for _ in 0..ntokeep - 1 {
                let fullopts =
                    remobjfull.intersection(&mapply_set(dsl::neighbors, &tokeep.union(&fixp2i)));
                let remopts = fullopts.difference(&tokeep);
                tokeep.add(pick(rng, &remopts.to_vec())?);
            }
            gi = fill_locs(&gi, newc, tokeep.iter());
            go = dsl::fill(&go, newc, &remobjfull);
        }
    }
    ex(gi, go)
}

fn generate_5ad4f10b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    // `nbhs`: the four 2x2 windows holding a cell; only their sizes of
    // overlap with the object are used, so their order does not matter.
    let nbhs: [[Loc; 4]; 4] = [(0, 0), (-1, 0), (0, -1), (-1, -1)]
        .map(|(a, b)| [(a, b), (a + 1, b), (a, b + 1), (a + 1, b + 1)]);
    let oh = unifint(rng, diff_lb, diff_ub, (2, 6));
    let ow = unifint(rng, diff_lb, diff_ub, (2, 6));
    let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow))).to_vec();
    let ncellsd = unifint(rng, diff_lb, diff_ub, (1, (oh * ow) / 2));
    let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
    let ncells = ncells.max(1).min(oh * ow - 1);
    let mut obj: PySet<Loc> = rng.sample(&bounds, ncells)?.into_iter().collect();
    let loose = |obj: &PySet<Loc>| {
        obj.iter().any(|&(i, j)| {
            nbhs.iter().any(|nbh| {
                nbh.iter()
                    .filter(|&&(a, b)| obj.contains(&(a + i, b + j)))
                    .count()
                    < 4
            })
        })
    };
    while !loose(&obj) {
        let ncellsd = unifint(rng, diff_lb, diff_ub, (1, (oh * ow) / 2));
        let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
        let ncells = ncells.max(1).min(oh * ow);
        obj = rng.sample(&bounds, ncells)?.into_iter().collect();
    }
    let obj = normalize_set(&obj);
    let (oh, ow) = dsl::shape(&obj);
    let bno = rng.sample(&cols, 3)?;
    let (bgc, noisec, objc) = (bno[0], bno[1], bno[2]);
    let go = dsl::fill(&dsl::canvas(bgc, (oh, ow)), noisec, &obj);
    let fac = unifint(rng, diff_lb, diff_ub, (2, (28 / oh).min(28 / ow)));
    let gobj = dsl::asobject(&dsl::upscale_grid(&dsl::replace(&go, noisec, objc), fac));
    let (oh, ow) = dsl::shape(&gobj);
    let h = unifint(rng, diff_lb, diff_ub, (oh + 2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (ow + 2, 30));
    let loci = rng.randint(1, h - oh - 1)?;
    let locj = rng.randint(1, w - ow - 1)?;
    let gi = dsl::paint(&dsl::canvas(bgc, (h, w)), &gobj.shift((loci, locj)));
    let cands = dsl::ofcolor(&gi, bgc);
    let namt = unifint(rng, diff_lb, diff_ub, (2, 1.max(cands.len() as i64 / 4)));
    let noise = rng.sample(&cands.to_vec(), namt)?;
    ex(fill_locs(&gi, noisec, &noise), go)
}

fn generate_5bd6f4ac(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for col in colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        gi = fill_locs(&gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go = dsl::rot90(&dsl::crop(&dsl::rot270(&gi), (0, 0), (3, 3)));
    ex(gi, go)
}
