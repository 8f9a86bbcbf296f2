#!/usr/bin/env bash
# Copies pyfiglet 1.0.2's fonts (the ones reasoning-gym's figlet_font draws
# with) into DIR (default target/figlet-fonts) and prints DIR's absolute path.
#
# rgym does not ship these fonts: they come from many authors, most without a
# licence and some with restrictive notices. This fetches them from PyPI for
# your own use; point rgym at them with `figlet_fonts_dir` in the config file,
# `--figlet-fonts-dir`, or RGYM_FIGLET_FONTS_DIR. rgym checks every file it
# reads against the SHA-256 of the reference's copy.
#
# Usage: scripts/fetch_figlet_fonts.sh [DIR]
# Environment: PYTHON (the interpreter that creates the venv; default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/figlet-fonts}
venv=.venv-figlet

if [ ! -f "$dir/standard.flf" ]; then
    . scripts/lib/venv.sh
    ensure_venv "$venv" 'import pyfiglet; assert pyfiglet.__version__ == "1.0.2"' "pyfiglet==1.0.2" >&2
    src=$("$venv/bin/python" -c 'import pyfiglet, os; print(os.path.join(os.path.dirname(pyfiglet.__file__), "fonts"))')
    mkdir -p "$dir"
    cp "$src"/*.flf "$dir"/
fi
cd "$dir" && pwd
