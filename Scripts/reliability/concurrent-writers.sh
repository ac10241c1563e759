#!/usr/bin/env bash
# Case 1 — concurrent writers. 50 rlt processes, released at the same instant, add and update records in 2 reviews
# (action add, rec update --note, rec add, outcome add, finding add). Every process that exits 0 must find its
# change in the store exactly once ("updates lost"); every other process must have exited 75 and changed nothing.
# Round 1 uses the default lock wait (nobody should be refused); round 2 a 0.25 s wait, so some are refused.
# Prints: concurrent-writers: 50 processes × 2 rounds, updates lost = 0, refused (75) = N, refused but written = 0, other exits = 0
source "$(dirname "$0")/lib.sh"

N=${CONCURRENT_WRITERS:-50}
dir=$(new_dir)
store=$dir/data
rl init "$store" --name "Concurrency" >/dev/null 2>&1
S=(--store "$store" --as-of 2024-03-01)
rl "${S[@]}" agency add p1 --name "Agency one" --sector police >/dev/null
for r in rev-a rev-b; do
    rl "${S[@]}" review add "$r" --type dhr --title "Review $r" >/dev/null
    for k in 1 2 3 4 5; do rl "${S[@]}" rec add "$r/R$k" --text "Recommendation $k" --owner p1 --due 2024-06 >/dev/null; done
done

lost_total=0 refused_total=0 phantom_total=0 other_total=0 ok_total=0
for round in 1 2; do
    timeout_env=()
    [ "$round" = 2 ] && timeout_env=(RLT_LOCK_TIMEOUT=0.25)
    gun=$dir/gun-$round
    mkfifo "$gun"
    out=$dir/round-$round
    mkdir "$out"
    pids=()
    for i in $(seq 1 "$N"); do
        review=rev-a
        [ $((i % 2)) = 0 ] && review=rev-b
        marker="w-$round-$i"
        k=$(((i % 5) + 1))
        case $((i % 5)) in
            0) args=(action add "$review" --agency p1 --text "$marker") ;;
            1) args=(rec update "$review/R$k" --note "$marker") ;;
            2) args=(rec add "$review/N$round-$i" --text "$marker" --owner p1) ;;
            3) args=(outcome add "$review/R$k" --text "$marker" --assurance limited) ;;
            4) args=(finding add "$review" --audience p1 --text "$marker") ;;
        esac
        echo "$marker" >"$out/$i.marker"
        (
            cat "$gun" >/dev/null
            status=0
            env "${timeout_env[@]}" "$RLT" "${S[@]}" "${args[@]}" >"$out/$i.out" 2>"$out/$i.err" || status=$?
            echo "$status" >"$out/$i.status"
        ) &
        pids+=($!)
    done
    sleep 0.5      # every process is waiting at the fifo
    : >"$gun"      # open and close the fifo: all of them start at once
    for pid in "${pids[@]}"; do wait "$pid" || true; done
    rm -f "$gun"

    read -r ok lost refused phantom other < <(python3 - "$store" "$out" "$N" <<'PY'
import json, os, sys
store, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
counts = {}
def walk(value):
    if isinstance(value, dict):
        for v in value.values(): walk(v)
    elif isinstance(value, list):
        for v in value: walk(v)
    elif isinstance(value, str):
        counts[value] = counts.get(value, 0) + 1
for name in ("rev-a", "rev-b"):
    walk(json.load(open(f"{store}/reviews/{name}.json")))
ok = lost = refused = phantom = other = 0
for i in range(1, n + 1):
    marker = open(f"{out}/{i}.marker").read().strip()
    status = int(open(f"{out}/{i}.status").read().strip())
    found = counts.get(marker, 0)
    if status == 0:
        ok += 1
        if found != 1:
            lost += 1
            print(f"  process {i} ({marker}) exited 0 but its change is there {found} times", file=sys.stderr)
    elif status == 75:
        refused += 1
        if found:
            phantom += 1
            print(f"  process {i} ({marker}) exited 75 but its change was written", file=sys.stderr)
        err = open(f"{out}/{i}.err").read()
        if "locked" not in err and "changed on disk" not in err:
            other += 1
            print(f"  process {i} exited 75 without saying why: {err!r}", file=sys.stderr)
    else:
        other += 1
        print(f"  process {i} ({marker}) exited {status}: {open(f'{out}/{i}.err').read()!r}", file=sys.stderr)
print(ok, lost, refused, phantom, other)
PY
    )
    echo "  round $round: $ok succeeded, $refused refused (75), $lost lost, $phantom refused-but-written, $other other" >&2
    ok_total=$((ok_total + ok)) lost_total=$((lost_total + lost)) refused_total=$((refused_total + refused))
    phantom_total=$((phantom_total + phantom)) other_total=$((other_total + other))
    [ "$round" = 1 ] && check "round 1 (10 s lock wait): no process refused" [ "$refused" = 0 ]
done

check "updates lost = 0" [ "$lost_total" = 0 ]
check "refused processes wrote nothing" [ "$phantom_total" = 0 ]
check "every failure is exit 75 with a message" [ "$other_total" = 0 ]
ids_ok=$(python3 - "$store" <<'PY'
import json, sys
bad = 0
for name in ("rev-a", "rev-b"):
    r = json.load(open(f"{sys.argv[1]}/reviews/{name}.json"))
    for kind in ("actions", "findings", "recommendations"):
        ids = [x["id"] for x in r[kind]]
        if len(ids) != len(set(ids)): bad += 1
print("yes" if bad == 0 else "no")
PY
)
check "no duplicate ids were assigned" [ "$ids_ok" = yes ]
check_out=$(rl --store "$store" check 2>&1) && check_status=0 || check_status=$?
check "rlt check is clean afterwards (exit $check_status)" [ "$check_status" = 0 -a -z "$check_out" ]
check "no temp files left" [ -z "$(temp_files "$store")" ]

echo "concurrent-writers: $N processes × 2 rounds, updates lost = $lost_total, refused (75) = $refused_total, refused but written = $phantom_total, other exits = $other_total"
finish
