#!/usr/bin/env python3
"""Write crates/datasets-arc/tests/data/rearc_dsl.json: what rearc's DSL
(reasoning_gym/arc/rearc_utils/dsl.py) returns, in CPython's iteration order,
for the functions crates/datasets-arc/src/rearc/dsl.rs has ported so far.

    python3 scripts/vectors/rearc_dsl_vectors.py

Runs itself inside the git-ignored `.venv-oracle`. 30 random grids (1 to 30 rows
and columns, 1 to 10 colors, noise or blobs; random.Random(22)); for each:
`mostcolor`, `objects` with all eight flag combinations (as lists of lists, so
the order of the objects and of each object's cells counts), `ofcolor`,
`asindices`, `neighbors` of a few locations, `shift`/`toindices`/`recolor`
of the first object, `connect`, `palette`, `asobject`, and `fill`, `underfill`,
`cover`, `paint`, `toobject`, `normalize`, `backdrop`, `box`, `inbox`,
`outbox`, `corners` of a few patches (objects, one with two colors at one
location, and index sets reaching outside the grid); `partition`,
`fgpartition`, `upscale`, `occurrences`, `frontiers`, `compress`,
`hperiod`/`vperiod`, `mostcolor`/`leastcolor`/`colorcount`/`numcolors` and
`vmatching`/`hmatching`; and the container functions (`colorfilter`,
`sizefilter`, `merge`, `mapply`, `mfilter`, `apply`, `remove`, `sfilter`,
`first`, `last`, `other`, `insert`), mirrors, shapes and frontiers; and the
rest of the order-sensitive helpers and grid functions (`combine`,
`difference`, `product`, `prapply`, `argmax`/`argmin`, `extract`,
`mostcommon`/`leastcommon`, `delta`, `underpaint`, `move`, `crop`, the
rotations, halves and splits, `gravitate`, `position`, ...).
"""
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402

oracle.reexec()

from reasoning_gym.arc.rearc_utils import dsl  # noqa: E402

OUT = ROOT / "crates/datasets-arc/tests/data/rearc_dsl.json"


def grid(r):
    h, w = r.randrange(1, 31), r.randrange(1, 31)
    colors = r.sample(range(10), r.randrange(1, 11))
    if r.random() < 0.5:
        g = [[r.choice(colors) for _ in range(w)] for _ in range(h)]
    else:
        bg = colors[0]
        g = [[bg] * w for _ in range(h)]
        for _ in range(r.randrange(0, 12)):
            c = r.choice(colors)
            i0, j0 = r.randrange(h), r.randrange(w)
            for _ in range(r.randrange(1, 20)):
                g[i0][j0] = c
                i0 = min(h - 1, max(0, i0 + r.choice([-1, 0, 1])))
                j0 = min(w - 1, max(0, j0 + r.choice([-1, 0, 1])))
    return tuple(tuple(row) for row in g)


def rloc(r):
    return (r.randrange(-2, 12), r.randrange(-2, 12))


def patches(r, g):
    """The first three objects of objects(g, False, True, False), the first
    one with its first cell added again in the next color, and an index set
    reaching outside the grid (with the list it was made from)."""
    objs = list(dsl.objects(g, False, True, False))
    ps = objs[:3]
    if objs:
        o = objs[0]
        v, loc = next(iter(o))
        ps.append(o | frozenset({((v + 1) % 10, loc)}))
    gen = [rloc(r) for _ in range(r.randrange(1, 15))]
    ps.append(frozenset(x for x in gen))
    return ps, gen


def patch_row(r, g, p, gen):
    is_obj = isinstance(next(iter(p))[1], tuple)
    v = r.randrange(10)
    row = {
        "object": cells(p) if is_obj else None,
        # The locations in the order the generator made them.
        "indices": None if is_obj else [list(x) for x in gen],
        "value": v,
        "fill": [list(x) for x in dsl.fill(g, v, p)],
        "underfill": [list(x) for x in dsl.underfill(g, v, p)],
        "cover": [list(x) for x in dsl.cover(g, p)],
        "toobject": cells(dsl.toobject(p, g)),
        "normalize": cells(dsl.normalize(p)) if is_obj else [list(x) for x in dsl.normalize(p)],
        "backdrop": [list(x) for x in dsl.backdrop(p)],
        "box": [list(x) for x in dsl.box(p)],
        "inbox": [list(x) for x in dsl.inbox(p)],
        "outbox": [list(x) for x in dsl.outbox(p)],
        "corners": [list(x) for x in dsl.corners(p)],
    }
    if is_obj:
        row["paint"] = [list(x) for x in dsl.paint(g, p)]
        row["palette"] = list(dsl.palette(p))
    return row


def locs(p):
    return [list(x) for x in p]


def containers(r, g):
    """The container functions on objects(g, True, False, True), the mirrors
    and shapes of its objects and of the grid, frontiers and shots."""
    objs = dsl.objects(g, True, False, True)
    c, k = r.randrange(10), r.randrange(1, 5)
    pal = dsl.palette(g)
    v = r.randrange(10)
    loc, d = rloc(r), (r.choice([-1, 0, 1]), r.choice([-1, 0, 1]))
    return {
        "c": c, "k": k, "v": v, "loc": list(loc), "d": list(d),
        "colorfilter": [cells(o) for o in dsl.colorfilter(objs, c)],
        "sizefilter": [cells(o) for o in dsl.sizefilter(objs, k)],
        "merge": cells(dsl.merge(objs)),
        "mapply_toindices": locs(dsl.mapply(dsl.toindices, objs)),
        "mapply_outbox": locs(dsl.mapply(dsl.outbox, objs)) if objs else [],
        "mfilter_big": cells(dsl.mfilter(objs, lambda o: len(o) > k)),
        "apply_ulcorner": locs(dsl.apply(dsl.ulcorner, objs)),
        "remove_pal": list(dsl.remove(v, pal)),
        "sfilter_pal": list(dsl.sfilter(pal, lambda x: x % 2 == 0)),
        "first_last_other": [dsl.first(pal), dsl.last(pal), dsl.other(pal, dsl.first(pal)) if len(pal) > 1 else None],
        "insert": locs(dsl.insert(loc, dsl.toindices(next(iter(objs)))) if objs else frozenset({loc})),
        "mirrors": [[cells(f(o)) for f in (dsl.dmirror, dsl.vmirror, dsl.hmirror, dsl.cmirror)]
                    + [locs(f(dsl.toindices(o))) for f in (dsl.dmirror, dsl.vmirror, dsl.hmirror, dsl.cmirror)]
                    + [list(dsl.shape(o))]
                    for o in list(objs)[:3]],
        "grid_mirrors": [[list(x) for x in f(g)] for f in (dsl.dmirror, dsl.vmirror, dsl.hmirror, dsl.cmirror)],
        "grid_shape": list(dsl.shape(g)),
        "frontiers": [locs(dsl.hfrontier(loc)), locs(dsl.vfrontier(loc)), locs(dsl.shoot(loc, d))],
    }


def more(r, g):
    """partition, upscale, occurrences, frontiers, compress, the periods,
    color counts and row/column matching."""
    objs = list(dsl.objects(g, False, True, True))[:4]
    c = r.randrange(10)
    f = r.randrange(1, 4)
    return {
        "c": c, "f": f,
        "partition": [cells(o) for o in dsl.partition(g)],
        "fgpartition": [cells(o) for o in dsl.fgpartition(g)],
        "upscale_grid": [list(x) for x in dsl.upscale(g, f)],
        "frontiers": [cells(o) for o in dsl.frontiers(g)],
        "compress": [list(x) for x in dsl.compress(g)],
        "grid_colors": [dsl.leastcolor(g), dsl.colorcount(g, c), dsl.numcolors(g)],
        "objects": [{
            "upscale": cells(dsl.upscale(o, f)),
            "occurrences": locs(dsl.occurrences(g, o)),
            "periods": [dsl.hperiod(o), dsl.vperiod(o)],
            "colors": [dsl.mostcolor(o), dsl.leastcolor(o), dsl.colorcount(o, c)],
            "matching": [[dsl.vmatching(o, p), dsl.hmatching(o, p)] for p in objs],
        } for o in objs],
    }


def grid_list(g):
    return [list(x) for x in g]


def extra(r, g):
    """The remaining order-sensitive helpers (combine, difference, product,
    argmax, mostcommon, ...) and the grid cutting and geometry functions."""
    objs = dsl.objects(g, True, True, True)
    ol = list(objs)[:4]
    a, b = (ol + [frozenset({(1, (0, 0))})] * 2)[:2]
    h, w = len(g), len(g[0])
    loc = rloc(r)
    start, dims = (r.randrange(-3, h), r.randrange(-3, w)), (r.randrange(0, 8), r.randrange(0, 8))
    n = r.randrange(1, 4)
    ca, cb, fb = r.randrange(10), r.randrange(10), r.randrange(10)
    sq = dsl.rot180(g) if h == w else g
    ints_t = tuple(v for v in g[0]) + tuple(v for v in g[-1])
    out = {
        "loc": list(loc), "start": list(start), "dims": list(dims), "n": n, "ca": ca, "cb": cb, "fb": fb,
        "combine": cells(dsl.combine(a, b)),
        "difference": locs(dsl.difference(dsl.backdrop(a), dsl.toindices(a))),
        "intersection": locs(dsl.intersection(dsl.backdrop(a), dsl.backdrop(b))),
        "initset": locs(dsl.initset(loc)),
        "common": [dsl.mostcommon(ints_t), dsl.leastcommon(ints_t),
                   list(dsl.mostcommon(tuple(g))), list(dsl.leastcommon(tuple(g)))],
        "product": locs(dsl.product(tuple(range(h % 7)), tuple(range(w % 5)))),
        "prapply": locs(dsl.prapply(lambda i, j: (i + j, i * j), tuple(range(h % 7)), tuple(range(w % 5)))),
        "argmax": cells(dsl.argmax(objs, len)) if objs else None,
        "argmin": cells(dsl.argmin(objs, len)) if objs else None,
        "argmax_color": cells(dsl.argmax(objs, dsl.color)) if objs else None,
        "extract": cells(dsl.extract(objs, lambda o: len(o) > 1)) if any(len(o) > 1 for o in objs) else None,
        "delta": locs(dsl.delta(a)),
        "underpaint": grid_list(dsl.underpaint(g, dsl.shift(a, (1, 1)))),
        "move": grid_list(dsl.move(g, a, (1, -1))),
        "subgrid": grid_list(dsl.subgrid(a, g)),
        "crop": grid_list(dsl.crop(g, start, dims)),
        "rots": [grid_list(dsl.rot90(g)), grid_list(dsl.rot180(g)), grid_list(dsl.rot270(g))],
        "halves": [grid_list(f(g)) for f in (dsl.tophalf, dsl.bottomhalf, dsl.lefthalf, dsl.righthalf)],
        "hsplit": [grid_list(x) for x in dsl.hsplit(g, n)] if w >= n else None,
        "vsplit": [grid_list(x) for x in dsl.vsplit(g, n)] if h >= n else None,
        "trim": grid_list(dsl.trim(g)),
        "replace": grid_list(dsl.replace(g, ca, cb)),
        "switch": grid_list(dsl.switch(g, ca, cb)),
        "downscale": grid_list(dsl.downscale(g, n)),
        "cellwise": grid_list(dsl.cellwise(g, sq, fb)),
        "hconcat": grid_list(dsl.hconcat(g, sq)),
        "vconcat": grid_list(dsl.vconcat(g, sq)),
        "index": dsl.index(g, loc),
        "xupscale": [grid_list(dsl.hupscale(g, n)), grid_list(dsl.vupscale(g, n))],
        "grid_shape_tests": [dsl.portrait(g), dsl.square(g)],
        "patch_shape_tests": [[dsl.portrait(x), dsl.square(x), dsl.portrait(dsl.toindices(x)),
                               dsl.square(dsl.toindices(x))] for x in ol],
        "pairs": [[list(dsl.center(x)), list(dsl.centerofmass(x)), list(dsl.position(x, y)),
                   dsl.manhattan(x, y), dsl.adjacent(x, y), dsl.bordering(x, g),
                   list(dsl.gravitate(x, y)), dsl.hline(x), dsl.vline(x), dsl.color(x)]
                  for x in ol for y in ol],
    }
    return out


def patch_rows(r, g):
    ps, gen = patches(r, g)
    return [patch_row(r, g, p, gen) for p in ps]


def cells(obj):
    return [[v, [i, j]] for v, (i, j) in obj]


def combinators(r, g):
    """`order`, `dedupe`, `interval`, `repeat`, `papply`, `mpapply`, `pair`,
    `valmax`/`valmin`, `maximum`/`minimum` and the arithmetic with floor
    division (`halve`, `divide`, `sign`, `crement`). Its own Random, so the
    rows before it keep their draws."""
    objs = dsl.objects(g, True, True, False)
    ol = list(objs)
    ints = tuple(r.randrange(-4, 5) for _ in range(r.randrange(0, 12)))
    locs = tuple((r.randrange(-9, 10), r.randrange(-9, 10)) for _ in range(6))
    step = r.choice([-3, -2, -1, 1, 2, 3])
    a, b = r.randrange(-12, 13), r.randrange(-12, 13)
    return {
        "order_size": [cells(o) for o in dsl.order(objs, dsl.size)],
        "order_ul": [cells(o) for o in dsl.order(objs, dsl.ulcorner)],
        "order_tuple": [cells(o) for o in dsl.order(tuple(ol), lambda o: -dsl.width(o))],
        "order_palette": dsl.order(dsl.palette(g), lambda c: -dsl.colorcount(g, c)),
        "ints": list(ints),
        "dedupe": list(dsl.dedupe(ints)),
        "interval": [a, b, step, list(dsl.interval(a, b, step))],
        "repeat": [a, list(dsl.repeat(b, a))],
        "locs": [list(x) for x in locs],
        "papply": [list(x) for x in dsl.papply(dsl.add, locs, locs[::-1])],
        "mpapply": [list(x) for x in dsl.mpapply(dsl.connect, locs[:3], locs[3:])],
        "pair": [[list(x), list(y)] for x, y in dsl.pair(locs, locs[2:])],
        "valmax": [dsl.valmax(objs, dsl.size), dsl.valmax(objs, dsl.uppermost)] if ol else None,
        "valmin": [dsl.valmin(objs, dsl.size), dsl.valmin(objs, dsl.leftmost)] if ol else None,
        "maximum": [dsl.maximum(frozenset(ints)), dsl.minimum(frozenset(ints))],
        "arith": [[x, y, dsl.halve(x), dsl.divide(x, y) if y else None, x % y if y else None,
                   dsl.sign(x), dsl.crement(x)]
                  for x, y in zip(ints, ints[::-1])],
        "vec_arith": [[list(x), list(y), list(dsl.halve(x)), list(dsl.divide(x, y)) if 0 not in y else None,
                       list(dsl.sign(x)), list(dsl.crement(x)), list(dsl.invert(x)),
                       list(dsl.add(x, y)), list(dsl.subtract(x, y)), list(dsl.multiply(x, y))]
                      for x, y in zip(locs, locs[::-1])],
    }


def main():
    r = random.Random(22)
    rows = []
    for n in range(30):
        g = grid(r)
        objs = {}
        for u in (False, True):
            for d in (False, True):
                for b in (False, True):
                    objs[f"{int(u)}{int(d)}{int(b)}"] = [cells(o) for o in dsl.objects(g, u, d, b)]
        first = next(iter(dsl.objects(g, True, False, False)))
        di, dj = r.randrange(-5, 6), r.randrange(-5, 6)
        locs = [(r.randrange(-1, 31), r.randrange(-1, 31)) for _ in range(3)]
        c = r.randrange(10)
        rows.append({
            "grid": [list(row) for row in g],
            "mostcolor": dsl.mostcolor(g),
            "objects": objs,
            "ofcolor": [c, [list(x) for x in dsl.ofcolor(g, c)]],
            "asindices": [list(x) for x in dsl.asindices(g)],
            "neighbors": [[list(loc), [list(x) for x in dsl.neighbors(loc)]] for loc in locs],
            "shift": [[di, dj], cells(dsl.shift(first, (di, dj))),
                      [list(x) for x in dsl.shift(dsl.toindices(first), (di, dj))]],
            "toindices": [list(x) for x in dsl.toindices(first)],
            "recolor": [c, cells(dsl.recolor(c, dsl.toindices(first)))],
            "patches": patch_rows(r, g),
            "connect": [[list(a), list(b), [list(x) for x in dsl.connect(a, b)]]
                        for a, b in [(rloc(r), rloc(r)) for _ in range(4)]],
            "palette": list(dsl.palette(g)),
            "asobject": cells(dsl.asobject(g)),
            "containers": containers(r, g),
            "more": more(r, g),
            "extra": extra(r, g),
            "combinators": combinators(random.Random(1000 + n), g),
        })
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(rows, separators=(",", ":")) + "\n")
    print(f"{len(rows)} grids -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
