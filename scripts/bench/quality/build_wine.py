"""Builds data/bench/wine.csv from scikit-learn's bundled wine data (load_wine, no download), in
the ODDS manner: classes 1 and 2 (119 wines) normal, 10 of the 59 class-0 wines, drawn with
numpy.random.RandomState(42), anomalous. Run from the repository's top folder in a Python with
scikit-learn: python scripts/bench/quality/build_wine.py"""
import numpy as np
from sklearn.datasets import load_wine

wine = load_wine()
rare = np.flatnonzero(wine.target == 0)
chosen = np.sort(np.random.RandomState(42).choice(rare, size=10, replace=False))
rows = np.sort(np.concatenate([np.flatnonzero(wine.target != 0), chosen]))
names = [name.replace("/", "_") for name in wine.feature_names]
with open("data/bench/wine.csv", "w") as out:
    out.write(",".join(names + ["label"]) + "\n")
    for i in rows:
        out.write(",".join(f"{v:g}" for v in wine.data[i]) + f",{int(wine.target[i] == 0)}\n")
print(f"wine           {len(rows)} rows x  {len(names)} features,  {len(chosen)} anomalies")
