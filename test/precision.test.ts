// The library's numerical guarantees, as stated in README "Numerical
// guarantees", checked across the whole double range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, linearSumAssignment, loads, priorities, scoreColumns, transferTimes } from '../src/index.js';

const relClose = (a: number, b: number, rel: number): boolean => Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b));

describe('precision: normalized forms across 1e-300..1e300 (properties)', () => {
  it('scaling any column by 10^k, |k| ≤ 300, changes each normalized score by at most 1e-13 relative', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: -300, max: 300 }),
        (rows, col, k) => {
          const cols = [0, 1, 2].map((c) => rows.map((r) => r[c]!));
          const scaled = cols.map((c, i) => (i === col ? c.map((v) => v * 10 ** k) : c));
          const a = scoreColumns(cols, { form: 'normalized' });
          const b = scoreColumns(scaled, { form: 'normalized' });
          a.forEach((v, i) => expect(relClose(v, b[i]!, 1e-13)).toBe(true));
        },
      ),
    );
  });

  it('normalized scores of a set sum to the number of criteria within 1e-14·n, even with 1e±300 columns', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 1e-300, max: 1e-290, noNaN: true }), fc.double({ min: 1e290, max: 1e300, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 1e-3)), { minLength: 1, maxLength: 50 }), (rows) => {
        const tasks = rows.map(([a, b, c]) => ({ importance: a, urgency: b, satisfaction: c }));
        const p = priorities(tasks, { form: 'normalized' });
        expect(Math.abs(p.reduce((s, v) => s + v, 0) - 3)).toBeLessThanOrEqual(1e-14 * rows.length + 1e-15);
        const devices = rows.map(([a, b, c]) => ({ capacity: b, remaining: a, execTime: c }));
        expect(Math.abs(loads(devices, { form: 'normalized' }).reduce((s, v) => s + v, 0) - 3)).toBeLessThanOrEqual(1e-14 * rows.length + 1e-15);
      }),
    );
  });
});

describe('precision: base forms are IEEE-exact up to their own roundings (reference values)', () => {
  it('transferTime base is the exactly rounded sum for integers below 2^53, A·B·C the exactly rounded product chain', () => {
    expect(Array.from(transferTimes([{ pack: 2 ** 52, send: 1, unpack: 2 }]))).toEqual([2 ** 52 + 3]);
    expect(Array.from(priorities([{ importance: 1e100, urgency: 1e100, satisfaction: 1e100 }]))).toEqual([1e100 * 1e100 * 1e100]);
    expect(() => priorities([{ importance: 1e200, urgency: 1e200, satisfaction: 1 }])).toThrow(/overflows/);
  });

  it('evaluate: integer times below 2^53 give exact finish times and makespan', () => {
    const big = 2 ** 50;
    const p = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'd', tier: 'edge' as const }], execTime: [[big], [3]], transferTime: [[1], [2]] };
    const s = evaluate(p, [0, 0], { costModel: 'sequential' });
    expect(s.tasks.map((t) => t.finish)).toEqual([big + 1, big + 6]);
    expect(s.metrics.makespan).toBe(big + 6);
  });
});

describe('precision: linear sum assignment (oracle)', () => {
  it('the optimal cost of an integer matrix is exact (no accumulated rounding) up to 2^53', () => {
    const c = [
      [2 ** 51, 1, 2 ** 51],
      [1, 2 ** 51, 2 ** 51],
      [2 ** 51, 2 ** 51, 3],
    ];
    expect(linearSumAssignment(c)).toEqual({ assignment: [1, 0, 2], cost: 5 });
  });
});
