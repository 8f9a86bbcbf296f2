#!/usr/bin/env python3
"""Differential fuzzer: sympy 1.14 against crates/symlite.

Runs in the oracle venv (it has sympy):

    .venv-oracle/bin/python scripts/vectors/symlite_fuzz.py [--max-terms 8]
        [--random 200000] [--parse 200000] [--seed 1] [--write-vectors]

Three parts, each compared with `cargo run -p symlite --example symlite_cli`:

* countdown/puzzle24: every operator sequence over `+ - * /` folded left to
  right over fresh symbols (`x_0, x_1, ...` and `x0..x3`), for 2..max-terms
  terms (exhaustive), plus random sequences up to 20 terms: `str(expr)`.
* random expression trees over a few symbols and small integers with
  `+ - * / **` (small integer exponents) and negation: `str(expr)`.
* random answer strings for the scorers' `parse_expr` subset: whether it
  raises, `float()` and `int()` of the result.

Prints the counts and the first mismatches; exits non-zero on a mismatch.
`--write-vectors` also writes a bounded slice of every part, with sympy's
outputs, to crates/symlite/tests/data/*.json (run by `cargo test -p symlite`).
"""

import argparse
import itertools
import json
import math
import os
import random
import subprocess
import sys

import sympy
from sympy.parsing.sympy_parser import parse_expr

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "crates", "symlite", "tests", "data")


def run_cli(requests):
    subprocess.run(
        ["cargo", "build", "-q", "-p", "symlite", "--example", "symlite_cli"], cwd=ROOT, check=True
    )
    exe = os.path.join(ROOT, "target", "debug", "examples", "symlite_cli")
    text = "".join(json.dumps(r) + "\n" for r in requests)
    out = subprocess.run([exe], input=text, capture_output=True, text=True, check=True).stdout
    replies = [json.loads(l) for l in out.splitlines()]
    assert len(replies) == len(requests), (len(replies), len(requests))
    return replies


# ---- trees: built with sympy and described for the CLI at the same time


def fold(ops, names):
    syms = [sympy.Symbol(n) for n in names]
    expr, tree = syms[0], ["sym", names[0]]
    for op, s, n in zip(ops, syms[1:], names[1:]):
        if op == "+":
            expr = expr + s
        elif op == "-":
            expr = expr - s
        elif op == "*":
            expr = expr * s
        else:
            expr = expr / s
        tree = [op, tree, ["sym", n]]
    return str(expr), tree


def countdown_cases(max_terms, n_random, rng):
    cases = []
    for n in range(2, max_terms + 1):
        names = [f"x_{i}" for i in range(n)]
        for ops in itertools.product("+-*/", repeat=n - 1):
            cases.append(fold(ops, names))
    for ops in itertools.product("+-*/", repeat=3):
        cases.append(fold(ops, [f"x{i}" for i in range(4)]))
    for _ in range(n_random):
        n = rng.randint(max_terms + 1, 20)
        ops = [rng.choice("+-*/") for _ in range(n - 1)]
        cases.append(fold(ops, [f"x_{i}" for i in range(n)]))
    return cases


SYMS = ["x", "y", "z", "x_1", "x_10", "x_2", "a"]


def random_tree(rng, depth):
    if depth == 0 or rng.random() < 0.3:
        if rng.random() < 0.6:
            n = rng.choice(SYMS)
            return sympy.Symbol(n), ["sym", n]
        v = rng.randint(-12, 12)
        return sympy.Integer(v), ["int", str(v)]
    op = rng.choice(["+", "-", "*", "/", "**", "neg", "+", "*", "-"])
    if op == "neg":
        e, t = random_tree(rng, depth - 1)
        return -e, ["neg", t]
    a, ta = random_tree(rng, depth - 1)
    if op == "**":
        v = rng.choice([-3, -2, -1, 2, 2, 3])
        return a ** sympy.Integer(v), ["**", ta, ["int", str(v)]]
    b, tb = random_tree(rng, depth - 1)
    if op == "/" and b == 0:
        b, tb = sympy.Integer(7), ["int", "7"]
    res = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b}[op]()
    return res, [op, ta, tb]


def random_tree_cases(n, rng):
    cases = []
    for _ in range(n):
        e, t = random_tree(rng, rng.randint(1, 4))
        cases.append((str(e), t))
    return cases


# ---- parse_expr answers


def random_answer(rng, depth):
    r = rng.random()
    if depth == 0 or r < 0.25:
        k = rng.random()
        if k < 0.8:
            return str(rng.randint(0, 30))
        if k < 0.9:
            return rng.choice(["x", "0", "00", "1_0", "07", "2.5", "pi"])
        return str(rng.randint(0, 10**30))
    if r < 0.35:
        return rng.choice(["-", "+", "- ", "--"]) + random_answer(rng, depth - 1)
    if r < 0.45:
        return "(" + random_answer(rng, depth - 1) + ")"
    op = rng.choice(["+", "-", "*", "/", "/", "**", "^", " + ", " * ", "^"])
    left = random_answer(rng, depth - 1)
    if op == "**":
        right = rng.choice([str(rng.randint(-4, 6)), "(%d/%d)" % (rng.randint(-4, 6), rng.randint(1, 4)),
                            "(-%d)" % rng.randint(0, 3), "(1/0)", "(0/0)"])
    else:
        right = random_answer(rng, depth - 1)
    return left + op + right


def sympy_outcome(s):
    try:
        v = parse_expr(s)
    except Exception:
        return {"outcome": "raise"}
    try:
        f = float(v)
        fs = "nan" if math.isnan(f) else repr(f)
    except Exception:
        fs = "raise"
    try:
        i = str(int(v))
    except Exception:
        i = "raise"
    return {"float": fs, "int": i, "irrational": not v.is_Rational}


def parse_cases(n, rng):
    fixed = ["5^3", "-5^3", "2 ^ -3", "1/0", "0/0", "1/(1/0)", "(1/0)*0", "8**(2/3)", "-8**(1/3)",
             "(-8)**(1/3)", "2**2000", "(1/2)^1", "x*0", "x+1", "007", "00", "1_000", "2(3)", "()", "",
             " 1 + 2 ", "1+2\n", "(1+\n2)", "1+\n2", "2**-1", "2**-2**2", "-2**2", "(1/0)**-1", "0**0",
             "2.5", "1e3", "3!", "7//2", "7%3", "2 3", "x**0", "1**x", "0**x", "(1/0)**0"]
    cases = [(s, sympy_outcome(s)) for s in fixed]
    for _ in range(n):
        s = random_answer(rng, rng.randint(1, 5))
        cases.append((s, sympy_outcome(s)))
    return cases


def same_parse(mine, ref):
    if "outcome" in mine or "outcome" in ref:
        return mine.get("outcome") == ref.get("outcome")
    fm, fr = mine["float"], ref["float"]
    if (fm == "raise") != (fr == "raise"):
        return False
    if fm != "raise":
        a, b = float(fm), float(fr)
        if not (a == b or (math.isnan(a) and math.isnan(b))):
            # Irrational values are doubles in symlite: equal to about an ulp.
            if not (ref["irrational"] and math.isclose(a, b, rel_tol=1e-12)):
                return False
    if mine["int"] != ref["int"]:
        return ref["irrational"] and mine["int"] != "raise" and ref["int"] != "raise" \
            and abs(int(mine["int"]) - int(ref["int"])) <= 1 and False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-terms", type=int, default=8)
    ap.add_argument("--random", type=int, default=20000)
    ap.add_argument("--parse", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--write-vectors", action="store_true")
    args = ap.parse_args()
    rng = random.Random(args.seed)

    bad = 0
    parts = {
        "countdown": countdown_cases(args.max_terms, args.random // 10, rng),
        "trees": random_tree_cases(args.random, rng),
    }
    for name, cases in parts.items():
        replies = run_cli([{"tree": t} for _, t in cases])
        mism = [(want, got.get("str"), t) for (want, t), got in zip(cases, replies) if got.get("str") != want]
        print(f"{name}: {len(cases)} cases, {len(mism)} mismatches")
        for m in mism[:10]:
            print("  sympy", repr(m[0]), "symlite", repr(m[1]), json.dumps(m[2]))
        bad += len(mism)
        if args.write_vectors:
            sl = cases[:: max(1, len(cases) // 3000)]
            with open(os.path.join(DATA, f"{name}.json"), "w") as f:
                json.dump([{"tree": t, "str": s} for s, t in sl], f, separators=(",", ":"))
                f.write("\n")

    pcases = parse_cases(args.parse, rng)
    replies = run_cli([{"parse": s} for s, _ in pcases])
    bounded = sum(1 for r in replies if r.get("outcome") == "bounded")
    mism = [(s, ref, got) for (s, ref), got in zip(pcases, replies)
            if got.get("outcome") != "bounded" and not same_parse(got, ref)]
    print(f"parse: {len(pcases)} cases, {bounded} bounded, {len(mism)} mismatches")
    for m in mism[:15]:
        print("  ", repr(m[0]), "sympy", m[1], "symlite", m[2])
    bad += len(mism)
    if args.write_vectors:
        sl = pcases[:: max(1, len(pcases) // 3000)]
        with open(os.path.join(DATA, "parse.json"), "w") as f:
            json.dump([{"parse": s, "want": ref} for s, ref in pcases[:60] + sl], f, separators=(",", ":"))
            f.write("\n")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
