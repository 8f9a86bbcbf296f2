#!/usr/bin/env bash
# Performance baseline: rgym vs the Python reference vs a canned-reply server
# (the ceiling this machine and load generator allow), same settings, same
# run. Prints markdown tables (docs/PERFORMANCE.md holds a copy) and keeps
# every raw JSON report under $OUT.
#
#   scripts/perf/perf_baseline.sh            # full run, ~20 minutes
#   QUICK=1 scripts/perf/perf_baseline.sh    # short windows, fewer points (~6 min)
#
# Knobs (environment): OUT (default target/perf), DURATION / WARMUP (seconds
# per load run), SWEEP (session counts for the plot), IDLE_RGYM /
# IDLE_PYTHON (sessions held in idle mode), REPEAT (runs per load point,
# best kept; default 2, QUICK 1), SLOW_DATASET (skip the search
# for the slowest ported dataset), SKIP_PYTHON=1, NICE (e.g. -10: run the
# servers and the load generator at that priority, so that other work on a
# shared machine disturbs the figures less).
#
# Everything listens on 127.0.0.1 only; every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

OUT=${OUT:-target/perf}
if [[ -n "${QUICK:-}" ]]; then
  DURATION=${DURATION:-5}; WARMUP=${WARMUP:-2}
  SWEEP=${SWEEP:-"1 16 64 256"}
  IDLE_RGYM=${IDLE_RGYM:-20000}; IDLE_PYTHON=${IDLE_PYTHON:-500}
  REPEAT=${REPEAT:-1}
else
  DURATION=${DURATION:-10}; WARMUP=${WARMUP:-3}
  SWEEP=${SWEEP:-"1 4 16 64 256 1024"}
  IDLE_RGYM=${IDLE_RGYM:-20000}; IDLE_PYTHON=${IDLE_PYTHON:-2000}
  REPEAT=${REPEAT:-2}
fi
# Items are drawn from a large virtual dataset with a distinct seed per
# session, so a server's item cache cannot turn the test into replaying.
SIZE=${SIZE:-1000000}
CHURN_SESSIONS=${CHURN_SESSIONS:-32}
PORT_RGYM=${PORT_RGYM:-18100}
PORT_PY=${PORT_PY:-18101}
PORT_CANNED=${PORT_CANNED:-18102}
VENV=.venv-perf

mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.try "$OUT"/loadtest-errors.log "$OUT"/meta.txt
LOG=$OUT/servers.log
: >"$LOG"

echo "== building (release)" >&2
cargo build --release --quiet --bin rgym
cargo build --release --quiet -p loadtest --example canned
# Private copies: a rebuild of target/release by anyone else mid-run must not
# swap the binary between two measurements.
mkdir -p "$OUT/bin"
cp target/release/rgym target/release/examples/canned "$OUT/bin/"
RGYM=$ROOT/$OUT/bin/rgym
CANNED=$ROOT/$OUT/bin/canned
[[ $OUT == /* ]] && RGYM=$OUT/bin/rgym CANNED=$OUT/bin/canned
{
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "uncommitted files: $(git status --short 2>/dev/null | grep -vc '^??' || true)"
  echo "started: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "cores: $(nproc)"
} >"$OUT/meta.txt"

if [[ -z "${SKIP_PYTHON:-}" ]]; then
  . scripts/lib/venv.sh
  ensure_venv "$VENV" 'import openenv, reasoning_gym' \
    "openenv-core[core]==0.3.0" "reasoning-gym==0.1.25"
fi

# Servers and the load generator each hold one descriptor per session.
ulimit -Hn 1048576 2>/dev/null || true
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true

RUN=()
[[ -n "${NICE:-}" ]] && RUN=(nice -n "$NICE")

. scripts/lib/servers.sh

stop() { # pid
  kill "$1" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}

# One worker thread, like the Python reference (one uvicorn worker) and the
# canned server (one thread): each server gets a core, the load generator the
# other. (`rgym serve` defaults to one worker per core.)
start_rgym() { # max-sessions
  RUST_LOG=warn RGYM_WORKERS=${RGYM_WORKERS:-1} "${RUN[@]}" "$RGYM" serve --host 127.0.0.1 --port "$PORT_RGYM" --max-sessions "$1" >>"$LOG" 2>&1 &
  RGYM_PID=$!; PIDS+=("$RGYM_PID")
  wait_port "$PORT_RGYM" 30
}
start_python() { # max-sessions
  "${RUN[@]}" "$VENV/bin/python" scripts/perf/reference_env/app.py --port "$PORT_PY" --max-sessions "$1" >>"$LOG" 2>&1 &
  PY_PID=$!; PIDS+=("$PY_PID")
  wait_port "$PORT_PY" 120
}
start_canned() { # [threads]
  "${RUN[@]}" "$CANNED" --port "$PORT_CANNED" --threads "${1:-1}" >>"$LOG" 2>&1 &
  CANNED_PID=$!; PIDS+=("$CANNED_PID")
  wait_port "$PORT_CANNED" 10
}

# lt NAME PORT PID [loadtest flags...]: JSON to $OUT/NAME.json. Load and
# churn runs are repeated REPEAT times and the best kept (most episodes/s):
# on a shared machine a slow run mostly measures someone else's build.
lt() {
  local name=$1 port=$2 pid=$3; shift 3
  local reps=${REPEAT:-1} i
  [[ " $* " == *" --mode idle "* ]] && reps=1
  for ((i = 1; i <= reps; i++)); do
    echo "-- $name ($i/$reps)" >&2
    "${RUN[@]}" "$RGYM" loadtest --url "http://127.0.0.1:$port" --server-pid "$pid" \
      --label "$name" --json "$@" >"$OUT/$name.try" 2>>"$OUT/loadtest-errors.log" || true
    # A failed run still leaves a report unless the generator could not start.
    if [[ -s $OUT/$name.try ]]; then
      if [[ ! -s $OUT/$name.json ]] || python3 -c '
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
sys.exit(0 if a["episodes_per_s"] > b["episodes_per_s"] else 1)' "$OUT/$name.try" "$OUT/$name.json"; then
        mv "$OUT/$name.try" "$OUT/$name.json"
      fi
    fi
    rm -f "$OUT/$name.try"
  done
  [[ -s $OUT/$name.json ]] || echo "   (no report; see $OUT/loadtest-errors.log)" >&2
}

MAXS=4096
start_canned
start_rgym "$MAXS"
[[ -z "${SKIP_PYTHON:-}" ]] && start_python "$MAXS"

TARGETS=("canned $PORT_CANNED $CANNED_PID" "rgym $PORT_RGYM $RGYM_PID")
[[ -z "${SKIP_PYTHON:-}" ]] && TARGETS+=("python $PORT_PY $PY_PID")

COMMON=(--duration "$DURATION" --warmup "$WARMUP" --size "$SIZE" --dataset leg_counting)

echo "== load: leg_counting, sessions sweep ($SWEEP)" >&2
for s in $SWEEP; do
  for t in "${TARGETS[@]}"; do
    set -- $t
    lt "load-$1-$s" "$2" "$3" --mode load --sessions "$s" "${COMMON[@]}"
  done
done

echo "== churn: connect, reset, step, close ($CHURN_SESSIONS concurrent)" >&2
# Handshakes cost the canned server more than its replies do; with one
# thread it, not the load generator, would be the limit.
stop "$CANNED_PID"
start_canned 2
TARGETS[0]="canned $PORT_CANNED $CANNED_PID"
for t in "${TARGETS[@]}"; do
  set -- $t
  lt "churn-$1" "$2" "$3" --mode churn --sessions "$CHURN_SESSIONS" "${COMMON[@]}"
done

# The slowest ported dataset: the highest per-item generation time of
# `rgym generate` over the registry (default configs).
# Issue 6 names sudoku (the Python reference's slowest episode); without
# it, the ported dataset with the slowest items stands in.
if [[ -z "${SLOW_DATASET:-}" ]] && "$RGYM" describe sudoku >/dev/null 2>&1; then
  SLOW_DATASET=sudoku
fi
if [[ -z "${SLOW_DATASET:-}" ]]; then
  echo "== finding the slowest ported dataset" >&2
  SLOW_DATASET=$(python3 scripts/perf/perf_slowest.py "$RGYM" --top 5 2>>"$LOG" || echo leg_counting)
fi
echo "   slowest: $SLOW_DATASET" >&2
for t in "${TARGETS[@]}"; do
  set -- $t
  [[ $1 == canned ]] && continue
  # Python builds the dataset (word lists and all) on each session's first
  # reset, 64 times over on one core: give it time.
  lt "slow-$1-64" "$2" "$3" --mode load --sessions 64 --duration "$DURATION" \
    --warmup $((WARMUP > 10 ? WARMUP : 10)) --timeout 60 --size "$SIZE" --dataset "$SLOW_DATASET"
done

# Each held session is a descriptor in the server and in the load generator.
# Where the hard limit cannot be raised (no CAP_SYS_RESOURCE: sandboxes,
# containers) the test holds as many as fit and says so.
HARD=$(ulimit -Hn)
if [[ $HARD != unlimited && $((IDLE_RGYM + 100)) -gt $HARD ]]; then
  echo "   RLIMIT_NOFILE hard limit is $HARD: holding $((HARD - 100)) sessions, not $IDLE_RGYM" >&2
  IDLE_RGYM=$((HARD - 100))
fi
echo "== idle: fresh servers, sessions held for ${DURATION}s" >&2
stop "$RGYM_PID"
start_rgym $((IDLE_RGYM + 100))
lt "idle-rgym-$IDLE_RGYM" "$PORT_RGYM" "$RGYM_PID" --mode idle --sessions "$IDLE_RGYM" \
  --duration "$DURATION" --size "$SIZE" --timeout 60
if [[ -z "${SKIP_PYTHON:-}" ]]; then
  stop "$PY_PID"
  start_python $((IDLE_PYTHON + 100))
  lt "idle-python-$IDLE_PYTHON" "$PORT_PY" "$PY_PID" --mode idle --sessions "$IDLE_PYTHON" \
    --duration "$DURATION" --size "$SIZE" --timeout 60
fi

echo >&2
python3 scripts/perf/perf_tables.py "$OUT" --duration "$DURATION" --warmup "$WARMUP" \
  --size "$SIZE" --churn-sessions "$CHURN_SESSIONS" --slow "$SLOW_DATASET" | tee "$OUT/tables.md"
if [[ -x .venv-oracle/bin/python ]] && .venv-oracle/bin/python -c "import matplotlib" 2>/dev/null; then
  .venv-oracle/bin/python scripts/perf/perf_plot.py "$OUT" "$OUT/perf_sessions.png"
  echo "plot: $OUT/perf_sessions.png" >&2
fi
