#!/usr/bin/env bash
# Runs the black-box OpenEnv compatibility harness (../shared/compat/compat.py)
# against a freshly built `rgym serve`, end to end:
#   1. creates .venv-compat with openenv-core 0.3.0 + reasoning-gym 0.1.25 if missing;
#   2. builds the rgym binary;
#   3. starts `rgym serve` on a free loopback port with --max-sessions 4;
#   4. runs compat.py (all cases, web interface included) and stops the server.
# Exits with compat.py's exit code. Extra arguments go to compat.py.
# Environment: COMPAT_PY (harness path), RGYM_COMPAT_VENV (venv dir), PYTHON.
set -euo pipefail
cd "$(dirname "$0")/../.."

compat_py=${COMPAT_PY:-../shared/compat/compat.py}
venv=${RGYM_COMPAT_VENV:-.venv-compat}
max_sessions=4

if [ ! -f "$compat_py" ]; then
    echo "compat.sh: harness not found at $compat_py" >&2
    exit 2
fi

. scripts/lib/venv.sh
ensure_venv "$venv" 'import openenv, reasoning_gym' \
    "openenv-core[core]==0.3.0" "reasoning-gym==0.1.25"
bin=$(debug_bin)
port=$(free_port "$venv/bin/python")
log=$(mktemp -t rgym-compat-server.XXXXXX)
ENABLE_WEB_INTERFACE=true "$bin" serve --host 127.0.0.1 --port "$port" \
    --max-sessions "$max_sessions" >"$log" 2>&1 &
server=$!
cleanup() {
    if kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
}
trap cleanup EXIT

url="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    if "$venv/bin/python" -c "import urllib.request,sys; urllib.request.urlopen('$url/health', timeout=1)" 2>/dev/null; then
        break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "compat.sh: the server exited; its log:" >&2
        cat "$log" >&2
        exit 2
    fi
    sleep 0.1
done

status=0
"$venv/bin/python" "$compat_py" --url "$url" --max-sessions "$max_sessions" --web "$@" || status=$?
cleanup
trap - EXIT
if [ "$status" -ne 0 ]; then
    echo "compat.sh: server log ($log):" >&2
    tail -n 50 "$log" >&2
else
    rm -f "$log"
fi
exit "$status"
