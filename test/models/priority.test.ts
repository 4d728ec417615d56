import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError, priorities, prioritiesFromColumns, priority, workedExample, type PriorityCriteria } from '../../src/index.js';

// Shared properties of the three models (scale invariance, permutation
// equivariance, sum to 3, inverse-sum weights, shared edge cases) are in
// criteria.test.ts; this file holds what is specific to priority.

const tasks = workedExample.tasks;
const criterion = fc.double({ min: 0, max: 1e3, noNaN: true });
const taskArb = fc.record({ importance: criterion, urgency: criterion, satisfaction: criterion });

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(tol);
}

/** Solves the 3x3 system M x = r by Gaussian elimination with partial pivoting. */
function solve3(m: number[][], r: number[]): number[] {
  const a = m.map((row, i) => [...row, r[i]!]);
  for (let col = 0; col < 3; col++) {
    let p = col;
    for (let i = col + 1; i < 3; i++) if (Math.abs(a[i]![col]!) > Math.abs(a[p]![col]!)) p = i;
    [a[col], a[p]] = [a[p]!, a[col]!];
    for (let i = col + 1; i < 3; i++) {
      const f = a[i]![col]! / a[col]![col]!;
      for (let j = col; j < 4; j++) a[i]![j] = a[i]![j]! - f * a[col]![j]!;
    }
  }
  const x = [0, 0, 0];
  for (let i = 2; i >= 0; i--) {
    let s = a[i]![3]!;
    for (let j = i + 1; j < 3; j++) s -= a[i]![j]! * x[j]!;
    x[i] = s / a[i]![i]!;
  }
  return x;
}

describe('priorities: reference values (seed, section 4.3)', () => {
  it('priorities(workedExample.tasks) gives the base form A·B·C = 60, 30, 30, 32, 1', () => {
    expect(priorities(tasks)).toEqual(Float64Array.of(60, 30, 30, 32, 1));
    expect(priorities(tasks, { form: 'base' })).toEqual(Float64Array.of(60, 30, 30, 32, 1));
  });
  it("priorities(workedExample.tasks, {form: 'normalized'}) gives A/15 + B/15 + C/15 (all three columns sum to 15)", () => {
    expectClose(priorities(tasks, { form: 'normalized' }), [
      3 / 15 + 5 / 15 + 4 / 15,
      2 / 15 + 3 / 15 + 5 / 15,
      5 / 15 + 2 / 15 + 3 / 15,
      4 / 15 + 4 / 15 + 2 / 15,
      1 / 15 + 1 / 15 + 1 / 15,
    ]);
  });
  it("priorities(workedExample.tasks, {form: 'weighted', weights: [1, 0.5, 0]}) gives A + B/2", () => {
    expectClose(priorities(tasks, { form: 'weighted', weights: [1, 0.5, 0] }), [5.5, 3.5, 6, 6, 1.5]);
  });
  it('prioritiesFromColumns of the TSDoc example gives [60, 30]', () => {
    expect(prioritiesFromColumns([Float64Array.of(3, 2), Float64Array.of(5, 3), Float64Array.of(4, 5)])).toEqual(Float64Array.of(60, 30));
  });
  it('priority(task) of the TSDoc examples gives 60 and 5.5', () => {
    expect(priority({ importance: 3, urgency: 5, satisfaction: 4 })).toBe(60);
    expect(priority({ importance: 3, urgency: 5, satisfaction: 4 }, { form: 'weighted', weights: [1, 0.5, 0] })).toBe(5.5);
  });
});

describe('priorities: the published priorities 2.4, 1.6, 3.8, 2.8, 0.2 are a documented discrepancy', () => {
  const published = workedExample.published.priorities;

  it('neither the base form (60, 30, 30, 32, 1) nor the normalized form (0.8, 2/3, 2/3, 2/3, 0.2) gives them', () => {
    expect(published).toEqual([2.4, 1.6, 3.8, 2.8, 0.2]);
    expect([...priorities(tasks)]).not.toEqual(published);
    const normalized = priorities(tasks, { form: 'normalized' });
    // Only task 5 agrees, with the normalized form.
    const agree = published.map((p, i) => Math.abs(p - normalized[i]!) < 1e-12);
    expect(agree).toEqual([false, false, false, false, true]);
  });

  it('no weights w1..w3 reproduce them: the least-squares fit leaves a residual sum of squares of about 0.34', () => {
    const X = tasks.map((t) => [t.importance, t.urgency, t.satisfaction]);
    const XtX = [0, 1, 2].map((r) => [0, 1, 2].map((c) => X.reduce((s, row) => s + row[r]! * row[c]!, 0)));
    const Xty = [0, 1, 2].map((r) => X.reduce((s, row, i) => s + row[r]! * published[i]!, 0));
    const w = solve3(XtX, Xty);
    // The fitted weights reproduce through the weighted form itself.
    const fitted = priorities(tasks, { form: 'weighted', weights: w });
    const rss = published.reduce((s, p, i) => s + (p - fitted[i]!) ** 2, 0);
    expect(rss).toBeCloseTo(0.34, 4);
    // The normal equations hold at w: the residual is orthogonal to every column.
    for (let c = 0; c < 3; c++) {
      expect(Math.abs(X.reduce((s, row, i) => s + row[c]! * (published[i]! - fitted[i]!), 0))).toBeLessThan(1e-9);
    }
  });

  it('3.8 > 3, the largest score any sum-normalized 3-criterion form can give', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { minLength: 1, maxLength: 20 }), (set) => {
        fc.pre(set.some((t) => t.importance > 0) && set.some((t) => t.urgency > 0) && set.some((t) => t.satisfaction > 0));
        for (const p of priorities(set, { form: 'normalized' })) expect(p).toBeLessThanOrEqual(3 + 1e-12);
      }),
    );
    expect(priorities(tasks, { form: 'normalized' }).every((p) => p < published[2]!)).toBe(true);
    expect(published[2]).toBeGreaterThan(3);
  });

  it('the published order 3 > 4 > 1 > 2 > 5 is the order by importance alone', () => {
    const byPublished = [0, 1, 2, 3, 4].sort((a, b) => published[b]! - published[a]!);
    const byImportance = priorities(tasks, { form: 'weighted', weights: [1, 0, 0] });
    expect(byPublished).toEqual([2, 3, 0, 1, 4]);
    expect([0, 1, 2, 3, 4].sort((a, b) => byImportance[b]! - byImportance[a]!)).toEqual(byPublished);
  });
});

describe('priorities: properties', () => {
  it('priorities(tasks) base form is monotone non-decreasing in each criterion', () => {
    fc.assert(
      fc.property(taskArb, fc.constantFrom('importance', 'urgency', 'satisfaction'), fc.double({ min: 0, max: 1e3, noNaN: true }), (t, key, d) => {
        expect(priority({ ...t, [key]: t[key] + d })).toBeGreaterThanOrEqual(priority(t));
      }),
    );
  });
  it('priority(task, options) equals priorities([...], options)[i] in the base and weighted forms', () => {
    const w = fc.tuple(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 10 }), w, (set, weights) => {
        const base = priorities(set);
        const weighted = priorities(set, { form: 'weighted', weights });
        set.forEach((t, i) => {
          expect(priority(t)).toBe(base[i]);
          expect(priority(t, { form: 'weighted', weights })).toBe(weighted[i]);
        });
      }),
    );
  });
});

describe('priorities: oracle', () => {
  it('priorities(tasks) equals a naive A*B*C over objects', () => {
    fc.assert(
      fc.property(fc.array(taskArb, { maxLength: 30 }), (set: PriorityCriteria[]) => {
        expect([...priorities(set)]).toEqual(set.map((t) => t.importance * t.urgency * t.satisfaction));
      }),
    );
  });
});

describe('priority: edge cases', () => {
  it('priority(task) names the single task in messages', () => {
    expect(() => priority({ importance: 1, urgency: NaN, satisfaction: 1 })).toThrow('priority: task.urgency must be a finite number, got NaN');
    expect(() => priority({ importance: 1, urgency: 1 } as never)).toThrow(InputTypeError);
    expect(() => priority(null as never)).toThrow('priority: task must be an object, got null');
  });
  it("priority(task, {form: 'normalized'}) is rejected: the normalized form needs the whole set", () => {
    expect(() => priority(tasks[0]!, { form: 'normalized' } as never)).toThrow("priority: options.form must be one of 'base', 'weighted'");
  });
  it('priority rejects weights of the wrong length and unknown options', () => {
    expect(() => priority(tasks[0]!, { form: 'weighted', weights: [1] })).toThrow('priority: options.weights must be an array of length 3');
    expect(() => priority(tasks[0]!, { from: 'base' } as never)).toThrow('priority: options.from is not a known option');
  });
  it('priorities(tasks) base form throws InputRangeError when A·B·C overflows', () => {
    expect(() => priorities([{ importance: 1e200, urgency: 1e200, satisfaction: 1 }])).toThrow(InputRangeError);
    expect(() => priority({ importance: 1e200, urgency: 1e200, satisfaction: 1 })).toThrow('priority: task overflows');
  });
  it('priorities(tasks) base form accepts zeros (A·B·C = 0)', () => {
    expect(priorities([{ importance: 0, urgency: 5, satisfaction: 5 }])).toEqual(Float64Array.of(0));
  });
});

describe('priorities: hints for misspelt criteria and column lengths', () => {
  it("priorities([{importance: 1, urgency: 2, satisfacton: 3}]) names the misspelt key next to the missing 'satisfaction'", () => {
    expect(() => priorities([{ importance: 1, urgency: 2, satisfacton: 3 } as never])).toThrow(new InputTypeError('priorities', 'tasks[0].satisfaction', "priorities: tasks[0].satisfaction must be a finite number, got undefined (found 'satisfacton': did you mean 'satisfaction'?)"));
    // Missing with no near key: the plain message.
    expect(() => priorities([{ importance: 1, urgency: 2, colour: 3 } as never])).toThrow(/^priorities: tasks\[0\]\.satisfaction must be a finite number, got undefined$/);
  });

  it('prioritiesFromColumns(columns of lengths 2, 1, 2) gives the actual length, for arrays and typed arrays', () => {
    expect(() => prioritiesFromColumns([Float64Array.of(1, 2), Float64Array.of(1), Float64Array.of(1, 2)])).toThrow('prioritiesFromColumns: columns[1] must be of length 2 like columns[0], got a Float64Array of length 1');
    expect(() => prioritiesFromColumns([[1, 2], [1, 2], [1, 2, 3]])).toThrow('prioritiesFromColumns: columns[2] must be of length 2 like columns[0], got an array of length 3');
  });
});
