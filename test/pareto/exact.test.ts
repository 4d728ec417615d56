import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paretoFront } from '../../src/pareto/paretoFront.js';
import type { ParetoObjective } from '../../src/pareto/types.js';
import { deepFreeze } from '../arbitraries.js';
import { allAssignments, energyProblemArb, frontVectors, referenceObjectives } from './instances.js';

let highsInstalled = true;
try {
  await import('highs');
} catch {
  highsInstalled = false;
  console.warn('test/pareto/exact.test.ts: the optional package highs is not installed; the exact-front oracle tests are skipped');
}

const PAIRS: ParetoObjective[][] = [
  ['makespan', 'energy'],
  ['makespan', 'cost'],
  ['energy', 'cost'],
  ['cost', 'flowtime'],
  ['flowtime', 'energy'],
];

describe.skipIf(!highsInstalled)('paretoFront(…, {method: "exact"})', () => {
  it('on ≤ 8 tasks × 3 devices with power and price, the exact front equals the front of every assignment enumerated (oracle, 2 objectives)', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblemArb({ maxTasks: 8 }), fc.constantFrom(...PAIRS), async (problem, objectives) => {
        deepFreeze(problem);
        const front = await paretoFront(problem, { objectives, method: 'exact' });
        const expected = frontVectors(allAssignments(problem).map((a) => referenceObjectives(problem, a, objectives)));
        expect(front.points.map((p) => p.objectives)).toEqual(expected);
        expect(front.status).toBe('optimal');
        expect(front.proved).toBe(true);
        for (const p of front.points) expect(referenceObjectives(problem, p.assignment, objectives)).toEqual(p.objectives);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('with three objectives the exact front equals the enumerated front (oracle)', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblemArb({ maxTasks: 6 }), fc.constantFrom<ParetoObjective[]>(['makespan', 'energy', 'cost'], ['cost', 'flowtime', 'energy']), async (problem, objectives) => {
        const front = await paretoFront(problem, { objectives, method: 'exact' });
        expect(front.points.map((p) => p.objectives)).toEqual(frontVectors(allAssignments(problem).map((a) => referenceObjectives(problem, a, objectives))));
        expect(front.proved).toBe(true);
      }),
      { numRuns: 10 },
    );
  }, 120_000);

  it('with non-integer data (multiples of 1/4) the exact front equals the enumerated front (oracle, lexicographic two-stage path)', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblemArb({ maxTasks: 6, quarters: true }), fc.constantFrom(...PAIRS), async (problem, objectives) => {
        const front = await paretoFront(problem, { objectives, method: 'exact' });
        expect(front.points.map((p) => p.objectives)).toEqual(frontVectors(allAssignments(problem).map((a) => referenceObjectives(problem, a, objectives))));
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('paretoFront on a 6 × 3 instance with quarter-unit data where HiGHS presolve misjudged a subproblem keeps the point (20.75, 30.4375) and equals the enumerated front', async () => {
    // Found by the oracle above (FC_SEED=747718947): with presolve on and 1e-9 tolerances HiGHS called
    // flowtime 22.75 optimal under energy ≤ 31.6875 − 1e-6 relative, where assignment [2,2,1,1,1,0] gives 20.75.
    const problem = deepFreeze({
      tasks: [{ id: 't0', source: 'd2' }, { id: 't1', source: 'd2' }, { id: 't2', source: 'd2' }, { id: 't3', source: 'd1' }, { id: 't4' }, { id: 't5' }],
      devices: [
        { id: 'd0', tier: 'edge' as const, power: { busy: 3, transfer: 0.25, idle: 0 } },
        { id: 'd1', tier: 'cloud' as const, power: { busy: 0.25, transfer: 0.5, idle: 0.25 } },
        { id: 'd2', tier: 'cloud' as const, power: { busy: 8.75, transfer: 0.5, idle: 0.5 } },
      ],
      execTime: [[3.25, 1, 0.5], [4.5, Infinity, 2], [3.5, 3.75, 1.25], [1.75, 4, 1.25], [1.25, 1, 1], [0.75, Infinity, 1]],
      transferTime: [[0, 1.25, 0.25], [0.25, 0, 0.75], [0, 0.5, 0], [1, 0.25, 0], [0, 0, 0], [0, 0, 0.25]],
    });
    const objectives: ParetoObjective[] = ['flowtime', 'energy'];
    const front = await paretoFront(problem, { objectives, method: 'exact' });
    expect(referenceObjectives(problem, [2, 2, 1, 1, 1, 0], objectives)).toEqual([20.75, 30.4375]);
    expect(front.points.map((p) => p.objectives)).toContainEqual([20.75, 30.4375]);
    expect(front.points.map((p) => p.objectives)).toEqual(frontVectors(allAssignments(problem).map((a) => referenceObjectives(problem, a, objectives))));
    expect(front.proved).toBe(true);
  });

  it.each([
    // Found by the oracle above (FC_SEED=761903230): without presolve HiGHS called "energy ≤ 196" (then "≤ 179") infeasible.
    [{ d0: { busy: 24, transfer: 6, idle: 1 }, d1: { busy: 0, transfer: 6, idle: 1 }, d2: { busy: 13, transfer: 5, idle: 2 } }, [[0, 1, 0], [0, 0, 0], [0, 0, 3], [3, 0, 0], [0, 5, 1]], ['d0', undefined, 'd0', undefined, 'd0'], [2, 0, 1, 1, 1], [57, 178]],
    [{ d0: { busy: 23, transfer: 6, idle: 1 }, d1: { busy: 0, transfer: 5, idle: 0 }, d2: { busy: 13, transfer: 2, idle: 2 } }, [[2, 1, 0], [0, 0, 0], [0, 0, 3], [2, 0, 0], [0, 5, 0]], [undefined, undefined, 'd0', undefined, 'd0'], [2, 0, 1, 1, 1], [53, 169]],
  ] as const)('paretoFront on a 5 × 3 instance where HiGHS without presolve reports a feasible ε-subproblem infeasible keeps the last point %#, proves the front and equals the enumerated front', async (power, transferTime, sources, assignment, point) => {
    const problem = deepFreeze({
      tasks: sources.map((s, i) => (s === undefined ? { id: `t${i}` } : { id: `t${i}`, source: s })),
      devices: [
        { id: 'd0', tier: 'edge' as const, power: power.d0 },
        { id: 'd1', tier: 'cloud' as const, ready: 3, power: power.d1 },
        { id: 'd2', tier: 'cloud' as const, ...(point[0] === 57 ? { ready: 4 } : {}), power: power.d2 },
      ],
      execTime: [[3, 12, 1], [1, Infinity, 8], [3, 6, 1], [1, 6, 4], [5, 7, 10]],
      transferTime: transferTime.map((r) => [...r]),
    });
    const objectives: ParetoObjective[] = ['flowtime', 'energy'];
    expect(referenceObjectives(problem, [...assignment], objectives)).toEqual([...point]);
    const front = await paretoFront(problem, { objectives, method: 'exact' });
    expect(front.points.map((p) => p.objectives)).toContainEqual([...point]);
    expect(front.points.map((p) => p.objectives)).toEqual(frontVectors(allAssignments(problem).map((a) => referenceObjectives(problem, a, objectives))));
    expect(front.proved).toBe(true);
  });

  it('under the independent cost model with release times the exact front equals the enumerated front (oracle)', async () => {
    await fc.assert(
      fc.asyncProperty(energyProblemArb({ maxTasks: 7, releases: true }), fc.constantFrom(...PAIRS), async (problem, objectives) => {
        const front = await paretoFront(problem, { objectives, method: 'exact', costModel: 'independent' });
        expect(front.points.map((p) => p.objectives)).toEqual(frontVectors(allAssignments(problem).map((a) => referenceObjectives(problem, a, objectives, 'independent'))));
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('with timeLimitMs 0 it returns status feasible, proved false, stoppedEarly and says why', async () => {
    const problem = { tasks: [{ id: 'a' }], devices: [{ id: 'e', tier: 'edge' as const }], execTime: [[1]] };
    const front = await paretoFront(problem, { objectives: ['makespan', 'cost'], method: 'exact', timeLimitMs: 0 });
    expect(front.status).toBe('feasible');
    expect(front.proved).toBe(false);
    expect(front.stoppedEarly).toBe(true);
    expect(front.reason).toContain('time limit');
  });

  it('rejects release times under the sequential model with a typed error naming the task', async () => {
    const problem = { tasks: [{ id: 'a' }, { id: 'b', release: 2 }], devices: [{ id: 'e', tier: 'edge' as const }], execTime: [[1], [1]] };
    await expect(paretoFront(problem, { objectives: ['makespan', 'cost'], method: 'exact' })).rejects.toThrow('paretoFront: problem.tasks[1].release is 2');
  });
});
