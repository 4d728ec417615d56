/**
 * Same-run A/B of the ten object entry points of the models at n = 10^6
 * against a hand-written loop over the same objects (issue 15: each ≤ 1.5×
 * it). The objects and the loops are those of bench/models.bench.ts
 * (`baseline (objects): ...`): three values in [1, 100) per item from a fixed
 * seed, each array built in its own loop. Each round times every pair
 * (entry point, its loop) in a rotated order; the ratio is the entry point's
 * time over its loop's, from the median and from the 10th percentile of the
 * rounds (the latter is steadier on a loaded machine).
 *
 *   npx tsx scripts/models-overhead.ts [--rounds 15]
 */
import { loadavg } from 'node:os';
import { loads, multiCriteriaScoresOf, priorities, transferTimes, type LoadCriteria, type PriorityCriteria, type TransferCriteria } from '../src/index.js';
import { createRng } from '../src/internal/random.js';

const k = process.argv.indexOf('--rounds');
const ROUNDS = k >= 0 ? Number(process.argv[k + 1]) : 15;
const N = 1e6;
const W = [0.5, 0.3, 0.2] as const;

const rng = createRng(3);
const v = Float64Array.from({ length: 3 * N }, () => 1 + 99 * rng());
const tasks: PriorityCriteria[] = [];
for (let i = 0; i < N; i++) tasks.push({ importance: v[3 * i]!, urgency: v[3 * i + 1]!, satisfaction: v[3 * i + 2]! });
const devices: LoadCriteria[] = [];
for (let i = 0; i < N; i++) devices.push({ capacity: v[3 * i]!, remaining: v[3 * i + 1]!, execTime: v[3 * i + 2]! });
const transfers: TransferCriteria[] = [];
for (let i = 0; i < N; i++) transfers.push({ pack: v[3 * i]!, send: v[3 * i + 1]!, unpack: v[3 * i + 2]! });

// The hand-written loops of bench/models.bench.ts, one per model and form (monomorphic reads).
const loops: Record<string, () => Float64Array> = {
  'priorities base': () => {
    const out = new Float64Array(tasks.length);
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i]!;
      out[i] = t.importance * t.urgency * t.satisfaction;
    }
    return out;
  },
  'priorities weighted': () => {
    const out = new Float64Array(tasks.length);
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i]!;
      out[i] = W[0] * t.importance + W[1] * t.urgency + W[2] * t.satisfaction;
    }
    return out;
  },
  'priorities normalized': () => {
    let sa = 0, sb = 0, sc = 0;
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i]!;
      sa += t.importance;
      sb += t.urgency;
      sc += t.satisfaction;
    }
    const wa = 1 / sa, wb = 1 / sb, wc = 1 / sc;
    const out = new Float64Array(tasks.length);
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i]!;
      out[i] = wa * t.importance + wb * t.urgency + wc * t.satisfaction;
    }
    return out;
  },
  'loads base': () => {
    const out = new Float64Array(devices.length);
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      out[i] = (d.capacity * d.remaining) / d.execTime;
    }
    return out;
  },
  'loads weighted': () => {
    const out = new Float64Array(devices.length);
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      out[i] = W[0] * d.capacity + W[1] * d.remaining + W[2] * d.execTime;
    }
    return out;
  },
  'loads normalized': () => {
    let sa = 0, sb = 0, sc = 0;
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      sa += d.capacity;
      sb += d.remaining;
      sc += d.execTime;
    }
    const wa = 1 / sa, wb = 1 / sb, wc = 1 / sc;
    const out = new Float64Array(devices.length);
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      out[i] = wa * d.capacity + wb * d.remaining + wc * d.execTime;
    }
    return out;
  },
  'transferTimes base': () => {
    const out = new Float64Array(transfers.length);
    for (let i = 0; i < transfers.length; i++) {
      const x = transfers[i]!;
      out[i] = x.pack + x.send + x.unpack;
    }
    return out;
  },
  'transferTimes weighted': () => {
    const out = new Float64Array(transfers.length);
    for (let i = 0; i < transfers.length; i++) {
      const x = transfers[i]!;
      out[i] = W[0] * x.pack + W[1] * x.send + W[2] * x.unpack;
    }
    return out;
  },
  'transferTimes normalized': () => {
    let sa = 0, sb = 0, sc = 0;
    for (let i = 0; i < transfers.length; i++) {
      const x = transfers[i]!;
      sa += x.pack;
      sb += x.send;
      sc += x.unpack;
    }
    const wa = 1 / sa, wb = 1 / sb, wc = 1 / sc;
    const out = new Float64Array(transfers.length);
    for (let i = 0; i < transfers.length; i++) {
      const x = transfers[i]!;
      out[i] = wa * x.pack + wb * x.send + wc * x.unpack;
    }
    return out;
  },
  'multiCriteriaScoresOf max': () => {
    let ma = 0, mb = 0, mc = 0;
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      if (d.capacity > ma) ma = d.capacity;
      if (d.remaining > mb) mb = d.remaining;
      if (d.execTime > mc) mc = d.execTime;
    }
    const out = new Float64Array(devices.length);
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      out[i] = d.capacity / ma + d.remaining / mb + (1 - d.execTime / mc);
    }
    return out;
  },
};

const entries: Record<string, () => Float64Array> = {
  'priorities base': () => priorities(tasks),
  'priorities weighted': () => priorities(tasks, { form: 'weighted', weights: W }),
  'priorities normalized': () => priorities(tasks, { form: 'normalized' }),
  'loads base': () => loads(devices),
  'loads weighted': () => loads(devices, { form: 'weighted', weights: W }),
  'loads normalized': () => loads(devices, { form: 'normalized' }),
  'transferTimes base': () => transferTimes(transfers),
  'transferTimes weighted': () => transferTimes(transfers, { form: 'weighted', weights: W }),
  'transferTimes normalized': () => transferTimes(transfers, { form: 'normalized' }),
  'multiCriteriaScoresOf max': () => multiCriteriaScoresOf(devices, ['capacity', 'remaining', 'execTime'], { normalization: 'max', directions: ['benefit', 'benefit', 'cost'] }),
};

let sink = 0;
const names = Object.keys(entries);
const samples = new Map<string, number[]>();
const run = (key: string, f: () => Float64Array): void => {
  const t = performance.now();
  sink += f()[7]!;
  const ms = performance.now() - t;
  const a = samples.get(key);
  if (a === undefined) samples.set(key, [ms]);
  else a.push(ms);
};
const load0 = loadavg()[0]!;
for (let w = 0; w < 3; w++) for (const name of names) sink += entries[name]!()[0]! + loops[name]!()[0]!;
for (let r = 0; r < ROUNDS; r++) {
  for (let q = 0; q < names.length; q++) {
    const name = names[(q + r) % names.length]!;
    // Entry point and loop back to back, in alternating order.
    if (r % 2 === 0) {
      run(`${name} entry`, entries[name]!);
      run(`${name} loop`, loops[name]!);
    } else {
      run(`${name} loop`, loops[name]!);
      run(`${name} entry`, entries[name]!);
    }
  }
}
const quantile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(p * (s.length - 1))]!;
};
console.log(`object entry points ÷ hand-written loop over the same objects, n = 10^6, ${ROUNDS} rounds (load average ${load0.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}, Node ${process.version})`);
console.log('');
console.log('| entry point | loop median (ms) | entry median (ms) | ratio (medians) | ratio (10th percentiles) |');
console.log('|---|---:|---:|---:|---:|');
for (const name of names) {
  const e = samples.get(`${name} entry`)!;
  const l = samples.get(`${name} loop`)!;
  console.log(`| ${name} | ${quantile(l, 0.5).toFixed(2)} | ${quantile(e, 0.5).toFixed(2)} | ${(quantile(e, 0.5) / quantile(l, 0.5)).toFixed(2)} | ${(quantile(e, 0.1) / quantile(l, 0.1)).toFixed(2)} |`);
}
if (sink === 42) console.log('');
