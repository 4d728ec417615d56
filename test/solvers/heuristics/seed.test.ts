import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { workedExampleProblem } from '../../../src/problem/fromArticle.js';
import { evaluate } from '../../../src/schedule/evaluate.js';
import { solve } from '../../../src/solvers/solve.js';
import { workedExample } from '../../../src/workedExample.js';
import { runStrategy, strategyContract } from '../contract.js';
import { naiveSeed, problemArb } from '../helpers.js';

describe("solve(problem, { strategy: 'seed' }): reference values", () => {
  it('takes tasks by priority (b 3, c 2, a 1), each to the device where it finishes first', () => {
    const s = solve(
      {
        tasks: [{ id: 'a', priority: 1 }, { id: 'b', priority: 3 }, { id: 'c', priority: 2 }],
        devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
        execTime: [[4, 6], [3, 3], [5, 1]],
      },
      { strategy: 'seed' },
    );
    expect(s.trace.map((d) => d.task)).toEqual([1, 2, 0]);
    // b: 3 vs 3 → device 0 (tie); c: 8 vs 1 → 1; a: 3 + 4 = 7 vs 1 + 6 = 7 → device 0 (tie).
    expect(s.assignment).toEqual([0, 0, 1]);
    expect(s.makespan).toBe(7);
  });

  it('on the worked example (cloud transfer 30) gives [0, 1, 2, 0, 3] beside the published [0, 1, 2, 1, 0]', () => {
    const p = workedExampleProblem(30);
    const s = solve(p, { strategy: 'seed' });
    expect(s.assignment).toEqual([0, 1, 2, 0, 3]);
    expect(workedExample.published.assignment).toEqual([0, 1, 2, 1, 0]);
    // Tasks 1-3 agree; task 4 goes to device 1 (free at 38: 38 + 18 + 20 = 76)
    // instead of the published device 2 (busy until 54: 54 + 24 + 30 = 108).
    expect(s.trace[3]).toMatchObject({ task: 3, chosen: 0, candidates: [{ device: 0, score: 76 }, { device: 1, score: 108 }, { device: 2, score: 128 }, { device: 3, score: 80 }] });
    expect(s.trace[4]).toMatchObject({ task: 4, chosen: 3, candidates: [{ device: 0, score: 114 }, { device: 1, score: 108 }, { device: 2, score: 128 }, { device: 3, score: 80 }] });
    // Sequential makespans: seed 80, published 108. Independent: seed 80, published 64.
    expect(s.makespan).toBe(80);
    expect(evaluate(p, workedExample.published.assignment).metrics.makespan).toBe(108);
    expect(solve(p, { strategy: 'seed', costModel: 'independent' })).toMatchObject({ assignment: [0, 1, 2, 0, 3], makespan: 80 });
    expect(evaluate(p, workedExample.published.assignment, { costModel: 'independent' }).metrics.makespan).toBe(64);
  });

  it('on the worked example depends on the (unpublished) cloud transfer time as documented', () => {
    const at = (c: number) => solve(workedExampleProblem(c), { strategy: 'seed' }).assignment;
    expect(at(0)).toEqual([0, 3, 1, 2, 0]);
    expect(at(26)).toEqual([0, 1, 2, 0, 3]); // task 4: device 1 (76) ties the cloud (76): lower index
    expect(at(57)).toEqual([0, 1, 2, 0, 3]);
    expect(at(58)).toEqual([0, 1, 2, 0, 1]); // task 5: device 2 (108) ties the cloud (108)
    expect(at(1000)).toEqual([0, 1, 2, 0, 1]);
  });

  it('never reproduces the published assignment, whatever the cloud transfer time (0..200)', () => {
    for (let c = 0; c <= 200; c++) {
      expect(solve(workedExampleProblem(c), { strategy: 'seed' }).assignment).not.toEqual([0, 1, 2, 1, 0]);
    }
  });
});

describe("solve(problem, { strategy: 'seed' }): properties", () => {
  it("equals 'mct' when every task has the same priority", () => {
    fc.assert(
      fc.property(problemArb({ maxTasks: 12, maxDevices: 4, releases: true }), (p) => {
        const flat = { ...p, tasks: p.tasks.map((t) => ({ ...t, priority: 1 })) };
        expect(runStrategy('seed', flat)).toEqual(runStrategy('mct', flat));
      }),
    );
  });
});

strategyContract('seed', { reference: (p, priority) => naiveSeed(p, priority), scoreIsFinish: true });
