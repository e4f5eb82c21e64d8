"""The reference side of scripts/bench.sh: the same workloads in PyTorch, Keras/TensorFlow and pandas.

Usage: reference.py WORKLOAD FRAMEWORK [DATA_DIR]
  W1 torch|keras     seed replica, 20 epochs: prints `epoch_ms <median per-epoch ms>` and `auc <ROC AUC>`
  W2 torch|keras     wide, 5 epochs on DATA_DIR/w2.csv: the same two lines
  score torch        rows/second of a W1-trained model on 1,000,000 rows from memory (5 lines `rows_per_s`)
  W4 pandas          pandas.read_csv of DATA_DIR/w4.csv: `load_ms` per read (3 lines)
  W3 opentsne|sklearn N   t-SNE of the first N rows of DATA_DIR/w2.csv (64-D, unscaled), 2-D,
                     perplexity 30, 1,000 iterations (250 of them exaggerated ×12), PCA init, 2 jobs:
                     prints `seconds`, `kl` (the final KL divergence the library reports) and `trust`
  W3 trust N EMBEDDING.csv   trustworthiness of an aesh `export what=embedding` file against the
                     first N rows of w2.csv, so aesh and the references are judged by the same code
The protocol mirrors the aesh scripts: stratified 80/20 split (seed 42), standard scaling fitted on
the normal training rows, training on those rows with 10 % held out for a validation loss each
epoch, Adam on MSE, per-row MSE as the score, ROC AUC on the test part. Both frameworks run on the
CPU with 2 threads. W1's data comes from the same distributions as aesh's `generate`, not the same
draws.
"""
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("CUDA_VISIBLE_DEVICES", "")
THREADS = 2


def seed_data():
    import numpy as np
    rng = np.random.default_rng(42)
    normal = rng.normal(0, 1, size=(10000, 10))
    anomalies = rng.normal(5, 1, size=(1000, 10))
    x = np.vstack([normal, anomalies]).astype(np.float32)
    y = np.concatenate([np.zeros(10000), np.ones(1000)]).astype(np.int64)
    return x, y


def wide_data(data_dir):
    import pandas as pd
    frame = pd.read_csv(os.path.join(data_dir, "w2.csv"))
    y = frame.pop("label").to_numpy()
    return frame.to_numpy(dtype="float32"), y


def prepare(x, y):
    """Split, scale on the normal training rows, hold out 10 % of them for validation."""
    import numpy as np
    from sklearn.model_selection import train_test_split
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=42)
    normal = x_train[y_train == 0]
    mean, sd = normal.mean(axis=0), normal.std(axis=0)
    sd[sd == 0] = 1
    scale = lambda a: ((a - mean) / sd).astype(np.float32)
    normal, x_test = scale(normal), scale(x_test)
    rng = np.random.default_rng(42)
    order = rng.permutation(len(normal))
    held = max(1, len(normal) // 10)
    return normal[order[held:]], normal[order[:held]], x_test, y_test


def torch_run(x_train, x_val, x_test, y_test, hidden, output, epochs, batch):
    import numpy as np
    import torch
    from sklearn.metrics import roc_auc_score
    torch.set_num_threads(THREADS)
    torch.manual_seed(42)
    sizes = [x_train.shape[1]] + hidden + [x_train.shape[1]]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        last = i == len(sizes) - 2
        if not last:
            layers.append(torch.nn.ReLU())
        elif output == "sigmoid":
            layers.append(torch.nn.Sigmoid())
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    loss_fn = torch.nn.MSELoss()
    train, val, test = torch.from_numpy(x_train), torch.from_numpy(x_val), torch.from_numpy(x_test)
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        model.train()
        for idx in torch.randperm(len(train)).split(batch):
            xb = train[idx]
            optimizer.zero_grad()
            loss = loss_fn(model(xb), xb)
            loss.backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            float(loss_fn(model(val), val))
        times.append(time.perf_counter() - start)
    with torch.no_grad():
        scores = ((model(test) - test) ** 2).mean(dim=1).numpy()
    return times, roc_auc_score(y_test, scores), model


def keras_run(x_train, x_val, x_test, y_test, hidden, output, epochs, batch):
    import numpy as np
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(THREADS)
    tf.config.threading.set_inter_op_parallelism_threads(THREADS)
    import keras
    from sklearn.metrics import roc_auc_score
    keras.utils.set_random_seed(42)
    model = keras.Sequential([keras.Input(shape=(x_train.shape[1],))]
                             + [keras.layers.Dense(h, activation="relu") for h in hidden]
                             + [keras.layers.Dense(x_train.shape[1], activation=output)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.001), loss="mse")

    class EpochTimes(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.times = []

        def on_epoch_begin(self, epoch, logs=None):
            self.start = time.perf_counter()

        def on_epoch_end(self, epoch, logs=None):
            self.times.append(time.perf_counter() - self.start)

    timer = EpochTimes()
    model.fit(x_train, x_train, epochs=epochs, batch_size=batch, shuffle=True,
              validation_data=(x_val, x_val), callbacks=[timer], verbose=0)
    reconstructed = model.predict(x_test, batch_size=4096, verbose=0)
    scores = ((reconstructed - x_test) ** 2).mean(axis=1)
    return timer.times, roc_auc_score(y_test, scores), model


TRUST_SAMPLE = 2000


def tsne_rows(data_dir, count):
    """The first `count` feature rows of w2.csv, as aesh's `load` of the same head sees them."""
    import pandas as pd
    frame = pd.read_csv(os.path.join(data_dir, "w2.csv"), nrows=count)
    frame.pop("label")
    return frame.to_numpy(dtype="float64")


def trust(x, y):
    """Trustworthiness (k = 10) on a fixed 2,000-row sample (all rows when there are fewer)."""
    import numpy as np
    from sklearn.manifold import trustworthiness
    sample = np.arange(len(x))
    if len(x) > TRUST_SAMPLE:
        sample = np.sort(np.random.default_rng(42).choice(len(x), TRUST_SAMPLE, replace=False))
    return trustworthiness(x[sample], y[sample], n_neighbors=10)


def tsne_run(framework, x):
    """(seconds, KL, embedding) of one 2-D t-SNE fit; the time covers affinities and optimisation."""
    import numpy as np
    if framework == "opentsne":
        from openTSNE import TSNE
        # openTSNE counts the exaggerated iterations apart: 250 + 750 = 1,000.
        model = TSNE(n_components=2, perplexity=30, early_exaggeration=12, early_exaggeration_iter=250,
                     n_iter=750, initialization="pca", negative_gradient_method="fft", n_jobs=THREADS,
                     random_state=42, verbose=False)
        start = time.perf_counter()
        embedding = model.fit(x)
        return time.perf_counter() - start, float(embedding.kl_divergence), np.asarray(embedding)
    from sklearn.manifold import TSNE
    model = TSNE(n_components=2, perplexity=30, early_exaggeration=12, max_iter=1000, init="pca",
                 learning_rate="auto", method="barnes_hut", angle=0.5, n_jobs=THREADS, random_state=42)
    start = time.perf_counter()
    embedding = model.fit_transform(x)
    return time.perf_counter() - start, float(model.kl_divergence_), embedding


def median(values):
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    workload, framework = sys.argv[1], sys.argv[2]
    data_dir = sys.argv[3] if len(sys.argv) > 3 else "."
    runners = {"torch": torch_run, "keras": keras_run}
    if workload in ("W1", "W2"):
        if workload == "W1":
            x, y = seed_data()
            shape = dict(hidden=[6], output="sigmoid", epochs=20, batch=32)
        else:
            x, y = wide_data(data_dir)
            shape = dict(hidden=[32, 8, 32], output="linear", epochs=5, batch=256)
        times, auc, _ = runners[framework](*prepare(x, y), **shape)
        print(f"epoch_ms {median(times) * 1000:.3f}")
        print(f"auc {auc:.6f}")
    elif workload == "score" and framework == "torch":
        import numpy as np
        import torch
        x, y = seed_data()
        _, _, model = torch_run(*prepare(x, y), hidden=[6], output="sigmoid", epochs=2, batch=32)
        data = torch.from_numpy(np.random.default_rng(7).normal(size=(1_000_000, 10)).astype(np.float32))
        with torch.no_grad():
            ((model(data) - data) ** 2).mean(dim=1)  # warm-up
            for _ in range(5):
                start = time.perf_counter()
                scores = ((model(data) - data) ** 2).mean(dim=1)
                elapsed = time.perf_counter() - start
                assert scores.shape[0] == data.shape[0]
                print(f"rows_per_s {len(data) / elapsed:.0f}")
    elif workload == "W4" and framework == "pandas":
        import pandas as pd
        path = os.path.join(data_dir, "w4.csv")
        for _ in range(3):
            start = time.perf_counter()
            frame = pd.read_csv(path)
            elapsed = time.perf_counter() - start
            assert frame.shape == (1_000_000, 10)
            print(f"load_ms {elapsed * 1000:.1f}")
    elif workload == "W3" and framework in ("opentsne", "sklearn") and len(sys.argv) > 4:
        x = tsne_rows(data_dir, int(sys.argv[4]))
        seconds, kl, embedding = tsne_run(framework, x)
        print(f"seconds {seconds:.3f}")
        print(f"kl {kl:.6f}")
        print(f"trust {trust(x, embedding):.6f}")
    elif workload == "W3" and framework == "trust" and len(sys.argv) > 5:
        import numpy as np
        import pandas as pd
        x = tsne_rows(data_dir, int(sys.argv[4]))
        frame = pd.read_csv(sys.argv[5])
        # `row` counts data rows of the loaded file from 0: put the map back in file order.
        order = frame["row"].to_numpy()
        if len(order) != len(x) or sorted(order) != list(range(len(x))):
            sys.exit(f"{sys.argv[5]}: expected rows 0..{len(x) - 1}, got {len(order)} rows")
        y = np.empty((len(x), 2))
        y[order] = frame[["x", "y"]].to_numpy(dtype="float64")
        print(f"trust {trust(x, y):.6f}")
    else:
        sys.exit(f"unknown workload/framework: {workload} {framework}")


if __name__ == "__main__":
    main()
