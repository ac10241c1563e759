#!/usr/bin/env bash
# Case 16 — nowhere to build the index in memory (issue 14, item 10). A small store (under 1 MiB) and a read-only
# store keep their index in memory only, in a scratch file. In a private mount namespace (root, unshare), queries run
# with /dev/shm full or read-only, $TMPDIR missing, /tmp read-only, memfd_create failing (strace fault injection),
# and all of them at once on a read-only store. Each must answer exactly as the full decode (RLT_NO_INDEX=1) does:
# the index falls back from anonymous memory to /dev/shm, $TMPDIR, /tmp, and then to decoding the files.
# Prints: index-scratch: 6 setups × 2 queries: answered = 12, same as the full decode = 12, failed = 0
source "$(dirname "$0")/lib.sh"

if [ "$(id -u)" != 0 ] || ! command -v unshare >/dev/null || ! command -v strace >/dev/null ||
    ! unshare -m true 2>/dev/null; then
    echo "  skipped: needs root, unshare -m and strace" >&2
    echo "index-scratch: skipped (needs root, unshare -m and strace)"
    exit 0
fi
dir=$(new_dir)
store=$(make_small_store "$dir")
queries=("rec list --format csv" "overdue --as-of 2025-01-01 --format csv")
for n in 0 1; do RLT_NO_INDEX=1 "$RLT" --store "$store" ${queries[$n]} >"$dir/expected.$n"; done

# in_namespace SHM TMP MEMFD STORE_RO QUERY: runs QUERY on the store in a private mount namespace where /dev/shm is
# full, ro or as is; /tmp ro or as is; memfd_create fails (no) or works (yes); the store read-only (ro) or not.
in_namespace() {
    unshare -m bash -s "$@" <<'NS'
set -e
shm=$1 tmp=$2 memfd=$3 ro=$4; shift 4
mount --make-rprivate /
mount --bind "$REL_STORE_DIR" /mnt
[ "$ro" = ro ] && mount -o remount,bind,ro /mnt
case $shm in
    full) mount -t tmpfs -o size=64k tmpfs /dev/shm; dd if=/dev/zero of=/dev/shm/fill bs=4k 2>/dev/null || true ;;
    ro) mount -t tmpfs -o ro tmpfs /dev/shm ;;
esac
[ "$tmp" = ro ] && mount -t tmpfs -o ro tmpfs /tmp
export TMPDIR=/nonexistent/tmp
if [ "$memfd" = no ]; then
    exec strace -f -qq -o /dev/null -e trace=memfd_create -e inject=memfd_create:error=ENOSYS /mnt/rlt --store /mnt/data "$@"
fi
exec /mnt/rlt --store /mnt/data "$@"
NS
}
export REL_STORE_DIR=$dir
# A copy of the binary beside the store, so hiding /tmp cannot hide it.
cp "$RLT" "$dir/rlt"

setups=(
    "full as-is yes rw|/dev/shm full, \$TMPDIR missing"
    "ro as-is yes rw|/dev/shm read-only, \$TMPDIR missing"
    "full as-is no rw|/dev/shm full, \$TMPDIR missing, memfd_create failing"
    "full ro no rw|/dev/shm full, \$TMPDIR missing, /tmp read-only, memfd_create failing"
    "ro ro yes ro|read-only store, /dev/shm and /tmp read-only, \$TMPDIR missing"
    "ro ro no ro|read-only store, every scratch place unavailable"
)
answered=0 same=0 failed=0
for setup in "${setups[@]}"; do
    read -r shm tmp memfd ro <<<"${setup%%|*}"
    for n in 0 1; do
        in_namespace "$shm" "$tmp" "$memfd" "$ro" ${queries[$n]} >"$dir/out" 2>"$dir/err" && status=0 || status=$?
        if [ "$status" = 0 ]; then
            answered=$((answered + 1))
            if cmp -s "$dir/out" "$dir/expected.$n"; then same=$((same + 1)); else
                fail "${setup#*|}: ${queries[$n]} differs from the full decode"
            fi
        else
            failed=$((failed + 1))
            fail "${setup#*|}: ${queries[$n]} exited $status: $(head -c 300 "$dir/err")"
        fi
    done
done
total=$((${#setups[@]} * 2))
check "every query answered ($answered of $total)" [ "$answered" = "$total" ]
check "every answer is the full decode's ($same of $total)" [ "$same" = "$total" ]
echo "index-scratch: ${#setups[@]} setups × 2 queries: answered = $answered, same as the full decode = $same, failed = $failed"
finish
