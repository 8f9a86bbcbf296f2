#!/usr/bin/env python3
"""figlet_font's font facts and render vectors, from pyfiglet 1.0.2 as reasoning-gym uses it.

Writes, from the oracle venv (.venv-oracle, reasoning-gym 0.1.25 + pyfiglet 1.0.2):

* crates/datasets-cognition/data/figlet_fonts.tsv: reasoning-gym's OK_FONTS in its
  order (pyfiglet's font directory listing as this install returned it, minus
  BAD_FONTS), one `name<TAB>sha256 of the .flf file` line each. rgym does not
  ship the fonts (their licences vary); it reads them from a directory the user
  names and checks each file against this hash.
* crates/datasets-cognition/tests/figlet_vectors.tsv: for every font and a few
  texts (spaced and unspaced words, a line long enough to wrap, German
  characters), the sha256 of `pyfiglet.figlet_format(text, font=name)` or the
  exception it raises: `font<TAB>text index<TAB>sha256 or "!Type: message"`.
  crates/datasets-cognition/tests/figlet.rs renders the same with rgym's engine.

Usage: python3 scripts/vectors/figlet_fonts.py (re-execs itself in .venv-oracle).
"""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-oracle"

TEXTS = [
    "H E L L O",
    "WORLD",
    "T H E Q U I C K B R O W N F O X J U M P S O V E R",
    "abc xyz 0123456789 !?",
    "ÄÖÜ äöü ß",
    "a{b}[c](d)<e>/f\\g|h_i",
]


def main() -> None:
    if Path(sys.prefix).resolve() != VENV.resolve():
        py = subprocess.check_output(
            ["bash", str(ROOT / "scripts/lib/venv.sh"), str(VENV), "import reasoning_gym", "reasoning-gym==0.1.25"],
            text=True,
        ).strip()
        os.execv(py, [py, __file__, *sys.argv[1:]])
    import pyfiglet
    from reasoning_gym.cognition.figlet_fonts import OK_FONTS

    assert pyfiglet.__version__ == "1.0.2", pyfiglet.__version__
    fonts_dir = Path(pyfiglet.__file__).parent / "fonts"
    manifest = []
    for name in OK_FONTS:
        data = (fonts_dir / f"{name}.flf").read_bytes()
        manifest.append(f"{name}\t{hashlib.sha256(data).hexdigest()}\n")
    out = ROOT / "crates/datasets-cognition/data/figlet_fonts.tsv"
    out.write_text("".join(manifest))

    vectors = []
    for name in OK_FONTS:
        for i, text in enumerate(TEXTS):
            try:
                r = pyfiglet.figlet_format(text, font=name)
                v = hashlib.sha256(r.encode()).hexdigest()
            except Exception as e:  # noqa: BLE001 - the reference's outcome is the vector
                v = f"!{type(e).__name__}: {e}"
            vectors.append(f"{name}\t{i}\t{v}\n")
    vec = ROOT / "crates/datasets-cognition/tests/figlet_vectors.tsv"
    vec.write_text("".join(vectors))
    print(f"{out}: {len(manifest)} fonts; {vec}: {len(vectors)} renders")


if __name__ == "__main__":
    main()
