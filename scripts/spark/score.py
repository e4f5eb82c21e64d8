#!/usr/bin/env python3
"""Scores CSV or Parquet rows on Apache Spark with an ONNX model that aesh's `save FILE.onnx` wrote.

    score.py MODEL.onnx INPUT OUTPUT [--master URL]

INPUT: a CSV file with a header row (or a folder of them), or Parquet (a path ending in .parquet,
or a folder of .parquet files). The model's columns are found by name, from the model's
`aesh.columns` metadata, in any order; other columns are left alone. OUTPUT: a folder Spark writes
(part files), Parquet when its name ends in .parquet, CSV with a header otherwise; it must not
exist yet. Its columns are those of `aesh score`: `row,error,predicted`, then `label` when the
input has the model's label column (`aesh.label`) and `id` when the model was trained with an id
column (`aesh.id`). `row` counts the input's rows from 0 in Spark's reading order, which for one
file is the file's order; `predicted` is 1 above the model's threshold, else 0.

ONNX Runtime runs the model inside `mapInPandas`, one session per Python worker, on each
partition's rows in Arrow batches, so the work spreads over every executor of the cluster:
`--master local[*]` (the default) uses this machine's cores, `--master spark://host:7077` or
`yarn` a cluster (each worker needs onnxruntime, numpy and pandas; the model file is shipped with
the job). Cells are parsed as doubles by Spark and rounded to float32 as aesh rounds them, so the
errors match `aesh score` within float rounding of the network (1e-5 relative).
"""
import argparse
import json
import os
import sys


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="score.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("model", help="the ONNX file from aesh's `save FILE.onnx`")
    parser.add_argument("input", help="CSV (header row) or Parquet (.parquet) input, a file or a folder")
    parser.add_argument("output", help="the folder to write (.parquet: Parquet, else CSV); must not exist")
    parser.add_argument("--master", default="local[*]", help="Spark master URL (default local[*])")
    return parser.parse_args(argv)


def model_metadata(path):
    """The model's columns and its label and id column names, from the file's metadata."""
    import onnxruntime
    session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
    metadata = session.get_modelmeta().custom_metadata_map
    if "aesh.columns" not in metadata:
        sys.exit(f"score.py: {path}: not an ONNX model written by aesh (no aesh.columns metadata)")
    return json.loads(metadata["aesh.columns"]), metadata.get("aesh.label", ""), metadata.get("aesh.id", "")


def read_input(spark, path):
    """The input as a DataFrame: Parquet by name, else CSV with a header, every cell as text."""
    if path.rstrip("/").lower().endswith(".parquet") or (
            os.path.isdir(path) and any(name.endswith(".parquet") for name in os.listdir(path))):
        return spark.read.parquet(path)
    return spark.read.option("header", True).option("inferSchema", False).csv(path)


def with_row_numbers(frame):
    """`frame` with `row`: each row's position from 0 in reading order, computed without a shuffle
    from each partition's row count (one counting pass)."""
    from pyspark.sql import functions as F
    low_bits = (1 << 33) - 1  # monotonically_increasing_id is partition << 33 | position
    frame = frame.withColumn("_aesh_id", F.monotonically_increasing_id())
    frame = frame.withColumn("_aesh_partition", F.shiftright("_aesh_id", 33))
    counts = sorted((r["_aesh_partition"], r["count"]) for r in frame.groupBy("_aesh_partition").count().collect())
    offsets, running = [], 0
    for partition, count in counts:
        offsets += [F.lit(partition), F.lit(running)]
        running += count
    start = F.create_map(*offsets)[F.col("_aesh_partition")] if offsets else F.lit(0)
    return frame.withColumn("row", start + F.col("_aesh_id").bitwiseAND(low_bits)).drop("_aesh_id", "_aesh_partition")


def main(argv):
    arguments = parse_arguments(argv)
    if os.path.exists(arguments.output):
        sys.exit(f"score.py: {arguments.output} exists; give a new folder")
    columns, label, id_column = model_metadata(arguments.model)

    from pyspark import SparkFiles
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    if arguments.master.startswith("local"):
        # Local workers run this Python (the one with onnxruntime and pyarrow), not the system's.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(arguments.master).appName("aesh score")
             .config("spark.sql.execution.arrow.pyspark.enabled", "true")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    spark.sparkContext.addFile(os.path.abspath(arguments.model))
    model_name = os.path.basename(arguments.model)

    frame = read_input(spark, arguments.input)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        sys.exit(f"score.py: {arguments.input} lacks the model's column{'s' if len(missing) > 1 else ''} "
                 f"{', '.join(missing)}; the model was trained on {', '.join(columns)}")
    if id_column and id_column not in frame.columns:
        sys.exit(f"score.py: {arguments.input} has no column {id_column}, the id column the model was trained with")
    has_label = bool(label) and label in frame.columns
    kept = [F.col(f"`{c}`").cast("double").alias(f"x{k}") for k, c in enumerate(columns)]
    if has_label:
        kept.append(F.col(f"`{label}`").cast("double").cast("int").alias("label"))
    if id_column:
        kept.append(F.col(f"`{id_column}`").cast("string").alias("id"))
    frame = with_row_numbers(frame.select(*kept))

    fields = [T.StructField("row", T.LongType(), False), T.StructField("error", T.DoubleType(), False),
              T.StructField("predicted", T.IntegerType(), False)]
    if has_label:
        fields.append(T.StructField("label", T.IntegerType(), True))
    if id_column:
        fields.append(T.StructField("id", T.StringType(), True))
    width = len(columns)

    def score_batches(batches):
        import numpy as np
        import onnxruntime
        import pandas as pd
        session = onnxruntime.InferenceSession(SparkFiles.get(model_name), providers=["CPUExecutionProvider"])
        for batch in batches:
            features = batch[[f"x{k}" for k in range(width)]].to_numpy(dtype=np.float64)
            if np.isnan(features).any():
                bad = int(batch["row"].to_numpy()[np.isnan(features).any(axis=1)][0])
                raise ValueError(f"row {bad}: a model column is missing or not a number")
            error, predicted = session.run(["error", "predicted"], {"input": features.astype(np.float32)})
            out = pd.DataFrame({"row": batch["row"].astype("int64"), "error": error.astype(np.float64),
                                "predicted": predicted.astype(np.int32)})
            if has_label:
                out["label"] = batch["label"]
            if id_column:
                out["id"] = batch["id"]
            yield out

    scored = frame.mapInPandas(score_batches, schema=T.StructType(fields))
    if arguments.output.rstrip("/").lower().endswith(".parquet"):
        scored.write.parquet(arguments.output)
    else:
        scored.write.option("header", True).csv(arguments.output)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
