"""The reference's Python environment (`.venv-oracle`, reasoning-gym 0.1.25),
made through the one venv helper, `scripts/lib/venv.sh`.

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "lib"))
    import oracle
    oracle.reexec()          # continue this script inside the oracle venv
    py = oracle.python()     # or just get its interpreter
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv-oracle"
VERSION = "0.1.25"


def python() -> Path:
    """The oracle venv's interpreter, setting the venv up first if need be."""
    out = subprocess.check_output(
        ["bash", str(ROOT / "scripts" / "lib" / "venv.sh"), str(VENV),
         "import reasoning_gym", f"reasoning-gym=={VERSION}"],
        cwd=ROOT,
    )
    return Path(out.decode().strip())


def reexec():
    """Runs the calling script again inside the oracle venv (once)."""
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    py = str(python())
    os.execv(py, [py, *sys.argv])
