import { describe, expect, it } from 'vitest';
import { identityPass, identityResult } from '../../../src/solvers/lsap/lsapIdentity.js';
import { copyRows, lastCopyCertifiedIdentity } from '../../../src/solvers/lsap/lsapInput.js';
import { columnMinima } from '../../../src/solvers/lsap/lsapMinima.js';
import { identityDuals } from '../../../src/solvers/lsap/lsapMonge.js';
import { linearSumAssignment } from '../../../src/solvers/lsap/linearSumAssignment.js';
import { createRng } from '../../../src/internal/random.js';

/** identityPass on the rows with the identity's duals (undefined when identityDuals refuses). */
function pass(rows: number[][]): number | undefined {
  const n = rows.length;
  const id = identityDuals(n, (i, j) => rows[i]?.[j]);
  return id === undefined ? undefined : identityPass('f', rows, n, id.u, id.v);
}

describe('identityPass (the identity certificate on the input rows, no copy)', () => {
  it('identityPass agrees with copyRows (the certificate checked during the copy) on constant, Monge-as-given, near-Monge and random matrices', () => {
    const rng = createRng(4242);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rng() * 7);
      const a = Array.from({ length: n }, () => Math.floor(rng() * 5));
      const b = Array.from({ length: n }, () => Math.floor(rng() * 5));
      const kind = t % 4;
      const rows = Array.from({ length: n }, (_, i) =>
        Array.from({ length: n }, (_, j) => {
          if (kind === 0) return 3; // constant
          if (kind === 1) return (i - j) * (i - j); // Monge as given (identity optimal)
          if (kind === 2) return a[i]! + b[j]! + (rng() < 0.1 ? 1 : 0); // sum matrices, sometimes perturbed
          return Math.floor(rng() * 4);
        }),
      );
      const id = identityDuals(n, (i, j) => rows[i]?.[j]);
      if (id === undefined) continue;
      copyRows('f', rows, new Float64Array(n * n), n, columnMinima(new Float64Array(n * n), n, n), id);
      const certified = lastCopyCertifiedIdentity();
      const s = identityPass('f', rows, n, id.u, id.v);
      expect(s >= 0).toBe(certified);
      if (certified) expect(s).toBe(rows.flat().reduce((x, c) => x + Math.abs(c), 0));
    }
  });

  it('identityPass returns -1 on the first row of a matrix whose identity is not optimal, and names the first bad entry of the rows it reads', () => {
    expect(pass([[2, 1], [1, 2]])).toBe(-1);
    expect(pass([[1, 1, 1], [1, 1, 1], [1, 1, 1]])).toBe(9);
    expect(() => pass([[1, 1, 1], [1, 1, 1], ['1' as unknown as number, 1, 1]])).toThrow('f: cost[2][0] must be a number');
    expect(() => pass([[1, 1, 1], [{} as unknown as number, 1, 1], [1, 1, 1]])).toThrow('f: cost[1][0] must be a number');
    const wide = Array.from({ length: 12 }, () => new Array<unknown>(12).fill(4));
    wide[5]![9] = undefined;
    wide[5]![11] = 'later';
    expect(() => pass(wide as number[][])).toThrow('f: cost[5][9] must be a number');
    expect(() => pass([[1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 1, 1]])).toThrow(/f: cost\[3\] must be an array of length 4/);
    // Stops at the certificate's failure (row 0): a bad entry further on is left to the copy pass.
    expect(pass([[2, 1, 5], [1, 2, 5], [null as unknown as number, 5, 5]])).toBe(-1);
  });

  it('identityResult returns the identity and the exactly rounded diagonal sum; linearSumAssignment on constant and (i − j)² matrices returns it', () => {
    expect(identityResult([[1e16, 0], [0, 1]], 2)).toEqual({ assignment: [0, 1], cost: 1e16 + 1 });
    expect(identityResult([[0.1, 9], [9, 0.2]], 2).cost).toBe(0.30000000000000004);
    const n = 60;
    const constant = Array.from({ length: n }, () => new Array<number>(n).fill(7));
    expect(linearSumAssignment(constant)).toEqual({ assignment: Array.from({ length: n }, (_, i) => i), cost: 7 * n });
    const sq = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i - j) * (i - j)));
    expect(linearSumAssignment(sq)).toEqual({ assignment: Array.from({ length: n }, (_, i) => i), cost: 0 });
  });
});
