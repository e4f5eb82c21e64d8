"""scikit-learn reference numbers for Tests/Fixtures/tsne-w3-3000-sklearn.json (issue 17, item 9).

Usage: sklearn_reference.py W2_CSV > Tests/Fixtures/tsne-w3-3000-sklearn.json
  W2_CSV is scripts/bench/gen_data's `w2` file (cc -O2 -o gen_data scripts/bench/gen_data.c -lm;
  ./gen_data w2 w2.csv). Its first 3,000 rows, label column dropped, are scaled as aesh's
  `scale standard` does (population sd, in float32) and embedded by sklearn.manifold.TSNE with
  2-D, perplexity 30, PCA init, learning rate 'auto' and the default Barnes-Hut gradient
  (angle 0.5), for 250 iterations (the end of early exaggeration) and for 300, each with seeds
  0, 1 and 2. For each run it records the embedding's spread (largest |coordinate| after
  centring, and the sd of each axis) and KL(P || Q) against the unexaggerated sparse P that
  sklearn itself builds (its 3 * perplexity + 1 nearest neighbours), with Q computed exactly over
  all pairs. (sklearn's own kl_divergence_ after 250 iterations is of the exaggerated P, so it is
  not what aesh reports.)
The environment: python3 -m venv .venv-tsne && .venv-tsne/bin/pip install scikit-learn numpy.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.manifold import TSNE, _t_sne
from sklearn.neighbors import NearestNeighbors

ROWS = 3000
PERPLEXITY = 30.0


def load(path):
    x = np.loadtxt(path, delimiter=",", skiprows=1, max_rows=ROWS, dtype=np.float64)[:, :-1].astype(np.float32)
    mean = x.astype(np.float64).mean(axis=0)
    sd = x.astype(np.float64).std(axis=0)
    sd[sd == 0] = 1
    return ((x - mean.astype(np.float32)) / sd.astype(np.float32)).astype(np.float32)


def sparse_p(x):
    """P exactly as sklearn's Barnes-Hut path builds it."""
    k = min(ROWS - 1, int(3.0 * PERPLEXITY + 1))
    knn = NearestNeighbors(n_neighbors=k, metric="euclidean").fit(x)
    distances = knn.kneighbors_graph(mode="distance")
    distances.data **= 2
    return _t_sne._joint_probabilities_nn(distances, PERPLEXITY, 0).tocoo()


def kl(p, y):
    y = y.astype(np.float64)
    squared = ((y[:, None, :] - y[None, :, :]) ** 2).sum(axis=2)
    w = 1.0 / (1.0 + squared)
    np.fill_diagonal(w, 0.0)
    z = w.sum()
    q = w[p.row, p.col] / z
    keep = p.data > 0
    return float(np.sum(p.data[keep] * np.log(p.data[keep] / q[keep])))


def main():
    x = load(sys.argv[1])
    p = sparse_p(x)
    runs = []
    for iterations in (250, 300):
        for seed in (0, 1, 2):
            y = TSNE(n_components=2, perplexity=PERPLEXITY, init="pca", learning_rate="auto",
                     max_iter=iterations, random_state=seed, method="barnes_hut", angle=0.5,
                     n_jobs=1).fit_transform(x).astype(np.float64)
            y -= y.mean(axis=0)
            runs.append({"iterations": iterations, "seed": seed,
                         "largest": float(np.abs(y).max()),
                         "sd": [float(s) for s in y.std(axis=0)],
                         "kl": kl(p, y)})
    json.dump({"what": "sklearn.manifold.TSNE on the first 3,000 rows of W3's data (gen_data w2), scaled standard; "
                       "2-D, perplexity 30, init pca, learning_rate auto, barnes_hut angle 0.5; made by "
                       "scripts/tsne/sklearn_reference.py",
               "sklearn": sklearn.__version__, "numpy": np.__version__, "rows": ROWS, "runs": runs},
              sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
