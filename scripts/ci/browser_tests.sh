#!/usr/bin/env bash
# Browser tests of the web interface (/web/) and the API docs (/docs, /redoc),
# end to end, on a fresh machine:
#   1. installs Debian's chromium and chromium-driver if missing (apt-get);
#   2. creates .venv-browser with selenium if missing (git-ignored);
#   3. builds the rgym binary and starts `rgym serve --web` on a free loopback port;
#   4. runs scripts/ci/browser_tests.py in headless Chromium, which saves
#      docs/web-ui.png, docs/web-ui-composite.png and docs/api-docs.png.
# Exits non-zero on any failure; the last line is `N passed, M failed`.
# Environment: RGYM_BROWSER_VENV (venv dir), PYTHON, BROWSER_SCREENSHOTS
# (directory for the PNGs, default docs; empty for none). Extra arguments go
# to browser_tests.py (e.g. -k composite).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=${RGYM_BROWSER_VENV:-.venv-browser}
python=${PYTHON:-python3}
shots=${BROWSER_SCREENSHOTS-docs}

fail() {
    echo "browser_tests.sh: $*" >&2
    echo "0 passed, 1 failed"
    exit 1
}

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "browser_tests.sh: installing chromium and chromium-driver" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || fail "chromium is missing and this is not root"
        sudo="sudo"
    fi
    $sudo apt-get update -qq >&2 || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >&2 \
        || fail "apt-get install chromium chromium-driver failed"
fi

. scripts/lib/venv.sh
ensure_venv "$venv" 'import selenium' "selenium>=4.20,<5" || fail "cannot set up $venv with selenium"
bin=$(debug_bin) || fail "cargo build failed"
port=$(free_port "$venv/bin/python")
log=$(mktemp -t rgym-browser-server.XXXXXX)
# Its own environment variables must not turn the interface off.
RGYM_WEB_INTERFACE=true "$bin" serve --web --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
server=$!
cleanup() {
    if kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null || true
        wait "$server" 2>/dev/null || true
    fi
    rm -f "$log"
}
trap cleanup EXIT

url="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    if "$bin" health --url "$url/health" >/dev/null 2>&1; then
        break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
        cat "$log" >&2
        fail "the server exited"
    fi
    sleep 0.1
done

args=(--url "$url" --rgym "$bin")
if [ -n "$shots" ]; then
    args+=(--screenshots "$shots")
fi
status=0
out=$(mktemp -t rgym-browser-out.XXXXXX)
"$venv/bin/python" scripts/ci/browser_tests.py "${args[@]}" "$@" 2>&1 | tee "$out" || status=$?
# A crash before the summary still ends with the closing line CI reads.
if ! tail -n 1 "$out" | grep -Eq '^[0-9]+ passed, [0-9]+ failed$'; then
    echo "0 passed, 1 failed"
    status=1
fi
rm -f "$out"
if [ "$status" -ne 0 ]; then
    echo "browser_tests.sh: server log follows" >&2
    tail -n 50 "$log" >&2
fi
exit "$status"
