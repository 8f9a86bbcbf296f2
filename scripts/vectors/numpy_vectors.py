"""Writes crates/nprandom/tests/data/vectors.json: numpy draws that crates/nprandom must reproduce.

Run with the numpy that reasoning-gym 0.1.25 installs in the oracle venv
(numpy 2.4.6 when these vectors were made; the file records the version):

    PY=$(bash scripts/lib/venv.sh .venv-oracle 'import reasoning_gym' reasoning-gym==0.1.25)
    $PY scripts/vectors/numpy_vectors.py

Every call pattern reasoning-gym makes is covered: `default_rng(s)` (the
SeedSequence hash and PCG64 seeding), `integers` over ranges that take each
branch of numpy's bounded-integer code (no draw, 32-bit Lemire, the raw
32-bit draw, 64-bit Lemire, the raw 64-bit draw), `choice` of one element, of
a 2-D row, with replacement, without replacement (Floyd and the tail
shuffle), `random()`, and long random interleavings of all of them, so that
the 32-bit half PCG64 keeps for the next 32-bit request is exercised across
64-bit draws. The legacy side is `np.random.seed(int)` + `np.random.randint`
(and `RandomState(int).randint`), including the ValueError for seeds outside
[0, 2**32).
"""
import json
import random
import sys
from pathlib import Path

import numpy as np

GENERATOR_SEEDS = [0, 1, 7, 42, 12345, 2**31, 2**32 - 1, 2**32, 2**32 + 1, 2**63 + 5, 2**64 + 7, 10**30, 2**128 + 5, 3**200]
LEGACY_SEEDS = [0, 1, 7, 42, 12345, 2**31, 2**31 + 11, 2**32 - 1]
# rng = hi - lo - 1 takes each branch of random_bounded_uint64_fill.
RANGES = [
    (0, 1), (5, 6), (-3, -2),                      # rng 0: no draw
    (0, 2), (0, 6), (2, 3), (2, 4), (0, 10), (-5, 5), (0, 51), (0, 7),
    (0, 1000), (0, 2**31), (0, 2**31 + 1), (-(2**31), 2**31),
    (0, 2**32 - 1), (0, 3 * 2**30),                # 32-bit Lemire near the top
    (0, 2**32), (-(2**31), 2**31 + 2**31),         # rng 0xFFFFFFFF: the raw 32-bit draw
    (0, 2**32 + 1), (0, 2**33), (0, 10**12), (0, 10**18), (-(2**62), 2**62),
    (-(2**63), 2**63 - 1),                         # 64-bit Lemire
    (-(2**63), 2**63), (0, 2**63),                 # the raw 64-bit draw / high = 2**63
]
KNIGHT_KNAVE_PAIRS = [
    ["a knight", "a knave"],
    ["a pioneer", "a laggard"],
    ["a saint", "a sinner"],
    ["a hero", "a villain"],
    ["an angel", "a devil"],
    ["an altruist", "an egoist"],
    ["a sage", "a fool"],
]
# (pop, n) for choice(range(pop), n, replace=False): Floyd below the cut,
# the tail shuffle above it (pop > 10000 and n > pop // 50).
NO_REPLACE = [
    (1, 0), (1, 1), (2, 2), (5, 0), (5, 3), (7, 7), (51, 1), (51, 2), (51, 5), (51, 51),
    (1000, 100), (10001, 200), (10001, 201), (20000, 400), (20000, 401), (10**9, 5),
    (2**32 + 3, 4), (2**40, 6), (2**62, 3),
]
# The same with long outputs, for the first few seeds only (they are most of the file).
NO_REPLACE_LONG = [(10000, 10000), (12345, 12345), (10**6, 20001)]


def s(v):
    return str(int(v))


def err(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the type is recorded and checked
        return [type(e).__name__, str(e)]
    return None


def op_stream(rng, pick, n_ops):
    """A random interleaving of every Generator call, with its results."""
    ops = []
    for _ in range(n_ops):
        k = pick.randrange(8)
        if k == 0:
            lo, hi = pick.choice(RANGES)
            ops.append(["integers", s(lo), s(hi), s(rng.integers(lo, hi))])
        elif k == 1:
            n = pick.choice([1, 2, 3, 6, 7, 18, 51, 2**32, 2**32 + 1])
            ops.append(["choice", s(n), s(rng.choice(n))])
        elif k == 2:
            pop, n = pick.choice([(51, 2), (51, 3), (51, 7), (7, 7), (10, 1), (20000, 401)])
            got = rng.choice(pop, size=n, replace=False)
            ops.append(["choice_nr", pop, n, [int(x) for x in got]])
        elif k == 3:
            ops.append(["random", repr(float(rng.random()))])
        elif k == 4:
            ops.append(["raw", s(rng.bit_generator.random_raw())])
        elif k == 5:
            pop, n = pick.choice([(2, 5), (7, 3), (2**32, 2), (2**33, 2)])
            got = rng.choice(pop, size=n)
            ops.append(["choice_r", s(pop), n, [s(x) for x in got]])
        elif k == 6:
            row = rng.choice(KNIGHT_KNAVE_PAIRS)
            ops.append(["choice_row", [str(x) for x in row]])
        else:
            got = rng.choice(["telling-truth", "lying"])
            ops.append(["choice_str", str(got)])
    return ops


def knights_knaves_like(seed):
    """The exact call shapes of reasoning_gym/logic/knights_knaves.py."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(40):
        out.append(["integers", "0", "6", s(rng.integers(0, 6))])
        out.append(["choice_str", str(rng.choice(["telling-truth", "lying"]))])
        out.append(["integers", "0", "3", s(rng.integers(0, 3))])
        out.append(["integers", "2", "4", s(rng.integers(2, 3 + 1))])
    fmt = np.random.default_rng(seed)
    out.append(["choice_nr", 51, 5, [int(x) for x in fmt.choice(51, size=5, replace=False)]])
    out.append(["choice_row", [str(x) for x in fmt.choice(KNIGHT_KNAVE_PAIRS)]])
    for _ in range(5):
        out.append(["choice", "18", s(fmt.choice(18))])
    return out


def generator_case(seed, long):
    case = {"seed": s(seed)}
    ss = np.random.SeedSequence(seed)
    case["pool"] = [int(x) for x in ss.pool]
    case["state_u64"] = [s(x) for x in ss.generate_state(4, np.uint64)]
    case["state_u32"] = [int(x) for x in ss.generate_state(9, np.uint32)]

    rng = np.random.default_rng(seed)
    case["raw"] = [s(x) for x in rng.bit_generator.random_raw(20)]

    rng = np.random.default_rng(seed)
    case["random"] = [repr(float(rng.random())) for _ in range(50)]

    rng = np.random.default_rng(seed)
    case["integers"] = [[s(lo), s(hi), s(rng.integers(lo, hi))] for _ in range(6) for lo, hi in RANGES]

    rng = np.random.default_rng(seed)
    # size=n: one fill of n elements (numpy keeps no buffer of its own there).
    case["integers_size"] = [[s(lo), s(hi), n, [s(x) for x in rng.integers(lo, hi, size=n)]]
                             for lo, hi in RANGES for n in (0, 1, 3)]

    rng = np.random.default_rng(seed)
    case["choice_nr"] = [[pop, n, [int(x) for x in rng.choice(pop, size=n, replace=False)]]
                         for pop, n in NO_REPLACE + (NO_REPLACE_LONG if long else [])]

    rng = np.random.default_rng(seed)
    # A list population, as knights_knaves passes COMMON_NAMES: the same path as an int.
    case["choice_nr_list"] = [[n, [int(x) for x in rng.choice(list(range(51)), size=n, replace=False)]]
                              for n in (1, 2, 3, 4, 5, 10, 51)]

    rng = np.random.default_rng(seed)
    case["choice_rows"] = [[str(x) for x in rng.choice(KNIGHT_KNAVE_PAIRS)] for _ in range(30)]

    pick = random.Random(seed)
    rng = np.random.default_rng(seed)
    case["ops"] = op_stream(rng, pick, 400)
    case["knights_knaves"] = knights_knaves_like(seed)
    return case


def legacy_case(seed):
    case = {"seed": s(seed)}
    # pool_matrix: np.random.seed(seed + idx); np.random.randint(0, 10, (rows, cols)).
    np.random.seed(seed)
    calls = []
    for shape in [(1, 1), (3, 4), (10, 10), (7, 13), (0, 5), (2, 0), (1, 30)]:
        got = np.random.randint(0, 10, shape)
        calls.append(["0", "10", list(shape), [s(x) for x in got.ravel(order="C")]])
    case["pool_matrix"] = calls

    rs = np.random.RandomState(seed)
    calls = []
    for lo, hi in RANGES:
        for shape in [None, (3,), (2, 3)]:
            got = rs.randint(lo, hi, shape)
            flat = [s(got)] if shape is None else [s(x) for x in np.asarray(got).ravel(order="C")]
            calls.append([s(lo), s(hi), None if shape is None else list(shape), flat])
    case["randint"] = calls
    rs = np.random.RandomState(seed)
    case["raw32"] = [s(x) for x in rs.randint(0, 2**32, 30)]
    return case


def errors():
    g = np.random.default_rng(1)
    return {
        "default_rng": [[s(x), err(lambda x=x: np.random.default_rng(x))] for x in (-1, -(2**40))],
        "integers": [[s(lo), s(hi), err(lambda lo=lo, hi=hi: g.integers(lo, hi))] for lo, hi in [
            (5, 5), (0, 0), (3, 1), (0, -4), (-1, -1), (0, 2**63 + 1), (0, 2**64 + 1), (-(2**63) - 1, 0),
            (-(2**100), 0), (2**63, 2**63 + 5), (2**100, 2**101)]],
        "choice_empty": err(lambda: g.choice([])),
        # List populations (as reasoning-gym passes them); None: no error.
        "choice_nr": [[pop, n, err(lambda pop=pop, n=n: g.choice(list(range(pop)), size=n, replace=False))]
                      for pop, n in [(5, 6), (51, 52), (0, 1), (0, 0)]],
        "choice_r": [[pop, n, err(lambda pop=pop, n=n: g.choice(list(range(pop)), size=n))] for pop, n in [(0, 3), (0, 0)]],
        "legacy_seed": [[s(x), err(lambda x=x: np.random.seed(x))] for x in (-1, -(2**70), 2**32, 2**32 + 5, 2**64)],
        "legacy_randint": [[s(lo), s(hi), err(lambda lo=lo, hi=hi: np.random.RandomState(0).randint(lo, hi))] for lo, hi in [
            (5, 5), (0, 0), (0, 2**63 + 1), (-(2**63) - 1, 0)]],
        # numpy returns an empty array for a zero-size shape before it checks the bounds.
        "legacy_randint_empty": [[s(lo), s(hi), list(shape), np.random.RandomState(0).randint(lo, hi, shape).tolist()]
                                 for lo, hi, shape in [(5, 5, (0, 3)), (0, 10, (4, 0))]],
    }


def main():
    assert np.__version__.startswith("2."), np.__version__
    data = {
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "generator": [generator_case(x, i < 3) for i, x in enumerate(GENERATOR_SEEDS)],
        "legacy": [legacy_case(x) for x in LEGACY_SEEDS],
        "errors": errors(),
    }
    path = Path(__file__).resolve().parents[2] / "crates/nprandom/tests/data/vectors.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"wrote {path} ({path.stat().st_size} bytes) with numpy {np.__version__}")


if __name__ == "__main__":
    main()
