#!/usr/bin/env python3
"""Score vectors for codeio's scorer, from reasoning-gym 0.1.25.

rgym ports `CodeIODataset.score_answer` (JSON parsing, Python `==`, the zss
tree edit distance over `_json_to_tree`'s labels, the final float arithmetic)
but not the generation, which runs Python snippets. This builds reference
items (CodeIODataset over a few seeds and difficulties; generation is
nondeterministic in places, so the items' answers are what is stored), makes a
spread of candidate answers for each, and writes what the reference scores
them, one item per line:

    {"oracle": "<entry['answer']>", "cases": [[answer, score], ...]}

A case whose scoring raises has the exception instead of a score
(`[answer, {"error": "RecursionError: ..."}]`); rgym scores those 0.0.
`answer` may be null (None).

Usage: python3 scripts/vectors/codeio_scores.py [--items N] [--per-item K]
       [--seed S] [--max-oracle CHARS] [--out PATH]
(re-execs itself in .venv-oracle). The defaults write
tests/vectors/codeio_scores.jsonl; a bigger one-off run (say --items 600
--per-item 100 --seed 1 --max-oracle 600 --out /tmp/codeio_big.jsonl, about
100k answers) is checked by
`CODEIO_VECTORS=/tmp/codeio_big.jsonl cargo test -p datasets-code --test codeio_score`.
"""

import argparse
import contextlib
import io
import json
import math
import signal
import sys
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402  (scripts/lib is not a package)

# (seed, difficulty) of the reference datasets the oracles come from.
CONFIGS = [(11, None), (12, None), (13, 6), (14, 7), (15, 8), (16, 9), (17, None), (18, 5)]
# Seconds one reference score may take; slower cases (zss on big trees) are left out.
TIMEOUT = 3

NON_ASCII = ["é", "日本語", "😀", "١٢٣", "１２３", "²", "½", "Ⅻ", "\u00a0", "ß", "Ω", "\u2028", "\x7f"]
NUMERIC_STRINGS = ["1.2.3", "..", ".5", "5.", "007", "١٢٣.٤", "１２.５", "²", "½", "三", "1e5", "-3", " 4", "0"]
SPECIAL_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e400", "-0.0", "1e-7", "1e16", "123456789012345678901234567890",
                   "9" * 400, "5e-324", "2.5", "0.1", "100000000000000000000.0"]


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def leaves(v, path=()):
    """Paths to every value in v (containers included), root first."""
    out = [path]
    if isinstance(v, dict):
        for k, x in v.items():
            out += leaves(x, path + (k,))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            out += leaves(x, path + (i,))
    return out


def get(v, path):
    for p in path:
        v = v[p]
    return v


def put(v, path, new):
    if not path:
        return new
    parent = get(v, path[:-1])
    parent[path[-1]] = new
    return v


def copy(v):
    return json.loads(json.dumps(v))


def perturb_scalar(x, rng):
    if isinstance(x, bool):
        return rng.choice([not x, int(x), str(x).lower(), None])
    if isinstance(x, int):
        return rng.choice([x + 1, x - 1, -x, x * 10, float(x), str(x), x + 0.5, x * 1000003, True, 10**20 + x])
    if isinstance(x, float):
        if math.isnan(x) or math.isinf(x):
            return rng.choice([0.0, 1, "nan", x])
        return rng.choice([x * 1.0001, x + 1, round(x, 2), int(x), -x, str(x), x * 1e10, x / 3, 0.0, round(x)])
    if isinstance(x, str):
        ops = [
            lambda s: s + rng.choice(NON_ASCII + ["x", ":", " ", "."]),
            lambda s: s[:-1],
            lambda s: s.upper(),
            lambda s: s[::-1],
            lambda s: rng.choice(NUMERIC_STRINGS),
            lambda s: "",
            lambda s: s.replace(" ", ""),
            lambda s: s + ":" + s,
        ]
        if s_isnum(x):
            ops.append(lambda s: str(float(s)) if s.isdigit() else s + "0")
        return rng.choice(ops)(x)
    if x is None:
        return rng.choice([0, "None", "null", False, []])
    return x


def s_isnum(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


def mutate_value(v, rng):
    """One structural or scalar change somewhere in v (a JSON value)."""
    v = copy(v)
    paths = leaves(v)
    path = rng.choice(paths)
    target = get(v, path)
    kind = rng.randrange(10)
    if isinstance(target, dict) and target and kind < 4:
        keys = list(target)
        k = rng.choice(keys)
        op = rng.randrange(5)
        if op == 0:  # rename a key
            new_k = rng.choice([k + "_", k.upper(), k[:-1] or "x", k + rng.choice(NON_ASCII), "a:" + k])
            target = {(new_k if kk == k else kk): vv for kk, vv in target.items()}
        elif op == 1:  # drop a key
            del target[k]
        elif op == 2:  # add a key
            target["extra" + str(rng.randrange(100))] = rng.choice([1, "x", None, [1, 2], {"y": 2.5}])
        elif op == 3:  # reorder keys (== ignores order)
            items = list(target.items())
            rng.shuffle(items)
            target = dict(items)
        else:  # wrap a value
            target[k] = rng.choice([[target[k]], {"value": target[k]}])
        return put(v, path, target)
    if isinstance(target, list) and target and kind < 5:
        op = rng.randrange(6)
        if op == 0:
            rng.shuffle(target)
        elif op == 1:
            target = target[: rng.randrange(len(target))]
        elif op == 2:
            target = target + [rng.choice(target)]
        elif op == 3:
            target = list(reversed(target))
        elif op == 4:
            del target[rng.randrange(len(target))]
        else:
            target = [target]
        return put(v, path, target)
    if isinstance(target, (dict, list)):
        # Change a scalar inside instead.
        inner = [p for p in paths if len(p) > len(path) and p[: len(path)] == path and not isinstance(get(v, p), (dict, list))]
        if not inner:
            return put(v, path, rng.choice([{}, [], None, 0]))
        path = rng.choice(inner)
        target = get(v, path)
    return put(v, path, perturb_scalar(target, rng))


def dumps_variant(v, rng):
    return rng.choice([
        lambda: json.dumps(v),
        lambda: json.dumps(v, separators=(",", ":")),
        lambda: json.dumps(v, indent=2),
        lambda: json.dumps(v, ensure_ascii=False),
        lambda: json.dumps(v, sort_keys=True),
    ])()


def char_fuzz(s, rng):
    """A few random character edits of s (mostly invalid JSON)."""
    s = list(s)
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(3)
        pos = rng.randrange(len(s) + 1)
        ch = rng.choice(list('{}[]":,. 0123456789abcxyz-') + NON_ASCII)
        if op == 0 or not s:
            s.insert(pos, ch)
        elif op == 1:
            del s[min(pos, len(s) - 1)]
        else:
            s[min(pos, len(s) - 1)] = ch
    return "".join(s)


def deep(depth, inner="1"):
    return '{"a": ' + "[" * (depth - 1) + inner + "]" * (depth - 1) + "}"


def random_json(rng, depth=0):
    r = rng.random()
    if depth > 3 or r < 0.45:
        return rng.choice([
            rng.randint(-1000, 1000), rng.random() * rng.choice([1, 100, 1e-6, 1e20]), rng.choice([True, False, None]),
            rng.choice(["abc", "", "x:y", "3", "4.5", "é", "😀", "1.2.3"] + NUMERIC_STRINGS), rng.randint(0, 10**30),
        ])
    if r < 0.7:
        return [random_json(rng, depth + 1) for _ in range(rng.randrange(5))]
    keys = ["a", "b", "result", "x:y", "", "é", "Z", "item_0", "k" + str(rng.randrange(9))]
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randrange(5))}


# Long hostile answers, tried against the first few oracles only (they are big).
HOSTILE = [
    '{"a": ' + "1" * 4301 + "}",  # ValueError: past int_max_str_digits
    '{"a": ' + "1" * 4300 + "}",
    '{"a": -' + "1" * 4300 + "}",
    deep(900),
    deep(1200),  # RecursionError
    '{"a": [' + ", ".join(["0"] * 2000) + "]}",
]


def candidates(oracle, rng, per_item, hostile):
    """Candidate answers for one oracle: a fixed spread, then random mutations."""
    v = json.loads(oracle)
    out = (HOSTILE if hostile else []) + [oracle, None, "", "   ", " \n" + oracle + "\t ", "{}", "{ }", "}{", "{", "}", "null", "{" + oracle + "}"]
    out += [
        "The answer is: " + oracle,
        oracle + " is my answer.",
        "```json\n" + oracle + "\n```",
        "é " + oracle + " 日本",
        json.dumps(v, separators=(",", ":")),
        json.dumps(v, indent=2),
        json.dumps(v, ensure_ascii=False),
        repr(v),
        str(v).replace("'", '"'),
        oracle[:-1],
        oracle + ",",
        '{"output": ' + oracle + "}",
        '{"result": ' + json.dumps(oracle) + "}",
        '{"a": 1, "a": 2}',
        '{"a": NaN}',
        '{"a": Infinity, "b": -Infinity}',
        '{"a": 1e400}',
        '{"a": ' + "9" * 400 + "}",
        '{"a": "' + "9" * 400 + '"}',
        deep(50),
        '{"a": "\\ud83d\\ude00", "b": "\\u00e9"}',
        '{"a": "\\u0000\\u001f\\"\\\\/"}',
        "{'a': 1}",
        '{"a": 1,}',
        '{"a" 1}',
        '{"a": 1} {"b": 2}',
        '{"a": 01}',
        '{"a": -}',
        '{"a": .5}',
        '{"a": tru}',
        '{"a": "x\ny"}',
        '{"a": 1}\n\nExplanation: {x}',
    ]
    if isinstance(v, dict):
        for k, x in list(v.items())[:3]:
            out.append(json.dumps({**v, k: str(x)}))
            out.append(json.dumps({**v, k: [x]}))
            out.append(json.dumps({kk: vv for kk, vv in v.items() if kk != k}))
            out.append(json.dumps({(k + "s" if kk == k else kk): vv for kk, vv in v.items()}))
            for s in SPECIAL_NUMBERS[:8]:
                out.append(json.dumps(v)[:-1] + (", " if v else "") + json.dumps(k + "2") + ": " + s + "}")
    else:
        out.append('{"answer": ' + oracle + "}")
    for _ in range(per_item):
        r = rng.random()
        if r < 0.55:
            m = mutate_value(v, rng)
            for _ in range(rng.randrange(3)):
                m = mutate_value(m, rng)
            text = dumps_variant(m, rng) if not (isinstance(m, float) and math.isnan(m)) else "NaN"
            if rng.random() < 0.2:
                text = rng.choice(["Answer: ", "So the output is ", "", "\n"]) + text + rng.choice(["", ".", " Done.", "\n"])
            out.append(text)
        elif r < 0.75:
            out.append(char_fuzz(oracle, rng))
        elif r < 0.9:
            out.append(json.dumps(random_json(rng) if rng.random() < 0.5 else {"a": random_json(rng)}))
        else:
            n = rng.choice(SPECIAL_NUMBERS + NUMERIC_STRINGS)
            out.append('{"' + rng.choice(["a", "x:y", "é"]) + '": ' + (n if rng.random() < 0.5 else json.dumps(n)) + "}")
    return out


def reference_items(args):
    from reasoning_gym.code.codeio import CodeIOConfig, CodeIODataset

    items = []
    seen = set()
    per_config = max(1, -(-args.items // len(CONFIGS)))
    for seed, difficulty in CONFIGS:
        ds = CodeIODataset(CodeIOConfig(seed=seed + args.seed * 100, size=per_config * 4, difficulty=difficulty))
        got = 0
        for i in range(per_config * 4):
            if got >= per_config:
                break
            with contextlib.redirect_stdout(io.StringIO()):
                signal.alarm(TIMEOUT * 3)
                try:
                    entry = ds[i]
                except Exception:  # noqa: BLE001 - a snippet that fails or hangs gives no item
                    continue
                finally:
                    signal.alarm(0)
            oracle = entry["answer"]
            if len(oracle) > args.max_oracle or oracle in seen:
                continue
            seen.add(oracle)
            items.append((ds, entry))
            got += 1
    return items


def main() -> None:
    oracle.reexec()
    ap = argparse.ArgumentParser()
    ap.add_argument("--items", type=int, default=120)
    ap.add_argument("--per-item", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-oracle", type=int, default=400)
    ap.add_argument("--out", default=str(ROOT / "tests/vectors/codeio_scores.jsonl"))
    args = ap.parse_args()
    sys.setrecursionlimit(1000)
    signal.signal(signal.SIGALRM, _alarm)
    import warnings

    warnings.filterwarnings("ignore")
    items = reference_items(args)
    rng = Random(args.seed)
    lines = []
    counts = {"cases": 0, "errors": 0, "timeouts": 0}
    for n, (ds, entry) in enumerate(items):
        cases = []
        for answer in candidates(entry["answer"], rng, args.per_item, n < 3):
            signal.alarm(TIMEOUT)
            try:
                score = ds.score_answer(answer, entry)
                cases.append([answer, float(score)])
            except Timeout:
                counts["timeouts"] += 1
                continue
            except Exception as e:  # noqa: BLE001 - the reference's outcome is the vector
                cases.append([answer, {"error": f"{type(e).__name__}: {str(e)[:80]}"}])
                counts["errors"] += 1
            finally:
                signal.alarm(0)
        counts["cases"] += len(cases)
        if n % 50 == 49:
            print(f"{n + 1}/{len(items)} items, {counts}", file=sys.stderr, flush=True)
        lines.append(json.dumps({"oracle": entry["answer"], "cases": cases}, ensure_ascii=False) + "\n")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(lines))
    print(f"{out}: {len(lines)} items, {counts}, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
