// The README's quick start, line by line: the values it shows are the values
// the library returns.
import { describe, expect, it } from 'vitest';
import { evaluate, priorities, scheduleToSvg, solve, workedExample, workedExampleProblem } from '../src/index.js';

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
