#!/usr/bin/env python3
"""Make the golden parity files from the reference, reasoning-gym 0.1.25.

    python3 scripts/vectors/golden.py                 # every dataset with a config file
    python3 scripts/vectors/golden.py leg_counting    # just these

Creates (once) a git-ignored venv `.venv-oracle` with reasoning-gym==0.1.25 and
re-runs itself inside it. For each dataset it reads `tests/golden/configs/<name>.json`
(a list of non-default configs, each exercising other code paths; the default
config is always included) and writes `tests/golden/<name>.jsonl`:

* line 1: a header `{"dataset", "reasoning_gym", "deterministic"}`;
* one line per item: `{"config", "index", "question", "answer", "metadata",
  "scores": [[answer, score], ...]}` where `config` includes `seed` and `size`;
  where the reference raises building the item (pool_matrix past numpy's seed
  range), `{"config", "index", "error": "ValueError: message"}` instead.

Items cover three seeds (small, large, beyond 2^32), indices from 0 and deep
ones, and each item is scored by the reference against a spread of answers
(correct, padded, case-changed, truncated, another item's answer, empty, None,
garbage, numeric near-misses). Where the answer is None (any valid answer
scores), the spread starts from the metadata's example answer and adds what the
dataset's scorer tells apart (`NONE_ANSWER_EXTRAS`). Output is deterministic: running the script
again writes identical files.

A dataset whose reference output depends on Python's hash seed (set iteration
order) is detected by generating twice under different PYTHONHASHSEED values;
its header says `"deterministic": false`, lists under `"stable"` the parts
(`question`, `answer`, `metadata.<key>`) that came out the same under both hash
seeds, and the Rust test then checks only those (see crates/datasets/tests/golden.rs);
`rgym list` calls such a dataset `semantic`. For such a dataset, when the
rgym binary is built (`cargo build --bin rgym`), the file also gets rows marked
`"origin": "rgym"`: a few of rgym's own items (rgym fixes its own order where the
reference's is the hash seed's), each scored by the reference against the same
spread of answers; the reference must score rgym's own answer 1.0. Where only
some items vary (`PER_ROW_EXACT`: list_functions' generator 14 uses the global
`random`), the rows that came out the same in both runs say `"exact": true`
and are compared in full.
"""
import copy
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-oracle"
GOLDEN = ROOT / "tests" / "golden"
VERSION = "0.1.25"
SEEDS = [42, 2**31 + 11, 2**32 + 17]
SHALLOW = [0, 1, 2, 3]
DEEP = [997, 123_456_789]
SIZE = 10**9
# Datasets whose construction costs O(size) in the reference (list_functions
# draws every item's task up front): a small size, and indices inside it.
SIZES = {"list_functions": 2000, "gsm_symbolic": 100_000}
# Datasets whose reference refuses a size past its own bound: their rows use
# that size, and deep indices below it.
SIZE_LIMITS = {"word_ladder": 20_000}
# Datasets whose reference is not deterministic item by item (list_functions'
# generator 14 draws from the global, unseeded `random`): rows that came out the
# same in both runs are marked `"exact": true` and compared in full.
PER_ROW_EXACT = {"list_functions"}


def size_for(name):
    return min(SIZES.get(name, SIZE), SIZE_LIMITS.get(name, SIZE))


def indices_for(name):
    size = size_for(name)
    if name in SIZES:
        # No deep indices to reach: cover the early ones densely instead.
        return list(range(40)) + [size // 2 - 3, size - 2]
    return SHALLOW + [min(i, size - 2) for i in DEEP]


sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402  (scripts/lib is not a package)


def to_wire(obj):
    """Metadata as it travels over JSON: tuples become lists, numpy scalars numbers."""
    import numpy as np

    if isinstance(obj, dict):
        return {str(k) if not isinstance(k, str) else k: to_wire(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_wire(v) for v in obj]
    if isinstance(obj, np.generic):
        return obj.item()
    if isinstance(obj, np.ndarray):
        return to_wire(obj.tolist())
    if isinstance(obj, (set, frozenset)):
        return sorted(to_wire(v) for v in obj)
    if obj is None or isinstance(obj, (str, int, float, bool)):
        return obj
    return str(obj)


def near_misses(ans):
    out = []
    try:
        v = int(ans)
        out += [str(v + 1), str(v - 1), f"{v}.0", f"{v:,}", f"+{v}", f"0{v}" if v >= 0 else f"-0{-v}"]
    except (ValueError, TypeError):
        try:
            f = float(ans)
            out += [repr(f + 1e-9), repr(round(f, 2)), repr(-f)]
        except (ValueError, TypeError):
            pass
    return out


def answer_spread(ans, other):
    spread = [ans, f"  {ans} \n", ans.upper(), ans.lower(), ans.swapcase(), ans[: len(ans) // 2], f"The answer is {ans}.",
              other, "", None, "garbage !@# \u00e9", *near_misses(ans)]
    seen, out = set(), []
    for a in spread:
        key = ("N",) if a is None else ("S", a)
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def string_answer_spread(name, item, other):
    """Candidates for an item with a string answer: `answer_spread`, plus what the
    dataset's scorer tells apart beyond it (`ANSWER_EXTRAS`, from the metadata)."""
    spread = answer_spread(item["answer"], other)
    extra = ANSWER_EXTRAS.get(name)
    return spread + [a for a in (extra(item) if extra else []) if a not in spread]


def none_answer_spread(name, item, other_item):
    """Candidates for a dataset whose answer is None (any valid answer scores; the
    reference scorer checks it): the metadata's example answer and its variants,
    another item's example, and what the dataset's scorer tells apart."""
    meta = item["metadata"]
    keys = ("example_answer", "example_correct_answer")
    example = next((meta[k] for k in keys if isinstance(meta.get(k), str)), None)
    other = next((other_item["metadata"][k] for k in keys if isinstance(other_item["metadata"].get(k), str)), "")
    spread = answer_spread(example, other) if example is not None else ["", None, "garbage !@# \u00e9"]
    extra = NONE_ANSWER_EXTRAS.get(name)
    return spread + [a for a in (extra(meta) if extra else []) if a not in spread]


def propositional_logic_extras(meta):
    premises = meta["premises"]
    v = meta["variables"]
    # Each premise follows from the premises (1.0, or 0.25 when trivial), its
    # negation usually does not (0.05), a tautology is trivial (0.25), a variable
    # outside the puzzle or a formula that does not parse scores 0.0. Then the
    # parser's corners (an unbalanced "(" makes the text one variable, Unicode
    # spaces strip) and hostile nesting: 400 levels, then past Python's
    # recursion limit (RecursionError) by parentheses and by operators.
    return [*premises, f"¬({premises[0]})", f"{v[0]} ∨ ¬{v[0]}", f"({v[0]} ∧ {v[-1]})",
            f"({v[0]} → {v[-1]})", f"({v[0]} ↔ ¬{v[0]})", "Z", f"({v[0]} ∧", f"{v[0]} {v[0]}",
            f"{v[0]} ∧ ({v[-1]}", f"\u00a0({premises[-1]})\u2003", "¬(" * 200 + premises[0] + ")" * 200,
            "(" * 1100 + v[0] + ")" * 1100, "↔".join([v[0]] * 1100)]


def rush_hour_solution(board_config):
    """A shortest plan of single steps ("A+1 B-1 ..."), by breadth-first search
    over the cars' positions; the reference's Board reads the board."""
    from collections import deque

    from reasoning_gym.games.rush_hour import TARGET, Board

    pieces = Board(board_config)._pieces
    cars = [(p.size, p.stride) for p in pieces if not p.fixed]
    walls = sum(p.mask for p in pieces if p.fixed)

    def cells(pos, size, stride):
        return [pos + k * stride for k in range(size)]

    def occupied(state):
        m = walls
        for pos, (size, stride) in zip(state, cars):
            for c in cells(pos, size, stride):
                m |= 1 << c
        return m

    start = tuple(p.position for p in pieces if not p.fixed)
    seen, queue = {start: None}, deque([start])
    while queue:
        state = queue.popleft()
        if state[0] == TARGET:
            plan = []
            while seen[state] is not None:
                state, step = seen[state]
                plan.append(step)
            return plan[::-1]
        board = occupied(state)
        for i, ((size, stride), pos) in enumerate(zip(cars, state)):
            for d in (-1, 1):
                cs = cells(pos, size, stride)
                new = (cs[0] if d < 0 else cs[-1]) + d * stride
                row_ok = stride != 1 or new // 6 == pos // 6
                if not (0 <= new < 36 and row_ok) or board >> new & 1:
                    continue
                nxt = state[:i] + (pos + d * stride,) + state[i + 1:]
                if nxt not in seen:
                    seen[nxt] = (state, f"{chr(65 + i)}{'+' if d > 0 else '-'}1")
                    queue.append(nxt)
    return []


def rush_hour_extras(meta):
    from reasoning_gym.games.rush_hour import Board

    steps = rush_hour_solution(meta["board_config"])
    n = len(Board(meta["board_config"])._pieces)
    plan = " ".join(steps)
    merged = []  # runs of one car's steps as one move: "A+3"
    for s in steps:
        if merged and merged[-1][0] == s[0] and merged[-1][1] == s[1]:
            merged[-1] = (s[0], s[1], merged[-1][2] + 1)
        else:
            merged.append((s[0], s[1], 1))
    merged = " ".join(f"{c}{sign}{k}" for c, sign, k in merged)
    flipped = [s[0] + ("-" if s[1] == "+" else "+") + s[2:] for s in steps[:1]] + steps[1:]
    # A valid plan (1.0), merged, without separators, with noise around it;
    # one move short, one move reversed (0.01 unless it still solves);
    # moving the piece one past the last (the reference raises: 0.0) and two
    # past (skipped); overshooting, lower case, Unicode digits, a number
    # past Python's int digits (0.0), one just within, malformed moves.
    return [plan, merged, plan.replace(" ", ""), f"Moves: {plan.replace(' ', ', ')}.",
            " ".join(steps[:-1]), " ".join(flipped), f"{chr(65 + n)}+1 {plan}", f"{chr(66 + n)}+1 {plan}",
            f"{plan} A+7", f"A-9 {merged}", plan.lower(), plan.replace("1", "\u0661"),
            f"{plan} A+{'1' * 4301}", f"A+{'0' * 4299}1 {plan}", "A+ B- 1", "A1 B+-1 C+-2", "A+1"]


def boxnet_plan(meta):
    """A plan that matches every box: one agent acts per step, carrying a box
    square by square (rows, then columns) to a square holding its target."""
    state = {k: list(v) for k, v in meta["initial_state"].items()}
    at = {k: tuple(float(x) for x in k.split("_")) for k in state}
    plan = []

    def agent(sq):
        return f"Agent[{at[sq][0]}, {at[sq][1]}]"

    for sq in list(state):
        for item in [i for i in state[sq] if i.startswith("box_")]:
            target = "target_" + item[4:]
            goal = next(k for k in state if target in state[k])
            cur = sq
            while cur != goal:
                (r, c), (gr, gc) = at[cur], at[goal]
                nxt = (r + (gr > r) - (gr < r), c) if r != gr else (r, c + (gc > c) - (gc < c))
                dest = f"{nxt[0]}_{nxt[1]}"
                plan.append({agent(cur): f"move({item}, square[{nxt[0]}, {nxt[1]}])"})
                state[cur].remove(item)
                state[dest].append(item)
                cur = dest
            plan.append({agent(cur): f"move({item}, {target})"})
            state[cur].remove(item)
            state[cur].remove(target)
    return plan


def boxnet_extras(meta):
    plan = boxnet_plan(meta)
    first = next(iter(meta["initial_state"]))
    r, c = (float(x) for x in first.split("_"))
    a = f"Agent[{r}, {c}]"
    box = next((i for v in meta["initial_state"].values() for i in v if i.startswith("box_")), "box_red")
    # The whole plan (1.0), the steps merged into one, its first half (the
    # share matched), the plan twice; then the parser's corners: a repeated
    # agent (the last action wins), an agent off the grid (skipped), a square
    # two away (ignored), moves off the grid and keys without two numbers
    # (the reference raises), Unicode digits and whitespace, a newline inside,
    # no space after the comma (no match), and plans that are not lists of
    # objects of strings.
    merged = {}
    for step in plan:
        merged.update(step)
    return [json.dumps(plan), json.dumps([merged]), json.dumps(plan[: len(plan) // 2]), json.dumps(plan + plan),
            json.dumps(plan[:1] + [{a: f"move({box}, square[{r}, {c + 2}])"}] + plan[1:]),
            json.dumps([{a: f"move({box}, square[{r}, {c + 1}])", f"Agent[{r}0, {c}]": f"move({box}, square[{r + 1}, {c}])"}]),
            json.dumps([{f"Agent[{r + 50}, {c}]": f"move({box}, square[{r + 51}, {c}])"}] + plan),
            json.dumps([{a: f"move({box}, square[{r - 1}, {c}])"}]), json.dumps([{a: f"move({box}, square[{r}])"}]),
            json.dumps([{a: f"move({box}, square[{r + 1}])"}]), json.dumps([{a: f"move({box}, square[])"}]),
            json.dumps([{"Agent[0.5]": f"move({box}, target_red)"}]), json.dumps([{"Agent": f"move({box}, target_red)"}]),
            json.dumps(plan, ensure_ascii=False).replace("0", "\u0660"), json.dumps(plan).replace(", square", ",\u3000square"),
            json.dumps(plan).replace(", square", ",\nsquare"), json.dumps(plan).replace(", ", ","),
            json.dumps([{a: f"move({box}, x\n, square[{r}, {c + 1}])"}]), json.dumps([{a: f"move({box},\n, square[{r}, {c + 1}])"}]),
            json.dumps([{a: f"move({box}, target_{box[4:]}) and more"}]), json.dumps([{a: f"move(target_{box[4:]}, square[{r}, {c + 1}])"}]),
            "[]", "{}", '""', '"x"', '{"a": "b"}', "5", "null", "[1]", "[[]]", '[{"a": 1}]', "[{}]", "[NaN]", "not json"]


def rubiks_cube_extras(meta):
    """The scramble undone (it solves, except that the scorer drops moves
    written with a layer number: partial credit on larger cubes), the
    example with runs written as counts, a move short, whole-cube turns and
    middle slices (refused on even cubes: 0.01), a move magiccube does not
    read (0.01), counts in Unicode digits, zero counts, counts past Python's
    int digits or past memory (0.01), a large count made in full, and
    Unicode whitespace between moves."""
    from magiccube.cube import CubeMove

    scramble = [CubeMove.create(m) for m in meta["scramble_moves"].split(" ") if m]
    undo = " ".join(str(m.reverse()) for m in reversed(scramble))
    example = meta["example_correct_answer"].split()
    runs = []
    for m in example:
        if runs and runs[-1][0] == m:
            runs[-1][1] += 1
        else:
            runs.append([m, 1])
    counted = " ".join(m if k == 1 else f"{m}{k}" for m, k in runs)
    return [undo, counted, " ".join(example[:-1]), undo + " X Y' Z", undo + " M", "X X X X " + undo, "U x", "2U",
            "U'2 U'2", "U\u0663 U", "U0 R\u0660", "Rw Rw'", "M E S", "U" + "9" * 4301, "U" + "1" * 14,
            "U1001", undo.replace(" ", "\u3000"), "R  U\tF\u2003B", "   ", "U'' R", "Uw", "Xw"]


NONE_ANSWER_EXTRAS = {"propositional_logic": propositional_logic_extras, "rush_hour": rush_hour_extras,
                      "boxnet": boxnet_extras, "rubiks_cube": rubiks_cube_extras}


def knight_swap_extras(meta):
    """The scorer's other outcomes: a valid but longer plan (optimal / length),
    legal moves that stop short (0.05), the wrong side first, an illegal move,
    and malformed lists (0.0); for an impossible puzzle, other ways to say "No"."""
    if not meta["is_possible"]:
        return ["no", " NO\n", "No.", "[]", '["w,A1,B3"]']
    sol = [list(m) for m in meta["solution"]]
    moves = [",".join(m) for m in sol]
    longer = knight_swap_detour(meta, sol)
    wrong_side = [("B" if m[0] == "w" else "w") + m[1:] for m in moves]
    first = sol[0]
    return [json.dumps(moves, separators=(",", ":")), json.dumps(moves[:-1]), json.dumps(moves[:1]),
            *([json.dumps(longer)] if longer else []), json.dumps(wrong_side),
            json.dumps([f"{first[0]},{first[1]},{first[1]}"] + moves[1:]), json.dumps(moves + moves[-1:]),
            json.dumps([m.replace(",", ";") for m in moves]), json.dumps([f"x,{first[1]},{first[2]}"]),
            json.dumps(moves)[:-1], "[1]", '{"w": 1}', '"w,A1,B3"', "[NaN]", "No"]


def knight_swap_detour(meta, sol):
    """The solution and then four moves that undo themselves (the side to move
    steps out and back while the other does the same), if the board has room."""
    pieces = dict(meta["pieces"])
    for _, start, end in sol:
        pieces[end], pieces[start] = pieces[start], None
    turn = "B" if sol[-1][0] == "w" else "w"
    other = "B" if turn == "w" else "w"
    board = meta["board"]
    for a in sorted(p for p, c in pieces.items() if c == turn):
        for b in board[a]:
            if pieces[b] is not None:
                continue
            after = dict(pieces, **{a: None, b: turn})
            for c in sorted(p for p, k in after.items() if k == other):
                for d in board[c]:
                    if after[d] is None and d != a:
                        extra = [f"{turn},{a},{b}", f"{other},{c},{d}", f"{turn},{b},{a}", f"{other},{d},{c}"]
                        return [",".join(m) for m in sol] + extra
    return None


def word_ladder_extras(item):
    """Spaces around the words (stripped: 1.0); a detour through a non-word and
    back (0.5 for each non-word); a word repeated or two letters at once (0.0);
    the ladder reversed or with other separators; letters Python upper-cases
    into two ("ﬁ", "ß")."""
    words = item["answer"].split(",")
    w = words[0]
    odd = [w[:i] + "Q" + w[i + 1:] for i in range(len(w)) if w[i] != "Q"][:2]
    return [" , ".join(words), ",".join([w, odd[0], w] + words[1:]), ",".join([w, odd[0], w, odd[1], w] + words[1:]),
            ",".join(words + words[-1:]), ",".join(words[::-1]), ";".join(words), " ".join(words),
            ",".join([w, words[-1]]), item["answer"].replace("FI", "\ufb01"), item["answer"].replace("SS", "\u00df"),
            item["answer"].lower().replace("i", "\u0130")]


# Extra answers for datasets whose answer is a string (see string_answer_spread),
# made from the item.
def intermediate_integration_extras(item):
    """What an antiderivative scorer tells apart: the answer without its
    constant, with another constant, scaled, shifted by the variable, with
    `^` for `**`, and the integrand itself."""
    bare = item["answer"].removesuffix(" + C")
    var = item["metadata"]["variable"]
    return [bare, f"{bare} + 7", f"2*({bare})", f"{bare} + {var}", bare.replace("**", "^"),
            item["metadata"]["integrand"]]


ANSWER_EXTRAS = {"knight_swap": lambda item: knight_swap_extras(item["metadata"]), "word_ladder": word_ladder_extras,
                 "intermediate_integration": intermediate_integration_extras}


def matrix_variants(ans):
    """Answers a numeric-matrix scorer tells apart: within and just past a 1%
    tolerance, rounded coarser, transposed, a row short, NaN and inf, other
    separators, comments, Python's list syntax."""
    rows = [r.split() for r in ans.splitlines()]
    try:
        nums = [[float(x) for x in r] for r in rows]
    except ValueError:
        return []
    fmt = lambda m, f: "\n".join(" ".join(f(x) for x in r) for r in m)  # noqa: E731
    out = [fmt(nums, lambda x: f"{x * 1.009:.6f}"), fmt(nums, lambda x: f"{x * 1.011 + 0.0001:.6f}"),
           fmt(nums, lambda x: f"{x:.1f}"), fmt(nums, lambda x: f"{x:.0f}"),
           "\n".join(" ".join(c) for c in zip(*rows)), "\n".join(" ".join(r) for r in rows[:-1]),
           "\n".join(",".join(r) for r in rows), "\r\n".join("\t".join(r) + "  # row" for r in rows),
           str(nums), ans.replace(rows[0][0], "nan", 1), ans.replace(rows[0][0], "inf", 1),
           ans + "\n" + " ".join(rows[0])]
    return out


def time_intervals_extras(item):
    """Durations the scorer tells apart: near and far misses (partial credit
    down to 0.0), other layouts, fields past the ones it reads, Unicode digits
    and underscores (int() takes them), malformed fields (0.0), and numbers
    past a float's range or Python's 4300 digits (the reference raises: 0.0)."""
    ans, task = item["answer"], item["metadata"]["task_type"]
    big, huge = "9" * 400, "9" * 4301
    if task == "date":
        n = int(ans.split()[0])
        return [f"{n + 1} days", f"{n - 3} days", f"{n}", f"{-n} days", f"{n * 1000} days", f" {n}\tdays ",
                f"\u0661{n} days", f"1_0{n} days", "days", f"{big} days", f"{huge} days", f"{n}.0 days"]
    if task.startswith("time"):
        parts = ans.split(":")
        h, m = int(parts[0]), int(parts[1])
        out = [f"{h}:{m + 1:02d}" + ans[len(f"{parts[0]}:{parts[1]}"):], f"{h + 1}:{m}", f"{h}:{m}",
               f"{h}:{m}:00", f"{h}:{m}:00.000", f"{h}:{m}:59.999", f"{ans}:17", f"{ans}.5", f"{h}:{m}:1.2.3",
               f"{h}", f"{-h}:{m}", f"-{ans}", f"{h}:{m}:\u0665", f"1_{h}:{m}", f"{big}:00", f"{big}:00:00.5",
               f"00:00:00.{big}", f"{'9' * 310}:00:00.5", f"0:0:{'9' * 309}.5", f"{huge}:00", f"{h}:x", "::"]
        if len(parts) == 3 and "." in parts[2]:
            s, ms = parts[2].split(".")
            out += [f"{h}:{m}:{s}.{int(ms) + 1}", f"{h}:{m}:{s}.{ms}0", f"{h}:{m}:{s}.-{ms}"]
        return out
    days, rest = ans.split(" days, ")
    d = int(days)
    return [f"{d + 1} days, {rest}", f"{d - 1} days, {rest}", f"{d} days, 00:00", f"{d} days, {rest}:00",
            f"{d} days,{rest}", f"{d}days, {rest}", f"{d} days, {rest}, 1:2", f"{d} days, 1", f"{d} days",
            f"{d} days, {rest}:17:3", f"{big} days, {rest}", f"{huge} days, {rest}", f"{d} days, 1:{big}",
            f"-{d} days, {rest}", f"{d} days, x:00"]


ANSWER_EXTRAS["time_intervals"] = time_intervals_extras
ANSWER_EXTRAS.update({"pool_matrix": lambda item: matrix_variants(item["answer"]),
                      "arc_agi": lambda item: matrix_variants(item["answer"])})


def ref_score(ds, answer, item):
    """The reference score, or None where the reference scorer raises (rgym scores those 0.0).
    The scorer gets a copy: some write into the entry (knight_swap adds `board_states`)."""
    try:
        return float(ds.score_answer(answer, copy.deepcopy(item)))
    except Exception:  # noqa: BLE001 - any raise is recorded the same way
        return None


# time_intervals: the day rgym uses for the reference's `date.today()`
# (crates/datasets-arithmetic/src/time_intervals.rs, `TODAY`).
TIME_INTERVALS_TODAY = (2025, 1, 1)


def pin_reference_environment(name):
    """Fix what the reference reads from its surroundings, for the dataset
    that reads it only. time_intervals dates its time-only tasks with
    `date.today()`, and dateutil reads bare times against today: both are
    pinned to rgym's fixed day (the module's `date` and `parser` names are
    replaced). rubiks_cube with `remove_ansi: false` draws colours only when
    `TERM` is `xterm-256color`, which rgym always does: `TERM` is set so."""
    if name == "rubiks_cube":
        os.environ["TERM"] = "xterm-256color"
    if name != "time_intervals":
        return
    import datetime

    from dateutil import parser as dateutil_parser

    from reasoning_gym.arithmetic import time_intervals

    class PinnedDate(datetime.date):
        @classmethod
        def today(cls):
            return datetime.date(*TIME_INTERVALS_TODAY)

    class PinnedParser:
        @staticmethod
        def parse(timestr, **kwargs):
            kwargs.setdefault("default", datetime.datetime(*TIME_INTERVALS_TODAY))
            return dateutil_parser.parse(timestr, **kwargs)

    time_intervals.date = PinnedDate
    time_intervals.parser = PinnedParser


def reference_kwargs(name, cfg):
    """The config as the reference's Python API takes it: the JSON forms of its
    nested dataclasses (composite's `DatasetSpec`s, arc_agi's and rearc's
    `BoardFormattingOptions`) become those objects, and time_intervals' ISO
    date and time strings become `date`s and `time`s. Pins the reference's
    surroundings where rgym fixes them (`pin_reference_environment`)."""
    pin_reference_environment(name)
    kwargs = dict(cfg)
    if name == "time_intervals":
        import datetime

        for key, kind in (("min_date", datetime.date), ("max_date", datetime.date),
                          ("min_time", datetime.time), ("max_time", datetime.time)):
            if isinstance(kwargs.get(key), str):
                kwargs[key] = kind.fromisoformat(kwargs[key])
    if name == "composite":
        from reasoning_gym.composite import DatasetSpec

        kwargs["datasets"] = [DatasetSpec(name=d["name"], weight=d.get("weight", 1), config=dict(d.get("config", {})))
                              for d in cfg["datasets"]]
    if isinstance(cfg.get("board_format_opts"), dict):  # arc_agi, rearc
        from reasoning_gym.arc.board_format import BoardFormattingOptions

        kwargs["board_format_opts"] = BoardFormattingOptions(**cfg["board_format_opts"])
    return kwargs


def items_for(name, config):
    import reasoning_gym

    rows = []
    for seed in SEEDS:
        cfg = dict(config, seed=seed, size=size_for(name))
        kwargs = reference_kwargs(name, cfg)
        ds = reasoning_gym.create_dataset(name, **kwargs)
        for idx in indices_for(name):
            try:
                item = ds[idx]
            except Exception as e:  # noqa: BLE001 - the reference's item is an error
                rows.append({"config": cfg, "index": idx, "error": f"{type(e).__name__}: {e}"})
                continue
            try:
                other = ds[idx + 1]["answer"]
            except Exception:  # noqa: BLE001 - the next item is an error: no other answer
                other = ""
            ans = item["answer"]
            if isinstance(ans, str):
                spread = string_answer_spread(name, item, other)
            elif ans is None:
                spread = none_answer_spread(name, item, ds[idx + 1])
            else:
                spread = []
            scores = [[a, ref_score(ds, a, item)] for a in spread]
            rows.append({"config": cfg, "index": idx, "question": item["question"], "answer": ans,
                         "metadata": to_wire(item["metadata"]), "scores": scores})
    return rows


def configs_for(name):
    path = GOLDEN / "configs" / f"{name}.json"
    extra = json.loads(path.read_text()) if path.exists() else []
    # composite has no usable default (its `datasets` must be given).
    return ([] if name == "composite" else [{}]) + extra


def generate(name):
    rows = []
    for config in configs_for(name):
        rows += items_for(name, config)
    return rows


RGYM = ROOT / "target" / "debug" / "rgym"
RGYM_ITEMS = 4


def rgym_rows(name):
    """rgym's first items for each config and seed, scored by the reference."""
    import reasoning_gym

    rows = []
    for config in configs_for(name):
        for seed in SEEDS:
            cfg = dict(config, seed=seed, size=size_for(name))
            ds = reasoning_gym.create_dataset(name, **reference_kwargs(name, cfg))
            # One item at a time: a config may make the reference (and rgym
            # with it) refuse some items; those have their error rows already.
            items = []
            for index in range(RGYM_ITEMS + 1):
                proc = subprocess.run([str(RGYM), "generate", name, "--seed", str(seed), "--size",
                                       str(size_for(name)), "--config", json.dumps(config),
                                       "--start", str(index), "--count", "1"],
                                      capture_output=True, text=True)
                if proc.returncode == 0:
                    items.append(json.loads(proc.stdout))
            for item, nxt in zip(items, items[1:]):
                scores = [[a, ref_score(ds, a, item)] for a in string_answer_spread(name, item, nxt["answer"])]
                if scores[0][1] != 1.0:
                    sys.exit(f"{name} {cfg} index {item['index']}: the reference scores rgym's answer {scores[0][1]}")
                rows.append({"config": cfg, "index": item["index"], "origin": "rgym", "question": item["question"],
                             "answer": item["answer"], "metadata": item["metadata"], "scores": scores})
    return rows


def field_paths(row):
    """The parts of a row compared one by one: question, answer, each metadata key."""
    meta = row["metadata"] if isinstance(row["metadata"], dict) else {}
    return {"question": row["question"], "answer": row["answer"],
            **{f"metadata.{k}": v for k, v in meta.items()}}


def stable_fields(run_a, run_b):
    """The parts that came out the same under both hash seeds in every row: the
    Rust test still compares those with the reference's."""
    # Rows the reference refused have no parts: the Rust test compares their
    # error message whatever the header says.
    pairs = [(json.loads(a), json.loads(b)) for a, b in zip(run_a.splitlines(), run_b.splitlines())]
    pairs = [(a, b) for a, b in pairs if "error" not in a and "error" not in b]
    rows_a = [field_paths(a) for a, _ in pairs]
    rows_b = [field_paths(b) for _, b in pairs]
    keys = set().union(*rows_a) if rows_a else set()
    return sorted(k for k in keys
                  if all(k in a and k in b and a[k] == b[k] for a, b in zip(rows_a, rows_b)))


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def worker(name):
    """Print the rows for one dataset (run under a given PYTHONHASHSEED). What the
    reference itself prints (tower_of_hanoi's scorer reports bad moves) goes to stderr."""
    import contextlib

    with contextlib.redirect_stdout(sys.stderr):
        rows = generate(name)
    for row in rows:
        print(dumps(row))


def main():
    oracle.reexec()
    if len(sys.argv) >= 3 and sys.argv[1] == "--worker":
        worker(sys.argv[2])
        return
    names = sys.argv[1:] or sorted(p.stem for p in (GOLDEN / "configs").glob("*.json"))
    for name in names:
        # The two hash seeds' runs are independent processes: side by side
        # they take half the time on two cores (intermediate_integration's
        # reference makes two items a second).
        # Each run is kept under target/golden-runs, and GOLDEN_REUSE=1 takes
        # it from there: a slow reference (an hour for intermediate_integration)
        # is not rerun when a later step fails.
        saved = [ROOT / "target" / "golden-runs" / f"{name}.hashseed{h}.jsonl" for h in ("0", "1")]
        if os.environ.get("GOLDEN_REUSE") == "1" and all(p.exists() for p in saved):
            runs = [p.read_text() for p in saved]
        else:
            procs = [subprocess.Popen([sys.executable, __file__, "--worker", name],
                                      env=dict(os.environ, PYTHONHASHSEED=hashseed),
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for hashseed in ("0", "1")]
            runs = []
            for proc, path in zip(procs, saved):
                out, err = proc.communicate()
                if proc.returncode != 0:
                    raise SystemExit(f"{name}: the reference's worker failed:\n{err[-2000:]}")
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(out)
                runs.append(out)
        header = {"dataset": name, "reasoning_gym": VERSION, "deterministic": runs[0] == runs[1]}
        if not header["deterministic"]:
            header["stable"] = stable_fields(runs[0], runs[1])
            if name in PER_ROW_EXACT:
                rows = []
                for a, b in zip(runs[0].splitlines(), runs[1].splitlines()):
                    row = json.loads(a)
                    if a == b:
                        row["exact"] = True
                    rows.append(dumps(row) + "\n")
                runs[0] = "".join(rows)
        extra = ""
        if not header["deterministic"]:
            if RGYM.exists():
                extra = "".join(dumps(row) + "\n" for row in rgym_rows(name))
            else:
                print(f"{name}: {RGYM} not built, so no reference scores of rgym's items")
        path = GOLDEN / f"{name}.jsonl"
        path.write_text(dumps(header) + "\n" + runs[0] + extra)
        print(f"{name}: {runs[0].count(chr(10))} items, {extra.count(chr(10))} rgym items, "
              f"deterministic={header['deterministic']}")


if __name__ == "__main__":
    main()
