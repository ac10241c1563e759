#!/usr/bin/env bash
# Case 5 (every truncation) — a small review file (one recommendation, one action, about 1 KB) cut at every length
# from 0 to its size − 1. At each length three commands run: rec list (every review read), rec update --note (a
# write, which reads the file inside its transaction) and check; rec show on every fourth length. None may crash (exit ≥ 128 or a "Fatal error"); each error must name the file with a line (file.json:N:);
# check must flag the file; and the file must be byte-identical afterwards. (Cuts that leave valid JSON — only the
# final newline — must simply work.) NUL runs, conflict markers, duplicate keys, a BOM and deep nesting are in
# Tests/EndToEndTests/ReliabilityCorruptionTests.swift.
# Prints: truncation: 1105 lengths × 3–4 commands, crashes = 0, errors without file:line = 0, missed by check = 0, files changed = 0
source "$(dirname "$0")/lib.sh"

dir=$(new_dir)
template=$dir/template/data
mkdir -p "$dir/template"
rl init "$template" --name "Truncation" >/dev/null 2>&1
S=(--store "$template" --as-of 2024-01-15)
rl "${S[@]}" agency add lincs-police --name "Lincolnshire Police" --sector police >/dev/null
rl "${S[@]}" review add darren-bethany --type joint --title "Darren & Bethany" >/dev/null
rl "${S[@]}" rec add darren-bethany/3i --text "Review the pathway" --owner lincs-police --due 2024-06 >/dev/null
rl "${S[@]}" action add darren-bethany --agency lincs-police --text "Train officers" --for 3i >/dev/null
review=$template/reviews/darren-bethany.json
size=$(stat -c %s "$review")

worker=$dir/worker.sh
cat >"$worker" <<'WORKER'
#!/usr/bin/env bash
# usage: worker.sh TEMPLATE WORKDIR LENGTH → prints "LENGTH valid|invalid crashes noline missed changed"
set -uo pipefail
template=$1 work=$2/$3 len=$3
cp -r "$template" "$work"
f=$work/reviews/darren-bethany.json
head -c "$len" "$template/reviews/darren-bethany.json" >"$f"
sum=$(sha256sum <"$f")
valid=invalid
grep -qx "$len" "$2/valid-lengths" && valid=valid
crashes=0 noline=0 missed=0 changed=0
run() {
    local st=0
    "$RLT" --store "$work" --as-of 2024-02-01 "$@" >"$work.out" 2>"$work.err" || st=$?
    if [ "$st" -ge 128 ] || grep -q -e "Fatal error" -e "Stack dump" -e "Segmentation" "$work.err"; then
        crashes=$((crashes + 1)); echo "length $len: rlt $* crashed (exit $st)" >&2
    fi
    if [ "$valid" = invalid ] && [ "$1" != check ]; then
        if [ "$st" = 0 ] || ! grep -q "darren-bethany\.json:[0-9][0-9]*: " "$work.err"; then
            noline=$((noline + 1)); echo "length $len: rlt $* (exit $st) did not name file:line: $(head -c 300 "$work.err")" >&2
        fi
    fi
    return 0
}
run rec list
[ $((len % 4)) = 0 ] && run rec show darren-bethany/3i
run rec update darren-bethany/3i --note "after truncation"
st=0
"$RLT" --store "$work" check >"$work.out" 2>&1 || st=$?
[ "$st" -ge 128 ] && crashes=$((crashes + 1))
if [ "$valid" = invalid ]; then
    if [ "$st" != 1 ] || ! grep -q "darren-bethany\.json:[0-9][0-9]*: " "$work.out"; then
        missed=$((missed + 1)); echo "length $len: check (exit $st) did not flag the file with a line: $(head -c 300 "$work.out")" >&2
    fi
    [ "$(sha256sum <"$f")" = "$sum" ] || { changed=1; echo "length $len: the file changed" >&2; }
fi
echo "$len $valid $crashes $noline $missed $changed"
rm -rf "$work" "$work.out" "$work.err"
WORKER
chmod +x "$worker"
mkdir "$dir/work"
python3 - "$review" >"$dir/work/valid-lengths" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
for n in range(len(data)):
    try:
        json.loads(data[:n])
        print(n)
    except ValueError:
        pass
PY
jobs=$(nproc 2>/dev/null || echo 2)
seq 0 $((size - 1)) | xargs -P "$jobs" -I{} "$worker" "$template" "$dir/work" {} >"$dir/results" 2>"$dir/problems" || true
read -r lengths valid crashes noline missed changed < <(awk '{ n++; if ($2 == "valid") v++; c += $3; l += $4; m += $5; ch += $6 }
    END { print n + 0, v + 0, c + 0, l + 0, m + 0, ch + 0 }' "$dir/results")
if [ -s "$dir/problems" ]; then
    echo "  first problems:" >&2
    head -20 "$dir/problems" | sed 's/^/    /' >&2
fi
cp "$review" "$dir/full.json"
head -c $((size / 2)) "$dir/full.json" >"$review"
echo "    e.g. cut at $((size / 2)) bytes: $("$RLT" --store "$template" rec list 2>&1 >/dev/null | head -1 || true)" >&2
check "all $size lengths ran ($lengths)" [ "$lengths" = "$size" ]
check "crashes = 0" [ "$crashes" = 0 ]
check "every error names the file and line" [ "$noline" = 0 ]
check "rlt check flags every broken file with its line" [ "$missed" = 0 ]
check "no broken file was changed" [ "$changed" = 0 ]
echo "truncation: $size lengths × 3–4 commands ($valid cut(s) still valid JSON), crashes = $crashes, errors without file:line = $noline, missed by check = $missed, files changed = $changed"
finish
