import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem } from '../../src/problem/compile.js';
import type { Problem } from '../../src/problem/types.js';
import { totalOverrun } from '../../src/pareto/budgets.js';
import { allowedDevices, dominanceDescent } from '../../src/pareto/memetic.js';
import { ObjectiveEvaluator } from '../../src/pareto/objectiveEvaluator.js';
import type { ParetoObjective } from '../../src/pareto/types.js';
import { deepFreeze } from '../arbitraries.js';
import { energyProblemArb, referenceObjectives } from './instances.js';

const OBJECTIVES: ParetoObjective[][] = [['makespan', 'energy'], ['makespan', 'cost'], ['makespan', 'flowtime'], ['energy', 'cost'], ['flowtime', 'energy'], ['makespan', 'energy', 'cost']];

/** A problem, an objective list, and a start assignment on allowed devices (chosen by index into each task's allowed list). */
const caseArb = fc.tuple(energyProblemArb({ maxTasks: 7, maxDevices: 4 }), fc.constantFrom(...OBJECTIVES), fc.array(fc.nat(), { minLength: 7, maxLength: 7 }));

function startAssignment(problem: Problem, picks: readonly number[]): number[] {
  return problem.execTime.map((row, i) => {
    const ok = row.map((e, j) => ({ e: e + (problem.transferTime?.[i]?.[j] ?? 0), j })).filter((x) => x.e < Infinity);
    return ok[picks[i]! % ok.length]!.j;
  });
}

/** Runs the descent on a copy of `start`; returns the assignment, the vector it reports, and the evaluations used. */
function run(problem: Problem, objectives: readonly ParetoObjective[], start: readonly number[], budget: number): { asg: number[]; value: number[]; used: number } {
  const cp = compileProblem(problem);
  const evaluator = new ObjectiveEvaluator(cp, objectives, 'sequential');
  const asg = Int32Array.from(start);
  const value = new Float64Array(objectives.length);
  evaluator.evaluate(asg, value, 0);
  const used = dominanceDescent(cp, evaluator, objectives, 'sequential', allowedDevices(cp), asg, value, budget);
  return { asg: Array.from(asg), value: Array.from(value), used };
}

describe('dominanceDescent', () => {
  it('dominanceDescent never worsens any objective, keeps every task on an allowed device, and reports the true vector (property, reference evaluation)', () => {
    fc.assert(
      fc.property(caseArb, ([problem, objectives, picks]) => {
        const frozen = deepFreeze(problem);
        const start = startAssignment(frozen, picks);
        const before = referenceObjectives(frozen, start, objectives);
        const { asg, value } = run(frozen, objectives, start, 100_000);
        const after = referenceObjectives(frozen, asg, objectives);
        expect(value).toEqual(after);
        after.forEach((v, d) => expect(v).toBeLessThanOrEqual(before[d]!));
        asg.forEach((j, i) => expect(frozen.execTime[i]![j]! + (frozen.transferTime?.[i]?.[j] ?? 0)).toBeLessThan(Infinity));
      }),
      { numRuns: 300 },
    );
  });

  it('dominanceDescent ends where no single-task move dominates its vector (oracle: every move evaluated by the reference)', () => {
    fc.assert(
      fc.property(caseArb, ([problem, objectives, picks]) => {
        const { asg, value } = run(problem, objectives, startAssignment(problem, picks), 1_000_000);
        const m = problem.devices.length;
        for (let i = 0; i < asg.length; i++) {
          for (let k = 0; k < m; k++) {
            if (k === asg[i] || !(problem.execTime[i]![k]! + (problem.transferTime?.[i]?.[k] ?? 0) < Infinity)) continue;
            const moved = asg.slice();
            moved[i] = k;
            const w = referenceObjectives(problem, moved, objectives);
            const dominates = w.every((x, d) => x <= value[d]!) && w.some((x, d) => x < value[d]!);
            expect(dominates).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('dominanceDescent is deterministic and stays within its evaluation budget (0 leaves the assignment as it was)', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 30 }), ([problem, objectives, picks], budget) => {
        const start = startAssignment(problem, picks);
        const a = run(problem, objectives, start, budget);
        expect(run(problem, objectives, start, budget)).toEqual(a);
        expect(a.used).toBeLessThanOrEqual(budget);
        if (budget === 0) expect(a.asg).toEqual(start);
      }),
      { numRuns: 200 },
    );
  });

  it('dominanceDescent stopped by its stop callback before the (k+1)-th evaluation ends exactly where a budget of k evaluations ends, with a consistent vector (deadline passed)', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 0, max: 30 }), ([problem, objectives, picks], k) => {
        const start = startAssignment(problem, picks);
        const cp = compileProblem(problem);
        const evaluator = new ObjectiveEvaluator(cp, objectives, 'sequential');
        const asg = Int32Array.from(start);
        const value = new Float64Array(objectives.length);
        evaluator.evaluate(asg, value, 0);
        let asked = 0;
        const used = dominanceDescent(cp, evaluator, objectives, 'sequential', allowedDevices(cp), asg, value, 1_000_000, () => ++asked > k);
        const budget = run(problem, objectives, start, k);
        expect({ asg: Array.from(asg), value: Array.from(value), used }).toEqual(budget);
        expect(Array.from(value)).toEqual(referenceObjectives(problem, Array.from(asg), objectives));
      }),
      { numRuns: 200 },
    );
  });

  it('dominanceDescent moves tasks off the critical device while the makespan and energy both fall (hand-computed)', () => {
    // Both tasks on the edge box (busy 5 W): makespan 10, energy 50 J; the cloud box draws nothing.
    // Task a to the cloud: makespan 6 (b alone on the edge), 30 J; then b: makespan 1 + 2 = 3, 0 J.
    const problem: Problem = {
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [{ id: 'edge', tier: 'edge', power: { busy: 5 } }, { id: 'cloud', tier: 'cloud' }],
      execTime: [[4, 1], [6, 2]],
    };
    const r = run(problem, ['makespan', 'energy'], [0, 0], 100);
    expect(r.value).toEqual([3, 0]);
    expect(r.asg).toEqual([1, 1]);
  });

  it('allowedDevices lists each task\'s devices with finite time, in index order', () => {
    const cp = compileProblem({ tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }], execTime: [[Infinity, 2], [1, 3]] });
    const { start, devices } = allowedDevices(cp);
    expect(Array.from(start)).toEqual([0, 1, 3]);
    expect(Array.from(devices)).toEqual([1, 0, 1]);
  });

  it('dominanceDescent with an overrun function takes no move that increases the budget overrun (b onto e would be better on both objectives but exceeds its budget)', () => {
    // a on e (1 s), b on c (5 s, cost 5): moving b to e gives makespan 2, cost 0, but demand 2 on budget 1.
    const p = deepFreeze({
      tasks: [{ id: 'a', demand: 1 }, { id: 'b', demand: 1 }],
      devices: [{ id: 'e', tier: 'edge' as const, budget: 1 }, { id: 'c', tier: 'cloud' as const, price: { perSecond: 1 } }],
      execTime: [[1, 5], [1, 5]],
    });
    const cp = compileProblem(p);
    const objectives: ParetoObjective[] = ['makespan', 'cost'];
    const evaluator = new ObjectiveEvaluator(cp, objectives, 'sequential');
    const scratch = new Float64Array(cp.m);
    const run = (withBudgets: boolean): number[] => {
      const asg = Int32Array.from([0, 1]);
      const value = Float64Array.from(referenceObjectives(p, [0, 1], objectives));
      dominanceDescent(cp, evaluator, objectives, 'sequential', allowedDevices(cp), asg, value, 100, () => false, withBudgets ? (a) => totalOverrun(cp, a, scratch) : undefined);
      return Array.from(asg);
    };
    expect(run(false)).toEqual([0, 0]);
    expect(run(true)).toEqual([0, 1]);
  });
});
