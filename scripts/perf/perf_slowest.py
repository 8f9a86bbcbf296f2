#!/usr/bin/env python3
"""Prints the ported dataset whose items take rgym longest to generate:
per-item time of `rgym generate` with its start-up (dataset construction,
word lists) subtracted, default config. Standard library only.

    python3 scripts/perf/perf_slowest.py target/release/rgym [--top 5]
"""
import argparse
import json
import subprocess
import sys
import time

N = 2000


def run(rgym, name, size, timeout):
    t = time.perf_counter()
    subprocess.run([rgym, "generate", name, "--seed", "1", "--size", str(size)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    return time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rgym")
    ap.add_argument("--top", type=int, default=0, help="also list the N slowest on stderr")
    a = ap.parse_args()
    names = [d["name"] for d in json.loads(subprocess.check_output([a.rgym, "list", "--json"]))]
    costs = []
    for n in names:
        if n == "composite":
            continue
        try:
            base = min(run(a.rgym, n, 1, 60) for _ in range(2))
            full = min(run(a.rgym, n, N + 1, 120) for _ in range(2))
        except subprocess.TimeoutExpired:
            costs.append((float("inf"), n))
            continue
        except subprocess.CalledProcessError:
            continue
        costs.append((max(full - base, 0.0) / N, n))
    costs.sort(reverse=True)
    for c, n in costs[: a.top]:
        print(f"{n}: {c * 1e6:.0f} us/item", file=sys.stderr)
    print(costs[0][1] if costs else "leg_counting")


if __name__ == "__main__":
    main()
