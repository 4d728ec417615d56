/**
 * Task priorities from a custom formula `P = f(A, B, C)` (seed, section 4.1).
 * @module
 */
import { readColumns } from '../models/model.js';
import { prioritySpec } from '../models/priority.js';
import { badResult, compileChecked, evaluator, PRIORITY_VARIABLES } from './compileFormula.js';
import type { PriorityCriteria } from '../models/priority.js';

const NAMES: ReadonlyMap<string, number> = new Map(PRIORITY_VARIABLES.flatMap((names, slot) => names.map((n) => [n, slot] as const)));

/**
 * Priorities of a set of tasks from the seed's general base form
 * `P = f(A, B, C)` (section 4.1), with `f` a formula over `A` (or
 * `importance`), `B` (`urgency`) and `C` (`satisfaction`). The formula is
 * parsed, checked and compiled once with mathjs, then evaluated per task;
 * `"A*B*C"` gives exactly the base form of `priorities`. See
 * {@link compileFormula} for the formula syntax.
 *
 * Complexity: O(formula length + n · evaluation), about 0.3-1 µs per task
 * for a short formula: use `priorities` or `scoreColumns` when one of the
 * built-in forms will do.
 *
 * @param tasks - Criteria of each task, finite and ≥ 0.
 * @param expression - The formula, e.g. `"A*B*C"` or `"importance^2 + urgency"`.
 * @returns A new `Float64Array`, one priority per task, in input order.
 * @throws {@link lepton-sched!InputTypeError} for a malformed task, a formula that does not parse, uses an unknown symbol or function or an unsupported construct, or gives a non-number (naming the formula and the task index).
 * @throws {@link lepton-sched!InputRangeError} for a NaN, infinite or negative criterion, or a formula that gives NaN or ±Infinity for a task (naming the formula and the task index).
 *
 * @example
 * ```ts
 * formulaPriorities(workedExample.tasks, 'A*B*C');
 * // Float64Array [60, 30, 30, 32, 1]
 * formulaPriorities(workedExample.tasks, 'importance^2 + urgency');
 * // Float64Array [14, 7, 27, 20, 2]
 * ```
 */
export function formulaPriorities(tasks: readonly PriorityCriteria[], expression: string): Float64Array {
  const fn = 'formulaPriorities';
  const formula = compileChecked(fn, expression, NAMES);
  const [a, b, c] = readColumns(fn, prioritySpec, tasks);
  const run = evaluator(formula);
  const n = tasks.length;
  const out = new Float64Array(n);
  const values = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    values[0] = a[i]!;
    values[1] = b[i]!;
    values[2] = c[i]!;
    const v = run(values);
    if (typeof v !== 'number' || !(v - v === 0)) badResult(fn, formula.text, `tasks[${i}]`, v);
    out[i] = v;
  }
  return out;
}
