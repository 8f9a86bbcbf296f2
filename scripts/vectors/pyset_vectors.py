#!/usr/bin/env python3
"""Differential test of pycompat's set/frozenset (crates/pycompat/src/pyset.rs)
against CPython 3.11's Objects/setobject.c.

    python3 scripts/vectors/pyset_vectors.py --ops 1000000
    python3 scripts/vectors/pyset_vectors.py --write-vectors

Runs itself inside the git-ignored `.venv-oracle`. It makes random programs
(random.Random(seed)): a few registers holding sets or frozensets of one
element type (ints, (i, j) pairs, (color, (i, j)) cells, variable-length
int tuples, or frozensets of pairs), and a sequence of operations on them:
constructions (`set(gen)`, `frozenset(gen)`, `frozenset(set(...))`, copies),
`add`/`discard`/`pop`/`clear` (so dummies and resizes happen; sizes go from 0
to a few thousand), `| & - ^` between registers (the same register on both
sides included), the methods with a plain iterable, the in-place forms,
`issubset`, `in`, `==`, and aliasing of frozensets (plus, without
--write-vectors, three programs on sets past 50,000 ints). After every operation it
records the register's `len`, `hash(tuple(s))` (for frozensets of frozensets
`hash(tuple(tuple(x) for x in s))`, so the inner objects' orders count too)
and, for a frozenset, `hash(s)`; operations that answer a bool or pop an
element record that. Hashes of ints and int tuples do not depend on
PYTHONHASHSEED, so these digests pin down CPython's iteration order.

Without --write-vectors the programs go to target/pyset_vectors.jsonl and
`cargo run --release -p pycompat --example pyset_replay` replays them and
counts mismatches. --write-vectors writes a bounded slice to
crates/pycompat/tests/data/pyset.jsonl for `cargo test -p pycompat`.
"""
import argparse
import json
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402

oracle.reexec()

NREG = 4
WORLDS = ["int", "pair", "cell", "row", "fset"]
SPECIAL_INTS = [-1, -2, 0, 1, 2**61 - 1, 2**61, 2**61 + 1, -(2**61) + 1, -(2**61), 2**62, -(2**63), 2**63 - 1]


def make_elem(r, world, big):
    """A random element (as its JSON form) of the world's type."""
    if world == "int":
        k = r.random()
        if k < 0.05:
            return r.choice(SPECIAL_INTS)
        if k < 0.15:
            return r.choice([8, 16, 32, 64, 1024]) * r.randrange(-50, 200)
        if k < 0.2:
            return r.randrange(-(2**63), 2**63)
        return r.randrange(-50, 6000 if big else 120)
    if world == "pair":
        n = 70 if big else 12
        return [r.randrange(-2, n), r.randrange(-2, n)]
    if world == "cell":
        n = 40 if big else 8
        return [r.randrange(10), [r.randrange(n), r.randrange(n)]]
    if world == "row":
        return [r.randrange(10) for _ in range(r.randrange(0 if not big else 2, 6))]
    # fset: an index into the program's pool of frozensets
    return r.randrange(POOL_SIZE[0])


POOL_SIZE = [0]


def to_py(world, e, pool):
    if world == "int":
        return e
    if world == "pair":
        return (e[0], e[1])
    if world == "cell":
        return (e[0], (e[1][0], e[1][1]))
    if world == "row":
        return tuple(e)
    return pool[e]


def digest(world, s):
    if world == "fset":
        return hash(tuple(tuple(x) for x in s))
    return hash(tuple(s))


def elem_hash(world, x):
    if world == "fset":
        return hash(tuple(x))
    return hash(x)


def make_pool(r):
    """Frozensets of small pairs, equal ones built different ways."""
    recipes, pool = [], []
    for _ in range(POOL_SIZE[0]):
        pairs = [(r.randrange(4), r.randrange(4)) for _ in range(r.randrange(0, 7))]
        how = r.randrange(3)
        if how == 0:
            fs = frozenset(p for p in pairs)
        elif how == 1:
            fs = frozenset(set(pairs))
        else:
            s = set(pairs)
            for p in pairs[: len(pairs) // 2]:
                s.discard(p)
            s.update(reversed(pairs))
            fs = frozenset(s)
        recipes.append([how, [list(p) for p in pairs]])
        pool.append(fs)
    return recipes, pool


def rand_elems(r, world, big):
    k = r.random()
    if k < 0.3:
        n = r.randrange(0, 8)
    elif k < 0.8:
        n = r.randrange(0, 60)
    elif k < 0.97:
        n = r.randrange(0, 400)
    else:
        n = r.randrange(400, 3000)
    return [make_elem(r, world, big) for _ in range(n)]


def program(r, nops):
    world = r.choice(WORLDS)
    big = r.random() < 0.5
    POOL_SIZE[0] = r.choice([5, 20, 60])
    recipes, pool = make_pool(r) if world == "fset" else (None, [])
    regs = [set() for _ in range(NREG)]
    ops, out = [], []

    def P(e):
        return to_py(world, e, pool)

    def rec(d, extra=None):
        s = regs[d]
        row = [len(s), digest(world, s), hash(s) if isinstance(s, frozenset) else None]
        if extra is not None:
            row.append(extra)
        out.append(row)

    for _ in range(nops):
        k = r.random()
        d = r.randrange(NREG)
        a = r.randrange(NREG)
        b = r.randrange(NREG)
        if k < 0.14:
            kind = r.choice(["set", "frozenset"])
            how = r.choice(["gen", "viaset", "viaset_discard"])
            es = rand_elems(r, world, big)
            xs = [P(e) for e in es]
            if how == "gen":
                s = set(x for x in xs) if kind == "set" else frozenset(x for x in xs)
            elif how == "viaset":
                s = set(set(xs)) if kind == "set" else frozenset(set(xs))
            else:
                t = set(xs)
                for x in xs[::3]:
                    t.discard(x)
                s = set(t) if kind == "set" else frozenset(t)
            regs[d] = s
            ops.append(["new", d, kind, how, es])
            rec(d)
        elif k < 0.30:
            if not isinstance(regs[d], set):
                regs[d] = set(regs[d])
                ops.append(["thaw", d])
                rec(d)
            es = [make_elem(r, world, big) for _ in range(r.choice([1, 1, 1, 3, 20, 200]))]
            for e in es:
                regs[d].add(P(e))
            ops.append(["add", d, es])
            rec(d)
        elif k < 0.40:
            if not isinstance(regs[d], set):
                continue
            s = regs[d]
            cur = list(s)
            es = []
            for _ in range(r.choice([1, 1, 3, 20, 200])):
                if cur and r.random() < 0.8:
                    x = r.choice(cur)
                    # find its JSON form: keep a parallel encoding by re-encoding
                    es.append(encode(world, x, pool))
                else:
                    es.append(make_elem(r, world, big))
            for e in es:
                s.discard(P(e))
            ops.append(["discard", d, es])
            rec(d)
        elif k < 0.43:
            if not isinstance(regs[d], set):
                continue
            n = r.choice([1, 2, 5, 50])
            popped = []
            for _ in range(n):
                if not regs[d]:
                    break
                popped.append(elem_hash(world, regs[d].pop()))
            ops.append(["pop", d, n])
            rec(d, popped)
        elif k < 0.44:
            if not isinstance(regs[d], set):
                continue
            regs[d].clear()
            ops.append(["clear", d])
            rec(d)
        elif k < 0.66:
            op = r.choice(["|", "&", "-", "^"])
            if r.random() < 0.1:
                b = a
            x, y = regs[a], regs[b]
            regs[d] = {"|": x.__or__, "&": x.__and__, "-": x.__sub__, "^": x.__xor__}[op](y)
            ops.append(["bin", d, op, a, b])
            rec(d)
        elif k < 0.74:
            op = r.choice(["union", "intersection", "difference", "symmetric_difference"])
            es = rand_elems(r, world, big)
            if regs[a] and r.random() < 0.5:
                # overlap with a's elements
                es += [encode(world, x, pool) for x in r.sample(list(regs[a]), min(len(regs[a]), r.randrange(1, 50)))]
                r.shuffle(es)
            regs[d] = getattr(regs[a], op)([P(e) for e in es])
            ops.append(["meth_iter", d, op, a, es])
            rec(d)
        elif k < 0.84:
            if not isinstance(regs[a], set) or a == b:
                continue
            op = r.choice(["|=", "&=", "-=", "^="])
            s, o = regs[a], regs[b]
            if op == "|=":
                s |= o
            elif op == "&=":
                s &= o
            elif op == "-=":
                s -= o
            else:
                s ^= o
            ops.append(["inplace", op, a, b])
            rec(a)
        elif k < 0.89:
            if not isinstance(regs[a], set):
                continue
            op = r.choice(["update", "intersection_update", "difference_update", "symmetric_difference_update"])
            es = rand_elems(r, world, big)
            if regs[a] and r.random() < 0.6:
                es += [encode(world, x, pool) for x in r.sample(list(regs[a]), min(len(regs[a]), r.randrange(1, 80)))]
                r.shuffle(es)
            getattr(regs[a], op)([P(e) for e in es])
            ops.append(["inplace_iter", op, a, es])
            rec(a)
        elif k < 0.94:
            how = r.choice(["set", "frozenset", "copy", "alias"])
            if how == "alias" and not isinstance(regs[a], frozenset):
                how = "frozenset"
            if how == "set":
                regs[d] = set(regs[a])
            elif how == "frozenset":
                regs[d] = frozenset(regs[a])
            elif how == "copy":
                regs[d] = regs[a].copy()
            else:
                regs[d] = regs[a]
            ops.append(["copy", d, how, a])
            rec(d)
        else:
            q = r.choice(["issubset", "issubset_iter", "contains", "eq", "isdisjoint"])
            if q == "issubset":
                ans = regs[a].issubset(regs[b])
                ops.append(["ask", q, a, b])
            elif q == "issubset_iter":
                es = [encode(world, x, pool) for x in regs[b]] + rand_elems(r, world, big)[:5]
                ans = regs[a].issubset([P(e) for e in es])
                ops.append(["ask", q, a, es])
            elif q == "contains":
                e = make_elem(r, world, big)
                ans = P(e) in regs[a]
                ops.append(["ask", q, a, e])
            elif q == "eq":
                ans = regs[a] == regs[b]
                ops.append(["ask", q, a, b])
            else:
                ans = regs[a].isdisjoint(regs[b])
                ops.append(["ask", q, a, b])
            out.append(ans)
    return {"world": world, "pool": recipes, "ops": ops, "out": out}


def encode(world, x, pool):
    """The JSON form of an element taken from a register."""
    if world == "int":
        return x
    if world == "pair":
        return [x[0], x[1]]
    if world == "cell":
        return [x[0], [x[1][0], x[1][1]]]
    if world == "row":
        return list(x)
    # fset: the pool index of this very object
    for i, f in enumerate(pool):
        if f is x:
            return i
    raise AssertionError("element not from the pool")


def huge_program(r):
    """Ints past 50,000 elements, where resizes double instead of quadruple."""
    regs = [set(), set()]
    ops, out = [], []
    for _ in range(6):
        d = r.randrange(2)
        k = r.random()
        if k < 0.4:
            es = [r.randrange(-(10**6), 10**6) for _ in range(r.randrange(50_000, 70_000))]
            regs[d] = set(x for x in es)
            ops.append(["new", d, "set", "gen", es])
        elif k < 0.7:
            es = r.sample(list(regs[d]), len(regs[d]) // 3) + [r.randrange(10**6) for _ in range(20_000)]
            regs[d].difference_update(es)
            ops.append(["inplace_iter", "difference_update", d, es])
        else:
            regs[d] = regs[d] | regs[1 - d]
            ops.append(["bin", d, "|", d, 1 - d])
        out.append([len(regs[d]), hash(tuple(regs[d])), None])
    return {"world": "int", "pool": [], "ops": ops, "out": out}


def generate(path, seed, total_ops, max_ops_per_program, huge=0):
    r = random.Random(seed)
    n = programs = 0
    with open(path, "w") as f:
        for _ in range(huge):
            p = huge_program(r)
            n += len(p["ops"])
            programs += 1
            f.write(json.dumps(p, separators=(",", ":")) + "\n")
        while n < total_ops:
            p = program(r, r.randrange(1, max_ops_per_program + 1))
            n += len(p["ops"])
            programs += 1
            f.write(json.dumps(p, separators=(",", ":")) + "\n")
    return programs, n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ops", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--write-vectors", action="store_true")
    args = ap.parse_args()
    if args.write_vectors:
        path = ROOT / "crates/pycompat/tests/data/pyset.jsonl"
        programs, n = generate(path, 22, 8_000, 60)
        print(f"{programs} programs, {n} ops -> {path} ({path.stat().st_size} bytes)")
        return
    path = ROOT / "target/pyset_vectors.jsonl"
    programs, n = generate(path, args.seed, args.ops, 300, huge=3)
    print(f"CPython: {programs} programs, {n} ops -> {path}", flush=True)
    subprocess.run(
        ["cargo", "run", "--quiet", "--release", "-p", "pycompat", "--example", "pyset_replay", "--", str(path)],
        cwd=ROOT,
        check=True,
    )


if __name__ == "__main__":
    main()
