#!/usr/bin/env bash
# The index fuzz of IndexIntegrityTests, run against the binary (issue 14): every single-bit flip of the 128-byte
# header of `.index/base` and 60 seeded damages of each section (a bit flipped, 8 random bytes, 64 zeros, the file cut),
# each followed by `overdue --format csv` or `rec list --format csv`. A crash (exit ≥ 128) or an answer unlike the
# full decode's (RLT_NO_INDEX=1) counts against it. In-process, a crash would end the Swift test run before it could
# count; this script can measure a build that crashes (how the before-figures were taken). Not in run-all.sh's
# default list (about 20 s with a release build, more with the debug one): IndexIntegrityTests runs the same cases.
# Prints: index-fuzz: 1324 cases, crashes 0, wrong 0, rebuilds 1324
source "$(dirname "$0")/lib.sh"

generate=${RLT_GENERATE:-$(dirname "$RLT")/rlt-generate}
[ -x "$generate" ] || (cd "$REPO" && swift build --product rlt-generate >&2)
line=$(python3 - "$RLT" "$generate" "$(new_dir)" <<'PY'
import os, sys, subprocess, random, struct, time
rlt, gen, d = sys.argv[1], sys.argv[2], sys.argv[3]
store = d + "/data"
subprocess.run([gen, store, "--recs", "40", "--seed", "5"], check=True, stdout=subprocess.DEVNULL)
os.mkdir(store + "/.index")
time.sleep(2.2)  # past the racy window: an intact index is used as it is, so any write is a rebuild
env = dict(os.environ, RLT_STORE=store, RLT_AS_OF="2025-06-30")
queries = [["overdue", "--format", "csv"], ["rec", "list", "--format", "csv"]]
def run(q, index=True):
    e = dict(env)
    if not index: e["RLT_NO_INDEX"] = "1"
    p = subprocess.run([rlt] + q, env=e, capture_output=True)
    return p.returncode, p.stdout
run(queries[0])
base = store + "/.index/base"
pristine = open(base, "rb").read()
expected = [run(q, False) for q in queries]
counts = dict(cases=0, crashes=0, wrong=0, rebuilds=0)
def case(b, q, what):
    counts["cases"] += 1
    if os.path.exists(store + "/.index/overlay"): os.unlink(store + "/.index/overlay")
    open(base + ".x", "wb").write(b); os.rename(base + ".x", base)
    code, out = run(queries[q])
    if code < 0 or code >= 128:
        counts["crashes"] += 1; print(f"  FAIL: crash (exit {code}) after {what}", file=sys.stderr)
    elif (code, out) != expected[q]:
        counts["wrong"] += 1; print(f"  FAIL: answer unlike the full decode after {what}", file=sys.stderr)
    if not os.path.exists(base) or open(base, "rb").read() != b: counts["rebuilds"] += 1
for bit in range(128 * 8):
    b = bytearray(pristine); b[bit // 8] ^= 1 << (bit % 8)
    case(bytes(b), bit % 2, f"header bit {bit} flipped")
u = lambda at: struct.unpack_from("<Q", pristine, at)[0]
sections = [("entries", 128, u(32))] + [(n, u(a), u(a) + u(a + 8)) for n, a in [("names", 32), ("hot", 48), ("active", 64), ("cold", 80)]]
r = random.Random(14)
for name, lo, hi in sections:
    for k in range(60):
        b = bytearray(pristine); at = r.randrange(lo, hi)
        if k % 4 == 0: b[at] ^= 1 << r.randrange(8)
        elif k % 4 == 1:
            for i in range(at, min(at + 8, hi)): b[i] = r.randrange(256)
        elif k % 4 == 2:
            for i in range(at, min(at + 64, hi)): b[i] = 0
        else: del b[at:]
        case(bytes(b), k % 2, f"{name} damage {k} at {at}")
print("index-fuzz: {cases} cases, crashes {crashes}, wrong {wrong}, rebuilds {rebuilds}".format(**counts))
PY
)
clean() { [[ "$line" == *"crashes 0, wrong 0,"* ]]; }
check "no crash and no wrong answer ($line)" clean
echo "$line"
finish
