/**
 * Checks for plain string and boolean inputs, in the same message format as
 * `errors.ts` (`fn: field must be a string, got 3`).
 * @internal
 * @module
 */
import { checkObject, typeError, typeReason, unknownKey } from './errors.js';

/** A string value (ids, titles, colours). */
export function checkString(fn: string, field: string, value: unknown): string {
  if (typeof value !== 'string') typeError(fn, field, 'a string', value);
  return value;
}

/** A boolean value. */
export function checkBoolean(fn: string, field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') typeError(fn, field, 'a boolean', value);
  return value;
}

/**
 * A nested options object (e.g. `options.colors`): `undefined` allowed,
 * unknown keys rejected with the nested field name.
 */
export function checkNestedOptions(fn: string, field: string, value: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (value === undefined) return {};
  checkObject(fn, field, value);
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) typeReason(fn, `${field}.${key}`, unknownKey('option', key, allowed));
  }
  return value;
}
