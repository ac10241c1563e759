#!/usr/bin/env bash
# Case 2 — crash mid-write. 200 updates of a 1–2 MB review (rec update --note, action add, rec add in turn), each
# killed with SIGKILL at a random moment: a third anywhere in the run, a third the instant the temp file appears
# (mid-write), a third around the end of the write. After every kill the review must parse and be exactly the old
# bytes or exactly the old version plus the one change; the lock must be free at once; the file stays 0600.
# Staged files left by a kill are counted; the next command (`rlt check`) must remove them (or finish the write its
# journal lists), say so in one note and find nothing else wrong.
# Prints: crash-mid-write: 200 kills on a 1.5 MB review, unparsable = 0, neither old nor new = 0, old = …, new = …, staged files left = … (not cleaned by the next command = 0)
source "$(dirname "$0")/lib.sh"

KILLS=${CRASH_KILLS:-200}
RECS=${CRASH_RECS:-1100}
dir=$(new_dir)
store=$dir/data
rl init "$store" --name "Crash" >/dev/null 2>&1
rl --store "$store" agency add big-police --name "Big Police" --sector police >/dev/null
make_big_review "$store" big "$RECS"
review=$store/reviews/big.json
S=(--store "$store" --as-of 2024-02-01)

# Calibrate: the first write puts the file in rlt's own format; the median of three is the write time.
times=()
for n in 1 2 3; do
    start=$(date +%s%N)
    rl "${S[@]}" rec update big/R1 --note "calibration $n" >/dev/null 2>&1
    times+=($((($(date +%s%N) - start) / 1000000)))
done
write_ms=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
size=$(stat -c %s "$review")
echo "  review is $size bytes; one update takes about $write_ms ms" >&2
check "the review is 1–2 MB ($size bytes)" [ "$size" -ge 1000000 -a "$size" -le 2100000 ]

verify=$dir/verify.py
cat >"$verify" <<'PY'
# usage: verify.py OLD NEW KIND MARKER  → prints old | new | unparsable | neither:<why>
import json, sys
old_path, new_path, kind, marker = sys.argv[1:5]
old_bytes, new_bytes = open(old_path, "rb").read(), open(new_path, "rb").read()
if old_bytes == new_bytes:
    print("old"); sys.exit()
try:
    new = json.loads(new_bytes)
except Exception as e:
    print("unparsable"); sys.exit()
old = json.loads(old_bytes)
if marker.encode() not in new_bytes:
    print("neither:changed without the marker"); sys.exit()
def rec(r, id):
    return next(x for x in r["recommendations"] if x["id"] == id)
try:
    if kind == "note":
        r7 = rec(new, "R7")
        out = r7["outcomes"].pop()
        assert out["text"] == marker, "the new outcome is not the note"
        r7["history"].pop()
    elif kind == "action":
        act = new["actions"].pop()
        assert act["text"] == marker, "the new action is not ours"
    elif kind == "rec":
        added = [x for x in new["recommendations"] if x["text"] == marker]
        assert len(added) == 1, "the recommendation is not there once"
        new["recommendations"].remove(added[0])
    if new != old:
        print("neither:other fields changed"); sys.exit()
    # The bytes are rlt's canonical form (sorted keys, " : ", final newline).
    if not new_bytes.endswith(b"}\n") or b'" : ' not in new_bytes[:200]:
        print("neither:not rlt's format"); sys.exit()
    print("new")
except (AssertionError, StopIteration, IndexError, KeyError) as e:
    print(f"neither:{e}")
PY

old_count=0 new_count=0 unparsable=0 neither=0 strays=0 unreported=0 lock_held=0 bad_mode=0 other_exit=0
for i in $(seq 1 "$KILLS"); do
    marker="crash-marker-$i-$RANDOM$RANDOM"
    case $((i % 3)) in
        0) kind=note; args=(rec update big/R7 --note "$marker") ;;
        1) kind=action; args=(action add big --agency big-police --text "$marker") ;;
        2) kind=rec; args=(rec add "big/X$i" --text "$marker" --owner big-police) ;;
    esac
    cp -p "$review" "$dir/old.json"
    before_temps=$(temp_files "$store" | sort)
    "$RLT" "${S[@]}" "${args[@]}" >/dev/null 2>"$dir/err" &
    pid=$!
    case $((i % 3)) in
        0)  # anywhere: start-up, read, decode, encode, write, rename
            sleep "$(awk -v r=$RANDOM -v t="$write_ms" 'BEGIN { printf "%.4f", r / 32767 * t * 1.3 / 1000 }')" ;;
        1)  # the instant a new temp file exists: mid-write
            while kill -0 "$pid" 2>/dev/null; do
                t=$(compgen -G "$store/.staging/big.json.tmp-*" || true)
                if [ -n "$t" ] && [ "$t" != "$before_temps" ]; then break; fi
            done ;;
        2)  # around the end of the write
            sleep "$(awk -v r=$RANDOM -v t="$write_ms" 'BEGIN { printf "%.4f", (0.7 + r / 32767 * 0.5) * t / 1000 }')" ;;
    esac
    status=0
    { kill -9 "$pid"; wait "$pid"; } 2>/dev/null || status=$?
    if [ "$status" != 0 ] && [ "$status" != 137 ]; then
        other_exit=$((other_exit + 1))
        echo "  kill $i: rlt exited $status: $(cat "$dir/err")" >&2
    fi
    result=$(python3 "$verify" "$dir/old.json" "$review" "$kind" "$marker")
    case $result in
        old) old_count=$((old_count + 1)) ;;
        new) new_count=$((new_count + 1)) ;;
        unparsable) unparsable=$((unparsable + 1)); echo "  kill $i: the review does not parse" >&2 ;;
        *) neither=$((neither + 1)); echo "  kill $i: $result" >&2 ;;
    esac
    [ "$(stat -c %a "$review")" = 600 ] || bad_mode=$((bad_mode + 1))
    flock -n -E 99 "$store/.lock" true || lock_held=$((lock_held + 1))
    if [ "$result" = unparsable ]; then cp "$dir/old.json" "$review"; fi

    # A kill mid-write may leave staged files: the next command (here `check`) removes them (no journal: the write
    # never took effect) or finishes the renames its journal lists (every write also records an undo step, so it
    # has one), says so in one note, and finds nothing wrong.
    mapfile -t temps < <(temp_files "$store")
    if [ ${#temps[@]} -gt 0 ]; then
        strays=$((strays + ${#temps[@]}))
        report=$(rl --store "$store" check 2>&1) && check_status=0 || check_status=$?
        files="${#temps[@]} files"; [ ${#temps[@]} = 1 ] && files="1 file"
        expected="note: removed $files staged by a write that was interrupted before it took effect"
        finished="note: finished a write that was interrupted ("
        if [ "$check_status" != 0 ] || { [ "$report" != "$expected" ] && [ "${report#"$finished"}" = "$report" ]; } \
            || [ -n "$(temp_files "$store")" ]; then
            unreported=$((unreported + 1))
            echo "  kill $i: after ${#temps[@]} staged files, check exited $check_status: $report" >&2
        fi
    fi
done

check "unparsable files = 0" [ "$unparsable" = 0 ]
check "every version is exactly the old or the new one" [ "$neither" = 0 ]
check "the kills landed both before and after the rename ($old_count old, $new_count new)" [ "$old_count" -gt 0 -a "$new_count" -gt 0 ]
check "some kills left a staged file ($strays)" [ "$strays" -gt 0 ]
check "the next command removed every staged file, said so, and found nothing else" [ "$unreported" = 0 ]
check "the lock was free after every kill" [ "$lock_held" = 0 ]
check "the review stayed 0600" [ "$bad_mode" = 0 ]
check "rlt only ever exited 0 or died of the kill" [ "$other_exit" = 0 ]
final=$(rl --store "$store" check 2>&1) && final_status=0 || final_status=$?
check "the store is clean at the end" [ "$final_status" = 0 -a -z "$final" ]

echo "crash-mid-write: $KILLS kills on a $((size / 1000)) kB review, unparsable = $unparsable, neither old nor new = $neither, old = $old_count, new = $new_count, staged files left = $strays (not cleaned by the next command = $unreported), lock left held = $lock_held"
finish
