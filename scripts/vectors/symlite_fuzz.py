#!/usr/bin/env python3
"""Differential fuzzer: sympy 1.14 against crates/symlite.

Runs in the oracle venv (it has sympy):

    .venv-oracle/bin/python scripts/vectors/symlite_fuzz.py [--max-terms 8]
        [--random 200000] [--parse 200000] [--laurent N] [--roots N]
        [--products N] [--answers N] [--seed 1] [--write-vectors] [--release]

Each part is compared with `cargo run -p symlite --example symlite_cli`:

* countdown/puzzle24: every operator sequence over `+ - * /` folded left to
  right over fresh symbols (`x_0, x_1, ...` and `x0..x3`), for 2..max-terms
  terms (exhaustive), plus random sequences up to 20 terms: `str(expr)`.
* random expression trees over a few symbols and small integers with
  `+ - * / **` (small integer exponents) and negation: `str(expr)`.
* random answer strings for the scorers' `parse_expr` subset: whether it
  raises, `float()` and `int()` of the result.
* integration (simple_integration): Laurent polynomials with rational
  coefficients drawn as the dataset draws them: `str(poly)`, `str(diff)`.
* roots (polynomial_equations): polynomials of degree 1 to 3 drawn as the
  dataset draws them, small and large coefficients: the values and order
  of the real solutions `solve` reports (`is_real` true).
* products (polynomial_multiplication): products of random polynomials in
  one to three variables: `str(product)`, `str(expand(product))`.
* expressions: answers a model might give for a product (reordered,
  `x*x`, `^`, brackets, cancelling terms, floats): `str(parse_expr(text))`
  and `parse_expr(text) == parse_expr(expansion)`; symlite may decline
  (`unsupported`, `bounded`: the scorer's 0.0), never differ.

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
from fractions import Fraction

import sympy
from sympy.parsing.sympy_parser import parse_expr

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "crates", "symlite", "tests", "data")


# --release: the CLI in a release build, for runs at scale (the debug build
# takes longer than sympy on the expressions class).
RELEASE = False


def run_cli(requests):
    profile = ["--release"] if RELEASE else []
    subprocess.run(
        ["cargo", "build", "-q", *profile, "-p", "symlite", "--example", "symlite_cli"], cwd=ROOT, check=True
    )
    exe = os.path.join(ROOT, "target", "release" if RELEASE else "debug", "examples", "symlite_cli")
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


# ---- simple_integration: Laurent polynomials with rational coefficients, diff


def laurent_cases(n, rng):
    """Polynomials drawn the way simple_integration draws them (and wider):
    `str(poly)` and `str(diff(poly, x))`."""
    cases = []
    for _ in range(n):
        x = rng.choice(["x", "X", "t", "y_1", "x"])
        sym = sympy.Symbol(x)
        lo = rng.choice([-10, -3, 0, 1, 1, 20])
        hi = lo + rng.randint(0, 12)
        bounds = rng.choice([(1, 10), (1, 10), (1, 100), (5, 7), (1000, 100000)])
        expr, tree = 0, ["int", "0"]
        for _ in range(rng.randint(0, 7)):
            num = rng.randint(*bounds)
            den = 1 if rng.random() < 0.5 else rng.randint(2, 10)
            deg = rng.randint(lo, hi)
            term = Fraction(num, den) * sym**deg
            t = ["*", ["/", ["int", str(num)], ["int", str(den)]], ["**", ["sym", x], ["int", str(deg)]]]
            if rng.random() < 0.5:
                term, t = -term, ["neg", t]
            expr, tree = expr + term, ["+", tree, t]
        expr = sympy.sympify(expr)
        cases.append(({"tree": tree}, {"str": str(expr)}))
        cases.append(({"diff": tree, "x": x}, {"str": str(sympy.diff(expr, sym))}))
    return cases


# ---- polynomial_equations: the real solutions solve() reports


def roots_cases(n, rng):
    """Polynomials drawn the way polynomial_equations draws them (degree 1 to
    3; coefficients up to 100, and larger, where roots near zero make the
    order of `-0.0` and `0.0` visible): the reprs of
    `round(float(sol.evalf()), 4)` for the solutions with `is_real`."""
    x = sympy.Symbol("x")
    cases = []
    for _ in range(n):
        degree = rng.randint(1, 3)
        bounds = rng.choice([(1, 100)] * 6 + [(1, 10), (1, 10**4), (1, 10**9), (10**6, 10**9)])
        minus = rng.random() < 0.85
        exps = [degree] + [rng.randint(0, degree) for _ in range(rng.randint(0, 5))]
        p = 0
        for e in exps:
            c = rng.randint(*bounds)
            if minus and rng.random() < 0.5:
                c = -c
            p += c * x**e
        p = sympy.expand(p)
        if p.is_number:
            coeffs = [str(p)]
        else:
            coeffs = [str(c) for c in reversed(sympy.Poly(p, x).all_coeffs())]
        sols = sympy.solve(sympy.Eq(p, 0), "x")
        want = [repr(round(float(s.evalf()), 4)) for s in sols if s.is_real]
        cases.append(({"roots": coeffs}, {"real": want}))
    return cases


# ---- polynomial_multiplication: products, expansions, parse_expr equality


def product_case(rng):
    """A product of polynomials drawn the way polynomial_multiplication draws
    them: the sympy product and its tree."""
    names = rng.choice([["x"], ["y"], ["x", "y"], ["x", "y", "z"], ["a", "x_1", "x_10"]])
    max_deg = rng.randint(0, 4)
    bounds = rng.choice([(1, 100)] * 4 + [(1, 10**4), (1, 10**8)])
    prod, ptree = sympy.Integer(1), ["int", "1"]
    for _ in range(rng.randint(2, 4)):
        poly, tree = 0, ["int", "0"]
        for _ in range(rng.randint(1, 4)):
            c = rng.randint(*bounds)
            if rng.random() < 0.5:
                c = -c
            mono, mtree = sympy.Integer(1), ["int", "1"]
            for _ in range(rng.randint(0, max_deg)):
                v = rng.choice(names)
                mono, mtree = mono * sympy.Symbol(v), ["*", mtree, ["sym", v]]
            poly, tree = poly + c * mono, ["+", tree, ["*", ["int", str(c)], mtree]]
        prod, ptree = prod * poly, ["*", ptree, tree]
    return prod, ptree


def product_cases(n, rng):
    cases = []
    for _ in range(n):
        prod, tree = product_case(rng)
        cases.append(({"tree": tree}, {"str": str(prod)}))
        cases.append(({"expand": tree}, {"str": str(sympy.expand(prod))}))
    return cases


def answer_variants(rng, prod):
    """Answers a model might give for a product: the expansion as printed,
    its terms reordered, `x*x` for `x**2`, `^`, spaces, brackets, the
    unexpanded product, zero terms, divisions that cancel, near misses."""
    expanded = sympy.expand(prod)
    terms = [str(t) for t in sympy.Add.make_args(expanded)]
    rng.shuffle(terms)
    out = [str(expanded), str(prod), " + ".join(terms), "+".join("(" + t + ")" for t in terms)]
    out.append(str(expanded).replace("**2", "*" + rng.choice(["x", "y", "z"])))
    out.append(str(expanded).replace("**", "^"))
    out.append(str(expanded) + rng.choice([" + 0", " - x + x", "*1", " + 1 - 1", " + 0*y"]))
    out.append("(" + str(expanded) + ")*2/2")
    out.append(str(expanded) + " + 1")
    out.append(str(expanded).replace("*", " * "))
    out.append("2*(" + str(expanded) + ")")
    out.append("-(" + str(expanded) + ")")
    out.append("(" + str(expanded) + ")/x*x")
    out.append(str(expanded).replace("x", "(x)"))
    out.append(str(expanded).replace("1", "1.0", 1))
    out.append(str(expanded).replace(" ", ""))
    return out


def expr_cases(n, rng):
    """`parse_expr` to expressions: `str(parse_expr(text))` (or that it
    raises) and `parse_expr(a) == parse_expr(expand(product))`."""
    cases = []
    for _ in range(n):
        prod, _ = product_case(rng)
        target = str(sympy.expand(prod))
        for text in answer_variants(rng, prod):
            ref = sympy_expr_outcome(text)
            if ref is None:
                continue
            cases.append(({"expr": text, "locals": []}, ref))
            eq = sympy_eq_outcome(text, target)
            if eq is not None:
                cases.append(({"expr_eq": [text, target]}, eq))
    return cases


def sympy_expr_outcome(text):
    try:
        return {"str": str(parse_expr(text))}
    except Exception:
        return {"outcome": "raise"}


def sympy_eq_outcome(a, b):
    try:
        return {"eq": bool(parse_expr(a) == parse_expr(b))}
    except Exception:
        return {"outcome": "raise"}


def compare(req, want, got):
    """"same", "unsupported"/"bounded" (symlite declines a case sympy
    evaluates: the scorers then score 0.0), or "mismatch"."""
    if got.get("outcome") in ("unsupported", "bounded") and want.get("outcome") != "raise":
        return got["outcome"]
    if got.get("outcome") in ("unsupported", "bounded") and want.get("outcome") == "raise":
        return "same"
    return "same" if all(got.get(k) == v for k, v in want.items()) else "mismatch"


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
    # One conversion symlite does not model (`int()` of a complex value at
    # sympy's rounding boundary) while the other raises: unsupported, not
    # "nothing".
    if "outcome" not in mine and "unsupported" in (mine["float"], mine["int"]):
        return "unsupported"
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
    ap.add_argument("--laurent", type=int, default=20000)
    ap.add_argument("--roots", type=int, default=3000)
    ap.add_argument("--products", type=int, default=5000)
    ap.add_argument("--answers", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--write-vectors", action="store_true")
    ap.add_argument("--release", action="store_true", help="run symlite's CLI from a release build")
    args = ap.parse_args()
    global RELEASE
    RELEASE = args.release
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
            sl = cases[:: max(1, len(cases) // 1000)]
            with open(os.path.join(DATA, f"{name}.json"), "w") as f:
                json.dump([{"tree": t, "str": s} for s, t in sl], f, separators=(",", ":"))
                f.write("\n")

    classes = {
        "integration": lambda: laurent_cases(args.laurent, rng),
        "roots": lambda: roots_cases(args.roots, rng),
        "products": lambda: product_cases(args.products, rng),
        "expressions": lambda: expr_cases(args.answers, rng),
    }
    for name, make in classes.items():
        cases = make()
        replies = run_cli([req for req, _ in cases])
        counts, mism = {}, []
        for (req, want), got in zip(cases, replies):
            c = compare(req, want, got)
            counts[c] = counts.get(c, 0) + 1
            if c == "mismatch":
                mism.append((req, want, got))
        print(f"{name}: {len(cases)} cases, {len(mism)} mismatches, {counts}")
        for m in mism[:10]:
            print("  ", json.dumps(m[0])[:300], "sympy", m[1], "symlite", m[2])
        bad += len(mism)
        if args.write_vectors:
            sl = cases[:: max(1, len(cases) // 500)]
            with open(os.path.join(DATA, f"{name}.json"), "w") as f:
                json.dump([{"request": r, "want": w} for r, w in sl], f, separators=(",", ":"))
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
        sl = pcases[: len(limit_cases())] + pcases[len(limit_cases()):: max(1, len(pcases) // 2000)]
        with open(os.path.join(DATA, "parse.json"), "w") as f:
            json.dump([{"parse": t, "want": ref} for t, ref in sl], f, separators=(",", ":"))
            f.write("\n")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
