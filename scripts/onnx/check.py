#!/usr/bin/env python3
"""Checks an ONNX file written by aesh's `save FILE.onnx` with real clients.

    check.py MODEL.onnx FEATURES.csv SCORES.csv

FEATURES.csv: the file aesh scored, a header naming the columns (any order, other columns allowed);
SCORES.csv: `row,error,predicted[,...]` as aesh's `export` writes it. The `onnx` package's checker
must accept the model (with shape inference), the graph must have the documented interface, and
ONNX Runtime's `error` must match aesh's within 1e-5 relative on every row, `predicted` wherever
the error is not within that tolerance of the threshold. Exit status 0 when all holds, 1 otherwise.
"""
import csv
import json
import sys

import numpy as np
import onnx
import onnxruntime

TOLERANCE = 1e-5


def fail(message):
    print(f"onnx check: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def read_csv(path):
    with open(path, newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        rows = list(reader)
    return header, rows


def main(model_path, features_path, scores_path):
    model = onnx.load(model_path)
    onnx.checker.check_model(model, full_check=True)
    opset = max(entry.version for entry in model.opset_import if entry.domain in ("", "ai.onnx"))
    if opset < 13:
        fail(f"opset {opset} is below 13")
    metadata = {entry.key: entry.value for entry in model.metadata_props}
    columns = json.loads(metadata["aesh.columns"])
    threshold = float(metadata["aesh.threshold"])

    session = onnxruntime.InferenceSession(model_path, providers=["CPUExecutionProvider"],
                                           sess_options=single_thread())
    inputs = session.get_inputs()
    if [i.name for i in inputs] != ["input"] or inputs[0].type != "tensor(float)" or inputs[0].shape[1] != len(columns):
        fail(f"unexpected inputs {[(i.name, i.type, i.shape) for i in inputs]}")
    outputs = {o.name: o for o in session.get_outputs()}
    expected = {"reconstruction": "tensor(float)", "error": "tensor(double)", "predicted": "tensor(bool)"}
    if {name: o.type for name, o in outputs.items()} != expected:
        fail(f"unexpected outputs {[(o.name, o.type) for o in outputs.values()]}")

    header, rows = read_csv(features_path)
    positions = [header.index(name) for name in columns]  # the model's columns, found by name
    features = np.array([[r[p] for p in positions] for r in rows], dtype=np.float32)
    reconstruction, errors, predicted = session.run(["reconstruction", "error", "predicted"], {"input": features})
    if reconstruction.shape != features.shape or errors.shape != (len(rows),) or predicted.shape != (len(rows),):
        fail(f"output shapes {reconstruction.shape}, {errors.shape}, {predicted.shape} for {features.shape} input")

    score_header, score_rows = read_csv(scores_path)
    if score_header[:3] != ["row", "error", "predicted"]:
        fail(f"scores header {score_header}")
    worst = 0.0
    for score in score_rows:
        k = int(score[0])  # aesh's `row` counts the data rows of the file from 0
        aesh_error = float(score[1])
        difference = abs(errors[k] - aesh_error) / max(abs(aesh_error), 1e-30)
        worst = max(worst, difference)
        if difference > TOLERANCE:
            fail(f"row {score[0]}: ONNX Runtime error {errors[k]!r}, aesh {aesh_error!r} (relative {difference:.3g})")
        near_threshold = abs(aesh_error - threshold) <= TOLERANCE * abs(threshold)
        if score[2] != "" and not near_threshold and bool(predicted[k]) != (score[2] == "1"):
            fail(f"row {score[0]}: ONNX Runtime predicted {bool(predicted[k])}, aesh {score[2]}")
    if not score_rows:
        fail("no scores to compare")
    print(f"onnx check: {model_path}: checker accepts opset {opset}; ONNX Runtime {onnxruntime.__version__} "
          f"matches aesh on {len(score_rows)} rows, largest relative error difference {worst:.3g}")


def single_thread():
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return options


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(*sys.argv[1:])
