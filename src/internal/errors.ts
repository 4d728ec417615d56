/**
 * The one place error messages are made. Every public function validates its
 * input at the boundary through these helpers, so every message has the form
 * `fn: field must be <expected>, got <value>`.
 *
 * The exported error classes live in `src/errors.ts`; this module only builds
 * messages and throws them.
 * @internal
 */
import {
  InfeasibleError,
  InputRangeError,
  InputTypeError,
} from '../errors.js';

import { didYouMean } from './suggest.js';
/** Renders an offending value for a message: short, never throws. */
export function describe(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (value === Infinity) return 'Infinity';
    if (value === -Infinity) return '-Infinity';
    return String(value);
  }
  if (typeof value === 'string') {
    const s = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return JSON.stringify(s);
  }
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name;
    return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name}`; // an Int32Array, a Uint8Array ("you-int"), a Float64Array
  }
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** `field[index]` or `field[index].key`. */
export function at(field: string, index: number, key?: string): string {
  return key === undefined ? `${field}[${index}]` : `${field}[${index}].${key}`;
}

/** Throws an {@link InputTypeError}: the value has the wrong shape or type. */
export function typeError(fn: string, field: string, expected: string, got: unknown): never {
  throw new InputTypeError(fn, field, `${fn}: ${field} must be ${expected}, got ${describe(got)}`);
}

/** Throws an {@link InputRangeError}: the value is out of its domain. */
export function rangeError(fn: string, field: string, expected: string, got: unknown): never {
  throw new InputRangeError(fn, field, `${fn}: ${field} must be ${expected}, got ${describe(got)}`);
}

/** Throws an {@link InputRangeError} with a free-form reason (no "got"). */
export function rangeReason(fn: string, field: string, reason: string): never {
  throw new InputRangeError(fn, field, `${fn}: ${field} ${reason}`);
}

/** Throws an {@link InputTypeError} with a free-form reason (no "got"). */
export function typeReason(fn: string, field: string, reason: string): never {
  throw new InputTypeError(fn, field, `${fn}: ${field} ${reason}`);
}

/**
 * Throws the error for a value that must be a number ≥ 0 or `Infinity`:
 * {@link InputTypeError} for a non-number (for `null`, with the fix: JSON
 * has no Infinity, so `JSON.stringify` wrote `null`), {@link InputRangeError}
 * for a negative number or NaN.
 */
export function notNonNegativeOrInfinity(fn: string, field: string, v: unknown): never {
  if (v === null) typeReason(fn, field, 'must be a number >= 0 or Infinity, got null: in JSON write the string "Infinity" (JSON.stringify turns Infinity and NaN into null)');
  return typeof v === 'number' ? rangeError(fn, field, 'a number >= 0 or Infinity', v) : typeError(fn, field, 'a number >= 0 or Infinity', v);
}

/** Throws an {@link InfeasibleError}. */
export function infeasible(fn: string, field: string, reason: string): never {
  throw new InfeasibleError(fn, field, `${fn}: ${field} ${reason}`);
}

// ---------------------------------------------------------------- checks

export function checkArray(fn: string, field: string, value: unknown): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) typeError(fn, field, 'an array', value);
}

export function checkObject(fn: string, field: string, value: unknown): asserts value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    typeError(fn, field, 'an object', value);
  }
}

/** A number that is not NaN and not ±Infinity. */
export function checkFinite(fn: string, field: string, value: unknown): number {
  if (typeof value !== 'number') typeError(fn, field, 'a finite number', value);
  if (!Number.isFinite(value)) rangeError(fn, field, 'a finite number', value);
  return value;
}

/** A finite number ≥ 0. */
export function checkNonNegative(fn: string, field: string, value: unknown): number {
  const v = checkFinite(fn, field, value);
  if (v < 0) rangeError(fn, field, 'a finite number >= 0', v);
  return v;
}

/** A finite number > 0. */
export function checkPositive(fn: string, field: string, value: unknown): number {
  const v = checkFinite(fn, field, value);
  if (!(v > 0)) rangeError(fn, field, 'a finite number > 0', v);
  return v;
}

/** An integer in [min, max]. */
export function checkInteger(fn: string, field: string, value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number') typeError(fn, field, 'an integer', value);
  if (!Number.isInteger(value) || value < min || value > max) {
    rangeError(fn, field, max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer in [${min}, ${max}]`, value);
  }
  return value;
}

/** The device tiers, in the order messages list them. */
export const TIER_NAMES: readonly string[] = ['edge', 'fog', 'cloud'];

/** Throws the type error for a value not in `allowed`, with a "did you mean" for a near miss. */
export function notOneOf(fn: string, field: string, value: unknown, allowed: readonly string[]): never {
  return typeReason(fn, field, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}${didYouMean(value, allowed)}`);
}

/** One of a fixed set of strings. */
export function checkOneOf<T extends string>(fn: string, field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    notOneOf(fn, field, value, allowed);
  }
  return value as T;
}

/**
 * Validates an options object: `undefined` is allowed (all defaults), any
 * other non-object is a type error, and a key not in `allowed` is rejected
 * (silently accepting stale or misspelt keys hides bugs).
 */
export function checkOptions(fn: string, options: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (options === undefined) return {};
  checkObject(fn, 'options', options);
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      typeReason(fn, `options.${key}`, unknownKey('option', key, allowed));
    }
  }
  return options;
}

/**
 * The reason for a key the caller wrote that is not allowed:
 * `is not a known field (known: a, b); did you mean 'b'?` (the hint only
 * for a near miss, see {@link nearestName}).
 */
export function unknownKey(kind: string, key: string, allowed: readonly string[]): string {
  return `is not a known ${kind} (known: ${allowed.join(', ') || 'none'})${didYouMean(key, allowed)}`;
}
