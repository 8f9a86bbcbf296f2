#!/usr/bin/env python3
"""Differential check of advanced_geometry's arithmetic: sympy 1.14 and
mpmath 1.3 against rgym (crates/symlite's surd, evalf and elefun, through
crates/datasets-geometry/examples/geometry_cli.rs).

Usage: python3 scripts/vectors/advanced_geometry_vectors.py [--triangles N]
    [--ranges 10,100,...] [--seed S] [--jobs J] [--write-vectors] [--release]
(re-execs itself in .venv-oracle).

For each coordinate range R (the curriculum's 10, 100, 1000, 10000 and
larger ones) it draws N triangles with integer vertices in [-R, R]^2 as the
dataset does (non-degenerate), plus N/4 thin ones (the angle at B near 0
or 180 degrees, where mpmath's atan runs at its highest precisions), and
computes what the reference computes, the reference's way:

* the orthocenter (`Line.perpendicular_line`, `intersection`): `str` and
  `float(evalf())` of both coordinates;
* the incircle radius (Heron): `str(radius)`, `float(radius.evalf())`;
* the cosine at B: `str(cos_theta)`, `float(cos_theta.evalf())`, and the
  angle `float(acos(cos_theta).evalf() * 180 / pi)`.

mpmath's fixed-point constants are then checked against rgym's: every
`pi_fixed(p)` mpmath can return for p <= 900 bits, whatever its memo holds
(its Chudnovsky value is one below the floor at 901, 902, 2931-2933,
3714, 3715 and 4266 bits, so a memo holding exactly one of those answers
p = that precision, or one or two below, one low; the run lists those
pairs and checks the triangles' precisions stay far below), and `atan_newton` for every entry of
`atan_taylor_cache` the Taylor branch can ask for (n < 256, every
`prec2 = 2**k + 20` below mpmath's 3000-bit Newton switch). The run also
records the (n, prec2) and pi precisions the triangles reached and checks
they lie inside the swept sets.

Prints the counts; exits non-zero on any mismatch. `--write-vectors` also
writes a bounded slice (crates/datasets-geometry/tests/data/advanced_geometry.json),
replayed by `cargo test -p datasets-geometry --test vectors`.
"""

import argparse
import itertools
import json
import random
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402  (scripts/lib is not a package)
DATA = ROOT / "crates/datasets-geometry/tests/data/advanced_geometry.json"
PI_SWEEP = 4500  # precisions asked of pi_fixed, past the atan Taylor branch's 3000 bits
CHUNK = 100
PI_CHECK = 900  # below mpmath's first memo value that is not a floor (901 bits)
ATAN_TIERS = range(1, 13)  # prec2 = 2**k + 20 for prec < 3000


# --- the reference's computations, in a worker --------------------------------------

REACHED = {"atan": set(), "pi": set()}


def instrument() -> None:
    """Record the (n, prec2) of every atan_taylor_get_cached call and the
    precision of every pi_fixed call."""
    from mpmath.libmp import libelefun as L

    orig_atan = L.atan_taylor_get_cached

    def atan_cached(n, prec):
        REACHED["atan"].add((n, (1 << (prec - 1).bit_length()) + 20))
        return orig_atan(n, prec)

    L.atan_taylor_get_cached = atan_cached
    orig_pi = L.pi_fixed

    def pi_fixed(prec, **kw):
        REACHED["pi"].add(prec)
        return orig_pi(prec, **kw)

    L.pi_fixed = pi_fixed
    for cell in L.mpf_pi.__closure__:
        if cell.cell_contents is orig_pi:
            cell.cell_contents = pi_fixed


def reference(tri):
    """The reference's values for one triangle (`tri`: three (x, y)); each
    value of a part that raises is {"raises": the exception's class}."""
    import sympy
    from sympy.geometry import Point

    A, B, C = (Point(x, y) for x, y in tri)

    def orthocenter():
        alt_A = sympy.Line(B, C).perpendicular_line(A)
        alt_B = sympy.Line(C, A).perpendicular_line(B)
        ortho = alt_A.intersection(alt_B)[0]
        return {
            "ortho": [str(ortho.x), str(ortho.y)],
            "ortho_f": [repr(float(ortho.x.evalf())), repr(float(ortho.y.evalf()))],
        }

    def incircle():
        a, b, c = B.distance(C), C.distance(A), A.distance(B)
        s = (a + b + c) / 2
        radius = sympy.sqrt(s * (s - a) * (s - b) * (s - c)) / s
        return {"r": str(radius), "r_f": repr(float(radius.evalf()))}

    def angle():
        BA, BC = A - B, C - B
        cos_theta = BA.dot(BC) / (BA.distance(Point(0, 0)) * BC.distance(Point(0, 0)))
        out = {"cos": str(cos_theta), "cos_f": repr(float(cos_theta.evalf()))}
        cos_theta = max(-1, min(1, cos_theta))
        out["angle"] = repr(float(sympy.acos(cos_theta).evalf() * 180 / sympy.pi))
        return out

    out = {}
    for part, keys in [(orthocenter, ["ortho", "ortho_f"]), (incircle, ["r", "r_f"]), (angle, ["cos", "cos_f", "angle"])]:
        try:
            out.update(part())
        except Exception as e:  # noqa: BLE001 - the reference's outcome is the vector
            out.update({k: {"raises": type(e).__name__} for k in keys})
    return out


def same(want, got) -> bool:
    """A value sympy raised on must be one rgym declines."""
    if isinstance(want, dict) and "raises" in want:
        return isinstance(got, dict) and "error" in got
    return want == got


def work(chunk):
    REACHED["atan"].clear()
    REACHED["pi"].clear()
    return [reference(t) for t in chunk], REACHED["atan"].copy(), REACHED["pi"].copy()


def init_worker() -> None:
    instrument()


# --- triangles -----------------------------------------------------------------------


def degenerate(t) -> bool:
    (ax, ay), (bx, by), (cx, cy) = t
    return ax * (by - cy) + bx * (cy - ay) + cx * (ay - by) == 0


def random_triangle(rng, r):
    while True:
        t = [(rng.randint(-r, r), rng.randint(-r, r)) for _ in range(3)]
        if not degenerate(t):
            return t


def thin_triangle(rng, r):
    """B, then A and C nearly on one line through B (on the same side or on
    opposite sides), inside [-r, r]^2."""
    while True:
        b = (rng.randint(-r, r), rng.randint(-r, r))
        d = (rng.randint(-r, r), rng.randint(-r, r))
        if d == (0, 0):
            continue
        k = rng.choice([1, -1]) * rng.randint(1, 4)
        jitter = rng.randint(1, 3)
        a = (b[0] + d[0], b[1] + d[1])
        c = (b[0] + k * d[0] + rng.choice([-jitter, jitter]), b[1] + k * d[1])
        t = [a, b, c]
        if all(abs(v) <= r for p in t for v in p) and not degenerate(t):
            return t
        # shrink towards B when out of range
        d = (d[0] // 2, d[1] // 2)


# --- rgym ----------------------------------------------------------------------------


def cli_path(release: bool) -> str:
    cmd = ["cargo", "build", "-q", "-p", "datasets-geometry", "--example", "geometry_cli"]
    if release:
        cmd.append("--release")
    subprocess.run(cmd, cwd=ROOT, check=True)
    return str(ROOT / "target" / ("release" if release else "debug") / "examples" / "geometry_cli")


class Cli:
    """The CLI as a coprocess: one request line, one reply line."""

    def __init__(self, exe):
        self.p = subprocess.Popen([exe], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)

    def ask(self, req):
        self.p.stdin.write(json.dumps(req) + "\n")
        self.p.stdin.flush()
        return json.loads(self.p.stdout.readline())

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def run_cli(exe, requests):
    text = "".join(json.dumps(r) + "\n" for r in requests)
    out = subprocess.run([exe], input=text, capture_output=True, text=True, check=True).stdout
    replies = [json.loads(line) for line in out.splitlines()]
    assert len(replies) == len(requests), (len(replies), len(requests))
    return replies


def tri_request(t):
    return {"tri": [[str(x), str(y)] for x, y in t]}


FIELDS = ["ortho", "ortho_f", "r", "r_f", "cos", "cos_f", "angle"]


def main() -> None:
    oracle.reexec()
    ap = argparse.ArgumentParser()
    ap.add_argument("--triangles", type=int, default=2000, help="random triangles per range")
    ap.add_argument("--ranges", default="10,100,1000,10000,100000,1000000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--release", action="store_true", help="build the CLI in release mode")
    ap.add_argument("--time-limit", type=float, default=0, help="stop drawing after this many seconds")
    ap.add_argument("--write-vectors", action="store_true")
    args = ap.parse_args()
    from mpmath.libmp import libelefun as L

    raw_pi = L.pi_fixed.__closure__[0].cell_contents  # the un-memoised Chudnovsky
    exe = cli_path(args.release)
    rng = random.Random(args.seed)
    ranges = [int(x) for x in args.ranges.split(",")]

    per_range = []
    for r in ranges:
        cs = [(r, "random", random_triangle(rng, r)) for _ in range(args.triangles)]
        cs += [(r, "thin", thin_triangle(rng, r)) for _ in range(max(1, args.triangles // 4))]
        rng.shuffle(cs)
        per_range.append(cs)
    # Round robin over the ranges, so that a run cut short by --time-limit
    # covers them all.
    cases = [c for group in itertools.zip_longest(*per_range) for c in group if c is not None]

    t0 = time.time()
    chunks = [cases[i : i + CHUNK] for i in range(0, len(cases), CHUNK)]
    cli = Cli(exe)
    want, done, reached_atan, reached_pi = [], [], set(), set()
    mismatches, counts = [], {}
    t_rgym = 0.0

    def consume(chunk, res, ra, rp):
        nonlocal t_rgym
        reached_atan.update(ra)
        reached_pi.update(rp)
        t1 = time.time()
        got = [cli.ask(tri_request(c[2])) for c in chunk]
        t_rgym += time.time() - t1
        for (r, kind, t), w, g in zip(chunk, res, got):
            n, bad = counts.get((r, kind), (0, 0))
            ok = all(same(w[f], g.get(f)) for f in FIELDS)
            counts[(r, kind)] = (n + 1, bad + (not ok))
            if not ok:
                diff = {f: (w[f], g.get(f)) for f in FIELDS if not same(w[f], g.get(f))}
                mismatches.append({"range": r, "kind": kind, "tri": t, "diff": diff})
        done.extend(chunk)
        want.extend(res)
        if len(done) % (50 * CHUNK) == 0:
            print(f"  {len(done)}/{len(cases)} triangles, {len(mismatches)} mismatches "
                  f"({time.time() - t0:.0f}s)", flush=True)

    def payload(chunk):
        return [c[2] for c in chunk]

    if args.jobs > 1:
        with Pool(args.jobs, initializer=init_worker) as pool:
            for ch, out in zip(chunks, pool.imap(work, map(payload, chunks))):
                consume(ch, *out)
                if args.time_limit and time.time() - t0 > args.time_limit:
                    pool.terminate()
                    break
    else:
        instrument()
        for ch in chunks:
            consume(ch, *work(payload(ch)))
            if args.time_limit and time.time() - t0 > args.time_limit:
                break
    cli.close()
    t_all = time.time() - t0
    cut = f" (cut at --time-limit {args.time_limit}s: {len(done)} of {len(cases)} drawn)" if len(done) < len(cases) else ""
    print(f"triangles ({t_all:.0f}s, of which rgym {t_rgym:.1f}s){cut}:")
    for (r, kind), (n, bad) in sorted(counts.items()):
        print(f"  range {r:>8} {kind:6}: {n:7} triangles, {bad} mismatches")
    raised = sum(1 for w in want if any(isinstance(v, dict) for v in w.values()))
    print(f"  sympy raised on {raised} triangles (rgym declined the same parts)")
    cases = done

    # pi_fixed: mpmath memoises one value, raw(np) at np = int(q * 1.05 + 10)
    # for the largest q asked so far, and answers p <= np with
    # raw(np) >> (np - p). Every such answer below PI_SWEEP must be rgym's
    # floor, for every memo state, up to PI_CHECK; above it the pairs where
    # Chudnovsky's value is one below the floor are listed (none reachable:
    # the triangles' precisions are far below).
    memo_states = sorted({int(q * 1.05 + 10) for q in range(1, PI_SWEEP + 1)})
    pi_top = memo_states[-1]
    pi_got = run_cli(exe, [{"pi_fixed": p} for p in range(1, pi_top + 1)])
    rgym_pi = [None] + [int(g["hex"], 16) for g in pi_got]
    pi_pairs = []
    for np_ in memo_states:
        v = raw_pi(np_)
        if v != rgym_pi[np_]:
            pi_pairs += [(np_, p) for p in range(1, np_ + 1) if v >> (np_ - p) != rgym_pi[p]]
    pi_bad = [(np_, p) for np_, p in pi_pairs if p <= PI_CHECK]
    max_pi = max(reached_pi, default=0)
    print(f"pi_fixed: {len(memo_states)} memo states up to {pi_top} bits, every p below each; "
          f"{len(pi_bad)} mismatches up to {PI_CHECK} bits; above it mpmath's memo is one below the "
          f"floor at (memo, p) = {pi_pairs}; triangles reached {len(reached_pi)} precisions, max {max_pi}")
    if max_pi > PI_CHECK:
        pi_bad.append(("reached", max_pi))
    # For the vectors: the largest memo state whose value is the floor.
    pi_store = max(np_ for np_ in memo_states if np_ not in {m for m, _ in pi_pairs})

    # atan_taylor_cache: every (n, prec2) the Taylor branch can ask for.
    tiers = [(1 << k) + 20 for k in ATAN_TIERS]
    atan_keys = [(n, p2) for p2 in tiers for n in range(256)]
    atan_got = run_cli(exe, [{"atan": [n, p2]} for n, p2 in atan_keys])
    atan_bad = [
        k for k, g in zip(atan_keys, atan_got)
        if g.get("hex") != format(L.atan_newton(k[0] << (k[1] - L.ATAN_TAYLOR_SHIFT), k[1]), "x")
    ]
    outside = reached_atan - set(atan_keys)
    print(f"atan cache: {len(atan_keys)} entries (n < 256, prec2 in {tiers}), {len(atan_bad)} mismatches"
          f"; triangles reached {len(reached_atan)} entries, prec2 up to "
          f"{max((p for _, p in reached_atan), default=0)}, {len(outside)} outside the sweep")

    for m in mismatches[:10]:
        print("MISMATCH", json.dumps(m))
    if pi_bad:
        print("pi_fixed mismatches (memo, p):", pi_bad[:20])
    if atan_bad:
        print("atan mismatches at", atan_bad[:20])
    total = len(mismatches) + len(pi_bad) + len(atan_bad) + len(outside)
    print(f"total: {len(cases)} triangles, {total} mismatches")

    if args.write_vectors:
        write_vectors(cases, want, (pi_store, raw_pi(pi_store)), L)
    sys.exit(1 if total else 0)


def write_vectors(cases, want, pi, L) -> None:
    """A bounded slice: 30 random and 10 thin triangles per range; mpmath's
    memo value at the largest precision below 4735 bits where it is
    the floor (the test checks every pi_fixed(p) below it is that shifted); the atan table entries at the two tiers the triangles
    use and 8 entries at each higher one."""
    per = {}
    rows = []
    for (r, kind, t), w in zip(cases, want):
        k = (r, kind)
        if per.get(k, 0) < (30 if kind == "random" else 10):
            per[k] = per.get(k, 0) + 1
            rows.append({"tri": [[str(x), str(y)] for x, y in t], "want": w})
    atan = []
    for k in ATAN_TIERS:
        p2 = (1 << k) + 20
        ns = range(256) if p2 <= 276 else range(0, 256, 32)
        for n in ns:
            atan.append({"n": n, "prec2": p2, "hex": format(L.atan_newton(n << (p2 - L.ATAN_TAYLOR_SHIFT), p2), "x")})
    data = {
        "triangles": rows,
        "pi": {"prec": pi[0], "hex": format(pi[1], "x")},
        "atan": atan,
    }
    DATA.parent.mkdir(parents=True, exist_ok=True)
    DATA.write_text(json.dumps(data, indent=0) + "\n")
    print(f"{DATA}: {len(rows)} triangles, {len(atan)} atan entries, {DATA.stat().st_size} bytes")


if __name__ == "__main__":
    main()
