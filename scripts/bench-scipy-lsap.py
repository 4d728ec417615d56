#!/usr/bin/env python3
"""Times scipy.optimize.linear_sum_assignment on matrices written by
scripts/bench-lsap-compare.ts (raw little-endian float64, row-major, one
file per shape, named on the command line as FILE:ROWS:COLS). Only the solve
call is timed (time.perf_counter around linear_sum_assignment), after one
warm-up solve; prints one JSON line per shape:
{"file", "rows", "cols", "median_ms", "min_ms", "runs", "cost"}. Solves taking
over a second are repeated 3 times only.

Usage: python3 scripts/bench-scipy-lsap.py DIR FILE:ROWS:COLS [...] [--runs R]
"""
import json
import os
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment


def main():
    args = sys.argv[1:]
    runs = 5
    if "--runs" in args:
        k = args.index("--runs")
        runs = int(args[k + 1])
        del args[k:k + 2]
    folder, specs = args[0], args[1:]
    for spec in specs:
        name, rows, cols = spec.split(":")
        rows, cols = int(rows), int(cols)
        c = np.fromfile(os.path.join(folder, name), dtype="<f8").reshape(rows, cols)
        t = time.perf_counter()
        linear_sum_assignment(c)  # warm-up
        reps = runs if time.perf_counter() - t < 1 else 3
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            r, k = linear_sum_assignment(c)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        print(json.dumps({"file": name, "rows": rows, "cols": cols, "median_ms": times[len(times) // 2],
                          "min_ms": times[0], "runs": reps, "cost": float(c[r, k].sum())}), flush=True)


if __name__ == "__main__":
    main()
