/**
 * A reference discrete-event simulation of an edge-plus-cloud coordinator
 * driving the online scheduler.
 * @module
 */
import { checkInteger, checkNonNegative, checkOptions, rangeError } from '../internal/errors.js';
import { EventQueue } from '../internal/eventQueue.js';
import { checkBoolean } from '../internal/primitives.js';
import { createRng } from '../internal/random.js';
import { checkSimulationSums, readArrivals, readDevices, readPolicy } from './simulationInput.js';
import { SimulationEngine } from './simulationEngine.js';
import { report } from './simulationReport.js';
import type { PoissonWorkload, SimDevice, SimEvent, SimulateOptions, SimulationPolicy, SimulationResult, TraceWorkload, Workload } from './simulationTypes.js';
import { createOnlineState } from './state.js';
import type { OnlineTask } from './submit.js';

const FN = 'simulate';
// Event kinds, in the order they are handled at equal times: a finish frees
// its device before arrivals at that instant are batched and mapped.
const FINISH = 0;
const ARRIVAL = 1;
const MAP = 2;
const RANK = 2 ** 32;

/**
 * Simulates a coordinator that places arriving tasks on edge and cloud
 * devices with a strategy of `solve`, through the online state
 * (`createOnlineState`, `submit`, `complete`): the seed's steps 1-5 in a
 * loop (sections 2.4 and 3.2).
 *
 * Model. Task k arrives at its time (Poisson or trace). At a mapping event
 * (each arrival instant, or every `batchInterval`) the tasks waiting are
 * submitted as one batch: nominal execution time on device j = work /
 * speed_j, transfer time = latency_j + dataSize / bandwidth_j. Each device runs
 * its tasks one at a time in the planned order, transfer then execution;
 * the true execution time is nominal × slowdown_j × noise. When a task
 * finishes, `complete` reclaims the device and updates its ratio estimate,
 * which scales the next batches' execution times. Events are kept in a
 * binary heap (typed arrays) ordered by (time, kind: finish < arrival <
 * mapping, sequence number), so the run is deterministic for a seed.
 *
 * Metrics: makespan = last finish; response = finish − arrival (mean, and
 * p95 by nearest rank); deadline misses = finish > arrival + deadline;
 * utilization_j = busy_j / makespan; data moved = Σ dataSize. The returned
 * `schedule` records what happened (flowtime = Σ finish, weighted flowtime
 * uses explicit priorities only, criteria-based ones count as 0).
 *
 * The state is kept privately, mutable and over typed arrays, with the
 * results of driving `submit` and `complete` step by step on the whole
 * state (a test checks them equal): no event copies the pending tasks.
 *
 * Complexity: O(E log m) for the event queue (it holds at most one
 * arrival, one mapping event and one finish per device), E ≤ 3n events
 * (arrivals, mapping events, finishes); per mapping event O(b·m) to place a
 * batch of b (plus the strategy's own cost on b tasks and m devices), and
 * for each device that finished a task since the previous mapping event,
 * `complete`'s re-timing of the tasks queued on it. That re-timing is the
 * only step that can grow with the pending tasks p. When completions land
 * on the plan and the learnt ratio does not move (no execution noise, a
 * slowdown the ratio has learnt exactly) it resumes where the previous one
 * stopped: O(1) amortized per event, so a run costs O(n·m + E log m) plus
 * the strategy. A completion that moves the learnt ratio (execution noise,
 * a ratio still converging) re-times the device's whole queue: O(p_j), one
 * multiply-add per queued task over typed arrays. That cost is kept on
 * purpose: each re-timed time rounds nominal × the new ratio and the running
 * sum one task at a time (`complete`'s semantics, which this function
 * reproduces bit for bit), and no summary of the queue gives the same double
 * without visiting every task. Measured (bench/SCALE.md, bench/SIMULATE.md):
 * 200 000 arrivals on an overloaded system in about 1-2 CPU seconds.
 *
 * @param workload - {@link PoissonWorkload} or {@link TraceWorkload}.
 * @param devices - The devices ({@link SimDevice}), at least one.
 * @param policy - {@link SimulationPolicy}: the strategy and batch interval.
 * @param options - {@link SimulateOptions}: seed, noise, event log.
 * @returns A {@link SimulationResult}: metrics, the realized schedule, arrival times and the event log.
 * @throws {@link InputTypeError} for a malformed workload, device or policy, an unknown strategy, field or option.
 * @throws {@link InputRangeError} for a non-positive rate, speed or bandwidth, a negative time or size, duplicate device ids, or noise outside [0, 0.5].
 *
 * @example
 * ```ts
 * const r = simulate(
 *   { kind: 'trace', arrivals: [{ time: 0, task: { work: 10, dataSize: 4 } }] },
 *   [{ id: 'edge', tier: 'edge', speed: 1 }, { id: 'cloud', tier: 'cloud', speed: 10, latency: 2, bandwidth: 2 }],
 *   { strategy: 'mct' },
 * );
 * r.metrics.makespan; // 5   (cloud: 2 + 4/2 transfer, then 10/10 exec; the edge would need 10)
 * r.events.map((e) => e.kind); // ['arrival', 'assign', 'start', 'finish']
 * ```
 */
export function simulate(workload: Workload, devices: readonly SimDevice[], policy: SimulationPolicy, options?: SimulateOptions): SimulationResult {
  const opts = checkOptions(FN, options, ['seed', 'execNoise', 'recordEvents']);
  const seed = opts.seed === undefined ? 0 : checkInteger(FN, 'options.seed', opts.seed, 0, 2 ** 32 - 1);
  const noise = opts.execNoise === undefined ? 0 : checkNonNegative(FN, 'options.execNoise', opts.execNoise);
  if (noise > 0.5) rangeError(FN, 'options.execNoise', 'a number in [0, 0.5]', noise);
  const record = opts.recordEvents === undefined ? true : checkBoolean(FN, 'options.recordEvents', opts.recordEvents);
  const devs = readDevices(devices);
  const pol = readPolicy(policy);
  const { time: arrival, tasks } = readArrivals(workload, seed);
  checkSimulationSums(devs, { time: arrival, tasks });
  const n = tasks.length;
  const m = devs.length;
  const noiseRng = createRng((seed ^ 0x27d4eb2f) >>> 0);
  const spread = Math.sqrt(3) * noise;

  const ids = Array.from({ length: n }, (_, k) => `task-${k}`);
  const device = new Int32Array(n).fill(-1);
  const start = new Float64Array(n);
  const transfer = new Float64Array(n);
  const exec = new Float64Array(n);
  const finish = new Float64Array(n);
  const busy = new Float64Array(m);
  const moved = new Float64Array(m);
  const ran: number[][] = Array.from({ length: m }, () => []);
  const queue: number[][] = Array.from({ length: m }, () => []);
  const head = new Int32Array(m);
  const running = new Int32Array(m).fill(-1);
  const log: SimEvent[] = [];
  const engine = new SimulationEngine(createOnlineState(devs.map((d) => ({ id: d.id, tier: d.tier })), { smoothing: pol.smoothing }), n, queue, ids);
  let waiting: number[] = [];
  let mapScheduled = false;
  let seq = 0;
  let events = 0;
  const heap = new EventQueue(64);
  if (n > 0) heap.push(arrival[0]!, ARRIVAL * RANK + seq++, 0 * 4 + ARRIVAL);

  const startNext = (j: number, t: number): void => {
    if (running[j]! >= 0 || head[j]! >= queue[j]!.length) return;
    const k = queue[j]![head[j]!++]!;
    const d = devs[j]!;
    const task = tasks[k]!;
    const data = task.dataSize ?? 0;
    transfer[k] = d.latency + (data > 0 ? data / d.bandwidth : 0);
    const u = spread > 0 ? 1 + spread * (2 * noiseRng() - 1) : 1;
    exec[k] = (task.work / d.speed) * d.slowdown * u;
    start[k] = t;
    finish[k] = t + transfer[k]! + exec[k]!;
    running[j] = k;
    busy[j] = busy[j]! + transfer[k]! + exec[k]!;
    moved[j] = moved[j]! + data;
    ran[j]!.push(k);
    heap.push(finish[k]!, FINISH * RANK + seq++, k * 4 + FINISH);
    if (record) log.push({ time: t, kind: 'start', task: ids[k]!, device: d.id });
  };

  const onlineTask = (k: number): OnlineTask => {
    const task = tasks[k]!;
    const data = task.dataSize ?? 0;
    const out: { -readonly [K in keyof OnlineTask]: OnlineTask[K] } = {
      id: ids[k]!,
      execTime: devs.map((d) => task.work / d.speed),
      transferTime: devs.map((d) => d.latency + (data > 0 ? data / d.bandwidth : 0)),
    };
    if (task.priority !== undefined) out.priority = task.priority;
    if (task.criteria !== undefined) out.criteria = task.criteria;
    if (task.deadline !== undefined) out.deadline = arrival[k]! + task.deadline;
    return out;
  };

  while (heap.size > 0) {
    const t = heap.peekTime();
    const code = heap.pop();
    events++;
    const kind = code & 3;
    const k = code >> 2;
    if (kind === ARRIVAL) {
      if (record) log.push({ time: t, kind: 'arrival', task: ids[k]!, device: null });
      waiting.push(k);
      if (k + 1 < n) heap.push(arrival[k + 1]!, ARRIVAL * RANK + seq++, (k + 1) * 4 + ARRIVAL);
      if (!mapScheduled) {
        mapScheduled = true;
        const at = pol.batchInterval > 0 ? Math.max(t, Math.ceil(t / pol.batchInterval) * pol.batchInterval) : t;
        heap.push(at, MAP * RANK + seq++, MAP);
      }
    } else if (kind === MAP) {
      mapScheduled = false;
      const batch = waiting;
      waiting = [];
      const decisions = engine.map(batch, batch.map(onlineTask), t, { strategy: pol.strategy, objective: pol.objective, seed, ...pol.budget });
      const order = batch.map((_, b) => b).sort((a, b) => decisions[a]!.start - decisions[b]!.start || a - b);
      for (const b of order) {
        const kk = batch[b]!;
        const j = decisions[b]!.device;
        device[kk] = j;
        queue[j]!.push(kk);
        engine.enqueue(kk, j);
        if (record) log.push({ time: t, kind: 'assign', task: ids[kk]!, device: devs[j]!.id });
      }
      for (let j = 0; j < m; j++) startNext(j, t);
    } else {
      const j = device[k]!;
      if (record) log.push({ time: t, kind: 'finish', task: ids[k]!, device: devs[j]!.id });
      engine.finish(k, j, start[k]!, head[j]!, exec[k]!, transfer[k]!, t);
      running[j] = -1;
      startNext(j, t);
    }
  }
  return report(pol.strategy, tasks, ids, arrival, device, start, transfer, exec, finish, busy, moved, ran, devs, (j) => engine.ratio(j), events, log);
}
