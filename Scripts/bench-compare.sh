#!/usr/bin/env bash
# Times the read commands of issue 16 with two rlt binaries, side by side in one run, and prints a Markdown table:
#
#   Scripts/bench-compare.sh OLD_RLT NEW_RLT [STORE]
#
# e.g. build the old commit in a worktree (git worktree add /tmp/old <commit>; swift build -c release there), then
#   Scripts/bench-compare.sh /tmp/old/.build/release/rlt .build/release/rlt
#
# STORE (default /tmp/rlt-compare/100k) is generated with rlt-generate --recs 100000 --seed 7 if missing. Each binary
# gets its own copy, since their index formats may differ (each would rebuild the other's). Medians of RUNS (default
# 3) hyperfine runs after a warm-up; peak memory is /usr/bin/time -v's maximum resident set size of one more run.
set -euo pipefail
OLD=$(realpath "$1")
NEW=$(realpath "$2")
STORE=${3:-/tmp/rlt-compare/100k}
RUNS=${RUNS:-3}
AS_OF=2025-06-30
cd "$(dirname "$0")/.."
if [ ! -d "$STORE/reviews" ]; then
    swift build -c release --product rlt-generate >&2
    .build/release/rlt-generate "$STORE" --recs 100000 --seed 7 >&2
fi
rm -rf "$STORE-old"
cp -a "$STORE" "$STORE-old"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" "$STORE-old"' EXIT

median_ms() {
    hyperfine -N --style none --warmup 1 --runs "$RUNS" --export-json "$WORK/hf.json" "$@" >/dev/null
    jq -r '.results[0].median * 1000 | round' "$WORK/hf.json"
}
peak_mb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }'; }

# Build each binary's index first (not timed).
"$OLD" --store "$STORE-old" --as-of $AS_OF overdue --format csv >/dev/null
"$NEW" --store "$STORE" --as-of $AS_OF overdue --format csv >/dev/null

echo "| command at 100k | before: time | before: peak | after: time | after: peak | speed-up |"
echo "|---|---|---|---|---|---|"
while IFS= read -r command; do
    row="| \`$command\`"
    times=()
    for side in old new; do
        if [ $side = old ]; then bin=$OLD; store=$STORE-old; else bin=$NEW; store=$STORE; fi
        q="$bin --store $store --as-of $AS_OF"
        if [ "$command" = "export --out DIR (every table)" ]; then
            t=$(median_ms --prepare "rm -rf $WORK/out" "$q export --out $WORK/out")
            rm -rf "$WORK/out"
            m=$(peak_mb $q export --out "$WORK/out")
            rm -rf "$WORK/out"
        else
            # shellcheck disable=SC2086 # $command is several words on purpose
            t=$(median_ms "$q $command")
            # shellcheck disable=SC2086
            m=$(peak_mb $q $command)
        fi
        times+=("$t")
        row+=" | $(awk -v t="$t" 'BEGIN { printf (t >= 1000 ? "%.1f s" : "%d ms"), (t >= 1000 ? t / 1000 : t) }') | $m MB"
    done
    echo "$row | $(awk -v a="${times[0]}" -v b="${times[1]}" 'BEGIN { printf "%.0f×", a / (b > 0 ? b : 1) }') |"
done <<'COMMANDS'
search MARAC --count
report --format html --since 2025-01-01
export --out DIR (every table)
rec list --text MARAC --format csv
review list
overdue --format json
finding list
log --since 2025-06-01
rec list --status open --format json
overdue
rec list --format json
COMMANDS
g=$(median_ms "grep -rli marac $STORE/reviews")
echo
echo "For reference, \`grep -rli marac reviews/\` on the same files: $g ms. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
