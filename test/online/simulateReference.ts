/**
 * Test oracle: the discrete-event simulation driven step by step through the
 * public online API (`createOnlineState`, `submit`, `complete`), as
 * `simulate` was written before its private fast path.
 * @module
 */
import { noCost } from '../../src/schedule/cost.js';
import { noEnergy } from '../../src/schedule/energy.js';
import { checkInteger, checkNonNegative, checkOptions, rangeError } from '../../src/internal/errors.js';
import { EventQueue } from '../../src/internal/eventQueue.js';
import { checkBoolean } from '../../src/internal/primitives.js';
import { createRng } from '../../src/internal/random.js';
import type { DeadlineMiss, DeviceUsage, Schedule, ScheduledTask } from '../../src/schedule/types.js';
import { complete } from '../../src/online/complete.js';
import { checkSimulationSums, readArrivals, readDevices, readPolicy } from '../../src/online/simulationInput.js';
import type { SimDevice, SimDeviceStats, SimEvent, SimulateOptions, SimulationPolicy, SimulationResult, Workload } from '../../src/online/simulationTypes.js';
import { createOnlineState, type OnlineState } from '../../src/online/state.js';
import { submit, type OnlineTask } from '../../src/online/submit.js';

const FN = 'simulate';
// Event kinds, in the order they are handled at equal times: a finish frees
// its device before arrivals at that instant are batched and mapped.
const FINISH = 0;
const ARRIVAL = 1;
const MAP = 2;
const RANK = 2 ** 32;

/**
 * The plain `simulate` of before the fast path (the oracle of
 * test/online/simulate.test.ts): every mapping event calls the public
 * `submit` and every finish the public `complete` on the whole online state,
 * so each event copies the pending list (O(pending) per event). Same
 * arguments and result as `simulate`.
 */
export function simulateReference(workload: Workload, devices: readonly SimDevice[], policy: SimulationPolicy, options?: SimulateOptions): SimulationResult {
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
  let state: OnlineState = createOnlineState(devs.map((d) => ({ id: d.id, tier: d.tier })), { smoothing: pol.smoothing });
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
      const r = submit(state, batch.map(onlineTask), t, { strategy: pol.strategy, objective: pol.objective, seed, ...pol.budget });
      state = r.state;
      const order = batch.map((_, b) => b).sort((a, b) => r.decisions[a]!.start - r.decisions[b]!.start || a - b);
      for (const b of order) {
        const kk = batch[b]!;
        const j = r.decisions[b]!.device;
        device[kk] = j;
        queue[j]!.push(kk);
        if (record) log.push({ time: t, kind: 'assign', task: ids[kk]!, device: devs[j]!.id });
      }
      for (let j = 0; j < m; j++) startNext(j, t);
    } else {
      const j = device[k]!;
      if (record) log.push({ time: t, kind: 'finish', task: ids[k]!, device: devs[j]!.id });
      state = complete(state, ids[k]!, { exec: exec[k]!, transfer: transfer[k]!, finish: t });
      running[j] = -1;
      startNext(j, t);
    }
  }
  return report(pol.strategy, tasks, ids, arrival, device, start, transfer, exec, finish, busy, moved, ran, devs, state, events, log);
}

function report(
  strategy: SimulationResult['strategy'],
  tasks: readonly { readonly deadline?: number; readonly priority?: number; readonly dataSize?: number }[],
  ids: readonly string[],
  arrival: Float64Array,
  device: Int32Array,
  start: Float64Array,
  transfer: Float64Array,
  exec: Float64Array,
  finish: Float64Array,
  busy: Float64Array,
  moved: Float64Array,
  ran: readonly number[][],
  devs: readonly { readonly id: string }[],
  state: OnlineState,
  events: number,
  log: SimEvent[],
): SimulationResult {
  const n = tasks.length;
  const m = devs.length;
  let makespan = 0;
  let flowtime = 0;
  let weightedFlowtime = 0;
  let totalTransfer = 0;
  let dataMoved = 0;
  const response = new Float64Array(n);
  const scheduled: ScheduledTask[] = new Array<ScheduledTask>(n);
  const misses: DeadlineMiss[] = [];
  for (let k = 0; k < n; k++) {
    const f = finish[k]!;
    const task = tasks[k]!;
    if (f > makespan) makespan = f;
    flowtime += f;
    weightedFlowtime += (task.priority ?? 0) * f;
    totalTransfer += transfer[k]!;
    dataMoved += task.dataSize ?? 0;
    response[k] = f - arrival[k]!;
    scheduled[k] = { task: k, id: ids[k]!, device: device[k]!, start: start[k]!, transfer: transfer[k]!, exec: exec[k]!, finish: f };
    if (task.deadline !== undefined && f > arrival[k]! + task.deadline) misses.push({ task: k, id: ids[k]!, lateness: f - arrival[k]! - task.deadline });
  }
  let sumResponse = 0;
  for (let k = 0; k < n; k++) sumResponse += response[k]!;
  const sorted = response.slice().sort();
  const p95 = n === 0 ? 0 : sorted[Math.ceil(0.95 * n) - 1]!;
  let maxBusy = 0;
  let sumBusy = 0;
  const usage: DeviceUsage[] = [];
  const stats: SimDeviceStats[] = [];
  for (let j = 0; j < m; j++) {
    const b = busy[j]!;
    maxBusy = Math.max(maxBusy, b);
    sumBusy += b;
    const utilization = makespan > 0 ? b / makespan : 0;
    usage.push({ device: j, id: devs[j]!.id, busy: b, utilization, tasks: ran[j]!.slice() });
    stats.push({ id: devs[j]!.id, tasks: ran[j]!.length, busy: b, utilization, dataMoved: moved[j]!, ratio: state.devices[j]!.ratio });
  }
  const schedule: Schedule = {
    costModel: 'sequential',
    assignment: Array.from(device),
    tasks: scheduled,
    devices: usage,
    metrics: { makespan, flowtime, weightedFlowtime, totalTransfer, deadlineMisses: misses, loadImbalance: sumBusy > 0 ? maxBusy / (sumBusy / m) : 0, energy: noEnergy(m), cost: noCost(m) },
  };
  return {
    strategy,
    metrics: { tasks: n, makespan, meanResponse: n === 0 ? 0 : sumResponse / n, p95Response: p95, deadlineMisses: misses.length, dataMoved, events, devices: stats },
    schedule,
    arrivals: Array.from(arrival),
    events: log,
  };
}
