/**
 * The list heuristics with device budgets honoured: the same rules, where a
 * device whose remaining budget cannot take a task's demand is skipped as if
 * the pair were forbidden. `solve` runs these instead of the fast versions
 * whenever some budget is finite and some demand is positive. The
 * objective-aware MCT, Min-Min and Max-Min (`objectiveGreedy.ts`) keep
 * budgets by the same test and throw through {@link unplaceable}.
 * @internal
 * @module
 */
import { infeasible } from '../../internal/errors.js';
import type { CompiledProblem } from '../../problem/types.js';
import { evaluateCompiled } from '../../schedule/evaluate.js';
import type { DecisionCandidate, DecisionExclusion, StrategyContext, StrategyResult, TaskDecision } from '../registry.js';
import { EXEC_FORBIDDEN, TRANSFER_FORBIDDEN } from './completion.js';
import { objectiveValue } from './duplex.js';
import { priorityOrder } from './seed.js';

/** The list heuristics that honour budgets (through this module); `'local-search'` keeps them itself (`search/budgetSearch.ts`, starting from this module's Min-Min), the objective-aware MCT, Min-Min, Max-Min and Duplex in `objectiveGreedy.ts`; `'optimal-flowtime'` ignores them by design. @internal */
export const CAPACITY_AWARE = ['seed', 'olb', 'met', 'mct', 'min-min', 'max-min', 'duplex', 'sufferage', 'sufferage-greedy'] as const;

/** A strategy that honours budgets. @internal */
export type CapacityAwareName = (typeof CAPACITY_AWARE)[number];

/** Whether budgets can bind: some device budget is finite and some task demand is positive. O(n + m). @internal */
export function budgetsMatter(cp: CompiledProblem): boolean {
  let finite = false;
  for (let j = 0; j < cp.m && !finite; j++) finite = cp.budget[j]! < Infinity;
  if (!finite) return false;
  for (let i = 0; i < cp.n; i++) if (cp.demand[i]! > 0) return true;
  return false;
}

/** Mutable run state: availabilities, budget used, and the result arrays. */
class Run {
  readonly avail: Float64Array;
  readonly used: Float64Array;
  readonly assignment: Int32Array;
  readonly order: Int32Array;
  readonly trace: TaskDecision[] = [];
  step = 0;
  constructor(readonly cp: CompiledProblem, readonly record: boolean) {
    this.avail = Float64Array.from(cp.ready);
    this.used = new Float64Array(cp.m);
    this.assignment = new Int32Array(cp.n).fill(-1);
    this.order = new Int32Array(cp.n);
  }
  /** Task i may use device j: allowed time and used + demand ≤ budget (in double arithmetic, in placement order). */
  ok(i: number, j: number): boolean {
    const { cp } = this;
    const k = i * cp.m + j;
    return cp.transfer[k]! + cp.exec[k]! < Infinity && this.used[j]! + cp.demand[i]! <= cp.budget[j]!;
  }
  ct(i: number, j: number): number {
    const { cp } = this;
    const a = this.avail[j]!;
    const r = cp.release[i]!;
    return (a > r ? a : r) + (cp.transfer[i * cp.m + j]! + cp.exec[i * cp.m + j]!);
  }
  /** Best and second-best allowed, fitting device by `score` (lowest index on ties); best -1 when none fits. */
  top(i: number, score: (i: number, j: number) => number): { best: number; bestScore: number; secondScore: number } {
    let best = -1;
    let bestScore = Infinity;
    let secondScore = Infinity;
    for (let j = 0; j < this.cp.m; j++) {
      if (!this.ok(i, j)) continue;
      const s = score(i, j);
      if (best < 0 || s < bestScore) {
        secondScore = bestScore;
        bestScore = s;
        best = j;
      } else if (s < secondScore) secondScore = s;
    }
    return { best, bestScore, secondScore };
  }
  /** Throws the InfeasibleError for a task that fits nowhere (proved, or only for this greedy order). */
  unplaceable(i: number, name: string): never {
    return unplaceable(this.cp, this.used, i, name, this.step);
  }
  place(i: number, j: number, scores: ((i: number, j: number) => number) | undefined): void {
    const { cp } = this;
    if (this.record && scores !== undefined) this.trace.push(this.decision(i, j, scores));
    this.avail[j] = this.ct(i, j);
    this.used[j] = this.used[j]! + cp.demand[i]!;
    this.assignment[i] = j;
    this.order[this.step++] = i;
  }
  decision(i: number, chosen: number, score: (i: number, j: number) => number): TaskDecision {
    const { cp } = this;
    const candidates: DecisionCandidate[] = [];
    const excluded: DecisionExclusion[] = [];
    let runnerUp = Infinity;
    let mine = 0;
    for (let j = 0; j < cp.m; j++) {
      const k = i * cp.m + j;
      if (cp.exec[k] === Infinity) excluded.push({ device: j, reason: EXEC_FORBIDDEN });
      else if (cp.transfer[k] === Infinity) excluded.push({ device: j, reason: TRANSFER_FORBIDDEN });
      else if (!this.ok(i, j)) excluded.push({ device: j, reason: `over budget: remaining ${cp.budget[j]! - this.used[j]!} < demand ${cp.demand[i]!}` });
      else {
        const s = score(i, j);
        candidates.push({ device: j, score: s });
        if (j === chosen) mine = s;
        else if (s < runnerUp) runnerUp = s;
      }
    }
    return { task: i, step: this.step, candidates, chosen, margin: runnerUp === Infinity ? 0 : runnerUp - mine, excluded };
  }
  result(): StrategyResult {
    return { assignment: this.assignment, order: this.order, trace: this.trace, stoppedEarly: false };
  }
}

/**
 * Throws the `InfeasibleError` for task i, which fits on no device it can run
 * on once `placed` tasks used `used` of the budgets (strategy `name`): proved
 * when the demand exceeds the whole budget of every allowed device or all
 * demands exceed all budgets, otherwise only this greedy order failed (the
 * message says another assignment may still fit). Shared by the
 * capacity-aware and the objective-aware list heuristics. @internal
 */
export function unplaceable(cp: CompiledProblem, used: Float64Array, i: number, name: string, placed: number): never {
  const left: string[] = [];
  let fitsEmpty = false;
  for (let j = 0; j < cp.m; j++) {
    const k = i * cp.m + j;
    if (!(cp.transfer[k]! + cp.exec[k]! < Infinity)) continue;
    left.push(`${cp.deviceIds[j]!}: ${cp.budget[j]! - used[j]!}`);
    if (cp.demand[i]! <= cp.budget[j]!) fitsEmpty = true;
  }
  let totalDemand = 0;
  let totalBudget = 0;
  for (let q = 0; q < cp.n; q++) totalDemand += cp.demand[q]!;
  for (let j = 0; j < cp.m; j++) totalBudget += cp.budget[j]!;
  if (fitsEmpty && totalDemand > totalBudget) {
    return infeasible('solve', `problem.tasks[${i}].demand`, `(${cp.demand[i]!}) of task ${JSON.stringify(cp.taskIds[i]!)} fits on no device it can run on after strategy '${name}' placed ${placed} task(s) (remaining budgets: ${left.join(', ')}): the demands (${totalDemand} in all) exceed the budgets (${totalBudget} in all), so no assignment fits (the problem is infeasible)`);
  }
  const why = fitsEmpty
    ? `; another assignment may still fit (the capacity-aware '${name}' places greedily and does not search)`
    : ': it exceeds the whole budget of every device it can run on, so no assignment fits (the problem is infeasible)';
  return infeasible('solve', `problem.tasks[${i}].demand`, `(${cp.demand[i]!}) of task ${JSON.stringify(cp.taskIds[i]!)} fits on no device it can run on after strategy '${name}' placed ${placed} task(s) (remaining budgets: ${left.join(', ')})${why}`);
}

/** OLB, MET, MCT and seed: tasks one by one in a fixed order. */
function inOrder(run: Run, order: ArrayLike<number>, score: (i: number, j: number) => number, name: string): void {
  for (let q = 0; q < order.length; q++) {
    const i = order[q]!;
    const { best } = run.top(i, score);
    if (best < 0) run.unplaceable(i, name);
    run.place(i, best, score);
  }
}

/** Min-Min, Max-Min and greedy sufferage: each step maps one task, chosen by `key` (larger wins; lowest index on ties). */
function oneAtATime(run: Run, key: (best: number, second: number) => number, name: string): void {
  const { n } = run.cp;
  const ct = (i: number, j: number): number => run.ct(i, j);
  const mapped = new Uint8Array(n);
  for (let step = 0; step < n; step++) {
    let pick = -1;
    let pickKey = -Infinity;
    let pickDev = -1;
    for (let i = 0; i < n; i++) {
      if (mapped[i] === 1) continue;
      const t = run.top(i, ct);
      if (t.best < 0) run.unplaceable(i, name);
      const k = key(t.bestScore, t.secondScore);
      if (pick < 0 || k > pickKey) {
        pick = i;
        pickKey = k;
        pickDev = t.best;
      }
    }
    mapped[pick] = 1;
    run.place(pick, pickDev, ct);
  }
}

/** Sufferage (Maheswaran et al. 1999), batch passes: at most one task per device per pass. */
function sufferagePasses(run: Run): void {
  const { n, m } = run.cp;
  const ct = (i: number, j: number): number => run.ct(i, j);
  const mapped = new Uint8Array(n);
  const holder = new Int32Array(m);
  const holderSuff = new Float64Array(m);
  let left = n;
  while (left > 0) {
    holder.fill(-1);
    for (let i = 0; i < n; i++) {
      if (mapped[i] === 1) continue;
      const t = run.top(i, ct);
      if (t.best < 0) run.unplaceable(i, 'sufferage');
      const s = t.secondScore - t.bestScore;
      const h = holder[t.best]!;
      if (h < 0 || holderSuff[t.best]! < s) {
        holder[t.best] = i;
        holderSuff[t.best] = s;
      }
    }
    // Decisions against the availabilities the pass saw; then commit in device order.
    const decisions: TaskDecision[] = [];
    if (run.record) {
      let s = run.step;
      for (let j = 0; j < m; j++) if (holder[j]! >= 0) decisions.push({ ...run.decision(holder[j]!, j, ct), step: s++ });
    }
    for (let j = 0; j < m; j++) {
      const i = holder[j]!;
      if (i < 0) continue;
      run.place(i, j, undefined);
      mapped[i] = 1;
      left--;
    }
    run.trace.push(...decisions);
  }
}

/**
 * Runs the capacity-aware form of a list heuristic: the rule of the strategy
 * of the same name (its order, its score, its tie-breaking: lowest index),
 * where device j is skipped for task i unless transfer + exec is finite and
 * used_j + demand_i ≤ budget_j (used_j: the demands already placed on j, in
 * placement order). With every budget infinite or every demand 0 the
 * decisions are exactly the fast versions'. Duplex runs both Min-Min and
 * Max-Min this way and keeps the better by the objective (Min-Min on a tie).
 *
 * A task that fits on no device when its turn comes throws an
 * `InfeasibleError` naming `problem.tasks[i].demand`, with the remaining
 * budgets, and saying whether infeasibility is proved (the demand exceeds
 * the whole budget of every device the task can run on, or all demands
 * exceed all budgets) or only this greedy order failed (another assignment
 * may fit: the message says so).
 *
 * Complexity: O(n·m) for OLB, MET, MCT, seed (plus O(n log n)); O(n²·m) for
 * Min-Min, Max-Min, Duplex and greedy sufferage; O(P·n·m) for sufferage with
 * P passes. No incremental bookkeeping: budgets change which devices a task
 * may use, which the fast versions' caches do not track.
 * @internal
 */
export function runCapacityAware(ctx: StrategyContext, name: CapacityAwareName): StrategyResult {
  const { cp } = ctx;
  const run = new Run(cp, ctx.trace);
  const ct = (i: number, j: number): number => run.ct(i, j);
  const index = Int32Array.from({ length: cp.n }, (_, i) => i);
  switch (name) {
    case 'seed':
      inOrder(run, cp.priorityOrder ?? priorityOrder(cp.priority), ct, name);
      break;
    case 'mct':
      inOrder(run, index, ct, name);
      break;
    case 'olb':
      inOrder(run, index, (_i, j) => run.avail[j]!, name);
      break;
    case 'met':
      inOrder(run, index, (i, j) => cp.transfer[i * cp.m + j]! + cp.exec[i * cp.m + j]!, name);
      break;
    case 'min-min':
      oneAtATime(run, (best) => -best, name);
      break;
    case 'max-min':
      oneAtATime(run, (best) => best, name);
      break;
    case 'sufferage-greedy':
      oneAtATime(run, (best, second) => second - best, name);
      break;
    case 'sufferage':
      sufferagePasses(run);
      break;
    case 'duplex': {
      const a = runCapacityAware(ctx, 'min-min');
      const b = runCapacityAware(ctx, 'max-min');
      const va = objectiveValue(evaluateCompiled(cp, a.assignment, ctx.costModel, a.order).metrics, ctx.objective);
      const vb = objectiveValue(evaluateCompiled(cp, b.assignment, ctx.costModel, b.order).metrics, ctx.objective);
      return vb < va ? b : a;
    }
  }
  return run.result();
}
