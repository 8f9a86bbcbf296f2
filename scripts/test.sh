#!/usr/bin/env bash
# The whole test suite, runnable on a fresh machine (this is what CI runs).
#   1. cargo test for the workspace (golden parity, RNG/formatting vectors, CLI, server);
#   2. clippy with warnings denied;
#   3. the black-box OpenEnv compatibility harness (../shared/compat) against a
#      freshly started `rgym serve`, with real openenv-core + reasoning-gym in a venv
#      this script creates (scripts/compat.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "cargo test --workspace"
cargo test --workspace --quiet 2>&1 | tee /tmp/rgym-cargo-test.log
# cargo's per-binary "test result" lines, summed into one closing line.
passed=$(grep -Eo '[0-9]+ passed' /tmp/rgym-cargo-test.log | awk '{s+=$1} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' /tmp/rgym-cargo-test.log | awk '{s+=$1} END {print s+0}')

step "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --quiet -- -D warnings

compat_passed=0
compat_failed=0
if [ -x scripts/compat.sh ]; then
    step "OpenEnv compatibility harness"
    if [ -d ../shared/compat ]; then
        if bash scripts/compat.sh 2>&1 | tee /tmp/rgym-compat.log; then :; fi
        compat_passed=$(grep -Eo '^[0-9]+ passed' /tmp/rgym-compat.log | tail -1 | awk '{print $1+0}')
        compat_failed=$(grep -Eo '[0-9]+ failed' /tmp/rgym-compat.log | tail -1 | awk '{print $1+0}')
        compat_passed=${compat_passed:-0}
        compat_failed=${compat_failed:-1}
        if ! grep -Eq '^[0-9]+ passed, 0 failed' /tmp/rgym-compat.log; then
            compat_failed=$(( compat_failed > 0 ? compat_failed : 1 ))
        fi
    else
        echo "../shared/compat not found: compat harness skipped" >&2
    fi
fi

total_passed=$((passed + compat_passed))
total_failed=$((failed + compat_failed))
echo
echo "${total_passed} passed, ${total_failed} failed"
[ "$total_failed" -eq 0 ]
