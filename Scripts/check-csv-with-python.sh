#!/usr/bin/env bash
# Checks that Python's csv module reads rlt's CSV export as the same rows and fields as rlt's JSON export.
#
# usage: Scripts/check-csv-with-python.sh [STORE]
#   RLT=path/to/rlt   the binary to use (default: .build/debug/rlt); this script builds nothing
#   STORE             the store to export (default: data, the sample store)
#
# For every table, `rlt export TABLE` (CSV) and `rlt export TABLE --format json` (an array of objects with the same
# columns and string values) must agree: csv.reader gives the header in the documented order and, row by row, each
# field equal to the JSON value with the formula-injection prefix export adds (a ' before a cell whose first character
# after any 's is =, +, -, @, tab or CR). Exits non-zero with the first difference; prints one summary line.
set -euo pipefail

RLT=${RLT:-.build/debug/rlt}
STORE=${1:-data}
if [ ! -x "$RLT" ]; then
    echo "check-csv-with-python: no rlt binary at $RLT (run 'swift build' first, or set RLT)" >&2
    exit 1
fi
if [ ! -f "$STORE/tracker.json" ]; then
    echo "check-csv-with-python: $STORE is not an rlt store (no tracker.json)" >&2
    exit 1
fi
command -v python3 >/dev/null || { echo "check-csv-with-python: python3 not found" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

TABLES="agencies themes reviews findings recommendations actions outcomes updates events"
export_table() { # TABLE FORMAT
    if ! "$RLT" --store "$STORE" export "$1" --format "$2" --out "$WORK/$1.$2" 2>"$WORK/stderr"; then
        echo "check-csv-with-python: 'rlt export $1 --format $2' failed:" >&2
        cat "$WORK/stderr" >&2
        exit 1
    fi
}
for table in $TABLES; do
    export_table "$table" csv
    export_table "$table" json
done

python3 - "$WORK" $TABLES <<'PYTHON'
import csv
import io
import json
import sys

work, tables = sys.argv[1], sys.argv[2:]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """What rlt's CSV export writes for a value: a ' before a cell a spreadsheet would run as a formula."""
    return "'" + value if value.lstrip("'").startswith(TRIGGERS) else value


def fail(message):
    print(f"python csv: {message}", file=sys.stderr)
    sys.exit(1)


total_rows = 0
for table in tables:
    with open(f"{work}/{table}.csv", "rb") as f:
        raw = f.read()
    if not raw.endswith(b"\r\n"):
        fail(f"{table}.csv does not end with CRLF")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        fail(f"{table}.csv is not UTF-8: {error}")
    if text.startswith("\ufeff"):
        fail(f"{table}.csv starts with a BOM without --excel")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    with open(f"{work}/{table}.json", encoding="utf-8") as f:
        objects = json.load(f)
    if not rows:
        fail(f"{table}.csv is empty; it should at least have a header")
    header, body = rows[0], rows[1:]
    if len(body) != len(objects):
        fail(f"{table}: csv.reader gives {len(body)} rows, the JSON export has {len(objects)}")
    for number, (row, obj) in enumerate(zip(body, objects), start=2):
        if set(obj) != set(header):
            fail(f"{table} row {number}: JSON keys {sorted(obj)} differ from the CSV header {header}")
        if len(row) != len(header):
            fail(f"{table} row {number}: {len(row)} fields, the header has {len(header)}: {row!r}")
        for column, field in zip(header, row):
            value = obj[column]
            if not isinstance(value, str):
                fail(f"{table} row {number} column {column}: JSON value {value!r} is not a string")
            if field != neutralised(value):
                fail(f"{table} row {number} column {column}: csv gives {field!r}, JSON has {value!r}")
    total_rows += len(body)

print(f"python csv: {len(tables)} tables, {total_rows} rows, all equal")
PYTHON
