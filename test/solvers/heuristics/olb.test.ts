import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/solvers/solve.js';
import { strategyContract } from '../contract.js';
import { naiveOlb } from '../helpers.js';

const tiny = {
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }],
  execTime: [[4, 6], [3, 3], [5, 1]],
};

describe("solve(problem, { strategy: 'olb' }): reference values", () => {
  it('sends each task to the device that is free first, scored by availability: a→0 (0, 0), b→1 (4, 0), c→1 (4, 3)', () => {
    const s = solve(tiny, { strategy: 'olb' });
    expect(s.assignment).toEqual([0, 1, 1]);
    expect(s.trace.map((d) => d.candidates.map((c) => c.score))).toEqual([[0, 0], [4, 0], [4, 3]]);
  });

  it('ignores execution time: a free but slow device still wins', () => {
    const s = solve(
      { tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge', ready: 1 }, { id: 'y', tier: 'edge' }], execTime: [[1, 100]] },
      { strategy: 'olb' },
    );
    expect(s.assignment).toEqual([1]);
    expect(s.makespan).toBe(100);
  });
});

strategyContract('olb', { reference: (p) => naiveOlb(p), scoreIsFinish: false });
