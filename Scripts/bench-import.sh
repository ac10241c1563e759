#!/usr/bin/env bash
# Times `rlt import` of N rows into one review (issue 14, item 11): import must stay linear in the rows, since it
# plans while holding the store lock.
#
#   Scripts/bench-import.sh                      # 5k, 20k and 50k recommendations and actions, release build
#   SIZES="5000 20000" TABLES=recommendations Scripts/bench-import.sh
#   RUNS=1 RLT=.build/debug/rlt Scripts/bench-import.sh
#
# Each size starts from a fresh copy of a small store (one agency, one review), so every run adds every row.
# Uses hyperfine (median of $RUNS runs) when installed, else /usr/bin/time or bash's time; prints one line a case:
#   import <table> <rows> rows: <seconds> s
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export PATH=/opt/swift/usr/bin:$PATH

SIZES=${SIZES:-"5000 20000 50000"}
TABLES=${TABLES:-"recommendations actions"}
RUNS=${RUNS:-3}
WORK=${WORK:-$(mktemp -d /tmp/rlt-bench-import.XXXXXX)}
AS_OF=2025-06-30

if [ -z "${RLT:-}" ]; then
    echo "building rlt (release)" >&2
    swift build -c release --product rlt 2>&1 | tail -1 >&2
    RLT=$ROOT/.build/release/rlt
fi

base=$WORK/base
rm -rf "$base"
r() { "$RLT" --store "$base" --as-of $AS_OF --author bench "$@" >/dev/null; }
r init "$base" --name "Import benchmark" 2>/dev/null
r agency add lincs-police --name "Lincolnshire Police" --sector police
r review add big --type dhr --title "One big review"

# rows TABLE N: a sheet as a coordinator would write it, every row a new record of review `big`.
rows() {
    case $1 in
        recommendations)
            awk -v n="$2" 'BEGIN { printf "Ref,Recommendation,Lead agency,Target date,Status\r\n"
                for (i = 1; i <= n; i++) printf "R%d,Recommendation %d: review the escalation policy,lincs-police,2024-06,open\r\n", i, i }' ;;
        actions)
            awk -v n="$2" 'BEGIN { printf "Agency,Action,Target date,Status\r\n"
                for (i = 1; i <= n; i++) printf "lincs-police,Action %d: brief all officers,2024-05,planned\r\n", i }' ;;
    esac
}

for table in $TABLES; do
    for size in $SIZES; do
        csv=$WORK/$table-$size.csv
        rows "$table" "$size" > "$csv"
        store=$WORK/store
        run="$RLT --store $store --as-of $AS_OF --author bench import $table $csv --review big"
        prepare="sh -c 'rm -rf $store && cp -a $base $store'"
        if command -v hyperfine >/dev/null 2>&1 && command -v jq >/dev/null 2>&1; then
            hyperfine -N --style none --runs "$RUNS" --prepare "$prepare" --export-json "$WORK/hf.json" "$run" >/dev/null
            seconds=$(jq -r '.results[0].median | . * 100 | round / 100' "$WORK/hf.json")
        else
            eval "$prepare"
            start=$(date +%s.%N)
            $run >/dev/null 2>&1
            seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
        fi
        # The last run must have added every row (a failed import would be fast and wrong).
        added=$("$RLT" --store "$store" "${table%s}" list --review big --format csv --columns id --no-header | wc -l)
        [ "$added" = "$size" ] || { echo "error: import $table $size added $added records" >&2; exit 1; }
        echo "import $table $size rows: $seconds s"
    done
done
[ -n "${KEEP:-}" ] || rm -rf "$WORK"
