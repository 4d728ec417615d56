// Item 8 of issue 11: orderings by a computed score treat values equal in
// exact arithmetic as ties, so ties go to the lowest index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileProblem, solve, workedExampleProblem, type Problem } from '../../src/index.js';
import { exactPriorityOrder } from '../../src/problem/priorityOrder.js';
import { deepFreeze } from '../arbitraries.js';

/** The worked example with its tasks permuted: task k of the result is task perm[k] of the original. */
function permuted(p: Problem, perm: readonly number[]): Problem {
  return {
    ...p,
    tasks: perm.map((k) => p.tasks[k]!),
    execTime: perm.map((k) => p.execTime[k]!),
    ...(p.transferTime === undefined ? {} : { transferTime: perm.map((k) => p.transferTime![k]!) }),
  };
}

/** Task indices sorted by the doubles alone (the old rule), for contrast. */
const byDoubles = (priority: Float64Array): number[] => Array.from(priority.keys()).sort((a, b) => priority[b]! - priority[a]! || a - b);

describe('exactPriorityOrder: reference values (issue 11, item 8)', () => {
  // python3 fractions: criteria columns sum to 15, 15, 15; priorities 4/5, 2/3, 2/3, 2/3, 1/5;
  // as doubles 0.8, 0.6666666666666667, 0.6666666666666667, 0.6666666666666666, 0.2.
  const p = deepFreeze(workedExampleProblem(30));

  it('compileProblem(worked example) keeps the reported priorities and ties tasks 2, 3, 4 (all exactly 2/3) in index order', () => {
    const cp = compileProblem(p);
    expect(Array.from(cp.priority)).toEqual([0.8, 0.6666666666666667, 0.6666666666666667, 0.6666666666666666, 0.2]);
    expect(Array.from(cp.priorityOrder!)).toEqual([0, 1, 2, 3, 4]);
  });

  it('reordering the tasks keeps the lowest-index rule: the task whose 2/3 rounds low, moved to index 1, is placed first among the ties', () => {
    const q = permuted(p, [0, 3, 1, 2, 4]);
    const cp = compileProblem(q);
    expect(cp.priority[1]).toBe(0.6666666666666666);
    expect(Array.from(cp.priorityOrder!)).toEqual([0, 1, 2, 3, 4]);
    expect(byDoubles(cp.priority)).toEqual([0, 2, 3, 1, 4]); // what sorting the doubles did
    // 'seed' maps in that order: its trace lists the tasks by step.
    expect(solve(q, { strategy: 'seed' }).trace.map((d) => d.task)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('exactPriorityOrder: properties', () => {
  const criteria = fc.record({ importance: fc.integer({ min: 0, max: 6 }), urgency: fc.integer({ min: 0, max: 6 }), satisfaction: fc.integer({ min: 0, max: 6 }) });
  const tasks = fc.array(criteria, { minLength: 1, maxLength: 9 }).filter((ts) => (['importance', 'urgency', 'satisfaction'] as const).every((k) => ts.some((t) => t[k] > 0)));
  const orderOf = (ts: readonly { importance: number; urgency: number; satisfaction: number }[]): number[] =>
    Array.from(compileProblem({ tasks: ts.map((c, i) => ({ id: `t${i}`, criteria: c })), devices: [{ id: 'd', tier: 'edge' }], execTime: ts.map(() => [1]) }).priorityOrder!);

  it('the order is invariant to scaling one criterion column by 3 or 7 (equal fractions, different roundings)', () => {
    fc.assert(fc.property(tasks, fc.constantFrom('importance', 'urgency', 'satisfaction' as const), fc.constantFrom(3, 7), (ts, key, f) => {
      expect(orderOf(ts.map((t) => ({ ...t, [key]: t[key] * f })))).toEqual(orderOf(ts));
    }));
  });

  it('the order is a stable sort by the exact priorities: permuting the tasks permutes the order, ties always by lowest index', () => {
    fc.assert(fc.property(tasks.chain((ts) => fc.tuple(fc.constant(ts), fc.shuffledSubarray(ts.map((_, i) => i), { minLength: ts.length }))), ([ts, perm]) => {
      const base = orderOf(ts);
      const moved = orderOf(perm.map((k) => ts[k]!));
      const newIndex = new Map(perm.map((k, q) => [k, q]));
      const r0 = new Map(base.map((t, r) => [t, r]));
      const r1 = new Map(moved.map((t, r) => [t, r]));
      for (let a = 0; a < ts.length; a++) {
        for (let b = a + 1; b < ts.length; b++) {
          const [na, nb] = [newIndex.get(a)!, newIndex.get(b)!];
          const firstInMoved = r1.get(na)! < r1.get(nb)!;
          // Tied: the lower index first, in both problems. Not tied: the same relative order as before.
          if (tied(ts, a, b)) expect(firstInMoved).toBe(na < nb);
          else expect(firstInMoved).toBe(r0.get(a)! < r0.get(b)!);
        }
      }
    }));
  });
});

/** Whether tasks a and b have exactly equal normalized priorities (integer criteria, cross-multiplied). */
function tied(ts: readonly { importance: number; urgency: number; satisfaction: number }[], a: number, b: number): boolean {
  const keys = ['importance', 'urgency', 'satisfaction'] as const;
  const s = keys.map((k) => ts.reduce((acc, t) => acc + t[k], 0));
  const num = (i: number): number => ts[i]!.importance * s[1]! * s[2]! + ts[i]!.urgency * s[0]! * s[2]! + ts[i]!.satisfaction * s[0]! * s[1]!;
  return num(a) === num(b);
}

describe('exactPriorityOrder: edge cases', () => {
  it('exactPriorityOrder is undefined when no priority comes from criteria (explicit priorities sort exactly as doubles)', () => {
    expect(exactPriorityOrder(Float64Array.of(1, 2), [undefined, undefined], Uint8Array.of(1, 1))).toBeUndefined();
    expect(compileProblem({ tasks: [{ id: 'a', priority: 1 }], devices: [{ id: 'd', tier: 'edge' }], execTime: [[1]] }).priorityOrder).toBeUndefined();
  });

  it('an explicit priority equal to a derived fraction ties with it exactly: explicit 0.5 and criteria giving 1/2', () => {
    // Two tasks with criteria (1,1,1) and (1,1,1): each 1/2 + 1/2 + 1/2 = 3/2; a third with explicit 1.5 ties, a fourth with 0.5 is last.
    const cp = compileProblem({
      tasks: [{ id: 'x', priority: 1.5 }, { id: 'a', criteria: { importance: 1, urgency: 1, satisfaction: 1 } }, { id: 'b', criteria: { importance: 1, urgency: 1, satisfaction: 1 } }, { id: 'y', priority: 0.5 }],
      devices: [{ id: 'd', tier: 'edge' }],
      execTime: [[1], [1], [1], [1]],
    });
    expect(Array.from(cp.priorityOrder!)).toEqual([0, 1, 2, 3]);
  });

  it('non-integer criteria compare exactly too: columns scaled by powers of two (0.1 and 0.2 are dyadic fractions as doubles)', () => {
    const ts = [{ importance: 0.1, urgency: 0.2, satisfaction: 0.3 }, { importance: 0.2, urgency: 0.1, satisfaction: 0.3 }];
    const cp = compileProblem({ tasks: ts.map((c, i) => ({ id: `t${i}`, criteria: c })), devices: [{ id: 'd', tier: 'edge' }], execTime: [[1], [1]] });
    // 0.1/0.30000000000000004 + 0.2/0.30000000000000004 + 1/2 equals 0.2/0.3… + 0.1/0.3… + 1/2 exactly: a tie, lowest index first.
    expect(Array.from(cp.priorityOrder!)).toEqual([0, 1]);
  });
});
