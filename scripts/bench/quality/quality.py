"""Detection quality on the real-data sets of data/bench/ (issue 15): aesh against PyOD's
AutoEncoder and IForest and scikit-learn's PCA reconstruction, in the ODDS/ADBench protocol.

    python quality.py AESH WORK [--seeds 1,2,3,4,5] [--sets dna,iris] [--config NAME=COMMANDS]...
                      [--no-references] [--report BENCHMARKS.md]

Every set is split once by aesh (`split test=0.3 seed=42`: 70/30, stratified); the test rows aesh
scores (read back from `export`) define the split that every reference uses too, so all methods
train on the same normal rows of the train part and are judged on the same test rows. Each model
is trained with each seed; ROC AUC and average precision (scikit-learn's) on the test part.
aesh runs through its own command line (a script of these lines, `aesh FILE.aesh`); COMMANDS are the lines between `split` and
`errors`, with {d} (the feature count), {d2} (max(1, d/2)), {d4} (max(1, d/4)), {seed} and
any other {expression} of d, n (the normal rows of the train part) and seed filled in. Prints one line per result on standard output: set, method, seed, ROC AUC, AP, and
for aesh the seconds its `train` cell took."""
import argparse
import math
import os
import re
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATA = os.path.join(ROOT, "data", "bench")

# The aesh configurations every run measures: the defaults (no scale, no model, no epochs=), the
# same with standard scaling, the protocol network of issue 15, and the defaults before issue 15
# named outright (no scaling, d → d/2 → d with a sigmoid output, 50 epochs), for the speed and
# quality they had, in the same run.
CONFIGS = {
    "aesh default": "train seed={seed}",
    "aesh scale standard": "scale standard; train seed={seed}",
    "aesh protocol net": "scale standard; model {d2},{d4},{d2} output=linear; train epochs=100 batch=64 seed={seed}",
    "aesh default before issue 15": "scale none; model {d2} output=sigmoid; train epochs=50 seed={seed}",
    "aesh scale standard before issue 15": "scale standard; model {d2} output=sigmoid; train epochs=50 seed={seed}",
}


def read_set(name):
    path = os.path.join(DATA, name + ".csv")
    with open(path) as handle:
        header = handle.readline().strip().split(",")
    table = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    label = header.index("label")
    features = np.delete(table, label, axis=1)
    return path, features, table[:, label].astype(int)


def elapsed_seconds(text):
    """Seconds aesh echoed for its `train` cell ("(1.23 s)", "(456 ms)", "(1 min 2.3 s)")."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if re.match(r"^In \[\d+\]: train\b", line):
            for later in lines[i + 1:]:
                m = re.fullmatch(r"\((.*)\)", later.strip())
                if m:
                    t = m.group(1)
                    if " min " in t:
                        minutes, _, rest = t.partition(" min ")
                        return float(minutes) * 60 + float(rest.split()[0])
                    value, unit = t.split()[:2]
                    return float(value) / 1000 if unit == "ms" else float(value)
    return float("nan")


def fill(commands, **values):
    """COMMANDS with each {expression} replaced by its value (d2 and d4 included)."""
    values.update(d2=max(1, values["d"] // 2), d4=max(1, values["d"] // 4))
    names = {"max": max, "min": min, "round": round, "ceil": math.ceil, "sqrt": math.sqrt}
    return re.sub(r"\{([^}]*)\}", lambda m: str(eval(m.group(1), names, dict(values))), commands)


def run_aesh(aesh, work, name, path, d, n, commands, seed):
    filled = fill(commands, d=d, n=n, seed=seed)
    export = os.path.join(work, f"{name}-{seed}.scores.csv")
    line = f"load {path} label=label; split test=0.3 seed=42; {filled}; errors top=0; export {export}"
    script = os.path.join(work, f"{name}-{seed}.aesh")
    with open(script, "w") as handle:
        handle.write("\n".join(part.strip() for part in line.split(";")) + "\n")
    done = subprocess.run([aesh, "--out", os.path.join(work, "out"), script], capture_output=True, text=True,
                          env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
    if done.returncode != 0:
        sys.exit(f"quality.py: aesh failed on {name} (seed {seed}): {line}\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    scores = np.loadtxt(export, delimiter=",", skiprows=1, usecols=(0, 1), ndmin=2)
    return scores[:, 0].astype(int), scores[:, 1], elapsed_seconds(done.stdout), done.stdout


def references(x_train, x_test, seeds):
    """(method, seed, scores) of PyOD's AutoEncoder and IForest (defaults) and PCA at 90 % variance."""
    import torch
    from pyod.models.auto_encoder import AutoEncoder
    from pyod.models.iforest import IForest
    from sklearn.decomposition import PCA
    from sklearn.preprocessing import StandardScaler
    torch.set_num_threads(1)
    out = []
    scaler = StandardScaler().fit(x_train)
    train_s, test_s = scaler.transform(x_train), scaler.transform(x_test)
    pca = PCA(n_components=0.9, svd_solver="full").fit(train_s)
    rebuilt = pca.inverse_transform(pca.transform(test_s))
    out.append(("PCA 90 %", 0, ((test_s - rebuilt) ** 2).sum(axis=1)))
    for seed in seeds:
        forest = IForest(random_state=seed).fit(x_train)
        out.append(("PyOD IForest", seed, forest.decision_function(x_test)))
        torch.manual_seed(seed)
        encoder = AutoEncoder(random_state=seed, verbose=0).fit(x_train)
        out.append(("PyOD AutoEncoder", seed, encoder.decision_function(x_test)))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("aesh")
    parser.add_argument("work")
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--sets", default="")
    parser.add_argument("--config", action="append", default=[], help="NAME=COMMANDS, replaces the built-in ones")
    parser.add_argument("--no-references", action="store_true")
    arguments = parser.parse_args()
    from sklearn.metrics import average_precision_score, roc_auc_score
    seeds = [int(s) for s in arguments.seeds.split(",")]
    names = arguments.sets.split(",") if arguments.sets else sorted(f[:-4] for f in os.listdir(DATA) if f.endswith(".csv"))
    configs = dict(c.split("=", 1) for c in arguments.config) if arguments.config else CONFIGS
    os.makedirs(arguments.work, exist_ok=True)
    for name in names:
        path, features, labels = read_set(name)
        d = features.shape[1]
        n = round(0.7 * int((labels == 0).sum()))
        test_rows = None
        for method, commands in configs.items():
            for seed in seeds:
                rows, errors, seconds, _ = run_aesh(arguments.aesh, arguments.work, name, path, d, n, commands, seed)
                if test_rows is None:
                    test_rows = rows
                elif not np.array_equal(rows, test_rows):
                    sys.exit(f"quality.py: aesh scored other test rows for {method} on {name}")
                y = labels[rows]
                print(f"{name}\t{method}\t{seed}\t{roc_auc_score(y, errors):.6f}\t{average_precision_score(y, errors):.6f}\t{seconds:.4f}", flush=True)
        if arguments.no_references:
            continue
        test = np.zeros(len(labels), dtype=bool)
        test[test_rows] = True
        train = ~test & (labels == 0)
        y = labels[test_rows]
        for method, seed, scores in references(features[train], features[test_rows], seeds):
            print(f"{name}\t{method}\t{seed}\t{roc_auc_score(y, scores):.6f}\t{average_precision_score(y, scores):.6f}\t", flush=True)


if __name__ == "__main__":
    main()
