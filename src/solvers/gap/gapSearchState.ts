/**
 * The mutable state of the GAP local search (assignment, loads, cost,
 * overload) and the one move that changes it, a shift.
 * @internal
 * @module
 */
import type { CompiledGap } from './gap.js';

/** Mutable search state: assignment, loads, cost and overload. */
export class State {
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
export function overDelta(load: number, budget: number, delta: number): number {
  return Math.max(0, load + delta - budget) - Math.max(0, load - budget);
}

/** Moves task i to device k, updating the state. */
export function shift(g: CompiledGap, s: State, i: number, k: number): void {
  const j = s.asg[i] as number;
  const a = g.demand[i * g.m + j] as number;
  const b = g.demand[i * g.m + k] as number;
  s.over += overDelta(s.load[j] as number, g.budget[j] as number, -a) + overDelta(s.load[k] as number, g.budget[k] as number, b);
  s.load[j] = (s.load[j] as number) - a;
  s.load[k] = (s.load[k] as number) + b;
  s.cost += (g.cost[i * g.m + k] as number) - (g.cost[i * g.m + j] as number);
  s.asg[i] = k;
}

