"""Writes crates/pycompat/tests/data/sort.json: the permutation CPython 3.11's
`sorted()` makes of float lists holding NaN (where `<` is not an order, so
the result depends on the exact comparisons made) and duplicates.

Each row is [values, reverse, order] with NaN written as null (the values are integral floats, written as ints); `order[i]` is
the input index of the i-th output element.

    .venv-oracle/bin/python scripts/vectors/sort_vectors.py
"""
import json
import math
import random
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "crates/pycompat/tests/data/sort.json"


class W:
    __slots__ = ("v", "i")

    def __init__(self, v, i):
        self.v, self.i = v, i

    def __lt__(self, other):
        return self.v < other.v


def values(r):
    n = r.choice([0, 1, 2, 3, 5, 8, 13, 40, 63, 64, 65, 100, 200, 500, 1100])
    shape = r.randrange(5)
    pool = [r.randrange(-5, 6) for _ in range(6)] + [math.nan]
    nan_rate = r.choice([0.0, 0.02, 0.1, 0.5])
    if shape == 0:
        xs = [r.randrange(-999, 1000) for _ in range(n)]
    elif shape == 1:
        xs = [r.choice(pool) for _ in range(n)]
    else:
        # Runs, ascending or descending, to reach merging and galloping.
        xs = []
        while len(xs) < n:
            run = sorted(r.randrange(-999, 1000) for _ in range(r.randrange(1, 120)))
            if r.random() < 0.4:
                run.reverse()
            xs += run
        xs = xs[:n]
    return [math.nan if r.random() < nan_rate else float(x) for x in xs]


def main():
    r = random.Random(99)
    rows = []
    for _ in range(400):
        xs = values(r)
        rev = r.random() < 0.4
        out = sorted((W(x, i) for i, x in enumerate(xs)), reverse=rev)
        rows.append([[None if math.isnan(x) else int(x) for x in xs], rev, [w.i for w in out]])
    OUT.write_text(json.dumps(rows, separators=(",", ":")) + "\n")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
