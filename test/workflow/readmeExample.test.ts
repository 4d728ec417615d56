// The README's "Task graphs" example, line by line: the values it shows are
// the values the library returns.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scheduleWorkflow, solveWorkflowExact, upwardRanks, workflowStrategyNames, type Workflow } from '../../src/index.js';

describe('README task graphs example (reference values)', () => {
  const w = JSON.parse(readFileSync(new URL('../../data/workflows/topcuoglu2002.json', import.meta.url), 'utf8')) as Workflow;

  it('prints the upward ranks, the HEFT schedule, makespan and bound, every strategy and the optimum as shown', () => {
    expect(upwardRanks(w).map((r) => +r.toFixed(3))).toEqual([108, 77, 80, 80, 69, 63.333, 42.667, 35.667, 44.333, 14.667]);
    const heft = scheduleWorkflow(w, { strategy: 'heft' });
    expect(heft.schedule.tasks.map((t) => `${t.id}@p${t.device + 1} ${t.start}-${t.finish}`).join(', ')).toBe(
      'n1@p3 0-9, n2@p1 27-40, n3@p3 9-28, n4@p2 18-26, n5@p3 28-38, n6@p2 26-42, n7@p3 38-49, n8@p1 57-62, n9@p2 56-68, n10@p2 73-80',
    );
    expect([heft.makespan, heft.lowerBound]).toEqual([80, 41]);
    expect(workflowStrategyNames.map((s) => `${s} ${scheduleWorkflow(w, { strategy: s }).makespan}`).join(', ')).toBe(
      'heft 80, cpop 86, peft 85, heft-lookahead 76, mct 88, min-min 76, max-min 97, sufferage 76, seed 88',
    );
    const best = solveWorkflowExact(w);
    expect([best.status, best.makespan]).toEqual(['optimal', 73]);
  });

  it('the README states the same example (the shown outputs are in the README text)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('heft 80, cpop 86, peft 85, heft-lookahead 76, mct 88, min-min 76, max-min 97, sufferage 76, seed 88');
    expect(readme).toContain('makespan 80 lower bound 41');
    expect(readme).toContain('\noptimal 73\n');
  });
});
