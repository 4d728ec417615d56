import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaPriorities } from '../../src/formula/index.js';
import { InputRangeError, InputTypeError, priorities, workedExample, type PriorityCriteria } from '../../src/index.js';

const tasks = workedExample.tasks;
const criterion = fc.double({ min: 0, max: 1e3, noNaN: true });
const tasksArb = fc.array(fc.record({ importance: criterion, urgency: criterion, satisfaction: criterion }), { maxLength: 30 });

describe('formulaPriorities: reference values (seed, section 4.3)', () => {
  it("formulaPriorities(workedExample.tasks, 'A*B*C') gives the base priorities 60, 30, 30, 32, 1", () => {
    expect(formulaPriorities(tasks, 'A*B*C')).toEqual(Float64Array.of(60, 30, 30, 32, 1));
    expect(formulaPriorities(tasks, 'A*B*C')).toEqual(priorities(tasks));
  });
  it("formulaPriorities(workedExample.tasks, 'importance^2 + urgency') gives 14, 7, 27, 20, 2 (TSDoc example)", () => {
    expect(formulaPriorities(tasks, 'importance^2 + urgency')).toEqual(Float64Array.of(14, 7, 27, 20, 2));
  });
  it("formulaPriorities(workedExample.tasks, 'A/15 + B/15 + C/15') gives the normalized form", () => {
    const out = formulaPriorities(tasks, 'A/15 + B/15 + C/15');
    const normalized = priorities(tasks, { form: 'normalized' });
    out.forEach((p, i) => expect(Math.abs(p - normalized[i]!)).toBeLessThanOrEqual(1e-12));
  });
});

describe('formulaPriorities: oracle', () => {
  it("formulaPriorities(tasks, 'A*B*C') equals priorities(tasks) (base form) exactly on random tasks", () => {
    fc.assert(
      fc.property(tasksArb, (set) => {
        expect(formulaPriorities(set, 'A*B*C')).toEqual(priorities(set));
      }),
    );
  });
  it("formulaPriorities(tasks, 'importance + 2*urgency - satisfaction') equals the weighted form [1, 2, -1]", () => {
    fc.assert(
      fc.property(tasksArb, (set) => {
        const f = formulaPriorities(set, 'importance + 2*urgency - satisfaction');
        const w = priorities(set, { form: 'weighted', weights: [1, 2, -1] });
        f.forEach((p, i) => expect(Math.abs(p - w[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w[i]!))));
      }),
    );
  });
});

describe('formulaPriorities: properties', () => {
  it('formulaPriorities is permutation equivariant and leaves deep-frozen tasks intact', () => {
    fc.assert(
      fc.property(tasksArb, (set: PriorityCriteria[]) => {
        const frozen = Object.freeze(set.map((t) => Object.freeze({ ...t })));
        const out = formulaPriorities(frozen, 'A^2 + B*C');
        const rev = formulaPriorities([...frozen].reverse(), 'A^2 + B*C');
        expect([...rev].reverse()).toEqual([...out]);
        expect(frozen).toEqual(set);
      }),
    );
  });
});

describe('formulaPriorities: edge cases', () => {
  it('formulaPriorities([], formula) returns an empty Float64Array but still checks the formula', () => {
    expect(formulaPriorities([], 'A')).toEqual(new Float64Array(0));
    expect(() => formulaPriorities([], 'A * Z')).toThrow('formulaPriorities: expression "A * Z" uses the unknown symbol Z');
  });
  it('formulaPriorities names the formula and the task index of a non-finite or non-numeric result', () => {
    const set = [tasks[0]!, { importance: 1, urgency: 0, satisfaction: 1 }];
    expect(() => formulaPriorities(set, 'A / B')).toThrow(InputRangeError);
    expect(() => formulaPriorities(set, 'A / B')).toThrow('formulaPriorities: result of "A / B" at tasks[1] must be a finite number, got Infinity');
    expect(() => formulaPriorities(set, 'log(B)')).toThrow('at tasks[1] must be a finite number, got -Infinity');
    expect(() => formulaPriorities(set, 'A > B')).toThrow(InputTypeError);
    expect(() => formulaPriorities(set, 'A > B')).toThrow('formulaPriorities: result of "A > B" at tasks[0] must be a finite number, got boolean');
  });
  it('formulaPriorities validates the tasks like priorities does', () => {
    expect(() => formulaPriorities([{ importance: 1, urgency: NaN, satisfaction: 1 }], 'A')).toThrow('formulaPriorities: tasks[0].urgency must be a finite number, got NaN');
    expect(() => formulaPriorities([{ importance: 1, urgency: 1 } as never], 'A')).toThrow(InputTypeError);
    expect(() => formulaPriorities('x' as never, 'A')).toThrow('formulaPriorities: tasks must be an array');
  });
});
