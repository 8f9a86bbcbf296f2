#!/usr/bin/env python3
"""Plots from the reports `scripts/perf/perf_baseline.sh` leaves in a directory:
throughput and p99 latency against concurrent sessions, for rgym, the Python
reference and the canned-reply ceiling. Needs matplotlib (the oracle venv
has it):

    .venv-oracle/bin/python scripts/perf/perf_plot.py target/perf docs/perf_sessions.png
"""
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

STYLE = {
    "canned": ("canned reply (ceiling)", "tab:gray", "--"),
    "rgym": ("rgym", "tab:orange", "-"),
    "python": ("Python reference", "tab:blue", "-"),
}


def series(d):
    out = {}
    for f in Path(d).glob("load-*.json"):
        _, target, sessions = f.stem.split("-")
        r = json.loads(f.read_text())
        out.setdefault(target, []).append((int(sessions), r["episodes_per_s"], r["latency"]["p99_ms"]))
    return {t: sorted(v) for t, v in out.items()}


def main():
    src, dst = sys.argv[1], sys.argv[2]
    data = series(src)
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4.2))
    for target in ("canned", "rgym", "python"):
        if target not in data:
            continue
        label, color, ls = STYLE[target]
        xs = [p[0] for p in data[target]]
        a.plot(xs, [p[1] for p in data[target]], marker="o", color=color, ls=ls, label=label)
        b.plot(xs, [p[2] for p in data[target]], marker="o", color=color, ls=ls, label=label)
    a.set(xscale="log", yscale="log", xlabel="concurrent sessions",
          ylabel="episodes/s (reset + step)", title="Throughput, leg_counting")
    b.set(xscale="log", yscale="log", xlabel="concurrent sessions",
          ylabel="p99 latency per request (ms)", title="p99 latency, leg_counting")
    for ax in (a, b):
        ax.grid(True, which="both", alpha=0.3)
    handles, labels = a.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=3, frameon=False)
    fig.suptitle("2-core machine, load generator on the same machine (rgym loadtest, 1 thread)", fontsize=9)
    fig.tight_layout(rect=(0, 0.07, 1, 1))
    fig.savefig(dst, dpi=110)


if __name__ == "__main__":
    main()
