// The one-pass matrix reader (problem/matrix.ts) against the plain loops it
// replaced: reading, the feasibility check, the overflow guard's row sums and
// the row minima of the lower bound, each computed separately as before.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readScanned } from '../../src/problem/matrix.js';
import { scanRows, type RowScan } from '../../src/problem/timeSums.js';

/** The plain version: one loop per quantity, as compile.ts, timeSums.ts and lowerBound.ts had them. */
function plainScan(n: number, m: number, exec: Float64Array, transfer: Float64Array, release: readonly number[]): RowScan {
  const infeasible: number[] = [];
  for (let i = 0; i < n; i++) {
    let ok = false;
    for (let j = i * m, end = j + m; j < end && !ok; j++) ok = exec[j]! + transfer[j]! < Infinity;
    if (!ok) infeasible.push(i);
  }
  let worstSum = 0;
  let overflowAt = -1;
  for (let i = 0; i < n; i++) {
    let worst = 0;
    for (let j = 0, k = i * m; j < m; j++, k++) {
      const e = exec[k]!;
      const x = transfer[k]!;
      if (e === Infinity || x === Infinity) continue;
      const p = x + e;
      if (p === Infinity && overflowAt < 0) overflowAt = k;
      if (p > worst && p < Infinity) worst = p;
    }
    worstSum += worst;
  }
  let single = 0;
  let minSum = 0;
  let minRelease = Infinity;
  for (let i = 0; i < n; i++) {
    const rel = release[i]!;
    if (rel < minRelease) minRelease = rel;
    let best = Infinity;
    for (let k = i * m, end = k + m; k < end; k++) {
      const p = exec[k]! + transfer[k]!;
      if (p < best) best = p;
    }
    minSum += best;
    if (rel + best > single) single = rel + best;
  }
  return { infeasible, worstSum, overflowAt, minSum, single, minRelease };
}

const cell = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: 0, max: 1e3, noNaN: true }),
  fc.constantFrom(0, -0, Infinity, 1e308, Number.MAX_VALUE),
);
const input = fc.record({ n: fc.integer({ min: 0, max: 6 }), m: fc.integer({ min: 0, max: 4 }), withTransfer: fc.boolean() }).chain(({ n, m, withTransfer }) =>
  fc.record({
    n: fc.constant(n),
    m: fc.constant(m),
    exec: fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
    transfer: withTransfer ? fc.array(fc.array(cell, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }) : fc.constant(undefined),
    release: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e3, noNaN: true })), { minLength: n, maxLength: n }),
  }),
);

function expectSameScan(actual: RowScan | undefined, expected: RowScan): void {
  expect(actual).toBeDefined();
  expect(actual!.infeasible).toEqual(expected.infeasible);
  for (const key of ['worstSum', 'overflowAt', 'minSum', 'single', 'minRelease'] as const) expect(Object.is(actual![key], expected[key]), key).toBe(true);
}

describe('readScanned: oracle against the plain loops', () => {
  it('readScanned(execTime, transferTime?) fills exec and transfer as the entries and returns the plain loops\' feasibility, overflow and row-minima values', () => {
    fc.assert(
      fc.property(input, ({ n, m, exec, transfer, release }) => {
        const outExec = new Float64Array(n * m);
        const outTransfer = new Float64Array(n * m);
        const scan = readScanned(exec, transfer, n, m, outExec, outTransfer, release);
        expect(Array.from(outExec)).toEqual(exec.flat());
        expect(Array.from(outTransfer)).toEqual(transfer === undefined ? new Array<number>(n * m).fill(0) : transfer.flat());
        const expected = plainScan(n, m, outExec, outTransfer, release);
        expectSameScan(scan, expected);
        expectSameScan(scanRows(n, m, outExec, transfer === undefined ? undefined : outTransfer, release), expected);
        expectSameScan(scanRows(n, m, outExec, outTransfer, release), expected);
      }),
    );
  });

  it('readScanned(execTime with a ragged row, a negative, NaN, null or string entry) returns undefined (the reporting reader then runs)', () => {
    const ok = [[1, 2], [3, 4]];
    const bad: unknown[] = [[[1, 2], [3]], [[1, 2], [3, -1]], [[1, NaN], [3, 4]], [[1, 2], [null, 4]], [[1, '2'], [3, 4]], [[1, 2]], 'rows', [[1, 2], 'row']];
    for (const v of bad) {
      expect(readScanned(v, undefined, 2, 2, new Float64Array(4), new Float64Array(4), [0, 0])).toBeUndefined();
      expect(readScanned(ok, v, 2, 2, new Float64Array(4), new Float64Array(4), [0, 0])).toBeUndefined();
    }
    expect(readScanned(ok, undefined, 2, 2, new Float64Array(4), new Float64Array(4), [0, 0])).toBeDefined();
  });

  it('readScanned([[1e308], [Infinity]], [[1e308], [0]]) reports the overflowing pair 0 and the infeasible row 1', () => {
    const scan = readScanned([[1e308], [Infinity]], [[1e308], [0]], 2, 1, new Float64Array(2), new Float64Array(2), [0, 5]);
    expect(scan).toEqual({ infeasible: [0, 1], worstSum: 0, overflowAt: 0, minSum: Infinity, single: Infinity, minRelease: 0 });
  });
});
