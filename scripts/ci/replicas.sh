#!/usr/bin/env bash
# The three-replica test (scripts/ci/replicas.py), loopback only and bounded:
#   1. installs haproxy and nginx from Debian when missing;
#   2. makes .venv-client with the Python client, as client_tests.sh does;
#   3. builds the rgym binary and runs replicas.py: three `rgym serve`
#      behind deploy/lb/haproxy.cfg, then deploy/lb/nginx.conf.
# Ends with "N passed, M failed"; exits non-zero on any failure.
# Environment: RGYM_CLIENT_VENV (venv dir), PYTHON.
set -euo pipefail
cd "$(dirname "$0")/../.."

. scripts/lib/apt.sh
ensure_apt haproxy:haproxy nginx:nginx

venv=${RGYM_CLIENT_VENV:-.venv-client}
. scripts/lib/venv.sh
ensure_client_venv "$venv"
bin=$(debug_bin)
exec "$venv/bin/python" scripts/ci/replicas.py --rgym "$bin"
