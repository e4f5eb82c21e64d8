#!/usr/bin/env python3
"""W6's reference: pandas.read_csv of the whole file, then ONNX Runtime on the exported model.

    score_reference.py MODEL.onnx INPUT.csv

Prints `seconds S`, `rows N` and `anomalies K` (rows whose `predicted` is true), so bench.sh can
compare the time with `aesh score` on the same file and check that both flag the same rows'
count. The columns are taken by name from the model's `aesh.columns` metadata, as aesh takes them.
ONNX Runtime runs on one thread, as aesh does; the output is not written anywhere (aesh's time
includes writing its CSV).
"""
import json
import sys
import time

import numpy as np
import onnxruntime
import pandas


def main(model_path, input_path):
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(model_path, options, providers=["CPUExecutionProvider"])
    columns = json.loads(session.get_modelmeta().custom_metadata_map["aesh.columns"])
    start = time.perf_counter()
    frame = pandas.read_csv(input_path)
    features = frame[columns].to_numpy(dtype=np.float32)
    error, predicted = session.run(["error", "predicted"], {"input": features})
    seconds = time.perf_counter() - start
    print(f"seconds {seconds:.6f}")
    print(f"rows {len(error)}")
    print(f"anomalies {int(np.count_nonzero(predicted))}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
