#!/usr/bin/env python3
"""Times scipy.optimize.linear_sum_assignment for scripts/bench-lsap-compare.ts,
as a server so that its runs interleave with the JavaScript ones (load from
other processes then hits every implementation alike).

Reads requests from stdin, one per line: `FILE ROWS COLS REPS`, where FILE is
a raw little-endian float64 row-major matrix in DIR (the first argument).
The first request for a file loads it and runs one untimed warm-up solve.
Each request then times REPS solve calls (time.perf_counter around
linear_sum_assignment only) and answers one JSON line:
{"file", "times_ms": [...], "cost"}.

Usage: python3 scripts/bench-scipy-lsap.py DIR   (then requests on stdin)
"""
import json
import os
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main():
    folder = sys.argv[1]
    loaded = {}
    for line in sys.stdin:
        if not line.strip():
            continue
        name, rows, cols, reps = line.split()
        rows, cols, reps = int(rows), int(cols), int(reps)
        if name not in loaded:
            c = np.fromfile(os.path.join(folder, name), dtype="<f8").reshape(rows, cols)
            r, k = linear_sum_assignment(c)  # warm-up
            loaded = {name: (c, float(c[r, k].sum()))}  # keep one matrix in memory
        c, cost = loaded[name]
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            r, k = linear_sum_assignment(c)
            times.append((time.perf_counter() - t) * 1000)
            cost = float(c[r, k].sum())
        print(json.dumps({"file": name, "times_ms": times, "cost": cost}), flush=True)


if __name__ == "__main__":
    main()
