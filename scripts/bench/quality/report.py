"""Turns quality.py's result lines into the detection-quality section of BENCHMARKS.md.

    python report.py RESULTS.tsv BENCHMARKS.md [--note TEXT]

The section sits between two markers inside the part of BENCHMARKS.md that scripts/bench.sh keeps,
so the speed benchmarks and this one can be rerun apart; a rerun replaces only its own section."""
import collections
import datetime
import os
import statistics
import subprocess
import sys

START = "<!-- quality: the section scripts/bench.sh --quality writes, up to the end marker -->"
END = "<!-- quality: end -->"
HISTORY = "<!-- history: everything below this line is kept by scripts/bench.sh -->"
REFERENCES = ("PyOD AutoEncoder", "PyOD IForest", "PCA 90 %")


def processor():
    info = {}
    try:
        text = subprocess.run(["lscpu"], capture_output=True, text=True, check=False).stdout
    except OSError:
        text = ""
    for line in text.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return f"{info.get('Model name', '?')} (family {info.get('CPU family', '?')}, model {info.get('Model', '?')}), {info.get('CPU(s)', '?')} cores"


def main():
    results, out_path = sys.argv[1], sys.argv[2]
    note = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--note" else ""
    auc, ap, secs = collections.defaultdict(list), collections.defaultdict(list), collections.defaultdict(list)
    sets, methods = [], []
    with open(results) as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 5:
                continue
            name, method, _seed, a, p = fields[:5]
            if name not in sets:
                sets.append(name)
            if method not in methods:
                methods.append(method)
            auc[name, method].append(float(a))
            ap[name, method].append(float(p))
            if len(fields) > 5 and fields[5]:
                secs[name, method].append(float(fields[5]))
    shapes = {}
    for name in sets:
        path = os.path.join(os.path.dirname(os.path.abspath(out_path)), "data", "bench", name + ".csv")
        if os.path.exists(path):
            with open(path) as handle:
                d = len(handle.readline().split(",")) - 1
                labels = [line.rstrip().rsplit(",", 1)[-1] for line in handle]
            shapes[name] = f"{len(labels)} × {d}, {labels.count('1')} anomalies"

    def cell(values):
        if not values:
            return ""
        if len(values) == 1:
            return f"{values[0]:.3f}"
        return f"{statistics.mean(values):.3f} ± {statistics.stdev(values):.3f}"

    lines = [START, "", "## Detection quality on real data (`scripts/bench.sh --quality`, issue 15)", "",
             f"Measured on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, {processor()}. "
             "The sets of data/bench/ (data/bench/README.md: source, licence, how built); 70/30 stratified split "
             "by aesh (`split test=0.3 seed=42`), every method trained on the normal rows of the train part and "
             "judged on the same test rows; seeds 1–5 for every seeded model (PCA has no seed); ROC AUC and "
             "average precision (AP) from scikit-learn, mean ± sd over the seeds.", ""]
    if note:
        lines += [note, ""]
    lines += ["| method | mean ROC AUC | mean AP | sets |", "| --- | --- | --- | --- |"]
    means = {}
    for method in methods:
        have = [s for s in sets if auc[s, method]]
        m_auc = statistics.mean(statistics.mean(auc[s, method]) for s in have)
        m_ap = statistics.mean(statistics.mean(ap[s, method]) for s in have)
        means[method] = (m_auc, m_ap, len(have))
        lines.append(f"| {method} | {m_auc:.3f} | {m_ap:.3f} | {len(have)} |")
    refs = [m for m in REFERENCES if m in means and means[m][2] == len(sets)]
    if refs:
        best_auc = max(refs, key=lambda m: means[m][0])
        best_ap = max(refs, key=lambda m: means[m][1])
        lines += ["", f"Best reference: ROC AUC {means[best_auc][0]:.3f} ({best_auc}), AP {means[best_ap][1]:.3f} ({best_ap}). "
                  "Issue 15's target for aesh's defaults: ROC AUC ≥ best + 0.02 = "
                  f"{means[best_auc][0] + 0.02:.3f} and AP ≥ {means[best_ap][1]:.3f}."]
        for method in methods:
            if method.startswith("aesh"):
                m_auc, m_ap, _ = means[method]
                met = m_auc >= means[best_auc][0] + 0.02 and m_ap >= means[best_ap][1]
                lines.append(f"- {method}: ROC AUC {m_auc - means[best_auc][0]:+.3f}, AP {m_ap - means[best_ap][1]:+.3f} "
                             f"against the best reference: target {'met' if met else 'not met'}")
    largest = max(sets, key=lambda s: os.path.getsize(os.path.join(os.path.dirname(os.path.abspath(out_path)), "data", "bench", s + ".csv"))
                  if os.path.exists(os.path.join(os.path.dirname(os.path.abspath(out_path)), "data", "bench", s + ".csv")) else 0)
    for now, before in (("aesh default", "aesh default before issue 15"), ("aesh scale standard", "aesh scale standard before issue 15")):
        if secs[largest, now] and secs[largest, before]:
            t, t0 = min(secs[largest, now]), min(secs[largest, before])
            lines.append(f"- speed: `train` for {now} on the largest set ({largest}) took {t:.2f} s (fastest of "
                         f"{len(secs[largest, now])}) against {t0:.2f} s for {before}: {t / t0:.2f}× (issue 15 allows 3×; "
                         "on a machine shared with other work these times are only as steady as its load)")
    for name in sets:
        lines += ["", f"### {name} ({shapes.get(name, '')})", "", "| method | ROC AUC | AP | train (s) |", "| --- | --- | --- | --- |"]
        for method in methods:
            if auc[name, method]:
                t = f"{statistics.median(secs[name, method]):.3f}" if secs[name, method] else ""
                lines.append(f"| {method} | {cell(auc[name, method])} | {cell(ap[name, method])} | {t} |")
    lines += ["", END]
    section = "\n".join(lines) + "\n"

    text = open(out_path).read() if os.path.exists(out_path) else ""
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + section.rstrip("\n") + rest.split(END, 1)[1]
    elif HISTORY in text:
        before, after = text.split(HISTORY, 1)
        text = before + HISTORY + "\n\n" + section + after
    else:
        text = text + ("\n" if text else "") + HISTORY + "\n\n" + section
    tmp = out_path + ".tmp"
    with open(tmp, "w") as handle:
        handle.write(text)
    os.replace(tmp, out_path)
    print(section)


if __name__ == "__main__":
    main()
