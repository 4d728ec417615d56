import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates } from '../../src/pareto/dominance.js';
import { crowdingDistance, fastNonDominatedSort } from '../../src/pareto/nsga2.js';
import { paretoFront } from '../../src/pareto/paretoFront.js';
import type { ParetoObjective } from '../../src/pareto/types.js';
import { deepFreeze } from '../arbitraries.js';
import { allAssignments, energyProblemArb, frontVectors, referenceObjectives } from './instances.js';

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

describe('NSGA-II components', () => {
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

  it('crowdingDistance gives the ends Infinity and inner points the normalized neighbour gaps (hand-computed)', () => {
    // Front (0,4) (1,2) (3,1) (4,0): ranges 4 and 4; point 1: (3−0)/4 + (4−1)/4 = 1.5; point 2: (4−1)/4 + (2−0)/4 = 1.25.
    const f = Float64Array.from([0, 4, 1, 2, 3, 1, 4, 0]);
    const dist = new Float64Array(4);
    crowdingDistance(f, 2, [0, 1, 2, 3], dist);
    expect(Array.from(dist)).toEqual([Infinity, 1.5, 1.25, Infinity]);
  });
});

describe('paretoFront(…, {method: "nsga2"})', () => {
  const PAIRS: ParetoObjective[][] = [['makespan', 'energy'], ['makespan', 'cost'], ['energy', 'cost'], ['flowtime', 'cost']];

  it('on ≤ 5 tasks × 3 devices NSGA-II (population 100, 200 generations, no time limit) finds the whole front of every assignment (oracle: enumeration)', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblemArb({ maxTasks: 5 }), fc.constantFrom(...PAIRS), async (problem, objectives) => {
        // 20 000 evaluations for at most 3^5 = 243 schedules; no clock, so no load-dependent stop.
        const front = await paretoFront(deepFreeze(problem), { objectives, maxGenerations: 200, timeLimitMs: 1e9 });
        expect(front.points.map((p) => p.objectives)).toEqual(frontVectors(allAssignments(problem).map((a) => referenceObjectives(problem, a, objectives))));
        expect(front.proved).toBe(false);
        expect(front.status).toBe('feasible');
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it('NSGA-II returns mutually non-dominated, exactly evaluated points, the same for the same seed', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblemArb({ maxTasks: 8, quarters: true, releases: true }), fc.integer({ min: 0, max: 1000 }), async (problem, seed) => {
        const options = { objectives: ['makespan', 'energy', 'cost'] as ParetoObjective[], seed, maxGenerations: 15, populationSize: 20 };
        const a = await paretoFront(problem, options);
        const b = await paretoFront(problem, options);
        expect(b).toEqual(a);
        for (const p of a.points) {
          expect(referenceObjectives(problem, p.assignment, options.objectives)).toEqual(p.objectives);
          for (const q of a.points) expect(dominates(q.objectives, p.objectives)).toBe(false);
        }
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('NSGA-II with timeLimitMs 0 stops before the first generation, says so, and still returns the seeds\' front', async () => {
    const problem = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'e', tier: 'edge' as const, power: { busy: 1 } }, { id: 'c', tier: 'cloud' as const, power: { busy: 9 } }], execTime: [[4, 1], [6, 2]] };
    const front = await paretoFront(problem, { objectives: ['makespan', 'energy'], timeLimitMs: 0 });
    expect(front.stoppedEarly).toBe(true);
    expect(front.reason).toContain('time limit after 0 of 1000 generations');
    expect(front.points.length).toBeGreaterThan(0);
  });
});
