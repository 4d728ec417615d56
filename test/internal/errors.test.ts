import { describe as suite, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError } from '../../src/errors.js';
import {
  at, checkArray, checkFinite, checkInteger, checkNonNegative, checkObject, checkOneOf, checkOptions, checkPositive,
  describe, infeasible, notNonNegativeOrInfinity, rangeError, rangeReason, typeError, typeReason, unknownKey,
} from '../../src/internal/errors.js';
import { thrown } from '../arbitraries.js';

suite('describe (how a value is shown in a message)', () => {
  it('describe(value) renders numbers, the non-finite ones, strings (quoted, cut at 40), null, undefined, arrays, typed arrays and objects', () => {
    expect([NaN, Infinity, -Infinity, -0.5, 3].map(describe)).toEqual(['NaN', 'Infinity', '-Infinity', '-0.5', '3']);
    expect(describe('ab"c')).toBe('"ab\\"c"');
    expect(describe('x'.repeat(41))).toBe(JSON.stringify(`${'x'.repeat(37)}...`));
    expect(describe('x'.repeat(40))).toBe(JSON.stringify('x'.repeat(40)));
    expect([null, undefined, [1, 2], new Float64Array(2), {}].map(describe)).toEqual(['null', 'undefined', 'an array of length 2', 'a Float64Array', 'an object']);
    expect([true, 1n, Symbol('s'), () => 1].map(describe)).toEqual(['boolean', 'bigint', 'symbol', 'function']);
  });

  it('at(field, index, key?) is field[index] or field[index].key', () => {
    expect(at('tasks', 3)).toBe('tasks[3]');
    expect(at('tasks', 3, 'urgency')).toBe('tasks[3].urgency');
  });
});

suite('the throwing helpers (message format fn: field must be ..., got ...)', () => {
  it('typeError, rangeError, typeReason, rangeReason and infeasible throw the exported classes with fn, field and the documented message', () => {
    const cases: [() => never, abstract new (...args: never[]) => Error, string][] = [
      [() => typeError('f', 'tasks[3].urgency', 'a number', 'x'), InputTypeError, 'f: tasks[3].urgency must be a number, got "x"'],
      [() => rangeError('f', 'tasks[3].urgency', 'a finite number', NaN), InputRangeError, 'f: tasks[3].urgency must be a finite number, got NaN'],
      [() => typeReason('f', 'expression', 'is bad'), InputTypeError, 'f: expression is bad'],
      [() => rangeReason('f', 'options.objective', 'cannot be optimized'), InputRangeError, 'f: options.objective cannot be optimized'],
      [() => infeasible('f', 'problem.tasks[0]', 'fits nowhere'), InfeasibleError, 'f: problem.tasks[0] fits nowhere'],
    ];
    for (const [call, cls, message] of cases) {
      const e = thrown(call);
      expect(e).toBeInstanceOf(cls);
      expect(e).toMatchObject({ fn: 'f', message });
    }
    expect(thrown(cases[0]![0])).toBeInstanceOf(TypeError);
    expect(thrown(cases[1]![0])).toBeInstanceOf(RangeError);
  });

  it('notNonNegativeOrInfinity: null gets the JSON hint (type error), a negative number or NaN a range error, a string a type error', () => {
    const nul = thrown(() => notNonNegativeOrInfinity('f', 'execTime[0][1]', null));
    expect(nul).toBeInstanceOf(InputTypeError);
    expect((nul as Error).message).toMatch(/^f: execTime\[0\]\[1\] must be a number >= 0 or Infinity, got null: in JSON write the string "Infinity"/);
    expect(thrown(() => notNonNegativeOrInfinity('f', 'x', -1))).toBeInstanceOf(InputRangeError);
    expect(thrown(() => notNonNegativeOrInfinity('f', 'x', NaN))).toMatchObject({ message: 'f: x must be a number >= 0 or Infinity, got NaN' });
    expect(thrown(() => notNonNegativeOrInfinity('f', 'x', '3'))).toBeInstanceOf(InputTypeError);
  });
});

suite('the checks', () => {
  it('checkArray and checkObject accept arrays and plain objects only (an array is not an object here; null is neither)', () => {
    expect(() => checkArray('f', 'tasks', [])).not.toThrow();
    expect(() => checkArray('f', 'tasks', new Float64Array(1))).toThrow('f: tasks must be an array, got a Float64Array');
    expect(() => checkObject('f', 'options', {})).not.toThrow();
    for (const bad of [null, [], 3]) expect(() => checkObject('f', 'options', bad)).toThrow(InputTypeError);
  });

  it('checkFinite, checkNonNegative and checkPositive: a non-number is a type error, a value outside the domain a range error, and the boundaries are as named', () => {
    expect(checkFinite('f', 'x', -1e308)).toBe(-1e308);
    expect(thrown(() => checkFinite('f', 'x', '1'))).toBeInstanceOf(InputTypeError);
    expect(thrown(() => checkFinite('f', 'x', Infinity))).toMatchObject({ message: 'f: x must be a finite number, got Infinity' });
    expect(checkNonNegative('f', 'x', 0)).toBe(0);
    expect(thrown(() => checkNonNegative('f', 'x', -1e-300))).toMatchObject({ message: 'f: x must be a finite number >= 0, got -1e-300' });
    expect(checkPositive('f', 'x', 5e-324)).toBe(5e-324);
    expect(thrown(() => checkPositive('f', 'x', 0))).toMatchObject({ message: 'f: x must be a finite number > 0, got 0' });
    expect(thrown(() => checkPositive('f', 'x', NaN))).toBeInstanceOf(InputRangeError);
  });

  it('checkInteger(fn, field, v, min, max) accepts integers in [min, max] and names the range (an open top reads ">= min")', () => {
    expect(checkInteger('f', 'seed', 0)).toBe(0);
    expect(checkInteger('f', 'seed', 0xffffffff, 0, 0xffffffff)).toBe(0xffffffff);
    expect(thrown(() => checkInteger('f', 'seed', 2 ** 32, 0, 0xffffffff))).toMatchObject({ message: 'f: seed must be an integer in [0, 4294967295], got 4294967296' });
    expect(thrown(() => checkInteger('f', 'n', 1.5))).toMatchObject({ message: 'f: n must be an integer >= 0, got 1.5' });
    expect(checkInteger('f', 'n', -1, -1)).toBe(-1);
    expect(thrown(() => checkInteger('f', 'n', '1'))).toBeInstanceOf(InputTypeError);
  });

  it('checkOneOf returns a member of the set, else throws a type error listing the set with a hint for a near miss', () => {
    expect(checkOneOf('f', 'options.form', 'base', ['base', 'weighted'])).toBe('base');
    const e = thrown(() => checkOneOf('f', 'options.form', 'wieghted', ['base', 'weighted']));
    expect(e).toBeInstanceOf(InputTypeError);
    expect((e as Error).message).toBe("f: options.form must be one of 'base', 'weighted', got \"wieghted\"; did you mean 'weighted'?");
    expect((thrown(() => checkOneOf('f', 'options.form', 7, ['base'])) as Error).message).toBe("f: options.form must be one of 'base', got 7");
  });

  it('checkOptions: undefined is {}, an object with known keys comes back as is, a non-object or an unknown key throws naming options.<key>', () => {
    expect(checkOptions('f', undefined, ['a'])).toEqual({});
    const o = { a: 1 };
    expect(checkOptions('f', o, ['a'])).toBe(o);
    expect(() => checkOptions('f', 'a', ['a'])).toThrow('f: options must be an object, got "a"');
    expect(thrown(() => checkOptions('f', { zzz: 1 }, ['alpha']))).toMatchObject({ field: 'options.zzz', message: 'f: options.zzz is not a known option (known: alpha)' });
    expect(unknownKey('field', 'x', [])).toBe('is not a known field (known: none)');
  });
});

suite('describe: articles for typed arrays', () => {
  it('describe(typed array) uses "an" before a vowel sound: an Int32Array, an Int8Array, a Uint8Array, a Float64Array, a BigInt64Array, a DataView', () => {
    expect(describe(new Int32Array(1))).toBe('an Int32Array');
    expect(describe(new Int8Array(1))).toBe('an Int8Array');
    expect(describe(new Uint8Array(1))).toBe('a Uint8Array');
    expect(describe(new Float64Array(1))).toBe('a Float64Array');
    expect(describe(new BigInt64Array(1))).toBe('a BigInt64Array');
    expect(describe(new DataView(new ArrayBuffer(1)))).toBe('a DataView');
  });
});
