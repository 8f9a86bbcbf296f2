#!/usr/bin/env python3
"""Per-generator vectors for gsm_symbolic, from reasoning-gym 0.1.25.

gsm_symbolic is 85 hand-written generators; rgym ports them one by one and
checks each on its own before the dataset is registered (tests/golden then
covers the dataset as a whole). For every generator in `tasks_ok` and seeds
0..SEEDS-1 this writes `generate_<n>(Random(seed), 1.0)` (or the exception it
raises) to tests/vectors/gsm_symbolic.jsonl:

    {"task": n, "seed": s, "question": ..., "answer": ..., "metadata": {...}}
    {"task": n, "seed": s, "error": "Type: message"}

Usage: python3 scripts/vectors/gsm_symbolic.py (re-execs itself in .venv-oracle).
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-oracle"
SEEDS = 24


def main() -> None:
    if Path(sys.prefix).resolve() != VENV.resolve():
        py = subprocess.check_output(
            ["bash", str(ROOT / "scripts/lib/venv.sh"), str(VENV), "import reasoning_gym", "reasoning-gym==0.1.25"],
            text=True,
        ).strip()
        os.execv(py, [py, __file__, *sys.argv[1:]])
    from reasoning_gym.arithmetic.gsm_symbolic import generators_00_49, generators_50_99
    from reasoning_gym.arithmetic.gsm_symbolic.gsm_symbolic import tasks_ok

    rows = []
    for n in tasks_ok:
        module = generators_00_49 if n < 50 else generators_50_99
        gen = getattr(module, f"generate_{n}")
        for seed in range(SEEDS):
            try:
                ex = gen(Random(seed), 1.0)
                row = {"task": n, "seed": seed, **ex}
            except Exception as e:  # noqa: BLE001 - the reference's outcome is the vector
                row = {"task": n, "seed": seed, "error": f"{type(e).__name__}: {e}"}
            rows.append(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    out = ROOT / "tests/vectors/gsm_symbolic.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(rows))
    print(f"{out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
