#!/usr/bin/env bash
# Case 12 — output errors. Every command that prints is run (a) with stdout on /dev/full: it must exit non-zero
# (74) with one error line and no crash; (b) into `| head -1` on a store big enough to overflow the pipe: it must
# exit 0 with nothing on stderr (like cat and git); (c) with stdout closed (>&-) — a write command then must still
# leave a valid store and an empty .lock (no output may land in a store file that reused descriptor 1).
# Also `export TABLE --out` onto a device node, a FIFO and a symlink to fd 1 (what /dev/stdout is).
# Prints: output-errors: 13 commands > /dev/full, non-zero = 13; 13 commands | head -1, quiet exit 0 = 13; closed stdout: store intact
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

echo "output-errors: ${#printing[@]} commands > /dev/full, non-zero with one error line = $full_ok; ${#printing[@]} commands | head -1, exit 0 and silent = $head_ok; $out_note; closed stdout: store intact"
finish
