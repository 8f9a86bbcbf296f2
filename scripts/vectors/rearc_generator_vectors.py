#!/usr/bin/env python3
"""Write crates/datasets-arc/tests/data/rearc_generators/<part>.json.z: what
each rearc generator ported natively (the `PORTED` table of
crates/datasets-arc/src/rearc/generators/<part>.rs) returns, as
zlib-compressed JSON (`--plain` also writes <part>.json beside it, git-ignored,
to read while porting).

    python3 scripts/vectors/rearc_generator_vectors.py [PART...]   # default: every part

Extra seeds for a rewrite, outside the committed files: REARC_OUT=DIR
REARC_SEED_START=1000 REARC_SEEDS=300 REARC_TASKS=id,id writes DIR/<part>.json.z
for those tasks, and REARC_VECTORS_DIR=DIR REARC_PARTS=<part> cargo test -p
datasets-arc --test rearc_generators replays them.

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
import os
import random
import re
import struct
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402

oracle.reexec()

from reasoning_gym.arc.rearc import RNG_DIFFICULTY_RANGES  # noqa: E402
from reasoning_gym.arc.rearc_utils import generators  # noqa: E402
from reasoning_gym.arc.rearc_utils.utils import get_generators, get_pso_difficulty  # noqa: E402

OUT = Path(os.environ.get("REARC_OUT", ROOT / "crates/datasets-arc/tests/data/rearc_generators"))
SRC = ROOT / "crates/datasets-arc/src/rearc/generators"
SEEDS = int(os.environ.get("REARC_SEEDS", 60))
SEED_START = int(os.environ.get("REARC_SEED_START", 0))
TASKS = set(filter(None, os.environ.get("REARC_TASKS", "").split(",")))
RANGES = list(RNG_DIFFICULTY_RANGES) + [(0.0, 1.0), (0.5, 1.0), (1.0, 1.0)]


def bits(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def rows(g):
    return "/".join("".join(str(v) for v in r) for r in g)


def parts():
    return sorted(p.stem for p in SRC.glob("part*.rs"))


def ported(part):
    text = (SRC / f"{part}.rs").read_text()
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
    args = sys.argv[1:]
    plain = "--plain" in args
    chosen = [a for a in args if a != "--plain"] or parts()
    gens = get_generators(generators)
    OUT.mkdir(parents=True, exist_ok=True)
    for part in chosen:
        out = {}
        for task in ported(part):
            if TASKS and task not in TASKS:
                continue
            seeds = range(SEED_START, SEED_START + SEEDS)
            out[task] = [run(gens[task], seed, *RANGES[seed % len(RANGES)]) for seed in seeds]
        path = OUT / f"{part}.json.z"
        if not out:
            path.unlink(missing_ok=True)
            print(f"{part}: no generators ported" + (" among REARC_TASKS" if TASKS else ""))
            continue
        text = json.dumps(out, separators=(",", ":")) + "\n"
        path.write_bytes(zlib.compress(text.encode(), 9))
        if plain:
            (OUT / f"{part}.json").write_text(text)
        print(f"{part}: {len(out)} generators x {SEEDS} runs -> {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
