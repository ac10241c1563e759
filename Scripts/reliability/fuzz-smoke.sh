#!/usr/bin/env bash
# Case 13 (smoke) — builds the libFuzzer targets when missing or older than the sources (Fuzz/build.sh), then runs
# each of date, csv, args and store for FUZZ_SMOKE_SECONDS (default 14), two at a time: under a minute of fuzzing.
# The long runs (≥ 10 minutes each) are `Fuzz/run.sh 600`; their results are in docs/RELIABILITY.md.
# Skipped with a message when swiftc cannot build with -sanitize=fuzzer (e.g. a toolchain without libFuzzer).
# Prints: fuzz-smoke: 4 targets × 14 s, runs = N, crashes = 0
source "$(dirname "$0")/lib.sh"

seconds=${FUZZ_SMOKE_SECONDS:-14}
bin=$REPO/.build/fuzz/bin
stale=no
for t in date csv args store; do [ -x "$bin/fuzz-$t" ] || stale=yes; done
if [ "$stale" = no ]; then
    # The same digest as Fuzz/build.sh writes: ReviewLearning's files, RLTCommandLine's, then the targets.
    now=$({ find "$REPO/Sources/ReviewLearning" -name '*.swift' | sort; find "$REPO/Sources/RLTCommandLine" -name '*.swift' | sort; } |
        { mapfile -t f; cat "${f[@]}" "$REPO"/Fuzz/Targets/*.swift; } | sha256sum | cut -c1-64)
    [ "$now" = "$(cat "$bin/sources.sha256" 2>/dev/null)" ] || stale=yes
fi
if [ "$stale" = yes ]; then
    if ! "$REPO/Fuzz/build.sh" >"$REPO/.build/fuzz-build.log" 2>&1; then
        # Only a toolchain without libFuzzer is a reason to skip; a compile error in the sources is a failure.
        if ! grep -q "\.swift:[0-9]*:[0-9]*: error" "$REPO/.build/fuzz-build.log" &&
            grep -q -i -e "unsupported option.*sanitize" -e "not supported.*fuzzer" -e "cannot find.*fuzzer" -e "clang_rt.fuzzer" \
                "$REPO/.build/fuzz-build.log"; then
            echo "fuzz-smoke: skipped (this toolchain cannot build -sanitize=fuzzer; see .build/fuzz-build.log)"
            exit 0
        fi
        cat "$REPO/.build/fuzz-build.log" >&2
        fail "the fuzz targets do not build"
        echo "fuzz-smoke: build failed"
        finish
    fi
fi
out=$(FUZZ_BUILD=0 FUZZ_JOBS=2 "$REPO/Fuzz/run.sh" "$seconds" date csv args store) && status=0 || status=$?
echo "$out" | sed 's/^/    /' >&2
runs=$(echo "$out" | grep -o '[0-9]* runs' | awk '{ s += $1 } END { print s + 0 }')
crashes=$(echo "$out" | grep -o 'crashes = [0-9]*' | awk '{ s += $3 } END { print s + 0 }')
check "no target crashed" [ "$status" = 0 -a "$crashes" = 0 ]
[ "$crashes" = 0 ] || echo "  crashing inputs are in .build/fuzz/crashes/<target>/; reproduce with .build/fuzz/bin/fuzz-<target> FILE" >&2
echo "fuzz-smoke: 4 targets × $seconds s, runs = $runs, crashes = $crashes"
finish
