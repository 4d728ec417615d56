/**
 * Lazy access to the optional `highs` package (HiGHS compiled to
 * WebAssembly). Nothing imports `highs` statically: the exact GAP path and
 * the LP makespan bound call {@link loadHighs}, which imports it on first use
 * and caches the instantiated runtime. Without the package they fail with a
 * clear "npm install highs" error; everything else in the library works.
 * @internal
 * @module
 */
import { InputRangeError } from '../errors.js';
import { rangeReason } from './errors.js';

/** A sparse matrix by rows (CSR) or columns (CSC), as HiGHS takes it. @internal */
export interface HighsMatrix {
  readonly format: 'csr' | 'csc';
  readonly numRows: number;
  readonly numCols: number;
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** A model given to HiGHS as arrays (no text to parse, every double passed exactly). @internal */
export interface HighsModelData {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  readonly matrix: HighsMatrix;
  readonly integrality?: Int32Array;
}

/** The part of a HiGHS model this library uses. @internal */
export interface HighsModelLike {
  readonly options: { set(values: Readonly<Record<string, number | string | boolean>>): unknown };
  readonly info: { get(name: string): number | bigint };
  setSolution(solution: { readonly colValue: Float64Array }): unknown;
  addRow(lower: number, upper: number, entries: { readonly indices: Int32Array; readonly values: Float64Array }): unknown;
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { readonly colValue: ArrayLike<number>; readonly rowDual: ArrayLike<number> };
}

/** The part of the HiGHS runtime this library uses. @internal */
export interface HighsLike {
  readonly version: { readonly string: string };
  readonly infinity: number;
  readonly constants: { readonly modelStatus: Readonly<Record<string, number>> };
  withModel<R>(source: { readonly format: 'lp'; readonly data: string } | HighsModelData, operation: (model: HighsModelLike) => R): R;
}

/**
 * Runs `operation` and turns anything HiGHS throws (a model it cannot read,
 * numerical failure, running out of WebAssembly memory, a wrapper
 * validation error) into an {@link InputRangeError} naming `fn` and the
 * argument `field` the model was built from. The library's own errors pass
 * through unchanged.
 * @internal
 */
export function guardHighs<R>(fn: string, field: string, operation: () => R): R {
  try {
    return operation();
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) {
      if ('fn' in e && 'field' in e) throw e;
    }
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const oom = /memory|allocat|bad_alloc/i.test(what);
    return rangeReason(fn, field, `could not be solved by HiGHS (${oom ? 'out of memory, the instance is too large for the WebAssembly heap' : 'solver error'}: ${what.slice(0, 200)})`);
  }
}

let cached: Promise<HighsLike> | undefined;

/**
 * Imports and instantiates `highs` once. Rejects with an
 * {@link InputRangeError} naming `fn` when the package is not installed.
 * @internal
 */
export function loadHighs(fn: string): Promise<HighsLike> {
  cached ??= (async () => {
    let mod: unknown;
    try {
      mod = await import('highs');
    } catch (e) {
      cached = undefined;
      throw new InputRangeError(
        fn,
        'options.method',
        `${fn}: this path needs the optional package 'highs' (HiGHS, WebAssembly), which could not be loaded: run \`npm install highs\`, or use the heuristic path (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    const loader = (mod as { default: () => Promise<HighsLike> }).default;
    try {
      return await loader();
    } catch (e) {
      // The package is there but its WebAssembly would not start (memory, a blocked or missing .wasm).
      cached = undefined;
      throw new InputRangeError(fn, 'options.method', `${fn}: the optional package 'highs' could not start its WebAssembly runtime (${e instanceof Error ? e.message : String(e)}); use the heuristic path or check the installation`);
    }
  })();
  return cached;
}

/** Formats one LP-format term `+ 3 x1_2` (coefficients via shortest round-trip decimal). @internal */
export function lpTerm(coef: number, name: string): string {
  return coef < 0 ? `- ${-coef} ${name}` : `+ ${coef} ${name}`;
}

/** Joins LP terms into lines of at most `perLine` terms (the LP reader dislikes very long lines). @internal */
export function lpLines(terms: readonly string[], perLine = 16): string {
  const out: string[] = [];
  for (let k = 0; k < terms.length; k += perLine) out.push(` ${terms.slice(k, k + perLine).join(' ')}`);
  return out.join('\n');
}
