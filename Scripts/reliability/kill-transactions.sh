#!/usr/bin/env bash
# Case 15 — kills during writes of many files. Two writes that each change 1,000 review files — an import of one
# outcome per review, and a bulk `rec update` of one recommendation per review — are killed with SIGKILL, SIGINT
# and SIGTERM at random moments (uniform over the write's own duration, a little beyond). After each kill the next
# command (`rlt check`) runs, then the store must be wholly before (no review changed) or wholly after (all 1,000
# changed, each with the marker), valid (`check` exits 0), with no staged or temp file left.
# Then each write once more, killed half-way through its renames (strace holds one): the next command must finish it.
# Prints: kill-transactions: N kills of 1,000-review writes, wholly before = …, wholly after = …, mixed = 0, …
source "$(dirname "$0")/lib.sh"

TRIALS=${KILL_TRIALS:-100}
REVIEWS=${KILL_REVIEWS:-1000}
dir=$(new_dir)
pristine=$(make_small_store "$dir/pristine")

clone_reviews "$pristine" "$REVIEWS"
rl --store "$pristine" check >&2 || fail "the cloned store is valid"
rl --store "$pristine" --as-of 2024-02-01 rec list --format csv >/dev/null  # builds the index, as users would have it

csv=$dir/outcomes.csv
{
    echo "review_id,rec_id,date,text"
    for i in $(seq -f '%04g' 1 "$REVIEWS"); do echo "r$i,3i,2024-02-01,MARKER imported"; done
} >"$csv"
refs=()
for i in $(seq -f '%04g' 1 "$REVIEWS"); do refs+=("r$i/3i"); done

export KILL_CSV=$csv KILL_PRISTINE=$pristine KILL_DIR=$dir KILL_TRIALS=$TRIALS
printf '%s\n' "${refs[@]}" >"$dir/refs"
status=0
python3 - <<'PY' || status=$?
import os, random, subprocess, sys, time, shutil, signal

rlt, pristine, work_root = os.environ["RLT"], os.environ["KILL_PRISTINE"], os.environ["KILL_DIR"]
trials = int(os.environ["KILL_TRIALS"])
refs = open(os.path.join(work_root, "refs")).read().split()
S = ["--as-of", "2024-02-01"]
writes = {
    "import": ["import", "outcomes", os.environ["KILL_CSV"]],
    "bulk update": ["rec", "update", *refs, "--note", "MARKER bulk"],
}
signals = [("SIGKILL", signal.SIGKILL), ("SIGINT", signal.SIGINT), ("SIGTERM", signal.SIGTERM)]
random.seed(int(os.environ.get("KILL_SEED", "14")))
work = os.path.join(work_root, "work")

def record_files(store):
    names = ["tracker.json", "events.json"] + ["reviews/" + n for n in sorted(os.listdir(os.path.join(store, "reviews")))]
    return {n: open(os.path.join(store, n), "rb").read() for n in names}

before = record_files(pristine)

def fresh():
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(pristine, work, symlinks=True)

def run(args, **kw):
    return subprocess.run([rlt, "--store", work, *S, *args], capture_output=True, **kw)

def classify():
    """before | after | mixed:<why>"""
    now = record_files(work)
    if set(now) != set(before):
        return "mixed:files added or removed"
    changed = [n for n in now if now[n] != before[n]]
    if not changed:
        return "before"
    reviews = [n for n in before if n.startswith("reviews/")]
    if sorted(changed) != sorted(reviews):
        return f"mixed:{len(changed)} of {len(reviews)} changed"
    if not all(b"MARKER" in now[n] for n in changed):
        return "mixed:changed without the marker"
    return "after"

# Calibrate: how long each whole write takes here (the longest of three: most of it is one fsync per staged file,
# whose time swings with the disk, and a short estimate would put every kill before the renames).
durations = {}
for name, args in writes.items():
    times = []
    for _ in range(3):
        fresh()
        start = time.monotonic()
        done = run(args)
        times.append(time.monotonic() - start)
        if done.returncode != 0 or classify() != "after":
            print(f"  FAIL: {name} did not complete on its own: {done.stderr.decode()[:300]}", file=sys.stderr)
            sys.exit(1)
    durations[name] = max(times)
    print(f"  {name} of {len(refs)} reviews takes {min(times):.2f}–{max(times):.2f} s here", file=sys.stderr)

tally = {"before": 0, "after": 0, "mixed": 0, "check failed": 0, "left over": 0, "crashed": 0, "exited early": 0,
         "rolled forward": 0}
for name, args in writes.items():
    for signame, number in signals:
        for trial in range(trials):
            fresh()
            delay = random.uniform(0, durations[name] * 1.1)
            process = subprocess.Popen([rlt, "--store", work, *S, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(delay)
            process.send_signal(number)
            _, err = process.communicate()
            if process.returncode >= 0 and process.returncode != 0:
                tally["exited early"] += 1
                print(f"  FAIL: {name}, {signame} at {delay:.3f} s: exit {process.returncode}: {err.decode()[:200]}", file=sys.stderr)
            if b"Fatal error" in err or b"Stack dump" in err:
                tally["crashed"] += 1
            check = run(["check"])
            if b"finished a write that was interrupted" in check.stderr:
                tally["rolled forward"] += 1
            if check.returncode != 0:
                tally["check failed"] += 1
                print(f"  FAIL: {name}, {signame} at {delay:.3f} s: check exit {check.returncode}: {check.stdout.decode()[:300]} {check.stderr.decode()[:300]}", file=sys.stderr)
            state = classify()
            tally[state.split(":")[0]] += 1
            if state.startswith("mixed"):
                print(f"  FAIL: {name}, {signame} at {delay:.3f} s: {state}", file=sys.stderr)
            left = [os.path.join(d, f) for d, _, fs in os.walk(work) for f in fs if ".tmp-" in f or f == "journal"]
            if left:
                tally["left over"] += len(left)
                print(f"  FAIL: {name}, {signame} at {delay:.3f} s: left over after check: {left[:3]}", file=sys.stderr)
        print(f"  {name}, {signame}: {trials} kills done", file=sys.stderr)

# Mid-rename, deterministically: strace holds the write's rename number RENAMES/2 for 3 s and the writer is killed
# with SIGKILL in that window, so half the files are in place and the journal lists the rest: the next command must
# finish them ("finished a write that was interrupted"), leaving the store wholly after.
mid = {"tried": 0, "rolled forward": 0}
if shutil.which("strace") and subprocess.run(["strace", "-qq", "-o", "/dev/null", "-e", "inject=rename:delay_enter=1:when=1", "true"]).returncode == 0:
    for name, args in writes.items():
        fresh()
        # A log of its own: a reused one could still hold the previous write's renames when the loop below reads it.
        log = os.path.join(work_root, f"strace-{name.replace(' ', '-')}.log")
        at = len(refs) // 2 + 1
        tracer = subprocess.Popen(["strace", "-f", "-qq", "-o", log, "-e", "trace=rename,renameat,renameat2",
                                   "-e", f"inject=rename:delay_enter=3000000:when={at}",
                                   rlt, "--store", work, *S, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # strace logs a call when it returns: once the renames before the held one are logged, it is being held.
        # Then kill rlt itself (strace's child), well inside the 3 s.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and tracer.poll() is None:
            lines = open(log).read().count("rename(") if os.path.exists(log) else 0
            if lines >= at - 1:
                break
            time.sleep(0.01)
        time.sleep(0.5)
        children = open(f"/proc/{tracer.pid}/task/{tracer.pid}/children").read().split()
        for child in children:
            os.kill(int(child), signal.SIGKILL)
        tracer.wait()
        mid["tried"] += 1
        check = run(["check"])
        state = classify()
        if b"finished a write that was interrupted" in check.stderr and check.returncode == 0 and state == "after":
            mid["rolled forward"] += 1
        else:
            print(f"  FAIL: {name} killed mid-rename: check exit {check.returncode} ({check.stderr.decode()[:200]}), store {state}", file=sys.stderr)
            tally["mixed" if state.startswith("mixed") else "check failed"] += 1
    print(f"  {'ok' if mid['rolled forward'] == mid['tried'] else 'FAIL'}: killed half-way through the renames, "
          f"the next command finished {mid['rolled forward']} of {mid['tried']} writes", file=sys.stderr)
else:
    print("  strace cannot inject delays here: the mid-rename variant is skipped", file=sys.stderr)

kills = trials * len(writes) * len(signals)
bad = tally["mixed"] + tally["check failed"] + tally["left over"] + tally["crashed"] + tally["exited early"]
print(f"  {'ok' if bad == 0 else 'FAIL'}: every kill left the store wholly before or wholly after", file=sys.stderr)
print(f"kill-transactions: {kills} kills of {len(refs)}-review writes (import and bulk rec update; SIGKILL, SIGINT, SIGTERM), "
      f"wholly before = {tally['before']}, wholly after = {tally['after']} (of which finished by the next command = "
      f"{tally['rolled forward']}), mixed = {tally['mixed']}, check failed = {tally['check failed']}, "
      f"files left over = {tally['left over']}, crashes = {tally['crashed']}; killed mid-rename: "
      f"{mid['rolled forward']} of {mid['tried']} finished by the next command")
sys.exit(1 if bad else 0)
PY
[ "$status" = 0 ] || REL_FAILURES=$((REL_FAILURES + 1))
finish
