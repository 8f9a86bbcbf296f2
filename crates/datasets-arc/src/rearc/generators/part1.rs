//! rearc generators TASK_IDS[0..127] (007bbfb7 … 54d9e175), each named
//! `generate_<task id>` as in `rearc_utils/generators.py`.

use dataset_core::{DatasetError, Result};
use pycompat::{AnySet, PySet};

use super::common::*;
use super::{unifint, Example, GenRng, Generator};
use crate::rearc::dsl::{self, Grid, Indices, Loc, Patch};

/// This part's ported generators, in task-id order.
pub(super) const PORTED: &[(&str, Generator)] = &[
    ("007bbfb7", generate_007bbfb7),
    ("00d62c1b", generate_00d62c1b),
    ("017c7c7b", generate_017c7c7b),
    ("025d127b", generate_025d127b),
    ("045e512c", generate_045e512c),
    ("0520fde7", generate_0520fde7),
    ("05269061", generate_05269061),
    ("05f2a901", generate_05f2a901),
    ("06df4c85", generate_06df4c85),
    ("08ed6ac7", generate_08ed6ac7),
    ("09629e4f", generate_09629e4f),
    ("0962bcdd", generate_0962bcdd),
    ("0a938d79", generate_0a938d79),
    ("0b148d64", generate_0b148d64),
    ("0ca9ddb6", generate_0ca9ddb6),
    ("0d3d703e", generate_0d3d703e),
    ("0dfd9992", generate_0dfd9992),
    ("0e206a2e", generate_0e206a2e),
    ("10fcaaa3", generate_10fcaaa3),
    ("11852cab", generate_11852cab),
    ("1190e5a7", generate_1190e5a7),
    ("137eaa0f", generate_137eaa0f),
    ("150deff5", generate_150deff5),
    ("178fcbfb", generate_178fcbfb),
    ("1a07d186", generate_1a07d186),
    ("1b2d62fb", generate_1b2d62fb),
    ("1b60fb0c", generate_1b60fb0c),
    ("1bfc4729", generate_1bfc4729),
    ("1c786137", generate_1c786137),
    ("1caeab9d", generate_1caeab9d),
    ("1cf80156", generate_1cf80156),
    ("1e0a9b12", generate_1e0a9b12),
    ("1e32b0e9", generate_1e32b0e9),
    ("1f0c79e5", generate_1f0c79e5),
    ("1f642eb9", generate_1f642eb9),
    ("1f85a75f", generate_1f85a75f),
    ("1f876c06", generate_1f876c06),
    ("1fad071e", generate_1fad071e),
    ("2013d3e2", generate_2013d3e2),
    ("2204b7a8", generate_2204b7a8),
    ("22168020", generate_22168020),
    ("22233c11", generate_22233c11),
    ("2281f1f4", generate_2281f1f4),
    ("228f6490", generate_228f6490),
    ("22eb0ac0", generate_22eb0ac0),
    ("234bbc79", generate_234bbc79),
    ("23581191", generate_23581191),
    ("239be575", generate_239be575),
    ("23b5c85d", generate_23b5c85d),
    ("253bf280", generate_253bf280),
    ("25d487eb", generate_25d487eb),
    ("25d8a9c8", generate_25d8a9c8),
    ("25ff71a9", generate_25ff71a9),
    ("264363fd", generate_264363fd),
    ("272f95fa", generate_272f95fa),
    ("27a28665", generate_27a28665),
    ("28bf18c6", generate_28bf18c6),
    ("28e73c20", generate_28e73c20),
    ("29623171", generate_29623171),
    ("29c11459", generate_29c11459),
    ("29ec7d0e", generate_29ec7d0e),
    ("2bcee788", generate_2bcee788),
    ("2bee17df", generate_2bee17df),
    ("2c608aff", generate_2c608aff),
    ("2dc579da", generate_2dc579da),
    ("2dd70a9a", generate_2dd70a9a),
    ("2dee498d", generate_2dee498d),
    ("31aa019c", generate_31aa019c),
    ("321b1fc6", generate_321b1fc6),
    ("32597951", generate_32597951),
    ("3345333e", generate_3345333e),
    ("3428a4f5", generate_3428a4f5),
    ("3618c87e", generate_3618c87e),
    ("3631a71a", generate_3631a71a),
    ("363442ee", generate_363442ee),
    ("36d67576", generate_36d67576),
    ("36fdfd69", generate_36fdfd69),
    ("3906de3d", generate_3906de3d),
    ("39a8645d", generate_39a8645d),
    ("39e1d7f9", generate_39e1d7f9),
    ("3aa6fb7a", generate_3aa6fb7a),
    ("3ac3eb23", generate_3ac3eb23),
    ("3af2c5a8", generate_3af2c5a8),
    ("3bd67248", generate_3bd67248),
    ("3bdb4ada", generate_3bdb4ada),
    ("3befdf3e", generate_3befdf3e),
    ("3c9b0459", generate_3c9b0459),
    ("3de23699", generate_3de23699),
    ("3e980e27", generate_3e980e27),
    ("3eda0437", generate_3eda0437),
    ("3f7978a0", generate_3f7978a0),
    ("40853293", generate_40853293),
    ("4093f84a", generate_4093f84a),
    ("41e4d17e", generate_41e4d17e),
    ("4258a5f9", generate_4258a5f9),
    ("4290ef0e", generate_4290ef0e),
    ("42a50994", generate_42a50994),
    ("4347f46a", generate_4347f46a),
    ("444801d8", generate_444801d8),
    ("445eab21", generate_445eab21),
    ("447fd412", generate_447fd412),
    ("44d8ac46", generate_44d8ac46),
    ("44f52bb0", generate_44f52bb0),
    ("4522001f", generate_4522001f),
    ("4612dd53", generate_4612dd53),
    ("46442a0e", generate_46442a0e),
    ("469497ad", generate_469497ad),
    ("46f33fce", generate_46f33fce),
    ("47c1f68c", generate_47c1f68c),
    ("484b58aa", generate_484b58aa),
    ("48d8fb45", generate_48d8fb45),
    ("4938f0c2", generate_4938f0c2),
    ("496994bd", generate_496994bd),
    ("49d1d64f", generate_49d1d64f),
    ("4be741c5", generate_4be741c5),
    ("4c4377d9", generate_4c4377d9),
    ("4c5c2cf0", generate_4c5c2cf0),
    ("50846271", generate_50846271),
    ("508bd3b6", generate_508bd3b6),
    ("50cb2852", generate_50cb2852),
    ("5117e062", generate_5117e062),
    ("5168d44c", generate_5168d44c),
    ("539a4f51", generate_539a4f51),
    ("53b68214", generate_53b68214),
    ("543a7ed5", generate_543a7ed5),
    ("54d82841", generate_54d82841),
    ("54d9e175", generate_54d9e175),
];

fn generate_007bbfb7(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let c = dsl::canvas(0, (h, w));
    let numcd = unifint(rng, diff_lb, diff_ub, (0, dsl::floordiv(h * w, 2)));
    let numc = rng.choice(&[numcd, h * w - numcd])?;
    let numc = numc.max(1).min(h * w - 1);
    let inds = dsl::totuple(&dsl::asindices(&c));
    let locs = rng.sample(&inds, numc)?;
    let fgc = rng.choice(&cols)?;
    // `fill` and `shift` take the sampled list as a patch; a fill's result
    // does not depend on the order of its locations.
    let gi = fill_locs(&c, fgc, &locs);
    let mut go = dsl::canvas(0, (h * h, w * w));
    for &loc in &locs {
        let (di, dj) = dsl::multiply(loc, (h, w));
        let shifted: Vec<Loc> = locs.iter().map(|&(i, j)| (i + di, j + dj)).collect();
        fill_locs_in(&mut go, fgc, &shifted);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_00d62c1b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[4]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let nblocks = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 20));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nblocks;
    // `inds`, whose order the draws read, also as a row-major mask; its
    // placements are kept per shape until it changes.
    let mut inds = dsl::asindices(&gi);
    let mut in_inds = vec![true; (h * w) as usize];
    let mut fits = FitMemo::default();
    while succ < nblocks && tr < maxtr {
        tr += 1;
        let oh = rng.randint(3, 8)?;
        let ow = rng.randint(3, 8)?;
        let cands = fits.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let (loci, locj) = rng.choice(cands)?;
        let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        // `bx - set(rng.sample(totuple(corners(bx)), rng.randint(0, 4)))`:
        // the tuple is built before the draw of its size. `corners` is a set
        // display of the four corners; `bx`, the outline, is only read for
        // membership, its size and a fill.
        let corners: PySet<Loc> = [ul, (loci, lr.1), (lr.0, locj), lr].into_iter().collect();
        let corners = corners.freeze().to_vec();
        let k = rng.randint(0, 4)?;
        let cut = rng.sample(&corners, k)?;
        let bx: Vec<Loc> = outline_cells(ul, lr)
            .into_iter()
            .filter(|l| !cut.contains(l))
            .collect();
        // `bx` lies in the grid, so when it is a subset `inds - bx` has
        // `len(inds) - len(bx)` members.
        if bx.iter().all(|&(i, j)| in_inds[(i * w + j) as usize])
            && (inds.len() - bx.len()) as i64 > (h * w) / 2 + 1
        {
            fill_locs_in(&mut gi, fgc, &bx);
            succ += 1;
            let on_bx = |&(i, j): &Loc| {
                in_rect((i, j), ul, lr)
                    && (i == loci || i == lr.0 || j == locj || j == lr.1)
                    && !cut.contains(&(i, j))
            };
            inds = minus_cells(&inds, &bx, on_bx);
            for &(i, j) in &bx {
                in_inds[(i * w + j) as usize] = false;
            }
            fits.changed();
        }
    }
    let maxnnoise = 0.max((h * w) / 2 - 1 - dsl::colorcount(&gi, fgc) as i64);
    let namt = unifint(rng, diff_lb, diff_ub, (0, maxnnoise));
    let noise = rng.sample(&inds.to_vec(), namt)?;
    fill_locs_in(&mut gi, fgc, &noise);
    // The background components that touch no edge, filled with one color.
    let go = fill_mask(&gi, 4, &enclosed_mask(&gi, bgc, false));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_017c7c7b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[0, 2]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 10));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let h = h + h;
    let fgc = rng.choice(&cols)?;
    let mut go = dsl::canvas(0, (h + h / 2, w));
    // `h // 3 * 2`: floor first, then double.
    let oh = unifint(rng, diff_lb, diff_ub, (1, h / 3 * 2));
    let ow = unifint(rng, diff_lb, diff_ub, (1, w));
    // Drawn and never used, as in Python.
    let _locj = rng.randint(0, w - ow)?;
    let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    let ncellsd = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
    let ncells = ncells.max(1).min(oh * ow);
    let obj = rng.sample(&bounds.to_vec(), ncells)?;
    for k in 0..(2 * h) / oh {
        let shifted: Vec<Loc> = obj.iter().map(|&(i, j)| (i + k * oh, j)).collect();
        fill_locs_in(&mut go, 2, &shifted);
    }
    let gi = dsl::replace(&go[..h as usize].to_vec(), 2, fgc);
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// 025d127b's `inobj`, `outobj` and `fullobj` for an `oh` by `ow` shape at
/// the origin, as their locations (in no particular order). They depend on
/// `(oh, ow)` alone, and each is only filled, subset-tested or subtracted
/// (size and membership) once moved, so they are built once per shape and
/// thread.
fn shapes_025d127b(oh: i64, ow: i64) -> std::rc::Rc<[Vec<Loc>; 3]> {
    use std::cell::RefCell;
    use std::rc::Rc;
    type Kept = Vec<(Loc, Rc<[Vec<Loc>; 3]>)>;
    thread_local! {
        static KEPT: RefCell<Kept> = const { RefCell::new(Vec::new()) };
    }
    KEPT.with(|c| {
        let mut c = c.borrow_mut();
        if let Some((_, s)) = c.iter().find(|(k, _)| *k == (oh, ow)) {
            return Rc::clone(s);
        }
        let topl = dsl::connect((0, 0), (0, ow - 1));
        let leftl = dsl::connect((1, 0), (oh - 2, oh - 3));
        let rightl = dsl::connect((1, ow), (oh - 2, ow + oh - 3));
        let botl = dsl::connect((oh - 1, oh - 2), (oh - 1, oh - 3 + ow));
        let inobj = &(&(&topl | &leftl) | &rightl) | &botl;
        let last: PySet<Loc> = std::iter::once((oh - 2, ow + oh - 3)).collect();
        let outobj = (&(&(&topl.shift((0, 1)) | &botl) | &leftl.shift((0, 1)))
            | &dsl::connect((1, ow + 1), (oh - 3, ow + oh - 3)))
            .union(&last);
        let right = dsl::rightmost(&inobj);
        let outobj = dsl::sfilter(&outobj, |&(_, j)| j <= right);
        let fullobj = &inobj | &outobj;
        let s = Rc::new([inobj.to_vec(), outobj.to_vec(), fullobj.to_vec()]);
        c.push(((oh, ow), Rc::clone(&s)));
        s
    })
}

fn generate_025d127b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, numcols)?;
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 20));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nobjs;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (the choice over its sfilter), so it stays
    // CPython's table, as a `GridSet`; the sfilter is kept per shape until
    // `inds` changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let oh = rng.randint(3, 6)?;
        let ow = rng.randint(3, 6)?;
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        let [inobj, outobj, fullobj] = &*shapes_025d127b(oh, ow);
        let moved =
            |cells: &[Loc]| -> Vec<Loc> { cells.iter().map(|&l| dsl::add(l, loc)).collect() };
        let fullobj = moved(fullobj);
        // (A shape past the grid's right edge, beyond `GridSet`'s frame, is
        // in no `inds`.)
        let in_inds = |l: Loc| in_rect(l, (0, 0), (h - 1, w - 1)) && inds.contains(gid(l));
        if fullobj.iter().all(|&l| in_inds(l)) {
            // `(inds - fullobj) - mapply(neighbors, fullobj)`.
            let ids: Vec<u16> = fullobj.iter().map(|&l| gid(l)).collect();
            let near = Around::new(fullobj.iter().copied(), dsl::neighbors);
            inds = inds.difference_ids(&ids).difference_locs(near.cells());
            memo.changed();
            succ += 1;
            let col = rng.choice(&ccols)?;
            fill_locs_in(&mut gi, col, &moved(inobj));
            fill_locs_in(&mut go, col, &moved(outobj));
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_045e512c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (11, 30));
    let w = unifint(rng, diff_lb, diff_ub, (11, 30));
    let (oh, ow, obj) = loop {
        let oh = unifint(rng, diff_lb, diff_ub, (2, 4.min((h - 2) / 3)));
        let ow = unifint(rng, diff_lb, diff_ub, (2, 4.min((w - 2) / 3)));
        let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
        let c1 = rng.choice_in(&dsl::connect((0, 0), (oh - 1, 0)))?;
        let c2 = rng.choice_in(&dsl::connect((0, 0), (0, ow - 1)))?;
        let c3 = rng.choice_in(&dsl::connect((oh - 1, ow - 1), (oh - 1, 0)))?;
        let c4 = rng.choice_in(&dsl::connect((oh - 1, ow - 1), (0, ow - 1)))?;
        // `obj = {c1, c2, c3, c4}`: a mutable set, grown below.
        let mut obj: PySet<Loc> = [c1, c2, c3, c4].into_iter().collect();
        let mut remcands = bounds.difference(&obj).to_vec();
        let ncells = unifint(rng, diff_lb, diff_ub, (0, remcands.len() as i64));
        for _ in 0..ncells {
            let loc = rng.choice(&remcands)?;
            obj.add(loc);
            remcands = dsl::remove(&loc, &remcands);
        }
        // `normalize(obj)` of a set: a frozenset built by iterating it.
        let top = obj.iter().map(|l| l.0).min().unwrap_or(0);
        let left = obj.iter().map(|l| l.1).min().unwrap_or(0);
        let objt: Indices = obj.iter().map(|&(i, j)| (i - top, j - left)).collect();
        let cc = dsl::fill(&dsl::canvas(0, dsl::shape(&objt)), 1, &objt);
        // `len(colorfilter(objects(cc, T, T, F), 1))`: a count, so the
        // components' labels (the distinct ones of the 1 cells) give it.
        let (labels, _) = component_labels(&cc, true);
        let mut ones: Vec<usize> = Vec::new();
        for (&v, &l) in cc.iter().flatten().zip(&labels) {
            if v == 1 && !ones.contains(&l) {
                ones.push(l);
            }
        }
        if ones.len() == 1 {
            break (oh, ow, obj);
        }
    };
    let loci = rng.randint(oh + 1, h - 2 * oh - 1)?;
    let locj = rng.randint(ow + 1, w - 2 * ow - 1)?;
    let loc = (loci, locj);
    let bo = rng.sample(&cols, 2)?;
    let (bgc, objc) = (bo[0], bo[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&objc, &cols));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, ncols)?;
    let gi = dsl::canvas(bgc, (h, w));
    let go = dsl::canvas(bgc, (h, w));
    // `recolor(objc, obj)` iterates the set itself (`toindices` of a set of
    // locations is that set).
    let recolored: dsl::Object = obj.iter().map(|&l| (objc, l)).collect();
    let obj = recolored.shift(loc);
    let mut gi = dsl::painted(gi, &obj);
    let mut go = dsl::painted(go, &obj);
    let options = dsl::neighbors((0, 0)).to_vec();
    let ndirs = unifint(rng, diff_lb, diff_ub, (1, 8));
    let dirs = rng.sample(&options, ndirs)?;
    let mut dcols = Vec::new();
    for _ in 0..ndirs {
        dcols.push(rng.choice(&ccols)?);
    }
    // `bars`, two `hfrontier`s and two `vfrontier`s (30 cells each), is
    // only tested for membership.
    let in_bars = |(i, j): Loc| {
        let (row, col) = ((0..30).contains(&j), (0..30).contains(&i));
        (row && (i == loci - 2 || i == loci + oh + 1))
            || (col && (j == locj - 2 || j == locj + ow + 1))
    };
    // The object's locations, for the fills of its shifted copies (one
    // value each, so in any order; cells off the grid are skipped).
    let obj_locs: Vec<Loc> = obj.iter().map(|c| c.1).collect();
    let mut shifted: Vec<Loc> = Vec::with_capacity(obj_locs.len());
    let ofs = (oh + 1, ow + 1);
    for (&direc, &col) in dirs.iter().zip(&dcols) {
        let indicatorobj = obj.shift(dsl::multiply(direc, ofs));
        let indicatorobj = dsl::sfilter(&indicatorobj, |c| in_bars(c.1));
        let nindsd = unifint(rng, diff_lb, diff_ub, (0, indicatorobj.len() as i64 - 1));
        let ninds = indicatorobj.len() as i64 - nindsd;
        let picked = rng.sample(&indicatorobj.to_vec(), ninds)?;
        // `set(...)` of the sampled cells: distinct cells, so its size is
        // the sample's.
        let picked: PySet<dsl::Cell> = picked.into_iter().collect();
        if !picked.is_empty() && picked.len() < obj.len() {
            let locs: Vec<Loc> = picked.iter().map(|c| c.1).collect();
            fill_locs_in(&mut gi, col, &locs);
            for k in 1..10 {
                let d = dsl::multiply((k * direc.0, k * direc.1), ofs);
                shifted.clear();
                shifted.extend(obj_locs.iter().map(|&l| dsl::add(l, d)));
                fill_locs_in(&mut go, col, &shifted);
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_0520fde7(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 14));
    let bgc = 0;
    let remcols = dsl::remove(&bgc, &cols);
    let barcol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&barcol, &remcols);
    let cola = rng.choice(&remcols)?;
    let colb = rng.choice(&remcols)?;
    let canv = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&canv).to_vec();
    let gbar = dsl::canvas(barcol, (h, 1));
    let mp = (h * w) / 2;
    let deva = unifint(rng, diff_lb, diff_ub, (0, mp));
    let devb = unifint(rng, diff_lb, diff_ub, (0, mp));
    let sgna = rng.choice(&[1, -1])?;
    let sgnb = rng.choice(&[1, -1])?;
    let numa = (h * w - 1).min(mp + sgna * deva).max(1);
    let numb = (h * w - 1).min(mp + sgnb * devb).max(1);
    let a = rng.sample(&inds, numa)?;
    let b = rng.sample(&inds, numb)?;
    let gia = fill_locs(&canv, cola, &a);
    let gib = fill_locs(&canv, colb, &b);
    let mut gi = dsl::hconcat(&dsl::hconcat(&gia, &gbar), &gib);
    let both: Vec<Loc> = a.iter().filter(|l| b.contains(l)).copied().collect();
    let mut go = fill_locs(&canv, 2, &both);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_05269061(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(1, 10, 1);
    let d = unifint(rng, diff_lb, diff_ub, (2, 30));
    let mut go = dsl::canvas(0, (d, d));
    let mut gi = dsl::canvas(0, (d, d));
    // Diagonal stripes (`shoot` up-right from the left column) or rows
    // (`hfrontier`), over `2d - 1` or `d` lines.
    let diagonal = rng.choice(&[true, false])?;
    let (lines, period_max) = if diagonal {
        (2 * d - 1, (2 * d - 2).min(9))
    } else {
        (d, d.min(9))
    };
    let num = unifint(rng, diff_lb, diff_ub, (2, period_max));
    let mut cols = Vec::new();
    for _ in 0..num {
        cols.push(rng.choice(&colopts)?);
    }
    let mut keeps = Vec::new();
    for j in 0..num {
        keeps.push(rng.choice(&dsl::interval(j, lines, num))?);
    }
    // `enumerate((cols * 30)[:lines])`: lines <= 59 < 2 * 30.
    for k in 0..lines.min(30 * num) {
        let col = cols[(k % num) as usize];
        let lin = if diagonal {
            dsl::shoot((k, 0), (-1, 1))
        } else {
            dsl::hfrontier((k, 0))
        };
        dsl::fill_in(&mut go, col, &lin);
        if keeps[(k % num) as usize] == k {
            dsl::fill_in(&mut gi, col, &lin);
        }
    }
    if rng.choice(&[true, false])? {
        gi = dsl::vmirror_grid(&gi);
        go = dsl::vmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_05f2a901(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let objh = unifint(rng, diff_lb, diff_ub, (2, (w / 2).min(h / 2)));
    let objw = unifint(rng, diff_lb, diff_ub, (objh, w / 2));
    let bb = dsl::asindices(&dsl::canvas(-1, (objh, objw)));
    let sp = rng.choice_in(&bb)?;
    let mut obj: PySet<Loc> = std::iter::once(sp).collect();
    let bb = dsl::remove(&sp, &bb);
    let ncells = unifint(rng, diff_lb, diff_ub, (objh + objw, objh * objw));
    for _ in 0..ncells - 1 {
        let cands = bb
            .difference(&obj)
            .intersection(&mapply_set(dsl::dneighbors, &obj));
        obj.add(rng.choice_in(&cands)?);
    }
    let (top, bottom) = bounds_of(&obj.iter().map(|l| l.0).collect::<Vec<_>>());
    let (left, right) = bounds_of(&obj.iter().map(|l| l.1).collect::<Vec<_>>());
    if (bottom - top + 1) * (right - left + 1) == obj.len() as i64 {
        // `remove(x, a_set)` rebuilds a set.
        let x = rng.choice_in(&obj)?;
        obj = obj.iter().filter(|&&l| l != x).copied().collect();
    }
    let top = obj.iter().map(|l| l.0).min().unwrap_or(0);
    let left = obj.iter().map(|l| l.1).min().unwrap_or(0);
    let obj: Indices = obj.iter().map(|&(i, j)| (i - top, j - left)).collect();
    let (objh, objw) = dsl::shape(&obj);
    let loci = unifint(rng, diff_lb, diff_ub, (3, h - objh));
    let locj = unifint(rng, diff_lb, diff_ub, (0, w - objw));
    let loc = (loci, locj);
    let bfd = rng.sample(&cols, 3)?;
    let (bgc, fgc, destc) = (bfd[0], bfd[1], bfd[2]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut obj = obj.shift(loc);
    dsl::fill_in(&mut gi, fgc, &obj);
    let sqd = rng.randint(1, w.min(loci - 1))?;
    let locisq = rng.randint(0, loci - sqd - 1)?;
    let locjsq = rng.randint(locj - sqd + 1, locj + objw - 1)?;
    let sq = dsl::backdrop(&pair_set(
        (locisq, locjsq),
        (locisq + sqd - 1, locjsq + sqd - 1),
    ));
    dsl::fill_in(&mut gi, destc, &sq);
    dsl::fill_in(&mut go, destc, &sq);
    // The object slides up until it touches the square (it starts below
    // it and overlaps its columns, so this ends).
    while dsl::intersection(&obj, &sq).is_empty() {
        obj = obj.shift((-1, 0));
    }
    let obj = obj.shift((1, 0));
    dsl::fill_in(&mut go, fgc, &obj);
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_06df4c85(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let oh = unifint(rng, diff_lb, diff_ub, (1, 4));
    let ow = unifint(rng, diff_lb, diff_ub, (1, 4));
    let numh = unifint(rng, diff_lb, diff_ub, (3, 31 / (oh + 1)));
    let numw = unifint(rng, diff_lb, diff_ub, (3, 31 / (ow + 1)));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let remcols = colors_without(&[bgc, linc]);
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
    let sinds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    let cell = dsl::recolor(bgc, &sinds);
    for &col in &ccols {
        let inds = dsl::occurrences(&go, &cell);
        if inds.is_empty() {
            break;
        }
        let loc = rng.choice_in(&inds)?;
        let narms = rng.randint(1, 4)?;
        let armdirs = rng.sample(&dsl::dneighbors((0, 0)).to_vec(), narms)?;
        for (x, y) in armdirs {
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
            let aidx = unifint(rng, diff_lb, diff_ub, (1, arm.len() as i64 - 1));
            let endp = arm[aidx as usize];
            dsl::fill_in(&mut gi, col, &sinds.shift(endp));
            // One color over the union of shifted blocks: order-free.
            for &a in &arm[..=aidx as usize] {
                dsl::fill_in(&mut go, col, &sinds.shift(a));
            }
        }
        dsl::fill_in(&mut gi, col, &sinds.shift(loc));
        dsl::fill_in(&mut go, col, &sinds.shift(loc));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_08ed6ac7(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let bgc = rng.choice(&colors_without(&[1, 2, 3, 4]))?;
    let remcols = dsl::remove(&bgc, &colopts);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let nbars = unifint(rng, diff_lb, diff_ub, (4, w));
    let barlocs = rng.sample(&dsl::interval(0, w, 1), nbars)?;
    let barhs = rng.sample(&dsl::interval(0, h, 1), 4)?;
    let mut barcols = Vec::new();
    for _ in 0..nbars {
        barcols.push(rng.choice(&remcols)?);
    }
    let mut barhsfx = Vec::new();
    for _ in 0..nbars - 4 {
        barhsfx.push(rng.choice(&barhs)?);
    }
    barhsfx.extend_from_slice(&barhs);
    rng.shuffle(&mut barhsfx);
    let mut ordered = barhs.clone();
    ordered.sort();
    for (&col, (&loci, &locj)) in barcols.iter().zip(barhsfx.iter().zip(&barlocs)) {
        let bar = dsl::connect((loci, locj), (h - 1, locj));
        dsl::fill_in(&mut gi, col, &bar);
        // `colord[ordered.index(loci)]`, colord = (1, 2, 3, 4).
        let rank = ordered.iter().position(|&x| x == loci).unwrap_or(0) as i64;
        dsl::fill_in(&mut go, rank + 1, &bar);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_09629e4f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let (nrows, ncolumns) = (h, w);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let barcol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&barcol, &remcols);
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 7.min(h * w - 2)));
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let (fullh, fullw) = (h * nrows + nrows - 1, w * ncolumns + ncolumns - 1);
    let mut gi = dsl::canvas(barcol, (fullh, fullw));
    let locs = dsl::product(
        &dsl::interval(0, fullh, h + 1),
        &dsl::interval(0, fullw, w + 1),
    )
    .to_vec();
    let trgloc = rng.choice(&locs)?;
    let remlocs = dsl::remove(&trgloc, &locs);
    let colssf = rng.sample(&remcols, ncols)?;
    let dropped = rng.choice(&colssf)?;
    let colsss = dsl::remove(&dropped, &colssf);
    let trgssf = rng.sample(&inds, ncols - 1)?;
    let shifted: Vec<Loc> = inds.iter().map(|&l| dsl::add(l, trgloc)).collect();
    fill_locs_in(&mut gi, bgc, &shifted);
    for (&ij, &cl) in trgssf.iter().zip(&colsss) {
        fill_locs_in(&mut gi, cl, &[dsl::add(trgloc, ij)]);
    }
    for &rl in &remlocs {
        let trgss = rng.sample(&inds, ncols)?;
        let mut tmpg = c.clone();
        for (&ij, &cl) in trgss.iter().zip(&colssf) {
            fill_locs_in(&mut tmpg, cl, &[ij]);
        }
        // `paint(gi, shift(asobject(tmpg), rl))`: one cell per location,
        // so the object's order does not matter.
        dsl::paint_in(&mut gi, &dsl::asobject(&tmpg).shift(rl));
    }
    let mut go = dsl::canvas(bgc, (fullh, fullw));
    dsl::fill_in(&mut go, barcol, &dsl::ofcolor(&gi, barcol));
    for (&ij, &cl) in trgssf.iter().zip(&colsss) {
        let d = dsl::multiply(ij, (h + 1, w + 1));
        let shifted: Vec<Loc> = inds.iter().map(|&l| dsl::add(l, d)).collect();
        fill_locs_in(&mut go, cl, &shifted);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_0962bcdd(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3, 4]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (2, 7));
    let ccols = rng.sample(&remcols, numc)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 25));
    let indss = dsl::asindices(&gi);
    // After the sfilter, `indss` is read only for its size, membership and
    // subtraction of in-grid squares: a free-cell grid and a count.
    let mut free = vec![vec![true; w as usize]; h as usize];
    let mut nfree = h * w;
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    let (oh, ow) = (5, 5);
    let subs = dsl::sfilter(&indss, |&(i, j)| i < h - oh && j < w - ow).to_vec();
    while succ < num && tr <= maxtrials {
        if nfree == 0 {
            break;
        }
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = rng.choice(&subs)?;
        // `subs` keeps the 5 by 5 square inside the grid.
        let bd = rect_cells((loci, locj), (loci + 4, locj + 4));
        // Drawn whether or not the square fits, and never used.
        let _col = rng.choice(&ccols)?;
        if bd.iter().all(|&(i, j)| free[i as usize][j as usize]) {
            let ab = rng.sample(&ccols, 2)?;
            let (ca, cb) = (ab[0], ab[1]);
            let cp = (loci + 2, locj + 2);
            let lins12 = &dsl::connect((loci, locj), (loci + 4, locj + 4))
                | &dsl::connect((loci + 4, locj), (loci, locj + 4));
            let lins34 = &dsl::connect((loci + 2, locj), (loci + 2, locj + 4))
                | &dsl::connect((loci, locj + 2), (loci + 4, locj + 2));
            dsl::fill_in(&mut go, cb, &lins34);
            dsl::fill_in(&mut go, ca, &lins12);
            fill_locs_in(&mut gi, ca, &[cp]);
            dsl::fill_in(&mut gi, cb, &dsl::dneighbors(cp));
            succ += 1;
            for &(i, j) in &bd {
                free[i as usize][j as usize] = false;
            }
            nfree -= bd.len() as i64;
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_0a938d79(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 29));
    let w = unifint(rng, diff_lb, diff_ub, (h + 1, 30));
    let bab = rng.sample(&cols, 3)?;
    let (bgc, cola, colb) = (bab[0], bab[1], bab[2]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let locja = unifint(rng, diff_lb, diff_ub, (3, w - 2));
    let locjb = unifint(rng, diff_lb, diff_ub, (1, locja - 2));
    let locia = rng.choice(&[0, h - 1])?;
    let locib = rng.choice(&[0, h - 1])?;
    fill_locs_in(&mut gi, cola, &[(locia, locja)]);
    fill_locs_in(&mut gi, colb, &[(locib, locjb)]);
    let ofs = -2 * (locja - locjb);
    for aa in dsl::interval(locja, -1, ofs) {
        dsl::fill_in(&mut go, cola, &dsl::connect((0, aa), (h - 1, aa)));
    }
    for bb in dsl::interval(locjb, -1, ofs) {
        dsl::fill_in(&mut go, colb, &dsl::connect((0, bb), (h - 1, bb)));
    }
    // `rng.choice((rot180, rot270))`.
    let rotf = rng.choice(&[6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_0b148d64(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let itv = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (7, 30));
    let bgc = rng.choice(&itv)?;
    let remitv = dsl::remove(&bgc, &itv);
    let g = dsl::canvas(bgc, (h, w));
    let x = rng.randint(3, h - 3)?;
    let y = rng.randint(3, w - 3)?;
    let di = rng.randint(2, h - x - 1)?;
    let dj = rng.randint(2, w - y - 1)?;
    let quads = [
        dsl::backdrop(&pair_set((0, 0), (x, y))),
        dsl::backdrop(&pair_set((x + di, 0), (h - 1, y))),
        dsl::backdrop(&pair_set((0, y + dj), (x, w - 1))),
        dsl::backdrop(&pair_set((x + di, y + dj), (h - 1, w - 1))),
    ];
    let cola = rng.choice(&remitv)?;
    let colb = rng.choice(&dsl::remove(&cola, &remitv))?;
    let t = rng.choice(&[0usize, 1, 2, 3])?;
    // `sampler(bx) | subf(bx)`: the sample (its size drawn after the tuple
    // is built), then one location on each side; a fill of their union.
    let scatter = |rng: &mut GenRng, bx: &Indices| -> Result<Vec<Loc>> {
        let cells = bx.to_vec();
        let keep = bx.len() as i64 - unifint(rng, diff_lb, diff_ub, (0, bx.len() as i64 - 1));
        let mut locs = rng.sample(&cells, keep)?;
        let (ul, ur) = (dsl::ulcorner(bx), dsl::urcorner(bx));
        let (ll, lr) = (dsl::llcorner(bx), dsl::lrcorner(bx));
        for (a, b) in [(ul, ur), (ul, ll), (ur, lr), (ll, lr)] {
            locs.push(rng.choice_in(&dsl::connect(a, b))?);
        }
        Ok(locs)
    };
    let mut gi = fill_locs(&g, cola, &scatter(rng, &quads[t])?);
    for (k, r) in quads.iter().enumerate() {
        if k != t {
            fill_locs_in(&mut gi, colb, &scatter(rng, r)?);
        }
    }
    let go = dsl::subgrid(&quads[t], &gi);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_0ca9ddb6(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 4, 6, 7, 8]);
    let single = |v: i64, l: Loc| -> PySet<dsl::Cell> { std::iter::once((v, l)).collect() };
    let xi = single(8, (0, 0));
    let ai = single(6, (0, 0));
    let bi = single(2, (1, 1));
    let bo = bi.union(&dsl::recolor(4, &dsl::ineighbors((1, 1))));
    let ci = single(1, (1, 1));
    let co = ci.union(&dsl::recolor(7, &dsl::dneighbors((1, 1))));
    let arr = [
        (ai.copy(), ai.copy()),
        (bi, bo),
        (ci, co),
        (xi.copy(), xi.copy()),
    ];
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 4));
    let maxtr = 5 * nobjs;
    let (mut tr, mut succ) = (0, 0);
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi);
    // `shift` of a set: a frozenset built by iterating it.
    let shift_set = |s: &PySet<dsl::Cell>, (di, dj): Loc| -> dsl::Object {
        s.iter().map(|&(v, (i, j))| (v, (i + di, j + dj))).collect()
    };
    while succ < nobjs && tr < maxtr {
        let k = rng.choice(&[0usize, 1, 2, 3])?;
        let (ino, outo) = &arr[k];
        let loc = rng.choice_in(&inds)?;
        let oplcd = shift_set(outo, loc);
        let oplcdi = oplcd.toindices();
        if oplcdi.issubset(&inds) {
            succ += 1;
            dsl::paint_in(&mut gi, &shift_set(ino, loc));
            dsl::paint_in(&mut go, &oplcd);
            inds = &inds - &oplcdi;
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_0d3d703e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    const INCOLS: [i64; 8] = [1, 2, 3, 4, 5, 6, 8, 9];
    const OUTCOLS: [i64; 8] = [5, 6, 4, 3, 1, 2, 9, 8];
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let mut gi = dsl::canvas(-1, (h, w));
    let mut go = dsl::canvas(-1, (h, w));
    let inds = dsl::asindices(&gi);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let idxes = rng.sample(&dsl::interval(0, 8, 1), numc)?;
    // One draw per cell, in the frozenset's order.
    for &(i, j) in inds.iter() {
        let idx = rng.choice(&idxes)? as usize;
        gi[i as usize][j as usize] = INCOLS[idx];
        go[i as usize][j as usize] = OUTCOLS[idx];
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_0dfd9992(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let hp = unifint(rng, diff_lb, diff_ub, (2, h / 2 - 1));
    let wp = unifint(rng, diff_lb, diff_ub, (2, w / 2 - 1));
    let bn = rng.sample(&cols, 2)?;
    let (bgc, noisec) = (bn[0], bn[1]);
    let remcols = dsl::remove(&noisec, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, numc)?;
    // `pobj = frozenset({(rng.choice(ccols), ij) for ij in pinds})`: one
    // draw per location in `pinds`' order (CPython's table, `GridSet`).
    // `pobj` covers its hp by wp box one cell per location and is only
    // mirrored, shifted, painted and compared, so it is that box's grid of
    // colors (`pgrid`).
    let mut pgrid = vec![vec![0; wp as usize]; hp as usize];
    for id in GridSet::asindices((hp, wp)).iter() {
        let (i, j) = gloc(id);
        pgrid[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    // `hmirror` and `vmirror` of `pobj`, whose box starts at the origin:
    // rows or columns reversed.
    let flip = |g: &Grid, rows: bool, cols: bool| -> Grid {
        let mut out = g.clone();
        if rows {
            out.reverse();
        }
        if cols {
            for row in &mut out {
                row.reverse();
            }
        }
        out
    };
    let mut go = dsl::canvas(bgc, (h, w));
    // The places (`locs`) are only asked whether any matches: a list.
    let mut places: Vec<Loc> = Vec::new();
    for a in 0..h / hp + 1 {
        for b in 0..w / wp + 1 {
            let (loci, locj) = (hp * a, wp * b);
            places.push((loci, locj));
            // `compose(mf1, mf2)`: the column mirror then the row mirror;
            // the tiles do not overlap, and paint drops cells off the grid.
            // The mirrored tile is read in place, not copied.
            let (fr, fc) = (a % 2 == 1, b % 2 == 1);
            for i in 0..hp.min(h - loci) {
                let src = &pgrid[(if fr { hp - 1 - i } else { i }) as usize];
                let dst = &mut go[(loci + i) as usize];
                for j in 0..wp.min(w - locj) {
                    dst[(locj + j) as usize] = src[(if fc { wp - 1 - j } else { j }) as usize];
                }
            }
        }
    }
    // `int((h * w) ** 0.5 // 2)`: a float square root, floored.
    let bound = ((h * w) as f64).powf(0.5).div_euclid(2.0) as i64;
    let numpatches = unifint(rng, diff_lb, diff_ub, (1, bound));
    let mut gi = go.clone();
    // `pobj in candset or ...`: candset (apply(normalize, apply(rbind(
    // toobject, gi2), places))) is only asked for membership, and a place's
    // object equals one of the four hp by wp mirrors of pobj exactly when
    // the place lies wholly in the grid and shows that mirror's colors, so
    // each mirror is a grid of colors and each place its corner.
    let targets = [
        pgrid.clone(),
        flip(&pgrid, true, false),
        flip(&pgrid, false, true),
        flip(&pgrid, true, true),
    ];
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * numpatches;
    while succ < numpatches && tr < maxtr {
        tr += 1;
        let ph = rng.randint(2, 6)?;
        let pw = rng.randint(2, 6)?;
        let loci = rng.randint(0, h - ph)?;
        let locj = rng.randint(0, w - pw)?;
        // `gi2 = fill(gi, noisec, backdrop(...))`, the ph by pw box in the
        // grid, is read and kept only on success: it is `gi` outside the
        // box and `noisec` inside, so it is built only then.
        let (rows, cols) = (loci..loci + ph, locj..locj + pw);
        let at = |i: i64, j: i64| {
            if rows.contains(&i) && cols.contains(&j) {
                noisec
            } else {
                gi[i as usize][j as usize]
            }
        };
        // Rows (and, for the `dmirror`, columns) of `gi2` without `noisec`:
        // the box's rows and columns all have some (`ph, pw >= 2`).
        let clean_rows = || {
            (0..h)
                .filter(|i| !rows.contains(i) && !gi[*i as usize].contains(&noisec))
                .count()
        };
        let clean_cols = || {
            (0..w)
                .filter(|j| !cols.contains(j) && gi.iter().all(|r| r[*j as usize] != noisec))
                .count()
        };
        // Only membership in `candset` is asked, so the set itself is not
        // built; Python's `and` stops at the first false.
        if clean_rows() >= 2
            && clean_cols() >= 2
            && places.iter().any(|&(pi, pj)| {
                pi + hp <= h
                    && pj + wp <= w
                    && targets.iter().any(|t| {
                        t.iter().enumerate().all(|(i, row)| {
                            row.iter()
                                .enumerate()
                                .all(|(j, &v)| at(pi + i as i64, pj + j as i64) == v)
                        })
                    })
            })
        {
            succ += 1;
            for row in &mut gi[loci as usize..(loci + ph) as usize] {
                row[locj as usize..(locj + pw) as usize].fill(noisec);
            }
        }
    }
    // `rng.choice((identity, rot90, rot180, rot270))`.
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

/// `set_shape` of three cells.
fn shape3(s: [Loc; 3]) -> Loc {
    let (t, b) = (s.iter().map(|l| l.0).min(), s.iter().map(|l| l.0).max());
    let (l, r) = (s.iter().map(|l| l.1).min(), s.iter().map(|l| l.1).max());
    (
        b.unwrap_or(0) - t.unwrap_or(0) + 1,
        r.unwrap_or(0) - l.unwrap_or(0) + 1,
    )
}

/// `ofcolor(go, bgc) - mapply(neighbors, asindices(go) - ofcolor(go,
/// bgc))` for 0e206a2e, whose order a draw reads: CPython's table of the
/// background cells (`GridSet`), less the mapply. That mapply is read for
/// its size and membership only (`set_difference`), so it is a mask over
/// the grid and its one-cell margin, marked around every other cell.
fn free_inds_0e206a2e(go: &Grid, bgc: i64) -> GridSet {
    let bg = ofcolor_set(go, bgc);
    let pw = go.first().map_or(0, Vec::len) + 2;
    let mut near = vec![false; (go.len() + 2) * pw];
    let mut count = 0;
    for (i, row) in go.iter().enumerate() {
        for (j, _) in row.iter().enumerate().filter(|&(_, &v)| v != bgc) {
            // The cell sits at `(i + 1, j + 1)` of the mask: its eight
            // neighbours, not itself.
            for (di, dj) in [
                (0, 0),
                (0, 1),
                (0, 2),
                (1, 0),
                (1, 2),
                (2, 0),
                (2, 1),
                (2, 2),
            ] {
                let k = (i + di) * pw + j + dj;
                if !near[k] {
                    near[k] = true;
                    count += 1;
                }
            }
        }
    }
    bg.difference_where(count, |id| {
        // Background cells lie in the grid.
        let (i, j) = gloc(id);
        near[(i as usize + 1) * pw + j as usize + 1]
    })
}

fn generate_0e206a2e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let five = rng.sample(&cols, 5)?;
    let (bgc, acol, bcol, ccol, dcol) = (five[0], five[1], five[2], five[3], five[4]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (the choice over its sfilter): CPython's table
    // (`GridSet`).
    let mut inds = GridSet::asindices((h, w));
    let nsrcs = unifint(rng, diff_lb, diff_ub, (1, h.min(w) / 5));
    let mut srcs: Vec<(dsl::Object, PySet<dsl::Cell>)> = Vec::new();
    let mut abclist: Vec<[i64; 2]> = Vec::new();
    let maxtrforsrc = 5 * nsrcs;
    let (mut trforsrc, mut srcsucc) = (0, 0);
    // The three markers are distinct cells of `shp`: their set's shape and
    // its diagonals are read as sizes only, so plain arrays do.
    let sorted_shape = |a: Loc, b: Loc, c: Loc| {
        let (x, y) = shape3([a, b, c]);
        [x.min(y), x.max(y)]
    };
    let degenerate = |s: [Loc; 3]| {
        let (sh, sw) = shape3(s);
        sh == 1
            || sw == 1
            || s.iter().all(|&(x, y)| x - y == s[0].0 - s[0].1)
            || s.iter().all(|&(x, y)| x + y == s[0].0 + s[0].1)
    };
    while trforsrc < maxtrforsrc && srcsucc < nsrcs {
        trforsrc += 1;
        let objsize = unifint(rng, diff_lb, diff_ub, (5, 20));
        // `bb` and `shp` lie in the 7 by 7 box: CPython's tables of them as
        // ids (`BoxShape`).
        let hashes = loc10_hashes();
        let bb = BoxShape::asindices(hashes, (7, 7));
        let sp = bb.choose(rng)?;
        let bb = bb.without(sp);
        let mut shp = BoxShape::from_locs(hashes, [loc10(sp)]);
        for _ in 0..objsize - 1 {
            shp.grow(rng, &bb, dsl::dneighbors)?;
        }
        while {
            let (sh, sw) = cells_shape(&shp.locs().collect::<Vec<_>>());
            sh == 1 || sw == 1
        } {
            shp.grow(rng, &bb, dsl::dneighbors)?;
        }
        while distinct(shp.locs(), |(x, y)| x - y) == 1 || distinct(shp.locs(), |(x, y)| x + y) == 1
        {
            shp.grow(rng, &bb, dsl::dneighbors)?;
        }
        let top = shp.locs().map(|l| l.0).min().unwrap_or(0);
        let left = shp.locs().map(|l| l.1).min().unwrap_or(0);
        let normalized: Indices = shp.locs().map(|(i, j)| (i - top, j - left)).collect();
        let mut shp = normalized.to_vec();
        rng.shuffle(&mut shp);
        while degenerate([shp[0], shp[1], shp[2]]) {
            rng.shuffle(&mut shp);
        }
        let (a, b, c) = (shp[0], shp[1], shp[2]);
        if abclist.contains(&sorted_shape(a, b, c)) {
            continue;
        }
        let markers: PySet<dsl::Cell> = [(acol, a), (bcol, b), (ccol, c)].into_iter().collect();
        let rest: PySet<dsl::Cell> = shp[3..].iter().map(|&ij| (dcol, ij)).collect();
        let obj = (&markers | &rest).freeze();
        // `shift(set(shp), ij).issubset(inds)`: a yes or no per location
        // (the distinct cells of `shp`, in any order), asked of a membership
        // mask of `inds` (all inside the grid).
        let mut member = vec![false; (h * w) as usize];
        for (i, j) in inds.iter().map(gloc) {
            member[(i * w + j) as usize] = true;
        }
        let inside =
            |(i, j): Loc| 0 <= i && i < h && 0 <= j && j < w && member[(i * w + j) as usize];
        let opts = inds.filter(|id| {
            let (di, dj) = gloc(id);
            shp.iter().all(|&(i, j)| inside((i + di, j + dj)))
        });
        if opts.len() == 0 {
            continue;
        }
        let loc = gloc(grid_choice(rng, &opts)?);
        srcsucc += 1;
        dsl::paint_in(&mut gi, &obj.shift(loc));
        // `shpplcd` is filled with one value and subtracted (with its
        // neighbours) by size and membership: its cells, unordered.
        let shpplcd: Vec<Loc> = shp.iter().map(|&(i, j)| (i + loc.0, j + loc.1)).collect();
        fill_locs_in(&mut go, -1, &shpplcd);
        inds = grid_minus_near(&inds, &shpplcd, dsl::neighbors);
        srcs.push((obj, markers));
        abclist.push(sorted_shape(a, b, c));
    }
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 30));
    let maxtrials = 10 * num;
    let (mut tr, mut succ) = (0, 0);
    let src_keys: Vec<usize> = (0..srcs.len()).collect();
    // `fullinds` depends on `go` (and `bgc`) alone: kept per mirror of the
    // `go` of the last paint, each known by the same mirrors applied to a
    // 2 by 3 grid of distinct values (which tells the eight apart).
    let mut tag: Grid = vec![vec![0, 1, 2], vec![3, 4, 5]];
    let mut seen: Vec<(Grid, GridSet)> = Vec::new();
    while succ < num && tr < maxtrials {
        let fnk = rng.choice(&[0, 1, 2, 3, 4, 5, 6, 7])?;
        // `identity` returns the grid itself: nothing to copy.
        if fnk != 0 {
            gi = transform(fnk, &gi);
            go = transform(fnk, &go);
            tag = transform(fnk, &tag);
        }
        let at = match seen.iter().position(|(t, _)| *t == tag) {
            Some(at) => at,
            None => {
                seen.push((tag.clone(), free_inds_0e206a2e(&go, bgc)));
                seen.len() - 1
            }
        };
        let fullinds = &seen[at].1;
        let k = rng.choice(&src_keys)?;
        let (obj, markers) = &srcs[k];
        if fullinds.len() == 0 {
            break;
        }
        let loctr = gloc(grid_choice(rng, fullinds)?);
        // `shift(toindices(obj), loctr).issubset(fullinds)`, and the paints
        // (one cell per location): no order of the shifted sets is read.
        if obj
            .iter()
            .all(|&(_, (i, j))| in_grid_set(fullinds, (i + loctr.0, j + loctr.1)))
        {
            succ += 1;
            let moved = |cells: &mut dyn Iterator<Item = &dsl::Cell>| -> Vec<dsl::Cell> {
                cells
                    .map(|&(v, (i, j))| (v, (i + loctr.0, j + loctr.1)))
                    .collect()
            };
            paint_cells_in(&mut gi, moved(&mut markers.iter()).iter());
            paint_cells_in(&mut go, moved(&mut obj.iter()).iter());
            seen.clear();
        }
        tr += 1;
    }
    let go = dsl::replace(&go, -1, bgc);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_10fcaaa3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 15));
    let w = unifint(rng, diff_lb, diff_ub, (2, 15));
    let ncells = unifint(rng, diff_lb, diff_ub, (1, 1.max((h * w) / 6)));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ccols = rng.sample(&remcols, ncols)?;
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c);
    let locs: Indices = rng.sample(&inds.to_vec(), ncells)?.into_iter().collect();
    // One color drawn per location, in the frozenset's order; the cells
    // have distinct locations, so painting them is order-free.
    let mut gi = c.clone();
    for &(i, j) in locs.iter() {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let go = dsl::hconcat(&gi, &gi);
    let go = dsl::vconcat(&go, &go);
    // `fill(go, 8, mapply(ineighbors, fullocs) & ofcolor(go, bgc))`: the
    // diagonal neighbours of the four copies that show the background.
    let mut topaint = Vec::new();
    for &(i, j) in locs.iter() {
        for (di, dj) in [(0, 0), (0, w), (h, 0), (h, w)] {
            for n in dsl::ineighbors((i + di, j + dj)).iter() {
                if dsl::index(&go, *n) == Some(bgc) {
                    topaint.push(*n);
                }
            }
        }
    }
    let go = filled_locs(go, 8, &topaint);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_11852cab(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let rings: [&[Loc]; 4] = [
        &[(2, 2)],
        &[(1, 1), (3, 1), (1, 3), (3, 3)],
        &[(2, 0), (0, 2), (4, 2), (2, 4)],
        &[(0, 0), (0, 4), (4, 0), (4, 4)],
    ];
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (7, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, numc)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (the choice over its sfilter): CPython's table
    // (`GridSet`), the sfilter kept until `inds` changes.
    let mut inds = GridSet::asindices((h - 2, w - 2)).map_locs(|(i, j)| (i + 1, j + 1));
    let mut cands_memo: Option<Vec<u16>> = None;
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, 1.max((h * w) / 36)));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * nobjs;
    while succ < nobjs && tr < maxtr {
        tr += 1;
        // Python tests the row against `w - 5` too (not the column).
        let cands = cands_memo.get_or_insert_with(|| {
            inds.filtered_order(|id| {
                let (i, _) = gloc(id);
                i <= h - 5 && i <= w - 5
            })
        });
        if cands.is_empty() {
            break;
        }
        let loc = gloc(rng.choice(cands)?);
        // `plcd = shift(bx, loc)` (the 5 by 5 box) and its outbox are read
        // for membership and size only: cell lists.
        let plcd: Vec<Loc> = (loc.0..loc.0 + 5)
            .flat_map(|i| (loc.1..loc.1 + 5).map(move |j| (i, j)))
            .collect();
        if !(plcd.len() <= inds.len() && plcd.iter().all(|&l| in_grid_set(&inds, l))) {
            continue;
        }
        let (top, left, bottom, right) = (loc.0 - 1, loc.1 - 1, loc.0 + 5, loc.1 + 5);
        // Read for its size and membership only: its cells in any order.
        let outbox = outline_cells((top, left), (bottom, right));
        let plcd_ids: Vec<u16> = plcd.iter().map(|&l| gid(l)).collect();
        inds = inds.difference_ids(&plcd_ids).difference_locs(&outbox);
        cands_memo = None;
        let mut ringcols = Vec::new();
        for _ in 0..4 {
            ringcols.push(rng.choice(&ccols)?);
        }
        let plcdrings: Vec<Indices> = rings
            .iter()
            .map(|r| r.iter().map(|&l| dsl::add(l, loc)).collect())
            .collect();
        dsl::fill_in(&mut gi, ringcols[0], &plcdrings[0]);
        dsl::fill_in(&mut go, ringcols[0], &plcdrings[0]);
        let idx = rng.randint(1, 3)? as usize;
        dsl::fill_in(&mut gi, ringcols[idx], &plcdrings[idx]);
        dsl::fill_in(&mut go, ringcols[idx], &plcdrings[idx]);
        let rem: Vec<(Indices, i64)> = (1..4)
            .filter(|&k| k != idx)
            .map(|k| (plcdrings[k].clone(), ringcols[k]))
            .collect();
        let numrs = unifint(rng, diff_lb, diff_ub, (1, 2));
        let locs = rng.sample(&[0usize, 1], numrs)?;
        let rem: Vec<&(Indices, i64)> = rem
            .iter()
            .enumerate()
            .filter(|(j, _)| locs.contains(j))
            .map(|(_, r)| r)
            .collect();
        // The rings are disjoint, so painting their cells is order-free;
        // the draws happen ring by ring as the generator is consumed.
        let mut tofillgi: Vec<dsl::Cell> = Vec::new();
        for (ring, col) in &rem {
            let cells = ring.to_vec();
            let k = 4 - unifint(rng, diff_lb, diff_ub, (0, 3));
            for l in rng.sample(&cells, k)? {
                tofillgi.push((*col, l));
            }
        }
        let placed: Indices = tofillgi.iter().map(|c| c.1).collect();
        let (sh, sw) = dsl::shape(&placed);
        if sh.min(sw) == 5 {
            succ += 1;
            for &(col, l) in &tofillgi {
                fill_locs_in(&mut gi, col, &[l]);
            }
            for (ring, col) in &rem {
                dsl::fill_in(&mut go, *col, ring);
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1190e5a7(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&colopts)?;
    let c = dsl::canvas(bgc, (h, w));
    let nhf = unifint(rng, diff_lb, diff_ub, (1, h / 3));
    let nvf = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let pick = |rng: &mut GenRng, n: i64, mut options: Vec<i64>| -> Result<Vec<i64>> {
        let mut picked = Vec::new();
        for _ in 0..n {
            let f = rng.choice(&options)?;
            picked.push(f);
            options.retain(|&x| x != f - 1 && x != f && x != f + 1);
        }
        Ok(picked)
    };
    let hf_selection = pick(rng, nhf, dsl::interval(1, h - 1, 1))?;
    let vf_selection = pick(rng, nvf, dsl::interval(1, w - 1, 1))?;
    let remcols = dsl::remove(&bgc, &colopts);
    // `paint(c, combine(hfs, vfs))`: every row line is drawn (and its color
    // picked) before every column line, which paints over it.
    let mut hcols = Vec::new();
    for _ in &hf_selection {
        hcols.push(rng.choice(&remcols)?);
    }
    let mut vcols = Vec::new();
    for _ in &vf_selection {
        vcols.push(rng.choice(&remcols)?);
    }
    let mut gi = c;
    for (&i, &col) in hf_selection.iter().zip(&hcols) {
        dsl::fill_in(&mut gi, col, &dsl::hfrontier((i, 0)));
    }
    for (&j, &col) in vf_selection.iter().zip(&vcols) {
        dsl::fill_in(&mut gi, col, &dsl::vfrontier((0, j)));
    }
    let go = dsl::canvas(bgc, (nhf + 1, nvf + 1));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_137eaa0f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 4));
    let w = unifint(rng, diff_lb, diff_ub, (2, 4));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let dotc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&dotc, &remcols);
    let mut go = dsl::canvas(dotc, (h, w));
    let inds = dsl::asindices(&go).to_vec();
    let loc = rng.choice(&inds)?;
    let mut reminds = dsl::remove(&loc, &inds);
    let nc = unifint(rng, diff_lb, diff_ub, (1, (h * w - 1).min(8)));
    let choscols = rng.sample(&remcols, nc)?;
    // `cd`: the locations of each chosen color (disjoint, so fills and
    // paints of them are order-free).
    let mut cd: Vec<Vec<Loc>> = vec![Vec::new(); choscols.len()];
    for slot in cd.iter_mut() {
        let ij = rng.choice(&reminds)?;
        slot.push(ij);
        reminds = dsl::remove(&ij, &reminds);
    }
    for &ri in &reminds {
        let c = rng.choice(&choscols)?;
        // The chosen colors are distinct: a color names its slot.
        let k = choscols.iter().position(|&x| x == c).unwrap_or(0);
        cd[k].push(ri);
    }
    for (&c, locs) in choscols.iter().zip(&cd) {
        fill_locs_in(&mut go, c, locs);
    }
    let mut gih = unifint(rng, diff_lb, diff_ub, (h.min(w) * 2, 30));
    let mut giw = unifint(rng, diff_lb, diff_ub, (h.min(w) * 2, 30));
    let objs: Vec<dsl::Object> = choscols
        .iter()
        .zip(&cd)
        .map(|(&c, locs)| {
            let obj: dsl::Object = std::iter::once((dotc, loc))
                .chain(locs.iter().map(|&ij| (c, ij)))
                .collect();
            dsl::normalize(&obj)
        })
        .collect();
    let mut maxtr = h.min(w) * 2;
    loop {
        let mut succ = true;
        let mut gi = dsl::canvas(bgc, (gih, giw));
        let mut inds = dsl::asindices(&gi);
        for obj in &objs {
            let (oh, ow) = dsl::shape(obj);
            let mut placed = None;
            let mut tr = 0;
            while tr < maxtr && placed.is_none() {
                let loci = rng.randint(0, gih - oh)?;
                let locj = rng.randint(0, giw - ow)?;
                let plcd = obj.shift((loci, locj));
                tr += 1;
                if plcd.toindices().issubset(&inds) {
                    placed = Some(plcd);
                }
            }
            match placed {
                Some(plcd) => {
                    dsl::paint_in(&mut gi, &plcd);
                    let pi = plcd.toindices();
                    inds = minus_around(&(&inds - &pi), &pi);
                }
                None => {
                    succ = false;
                    break;
                }
            }
        }
        if succ {
            return Ok(Example {
                input: gi,
                output: go,
            });
        }
        // `maxtrtot` starts at 1000 and only grows, so its `break` never
        // fires: the loop retries on a larger canvas.
        maxtr = (maxtr as f64 * 1.5) as i64;
        gih = rng.randint(gih, 30)?;
        giw = rng.randint(giw, 30)?;
    }
}

fn generate_150deff5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 8]);
    // The shapes are only measured, tested, filled and subtracted (by size
    // and membership): their cells, in no order.
    let bo: &[Loc] = &[(0, 0), (0, 1), (1, 0), (1, 1)];
    let ro1: &[Loc] = &[(0, 0), (0, 1), (0, 2)];
    let ro2: &[Loc] = &[(0, 0), (1, 0), (2, 0)];
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    // `boforb` and `reforb` are only asked for grid locations (members of
    // `inds`): grid masks, with the locations outside it left out.
    let mut boforb = vec![false; (h * w) as usize];
    let mut reforb = vec![false; (h * w) as usize];
    let forbid = |forb: &mut Vec<bool>, (i, j): Loc| {
        if 0 <= i && i < h && 0 <= j && j < w {
            forb[(i * w + j) as usize] = true;
        }
    };
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let noccs = unifint(rng, diff_lb, diff_ub, (2, (h * w) / 10));
    // `inds`' order is read (the choice over its sfilters): CPython's table.
    let mut inds = GridSet::asindices((h, w));
    for _ in 0..noccs {
        // `rng.choice(((bo, 8), (rng.choice((ro1, ro2)), 2)))`: the inner
        // choice is drawn first, while the tuple is built.
        let bar = rng.choice(&[1, 2])?;
        let (obj, col) = if rng.choice(&[0, 1])? == 0 {
            (bo, 8)
        } else if bar == 1 {
            (ro1, 2)
        } else {
            (ro2, 2)
        };
        let (oh, ow) = cells_shape(obj);
        // `inds`' members as a mask by location number, for the tests.
        let mut member = vec![false; (GRID_SIDE * GRID_SIDE) as usize];
        for id in inds.iter() {
            member[id as usize] = true;
        }
        let fits = |id: u16| {
            let (i, j) = gloc(id);
            i <= h - oh
                && j <= w - ow
                && obj
                    .iter()
                    .all(|&(a, b)| member[gid((a + i, b + j)) as usize])
        };
        // Two sfilters, as in Python: the second adds the first's members
        // in the first's order, which need not be `inds`' order.
        let cands = inds.filter(fits);
        let forb = if col == 8 { &boforb } else { &reforb };
        let cands = cands.filter(|id| {
            let (i, j) = gloc(id);
            !forb[(i * w + j) as usize]
        });
        if cands.len() == 0 {
            break;
        }
        let loc = gloc(grid_choice(rng, &cands)?);
        if col == 8 {
            for d in [(-2, 0), (2, 0), (0, 2), (0, -2)] {
                forbid(&mut boforb, dsl::add(loc, d));
            }
        } else if bar == 1 {
            forbid(&mut reforb, dsl::add(loc, (0, 3)));
            forbid(&mut reforb, dsl::add(loc, (0, -3)));
        } else {
            forbid(&mut reforb, dsl::add(loc, (1, 0)));
            forbid(&mut reforb, dsl::add(loc, (-1, 0)));
        }
        let plcd: Vec<Loc> = obj.iter().map(|&l| dsl::add(l, loc)).collect();
        fill_locs_in(&mut gi, fgc, &plcd);
        fill_locs_in(&mut go, col, &plcd);
        let ids: Vec<u16> = plcd.iter().map(|&l| gid(l)).collect();
        inds = inds.difference_ids(&ids);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_178fcbfb(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 3]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi).to_vec();
    let mut iforb: PySet<i64> = PySet::new();
    let mut jforb: PySet<i64> = PySet::new();
    for col in [2, 1, 3] {
        let bnd = unifint(rng, diff_lb, diff_ub, (1, if col == 2 { w } else { h / 2 }));
        for _ in 0..bnd {
            let ij = if col == 2 {
                let ij = rng.choice(&dsl::sfilter(&inds, |l| !jforb.contains(&l.1)))?;
                jforb.add(ij.1);
                ij
            } else {
                let ij = rng.choice(&dsl::sfilter(&inds, |l| !iforb.contains(&l.0)))?;
                iforb.add(ij.0);
                ij
            };
            fill_locs_in(&mut gi, col, &[ij]);
            let line = if col == 2 {
                dsl::vfrontier(ij)
            } else {
                dsl::hfrontier(ij)
            };
            dsl::fill_in(&mut go, col, &line);
            inds = dsl::remove(&ij, &inds);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1a07d186(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let nlines = unifint(rng, diff_lb, diff_ub, (1, w / 5));
    let linecols = rng.sample(&remcols, nlines)?;
    let remcols = without(&remcols, &linecols);
    let nnoisecols = unifint(rng, diff_lb, diff_ub, (0, remcols.len() as i64));
    let noisecols = rng.sample(&remcols, nnoisecols)?;
    let mut locopts = dsl::interval(0, w, 1);
    let mut locs = Vec::new();
    for _ in 0..nlines {
        if locopts.is_empty() {
            break;
        }
        let loc = rng.choice(&locopts)?;
        locopts = without(&locopts, &dsl::interval(loc - 2, loc + 3, 1));
        locs.push(loc);
    }
    locs.sort();
    let nlines = locs.len() as i64;
    let linecols = &linecols[..locs.len()];
    let mut gi = dsl::canvas(bgc, (h, w));
    for (&loc, &col) in locs.iter().zip(linecols) {
        dsl::fill_in(&mut gi, col, &dsl::connect((0, loc), (h - 1, loc)));
    }
    let mut go = gi.clone();
    let nilocs = unifint(rng, diff_lb, diff_ub, (1, h));
    let ilocs = rng.sample(&dsl::interval(0, h, 1), nilocs)?;
    let dotlocopts = without(&dsl::interval(0, w, 1), &locs);
    // `totuple(set(linecols) | set(noisecols))`, in the union's order.
    let lineset: PySet<i64> = linecols.iter().copied().collect();
    let noiseset: PySet<i64> = noisecols.iter().copied().collect();
    let dotpalette = (&lineset | &noiseset).to_vec();
    for ii in ilocs {
        let ndots = unifint(
            rng,
            diff_lb,
            diff_ub,
            (1, (nlines + nnoisecols).min((w - nlines) / 2 - 1)),
        );
        let dotlocs = rng.sample(&dotlocopts, ndots)?;
        let dotcols = rng.sample(&dotpalette, ndots)?;
        for (&dotlocj, &col) in dotlocs.iter().zip(&dotcols) {
            fill_locs_in(&mut gi, col, &[(ii, dotlocj)]);
            if let Some(idx) = linecols.iter().position(|&c| c == col) {
                let linelocj = locs[idx];
                let j = if dotlocj > linelocj {
                    linelocj + 1
                } else {
                    linelocj - 1
                };
                fill_locs_in(&mut go, col, &[(ii, j)]);
            }
        }
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

fn generate_1b2d62fb(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 14));
    let remcols = dsl::remove(&0, &cols);
    let barcol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&barcol, &remcols);
    let cola = rng.choice(&remcols)?;
    let colb = rng.choice(&remcols)?;
    let canv = dsl::canvas(0, (h, w));
    let inds = dsl::asindices(&canv).to_vec();
    let gbar = dsl::canvas(barcol, (h, 1));
    let mp = (h * w) / 2;
    let deva = unifint(rng, diff_lb, diff_ub, (0, mp));
    let devb = unifint(rng, diff_lb, diff_ub, (0, mp));
    let sgna = rng.choice(&[1, -1])?;
    let sgnb = rng.choice(&[1, -1])?;
    let numa = (h * w - 1).min(mp + sgna * deva).max(1);
    let numb = (h * w - 1).min(mp + sgnb * devb).max(1);
    let a = rng.sample(&inds, numa)?;
    let b = rng.sample(&inds, numb)?;
    let gia = fill_locs(&canv, cola, &a);
    let gib = fill_locs(&canv, colb, &b);
    let mut gi = dsl::hconcat(&dsl::hconcat(&gia, &gbar), &gib);
    let both = dsl::intersection(&dsl::ofcolor(&gia, 0), &dsl::ofcolor(&gib, 0));
    let mut go = dsl::fill(&canv, 8, &both);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1b60fb0c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let odh = unifint(rng, diff_lb, diff_ub, (2, h.min(w) / 2));
    let loci = rng.randint(0, h - 2 * odh)?;
    let locj = rng.randint(0, w - 2 * odh)?;
    let loc = (loci, locj);
    let bo = rng.sample(&cols, 2)?;
    let (bgc, objc) = (bo[0], bo[1]);
    let quad = dsl::canvas(bgc, (odh, odh));
    let ncellsd = unifint(rng, diff_lb, diff_ub, (0, odh * odh / 2));
    let ncells = rng.choice(&[ncellsd, odh * odh - ncellsd])?;
    let ncells = ncells.max(1).min(odh * odh - 1);
    let cells = rng.sample(
        &dsl::asindices(&dsl::canvas(-1, (odh, odh))).to_vec(),
        ncells,
    )?;
    let g1 = fill_locs(&quad, objc, &cells);
    let g2 = dsl::rot90(&g1);
    let g3 = dsl::rot90(&g2);
    let g4 = dsl::rot90(&g3);
    let shftamt = rng.randint(0, odh)?;
    let cs: Vec<Indices> = [
        (g1, (0, shftamt)),
        (g2, (shftamt, odh)),
        (g3, (odh, odh - shftamt)),
        (g4, (odh - shftamt, 0)),
    ]
    .iter()
    .map(|(g, d)| dsl::ofcolor(g, objc).shift(*d))
    .collect();
    let rempart = rng.choice(&cs)?;
    // `remove` drops every part equal to the chosen one; the rest only
    // feed fills, so their order does not matter.
    let inobjparts = dsl::remove(&rempart, &cs);
    let inobj: Vec<Loc> = inobjparts.iter().flat_map(|p| p.to_vec()).collect();
    let rempart: Vec<Loc> = rempart
        .iter()
        .filter(|l| !inobj.contains(l))
        .map(|&l| dsl::add(l, loc))
        .collect();
    let inobj: Vec<Loc> = inobj.iter().map(|&l| dsl::add(l, loc)).collect();
    let gi = fill_locs(&dsl::canvas(bgc, (h, w)), objc, &inobj);
    let go = fill_locs(&gi, 2, &rempart);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1bfc4729(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let mut h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    if h % 2 == 1 {
        h = rng.choice(&[4.max(h - 1), 30.min(h + 1)])?;
    }
    let mut alocj = unifint(rng, diff_lb, diff_ub, (w / 2, w - 1));
    if rng.choice(&[true, false])? {
        alocj = (w / 2).min(alocj - w / 2).max(1);
    }
    let aloci = rng.randint(1, h / 2 - 1)?;
    let mut blocj = unifint(rng, diff_lb, diff_ub, (w / 2, w - 1));
    if rng.choice(&[true, false])? {
        blocj = (w / 2).min(blocj - w / 2).max(1);
    }
    let bloci = rng.randint(h / 2, h - 2)?;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let acol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&acol, &remcols);
    let bcol = rng.choice(&remcols)?;
    let aloc = (aloci, alocj);
    let bloc = (bloci, blocj);
    let gi = fill_locs(&dsl::canvas(bgc, (h, w)), acol, &[aloc]);
    let gi = filled_locs(gi, bcol, &[bloc]);
    let mut go = dsl::fill(&gi, acol, &dsl::hfrontier(aloc));
    dsl::fill_in(&mut go, bcol, &dsl::hfrontier(bloc));
    for (col, a, b) in [
        (acol, (0, 0), (0, w - 1)),
        (bcol, (h - 1, 0), (h - 1, w - 1)),
        (acol, (0, 0), (h / 2 - 1, 0)),
        (acol, (0, w - 1), (h / 2 - 1, w - 1)),
        (bcol, (h / 2, 0), (h - 1, 0)),
        (bcol, (h / 2, w - 1), (h - 1, w - 1)),
    ] {
        dsl::fill_in(&mut go, col, &dsl::connect(a, b));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1c786137(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let c = dsl::canvas(0, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let num_noise = unifint(rng, diff_lb, diff_ub, (0, h * w));
    let num_cols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let noiseinds = rng.sample(&inds, num_noise)?;
    let colset = rng.sample(&colopts, num_cols)?;
    let trgcol = rng.choice(&without(&colopts, &colset))?;
    let mut gi = c;
    for &ij in &noiseinds {
        let col = rng.choice(&colset)?;
        fill_locs_in(&mut gi, col, &[ij]);
    }
    let boxh = unifint(rng, diff_lb, diff_ub, (3, 3.max(h / 2)));
    let boxw = unifint(rng, diff_lb, diff_ub, (3, 3.max(w / 2)));
    let boxi = rng.choice(&dsl::interval(0, h - boxh + 1, 1))?;
    let boxj = rng.choice(&dsl::interval(0, w - boxw + 1, 1))?;
    let loc = (boxi, boxj);
    let llc = dsl::add(loc, (boxh - 1, 0));
    let urc = dsl::add(loc, (0, boxw - 1));
    let lrc = dsl::add(loc, (boxh - 1, boxw - 1));
    for (a, b) in [(loc, llc), (loc, urc), (urc, lrc), (llc, lrc)] {
        dsl::fill_in(&mut gi, trgcol, &dsl::connect(a, b));
    }
    let go = dsl::crop(&gi, (boxi + 1, boxj + 1), (boxh - 2, boxw - 2));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1caeab9d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (1, h / 2));
    let ow = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let bb = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    let sp = rng.choice_in(&bb)?;
    let mut obj: PySet<Loc> = std::iter::once(sp).collect();
    let bb = dsl::remove(&sp, &bb);
    let ncellsd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
    let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
    let ncells = ncells.max(0).min(oh * ow - 1);
    for _ in 0..ncells {
        grow_by(rng, &bb, &mut obj, dsl::neighbors)?;
    }
    let (oh, ow) = set_shape(&obj);
    let top = obj.iter().map(|l| l.0).min().unwrap_or(0);
    let left = obj.iter().map(|l| l.1).min().unwrap_or(0);
    let obj: Vec<Loc> = obj.iter().map(|&(i, j)| (i - top, j - left)).collect();
    let loci = rng.randint(0, h - oh)?;
    let numo = unifint(rng, diff_lb, diff_ub, (2, 8.min(w / ow))) - 1;
    let mut itv = dsl::interval(0, w, 1);
    let mut locj = rng.randint(0, w - ow)?;
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let c = dsl::canvas(bgc, (h, w));
    let place = |d: Loc| -> Vec<Loc> { obj.iter().map(|&l| dsl::add(l, d)).collect() };
    let mut gi = fill_locs(&c, 1, &place((loci, locj)));
    let mut go = gi.clone();
    itv = without(&itv, &dsl::interval(locj, locj + ow, 1));
    for _ in 0..numo {
        let cands: Vec<i64> = itv
            .iter()
            .copied()
            .filter(|&j| (j..j + ow).all(|x| itv.contains(&x)))
            .collect();
        if cands.is_empty() {
            break;
        }
        locj = rng.choice(&cands)?;
        let col = rng.choice(&remcols)?;
        remcols = dsl::remove(&col, &remcols);
        let i = rng.randint(0, h - oh)?;
        fill_locs_in(&mut gi, col, &place((i, locj)));
        fill_locs_in(&mut go, col, &place((loci, locj)));
        itv = without(&itv, &dsl::interval(locj, locj + ow, 1));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1cf80156(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&colopts)?;
    let fgc = rng.choice(&dsl::remove(&bgc, &colopts))?;
    let gi = dsl::canvas(bgc, (h, w));
    let hb = unifint(rng, diff_lb, diff_ub, (1, 15.min(h - 1)));
    let wb = unifint(rng, diff_lb, diff_ub, (1, 15.min(w - 1)));
    let bounds = dsl::asindices(&dsl::canvas(0, (hb, wb)));
    let first = rng.choice_in(&dsl::corners(&bounds))?;
    let mut shp: PySet<Loc> = std::iter::once(first).collect();
    let mp = (hb * wb) / 2;
    let dev = unifint(rng, diff_lb, diff_ub, (0, mp));
    let nc = rng.choice(&[dev, hb * wb - dev])?;
    let nc = 0.max((hb * wb - 1).min(nc));
    for _ in 0..nc {
        grow_by(rng, &bounds, &mut shp, dsl::neighbors)?;
    }
    let shp = normalize_set(&shp);
    let di = rng.randint(0, h - dsl::height(&shp))?;
    let dj = rng.randint(0, w - dsl::width_of(&shp))?;
    let gi = dsl::filled(gi, fgc, &shp.shift((di, dj)));
    let go = dsl::fill(&dsl::canvas(bgc, dsl::shape(&shp)), fgc, &shp);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1e0a9b12(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    // `ff`: transpose, sort each column ascending, transpose back.
    let ff = |g: &Grid| -> Grid {
        let t: Grid = dsl::dmirror_grid(g)
            .into_iter()
            .map(|mut r| {
                r.sort();
                r
            })
            .collect();
        dsl::dmirror_grid(&t)
    };
    loop {
        let h = unifint(rng, diff_lb, diff_ub, (3, 30));
        let w = unifint(rng, diff_lb, diff_ub, (3, 30));
        let nc = unifint(rng, diff_lb, diff_ub, (1, w));
        let bgc = rng.choice(&cols)?;
        let mut gi = dsl::canvas(bgc, (h, w));
        let remcols = dsl::remove(&bgc, &cols);
        let mut scols = Vec::new();
        for _ in 0..nc {
            scols.push(rng.choice(&remcols)?);
        }
        let slocs = rng.sample(&dsl::interval(0, w, 1), nc)?;
        let inds = dsl::connect((0, 0), (h - 1, 0)).to_vec();
        for (&c, &l) in scols.iter().zip(&slocs) {
            let nc2 = rng.randint(1, h - 1)?;
            let sel = rng.sample(&inds, nc2)?;
            let placed: Vec<Loc> = sel.iter().map(|&(i, j)| (i, j + l)).collect();
            fill_locs_in(&mut gi, c, &placed);
        }
        let go = dsl::replace(&ff(&dsl::replace(&gi, bgc, -1)), -1, bgc);
        // Python compares the background's count with the *color* that is
        // most common among the others (`argmax` returns the item).
        let others = dsl::remove(&bgc, &dsl::palette_grid(&gi));
        let top = dsl::argmax(others.iter(), |&c| dsl::colorcount(&gi, c));
        match top {
            Some(&top) if dsl::colorcount(&gi, bgc) as i64 > top => {
                return Ok(Example {
                    input: gi,
                    output: go,
                });
            }
            Some(_) => {}
            // `int > None`: a TypeError in Python.
            None => return Err(DatasetError::Generation("'>' not supported".into())),
        }
    }
}

fn generate_1e32b0e9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 6));
    let w = unifint(rng, diff_lb, diff_ub, (4, 6));
    let nh = unifint(rng, diff_lb, diff_ub, (1, 4));
    let nw = unifint(rng, diff_lb, diff_ub, (if nh > 1 { 1 } else { 2 }, 3));
    let blf = rng.sample(&cols, 3)?;
    let (bgc, linc, fgc) = (blf[0], blf[1], blf[2]);
    let fullh = h * nh + (nh - 1);
    let fullw = w * nw + (nw - 1);
    let c = dsl::canvas(linc, (fullh, fullw));
    let smallc = dsl::canvas(bgc, (h, w));
    let mut llocs: PySet<Loc> = PySet::new();
    for a in dsl::interval(0, fullh, h + 1) {
        for b in dsl::interval(0, fullw, w + 1) {
            llocs.add((a, b));
        }
    }
    let llocs = llocs.to_vec();
    let srcloc = rng.choice(&llocs)?;
    let remlocs = dsl::remove(&srcloc, &llocs);
    let ncells = unifint(rng, diff_lb, diff_ub, (0, (h - 2) * (w - 2) - 1));
    let inds = dsl::asindices(&dsl::canvas(bgc, (h - 2, w - 2)));
    let sp = rng.choice_in(&inds)?;
    let inds = dsl::remove(&sp, &inds);
    let mut shp: PySet<Loc> = std::iter::once(sp).collect();
    for _ in 0..ncells {
        grow_by(rng, &inds, &mut shp, dsl::neighbors)?;
    }
    let shp: Indices = shp.iter().map(|&(i, j)| (i + 1, j + 1)).collect();
    let gg = dsl::asobject(&dsl::fill(&smallc, fgc, &shp));
    let gg2 = dsl::asobject(&dsl::fill(&smallc, linc, &shp));
    let mut gi = dsl::paint(&c, &gg.shift(srcloc));
    let mut go = gi.clone();
    let ncc = ncells + 1;
    let cells = shp.to_vec();
    for &rl in &remlocs {
        let nleft = rng.randint(0, ncc)?;
        let subobj = rng.sample(&cells, nleft)?;
        let sg2 = dsl::asobject(&fill_locs(&smallc, fgc, &subobj));
        dsl::paint_in(&mut gi, &sg2.shift(rl));
        dsl::paint_in(&mut go, &gg2.shift(rl));
        let placed: Vec<Loc> = subobj.iter().map(|&l| dsl::add(l, rl)).collect();
        fill_locs_in(&mut go, fgc, &placed);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1f0c79e5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bo = rng.sample(&cols, 2)?;
    let (bgc, objc) = (bo[0], bo[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 24));
    let mut inds = dsl::asindices(&gi);
    let obj: [Loc; 4] = [(0, 0), (0, 1), (1, 0), (1, 1)];
    for _ in 0..nobjs {
        let cands = dsl::sfilter(&inds, |&ij| {
            obj.iter().all(|&l| inds.contains(&dsl::add(l, ij)))
        });
        if cands.is_empty() {
            break;
        }
        let loc = rng.choice_in(&cands)?;
        // `shift(obj, loc)` of the tuple: a frozenset in the tuple's order.
        let plcd: Indices = obj.iter().map(|&l| dsl::add(l, loc)).collect();
        let nred = unifint(rng, diff_lb, diff_ub, (1, 3));
        let reds = rng.sample(&plcd.to_vec(), nred)?;
        dsl::fill_in(&mut gi, objc, &plcd);
        fill_locs_in(&mut gi, 2, &reds);
        for &idx in &reds {
            let d = dsl::subtract(idx, loc);
            let direc = (2 * d.0 - 1, 2 * d.1 - 1);
            for &p in plcd.iter() {
                dsl::fill_in(&mut go, objc, &dsl::shoot(p, direc));
            }
        }
        let as_set = PySet::from_set(&plcd);
        inds = (&inds - &plcd).difference(&mapply_set(dsl::dneighbors, &as_set));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1f642eb9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let ih = unifint(rng, diff_lb, diff_ub, (2, (h - 4).min(2 * (h / 3))));
    let iw = unifint(rng, diff_lb, diff_ub, (2, (w - 4).min(2 * (w / 3))));
    let loci = rng.randint(2, h - ih - 2)?;
    let locj = rng.randint(2, w - iw - 2)?;
    let bs = rng.sample(&cols, 2)?;
    let (bgc, sqc) = (bs[0], bs[1]);
    let remcols = colors_without(&[bgc, sqc]);
    let numcells = unifint(rng, diff_lb, diff_ub, (1, 2 * ih + 2 * iw - 4));
    let mut flags = [false; 4];
    for f in flags.iter_mut() {
        *f = rng.choice(&[true, false])?;
    }
    // Python adds booleans to ints: `loci + (not c1)`, `locj + c1`.
    let [c1, c2, c3, c4] = flags.map(i64::from);
    let (mut outs, mut ins) = (Vec::new(), Vec::new());
    for a in loci + (1 - c1)..loci + ih - (1 - c2) {
        outs.push((a, 0));
        ins.push((a, locj));
    }
    for a in loci + (1 - c3)..loci + ih - (1 - c4) {
        outs.push((a, w - 1));
        ins.push((a, locj + iw - 1));
    }
    for b in locj + c1..locj + iw - c3 {
        outs.push((0, b));
        ins.push((loci, b));
    }
    for b in locj + c2..locj + iw - c4 {
        outs.push((h - 1, b));
        ins.push((loci + ih - 1, b));
    }
    let locs = rng.sample(&dsl::interval(0, 2 * ih + 2 * iw - 4, 1), numcells)?;
    let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numc)?;
    let keep = |v: Vec<Loc>| -> Vec<Loc> {
        v.into_iter()
            .enumerate()
            .filter(|(j, _)| locs.contains(&(*j as i64)))
            .map(|(_, e)| e)
            .collect()
    };
    let (outs, ins) = (keep(outs), keep(ins));
    let bd = dsl::backdrop(&pair_set((loci, locj), (loci + ih - 1, locj + iw - 1)));
    let mut gi = dsl::fill(&dsl::canvas(bgc, (h, w)), sqc, &bd);
    let mut seq = Vec::new();
    for _ in 0..numcells {
        seq.push(rng.choice(&ccols)?);
    }
    for (&c, &loc) in seq.iter().zip(&outs) {
        fill_locs_in(&mut gi, c, &[loc]);
    }
    let mut go = gi.clone();
    for (&c, &loc) in seq.iter().zip(&ins) {
        fill_locs_in(&mut go, c, &[loc]);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1f85a75f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let oh = rng.randint(3, 8.min(h / 2))?;
    let ow = rng.randint(3, 8.min(w / 2))?;
    // `bounds` and `obj` lie in the 8 by 8 box: tables of box ids
    // (`BoxShape`), grown as CPython grows them.
    let hashes = loc10_hashes();
    let bounds = BoxShape::asindices(hashes, (oh, ow));
    let ncells = rng.randint(oh.max(ow), oh * ow)?;
    let sp = bounds.choose(rng)?;
    let mut obj = BoxShape::from_locs(hashes, [loc10(sp)]);
    for _ in 0..ncells - 1 {
        obj.grow(rng, &bounds, dsl::dneighbors)?;
    }
    // `normalize(obj)`'s order is never read (its shape, its backdrop's
    // size, fills): its cells as a list.
    let obj = normalized(&obj.locs().collect::<Vec<_>>());
    let (oh, ow) = cells_shape(&obj);
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let bo = rng.sample(&cols, 2)?;
    let (bgc, objc) = (bo[0], bo[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&objc, &cols));
    let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numc)?;
    // `backdrop(obj)` of a normalized patch is its `oh` by `ow` box.
    let nnoise = unifint(rng, diff_lb, diff_ub, (0, 0.max((h * w - oh * ow) / 4)));
    let mut gi = dsl::canvas(bgc, (h, w));
    fill_locs_in(
        &mut gi,
        objc,
        obj.iter()
            .map(|&(i, j)| (i + loci, j + locj))
            .collect::<Vec<_>>()
            .iter(),
    );
    // `inds - backdrop(shifted obj)` on `inds`' table (`GridSet`): the
    // backdrop, a rectangle, is read only for its size and membership.
    let in_bd = |id: u16| {
        let (i, j) = gloc(id);
        (loci..loci + oh).contains(&i) && (locj..locj + ow).contains(&j)
    };
    let rest: Vec<Loc> = GridSet::asindices((h, w))
        .difference_where((oh * ow) as usize, in_bd)
        .iter()
        .map(gloc)
        .collect();
    let noisecells = rng.sample(&rest, nnoise)?;
    // Distinct locations: the noise object's paint is order-free.
    for &ij in &noisecells {
        let col = rng.choice(&ccols)?;
        fill_locs_in(&mut gi, col, &[ij]);
    }
    let mut go = dsl::canvas(bgc, (oh, ow));
    fill_locs_in(&mut go, objc, &obj);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1f876c06(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let nlns = unifint(rng, diff_lb, diff_ub, (1, h.min(w).min(9)));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut ccols = rng.sample(&remcols, nlns)?;
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * nlns;
    let direcs = dsl::ineighbors((0, 0));
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi);
    while succ < nlns && tr < maxtr {
        tr += 1;
        if inds.is_empty() {
            break;
        }
        let loc = rng.choice_in(&inds)?;
        let mut lns: Vec<Vec<Loc>> = Vec::new();
        for &direc in direcs.iter() {
            let mut ln = vec![loc];
            let mut ofs = 1;
            loop {
                let nextpix = dsl::add(loc, (ofs * direc.0, ofs * direc.1));
                ofs += 1;
                if !inds.contains(&nextpix) {
                    break;
                }
                ln.push(nextpix);
            }
            if ln.len() > 2 {
                lns.push(ln);
            }
        }
        if !lns.is_empty() {
            succ += 1;
            // `sorted(lns, key=len)`: stable, as is `sort_by_key`.
            lns.sort_by_key(Vec::len);
            let idx = unifint(rng, diff_lb, diff_ub, (0, lns.len() as i64 - 1));
            let ln = &lns[idx as usize];
            // `ccols[0]` of an empty list is an IndexError.
            if ccols.is_empty() {
                return Err(DatasetError::Generation("list index out of range".into()));
            }
            let col = ccols.remove(0);
            fill_locs_in(&mut gi, col, &[ln[0], ln[ln.len() - 1]]);
            fill_locs_in(&mut go, col, ln);
            let lnset: PySet<Loc> = ln.iter().copied().collect();
            inds = inds.difference(&lnset);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_1fad071e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nbl = rng.randint(0, 5)?;
    let nobjs = unifint(rng, diff_lb, diff_ub, (nbl, nbl.max((h * w) / 10)));
    let bo = rng.sample(&cols, 2)?;
    let (bgc, otherc) = (bo[0], bo[1]);
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nobjs;
    let mut bcount = 0;
    let mut gi = dsl::canvas(bgc, (h, w));
    // `inds`, whose order the draws read, as CPython's table of location
    // numbers (`GridSet`) and a row-major mask; its placements are kept per
    // shape until it changes.
    let mut inds = GridSet::asindices((h, w));
    let mut in_inds = vec![true; (h * w) as usize];
    let mut fits = FitMemo::default();
    // `ofcfrbinds`: per color, the cells a new block of it must not touch
    // (only asked for membership; they reach one cell outside the grid).
    let mut forb_blue = LocMask::new((h, w), 1);
    let mut forb_other = LocMask::new((h, w), 1);
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let mut col = rng.choice(&[1, otherc])?;
        let mut oh = rng.randint(1, 3)?;
        let mut ow = rng.randint(1, 3)?;
        if bcount < nbl {
            col = 1;
            oh = 2;
            ow = 2;
        } else {
            while col == 1 && oh == 2 && ow == 2 {
                col = rng.choice(&[1, otherc])?;
                oh = rng.randint(1, 3)?;
                ow = rng.randint(1, 3)?;
            }
        }
        let cands = fits.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        // `bd`, the `oh` by `ow` box at `loc` (inside the grid), is read for
        // membership and a fill: a rectangle.
        let (ul, lr) = (loc, (loc.0 + oh - 1, loc.1 + ow - 1));
        let bd: Vec<Loc> = (ul.0..=lr.0)
            .flat_map(|i| (ul.1..=lr.1).map(move |j| (i, j)))
            .collect();
        let forb = if col == 1 {
            &mut forb_blue
        } else {
            &mut forb_other
        };
        // `mapply(dneighbors, bd)`, as its members with repeats.
        let near = || bd.iter().flat_map(|&l| dneighbor_cells(l));
        if bd.iter().all(|&(i, j)| in_inds[(i * w + j) as usize])
            && !near().any(|l| forb.contains(l))
        {
            succ += 1;
            // `inds - bd`: `bd`'s distinct locations discarded or tested.
            let bd_ids: Vec<u16> = bd.iter().map(|&l| gid(l)).collect();
            inds = inds.difference_ids(&bd_ids);
            for &(i, j) in &bd {
                in_inds[(i * w + j) as usize] = false;
            }
            fits.changed();
            for l in near().chain(bd.iter().copied()) {
                forb.insert(l);
            }
            fill_rect(&mut gi, col, ul, lr);
            if col == 1 && oh == 2 && ow == 2 {
                bcount += 1;
            }
        }
    }
    let row: Vec<i64> = (0..5).map(|k| if k < bcount { 1 } else { bgc }).collect();
    Ok(Example {
        input: gi,
        output: vec![row],
    })
}

/// `s & other` for two distinct [`GridSet`] objects (`set_intersection`):
/// the smaller is walked (`other` on a tie) and its members found in the
/// larger added, in its order, to a new set (distinct: clean inserts).
fn grid_and(s: &GridSet, other: &GridSet) -> GridSet {
    let (big, small) = if other.len() > s.len() {
        (other, s)
    } else {
        (s, other)
    };
    GridSet::from_distinct(small.iter().filter(|&id| big.contains(id)))
}

fn generate_2013d3e2(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 10));
    let w = h;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let remcols = rng.sample(&remcols, numcols)?;
    let canv = dsl::canvas(bgc, (h, w));
    let nc = unifint(rng, diff_lb, diff_ub, (2, h * w - 1));
    // `bx` and the sets drawn from as CPython's tables of location numbers
    // ([`GridSet`]): their orders are read by the draws.
    let mut bx = GridSet::asindices((h, w));
    let c0 = rng.choice(&remcols)?;
    let l0 = gloc(grid_choice(rng, &bx)?);
    // A set of cells: the first location stays in `bx`, so it can be
    // picked again in another color, and then paint order decides.
    let mut obj: PySet<dsl::Cell> = std::iter::once((c0, l0)).collect();
    for _ in 0..nc - 1 {
        // `toindices(obj)`: its locations added in `obj`'s order.
        let locs = GridSet::from_adds(obj.iter().map(|c| gid(c.1)));
        let dns = locs.mapply_neighbors();
        let ch = gloc(grid_choice(rng, &grid_and(&bx, &dns))?);
        obj.add((rng.choice(&remcols)?, ch));
        bx = bx.difference_ids(&[gid(ch)]);
    }
    let mut gi = canv;
    for &(v, (i, j)) in obj.iter() {
        gi[i as usize][j as usize] = v;
    }
    let gi1 = dsl::hconcat(&gi, &dsl::rot90(&gi));
    let gi2 = dsl::hconcat(&dsl::rot270(&gi), &dsl::rot180(&gi));
    let gi = dsl::vconcat(&gi1, &gi2);
    let fullh = unifint(rng, diff_lb, diff_ub, (2 * h, 30));
    let fullw = unifint(rng, diff_lb, diff_ub, (2 * w, 30));
    let loci = rng.randint(0, fullh - 2 * h)?;
    let locj = rng.randint(0, fullw - 2 * w)?;
    // `paint(canvas, shift(asobject(gi), (loci, locj)))` of a grid that
    // fits (one cell per location): a copy into the canvas.
    let mut full = dsl::canvas(bgc, (fullh, fullw));
    for (row, src) in full[loci as usize..].iter_mut().zip(&gi) {
        row[locj as usize..locj as usize + src.len()].copy_from_slice(src);
    }
    // `subgrid(asindices(gi) - ofcolor(gi, bgc), gi)` reads the set only
    // for its bounds: those of the cells not of `bgc` (there are some, as
    // no color drawn is `bgc`). Then its top left quarter.
    let (mut t, mut l, mut b, mut r) = (usize::MAX, usize::MAX, 0, 0);
    for (i, row) in full.iter().enumerate() {
        for (j, _) in row.iter().enumerate().filter(|&(_, &v)| v != bgc) {
            (t, l, b, r) = (t.min(i), l.min(j), b.max(i), r.max(j));
        }
    }
    let (sh, sw) = ((b + 1).saturating_sub(t), (r + 1).saturating_sub(l));
    // (`lefthalf` turns the grid: no columns leave no rows.)
    let go: Grid = match sw / 2 {
        0 => Vec::new(),
        half => full[t.min(full.len())..]
            .iter()
            .take(sh / 2)
            .map(|row| row[l..l + half].to_vec())
            .collect(),
    };
    let gi = full;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_2204b7a8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let (mut gi, mut go) = loop {
        let h = unifint(rng, diff_lb, diff_ub, (4, 30));
        let w = unifint(rng, diff_lb, diff_ub, (4, 30));
        let bgc = rng.choice(&colopts)?;
        let remcols = dsl::remove(&bgc, &colopts);
        let c = dsl::canvas(bgc, (h, w));
        let inds = dsl::asindices(&dsl::canvas(0, (h, w - 2)))
            .shift((0, 1))
            .to_vec();
        let ccol = rng.choice(&remcols)?;
        let remcols2 = dsl::remove(&ccol, &remcols);
        let c1 = rng.choice(&remcols2)?;
        let c2 = rng.choice(&dsl::remove(&c1, &remcols2))?;
        let nc = unifint(rng, diff_lb, diff_ub, (1, (h * (w - 2)) / 2 - 1));
        let mut locs = rng.sample(&inds, nc)?;
        if w % 2 == 1 {
            locs.retain(|l| l.1 != w / 2);
        }
        let gi = dsl::fill(&c, c1, &dsl::vfrontier((0, 0)));
        let gi = dsl::filled(gi, c2, &dsl::vfrontier((0, w - 1)));
        let gi = filled_locs(gi, ccol, &locs);
        let (a, b): (Vec<Loc>, Vec<Loc>) = locs.iter().partition(|l| l.1 < w / 2);
        let go = fill_locs(&gi, c1, &a);
        let go = filled_locs(go, c2, &b);
        if dsl::palette_grid(&gi).len() == 4 {
            break (gi, go);
        }
    };
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_22168020(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let num = unifint(rng, diff_lb, diff_ub, (1, 9.min((h * w) / 10)));
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 6 * num;
    let mut inds = dsl::asindices(&gi);
    while tr < maxtr && succ < num {
        let d = unifint(rng, diff_lb, diff_ub, (2, 5));
        let ow = 2 * d;
        if inds.is_empty() {
            tr += 1;
            continue;
        }
        let loc = rng.choice_in(&inds)?;
        let (loci, locj) = loc;
        // io and oo are only mirrored (by their own bounds), subset-tested,
        // subtracted by size and membership, and filled: lists of
        // locations. oo = merge(sfilter(prapply(connect, io, io), hline)):
        // connect(a, b) is a line one row high exactly when a and b share a
        // row, so oo spans each row of io from its leftmost to its
        // rightmost cell.
        let mut io: Vec<Loc> = Vec::new();
        for k in 0..d {
            io.push((loci + k, locj + k));
            io.push((loci + k, locj + ow - 1 - k));
        }
        io.push((loci + d, locj + d - 1));
        io.push((loci + d, locj + d));
        let io = Around::of_cells(io).cells().to_vec();
        let mut oo: Vec<Loc> = Vec::new();
        for r in loci..=loci + d {
            let js: Vec<i64> = io.iter().filter(|l| l.0 == r).map(|l| l.1).collect();
            if !js.is_empty() {
                let (lo, hi) = bounds_of(&js);
                oo.extend((lo..=hi).map(|j| (r, j)));
            }
        }
        let mf = rng.choice(&[0, 1, 2, 3, 4])?;
        let io = mirror_locs(mf, &io);
        let oo = mirror_locs(mf, &oo);
        let col = rng.choice(&remcols)?;
        if oo.iter().all(|l| inds.contains(l)) {
            fill_locs_in(&mut gi, col, &io);
            fill_locs_in(&mut go, col, &oo);
            succ += 1;
            let cover = Around::of_cells(oo.iter().copied());
            inds = cover.subtract_from(&inds);
            remcols = dsl::remove(&col, &remcols);
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_22233c11(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 10));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * nobjs;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`, whose order the draws read, also as a row-major mask and as
    // the tuple `rng.choice(totuple(inds))` draws from, both kept until it
    // changes. `fullinds` is the whole grid.
    let mut inds = dsl::asindices(&gi);
    let mut in_inds = vec![true; (h * w) as usize];
    let mut inds_tuple = inds.to_vec();
    let inside = |(i, j): Loc| 0 <= i && i < h && 0 <= j && j < w;
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, ncols)?;
    while succ < nobjs && tr < maxtr {
        if inds.is_empty() {
            break;
        }
        tr += 1;
        let od = rng.randint(1, 3)?;
        let col = rng.choice(&ccols)?;
        // The 4 by 4 pattern (8 at two corners, `col` on two diagonal
        // cells, `hmirror`ed or not) upscaled by `od`: `inobj` is the `col`
        // blocks, `outobj` adds the 8 blocks; no two cells share a location,
        // so nothing reads their sets' orders (membership, a paint).
        let (corners, diag) = if rng.choice(&[true, false])? {
            ([(3, 3), (0, 0)], [(2, 1), (1, 2)])
        } else {
            ([(0, 3), (3, 0)], [(1, 1), (2, 2)])
        };
        let loc = rng.choice(&inds_tuple)?;
        let blocks = |cells: [Loc; 2]| {
            let mut out = Vec::with_capacity((2 * od * od) as usize);
            for (a, b) in cells {
                for i in a * od..(a + 1) * od {
                    for j in b * od..(b + 1) * od {
                        out.push((i + loc.0, j + loc.1));
                    }
                }
            }
            out
        };
        let (inobj, eights) = (blocks(diag), blocks(corners));
        let in_inds_at = |l: Loc| inside(l) && in_inds[(l.0 * w + l.1) as usize];
        // `toindices(inobj).issubset(inds)` and
        // `(outobji & fullinds).issubset(inds)`.
        if inobj.iter().all(|&l| in_inds_at(l))
            && eights.iter().all(|&l| !inside(l) || in_inds_at(l))
        {
            succ += 1;
            // `inds = (inds - outobji) - mapply(neighbors, outobji)`: both
            // subtracted sets are read as cells ([`minus_cells`]), not built.
            let outobji = Around::of_cells(inobj.iter().chain(&eights).copied());
            let near = Around::new(outobji.cells().iter().copied(), dsl::neighbors);
            inds = near.subtract_from(&outobji.subtract_from(&inds));
            for &l in near.cells().iter().chain(outobji.cells()) {
                if inside(l) {
                    in_inds[(l.0 * w + l.1) as usize] = false;
                }
            }
            inds_tuple = inds.to_vec();
            fill_locs_in(&mut gi, col, &inobj);
            fill_locs_in(&mut go, col, &inobj);
            fill_locs_in(&mut go, 8, &eights);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_2281f1f4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let mut numtop = unifint(rng, diff_lb, diff_ub, (1, w / 2 + 1));
    let mut numright = unifint(rng, diff_lb, diff_ub, (1, h / 2 + 1));
    if numtop == 1 && numright == 1 {
        let s = rng.sample(&[1, 2], 2)?;
        (numtop, numright) = (s[0], s[1]);
    }
    let tp = rng.sample(&dsl::interval(0, w - 1, 1), numtop)?;
    let rp = rng.sample(&dsl::interval(1, h, 1), numright)?;
    let res: Vec<Loc> = tp
        .iter()
        .map(|&j| (0, j))
        .chain(rp.iter().map(|&i| (i, w - 1)))
        .collect();
    let bgc = rng.choice(&colopts)?;
    let dc = rng.choice(&dsl::remove(&bgc, &colopts))?;
    let gi = fill_locs(&dsl::canvas(bgc, (h, w)), dc, &res);
    let go = dsl::fill(&gi, 2, &dsl::product(&rp, &tp));
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

/// A shape of locations inside the 8 by 8 box at the origin as a bitmask
/// (bit `8 * i + j`): two are equal exactly when the frozensets are, which
/// is all `in forbidden` reads.
fn box8_bits(locs: impl IntoIterator<Item = Loc>) -> u64 {
    locs.into_iter().fold(0, |m, (i, j)| {
        assert!(
            (0..8).contains(&i) && (0..8).contains(&j),
            "outside the 8 by 8 box"
        );
        m | 1 << (8 * i + j)
    })
}

fn generate_228f6490(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nsq = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 50));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nsq;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let sqc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&sqc, &remcols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`, whose order the draws read, as CPython's table over location
    // numbers (`GridSet`) and a row-major mask; its placements
    // (`sfilter(inds, ...)`) are kept per shape until it changes.
    let mut inds = GridSet::asindices((h, w));
    let mut in_inds = vec![true; (h * w) as usize];
    let mut fits = FitMemo::default();
    // `forbidden` is only searched with `in`: set equality, as bitmasks.
    let mut forbidden: Vec<u64> = Vec::new();
    let hashes = loc10_hashes();
    // `inds = (inds - placed) - mapply(dneighbors, patch)` for `placed`
    // given as distinct cells of the grid: neither subtracted set is built,
    // as only their sizes and membership are read or their cells discarded.
    let remove_placed =
        |inds: &mut GridSet, in_inds: &mut [bool], placed: &[Loc], patch: &[Loc]| {
            let near = Around::new(patch.iter().copied(), dsl::dneighbors);
            let ids: Vec<u16> = placed.iter().map(|&l| gid(l)).collect();
            *inds = inds.difference_ids(&ids).difference_locs(near.cells());
            for &(i, j) in placed.iter().chain(near.cells()) {
                if 0 <= i && i < h && 0 <= j && j < w {
                    in_inds[(i * w + j) as usize] = false;
                }
            }
        };
    while tr < maxtr && succ < nsq {
        tr += 1;
        let oh = rng.randint(3, 6)?;
        let ow = rng.randint(3, 6)?;
        // `bounds` (the inner box, `shift` adding its locations in
        // `asindices`' order) and the grown `obj` lie in the 8 by 8 box:
        // tables of box ids (`BoxShape`), grown as CPython grows them.
        let inner = BoxShape::asindices(hashes, (oh - 2, ow - 2));
        let bounds = BoxShape::from_locs(hashes, inner.locs().map(|(i, j)| (i + 1, j + 1)));
        let first = bounds.choose(rng)?;
        let mut obj = BoxShape::from_locs(hashes, [loc10(first)]);
        let ncells = rng.randint(1, (oh - 2) * (ow - 2))?;
        for _ in 0..ncells - 1 {
            obj.grow(rng, &bounds, dsl::dneighbors)?;
        }
        // `obj`'s own order is not read below (its shape, equality of its
        // normalized form, fills and membership): its cells as a list.
        let obj: Vec<Loc> = obj.locs().collect();
        let sqcands = fits.fitting(&inds, (h, w), (oh, ow));
        if sqcands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(sqcands)?);
        // `bdplcd = shift(bd, loc)`, `bd` the `oh` by `ow` box: a rectangle.
        let (ul, lr) = (loc, (loc.0 + oh - 1, loc.1 + ow - 1));
        let bd_free = (ul.0..=lr.0).all(|i| (ul.1..=lr.1).all(|j| in_inds[(i * w + j) as usize]));
        if !bd_free {
            continue;
        }
        let (oh2, ow2) = cells_shape(&obj);
        let inobjcands = fits.fitting(&inds, (h, w), (oh2, ow2));
        if inobjcands.is_empty() {
            continue;
        }
        let loc2 = gloc(rng.choice(inobjcands)?);
        let top = obj.iter().map(|l| l.0).min().unwrap_or(0);
        let left = obj.iter().map(|l| l.1).min().unwrap_or(0);
        let inobjn: Vec<Loc> = obj.iter().map(|&(i, j)| (i - top, j - left)).collect();
        let inobjplcd: Vec<Loc> = inobjn.iter().map(|&l| dsl::add(l, loc2)).collect();
        let obj_bits = box8_bits(obj.iter().copied());
        let bdnorm = box8_bits((0..oh).flat_map(|i| (0..ow).map(move |j| (i, j)))) & !obj_bits;
        let inobjn_bits = box8_bits(inobjn.iter().copied());
        // `inobjplcd.issubset(inds - bdplcd)`.
        let fits_free = inobjplcd.iter().all(|&(i, j)| {
            0 <= i
                && i < h
                && 0 <= j
                && j < w
                && in_inds[(i * w + j) as usize]
                && !in_rect((i, j), ul, lr)
        });
        if fits_free && !forbidden.contains(&bdnorm) && !forbidden.contains(&inobjn_bits) {
            forbidden.push(bdnorm);
            forbidden.push(inobjn_bits);
            succ += 1;
            // `bdplcd | inobjplcd`: disjoint, as checked above.
            let rect: Vec<Loc> = (ul.0..=lr.0)
                .flat_map(|i| (ul.1..=lr.1).map(move |j| (i, j)))
                .collect();
            let placed: Vec<Loc> = rect.iter().chain(&inobjplcd).copied().collect();
            remove_placed(&mut inds, &mut in_inds, &placed, &inobjplcd);
            fits.changed();
            let col = rng.choice(&remcols)?;
            // `oplcd = shift(obj, loc)`; `gi` takes `sqc` on `bdplcd - oplcd`.
            for &(i, j) in &rect {
                let (oi, oj) = (i - loc.0, j - loc.1);
                let in_obj = obj_bits >> (8 * oi + oj) & 1 == 1;
                if !in_obj {
                    gi[i as usize][j as usize] = sqc;
                }
                go[i as usize][j as usize] = if in_obj { col } else { sqc };
            }
            fill_locs_in(&mut gi, col, &inobjplcd);
        }
    }
    let nremobjs = unifint(rng, diff_lb, diff_ub, (0, inds.len() as i64 / 25));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * nremobjs;
    while tr < maxtr && succ < nremobjs {
        tr += 1;
        let oh = rng.randint(1, 4)?;
        let ow = rng.randint(1, 4)?;
        let bounds = BoxShape::asindices(hashes, (oh, ow));
        let first = bounds.choose(rng)?;
        let mut obj = BoxShape::from_locs(hashes, [loc10(first)]);
        let ncells = rng.randint(1, oh * ow)?;
        for _ in 0..ncells - 1 {
            obj.grow(rng, &bounds, dsl::dneighbors)?;
        }
        let obj: Vec<Loc> = obj.locs().collect();
        // `obj = normalize(obj)`: read for equality, membership and fills.
        let top = obj.iter().map(|l| l.0).min().unwrap_or(0);
        let left = obj.iter().map(|l| l.1).min().unwrap_or(0);
        let objn: Vec<Loc> = obj.iter().map(|&(i, j)| (i - top, j - left)).collect();
        let objn_bits = box8_bits(objn.iter().copied());
        if forbidden.contains(&objn_bits) {
            continue;
        }
        let cands = fits.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        let plcd: Vec<Loc> = objn.iter().map(|&l| dsl::add(l, loc)).collect();
        let free = plcd
            .iter()
            .all(|&(i, j)| 0 <= i && i < h && 0 <= j && j < w && in_inds[(i * w + j) as usize]);
        if free {
            succ += 1;
            remove_placed(&mut inds, &mut in_inds, &plcd, &plcd);
            fits.changed();
            let col = rng.choice(&remcols)?;
            fill_locs_in(&mut gi, col, &plcd);
            fill_locs_in(&mut go, col, &plcd);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_22eb0ac0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let bgc = rng.choice(&colopts)?;
    let remcols = dsl::remove(&bgc, &colopts);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let nlocs = unifint(rng, diff_lb, diff_ub, (1, h));
    let rows = dsl::interval(0, h, 1);
    let mut locs = rng.sample(&rows, nlocs)?;
    while locs.iter().all(|&l| l == 0 || l == h - 1) {
        locs = rng.sample(&rows, nlocs)?;
    }
    let mp = nlocs / 2;
    let nbarsdev = unifint(rng, diff_lb, diff_ub, (0, mp));
    let nbars = rng.choice(&[nbarsdev, h - nbarsdev])?;
    let nbars = 0.max(nbars.min(nlocs));
    let barlocs = rng.sample(&locs, nbars)?;
    let nonbarlocs = without(&locs, &barlocs);
    let mut barcols = Vec::new();
    for _ in 0..nbars {
        barcols.push(rng.choice(&remcols)?);
    }
    let mut acols = Vec::new();
    for _ in 0..nonbarlocs.len() {
        acols.push(rng.choice(&remcols)?);
    }
    let mut bcols = Vec::new();
    for a in &acols {
        bcols.push(rng.choice(&dsl::remove(a, &remcols))?);
    }
    for (&bc, &bl) in barcols.iter().zip(&barlocs) {
        fill_locs_in(&mut gi, bc, &[(bl, 0), (bl, w - 1)]);
        dsl::fill_in(&mut go, bc, &dsl::connect((bl, 0), (bl, w - 1)));
    }
    for ((&a, &b), &loc) in acols.iter().zip(&bcols).zip(&nonbarlocs) {
        fill_locs_in(&mut gi, a, &[(loc, 0)]);
        fill_locs_in(&mut go, a, &[(loc, 0)]);
        fill_locs_in(&mut gi, b, &[(loc, w - 1)]);
        fill_locs_in(&mut go, b, &[(loc, w - 1)]);
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

fn generate_234bbc79(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let (gi, mut go, bgc) = loop {
        let h = unifint(rng, diff_lb, diff_ub, (5, 30));
        let w = unifint(rng, diff_lb, diff_ub, (6, 20));
        let bd = rng.sample(&cols, 2)?;
        let (bgc, dotc) = (bd[0], bd[1]);
        let remcols = colors_without(&[bgc, dotc]);
        let mut go = dsl::canvas(bgc, (h, 30));
        let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
        let ccols = rng.sample(&remcols, ncols)?;
        let spi = rng.randint(0, h - 1)?;
        // The start is drawn on the input only, so the walk may step back
        // onto it (`go` still shows the background there).
        let mut snek: Vec<Loc> = vec![(spi, 0)];
        loop {
            let (previ, prevj) = snek[snek.len() - 1];
            if prevj == w - 1 && rng.choice(&[true, false, false])? {
                break;
            }
            let mut options = Vec::new();
            if previ < h - 1 && go[(previ + 1) as usize][prevj as usize] == bgc {
                options.push((previ + 1, prevj));
            }
            if previ > 0 && go[(previ - 1) as usize][prevj as usize] == bgc {
                options.push((previ - 1, prevj));
            }
            if prevj < w - 1 {
                options.push((previ, prevj + 1));
            }
            if options.is_empty() {
                break;
            }
            let loc = rng.choice(&options)?;
            snek.push(loc);
            fill_locs_in(&mut go, dotc, &[loc]);
        }
        let mut objs: Vec<Vec<Loc>> = Vec::new();
        let mut cobj: Vec<Loc> = Vec::new();
        for (idx, &cel) in snek.iter().enumerate() {
            // The walk never steps left, so `cobj`'s columns run from its
            // first cell's to its last's.
            let wide = cobj
                .first()
                .zip(cobj.last())
                .is_some_and(|(a, b)| b.1 > a.1);
            if cobj.len() > 2 && wide && snek[idx - 1] == dsl::add(cel, (0, -1)) {
                objs.push(std::mem::replace(&mut cobj, vec![cel]));
            } else {
                cobj.push(cel);
            }
        }
        match objs.last_mut() {
            Some(last) => last.extend(cobj),
            // `objs[-1] += cobj` on an empty list.
            None => return Err(DatasetError::Generation("list index out of range".into())),
        }
        let nobjs = objs.len() as i64;
        if nobjs < 2 {
            continue;
        }
        let ntokeep = unifint(rng, diff_lb, diff_ub, (2, nobjs));
        for _ in 0..nobjs - ntokeep {
            let idx = rng.randint(0, objs.len() as i64 - 2)? as usize;
            let next = objs.remove(idx + 1);
            objs[idx].extend(next);
        }
        // `inobj = centerpart | leftpart | rightpart` as its cells in
        // sequence order. Only the walk's start can be visited twice (`go`
        // never shows it), and it lies in the first object, whose cells in
        // column 0 all take `col`; so an object's cells have distinct
        // locations but for equal cells, and painting them in any order
        // gives what painting the set gives.
        let mut inobjs: Vec<Vec<dsl::Cell>> = Vec::with_capacity(objs.len());
        let n = objs.len();
        for (idx, obj) in objs.iter().enumerate() {
            let col = rng.choice(&ccols)?;
            fill_locs_in(&mut go, col, obj);
            let last = obj.len() - 1;
            let cells = obj.iter().enumerate().map(|(k, &l)| match k {
                0 => (if idx > 0 { dotc } else { col }, l),
                k if k == last => (if idx < n - 1 { dotc } else { col }, l),
                _ => (col, l),
            });
            inobjs.push(cells.collect());
        }
        let mut spacings = vec![1i64; inobjs.len() - 1];
        let fullw = unifint(rng, diff_lb, diff_ub, (w, 30));
        for _ in 0..fullw - w - inobjs.len() as i64 - 1 {
            let idx = rng.randint(0, spacings.len() as i64 - 1)? as usize;
            spacings[idx] += 1;
        }
        let lspacings: Vec<i64> = std::iter::once(0).chain(spacings).collect();
        let mut gi = dsl::canvas(bgc, (h, fullw));
        let mut ofs = 0;
        for (i, (&lsp, obj)) in lspacings.iter().zip(&inobjs).enumerate() {
            let (top, bottom) = bounds_of(&obj.iter().map(|c| c.1 .0).collect::<Vec<_>>());
            let (left, right) = (obj[0].1 .1, obj[obj.len() - 1].1 .1);
            let ulc = if i == 0 {
                (top, left)
            } else {
                (rng.randint(0, h - (bottom - top + 1))?, ofs + lsp)
            };
            ofs += right - left + 1 + lsp;
            // `paint(gi, shift(normalize(obj), ulc))`.
            let moved = obj
                .iter()
                .map(|&(v, (i, j))| (v, (i - top + ulc.0, j - left + ulc.1)));
            paint_cells_in(&mut gi, &moved.collect::<Vec<_>>());
        }
        break (gi, go, bgc);
    };
    // `size(merge(fgpartition(gi)))`: the cells not of the most common color.
    let most = dsl::mostcolor(&gi);
    let ins = gi.iter().flatten().filter(|&&v| v != most).count();
    // `go2 = dmirror(dmirror(go)[:-1])` drops the last column; keep
    // dropping while what is left shows at least `ins` non-background cells.
    let w = go.first().map_or(0, Vec::len);
    let mut kept = go.iter().flatten().filter(|&&v| v != bgc).count();
    let mut keep = w;
    while keep > 0 {
        let last = go.iter().filter(|r| r[keep - 1] != bgc).count();
        if kept - last < ins {
            break;
        }
        kept -= last;
        keep -= 1;
    }
    for row in &mut go {
        row.truncate(keep);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_23581191(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgcol = rng.choice(&colopts)?;
    let remcols = dsl::remove(&bgcol, &colopts);
    let c = dsl::canvas(bgcol, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let acol = rng.choice(&remcols)?;
    let bcol = rng.choice(&dsl::remove(&acol, &remcols))?;
    let na = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 4));
    let nb = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 4));
    let a = rng.sample(&inds, na)?;
    let rest: Vec<Loc> = inds.iter().filter(|l| !a.contains(l)).copied().collect();
    let b = rng.sample(&rest, nb)?;
    let gi = fill_locs(&c, acol, &a);
    let gi = filled_locs(gi, bcol, &b);
    let on_lines = |ps: &[Loc], &(i, j): &Loc| ps.iter().any(|p| p.0 == i || p.1 == j);
    let alins: Vec<Loc> = inds.iter().filter(|l| on_lines(&a, l)).copied().collect();
    let blins: Vec<Loc> = inds.iter().filter(|l| on_lines(&b, l)).copied().collect();
    let both: Vec<Loc> = alins
        .iter()
        .filter(|l| blins.contains(l))
        .copied()
        .collect();
    let go = fill_locs(&c, acol, &alins);
    let go = filled_locs(go, bcol, &blins);
    let go = filled_locs(go, 2, &both);
    let go = filled_locs(go, acol, &a);
    let go = filled_locs(go, bcol, &b);
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `rng.choice` of a sequence of `n` elements: the drawn index (Python's
/// `IndexError` on an empty sequence).
fn pick_other(rng: &mut GenRng, n: usize) -> Result<usize> {
    if n == 0 {
        return Err(DatasetError::Generation(
            "Cannot choose from an empty sequence".into(),
        ));
    }
    Ok(rng.rng.randbelow(n as u64) as usize)
}

fn generate_239be575(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let sq: [Loc; 4] = [(0, 0), (1, 1), (0, 1), (1, 0)];
    let cols = dsl::interval(1, 10, 1);
    loop {
        let h = unifint(rng, diff_lb, diff_ub, (6, 30));
        let w = unifint(rng, diff_lb, diff_ub, (6, 30));
        let fullcands = dsl::asindices_order(h - 1, w - 1);
        // `rng.choice(remove(a, fullcands))`: the tuple without `a` (one
        // entry, the locations are distinct), so its `k`th element is
        // found in `fullcands` past `a`'s place, without the copy.
        let choose_other = |rng: &mut GenRng, a: Loc| -> Result<Loc> {
            let at = fullcands
                .iter()
                .position(|&l| l == a)
                .expect("a is drawn from fullcands");
            let k = pick_other(rng, fullcands.len() - 1)?;
            Ok(fullcands[if k < at { k } else { k + 1 }])
        };
        let mut a = rng.choice(&fullcands)?;
        let mut b = choose_other(rng, a)?;
        let mindist = unifint(rng, diff_lb, diff_ub, (3, h.min(w) - 3));
        while (a.0 - b.0).abs() + (a.1 - b.1).abs() <= mindist {
            a = rng.choice(&fullcands)?;
            b = choose_other(rng, a)?;
        }
        let ms = rng.sample(&cols, 2)?;
        let (markcol, sqcol) = (ms[0], ms[1]);
        // The squares are only filled and tested for adjacency: cells.
        let aset: Vec<Loc> = sq.iter().map(|&l| dsl::add(l, a)).collect();
        let bset: Vec<Loc> = sq.iter().map(|&l| dsl::add(l, b)).collect();
        let mut gi = dsl::canvas(0, (h, w));
        fill_locs_in(&mut gi, sqcol, aset.iter().chain(&bset));
        // `ofcolor(gi, c)` is read in its order (draws from its tuple):
        // CPython's table as location numbers, added row by row
        // (`ofcolor_set`).
        let cands_set = ofcolor_set(&gi, 0);
        let mut cands = Vec::with_capacity(cands_set.len());
        cands.extend(cands_set.iter().map(gloc));
        let n = cands.len() as f64;
        let num = unifint(
            rng,
            diff_lb,
            diff_ub,
            ((0.25 * n) as i64, (0.75 * n) as i64),
        );
        let mc = rng.sample(&cands, num)?;
        fill_locs_in(&mut gi, markcol, &mc);
        // Only whether `ss` (the `markcol` objects `adjacent` to both
        // squares) is empty is read. Objects are the 4-connected one-color
        // components; no `markcol` cell is ever in a square (they keep
        // `sqcol`), so `adjacent` (manhattan 1) means a cell next to one of
        // the square's: `ss` is empty unless a flood of `markcol` cells from
        // those next to `aset` reaches one next to `bset`.
        let bridged = |g: &Grid| {
            let at = |(i, j): Loc| cell_at(g, (i, j)) == Some(markcol);
            let mut seen = vec![false; (h * w) as usize];
            let mut stack: Vec<Loc> = Vec::with_capacity(64);
            for &l in &aset {
                for n in dneighbor_cells(l) {
                    if at(n) && !seen[(n.0 * w + n.1) as usize] {
                        seen[(n.0 * w + n.1) as usize] = true;
                        stack.push(n);
                    }
                }
            }
            while let Some(l) = stack.pop() {
                for n in dneighbor_cells(l) {
                    if at(n) && !seen[(n.0 * w + n.1) as usize] {
                        seen[(n.0 * w + n.1) as usize] = true;
                        stack.push(n);
                    }
                }
            }
            bset.iter().any(|&l| {
                dneighbor_cells(l)
                    .into_iter()
                    .any(|n| at(n) && seen[(n.0 * w + n.1) as usize])
            })
        };
        let mut connected = bridged(&gi);
        let shoudlhaveconn = rng.choice(&[true, false])?;
        if shoudlhaveconn && !connected {
            while !connected {
                let opts2 = ofcolor_set(&gi, 0);
                if opts2.len() == 0 {
                    break;
                }
                fill_locs_in(&mut gi, markcol, &[gloc(grid_choice(rng, &opts2)?)]);
                connected = bridged(&gi);
            }
        } else if !shoudlhaveconn && connected {
            while connected {
                let opts2 = ofcolor_set(&gi, markcol);
                if opts2.len() == 0 {
                    break;
                }
                fill_locs_in(&mut gi, 0, &[gloc(grid_choice(rng, &opts2)?)]);
                connected = bridged(&gi);
            }
        }
        let mut present = [false; 10];
        for &v in gi.iter().flatten() {
            present[v as usize] = true;
        }
        if present.iter().filter(|&&p| p).count() == 3 {
            let oc = if shoudlhaveconn { markcol } else { 0 };
            return Ok(Example {
                input: gi,
                output: dsl::canvas(oc, (1, 1)),
            });
        }
    }
}

fn generate_23b5c85d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = rng.choice(&cols)?;
    let mut colopts = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go: Option<Grid> = None;
    let mut oh = unifint(rng, diff_lb, diff_ub, (2, h - 1));
    let mut ow = unifint(rng, diff_lb, diff_ub, (2, w - 1));
    let num = unifint(rng, diff_lb, diff_ub, (1, 8));
    let mut cnt = 0;
    while cnt < num {
        let loci = rng.randint(0, h - oh)?;
        let locj = rng.randint(0, w - ow)?;
        let col = rng.choice(&colopts)?;
        colopts = dsl::remove(&col, &colopts);
        let obj = dsl::backdrop(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
        let gi2 = dsl::fill(&gi, col, &obj);
        // The smallest solid rectangle among the color classes (the first
        // of equal areas in the partition's order) must be the new one.
        let area = |o: &dsl::Object| dsl::height(o) * dsl::width_of(o);
        let parts = dsl::partition(&gi2);
        let rects: Vec<&dsl::Object> = parts.iter().filter(|o| o.len() as i64 == area(o)).collect();
        let smallest = dsl::argmin(rects.iter().copied(), area)
            .and_then(dsl::color)
            // `color(None)`: a TypeError in Python.
            .ok_or_else(|| DatasetError::Generation("'NoneType' object is not iterable".into()))?;
        if smallest != col {
            break;
        }
        gi = gi2;
        go = Some(dsl::canvas(col, dsl::shape(&obj)));
        oh = unifint(rng, diff_lb, diff_ub, (0.max(oh - 4), oh - 1));
        ow = unifint(rng, diff_lb, diff_ub, (0.max(ow - 4), ow - 1));
        if oh < 1 || ow < 1 {
            break;
        }
        cnt += 1;
    }
    // `go` unbound: Python's UnboundLocalError.
    let go =
        go.ok_or_else(|| DatasetError::Generation("go referenced before assignment".into()))?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_253bf280(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&colopts)?;
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let num = unifint(rng, diff_lb, diff_ub, (0, 1.max((h * w) / 4)));
    let s = rng.sample(&inds, num)?;
    let fgcol = rng.choice(&dsl::remove(&bgc, &colopts))?;
    let gi = fill_locs(&c, fgcol, &s);
    // Between the first and last `fgcol` of each row, then of each column.
    let spans = |g: &Grid| -> Vec<Loc> {
        let mut out = Vec::new();
        for (x, r) in g.iter().enumerate() {
            let first = r.iter().position(|&v| v == fgcol);
            let last = r.iter().rposition(|&v| v == fgcol);
            if let (Some(a), Some(b)) = (first, last) {
                if a < b {
                    out.extend((a..=b).map(|j| (x as i64, j as i64)));
                }
            }
        }
        out
    };
    let go = fill_locs(&c, 3, &spans(&gi));
    let go = dsl::dmirror_grid(&fill_locs(
        &dsl::dmirror_grid(&go),
        3,
        &spans(&dsl::dmirror_grid(&gi)),
    ));
    let go = filled_locs(go, fgcol, &s);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_25d487eb(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 8));
    let ccols = rng.sample(&remcols, ncols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 30));
    let mut h = h;
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * nobjs;
    // `inds`' order is read (the choice): CPython's table (`GridSet`).
    let mut inds = GridSet::asindices((h, w));
    // Whether `inds` is `ofc - mapply(...)` of the current `go` (at first
    // it is `asindices(go)`, another table).
    let mut inds_from_go = false;
    while tr < maxtr && succ < nobjs {
        if inds.len() == 0 {
            break;
        }
        tr += 1;
        let dim = rng.randint(1, 3)?;
        let tl = rng.sample(&ccols, 2)?;
        let (tric, linc) = (tl[0], tl[1]);
        let loc = gloc(grid_choice(rng, &inds)?);
        let (loci, locj) = loc;
        // `obj`, the triangle `{(i, j): i <= j <= dim}` and its mirror image
        // shifted right by `dim`: row `i` (0 to `dim`) spans columns `i` to
        // `2 * dim - i`. `(0, dim)` is in the line color. Every cell has its
        // own location and the placed cells and the tail are only tested
        // and painted, so they are kept as cells, not sets.
        let iplcd: Vec<dsl::Cell> = (0..=dim)
            .flat_map(|i| (i..=2 * dim - i).map(move |j| (i, j)))
            .map(|l| (if l == (0, dim) { linc } else { tric }, dsl::add(l, loc)))
            .collect();
        // `connect((loci, locj + dim), (h - 1, locj + dim))`.
        let tail: Vec<Loc> = (loci..h).map(|i| (i, locj + dim)).collect();
        let placed = iplcd
            .iter()
            .map(|c| &c.1)
            .chain(tail.iter())
            .all(|&l| in_grid_set(&inds, l));
        if placed {
            succ += 1;
            paint_cells_in(&mut gi, &iplcd);
            paint_cells_in(&mut go, &iplcd);
            let rest = tail.iter().filter(|l| !iplcd.iter().any(|c| c.1 == **l));
            fill_locs_in(&mut go, linc, rest);
        }
        let rotf = rng.choice(&[0, 5, 6, 7])?;
        if !placed && rotf == 0 && inds_from_go {
            // `go` is the grid `inds` was just made from, so the same
            // operations would make the same set again.
            continue;
        }
        if rotf != 0 {
            gi = transform(rotf, &gi);
            go = transform(rotf, &go);
        }
        // `h, w = shape(gi)`: only the height is read again.
        h = dsl::shape_grid(&gi).0;
        // `ofc - mapply(dneighbors, asindices(go) - ofc)`: the mapply is
        // read for its size and membership only, so its cells come from a
        // scan of `go`.
        let ofc = ofcolor_set(&go, bgc);
        let others = go.iter().enumerate().flat_map(|(i, row)| {
            row.iter()
                .enumerate()
                .filter(|&(_, &v)| v != bgc)
                .map(move |(j, _)| (i as i64, j as i64))
        });
        inds = ofc.difference_locs(Around::new(others, dsl::dneighbors).cells());
        inds_from_go = true;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_25d8a9c8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let (mut gi, mut go) = (Vec::new(), Vec::new());
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 10));
    let ccols = rng.sample(&cols, ncols)?;
    for _ in 0..h {
        let singlecol = rng.choice(&[true, false])?;
        let col = rng.choice(&ccols)?;
        let mut row = vec![col; w as usize];
        if singlecol {
            gi.push(row);
            go.push(vec![5; w as usize]);
        } else {
            let remcols = dsl::remove(&col, &ccols);
            let nothercinv = unifint(rng, diff_lb, diff_ub, (1, w - 1));
            let notherc = (w - 1 - nothercinv).max(1).min(w - 1);
            for j in rng.sample(&dsl::interval(0, w, 1), notherc)? {
                row[j as usize] = rng.choice(&remcols)?;
            }
            gi.push(row);
            go.push(vec![0; w as usize]);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_25ff71a9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let nc = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 2 - 1));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let c = dsl::canvas(bgc, (h, w));
    let bounds = dsl::asindices(&c);
    let ch = rng.choice_in(&bounds)?;
    let mut shp: PySet<Loc> = std::iter::once(ch).collect();
    let bounds = dsl::remove(&ch, &bounds);
    for _ in 0..nc - 1 {
        grow_by(rng, &bounds, &mut shp, dsl::neighbors)?;
    }
    let shp = normalize_set(&shp);
    let (oh, ow) = dsl::shape(&shp);
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let plcd = shp.shift((loci, locj));
    let gi = dsl::fill(&c, fgc, &plcd);
    let go = dsl::fill(&c, fgc, &plcd.shift((1, 0)));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_264363fd(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let cp = (2, 2);
    let neighs = dsl::neighbors(cp);
    // The four spikes (o1..o4) and the direction each one points in.
    let spikes_all: [([Loc; 2], Loc); 4] = [
        ([(1, 2), (0, 2)], (-1, 0)),
        ([(2, 1), (2, 0)], (0, -1)),
        ([(3, 2), (4, 2)], (1, 0)),
        ([(2, 3), (2, 4)], (0, 1)),
    ];
    let h = unifint(rng, diff_lb, diff_ub, (15, 30));
    let w = unifint(rng, diff_lb, diff_ub, (15, 30));
    let bsl = rng.sample(&cols, 3)?;
    let (bgc, sqc, linc) = (bsl[0], bsl[1], bsl[2]);
    let remcols = colors_without(&[bgc, sqc, linc]);
    let cpcol = rng.choice(&remcols)?;
    let nbhcol = rng.choice(&remcols)?;
    let nspikes = rng.randint(1, 4)?;
    let spikes = rng.sample(&[0usize, 1, 2, 3], nspikes)?;
    let lns: Vec<Loc> = spikes.iter().flat_map(|&k| spikes_all[k].0).collect();
    // `obj`: the center, the spikes and the other neighbours, each cell at
    // its own location (so every paint of it is order-free).
    let mut obj: Vec<dsl::Cell> = vec![(cpcol, cp)];
    obj.extend(lns.iter().map(|&l| (linc, l)));
    obj.extend(
        neighs
            .iter()
            .filter(|l| !lns.contains(l))
            .map(|&l| (nbhcol, l)),
    );
    let place =
        |d: Loc| -> Vec<dsl::Cell> { obj.iter().map(|&(v, l)| (v, dsl::add(l, d))).collect() };
    let paint_cells = |g: &Grid, cells: &[dsl::Cell]| -> Grid {
        let mut out = g.clone();
        for &(v, l) in cells {
            fill_locs_in(&mut out, v, &[l]);
        }
        out
    };
    let loci = rng.randint(0, h - 5)?;
    let locj = rng.randint(0, w - 5)?;
    let placed = place((loci, locj));
    let mut gi = paint_cells(&dsl::canvas(bgc, (h, w)), &placed);
    let mut go = dsl::canvas(bgc, (h, w));
    let numsq = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 100));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * numsq;
    // `inds`' and `ginds`' orders are read (the choices over their
    // sfilters), so they stay CPython's tables, as `GridSet`s; each sfilter
    // is kept per shape until its set changes.
    // `ofcolor(gi, bgc)` adds the background cells row by row; the mapply
    // is only subtracted (size and membership, or its distinct cells
    // discarded).
    let ofbg = ofcolor_set(&gi, bgc);
    let near = Around::new(placed.iter().map(|c| c.1), dsl::neighbors);
    let mut inds = ofbg.difference_locs(near.cells());
    let obj_inds: Vec<Loc> = obj.iter().map(|c| c.1).collect();
    let mut memo = FitMemo::default();
    let mut memo2 = FitMemo::default();
    while succ < numsq && tr < maxtr {
        tr += 1;
        let gh = rng.randint(5, h / 2 + 1)?;
        let gw = rng.randint(5, w / 2 + 1)?;
        let cands = memo.fitting(&inds, (h, w), (gh, gw));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        // bck = shift(asindices(g1), loc) is only subset-tested and
        // subtracted with its outbox (size and membership): a rectangle.
        let (ul, lr) = (loc, (loc.0 + gh - 1, loc.1 + gw - 1));
        if !(ul.0..=lr.0).all(|i| (ul.1..=lr.1).all(|j| inds.contains(gid((i, j))))) {
            continue;
        }
        let mut g1 = dsl::canvas(sqc, (gh, gw));
        let mut g2 = dsl::canvas(sqc, (gh, gw));
        let mut ginds = GridSet::asindices((gh, gw));
        // gindsfull is only asked for membership.
        let in_full = |&(i, j): &Loc| in_rect((i, j), (0, 0), (gh - 1, gw - 1));
        memo2.changed();
        let noccs = unifint(rng, diff_lb, diff_ub, (1, (gh * gw) / 25));
        let (mut succ2, mut tr2) = (0, 0);
        let maxtr2 = 5 * noccs;
        while succ2 < noccs && tr2 < maxtr2 {
            tr2 += 1;
            let cands2 = memo2.fitting(&ginds, (gh, gw), (5, 5));
            if cands2.is_empty() {
                break;
            }
            let loc2 = gloc(rng.choice(cands2)?);
            // `lns2` is only tested, subtracted (size and membership) and
            // filled: a list. The spikes' rays leave the center's four
            // sides in four directions, so their cells are distinct.
            // (`shoot(start, d)`: `start + t * d` for t up to 42.)
            let mut lns2: Vec<Loc> = Vec::new();
            for &k in &spikes {
                let (di, dj) = spikes_all[k].1;
                let (si, sj) = dsl::add(cp, dsl::add(loc2, (di, dj)));
                lns2.extend(
                    (0..=42)
                        .map(|t| (si + t * di, sj + t * dj))
                        .filter(|l| in_full(l)),
                );
            }
            // plcd2i is only subset-tested, compared and subtracted with its
            // neighbours by size and membership: a list.
            let plcd2i: Vec<Loc> = obj_inds.iter().map(|&l| dsl::add(l, loc2)).collect();
            let is_linc = |&(i, j): &Loc| g2[i as usize][j as usize] == linc;
            if plcd2i.iter().all(|&l| ginds.contains(gid(l)))
                && lns2.iter().all(|&l| ginds.contains(gid(l)) || is_linc(&l))
                && lns2.iter().any(|l| !plcd2i.contains(l))
            {
                succ2 += 1;
                let placed: Vec<u16> = plcd2i.iter().map(|&l| gid(l)).collect();
                let near = Around::new(plcd2i.iter().copied(), dsl::neighbors);
                ginds = ginds
                    .difference_ids(&placed)
                    .difference_locs(near.cells())
                    .difference_locs(&lns2);
                memo2.changed();
                fill_locs_in(&mut g1, cpcol, &[dsl::add(cp, loc2)]);
                paint_cells_in(&mut g2, &place(loc2));
                fill_locs_in(&mut g2, linc, &lns2);
            }
        }
        if succ2 > 0 {
            succ += 1;
            let rest = inds.difference_where((gh * gw) as usize, |id| in_rect(gloc(id), ul, lr));
            inds = rest.difference_locs(&outline_cells((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1)));
            memo.changed();
            // paint(gi, shift(asobject(g1), loc)): one cell per location.
            for (i, (r1, r2)) in g1.iter().zip(&g2).enumerate() {
                for (j, (&v1, &v2)) in r1.iter().zip(r2).enumerate() {
                    let (gi_, gj) = (loc.0 + i as i64, loc.1 + j as i64);
                    if 0 <= gi_ && gi_ < h && 0 <= gj && gj < w {
                        gi[gi_ as usize][gj as usize] = v1;
                        go[gi_ as usize][gj as usize] = v2;
                    }
                }
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_272f95fa(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 3, 4, 6]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let lns = &dsl::connect((1, 0), (1, 4)) | &dsl::connect((3, 0), (3, 4));
    let mut gi = dsl::fill(
        &dsl::dmirror_grid(&dsl::fill(&dsl::canvas(bgc, (5, 5)), linc, &lns)),
        linc,
        &lns,
    );
    let (mut hdist, mut wdist) = ([0i64; 3], [0i64; 3]);
    let mut idx = 0;
    for _ in 0..h - 2 {
        hdist[idx] += 1;
        idx = (idx + 1) % 3;
    }
    for _ in 0..w - 2 {
        wdist[idx] += 1;
        idx = (idx + 1) % 3;
    }
    rng.shuffle(&mut hdist);
    rng.shuffle(&mut wdist);
    for dist in [&mut hdist, &mut wdist] {
        let d1 = unifint(rng, diff_lb, diff_ub, (0, dist[0] - 1));
        dist[0] -= d1;
        dist[1] += d1;
        let d2 = unifint(rng, diff_lb, diff_ub, (0, dist[1].min(dist[2]) - 1));
        let d2 = rng.choice(&[d2, -d2])?;
        dist[1] += d2;
        dist[2] -= d2;
    }
    gi = dsl::dmirror_grid(&stretch_rows(&gi, &hdist));
    gi = dsl::dmirror_grid(&stretch_rows(&gi, &wdist));
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
    }
    // `gi` is a 3 by 3 arrangement of `bgc` rectangles (every band at
    // least one cell wide) between two full `linc` rows and two full
    // `linc` columns, which the transformations keep. Of `objects`, the
    // `bgc` ones without a grid corner are the middle rectangle and the
    // four beside it, each alone in what it is picked for (not bordering,
    // leftmost, rightmost, uppermost, lowermost): no order is read.
    let (gh, gw) = dsl::shape_grid(&gi);
    let line_rows: Vec<i64> = (0..gh)
        .filter(|&i| gi[i as usize].iter().all(|&v| v == linc))
        .collect();
    let line_cols: Vec<i64> = (0..gw)
        .filter(|&j| gi.iter().all(|r| r[j as usize] == linc))
        .collect();
    let (&[r1, r2], &[c1, c2]) = (&line_rows[..], &line_cols[..]) else {
        return Err(DatasetError::Generation("not two lines each way".into()));
    };
    let mut go = gi.clone();
    fill_rect(&mut go, 6, (r1 + 1, c1 + 1), (r2 - 1, c2 - 1));
    fill_rect(&mut go, 4, (r1 + 1, 0), (r2 - 1, c1 - 1));
    fill_rect(&mut go, 3, (r1 + 1, c2 + 1), (r2 - 1, gw - 1));
    fill_rect(&mut go, 2, (0, c1 + 1), (r1 - 1, c2 - 1));
    fill_rect(&mut go, 1, (r2 + 1, c1 + 1), (gh - 1, c2 - 1));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_27a28665(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let mapping: [(i64, [Loc; 5]); 4] = [
        (1, [(0, 0), (0, 1), (1, 0), (1, 2), (2, 1)]),
        (2, [(0, 0), (1, 1), (2, 0), (0, 2), (2, 2)]),
        (3, [(2, 0), (0, 1), (0, 2), (1, 1), (1, 2)]),
        (6, [(1, 1), (0, 1), (1, 0), (1, 2), (2, 1)]),
    ];
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let (col, obj) = rng.choice(&mapping)?;
    let bo = rng.sample(&cols, 2)?;
    let (bgc, objc) = (bo[0], bo[1]);
    let fac = unifint(rng, diff_lb, diff_ub, (1, h.min(w) / 3));
    let go = dsl::canvas(col, (1, 1));
    let canv = dsl::upscale_grid(&fill_locs(&dsl::canvas(bgc, (3, 3)), objc, &obj), fac);
    let loci = rng.randint(0, h - 3 * fac)?;
    let locj = rng.randint(0, w - 3 * fac)?;
    let gi = dsl::paint(
        &dsl::canvas(bgc, (h, w)),
        &dsl::asobject(&canv).shift((loci, locj)),
    );
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_28bf18c6(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&colopts)?;
    let fgc = rng.choice(&dsl::remove(&bgc, &colopts))?;
    let gi = dsl::canvas(bgc, (h, w));
    let hb = unifint(rng, diff_lb, diff_ub, (1, 14.min(h - 1)));
    let wb = unifint(rng, diff_lb, diff_ub, (1, 14.min(w - 1)));
    let bounds = dsl::asindices(&dsl::canvas(0, (hb, wb)));
    let first = rng.choice_in(&dsl::corners(&bounds))?;
    let mut shp: PySet<Loc> = std::iter::once(first).collect();
    let mp = (hb * wb) / 2;
    let dev = unifint(rng, diff_lb, diff_ub, (0, mp));
    let nc = rng.choice(&[dev, hb * wb - dev])?;
    let nc = 0.max((hb * wb - 1).min(nc));
    for _ in 0..nc {
        grow_by(rng, &bounds, &mut shp, dsl::neighbors)?;
    }
    let shp = normalize_set(&shp);
    let di = rng.randint(0, h - dsl::height(&shp))?;
    let dj = rng.randint(0, w - dsl::width_of(&shp))?;
    let gi = dsl::filled(gi, fgc, &shp.shift((di, dj)));
    let go = dsl::fill(&dsl::canvas(bgc, dsl::shape(&shp)), fgc, &shp);
    let go = dsl::hconcat(&go, &go);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_28e73c20(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    // Turning clockwise: right -> down -> left -> up.
    let turn = |d: Loc| match d {
        (0, 1) => (1, 0),
        (1, 0) => (0, -1),
        (0, -1) => (-1, 0),
        _ => (0, 1),
    };
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let mut sp = (0, w - 1);
    let mut direc = (1, 0);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&cols, ncols)?;
    let mut gi = dsl::canvas(-1, (h, w));
    // One color per cell, drawn in the index set's order.
    for &(i, j) in dsl::asindices(&gi).iter() {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let mut go = dsl::fill(&gi, 3, &dsl::connect((0, 0), sp));
    let (mut lw, mut lh, mut ld) = (w, h, h);
    let mut isverti = false;
    while ld > 0 {
        lw -= 1;
        lh -= 1;
        let ep = dsl::add(sp, (direc.0 * (ld - 1), direc.1 * (ld - 1)));
        dsl::fill_in(&mut go, 3, &dsl::connect(sp, ep));
        direc = turn(direc);
        ld = if isverti { lh } else { lw };
        isverti = !isverti;
        sp = ep;
    }
    let drop_first_col = |g: &Grid| -> Grid { g.iter().map(|r| r[1..].to_vec()).collect() };
    Ok(Example {
        input: drop_first_col(&gi),
        output: drop_first_col(&go),
    })
}

fn generate_29623171(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 6));
    let w = unifint(rng, diff_lb, diff_ub, (2, 6));
    let nh = unifint(rng, diff_lb, diff_ub, (2, 4));
    let nw = unifint(rng, diff_lb, diff_ub, (2, 4));
    let blf = rng.sample(&cols, 3)?;
    let (bgc, linc, fgc) = (blf[0], blf[1], blf[2]);
    let fullh = h * nh + (nh - 1);
    let fullw = w * nw + (nw - 1);
    let c = dsl::canvas(linc, (fullh, fullw));
    let smallc = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&smallc).to_vec();
    let mut llocs: PySet<Loc> = PySet::new();
    for a in dsl::interval(0, fullh, h + 1) {
        for b in dsl::interval(0, fullw, w + 1) {
            llocs.add((a, b));
        }
    }
    let llocs = llocs.to_vec();
    let srcloc = rng.choice(&llocs)?;
    let nmostc = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 2 - 1));
    let mostc = rng.sample(&inds, nmostc)?;
    let obj = dsl::asobject(&fill_locs(&smallc, fgc, &mostc));
    let shftd = obj.shift(srcloc);
    let mut gi = dsl::paint(&c, &shftd);
    let mut go = dsl::fill(&c, fgc, &shftd);
    let remlocs = dsl::remove(&srcloc, &llocs);
    let gg = dsl::asobject(&smallc);
    for &rl in &remlocs {
        let noth = unifint(rng, diff_lb, diff_ub, (0, nmostc));
        let otherg = fill_locs(&smallc, fgc, &rng.sample(&inds, noth)?);
        dsl::paint_in(&mut gi, &dsl::asobject(&otherg).shift(rl));
        if noth == nmostc {
            dsl::fill_in(&mut go, fgc, &obj.shift(rl));
        } else {
            dsl::paint_in(&mut go, &gg.shift(rl));
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_29c11459(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = colors_without(&[5]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let mut w = unifint(rng, diff_lb, diff_ub, (5, 29));
    if w % 2 == 0 {
        w = rng.choice(&[5.max(w - 1), 29.min(w + 1)])?;
    }
    let bgc = rng.choice(&colopts)?;
    let remcols = dsl::remove(&bgc, &colopts);
    let ncols = unifint(rng, diff_lb, diff_ub, (2, remcols.len() as i64));
    let ccols = rng.sample(&remcols, ncols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let nlocs = unifint(rng, diff_lb, diff_ub, (1, h));
    let rows = dsl::interval(0, h, 1);
    let mut locs = rng.sample(&rows, nlocs)?;
    while locs.iter().all(|&l| l == 0 || l == h - 1) {
        locs = rng.sample(&rows, nlocs)?;
    }
    let (mut acols, mut bcols) = (Vec::new(), Vec::new());
    let (mut aforb, mut bforb) = (-1, -1);
    for _ in 0..nlocs {
        let ac = rng.choice(&dsl::remove(&aforb, &ccols))?;
        acols.push(ac);
        aforb = ac;
        let bc = rng.choice(&dsl::remove(&bforb, &ccols))?;
        bcols.push(bc);
        bforb = bc;
    }
    locs.sort();
    for ((&a, &b), &loc) in acols.iter().zip(&bcols).zip(&locs) {
        fill_locs_in(&mut gi, a, &[(loc, 0)]);
        fill_locs_in(&mut gi, b, &[(loc, w - 1)]);
        dsl::fill_in(&mut go, a, &dsl::connect((loc, 0), (loc, w / 2 - 1)));
        dsl::fill_in(&mut go, b, &dsl::connect((loc, w / 2 + 1), (loc, w - 1)));
        fill_locs_in(&mut go, 5, &[(loc, w / 2)]);
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

fn generate_29ec7d0e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let hp = unifint(rng, diff_lb, diff_ub, (2, h / 2 - 1));
    let wp = unifint(rng, diff_lb, diff_ub, (2, w / 2 - 1));
    let bn = rng.sample(&cols, 2)?;
    let (bgc, noisec) = (bn[0], bn[1]);
    let remcols = dsl::remove(&noisec, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, numc)?;
    // `pobj`, one color drawn per location in `pinds`' (asindices') order,
    // as colors by location: its cells are distinct, so it is painted (and
    // compared) cell by cell, in no particular order.
    let mut pat = vec![vec![0; wp as usize]; hp as usize];
    for &(i, j) in dsl::asindices_order(hp, wp).iter() {
        pat[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let mut go = dsl::canvas(bgc, (h, w));
    let mut places: Vec<Loc> = Vec::new();
    for a in 0..h / hp + 1 {
        for b in 0..w / wp + 1 {
            let (loci, locj) = ((a + 1) + hp * a, (b + 1) + wp * b);
            places.push((loci, locj));
            for (i, row) in pat.iter().enumerate() {
                for (j, &v) in row.iter().enumerate() {
                    fill_locs_in(&mut go, v, &[(loci + i as i64, locj + j as i64)]);
                }
            }
        }
    }
    let numpatches = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 20));
    let mut gi = go.clone();
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * numpatches;
    // `normalize(toobject(shift(pinds, l), gi2)) == pobj`: a tile cut by the
    // grid's edge has fewer cells, so the tile must lie inside the grid and
    // show the pattern.
    let intact = |g: &Grid, (li, lj): Loc| {
        li + hp <= h
            && lj + wp <= w
            && pat
                .iter()
                .enumerate()
                .all(|(i, row)| g[li as usize + i][lj as usize..(lj + wp) as usize] == row[..])
    };
    while succ < numpatches && tr < maxtr {
        tr += 1;
        let ph = rng.randint(2, 6)?;
        let pw = rng.randint(2, 6)?;
        let loci = rng.randint(0, h - ph)?;
        let locj = rng.randint(0, w - pw)?;
        let mut gi2 = gi.clone();
        fill_rect(
            &mut gi2,
            noisec,
            (loci, locj),
            (loci + ph - 1, locj + pw - 1),
        );
        let clean_rows = gi2.iter().filter(|r| !r.contains(&noisec)).count();
        let clean_cols = (0..w as usize)
            .filter(|&j| gi2.iter().all(|r| r[j] != noisec))
            .count();
        if places.iter().any(|&l| intact(&gi2, l)) && clean_rows >= 2 && clean_cols >= 2 {
            succ += 1;
            gi = gi2;
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_2bcee788(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 20));
    let w = unifint(rng, diff_lb, diff_ub, (2, 10));
    let bso = rng.sample(&cols, 3)?;
    let (bgc, sepc, objc) = (bso[0], bso[1], bso[2]);
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let spi = rng.randint(0, h - 1)?;
    let sp = (spi, w - 1);
    let mut shp: PySet<Loc> = std::iter::once(sp).collect();
    let numcellsd = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numc = rng.choice(&[numcellsd, h * w - numcellsd])?;
    let numc = numc.max(2).min(h * w - 1);
    let reminds: PySet<Loc> = dsl::remove(&sp, &inds).into_iter().collect();
    for _ in 0..numc {
        grow_in_set(rng, &reminds, &mut shp)?;
    }
    while set_shape(&shp).1 == 1 {
        grow_in_set(rng, &reminds, &mut shp)?;
    }
    let shpv = shp.to_vec();
    let c2 = fill_locs(&c, objc, &shpv);
    let borderinds: Vec<Loc> = shpv.iter().filter(|l| l.1 == w - 1).copied().collect();
    let c3 = fill_locs(&c, sepc, &borderinds);
    let gimini = dsl::asobject(&dsl::hconcat(&c2, &dsl::vmirror_grid(&c3)));
    let gomini = dsl::asobject(&dsl::hconcat(&c2, &dsl::vmirror_grid(&c2)));
    let fullh = unifint(rng, diff_lb, diff_ub, (h + 1, 30));
    let fullw = unifint(rng, diff_lb, diff_ub, (2 * w + 1, 30));
    let fullg = dsl::canvas(bgc, (fullh, fullw));
    // Drawn, but the pieces are painted at the origin: Python never uses
    // this location.
    let _loci = rng.randint(0, fullh - h)?;
    let _locj = rng.randint(0, fullw - 2 * w)?;
    let mut gi = dsl::paint(&fullg, &gimini);
    let mut go = dsl::paint(&fullg, &gomini);
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    let go = dsl::replace(&go, bgc, 3);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_2bee17df(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (7, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let c = dsl::canvas(bgc, (h, w));
    // The border, clockwise from the top left.
    let mut indord: Vec<Loc> = (0..w).map(|j| (0, j)).collect();
    indord.extend((1..h - 1).map(|i| (i, w - 1)));
    indord.extend(dsl::interval(w - 1, 0, -1).into_iter().map(|j| (h - 1, j)));
    indord.extend(dsl::interval(h - 1, 0, -1).into_iter().map(|i| (i, 0)));
    let k = indord.len() as i64;
    let sp = rng.randint(0, k)? as usize;
    let arr: Vec<Loc> = indord[sp..].iter().chain(&indord[..sp]).copied().collect();
    let ep = rng.randint(k / 2 - 3, k / 2 + 1)? as usize;
    let cola = rng.choice(&remcols)?;
    let remcols = dsl::remove(&cola, &remcols);
    let colb = rng.choice(&remcols)?;
    let mut gi = fill_locs(&c, cola, &arr[..ep]);
    fill_locs_in(&mut gi, colb, &arr[ep..]);
    let nr = unifint(rng, diff_lb, diff_ub, (1, 4.min(h.min(w) / 2)));
    for kk in 0..nr {
        let ring = dsl::r#box(&pair_set((1 + kk, 1 + kk), (h - 1 - kk, w - 1 - kk)));
        for br in [cola, colb] {
            // `ring & ofcolor(gi, bgc)`: CPython walks the smaller operand
            // (the right one on a tie) and adds its hits to a new set, so
            // when the ring is smaller only the background's count and
            // membership are read.
            let bg_count = dsl::colorcount(&gi, bgc);
            let on_bg: Indices = if bg_count > ring.len() {
                ring.iter()
                    .filter(|&&(i, j)| gi[i as usize][j as usize] == bgc)
                    .copied()
                    .collect()
            } else {
                &ring & &dsl::ofcolor(&gi, bgc)
            };
            // `... & mapply(dneighbors, ofcolor(gi, br))`.
            let br_cells = (0..h)
                .flat_map(|i| (0..w).map(move |j| (i, j)))
                .filter(|&(i, j)| gi[i as usize][j as usize] == br);
            let near = Around::new(br_cells, dsl::dneighbors);
            let bcands = near.meet(&on_bg).unwrap_or_else(|| {
                let near = dsl::mapply(|&l| dsl::dneighbors(l), &dsl::ofcolor(&gi, br));
                (&on_bg & &near).to_vec()
            });
            let jj = bcands.len() as i64;
            let jj2 = rng.randint(0.max(jj / 2 - 2), jj.min(jj / 2 + 1))?;
            let ss = rng.sample(&bcands, jj2)?;
            fill_locs_in(&mut gi, br, &ss);
        }
    }
    // `fill(gi, 3, shift(merge(frontiers(trim(gi))), (1, 1)))`: the
    // uniform rows and columns of the trimmed grid, one color, no order.
    let mut go = gi.clone();
    let (hu, wu) = (h as usize, w as usize);
    for i in 1..hu - 1 {
        if gi[i][1..wu - 1].iter().all(|&v| v == gi[i][1]) {
            go[i][1..wu - 1].fill(3);
        }
    }
    for j in 1..wu - 1 {
        if (1..hu - 1).all(|i| gi[i][j] == gi[1][j]) {
            for row in &mut go[1..hu - 1] {
                row[j] = 3;
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_2c608aff(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
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
    let dcol = rng.choice(&remcols)?;
    let bd = dsl::backdrop(&pair_set((loci, locj), (loci + boxh - 1, locj + boxw - 1)));
    let gi = dsl::fill(&dsl::canvas(bgc, (h, w)), ccol, &bd);
    let reminds = (&dsl::asindices(&gi) - &dsl::backdrop(&dsl::outbox(&bd))).to_vec();
    let noiseb = 1.max(reminds.len() as i64 / 4);
    let nnoise = unifint(rng, diff_lb, diff_ub, (0, noiseb));
    let noise = rng.sample(&reminds, nnoise)?;
    let gi = filled_locs(gi, dcol, &noise);
    let mut go = gi.clone();
    for &(a, b) in &noise {
        if loci <= a && a < loci + boxh {
            dsl::fill_in(&mut go, dcol, &dsl::connect((a, b), (a, locj)));
        } else if locj <= b && b < locj + boxw {
            dsl::fill_in(&mut go, dcol, &dsl::connect((a, b), (loci, b)));
        }
    }
    let go = dsl::filled(go, ccol, &bd);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_2dc579da(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let linc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&linc, &remcols);
    let dotc = rng.choice(&remcols)?;
    let hdev = unifint(rng, diff_lb, diff_ub, (0, (h - 2) / 2));
    let lineh = rng.choice(&[hdev, h - 2 - hdev])?;
    let lineh = (h - 2).min(lineh).max(1);
    let wdev = unifint(rng, diff_lb, diff_ub, (0, (w - 2) / 2));
    let linew = rng.choice(&[wdev, w - 2 - wdev])?;
    let linew = (w - 2).min(linew).max(1);
    let locidev = unifint(rng, diff_lb, diff_ub, (1, h / 2));
    let loci = rng.choice(&[h / 2 - locidev, h / 2 + locidev])?;
    let loci = loci.max(1).min(h - lineh - 1);
    let locjdev = unifint(rng, diff_lb, diff_ub, (1, w / 2));
    let locj = rng.choice(&[w / 2 - locjdev, w / 2 + locjdev])?;
    let locj = locj.max(1).min(w - linew - 1);
    let mut gi = dsl::canvas(bgc, (h, w));
    for a in loci..loci + lineh {
        dsl::fill_in(&mut gi, linc, &dsl::connect((a, 0), (a, w - 1)));
    }
    for b in locj..locj + linew {
        dsl::fill_in(&mut gi, linc, &dsl::connect((0, b), (h - 1, b)));
    }
    let doth = rng.randint(1, loci)?;
    let dotw = rng.randint(1, locj)?;
    let dotloci = rng.randint(0, loci - doth)?;
    let dotlocj = rng.randint(0, locj - dotw)?;
    let dot = dsl::backdrop(&pair_set(
        (dotloci, dotlocj),
        (dotloci + doth - 1, dotlocj + dotw - 1),
    ));
    let gi = dsl::filled(gi, dotc, &dot);
    let go = dsl::crop(&gi, (0, 0), (loci, locj));
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_2dd70a9a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 3]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let (sp, ep, bp1, bp2, ln1, ln2, ln3);
    if rng.choice(&[true, false])? {
        let oh = unifint(rng, diff_lb, diff_ub, (5, h - 2));
        let ow = unifint(rng, diff_lb, diff_ub, (3, w - 2));
        let loci = rng.randint(1, h - oh - 1)?;
        let locj = rng.randint(1, w - ow - 1)?;
        let hli = rng.randint(loci + 2, loci + oh - 3)?;
        sp = [(loci + oh - 1, locj), (loci + oh - 2, locj)];
        ep = [(loci, locj + ow - 1), (loci + 1, locj + ow - 1)];
        bp1 = (hli - 1, locj);
        bp2 = (hli, locj + ow);
        ln1 = dsl::connect((loci + oh - 1, locj), (hli, locj));
        ln2 = dsl::connect((hli, locj), (hli, locj + ow - 1));
        ln3 = dsl::connect((hli, locj + ow - 1), (loci + 2, locj + ow - 1));
    } else {
        let oh = unifint(rng, diff_lb, diff_ub, (3, h - 2));
        let ow = unifint(rng, diff_lb, diff_ub, (3, w - 2));
        let loci = rng.randint(1, h - oh - 1)?;
        let locj = rng.randint(1, w - ow - 1)?;
        let (sp1j, ep1j) = if rng.choice(&[true, false])? {
            (rng.randint(locj, locj + ow - 3)?, locj)
        } else {
            let e = rng.randint(locj, locj + ow - 3)?;
            (locj, e)
        };
        sp = [(loci, sp1j), (loci, sp1j + 1)];
        ep = [(loci + oh - 1, ep1j), (loci + oh - 1, ep1j + 1)];
        bp1 = (loci, locj + ow);
        bp2 = (loci + oh, locj + ow - 1);
        ln1 = dsl::connect((loci, sp1j + 2), (loci, locj + ow - 1));
        ln2 = dsl::connect((loci, locj + ow - 1), (loci + oh - 1, locj + ow - 1));
        ln3 = dsl::connect((loci + oh - 1, ep1j + 2), (loci + oh - 1, locj + ow - 1));
    }
    // `gi` and `go` start as the same grid: filled once, then copied.
    let mut gi = dsl::canvas(bgc, (h, w));
    fill_locs_in(&mut gi, 3, &sp);
    fill_locs_in(&mut gi, 2, &ep);
    fill_locs_in(&mut gi, fgc, &[bp1, bp2]);
    let mut go = gi.clone();
    // The lines' union is only filled: each line is.
    for ln in [&ln1, &ln2, &ln3] {
        dsl::fill_in(&mut go, 3, ln);
    }
    // `ofcolor`'s order is read (a sample): its table (`ofcolor_set`).
    let bgset = ofcolor_set(&go, bgc);
    let mut inds: Vec<Loc> = Vec::with_capacity(bgset.len());
    inds.extend(bgset.iter().map(gloc));
    let namt = unifint(rng, diff_lb, diff_ub, (0, inds.len() as i64 / 2));
    let noise = rng.sample(&inds, namt)?;
    fill_locs_in(&mut gi, fgc, &noise);
    fill_locs_in(&mut go, fgc, &noise);
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_2dee498d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 30));
    let w = unifint(rng, diff_lb, diff_ub, (1, 10));
    let bgc = rng.choice(&cols)?;
    let mut go = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&go).to_vec();
    for col in colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut go, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let gi = dsl::hconcat(&go, &dsl::hconcat(&go, &go));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_31aa019c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let (gi, canv) = loop {
        let h = unifint(rng, diff_lb, diff_ub, (5, 30));
        let w = unifint(rng, diff_lb, diff_ub, (5, 30));
        let bgc = rng.choice(&cols)?;
        let canv = dsl::canvas(bgc, (h, w));
        let mut inds = dsl::asindices(&canv).to_vec();
        let mp = (h * w) / 2 - 1;
        let ncols = unifint(rng, diff_lb, diff_ub, (2, 9.min(mp / 2 - 1)));
        let chcols = rng.sample(&cols, ncols)?;
        let trgcol = chcols[0];
        let chcols = &chcols[1..];
        // `dic`: the cells of each color, filled in `chcols` order; a cell
        // may land in two colors' sets, and then the later color wins.
        let mut dic: Vec<Vec<Loc>> = vec![Vec::new(); chcols.len()];
        let nnoise = unifint(rng, diff_lb, diff_ub, (2 * (ncols - 1), mp));
        let locc = rng.choice(&inds)?;
        inds = dsl::remove(&locc, &inds);
        let noise = rng.sample(&inds, nnoise)?;
        for _ in 0..2 {
            for slot in dic.iter_mut() {
                let ij = rng.choice(&inds)?;
                slot.push(ij);
                inds = dsl::remove(&ij, &inds);
            }
        }
        for &ij in &noise {
            let c = rng.choice(chcols)?;
            let k = chcols.iter().position(|&x| x == c).unwrap_or(0);
            dic[k].push(ij);
            inds = dsl::remove(&ij, &inds);
        }
        let mut gi = fill_locs(&canv, trgcol, &[locc]);
        for (&c, ss) in chcols.iter().zip(&dic) {
            fill_locs_in(&mut gi, c, ss);
        }
        let gi = filled_locs(gi, trgcol, &[locc]);
        let singles = dsl::palette_grid(&gi)
            .iter()
            .filter(|&&c| dsl::colorcount(&gi, c) == 1)
            .count();
        if singles == 1 {
            break (gi, canv);
        }
    };
    let lc = dsl::leastcolor(&gi);
    let locc = dsl::ofcolor(&gi, lc);
    let go = dsl::fill(&canv, lc, &locc);
    let at = dsl::first(&locc).unwrap_or((0, 0));
    let go = dsl::filled(go, 2, &dsl::neighbors(at));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_321b1fc6(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let objh = unifint(rng, diff_lb, diff_ub, (2, 5));
    let objw = unifint(rng, diff_lb, diff_ub, (2, 5));
    let bounds = dsl::asindices(&dsl::canvas(0, (objh, objw)));
    let first = rng.choice_in(&bounds)?;
    let mut shp: PySet<Loc> = std::iter::once(first).collect();
    let nc = unifint(rng, diff_lb, diff_ub, (2, bounds.len() as i64 - 2));
    for _ in 0..nc {
        grow_by(rng, &bounds, &mut shp, dsl::dneighbors)?;
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
    // `frozenset({(rng.choice(colll), ij) for ij in shpp})`, redrawn while
    // it has a single color.
    let color_it = |rng: &mut GenRng| -> Result<dsl::Object> {
        let mut s: PySet<dsl::Cell> = PySet::new();
        for &ij in shpp.iter() {
            s.add((rng.choice(&colll)?, ij));
        }
        Ok(s.freeze())
    };
    let mut shppc = color_it(rng)?;
    while dsl::palette_object(&shppc).len() == 1 {
        shppc = color_it(rng)?;
    }
    let shppcn = dsl::normalize(&shppc);
    let mut gi = dsl::paint(&dsl::canvas(bgc, (h, w)), &shppc);
    let mut go = gi.clone();
    // `((h * w) / (oh * ow)) // 2`: float division, floored.
    let ub = ((h * w) as f64 / (oh * ow) as f64).div_euclid(2.0) as i64;
    let numlocs = unifint(rng, diff_lb, diff_ub, (1, 1.max(ub)));
    let (mut cnt, mut fails) = (0, 0);
    let maxfails = 5 * numlocs;
    // `idns` keeps CPython's table as a GridSet (its order feeds the
    // choice); the shapes are read only for membership, painting and
    // subtraction, so they stay lists.
    let shpp_cells: Vec<Loc> = shpp.iter().copied().collect();
    let idns = grid_minus_near(&GridSet::asindices((h, w)), &shpp_cells, dsl::dneighbors);
    let mut idns = idns.filter(|id| {
        let (i, j) = gloc(id);
        i <= h - oh && j <= w - ow
    });
    while cnt < numlocs && fails < maxfails {
        if idns.len() == 0 {
            break;
        }
        let (li, lj) = gloc(grid_choice(rng, &idns)?);
        let plcd: Vec<dsl::Cell> = shppcn
            .iter()
            .map(|&(v, (i, j))| (v, (i + li, j + lj)))
            .collect();
        let plcdi: Vec<Loc> = plcd.iter().map(|&(_, l)| l).collect();
        if plcdi.iter().all(|&l| in_grid_set(&idns, l)) {
            for &(v, (i, j)) in &plcd {
                go[i as usize][j as usize] = v;
            }
            fill_locs_in(&mut gi, dmyc, &plcdi);
            cnt += 1;
            idns = grid_minus_near(&idns, &plcdi, dsl::dneighbors);
        } else {
            fails += 1;
        }
    }
    let go = dsl::filled(go, bgc, &shpp);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_32597951(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let ih = unifint(rng, diff_lb, diff_ub, (2, h / 2));
    let iw = unifint(rng, diff_lb, diff_ub, (2, w / 2));
    let bnf = rng.sample(&cols, 3)?;
    let (bgc, noisec, fgc) = (bnf[0], bnf[1], bnf[2]);
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let ndev = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 2));
    let num = rng.choice(&[ndev, h * w - ndev])?;
    let num = num.max(0).min(h * w);
    let ofc = rng.sample(&inds, num)?;
    let c = filled_locs(c, noisec, &ofc);
    let loci = rng.randint(0, h - ih)?;
    let locj = rng.randint(0, w - iw)?;
    let bd = dsl::backdrop(&pair_set((loci, locj), (loci + ih - 1, locj + iw - 1)));
    let tofillfc = &bd & &dsl::ofcolor(&c, bgc);
    let gi = dsl::fill(&c, fgc, &tofillfc);
    let go = if tofillfc.is_empty() {
        gi.clone()
    } else {
        dsl::fill(
            &gi,
            3,
            &(&dsl::backdrop(&tofillfc) & &dsl::ofcolor(&gi, noisec)),
        )
    };
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `shp.add(rng.choice(totuple((pool - shp) & mapply(neighbors, shp))))`
/// on location numbers ([`GridSet`]), as [`grow_grid`] with `neighbors`,
/// whose mapply is [`GridSet::mapply_neighbors`] (cached neighbourhood
/// hashes and orders). The intersection walks the smaller operand: `pool -
/// shp` when the mapply is larger (the mapply then read for membership
/// alone), else the mapply, `pool - shp` then read for membership alone.
fn grow_near8(rng: &mut GenRng, pool: &GridSet, shp: &mut GridSet) -> Result<()> {
    let ids: Vec<u16> = shp.iter().collect();
    let rest_len = pool.len() - ids.iter().filter(|&&id| pool.contains(id)).count();
    let merged = shp.mapply_neighbors();
    let cands = if merged.len() > rest_len {
        pool.difference_ids(&ids)
            .filtered_order(|id| merged.contains(id))
    } else {
        merged.filtered_order(|id| pool.contains(id) && !shp.contains(id))
    };
    shp.add(rng.choice(&cands)?);
    Ok(())
}

fn generate_3345333e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (4, h - 2));
    let ow = unifint(rng, diff_lb, diff_ub, (4, (w - 2) / 2));
    let nc = unifint(rng, diff_lb, diff_ub, (oh.min(ow), (oh * ow) / 3 * 2));
    // `shp` and `bounds`, whose orders the draws read, as CPython's tables
    // over location numbers ([`GridSet`], [`grow_near8`]).
    let mut shp = GridSet::from_adds([gid((0, 0))]);
    let bounds = GridSet::asindices((oh, ow));
    for _ in 0..nc {
        grow_near8(rng, &bounds, &mut shp)?;
    }
    while {
        let (t, l, b, r) = shp.bounds();
        b - t + 1 < 3 || r - l + 1 < 3
    } {
        grow_near8(rng, &bounds, &mut shp)?;
    }
    // The shape and its mirror image side by side (maybe sharing the
    // mirror column); only fills follow, so plain location lists do.
    let cells: Vec<Loc> = shp.iter().map(gloc).collect();
    let (_, sw) = cells_shape(&cells);
    let (l, r) = bounds_of(&cells.iter().map(|c| c.1).collect::<Vec<_>>());
    let mut mirrored: Vec<Loc> = cells.iter().map(|&(i, j)| (i, l + r - j)).collect();
    if rng.choice(&[true, false])? {
        mirrored.retain(|&(_, j)| j != sw - 1);
    }
    let (ml, mr) = bounds_of(&mirrored.iter().map(|c| c.1).collect::<Vec<_>>());
    let mw = if mirrored.is_empty() { 0 } else { mr - ml + 1 };
    let mut all: Vec<Loc> = cells.clone();
    all.extend(mirrored.iter().map(|&(i, j)| (i, j - mw)));
    let (top, bottom) = bounds_of(&all.iter().map(|c| c.0).collect::<Vec<_>>());
    let (left, right) = bounds_of(&all.iter().map(|c| c.1).collect::<Vec<_>>());
    let (oh, ow) = (bottom - top + 1, right - left + 1);
    let bos = rng.sample(&cols, 3)?;
    let (bgc, objc, occcol) = (bos[0], bos[1], bos[2]);
    let loci = rng.randint(1, h - oh - 1)?;
    let locj = rng.randint(1, w - ow - 1)?;
    let placed: Vec<Loc> = all
        .iter()
        .map(|&(i, j)| (i - top + loci, j - left + locj))
        .collect();
    let mut go = fill_locs(&dsl::canvas(bgc, (h, w)), objc, &placed);
    let boxh = unifint(rng, diff_lb, diff_ub, (2, oh - 1));
    let boxw = unifint(rng, diff_lb, diff_ub, (2, ow / 2));
    let ulci = rng.randint(loci - 1, loci + oh - boxh + 1)?;
    let ulcj = rng.randint(locj + ow / 2 + 1, locj + ow - boxw + 1)?;
    let bx = dsl::backdrop(&pair_set((ulci, ulcj), (ulci + boxh - 1, ulcj + boxw - 1)));
    let mut gi = dsl::fill(&go, occcol, &bx);
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3428a4f5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (1, 30));
    let w = unifint(rng, diff_lb, diff_ub, (1, 14));
    let remcols = dsl::remove(&0, &cols);
    let barcol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&barcol, &remcols);
    let cola = rng.choice(&remcols)?;
    let colb = rng.choice(&remcols)?;
    let canv = dsl::canvas(0, (h, w));
    let inds = dsl::asindices(&canv).to_vec();
    let gbar = dsl::canvas(barcol, (h, 1));
    let mp = (h * w) / 2;
    let deva = unifint(rng, diff_lb, diff_ub, (0, mp));
    let devb = unifint(rng, diff_lb, diff_ub, (0, mp));
    let sgna = rng.choice(&[1, -1])?;
    let sgnb = rng.choice(&[1, -1])?;
    let numa = (h * w - 1).min(mp + sgna * deva).max(1);
    let numb = (h * w - 1).min(mp + sgnb * devb).max(1);
    let a = rng.sample(&inds, numa)?;
    let b = rng.sample(&inds, numb)?;
    let gia = fill_locs(&canv, cola, &a);
    let gib = fill_locs(&canv, colb, &b);
    let mut gi = dsl::hconcat(&dsl::hconcat(&gia, &gbar), &gib);
    let xor: Vec<Loc> = a
        .iter()
        .filter(|l| !b.contains(l))
        .chain(b.iter().filter(|l| !a.contains(l)))
        .copied()
        .collect();
    let mut go = fill_locs(&canv, 3, &xor);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3618c87e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let bld = rng.sample(&cols, 3)?;
    let (bgc, linc, dotc) = (bld[0], bld[1], bld[2]);
    let c = dsl::canvas(bgc, (h, w));
    let ln = dsl::connect((0, 0), (0, w - 1));
    let nlocs = unifint(rng, diff_lb, diff_ub, (1, w / 2));
    let mut locs = Vec::new();
    let mut opts = dsl::interval(0, w, 1);
    for _ in 0..nlocs {
        if opts.is_empty() {
            break;
        }
        let ch = rng.choice(&opts)?;
        locs.push(ch);
        opts.retain(|&x| x != ch && x != ch - 1 && x != ch + 1);
    }
    let mut gi = dsl::fill(&c, linc, &ln);
    let mut go = dsl::fill(&c, linc, &ln);
    for &j in &locs {
        let hh = rng.randint(1, h - 3)?;
        let lnx = dsl::connect((0, j), (hh, j));
        dsl::fill_in(&mut gi, linc, &lnx);
        dsl::fill_in(&mut go, linc, &lnx);
        fill_locs_in(&mut gi, dotc, &[(hh + 1, j)]);
        fill_locs_in(&mut go, dotc, &[(0, j)]);
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

/// One step of 3631a71a's maps back onto `inds1`: a shift, or one of the
/// DSL's patch mirrors (`dmirror`, `vmirror`, `hmirror`) about the patch's
/// own bounds.
#[derive(Clone, Copy)]
enum BackStep {
    Shift(i64, i64),
    Dm,
    Vm,
    Hm,
}

impl BackStep {
    /// `(top, bottom, left, right)` of some locations, `None` for none.
    fn bounds(locs: impl Iterator<Item = Loc>) -> Option<(i64, i64, i64, i64)> {
        locs.fold(None, |b, (i, j)| {
            Some(match b {
                None => (i, i, j, j),
                Some((t, bt, l, r)) => (t.min(i), bt.max(i), l.min(j), r.max(j)),
            })
        })
    }

    /// Where the steps take `loc`, a location of a patch with these bounds
    /// (each step maps the patch onto one whose bounds follow from these:
    /// `dmirror` swaps the extents about the upper left corner, the other
    /// mirrors keep them).
    fn apply(
        steps: &[BackStep],
        (mut t, mut b, mut l, mut r): (i64, i64, i64, i64),
        loc: Loc,
    ) -> Loc {
        let (mut i, mut j) = loc;
        for step in steps {
            match *step {
                BackStep::Shift(di, dj) => {
                    (i, j) = (i + di, j + dj);
                    (t, b, l, r) = (t + di, b + di, l + dj, r + dj);
                }
                BackStep::Dm => {
                    (i, j) = (j - l + t, i - t + l);
                    (b, r) = (t + r - l, l + b - t);
                }
                BackStep::Vm => j = l + r - j,
                BackStep::Hm => i = t + b - i,
            }
        }
        (i, j)
    }
}

fn generate_3631a71a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 15));
    let w = h;
    // Drawn and then replaced, as in Python.
    let _ = rng.sample(&cols, 2)?;
    let patchcol = rng.choice(&cols)?;
    let bgc = rng.choice(&dsl::remove(&patchcol, &cols))?;
    let remcols = colors_without(&[bgc, patchcol]);
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::sfilter(&dsl::asindices(&c), |&(i, j)| i >= j);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, ncols)?;
    let ncells = unifint(rng, diff_lb, diff_ub, (1, inds.len() as i64));
    let cells: PySet<Loc> = rng.sample(&inds.to_vec(), ncells)?.into_iter().collect();
    let mut obj: Vec<dsl::Cell> = Vec::new();
    for &ij in cells.iter() {
        obj.push((rng.choice(&ccols)?, ij));
    }
    let paint_cells = |g: &Grid| -> Grid {
        let mut out = g.clone();
        for &(v, l) in &obj {
            fill_locs_in(&mut out, v, &[l]);
        }
        out
    };
    let c = paint_cells(&dsl::dmirror_grid(&paint_cells(&c)));
    let c = dsl::hconcat(&c, &dsl::vmirror_grid(&c));
    let c = dsl::vconcat(&c, &dsl::hmirror_grid(&c));
    let cutoff = 2;
    // Drop the last two rows and the last two columns.
    let go: Grid = c[..c.len() - 2]
        .iter()
        .map(|r| r[..r.len() - 2].to_vec())
        .collect();
    let mut gi = go.clone();
    let inds1_has = |(i, j): Loc| cutoff <= i && i < h && cutoff <= j && j < w && i >= j;
    let inds1: Vec<Loc> = (0..h)
        .flat_map(|i| (0..w).map(move |j| (i, j)))
        .filter(|&l| inds1_has(l))
        .collect();
    let inds2 = mirror_cells(1, &inds1);
    let (dh, dw) = (h - cutoff, w - cutoff);
    let shifted = |p: Vec<Loc>, (di, dj): Loc| -> Vec<Loc> {
        p.into_iter().map(|(i, j)| (i + di, j + dj)).collect()
    };
    let areas = [
        inds1.clone(),
        inds2.clone(),
        shifted(mirror_cells(3, &inds1), (dh, 0)),
        shifted(mirror_cells(3, &inds2), (dh, 0)),
        shifted(mirror_cells(2, &inds1), (0, dw)),
        shifted(mirror_cells(2, &inds2), (0, dw)),
        shifted(mirror_cells(3, &mirror_cells(2, &inds1)), (dh, dw)),
        shifted(mirror_cells(3, &mirror_cells(2, &inds2)), (dh, dw)),
    ];
    // `f1`..`f8`: each area's cells mapped back onto `inds1` (patch mirrors
    // work on the patch's own bounding box, as in Python): a shift, then
    // mirrors, each a map of locations given the bounds before it, which
    // the maps carry along (so no list is built per step).
    let backs: [&[BackStep]; 8] = {
        use BackStep::{Dm, Hm, Shift, Vm};
        [
            &[],
            &[Dm],
            &[Shift(-dh, 0), Hm],
            &[Shift(-dh, 0), Hm, Dm],
            &[Shift(0, -dw), Vm],
            &[Shift(0, -dw), Vm, Dm],
            &[Shift(-dh, -dw), Hm, Vm],
            &[Shift(-dh, -dw), Hm, Vm, Dm],
        ]
    };
    let ndist = unifint(
        rng,
        diff_lb,
        diff_ub,
        (1, ((2 * h * 2 * w) as f64).powf(0.5) as i64),
    );
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * ndist;
    let (fullh, fullw) = dsl::shape_grid(&gi);
    // Every test below compares sets (or asks for emptiness), so the
    // locations are kept in lists and a mask, not frozensets.
    let mut isleft = vec![false; (fullh * fullw) as usize];
    while succ < ndist && tr < maxtr {
        tr += 1;
        let oh = rng.randint(2, h / 2 + 1)?;
        let ow = rng.randint(2, w / 2 + 1)?;
        let loci = rng.randint(0, fullh - oh)?;
        let locj = rng.randint(0, fullw - ow)?;
        // `gi2 = fill(gi, patchcol, patch)`, read through `at2` and written
        // only if kept (the patch lies inside the grid).
        let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        let at2 = |(i, j): Loc| -> Option<i64> {
            if !(0 <= i && i < fullh && 0 <= j && j < fullw) {
                None
            } else if in_rect((i, j), ul, lr) {
                Some(patchcol)
            } else {
                Some(gi[i as usize][j as usize])
            }
        };
        // `patchcol in palette(toobject(forbidden, gi2))`: the corner square.
        if (0..cutoff).any(|i| (0..cutoff).any(|j| at2((i, j)) == Some(patchcol))) {
            continue;
        }
        // `oo1 | oo2 != dmirrareaL`: the top strip transposed is the left
        // strip (the grid is square), so each left-strip cell must be
        // unpatched there or at its transpose.
        let strip_ok = (cutoff..2 * h - cutoff).all(|i| {
            (0..cutoff).all(|j| at2((i, j)) != Some(patchcol) || at2((j, i)) != Some(patchcol))
        });
        if !strip_ok {
            continue;
        }
        // `isleft == inds1`: the mapped-back cells, as a mask over the grid.
        isleft.fill(false);
        let mut count = 0;
        let mut outside = false;
        let unpatched = |l: Loc| at2(l).is_some_and(|v| v != patchcol);
        for (area, steps) in areas.iter().zip(backs) {
            let Some(bounds) = BackStep::bounds(area.iter().copied().filter(|&l| unpatched(l)))
            else {
                continue;
            };
            for &l in area.iter().filter(|&&l| unpatched(l)) {
                let (i, j) = BackStep::apply(steps, bounds, l);
                if !inds1_has((i, j)) {
                    outside = true;
                } else if !isleft[(i * fullw + j) as usize] {
                    isleft[(i * fullw + j) as usize] = true;
                    count += 1;
                }
            }
        }
        if outside || count != inds1.len() {
            continue;
        }
        succ += 1;
        fill_rect(&mut gi, patchcol, ul, lr);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `(identity, dmirror, vmirror, hmirror)[k]` of a patch of locations,
/// about the patch's own corners as the DSL's patch mirrors are.
fn mirror_cells(k: usize, p: &[Loc]) -> Vec<Loc> {
    let (t, b) = bounds_of(&p.iter().map(|l| l.0).collect::<Vec<_>>());
    let (l, r) = bounds_of(&p.iter().map(|l| l.1).collect::<Vec<_>>());
    p.iter()
        .map(|&(i, j)| match k {
            1 => (j - l + t, i - t + l),
            2 => (i, l + r - j),
            3 => (t + b - i, j),
            _ => (i, j),
        })
        .collect()
}

fn generate_363442ee(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 3)) * 2 + 1;
    let w = unifint(rng, diff_lb, diff_ub, (1, 3)) * 2 + 1;
    let nremh = unifint(rng, diff_lb, diff_ub, (2, 30 / h));
    let nremw = unifint(rng, diff_lb, diff_ub, (2, (30 - w - 1) / w));
    let (rsh, rsw) = (nremh * h, nremw * w);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let barcol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&barcol, &remcols);
    let mut rsi = dsl::canvas(bgc, (rsh, rsw));
    let mut rso = dsl::canvas(bgc, (rsh, rsw));
    let ls = dsl::canvas(bgc, ((nremh - 1) * h, w));
    let mut ulc = dsl::canvas(bgc, (h, w));
    let bar = dsl::canvas(barcol, (nremh * h, 1));
    let dotcands = dsl::product(&dsl::interval(0, rsh, h), &dsl::interval(0, rsw, w)).to_vec();
    let dotcol = rng.choice(&remcols)?;
    let n = dotcands.len() as i64;
    let dev = unifint(rng, diff_lb, diff_ub, (1, n / 2));
    let ndots = rng.choice(&[dev, n - dev])?;
    let ndots = ndots.max(1).min(n);
    let dots = rng.sample(&dotcands, ndots)?;
    let nfullremcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let fullremcols = rng.sample(&remcols, nfullremcols)?;
    for &(i, j) in dsl::asindices(&ulc).iter() {
        ulc[i as usize][j as usize] = rng.choice(&fullremcols)?;
    }
    let ulco = dsl::asobject(&ulc);
    let osf = (h / 2, w / 2);
    for &d in &dots {
        fill_locs_in(&mut rsi, dotcol, &[dsl::add(osf, d)]);
        dsl::paint_in(&mut rso, &ulco.shift(d));
    }
    let left = dsl::hconcat(&dsl::vconcat(&ulc, &ls), &bar);
    let mut gi = dsl::hconcat(&left, &rsi);
    let mut go = dsl::hconcat(&left, &rso);
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_36d67576(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    loop {
        let h = unifint(rng, diff_lb, diff_ub, (10, 30));
        let w = unifint(rng, diff_lb, diff_ub, (10, 30));
        let bmm = rng.sample(&cols, 3)?;
        let (bgc, mainc, markerc) = (bmm[0], bmm[1], bmm[2]);
        let remcols = colors_without(&[bgc, mainc, markerc]);
        let ncols = unifint(rng, diff_lb, diff_ub, (1, remcols.len() as i64));
        // Drawn, never used: the extra colors come from `remcols`.
        let _ccols = rng.sample(&remcols, ncols)?;
        let mut gi = dsl::canvas(bgc, (h, w));
        let mut oh = unifint(rng, diff_lb, diff_ub, (2, 5));
        let mut ow = unifint(rng, diff_lb, diff_ub, (if oh == 2 { 3 } else { 2 }, 5));
        if rng.choice(&[true, false])? {
            (oh, ow) = (ow, oh);
        }
        let bounds = asindices_of((oh, ow));
        let ncells = unifint(rng, diff_lb, diff_ub, (4, bounds.len() as i64));
        let first = rng.choice_in(&bounds)?;
        let mut shp: PySet<Loc> = std::iter::once(first).collect();
        for _ in 0..ncells - 1 {
            grow_box8(rng, &bounds, &mut shp, dsl::neighbors)?;
        }
        let obj = normalize_set(&shp);
        let ntocompc = unifint(rng, diff_lb, diff_ub, (1, ncells - 3));
        let markercell = rng.choice_in(&obj)?;
        let remobj = dsl::remove(&markercell, &obj);
        let tocompc: PySet<Loc> = rng
            .sample(&remobj.to_vec(), ntocompc)?
            .into_iter()
            .collect();
        let mainpart: Vec<Loc> = obj
            .iter()
            .filter(|&&l| l != markercell && !tocompc.contains(&l))
            .copied()
            .collect();
        let mut full: Vec<dsl::Cell> = Vec::new();
        for &ij in tocompc.iter() {
            full.push((rng.choice(&remcols)?, ij));
        }
        // Every cell has its own location: these objects are only painted,
        // compared and mirrored, none of which depends on their order.
        let mut small: Vec<dsl::Cell> = mainpart.iter().map(|&l| (mainc, l)).collect();
        small.push((markerc, markercell));
        full.extend(small.iter().copied());
        let obj: dsl::Object = full.into_iter().collect();
        let smobjn = dsl::normalize(&small.into_iter().collect::<dsl::Object>());
        let fake =
            (1..5).any(|k| mirror_object(k, &smobjn) == smobjn && mirror_object(k, &obj) != obj);
        if fake {
            continue;
        }
        let (oh, ow) = dsl::shape(&obj);
        let loci = rng.randint(0, h - oh)?;
        let locj = rng.randint(0, w - ow)?;
        let plcd = obj.shift((loci, locj));
        dsl::paint_in(&mut gi, &plcd);
        // The placed objects are read for their cells, sizes and membership
        // only (fills, subset tests, differences), never in a set's order;
        // `inds` is (draws from its sfilters): CPython's table as location
        // numbers. `plcd` lies in the grid, one cell per location.
        let plcdi: Vec<Loc> = plcd.iter().map(|c| c.1).collect();
        let mut inds = grid_minus_near(&GridSet::asindices((h, w)), &plcdi, dsl::neighbors);
        let noccs = unifint(
            rng,
            diff_lb,
            diff_ub,
            (1, 1.max((h * w) / (2 * obj.len() as i64))),
        );
        let (mut succ, mut tr) = (0, 0);
        let maxtr = noccs * 5;
        let mut go = gi.clone();
        // `normalize(mf1(mf2(obj)))` per pair of mirrors, as cells.
        let mut mirrored: Vec<Option<Vec<dsl::Cell>>> = vec![None; 25];
        let mut memo = FitMemo::default();
        while tr < maxtr && succ < noccs {
            tr += 1;
            let mf1 = rng.choice(&[0usize, 1, 2, 3, 4])?;
            let mf2 = rng.choice(&[0usize, 1, 2, 3, 4])?;
            let outobj = mirrored[5 * mf1 + mf2].get_or_insert_with(|| {
                dsl::normalize(&mirror_object(mf1, &mirror_object(mf2, &obj))).to_vec()
            });
            let oh = outobj.iter().map(|c| c.1 .0).max().unwrap_or(0) + 1;
            let ow = outobj.iter().map(|c| c.1 .1).max().unwrap_or(0) + 1;
            let cands = memo.fitting(&inds, (h, w), (oh, ow));
            if cands.is_empty() {
                continue;
            }
            let loc = gloc(rng.choice(cands)?);
            let outobjp: Vec<dsl::Cell> = outobj
                .iter()
                .map(|&(v, (i, j))| (v, (i + loc.0, j + loc.1)))
                .collect();
            if outobjp.iter().all(|c| in_grid_set(&inds, c.1)) {
                succ += 1;
                let outobjpi: Vec<Loc> = outobjp.iter().map(|c| c.1).collect();
                inds = grid_minus_near(&inds, &outobjpi, dsl::neighbors);
                memo.changed();
                let inobjp = outobjp.iter().filter(|c| c.0 == mainc || c.0 == markerc);
                paint_cells_in(&mut gi, inobjp);
                paint_cells_in(&mut go, outobjp.iter());
            }
        }
        return Ok(Example {
            input: gi,
            output: go,
        });
    }
}

/// The locations `loc + (a, b)` for `a`, `b` in `-2..=8` (the 7 by 7 box at
/// `loc` and two cells round it), numbered `(a + 2) * 11 + (b + 2)`, with
/// what CPython's tables of them need: `hash` of each location and, for the
/// locations up to one cell outside the box, `hash(dneighbors(l))`,
/// `hash(neighbors(l))` and those frozensets' orders as numbers. The hashes
/// are of the true (shifted) locations, so an [`IdSet`] over these numbers
/// has the table of the same set of locations.
struct Frame36 {
    loc: [i64; 121],
    dn: [i64; 121],
    n: [i64; 121],
    dn_order: [[u8; 4]; 121],
    n_order: [[u8; 8]; 121],
}

const FRAME36_W: i64 = 11;

fn id36((a, b): Loc) -> u8 {
    ((a + 2) * FRAME36_W + b + 2) as u8
}

/// For a location, its hash and its `dneighbors` / `neighbors` frozensets'
/// hashes and orders, as steps between frame numbers (`11 * di + dj`).
#[derive(Clone, Copy)]
struct NearAt {
    loc: i64,
    dn: i64,
    n: i64,
    dn_order: [i16; 4],
    n_order: [i16; 8],
}

impl NearAt {
    fn of((i, j): Loc) -> Self {
        let steps = |s: &Indices, out: &mut [i16]| {
            for (o, &(x, y)) in out.iter_mut().zip(s.iter()) {
                *o = ((x - i) * FRAME36_W + (y - j)) as i16;
            }
        };
        let (dn, n) = (dsl::dneighbors((i, j)), dsl::neighbors((i, j)));
        let mut at = NearAt {
            loc: pycompat::PyHashable::py_hash(&(i, j)),
            dn: pycompat::PyHashable::py_hash(&dn),
            n: pycompat::PyHashable::py_hash(&n),
            dn_order: [0; 4],
            n_order: [0; 8],
        };
        steps(&dn, &mut at.dn_order);
        steps(&n, &mut at.n_order);
        at
    }
}

impl Frame36 {
    /// The frame at `loc` for an `oh` by `ow` box, from a per-thread table
    /// of [`NearAt`] over the locations `-3..=40` (each built on first
    /// use). Only the entries a shape grown in the box reaches are filled:
    /// location hashes up to two cells round the box, neighbourhoods up to
    /// one (the box's cells and `mapply(dneighbors, ...)` of them).
    fn at((li, lj): Loc, (oh, ow): Loc) -> Box<Self> {
        use std::cell::RefCell;
        const LO: i64 = -3;
        const SIDE: i64 = 44;
        thread_local! {
            static AT: RefCell<Vec<Option<NearAt>>> =
                RefCell::new(vec![None; (SIDE * SIDE) as usize]);
        }
        let span = LO..LO + SIDE;
        assert!(
            span.contains(&(li - 2))
                && span.contains(&(lj - 2))
                && span.contains(&(li + 8))
                && span.contains(&(lj + 8)),
            "frame outside the table"
        );
        let mut fr = Box::new(Frame36 {
            loc: [0; 121],
            dn: [0; 121],
            n: [0; 121],
            dn_order: [[0; 4]; 121],
            n_order: [[0; 8]; 121],
        });
        AT.with(|c| {
            let mut c = c.borrow_mut();
            for a in -2..=oh + 1 {
                // The table slot of `(li + a, lj - 2)`.
                let row = ((li + a - LO) * SIDE + lj - 2 - LO) as usize;
                for b in -2..=ow + 1 {
                    let at = *c[row + (b + 2) as usize]
                        .get_or_insert_with(|| NearAt::of((li + a, lj + b)));
                    let id = id36((a, b));
                    let k = id as usize;
                    fr.loc[k] = at.loc;
                    if (-1..=oh).contains(&a) && (-1..=ow).contains(&b) {
                        fr.dn[k] = at.dn;
                        fr.n[k] = at.n;
                        let near = |d: i16| (i16::from(id) + d) as u8;
                        fr.dn_order[k] = at.dn_order.map(near);
                        fr.n_order[k] = at.n_order.map(near);
                    }
                }
            }
        });
        fr
    }
}

/// `mask` of frame numbers moved by the location offsets `offs` and joined.
fn dilate36(mask: u128, offs: &[Loc]) -> u128 {
    offs.iter().fold(0, |d, &(di, dj)| {
        let k = di * FRAME36_W + dj;
        d | if k >= 0 { mask << k } else { mask >> -k }
    })
}

/// `obj.add(rng.choice(totuple((bd - obj) & mapply(neighbors,
/// mapply(dneighbors, obj)))))` with `obj` inside `bd`, both as frame
/// numbers (tables and masks). CPython's `&` walks the smaller operand (the
/// mapply on a tie) and adds its members found in the other to a new set:
/// when that is `bd - obj`, the mapply is only counted and tested as bits;
/// when it is the mapply, its table is built by the same adds as
/// `apply` / `merge` make (the neighbourhoods' hashes and orders looked up),
/// and `bd - obj` is only bits.
fn grow36<'h>(
    rng: &mut GenRng,
    fr: &'h Frame36,
    bd: &IdSet<'h>,
    bd_mask: u128,
    obj: &mut IdSet<'h>,
    obj_mask: &mut u128,
) -> Result<()> {
    const DN: [Loc; 4] = [(-1, 0), (1, 0), (0, -1), (0, 1)];
    const N: [Loc; 8] = [
        (-1, -1),
        (-1, 0),
        (-1, 1),
        (0, -1),
        (0, 1),
        (1, -1),
        (1, 0),
        (1, 1),
    ];
    let om = *obj_mask;
    let rest_mask = bd_mask & !om;
    let near = dilate36(dilate36(om, &DN), &N);
    let hits = if near.count_ones() > rest_mask.count_ones() {
        let rest = bd.difference_where(obj.len(), |id| om >> id & 1 != 0);
        IdSet::from_adds(&fr.loc, rest.iter().filter(|&id| near >> id & 1 != 0))
    } else {
        // Adding a location already there changes nothing: only first
        // occurrences are added.
        let first = |seen: &mut u128, id: u8| {
            let new = *seen >> id & 1 == 0;
            *seen |= 1 << id;
            new
        };
        let applied = IdSet::from_adds(&fr.dn, obj.iter());
        let mut seen = 0u128;
        let inner = IdSet::from_adds(
            &fr.loc,
            applied
                .iter()
                .flat_map(|id| fr.dn_order[id as usize])
                .filter(|&id| first(&mut seen, id)),
        );
        let applied = IdSet::from_adds(&fr.n, inner.iter());
        let mut seen = 0u128;
        let merged = IdSet::from_adds(
            &fr.loc,
            applied
                .iter()
                .flat_map(|id| fr.n_order[id as usize])
                .filter(|&id| first(&mut seen, id)),
        );
        IdSet::from_adds(
            &fr.loc,
            merged.iter().filter(|&id| rest_mask >> id & 1 != 0),
        )
    };
    let mut cands = Vec::with_capacity(hits.len());
    cands.extend(hits.iter());
    let added = rng.choice(&cands)?;
    obj.add(added);
    *obj_mask |= 1 << added;
    Ok(())
}

fn generate_36fdfd69(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[4]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 30));
    let bfo = rng.sample(&cols, 3)?;
    let (bgc, fgc, objc) = (bfo[0], bfo[1], bfo[2]);
    let mut gi = dsl::canvas(bgc, (h, w));
    // `inds` is read in its order (the placement draws from its sfilter):
    // CPython's table as location numbers, the sfilter kept per box shape
    // until `inds` changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nobjs;
    // `int(0.35 * h * w)`: the float products are taken left to right.
    let lo = (0.35 * h as f64 * w as f64) as i64;
    let hi = (0.65 * h as f64 * w as f64) as i64;
    let namt = rng.randint(lo, hi)?;
    let noise = rng.sample(&dsl::asindices_order(h, w), namt)?;
    fill_locs_in(&mut gi, fgc, &noise);
    let mut go = gi.clone();
    // `colorcount(gi, c)` for each color (all of `gi`'s are below 10).
    let mut counts = [0i64; 10];
    for &v in gi.iter().flatten() {
        counts[v as usize] += 1;
    }
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let oh = rng.randint(2, 7)?;
        let ow = rng.randint(2, 7)?;
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        // `bd = backdrop({loc, loc + (oh - 1, ow - 1)})` lies in the grid
        // (the sfilter), so `bd.issubset(inds)` is each of its cells in it.
        let bd_cells = rect_cells((0, 0), (oh - 1, ow - 1));
        if !bd_cells
            .iter()
            .all(|&(a, b)| inds.contains(gid((loc.0 + a, loc.1 + b))))
        {
            continue;
        }
        // `bd` and the growing `obj` are read in their orders (draws from
        // them and from their difference): tables over the frame at `loc`.
        let fr = Frame36::at(loc, (oh, ow));
        let bd = IdSet::from_adds(&fr.loc, bd_cells.iter().map(|&l| id36(l)));
        let bd_mask = bd_cells.iter().fold(0u128, |m, &l| m | 1 << id36(l));
        let bd_order: Vec<u8> = bd.iter().collect();
        let ncells = rng.randint(2, oh * ow - 1)?;
        let grow_obj = |rng: &mut GenRng| -> Result<(IdSet, u128)> {
            let first = rng.choice(&bd_order)?;
            let (mut obj, mut mask) = (IdSet::from_adds(&fr.loc, [first]), 1u128 << first);
            for _ in 0..ncells - 1 {
                grow36(rng, &fr, &bd, bd_mask, &mut obj, &mut mask)?;
            }
            Ok((obj, mask))
        };
        let (mut obj, mut mask) = grow_obj(rng)?;
        // `len(obj) == height(obj) * width(obj)`, by the frame's rows and
        // columns.
        let bounds = |mut mask: u128| {
            let (mut t, mut l, mut b, mut r) = (i64::MAX, i64::MAX, i64::MIN, i64::MIN);
            // The set bits, lowest first.
            while mask != 0 {
                let id = i64::from(mask.trailing_zeros());
                mask &= mask - 1;
                let (i, j) = (id / FRAME36_W, id % FRAME36_W);
                (t, l, b, r) = (t.min(i), l.min(j), b.max(i), r.max(j));
            }
            ((t, l), (b, r))
        };
        while {
            let ((t, l), (b, r)) = bounds(mask);
            obj.len() as i64 == (b - t + 1) * (r - l + 1)
        } {
            (obj, mask) = grow_obj(rng)?;
        }
        // `shift(normalize(obj), loc)`: only filled and bounded from here,
        // so its cells (frame row and column less the frame's bounds, plus
        // `loc`).
        let ((t, l), (fb, fr)) = bounds(mask);
        let obj: Vec<Loc> = obj
            .iter()
            .map(|id| {
                let (a, b) = (i64::from(id) / FRAME36_W, i64::from(id) % FRAME36_W);
                (a - t + loc.0, b - l + loc.1)
            })
            .collect();
        // `bd = backdrop(obj)` and its two outboxes are only filled with one
        // value and subtracted (size and membership), so they stay
        // rectangles: `bd` from `ul` to `lr`, the rings out to two cells
        // beyond it.
        let (ul, lr) = (loc, (loc.0 + fb - t, loc.1 + fr - l));
        let (bh, bw) = (lr.0 - ul.0 + 1, lr.1 - ul.1 + 1);
        // `gi2` (`bd` filled with `fgc`, then `obj`, inside it, with
        // `objc`) is only counted, and kept as `gi` if the counts pass: the
        // counts follow from `gi`'s by the cells the fills change.
        let mut n2 = counts;
        for row in &gi[ul.0 as usize..=lr.0 as usize] {
            for &v in &row[ul.1 as usize..=lr.1 as usize] {
                n2[v as usize] -= 1;
            }
        }
        n2[fgc as usize] += bh * bw - obj.len() as i64;
        n2[objc as usize] += obj.len() as i64;
        let n = |c: i64| n2[c as usize];
        if n(objc) < n(fgc).min(n(bgc)) {
            succ += 1;
            counts = n2;
            let rings = (2 * (bh + 2) + 2 * (bw + 2) - 4) + (2 * (bh + 4) + 2 * (bw + 4) - 4);
            let (oul, olr) = ((ul.0 - 2, ul.1 - 2), (lr.0 + 2, lr.1 + 2));
            inds = inds
                .difference_where((bh * bw) as usize, |id| in_rect(gloc(id), ul, lr))
                .difference_where(rings as usize, |id| {
                    let l = gloc(id);
                    in_rect(l, oul, olr) && !in_rect(l, ul, lr)
                });
            memo.changed();
            fill_rect(&mut gi, fgc, ul, lr);
            fill_locs_in(&mut gi, objc, &obj);
            fill_rect(&mut go, 4, ul, lr);
            fill_locs_in(&mut go, objc, &obj);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3906de3d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (2, h / 2));
    let ow = unifint(rng, diff_lb, diff_ub, (3, w - 2));
    let bbl = rng.sample(&cols, 3)?;
    let (bgc, boxc, linc) = (bbl[0], bbl[1], bbl[2]);
    let locj = rng.randint(1, w - ow - 1)?;
    let bx = dsl::backdrop(&pair_set((0, locj), (oh - 1, locj + ow - 1)));
    let mut gi = dsl::fill(&dsl::canvas(bgc, (h, w)), boxc, &bx);
    let columns: Vec<i64> = (locj..locj + ow).collect();
    let mut cutoffs = Vec::new();
    for _ in &columns {
        cutoffs.push(rng.randint(1, oh - 1)?);
    }
    for (&jj, &co) in columns.iter().zip(&cutoffs) {
        dsl::fill_in(&mut gi, bgc, &dsl::connect((co, jj), (oh - 1, jj)));
    }
    let numlns = unifint(rng, diff_lb, diff_ub, (1, ow - 1));
    let lnlocs = rng.sample(&columns, numlns)?;
    let mut go = gi.clone();
    for (&jj, &co) in columns.iter().zip(&cutoffs) {
        if lnlocs.contains(&jj) {
            let lineh = rng.randint(1, h - co - 1)?;
            dsl::fill_in(&mut gi, linc, &dsl::connect((h - lineh, jj), (h - 1, jj)));
            dsl::fill_in(&mut go, linc, &dsl::connect((co, jj), (co + lineh - 1, jj)));
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_39a8645d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (15, 30));
    let w = unifint(rng, diff_lb, diff_ub, (15, 30));
    let oh = rng.randint(2, 4)?;
    let ow = rng.randint(2, 4)?;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, oh + ow));
    let ccols = rng.sample(&remcols, nobjs + 1)?;
    let mxcol = ccols[0];
    let rcols = &ccols[1..];
    let maxnocc = unifint(
        rng,
        diff_lb,
        diff_ub,
        (nobjs + 2, (nobjs + 2).max((h * w) / 16)),
    );
    let mut tr = 0;
    let maxtr = 10 * maxnocc;
    let mut succ = 0;
    let mut allobjs: Vec<Indices> = Vec::new();
    // `bounds` and each `cobj` lie in the 8 by 8 box: CPython's tables of
    // them and of the sets that grow `cobj` are kept as ids (`IdSet`). The
    // objects' own orders are never read afterwards (equality, shifts
    // tested for membership, fills).
    let hashes = loc10_hashes();
    let bounds = IdSet::from_adds(
        hashes,
        (0..oh).flat_map(|i| (0..ow).map(move |j| id10((i, j)))),
    );
    let bmask = bounds.iter().fold(0u128, |m, id| m | 1 << id);
    let bounds_order: Vec<u8> = bounds.iter().collect();
    for _ in 0..nobjs + 1 {
        let cobj = loop {
            let ncells = rng.randint(oh + ow - 1, oh * ow)?;
            let first = rng.choice(&bounds_order)?;
            let mut cobj = IdSet::from_adds(hashes, [first]);
            let mut cmask = 1u128 << first;
            // `shape(cobj)` (never empty): its bounds, read off the ids.
            let shape = |cobj: &IdSet| {
                let (mut t, mut b, mut l, mut r) = (i64::MAX, i64::MIN, i64::MAX, i64::MIN);
                for (i, j) in cobj.iter().map(loc10) {
                    (t, b, l, r) = (t.min(i), b.max(i), l.min(j), r.max(j));
                }
                (b - t + 1, r - l + 1)
            };
            while shape(&cobj) != (oh, ow) && (cobj.len() as i64) < ncells {
                // `(bounds - cobj) & mapply(neighbors, cobj)`.
                let rest = || bounds.difference_where(cobj.len(), |id| cmask >> id & 1 != 0);
                let cands =
                    box8_meet_ids(rest, bmask & !cmask, cobj.iter(), cmask, dsl::neighbors).order();
                let added = rng.choice(&cands)?;
                cobj.add(added);
                cmask |= 1 << added;
            }
            let frozen: Indices = cobj.iter().map(loc10).collect();
            if !allobjs.contains(&frozen) {
                break frozen;
            }
        };
        allobjs.push(cobj);
    }
    let mcobj = dsl::normalize(&allobjs[0]);
    let remobjs: Vec<Indices> = allobjs[1..].iter().map(dsl::normalize).collect();
    // `remobjcounter`: a dict, so equal shapes share one entry, kept in
    // first-insertion order.
    let mut counter: Vec<(Indices, i64)> = Vec::new();
    for r in &remobjs {
        if !counter.iter().any(|(k, _)| k == r) {
            counter.push((r.clone(), 0));
        }
    }
    let mut mxobjcounter = 0;
    let mut gi = dsl::canvas(bgc, (h, w));
    // `inds` as CPython's table of grid locations (`GridSet`); `cands`,
    // filtered from it, kept until it changes.
    let mut inds = GridSet::asindices((h, w));
    let mut kept_cands: Option<Vec<u16>> = None;
    // `plcd = shift(obj, loc)` is only tested, subtracted (by membership,
    // or discarding its distinct elements), grown by `dneighbors` (read by
    // size and membership) and filled: the shapes' cells, in any order, do.
    // `obj` is known by its entry in `counter` (`remobjcounter`), if any.
    let mc_cells: Vec<Loc> = mcobj.iter().copied().collect();
    let mc_entry = counter.iter().position(|(k, _)| *k == mcobj);
    let key_cells: Vec<Vec<Loc>> = counter
        .iter()
        .map(|(k, _)| k.iter().copied().collect())
        .collect();
    let mut cand_keys: Vec<usize> = Vec::with_capacity(counter.len());
    let mut plcd: Vec<Loc> = Vec::with_capacity(16);
    let mut plcd_ids: Vec<u16> = Vec::with_capacity(16);
    while tr < maxtr && succ < maxnocc {
        tr += 1;
        // `candobjs`, as positions in `counter` (the same list, in order).
        cand_keys.clear();
        cand_keys.extend((0..counter.len()).filter(|&k| counter[k].1 + 1 < mxobjcounter));
        // `or` stops before the draw when there is no candidate.
        let (cells, col, entry) =
            if cand_keys.is_empty() || rng.randint(0, 100)? as f64 / 100.0 > diff_lb {
                (&mc_cells, mxcol, mc_entry)
            } else {
                let k = rng.choice(&cand_keys)?;
                let idx = remobjs.iter().position(|r| *r == counter[k].0).unwrap_or(0);
                (&key_cells[k], rcols[idx], Some(k))
            };
        let cands = kept_cands.get_or_insert_with(|| inds.fit_order(h - oh, w - ow));
        if cands.is_empty() {
            break;
        }
        let loc = gloc(rng.choice(cands)?);
        plcd.clear();
        plcd.extend(cells.iter().map(|&(i, j)| (i + loc.0, j + loc.1)));
        // `plcd.issubset(inds - mapply(neighbors, ofcolor(gi, col)))`: a
        // location is in that mapply when one of its (in-grid) neighbours
        // shows `col`; and the next line only subtracts a mapply.
        let near_col = |(i, j): Loc| {
            (-1..=1).any(|di| {
                (-1..=1).any(|dj| (di, dj) != (0, 0) && cell_at(&gi, (i + di, j + dj)) == Some(col))
            })
        };
        if plcd.iter().all(|&l| inds.contains(gid(l)) && !near_col(l)) {
            succ += 1;
            plcd_ids.clear();
            plcd_ids.extend(plcd.iter().map(|&l| gid(l)));
            let around = Around::new(plcd.iter().copied(), dsl::dneighbors);
            let around_ids: Vec<u16> = around.cells().iter().map(|&l| gid(l)).collect();
            inds = inds.difference_ids(&plcd_ids).difference_ids(&around_ids);
            kept_cands = None;
            fill_locs_in(&mut gi, col, &plcd);
            match entry {
                Some(k) => counter[k].1 += 1,
                None => mxobjcounter += 1,
            }
        }
    }
    let go = dsl::fill(&dsl::canvas(bgc, dsl::shape(&mcobj)), mxcol, &mcobj);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_39e1d7f9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 10));
    let w = unifint(rng, diff_lb, diff_ub, (5, 10));
    let bld = rng.sample(&cols, 3)?;
    let (bgc, linc, dotc) = (bld[0], bld[1], bld[2]);
    let remcols = colors_without(&[bgc, linc, dotc]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut loci = rng.randint(1, h - 2)?;
    let mut locj = rng.randint(1, w - 2)?;
    if h == 5 {
        loci = rng.choice(&[1, h - 2])?;
    }
    if w == 5 {
        locj = rng.choice(&[1, w - 2])?;
    }
    let npix = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 7));
    let ccols = rng.sample(&remcols, ncols)?;
    let candsss = dsl::neighbors((loci, locj));
    let mut pixs: PySet<Loc> = std::iter::once((loci, locj)).collect();
    for _ in 0..npix {
        let cands = mapply_set(dsl::dneighbors, &pixs)
            .intersection(&candsss)
            .difference(&pixs);
        pixs.add(rng.choice_in(&cands)?);
    }
    // `totuple(remove(center, pixs))`: `remove` rebuilds a set.
    let pixs: PySet<Loc> = pixs
        .iter()
        .filter(|&&l| l != (loci, locj))
        .copied()
        .collect();
    let pixs = pixs.to_vec();
    let mut obj: Vec<dsl::Cell> = Vec::new();
    for &ij in &pixs {
        obj.push((rng.choice(&ccols)?, ij));
    }
    fill_locs_in(&mut gi, dotc, &[(loci, locj)]);
    for &(v, l) in &obj {
        fill_locs_in(&mut gi, v, &[l]);
    }
    let mut go = gi.clone();
    let noccs = unifint(
        rng,
        diff_lb,
        diff_ub,
        (1, (h * w) / (2 * pixs.len() as i64 + 1)),
    );
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 6 * noccs;
    // `mapply(dneighbors, neighbors(center))` is only subtracted (its size
    // and membership read): the 5 by 5 square around the center less its
    // corners, as distinct locations. `inds` keeps CPython's table as a
    // GridSet, since a draw reads its order.
    let around: Vec<Loc> = (-2..=2_i64)
        .flat_map(|di| (-2..=2_i64).map(move |dj| (di, dj)))
        .filter(|&(di, dj)| di.abs() + dj.abs() < 4)
        .map(|(di, dj)| (loci + di, locj + dj))
        .collect();
    let mut inds = ofcolor_set(&gi, bgc).difference_locs(&around);
    let objn: Vec<dsl::Cell> = obj
        .iter()
        .map(|&(v, (i, j))| (v, (i - loci, j - locj)))
        .collect();
    // `triedandfailed` is only subtracted from `inds` (size and membership
    // read), so a mask and a count stand for it.
    let mut tried = vec![false; (GRID_SIDE * GRID_SIDE) as usize];
    let mut ntried = 0;
    let mut taken: Vec<u16> = Vec::with_capacity(objn.len() + 1);
    while (tr < maxtr && succ < noccs) || succ == 0 {
        let lopcands = inds.difference_where(ntried, |id| tried[id as usize]);
        if lopcands.len() == 0 {
            break;
        }
        tr += 1;
        let pick = grid_choice(rng, &lopcands)?;
        let (li, lj) = gloc(pick);
        // `plcdi.issubset(inds)`: a yes or no by membership.
        if objn
            .iter()
            .all(|&(_, (i, j))| in_grid_set(&inds, (i + li, j + lj)))
        {
            // `inds - (plcdi | {(li, lj)})`: distinct cells of the grid
            // (the object leaves its center out), read for size and
            // membership or discarded.
            taken.clear();
            taken.extend(objn.iter().map(|&(_, (i, j))| gid((i + li, j + lj))));
            taken.push(pick);
            inds = inds.difference_ids(&taken);
            succ += 1;
            fill_locs_in(&mut gi, dotc, &[(li, lj)]);
            fill_locs_in(&mut go, dotc, &[(li, lj)]);
            for &(v, (i, j)) in &objn {
                fill_locs_in(&mut go, v, &[(i + li, j + lj)]);
            }
        } else if !tried[pick as usize] {
            tried[pick as usize] = true;
            ntried += 1;
        }
    }
    let hfac = unifint(rng, diff_lb, diff_ub, (1, (30 - h + 1) / h));
    let wfac = unifint(rng, diff_lb, diff_ub, (1, (30 - w + 1) / w));
    let fullh = hfac * h + h - 1;
    let fullw = wfac * w + w - 1;
    // Each cell becomes an `hfac` by `wfac` block filled with one value: a
    // rectangle write, not a shifted frozenset.
    let blow = |g: &Grid| -> Grid {
        let mut out = dsl::canvas(linc, (fullh, fullw));
        for a in 0..h {
            for b in 0..w {
                let c = g[a as usize][b as usize];
                let (si, sj) = (a * (hfac + 1), b * (wfac + 1));
                fill_rect(&mut out, c, (si, sj), (si + hfac - 1, sj + wfac - 1));
            }
        }
        out
    };
    Ok(Example {
        input: blow(&gi),
        output: blow(&go),
    })
}

fn generate_3aa6fb7a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let base: [Loc; 4] = [(0, 0), (0, 1), (1, 0), (1, 1)];
    let cols = colors_without(&[1]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi).to_vec();
    let maxnum = ((h * w) / 2) / 3;
    let num = unifint(rng, diff_lb, diff_ub, (1, maxnum));
    let (mut kk, mut tr) = (0, 0);
    let maxtrials = num * 2;
    let mut binds: Vec<Loc> = Vec::new();
    while kk < num && tr < maxtrials {
        let loc = rng.choice(&inds)?;
        let ooo = rng.choice(&base)?;
        let oop: Vec<Loc> = base
            .iter()
            .filter(|&&b| b != ooo)
            .map(|&b| dsl::add(b, loc))
            .collect();
        if oop.iter().all(|l| inds.contains(l)) {
            // Only membership in the removed cells matters.
            let mut gone: Vec<Loc> = oop.clone();
            for &l in &oop {
                gone.extend(dsl::dneighbors(l).iter().copied());
            }
            inds.retain(|l| !gone.contains(l));
            fill_locs_in(&mut gi, fgc, &oop);
            binds.push(dsl::add(ooo, loc));
            kk += 1;
        }
        tr += 1;
    }
    let go = fill_locs(&gi, 1, &binds);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3ac3eb23(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let nlocs = unifint(rng, diff_lb, diff_ub, (1, 1.max((w - 2) / 3)));
    let mut locopts = dsl::interval(1, w - 1, 1);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    for _ in 0..nlocs {
        if locopts.is_empty() {
            break;
        }
        let locj = rng.choice(&locopts)?;
        locopts = without(&locopts, &dsl::interval(locj - 2, locj + 3, 1));
        let col = rng.choice(&remcols)?;
        fill_locs_in(&mut gi, col, &[(0, locj)]);
        let even: Vec<Loc> = dsl::interval(0, h, 2)
            .into_iter()
            .map(|p| (p, locj))
            .collect();
        let odd = dsl::interval(1, h, 2);
        let left: Vec<Loc> = odd.iter().map(|&p| (p, locj - 1)).collect();
        let right: Vec<Loc> = odd.iter().map(|&p| (p, locj + 1)).collect();
        fill_locs_in(&mut go, col, &even);
        fill_locs_in(&mut go, col, &left);
        fill_locs_in(&mut go, col, &right);
    }
    let mf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(mf, &gi),
        output: transform(mf, &go),
    })
}

fn generate_3af2c5a8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 15));
    let w = unifint(rng, diff_lb, diff_ub, (1, 15));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for col in colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go = dsl::hconcat(&gi, &dsl::vmirror_grid(&gi));
    let go = dsl::vconcat(&go, &dsl::hmirror_grid(&go));
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3bd67248(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 4]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 15));
    let w = unifint(rng, diff_lb, diff_ub, (3, 15));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let fac = unifint(rng, diff_lb, diff_ub, (1, 30 / h.max(w)));
    let gi = dsl::fill(
        &dsl::canvas(bgc, (h, w)),
        linc,
        &dsl::connect((0, 0), (h - 1, 0)),
    );
    let go = dsl::fill(&gi, 4, &dsl::connect((h - 1, 1), (h - 1, w - 1)));
    let go = dsl::filled(go, 2, &dsl::shoot((h - 2, 1), (-1, 1)));
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: dsl::upscale_grid(&transform(rotf, &gi), fac),
        output: dsl::upscale_grid(&transform(rotf, &go), fac),
    })
}

fn generate_3bdb4ada(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 8));
    let mut indss = dsl::asindices(&gi);
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    while succ < num && tr <= maxtrials {
        if remcols.is_empty() || indss.is_empty() {
            break;
        }
        let (oh, ow) = if rng.choice(&[true, false])? {
            (
                3,
                unifint(rng, diff_lb, diff_ub, (1, 1.max(w / 2 - 1))) * 2 + 1,
            )
        } else {
            (
                unifint(rng, diff_lb, diff_ub, (1, 1.max(h / 2 - 1))) * 2 + 1,
                3,
            )
        };
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
            dsl::fill_in(&mut gi, col, &bd);
            dsl::fill_in(&mut go, col, &bd);
            let ln: Vec<Loc> = if oh == 3 {
                dsl::interval(locj + 1, locj + ow, 2)
                    .into_iter()
                    .map(|j| (loci + 1, j))
                    .collect()
            } else {
                dsl::interval(loci + 1, loci + oh, 2)
                    .into_iter()
                    .map(|i| (i, locj + 1))
                    .collect()
            };
            fill_locs_in(&mut go, bgc, &ln);
            succ += 1;
            indss = &indss - &bd;
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3befdf3e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, numcols)?;
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 40));
    let mut succ = 0;
    let maxtr = 5 * nobjs;
    let mut tr = 0;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut inds = dsl::asindices(&gi);
    while succ < nobjs && tr < maxtr {
        tr += 1;
        if inds.is_empty() {
            break;
        }
        let rh = rng.choice(&[1, 2])?;
        let rw = rng.choice(&[1, 2])?;
        let (fullh, fullw) = (2 + 3 * rh, 2 + 3 * rw);
        let cands = dsl::sfilter(&inds, |&(i, j)| i <= h - fullh && j <= w - fullw);
        if cands.is_empty() {
            continue;
        }
        let loc = rng.choice_in(&cands)?;
        let (loci, locj) = loc;
        let fullobj = dsl::backdrop(&pair_set(loc, (loci + fullh - 1, locj + fullw - 1)));
        if !fullobj.issubset(&inds) {
            continue;
        }
        succ += 1;
        inds = &inds - &fullobj;
        let io = rng.sample(&ccols, 2)?;
        let (incol, outcol) = (io[0], io[1]);
        let ofincol = dsl::backdrop(&pair_set(
            (loci + rh + 1, locj + rw + 1),
            (loci + 2 * rh, locj + 2 * rw),
        ));
        let ofoutcol = dsl::outbox(&ofincol);
        dsl::fill_in(&mut gi, incol, &ofincol);
        dsl::fill_in(&mut gi, outcol, &ofoutcol);
        dsl::fill_in(&mut go, outcol, &ofincol);
        dsl::fill_in(&mut go, incol, &ofoutcol);
        let addon: Vec<Loc> = fullobj
            .iter()
            .filter(|l| !ofincol.contains(l) && !ofoutcol.contains(l))
            .filter(|&&(i, j)| ofoutcol.iter().any(|o| o.0 == i || o.1 == j))
            .copied()
            .collect();
        fill_locs_in(&mut go, outcol, &addon);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3c9b0459(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 30));
    let w = unifint(rng, diff_lb, diff_ub, (1, 30));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for col in colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go = dsl::rot180(&gi);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3de23699(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = rng.choice(&cols)?;
    let c = dsl::canvas(bgc, (h, w));
    let hi = unifint(rng, diff_lb, diff_ub, (4, h));
    let wi = unifint(rng, diff_lb, diff_ub, (4, w));
    let loci = rng.randint(0, h - hi)?;
    let locj = rng.randint(0, w - wi)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ccol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&ccol, &remcols);
    let ncol = rng.choice(&remcols)?;
    let tmpo = pair_set((loci, locj), (loci + hi - 1, locj + wi - 1));
    let cnds = dsl::backdrop(&dsl::inbox(&tmpo)).to_vec();
    let n = cnds.len() as i64;
    let dev = unifint(rng, diff_lb, diff_ub, (0, n / 2));
    let ncnds = rng.choice(&[dev, n - dev])?;
    let ncnds = ncnds.max(0).min(n);
    let ss = rng.sample(&cnds, ncnds)?;
    let gi = dsl::fill(&c, ccol, &dsl::corners(&tmpo));
    let gi = filled_locs(gi, ncol, &ss);
    let go = dsl::trim(&dsl::crop(
        &dsl::switch(&gi, ccol, ncol),
        (loci, locj),
        (hi, wi),
    ));
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `fill(grid, value, mfilter(objects(grid, F, T, T), lambda o: c in
/// palette(o)))` in place: the objects are the 8-connected components of
/// the cells not of the most common color, and a fill reads no order, so
/// only the components holding a `c` cell are flooded, from those cells.
/// (A flooded cell is marked before it is written, so later tests never
/// read the new value.)
fn fill_components_with(grid: &mut Grid, value: i64, c: i64) {
    let bg = dsl::mostcolor(grid);
    if c == bg {
        // No object holds a background cell.
        return;
    }
    let (h, w) = (grid.len(), grid.first().map_or(0, Vec::len));
    let vals: Vec<i64> = grid.iter().flatten().copied().collect();
    let mut inside = vec![false; h * w];
    let mut stack = Vec::with_capacity(16);
    for start in 0..h * w {
        if vals[start] != c || inside[start] {
            continue;
        }
        inside[start] = true;
        stack.push(start);
        while let Some(x) = stack.pop() {
            let (i, j) = (x / w, x % w);
            grid[i][j] = value;
            for ni in i.saturating_sub(1)..=(i + 1).min(h - 1) {
                for nj in j.saturating_sub(1)..=(j + 1).min(w - 1) {
                    let y = ni * w + nj;
                    if !inside[y] && vals[y] != bg {
                        inside[y] = true;
                        stack.push(y);
                    }
                }
            }
        }
    }
}

fn generate_3e980e27(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 3]);
    let h = unifint(rng, diff_lb, diff_ub, (11, 30));
    let w = unifint(rng, diff_lb, diff_ub, (11, 30));
    let brg = rng.sample(&cols, 3)?;
    let (bgc, rcol, gcol) = (brg[0], brg[1], brg[2]);
    // Each object: one fixed cell (2 or 3) and the rest in its own color;
    // cells have distinct locations, so paints of them are order-free.
    let mut objs: Vec<dsl::Object> = Vec::new();
    for (fixc, remc) in [(2, rcol), (3, gcol)] {
        let oh = unifint(rng, diff_lb, diff_ub, (2, 5));
        let ow = unifint(rng, diff_lb, diff_ub, (2, 5));
        // `bounds` and `shp` lie in the 5 by 5 box: CPython's tables of them
        // as ids (`BoxShape`).
        let hashes = loc10_hashes();
        let bounds = BoxShape::asindices(hashes, (oh, ow));
        let first = bounds.choose(rng)?;
        let mut shp = BoxShape::from_locs(hashes, [loc10(first)]);
        let ncellsd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
        let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
        let ncells = ncells.max(2).min(oh * ow);
        for _ in 0..ncells - 1 {
            shp.grow(rng, &bounds, dsl::neighbors)?;
        }
        // `normalize(shp)`: a frozenset of the moved locations, added in
        // `shp`'s order.
        let top = shp.locs().map(|l| l.0).min().unwrap_or(0);
        let left = shp.locs().map(|l| l.1).min().unwrap_or(0);
        let norm: Indices = shp.locs().map(|(i, j)| (i - top, j - left)).collect();
        let fixp = rng.choice_in(&norm)?;
        let obj: dsl::Object = norm
            .iter()
            .map(|&l| (if l == fixp { fixc } else { remc }, l))
            .collect();
        objs.push(obj);
    }
    let (robj, gobj) = (objs[0].clone(), objs[1].clone());
    let picked = rng.sample(&[0usize, 1], 2)?;
    let (obj1, obj2) = (&objs[picked[0]], &objs[picked[1]]);
    let loci1 = rng.randint(0, h - dsl::height(obj1) - dsl::height(obj2) - 1)?;
    let locj1 = rng.randint(0, w - dsl::width_of(obj1))?;
    let loci2 = rng.randint(loci1 + dsl::height(obj1) + 1, h - dsl::height(obj2))?;
    let locj2 = rng.randint(0, w - dsl::width_of(obj2))?;
    let obj1p = obj1.shift((loci1, locj1));
    let obj2p = obj2.shift((loci2, locj2));
    // Two paints onto a new canvas, in this order, written in place.
    let mut gi = dsl::canvas(bgc, (h, w));
    paint_cells_in(&mut gi, obj1p.iter());
    paint_cells_in(&mut gi, obj2p.iter());
    let total = robj.len() + gobj.len();
    let noccs = unifint(
        rng,
        diff_lb,
        diff_ub,
        (1, (h * w) / (1.5 * total as f64) as i64),
    );
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * noccs;
    let robj = dsl::vmirror(&robj);
    // The union of the two mapply(neighbors, ...) is only subtracted (its
    // size and membership read), so it is not built.
    let near = Around::new(
        obj1p.iter().chain(obj2p.iter()).map(|c| c.1),
        dsl::neighbors,
    );
    let mut inds = ofcolor_set(&gi, bgc).difference_locs(near.cells());
    let mut go = gi.clone();
    // `inds`' order is read (the choice over its sfilter), so it stays
    // CPython's table, as a `GridSet`; each sfilter is kept per shape until
    // `inds` changes.
    let objopts: [Vec<dsl::Cell>; 2] = [robj.to_vec(), gobj.to_vec()];
    let shapes = [dsl::shape(&robj), dsl::shape(&gobj)];
    let mut memo = FitMemo::default();
    while tr < maxtr && succ < noccs {
        tr += 1;
        let k = rng.choice(&[0usize, 1])?;
        let (oh, ow) = shapes[k];
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        // plcd (one cell per location) is only subset-tested, subtracted by
        // size and membership, and painted: a list, not a frozenset.
        let plcd: Vec<dsl::Cell> = objopts[k]
            .iter()
            .map(|&(v, (i, j))| (v, (i + loc.0, j + loc.1)))
            .collect();
        if plcd.iter().all(|c| inds.contains(gid(c.1))) {
            succ += 1;
            let plcdi: Vec<u16> = plcd.iter().map(|c| gid(c.1)).collect();
            let near = Around::new(plcd.iter().map(|c| c.1), dsl::neighbors);
            inds = inds.difference_ids(&plcdi).difference_locs(near.cells());
            memo.changed();
            paint_cells_in(&mut gi, plcd.iter().filter(|c| c.0 == 2 || c.0 == 3));
            paint_cells_in(&mut go, plcd.iter());
        }
    }
    if unifint(rng, diff_lb, diff_ub, (1, 100)) < 30 {
        let c = rng.choice(&[2, 3])?;
        // mfilter(objects(...), ...) is only filled: which cells, no order.
        fill_components_with(&mut gi, bgc, c);
        fill_components_with(&mut go, bgc, c);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3eda0437(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[0, 6]);
    let mut h = unifint(rng, diff_lb, diff_ub, (3, 8));
    let mut w = unifint(rng, diff_lb, diff_ub, (3, 30));
    if rng.choice(&[true, false])? {
        (h, w) = (w, h);
    }
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let fgcs = rng.sample(&cols, ncols)?;
    let mut gi = dsl::canvas(-1, (h, w));
    let inds = dsl::asindices(&gi);
    for &(i, j) in inds.iter() {
        gi[i as usize][j as usize] = rng.choice(&fgcs)?;
    }
    let spac = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 3 * 2));
    let obj = rng.sample(&inds.to_vec(), spac)?;
    fill_locs_in(&mut gi, 0, &obj);
    let locx = (rng.randint(0, h - 1)?, rng.randint(0, w - 1)?);
    gi = fill_locs(
        &gi,
        0,
        &[
            locx,
            dsl::add(locx, (0, 1)),
            dsl::add(locx, (1, 0)),
            dsl::add(locx, (1, 1)),
        ],
    );
    // Every largest all-zero rectangle (at least 2 x 2) turns 6; the
    // fills write one value, so the order of the rectangles is moot.
    let zeros = |g: &Grid| {
        g.iter()
            .map(|r| r.iter().filter(|&&v| v == 0).count())
            .max()
    };
    let maxpossw = zeros(&gi).unwrap_or(0) as i64;
    let maxpossh = zeros(&dsl::dmirror_grid(&gi)).unwrap_or(0) as i64;
    let mut maxsiz = -1;
    let mut mapper: Vec<(dsl::Object, Indices)> = Vec::new();
    for a in 2..=maxpossh {
        for b in 2..=maxpossw {
            let siz = a * b;
            if siz < maxsiz {
                continue;
            }
            let objx = dsl::recolor(0, &dsl::asindices(&dsl::canvas(-1, (a, b))));
            let occs = dsl::occurrences(&gi, &objx);
            if !occs.is_empty() {
                if siz == maxsiz {
                    mapper.push((objx, occs));
                } else if siz > maxsiz {
                    mapper = vec![(objx, occs)];
                    maxsiz = siz;
                }
            }
        }
    }
    let mut go = gi.clone();
    for (obj, locs) in &mapper {
        for &l in locs.iter() {
            dsl::fill_in(&mut go, 6, &obj.shift(l));
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_3f7978a0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bnl = rng.sample(&cols, 3)?;
    let (bgc, noisec, linec) = (bnl[0], bnl[1], bnl[2]);
    let c = dsl::canvas(bgc, (h, w));
    // `int((2 / 3) * h)`: a float product, truncated.
    let two_thirds = |n: i64| ((2.0 / 3.0) * n as f64) as i64;
    let oh = unifint(rng, diff_lb, diff_ub, (4, 4.max(two_thirds(h)))).min(h);
    let ow = unifint(rng, diff_lb, diff_ub, (4, 4.max(two_thirds(w)))).min(w);
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let nnoise = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 4));
    let noise = rng.sample(&dsl::asindices(&c).to_vec(), nnoise)?;
    let gi = fill_locs(&c, noisec, &noise);
    let ulc = (loci, locj);
    let lrc = (loci + oh - 1, locj + ow - 1);
    let llc = (loci + oh - 1, locj);
    let urc = (loci, locj + ow - 1);
    let gi = dsl::filled(gi, linec, &dsl::connect(ulc, llc));
    let gi = dsl::filled(gi, linec, &dsl::connect(urc, lrc));
    let crns: Indices = [ulc, lrc, llc, urc].into_iter().collect();
    let mut gi = dsl::filled(gi, noisec, &crns);
    let mut go = dsl::subgrid(&crns, &gi);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_40853293(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let nlines = unifint(rng, diff_lb, diff_ub, (2, 8.min((h * w) / 2)));
    let nhorilines = rng.randint(1, nlines - 1)?;
    let nvertilines = nlines - nhorilines;
    let ilocs = rng.sample(&dsl::interval(0, h, 1), nhorilines.min(h))?;
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    for ii in ilocs {
        let llen = unifint(rng, diff_lb, diff_ub, (2, w - 1));
        let js = rng.randint(0, w - llen)?;
        let (a, b) = ((ii, js), (ii, js + llen - 1));
        let col = rng.choice(&remcols)?;
        remcols = dsl::remove(&col, &remcols);
        fill_locs_in(&mut gi, col, &[a, b]);
        dsl::fill_in(&mut go, col, &dsl::connect(a, b));
    }
    let gim = dsl::dmirror_grid(&gi);
    let jlocs: Vec<i64> = (0..w)
        .filter(|&j| gim[j as usize].iter().filter(|&&e| e == bgc).count() > 1)
        .collect();
    let nvertilines = nvertilines.min(jlocs.len() as i64);
    for jj in rng.sample(&jlocs, nvertilines)? {
        let jcands: Vec<i64> = gim[jj as usize]
            .iter()
            .enumerate()
            .filter(|(_, &e)| e == bgc)
            .map(|(i, _)| i as i64)
            .collect();
        let kk = jcands.len() as i64;
        let llen = unifint(rng, diff_lb, diff_ub, (2, kk));
        let sp = rng.randint(0, kk - llen)?;
        let ep = sp + llen - 1;
        let (a, b) = ((jcands[sp as usize], jj), (jcands[ep as usize], jj));
        let col = rng.choice(&remcols)?;
        remcols = dsl::remove(&col, &remcols);
        fill_locs_in(&mut gi, col, &[a, b]);
        dsl::fill_in(&mut go, col, &dsl::connect(a, b));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_4093f84a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (7, 30));
    let mut rows = rng.sample(&dsl::interval(2, h - 2, 1), 2)?;
    rows.sort();
    let (loci1, loci2) = (rows[0], rows[1]);
    let bbd = rng.sample(&cols, 3)?;
    let (bgc, barc, dotc) = (bbd[0], bbd[1], bbd[2]);
    let mut gi = dsl::canvas(bgc, (h, w));
    for ii in loci1..=loci2 {
        dsl::fill_in(&mut gi, barc, &dsl::connect((ii, 0), (ii, w - 1)));
    }
    let mut go = gi.clone();
    let opts = dsl::interval(0, w, 1);
    let num1 = unifint(rng, diff_lb, diff_ub, (1, w / 2));
    let num2 = unifint(rng, diff_lb, diff_ub, (1, w / 2));
    let locs1 = rng.sample(&opts, num1)?;
    let locs2 = rng.sample(&opts, num2)?;
    for l1 in locs1 {
        let k = unifint(rng, diff_lb, diff_ub, (1, loci1 - 1));
        let locsx = rng.sample(&dsl::interval(0, loci1, 1), k)?;
        let dots: Vec<Loc> = locsx.iter().map(|&i| (i, l1)).collect();
        fill_locs_in(&mut gi, dotc, &dots);
        dsl::fill_in(
            &mut go,
            barc,
            &dsl::connect((loci1 - 1, l1), (loci1 - k, l1)),
        );
    }
    for l2 in locs2 {
        let k = unifint(rng, diff_lb, diff_ub, (1, h - loci2 - 2));
        let locsx = rng.sample(&dsl::interval(loci2 + 1, h, 1), k)?;
        let dots: Vec<Loc> = locsx.iter().map(|&i| (i, l2)).collect();
        fill_locs_in(&mut gi, dotc, &dots);
        dsl::fill_in(
            &mut go,
            barc,
            &dsl::connect((loci2 + 1, l2), (loci2 + k, l2)),
        );
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

fn generate_41e4d17e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[6]);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 16));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds` is read in its order (draws): CPython's table as a GridSet.
    let mut inds = GridSet::asindices((h, w));
    let maxtrials = 4 * num;
    let (mut succ, mut tr) = (0, 0);
    while succ < num && tr < maxtrials {
        let loc = gloc(grid_choice(rng, &inds)?);
        // `shift(box(5 by 5), loc)` is read for membership and fills only.
        let bxs = outline_cells(loc, (loc.0 + 4, loc.1 + 4));
        if bxs.iter().all(|&l| in_grid_set(&inds, l)) {
            fill_locs_in(&mut gi, fgc, &bxs);
            fill_locs_in(&mut go, fgc, &bxs);
            // `(hfrontier(cen) | vfrontier(cen)) & ofcolor(go, bgc)`, filled
            // with 6: the center's row and column (the frontiers span 30
            // cells, the whole grid) where `go` shows `bgc`. Their one
            // shared cell ends 6 either way (6 is never `bgc`).
            let (ci, cj) = ((loc.0 + 2) as usize, (loc.1 + 2) as usize);
            for v in go[ci].iter_mut().filter(|v| **v == bgc) {
                *v = 6;
            }
            for row in go.iter_mut().filter(|r| r[cj] == bgc) {
                row[cj] = 6;
            }
            // The DSL's `difference` with the 5 by 5 backdrop: a filtered
            // rebuild (clean inserts), not `-`.
            inds = inds.filter(|id| {
                let (i, j) = gloc(id);
                !((loc.0..loc.0 + 5).contains(&i) && (loc.1..loc.1 + 5).contains(&j))
            });
            succ += 1;
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_4258a5f9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = colors_without(&[1]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let bgc = rng.choice(&colopts)?;
    let remcols = dsl::remove(&bgc, &colopts);
    let fgc = rng.choice(&remcols)?;
    let gi = dsl::canvas(bgc, (h, w));
    let mp = if (h * w) % 2 == 1 {
        (h * w) / 2
    } else {
        (h * w) / 2 - 1
    };
    let ndots = unifint(rng, diff_lb, diff_ub, (1, mp));
    let dots = rng.sample(&dsl::asindices(&gi).to_vec(), ndots)?;
    let mut ring = Vec::new();
    for &d in &dots {
        ring.extend(dsl::neighbors(d).iter().copied());
    }
    let go = fill_locs(&gi, 1, &ring);
    let go = filled_locs(go, fgc, &dots);
    let gi = filled_locs(gi, fgc, &dots);
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `hash((v, (i, j)))` for the colors `v` 0 to 9 and the locations of a
/// 15 by 15 grid (4290ef0e's `go` is at most that), by `15 * i + j`.
fn cell_hashes_4290ef0e() -> &'static [[i64; 225]; 10] {
    static HASHES: std::sync::OnceLock<[[i64; 225]; 10]> = std::sync::OnceLock::new();
    HASHES.get_or_init(|| {
        std::array::from_fn(|v| {
            std::array::from_fn(|k| cell_hash(&(v as i64, (k as i64 / 15, k as i64 % 15))))
        })
    })
}

fn generate_4290ef0e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    loop {
        let d = unifint(rng, diff_lb, diff_ub, (2, 7));
        let w = d;
        let fullh = unifint(rng, diff_lb, diff_ub, (4 * d, 30));
        let fullw = unifint(rng, diff_lb, diff_ub, (4 * d, 30));
        let bgc = rng.choice(&cols)?;
        let remcols = dsl::remove(&bgc, &cols);
        let ccols = rng.sample(&remcols, d)?;
        let mut quad = dsl::canvas(bgc, (d + 1, d + 1));
        for (idx, &c) in ccols.iter().enumerate() {
            let idx = idx as i64;
            let linlen = rng.randint(2, w - idx + 1)?;
            dsl::fill_in(
                &mut quad,
                c,
                &dsl::connect((idx, idx), (idx + linlen - 1, idx)),
            );
            dsl::fill_in(
                &mut quad,
                c,
                &dsl::connect((idx, idx), (idx, idx + linlen - 1)),
            );
        }
        // `paint(go, asobject(quad))`, then the mirrored quad shifted right
        // by `d` (one cell per location each, the second winning on the
        // shared column): cell by cell.
        let mut go = dsl::canvas(bgc, (d + 1, 2 * d + 1));
        for (row, qrow) in go.iter_mut().zip(&quad) {
            row[..qrow.len()].copy_from_slice(qrow);
            for (k, &v) in qrow.iter().rev().enumerate() {
                row[d as usize + k] = v;
            }
        }
        let flipped = dsl::hmirror_grid(&go);
        go = dsl::vconcat(&go, &flipped[1..].to_vec());
        if rng.choice(&[true, false])? {
            let col = rng.choice(&without(&remcols, &ccols))?;
            // `center(asindices(go))`.
            let (gh, gw) = dsl::shape_grid(&go);
            fill_locs_in(&mut go, col, &[(gh / 2, gw / 2)]);
        }
        // `order(sfilter(partition(go), lambda o: color(o) != bgc), width)`:
        // the objects' cells are only placed, tested and painted (one per
        // location), so they are lists; the sets' orders, which the stable
        // sort keeps among equal widths, follow from the objects' hashes
        // (taken over a table of cell hashes) and the order each set adds
        // them in (`partition` by the palette's order, `sfilter` by
        // `partition`'s).
        let hashes = cell_hashes_4290ef0e();
        let palette: Vec<i64> = dsl::palette_grid(&go).iter().copied().collect();
        let cells_of = |v: i64| -> Vec<dsl::Cell> {
            go.iter()
                .enumerate()
                .flat_map(|(i, row)| {
                    row.iter()
                        .enumerate()
                        .filter(move |&(_, &x)| x == v)
                        .map(move |(j, _)| (v, (i as i64, j as i64)))
                })
                .collect()
        };
        let parts: Vec<Vec<dsl::Cell>> = palette.iter().map(|&v| cells_of(v)).collect();
        let part_hashes: Vec<i64> = parts
            .iter()
            .map(|cells| {
                pycompat::frozenset_hash_of(
                    cells
                        .iter()
                        .map(|&(v, (i, j))| hashes[v as usize][(i * 15 + j) as usize]),
                )
            })
            .collect();
        let kept: Vec<usize> = added_order(&part_hashes)
            .into_iter()
            .filter(|&k| palette[k] != bgc)
            .collect();
        let mut order = reordered(&kept, |k| part_hashes[k]);
        let bounds = |cells: &[dsl::Cell]| {
            cells
                .iter()
                .fold((i64::MAX, i64::MAX, i64::MIN), |(t, l, r), &(_, (i, j))| {
                    (t.min(i), l.min(j), r.max(j))
                })
        };
        order.sort_by_key(|&k| {
            let (_, l, r) = bounds(&parts[k]);
            r - l + 1
        });
        let objs: Vec<&Vec<dsl::Cell>> = order.iter().map(|&k| &parts[k]).collect();
        let mut gi = dsl::canvas(bgc, (fullh, fullw));
        // `inds`, `fullinds` minus the placed objects, is only asked whether
        // it holds locations (`issubset`) and shrunk: a mask, no table.
        let mut used = vec![false; (fullh * fullw).max(0) as usize];
        let mut fullsuc = true;
        for obj in &objs {
            // `normalize(obj)`: its cells are only placed, tested and
            // painted (one per location), so no order is read.
            let (top, left, right) = bounds(obj);
            let objn: Vec<dsl::Cell> = obj
                .iter()
                .map(|&(v, (i, j))| (v, (i - top, j - left)))
                .collect();
            let d = right - left + 1;
            let cv = cands_4290ef0e(fullh, fullw, d);
            if cv.is_empty() {
                // Python's `break` leaves the loop with `fullsuc` still true.
                break;
            }
            let mut placed = None;
            for _ in 0..10 {
                let loc = rng.choice(&cv[..])?;
                // `(shift(obji, loc) & fullinds).issubset(inds)`.
                let fits = objn.iter().all(|&(_, (i, j))| {
                    let (i, j) = (i + loc.0, j + loc.1);
                    !(0 <= i && i < fullh && 0 <= j && j < fullw && used[(i * fullw + j) as usize])
                });
                if fits {
                    placed = Some(loc);
                    break;
                }
            }
            let Some(loc) = placed else {
                fullsuc = false;
                break;
            };
            let moved: Vec<dsl::Cell> = objn
                .iter()
                .map(|&(v, (i, j))| (v, (i + loc.0, j + loc.1)))
                .collect();
            paint_cells_in(&mut gi, moved.iter());
            for &(_, (i, j)) in &moved {
                if 0 <= i && i < fullh && 0 <= j && j < fullw {
                    used[(i * fullw + j) as usize] = true;
                }
            }
        }
        if fullsuc {
            return Ok(Example {
                input: gi,
                output: go,
            });
        }
    }
}

/// `tuple(cands)` for 4290ef0e's `cands = sfilter(fullinds, lambda ij:
/// ij[0] <= fullh - d and ij[1] <= fullw - d)` united with its four shifts
/// by `dh = max(0, d // 2 - 1)`: its order is read (`rng.choice`), and it is
/// a function of `(fullh, fullw, d)` alone, so it is built as Python builds
/// it once per key and thread (the last 256 keys are kept: at most about
/// 1,000 locations each, 4 MB).
fn cands_4290ef0e(fullh: i64, fullw: i64, d: i64) -> std::rc::Rc<[Loc]> {
    use std::cell::RefCell;
    use std::rc::Rc;
    type Cache = Vec<((i64, i64, i64), Rc<[Loc]>)>;
    thread_local! {
        static CANDS: RefCell<Cache> = const { RefCell::new(Vec::new()) };
    }
    let key = (fullh, fullw, d);
    if let Some(c) = CANDS.with(|c| {
        let c = c.borrow();
        c.iter().find(|(k, _)| *k == key).map(|(_, v)| Rc::clone(v))
    }) {
        return c;
    }
    let dh = 0.max(d / 2 - 1);
    let v: Rc<[Loc]> = if dh <= 2 {
        // On CPython's tables of location numbers (`GridSet`), whose frame
        // holds the shifts up to two cells outside the grid.
        let base = GridSet::asindices((fullh, fullw)).filter(|id| {
            let (i, j) = gloc(id);
            i <= fullh - d && j <= fullw - d
        });
        // `shift(base, (di, dj))`: a frozenset adding the moved members in
        // `base`'s order (distinct: clean inserts, the same table).
        let shift = |(di, dj): Loc| {
            GridSet::from_distinct(base.iter().map(|id| {
                let (i, j) = gloc(id);
                gid((i + di, j + dj))
            }))
        };
        let cands = if dh == 0 {
            // Each shift by `(0, 0)` holds `base`'s elements: the unions
            // only copy and resize.
            (0..4).fold(base.clone(), |c, _| c.union_with_same(base.len()))
        } else {
            let mut cands = base.union(&shift((-dh, 0)));
            for d in [(0, -dh), (dh, 0), (0, dh)] {
                cands = cands.union(&shift(d));
            }
            cands
        };
        cands.iter().map(gloc).collect()
    } else {
        let fullinds = dsl::asindices(&dsl::canvas(0, (fullh, fullw)));
        let base = dsl::sfilter(&fullinds, |&(i, j)| i <= fullh - d && j <= fullw - d);
        let cands = &(&(&(&base | &base.shift((-dh, 0))) | &base.shift((0, -dh)))
            | &base.shift((dh, 0)))
            | &base.shift((0, dh));
        cands.to_vec().into()
    };
    CANDS.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 256 {
            c.remove(0);
        }
        c.push((key, Rc::clone(&v)));
    });
    v
}

fn generate_42a50994(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 30));
    let w = unifint(rng, diff_lb, diff_ub, (1, 30));
    let bgc = rng.choice(&colopts)?;
    let remcols = dsl::remove(&bgc, &colopts);
    let c = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (0, 0.max((h * w) / 2 - 1)));
    let numcols = unifint(rng, diff_lb, diff_ub, (0, 9.min(num)));
    let chosinds = rng.sample(&dsl::asindices(&c).to_vec(), num)?;
    let choscols = rng.sample(&remcols, numcols)?;
    let mut choslocs = rng.sample(&dsl::interval(0, chosinds.len() as i64, 1), numcols)?;
    choslocs.sort();
    choslocs.reverse();
    let mut gi = c;
    for (&col, &endidx) in choscols.iter().zip(&choslocs) {
        fill_locs_in(&mut gi, col, &chosinds[..endidx as usize]);
    }
    let objs = dsl::objects(&gi, false, true, true);
    let res = dsl::merge(&dsl::sizefilter(&objs, 1));
    let go = dsl::fill(&gi, bgc, &res);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_4347f46a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 9));
    // `indss` keeps CPython's table as a GridSet: its order feeds the
    // choice (through the sfilter), and each difference is taken on it.
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
        let (lri, lrj) = (loci + oh - 1, locj + ow - 1);
        // `backdrop(obj)` (the rectangle) is read only for its membership
        // (issubset), painted and subtracted: its cell numbers suffice.
        let bd: Vec<u16> = (loci..=lri)
            .flat_map(|i| (locj..=lrj).map(move |j| gid((i, j))))
            .collect();
        let col = rng.choice(&remcols)?;
        if bd.iter().all(|&id| indss.contains(id)) {
            remcols = dsl::remove(&col, &remcols);
            for &id in &bd {
                let (i, j) = gloc(id);
                gi[i as usize][j as usize] = col;
                // `box(obj)`: the rectangle's outline.
                if i == loci || i == lri || j == locj || j == lrj {
                    go[i as usize][j as usize] = col;
                }
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

fn generate_444801d8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 25));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, numcols)?;
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nobjs;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds` is read in its order (the sfilter's draws): CPython's table
    // over location numbers (`GridSet`).
    let mut inds = GridSet::asindices((h, w));
    let mut memo: FitMemo<u16> = FitMemo::default();
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let oh = rng.randint(4, 6)?;
        let ow = 5;
        let shape = box_444801d8(oh);
        let (bx, cands) = &*shape;
        let dot = rng.choice(cands)?;
        let db = rng.sample(&ccols, 2)?;
        let (dcol, bxcol) = (db[0], db[1]);
        // `inobj` is the box and the dot; `outobj` the box and the rest of
        // the `oh` by 5 rectangle `fullobj` in the dot's color. Their cells
        // have distinct locations and are only painted and tested, so they
        // are kept as cells; `hmirror` maps row `i` of `fullobj` to
        // `oh - 1 - i` (and of `inobj`, rows 1 to `oh - 1`, to `oh - i`,
        // less one for the shift up).
        let mut inobj: Vec<dsl::Cell> = bx
            .iter()
            .map(|&l| (bxcol, l))
            .chain(std::iter::once((dcol, dot)))
            .collect();
        let mut outobj: Vec<dsl::Cell> = (0..oh)
            .flat_map(|i| (0..ow).map(move |j| (i, j)))
            .map(|(i, j)| {
                // On the outline of rows 1 to `oh - 1`, less its gap (1, 2).
                let on_box = i >= 1 && (i == 1 || i == oh - 1 || j == 0 || j == 4);
                let c = if on_box && (i, j) != (1, 2) {
                    bxcol
                } else {
                    dcol
                };
                (c, (i, j))
            })
            .collect();
        if rng.choice(&[true, false])? {
            for c in inobj.iter_mut().chain(outobj.iter_mut()) {
                c.1 .0 = oh - 1 - c.1 .0;
            }
        }
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        // `outplcdi` is the rectangle at `loc`.
        let (ul, lr) = (loc, (loc.0 + oh - 1, loc.1 + ow - 1));
        if (ul.0..=lr.0).all(|i| (ul.1..=lr.1).all(|j| in_grid_set(&inds, (i, j)))) {
            succ += 1;
            let shift = |c: &dsl::Cell| (c.0, (c.1 .0 + loc.0, c.1 .1 + loc.1));
            let inplcd: Vec<dsl::Cell> = inobj.iter().map(shift).collect();
            let outplcd: Vec<dsl::Cell> = outobj.iter().map(shift).collect();
            // `(inds - outplcdi) - outbox(inplcd)`, both read for their size
            // and membership: `inplcd` spans all five columns and `oh - 1`
            // rows, its outbox is the ring just outside that.
            let top = inplcd.iter().map(|c| c.1 .0).min().unwrap_or(0);
            let bottom = inplcd.iter().map(|c| c.1 .0).max().unwrap_or(0);
            let (iul, ilr) = ((top, loc.1), (bottom, loc.1 + ow - 1));
            let (oul, olr) = ((iul.0 - 1, iul.1 - 1), (ilr.0 + 1, ilr.1 + 1));
            let ring = outline_cells(oul, olr).len();
            inds = inds
                .difference_where((oh * ow) as usize, |id| in_rect(gloc(id), ul, lr))
                .difference_where(ring, |id| {
                    let l = gloc(id);
                    in_rect(l, oul, olr) && !in_rect(l, iul, ilr)
                });
            memo.changed();
            paint_cells_in(&mut gi, &inplcd);
            paint_cells_in(&mut go, &outplcd);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// 444801d8's box of height `oh` (4 to 6), `box({(1, 0), (oh - 1, 4)}) -
/// {(1, 2)}`, as cells, and `tuple(backdrop(bx) - bx)`: the same every
/// time, so kept per thread.
fn box_444801d8(oh: i64) -> std::rc::Rc<(Vec<Loc>, Vec<Loc>)> {
    use std::cell::RefCell;
    use std::rc::Rc;
    type Boxes = [Option<Rc<(Vec<Loc>, Vec<Loc>)>>; 3];
    thread_local! {
        static BOXES: RefCell<Boxes> = const { RefCell::new([None, None, None]) };
    }
    BOXES.with(|c| {
        let mut c = c.borrow_mut();
        let built = c[(oh - 4) as usize].get_or_insert_with(|| {
            let gap: PySet<Loc> = std::iter::once((1, 2)).collect();
            let bx = dsl::r#box(&pair_set((1, 0), (oh - 1, 4))).difference(&gap);
            let cands = &dsl::backdrop(&bx) - &bx;
            Rc::new((bx.to_vec(), cands.to_vec()))
        });
        Rc::clone(built)
    })
}

fn generate_445eab21(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 9));
    // `indss` keeps CPython's table as a GridSet: its order feeds the
    // choice (through the sfilter), and each difference is taken on it.
    let mut indss = GridSet::asindices((h, w));
    let maxtrials = 4 * num;
    let (mut succ, mut tr) = (0, 0);
    let (mut bigcol, mut area) = (0, 0);
    while succ < num && tr <= maxtrials {
        if remcols.is_empty() || indss.len() == 0 {
            break;
        }
        let oh = rng.randint(3, 7)?;
        let ow = rng.randint(3, 7)?;
        // Redrawn without counting a trial, as in Python.
        if oh * ow == area {
            continue;
        }
        let subs = indss.filtered_order(|id| {
            let (i, j) = gloc(id);
            i < h - oh && j < w - ow
        });
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(&subs)?);
        let (lri, lrj) = (loci + oh - 1, locj + ow - 1);
        // `backdrop(...)` (the rectangle) is read only for its membership
        // (issubset), its outline (painted) and subtracted: its cell
        // numbers suffice.
        let bd: Vec<u16> = (loci..=lri)
            .flat_map(|i| (locj..=lrj).map(move |j| gid((i, j))))
            .collect();
        let col = rng.choice(&remcols)?;
        if bd.iter().all(|&id| indss.contains(id)) {
            remcols = dsl::remove(&col, &remcols);
            for &id in &bd {
                let (i, j) = gloc(id);
                // `box(bd)`: the rectangle's outline.
                if i == loci || i == lri || j == locj || j == lrj {
                    gi[i as usize][j as usize] = col;
                }
            }
            succ += 1;
            indss = indss.difference_ids(&bd);
            if oh * ow > area {
                (bigcol, area) = (col, oh * ow);
            }
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: dsl::canvas(bigcol, (2, 2)),
    })
}

fn generate_447fd412(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (12, 30));
    let w = unifint(rng, diff_lb, diff_ub, (12, 30));
    let bim = rng.sample(&cols, 3)?;
    let (bgc, indic, mainc) = (bim[0], bim[1], bim[2]);
    let mut oh = unifint(rng, diff_lb, diff_ub, (1, 4));
    let mut ow = unifint(rng, diff_lb, diff_ub, (1, 4));
    if oh * ow < 3 {
        if rng.choice(&[true, false])? {
            oh = unifint(rng, diff_lb, diff_ub, (3, 4));
        } else {
            ow = unifint(rng, diff_lb, diff_ub, (3, 4));
        }
    }
    // `bounds`, the growing shape and its normalized frozenset are read in
    // their orders (draws): CPython's tables over the 8 by 8 box.
    let hashes = loc10_hashes();
    let bounds = BoxShape::asindices(hashes, (oh, ow));
    let ncells = unifint(rng, diff_lb, diff_ub, (3, oh * ow));
    let first = bounds.choose(rng)?;
    let mut shp = BoxShape::from_locs(hashes, [loc10(first)]);
    for _ in 0..ncells - 1 {
        shp.grow(rng, &bounds, dsl::neighbors)?;
    }
    // `normalize(shp)`: its locations moved to the origin, added in `shp`'s
    // order to a new frozenset.
    let locs: Vec<Loc> = shp.locs().collect();
    let (top, bottom) = bounds_of(&locs.iter().map(|l| l.0).collect::<Vec<_>>());
    let (left, right) = bounds_of(&locs.iter().map(|l| l.1).collect::<Vec<_>>());
    let norm = IdSet::from_adds(hashes, locs.iter().map(|&(i, j)| id10((i - top, j - left))));
    let (oh, ow) = (bottom - top + 1, right - left + 1);
    let objt: Vec<Loc> = norm.iter().map(loc10).collect();
    let kk = objt.len() as i64;
    let nindic = rng.randint(1, if kk % 2 == 1 { kk / 2 } else { kk / 2 - 1 })?;
    let indicobj = rng.sample(&objt, nindic)?;
    // Cells at distinct locations, so paints and upscales are order-free.
    let obj: Vec<dsl::Cell> = objt
        .iter()
        .map(|&l| (if indicobj.contains(&l) { indic } else { mainc }, l))
        .collect();
    let mut gi = dsl::canvas(bgc, (h, w));
    let loc0 = (rng.randint(0, h - oh)?, rng.randint(0, w - ow)?);
    let plcd: Vec<dsl::Cell> = obj.iter().map(|&(v, l)| (v, dsl::add(l, loc0))).collect();
    paint_cells_in(&mut gi, plcd.iter());
    let mut go = gi.clone();
    // `inds` is read in its order (the placements draw from its sfilters):
    // CPython's table as location numbers, `ofcolor` adding row by row;
    // `- mapply(neighbors, toindices(plcd))` is read for size and
    // membership.
    let mut inds = GridSet::from_distinct(
        (0..h)
            .flat_map(|i| (0..w).map(move |j| (i, j)))
            .filter(|&(i, j)| gi[i as usize][j as usize] == bgc)
            .map(gid),
    )
    .difference_locs(Around::new(plcd.iter().map(|c| c.1), dsl::neighbors).cells());
    let noccs = unifint(
        rng,
        diff_lb,
        diff_ub,
        (1, 1.max((h * w) / (4 * plcd.len() as i64))),
    );
    let (mut tr, mut succ) = (0, 0);
    let maxtr = 5 * noccs;
    // Each `sfilter(inds, ...)` (its order read by the choice) depends on
    // `inds` and the upscaled shape alone.
    let mut memo = FitMemo::default();
    // `upscale(obj, fac)` depends on `fac` alone (1 to 5): kept per factor.
    let mut upscaled: [Vec<dsl::Cell>; 6] = Default::default();
    while succ < noccs && tr < maxtr {
        tr += 1;
        let fac = rng.randint(1, 5.min(h.min(w) / oh.max(ow) - 1))?;
        // `upscale(obj, fac)` of the normalized `obj` and its `indic`
        // cells: one cell per location, only placed, tested, subtracted and
        // painted, so they are lists, not frozensets.
        let outobj = &mut upscaled[fac as usize];
        if outobj.is_empty() {
            outobj.reserve(obj.len() * (fac * fac) as usize);
            for &(v, (i, j)) in &obj {
                for io in 0..fac {
                    outobj.extend((0..fac).map(|jo| (v, (i * fac + io, j * fac + jo))));
                }
            }
        }
        let outobj = &*outobj;
        let (hh, ww) = (oh * fac, ow * fac);
        let cands = memo.fitting(&inds, (h, w), (hh, ww));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        let mut outobjp: Vec<dsl::Cell> = Vec::with_capacity(outobj.len());
        outobjp.extend(
            outobj
                .iter()
                .map(|&(v, l)| (v, dsl::add(l, loc)))
                .filter(|&(_, (i, j))| 0 <= i && i < h && 0 <= j && j < w),
        );
        if outobjp.len() <= inds.len() && outobjp.iter().all(|c| inds.contains(gid(c.1))) {
            succ += 1;
            let mut inobjp: Vec<dsl::Cell> = Vec::with_capacity(outobj.len());
            inobjp.extend(
                outobj
                    .iter()
                    .filter(|c| c.0 == indic)
                    .map(|&(v, l)| (v, dsl::add(l, loc))),
            );
            // `(inds - outobjpi) - mapply(neighbors, toindices(inobjp))`:
            // both read for size and membership (distinct locations).
            let own: Vec<u16> = outobjp.iter().map(|c| gid(c.1)).collect();
            let near = Around::new(inobjp.iter().map(|c| c.1), dsl::neighbors);
            inds = inds.difference_ids(&own).difference_locs(near.cells());
            memo.changed();
            paint_cells_in(&mut gi, inobjp.iter());
            paint_cells_in(&mut go, outobjp.iter());
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_44d8ac46(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 10));
    // `indss`, whose order the draws read, as CPython's table and as row
    // masks; its placements are kept per shape until it changes. The table
    // is read only by a draw that can place a box: the last placed box
    // (`stale`) is subtracted from it only then.
    let mut indss = GridSet::asindices((h, w));
    let mut free = RowBits::full((h, w));
    let mut stale: Option<(Loc, Loc)> = None;
    let mut fits = FitMemo::default();
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    while succ < num && tr <= maxtrials {
        tr += 1;
        if remcols.is_empty() || free.len() == 0 {
            break;
        }
        let oh = rng.randint(5, 7)?;
        let ow = rng.randint(5, 7)?;
        // `sfilter(indss, lambda ij: ij[0] < h - oh and ij[1] < w - ow)`.
        let n = free.count_in(0..=h - oh - 1, low_bits(w - ow));
        if n == 0 {
            continue;
        }
        if !free.rect_fits((oh, ow), 0..=h - oh - 1, low_bits(w - ow)) {
            // No candidate's box lies in `indss`: whichever corner the
            // choice draws, `bd.issubset(indss)` fails. Only the draws are
            // made: over `len(subs)`, and the color.
            rng.rng.randbelow(n as u64);
            rng.choice(&remcols)?;
            continue;
        }
        if let Some((ul, lr)) = stale.take() {
            // `indss = (indss - bd) - outbox(bd)`: the subtracted sets are
            // read for size and membership only (distinct locations).
            let (oul, olr) = ((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1));
            indss = indss.minus_rect_and(ul, lr, &outline_cells(oul, olr));
            fits.changed();
        }
        let subs = fits.fitting(&indss, (h, w), (oh + 1, ow + 1));
        debug_assert_eq!(subs.len(), n);
        let (loci, locj) = gloc(rng.choice(subs)?);
        // `bd = backdrop({(loci, locj), (loci + oh - 1, locj + ow - 1)})`,
        // read for membership and fills only: a rectangle.
        let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        let col = rng.choice(&remcols)?;
        if !free.rect_in(ul, (oh, ow)) {
            continue;
        }
        fill_rect(&mut gi, col, ul, lr);
        fill_rect(&mut go, col, ul, lr);
        if rng.choice(&[true, false])? {
            // A full square: `incol` is 2.
            let dim = rng.randint(1, oh.min(ow) - 2)?;
            let iloci = rng.randint(1, oh - dim - 1)?;
            let ilocj = rng.randint(1, ow - dim - 1)?;
            let sq_ul = (loci + iloci, locj + ilocj);
            let sq_lr = (sq_ul.0 + dim - 1, sq_ul.1 + dim - 1);
            fill_rect(&mut gi, bgc, sq_ul, sq_lr);
            fill_rect(&mut go, 2, sq_ul, sq_lr);
        } else {
            // `cnds = backdrop(inbox(bd))`, built as `backdrop` builds it:
            // its order is drawn from.
            let cnds: Indices = (loci + 1..=lr.0 - 1)
                .flat_map(|i| (locj + 1..=lr.1 - 1).map(move |j| (i, j)))
                .collect();
            let ch = rng.choice_in(&cnds)?;
            let mut inpart: PySet<Loc> = std::iter::once(ch).collect();
            let kk = unifint(rng, diff_lb, diff_ub, (1, cnds.len() as i64));
            for _ in 0..kk - 1 {
                grow_by(rng, &cnds, &mut inpart, dsl::dneighbors)?;
            }
            let (hi, wi) = set_shape(&inpart);
            let incol = if hi == wi && inpart.len() as i64 == hi * wi {
                2
            } else {
                bgc
            };
            fill_locs_in(&mut gi, bgc, inpart.iter());
            fill_locs_in(&mut go, incol, inpart.iter());
        }
        succ += 1;
        // bd and its outbox leave `indss`.
        free.clear_rect((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1));
        stale = Some((ul, lr));
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_44f52bb0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, ncols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let numcells = unifint(rng, diff_lb, diff_ub, (1, h * w - 1));
    let inds = dsl::asindices(&gi).to_vec();
    while gi == dsl::hmirror_grid(&gi) {
        let cells = rng.sample(&inds, numcells)?;
        gi = dsl::canvas(bgc, (h, w));
        for &(a, b) in &cells {
            let col = rng.choice(&ccols)?;
            fill_locs_in(&mut gi, col, &[(a, b), (a, w - 1 - b)]);
        }
    }
    let issymm = rng.choice(&[true, false])?;
    let mut go = if issymm {
        dsl::canvas(1, (1, 1))
    } else {
        let numpert = unifint(rng, diff_lb, diff_ub, (1, h * (w / 2)));
        let cands = dsl::asindices(&dsl::canvas(-1, (h, w / 2))).to_vec();
        let locs = rng.sample(&cands, numpert)?;
        // `totuple(remove(col, insert(bgc, set(ccols))))`: a set, a union
        // with `{bgc}`, and a filtered rebuild, in their orders.
        let palette: PySet<i64> = ccols.iter().copied().collect();
        let single: PySet<i64> = std::iter::once(bgc).collect();
        let palette = palette.union(&single.freeze());
        for &(a, b) in &locs {
            let col = gi[a as usize][b as usize];
            let others: PySet<i64> = palette.iter().filter(|&&c| c != col).copied().collect();
            let newcol = rng.choice_in(&others)?;
            fill_locs_in(&mut gi, newcol, &[(a, b)]);
        }
        dsl::canvas(7, (1, 1))
    };
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_4522001f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 10));
    let w = unifint(rng, diff_lb, diff_ub, (3, 10));
    let bsd = rng.sample(&cols, 3)?;
    let (bgc, sqc, dotc) = (bsd[0], bsd[1], bsd[2]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (3 * h, 3 * w));
    // The 2 x 2 cue (three `sqc` cells and a `dotc` one) and the two 4 x 4
    // blocks it becomes; distinct locations, so order-free paints.
    let sqi: dsl::Object = [(dotc, (1, 1)), (sqc, (0, 0)), (sqc, (0, 1)), (sqc, (1, 0))]
        .into_iter()
        .collect();
    let block = dsl::backdrop(&pair_set((0, 0), (3, 3)));
    let sqo = &block | &block.shift((4, 4));
    let loci = rng.randint(0, (h - 2).min(3 * h - 8))?;
    let locj = rng.randint(0, (w - 2).min(3 * w - 8))?;
    let plcdi = sqi.shift((loci, locj));
    dsl::paint_in(&mut gi, &plcdi);
    dsl::fill_in(&mut go, sqc, &sqo.shift((loci, locj)));
    let noccs = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 9));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * noccs;
    let mut iinds =
        &dsl::ofcolor(&gi, bgc) - &dsl::mapply(|&l| dsl::dneighbors(l), &plcdi.toindices());
    while tr < maxtr && succ < noccs {
        tr += 1;
        let cands = dsl::sfilter(&iinds, |&(i, j)| i <= h - 2 && j <= w - 2);
        if cands.is_empty() {
            break;
        }
        let loc = rng.choice_in(&cands)?;
        let plcdi = sqi.shift(loc);
        let plcdii = plcdi.toindices();
        if plcdii.issubset(&iinds) {
            succ += 1;
            iinds = &(&iinds - &plcdii) - &dsl::mapply(|&l| dsl::dneighbors(l), &plcdii);
            dsl::paint_in(&mut gi, &plcdi);
            dsl::fill_in(&mut go, sqc, &sqo.shift(loc));
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_4612dd53(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let ih = unifint(rng, diff_lb, diff_ub, (5, h - 1));
    let iw = unifint(rng, diff_lb, diff_ub, (5, w - 1));
    let bc = rng.sample(&cols, 2)?;
    let (bgc, col) = (bc[0], bc[1]);
    let loci = rng.randint(0, h - ih)?;
    let locj = rng.randint(0, w - iw)?;
    let bx = dsl::r#box(&pair_set((loci, locj), (loci + ih - 1, locj + iw - 1)));
    let br = if rng.choice(&[true, false])? {
        let locc = rng.randint(loci + 2, loci + ih - 3)?;
        dsl::connect((locc, locj + 1), (locc, locj + iw - 2))
    } else {
        let locc = rng.randint(locj + 2, locj + iw - 3)?;
        dsl::connect((loci + 1, locc), (loci + ih - 2, locc))
    };
    let c = dsl::canvas(bgc, (h, w));
    let crns = rng.sample(&dsl::corners(&bx).to_vec(), 3)?;
    // The DSL's `difference` with a list: a filtered rebuild.
    let rembx: Indices = bx.iter().filter(|l| !crns.contains(l)).copied().collect();
    let onbr = rng.sample(&br.to_vec(), 2)?;
    let rembr: Indices = br.iter().filter(|l| !onbr.contains(l)).copied().collect();
    let noccbx = unifint(rng, diff_lb, diff_ub, (0, rembx.len() as i64));
    let noccbr = unifint(rng, diff_lb, diff_ub, (0, rembr.len() as i64));
    let occbx = rng.sample(&rembx.to_vec(), noccbx)?;
    let occbr = rng.sample(&rembr.to_vec(), noccbr)?;
    let c = dsl::fill(&dsl::fill(&c, col, &bx), col, &br);
    let mut gi = fill_locs(&fill_locs(&c, bgc, &occbx), bgc, &occbr);
    let mut go = fill_locs(&fill_locs(&c, 2, &occbx), 2, &occbr);
    if rng.choice(&[true, false])? {
        dsl::fill_in(&mut gi, bgc, &br);
        dsl::fill_in(&mut go, bgc, &br);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_46442a0e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 15));
    let w = h;
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for col in colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go1 = dsl::hconcat(&gi, &dsl::rot90(&gi));
    let go2 = dsl::hconcat(&dsl::rot270(&gi), &dsl::rot180(&gi));
    let go = dsl::vconcat(&go1, &go2);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_469497ad(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 6));
    let w = unifint(rng, diff_lb, diff_ub, (3, 6));
    let bs = rng.sample(&cols, 2)?;
    let (bgc, sqc) = (bs[0], bs[1]);
    let sqh = rng.randint(1, h - 2)?;
    let sqw = rng.randint(1, w - 2)?;
    let sqloci = rng.randint(0, h - sqh - 2)?;
    let sqlocj = rng.randint(0, w - sqw - 2)?;
    let sq = dsl::backdrop(&pair_set(
        (sqloci, sqlocj),
        (sqloci + sqh - 1, sqlocj + sqw - 1),
    ));
    let mut gi = dsl::fill(&dsl::canvas(bgc, (h, w)), sqc, &sq);
    let numcub = (h.min(w) + 1).min(30 / h.max(w)).min(7);
    let numc = unifint(rng, diff_lb, diff_ub, (2, numcub));
    let numaccc = numc - 1;
    let remcols = dsl::remove(&bgc, &dsl::remove(&sqc, &cols));
    let ccols = rng.sample(&remcols, numaccc)?;
    gi = dsl::rot180(&gi);
    let mut locs = rng.sample(&dsl::interval(1, h.min(w), 1), numaccc - 1)?;
    locs.sort();
    locs.insert(0, 0);
    for (&c, &l) in ccols.iter().zip(&locs) {
        dsl::fill_in(&mut gi, c, &dsl::shoot((0, l), (0, 1)));
        dsl::fill_in(&mut gi, c, &dsl::shoot((l, 0), (1, 0)));
    }
    let gi = dsl::rot180(&gi);
    let go = dsl::upscale_grid(&gi, numc);
    let rect = dsl::ofcolor(&go, sqc);
    let ll = &(&(&dsl::shoot(dsl::lrcorner(&rect), (1, 1))
        | &dsl::shoot(dsl::ulcorner(&rect), (-1, -1)))
        | &dsl::shoot(dsl::urcorner(&rect), (-1, 1)))
        | &dsl::shoot(dsl::llcorner(&rect), (1, -1));
    let go = dsl::fill(&go, 2, &(&ll & &dsl::ofcolor(&go, bgc)));
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_46f33fce(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 7));
    let w = unifint(rng, diff_lb, diff_ub, (2, 7));
    let nc = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2 - 1));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut go = dsl::canvas(bgc, (h, w));
    let mut gi = dsl::canvas(bgc, (h * 2, w * 2));
    let locs = rng.sample(&dsl::asindices(&go).to_vec(), nc)?;
    for &(i, j) in &locs {
        let col = rng.choice(&remcols)?;
        fill_locs_in(&mut go, col, &[(i, j)]);
        fill_locs_in(&mut gi, col, &[(2 * i + 1, 2 * j + 1)]);
    }
    let go = dsl::upscale_grid(&go, 4);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_47c1f68c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 14));
    let w = unifint(rng, diff_lb, diff_ub, (2, 14));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let remcols = without(&cols, &[bgc, linc]);
    let objc = rng.choice(&remcols)?;
    let canv = dsl::canvas(bgc, (h, w));
    let nc = unifint(rng, diff_lb, diff_ub, (1, h * w - 1));
    let mut bx = dsl::asindices(&canv);
    let mut obj: PySet<Loc> = std::iter::once(rng.choice_in(&bx)?).collect();
    for _ in 0..nc - 1 {
        let dns = mapply_set(dsl::neighbors, &obj);
        let ch = rng.choice_in(&bx.intersection(&dns))?;
        obj.add(ch);
        let single: PySet<Loc> = std::iter::once(ch).collect();
        bx = bx.difference(&single);
    }
    let cells = obj.to_vec();
    let gi = fill_locs(&canv, objc, &cells);
    let bar = dsl::canvas(linc, (h, 1));
    let gi1 = dsl::hconcat(&dsl::hconcat(&gi, &bar), &canv);
    let gi2 = dsl::hconcat(&dsl::hconcat(&canv, &bar), &canv);
    let gi = dsl::vconcat(
        &dsl::vconcat(&gi1, &dsl::canvas(linc, (1, 2 * w + 1))),
        &gi2,
    );
    let go = fill_locs(&canv, objc, &cells);
    let go = dsl::hconcat(&go, &dsl::vmirror_grid(&go));
    let go = dsl::vconcat(&go, &dsl::hmirror_grid(&go));
    let go = dsl::replace(&go, objc, linc);
    // `(identity, hmirror, vmirror, compose(hmirror, vmirror))`.
    let scf = |k: usize, g: &Grid| match k {
        1 => dsl::hmirror_grid(g),
        2 => dsl::vmirror_grid(g),
        3 => dsl::hmirror_grid(&dsl::vmirror_grid(g)),
        _ => g.clone(),
    };
    let k = rng.choice(&[0usize, 1, 2, 3])?;
    Ok(Example {
        input: scf(k, &gi),
        output: scf(k, &go),
    })
}

fn generate_484b58aa(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let hp = unifint(rng, diff_lb, diff_ub, (2, h / 2 - 1));
    let wp = unifint(rng, diff_lb, diff_ub, (2, w / 2 - 1));
    let pinds = dsl::asindices(&dsl::canvas(-1, (hp, wp)));
    let noisec = rng.choice(&cols)?;
    let remcols = dsl::remove(&noisec, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, numc)?;
    // `pobj`: one color drawn per location in `pinds`' order. It is only
    // painted (one cell per location) and compared with other objects
    // (equality of sets), so it is kept as its colors by location.
    let mut pcol = vec![0i64; (hp * wp) as usize];
    for &(i, j) in pinds.iter() {
        pcol[(i * wp + j) as usize] = rng.choice(&ccols)?;
    }
    let mut go = dsl::canvas(-1, (h, w));
    // `locs` is only iterated for `places`, which is only asked whether
    // any of them holds `pobj` intact: no order is read.
    let mut locs: Vec<Loc> = Vec::new();
    let ofs = rng.randint(1, hp - 1)?;
    for a in 0..2 * (h / hp + 1) {
        for b in 0..w / wp + 1 {
            let (loci, locj) = (hp * a - ofs * b, wp * b);
            locs.push((loci, locj));
            for i in 0..hp {
                for j in 0..wp {
                    let (gi, gj) = (loci + i, locj + j);
                    if 0 <= gi && gi < h && 0 <= gj && gj < w {
                        go[gi as usize][gj as usize] = pcol[(i * wp + j) as usize];
                    }
                }
            }
        }
    }
    let numpatches = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 20));
    let mut gi = go.clone();
    // `pobj in apply(normalize, apply(rbind(toobject, gi2), places))`: a
    // place's object equals `pobj` exactly when the whole place lies in
    // the grid (otherwise it has fewer cells) and shows `pobj`'s colors.
    let intact = |g: &Grid| {
        locs.iter().any(|&(li, lj)| {
            li >= 0
                && lj >= 0
                && li + hp <= h
                && lj + wp <= w
                && (0..hp).all(|i| {
                    (0..wp).all(|j| {
                        g[(li + i) as usize][(lj + j) as usize] == pcol[(i * wp + j) as usize]
                    })
                })
        })
    };
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * numpatches;
    while succ < numpatches && tr < maxtr {
        tr += 1;
        let ph = rng.randint(2, 6)?;
        let pw = rng.randint(2, 6)?;
        let loci = rng.randint(0, h - ph)?;
        let locj = rng.randint(0, w - pw)?;
        let mut gi2 = gi.clone();
        fill_rect(
            &mut gi2,
            noisec,
            (loci, locj),
            (loci + ph - 1, locj + pw - 1),
        );
        let clean = |g: &Grid| g.iter().filter(|r| !r.contains(&noisec)).count();
        if intact(&gi2) && clean(&gi2) >= 2 && clean(&dsl::dmirror_grid(&gi2)) >= 2 {
            succ += 1;
            gi = gi2;
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_48d8fb45(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (2, (h * w) / 15));
    let mut tr = 0;
    let maxtr = 4 * nobjs;
    let mut go: Option<Grid> = None;
    let mut succ = 0;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    // `inds` as CPython's table (`GridSet`), `locopts` kept per shape
    // until it changes; `bx` and each shape as tables of box ids (`BoxShape`).
    let mut inds = GridSet::asindices((h, w));
    let mut locopts_memo = FitMemo::default();
    let hashes = loc10_hashes();
    while tr < maxtr && succ < nobjs {
        let oh = rng.randint(2, 6)?;
        let ow = rng.randint(2, 6)?;
        let bx = BoxShape::asindices(hashes, (oh, ow));
        let nc = rng.randint(3, oh * ow)?;
        let sp = bx.choose(rng)?;
        let bx = bx.without(sp);
        let mut shp = BoxShape::from_locs(hashes, [loc10(sp)]);
        for _ in 0..nc - 1 {
            shp.grow(rng, &bx, dsl::neighbors)?;
        }
        // Cells at distinct locations: paints of the object are order-free,
        // and nothing else reads its order (a subset test, a subtraction),
        // so it is a list, not a frozenset.
        let obj: Vec<dsl::Cell> = if go.is_none() {
            let idx = loc10(shp.choose(rng)?);
            let coll = rng.choice(&remcols)?;
            let rest_col = rng.choice(&dsl::remove(&coll, &remcols))?;
            let obj3: dsl::Object = shp
                .locs()
                .filter(|&l| l != idx)
                .map(|l| (rest_col, l))
                .collect();
            go = Some(dsl::paint(
                &dsl::canvas(bgc, dsl::shape(&obj3)),
                &dsl::normalize(&obj3),
            ));
            obj3.iter()
                .copied()
                .chain(std::iter::once((coll, idx)))
                .collect()
        } else {
            let col = rng.choice(&remcols)?;
            let mut cells = Vec::with_capacity(shp.set.len());
            cells.extend(shp.locs().map(|l| (col, l)));
            cells
        };
        let locopts = locopts_memo.fitting(&inds, (h, w), (oh, ow));
        tr += 1;
        if locopts.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(locopts)?);
        if place_apart_grid(&mut gi, &mut inds, obj.iter(), loc) {
            succ += 1;
            locopts_memo.changed();
        }
    }
    let go =
        go.ok_or_else(|| DatasetError::Generation("go referenced before assignment".into()))?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_4938f0c2(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 31));
    let w = unifint(rng, diff_lb, diff_ub, (10, 31));
    let oh = unifint(rng, diff_lb, diff_ub, (2, (h - 3) / 2));
    let ow = unifint(rng, diff_lb, diff_ub, (2, (w - 3) / 2));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let cc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&cc, &remcols);
    let objc = rng.choice(&remcols)?;
    let locc = (oh - 1, ow - 1);
    let sg = fill_locs(&dsl::canvas(bgc, (oh, ow)), cc, &[locc]);
    let reminds = dsl::remove(&locc, &dsl::asindices(&sg)).to_vec();
    // `int((2 / 3) * oh * ow)`: float products left to right, truncated.
    let bound = 1.max(((2.0 / 3.0) * oh as f64 * ow as f64) as i64);
    let mut ncells = unifint(rng, diff_lb, diff_ub, (1, bound));
    let mut cells = rng.sample(&reminds, ncells)?;
    let square = |cells: &[Loc]| {
        let (t, b) = bounds_of(&cells.iter().map(|c| c.0).collect::<Vec<_>>());
        let (l, r) = bounds_of(&cells.iter().map(|c| c.1).collect::<Vec<_>>());
        (b - t + 1, r - l + 1) == (2, 2)
    };
    while ncells == 4 && square(&cells) {
        ncells = unifint(rng, diff_lb, diff_ub, (1, bound));
        cells = rng.sample(&reminds, ncells)?;
    }
    let sg = filled_locs(sg, objc, &cells);
    let vbar = dsl::canvas(bgc, (oh, 1));
    let hbar = dsl::canvas(bgc, (1, ow));
    let topg = dsl::hconcat(&dsl::hconcat(&sg, &vbar), &dsl::vmirror_grid(&sg));
    let botg = dsl::hconcat(
        &dsl::hconcat(&dsl::hmirror_grid(&sg), &vbar),
        &dsl::vmirror_grid(&dsl::hmirror_grid(&sg)),
    );
    let ggm = dsl::hconcat(&dsl::hconcat(&hbar, &dsl::canvas(cc, (1, 1))), &hbar);
    let gg = dsl::vconcat(&dsl::vconcat(&topg, &ggm), &botg);
    let loci = rng.randint(0, h - 2 * oh - 1)?;
    let locj = rng.randint(0, w - 2 * ow - 1)?;
    // `paint(canv, shift(asobject(g), (loci, locj)))` of a grid that fits
    // (one cell per location, so no order matters): a copy into the canvas.
    let placed = |g: &Grid| {
        let mut out = dsl::canvas(bgc, (h, w));
        for (row, src) in out[loci as usize..].iter_mut().zip(g) {
            row[locj as usize..locj as usize + src.len()].copy_from_slice(src);
        }
        out
    };
    let go = placed(&gg);
    let mut gi = placed(&sg);
    // `fill(gi, cc, ofcolor(go, cc))`, cell by cell.
    for (row, orow) in gi.iter_mut().zip(&go) {
        for (v, &o) in row.iter_mut().zip(orow) {
            if o == cc {
                *v = cc;
            }
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    let gi = transform(rotf, &gi);
    let go = transform(rotf, &go);
    // `center(ofcolor(gi, cc))` from the bounds of the `cc` cells (it has
    // at least the middle one).
    let (mut t, mut l, mut b, mut r) = (i64::MAX, i64::MAX, i64::MIN, i64::MIN);
    for (i, row) in gi.iter().enumerate() {
        for (j, _) in row.iter().enumerate().filter(|&(_, &v)| v == cc) {
            let (i, j) = (i as i64, j as i64);
            (t, l, b, r) = (t.min(i), l.min(j), b.max(i), r.max(j));
        }
    }
    let (ci, cj) = (t + (b - t + 1) / 2, l + (r - l + 1) / 2);
    // The grid without row `ci` and column `cj`, sized up front.
    let cut = |g: &Grid| -> Grid {
        let mut out = Vec::with_capacity(g.len().saturating_sub(1));
        for (i, row) in g.iter().enumerate() {
            if i as i64 == ci {
                continue;
            }
            let mut kept = Vec::with_capacity(row.len().saturating_sub(1));
            for (j, &v) in row.iter().enumerate() {
                if j as i64 != cj {
                    kept.push(v);
                }
            }
            out.push(kept);
        }
        out
    };
    Ok(Example {
        input: cut(&gi),
        output: cut(&go),
    })
}

fn generate_496994bd(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 14));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let remcols = rng.sample(&remcols, numcols)?;
    let canv = dsl::canvas(bgc, (h, w));
    let nc = unifint(rng, diff_lb, diff_ub, (2, h * w - 1));
    // `bx` and every `bx & dns` are read for their order (the choices), so
    // they are CPython's tables over location numbers (`GridSet`), and so
    // is `dns`, whose order the intersection reads when it is walked.
    let mut bx = GridSet::asindices((h, w));
    let c1 = rng.choice(&remcols)?;
    let l1 = gloc(rng.choice(&bx.filtered_order(|id| gloc(id).0 < h / 2))?);
    let c2 = rng.choice(&remcols)?;
    let l2 = gloc(rng.choice(&bx.filtered_order(|id| gloc(id).0 > h / 2))?);
    // A set of cells whose first locations stay in `bx`: a location can be
    // picked twice, and then the set's order decides the paint.
    let mut obj: PySet<dsl::Cell> = [(c1, l1), (c2, l2)].into_iter().collect();
    for _ in 0..nc - 2 {
        grow_cells_in(rng, &mut obj, &mut bx, &remcols)?;
    }
    let mut gix = canv.clone();
    for &(v, (i, j)) in obj.iter() {
        gix[i as usize][j as usize] = v;
    }
    // `order(row, matcher(identity, bgc))`: other colors first, stably.
    let gix: Grid = gix
        .into_iter()
        .map(|mut r| {
            r.sort_by_key(|&v| v == bgc);
            r
        })
        .collect();
    let flag = rng.choice(&[true, false])?;
    let gap = dsl::canvas(bgc, (h, 1));
    let mut gi = if flag {
        dsl::hconcat(&gix, &canv)
    } else {
        dsl::hconcat(&gix, &dsl::hconcat(&gap, &canv))
    };
    let mut go = if flag {
        dsl::hconcat(&gix, &dsl::vmirror_grid(&gix))
    } else {
        dsl::hconcat(&gix, &dsl::hconcat(&gap, &dsl::vmirror_grid(&gix)))
    };
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

fn generate_49d1d64f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 28));
    let w = unifint(rng, diff_lb, diff_ub, (2, 28));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 10));
    let ccols = rng.sample(&cols, ncols)?;
    let mut gi = dsl::canvas(-1, (h, w));
    for &(i, j) in dsl::asindices(&gi).iter() {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    // The grid framed by copies of its own edge cells (corners stay 0).
    let mut go = dsl::canvas(0, (h + 2, w + 2));
    for i in 0..h {
        for j in 0..w {
            let v = gi[i as usize][j as usize];
            go[(i + 1) as usize][(j + 1) as usize] = v;
            if i == 0 {
                go[0][(j + 1) as usize] = v;
            }
            if i == h - 1 {
                go[(h + 1) as usize][(j + 1) as usize] = v;
            }
            if j == 0 {
                go[(i + 1) as usize][0] = v;
            }
            if j == w - 1 {
                go[(i + 1) as usize][(w + 1) as usize] = v;
            }
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_4be741c5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let numcolors = unifint(rng, diff_lb, diff_ub, (2, w / 3));
    let ccols = rng.sample(&cols, numcolors)?;
    let mut go: Grid = vec![ccols.clone()];
    // Three columns per color (built as rows, then transposed), with
    // random columns doubled until the width is reached.
    let mut gi: Grid = ccols
        .iter()
        .flat_map(|&c| std::iter::repeat_n(vec![c; h as usize], 3))
        .collect();
    while (gi.len() as i64) < w {
        let idx = rng.randint(0, gi.len() as i64 - 1)? as usize;
        let row = gi[idx].clone();
        gi.insert(idx, row);
    }
    gi = dsl::dmirror_grid(&gi);
    let ndisturbances = unifint(rng, diff_lb, diff_ub, (0, 3 * h * numcolors));
    for _ in 0..ndisturbances {
        let mut options = Vec::new();
        for (a, r) in gi.iter().enumerate() {
            for b in 0..(w - 3) as usize {
                if r[b] == r[b + 1] && r[b + 2] == r[b + 3] {
                    options.push((a, b, r[b], r[b + 2]));
                }
            }
        }
        if options.is_empty() {
            break;
        }
        let (a, b, c1, c2) = rng.choice(&options)?;
        if rng.choice(&[true, false])? {
            gi[a][b + 1] = c2;
        } else {
            gi[a][b + 2] = c1;
        }
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

fn generate_4c4377d9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 15));
    let w = unifint(rng, diff_lb, diff_ub, (1, 30));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    // Sampled from all colors (the background's included), as in Python.
    let colsch = rng.sample(&cols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for col in colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go = dsl::vconcat(&dsl::hmirror_grid(&gi), &gi);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_4c5c2cf0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (2, (h - 3) / 2));
    let ow = unifint(rng, diff_lb, diff_ub, (2, (w - 3) / 2));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let cc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&cc, &remcols);
    let objc = rng.choice(&remcols)?;
    let locc = (oh - 1, ow - 1);
    let sg = fill_locs(&dsl::canvas(bgc, (oh, ow)), cc, &[locc]);
    let reminds = dsl::remove(&locc, &dsl::asindices(&sg)).to_vec();
    let bound = 1.max(((2.0 / 3.0) * oh as f64 * ow as f64) as i64);
    let mut ncells = unifint(rng, diff_lb, diff_ub, (1, bound));
    let mut cells = rng.sample(&reminds, ncells)?;
    let three_by_three = |cells: &[Loc]| {
        let (t, b) = bounds_of(&cells.iter().map(|c| c.0).collect::<Vec<_>>());
        let (l, r) = bounds_of(&cells.iter().map(|c| c.1).collect::<Vec<_>>());
        (b - t + 1, r - l + 1) == (3, 3)
    };
    while ncells == 5 && three_by_three(&cells) {
        ncells = unifint(rng, diff_lb, diff_ub, (1, bound));
        cells = rng.sample(&reminds, ncells)?;
    }
    let sg = filled_locs(sg, objc, &cells);
    let vbar = dsl::canvas(bgc, (oh, 1));
    let hbar = dsl::canvas(bgc, (1, ow));
    let topg = dsl::hconcat(&dsl::hconcat(&sg, &vbar), &dsl::vmirror_grid(&sg));
    let botg = dsl::hconcat(
        &dsl::hconcat(&dsl::hmirror_grid(&sg), &vbar),
        &dsl::vmirror_grid(&dsl::hmirror_grid(&sg)),
    );
    let ggm = dsl::hconcat(&dsl::hconcat(&hbar, &dsl::canvas(cc, (1, 1))), &hbar);
    let gg = dsl::vconcat(&dsl::vconcat(&topg, &ggm), &botg);
    let canv = dsl::canvas(bgc, (h, w));
    let loci = rng.randint(0, h - 2 * oh - 1)?;
    let locj = rng.randint(0, w - 2 * ow - 1)?;
    let go = dsl::paint(&canv, &dsl::asobject(&gg).shift((loci, locj)));
    let gi = dsl::paint(&canv, &dsl::asobject(&sg).shift((loci, locj)));
    let gi = dsl::filled(gi, cc, &dsl::ofcolor(&go, cc));
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_50846271(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    // `cf1`/`cf2`: a bar's two ends plus a sample of it; `cf3`: samples of
    // both bars without the center. Only their contents are used (fills and
    // order-free paints), so the draws are what must match.
    let bar = |d: i64, horizontal: bool| -> Indices {
        if horizontal {
            dsl::connect((d / 2, 0), (d / 2, d - 1))
        } else {
            dsl::connect((0, d / 2), (d - 1, d / 2))
        }
    };
    let cf12 = |rng: &mut GenRng, d: i64, horizontal: bool| -> Result<Vec<Loc>> {
        let mut out = if horizontal {
            vec![(d / 2, 0), (d / 2, d - 1)]
        } else {
            vec![(0, d / 2), (d - 1, d / 2)]
        };
        let cells = bar(d, horizontal).to_vec();
        let k = rng.randint(1, d)?;
        out.extend(rng.sample(&cells, k)?);
        Ok(out)
    };
    let cf3 = |rng: &mut GenRng, d: i64| -> Result<Vec<Loc>> {
        let mut out = Vec::new();
        for horizontal in [true, false] {
            let cells = dsl::remove(&(d / 2, d / 2), &bar(d, horizontal)).to_vec();
            let k = rng.randint(1, d - 1)?;
            out.extend(rng.sample(&cells, k)?);
        }
        Ok(out)
    };
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let dim = 2 * unifint(rng, diff_lb, diff_ub, (1, 3)) + 1;
    let cross = &bar(dim, true) | &bar(dim, false);
    let bcn = rng.sample(&cols, 3)?;
    let (bgc, crossc, noisec) = (bcn[0], bcn[1], bcn[2]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let lo = (0.35 * h as f64 * w as f64) as i64;
    let hi = (0.65 * h as f64 * w as f64) as i64;
    let namt = unifint(rng, diff_lb, diff_ub, (lo, hi));
    // `inds` as CPython's table (`GridSet`), `cands` kept until it changes.
    let mut inds = GridSet::asindices((h, w));
    let mut cands_memo = FitMemo::default();
    let order: Vec<Loc> = inds.iter().map(gloc).collect();
    let noise = rng.sample(&order, namt)?;
    fill_locs_in(&mut gi, noisec, &noise);
    let initcross = if rng.choice(&[true, false])? {
        cf12(rng, dim, true)?
    } else {
        cf12(rng, dim, false)?
    };
    let loci = rng.randint(0, h - dim)?;
    let locj = rng.randint(0, w - dim)?;
    let loc = (loci, locj);
    let delt: Vec<Loc> = cross
        .iter()
        .filter(|l| !initcross.contains(l))
        .map(|&l| dsl::add(l, loc))
        .collect();
    let initp: Vec<Loc> = initcross.iter().map(|&l| dsl::add(l, loc)).collect();
    fill_locs_in(&mut gi, crossc, &initp);
    fill_locs_in(&mut gi, noisec, &delt);
    let mut go = fill_locs(&gi, 8, &delt);
    // The neighbourhoods are only subtracted: sizes and membership. The
    // cross has no lone cell, so `mapply(neighbors, ·)` applied `k` times
    // to it is every location within `k` steps (diagonals too): the two
    // bars widened by `k`.
    let widened = |(li, lj): Loc, k: i64| -> Vec<Loc> {
        let (ci, cj) = (li + dim / 2, lj + dim / 2);
        let mut out = Vec::with_capacity(((dim + 2 * k) * (dim + 2 * k)) as usize);
        for i in li - k..li + dim + k {
            for j in lj - k..lj + dim + k {
                if (i - ci).abs() <= k || (j - cj).abs() <= k {
                    out.push((i, j));
                }
            }
        }
        out
    };
    // `shift(cross, loc)` is subtracted and tested: its cells, at the
    // origin once and then moved.
    let cross_cells = cross.to_vec();
    let shifted = |(li, lj): Loc| -> Vec<Loc> {
        cross_cells.iter().map(|&(i, j)| (i + li, j + lj)).collect()
    };
    inds = inds
        .difference_locs(&shifted(loc))
        .difference_locs(&widened(loc, 1))
        .difference_locs(&widened(loc, 2))
        .difference_locs(&widened(loc, 3));
    let noccs = unifint_f(
        rng,
        diff_lb,
        diff_ub,
        (1, (h * w) as f64 / (10 * dim) as f64),
    );
    let (mut succ, mut tr) = (0i64, 0i64);
    let maxtr = 5.0 * noccs;
    while (succ as f64) < noccs && (tr as f64) < maxtr {
        tr += 1;
        let cands = cands_memo.fitting(&inds, (h, w), (dim, dim));
        if cands.is_empty() {
            break;
        }
        let loc = gloc(rng.choice(cands)?);
        let marked = match rng.choice(&[0, 1, 2])? {
            0 => cf12(rng, dim, true)?,
            1 => cf12(rng, dim, false)?,
            _ => cf3(rng, dim)?,
        };
        let full = shifted(loc);
        let marked: Vec<Loc> = marked.iter().map(|&l| dsl::add(l, loc)).collect();
        if full.iter().all(|&l| inds.contains(gid(l))) {
            // `dnbhs | dnbhs2 | mapply(neighbors, dnbhs2)`, subtracted
            // only: everything within three steps (as above).
            inds = inds
                .difference_locs(&full)
                .difference_locs(&widened(loc, 3));
            cands_memo.changed();
            succ += 1;
            let unmarked: Vec<Loc> = full
                .iter()
                .filter(|l| !marked.contains(l))
                .copied()
                .collect();
            fill_locs_in(&mut gi, noisec, &unmarked);
            fill_locs_in(&mut gi, crossc, &marked);
            fill_locs_in(&mut go, 8, &unmarked);
            fill_locs_in(&mut go, crossc, &marked);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_508bd3b6(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (h, 30));
    let barh = unifint(rng, diff_lb, diff_ub, (1, h / 2));
    let barloci = unifint(rng, diff_lb, diff_ub, (2, h - barh));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let barc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&barc, &remcols);
    let linc = rng.choice(&remcols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    for j in barloci..barloci + barh {
        dsl::fill_in(&mut gi, barc, &dsl::connect((j, 0), (j, w - 1)));
    }
    let dotlociinv = unifint(rng, diff_lb, diff_ub, (0, barloci - 1));
    let dotloci = 0.max(barloci - 2 - dotlociinv).min(barloci - 1);
    let ofbgc = dsl::ofcolor(&gi, bgc);
    // A diagonal down to the bar and back up; rows (then columns) are
    // distinct along each leg, so `order` leaves no ties.
    let ln1: Vec<Loc> = dsl::order(
        &dsl::sfilter(&(&dsl::shoot((dotloci, 0), (1, 1)) & &ofbgc), |l| {
            l.0 < barloci
        }),
        |l| l.0,
    );
    let Some(&turn) = ln1.last() else {
        return Err(DatasetError::Generation("list index out of range".into()));
    };
    let ln2: Vec<Loc> = dsl::order(
        &dsl::sfilter(&(&dsl::shoot(turn, (-1, 1)) & &ofbgc), |l| l.0 < barloci),
        |l| l.1,
    );
    let mut ln = ln1.clone();
    ln.extend(ln2.iter().skip(1));
    let k = ln1.len() as i64;
    let lineleninv = unifint(rng, diff_lb, diff_ub, (0, k - 2));
    let linelen = (k - lineleninv).clamp(0, ln.len() as i64) as usize;
    let mut gi = filled_locs(gi, linc, &ln[..linelen]);
    let mut go = fill_locs(&gi, 3, &ln[linelen..]);
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_50cb2852(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[8]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let mut remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, 8));
    // `indss` keeps CPython's table as a GridSet: its order feeds the
    // choice (through the sfilter), and each difference is taken on it.
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
        let (lri, lrj) = (loci + oh - 1, locj + ow - 1);
        // `backdrop(obj)` (the rectangle) is read only for its membership
        // (issubset), painted and subtracted: its cell numbers suffice.
        let bd: Vec<u16> = (loci..=lri)
            .flat_map(|i| (locj..=lrj).map(move |j| gid((i, j))))
            .collect();
        let col = rng.choice(&remcols)?;
        if bd.iter().all(|&id| indss.contains(id)) {
            remcols = dsl::remove(&col, &remcols);
            for &id in &bd {
                let (i, j) = gloc(id);
                gi[i as usize][j as usize] = col;
                // `box(obj)` (the outline) in `col` over the 8-filled inside.
                let edge = i == loci || i == lri || j == locj || j == lrj;
                go[i as usize][j as usize] = if edge { col } else { 8 };
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

fn generate_5117e062(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (2, (h * w) / 15));
    let mut tr = 0;
    let maxtr = 4 * nobjs;
    let mut go: Option<Grid> = None;
    let mut succ = 0;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    // `inds` as CPython's table (`GridSet`), `locopts` kept per shape
    // until it changes; `bx` and each shape as tables of box ids (`BoxShape`).
    let mut inds = GridSet::asindices((h, w));
    let mut locopts_memo = FitMemo::default();
    let hashes = loc10_hashes();
    while tr < maxtr && succ < nobjs {
        let oh = rng.randint(2, 6)?;
        let ow = rng.randint(2, 6)?;
        let bx = BoxShape::asindices(hashes, (oh, ow));
        let nc = rng.randint(3, oh * ow)?;
        let sp = bx.choose(rng)?;
        let bx = bx.without(sp);
        let mut shp = BoxShape::from_locs(hashes, [loc10(sp)]);
        for _ in 0..nc - 1 {
            shp.grow(rng, &bx, dsl::neighbors)?;
        }
        // Cells at distinct locations: the object is only placed (a subset
        // test, a paint, sizes and membership), which reads no order, so
        // it is a list of its cells.
        let obj: Vec<dsl::Cell> = if go.is_none() {
            let idx = loc10(shp.choose(rng)?);
            let coll = rng.choice(&remcols)?;
            let coll2 = rng.choice(&dsl::remove(&coll, &remcols))?;
            let obj: dsl::Object = shp
                .locs()
                .map(|l| (if l == idx { coll } else { coll2 }, l))
                .collect();
            go = Some(dsl::fill(
                &dsl::canvas(bgc, dsl::shape(&obj)),
                coll2,
                &dsl::normalize(&obj),
            ));
            obj.to_vec()
        } else {
            let col = rng.choice(&remcols)?;
            shp.locs().map(|l| (col, l)).collect()
        };
        let locopts = locopts_memo.fitting(&inds, (h, w), (oh, ow));
        tr += 1;
        if locopts.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(locopts)?);
        if place_apart_grid(&mut gi, &mut inds, obj.iter(), loc) {
            succ += 1;
            locopts_memo.changed();
        }
    }
    let go =
        go.ok_or_else(|| DatasetError::Generation("go referenced before assignment".into()))?;
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_5168d44c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (7, 30));
    let doth = unifint(rng, diff_lb, diff_ub, (1, h / 3));
    let dotw = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let borderh = unifint(rng, diff_lb, diff_ub, (1, h / 4));
    let borderw = unifint(rng, diff_lb, diff_ub, (1, w / 4));
    let direc = rng.choice(&[(1, 0), (0, 1), (1, 1)])?;
    let dotloci = rng.randint(
        0,
        if direc == (0, 1) {
            h - doth - 1
        } else {
            h - doth - borderh - 1
        },
    )?;
    let dotlocj = rng.randint(
        0,
        if direc == (1, 0) {
            w - dotw - 1
        } else {
            w - dotw - borderw - 1
        },
    )?;
    let dotloc = (dotloci, dotlocj);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let dotcol = rng.choice(&remcols)?;
    let remcols = dsl::remove(&dotcol, &remcols);
    let boxcol = rng.choice(&remcols)?;
    let starterdot = dsl::backdrop(&pair_set(dotloc, (dotloci + doth - 1, dotlocj + dotw - 1)));
    let offset = dsl::add(
        dsl::multiply(direc, (doth, dotw)),
        dsl::multiply(direc, (borderh, borderw)),
    );
    let mut gi = dsl::canvas(bgc, (h, w));
    for k in -15..16 {
        dsl::fill_in(
            &mut gi,
            dotcol,
            &starterdot.shift((k * offset.0, k * offset.1)),
        );
    }
    let protobx = dsl::backdrop(&pair_set(
        (dotloci - borderh, dotlocj - borderw),
        (dotloci + doth + borderh - 1, dotlocj + dotw + borderw - 1),
    ));
    let bx = &protobx - &starterdot;
    let go = dsl::fill(&gi, boxcol, &bx.shift(offset));
    let gi = dsl::filled(gi, boxcol, &bx);
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_539a4f51(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let d = unifint(rng, diff_lb, diff_ub, (2, 15));
    let mut gi = dsl::canvas(0, (d, d));
    let numc = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&cols, numc)?;
    let numocc = unifint(rng, diff_lb, diff_ub, (1, d));
    let mut arr = Vec::new();
    for _ in 0..numocc {
        arr.push(rng.choice(&ccols)?);
    }
    // Redrawn (now `d` long) while it has a single color.
    while arr.iter().all(|&c| c == arr[0]) {
        arr.clear();
        for _ in 0..d {
            arr.push(rng.choice(&ccols)?);
        }
    }
    let corner = |j: i64| &dsl::connect((j, 0), (j, j)) | &dsl::connect((0, j), (j, j));
    for (j, &col) in arr.iter().enumerate() {
        dsl::fill_in(&mut gi, col, &corner(j as i64));
    }
    let mut go = dsl::canvas(0, (2 * d, 2 * d));
    for j in 0..2 * d {
        let col = arr[(j as usize) % arr.len()];
        dsl::fill_in(&mut go, col, &corner(j));
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_53b68214(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let (h, go) = loop {
        let h = unifint(rng, diff_lb, diff_ub, (2, 6));
        let w = unifint(rng, diff_lb, diff_ub, (8, 30));
        let bgc = rng.choice(&cols)?;
        let remcols = dsl::remove(&bgc, &cols);
        let ncols = unifint(rng, diff_lb, diff_ub, (1, 9));
        let ccols = rng.sample(&remcols, ncols)?;
        let oh = unifint(rng, diff_lb, diff_ub, (1, h / 2));
        let ow = unifint(rng, diff_lb, diff_ub, (1, w / 2 - 1));
        let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
        let ncells = unifint(rng, diff_lb, diff_ub, (1, oh * ow));
        let picked = rng.sample(&bounds.to_vec(), ncells)?;
        // One color per sampled cell, in the sample's order; distinct
        // locations, and the copies below sit on disjoint rows.
        let mut obj: Vec<dsl::Cell> = Vec::new();
        for &ij in &picked {
            obj.push((rng.choice(&ccols)?, ij));
        }
        let obj: dsl::Object = obj.into_iter().collect();
        let obj = dsl::normalize(&obj);
        let (oh, ow) = dsl::shape(&obj);
        let locj = rng.randint(0, w / 2)?;
        let plcd = obj.shift((0, locj));
        let mut go = dsl::canvas(bgc, (10, w));
        let hoffs = rng.randint(0, ow / 2 + 1)?;
        for k in 0..10 / oh + 1 {
            dsl::paint_in(&mut go, &plcd.shift((k * oh, k * hoffs)));
        }
        if dsl::palette_grid(&go[h as usize..].to_vec()).len() > 1 {
            break (h, go);
        }
    };
    let mut gi: Grid = go[..h as usize].to_vec();
    let mut go = go;
    if rng.choice(&[true, false])? {
        gi = dsl::vmirror_grid(&gi);
        go = dsl::vmirror_grid(&go);
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_543a7ed5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3, 4]);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 7));
    let ccols = rng.sample(&remcols, numc)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 25));
    // `indss` as CPython's table (`GridSet`); `subs` kept per shape until
    // `indss` changes.
    let mut indss = GridSet::asindices((h, w));
    let mut subs_memo = FitMemo::default();
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    // The rectangles here are read for membership, size and fills only:
    // cell lists.
    let rect = |(si, sj): Loc, (ei, ej): Loc| -> Vec<Loc> {
        (si..=ei)
            .flat_map(|i| (sj..=ej).map(move |j| (i, j)))
            .collect()
    };
    while succ < num && tr <= maxtrials {
        if indss.len() == 0 {
            break;
        }
        let oh = rng.randint(4, 8)?;
        let ow = rng.randint(4, 8)?;
        // `i < h - oh` is `i <= h - (oh + 1)`: FitMemo's filter one larger.
        let subs = subs_memo.fitting(&indss, (h, w), (oh + 1, ow + 1));
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(subs)?);
        let (lri, lrj) = (loci + oh - 1, locj + ow - 1);
        let bd = rect((loci, locj), (lri, lrj));
        let col = rng.choice(&ccols)?;
        if bd.len() <= indss.len() && bd.iter().all(|&l| indss.contains(gid(l))) {
            let (ulci, ulcj, lrci, lrcj) = (loci + 1, locj + 1, lri - 1, lrj - 1);
            let bdibd = rect((ulci, ulcj), (lrci, lrcj));
            fill_locs_in(&mut go, col, &bdibd);
            // `box(bd)`: the border of `bd`.
            let border = bd
                .iter()
                .filter(|&&(i, j)| i == loci || i == lri || j == locj || j == lrj);
            fill_locs_in(&mut go, 3, border);
            fill_locs_in(&mut gi, col, &bdibd);
            // `and` stops before the draw for small boxes.
            if oh > 5 && ow > 5 && rng.randint(1, 10)? != 1 {
                let aa = rng.randint(ulci + 1, lrci - 1)?;
                let aa = rng.randint(ulci + 1, aa)?;
                let bb = rng.randint(ulcj + 1, lrcj - 1)?;
                let bb = rng.randint(ulcj + 1, bb)?;
                let cc = rng.randint(aa, lrci - 1)?;
                let dd = rng.randint(bb, lrcj - 1)?;
                let cc = rng.randint(cc, lrci - 1)?;
                let dd = rng.randint(dd, lrcj - 1)?;
                let ins = rect((aa, bb), (cc, dd));
                fill_locs_in(&mut go, 4, &ins);
                fill_locs_in(&mut gi, bgc, &ins);
            }
            succ += 1;
            let bd_ids: Vec<u16> = bd.iter().map(|&l| gid(l)).collect();
            indss = indss.difference_ids(&bd_ids);
            subs_memo.changed();
        }
        tr += 1;
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

fn generate_54d82841(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[4]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let nshps = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (h, w));
    let mut locs = dsl::interval(1, w - 1, 1);
    for _ in 0..nshps {
        if locs.is_empty() {
            break;
        }
        let loc = rng.choice(&locs)?;
        locs.retain(|&x| (x - loc).abs() > 2);
        let loci = rng.randint(1, h - 1)?;
        let col = rng.choice(&remcols)?;
        let shp =
            &dsl::neighbors((loci, loc)) - &dsl::connect((loci + 1, loc - 1), (loci + 1, loc + 1));
        dsl::fill_in(&mut gi, col, &shp);
        dsl::fill_in(&mut go, col, &shp);
        fill_locs_in(&mut go, 4, &[(h - 1, loc)]);
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    Ok(Example {
        input: transform(rotf, &gi),
        output: transform(rotf, &go),
    })
}

fn generate_54d9e175(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let nh = unifint(rng, diff_lb, diff_ub, (1, 31 / (h + 1)));
    let nw = unifint(
        rng,
        diff_lb,
        diff_ub,
        (if nh > 1 { 1 } else { 2 }, 31 / (w + 1)),
    );
    let fullh = (h + 1) * nh - 1;
    let fullw = (w + 1) * nw - 1;
    let lb = rng.sample(&[0, 5], 2)?;
    let (linc, bgc) = (lb[0], lb[1]);
    let mut gi = dsl::canvas(linc, (fullh, fullw));
    let mut go = dsl::canvas(linc, (fullh, fullw));
    let obj = dsl::asindices(&dsl::canvas(bgc, (h, w)));
    for a in 0..nh {
        for b in 0..nw {
            let plcd = obj.shift((a * (h + 1), b * (w + 1)));
            let icol = rng.randint(1, 4)?;
            dsl::fill_in(&mut gi, bgc, &plcd);
            dsl::fill_in(&mut go, icol + 5, &plcd);
            let dot = rng.choice_in(&plcd)?;
            fill_locs_in(&mut gi, icol, &[dot]);
        }
    }
    Ok(Example {
        input: gi,
        output: go,
    })
}

/// `(identity, dmirror, cmirror, hmirror, vmirror)[k]` of distinct
/// locations, each mirror about the locations' own bounds as the DSL's
/// patch mirrors are, as a list (for patches whose order is not read).
fn mirror_locs(k: usize, locs: &[Loc]) -> Vec<Loc> {
    let (top, bottom) = bounds_of(&locs.iter().map(|l| l.0).collect::<Vec<_>>());
    let (left, right) = bounds_of(&locs.iter().map(|l| l.1).collect::<Vec<_>>());
    let v = |l: &[Loc]| -> Vec<Loc> {
        let (a, b) = bounds_of(&l.iter().map(|x| x.1).collect::<Vec<_>>());
        l.iter().map(|&(i, j)| (i, a + b - j)).collect()
    };
    let dm = |l: &[Loc]| -> Vec<Loc> {
        let (a, _) = bounds_of(&l.iter().map(|x| x.0).collect::<Vec<_>>());
        let (b, _) = bounds_of(&l.iter().map(|x| x.1).collect::<Vec<_>>());
        l.iter().map(|&(i, j)| (j - b + a, i - a + b)).collect()
    };
    match k {
        1 => dm(locs),
        2 => v(&dm(&v(locs))),
        3 => locs.iter().map(|&(i, j)| (top + bottom - i, j)).collect(),
        4 => locs.iter().map(|&(i, j)| (i, left + right - j)).collect(),
        _ => locs.to_vec(),
    }
}
