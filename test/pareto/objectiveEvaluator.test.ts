import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ObjectiveEvaluator } from '../../src/pareto/objectiveEvaluator.js';
import type { ParetoObjective } from '../../src/pareto/types.js';
import { compileProblem } from '../../src/problem/compile.js';
import { allAssignments, energyProblemArb, referenceObjectives } from './instances.js';

const ALL: readonly ParetoObjective[] = ['makespan', 'flowtime', 'energy', 'cost'];

describe('ObjectiveEvaluator: oracle (the plain reference evaluation of test/pareto/instances.ts)', () => {
  it.each([
    ['sequential', false],
    ['sequential', true],
    ['independent', true],
  ] as const)('new ObjectiveEvaluator(cp, objectives, %s).evaluate(asg) equals the reference objectives of every assignment (release dates: %s), in any objective order', (costModel, releases) => {
    fc.assert(fc.property(energyProblemArb({ maxTasks: 4, maxDevices: 3, releases, quarters: true }), fc.shuffledSubarray([...ALL], { minLength: 1 }), (p, objectives) => {
      const ev = new ObjectiveEvaluator(compileProblem(p), objectives, costModel);
      expect(ev.dims).toBe(objectives.length);
      const out = new Float64Array(objectives.length);
      for (const a of allAssignments(p)) {
        ev.evaluate(Int32Array.from(a), out, 0);
        const ref = referenceObjectives(p, a, objectives, costModel);
        ref.forEach((v, d) => expect(out[d]).toBeCloseTo(v, 9));
      }
    }), { numRuns: 40 });
  });
});

describe('ObjectiveEvaluator: edge cases', () => {
  it('evaluate(asg, out, offset) writes dims values from offset and leaves the rest of out alone; the same call twice gives the same vector', () => {
    const p = {
      tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      devices: [{ id: 'e', tier: 'edge' as const, power: { busy: 2, idle: 1 } }, { id: 'c', tier: 'cloud' as const, price: { perSecond: 3, granularity: 4 } }],
      execTime: [[4, 1], [2, 2], [3, 5]],
    };
    const ev = new ObjectiveEvaluator(compileProblem(p), ['cost', 'makespan', 'flowtime', 'energy'], 'sequential');
    const out = new Float64Array(6).fill(-7);
    const asg = Int32Array.of(1, 0, 0);
    ev.evaluate(asg, out, 1);
    // Device e runs b (2) then c (3), finishing at 2 and 5; device c runs a, finishing at 1.
    // Makespan 5; flowtime 1 + 2 + 5 = 8; cost 3 · (ceil(1 / 4) · 4) = 12; energy: e busy 2 W · 5 s = 10,
    // never idle before the makespan (busy 5 of 5 s); c has no power model.
    expect([...out]).toEqual([-7, 12, 5, 8, 10, -7]);
    const again = new Float64Array(6).fill(-7);
    ev.evaluate(asg, again, 1);
    expect(again).toEqual(out);
  });
});
