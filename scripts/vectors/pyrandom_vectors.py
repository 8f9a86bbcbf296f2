"""Writes crates/pyrandom/tests/data/vectors.json: CPython draws that the Rust port must reproduce.

Run with any CPython 3.11: python3 scripts/vectors/pyrandom_vectors.py
"""
import json
import random
import sys
from pathlib import Path

SEEDS = [0, 1, 42, 2**32 + 5, -7, 10**30, 2**64 + 3, 123456789]


def draws(seed):
    out = {"seed": str(seed)}
    r = random.Random(seed)
    out["random"] = [r.random().hex() for _ in range(2000)]
    r = random.Random(seed)
    out["getrandbits"] = [[k, str(r.getrandbits(k))] for k in list(range(0, 70)) * 10 + [100, 128, 129, 200, 1000]]
    r = random.Random(seed)
    ranges = [(0, 1), (0, 2), (0, 10), (-5, 5), (-100, -50), (0, 2**31), (0, 2**32), (0, 2**33), (1, 2**62), (-(2**63), 2**63 - 1), (0, 3), (7, 7)]
    out["randint"] = [[a, b, r.randint(a, b)] for _ in range(200) for a, b in ranges]
    r = random.Random(seed)
    big = [(0, 2**64), (-(2**70), 2**70), (10**30, 10**31)]
    out["randint_big"] = [[str(a), str(b), str(r.randint(a, b))] for _ in range(100) for a, b in big]
    r = random.Random(seed)
    steps = [(0, 10, 3), (10, 0, -1), (10, -10, -3), (5, 100, 7), (-3, 3, 2), (0, 1, 5)]
    out["randrange_step"] = [[a, b, s, r.randrange(a, b, s)] for _ in range(200) for a, b, s in steps]
    r = random.Random(seed)
    out["randrange_to"] = [[n, r.randrange(n)] for _ in range(100) for n in (1, 2, 3, 1000, 2**40)]
    r = random.Random(seed)
    out["choice"] = [[n, r.choice(range(n))] for _ in range(200) for n in (1, 5, 37, 1000)]
    r = random.Random(seed)
    sh = []
    for n in (0, 1, 2, 10, 52, 300):
        for _ in range(20):
            x = list(range(n))
            r.shuffle(x)
            sh.append(x)
    out["shuffle"] = sh
    r = random.Random(seed)
    out["sample"] = [[n, k, r.sample(range(n), k)] for _ in range(10) for n, k in
                     [(5, 0), (5, 5), (10, 3), (37, 10), (30, 6), (60, 6), (100, 20), (1000, 5), (168387000, 10), (2**40, 50), (200, 50), (90, 22)]]
    r = random.Random(seed)
    out["sample_counts"] = [[c, k, r.sample(range(len(c)), k, counts=c)] for _ in range(20) for c, k in [([1, 2, 3], 4), ([5, 5], 10), ([1, 0, 7, 2], 3)]]
    r = random.Random(seed)
    out["choices"] = [[n, k, r.choices(range(n), k=k)] for _ in range(50) for n, k in [(1, 3), (7, 5), (100, 2)]]
    r = random.Random(seed)
    wl = [[1, 2, 3], [0.1, 0.2, 0.7], [1, 0.5, 2], [3], [1, 1, 1, 1, 1, 1], [0, 0, 1], [2**60, 1, 2**60], [0.3, 1, 2, 0.3333]]
    out["choices_weighted"] = [[w, r.choices(range(len(w)), weights=w, k=4)] for _ in range(50) for w in wl]
    r = random.Random(seed)
    out["uniform"] = [[a, b, r.uniform(a, b).hex()] for _ in range(100) for a, b in [(0, 1), (-5.5, 10.25), (1e-3, 1e3)]]
    r = random.Random(seed)
    out["gauss"] = [r.gauss(1.5, 2.0).hex() for _ in range(200)]
    r = random.Random(seed)
    out["normalvariate"] = [r.normalvariate(0.0, 1.0).hex() for _ in range(200)]
    r = random.Random(seed)
    out["triangular"] = [r.triangular(0.0, 10.0, 3.0).hex() for _ in range(200)]
    r = random.Random(seed)
    out["expovariate"] = [r.expovariate(0.5).hex() for _ in range(200)]
    return out


def main():
    assert sys.version_info[:2] >= (3, 11), "CPython 3.11+ semantics are required"
    data = [draws(s) for s in SEEDS]
    path = Path(__file__).resolve().parents[2] / "crates/pyrandom/tests/data/vectors.json"
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
