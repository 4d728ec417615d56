/**
 * An exact optimum for small task graphs: depth-first branch and bound over
 * (next task, device), pruned by a lower bound.
 * @module
 */
import { checkInteger, checkNonNegative, checkOptions } from '../internal/errors.js';
import { transferTime } from './comm.js';
import { compileWorkflowFor } from './compile.js';
import { evaluateCompiled } from './evaluate.js';
import type { WorkflowPlan } from './listState.js';
import { solutionOf, WORKFLOW_STRATEGIES, workflowStrategyNames, type WorkflowSolution } from './scheduleWorkflow.js';
import type { CompiledWorkflow, Workflow } from './types.js';

/** Options of {@link solveWorkflowExact}. */
export interface SolveWorkflowExactOptions {
  /**
   * Search nodes to expand before stopping (an integer ≥ 0). Deterministic: the same input and limit give the same answer.
   * @defaultValue 1000000
   */
  readonly maxNodes?: number;
  /**
   * Wall-clock budget in milliseconds (finite, ≥ 0). Stopping on it is reported (`status: 'time-limit'`); a search that completes is never affected by it.
   * @defaultValue 10000
   */
  readonly timeLimitMs?: number;
}

/** How the exact search ended. */
export type ExactStatus = 'optimal' | 'node-limit' | 'time-limit';

/** What {@link solveWorkflowExact} returns. */
export interface WorkflowExactSolution extends WorkflowSolution {
  /** `'optimal'` only when the search completed: then `makespan` is the optimum, `lowerBound` equals it and `gap` is 0. */
  readonly status: ExactStatus;
  /** Search nodes expanded. */
  readonly nodes: number;
}

interface Search {
  readonly cw: CompiledWorkflow;
  readonly tail: Float64Array;
  readonly minExec: Float64Array;
  readonly topoPos: Int32Array;
  readonly device: Int32Array;
  readonly start: Float64Array;
  readonly finish: Float64Array;
  readonly avail: Float64Array;
  readonly waiting: Int32Array;
  readonly seq: number[];
  best: number;
  bestSeq: number[] | undefined;
  bestDevice: Int32Array | undefined;
  nodes: number;
  stop: ExactStatus | undefined;
  readonly maxNodes: number;
  readonly deadline: number;
  /** Relative rounding slack of the pruning test (see dfs). */
  readonly slack: number;
}

/** Start of task i on device j given the placed tasks (semi-active, appended). */
function startOn(s: Search, i: number, j: number): number {
  const cw = s.cw;
  let t = cw.release[i]! > s.avail[j]! ? cw.release[i]! : s.avail[j]!;
  for (let k = cw.predStart[i]!; k < cw.predStart[i + 1]!; k++) {
    const p = cw.pred[k]!;
    const a = s.finish[p]! + transferTime(cw, cw.predEdge[k]!, s.device[p]!, j);
    if (a > t) t = a;
  }
  return t;
}

function dfs(s: Search, depth: number, lastStart: number, lastFinish: number, lastPos: number, curMax: number): void {
  const { cw } = s;
  const { n, m, exec } = cw;
  if (depth === n) {
    // Exact comparison: a strictly smaller evaluated makespan replaces the incumbent (the first of equals is kept).
    if (curMax < s.best) {
      s.best = curMax;
      s.bestSeq = s.seq.slice();
      s.bestDevice = Int32Array.from(s.device);
    }
    return;
  }
  if (s.nodes >= s.maxNodes) {
    s.stop = 'node-limit';
    return;
  }
  if ((s.nodes & 1023) === 0 && s.nodes > 0 && Date.now() > s.deadline) {
    s.stop = 'time-limit';
    return;
  }
  s.nodes++;
  // Lower bound: every unplaced task starts at or after lastStart (canonical order) and its release, then needs its tail.
  let lb = curMax;
  let remainingWork = 0;
  for (let i = 0; i < n; i++) {
    if (s.device[i]! >= 0) continue;
    remainingWork += s.minExec[i]!;
    let t = lastStart > cw.release[i]! ? lastStart : cw.release[i]!;
    for (let k = cw.predStart[i]!; k < cw.predStart[i + 1]!; k++) {
      const p = cw.pred[k]!;
      if (s.device[p]! >= 0 && s.finish[p]! > t) t = s.finish[p]!;
    }
    if (t + s.tail[i]! > lb) lb = t + s.tail[i]!;
  }
  const work = lastStart + remainingWork / m;
  if (work > lb) lb = work;
  // Prune only when no completion can evaluate strictly below the incumbent: lb is a sum of at most 2n + 2
  // non-negative terms in another association than the schedule's own sums, so each may round away from the
  // other by (2n + 2)·2^-53 relative; s.slack is 4(n + 2)·2^-53, twice that. Never an absolute or makespan-wide
  // tolerance: at a release of 1.7e9 that would discard real gains of up to 1.7 s.
  if (lb - lb * s.slack >= s.best) return;
  // Children: (ready task, allowed device) in canonical order (start, finish, topological position) > the last one, best finish first.
  const kids: number[] = [];
  const kidStart: number[] = [];
  for (let i = 0; i < n; i++) {
    if (s.device[i]! >= 0 || s.waiting[i]! > 0) continue;
    for (let j = 0; j < m; j++) {
      if (exec[i * m + j] === Infinity) continue;
      const st = startOn(s, i, j);
      if (st < lastStart) continue;
      if (st === lastStart) {
        const f = st + exec[i * m + j]!;
        if (f < lastFinish || (f === lastFinish && s.topoPos[i]! < lastPos)) continue;
      }
      kids.push(i * m + j);
      kidStart[i * m + j] = st;
    }
  }
  kids.sort((a, b) => kidStart[a]! + exec[a]! - (kidStart[b]! + exec[b]!) || a - b);
  for (const k of kids) {
    const i = (k / m) | 0;
    const j = k - i * m;
    const st = kidStart[k]!;
    const f = st + exec[k]!;
    const prevAvail = s.avail[j]!;
    s.device[i] = j;
    s.start[i] = st;
    s.finish[i] = f;
    s.avail[j] = f;
    for (let q = cw.succStart[i]!; q < cw.succStart[i + 1]!; q++) s.waiting[cw.succ[q]!]!--;
    s.seq.push(i);
    dfs(s, depth + 1, st, f, s.topoPos[i]!, f > curMax ? f : curMax);
    s.seq.pop();
    for (let q = cw.succStart[i]!; q < cw.succStart[i + 1]!; q++) s.waiting[cw.succ[q]!]!++;
    s.avail[j] = prevAvail;
    s.device[i] = -1;
    if (s.stop !== undefined) return;
  }
}

/**
 * The minimum-makespan schedule of a small workflow, by branch and bound,
 * with the status of the search.
 *
 * Search: an optimal schedule can be taken semi-active (every task starts as
 * early as its device order, release, device ready time and data arrivals
 * allow), and listing its tasks by (start, finish, topological position)
 * gives a precedence-respecting sequence that rebuilds it by appending each
 * task to its device (the finish matters for tasks of zero duration: one that
 * starts with another on the same device must come first). The search
 * enumerates exactly these canonical sequences: depth-first, a child appends
 * a ready task to an allowed device, only if its (start, finish, topological
 * position) exceeds the previous one's. Bound: max(current
 * makespan, lastStart + remaining minimum work / m, max over unplaced tasks of
 * max(lastStart, release, placed predecessors' finish) + tail), where tail is
 * the longest path to an exit task with fastest devices and free
 * communication. Incumbent: the best of the list strategies (not
 * heft-lookahead), so the answer is never worse than any of them.
 *
 * What `'optimal'` proves: no schedule has an evaluated makespan (the one
 * {@link evaluateWorkflow} reports, in double arithmetic) strictly smaller
 * than the one returned. Improvements are compared exactly, never with a
 * tolerance relative to the makespan, so large release or ready times (Unix
 * timestamps) lose nothing; the bound prunes only with a rounding-safe margin
 * of 4(n + 2)·2^-53 relative. Of schedules with equal makespans the first
 * found is kept (heuristic incumbent first).
 *
 * Limits: `maxNodes` (deterministic) and `timeLimitMs` (wall clock). `status`
 * is `'optimal'` only when the search completed; a stopped search returns
 * its incumbent with the static lower bound (`workflowLowerBound`).
 *
 * Complexity: exponential, O(n · (n·m)^n) nodes in the worst case, each
 * O(n·m + e); practical for up to about 10 tasks on 3 devices.
 *
 * @param workflow - The workflow (validated, never mutated).
 * @param options - {@link SolveWorkflowExactOptions}.
 * @returns A {@link WorkflowExactSolution} (strategy `'exact'`).
 * @throws {@link InputTypeError} for an unknown option or a malformed workflow.
 * @throws {@link InputRangeError} for a negative or non-integer limit or a bad workflow number.
 * @throws {@link InfeasibleError} for a task that no device can run.
 *
 * @example
 * ```ts
 * const w = {
 *   tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
 *   devices: [{ id: 'edge', tier: 'edge' }, { id: 'cloud', tier: 'cloud' }],
 *   execTime: [[2, 1], [3, 1], [2, 2]],
 *   edges: [{ from: 'a', to: 'b', data: 4 }, { from: 'a', to: 'c', data: 1 }],
 * };
 * const s = solveWorkflowExact(w);
 * s.status;   // 'optimal'
 * s.makespan; // 4
 * ```
 */
export function solveWorkflowExact(workflow: Workflow, options?: SolveWorkflowExactOptions): WorkflowExactSolution {
  const fn = 'solveWorkflowExact';
  const o = checkOptions(fn, options, ['maxNodes', 'timeLimitMs']);
  const maxNodes = o.maxNodes === undefined ? 1_000_000 : checkInteger(fn, 'options.maxNodes', o.maxNodes, 0);
  const timeLimitMs = o.timeLimitMs === undefined ? 10_000 : checkNonNegative(fn, 'options.timeLimitMs', o.timeLimitMs);
  const cw = compileWorkflowFor(fn, workflow);
  const { n, m, exec, topo, succStart, succ } = cw;

  let incumbent: WorkflowPlan | undefined;
  let best = Infinity;
  for (const name of workflowStrategyNames) {
    if (name === 'heft-lookahead') continue;
    const plan = WORKFLOW_STRATEGIES[name](cw);
    const ms = evaluateCompiled(fn, cw, plan.placement, plan.order).metrics.makespan;
    if (ms < best) {
      best = ms;
      incumbent = plan;
    }
  }

  const minExec = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Infinity;
    for (let j = 0; j < m; j++) if (exec[i * m + j]! < x) x = exec[i * m + j]!;
    minExec[i] = x;
  }
  const tail = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    const i = topo[k]!;
    let t = 0;
    for (let q = succStart[i]!; q < succStart[i + 1]!; q++) if (tail[succ[q]!]! > t) t = tail[succ[q]!]!;
    tail[i] = minExec[i]! + t;
  }
  const topoPos = new Int32Array(n);
  for (let k = 0; k < n; k++) topoPos[topo[k]!] = k;
  const waiting = new Int32Array(n);
  for (let i = 0; i < n; i++) waiting[i] = cw.predStart[i + 1]! - cw.predStart[i]!;
  const s: Search = {
    cw, tail, minExec, topoPos,
    device: new Int32Array(n).fill(-1),
    start: new Float64Array(n),
    finish: new Float64Array(n),
    avail: Float64Array.from(cw.ready),
    waiting,
    seq: [],
    best,
    bestSeq: undefined,
    bestDevice: undefined,
    nodes: 0,
    stop: undefined,
    maxNodes,
    deadline: Date.now() + timeLimitMs,
    slack: 4 * (n + 2) * 2 ** -53,
  };
  if (n > 0) dfs(s, 0, -Infinity, -Infinity, -1, 0);

  let plan: WorkflowPlan = incumbent ?? { placement: new Int32Array(0), order: Array.from({ length: m }, () => []) };
  if (s.bestSeq !== undefined && s.bestDevice !== undefined) {
    const order: number[][] = Array.from({ length: m }, () => []);
    for (const i of s.bestSeq) order[s.bestDevice[i]!]!.push(i);
    plan = { placement: s.bestDevice, order };
  }
  const status: ExactStatus = s.stop ?? 'optimal';
  const sol = solutionOf(fn, cw, 'exact', plan);
  if (status === 'optimal') return { ...sol, lowerBound: sol.makespan, gap: 0, status, nodes: s.nodes };
  return { ...sol, status, nodes: s.nodes };
}
