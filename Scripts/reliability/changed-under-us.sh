#!/usr/bin/env bash
# Case 3 — changed under us. Someone else (an editor, a sync tool) changes a store file after rlt has read it and
# before rlt writes it back. rlt must refuse (exit 75) and leave the other edit in place.
#
# Deterministic variants (need strace): strace delays rlt's last open of the file — the re-read under the lock
# just before the write — by 2 s, and the file is edited in that window:
#   a. a different-size edit; b. a same-size edit with the mtime put back (touch -d), so only the content differs;
#   c. the file deleted; d. a review file created between `review add`'s existence check and its write;
#   e. tracker.json edited during `agency add`.
#   f. (the remaining window) an edit while rlt fsyncs its temp file, after that final re-read and before rename.
# Race variant (no strace needed): a same-size, mtime-restored edit made while a long `rlt import` is planning
# (30,000 rows: import is linear, so it needs that many to plan for a few seconds under the lock).
# (The in-process unit test StoreTests.changedUnderUs covers the same rule inside the library.)
# Prints: changed-under-us: 6 edits between read and write, refused (75) = 6, edits kept = 6, … window after the re-read: …
source "$(dirname "$0")/lib.sh"

dir=$(new_dir)
refused=0 kept=0 tried=0

# same_size_edit FILE: changes one letter of a text value in place, keeping the size and the mtime.
same_size_edit() {
    local file=$1 stamp
    stamp=$(stat -c %y "$file")
    python3 - "$file" <<'PY'
import sys
path = sys.argv[1]
data = bytearray(open(path, "rb").read())
i = data.find(b'"Darren & Bethany"')
if i < 0:
    i = data.find(b'"title" : "') + 11
data[i + 1] = ord("X") if data[i + 1] != ord("X") else ord("Y")
open(path, "r+b").write(data)
PY
    touch -d "$stamp" "$file"
}
bigger_edit() { sed -i 's/"Darren & Bethany"/"Darren and Bethany (edited by hand)"/' "$1"; }

# opens_of STORE REL RLT-ARGS…: how many times rlt opens STORE/REL for this command, counted on a copy of the store
# (the last open before the write is the re-read under the lock that must catch the edit).
opens_of() {
    local store=$1 rel=$2 copy=$dir/rehearsal.$RANDOM
    shift 2
    cp -r "$store" "$copy"
    strace -f -qq -o "$copy.log" -P "$copy/$rel" -e trace=openat,open "$RLT" --store "$copy" "$@" >/dev/null 2>&1 || true
    grep -c 'open' "$copy.log" || true
    rm -rf "$copy" "$copy.log"
}

# delayed STORE REL RLT-ARGS…: runs rlt in the background with its last open of STORE/REL (the re-read) delayed by
# 2 s; returns once the earlier opens (the read) are done. Sets $pid.
delayed() {
    local store=$1 rel=$2 n t=0 seen
    shift 2
    n=$(opens_of "$store" "$rel" "$@")
    log=$dir/strace.$RANDOM
    strace -f -qq -o "$log" -P "$store/$rel" -e trace=openat,open \
        -e inject=openat:delay_enter=2000000:when="$n" \
        "$RLT" --store "$store" "$@" >"$dir/out" 2>"$dir/err" &
    pid=$!
    while [ $t -lt 500 ]; do
        seen=$(grep -c 'open' "$log" 2>/dev/null) || seen=0
        [ "$seen" -ge $((n - 1)) ] && break
        sleep 0.01
        t=$((t + 1))
    done
    sleep 0.2
}

# expect_refused NAME FILE-CHECK-COMMAND…: waits for rlt; it must exit 75 and the other edit must still be there.
expect_refused() {
    local name=$1 status=0
    shift
    wait "$pid" || status=$?
    tried=$((tried + 1))
    if [ "$status" = 75 ] && grep -q "changed on disk" "$dir/err"; then
        refused=$((refused + 1))
        pass "$name: refused with exit 75 ($(cat "$dir/err"))"
    else
        fail "$name: exit $status, stderr: $(cat "$dir/err")"
    fi
    if "$@"; then kept=$((kept + 1)); pass "$name: the other edit is still there"; else fail "$name: the other edit was lost"; fi
}

strace_ok=no
if command -v strace >/dev/null && strace -qq -o /dev/null -e inject=openat:delay_enter=1:when=1 true 2>/dev/null; then
    strace_ok=yes
fi

window="not measured (no strace)"
if [ "$strace_ok" = yes ]; then
    store=$(make_small_store "$dir/a")
    f=$store/reviews/darren-bethany.json
    delayed "$store" reviews/darren-bethany.json rec update darren-bethany/3i --note "written by rlt"
    bigger_edit "$f"
    expect_refused "a. different-size edit" grep -q "edited by hand" "$f"
    grep -q "written by rlt" "$f" && fail "a. rlt's note reached the file"

    store=$(make_small_store "$dir/b")
    f=$store/reviews/darren-bethany.json
    cp -p "$f" "$dir/b.orig"
    delayed "$store" reviews/darren-bethany.json action add darren-bethany --agency lincs-police --text "written by rlt"
    same_size_edit "$f"
    check "b. the edit kept the size and the mtime" [ "$(stat -c '%s %y' "$f")" = "$(stat -c '%s %y' "$dir/b.orig")" ]
    expect_refused "b. same-size edit, mtime put back" grep -q '"XArren & Bethany"\|"Xarren & Bethany"' "$f"

    store=$(make_small_store "$dir/c")
    f=$store/reviews/darren-bethany.json
    delayed "$store" reviews/darren-bethany.json rec update darren-bethany/3i --status in-progress
    mv "$f" "$dir/c.moved"
    expect_refused "c. file deleted" test ! -e "$f"

    store=$(make_small_store "$dir/d")
    f=$store/reviews/newrev.json
    delayed "$store" reviews/newrev.json review add newrev --type dhr --title "rlt's review"
    cp "$store/reviews/darren-bethany.json" "$f"
    expect_refused "d. review file created meanwhile" grep -q "Darren & Bethany" "$f"

    store=$(make_small_store "$dir/e")
    f=$store/tracker.json
    delayed "$store" tracker.json agency add new-agency --name "New" --sector police
    sed -i 's/"Reliability"/"Reliability, edited"/' "$f"
    expect_refused "e. tracker.json edited during agency add" grep -q "Reliability, edited" "$f"

    # f. The remaining window: after the final re-read, while the temp file is written and fsynced, before rename.
    store=$(make_small_store "$dir/f")
    f=$store/reviews/darren-bethany.json
    log=$dir/strace.f
    strace -f -qq -o "$log" -e trace=fsync -e inject=fsync:delay_enter=2000000:when=1 \
        "$RLT" --store "$store" rec update darren-bethany/3i --note "written by rlt" >"$dir/out" 2>"$dir/err" &
    pid=$!
    while ! compgen -G "$store/.staging/darren-bethany.json.tmp-*" >/dev/null && kill -0 $pid 2>/dev/null; do sleep 0.01; done
    sleep 0.2
    same_size_edit "$f"
    status=0
    wait $pid || status=$?
    if grep -q '"XArren & Bethany"\|"Xarren & Bethany"' "$f"; then
        window="edit kept (exit $status)"
    else
        window="edit overwritten (exit $status)"
    fi
    check "f. an edit made while rlt fsyncs its temp file is refused (75), not overwritten: $window" \
        [ "$window" = "edit kept (exit 75)" ]
else
    echo "  strace cannot inject delays here: skipping the deterministic variants (a–f)" >&2
fi

# The race variant: an import that spends seconds planning under the lock, edited meanwhile.
store=$(make_small_store "$dir/g")
f=$store/reviews/darren-bethany.json
python3 - "$dir/plan.csv" <<'PY'
import csv, sys
with open(sys.argv[1], "w", newline="") as out:
    w = csv.writer(out)
    w.writerow(["Ref", "Recommendation", "Lead agency", "Target date", "Status"])
    for i in range(1, 30001):
        w.writerow([f"I{i}", f"Imported recommendation {i} " + "x" * 200, "lincs-police", "2024-06", "open"])
PY
cp -p "$f" "$dir/g.orig"
"$RLT" --store "$store" import recommendations "$dir/plan.csv" --review darren-bethany >"$dir/out" 2>"$dir/err" &
pid=$!
t=0
while flock -n "$store/.lock" true 2>/dev/null && kill -0 $pid 2>/dev/null && [ $t -lt 2000 ]; do sleep 0.005; t=$((t + 1)); done
sleep 0.3
race="window missed"
if kill -0 $pid 2>/dev/null; then
    same_size_edit "$f"
    race="edited during the import"
fi
expect_refused "g. same-size edit during a long import ($race)" grep -q '"XArren & Bethany"\|"Xarren & Bethany"' "$f"
check "g. nothing of the import was written" test "$(grep -c '"I1"' "$f" || true)" = 0

echo "changed-under-us: $tried edits between read and write, refused (75) = $refused, edits kept = $kept; edit after the final re-read: $window"
finish
