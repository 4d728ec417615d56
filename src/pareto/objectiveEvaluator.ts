/**
 * A fast, allocation-free objective evaluator for search loops (NSGA-II):
 * the same quantities as `objectiveVectorCompiled`, from typed arrays.
 * Sums may differ from the evaluator's in the last bits (a different
 * summation order); callers re-evaluate the points they return.
 * @internal
 * @module
 */
import type { CompiledProblem } from '../problem/types.js';
import { costTotalCompiled } from '../schedule/cost.js';
import { energyScratch, energyTotalCompiled, type EnergyScratch } from '../schedule/energy.js';
import type { CostModel } from '../schedule/types.js';
import type { ParetoObjective } from './types.js';

/** Evaluates objective vectors of assignments on one compiled problem. @internal */
export class ObjectiveEvaluator {
  readonly dims: number;
  private readonly needOrder: boolean;
  /** Allowed (task, device) pairs sorted by (p, task): scanning them in order visits each device's tasks shortest first. */
  private readonly pairTask: Int32Array;
  private readonly pairDevice: Int32Array;
  private readonly free: Float64Array;
  private readonly costScratch: Float64Array;
  private readonly energy: EnergyScratch;

  constructor(
    private readonly cp: CompiledProblem,
    private readonly objectives: readonly ParetoObjective[],
    private readonly costModel: CostModel,
  ) {
    const { n, m, exec, transfer, release } = cp;
    this.dims = objectives.length;
    let releases = false;
    for (let i = 0; i < n; i++) if (release[i]! > 0) releases = true;
    // The run order matters for the sequential flowtime, and for every time with release dates.
    this.needOrder = costModel === 'sequential' && (objectives.includes('flowtime') || releases);
    const pairs: number[] = [];
    if (this.needOrder) {
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (exec[i * m + j]! + transfer[i * m + j]! < Infinity) pairs.push(i * m + j);
      pairs.sort((a, b) => exec[a]! + transfer[a]! - (exec[b]! + transfer[b]!) || a - b);
    }
    this.pairTask = Int32Array.from(pairs, (k) => Math.floor(k / m));
    this.pairDevice = Int32Array.from(pairs, (k) => k % m);
    this.free = new Float64Array(m);
    this.costScratch = new Float64Array(m);
    this.energy = energyScratch(m);
  }

  /** Writes the objective vector of `asg` into `out[offset .. offset + dims)`. O(n·m) with a run order to follow, else O(n + m). */
  evaluate(asg: Int32Array, out: Float64Array, offset: number): void {
    const { cp } = this;
    const { n, m, exec, transfer, release, ready } = cp;
    let makespan = 0;
    let flowtime = 0;
    if (this.costModel === 'independent') {
      for (let i = 0; i < n; i++) {
        const k = i * m + asg[i]!;
        const f = release[i]! + transfer[k]! + exec[k]!;
        flowtime += f;
        if (f > makespan) makespan = f;
      }
    } else if (this.needOrder) {
      const free = this.free;
      free.set(ready);
      const { pairTask, pairDevice } = this;
      for (let q = 0; q < pairTask.length; q++) {
        const i = pairTask[q]!;
        const j = pairDevice[q]!;
        if (asg[i] !== j) continue;
        const k = i * m + j;
        const s = free[j]! > release[i]! ? free[j]! : release[i]!;
        const f = s + transfer[k]! + exec[k]!;
        free[j] = f;
        flowtime += f;
        if (f > makespan) makespan = f;
      }
    } else {
      // No release dates: device j finishes at ready_j + busy_j when it has a task.
      const free = this.free;
      free.fill(-1);
      for (let i = 0; i < n; i++) {
        const j = asg[i]!;
        const k = i * m + j;
        free[j] = (free[j]! < 0 ? ready[j]! : free[j]!) + transfer[k]! + exec[k]!;
      }
      for (let j = 0; j < m; j++) if (free[j]! > makespan) makespan = free[j]!;
    }
    for (let d = 0; d < this.dims; d++) {
      const name = this.objectives[d]!;
      out[offset + d] =
        name === 'makespan' ? makespan : name === 'flowtime' ? flowtime : name === 'energy' ? energyTotalCompiled(cp, asg, makespan, this.energy) : costTotalCompiled(cp, asg, this.costScratch);
    }
  }
}
