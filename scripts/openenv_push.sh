#!/usr/bin/env bash
# Deploys rgym to a Hugging Face Space with openenv-core's own `openenv push`.
#
# `openenv push DIR` uploads DIR whole (less dot-files) and first checks that
# it is laid out like a Python OpenEnv environment: openenv.yaml, __init__.py,
# client.py, models.py, README.md, pyproject.toml and a Dockerfile. Pushed from
# the repository root it would upload target/ and fail that check. So this
# script stages the repository's sources (git-tracked and new unignored files)
# plus the client package laid out at the top as upstream's is, then pushes
# the staged directory; `openenv push` adds ENABLE_WEB_INTERFACE and the Space
# front matter there as usual.
#
# Usage: scripts/openenv_push.sh [openenv push options...]   e.g. --repo-id me/rgym --private
#        scripts/openenv_push.sh --stage-only DIR               (stage into DIR, push nothing)
# Environment: OPENENV (the openenv command; default .venv-client/bin/openenv,
# which scripts/ci/client_tests.sh installs).
set -euo pipefail
cd "$(dirname "$0")/.."

stage_only=
if [ "${1:-}" = "--stage-only" ]; then
    [ -n "${2:-}" ] || { echo "openenv_push.sh: --stage-only needs a directory" >&2; exit 2; }
    stage_only=$2
    shift 2
fi

if [ -n "$stage_only" ]; then
    stage=$stage_only
    mkdir -p "$stage"
else
    stage=$(mktemp -d -t rgym-openenv-push.XXXXXX)
    trap 'rm -rf "$stage"' EXIT
fi

git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do
        # Tracked files deleted in the work tree are skipped, not fatal.
        if [ -f "$f" ]; then cp --parents -- "$f" "$stage/"; fi
    done

pkg=clients/python/reasoning_gym_env
cp "$pkg/__init__.py" "$pkg/client.py" "$pkg/models.py" "$pkg/batch.py" "$stage/"
# The layout `openenv validate` checks for a deployable environment: a
# `server` entry point in server/app.py (rgym's is a launcher that execs
# `rgym serve`: deploy/openenv/server) and a uv.lock of this pyproject
# (deploy/openenv/uv.lock, made by `uv lock` on it; see README).
mkdir -p "$stage/server"
cp deploy/openenv/server/__init__.py deploy/openenv/server/app.py "$stage/server/"
cp deploy/openenv/uv.lock "$stage/uv.lock"
# The Space doubles as an installable client (`pip install git+<space url>`),
# as upstream's does: the top-level .py files are the reasoning_gym_env package.
cp deploy/openenv/pyproject.toml "$stage/pyproject.toml"

if [ -n "$stage_only" ]; then
    echo "staged in $stage"
    exit 0
fi

openenv=${OPENENV:-.venv-client/bin/openenv}
if ! command -v "$openenv" >/dev/null 2>&1; then
    echo "openenv_push.sh: $openenv not found; run scripts/ci/client_tests.sh once or set OPENENV" >&2
    exit 1
fi
"$openenv" push "$stage" "$@"
