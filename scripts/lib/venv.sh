#!/usr/bin/env bash
# The one place scripts make their git-ignored Python environments.
#
# Sourced (`. scripts/lib/venv.sh`), it defines:
#   ensure_venv DIR CHECK PKG...  DIR holds a venv whose python runs `-c CHECK`
#                                 without error, installing PKG... (pip
#                                 requirement specifiers) when it does not;
#   ensure_client_venv DIR        DIR holds a venv with clients/python installed;
#   debug_bin                     the path of the debug `rgym` binary, built;
#   free_port PYTHON              a free loopback TCP port.
# Run as a command (`bash scripts/lib/venv.sh DIR CHECK PKG...`), it does
# ensure_venv and prints DIR's python: the Python scripts use it that way.
# Environment: PYTHON (the interpreter that creates venvs; default python3).

ensure_venv() {
    local dir=$1 check=$2
    shift 2
    if "$dir/bin/python" -c "$check" >/dev/null 2>&1; then
        return 0
    fi
    echo "venv: setting up $dir ($*)" >&2
    if [ ! -x "$dir/bin/python" ]; then
        "${PYTHON:-python3}" -m venv "$dir" || return 1
    fi
    if [ "$#" -gt 0 ]; then
        "$dir/bin/pip" install --quiet --disable-pip-version-check "$@" || return 1
    fi
    "$dir/bin/python" -c "$check" >/dev/null
}

# ensure_client_venv DIR: DIR holds a venv with the Python client package
# (clients/python, with its test extras) as it is in the checkout. A stamp
# holds a hash of the package's sources: an unchanged package is not
# reinstalled, so a warm run costs nothing.
ensure_client_venv() {
    local dir=$1 pkg=clients/python want
    want=$(find "$pkg/pyproject.toml" "$pkg/reasoning_gym_env" -type f ! -name '*.pyc' -print0 \
        | sort -z | xargs -0 cat | sha256sum | cut -d' ' -f1)
    ensure_venv "$dir" 'import sys' || return 1
    if [ "$(cat "$dir/.rgym-client-stamp" 2>/dev/null)" != "$want" ]; then
        echo "venv: installing $pkg into $dir" >&2
        "$dir/bin/pip" install --quiet --disable-pip-version-check "./$pkg[test]" || return 1
        echo "$want" >"$dir/.rgym-client-stamp"
    fi
}

# ensure_light_client_venv DIR: the light install of clients/python/README.md
# (no gradio): openenv-core without its dependencies, the modules the client
# imports (requirements-light.txt), the package without dependencies, pytest.
# Stamped like ensure_client_venv.
ensure_light_client_venv() {
    local dir=$1 pkg=clients/python want
    want=$(find "$pkg/pyproject.toml" "$pkg/requirements-light.txt" "$pkg/reasoning_gym_env" \
        -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 cat | sha256sum | cut -d' ' -f1)
    ensure_venv "$dir" 'import sys' || return 1
    if [ "$(cat "$dir/.rgym-client-stamp" 2>/dev/null)" != "$want" ]; then
        echo "venv: installing $pkg (light) into $dir" >&2
        local pip=("$dir/bin/pip" install --quiet --disable-pip-version-check)
        "${pip[@]}" --no-deps "openenv-core>=0.3,<0.4" || return 1
        "${pip[@]}" -r "$pkg/requirements-light.txt" "pytest>=8" || return 1
        "${pip[@]}" --no-deps --force-reinstall "./$pkg" || return 1
        # The point of the light install: gradio must not be there.
        if "$dir/bin/python" -c 'import gradio' 2>/dev/null; then
            echo "venv: gradio found in the light install $dir" >&2
            return 1
        fi
        echo "$want" >"$dir/.rgym-client-stamp"
    fi
}

debug_bin() {
    cargo build --quiet --bin rgym || return 1
    local target
    target=$(cargo metadata --format-version 1 --no-deps \
        | "${PYTHON:-python3}" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])') \
        || return 1
    echo "$target/debug/rgym"
}

free_port() {
    "$1" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    [ "$#" -ge 2 ] || { echo "usage: $0 DIR CHECK [PKG...]" >&2; exit 2; }
    ensure_venv "$@" >&2
    echo "$1/bin/python"
fi
