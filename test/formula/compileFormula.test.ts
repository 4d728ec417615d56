import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../src/formula/index.js';
import { InputRangeError, InputTypeError } from '../../src/index.js';

const finite = fc.double({ min: -1e3, max: 1e3, noNaN: true });

describe('compileFormula: reference values', () => {
  it("compileFormula('importance^2 + urgency')([3, 5, 4]) gives 14 (TSDoc example)", () => {
    expect(compileFormula('importance^2 + urgency')([3, 5, 4])).toBe(14);
  });
  it("compileFormula('x / y', {variables: ['x', 'y']})([1, 4]) gives 0.25 (TSDoc example)", () => {
    expect(compileFormula('x / y', { variables: ['x', 'y'] })([1, 4])).toBe(0.25);
  });
  it('compileFormula evaluates functions, constants, conditionals and implicit multiplication', () => {
    const cases: [string, number[], number][] = [
      ['max(A, B, C) + min(A, B)', [1, 7, 3], 8],
      ['sqrt(A) * pi', [4, 0, 0], 2 * Math.PI],
      ['A > B ? A : B', [2, 9, 0], 9],
      ['2A + 3', [5, 0, 0], 13],
      ['log(e^A)', [2, 0, 0], 2],
      ['A mod B', [7, 3, 0], 1],
      ['(1 < A < 4) ? 1 : 0', [2, 0, 0], 1],
      ['hypot(A, B) + abs(-C) + round(2.6) + floor(1.5) + ceil(0.2)', [3, 4, 1], 5 + 1 + 3 + 1 + 1],
    ];
    for (const [expr, values, expected] of cases) expect(compileFormula(expr)(values)).toBeCloseTo(expected, 12);
  });
});

describe('compileFormula: oracle (plain JavaScript)', () => {
  it("compileFormula('A*B*C') equals a*b*c exactly, and aliases mean the same values", () => {
    const f = compileFormula('A*B*C');
    const g = compileFormula('importance * urgency * satisfaction');
    fc.assert(
      fc.property(finite, finite, finite, (a, b, c) => {
        expect(f([a, b, c])).toBe(a * b * c);
        expect(g([a, b, c])).toBe(a * b * c);
      }),
    );
  });
  it("compileFormula('(A - B) / (1 + C^2)') equals the same expression in JavaScript", () => {
    const f = compileFormula('(A - B) / (1 + C^2)');
    fc.assert(
      fc.property(finite, finite, finite, (a, b, c) => {
        expect(f([a, b, c])).toBe((a - b) / (1 + c ** 2));
      }),
    );
  });
});

describe('compileFormula: properties', () => {
  it('a compiled formula is a pure function: repeated and interleaved calls give the same results', () => {
    const f = compileFormula('A^2 + B - C');
    fc.assert(
      fc.property(fc.array(fc.tuple(finite, finite, finite), { minLength: 1, maxLength: 20 }), (rows) => {
        const first = rows.map((r) => f(r));
        const again = [...rows].reverse().map((r) => f(r)).reverse();
        expect(again).toEqual(first);
      }),
    );
  });
  it('a compiled formula never mutates its values', () => {
    const f = compileFormula('A + B + C');
    const values = Object.freeze([1, 2, 3]);
    expect(f(values)).toBe(6);
    expect(values).toEqual([1, 2, 3]);
  });
});

describe('compileFormula: edge cases', () => {
  it('compileFormula rejects at compile time an unknown symbol, naming it and the formula', () => {
    expect(() => compileFormula('A * D')).toThrow(InputTypeError);
    expect(() => compileFormula('A * D')).toThrow('compileFormula: expression "A * D" uses the unknown symbol D');
    expect(() => compileFormula('2 cm')).toThrow('unknown symbol cm');
    expect(() => compileFormula('i')).toThrow('unknown symbol i');
  });
  it('compileFormula rejects at compile time an unknown function and a syntax error', () => {
    expect(() => compileFormula('foo(A)')).toThrow('compileFormula: expression "foo(A)" calls the unknown function foo');
    expect(() => compileFormula('A * (B')).toThrow('compileFormula: expression "A * (B" is not a valid formula');
    expect(() => compileFormula('')).toThrow(InputTypeError);
  });
  it.each(['A = 1', '[A, B]', 'A:B', 'f(x) = x', 'A; B', 'a.b', '{a: 1}', 'A[1]'])('compileFormula(%j) rejects the construct at compile time', (expr) => {
    expect(() => compileFormula(expr)).toThrow(InputTypeError);
  });
  it('compileFormula rejects unsupported operators and non-numeric constants', () => {
    expect(() => compileFormula('A!')).toThrow('uses the unsupported operator !');
    expect(() => compileFormula('A & B')).toThrow('uses the unsupported operator &');
    expect(() => compileFormula('"text"')).toThrow('contains the non-numeric constant text');
    expect(() => compileFormula('true')).toThrow(InputTypeError);
  });
  it('a compiled formula throws InputRangeError for NaN or ±Infinity results, InputTypeError for booleans, naming formula and values', () => {
    expect(() => compileFormula('A / B')([1, 0, 0])).toThrow(InputRangeError);
    expect(() => compileFormula('A / B')([1, 0, 0])).toThrow('compileFormula: result of "A / B" at values [1, 0, 0] must be a finite number, got Infinity');
    expect(() => compileFormula('sqrt(A)')([-1, 0, 0])).toThrow('got NaN');
    expect(() => compileFormula('A > B')([2, 1, 0])).toThrow(InputTypeError);
    expect(() => compileFormula('10^A')([400, 0, 0])).toThrow(InputRangeError);
  });
  it('a compiled formula validates its values', () => {
    const f = compileFormula('A + B + C');
    expect(() => f([1, 2])).toThrow('compileFormula: values must be an array of 3 numbers, got an array of length 2');
    expect(() => f([1, NaN, 2])).toThrow('compileFormula: values[1] must be a finite number, got NaN');
    expect(() => f(null as never)).toThrow(InputTypeError);
  });
  it('compileFormula validates the expression type, options and variable names', () => {
    expect(() => compileFormula(42 as never)).toThrow('compileFormula: expression must be a string, got 42');
    expect(() => compileFormula('A', { vars: [] } as never)).toThrow('compileFormula: options.vars is not a known option');
    expect(() => compileFormula('x', { variables: ['x', 'x'] })).toThrow('options.variables[1] repeats the name x');
    expect(() => compileFormula('x', { variables: ['max'] })).toThrow('options.variables[0] uses the reserved name max');
    expect(() => compileFormula('x', { variables: ['1x'] })).toThrow(InputTypeError);
    expect(() => compileFormula('x', { variables: [[]] })).toThrow(InputTypeError);
  });
  it('a formula that uses no variable is allowed and constant', () => {
    expect(compileFormula('2 + 3')([9, 9, 9])).toBe(5);
    expect(compileFormula('1', { variables: [] })([])).toBe(1);
  });
});
