/**
 * The online state as `simulate` keeps it: a private, mutable mirror of
 * {@link OnlineState} over typed arrays whose transitions give the same
 * busy-until times, learnt ratios and decisions as the public `submit` and
 * `complete` on the whole state, without copying the pending list per event.
 * @internal
 * @module
 */
import { rangeReason } from '../internal/errors.js';
import { priorities, type PriorityCriteria } from '../models/priority.js';
import { exactPriorityOrder } from '../problem/priorityOrder.js';
import { checkTimeSums } from '../problem/timeSums.js';
import type { CompiledProblem, Tier } from '../problem/types.js';
import { CAPACITY_AWARE } from '../solvers/heuristics/capacityAware.js';
import type { TimeObjective } from '../solvers/registry.js';
import { STRATEGIES, type StrategyName } from '../solvers/strategies.js';
import { complete } from './complete.js';
import { DeviceQueue } from './deviceQueue.js';
import { clampRatio, type OnlineState } from './stateTypes.js';
import { submit, type OnlineDecision, type OnlineTask } from './submit.js';

/** What `simulate` passes to each mapping event (`submit`'s options). @internal */
export interface EngineOptions {
  readonly strategy: StrategyName;
  readonly objective: TimeObjective;
  readonly seed: number;
  readonly timeLimitMs?: number;
  readonly maxIterations?: number;
}

const CRITERIA = ['importance', 'urgency', 'satisfaction'] as const;

/**
 * Why the shortcuts give the public transitions' results (the oracle test
 * test/online/simulationEngine.test.ts drives both on random workloads):
 *
 * - `submit` reads the pending tasks only for their ids (a new id must not
 *   repeat one); `simulate`'s ids are unique by construction. Its devices
 *   carry no budget and its tasks no demand, so `submit` solves the batch
 *   once (no task set aside, no MCT retry) and `solve` runs the strategy's
 *   own rule on the compiled batch (a time objective, no constraints, no
 *   binding budget). For the list heuristics `map` compiles the batch
 *   directly (released at `now`, devices ready at max(busyUntil, now), the
 *   priorities explicit or normalized over the batch with the exact order of
 *   `compileProblem`), runs the strategy and evaluates the schedule, with
 *   `submit`'s overflow guard; any input `submit` would refuse, and the
 *   iterative strategies, go through the public `submit` on a state without
 *   pending tasks (same decisions and devices).
 * - `complete` on task k of device j updates j's ratio from k alone and
 *   re-times the tasks queued behind k on j: start = max(free, submitted),
 *   free = start + transfer + nominal × ratio, busyUntil = the last free. The
 *   re-timing reads only the queued tasks' submit time, transfer and nominal
 *   time (never earlier re-timings) and the ratio, which changes only at the
 *   next completion on j: only the last completion before a mapping event
 *   matters, so it is deferred to the next `map` and done there at most once
 *   per device, with the same floating-point operations in the same order.
 *   Each device's {@link DeviceQueue} keeps the doubles of its last
 *   re-timing: when the completion lands exactly on them with the same
 *   ratio, the new re-timing would recompute them, so it resumes at their
 *   end (O(1 + tasks queued since)); otherwise it walks the queue behind the
 *   completion (O(tasks queued on j)).
 *
 * A device runs its queue in order and `simulate` completes a task when it
 * ends, so the finished task is always the first pending task of its device
 * (the only task `complete` accepts for that device), and its planned start is
 * its real start (the re-timing from the previous finish, or the mapping
 * instant on an idle device).
 * @internal
 */
export class SimulationEngine {
  private now: number;
  private readonly smoothing: number;
  private readonly m: number;
  private readonly busy: Float64Array;
  private readonly ratios: Float64Array;
  /** The per-device columns of every batch's compiled problem that never change (no budget, power or price). */
  private readonly fixed: Pick<CompiledProblem, 'budget' | 'tier' | 'powerBusy' | 'powerTransfer' | 'powerIdle' | 'pricePerSecond' | 'priceGranularity' | 'priceMinimum' | 'deviceIds'>;
  /** Per task: the submit time, planned transfer and nominal execution time of its plan. */
  private readonly sub: Float64Array;
  private readonly tr: Float64Array;
  private readonly nom: Float64Array;
  /** Per device, in run order (the positions of `simulate`'s queue): planned transfers and nominal times, and the plan of the last re-timing. */
  private readonly queue: DeviceQueue[];
  private readonly dirtyFrom: Int32Array;
  private readonly dirtyFinish: Float64Array;

  /**
   * @param state - The initial state (from `createOnlineState`: no pending task, no budget).
   * @param n - Number of tasks of the simulation.
   * @param queues - Per device, `simulate`'s task indices in run order (read only to name a task in an error).
   * @param ids - Task ids.
   */
  constructor(private readonly state: OnlineState, n: number, private readonly queues: readonly (readonly number[])[], private readonly ids: readonly string[]) {
    this.now = state.now;
    this.smoothing = state.smoothing;
    this.m = state.devices.length;
    this.busy = Float64Array.from(state.devices, (d) => d.busyUntil);
    this.ratios = Float64Array.from(state.devices, (d) => d.ratio);
    const m = this.m;
    this.fixed = {
      budget: new Float64Array(m).fill(Infinity), tier: Uint8Array.from(state.devices, (d) => (d.tier === 'cloud' ? 1 : d.tier === 'fog' ? 2 : 0)),
      powerBusy: new Float64Array(m), powerTransfer: new Float64Array(m), powerIdle: new Float64Array(m),
      pricePerSecond: new Float64Array(m), priceGranularity: new Float64Array(m).fill(1), priceMinimum: new Float64Array(m),
      deviceIds: state.devices.map((d) => d.id),
    };
    this.sub = new Float64Array(n);
    this.tr = new Float64Array(n);
    this.nom = new Float64Array(n);
    this.queue = Array.from({ length: m }, () => new DeviceQueue());
    this.dirtyFrom = new Int32Array(this.m).fill(-1);
    this.dirtyFinish = new Float64Array(this.m);
  }

  /** The learnt ratio of device j. */
  ratio(j: number): number {
    return this.ratios[j]!;
  }

  /** Task k, placed by the last `map` on device j, joins the end of j's queue (the caller's run order). */
  enqueue(k: number, j: number): void {
    this.queue[j]!.push(this.tr[k]!, this.nom[k]!);
  }

  /** Queue positions visited by the re-timings so far, all devices (for the tests of their cost). */
  visited(): number {
    let v = 0;
    for (const q of this.queue) v += q.visited;
    return v;
  }

  /** `submit` of a batch (task indices `batch`, as `tasks`) at time t: the decisions in batch order. */
  map(batch: readonly number[], tasks: readonly OnlineTask[], t: number, options: EngineOptions): readonly OnlineDecision[] {
    for (let j = 0; j < this.m; j++) this.settle(j);
    const fast = (CAPACITY_AWARE as readonly string[]).includes(options.strategy) ? this.solveBatch(tasks, t, options) : undefined;
    if (fast === undefined) return this.submitPublic(batch, tasks, t, options);
    for (const d of fast) if (d.finish > this.busy[d.device]!) this.busy[d.device] = d.finish;
    batch.forEach((k, b) => {
      const d = fast[b]!;
      this.sub[k] = t;
      this.tr[k] = d.transfer;
      this.nom[k] = tasks[b]!.execTime[d.device]!;
    });
    this.now = t;
    return fast;
  }

  /** `submit`'s placement for a list heuristic, or undefined when `submit` would refuse the batch (the public call then throws its error). */
  private solveBatch(tasks: readonly OnlineTask[], t: number, options: EngineOptions): OnlineDecision[] | undefined {
    const { m, busy, ratios } = this;
    const n = tasks.length;
    const exec = new Float64Array(n * m);
    const transfer = new Float64Array(n * m);
    const priority = new Float64Array(n);
    const bound = new Array<number>(n);
    const deadline = new Float64Array(n).fill(Infinity);
    const criteria = new Array<PriorityCriteria | undefined>(n);
    const explicit = new Uint8Array(n);
    let derived = false;
    for (let i = 0; i < n; i++) {
      const task = tasks[i]!;
      let ok = false;
      for (let j = 0, k = i * m; j < m; j++, k++) {
        const e = task.execTime[j]!;
        const x = e * ratios[j]!;
        if (e !== Infinity && x === Infinity) return undefined; // submit: the ratio overflows an allowed time
        exec[k] = x;
        transfer[k] = task.transferTime?.[j] ?? 0;
        if (e + transfer[k]! < Infinity) ok = true;
      }
      if (!ok) return undefined; // submit: no device can run the task
      if (task.priority !== undefined) {
        priority[i] = task.priority;
        explicit[i] = 1;
      }
      if (task.criteria !== undefined) {
        const c = task.criteria;
        criteria[i] = { importance: c.importance, urgency: c.urgency, satisfaction: c.satisfaction };
        if (task.priority === undefined) derived = true;
      }
      bound[i] = task.priority ?? (task.criteria === undefined ? 0 : 3);
      if (task.deadline !== undefined) deadline[i] = task.deadline;
    }
    const ready = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      if (!(busy[j]! >= t)) busy[j] = t; // submit: a device idle before now is busy until now
      ready[j] = busy[j]!;
    }
    if (derived) {
      const withCriteria: number[] = [];
      for (let i = 0; i < n; i++) if (criteria[i] !== undefined) withCriteria.push(i);
      const list = withCriteria.map((i) => criteria[i]!);
      for (const k of CRITERIA) {
        let sum = 0;
        for (const c of list) sum += c[k];
        if (!(sum > 0)) return undefined; // submit: the normalized priority is undefined
      }
      const p = priorities(list, { form: 'normalized' });
      withCriteria.forEach((i, q) => {
        if (explicit[i] === 0) priority[i] = p[q]!;
      });
    }
    const release = new Float64Array(n).fill(t);
    // submit's overflow guard (guardBatch): same call, same message.
    checkTimeSums('submit', { n, m, exec, transfer, priority: bound, release, ready });
    const order = exactPriorityOrder(priority, criteria, explicit);
    const source = new Int32Array(n).fill(-1);
    const cp: CompiledProblem = {
      n, m, exec, transfer, priority, release, deadline, demand: new Float64Array(n), ready, ...this.fixed, source,
      taskIds: tasks.map((x) => x.id), ...(order === undefined ? {} : { priorityOrder: order }),
    };
    const result = STRATEGIES[options.strategy].run({
      cp, costModel: 'sequential', objective: options.objective, seed: options.seed,
      timeLimitMs: options.timeLimitMs ?? 10_000, maxIterations: options.maxIterations ?? 100_000, trace: false,
    });
    // The timing of evaluateCompiled (sequential model), same operations: in run order, start = max(release, device free), finish = start + (transfer + exec).
    const out = new Array<OnlineDecision>(n);
    const free = ready.slice();
    for (let k = 0; k < n; k++) {
      const i = result.order[k]!;
      const j = result.assignment[i]!;
      const x = transfer[i * m + j]!;
      const e = exec[i * m + j]!;
      const p = x + e;
      let s = release[i]!;
      if (free[j]! > s) s = free[j]!;
      const f = s + p;
      free[j] = f;
      out[i] = { id: cp.taskIds[i]!, device: j, deviceId: cp.deviceIds[j]!, start: s, transfer: x, exec: e, finish: f };
    }
    return out;
  }

  /** The public `submit` on the current devices and no pending task. */
  private submitPublic(batch: readonly number[], tasks: readonly OnlineTask[], t: number, options: EngineOptions): readonly OnlineDecision[] {
    const r = submit(this.snapshot([]), tasks, t, options);
    r.state.devices.forEach((d, j) => {
      this.busy[j] = d.busyUntil;
    });
    const at = new Map<string, number>();
    batch.forEach((k, b) => at.set(tasks[b]!.id, k));
    for (const p of r.state.pending) {
      const k = at.get(p.id)!;
      this.sub[k] = p.submitted;
      this.tr[k] = p.transfer;
      this.nom[k] = p.nominalExec;
    }
    this.now = r.state.now;
    return r.decisions;
  }

  /** The state with these pending tasks (for the public transitions). */
  private snapshot(pending: OnlineState['pending']): OnlineState {
    const devices = this.state.devices.map((d, j) => ({ id: d.id, tier: d.tier as Tier, busyUntil: this.busy[j]!, budget: null, ratio: this.ratios[j]!, observations: 0 }));
    return { now: this.now, smoothing: this.smoothing, devices, pending, submitted: 0, completed: 0 };
  }

  /**
   * `complete` of task k, which ran on device j from `start`, observed
   * (exec, transfer, finish); `behind` = position in j's queue of the first
   * task not yet started.
   */
  finish(k: number, j: number, start: number, behind: number, exec: number, transfer: number, finish: number): void {
    const nominal = this.nom[k]!;
    if (!(finish >= start && Number.isFinite(finish) && exec >= 0 && transfer >= 0)) {
      // complete would refuse the observation: let it name the error.
      const task = { id: this.ids[k]!, device: j, submitted: this.sub[k]!, start, transfer: this.tr[k]!, nominalExec: nominal, exec: nominal * this.ratios[j]!, finish, demand: 0, deadline: null };
      complete(this.snapshot([task]), task.id, { exec, transfer, finish });
    }
    const old = this.ratios[j]!;
    // complete's update: (1 − α)·ratio + α·x written as ratio + α·(x − ratio), observation and result clamped.
    if (nominal > 0) this.ratios[j] = clampRatio(old + this.smoothing * (clampRatio(exec / nominal) - old));
    this.busy[j] = finish;
    if (finish > this.now) this.now = finish;
    this.dirtyFrom[j] = behind;
    this.dirtyFinish[j] = finish;
  }

  /**
   * The deferred re-timing of device j's queue behind its last completion:
   * `complete`'s loop, free = max(free, submitted) + transfer + nominal ×
   * ratio, with the same operations in the same order ({@link DeviceQueue}).
   * The max is left out: every queued task was submitted at a mapping event
   * no later than the completion, so submitted ≤ finish ≤ free and the max
   * is free. O(1 + tasks queued since the last re-timing of j) when the
   * completion landed on the plan with an unchanged ratio, else O(tasks
   * queued on j behind it).
   */
  private settle(j: number): void {
    const from = this.dirtyFrom[j]!;
    if (from < 0) return;
    this.dirtyFrom[j] = -1;
    const queue = this.queue[j]!;
    const ratio = this.ratios[j]!;
    const finish = this.dirtyFinish[j]!;
    const free = queue.retime(from, finish, ratio);
    if (free === Infinity) {
      const q = queue.firstOverflow(from, finish, ratio);
      rangeReason('complete', 'observed.exec', `re-times pending task ${JSON.stringify(this.ids[this.queues[j]![q]!]!)} beyond the range of a double`);
    }
    this.busy[j] = Math.max(free, 0);
  }
}
