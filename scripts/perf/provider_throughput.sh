#!/usr/bin/env bash
# Throughput of the Python provider's datasets (codeio by default) through
# `rgym serve` against the Python reference server, same machine, same load
# generator, same run (issue 21). Prints one markdown row per server and
# session count; raw JSON reports stay under $OUT.
#
#   scripts/perf/provider_throughput.sh                   # codeio, ~4 minutes
#   DATASET=rearc SESSIONS="1 8" scripts/perf/provider_throughput.sh
#
# Knobs (environment): DATASET (codeio), SESSIONS ("1 8 32"), DURATION (20)
# and WARMUP (10) seconds per run, WORKERS (python_workers for rgym: 2, one
# per core here), OUT (target/perf-provider).
#
# The reference server is the stock OpenEnv app over reasoning-gym (one
# process, one event loop: scripts/perf/reference_env); rgym runs its own
# worker pool. Items come from a large virtual dataset with a seed per
# session, so neither server's cache turns the run into replaying.
set -euo pipefail
cd "$(dirname "$0")/../.."

DATASET=${DATASET:-codeio}
SESSIONS=${SESSIONS:-"1 8 32"}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
WORKERS=${WORKERS:-2}
OUT=${OUT:-target/perf-provider}
PORT_RGYM=${PORT_RGYM:-18110}
PORT_PY=${PORT_PY:-18111}
SIZE=1000000
VENV=.venv-perf

mkdir -p "$OUT"
cargo build --release --quiet --bin rgym
cp target/release/rgym "$OUT/rgym"
RGYM=$OUT/rgym
. scripts/lib/venv.sh
ensure_venv "$VENV" 'import openenv, reasoning_gym' \
  "openenv-core[core]==0.3.0" "reasoning-gym==0.1.25"
PROVIDER=$(bash scripts/python_provider_env.sh .venv-oracle)
LOG=$OUT/servers.log
: >"$LOG"

. scripts/lib/servers.sh

RUST_LOG=warn RGYM_PYTHON_PROVIDER=$PROVIDER RGYM_PYTHON_WORKERS=$WORKERS \
  RGYM_GENERATION_TIMEOUT=30 \
  "$RGYM" serve --host 127.0.0.1 --port "$PORT_RGYM" --max-sessions 1024 >>"$LOG" 2>&1 &
RGYM_PID=$!; PIDS+=("$RGYM_PID")
wait_port "$PORT_RGYM" 60
"$VENV/bin/python" scripts/perf/reference_env/app.py --port "$PORT_PY" --max-sessions 1024 \
  --log-level warning >>"$LOG" 2>&1 &
PY_PID=$!; PIDS+=("$PY_PID")
wait_port "$PORT_PY" 120

{
  echo "commit: $(git rev-parse --short HEAD)"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/meta.txt"
echo
echo "| server | sessions | episodes/s | p50 ms | p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|"
for s in $SESSIONS; do
  for server in rgym python; do
    if [[ $server == rgym ]]; then port=$PORT_RGYM pid=$RGYM_PID; else port=$PORT_PY pid=$PY_PID; fi
    json=$OUT/$server-$s.json
    "$RGYM" loadtest --url "http://127.0.0.1:$port" --server-pid "$pid" --label "$server-$s" \
      --json --mode load --sessions "$s" --duration "$DURATION" --warmup "$WARMUP" \
      --timeout 60 --size "$SIZE" --dataset "$DATASET" >"$json" 2>>"$OUT/loadtest-errors.log" || true
    python3 - "$json" "$server" "$s" <<'EOF'
import json, sys
path, server, sessions = sys.argv[1:]
try:
    r = json.load(open(path))
except Exception as e:  # noqa: BLE001 - a failed run is reported, not fatal
    print(f"| {server} | {sessions} | failed: {e} | | | |")
    sys.exit(0)
lat = r["latency"]
errors = sum(r["errors"].values())
print(f"| {server} | {sessions} | {r['episodes_per_s']:.1f} | {lat['p50_ms']:.1f} | {lat['p99_ms']:.1f} | {errors} |")
EOF
  done
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
