#!/usr/bin/env bash
# Case 15 — the index cut short under running queries (issue 14, item 9). Queries read `.index/base` through a
# memory mapping; rlt itself only ever replaces it by rename, but another process may truncate it in place. Each
# round puts back an intact base, starts four queries (`rec list --format csv`, `overdue --format csv`, twice),
# and truncates the base to a third of its size at a random moment of their run. Every query must end cleanly:
# exit 0 with exactly the full-decode output (RLT_NO_INDEX=1), or exit 75 with one line saying to run it again —
# never a signal (SIGBUS, exit 135) and never different rows. RLT_REL_CUT_ROUNDS=N for more rounds (12 by default, to
# stay quick in run-all.sh; each cut makes the next query rebuild the index).
# Prints: index-cut-short: 48 queries over 12 truncations: exit 0 = …, exit 75 = …, signals = 0, wrong output = 0, other = 0
source "$(dirname "$0")/lib.sh"

rounds=${RLT_REL_CUT_ROUNDS:-12}
generate=${RLT_GENERATE:-$(dirname "$RLT")/rlt-generate}
[ -x "$generate" ] || (cd "$REPO" && swift build --product rlt-generate >&2)
[ -x "$generate" ] || generate=$REPO/.build/debug/rlt-generate
dir=$(new_dir)
store=$dir/data
"$generate" "$store" --recs 2000 --seed 7 >/dev/null
queries=("rec list --format csv" "overdue --format csv" "rec list --format csv" "overdue --format csv")
q() { "$RLT" --store "$store" --as-of 2025-06-30 "$@"; }
for n in 0 1; do
    RLT_NO_INDEX=1 q ${queries[$n]} >"$dir/expected.$n"
done
q ${queries[0]} >/dev/null   # builds .index/base (the store is over 1 MiB, so it is written)
base=$store/.index/base
cp "$base" "$dir/pristine"
size=$(stat -c %s "$base")
# How long a query takes here, to spread the cuts over its whole run.
start=$(date +%s%N)
q ${queries[1]} >/dev/null
span_ms=$(( ($(date +%s%N) - start) / 1000000 + 1 ))

ok=0 again=0 signals=0 wrong=0 other=0
for round in $(seq 1 "$rounds"); do
    cp "$dir/pristine" "$store/.index/.put-back" && mv "$store/.index/.put-back" "$base"
    pids=()
    for k in 0 1 2 3; do
        q ${queries[$k]} >"$dir/out.$k" 2>"$dir/err.$k" &
        pids+=($!)
    done
    sleep "$(awk -v r=$RANDOM -v s="$span_ms" 'BEGIN { printf "%.3f", r / 32768 * s / 1000 }')"
    truncate -s $((size / 3)) "$base"
    for k in 0 1 2 3; do
        wait "${pids[$k]}" && status=0 || status=$?
        if [ "$status" = 0 ]; then
            if cmp -s "$dir/out.$k" "$dir/expected.$((k % 2))"; then ok=$((ok + 1)); else
                wrong=$((wrong + 1))
                fail "round $round: ${queries[$k]} exited 0 with output unlike the full decode"
            fi
        elif [ "$status" = 75 ] && grep -q "run it again" "$dir/err.$k" && [ "$(wc -l <"$dir/err.$k")" = 1 ]; then
            again=$((again + 1))
        elif [ "$status" -ge 128 ]; then
            signals=$((signals + 1))
            fail "round $round: ${queries[$k]} killed by signal $((status - 128))"
        else
            other=$((other + 1))
            fail "round $round: ${queries[$k]} exited $status: $(head -c 300 "$dir/err.$k")"
        fi
    done
done
total=$((rounds * 4))
check "no query killed by a signal ($signals of $total)" [ "$signals" = 0 ]
check "no query printed rows unlike the full decode ($wrong of $total)" [ "$wrong" = 0 ]
check "every other query exited 0 or 75 with one line ($other others)" [ "$other" = 0 ]
# After the last cut, the next query rebuilds the index and answers in full.
q ${queries[0]} >"$dir/after" 2>&1
check "the next query after a cut answers in full" cmp -s "$dir/after" "$dir/expected.0"
echo "index-cut-short: $total queries over $rounds truncations (query ≈ ${span_ms} ms): exit 0 = $ok, exit 75 = $again, signals = $signals, wrong output = $wrong, other = $other"
finish
