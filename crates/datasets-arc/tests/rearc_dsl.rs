//! rearc's DSL functions must return what the Python DSL returns, in
//! CPython's iteration order (tests/data/rearc_dsl.json, from
//! scripts/vectors/rearc_dsl_vectors.py).

use datasets_arc::rearc::dsl::{self, Cell, Grid, Indices, Loc, Object, Patch};
use pycompat::{AnySet, PySet};
use serde_json::Value;

fn int(v: &Value) -> i64 {
    v.as_i64().expect("an int")
}

fn loc(v: &Value) -> Loc {
    (int(&v[0]), int(&v[1]))
}

fn locs(v: &Value) -> Vec<Loc> {
    v.as_array().expect("a list").iter().map(loc).collect()
}

fn cells(v: &Value) -> Vec<Cell> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|c| (int(&c[0]), loc(&c[1])))
        .collect()
}

#[test]
fn dsl_matches_python_order() {
    let rows: Vec<Value> =
        serde_json::from_str(include_str!("data/rearc_dsl.json")).expect("vectors");
    assert!(rows.len() >= 30);
    for (n, row) in rows.iter().enumerate() {
        let grid: Grid = row["grid"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r.as_array().expect("row").iter().map(int).collect())
            .collect();
        assert_eq!(
            dsl::mostcolor(&grid),
            int(&row["mostcolor"]),
            "grid {n}: mostcolor"
        );
        assert_eq!(
            dsl::asindices(&grid).to_vec(),
            locs(&row["asindices"]),
            "grid {n}"
        );
        for (flags, want) in row["objects"].as_object().expect("objects") {
            let f: Vec<bool> = flags.bytes().map(|b| b == b'1').collect();
            let got: Vec<Vec<Cell>> = dsl::objects(&grid, f[0], f[1], f[2])
                .iter()
                .map(|o| o.to_vec())
                .collect();
            let want: Vec<Vec<Cell>> = want.as_array().expect("list").iter().map(cells).collect();
            assert_eq!(got, want, "grid {n}: objects{flags}");
        }
        let c = int(&row["ofcolor"][0]);
        assert_eq!(
            dsl::ofcolor(&grid, c).to_vec(),
            locs(&row["ofcolor"][1]),
            "grid {n}"
        );
        for pair in row["neighbors"].as_array().expect("neighbors") {
            assert_eq!(
                dsl::neighbors(loc(&pair[0])).to_vec(),
                locs(&pair[1]),
                "grid {n}"
            );
        }
        let first: Object = dsl::objects(&grid, true, false, false)
            .iter()
            .next()
            .expect("an object")
            .clone();
        let d = loc(&row["shift"][0]);
        assert_eq!(
            dsl::shift(&first, d).to_vec(),
            cells(&row["shift"][1]),
            "grid {n}"
        );
        let idx = dsl::toindices(&first);
        assert_eq!(idx.to_vec(), locs(&row["toindices"]), "grid {n}: toindices");
        assert_eq!(
            dsl::shift(&idx, d).to_vec(),
            locs(&row["shift"][2]),
            "grid {n}"
        );
        let c = int(&row["recolor"][0]);
        assert_eq!(
            dsl::recolor(c, &idx).to_vec(),
            cells(&row["recolor"][1]),
            "grid {n}"
        );
        for con in row["connect"].as_array().expect("connect") {
            let got = dsl::connect(loc(&con[0]), loc(&con[1])).to_vec();
            assert_eq!(got, locs(&con[2]), "grid {n}: connect {con}");
        }
        let pal: Vec<i64> = row["palette"]
            .as_array()
            .expect("palette")
            .iter()
            .map(int)
            .collect();
        assert_eq!(dsl::palette_grid(&grid).to_vec(), pal, "grid {n}: palette");
        assert_eq!(
            dsl::asobject(&grid).to_vec(),
            cells(&row["asobject"]),
            "grid {n}"
        );
        // The patches the script made, made the same way (a set rebuilt from
        // its iteration order may iterate differently).
        let objs = dsl::objects(&grid, false, true, false).to_vec();
        let mut objects: Vec<Object> = objs.iter().take(3).cloned().collect();
        if let Some(o) = objs.first() {
            let &(v, at) = o.iter().next().expect("a cell");
            let extra: PySet<Cell> = std::iter::once(((v + 1) % 10, at)).collect();
            objects.push(o | &extra.freeze());
        }
        check_containers(&grid, &row["containers"], n);
        check_more(&grid, &row["more"], n);
        check_extra(&grid, &row["extra"], n);
        check_combinators(&grid, &row["combinators"], n);
        let mut objects = objects.into_iter();
        for (k, p) in row["patches"]
            .as_array()
            .expect("patches")
            .iter()
            .enumerate()
        {
            let at = format!("grid {n} patch {k}");
            if p["object"].is_null() {
                let patch: Indices = locs(&p["indices"]).into_iter().collect();
                check_patch(&grid, &patch, p, &at);
                assert_eq!(
                    dsl::normalize(&patch).to_vec(),
                    locs(&p["normalize"]),
                    "{at}"
                );
            } else {
                let patch = objects.next().expect("an object");
                assert_eq!(patch.to_vec(), cells(&p["object"]), "{at}: the patch");
                check_patch(&grid, &patch, p, &at);
                assert_eq!(
                    dsl::normalize(&patch).to_vec(),
                    cells(&p["normalize"]),
                    "{at}"
                );
                assert_eq!(
                    dsl::paint(&grid, &patch),
                    rows_of(&p["paint"]),
                    "{at}: paint"
                );
                let pal: Vec<i64> = p["palette"]
                    .as_array()
                    .expect("palette")
                    .iter()
                    .map(int)
                    .collect();
                assert_eq!(dsl::palette_object(&patch).to_vec(), pal, "{at}: palette");
            }
        }
    }
}

fn ints(v: &Value) -> Vec<i64> {
    v.as_array().expect("ints").iter().map(int).collect()
}

fn check_containers(grid: &Grid, c: &Value, n: usize) {
    let objs = dsl::objects(grid, true, false, true);
    let (col, k, v) = (int(&c["c"]), int(&c["k"]) as usize, int(&c["v"]));
    let objects = |fs: &dsl::Objects| -> Vec<Vec<Cell>> { fs.iter().map(|o| o.to_vec()).collect() };
    let want_objects = |v: &Value| -> Vec<Vec<Cell>> {
        v.as_array().expect("objects").iter().map(cells).collect()
    };
    assert_eq!(
        objects(&dsl::colorfilter(&objs, col)),
        want_objects(&c["colorfilter"]),
        "{n}"
    );
    assert_eq!(
        objects(&dsl::sizefilter(&objs, k)),
        want_objects(&c["sizefilter"]),
        "{n}"
    );
    assert_eq!(dsl::merge(&objs).to_vec(), cells(&c["merge"]), "{n}: merge");
    let got = dsl::mapply(|o: &Object| o.toindices(), &objs).to_vec();
    assert_eq!(got, locs(&c["mapply_toindices"]), "{n}: mapply toindices");
    if !objs.is_empty() {
        let got = dsl::mapply(dsl::outbox, &objs).to_vec();
        assert_eq!(got, locs(&c["mapply_outbox"]), "{n}: mapply outbox");
    }
    let got = dsl::mfilter(&objs, |o| o.len() > k).to_vec();
    assert_eq!(got, cells(&c["mfilter_big"]), "{n}: mfilter");
    let got = dsl::apply(dsl::ulcorner, &objs).to_vec();
    assert_eq!(got, locs(&c["apply_ulcorner"]), "{n}: apply ulcorner");
    let pal = dsl::palette_grid(grid);
    assert_eq!(
        dsl::remove(&v, &pal).to_vec(),
        ints(&c["remove_pal"]),
        "{n}: remove"
    );
    let got = dsl::sfilter(&pal, |x| x % 2 == 0).to_vec();
    assert_eq!(got, ints(&c["sfilter_pal"]), "{n}: sfilter");
    let flo = &c["first_last_other"];
    assert_eq!(dsl::first(&pal), flo[0].as_i64(), "{n}: first");
    assert_eq!(dsl::last(&pal), flo[1].as_i64(), "{n}: last");
    if pal.len() > 1 {
        let f = dsl::first(&pal).expect("a color");
        assert_eq!(dsl::other(&pal, &f), flo[2].as_i64(), "{n}: other");
    }
    let at = loc(&c["loc"]);
    let inserted = match objs.iter().next() {
        Some(o) => dsl::insert(at, &o.toindices()),
        None => std::iter::once(at).collect::<PySet<Loc>>().freeze(),
    };
    assert_eq!(inserted.to_vec(), locs(&c["insert"]), "{n}: insert");
    for (o, m) in objs.iter().zip(c["mirrors"].as_array().expect("mirrors")) {
        assert_eq!(dsl::dmirror(o).to_vec(), cells(&m[0]), "{n}: dmirror");
        assert_eq!(dsl::vmirror(o).to_vec(), cells(&m[1]), "{n}: vmirror");
        assert_eq!(dsl::hmirror(o).to_vec(), cells(&m[2]), "{n}: hmirror");
        assert_eq!(dsl::cmirror(o).to_vec(), cells(&m[3]), "{n}: cmirror");
        let idx = o.toindices();
        assert_eq!(
            dsl::dmirror(&idx).to_vec(),
            locs(&m[4]),
            "{n}: dmirror indices"
        );
        assert_eq!(
            dsl::vmirror(&idx).to_vec(),
            locs(&m[5]),
            "{n}: vmirror indices"
        );
        assert_eq!(
            dsl::hmirror(&idx).to_vec(),
            locs(&m[6]),
            "{n}: hmirror indices"
        );
        assert_eq!(
            dsl::cmirror(&idx).to_vec(),
            locs(&m[7]),
            "{n}: cmirror indices"
        );
        assert_eq!(dsl::shape(o), loc(&m[8]), "{n}: shape");
    }
    let gm = &c["grid_mirrors"];
    assert_eq!(
        dsl::dmirror_grid(grid),
        rows_of(&gm[0]),
        "{n}: dmirror grid"
    );
    assert_eq!(
        dsl::vmirror_grid(grid),
        rows_of(&gm[1]),
        "{n}: vmirror grid"
    );
    assert_eq!(
        dsl::hmirror_grid(grid),
        rows_of(&gm[2]),
        "{n}: hmirror grid"
    );
    assert_eq!(
        dsl::cmirror_grid(grid),
        rows_of(&gm[3]),
        "{n}: cmirror grid"
    );
    assert_eq!(
        dsl::shape_grid(grid),
        loc(&c["grid_shape"]),
        "{n}: grid shape"
    );
    let fr = &c["frontiers"];
    assert_eq!(dsl::hfrontier(at).to_vec(), locs(&fr[0]), "{n}: hfrontier");
    assert_eq!(dsl::vfrontier(at).to_vec(), locs(&fr[1]), "{n}: vfrontier");
    assert_eq!(
        dsl::shoot(at, loc(&c["d"])).to_vec(),
        locs(&fr[2]),
        "{n}: shoot"
    );
}

fn check_more(grid: &Grid, m: &Value, n: usize) {
    let (c, f) = (int(&m["c"]), int(&m["f"]));
    let objects = |fs: &dsl::Objects| -> Vec<Vec<Cell>> { fs.iter().map(|o| o.to_vec()).collect() };
    let want_objects = |v: &Value| -> Vec<Vec<Cell>> {
        v.as_array().expect("objects").iter().map(cells).collect()
    };
    assert_eq!(
        objects(&dsl::partition(grid)),
        want_objects(&m["partition"]),
        "{n}: partition"
    );
    assert_eq!(
        objects(&dsl::fgpartition(grid)),
        want_objects(&m["fgpartition"]),
        "{n}"
    );
    assert_eq!(
        dsl::upscale_grid(grid, f),
        rows_of(&m["upscale_grid"]),
        "{n}: upscale grid"
    );
    assert_eq!(
        objects(&dsl::frontiers(grid)),
        want_objects(&m["frontiers"]),
        "{n}: frontiers"
    );
    assert_eq!(
        dsl::compress(grid),
        rows_of(&m["compress"]),
        "{n}: compress"
    );
    let gc = &m["grid_colors"];
    assert_eq!(dsl::leastcolor(grid), int(&gc[0]), "{n}: leastcolor");
    assert_eq!(
        dsl::colorcount(grid, c) as i64,
        int(&gc[1]),
        "{n}: colorcount"
    );
    assert_eq!(dsl::numcolors(grid) as i64, int(&gc[2]), "{n}: numcolors");
    let objs: Vec<Object> = dsl::objects(grid, false, true, true)
        .iter()
        .take(4)
        .cloned()
        .collect();
    let want = m["objects"].as_array().expect("objects");
    assert_eq!(objs.len(), want.len(), "grid {n}");
    for (k, (o, w)) in objs.iter().zip(want).enumerate() {
        let at = format!("grid {n} object {k}");
        assert_eq!(
            dsl::upscale(o, f).to_vec(),
            cells(&w["upscale"]),
            "{at}: upscale"
        );
        let got = dsl::occurrences(grid, o).to_vec();
        assert_eq!(got, locs(&w["occurrences"]), "{at}: occurrences");
        assert_eq!(
            vec![dsl::hperiod(o), dsl::vperiod(o)],
            ints(&w["periods"]),
            "{at}"
        );
        let cs = vec![
            dsl::mostcolor_object(o),
            dsl::leastcolor_object(o),
            dsl::colorcount_object(o, c) as i64,
        ];
        assert_eq!(cs, ints(&w["colors"]), "{at}: colors");
        for (p, mm) in objs.iter().zip(w["matching"].as_array().expect("matching")) {
            assert_eq!(
                dsl::vmatching(o, p),
                mm[0].as_bool().expect("bool"),
                "{at}: vmatching"
            );
            assert_eq!(
                dsl::hmatching(o, p),
                mm[1].as_bool().expect("bool"),
                "{at}: hmatching"
            );
        }
    }
}

fn opt_cells(v: &Value) -> Option<Vec<Cell>> {
    (!v.is_null()).then(|| cells(v))
}

fn check_extra(grid: &Grid, x: &Value, n: usize) {
    let objs = dsl::objects(grid, true, true, true);
    let ol: Vec<Object> = objs.iter().take(4).cloned().collect();
    let fallback = dsl::initset((1, (0, 0)));
    let a = ol.first().unwrap_or(&fallback);
    let b = ol.get(1).unwrap_or(&fallback);
    let (h, w) = (grid.len() as i64, grid[0].len() as i64);
    let at = loc(&x["loc"]);
    let (ca, cb, fb, k) = (int(&x["ca"]), int(&x["cb"]), int(&x["fb"]), int(&x["n"]));
    let sq = if h == w {
        dsl::rot180(grid)
    } else {
        grid.clone()
    };
    assert_eq!(
        dsl::combine(a, b).to_vec(),
        cells(&x["combine"]),
        "{n}: combine"
    );
    let got = dsl::difference(&dsl::backdrop(a), &a.toindices()).to_vec();
    assert_eq!(got, locs(&x["difference"]), "{n}: difference");
    let got = dsl::intersection(&dsl::backdrop(a), &dsl::backdrop(b)).to_vec();
    assert_eq!(got, locs(&x["intersection"]), "{n}: intersection");
    assert_eq!(
        dsl::initset(at).to_vec(),
        locs(&x["initset"]),
        "{n}: initset"
    );
    let mut ints_t = grid[0].clone();
    ints_t.extend(grid[grid.len() - 1].iter().copied());
    let cm = &x["common"];
    assert_eq!(dsl::mostcommon(&ints_t), cm[0].as_i64(), "{n}: mostcommon");
    assert_eq!(
        dsl::leastcommon(&ints_t),
        cm[1].as_i64(),
        "{n}: leastcommon"
    );
    assert_eq!(
        dsl::mostcommon(grid),
        Some(ints(&cm[2])),
        "{n}: mostcommon rows"
    );
    assert_eq!(
        dsl::leastcommon(grid),
        Some(ints(&cm[3])),
        "{n}: leastcommon rows"
    );
    let (ra, rb): (Vec<i64>, Vec<i64>) = ((0..h % 7).collect(), (0..w % 5).collect());
    assert_eq!(
        dsl::product(&ra, &rb).to_vec(),
        locs(&x["product"]),
        "{n}: product"
    );
    let got = dsl::prapply(|i, j| (i + j, i * j), &ra, &rb).to_vec();
    assert_eq!(got, locs(&x["prapply"]), "{n}: prapply");
    let arg = |o: Option<&Object>| o.map(|o| o.to_vec());
    assert_eq!(
        arg(dsl::argmax(objs.iter(), |o| o.len())),
        opt_cells(&x["argmax"]),
        "{n}"
    );
    assert_eq!(
        arg(dsl::argmin(objs.iter(), |o| o.len())),
        opt_cells(&x["argmin"]),
        "{n}"
    );
    let got = arg(dsl::argmax(objs.iter(), dsl::color));
    assert_eq!(got, opt_cells(&x["argmax_color"]), "{n}: argmax color");
    let got = arg(dsl::extract(objs.iter(), |o| o.len() > 1));
    assert_eq!(got, opt_cells(&x["extract"]), "{n}: extract");
    assert_eq!(dsl::delta(a).to_vec(), locs(&x["delta"]), "{n}: delta");
    let got = dsl::underpaint(grid, &a.shift((1, 1)));
    assert_eq!(got, rows_of(&x["underpaint"]), "{n}: underpaint");
    assert_eq!(
        dsl::move_object(grid, a, (1, -1)),
        rows_of(&x["move"]),
        "{n}: move"
    );
    assert_eq!(
        dsl::subgrid(a, grid),
        rows_of(&x["subgrid"]),
        "{n}: subgrid"
    );
    let got = dsl::crop(grid, loc(&x["start"]), loc(&x["dims"]));
    assert_eq!(got, rows_of(&x["crop"]), "{n}: crop");
    let rots = &x["rots"];
    assert_eq!(dsl::rot90(grid), rows_of(&rots[0]), "{n}: rot90");
    assert_eq!(dsl::rot180(grid), rows_of(&rots[1]), "{n}: rot180");
    assert_eq!(dsl::rot270(grid), rows_of(&rots[2]), "{n}: rot270");
    let hv = &x["halves"];
    assert_eq!(dsl::tophalf(grid), rows_of(&hv[0]), "{n}: tophalf");
    assert_eq!(dsl::bottomhalf(grid), rows_of(&hv[1]), "{n}: bottomhalf");
    assert_eq!(dsl::lefthalf(grid), rows_of(&hv[2]), "{n}: lefthalf");
    assert_eq!(dsl::righthalf(grid), rows_of(&hv[3]), "{n}: righthalf");
    let grids =
        |v: &Value| -> Vec<Grid> { v.as_array().expect("grids").iter().map(rows_of).collect() };
    if !x["hsplit"].is_null() {
        assert_eq!(dsl::hsplit(grid, k), grids(&x["hsplit"]), "{n}: hsplit");
    }
    if !x["vsplit"].is_null() {
        assert_eq!(dsl::vsplit(grid, k), grids(&x["vsplit"]), "{n}: vsplit");
    }
    assert_eq!(dsl::trim(grid), rows_of(&x["trim"]), "{n}: trim");
    assert_eq!(
        dsl::replace(grid, ca, cb),
        rows_of(&x["replace"]),
        "{n}: replace"
    );
    assert_eq!(
        dsl::switch(grid, ca, cb),
        rows_of(&x["switch"]),
        "{n}: switch"
    );
    assert_eq!(
        dsl::downscale(grid, k),
        rows_of(&x["downscale"]),
        "{n}: downscale"
    );
    assert_eq!(
        dsl::cellwise(grid, &sq, fb),
        rows_of(&x["cellwise"]),
        "{n}: cellwise"
    );
    assert_eq!(
        dsl::hconcat(grid, &sq),
        rows_of(&x["hconcat"]),
        "{n}: hconcat"
    );
    assert_eq!(
        dsl::vconcat(grid, &sq),
        rows_of(&x["vconcat"]),
        "{n}: vconcat"
    );
    assert_eq!(dsl::index(grid, at), x["index"].as_i64(), "{n}: index");
    let xu = &x["xupscale"];
    assert_eq!(dsl::hupscale(grid, k), rows_of(&xu[0]), "{n}: hupscale");
    assert_eq!(dsl::vupscale(grid, k), rows_of(&xu[1]), "{n}: vupscale");
    let gs = &x["grid_shape_tests"];
    assert_eq!(
        Some(dsl::portrait_grid(grid)),
        gs[0].as_bool(),
        "{n}: portrait grid"
    );
    assert_eq!(
        Some(dsl::square_grid(grid)),
        gs[1].as_bool(),
        "{n}: square grid"
    );
    for (p, want) in ol
        .iter()
        .zip(x["patch_shape_tests"].as_array().expect("shapes"))
    {
        let idx = p.toindices();
        let got = [
            dsl::portrait(p),
            dsl::square(p),
            dsl::portrait(&idx),
            dsl::square(&idx),
        ];
        let want: Vec<bool> = want
            .as_array()
            .expect("bools")
            .iter()
            .filter_map(Value::as_bool)
            .collect();
        assert_eq!(got.to_vec(), want, "{n}: portrait/square");
    }
    let mut pairs = x["pairs"].as_array().expect("pairs").iter();
    for p in &ol {
        for q in &ol {
            let want = pairs.next().expect("a pair");
            assert_eq!(dsl::center(p), loc(&want[0]), "{n}: center");
            assert_eq!(dsl::centerofmass(p), loc(&want[1]), "{n}: centerofmass");
            assert_eq!(dsl::position(p, q), loc(&want[2]), "{n}: position");
            assert_eq!(dsl::manhattan(p, q), int(&want[3]), "{n}: manhattan");
            assert_eq!(
                Some(dsl::adjacent(p, q)),
                want[4].as_bool(),
                "{n}: adjacent"
            );
            assert_eq!(
                Some(dsl::bordering(p, grid)),
                want[5].as_bool(),
                "{n}: bordering"
            );
            assert_eq!(dsl::gravitate(p, q), loc(&want[6]), "{n}: gravitate");
            assert_eq!(Some(dsl::hline(p)), want[7].as_bool(), "{n}: hline");
            assert_eq!(Some(dsl::vline(p)), want[8].as_bool(), "{n}: vline");
            assert_eq!(dsl::color(p), want[9].as_i64(), "{n}: color");
        }
    }
    assert!(pairs.next().is_none(), "{n}: pairs left over");
}

fn rows_of(v: &Value) -> Grid {
    v.as_array()
        .expect("rows")
        .iter()
        .map(|r| r.as_array().expect("row").iter().map(int).collect())
        .collect()
}

fn check_patch(grid: &Grid, patch: &impl Patch, p: &Value, at: &str) {
    let v = int(&p["value"]);
    assert_eq!(dsl::fill(grid, v, patch), rows_of(&p["fill"]), "{at}: fill");
    assert_eq!(
        dsl::underfill(grid, v, patch),
        rows_of(&p["underfill"]),
        "{at}: underfill"
    );
    assert_eq!(dsl::cover(grid, patch), rows_of(&p["cover"]), "{at}: cover");
    assert_eq!(
        dsl::toobject(patch, grid).to_vec(),
        cells(&p["toobject"]),
        "{at}: toobject"
    );
    assert_eq!(
        dsl::backdrop(patch).to_vec(),
        locs(&p["backdrop"]),
        "{at}: backdrop"
    );
    assert_eq!(dsl::r#box(patch).to_vec(), locs(&p["box"]), "{at}: box");
    assert_eq!(dsl::inbox(patch).to_vec(), locs(&p["inbox"]), "{at}: inbox");
    assert_eq!(
        dsl::outbox(patch).to_vec(),
        locs(&p["outbox"]),
        "{at}: outbox"
    );
    assert_eq!(
        dsl::corners(patch).to_vec(),
        locs(&p["corners"]),
        "{at}: corners"
    );
}

fn cell_lists(v: &Value) -> Vec<Vec<Cell>> {
    v.as_array().expect("list").iter().map(cells).collect()
}

fn opt_int(v: &Value) -> Option<i64> {
    v.as_i64()
}

fn check_combinators(grid: &Grid, c: &Value, n: usize) {
    let objs = dsl::objects(grid, true, true, false);
    let vecs = |o: Vec<Object>| -> Vec<Vec<Cell>> { o.iter().map(|x| x.to_vec()).collect() };
    assert_eq!(
        vecs(dsl::order(&objs, |o| o.size())),
        cell_lists(&c["order_size"]),
        "{n}: order by size"
    );
    assert_eq!(
        vecs(dsl::order(&objs, dsl::ulcorner)),
        cell_lists(&c["order_ul"]),
        "{n}: order by ulcorner"
    );
    let tuple: Vec<Object> = objs.to_vec();
    assert_eq!(
        vecs(dsl::order(&tuple, |o| -dsl::width_of(o))),
        cell_lists(&c["order_tuple"]),
        "{n}: order of a tuple"
    );
    assert_eq!(
        dsl::order(&dsl::palette_grid(grid), |&v| -(dsl::colorcount(grid, v)
            as i64)),
        ints(&c["order_palette"]),
        "{n}: order of a palette"
    );
    let xs = ints(&c["ints"]);
    assert_eq!(dsl::dedupe(&xs), ints(&c["dedupe"]), "{n}: dedupe");
    let iv = &c["interval"];
    assert_eq!(
        dsl::interval(int(&iv[0]), int(&iv[1]), int(&iv[2])),
        ints(&iv[3]),
        "{n}: interval"
    );
    let rp = &c["repeat"];
    let a = int(&rp[0]);
    let b = int(&c["interval"][1]);
    assert_eq!(dsl::repeat(&b, a), ints(&rp[1]), "{n}: repeat");
    let ls = locs(&c["locs"]);
    let rev: Vec<Loc> = ls.iter().rev().copied().collect();
    assert_eq!(
        dsl::papply(|&x, &y| dsl::add(x, y), &ls, &rev),
        locs(&c["papply"]),
        "{n}: papply"
    );
    assert_eq!(
        dsl::mpapply(|&x, &y| dsl::connect(x, y).to_vec(), &ls[..3], &ls[3..]),
        locs(&c["mpapply"]),
        "{n}: mpapply"
    );
    let pairs: Vec<(Loc, Loc)> = c["pair"]
        .as_array()
        .expect("pairs")
        .iter()
        .map(|p| (loc(&p[0]), loc(&p[1])))
        .collect();
    assert_eq!(dsl::pair(&ls, &ls[2..]), pairs, "{n}: pair");
    if !c["valmax"].is_null() {
        assert_eq!(
            dsl::valmax(objs.iter(), |o| o.size() as i64),
            opt_int(&c["valmax"][0]),
            "{n}: valmax size"
        );
        assert_eq!(
            dsl::valmax(objs.iter(), dsl::uppermost),
            opt_int(&c["valmax"][1]),
            "{n}: valmax uppermost"
        );
        assert_eq!(
            dsl::valmin(objs.iter(), |o| o.size() as i64),
            opt_int(&c["valmin"][0]),
            "{n}: valmin size"
        );
        assert_eq!(
            dsl::valmin(objs.iter(), dsl::leftmost),
            opt_int(&c["valmin"][1]),
            "{n}: valmin leftmost"
        );
    }
    assert_eq!(dsl::maximum(&xs), int(&c["maximum"][0]), "{n}: maximum");
    assert_eq!(dsl::minimum(&xs), int(&c["maximum"][1]), "{n}: minimum");
    for row in c["arith"].as_array().expect("arith") {
        let (x, y) = (int(&row[0]), int(&row[1]));
        assert_eq!(dsl::halve(x), int(&row[2]), "{n}: halve {x}");
        if y != 0 {
            assert_eq!(dsl::divide(x, y), int(&row[3]), "{n}: {x} // {y}");
            assert_eq!(dsl::pymod(x, y), int(&row[4]), "{n}: {x} % {y}");
        }
        assert_eq!(dsl::sign(x), int(&row[5]), "{n}: sign {x}");
        assert_eq!(dsl::crement(x), int(&row[6]), "{n}: crement {x}");
    }
    for row in c["vec_arith"].as_array().expect("vec_arith") {
        let (x, y) = (loc(&row[0]), loc(&row[1]));
        assert_eq!(dsl::halve_vec(x), loc(&row[2]), "{n}: halve {x:?}");
        if !row[3].is_null() {
            assert_eq!(dsl::divide_vec(x, y), loc(&row[3]), "{n}: divide {x:?}");
        }
        assert_eq!(dsl::sign_vec(x), loc(&row[4]), "{n}: sign {x:?}");
        assert_eq!(dsl::crement_vec(x), loc(&row[5]), "{n}: crement {x:?}");
        assert_eq!(dsl::invert_vec(x), loc(&row[6]), "{n}: invert {x:?}");
        assert_eq!(dsl::add(x, y), loc(&row[7]), "{n}: add");
        assert_eq!(dsl::subtract(x, y), loc(&row[8]), "{n}: subtract");
        assert_eq!(dsl::multiply(x, y), loc(&row[9]), "{n}: multiply");
    }
}
