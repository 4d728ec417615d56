import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/solvers/solve.js';
import { strategyContract } from '../contract.js';
import { naiveMinMin } from '../helpers.js';

const tiny = {
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }],
  execTime: [[4, 6], [3, 3], [5, 1]],
};

describe("solve(problem, { strategy: 'min-min' }): reference values", () => {
  it('maps the smallest minimum completion time first: c (1), then b (3, tie to device 0), then a (7, tie to device 0)', () => {
    const s = solve(tiny, { strategy: 'min-min' });
    expect(s.assignment).toEqual([0, 0, 1]);
    expect(s.makespan).toBe(7);
    expect(s.trace.map((d) => d.task)).toEqual([2, 1, 0]);
    expect(s.trace[2]!.candidates).toEqual([{ device: 0, score: 7 }, { device: 1, score: 7 }]);
    expect(s.trace[2]!.margin).toBe(0);
  });

  it('is the default strategy of solve', () => {
    expect(solve(tiny)).toEqual(solve(tiny, { strategy: 'min-min' }));
  });
});

strategyContract('min-min', { reference: (p) => naiveMinMin(p, false), scoreIsFinish: true });
