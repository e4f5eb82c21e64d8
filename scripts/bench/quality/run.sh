#!/usr/bin/env bash
# scripts/bench.sh --quality [--quick]: detection quality on the real-data sets of data/bench/
# (issue 15), aesh against PyOD's AutoEncoder and IForest and scikit-learn's PCA, five seeds,
# into the quality section of BENCHMARKS.md. --quick: seed 1 only, report to
# .build/bench/quality/BENCHMARKS.md. The references go into .venv-bench/ (pip: pyod, scikit-learn,
# and torch for PyOD's AutoEncoder, the CPU wheel from /opt/wheels where the machine has it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
QUICK=0
for argument in "$@"; do
    case "$argument" in
        --quality) ;;
        --quick) QUICK=1 ;;
        *) echo "bench.sh --quality: unknown option $argument (use --quick)" >&2; exit 2 ;;
    esac
done
say() { printf '== %s\n' "$*" >&2; }
WORK="$ROOT/.build/bench/quality"
mkdir -p "$WORK"

say "release build"
(cd "$ROOT" && swift build -c release 2>&1 | tail -1) >&2
AESH="$ROOT/.build/release/aesh"

VENV="$ROOT/.venv-bench"
if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import pyod, tqdm, torch, sklearn' 2>/dev/null; then
    say "installing the references into .venv-bench (PyPI: pyod, scikit-learn, torch)"
    python3 -m venv "$VENV"
    # The machine's CPU wheel when it has one: pip would otherwise take a newer (CUDA) build from
    # PyPI, and another PyTorch gives PyOD's AutoEncoder other numbers than the recorded runs.
    TORCH=(torch)
    for wheel in /opt/wheels/torch-*+cpu-*.whl; do [[ -f $wheel ]] && TORCH=("$wheel"); done
    "$VENV/bin/python" -m pip install -q "${TORCH[@]}" pyod tqdm scikit-learn
fi
PY="$VENV/bin/python"
VERSIONS="$("$PY" -c 'import pyod, torch, sklearn; print(f"PyOD {pyod.__version__}, PyTorch {torch.__version__}, scikit-learn {sklearn.__version__}")')"

SEEDS=1,2,3,4,5
REPORT="$ROOT/BENCHMARKS.md"
if [[ $QUICK == 1 ]]; then SEEDS=1; REPORT="$WORK/BENCHMARKS.md"; fi
say "quality: every set of data/bench/, seeds $SEEDS"
nice "$PY" "$ROOT/scripts/bench/quality/quality.py" "$AESH" "$WORK" --seeds "$SEEDS" | tee "$WORK/results.tsv" >&2
"$PY" "$ROOT/scripts/bench/quality/report.py" "$WORK/results.tsv" "$REPORT" \
    --note "References: $VERSIONS (CPU, one thread). PyOD's detectors with their defaults (the AutoEncoder standardises its input itself); PCA on standard-scaled rows, as many components as explain 90 % of the variance, the squared reconstruction error as the score."
