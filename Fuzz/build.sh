#!/usr/bin/env bash
# Builds the libFuzzer targets into .build/fuzz/bin/fuzz-<target> (date, csv, args, store).
#
# usage: Fuzz/build.sh [TARGET...]        (the library is shared, so building all four costs little more than one)
#   RLT_SOURCES=DIR    the package whose Sources/ to compile (default: this repository)
#   SWIFTC=path        the compiler (default: swiftc on PATH, else /opt/swift/usr/bin/swiftc)
#   FUZZ_SANITIZERS    default "fuzzer,address"; "fuzzer" alone builds and runs faster but misses memory errors
#   FUZZ_OPT           default -O
#
# Step 1 compiles every file of Sources/ReviewLearning and Sources/RLTCommandLine, with Targets/FuzzSupport.swift and
# the four Targets/Fuzz*.swift, into one static library module named ReviewLearning (so RLTCommandLine's
# `import ReviewLearning` is ignored and internal types are visible to the targets), instrumented with
# -sanitize=fuzzer. Step 2 links, per target, Targets/Entry.swift — the @_cdecl("LLVMFuzzerTestOneInput") entry —
# built with -D FUZZ_<TARGET> -parse-as-library. Not part of `swift test`.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
sources=${RLT_SOURCES:-$repo}
SWIFTC=${SWIFTC:-$(command -v swiftc || echo /opt/swift/usr/bin/swiftc)}
sanitizers=${FUZZ_SANITIZERS:-fuzzer,address}
opt=${FUZZ_OPT:--O}
out="$repo/.build/fuzz"
mkdir -p "$out/bin" "$out/lib"

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(date csv args store)
for target in "${targets[@]}"; do
    case $target in date | csv | args | store) ;; *) echo "fuzz build: unknown target $target (date, csv, args, store)" >&2; exit 64 ;; esac
done

quiet() { grep -v -e "Cannot export local symbol" -e "^\s*$" >&2 || true; }

mapfile -t library < <(find "$sources/Sources/ReviewLearning" "$sources/Sources/RLTCommandLine" -name '*.swift' | sort)
echo "fuzz build: library ($sanitizers, $opt, ${#library[@]} source files)" >&2
rm -f "$out/lib/libReviewLearning.a"
(cd "$out/lib" && "$SWIFTC" -sanitize="$sanitizers" -parse-as-library "$opt" -g -swift-version 6 -suppress-warnings \
    -module-name ReviewLearning -package-name rlt -emit-library -static -emit-module \
    "${library[@]}" "$here"/Targets/FuzzSupport.swift "$here"/Targets/Fuzz{Date,CSV,Arguments,StoreLoader}.swift \
    -o "$out/lib/libReviewLearning.a" 2>&1 | quiet)
[ -f "$out/lib/libReviewLearning.a" ] || { echo "fuzz build: the library failed to build" >&2; exit 1; }

for target in "${targets[@]}"; do
    flag=FUZZ_$(echo "$target" | tr '[:lower:]' '[:upper:]')
    rm -f "$out/bin/fuzz-$target"
    "$SWIFTC" -sanitize="$sanitizers" -parse-as-library "$opt" -g -swift-version 6 -suppress-warnings -D "$flag" \
        -I "$out/lib" -L "$out/lib" -lReviewLearning "$here/Targets/Entry.swift" -o "$out/bin/fuzz-$target" 2>&1 | quiet
    [ -x "$out/bin/fuzz-$target" ] || { echo "fuzz build: $target failed to link" >&2; exit 1; }
    echo "fuzz build: $out/bin/fuzz-$target" >&2
done
# What was compiled, so Scripts/reliability/fuzz-smoke.sh can tell when the binaries are stale.
cat "${library[@]}" "$here"/Targets/*.swift | sha256sum | cut -c1-64 >"$out/bin/sources.sha256"
