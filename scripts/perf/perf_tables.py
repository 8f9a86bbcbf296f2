#!/usr/bin/env python3
"""Markdown tables from the JSON reports `scripts/perf/perf_baseline.sh` leaves in
a directory (one `rgym loadtest --json` report per file, named
MODE-TARGET-SESSIONS.json). Standard library only.

    python3 scripts/perf/perf_tables.py target/perf
"""
import argparse
import json
from pathlib import Path

ORDER = {"canned": 0, "rgym": 1, "python": 2}
LABEL = {"canned": "canned (ceiling)", "rgym": "rgym", "python": "Python reference"}

# The targets of issue 6, checked against the run.
CPU_TARGET = 0.06  # server CPU-s per 1000 episodes, leg_counting, 64 sessions
CEILING_TARGET = 0.85
P99_TARGET = {64: 5.0, 256: 20.0}
IDLE_KIB_TARGET = 16.0
IDLE_SESSIONS_TARGET = 20000
CHURN_TARGET = 5000.0
SLOW_RATIO_TARGET = 100.0  # sudoku (or the slowest ported dataset) @64, vs Python


def load(d):
    runs = {}
    for f in sorted(Path(d).glob("*.json")):
        try:
            r = json.loads(f.read_text())
        except ValueError:
            continue
        runs[f.stem] = r
    return runs


def split(name):
    parts = name.split("-")
    return parts[0], parts[1], int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else None


def f(v, nd=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:,.{nd}f}"
    return f"{v:,}"


def errs(r):
    e = r.get("errors") or {}
    return ", ".join(f"{k} {v}" for k, v in e.items()) or "0"


def srv(r, key, nd=3):
    s = r.get("server") or {}
    return f(s.get(key), nd) if s.get(key) is not None else "–"


def load_table(runs, prefix):
    rows = [(split(n), r) for n, r in runs.items() if n.startswith(prefix + "-")]
    rows.sort(key=lambda x: (x[0][2] or 0, ORDER.get(x[0][1], 9)))
    ceiling = {s: r["episodes_per_s"] for (m, t, s), r in rows if t == "canned"}
    out = [
        "| sessions | server | episodes/s | % of ceiling | p50 ms | p90 ms | p99 ms | max ms "
        "| server CPU-s / 1000 ep | server cores | RSS MiB | load-gen CPU-s | machine busy | errors |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for (m, t, s), r in rows:
        lat = r["latency"]
        c = ceiling.get(s)
        pct = f"{100 * r['episodes_per_s'] / c:.0f}%" if c and t != "canned" else ("100%" if t == "canned" else "–")
        rss = (r.get("server") or {}).get("rss_kib_end")
        out.append(
            f"| {s} | {LABEL.get(t, t)} | {f(r['episodes_per_s'])} | {pct} | {lat['p50_ms']:.2f} | "
            f"{lat['p90_ms']:.2f} | {lat['p99_ms']:.2f} | {lat['max_ms']:.1f} | "
            f"{srv(r, 'cpu_s_per_1000_episodes', 3)} | {srv(r, 'cores', 2)} | "
            f"{f(rss / 1024 if rss else None, 0)} | {r['client_cpu_s']:.1f} | {r['machine_busy_pct']:.0f}% | {errs(r)} |"
        )
    return "\n".join(out)


def churn_table(runs):
    rows = [(split(n), r) for n, r in runs.items() if n.startswith("churn-")]
    rows.sort(key=lambda x: ORDER.get(x[0][1], 9))
    out = [
        "| server | cycles/s | cycle p50 ms | p90 ms | p99 ms | max ms | server CPU-s / 1000 cycles | server cores | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for (m, t, s), r in rows:
        lat = r["latency"]
        out.append(
            f"| {LABEL.get(t, t)} | {f(r['episodes_per_s'])} | {lat['p50_ms']:.2f} | {lat['p90_ms']:.2f} | "
            f"{lat['p99_ms']:.2f} | {lat['max_ms']:.1f} | {srv(r, 'cpu_s_per_1000_episodes', 3)} | "
            f"{srv(r, 'cores', 2)} | {errs(r)} |"
        )
    return "\n".join(out)


def idle_table(runs):
    rows = [(split(n), r) for n, r in runs.items() if n.startswith("idle-")]
    rows.sort(key=lambda x: ORDER.get(x[0][1], 9))
    out = [
        "| server | sessions | opened | alive after hold | open time s | server RSS before MiB "
        "| held MiB | KiB / session | server threads | server CPU while idle | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for (m, t, s), r in rows:
        i = r.get("idle") or {}
        sv = r.get("server") or {}
        b, h = i.get("server_rss_kib_before"), i.get("server_rss_kib_held")
        out.append(
            f"| {LABEL.get(t, t)} | {f(i.get('requested'))} | {f(i.get('opened'))} | {f(i.get('alive_after_hold'))} | "
            f"{f(i.get('open_s'))} | {f(b / 1024 if b else None)} | {f(h / 1024 if h else None)} | "
            f"{f(i.get('server_rss_kib_per_session'))} | {f(sv.get('threads_end'))} | "
            f"{f(sv.get('cores'), 3)} cores | {errs(r)} |"
        )
    return "\n".join(out)


def verdict(ok):
    return "met" if ok else "**missed**"


def targets_table(runs, slow=None):
    out = ["| target | measured | verdict |", "|---|---|---|"]
    r64, c64 = runs.get("load-rgym-64"), runs.get("load-canned-64")
    if r64:
        cpu = (r64.get("server") or {}).get("cpu_s_per_1000_episodes")
        if cpu is not None:
            out.append(f"| leg_counting @64: ≤ {CPU_TARGET} server CPU-s / 1000 episodes | {cpu:.3f} | {verdict(cpu <= CPU_TARGET)} |")
        if c64:
            pct = r64["episodes_per_s"] / c64["episodes_per_s"]
            out.append(
                f"| leg_counting @64: ≥ {CEILING_TARGET:.0%} of the canned ceiling | "
                f"{pct:.0%} ({r64['episodes_per_s']:,.0f} of {c64['episodes_per_s']:,.0f} episodes/s) | {verdict(pct >= CEILING_TARGET)} |"
            )
    for s, lim in P99_TARGET.items():
        r = runs.get(f"load-rgym-{s}")
        if r:
            p = r["latency"]["p99_ms"]
            out.append(f"| p99 ≤ {lim:g} ms @{s} sessions | {p:.2f} ms | {verdict(p <= lim)} |")
    idle = next((r for n, r in runs.items() if n.startswith("idle-rgym-")), None)
    if idle:
        i = idle.get("idle") or {}
        kib = i.get("server_rss_kib_per_session")
        if kib is not None:
            out.append(f"| idle: ≤ {IDLE_KIB_TARGET:g} KiB RSS per session | {kib:.1f} KiB | {verdict(kib <= IDLE_KIB_TARGET)} |")
        alive = i.get("alive_after_hold", 0)
        out.append(
            f"| idle: {IDLE_SESSIONS_TARGET:,} sessions held | {alive:,} of {i.get('requested', 0):,} alive after the hold | "
            f"{verdict(alive >= IDLE_SESSIONS_TARGET)} |"
        )
    ch = runs.get("churn-rgym")
    if ch:
        cc = runs.get("churn-canned")
        ceiling = f" (canned ceiling {cc['episodes_per_s']:,.0f})" if cc else ""
        out.append(
            f"| churn ≥ {CHURN_TARGET:,.0f} cycles/s | {ch['episodes_per_s']:,.0f}{ceiling} | "
            f"{verdict(ch['episodes_per_s'] >= CHURN_TARGET)} |"
        )
    sr, sp = runs.get("slow-rgym-64"), runs.get("slow-python-64")
    if sr and sp and sp["episodes_per_s"]:
        ratio = sr["episodes_per_s"] / sp["episodes_per_s"]
        out.append(
            f"| {slow or 'slowest dataset'} @64: ≥ {SLOW_RATIO_TARGET:g}× Python's episodes/s | "
            f"{ratio:,.0f}× ({sr['episodes_per_s']:,.0f} vs {sp['episodes_per_s']:,.1f}) | "
            f"{verdict(ratio >= SLOW_RATIO_TARGET)} |"
        )
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--duration")
    ap.add_argument("--warmup")
    ap.add_argument("--size")
    ap.add_argument("--churn-sessions")
    ap.add_argument("--slow", default=None)
    a = ap.parse_args()
    runs = load(a.dir)
    meta = Path(a.dir) / "meta.txt"
    if meta.exists():
        kv = dict(line.split(": ", 1) for line in meta.read_text().splitlines() if ": " in line)
        print(f"Run of {kv.get('started', '?')} at commit {kv.get('commit', '?')} "
              f"({kv.get('uncommitted files', '?')} files modified), {kv.get('cores', '?')} cores, "
              f"load average before the run {kv.get('load average', '?')}.\n")
    win = f"{a.duration} s measured after {a.warmup} s warm-up" if a.duration else "see the reports"
    print(f"### Targets\n\n{targets_table(runs, a.slow)}\n")
    print(f"### Load: leg_counting, reset → step loop ({win}; size {a.size}, seed 42 + session)\n")
    print(load_table(runs, "load") + "\n")
    print(f"### Churn: connect → reset → step → close ({a.churn_sessions} concurrent clients)\n")
    print(churn_table(runs) + "\n")
    if any(n.startswith("slow-") for n in runs):
        print(f"### {a.slow}, reset → step loop (64 sessions)\n")
        print(load_table(runs, "slow") + "\n")
    print("### Idle sessions (connect + one reset each, then held)\n")
    print(idle_table(runs))


if __name__ == "__main__":
    main()
