/**
 * The GAP heuristic behind `solveGap(…, {method: 'heuristic'})`: regret-greedy
 * construction, then iterated local search with shift and swap moves on a
 * penalized objective. No validation (the instance is compiled).
 * @internal
 * @module
 */
import { createRng, randomIndex, type Rng } from '../../internal/random.js';
import type { CompiledGap } from './gap.js';

/** Iterations without a new best before the search counts as converged: 50 per task, at least 5000. */
const STALL_MIN = 5000;
const STALL_PER_TASK = 50;

/** Budgets of {@link gapHeuristic}. @internal */
export interface GapHeuristicLimits {
  readonly seed: number;
  /** `performance.now()` value at which to stop. */
  readonly deadline: number;
  readonly maxIterations: number;
}

/** What {@link gapHeuristic} found. @internal */
export interface GapHeuristicResult {
  /** Best feasible assignment, or undefined when none was found. */
  readonly assignment: Int32Array | undefined;
  /** Its cost (minimization form); Infinity when none. */
  readonly cost: number;
  readonly iterations: number;
  readonly stoppedEarly: boolean;
  /** True when some task has no allowed device (then no assignment exists). */
  readonly provedInfeasible: boolean;
  /** True when the assignment meets the capacity-free bound (so it is optimal). */
  readonly optimal: boolean;
}

/**
 * Regret-greedy construction (Martello & Toth 1981, MTHG): repeatedly place
 * the unplaced task whose best and second-best fitting devices differ most
 * in desirability `f` (lower is better; a task with one fitting device has
 * infinite regret), on its best device. A task that fits nowhere goes to the
 * allowed device with the most room left (the result then overloads it).
 * Top-two devices are kept per task and rescanned only when the chosen
 * device was one of them. Ties: lowest index.
 */
function regretGreedy(g: CompiledGap, f: Float64Array): Int32Array {
  const { n, m, demand, allowed } = g;
  const room = Float64Array.from(g.budget);
  const asg = new Int32Array(n).fill(-1);
  const b1 = new Int32Array(n);
  const b2 = new Int32Array(n);
  const v1 = new Float64Array(n);
  const v2 = new Float64Array(n);
  const scan = (i: number): void => {
    let d1 = -1;
    let d2 = -1;
    let f1 = Infinity;
    let f2 = Infinity;
    for (let j = 0, k = i * m; j < m; j++, k++) {
      if (allowed[k] === 0 || (demand[k] as number) > (room[j] as number)) continue;
      const v = f[k] as number;
      if (v < f1) {
        d2 = d1;
        f2 = f1;
        d1 = j;
        f1 = v;
      } else if (v < f2) {
        d2 = j;
        f2 = v;
      }
    }
    b1[i] = d1;
    b2[i] = d2;
    v1[i] = f1;
    v2[i] = f2;
  };
  const open = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    open[i] = i;
    scan(i);
  }
  for (let count = n; count > 0; count--) {
    let pos = 0;
    let bestRegret = -Infinity;
    for (let p = 0; p < count; p++) {
      const i = open[p] as number;
      // No fitting device: most urgent of all.
      const r = b1[i] === -1 ? Infinity : b2[i] === -1 ? Number.MAX_VALUE : (v2[i] as number) - (v1[i] as number);
      if (r > bestRegret || (r === bestRegret && i < (open[pos] as number))) {
        bestRegret = r;
        pos = p;
      }
    }
    const i = open[pos] as number;
    open[pos] = open[count - 1] as number;
    let j = b1[i] as number;
    if (j === -1) {
      let most = -Infinity;
      for (let jj = 0, k = i * m; jj < m; jj++, k++) {
        if (allowed[k] === 1 && (room[jj] as number) - (demand[k] as number) > most) {
          most = (room[jj] as number) - (demand[k] as number);
          j = jj;
        }
      }
    }
    asg[i] = j;
    room[j] = (room[j] as number) - (demand[i * m + j] as number);
    for (let p = 0; p < count - 1; p++) {
      const t = open[p] as number;
      if (b1[t] === j || b2[t] === j) scan(t);
    }
  }
  return asg;
}

/** Mutable search state: assignment, loads, cost and overload. */
class State {
  readonly asg: Int32Array;
  readonly load: Float64Array;
  cost = 0;
  over = 0;
  constructor(private readonly g: CompiledGap, asg: Int32Array) {
    this.asg = Int32Array.from(asg);
    this.load = new Float64Array(g.m);
    this.recompute();
  }
  recompute(): void {
    const { n, m, cost, demand, budget } = this.g;
    this.load.fill(0);
    this.cost = 0;
    for (let i = 0; i < n; i++) {
      const k = i * m + (this.asg[i] as number);
      this.cost += cost[k] as number;
      this.load[this.asg[i] as number] = (this.load[this.asg[i] as number] as number) + (demand[k] as number);
    }
    this.over = 0;
    for (let j = 0; j < m; j++) this.over += Math.max(0, (this.load[j] as number) - (budget[j] as number));
  }
  copyFrom(o: State): void {
    this.asg.set(o.asg);
    this.load.set(o.load);
    this.cost = o.cost;
    this.over = o.over;
  }
}

/** max(0, load + delta − budget) − max(0, load − budget). */
function overDelta(load: number, budget: number, delta: number): number {
  return Math.max(0, load + delta - budget) - Math.max(0, load - budget);
}

/** Moves task i to device k, updating the state. */
function shift(g: CompiledGap, s: State, i: number, k: number): void {
  const j = s.asg[i] as number;
  const a = g.demand[i * g.m + j] as number;
  const b = g.demand[i * g.m + k] as number;
  s.over += overDelta(s.load[j] as number, g.budget[j] as number, -a) + overDelta(s.load[k] as number, g.budget[k] as number, b);
  s.load[j] = (s.load[j] as number) - a;
  s.load[k] = (s.load[k] as number) + b;
  s.cost += (g.cost[i * g.m + k] as number) - (g.cost[i * g.m + j] as number);
  s.asg[i] = k;
}

/**
 * Local descent on cost + λ·overload: best shift per task, then first
 * improving swap per task, until neither improves. Swap scanning is O(n²)
 * per pass; above 1500 tasks it samples 64 partners per task.
 */
function descend(g: CompiledGap, s: State, lambda: number, rng: Rng, eps: number): void {
  const { n, m, cost, demand, budget, allowed } = g;
  const { asg, load } = s;
  let improved = true;
  while (improved) {
    improved = false;
    for (let i = 0; i < n; i++) {
      const j = asg[i] as number;
      const kj = i * m + j;
      const relJ = overDelta(load[j] as number, budget[j] as number, -(demand[kj] as number));
      let best = -eps;
      let to = -1;
      for (let k = 0, kk = i * m; k < m; k++, kk++) {
        if (k === j || allowed[kk] === 0) continue;
        const d = (cost[kk] as number) - (cost[kj] as number) + lambda * (relJ + overDelta(load[k] as number, budget[k] as number, demand[kk] as number));
        if (d < best) {
          best = d;
          to = k;
        }
      }
      if (to >= 0) {
        shift(g, s, i, to);
        improved = true;
      }
    }
    if (improved) continue;
    const sampled = n > 1500;
    for (let i1 = 0; i1 < n; i1++) {
      const j1 = asg[i1] as number;
      const tries = sampled ? 64 : n - i1 - 1;
      for (let t = 0; t < tries; t++) {
        const i2 = sampled ? randomIndex(rng, n) : i1 + 1 + t;
        const j2 = asg[i2] as number;
        if (j1 === j2) continue;
        const k12 = i1 * m + j2;
        const k21 = i2 * m + j1;
        if (allowed[k12] === 0 || allowed[k21] === 0) continue;
        const k11 = i1 * m + j1;
        const k22 = i2 * m + j2;
        const dc = (cost[k12] as number) + (cost[k21] as number) - (cost[k11] as number) - (cost[k22] as number);
        const d1 = (demand[k21] as number) - (demand[k11] as number);
        const d2 = (demand[k12] as number) - (demand[k22] as number);
        const d = dc + lambda * (overDelta(load[j1] as number, budget[j1] as number, d1) + overDelta(load[j2] as number, budget[j2] as number, d2));
        if (d < -eps) {
          shift(g, s, i1, j2);
          shift(g, s, i2, j1);
          improved = true;
          break;
        }
      }
    }
  }
}

/** Random kick: a few random shifts and swaps among allowed pairs. */
function perturb(g: CompiledGap, s: State, rng: Rng, strength: number): void {
  const { n, m, allowed } = g;
  for (let t = 0; t < strength; t++) {
    const i = randomIndex(rng, n);
    if (rng() < 0.5) {
      const k = randomIndex(rng, m);
      if (allowed[i * m + k] === 1 && k !== s.asg[i]) shift(g, s, i, k);
    } else {
      const i2 = randomIndex(rng, n);
      const j1 = s.asg[i] as number;
      const j2 = s.asg[i2] as number;
      if (j1 !== j2 && allowed[i * m + j2] === 1 && allowed[i2 * m + j1] === 1) {
        shift(g, s, i, j2);
        shift(g, s, i2, j1);
      }
    }
  }
}

/**
 * Regret-greedy under four desirability measures (cost, demand, demand /
 * budget, shifted cost × demand), then iterated local search from the best
 * start: perturb, descend, keep the best feasible, accept the new local
 * optimum when its penalized value is no worse (else return to the previous
 * one); λ grows while the search sits in infeasible space and decays
 * otherwise. Stops at the capacity-free bound (optimal), after
 * max(5000, 50n) iterations without a new best (converged), or at the
 * budgets (`stoppedEarly`).
 * @internal
 */
export function gapHeuristic(g: CompiledGap, limits: GapHeuristicLimits): GapHeuristicResult {
  const { n, m, cost, demand, budget, allowed } = g;
  for (let i = 0; i < n; i++) {
    let any = false;
    for (let j = 0; j < m; j++) if (allowed[i * m + j] === 1) any = true;
    if (!any) return { assignment: undefined, cost: Infinity, iterations: 0, stoppedEarly: false, provedInfeasible: true, optimal: false };
  }
  if (n === 0) return { assignment: new Int32Array(0), cost: 0, iterations: 0, stoppedEarly: false, provedInfeasible: false, optimal: true };
  const rng = createRng(limits.seed);
  // Scales: λ starts at (mean |cost|) / (mean demand), the cost of one unit of resource.
  let sumC = 0;
  let sumA = 0;
  let cnt = 0;
  let minC = Infinity;
  let maxC = -Infinity;
  for (let k = 0; k < n * m; k++) {
    if (allowed[k] === 0) continue;
    sumC += Math.abs(cost[k] as number);
    sumA += demand[k] as number;
    cnt++;
    minC = Math.min(minC, cost[k] as number);
    maxC = Math.max(maxC, cost[k] as number);
  }
  const lambda0 = Math.max(1e-9, sumC / cnt) / Math.max(1e-9, sumA / cnt);
  const eps = 1e-9 * Math.max(1, maxC - minC);
  const measures: Float64Array[] = [Float64Array.from(cost), Float64Array.from(demand), new Float64Array(n * m), new Float64Array(n * m)];
  for (let k = 0; k < n * m; k++) {
    const j = k % m;
    (measures[2] as Float64Array)[k] = (demand[k] as number) / Math.max(1e-12, budget[j] === Infinity ? 1 : (budget[j] as number));
    (measures[3] as Float64Array)[k] = ((cost[k] as number) - minC + 1) * ((demand[k] as number) + 1e-9);
  }
  let start: State | undefined;
  for (const f of measures) {
    const s = new State(g, regretGreedy(g, f));
    if (start === undefined || s.over < start.over || (s.over === start.over && s.cost < start.cost)) start = s;
  }
  const cur = start as State;
  const prev = new State(g, cur.asg);
  let lambda = lambda0;
  descend(g, cur, lambda, rng, eps);
  const best = new State(g, cur.asg);
  let found = best.over <= 0;
  // Σ_i min_j cost: reaching it proves optimality.
  let floor = 0;
  for (let i = 0; i < n; i++) {
    let lo = Infinity;
    for (let k = i * m; k < (i + 1) * m; k++) if (allowed[k] === 1 && (cost[k] as number) < lo) lo = cost[k] as number;
    floor += lo;
  }
  let iterations = 0;
  let stoppedEarly = false;
  // Converged: this many iterations in a row without a new best (found or not) end the search.
  const stall = Math.max(STALL_MIN, STALL_PER_TASK * n);
  let sinceBest = 0;
  while (!(found && best.cost <= floor + eps) && sinceBest < stall) {
    if (iterations >= limits.maxIterations) {
      stoppedEarly = true;
      break;
    }
    if (performance.now() >= limits.deadline) {
      stoppedEarly = true;
      break;
    }
    iterations++;
    sinceBest++;
    prev.copyFrom(cur);
    perturb(g, cur, rng, 2 + randomIndex(rng, Math.max(1, Math.min(n, 10))));
    descend(g, cur, lambda, rng, eps);
    if (cur.over <= 0 && (!found || cur.cost < best.cost - eps)) {
      const exact = new State(g, cur.asg); // exact sums: incremental updates may drift by an ulp
      if (exact.over <= 0 && (!found || exact.cost < best.cost)) {
        best.copyFrom(exact);
        found = true;
        sinceBest = 0;
      }
    }
    lambda = cur.over > 0 ? lambda * 1.1 : Math.max(lambda0 * 0.1, lambda * 0.98);
    if (cur.cost + lambda * cur.over > prev.cost + lambda * prev.over + eps && rng() > 0.02) cur.copyFrom(prev);
  }
  if (!found) return { assignment: undefined, cost: Infinity, iterations, stoppedEarly, provedInfeasible: false, optimal: false };
  return { assignment: best.asg, cost: best.cost, iterations, stoppedEarly, provedInfeasible: false, optimal: best.cost <= floor + eps };
}
