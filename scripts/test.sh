#!/usr/bin/env bash
# The whole test suite, runnable on a fresh machine (this is what CI runs):
#   0. pyfiglet 1.0.2's fonts for figlet_font, which rgym does not ship (scripts/fetch_figlet_fonts.sh),
#      and reasoning-gym 0.1.25 for the Python provider's datasets (scripts/python_provider_env.sh);
#   1. cargo test for the workspace (golden parity, RNG/formatting vectors, CLI,
#      server protocol and fault tests, ...);
#   2. clippy with warnings denied, and rustfmt --check;
#   3. the black-box OpenEnv compatibility harness (../shared/compat) against a
#      freshly started `rgym serve`, with real openenv-core + reasoning-gym in a
#      venv the script creates (scripts/ci/compat.sh);
#   4. the Python client package running the upstream README examples (scripts/ci/client_tests.sh),
#      and its session tests in the light install without gradio (client_tests.sh --light);
#   5. the headless-Chromium tests of the web UI and /docs (scripts/ci/browser_tests.sh);
#   6. the offline checks of deploy/ (Kubernetes manifests rendered and schema-checked,
#      yamllint, haproxy/nginx config tests, promtool) (scripts/ci/deploy_checks.sh);
#   7. three replicas behind haproxy and nginx, one of them stopped mid-run
#      (scripts/ci/replicas.sh).
# Steps 6 and 7 install haproxy, nginx, yamllint and prometheus (promtool)
# from Debian when missing (as root, as CI runs).
# Each suite's counts are summed into the closing "N passed, M failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
step() { printf '\n==> %s\n' "$*"; }
# count FILE: adds the suite's "N passed" / "M failed" figures to the totals.
count() {
    local text p f
    text=$(cat "$1")
    p=$(grep -Eo '[0-9]+ passed' <<<"$text" | awk '{s+=$1} END {print s+0}')
    f=$(grep -Eo '[0-9]+ failed' <<<"$text" | awk '{s+=$1} END {print s+0}')
    passed=$((passed + p))
    failed=$((failed + f))
}
# suite NAME CMD...: runs a suite; a non-zero exit counts as a failure even if
# it printed no counts.
suite() {
    local name=$1 log
    shift
    log=$(mktemp -t "rgym-$name.XXXXXX")
    step "$name"
    "$@" 2>&1 | tee "$log"
    local code=${PIPESTATUS[0]}
    # cargo prints one "test result" line per test binary; the Python suites
    # print a single closing line: either way the sums are the suite's counts.
    if [ "$name" = cargo-test ]; then
        count <(grep -E '^test result:' "$log")
    else
        count <(grep -E '^[=[:space:]]*[0-9]+ passed|[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
    fi
    if [ "$code" -ne 0 ] && ! grep -Eq '[1-9][0-9]* failed' "$log"; then
        echo "$name exited with $code" >&2
        failed=$((failed + 1))
    fi
}

# figlet_font's fonts, which rgym does not ship: cargo finds them through
# .cargo/config.toml, the servers the later suites start through the export.
step figlet-fonts
if fonts=$(bash scripts/fetch_figlet_fonts.sh); then
    export RGYM_FIGLET_FONTS_DIR=$fonts
else
    echo "figlet fonts could not be fetched" >&2
    failed=$((failed + 1))
fi
# The Python provider's datasets (acre, codeio) run through reasoning-gym
# 0.1.25 in the oracle venv (made on first use): the generic dataset tests
# cover them only when RGYM_PYTHON_PROVIDER names that interpreter. Only the
# cargo suite gets it: the servers the later suites start stay as shipped.
step python-provider
provider_python=
if provider_python=$(bash scripts/python_provider_env.sh .venv-oracle); then
    :
else
    echo "the Python provider's environment could not be made" >&2
    failed=$((failed + 1))
fi
# --no-fail-fast: a failing test binary must not hide the ones after it.
RGYM_PYTHON_PROVIDER=$provider_python suite cargo-test cargo test --workspace --no-fail-fast --quiet
suite clippy cargo clippy --workspace --all-targets --quiet -- -D warnings
suite rustfmt cargo fmt --all -- --check
if [ -d ../shared/compat ]; then
    suite compat bash scripts/ci/compat.sh
else
    echo "../shared/compat not found: compatibility harness skipped" >&2
fi
[ -x scripts/ci/client_tests.sh ] && suite python-client bash scripts/ci/client_tests.sh
[ -x scripts/ci/client_tests.sh ] && suite python-client-light bash scripts/ci/client_tests.sh --light
[ -x scripts/ci/browser_tests.sh ] && suite browser bash scripts/ci/browser_tests.sh
[ -x scripts/ci/deploy_checks.sh ] && suite deploy-checks bash scripts/ci/deploy_checks.sh
[ -x scripts/ci/replicas.sh ] && suite replicas bash scripts/ci/replicas.sh

echo
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
