#!/usr/bin/env bash
# Sets up the machine and runs the test suite (swift test), every test.
#   scripts/test.sh [--scale]
#   --scale  also the scale-out test: scripts/spark/score.py on Apache Spark (pyspark from PyPI,
#            with pyarrow, pandas and onnxruntime, in .venv-spark/: about 500 MB, several minutes
#            the first time; Java 17) against `aesh score` on a 200,000-row CSV
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=0
for argument in "$@"; do
    case "$argument" in
        --scale) SCALE=1 ;;
        *) echo "test.sh: unknown option $argument (use --scale)" >&2; exit 2 ;;
    esac
done

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

if [[ $SCALE == 1 ]]; then
    if ! command -v java > /dev/null; then
        if [[ $(id -u) == 0 ]]; then apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless; else
            echo "test: Spark needs Java 17 (apt-get install openjdk-17-jre-headless)" >&2; exit 1; fi
    fi
    SPARK_VENV=.venv-spark
    if ! "$SPARK_VENV/bin/python" -c 'import pyspark, pyarrow, pandas, onnxruntime, numpy' 2>/dev/null; then
        echo "test: installing pyspark, pyarrow, pandas and onnxruntime into $SPARK_VENV"
        python3 -m venv "$SPARK_VENV"
        # pyspark 4.3 supports pandas below 3.
        "$SPARK_VENV/bin/pip" install --quiet --disable-pip-version-check pyspark==4.3.0 pyarrow 'pandas<3' onnxruntime==1.32.0 numpy
    fi
    "$SPARK_VENV/bin/python" scripts/spark/test_score.py "$(swift build --show-bin-path)/aesh"
fi
