//! rearc generators TASK_IDS[127..263], each named `generate_<task id>` as
//! in `rearc_utils/generators.py` (being ported, in task-id order).

use dataset_core::{DatasetError, Result};
use pycompat::{AnySet, PyHashable, PySet};

use super::common::*;
use super::{unifint, Example, GenRng, Generator};
use crate::rearc::dsl::{self, Cell, Grid, Indices, Loc, Object, Patch};

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
    ("5c0a986e", generate_5c0a986e),
    ("5c2c9af4", generate_5c2c9af4),
    ("5daaa586", generate_5daaa586),
    ("60b61512", generate_60b61512),
    ("6150a2bd", generate_6150a2bd),
    ("623ea044", generate_623ea044),
    ("62c24649", generate_62c24649),
    ("63613498", generate_63613498),
    ("6430c8c4", generate_6430c8c4),
    ("6455b5f5", generate_6455b5f5),
    ("662c240a", generate_662c240a),
    ("67385a82", generate_67385a82),
    ("673ef223", generate_673ef223),
    ("6773b310", generate_6773b310),
    ("67a3c6ac", generate_67a3c6ac),
    ("67a423a3", generate_67a423a3),
    ("67e8384a", generate_67e8384a),
    ("681b3aeb", generate_681b3aeb),
    ("6855a6e4", generate_6855a6e4),
    ("68b16354", generate_68b16354),
    ("694f12f3", generate_694f12f3),
    ("6a1e5592", generate_6a1e5592),
    ("6aa20dc0", generate_6aa20dc0),
    ("6b9890af", generate_6b9890af),
    ("6c434453", generate_6c434453),
    ("6cdd2623", generate_6cdd2623),
    ("6cf79266", generate_6cf79266),
    ("6d0160f0", generate_6d0160f0),
    ("6d0aefbc", generate_6d0aefbc),
    ("6d58a25d", generate_6d58a25d),
    ("6d75e8bb", generate_6d75e8bb),
    ("6e02f1e3", generate_6e02f1e3),
    ("6e19193c", generate_6e19193c),
    ("6e82a1ae", generate_6e82a1ae),
    ("6ecd11f4", generate_6ecd11f4),
    ("6f8cd79b", generate_6f8cd79b),
    ("6fa7a44f", generate_6fa7a44f),
    ("72322fa7", generate_72322fa7),
    ("72ca375d", generate_72ca375d),
    ("73251a56", generate_73251a56),
    ("7447852a", generate_7447852a),
    ("7468f01a", generate_7468f01a),
    ("746b3537", generate_746b3537),
    ("74dd1130", generate_74dd1130),
    ("75b8110e", generate_75b8110e),
    ("760b3cac", generate_760b3cac),
    ("776ffc46", generate_776ffc46),
    ("77fdfe62", generate_77fdfe62),
    ("780d0b14", generate_780d0b14),
    ("7837ac64", generate_7837ac64),
    ("794b24be", generate_794b24be),
    ("7b6016b9", generate_7b6016b9),
    ("7b7f7511", generate_7b7f7511),
    ("7c008303", generate_7c008303),
    ("7ddcd7ec", generate_7ddcd7ec),
    ("7df24a62", generate_7df24a62),
    ("7e0986d6", generate_7e0986d6),
    ("7f4411dc", generate_7f4411dc),
    ("7fe24cdd", generate_7fe24cdd),
    ("80af3007", generate_80af3007),
    ("810b9b61", generate_810b9b61),
    ("82819916", generate_82819916),
    ("83302e8f", generate_83302e8f),
    ("834ec97d", generate_834ec97d),
    ("8403a5d5", generate_8403a5d5),
    ("846bdb03", generate_846bdb03),
    ("855e0971", generate_855e0971),
    ("85c4e7cd", generate_85c4e7cd),
    ("868de0fa", generate_868de0fa),
    ("8731374e", generate_8731374e),
    ("88a10436", generate_88a10436),
    ("88a62173", generate_88a62173),
    ("890034e9", generate_890034e9),
    ("8a004b2b", generate_8a004b2b),
    ("8be77c9e", generate_8be77c9e),
    ("8d5021e8", generate_8d5021e8),
    ("8d510a79", generate_8d510a79),
    ("8e1813be", generate_8e1813be),
    ("8e5a5113", generate_8e5a5113),
    ("8eb1be9a", generate_8eb1be9a),
    ("8efcae92", generate_8efcae92),
    ("8f2ea7aa", generate_8f2ea7aa),
    ("90c28cc7", generate_90c28cc7),
    ("90f3ed37", generate_90f3ed37),
    ("913fb3ed", generate_913fb3ed),
    ("91413438", generate_91413438),
    ("91714a58", generate_91714a58),
    ("9172f3a0", generate_9172f3a0),
    ("928ad970", generate_928ad970),
    ("93b581b8", generate_93b581b8),
    ("941d9a10", generate_941d9a10),
    ("94f9d214", generate_94f9d214),
    ("952a094c", generate_952a094c),
    ("9565186b", generate_9565186b),
    ("95990924", generate_95990924),
    ("963e52fc", generate_963e52fc),
    ("97999447", generate_97999447),
    ("97a05b5b", generate_97a05b5b),
    ("98cf29f8", generate_98cf29f8),
    ("995c5fa3", generate_995c5fa3),
    ("99b1bc43", generate_99b1bc43),
    ("99fa7670", generate_99fa7670),
    ("9aec4887", generate_9aec4887),
    ("9af7a82c", generate_9af7a82c),
    ("9d9215db", generate_9d9215db),
    ("9dfd6313", generate_9dfd6313),
    ("9ecd008a", generate_9ecd008a),
    ("9edfc990", generate_9edfc990),
    ("9f236235", generate_9f236235),
    ("a1570a43", generate_a1570a43),
    ("a2fd1cf0", generate_a2fd1cf0),
    ("a3325580", generate_a3325580),
    ("a3df8b1e", generate_a3df8b1e),
    ("a416b8f3", generate_a416b8f3),
    ("a48eeaf7", generate_a48eeaf7),
    ("a5313dff", generate_a5313dff),
    ("a5f85a15", generate_a5f85a15),
    ("a61ba2ce", generate_a61ba2ce),
    ("a61f2674", generate_a61f2674),
    ("a64e4611", generate_a64e4611),
    ("a65b410d", generate_a65b410d),
    ("a68b268e", generate_a68b268e),
    ("a699fb00", generate_a699fb00),
    ("a740d043", generate_a740d043),
    ("a78176bb", generate_a78176bb),
    ("a79310a0", generate_a79310a0),
    ("a85d4709", generate_a85d4709),
    ("a87f7484", generate_a87f7484),
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

/// The random grid that 5bd6f4ac, 6150a2bd, 62c24649 and others start from: a
/// background with up to nine colors sprinkled on it, `h` and `w` drawn in
/// `hb` and `wb`.
fn sprinkled_in(
    rng: &mut GenRng,
    diff_lb: f64,
    diff_ub: f64,
    hb: (i64, i64),
    wb: (i64, i64),
) -> Result<Grid> {
    let h = unifint(rng, diff_lb, diff_ub, hb);
    let w = unifint(rng, diff_lb, diff_ub, wb);
    sprinkle(rng, diff_lb, diff_ub, h, w)
}

/// [`sprinkled_in`] once `h` and `w` are drawn.
fn sprinkle(rng: &mut GenRng, diff_lb: f64, diff_ub: f64, h: i64, w: i64) -> Result<Grid> {
    let cols = dsl::interval(0, 10, 1);
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
        // `difference(inds, chos)`: a tuple filter.
        inds.retain(|l| !chos.contains(l));
    }
    Ok(gi)
}

/// [`sprinkled_in`] with sides in `(lo, 30)`.
fn sprinkled(rng: &mut GenRng, diff_lb: f64, diff_ub: f64, lo: i64) -> Result<Grid> {
    sprinkled_in(rng, diff_lb, diff_ub, (lo, 30), (lo, 30))
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
        dsl::fill_in(&mut gi, col, &obj);
        dsl::fill_in(&mut go, col, &obj.shift((-hei, 0)));
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
    let mut gi = filled_locs(gi, mostc, &mclocs);
    let go = dsl::canvas(mostc, (h, w));
    inds = inds.difference(&mclocs.iter().copied().collect::<PySet<Loc>>());
    for (&col, &count) in remcols.iter().zip(&remcounts) {
        let locs = rng.sample(&inds.to_vec(), count)?;
        inds = inds.difference(&locs.iter().copied().collect::<PySet<Loc>>());
        fill_locs_in(&mut gi, col, &locs);
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
            fill_locs_in(&mut go, col, &[occ]);
            let sh: Vec<Loc> = noisedindscands
                .iter()
                .map(|&(i, j)| (i + oi, j + oj))
                .collect();
            fill_locs_in(&mut gi, col, &sh);
        }
        let sh: Vec<Loc> = noise.iter().map(|&(i, j)| (i + oi, j + oj)).collect();
        fill_locs_in(&mut gi, 5, &sh);
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
    let sp = rng.choice_in(&bb)?;
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
    dsl::fill_in(&mut gi, 2, &dsl::connect((0, barlocj), (h - 1, barlocj)));
    let mut go = dsl::fill(&gi, objc, &obj.shift((loci, barlocj + 1)));
    go = dsl::fill(
        &go,
        8,
        &dsl::connect((0, barlocj + ow + 1), (h - 1, barlocj + ow + 1)),
    );
    dsl::fill_in(&mut gi, objc, &obj.shift((loci, locj)));
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
            fill_locs_in(&mut gi, col, &cnrs);
            dsl::fill_in(&mut go, col, &bd);
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
    let mut obj: PySet<Loc> = std::iter::once(rng.choice_in(&bounds)?).collect();
    let ncellsd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
    let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
    let ncells = ncells.max(3).min(oh * ow);
    for _ in 0..ncells - 1 {
        grow_box8(rng, &bounds, &mut obj, dsl::neighbors)?;
    }
    let obj = normalize_set(&obj);
    let (oh, ow) = dsl::shape(&obj);
    let fixp = rng.choice_in(&obj)?;
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
    dsl::paint_in(&mut gi, &plcd);
    let mut go = gi.clone();
    // `inds` as CPython's table of grid locations (`GridSet`); `cands`
    // for each upscaled shape kept until it changes.
    // (Each location once: clean inserts, the same table as adds.)
    let ofbg = GridSet::from_distinct(gi.iter().enumerate().flat_map(|(i, row)| {
        row.iter()
            .enumerate()
            .filter(|&(_, &v)| v == bgc)
            .map(move |(j, _)| gid((i as i64, j as i64)))
    }));
    let around = Around::new(plcd.iter().map(|c| c.1), dsl::neighbors);
    let mut inds = ofbg.difference_where(around.len(), |id| around.contains(&gloc(id)));
    let mut kept_cands: Vec<(Loc, Vec<u16>)> = Vec::new();
    // `upscale(obj, fac)` depends on `fac` alone (`obj` is fixed, at the
    // origin): its locations (each cell's block) and shape kept per factor,
    // its table built once it is first placed (its order is read only then).
    let mut ups: [Option<(Vec<Loc>, Loc)>; 4] = Default::default();
    let mut ups_exact: [Option<Object>; 4] = Default::default();
    let nocc = unifint(rng, diff_lb, diff_ub, (1, (h * w) / (4 * obj.len() as i64)));
    let (mut tr, mut succ) = (0, 0);
    let maxtr = 5 * nocc;
    while succ < nocc && tr < maxtr {
        tr += 1;
        let fac = rng.randint(1, 4)?;
        let (uplocs, (hh, ww)) = &*ups[(fac - 1) as usize].get_or_insert_with(|| {
            let mut locs: Vec<Loc> = Vec::with_capacity(obj.len() * (fac * fac) as usize);
            for &(_, (i, j)) in obj.iter() {
                for io in 0..fac {
                    locs.extend((0..fac).map(|jo| (i * fac + io, j * fac + jo)));
                }
            }
            (locs, (oh * fac, ow * fac))
        });
        let (hh, ww) = (*hh, *ww);
        let k = match kept_cands.iter().position(|(key, _)| *key == (hh, ww)) {
            Some(k) => k,
            None => {
                let fits = |id| {
                    let (i, j) = gloc(id);
                    i <= h - hh && j <= w - ww
                };
                kept_cands.push(((hh, ww), inds.filter(fits).iter().collect()));
                kept_cands.len() - 1
            }
        };
        let cands = &kept_cands[k].1;
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        // `objupsplcdi.issubset(inds)`: a yes or no over distinct
        // locations, so the shifted object is built only once it fits.
        if uplocs
            .iter()
            .all(|&(i, j)| inds.contains(gid((i + loc.0, j + loc.1))))
        {
            let objups =
                ups_exact[(fac - 1) as usize].get_or_insert_with(|| upscale_cells(&obj, fac));
            let objupsplcd = objups.shift(loc);
            succ += 1;
            let newc = pick(rng, &remcols)?;
            let fixp2 = dsl::sfilter(&objupsplcd, |c| c.0 == fixc);
            // `mapply(neighbors, objupsplcdi)`: subtracted, so only its
            // size and membership count.
            let around = Around::new(
                uplocs.iter().map(|&(i, j)| (i + loc.0, j + loc.1)),
                dsl::neighbors,
            );
            let around: Vec<u16> = around.cells().iter().map(|&l| gid(l)).collect();
            inds = inds.difference_ids(&around);
            kept_cands.clear();
            dsl::paint_in(&mut gi, &fixp2);
            dsl::paint_in(&mut go, &fixp2);
            let remobj = &objupsplcd - &fixp2;
            let remobjfull = dsl::toindices(&remobj);
            let ntorem = unifint(
                rng,
                diff_lb,
                diff_ub,
                (0, 0.max(remobjfull.len() as i64 - 1)),
            );
            let ntokeep = remobjfull.len() as i64 - ntorem;
            let first = pick(rng, &(&remobjfull & &dsl::outbox(&fixp2)).to_vec())?;
            // `remobjfull`, `tokeep`, `fixp2i`, `mapply(neighbors, tokeep |
            // fixp2i)` and the options drawn from as CPython's tables of
            // location numbers (`GridSet`): all lie in the grid or next to it.
            // (`toindices` adds an object's locations in its order.)
            let rem = GridSet::from_distinct(remobj.iter().map(|c| gid(c.1)));
            let mut tokeep = GridSet::from_adds([gid(first)]);
            let mut tokeep_ids = vec![gid(first)];
            let fixp2i = GridSet::from_distinct(fixp2.iter().map(|c| gid(c.1)));
            // `mapply(neighbors, tokeep | fixp2i)` for its size and
            // membership, grown with `tokeep` (a mask over the grid frame).
            let mut near = vec![false; (GRID_SIDE * GRID_SIDE) as usize];
            let mut near_len = 0;
            let spread = |l: Loc, near: &mut [bool], near_len: &mut usize| {
                for di in -1..=1 {
                    for dj in -1..=1 {
                        let n = gid((l.0 + di, l.1 + dj)) as usize;
                        if (di, dj) != (0, 0) && !near[n] {
                            near[n] = true;
                            *near_len += 1;
                        }
                    }
                }
            };
            for id in fixp2i.iter().chain(tokeep.iter()) {
                spread(gloc(id), &mut near, &mut near_len);
            }
            for _ in 0..ntokeep - 1 {
                // `remobjfull & mapply(...)`: CPython walks the smaller
                // operand (the mapply on a tie) and adds its members found
                // in the other, in its order, to a new set.
                let fullopts = if near_len > rem.len() {
                    rem.filter(|id| near[id as usize])
                } else {
                    tokeep
                        .union(&fixp2i)
                        .mapply_neighbors()
                        .filter(|id| rem.contains(id))
                };
                let remopts: Vec<u16> = fullopts.difference_ids(&tokeep_ids).iter().collect();
                let added = pick(rng, &remopts)?;
                tokeep.add(added);
                tokeep_ids.push(added);
                spread(gloc(added), &mut near, &mut near_len);
            }
            let kept: Vec<Loc> = tokeep.iter().map(gloc).collect();
            fill_locs_in(&mut gi, newc, &kept);
            dsl::fill_in(&mut go, newc, &remobjfull);
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
    let gi = sprinkled(rng, diff_lb, diff_ub, 4)?;
    let go = dsl::rot90(&dsl::crop(&dsl::rot270(&gi), (0, 0), (3, 3)));
    ex(gi, go)
}

fn generate_5c0a986e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = rng.choice(&cols)?;
    let nobjs = unifint(rng, diff_lb, diff_ub, (2, (h * w) / 10));
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    let (mut tr, mut succ) = (0, 0);
    let maxtr = 5 * nobjs;
    // `inds`' order is read (the choice over its sfilter), so it stays
    // CPython's table, as a `GridSet`; the sfilter (of one shape) is kept
    // until `inds` changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo: Option<Vec<u16>> = None;
    let in_grid = |l: Loc| in_rect(l, (0, 0), (h - 1, w - 1));
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let cands = memo.get_or_insert_with(|| {
            let fits = |id| {
                let (i, j) = gloc(id);
                0 < i && i <= h - 3 && 0 < j && j <= w - 3
            };
            inds.filtered_order(fits)
        });
        if cands.is_empty() {
            break;
        }
        let loc = gloc(rng.choice(cands)?);
        let col = rng.choice(&[1, 2])?;
        // `sq` and `obj` are only subset-tested, subtracted (size and
        // membership) and filled: lists of their distinct locations.
        let sq = [
            loc,
            (loc.0, loc.1 + 1),
            (loc.0 + 1, loc.1),
            (loc.0 + 1, loc.1 + 1),
        ];
        let dir = if col == 1 { (-1, -1) } else { (1, 1) };
        // `sq | (shoot(loc, dir) & fullinds)`: the ray's cells in the grid
        // (`loc + t * dir` for t up to 42), those of `sq` once.
        let mut obj = sq.to_vec();
        obj.extend(
            (1..=42)
                .map(|t| (loc.0 + t * dir.0, loc.1 + t * dir.1))
                .filter(|&l| in_grid(l) && !sq.contains(&l)),
        );
        if obj.iter().all(|&l| inds.contains(gid(l))) {
            succ += 1;
            // `(inds - obj) - mapply(dneighbors, sq)`.
            let ids: Vec<u16> = obj.iter().map(|&l| gid(l)).collect();
            let near = Around::new(sq.iter().copied(), dsl::dneighbors);
            inds = inds.difference_ids(&ids).difference_locs(near.cells());
            memo = None;
            fill_locs_in(&mut gi, col, sq.iter());
            fill_locs_in(&mut go, col, obj.iter());
        }
    }
    ex(gi, go)
}

fn generate_5c2c9af4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let boxhd = unifint(rng, diff_lb, diff_ub, (0, h / 2));
    let boxwd = unifint(rng, diff_lb, diff_ub, (0, w / 2));
    let mut boxh = rng.choice(&[boxhd, h - boxhd])?;
    let mut boxw = rng.choice(&[boxwd, w - boxwd])?;
    if boxh.rem_euclid(2) == 0 {
        boxh = rng.choice(&[boxh - 1, boxh + 1])?;
    }
    if boxw.rem_euclid(2) == 0 {
        boxw = rng.choice(&[boxw - 1, boxw + 1])?;
    }
    let boxh = boxh.max(1).min(if h % 2 == 1 { h } else { h - 1 });
    let boxw = boxw.max(1).min(if w % 2 == 1 { w } else { w - 1 });
    let loci = rng.randint(0, h - boxh)?;
    let locj = rng.randint(0, w - boxw)?;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let fgc = rng.choice(&remcols)?;
    let c = dsl::canvas(bgc, (h, w));
    let (cpi, cpj) = (loci + boxh / 2, locj + boxw / 2);
    let cp = (cpi, cpj);
    let a = (loci, locj);
    let b = (loci + boxh - 1, locj + boxw - 1);
    let ooo: Indices = [a, b, cp].into_iter().collect();
    let mut gi = dsl::fill(&c, fgc, &ooo);
    let mut go = gi.clone();
    let mut cond = true;
    if dsl::hline(&ooo) && ooo.len() == 3 {
        dsl::fill_in(&mut go, fgc, &dsl::hfrontier(cp));
        cond = false;
    }
    if dsl::vline(&ooo) && ooo.len() == 3 {
        dsl::fill_in(&mut go, fgc, &dsl::vfrontier(cp));
        cond = false;
    }
    let mut k = 1;
    while cond {
        let (f1, f2) = (k * (boxh / 2), k * (boxw / 2));
        let bx = dsl::r#box(&pair_set((cpi - f1, cpj - f2), (cpi + f1, cpj + f2)));
        let go2 = dsl::fill(&go, fgc, &bx);
        cond = go != go2;
        go = go2;
        k += 1;
    }
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

/// `len(frontiers(grid))`: the uniform rows and columns of a grid of at
/// least two rows and columns (no row's frontier equals a column's, so the
/// union holds them all).
fn frontier_count_5daaa586(grid: &Grid) -> usize {
    let rows = grid.iter().filter(|r| r.iter().all(|&v| v == r[0])).count();
    let w = grid.first().map_or(0, Vec::len);
    let cols = (0..w)
        .filter(|&j| grid.iter().all(|r| r[j] == grid[0][j]))
        .count();
    rows + cols
}

fn generate_5daaa586(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (7, 30));
    let w = unifint(rng, diff_lb, diff_ub, (7, 30));
    let mut loci1 = rng.randint(1, h - 4)?;
    let mut locj1 = rng.randint(1, w - 4)?;
    let loci1dev = unifint(rng, diff_lb, diff_ub, (0, loci1 - 1));
    let locj1dev = unifint(rng, diff_lb, diff_ub, (0, locj1 - 1));
    loci1 -= loci1dev;
    locj1 -= locj1dev;
    let loci2 = unifint(rng, diff_lb, diff_ub, (loci1 + 2, h - 2));
    let locj2 = unifint(rng, diff_lb, diff_ub, (locj1 + 2, w - 2));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let cs = rng.sample(&remcols, 4)?;
    let (c1, c2, c3, c4) = (cs[0], cs[1], cs[2], cs[3]);
    // Each front is one color over a whole row or column (`true` for a
    // row): painted in the shuffled order, a later one wins where they
    // cross, and nothing else reads them.
    let mut fronts = vec![
        (c1, true, loci1),
        (c2, true, loci2),
        (c3, false, locj1),
        (c4, false, locj2),
    ];
    rng.shuffle(&mut fronts);
    let mut gi = dsl::canvas(bgc, (h, w));
    for &(c, is_row, k) in &fronts {
        if is_row {
            gi[k as usize].fill(c);
        } else {
            for row in gi.iter_mut() {
                row[k as usize] = c;
            }
        }
    }
    // `totuple(ofcolor(gi, bgc))`: the order of the table that adds them
    // row by row (`GridSet`).
    let cands: Vec<Loc> = ofcolor_set(&gi, bgc).iter().map(gloc).collect();
    let nn = cands.len() as i64;
    let nnoise = unifint(rng, diff_lb, diff_ub, (1, 1.max(nn / 3)));
    let mut noise = rng.sample(&cands, nnoise)?;
    fill_locs_in(&mut gi, c1, &noise);
    let count = |g: &Grid, c: i64| g.iter().flatten().filter(|&&v| v == c).count();
    while frontier_count_5daaa586(&gi) > 4 {
        fill_locs_in(&mut gi, bgc, &noise);
        let nnoise = unifint(rng, diff_lb, diff_ub, (1, 1.max(nn / 3)));
        noise = rng.sample(&cands, nnoise)?;
        // `len(set(noise) & ofcolor(gi, c1)) >= len(ofcolor(gi, bgc))`:
        // counts, read from the grid (the noise locations are distinct).
        let on_c1 = noise
            .iter()
            .filter(|&&(i, j)| gi[i as usize][j as usize] == c1)
            .count();
        if on_c1 >= count(&gi, bgc) {
            break;
        }
        fill_locs_in(&mut gi, c1, &noise);
    }
    let mut go = dsl::crop(&gi, (loci1, locj1), (loci2 - loci1 + 1, locj2 - locj1 + 1));
    // `fill(go, c1, mapply(rbind(shoot, (-1, 0)), ofcolor(go, c1)))`: one
    // value over the column above each `c1` cell (itself included).
    for j in 0..go.first().map_or(0, Vec::len) {
        if let Some(lowest) = (0..go.len()).rev().find(|&i| go[i][j] == c1) {
            for row in go.iter_mut().take(lowest + 1) {
                row[j] = c1;
            }
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_60b61512(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&7, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numcols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 20));
    // `indss`' order is read (the choice over its sfilter): CPython's table
    // (`GridSet`).
    let mut indss = GridSet::asindices((h, w));
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    // `sfilter(indss, ...)` per box size while `indss` is unchanged (the
    // same as `FitMemo`'s with one row and column more).
    let mut memo = FitMemo::default();
    let hashes = loc10_hashes();
    while succ < num && tr <= maxtrials {
        if indss.len() == 0 {
            break;
        }
        let oh = rng.randint(2, 7)?;
        let ow = rng.randint(2, 7)?;
        let subs = memo.fitting(&indss, (h, w), (oh + 1, ow + 1));
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(subs)?);
        // `indsss` and `obj` lie in the `oh` by `ow` box (at most 7 by 7):
        // CPython's tables of them as ids (`BoxShape`).
        let indsss = BoxShape::asindices(hashes, (oh, ow));
        let chch = indsss.choose(rng)?;
        let mut obj = BoxShape::from_locs(hashes, [loc10(chch)]);
        let indsss = indsss.without(chch);
        let numcd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
        let numc = rng.choice(&[numcd, oh * ow - numcd])?;
        let numc = numc.max(2).min(oh * ow - 1);
        // `indsss`' table is read only when `box8_meet_ids` walks it: the
        // differences `indsss - obj` (each reading `obj`'s size and
        // membership then) wait in `pending` and are replayed in order
        // when it is, or never; its mask is kept up to date.
        let (mut rest_set, mut rest_mask) = (indsss.set, indsss.mask);
        let mut pending: Vec<(usize, u128)> = Vec::new();
        for _ in 0..numc {
            // `indsss & mapply(neighbors, obj)`.
            let cands = box8_meet_ids(
                || {
                    for (len, mask) in pending.drain(..) {
                        rest_set = rest_set.difference_where(len, |id| mask >> id & 1 != 0);
                    }
                    rest_set.clone()
                },
                rest_mask,
                obj.set.iter(),
                obj.mask,
                dsl::neighbors,
            )
            .order();
            obj.add(pick(rng, &cands)?);
            // `indsss = indsss - obj`.
            pending.push((obj.set.len(), obj.mask));
            rest_mask &= !obj.mask;
        }
        // `obj`, `bd = backdrop(obj)` and `outbox(bd)` are filled, tested and
        // subtracted: read for their cells, sizes and membership only.
        let obj: Vec<Loc> = obj.locs().map(|(i, j)| (i + loci, j + locj)).collect();
        let (top, bottom) = bounds_of(&obj.iter().map(|l| l.0).collect::<Vec<_>>());
        let (left, right) = bounds_of(&obj.iter().map(|l| l.1).collect::<Vec<_>>());
        let (ul, lr) = ((top, left), (bottom, right));
        let col = rng.choice(&ccols)?;
        if (top..=bottom).all(|i| (left..=right).all(|j| in_grid_set(&indss, (i, j)))) {
            fill_locs_in(&mut gi, col, &obj);
            fill_rect(&mut go, 7, ul, lr);
            fill_locs_in(&mut go, col, &obj);
            succ += 1;
            indss = indss.minus_rect_and_outbox(ul, lr);
            memo.changed();
        }
        tr += 1;
    }
    ex(gi, go)
}

fn generate_6150a2bd(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled(rng, diff_lb, diff_ub, 1)?;
    let go = dsl::rot180(&gi);
    ex(gi, go)
}

fn generate_623ea044(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&colopts)?;
    let g = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&g).to_vec();
    // `max(int(h * w * 0.1), 1)`: a float product, truncated.
    let card_ub = 1.max(((h * w) as f64 * 0.1) as i64);
    let numdots = unifint(rng, diff_lb, diff_ub, (0, card_ub));
    let dots = rng.sample(&inds, numdots)?;
    let fgc = rng.choice(&dsl::remove(&bgc, &colopts))?;
    let gi = fill_locs(&g, fgc, &dots);
    let mut go = gi.clone();
    for dir in [(-1, 1), (1, -1), (1, 1), (-1, -1)] {
        for &d in &dots {
            dsl::fill_in(&mut go, fgc, &dsl::shoot(d, dir));
        }
    }
    ex(gi, go)
}

fn generate_62c24649(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled_in(rng, diff_lb, diff_ub, (1, 15), (1, 15))?;
    let top = dsl::hconcat(&gi, &dsl::vmirror_grid(&gi));
    let bottom = dsl::hconcat(
        &dsl::hmirror_grid(&gi),
        &dsl::hmirror_grid(&dsl::vmirror_grid(&gi)),
    );
    let go = dsl::vconcat(&top, &bottom);
    ex(gi, go)
}

/// 63613498's random shape: a cell of an `objh` by `objw` box grown by
/// `unifint` more cells next to it, as the set iterates (its order is read
/// only by `normalize`'s adds). `bounds` and the shape are read in their
/// orders (draws): CPython's tables over the 8 by 8 box when the box fits
/// it, else sets.
fn grown_shape(
    rng: &mut GenRng,
    diff_lb: f64,
    diff_ub: f64,
    objh: i64,
    objw: i64,
) -> Result<Vec<Loc>> {
    if objh <= 8 && objw <= 8 {
        let hashes = loc10_hashes();
        let bounds = BoxShape::asindices(hashes, (objh, objw));
        let sp = bounds.choose(rng)?;
        let mut obj = BoxShape::from_locs(hashes, [loc10(sp)]);
        let ncells = unifint(rng, diff_lb, diff_ub, (1, objh * objw));
        for _ in 0..ncells - 1 {
            obj.grow(rng, &bounds, dsl::dneighbors)?;
        }
        return Ok(obj.locs().collect());
    }
    let bounds = asindices_of((objh, objw));
    let sp = rng.choice_in(&bounds)?;
    let mut obj: PySet<Loc> = std::iter::once(sp).collect();
    let ncells = unifint(rng, diff_lb, diff_ub, (1, objh * objw));
    for _ in 0..ncells - 1 {
        grow(rng, &bounds, &mut obj)?;
    }
    Ok(obj.iter().copied().collect())
}

fn generate_63613498(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bs = rng.sample(&cols, 2)?;
    let (bgc, sepc) = (bs[0], bs[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&sepc, &cols));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, ncols)?;
    let objh = unifint(rng, diff_lb, diff_ub, (1, h / 3));
    let objw = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let obj = grown_shape(rng, diff_lb, diff_ub, objh, objw)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let objc = rng.choice(&ccols)?;
    fill_locs_in(&mut gi, objc, obj.iter());
    // `sep`, two lines of one value, filled as cells; its backdrop is the
    // rectangle from the origin to their corner (only subtracted: size and
    // membership).
    let corner = (objh + 1, objw + 1);
    let mut sep = rect_cells((corner.0, 0), corner);
    sep.extend(rect_cells((0, corner.1), corner));
    fill_locs_in(&mut gi, sepc, &sep);
    // `inds` is read in its order (the placement draws from its sfilter):
    // CPython's table as location numbers, each sfilter kept per shape
    // until `inds` changes.
    let mut inds = GridSet::asindices((h, w))
        .difference_where(((objh + 2) * (objw + 2)) as usize, |id| {
            in_rect(gloc(id), (0, 0), corner)
        });
    let mut memo = FitMemo::default();
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 20));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nobjs;
    // The shapes' orders are not read once normalized (equality, shape,
    // placed cells tested, filled and subtracted): cells.
    let sorted = |o: &[Loc]| {
        let mut v = o.to_vec();
        v.sort_unstable();
        v
    };
    let baseobj = sorted(&normalized(&obj));
    let mut obj = normalized(&obj);
    let mut go = gi.clone();
    while (succ < nobjs && tr < maxtr) || succ == 0 {
        tr += 1;
        let oh = obj.iter().map(|l| l.0).max().unwrap_or(-1) + 1;
        let ow = obj.iter().map(|l| l.1).max().unwrap_or(-1) + 1;
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            break;
        }
        let loc = gloc(rng.choice(cands)?);
        let plcd: Vec<Loc> = obj.iter().map(|&l| dsl::add(l, loc)).collect();
        if plcd.len() <= inds.len() && plcd.iter().all(|&l| inds.contains(gid(l))) {
            let col = rng.choice(&ccols)?;
            fill_locs_in(&mut gi, col, &plcd);
            fill_locs_in(&mut go, if succ == 0 { sepc } else { col }, &plcd);
            succ += 1;
            // `(inds - plcd) - mapply(dneighbors, plcd)`: sizes and
            // membership of distinct locations.
            let ids: Vec<u16> = plcd.iter().map(|&l| gid(l)).collect();
            let near = Around::new(plcd.iter().copied(), dsl::dneighbors);
            inds = inds.difference_ids(&ids).difference_locs(near.cells());
            memo.changed();
        }
        let mut objh = rng.randint(1, h / 3)?;
        let mut objw = rng.randint(if objh == 1 { 2 } else { 1 }, w / 3)?;
        if rng.choice(&[true, false])? {
            std::mem::swap(&mut objh, &mut objw);
        }
        let grown = normalized(&grown_shape(rng, diff_lb, diff_ub, objh, objw)?);
        obj = if sorted(&grown) == baseobj {
            // `set(normalize(obj))`, read in its order from here: the
            // frozenset `normalize` adds in the grown set's order, copied.
            let mut shp = grown.iter().copied().collect::<Indices>().thaw();
            if (shp.len() as i64) < objh * objw {
                grow(rng, &asindices_of((objh, objw)), &mut shp)?;
            } else {
                let cnr = rng.choice_in(&dsl::corners(&shp.freeze()))?;
                // `remove(x, a_set)` builds a new set by iterating it.
                shp = shp.iter().filter(|&&l| l != cnr).copied().collect();
            }
            normalized(&shp.iter().copied().collect::<Vec<_>>())
        } else {
            grown
        };
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_6430c8c4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&3, &dsl::interval(0, 10, 1));
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
    // Python draws from `(numadev, h * w - numbdev)` here.
    let numb = rng.choice(&[numadev, h * w - numbdev])?;
    let numa = numa.max(1).min(h * w - 1);
    let numb = numb.max(1).min(h * w - 1);
    let aset = rng.sample(&inds, numa)?;
    let bset = rng.sample(&inds, numb)?;
    let a = fill_locs(&c, acol, &aset);
    let b = fill_locs(&c, bcol, &bset);
    let mut gi = dsl::hconcat(&dsl::hconcat(&a, &bar), &b);
    let res: Vec<Loc> = inds
        .iter()
        .filter(|l| !aset.contains(l) && !bset.contains(l))
        .copied()
        .collect();
    let mut go = fill_locs(&c, 3, &res);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

/// One of 6455b5f5's objects (`objects(gi, T, T, F)`): its color, size,
/// `(top, left, bottom, right)` and hash.
struct Comp6455 {
    color: i64,
    size: usize,
    bounds: (i64, i64, i64, i64),
    hash: i64,
}

/// The objects of `objects(grid, T, T, F)` in the order `objects` adds
/// them (by first cell in `asindices`' order), from the grid's component
/// labels; hashes are taken from `known` (by first cell, color and size)
/// or computed from the cells and kept there.
fn components_6455b5f5(
    grid: &Grid,
    known: &mut std::collections::HashMap<(Loc, i64, usize), i64>,
) -> Vec<Comp6455> {
    let (h, w) = dsl::shape_grid(grid);
    let (label, n) = component_labels(grid, true);
    let mut size = vec![0usize; n];
    let mut color = vec![0i64; n];
    let mut bounds = vec![(i64::MAX, i64::MAX, i64::MIN, i64::MIN); n];
    for (i, row) in grid.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            let k = label[i * w as usize + j];
            let (i, j) = (i as i64, j as i64);
            size[k] += 1;
            color[k] = v;
            let (t, l, b, r) = bounds[k];
            bounds[k] = (t.min(i), l.min(j), b.max(i), r.max(j));
        }
    }
    let mut added: Vec<(usize, Loc)> = Vec::with_capacity(n);
    let mut seen = vec![false; n];
    for &(i, j) in dsl::asindices_order(h, w).iter() {
        let k = label[(i * w + j) as usize];
        if !seen[k] {
            seen[k] = true;
            added.push((k, (i, j)));
        }
    }
    let mut hash: Vec<Option<i64>> = added
        .iter()
        .map(|&(k, first)| known.get(&(first, color[k], size[k])).copied())
        .collect();
    if hash.iter().any(Option::is_none) {
        // The cells' hashes of the objects not met before, by label.
        let mut slot = vec![usize::MAX; n];
        for (x, &(k, _)) in added.iter().enumerate() {
            if hash[x].is_none() {
                slot[k] = x;
            }
        }
        let mut cells: Vec<Vec<i64>> = vec![Vec::new(); added.len()];
        for (i, row) in grid.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                let x = slot[label[i * w as usize + j]];
                if x != usize::MAX {
                    cells[x].push(cell_hash(&(v, (i as i64, j as i64))));
                }
            }
        }
        for (x, &(k, first)) in added.iter().enumerate() {
            if hash[x].is_none() {
                let hv = pycompat::frozenset_hash_of(cells[x].iter().copied());
                known.insert((first, color[k], size[k]), hv);
                hash[x] = Some(hv);
            }
        }
    }
    added
        .iter()
        .zip(hash)
        .map(|(&(k, _), hv)| Comp6455 {
            color: color[k],
            size: size[k],
            bounds: bounds[k],
            hash: hv.expect("every hash is known or computed"),
        })
        .collect()
}

fn generate_6455b5f5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 8]);
    let (gi, lblues, dblues) = loop {
        let h = unifint(rng, diff_lb, diff_ub, (6, 30));
        let w = unifint(rng, diff_lb, diff_ub, (6, 30));
        let bgc = rng.choice(&cols)?;
        let fgc = rng.choice(&dsl::remove(&bgc, &cols))?;
        let mut gi = dsl::canvas(bgc, (h, w));
        let ub = (((h * w) as f64).powf(0.5) * 1.5) as i64;
        let num = unifint(rng, diff_lb, diff_ub, (1, ub));
        // Hashes of objects met before, by (first cell, color, size): the
        // fill turns background cells into `fgc` only, so a background
        // object can only lose cells and an `fgc` one only gain them, and
        // one with the same first cell, color and size is the same object.
        let mut known: std::collections::HashMap<(Loc, i64, usize), i64> =
            std::collections::HashMap::new();
        for _ in 0..num {
            // `colorfilter(objects(gi, T, T, F), bgc)` and its sfilter are
            // read for their orders (argmax's first largest, a choice),
            // which come from the objects' hashes and the order `objects`
            // adds them in (by first cell in `asindices`' order), and the
            // chosen object for its size and bounds: the components are
            // labelled, no object is built.
            let found = components_6455b5f5(&gi, &mut known);
            let hashes: Vec<i64> = found.iter().map(|o| o.hash).collect();
            let objs: Vec<usize> = set_frozen_order(&hashes)
                .into_iter()
                .filter(|&k| found[k].color == bgc)
                .collect();
            let objs = reordered(&objs, |k| hashes[k]);
            let bounds = |k: usize| found[k].bounds;
            let eligobjs: Vec<usize> = objs
                .into_iter()
                .filter(|&k| {
                    let (t, l, b, r) = bounds(k);
                    b - t + 1 > 2 || r - l + 1 > 2
                })
                .collect();
            let eligobjs = reordered(&eligobjs, |k| hashes[k]);
            if eligobjs.is_empty() {
                break;
            }
            let ro = if rng.choice(&[true, false])? {
                *dsl::argmax(eligobjs.iter(), |&k| found[k].size).expect("eligobjs is not empty")
            } else {
                rng.choice(&eligobjs)?
            };
            let (top, left, bottom, right) = bounds(ro);
            let (height, width) = (bottom - top + 1, right - left + 1);
            let mut vfr = if rng.choice(&[true, false])? {
                height < width
            } else {
                rng.choice(&[true, false])?
            };
            if vfr && width < 3 {
                vfr = false;
            }
            if !vfr && height < 3 {
                vfr = true;
            }
            // `ln = connect(...)`, a column or a row, filled with one color.
            if vfr {
                let j = rng.randint(left + 1, right - 1)?;
                fill_rect(&mut gi, fgc, (top, j), (bottom, j));
            } else {
                let j = rng.randint(top + 1, bottom - 1)?;
                fill_rect(&mut gi, fgc, (j, left), (j, right));
            }
        }
        // The background objects' sizes and cells alone are used below (a
        // min, a max, fills), so components are labelled, not built.
        let (label, n) = component_labels(&gi, true);
        let mut sizes = vec![0usize; n];
        let mut is_bg = vec![false; n];
        for (&k, &v) in label.iter().zip(gi.iter().flatten()) {
            sizes[k] += 1;
            is_bg[k] = v == bgc;
        }
        let bg_sizes = || {
            sizes
                .iter()
                .zip(&is_bg)
                .filter(|(_, &b)| b)
                .map(|(&s, _)| s)
        };
        let (smallest, largest) = (bg_sizes().min(), bg_sizes().max());
        if smallest != largest {
            let mask_of = |size: Option<usize>| -> Vec<bool> {
                label
                    .iter()
                    .map(|&k| is_bg[k] && Some(sizes[k]) == size)
                    .collect()
            };
            let (lblues, dblues) = (mask_of(smallest), mask_of(largest));
            break (gi, lblues, dblues);
        }
    };
    let go = fill_mask(&gi, 8, &lblues);
    let go = fill_mask(&go, 1, &dblues);
    ex(gi, go)
}

/// 662c240a's block: a `d` by `d` grid symmetric about its diagonal, the
/// upper triangle's colors drawn from `tcolset` cell by cell.
fn symmetric_block(rng: &mut GenRng, c: &Grid, tria: &[Loc], tcolset: &[i64]) -> Result<Grid> {
    let mut triaf: Vec<Cell> = Vec::with_capacity(tria.len());
    for &ij in tria {
        triaf.push((rng.choice(tcolset)?, ij));
    }
    // `triaf | dmirror(triaf)`: every location gets one color, so painting
    // in any order gives the same grid.
    let mut g = c.clone();
    for &(v, (i, j)) in &triaf {
        g[i as usize][j as usize] = v;
        g[j as usize][i as usize] = v;
    }
    Ok(g)
}

fn generate_662c240a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let d = unifint(rng, diff_lb, diff_ub, (2, 7));
    let ng = unifint(rng, diff_lb, diff_ub, (2, 30 / d));
    let nc = unifint(rng, diff_lb, diff_ub, (2, 9.min(d * d)));
    let c = dsl::canvas(-1, (d, d));
    let inds = dsl::asindices(&c).to_vec();
    let tria: Vec<Loc> = inds.iter().filter(|l| l.1 >= l.0).copied().collect();
    let tcolset = rng.sample(&cols, nc)?;
    let mut gik = symmetric_block(rng, &c, &tria, &tcolset)?;
    let ndistinv = unifint(rng, diff_lb, diff_ub, (0, d * (d - 1) / 2 - 1));
    let ndist = d * (d - 1) / 2 - ndistinv;
    let offdiag: Vec<Loc> = inds.iter().filter(|l| l.0 != l.1).copied().collect();
    let distinds = rng.sample(&offdiag, ndist)?;
    for (i, j) in distinds {
        let (a, b) = (gik[i as usize][j as usize], gik[j as usize][i as usize]);
        let v = if a == b {
            pick(rng, &dsl::remove(&a, &tcolset))?
        } else {
            b
        };
        gik[i as usize][j as usize] = v;
    }
    let mut gi = gik.clone();
    let go = gik;
    let vertical = rng.choice(&[false, true])?;
    let concatf = |a: &Grid, b: &Grid| {
        if vertical {
            dsl::vconcat(a, b)
        } else {
            dsl::hconcat(a, b)
        }
    };
    for _ in 0..ng - 1 {
        let tcolset = rng.sample(&cols, nc)?;
        let gik = symmetric_block(rng, &c, &tria, &tcolset)?;
        gi = if rng.choice(&[true, false])? {
            concatf(&gi, &gik)
        } else {
            concatf(&gik, &gi)
        };
    }
    ex(gi, go)
}

fn generate_67385a82(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[0, 8]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let col = rng.choice(&cols)?;
    let gi = dsl::canvas(0, (h, w));
    // `totuple(asindices(gi))`: the table's order (`GridSet`).
    let inds: Vec<Loc> = GridSet::asindices((h, w)).iter().map(gloc).collect();
    let n = inds.len() as i64;
    let ncd = unifint(rng, diff_lb, diff_ub, (0, n / 2));
    let nc = rng.choice(&[ncd, n - ncd])?;
    let nc = nc.max(1).min(n - 1);
    let locs = rng.sample(&inds, nc)?;
    let gi = filled_locs(gi, col, &locs);
    // `blues`, the cells of `col` outside single-cell objects (univalued,
    // four-connected; `col` is never the zero background), is only filled:
    // the `col` cells with a `col` cell beside them, read off the grid.
    let mut go = gi.clone();
    let at = |i: i64, j: i64| {
        (0..h).contains(&i) && (0..w).contains(&j) && gi[i as usize][j as usize] == col
    };
    for i in 0..h {
        for j in 0..w {
            if at(i, j) && (at(i - 1, j) || at(i + 1, j) || at(i, j - 1) || at(i, j + 1)) {
                go[i as usize][j as usize] = 8;
            }
        }
    }
    ex(gi, go)
}

fn generate_673ef223(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&4, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let barh = unifint(rng, diff_lb, diff_ub, (2, (h - 1) / 2));
    let ncells = unifint(rng, diff_lb, diff_ub, (1, barh));
    let bbd = rng.sample(&cols, 3)?;
    let (bgc, barc, dotc) = (bbd[0], bbd[1], bbd[2]);
    let sg = dsl::canvas(bgc, (barh, w));
    let mut topsgi = dsl::fill(&sg, barc, &dsl::connect((0, 0), (barh - 1, 0)));
    let botsgi = dsl::vmirror_grid(&topsgi);
    let mut topsgo = topsgi.clone();
    let mut botsgo = botsgi.clone();
    let ilocs = rng.sample(&dsl::interval(0, barh, 1), ncells)?;
    for k in ilocs {
        let jloc = rng.randint(2, w - 2)?;
        fill_locs_in(&mut topsgi, dotc, &[(k, jloc)]);
        fill_locs_in(&mut topsgo, 4, &[(k, jloc)]);
        dsl::fill_in(&mut topsgo, dotc, &dsl::connect((k, 1), (k, jloc - 1)));
        dsl::fill_in(&mut botsgo, dotc, &dsl::connect((k, 0), (k, w - 2)));
    }
    let mut outpi = vec![topsgi, botsgi];
    let mut outpo = vec![topsgo, botsgo];
    let rr = dsl::canvas(bgc, (1, w));
    let rows = |o: &[Grid]| o.iter().map(Vec::len).sum::<usize>() as i64;
    while rows(&outpi) < h {
        let idx = rng.randint(0, outpi.len() as i64 - 1)? as usize;
        outpi.insert(idx, rr.clone());
        outpo.insert(idx, rr.clone());
    }
    let mut gi: Grid = outpi.concat();
    let mut go: Grid = outpo.concat();
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    ex(gi, go)
}

fn generate_6773b310(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&1, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let nh = unifint(rng, diff_lb, diff_ub, (2, 5));
    let nw = unifint(rng, diff_lb, diff_ub, (2, 5));
    let blf = rng.sample(&cols, 3)?;
    let (bgc, linc, fgc) = (blf[0], blf[1], blf[2]);
    let fullh = h * nh + (nh - 1);
    let fullw = w * nw + (nw - 1);
    let c = dsl::canvas(linc, (fullh, fullw));
    let smallc = dsl::canvas(bgc, (h, w));
    let mut llocs: PySet<Loc> = PySet::new();
    for a in (0..fullh).step_by((h + 1) as usize) {
        for b in (0..fullw).step_by((w + 1) as usize) {
            llocs.add((a, b));
        }
    }
    let llocs = llocs.to_vec();
    let nbldev = unifint(rng, diff_lb, diff_ub, (0, (nh * nw) / 2));
    let nbl = rng.choice(&[nbldev, nh * nw - nbldev])?;
    let nbl = nbl.max(1).min(nh * nw - 1);
    let bluelocs = rng.sample(&llocs, nbl)?;
    let bglocs: Vec<Loc> = llocs
        .iter()
        .filter(|l| !bluelocs.contains(l))
        .copied()
        .collect();
    let inds = dsl::asindices(&smallc).to_vec();
    let mut gi = c;
    let mut go = dsl::canvas(bgc, (nh, nw));
    // Each small grid is painted whole at its offset: its cells are distinct,
    // so the object's order does not matter.
    let put = |gi: &Grid, sub: &Grid, (a, b): Loc| {
        let mut g = gi.clone();
        for (i, row) in sub.iter().enumerate() {
            for (j, &v) in row.iter().enumerate() {
                g[a as usize + i][b as usize + j] = v;
            }
        }
        g
    };
    for &(a, b) in &bluelocs {
        let sub = fill_locs(&smallc, fgc, &rng.sample(&inds, 2)?);
        gi = put(&gi, &sub, (a, b));
        fill_locs_in(&mut go, 1, &[(a / (h + 1), b / (w + 1))]);
    }
    for &ij in &bglocs {
        let sub = fill_locs(&smallc, fgc, &rng.sample(&inds, 1)?);
        gi = put(&gi, &sub, ij);
    }
    ex(gi, go)
}

fn generate_67a3c6ac(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled(rng, diff_lb, diff_ub, 1)?;
    let go = dsl::vmirror_grid(&gi);
    ex(gi, go)
}

fn generate_67a423a3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&4, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let lineh = unifint(rng, diff_lb, diff_ub, (1, h / 3));
    let linew = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let loci = rng.randint(1, h - lineh - 1)?;
    let locj = rng.randint(1, w - linew - 1)?;
    let acol = rng.choice(&remcols)?;
    let bcol = rng.choice(&dsl::remove(&acol, &remcols))?;
    for a in 0..lineh {
        dsl::fill_in(
            &mut gi,
            acol,
            &dsl::connect((loci + a, 0), (loci + a, w - 1)),
        );
    }
    for b in 0..linew {
        dsl::fill_in(
            &mut gi,
            bcol,
            &dsl::connect((0, locj + b), (h - 1, locj + b)),
        );
    }
    let bx = dsl::outbox(&pair_set(
        (loci, locj),
        (loci + lineh - 1, locj + linew - 1),
    ));
    let mut go = dsl::fill(&gi, 4, &bx);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

/// The blob of 67e8384a and 9ecd008a: a random cell grown by `nc - 1`
/// cells next to it, each with a random color. The first cell is never
/// taken out of the pool, so a location can be drawn twice (with two
/// colors): the set's order decides which color a paint leaves.
fn colored_blob(rng: &mut GenRng, canv: &Grid, cols: &[i64], nc: i64) -> Result<PySet<Cell>> {
    let mut bx = dsl::asindices(canv);
    let c0 = rng.choice(cols)?;
    let l0 = rng.choice_in(&bx)?;
    let mut obj: PySet<Cell> = std::iter::once((c0, l0)).collect();
    for _ in 0..nc - 1 {
        let idx: Indices = obj.iter().map(|c| c.1).collect();
        let dns = around(&idx);
        let ch = pick(rng, &(&bx & &dns).to_vec())?;
        let col = rng.choice(cols)?;
        obj.add((col, ch));
        bx = bx.difference(&std::iter::once(ch).collect::<PySet<Loc>>());
    }
    Ok(obj)
}

fn generate_67e8384a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 14));
    let w = unifint(rng, diff_lb, diff_ub, (1, 14));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let remcols = rng.sample(&remcols, numcols)?;
    let canv = dsl::canvas(bgc, (h, w));
    let nc = unifint(rng, diff_lb, diff_ub, (1, h * w));
    let obj = colored_blob(rng, &canv, &remcols, nc)?;
    let gi = paint_cells(&canv, obj.iter());
    let go = dsl::hconcat(&gi, &dsl::vmirror_grid(&gi));
    let go = dsl::vconcat(&go, &dsl::hmirror_grid(&go));
    ex(gi, go)
}

fn generate_681b3aeb(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    loop {
        let hi = unifint(rng, diff_lb, diff_ub, (2, 8));
        let wi = unifint(rng, diff_lb, diff_ub, (2, 8));
        let h = unifint(rng, diff_lb, diff_ub, (3 * hi, 30));
        let w = unifint(rng, diff_lb, diff_ub, (3 * wi, 30));
        // Python's canvas is `hi` by `hi` (`wi` only bounds `w`).
        let c = dsl::canvas(-1, (hi, hi));
        let bab = rng.sample(&cols, 3)?;
        let (bgc, ca, cb) = (bab[0], bab[1], bab[2]);
        let gi = dsl::canvas(bgc, (h, w));
        // A and B grow inside the `hi` by `hi` box (at most 8 by 8), their
        // orders read by the draws: CPython's tables over box numbers
        // ([`BoxShape`]); `set(reminds) & mapply(dneighbors, A)` by
        // [`box8_meet_ids`], which builds `set(reminds)` only if walked.
        let hashes = loc10_hashes();
        let (mut a, mut b): (BoxShape, BoxShape);
        loop {
            let inds = dsl::asindices(&c).to_vec();
            let pa = rng.choice(&inds)?;
            let mut reminds = dsl::remove(&pa, &inds);
            let pb = pick(rng, &reminds)?;
            reminds = dsl::remove(&pb, &reminds);
            a = BoxShape::from_locs(hashes, [pa]);
            b = BoxShape::from_locs(hashes, [pb]);
            for _ in 0..reminds.len() {
                let rest_mask = reminds.iter().fold(0u128, |m, &l| m | bit10(l));
                let rest = || IdSet::from_adds(hashes, reminds.iter().map(|&l| id10(l)));
                let acands =
                    box8_meet_ids(rest, rest_mask, a.set.iter(), a.mask, dsl::dneighbors).order();
                let bcands =
                    box8_meet_ids(rest, rest_mask, b.set.iter(), b.mask, dsl::dneighbors).order();
                let mut opts = Vec::new();
                if !acands.is_empty() {
                    opts.push(0);
                }
                if !bcands.is_empty() {
                    opts.push(1);
                }
                let loc = if pick(rng, &opts)? == 0 {
                    let loc = rng.choice(&acands)?;
                    a.add(loc);
                    loc
                } else {
                    let loc = rng.choice(&bcands)?;
                    b.add(loc);
                    loc
                };
                reminds = dsl::remove(&loc10(loc), &reminds);
            }
            let full = |s: &BoxShape| {
                let cells: Vec<Loc> = s.locs().collect();
                let (sh, sw) = cells_shape(&cells);
                s.set.len() as i64 == sh * sw
            };
            if !(full(&a) && full(&b)) {
                break;
            }
        }
        // From here on A and B are only filled, normalized, shifted and
        // tested for membership: no order is read.
        let a: PySet<Loc> = a.locs().collect();
        let b: PySet<Loc> = b.locs().collect();
        let go = fill_locs(&c, ca, a.iter());
        let go = filled_locs(go, cb, b.iter());
        let fullocs = dsl::asindices(&gi).to_vec();
        let a = normalize_set(&a);
        let b = normalize_set(&b);
        let (ha, wa) = dsl::shape(&a);
        let (hb, wb) = dsl::shape(&b);
        let a_bits = a.iter().fold(0u64, |m, &(i, j)| m | 1 << (i * 8 + j));
        if ha > h || wa > w {
            continue;
        }
        for _ in 0..10 {
            let _locai = rng.randint(0, h - ha)?;
            let locaj = rng.randint(0, w - wa)?;
            // Python shifts by `(locaj, locaj)`.
            let plcda = a.shift((locaj, locaj));
            // `remlocs2` is read for its length, one element (the choice)
            // and membership: counted and walked, not collected; `plcda`'s
            // membership from the normalized A's mask (A lies in the `hi`
            // by `hi` box, at most 8 by 8).
            let in_plcda = |(i, j): Loc| {
                let (i, j) = (i - locaj, j - locaj);
                (0..8).contains(&i) && (0..8).contains(&j) && a_bits >> (i * 8 + j) & 1 != 0
            };
            let keep = |&(i, j): &Loc| !in_plcda((i, j)) && i <= h - hb && j <= w - wb;
            let n = fullocs.iter().filter(|l| keep(l)).count();
            if n == 0 {
                continue;
            }
            let k = rng.rng.randbelow(n as u64) as usize;
            let ch =
                *fullocs.iter().filter(|l| keep(l)).nth(k).ok_or_else(|| {
                    DatasetError::Generation("fewer locations than counted".into())
                })?;
            let plcdb = b.shift(ch);
            let in_remlocs2 = |l: &Loc| (0..h).contains(&l.0) && (0..w).contains(&l.1) && keep(l);
            if plcdb.iter().all(in_remlocs2) {
                let gi = dsl::filled(gi, ca, &plcda);
                let gi = dsl::filled(gi, cb, &plcdb);
                return ex(gi, go);
            }
        }
    }
}

fn generate_6855a6e4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let fullh = unifint(rng, diff_lb, diff_ub, (10, h));
    let fullw = unifint(rng, diff_lb, diff_ub, (3, w));
    let bob = rng.sample(&cols, 3)?;
    let (bgc, objc, boxc) = (bob[0], bob[1], bob[2]);
    let bcanv = dsl::canvas(bgc, (h, w));
    let loci = rng.randint(0, h - fullh)?;
    let locj = rng.randint(0, w - fullw)?;
    let mut canvi = dsl::canvas(bgc, (fullh, fullw));
    let mut canvo = canvi.clone();
    let objh = (fullh / 2 - 3) / 2;
    let mut br = dsl::connect((objh + 1, 0), (objh + 1, fullw - 1)).to_vec();
    br.extend([(objh + 2, 0), (objh + 2, fullw - 1)]);
    let cands = dsl::backdrop(&pair_set((0, 1), (objh - 1, fullw - 2))).to_vec();
    for _ in 0..2 {
        fill_locs_in(&mut canvi, boxc, &br);
        fill_locs_in(&mut canvo, boxc, &br);
        let n = objh * (fullw - 2);
        let ncellsd = unifint(rng, diff_lb, diff_ub, (0, n / 2));
        let ncells = rng.choice(&[ncellsd, n - ncellsd])?;
        let ncells = ncells.max(1).min(n);
        let cells = rng.sample(&cands, ncells)?;
        fill_locs_in(&mut canvi, objc, &cells);
        // `shift(hmirror(cells), (objh + 3, 0))`: hmirror flips about the
        // cells' own rows.
        let (top, bottom) = bounds_of(&cells.iter().map(|l| l.0).collect::<Vec<_>>());
        let mirrored: Vec<Loc> = cells
            .iter()
            .map(|&(i, j)| (top + bottom - i + objh + 3, j))
            .collect();
        fill_locs_in(&mut canvo, objc, &mirrored);
        canvi = dsl::hmirror_grid(&canvi);
        canvo = dsl::hmirror_grid(&canvo);
    }
    let place = |g: &Grid| dsl::paint(&bcanv, &dsl::asobject(g).shift((loci, locj)));
    let (mut gi, mut go) = (place(&canvi), place(&canvo));
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

fn generate_68b16354(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled(rng, diff_lb, diff_ub, 1)?;
    let go = dsl::hmirror_grid(&gi);
    ex(gi, go)
}

fn generate_694f12f3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2]);
    let h = unifint(rng, diff_lb, diff_ub, (9, 30));
    let w = unifint(rng, diff_lb, diff_ub, (9, 30));
    let seploc = rng.randint(4, h - 5)?;
    let bigh = unifint(rng, diff_lb, diff_ub, (4, seploc));
    let bigw = unifint(rng, diff_lb, diff_ub, (3, w - 1));
    let bigloci = rng.randint(0, seploc - bigh)?;
    let biglocj = rng.randint(0, w - bigw)?;
    let smallmaxh = h - seploc - 1;
    let smallmaxw = w - 1;
    let bigsize = bigh * bigw;
    let mut cands = Vec::new();
    for a in 3..=smallmaxh {
        for b in 3..=smallmaxw {
            if a * b < bigsize {
                cands.push((a, b));
            }
        }
    }
    cands.sort_by_key(|&(a, b)| a * b);
    let num = cands.len() as i64;
    let idx = unifint(rng, diff_lb, diff_ub, (0, num - 1));
    // `cands[idx]`: -1 (no candidates) is an IndexError on the empty list.
    let &(smallh, smallw) = usize::try_from(idx)
        .ok()
        .and_then(|i| cands.get(i))
        .ok_or_else(|| DatasetError::Generation("list index out of range".into()))?;
    let smallloci = rng.randint(seploc + 1, h - smallh)?;
    let smalllocj = rng.randint(0, w - smallw)?;
    let bs = rng.sample(&cols, 2)?;
    let (bgc, sqc) = (bs[0], bs[1]);
    let bigsq = dsl::backdrop(&pair_set(
        (bigloci, biglocj),
        (bigloci + bigh - 1, biglocj + bigw - 1),
    ));
    let smallsq = dsl::backdrop(&pair_set(
        (smallloci, smalllocj),
        (smallloci + smallh - 1, smalllocj + smallw - 1),
    ));
    let gi = dsl::fill(&dsl::canvas(bgc, (h, w)), sqc, &(&bigsq | &smallsq));
    let go = dsl::fill(&gi, 2, &dsl::backdrop(&dsl::inbox(&bigsq)));
    let go = dsl::filled(go, 1, &dsl::backdrop(&dsl::inbox(&smallsq)));
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_6a1e5592(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&1, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (9, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let barh = rng.randint(3, h / 3)?;
    let maxobjh = h - barh - 1;
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, w / 3));
    let bbo = rng.sample(&cols, 3)?;
    let (barc, bgc, objc) = (bbo[0], bbo[1], bbo[2]);
    let mut gi = dsl::vconcat(
        &dsl::canvas(barc, (barh, w)),
        &dsl::canvas(bgc, (h - barh, w)),
    );
    let mut go = gi.clone();
    let (mut tr, mut succ) = (0, 0);
    let maxtr = 10 * nobjs;
    let mut placopts = dsl::interval(1, w - 1, 1);
    // `iinds` is read for its order (its sfilter feeds a choice): CPython's
    // table over location numbers. `oinds` is only asked for membership
    // (`issubset`) and shrunk: a mask. `barinds`, the rows above `barh`, is
    // only met with shapes that are then filled.
    let mut iinds = ofcolor_set(&gi, bgc);
    let mut oinds = vec![true; (h * w) as usize];
    // Only membership is asked of `forbmarkers` (a set of frozensets).
    let mut forbmarkers: Vec<Indices> = Vec::new();
    while tr < maxtr && succ < nobjs {
        tr += 1;
        let oh = rng.randint(1, maxobjh)?;
        let ow = rng.randint(1, 4.min(w / 2))?;
        let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
        let ncells = rng.randint(1, oh * ow)?;
        let sp = rng.choice_in(&dsl::connect((0, 0), (0, ow - 1)))?;
        let mut obj: PySet<Loc> = std::iter::once(sp).collect();
        for _ in 0..ncells - 1 {
            grow(rng, &bounds, &mut obj)?;
        }
        let obj = normalize_set(&obj);
        let (oh, ow) = dsl::shape(&obj);
        let markerh = rng.randint(1, oh.min(barh - 1))?;
        let markpartn = dsl::normalize(&dsl::sfilter(&obj, |l| l.0 < markerh));
        let prefixes: Vec<Indices> = (1..=markerh)
            .map(|k| dsl::normalize(&dsl::sfilter(&markpartn, |l| l.0 < k)))
            .collect();
        if prefixes.iter().any(|p| forbmarkers.contains(p)) {
            continue;
        }
        forbmarkers.extend(prefixes);
        let placoptcands: Vec<i64> = placopts
            .iter()
            .filter(|&&jj| (jj..jj + ow + 1).all(|x| placopts.contains(&x)))
            .copied()
            .collect();
        if placoptcands.is_empty() {
            continue;
        }
        let jloc = rng.choice(&placoptcands)?;
        let iloc = barh - markerh;
        let oplcd = obj.shift((iloc, jloc));
        // Inside the grid: `iloc + oh - 1 <= h - 2` and `jloc + ow <= w - 2`.
        let in_oinds = |&(i, j): &Loc| oinds[(i * w + j) as usize];
        if oplcd.iter().all(in_oinds) {
            let icands = iinds.filtered_order(|id| {
                let (i, j) = gloc(id);
                i <= h - oh && j <= w - ow
            });
            if icands.is_empty() {
                continue;
            }
            let loc = gloc(rng.choice(&icands)?);
            // Inside the grid (`loc` keeps the shape in it): distinct numbers.
            let iplcd: Vec<u16> = obj
                .iter()
                .map(|&(i, j)| gid((i + loc.0, j + loc.1)))
                .collect();
            if iplcd.iter().all(|&id| iinds.contains(id)) {
                succ += 1;
                let ring = Around::new(iplcd.iter().map(|&id| gloc(id)), dsl::neighbors);
                iinds = iinds.difference_ids(&iplcd).difference_locs(ring.cells());
                for &id in &iplcd {
                    let (i, j) = gloc(id);
                    gi[i as usize][j as usize] = objc;
                }
                for &(i, j) in oplcd.iter() {
                    oinds[(i * w + j) as usize] = false;
                    if i < barh {
                        gi[i as usize][j as usize] = bgc;
                    }
                    go[i as usize][j as usize] = 1;
                }
                let jm: Vec<i64> = dsl::ofcolor(&go, 1).iter().map(|l| l.1).collect();
                placopts.retain(|x| {
                    !(jm.contains(x) || jm.contains(&(x + 1)) || jm.contains(&(x - 1)))
                });
            }
        }
        if placopts.is_empty() {
            break;
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_6aa20dc0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let od = unifint(rng, diff_lb, diff_ub, (2, 4));
    let ncellsextra = rng.randint(1, 1.max((od * od - 2) / 2))?;
    let sinds = dsl::asindices(&dsl::canvas(-1, (od, od)));
    let ends: PySet<Loc> = [(0, 0), (od - 1, od - 1)].into_iter().collect();
    let pool = sinds.difference(&ends).to_vec();
    let mut extracells: PySet<Loc> = rng.sample(&pool, ncellsextra)?.into_iter().collect();
    extracells.add(rng.choice_in(&(&dsl::dneighbors((0, 0)) & &sinds))?);
    extracells.add(rng.choice_in(&(&dsl::dneighbors((od - 1, od - 1)) & &sinds))?);
    let extracells = extracells.freeze();
    let bfc = rng.sample(&cols, 4)?;
    let (bgc, fgc, c1, c2) = (bfc[0], bfc[1], bfc[2], bfc[3]);
    let ends: PySet<Cell> = [(c1, (0, 0)), (c2, (od - 1, od - 1))].into_iter().collect();
    let obj = &ends.freeze() | &dsl::recolor(fgc, &extracells);
    let mut obj = &obj | &dsl::dmirror(&obj);
    if rng.choice(&[true, false])? {
        obj = dsl::hmirror(&obj);
    }
    let mut gi = dsl::canvas(bgc, (h, w));
    let loci = rng.randint(0, h - od)?;
    let locj = rng.randint(0, w - od)?;
    let plcd = obj.shift((loci, locj));
    dsl::paint_in(&mut gi, &plcd);
    let mut go = gi.clone();
    // `inds - backdrop(outbox(plcd))`: the rectangle one cell around the
    // `od` by `od` object, subtracted as cells (by size and membership).
    // `inds`' order is read (the choice over its sfilter): CPython's table
    // (`GridSet`); the rectangles reach one cell outside the grid at most.
    let (ul, lr) = ((loci - 1, locj - 1), (loci + od, locj + od));
    let mut inds = GridSet::asindices((h, w)).difference_locs(&rect_cells(ul, lr));
    // Its placements, whose order a draw reads, kept per shape until it
    // changes.
    let mut fits = FitMemo::default();
    let nocc = unifint(rng, diff_lb, diff_ub, (1, 1.max((h * w) / (od * od * 2))));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 4 * nocc;
    // `(identity, dmirror, vmirror, cmirror, hmirror)` as `mirror_object` indices.
    let mfs = [0, 1, 4, 2, 3];
    // `obj` has one cell per location, and so has every mirror and
    // upscale of it. `cobj` is read only for its shape and shifted, `cobjo`
    // is painted, tested as a subset and outlined by its bounds, `cobji`
    // painted: no order of these is read, so they are lists of cells (the
    // mirrors' and `upscale`'s formulas on the contents).
    let (vals, locs): (Vec<i64>, Vec<Loc>) = obj.iter().copied().unzip();
    let last = od - 1;
    let square_mirror = |k: usize, (i, j): Loc| match k {
        1 => (j, i),
        2 => (last - j, last - i),
        3 => (last - i, j),
        4 => (i, last - j),
        _ => (i, j),
    };
    while succ < nocc && tr < maxtr {
        tr += 1;
        let fac = rng.randint(1, 4)?;
        let mf1 = rng.choice(&mfs)?;
        let mf2 = rng.choice(&mfs)?;
        // `obj` holds `(0, 0)` and `(od - 1, od - 1)` (the ends), so it and
        // each mirror of it span the `od` by `od` square at the origin: the
        // mirrors about its own bounds are maps of that square.
        let mirrored: Vec<Loc> = locs
            .iter()
            .map(|&l| square_mirror(mf2, square_mirror(mf1, l)))
            .collect();
        // `normalize(upscale(mirrored, fac))`: each normalized cell becomes
        // a `fac` by `fac` block.
        let top = mirrored.iter().map(|l| l.0).min().unwrap_or(0);
        let left = mirrored.iter().map(|l| l.1).min().unwrap_or(0);
        let mut cobj: Vec<Cell> = Vec::with_capacity(mirrored.len() * (fac * fac) as usize);
        for (&v, &(i, j)) in vals.iter().zip(&mirrored) {
            for io in 0..fac {
                for jo in 0..fac {
                    cobj.push((v, ((i - top) * fac + io, (j - left) * fac + jo)));
                }
            }
        }
        let ohx = cobj.iter().map(|c| c.1 .0).max().unwrap_or(-1) + 1;
        let owx = cobj.iter().map(|c| c.1 .1).max().unwrap_or(-1) + 1;
        let cands = fits.fitting(&inds, (h, w), (ohx, owx));
        if cands.is_empty() {
            continue;
        }
        let (li, lj) = gloc(rng.choice(cands)?);
        let cobjo: Vec<Cell> = cobj
            .iter()
            .map(|&(v, (i, j))| (v, (i + li, j + lj)))
            .collect();
        if cobjo.iter().all(|c| in_grid_set(&inds, c.1)) {
            succ += 1;
            // `backdrop(outbox(cobjoi))`: the rectangle one cell around
            // `cobjo`, outside the grid too, subtracted as cells.
            let (ul, lr) = ((li - 1, lj - 1), (li + ohx, lj + owx));
            inds = inds.difference_locs(&rect_cells(ul, lr));
            fits.changed();
            paint_cells_in(&mut gi, cobjo.iter().filter(|c| c.0 != fgc));
            paint_cells_in(&mut go, cobjo.iter());
        }
    }
    ex(gi, go)
}

fn generate_6b9890af(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let oh = unifint(rng, diff_lb, diff_ub, (2, 5));
    let ow = unifint(rng, diff_lb, diff_ub, (2, 5));
    let h = unifint(rng, diff_lb, diff_ub, (2 * oh + 2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2 * ow + 2, 30));
    let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    let mut obj: PySet<Loc> = std::iter::once(rng.choice_in(&bounds)?).collect();
    while set_shape(&obj) != (oh, ow) {
        grow_by(rng, &bounds, &mut obj, dsl::neighbors)?;
    }
    let mut maxfac = 1;
    while oh * maxfac + 2 <= h - oh && ow * maxfac + 2 <= w - ow {
        maxfac += 1;
    }
    maxfac -= 1;
    let fac = unifint(rng, diff_lb, diff_ub, (1, maxfac));
    let bs = rng.sample(&cols, 2)?;
    let (bgc, sqc) = (bs[0], bs[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&sqc, &cols));
    let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numc)?;
    let mut cells: Vec<Cell> = Vec::with_capacity(obj.len());
    for &ij in obj.iter() {
        cells.push((rng.choice(&ccols)?, ij));
    }
    // The cells' locations are distinct: painting them in any order is the same.
    let obj: Object = cells.into_iter().collect();
    let mut gi = dsl::canvas(bgc, (h, w));
    let sq = dsl::r#box(&pair_set((0, 0), (oh * fac + 1, ow * fac + 1)));
    let loci = rng.randint(0, h - (oh * fac + 2) - oh)?;
    let locj = rng.randint(0, w - (ow * fac + 2))?;
    dsl::fill_in(&mut gi, sqc, &sq.shift((loci, locj)));
    let loci = rng.randint(loci + oh * fac + 2, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    dsl::paint_in(&mut gi, &obj.shift((loci, locj)));
    let go = dsl::fill(&dsl::canvas(bgc, (oh * fac + 2, ow * fac + 2)), sqc, &sq);
    let go2 = dsl::paint(&dsl::canvas(bgc, (oh, ow)), &obj);
    let upscobj = dsl::asobject(&dsl::upscale_grid(&go2, fac));
    let go = dsl::painted(go, &upscobj.shift((1, 1)));
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_6c434453(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&2, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, ncols)?;
    let nobjs = unifint(rng, diff_lb, diff_ub, (2, (h * w) / 16));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * nobjs;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    // `inds`' order is read (the choice over its sfilter): CPython's table
    // as location numbers, each sfilter kept per shape until `inds` changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    let hashes = loc10_hashes();
    while succ < nobjs && tr < maxtr {
        tr += 1;
        // The shape's own order is never read (shape, equality with its
        // outline, membership and fills): its cells. The box outline of a
        // 3 or 5 by 3 or 5 box is its own outline, so it is flagged.
        let (obji, flag): (Vec<Loc>, Option<bool>) = if rng.choice(&[true, false])? {
            let oh = rng.choice(&[3, 5])?;
            let ow = rng.choice(&[3, 5])?;
            (outline_cells((0, 0), (oh - 1, ow - 1)), Some(true))
        } else {
            let oh = rng.randint(1, 5)?;
            let ow = rng.randint(1, 5)?;
            // `bounds` and the growing shape are read in their orders
            // (draws): CPython's tables over the 8 by 8 box.
            let bounds = BoxShape::asindices(hashes, (oh, ow));
            let ncells = rng.randint(1, oh * ow)?;
            let first = bounds.choose(rng)?;
            let mut obji = BoxShape::from_locs(hashes, [loc10(first)]);
            for _ in 0..ncells - 1 {
                obji.grow(rng, &bounds, dsl::dneighbors)?;
            }
            let cells: Vec<Loc> = obji.locs().collect();
            let (t, _) = bounds_of(&cells.iter().map(|l| l.0).collect::<Vec<_>>());
            let (l, _) = bounds_of(&cells.iter().map(|l| l.1).collect::<Vec<_>>());
            (cells.iter().map(|&(i, j)| (i - t, j - l)).collect(), None)
        };
        let (_, oh1) = bounds_of(&obji.iter().map(|l| l.0).collect::<Vec<_>>());
        let (_, ow1) = bounds_of(&obji.iter().map(|l| l.1).collect::<Vec<_>>());
        let (oh, ow) = (oh1 + 1, ow1 + 1);
        // `obji == box(obji)`: the normalized cells are its outline's
        // exactly when there are as many and all lie on it.
        let flag = flag.unwrap_or_else(|| {
            let on_outline = |&(i, j): &Loc| i == 0 || j == 0 || i == oh - 1 || j == ow - 1;
            obji.len() == outline_cells((0, 0), (oh - 1, ow - 1)).len()
                && obji.iter().all(on_outline)
                && [oh, ow].iter().all(|x| *x == 3 || *x == 5)
        });
        let (objo, tocover) = if flag {
            let mut cross = rect_cells((0, ow / 2), (oh - 1, ow / 2));
            cross.extend((0..ow).filter(|&j| j != ow / 2).map(|j| (oh / 2, j)));
            (cross, rect_cells((0, 0), (oh - 1, ow - 1)))
        } else {
            (obji.clone(), obji.clone())
        };
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        let loc = gloc(pick(rng, cands)?);
        // The placed shapes are only subset-tested, subtracted (with their
        // dneighbors) by size and membership, and filled: lists.
        let moved =
            |s: &[Loc]| -> Vec<Loc> { s.iter().map(|&(i, j)| (i + loc.0, j + loc.1)).collect() };
        let plcdi = moved(&obji);
        if plcdi.iter().all(|&l| inds.contains(gid(l))) {
            let plcdo = moved(&objo);
            succ += 1;
            let tocoveri = moved(&tocover);
            let near = Around::new(tocoveri.iter().copied(), dsl::dneighbors);
            let tocover_ids: Vec<u16> = tocoveri.iter().map(|&l| gid(l)).collect();
            inds = inds
                .difference_ids(&tocover_ids)
                .difference_locs(near.cells());
            memo.changed();
            let col = rng.choice(&ccols)?;
            fill_locs_in(&mut gi, col, &plcdi);
            fill_locs_in(&mut go, if flag { 2 } else { col }, &plcdo);
        }
    }
    ex(gi, go)
}

fn generate_6cdd2623(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let linc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&linc, &remcols);
    let nnoisecols = unifint(rng, diff_lb, diff_ub, (1, 7));
    let noisecols = rng.sample(&remcols, nnoisecols)?;
    let c = dsl::canvas(bgc, (h, w));
    // Both index sets are read in their order (samples): CPython's tables
    // over location numbers (`GridSet`).
    let inner = GridSet::asindices((h - 2, w - 1)).map_locs(|(i, j)| (i + 1, j + 1));
    let mut ininds: Vec<Loc> = Vec::with_capacity(inner.len());
    ininds.extend(inner.iter().map(gloc));
    let fixinds = rng.sample(&ininds, nnoisecols)?;
    let mut gi = c.clone();
    let mut go = c.clone();
    for (&col, &ij) in noisecols.iter().zip(&fixinds) {
        fill_locs_in(&mut gi, col, &[ij]);
    }
    let nnoise = unifint(rng, diff_lb, diff_ub, (1, (h * w - nnoisecols) / 3));
    // `asindices(c) - set(fixinds)`: the sample's locations are distinct.
    let fixids: Vec<u16> = fixinds.iter().map(|&l| gid(l)).collect();
    let rest = GridSet::asindices((h, w)).difference_ids(&fixids);
    let mut pool: Vec<Loc> = Vec::with_capacity(rest.len());
    pool.extend(rest.iter().map(gloc));
    let noise = rng.sample(&pool, nnoise)?;
    // Distinct locations, so painting order does not matter.
    for ij in noise {
        let col = rng.choice(&remcols)?;
        fill_locs_in(&mut gi, col, &[ij]);
    }
    let ab = rng.sample(&[0, 1], 2)?;
    let nilocs = unifint(rng, diff_lb, diff_ub, (ab[0], (h - 2) / 2));
    let njlocs = unifint(rng, diff_lb, diff_ub, (ab[1], (w - 2) / 2));
    let ilocs = rng.sample(&dsl::interval(1, h - 1, 1), nilocs)?;
    let jlocs = rng.sample(&dsl::interval(1, w - 1, 1), njlocs)?;
    for ii in ilocs {
        fill_locs_in(&mut gi, linc, &[(ii, 0), (ii, w - 1)]);
        dsl::fill_in(&mut go, linc, &dsl::connect((ii, 0), (ii, w - 1)));
    }
    for jj in jlocs {
        fill_locs_in(&mut gi, linc, &[(0, jj), (h - 1, jj)]);
        dsl::fill_in(&mut go, linc, &dsl::connect((0, jj), (h - 1, jj)));
    }
    ex(gi, go)
}

fn generate_6cf79266(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[0, 1]);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let nfgcs = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&cols, nfgcs)?;
    let mut gi = dsl::canvas(-1, (h, w));
    let inds = dsl::asindices(&gi);
    for &(i, j) in inds.iter() {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    // `int(0.25 * h * w)`: float products, left to right, truncated.
    let lo = (0.25 * h as f64 * w as f64) as i64;
    let hi = (0.6 * h as f64 * w as f64) as i64;
    let num = unifint(rng, diff_lb, diff_ub, (lo, hi));
    let locs = rng.sample(&inds.to_vec(), num)?;
    fill_locs_in(&mut gi, 0, &locs);
    let noccs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 16));
    let cands = dsl::asindices(&dsl::canvas(-1, (h - 2, w - 2)));
    let locs = rng.sample(&cands.to_vec(), noccs)?;
    let mini = dsl::asindices(&dsl::canvas(-1, (3, 3)));
    for &ij in &locs {
        dsl::fill_in(&mut gi, 0, &mini.shift(ij));
    }
    let occs = dsl::occurrences(&gi, &dsl::recolor(0, &mini));
    let mut go = gi.clone();
    for &occ in occs.iter() {
        dsl::fill_in(&mut go, 1, &mini.shift(occ));
    }
    ex(gi, go)
}

fn generate_6d0160f0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[4]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let (nh, nw) = (h, w);
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let fullh = h * nh + nh - 1;
    let fullw = w * nw + nw - 1;
    let mut gi = dsl::canvas(bgc, (fullh, fullw));
    for iloc in (h..fullh).step_by((h + 1) as usize) {
        dsl::fill_in(&mut gi, linc, &dsl::hfrontier((iloc, 0)));
    }
    for jloc in (w..fullw).step_by((w + 1) as usize) {
        dsl::fill_in(&mut gi, linc, &dsl::vfrontier((0, jloc)));
    }
    let noccs = unifint(rng, diff_lb, diff_ub, (1, h * w));
    let denseinds = dsl::asindices(&dsl::canvas(-1, (h, w)));
    let sparseinds: PySet<Loc> = denseinds
        .iter()
        .map(|&(a, b)| (a * (h + 1), b * (w + 1)))
        .collect();
    let locs = rng.sample(&sparseinds.to_vec(), noccs)?;
    let trgtl = rng.choice(&locs)?;
    let remlocs = dsl::remove(&trgtl, &locs);
    let ntrgt = unifint(rng, diff_lb, diff_ub, (1, h * w - 1));
    let place = rng.choice_in(&denseinds)?;
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&cols, ncols)?;
    let candss = dsl::remove(&place, &denseinds).to_vec();
    let trgrem = rng.sample(&candss, ntrgt)?;
    // Every cell below has its own location, so paints are order-free.
    let mut trgtobj: Vec<Cell> = vec![(4, place)];
    for ij in trgrem {
        trgtobj.push((rng.choice(&ccols)?, ij));
    }
    let (pi, pj) = (place.0 * (h + 1), place.1 * (w + 1));
    let kept: Vec<Cell> = trgtobj
        .iter()
        .filter(|c| c.0 != linc)
        .map(|&(v, (i, j))| (v, (i + pi, j + pj)))
        .collect();
    let go = paint_cells(&gi, &kept);
    let moved: Vec<Cell> = trgtobj
        .iter()
        .map(|&(v, (i, j))| (v, (i + trgtl.0, j + trgtl.1)))
        .collect();
    paint_cells_in(&mut gi, &moved);
    let dense = denseinds.to_vec();
    for (ri, rj) in remlocs {
        let tlo = rng.choice(&ccols)?;
        let ncells = unifint(rng, diff_lb, diff_ub, (1, h * w - 1));
        let inds = rng.sample(&dense, ncells)?;
        let opts = if ccols.len() > 1 {
            dsl::remove(&tlo, &ccols)
        } else {
            ccols.clone()
        };
        let mut obj: Vec<Cell> = Vec::with_capacity(inds.len());
        for (i, j) in inds {
            obj.push((rng.choice(&opts)?, (i + ri, j + rj)));
        }
        paint_cells_in(&mut gi, &obj);
    }
    ex(gi, go)
}

fn generate_6d0aefbc(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled_in(rng, diff_lb, diff_ub, (1, 30), (1, 15))?;
    let go = dsl::hconcat(&gi, &dsl::vmirror_grid(&gi));
    ex(gi, go)
}

fn generate_6d58a25d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let raw: [Loc; 10] = [
        (0, 0),
        (1, 0),
        (1, 1),
        (1, -1),
        (2, -1),
        (2, -2),
        (2, 1),
        (2, 2),
        (3, 3),
        (3, -3),
    ];
    // Only the shape's cells matter below (fills and membership).
    let shp: Vec<Loc> = raw.iter().map(|&(i, j)| (i, j + 3)).collect();
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let c1 = rng.choice(&remcols)?;
    let c2 = rng.choice(&dsl::remove(&c1, &remcols))?;
    let loci = rng.randint(0, h - 4)?;
    let locj = rng.randint(0, w - 7)?;
    let plcd: Vec<Loc> = shp.iter().map(|&(i, j)| (i + loci, j + locj)).collect();
    let rem: Vec<Loc> = inds.iter().filter(|l| !plcd.contains(l)).copied().collect();
    let nnoise = unifint(rng, diff_lb, diff_ub, (1, 1.max(rem.len() as i64 / 2 - 1)));
    let nois = rng.sample(&rem, nnoise)?;
    let gi = fill_locs(&c, c2, &nois);
    let gi = filled_locs(gi, c1, &plcd);
    let mut go = gi.clone();
    for &(i, j) in &nois {
        // The noise below the shape in its column falls from the shape's
        // lowest cell there down to the bottom.
        let above = plcd
            .iter()
            .filter(|l| l.1 == j && l.0 <= i)
            .map(|l| l.0)
            .max();
        if above.is_some() {
            let top = plcd
                .iter()
                .filter(|l| l.1 == j)
                .map(|l| l.0)
                .max()
                .unwrap_or(0)
                + 1;
            dsl::fill_in(&mut go, c2, &dsl::connect((top, j), (h - 1, j)));
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_6d75e8bb(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&2, &dsl::interval(0, 10, 1));
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
    let go = dsl::fill(&c, 2, &dsl::backdrop(&plcd));
    let go = dsl::filled(go, fgc, &plcd);
    ex(gi, go)
}

fn generate_6e02f1e3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let d = unifint(rng, diff_lb, diff_ub, (3, 30));
    let c = dsl::canvas(0, (d, d));
    let mut inds = dsl::asindices(&c).to_vec();
    rng.shuffle(&mut inds);
    let numcols = rng.choice(&[1, 2, 3])?;
    let chcols = rng.sample(&cols, numcols)?;
    let (gi, go) = match chcols[..] {
        [c1] => {
            let go = dsl::fill(&c, 5, &dsl::connect((0, 0), (0, d - 1)));
            (dsl::canvas(c1, (d, d)), go)
        }
        [c1, c2] => {
            let mp = (d * d) / 2;
            let nc1 = unifint(rng, diff_lb, diff_ub, (1, mp)) as usize;
            let gi = fill_locs(&c, c1, &inds[..nc1]);
            let gi = filled_locs(gi, c2, &inds[nc1..]);
            (gi, dsl::fill(&c, 5, &dsl::connect((0, 0), (d - 1, d - 1))))
        }
        _ => {
            let (c1, c2, c3) = (chcols[0], chcols[1], chcols[2]);
            let kk = d * d;
            let a = (1.0 / 3.0 * kk as f64) as i64;
            let b = (2.0 / 3.0 * kk as f64) as i64;
            let adev = unifint(rng, diff_lb, diff_ub, (0, a - 1));
            let bdev = unifint(rng, diff_lb, diff_ub, (0, kk - b - 1));
            let (a, b) = ((a - adev) as usize, (b - bdev) as usize);
            let gi = fill_locs(&c, c1, &inds[..a]);
            let gi = filled_locs(gi, c2, &inds[a..b.max(a)]);
            let gi = filled_locs(gi, c3, &inds[b..]);
            (gi, dsl::fill(&c, 5, &dsl::connect((d - 1, 0), (0, d - 1))))
        }
    };
    ex(gi, go)
}

fn generate_6e19193c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let dirs: [(Loc, Loc); 4] = [
        ((0, 0), (-1, -1)),
        ((0, 1), (-1, 1)),
        ((1, 0), (1, -1)),
        ((1, 1), (1, 1)),
    ];
    let base = [(0, 0), (1, 0), (0, 1), (1, 1)];
    // Only the contents of these shapes are used (shifted, filled, compared).
    let cands: Vec<(Vec<Loc>, Vec<Loc>)> = dirs
        .iter()
        .map(|&(corner, dir)| {
            let inner: Vec<Loc> = base.iter().filter(|&&l| l != corner).copied().collect();
            let mut outer = inner.clone();
            outer.extend(dsl::shoot(corner, dir).iter().filter(|&&l| l != corner));
            (inner, outer)
        })
        .collect();
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 8));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    // `inds` is read in its order (draws): CPython's table as a GridSet.
    // The placed shapes are read for membership, fills and subtraction
    // only (distinct locations): lists.
    let mut inds = GridSet::asindices((h, w));
    let (mut kk, mut tr) = (0, 0);
    let maxtrials = num * 4;
    let inside = |&(i, j): &Loc| 0 <= i && i < h && 0 <= j && j < w;
    while kk < num && tr < maxtrials {
        if inds.len() == 0 {
            break;
        }
        let (li, lj) = gloc(grid_choice(rng, &inds)?);
        let (obji, objo) = rng.choice(&cands)?;
        let obji: Vec<Loc> = obji.iter().map(|&(i, j)| (i + li, j + lj)).collect();
        let objo: Vec<Loc> = objo
            .iter()
            .map(|&(i, j)| (i + li, j + lj))
            .filter(inside)
            .collect();
        if objo.iter().all(|&l| in_grid_set(&inds, l)) && obji.iter().all(|l| objo.contains(l)) {
            let col = rng.choice(&remcols)?;
            fill_locs_in(&mut gi, col, &obji);
            fill_locs_in(&mut go, col, &objo);
            // `(inds - objo) - mapply(dneighbors, obji)`: both subtracted
            // sets are read for their sizes and members only.
            let objo_ids: Vec<u16> = objo.iter().map(|&l| gid(l)).collect();
            let near = Around::new(obji.iter().copied(), dsl::dneighbors);
            inds = inds.difference_ids(&objo_ids).difference_locs(near.cells());
            kk += 1;
        }
        tr += 1;
    }
    ex(gi, go)
}

/// `rng.choice(seq)` for a sequence of `n` items, as the index drawn
/// (`choice` reads only the length before indexing).
fn pick_index(rng: &mut GenRng, n: usize) -> Result<usize> {
    if n == 0 {
        return Err(DatasetError::Generation(
            "Cannot choose from an empty sequence".into(),
        ));
    }
    Ok(rng.rng.randbelow(n as u64) as usize)
}

/// 6e82a1ae's shapes: `shp = {(0, 0)}` grown three times by
/// `shp.add(rng.choice(totuple(mapply(dneighbors, shp) - shp)))`. Each
/// step's candidates depend only on the choices made before it, so the tree
/// of every choice sequence is built once per thread: a step holds one
/// child per candidate (the draw reads only their number), a leaf the
/// number of `frozenset(normalize(shp))` among the distinct shapes
/// (`shapes`; equal frozensets get one number).
enum Grown {
    Shape(usize),
    Step(Vec<Grown>),
}

fn grown_tree(shp: &PySet<Loc>, steps: usize, shapes: &mut Vec<Indices>) -> Grown {
    if steps == 0 {
        let s = normalize_set(shp);
        let k = match shapes.iter().position(|t| *t == s) {
            Some(k) => k,
            None => {
                shapes.push(s);
                shapes.len() - 1
            }
        };
        return Grown::Shape(k);
    }
    let cands = (&mapply_set(dsl::dneighbors, shp) - shp).to_vec();
    Grown::Step(
        cands
            .into_iter()
            .map(|c| {
                // `shp` itself, mutated: the clone keeps its table.
                let mut s = shp.clone();
                s.add(c);
                grown_tree(&s, steps - 1, shapes)
            })
            .collect(),
    )
}

/// A shape of 6e82a1ae's set `d`, by its number among the distinct shapes:
/// equal exactly when the frozensets are, hashing as they do, so a set of
/// them has the frozensets' table.
#[derive(Clone, PartialEq)]
struct ShapeNo {
    k: usize,
    hash: i64,
}

impl PyHashable for ShapeNo {
    fn py_hash(&self) -> i64 {
        self.hash
    }
}

/// What 6e82a1ae builds the same way every call, kept per thread: the
/// growth tree with its shapes' locations and hashes, and `totuple(b)` and
/// `totuple(c)` as lists of locations (each shape is only moved, tested,
/// filled and subtracted: its own order is unread).
struct Shapes6e82 {
    tree: Grown,
    cells: Vec<Vec<Loc>>,
    hashes: Vec<i64>,
    b: Vec<Vec<Loc>>,
    c: Vec<Vec<Loc>>,
}

impl Shapes6e82 {
    fn new() -> Self {
        // `frozenset({a, b, ...})`: a set display, frozen.
        fn fs<T: pycompat::PyHashable>(items: Vec<T>) -> pycompat::PyFrozenSet<T> {
            items.into_iter().collect::<PySet<T>>().freeze()
        }
        let (o, r, d_, u) = ((0, 0), (0, 1), (1, 0), (1, 1));
        let b = fs(vec![fs(vec![o, r]), fs(vec![o, d_])]);
        let c = fs(vec![
            fs(vec![o, d_, u]),
            fs(vec![o, d_, r]),
            fs(vec![u, d_, r]),
            fs(vec![u, o, r]),
            fs(vec![o, (-1, 0), d_]).shift(d_),
            fs(vec![o, (0, -1), r]).shift(r),
        ]);
        let mut shapes = Vec::new();
        let tree = grown_tree(&std::iter::once((0, 0)).collect(), 3, &mut shapes);
        let cells_of = |set: &Indices| set.to_vec();
        Shapes6e82 {
            tree,
            cells: shapes.iter().map(cells_of).collect(),
            hashes: shapes.iter().map(PyHashable::py_hash).collect(),
            b: b.iter().map(cells_of).collect(),
            c: c.iter().map(cells_of).collect(),
        }
    }
}

fn generate_6e82a1ae(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    thread_local! {
        static SHAPES: Shapes6e82 = Shapes6e82::new();
    }
    SHAPES.with(|shapes| -> Result<Example> {
        let mut d: PySet<ShapeNo> = PySet::new();
        // Adding a member again leaves a table with no dummies as it is:
        // only each shape's first add is made.
        let mut seen = vec![false; shapes.cells.len()];
        for _ in 0..100 {
            let mut node = &shapes.tree;
            loop {
                match node {
                    Grown::Shape(k) => {
                        if !std::mem::replace(&mut seen[*k], true) {
                            d.add(ShapeNo {
                                k: *k,
                                hash: shapes.hashes[*k],
                            });
                        }
                        break;
                    }
                    Grown::Step(kids) => node = &kids[pick_index(rng, kids.len())?],
                }
            }
        }
        let d: Vec<&Vec<Loc>> = d.freeze().iter().map(|s| &shapes.cells[s.k]).collect();
        let b: Vec<&Vec<Loc>> = shapes.b.iter().collect();
        let c: Vec<&Vec<Loc>> = shapes.c.iter().collect();
        let prs = [(&b, 3), (&c, 2), (&d, 1)];
        let cols = colors_without(&[1, 2, 3]);
        let h = unifint(rng, diff_lb, diff_ub, (5, 30));
        let w = unifint(rng, diff_lb, diff_ub, (5, 30));
        let bgc = rng.choice(&cols)?;
        let remcols = dsl::remove(&bgc, &cols);
        let fgc = rng.choice(&remcols)?;
        let mut gi = dsl::canvas(bgc, (h, w));
        let mut go = gi.clone();
        // `reminds`' order is read (the choice over it): CPython's table, as
        // a `GridSet`.
        let mut reminds = GridSet::asindices((h, w));
        let nobjs = unifint(rng, diff_lb, diff_ub, (1, ((h * w) / 2) / 3));
        let maxtr = 10;
        for _ in 0..nobjs {
            let mut ntr = 0;
            // `rng.choice(prs)` and `rng.choice(objs)`: the drawn indices.
            let (objs, col) = prs[pick_index(rng, prs.len())?];
            let obj = objs[pick_index(rng, objs.len())?];
            while ntr < maxtr {
                // `rng.choice(totuple(reminds))`: the tuple's item at the
                // drawn index, read off the table without copying it out.
                let k = pick_index(rng, reminds.len())?;
                let (li, lj) = gloc(reminds.iter().nth(k).expect("an index below len"));
                // `olcd = shift(obj, loc)` is only tested as a subset,
                // filled and subtracted (size and membership), and
                // `mapply(dneighbors, olcd)` only subtracted: neither order
                // is read, so neither frozenset is built. (A shape past the
                // grid, beyond `GridSet`'s frame, is in no `reminds`.)
                let olcd: Vec<Loc> = obj.iter().map(|&(i, j)| (i + li, j + lj)).collect();
                let in_reminds =
                    |l: Loc| in_rect(l, (0, 0), (h - 1, w - 1)) && reminds.contains(gid(l));
                if olcd.iter().all(|&l| in_reminds(l)) {
                    fill_locs_in(&mut gi, fgc, &olcd);
                    fill_locs_in(&mut go, col, &olcd);
                    let ids: Vec<u16> = olcd.iter().map(|&l| gid(l)).collect();
                    let near = Around::new(olcd.iter().copied(), dsl::dneighbors);
                    reminds = reminds.difference_ids(&ids).difference_locs(near.cells());
                    break;
                }
                ntr += 1;
            }
        }
        ex(gi, go)
    })
}

fn generate_6ecd11f4(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 7));
    let w = unifint(rng, diff_lb, diff_ub, (2, 7));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 9));
    let ccols = rng.sample(&remcols, ncols)?;
    let inds = asindices_of((h, w));
    let nlocsd = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let nlocs = rng.choice(&[nlocsd, h * w - nlocsd])?;
    let nlocs = nlocs.max(3).min(h * w - 1);
    let sp = rng.choice_in(&inds)?;
    let inds = dsl::remove(&sp, &inds);
    let mut shp: PySet<Loc> = std::iter::once(sp).collect();
    for _ in 0..nlocs {
        grow_box8(rng, &inds, &mut shp, dsl::neighbors)?;
    }
    let shp = normalize_set(&shp);
    let (h, w) = dsl::shape(&shp);
    let canv = dsl::canvas(bgc, (h, w));
    let objbase = dsl::fill(&canv, fgc, &shp);
    let maxhscf = (2 * h + h + 1) / h;
    let maxwscf = (2 * w + w + 1) / w;
    let hscf = unifint(rng, diff_lb, diff_ub, (2, maxhscf));
    let wscf = unifint(rng, diff_lb, diff_ub, (2, maxwscf));
    // `obj = asobject(upscaled)` is only measured, filtered by colour and
    // painted (one cell per location): the upscaled grid itself.
    let up = dsl::hupscale(&dsl::vupscale(&objbase, hscf), wscf);
    let (oh, ow) = dsl::shape_grid(&up);
    let inds = asindices_of((h, w));
    let mut objx: PySet<Cell> = PySet::new();
    for &ij in inds.iter() {
        objx.add((rng.choice(&ccols)?, ij));
    }
    let pal: PySet<i64> = objx.iter().map(|c| c.0).collect();
    if pal.len() == 1 {
        let odo = objx
            .iter()
            .next()
            .copied()
            .ok_or_else(|| DatasetError::Generation("empty object".into()))?;
        let newc = pick(rng, &dsl::remove(&odo.0, &ccols))?;
        let rest: PySet<Cell> = objx.iter().filter(|&&c| c != odo).copied().collect();
        objx = rest.union(
            &std::iter::once((newc, odo.1))
                .collect::<PySet<Cell>>()
                .freeze(),
        );
    }
    let fullh = unifint(rng, diff_lb, diff_ub, (hscf * h + h + 1, 30));
    let fullw = unifint(rng, diff_lb, diff_ub, (wscf * w + w + 1, 30));
    let gi = dsl::canvas(bgc, (fullh, fullw));
    // `fullinds`, `delt2` and `scands` are read in their orders (a draw from
    // `scands`): CPython's tables as location numbers (`GridSet`).
    let fullinds = GridSet::asindices((fullh, fullw));
    // The `fgc` cells of `obj`, the ones `ofcolor(gix, fgc)` finds once it
    // is painted on the background.
    let fg = PlacedShape::new(
        up.iter().enumerate().flat_map(|(i, row)| {
            row.iter()
                .enumerate()
                .filter(|&(_, &v)| v == fgc)
                .map(move |(j, _)| (i as i64, j as i64))
        }),
        dsl::neighbors,
    );
    let gi = loop {
        let loci = rng.randint(0, fullh - oh)?;
        let locj = rng.randint(0, fullw - ow)?;
        // `(fullinds - ofc) - mapply(neighbors, ofc)`: both subtracted sets
        // are read for their size and membership only.
        let delt2 = fg.subtract_at(&fullinds, (loci, locj));
        let scands = delt2.filtered_order(|id| {
            let (i, j) = gloc(id);
            i <= fullh - oh && j <= fullw - ow
        });
        if scands.is_empty() {
            continue;
        }
        let locc = gloc(rng.choice(&scands)?);
        if objx
            .iter()
            .all(|&(_, (i, j))| in_grid_set(&delt2, (i + locc.0, j + locc.1)))
        {
            let mut gix = gi.clone();
            for (row, src) in gix[loci as usize..].iter_mut().zip(&up) {
                row[locj as usize..locj as usize + src.len()].copy_from_slice(src);
            }
            dsl::paint_in(&mut gix, &shift_cells(&objx, locc));
            break gix;
        }
    };
    let go = paint_cells(&canv, objx.iter());
    let go = dsl::filled(go, bgc, &dsl::ofcolor(&objbase, bgc));
    ex(gi, go)
}

fn generate_6f8cd79b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&8, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, ncols)?;
    let ncells = unifint(rng, diff_lb, diff_ub, (0, h * w));
    let inds = dsl::asindices(&gi);
    let cells = rng.sample(&inds.to_vec(), ncells)?;
    // Distinct locations: the paint's order does not matter.
    for (i, j) in cells {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let go = dsl::fill(&gi, 8, &dsl::r#box(&inds));
    ex(gi, go)
}

fn generate_6fa7a44f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled_in(rng, diff_lb, diff_ub, (1, 15), (1, 30))?;
    let go = dsl::vconcat(&gi, &dsl::hmirror_grid(&gi));
    ex(gi, go)
}

/// Python's `a // b` on floats (`float_floor_div`): from `fmod`, so that it
/// rounds as CPython does.
fn py_floordiv_f64(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let mut fl = div.floor();
        if div - fl > 0.5 {
            fl += 1.0;
        }
        fl
    } else {
        0.0f64.copysign(a / b)
    }
}

fn generate_72322fa7(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, 4));
    let ccols = rng.sample(&remcols, 2 * nobjs)?;
    let n = nobjs as usize;
    // Each object as its cells (at distinct locations, so paints of it are
    // order-free), `list(palette(obj))` (the one place its order is read)
    // and its shape, all fixed once it is made.
    let mut objs: Vec<(Vec<Cell>, [i64; 2], Loc)> = Vec::new();
    let mut gi = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (choices over its sfilters): CPython's table.
    let mut inds = GridSet::asindices((h, w));
    let hashes = loc10_hashes();
    for (&ca, &cb) in ccols[..n].iter().zip(&ccols[n..]) {
        let mut oh = unifint(rng, diff_lb, diff_ub, (1, 4));
        let mut ow = unifint(rng, diff_lb, diff_ub, (if oh == 1 { 2 } else { 1 }, 4));
        if rng.choice(&[true, false])? {
            std::mem::swap(&mut oh, &mut ow);
        }
        // `bounds` and the grown `obj` as tables of box ids (`BoxShape`).
        let bounds = BoxShape::asindices(hashes, (oh, ow));
        let mut obj = BoxShape::from_locs(hashes, [loc10(bounds.choose(rng)?)]);
        let ncells = rng.randint(2, oh * ow)?;
        for _ in 0..ncells - 1 {
            obj.grow(rng, &bounds, dsl::neighbors)?;
        }
        let (top, left) = obj
            .locs()
            .fold((i64::MAX, i64::MAX), |(t, l), (i, j)| (t.min(i), l.min(j)));
        let objn: Indices = obj.locs().map(|(i, j)| (i - top, j - left)).collect();
        let objt = objn.to_vec();
        let k = rng.randint(1, objt.len() as i64 - 1)?;
        let apart = rng.sample(&objt, k)?;
        let bpart: Vec<Loc> = objt
            .iter()
            .filter(|l| !apart.contains(l))
            .copied()
            .collect();
        // `recolor(c, set(part))`: a set of locations is its own `toindices`.
        let aset: PySet<Loc> = apart.into_iter().collect();
        let bset: PySet<Loc> = bpart.into_iter().collect();
        let ra: Object = aset.iter().map(|&l| (ca, l)).collect();
        let rb: Object = bset.iter().map(|&l| (cb, l)).collect();
        let obj = &ra | &rb;
        let pal = match dsl::palette_object(&obj).to_vec()[..] {
            [a, b] => [a, b],
            _ => return Err(DatasetError::Generation("palette of one color".into())),
        };
        // `sfilter(inds, lambda ij: shift(objn, ij).issubset(inds))`: a
        // yes or no per location, no shifted set built, read from a mask of
        // `inds` (the shifted cells stay within three rows and columns of
        // the grid, none of them in `inds` outside it).
        let (mh, mw) = (h + 3, w + 3);
        let mut member = vec![false; (mh * mw) as usize];
        for (i, j) in inds.iter().map(gloc) {
            member[(i * mw + j) as usize] = true;
        }
        let cands: Vec<u16> = inds.filtered_order(|id| {
            let (i, j) = gloc(id);
            objt.iter()
                .all(|&(a, b)| member[((a + i) * mw + b + j) as usize])
        });
        if cands.is_empty() {
            continue;
        }
        let (li, lj) = gloc(rng.choice(&cands)?);
        let cells: Vec<Cell> = obj
            .iter()
            .map(|&(v, (i, j))| (v, (i + li, j + lj)))
            .collect();
        paint_cells_in(&mut gi, cells.iter());
        let plcdi: Vec<Loc> = cells.iter().map(|c| c.1).collect();
        inds = grid_minus_near(&inds, &plcdi, dsl::neighbors);
        let shape = cells_shape(&plcdi);
        objs.push((obj.iter().copied().collect(), pal, shape));
    }
    if objs.is_empty() {
        return Err(DatasetError::Generation("division by zero".into()));
    }
    let avgs = objs.iter().map(|o| o.0.len() as i64).sum::<i64>() as f64 / objs.len() as f64;
    let ub = py_floordiv_f64((h * w) as f64, avgs * 2.0);
    // `max(1, ub)`: the float unless it is below 1.
    let ub = if ub > 1.0 { ub } else { 1.0 };
    let noccs = unifint_f(rng, diff_lb, diff_ub, (1, ub));
    let (mut succ, mut tr) = (0.0, 0.0);
    let maxtr = 5.0 * noccs;
    let mut go = gi.clone();
    let mut memo = FitMemo::default();
    let idxs: Vec<usize> = (0..objs.len()).collect();
    while tr < maxtr && succ < noccs {
        tr += 1.0;
        let (obj, [ca, cb], (oh, ow)) = &objs[rng.choice(&idxs)?];
        let cands = memo.fitting(&inds, (h, w), (*oh, *ow));
        if cands.is_empty() {
            continue;
        }
        let (li, lj) = gloc(rng.choice(cands)?);
        let plcd: Vec<Cell> = obj
            .iter()
            .map(|&(v, (i, j))| (v, (i + li, j + lj)))
            .collect();
        let plcdi: Vec<Loc> = plcd.iter().map(|c| c.1).collect();
        // `plcdi.issubset(inds)`: a yes or no.
        if plcdi.iter().all(|&l| in_grid_set(&inds, l)) {
            succ += 1.0;
            inds = grid_minus_near(&inds, &plcdi, dsl::neighbors);
            memo.changed();
            paint_cells_in(&mut go, plcd.iter());
            let col = rng.choice(&[*ca, *cb])?;
            paint_cells_in(&mut gi, plcd.iter().filter(|c| c.0 == col));
        }
    }
    ex(gi, go)
}

/// `toindices(argmax(colorfilter(objects(cc2, T, T, F), -2), size))` for
/// 72ca375d: the cells of the largest 8-connected component of `-2` cells,
/// when it is the only one of its size. `argmax` keeps the first largest in
/// the objects' set order, which only a tie reads: then `None`, and the
/// caller builds the objects.
fn largest_72ca375d(cc2: &Grid) -> Option<Vec<Loc>> {
    let (h, w) = (cc2.len(), cc2.first().map_or(0, Vec::len));
    let is2: Vec<bool> = cc2.iter().flatten().map(|&v| v == -2).collect();
    let mut seen = vec![false; h * w];
    let (mut best, mut tie) = (Vec::new(), false);
    let (mut cur, mut stack) = (Vec::new(), Vec::new());
    for start in 0..h * w {
        if seen[start] || !is2[start] {
            continue;
        }
        seen[start] = true;
        stack.push(start);
        cur.clear();
        while let Some(x) = stack.pop() {
            let (i, j) = (x / w, x % w);
            cur.push((i as i64, j as i64));
            for ni in i.saturating_sub(1)..=(i + 1).min(h - 1) {
                for nj in j.saturating_sub(1)..=(j + 1).min(w - 1) {
                    let y = ni * w + nj;
                    if !seen[y] && is2[y] {
                        seen[y] = true;
                        stack.push(y);
                    }
                }
            }
        }
        if cur.len() > best.len() {
            std::mem::swap(&mut best, &mut cur);
            tie = false;
        } else if cur.len() == best.len() {
            tie = true;
        }
    }
    (!best.is_empty() && !tie).then_some(best)
}

/// `patch != vmirror(patch)` for a patch given as its distinct cells: a set
/// of the same size as its mirror image equals it when every mirrored cell
/// is in it (`vmirror` maps `(i, j)` to `(i, left + right - j)`).
fn asymmetric(cells: &[Loc]) -> bool {
    let Some(&(i0, j0)) = cells.first() else {
        return false;
    };
    let (t, l, b, r) = cells
        .iter()
        .fold((i0, j0, i0, j0), |(t, l, b, r), &(i, j)| {
            (t.min(i), l.min(j), b.max(i), r.max(j))
        });
    let bw = (r - l + 1) as usize;
    let mut mask = vec![false; (b - t + 1) as usize * bw];
    for &(i, j) in cells {
        mask[(i - t) as usize * bw + (j - l) as usize] = true;
    }
    cells
        .iter()
        .any(|&(i, j)| !mask[(i - t) as usize * bw + (r - j) as usize])
}

fn generate_72ca375d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 25));
    let srcobjh = unifint(rng, diff_lb, diff_ub, (2, 8));
    let srcobjwh = unifint(rng, diff_lb, diff_ub, (1, 4));
    let bnds = dsl::asindices(&dsl::canvas(-1, (srcobjh, srcobjwh)));
    let spi = rng.randint(0, srcobjh - 1)?;
    let sp = (spi, srcobjwh - 1);
    let mut srcobj: PySet<Loc> = std::iter::once(sp).collect();
    let bnds = dsl::remove(&sp, &bnds);
    let area = srcobjh * srcobjwh;
    let ncellsd = unifint(rng, diff_lb, diff_ub, (0, area / 2));
    let ncells1 = rng.choice(&[ncellsd, area - ncellsd])?;
    let ncells2 = unifint(rng, diff_lb, diff_ub, (1, area));
    let ncells = (ncells1 + ncells2) / 2;
    let ncells = ncells.max(1).min(area).min((h * w) / 2 - 1);
    for _ in 0..ncells - 1 {
        grow_by(rng, &bnds, &mut srcobj, dsl::neighbors)?;
    }
    let srcobj = normalize_set(&srcobj);
    let srcobj = &srcobj | &dsl::vmirror(&srcobj).shift((0, dsl::width_of(&srcobj)));
    let (srcobjh, srcobjw) = dsl::shape(&srcobj);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let trgc = rng.choice(&remcols)?;
    let go = dsl::fill(&dsl::canvas(bgc, (srcobjh, srcobjw)), trgc, &srcobj);
    let loci = rng.randint(0, h - srcobjh)?;
    let locj = rng.randint(0, w - srcobjw)?;
    let shftd = srcobj.shift((loci, locj));
    let mut gi = dsl::fill(&dsl::canvas(bgc, (h, w)), trgc, &shftd);
    // `indss` as CPython's table (`GridSet`).
    let around = Around::new(shftd.iter().copied(), dsl::neighbors);
    let mut indss = GridSet::asindices((h, w))
        .difference_locs(&shftd.to_vec())
        .difference_locs(around.cells());
    let maxtrials = 4 * nobjs;
    let (mut tr, mut succ) = (0, 0);
    // `remcands` and each `newobj` lie in the 8 by 8 box: CPython's tables
    // of them, and of the sets built to grow `newobj`, are kept as ids
    // (`IdSet`; `newobj`, only ever added new elements or rebuilt, and the
    // growth step's sets as `CleanIds`, on the stack), with masks for
    // membership.
    let hashes = loc10_hashes();
    let asind = IdSet::from_distinct(
        hashes,
        (0..8).flat_map(|i| (0..8).map(move |j| id10((i, j)))),
    );
    let srcmask = srcobj.iter().fold(0, |m, &l| m | bit10(l));
    let remcands = asind.difference_where(srcobj.len(), |id| srcmask >> id & 1 != 0);
    let remmask = remcands.iter().fold(0u128, |m, id| m | 1 << id);
    while succ < nobjs && tr <= maxtrials {
        if indss.len() == 0 {
            break;
        }
        let newobj = loop {
            let mut newobj = CleanIds::from_distinct(hashes, srcobj.iter().map(|&l| id10(l)));
            let mut nmask = srcmask;
            let numperti = unifint(rng, diff_lb, diff_ub, (1, 63));
            let numpert = 64 - numperti;
            for _ in 0..numpert {
                let isadd = rng.choice(&[true, false])?;
                if isadd && newobj.len() < 64 {
                    let rest =
                        || remcands.difference_where(newobj.len(), |id| nmask >> id & 1 != 0);
                    let cndds =
                        box8_meet_ids(rest, remmask & !nmask, newobj.iter(), nmask, dsl::neighbors);
                    if cndds.len() == 0 {
                        break;
                    }
                    let added = rng.choice(&cndds.order())?;
                    // `added` is not in `newobj` (drawn from `remcands - newobj`).
                    newobj.insert(hashes, added);
                    nmask |= 1 << added;
                }
                if !isadd && newobj.len() > 2 {
                    let cells = newobj.order();
                    let gone = rng.choice(&cells)?;
                    // `remove(x, a_set)`: a new set, built by iterating.
                    newobj = CleanIds::from_distinct(
                        hashes,
                        cells.iter().copied().filter(|&id| id != gone),
                    );
                    nmask &= !(1 << gone);
                }
            }
            // `normalize(newobj)`: only its shape is read and it is filled
            // (one value), so its cells suffice, no set.
            let cells: Vec<Loc> = newobj.iter().map(loc10).collect();
            let cells = normalized(&cells);
            let (a, b) = cells
                .iter()
                .fold((0, 0), |(a, b), &(i, j)| (a.max(i + 1), b.max(j + 1)));
            let mut cc = dsl::canvas(-1, (a + 2, b + 2));
            let shifted: Vec<Loc> = cells.iter().map(|&(i, j)| (i + 1, j + 1)).collect();
            fill_locs_in(&mut cc, -2, &shifted);
            let cc2 = dsl::compress(&cc);
            // `newobj` is only compared, tested for fits, subtracted and
            // filled below: no object's own order is read.
            let newobj = match largest_72ca375d(&cc2) {
                Some(cells) => cells,
                None => {
                    let objs =
                        dsl::colorfilter(&dsl::objects_unordered(&cc2, true, true, false), -2);
                    let biggest = dsl::argmax(objs.iter(), |o| o.len())
                        .ok_or_else(|| DatasetError::Generation("no object".into()))?;
                    dsl::toindices(biggest).to_vec()
                }
            };
            if asymmetric(&newobj) {
                break newobj;
            }
        };
        let col = rng.choice(&remcols)?;
        // `sfilter(indss, lambda ij: shift(newobj, ij).issubset(indss))`:
        // each test a yes or no, asked of a membership mask.
        let mut member = vec![false; (GRID_SIDE * GRID_SIDE) as usize];
        for id in indss.iter() {
            member[id as usize] = true;
        }
        let cells = &newobj;
        let fits = |id: u16| {
            let (i, j) = gloc(id);
            cells.iter().all(|&(a, b)| {
                let (x, y) = (a + i, b + j);
                (0..h).contains(&x) && (0..w).contains(&y) && member[gid((x, y)) as usize]
            })
        };
        let loccands: Vec<u16> = indss.filter(fits).iter().collect();
        if loccands.is_empty() {
            tr += 1;
            continue;
        }
        let locc = gloc(rng.choice(&loccands)?);
        let newobj: Vec<Loc> = newobj
            .iter()
            .map(|&(i, j)| (i + locc.0, j + locc.1))
            .collect();
        fill_locs_in(&mut gi, col, &newobj);
        succ += 1;
        let around = Around::new(newobj.iter().copied(), dsl::neighbors);
        indss = indss
            .difference_locs(&newobj)
            .difference_locs(around.cells());
    }
    ex(gi, go)
}

fn generate_73251a56(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let (gi, go) = loop {
        let d = unifint(rng, diff_lb, diff_ub, (10, 30));
        let (h, w) = (d, d);
        let noisec = rng.choice(&cols)?;
        let nsl = unifint(rng, diff_lb, diff_ub, (2, 9.min(h / 2)));
        let mut slopes = rng.sample(&dsl::interval(1, h - 1, 1), nsl - 1)?;
        slopes.sort();
        slopes.insert(0, 0);
        let ccols = rng.sample(&cols, nsl)?;
        let mut gi = dsl::canvas(-1, (h, w));
        for (&col, &hdelt) in ccols.iter().zip(&slopes) {
            let slope = hdelt as f64 / w as f64;
            for i in 0..h {
                for j in 0..w {
                    if slope * j as f64 <= i as f64 {
                        gi[i as usize][j as usize] = col;
                    }
                }
            }
        }
        let diagc = ccols[ccols.len() - 2];
        for (i, row) in gi.iter_mut().enumerate() {
            row[i] = diagc;
        }
        // `paint(gi, dmirror(upper triangle))`: the grid made symmetric.
        let upper = gi.clone();
        for (j, row) in gi.iter_mut().enumerate() {
            for (i, v) in row.iter_mut().enumerate().take(j + 1) {
                *v = upper[i][j];
            }
        }
        let cf1 = |g: &Grid| (0..d as usize).any(|i| g[i][i] == diagc);
        let cf2 = |g: &Grid| {
            (0..d as usize).all(|i| {
                (0..d as usize).all(|j| i == j || !(g[i][j] == noisec && g[j][i] == noisec))
            })
        };
        let ndist = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 15));
        let (mut tr, mut succ) = (0, 0);
        let maxtr = 10 * ndist;
        let go = gi.clone();
        while tr < maxtr && succ < ndist {
            tr += 1;
            let oh = rng.randint(1, 5)?;
            let ow = rng.randint(1, 5)?;
            let loci = rng.randint(1, h - oh - 1)?;
            let locj = rng.randint(1, w - ow - 1)?;
            let bd = dsl::backdrop(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
            let gi2 = dsl::fill(&gi, noisec, &bd);
            if cf1(&gi2) && cf2(&gi2) {
                succ += 1;
                gi = gi2;
            }
        }
        if gi != go {
            break (gi, go);
        }
    };
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_7447852a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&4, &dsl::interval(0, 10, 1));
    let w = unifint(rng, diff_lb, diff_ub, (2, 8));
    let h = unifint(rng, diff_lb, diff_ub, (w + 1, 30));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&linc, &cols));
    let c = dsl::canvas(bgc, (h, w));
    let mut sp = (h - 1, 0);
    let mut gi = fill_locs(&c, linc, &[sp]);
    let mut direc = 1;
    loop {
        sp = (sp.0 - 1, sp.1 + direc);
        if sp.1 == w - 1 || sp.1 == 0 {
            direc *= -1;
        }
        // `gi2 == gi` exactly when the fill changes nothing: `sp` is off
        // the grid or already of the line color.
        match cell_at(&gi, sp) {
            Some(v) if v != linc => gi[sp.0 as usize][sp.1 as usize] = linc,
            _ => break,
        }
    }
    let gi = dsl::rot90(&gi);
    // `order(colorfilter(objects(gi, T, F, F), bgc), leftmost)`: a stable
    // sort of `colorfilter`'s order, which follows from the objects'
    // hashes (`objects` returns a frozenset of its set, `colorfilter` adds
    // the kept ones in that order); the objects are then only filled, so
    // their cells suffice.
    let objs = objects_cells(&gi, true, false, false);
    let hashes: Vec<i64> = objs.iter().map(object_hash).collect();
    let kept: Vec<usize> = set_frozen_order(&hashes)
        .into_iter()
        .filter(|&k| objs[k].first().is_some_and(|c| c.0 == bgc))
        .collect();
    let kept_hashes: Vec<i64> = kept.iter().map(|&k| hashes[k]).collect();
    let mut ordered: Vec<usize> = added_order(&kept_hashes)
        .into_iter()
        .map(|x| kept[x])
        .collect();
    let leftmost = |k: usize| objs[k].iter().map(|c| c.1 .1).min().unwrap_or(0);
    ordered.sort_by_key(|&k| leftmost(k));
    // `ofcolor(gi, bgc)`'s order is read (a sample): the table that adds
    // them row by row (`GridSet`).
    let bgset = ofcolor_set(&gi, bgc);
    let mut inds: Vec<Loc> = Vec::with_capacity(bgset.len());
    inds.extend(bgset.iter().map(gloc));
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 7));
    let ccols = rng.sample(&remcols, numcols)?;
    let ncells = unifint(rng, diff_lb, diff_ub, (0, inds.len() as i64));
    let locs = rng.sample(&inds, ncells)?;
    let mut gi = gi;
    for (i, j) in locs {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let mut go = gi.clone();
    for &k in ordered.iter().step_by(3) {
        fill_locs_in(&mut go, 4, objs[k].iter().map(|c| &c.1));
    }
    ex(gi, go)
}

fn generate_7468f01a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let sf = rng.sample(&remcols, 2)?;
    let (sgc, fgc) = (sf[0], sf[1]);
    let oh = unifint(
        rng,
        diff_lb,
        diff_ub,
        (2, 2.max((h as f64 * (2.0 / 3.0)) as i64)),
    );
    let ow = unifint(
        rng,
        diff_lb,
        diff_ub,
        (2, 2.max((w as f64 * (2.0 / 3.0)) as i64)),
    );
    let gi = dsl::canvas(bgc, (h, w));
    let go = dsl::canvas(sgc, (oh, ow));
    let bounds = dsl::asindices(&go);
    let mut shp: PySet<Loc> = std::iter::once((0, 0)).collect();
    let nc = unifint(rng, diff_lb, diff_ub, (0, 1.max((oh * ow) / 2)));
    for _ in 0..nc {
        grow(rng, &bounds, &mut shp)?;
    }
    let go = filled_locs(go, fgc, shp.iter());
    let objx = dsl::asobject(&dsl::vmirror_grid(&go));
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let gi = dsl::painted(gi, &objx.shift((loci, locj)));
    ex(gi, go)
}

fn generate_746b3537(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let fullcols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 15));
    let w = unifint(rng, diff_lb, diff_ub, (1, 30));
    let mut cols = Vec::new();
    let mut lastc = -1;
    for _ in 0..h {
        let c = rng.choice(&dsl::remove(&lastc, &fullcols))?;
        cols.push(c);
        lastc = c;
    }
    let mut go: Grid = cols.iter().map(|&c| vec![c]).collect();
    let mut gi: Grid = cols.iter().map(|&c| vec![c; w as usize]).collect();
    let numinserts = unifint(rng, diff_lb, diff_ub, (1, 30 - h));
    for _ in 0..numinserts {
        let loc = rng.randint(0, gi.len() as i64 - 1)? as usize;
        let row = gi[loc].clone();
        gi.insert(loc, row);
    }
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

fn generate_74dd1130(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled(rng, diff_lb, diff_ub, 1)?;
    let go = dsl::dmirror_grid(&gi);
    ex(gi, go)
}

fn generate_75b8110e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 15));
    let w = unifint(rng, diff_lb, diff_ub, (2, 15));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let cs = rng.sample(&remcols, 4)?;
    let canv = dsl::canvas(bgc, (h, w));
    let cels = dsl::asindices(&canv).to_vec();
    let mp = (h * w) / 2;
    let mut nums = Vec::new();
    for _ in 0..4 {
        let dev = unifint(rng, diff_lb, diff_ub, (0, mp));
        let num = if rng.choice(&[true, false])? {
            h * w - dev
        } else {
            dev
        };
        nums.push(num.max(0).min(h * w - 1));
    }
    let mut ss = Vec::new();
    for &num in &nums {
        ss.push(rng.sample(&cels, num)?);
    }
    let g: Vec<Grid> = (0..4).map(|k| fill_locs(&canv, cs[k], &ss[k])).collect();
    let gi = dsl::vconcat(&dsl::hconcat(&g[0], &g[1]), &dsl::hconcat(&g[2], &g[3]));
    let go = fill_locs(&g[0], cs[3], &ss[3]);
    let go = filled_locs(go, cs[2], &ss[2]);
    let go = filled_locs(go, cs[1], &ss[1]);
    ex(gi, go)
}

fn generate_760b3cac(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let obj_l: Indices = [(0, 0), (1, 0), (1, 1), (1, 2), (2, 1)]
        .into_iter()
        .collect();
    let obj_r = dsl::vmirror(&obj_l);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 14));
    let w = 2 * w + 1;
    let boi = rng.sample(&cols, 3)?;
    let (bgc, objc, indc) = (boi[0], boi[1], boi[2]);
    let objh = unifint(rng, diff_lb, diff_ub, (1, h - 3));
    let objw = unifint(rng, diff_lb, diff_ub, (1, w / 6));
    let objw = 2 * objw + 1;
    let c = dsl::canvas(-1, (objh, objw));
    let mut gi = dsl::canvas(bgc, (h, w));
    let (obj, sgn) = if rng.choice(&[true, false])? {
        (obj_l, -1)
    } else {
        (obj_r, 1)
    };
    dsl::fill_in(&mut gi, indc, &obj.shift((h - 3, w / 2 - 1)));
    let inds = dsl::asindices(&c);
    let sp = rng.choice_in(&inds)?;
    let mut objx: PySet<Loc> = std::iter::once(sp).collect();
    let numcd = unifint(rng, diff_lb, diff_ub, (0, (objh * objw) / 2));
    let numc = rng.choice(&[numcd, objh * objw - numcd])?;
    let numc = numc.max(1).min(objh * objw);
    for _ in 0..numc - 1 {
        grow_by(rng, &inds, &mut objx, dsl::neighbors)?;
    }
    while set_shape(&objx).1 != objw {
        grow_by(rng, &inds, &mut objx, dsl::neighbors)?;
    }
    let objx = normalize_set(&objx);
    let (objh, objw) = dsl::shape(&objx);
    let loci = rng.randint(0, h - 3 - objh)?;
    let locj = w / 2 - objw / 2;
    let plcd = objx.shift((loci, locj));
    dsl::fill_in(&mut gi, objc, &plcd);
    let plcd2 = dsl::vmirror(&plcd).shift((0, objw * sgn));
    let go = dsl::fill(&gi, objc, &plcd2);
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

/// 776ffc46's `plcd = shift(obj, loc)`, `gi = fill(gi, outc, plcd)` and
/// `inds = (inds - plcd) - mapply(neighbors, plcd)` on `inds`' table
/// ([`GridSet`]): a fill and two differences, which read `plcd` and the
/// mapply only for their sizes and membership, so neither is built as a set.
/// `plcd` lies in `inds`, so in the grid.
fn place_776ffc46(gi: &mut Grid, inds: &mut GridSet, outc: i64, obj: &[Loc], loc: Loc) {
    let plcd: Vec<Loc> = obj.iter().map(|&(i, j)| (i + loc.0, j + loc.1)).collect();
    fill_locs_in(gi, outc, &plcd);
    *inds = grid_minus_near(inds, &plcd, dsl::neighbors);
}

fn generate_776ffc46(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bsio = rng.sample(&cols, 4)?;
    let (bgc, sqc, inc, outc) = (bsio[0], bsio[1], bsio[2], bsio[3]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let sqh = rng.randint(3, h / 3 + 1)?;
    let sqw = rng.randint(3, w / 3 + 1)?;
    let loci = rng.randint(0, 3)?;
    let locj = rng.randint(0, w - sqw)?;
    let bx = dsl::r#box(&pair_set((loci, locj), (loci + sqh - 1, locj + sqw - 1)));
    let bounds = asindices_of((sqh - 2, sqw - 2));
    // `obj = {rng.choice(...)}` is drawn before `ncells`.
    let first = rng.choice_in(&bounds)?;
    let ncells = rng.randint(1, (sqh - 2) * (sqw - 2))?;
    let mut obj: PySet<Loc> = std::iter::once(first).collect();
    for _ in 0..ncells - 1 {
        grow_box8(rng, &bounds, &mut obj, dsl::dneighbors)?;
    }
    let obj = normalize_set(&obj);
    let (oh, ow) = dsl::shape(&obj);
    let di = loci + 1 + rng.randint(0, sqh - oh - 2)?;
    let dj = locj + 1 + rng.randint(0, sqw - ow - 2)?;
    let objp = obj.shift((di, dj));
    dsl::fill_in(&mut gi, sqc, &bx);
    dsl::fill_in(&mut gi, inc, &objp);
    // `inds` is read in its order (draws from its sfilters): CPython's table
    // as location numbers. `backdrop(bx)` (the square, inside the grid) and
    // its mapply are subtracted, read for their sizes and membership.
    let bd = rect_cells((loci, locj), (loci + sqh - 1, locj + sqw - 1));
    let mut inds = grid_minus_near(&ofcolor_set(&gi, bgc), &bd, dsl::neighbors);
    let objv = obj.to_vec();
    // `sfilter(inds, lambda ij: shift(obj, ij).issubset(inds))`: yes or no
    // per location, from a membership mask of `inds`.
    let mut member = vec![false; (GRID_SIDE * GRID_SIDE) as usize];
    inds.iter().for_each(|id| member[id as usize] = true);
    let cands = inds.filtered_order(|id| {
        let (i, j) = gloc(id);
        objv.iter().all(|&(a, b)| {
            let (x, y) = (a + i, b + j);
            (0..h).contains(&x) && (0..w).contains(&y) && member[gid((x, y)) as usize]
        })
    });
    let loc = gloc(pick(rng, &cands)?);
    place_776ffc46(&mut gi, &mut inds, outc, &objv, loc);
    let noccs = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 20));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * noccs;
    // `sfilter(inds, fits)` per shape while `inds` stays the same set, and
    // the frame candidates per box size (both read in their sets' orders).
    let mut memo = FitMemo::default();
    let mut frame_cands: Vec<(Loc, Vec<Loc>)> = Vec::new();
    while tr < maxtr && succ < noccs {
        tr += 1;
        // Only the contents of `obj2` matter once it is normalized.
        let obj2: Indices = if rng.choice(&[true, false])? {
            let sqh = rng.randint(3, h / 3 + 1)?;
            let sqw = rng.randint(3, w / 3 + 1)?;
            let bounds = asindices_of((sqh - 2, sqw - 2));
            let first = rng.choice_in(&bounds)?;
            let ncells = rng.randint(1, (sqh - 2) * (sqw - 2))?;
            let mut obj2: PySet<Loc> = std::iter::once(first).collect();
            for _ in 0..ncells - 1 {
                grow_box8(rng, &bounds, &mut obj2, dsl::dneighbors)?;
            }
            if normalize_set(&obj2) == obj {
                if (obj2.len() as i64) < (sqh - 2) * (sqw - 2) {
                    grow_box8(rng, &bounds, &mut obj2, dsl::dneighbors)?;
                } else {
                    continue;
                }
            }
            let obj2 = normalize_set(&obj2);
            let (ooh, oow) = dsl::shape(&obj2);
            let k = match frame_cands.iter().position(|(key, _)| *key == (sqh, sqw)) {
                Some(k) => k,
                None => {
                    let cands = &(&(&dsl::connect((-1, -1), (-1, w - sqw + 1))
                        | &dsl::connect((h - sqh + 1, -1), (h - sqh + 1, w - sqw + 1)))
                        | &dsl::connect((-1, -1), (h - sqh + 1, -1)))
                        | &dsl::connect((-1, w - sqw + 1), (h - sqh + 1, w - sqw + 1));
                    frame_cands.push(((sqh, sqw), cands.to_vec()));
                    frame_cands.len() - 1
                }
            };
            let cands = &frame_cands[k].1;
            if cands.is_empty() {
                continue;
            }
            let (sloci, slocj) = rng.choice(cands)?;
            // `(backdrop(plcdbx) & fullinds).issubset(inds)`: the box's
            // rectangle, clipped to the grid, all in `inds`.
            let (ul, lr) = ((sloci, slocj), (sloci + sqh - 1, slocj + sqw - 1));
            let clipped = (
                (ul.0.max(0), ul.1.max(0)),
                (lr.0.min(h - 1), lr.1.min(w - 1)),
            );
            let fits = (clipped.0 .0..=clipped.1 .0)
                .all(|i| (clipped.0 .1..=clipped.1 .1).all(|j| in_grid_set(&inds, (i, j))));
            if fits {
                succ += 1;
                let r = rng.randint(0, sqh - ooh - 2)?;
                let oloci = rng.randint(sloci + 1, sloci + 1 + r)?;
                let r = rng.randint(0, sqw - oow - 2)?;
                let olocj = rng.randint(slocj + 1, slocj + 1 + r)?;
                fill_locs_in(&mut gi, sqc, &outline_cells(ul, lr));
                let shifted = obj2.iter().map(|&(i, j)| (i + oloci, j + olocj));
                fill_locs_in(&mut gi, inc, &shifted.collect::<Vec<_>>());
                // `inds - backdrop(outbox(plcdbx))`: a rectangle, read for
                // its size and membership.
                let (oul, olr) = ((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1));
                let area = ((olr.0 - oul.0 + 1) * (olr.1 - oul.1 + 1)) as usize;
                inds = inds.difference_where(area, |id| in_rect(gloc(id), oul, olr));
                memo.changed();
            }
            obj2
        } else {
            let ooh = rng.randint(1, h / 3 - 1)?;
            let oow = rng.randint(1, w / 3 - 1)?;
            let bounds = asindices_of((ooh, oow));
            let first = rng.choice_in(&bounds)?;
            let ncells = rng.randint(1, oow * ooh)?;
            let mut obj2: PySet<Loc> = std::iter::once(first).collect();
            for _ in 0..ncells - 1 {
                grow_box8(rng, &bounds, &mut obj2, dsl::dneighbors)?;
            }
            if normalize_set(&obj2) == obj {
                if (obj2.len() as i64) < ooh * oow {
                    grow_box8(rng, &bounds, &mut obj2, dsl::dneighbors)?;
                } else {
                    continue;
                }
            }
            normalize_set(&obj2)
        };
        let obj2 = if rng.choice(&[true, false, false])? {
            obj.clone()
        } else {
            obj2
        };
        let (ooh, oow) = dsl::shape(&obj2);
        let obj2v = obj2.to_vec();
        for _ in 0..rng.randint(1, 3)? {
            let cands = memo.fitting(&inds, (h, w), (ooh, oow));
            if cands.is_empty() {
                continue;
            }
            let loc = gloc(rng.choice(cands)?);
            if obj2v
                .iter()
                .all(|&(i, j)| in_grid_set(&inds, (i + loc.0, j + loc.1)))
            {
                succ += 1;
                place_776ffc46(&mut gi, &mut inds, outc, &obj2v, loc);
                memo.changed();
            }
        }
    }
    // `same` (the `outc` objects shaped like `obj`, merged) is only filled
    // with one color: which cells it holds is all that matters, so the
    // components are labelled directly and each `outc` one is compared with
    // `obj` by its locations (set equality).
    let (label, n) = component_labels(&gi, false);
    let wu = w as usize;
    let mut comps: Vec<Vec<Loc>> = vec![Vec::new(); n];
    for (i, row) in gi.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            if v == outc {
                comps[label[i * wu + j]].push((i as i64, j as i64));
            }
        }
    }
    let mut go = gi.clone();
    for c in comps.iter().filter(|c| !c.is_empty()) {
        let top = c.iter().map(|l| l.0).min().unwrap_or(0);
        let left = c.iter().map(|l| l.1).min().unwrap_or(0);
        if c.len() == obj.len() && c.iter().all(|&(i, j)| obj.contains(&(i - top, j - left))) {
            for &(i, j) in c {
                go[i as usize][j as usize] = inc;
            }
        }
    }
    ex(gi, go)
}

fn generate_77fdfe62(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 13));
    let w = unifint(rng, diff_lb, diff_ub, (1, 13));
    let cs = rng.sample(&cols, 7)?;
    let (c1, c2, c3, c4, barc, bgc, inc) = (cs[0], cs[1], cs[2], cs[3], cs[4], cs[5], cs[6]);
    let inds = dsl::asindices(&dsl::canvas(bgc, (h, w))).to_vec();
    let (fullh, fullw) = (2 * h + 4, 2 * w + 4);
    let mut ns = [0; 4];
    for n in ns.iter_mut() {
        *n = unifint(rng, diff_lb, diff_ub, (1, h * w));
    }
    let mut parts = Vec::with_capacity(4);
    for n in ns {
        parts.push(rng.sample(&inds, n)?);
    }
    let sh = |p: &[Loc], (di, dj): Loc| -> Vec<Loc> {
        p.iter().map(|&(i, j)| (i + di, j + dj)).collect()
    };
    let mut gi = dsl::canvas(bgc, (fullh, fullw));
    dsl::fill_in(&mut gi, barc, &dsl::connect((1, 0), (1, fullw - 1)));
    gi = dsl::fill(
        &gi,
        barc,
        &dsl::connect((fullh - 2, 0), (fullh - 2, fullw - 1)),
    );
    dsl::fill_in(&mut gi, barc, &dsl::connect((0, 1), (fullh - 1, 1)));
    gi = dsl::fill(
        &gi,
        barc,
        &dsl::connect((0, fullw - 2), (fullh - 1, fullw - 2)),
    );
    fill_locs_in(&mut gi, c1, &[(0, 0)]);
    fill_locs_in(&mut gi, c2, &[(0, fullw - 1)]);
    fill_locs_in(&mut gi, c3, &[(fullh - 1, 0)]);
    fill_locs_in(&mut gi, c4, &[(fullh - 1, fullw - 1)]);
    let offs = [(0, 0), (0, w), (h, 0), (h, w)];
    for (p, &(di, dj)) in parts.iter().zip(&offs) {
        fill_locs_in(&mut gi, inc, &sh(p, (2 + di, 2 + dj)));
    }
    let mut go = dsl::canvas(bgc, (2 * h, 2 * w));
    for ((p, &off), c) in parts.iter().zip(&offs).zip([c1, c2, c3, c4]) {
        fill_locs_in(&mut go, c, &sh(p, off));
    }
    ex(gi, go)
}

/// 780d0b14's `merge(tuple(repeat(r, c) + (sep,) for r, c in zip(rows,
/// counts)))[:-1]` along one axis: for each row (or column) of the result,
/// the row of the source it repeats, or `None` for a separator.
fn stretch_axis(counts: &[i64]) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(counts.iter().map(|&c| c.max(0) as usize + 1).sum());
    for (k, &c) in counts.iter().enumerate() {
        out.extend(std::iter::repeat_n(Some(k), c.max(0) as usize));
        out.push(None);
    }
    out.pop();
    out
}

fn generate_780d0b14(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let nh = unifint(rng, diff_lb, diff_ub, (2, 6));
    let nw = unifint(rng, diff_lb, diff_ub, (2, 6));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (3, 9));
    let ccols = rng.sample(&remcols, ncols)?;
    let mut go = dsl::canvas(-1, (nh, nw));
    let cells = dsl::asindices_order(nh, nw);
    let recolor_all = |go: &mut Grid, rng: &mut GenRng| -> Result<()> {
        for &(i, j) in cells.iter() {
            go[i as usize][j as usize] = rng.choice(&ccols)?;
        }
        Ok(())
    };
    recolor_all(&mut go, rng)?;
    while (dsl::dedupe(&go).len() as i64) < nh
        || (dsl::dedupe(&dsl::dmirror_grid(&go)).len() as i64) < nw
    {
        recolor_all(&mut go, rng)?;
    }
    let h = unifint(rng, diff_lb, diff_ub, (2 * nh + nh - 1, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2 * nw + nw - 1, 30));
    let mut hdist = vec![2; nh as usize];
    for _ in 0..(h - 2 * nh - nh + 1).max(0) {
        let idx = rng.randint(0, nh - 1)? as usize;
        hdist[idx] += 1;
    }
    let mut wdist = vec![2; nw as usize];
    for _ in 0..(w - 2 * nw - nw + 1).max(0) {
        let idx = rng.randint(0, nw - 1)? as usize;
        wdist[idx] += 1;
    }
    // The rows stretched with separator rows, then (through the two
    // `dmirror`s) the columns likewise: each cell is the source cell of its
    // row and column, or `bgc` on a separator.
    let (rows, cols) = (stretch_axis(&hdist), stretch_axis(&wdist));
    let gi: Grid = rows
        .iter()
        .map(|r| {
            cols.iter()
                .map(|c| match (r, c) {
                    (Some(a), Some(b)) => go[*a][*b],
                    _ => bgc,
                })
                .collect()
        })
        .collect();
    // `objects(gi, T, F, F) - colorfilter(objects, bgc)`: of the colored
    // objects only `toindices`' order (a sample of it), size and hash are
    // read, so they are flooded as `objects` floods them on location
    // numbers (`flood_indices_exact4`: colors and sizes fit it), the hash
    // from their cells (all of the object's one color); the background ones
    // count only for the sets' orders, which the objects' hashes give.
    let (h, w) = dsl::shape_grid(&gi);
    let mut occupied = vec![false; (h * w) as usize];
    let mut occupied_len = 0;
    let mut keys: PySet<ObjectKey> = PySet::new();
    let mut exact: Vec<Option<Vec<Loc>>> = Vec::new();
    for &(i, j) in dsl::asindices_order(h, w).iter() {
        if occupied[(i * w + j) as usize] {
            continue;
        }
        let v = gi[i as usize][j as usize];
        let (o, hash) = if v == bgc {
            let how = (true, false, None);
            let cells = flood_cells(&gi, (i, j), how, &mut occupied, &mut occupied_len);
            (None, object_hash(&cells))
        } else {
            let inds = flood_indices_exact4(&gi, (i, j), &mut occupied, &mut occupied_len);
            let locs: Vec<Loc> = inds.iter().map(gloc).collect();
            let hash = pycompat::frozenset_hash_of(locs.iter().map(|&l| cell_hash(&(v, l))));
            (Some(locs), hash)
        };
        keys.add(ObjectKey {
            idx: exact.len(),
            hash,
        });
        exact.push(o);
    }
    let nbg = exact.iter().filter(|o| o.is_none()).count();
    let objs = keys
        .freeze()
        .difference_where(nbg, |k| exact[k.idx].is_none());
    let mut gi = gi;
    for k in objs.iter() {
        let idx = exact[k.idx].as_ref().expect("a colored object");
        let n = unifint(rng, diff_lb, diff_ub, (1, idx.len() as i64 / 2));
        fill_locs_in(&mut gi, bgc, &rng.sample(idx, n)?);
    }
    ex(gi, go)
}

/// One of several distinct objects as an element of a set of objects:
/// equal only to itself, hashing as the object does.
#[derive(Clone, PartialEq)]
struct ObjectKey {
    idx: usize,
    hash: i64,
}

impl PyHashable for ObjectKey {
    fn py_hash(&self) -> i64 {
        self.hash
    }
}

fn generate_7837ac64(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let oh = unifint(rng, diff_lb, diff_ub, (2, 6));
    let ow = unifint(rng, diff_lb, diff_ub, (2, 6));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&linc, &cols));
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numcols)?;
    let mut go = dsl::canvas(bgc, (oh, ow));
    let mut inds = asindices_of((oh, ow));
    let fullinds = asindices_of((oh, ow));
    let nocc = unifint(rng, diff_lb, diff_ub, (1, oh * ow));
    for _ in 0..nocc {
        let mut mpr: Vec<(i64, Indices)> = Vec::new();
        for &cc in &ccols {
            let ofc = dsl::ofcolor(&go, cc);
            let pool = &inds | &around(&ofc);
            // `(neighbors(ij) & fullinds).issubset(inds | ofcolor(go, cc))`:
            // a yes or no over the neighbours inside the grid.
            let locs = dsl::sfilter(&pool, |&(i, j)| {
                (i - 1..=i + 1).all(|a| {
                    (j - 1..=j + 1).all(|b| {
                        (a, b) == (i, j)
                            || !(0 <= a && a < oh && 0 <= b && b < ow)
                            || go[a as usize][b as usize] == cc
                            || inds.contains(&(a, b))
                    })
                })
            });
            if !locs.is_empty() {
                mpr.push((cc, locs));
            }
        }
        if mpr.is_empty() {
            break;
        }
        let (col, locs) = rng.choice(&mpr)?;
        let loc = rng.choice_in(&locs)?;
        fill_locs_in(&mut go, col, &[loc]);
        inds = dsl::remove(&loc, &inds);
    }
    let obj = &fullinds - &dsl::ofcolor(&go, bgc);
    let mut go = dsl::subgrid(&obj, &go);
    let (oh, ow) = dsl::shape_grid(&go);
    let sqsizh = unifint(rng, diff_lb, diff_ub, (2, (30 - oh - 1) / oh));
    let sqsizw = unifint(rng, diff_lb, diff_ub, (2, (30 - ow - 1) / ow));
    let fullh = oh + 1 + oh * sqsizh;
    let fullw = ow + 1 + ow * sqsizw;
    let mut gi = dsl::canvas(linc, (fullh, fullw));
    // The corner marks of neighboring cells share grid points, so the
    // cells are drawn in the object's order; each fill is one color over a
    // square (`shift(sq, ...)`) or the four corners of its outbox.
    for &(col, (i, j)) in dsl::asobject(&go).iter() {
        let (top, left) = (1 + i * (sqsizh + 1), 1 + j * (sqsizw + 1));
        let (bottom, right) = (top + sqsizh - 1, left + sqsizw - 1);
        fill_rect(&mut gi, bgc, (top, left), (bottom, right));
        if col != bgc {
            let corners = [
                (top - 1, left - 1),
                (top - 1, right + 1),
                (bottom + 1, left - 1),
                (bottom + 1, right + 1),
            ];
            fill_locs_in(&mut gi, col, &corners);
        }
    }
    let gih = unifint(rng, diff_lb, diff_ub, (fullh, 30));
    let giw = unifint(rng, diff_lb, diff_ub, (fullw, 30));
    let loci = rng.randint(0, gih - fullh)?;
    let locj = rng.randint(0, giw - fullw)?;
    let mut gigi = dsl::canvas(bgc, (gih, giw));
    // `paint(gigi, shift(asobject(gi), (loci, locj)))`: a copy of `gi`.
    let paste = |g: &mut Grid| {
        for (i, row) in gi.iter().enumerate() {
            let r = &mut g[loci as usize + i];
            r[locj as usize..locj as usize + row.len()].copy_from_slice(row);
        }
    };
    paste(&mut gigi);
    // The frontiers through the lines, rows and columns in the line color.
    let (ulci, ulcj) = (loci, locj);
    let mut a = ulci;
    while a < gih + 1 {
        fill_row(&mut gigi, a, linc);
        a += sqsizh + 1;
    }
    let mut a = ulci;
    while a > -1 {
        fill_row(&mut gigi, a, linc);
        a -= sqsizh + 1;
    }
    let mut b = ulcj;
    while b < giw + 1 {
        fill_column(&mut gigi, b, linc);
        b += sqsizw + 1;
    }
    let mut b = ulcj;
    while b > -1 {
        fill_column(&mut gigi, b, linc);
        b -= sqsizw + 1;
    }
    paste(&mut gigi);
    let gi = gigi;
    let gop = dsl::palette_grid(&go);
    let ccset: PySet<i64> = ccols.iter().copied().collect();
    let present = ccset.intersection(&gop);
    loop {
        let mut go2 = go.clone();
        for &c in present.iter() {
            let o1: Object = [(c, (0, 0)), (bgc, (0, 1)), (c, (0, 2))]
                .into_iter()
                .collect::<PySet<Cell>>()
                .freeze();
            let o2 = dsl::dmirror(&o1);
            let marks = dsl::combine(
                &dsl::occurrences(&go, &o1).shift((0, 1)),
                &dsl::occurrences(&go, &o2).shift((1, 0)),
            );
            dsl::fill_in(&mut go2, c, &marks);
        }
        if go2 == go {
            break;
        }
        go = go2;
    }
    ex(gi, go)
}

/// `fill(grid, value, hfrontier((i, 0)))`: row `i`, if it is in the grid.
fn fill_row(grid: &mut Grid, i: i64, value: i64) {
    if let Some(row) = usize::try_from(i).ok().and_then(|i| grid.get_mut(i)) {
        row.fill(value);
    }
}

/// `fill(grid, value, vfrontier((0, j)))`: column `j`, if it is in the grid.
fn fill_column(grid: &mut Grid, j: i64, value: i64) {
    for row in grid.iter_mut() {
        if let Some(v) = usize::try_from(j).ok().and_then(|j| row.get_mut(j)) {
            *v = value;
        }
    }
}

fn generate_794b24be(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2]);
    let mpr = [(0, 0), (0, 1), (0, 2), (1, 1)];
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let bgc = rng.choice(&cols)?;
    let nblue = rng.randint(1, 4)?;
    let go = fill_locs(&dsl::canvas(bgc, (3, 3)), 2, &mpr[..nblue as usize]);
    let gi = dsl::canvas(bgc, (h, w));
    let locs = rng.sample(&dsl::asindices(&gi).to_vec(), nblue)?;
    let mut gi = filled_locs(gi, 1, &locs);
    let remlocs = dsl::ofcolor(&gi, bgc);
    let namt = unifint(rng, diff_lb, diff_ub, (0, remlocs.len() as i64 / 2 - 1));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 7));
    let ccols = rng.sample(&remcols, numc)?;
    let noise = rng.sample(&remlocs.to_vec(), namt)?;
    for (i, j) in noise {
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    ex(gi, go)
}

/// The background cells of a two-color grid whose four-connected
/// background component touches no edge (what 7b6016b9's `mfilter` of the
/// non-bordering background objects holds), rows as bit masks (bit `j` for
/// column `j`, `w <= 30`): the background less what a flood over it from
/// its edge cells reaches, spread a row at a time until nothing changes.
fn enclosed_rows(bg: &[u32], w: usize) -> Vec<u32> {
    let h = bg.len();
    let edge_cols = 1u32 | 1 << (w - 1);
    let mut reached: Vec<u32> = bg
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if i == 0 || i + 1 == h {
                b
            } else {
                b & edge_cols
            }
        })
        .collect();
    // A row's reached cells and those joined to them along its runs.
    let spread = |mut r: u32, b: u32| loop {
        let n = (r | r << 1 | r >> 1) & b;
        if n == r {
            return r;
        }
        r = n;
    };
    let step = |reached: &mut [u32], i: usize| {
        let mut r = reached[i];
        if i > 0 {
            r |= reached[i - 1] & bg[i];
        }
        if i + 1 < h {
            r |= reached[i + 1] & bg[i];
        }
        let r = spread(r, bg[i]);
        let changed = r != reached[i];
        reached[i] = r;
        changed
    };
    loop {
        let mut changed = false;
        for i in (0..h).chain((0..h).rev()) {
            changed |= step(&mut reached, i);
        }
        if !changed {
            break;
        }
    }
    bg.iter().zip(&reached).map(|(&b, &r)| b & !r).collect()
}

fn generate_7b6016b9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&3, &dsl::remove(&2, &dsl::interval(0, 10, 1)));
    // `interval(0, n, 1)` for every `n` up to 30, as prefixes of one list.
    let upto: Vec<i64> = (0..30).collect();
    // Each try's grid has two colors: its `fgc` cells as row bit masks; the
    // grid itself is built only for the try that is kept.
    let (gi, fgc, bgc, tofill) = loop {
        let h = unifint(rng, diff_lb, diff_ub, (5, 30));
        let w = unifint(rng, diff_lb, diff_ub, (5, 30));
        let bf = rng.sample(&cols, 2)?;
        let (bgc, fgc) = (bf[0], bf[1]);
        let numl = unifint(rng, diff_lb, diff_ub, (4, h.min(w)));
        let mut fg = vec![0u32; h as usize];
        let jint = &upto[..w as usize];
        let iint = &upto[..h as usize];
        let mut iopts = dsl::interval(1, h - 1, 1);
        let mut jopts = dsl::interval(1, w - 1, 1);
        let numlh = rng.randint(numl / 3, numl / 3 * 2)?;
        let numlw = numl - numlh;
        for _ in 0..numlh {
            if iopts.is_empty() {
                continue;
            }
            let loci = rng.choice(&iopts)?;
            iopts.retain(|&x| x != loci && x != loci + 1 && x != loci - 1);
            let ab = rng.sample(jint, 2)?;
            let a = rng.randint(0, ab[0])?;
            let b = rng.randint(ab[1], w - 1)?;
            // `connect` of two cells of a row: the run between them.
            let (lo, hi) = (a.min(b), a.max(b));
            fg[loci as usize] |= (((1u64 << (hi + 1)) - 1) ^ ((1u64 << lo) - 1)) as u32;
        }
        for _ in 0..numlw {
            if jopts.is_empty() {
                continue;
            }
            let locj = rng.choice(&jopts)?;
            jopts.retain(|&x| x != locj && x != locj + 1 && x != locj - 1);
            let ab = rng.sample(iint, 2)?;
            let a = rng.randint(0, ab[0])?;
            let b = rng.randint(ab[1], h - 1)?;
            // `connect` of two cells of a column: the run between them.
            for row in &mut fg[a.min(b) as usize..=a.max(b) as usize] {
                *row |= 1 << locj;
            }
        }
        // `tofill`, the enclosed background, is only tested for emptiness,
        // grown and filled: a mask, not a frozenset.
        let full = ((1u64 << w) - 1) as u32;
        let bg: Vec<u32> = fg.iter().map(|&f| !f & full).collect();
        let enclosed = enclosed_rows(&bg, w as usize);
        if enclosed.iter().any(|&r| r != 0) {
            let wu = w as usize;
            let gi: Grid = fg
                .iter()
                .map(|&f| {
                    (0..wu)
                        .map(|j| if f >> j & 1 == 1 { fgc } else { bgc })
                        .collect()
                })
                .collect();
            let tofill: Vec<bool> = enclosed
                .iter()
                .flat_map(|&r| (0..wu).map(move |j| r >> j & 1 == 1))
                .collect();
            break (gi, fgc, bgc, tofill);
        }
    };
    // `tofix = mapply(neighbors, tofill) - tofill`, filled with one color.
    let cells = tofill
        .iter()
        .enumerate()
        .filter(|(_, &t)| t)
        .map(|(k, _)| ((k / gi[0].len()) as i64, (k % gi[0].len()) as i64));
    let tofix: Vec<Loc> = Around::new(cells, dsl::neighbors)
        .cells()
        .iter()
        .copied()
        .filter(|&(i, j)| {
            cell_at(&gi, (i, j)).is_none() || !tofill[i as usize * gi[0].len() + j as usize]
        })
        .collect();
    let gi = filled_locs(gi, fgc, &tofix);
    let go = fill_mask(&gi, 2, &tofill);
    let go = dsl::replace(&go, bgc, 3);
    ex(gi, go)
}

fn generate_7b7f7511(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 15));
    let bgc = rng.choice(&cols)?;
    let mut go = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9.min(h * w - 1)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&go).to_vec();
    for col in colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut go, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let gi = if rng.choice(&[true, false])? {
        go = dsl::dmirror_grid(&go);
        dsl::vconcat(&go, &go)
    } else {
        dsl::hconcat(&go, &go)
    };
    ex(gi, go)
}

fn generate_7c008303(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 13)) * 2;
    let w = unifint(rng, diff_lb, diff_ub, (2, 13)) * 2;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let linc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&linc, &remcols);
    let fgc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&fgc, &remcols);
    let nf = unifint(rng, diff_lb, diff_ub, (1, 4));
    let fremcols = rng.sample(&remcols, nf)?;
    let mut qc = [0; 4];
    for q in qc.iter_mut() {
        *q = rng.choice(&fremcols)?;
    }
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c).to_vec();
    let ncd = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let nc = rng.choice(&[ncd, h * w - ncd])?;
    let nc = nc.max(0).min(h * w);
    let cels = rng.sample(&inds, nc)?;
    let go = fill_locs(&c, fgc, &cels);
    let mut gi = dsl::canvas(bgc, (h + 3, w + 3));
    dsl::paint_in(&mut gi, &dsl::asobject(&go).shift((3, 3)));
    dsl::fill_in(&mut gi, linc, &dsl::connect((2, 0), (2, w + 2)));
    dsl::fill_in(&mut gi, linc, &dsl::connect((0, 2), (h + 2, 2)));
    for (k, loc) in [(0, 0), (0, 1), (1, 0), (1, 1)].into_iter().enumerate() {
        fill_locs_in(&mut gi, qc[k], &[loc]);
    }
    let (top, bottom) = (dsl::tophalf(&go), dsl::bottomhalf(&go));
    let a2 = dsl::replace(&dsl::lefthalf(&top), fgc, qc[0]);
    let b2 = dsl::replace(&dsl::righthalf(&top), fgc, qc[1]);
    let c2 = dsl::replace(&dsl::lefthalf(&bottom), fgc, qc[2]);
    let d2 = dsl::replace(&dsl::righthalf(&bottom), fgc, qc[3]);
    let go = dsl::vconcat(&dsl::hconcat(&a2, &b2), &dsl::hconcat(&c2, &d2));
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_7ddcd7ec(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let crns: [(Loc, Loc); 4] = [
        ((0, 0), (-1, -1)),
        ((0, 1), (-1, 1)),
        ((1, 0), (1, -1)),
        ((1, 1), (1, 1)),
    ];
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    let num = unifint(rng, diff_lb, diff_ub, (0, 4));
    let chos = rng.sample(&crns, num)?;
    let loci = rng.randint(0, h - 2)?;
    let locj = rng.randint(0, w - 2)?;
    let remcols = dsl::remove(&bgc, &cols);
    for &(sp, dr) in &crns {
        let sp2 = (loci + sp.0, locj + sp.1);
        let col = rng.choice(&remcols)?;
        fill_locs_in(&mut gi, col, &[sp2]);
        fill_locs_in(&mut go, col, &[sp2]);
        if chos.contains(&(sp, dr)) {
            fill_locs_in(&mut gi, col, &[(sp2.0 + dr.0, sp2.1 + dr.1)]);
            dsl::fill_in(&mut go, col, &dsl::shoot(sp2, dr));
        }
    }
    ex(gi, go)
}

fn generate_7df24a62(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (12, 32));
    let w = unifint(rng, diff_lb, diff_ub, (12, 32));
    let oh = unifint(rng, diff_lb, diff_ub, (3, 7.min(h / 3)));
    let ow = unifint(rng, diff_lb, diff_ub, (3, 7.min(w / 3)));
    let bns = rng.sample(&cols, 3)?;
    let (bgc, noisec, sqc) = (bns[0], bns[1], bns[2]);
    let tmpg = dsl::canvas(sqc, (oh, ow));
    let inbounds = dsl::backdrop(&dsl::inbox(&dsl::asindices(&tmpg)));
    let mut obj: PySet<Loc> = std::iter::once(rng.choice_in(&inbounds)?).collect();
    while set_shape(&obj) != (oh - 2, ow - 2) {
        obj.add(rng.choice_in(&inbounds.difference(&obj))?);
    }
    let pat = fill_locs(&tmpg, noisec, obj.iter());
    let targ = dsl::asobject(&fill_locs(&dsl::canvas(bgc, (oh, ow)), noisec, obj.iter()));
    let sour = dsl::asobject(&pat);
    let mut gi = dsl::canvas(bgc, (h, w));
    let loci = rng.randint(1, h - oh - 1)?;
    let locj = rng.randint(1, w - ow - 1)?;
    let plcddd = sour.shift((loci, locj));
    dsl::paint_in(&mut gi, &plcddd);
    // `inds` as CPython's table (`GridSet`), the candidates filtered from
    // it kept per shape until it changes.
    // `ofcolor(gi, bgc) & inner`: CPython walks the smaller set (`inner`
    // on a tie) and adds its members found in the other.
    let is_bg = |(i, j): Loc| gi[i as usize][j as usize] == bgc;
    let in_inner = |(i, j): Loc| 1 <= i && i < h - 1 && 1 <= j && j < w - 1;
    // `ofcolor(gi, bgc)`'s locations row by row (one pass, one buffer).
    let mut ofbg: Vec<Loc> = Vec::with_capacity((h * w) as usize);
    for (i, row) in gi.iter().enumerate() {
        for (j, &v) in row.iter().enumerate() {
            if v == bgc {
                ofbg.push((i as i64, j as i64));
            }
        }
    }
    let inner_len = ((h - 2) * (w - 2)) as usize;
    let inds = if inner_len > ofbg.len() {
        // Distinct locations: clean inserts, the same table.
        let ofbg = GridSet::from_distinct(ofbg.iter().map(|&l| gid(l)));
        ofbg.filter(|id| in_inner(gloc(id)))
    } else {
        // `shift` and the meet add distinct locations to new sets: clean
        // inserts, the same tables.
        let inner = GridSet::from_distinct(GridSet::asindices((h - 2, w - 2)).iter().map(|id| {
            let (i, j) = gloc(id);
            gid((i + 1, j + 1))
        }));
        GridSet::from_distinct(inner.iter().filter(|&id| is_bg(gloc(id))))
    };
    let pi = dsl::toindices(&plcddd);
    let near = Around::of_cells(
        pi.iter()
            .flat_map(|&l| std::iter::once(l).chain(dneighbor_cells(l))),
    );
    let near: Vec<u16> = near.cells().iter().map(|&l| gid(l)).collect();
    let mut inds = inds.difference_ids(&near);
    let mut cands_memo = FitMemo::default();
    let namt = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / 4)));
    let order: Vec<Loc> = inds.iter().map(gloc).collect();
    let noise = rng.sample(&order, namt)?;
    fill_locs_in(&mut gi, noisec, &noise);
    // `targs` and `sours` as lists of cells (the mirrors' and `normalize`'s
    // formulas on the contents): a `t` is read for its shape and cells
    // (painted, subset-tested, matched), not its order. Only the `res` walk
    // kept below for a disagreement reads the frozensets' orders, and it
    // builds them.
    // `targ` and `sour` are whole `oh` by `ow` grids (`asobject`): each of
    // the five mirrors maps the rectangle at the origin onto the rectangle
    // at the origin (so `normalize` moves nothing), and a composition is a
    // map of each cell's location, taken in the object's order as before.
    let mirror_loc = |k: usize, (hh, ww): Loc, (i, j): Loc| -> (Loc, Loc) {
        match k {
            1 => ((j, i), (ww, hh)),
            2 => ((ww - 1 - j, hh - 1 - i), (ww, hh)),
            3 => ((hh - 1 - i, j), (hh, ww)),
            4 => ((i, ww - 1 - j), (hh, ww)),
            _ => ((i, j), (hh, ww)),
        }
    };
    let targ_cells: Vec<Cell> = targ.iter().copied().collect();
    let sour_cells: Vec<Cell> = sour.iter().copied().collect();
    let mirrored_cells = |cells: &[Cell], f1: usize, f2: usize| -> Vec<Cell> {
        cells
            .iter()
            .map(|&(v, l)| {
                let (l, dims) = mirror_loc(f2, (oh, ow), l);
                (v, mirror_loc(f1, dims, l).0)
            })
            .collect()
    };
    // The 25 compositions are at most 8 distinct maps of the rectangle
    // (the same map gives the same cells, in the same order): each map's
    // `t` and `s` are built once, in first-seen order, and `targs` holds
    // the map of each composition (drawn from by index, as the list).
    // A map is known by the images of (0, 0), (0, 1) and (1, 0) (`oh`,
    // `ow` >= 3).
    let map_key = |f1: usize, f2: usize| {
        [(0, 0), (0, 1), (1, 0)].map(|l| {
            let (l, dims) = mirror_loc(f2, (oh, ow), l);
            mirror_loc(f1, dims, l).0
        })
    };
    let mut maps: Vec<[Loc; 3]> = Vec::with_capacity(8);
    let mut ts: Vec<Vec<Cell>> = Vec::with_capacity(8);
    let mut ss: Vec<Vec<Cell>> = Vec::with_capacity(8);
    let mut targs: Vec<usize> = Vec::with_capacity(25);
    for f1 in 0..5 {
        for f2 in 0..5 {
            let key = map_key(f1, f2);
            let d = match maps.iter().position(|m| *m == key) {
                Some(d) => d,
                None => {
                    maps.push(key);
                    ts.push(mirrored_cells(&targ_cells, f1, f2));
                    ss.push(mirrored_cells(&sour_cells, f1, f2));
                    maps.len() - 1
                }
            };
            targs.push(d);
        }
    }
    // `shape` of a normalized list of cells.
    let shape_of = |t: &[Cell]| {
        let hh = t.iter().map(|c| c.1 .0).max().map_or(0, |m| m + 1);
        (hh, t.iter().map(|c| c.1 .1).max().map_or(0, |m| m + 1))
    };
    let noccs = unifint(rng, diff_lb, diff_ub, (1, 1.max((h * w) / (oh * ow * 4))));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * noccs;
    while succ < noccs && tr < maxtr {
        tr += 1;
        let t = &ts[rng.choice(&targs)?];
        let (hh, ww) = shape_of(t);
        // `1 <= i <= h - hh - 1` (every location of `inds` is at least 1).
        let cands = cands_memo.fitting(&inds, (h - 1, w - 1), (hh, ww));
        if cands.is_empty() {
            continue;
        }
        let (li, lj) = gloc(rng.choice(cands)?);
        // `tp = shift(t, loc)` is painted (one cell per location) and its
        // indices are tested as a subset and subtracted (size and
        // membership): no order is read, so neither frozenset is built.
        let tp: Vec<Cell> = t.iter().map(|&(v, (i, j))| (v, (i + li, j + lj))).collect();
        if tp.iter().all(|c| inds.contains(gid(c.1))) {
            succ += 1;
            let ids: Vec<u16> = tp.iter().map(|c| gid(c.1)).collect();
            inds = inds.difference_ids(&ids);
            cands_memo.changed();
            paint_cells_in(&mut gi, tp.iter());
        }
    }
    let go = dsl::replace(&gi, sqc, bgc);
    let go = dsl::painted(go, &plcddd);
    // `res` (the union of every `shift(s, occurrence)`) is painted, so its
    // order matters only where two of its cells share a location with
    // different values. Gather the cells by location first: when none
    // disagree, painting each location's one value is the paint. Equal
    // `(t, s)` pairs (the 25 compositions repeat transformations) add the
    // same cells, so each is matched once (a repeated map's pair is
    // skipped before its contents are compared).
    let (gh, gw) = (go.len(), go[0].len());
    let mut painted: Vec<Option<i64>> = vec![None; gh * gw];
    let mut disagree = false;
    // A `t` or `s` is a whole rectangle at the origin (one cell per
    // location), so its shape and its values row by row are its contents.
    let contents = |c: &[Cell]| -> (Loc, Vec<i64>) {
        let (hh, ww) = shape_of(c);
        let mut vals = vec![0; (hh * ww) as usize];
        for &(v, (i, j)) in c {
            vals[(i * ww + j) as usize] = v;
        }
        ((hh, ww), vals)
    };
    type Contents = (Loc, Vec<i64>);
    let mut seen: Vec<(Contents, Contents)> = Vec::with_capacity(8);
    for (t, s) in ts.iter().zip(&ss) {
        let key = (contents(t), contents(s));
        if seen.contains(&key) {
            continue;
        }
        // `occurrences(go, t)`'s locations: where every cell of `t` shows
        // in `go` (its order is not read here).
        let (th, tw) = shape_of(t);
        let mut occs: Vec<Loc> = Vec::new();
        for oi in 0..=gh as i64 - th {
            for oj in 0..=gw as i64 - tw {
                if t.iter()
                    .all(|&(v, (i, j))| go[(i + oi) as usize][(j + oj) as usize] == v)
                {
                    occs.push((oi, oj));
                }
            }
        }
        for &(oi, oj) in &occs {
            for &(v, (i, j)) in s {
                let (a, b) = (i + oi, j + oj);
                if 0 <= a && (a as usize) < gh && 0 <= b && (b as usize) < gw {
                    let at = &mut painted[a as usize * gw + b as usize];
                    match *at {
                        None => *at = Some(v),
                        Some(u) => disagree |= u != v,
                    }
                }
            }
        }
        seen.push(key);
    }
    let go = if disagree {
        // Overlapping matches disagree on a cell: paint in `res`'s order,
        // from the frozensets Python builds.
        let mut res: PySet<Cell> = PySet::new();
        for f1 in 0..5 {
            for f2 in 0..5 {
                let t = dsl::normalize(&mirror_object(f1, &mirror_object(f2, &targ)));
                let s = dsl::normalize(&mirror_object(f1, &mirror_object(f2, &sour)));
                res.update(&dsl::mapply(|&o| s.shift(o), &dsl::occurrences(&go, &t)));
            }
        }
        paint_cells(&go, res.iter())
    } else {
        let mut go = go;
        for (k, v) in painted.into_iter().enumerate() {
            if let Some(v) = v {
                go[k / gw][k % gw] = v;
            }
        }
        go
    };
    ex(dsl::trim(&gi), dsl::trim(&go))
}

fn generate_7e0986d6(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let nsqcols = unifint(rng, diff_lb, diff_ub, (1, 5));
    let sqcols = rng.sample(&remcols, nsqcols)?;
    let remcols = without(&remcols, &sqcols);
    let nnoisecols = unifint(rng, diff_lb, diff_ub, (1, remcols.len() as i64));
    let noisecols = rng.sample(&remcols, nnoisecols)?;
    let numsq = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 25));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 5 * numsq;
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (the choice over its sfilter): CPython's table
    // (`GridSet`), each sfilter kept per shape until it changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    while tr < maxtr && succ < numsq {
        tr += 1;
        let oh = rng.randint(2, 7)?;
        let ow = rng.randint(2, 7)?;
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let (loci, locj) = gloc(rng.choice(cands)?);
        // `sq` (a rectangle) and `outbox(sq)` (its ring) are subset-tested,
        // subtracted by size and membership and filled: plain cells.
        let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        let sq = rect_cells(ul, lr);
        if sq.iter().all(|&l| in_grid_set(&inds, l)) {
            succ += 1;
            let ring = outline_cells((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1));
            let sq_ids: Vec<u16> = sq.iter().map(|&l| gid(l)).collect();
            inds = inds.difference_ids(&sq_ids).difference_locs(&ring);
            memo.changed();
            let col = rng.choice(&sqcols)?;
            fill_rect(&mut go, col, ul, lr);
        }
    }
    let mut gi = go.clone();
    let namt = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 9));
    let mut cands = GridSet::asindices((h, w));
    for _ in 0..namt {
        if cands.len() == 0 {
            break;
        }
        let loc = gloc(grid_choice(rng, &cands)?);
        let col = gi[loc.0 as usize][loc.1 as usize];
        // `torem = neighbors(loc) & ofcolor(gi, col)` is only subtracted (by
        // size and membership): the neighbours in the grid showing `col`.
        let torem: Vec<Loc> = (-1..=1)
            .flat_map(|di| (-1..=1).map(move |dj| (loc.0 + di, loc.1 + dj)))
            .filter(|&l| l != loc && cell_at(&gi, l) == Some(col))
            .collect();
        cands = cands.difference_locs(&torem);
        let noisec = rng.choice(&noisecols)?;
        fill_locs_in(&mut gi, noisec, &[loc]);
    }
    ex(gi, go)
}

fn generate_7f4411dc(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let nsq = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 15));
    let maxtr = 4 * nsq;
    let (mut tr, mut succ) = (0, 0);
    let mut go = dsl::canvas(bgc, (h, w));
    // `inds`' order is read (the choice over its sfilter), so it stays
    // CPython's table, as a `GridSet`; the sfilter is kept per shape until
    // `inds` changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    while tr < maxtr && succ < nsq {
        let oh = rng.randint(2, 6)?;
        let ow = rng.randint(2, 6)?;
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            break;
        }
        let (loci, locj) = gloc(rng.choice(cands)?);
        // Python shifts the box by its own corner a second time. The box is
        // only subset-tested, filled and subtracted (with its outbox) by size
        // and membership: a rectangle.
        let (ul, lr) = ((2 * loci, 2 * locj), (2 * loci + oh - 1, 2 * locj + ow - 1));
        // (A box past the grid, up to 2 * 29 + 5, is in no `inds`.)
        let in_inds = |l: Loc| in_rect(l, (0, 0), (h - 1, w - 1)) && inds.contains(gid(l));
        let inside = (ul.0..=lr.0).all(|i| (ul.1..=lr.1).all(|j| in_inds((i, j))));
        if inside {
            fill_rect(&mut go, fgc, ul, lr);
            succ += 1;
            let rest = inds.difference_where((oh * ow) as usize, |id| in_rect(gloc(id), ul, lr));
            inds = rest.difference_locs(&outline_cells((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1)));
            memo.changed();
        }
        tr += 1;
    }
    let mut inds = ofcolor_set(&go, bgc);
    let nnoise = unifint(rng, diff_lb, diff_ub, (0, inds.len() as i64 / 2 - 1));
    let mut gi = go.clone();
    for _ in 0..nnoise {
        if inds.len() == 0 {
            // pick's error, without copying the table out.
            pick::<Loc>(rng, &[])?;
        }
        let loc = gloc(grid_choice(rng, &inds)?);
        // dneighbors(loc) (4 distinct locations) is read for its size and
        // membership, or its elements discarded.
        inds = inds.difference_locs(&dneighbor_cells(loc));
        fill_locs_in(&mut gi, fgc, &[loc]);
    }
    ex(gi, go)
}

fn generate_7fe24cdd(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let h = unifint(rng, diff_lb, diff_ub, (1, 15));
    let gi = sprinkle(rng, diff_lb, diff_ub, h, h)?;
    let go1 = dsl::hconcat(&gi, &dsl::rot90(&gi));
    let go2 = dsl::hconcat(&dsl::rot270(&gi), &dsl::rot180(&gi));
    let go = dsl::vconcat(&go1, &go2);
    ex(gi, go)
}

fn generate_80af3007(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let fullcols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let bgc = rng.choice(&fullcols)?;
    let cols = dsl::remove(&bgc, &fullcols);
    let c = dsl::canvas(bgc, (h, w));
    let numcd = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let numc = rng.choice(&[numcd, h * w - numcd])?;
    let numc = numc.max(0).min(h * w);
    let indset = dsl::asindices(&c);
    let inds = indset.to_vec();
    let mut locs = rng.sample(&inds, numc)?;
    // `set(a) | set(b)`: only the contents are used below.
    let cnrs = rng.sample(&dsl::corners(&indset).to_vec(), 3)?;
    locs.extend(cnrs);
    let fgc = rng.choice(&cols)?;
    let gi = fill_locs(&c, fgc, &locs);
    let mut go = dsl::canvas(bgc, (h * h, w * w));
    for &(li, lj) in &locs {
        let sh: Vec<Loc> = locs
            .iter()
            .map(|&(i, j)| (i + li * h, j + lj * w))
            .collect();
        fill_locs_in(&mut go, fgc, &sh);
    }
    let fullh = unifint(rng, diff_lb, diff_ub, (h * h + 2, 30));
    let fullw = unifint(rng, diff_lb, diff_ub, (w * w + 2, 30));
    let loci = rng.randint(1, fullh - h * h - 1)?;
    let locj = rng.randint(1, fullw - w * w - 1)?;
    let giups = dsl::hupscale(&dsl::vupscale(&gi, h), w);
    let gi = dsl::paint(
        &dsl::canvas(bgc, (fullh, fullw)),
        &dsl::asobject(&giups).shift((loci, locj)),
    );
    ex(gi, go)
}

/// `normalize((identity, dmirror, cmirror, vmirror, hmirror)[k](p))` on
/// location numbers ([`GridSet`]): each builds its set by adding the moved
/// locations in `p`'s order, as the DSL's do.
fn mirror_normalized(k: usize, p: &GridSet) -> GridSet {
    let dmirror = |p: &GridSet| {
        let (a, b, _, _) = p.bounds();
        p.map_locs(|(i, j)| (j - b + a, i - a + b))
    };
    let vmirror = |p: &GridSet| {
        let (_, l, _, r) = p.bounds();
        p.map_locs(|(i, j)| (i, l + r - j))
    };
    let mirrored = match k {
        1 => dmirror(p),
        2 => vmirror(&dmirror(&vmirror(p))),
        3 => vmirror(p),
        4 => {
            let (t, _, b, _) = p.bounds();
            p.map_locs(|(i, j)| (t + b - i, j))
        }
        _ => p.clone(),
    };
    let (t, l, _, _) = mirrored.bounds();
    mirrored.map_locs(|(i, j)| (i - t, j - l))
}

fn generate_810b9b61(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3]);
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
    let mut go = gi.clone();
    // `inds` as CPython's table (`GridSet`): the two `sfilter(inds, ...)`
    // per try read its order; they depend on `inds` and the shape alone, so
    // each is kept per shape until `inds` changes.
    let mut inds = GridSet::asindices((h, w));
    let mut memo = FitMemo::default();
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let oh = rng.randint(3, 5)?;
        let ow = rng.randint(3, 5)?;
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            continue;
        }
        let (loci, locj) = gloc(rng.choice(cands)?);
        let nmfs = rng.choice(&[1, 2])?;
        let mfs = rng.sample(&[0, 1, 2, 3, 4], nmfs)?;
        // `obj`, the box mirrored and normalized, is as a set the outline
        // of an oh by ow rectangle at the origin, transposed by each
        // `dmirror` or `cmirror`: its shape is known without it. Its order
        // is read only to sample from `plcd` below, so it is built there.
        let transposed = mfs.iter().filter(|&&k| k == 1 || k == 2).count() % 2 == 1;
        let (sh, sw) = if transposed { (ow, oh) } else { (oh, ow) };
        let cands = memo.fitting(&inds, (h, w), (sh, sw));
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        // `plcd = shift(obj, loc)`'s order is read only to sample from it;
        // `inobj` (a sample or `plcd`) is only tested, subtracted, filled
        // and compared with its box: membership and bounds, no order.
        let inobj: Vec<Loc> = if rng.choice(&[true, false])? {
            // On location numbers: the box's corner is in the grid and its
            // mirrors stay within 2 cells of its rectangle (`GridSet`'s
            // frame); `shift` adds the moved locations in `obj`'s order.
            let mut obj = outline_set((loci, locj), (loci + oh - 1, locj + ow - 1));
            for &k in &mfs {
                obj = mirror_normalized(k, &obj);
            }
            let plcd = obj.map_locs(|l| dsl::add(l, loc));
            let order: Vec<Loc> = plcd.iter().map(gloc).collect();
            let n = unifint(rng, diff_lb, diff_ub, (1, order.len() as i64 - 1));
            rng.sample(&order, n)?
        } else {
            outline_cells(loc, (loc.0 + sh - 1, loc.1 + sw - 1))
        };
        if inobj.iter().all(|&l| inds.contains(gid(l))) {
            succ += 1;
            // `(inds - inobj) - mapply(dneighbors, inobj)`: `set_difference`
            // reads only the subtracted sets' sizes and membership (or
            // discards their distinct elements).
            let own: Vec<u16> = inobj.iter().map(|&l| gid(l)).collect();
            let near = Around::new(inobj.iter().copied(), dsl::dneighbors);
            inds = inds.difference_ids(&own).difference_locs(near.cells());
            memo.changed();
            let col = rng.choice(&ccols)?;
            fill_locs_in(&mut gi, col, &inobj);
            // `box(inobj) == inobj and min(shape(inobj)) > 2`.
            let (t, b) = bounds_of(&inobj.iter().map(|l| l.0).collect::<Vec<_>>());
            let (l, r) = bounds_of(&inobj.iter().map(|l| l.1).collect::<Vec<_>>());
            let outline = outline_cells((t, l), (b, r));
            let on_box = |&(i, j): &Loc| i == t || i == b || j == l || j == r;
            let closed = outline.len() == inobj.len()
                && inobj.iter().all(on_box)
                && (b - t + 1).min(r - l + 1) > 2;
            fill_locs_in(&mut go, if closed { 3 } else { col }, &inobj);
        }
    }
    ex(gi, go)
}

fn generate_82819916(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ab = rng.sample(&remcols, 2)?;
    let (ass, bss) = (ab[0], ab[1]);
    let itv = dsl::interval(0, w, 1);
    let na = rng.randint(2, w - 2)?;
    let mut alocs = rng.sample(&itv, na)?;
    let mut blocs = without(&itv, &alocs);
    if dsl::minimum(&alocs) > dsl::minimum(&blocs) {
        std::mem::swap(&mut alocs, &mut blocs);
    }
    let llocs = rng.randint(0, h - 1)?;
    let row = |i: i64, js: &[i64]| -> Vec<Loc> { js.iter().map(|&j| (i, j)).collect() };
    let mut gi = dsl::canvas(bgc, (h, w));
    fill_locs_in(&mut gi, ass, &row(llocs, &alocs));
    fill_locs_in(&mut gi, bss, &row(llocs, &blocs));
    let numl = unifint(rng, diff_lb, diff_ub, (1, 1.max((h - 1) / 2)));
    let mut remlocs = dsl::remove(&llocs, &dsl::interval(0, h, 1));
    for _ in 0..numl {
        let lloc = pick(rng, &remlocs)?;
        remlocs = dsl::remove(&lloc, &remlocs);
        let ab = rng.sample(&remcols, 2)?;
        fill_locs_in(&mut gi, ab[0], &row(lloc, &alocs));
        fill_locs_in(&mut gi, ab[1], &row(lloc, &blocs));
    }
    let cutoff = dsl::minimum(&blocs) + 1;
    let go = gi.clone();
    gi = dsl::fill(
        &gi,
        bgc,
        &dsl::backdrop(&pair_set((0, cutoff), (h - 1, w - 1))),
    );
    fill_locs_in(&mut gi, ass, &row(llocs, &alocs));
    fill_locs_in(&mut gi, bss, &row(llocs, &blocs));
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_83302e8f(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[3, 4]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let nh = unifint(rng, diff_lb, diff_ub, (3, 30 / (h + 1)));
    let nw = unifint(rng, diff_lb, diff_ub, (3, 30 / (w + 1)));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let fullh = h * nh + nh - 1;
    let fullw = w * nw + nw - 1;
    let mut gi = dsl::canvas(bgc, (fullh, fullw));
    // The frontiers are one value over whole rows and columns.
    for iloc in (h..fullh).step_by((h + 1) as usize) {
        gi[iloc as usize].fill(linc);
    }
    for jloc in (w..fullw).step_by((w + 1) as usize) {
        for row in gi.iter_mut() {
            row[jloc as usize] = linc;
        }
    }
    // `ofc` (added row by row) and `dots` (its members added in its order)
    // as CPython's tables (`GridSet`): `dots`' order is read below.
    let ofc = GridSet::from_adds(
        (0..fullh)
            .flat_map(|i| (0..fullw).map(move |j| (i, j)))
            .filter(|&(i, j)| gi[i as usize][j as usize] == linc)
            .map(gid),
    );
    // `dneighbors(ij).issubset(ofc)`: a yes or no per location, read from
    // the grid (all four neighbours inside it and of the line color).
    let dots_order: Vec<Loc> = ofc
        .filter(|id| {
            dneighbor_cells(gloc(id))
                .iter()
                .all(|&l| cell_at(&gi, l) == Some(linc))
        })
        .iter()
        .map(gloc)
        .collect();
    let tmp = filled_locs(gi.clone(), bgc, &dots_order);
    // `cands = lns | dts`: its order follows from the members' hashes
    // (all unequal: disjoint lines, single dots) and the orders they are
    // added in, and a member's own order is read only when it is sampled,
    // so only those lines are built.
    let lines = line_objects_83302e8f(&tmp, linc);
    let lns_hashes: Vec<i64> = lines.iter().map(|l| l.hash).collect();
    let dts_hashes: Vec<i64> = dots_order.iter().map(|&l| indices_hash([l])).collect();
    let cands = union_added_order(&lns_hashes, &dts_hashes);
    let nbreaks = unifint(rng, diff_lb, diff_ub, (0, cands.len() as i64 / 2));
    let breakobjs = rng.sample(&cands, nbreaks)?;
    let mut breaklocs = Vec::with_capacity(breakobjs.len());
    for k in breakobjs {
        let b = match lines.get(k) {
            Some(line) => line.exact(&tmp),
            None => dsl::initset(dots_order[k - lines.len()]),
        };
        breaklocs.push(rng.choice_in(&b)?);
    }
    let gi = filled_locs(gi, bgc, &breaklocs);
    // `toindices(merge(sfilter(colorfilter(objects(gi, T, F, F), bgc),
    // lambda o: len(o) == h * w)))`, only filled: the cells of the
    // background components of that size, from component labels.
    let (label, n) = component_labels(&gi, false);
    let mut size = vec![0usize; n];
    for &k in &label {
        size[k] += 1;
    }
    let area = (h * w) as usize;
    let mut go = gi.clone();
    for (k, row) in go.iter_mut().flat_map(|r| r.iter_mut()).enumerate() {
        if *row == bgc {
            *row = if size[label[k]] == area { 3 } else { 4 };
        }
    }
    ex(gi, go)
}

/// A line segment of 83302e8f's grid (an object of `objects(tmp, T, F,
/// F)`), kept as where its flood starts and which objects were found
/// before it (their cells are `occupied` when it starts), which give its
/// exact order when it is needed ([`Self::exact`]).
struct Line83302e8f {
    /// `hash(toindices(obj))`.
    hash: i64,
    loc: Loc,
    /// The order `objects` finds each cell's object in (row-major cells).
    ranks: std::rc::Rc<[usize]>,
    /// This object's place in that order.
    rank: usize,
    /// How many cells the objects found before it hold.
    occupied_len: usize,
}

impl Line83302e8f {
    /// `toindices(obj)`, flooded as `objects` floods it.
    fn exact(&self, tmp: &Grid) -> Indices {
        let mut occupied: Vec<bool> = self.ranks.iter().map(|&r| r < self.rank).collect();
        let mut occupied_len = self.occupied_len;
        let how = (true, false, None);
        let o = flood_object_exact(tmp, self.loc, how, &mut occupied, &mut occupied_len);
        dsl::toindices(&o)
    }
}

/// The members of `apply(toindices, colorfilter(objects(tmp, T, F, F),
/// linc))` for 83302e8f's grid of lines, in the order `apply` adds them:
/// the objects' order follows from their hashes, so the components are
/// found only for their cells, from union-find labels, in the order
/// `objects` finds them (by their first cell in `asindices`' order).
fn line_objects_83302e8f(tmp: &Grid, linc: i64) -> Vec<Line83302e8f> {
    let (h, w) = dsl::shape_grid(tmp);
    let (label, n) = component_labels(tmp, false);
    let mut rank = vec![usize::MAX; n];
    let mut starts: Vec<Loc> = Vec::with_capacity(n);
    for &(i, j) in dsl::asindices_order(h, w).iter() {
        let r = &mut rank[label[(i * w + j) as usize]];
        if *r == usize::MAX {
            *r = starts.len();
            starts.push((i, j));
            if starts.len() == n {
                break;
            }
        }
    }
    let ranks: std::rc::Rc<[usize]> = label.iter().map(|&l| rank[l]).collect();
    let mut sizes = vec![0usize; n];
    for &r in ranks.iter() {
        sizes[r] += 1;
    }
    let mut cells: Vec<Vec<dsl::Cell>> = sizes.iter().map(|&s| Vec::with_capacity(s)).collect();
    for (k, &r) in ranks.iter().enumerate() {
        let (i, j) = (k / w as usize, k % w as usize);
        cells[r].push((tmp[i][j], (i as i64, j as i64)));
    }
    let hashes: Vec<i64> = cells.iter().map(object_hash).collect();
    let mut occupied_len = 0;
    // Mutable to take the kept lines out at the end.
    let mut lines: Vec<Option<Line83302e8f>> = Vec::with_capacity(n);
    for (r, c) in cells.iter().enumerate() {
        let (i, j) = starts[r];
        lines.push((tmp[i as usize][j as usize] == linc).then(|| Line83302e8f {
            hash: indices_hash(c.iter().map(|c| c.1)),
            loc: (i, j),
            ranks: std::rc::Rc::clone(&ranks),
            rank: r,
            occupied_len,
        }));
        occupied_len += c.len();
    }
    // `objects`' frozenset, then `colorfilter`'s (added in that order);
    // `apply` adds the lines in that order.
    let kept: Vec<usize> = set_frozen_order(&hashes)
        .into_iter()
        .filter(|&k| lines[k].is_some())
        .collect();
    let kept_hashes: Vec<i64> = kept.iter().map(|&k| hashes[k]).collect();
    added_order(&kept_hashes)
        .into_iter()
        .filter_map(|x| lines[kept[x]].take())
        .collect()
}

fn generate_834ec97d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&4, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let loci = unifint(rng, diff_lb, diff_ub, (0, h - 2));
    let locjd = unifint(rng, diff_lb, diff_ub, (0, w / 2));
    let locj = rng.choice(&[locjd, w - locjd])?;
    let locj = locj.max(0).min(w - 1);
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let c = dsl::canvas(bgc, (h, w));
    let gi = fill_locs(&c, fgc, &[(loci, locj)]);
    let mut go = fill_locs(&c, fgc, &[(loci + 1, locj)]);
    for jj in 0..w / 2 + 1 {
        go = dsl::fill(
            &go,
            4,
            &dsl::connect((0, locj + 2 * jj), (loci, locj + 2 * jj)),
        );
        go = dsl::fill(
            &go,
            4,
            &dsl::connect((0, locj - 2 * jj), (loci, locj - 2 * jj)),
        );
    }
    ex(gi, go)
}

fn generate_8403a5d5(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&5, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let loccinv = unifint(rng, diff_lb, diff_ub, (1, w - 1));
    let locc = w - loccinv;
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let c = dsl::canvas(bgc, (h, w));
    let gi = fill_locs(&c, fgc, &[(h - 1, locc)]);
    let mut go = c;
    for j in (locc..w).step_by(2) {
        dsl::fill_in(&mut go, fgc, &dsl::connect((0, j), (h - 1, j)));
    }
    for j in (locc + 1..w).step_by(4) {
        fill_locs_in(&mut go, 5, &[(0, j)]);
    }
    for j in (locc + 3..w).step_by(4) {
        fill_locs_in(&mut go, 5, &[(h - 1, j)]);
    }
    ex(gi, go)
}

fn generate_846bdb03(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (12, 30));
    let w = unifint(rng, diff_lb, diff_ub, (12, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (4, h / 2 - 2));
    let ow = unifint(rng, diff_lb, diff_ub, (4, w / 2 - 2));
    let bdc = rng.sample(&cols, 4)?;
    let (bgc, dotc, c1, c2) = (bdc[0], bdc[1], bdc[2], bdc[3]);
    let gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (oh, ow));
    dsl::fill_in(&mut go, c1, &dsl::connect((1, 0), (oh - 2, 0)));
    dsl::fill_in(&mut go, c2, &dsl::connect((1, ow - 1), (oh - 2, ow - 1)));
    go = dsl::fill(&go, dotc, &dsl::corners(&dsl::asindices(&go)));
    let obj_b = dsl::asobject(&go);
    let bounds = dsl::asindices(&dsl::canvas(-1, (oh - 2, ow - 2)));
    let mut obj_a: PySet<Loc> = std::iter::once(rng.choice_in(&bounds)?).collect();
    let ncells = unifint(rng, diff_lb, diff_ub, (1, ((oh - 2) * (ow - 2)) / 2));
    for _ in 0..ncells - 1 {
        grow_by(rng, &bounds, &mut obj_a, dsl::neighbors)?;
    }
    while set_shape(&obj_a) != (oh - 2, ow - 2) {
        grow_by(rng, &bounds, &mut obj_a, dsl::neighbors)?;
    }
    let fullinds = dsl::asindices(&gi);
    let loci = rng.randint(0, h - 2 * oh + 2)?;
    let locj = rng.randint(0, w - ow)?;
    let plcd_b = obj_b.shift((loci, locj));
    let plcdi = dsl::toindices(&plcd_b);
    let rems = dsl::sfilter(&(&fullinds - &plcdi), |&(i, j)| {
        loci + oh <= i && i <= h - oh + 2 && j <= w - ow + 2
    });
    let (li, lj) = pick(rng, &rems.to_vec())?;
    // From here on only the cells' contents matter (paints of distinct cells).
    let plcd_a: Indices = obj_a.iter().map(|&(i, j)| (i + li, j + lj)).collect();
    let mp = dsl::center(&plcd_a).1;
    let colored: Object = plcd_a
        .iter()
        .map(|&(i, j)| (if j < mp { c1 } else { c2 }, (i, j)))
        .collect();
    let mut gi = dsl::painted(gi, &plcd_b);
    let ism = rng.choice(&[true, false])?;
    gi = dsl::paint(
        &gi,
        &if ism {
            dsl::vmirror(&colored)
        } else {
            colored.clone()
        },
    );
    let obj_a = dsl::normalize(&colored).shift((1, 1));
    let go = dsl::painted(go, &obj_a);
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_855e0971(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let nbarsd = unifint(rng, diff_lb, diff_ub, (1, 4));
    let nbars = rng.choice(&[nbarsd, 11 - nbarsd])?.max(3);
    let h = unifint(rng, diff_lb, diff_ub, (nbars, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let mut barsizes = vec![2i64; nbars as usize];
    while barsizes.iter().sum::<i64>() < h {
        let j = rng.randint(0, nbars - 1)? as usize;
        barsizes[j] += 1;
    }
    let locs = dsl::interval(0, w, 1);
    let dotc = rng.choice(&cols)?;
    let remcols = dsl::remove(&dotc, &cols);
    let mut lastcol = -1;
    let mut nloclbs = Vec::with_capacity(barsizes.len());
    for _ in 0..barsizes.len() {
        nloclbs.push(rng.choice(&[0, 1])?);
    }
    if nloclbs.iter().sum::<i64>() < 2 {
        let l = rng.sample(&dsl::interval(0, nloclbs.len() as i64, 1), 2)?;
        nloclbs[l[0] as usize] = 1;
        nloclbs[l[1] as usize] = 1;
    }
    let mut gi: Grid = Vec::new();
    let mut go: Grid = Vec::new();
    for (&bs, &nloclb) in barsizes.iter().zip(&nloclbs) {
        let col = rng.choice(&dsl::remove(&lastcol, &remcols))?;
        let mut gim = dsl::canvas(col, (bs, w));
        let mut gom = dsl::canvas(col, (bs, w));
        let nl = unifint(rng, diff_lb, diff_ub, (nloclb, w / 2));
        let chlocs = rng.sample(&locs, nl)?;
        for jj in chlocs {
            let idx = (rng.randint(0, bs - 1)?, jj);
            fill_locs_in(&mut gim, dotc, &[idx]);
            dsl::fill_in(&mut gom, dotc, &dsl::vfrontier(idx));
        }
        lastcol = col;
        gi.extend(gim);
        go.extend(gom);
    }
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

fn generate_85c4e7cd(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 15));
    let w = unifint(rng, diff_lb, diff_ub, (1, 15));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 10));
    let cols = rng.sample(&colopts, ncols)?;
    let mut colord = Vec::new();
    for _ in 0..h.min(w) {
        colord.push(rng.choice(&cols)?);
    }
    let shp = (h * 2, w * 2);
    let mut gi = dsl::canvas(0, shp);
    let mut go = dsl::canvas(0, shp);
    for (idx, (&ci, &co)) in colord.iter().zip(colord.iter().rev()).enumerate() {
        let idx = idx as i64;
        let bx = dsl::r#box(&pair_set((idx, idx), (h * 2 - 1 - idx, w * 2 - 1 - idx)));
        dsl::fill_in(&mut gi, ci, &bx);
        dsl::fill_in(&mut go, co, &bx);
    }
    ex(gi, go)
}

fn generate_868de0fa(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 7]);
    let h = unifint(rng, diff_lb, diff_ub, (9, 30));
    let w = unifint(rng, diff_lb, diff_ub, (9, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    let num = unifint(rng, diff_lb, diff_ub, (1, 9));
    // `indss` is read for its order (the sfilter a choice draws from), so
    // it is CPython's table over location numbers (`GridSet`); the sfilter
    // is kept per size until `indss` changes.
    let mut indss = GridSet::asindices((h, w));
    let mut fits: FitMemo<u16> = FitMemo::default();
    let maxtrials = 4 * num;
    let (mut tr, mut succ) = (0, 0);
    while succ < num && tr <= maxtrials {
        if indss.len() == 0 {
            break;
        }
        let oh = rng.randint(3, 8)?;
        let ow = oh;
        // `ij[0] < h - oh and ij[1] < w - ow`: a box one larger fits.
        let subs = fits.fitting(&indss, (h, w), (oh + 1, ow + 1));
        if subs.is_empty() {
            tr += 1;
            continue;
        }
        let (loci, locj) = gloc(rng.choice(subs)?);
        let (lr_i, lr_j) = (loci + oh - 1, locj + ow - 1);
        // `backdrop`, `box` and `outbox` of the square are filled, tested
        // for inclusion or subtracted: only their cells (and sizes) are read.
        let bd = rect_cells((loci, locj), (lr_i, lr_j));
        let col = rng.choice(&remcols)?;
        if bd.len() <= indss.len() && bd.iter().all(|&l| indss.contains(gid(l))) {
            let frame = outline_cells((loci, locj), (lr_i, lr_j));
            fill_locs_in(&mut gi, col, &frame);
            fill_locs_in(&mut go, if oh % 2 == 1 { 7 } else { 2 }, &bd);
            fill_locs_in(&mut go, col, &frame);
            succ += 1;
            let ids: Vec<u16> = bd.iter().map(|&l| gid(l)).collect();
            let outer = outline_cells((loci - 1, locj - 1), (lr_i + 1, lr_j + 1));
            indss = indss.difference_ids(&ids).difference_locs(&outer);
            fits.changed();
        }
        tr += 1;
    }
    ex(gi, go)
}

fn generate_8731374e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let inh = rng.randint(5, h - 2)?;
    let inw = rng.randint(5, w - 2)?;
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let num = unifint(rng, diff_lb, diff_ub, (1, inh.min(inw)));
    let mat = dsl::canvas(bgc, (inh - 2, inw - 2));
    let mut mat = dsl::filled(mat, fgc, &dsl::connect((0, 0), (num - 1, num - 1)));
    rng.shuffle(&mut mat);
    let mut mat = dsl::dmirror_grid(&mat);
    rng.shuffle(&mut mat);
    let mat = dsl::dmirror_grid(&mat);
    // `paint(canvas(bgc, (inh, inw)), shift(asobject(mat), (1, 1)))`: every
    // cell of `mat` once, so `mat` copied in at (1, 1).
    let mut sgi = dsl::canvas(bgc, (inh, inw));
    for (row, mrow) in sgi[1..].iter_mut().zip(&mat) {
        row[1..1 + mrow.len()].copy_from_slice(mrow);
    }
    // `fill(sgi, fgc, lins)`: the rows and columns of the `fgc` cells, one
    // color, so in any order.
    let mut go = sgi.clone();
    let (inhu, inwu) = (inh as usize, inw as usize);
    for i in 0..inhu {
        for j in 0..inwu {
            if sgi[i][j] == fgc {
                go[i].fill(fgc);
                for row in go.iter_mut() {
                    row[j] = fgc;
                }
            }
        }
    }
    let numci = unifint(rng, diff_lb, diff_ub, (3, 10));
    let numc = 13 - numci;
    let ccols = rng.sample(&cols, numc)?;
    // The colors are drawn in `asindices`' order (its table, kept per shape
    // as a `GridSet`); the cells are distinct, so the paint's order does not
    // matter.
    let mut gi = dsl::canvas(-1, (h, w));
    for id in GridSet::asindices((h, w)).iter() {
        let (i, j) = gloc(id);
        gi[i as usize][j as usize] = rng.choice(&ccols)?;
    }
    let loci = rng.randint(1, h - inh - 1)?;
    let locj = rng.randint(1, w - inw - 1)?;
    // `paint(gi, shift(asobject(sgi), loc))`: `sgi` copied in at `loc`.
    for (i, row) in sgi.iter().enumerate() {
        let r = &mut gi[i + loci as usize];
        r[locj as usize..locj as usize + inwu].copy_from_slice(row);
    }
    let (a, b) = (loci, locj);
    let (c, d) = (loci + inh - 1, locj + inw - 1);
    let p1 = rng.choice_in(&dsl::connect((a - 1, b), (a - 1, d)))?;
    let p2 = rng.choice_in(&dsl::connect((a, b - 1), (c, b - 1)))?;
    let p3 = rng.choice_in(&dsl::connect((c + 1, b), (c + 1, d)))?;
    let p4 = rng.choice_in(&dsl::connect((a, d + 1), (c, d + 1)))?;
    let remcols = dsl::remove(&bgc, &ccols);
    // Four distinct locations: the paint's order does not matter.
    for p in [p1, p2, p3, p4] {
        let col = pick(rng, &remcols)?;
        fill_locs_in(&mut gi, col, &[p]);
    }
    ex(gi, go)
}

fn generate_88a10436(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let objh = unifint(rng, diff_lb, diff_ub, (0, 2));
    let objw = unifint(rng, diff_lb, diff_ub, (if objh > 0 { 0 } else { 1 }, 2));
    let (objh, objw) = (objh * 2 + 1, objw * 2 + 1);
    let bb = dsl::asindices(&dsl::canvas(-1, (objh, objw)));
    let sp = (objh / 2, objw / 2);
    let mut obj: PySet<Loc> = std::iter::once(sp).collect();
    let bb = dsl::remove(&sp, &bb);
    let ncells = unifint(rng, diff_lb, diff_ub, (objh.max(objw), objh * objw));
    for _ in 0..ncells - 1 {
        grow(rng, &bb, &mut obj)?;
    }
    while set_shape(&obj) != (objh, objw) {
        grow(rng, &bb, &mut obj)?;
    }
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&fgc, &cols));
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, ncols)?;
    // Colors drawn in the set's order; the cells' locations are distinct,
    // so only the contents matter after that.
    let mut cells: Vec<Cell> = Vec::with_capacity(obj.len());
    for &ij in obj.iter() {
        cells.push((rng.choice(&ccols)?, ij));
    }
    let obj: Object = cells.into_iter().collect();
    let obj = dsl::normalize(&obj);
    let mut gi = dsl::canvas(bgc, (h, w));
    let loci = rng.randint(0, h - objh)?;
    let locj = rng.randint(0, w - objw)?;
    let plcd = obj.shift((loci, locj));
    dsl::paint_in(&mut gi, &plcd);
    let mut go = gi.clone();
    // `inds` keeps CPython's table as a GridSet (its order feeds the
    // choice); the placed cells are read only for membership, painting and
    // subtraction, so they stay a list.
    let pi: Vec<Loc> = plcd.iter().map(|&(_, l)| l).collect();
    let mut inds = grid_minus_near(&GridSet::asindices((h, w)), &pi, dsl::neighbors);
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / (2 * ncells)));
    let maxtrials = 4 * nobjs;
    let (mut tr, mut succ) = (0, 0);
    while succ < nobjs && tr <= maxtrials {
        if inds.len() == 0 {
            break;
        }
        let (li, lj) = gloc(grid_choice(rng, &inds)?);
        let plcd: Vec<Cell> = obj
            .iter()
            .map(|&(v, (i, j))| (v, (i + li, j + lj)))
            .collect();
        let plcdi: Vec<Loc> = plcd.iter().map(|&(_, l)| l).collect();
        if plcdi.iter().all(|&l| in_grid_set(&inds, l)) {
            for &(v, (i, j)) in &plcd {
                go[i as usize][j as usize] = v;
            }
            // `center(plcdi)`: `obj` is normalized and spans objh by objw.
            fill_locs_in(&mut gi, fgc, &[(li + objh / 2, lj + objw / 2)]);
            succ += 1;
            inds = grid_minus_near(&inds, &plcdi, dsl::dneighbors);
        }
        tr += 1;
    }
    ex(gi, go)
}

fn generate_88a62173(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 14));
    let w = unifint(rng, diff_lb, diff_ub, (1, 14));
    let bgc = rng.choice(&cols)?;
    let mut gib = dsl::canvas(bgc, (h, w));
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9.min(h * w)));
    let colsch = rng.sample(&remcols, numc)?;
    let mut inds = dsl::asindices(&gib).to_vec();
    for &col in &colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gib, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let numchinv = unifint(rng, diff_lb, diff_ub, (0, h * w - 1));
    let numch = h * w - numchinv;
    let subs = rng.sample(&dsl::asindices(&gib).to_vec(), numch)?;
    let mut go = gib.clone();
    let mut pal = colsch.clone();
    pal.push(bgc);
    for (x, y) in subs {
        let col = pick(rng, &dsl::remove(&go[x as usize][y as usize], &pal))?;
        go[x as usize][y as usize] = col;
    }
    let mut gi = dsl::canvas(bgc, (h * 2 + 1, w * 2 + 1));
    let idxes = [(0, 0), (h + 1, w + 1), (h + 1, 0), (0, w + 1)];
    let trgloc = rng.choice(&idxes)?;
    dsl::paint_in(&mut gi, &dsl::asobject(&go).shift(trgloc));
    let otherobj = dsl::asobject(&gib);
    for ij in dsl::remove(&trgloc, &idxes.to_vec()) {
        dsl::paint_in(&mut gi, &otherobj.shift(ij));
    }
    ex(gi, go)
}

fn generate_890034e9(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let oh = rng.randint(2, h / 4)?;
    let ow = rng.randint(2, w / 4)?;
    let markercol = rng.choice(&cols)?;
    let remcols = dsl::remove(&markercol, &cols);
    let numbgc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let bgcols = rng.sample(&remcols, numbgc)?;
    let mut gi = dsl::canvas(0, (h, w));
    // `inds`' order is read (draws walk it, a sample and choices over its
    // sfilter take from it): CPython's table (`GridSet`).
    let mut inds = GridSet::asindices((h, w));
    let inds_order: Vec<Loc> = inds.iter().map(gloc).collect();
    for &(i, j) in &inds_order {
        gi[i as usize][j as usize] = rng.choice(&bgcols)?;
    }
    let numbl = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let blacks = rng.sample(&inds_order, numbl)?;
    fill_locs_in(&mut gi, 0, &blacks);
    let patt = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    let mut tocover: PySet<Loc> = PySet::new();
    for &occ in dsl::occurrences(&gi, &dsl::recolor(0, &patt)).iter() {
        tocover.add(rng.choice_in(&patt.shift(occ))?);
    }
    // Distinct locations, colored in the set's order.
    for &(i, j) in tocover.iter() {
        gi[i as usize][j as usize] = rng.choice(&bgcols)?;
    }
    let noccs = unifint(rng, diff_lb, diff_ub, (2, (h * w) / ((oh + 2) * (ow + 2))));
    let (mut tr, mut succ) = (0, 0);
    let maxtr = 5 * noccs;
    let mut go = gi.clone();
    // The sfilter (the same filter every try) is kept until `inds` changes.
    let mut memo = FitMemo::default();
    while tr < maxtr && succ < noccs {
        tr += 1;
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        if cands.is_empty() {
            break;
        }
        let (loci, locj) = gloc(rng.choice(cands)?);
        // bd (a rectangle) is only filled, plcd = outbox(bd) (its ring) only
        // subset-tested, subtracted by size and membership, and filled.
        let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
        let plcd = outline_cells((ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1));
        if plcd.iter().all(|&l| in_grid_set(&inds, l)) {
            succ += 1;
            inds = inds.difference_locs(&plcd);
            memo.changed();
            fill_rect(&mut gi, 0, ul, lr);
            fill_rect(&mut go, 0, ul, lr);
            if succ == 1 {
                fill_locs_in(&mut gi, markercol, &plcd);
            }
            fill_locs_in(&mut go, markercol, &plcd);
            let lns = [
                dsl::connect((loci - 1, locj), (loci - 1, locj + ow - 1)),
                dsl::connect((loci + oh, locj), (loci + oh, locj + ow - 1)),
                dsl::connect((loci, locj - 1), (loci + oh - 1, locj - 1)),
                dsl::connect((loci, locj + ow), (loci + oh - 1, locj + ow)),
            ];
            if succ > 1 {
                // One cell on each (disjoint) side.
                for ln in &lns {
                    let col = rng.choice(&bgcols)?;
                    let loc = rng.choice_in(&ln)?;
                    fill_locs_in(&mut gi, col, &[loc]);
                }
            }
        }
    }
    ex(gi, go)
}

fn generate_8a004b2b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (2, h / 5));
    let ow = unifint(rng, diff_lb, diff_ub, (2, w / 5));
    let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    let cs = rng.sample(&cols, 5)?;
    let (bgc, cornc, ac1, ac2, objc) = (cs[0], cs[1], cs[2], cs[3], cs[4]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut obj: PySet<Loc> = std::iter::once(rng.choice_in(&bounds)?).collect();
    let ncellsd = unifint(rng, diff_lb, diff_ub, (0, (oh * ow) / 2));
    let ncells = rng.choice(&[ncellsd, oh * ow - ncellsd])?;
    let ncells = ncells.max(3).min(oh * ow);
    for _ in 0..ncells - 1 {
        grow_by(rng, &bounds, &mut obj, dsl::neighbors)?;
    }
    let obj = normalize_set(&obj);
    let (oh, ow) = dsl::shape(&obj);
    let objt = obj.to_vec();
    let fp1 = rng.choice(&objt)?;
    let fp2 = pick(rng, &dsl::remove(&fp1, &objt))?;
    let remobj = obj.difference(&[fp1, fp2].into_iter().collect::<PySet<Loc>>());
    let markers: PySet<Cell> = [(ac1, fp1), (ac2, fp2)].into_iter().collect();
    let obj = dsl::recolor(objc, &remobj).union(&markers);
    let maxhscf = dsl::floordiv(h - oh - 4, oh);
    let maxwscf = dsl::floordiv(w - ow - 4, ow);
    let hscf = unifint(rng, diff_lb, diff_ub, (1, maxhscf));
    let wscf = unifint(rng, diff_lb, diff_ub, (1, maxwscf));
    let loci = rng.randint(0, 2)?;
    let locj = rng.randint(0, 2)?;
    let oplcd = obj.shift((loci, locj));
    dsl::paint_in(&mut gi, &oplcd);
    let (inh, inw) = (hscf * oh, wscf * ow);
    let sqh = unifint(rng, diff_lb, diff_ub, (inh + 2, h - oh - 2));
    let sqw = unifint(rng, diff_lb, diff_ub, (inw + 2, w));
    let sqloci = rng.randint(loci + oh, h - sqh)?;
    let sqlocj = rng.randint(0, w - sqw)?;
    let crns = dsl::corners(&pair_set(
        (sqloci, sqlocj),
        (sqloci + sqh - 1, sqlocj + sqw - 1),
    ));
    dsl::fill_in(&mut gi, cornc, &crns);
    let gomini = dsl::subgrid(&oplcd, &gi);
    let goo = dsl::asobject(&dsl::vupscale(&dsl::hupscale(&gomini, wscf), hscf));
    let gloci = rng.randint(sqloci + 1, sqloci + sqh - 1 - dsl::height(&goo))?;
    let glocj = rng.randint(sqlocj + 1, sqlocj + sqw - 1 - dsl::width_of(&goo))?;
    let gooplcd = goo.shift((gloci, glocj));
    let go = dsl::subgrid(&crns, &dsl::paint(&gi, &gooplcd));
    let indic = dsl::sfilter(&gooplcd, |c| c.0 == ac1 || c.0 == ac2);
    dsl::paint_in(&mut gi, &indic);
    if rng.choice(&[true, false])? && obj.len() > 3 {
        let body = dsl::toindices(&dsl::sfilter(&obj, |c| c.0 == objc));
        let (idxi, idxj) = rng.choice_in(&body)?;
        let xx = dsl::asindices(&dsl::canvas(-1, (hscf, wscf)))
            .shift((gloci + idxi * hscf, glocj + idxj * wscf));
        dsl::fill_in(&mut gi, objc, &xx);
    }
    let mut go = go;
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    ex(gi, go)
}

fn generate_8be77c9e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (1, 15));
    let w = unifint(rng, diff_lb, diff_ub, (1, 30));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let numc = unifint(rng, diff_lb, diff_ub, (0, 9.min(h * w)));
    // Python samples from all the colors here, the background included.
    let colsch = rng.sample(&cols, numc)?;
    let mut inds = dsl::asindices(&gi).to_vec();
    for col in colsch {
        let num = unifint(rng, diff_lb, diff_ub, (1, 1.max(inds.len() as i64 / numc)));
        let chos = rng.sample(&inds, num)?;
        fill_locs_in(&mut gi, col, &chos);
        inds.retain(|l| !chos.contains(l));
    }
    let go = dsl::vconcat(&gi, &dsl::hmirror_grid(&gi));
    ex(gi, go)
}

fn generate_8d5021e8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled_in(rng, diff_lb, diff_ub, (1, 10), (1, 15))?;
    let go1 = dsl::hconcat(&dsl::vmirror_grid(&gi), &gi);
    let go2 = dsl::vconcat(&go1, &dsl::hmirror_grid(&go1));
    let go = dsl::vconcat(&dsl::hmirror_grid(&go1), &go2);
    ex(gi, go)
}

fn generate_8d510a79(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let barloci = rng.randint(2, h - 3)?;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let barcol = rng.choice(&remcols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    dsl::fill_in(
        &mut gi,
        barcol,
        &dsl::connect((barloci, 0), (barloci, w - 1)),
    );
    let mut go = gi.clone();
    let jinds = dsl::interval(0, w, 1);
    let numtop = unifint(rng, diff_lb, diff_ub, (1, w - 1));
    let numbot = unifint(rng, diff_lb, diff_ub, (1, w - 1));
    let tops = rng.sample(&jinds, numtop)?;
    let bots = rng.sample(&jinds, numbot)?;
    for t in tops {
        let loci = rng.randint(0, barloci - 2)?;
        let col = rng.choice(&[1, 2])?;
        let loc = (loci, t);
        fill_locs_in(&mut gi, col, &[loc]);
        let end = if col == 1 { (0, t) } else { (barloci - 1, t) };
        dsl::fill_in(&mut go, col, &dsl::connect(loc, end));
    }
    for t in bots {
        let loci = rng.randint(barloci + 2, h - 1)?;
        let col = rng.choice(&[1, 2])?;
        let loc = (loci, t);
        fill_locs_in(&mut gi, col, &[loc]);
        let end = if col == 1 {
            (h - 1, t)
        } else {
            (barloci + 1, t)
        };
        dsl::fill_in(&mut go, col, &dsl::connect(loc, end));
    }
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

fn generate_8e1813be(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let bs = rng.sample(&cols, 2)?;
    let (bgc, sqc) = (bs[0], bs[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&sqc, &cols));
    let nbars = unifint(rng, diff_lb, diff_ub, (3, 8));
    let ccols = rng.sample(&remcols, nbars)?;
    let w = unifint(rng, diff_lb, diff_ub, (nbars + 3, 30));
    let hmarg = unifint(rng, diff_lb, diff_ub, (2 * nbars, 30 - nbars));
    let mut go: Grid = ccols.iter().map(|&c| vec![c; nbars as usize]).collect();
    let mut gi: Grid = ccols.iter().map(|&c| vec![c; w as usize]).collect();
    let r = vec![bgc; w as usize];
    for _ in 0..hmarg {
        // Python draws the index over `len(go)`, the bar count.
        let idx = rng.randint(0, go.len() as i64 - 1)? as usize;
        gi.insert(idx, r.clone());
    }
    let h2 = nbars + hmarg;
    let (oh, ow) = (nbars, nbars);
    let loci = rng.randint(1, h2 - oh - 2)?;
    let locj = rng.randint(1, w - ow - 2)?;
    let sq = dsl::backdrop(&pair_set((loci, locj), (loci + oh - 1, locj + ow - 1)));
    dsl::fill_in(&mut gi, sqc, &sq);
    dsl::fill_in(&mut gi, bgc, &dsl::outbox(&sq));
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

fn generate_8e5a5113(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let d = unifint(rng, diff_lb, diff_ub, (2, 9));
    let bgc = rng.choice(&colopts)?;
    let remcols = dsl::remove(&bgc, &colopts);
    let k = if d < 7 { 4 } else { 3 };
    let num = unifint(rng, diff_lb, diff_ub, (2, k));
    let barc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&barc, &remcols);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let patcols = rng.sample(&remcols, ncols)?;
    let bgcanv = dsl::canvas(bgc, (d, d));
    let mut c = bgcanv.clone();
    let inds = dsl::asindices(&c).to_vec();
    let ncells = unifint(rng, diff_lb, diff_ub, (1, d * d - 1));
    for (i, j) in rng.sample(&inds, ncells)? {
        c[i as usize][j as usize] = rng.choice(&patcols)?;
    }
    let barr = dsl::canvas(barc, (d, 1));
    let fillinidx = rng.choice(&dsl::interval(0, num, 1))?;
    let mut gi = if fillinidx == 0 {
        c.clone()
    } else {
        bgcanv.clone()
    };
    let mut go = c.clone();
    for j in 0..num - 1 {
        c = dsl::rot90(&c);
        let part = if j + 1 == fillinidx { &c } else { &bgcanv };
        gi = dsl::hconcat(&dsl::hconcat(&gi, &barr), part);
        go = dsl::hconcat(&dsl::hconcat(&go, &barr), &c);
    }
    if rng.choice(&[true, false])? {
        gi = dsl::rot90(&gi);
        go = dsl::rot90(&go);
    }
    ex(gi, go)
}

fn generate_8eb1be9a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (2, h / 3));
    let ow = unifint(rng, diff_lb, diff_ub, (2, w));
    let bounds = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    let ncells = unifint(rng, diff_lb, diff_ub, (2, (oh * ow) / 3 * 2));
    let picked: Indices = rng.sample(&bounds.to_vec(), ncells)?.into_iter().collect();
    let obj = dsl::normalize(&picked);
    let (oh, ow) = dsl::shape(&obj);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, ncols)?;
    // Colors drawn in the frozenset's order; distinct cells after that.
    let mut cells: Vec<Cell> = Vec::with_capacity(obj.len());
    for &ij in obj.iter() {
        cells.push((rng.choice(&ccols)?, ij));
    }
    let obj: Object = cells.into_iter().collect();
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let obj = obj.shift((loci, locj));
    let c = dsl::canvas(bgc, (h, w));
    let gi = dsl::paint(&c, &obj);
    let mut go = gi.clone();
    for k in 0..h / oh + 1 {
        dsl::paint_in(&mut go, &obj.shift((-oh * k, 0)));
        dsl::paint_in(&mut go, &obj.shift((oh * k, 0)));
    }
    ex(gi, go)
}

fn generate_8efcae92(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bsd = rng.sample(&cols, 3)?;
    let (bgc, sqc, dotc) = (bsd[0], bsd[1], bsd[2]);
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 25));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 4 * num;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go: Option<Grid> = None;
    let mut inds = asindices_of((h, w));
    let mut first: Option<(i64, i64)> = None;
    let mut numdots = 0;
    let mut memo = FitMemo::default();
    while succ < num && tr < maxtr {
        let (oh, ow) = match first {
            None => {
                let oh = rng.randint(2, h - 1)?;
                let ow = rng.randint(2, w - 1)?;
                first = Some((oh, ow));
                (oh, ow)
            }
            Some((oho, owo)) => {
                let (mh, mw) = (oho.min(h - 1 - oho), owo.min(w - 1 - owo));
                let ohd = mh - unifint(rng, diff_lb, diff_ub, (0, mh));
                let owd = mw - unifint(rng, diff_lb, diff_ub, (0, mw));
                let oh = rng.choice(&[oho - ohd, oho + ohd])?;
                let ow = rng.choice(&[owo - owd, owo + owd])?;
                (oh.max(2).min(h - 1), ow.max(2).min(w - 1))
            }
        };
        let minig = dsl::canvas(sqc, (oh, ow));
        let cands = memo.fitting(&inds, (h, w), (oh, ow));
        tr += 1;
        if cands.is_empty() {
            continue;
        }
        let loc = rng.choice(cands)?;
        // `shift(mini, loc)` is the rectangle at `loc`, tested, painted and
        // subtracted: read for its cells, size and membership only.
        let (ul, lr) = (loc, (loc.0 + oh - 1, loc.1 + ow - 1));
        if !(ul.0..=lr.0).all(|i| (ul.1..=lr.1).all(|j| inds.contains(&(i, j)))) {
            continue;
        }
        succ += 1;
        let nd = if go.is_none() {
            numdots = unifint(rng, diff_lb, diff_ub, (1, (oh * ow) / 2 - 1));
            numdots
        } else {
            unifint(
                rng,
                diff_lb,
                diff_ub,
                (0, ((oh * ow) / 2 - 1).min(numdots - 1)),
            )
        };
        let locs = rng.sample(&dsl::asindices_order(oh, ow), nd)?;
        let minig = filled_locs(minig, dotc, &locs);
        if go.is_none() {
            go = Some(minig.clone());
        }
        for (i, row) in minig.iter().enumerate() {
            let r = &mut gi[loc.0 as usize + i];
            r[loc.1 as usize..(loc.1 + ow) as usize].copy_from_slice(row);
        }
        let pi = Around::of_cells((ul.0..=lr.0).flat_map(|i| (ul.1..=lr.1).map(move |j| (i, j))));
        let near = Around::new(pi.cells().iter().copied(), dsl::dneighbors);
        inds = near.subtract_from(&pi.subtract_from(&inds));
        memo.changed();
    }
    let go = go.ok_or_else(|| DatasetError::Generation("no square placed".into()))?;
    ex(gi, go)
}

fn generate_8f2ea7aa(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::interval(0, 10, 1);
    let d = unifint(rng, diff_lb, diff_ub, (2, 5));
    let bgc = rng.choice(&colopts)?;
    let remcols = dsl::remove(&bgc, &colopts);
    let d2 = d * d;
    let mut gi = dsl::canvas(bgc, (d2, d2));
    let mut go = gi.clone();
    let mut minig = dsl::canvas(bgc, (d, d));
    let inds = dsl::asindices(&minig).to_vec();
    let mp = d2 / 2;
    let dev = unifint(rng, diff_lb, diff_ub, (0, mp));
    let devs = rng.choice(&[1, -1])?;
    let num = (mp + devs * dev).min(d2).max(0);
    let mut locs: PySet<Loc> = rng.sample(&inds, num)?.into_iter().collect();
    let all: PySet<Loc> = inds.iter().copied().collect();
    while locs.is_empty() || set_shape(&locs) != (d, d) {
        locs.add(rng.choice_in(&(&all - &locs))?);
    }
    let ncols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let cols = rng.sample(&remcols, ncols)?;
    for &(i, j) in locs.iter() {
        minig[i as usize][j as usize] = rng.choice(&cols)?;
    }
    let itv = dsl::interval(0, d2, d);
    let plcopts = dsl::product(&itv, &itv).to_vec();
    let plc = rng.choice(&plcopts)?;
    let minigo = dsl::asobject(&minig);
    dsl::paint_in(&mut gi, &minigo.shift(plc));
    for &(i, j) in locs.iter() {
        dsl::paint_in(&mut go, &minigo.shift((i * d, j * d)));
    }
    ex(gi, go)
}

fn generate_90c28cc7(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 10));
    let w = unifint(rng, diff_lb, diff_ub, (2, 10));
    let nc = unifint(rng, diff_lb, diff_ub, (2, 9));
    let mut gi = dsl::canvas(-1, (h, w));
    let inds = dsl::asindices(&gi).to_vec();
    let colss = rng.sample(&cols, nc)?;
    for &(i, j) in &inds {
        gi[i as usize][j as usize] = rng.choice(&colss)?;
    }
    let mut gi = dsl::dmirror_grid(&dsl::dedupe(&dsl::dmirror_grid(&dsl::dedupe(&gi))));
    let go = gi.clone();
    let (mut h, mut w) = dsl::shape_grid(&gi);
    let fullh = unifint(rng, diff_lb, diff_ub, (h, 30));
    let fullw = unifint(rng, diff_lb, diff_ub, (w, 30));
    let inh = unifint(rng, diff_lb, diff_ub, (h, fullh));
    let inw = unifint(rng, diff_lb, diff_ub, (w, fullw));
    // `rng.choice(opts)` over a one-element list still draws.
    while h < inh || w < inw {
        let (dim, mirror) = if h < inh { (h, false) } else { (w, true) };
        let (dim, mirror) = rng.choice(&[(dim, mirror)])?;
        let idx = rng.randint(0, dim - 1)? as usize;
        if mirror {
            gi = dsl::dmirror_grid(&gi);
        }
        let row = gi[idx].clone();
        gi.insert(idx, row);
        if mirror {
            gi = dsl::dmirror_grid(&gi);
        }
        (h, w) = dsl::shape_grid(&gi);
    }
    while h < fullh || w < fullw {
        let mirror = rng.choice(&[h >= fullh])?;
        if mirror {
            gi = dsl::dmirror_grid(&gi);
        }
        let zero = vec![0; gi.first().map_or(0, Vec::len)];
        if rng.sample(&[0, 1], 2)?[0] == 0 {
            gi.insert(0, zero);
        } else {
            gi.push(zero);
        }
        if mirror {
            gi = dsl::dmirror_grid(&gi);
        }
        (h, w) = dsl::shape_grid(&gi);
    }
    ex(gi, go)
}

fn generate_90f3ed37(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&1, &dsl::interval(0, 10, 1));
    loop {
        let h = unifint(rng, diff_lb, diff_ub, (8, 30));
        let w = unifint(rng, diff_lb, diff_ub, (8, 30));
        let pathh = unifint(rng, diff_lb, diff_ub, (1, 1.max(h / 4)));
        let pathh = unifint(rng, diff_lb, diff_ub, (pathh, 1.max(h / 4)));
        let lper = unifint(rng, diff_lb, diff_ub, (1, w / 7));
        let rper = unifint(rng, diff_lb, diff_ub, (1, w / 7));
        let hh = rng.randint(1, pathh)?;
        let linds = dsl::asindices(&dsl::canvas(-1, (hh, lper))).to_vec();
        let rinds = dsl::asindices(&dsl::canvas(-1, (hh, rper))).to_vec();
        let lpatsd = unifint(rng, diff_lb, diff_ub, (0, (hh * lper) / 2));
        let rpatsd = unifint(rng, diff_lb, diff_ub, (0, (hh * rper) / 2));
        let lpats = rng.choice(&[lpatsd, hh * lper - lpatsd])?;
        let rpats = rng.choice(&[rpatsd, hh * rper - rpatsd])?;
        let lpats = lpats.max(lper).min(hh * lper);
        let rpats = rpats.max(rper).min(hh * rper);
        // Only the patterns' contents are used (shifted and filled).
        let lpat = rng.sample(&linds, lpats)?;
        let rpat = rng.sample(&rinds, rpats)?;
        let mut midpatw = rng.randint(0, w - 2 * lper - 2 * rper)?;
        let mut midpat: Vec<Loc> = if midpatw == 0 || (lper == hh && hh == 1) {
            midpatw = 0;
            Vec::new()
        } else {
            let pool = dsl::asindices(&dsl::canvas(-1, (hh, midpatw))).to_vec();
            let k = rng.randint(midpatw, hh * midpatw)?;
            rng.sample(&pool, k)?
        };
        let off = 2 * lper - midpatw;
        if midpat.iter().all(|&(i, j)| lpat.contains(&(i, j + off))) {
            midpat = Vec::new();
            midpatw = 0;
        }
        let loci = rng.randint(0, h - pathh)?;
        let sp = 2 * lper + midpatw + rper;
        let mut pat: Vec<Loc> = Vec::new();
        let mut put = |p: &[Loc], dj: i64| pat.extend(p.iter().map(|&(i, j)| (i + loci, j + dj)));
        put(&lpat, 0);
        put(&lpat, lper);
        put(&midpat, 2 * lper);
        put(&rpat, 2 * lper + midpatw);
        put(&rpat, 2 * lper + midpatw + rper);
        for k in 0..w / lper + 1 {
            put(&lpat, -k * lper);
        }
        for k in 0..w / rper + 1 {
            put(&rpat, sp + k * rper);
        }
        let patn: Vec<Loc> = pat.iter().map(|&(i, j)| (i - loci, j)).collect();
        let bf = rng.sample(&cols, 2)?;
        let (bgc, fgc) = (bf[0], bf[1]);
        let mut gi = fill_locs(&dsl::canvas(bgc, (h, w)), fgc, &pat);
        let band = |c: i64| dsl::interval(c - pathh - 1, c + 2 * pathh, 1);
        let mut options = without(&dsl::interval(0, h - pathh + 1, 1), &band(loci));
        let nplacements = unifint(
            rng,
            diff_lb,
            diff_ub,
            (1, 1.max(options.len() as i64 / pathh)),
        );
        let mut go = gi.clone();
        for _ in 0..nplacements {
            if options.is_empty() {
                break;
            }
            let locii = rng.choice(&options)?;
            options = without(&options, &band(locii));
            let hoffs = rng.randint(0, rper.max(w - sp - 2))?;
            let mut cutoffopts =
                dsl::interval(2 * lper + midpatw, 2 * lper + midpatw + hoffs + 1, 1);
            cutoffopts.reverse();
            let idx = unifint(rng, diff_lb, diff_ub, (0, cutoffopts.len() as i64 - 1));
            let cutoff = *usize::try_from(idx)
                .ok()
                .and_then(|i| cutoffopts.get(i))
                .ok_or_else(|| DatasetError::Generation("tuple index out of range".into()))?;
            let moved = |p: &[Loc]| -> Vec<Loc> {
                p.iter().map(|&(i, j)| (i + locii, j + hoffs)).collect()
            };
            let patnc: Vec<Loc> = patn.iter().filter(|l| l.1 <= cutoff).copied().collect();
            fill_locs_in(&mut go, 1, &moved(&patn));
            fill_locs_in(&mut gi, fgc, &moved(&patnc));
            fill_locs_in(&mut go, fgc, &moved(&patnc));
        }
        if go.iter().flatten().any(|&v| v == 1) {
            return ex(gi, go);
        }
    }
}

fn generate_913fb3ed(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 3, 4, 6, 8]);
    let prs = [(2, 1), (3, 6), (8, 4)];
    let h = unifint(rng, diff_lb, diff_ub, (1, 30));
    let w = unifint(rng, diff_lb, diff_ub, (1, 30));
    let bgc = rng.choice(&cols)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    let numc = unifint(rng, diff_lb, diff_ub, (1, 1.max((h * w) / 10)));
    let mut inds = dsl::asindices(&gi);
    for _ in 0..numc {
        if inds.is_empty() {
            break;
        }
        let loc = rng.choice_in(&inds)?;
        let (a, b) = rng.choice(&prs)?;
        let nb = dsl::neighbors(loc);
        inds = &(&inds - &nb) - &dsl::outbox(&nb);
        inds = dsl::remove(&loc, &inds);
        fill_locs_in(&mut gi, a, &[loc]);
        fill_locs_in(&mut go, a, &[loc]);
        dsl::fill_in(&mut go, b, &nb);
    }
    ex(gi, go)
}

fn generate_91413438(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 5));
    let maxnb = (h * w - 1).min((30 / h).min(30 / w));
    // `int(0.5 * ((4 * h * w + 1) ** 0.5 - 1)) + 1`
    let minnb = (0.5 * (((4 * h * w + 1) as f64).powf(0.5) - 1.0)) as i64 + 1;
    let nbi = unifint(rng, diff_lb, diff_ub, (0, maxnb - minnb));
    let nb = minnb.max(maxnb - nbi).min(maxnb);
    let fgc = rng.choice(&cols)?;
    let c = dsl::canvas(0, (h, w));
    let obj = rng.sample(&dsl::asindices(&c).to_vec(), h * w - nb)?;
    let gi = fill_locs(&c, fgc, &obj);
    let mut go = dsl::canvas(0, (h * nb, w * nb));
    for j in 0..h * w - nb {
        let (li, lj) = (j / nb, j % nb);
        let sh: Vec<Loc> = obj.iter().map(|&(i, k)| (i + h * li, k + w * lj)).collect();
        fill_locs_in(&mut go, fgc, &sh);
    }
    ex(gi, go)
}

fn generate_91714a58(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let bt = rng.sample(&cols, 2)?;
    let (bgc, targc) = (bt[0], bt[1]);
    let remcols = dsl::remove(&bgc, &cols);
    let nnoise = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 2));
    let mut gi = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&gi).to_vec();
    let noise = rng.sample(&inds, nnoise)?;
    let ih = rng.randint(2, h / 2)?;
    let iw = rng.randint(2, w / 2)?;
    let loci = rng.randint(0, h - ih)?;
    let locj = rng.randint(0, w - iw)?;
    let bd = dsl::backdrop(&pair_set((loci, locj), (loci + ih - 1, locj + iw - 1)));
    let go = dsl::fill(&gi, targc, &bd);
    for (i, j) in noise {
        gi[i as usize][j as usize] = rng.choice(&remcols)?;
    }
    let gi = dsl::filled(gi, targc, &bd);
    ex(gi, go)
}

fn generate_9172f3a0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled_in(rng, diff_lb, diff_ub, (1, 10), (1, 10))?;
    let go = dsl::upscale_grid(&gi, 3);
    ex(gi, go)
}

fn generate_928ad970(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let ih = unifint(rng, diff_lb, diff_ub, (9, h));
    let iw = unifint(rng, diff_lb, diff_ub, (9, w));
    let bld = rng.sample(&cols, 3)?;
    let (bgc, linc, dotc) = (bld[0], bld[1], bld[2]);
    let loci = rng.randint(0, h - ih)?;
    let locj = rng.randint(0, w - iw)?;
    let ulc = (loci, locj);
    let lrc = (loci + ih - 1, locj + iw - 1);
    // `connect(a, b) - {a, b}`: a line without its ends.
    let mut inner = |a: Loc, b: Loc| -> Result<Loc> {
        let ends: PySet<Loc> = [a, b].into_iter().collect();
        let line = dsl::connect(a, b).difference(&ends);
        pick(rng, &line.to_vec())
    };
    let dot1 = inner(ulc, (loci + ih - 1, locj))?;
    let dot2 = inner(ulc, (loci, locj + iw - 1))?;
    let dot3 = inner(lrc, (loci + ih - 1, locj))?;
    let dot4 = inner(lrc, (loci, locj + iw - 1))?;
    let mut two_apart = |lo: i64, hi: i64| -> Result<(i64, i64)> {
        loop {
            let mut ab = rng.sample(&dsl::interval(lo, hi, 1), 2)?;
            ab.sort();
            if ab[0] + 1 != ab[1] {
                return Ok((ab[0], ab[1]));
            }
        }
    };
    let (a, b) = two_apart(loci + 2, loci + ih - 2)?;
    let (c, d) = two_apart(locj + 2, locj + iw - 2)?;
    let sp = dsl::r#box(&pair_set((a, c), (b, d)));
    let bx: Indices = [dot1, dot2, dot3, dot4].into_iter().collect();
    let gi = dsl::fill(&dsl::canvas(bgc, (h, w)), dotc, &bx);
    let gi = dsl::filled(gi, linc, &sp);
    let go = dsl::fill(&gi, linc, &dsl::inbox(&bx));
    ex(gi, go)
}

fn generate_93b581b8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, numcols)?;
    let numocc = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 50));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * numocc;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    let mut inds = dsl::asindices(&gi);
    let q = [(0, 0), (0, 1), (1, 0), (1, 1)];
    while tr < maxtr && succ < numocc {
        tr += 1;
        let cands = dsl::sfilter(&inds, |&(i, j)| i <= h - 2 && j <= w - 2);
        if cands.is_empty() {
            break;
        }
        let (li, lj) = rng.choice_in(&cands)?;
        let mut cs = [0; 4];
        for c in cs.iter_mut() {
            *c = rng.choice(&ccols)?;
        }
        // The cells are at distinct locations: only contents matter.
        let mut inobj: Vec<Cell> = Vec::new();
        let mut outobj: Vec<Cell> = Vec::new();
        for (k, &(i, j)) in q.iter().enumerate() {
            inobj.push((cs[k], (i + li, j + lj)));
        }
        outobj.extend(inobj.iter().copied());
        for (c, (di, dj)) in [
            (cs[3], (-2, -2)),
            (cs[2], (-2, 2)),
            (cs[1], (2, -2)),
            (cs[0], (2, 2)),
        ] {
            for &(i, j) in &q {
                outobj.push((c, (i + di + li, j + dj + lj)));
            }
        }
        outobj.retain(|&(_, (i, j))| 0 <= i && i < h && 0 <= j && j < w);
        let outi: Indices = outobj.iter().map(|c| c.1).collect();
        if outi.issubset(&inds) {
            succ += 1;
            let ini: Indices = inobj.iter().map(|c| c.1).collect();
            inds = &(&inds - &outi) - &dsl::mapply(|&l| dsl::dneighbors(l), &ini);
            paint_cells_in(&mut gi, &inobj);
            paint_cells_in(&mut go, &outobj);
        }
    }
    ex(gi, go)
}

/// 941d9a10's lines: every other row of a `2n + 1` by `len` band, then
/// background rows inserted at random until it is `total` high.
fn spaced_lines(
    rng: &mut GenRng,
    bgc: i64,
    fgc: i64,
    n: i64,
    len: i64,
    total: i64,
) -> Result<Grid> {
    let mut g = dsl::canvas(bgc, (2 * n + 1, len));
    // `fill(g, fgc, connect((j, 0), (j, len)))`: row `j` whole (the last
    // location lies past the row), if `g` has it.
    for j in (1..total).step_by(2) {
        if let Some(row) = g.get_mut(j as usize) {
            row.fill(fgc);
        }
    }
    for _ in 0..total - (2 * n + 1) {
        let loc = rng.randint(0, g.len() as i64 - 1)? as usize;
        g.insert(loc, vec![bgc; len as usize]);
    }
    Ok(g)
}

/// The cells of `objects(grid, True, True, False)`, as [`objects_cells`]
/// finds them (each object flooded from its first cell in `asindices`'
/// order, walked from [`GridSet::asindices`]), kept in one list: each
/// object is the span `cells[a..b]` (its cells in no particular order), the
/// spans in the order `objects` adds the objects. One buffer rather than
/// two small vectors per object.
fn objects_flat_8(grid: &Grid) -> (Vec<Cell>, Vec<(usize, usize)>) {
    let (h, w) = dsl::shape_grid(grid);
    let mut occupied = vec![false; (h * w).max(0) as usize];
    let mut cells: Vec<Cell> = Vec::with_capacity(occupied.len());
    let mut spans = Vec::new();
    let mut stack: Vec<Loc> = Vec::with_capacity(occupied.len());
    for id in GridSet::asindices((h, w)).iter() {
        let loc = gloc(id);
        let slot = |(i, j): Loc| (i * w + j) as usize;
        if occupied[slot(loc)] {
            continue;
        }
        let val = grid[loc.0 as usize][loc.1 as usize];
        let start = cells.len();
        occupied[slot(loc)] = true;
        stack.push(loc);
        while let Some((i, j)) = stack.pop() {
            cells.push((val, (i, j)));
            for di in -1..=1i64 {
                for dj in -1..=1i64 {
                    let n = (i + di, j + dj);
                    if (di, dj) == (0, 0) || !(0 <= n.0 && n.0 < h && 0 <= n.1 && n.1 < w) {
                        continue;
                    }
                    if !occupied[slot(n)] && grid[n.0 as usize][n.1 as usize] == val {
                        occupied[slot(n)] = true;
                        stack.push(n);
                    }
                }
            }
        }
        spans.push((start, cells.len()));
    }
    (cells, spans)
}

fn generate_941d9a10(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 3]);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let opts = dsl::interval(2, (h - 1) / 2 + 1, 2);
    let nhidx = unifint(rng, diff_lb, diff_ub, (0, opts.len() as i64 - 1));
    let nh = opts[nhidx.max(0) as usize];
    let opts = dsl::interval(2, (w - 1) / 2 + 1, 2);
    let nwidx = unifint(rng, diff_lb, diff_ub, (0, opts.len() as i64 - 1));
    let nw = opts[nwidx.max(0) as usize];
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let hgrid = spaced_lines(rng, bgc, fgc, nh, w, h)?;
    let wgrid = dsl::dmirror_grid(&spaced_lines(rng, bgc, fgc, nw, h, w)?);
    // `fill(gi, fgc, ofcolor(hgrid, fgc) | ofcolor(wgrid, fgc))`: one value.
    let mut gi = dsl::canvas(bgc, (h, w));
    for (i, row) in gi.iter_mut().enumerate() {
        for (j, v) in row.iter_mut().enumerate() {
            if cell_at(&hgrid, (i as i64, j as i64)) == Some(fgc)
                || cell_at(&wgrid, (i as i64, j as i64)) == Some(fgc)
            {
                *v = fgc;
            }
        }
    }
    // The objects' order decides ties (`argmin`, `argmax`, `extract`), but
    // only their bounds are read and they are filled with one color: the
    // orders of `objects`' set and `colorfilter`'s come from the objects'
    // hashes, and no object is built.
    let (cells, spans) = objects_flat_8(&gi);
    let found: Vec<&[Cell]> = spans.iter().map(|&(a, b)| &cells[a..b]).collect();
    let hashes: Vec<i64> = found.iter().map(|c| object_hash(c.iter())).collect();
    let bg: Vec<usize> = set_frozen_order(&hashes)
        .into_iter()
        .filter(|&k| found[k][0].0 == bgc)
        .collect();
    let objs = reordered(&bg, |k| hashes[k]);
    // Each object's upper left corner (its cells are never empty).
    let corner: Vec<Loc> = found
        .iter()
        .map(|c| {
            c.iter().fold((i64::MAX, i64::MAX), |(t, l), &(_, (i, j))| {
                (t.min(i), l.min(j))
            })
        })
        .collect();
    let key = |&k: &usize| corner[k].1 + corner[k].0;
    let none = || DatasetError::Generation("no object".into());
    let blue = *dsl::argmin(objs.iter(), key).ok_or_else(none)?;
    let green = *dsl::argmax(objs.iter(), key).ok_or_else(none)?;
    let balanced = |k: usize, f: fn(Loc) -> i64| {
        let v = f(corner[k]);
        objs.iter().filter(|&&o2| f(corner[o2]) < v).count()
            == objs.iter().filter(|&&o2| f(corner[o2]) > v).count()
    };
    let red = *dsl::extract(objs.iter(), |&k| {
        balanced(k, |c| c.1) && balanced(k, |c| c.0)
    })
    .ok_or_else(|| DatasetError::Generation("StopIteration".into()))?;
    let locs = |k: usize| found[k].iter().map(|c| &c.1);
    let go = fill_locs(&gi, 1, locs(blue));
    let go = filled_locs(go, 3, locs(green));
    let go = filled_locs(go, 2, locs(red));
    ex(gi, go)
}

fn generate_94f9d214(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&2, &dsl::interval(0, 10, 1));
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
    // Python draws from `(numadev, h * w - numbdev)` here.
    let numb = rng.choice(&[numadev, h * w - numbdev])?;
    let numa = numa.max(1).min(h * w - 1);
    let numb = numb.max(1).min(h * w - 1);
    let aset = rng.sample(&inds, numa)?;
    let bset = rng.sample(&inds, numb)?;
    let a = fill_locs(&c, acol, &aset);
    let b = fill_locs(&c, bcol, &bset);
    let mut gi = dsl::hconcat(&a, &b);
    let res: Vec<Loc> = inds
        .iter()
        .filter(|l| !aset.contains(l) && !bset.contains(l))
        .copied()
        .collect();
    let mut go = fill_locs(&c, 2, &res);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

fn generate_952a094c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let ih = unifint(rng, diff_lb, diff_ub, (4, h - 2));
    let iw = unifint(rng, diff_lb, diff_ub, (4, w - 2));
    let loci = rng.randint(1, h - ih - 1)?;
    let locj = rng.randint(1, w - iw - 1)?;
    let bx = dsl::r#box(&pair_set((loci, locj), (loci + ih - 1, locj + iw - 1)));
    let cs = rng.sample(&cols, 6)?;
    let (bgc, fgc, a, b, c, d) = (cs[0], cs[1], cs[2], cs[3], cs[4], cs[5]);
    let canvv = dsl::fill(&dsl::canvas(bgc, (h, w)), fgc, &bx);
    let mut gi = canvv.clone();
    let mut go = canvv;
    fill_locs_in(&mut gi, a, &[(loci + 1, locj + 1)]);
    fill_locs_in(&mut go, a, &[(loci + ih, locj + iw)]);
    fill_locs_in(&mut gi, b, &[(loci + 1, locj + iw - 2)]);
    fill_locs_in(&mut go, b, &[(loci + ih, locj - 1)]);
    fill_locs_in(&mut gi, c, &[(loci + ih - 2, locj + 1)]);
    fill_locs_in(&mut go, c, &[(loci - 1, locj + iw)]);
    fill_locs_in(&mut gi, d, &[(loci + ih - 2, locj + iw - 2)]);
    fill_locs_in(&mut go, d, &[(loci - 1, locj - 1)]);
    ex(gi, go)
}

fn generate_9565186b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&5, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let wg = dsl::canvas(5, (h, w));
    let numcols = unifint(rng, diff_lb, diff_ub, (2, (h * w - 1).min(8)));
    let mostcol = rng.choice(&cols)?;
    let lb = (h * w) / numcols + 1;
    let ub = h * w - numcols + 1;
    let nmcdev = unifint(rng, diff_lb, diff_ub, (0, ub - lb));
    let nummostcol = (ub - nmcdev).max(lb).min(ub);
    let inds = dsl::asindices(&wg).to_vec();
    let mostcollocs = rng.sample(&inds, nummostcol)?;
    let mut gi = fill_locs(&wg, mostcol, &mostcollocs);
    let mut go = gi.clone();
    let remcols = dsl::remove(&mostcol, &cols);
    let mut othcols = rng.sample(&remcols, numcols - 1)?;
    let reminds: Vec<Loc> = inds
        .iter()
        .filter(|l| !mostcollocs.contains(l))
        .copied()
        .collect();
    let bufferlocs = rng.sample(&reminds, numcols - 1)?;
    for (&c, &l) in othcols.iter().zip(&bufferlocs) {
        fill_locs_in(&mut gi, c, &[l]);
    }
    let reminds: Vec<Loc> = reminds
        .iter()
        .filter(|l| !bufferlocs.contains(l))
        .copied()
        .collect();
    let mut colcounts: std::collections::HashMap<i64, i64> =
        othcols.iter().map(|&c| (c, 1)).collect();
    for ij in reminds {
        if othcols.is_empty() {
            fill_locs_in(&mut gi, mostcol, &[ij]);
            fill_locs_in(&mut go, mostcol, &[ij]);
        } else {
            let chc = rng.choice(&othcols)?;
            fill_locs_in(&mut gi, chc, &[ij]);
            let n = colcounts.entry(chc).or_insert(0);
            *n += 1;
            if *n == nummostcol - 1 {
                othcols = dsl::remove(&chc, &othcols);
            }
        }
    }
    ex(gi, go)
}

fn generate_95990924(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[1, 2, 3, 4]);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let num = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 16));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    let mut inds = dsl::asindices(&gi);
    let bx = dsl::r#box(&pair_set((0, 0), (3, 3)));
    let bd = dsl::backdrop(&bx);
    let maxtrials = 4 * num;
    let (mut succ, mut tr) = (0, 0);
    while succ < num && tr < maxtrials {
        let loc = pick(rng, &inds.to_vec())?;
        let bxs = bx.shift(loc);
        if bxs.issubset(&inds) {
            let inner = dsl::inbox(&bxs);
            dsl::fill_in(&mut gi, fgc, &inner);
            dsl::fill_in(&mut go, fgc, &inner);
            let (i, j) = loc;
            for (c, l) in [
                (1, (i, j)),
                (2, (i, j + 3)),
                (3, (i + 3, j)),
                (4, (i + 3, j + 3)),
            ] {
                fill_locs_in(&mut go, c, &[l]);
            }
            inds = dsl::difference(&inds, &bd.shift(loc));
            succ += 1;
        }
        tr += 1;
    }
    ex(gi, go)
}

fn generate_963e52fc(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 15));
    let p = unifint(rng, diff_lb, diff_ub, (2, w / 2));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 9));
    let ccols = rng.sample(&remcols, numc)?;
    // One cell per location: only the contents are used below.
    let mut obj: Vec<Cell> = Vec::new();
    for j in 0..p {
        let ub = unifint(rng, diff_lb, diff_ub, (0, h / 2));
        let ub = h / 2 - ub;
        let lb = unifint(rng, diff_lb, diff_ub, (ub, h - 1));
        let numcells = unifint(rng, diff_lb, diff_ub, (1, lb - ub + 1));
        for ii in rng.sample(&dsl::interval(ub, lb + 1, 1), numcells)? {
            let col = rng.choice(&ccols)?;
            obj.push((col, (ii, j)));
        }
    }
    let mut go = dsl::canvas(bgc, (h, w * 2));
    let addonw = rng.randint(0, p)?;
    let mut fullobj: Vec<Cell> = obj.clone();
    fullobj.extend(obj.iter().map(|&(c, (i, j))| (c, (i, j + p))));
    fullobj.extend(obj.iter().filter(|c| c.1 .1 < addonw).copied());
    let leftshift = rng.randint(0, addonw)?;
    let shifted = |dj: i64| -> Vec<Cell> {
        fullobj
            .iter()
            .map(|&(c, (i, j))| (c, (i, j - leftshift + dj)))
            .collect()
    };
    paint_cells_in(&mut go, &shifted(0));
    for j in 0..(2 * w) / (2 * p) + 1 {
        paint_cells_in(&mut go, &shifted(j * 2 * p));
    }
    let gi = dsl::lefthalf(&go);
    ex(gi, go)
}

fn generate_97999447(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&5, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let num = unifint(rng, diff_lb, diff_ub, (1, h));
    let locs = rng.sample(&dsl::interval(0, h, 1), num)?;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numc)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    for idx in locs {
        let col = rng.choice(&ccols)?;
        let j = rng.randint(0, w - 1)?;
        fill_locs_in(&mut gi, col, &[(idx, j)]);
        let a: Vec<Loc> = (j..w).step_by(2).map(|x| (idx, x)).collect();
        let b: Vec<Loc> = (j + 1..w).step_by(2).map(|x| (idx, x)).collect();
        fill_locs_in(&mut go, col, &a);
        fill_locs_in(&mut go, 5, &b);
    }
    ex(gi, go)
}

/// `(dmirror, cmirror, vmirror, hmirror)[k](a_set)`: the first mirror
/// iterates the set itself.
fn mirror_set(k: usize, s: &PySet<Loc>) -> Indices {
    let (top, bottom) = bounds_of(&s.iter().map(|l| l.0).collect::<Vec<_>>());
    let (left, right) = bounds_of(&s.iter().map(|l| l.1).collect::<Vec<_>>());
    match k {
        0 => s
            .iter()
            .map(|&(i, j)| (j - left + top, i - top + left))
            .collect(),
        1 => {
            let v: Indices = s.iter().map(|&(i, j)| (i, left + right - j)).collect();
            dsl::vmirror(&dsl::dmirror(&v))
        }
        2 => s.iter().map(|&(i, j)| (i, left + right - j)).collect(),
        _ => s.iter().map(|&(i, j)| (top + bottom - i, j)).collect(),
    }
}

/// `(identity, dmirror, vmirror, cmirror, hmirror)[k]` on a grid.
fn mirror_grid5(k: usize, g: &Grid) -> Grid {
    match k {
        1 => dsl::dmirror_grid(g),
        2 => dsl::vmirror_grid(g),
        3 => dsl::cmirror_grid(g),
        4 => dsl::hmirror_grid(g),
        _ => g.clone(),
    }
}

/// The least of the eight symmetries of a normalized shape of at most 11
/// by 11 cells (rotations and reflections of its bounding box), each as a
/// mask with bit `11 * i + j` per location. 97a05b5b's 25 compositions
/// `f1(f2(shape))` of identity, `dmirror`, `cmirror`, `hmirror` and
/// `vmirror` (each over its operand's own bounds, which every one of them
/// keeps at the origin) are these eight: the four reflections, the
/// identity, `hmirror(vmirror)` (half a turn) and `dmirror(hmirror)`,
/// `hmirror(dmirror)` (the quarter turns).
fn d4_canon(shape: &Indices) -> u128 {
    let h = shape.iter().map(|l| l.0).max().unwrap_or(0) + 1;
    let w = shape.iter().map(|l| l.1).max().unwrap_or(0) + 1;
    assert!(h <= 11 && w <= 11, "shapes fit 11 by 11 cells");
    let bit = |i: i64, j: i64| 1u128 << (11 * i + j);
    let mut masks = [0u128; 8];
    for &(i, j) in shape.iter() {
        let (ri, rj) = (h - 1 - i, w - 1 - j);
        masks[0] |= bit(i, j);
        masks[1] |= bit(i, rj);
        masks[2] |= bit(ri, j);
        masks[3] |= bit(ri, rj);
        masks[4] |= bit(j, i);
        masks[5] |= bit(rj, i);
        masks[6] |= bit(j, ri);
        masks[7] |= bit(rj, ri);
    }
    masks.into_iter().min().unwrap_or(0)
}

fn generate_97a05b5b(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (15, 30));
    let w = unifint(rng, diff_lb, diff_ub, (15, 30));
    let sgh = rng.randint(h / 3, h / 3 * 2)?;
    let sgw = rng.randint(w / 3, w / 3 * 2)?;
    let bs = rng.sample(&cols, 2)?;
    let (bgc, sqc) = (bs[0], bs[1]);
    let mut remcols = dsl::remove(&bgc, &dsl::remove(&sqc, &cols));
    let mut gi = dsl::canvas(bgc, (h, w));
    let oh = rng.randint(2, sgh / 2)?;
    let ow = rng.randint(2, sgw / 2)?;
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, 8));
    let mut objs: PySet<Indices> = PySet::new();
    // `cands` and each `obj` as tables of box ids (`BoxShape`); once grown,
    // `obj`'s order is not read (a mirror merged in, sizes, a frozenset
    // whose hash and fills are order-free).
    // (`oh` and `ow` reach 10: larger boxes take the sets themselves.)
    let hashes = loc10_hashes();
    let in_box = oh <= 8 && ow <= 8;
    let box_cands = in_box.then(|| BoxShape::asindices(hashes, (oh, ow)));
    let cands = dsl::asindices(&dsl::canvas(-1, (oh, ow)));
    // Only membership is asked of `forbidden` (set equality: the same
    // locations). Each shape adds its 25 mirror compositions, which are
    // exactly its eight symmetries (see [`d4_canon`]), so `forbidden` holds
    // the least of them per shape: a shape is in it exactly when its own
    // least symmetry is.
    let mut forbidden: Vec<u128> = Vec::new();
    let mut tr = 0;
    let maxtr = 4 * nobjs;
    while objs.len() as i64 != nobjs && tr < maxtr {
        tr += 1;
        let mut obj: PySet<Loc> = match &box_cands {
            Some(cands) => {
                let first = cands.choose(rng)?;
                let mut shp = BoxShape::from_locs(hashes, [loc10(first)]);
                let ncells = rng.randint(1, oh * ow - 1)?;
                for _ in 0..ncells - 1 {
                    shp.grow(rng, cands, dsl::neighbors)?;
                }
                shp.locs().collect()
            }
            None => {
                let mut obj: PySet<Loc> = std::iter::once(rng.choice_in(&cands)?).collect();
                let ncells = rng.randint(1, oh * ow - 1)?;
                for _ in 0..ncells - 1 {
                    grow_by(rng, &cands, &mut obj, dsl::neighbors)?;
                }
                obj
            }
        };
        let k = rng.choice(&[0usize, 1, 2, 3])?;
        obj.update(&mirror_set(k, &obj));
        let (oh2, ow2) = set_shape(&obj);
        if obj.len() as i64 == oh2 * ow2 {
            continue;
        }
        let objn = dsl::normalize(&obj.freeze());
        let key = d4_canon(&objn);
        if !forbidden.contains(&key) {
            objs.add(objn.clone());
            forbidden.push(key);
        }
    }
    let mut tr = 0;
    let maxtr = 5 * nobjs;
    let mut succ = 0;
    let loci = rng.randint(0, h - sgh)?;
    let locj = rng.randint(0, w - sgw)?;
    // `fill(gi, sqc, backdrop(...))`: one value over a rectangle, so the
    // backdrop's order is unread and it is not built.
    fill_rect(&mut gi, sqc, (loci, locj), (loci + sgh - 1, locj + sgw - 1));
    let mut go = dsl::canvas(sqc, (sgh, sgw));
    // `goinds` and `giinds` as CPython's tables (`GridSet`), the
    // candidates filtered from them kept until they change.
    let mut goinds = GridSet::asindices((sgh, sgw));
    // `shift(asindices(go), (loci, locj))` is the square's rectangle, and
    // `mapply(neighbors, ...)` of a rectangle of at least two cells is the
    // rectangle one cell larger all round: both read for their sizes and
    // membership only.
    let (ul, lr) = ((loci, locj), (loci + sgh - 1, locj + sgw - 1));
    let mut giinds = GridSet::asindices((h, w))
        .difference_where((sgh * sgw) as usize, |id| in_rect(gloc(id), ul, lr))
        .difference_where(((sgh + 2) * (sgw + 2)) as usize, |id| {
            in_rect(gloc(id), (ul.0 - 1, ul.1 - 1), (lr.0 + 1, lr.1 + 1))
        });
    let mut gocands_memo = FitMemo::default();
    let mut gicands_memo = FitMemo::default();
    // `asobject(g)` covers every cell of `g`, so a shifted one's indices are
    // a rectangle (tested for membership, subtracted) and painting it is
    // pasting `g` (one value per cell): no object is built.
    let rect_ids = |(i, j): Loc, (oh, ow): Loc| -> Vec<u16> {
        (i..i + oh)
            .flat_map(|a| (j..j + ow).map(move |b| gid((a, b))))
            .collect()
    };
    let paste = |grid: &mut Grid, g: &Grid, (i, j): Loc| {
        for (row, src) in grid[i as usize..].iter_mut().zip(g) {
            row[j as usize..j as usize + src.len()].copy_from_slice(src);
        }
    };
    while succ < nobjs && tr < maxtr && !objs.is_empty() {
        tr += 1;
        let obj = rng.choice_in(&objs)?;
        let col = pick(rng, &remcols)?;
        let subgi = dsl::fill(&dsl::canvas(col, dsl::shape(&obj)), sqc, &obj);
        if dsl::numcolors(&subgi) == 1 {
            continue;
        }
        let f1 = rng.choice(&[0usize, 1, 2, 3, 4])?;
        let f2 = rng.choice(&[0usize, 1, 2, 3, 4])?;
        let subgo = mirror_grid5(f1, &mirror_grid5(f2, &subgi));
        let (ohi, owi) = dsl::shape_grid(&subgi);
        let (oho, owo) = dsl::shape_grid(&subgo);
        let gocands = gocands_memo.fitting(&goinds, (sgh, sgw), (oho, owo));
        if gocands.is_empty() {
            continue;
        }
        let goloc = gloc(rng.choice(gocands)?);
        let goids = rect_ids(goloc, (oho, owo));
        if goids.iter().all(|&id| goinds.contains(id)) {
            // Python bounds the column by `owi`, not `w - owi`: the fit
            // test `j <= w - ow` with `w` standing for `2 * owi`.
            let gicands = gicands_memo.fitting(&giinds, (h, 2 * owi), (ohi, owi));
            if gicands.is_empty() {
                continue;
            }
            let giloc = gloc(rng.choice(gicands)?);
            let giids = rect_ids(giloc, (ohi, owi));
            if giids.iter().all(|&id| giinds.contains(id)) {
                succ += 1;
                remcols = dsl::remove(&col, &remcols);
                objs = objs.iter().filter(|o| **o != obj).cloned().collect();
                goinds = goinds.difference_ids(&goids);
                let around = Around::new(giids.iter().map(|&id| gloc(id)), dsl::neighbors);
                let around: Vec<u16> = around.cells().iter().map(|&l| gid(l)).collect();
                giinds = giinds.difference_ids(&giids).difference_ids(&around);
                gocands_memo.changed();
                gicands_memo.changed();
                paste(&mut gi, &subgi, giloc);
                // The square's cells of the placed output shape become
                // background in `gi` (`fill` of a filtered object).
                for (i, row) in subgo.iter().enumerate() {
                    for (j, &v) in row.iter().enumerate() {
                        if v == sqc {
                            let (a, b) = (goloc.0 + loci + i as i64, goloc.1 + locj + j as i64);
                            gi[a as usize][b as usize] = bgc;
                        }
                    }
                }
                paste(&mut go, &subgo, goloc);
            }
        }
    }
    ex(gi, go)
}

fn generate_98cf29f8(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let objh = unifint(rng, diff_lb, diff_ub, (2, h - 5));
    let objw = unifint(rng, diff_lb, diff_ub, (2, w - 5));
    let loci = rng.randint(0, h - objh)?;
    let locj = rng.randint(0, w - objw)?;
    let obj = dsl::backdrop(&pair_set((loci, locj), (loci + objh - 1, locj + objw - 1)));
    let boo = rng.sample(&cols, 3)?;
    let (bgc, objc, otherc) = (boo[0], boo[1], boo[2]);
    let mut gi = dsl::fill(&dsl::canvas(bgc, (h, w)), objc, &obj);
    let margs = [h - (loci + objh), w - (locj + objw), loci, locj];
    let options: Vec<usize> = (0..4).filter(|&k| margs[k] > 2).collect();
    let pos = pick(rng, &options)?;
    for _ in 0..pos {
        gi = dsl::rot90(&gi);
    }
    let (h, w) = dsl::shape_grid(&gi);
    let ofc = dsl::ofcolor(&gi, objc);
    let locis = rng.randint(dsl::lowermost(&ofc) + 2, h - 2)?;
    let locie = rng.randint(locis + 1, h - 1)?;
    let locjs = rng.randint(0, (w - 2).min(dsl::rightmost(&ofc)))?;
    let locje = rng.randint((locjs + 1).max(dsl::leftmost(&ofc)), w - 1)?;
    let otherobj = dsl::backdrop(&pair_set((locis, locjs), (locie, locje)));
    let ub = dsl::rightmost(&ofc).min(dsl::rightmost(&otherobj));
    let lb = dsl::leftmost(&ofc).max(dsl::leftmost(&otherobj));
    let jloc = rng.randint(lb, ub)?;
    let ln = dsl::connect(
        (dsl::lowermost(&ofc) + 1, jloc),
        (dsl::uppermost(&otherobj) - 1, jloc),
    );
    let gib = gi.clone();
    dsl::fill_in(&mut gi, otherc, &otherobj);
    dsl::fill_in(&mut gi, otherc, &ln);
    let mut go = dsl::fill(&gib, otherc, &otherobj.shift((-(ln.len() as i64), 0)));
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
    ex(gi, go)
}

fn generate_995c5fa3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let o1 = dsl::asindices(&dsl::canvas(-1, (4, 4)));
    let o2 = dsl::r#box(&o1);
    let o3: Indices = o1
        .iter()
        .filter(|l| ![(1, 0), (2, 0), (1, 3), (2, 3)].contains(l))
        .copied()
        .collect();
    let o4: Indices = o1
        .iter()
        .filter(|&&(i, j)| !((2..4).contains(&i) && (1..3).contains(&j)))
        .copied()
        .collect();
    let mpr = [(o1, 2), (o2, 8), (o3, 3), (o4, 4)];
    let num = unifint(rng, diff_lb, diff_ub, (1, 6));
    let (h, w) = (4, 4 * num + num - 1);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut ccols = Vec::new();
    for k in 0..num {
        let col = rng.choice(&remcols)?;
        let (obj, outcol) = rng.choice(&mpr)?;
        dsl::fill_in(&mut gi, col, &obj.shift((0, 5 * k)));
        ccols.push(outcol);
    }
    let go: Grid = ccols.iter().map(|&c| vec![c; num as usize]).collect();
    ex(gi, go)
}

fn generate_99b1bc43(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&3, &dsl::interval(0, 10, 1));
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
    // Python draws from `(numadev, h * w - numbdev)` here.
    let numb = rng.choice(&[numadev, h * w - numbdev])?;
    let numa = numa.max(1).min(h * w - 1);
    let numb = numb.max(1).min(h * w - 1);
    let aset = rng.sample(&inds, numa)?;
    let bset = rng.sample(&inds, numb)?;
    let a = fill_locs(&c, acol, &aset);
    let b = fill_locs(&c, bcol, &bset);
    let mut gi = dsl::hconcat(&dsl::hconcat(&a, &bar), &b);
    let res: Vec<Loc> = inds
        .iter()
        .filter(|l| aset.contains(l) != bset.contains(l))
        .copied()
        .collect();
    let mut go = fill_locs(&c, 3, &res);
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}

fn generate_99fa7670(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let num = unifint(rng, diff_lb, diff_ub, (1, h / 2));
    let mut starts = rng.sample(&dsl::interval(0, h, 1), num)?;
    starts.sort();
    let mut ends: Vec<i64> = starts[1..].iter().map(|x| x - 1).collect();
    ends.push(h - 1);
    let nc = unifint(rng, diff_lb, diff_ub, (1, 9));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ccols = rng.sample(&remcols, nc)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    for (&s, &e) in starts.iter().zip(&ends) {
        let col = rng.choice(&ccols)?;
        let locj = rng.randint(0, w - 2)?;
        let l1 = dsl::connect((s, locj), (s, w - 1));
        let l2 = dsl::connect((s, w - 1), (e, w - 1));
        fill_locs_in(&mut gi, col, &[(s, locj)]);
        dsl::fill_in(&mut go, col, &(&l1 | &l2));
    }
    ex(gi, go)
}

fn generate_9aec4887(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (12, 30));
    let w = unifint(rng, diff_lb, diff_ub, (12, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (4, h / 2 - 2));
    let ow = unifint(rng, diff_lb, diff_ub, (4, w / 2 - 2));
    let cs = rng.sample(&cols, 6)?;
    let (bgc, pc, c1, c2, c3, c4) = (cs[0], cs[1], cs[2], cs[3], cs[4], cs[5]);
    let gi = dsl::canvas(bgc, (h, w));
    let mut go = dsl::canvas(bgc, (oh, ow));
    dsl::fill_in(&mut go, c1, &dsl::connect((1, 0), (oh - 2, 0)));
    dsl::fill_in(&mut go, c2, &dsl::connect((1, ow - 1), (oh - 2, ow - 1)));
    dsl::fill_in(&mut go, c3, &dsl::connect((0, 1), (0, ow - 2)));
    dsl::fill_in(&mut go, c4, &dsl::connect((oh - 1, 1), (oh - 1, ow - 2)));
    let bounds = dsl::asindices(&dsl::canvas(-1, (oh - 2, ow - 2)));
    let mut obj_a: PySet<Loc> = std::iter::once(rng.choice_in(&bounds)?).collect();
    let ncells = unifint(rng, diff_lb, diff_ub, (1, ((oh - 2) * (ow - 2)) / 2));
    for _ in 0..ncells - 1 {
        grow_box8(rng, &bounds, &mut obj_a, dsl::neighbors)?;
    }
    while set_shape(&obj_a) != (oh - 2, ow - 2) {
        grow_box8(rng, &bounds, &mut obj_a, dsl::neighbors)?;
    }
    let loci = rng.randint(0, h - 2 * oh + 2)?;
    let locj = rng.randint(0, w - ow)?;
    // `fullinds - plcdi` and its sfilter are read in their order (a draw):
    // CPython's tables over location numbers (`GridSet`); `plcdi`, the `oh`
    // by `ow` box at `(loci, locj)`, only for its size and members.
    let (ul, lr) = ((loci, locj), (loci + oh - 1, locj + ow - 1));
    let box_ids = rect_ids(ul, lr);
    let rest = GridSet::asindices((h, w)).difference_ids(&box_ids);
    let rems = rest.filtered_order(|id| {
        let (i, j) = gloc(id);
        loci + oh <= i && i <= h - oh + 2 && j <= w - ow + 2
    });
    let (li, lj) = gloc(pick(rng, &rems)?);
    // `paint(gi, shift(asobject(go), (loci, locj)))`: one cell per location.
    let mut gi = gi;
    for (i, row) in go.iter().enumerate() {
        gi[i + loci as usize][locj as usize..(locj + ow) as usize].copy_from_slice(row);
    }
    let placed: Vec<Loc> = obj_a.iter().map(|&(i, j)| (i + li, j + lj)).collect();
    fill_locs_in(&mut gi, pc, &placed);
    // Each cell's color depends only on the objects found before the loop,
    // so the cells can be filled in any order; the objects are read for
    // their distances and colors, and a unique nearest one is taken, so
    // their order is not read either.
    let objs: Vec<(i64, Vec<Loc>)> = objects_cells(&go, true, false, true)
        .into_iter()
        .map(|o| (o[0].0, o.into_iter().map(|c| c.1).collect()))
        .collect();
    let cells: Vec<Loc> = obj_a.iter().map(|&(i, j)| (i + 1, j + 1)).collect();
    for (i, j) in cells {
        let manhs: Vec<i64> = objs
            .iter()
            .map(|(_, locs)| {
                locs.iter()
                    .map(|&(a, b)| (a - i).abs() + (b - j).abs())
                    .min()
                    .unwrap_or(i64::MAX)
            })
            .collect();
        let mmh = manhs.iter().copied().min().unwrap_or(0);
        let mut nearest = objs.iter().zip(&manhs).filter(|(_, &m)| m == mmh);
        let col = match (nearest.next(), nearest.next()) {
            (Some((o, _)), None) => o.0,
            _ => pc,
        };
        go[i as usize][j as usize] = col;
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

/// 9af7a82c's `options` for `ncols` colors (2 to 9): the factor pairs
/// `(a, b)` of the products from `sum(range(1, ncols + 1))` to
/// `sum(range(30, 30 - ncols, -1))`, in the order of `sorted(set(...), key=
/// lambda ij: ij[0] * ij[1])` (ties in the set's order). No draw goes into
/// them, so the eight lists are built once per process.
fn options_9af7a82c(ncols: i64) -> &'static [Loc] {
    static OPTIONS: std::sync::OnceLock<Vec<Vec<Loc>>> = std::sync::OnceLock::new();
    let all = OPTIONS.get_or_init(|| {
        // `prods`: products in the order first met, each with its factor pairs.
        let mut prods: Vec<(i64, Vec<Loc>)> = Vec::new();
        for a in 1..31 {
            for b in 1..31 {
                let prd = a * b;
                match prods.iter_mut().find(|(p, _)| *p == prd) {
                    Some((_, v)) => v.push((a, b)),
                    None => prods.push((prd, vec![(a, b)])),
                }
            }
        }
        (2..=9)
            .map(|ncols| {
                let leastnc: i64 = (1..=ncols).sum();
                let maxnc: i64 = (31 - ncols..=30).sum();
                let mut options: PySet<Loc> = PySet::new();
                for (_, v) in prods.iter().filter(|(k, _)| leastnc <= *k && *k <= maxnc) {
                    for &opt in v {
                        options.add(opt);
                    }
                }
                let mut options = options.to_vec();
                options.sort_by_key(|&(a, b)| a * b);
                options
            })
            .collect()
    });
    usize::try_from(ncols - 2)
        .ok()
        .and_then(|k| all.get(k))
        .map_or(&[], Vec::as_slice)
}

fn generate_9af7a82c(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let ncols = unifint(rng, diff_lb, diff_ub, (2, 9));
    let options = options_9af7a82c(ncols);
    let idx = unifint(rng, diff_lb, diff_ub, (0, options.len() as i64 - 1));
    let (h, w) = options[idx.max(0) as usize];
    let ccols = rng.sample(&cols, ncols)?;
    let mut counts: Vec<i64> = (1..=ncols).collect();
    let mut eliginds: std::collections::BTreeSet<i64> = std::iter::once(ncols - 1).collect();
    while counts.iter().sum::<i64>() < h * w {
        let eligindss: Vec<i64> = eliginds.iter().rev().copied().collect();
        let k = unifint(rng, diff_lb, diff_ub, (0, eligindss.len() as i64 - 1));
        let idx = *usize::try_from(k)
            .ok()
            .and_then(|k| eligindss.get(k))
            .ok_or_else(|| DatasetError::Generation("list index out of range".into()))?;
        let i = idx as usize;
        counts[i] += 1;
        if idx > 0 {
            eliginds.insert(idx - 1);
        }
        if idx < ncols - 1 && counts[i] == counts[i + 1] - 1 {
            eliginds.remove(&idx);
        }
        if counts[i] == 30 {
            eliginds.remove(&idx);
        }
    }
    let mut gi = dsl::canvas(-1, (h, w));
    let mut go = dsl::canvas(0, (dsl::maximum(&counts), ncols));
    let mut inds = dsl::asindices(&gi);
    counts.reverse();
    for (j, (&col, &cnt)) in ccols.iter().zip(&counts).enumerate() {
        let locs = rng.sample(&inds.to_vec(), cnt)?;
        fill_locs_in(&mut gi, col, &locs);
        // `inds - set(locs)`: `set_difference` reads only the size and
        // membership of `set(locs)` (distinct locations), so it is a mask.
        let mut mask = vec![false; (h * w) as usize];
        for &(i, j) in &locs {
            mask[(i * w + j) as usize] = true;
        }
        inds = inds.difference_where(locs.len(), |&(i, j)| mask[(i * w + j) as usize]);
        let j = j as i64;
        dsl::fill_in(&mut go, col, &dsl::connect((0, j), (cnt - 1, j)));
    }
    ex(gi, go)
}

fn generate_9d9215db(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 14)) * 2 + 1;
    let w = unifint(rng, diff_lb, diff_ub, (5, 14)) * 2 + 1;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ub = h.min(w) / 4;
    let nrings = unifint(rng, diff_lb, diff_ub, (1, ub));
    let onlinesbase: Vec<Loc> = (0..ub).map(|k| (2 * k + 1, 2 * k + 1)).collect();
    let onlines = rng.sample(&onlinesbase, nrings)?;
    // Distinct locations throughout: paints depend only on contents.
    let mut gi = dsl::canvas(bgc, (h, w));
    for (i, j) in onlines {
        gi[i as usize][j as usize] = rng.choice(&remcols)?;
    }
    let linsbase: Vec<Loc> = onlinesbase[..onlinesbase.len() - 1]
        .iter()
        .map(|&(i, j)| (i, j + 2))
        .collect();
    let nlines = unifint(rng, diff_lb, diff_ub, (1, linsbase.len() as i64));
    let linesps = rng.sample(&linsbase, nlines)?;
    let mut colors = Vec::with_capacity(linesps.len());
    for _ in 0..nlines {
        colors.push(rng.choice(&remcols)?);
    }
    for (&col, &(i, j)) in colors.iter().zip(&linesps) {
        fill_locs_in(&mut gi, col, &[(i, j), (j, i)]);
    }
    let mut gobase = gi.clone();
    // Each line is one color over the odd cells of a row and a column
    // segment (`sfilter(connect(...))`), filled in place.
    for (&col, &(i, j)) in colors.iter().zip(&linesps) {
        let (a, b) = (j.min(w - j - 1), j.max(w - j - 1));
        for jj in (a..=b).filter(|jj| jj % 2 == 1) {
            gobase[i as usize][jj as usize] = col;
        }
        let (a, b) = (j.min(h - j - 1), j.max(h - j - 1));
        for ii in (a..=b).filter(|ii| ii % 2 == 1) {
            gobase[ii as usize][i as usize] = col;
        }
    }
    let mut go = gobase.clone();
    for m in [
        dsl::vmirror_grid(&gobase),
        dsl::hmirror_grid(&gobase),
        dsl::vmirror_grid(&dsl::hmirror_grid(&gobase)),
    ] {
        // `paint(go, merge(fgpartition(m)))`: the cells of every color but
        // `mostcolor(m)`, one per location, so the paint writes each of
        // them, in any order.
        let bg = dsl::mostcolor(&m);
        for (orow, mrow) in go.iter_mut().zip(&m) {
            for (o, &v) in orow.iter_mut().zip(mrow) {
                if v != bg {
                    *o = v;
                }
            }
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_9dfd6313(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let dh = unifint(rng, diff_lb, diff_ub, (1, 14));
    let d = 2 * dh + 1;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let linc = rng.choice(&remcols)?;
    let remcols = dsl::remove(&linc, &remcols);
    let mut gi = dsl::canvas(bgc, (d, d));
    let inds = dsl::asindices(&gi);
    let lni = rng.randint(1, 4)?;
    let (ln, mirror, cands) = match lni {
        1 => (
            dsl::connect((dh, 0), (dh, d - 1)),
            4,
            dsl::sfilter(&inds, |l| l.0 > dh),
        ),
        2 => (
            dsl::connect((0, dh), (d - 1, dh)),
            3,
            dsl::sfilter(&inds, |l| l.1 > dh),
        ),
        3 => (
            dsl::connect((0, 0), (d - 1, d - 1)),
            1,
            dsl::sfilter(&inds, |l| l.0 > l.1),
        ),
        _ => (
            dsl::connect((d - 1, 0), (0, d - 1)),
            2,
            dsl::sfilter(&inds, |l| l.0 + l.1 > d),
        ),
    };
    dsl::fill_in(&mut gi, linc, &ln);
    let mp = (d * (d - 1)) / 2;
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 7.min(mp)));
    let colsch = rng.sample(&remcols, numcols)?;
    let numpix = unifint(rng, diff_lb, diff_ub, (1, cands.len() as i64));
    let pixs = rng.sample(&cands.to_vec(), numpix)?;
    for (i, j) in pixs {
        gi[i as usize][j as usize] = rng.choice(&colsch)?;
    }
    // `(identity, dmirror, cmirror, vmirror, hmirror, ...)` indices for `transform`.
    let go = transform(mirror, &gi);
    let (gi, go) = if rng.choice(&[true, false])? {
        (go, gi)
    } else {
        (gi, go)
    };
    ex(gi, go)
}

fn generate_9ecd008a(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(1, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (3, 15));
    let w = h;
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 8));
    let remcols = rng.sample(&remcols, numcols)?;
    let canv = dsl::canvas(bgc, (h, w));
    let nc = unifint(rng, diff_lb, diff_ub, (1, h * w));
    let obj = colored_blob(rng, &canv, &remcols, nc)?;
    let mut gi = paint_cells(&canv, obj.iter());
    let tr = dsl::sfilter(&dsl::asobject(&dsl::dmirror_grid(&gi)), |c| {
        c.1 .1 >= c.1 .0
    });
    dsl::paint_in(&mut gi, &tr);
    gi = dsl::hconcat(&gi, &dsl::vmirror_grid(&gi));
    gi = dsl::vconcat(&gi, &dsl::hmirror_grid(&gi));
    let locidev = unifint(rng, diff_lb, diff_ub, (1, 2 * h));
    let locjdev = unifint(rng, diff_lb, diff_ub, (1, w));
    let loci = 2 * h - locidev;
    let locj = w - locjdev;
    let loci2 = unifint(rng, diff_lb, diff_ub, (loci, 2 * h - 1));
    let locj2 = unifint(rng, diff_lb, diff_ub, (locj, w - 1));
    let bd = dsl::backdrop(&pair_set((loci, locj), (loci2, locj2)));
    let go = dsl::subgrid(&bd, &gi);
    let gi = dsl::filled(gi, 0, &bd);
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_9edfc990(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(2, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (5, 30));
    let w = unifint(rng, diff_lb, diff_ub, (5, 30));
    let lo = (0.4 * h as f64 * w as f64) as i64;
    let hi = (0.7 * h as f64 * w as f64) as i64;
    let namt = unifint(rng, diff_lb, diff_ub, (lo, hi));
    let mut gi = dsl::canvas(0, (h, w));
    // `inds` as CPython's table (`GridSet`): `remlocs`' order is read.
    let inds = GridSet::asindices((h, w));
    // Lists sized up front (a table's walk does not know its length).
    let mut order: Vec<Loc> = Vec::with_capacity(inds.len());
    order.extend(inds.iter().map(gloc));
    let locs = rng.sample(&order, namt)?;
    let mut chosen = vec![false; (h * w) as usize];
    for &(i, j) in &locs {
        gi[i as usize][j as usize] = rng.choice(&cols)?;
        chosen[(i * w + j) as usize] = true;
    }
    // `inds - set(locs)`: the sampled locations are distinct; only their
    // number and membership are read.
    let remlocs = inds.difference_where(locs.len(), |id| {
        let (i, j) = gloc(id);
        chosen[(i * w + j) as usize]
    });
    let numc = unifint(rng, diff_lb, diff_ub, (1, 1.max(remlocs.len() as i64 / 10)));
    let mut remlist: Vec<Loc> = Vec::with_capacity(remlocs.len());
    remlist.extend(remlocs.iter().map(gloc));
    let blocs = rng.sample(&remlist, numc)?;
    fill_locs_in(&mut gi, 1, &blocs);
    // `mfilter(colorfilter(objects(gi, T, F, F), 0), rbind(adjacent,
    // blocs))` is only filled: the cells of the 0 components with a cell
    // next to one of `blocs`, from the components' labels.
    let (label, n) = component_labels(&gi, false);
    let mut hit = vec![false; n];
    for &l in &blocs {
        for (i, j) in dneighbor_cells(l) {
            if cell_at(&gi, (i, j)) == Some(0) {
                hit[label[(i * w + j) as usize]] = true;
            }
        }
    }
    let mut go = gi.clone();
    for (k, &lab) in label.iter().enumerate() {
        let (i, j) = (k / w as usize, k % w as usize);
        if gi[i][j] == 0 && hit[lab] {
            go[i][j] = 1;
        }
    }
    ex(gi, go)
}

fn generate_9f236235(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let numh = unifint(rng, diff_lb, diff_ub, (2, 14));
    let numw = unifint(rng, diff_lb, diff_ub, (2, 14));
    let h = unifint(rng, diff_lb, diff_ub, (1, 31 / numh - 1));
    let w = unifint(rng, diff_lb, diff_ub, (1, 31 / numw - 1));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let frontcol = rng.choice(&remcols)?;
    // Python removes the line color from all the colors (keeping `bgc`).
    let remcols = dsl::remove(&frontcol, &cols);
    let numcols = unifint(rng, diff_lb, diff_ub, (1, 9.min(numh * numw)));
    let _ccols = rng.sample(&remcols, numcols)?;
    let numcells = unifint(rng, diff_lb, diff_ub, (1, numh * numw));
    let cands = dsl::asindices(&dsl::canvas(-1, (numh, numw)));
    let inds = dsl::asindices(&dsl::canvas(-1, (h, w)));
    let locs = rng.sample(&cands.to_vec(), numcells)?;
    let mut gi = dsl::canvas(frontcol, (h * numh + numh - 1, w * numw + numw - 1));
    let mut go = dsl::canvas(bgc, (numh, numw));
    for &(a, b) in cands.iter() {
        let plcd = inds.shift((a * (h + 1), b * (w + 1)));
        let col = if locs.contains(&(a, b)) {
            rng.choice(&remcols)?
        } else {
            bgc
        };
        dsl::fill_in(&mut gi, col, &plcd);
        fill_locs_in(&mut go, col, &[(a, b)]);
    }
    ex(gi, dsl::vmirror_grid(&go))
}

fn generate_a1570a43(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let oh = unifint(rng, diff_lb, diff_ub, (3, h));
    let ow = unifint(rng, diff_lb, diff_ub, (3, w));
    let loci = rng.randint(0, h - oh)?;
    let locj = rng.randint(0, w - ow)?;
    let crns: Indices = [
        (loci, locj),
        (loci + oh - 1, locj),
        (loci, locj + ow - 1),
        (loci + oh - 1, locj + ow - 1),
    ]
    .into_iter()
    .collect();
    let cands = dsl::asindices(&dsl::canvas(-1, (oh - 2, ow - 2))).shift((loci + 1, locj + 1));
    let bd = rng.sample(&cols, 2)?;
    let (bgc, dotc) = (bd[0], bd[1]);
    let remcols = dsl::remove(&bgc, &dsl::remove(&dotc, &cols));
    let numc = unifint(rng, diff_lb, diff_ub, (1, 8));
    let ccols = rng.sample(&remcols, numc)?;
    let gipro = dsl::fill(&dsl::canvas(bgc, (h, w)), dotc, &crns);
    let sp = rng.choice_in(&cands)?;
    let mut obj: PySet<Loc> = std::iter::once(sp).collect();
    let cands = dsl::remove(&sp, &cands);
    let lo = oh + ow - 5;
    let ncells = unifint(
        rng,
        diff_lb,
        diff_ub,
        (lo, lo.max(((oh - 2) * (ow - 2)) / 2)),
    );
    for _ in 0..ncells - 1 {
        grow_by(rng, &cands, &mut obj, dsl::neighbors)?;
    }
    while set_shape(&obj) != (oh - 2, ow - 2) {
        grow_by(rng, &cands, &mut obj, dsl::neighbors)?;
    }
    // Distinct locations: from here on only the cells' contents matter.
    let mut cells: Vec<Cell> = Vec::with_capacity(obj.len());
    for &ij in obj.iter() {
        cells.push((rng.choice(&ccols)?, ij));
    }
    let go = paint_cells(&gipro, &cells);
    let nperts = unifint(rng, diff_lb, diff_ub, (1, h.max(w)));
    let mut k = 0;
    let inside = |&(i, j): &Loc| 0 <= i && i < h && 0 <= j && j < w;
    let ulc = |cells: &[Cell]| {
        let (t, _) = bounds_of(&cells.iter().map(|c| c.1 .0).collect::<Vec<_>>());
        let (l, _) = bounds_of(&cells.iter().map(|c| c.1 .1).collect::<Vec<_>>());
        (t, l)
    };
    while ulc(&cells) == (loci + 1, locj + 1) || k < nperts {
        k += 1;
        let options = dsl::sfilter(&dsl::neighbors((0, 0)), |&(di, dj)| {
            cells.iter().all(|&(_, (i, j))| {
                let l = (i + di, j + dj);
                !crns.contains(&l) && inside(&l)
            })
        });
        let (di, dj) = pick(rng, &options.to_vec())?;
        for c in cells.iter_mut() {
            c.1 = (c.1 .0 + di, c.1 .1 + dj);
        }
    }
    let gi = paint_cells(&gipro, &cells);
    ex(gi, go)
}

fn generate_a2fd1cf0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 3, 8]);
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let gloci = unifint(rng, diff_lb, diff_ub, (1, h - 1));
    let glocj = unifint(rng, diff_lb, diff_ub, (1, w - 1));
    let bgc = rng.choice(&cols)?;
    let g = fill_locs(&dsl::canvas(bgc, (h, w)), 3, &[(gloci, glocj)]);
    let g = dsl::rot180(&g);
    let (gii, gij) = dsl::center(&dsl::ofcolor(&g, 3));
    let rloci = unifint(rng, diff_lb, diff_ub, (gii + 1, h - 1));
    let rlocj = unifint(rng, diff_lb, diff_ub, (gij + 1, w - 1));
    let g = filled_locs(g, 2, &[(rloci, rlocj)]);
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    let gi = transform(rotf, &g);
    let (a, b) = dsl::center(&dsl::ofcolor(&gi, 2));
    let (c, d) = dsl::center(&dsl::ofcolor(&gi, 3));
    let go = dsl::fill(&gi, 8, &dsl::connect((a, b), (a, d)));
    let go = dsl::filled(go, 8, &dsl::connect((a, d), (c, d)));
    let go = filled_locs(go, 2, &[(a, b)]);
    let go = filled_locs(go, 3, &[(c, d)]);
    ex(gi, go)
}

fn generate_a3325580(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let nobjs = unifint(rng, diff_lb, diff_ub, (1, 9));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ccols = rng.sample(&remcols, nobjs)?;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut lmocc: Vec<i64> = Vec::new();
    // `inds`, whose order the draws read, as CPython's table over location
    // numbers (`GridSet`).
    let mut inds = GridSet::asindices((h, w));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 4 * nobjs;
    let mxncells = rng.randint(nobjs + 1, 30)?;
    // `sfilter(inds, ...)` per shape while neither `inds` nor `lmocc` changes
    // (its order is read by the draw).
    let mut fits: Vec<(Loc, Vec<u16>)> = Vec::new();
    // The placed objects: (size, leftmost column, color).
    let mut placed: Vec<(usize, i64, i64)> = Vec::new();
    let hashes = loc10_hashes();
    while succ < nobjs && tr < maxtr {
        tr += 1;
        let mut oh = rng.randint(1, 6)?;
        let mut ow = rng.randint(1, 6)?;
        while oh * ow < mxncells {
            oh = rng.randint(1, 6)?;
            ow = rng.randint(1, 6)?;
        }
        // `bounds` and the grown `obj` lie in the 8 by 8 box: tables of box
        // ids (`BoxShape`), grown as CPython grows them.
        let bounds = BoxShape::asindices(hashes, (oh, ow));
        let _ = rng.randint(1, oh * ow)?;
        let ncells = unifint(rng, diff_lb, diff_ub, (1, (oh * ow).min(mxncells)));
        let ncells = unifint(rng, diff_lb, diff_ub, (ncells, (oh * ow).min(mxncells)));
        let sp = bounds.choose(rng)?;
        let mut obj = BoxShape::from_locs(hashes, [loc10(sp)]);
        for _ in 0..ncells - 1 {
            obj.grow(rng, &bounds, dsl::dneighbors)?;
        }
        // `obj in seenobjs`: nothing is ever added to `seenobjs`.
        // `normalize(obj)` is read for its shape and shifted cells only
        // (tested, subtracted, filled): a list of its cells.
        let objn = normalized(&obj.locs().collect::<Vec<_>>());
        let (oh, ow) = cells_shape(&objn);
        let k = match fits.iter().position(|(key, _)| *key == (oh, ow)) {
            Some(k) => k,
            None => {
                let cands = inds.filtered_order(|id| {
                    let (i, j) = gloc(id);
                    i <= h - oh && j <= w - ow && !lmocc.contains(&j)
                });
                fits.push(((oh, ow), cands));
                fits.len() - 1
            }
        };
        let cands = &fits[k].1;
        if cands.is_empty() {
            continue;
        }
        let loc = gloc(rng.choice(cands)?);
        // `plcd = shift(obj, loc)`: tested, subtracted and filled, so read
        // for its (distinct) cells, size and membership only.
        let plcd: Vec<Loc> = objn.iter().map(|&(i, j)| (i + loc.0, j + loc.1)).collect();
        if plcd.iter().all(|&l| in_grid_set(&inds, l)) {
            inds = grid_minus_near(&inds, &plcd, dsl::dneighbors);
            fill_locs_in(&mut gi, ccols[succ as usize], &plcd);
            placed.push((plcd.len(), loc.1, ccols[succ as usize]));
            succ += 1;
            lmocc.push(loc.1);
            fits.clear();
        }
    }
    // Each placed object has its own color and is kept one cell away from
    // the others, so while the background is the strictly most common color
    // they are exactly `objects(gi, T, F, T)`, and their leftmost columns
    // (in `lmocc`) differ, so `order(..., leftmost)` sorts them fully.
    let bg_count = dsl::colorcount(&gi, bgc);
    if !placed.is_empty() && placed.iter().all(|p| p.0 < bg_count) {
        let mx = placed.iter().map(|p| p.0).max().unwrap_or(0);
        let mut widest: Vec<&(usize, i64, i64)> = placed.iter().filter(|p| p.0 == mx).collect();
        widest.sort_by_key(|p| p.1);
        let mut go = dsl::canvas(-1, (mx as i64, widest.len() as i64));
        for (idx, p) in widest.iter().enumerate() {
            let column: Vec<Loc> = (0..mx as i64).map(|i| (i, idx as i64)).collect();
            fill_locs_in(&mut go, p.2, &column);
        }
        return ex(gi, go);
    }
    let objs = dsl::objects(&gi, true, false, true);
    let mxncells = dsl::valmax(objs.iter(), |o| o.len())
        .ok_or_else(|| DatasetError::Generation("no objects".into()))?;
    let objs = dsl::order(&dsl::sfilter(&objs, |o| o.len() == mxncells), dsl::leftmost);
    let mut go = dsl::canvas(-1, (mxncells as i64, objs.len() as i64));
    for (idx, o) in objs.iter().enumerate() {
        let idx = idx as i64;
        let col = dsl::color(o).unwrap_or(-1);
        go = dsl::fill(
            &go,
            col,
            &dsl::connect((0, idx), (mxncells as i64 - 1, idx)),
        );
    }
    ex(gi, go)
}

fn generate_a3df8b1e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let w = unifint(rng, diff_lb, diff_ub, (2, 10));
    let h = unifint(rng, diff_lb, diff_ub, (w + 1, 30));
    let bl = rng.sample(&cols, 2)?;
    let (bgc, linc) = (bl[0], bl[1]);
    let mut sp = (h - 1, 0);
    let mut gi = fill_locs(&dsl::canvas(bgc, (h, w)), linc, &[sp]);
    let mut go = gi.clone();
    let mut direc = 1;
    loop {
        sp = (sp.0 - 1, sp.1 + direc);
        if sp.1 == w - 1 || sp.1 == 0 {
            direc *= -1;
        }
        let go2 = fill_locs(&go, linc, &[sp]);
        if go2 == go {
            break;
        }
        go = go2;
    }
    let nmfs = rng.choice(&[1, 2])?;
    for k in rng.sample(&[0, 1, 2, 3, 4, 5, 6, 7], nmfs)? {
        gi = transform(k, &gi);
        go = transform(k, &go);
    }
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
    ex(gi, go)
}

fn generate_a416b8f3(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let gi = sprinkled_in(rng, diff_lb, diff_ub, (1, 30), (1, 15))?;
    let go = dsl::hconcat(&gi, &gi);
    ex(gi, go)
}

fn generate_a48eeaf7(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (8, 30));
    let w = unifint(rng, diff_lb, diff_ub, (8, 30));
    let ih = unifint(rng, diff_lb, diff_ub, (2, h / 2));
    let iw = unifint(rng, diff_lb, diff_ub, (2, w / 2));
    let loci = rng.randint(2, h - ih - 2)?;
    let locj = rng.randint(2, w - iw - 2)?;
    let bsd = rng.sample(&cols, 3)?;
    let (bgc, sqc, dotc) = (bsd[0], bsd[1], bsd[2]);
    let sq = dsl::backdrop(&pair_set((loci, locj), (loci + ih - 1, locj + iw - 1)));
    let rows = dsl::interval(loci, loci + ih, 1);
    let colsj = dsl::interval(locj, locj + iw, 1);
    let mut dearr: Vec<Loc> = Vec::new();
    let mut srarr: Vec<Loc> = Vec::new();
    dearr.extend(rows.iter().map(|&x| (x, locj - 1)));
    for &x in &rows {
        srarr.push((x, rng.randint(0, locj - 2)?));
    }
    dearr.extend(rows.iter().map(|&x| (x, locj + iw)));
    for &x in &rows {
        srarr.push((x, rng.randint(locj + iw + 1, w - 1)?));
    }
    dearr.extend(colsj.iter().map(|&x| (loci - 1, x)));
    for &x in &colsj {
        srarr.push((rng.randint(0, loci - 2)?, x));
    }
    dearr.extend(colsj.iter().map(|&x| (loci + ih, x)));
    for &x in &colsj {
        srarr.push((rng.randint(loci + ih + 1, h - 1)?, x));
    }
    let num = unifint(rng, diff_lb, diff_ub, (1, srarr.len() as i64));
    let locs = rng.sample(&dsl::interval(0, srarr.len() as i64, 1), num)?;
    let mut gi = dsl::fill(&dsl::canvas(bgc, (h, w)), sqc, &sq);
    let mut go = gi.clone();
    for j in 0..srarr.len() {
        if locs.contains(&(j as i64)) {
            fill_locs_in(&mut gi, dotc, &[srarr[j]]);
            fill_locs_in(&mut go, dotc, &[dearr[j]]);
        }
    }
    let ncorn = unifint(rng, diff_lb, diff_ub, (0, 4));
    let fullinds = dsl::asindices(&gi);
    let corners = [
        ((loci - 1, locj - 1), (loci - 2, locj - 2), (-1, -1)),
        ((loci - 1, locj + iw), (loci - 2, locj + iw + 1), (-1, 1)),
        ((loci + ih, locj - 1), (loci + ih + 1, locj - 2), (1, -1)),
        (
            (loci + ih, locj + iw),
            (loci + ih + 1, locj + iw + 1),
            (1, 1),
        ),
    ];
    for (k, &(target, start, dir)) in corners.iter().enumerate() {
        if ncorn > k as i64 {
            fill_locs_in(&mut go, dotc, &[target]);
            let cands = &dsl::shoot(start, dir) & &fullinds;
            let locc = pick(rng, &cands.to_vec())?;
            fill_locs_in(&mut gi, dotc, &[locc]);
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

/// For `mfilter(colorfilter(objects(grid, True, False, False), bgc),
/// compose(flip, rbind(bordering, grid)))`: row-major, 1 for its cells (the
/// `bgc` cells that no path of `bgc` cells side by side joins to an edge),
/// 2 for the other `bgc` cells, 0 for the rest, found by one flood from the
/// edges; and the number of its cells.
fn enclosed_bg(grid: &Grid, bgc: i64) -> (Vec<u8>, usize) {
    /// Marks a cell reached from an edge, if it is an unreached `bgc` one.
    fn reach(state: &mut [u8], stack: &mut Vec<usize>, left: &mut usize, k: usize) {
        if state[k] == 1 {
            state[k] = 2;
            *left -= 1;
            stack.push(k);
        }
    }
    let (h, w) = (grid.len(), grid.first().map_or(0, Vec::len));
    // Sized up front: a flattened iterator does not know its length.
    let mut state: Vec<u8> = Vec::with_capacity(h * w);
    for row in grid {
        state.extend(row.iter().map(|&v| u8::from(v == bgc)));
    }
    let mut left = state.iter().filter(|&&s| s == 1).count();
    if h == 0 || w == 0 {
        return (state, left);
    }
    let mut stack = Vec::with_capacity(h * w);
    for j in 0..w {
        reach(&mut state, &mut stack, &mut left, j);
        reach(&mut state, &mut stack, &mut left, (h - 1) * w + j);
    }
    for i in 0..h {
        reach(&mut state, &mut stack, &mut left, i * w);
        reach(&mut state, &mut stack, &mut left, i * w + w - 1);
    }
    while let Some(k) = stack.pop() {
        let j = k % w;
        if k >= w {
            reach(&mut state, &mut stack, &mut left, k - w);
        }
        if k + w < h * w {
            reach(&mut state, &mut stack, &mut left, k + w);
        }
        if j > 0 {
            reach(&mut state, &mut stack, &mut left, k - 1);
        }
        if j + 1 < w {
            reach(&mut state, &mut stack, &mut left, k + 1);
        }
    }
    (state, left)
}

fn generate_a5313dff(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&1, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (10, 30));
    let w = unifint(rng, diff_lb, diff_ub, (10, 30));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let noccs = unifint(rng, diff_lb, diff_ub, (1, (h * w) / 20));
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * noccs;
    // `shift(asindices(canvas(-1, (h + 2, w + 2))), (-1, -1))`, read in its
    // order: CPython's tables as location numbers.
    let shifted = GridSet::asindices((h + 2, w + 2)).map_locs(|(i, j)| (i - 1, j - 1));
    let mut inds: Vec<Loc> = Vec::with_capacity(shifted.len());
    inds.extend(shifted.iter().map(gloc));
    // Whether some background object touches no edge: only that, and
    // below only its cells, are used, so no objects' order is seen. It is
    // known until `gi` changes.
    let mut enclosed: Option<bool> = None;
    while (tr < maxtr && succ < noccs)
        || !*enclosed.get_or_insert_with(|| enclosed_bg(&gi, bgc).1 > 0)
    {
        tr += 1;
        let oh = rng.randint(3, 8)?;
        let ow = rng.randint(3, 8)?;
        let loc = rng.choice(&inds)?;
        // `bx = box({(0, 0), (oh - 1, ow - 1)})` shifted to `loc` is only
        // filled, and `plcdins = shift(backdrop(inbox(bx)), loc)`, the
        // rectangle inside it, only tested for `fgc` cells but where a
        // sample reads its order: then it is built as Python builds it.
        let (ul, lr) = (loc, (loc.0 + oh - 1, loc.1 + ow - 1));
        let (iul, ilr) = ((ul.0 + 1, ul.1 + 1), (lr.0 - 1, lr.1 - 1));
        let ins_len = (oh - 2) * (ow - 2);
        // `len(plcdins & ofcolor(gi, fgc)) == 0`: a size.
        let hits_fgc =
            (iul.0..=ilr.0).any(|i| (iul.1..=ilr.1).any(|j| cell_at(&gi, (i, j)) == Some(fgc)));
        if !hits_fgc {
            succ += 1;
            enclosed = None;
            fill_locs_in(&mut gi, fgc, &outline_cells(ul, lr));
            if rng.choice(&[true, true, false])? {
                let k = rng.randint(1, 1.max(ins_len / 2))?;
                let ins: Indices = (1..=oh - 2)
                    .flat_map(|i| (1..=ow - 2).map(move |j| (i, j)))
                    .collect();
                let ss = rng.sample(&ins.shift(loc).to_vec(), k)?;
                fill_locs_in(&mut gi, fgc, &ss);
            }
        }
    }
    let inner: Vec<bool> = enclosed_bg(&gi, bgc).0.iter().map(|&s| s == 1).collect();
    let go = fill_mask(&gi, 1, &inner);
    ex(gi, go)
}

fn generate_a5f85a15(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = dsl::remove(&4, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let mut startlocs: Vec<Loc> = dsl::interval(h - 1, 0, -1)
        .iter()
        .map(|&i| (i, 0))
        .collect();
    startlocs.extend(dsl::interval(0, w, 1).iter().map(|&j| (0, j)));
    let mut cands = dsl::interval(0, h + w - 1, 1);
    let num = unifint(rng, diff_lb, diff_ub, (1, (h + w - 1) / 3));
    let mut locs = Vec::new();
    for _ in 0..num {
        if cands.is_empty() {
            break;
        }
        let loc = rng.choice(&cands)?;
        locs.push(loc);
        cands.retain(|&x| x != loc && x != loc - 1 && x != loc + 1);
    }
    let bf = rng.sample(&colopts, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    // The diagonals start on distinct diagonals: they never meet, so the
    // set's order does not matter.
    for &l in &locs {
        let start = startlocs[l as usize];
        let ln = dsl::order(&dsl::shoot(start, (1, 1)), |x| x.0);
        fill_locs_in(&mut gi, fgc, &ln);
        fill_locs_in(&mut go, fgc, &ln);
        let odd: Vec<Loc> = ln.iter().skip(1).step_by(2).copied().collect();
        fill_locs_in(&mut go, 4, &odd);
    }
    ex(gi, go)
}

/// a61ba2ce's arm (a `connect` of two or more cells in a row or column) as
/// its first cell, length and whether it runs across.
fn a61ba2ce_run(cells: &[Loc]) -> (Loc, i64, bool) {
    let first = cells
        .iter()
        .copied()
        .min()
        .expect("an arm of two cells or more");
    let across = cells.iter().all(|&(i, _)| i == first.0);
    (first, cells.len() as i64, across)
}

fn generate_a61ba2ce(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (4, 15));
    let w = unifint(rng, diff_lb, diff_ub, (4, 15));
    let loci_l = rng.randint(2, h - 2)?;
    let loci_r = rng.randint(2, h - 2)?;
    let locj_t = rng.randint(2, w - 2)?;
    let locj_b = rng.randint(2, w - 2)?;
    let cs = rng.sample(&cols, 5)?;
    let (bgc, ocols) = (cs[0], [cs[1], cs[2], cs[3], cs[4]]);
    // Each L shape as its two arms (a vertical and a horizontal `connect`).
    let arms = [
        [
            dsl::connect((0, 0), (loci_l - 1, 0)),
            dsl::connect((0, 0), (0, locj_t - 1)),
        ],
        [
            dsl::connect((0, w - 1), (0, locj_t)),
            dsl::connect((0, w - 1), (loci_r - 1, w - 1)),
        ],
        [
            dsl::connect((h - 1, 0), (loci_l, 0)),
            dsl::connect((h - 1, 0), (h - 1, locj_b - 1)),
        ],
        [
            dsl::connect((h - 1, w - 1), (h - 1, locj_b)),
            dsl::connect((h - 1, w - 1), (loci_r, w - 1)),
        ],
    ];
    let objs = arms.each_ref().map(|[a, b]| a | b);
    let mut go = dsl::canvas(bgc, (h, w));
    for (o, &c) in objs.iter().zip(&ocols) {
        dsl::fill_in(&mut go, c, o);
    }
    let fullh = unifint(rng, diff_lb, diff_ub, (2 * h, 30));
    let fullw = unifint(rng, diff_lb, diff_ub, (2 * w, 30));
    let mut gi = dsl::canvas(bgc, (fullh, fullw));
    // The four L shapes, each as its cells and its arms as runs (first
    // cell, length, across or down).
    let shapes: Vec<Vec<Loc>> = objs.iter().map(|o| o.to_vec()).collect();
    let runs: Vec<[(Loc, i64, bool); 2]> = arms
        .iter()
        .map(|pair| pair.each_ref().map(|arm| a61ba2ce_run(&arm.to_vec())))
        .collect();
    let (fh, fw) = (fullh, fullw);
    let locs = loop {
        // `inds`, whose order the draws read (CPython's table as location
        // numbers), also as bits per row and per column for the tests.
        let mut inds = GridSet::asindices((fh, fw));
        let mut row_bits = vec![low_bits(fw); fh as usize];
        let mut col_bits = vec![low_bits(fh); fw as usize];
        let mut locs = Vec::new();
        for (cells, arms) in shapes.iter().zip(&runs) {
            // `sfilter(inds, lambda ij: shift(o, ij).issubset(inds))`: the
            // shape is its two arms, each in `inds` (so in the grid) when
            // the bits of its run, in its first cell's row or column, are.
            let fits = |(li, lj): Loc| {
                arms.iter().all(|&((i, j), len, across)| {
                    let (i, j) = (i + li, j + lj);
                    let (line, at) = if across {
                        (row_bits.get(i as usize), j)
                    } else {
                        (col_bits.get(j as usize), i)
                    };
                    let run = low_bits(len) << at;
                    line.is_some_and(|&bits| bits & run == run)
                })
            };
            let cands = inds.filtered_order(|id| fits(gloc(id)));
            if cands.is_empty() {
                break;
            }
            let (li, lj) = gloc(rng.choice(&cands)?);
            locs.push((li, lj));
            // `inds - shift(o, loc)`, not built: its (distinct, fitting, so
            // in the grid) locations are discarded or tested.
            let placed: Vec<u16> = cells.iter().map(|&(i, j)| gid((i + li, j + lj))).collect();
            inds = inds.difference_ids(&placed);
            for &(i, j) in cells {
                let (i, j) = (i + li, j + lj);
                row_bits[i as usize] &= !(1 << j);
                col_bits[j as usize] &= !(1 << i);
            }
        }
        if locs.len() == 4 {
            break locs;
        }
    };
    for (cells, (&c, &(li, lj))) in shapes.iter().zip(ocols.iter().zip(&locs)) {
        for &(i, j) in cells {
            gi[(i + li) as usize][(j + lj) as usize] = c;
        }
    }
    ex(gi, go)
}

fn generate_a61f2674(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&2, &dsl::remove(&1, &dsl::interval(0, 10, 1)));
    let w = unifint(rng, diff_lb, diff_ub, (5, 28));
    let h = unifint(rng, diff_lb, diff_ub, (w / 2 + 1, 30));
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    let nbars = unifint(rng, diff_lb, diff_ub, (2, w / 2));
    let mut barlocs = Vec::new();
    let mut options = dsl::interval(0, w, 1);
    while !options.is_empty() && (barlocs.len() as i64) < nbars {
        let loc = rng.choice(&options)?;
        barlocs.push(loc);
        options.retain(|&x| x != loc && x != loc + 1 && x != loc - 1);
    }
    let barheights = rng.sample(&dsl::interval(0, h, 1), nbars)?;
    let (lo, hi) = bounds_of(&barheights);
    for (&j, &bh) in barlocs.iter().zip(&barheights) {
        let ln = dsl::connect((0, j), (bh, j));
        dsl::fill_in(&mut gi, fgc, &ln);
        if bh == hi {
            dsl::fill_in(&mut go, 1, &ln);
        }
        if bh == lo {
            dsl::fill_in(&mut go, 2, &ln);
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

/// `occurrences(grid, recolor(c, asindices(canvas(-1, (3, 3)))))`: the
/// upper-left corners of the 3 by 3 squares of `c`, in that frozenset's
/// order (a set added to row by row, then copied: `GridSet`'s tables), the
/// squares found from the runs of three `c` cells in each row.
fn square3_occurrences(grid: &Grid, c: i64) -> Vec<Loc> {
    let (h, w) = (grid.len(), grid.first().map_or(0, Vec::len));
    let mut run = vec![false; h * w];
    for (i, row) in grid.iter().enumerate() {
        for j in 0..w.saturating_sub(2) {
            run[i * w + j] = row[j] == c && row[j + 1] == c && row[j + 2] == c;
        }
    }
    let run = &run;
    let found = GridSet::from_distinct((0..h.saturating_sub(2)).flat_map(|i| {
        (0..w.saturating_sub(2))
            .filter(move |&j| run[i * w + j] && run[(i + 1) * w + j] && run[(i + 2) * w + j])
            .map(move |j| gid((i as i64, j as i64)))
    }));
    found.frozen().iter().map(gloc).collect()
}

fn generate_a64e4611(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&3, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (18, 30));
    let w = unifint(rng, diff_lb, diff_ub, (18, 30));
    let bn = rng.sample(&cols, 2)?;
    let (bgc, noisec) = (bn[0], bn[1]);
    let lb = (0.4 * h as f64 * w as f64) as i64;
    let ub = (0.5 * h as f64 * w as f64) as i64;
    let nbgc = unifint(rng, diff_lb, diff_ub, (lb, ub));
    let mut gi = dsl::canvas(noisec, (h, w));
    let bgcinds = rng.sample(&dsl::asindices_order(h, w), nbgc)?;
    fill_locs_in(&mut gi, bgc, &bgcinds);
    let mut addn = Vec::new();
    for (oi, oj) in square3_occurrences(&gi, bgc) {
        let di = rng.randint(0, 2)?;
        let dj = rng.randint(0, 2)?;
        addn.push((di + oi, dj + oj));
    }
    let mut addb = Vec::new();
    for (oi, oj) in square3_occurrences(&gi, noisec) {
        let di = rng.randint(0, 2)?;
        let dj = rng.randint(0, 2)?;
        addb.push((di + oi, dj + oj));
    }
    fill_locs_in(&mut gi, noisec, &addn);
    fill_locs_in(&mut gi, bgc, &addb);
    let mut go = gi.clone();
    let inner = rng.randint(3, 8)?;
    let dim = rng.randint(inner, 8)?;
    // Python bounds the column by `h` here.
    let locj = rng.randint(3, h - dim - 4)?;
    let r = rng.randint(3, h / 2)?;
    let spi = rng.choice(&[0, r])?;
    // The lines `connect` and `shoot` draw are filled with one color each,
    // so they are filled as rectangles (a fill ignores locations outside
    // the grid).
    fill_rect(&mut gi, bgc, (spi, locj), (h - 1, locj + dim - 1));
    fill_rect(&mut go, bgc, (spi, locj), (h - 1, locj + dim - 1));
    let top = if spi > 0 { spi + 1 } else { spi };
    fill_rect(&mut go, 3, (top, locj + 1), (h - 1, locj + dim - 2));
    // `shoot((i, j), (0, sgn))`: row `i` from `j`, 43 cells towards `sgn`.
    let shot = |j: i64, sgn: i64| if sgn > 0 { (j, j + 42) } else { (j - 42, j) };
    // One or two arms off the vertical band, from `startloc` down `hh` rows.
    let arms = |rng: &mut GenRng, gi: &mut Grid, go: &mut Grid, sgns: &[i64]| -> Result<()> {
        let r = rng.randint(spi + 3, h - 6)?;
        let startloc = rng.choice(&[spi, r])?;
        let hh = rng.randint(3, 8.min(h - startloc - 3))?;
        for &sgn in sgns {
            let (j0, j1) = shot(locj, sgn);
            for ii in startloc..startloc + hh {
                fill_rect(gi, bgc, (ii, j0), (ii, j1));
                // `fill(go, bgc, ln - ofcolor(go, 3))`: the row's cells not 3.
                if let Some(row) = go.get_mut(ii as usize) {
                    for v in row
                        .iter_mut()
                        .take(j1.max(-1) as usize + 1)
                        .skip(j0.max(0) as usize)
                    {
                        if *v != 3 {
                            *v = bgc;
                        }
                    }
                }
            }
        }
        for &sgn in sgns {
            let first = if startloc > 0 { startloc + 1 } else { startloc };
            let (j0, j1) = shot(if sgn == -1 { locj + dim - 2 } else { locj + 1 }, sgn);
            for ii in first..startloc + hh - 1 {
                fill_rect(go, 3, (ii, j0), (ii, j1));
            }
        }
        Ok(())
    };
    let sgns: Vec<i64> = rng.choice(&[vec![-1], vec![1], vec![-1, 1]])?;
    arms(rng, &mut gi, &mut go, &sgns)?;
    if sgns.len() == 1 && unifint(rng, diff_lb, diff_ub, (0, 1)) == 1 {
        arms(rng, &mut gi, &mut go, &[-sgns[0]])?;
    }
    ex(gi, go)
}

fn generate_a65b410d(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let colopts = colors_without(&[1, 3]);
    let h = unifint(rng, diff_lb, diff_ub, (3, 30));
    let w = unifint(rng, diff_lb, diff_ub, (3, 30));
    let (mpi, mpj) = (h / 2, w / 2);
    let devi = unifint(rng, diff_lb, diff_ub, (0, mpi));
    let devj = unifint(rng, diff_lb, diff_ub, (0, mpj));
    let (loci, locj) = if rng.choice(&[true, false])? {
        (devi, devj)
    } else {
        (h - devi, w - devj)
    };
    let loci = loci.min(h - 2).max(1);
    let locj = locj.min(w - 2).max(1);
    let bgc = rng.choice(&colopts)?;
    let linc = rng.choice(&dsl::remove(&bgc, &colopts))?;
    let gi = dsl::fill(
        &dsl::canvas(bgc, (h, w)),
        linc,
        &dsl::connect((loci, 0), (loci, locj)),
    );
    // Each cell of a diagonal (`shoot`: 43 cells from its start) in the
    // grid's columns pulls a row segment to column 0. The segments are only
    // filled (blues, then greens), so each row's part inside the grid is
    // written straight into it, in the same order.
    let mut go = gi.clone();
    for (start, (di, dj), col) in [
        ((loci + 1, locj - 1), (1, -1), 1),
        ((loci - 1, locj + 1), (-1, 1), 3),
    ] {
        for t in 0..=42 {
            let (i, j) = (start.0 + t * di, start.1 + t * dj);
            if j >= 0 && (0..h).contains(&i) {
                go[i as usize][..(j + 1).min(w) as usize].fill(col);
            }
        }
    }
    let rotf = rng.choice(&[0, 5, 6, 7])?;
    ex(transform(rotf, &gi), transform(rotf, &go))
}

fn generate_a68b268e(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 14));
    let w = unifint(rng, diff_lb, diff_ub, (2, 4));
    let cs = rng.sample(&cols, 6)?;
    let (bgc, linc) = (cs[0], cs[1]);
    let qc = [cs[2], cs[3], cs[4], cs[5]];
    let canv = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&canv).to_vec();
    let mut ns = [0; 4];
    for n in ns.iter_mut() {
        let d = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
        let v = rng.choice(&[d, h * w - d])?;
        *n = v.max(1).min(h * w - 1);
    }
    let mut ofcs = Vec::with_capacity(4);
    for &n in &ns {
        ofcs.push(rng.sample(&inds, n)?);
    }
    let mut go = canv.clone();
    for (o, &c) in ofcs.iter().zip(&qc) {
        fill_locs_in(&mut go, c, o);
    }
    let mut gi = dsl::canvas(linc, (2 * h + 1, 2 * w + 1));
    let offs = [(h + 1, w + 1), (h + 1, 0), (0, w + 1), (0, 0)];
    for ((o, &c), &off) in ofcs.iter().zip(&qc).zip(&offs) {
        let part = dsl::asobject(&fill_locs(&canv, c, o));
        dsl::paint_in(&mut gi, &part.shift(off));
    }
    ex(gi, go)
}

fn generate_a699fb00(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&2, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (4, 30));
    let w = unifint(rng, diff_lb, diff_ub, (4, 30));
    let numls = unifint(rng, diff_lb, diff_ub, (1, h - 1));
    let locs = rng.sample(&dsl::interval(0, h, 1), numls)?;
    let bf = rng.sample(&cols, 2)?;
    let (bgc, fgc) = (bf[0], bf[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    for ii in locs {
        let endidx = unifint(rng, diff_lb, diff_ub, (2, w - 2));
        let ofs = unifint(rng, diff_lb, diff_ub, (1, endidx / 2)) * 2;
        let ofs = ofs.max(2).min(endidx);
        let startidx = endidx - ofs;
        dsl::fill_in(&mut go, 2, &dsl::connect((ii, startidx), (ii, endidx)));
        let sparse: Vec<Loc> = (startidx..=endidx).step_by(2).map(|j| (ii, j)).collect();
        fill_locs_in(&mut go, fgc, &sparse);
        fill_locs_in(&mut gi, fgc, &sparse);
    }
    ex(gi, go)
}

fn generate_a740d043(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&0, &dsl::interval(0, 10, 1));
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let area = (h - 1) * (w - 1);
    let ncd = unifint(rng, diff_lb, diff_ub, (1, 1.max(area / 2)));
    let _nc = rng.choice(&[ncd, area - ncd])?;
    // Python clamps `ncd`, not the drawn `nc`.
    let nc = ncd.max(1).min(area - 1);
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let numc = unifint(rng, diff_lb, diff_ub, (1, remcols.len() as i64));
    let remcols = rng.sample(&remcols, numc)?;
    let c = dsl::canvas(bgc, (h, w));
    let bounds = dsl::asindices(&dsl::canvas(-1, (h - 1, w - 1)));
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
    let plcd = shp.shift((loci, locj));
    let mut gi = c;
    for &(i, j) in plcd.iter() {
        gi[i as usize][j as usize] = rng.choice(&remcols)?;
    }
    let go = dsl::replace(&dsl::compress(&gi), bgc, 0);
    ex(gi, go)
}

fn generate_a78176bb(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (6, 30));
    let w = unifint(rng, diff_lb, diff_ub, (6, 30));
    let nlns = unifint(rng, diff_lb, diff_ub, (1, (h + w) / 8));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let (mut succ, mut tr) = (0, 0);
    let maxtr = 10 * nlns;
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    let mut inds = dsl::asindices(&gi);
    let fullinds = dsl::asindices(&gi);
    let mut spopts: Vec<Loc> = (0..=h - 5).rev().map(|i| (i, 0)).collect();
    spopts.extend((1..w - 4).map(|j| (0, j)));
    let diag = |(i, j): Loc| -> Indices {
        (0..h.max(w))
            .map(|k| (i + k, j + k))
            .filter(|&(a, b)| 0 <= a && a < h && 0 <= b && b < w)
            .collect()
    };
    let mut lncol = 0;
    while succ < nlns && tr < maxtr {
        tr += 1;
        if spopts.is_empty() {
            break;
        }
        let sp = rng.choice(&spopts)?;
        let ln = &dsl::shoot(sp, (1, 1)) & &fullinds;
        if !ln.issubset(&inds) {
            continue;
        }
        let mut lno = ln.to_vec();
        lno.sort_by_key(|l| l.0);
        let n = lno.len() as i64;
        let trid1 = rng.randint(2, 5.min(n - 3))?;
        let trid2 = rng.randint(2, 5.min(n - 3))?;
        let upper =
            |d: i64| dsl::sfilter(&dsl::asindices(&dsl::canvas(-1, (d, d))), |l| l.1 >= l.0);
        let tri1 = upper(trid1);
        let slice = |d: i64| -> Vec<Loc> {
            let end = (n - d - 1).max(1) as usize;
            lno.get(1..end).map(<[Loc]>::to_vec).unwrap_or_default()
        };
        let (a, b) = pick(rng, &slice(trid1))?;
        let triloc1 = (a, b + 1);
        let tri2 = dsl::dmirror(&upper(trid2));
        let (a, b) = pick(rng, &slice(trid2))?;
        let triloc2 = (a + 1, b);
        let nexlin2 = diag((sp.0, sp.1 - trid2 - 2));
        let nexlin1 = diag((sp.0 - trid1 - 2, sp.1));
        let parts = [(tri1, triloc1, nexlin1), (tri2, triloc2, nexlin2)];
        let order = rng.sample(&[0usize, 1], 2)?;
        for (idx, &k) in order.iter().enumerate() {
            let (tri, triloc, nexlin) = &parts[k];
            let tri = tri.shift(*triloc);
            let fullobj = &(&ln | &tri) | nexlin;
            let tricol = if idx == 0 {
                let lt = rng.sample(&remcols, 2)?;
                lncol = lt[0];
                lt[1]
            } else {
                rng.choice(&dsl::remove(&lncol, &remcols))?
            };
            // The second condition always holds (`tri | nexlin` is part of `fullobj`).
            let ok = if idx == 0 {
                fullobj.issubset(&inds)
            } else {
                true
            };
            if ok {
                succ += 1;
                inds = minus_around(&(&inds - &fullobj), &fullobj);
                dsl::fill_in(&mut gi, tricol, &tri);
                dsl::fill_in(&mut gi, lncol, &ln);
                dsl::fill_in(&mut go, lncol, &ln);
                dsl::fill_in(&mut go, lncol, nexlin);
            }
        }
    }
    if rng.choice(&[true, false])? {
        gi = dsl::hmirror_grid(&gi);
        go = dsl::hmirror_grid(&go);
    }
    ex(gi, go)
}

fn generate_a79310a0(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::remove(&2, &dsl::interval(0, 10, 1));
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
    let go = dsl::fill(&c, 2, &plcd.shift((1, 0)));
    ex(gi, go)
}

fn generate_a85d4709(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = colors_without(&[2, 3, 4]);
    let h = unifint(rng, diff_lb, diff_ub, (2, 30));
    let w3 = unifint(rng, diff_lb, diff_ub, (1, 10));
    let w = w3 * 3;
    let bd = rng.sample(&cols, 2)?;
    let (bgc, dotc) = (bd[0], bd[1]);
    let mut gi = dsl::canvas(bgc, (h, w));
    let mut go = gi.clone();
    for ii in 0..h {
        let _ = rng.randint(0, w3 - 1)?;
        let dev = unifint(rng, diff_lb, diff_ub, (0, w3 / 2 + 1));
        let loc = w3 / 3 + rng.choice(&[dev, -dev])?;
        let loc = loc.max(0).min(w3 - 1);
        let (ofs, col) = rng.choice(&[(0, 2), (1, 4), (2, 3)])?;
        fill_locs_in(&mut gi, dotc, &[(ii, loc + ofs * w3)]);
        dsl::fill_in(&mut go, col, &dsl::connect((ii, 0), (ii, w - 1)));
    }
    ex(gi, go)
}

fn generate_a87f7484(rng: &mut GenRng, diff_lb: f64, diff_ub: f64) -> Result<Example> {
    let cols = dsl::interval(0, 10, 1);
    let h = unifint(rng, diff_lb, diff_ub, (2, 5));
    let w = unifint(rng, diff_lb, diff_ub, (2, 30));
    let num = unifint(rng, diff_lb, diff_ub, (3, (30 / h).min(9)));
    let bgc = rng.choice(&cols)?;
    let remcols = dsl::remove(&bgc, &cols);
    let ccols = rng.sample(&remcols, num)?;
    let ncd = unifint(rng, diff_lb, diff_ub, (0, (h * w) / 2));
    let nc = rng.choice(&[ncd, h * w - ncd])?;
    let nc = nc.max(1).min(h * w - 1);
    let c = dsl::canvas(bgc, (h, w));
    let inds = dsl::asindices(&c);
    let origlocs = rng.sample(&inds.to_vec(), nc)?;
    let mut canbrem: PySet<Loc> = origlocs.iter().copied().collect();
    let mut canbeadd = inds.difference(&canbrem);
    // Only the contents of `otherlocs` are used (one fill).
    let mut otherlocs: PySet<Loc> = origlocs.iter().copied().collect();
    let nchangesinv = unifint(rng, diff_lb, diff_ub, (0, h * w - 1));
    let nchanges = h * w - nchangesinv;
    for _ in 0..nchanges {
        let prefer_remove = rng.choice(&[true, false])?;
        let can_rem = canbrem.len() > 1;
        let can_add = canbeadd.len() > 1;
        let remove = if prefer_remove {
            if can_rem {
                Some(true)
            } else if can_add {
                Some(false)
            } else {
                None
            }
        } else if can_add {
            Some(false)
        } else if can_rem {
            Some(true)
        } else {
            None
        };
        match remove {
            Some(true) => {
                let ch = rng.choice_in(&canbrem)?;
                otherlocs.discard(&ch);
                // `remove(ch, a_set)` rebuilds the set by iterating it.
                canbrem = canbrem.iter().filter(|&&l| l != ch).copied().collect();
            }
            Some(false) => {
                let ch = rng.choice_in(&canbeadd)?;
                otherlocs.add(ch);
                canbeadd = dsl::remove(&ch, &canbeadd);
            }
            None => {}
        }
    }
    let go = fill_locs(&c, ccols[0], &origlocs);
    let mut grids = vec![go.clone()];
    for &cc in &ccols[1..] {
        grids.push(fill_locs(&c, cc, otherlocs.iter()));
    }
    rng.shuffle(&mut grids);
    let mut gi: Grid = grids.concat();
    let mut go = go;
    if rng.choice(&[true, false])? {
        gi = dsl::dmirror_grid(&gi);
        go = dsl::dmirror_grid(&go);
    }
    ex(gi, go)
}
