#!/usr/bin/env bash
# Makes the Python environment rgym's Python provider runs (acre, codeio):
# a venv at DIR (default .venv-provider) with reasoning-gym 0.1.25, and prints
# its python, which is what `python_provider` (RGYM_PYTHON_PROVIDER) takes:
#
#   rgym serve --config my.toml      # with python_provider = "<printed path>"
#   RGYM_PYTHON_PROVIDER=$(scripts/python_provider_env.sh) rgym generate codeio --seed 1 --size 10
#
# Usage: scripts/python_provider_env.sh [DIR]
# Environment: PYTHON (the interpreter that creates the venv; default python3,
# which must be CPython 3.10 or later, as reasoning-gym requires).
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-.venv-provider}
. scripts/lib/venv.sh
ensure_venv "$dir" 'import importlib.metadata as m; assert m.version("reasoning-gym") == "0.1.25"' \
    "reasoning-gym==0.1.25" >&2
cd "$dir" && echo "$(pwd)/bin/python"
