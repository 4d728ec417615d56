/**
 * The exact GAP path behind `solveGap(…, {method: 'exact'})`: the binary
 * program of `gapModel.ts`, solved by HiGHS (loaded lazily), with every
 * answer re-checked exactly before it is reported. No validation.
 * @internal
 * @module
 */
import { guardHighs, loadHighs } from '../../internal/highs.js';
import type { CompiledGap } from './gap.js';
import { confirmGap, type GapClaim } from './gapAgreement.js';
import { costOf, everyTaskAtItsMinimum, exactlyFeasible, gapClosed, magnitudeOf, taskMinima, violatedCovers, type GapCover } from './gapExactCheck.js';
import { buildGapModel, type GapModel } from './gapModel.js';
import { solveOnce } from './gapRun.js';

/** Why an exact run did not prove its answer. @internal */
export type GapStopReason = 'time' | 'iterations' | 'numerical' | 'disputed';

/** Outcome of {@link gapExact}, in minimization form. @internal */
export interface GapExactResult {
  readonly assignment: Int32Array | undefined;
  readonly status: 'optimal' | 'feasible' | 'infeasible' | 'unknown';
  readonly bound: number | undefined;
  readonly stoppedEarly: boolean;
  readonly reason: GapStopReason | 'heuristic' | undefined;
}

/** Settings of {@link gapExact}. @internal */
export interface GapExactSettings {
  /** Relative optimality gap (of the objective's magnitude) accepted as a proof. */
  readonly relativeGap: number;
  /** HiGHS's primal and integrality feasibility tolerance. */
  readonly feasibilityTolerance: number;
  /** `performance.now()` value at which to stop. */
  readonly deadline: number;
}

/** Re-solves with cover cuts after each answer that breaks a budget exactly, at most this often. */
const CUT_ROUNDS = 6;
/** Then at most this many solves with budgets tightened by a few feasibility tolerances. */
const TIGHT_ROUNDS = 2;

/**
 * Solves the compiled GAP with HiGHS, starting from `incumbent` (exactly
 * feasible, or undefined). Loop: build the (rescaled, reduced) model, solve,
 * re-check the answer with exact budget sums. An answer that breaks a
 * budget (HiGHS accepts overruns up to its feasibility tolerance) is cut off
 * by a cover inequality per broken budget (the tasks that overrun it may
 * not all stay there) and the model re-solved, so the model stays a
 * relaxation of the exact problem and its infeasibility and bounds stay
 * proofs; after {@link CUT_ROUNDS} cuts the budgets are tightened instead
 * (answers then fit, bounds no longer count). `'optimal'` needs an exactly
 * feasible assignment and a relaxation bound within the documented gap;
 * `'infeasible'` needs HiGHS to find the relaxation infeasible. Neither is
 * reported on one run's word: `confirmGap` re-runs the final model
 * (presolve flipped or the model reversed, one extra solve when they
 * agree, at most three) or, when m^n ≤ 65536, searches exhaustively; when
 * no two runs agree the answer is `'feasible'`/`'unknown'` with reason
 * `'disputed'` (`'time'` when the clock ran out first). Unproved answers
 * carry no bound (the caller reports the capacity-free one). HiGHS's
 * presolve runs only on integer data with small budgets (see
 * `presolveSafe`): on near-tolerance data it returned bounds above the
 * optimum (found by the near-tolerance property test).
 * @internal
 */
export async function gapExact(fn: string, g: CompiledGap, incumbent: Int32Array | undefined, settings: GapExactSettings): Promise<GapExactResult> {
  const highs = await loadHighs(fn);
  const { n, m } = g;
  if (n === 0) return { assignment: new Int32Array(0), status: 'optimal', bound: 0, stoppedEarly: false, reason: undefined };
  const minima = taskMinima(g);
  for (let i = 0; i < n; i++) if (minima[i] === Infinity) return { assignment: undefined, status: 'infeasible', bound: undefined, stoppedEarly: false, reason: undefined };
  let best = incumbent;
  let bestCost = best === undefined ? Infinity : costOf(g, best);
  if (best !== undefined && everyTaskAtItsMinimum(g, best, minima)) return { assignment: best, status: 'optimal', bound: bestCost, stoppedEarly: false, reason: undefined };
  let bound = -Infinity;
  let reason: GapStopReason | undefined;
  let proved = false;
  const cuts: GapCover[] = [];
  let absMin = 0;
  for (let i = 0; i < n; i++) absMin += Math.abs(minima[i] as number);
  // HiGHS's presolve reduces with tolerances: on data where a budget can be met or missed by less than
  // them it has returned bounds above the optimum. Use it only where every overrun is at least one unit
  // far above the tolerance (integer costs, demands and budgets), and drop it, with the bounds it gave,
  // as soon as an answer breaks a budget exactly.
  let presolve = presolveSafe(g, settings.feasibilityTolerance);
  let last: GapModel | undefined;
  /** The claim `first` of a run on `model` checked by more runs (or exhaustive search), as a result. */
  const confirmed = (model: GapModel, first: GapClaim): GapExactResult => {
    const c = guardHighs(fn, 'instance', () => confirmGap(highs, g, model, best, first, presolve, settings));
    if (c.status === 'infeasible') return { assignment: undefined, status: 'infeasible', bound: undefined, stoppedEarly: false, reason: undefined };
    if (c.status === 'optimal' && c.assignment !== undefined && c.bound !== undefined) {
      const value = costOf(g, c.assignment);
      // Report a bound no better than the value; integral costs: the optimum is an integer ≥ the bound.
      let b = Math.min(value, c.bound);
      if (g.integral) b = Math.min(value, Math.ceil(b - 1e-6 * Math.max(1, Math.abs(b))));
      if (!Number.isFinite(b)) b = value;
      return { assignment: c.assignment, status: 'optimal', bound: b, stoppedEarly: false, reason: undefined };
    }
    const why = c.status === 'time' ? 'time' : 'disputed';
    return { assignment: c.assignment, status: c.assignment === undefined ? 'unknown' : 'feasible', bound: undefined, stoppedEarly: why === 'time', reason: why };
  };
  for (let round = 0; round < CUT_ROUNDS + TIGHT_ROUNDS; round++) {
    const remaining = settings.deadline - performance.now();
    if (remaining <= 0) {
      reason = 'time';
      break;
    }
    const tight = round >= CUT_ROUNDS;
    const model = buildGapModel(g, { incumbent: best, magnitude: best === undefined ? absMin : magnitudeOf(g, best), minima, cuts, tighten: tight ? 4 * settings.feasibilityTolerance : 0 }, highs.infinity);
    last = model;
    const out = guardHighs(fn, 'instance', () => solveOnce(highs, model, g, best, { ...settings, presolve, randomSeed: 0 }, remaining));
    if (out.kind === 'numerical') {
      reason = 'numerical';
      break;
    }
    if (out.kind === 'infeasible') {
      if (tight) {
        reason = 'numerical';
        break;
      }
      // The model is a relaxation of the exact problem that keeps the incumbent's columns: infeasible
      // with an incumbent means HiGHS is wrong; without one it is a claim, checked before it is reported.
      if (best === undefined) return confirmed(model, { kind: 'infeasible' });
      reason = 'numerical';
      break;
    }
    if (!tight && out.bound !== undefined) bound = Math.max(bound, out.bound);
    const asg = out.assignment;
    if (asg !== undefined) {
      if (exactlyFeasible(g, asg)) {
        const c = costOf(g, asg);
        const improved = c < bestCost;
        if (improved) {
          best = asg;
          bestCost = c;
        }
        // A capped model was built before this incumbent existed: rebuild around it once more.
        if (model.capped && improved && out.kind !== 'time') continue;
      } else if (!tight) {
        cuts.push(...violatedCovers(g, asg));
        if (presolve) {
          presolve = false;
          bound = -Infinity;
        }
        if (out.kind === 'time') {
          reason = 'time';
          break;
        }
        continue;
      }
    }
    if (out.kind === 'time') {
      reason = 'time';
      break;
    }
    if (best !== undefined && gapClosed(bestCost, bound, magnitudeOf(g, best), settings.relativeGap, g.integral)) proved = true;
    if (!proved) reason = out.kind === 'other' ? 'iterations' : 'numerical';
    break;
  }
  if (best === undefined) {
    return { assignment: undefined, status: 'unknown', bound: undefined, stoppedEarly: reason === 'time' || reason === 'iterations', reason: reason ?? 'numerical' };
  }
  if (last !== undefined && (proved || gapClosed(bestCost, bound, magnitudeOf(g, best), settings.relativeGap, g.integral))) return confirmed(last, { kind: 'bound', bound });
  // One run's bound is not a proof: the caller reports the capacity-free bound instead.
  return { assignment: best, status: 'feasible', bound: undefined, stoppedEarly: reason === 'time' || reason === 'iterations', reason: reason ?? 'numerical' };
}

/**
 * Whether HiGHS's presolve may be used: integer costs, and on every finite
 * budget integer demands and an integer budget below 0.05 / tolerance, so
 * that any overrun (≥ 1 unit, ≥ 1/(2·budget) after scaling) dwarfs the
 * feasibility tolerance.
 */
function presolveSafe(g: CompiledGap, feasibilityTolerance: number): boolean {
  if (!g.integral) return false;
  const { n, m, demand, budget, allowed } = g;
  for (let j = 0; j < m; j++) {
    const b = budget[j] as number;
    if (b === Infinity) continue;
    if (!Number.isInteger(b) || b > 0.05 / feasibilityTolerance) return false;
    for (let i = 0; i < n; i++) if (allowed[i * m + j] === 1 && !Number.isInteger(demand[i * m + j] as number)) return false;
  }
  return true;
}
