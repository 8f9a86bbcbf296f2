"""Writes crates/pydecimal/tests/data/vectors.json: CPython's `decimal` results.

Run with CPython 3.11 (the C `_decimal`, libmpdec):

    .venv-oracle/bin/python scripts/vectors/pydecimal_vectors.py

Inputs come from random.Random(2025) plus hand-picked edge cases; every row
holds the inputs as strings and the result as `str(result)`, or `!Name` for the
exception Python raises (`!InvalidOperation`, `!DivisionByZero`, `!Overflow`),
or null for a string `Decimal()` rejects. Output is deterministic.
"""
import decimal
import json
import random
from decimal import Decimal
from pathlib import Path

ROUNDINGS = {
    "Down": decimal.ROUND_DOWN,
    "HalfUp": decimal.ROUND_HALF_UP,
    "HalfEven": decimal.ROUND_HALF_EVEN,
    "Ceiling": decimal.ROUND_CEILING,
    "Floor": decimal.ROUND_FLOOR,
    "HalfDown": decimal.ROUND_HALF_DOWN,
    "Up": decimal.ROUND_UP,
    "ZeroFiveUp": decimal.ROUND_05UP,
}

# [prec, rounding, emax, emin, clamp]
CONTEXTS = [
    [28, "HalfEven", 999999, -999999, 0],
    [28, "HalfUp", 999999, -999999, 0],
    [12, "HalfUp", 999999, -999999, 0],
    [1, "HalfEven", 999999, -999999, 0],
    [3, "HalfEven", 999999, -999999, 0],
    [5, "Down", 999999, -999999, 0],
    [5, "Up", 999999, -999999, 0],
    [7, "Ceiling", 999999, -999999, 0],
    [7, "Floor", 999999, -999999, 0],
    [9, "HalfDown", 999999, -999999, 0],
    [9, "ZeroFiveUp", 999999, -999999, 0],
    [40, "HalfEven", 999999, -999999, 0],
    [6, "HalfEven", 20, -20, 0],
    [6, "HalfUp", 20, -20, 1],
    [4, "Floor", 9, -9, 0],
]

PARSE_EDGES = [
    "0", "-0", "+0", "0.0", "-0.000", "00012.3400", "1E+3", "1e3", "1e-7", "1.0E-10", "0E-7", "0e5", "-0E+2",
    ".5", "5.", "+.5", "-.5e3", "0.", ".", "+", "-", "", "  ", "e5", "1e", "1e+", "1e-", "1.2.3", "1..2", "1e5e5",
    "1e5.5", "1 2", "12 ", " 12", "\t1\n", "\u00a012\u2003", "\x1c1\x1f", "\u180e1", "1\u200b", "\x851\x85",
    "1_000", "1__0", "_1", "1_", "_", " _1", "_ 1", "1 _", "1e1_0", "1e-_3", "1_.5", "1._5",
    "\u0661\u0662", "\u0663.\u0665", "\u0661e\u0663", "\uff11\uff12", "\U0001d7ce\U0001d7d9", "\u00bd", "1\x00",
    "Inf", "inf", "-infinity", "INFINITY", "+Infinity", "Infinit", "infinityy", "InFiNiTy", "-inf",
    "nan", "NaN", "-NaN", "+nan", "NaN123", "nan01", "nan000", "nan_1", "NaN1.5", "NaNe", "sNaN", "-sNaN12", "snan0",
    "SNAN", "sNaN1e", "nana", "0x10", "1,000", "1e999999999999999999", "1e-999999999999999999",
    "1.5e999999999999999999", "10e999999999999999999", "0.01e-999999999999999999", "1e-1000000000000000000",
    "0e-1000000000000000000", "0e1000000000000000000", "0e999999999999999999", "1e-1999999999999999997",
    "1e-1999999999999999998", "10e-1999999999999999998", "0e-1999999999999999997", "0e-1999999999999999998",
    "1e99999999999999999999", "0e-99999999999999999999", "1" * 60, "0" * 30 + "1", "0." + "0" * 40 + "1",
    "123456789012345678901234567890.123456789", "-1.23456789E-7", "1E-6", "1E-7", "0.000001", "0.0000001",
    "123E+5", "-0.00E-3", "9.999999999999999999999999999999", "+01,000.00", "1.", "-5.", "00", "000.000e-2",
]


def err_name(e):
    for cls in (decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow):
        if isinstance(e, cls):
            return "!" + cls.__name__
    raise e


def context(c):
    prec, rounding, emax, emin, clamp = c
    return decimal.Context(prec=prec, rounding=ROUNDINGS[rounding], Emax=emax, Emin=emin, clamp=clamp,
                           traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])


def run(f):
    try:
        return str(f())
    except decimal.DecimalException as e:
        return err_name(e)


def rand_digits(r, n):
    return str(r.randint(1, 9)) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))


def rand_decimal(r):
    """A random decimal literal in one of several spellings."""
    k = r.random()
    if k < 0.04:
        return r.choice(["Infinity", "-Infinity", "NaN", "-NaN", "NaN12", "sNaN", "-sNaN3"])
    sign = r.choice(["", "", "-", "+"])
    if k < 0.12:
        digits = "0"
    else:
        n = r.choice([1, 1, 2, 3, 4, 5, 7, 9, 12, 18, 27, 28, 29, 35, 45])
        digits = rand_digits(r, n)
        if r.random() < 0.3:
            digits = digits.rstrip("0123456789"[r.randint(0, 9):]) or digits
        if r.random() < 0.25:
            digits += "0" * r.randint(1, 6)
    exp = r.choice([0, 0, 0, r.randint(-10, 10), r.randint(-40, 40), r.randint(-30, 5)])
    if r.random() < 0.02:
        exp = r.choice([999990, -999990, 1000020, -1000050, 10**7])
    form = r.randrange(3)
    if form == 0:
        return f"{sign}{digits}E{exp:+d}" if exp else f"{sign}{digits}"
    # place a decimal point, then a compensating exponent
    point = r.randint(0, len(digits))
    body = digits[:point] + "." + digits[point:] if point < len(digits) else digits
    frac = len(digits) - point if point < len(digits) else 0
    e = exp + frac
    lead = "0" * r.choice([0, 0, 1, 3])
    return f"{sign}{lead}{body}e{e}" if e else f"{sign}{lead}{body}"


def main():
    r = random.Random(2025)
    out = {"contexts": CONTEXTS}

    parse_inputs = list(PARSE_EDGES) + [rand_decimal(r) for _ in range(1500)]
    rows = []
    for s in parse_inputs:
        try:
            d = Decimal(s)
            rows.append([s, str(d), d.adjusted(), d.is_zero()])
        except decimal.InvalidOperation:
            rows.append([s, None, None, None])
    out["parse"] = rows

    values = [rand_decimal(r) for _ in range(400)]
    values += ["0", "-0", "1", "-1", "0.5", "2.5", "-2.5", "9.99", "1E+2", "0E-3", "10", "100", "0.1", "1.000",
               "-1.00", "3", "7", "1E-1000000", "9E+999999", "5E-1000005"]

    def pick():
        return r.choice(values)

    ops = []
    names = ["add", "sub", "mul", "div"]
    for i in range(6000):
        a, b = pick(), pick()
        if i % 7 == 0:
            b = a  # exact cancellations and x/x
        ci = r.randrange(len(CONTEXTS))
        op = names[i % 4]
        ctx = context(CONTEXTS[ci])
        da, db = Decimal(a), Decimal(b)
        f = {"add": ctx.add, "sub": ctx.subtract, "mul": ctx.multiply, "div": ctx.divide}[op]
        ops.append([op, a, b, ci, run(lambda: f(da, db))])
    for i in range(1200):
        a = pick()
        ci = r.randrange(len(CONTEXTS))
        ctx = context(CONTEXTS[ci])
        da = Decimal(a)
        op = ["neg", "plus"][i % 2]
        f = ctx.minus if op == "neg" else ctx.plus
        ops.append([op, a, None, ci, run(lambda: f(da))])
    out["ops"] = ops

    quant = []
    targets = ["1", "1.", "0.1", "0.01", "1e-3", "1E+2", "1e-10", "0.0000", "1e-28", "1e5", "Infinity", "NaN",
               "1e-1000030", "1e999999", "1e1000000"]
    for i in range(3000):
        a = pick()
        b = r.choice(targets) if i % 3 else f"1e{r.randint(-35, 10)}"
        ci = r.randrange(len(CONTEXTS))
        rounding = r.choice([None, None, *ROUNDINGS])
        ctx = context(CONTEXTS[ci])
        da, db = Decimal(a), Decimal(b)
        quant.append([a, b, rounding, ci, run(lambda: da.quantize(db, rounding=ROUNDINGS.get(rounding), context=ctx))])
    out["quantize"] = quant

    pows = []
    for i in range(1500):
        a = pick() if i % 2 else r.choice(["10", "2", "-3", "1.5", "0.1", "7", "-0.5", "1.000", "-1", "0", "12.345"])
        n = r.choice([0, 1, 2, 3, 5, 8, 13, -1, -2, -3, -7, 20, 31, 64, 100])
        ci = r.randrange(len(CONTEXTS))
        ctx = context(CONTEXTS[ci])
        da = Decimal(a)
        pows.append([a, n, ci, run(lambda: ctx.power(da, n))])
    out["powi"] = pows

    cmps = []
    for i in range(3000):
        a, b = pick(), pick()
        if i % 5 == 0:
            # the same number spelled differently
            b = r.choice([a, a + "0" if "E" not in a and "e" not in a and "." in a else a, "-" + a.lstrip("+-")])
        da, db = Decimal(a), Decimal(b)
        try:
            eq = da == db
        except decimal.InvalidOperation:
            eq = "!InvalidOperation"
        try:
            lt = da < db
            order = -1 if lt else (0 if da == db else 1)
        except decimal.InvalidOperation:
            order = None
        cmps.append([a, b, eq, order])
    out["compare"] = cmps

    fmts = []
    for i in range(3000):
        a = pick()
        places = r.choice([None, 0, 0, 1, 2, 3, 4, 6, 10, 30])
        rounding = r.choice(["HalfEven", "HalfEven", "HalfUp", *ROUNDINGS])
        da = Decimal(a)
        if da.is_finite() and abs(da.adjusted()) > 100:
            continue
        with decimal.localcontext() as c:
            c.rounding = ROUNDINGS[rounding]
            spec = "f" if places is None else f".{places}f"
            fmts.append([a, places, rounding, format(da, spec)])
    out["format"] = fmts

    path = Path(__file__).resolve().parents[2] / "crates/pydecimal/tests/data/vectors.json"
    path.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {path}: " + ", ".join(f"{k} {len(v)}" for k, v in out.items()))


if __name__ == "__main__":
    main()
