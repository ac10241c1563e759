#!/usr/bin/env bash
# Case 8 — the writers' lock. With .lock held by another process (a python process calling flock), every write command — init, review
# add/update/remove, rec add/update/remove, action add/update, outcome add, finding add, event add, agency add,
# theme add, import, config set — must wait for RLT_LOCK_TIMEOUT (0.3 s here) and then exit 75 with one line saying
# the store is locked, writing nothing; every query must still answer at once. Then a holder killed with SIGKILL
# (a python process holding flock, and an rlt import stopped mid-transaction with SIGSTOP) must free the lock at
# once: the next write succeeds without waiting.
# Prints: locks: 17 write commands under a held lock, exit 75 = 17, waited ≥ timeout = 17, wrote anyway = 0; 12 queries ok; killed holder → next write after 0.03 s
source "$(dirname "$0")/lib.sh"

dir=$(new_dir)
store=$(make_small_store "$dir")
printf 'Ref,Recommendation,Lead agency\r\n7,Imported,lincs-police\r\n' >"$dir/plan.csv"
mkdir "$dir/fresh"

writes=(
    "init $dir/fresh --name Fresh"
    "review add new-review --type dhr --title New"
    "review update darren-bethany --status completed"
    "review remove darren-bethany --yes"
    "rec add darren-bethany/4 --text New --owner lincs-cc"
    "rec update darren-bethany/3i --status in-progress"
    "rec remove darren-bethany/3ii --yes"
    "action add darren-bethany --agency lincs-police --text New"
    "action update darren-bethany/A1 --status done"
    "outcome add darren-bethany/3i --text Assured --assurance limited"
    "finding add darren-bethany --audience police --text Learning"
    "event add --kind seminar --title Seminar --date 2024-03"
    "agency add new-agency --name New --sector police"
    "theme add new-theme --label New"
    "import recommendations $dir/plan.csv --review darren-bethany"
    "import recommendations $dir/plan.csv --review darren-bethany --dry-run"
    "config set amber-days 45"
)
queries=("rec list" "review list" "action list" "overdue" "summary" "search MARAC" "log" "rec show darren-bethany/3i"
    "review show darren-bethany" "export recommendations" "check" "config list")

# hold_lock FILE SECONDS: a python process that takes flock on FILE, says so, and holds it; sets $holder.
hold_lock() {
    local said=$dir/holder.$RANDOM$RANDOM
    python3 -c '
import fcntl, sys, time
f = open(sys.argv[1], "a")
fcntl.flock(f, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))' "$1" "$2" >"$said" &
    holder=$!
    local t=0
    while ! grep -q locked "$said" 2>/dev/null; do
        sleep 0.01
        t=$((t + 1))
        [ $t -lt 1000 ] || { fail "the lock holder did not get the lock within 10 s"; break; }
    done
}

lock_is_held() { ! flock -n "$1" true; }

# Hold the lock of the store (and of the fresh directory, for init) from another process.
touch "$dir/fresh/.lock"
hold_lock "$dir/fresh/.lock" 600
holder2=$holder
hold_lock "$store/.lock" 600
before=$(tree_digest "$store")

locked=0 waited=0 wrote=0 one_line=0
for w in "${writes[@]}"; do
    start=$(date +%s%N)
    st=0
    # shellcheck disable=SC2086
    RLT_LOCK_TIMEOUT=0.3 "$RLT" --store "$store" --as-of 2024-03-01 $w >"$dir/out" 2>"$dir/err" || st=$?
    ms=$((($(date +%s%N) - start) / 1000000))
    if [ "$st" = 75 ] && grep -q "locked" "$dir/err"; then locked=$((locked + 1)); else fail "'$w' under the lock: exit $st: $(cat "$dir/err")"; fi
    [ "$(grep -c . "$dir/err")" = 1 ] && one_line=$((one_line + 1))
    if [ "$ms" -ge 280 ]; then waited=$((waited + 1)); else fail "'$w' gave up after $ms ms, before the 300 ms timeout"; fi
    if [ "$before" != "$(tree_digest "$store")" ] || [ -e "$dir/fresh/tracker.json" ]; then
        wrote=$((wrote + 1))
        fail "'$w' wrote while the lock was held"
        before=$(tree_digest "$store")
    fi
done
echo "    e.g. $(head -1 "$dir/err")" >&2
q_ok=0
for q in "${queries[@]}"; do
    start=$(date +%s%N)
    # shellcheck disable=SC2086
    if RLT_LOCK_TIMEOUT=5 "$RLT" --store "$store" --as-of 2024-03-01 $q >/dev/null 2>"$dir/err"; then
        ms=$((($(date +%s%N) - start) / 1000000))
        if [ "$ms" -lt 2000 ]; then q_ok=$((q_ok + 1)); else fail "query '$q' waited $ms ms for the lock"; fi
    else
        fail "query '$q' failed under the lock: $(cat "$dir/err")"
    fi
done
kill "$holder" "$holder2"
{ wait "$holder" "$holder2"; } 2>/dev/null || true

check "every write command exited 75 under the lock (${locked}/${#writes[@]})" [ "$locked" = ${#writes[@]} ]
check "each said so in one line (${one_line}/${#writes[@]})" [ "$one_line" = ${#writes[@]} ]
check "each waited for the timeout first" [ "$waited" = ${#writes[@]} ]
check "queries answer while the lock is held (${q_ok}/${#queries[@]})" [ "$q_ok" = ${#queries[@]} ]

# A writer waits, then succeeds when the lock is released within the timeout.
hold_lock "$store/.lock" 1
start=$(date +%s%N)
st=0
RLT_LOCK_TIMEOUT=10 "$RLT" --store "$store" rec update darren-bethany/3i --note waited >/dev/null 2>&1 || st=$?
ms=$((($(date +%s%N) - start) / 1000000))
{ wait "$holder"; } 2>/dev/null || true
check "a writer waits for a lock released after ~0.8 s, then succeeds (exit $st after $ms ms)" [ "$st" = 0 -a "$ms" -ge 500 ]

# A holder killed with SIGKILL: the kernel drops its flock at once.
hold_lock "$store/.lock" 600
check "the python holder really holds the lock" lock_is_held "$store/.lock"
{ kill -9 "$holder"; wait "$holder"; } 2>/dev/null || true
start=$(date +%s%N)
st=0
RLT_LOCK_TIMEOUT=10 "$RLT" --store "$store" rec update darren-bethany/3i --note "after kill" >/dev/null 2>&1 || st=$?
free_ms=$((($(date +%s%N) - start) / 1000000))
check "after kill -9 of the holder the next write succeeds at once (exit $st, $free_ms ms)" [ "$st" = 0 -a "$free_ms" -lt 1000 ]

# An rlt writer itself, frozen mid-transaction (SIGSTOP during a long import), then killed.
python3 - "$dir/big.csv" <<'PY'
import csv, sys
with open(sys.argv[1], "w", newline="") as out:
    w = csv.writer(out)
    w.writerow(["Ref", "Recommendation", "Lead agency"])
    for i in range(1, 1501):
        w.writerow([f"I{i}", f"Imported {i} " + "x" * 100, "lincs-police"])
PY
"$RLT" --store "$store" import recommendations "$dir/big.csv" --review darren-bethany >/dev/null 2>&1 &
imp=$!
t=0
while flock -n "$store/.lock" true && kill -0 "$imp" 2>/dev/null && [ $t -lt 3000 ]; do sleep 0.002; t=$((t + 1)); done
kill -STOP "$imp" 2>/dev/null || true
held=no
lock_is_held "$store/.lock" && held=yes
before=$(tree_digest "$store")
st=0
RLT_LOCK_TIMEOUT=0.2 "$RLT" --store "$store" rec update darren-bethany/3i --note "while frozen" >/dev/null 2>&1 || st=$?
check "a frozen rlt writer holds the lock: another write exits 75 (exit $st)" [ "$held" = yes -a "$st" = 75 ]
{ kill -9 "$imp"; wait "$imp"; } 2>/dev/null || true
check "the killed writer changed nothing" [ "$before" = "$(tree_digest "$store")" ]
start=$(date +%s%N)
st=0
RLT_LOCK_TIMEOUT=10 "$RLT" --store "$store" rec update darren-bethany/3i --note "after the frozen writer" >/dev/null 2>&1 || st=$?
free2_ms=$((($(date +%s%N) - start) / 1000000))
check "after kill -9 of the frozen rlt the next write succeeds at once (exit $st, $free2_ms ms)" [ "$st" = 0 -a "$free2_ms" -lt 1000 ]
check "the store is clean" quietly "$RLT" --store "$store" check

echo "locks: ${#writes[@]} write commands under a held lock, exit 75 = $locked, waited ≥ timeout = $waited, wrote anyway = $wrote; ${#queries[@]} queries answered = $q_ok; killed holder → next write in $free_ms ms (python) / $free2_ms ms (rlt)"
finish
