#!/usr/bin/env python3
"""Write reasoning-gym 0.1.25's curricula as data, and the configs they derive.

    cargo build --bin rgym                              # the script asks it what is registered
    python3 scripts/vectors/curricula.py                # every registered dataset
    python3 scripts/vectors/curricula.py leg_counting   # just these

Runs itself inside the git-ignored `.venv-oracle` (see scripts/lib/oracle.py).
For every dataset `target/debug/rgym list --json` names that has a curriculum in
the reference (`reasoning_gym.factory.create_curriculum(name)`), it writes:

* `crates/datasets/curricula/<name>.json`: the curriculum as data, which the
  `datasets` crate embeds (`datasets::curriculum`): the curriculum's and its
  config class's names, and each attribute in definition order with its `kind`
  (`range`, `scalar`), `levels`, `default_level`, `description` and field names
  (`field_name`; or `lower_field_name`, `upper_field_name`, `ensure_interval`);
* `tests/golden/curricula/<name>.jsonl`: a header, then one row per derived
  config: every attribute at every level (the others at their default level),
  then every attribute at level k (`set_global_level(k)`, capped at each
  attribute's last level) for each k up to the longest attribute's last level.
  A row is `{"levels": {attr: level, ...}, "level"?: k, "config": {...},
  "error": null | message}`: `config` is what `generate_configuration()` (no
  defaults, the default inclusive context) passes to the config class, and
  `error` what `create_dataset(name, seed=42, size=10, **config)` raises (some
  of the reference's own levels give configs its `validate()` refuses);
* `tests/golden/curricula/index.json`: the datasets with a curriculum and the
  registered ones without, so that the test notices a dataset ported since the
  last run (`crates/datasets/tests/curricula.rs`).

Output is deterministic: running the script again writes identical files.
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RGYM = ROOT / "target" / "debug" / "rgym"
DATA = ROOT / "crates" / "datasets" / "curricula"
GOLDEN = ROOT / "tests" / "golden" / "curricula"
VERSION = "0.1.25"
# What the build check passes besides the derived config.
SEED, SIZE = 42, 10

sys.path.insert(0, str(ROOT / "scripts" / "lib"))
import oracle  # noqa: E402  (scripts/lib is not a package)


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def to_wire(v):
    """A level or config value as JSON carries it (tuples become lists)."""
    if isinstance(v, dict):
        return {k: to_wire(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [to_wire(x) for x in v]
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    raise TypeError(f"a curriculum value JSON cannot carry: {v!r}")


def describe(name, curriculum):
    """The curriculum as the data file holds it."""
    from reasoning_gym.coaching.attributes import RangeAttributeDefinition, ScalarAttributeDefinition

    known = {"name", "levels", "default_level", "description", "field_name", "lower_field_name",
             "upper_field_name", "ensure_interval"}
    attrs = []
    for a in curriculum.attributes.values():
        unknown = set(vars(a)) - known
        if unknown:
            raise SystemExit(f"{name}.{a.name}: attribute fields this script does not know: {unknown}")
        row = {"name": a.name}
        if isinstance(a, RangeAttributeDefinition):
            row["kind"] = "range"
            row["lower_field_name"] = a.lower_field_name
            row["upper_field_name"] = a.upper_field_name
            row["ensure_interval"] = a.ensure_interval
        elif isinstance(a, ScalarAttributeDefinition):
            row["kind"] = "scalar"
            row["field_name"] = a.field_name
        else:
            raise SystemExit(f"{name}.{a.name}: unknown attribute type {type(a).__name__}")
        row["default_level"] = a.default_level
        row["description"] = a.description
        row["levels"] = to_wire(list(a.levels))
        attrs.append(row)
    return {
        "dataset": name,
        "curriculum": curriculum.name,
        "config_class": curriculum._config_cls.__name__,
        "reasoning_gym": VERSION,
        "attributes": attrs,
    }


def data_text(doc):
    """One attribute a line: small diffs when the reference changes a level."""
    head = {k: v for k, v in doc.items() if k != "attributes"}
    lines = [dumps(head)[:-1] + ',"attributes":[']
    lines += [" " + dumps(a) + "," for a in doc["attributes"]]
    lines[-1] = lines[-1][:-1]
    lines.append("]}")
    return "\n".join(lines) + "\n"


def derived_row(name, curriculum, level=None):
    """The config the curriculum's current levels give, and whether it builds."""
    from reasoning_gym.factory import create_dataset

    levels = {a: curriculum.get_attr_level(a) for a in curriculum.attributes}
    # The keyword arguments generate_configuration passes to the config class
    # (exactly the attribute fields when no defaults are given), captured
    # before the class could change them.
    config_cls = curriculum._config_cls
    curriculum._config_cls = lambda **kwargs: kwargs
    try:
        fields = to_wire(curriculum.generate_configuration())
    finally:
        curriculum._config_cls = config_cls
    if {"seed", "size"} & set(fields):
        raise SystemExit(f"{name}: a curriculum that sets seed or size")
    try:
        create_dataset(name, seed=SEED, size=SIZE, **fields)
        error = None
    except Exception as e:  # the reference's refusal, whatever its type
        error = str(e)
    row = {"levels": levels}
    if level is not None:
        row["level"] = level
    row["config"] = fields
    row["error"] = error
    return row


def golden_rows(name):
    from reasoning_gym.factory import create_curriculum

    rows = []
    attrs = list(create_curriculum(name).attributes.values())
    for a in attrs:
        for k in range(len(a.levels)):
            c = create_curriculum(name)
            c.set_attr_level(a.name, k)
            rows.append(derived_row(name, c))
    for k in range(max(len(a.levels) for a in attrs)):
        c = create_curriculum(name)
        c.set_global_level(k)
        rows.append(derived_row(name, c, level=k))
    return rows


def registered():
    if not RGYM.exists():
        raise SystemExit(f"{RGYM} is missing: run `cargo build --bin rgym` first")
    out = subprocess.run([str(RGYM), "list", "--json"], check=True, capture_output=True, text=True)
    return [d["name"] for d in json.loads(out.stdout)]


def main():
    oracle.reexec()
    from reasoning_gym.factory import create_curriculum, has_curriculum

    all_names = registered()
    names = sys.argv[1:] or all_names
    for name in names:
        if name not in all_names:
            raise SystemExit(f"{name} is not registered in rgym")
    DATA.mkdir(parents=True, exist_ok=True)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name in names:
        if not has_curriculum(name):
            print(f"{name}: no curriculum in the reference")
            for stale in (DATA / f"{name}.json", GOLDEN / f"{name}.jsonl"):
                stale.unlink(missing_ok=True)
            continue
        doc = describe(name, create_curriculum(name))
        (DATA / f"{name}.json").write_text(data_text(doc))
        rows = golden_rows(name)
        header = {"dataset": name, "reasoning_gym": VERSION, "seed": SEED, "size": SIZE}
        text = "".join(dumps(r) + "\n" for r in [header, *rows])
        (GOLDEN / f"{name}.jsonl").write_text(text)
        refused = sum(r["error"] is not None for r in rows)
        print(f"{name}: {len(doc['attributes'])} attributes, {len(rows)} configs ({refused} refused)")
    index = {
        "reasoning_gym": VERSION,
        "with": sorted(n for n in all_names if has_curriculum(n)),
        "without": sorted(n for n in all_names if not has_curriculum(n)),
    }
    (GOLDEN / "index.json").write_text(json.dumps(index, indent=1) + "\n")
    print(f"{len(index['with'])} datasets with a curriculum, {len(index['without'])} without")


if __name__ == "__main__":
    main()
