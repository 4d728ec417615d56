#!/usr/bin/env python3
"""Writes test/fixtures/gap-scipy.json: reference results for the OR-Library
GAP files in data/gap, from scipy.optimize.milp (HiGHS, native
build) and scipy.optimize.linprog (the LP relaxation bound). Run once by hand
(python3 scripts/gap-reference.py [seconds per gapa-d instance]); the tests and
scripts/gap-report.ts read the committed JSON and never run python.

gap1-gap12 are solved as maximization (as OR-Library states them), gapa-gapd
as minimization. Each entry: name, sense, milp status ('optimal' or
'time limit'), value (best found), bound (milp's dual bound when it stopped
early) and lp (the LP relaxation optimum).
"""
import json
import os
import sys
import time

import numpy as np
import scipy
from scipy.optimize import Bounds, LinearConstraint, linprog, milp

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data", "gap"))
OUT = os.path.join(HERE, "..", "test", "fixtures", "gap-scipy.json")


def parse(path):
    tok = open(path).read().split()
    pos = 0

    def nxt():
        nonlocal pos
        pos += 1
        return float(tok[pos - 1])

    out = []
    for _ in range(int(nxt())):
        m, n = int(nxt()), int(nxt())
        c = np.array([[nxt() for _ in range(n)] for _ in range(m)])
        a = np.array([[nxt() for _ in range(n)] for _ in range(m)])
        b = np.array([nxt() for _ in range(m)])
        out.append((m, n, c, a, b))
    return out


def name_of(file, m, n, k):
    if file[3:].isdigit():
        return f"c{m}{n}-{k + 1}"
    return f"{file[3]}{m:02d}{n}"


def solve(m, n, c, a, b, maximize, limit):
    # variable x[i, j] (agent i, job j) at index i * n + j
    cost = (-c if maximize else c).ravel()
    assign = np.zeros((n, m * n))
    for j in range(n):
        assign[j, j::n] = 1
    cap = np.zeros((m, m * n))
    for i in range(m):
        cap[i, i * n:(i + 1) * n] = a[i]
    cons = [LinearConstraint(assign, 1, 1), LinearConstraint(cap, -np.inf, b)]
    t = time.time()
    r = milp(cost, constraints=cons, integrality=np.ones(m * n), bounds=Bounds(0, 1),
             options={"time_limit": limit, "mip_rel_gap": 0})
    secs = time.time() - t
    lp = linprog(cost, A_ub=cap, b_ub=b, A_eq=assign, b_eq=np.ones(n), bounds=(0, 1), method="highs")
    sign = -1 if maximize else 1
    entry = {
        "status": "optimal" if r.status == 0 else "time limit",
        "value": None if r.x is None else round(sign * float(r.fun), 6),
        "lp": round(sign * float(lp.fun), 6),
        "seconds": round(secs, 2),
    }
    bound = getattr(r, "mip_dual_bound", None)
    if r.status != 0 and bound is not None:
        entry["bound"] = round(sign * float(bound), 6)
    return entry


def main():
    limit = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
    files = [f"gap{k}" for k in range(1, 13)] + ["gapa", "gapb", "gapc", "gapd"]
    results = []
    for f in files:
        maximize = f[3:].isdigit()
        for k, (m, n, c, a, b) in enumerate(parse(os.path.join(DATA, f + ".txt"))):
            e = {"file": f, "name": name_of(f, m, n, k), "sense": "max" if maximize else "min"}
            e.update(solve(m, n, c, a, b, maximize, limit))
            results.append(e)
            print(json.dumps(e), flush=True)
    with open(OUT, "w") as fh:
        json.dump({"generator": f"scipy {scipy.__version__} milp/linprog (HiGHS), time limit {limit} s per instance",
                   "instances": results}, fh, indent=0)
        fh.write("\n")


if __name__ == "__main__":
    main()
