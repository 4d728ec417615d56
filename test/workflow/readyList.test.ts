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
