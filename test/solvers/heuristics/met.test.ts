import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/solvers/solve.js';
import { strategyContract } from '../contract.js';
import { naiveMet } from '../helpers.js';

const tiny = {
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }],
  execTime: [[4, 6], [3, 3], [5, 1]],
};

describe("solve(problem, { strategy: 'met' }): reference values", () => {
  it('sends each task to its fastest device regardless of load (b ties 3 = 3 and takes device 0)', () => {
    const s = solve(tiny, { strategy: 'met' });
    expect(s.assignment).toEqual([0, 0, 1]);
    expect(s.trace.map((d) => d.candidates.map((c) => c.score))).toEqual([[4, 6], [3, 3], [5, 1]]);
    expect(s.makespan).toBe(7);
  });

  it('scores transfer + execution, so a slow link can outweigh a fast device', () => {
    const s = solve(
      { tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }], execTime: [[5, 1]], transferTime: [[0, 10]] },
      { strategy: 'met' },
    );
    expect(s.assignment).toEqual([0]);
  });

  it("is optimal under the 'independent' model, where tasks never wait (makespan = lower bound)", () => {
    const s = solve(tiny, { strategy: 'met', costModel: 'independent' });
    expect(s.makespan).toBe(4);
    expect(s.gap).toBe(0);
  });
});

strategyContract('met', { reference: (p) => naiveMet(p), scoreIsFinish: false });
