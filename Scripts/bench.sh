#!/usr/bin/env bash
# Benchmarks rlt at 1k, 10k and 100k recommendations against sqlite3, jq and taskwarrior on the same data, and
# writes the results to docs/PERFORMANCE.md (issue 7).
#
#   Scripts/bench.sh                 # everything (about 15 minutes, most of it taskwarrior's import)
#   SIZES="1000 10000" Scripts/bench.sh
#   TASK_MAX=10000 Scripts/bench.sh  # the most recommendations loaded into taskwarrior (default 100000)
#   OUT=/tmp/perf.md Scripts/bench.sh
#
# Installs what it needs with apt-get (hyperfine, sqlite3, jq, taskwarrior, time), builds rlt in release mode,
# generates the stores with rlt-generate under $WORK (default /tmp/rlt-bench), and measures the whole process as a
# user runs it, on a warm page cache, with hyperfine's median. Peak memory is /usr/bin/time -v's maximum resident
# set size.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
export PATH=/opt/swift/usr/bin:$PATH

SIZES=${SIZES:-"1000 10000 100000"}
WORK=${WORK:-/tmp/rlt-bench}
OUT=${OUT:-$ROOT/docs/PERFORMANCE.md}
TASK_MAX=${TASK_MAX:-100000}
AS_OF=2025-06-30
RUNS=${RUNS:-30}

need() { command -v "$1" >/dev/null 2>&1; }
missing=()
need hyperfine || missing+=(hyperfine)
need sqlite3 || missing+=(sqlite3)
need jq || missing+=(jq)
need task || missing+=(taskwarrior)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "building (release)" >&2
swift build -c release 2>&1 | tail -1 >&2
RLT=$ROOT/.build/release/rlt
GEN=$ROOT/.build/release/rlt-generate
mkdir -p "$WORK"
RESULTS=$WORK/results.tsv
: > "$RESULTS"

# Waits (up to 10 minutes) for the machine to be quiet, so other jobs do not pollute the timings.
# The one-minute load average when timing starts is recorded with the results.
quiet() {
    if [ "${QUIET:-1}" != 0 ]; then
        local waited=0
        while ! awk -v l="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN { exit !(l < 0.7) }'; do
            if [ $waited -ge "${QUIET_WAIT:-600}" ]; then
                echo "warning: the machine is busy (load $(cut -d' ' -f1 /proc/loadavg)); timings may be high" >&2
                break
            fi
            sleep 5
            waited=$((waited + 5))
        done
    fi
    printf '%s\t%s\n' "$1" "$(cut -d' ' -f1 /proc/loadavg)" >> "$WORK/load.tsv"
}

# record SIZE TOOL OPERATION MEDIAN_MS [MEMORY_KB]
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "${5:-}" >> "$RESULTS"; }

# median_ms NAME RUNS [hyperfine options...] -- COMMAND: the median of COMMAND in milliseconds.
median_ms() {
    local json=$WORK/hf.json
    local runs=$1
    shift
    local warmup=$([ "$runs" -le 5 ] && echo 1 || echo 3)
    hyperfine -N --style none --warmup "$warmup" --runs "$runs" --export-json "$json" "$@" >/dev/null
    jq -r '.results[0].median * 1000 | . * 100 | round / 100' "$json"
}

# Maximum resident set size of one run, in KB.
peak_kb() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'; }

label() { case $1 in 1000) echo 1k ;; 10000) echo 10k ;; 100000) echo 100k ;; *) echo "$1" ;; esac; }

# The jq equivalent of `rlt overdue --format csv`: non-terminal records whose due period ended before the day.
JQ_OVERDUE='def ends: if test("^[0-9]{4}$") then . + "-12-31"
    elif test("Q") then .[0:4] + "-" + (["03-31", "06-30", "09-30", "12-31"][(.[6:7] | tonumber) - 1])
    elif length == 7 then . + "-31" else . end;
  .id as $r
  | (.recommendations[] | select(.due and (.status | IN("open", "in-progress", "implemented")) and ((.due | ends) < $d))
       | [$r, "recommendation", .id, .due, .status, .text] | @csv),
    (.actions[] | select(.due and (.status | IN("planned", "in-progress", "blocked")) and ((.due | ends) < $d))
       | [$r, "action", .id, .due, .status, .text] | @csv)'

: > "$WORK/load.tsv"
: > "$WORK/output-bytes.tsv"
quiet "--version"
record all rlt version "$(median_ms "$RUNS" "$RLT --version")" "$(peak_kb "$RLT" --version)"

for size in $SIZES; do
    name=$(label "$size")
    store=$WORK/$name
    echo "== $name recommendations" >&2
    rm -rf "$store"
    "$GEN" "$store" --recs "$size" --as-of $AS_OF | tee "$WORK/$name.generated" >&2
    bytes=$(du -sb "$store/reviews" | cut -f1)
    q="$RLT --store $store --as-of $AS_OF"
    # Counted on a column without line breaks (texts may hold some).
    rows=$($q overdue --format csv --columns id --no-header | wc -l)
    rec_rows=$($q rec list --overdue --format csv --columns id --no-header | wc -l)
    printf '%s\t%s\n' "$name" "$rec_rows" >> "$WORK/rec-rows.tsv.new"
    printf '%s\t%s\t%s\t%s\n' "$name" "$bytes" "$rows" "$(cat "$WORK/$name.generated")" >> "$WORK/stores.tsv.new"
    quiet "$name: warm queries and comparisons"

    # rlt, warm, nothing changed.
    record "$name" rlt "overdue --format csv" "$(median_ms "$RUNS" "$q overdue --format csv")" "$(peak_kb $q overdue --format csv)"
    record "$name" rlt "rec list --overdue --format csv" "$(median_ms "$RUNS" "$q rec list --overdue --format csv")" \
        "$(peak_kb $q rec list --overdue --format csv)"
    record "$name" rlt "summary --by owner" "$(median_ms "$RUNS" "$q summary --by owner")" "$(peak_kb $q summary --by owner)"
    record "$name" rlt "overdue (table)" "$(median_ms "$RUNS" "$q overdue")" "$(peak_kb $q overdue)"
    record "$name" rlt "overdue --format csv, full decode (RLT_NO_INDEX=1)" \
        "$(median_ms 3 "env RLT_NO_INDEX=1 $q overdue --format csv")" "$(peak_kb env RLT_NO_INDEX=1 $q overdue --format csv)"

    # sqlite3: the same rows in one table with an index on the due date's last day.
    db=$WORK/$name.sqlite
    rm -f "$db"
    $q export recommendations > "$WORK/$name.recs.csv"
    $q export actions > "$WORK/$name.actions.csv"
    sqlite3 "$db" <<SQL
.mode csv
.import $WORK/$name.recs.csv recs
.import $WORK/$name.actions.csv actions
CREATE TABLE records (review TEXT, kind TEXT, id TEXT, due TEXT, due_end TEXT, owner TEXT, status TEXT,
    last_update TEXT, text TEXT);
INSERT INTO records SELECT review_id, 'recommendation', rec_id, due, NULL, owners, status, last_update, text FROM recs;
INSERT INTO records SELECT review_id, 'action', action_id, due, NULL, agency, status, last_update, text FROM actions;
UPDATE records SET due_end = CASE
    WHEN due = '' THEN NULL
    WHEN length(due) = 4 THEN due || '-12-31'
    WHEN due LIKE '%-Q%' THEN date(substr(due, 1, 4) || '-' || printf('%02d', substr(due, 7, 1) * 3) || '-01', '+1 month', '-1 day')
    WHEN length(due) = 7 THEN date(due || '-01', '+1 month', '-1 day')
    ELSE due END;
CREATE INDEX records_due ON records (due_end, status);
DROP TABLE recs;
DROP TABLE actions;
VACUUM;
ANALYZE;
SQL
    terminal="('assured','already-in-place','not-accepted','superseded','done','dropped')"
    count_sql="SELECT count(*) FROM records WHERE due_end < '$AS_OF' AND status NOT IN $terminal;"
    list_sql="SELECT review, kind, id, due, CAST(julianday('$AS_OF') - julianday(due_end) AS INTEGER) AS days, owner, status, last_update, text FROM records WHERE due_end < '$AS_OF' AND status NOT IN $terminal ORDER BY review, days DESC;"
    sqlite_rows=$(sqlite3 "$db" "$count_sql")
    printf '%s\t%s\n' "$name" "$sqlite_rows" >> "$WORK/sqlite-rows.tsv.new"
    record "$name" sqlite3 "overdue count" "$(median_ms "$RUNS" "sqlite3 $db \"$count_sql\"")" "$(peak_kb sqlite3 "$db" "$count_sql")"
    record "$name" sqlite3 "overdue list (csv)" "$(median_ms "$RUNS" "sqlite3 -csv -header $db \"$list_sql\"")" \
        "$(peak_kb sqlite3 -csv -header "$db" "$list_sql")"

    # jq over the review files.
    jq_runs=$([ "$size" -ge 100000 ] && echo 3 || echo 10)
    echo "$JQ_OVERDUE" > "$WORK/overdue.jq"
    jq_rows=$(cd "$store/reviews" && jq -r --arg d $AS_OF -f "$WORK/overdue.jq" ./*.json \
        | grep -c '^"[^"]*","\(recommendation\|action\)",')
    printf '%s\t%s\n' "$name" "$jq_rows" >> "$WORK/jq-rows.tsv.new"
    # (bash expands the file list; its own start-up, about a millisecond, is counted in jq's time.)
    record "$name" jq "overdue list (csv)" \
        "$(cd "$store/reviews" && median_ms "$jq_runs" "bash -c 'jq -r --arg d $AS_OF -f $WORK/overdue.jq ./*.json'")" \
        "$(cd "$store/reviews" && peak_kb bash -c "jq -r --arg d $AS_OF -f $WORK/overdue.jq ./*.json")"

    # taskwarrior: the same recommendations as tasks (due at the end of their period).
    if [ "$size" -le "$TASK_MAX" ]; then
        taskdata=$WORK/$name.task
        rm -rf "$taskdata"
        mkdir -p "$taskdata"
        printf 'data.location=%s\nconfirmation=off\nverbose=nothing\ngc=off\nhooks=off\n' "$taskdata" > "$taskdata/rc"
        $q export recommendations --format json | jq -c '
            def ends: if . == "" then null elif test("^[0-9]{4}$") then . + "-12-31"
                elif test("Q") then .[0:4] + "-" + (["03-31", "06-30", "09-30", "12-31"][(.[6:7] | tonumber) - 1])
                elif length == 7 then (.[0:4] | tonumber) as $y | (.[5:7] | tonumber) as $m
                    | . + "-" + (if $m == 2 then (if ($y % 4 == 0 and $y % 100 != 0) or $y % 400 == 0 then "29" else "28" end)
                        elif ([4, 6, 9, 11] | index($m)) then "30" else "31" end)
                else . end;
            .[] | {description: .text, project: .review_id, entry: "20200101T000000Z",
                status: (if (.status | IN("open", "in-progress", "implemented")) then "pending" else "completed" end),
                end: (if (.status | IN("open", "in-progress", "implemented")) then null else "20250101T000000Z" end)}
              + (if .due == "" then {} else {due: ((.due | ends | gsub("-"; "")) + "T000000Z")} end)
              | with_entries(select(.value != null))' > "$taskdata/tasks.jsonl"
        started=$(date +%s)
        TASKRC=$taskdata/rc task import "$taskdata/tasks.jsonl" >/dev/null 2>&1
        echo "taskwarrior import of $name: $(($(date +%s) - started)) s" >&2
        task_rows=$(TASKRC=$taskdata/rc task status:pending due.before:$AS_OF count 2>/dev/null)
        printf '%s\t%s\n' "$name" "$task_rows" >> "$WORK/task-rows.tsv.new"
        task_runs=$([ "$size" -ge 100000 ] && echo 3 || echo 10)
        record "$name" taskwarrior "overdue count" \
            "$(median_ms "$task_runs" "env TASKRC=$taskdata/rc task status:pending due.before:$AS_OF count")" \
            "$(peak_kb env TASKRC=$taskdata/rc task status:pending due.before:$AS_OF count)"
    fi

    # Every other read command (issue 16), as a user runs it, with the index valid; and grep, which search --count
    # should beat, over the same files. The slow ones get fewer runs at 100k. (One review and one agency are picked
    # for the scoped reports, R and A in the results: the first review file, and the first owner of its first
    # recommendation.)
    quiet "$name: every read command"
    read_runs=$([ "$size" -ge 100000 ] && echo 5 || echo 10)
    first_review=$(basename "$(ls "$store/reviews" | head -1)" .json)
    first_owner=$(jq -r '.recommendations[0].owners[0] // .partnerships[0]' "$store/reviews/$first_review.json")
    while IFS= read -r op; do
        command=${op//@REVIEW@/$first_review}
        command=${command//@OWNER@/$first_owner}
        op=${op//@REVIEW@/R}
        op=${op//@OWNER@/A}
        # shellcheck disable=SC2086 # $command is several words on purpose
        record "$name" rlt "$op" "$(median_ms "$read_runs" "$q $command")" "$(peak_kb $q $command)"
        # shellcheck disable=SC2086
        printf '%s\t%s\t%s\n' "$name" "$op" "$($q $command | wc -c)" >> "$WORK/output-bytes.tsv"
    done <<'COMMANDS'
search MARAC --count
search MARAC --format csv
rec list --text MARAC --format csv
review list
review list --format csv
review list --format json
finding list
log --since 2025-06-01
overdue --format json
rec list --status open --format json
rec list --format json
rec list --format csv
summary
event list
report --format html --since 2025-01-01
report --format markdown
report --review @REVIEW@
report --owner @OWNER@
COMMANDS
    record "$name" rlt "export --out DIR (every table)" \
        "$(median_ms "$read_runs" --prepare "rm -rf $WORK/export-$name" "$q export --out $WORK/export-$name")" \
        "$(rm -rf "$WORK/export-$name"; peak_kb $q export --out "$WORK/export-$name")"
    record "$name" grep "grep -rli marac reviews/" "$(median_ms "$read_runs" "grep -rli marac $store/reviews")" \
        "$(peak_kb grep -rli marac "$store/reviews")"
    # sqlite3 on the same rows, for what SQL can say: every row, a text LIKE (ASCII case only, no accents), a
    # group by.
    for sql in "SELECT * FROM records;" "SELECT count(*) FROM records WHERE text LIKE '%marac%';" \
        "SELECT owner, count(*) FROM records GROUP BY owner;"; do
        record "$name" sqlite3 "$sql" "$(median_ms "$read_runs" "sqlite3 -csv $db \"$sql\"")" "$(peak_kb sqlite3 -csv "$db" "$sql")"
    done
    # jq: the recommendations table of the export, from the review files.
    jq_export='.id as $r | .recommendations[] | [$r, .id, .due, .status, (.owners | join("; ")), .text] | @csv'
    record "$name" jq "recommendations as CSV" \
        "$(cd "$store/reviews" && median_ms "$jq_runs" "bash -c 'jq -r '\''$jq_export'\'' ./*.json'")" \
        "$(cd "$store/reviews" && peak_kb bash -c "jq -r '$jq_export' ./*.json")"

    # First run with no index (it builds it): the review files are in the page cache (the runs above read them).
    quiet "$name: first run, after an edit, updates"
    record "$name" rlt "overdue --format csv, first run (no index)" \
        "$(median_ms 5 --prepare "rm -rf $store/.index" "$q overdue --format csv")" \
        "$(rm -rf "$store/.index"; peak_kb $q overdue --format csv)"

    # Right after one review was edited through rlt. A review of median size is edited, so that every store's
    # update works on a file of the same size: the first from the median down that is not closed and has a live
    # recommendation (the status changes below would otherwise be refused as reopening a finished record).
    ref=$(ls -S "$store"/reviews/*.json | tail -n +"$(($(ls "$store"/reviews | wc -l) / 2 + 1))" | while read -r f; do
        jq -r 'select(.status != "closed") | .id + "/" + ([.recommendations[]
            | select(.status | IN("open", "in-progress", "implemented")) | .id][0] // empty)' "$f" \
            | grep -v '/$' && break
    done || true)
    review=${ref%%/*}
    record "$name" rlt "overdue --format csv, after one review was edited" \
        "$(median_ms "$RUNS" --prepare "$q rec update $ref --note bench" "$q overdue --format csv")" \
        "$($q rec update "$ref" --note bench 2>/dev/null; peak_kb $q overdue --format csv)"

    # Updates of one record: a status change (set back before each run, so every run changes something and the
    # file stays the same size but for its history), and adding an action.
    # Start from implemented, so that the first preparation (to in-progress) changes something too.
    $q rec update "$ref" --status implemented >/dev/null 2>&1 || true
    record "$name" rlt "rec update (one record)" \
        "$(median_ms "$RUNS" --prepare "$q rec update $ref --status in-progress" "$q rec update $ref --status implemented")" \
        "$($q rec update "$ref" --status in-progress 2>/dev/null; peak_kb $q rec update "$ref" --status implemented)"
    agency=$(jq -r '.actions[0].agency // .partnerships[0]' "$store/reviews/$review.json")
    record "$name" rlt "action add (one record)" \
        "$(median_ms "$RUNS" "$q action add $review --agency $agency --text bench")" \
        "$(peak_kb $q action add "$review" --agency "$agency" --text bench)"
done
mv "$WORK/stores.tsv.new" "$WORK/stores.tsv"
for f in sqlite-rows jq-rows task-rows rec-rows; do [ -f "$WORK/$f.tsv.new" ] && mv "$WORK/$f.tsv.new" "$WORK/$f.tsv"; done

echo "writing $OUT" >&2
mkdir -p "$(dirname "$OUT")"
WORK=$WORK RESULTS=$RESULTS TASK_MAX=$TASK_MAX SIZES="$SIZES" "$ROOT/Scripts/bench-report.sh" > "$OUT"
echo "done" >&2
