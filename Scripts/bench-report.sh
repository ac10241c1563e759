#!/usr/bin/env bash
# Turns the measurements of Scripts/bench.sh ($WORK/results.tsv and friends) into docs/PERFORMANCE.md (stdout).
set -euo pipefail
WORK=${WORK:-/tmp/rlt-bench}
RESULTS=${RESULTS:-$WORK/results.tsv}
TASK_MAX=${TASK_MAX:-100000}
SIZES=${SIZES:-"1000 10000 100000"}
export PATH=/opt/swift/usr/bin:$PATH

label() { case $1 in 1000) echo 1k ;; 10000) echo 10k ;; 100000) echo 100k ;; *) echo "$1" ;; esac; }
names=()
for size in $SIZES; do names+=("$(label "$size")"); done
largest=${names[${#names[@]} - 1]}

# get SIZE TOOL OPERATION [column: 4 median ms, 5 memory KB]
get() { awk -F'\t' -v s="$1" -v t="$2" -v o="$3" -v c="${4:-4}" '$1 == s && $2 == t && $3 == o { print $c; exit }' "$RESULTS"; }
ms() { local v; v=$(get "$@"); [ -n "$v" ] && printf '%.1f ms' "$v" || printf '–'; }
mb() { local v; v=$(get "$1" "$2" "$3" 5); [ -n "$v" ] && awk -v k="$v" 'BEGIN { printf "%.1f MB", k / 1024 }' || printf '–'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b == 0) printf "–"; else printf "%.1f×", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a <= b) }'; }
# Medians on this shared 2-core machine move by about a tenth from run to run, so a result that close to its limit
# is called borderline, whichever side it falls.
verdict() {
    local near
    near=$(awk -v a="$1" -v b="$2" 'BEGIN { print (a != "" && a >= 0.9 * b && a <= 1.1 * b) ? 1 : 0 }')
    if le "$1" "$2"; then printf '**met**'; else printf '**not met**'; fi
    [ "$near" = 1 ] && printf ' (borderline: within 10%% of the limit)'
    echo
}
stat_of() { awk -F'\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$WORK/stores.tsv"; }
rows_of() { [ -f "$WORK/$1.tsv" ] && awk -F'\t' -v n="$2" '$1 == n { print $2 }' "$WORK/$1.tsv" || true; }

cpu=$(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)
cores=$(nproc)
memory=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
swift_version=$(swift --version 2>/dev/null | head -1)
hyperfine_version=$(hyperfine --version)
sqlite_version=$(sqlite3 --version | cut -d' ' -f1)
jq_version=$(jq --version)
task_version=$(task --version 2>/dev/null | head -1)

cat <<EOF
# Performance at national scale

The national picture — every DHR, CSPR and SAR in England over a decade — is about 10,000 reviews, 100,000
recommendations and 300,000 actions (DESIGN §8, issue 7). This page is written by \`Scripts/bench.sh\` from one run:
every number below is a median of that run (hyperfine, whole process as the user runs it, warm page cache), and peak
memory is \`/usr/bin/time -v\`'s maximum resident set size. Re-run it with \`Scripts/bench.sh\`.

Machine: $cpu, $cores cores, $memory; Linux $(uname -r). $swift_version; $hyperfine_version; sqlite3
$sqlite_version; $jq_version; taskwarrior $task_version. Run on $(date -u +%Y-%m-%d), \`--as-of 2025-06-30\`.
The machine is shared: the one-minute load average when each group of timings started was
$(awk -F'\t' '{ printf "%s%s %s", (NR > 1 ? "; " : ""), $1, $2 }' "$WORK/load.tsv" 2>/dev/null) (2 cores; above about 0.7 other work
was running, and rlt's parallel steps, and everyone's medians, were slowed by it).

## How rlt answers queries: a derived index

Before this work every query decoded every review file, one after another (the strict syntax check, then
Foundation's \`JSONDecoder\`): \`rlt overdue --format csv\` took 24 s and 685 MB at 100k recommendations on this
machine, 2.4 s at 10k. Query commands now read a derived binary index instead, and decode only what they must (the
full-decode path, kept behind \`RLT_NO_INDEX=1\` and now spread over both cores, is timed below for comparison):

- **Where**: \`<store>/.index/base\`, plus a small \`.index/overlay\` for files changed since the base was written, and
  \`.index/stamp\`. The directory carries its own \`.gitignore\` (\`*\`), so git never sees it (the repository's
  \`.gitignore\` also lists \`/data/.index/\`). Files are created 0600 (0640 with the store's group setting): they hold
  record text. Deleting \`.index/\` loses nothing.
- **Format** (one file, memory-mapped, little-endian): a header (magic, format version, store schema, section
  offsets, a 64-bit checksum), one 96-byte entry per review file (name, size, mtime and ctime in ns, inode, device,
  content hash, offsets), then per review a position-independent *hot* blob — a 96-byte header (type, status,
  partnerships, themes, five dates, converted_from), fixed-size rows per finding (16 bytes), recommendation (72) and
  action (56): ids, codes, statuses, due/original/completed dates as (kind, last day), last-update day, outcome
  count and latest outcome, the current outcome (position, date, assurance, by) and the latest progress note
  (position, date), and offsets of texts — and two text regions: texts of open records (*active*) and of
  terminal ones, findings and the reviews' summaries and sources (*cold*), so \`overdue\` never touches most text.
  Format 3 (issue 16) keeps every text \`search\` and \`--text\` read, outcomes' and progress notes' included; format
  4 adds the current outcome and latest progress note, so \`report\` answers from the index.
- **Validation on every run**: list \`reviews/\`, \`stat\` every \`*.json\` (in parallel), and use an entry only if size,
  mtime, ctime, inode and device all match. A file changed within two seconds of being indexed is *racy* (a second
  change could keep the same times) and is also compared by content hash. Changed and new files are re-read; a
  damaged, truncated or old-format index, a checksum mismatch or a schema change means a rebuild. Changes go to the
  overlay, rewritten cheaply; when it outgrows an eighth of the base, or there is no base, a new base is written.
  Both are written to a temp file and renamed. \`.index/stamp\` remembers which index files were already checksummed
  (by their own size, times and inode), so an unchanged index is not hashed again on every run.
- **Reading changed files**: \`ReviewScanner\`, a strict single-pass reader of exactly rlt's review schema (RFC 8259,
  UTF-8, no duplicate keys, the known keys and types only), builds index entries straight from the bytes, about ten
  times faster than strict check plus \`JSONDecoder\`, on all cores. Whenever it is not sure it hands the file to the
  store's decoder, whose errors are then exactly the full path's. A test feeds it every generated review and
  thousands of damaged copies and checks it never accepts what the decoder would not, or disagrees with it.
- **Queries**: \`rec list\`, \`action list\`, \`overdue\`, \`summary\`, \`search\`, \`review list\` and the \`finding
  list\` table filter and print straight from the index, \`--text\` included. One query engine serves both sources
  (issue 15): decoded reviews are packed in memory exactly as the index packs them, so the filters, derived views,
  columns and formats are written once (\`RecordQuery\`, \`RecordColumn\`, \`RecordSearch\`, \`ReviewListing\`,
  \`FindingListing\`, \`Delimited\`). CSV and TSV stream out review by review on all cores, releasing the index's
  pages behind them, so memory stays flat; search prints a wave of 256 reviews at a time; human tables measure
  every row in a first pass and print a chunk of rows at a time in a second (\`StreamedTable\`), so a 40,000-row
  table keeps its alignment without holding its strings. Search compares sixteen bytes at a time (SIMD), and
  folds accented Latin and common punctuation from a table Foundation filled, so only other scripts go through
  Foundation. \`report\` walks the index twice (the figures, then each review's tables), keeps its overdue and
  stale lists as positions and reads their texts as it prints them, and writes in 64 KB pieces. What needs the
  stored records (histories, links, outcome dates: JSON of whole records, \`export\`, \`log\`, \`report --since\`,
  the \`finding list\` JSON) is decoded 128 reviews at a time on all cores (\`ReviewReader\` reads rlt's own JSON
  straight from the bytes, else the decoder decides), packed on all cores, and printed or written a batch at a
  time. \`--review\` names a few files and keeps the full-decode path.
- **Fallbacks**: \`RLT_NO_INDEX=1\` switches the index off (the full-decode path, as before). Stores under 1 MiB of
  review files, and stores rlt cannot write, get the same index in memory only; nothing is written.
- **\`rlt check\`** compares the index with the files: an entry that matches a file's size and times but disagrees
  with its content is a problem (delete \`.index/\`); a damaged index file is only a note on stderr (the next query
  rebuilds it). Check never writes.
- **Correctness first**: a test runs every listing, format, filter and grouping both ways (index and
  \`RLT_NO_INDEX=1\`) on generated stores, and again after edits through rlt, a deleted file, a same-size edit with its
  modification time restored, a replaced file, a truncated file, and with the index deleted or damaged six ways.
- **Also**: release builds link the Swift runtime and Foundation statically (\`Package.swift\`), which halves start-up
  and takes a third off resident memory; an update decodes \`tracker.json\` once instead of twice.

## The data

\`rlt-generate\` (an executable target: \`swift run -c release rlt-generate DIR --recs N --seed S\`) writes a
deterministic store with the library's own encoder, so the files are byte-identical to what rlt writes and \`rlt
check\` passes: areas' police, partnerships, health and councils plus national bodies as owners, every partial-date
form, slipped due dates, outcomes, progress notes, history, reasons and links, texts of 150–400 characters with
quotes, commas, line breaks and accents, and statuses that age realistically (so about one record in ten is overdue).

| store | review files | overdue rows: rlt | sqlite3 | jq | overdue recommendations: rlt | taskwarrior | generated |
|---|---|---|---|---|---|---|---|
EOF
for name in "${names[@]}"; do
    bytes=$(stat_of "$name" 2)
    printf '| %s | %s MB | %s | %s | %s | %s | %s | %s |\n' "$name" "$(awk -v b="$bytes" 'BEGIN { printf "%.0f", b / 1e6 }')" \
        "$(stat_of "$name" 3)" "$(rows_of sqlite-rows "$name")" "$(rows_of jq-rows "$name")" "$(rows_of rec-rows "$name")" \
        "$(rows_of task-rows "$name")" \
        "$(stat_of "$name" 4 | sed 's/^[^:]*: //')"
done

v=$(get all rlt version)
ov=$(get "$largest" rlt "overdue --format csv")
rl=$(get "$largest" rlt "rec list --overdue --format csv")
ed=$(get "$largest" rlt "overdue --format csv, after one review was edited")
fr=$(get "$largest" rlt "overdue --format csv, first run (no index)")
up=$(get "$largest" rlt "rec update (one record)")
ad=$(get "$largest" rlt "action add (one record)")
up1=$(get "${names[0]}" rlt "rec update (one record)")
ad1=$(get "${names[0]}" rlt "action add (one record)")
su=$(get "$largest" rlt "summary --by owner")
peak=0
for op in "overdue --format csv" "rec list --overdue --format csv" "overdue --format csv, after one review was edited" \
    "overdue --format csv, first run (no index)" "rec update (one record)" "action add (one record)" "summary --by owner"; do
    m=$(get "$largest" rlt "$op" 5)
    [ -n "$m" ] && [ "$m" -gt "$peak" ] && peak=$m
done
peak_mb=$(awk -v k="$peak" 'BEGIN { printf "%.1f", k / 1024 }')
flat_up=$(ratio "$up" "$up1")
flat_ad=$(ratio "$ad" "$ad1")
flat() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && b != "" && a <= 1.5 * b) }'; }

cat <<EOF

## Targets (at $largest recommendations)

| target | limit | rlt median | peak memory | verdict |
|---|---|---|---|---|
| \`rlt overdue --format csv\`, nothing changed | ≤ 50 ms | $(ms "$largest" rlt "overdue --format csv") | $(mb "$largest" rlt "overdue --format csv") | $(verdict "$ov" 50) |
| \`rlt rec list --overdue --format csv\`, nothing changed | ≤ 50 ms | $(ms "$largest" rlt "rec list --overdue --format csv") | $(mb "$largest" rlt "rec list --overdue --format csv") | $(verdict "$rl" 50) |
| \`overdue --format csv\` right after one review was edited (\`rec update --note\`) | ≤ 75 ms | $(ms "$largest" rlt "overdue --format csv, after one review was edited") | $(mb "$largest" rlt "overdue --format csv, after one review was edited") | $(verdict "$ed" 75) |
| first run with no index (builds it) | ≤ 1.5 s | $(ms "$largest" rlt "overdue --format csv, first run (no index)") | $(mb "$largest" rlt "overdue --format csv, first run (no index)") | $(verdict "$fr" 1500) |
| \`rlt rec update\` on one record (a status change) | ≤ 15 ms | $(ms "$largest" rlt "rec update (one record)") (${names[0]}: $(ms "${names[0]}" rlt "rec update (one record)"); ratio $flat_up) | $(mb "$largest" rlt "rec update (one record)") | $(verdict "$up" 15)$(flat "$up" "$up1" && echo ", flat" || echo ", **not flat**") |
| \`rlt action add\` on one record | ≤ 15 ms | $(ms "$largest" rlt "action add (one record)") (${names[0]}: $(ms "${names[0]}" rlt "action add (one record)"); ratio $flat_ad) | $(mb "$largest" rlt "action add (one record)") | $(verdict "$ad" 15)$(flat "$ad" "$ad1" && echo ", flat" || echo ", **not flat**") |
| \`rlt summary --by owner\` | ≤ 100 ms | $(ms "$largest" rlt "summary --by owner") | $(mb "$largest" rlt "summary --by owner") | $(verdict "$su" 100) |
| peak memory of all the above | ≤ 64 MB | | $peak_mb MB | $(verdict "$peak_mb" 64) |
| \`rlt --version\` | ≤ 10 ms | $(ms all rlt version) | $(mb all rlt version) | $(verdict "$v" 10) |

"Flat" means the median at $largest is at most 1.5 times the median at ${names[0]}.

## Side by side: the overdue list on the same data

sqlite3 holds the same recommendations and actions in one table with an index on the due period's last day and the
status (built once from \`rlt export\`; loading is not timed); jq reads the review files and computes the same rows;
taskwarrior holds the same recommendations (not actions) as tasks due at the end of their period, and counts the
pending ones due before the day. Ratios are the other tool's time over rlt's \`overdue --format csv\`.

| store | rlt \`overdue --format csv\` | sqlite3 list (csv) | sqlite3 count | jq | taskwarrior count | rlt ÷ sqlite3 list | rlt ÷ sqlite3 count | jq ÷ rlt | taskwarrior ÷ rlt |
|---|---|---|---|---|---|---|---|---|---|
EOF
for name in "${names[@]}"; do
    r=$(get "$name" rlt "overdue --format csv")
    sl=$(get "$name" sqlite3 "overdue list (csv)")
    sc=$(get "$name" sqlite3 "overdue count")
    j=$(get "$name" jq "overdue list (csv)")
    t=$(get "$name" taskwarrior "overdue count")
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$(ms "$name" rlt "overdue --format csv")" \
        "$(ms "$name" sqlite3 "overdue list (csv)")" "$(ms "$name" sqlite3 "overdue count")" "$(ms "$name" jq "overdue list (csv)")" \
        "$(ms "$name" taskwarrior "overdue count")" "$(ratio "$r" "$sl")" "$(ratio "$r" "$sc")" "$(ratio "$j" "$r")" "$(ratio "$t" "$r")"
done
if [ "$TASK_MAX" -lt 100000 ]; then
    echo
    echo "taskwarrior was loaded only up to $TASK_MAX recommendations: importing more took too long for one run."
fi

# Every read command (issue 16): a limit in ms (and ≤ 64 MB), or "large": the output is megabytes, so only memory
# (≤ 64 MB) is judged and time grows with the bytes printed.
cat <<EOF

## Every read command at $largest (issue 16)

Targets: every read command ≤ 100 ms and ≤ 64 MB with the index valid, except where the output itself is large
(then memory ≤ 64 MB and time grows with the bytes printed); the whole report ≤ 1 s, a scoped report ≤ 100 ms;
\`export --out\` of every table ≤ 3 s; \`rec list --format json\` of every record ≤ 1.5 s; \`search --count\` faster than
grep. Output is the bytes printed at $largest (– where not measured: \`overdue (table)\` prints about 17 MB, a table
of every overdue record; \`export --out\` writes 222 MB of files).

| command | output | median | peak memory | limit | verdict |
|---|---|---|---|---|---|
EOF
while IFS='|' read -r op limit; do
    t=$(get "$largest" rlt "$op")
    m=$(get "$largest" rlt "$op" 5)
    [ -z "$t" ] && continue
    out=$(awk -F'\t' -v n="$largest" -v o="$op" '$1 == n && $2 == o { print $3 }' "$WORK/output-bytes.tsv" 2>/dev/null)
    size=$(awk -v b="$out" 'BEGIN { if (b == "") printf "–"; else if (b >= 1e6) printf "%.1f MB", b / 1e6; else printf "%.0f kB", b / 1e3 }')
    mem_mb=$(awk -v k="$m" 'BEGIN { printf "%.1f", k / 1024 }')
    if [ "$limit" = large ]; then
        limit_text="≤ 64 MB (large output)"
        v=$(verdict "$mem_mb" 64)
    else
        limit_text="≤ $limit ms, ≤ 64 MB"
        if le "$mem_mb" 64; then v=$(verdict "$t" "$limit"); else v="**not met** (memory)"; fi
    fi
    printf '| `%s` | %s | %s | %s | %s | %s |\n' "$op" "$size" "$(ms "$largest" rlt "$op")" "$(mb "$largest" rlt "$op")" \
        "$limit_text" "$v"
done <<'TARGETS'
search MARAC --count|100
search MARAC --format csv|large
rec list --text MARAC --format csv|100
review list|100
review list --format csv|100
review list --format json|large
finding list|large
log --since 2025-06-01|large
overdue --format json|large
rec list --status open --format json|large
rec list --format json|1500
rec list --format csv|large
summary|100
summary --by owner|100
event list|100
overdue (table)|large
report --format html --since 2025-01-01|1000
report --format markdown|1000
report --review R|100
report --owner A|100
export --out DIR (every table)|3000
TARGETS

like="SELECT count(*) FROM records WHERE text LIKE '%marac%';"
group="SELECT owner, count(*) FROM records GROUP BY owner;"
every="SELECT * FROM records;"
cat <<EOF

Side by side in the same run (the ratio is the other tool's time over rlt's):

| store | rlt | median | other tool, same data | median | ratio |
|---|---|---|---|---|---|
EOF
for name in "${names[@]}"; do
    while IFS='|' read -r o1 t2 o2 label2; do
        printf '| %s | `%s` | %s | %s | %s | %s |\n' "$name" "$o1" "$(ms "$name" rlt "$o1")" "$label2" "$(ms "$name" "$t2" "$o2")" \
            "$(ratio "$(get "$name" "$t2" "$o2")" "$(get "$name" rlt "$o1")")"
    done <<PAIRS
search MARAC --count|grep|grep -rli marac reviews/|\`grep -rli marac reviews/\`
summary --by owner|sqlite3|$group|sqlite3 \`$group\`
rec list --text MARAC --format csv|sqlite3|$like|sqlite3 \`$like\`
rec list --format csv|sqlite3|$every|sqlite3 \`$every\` (csv)
export --out DIR (every table)|jq|recommendations as CSV|jq: the recommendations as CSV
PAIRS
done
cat <<EOF

sqlite3's LIKE folds ASCII case only (\`marac\` finds MARAC, \`chloe\` does not find Chloé) and reads one text column
of one table; rlt's search and \`--text\` fold case and accents in every script and read every text of every record
(reasons, outcomes, measures, evidence, progress notes). jq writes one table of six columns to stdout; \`export
--out\` writes all nine tables with every column, as files.
EOF

echo
echo "## How cost grows from 1k to 100k recommendations"
echo
printf '| operation |'
for name in "${names[@]}"; do printf ' %s |' "$name"; done
printf ' growth %s → %s | peak memory at %s |\n|---|' "${names[0]}" "$largest" "$largest"
for _ in "${names[@]}"; do printf -- '---|'; done
printf -- '---|---|\n'
while IFS=$'\t' read -r tool op; do
    cells=""
    for name in "${names[@]}"; do cells+=" $(ms "$name" "$tool" "$op") |"; done
    first=$(get "${names[0]}" "$tool" "$op")
    last=$(get "$largest" "$tool" "$op")
    printf '| %s %s |%s %s | %s |\n' "$tool" "\`$op\`" "$cells" "$(ratio "$last" "$first")" "$(mb "$largest" "$tool" "$op")"
done < <(awk -F'\t' '$1 != "all" { print $2 "\t" $3 }' "$RESULTS" | awk '!seen[$0]++')

cat <<EOF

With the index, a query's cost is one \`stat\` per review file plus work proportional to the rows it prints; the
first run and the full-decode path grow with the bytes of JSON. Updates touch one review file, whatever the store's
size.
EOF

cat <<EOF

## Notes and what is left

- Everything above was measured on warm page caches: the review files had just been read, the index had just been
  checked. A cold cache adds the disk reads of the index (about 200 MB at 100k, of which listings read the
  *hot* part and the texts they print, and search reads the texts) or, on a first run, of the JSON.
- Tables on a terminal or in a pipe are aligned over every row: the first pass reads every row's cells once more
  than CSV does, so a table of all 300,000 actions takes about twice as long as their CSV, in flat memory.
- Still over the targets of issue 16 (see the table above): the whole national \`report\` answers from the index
  in about 2 s (Markdown, 96 MB) and 3 s (HTML, 146 MB) in under 64 MB, against 1 s: the time is writing that much
  text; \`report --since\` also decodes every review for its histories and holds the changes of the period (about
  5 s and 120 MB for 173 MB of HTML). JSON of every whole record (\`rec list --format json\`, about 3 s against
  1.5 s) decodes every review, since the index keeps no histories; our own JSON writer and encoding on all cores
  took it from 6.5 s. \`log\` as a table (70 MB) keeps every entry to sort and align them. A scoped report by
  \`--owner\`, \`summary\` by review and the \`review list\` table are just over 100 ms.
- Updates write and \`fsync\` the review file and its directory (DESIGN §7); their time depends on the disk. The
  rest is Foundation's \`JSONDecoder\` and \`JSONEncoder\` on the one review file (and \`tracker.json\`), so an update
  costs in proportion to that file, not to the store. Each timed update adds a history entry, so the file grows
  by about 70 entries during its measurement, as it would in use. Before a write, rlt checks that re-encoding the
  file would drop no field it does not know (DESIGN §7): that check used to parse the file twice more with
  \`JSONSerialization\`, and now compares bytes first (a file rlt wrote re-encodes identically) or lets the index's
  strict review reader vouch for it, which took the status change at 100k from about 25 ms to about 11 ms.
- sqlite3 and taskwarrior keep the data in their own format, loaded once (not timed); rlt and jq read the store's
  JSON files as they are, rlt through its index.
EOF
