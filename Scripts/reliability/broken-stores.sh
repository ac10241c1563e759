#!/usr/bin/env bash
# Case 14 — a corpus of deliberately broken stores, one defect each, built from a clean small store. `rlt check`
# must exit 1 and report the defect as `path[:line]: message` with the right file, line and message, and nothing
# unrelated; the clean stores (the template and the repository's sample store data/) must give no alarm.
# When `rlt check --strict` exists the corpus runs again with it (every defect still found, the clean stores still
# silent; --strict's own consistency checks are tested in Tests/RLTCommandLineTests). CHECK_ARGS=… runs only once,
# with those arguments.
# Prints: broken-stores: 52 defects, detected with the right message = 52, missed (known issues) = 0, wrong or missing = 0, unrelated extra lines = 0; clean stores (template, data/): false alarms = 0; with --strict: …
source "$(dirname "$0")/lib.sh"

dir=$(new_dir)
template=$(make_small_store "$dir/template")
rl --store "$template" --as-of 2024-01-15 finding add darren-bethany --audience lincs-police --text "Learning" >/dev/null 2>&1
rl --store "$template" --as-of 2024-01-15 event add --kind seminar --title "Seminar" --date 2024-03 --review darren-bethany >/dev/null 2>&1
rl --store "$template" --as-of 2024-01-15 outcome add darren-bethany/3i --text "Reported" --by lincs-police >/dev/null 2>&1

cat >"$dir/corpus.py" <<'PY'
import json, os, re, shutil, subprocess, sys
rlt, template, work, sample = sys.argv[1:5]
extra_args = sys.argv[5:]
R = "reviews/darren-bethany.json"

def load(store, rel):
    return json.load(open(os.path.join(store, rel)))
def dump(store, rel, value):
    with open(os.path.join(store, rel), "w") as f:
        json.dump(value, f, indent=2, sort_keys=True, ensure_ascii=False)
        f.write("\n")
def edit(rel, fn):
    def apply(store):
        v = load(store, rel); fn(v); dump(store, rel, v)
    return apply
def text(rel, fn):
    def apply(store):
        p = os.path.join(store, rel)
        data = open(p, "rb").read()
        open(p, "wb").write(fn(data))
    return apply
def rec(r, i=0): return r["recommendations"][i]
def line_of(data, needle, nth=1):
    i = -1
    for _ in range(nth):
        i = data.index(needle, i + 1)
    return data[:i].count(b"\n") + 1

# (name, file, apply, message regex, line: None = any/none, int, or callable(data) on the broken file)
defects = [
    ("trailing comma", R, text(R, lambda d: d.replace(b'"id" : "3i",', b'"id" : "3i",,', 1)), r"found ','|trailing comma|unexpected", "find:,,"),
    ("missing comma", R, text(R, lambda d: d.replace(b'"id" : "3i",', b'"id" : "3i"', 1)), r"missing ','", None),
    ("truncated in half", R, text(R, lambda d: d[: len(d) // 2]), r"unexpected end of file", "last"),
    ("empty file", R, text(R, lambda d: b""), r"is empty", 1),
    ("git conflict markers", R, text(R, lambda d: d.replace(b'  "id" : "darren-bethany",\n', b'<<<<<<< HEAD\n  "id" : "darren-bethany",\n=======\n  "id" : "darren-bethany",\n>>>>>>> other\n', 1)), r"conflict marker", "find:<<<<<<<"),
    ("duplicate key", R, text(R, lambda d: d.replace(b'"id" : "3i",', b'"id" : "3i",\n      "id" : "3j",', 1)), r'duplicate key "id"', "find:\"3j\""),
    ("byte-order mark", R, text(R, lambda d: b"\xef\xbb\xbf" + d), r"byte-order mark", 1),
    ("NUL bytes", R, text(R, lambda d: d.replace(b'"Darren & Bethany"', b'"Darren \x00\x00\x00 Bethany"', 1)), r"NUL", "find:Darren \x00"),
    ("invalid UTF-8", R, text(R, lambda d: d.replace(b'"Darren & Bethany"', b'"Darren \xff Bethany"', 1)), r"UTF-8", "find:Darren \xff"),
    ("600-deep nesting", R, text(R, lambda d: d.replace(b'"partnerships" : [', b'"partnerships" : [' + b"[" * 600 + b"]" * 600 + b",", 1)), r"nesting is deeper", None),
    ("comment", R, text(R, lambda d: d.replace(b'  "id" : "darren-bethany",', b'  // note\n  "id" : "darren-bethany",', 1)), r"comments are not allowed", "find:// note"),
    ("single quotes", R, text(R, lambda d: d.replace(b'"joint"', b"'joint'", 1)), r"single quotes", "find:'joint'"),
    ("raw line break in a string", R, text(R, lambda d: d.replace(b'"Darren & Bethany"', b'"Darren &\nBethany"', 1)), r"line break inside a string", "find:Darren &"),
    ("newer schema (review)", R, text(R, lambda d: re.sub(rb'"schema" : \d+', b'"schema" : 99', d, count=1)), r"newer rlt \(schema 99\)", 1),
    ("newer schema (tracker)", "tracker.json", text("tracker.json", lambda d: re.sub(rb'"schema" : \d+', b'"schema" : 99', d, count=1)), r"newer rlt \(schema 99\)", 1),
    ("newer schema (events)", "events.json", text("events.json", lambda d: re.sub(rb'"schema" : \d+', b'"schema" : 99', d, count=1)), r"newer rlt \(schema 99\)", 1),
    ("unknown field statuss", R, edit(R, lambda r: rec(r).__setitem__("statuss", "open")), r"unknown field recommendations\[0\]\.statuss", "find:\"statuss\""),
    ("unknown field in tracker settings", "tracker.json", edit("tracker.json", lambda t: t["settings"].__setitem__("colour", "red")), r"unknown field settings\.colour", "find:\"colour\""),
    ("unknown status value", R, edit(R, lambda r: rec(r).__setitem__("status", "paused")), r"status|paused", "find:\"paused\""),
    ("unknown assurance value", R, edit(R, lambda r: rec(r).__setitem__("assurance", "great")), r"assurance|great", "find:\"great\""),
    ("unknown review type", R, edit(R, lambda r: r.__setitem__("type", "inquest")), r"type|inquest", "find:\"inquest\""),
    ("unknown agency sector", "tracker.json", edit("tracker.json", lambda t: t["agencies"][0].__setitem__("sector", "army")), r"sector|army", "find:\"army\""),
    ("impossible date", R, edit(R, lambda r: rec(r).__setitem__("due", "2024-02-30")), r"no such day", "find:2024-02-30"),
    ("US-style date", R, edit(R, lambda r: rec(r).__setitem__("due", "06/15/2024")), r"not a valid date|no such month|such", "find:06/15/2024"),
    ("date of the wrong type", R, edit(R, lambda r: rec(r).__setitem__("due", 2024)), r"should be text|due", "find:\"due\": 2024"),
    ("missing id", R, edit(R, lambda r: rec(r).pop("id")), r"recommendations\[0\]\.id is missing", None),
    ("recommendation without text", R, edit(R, lambda r: rec(r).pop("text")), r"has no text", None),
    ("recommendation with empty text", R, edit(R, lambda r: rec(r).__setitem__("text", "")), r"has no text", "find:\"text\": \"\""),
    ("duplicate recommendation id", R, edit(R, lambda r: rec(r, 1).__setitem__("id", "3i")), r"duplicate id", "find2:\"id\": \"3i\""),
    ("case-twin recommendation ids", R, edit(R, lambda r: rec(r, 1).__setitem__("id", "3I")), r"duplicate id", "find:\"3I\""),
    ("invalid recommendation id", R, edit(R, lambda r: rec(r, 1).__setitem__("id", "3 ii")), r"not a valid id", "find:\"3 ii\""),
    ("duplicate agency code", "tracker.json", edit("tracker.json", lambda t: t["agencies"].append(dict(t["agencies"][0]))), r"duplicate agency code", None),
    ("unknown owner", R, edit(R, lambda r: rec(r).__setitem__("owners", ["lincs-polce"])), r"lincs-polce.*not a known agency", "find:lincs-polce"),
    ("unknown theme", R, edit(R, lambda r: rec(r).__setitem__("themes", ["no-such-theme"])), r"not in the theme vocabulary", "find:no-such-theme"),
    ("link to a missing recommendation", R, edit(R, lambda r: rec(r).__setitem__("links", ["99"])), r"links to missing recommendation", "find:\"99\""),
    ("action for a missing recommendation", R, edit(R, lambda r: r["actions"][0].__setitem__("responds_to", ["99"])), r"responds to missing", "find:\"99\""),
    ("not-accepted without a reason", R, edit(R, lambda r: rec(r).__setitem__("status", "not-accepted")), r"needs a reason", "find:not-accepted"),
    ("superseded without a link", R, edit(R, lambda r: rec(r).__setitem__("status", "superseded")), r"needs a link", "find:superseded"),
    ("dropped action without a reason", R, edit(R, lambda r: r["actions"][0].__setitem__("status", "dropped")), r"dropped needs a reason", "find:dropped"),
    ("outcome by an unknown agency", R, edit(R, lambda r: rec(r)["outcomes"][0].__setitem__("by", "nobody")), r"outcome by .*not a known agency", "find:nobody"),
    ("finding audience unknown", R, edit(R, lambda r: r["findings"][0].__setitem__("audience", "nobody")), r"audience .*not a known agency code or sector", "find:nobody"),
    ("review id not the file name", R, edit(R, lambda r: r.__setitem__("id", "someone-else")), r"does not match the file name", "find:someone-else"),
    ("converted_from a missing review", R, edit(R, lambda r: r.__setitem__("converted_from", "no-such-review")), r"converted_from names no review", "find:no-such-review"),
    ("event for a missing review", "events.json", edit("events.json", lambda e: e["events"][0].__setitem__("reviews", ["no-such-review"])), r"no review", "find:no-such-review"),
    ("duplicate event id", "events.json", edit("events.json", lambda e: e["events"].append(dict(e["events"][0]))), r"duplicate event id", None),
    ("negative attendees", "events.json", edit("events.json", lambda e: e["events"][0].__setitem__("attendees", -5)), r"attendees must not be negative", "find:-5"),
    ("file_mode 0777", "tracker.json", edit("tracker.json", lambda t: t["settings"].__setitem__("file_mode", "0777")), r"file_mode must be", "find:0777"),
    ("amber_days beyond what config set allows (0–3650)", "tracker.json", edit("tracker.json", lambda t: t["settings"].__setitem__("amber_days", 99999999)), r"amber_days must be from 0 to 3650", "find:amber_days"),
    ("negative amber_days", "tracker.json", edit("tracker.json", lambda t: t["settings"].__setitem__("amber_days", -1)), r"amber_days must be from 0 to 3650", "find:amber_days"),
    ("stray temp file", "reviews/.darren-bethany.json.tmp-123-456", lambda s: shutil.copy(os.path.join(s, R), os.path.join(s, "reviews/.darren-bethany.json.tmp-123-456")), r"stray temporary file", None),
    ("symlinked review file", "reviews/linked.json", lambda s: (shutil.copy(os.path.join(s, R), os.path.join(work, "outside.json")), os.symlink(os.path.join(work, "outside.json"), os.path.join(s, "reviews/linked.json"))), r"symbolic link", None),
    ("review file that is a directory", "reviews/folder.json", lambda s: os.mkdir(os.path.join(s, "reviews/folder.json")), r"not a regular file|cannot read", None),
]

def expected_line(spec, data):
    if spec is None: return None
    if isinstance(spec, int): return spec
    if spec == "last": return data.count(b"\n") + 1 if not data.endswith(b"\n") else data.count(b"\n")
    if spec.startswith("find2:"): return line_of(data, spec[6:].encode("latin-1"), 2)
    if spec.startswith("find:"): return line_of(data, spec[5:].encode("latin-1"))
    raise ValueError(spec)

def check(store):
    p = subprocess.run([rlt, "--store", store, "check", *extra_args], capture_output=True)
    return p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")

right = wrong = extra = known = 0
for n, (name, rel, apply, message, line_spec, *known_issue) in enumerate(defects, 1):
    store = os.path.join(work, f"defect-{n:02d}", "data")
    shutil.copytree(template, store, symlinks=True)
    apply(store)
    path = os.path.join(store, rel)
    data = open(path, "rb").read() if os.path.isfile(path) else b""
    line = expected_line(line_spec, data) if os.path.isfile(path) else None
    before = {f: open(os.path.join(r, f), "rb").read() for r, _, fs in os.walk(store) for f in fs if os.path.isfile(os.path.join(r, f)) and f != ".lock"}
    status, out = check(store)
    after = {f: open(os.path.join(r, f), "rb").read() for r, _, fs in os.walk(store) for f in fs if os.path.isfile(os.path.join(r, f)) and f != ".lock"}
    lines = [l for l in out.splitlines() if l.strip()]
    prefix = re.escape(path) + (re.escape(f":{line}: ") if line else r"(:\d+)?: ")
    hits = [l for l in lines if re.match(prefix, l) and re.search(message, l[len(path):])]
    crashed = status >= 128 or "Fatal error" in out
    ok = status == 1 and hits and not crashed and before == after
    if ok:
        right += 1
        others = [l for l in lines if l not in hits]
        extra += len(others)
        print(f"  ok: {name}: {hits[0][len(work) + 1:]}" + (f"  (+{len(others)} more: {others[0][len(work)+1:]})" if others else ""), file=sys.stderr)
    else:
        shown = "; ".join(l[len(work) + 1:] if l.startswith(work) else l for l in lines[:3]) or "(nothing)"
        if known_issue:
            known += 1
            print(f"  known issue {known_issue[0]}: {name} is not reported: exit {status}: {shown}", file=sys.stderr)
            continue
        wrong += 1
        print(f"  FAIL: {name}: expected {rel}{':' + str(line) if line else ''}: /{message}/, got exit {status}: {shown}"
              + ("" if before == after else " — and check changed the store!"), file=sys.stderr)

clean_alarms = 0
for store in (template, sample):
    if not os.path.exists(os.path.join(store, "tracker.json")):
        print(f"  (no store at {store}; skipped)", file=sys.stderr)
        continue
    status, out = check(store)
    if status != 0 or out.strip():
        clean_alarms += 1
        print(f"  FAIL: false alarm on the clean store {store}: exit {status}: {out[:300]}", file=sys.stderr)
    else:
        print(f"  ok: clean store {store}: silent, exit 0", file=sys.stderr)
print(len(defects), right, wrong, known, extra, clean_alarms)
PY

# run_corpus ARGS…: the corpus against `rlt check ARGS…`; prints "total right wrong known extra alarms".
run_corpus() {
    mkdir -p "$dir/run$#"
    python3 "$dir/corpus.py" "$RLT" "$template" "$dir/run$#" "$REPO/data" "$@"
}
read -r total right wrong known extra alarms < <(run_corpus ${CHECK_ARGS:-})
check "every defect detected with the right file, line and message ($right of $total, $known known issues)" [ "$wrong" = 0 ]
check "a defect is reported once, without unrelated lines ($extra extra lines: an unreadable review also makes every reference to it 'no review …')" [ "$extra" = 0 ]
check "no false alarm on the clean stores" [ "$alarms" = 0 ]
strict="not available"
if [ -z "${CHECK_ARGS:-}" ] && "$RLT" check --help 2>/dev/null | grep -q -- --strict; then
    echo "  — the same corpus with check --strict:" >&2
    read -r s_total s_right s_wrong s_known s_extra s_alarms < <(run_corpus --strict)
    check "check --strict detects every defect too ($s_right of $s_total)" [ "$s_wrong" = 0 ]
    check "check --strict: no false alarm on the clean stores" [ "$s_alarms" = 0 ]
    strict="detected = $s_right/$s_total, false alarms = $s_alarms, extra lines = $s_extra"
fi
echo "broken-stores: $total defects, detected with the right message = $right, missed (known issues) = $known, wrong or missing = $wrong, unrelated extra lines = $extra; clean stores (template, data/): false alarms = $alarms; with --strict: $strict"
finish
