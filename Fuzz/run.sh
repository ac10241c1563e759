#!/usr/bin/env bash
# Runs the libFuzzer targets, each for SECONDS, and prints one line per target:
#   fuzz-date: 600 s, 123456789 runs, corpus 310 inputs, crashes = 0
#
# usage: Fuzz/run.sh SECONDS [TARGET...]     targets: date csv args store (default: all four)
#   FUZZ_JOBS=N     how many targets run at once (default 1; 2 suits a 2-core machine)
#   FUZZ_BUILD=0    do not (re)build missing binaries
#
# Binaries come from Fuzz/build.sh (built here when missing). The growing corpus lives in .build/fuzz/corpus/<target>
# (seeded from Fuzz/seeds/<target>, and for the store loader also from the sample store's JSON files in data/);
# crashing inputs are saved to .build/fuzz/crashes/<target>/ and reproduce with
#   .build/fuzz/bin/fuzz-<target> .build/fuzz/crashes/<target>/crash-…
# A crash does not end the run: the target restarts for the time left (up to 20 times), and the line reports how
# many crashing inputs were saved. Exit status 1 when any target crashed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
if [ $# -lt 1 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
    echo "usage: Fuzz/run.sh SECONDS [date|csv|args|store ...]" >&2
    exit 64
fi
seconds=$1
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(date csv args store)
jobs=${FUZZ_JOBS:-1}
fuzz="$repo/.build/fuzz"
mkdir -p "$fuzz/logs"

for target in "${targets[@]}"; do
    if [ ! -x "$fuzz/bin/fuzz-$target" ]; then
        if [ "${FUZZ_BUILD:-1}" = 0 ]; then echo "fuzz-$target: not built (run Fuzz/build.sh)" >&2; exit 1; fi
        "$here/build.sh" "$target"
    fi
done

run_one() {
    local target=$1 corpus="$fuzz/corpus/$1" crashes="$fuzz/crashes/$1" log="$fuzz/logs/$1.log"
    mkdir -p "$corpus" "$crashes"
    local dict=()
    case $target in
        args) dict=(-dict="$here/args.dict") ;;
        store)
            dict=(-dict="$here/json.dict")
            if [ -d "$repo/data/reviews" ]; then
                for f in "$repo"/data/*.json "$repo"/data/reviews/*.json; do
                    [ -f "$f" ] && cp "$f" "$corpus/data-$(basename "$f")"
                done
            fi
            ;;
    esac
    local before after runs=0 left=$seconds started restarts=0 n
    before=$(find "$crashes" -type f | wc -l)
    started=$(date +%s)
    : >"$log"
    while [ "$left" -gt 0 ] && [ "$restarts" -le 20 ]; do
        RLT_FUZZ_STORE="$repo/data" ASAN_OPTIONS=detect_leaks=0:handle_abort=1 \
            "$fuzz/bin/fuzz-$target" -max_total_time="$left" -timeout=20 -rss_limit_mb=4096 -detect_leaks=0 \
            -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" "$corpus" "$here/seeds/$target" \
            >>"$log" 2>&1 || true
        n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
        runs=$((runs + ${n:-0}))
        # Count each attempt's runs once: mark the stat line as counted.
        sed -i 's/stat::number_of_executed_units/counted::number_of_executed_units/' "$log"
        left=$((seconds - ($(date +%s) - started)))
        restarts=$((restarts + 1))
    done
    after=$(find "$crashes" -type f | wc -l)
    echo "fuzz-$target: $seconds s, $runs runs, corpus $(find "$corpus" -type f | wc -l) inputs, crashes = $((after - before))"
    [ "$after" -eq "$before" ]
}

status=0
if [ "$jobs" -le 1 ]; then
    for target in "${targets[@]}"; do run_one "$target" || status=1; done
else
    pids=()
    outs=()
    for target in "${targets[@]}"; do
        while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
        out=$(mktemp)
        outs+=("$out")
        (run_one "$target" >"$out") &
        pids+=($!)
    done
    for i in "${!pids[@]}"; do
        wait "${pids[$i]}" || status=1
        cat "${outs[$i]}"
        rm -f "${outs[$i]}"
    done
fi
exit $status
