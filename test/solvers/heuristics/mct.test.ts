import { describe, expect, it } from 'vitest';
import { solve } from '../../../src/solvers/solve.js';
import { strategyContract } from '../contract.js';
import { naiveMct } from '../helpers.js';

const tiny = {
  tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  devices: [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }],
  execTime: [[4, 6], [3, 3], [5, 1]],
};

describe("solve(problem, { strategy: 'mct' }): reference values", () => {
  it('takes tasks in index order, each where it finishes first: a→0 (4), b→1 (3 < 7), c→1 (4 < 9)', () => {
    const s = solve(tiny, { strategy: 'mct' });
    expect(s.assignment).toEqual([0, 1, 1]);
    expect(s.trace.map((d) => d.candidates.map((c) => c.score))).toEqual([[4, 6], [7, 3], [9, 4]]);
    expect(s.makespan).toBe(4);
  });

  it('counts device ready times and task release times: ct = max(avail, release) + transfer + exec', () => {
    const s = solve(
      {
        tasks: [{ id: 'a', release: 5 }, { id: 'b' }],
        devices: [{ id: 'x', tier: 'edge', ready: 2 }, { id: 'y', tier: 'edge', ready: 6 }],
        execTime: [[3, 1], [2, 2]],
        transferTime: [[1, 0], [0, 0]],
      },
      { strategy: 'mct' },
    );
    // a: x → max(2, 5) + 1 + 3 = 9, y → max(6, 5) + 0 + 1 = 7 → y. b: x → 2 + 2 = 4, y → 7 + 2 = 9 → x.
    expect(s.assignment).toEqual([1, 0]);
    expect(s.schedule.tasks.map((t) => t.finish)).toEqual([7, 4]);
  });
});

strategyContract('mct', { reference: (p) => naiveMct(p, [...p.tasks.keys()]), scoreIsFinish: true });
