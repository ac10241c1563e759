#!/usr/bin/env bash
# Case 12 — output errors. Every command that prints is run (a) with stdout on /dev/full: it must exit non-zero
# (74) with one error line and no crash; (b) into `| head -1` on a store big enough to overflow the pipe: it must
# exit 0 with nothing on stderr (like cat and git); (c) with stdout closed (>&-) — a write command then must still
# leave a valid store and an empty .lock (no output may land in a store file that reused descriptor 1).
# Also `export TABLE --out` onto a device node, a FIFO and a symlink to fd 1 (what /dev/stdout is).
# (d) `--fail-if-any` listings into `| head -1` under pipefail: the exit must be the one without the pipe (1), not 0
# (issue 14, item 4). (e) stderr on /dev/full and closed (2>&-): every exit code kept, no crash (before: 132), and no
# message in .lock, which a closed fd 2 used to become (issue 14, item 8).
# Prints: output-errors: 16 commands > /dev/full, non-zero = 16; 16 commands | head -1, quiet exit 0 = 16; …;
# closed stdout: store intact; 6 --fail-if-any | head -1 under pipefail, exit as without the pipe = 6; stderr on
# /dev/full: exit kept = 8/8, crashes = 0; stderr closed: exit kept = 8/8, crashes = 0, .lock bytes = 0
source "$(dirname "$0")/lib.sh"

dir=$(new_dir)
store=$(make_small_store "$dir")
# Enough records that every listing is far bigger than a pipe buffer (64 KiB).
rl --store "$store" agency add big-police --name "Big Police" --sector police >/dev/null
make_big_review "$store" big 300 2>/dev/null
rl --store "$store" rec update big/R1 --note "a note" >/dev/null 2>&1

printing=(
    "rec list" "rec list --format json" "action list" "review list" "overdue --as-of 2030-01-01" "summary --by owner"
    "search partnership" "log" "export recommendations" "export recommendations --format jsonl" "review show big"
    "rec show big/R1" "completions bash" "manpage" "help" "rec add --help"
)
full_ok=0 head_ok=0
for c in "${printing[@]}"; do
    st=0
    # shellcheck disable=SC2086
    "$RLT" --store "$store" $c >/dev/full 2>"$dir/err" || st=$?
    if [ "$st" != 0 ] && no_crash "$st" "$dir/err" && [ "$(grep -c . "$dir/err")" = 1 ] && grep -q "^error: " "$dir/err"; then
        full_ok=$((full_ok + 1))
    else
        fail "'rlt $c > /dev/full': exit $st, stderr: $(cat "$dir/err")"
    fi
    # shellcheck disable=SC2086
    "$RLT" --store "$store" $c 2>"$dir/err" | head -1 >/dev/null
    st=${PIPESTATUS[0]}
    if [ "$st" = 0 ] && [ ! -s "$dir/err" ]; then
        head_ok=$((head_ok + 1))
    else
        fail "'rlt $c | head -1': exit $st, stderr: $(cat "$dir/err")"
    fi
done
echo "    e.g. rlt export recommendations > /dev/full: $("$RLT" --store "$store" export recommendations 2>&1 >/dev/full | head -1)" >&2
# export --out onto something that is not a regular file. Never aim it at the real /dev/full: the bug below
# replaces the device node. A private device node (mknod, root only), a FIFO with a reader and a symlink to
# /proc/self/fd/1 (what /dev/stdout is) stand in for it.
out_note=""
if [ "$(id -u)" = 0 ] && mknod -m 666 "$dir/full" c 1 7 2>/dev/null; then
    st=0
    "$RLT" --store "$store" export recommendations --out "$dir/full" >/dev/null 2>"$dir/err" || st=$?
    kind=$(stat -c %F "$dir/full")
    out_note="export --out <a /dev/full node>: exit $st, the node is now a $kind"
    check "export recommendations --out <a copy of /dev/full> exits non-zero and leaves the device node ($out_note)" \
        [ "$st" != 0 -a "$kind" = "character special file" ]
    no_crash "$st" "$dir/err" || fail "export --out onto a device crashed"
else
    out_note="export --out <a device>: skipped (mknod needs root)"
fi
mkfifo "$dir/fifo"
cat "$dir/fifo" >"$dir/fifo.read" 2>/dev/null &
reader=$!
st=0
timeout 10 "$RLT" --store "$store" export recommendations --out "$dir/fifo" >/dev/null 2>"$dir/err" || st=$?
fifo_kind=$(stat -c %F "$dir/fifo")
check "export --out <a FIFO> writes into the FIFO (exit $st, the FIFO is now a $fifo_kind)" \
    [ "$fifo_kind" = fifo -a -s "$dir/fifo.read" ]
{ kill "$reader"; wait "$reader"; } 2>/dev/null || true   # a reader left waiting on a FIFO that was replaced
ln -s /proc/self/fd/1 "$dir/stdout-link"
st=0
"$RLT" --store "$store" export recommendations --out "$dir/stdout-link" >"$dir/through-link" 2>"$dir/err" || st=$?
kind=$(stat -c %F "$dir/stdout-link")
check "export --out <a symlink to /proc/self/fd/1, like /dev/stdout> prints the table instead of replacing the link (exit $st, the link is now a $kind)" \
    [ "$kind" = "symbolic link" -a -s "$dir/through-link" ]
out_note="$out_note; onto a FIFO: it is now a $fifo_kind; onto a symlink to fd 1: it is now a $kind"

# Closed stdout.
st=0
"$RLT" --store "$store" rec list >&- 2>"$dir/err" || st=$?
check "rec list with stdout closed exits non-zero without crashing (exit $st)" [ "$st" != 0 ] && no_crash "$st" "$dir/err"
st=0
"$RLT" --store "$store" action add darren-bethany --agency lincs-police --text "closed stdout" >&- 2>"$dir/err" || st=$?
check "a write with stdout closed leaves a valid store (exit $st)" quietly "$RLT" --store "$store" check
check "… and an empty .lock" [ ! -s "$store/.lock" ]
check "… and its change is complete or absent" quietly python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
n = sum(a["text"] == "closed stdout" for a in r["actions"])
sys.exit(0 if n <= 1 else 1)' "$store/reviews/darren-bethany.json"

# (d) A reader that goes away early must not change the exit code: `--fail-if-any` still says something matched.
failing=(
    "overdue --as-of 2030-01-01 --fail-if-any --format csv" "overdue --as-of 2030-01-01 --fail-if-any"
    "overdue --as-of 2030-01-01 --fail-if-any --format tsv" "rec list --fail-if-any" "rec list --fail-if-any --format json"
    "action list --fail-if-any --format csv"
)
pipe_ok=0
for c in "${failing[@]}"; do
    alone=0
    # shellcheck disable=SC2086
    "$RLT" --store "$store" $c >/dev/null 2>&1 || alone=$?
    piped=0
    # pipefail is on (lib.sh): the pipeline's status is rlt's when head exits 0.
    # shellcheck disable=SC2086
    "$RLT" --store "$store" $c 2>/dev/null | head -1 >/dev/null || piped=$?
    if [ "$alone" = 1 ] && [ "$piped" = "$alone" ]; then
        pipe_ok=$((pipe_ok + 1))
    else
        fail "'rlt $c | head -1' under pipefail: exit $piped, without the pipe $alone (both should be 1)"
    fi
done
pass "--fail-if-any | head -1 under pipefail: $pipe_ok of ${#failing[@]} exit as without the pipe"

# (e) stderr on /dev/full or closed: the exit code is the command's own, and no message lands in a store file.
erring=(
    "rec list --bogus:64" "rec show darren-bethany/99:65" "agency add lincs-police --name X --sector police:65"
    "rec update darren-bethany/3i --status nonsense:64" "import recommendations $dir/missing.csv --review darren-bethany:66"
    "overdue --as-of 2030-01-01 --fail-if-any:1" "rec list:0" "rec update darren-bethany/3i --note stderr-check:0"
)
: >"$store/.lock"
stderr_note=""
for redirect in full closed; do
    kept=0 crashes=0
    for entry in "${erring[@]}"; do
        c=${entry%:*} want=${entry##*:} st=0
        if [ "$redirect" = full ]; then
            # shellcheck disable=SC2086
            "$RLT" --store "$store" $c >/dev/null 2>/dev/full || st=$?
        else
            # shellcheck disable=SC2086
            "$RLT" --store "$store" $c >/dev/null 2>&- || st=$?
        fi
        if [ "$st" -ge 128 ]; then crashes=$((crashes + 1)); fi
        if [ "$st" = "$want" ]; then kept=$((kept + 1)); else fail "'rlt $c' with stderr $redirect: exit $st, want $want"; fi
    done
    lock_bytes=$(wc -c <"$store/.lock")
    check "stderr $redirect: .lock stays empty ($lock_bytes bytes)" [ "$lock_bytes" = 0 ]
    stderr_note="$stderr_note; stderr ${redirect/full/on /dev/full}: exit kept = $kept/${#erring[@]}, crashes = $crashes"
    [ "$redirect" = closed ] && stderr_note="$stderr_note, .lock bytes = $lock_bytes"
done
check "the store is still valid" quietly "$RLT" --store "$store" check

echo "output-errors: ${#printing[@]} commands > /dev/full, non-zero with one error line = $full_ok; ${#printing[@]} commands | head -1, exit 0 and silent = $head_ok; $out_note; closed stdout: store intact; ${#failing[@]} --fail-if-any | head -1 under pipefail, exit as without the pipe = $pipe_ok$stderr_note"
finish
