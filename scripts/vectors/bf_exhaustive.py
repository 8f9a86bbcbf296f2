#!/usr/bin/env python3
"""Prove `bf` exhaustively: every program its three templates can produce, compiled
by the reference and by rgym, must be the same Brainf*ck, byte for byte.

    python3 scripts/vectors/bf_exhaustive.py                 # everything (~190k programs)
    python3 scripts/vectors/bf_exhaustive.py --every 50      # every 50th program of each template
    python3 scripts/vectors/bf_exhaustive.py --write-slice   # the CI slice (see below)

How it works. The reference's own `BFDataset.generate_bfit_code` renders each
program, fed by a stub RNG that returns chosen draws instead of random ones:
difficulty 1 is every wordle word; difficulty 2 every (x, y, k, c) in the
template's ranges, difficulty 3 every (x, y, k, c, r), each kept once per
distinct program text. The reference compiles each with
`Compiler.compile(code, optimize_code=True)` (as `compile_bfit_code_to_bf`),
in a pool of `--jobs` processes. rgym's side is the example binary
`crates/datasets-code/examples/bf_compile.rs` (built here with cargo, release),
which reads the templates' parameters (`1 word`, `2 target x y`,
`3 target x y conditional`) and prints, per program, rgym's rendered code, its
compiled Brainf*ck and the answer its bfi port computes. Compared:

* the rendered program text (rgym's `print_program` / `loop_program` against
  the reference's f-strings);
* the compiled Brainf*ck (rgym's `bfit` against BF-it);
* the answer: running the reference's `bfi` on a loop program takes seconds,
  so the answer is checked against what the template means on bfi's 8-bit cells
  (`acc` and the constants mod 256, `<`/`>` unsigned, `printint` in decimal;
  difficulty 1 prints its word), and that model is itself checked against the
  reference's `bfi.interpret` on `--bfi-checks` programs of each loop
  template (random, fixed seed). Where the model's loop never ends (`acc`
  wraps past 255 back under `target`; the reference hangs on such an item),
  rgym must say so too (`Template::never_ends`, answer null) and refuses the
  item; such programs are counted apart (their Brainf*ck is still compared).

`--write-slice` writes `crates/datasets-code/tests/data/bf_slice.txt.zz`
(zlib): a bounded slice (every 5th word, every loop-2 program, every 60th
loop-3 program), one line each `difficulty params... fnv64 answer` (answer `-` where the
program never ends) where
fnv64 is the FNV-1a 64 hash (hex) of the reference's Brainf*ck;
`crates/datasets-code/tests/bf_slice.rs` replays it under `cargo test`.
The slice's answers are the checked model's.

Prints counts per template; exit 1 on any mismatch.
"""
import argparse
import contextlib
import io
import json
import multiprocessing
import random
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SLICE = ROOT / "crates" / "datasets-code" / "tests" / "data" / "bf_slice.txt.zz"
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402  (scripts/lib is not a package)


class StubRng:
    """Returns the given draws, in order, checking each is one the real draw could make."""

    def __init__(self, draws):
        self.draws = list(draws)

    def randint(self, a, b):
        v = self.draws.pop(0)
        assert a <= v <= b, (a, b, v)
        return v

    def choice(self, seq):
        v = self.draws.pop(0)
        assert v in seq
        return v


def programs():
    """(difficulty, rgym params, reference code) for every distinct program, in a fixed order."""
    from reasoning_gym.code.bf import BFConfig, BFDataset
    from reasoning_gym.data.wordle_words import wordle_words

    ds = BFDataset(BFConfig(seed=0, size=1))

    def render(difficulty, draws):
        rng = StubRng(draws)
        code = ds.generate_bfit_code(difficulty, rng)
        assert not rng.draws
        return code

    out = {1: [], 2: [], 3: []}
    for word in wordle_words:
        out[1].append((1, (word,), render(1, [word])))
    seen = set()
    for x in range(1, 5):
        for y in range(1, 6):
            for k in range(1, 10):
                for c in range(1, 10):
                    target = x * y * k + c
                    if (target, x, y) not in seen:
                        seen.add((target, x, y))
                        out[2].append((2, (target, x, y), render(2, [x, y, k, c])))
    seen = set()
    for x in range(1, 8):
        for y in range(1, 10):
            for k in range(1, 10):
                for c in range(1, 10):
                    target = x * y * k + c + 50
                    for r in range(1, 41):
                        key = (target, x, y, target - r)
                        if key not in seen:
                            seen.add(key)
                            out[3].append((3, key, render(3, [x, y, k, c, r])))
    return out


def reference_compile(code):
    from reasoning_gym.code.contrib.bfit.Compiler import Compiler

    # BF-it's optimizer prints a dot per pass.
    with contextlib.redirect_stdout(io.StringIO()):
        return Compiler.compile(code, optimize_code=True)


def model_answer(difficulty, params):
    """What the template's program prints on bfi's 8-bit cells; None if it never ends."""
    if difficulty == 1:
        return params[0]
    target, x, y = (p % 256 for p in params[:3])
    conditional = params[3] % 256 if difficulty == 3 else None
    acc = 0
    for _ in range(257):  # the state is acc, one byte: past 256 passes it cycles
        if not acc < target:
            return str(acc)
        acc = (acc + x) % 256
        if conditional is None or acc > conditional:
            acc = (acc + y) % 256
    return None


def fnv64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("latin-1"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


def rgym_outputs(chosen):
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "datasets-code", "--example", "bf_compile"],
                   cwd=ROOT, check=True)
    with tempfile.TemporaryFile("w+") as f:
        for difficulty, params, _ in chosen:
            f.write(" ".join(str(p) for p in (difficulty, *params)) + "\n")
        f.seek(0)
        proc = subprocess.Popen([str(ROOT / "target" / "release" / "examples" / "bf_compile")], stdin=f,
                                stdout=subprocess.PIPE, text=True)
        for line in proc.stdout:
            yield json.loads(line)
        if proc.wait() != 0:
            raise SystemExit("bf_compile failed")


def reference_bfi(program):
    import bfi

    return bfi.interpret(program, buffer_output=True)


def main():
    oracle.reexec()
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--every", type=int, default=1, help="check every n-th program of each template")
    ap.add_argument("--jobs", type=int, default=2, help="reference compiler processes")
    ap.add_argument("--bfi-checks", type=int, default=10,
                    help="loop programs per template whose model answer is checked against the reference's bfi")
    ap.add_argument("--write-slice", action="store_true")
    args = ap.parse_args()

    every = programs()
    if args.write_slice:
        chosen = every[1][::5] + every[2] + every[3][::60]
    else:
        chosen = [p for d in (1, 2, 3) for p in every[d][:: args.every]]
    print({d: len(v) for d, v in every.items()}, "distinct programs;", len(chosen), "chosen", flush=True)

    # The model against the reference interpreter.
    rnd = random.Random(20)
    for d in (2, 3):
        ending = [p for p in every[d] if model_answer(p[0], p[1]) is not None]
        for difficulty, params, code in rnd.sample(ending, args.bfi_checks):
            got = reference_bfi(reference_compile(code))
            if got != model_answer(difficulty, params):
                raise SystemExit(f"model differs from bfi on {params}: bfi {got!r}")
    print(f"model = reference bfi on {args.bfi_checks} programs of each loop template", flush=True)

    counts = {d: [0, 0, 0] for d in (1, 2, 3)}
    mismatches = []
    slice_lines = []
    with multiprocessing.Pool(args.jobs) as pool:
        reference = pool.imap(reference_compile, (code for _, _, code in chosen), chunksize=64)
        for n, ((difficulty, params, code), ref_bf, (r_code, r_bf, r_answer)) in enumerate(
                zip(chosen, reference, rgym_outputs(chosen))):
            answer = model_answer(difficulty, params)
            ok = r_code == code and r_bf == ref_bf and r_answer == answer
            counts[difficulty][0 if ok else 1] += 1
            if answer is None:
                counts[difficulty][2] += 1
            if not ok and len(mismatches) < 5:
                mismatches.append((params, code == r_code, ref_bf == r_bf, answer, r_answer))
            if args.write_slice:
                slice_lines.append(" ".join(str(p) for p in (difficulty, *params, fnv64(ref_bf),
                                                            "-" if answer is None else answer)))
            if (n + 1) % 10000 == 0:
                print(f"  {n + 1} programs", flush=True)
    for d, (good, bad, endless) in counts.items():
        print(f"difficulty {d}: {good} identical, {bad} mismatches ({endless} programs that never end, "
              f"refused by rgym as the reference hangs on them)")
    for m in mismatches:
        print("MISMATCH", m)
    if args.write_slice and not mismatches:
        SLICE.parent.mkdir(parents=True, exist_ok=True)
        SLICE.write_bytes(zlib.compress(("\n".join(slice_lines) + "\n").encode(), 9))
        print(f"wrote {SLICE.relative_to(ROOT)}: {len(slice_lines)} programs, {SLICE.stat().st_size} bytes")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
