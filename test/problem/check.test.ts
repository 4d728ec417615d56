import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/index.js';
import { Report, checkKeys, isObject, num } from '../../src/problem/check.js';

describe('check: reference values', () => {
  it('num(fn, field, v, infOk, fallback, r) returns v when it is a number ≥ 0 (Infinity only with infOk)', () => {
    const r = new Report(false);
    expect(num('f', 'x', 3, false, 0, r)).toBe(3);
    expect(num('f', 'x', Infinity, true, 0, r)).toBe(Infinity);
    expect(() => num('f', 'x', Infinity, false, 0, r)).toThrow('f: x must be a finite number >= 0, got Infinity');
    expect(() => num('f', 'x', '3', true, 0, r)).toThrow(InputTypeError);
  });
});

describe('check: edge cases', () => {
  it('Report(true) collects every library error and returns the fallback instead of throwing', () => {
    const r = new Report(true);
    expect(num('f', 'a', NaN, false, 7, r)).toBe(7);
    checkKeys('f', 'obj', { good: 1, bad: 2 }, ['good'], r);
    expect(r.issues.map((e) => e.message)).toEqual(['f: a must be a finite number >= 0, got NaN', 'f: obj.bad is not a known field (known: good)']);
    expect(r.issues[0]).toBeInstanceOf(InputRangeError);
  });

  it('Report(true) still throws errors that are not the library’s', () => {
    const r = new Report(true);
    expect(() => r.guard(() => { throw new Error('bug'); })).toThrow('bug');
  });

  it('isObject accepts plain objects only', () => {
    expect([isObject({}), isObject([]), isObject(null), isObject(3)]).toEqual([true, false, false, false]);
  });
});
