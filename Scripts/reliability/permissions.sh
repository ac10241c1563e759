#!/usr/bin/env bash
# Case 7 — permissions, run as an unprivileged user (root ignores permission bits). While that user runs 80
# writes (umask 000, then 077), a poller lists the store in a tight loop and stats every file it sees, temp files
# included: every file must be 0600 at every moment; after `rlt config set file-mode 0640`, everything rlt writes
# must be 0640 under its final name (fchmod before rename, whatever the umask) and never more open than 0640.
# Then the store is made read-only (chmod -R a-w): queries work; every write fails with exit 74, one clear message
# and no crash; nothing changes. A second user in the owner's group tries to read a 0640 store. A store and a
# review file made writable by others must be reported by `check`, and warned about (once) by a write.
# Prints: permissions: N stats of M files (T temp files) while writing, wrong modes = 0, read-only: queries ok = …, writes refused cleanly = …
source "$(dirname "$0")/lib.sh"

if ! ensure_user; then
    echo "permissions: skipped (cannot run rlt as a non-root user here: useradd/runuser missing or refused)"
    exit 0
fi
dir=$(new_dir)
chown "$REL_USER" "$dir"
store=$dir/data
u() { as_user "$RLT_USER_BIN" --store "$store" --as-of 2024-03-01 "$@"; }
as_user "$RLT_USER_BIN" init "$store" --name "Permissions" >/dev/null 2>&1
u agency add p1 --name "Agency one" --sector police >/dev/null
u review add rev-a --type dhr --title "Review A" >/dev/null
u review add rev-b --type sar --title "Review B" >/dev/null
u rec add rev-a/1 --text "First" --owner p1 --due 2024-06 >/dev/null

poller=$dir/poll.py
cat >"$poller" <<'PY'
# usage: poll.py STORE STOPFILE → polls until STOPFILE exists; prints "stats files temps" then one line per bad mode.
# A line "phase2" in STOPFILE.phase switches to the 0640 rules.
import os, stat, sys
store, stop = sys.argv[1], sys.argv[2]
stats = 0; names = set(); temps = set(); bad = []
def allowed(path, mode, phase2):
    name = os.path.basename(path)
    if name == ".lock":
        return mode in (0o600, 0o640)
    if ".tmp-" in name:                      # a temp file: never more open than the configured mode
        return mode & ~(0o640 if phase2 else 0o600) == 0
    return mode in ((0o600, 0o640) if phase2 else (0o600,))
while not os.path.exists(stop):
    phase2 = os.path.exists(stop + ".phase")
    for root in (store, store + "/reviews", store + "/.staging"):
        try:
            entries = list(os.scandir(root))
        except FileNotFoundError:
            continue
        for e in entries:
            try:
                st = os.lstat(e.path)
            except FileNotFoundError:
                continue
            stats += 1
            if stat.S_ISDIR(st.st_mode):
                continue
            names.add(e.path)
            if ".tmp-" in e.name: temps.add(e.path)
            mode = stat.S_IMODE(st.st_mode)
            if not stat.S_ISREG(st.st_mode) or not allowed(e.path, mode, phase2):
                bad.append(f"{e.path} {oct(mode)}{' (phase 2)' if phase2 else ''}")
print(stats, len(names), len(temps))
for b in bad[:20]: print(b)
PY
stop=$dir/stop
python3 "$poller" "$store" "$stop" >"$dir/poll.out" &
poll_pid=$!
workload() { # MASK: 40 writes of every kind
    local mask=$1 i
    for i in $(seq 1 8); do
        as_user bash -c "umask $mask; exec \"\$@\"" umask "$RLT_USER_BIN" --store "$store" --as-of 2024-03-01 rec update rev-a/1 --note "n$mask-$i" >/dev/null 2>&1
        as_user bash -c "umask $mask; exec \"\$@\"" umask "$RLT_USER_BIN" --store "$store" action add rev-b --agency p1 --text "a$mask-$i" >/dev/null 2>&1
        as_user bash -c "umask $mask; exec \"\$@\"" umask "$RLT_USER_BIN" --store "$store" review add "new-$mask-$i" --type dhr --title "T" >/dev/null 2>&1
        as_user bash -c "umask $mask; exec \"\$@\"" umask "$RLT_USER_BIN" --store "$store" event add --kind seminar --title "E" --date 2024-03 >/dev/null 2>&1
        as_user bash -c "umask $mask; exec \"\$@\"" umask "$RLT_USER_BIN" --store "$store" theme add "theme-$mask-$i" --label "T" >/dev/null 2>&1
    done
}
workload 000
files_0600=$(find "$store" -type f ! -perm 600 | wc -l)
check "after 40 writes with umask 000 every file is 0600 ($files_0600 are not)" [ "$files_0600" = 0 ]
check "the store and reviews/ directories are 0700" [ "$(stat -c %a "$store") $(stat -c %a "$store/reviews")" = "700 700" ]
# The 0640 rules start before the change: config set file-mode makes the existing files 0640 at once.
touch "$stop.phase"
u config set file-mode 0640 >/dev/null 2>&1
workload 077
touch "$stop"
wait "$poll_pid"
read -r stats nfiles ntemps < <(head -1 "$dir/poll.out")
badmodes=$(($(wc -l <"$dir/poll.out") - 1))
[ "$badmodes" -gt 0 ] && tail -n +2 "$dir/poll.out" | sed 's/^/    wrong mode: /' >&2
check "the poller saw temp files ($ntemps) and no wrong mode ($badmodes)" [ "$ntemps" -gt 0 -a "$badmodes" = 0 ]
for f in tracker.json events.json reviews/rev-a.json reviews/rev-b.json reviews/new-077-1.json; do
    check "after file-mode 0640 and umask 077, $f (rewritten or created) is 0640" [ "$(stat -c %a "$store/$f")" = 640 ]
done
check "after file-mode 0640, reviews/new-000-2.json (never rewritten since) is 0640" [ "$(stat -c %a "$store/reviews/new-000-2.json")" = 640 ]
check "after file-mode 0640 the store and reviews/ directories are 0750" [ "$(stat -c %a "$store") $(stat -c %a "$store/reviews")" = "750 750" ]

# Group sharing: a second user whose only link is the owner's group, on a 0640 store.
group_read=skipped
if [ "$(id -u)" = 0 ]; then
    id rltgroup >/dev/null 2>&1 || useradd -M -N -g "$(id -gn "$REL_USER")" rltgroup >/dev/null 2>&1 || true
    if id rltgroup >/dev/null 2>&1; then
        chmod 755 "$dir"
        st=0
        runuser -u rltgroup -- "$RLT_USER_BIN" --store "$store" rec list >/dev/null 2>"$dir/group.err" || st=$?
        group_read="exit $st"
        check "a member of the owner's group can read a store set to file-mode 0640 ($group_read: $(head -1 "$dir/group.err"))" [ "$st" = 0 ]
    fi
fi

# Loose modes (issue 14): a store and a review file the group or others may write are reported by `check` (path,
# mode, fix), a write warns once and goes ahead, and the file it rewrites gets the store's mode back.
as_user chmod 0777 "$store"
as_user chmod 0666 "$store/reviews/rev-a.json"
st=0
u check >"$dir/check.out" 2>&1 || st=$?
loose_reported=$(grep -c "writable by others (mode 0[67][67][67]), so records can be changed behind rlt's back; run chmod go-w $store" "$dir/check.out" || true)
check "check exits 1 and reports the store directory and the review file, each with its mode and chmod go-w ($loose_reported of 2)" \
    [ "$st" = 1 ] && [ "$loose_reported" = 2 ] && [ "$(wc -l <"$dir/check.out")" = 2 ]
st=0
u rec update rev-a/1 --note loose >/dev/null 2>"$dir/warn.err" || st=$?
warnings=$(grep -c '^warning: ' "$dir/warn.err" || true)
check "a write on the loose store succeeds with one warning line ($warnings)" [ "$st" = 0 ] && [ "$warnings" = 1 ]
check "the review file it rewrote is the store's 0640 again ($(stat -c %a "$store/reviews/rev-a.json"))" [ "$(stat -c %a "$store/reviews/rev-a.json")" = 640 ]
as_user chmod 0750 "$store"
check "after chmod go-w, check is clean" u check
loose="check reported $loose_reported of 2, write warned $warnings time(s), rewritten file $(stat -c %a "$store/reviews/rev-a.json")"

# Read-only store.
ro_store=$dir/ro
cp -a "$store" "$ro_store"
chown -R "$REL_USER" "$ro_store"
as_user chmod -R a-w "$ro_store"
before=$(tree_digest "$ro_store")
r() { as_user "$RLT_USER_BIN" --store "$ro_store" --as-of 2024-03-01 "$@"; }
queries_ok=0 queries=0
for q in "rec list" "review list" "overdue" "summary" "rec show rev-a/1" "review show rev-b" "search First" "log" "export recommendations" "check" "config list"; do
    queries=$((queries + 1))
    # shellcheck disable=SC2086
    if r $q >/dev/null 2>"$dir/err"; then queries_ok=$((queries_ok + 1)); else echo "    query '$q' failed: $(cat "$dir/err")" >&2; fi
done
writes=0 refused_ok=0
while IFS= read -r w; do
    writes=$((writes + 1))
    st=0
    eval "r $w" >/dev/null 2>"$dir/err" || st=$?
    lines=$(grep -c . "$dir/err" || true)
    if [ "$st" = 74 ] && [ "$lines" = 1 ] && grep -q "^error: .*\(permission\|read-only\|cannot\)" "$dir/err" && no_crash "$st" "$dir/err"; then
        refused_ok=$((refused_ok + 1))
    else
        echo "    write '$w': exit $st: $(cat "$dir/err")" >&2
    fi
done <<'EOF_WRITES'
rec update rev-a/1 --note x
rec add rev-a/2 --text x
action add rev-b --agency p1 --text x
outcome add rev-a/1 --text x
finding add rev-a --audience p1 --text x
event add --kind seminar --title x --date 2024-03
agency add p2 --name x --sector police
theme add t2 --label x
review add rev-c --type dhr --title x
review update rev-a --title x
rec remove rev-a/1 --yes
config set amber-days 40
EOF_WRITES
echo "    e.g. $(r rec update rev-a/1 --note x 2>&1 >/dev/null | head -1)" >&2
check "read-only store: every query works ($queries_ok of $queries)" [ "$queries_ok" = "$queries" ]
check "read-only store: every write exits 74 with one clear error line ($refused_ok of $writes)" [ "$refused_ok" = "$writes" ]
check "read-only store: nothing changed" [ "$before" = "$(tree_digest "$ro_store")" ]
as_user chmod -R u+w "$ro_store"

echo "permissions: $stats stats of $nfiles files ($ntemps temp files) during 80 writes, wrong modes = $badmodes; read-only store: queries ok = $queries_ok/$queries, writes refused cleanly (74) = $refused_ok/$writes; group read of a 0640 store: $group_read; loose modes: $loose"
finish
