/**
 * The dense LSAP kernel run as WebAssembly: the same algorithm as the
 * JavaScript dense path of `lsap.ts` (same f64 operations in the same order,
 * so the same assignment, ties included), compiled from
 * `wasm/lsapDense.as.ts` by scripts/build-lsap-wasm.ts into a 3.2 KB module (3 205 bytes)
 * embedded as base64 (`wasm/lsapDenseWasm.ts`, about 4.3 KB of text). It uses
 * 128-bit SIMD (the rectangular input scan, 3× faster than scalar): engines
 * without it (before Node 16.4, Safari 16.4) refuse the module and run the
 * JavaScript path.
 *
 * The sparse path of `lsapSparse.ts` (finite square matrices from n = 250)
 * is a second module, `wasm/lsapSparse.as.ts` (3.6 KB, 3 624 bytes,
 * `wasm/lsapSparseWasm.ts`), compiled on the first such matrix and
 * instantiated once per instance of the dense module, whose memory it
 * imports (the matrix is already there); the same operations as
 * lsapSparse.ts, so the same assignment or the same refusal. Two modules,
 * not one, so that each stays under the 4 KB below.
 *
 * Why: the first call in a process ran the JavaScript kernel in V8's
 * interpreter (10-110× a warm call); WebAssembly is compiled at once by
 * Liftoff (well under a millisecond for this module) and runs close to
 * optimized code from the first call.
 *
 * The module is compiled synchronously on first use, and only then (the
 * import has no side effect). When WebAssembly is missing, or refuses to
 * compile or instantiate (a content security policy without
 * `wasm-unsafe-eval`, a browser's main-thread size limit for synchronous
 * compilation, which is 4 KB in Chrome before 115: each of ours is under it), or the memory cannot grow,
 * {@link denseWasm} returns null and the caller runs the JavaScript path,
 * whose result is identical.
 *
 * Memory: problems up to SHARED_LIMIT bytes (2 MB) reuse one instance (its
 * memory, at most that size, stays allocated); larger ones reuse a weakly
 * held instance (see largeInstance), also held strongly for a second after
 * each use (lsapHold.ts).
 * @internal
 * @module
 */
import type { ColumnMinima } from './lsapMinima.js';
import type { IdentityDuals } from './lsapMonge.js';
import type { SpanStats } from './lsapExactGrid.js';
import { heldSlot } from './lsapHold.js';
import { candidatesPerRow } from './lsapCandidates.js';
import { LSAP_DENSE_WASM_BASE64 } from './wasm/lsapDenseWasm.js';
import { LSAP_SPARSE_WASM_BASE64 } from './wasm/lsapSparseWasm.js';

/** The module's export (see `solve` in wasm/lsapDense.as.ts). */
type SolveExport = (c: number, rows: number, cols: number, square: number, rowReduction: number, ws: number) => number;
/** The module's `scan` export (square matrices, see wasm/lsapDense.as.ts). */
type ScanExport = (c: number, rows: number, cols: number, id: number, u: number, v: number, min: number, minRow: number, flag: number, stats: number) => number;
/** The module's `scanRect` export (rectangular matrices, see wasm/lsapDense.as.ts). */
type ScanRectExport = (c: number, rows: number, cols: number, stats: number) => number;

/** The sparse module's export (lsapSparse.ts's path, see wasm/lsapSparse.as.ts). */
type SparseExport = (c: number, n: number, K: number, cap: number, ws: number) => number;

/** The parts of the WebAssembly API used here (not in this project's `lib`). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
}

interface DenseInstance {
  readonly memory: WasmMemory;
  readonly solve: SolveExport;
  readonly scan: ScanExport;
  readonly scanRect: ScanRectExport;
}

/** Byte size up to which the cached instance is used (its memory is kept). */
const SHARED_LIMIT = 1 << 21;
const PAGE = 65536;

/** undefined: not tried yet; null: unavailable. */
let compiled: object | null | undefined;
/** The sparse module (wasm/lsapSparse.as.ts), compiled on first use; undefined: not tried yet; null: unavailable. */
let compiledSparse: object | null | undefined;
/** The sparse module's instance for each dense instance (it imports that instance's memory). */
const sparseOf = new WeakMap<DenseInstance, SparseExport | null>();
let shared: DenseInstance | undefined;
let large: WeakRef<DenseInstance> | undefined;
/** The large instance, also held strongly for a moment after each use (lsapHold.ts). */
const recent = heldSlot<DenseInstance>();
let enabled = true;

/**
 * Turns the WebAssembly path off (false) or back on, for the tests that
 * compare it with the JavaScript path. Returns the previous setting.
 * @internal
 */
export function setLsapWasmEnabled(on: boolean): boolean {
  const was = enabled;
  enabled = on;
  return was;
}

/** Whether the WebAssembly path is in use (enabled, compiled). @internal */
export function lsapWasmAvailable(): boolean {
  return enabled && wasmModule() !== null;
}

function wasmModule(): object | null {
  if (compiled === undefined) compiled = compile(LSAP_DENSE_WASM_BASE64);
  return compiled;
}

/** The module of the base64 bytes `b64`, or null when WebAssembly is missing or refuses it (policy, size limit). */
function compile(b64: string): object | null {
  try {
    const api = (globalThis as { readonly WebAssembly?: WasmApi }).WebAssembly;
    if (api === undefined || typeof atob !== 'function') return null;
    const text = atob(b64);
    const bytes = new Uint8Array(text.length);
    for (let k = 0; k < text.length; k++) bytes[k] = text.charCodeAt(k);
    return new api.Module(bytes);
  } catch {
    return null; // refused (policy, size limit): the JavaScript path
  }
}

/** The sparse module's export bound to `inst`'s memory, or null when unavailable. */
function sparseFor(inst: DenseInstance): SparseExport | null {
  const known = sparseOf.get(inst);
  if (known !== undefined) return known;
  compiledSparse ??= compile(LSAP_SPARSE_WASM_BASE64);
  let run: SparseExport | null = null;
  if (compiledSparse !== null) {
    try {
      const api = (globalThis as { readonly WebAssembly?: WasmApi }).WebAssembly;
      const f = api === undefined ? undefined : new api.Instance(compiledSparse, { env: { memory: inst.memory } }).exports['sparse'];
      if (typeof f === 'function') run = f as SparseExport;
    } catch {
      run = null;
    }
  }
  sparseOf.set(inst, run);
  return run;
}

function instantiate(m: object): DenseInstance | undefined {
  try {
    const api = (globalThis as { readonly WebAssembly?: WasmApi }).WebAssembly;
    if (api === undefined) return undefined;
    const { exports } = new api.Instance(m, {});
    const memory = exports['memory'] as WasmMemory | undefined;
    const solve = exports['solve'];
    const scan = exports['scan'];
    const scanRect = exports['scanRect'];
    if (typeof memory !== 'object' || !(memory.buffer instanceof ArrayBuffer) || typeof solve !== 'function' || typeof scan !== 'function' || typeof scanRect !== 'function') return undefined;
    return { memory, solve: solve as SolveExport, scan: scan as ScanExport, scanRect: scanRect as ScanRectExport };
  } catch {
    return undefined;
  }
}

/**
 * The instance for problems over SHARED_LIMIT bytes: the previous one while
 * it is alive and large enough (held through a `WeakRef`, and strongly for
 * a second after each use, lsapHold.ts: no memory stays pinned), else a
 * fresh one. A fresh
 * multi-megabyte memory per call costs its page faults (measured 1.7× the
 * solve at 1000×3000).
 */
function largeInstance(m: object, bytes: number): DenseInstance | undefined {
  const held = large?.deref();
  if (held !== undefined && held.memory.buffer.byteLength >= bytes) {
    recent.set(held);
    return held;
  }
  const fresh = instantiate(m);
  if (fresh !== undefined) {
    large = new WeakRef(fresh);
    recent.set(fresh);
  }
  return fresh;
}

/**
 * Bytes of linear memory the kernel needs for a `rows × cols` problem
 * (rows ≤ cols): the matrix, then the dense kernel's work space or, for
 * square matrices from SPARSE_MIN_N (lsap.ts), the larger one of the sparse
 * path (both start after the matrix: the sparse path runs first).
 */
function kernelBytes(rows: number, cols: number): number {
  // (+ 64: room for wasmScan's flag and statistics on the smallest problems)
  const dense = cols * 24 + (rows * 2 + cols * 4) * 4 + rows + 64;
  return rows * cols * 8 + (rows === cols && rows >= SPARSE_MIN_N ? Math.max(dense, sparseBytes(rows, 3 * candidatesPerRow(rows))) : dense);
}

/**
 * Finite square matrices from this size first try the candidate-graph path
 * (`lsapSparse`, certified optimal or refused; chosen in lsap.ts, its
 * WebAssembly form here); below it the dense algorithm is as fast or faster
 * (measured on uniform random matrices: equal between n = 200 and 300, the
 * sparse path 1.6× faster at n = 500). @internal
 */
export const SPARSE_MIN_N = 250;

/** Bytes of the sparse path's work space (see the layout in wasm/lsapSparse.as.ts), 8 aligned. */
function sparseBytes(n: number, cap: number): number {
  const e = n * cap + n;
  return (3 * n + 2 * cap + 2 * e) * 8 + (11 * n + 1 + 2 * e) * 4 + n + 8;
}

/** The instance for `bytes` (see SHARED_LIMIT), its memory grown to hold them; undefined on failure. */
function instanceFor(m: object, bytes: number): DenseInstance | undefined {
  const inst = bytes <= SHARED_LIMIT ? (shared ??= instantiate(m)) : largeInstance(m, bytes);
  if (inst === undefined) return undefined;
  const { memory } = inst;
  if (memory.buffer.byteLength < bytes) {
    try {
      memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
    } catch {
      return undefined; // out of memory: the JavaScript path allocates less
    }
  }
  return inst;
}

/**
 * A `rows × cols` buffer (either orientation) inside the kernel's linear
 * memory, where the caller can write the matrix so that {@link denseWasm}
 * needs no copy; undefined when WebAssembly is unavailable. Valid until the
 * next call into this module: a later solve may grow the memory, which
 * detaches it.
 * @internal
 */
export function wasmMatrix(rows: number, cols: number): Float64Array | undefined {
  if (!enabled || rows * cols === 0) return undefined;
  const m = wasmModule();
  if (m === null) return undefined;
  const inst = instanceFor(m, kernelBytes(Math.min(rows, cols), Math.max(rows, cols)));
  return inst === undefined ? undefined : new Float64Array(inst.memory.buffer, 0, rows * cols);
}

/**
 * Runs the dense kernel on the row-major `rows × cols` matrix `c`
 * (rows ≤ cols) in WebAssembly: with `minima` (square only) lsap.ts's
 * `lsapSquare` from its column reduction on, without it `lsapRectangular`
 * (`rowReduction` as there). Returns what that function returns (the
 * assignment, or undefined), or null when WebAssembly is unavailable (then
 * the caller runs the JavaScript path). `c` is not written; it is copied
 * into linear memory unless it is already there (see {@link wasmMatrix}).
 * @internal
 */
export function denseWasm(c: Float64Array, rows: number, cols: number, minima: ColumnMinima | undefined, rowReduction: boolean): Int32Array | undefined | null {
  if (!enabled) return null;
  const m = wasmModule();
  if (m === null) return null;
  const bytes = kernelBytes(rows, cols);
  const held = bytes <= SHARED_LIMIT ? shared : large?.deref();
  // Growing the memory detaches `c` when it lives there: copy it out first.
  const src = held !== undefined && c.buffer === held.memory.buffer && held.memory.buffer.byteLength < bytes ? c.slice() : c;
  const inst = instanceFor(m, bytes);
  if (inst === undefined) return null;
  const buf = inst.memory.buffer;
  if (src.buffer !== buf || src.byteOffset !== 0) new Float64Array(buf, 0, rows * cols).set(src);
  const ws = rows * cols * 8;
  const x = ws + cols * 24;
  if (minima !== undefined) {
    new Float64Array(buf, ws, cols).set(minima.min);
    new Int32Array(buf, x + rows * 4, cols).set(minima.row);
  }
  const ok = inst.solve(0, rows, cols, minima === undefined ? 0 : 1, rowReduction ? 1 : 0, ws);
  return ok === 1 ? new Int32Array(buf, x, rows).slice() : undefined;
}

/**
 * lsapSparse.ts's path in WebAssembly on the finite n×n matrix `c` with
 * its column minima (the same operations, so the same assignment or the
 * same refusal): the assignment, undefined where lsapSparse returns
 * undefined, or null when WebAssembly is unavailable. `c` is copied into
 * linear memory unless it is already there (see {@link wasmMatrix}).
 * @internal
 */
export function sparseWasm(c: Float64Array, n: number, minima: ColumnMinima): Int32Array | undefined | null {
  if (!enabled || n < SPARSE_MIN_N) return null;
  const m = wasmModule();
  if (m === null) return null;
  const bytes = kernelBytes(n, n);
  const held = bytes <= SHARED_LIMIT ? shared : large?.deref();
  const src = held !== undefined && c.buffer === held.memory.buffer && held.memory.buffer.byteLength < bytes ? c.slice() : c;
  const inst = instanceFor(m, bytes);
  if (inst === undefined) return null;
  const run = sparseFor(inst);
  if (run === null) return null;
  const buf = inst.memory.buffer;
  if (src.buffer !== buf || src.byteOffset !== 0) new Float64Array(buf, 0, n * n).set(src);
  const K = candidatesPerRow(n);
  const cap = 3 * K;
  const ws = n * n * 8;
  const e = n * cap + n;
  const x = ws + (3 * n + 2 * cap + 2 * e) * 8;
  new Float64Array(buf, ws, n).set(minima.min);
  new Int32Array(buf, x + n * 4, n).set(minima.row);
  const ok = run(0, n, K, cap, ws);
  return ok === 1 ? new Int32Array(buf, x, n).slice() : undefined;
}

/** Whether the last {@link wasmScan} call certified the identity. */
let scanIdentity = false;
/** The span statistics of the last {@link wasmScan} call (undefined when it certified the identity). */
let scanSpan: SpanStats | undefined;

/**
 * lsapInput.ts's `copyRows` after the copy, in WebAssembly, on `data` from
 * {@link wasmMatrix} (rows × cols, already filled): returns Σ|c| (square:
 * the same sum, in the same order; rectangular: summed in two SIMD lanes,
 * equal within rounding, which only bounds magnitudes); with `minima` (square) also checks the identity
 * certificate with `id` (read with {@link lastScanCertifiedIdentity}) and,
 * when it fails, writes the column minima (ties to the lowest row), exactly
 * as `copyRows` does. In the same pass, the statistics of lsapExactGrid.ts's
 * `needsExactCheck` (read with {@link lastScanSpan}). undefined when `data`
 * is not that buffer.
 * @internal
 */
export function wasmScan(data: Float64Array, rows: number, cols: number, minima: ColumnMinima | undefined, id: IdentityDuals | undefined): number | undefined {
  scanIdentity = false;
  scanSpan = undefined;
  const inst = kernelBytes(Math.min(rows, cols), Math.max(rows, cols)) <= SHARED_LIMIT ? shared : large?.deref();
  if (inst === undefined || data.buffer !== inst.memory.buffer || data.byteOffset !== 0) return undefined;
  const buf = inst.memory.buffer;
  const u = rows * cols * 8;
  const v = u + rows * 8;
  const min = v + cols * 8;
  const minRow = min + cols * 8;
  const flag = minRow + cols * 4;
  const stats = flag + 8 - (flag % 8); // 8-byte aligned, after the flag
  if (id !== undefined) {
    new Float64Array(buf, u, rows).set(id.u);
    new Float64Array(buf, v, cols).set(id.v);
  }
  // (The two exports: see scanRect in wasm/lsapDense.as.ts.)
  const sumAbs = minima === undefined ? inst.scanRect(0, rows, cols, stats) : inst.scan(0, rows, cols, id === undefined ? 0 : 1, u, v, min, minRow, flag, stats);
  if (minima !== undefined) {
    scanIdentity = new Int32Array(buf, flag, 1)[0] === 1;
    if (scanIdentity) return sumAbs;
    minima.min.set(new Float64Array(buf, min, cols));
    minima.row.set(new Int32Array(buf, minRow, cols));
  }
  const s = new Float64Array(buf, stats, 3);
  scanSpan = { max: s[0] as number, min: s[1] as number, integral: s[2] === 1 };
  return sumAbs;
}

/** The span statistics (see lsapExactGrid.ts) of the matrix of the last {@link wasmScan} call; undefined after a certified identity. @internal */
export function lastScanSpan(): SpanStats | undefined {
  return scanSpan;
}

/** Whether the last {@link wasmScan} call proved the identity assignment optimal. @internal */
export function lastScanCertifiedIdentity(): boolean {
  return scanIdentity;
}
