import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleWorkflow, solve, type Problem, type Workflow, type WorkflowStrategyName, type StrategyName } from '../../src/index.js';
import { workflowArb } from './arbitraries.js';

// With no edges the ready set is every task at every step, so each lift must
// make the same choices as the library's independent-task heuristic.
const pairs: readonly [WorkflowStrategyName, StrategyName][] = [
  ['mct', 'mct'],
  ['min-min', 'min-min'],
  ['max-min', 'max-min'],
  ['sufferage', 'sufferage-greedy'],
  ['seed', 'seed'],
];

function asProblem(w: Workflow): Problem {
  return {
    tasks: w.tasks.map((t) => ({ id: t.id, ...(t.priority !== undefined ? { priority: t.priority } : {}) })),
    devices: w.devices.map((d) => ({ id: d.id, tier: d.tier, ...(d.ready !== undefined ? { ready: d.ready } : {}) })),
    execTime: w.execTime,
  };
}

describe('ready-list lifts: oracles', () => {
  for (const [wf, indep] of pairs) {
    it(`scheduleWorkflow(no edges, {strategy: '${wf}'}) places every task as solve(problem, {strategy: '${indep}'}) does`, () => {
      fc.assert(
        fc.property(workflowArb({ network: false, integers: true }), fc.boolean(), (w, withReady) => {
          const noEdges: Workflow = { ...w, edges: [], tasks: w.tasks.map(({ id, priority }) => (priority === undefined ? { id } : { id, priority })), devices: withReady ? w.devices : w.devices.map(({ id, tier }) => ({ id, tier })) };
          const a = scheduleWorkflow(noEdges, { strategy: wf });
          const b = solve(asProblem(noEdges), { strategy: indep, trace: false });
          expect(a.placement).toEqual(b.assignment);
          expect(a.makespan).toBe(b.makespan);
        }),
      );
    });
  }
});

describe('ready-list lifts: reference values (hand-computed)', () => {
  // r runs on x [0, 2]; its children's data (4 each, bandwidth 1) reaches y at 6.
  // Initial finishes: p x 5, y 7; q x 8, y 8 (tie: x, the lower index); s x 3, y 10.
  const w: Workflow = {
    tasks: [{ id: 'r' }, { id: 'p', priority: 1 }, { id: 'q', priority: 3 }, { id: 's', priority: 2 }],
    devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
    execTime: [[2, 9], [3, 1], [6, 2], [1, 4]],
    edges: [{ from: 'r', to: 'p', data: 4 }, { from: 'r', to: 'q', data: 4 }, { from: 'r', to: 's', data: 4 }],
  };
  const cases: readonly [WorkflowStrategyName, number[], number, number[]][] = [
    // mct, index order: p → x [2,5]; q: x 11, y 8 → y [6,8]; s: x 6, y 12 → x [5,6].
    ['mct', [0, 0, 1, 0], 8, [0, 1, 3]],
    // min-min: s (3) → x [2,3]; p (x 6, y 7) 6 < q 8 → x [3,6]; q: x 12, y 8 → y.
    ['min-min', [0, 0, 1, 0], 8, [0, 3, 1]],
    // max-min: q (8) → x [2,8]; then p best 7 (y), s best 9 (x) → s x [8,9]; p → y [6,7].
    ['max-min', [0, 1, 0, 0], 9, [0, 2, 3]],
    // sufferage: p 2, q 0, s 7 → s x [2,3]; then p 7-6 = 1, q 9-8 = 1, tie → p x [3,6]; q → y [6,8].
    ['sufferage', [0, 0, 1, 0], 8, [0, 3, 1]],
    // seed, priority q 3 > s 2 > p 1: q → x [2,8] (tie); s: x 9, y 10 → x [8,9]; p: x 12, y 7 → y.
    ['seed', [0, 1, 0, 0], 9, [0, 2, 3]],
  ];
  for (const [strategy, placement, makespan, onX] of cases) {
    it(`scheduleWorkflow(w, {strategy: '${strategy}'}) places [${placement.join(', ')}], runs [${onX.join(', ')}] on x, makespan ${makespan}`, () => {
      const s = scheduleWorkflow(w, { strategy });
      expect([s.placement, s.makespan, s.order[0]]).toEqual([placement, makespan, onX]);
    });
  }
});
