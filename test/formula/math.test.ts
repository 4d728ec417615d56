import { describe, expect, it } from 'vitest';
import { InputTypeError } from '../../src/errors.js';
import { checkFormula, CONSTANTS, FUNCTIONS } from '../../src/formula/math.js';

const NAMES: ReadonlyMap<string, number> = new Map([['a', 0], ['b', 1], ['c', 2]]);
const scope = (values: Record<string, number>): Map<string, number> => new Map(Object.entries(values));

describe('checkFormula: reference values', () => {
  it('checkFormula(fn, expression, names) compiles arithmetic once and lists the variables it uses with their slots, in order of first use', () => {
    const f = checkFormula('f', 'b * (a + 2) / c', NAMES);
    expect(f.text).toBe('b * (a + 2) / c');
    expect(f.used).toEqual([['b', 1], ['a', 0], ['c', 2]]);
    expect(f.evaluate(scope({ a: 1, b: 4, c: 3 }))).toBe(4);
    expect(checkFormula('f', 'a ^ 2 + 1', NAMES).used).toEqual([['a', 0]]);
  });

  it('checkFormula allows every listed function and constant, comparisons, logic and the conditional', () => {
    expect(checkFormula('f', 'max(a, b) + sqrt(c) + pi * 0 + e * 0', NAMES).evaluate(scope({ a: 1, b: 2, c: 9 }))).toBe(5);
    expect(checkFormula('f', 'a > b ? a : b', NAMES).evaluate(scope({ a: 7, b: 3 }))).toBe(7);
    expect(checkFormula('f', '(a >= 1 and b < 1) or not c', NAMES).evaluate(scope({ a: 1, b: 0, c: 1 }))).toBe(true);
    expect(checkFormula('f', '1 < a <= 3', NAMES).evaluate(scope({ a: 2 }))).toBe(true);
    for (const name of FUNCTIONS) expect(() => checkFormula('f', `${name}(a, b)`, NAMES)).not.toThrow();
    expect(CONSTANTS).toEqual(['pi', 'e']);
  });
});

describe('checkFormula: errors', () => {
  it('checkFormula rejects a syntax error, an unknown symbol (listing the known ones) and an unknown function (listing the allowed ones) with an InputTypeError on field expression', () => {
    expect(() => checkFormula('f', 'a +', NAMES)).toThrow(/^f: expression "a \+" is not a valid formula: /);
    let e: unknown;
    try {
      checkFormula('f', 'a + d', NAMES);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(InputTypeError);
    expect(e).toMatchObject({ fn: 'f', field: 'expression', message: 'f: expression "a + d" uses the unknown symbol d (known: a, b, c, pi, e)' });
    expect(() => checkFormula('f', 'sin(a)', NAMES)).toThrow(`f: expression "sin(a)" calls the unknown function sin (known: ${FUNCTIONS.join(', ')})`);
  });

  it('checkFormula rejects anything but arithmetic: assignment, matrices, strings, property access, function definitions, units', () => {
    for (const text of ['a = 1', '[a, b]', '"x"', 'a.b', 'g(x) = x', '2 cm', 'f(a)(b)']) {
      expect(() => checkFormula('f', text, NAMES), text).toThrow(InputTypeError);
    }
    expect(() => checkFormula('f', 'a = 1', NAMES)).toThrow('f: expression "a = 1" uses an unsupported construct (AssignmentNode); only arithmetic on the variables is allowed');
  });
});
