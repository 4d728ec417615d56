// The README's quick start, line by line: the values it shows are the values
// the library returns.
import { describe, expect, it } from 'vitest';
import { complete, createOnlineState, linearSumAssignment, evaluate, priorities, scheduleToSvg, solve, submit, workedExample, workedExampleProblem } from '../src/index.js';

describe('README quick start (reference values)', () => {
  it('priorities of the worked example, base and normalized', () => {
    expect(Array.from(priorities(workedExample.tasks))).toEqual([60, 30, 30, 32, 1]);
    expect(Array.from(priorities(workedExample.tasks, { form: 'normalized' }), (v) => Number(v.toFixed(3)))).toEqual([0.8, 0.667, 0.667, 0.667, 0.2]);
  });

  it("solve(workedExampleProblem(30), {strategy: 'min-min'}) gives [0, 1, 2, 0, 3] with makespan 80", () => {
    const best = solve(workedExampleProblem(30), { strategy: 'min-min' });
    expect(best.assignment).toEqual([0, 1, 2, 0, 3]);
    expect(best.makespan).toBe(80);
    expect(scheduleToSvg(best.schedule).startsWith('<svg')).toBe(true);
  });

  it('the published assignment under the independent model finishes at 38, 54, 64, 54, 38', () => {
    const s = evaluate(workedExampleProblem(30), workedExample.published.assignment, { costModel: 'independent' });
    expect(s.tasks.map((t) => t.finish)).toEqual([38, 54, 64, 54, 38]);
  });
});

describe('README online example (reference values)', () => {
  it('submit places task a on the cloud at 0..3; complete with exec 2 moves the ratio 1 → 1.3', () => {
    const state = createOnlineState([{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }]);
    const r = submit(state, [{ id: 'a', execTime: [4, 1], transferTime: [0, 2] }], 0, { strategy: 'seed' });
    expect(r.decisions[0]).toEqual({ id: 'a', device: 1, deviceId: 'cloud', start: 0, transfer: 2, exec: 1, finish: 3 });
    const after = complete(r.state, 'a', { exec: 2 });
    expect(after.devices[1]!.ratio).toBeCloseTo(1.3, 12);
  });
});

describe('README exact solvers example (reference values)', () => {
  it('linearSumAssignment on the README matrices', () => {
    expect(linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])).toEqual({ assignment: [1, 0, 2], cost: 5 });
    expect(linearSumAssignment([[1, Infinity], [2, 3]])).toEqual({ assignment: [0, 1], cost: 4 });
  });
});
