#!/usr/bin/env python3
"""Write crates/pycompat/tests/data/numpy_text.json: what numpy 2.4 does with text.

    python3 scripts/vectors/numpy_text_vectors.py

Runs itself inside the git-ignored `.venv-oracle` (numpy comes with
reasoning-gym there). Two kinds of rows, checked by
crates/pycompat/tests/numpy_text.rs against `pycompat::numpy`:

* `loadtxt`: `np.loadtxt(text.splitlines(), dtype=np.float32)` of texts built
  from a hostile token alphabet (numbers in every syntax Python and numpy tell
  apart, Unicode spaces and line breaks, comments, separators): the shape, the
  float32 values as their float64 bit patterns, or `null` where it raises;
* `allclose`: `np.allclose(a, b, rtol=1e-2)` of float32 pairs near the
  tolerance's edge, with zeros, infinities and NaN;
* `array_str`: `str()` of int64 arrays of 1 to 3 axes (shape, values in C
  order), across the line width and the summarisation threshold, with 0/1
  grids like game_of_life_halting's and wide, negative values.

Deterministic: random.Random(8) picks everything.
"""
import json
import random
import struct
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402

OUT = ROOT / "crates" / "pycompat" / "tests" / "data" / "numpy_text.json"
TOKENS = ["0", "1", "7", "12", "-3", "+4", "0.5", ".5", "5.", "1e3", "1E-3", "2.5e+2", "1e", "1e+", "-", "+", ".", "e5",
          "inf", "-Infinity", "INF", "nan", "NaN", "-nan", "nan(1)", "1_000", "0x1f", "1j", "1+2j", "True", "3.4e38",
          "3.5e38", "1e-46", "1e400", "007", "1.0000001", "0.333333343", "16777217", "１", "٣", "\u00e9", "\x00",
          "1,2", "1;2", "\"1\"", "'2'", "[1", "2]", "(3)", "#", "# c", "1#2"]
SPACES = [" ", " ", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\x1f", "\x0c"]
BREAKS = ["\n", "\n", "\n", "\r\n", "\r", "\x0b", "\x1c", "\x85", "\u2028", "\n\n", "\n  \n"]


def text(r):
    rows = []
    cols = r.choice([1, 1, 2, 3, 4])
    for _ in range(r.choice([0, 1, 1, 2, 3, 4])):
        n = cols if r.random() < 0.85 else r.randrange(6)
        row = [r.choice(TOKENS[:20]) if r.random() < 0.75 else r.choice(TOKENS) for _ in range(n)]
        lead = r.choice(SPACES) if r.random() < 0.2 else ""
        rows.append(lead + "".join(t + r.choice(SPACES) for t in row[:-1]) + (row[-1] if row else ""))
    out = ""
    for i, row in enumerate(rows):
        out += row + (r.choice(BREAKS) if i < len(rows) - 1 or r.random() < 0.3 else "")
    return out


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", float(x)))[0]


def main():
    oracle.reexec()
    import numpy as np

    warnings.simplefilter("ignore")
    r = random.Random(8)
    loadtxt = []
    for _ in range(4000):
        t = text(r)
        try:
            a = np.loadtxt(t.splitlines(), dtype=np.float32)
            loadtxt.append({"text": t, "shape": list(a.shape), "bits": [bits(v) for v in a.ravel()]})
        except Exception:  # noqa: BLE001 - any raise is "does not load"
            loadtxt.append({"text": t, "shape": None, "bits": None})
    allclose = []
    specials = [0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1e-9, 1e-8, 3.4e38]
    for _ in range(4000):
        b = r.choice([r.uniform(-100, 100), float(r.randrange(10)), r.choice(specials), r.uniform(-1e-6, 1e-6)])
        a = r.choice([b * (1 + r.uniform(-0.0102, 0.0102)), b + r.uniform(-1e-8, 1e-8), r.choice(specials), b])
        a32, b32 = np.float32(a), np.float32(b)
        allclose.append({"a": bits(a32), "b": bits(b32), "close": bool(np.allclose(a32, b32, rtol=1e-2))})
    array_str = []
    for _ in range(300):
        nd = r.choice([1, 2, 2, 2, 3])
        if nd == 1:
            shape = [r.choice([0, 1, 2, 5, 12, 25, 26, 37, 38, 40, 75, 200, 999, 1000, 1001, 1500])]
        elif nd == 2:
            shape = [r.choice([1, 2, 6, 7, 10, 12, 25, 31, 33, 34, 50, 100, 120]) for _ in range(2)]
        else:
            shape = [r.choice([1, 2, 3, 7, 11, 12]) for _ in range(3)]
        n = 1
        for d in shape:
            n *= d
        kind = r.randrange(4)
        if kind == 0:
            vals = [1 if r.random() < 0.2 else 0 for _ in range(n)]
        elif kind == 1:
            vals = [r.randrange(10) for _ in range(n)]
        elif kind == 2:
            vals = [r.randrange(-1000, 1000) for _ in range(n)]
        else:
            vals = [r.randrange(-2**63, 2**63) if r.random() < 0.05 else r.randrange(-50, 50) for _ in range(n)]
        a = np.array(vals, dtype=np.int64).reshape(shape)
        # Values as one space-separated string: the file stays small.
        array_str.append({"shape": shape, "values": " ".join(map(str, vals)), "str": str(a)})
    OUT.write_text(json.dumps({"numpy": np.__version__, "loadtxt": loadtxt, "allclose": allclose,
                               "array_str": array_str},
                              ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {len(loadtxt)} loadtxt rows "
          f"({sum(x['shape'] is None for x in loadtxt)} raise), {len(allclose)} allclose rows "
          f"({sum(x['close'] for x in allclose)} close), {len(array_str)} array_str rows")


if __name__ == "__main__":
    main()
