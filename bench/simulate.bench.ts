/**
 * The discrete-event simulation: its event queue against a plain sorted
 * array, and `simulate()` end to end in events per second (events per run ×
 * runs per second; the count is in each bench name) against a hand-written
 * MCT loop over typed arrays that processes the same events without the
 * online state or `solve`; on an overloaded system, `simulate` against the
 * step-by-step version through the public `submit`/`complete`
 * (test/online/simulateReference.ts, O(pending) per event).
 */
import { bench, describe } from 'vitest';
import { simulate, type SimDevice, type SimTask } from '../src/index.js';
import { EventQueue } from '../src/internal/eventQueue.js';
import { createRng } from '../src/internal/random.js';
import { simulateReference } from '../test/online/simulateReference.js';
import { benchOptions, sizes } from './scale.js';

// ---------------------------------------------------------------- event queue

/** The naive queue: an array kept sorted (latest first) by binary insertion, popped from the end. */
class SortedArrayQueue {
  private readonly items: { time: number; key: number; payload: number }[] = [];
  get size(): number {
    return this.items.length;
  }
  push(time: number, key: number, payload: number): void {
    const a = this.items;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = a[mid]!;
      if (e.time > time || (e.time === time && e.key > key)) lo = mid + 1;
      else hi = mid;
    }
    a.splice(lo, 0, { time, key, payload });
  }
  pop(): number {
    return this.items.pop()?.payload ?? -1;
  }
}

interface Queue {
  readonly size: number;
  push(time: number, key: number, payload: number): void;
  pop(): number;
}

/** The hold model: keep `held` events queued; pop one, push one later, `ops` times. */
function hold(q: Queue, held: number, ops: number, gaps: Float64Array): number {
  let now = 0;
  for (let i = 0; i < held; i++) q.push(gaps[i % gaps.length]!, i, i);
  let sum = 0;
  for (let i = 0; i < ops; i++) {
    sum += q.pop();
    now += 1e-3;
    q.push(now + gaps[i % gaps.length]!, held + i, i);
  }
  return sum;
}

const gaps = (() => {
  const rng = createRng(1);
  return Float64Array.from({ length: 4096 }, () => -Math.log(1 - rng()) * 10);
})();

// (The sorted array is O(n) per insertion: at 100 000 queued one run takes
// tens of seconds, so the sizes stop at 10 000.)
for (const held of sizes([1_000, 10_000])) {
  describe(`event queue, hold model, ${held} queued, 50 000 pop+push`, () => {
    bench('baseline: sorted array (binary insertion + splice)', () => void hold(new SortedArrayQueue(), held, 50_000, gaps), benchOptions);
    bench('binary heap on typed arrays (EventQueue)', () => void hold(new EventQueue(held), held, 50_000, gaps), benchOptions);
  });
}

// ---------------------------------------------------------------- simulate()

const devices: readonly SimDevice[] = [
  { id: 'edge-1', tier: 'edge', speed: 1, latency: 0.2, bandwidth: 50 },
  { id: 'edge-2', tier: 'edge', speed: 1.5, latency: 0.2, bandwidth: 50, slowdown: 1.6 },
  { id: 'edge-3', tier: 'edge', speed: 2, latency: 0.2, bandwidth: 50 },
  { id: 'cloud', tier: 'cloud', speed: 8, latency: 3, bandwidth: 20 },
];
const templates: readonly SimTask[] = [
  { work: 2, dataSize: 1, deadline: 10, criteria: { importance: 2, urgency: 5, satisfaction: 3 } },
  { work: 10, dataSize: 40, deadline: 30, criteria: { importance: 3, urgency: 3, satisfaction: 3 } },
  { work: 40, dataSize: 5, deadline: 60, criteria: { importance: 5, urgency: 2, satisfaction: 4 } },
];

/**
 * The reference loop: the same Poisson arrivals (same seed, same draws as
 * `simulate`), each mapped on arrival by MCT on typed arrays, FIFO devices,
 * finishes from a heap; no online state, no `solve`, no noise.
 */
function handLoop(count: number, rate: number, seed: number): number {
  const m = devices.length;
  const gap = createRng(seed);
  const pick = createRng((seed ^ 0x5bd1e995) >>> 0);
  const avail = new Float64Array(m);
  const heap = new EventQueue(64);
  let t = 0;
  let events = 0;
  let makespan = 0;
  for (let k = 0; k < count; k++) {
    t += -Math.log(1 - gap()) / rate;
    const task = templates[Math.floor(pick() * templates.length)]!;
    // Finishes up to now leave the heap first.
    while (heap.size > 0 && heap.peekTime() <= t) {
      makespan = heap.peekTime();
      heap.pop();
      events++;
    }
    events += 2; // arrival + mapping
    let best = 0;
    let bestCt = Infinity;
    for (let j = 0; j < m; j++) {
      const d = devices[j]!;
      const ct = Math.max(avail[j]!, t) + (d.latency ?? 0) + (task.dataSize ?? 0) / (d.bandwidth ?? Infinity) + task.work / d.speed;
      if (ct < bestCt) {
        bestCt = ct;
        best = j;
      }
    }
    avail[best] = bestCt;
    heap.push(bestCt, k, k);
  }
  while (heap.size > 0) {
    makespan = heap.peekTime();
    heap.pop();
    events++;
  }
  return events + makespan;
}

const RATE = 0.35;
for (const count of sizes([1_000, 10_000])) {
  const runs = (['seed', 'mct', 'min-min', 'sufferage'] as const).map((strategy) => {
    const policy = { strategy, batchInterval: strategy === 'mct' ? 0 : 5 };
    const run = (): number => simulate({ kind: 'poisson', rate: RATE, count, tasks: templates }, devices, policy, { seed: 1, execNoise: 0.1, recordEvents: false }).metrics.events;
    return { strategy, policy, run, events: run() };
  });
  describe(`simulate(), 3 edge + 1 cloud, ${count} Poisson arrivals`, () => {
    bench(`baseline: hand-written MCT event loop on typed arrays (~${3 * count} events)`, () => void handLoop(count, RATE, 1), benchOptions);
    for (const r of runs) {
      const mode = r.policy.batchInterval > 0 ? `batch every ${r.policy.batchInterval}` : 'on arrival';
      bench(`simulate ${r.strategy}, ${mode} (${r.events} events)`, () => void r.run(), benchOptions);
    }
    bench(`simulate mct with the event log (${runs[1]!.events} events)`, () => void simulate({ kind: 'poisson', rate: RATE, count, tasks: templates }, devices, { strategy: 'mct' }, { seed: 1, execNoise: 0.1 }), benchOptions);
  });
}

// ---------------------------------------------------------------- overloaded

// 8 devices, arrivals at twice their capacity: the queues grow all run long
// (scripts/bench-simulate-scale.ts goes to 200 000 arrivals).
const overDevices: readonly SimDevice[] = Array.from({ length: 8 }, (_, j): SimDevice => ({ id: `d${j}`, tier: j < 6 ? 'edge' : 'cloud', speed: 1 + j, latency: 0.1, bandwidth: 20, slowdown: j % 2 === 0 ? 1.3 : 1 }));
const overTasks: readonly SimTask[] = [2, 4, 6, 8].map((work) => ({ work, dataSize: work / 2 }));
const overRate = (2 * overDevices.reduce((s, d) => s + d.speed, 0)) / 5;
for (const count of sizes([1_000, 4_000])) {
  const workload = { kind: 'poisson' as const, rate: overRate, count, tasks: overTasks };
  const options = { seed: 1, execNoise: 0.1, recordEvents: false };
  describe(`simulate(), 8 devices at 2× capacity, ${count} Poisson arrivals, mct`, () => {
    bench('baseline: step by step through the public submit/complete (O(pending) per event)', () => void simulateReference(workload, overDevices, { strategy: 'mct' }, options), benchOptions);
    bench('simulate (private state, deferred re-timing)', () => void simulate(workload, overDevices, { strategy: 'mct' }, options), benchOptions);
  });
}
