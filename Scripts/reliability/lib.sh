# Shared by the reliability scripts (source it; not runnable on its own).
#
# Every script prints its result as one line, `case-name: figure …`, then `PASS`/`FAIL` details on stderr. A check
# that fails because of a bug already reported is marked with known_issue: it is printed as "known issue" and does
# not fail the run (like Swift Testing's withKnownIssue); when it starts passing, the script says so, so the marker
# can be removed.
#
# Environment:
#   RLT=path        the rlt binary (default: .build/debug/rlt, built with `swift build` when missing)
#   RLT_REL_KEEP=1  keep the temporary directories (printed) for inspection
#   RLT_REL_USER    the unprivileged user for permission cases (default rltcheck; created with useradd when root)
set -euo pipefail
shopt -s inherit_errexit

REL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$REL_DIR/../.." && pwd)
export LC_ALL=C.UTF-8 TZ=UTC
unset RLT_STORE RLT_AS_OF RLT_LOCK_TIMEOUT NO_COLOR 2>/dev/null || true
export RLT_AUTHOR=reliability

if [ -z "${RLT:-}" ]; then
    RLT="$REPO/.build/debug/rlt"
    if [ ! -x "$RLT" ]; then
        (cd "$REPO" && swift build >&2)
    fi
fi
if [ ! -x "$RLT" ]; then
    echo "no rlt binary at $RLT: run 'swift build' or set RLT" >&2
    exit 1
fi
RLT=$(cd "$(dirname "$RLT")" && pwd)/$(basename "$RLT")
export RLT

command -v python3 >/dev/null || { echo "the reliability scripts need python3 (to read JSON)" >&2; exit 1; }

REL_FAILURES=0
REL_KNOWN=0
# Every temporary directory of a run lives under one root, removed at exit (new_dir runs in command substitutions,
# i.e. subshells, so it cannot keep a list).
REL_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/rlt-reliability.XXXXXX")
chmod 755 "$REL_ROOT"

rel_cleanup() {
    if [ "${RLT_REL_KEEP:-0}" = 1 ]; then
        echo "kept $REL_ROOT" >&2
    else
        # A tmpfs left mounted by an interrupted case (disk-full.sh) first.
        awk -v root="$REL_ROOT" 'index($2, root) == 1 { print $2 }' /proc/mounts 2>/dev/null | xargs -r umount 2>/dev/null || true
        chmod -R u+rwX "$REL_ROOT" 2>/dev/null || true
        rm -rf "$REL_ROOT"
    fi
}
trap rel_cleanup EXIT

# new_dir: a fresh temporary directory (world-searchable, for the unprivileged user), removed at exit.
new_dir() {
    local d
    d=$(mktemp -d "$REL_ROOT/d.XXXXXX")
    chmod 755 "$d"
    echo "$d"
}

# pass/fail MESSAGE: record one check.
pass() { echo "  ok: $*" >&2; }
fail() {
    echo "  FAIL: $*" >&2
    REL_FAILURES=$((REL_FAILURES + 1))
}

# check DESCRIPTION COMMAND...: runs COMMAND (a test like [ … ]); pass or fail.
check() {
    local what=$1
    shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}

# known_issue ID DESCRIPTION COMMAND...: a check expected to fail until bug ID is fixed.
known_issue() {
    local id=$1 what=$2
    shift 2
    if "$@"; then
        echo "  ok (known issue $id no longer reproduces: remove the known_issue marker): $what" >&2
    else
        echo "  known issue $id: $what" >&2
        REL_KNOWN=$((REL_KNOWN + 1))
    fi
}

# finish: the exit status of the script.
finish() {
    [ "$REL_KNOWN" -gt 0 ] && echo "  $REL_KNOWN known issue(s), listed above (docs/RELIABILITY.md)" >&2
    if [ "$REL_FAILURES" -gt 0 ]; then
        echo "  $REL_FAILURES check(s) failed" >&2
        exit 1
    fi
    exit 0
}

# rl ARGS...: runs rlt with a fixed author (stdout and stderr as they are).
rl() { "$RLT" "$@"; }

# make_small_store DIR: a store in DIR/data with three agencies, review darren-bethany (recommendations 3i and 3ii,
# action A1); prints the store path.
make_small_store() {
    local store=$1/data
    mkdir -p "$1"
    "$RLT" init "$store" --name "Reliability" >/dev/null 2>&1
    local s=(--store "$store" --as-of 2024-01-15)
    "$RLT" "${s[@]}" agency add lincs-police --name "Lincolnshire Police" --sector police >/dev/null
    "$RLT" "${s[@]}" agency add lincs-scp --name "Lincolnshire SCP" --sector partnership >/dev/null
    "$RLT" "${s[@]}" agency add lincs-cc --name "Lincolnshire County Council" --sector local-authority >/dev/null
    "$RLT" "${s[@]}" review add darren-bethany --type joint --title "Darren & Bethany" --partnership lincs-scp >/dev/null
    "$RLT" "${s[@]}" rec add darren-bethany/3i --text "Review the MARAC referral pathway" --owner lincs-scp \
        --owner lincs-police --due 2024-06 >/dev/null
    "$RLT" "${s[@]}" rec add darren-bethany/3ii --text "Audit information sharing" --owner lincs-cc --due 2024-09 >/dev/null
    "$RLT" "${s[@]}" action add darren-bethany --agency lincs-police --text "Train officers" --for 3i --due 2024-05 >/dev/null
    echo "$store"
}

# make_big_review STORE ID COUNT: adds review ID with COUNT recommendations of about 1 KB each (one made by rlt,
# cloned in the JSON), and checks the store is valid.
make_big_review() {
    local store=$1 id=$2 count=$3
    "$RLT" --store "$store" review add "$id" --type dhr --title "A large review" >/dev/null
    "$RLT" --store "$store" --as-of 2024-01-15 rec add "$id/R1" --text template --owner big-police --due 2025-06 >/dev/null
    python3 - "$store/reviews/$id.json" "$count" <<'PY'
import json, sys
path, count = sys.argv[1], int(sys.argv[2])
review = json.load(open(path))
template = review["recommendations"][0]
filler = "The partnership should make sure that every agency shares information. " * 13
recs = []
for i in range(1, count + 1):
    rec = dict(template)
    rec["id"] = f"R{i}"
    rec["text"] = f"Recommendation {i}. " + filler
    recs.append(rec)
review["recommendations"] = recs
with open(path, "w") as f:
    json.dump(review, f, indent=2, sort_keys=True, ensure_ascii=False)
    f.write("\n")
PY
    "$RLT" --store "$store" check >&2
}

# no_crash STATUS STDERR_FILE: true when the status is below 128 and stderr has no crash report.
no_crash() {
    [ "$1" -lt 128 ] && ! grep -q -e "Fatal error" -e "Stack dump" -e "Backtrace" -e "Segmentation fault" \
        -e "Current stack trace" "$2"
}

# temp_files STORE: stray temp files (".tmp-") under STORE, one per line.
# clone_reviews STORE COUNT: replaces the small store's review by COUNT copies r0001…, each with recommendation 3i
# (for writes that touch many files).
clone_reviews() {
    python3 - "$1" "$2" <<'PY'
import json, os, sys
store, count = sys.argv[1], int(sys.argv[2])
template = json.load(open(os.path.join(store, "reviews/darren-bethany.json")))
os.remove(os.path.join(store, "reviews/darren-bethany.json"))
for i in range(1, count + 1):
    review = dict(template, id=f"r{i:04d}", title=f"Review {i}")
    with open(os.path.join(store, f"reviews/r{i:04d}.json"), "w") as f:
        json.dump(review, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
PY
}

temp_files() { find "$1" -name '*.tmp-*' 2>/dev/null || true; }

# tree_digest DIR: one line per file (not .lock, nor the staging area's .gitignore): path, mode and sha256; compares whole stores.
tree_digest() {
    (cd "$1" && find . -type f ! -name .lock ! -path ./.staging/.gitignore -print0 | sort -z | xargs -0 -r stat -c '%n %a' |
        while read -r name mode; do echo "$name $mode $(sha256sum "$name" | cut -c1-64)"; done)
}

# Unprivileged user for permission cases. as_user CMD… runs CMD as that user (rlt ignores permissions as root).
REL_USER=${RLT_REL_USER:-rltcheck}
REL_USER_OK=
RLT_USER_BIN=$RLT
ensure_user() {
    if [ -n "$REL_USER_OK" ]; then [ "$REL_USER_OK" = yes ]; return; fi
    REL_USER_OK=no
    if [ "$(id -u)" != 0 ]; then
        REL_USER=$(id -un)
        REL_USER_OK=yes
        RLT_USER_BIN=$RLT
        return 0
    fi
    if ! id "$REL_USER" >/dev/null 2>&1; then
        useradd -m "$REL_USER" >/dev/null 2>&1 || return 1
    fi
    if command -v runuser >/dev/null && runuser -u "$REL_USER" -- true 2>/dev/null; then
        REL_USER_OK=yes
    elif command -v setpriv >/dev/null && setpriv --reuid="$REL_USER" --regid="$REL_USER" --init-groups true 2>/dev/null; then
        REL_USER_OK=yes
    fi
    # The user must be able to reach the binary: if a parent directory is private (a checkout under /root), run a
    # copy from a world-readable temporary directory.
    RLT_USER_BIN=$RLT
    if [ "$REL_USER_OK" = yes ] && ! as_user test -x "$RLT"; then
        local copy
        copy=$(new_dir)
        cp "$RLT" "$copy/rlt"
        chmod 755 "$copy/rlt"
        RLT_USER_BIN=$copy/rlt
        if ! as_user test -x "$RLT_USER_BIN"; then
            echo "  $REL_USER cannot execute rlt even from $copy" >&2
            REL_USER_OK=no
        fi
    fi
    [ "$REL_USER_OK" = yes ]
}
as_user() {
    if [ "$(id -u)" != 0 ]; then
        "$@"
    elif command -v runuser >/dev/null; then
        runuser -u "$REL_USER" -- env HOME=/tmp RLT_AUTHOR=reliability LC_ALL=C.UTF-8 TZ=UTC "$@"
    else
        setpriv --reuid="$REL_USER" --regid="$REL_USER" --init-groups env HOME=/tmp RLT_AUTHOR=reliability "$@"
    fi
}

# quietly COMMAND…: runs COMMAND with its output discarded (for checks that only need the exit status).
quietly() { "$@" >/dev/null 2>&1; }
