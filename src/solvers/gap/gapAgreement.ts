/**
 * Checking HiGHS's proofs for the exact GAP path: a claim ("the relaxation
 * is infeasible", "no assignment costs less than this bound") counts only
 * when two independent runs make it and no exactly feasible assignment any
 * run found refutes it; tiny instances are settled by exhaustive search
 * instead. No validation.
 * @internal
 * @module
 */
import type { HighsLike } from '../../internal/highs.js';
import type { CompiledGap } from './gap.js';
import { gapEnumerate, ENUMERATION_LIMIT } from './gapEnumerate.js';
import type { GapExactSettings } from './gapExact.js';
import { costOf, exactlyFeasible, gapClosed, magnitudeOf } from './gapExactCheck.js';
import type { GapModel } from './gapModel.js';
import { reverseGapModel, solveOnce } from './gapRun.js';

/** What one run claims: the model infeasible, a lower bound on its optimum, or nothing. @internal */
export type GapClaim = { readonly kind: 'infeasible' } | { readonly kind: 'bound'; readonly bound: number } | { readonly kind: 'none' };

/** The best exactly feasible assignment known: its cost and magnitude Σ|cost|. @internal */
export interface GapIncumbent {
  readonly cost: number;
  readonly magnitude: number;
}

/**
 * The claim two runs make unrefuted, or undefined. Without an incumbent:
 * `'infeasible'` when two runs call the model infeasible. With one (an
 * exactly feasible assignment: it refutes every "infeasible"): `'optimal'`
 * when two bounds each close the gap (`gapClosed`) and neither exceeds the
 * incumbent's cost by more than max(relativeGap, 1e-6) of its magnitude (a
 * bound above a feasible value is wrong); the bound reported is the
 * smaller of the closing bounds.
 * @internal
 */
export function gapAgreement(claims: readonly GapClaim[], incumbent: GapIncumbent | undefined, relativeGap: number, integral: boolean): { readonly kind: 'infeasible' } | { readonly kind: 'optimal'; readonly bound: number } | undefined {
  if (incumbent === undefined) return claims.filter((c) => c.kind === 'infeasible').length >= 2 ? { kind: 'infeasible' } : undefined;
  const { cost, magnitude } = incumbent;
  const refute = Math.max(relativeGap, 1e-6) * magnitude;
  let count = 0;
  let bound = Infinity;
  for (const c of claims) {
    if (c.kind !== 'bound' || c.bound - cost > refute || !gapClosed(cost, c.bound, magnitude, relativeGap, integral)) continue;
    count++;
    bound = Math.min(bound, c.bound);
  }
  return count >= 2 ? { kind: 'optimal', bound } : undefined;
}

/** Outcome of {@link confirmGap}. @internal */
export interface GapConfirmed {
  readonly status: 'optimal' | 'infeasible' | 'disputed' | 'time';
  /** The best exactly feasible assignment known after the checks (maybe found by them). */
  readonly assignment: Int32Array | undefined;
  /** With `'optimal'`: the agreed (or, by exhaustive search, exact) lower bound. */
  readonly bound: number | undefined;
}

/**
 * Checks the claim `first` that a run made of `model` (built around
 * `best`, undefined when there is none). With m^n ≤ ENUMERATION_LIMIT the
 * answer is exhaustive search's (exact; `best` is kept when it is optimal
 * within the gap). Otherwise more runs of the same model, until two agree
 * ({@link gapAgreement}): first presolve flipped when `presolve` was on,
 * else the model reversed; then the reversed model with the first run's
 * presolve; then (no presolve) the model forwards with another random
 * seed. Presolve is never turned on where the first run had it off (data
 * where it returned bounds above the optimum). An exactly feasible
 * assignment a run finds becomes the incumbent if cheaper. Each run gets
 * the time left before the deadline. Cost: 1 to 3 extra solves of the
 * final model (1 when the runs agree, the usual case).
 * @internal
 */
export function confirmGap(highs: HighsLike, g: CompiledGap, model: GapModel, best: Int32Array | undefined, first: GapClaim, presolve: boolean, settings: GapExactSettings): GapConfirmed {
  if (g.m ** g.n <= ENUMERATION_LIMIT) {
    const e = gapEnumerate(g);
    if (e === undefined) return { status: 'infeasible', assignment: undefined, bound: undefined };
    const keep = best !== undefined && gapClosed(costOf(g, best), e.cost, magnitudeOf(g, best), settings.relativeGap, g.integral);
    return { status: 'optimal', assignment: keep ? best : e.assignment, bound: e.cost };
  }
  const reversed = reverseGapModel(model);
  const plan: { model: GapModel; presolve: boolean; randomSeed: number }[] = presolve
    ? [{ model, presolve: false, randomSeed: 0 }, { model: reversed, presolve: true, randomSeed: 0 }, { model: reversed, presolve: false, randomSeed: 0 }]
    : [{ model: reversed, presolve: false, randomSeed: 0 }, { model, presolve: false, randomSeed: 1 }, { model: reversed, presolve: false, randomSeed: 1 }];
  const claims: GapClaim[] = [first];
  let incumbent = best;
  const state = (): GapIncumbent | undefined => (incumbent === undefined ? undefined : { cost: costOf(g, incumbent), magnitude: magnitudeOf(g, incumbent) });
  for (const step of plan) {
    const remaining = settings.deadline - performance.now();
    if (remaining <= 0) return { status: 'time', assignment: incumbent, bound: undefined };
    const out = solveOnce(highs, step.model, g, incumbent, { ...settings, presolve: step.presolve, randomSeed: step.randomSeed }, remaining);
    if (out.assignment !== undefined && exactlyFeasible(g, out.assignment) && (incumbent === undefined || costOf(g, out.assignment) < costOf(g, incumbent))) incumbent = out.assignment;
    claims.push(out.kind === 'infeasible' ? { kind: 'infeasible' } : out.bound !== undefined && out.kind !== 'numerical' ? { kind: 'bound', bound: out.bound } : { kind: 'none' });
    const agreed = gapAgreement(claims, state(), settings.relativeGap, g.integral);
    if (agreed !== undefined) return { status: agreed.kind, assignment: incumbent, bound: agreed.kind === 'optimal' ? agreed.bound : undefined };
    if (out.kind === 'time') return { status: 'time', assignment: incumbent, bound: undefined };
  }
  return { status: 'disputed', assignment: incumbent, bound: undefined };
}
