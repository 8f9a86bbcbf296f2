#!/usr/bin/env python3
"""Whole-process generation speed: `rgym generate` against reasoning-gym 0.1.25.

    python3 scripts/bench_generate.py [--count N] [dataset ...]

Both sides produce N items of the default config as JSON Lines on stdout
(redirected to /dev/null), including process start-up and imports. Prints a
markdown table: items/s for each and the ratio. Uses the release binary
(builds it if needed) and the oracle venv from scripts/golden.py.
"""
import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-oracle"
PY_GEN = """
import json, sys, reasoning_gym
name, n = sys.argv[1], int(sys.argv[2])
ds = reasoning_gym.create_dataset(name, seed=1, size=n)
out = sys.stdout
for i in range(n):
    it = ds[i]
    out.write(json.dumps({"index": i, "question": it["question"], "answer": it["answer"], "metadata": it["metadata"]}, default=str))
    out.write("\\n")
"""


def timed(cmd, runs=3):
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--py-count", type=int, default=None, help="items for Python (default: count)")
    ap.add_argument("datasets", nargs="*", default=["leg_counting", "basic_arithmetic"])
    a = ap.parse_args()
    if not (VENV / "bin" / "python").exists():
        subprocess.check_call([sys.executable, str(ROOT / "scripts" / "golden.py"), "--help"], stdout=subprocess.DEVNULL)
    subprocess.check_call(["cargo", "build", "--release", "--quiet", "--bin", "rgym"], cwd=ROOT)
    rgym = ROOT / "target" / "release" / "rgym"
    py = VENV / "bin" / "python"
    pyn = a.py_count or a.count
    print(f"| dataset | rgym items/s | reasoning-gym items/s | ratio |")
    print(f"|---|---:|---:|---:|")
    for name in a.datasets:
        tr = timed([str(rgym), "generate", name, "--seed", "1", "--size", str(a.count)])
        tp = timed([str(py), "-c", PY_GEN, name, str(pyn)], runs=1)
        r, p = a.count / tr, pyn / tp
        print(f"| {name} | {r:,.0f} | {p:,.0f} | {r / p:,.0f}x |", flush=True)


if __name__ == "__main__":
    main()
