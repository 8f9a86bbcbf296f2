#!/usr/bin/env python3
"""Items reasoning-gym 0.1.25 itself makes where the golden files do not look:

* seeds beyond 2^127 (2^128, 2^200, -(2^130)) and seed + idx crossing 2^127,
  where rgym once refused the seed or saturated the sum;
* composite member seeds (seed + i + 1) past 2^127;
* composite passing a member's null answer (graph_color) through unchanged.

    python3 scripts/vectors/reference_items.py   # writes crates/datasets/tests/data/reference_items.jsonl

Run it inside a venv with reasoning-gym==0.1.25 (e.g. .venv-ref, see README).
One line per item: {"name", "seed", "size", "config", "index", "question",
"answer", "metadata"}; `config` is the dataset's config without seed and size
(for composite: {"datasets": [{"name", "weight", "config"}]}). The Rust side is
crates/datasets/tests/reference_items.rs.
"""
import json
from pathlib import Path

import reasoning_gym as rg
from reasoning_gym.composite import DatasetSpec

OUT = Path(__file__).resolve().parents[2] / "crates/datasets/tests/data/reference_items.jsonl"

CASES = [
    # (name, seed, size, config, indices)
    ("leg_counting", 2**200, 3, {}, [0, 1, 2]),
    ("leg_counting", -(2**130), 3, {}, [0, 1, 2]),
    ("leg_counting", 2**128, 3, {}, [1]),
    # seed + idx crosses i128::MAX (2^127 - 1) between index 1 and 2.
    ("leg_counting", 2**127 - 2, 4, {}, [0, 1, 2, 3]),
    ("leg_counting", -(2**127) - 1, 3, {}, [0, 1, 2]),
    ("basic_arithmetic", 2**200, 5, {}, [0, 4]),
    ("word_sorting", -(2**200) + 17, 5, {}, [3]),
    (
        "composite",
        2**127 - 1,
        6,
        {"datasets": [{"name": "leg_counting", "weight": 1, "config": {}},
                      {"name": "basic_arithmetic", "weight": 1, "config": {}}]},
        [0, 1, 2, 3, 4, 5],
    ),
    (
        "composite",
        1,
        10,
        {"datasets": [{"name": "graph_color", "weight": 1, "config": {}}]},
        list(range(10)),
    ),
    (
        "composite",
        3,
        8,
        {"datasets": [{"name": "graph_color", "weight": 1, "config": {}},
                      {"name": "leg_counting", "weight": 1, "config": {}}]},
        list(range(8)),
    ),
]


def build(name, seed, size, config):
    if name == "composite":
        specs = [DatasetSpec(name=d["name"], weight=d["weight"], config=d["config"]) for d in config["datasets"]]
        return rg.create_dataset("composite", seed=seed, size=size, datasets=specs)
    return rg.create_dataset(name, seed=seed, size=size, **config)


def main():
    rows = []
    for name, seed, size, config, indices in CASES:
        ds = build(name, seed, size, config)
        for idx in indices:
            item = ds[idx]
            rows.append({"name": name, "seed": seed, "size": size, "config": config, "index": idx,
                         "question": item["question"], "answer": item["answer"], "metadata": item["metadata"]})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(f"{len(rows)} items -> {OUT}")


if __name__ == "__main__":
    main()
