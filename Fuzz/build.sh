#!/usr/bin/env bash
# Builds the libFuzzer targets into .build/fuzz/bin/fuzz-<target> (date, csv, args, store).
#
# usage: Fuzz/build.sh [TARGET...]        (the libraries are shared: building all four costs little more than one)
#   RLT_SOURCES=DIR    the package whose Sources/ to compile (default: this repository)
#   SWIFTC=path        the compiler (default: swiftc on PATH, else /opt/swift/usr/bin/swiftc)
#   FUZZ_SANITIZERS    default "fuzzer,address"; "fuzzer" alone builds and runs faster but misses memory errors
#   FUZZ_OPT           default -O
#
# Three static library modules are built with -sanitize=fuzzer (coverage instrumentation) and -enable-testing:
# ReviewLearning and RLTCommandLine from Sources/, then RLTFuzzTargets (Targets/FuzzSupport.swift and the four
# Targets/Fuzz*.swift, which `@testable import` them to reach internal types such as JSONCodec and ArgumentParser).
# Then, per target, Targets/Entry.swift — the @_cdecl("LLVMFuzzerTestOneInput") entry point, -parse-as-library,
# -D FUZZ_<TARGET> — is linked with the three into .build/fuzz/bin/fuzz-<target>. Not part of `swift test`.
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

common=(-sanitize="$sanitizers" -parse-as-library "$opt" -g -swift-version 6 -suppress-warnings -package-name rlt
    -enable-testing -I "$out/lib" -L "$out/lib")
# module NAME SOURCES…: one static library module in .build/fuzz/lib.
module() {
    local name=$1
    shift
    rm -f "$out/lib/lib$name.a"
    if ! (cd "$out/lib" && "$SWIFTC" "${common[@]}" -module-name "$name" -emit-library -static -emit-module \
        -enable-upcoming-feature ExistentialAny "$@" -o "$out/lib/lib$name.a" 2>&1 | quiet) ||
        [ ! -f "$out/lib/lib$name.a" ]; then
        echo "fuzz build: module $name failed to build" >&2
        exit 1
    fi
}
mapfile -t core < <(find "$sources/Sources/ReviewLearning" -name '*.swift' | sort)
mapfile -t cli < <(find "$sources/Sources/RLTCommandLine" -name '*.swift' | sort)
echo "fuzz build: $sanitizers, $opt: ReviewLearning (${#core[@]} files), RLTCommandLine (${#cli[@]}), RLTFuzzTargets" >&2
module ReviewLearning "${core[@]}"
module RLTCommandLine "${cli[@]}"
module RLTFuzzTargets "$here"/Targets/FuzzSupport.swift "$here"/Targets/Fuzz{Date,CSV,Arguments,StoreLoader}.swift

for target in "${targets[@]}"; do
    flag=FUZZ_$(echo "$target" | tr '[:lower:]' '[:upper:]')
    rm -f "$out/bin/fuzz-$target"
    if ! "$SWIFTC" "${common[@]}" -D "$flag" "$here/Targets/Entry.swift" \
        -lRLTFuzzTargets -lRLTCommandLine -lReviewLearning -o "$out/bin/fuzz-$target" 2>&1 | quiet ||
        [ ! -x "$out/bin/fuzz-$target" ]; then
        echo "fuzz build: $target failed to link" >&2
        exit 1
    fi
    echo "fuzz build: $out/bin/fuzz-$target" >&2
done
# What was compiled, so Scripts/reliability/fuzz-smoke.sh can tell when the binaries are stale.
cat "${core[@]}" "${cli[@]}" "$here"/Targets/*.swift | sha256sum | cut -c1-64 >"$out/bin/sources.sha256"
