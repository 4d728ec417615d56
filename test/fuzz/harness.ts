/**
 * The fuzz harness: every call must end in exactly one of (a) a valid result,
 * checked against the function's documented invariants, with no NaN anywhere
 * and inputs unchanged, or (b) one of the library's exported error classes
 * with a message `fn: field ...`. Anything else fails the run.
 *
 * Run counts: FUZZ_RUNS per property (default 500 in `npm test`; `npm run
 * fuzz` sets 10000). Counts per function are printed after each file.
 */
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { InfeasibleError, InputRangeError, InputTypeError } from '../../src/index.js';

export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 500);

/**
 * Runs for the slower properties (solve over every strategy, simulate, async
 * GAP, the CLI): a fifth of FUZZ_RUNS by default, all of them under
 * `npm run fuzz` (FUZZ_SLOW_RUNS=10000).
 */
export const SLOW_RUNS = Number(process.env.FUZZ_SLOW_RUNS ?? Math.max(50, Math.floor(FUZZ_RUNS / 5)));

const counts = new Map<string, { ok: number; error: number }>();
afterAll(() => {
  const rows = [...counts].map(([fn, c]) => `${fn}: ${c.ok + c.error} inputs (${c.ok} valid results, ${c.error} library errors)`);
  if (rows.length > 0) console.log(`fuzz counts\n  ${rows.join('\n  ')}`);
});

/** Deep-freezes plain objects and arrays (typed arrays cannot be frozen; they are compared instead). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Throws if a NaN (or, with `finite`, an infinity) appears anywhere in the value. */
export function assertNumbersOk(value: unknown, finite: boolean, path = 'result'): void {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new Error(`${path} is NaN`);
    if (finite && !Number.isFinite(value)) throw new Error(`${path} is ${value}`);
    return;
  }
  if (ArrayBuffer.isView(value) && 'length' in value) {
    const arr = value as unknown as ArrayLike<number>;
    for (let i = 0; i < arr.length; i++) assertNumbersOk(arr[i], finite, `${path}[${i}]`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertNumbersOk(v, finite, `${path}[${i}]`));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) assertNumbersOk(v, finite, `${path}.${k}`);
  }
}

/**
 * Calls `thunk` and classifies the outcome for `fn`; a valid result goes
 * through `check`. Returns which it was.
 */
export function outcome<R>(fn: string, thunk: () => R, check: (result: R) => void): 'ok' | 'error' {
  const c = counts.get(fn) ?? { ok: 0, error: 0 };
  counts.set(fn, c);
  let result: R;
  try {
    result = thunk();
  } catch (e) {
    if (!(e instanceof InputTypeError || e instanceof InputRangeError || e instanceof InfeasibleError)) {
      throw new Error(`${fn} threw a non-library error: ${e instanceof Error ? e.stack : String(e)}`);
    }
    expect(e.message.startsWith(`${e.fn}: `)).toBe(true);
    expect(e.field.length).toBeGreaterThan(0);
    expect(e.message).toContain(e.field.split('[')[0]!);
    c.error++;
    return 'error';
  }
  check(result);
  c.ok++;
  return 'ok';
}

/** Async variant of {@link outcome}. */
export async function outcomeAsync<R>(fn: string, thunk: () => Promise<R>, check: (result: R) => void): Promise<'ok' | 'error'> {
  const c = counts.get(fn) ?? { ok: 0, error: 0 };
  counts.set(fn, c);
  let result: R;
  try {
    result = await thunk();
  } catch (e) {
    if (!(e instanceof InputTypeError || e instanceof InputRangeError || e instanceof InfeasibleError)) {
      throw new Error(`${fn} threw a non-library error: ${e instanceof Error ? e.stack : String(e)}`);
    }
    expect(e.message.startsWith(`${e.fn}: `)).toBe(true);
    c.error++;
    return 'error';
  }
  check(result);
  c.ok++;
  return 'ok';
}

/** Valid non-negative numbers, ordinary and extreme (1e-300, 1e300, 0, denormals). */
export const goodNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1e-300, 1e300, 5e-324, 1e-310, 1e200) },
);

/** Numbers that are always out of domain for a non-negative quantity. */
export const badNumber: fc.Arbitrary<number> = fc.constantFrom(NaN, Infinity, -Infinity, -1, -1e-300, Number.MAX_VALUE * -1);

/** Mostly valid, sometimes extreme or invalid. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  { weight: 40, arbitrary: goodNumber },
  { weight: 1, arbitrary: badNumber },
  { weight: 1, arbitrary: fc.double() },
);

/** Any value at all, for fields that expect a number: also, rarely, wrong types. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 60, arbitrary: anyNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, '3', true, {}, [], [1]) },
);

/** An object with the given numeric fields, sometimes one missing or extra. */
export function record(fields: readonly string[], value: fc.Arbitrary<unknown> = anyValue): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    { weight: 40, arbitrary: fc.tuple(...fields.map(() => value)).map((vs) => Object.fromEntries(fields.map((f, i) => [f, vs[i]]))) },
    { weight: 1, arbitrary: fc.constantFrom<Record<string, unknown>>({}, { [fields[0]!]: 1 }) },
  );
}

/** A matrix of n×m entries, sometimes ragged. */
export function matrix(value: fc.Arbitrary<unknown>, maxN = 6, maxM = 4): fc.Arbitrary<unknown[][]> {
  return fc.integer({ min: 0, max: maxM }).chain((m) =>
    fc.array(
      fc.oneof({ weight: 40, arbitrary: fc.array(value, { minLength: m, maxLength: m }) }, { weight: 1, arbitrary: fc.array(value, { maxLength: maxM + 1 }) }),
      { maxLength: maxN },
    ),
  );
}

export { fc };
