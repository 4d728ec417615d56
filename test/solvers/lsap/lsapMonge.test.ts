import { describe, expect, it } from 'vitest';
import { lsapKernel } from '../../../src/solvers/lsap/lsap.js';
import { identityDuals, lsapMonge } from '../../../src/solvers/lsap/lsapMonge.js';
import { linearSumAssignment, linearSumAssignmentMatrix } from '../../../src/solvers/lsap/linearSumAssignment.js';
import { createRng } from '../../../src/internal/random.js';

const total = (c: Float64Array, n: number, x: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < n; i++) s += c[i * n + x[i]!]!;
  return s;
};

/** Minimum over all n! permutations (n ≤ 7), by Heap's algorithm. */
function bruteForce(c: Float64Array, n: number): number {
  const p = Array.from({ length: n }, (_, k) => k);
  let best = total(c, n, p);
  const count = new Array<number>(n).fill(0);
  for (let i = 1; i < n; ) {
    if (count[i]! < i) {
      const k = i % 2 === 0 ? 0 : count[i]!;
      [p[k], p[i]] = [p[i]!, p[k]!];
      best = Math.min(best, total(c, n, p));
      count[i]!++;
      i = 1;
    } else {
      count[i] = 0;
      i++;
    }
  }
  return best;
}

/** c[i][j] = f(i, j), row-major. */
const matrix = (n: number, f: (i: number, j: number) => number): Float64Array => {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[i * n + j] = f(i, j);
  return c;
};

/** A seeded permutation of 0..n-1. */
const shuffle = (n: number, rng: () => number): number[] => {
  const p = Array.from({ length: n }, (_, k) => k);
  for (let k = n - 1; k > 0; k--) {
    const r = Math.floor(rng() * (k + 1));
    [p[k], p[r]] = [p[r]!, p[k]!];
  }
  return p;
};

/** The Monge families of the benchmark and a few others, some with rows and columns shuffled. */
function families(n: number, rng: () => number): [string, Float64Array][] {
  const a = Array.from({ length: n }, () => 1 + rng());
  const b = Array.from({ length: n }, () => 1 + rng());
  const rp = shuffle(n, rng);
  const cp = shuffle(n, rng);
  const ai = Array.from({ length: n }, () => Math.floor(rng() * 20) - 10);
  const bi = Array.from({ length: n }, () => Math.floor(rng() * 20) - 10);
  return [
    ['i·j', matrix(n, (i, j) => i * j)],
    ['constant', matrix(n, () => 3)],
    ['rank one, uniform factors', matrix(n, (i, j) => a[i]! * b[j]!)],
    ['rank one, integer factors of both signs (ties)', matrix(n, (i, j) => ai[i]! * bi[j]!)],
    ['(i − j)²', matrix(n, (i, j) => (i - j) ** 2)],
    ['|i − j|', matrix(n, (i, j) => Math.abs(i - j))],
    ['i·j + i + 2j, rows and columns shuffled', matrix(n, (i, j) => rp[i]! * cp[j]! + rp[i]! + 2 * cp[j]!)],
    ['i·j, rows and columns shuffled', matrix(n, (i, j) => rp[i]! * cp[j]!)],
  ];
}

describe('lsapMonge: oracles', () => {
  it('lsapMonge on Monge families (i·j, constant, rank one, (i − j)², shuffled) up to 7×7 returns a permutation with the brute-force optimum', () => {
    const rng = createRng(71);
    for (let n = 1; n <= 7; n++) {
      for (const [name, c] of families(n, rng)) {
        const x = lsapMonge(c, n);
        expect(x, `${name} n=${n}`).toBeDefined();
        expect(new Set(x).size).toBe(n);
        expect(total(c, n, x!), `${name} n=${n}`).toBe(bruteForce(c, n));
      }
    }
  });

  it('lsapMonge on the Monge families at n = 50 to 300 returns the optimum of the dense kernel (Monge path off)', () => {
    const rng = createRng(72);
    for (const n of [50, 127, 300]) {
      for (const [name, c] of families(n, rng)) {
        const x = lsapMonge(c, n);
        expect(x, `${name} n=${n}`).toBeDefined();
        expect(new Set(x).size).toBe(n);
        // rowReduction = false: Crouse's plain shortest paths, no Monge path.
        expect(total(c, n, x!), `${name} n=${n}`).toBe(total(c, n, lsapKernel(c, n, n, undefined, true, false)!));
      }
    }
  });

  it('lsapMonge never returns a suboptimal assignment: on random and near-Monge 6×6 matrices it refuses or matches brute force', () => {
    const rng = createRng(73);
    let accepted = 0;
    let refused = 0;
    for (let t = 0; t < 300; t++) {
      const n = 6;
      const kind = t % 3;
      // Monge i·j plus noise (kind 1, 2 breaks it in one cell), or uniform integers.
      const c = kind === 0 ? matrix(n, () => Math.floor(rng() * 5)) : matrix(n, (i, j) => i * j + (kind === 1 ? rng() * 0.5 : i === 2 && j === 3 ? -2 : 0));
      const x = lsapMonge(c, n);
      if (x === undefined) {
        refused++;
        continue;
      }
      accepted++;
      expect(total(c, n, x)).toBe(bruteForce(c, n));
    }
    expect(refused).toBeGreaterThan(0);
    expect(accepted + refused).toBe(300);
  });
});

describe('lsapMonge: refusals', () => {
  it('lsapMonge refuses uniform random matrices (n = 10 to 500) and the kernel still solves them', () => {
    const rng = createRng(74);
    for (const n of [10, 100, 500]) {
      const c = Float64Array.from({ length: n * n }, () => rng());
      expect(lsapMonge(c, n)).toBeUndefined();
    }
  });

  it('lsapMonge refuses |i − j| with rows and columns shuffled (Monge in an order that none of its four orders finds)', () => {
    const rng = createRng(76);
    const n = 40;
    const rp = shuffle(n, rng);
    const cp = shuffle(n, rng);
    expect(lsapMonge(matrix(n, (i, j) => Math.abs(rp[i]! - cp[j]!)), n)).toBeUndefined();
  });

  it('lsapMonge refuses a matrix whose sums overflow to a non-finite dual rather than accept it on NaN comparisons', () => {
    const big = 1.7e308;
    const c = Float64Array.from([big, -big, -big, big]);
    const x = lsapMonge(c, 2);
    if (x !== undefined) expect(total(c, 2, x)).toBe(bruteForce(c, 2));
  });
});

describe('lsapKernel with the Monge path', () => {
  it('lsapKernel on i·j and rank one at n = 400 returns the anti-sorted assignment (the unique optimum, rearrangement inequality)', () => {
    const rng = createRng(75);
    const n = 400;
    const a = Array.from({ length: n }, () => 1 + rng());
    const b = Array.from({ length: n }, () => 1 + rng());
    const ij = lsapKernel(matrix(n, (i, j) => i * j), n, n)!;
    expect(Array.from(ij)).toEqual(Array.from({ length: n }, (_, i) => n - 1 - i));
    const x = lsapKernel(matrix(n, (i, j) => a[i]! * b[j]!), n, n)!;
    // The k-th smallest a gets the k-th largest b.
    const ra = Array.from({ length: n }, (_, i) => i).sort((p, q) => a[p]! - a[q]!);
    const rb = Array.from({ length: n }, (_, j) => j).sort((p, q) => b[q]! - b[p]!);
    for (let k = 0; k < n; k++) expect(x[ra[k]!]).toBe(rb[k]);
  });
});

describe('identityDuals: oracles (through linearSumAssignment, which checks their certificate in its input pass)', () => {
  const rowsOf = (c: Float64Array, n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from(c.subarray(i * n, (i + 1) * n)));

  it('linearSumAssignment on matrices Monge as given (constant, −i·j, (i − j)²) returns the identity with the brute-force optimum, as the matrix form does', () => {
    for (let n = 1; n <= 7; n++) {
      for (const c of [matrix(n, () => 2.5), matrix(n, (i, j) => -i * j), matrix(n, (i, j) => (i - j) ** 2)]) {
        const r = linearSumAssignment(rowsOf(c, n));
        expect(r.assignment).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(r.cost).toBe(bruteForce(c, n));
        expect(linearSumAssignmentMatrix(c, n, n).cost).toBe(r.cost);
      }
    }
  });

  it('linearSumAssignment on (i − j)² with one later entry lowered (the certificate fails mid-pass) still equals brute force', () => {
    const rng = createRng(77);
    for (let t = 0; t < 60; t++) {
      const n = 3 + (t % 5);
      const c = matrix(n, (i, j) => (i - j) ** 2);
      c[(n - 1) * n + Math.floor(rng() * n)] = -1 - Math.floor(rng() * 3);
      expect(linearSumAssignment(rowsOf(c, n)).cost).toBe(bruteForce(c, n));
    }
  });

  it('identityDuals refuses (undefined) when a diagonal or superdiagonal entry is not a finite number, and gives u_0 = 0 and u_i = c_ii − v_i otherwise', () => {
    const c = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    const d = identityDuals(3, (i, j) => c[i]![j])!;
    for (let i = 0; i < 3; i++) expect(d.u[i]).toBe(c[i]![i]! - d.v[i]!);
    expect(d.u[0]).toBe(0);
    expect(identityDuals(2, (i, j) => (i === 1 && j === 1 ? Infinity : 1))).toBeUndefined();
    expect(identityDuals(2, (i, j) => (i === 0 && j === 1 ? 'x' : 1))).toBeUndefined();
  });
});
