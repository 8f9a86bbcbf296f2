#!/usr/bin/env python3
"""Differential check of rgym against reasoning-gym 0.1.25 on draws never in the golden files.

    python3 scripts/vectors/parity_check.py [--rounds 5] [--items 3] [dataset ...]
    python3 scripts/vectors/parity_check.py --random-configs [--draws 200] [dataset ...]

Default mode: for each dataset (default: every registered reasoning-gym dataset
whose reference is deterministic), the default config on random seeds (small,
64-bit, negative) and start indices.

`--random-configs`: `--draws` random (config, seed, index) draws per dataset.
A config is, at random, the reference curriculum's configuration at a random
level of each attribute under a random range mode (inclusive, upper bound, last
k), one of the dataset's golden configs, or the default; seeds are small,
negative, beyond 2^32 or 64-bit; indices are 0, small or up to 10^12. Where the
reference refuses the config, rgym must refuse it too.

Both modes run `rgym generate` and compare question, answer and metadata with
the reference's items (as Python compares them after a JSON round trip), then
score a spread of answers through `rgym score` (as scripts/vectors/golden.py
makes them, with the dataset's extra candidates built from the metadata)
and compare with the reference scorer. For a dataset whose reference depends on
the hash seed (its golden header says `"deterministic": false`), only the parts
the header lists as `"stable"` are compared, and the reference must score
rgym's own answer 1.0 on rgym's item. Prints per-dataset counts; exit 1 on any
mismatch. Runs in the oracle venv (`PARITY_SEED` fixes the draws).

A dataset whose golden file says the reference is not deterministic (its
output changes with PYTHONHASHSEED) is checked semantically: only the parts
the golden file lists as stable are compared, the reference's scorer must
score rgym's own answers 1.0, and both scorers must agree on the spread of
answers built from rgym's items. A config rgym refuses by a documented limit
of its own (a message saying "in rgym:") is counted, not compared.
"""
import argparse
import copy
import dataclasses
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
# figlet_font's fonts for the rgym runs, where .cargo/config.toml points cargo
# (scripts/fetch_figlet_fonts.sh puts them there); a value of your own wins.
os.environ.setdefault("RGYM_FIGLET_FONTS_DIR", str(ROOT / "target" / "figlet-fonts"))


def wire(obj):
    return json.loads(json.dumps(obj, default=str))


def reference_items(name, cfg, seed, start, count):
    import reasoning_gym

    import golden

    ds = reasoning_gym.create_dataset(name, seed=seed, size=start + count, **golden.reference_kwargs(name, cfg))
    return ds, [ds[i] for i in range(start, start + count)]


def rgym(a, verb, name, cfg, seed, size, start=None, count=None, stdin=None):
    cmd = [a.rgym, verb, name, "--seed", str(seed), "--size", str(size), "--config", json.dumps(cfg)]
    if start is not None:
        cmd += ["--start", str(start), "--count", str(count)]
    try:
        return subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=a.timeout)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(cmd, -1, "", f"rgym took over {a.timeout} s")


class TooSlow(BaseException):
    """The reference's time is up. A BaseException, so that a reference that
    retries on `except Exception` (knight_swap's board loop does) cannot
    swallow it and go on to make another item, which read as a mismatch."""


def on_alarm(signum, frame):
    raise TooSlow()


def spread_for(name, item, other):
    import golden

    if isinstance(item["answer"], str):
        return golden.string_answer_spread(name, item, other["answer"] if isinstance(other["answer"], str) else "")
    if item["answer"] is None:
        return golden.none_answer_spread(name, item, other)
    return []


class Tally:
    def __init__(self):
        self.draws = self.items = self.scores = self.refused = self.slow = self.bad = 0
        # Configs the reference takes and rgym refuses by a documented limit
        # of its own (the message says "in rgym:"); reported, not compared.
        self.limited = 0

    def mismatch(self, msg):
        print("MISMATCH", msg, flush=True)
        self.bad += 1


def check(a, t, name, cfg, seed, start, count):
    """One draw: the reference's items against rgym's, then their scores."""
    t.draws += 1
    where = f"{name} config={json.dumps(cfg)} seed={seed} start={start}"
    signal.alarm(a.timeout)
    try:
        ds, want = reference_items(name, cfg, seed, start, count + 1)
    except TooSlow:
        # The reference runs away on this config (rgym's item-size rule may
        # refuse it, or rgym may simply be faster): nothing to compare.
        t.slow += 1
        return
    except Exception as e:  # noqa: BLE001 - any refusal of the reference
        # rgym gets its own time limit, and the same count + 1 items the
        # reference was asked for (the last one may be the one it refused).
        signal.alarm(0)
        proc = rgym(a, "generate", name, cfg, seed, start + count + 1, start, count + 1)
        if proc.returncode == 0:
            t.mismatch(f"{where}: reference raised {e!r}, rgym generated")
        else:
            t.refused += 1
        return
    finally:
        signal.alarm(0)
    proc = rgym(a, "generate", name, cfg, seed, start + count + 1, start, count + 1)
    if proc.returncode != 0 and " in rgym: " in proc.stderr:
        t.limited += 1
        return
    if proc.returncode != 0:
        t.mismatch(f"{where}: rgym failed: {proc.stderr.strip()[:300]}")
        return
    got = [json.loads(line) for line in proc.stdout.splitlines()]
    if len(got) != count + 1:
        t.mismatch(f"{where}: rgym wrote {len(got)} items, not {count + 1}")
        return
    semantic = {g["index"] for g in got if semantic_item(name, ds, g["index"])}
    stable = stable_parts(name)
    for w, g in zip(want[:count], got):
        t.items += 1
        if g["index"] in semantic:
            continue
        wj = wire({"question": w["question"], "answer": w["answer"], "metadata": w["metadata"]})
        if stable is None:
            differ = [k for k in ("question", "answer", "metadata") if wj[k] != g[k]]
        else:
            import golden

            mine = golden.field_paths(g)
            differ = [k for k, v in golden.field_paths(wj).items() if k in stable and mine.get(k) != v]
        if differ:
            t.mismatch(f"{where} index={g['index']}: {differ}")
    answers = []
    if stable is None:
        for w, nxt, g in zip(want, want[1:], got):
            # A semantic item's spread comes from rgym's item, scored by the reference against it.
            w = g if g["index"] in semantic else w
            answers += [(g["index"], ans, w) for ans in spread_for(name, w, nxt)]
    else:
        # A reference that changes with the hash seed: its scorer judges
        # rgym's own items (rgym's answer must score 1.0), and both scorers
        # must agree on the spread of answers built from them.
        for g, nxt in zip(got, got[1:]):
            answers += [(g["index"], ans, g) for ans in spread_for(name, g, nxt)]
            try:
                own = float(ds.score_answer(g["answer"], copy.deepcopy(g)))
            except Exception:  # noqa: BLE001 - a raising reference scorer counts as 0.0
                own = 0.0
            if own != 1.0:
                t.mismatch(f"{where} index={g['index']}: the reference scores rgym's answer {own}")
    lines = "".join(json.dumps({"index": i, "answer": ans}) + "\n" for i, ans, _ in answers)
    proc = rgym(a, "score", name, cfg, seed, start + count + 1, stdin=lines)
    scores = [json.loads(line)["score"] for line in proc.stdout.splitlines()]
    if len(scores) != len(answers):
        t.mismatch(f"{where}: rgym scored {len(scores)} of {len(answers)} answers: {proc.stderr.strip()[:300]}")
        return
    for (i, ans, w), s in zip(answers, scores):
        t.scores += 1
        try:
            ref = float(ds.score_answer(ans, copy.deepcopy(w)))
        except Exception:  # noqa: BLE001 - a raising reference scorer counts as 0.0
            ref = 0.0
        if abs(ref - s) > 1e-9:
            t.mismatch(f"{where} index={i} answer={ans!r}: rgym scores {s}, reference {ref}")


def stable_parts(name):
    """None for a deterministic reference, or one whose varying items are
    known one by one (`golden.PER_ROW_EXACT`, see `semantic_item`); else the
    parts its golden file found stable across hash seeds (the rest is rgym's
    documented order)."""
    import golden

    path = GOLDEN / f"{name}.jsonl"
    if not path.exists() or name in golden.PER_ROW_EXACT:
        return None
    header = json.loads(path.open().readline())
    return None if header.get("deterministic", True) else set(header.get("stable", []))


def random_seed(rnd):
    return rnd.choice([rnd.randrange(10**6), -rnd.randrange(1, 10**9), 2**32 + rnd.randrange(10**6), rnd.randrange(2**63)])


# Datasets whose reference builds O(size) state up front (a list of `size`
# task draws): rgym refuses sizes past the item-size rule, and the reference
# would exhaust memory, so starts stay below.
SIZE_CAP = {"list_functions": 2**22}


def random_start(rnd, name=None):
    cap = SIZE_CAP.get(name)
    if cap:
        return rnd.choice([0, rnd.randrange(1000), rnd.randrange(cap - 100)])
    return rnd.choice([0, rnd.randrange(1000), rnd.randrange(10**12)])


def semantic_item(name, ds, idx):
    """Items the reference makes from unseeded global state (list_functions'
    generator 14): compared by the reference scoring rgym's item, not exactly."""
    return name == "list_functions" and ds.task_indices[idx] == 14


def curriculum_config(name, rnd):
    """The curriculum's configuration at random levels and a random range mode, as
    the fields that differ from the dataclass defaults."""
    from reasoning_gym.coaching.base_curriculum import DefaultCurriculumContext, RangeAttributeMode
    from reasoning_gym.factory import DATASETS, create_curriculum

    cur = create_curriculum(name)
    for attr_name, attr in cur.attributes.items():
        cur.set_attr_level(attr_name, rnd.randrange(len(attr.levels)))
    mode = rnd.choice(list(RangeAttributeMode))
    ctx = DefaultCurriculumContext(mode=mode, k=rnd.choice([None, 1, 2, 3]))
    cfg = cur.generate_configuration({"seed": 0, "size": 1}, context=ctx)
    default = DATASETS[name][1]()
    out = {}
    for f in dataclasses.fields(cfg):
        if f.name in ("seed", "size"):
            continue
        v = getattr(cfg, f.name)
        if v != getattr(default, f.name):
            out[f.name] = wire(v)
    return out


def random_config(name, rnd, golden_configs):
    from reasoning_gym.factory import has_curriculum

    pick = rnd.random()
    if pick < 0.6 and has_curriculum(name):
        return curriculum_config(name, rnd)
    if pick < 0.9 and golden_configs:
        return rnd.choice(golden_configs)
    return {}


def main():
    sys.path.insert(0, str(ROOT / "scripts" / "lib"))
    sys.path.insert(0, str(ROOT / "scripts" / "vectors"))
    import oracle

    oracle.reexec()
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5, help="default mode: seeds per dataset")
    ap.add_argument("--items", type=int, default=3, help="items per draw")
    ap.add_argument("--random-configs", action="store_true")
    ap.add_argument("--draws", type=int, default=200, help="--random-configs: draws per dataset")
    ap.add_argument("--timeout", type=int, default=60, help="seconds for the reference's or rgym's items of one draw")
    ap.add_argument("--rgym", default=str(ROOT / "target" / "debug" / "rgym"))
    ap.add_argument("datasets", nargs="*")
    a = ap.parse_args()
    signal.signal(signal.SIGALRM, on_alarm)
    listed = json.loads(subprocess.check_output([a.rgym, "list", "--json"]))

    def deterministic(n):
        path = GOLDEN / f"{n}.jsonl"
        return path.exists() and json.loads(path.open().readline())["deterministic"]

    names = a.datasets or [d["name"] for d in listed if d["name"] != "composite" and deterministic(d["name"])]
    rnd = random.Random(os.environ.get("PARITY_SEED", "parity"))
    total = 0
    for name in names:
        t = Tally()
        if a.random_configs:
            path = GOLDEN / "configs" / f"{name}.json"
            golden_configs = json.loads(path.read_text()) if path.exists() else []
            for _ in range(a.draws):
                check(a, t, name, random_config(name, rnd, golden_configs), random_seed(rnd), random_start(rnd, name), a.items)
        else:
            for _ in range(a.rounds):
                check(a, t, name, {}, random_seed(rnd), random_start(rnd, name), a.items)
        print(f"{name}: {t.draws} draws ({t.refused} refused by both, {t.limited} refused by an rgym limit, {t.slow} where the reference took over {a.timeout} s), {t.items} items, {t.scores} scores, "
              f"{t.bad} mismatches", flush=True)
        total += t.bad
    print(f"{total} mismatches")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
