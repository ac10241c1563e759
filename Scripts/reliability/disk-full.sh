#!/usr/bin/env bash
# Case 6 — disk full and file too large. Every write command is run (a) under `ulimit -f 1` (1 KiB: each file it
# would write is larger, so write() fails with EFBIG), (b) on a 64 KiB tmpfs filled to the last byte (ENOSPC), and
# (c) on a tmpfs with no inodes left (the temp file cannot be created). Each must exit non-zero with a message
# naming the file, without crashing, leave every store file byte-identical and leave no temp file; afterwards the
# same command succeeds once there is room. (d) an import and a bulk update of 200 reviews with room for about half
# of the new files: nothing may be replaced. (b) and (c) need mount (root); they are skipped with a message if not.
# Prints: disk-full: N refused writes, non-zero exits = N, stores byte-identical = N, temp files left = 0, crashes = 0
source "$(dirname "$0")/lib.sh"

dir=$(new_dir)
tried=0 nonzero=0 identical=0 temps=0 crashes=0

long_text=$(printf 'Long text for a file over the limit. %.0s' $(seq 1 60))
commands=(
    "rec update darren-bethany/3i --note noted"
    "rec add darren-bethany/9 --text added --owner lincs-cc"
    "action add darren-bethany --agency lincs-police --text added"
    "outcome add darren-bethany/3i --text assured --assurance limited"
    "agency add new-agency --name New --sector police"
    "config set amber-days 45"
    "event add --kind seminar --title LONG --date 2024-03"
)

# attempt LABEL STORE PREFIX-COMMAND… -- RLT-ARGS…: one write that must fail cleanly.
attempt() {
    local label=$1 store=$2
    shift 2
    local prefix=()
    while [ "$1" != -- ]; do prefix+=("$1"); shift; done
    shift
    local before after status=0
    before=$(tree_digest "$store")
    "${prefix[@]}" "$RLT" --store "$store" --as-of 2024-03-01 "$@" >"$dir/out" 2>"$dir/err" || status=$?
    after=$(tree_digest "$store")
    tried=$((tried + 1))
    if [ "$status" != 0 ]; then nonzero=$((nonzero + 1)); else fail "$label: rlt $* exited 0"; fi
    if no_crash "$status" "$dir/err"; then :; else crashes=$((crashes + 1)); fail "$label: rlt $* crashed (exit $status)"; fi
    if [ "$before" = "$after" ]; then identical=$((identical + 1)); else fail "$label: rlt $* changed the store"; fi
    local t
    t=$(temp_files "$store")
    if [ -n "$t" ]; then temps=$((temps + $(echo "$t" | wc -l))); fail "$label: temp files left: $t"; fi
    if [ "$status" != 0 ]; then
        echo "    $label: exit $status: $(head -1 "$dir/err")" >&2
        grep -q "^error: .*\(too large\|no space\|cannot\)" "$dir/err" || fail "$label: the message does not say why: $(cat "$dir/err")"
    fi
}

args_of() { # the command with LONG replaced by the long text
    local word
    for word in $1; do
        if [ "$word" = LONG ]; then printf '%s\0' "$long_text"; else printf '%s\0' "$word"; fi
    done
}

# (a) ulimit -f 1
store=$(make_small_store "$dir/a")
for c in "${commands[@]}"; do
    mapfile -d '' -t words < <(args_of "$c")
    attempt "ulimit -f 1: $c" "$store" bash -c 'ulimit -f 1; exec "$@"' ulimit -- "${words[@]}"
done
# init under the limit: no store appears; with the limit lifted the same init works.
status=0
bash -c 'ulimit -f 1; exec "$@"' ulimit "$RLT" init "$dir/a/fresh" --name "Fresh" >/dev/null 2>"$dir/err" || status=$?
tried=$((tried + 1))
[ "$status" != 0 ] && nonzero=$((nonzero + 1))
if [ ! -e "$dir/a/fresh/tracker.json" ] && [ -z "$(temp_files "$dir/a/fresh")" ]; then identical=$((identical + 1)); else fail "init under ulimit left a tracker or temp files"; fi
check "init under ulimit -f 1 fails cleanly (exit $status)" [ "$status" != 0 ]
check "the same init works once the limit is lifted" quietly "$RLT" init "$dir/a/fresh" --name Fresh
mapfile -d '' -t words < <(args_of "${commands[0]}")
check "without the limit the update succeeds" quietly "$RLT" --store "$store" "${words[@]}"

# tiny_store MOUNT: a small store for a tiny tmpfs, built beside it with the undo journal off (its copies of the
# records would not fit in 64 KiB or 16 inodes) and copied in. The journal on a nearly full disk is tried in (d).
tiny_store() {
    local src
    src=$(make_small_store "$dir/src-$RANDOM")
    "$RLT" --store "$src" config set undo-depth 0 >/dev/null 2>&1
    cp -a "$src" "$1/data"
    rm -rf "$1/data/.undo"
    echo "$1/data"
}

# (b) and (c) need a tiny tmpfs.
mnt=$dir/tmpfs
mkdir "$mnt"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k,mode=0755 rlt-reliability "$mnt" 2>/dev/null; then
    store=$(tiny_store "$mnt")
    # Fill every last block.
    dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null || true
    dd if=/dev/zero of="$mnt/filler2" bs=1 2>/dev/null || true
    for c in "${commands[@]}"; do
        mapfile -d '' -t words < <(args_of "$c")
        attempt "full tmpfs: $c" "$store" env -- "${words[@]}"
    done
    check "queries still work on a full disk" quietly "$RLT" --store "$store" rec list >/dev/null
    rm -f "$mnt/filler" "$mnt/filler2"
    mapfile -d '' -t words < <(args_of "${commands[0]}")
    check "with room again the update succeeds" quietly "$RLT" --store "$store" "${words[@]}"
    umount "$mnt"

    if mount -t tmpfs -o size=1m,nr_inodes=16,mode=0755 rlt-reliability "$mnt" 2>/dev/null; then
        store=$(tiny_store "$mnt")
        n=0
        while touch "$mnt/inode-$n" 2>/dev/null && [ $n -lt 100 ]; do n=$((n + 1)); done
        for c in "${commands[@]:0:3}"; do
            mapfile -d '' -t words < <(args_of "$c")
            attempt "no inodes: $c" "$store" env -- "${words[@]}"
        done
        rm -f "$mnt"/inode-*
        check "with inodes again the update succeeds" quietly "$RLT" --store "$store" "${words[@]}"
        umount "$mnt"
    fi

    # (d) Writes of many files on a nearly full disk: room for about half of the new files. The import and the bulk
    # update must fail before the first rename (every new file is staged first), leaving every review as it was.
    if mount -t tmpfs -o size=4m,mode=0755 rlt-reliability "$mnt" 2>/dev/null; then
        store=$(make_small_store "$mnt")
        clone_reviews "$store" 200
        { echo "review_id,rec_id,date,text"; for i in $(seq -f '%04g' 1 200); do echo "r$i,3i,2024-02-01,assured"; done; } >"$dir/outcomes.csv"
        refs=()
        for i in $(seq -f '%04g' 1 200); do refs+=("r$i/3i"); done
        half=$(( $(du -sk "$store/reviews" | cut -f1) / 2 ))
        dd if=/dev/zero of="$mnt/room" bs=1k count="$half" 2>/dev/null
        dd if=/dev/zero of="$mnt/filler" bs=4k 2>/dev/null || true
        dd if=/dev/zero of="$mnt/filler2" bs=1 2>/dev/null || true
        rm -f "$mnt/room"
        attempt "half the room: import of 200 reviews' outcomes" "$store" env -- import outcomes "$dir/outcomes.csv"
        attempt "half the room: rec update of 200 reviews" "$store" env -- rec update "${refs[@]}" --note noted
        rm -f "$mnt/filler" "$mnt/filler2"
        check "with room again the bulk update succeeds" quietly "$RLT" --store "$store" rec update "${refs[@]}" --note noted
        umount "$mnt"
    fi
    tmpfs=done
else
    echo "  cannot mount a tmpfs here (not root, or no permission): the full-disk and no-inode variants are skipped" >&2
    tmpfs=skipped
fi

check "every refused write exited non-zero" [ "$nonzero" = "$tried" ]
check "every store stayed byte-identical" [ "$identical" = "$tried" ]
echo "disk-full: $tried refused writes (ulimit -f 1; full tmpfs and no inodes: $tmpfs), non-zero exits = $nonzero, stores byte-identical = $identical, temp files left = $temps, crashes = $crashes"
finish
