import { describe, expect, it } from 'vitest';
import { augment, pathScratch, shortestPath } from '../../../src/solvers/lsap/lsapPaths.js';

describe('shortestPath: reference values', () => {
  it('shortestPath from the only free row of [[1, 2], [1, 9]] (row 0 on column 0) moves row 0 to column 1', () => {
    const c = new Float64Array([1, 2, 1, 9]);
    const x = new Int32Array([0, -1]);
    const y = new Int32Array([0, -1]);
    const v = new Float64Array([1, 2]); // reduced costs of row 0: 0, 0
    const pred = new Int32Array(2);
    const last = shortestPath(c, 2, 1, x, y, v, pred, pathScratch(2));
    expect(last).toBe(1);
    augment(x, y, pred, 1, last);
    expect([...x]).toEqual([1, 0]);
    expect([...y]).toEqual([1, 0]);
    // The free column's dual is unchanged; the matched one is lowered so both pairs are tight.
    expect(v[1]).toBe(2);
    expect(c[0 * 2 + 1]! - v[1]!).toBe(0);
  });
});

describe('shortestPath: edge cases', () => {
  it('shortestPath returns -1 and changes nothing when only forbidden pairs lead to a free column', () => {
    // Row 0 holds column 0; row 1 may only use column 0; column 1 is forbidden to both.
    const c = new Float64Array([1, Infinity, 2, Infinity]);
    const x = new Int32Array([0, -1]);
    const y = new Int32Array([0, -1]);
    const v = new Float64Array([1, 0]);
    const pred = new Int32Array(2);
    expect(shortestPath(c, 2, 1, x, y, v, pred, pathScratch(2))).toBe(-1);
    expect([...x, ...y, ...v]).toEqual([0, -1, 0, -1, 1, 0]);
  });
});
