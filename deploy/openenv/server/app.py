"""The entry point `openenv serve`, `uv run server` and `python -m server.app`
expect of an OpenEnv environment, for rgym, whose server is a Rust binary:
`main()` replaces this process with `rgym serve`, passing its arguments on
(`uv run server --port 8001`).

The binary is $RGYM_BIN, else `rgym` on PATH (the Docker image has it at
/usr/local/bin/rgym), else the checkout's own `target/release/rgym` beside
this directory. Staged by scripts/openenv_push.sh; README "Deploying to
Hugging Face Spaces" says why the layout is Python's.
"""

import os
import shutil
import sys
from pathlib import Path


def find_rgym() -> str:
    explicit = os.environ.get("RGYM_BIN")
    if explicit:
        return explicit
    on_path = shutil.which("rgym")
    if on_path:
        return on_path
    built = Path(__file__).resolve().parents[1] / "target" / "release" / "rgym"
    if built.is_file():
        return str(built)
    sys.exit("rgym is not installed: `cargo build --release` (or `cargo install --path .`), or set RGYM_BIN")


def main() -> None:
    rgym = find_rgym()
    os.execv(rgym, [rgym, "serve", *sys.argv[1:]])


if __name__ == "__main__":
    main()
