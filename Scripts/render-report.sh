#!/usr/bin/env bash
# Renders the HTML board report of a store with headless Chromium, to a PNG screenshot and an A4 PDF, so a person
# can look at what the board will see. Writes into a fresh temporary directory and prints the paths; nothing is
# written into the repository (do not commit the images).
#
# usage: Scripts/render-report.sh [extra rlt report options…]
#   STORE=DIR      the store to report on (default: data, the sample store)
#   AS_OF=DATE     the report's as-of day (default: 2026-11-23, so the output does not depend on today)
#   RLT=PATH       the rlt binary (default: .build/debug/rlt, built with 'swift build' when missing)
#   CHROMIUM=PATH  the browser (default: chromium, installed with apt-get when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

STORE=${STORE:-data}
AS_OF=${AS_OF:-2026-11-23}
RLT=${RLT:-.build/debug/rlt}

if [ ! -x "$RLT" ]; then
    if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
        PATH=/opt/swift/usr/bin:$PATH
    fi
    echo "render-report: building rlt" >&2
    swift build >&2
fi

find_chromium() {
    if [ -n "${CHROMIUM:-}" ]; then
        echo "$CHROMIUM"
        return
    fi
    for name in chromium chromium-browser google-chrome; do
        if command -v "$name" >/dev/null 2>&1; then
            command -v "$name"
            return
        fi
    done
}

BROWSER=$(find_chromium)
if [ -z "$BROWSER" ]; then
    echo "render-report: installing chromium with apt-get" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
    $SUDO apt-get update >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium >&2
    BROWSER=$(find_chromium)
    if [ -z "$BROWSER" ]; then
        echo "render-report: chromium is still not on PATH after apt-get install" >&2
        exit 1
    fi
fi

OUT=$(mktemp -d "${TMPDIR:-/tmp}/rlt-report.XXXXXX")
HTML=$OUT/report.html
PNG=$OUT/report.png
PDF=$OUT/report.pdf

"$RLT" report --store "$STORE" --as-of "$AS_OF" --format html --out "$HTML" "$@"

# Chromium refuses to run as root with its sandbox; the page has no scripts and loads nothing from outside.
FLAGS=(--headless --disable-gpu --hide-scrollbars --no-first-run --no-default-browser-check --mute-audio
    --user-data-dir="$OUT/profile")
if [ "$(id -u)" -eq 0 ]; then FLAGS+=(--no-sandbox); fi

"$BROWSER" "${FLAGS[@]}" --window-size=1280,4000 --screenshot="$PNG" "file://$HTML" >"$OUT/chromium.log" 2>&1
"$BROWSER" "${FLAGS[@]}" --no-pdf-header-footer --print-to-pdf-no-header --print-to-pdf="$PDF" "file://$HTML" \
    >>"$OUT/chromium.log" 2>&1

for file in "$PNG" "$PDF"; do
    if [ ! -s "$file" ]; then
        echo "render-report: chromium did not write $file; see $OUT/chromium.log" >&2
        exit 1
    fi
done
rm -rf "$OUT/profile"

echo "html: $HTML"
echo "png:  $PNG"
echo "pdf:  $PDF"
