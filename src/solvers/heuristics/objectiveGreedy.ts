/**
 * Objective-aware list heuristics: MCT, Min-Min and Max-Min whose device
 * choice minimizes the marginal increase of a weighted objective (makespan,
 * flowtime, weighted flowtime, energy, cost) instead of the completion time,
 * and which skip devices that would break a deadline, a money budget or an
 * energy budget, and (when asked) devices whose remaining capacity budget
 * cannot take the task's demand.
 * @internal
 * @module
 */
import { deviceCost } from '../../schedule/cost.js';
import { energyPrime } from '../objective.js';
import type { DecisionCandidate, DecisionExclusion, StrategyResult, TaskDecision } from '../registry.js';
import { EXEC_FORBIDDEN, TRANSFER_FORBIDDEN } from './completion.js';
import type { CompiledProblem } from '../../problem/types.js';
import { unplaceable } from './capacityAware.js';

/** The rule picking the next task: MCT (index order), Min-Min (smallest best score), Max-Min (largest). @internal */
export type GreedyRule = 'mct' | 'min-min' | 'max-min';

/** Mutable greedy state (sequential estimate, as the list heuristics use). */
interface State {
  readonly cp: CompiledProblem;
  readonly w: Float64Array;
  readonly limits: Float64Array;
  readonly ePrime: Float64Array;
  readonly idleSum: number;
  readonly avail: Float64Array;
  readonly busy: Float64Array;
  readonly devCost: Float64Array;
  makespan: number;
  cost: number;
  /** Σ ePrime of placed tasks; energy estimate = linear + makespan · idleSum. */
  linear: number;
  /** Demands placed on each device, in placement order; undefined when budgets are not kept. */
  readonly used: Float64Array | undefined;
}

/** Task i fits device j's remaining budget (always, when budgets are not kept): used + demand ≤ budget in double arithmetic, as the capacity-aware forms. */
function fits(st: State, i: number, j: number): boolean {
  return st.used === undefined || st.used[j]! + st.cp.demand[i]! <= st.cp.budget[j]!;
}

/** Result of scoring one (task, device) pair. */
interface Pick {
  device: number;
  score: number;
  finish: number;
  violation: number;
}

/** after − before, 0 when both overflowed to the same infinity (never NaN). */
function diff(after: number, before: number): number {
  return after === before ? 0 : after - before;
}

/** Relative excess of x over a limit (0 within it). */
function excess(x: number, lim: number): number {
  return x > lim ? (x - lim) / (lim > 1 ? lim : 1) : 0;
}

function copy(to: Pick, from: Pick): void {
  to.device = from.device;
  to.score = from.score;
  to.finish = from.finish;
  to.violation = from.violation;
}

/** Scores task i on device j into `out`; returns false when forbidden or over a kept budget. */
function score(st: State, i: number, j: number, out: Pick): boolean {
  const { cp, w, limits } = st;
  const k = i * cp.m + j;
  const p = cp.transfer[k]! + cp.exec[k]!;
  if (p === Infinity || !fits(st, i, j)) return false;
  const a = st.avail[j]!;
  const r = cp.release[i]!;
  const f = (a > r ? a : r) + p;
  const newM = f > st.makespan ? f : st.makespan;
  const dM = newM - st.makespan;
  const dE = st.ePrime[k]! + (st.idleSum === 0 ? 0 : dM * st.idleSum);
  const dC = cp.pricePerSecond[j]! === 0 ? 0 : diff(deviceCost(cp, j, st.busy[j]! + p), st.devCost[j]!);
  let s = 0;
  if (w[0]! > 0) s += w[0]! * dM;
  if (w[1]! > 0) s += w[1]! * f;
  if (w[2]! > 0) s += w[2]! * cp.priority[i]! * f;
  if (w[3]! > 0) s += w[3]! * dE;
  if (w[4]! > 0) s += w[4]! * dC;
  const v = excess(newM, limits[0]!) + excess(st.cost + dC, limits[1]!) + excess(st.linear + st.ePrime[k]! + (st.idleSum === 0 ? 0 : newM * st.idleSum), limits[2]!);
  out.device = j;
  out.score = s;
  out.finish = f;
  out.violation = v;
  return true;
}

/** a better than b: feasible first (smaller violation), then smaller score, then earlier finish; else keep b (lower index). */
function better(a: Pick, b: Pick): boolean {
  if (a.violation !== b.violation) return a.violation < b.violation;
  if (a.score !== b.score) return a.score < b.score;
  return a.finish < b.finish;
}

/** The best device of task i into `best` (device −1 if none). O(m). */
function bestDevice(st: State, i: number, best: Pick, tmp: Pick): void {
  best.device = -1;
  for (let j = 0; j < st.cp.m; j++) {
    if (!score(st, i, j, tmp)) continue;
    if (best.device < 0 || better(tmp, best)) copy(best, tmp);
  }
}

function place(st: State, i: number, j: number): void {
  const { cp } = st;
  const k = i * cp.m + j;
  const p = cp.transfer[k]! + cp.exec[k]!;
  const a = st.avail[j]!;
  const r = cp.release[i]!;
  const f = (a > r ? a : r) + p;
  st.avail[j] = f;
  if (f > st.makespan) st.makespan = f;
  st.busy[j] = st.busy[j]! + p;
  const c = deviceCost(cp, j, st.busy[j]!);
  st.cost += diff(c, st.devCost[j]!);
  st.devCost[j] = c;
  st.linear += st.ePrime[k]!;
  if (st.used !== undefined) st.used[j] = st.used[j]! + cp.demand[i]!;
}

function traceOf(st: State, i: number, step: number, chosen: number): TaskDecision {
  const { cp } = st;
  const candidates: DecisionCandidate[] = [];
  const excluded: DecisionExclusion[] = [];
  const tmp: Pick = { device: -1, score: 0, finish: 0, violation: 0 };
  let chosenScore = 0;
  let runnerUp = Infinity;
  for (let j = 0; j < cp.m; j++) {
    const k = i * cp.m + j;
    if (cp.exec[k] === Infinity) excluded.push({ device: j, reason: EXEC_FORBIDDEN });
    else if (cp.transfer[k] === Infinity) excluded.push({ device: j, reason: TRANSFER_FORBIDDEN });
    else if (!fits(st, i, j)) excluded.push({ device: j, reason: `over budget: remaining ${cp.budget[j]! - st.used![j]!} < demand ${cp.demand[i]!}` });
    else {
      score(st, i, j, tmp);
      if (tmp.violation > 0 && j !== chosen) {
        excluded.push({ device: j, reason: 'constraint: would break a deadline, cost or energy limit' });
        continue;
      }
      candidates.push({ device: j, score: tmp.score });
      if (j === chosen) chosenScore = tmp.score;
      else if (tmp.score < runnerUp) runnerUp = tmp.score;
    }
  }
  return { task: i, step, candidates, chosen, margin: runnerUp === Infinity ? 0 : runnerUp - chosenScore, excluded };
}

/**
 * Runs an objective-aware greedy rule. Each (task, device) pair is scored
 * by the marginal weighted objective of placing it now, estimated under the
 * `'sequential'` model like the list heuristics: with f = max(avail_j,
 * release_i) + p_ij and M the current makespan,
 *   Δmakespan = max(0, f − M), Δflowtime = f, Δweighted = priority_i · f,
 *   Δenergy = e_ij − idle_j · p_ij + Δmakespan · Σ_j idle_j (exact: the
 *   energy is linear in the assignment plus makespan · Σ idle),
 *   Δcost = cost_j(busy_j + p_ij) − cost_j(busy_j) (billing units, minimum);
 * score = Σ weight · Δ. A device is feasible when the estimated makespan,
 * cost and energy after the placement stay within `limits`; feasible devices
 * win, then the smaller score, the earlier finish, the lower index. When no
 * device is feasible the one breaking the limits least (relative excess)
 * is taken: no task is ever dropped. Tasks: `'mct'` index order;
 * `'min-min'` the task with the best (feasible, smallest) score first;
 * `'max-min'` among feasible tasks the one with the largest best score.
 *
 * `keepBudgets` (solve passes `budgetsMatter`) skips device j for task i
 * unless used_j + demand_i ≤ budget_j (used_j: the demands already placed on
 * j, in placement order), exactly as the capacity-aware makespan forms
 * (`capacityAware.ts`): the skipped pair is treated as forbidden, never as a
 * limit to break least. A task that then fits on no device when the rule
 * looks at it (`'mct'`: its turn; the others: any step's scan of the
 * unplaced tasks) throws their `InfeasibleError` naming
 * `problem.tasks[i].demand` and the rule, saying whether infeasibility is
 * proved or only this greedy order failed. Without budgets (or with
 * `keepBudgets` false) the decisions are unchanged.
 *
 * `lazy` (the default) keeps each task's best device between steps and, after
 * a placement on device j that leaves every other pair's score unchanged
 * (the makespan term did not move, no cost or energy limit), rescores only
 * device j's column, and the whole row of tasks whose best was j; the plain
 * scan (`lazy` false) rescans everything and is the test oracle: both give
 * identical results.
 *
 * Complexity: O(n·m) for `'mct'`; for the others O(n²·m) in the worst case
 * (every step moves the makespan term or a limit applies), O(n² + R·m)
 * otherwise, R the rows rescanned. @internal
 */
export function objectiveGreedy(cp: CompiledProblem, rule: GreedyRule, weights: Float64Array, limits: Float64Array, trace: boolean, lazy = true, keepBudgets = false): StrategyResult {
  const { n, m } = cp;
  let idleSum = 0;
  for (let j = 0; j < m; j++) idleSum += cp.powerIdle[j]!;
  const st: State = {
    cp, w: weights, limits, ePrime: energyPrime(cp), idleSum,
    avail: Float64Array.from(cp.ready), busy: new Float64Array(m), devCost: new Float64Array(m),
    makespan: 0, cost: 0, linear: 0, used: keepBudgets ? new Float64Array(m) : undefined,
  };
  const assignment = new Int32Array(n);
  const order = new Int32Array(n);
  const done = new Uint8Array(n);
  const decisions: TaskDecision[] = [];
  const best: Pick = { device: -1, score: 0, finish: 0, violation: 0 };
  const cand: Pick = { device: -1, score: 0, finish: 0, violation: 0 };
  const tmp: Pick = { device: -1, score: 0, finish: 0, violation: 0 };
  const cache = lazy && rule !== 'mct' ? new PickCache(n) : undefined;
  // Which state changes move every pair's score or feasibility.
  const makespanMatters = weights[0]! > 0 || limits[0]! < Infinity || (idleSum > 0 && weights[3]! > 0);
  const limited = limits[1]! < Infinity || limits[2]! < Infinity;
  if (cache !== undefined) {
    for (let i = 0; i < n; i++) {
      bestDevice(st, i, cand, tmp);
      cache.store(i, cand);
    }
  }
  for (let step = 0; step < n; step++) {
    let task = step;
    if (rule !== 'mct') {
      task = -1;
      for (let i = 0; i < n; i++) {
        if (done[i] === 1) continue;
        if (cache !== undefined) cache.load(i, cand);
        else bestDevice(st, i, cand, tmp);
        if (cand.device < 0) unplaceable(cp, st.used!, i, rule, step);
        if (task < 0) {
          task = i;
          copy(best, cand);
          continue;
        }
        const maxRule = rule === 'max-min' && cand.violation === best.violation && cand.violation === 0;
        const wins = maxRule ? cand.score > best.score || (cand.score === best.score && cand.finish > best.finish) : better(cand, best);
        if (wins) {
          task = i;
          copy(best, cand);
        }
      }
    } else {
      bestDevice(st, task, best, tmp);
      if (best.device < 0) unplaceable(cp, st.used!, task, rule, step);
    }
    const j = best.device;
    if (trace) decisions.push(traceOf(st, task, step, j));
    const before = st.makespan;
    place(st, task, j);
    assignment[task] = j;
    order[step] = task;
    done[task] = 1;
    if (cache !== undefined) {
      const global = limited || (makespanMatters && st.makespan !== before);
      for (let i = 0; i < n; i++) {
        if (done[i] === 1) continue;
        if (global || cache.dev[i] === j) {
          bestDevice(st, i, cand, tmp);
          cache.store(i, cand);
        } else if (score(st, i, j, tmp)) {
          cache.load(i, cand);
          const tie = tmp.violation === cand.violation && tmp.score === cand.score && tmp.finish === cand.finish;
          if (better(tmp, cand) || (tie && j < cand.device)) cache.store(i, tmp);
        }
      }
    }
  }
  return { assignment, order, trace: decisions, stoppedEarly: false };
}

/** Each task's best pick, in typed arrays. */
class PickCache {
  readonly dev: Int32Array;
  readonly score: Float64Array;
  readonly finish: Float64Array;
  readonly violation: Float64Array;
  constructor(n: number) {
    this.dev = new Int32Array(n);
    this.score = new Float64Array(n);
    this.finish = new Float64Array(n);
    this.violation = new Float64Array(n);
  }
  store(i: number, p: Pick): void {
    this.dev[i] = p.device;
    this.score[i] = p.score;
    this.finish[i] = p.finish;
    this.violation[i] = p.violation;
  }
  load(i: number, p: Pick): void {
    p.device = this.dev[i]!;
    p.score = this.score[i]!;
    p.finish = this.finish[i]!;
    p.violation = this.violation[i]!;
  }
}
