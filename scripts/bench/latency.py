#!/usr/bin/env python3
"""W7: one row at a time through a pipe into `aesh score MODEL -`, each row's latency.

    latency.py AESH MODEL INPUT.csv ROWS

Starts `AESH score MODEL -` with pipes, writes INPUT's header, then ROWS data rows one at a time:
each is written and flushed, and the clock stops when its result line has been read back; the
next row is written only then. Prints `p50_ms`, `p99_ms`, `max_ms` and `rows`. Standard library only.
"""
import os
import subprocess
import sys
import time


def main(aesh, model, input_path, count):
    with open(input_path) as handle:
        header = handle.readline()
        rows = [handle.readline() for _ in range(count)]
    rows = [row for row in rows if row]
    process = subprocess.Popen([aesh, "score", model, "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               bufsize=0, env=dict(os.environ, SWIFT_BACKTRACE="enable=no"))
    output = process.stdout
    process.stdin.write(header.encode())
    latencies = []
    pending = b""

    def read_line():
        nonlocal pending
        while b"\n" not in pending:
            chunk = os.read(output.fileno(), 65536)
            if not chunk:
                sys.exit("latency: aesh score ended early")
            pending += chunk
        line, _, pending = pending.partition(b"\n")
        return line

    for k, row in enumerate(rows):
        start = time.perf_counter()
        process.stdin.write(row.encode())
        if k == 0:
            read_line()  # the header line comes with the first row's answer
        read_line()
        latencies.append(time.perf_counter() - start)
    process.stdin.close()
    process.wait()
    latencies.sort()

    def percentile(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    print(f"p50_ms {percentile(0.50):.4f}")
    print(f"p99_ms {percentile(0.99):.4f}")
    print(f"max_ms {latencies[-1] * 1000:.4f}")
    print(f"rows {len(latencies)}")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
