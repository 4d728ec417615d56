import { describe, expect, it } from 'vitest';
import { addTerm, expr, exactLpText, rowText } from '../../src/pareto/exactLp.js';
import type { ExactModel } from '../../src/pareto/exactModel.js';

/** A hand-made two-task, one-device model (x0_0, x1_0 binary; C ≥ 3 x0_0 + 5 x1_0) with objectives C and 2 + x0_0. */
function model(integers: readonly string[] = []): ExactModel {
  const makespan = expr();
  addTerm(makespan, 'C', 1);
  const second = expr();
  second.constant = 2;
  addTerm(second, 'x0_0', 1);
  const c = expr();
  addTerm(c, 'C', 1);
  addTerm(c, 'x0_0', -3);
  addTerm(c, 'x1_0', -5);
  return {
    n: 2, m: 1, columns: ['x0_0', 'x1_0', 'C'], xColumn: Int32Array.of(0, 1),
    rows: [rowText('c0', c, '>=', 0)], binaries: ['x0_0', 'x1_0'], integers,
    objectives: [makespan, second], integral: [true, true], scale: [8, 3], wellScaled: true,
  };
}

describe('expr, addTerm and rowText', () => {
  it('addTerm(e, name, coef) accumulates coefficients per variable, skips a zero coefficient, and keeps a term that sums to 0', () => {
    const e = expr();
    expect(e).toEqual({ terms: new Map(), constant: 0 });
    addTerm(e, 'x', 2);
    addTerm(e, 'y', 0);
    addTerm(e, 'x', 0.5);
    addTerm(e, 'z', -1);
    addTerm(e, 'z', 1);
    expect([...e.terms]).toEqual([['x', 2.5], ['z', 0]]);
  });

  it('rowText(name, e, sense, rhs) writes the terms in insertion order and moves the constant to the right-hand side', () => {
    const e = expr();
    addTerm(e, 'x1', 3);
    addTerm(e, 'y', -0.25);
    e.constant = 4;
    expect(rowText('r', e, '<=', 10)).toBe(' r:\n + 3 x1 - 0.25 y <= 6');
    expect(rowText('q', e, '=', 0)).toBe(' q:\n + 3 x1 - 0.25 y = -4');
  });
});

describe('exactLpText', () => {
  it('exactLpText(model, weights, upper) minimizes Σ weights·terms over every column in model order, adds an ε row only per finite bound, and lists the binaries', () => {
    const text = exactLpText(model(), [1, 3], [Infinity, 2.5]);
    expect(text).toBe([
      'Minimize',
      ' obj:\n + 3 x0_0 + 0 x1_0 + 1 C',
      'Subject To',
      ' c0:\n + 1 C - 3 x0_0 - 5 x1_0 >= 0',
      ' eps1:\n + 1 x0_0 <= 0.5',
      'Binary',
      ' x0_0 x1_0',
      'End',
      '',
    ].join('\n'));
  });

  it('exactLpText with a zero weight leaves that objective out of the objective row (columns stay, at 0); with reverseRows the rows come in reverse order; integers get a General section', () => {
    const text = exactLpText(model(['C']), [0, 1], [8, Infinity], true);
    expect(text).toContain(' obj:\n + 1 x0_0 + 0 x1_0 + 0 C\n');
    const lines = text.split('\n');
    expect(lines.indexOf(' eps0:')).toBeLessThan(lines.indexOf(' c0:'));
    expect(text).toContain('General\n C\nBinary\n x0_0 x1_0\nEnd\n');
    expect(exactLpText(model(), [1, 1], [Infinity, Infinity])).not.toContain('General');
  });
});
