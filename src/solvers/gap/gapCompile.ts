/**
 * Validation and compilation of a {@link GapInstance} into dense arrays
 * (minimization form), with the supported range of magnitudes checked.
 * @internal
 * @module
 */
import { checkArray, checkNonNegative, checkObject, rangeError, rangeReason, typeError, typeReason, unknownKey } from '../../internal/errors.js';
import { checkString } from '../../internal/primitives.js';
import type { CompiledGap, GapInstance } from './gap.js';

/** The fields of a {@link GapInstance}. */
const INSTANCE_KEYS = ['name', 'cost', 'demand', 'budget'];

/**
 * Validates a {@link GapInstance} and compiles it (minimization form).
 * @internal
 */
export function compileGap(fn: string, instance: GapInstance, maximize: boolean): CompiledGap {
  checkObject(fn, 'instance', instance);
  for (const key of Object.keys(instance)) {
    if (!INSTANCE_KEYS.includes(key)) {
      // The GAP literature's word for the budgets: name the field it means.
      const synonym = /^capacit(y|ies)$/i.test(key) ? '; the devices\' capacities are instance.budget' : '';
      typeReason(fn, `instance.${key}`, unknownKey('field', key, INSTANCE_KEYS) + synonym);
    }
  }
  if (instance.name !== undefined) checkString(fn, 'instance.name', instance.name);
  checkArray(fn, 'instance.cost', instance.cost);
  checkArray(fn, 'instance.demand', instance.demand);
  checkArray(fn, 'instance.budget', instance.budget);
  const n = instance.cost.length;
  const m = instance.budget.length;
  if (instance.demand.length !== n) typeError(fn, 'instance.demand', `an array of length ${n} (as instance.cost)`, instance.demand);
  // Every cost row of one length other than the budget's: the budget is the odd one out.
  const width = n > 0 && Array.isArray(instance.cost[0]) ? (instance.cost[0] as readonly unknown[]).length : m;
  if (width !== m && instance.cost.every((row: unknown) => Array.isArray(row) && row.length === width)) {
    typeError(fn, 'instance.budget', `an array of length ${width} (one per column of instance.cost)`, instance.budget);
  }
  const budget = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const b: unknown = instance.budget[j];
    if (b !== Infinity) checkNonNegative(fn, `instance.budget[${j}]`, b);
    budget[j] = b as number;
  }
  const cost = new Float64Array(n * m);
  const demand = new Float64Array(n * m);
  const allowed = new Uint8Array(n * m);
  const forbidden = maximize ? -Infinity : Infinity;
  let integral = true;
  for (let i = 0; i < n; i++) {
    const cRow: unknown = instance.cost[i];
    const aRow: unknown = instance.demand[i];
    checkArray(fn, `instance.cost[${i}]`, cRow);
    checkArray(fn, `instance.demand[${i}]`, aRow);
    if (cRow.length !== m) typeError(fn, `instance.cost[${i}]`, `an array of length ${m} (one per budget)`, cRow);
    if (aRow.length !== m) typeError(fn, `instance.demand[${i}]`, `an array of length ${m} (one per budget)`, aRow);
    for (let j = 0; j < m; j++) {
      const k = i * m + j;
      const c: unknown = cRow[j];
      const a: unknown = aRow[j];
      if (typeof c !== 'number') typeError(fn, `instance.cost[${i}][${j}]`, 'a number', c);
      if (c !== forbidden && !Number.isFinite(c)) {
        rangeError(fn, `instance.cost[${i}][${j}]`, `a finite number or ${maximize ? '-Infinity' : 'Infinity'} (forbidden)`, c);
      }
      if (a !== Infinity) checkNonNegative(fn, `instance.demand[${i}][${j}]`, a);
      const ok = c !== forbidden && a !== Infinity && (a as number) <= (budget[j] as number);
      allowed[k] = ok ? 1 : 0;
      cost[k] = ok ? (maximize ? -c : c) : 0;
      demand[k] = ok ? (a as number) : 0;
      if (ok && !Number.isInteger(c)) integral = false;
    }
  }
  // Supported range: every finite cost, as long as the total of the largest |cost| of each task is a
  // finite double (so no value or bound can overflow); demands and budgets: every finite number ≥ 0.
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let big = 0;
    for (let k = i * m; k < (i + 1) * m; k++) if (allowed[k] === 1) big = Math.max(big, Math.abs(cost[k] as number));
    worst += big;
  }
  if (!Number.isFinite(worst)) {
    rangeReason(fn, 'instance.cost', `must keep the sum over tasks of each task's largest |cost| below ${Number.MAX_VALUE} (a double), got a sum that overflows`);
  }
  return { n, m, cost, demand, budget, allowed, negated: maximize, integral };
}
