# Shell helpers for the scripts that start servers and measure them
# (scripts/perf/*.sh). Source it after setting LOG (where the servers write).
#
#   PIDS+=("$pid")     processes to kill on exit (the EXIT trap is set here)
#   wait_port PORT S   wait up to S seconds for 127.0.0.1:PORT to accept

PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do
    [[ -n "$p" ]] && kill "$p" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

wait_port() { # port seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server on port $1 did not come up; see $LOG" >&2
  return 1
}
