/**
 * The problem validator's building blocks: fail-fast or collect-all checking
 * and the field checks shared by `compile.ts` and `compileEnergy.ts`.
 * @internal
 * @module
 */
import { InfeasibleError, InputRangeError, InputTypeError } from '../errors.js';
import { rangeError, typeError, typeReason, unknownKey } from '../internal/errors.js';
import { IssueLog, type ProblemIssue } from './issueLog.js';

export type { ProblemIssue } from './issueLog.js';

/**
 * Runs checks either failing fast (throw the first error) or collecting
 * errors (the JSON reader reports them, bounded: {@link IssueLog}). @internal
 */
export class Report {
  readonly log = new IssueLog();
  constructor(readonly collect: boolean) {}
  /** The kept issues. */
  get issues(): ProblemIssue[] {
    return this.log.issues;
  }
  /** Runs `check`; in collect mode a library error is recorded and `undefined` returned. */
  guard<T>(check: () => T): T | undefined {
    if (!this.collect) return check();
    try {
      return check();
    } catch (e) {
      if (e instanceof InputTypeError || e instanceof InputRangeError || e instanceof InfeasibleError) {
        this.log.add(e);
        return undefined;
      }
      throw e;
    }
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Criteria written on a task instead of under `criteria` (a common first mistake). */
const CRITERIA_KEYS: readonly string[] = ['importance', 'urgency', 'satisfaction'];

/**
 * Whether every enumerable key of `obj` is in `allowed`, without allocating:
 * then {@link checkKeys} reports nothing (`for...in` visits every own
 * enumerable key and inherited ones too, so a `false` may be a false alarm,
 * which `checkKeys` then settles). The hot path of one call per task.
 */
export function onlyKnownKeys(obj: Record<string, unknown>, allowed: readonly string[]): boolean {
  for (const key in obj) if (!allowed.includes(key)) return false;
  return true;
}

export function checkKeys(fn: string, fieldOrThunk: string | (() => string), obj: Record<string, unknown>, allowed: readonly string[], r: Report): void {
  const misplaced: string[] = [];
  // A thunk builds the field name only when there is an error to report (hot path: one call per task).
  const name = (): string => (typeof fieldOrThunk === 'string' ? fieldOrThunk : fieldOrThunk());
  for (const key of Object.keys(obj)) {
    if (allowed.includes(key)) continue;
    if (allowed.includes('criteria') && CRITERIA_KEYS.includes(key)) {
      misplaced.push(key);
      continue;
    }
    r.guard(() => typeReason(fn, `${name()}.${key}`, unknownKey('field', key, allowed)));
  }
  if (misplaced.length > 0) {
    const example = `"criteria": { ${misplaced.map((k) => `"${k}": ${JSON.stringify(obj[k]) ?? 'undefined'}`).join(', ')} }`;
    r.guard(() => typeReason(fn, `${name()}.${misplaced[0]!}`, `and its siblings (${misplaced.join(', ')}) belong under "criteria": write ${example}`));
  }
}

/** A number ≥ 0; `Infinity` allowed when `infOk`. Returns the fallback on error (collect mode). */
export function num(fn: string, field: string, v: unknown, infOk: boolean, fallback: number, r: Report): number {
  if (typeof v === 'number' && v >= 0 && (infOk || v !== Infinity)) return v;
  const expected = infOk ? 'a number >= 0 or Infinity' : 'a finite number >= 0';
  if (v === null && infOk) {
    r.guard(() => typeReason(fn, field, 'must be a number >= 0 or Infinity, got null: in JSON write the string "Infinity" (JSON.stringify turns Infinity and NaN into null)'));
    return fallback;
  }
  r.guard(() => (typeof v === 'number' ? rangeError(fn, field, expected, v) : typeError(fn, field, expected, v)));
  return fallback;
}

