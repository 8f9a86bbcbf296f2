"""Writes crates/pycompat/tests/data/floats.json: CPython's text for many floats.

The floats come from random.Random(2024) so the Rust test regenerates the same
ones with pyrandom; explicit rows are kept for the first cases and edge cases,
and a FNV-1a digest covers all 200,000.
"""
import json
import math
import random
import struct
from pathlib import Path

COUNT = 200_000
EXPLICIT = 3_000
EDGES = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-05, 1e-4, 0.0001234, 1e16, 1e15, 123456789012345678.0,
         1e22, 1e-300, 5e-324, 1.7976931348623157e308, 0.1, 0.2, 0.30000000000000004, 2.675, 1.005, 0.045, 1234.5, -0.05,
         999999.5, 9.995, 0.7, 100.0, 1e100, 3.14159, 2.0**53, 2.0**53 + 2.0, float("inf"), float("-inf"), float("nan")]


def gen(r):
    kind = r.randrange(4)
    if kind == 0:
        return r.random()
    if kind == 1:
        return r.uniform(-1e6, 1e6)
    if kind == 2:
        return round(r.uniform(-1000, 1000), r.randrange(5))
    while True:
        x = struct.unpack("<d", struct.pack("<Q", r.getrandbits(64)))[0]
        if math.isfinite(x):
            return x


def texts(x):
    return [repr(x), f"{x:.2f}", f"{x:.0f}", f"{x:.3e}", f"{x:.4g}", f"{x:g}", repr(round(x, 2)), repr(round(x, 0)), f"{x:,.2f}", repr(round(x, -1))] \
        if math.isfinite(x) else [repr(x), f"{x:.2f}", f"{x:.0f}", f"{x:.3e}", f"{x:.4g}", f"{x:g}", repr(x), repr(x), f"{x:,.2f}", repr(x)]


def fnv(h, s):
    for b in s.encode():
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def main():
    r = random.Random(2024)
    h = 0xCBF29CE484222325
    rows = []
    for i in range(COUNT):
        x = gen(r)
        t = texts(x)
        for s in t:
            h = fnv(h, s + "\n")
        if i < EXPLICIT:
            rows.append([x.hex(), t])
    edges = [[x.hex() if math.isfinite(x) else repr(x), texts(x)] for x in EDGES]
    out = {"count": COUNT, "digest": f"{h:016x}", "rows": rows, "edges": edges}
    path = Path(__file__).resolve().parents[2] / "crates/pycompat/tests/data/floats.json"
    path.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
