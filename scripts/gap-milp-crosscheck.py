#!/usr/bin/env python3
"""Writes test/fixtures/gap-milp-magnitudes.json: generated GAP instances
whose costs spread over ten or more orders of magnitude, with independent
reference answers, for test/solvers/gap/gapMilpCrosscheck.test.ts. Run once by
hand (python3 scripts/gap-milp-crosscheck.py); the test reads the committed
JSON and never runs python.

Instances are task-major like solveGap's input: cost[i][j], demand[i][j] of
task i on device j, budget[j] (null = Infinity, unconstrained). Families (seeded, numpy default_rng(2026)):
  spread     costs 10^U(lo, lo + 12), lo in [-8, 0]; demands U(1, 3) times one 10^U(-3, 3) per instance
  mixed      as spread, costs of random sign (so values may cancel)
  one-huge   small integer costs and one pair costing 10^U(9, 14) (issue 11, item 1)
  integers   integer costs 1..10^U(3, 9)
  tolerance  demands that fill a budget to within 1e-9 relative, so a
             solver's feasibility tolerance accepts an overrun (issue 11, item 2)
  large      n 14-18 (no brute force: scipy only, with clear margins)
about half as maximization (profits).

References: 'brute' enumerates every assignment (when m^n <= 60000) with
exact budget sums (fractions.Fraction on every candidate not clearly decided
by floats) and float cost sums in task order, as solveGap sums them; 'milp'
is scipy.optimize.milp (HiGHS, mip_rel_gap 0) with its own tolerances, kept
to compare (its feasibility tolerance accepts the 'tolerance' family's
overruns, so it can report a better value than the exact optimum).
"""
import itertools
import json
import os
from fractions import Fraction

import numpy as np
import scipy
from scipy.optimize import Bounds, LinearConstraint, milp

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "test", "fixtures", "gap-milp-magnitudes.json")
BRUTE_LIMIT = 60_000


def gen(rng, family):
    large = family == "large"
    n = int(rng.integers(14, 19)) if large else int(rng.integers(3, 10))
    m = int(rng.integers(2, 5)) if not large else int(rng.integers(3, 6))
    while not large and m ** n > BRUTE_LIMIT:
        n -= 1
    if family in ("spread", "mixed", "large", "tolerance"):
        lo = rng.uniform(-8, 0)
        cost = 10 ** rng.uniform(lo, lo + 12, size=(n, m))
        if family == "mixed":
            cost *= rng.choice([-1.0, 1.0], size=(n, m))
    elif family == "one-huge":
        cost = rng.integers(1, 10, size=(n, m)).astype(float)
        cost[rng.integers(0, n), rng.integers(0, m)] = float(np.round(10 ** rng.uniform(9, 14)))
    else:  # integers
        top = 10 ** rng.uniform(3, 9)
        cost = np.floor(rng.uniform(1, top, size=(n, m)))
    demand = rng.uniform(1, 3, size=(n, m)) * 10 ** rng.uniform(-3, 3)
    # Budgets near a fair share of each device's column (so they bind and the cheapest devices do not fit).
    budget = [float(demand[:, j].sum() / m * rng.uniform(0.8, 1.6)) for j in range(m)]
    if family == "tolerance":
        # A subset of tasks on device 0 whose demands sum to budget * (1 + 1e-9): a near-feasible overrun.
        k = max(2, n // 2)
        share = budget[0] / k
        for i in range(k):
            demand[i, 0] = share
        demand[0, 0] = share * (1 + 1e-9 * k)
        if rng.random() < 0.5:
            cost[:k, 0] = np.min(cost) / 2  # make the overrun tempting
    if rng.random() < 0.15:
        budget[int(rng.integers(0, m))] = float("inf")
    sense = "max" if rng.random() < 0.5 else "min"
    return {"family": family, "sense": sense, "cost": cost.tolist(), "demand": demand.tolist(), "budget": budget}


def brute(inst):
    cost, demand, budget = inst["cost"], inst["demand"], inst["budget"]
    n, m = len(cost), len(budget)
    maximize = inst["sense"] == "max"
    best = None
    best_val = None
    for asg in itertools.product(range(m), repeat=n):
        if any(demand[i][asg[i]] > budget[asg[i]] for i in range(n)):
            continue
        v = 0.0
        for i in range(n):
            v += cost[i][asg[i]]
        if best is not None and not (v > best_val if maximize else v < best_val):
            continue
        ok = True
        for j in range(m):
            if budget[j] == float("inf"):
                continue
            items = [demand[i][j] for i in range(n) if asg[i] == j]
            s = sum(items)
            if s > budget[j] * (1 + 1e-12):
                ok = False
                break
            if s > budget[j] * (1 - 1e-12):
                if sum(Fraction(x) for x in items) > Fraction(budget[j]):
                    ok = False
                    break
        if ok:
            best, best_val = asg, v
    if best is None:
        return {"status": "infeasible"}
    return {"status": "optimal", "value": best_val, "assignment": list(best)}


def with_milp(inst):
    cost = np.array(inst["cost"])
    demand = np.array(inst["demand"])
    budget = inst["budget"]
    n, m = cost.shape
    c = (-cost if inst["sense"] == "max" else cost).ravel()  # x[i, j] at i * m + j
    assign = np.zeros((n, n * m))
    for i in range(n):
        assign[i, i * m:(i + 1) * m] = 1
    cons = [LinearConstraint(assign, 1, 1)]
    rows = [j for j in range(m) if budget[j] != float("inf")]
    if rows:
        cap = np.zeros((len(rows), n * m))
        for r, j in enumerate(rows):
            cap[r, j::m] = demand[:, j]
        cons.append(LinearConstraint(cap, -np.inf, [budget[j] for j in rows]))
    r = milp(c, constraints=cons, integrality=np.ones(n * m), bounds=Bounds(0, 1),
             options={"time_limit": 60, "mip_rel_gap": 0})
    if r.status == 2:
        return {"status": "infeasible"}
    if r.x is None:
        return {"status": "unknown"}
    x = np.round(r.x).reshape(n, m).argmax(axis=1)
    v = 0.0
    for i in range(n):
        v += inst["cost"][i][int(x[i])]
    return {"status": "optimal" if r.status == 0 else "time limit", "value": v, "assignment": [int(j) for j in x]}


def main():
    rng = np.random.default_rng(2026)
    plan = [("spread", 70), ("mixed", 50), ("one-huge", 50), ("integers", 50), ("tolerance", 60), ("large", 40)]
    out = []
    for family, count in plan:
        for _ in range(count):
            inst = gen(rng, family)
            inst["milp"] = with_milp(inst)
            if len(inst["budget"]) ** len(inst["cost"]) <= BRUTE_LIMIT:
                inst["brute"] = brute(inst)
            inst["budget"] = [None if b == float("inf") else b for b in inst["budget"]]  # JSON has no Infinity
            out.append(inst)
    disagree = sum(1 for e in out if "brute" in e and (e["brute"]["status"] != e["milp"]["status"] or e["brute"].get("value") != e["milp"].get("value")))
    with open(OUT, "w") as fh:
        json.dump({"generator": f"scripts/gap-milp-crosscheck.py, numpy default_rng(2026), scipy {scipy.__version__} milp; brute force with exact budget sums where m^n <= {BRUTE_LIMIT}",
                   "milpDisagreesWithBruteForce": disagree, "instances": out}, fh)
        fh.write("\n")
    print(len(out), "instances;", disagree, "where milp and brute force differ")


if __name__ == "__main__":
    main()
