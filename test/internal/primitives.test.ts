import { describe, expect, it } from 'vitest';
import { InputTypeError } from '../../src/errors.js';
import { checkBoolean, checkNestedOptions, checkString } from '../../src/internal/primitives.js';
import { thrown } from '../arbitraries.js';

describe('checkString and checkBoolean', () => {
  it('checkString(fn, field, value) returns a string unchanged (empty included) and rejects anything else with an InputTypeError naming fn and field', () => {
    expect(checkString('f', 'title', '')).toBe('');
    expect(checkString('f', 'title', 'a b')).toBe('a b');
    const e = thrown(() => checkString('f', 'title', 3));
    expect(e).toBeInstanceOf(InputTypeError);
    expect(e).toMatchObject({ fn: 'f', field: 'title', message: 'f: title must be a string, got 3' });
    expect(() => checkString('f', 'title', new String('x'))).toThrow('f: title must be a string, got an object');
  });

  it('checkBoolean(fn, field, value) accepts true and false only (not 0, 1 or "true")', () => {
    expect(checkBoolean('f', 'options.trace', true)).toBe(true);
    expect(checkBoolean('f', 'options.trace', false)).toBe(false);
    for (const bad of [0, 1, 'true', null, undefined]) expect(() => checkBoolean('f', 'options.trace', bad)).toThrow(InputTypeError);
    expect(() => checkBoolean('f', 'options.trace', 1)).toThrow('f: options.trace must be a boolean, got 1');
  });
});

describe('checkNestedOptions', () => {
  it('checkNestedOptions(fn, field, undefined) is {} (all defaults); an object with known keys is returned as is (same object)', () => {
    expect(checkNestedOptions('f', 'options.colors', undefined, ['edge'])).toEqual({});
    const o = Object.freeze({ edge: '#fff' });
    expect(checkNestedOptions('f', 'options.colors', o, ['edge', 'cloud'])).toBe(o);
  });

  it('checkNestedOptions rejects a non-object and names an unknown key under the nested field, with a hint for a near miss', () => {
    expect(() => checkNestedOptions('f', 'options.colors', [], ['edge'])).toThrow('f: options.colors must be an object, got an array of length 0');
    expect(() => checkNestedOptions('f', 'options.colors', null, ['edge'])).toThrow(InputTypeError);
    const e = thrown(() => checkNestedOptions('f', 'options.colors', { egde: 1 }, ['edge', 'cloud']));
    expect(e).toMatchObject({ field: 'options.colors.egde' });
    expect((e as Error).message).toMatch(/^f: options\.colors\.egde is not a known option \(known: edge, cloud\); did you mean 'edge'\?$/);
  });
});
