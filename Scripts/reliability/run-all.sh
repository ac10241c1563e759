#!/usr/bin/env bash
# Runs every reliability script (issue 6; docs/RELIABILITY.md) and prints each one's figure line, then a summary.
# Exit status 1 if any script failed. The Swift tests of the suite run with `swift test` (Reliability* suites).
#
# usage: Scripts/reliability/run-all.sh [NAME...]     (default: all; NAME is a script name without .sh)
#   RLT=path   the binary (default .build/debug/rlt)    RLT_REL_NO_FUZZ=1   skip the fuzz smoke run
#   KILL_TRIALS=N KILL_REVIEWS=N   the size of the kill test (default 4 kills per write and signal, 300 reviews)
# As root (CI), permission cases run as the user rltcheck (created when missing).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scripts=("$@")
if [ ${#scripts[@]} -eq 0 ]; then
    scripts=(concurrent-writers crash-mid-write changed-under-us disk-full permissions locks truncation
        output-errors broken-stores kill-transactions index-cut-short index-scratch)
    [ "${RLT_REL_NO_FUZZ:-0}" = 1 ] || scripts+=(fuzz-smoke)
fi
if [ -z "${RLT:-}" ] && [ ! -x "$here/../../.build/debug/rlt" ]; then
    (cd "$here/../.." && swift build) || exit 1
fi
# The kill test's full run (100 kills per write and signal over 1,000 reviews, docs/RELIABILITY.md) takes about 15
# minutes with a release build; the suite runs a short one unless told otherwise.
export KILL_TRIALS=${KILL_TRIALS:-4} KILL_REVIEWS=${KILL_REVIEWS:-300}
failed=()
figures=()
start_all=$(date +%s)
for name in "${scripts[@]}"; do
    echo "== $name" >&2
    start=$(date +%s)
    out=$("$here/$name.sh") && status=0 || status=$?
    figure=$(echo "$out" | tail -1)
    [ -n "$figure" ] || figure="$name: (no figure)"
    [ "$status" = 0 ] || failed+=("$name")
    figures+=("$( [ "$status" = 0 ] && echo PASS || echo FAIL ) $figure ($(($(date +%s) - start)) s)")
    echo "$figure" >&2
done
echo
echo "reliability suite, $(date -u +%Y-%m-%d), $(($(date +%s) - start_all)) s:"
printf '  %s\n' "${figures[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}"
    exit 1
fi
echo "all ${#scripts[@]} scripts passed (known issues are listed in each script's output and docs/RELIABILITY.md)"
