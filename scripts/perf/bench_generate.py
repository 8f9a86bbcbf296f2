#!/usr/bin/env python3
"""Generation speed: `rgym generate` against reasoning-gym 0.1.25, per dataset.

    python3 scripts/perf/bench_generate.py                  # leg_counting, basic_arithmetic
    python3 scripts/perf/bench_generate.py --all            # every registered dataset
    python3 scripts/perf/bench_generate.py word_sorting maze
    python3 scripts/perf/bench_generate.py --count 2000000 leg_counting

Both sides do the same job: items of the default config, seed 1, written as
JSON Lines rows `{"index", "question", "answer", "metadata"}`.

* steady state, like for like: rgym = `rgym generate` of --count items to
  /dev/null (start-up ~1 ms, on all cores), best of --runs; Python = an
  in-process loop `json.dumps` + write to /dev/null for --seconds after
  loading (one core: the library is single-threaded).
* rgym CPU: user + system time of the best run, per item (what it costs in
  core-seconds, whichever way the cores are counted).
* Python `ds[i]` only: the loop without JSON, a harsher baseline.
* whole process: the same N items both sides, each a fresh process, imports
  and start-up included: what a user of either tool waits for. N is --count,
  cut for slow Python datasets to what Python does in about --seconds.

Prints a markdown table. Uses the shipped binary, profile release-lto (built if needed; or the
binary named by RGYM_BIN, as it is) and the
oracle venv made by scripts/vectors/golden.py.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# figlet_font's fonts, where scripts/fetch_figlet_fonts.sh puts them; a value of your own wins.
os.environ.setdefault("RGYM_FIGLET_FONTS_DIR", str(ROOT / "target" / "figlet-fonts"))
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
sys.path.insert(0, str(ROOT / "scripts" / "vectors"))
import golden  # noqa: E402  (size_for: the sizes the reference refuses past)
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
import json, os, sys, time, reasoning_gym
name, limit, rows, size = sys.argv[1], float(sys.argv[2]), sys.argv[3] == "rows", int(sys.argv[4])
ds = reasoning_gym.create_dataset(name, seed=1, size=size)
ds[0]
out = open(os.devnull, "w")
t = time.perf_counter(); n = 0
while time.perf_counter() - t < limit and n < min(2000000, size - 1):
    n += 1
    it = ds[n]
    if rows:
        out.write(json.dumps({"index": n, "question": it["question"], "answer": it["answer"], "metadata": it["metadata"]}, default=str))
        out.write("\\n")
# On a line of its own: a library may print to stdout (BF-it's optimizer prints dots).
print("\\n%r" % (n / (time.perf_counter() - t)))
"""


def timed(cmd, runs):
    """Best wall time of `runs` runs, and the CPU seconds (user + system) of that run."""
    best = (float("inf"), 0.0)
    for _ in range(runs):
        before = os.times()
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - t
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        best = min(best, (wall, cpu))
    return best


def python_rate(py, name, seconds, rows):
    # 10**9 items, or the largest size the reference accepts (golden.py's SIZE_LIMITS).
    size = golden.size_for(name)
    out = subprocess.check_output([py, "-c", PY_STEADY, name, str(seconds), "rows" if rows else "items", str(size)],
                                  stderr=subprocess.DEVNULL)
    return float(out.split()[-1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=20000, help="items per rgym run (and per whole-process run)")
    ap.add_argument("--seconds", type=float, default=2.0, help="Python time budget per steady measurement")
    ap.add_argument("--runs", type=int, default=3, help="rgym runs per figure (best kept)")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("datasets", nargs="*")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT / "scripts" / "lib"))
    import oracle

    oracle.python()  # sets the venv up if need be
    # RGYM_BIN: a saved binary instead of the current build, to measure a
    # before and an after the same way.
    rgym = os.environ.get("RGYM_BIN")
    if rgym is None:
        # The shipped build (Cargo.toml's release-lto, the Dockerfile's).
        subprocess.check_call(["cargo", "build", "--profile", "release-lto", "--quiet", "--bin", "rgym"], cwd=ROOT)
        rgym = ROOT / "target" / "release-lto" / "rgym"
    py = str(VENV / "bin" / "python")
    names = a.datasets or ["leg_counting", "basic_arithmetic"]
    if a.all:
        listed = json.loads(subprocess.check_output([str(rgym), "list", "--json"]))
        names = [d["name"] for d in listed if d["name"] != "composite" and d.get("category") != "rgym"]
    print(f"Machine: {os.cpu_count()} cores; seed 1; default config; rgym --count {a.count}, "
          f"best of {a.runs}; Python {a.seconds} s per steady figure.\n")
    print("| dataset | rgym items/s | rgym CPU µs/item | Python JSON Lines items/s | ratio | "
          "Python `ds[i]` items/s | ratio | whole process (N items): rgym | Python | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in names:
        try:
            wall, cpu = timed([str(rgym), "generate", name, "--seed", "1", "--size", str(a.count)], a.runs)
            rows = python_rate(py, name, a.seconds, rows=True)
            items = python_rate(py, name, a.seconds, rows=False)
            n = max(50, min(a.count, int(rows * a.seconds)))
            rw, _ = timed([str(rgym), "generate", name, "--seed", "1", "--size", str(n)], a.runs)
            pw, _ = timed([py, "-c", PY_WHOLE, name, str(n)], 1)
        except subprocess.CalledProcessError as e:
            print(f"| {name} | failed: {e} | | | | | | | | |", flush=True)
            continue
        r = a.count / wall
        print(f"| {name} | {r:,.0f} | {cpu / a.count * 1e6:.2f} | {rows:,.0f} | {r / rows:,.0f}x | {items:,.0f} | "
              f"{r / items:,.0f}x | {rw:.3f} s | {pw:.2f} s | {pw / rw:,.0f}x ({n:,}) |", flush=True)


if __name__ == "__main__":
    main()
