#!/usr/bin/env python3
"""Writes test/fixtures/lsap-scipy.json: seeded cost matrices and the optimal
costs that scipy.optimize.linear_sum_assignment finds for them. Run once by
hand (python3 scripts/lsap-reference.py); the tests read the committed JSON
and never run python.

Matrices come from numpy.random.default_rng(seed); values are rounded to 3
decimals so the JSON stays small and exact. Forbidden pairs are written as
null (JSON has no Infinity) and passed to scipy as inf (-inf when maximizing).
"""
import json
import os

import numpy as np
import scipy
from scipy.optimize import linear_sum_assignment

CASES = [
    # name, seed, rows, cols, maximize, forbidden fraction, integer range (0 = floats)
    ("square-10", 1, 10, 10, False, 0.0, 0),
    ("square-30-forbidden", 2, 30, 30, False, 0.3, 0),
    ("wide-12x25", 3, 12, 25, False, 0.0, 0),
    ("tall-25x12-forbidden", 4, 25, 12, False, 0.2, 0),
    ("square-40-integer-ties", 5, 40, 40, False, 0.0, 60),
    ("square-20-maximize", 6, 20, 20, True, 0.25, 0),
    ("wide-5x60-negative", 7, 5, 60, False, 0.0, -1),
]

# Magnitude cases (issue 11): entries sign * 10^e with e uniform in [lo, hi],
# full double precision (written with repr, exact in JSON), some forbidden.
MAGNITUDE_CASES = [
    # name, seed, rows, cols, maximize, forbidden fraction, exponent range, signed
    ("mag-1e-300..1e300-8x8", 11, 8, 8, False, 0.0, (-300, 300), False),
    ("mag-1e-300..1e300-6x9-forbidden", 12, 6, 9, False, 0.3, (-300, 300), False),
    ("mag-signed-1e-300..1e300-9x5", 13, 9, 5, False, 0.2, (-300, 300), True),
    ("mag-1e250..1e300-7x7-maximize", 14, 7, 7, True, 0.25, (250, 300), True),
    ("mag-1e-300..1e-250-10x10", 15, 10, 10, False, 0.2, (-300, -250), False),
    ("mag-near-overflow-6x6", 16, 6, 6, False, 0.2, (305, 307), False),
    ("mag-1e-20..1e20-40x40-forbidden", 17, 40, 40, False, 0.5, (-20, 20), True),
    ("mag-1e0..1e17-30x45", 18, 30, 45, False, 0.3, (0, 17), False),
]

# The issue's own examples (scipy agrees with the stated answers).
EXAMPLES = [
    ("issue-forbidden-vs-1e17", [[np.inf, 1e17]], False),
    ("issue-8e307-no-overflow", [[0.0, 8e307], [8e307, 0.0]], False),
]


def solved(name, c, maximize):
    """A fixture case: the matrix, scipy's optimum and its assignment."""
    r, k = linear_sum_assignment(c, maximize=maximize)
    assignment = [-1] * c.shape[0]
    for i, j in zip(r, k):
        assignment[int(i)] = int(j)
    return {
        "name": name,
        "maximize": maximize,
        "cost": [[None if not np.isfinite(v) else float(v) for v in row] for row in c],
        "optimum": float(c[r, k].sum()),
        "assignment": assignment,
    }


def main() -> None:
    out = {"generator": f"scipy {scipy.__version__}, numpy {np.__version__}", "cases": []}
    for name, seed, rows, cols, maximize, forbidden, ints in CASES:
        rng = np.random.default_rng(seed)
        if ints > 0:
            c = rng.integers(0, ints, size=(rows, cols)).astype(float)
        elif ints < 0:
            c = np.round(rng.uniform(-100, 100, size=(rows, cols)), 3)
        else:
            c = np.round(rng.uniform(0, 100, size=(rows, cols)), 3)
        mask = rng.random((rows, cols)) < forbidden
        c[mask] = -np.inf if maximize else np.inf
        r, k = linear_sum_assignment(c, maximize=maximize)
        total = float(c[r, k].sum())
        out["cases"].append({
            "name": name,
            "maximize": maximize,
            "cost": [[None if not np.isfinite(v) else float(v) for v in row] for row in c],
            "optimum": round(total, 9),
        })
    for name, seed, rows, cols, maximize, forbidden, (elo, ehi), signed in MAGNITUDE_CASES:
        rng = np.random.default_rng(seed)
        c = 10.0 ** rng.uniform(elo, ehi, size=(rows, cols))
        if signed:
            c *= np.where(rng.random((rows, cols)) < 0.5, -1.0, 1.0)
        mask = rng.random((rows, cols)) < forbidden
        c[mask] = -np.inf if maximize else np.inf
        out["cases"].append(solved(name, c, maximize))
    for name, rows, maximize in EXAMPLES:
        out["cases"].append(solved(name, np.array(rows, dtype=float), maximize))
    path = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "lsap-scipy.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(out['cases'])} cases to {os.path.normpath(path)}")


if __name__ == "__main__":
    main()
