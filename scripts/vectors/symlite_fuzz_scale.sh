#!/usr/bin/env bash
# symlite_fuzz.py at issue 15's scale ("millions per class"), one class per
# run so that each finished class is reported even if a later one is cut
# short. Hours of CPU: run it from a checkout nobody edits meanwhile (a
# detached `git worktree`), since each run rebuilds symlite's example.
#
#   bash scripts/vectors/symlite_fuzz_scale.sh [CLASS...]   # default: all, in this order
#
# Done so far (session 11): random trees 1,000,000 and countdown random
# sequences 100,068, 0 mismatches.
set -uo pipefail
cd "$(dirname "$0")/../.."
py=$(python3 -c 'import sys; sys.path.insert(0, "scripts/lib"); import oracle; print(oracle.python())')
declare -A N=([random]=1000000 [parse]=1000000 [laurent]=1000000 [roots]=100000 [products]=300000 [answers]=100000)
classes=("$@")
[ ${#classes[@]} -eq 0 ] && classes=(random parse laurent roots products answers)
status=0
for c in "${classes[@]}"; do
    args=(--max-terms 2)
    for k in random parse laurent roots products answers; do
        args+=("--$k" "$([ "$k" = "$c" ] && echo "${N[$k]}" || echo 0)")
    done
    echo "== $c (${N[$c]}) $(date -u +%FT%TZ)"
    nice -n 10 "$py" -u scripts/vectors/symlite_fuzz.py --release "${args[@]}" || status=1
done
exit $status
