#!/usr/bin/env bash
# Benchmarks W1–W7 of DESIGN.md on a release build and writes BENCHMARKS.md.
#   scripts/bench.sh [--reference] [--quick] [--score]
#   scripts/bench.sh --quality [--quick]
#   --reference  also run the same workloads in PyTorch, Keras/TensorFlow, pandas, openTSNE and
#                scikit-learn (installed once, by pip, into .venv-bench/) and print aesh / reference
#                ratios from this same run
#   --quick      fewer runs and epochs, no references, W3 (t-SNE) at 2,000 rows only,
#                report to .build/bench/BENCHMARKS.md: a few minutes
#   --score      only W6 and W7 (streaming score, real time) with W6's reference (pandas and
#                onnxruntime into .venv-bench/), report to .build/bench/BENCHMARKS-score.md
#   --quality    detection quality instead (issue 15): the real-data sets of data/bench/, aesh
#                against PyOD's AutoEncoder and IForest and PCA, five seeds, into BENCHMARKS.md's
#                quality section (scripts/bench/quality/run.sh; with --quick one seed)
# Data and intermediate files go to .build/bench/ (ignored). Medians and spreads of several runs;
# every training time has the ROC AUC of the same run beside it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for argument in "$@"; do
    if [[ $argument == --quality ]]; then exec "$ROOT/scripts/bench/quality/run.sh" "$@"; fi
done
REFERENCE=0
QUICK=0
SCORE_ONLY=0
for argument in "$@"; do
    case "$argument" in
        --reference) REFERENCE=1 ;;
        --quick) QUICK=1 ;;
        --score) SCORE_ONLY=1 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
        *) echo "bench.sh: unknown option $argument (use --reference, --quick, --score, --quality)" >&2; exit 2 ;;
    esac
done
if [[ $QUICK == 1 && $REFERENCE == 1 ]]; then
    echo "bench.sh: --quick runs without references; drop one of the two" >&2; exit 2
fi

RUNS=5; W1_EPOCHS=1000; W2_RUNS=5; REF_RUNS=3; STARTS=30; W3_SIZES="2000 10000 30000"
if [[ $QUICK == 1 ]]; then RUNS=3; W1_EPOCHS=200; W2_RUNS=2; STARTS=15; W3_SIZES="2000"; fi

if [[ ! -x /usr/bin/time ]]; then  # GNU time, for peak memory
    if [[ $(id -u) == 0 ]]; then apt-get install -y -qq time >&2; else echo "bench.sh: needs GNU time (apt-get install time)" >&2; exit 1; fi
fi

WORK="$ROOT/.build/bench"
mkdir -p "$WORK"
RESULTS="$WORK/results.tsv"
: > "$RESULTS"
record() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; }
say() { printf '== %s\n' "$*" >&2; }

record load.start "$(cut -d' ' -f1 /proc/loadavg)"
say "release build"
(cd "$ROOT" && swift build -c release 2>&1 | tail -1) >&2
AESH="$ROOT/.build/release/aesh"

say "helpers: data generator, sgemm probe, scoring driver"
cc -O2 -o "$WORK/gen_data" "$ROOT/scripts/bench/gen_data.c" -lm
cc -O2 -o "$WORK/sgemm_probe" "$ROOT/scripts/bench/sgemm_probe.c" -lopenblas
swiftc -O -o "$WORK/score" "$ROOT/scripts/bench/score.swift" \
    -I "$ROOT/.build/release/Modules" -Xcc -fmodule-map-file="$ROOT/Sources/CBLAS/module.modulemap" \
    "$ROOT"/.build/release/AutoencoderKit.build/*.o "$ROOT"/.build/release/BatchKernel*.build/*.o -lopenblas

# The sgemm kernels aesh runs (it corrects OpenBLAS's choice on processors OpenBLAS does not
# know); the sgemm probe runs the same ones, so that W2's share of sgemm compares like with like.
BLAS_CORE="$("$WORK/score" --blas-core)"
record blas.core "$BLAS_CORE"
record batch.loops "$("$WORK/score" --batch-loops)"

[[ -s "$WORK/w2.csv" ]] || { say "generating W2 data (100,000 x 64)"; "$WORK/gen_data" w2 "$WORK/w2.csv"; }
[[ -s "$WORK/w4.csv" ]] || { say "generating W4 data (1,000,000 x 10)"; "$WORK/gen_data" w4 "$WORK/w4.csv"; }

# The elapsed time aesh echoes after command number $2 of a script run's output $1, in seconds.
elapsed_of() {
    awk -v n="$2" '
        index($0, "In [" n "]:") == 1 { found = 1; next }
        found && /^\(.*\)$/ {
            t = substr($0, 2, length($0) - 2); s = 0
            if (t ~ / min /) { split(t, p, " "); s = p[1] * 60 + p[3] }
            else if (t ~ / ms$/) { s = t / 1000 }
            else { s = t + 0 }
            printf "%.6f\n", s; exit
        }' "$1"
}
auc_of() { awk '/^ROC AUC/ { print $3; exit }' "$1"; }

W1_SCRIPT() {  # $1 = epochs
    cat <<EOF
generate normal=10000 anomalies=1000 features=10 shift=5 seed=42
split test=0.2 seed=42
scale standard
model 6 activation=relu output=sigmoid
train epochs=$1 batch=32 lr=0.001 seed=42
errors top=0
threshold 0.92
evaluate
save w1.aemodel
EOF
}
cd "$WORK"

if [[ $SCORE_ONLY == 1 ]]; then
    VENV="$ROOT/.venv-bench"
    if ! "$VENV/bin/python" -c 'import pandas, onnxruntime' 2>/dev/null; then
        say "installing pandas and onnxruntime into .venv-bench (PyPI)"
        [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
        "$VENV/bin/python" -m pip install -q pandas onnxruntime
    fi
    source "$ROOT/scripts/bench/streaming.sh"
    record load.end "$(cut -d' ' -f1 /proc/loadavg)"
    say "writing .build/bench/BENCHMARKS-score.md"
    python3 "$ROOT/scripts/bench/report.py" "$RESULTS" "$WORK/BENCHMARKS-score.md" --quick="$QUICK" --reference=0 --only=score
    exit 0
fi

say "W1: the seed replica (${RUNS} runs of 20 epochs for the AUC, ${RUNS} of ${W1_EPOCHS} epochs for the time)"
W1_SCRIPT 20 > w1.aesh
W1_SCRIPT "$W1_EPOCHS" > w1-long.aesh
for _ in $(seq "$RUNS"); do
    "$AESH" --out "$WORK/out" w1.aesh > w1.log
    record w1.aesh.epoch_ms "$(awk -v t="$(elapsed_of w1.log 5)" 'BEGIN { print t * 1000 / 20 }')"
    record w1.aesh.auc "$(auc_of w1.log)"
    "$AESH" --out "$WORK/out" w1-long.aesh > w1-long.log
    record w1.aesh.long_epoch_ms "$(awk -v t="$(elapsed_of w1-long.log 5)" -v e="$W1_EPOCHS" 'BEGIN { print t * 1000 / e }')"
    record w1.aesh.long_auc "$(auc_of w1-long.log)"
done

say "W2: wide, 5 epochs (${W2_RUNS} runs)"
cat > w2.aesh <<'EOF'
load w2.csv label=label
split test=0.2 seed=42
scale standard
model 32,8,32 activation=relu output=linear
train epochs=5 batch=256 lr=0.001 seed=42
errors top=0
threshold 0.98
evaluate
EOF
# The references time each epoch of their training loop; the train command also selects and
# scales the rows and scores every training row once trained. 20-epoch runs beside the 5-epoch
# ones give the per-epoch time without that fixed part: (T20 − T5) / 15, from the medians.
sed 's/epochs=5 /epochs=20 /' w2.aesh > w2-20.aesh
for _ in $(seq "$W2_RUNS"); do
    "$AESH" --out "$WORK/out" w2.aesh > w2.log
    record w2.aesh.seconds5 "$(elapsed_of w2.log 5)"
    record w2.aesh.auc "$(auc_of w2.log)"
    "$AESH" --out "$WORK/out" w2-20.aesh > w2-20.log
    record w2.aesh.seconds20 "$(elapsed_of w2-20.log 5)"
done
# Rows per epoch, for the FLOP count: "70,560 training rows + 7,840 validation rows".
record w2.train_rows "$(grep -o '[0-9,]* training rows +' w2.log | tr -dc 0-9)"
record w2.val_rows "$(grep -o '[0-9,]* validation rows' w2.log | tr -dc 0-9)"
for _ in $(seq "$RUNS"); do
    record sgemm.gflops "$(OPENBLAS_CORETYPE="$BLAS_CORE" "$WORK/sgemm_probe" 2048 2)"
    record sgemm.gflops1 "$(OPENBLAS_CORETYPE="$BLAS_CORE" "$WORK/sgemm_probe" 2048 1)"
done

# W3: one run per size and method (a 30,000-row reference run takes minutes). The first N rows of
# the W2 data, unscaled (its columns already have about unit variance), `on=input`: 64-D rows, as in
# issue 3's reference table. auto is bh above 1,000 rows; when it resolves to bh that one run is the
# bh figure too. Trustworthiness is computed later, in Python, on the exported embedding.
W3_EMBEDDINGS=()
w3_aesh() {  # rows method; fails when auto did not resolve to bh (a separate bh run is needed)
    cat > "w3-$1-$2.aesh" <<EOF
load w3-$1.csv label=label
tsne on=input dims=2 perplexity=30 iterations=1000 init=pca method=$2 seed=42
export $WORK/w3-$1-$2.embedding.csv what=embedding
EOF
    "$AESH" --out "$WORK/out" "w3-$1-$2.aesh" > "w3-$1-$2.log"
    local resolved names="$2"
    resolved="$(grep -o 'method [a-z]*$' "w3-$1-$2.log" | head -1 | cut -d' ' -f2)"
    if [[ $2 == auto ]]; then
        record "w3.aesh.$1.auto_method" "$resolved"
        [[ $resolved == bh ]] && names="auto bh"
    fi
    for name in $names; do
        record "w3.aesh.$1.$name.seconds" "$(elapsed_of "w3-$1-$2.log" 2)"
        record "w3.aesh.$1.$name.kl" "$(grep -o 'KL [0-9.]* after' "w3-$1-$2.log" | cut -d' ' -f2)"
    done
    W3_EMBEDDINGS+=("$1:$names:$WORK/w3-$1-$2.embedding.csv")
    [[ $2 != auto || $resolved == bh ]]
}
for n in $W3_SIZES; do
    head -n $((n + 1)) w2.csv > "w3-$n.csv"
    say "W3: t-SNE of $n rows × 64 (auto, fft$([[ $n == 2000 ]] && echo ", exact"))"
    w3_aesh "$n" auto || w3_aesh "$n" bh
    w3_aesh "$n" fft
    if [[ $n == 2000 ]]; then w3_aesh "$n" exact; fi
done

say "scoring with the W1 model: 1,000,000 rows from memory"
"$WORK/score" "$WORK/w1.aemodel" 1000000 "$RUNS" | while read -r rate; do record score.aesh.rows_per_s "$rate"; done

say "W4: load the 1,000,000 x 10 CSV (${RUNS} runs)"
echo "load w4.csv" > w4.aesh
for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o w4.time "$AESH" --out "$WORK/out" w4.aesh > w4.log
    record w4.aesh.load_ms "$(awk -v t="$(elapsed_of w4.log 1)" 'BEGIN { print t * 1000 }')"
    record w4.aesh.process_ms "$(awk '{ print $1 * 1000 }' w4.time)"
    record w4.aesh.peak_mb "$(awk '{ print $2 / 1024 }' w4.time)"
done
record w4.bytes "$(stat -c %s w4.csv)"

say "W5: start-up, aesh -c help (${STARTS} runs)"
"$AESH" -c help > /dev/null
for _ in $(seq "$STARTS"); do
    start=$EPOCHREALTIME
    "$AESH" -c help > /dev/null
    record w5.aesh.ms "$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print (b - a) * 1000 }')"
done

if [[ $REFERENCE == 1 ]]; then
    VENV="$ROOT/.venv-bench"
    if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import torch, tensorflow, keras, pandas, sklearn, openTSNE, onnxruntime' 2>/dev/null; then
        say "installing the references into .venv-bench (PyPI: torch, tensorflow-cpu, pandas, scikit-learn, openTSNE, onnxruntime)"
        python3 -m venv "$VENV"
        "$VENV/bin/python" -m pip install -q --upgrade pip
        "$VENV/bin/python" -m pip install -q torch tensorflow-cpu pandas scikit-learn openTSNE onnxruntime
    fi
    PY="$VENV/bin/python"
    REF="$ROOT/scripts/bench/reference.py"
    record versions "$("$PY" -c 'import torch, keras, tensorflow, pandas, sklearn, openTSNE; print(f"PyTorch {torch.__version__}, Keras {keras.__version__} on TensorFlow {tensorflow.__version__}, pandas {pandas.__version__}, scikit-learn {sklearn.__version__}, openTSNE {openTSNE.__version__}")' 2>/dev/null)"
    reference() {  # workload framework key-prefix [rows]
        "$PY" "$REF" "$1" "$2" "$WORK" ${4:+"$4"} 2> "$WORK/reference.err" | while read -r key value; do record "$3.$key" "$value"; done
    }
    for framework in torch keras; do
        say "W1 in $framework (${REF_RUNS} runs)"
        for _ in $(seq "$REF_RUNS"); do reference W1 "$framework" "w1.$framework"; done
        say "W2 in $framework (${REF_RUNS} runs)"
        for _ in $(seq "$REF_RUNS"); do reference W2 "$framework" "w2.$framework"; done
    done
    say "scoring in torch"
    reference score torch score.torch
    say "W4 in pandas"
    reference W4 pandas w4.pandas
    /usr/bin/time -f '%M' -o w4-pandas.time "$PY" -c "import pandas; pandas.read_csv('$WORK/w4.csv')"
    record w4.pandas.peak_mb "$(awk '{ print $1 / 1024 }' w4-pandas.time)"
    for n in $W3_SIZES; do
        say "W3 in openTSNE (FFT), $n rows"
        reference W3 opentsne "w3.opentsne.$n" "$n"
        if [[ $n -le 10000 ]]; then  # scikit-learn at 30,000 rows takes many minutes
            say "W3 in scikit-learn (Barnes-Hut), $n rows"
            reference W3 sklearn "w3.sklearn.$n" "$n"
        fi
    done
    say "W5: import torch, import tensorflow (${REF_RUNS} runs each)"
    for module in torch tensorflow; do
        for _ in $(seq "$REF_RUNS"); do
            start=$EPOCHREALTIME
            "$PY" -c "import $module" 2> /dev/null
            record "w5.$module.ms" "$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { print (b - a) * 1000 }')"
        done
    done
fi

source "$ROOT/scripts/bench/streaming.sh"

# W3 trustworthiness of aesh's maps, by the same Python code as the references' (needs scikit-learn
# and pandas: the bench venv, else the system python; skipped when neither has them).
TRUST_PY=""
for candidate in "$ROOT/.venv-bench/bin/python" python3; do
    if "$candidate" -c 'import sklearn, pandas' 2>/dev/null; then TRUST_PY="$candidate"; break; fi
done
if [[ -n $TRUST_PY ]]; then
    say "W3: trustworthiness of aesh's embeddings"
    for entry in "${W3_EMBEDDINGS[@]}"; do
        IFS=: read -r n names file <<< "$entry"
        value="$("$TRUST_PY" "$ROOT/scripts/bench/reference.py" W3 trust "$WORK" "$n" "$file" | awk '$1 == "trust" { print $2 }')"
        for name in $names; do record "w3.aesh.$n.$name.trust" "$value"; done
    done
else
    say "W3: no python with scikit-learn and pandas; trustworthiness skipped"
fi

record load.end "$(cut -d' ' -f1 /proc/loadavg)"
# A quick run is a smoke test: its numbers do not replace the committed report.
REPORT="$ROOT/BENCHMARKS.md"
[[ $QUICK == 1 ]] && REPORT="$WORK/BENCHMARKS.md"
say "writing ${REPORT#"$ROOT"/}"
python3 "$ROOT/scripts/bench/report.py" "$RESULTS" "$REPORT" --quick="$QUICK" --reference="$REFERENCE"
