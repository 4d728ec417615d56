import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InfeasibleError, InputRangeError } from '../../../src/errors.js';
import { scanStats } from '../../../src/solvers/lsap/lsapInput.js';
import { lsapResult, solveLsap } from '../../../src/solvers/lsap/lsapSolve.js';

/**
 * Brute force over every partial injection rows → columns: minimizes Σ matched
 * (c − L) with a cost limit L, else Σ c over those matching min(rows, cols)
 * pairs (Infinity: none). Forbidden entries (`forbidden`) are never matched.
 */
function brute(c: Float64Array, rows: number, cols: number, limit: number | undefined, maximize: boolean): number {
  const sign = maximize ? -1 : 1;
  const forbidden = maximize ? -Infinity : Infinity;
  const k = Math.min(rows, cols);
  const used = new Array<boolean>(cols).fill(false);
  let best = Infinity;
  const rec = (i: number, count: number, sum: number): void => {
    if (i === rows) {
      if (limit !== undefined || count === k) best = Math.min(best, sum);
      return;
    }
    rec(i + 1, count, sum);
    for (let j = 0; j < cols; j++) {
      const v = c[i * cols + j] as number;
      if (used[j] || v === forbidden) continue;
      used[j] = true;
      rec(i + 1, count + 1, sum + sign * (limit === undefined ? v : v - limit));
      used[j] = false;
    }
  };
  rec(0, 0, 0);
  return best;
}

/** The brute-force objective of an assignment (as `brute` scores it). */
function scoreOf(c: Float64Array, cols: number, assignment: readonly number[], limit: number | undefined, maximize: boolean): number {
  const sign = maximize ? -1 : 1;
  return assignment.reduce((s, j, i) => (j < 0 ? s : s + sign * ((c[i * cols + j] as number) - (limit ?? 0))), 0);
}

const shapeArb = fc.record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 5 }) });
const caseArb = shapeArb.chain(({ rows, cols }) =>
  fc.record({
    rows: fc.constant(rows),
    cols: fc.constant(cols),
    entries: fc.array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: -6, max: 9 }) }, { weight: 1, arbitrary: fc.constant(Infinity) }), { minLength: rows * cols, maxLength: rows * cols }),
    maximize: fc.boolean(),
    limit: fc.option(fc.integer({ min: -3, max: 8 }), { nil: undefined }),
  }),
);

describe('solveLsap (the solve behind linearSumAssignment and linearSumAssignmentMatrix)', () => {
  it('solveLsap(data, rows, cols, maximize, costLimit) reaches the brute-force optimum in every shape (transposed, negated, cost-limited), never matching a forbidden pair, and leaves data unchanged when not owned', () => {
    fc.assert(fc.property(caseArb, ({ rows, cols, entries, maximize, limit }) => {
      const data = Float64Array.from(entries, (x) => (maximize && x === Infinity ? -Infinity : x));
      const before = data.slice();
      const best = brute(data, rows, cols, limit, maximize);
      let r;
      try {
        r = solveLsap('t', data, rows, cols, maximize, limit, false, scanStats('t', data, cols, maximize, false));
      } catch (e) {
        expect(e).toBeInstanceOf(InfeasibleError);
        expect(limit).toBeUndefined();
        expect(best).toBe(Infinity);
        return;
      }
      expect(data).toEqual(before);
      expect(r.assignment).toHaveLength(rows);
      const chosen = r.assignment.filter((j) => j >= 0);
      expect(new Set(chosen).size).toBe(chosen.length);
      if (limit === undefined) expect(chosen).toHaveLength(Math.min(rows, cols));
      for (const [i, j] of r.assignment.entries()) if (j >= 0) expect(Number.isFinite(data[i * cols + j])).toBe(true);
      expect(scoreOf(data, cols, r.assignment, limit, maximize)).toBe(best);
      expect(r.cost).toBe(r.assignment.reduce((s, j, i) => (j < 0 ? s : s + (data[i * cols + j] as number)), 0));
      expect(r.unmatchedRows === undefined).toBe(limit === undefined);
    }));
  });

  it('solveLsap names the field in its errors: cost when the buffer is the caller-owned copy of cost, data otherwise', () => {
    const c = Float64Array.of(Infinity, Infinity, 1, 2);
    const stats = scanStats('t', c, 2, false, false);
    expect(() => solveLsap('t', c, 2, 2, false, undefined, false, stats)).toThrow(/^t: data admits no assignment of 2 pairs/);
    expect(() => solveLsap('t', c.slice(), 2, 2, false, undefined, true, stats)).toThrow(/^t: cost admits no assignment of 2 pairs/);
    const none = Float64Array.of(Infinity, Infinity);
    expect(() => solveLsap('t', none, 1, 2, false, undefined, false, scanStats('t', none, 2, false, false))).toThrow(InfeasibleError);
    const huge = Float64Array.of(1.7e308, 1.7e308, 1.7e308, 1.7e308);
    expect(() => solveLsap('t', huge, 2, 2, false, undefined, false, scanStats('t', huge, 2, false, false))).toThrow(InputRangeError);
  });

  it('solveLsap on an empty side returns every row unmatched at cost 0 (with a cost limit, every column too)', () => {
    const empty = new Float64Array(0);
    expect(solveLsap('t', empty, 3, 0, false, undefined, false, scanStats('t', empty, 0, false, false))).toEqual({ assignment: [-1, -1, -1], cost: 0 });
    expect(solveLsap('t', empty, 0, 2, false, 5, false, scanStats('t', empty, 2, false, false))).toEqual({ assignment: [], cost: 0, unmatchedRows: [], unmatchedColumns: [0, 1] });
  });
});

describe('lsapResult', () => {
  it('lsapResult(assignment, cost, limited, cols) lists the unmatched rows and columns, ascending, only when limited', () => {
    expect(lsapResult([2, -1, 0], 7, false, 4)).toEqual({ assignment: [2, -1, 0], cost: 7 });
    expect(lsapResult([2, -1, 0], 7, true, 4)).toEqual({ assignment: [2, -1, 0], cost: 7, unmatchedRows: [1], unmatchedColumns: [1, 3] });
  });
});
