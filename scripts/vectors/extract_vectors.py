#!/usr/bin/env python3
"""Vectors for crates/extract: reasoning-gym's `utils.extract_answer` on random
completions built from the pieces its regex cares about.

    python3 scripts/vectors/extract_vectors.py   # writes crates/extract/tests/data/answer_tag.json

Runs in the oracle venv (reasoning-gym 0.1.25). Output is deterministic.
"""
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402

PIECES = ["<answer>", "</answer>"] * 4 + ["<answer", "answer>", "</answer", "<", ">", "/", " ", "  ", "\n", "\t", "\x1c",
          "\u00a0", "\u2003", "x", "42", "a b", "é", "<ANSWER>", "\\boxed{", "}"]


def main():
    oracle.reexec()
    from reasoning_gym.utils import extract_answer

    rnd = random.Random(20261205)
    cases = []
    for _ in range(5000):
        text = "".join(rnd.choice(PIECES) for _ in range(rnd.randrange(0, 14)))
        cases.append({"text": text, "answer": extract_answer(text, tag_name="answer", strip=True)})
    out = ROOT / "crates" / "extract" / "tests" / "data" / "answer_tag.json"
    out.write_text(json.dumps(cases, ensure_ascii=False, indent=0) + "\n")
    print(f"{len(cases)} cases, {sum(c['answer'] is not None for c in cases)} with an answer -> {out}")


if __name__ == "__main__":
    main()
