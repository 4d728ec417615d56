#!/usr/bin/env python3
"""Proved bounds on the optimal makespan of Braun et al. (2001) instances
(data/hcsp, 512 tasks x 16 devices), for issue 15's goal "local search within
0.5% of the LP bound".

For each instance: the LP bound (scipy.optimize.linprog, HiGHS) and the MILP
  minimize C  s.t.  sum_j x_ij = 1 (each task i once),
                    sum_i c_ij x_ij <= C (each device j),  x_ij in {0, 1}
solved by scipy.optimize.milp (HiGHS branch and cut) within a time limit.
Reported: the MILP's proved lower bound (HiGHS's dual bound), its best
solution (makespan recomputed here from the rounded assignment), and both as
% above the LP bound, next to the goal 1.005 x LP. If the dual bound exceeds
1.005 x LP the goal is provably impossible on that instance; if the best
solution is at or below it the goal is reachable (the solution proves it).

    python3 scripts/braun-milp-bound.py [--time 300] [--only u_i_hihi.0,...] [--out bench/X.md] [--cap-at-goal]

--cap-at-goal adds C <= 1.005 x LP: HiGHS then either finds an assignment
within the goal (reachable) or proves there is none (status infeasible:
the goal is impossible on that instance).

    python3 scripts/braun-milp-bound.py --solutions DIR [--only ...]

recomputes the makespans of published solution files DIR/<instance>_*.sol
(format of github.com/chgogos/hcsp: 512 device indices) against the LP bound.

Runs one instance at a time (HiGHS's MIP is single-threaded here). Not part of
the test suite; needs numpy and scipy (>= 1.9: milp, mip_dual_bound).
"""
import argparse
import os
import platform
import sys
import time

import numpy as np
import scipy
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "hcsp")
FAILING = ["u_i_hihi.0", "u_i_lohi.0", "u_s_lohi.0", "u_s_hihi.0"]


def read(name, n=512, m=16):
    vals = [float(t) for t in open(os.path.join(DATA, name)).read().split()]
    if len(vals) == n * m + 3:  # a copy with the "512 16 0" header
        vals = vals[3:]
    assert len(vals) == n * m, f"{name}: {len(vals)} numbers"
    return np.array(vals).reshape(n, m)


def model(c):
    """Variables x_ij (task-major, index i*m + j), then C. Returns (A, lo, hi, obj)."""
    n, m = c.shape
    nv = n * m + 1
    rows, cols, vals = [], [], []
    for i in range(n):  # sum_j x_ij = 1
        for j in range(m):
            rows.append(i); cols.append(i * m + j); vals.append(1.0)
    for j in range(m):  # sum_i c_ij x_ij - C <= 0
        for i in range(n):
            rows.append(n + j); cols.append(i * m + j); vals.append(c[i, j])
        rows.append(n + j); cols.append(n * m); vals.append(-1.0)
    A = csr_matrix((vals, (rows, cols)), shape=(n + m, nv))
    lo = np.concatenate([np.ones(n), np.full(m, -np.inf)])
    hi = np.concatenate([np.ones(n), np.zeros(m)])
    obj = np.zeros(nv)
    obj[-1] = 1.0
    return A, lo, hi, obj


def lp_bound(c):
    """LP optimum, certified from the device duals: for w >= 0 with sum w = 1,
    every assignment has makespan >= sum_j w_j load_j >= sum_i min_j w_j c_ij."""
    A, lo, hi, obj = model(c)
    n, m = c.shape
    res = linprog(obj, A_ub=A[n:], b_ub=np.zeros(m), A_eq=A[:n], b_eq=np.ones(n),
                  bounds=[(0, None)] * (n * m + 1), method="highs")
    assert res.status == 0, res.message
    w = np.maximum(0.0, -np.asarray(res.ineqlin.marginals))
    w = w / w.sum()
    cert = float(np.min(c * w[None, :], axis=1).sum())
    return float(res.fun), cert


def milp_bound(c, seconds, cap=np.inf):
    A, lo, hi, obj = model(c)
    n, m = c.shape
    integrality = np.concatenate([np.ones(n * m), [0]])
    bounds = Bounds(np.zeros(n * m + 1), np.concatenate([np.ones(n * m), [cap]]))
    t0 = time.time()
    res = milp(obj, constraints=LinearConstraint(A, lo, hi), integrality=integrality, bounds=bounds,
               options={"time_limit": seconds, "disp": False, "mip_rel_gap": 0.0})
    secs = time.time() - t0
    span = None
    if res.x is not None:
        asg = np.argmax(res.x[: n * m].reshape(n, m), axis=1)
        load = np.zeros(m)
        for i in range(n):
            load[asg[i]] += c[i, asg[i]]
        span = float(load.max())
    return res, span, secs


def published(directory, names):
    """Makespans of solution files <instance>_<method>_<value>.sol (one device index per task, 0-based, as in
    github.com/chgogos/hcsp, Gogos et al. 2016), recomputed here, against the LP bound."""
    import glob
    print("| instance | LP bound | solution file | makespan (recomputed) | % above LP | ≤ 1.005 x LP |")
    print("|---|---|---|---|---|---|")
    for name in names:
        c = read(name)
        _, cert = lp_bound(c)
        for f in sorted(glob.glob(os.path.join(directory, name + "_*.sol"))):
            asg = [int(t) for t in open(f).read().split()]
            assert len(asg) == c.shape[0], f"{f}: {len(asg)} tasks"
            load = np.zeros(c.shape[1])
            for i, j in enumerate(asg):
                load[j] += c[i, j]
            span = float(load.max())
            print(f"| {name} | {cert:.1f} | {os.path.basename(f)} | {span:.2f} | {100 * (span - cert) / cert:.3f}% | "
                  f"{'yes' if span <= 1.005 * cert else 'no'} |")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--time", type=float, default=300.0, help="MILP time limit per instance, seconds")
    ap.add_argument("--only", default=",".join(FAILING))
    ap.add_argument("--out", default=None, help="also write the table to this markdown file")
    ap.add_argument("--cap-at-goal", action="store_true",
                    help="add C <= 1.005 x LP: a feasibility question (infeasible = goal impossible, any solution = reachable)")
    ap.add_argument("--goal", type=float, default=0.005, help="the goal as a fraction above the LP bound (default 0.005)")
    ap.add_argument("--solutions", default=None, help="only check the .sol files of this directory (no MILP)")
    a = ap.parse_args()
    if a.solutions:
        return published(a.solutions, a.only.split(","))
    lines = []

    def out(s=""):
        print(s, flush=True)
        lines.append(s)

    la = lambda: ", ".join(f"{x:.1f}" for x in os.getloadavg())
    cap = (" --cap-at-goal" if a.cap_at_goal else "") + ("" if a.goal == 0.005 else f" --goal {a.goal:g}")
    out(f"`python3 scripts/braun-milp-bound.py --time {a.time:g} --only {a.only}{cap}`; scipy {scipy.__version__} (HiGHS), "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%dT%H:%MZ', time.gmtime())}; load average {la()}")
    out()
    out(f"| instance | LP bound | goal {1 + a.goal:g} x LP | MILP dual bound | dual % above LP | MILP best | best % above LP | status | time s | goal |")
    out("|---|---|---|---|---|---|---|---|---|---|")
    for name in a.only.split(","):
        c = read(name)
        lp, cert = lp_bound(c)
        goal = (1 + a.goal) * cert
        res, span, secs = milp_bound(c, a.time, goal if a.cap_at_goal else np.inf)
        raw = getattr(res, "mip_dual_bound", None)  # None when HiGHS stops without a solution (e.g. infeasible)
        dual = float("nan") if raw is None else float(raw)
        if a.cap_at_goal and res.status == 2:  # infeasible with C <= goal: no assignment reaches the goal
            dual = float("inf")
        pct = lambda v: "-" if v is None else f"{100 * (v - cert) / cert:.3f}%"
        if a.cap_at_goal and res.status == 2:
            verdict = "impossible (infeasible with C ≤ goal)"
        elif dual > goal:
            verdict = "impossible (dual bound > goal)"
        elif span is not None and span <= goal:
            verdict = "reachable (MILP solution ≤ goal)"
        else:
            verdict = "open"
        status = {0: "optimal", 1: "time limit", 2: "infeasible"}.get(res.status, f"status {res.status}")
        print(f"  {name}: scipy status {res.status}: {res.message}", flush=True)
        out(f"| {name} | {cert:.1f} | {goal:.1f} | {dual:.1f} | {pct(dual)} | {'-' if span is None else f'{span:.1f}'} | "
            f"{pct(span)} | {status} | {secs:.0f} | {verdict} |")
    out()
    out(f"LP bound: the dual certificate sum_i min_j w_j c_ij (w: HiGHS's device duals, normalised); load average at the end {la()}.")
    if a.out:
        with open(a.out, "a") as f:
            f.write("\n".join(lines) + "\n\n")


if __name__ == "__main__":
    sys.exit(main())
