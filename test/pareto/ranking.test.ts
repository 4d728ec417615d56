import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates } from '../../src/pareto/dominance.js';
import { crowdingDistance, fastNonDominatedSort } from '../../src/pareto/ranking.js';

/** Oracle rank: peel the non-dominated layers one after another. */
function peelRanks(points: readonly number[][]): number[] {
  const rank = new Array<number>(points.length).fill(-1);
  let r = 0;
  while (rank.includes(-1)) {
    const layer = points.map((_, i) => i).filter((i) => rank[i] === -1 && !points.some((q, j) => rank[j] === -1 && dominates(q, points[i]!)));
    for (const i of layer) rank[i] = r;
    r++;
  }
  return rank;
}

describe('NSGA-II ranking', () => {
  it('fastNonDominatedSort ranks equal the peeled non-dominated layers (oracle)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }).chain((d) => fc.array(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: d, maxLength: d }), { minLength: 1, maxLength: 30 })), (pts) => {
        const d = pts[0]!.length;
        const { rank, fronts } = fastNonDominatedSort(Float64Array.from(pts.flat()), pts.length, d);
        expect(Array.from(rank)).toEqual(peelRanks(pts));
        fronts.forEach((f, r) => f.forEach((i) => expect(rank[i]).toBe(r)));
      }),
    );
  });

  it('fastNonDominatedSort with violations ranks by constrained domination (Deb et al. 2002 §VI) equal to peeling layers under that relation (oracle)', () => {
    // The relation written from the paper's definition: feasible beats infeasible, smaller violation
    // beats larger among infeasible, ordinary domination among feasible.
    const cdom = (p: readonly number[], vp: number, q: readonly number[], vq: number): boolean => (vp === 0 && vq === 0 ? dominates(p, q) : vp < vq);
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((d) => fc.array(fc.record({ v: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: d, maxLength: d }), viol: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 })) }), { minLength: 1, maxLength: 30 })),
        (pts) => {
          const d = pts[0]!.v.length;
          const violation = Float64Array.from(pts.map((p) => p.viol));
          const { rank } = fastNonDominatedSort(Float64Array.from(pts.flatMap((p) => p.v)), pts.length, d, violation);
          const expected = new Array<number>(pts.length).fill(-1);
          for (let r = 0; expected.includes(-1); r++) {
            const layer = pts.map((_, i) => i).filter((i) => expected[i] === -1 && !pts.some((q, j) => expected[j] === -1 && cdom(q.v, q.viol, pts[i]!.v, pts[i]!.viol)));
            for (const i of layer) expected[i] = r;
          }
          expect(Array.from(rank)).toEqual(expected);
          // Every feasible vector ranks before every infeasible one.
          pts.forEach((p, i) => pts.forEach((q, j) => { if (p.viol === 0 && q.viol > 0) expect(rank[i]).toBeLessThan(rank[j]!); }));
        },
      ),
    );
  });

  it('crowdingDistance gives the ends Infinity and inner points the normalized neighbour gaps (hand-computed)', () => {
    // Front (0,4) (1,2) (3,1) (4,0): ranges 4 and 4; point 1: (3−0)/4 + (4−1)/4 = 1.5; point 2: (4−1)/4 + (2−0)/4 = 1.25.
    const f = Float64Array.from([0, 4, 1, 2, 3, 1, 4, 0]);
    const dist = new Float64Array(4);
    crowdingDistance(f, 2, [0, 1, 2, 3], dist);
    expect(Array.from(dist)).toEqual([Infinity, 1.5, 1.25, Infinity]);
  });
});

