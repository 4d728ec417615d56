import { describe, expect, it, vi } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError, compileProblem, priorities } from '../src/index.js';

describe('error classes (edge cases)', () => {
  it('each is a subclass of the built-in TypeError or RangeError, carrying fn and field', () => {
    const t = new InputTypeError('f', 'x[0]', 'f: x[0] must be a number, got "a"');
    const r = new InputRangeError('f', 'x[1]', 'f: x[1] must be >= 0, got -1');
    const i = new InfeasibleError('f', 'x', 'f: x has no solution');
    expect(t).toBeInstanceOf(TypeError);
    expect(r).toBeInstanceOf(RangeError);
    expect(i).toBeInstanceOf(RangeError);
    expect([t.name, r.name, i.name]).toEqual(['InputTypeError', 'InputRangeError', 'InfeasibleError']);
    expect([t.fn, t.field, r.field, i.field]).toEqual(['f', 'x[0]', 'x[1]', 'x']);
  });

  it("priorities(tasks) with NaN throws InputRangeError 'priorities: tasks[1].urgency must be a finite number, got NaN'", () => {
    const tasks = [{ importance: 1, urgency: 1, satisfaction: 1 }, { importance: 1, urgency: NaN, satisfaction: 1 }];
    expect(() => priorities(tasks)).toThrow(InputRangeError);
    try {
      priorities(tasks);
    } catch (e) {
      expect((e as InputRangeError).fn).toBe('priorities');
      expect((e as InputRangeError).field).toBe('tasks[1].urgency');
      expect((e as Error).message).toMatch(/^priorities: tasks\[1\]\.urgency .*NaN/);
    }
  });

  it('compileProblem with a task no device can run throws InfeasibleError naming the row', () => {
    const p = { tasks: [{ id: 'a' }], devices: [{ id: 'd', tier: 'edge' as const }], execTime: [[Infinity]] };
    expect(() => compileProblem(p)).toThrow(InfeasibleError);
    expect(() => compileProblem(p)).toThrow(/execTime\[0\]/);
  });
});

describe('error classes across copies of the library (edge cases)', () => {
  it('an error from a second, separately loaded copy of errors.ts is instanceof the first copy’s class (the ESM/CJS dual-package hazard)', async () => {
    vi.resetModules();
    const path: string = '../src/errors.js?copy=2';
    const other = (await import(/* @vite-ignore */ path)) as typeof import('../src/errors.js');
    expect(other.InputTypeError).not.toBe(InputTypeError);
    const e = new other.InputTypeError('f', 'x', 'f: x must be a number, got "a"');
    expect(e).toBeInstanceOf(InputTypeError);
    expect(e).toBeInstanceOf(TypeError);
    expect(e).not.toBeInstanceOf(InputRangeError);
    expect(new other.InfeasibleError('f', 'x', 'f: x has no solution')).toBeInstanceOf(InfeasibleError);
    expect(new other.InputRangeError('f', 'x', 'f: x must be >= 0, got -1')).toBeInstanceOf(InputRangeError);
  });

  it('plain errors and look-alike objects are not instances', () => {
    expect(new TypeError('x')).not.toBeInstanceOf(InputTypeError);
    expect({ name: 'InputTypeError', fn: 'f', field: 'x' }).not.toBeInstanceOf(InputTypeError);
    expect(null).not.toBeInstanceOf(InputTypeError);
  });
});
