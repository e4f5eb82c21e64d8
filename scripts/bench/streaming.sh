# W6 and W7 of DESIGN.md: `aesh score` of a large CSV against pandas.read_csv + ONNX Runtime, and
# one row at a time through a pipe. Sourced by scripts/bench.sh in $WORK, which defines AESH,
# ROOT, RUNS, REF_RUNS, QUICK, REFERENCE, W1_SCRIPT, record and say.

W6_ROWS=4000000; W7_ROWS=2000
if [[ $QUICK == 1 ]]; then W6_ROWS=1000000; W7_ROWS=500; fi

# Data in W4's form (10 float columns x0…x9, the names the W1 model was trained on), generated
# once per size and kept beside the other bench data.
w6_data() {  # rows file
    if [[ ! -s $2 ]]; then say "generating $2 ($1 rows x 10)"; nice "$WORK/gen_data" w6 "$2" "$1"; fi
}
w6_data "$W6_ROWS" "w6-$W6_ROWS.csv"
w6_data 1000000 w6-1000000.csv

say "W6: the W1 model (20 epochs) as w6.aemodel and w6.onnx"
W1_SCRIPT 20 | sed 's/^save w1.aemodel$/save w6.aemodel/' > w6-model.aesh
"$AESH" --out "$WORK/out" w6-model.aesh > w6-model.log
"$AESH" -c "open w6.aemodel; save w6.onnx" > /dev/null

say "W6: aesh score of $W6_ROWS rows x 10 (${RUNS} runs)"
record w6.rows "$W6_ROWS"
record w6.bytes "$(stat -c %s "w6-$W6_ROWS.csv")"
for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o w6.time "$AESH" score w6.aemodel "w6-$W6_ROWS.csv" --output w6-scores.csv
    record w6.aesh.seconds "$(awk '{ print $1 }' w6.time)"
    record w6.aesh.peak_mb "$(awk '{ print $2 / 1024 }' w6.time)"
done
record w6.aesh.anomalies "$(awk -F, 'NR > 1 && $3 == 1' w6-scores.csv | wc -l)"

# Peak memory must not grow with the input: 1 M rows against the W6 size, and 10 M in a full run
# (a 950 MB file, made for the measurement and removed after it).
/usr/bin/time -f '%M' -o w6.time "$AESH" score w6.aemodel w6-1000000.csv --output w6-scores-1m.csv
record w6.peak_mb.1000000 "$(awk '{ print $1 / 1024 }' w6.time)"
if [[ $QUICK == 0 ]]; then
    w6_data 10000000 w6-10000000.csv
    say "W6: peak memory of 10,000,000 rows"
    /usr/bin/time -f '%e %M' -o w6.time "$AESH" score w6.aemodel w6-10000000.csv --output /dev/null
    record w6.peak_mb.10000000 "$(awk '{ print $2 / 1024 }' w6.time)"
    record w6.seconds.10000000 "$(awk '{ print $1 }' w6.time)"
    rm -f w6-10000000.csv
fi

# The reference: a python with pandas and onnxruntime (the bench venv; --reference installs them).
SCORE_PY=""
for candidate in "$ROOT/.venv-bench/bin/python" python3; do
    if "$candidate" -c 'import pandas, onnxruntime' 2>/dev/null; then SCORE_PY="$candidate"; break; fi
done
if [[ -n $SCORE_PY ]]; then
    record w6.reference.versions "$("$SCORE_PY" -c 'import pandas, onnxruntime; print(f"pandas {pandas.__version__}, ONNX Runtime {onnxruntime.__version__}")')"
    say "W6 in pandas.read_csv + ONNX Runtime (${REF_RUNS} runs)"
    for _ in $(seq "$REF_RUNS"); do
        "$SCORE_PY" "$ROOT/scripts/bench/score_reference.py" w6.onnx "w6-$W6_ROWS.csv" > w6-reference.out
        record w6.reference.seconds "$(awk '$1 == "seconds" { print $2 }' w6-reference.out)"
        record w6.reference.anomalies "$(awk '$1 == "anomalies" { print $2 }' w6-reference.out)"
    done
else
    say "W6: no python with pandas and onnxruntime (scripts/bench.sh --reference installs them); reference skipped"
fi

say "W7: $W7_ROWS rows one at a time through a pipe"
python3 "$ROOT/scripts/bench/latency.py" "$AESH" w6.aemodel w6-1000000.csv "$W7_ROWS" > w7.out
for key in p50_ms p99_ms max_ms rows; do record "w7.$key" "$(awk -v k="$key" '$1 == k { print $2 }' w7.out)"; done
