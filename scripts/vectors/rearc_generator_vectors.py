#!/usr/bin/env python3
"""Write crates/datasets-arc/tests/data/rearc_generators.json: what each
rearc generator ported natively (the `PORTED` table of
crates/datasets-arc/src/rearc/generators.rs) returns.

    python3 scripts/vectors/rearc_generator_vectors.py

Runs itself inside the git-ignored `.venv-oracle`. For each ported task id,
SEEDS runs of `generator(Random(seed), diff_lb, diff_ub)`, the difficulty
range cycling through rearc's seven default ranges, (0, 1), (0.5, 1) and
(1, 1). Each run records the input and output grids (rows of digits joined
by "/"), the difficulties `unifint` appended to `rng.difficulty_samples`, and
one `rng.random()` drawn afterwards, which proves the generator made the same
number of draws, and the example's `get_pso_difficulty`. Floats are kept as
their IEEE-754 bits, so that they compare exactly. A generator that raises records the exception's type instead.
"""
import json
import random
import re
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402

oracle.reexec()

from reasoning_gym.arc.rearc import RNG_DIFFICULTY_RANGES  # noqa: E402
from reasoning_gym.arc.rearc_utils import generators  # noqa: E402
from reasoning_gym.arc.rearc_utils.utils import get_generators, get_pso_difficulty  # noqa: E402

OUT = ROOT / "crates/datasets-arc/tests/data/rearc_generators.json"
SRC = ROOT / "crates/datasets-arc/src/rearc/generators.rs"
SEEDS = 60
RANGES = list(RNG_DIFFICULTY_RANGES) + [(0.0, 1.0), (0.5, 1.0), (1.0, 1.0)]


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def rows(g):
    return "/".join("".join(str(v) for v in r) for r in g)


def ported():
    text = SRC.read_text()
    table = text[text.index("const PORTED"):]
    table = table[:table.index("];")]
    return re.findall(r'\("([0-9a-f]{8})", generate_', table)


def run(gen, seed, lb, ub):
    rng = random.Random(seed)
    try:
        ex = gen(rng, lb, ub)
    except Exception as e:  # the port must fail where Python raises
        return {"seed": seed, "range": [bits(lb), bits(ub)], "error": type(e).__name__}
    return {
        "seed": seed,
        "range": [bits(lb), bits(ub)],
        "input": rows(ex["input"]),
        "output": rows(ex["output"]),
        "samples": [bits(d) for d in getattr(rng, "difficulty_samples", [])],
        "next": bits(rng.random()),
        "pso": bits(get_pso_difficulty(ex)),
    }


def main():
    gens = get_generators(generators)
    out = {}
    for task in ported():
        out[task] = [run(gens[task], seed, *RANGES[seed % len(RANGES)]) for seed in range(SEEDS)]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, separators=(",", ":")) + "\n")
    print(f"{len(out)} generators x {SEEDS} runs -> {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
