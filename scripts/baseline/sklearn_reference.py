"""scikit-learn reference numbers for the baselines (issue 15 item 4): scripts/baseline/sklearn-baselines.json.

Usage: sklearn_reference.py data/sonar.csv data/vehicle.csv > scripts/baseline/sklearn-baselines.json
The environment: python3 -m venv .venv-baseline && .venv-baseline/bin/pip install scikit-learn numpy.

For each file (a header row, feature columns, a 0/1 `label` column last):
  - the split: row i (counting data rows from 0) is a test row when i % 3 == 0, else a training
    row; the detectors are fitted on the training rows whose label is 0, as aesh fits them;
  - the rows are scaled as aesh's `scale standard` does, fitted on those rows: mean and population
    sd in float64, applied in float32 as (x - mean) * (1 / sd);
  - PCA: sklearn.decomposition.PCA(n_components=0.9, svd_solver="full"); a row's score is the mean
    squared difference between the row and inverse_transform(transform(row));
  - Isolation Forest: sklearn.ensemble.IsolationForest() with its defaults (100 trees,
    max_samples="auto" = min(256, rows), max_features=1.0, no bootstrap), random_state 0..4 (and the mean ROC AUC over random_state 0..99); a
    row's score is -score_samples(row), i.e. 2^(-E[h] / c(psi));
  - ROC AUC (roc_auc_score) and average precision (average_precision_score) of the test rows.
Tests/AutoencoderKitTests/BaselineReferenceTests.swift reads the JSON.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score, roc_auc_score

SEEDS = [0, 1, 2, 3, 4]
# The forest's ROC AUC moves by about 0.03 from seed to seed on these sets, so its mean over five
# seeds is known to about 0.015 only; the mean over 100 seeds pins it down to about 0.003.
MANY_SEEDS = range(100)


def load(path):
    table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    return table[:, :-1].astype(np.float32), table[:, -1].astype(np.int64)


def reference(path):
    x, y = load(path)
    index = np.arange(len(x))
    test = index % 3 == 0
    fit_rows = (~test) & (y == 0)
    mean = x[fit_rows].astype(np.float64).mean(axis=0)
    sd = x[fit_rows].astype(np.float64).std(axis=0)
    sd[sd == 0] = 1
    scaled = ((x - mean.astype(np.float32)) * (np.float32(1) / sd.astype(np.float32))).astype(np.float32)
    train, xt, yt = scaled[fit_rows], scaled[test], y[test]

    pca = PCA(n_components=0.9, svd_solver="full").fit(train)
    pca_errors = ((xt - pca.inverse_transform(pca.transform(xt))) ** 2).mean(axis=1)
    forests = []
    for seed in SEEDS:
        forest = IsolationForest(random_state=seed).fit(train)
        s = -forest.score_samples(xt)
        forests.append({"seed": seed, "roc_auc": roc_auc_score(yt, s), "average_precision": average_precision_score(yt, s)})
    many = [roc_auc_score(yt, -IsolationForest(random_state=seed).fit(train).score_samples(xt)) for seed in MANY_SEEDS]
    return {
        "file": path,
        "training_rows": int(fit_rows.sum()),
        "test_rows": int(test.sum()),
        "test_anomalies": int(yt.sum()),
        "pca": {
            "components": int(pca.n_components_),
            "explained_variance_ratio": [float(v) for v in pca.explained_variance_ratio_],
            "roc_auc": roc_auc_score(yt, pca_errors),
            "average_precision": average_precision_score(yt, pca_errors),
            "first_errors": [float(v) for v in pca_errors[:5]],
        },
        "iforest": {
            "max_samples": int(forest.max_samples_),
            "runs": forests,
            "mean_roc_auc": float(np.mean([f["roc_auc"] for f in forests])),
            "mean_average_precision": float(np.mean([f["average_precision"] for f in forests])),
            "mean_roc_auc_100_seeds": float(np.mean(many)),
            "sd_roc_auc_100_seeds": float(np.std(many, ddof=1)),
        },
    }


def main():
    result = {
        "what": "scikit-learn's PCA(n_components=0.9) reconstruction error and IsolationForest() on aesh's data/ sets; split: row % 3 == 0 is test, fitted on the other rows with label 0, standard-scaled on them; made by scripts/baseline/sklearn_reference.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "sets": [reference(path) for path in sys.argv[1:]],
    }
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
