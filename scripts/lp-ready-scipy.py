"""Reference values for test/solvers/search/makespanLpBound.test.ts: the LP
relaxation of R||Cmax with ready times (the z_j formulation documented in
src/solvers/search/makespanLpBound.ts) solved by scipy.optimize.linprog, and
the brute-force optimum max over used devices of r_j + load_j.
Run: python3 scripts/lp-ready-scipy.py > test/fixtures/lp-ready-scipy.json"""
import itertools, json, random
import numpy as np
from scipy.optimize import linprog

INF = float('inf')

def lp(exec_, transfer, ready):
    n, m = len(exec_), len(ready)
    p = [[exec_[i][j] + transfer[i][j] for j in range(m)] for i in range(n)]
    pairs = [(i, j) for i in range(n) for j in range(m) if p[i][j] != INF]
    used = sorted({j for _, j in pairs})
    zs = [j for j in used if ready[j] > 0]
    nx = len(pairs); nz = len(zs); nv = nx + nz + 1
    c = np.zeros(nv); c[-1] = 1
    A_eq = np.zeros((n, nv)); b_eq = np.ones(n)
    for k, (i, j) in enumerate(pairs): A_eq[i, k] = 1
    A, b = [], []
    for j in used:
        row = np.zeros(nv)
        for k, (i, jj) in enumerate(pairs):
            if jj == j: row[k] = p[i][j]
        if j in zs: row[nx + zs.index(j)] = ready[j]
        row[-1] = -1; A.append(row); b.append(0)
    for k, (i, j) in enumerate(pairs):
        if j in zs:
            row = np.zeros(nv); row[k] = 1; row[nx + zs.index(j)] = -1; A.append(row); b.append(0)
    bounds = [(0, None)] * nx + [(0, 1)] * nz + [(None, None)]
    r = linprog(c, A_ub=np.array(A), b_ub=np.array(b), A_eq=A_eq, b_eq=b_eq, bounds=bounds, method='highs')
    assert r.status == 0
    return float(r.fun)

def brute(exec_, transfer, ready):
    n, m = len(exec_), len(ready)
    best = INF
    for a in itertools.product(range(m), repeat=n):
        load = [0.0] * m; used = [False] * m; ok = True
        for i, j in enumerate(a):
            pij = exec_[i][j] + transfer[i][j]
            if pij == INF: ok = False; break
            load[j] += pij; used[j] = True
        if ok: best = min(best, max(ready[j] + load[j] for j in range(m) if used[j]))
    return best

rng = random.Random(20261130)
out = []
for case in range(60):
    n = rng.randint(2, 7); m = rng.randint(2, 4)
    scale = 10.0 ** rng.choice([-6, -2, 0, 0, 0, 3, 9])
    ex = [[round(rng.uniform(0.5, 10), 3) * scale if rng.random() > 0.15 else INF for _ in range(m)] for _ in range(n)]
    for i in range(n):
        if all(v == INF for v in ex[i]): ex[i][rng.randrange(m)] = 1.0 * scale
    tr = [[round(rng.uniform(0, 2), 2) * scale if rng.random() > 0.5 else 0.0 for _ in range(m)] for _ in range(n)]
    ready = [round(rng.uniform(0, 25), 2) * scale if rng.random() > 0.3 else 0.0 for _ in range(m)]
    if all(r == 0 for r in ready): ready[0] = 3.0 * scale
    enc = lambda M: [[None if v == INF else v for v in row] for row in M]
    out.append({'exec': enc(ex), 'transfer': tr, 'ready': ready, 'lp': lp(ex, tr, ready), 'brute': brute(ex, tr, ready)})
print(json.dumps({'source': 'scripts/lp-ready-scipy.py (scipy.optimize.linprog, method highs; brute force over m^n)', 'instances': out}, indent=1))
