#!/usr/bin/env bash
# Sets up the machine and runs the test suite (swift test), every test.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# The real ONNX clients the export tests check against (Tests/AeshShellTests/ONNXExportTests): a virtualenv with
# the onnx package's checker and ONNX Runtime, made once (about a minute, 200 MB). The tests
# fail rather than skip when it is missing, so a broken install cannot pass quietly.
VENV=.venv-test
if ! "$VENV/bin/python" -c 'import onnx, onnxruntime, numpy' 2>/dev/null; then
    echo "test: installing onnx and onnxruntime into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check onnx==1.23.2 onnxruntime==1.32.0 numpy
fi
export AESH_REQUIRE_PYTHON_CLIENTS=1
# Headless Chromium renders the seed script's HTML report (Tests/AeshShellTests/Report/
# ChromiumReportTests); Debian's package, installed when missing (about 100 MB, once).
if ! command -v chromium >/dev/null 2>&1; then
    if [[ $(id -u) -ne 0 ]]; then
        echo "test: need root to install chromium for the browser test (try: sudo $0)" >&2
        exit 1
    fi
    echo "test: installing chromium"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
export AESH_REQUIRE_CHROMIUM=1
# A crashing child would otherwise start the backtracer and hold its pipes open for minutes.
export SWIFT_BACKTRACE=enable=no
swift build --build-tests 2>&1 | grep -v -E '^\[[0-9]+/[0-9]+\]' || true
# Another package can depend on AutoencoderKit by version (SwiftPM refuses unsafe flags in a
# versioned dependency below tools version 6.2).
scripts/test-consumer.sh
swift test --skip-build
