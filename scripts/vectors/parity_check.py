#!/usr/bin/env python3
"""Spot-check parity on random seeds and indices never in the golden files.

    python3 scripts/vectors/parity_check.py [--rounds 5] [--items 3] [dataset ...]

For each dataset (default config; default: every registered reasoning-gym
dataset whose reference is deterministic), draws random seeds (small, 64-bit,
negative) and start indices, runs `rgym generate` and compares question, answer
and metadata with reasoning-gym (as Python compares them after a JSON round
trip). Then scores a few answers through `rgym score` and compares with the
reference scorer. Exit 1 on any mismatch. Runs in the oracle venv.
"""
import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-oracle"


def main():
    sys.path.insert(0, str(ROOT / "scripts" / "lib"))
    import oracle

    oracle.reexec()
    import reasoning_gym

    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--items", type=int, default=3)
    ap.add_argument("--rgym", default=str(ROOT / "target" / "debug" / "rgym"))
    ap.add_argument("datasets", nargs="*")
    a = ap.parse_args()
    listed = json.loads(subprocess.check_output([a.rgym, "list", "--json"]))
    golden = ROOT / "tests" / "golden"
    names = a.datasets or [d["name"] for d in listed if d["name"] != "composite" and (golden / f"{d['name']}.jsonl").exists()
                           and json.loads((golden / f"{d['name']}.jsonl").open().readline())["deterministic"]]
    rnd = random.Random(os.environ.get("PARITY_SEED", "parity"))
    bad = 0
    for name in names:
        for _ in range(a.rounds):
            seed = rnd.choice([rnd.randrange(10**6), rnd.randrange(2**63), -rnd.randrange(10**9)])
            start = rnd.choice([0, rnd.randrange(10**4), rnd.randrange(10**12)])
            size = start + a.items
            try:
                ds = reasoning_gym.create_dataset(name, seed=seed, size=size)
                want = [ds[i] for i in range(start, size)]
            except Exception as e:  # noqa: BLE001
                want = e
            proc = subprocess.run([a.rgym, "generate", name, "--seed", str(seed), "--size", str(size), "--start", str(start)],
                                  capture_output=True, text=True)
            if isinstance(want, Exception):
                if proc.returncode == 0:
                    print(f"MISMATCH {name} seed={seed} start={start}: reference raised {want!r}, rgym generated")
                    bad += 1
                continue
            if proc.returncode != 0:
                print(f"MISMATCH {name} seed={seed} start={start}: rgym failed: {proc.stderr.strip()}")
                bad += 1
                continue
            got = [json.loads(l) for l in proc.stdout.splitlines()]
            for w, g in zip(want, got):
                wj = json.loads(json.dumps({"q": w["question"], "a": w["answer"], "m": w["metadata"]}, default=str))
                if (wj["q"], wj["a"], wj["m"]) != (g["question"], g["answer"], g["metadata"]):
                    which = [k for k, x, y in [("question", wj["q"], g["question"]), ("answer", wj["a"], g["answer"]),
                                               ("metadata", wj["m"], g["metadata"])] if x != y]
                    print(f"MISMATCH {name} seed={seed} index={g['index']}: {which}")
                    bad += 1
            answers = []
            for w, g in zip(want, got):
                if isinstance(w["answer"], str):
                    for ans in [w["answer"], w["answer"] + " ", w["answer"][:-1], "0", None]:
                        answers.append((g["index"], ans, w))
            lines = "".join(json.dumps({"index": i, "answer": ans}) + "\n" for i, ans, _ in answers)
            proc = subprocess.run([a.rgym, "score", name, "--seed", str(seed), "--size", str(size)], input=lines,
                                  capture_output=True, text=True)
            scores = [json.loads(l)["score"] for l in proc.stdout.splitlines()]
            for (i, ans, w), s in zip(answers, scores):
                try:
                    ref = float(ds.score_answer(ans, w))
                except Exception:  # noqa: BLE001
                    ref = 0.0
                if abs(ref - s) > 1e-9:
                    print(f"MISMATCH {name} seed={seed} index={i} answer={ans!r}: score {s} vs {ref}")
                    bad += 1
        print(f"{name}: done", flush=True)
    print(f"{bad} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
