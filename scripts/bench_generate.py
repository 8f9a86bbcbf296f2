#!/usr/bin/env python3
"""Generation speed: `rgym generate` against reasoning-gym 0.1.25, per dataset.

    python3 scripts/bench_generate.py                  # leg_counting, basic_arithmetic
    python3 scripts/bench_generate.py --all            # every registered dataset
    python3 scripts/bench_generate.py word_sorting maze

Two figures per side, default config, seed 1:
* whole process: N items as JSON Lines to /dev/null, start-up and imports
  included (`rgym generate` vs `python -c 'import reasoning_gym; ...'`);
* steady state: items/s once loaded (Python: in-process loop for up to
  --seconds; rgym: the whole-process figure, whose start-up is ~1 ms).
Prints a markdown table. Uses the release binary (built if needed) and the
oracle venv made by scripts/golden.py.
"""
import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-oracle"
PY_WHOLE = """
import json, sys, reasoning_gym
name, n = sys.argv[1], int(sys.argv[2])
ds = reasoning_gym.create_dataset(name, seed=1, size=n)
out = sys.stdout
for i in range(n):
    it = ds[i]
    out.write(json.dumps({"index": i, "question": it["question"], "answer": it["answer"], "metadata": it["metadata"]}, default=str))
    out.write("\\n")
"""
PY_STEADY = """
import sys, time, reasoning_gym
name, limit = sys.argv[1], float(sys.argv[2])
ds = reasoning_gym.create_dataset(name, seed=1, size=10**9)
ds[0]
t = time.perf_counter(); n = 0
while time.perf_counter() - t < limit and n < 200000:
    ds[n + 1]; n += 1
print(n / (time.perf_counter() - t))
"""


def timed(cmd, runs=3):
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=20000, help="items per whole-process run")
    ap.add_argument("--seconds", type=float, default=2.0, help="Python steady-state time budget per dataset")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("datasets", nargs="*")
    a = ap.parse_args()
    if not (VENV / "bin" / "python").exists():
        sys.exit("run scripts/golden.py once first: it creates the oracle venv")
    subprocess.check_call(["cargo", "build", "--release", "--quiet", "--bin", "rgym"], cwd=ROOT)
    rgym = ROOT / "target" / "release" / "rgym"
    py = str(VENV / "bin" / "python")
    names = a.datasets or ["leg_counting", "basic_arithmetic"]
    if a.all:
        listed = json.loads(subprocess.check_output([str(rgym), "list", "--json"]))
        names = [d["name"] for d in listed if d["name"] != "composite" and d.get("category") != "rgym"]
    print(f"Machine: {subprocess.check_output(['nproc']).decode().strip()} cores; seed 1; default config.\n")
    print("| dataset | rgym items/s | reasoning-gym items/s (steady) | ratio | whole process, rgym | whole process, Python | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name in names:
        try:
            tr = timed([str(rgym), "generate", name, "--seed", "1", "--size", str(a.count)])
            steady = float(subprocess.check_output([py, "-c", PY_STEADY, name, str(a.seconds)], stderr=subprocess.DEVNULL))
            pyn = max(50, min(a.count, int(steady * a.seconds)))
            tp = timed([py, "-c", PY_WHOLE, name, str(pyn)], runs=1)
        except subprocess.CalledProcessError as e:
            print(f"| {name} | failed: {e} | | | | | |", flush=True)
            continue
        r = a.count / tr
        print(f"| {name} | {r:,.0f} | {steady:,.0f} | {r / steady:,.0f}x | {a.count} in {tr:.3f} s | {pyn} in {tp:.2f} s | "
              f"{r / (pyn / tp):,.0f}x |", flush=True)


if __name__ == "__main__":
    main()
