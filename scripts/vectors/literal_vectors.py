"""Writes crates/pycompat/tests/data/literal.json: what CPython makes of many texts
under `ast.literal_eval`, `eval` and `json.loads`.

Each row is [mode, text, repr-or-null]; null means CPython raised. Texts are
hand-picked edge cases plus random renderings of random values (quote styles,
escapes, prefixes, number spellings, comments, line breaks) and mutations of
them (a character dropped, doubled or replaced). Cases whose result depends on
what the Rust side documents as out of scope are left out: sets of more than
one element (hash order), lone surrogates, `\\N{...}` escapes.

    .venv-oracle/bin/python scripts/vectors/literal_vectors.py
"""
import ast
import json
import math
import random
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "crates/pycompat/tests/data/literal.json"
sys.setrecursionlimit(1000)

EDGES = [
    "[1,2]", " [1]", "\t1", "\n1", "\n 1", "1\n", "1\n2", "1 # c", "(1)", "(1,)", "()", "1,2", "1,", "-1", "--1",
    "+1", "-True", "-(1)", "-(-1)", "1+2j", "-1-2j", "1+2", "1.", ".5", "1e5", "1_000", "1__0", "0x_1", "00", "01",
    "0_0", "1.e5", "1e", "b'a'", "f'a'", "'a' 'b'", "'a' b'b'", "r'\\d'", "'\\d'", "'\\x4'", "'\\777'", "set()",
    "{1,True}", "{1:2,True:3}", "{[1]:2}", "{1,[2]}", "...", "[1,\n2]", "1 \\\n", "'''a\nb'''", "'a\nb'", "\r\n1",
    "1\r\n", "1\r2", "[" * 199 + "]" * 199, "[" * 201 + "]" * 201, "1" * 4300, "1" * 4301, "\x0c1", "1\x0c",
    "[1]\x00", "\u00a01", "1;", "0b102", "1_000.5_5e1_0", "1e1000", "-1e1000", "1j", "1J", "01.5", "00.5", "0e0",
    "09.5", "09", "True", "None", "true", "[*a]", "1 \\\n\n", "1\n\\\n", 'b"\\777"', 'b"\\400"', '"\\400"',
    'br"\\""', 'r"a\\\nb"', '"\\U00110000"', '"a\\\nb"', 'b"\u00e9"', 'u"a"', 'ur"a"', 'Rb"a"', '"\\u12"',
    "1 if 1 else 2", "[1,]", "[,]", "(,)", "{}", "{,}", "{1:2,}", "{1,}", "{1:}", "{:1}", "[1 2]", "[1,,2]",
    "(1)(2)", "[1][0]", "x", "set", "set(1)", "set ( )", "frozenset()", "1.5.3", "0x", "0xg", "0o8", "0b", "1e+",
    "1e-5", "1E5", ".", "..", "....", "-...", "+'a'", "-'a'", "~1", "not 1", "1+2j+3j", "1j+1", "(1+2j)", "-(1+2j)",
    "1+-2j", "True+1j", "1.5-0j", "-0.0", "-0", "0.0-0j", "-0.0+1j", "1e309j", "10**2", "'\\a\\b\\f\\v\\0'",
    "'\\''", '"\\""', "'\"'", "\"'\"", "'''a''' '''b'''", '"""a"b"""', "'a' # c\n", "['a' # c\n 'b']",
    "['a'\n'b']", "'a'\n'b'", "'\u00e9\u4e2d\U0001f600'", "'\\xe9'", "b'\\xe9'", "'\\u00e9'", "'\\U0001F600'",
    "b'\\u00e9'", "[1,\n# comment\n2]", "# only comment", "", "   ", "\n", "1 ", "1\t", "(\n1\n)", "[\\\n1]",
    "{'a': [1, {'b': (2, 3.5, None)}]}", "[True, False, None, ...]", "0xFF", "0o17", "0B101", "0x_f_f", "0x__f",
    "1_", "_1", "1_2_3", "0.000_1", "1e1_0", "1e_1", "1._5", "1_.5", "123456789012345678901234567890",
    "-123456789012345678901234567890", "1.7976931348623157e308", "2e308", "5e-324", "1e-400", "0.1", "1/2",
    "[" + "1," * 1000 + "]", "(" * 50 + "1" + ")" * 50, "[[[]]]", "[[],[[]]]", "{'a':1,'a':2}", "{1.0: 'x', 1: 'y'}",
    "{(1, 2): 3}", "{(1, [2]): 3}", "{(): 1}", "{1+2j: 1}", "{0.5: 1, 0.5: 2}", "{'x'}", "{None}", "{(1,)}",
]

JSON_EDGES = [
    "[1,2]", " [1] ", "\t\n\r[1]", "[1,]", "[,]", "{}", "{\"a\":1,\"a\":2}", "{\"a\":1,}", "{'a':1}", "{a:1}",
    "NaN", "Infinity", "-Infinity", "-NaN", "nan", "inf", "true", "True", "null", "None", "1", "-1", "-0", "01",
    "1.", ".5", "1e5", "1E-5", "1e", "1e+", "-", "--1", "+1", "0x1", "1_0", "\"a\"", "'a'", "\"\\u00e9\"",
    "\"\\ud83d\\ude00\"", "\"\\u12\"", "\"\\x41\"", "\"\\/\"", "\"a\nb\"", "\"a\tb\"", "\"\u00e9\"", "\"\\\"\"",
    "[" * 900 + "]" * 900, "[" * 1000 + "]" * 1000, "1" * 4300, "1" * 4301, "1 2", "[1] x", "", " ",
    "\ufeff[1]", "[1.5e308, 2e308, -2e308]", "{\"a\": [1, {\"b\": null}]}", "[true, false, null]", "[1,\n2]",
    "{\"a\" : 1 , \"b\" :2}", "{\"a\" 1}", "{1: 2}", "[\"\\u0000\"]", "[1.0, 1.50, 100e-2]", "123.456e-789",
    "[-0.0, 0.0, -0]", "{\"\": \"\"}", "\"\\b\\f\\n\\r\\t\"",
]

EVAL_EDGES = [
    "--1", "-+-1", "~1", "~~1", "-True", "+True", "~False", "-(-1)", "-(1+2j)", "1+2", "1-2", "1+2-3", "1.5+1",
    "1+True", "'a'+'b'", "'a' + 'b' + 'c'", "[1]+[2]", "(1,)+(2,)", "b'a'+b'b'", "'a'+1", "[1]-[1]", "1+[1]",
    "-'a'", "-None", "1j+1j", "1-2j-3", "-" * 100 + "1", "[1, -2, --3]", "(-1, +2.5, ~3)", "1+2,3+4",
    "[1,2,3]", "'abc'", "{'a': -1}", "10**400", "1+1e308+1e308", "2-1.5", "True+True", "-0.0-0.0", "0.0-0.0",
    "-(0.0)", "1+-1", "1 - - 1",
]


# eval() texts outside the subset py_eval covers (names, calls, other operators).
EVAL_UNSUPPORTED = {"f'a'", "1 if 1 else 2", "[1][0]", "set", "frozenset()", "not 1", "10**2", "1/2", "10**400"}


def walk_ok(v):
    """False when the value holds something the Rust side does not model exactly."""
    stack = [v]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if any(0xD800 <= ord(c) < 0xE000 for c in v):
                return False
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
        elif isinstance(v, (set, frozenset)):
            if len(v) > 1:
                return False
            stack.extend(v)
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
    return True


def outcome(mode, text):
    try:
        if mode == "literal":
            v = ast.literal_eval(text)
        elif mode == "eval":
            v = eval(text)
        else:
            v = json.loads(text)
    except Exception:
        return True, None
    if not walk_ok(v):
        return False, None
    try:
        return True, repr(v)
    except (ValueError, RecursionError):  # an int too long for str(), a deep list
        return False, None


def rand_str(r):
    alphabet = "abcXYZ 019'\"\\\n\t\u00e9\u4e2d\U0001f600{}[](),:#"
    return "".join(r.choice(alphabet) for _ in range(r.randrange(6)))


def rand_value(r, depth=0):
    k = r.randrange(12 if depth < 4 else 7)
    if k == 0:
        return r.randrange(-1000, 1000)
    if k == 1:
        return r.choice([0, 1, -1, 2**63, -(2**64) - 1, 10**30, 7])
    if k == 2:
        return r.choice([0.0, -0.0, 0.5, 1e-7, 1e22, 123.456, -2.5, 1e300, float("inf")]) if r.random() < 0.5 else r.uniform(-1e6, 1e6)
    if k == 3:
        return rand_str(r)
    if k == 4:
        return r.choice([True, False, None])
    if k == 5:
        return complex(r.randrange(-3, 4), r.randrange(-3, 4) + r.random())
    if k == 6:
        return bytes(r.randrange(256) for _ in range(r.randrange(4)))
    n = r.randrange(4)
    if k in (7, 8):
        return [rand_value(r, depth + 1) for _ in range(n)]
    if k == 9:
        return tuple(rand_value(r, depth + 1) for _ in range(n))
    if k == 10:
        return {rand_key(r): rand_value(r, depth + 1) for _ in range(n)}
    return {rand_key(r)} if n else set()


def rand_key(r):
    return r.choice([r.randrange(-5, 5), rand_str(r), (1, "a"), None, True, 2.5, 1.0, ()])


def ws(r):
    return r.choice(["", "", "", " ", "  ", "\t", " # note\n", "\n", "\\\n"])


def render(r, v):
    """Python source for v, with random but valid spellings."""
    if isinstance(v, bool) or v is None:
        return repr(v)
    if isinstance(v, int):
        choice = r.randrange(6)
        neg = "-" if v < 0 else ""
        a = abs(v)
        if choice == 0:
            return neg + hex(a)
        if choice == 1 and a > 999:
            return neg + f"{a:_}"
        if choice == 2:
            return neg + oct(a)
        if choice == 3 and v >= 0:
            return "+" + str(a)
        return repr(v)
    if isinstance(v, float):
        if math.isinf(v):
            return r.choice(["1e999", "-1e999"])
        choice = r.randrange(4)
        if choice == 0:
            return f"{v:e}"
        if choice == 1:
            return repr(v).replace("e", "E")
        return repr(v)
    if isinstance(v, complex):
        return repr(v)
    if isinstance(v, str):
        s = repr(v)
        choice = r.randrange(5)
        if choice == 0 and "'''" not in v and not v.endswith("'") and "\\" not in v:
            return "'''" + v + "'''"
        if choice == 1 and "\\" not in v and "'" not in v and "\n" not in v:
            return "r'" + v + "'"
        if choice == 2 and len(s) > 3:
            cut = r.randrange(1, len(v) + 1)
            return repr(v[:cut]) + ws(r).replace("\n", " ").replace("\\ ", " ") + " " + repr(v[cut:])
        if choice == 3:
            return "u" + s
        return s
    if isinstance(v, bytes):
        return repr(v)
    if isinstance(v, list):
        body = ("," + ws(r)).join(render(r, x) for x in v)
        return "[" + ws(r) + body + ("," if v and r.random() < 0.2 else "") + ws(r) + "]"
    if isinstance(v, tuple):
        if len(v) == 1:
            return "(" + render(r, v[0]) + ",)"
        return "(" + ws(r) + ", ".join(render(r, x) for x in v) + ws(r) + ")"
    if isinstance(v, dict):
        return "{" + ws(r) + ", ".join(render(r, k) + ws(r) + ":" + render(r, x) for k, x in v.items()) + "}"
    if isinstance(v, set):
        return "{" + ", ".join(render(r, x) for x in v) + "}" if v else "set()"
    return repr(v)


def mutate(r, s):
    if not s:
        return s
    i = r.randrange(len(s))
    k = r.randrange(4)
    if k == 0:
        return s[:i] + s[i + 1:]
    if k == 1:
        return s[:i] + s[i] + s[i:]
    if k == 2:
        return s[:i] + r.choice("[](){},:'\"\\-+.eEjx0_# \n") + s[i + 1:]
    return s[:i] + s[i:][::-1] if r.random() < 0.1 else s[:i] + r.choice(["-", "--", "~", "set()", "..."]) + s[i:]


def to_json_text(r, v):
    def clean(x):
        if isinstance(x, (list, tuple)):
            return [clean(y) for y in x]
        if isinstance(x, dict):
            return {str(k): clean(y) for k, y in x.items()}
        if isinstance(x, (set, bytes, complex)):
            return str(x)
        return x

    return json.dumps(clean(v), ensure_ascii=r.random() < 0.5, indent=r.choice([None, None, 1]))


def main():
    r = random.Random(1234)
    rows = []

    def add(mode, text):
        if "\\N" in text:
            return
        ok, res = outcome(mode, text)
        if ok:
            rows.append([mode, text, res])

    for t in EDGES:
        add("literal", t)
        if t not in EVAL_UNSUPPORTED and t.count("[") < 150:
            add("eval", t)
    for t in JSON_EDGES:
        add("json", t)
    for t in EVAL_EDGES:
        if t not in EVAL_UNSUPPORTED:
            add("eval", t)
    for _ in range(3000):
        text = render(r, rand_value(r))
        add("literal", text)
        add("literal", mutate(r, text))
        add("literal", mutate(r, mutate(r, text)))
    for _ in range(2500):
        text = to_json_text(r, rand_value(r))
        add("json", text)
        add("json", mutate(r, text))
    OUT.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n")
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
