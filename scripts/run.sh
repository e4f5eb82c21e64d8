#!/usr/bin/env bash
# The main job: set up, build a release binary and replay scripts/seed.aesh, writing its
# model, scores, charts and its executed document (out/seed.html) under out/.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
swift build -c release --product aesh 2>&1 | grep -v -E '^\[[0-9]+/[0-9]+\]' || true
binary="$(swift build -c release --show-bin-path)/aesh"
mkdir -p out
"$binary" --out out --report out/seed.html scripts/seed.aesh "$@"
