import { afterEach, describe, expect, it, vi } from 'vitest';
import { lsapKernel } from '../../../src/solvers/lsap/lsap.js';
import { lsapSparse } from '../../../src/solvers/lsap/lsapSparse.js';
import { linearSumAssignment, linearSumAssignmentMatrix } from '../../../src/solvers/lsap/linearSumAssignment.js';
import { denseWasm, lastScanSpan, lsapWasmAvailable, setLsapWasmEnabled, sparseWasm, wasmMatrix, wasmScan } from '../../../src/solvers/lsap/lsapWasm.js';
import { columnMinima } from '../../../src/solvers/lsap/lsapMinima.js';
import { createRng, type Rng } from '../../../src/internal/random.js';

/** The global WebAssembly object, untyped (not in this project's `lib`). */
const realWasm = (globalThis as unknown as { readonly WebAssembly: Record<string, unknown> }).WebAssembly;

/** Both paths' results, WebAssembly first, then the JavaScript path. */
function bothPaths<T>(run: () => T): [T, T] {
  const was = setLsapWasmEnabled(true);
  try {
    const w = run();
    setLsapWasmEnabled(false);
    const j = run();
    return [w, j];
  } finally {
    setLsapWasmEnabled(was);
  }
}

/** A matrix with many ties (small integers), a forbidden share and a kind of values. */
function matrix(rng: Rng, rows: number, cols: number, kind: number, forbidden: number): number[][] {
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => {
      if (rng() < forbidden) return Infinity;
      if (kind === 0) return Math.floor(rng() * 4); // heavy ties
      if (kind === 1) return Math.floor(rng() * 1000);
      if (kind === 2) return rng();
      return 7; // all equal
    }),
  );
}

function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    return (e as Error).message;
  }
}

describe('denseWasm: the WebAssembly kernel against the JavaScript path (oracle)', () => {
  it('this test environment (Node) runs the WebAssembly path, so the comparisons below compare two implementations', () => {
    expect(lsapWasmAvailable()).toBe(true);
    const c = new Float64Array([4, 1, 3, 2, 0, 5, 3, 2, 2]);
    expect(denseWasm(c, 3, 3, undefined, true)).toEqual(new Int32Array([1, 0, 2]));
  });

  it('linearSumAssignment returns the identical assignment and cost on 600 seeded matrices: square and rectangular both ways, ties, all-equal, Infinity (forbidden), maximize, costLimit', () => {
    const rng = createRng(1501);
    let compared = 0;
    for (let t = 0; t < 600; t++) {
      const rows = 1 + Math.floor(rng() * 30);
      const shape = t % 3;
      const cols = shape === 0 ? rows : shape === 1 ? rows + 1 + Math.floor(rng() * 40) : Math.max(1, rows - 1 - Math.floor(rng() * rows));
      const kind = t % 4;
      const forbidden = t % 5 === 0 ? 0.3 : 0;
      const c = matrix(rng, rows, cols, kind, forbidden);
      const maximize = t % 7 === 0;
      const mc = maximize ? c.map((r) => r.map((x) => (x === Infinity ? -Infinity : x))) : c;
      const opts = t % 11 === 0 ? { maximize, costLimit: 2 } : { maximize };
      const [w, j] = bothPaths(() => outcome(() => linearSumAssignment(mc, opts)));
      expect(w).toEqual(j);
      compared++;
    }
    expect(compared).toBe(600);
  });

  it('lsapKernel (square, rectangular, without the row reduction) returns identical arrays on seeded float and tied matrices up to 300 columns', () => {
    const rng = createRng(1502);
    for (let t = 0; t < 60; t++) {
      const rows = 5 + Math.floor(rng() * 120);
      const cols = t % 2 === 0 ? rows : rows + Math.floor(rng() * 180);
      const ties = t % 3 === 0;
      const c = Float64Array.from({ length: rows * cols }, () => (ties ? Math.floor(rng() * 5) : rng()));
      const rowReduction = t % 4 !== 1;
      const [w, j] = bothPaths(() => lsapKernel(c, rows, cols, undefined, true, rowReduction));
      expect(w).toBeDefined();
      expect(w).toEqual(j);
    }
  });

  it('linearSumAssignmentMatrix on large uniform and all-equal matrices (300×300 dense path, 200×700, 600×600) returns the identical result on both paths', () => {
    const rng = createRng(1503);
    for (const [rows, cols, equal] of [[300, 300, false], [200, 700, false], [600, 600, true], [150, 450, true]] as const) {
      const c = equal ? new Float64Array(rows * cols).fill(3) : Float64Array.from({ length: rows * cols }, () => Math.floor(rng() * 100));
      const [w, j] = bothPaths(() => linearSumAssignmentMatrix(c, rows, cols));
      expect(w).toEqual(j);
    }
  });

  it('lsapSparse (n ≥ 250) returns the identical assignment, or refuses alike, on both paths: uniform floats, ties, integers, structured and near-tied matrices', () => {
    const rng = createRng(1504);
    const kinds = ['uniform', 'int1000', 'int20', 'ties', 'ij', 'rank1', 'near'] as const;
    let solved = 0;
    let refused = 0;
    for (let t = 0; t < 28; t++) {
      const n = 250 + Math.floor(rng() * 200);
      const kind = kinds[t % kinds.length]!;
      const a = Float64Array.from({ length: n }, () => 1 + rng());
      const c = Float64Array.from({ length: n * n }, (_, k) => {
        const i = Math.floor(k / n);
        const j = k % n;
        if (kind === 'uniform') return rng();
        if (kind === 'int1000') return 1 + Math.floor(rng() * 1000);
        if (kind === 'int20') return Math.floor(rng() * 20);
        if (kind === 'ties') return Math.floor(rng() * 3);
        if (kind === 'ij') return i * j;
        if (kind === 'rank1') return (a[i] as number) * (a[j] as number);
        return 1 + Math.floor(rng() * 4) * 2 ** -40; // near-ties: few distinct values close together
      });
      // The WebAssembly path runs (not null), so the comparison compares two implementations.
      expect(sparseWasm(c, n, columnMinima(c, n, n))).not.toBeNull();
      const [w, j] = bothPaths(() => lsapSparse(c, n));
      expect(w).toEqual(j);
      if (w === undefined) refused++;
      else solved++;
      // And through the kernel and the public entry point (the dense fallback after a refusal).
      const [kw, kj] = bothPaths(() => lsapKernel(c, n, n));
      expect(kw).toEqual(kj);
    }
    expect(solved).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(2);
  });

  it('lsapSparse in WebAssembly reads the matrix where linearSumAssignment wrote it (in linear memory) and grows the memory when it is not there', () => {
    const rng = createRng(1505);
    for (const n of [260, 700]) {
      const rows = Array.from({ length: n }, () => Array.from({ length: n }, () => rng()));
      const [w, j] = bothPaths(() => linearSumAssignment(rows));
      expect(w).toEqual(j);
      const flat = Float64Array.from(rows.flat());
      const [mw, mj] = bothPaths(() => linearSumAssignmentMatrix(flat, n, n, { maximize: true }));
      expect(mw).toEqual(mj);
    }
  });

  it('lsapKernel reports no augmenting path (undefined) on both paths when forbidden pairs leave no perfect matching', () => {
    const I = Infinity;
    const c = new Float64Array([1, I, I, 2, I, I, 3, 4, 5]); // rows 0 and 1 both need column 0
    expect(bothPaths(() => lsapKernel(c, 3, 3, undefined, false))).toEqual([undefined, undefined]);
    const wide = new Float64Array([1, I, I, I, 2, I, I, I]); // 2×4, both rows need column 0
    expect(bothPaths(() => lsapKernel(wide, 2, 4, undefined, false))).toEqual([undefined, undefined]);
  });
});

describe('denseWasm: fallback when WebAssembly is unavailable', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('denseWasm returns null without a global WebAssembly, and linearSumAssignment still solves (JavaScript path)', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    const wasm = await import('../../../src/solvers/lsap/lsapWasm.js');
    const api = await import('../../../src/solvers/lsap/linearSumAssignment.js');
    expect(wasm.lsapWasmAvailable()).toBe(false);
    expect(wasm.denseWasm(new Float64Array([1, 2, 3, 4]), 2, 2, undefined, true)).toBeNull();
    expect(api.linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])).toEqual({ assignment: [1, 0, 2], cost: 5 });
  });

  it('denseWasm returns null when synchronous compilation is refused (as a browser main thread refuses modules over 4 KB), and linearSumAssignment still solves', async () => {
    const real = realWasm as unknown as { Instance: unknown };
    let refused = 0;
    class RefusingModule {
      constructor() {
        refused++;
        throw new RangeError('WebAssembly.Module(): Buffer size is over the main thread limit');
      }
    }
    // The namespace's members are not enumerable (a spread copies none): named one by one.
    vi.stubGlobal('WebAssembly', { Module: RefusingModule, Instance: real.Instance });
    vi.resetModules();
    const wasm = await import('../../../src/solvers/lsap/lsapWasm.js');
    const api = await import('../../../src/solvers/lsap/linearSumAssignment.js');
    expect(wasm.lsapWasmAvailable()).toBe(false);
    expect(api.linearSumAssignment([[1, Infinity], [2, 3]])).toEqual({ assignment: [0, 1], cost: 4 });
    expect(refused).toBeGreaterThan(0);
  });

  it('denseWasm returns null when instantiation throws, and linearSumAssignment still solves', async () => {
    const real = realWasm as unknown as { Module: unknown };
    let refused = 0;
    class RefusingInstance {
      constructor() {
        refused++;
        throw new Error('WebAssembly.Instance(): refused');
      }
    }
    // Named one by one (see above): the real Module compiles, the instance is refused.
    vi.stubGlobal('WebAssembly', { Module: real.Module, Instance: RefusingInstance });
    vi.resetModules();
    const wasm = await import('../../../src/solvers/lsap/lsapWasm.js');
    const api = await import('../../../src/solvers/lsap/linearSumAssignment.js');
    expect(wasm.denseWasm(new Float64Array([1, 2, 3, 4]), 2, 2, undefined, true)).toBeNull();
    expect(api.linearSumAssignment([[1, 9], [9, 8]], { costLimit: 6 })).toEqual({ assignment: [0, -1], cost: 1, unmatchedRows: [1], unmatchedColumns: [1] });
    expect(refused).toBeGreaterThan(0);
  });
  it('sparseWasm returns null when only the sparse module is refused (its instance throws), the dense module still runs, and linearSumAssignment at 260×260 gives the same result', async () => {
    const rng = createRng(1506);
    const rows = Array.from({ length: 260 }, () => Array.from({ length: 260 }, () => rng()));
    const expected = linearSumAssignment(rows);
    const real = realWasm as unknown as { Module: unknown; Instance: new (m: object, i: object) => object };
    class SparseRefusingInstance {
      constructor(m: object, imports: { env?: unknown }) {
        if (imports.env !== undefined) throw new Error('refused');
        return new real.Instance(m, imports);
      }
    }
    // (The namespace's members are not enumerable: named one by one.)
    vi.stubGlobal('WebAssembly', { Module: real.Module, Instance: SparseRefusingInstance });
    vi.resetModules();
    const wasm = await import('../../../src/solvers/lsap/lsapWasm.js');
    const minima = await import('../../../src/solvers/lsap/lsapMinima.js');
    const api = await import('../../../src/solvers/lsap/linearSumAssignment.js');
    expect(wasm.lsapWasmAvailable()).toBe(true);
    const c = Float64Array.from(rows.flat());
    expect(wasm.sparseWasm(c, 260, minima.columnMinima(c, 260, 260))).toBeNull();
    expect(wasm.denseWasm(new Float64Array([4, 1, 3, 2, 0, 5, 3, 2, 2]), 3, 3, undefined, true)).toEqual(new Int32Array([1, 0, 2]));
    expect(api.linearSumAssignment(rows)).toEqual(expected);
  });
});

describe('wasmMatrix: the input written straight into the kernel memory', () => {
  it('linearSumAssignment gives identical results on both paths when a huge-magnitude matrix forces the scaled retry, and when the transposed and cost-limited problems follow a square solve', () => {
    const big = 2 ** 1000;
    const huge = [[big, 3 * big, 2 * big], [2 * big, big, 3 * big], [3 * big, 2 * big, big]];
    const [w, j] = bothPaths(() => outcome(() => linearSumAssignment(huge)));
    expect(w).toEqual(j);
    const rng = createRng(1504);
    const square = matrix(rng, 40, 40, 1, 0);
    const tall = matrix(rng, 60, 25, 1, 0.1);
    const wide = matrix(rng, 25, 60, 2, 0);
    const run = () => [linearSumAssignment(square), outcome(() => linearSumAssignment(tall)), linearSumAssignment(wide, { costLimit: 0.3 }), linearSumAssignment(square, { maximize: true })];
    const [a, b] = bothPaths(run);
    expect(a).toEqual(b);
  });
});

describe('wasmScan: the span statistics of the exactness guard', () => {
  it('wasmScan then lastScanSpan gives the largest and smallest nonzero |c| and the integrality (brute force) on square and rectangular matrices', () => {
    const rng = createRng(1515);
    for (let t = 0; t < 30; t++) {
      const rows = 1 + Math.floor(rng() * 12);
      const cols = rows + (t % 3 === 0 ? 0 : Math.floor(rng() * 9));
      const flat = Float64Array.from({ length: rows * cols }, () => {
        const r = rng();
        if (r < 0.15) return 0;
        return t % 2 === 0 ? Math.floor(rng() * 50) - 25 : (rng() - 0.5) * 10 ** Math.floor(rng() * 30 - 15);
      });
      const data = wasmMatrix(rows, cols)!;
      data.set(flat);
      const square = rows === cols;
      const sum = wasmScan(data, rows, cols, square ? { min: new Float64Array(cols), row: new Int32Array(cols) } : undefined, undefined);
      const abs = [...flat].map(Math.abs);
      const nonzero = abs.filter((a) => a !== 0);
      const ref = abs.reduce((s, a) => s + a, 0);
      // Square: the same sum in the same order; rectangular: two SIMD lanes, within rounding.
      if (square) expect(sum).toBe(ref);
      else expect(Math.abs(sum! - ref)).toBeLessThanOrEqual(ref * flat.length * 2 ** -52);
      expect(lastScanSpan()).toEqual({ max: Math.max(0, ...nonzero), min: Math.min(Infinity, ...nonzero), integral: flat.every(Number.isInteger) });
    }
  });
});
