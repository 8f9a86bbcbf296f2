#!/usr/bin/env bash
# Tests the Python client package (clients/python) end to end:
#   1. creates .venv-client and installs the package (with openenv-core 0.3.0)
#      and pytest into it, reinstalling when the package changed;
#   2. builds the rgym binary;
#   3. runs clients/python/tests, which start `rgym serve` on a free loopback
#      port (or use $RGYM_URL) and run the upstream README examples.
# With --light first: the light install of clients/python/README.md instead
# (openenv-core without its dependencies, clients/python/requirements-light.txt,
# the package without dependencies) in .venv-client-light, and the session
# tests only (test_client.py), which need nothing of what it leaves out.
# Exits with pytest's code, except that "no tests collected" (5) is a failure
# too. Extra arguments go to pytest.
# Environment: RGYM_CLIENT_VENV (venv dir), PYTHON, RGYM_URL (existing server).
set -euo pipefail
cd "$(dirname "$0")/../.."

pkg=clients/python
. scripts/lib/venv.sh
if [ "${1:-}" = "--light" ]; then
    shift
    venv=${RGYM_CLIENT_VENV:-.venv-client-light}
    ensure_light_client_venv "$venv"
    targets=(test_client.py)
else
    venv=${RGYM_CLIENT_VENV:-.venv-client}
    ensure_client_venv "$venv"
    targets=(.)
fi

RGYM_BIN=$(debug_bin)
export RGYM_BIN

# Run from outside the source tree so that the installed package, not the
# checkout, is what gets imported.
root=$(pwd)
set +e
(cd "$pkg/tests" && "$root/$venv/bin/python" -m pytest -p no:cacheprovider \
    --rootdir "$root/$pkg" -c "$root/$pkg/pyproject.toml" "$@" "${targets[@]}")
code=$?
set -e
if [ "$code" -eq 5 ]; then
    echo "client_tests.sh: pytest collected no tests" >&2
    exit 1
fi
exit "$code"
