"""Turns scripts/bench.sh's raw samples into BENCHMARKS.md (standard library only).

Usage: report.py RESULTS.tsv BENCHMARKS.md --quick=0|1 --reference=0|1 [--only=score]
RESULTS.tsv holds `key<TAB>value` lines, one per sample. Everything above the history marker of
BENCHMARKS.md is rewritten; the hand-written history below it is kept.
"""
import datetime
import os
import subprocess
import sys
from collections import defaultdict

MARKER = "<!-- history: everything below this line is kept by scripts/bench.sh -->"


def load(path):
    samples = defaultdict(list)
    with open(path) as handle:
        for line in handle:
            key, _, value = line.rstrip("\n").partition("\t")
            if value == "":
                continue
            try:
                samples[key].append(float(value))
            except ValueError:
                samples[key].append(value)
    return samples


def median(values):
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def machine(core, loops=''):
    def run(*command):
        try:
            return subprocess.run(command, capture_output=True, text=True, check=False).stdout
        except OSError:
            return ""
    info = {}
    for line in run("lscpu").splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    memory = ""
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    swift = run("swift", "--version").splitlines()
    blas = [line.split()[2] for line in run("dpkg", "-l", "libopenblas0-pthread").splitlines() if line.startswith("ii")]
    env = ", ".join(f"{k}={os.environ[k]}" for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE") if k in os.environ)
    return [
        f"- CPU: {info.get('Model name', '?')} (family {info.get('CPU family', '?')}, model {info.get('Model', '?')}), "
        f"{info.get('CPU(s)', '?')} cores, {info.get('Hypervisor vendor', 'no')} hypervisor; memory {memory}",
        f"- Toolchain: {swift[0] if swift else '?'}; OpenBLAS {blas[0] if blas else '?'} (pthread)"
        + (f", run with {env} as this machine sets it" if env else "")
        + (f"; sgemm kernels: {core} (what aesh runs, and the sgemm probe with it)" if core else "")
        + (f"; batch loops: {loops} (AutoencoderKit's compilation for this processor)" if loops else ""),
    ]


class Report:
    def __init__(self, samples):
        self.s = samples
        self.targets = []

    def has(self, key):
        return key in self.s and len(self.s[key]) > 0

    def m(self, key):
        return median(self.s[key])

    def spread(self, key, digits=1, unit=""):
        values = self.s[key]
        fmt = f"{{:.{digits}f}}"
        return (f"{fmt.format(median(values))}{unit} (min {fmt.format(min(values))}, max "
                f"{fmt.format(max(values))}, {len(values)} runs)")

    def auc(self, key):
        return f"ROC AUC {self.m(key):.4f}" if self.has(key) else "ROC AUC ?"

    def target(self, name, met, detail):
        self.targets.append(f"| {name} | {'met' if met else 'NOT met'} | {detail} |")


def w3_section(r, samples):
    """W3, t-SNE: aesh's methods beside openTSNE and scikit-learn, and the targets of issue 3."""
    sizes = sorted({int(key.split(".")[2]) for key in samples if key.startswith("w3.aesh.")})
    if not sizes:
        return []
    lines = ["## W3, t-SNE (the first N rows of the W2 data, 64-D, unscaled; 2-D, perplexity 30, 1,000 iterations, PCA init)", "",
             "One run per size and method. Time: aesh's elapsed time for the `tsne on=input` command (affinities and "
             "optimisation; `load` not counted); the references' `fit` in Python (affinities and optimisation; import "
             "and CSV read not counted). KL: the final KL divergence each program reports for its own affinities. "
             "Trustworthiness: `sklearn.manifold.trustworthiness` (k = 10) of the same 2,000-row sample of the rows "
             "and their map (all rows at 2,000), computed by the same Python code for aesh (on its `export "
             "what=embedding` file) and the references.", "",
             "| rows | program | method | time | KL | trustworthiness |", "| --- | --- | --- | --- | --- | --- |"]

    def get(prefix, field):
        key = f"{prefix}.{field}"
        return r.m(key) if r.has(key) and isinstance(samples[key][0], float) else None

    def cell(value, fmt):
        return "?" if value is None else fmt.format(value)

    for n in sizes:
        auto = samples.get(f"w3.aesh.{n}.auto_method", ["?"])[0]
        rows = [("aesh", f"auto (= {auto})", f"w3.aesh.{n}.auto")]
        rows += [("aesh", m, f"w3.aesh.{n}.{m}") for m in ("bh", "fft", "exact")
                 if r.has(f"w3.aesh.{n}.{m}.seconds") and not (m == auto)]
        rows += [("openTSNE", "FFT, 2 jobs", f"w3.opentsne.{n}"), ("scikit-learn", "Barnes–Hut, 2 jobs", f"w3.sklearn.{n}")]
        for program, method, prefix in rows:
            if get(prefix, "seconds") is None:
                continue
            lines.append(f"| {n:,} | {program} | {method} | {cell(get(prefix, 'seconds'), '{:.2f} s')} | "
                         f"{cell(get(prefix, 'kl'), '{:.4f}')} | {cell(get(prefix, 'trust'), '{:.4f}')} |")
    lines.append("")

    # Ratios and the targets of issue 3, wherever this run has the figures they need.
    for n in sizes:
        ot, sk = f"w3.opentsne.{n}", f"w3.sklearn.{n}"
        auto = f"w3.aesh.{n}.auto"
        ratios = []
        for m in ("auto", "bh", "fft", "exact"):
            t = get(f"w3.aesh.{n}.{m}", "seconds")
            for name, prefix in (("openTSNE", ot), ("scikit-learn", sk)):
                ref = get(prefix, "seconds")
                if t is not None and ref is not None and (m != "bh" or samples.get(f"w3.aesh.{n}.auto_method", [""])[0] != "bh"):
                    ratios.append(f"{m} / {name} {t / ref:.2f}")
        if ratios:
            lines.append(f"- {n:,} rows, time aesh / reference: " + "; ".join(ratios))
        kl, ref_kl = get(auto, "kl"), get(ot, "kl")
        if kl is not None and ref_kl is not None:
            gap = kl / ref_kl - 1
            r.target(f"W3 {n:,} rows: KL within 3 % of openTSNE's (or lower)", abs(gap) <= 0.03 or kl <= ref_kl,
                     f"default {kl:.4f} vs {ref_kl:.4f} ({100 * gap:+.1f} %)")
        trust, refs = get(auto, "trust"), [v for v in (get(ot, "trust"), get(sk, "trust")) if v is not None]
        if trust is not None and refs:
            r.target(f"W3 {n:,} rows: trustworthiness ≥ better reference − 0.01", trust >= max(refs) - 0.01,
                     f"default {trust:.4f} vs {max(refs):.4f}")
        t, refs = get(auto, "seconds"), [v for v in (get(ot, "seconds"), get(sk, "seconds")) if v is not None]
        if n == 10000 and t is not None and refs:
            r.target("W3 10,000 rows: default ≤ 1/3 of the faster reference", t <= min(refs) / 3,
                     f"{t:.1f} s vs {min(refs):.1f} s = 1/{min(refs) / t:.1f}")
        bh, ref = get(f"w3.aesh.{n}.bh", "seconds"), get(sk, "seconds")
        if n == 10000 and bh is not None and ref is not None:
            r.target("W3 10,000 rows: bh faster than scikit-learn", bh < ref, f"{bh:.1f} s vs {ref:.1f} s")
        if n == 30000 and t is not None:
            r.target("W3 30,000 rows: default under a minute", t < 60, f"{t:.1f} s")
    fft = [(n, get(f"w3.aesh.{n}.fft", "seconds")) for n in sizes]
    fft = [(n, t) for n, t in fft if t is not None]
    if len(fft) > 1:
        lines.append("- fft growth, time per 1,000 points: " + ", ".join(f"{n:,} rows {1000 * t / n:.2f} s" for n, t in fft))
    lines.append("")
    return lines


def streaming_section(r, samples):
    """W6, streaming score, and W7, real time."""
    lines = []
    if r.has("w6.aesh.seconds"):
        rows, size_mb = r.m("w6.rows"), r.m("w6.bytes") / 1e6
        seconds = r.m("w6.aesh.seconds")
        lines += [f"## W6, streaming score: `aesh score` of a {rows:,.0f}-row × 10-column CSV ({size_mb:.0f} MB) "
                  "with the W1 model", ""]
        lines.append(f"- aesh: {r.spread('w6.aesh.seconds', 2, ' s')} for the whole process, writing the "
                     f"`row,error,predicted` CSV to a file: {rows / seconds / 1e6:.2f} M rows/s, {size_mb / seconds:.0f} MB/s; "
                     f"peak memory {r.spread('w6.aesh.peak_mb', 0, ' MB')}; {r.m('w6.aesh.anomalies'):,.0f} rows flagged")
        if r.has("w6.reference.seconds"):
            ref = r.m("w6.reference.seconds")
            versions = samples["w6.reference.versions"][0] if r.has("w6.reference.versions") else "pandas, ONNX Runtime"
            lines.append(f"- pandas.read_csv + ONNX Runtime on the exported model ({versions}; scripts/bench/score_reference.py, "
                         f"the read and the run timed, imports and writing not): {r.spread('w6.reference.seconds', 2, ' s')}, "
                         f"{rows / ref / 1e6:.2f} M rows/s; {r.m('w6.reference.anomalies'):,.0f} rows flagged; "
                         f"reference / aesh = {ref / seconds:.2f}")
            r.target("W6 at least 2× pandas.read_csv + ONNX Runtime", ref >= 2 * seconds, f"{ref / seconds:.2f}×")
            r.target("W6 flags the rows ONNX Runtime flags", r.m("w6.reference.anomalies") == r.m("w6.aesh.anomalies"),
                     f"{r.m('w6.aesh.anomalies'):,.0f} vs {r.m('w6.reference.anomalies'):,.0f}")
        peaks = [(1_000_000, r.m("w6.peak_mb.1000000") if r.has("w6.peak_mb.1000000") else None),
                 (rows, max(samples["w6.aesh.peak_mb"])),
                 (10_000_000, r.m("w6.peak_mb.10000000") if r.has("w6.peak_mb.10000000") else None)]
        peaks = sorted({n: p for n, p in peaks if p is not None}.items())
        lines.append("- peak memory by input size: " + ", ".join(f"{int(n):,} rows {p:.0f} MB" for n, p in peaks)
                     + (f" (10,000,000 rows in {r.m('w6.seconds.10000000'):.1f} s)" if r.has("w6.seconds.10000000") else ""))
        if len(peaks) > 1:
            (small_n, small), (large_n, large) = peaks[0], peaks[-1]
            r.target(f"W6 peak memory flat ({int(small_n):,} vs {int(large_n):,} rows within 20 %)", large <= 1.2 * small,
                     f"{small:.0f} vs {large:.0f} MB")
        lines.append("")
    if r.has("w7.p50_ms"):
        lines += ["## W7, real time: one row at a time through a pipe into `aesh score MODEL -`", ""]
        lines.append(f"- {r.m('w7.rows'):,.0f} rows, each written and flushed only after the previous row's line came back "
                     f"(scripts/bench/latency.py): latency p50 {r.m('w7.p50_ms'):.3f} ms, p99 {r.m('w7.p99_ms'):.3f} ms, "
                     f"max {r.m('w7.max_ms'):.1f} ms")
        r.target("W7 p99 latency under 1 ms", r.m("w7.p99_ms") < 1, f"{r.m('w7.p99_ms'):.3f} ms")
        lines.append("")
    return lines


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    samples = load(sys.argv[1])
    out_path = sys.argv[2]
    flags = dict(arg.lstrip("-").split("=") for arg in sys.argv[3:])
    quick, reference = flags.get("quick") == "1", flags.get("reference") == "1"
    r = Report(samples)
    if flags.get("only") == "score":
        lines = ["# Benchmarks W6 and W7", "", f"Measured by `scripts/bench.sh --score` on "
                 f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC.", ""]
        lines += machine("", samples['batch.loops'][0] if r.has('batch.loops') else '')
        if r.has("load.start") and r.has("load.end"):
            lines.append(f"- Load average (1 min) when the run started {r.m('load.start'):.2f}, when it ended "
                         f"{r.m('load.end'):.2f}: the 2 cores are shared with other work")
        lines += [""] + streaming_section(r, samples)
        lines += ["## Targets", "", "| target | this run | figure |", "| --- | --- | --- |"] + r.targets + [""]
        with open(out_path, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        print("\n".join(lines))
        return
    lines = ["# Benchmarks", "",
             f"Measured by `scripts/bench.sh{' --reference' if reference else ''}{' --quick' if quick else ''}` "
             f"on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC. Workloads W1–W7 as in DESIGN.md; "
             "medians with min/max of several runs. The machine is shared: absolute times drift from run to run, "
             "ratios from one run are what count.", ""]
    lines += machine(samples['blas.core'][0] if r.has('blas.core') else '',
                     samples['batch.loops'][0] if r.has('batch.loops') else '')
    if r.has("load.start") and r.has("load.end"):
        lines.append(f"- Load average (1 min) when the run started {r.m('load.start'):.2f}, when it ended "
                     f"{r.m('load.end'):.2f}: the 2 cores are shared with other work")
    if r.has("versions"):
        lines.append(f"- References: {samples['versions'][0]}, CPU, 2 threads")
    lines.append("")

    # W1
    lines += ["## W1, the seed replica (10 → 6 → 10, batch 32, 7,200 training + 800 validation rows)", ""]
    lines.append(f"- aesh: {r.spread('w1.aesh.long_epoch_ms', 3, ' ms')} per epoch over {'runs of many epochs'}, "
                 f"{r.auc('w1.aesh.long_auc')}; 20-epoch runs (the seed's): {r.spread('w1.aesh.epoch_ms', 3, ' ms')} per epoch, "
                 f"{r.auc('w1.aesh.auc')}")
    for fw, name, limit in (("torch", "PyTorch", 200), ("keras", "Keras", 400)):
        key = f"w1.{fw}.epoch_ms"
        if r.has(key):
            ratio = r.m("w1.aesh.long_epoch_ms") / r.m(key)
            lines.append(f"- {name}: {r.spread(key, 1, ' ms')} per epoch, {r.auc(f'w1.{fw}.auc')}; "
                         f"aesh / {name} = 1/{1 / ratio:.0f}")
            auc_gap = abs(r.m("w1.aesh.auc") - r.m(f"w1.{fw}.auc"))
            r.target(f"W1 ≤ 1/{limit} of {name}, AUC within 0.005", ratio <= 1 / limit and auc_gap <= 0.005,
                     f"1/{1 / ratio:.0f}, AUC gap {auc_gap:.4f}")
    lines.append("")

    # W2
    lines += ["## W2, wide (64 → 32 → 8 → 32 → 64, batch 256, 5 epochs)", ""]
    sizes = [64, 32, 8, 32, 64]
    products = sum(a * b for a, b in zip(sizes, sizes[1:]))
    train_rows, val_rows = r.m("w2.train_rows"), r.m("w2.val_rows")
    # Forward 2·in·out per row, backward 4·in·out (weight and input gradients) except the first
    # layer, which needs no input gradient; validation is forward only. Bias, activation and Adam
    # are left out (under 1 %).
    flops = train_rows * (6 * products - 2 * sizes[0] * sizes[1]) + val_rows * 2 * products
    t5, t20 = r.m("w2.aesh.seconds5"), r.m("w2.aesh.seconds20")
    epoch_ms = (t20 - t5) / 15 * 1000
    gflops = flops / (epoch_ms / 1000) / 1e9
    sgemm = r.m("sgemm.gflops")
    lines.append(f"- aesh: {epoch_ms:.1f} ms per epoch, {r.auc('w2.aesh.auc')}: the marginal cost of an epoch, "
                 f"(T20 − T5) / 15 from the median `train` times of 20 and of 5 epochs "
                 f"({t20 * 1000:.0f} and {t5 * 1000:.0f} ms, {len(samples['w2.aesh.seconds5'])} runs each), as the references time "
                 f"each epoch of their training loop; the whole 5-epoch command, with its fixed part (selecting and scaling "
                 f"the rows, scoring every training row after training), is {t5 * 1000 / 5:.1f} ms per epoch")
    lines.append(f"- work: {flops / 1e9:.2f} GFLOP per epoch ({train_rows:,.0f} training rows, {val_rows:,.0f} validation rows); "
                 f"achieved {gflops:.1f} GFLOP/s = {100 * gflops / sgemm:.0f} % of sgemm's "
                 f"{r.spread('sgemm.gflops', 1, ' GFLOP/s')} (2048², both cores, this machine; on one thread "
                 f"{r.m('sgemm.gflops1'):.1f} GFLOP/s, and aesh runs its batch-sized products on one thread)")
    r.target("W2 ≥ 30 % of sgemm GFLOP/s", gflops >= 0.3 * sgemm, f"{100 * gflops / sgemm:.0f} %")
    for fw, name in (("torch", "PyTorch"), ("keras", "Keras")):
        key = f"w2.{fw}.epoch_ms"
        if r.has(key):
            ratio = epoch_ms / r.m(key)
            lines.append(f"- {name}: {r.spread(key, 1, ' ms')} per epoch, {r.auc(f'w2.{fw}.auc')}; aesh / {name} = 1/{1 / ratio:.1f}")
            if fw == "torch":
                r.target("W2 ≤ 1/8 of PyTorch", ratio <= 1 / 8, f"1/{1 / ratio:.1f}")
    lines.append("")

    lines += w3_section(r, samples)

    # Scoring
    lines += ["## Scoring with the W1 model (1,000,000 rows from memory)", ""]
    rate = r.m("score.aesh.rows_per_s")
    lines.append(f"- aesh: {rate / 1e6:.1f} M rows/s (min {min(samples['score.aesh.rows_per_s']) / 1e6:.1f}, "
                 f"max {max(samples['score.aesh.rows_per_s']) / 1e6:.1f}, {len(samples['score.aesh.rows_per_s'])} runs): "
                 "forward pass and per-row MSE (`ReconstructionErrors.compute`, scripts/bench/score.swift)")
    if r.has("score.torch.rows_per_s"):
        torch_rate = r.m("score.torch.rows_per_s")
        lines.append(f"- PyTorch (no_grad, whole batch): {torch_rate / 1e6:.1f} M rows/s; aesh / PyTorch = {rate / torch_rate:.1f}×")
    r.target("scoring ≥ 20 M rows/s", rate >= 20e6, f"{rate / 1e6:.1f} M rows/s")
    lines.append("")

    # W4
    lines += ["## W4, loading a 1,000,000 × 10 CSV of floats", ""]
    size_mb = r.m("w4.bytes") / 1e6
    load_ms = r.m("w4.aesh.load_ms")
    peak = r.m("w4.aesh.peak_mb")
    limit = 3 * 40 + 50  # 3 × the Float32 size of the data (40 MB) + 50 MB
    lines.append(f"- aesh `load`: {r.spread('w4.aesh.load_ms', 0, ' ms')} ({size_mb / (load_ms / 1000):.0f} MB/s of a "
                 f"{size_mb:.0f} MB file); whole process {r.spread('w4.aesh.process_ms', 0, ' ms')}; "
                 f"peak memory {r.spread('w4.aesh.peak_mb', 0, ' MB')}")
    if r.has("w4.pandas.load_ms"):
        pandas_ms = r.m("w4.pandas.load_ms")
        lines.append(f"- pandas.read_csv: {r.spread('w4.pandas.load_ms', 0, ' ms')}; peak memory of a process that "
                     f"imports pandas and reads the file {r.m('w4.pandas.peak_mb'):.0f} MB; aesh / pandas = {load_ms / pandas_ms:.2f}")
        r.target("W4 faster than pandas.read_csv", load_ms < pandas_ms, f"{load_ms:.0f} ms vs {pandas_ms:.0f} ms")
    r.target("W4 peak memory < 170 MB", peak < limit, f"{peak:.0f} MB")
    lines.append("")

    # W5
    lines += ["## W5, start-up: `aesh -c help` as a whole process", ""]
    start = r.m("w5.aesh.ms")
    lines.append(f"- aesh: {r.spread('w5.aesh.ms', 1, ' ms')}")
    for module in ("torch", "tensorflow"):
        if r.has(f"w5.{module}.ms"):
            lines.append(f"- `python -c 'import {module}'`: {r.spread(f'w5.{module}.ms', 0, ' ms')}")
    r.target("W5 < 20 ms median", start < 20, f"{start:.1f} ms")
    lines.append("")

    lines += streaming_section(r, samples)

    lines += ["## Targets (issues 5, 3 and 16)", "", "| target | this run | figure |", "| --- | --- | --- |"] + r.targets
    if not reference:
        lines += ["", "Targets that need a reference are only judged by `scripts/bench.sh --reference`."]
    lines.append("")

    history = ""
    if os.path.exists(out_path):
        with open(out_path) as handle:
            text = handle.read()
        if MARKER in text:
            history = text[text.index(MARKER):]
    with open(out_path, "w") as handle:
        handle.write("\n".join(lines) + "\n" + (history or MARKER + "\n"))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
