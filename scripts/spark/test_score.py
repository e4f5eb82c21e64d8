#!/usr/bin/env python3
"""The Spark scorer against `aesh score` on a 200,000-row CSV (run by `scripts/test.sh --scale`).

    test_score.py AESH [ROWS]

Makes, in a temporary folder, a CSV of ROWS rows (200,000 by default; eight feature columns in
another order than the model's, a text column the model does not use, a 0/1 `anomaly` label and
an id column that needs quoting on some rows), trains a model on its first 20,000 rows with AESH
(`load … label=anomaly id=key`), saves it as .aemodel and .onnx, scores the whole CSV with
`aesh score` and with scripts/spark/score.py (local[*]), once to CSV and once from Parquet, and
checks that Spark wrote the same columns with the same rows, labels and ids, errors within 1e-5
relative and the same `predicted` wherever the error is not within that tolerance of the
threshold. Prints the Spark run's time; exit status 0 when everything holds, 1 otherwise.
"""
import csv
import glob
import os
import random
import subprocess
import sys
import tempfile
import time

TOLERANCE = 1e-5
HERE = os.path.dirname(os.path.abspath(__file__))


def fail(message):
    print(f"spark test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def write_data(path, rows):
    generator = random.Random(20261202)
    columns = [f"f{k}" for k in range(8)]
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["note", "key"] + list(reversed(columns)) + ["anomaly"])
        for r in range(rows):
            anomaly = generator.random() < 0.02
            base = [generator.gauss(0, 1) for _ in range(3)]
            # Noise of unit scale keeps every row's error well above the float32 rounding of its
            # reconstruction, which two engines' different summation orders make differ: a row
            # reconstructed to 1e-3 would differ by more than 1e-5 relative from rounding alone.
            values = [base[k % 3] * (1 + k / 4) + generator.gauss(0, 1) + (4 if anomaly else 0) for k in range(8)]
            key = f"s{r // 1000},{r % 1000}" if r % 7 == 0 else f"s{r}"
            writer.writerow([f"n{r}", key] + [f"{v:.6g}" for v in reversed(values)] + [int(anomaly)])


def read_rows(paths):
    rows, header = [], None
    for path in paths:
        with open(path, newline="") as handle:
            reader = csv.reader(handle)
            first = next(reader, None)
            if first is None:
                continue
            if header is None:
                header = first
            elif first != header:
                fail(f"{path} has the header {first}, another part has {header}")
            rows += list(reader)
    return header, rows


def compare(name, spark_header, spark_rows, aesh_header, aesh_rows, threshold):
    if spark_header != aesh_header:
        fail(f"{name}: Spark wrote the columns {spark_header}, aesh score {aesh_header}")
    by_row = {}
    for fields in spark_rows:
        by_row[int(fields[0])] = fields
    if len(by_row) != len(spark_rows) or sorted(by_row) != list(range(len(aesh_rows))):
        fail(f"{name}: Spark wrote {len(spark_rows)} rows numbered {min(by_row)}..{max(by_row)}, aesh {len(aesh_rows)}")
    worst = 0.0
    for want in aesh_rows:
        got = by_row[int(want[0])]
        a, s = float(want[1]), float(got[1])
        relative = abs(a - s) / max(abs(a), 1e-300)
        worst = max(worst, relative)
        if relative > TOLERANCE:
            fail(f"{name}: row {want[0]}: error {s} vs aesh's {a} ({relative:.2e} relative)")
        near = abs(a - threshold) <= TOLERANCE * max(abs(threshold), 1e-300)
        if got[2] != want[2] and not near:
            fail(f"{name}: row {want[0]}: predicted {got[2]} vs aesh's {want[2]} (error {a}, threshold {threshold})")
        if got[3:] != want[3:]:
            fail(f"{name}: row {want[0]}: label and id {got[3:]} vs aesh's {want[3:]}")
    return worst


def main(aesh, rows):
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="aesh-spark-") as folder:
        os.chdir(folder)
        write_data("data.csv", rows)
        with open("data.csv") as source, open("train.csv", "w") as train:
            for k, line in enumerate(source):
                if k > 20_000:
                    break
                train.write(line)
        script = ("load train.csv label=anomaly id=key ignore=note; split test=0.2 seed=5; scale standard; "
                  "model 5,3,5 activation=tanh output=linear; train epochs=4 batch=64 seed=5; errors top=0; "
                  "threshold 0.95; save m.aemodel; save m.onnx")
        subprocess.run([aesh, "-c", script], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([aesh, "score", "m.aemodel", "data.csv", "--output", "aesh.csv"], check=True)
        aesh_header, aesh_rows = read_rows(["aesh.csv"])
        if aesh_header != ["row", "error", "predicted", "label", "id"] or len(aesh_rows) != rows:
            fail(f"aesh score wrote {aesh_header} and {len(aesh_rows)} rows")
        threshold = float(subprocess.run(
            [python, "-c", "import onnxruntime, sys; s = onnxruntime.InferenceSession(sys.argv[1], "
             "providers=['CPUExecutionProvider']); print(s.get_modelmeta().custom_metadata_map['aesh.threshold'])",
             "m.onnx"], check=True, capture_output=True, text=True).stdout)

        start = time.perf_counter()
        subprocess.run([python, os.path.join(HERE, "score.py"), "m.onnx", "data.csv", "spark-out"], check=True,
                       stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        spark_header, spark_rows = read_rows(sorted(glob.glob("spark-out/part-*.csv")))
        worst = compare("CSV", spark_header, spark_rows, aesh_header, aesh_rows, threshold)
        print(f"spark test: CSV: {rows:,} rows scored by Spark (local[*]) in {seconds:.1f} s, the same as aesh score "
              f"(largest relative error difference {worst:.1e})")

        # Parquet in and out: the same numbers.
        subprocess.run([python, "-c", "import pandas, sys; pandas.read_csv(sys.argv[1], dtype={'key': str})"
                        ".to_parquet(sys.argv[2])", "data.csv", "data.parquet"], check=True)
        subprocess.run([python, os.path.join(HERE, "score.py"), "m.onnx", "data.parquet", "spark-out.parquet"],
                       check=True, stderr=subprocess.DEVNULL)
        table = subprocess.run([python, "-c", "import pandas, sys; pandas.read_parquet(sys.argv[1])"
                                ".to_csv(sys.stdout, index=False)", "spark-out.parquet"],
                               check=True, capture_output=True, text=True).stdout
        reader = csv.reader(table.splitlines())
        parquet_header = next(reader)
        compare("Parquet", parquet_header, list(reader), aesh_header, aesh_rows, threshold)
        print("spark test: Parquet: the same rows")
    print("spark test: passed")


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    main(os.path.abspath(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) == 3 else 200_000)
