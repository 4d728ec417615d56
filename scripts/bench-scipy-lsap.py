#!/usr/bin/env python3
"""Times scipy.optimize.linear_sum_assignment on matrices written by
scripts/bench-lsap-compare.ts (raw little-endian float64, row-major, one
file per size: <dir>/lsap-<n>.f64). Only the solve call is timed
(time.perf_counter around linear_sum_assignment), after one warm-up solve;
prints one JSON line per size: {"n", "median_ms", "min_ms", "runs", "cost"}.

Usage: python3 scripts/bench-scipy-lsap.py DIR N [N ...] [--runs R]
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
    folder, sizes = args[0], [int(a) for a in args[1:]]
    for n in sizes:
        c = np.fromfile(os.path.join(folder, f"lsap-{n}.f64"), dtype="<f8").reshape(n, n)
        linear_sum_assignment(c)  # warm-up
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            r, k = linear_sum_assignment(c)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        print(json.dumps({"n": n, "median_ms": times[len(times) // 2], "min_ms": times[0], "runs": runs,
                          "cost": float(c[r, k].sum())}), flush=True)


if __name__ == "__main__":
    main()
