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
import resource
import signal
import subprocess
import sys

import warnings

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
        if a == 0 and v < 0:
            # symlite's expressions never divide by zero (its datasets do not).
            v = -v
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

INT_ATOMS = ["0", "1", "2", "3", "7", "10", "24", "25", "99", "100", "007", "00", "1_000", "0x1f", "0b101",
             "0o17", "12345678901234567890", "4294967296"]
FLOAT_ATOMS = ["2.5", "0.1", ".5", "5.", "1e3", "1.5e-3", "1e20", "1.0_5", "1.5_0", "3.14159265358979323846",
               "24.0", "0.0", "1e-400", "1e400", "2.5e1", "00.5", "1.e2", "6.000000000000001"]
OTHER_ATOMS = ["2j", "0j", "1.5j", "0.[3]", "1.2[34]", "0.5[0]", ".[1]", "0.[1 2]", "x", "y_1", "pi", "E", "I",
               "nan", "zoo", "oo", "True", "False", "None", "S", "\u00e9"]
BIN_OPS = ["+", "-", "*", "/", "//", "%", "**", "^", "&", "|", "<<", ">>", "==", "!=", "<", "@"]
SPACES = ["", "", "", " ", "  "]


def atom(rng):
    r = rng.random()
    if r < 0.55:
        return str(rng.randint(0, 30)) if rng.random() < 0.7 else rng.choice(INT_ATOMS)
    if r < 0.75:
        return rng.choice(FLOAT_ATOMS)
    return rng.choice(OTHER_ATOMS)


def small_exponent(rng):
    return rng.choice(["2", "3", "0", "1", "-1", "-2", "(1/2)", "(2/3)", "(-1/3)", "0.5", "2.0", "(1/0)", "x",
                       "1.5", "(3)", "-0.5"])


def grammar_answer(rng, depth):
    """Random Python-ish expressions over everything parse_expr handles."""
    if depth <= 0 or rng.random() < 0.3:
        a = atom(rng)
        # Factorials of small literals only: the reference computes any size.
        if rng.random() < 0.08 and (a.isdigit() and int(a) <= 30 or not a[:1].isdigit()):
            a += rng.choice(["!", "!!", " !", "!!!"])
        return a
    r = rng.random()
    if r < 0.12:
        return rng.choice(["-", "+", "~", "- ", "--"]) + grammar_answer(rng, depth - 1)
    if r < 0.25:
        return "(" + grammar_answer(rng, depth - 1) + ")"
    op = rng.choice(BIN_OPS)
    left = grammar_answer(rng, depth - 1)
    if op in ("**", "<<", ">>"):
        right = small_exponent(rng)
    else:
        right = grammar_answer(rng, depth - 1)
    return left + rng.choice(SPACES) + op + rng.choice(SPACES) + right


def llm_answer(rng):
    """Answers shaped like a model's for countdown and puzzle24."""
    n = rng.randint(2, 6)
    nums = [str(rng.randint(1, 100)) for _ in range(n)]
    ops = ["+", "-", "*", "/", " + ", " - ", " * ", " / ", "^", "**", "x", "\u00d7", "\u00f7", "\u2212"]
    weights = [8, 8, 8, 8, 8, 8, 8, 8, 1, 1, 1, 1, 1, 1]
    s = nums[0]
    for x in nums[1:]:
        op = rng.choices(ops, weights)[0]
        if rng.random() < 0.2:
            s = "(" + s + ")"
        s = s + op + x
    r = rng.random()
    if r < 0.05:
        s += " = " + str(rng.randint(1, 1000))
    elif r < 0.08:
        s += " == " + str(rng.randint(1, 1000))
    elif r < 0.1:
        s = "The answer is " + s
    elif r < 0.12:
        s = s + "."
    elif r < 0.14:
        s = "  " + s + "\n"
    elif r < 0.16:
        s = s.replace("*", "\\times ")
    elif r < 0.18:
        s = s + " # " + str(rng.randint(1, 9))
    elif r < 0.2:
        s = s.replace(" ", "")
    return s


SOUP = "0123456789+-*/()^!. _ej x\n#=<>%&|~[]"


def soup(rng):
    return "".join(rng.choice(SOUP) for _ in range(rng.randint(1, 12)))


def limit_cases():
    """Around CPython's compile limits and rgym's bounds."""
    out = []
    for n in (2960, 2965, 2968, 2969, 2970, 2971, 2972, 2975, 2980):
        out.append("+".join(["1"] * n))
        out.append("-" * n + "1")
        out.append("**".join(["1"] * n))
        out.append("+".join(["x"] * n))
        out.append("+".join(["pi"] * n))
    for n in (197, 198, 199, 200, 201):
        out.append("(" * n + "1" + ")" * n)
        out.append("(" * n + "3!" + ")" * n)
        out.append("(" * n + "0.[3]" + ")" * n)
        out.append("(" * n + "pi" + ")" * n)
        out.append("(" * n + "-1" + ")" * n)
    for p, u in ((150, 1750), (150, 1752), (199, 378), (199, 380), (100, 1500), (50, 2000)):
        out.append("(" * p + "-" * u + "1" + ")" * p)
        out.append("(" * p + "-" * u + "x" + ")" * p)
        out.append("(" * p + "1**" * (u // 2) + "1" + ")" * p)
        out.append("(" * p + "1**-" * (u // 3) + "1" + ")" * p)
    for k in (40, 48, 49, 50, 60, 100, 150):
        out.append("-(" * k + "1" + ")" * k)
        out.append("(" * 150 + "-(" * k + "1" + ")" * (150 + k))
    out += ["(" * 150 + "-" * 2800 + "1" + ")" * 150, "2**" + "2**" * 3 + "2", "3**4**2", "10**4300",
            "1" * 4300, "1" * 4301, "0x" + "f" * 5000, "1." + "5" * 5000, "100000!", "20000!", "3000!!",
            "(-7)!!", "(-1)!!", "(-4)!!", "(1/2)!", "0.0!", "1.0!", "0.0!!", "x!", "zoo!", "2**-1074", "2.0**-1075",
            "1e308*10", "0.1**400", "7/3*3", "2**(1/2)**2", "(2**(1/2))**2", "1 + \\\n 2", "1\n2", "1\n# c",
            "(1+\n2)", "1\r\n", "3 !", "(3)!", "x !", "2* *3", "2/ /3", "1= =1", "1< <3", "5 > > 1", "3!=3",
            "3!!=15", "1<2", "1==1<2", "1==2<3", "1==1==1", "2==2.0", "2.5==2.5", "2.5==5/2", "True==1",
            "(1==1)+1", "(1==1)/(1==1)", "\"24\"", "sqrt(576)", "abs(-24)", "[24]", "(24,)", "()", "", " ",
            "#", "\t24", "24\x0c", "2 4", "0_7", "1__0", "1_", "0b2", "0x", "1e", "1.2.3", "..5", "5..",
            "2j*2j", "I*I", "1/0.0", "1.5/0.0", "0.0/0", "0.0/0.0", "2.5/0", "(1/0)**0", "0**0", "0.0**0",
            "0**-1", "0.0**-1", "zoo**2", "zoo**-1", "zoo**0.0", "nan**0", "1**zoo", "1**nan", "2**(1/0)",
            "1.0**zoo", "(-8)**(1/3)", "(-2)**0.5", "(-2.0)**2.0", "(-1)**2.0", "4**0.5", "8**(2/3)",
            "(4/9)**(1/2)", "(2/9)**(1/2)", "2**0.5", "3//0", "3//(1/2)", "(1/2)//0", "7.5//2", "3%0",
            "(7/2)%(1/3)", "-7%3", "5<<-1", "5>>-1", "-5>>1", "5<<2000", "~(1/2)", "~x", "x^1", "(1/2)^1",
            "2.0^1", "True^True", "True<<3", "x-x", "x*0", "0*x", "x**0", "0**x", "1**x", "x/0", "0/x",
            "zoo*x*0", "pi*0", "E**0", "I*0", "0j", "2j**2", "lambda: 1", "1 if 1 else 2", "not 1",
            "0.[3]!", "0.[3]*3", "1.[9]", "007.[3]", "1.5[1]"]
    return out


class Slow(Exception):
    pass


def _alarm(signum, frame):
    raise Slow()


def sympy_outcome(s):
    """What the reference makes of `s`; None if it takes more than 5 s."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(5)
    try:
        return _sympy_outcome(s)
    except Slow:
        return None
    finally:
        signal.alarm(0)


def _sympy_outcome(s):
    try:
        v = parse_expr(s)
    except Slow:
        raise
    except Exception:
        return {"outcome": "raise"}
    try:
        f = float(v)
        fs = "nan" if math.isnan(f) else repr(f)
    except Exception:
        fs = "raise"
    try:
        i = format(int(v), "x")
    except Exception:
        i = "raise"
    exact = isinstance(v, (bool, sympy.Rational, sympy.Float)) or v in (sympy.nan, sympy.zoo)
    return {"float": fs, "int": i, "exact": bool(exact)}


def parse_cases(n, rng):
    texts = limit_cases()
    for _ in range(n):
        r = rng.random()
        if r < 0.5:
            texts.append(grammar_answer(rng, rng.randint(1, 5)))
        elif r < 0.8:
            texts.append(llm_answer(rng))
        else:
            texts.append(soup(rng))
    cases = [(t, sympy_outcome(t)) for t in texts]
    slow = [t for t, ref in cases if ref is None]
    if slow:
        print(f"parse: {len(slow)} cases dropped, the reference takes over 5 s: {[t[:60] for t in slow[:5]]}")
    return [(t, ref) for t, ref in cases if ref is not None]


def classify(mine, ref):
    """How symlite's reply compares with sympy's outcome: "same", "close"
    (symlite holds an irrational as a double, within 1e-12), "documented"
    (symlite keeps a non-real or symbolic value that sympy cancels to a
    number: `I*I`, `x - x`), "unsupported" (a construct or conversion
    symlite does not model), "bounded", or "mismatch". A parse that raises
    and a value whose float() and int() both raise are the same to the
    scorers."""
    if mine.get("outcome") in ("bounded", "unsupported"):
        return mine["outcome"]
    nothing = {"float": "raise", "int": "raise"}
    ref_nothing = "outcome" in ref or {k: ref[k] for k in nothing} == nothing
    mine_nothing = "outcome" in mine or {k: mine[k] for k in nothing} == nothing
    if ref_nothing or mine_nothing:
        if ref_nothing == mine_nothing:
            return "same"
        if mine_nothing and mine.get("kind") in ("nonreal", "symbolic"):
            return "documented"
        return "mismatch"
    if "unsupported" in (mine["float"], mine["int"]):
        return "unsupported"
    verdict = "same"
    for key in ("float", "int"):
        a, b = mine[key], ref[key]
        if a == b:
            continue
        if mine.get("kind") != "real" or a == "raise" or b == "raise":
            return "mismatch"
        if key == "float" and not math.isclose(float(a), float(b), rel_tol=1e-12):
            return "mismatch"
        if key == "int" and abs(int(a, 16) - int(b, 16)) > 1:
            return "mismatch"
        verdict = "close"
    return verdict


def main():
    warnings.simplefilter("ignore")
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

    # A runaway reference evaluation fails with MemoryError, not the machine.
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, hard))
    pcases = parse_cases(args.parse, rng)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    replies = run_cli([{"parse": t} for t, _ in pcases])
    counts = {}
    mism = []
    examples = {}
    for (t, ref), got in zip(pcases, replies):
        c = classify(got, ref)
        counts[c] = counts.get(c, 0) + 1
        examples.setdefault(c, []).append(t)
        if c == "mismatch":
            mism.append((t, ref, got))
    print(f"parse: {len(pcases)} cases, {len(mism)} mismatches, {counts}")
    for c in ("bounded", "documented", "close"):
        print(f"  {c}, e.g.: {[t[:50] for t in examples.get(c, [])[:6]]}")
    for m in sorted(mism, key=lambda m: len(m[0]))[:60]:
        print("  ", repr(m[0][:200]), "sympy", m[1], "symlite", m[2])
    bad += len(mism)
    if args.write_vectors:
        sl = pcases[: len(limit_cases())] + pcases[len(limit_cases()):: max(1, len(pcases) // 4000)]
        with open(os.path.join(DATA, "parse.json"), "w") as f:
            json.dump([{"parse": t, "want": ref} for t, ref in sl], f, separators=(",", ":"))
            f.write("\n")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
