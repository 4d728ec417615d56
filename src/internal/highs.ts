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

/** The part of a HiGHS model this library uses. @internal */
export interface HighsModelLike {
  readonly options: { set(values: Readonly<Record<string, number | string | boolean>>): unknown };
  readonly info: { get(name: string): number | bigint };
  setSolution(solution: { readonly colValue: Float64Array }): unknown;
  run(): unknown;
  getModelStatus(): number;
  getObjectiveValue(): number;
  getSolution(): { readonly colValue: ArrayLike<number> };
}

/** The part of the HiGHS runtime this library uses. @internal */
export interface HighsLike {
  readonly version: { readonly string: string };
  readonly constants: { readonly modelStatus: Readonly<Record<string, number>> };
  withModel<R>(source: { readonly format: 'lp'; readonly data: string }, operation: (model: HighsModelLike) => R): R;
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
    return loader();
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
