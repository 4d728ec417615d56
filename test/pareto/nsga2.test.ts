import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dominates } from '../../src/pareto/dominance.js';
import { paretoFront } from '../../src/pareto/paretoFront.js';
import { solve } from '../../src/solvers/solve.js';
import { strategyNames } from '../../src/solvers/strategies.js';
import { edgeCloudInstance } from '../../bench/paretoInputs.js';
import type { ParetoObjective } from '../../src/pareto/types.js';
import { deepFreeze } from '../arbitraries.js';
import { allAssignments, energyProblemArb, frontVectors, referenceObjectives } from './instances.js';

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

  it('NSGA-II on 600 × 16 edge/cloud instances has, for every list heuristic, a point with both a shorter makespan and less energy, from its seeds and memetic steps alone (0 generations, no time limit)', async () => {
    // 0 generations: the heuristic seeds, the critical-descent seeds and the dominance descents, no clock
    // (600 · 16 is above the size where the local-search seed is skipped).
    const heuristics = strategyNames.filter((s) => s !== 'optimal-flowtime' && s !== 'local-search');
    for (const seed of [1, 2, 3]) {
      const problem = deepFreeze(edgeCloudInstance(600, 16, seed));
      const front = await paretoFront(problem, { objectives: ['makespan', 'energy'], seed, maxGenerations: 0, timeLimitMs: 1e9 });
      expect(front.stoppedEarly).toBe(false);
      for (const strategy of heuristics) {
        const [span, energy] = referenceObjectives(problem, solve(problem, { strategy, trace: false }).assignment, ['makespan', 'energy']);
        const beaten = front.points.some((p) => p.objectives[0]! < span! && p.objectives[1]! < energy!);
        expect({ seed, strategy, beaten }).toEqual({ seed, strategy, beaten: true });
      }
    }
  }, 120_000);
});
