"""Reference values for the GAP agreement oracle in test/solvers/gap/gapAgreement.test.ts:
instances past exhaustive search (m^n > 65536) with budgets near the total demand
(many infeasible or barely feasible), quarter-unit and integer data, solved by
scipy.optimize.milp (an independent HiGHS build).
Run: python3 scripts/gap-agreement-scipy.py > test/fixtures/gap-agreement-scipy.json"""
import json, random
import numpy as np
from scipy.optimize import milp, LinearConstraint, Bounds

rng = random.Random(761903230)
out = []
for k in range(48):
    n = rng.randint(11, 16); m = rng.choice([3, 4]); q = rng.choice([1, 4])
    cost = [[rng.randint(1, 40 * q) / q for _ in range(m)] for _ in range(n)]
    demand = [[rng.randint(1, 10 * q) / q for _ in range(m)] for _ in range(n)]
    avg = sum(min(r) for r in demand) / m
    slack = rng.choice([1.0, 1.1, 1.2, 1.35, 1.5, 1.7])
    budget = [round(avg * slack * q) / q for _ in range(m)]
    c = np.array([cost[i][j] for i in range(n) for j in range(m)])
    A = np.zeros((n + m, n * m))
    for i in range(n):
        for j in range(m):
            A[i, i * m + j] = 1; A[n + j, i * m + j] = demand[i][j]
    lo = np.concatenate([np.ones(n), np.full(m, -np.inf)]); hi = np.concatenate([np.ones(n), budget])
    r = milp(c, constraints=LinearConstraint(A, lo, hi), integrality=np.ones(n * m), bounds=Bounds(0, 1), options={'time_limit': 60})
    if r.status == 0:
        x = r.x.reshape(n, m); a = [int(np.argmax(x[i])) for i in range(n)]
        ref = {'status': 'optimal', 'value': float(sum(cost[i][a[i]] for i in range(n))), 'assignment': a}
    elif r.status == 2:
        ref = {'status': 'infeasible'}
    else:
        ref = {'status': 'time limit'}
    out.append({'cost': cost, 'demand': demand, 'budget': budget, 'milp': ref})
print(json.dumps({'source': 'scripts/gap-agreement-scipy.py (scipy.optimize.milp, HiGHS)', 'instances': out}))
