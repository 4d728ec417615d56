/**
 * LP-format text for HiGHS: linear expressions, constraint rows, and the
 * whole ε-constraint subproblem of an {@link ExactModel}.
 * @internal
 * @module
 */
import { lpLines, lpTerm } from '../internal/highs.js';
import type { ExactModel } from './exactModel.js';

/** A linear expression Σ coef · var + constant. @internal */
export interface LinearExpr {
  readonly terms: Map<string, number>;
  constant: number;
}

/** e += coef · name (nothing for a zero coefficient). @internal */
export function addTerm(e: LinearExpr, name: string, coef: number): void {
  if (coef === 0) return;
  e.terms.set(name, (e.terms.get(name) ?? 0) + coef);
}

/** An empty expression. @internal */
export function expr(): LinearExpr {
  return { terms: new Map(), constant: 0 };
}

/** One LP-format constraint row: `name: e sense rhs` with the constant moved to the right. @internal */
export function rowText(name: string, e: LinearExpr, sense: '>=' | '<=' | '=', rhs: number): string {
  const terms = [...e.terms].map(([v, c]) => lpTerm(c, v));
  return ` ${name}:\n${lpLines(terms)} ${sense} ${rhs - e.constant}`;
}

/**
 * LP-format text of: minimize Σ_k weight_k · objective_k subject to the
 * model's rows and objective_k ≤ upper_k for every finite upper bound. The
 * objective lists every column (with coefficient 0 where absent) so HiGHS
 * numbers the columns in the model's order. `reverseRows` writes the same
 * constraints in reverse order (the same model, another path through the
 * solver: a third opinion when two runs disagree). The objective row leaves
 * out the expressions' constants (they shift no optimum): the LP optimum is
 * Σ weight_k · (objective_k − constant_k); the ε rows keep them (moved to
 * the right-hand side).
 * @internal
 */
export function exactLpText(model: ExactModel, weights: readonly number[], upper: readonly number[], reverseRows = false): string {
  const obj = new Map<string, number>(model.columns.map((c) => [c, 0]));
  model.objectives.forEach((e, k) => {
    const w = weights[k]!;
    if (w === 0) return;
    for (const [v, c] of e.terms) obj.set(v, obj.get(v)! + w * c);
  });
  const rows = [...model.rows];
  model.objectives.forEach((e, k) => {
    const u = upper[k]!;
    if (u < Infinity) rows.push(rowText(`eps${k}`, e, '<=', u));
  });
  if (reverseRows) rows.reverse();
  const general = model.integers.length > 0 ? ['General', lpLines(model.integers)] : [];
  return ['Minimize', ` obj:\n${lpLines([...obj].map(([v, c]) => lpTerm(c, v)))}`, 'Subject To', ...rows, ...general, 'Binary', lpLines(model.binaries), 'End', ''].join('\n');
}
