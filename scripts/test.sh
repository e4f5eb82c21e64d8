#!/usr/bin/env bash
# Sets up the machine and runs the test suite (swift test). Slow tests stay out unless
# AESH_SLOW_TESTS=1 is set.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# A crashing child would otherwise start the backtracer and hold its pipes open for minutes.
export SWIFT_BACKTRACE=enable=no
swift build --build-tests 2>&1 | grep -v -E '^\[[0-9]+/[0-9]+\]' || true
# Another package can depend on AutoencoderKit by version (SwiftPM refuses unsafe flags in a
# versioned dependency below tools version 6.2).
scripts/test-consumer.sh
swift test --skip-build
