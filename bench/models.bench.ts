/**
 * The three models in every form, the multi-criteria scores and the mathjs
 * formula path, against the limit: a hand-written Float64Array loop (each
 * group's `baseline:`), and a naive array-of-objects version.
 *
 * Object entry points (`priorities(tasks)`) must read n objects; the column
 * entry point (`scoreColumns`) reads typed columns like the baseline does.
 * Each group also times `baseline (objects): ...`, a hand-written loop over
 * the same objects (issue 15's limit for the object entry points: within
 * 1.5x of it at n = 10^6); bench:results prints the ratios to it.
 */
import { bench, describe } from 'vitest';
import { compileFormula, formulaPriorities } from '../src/formula/index.js';
import {
  loads,
  loadsFromColumns,
  multiCriteriaScores,
  multiCriteriaScoresOf,
  priorities,
  prioritiesFromColumns,
  scoreColumns,
  transferTimes,
  transferTimesFromColumns,
  workedExample,
  type LoadCriteria,
  type PriorityCriteria,
  type TransferCriteria,
} from '../src/index.js';
import { createRng } from '../src/internal/random.js';
import { benchOptions, sizes } from './scale.js';

interface Case {
  readonly label: string;
  readonly tasks: readonly PriorityCriteria[];
  readonly devices: readonly LoadCriteria[];
  readonly transfers: readonly TransferCriteria[];
}

/** Three columns of n values in [1, 100) from a fixed seed, as objects of each model. */
function randomCase(n: number, seed: number): Case {
  const rng = createRng(seed);
  const v = Float64Array.from({ length: 3 * n }, () => 1 + 99 * rng());
  // Each array built in its own loop, so its objects sit together in memory as in real use.
  const tasks: PriorityCriteria[] = [];
  for (let i = 0; i < n; i++) tasks.push({ importance: v[3 * i]!, urgency: v[3 * i + 1]!, satisfaction: v[3 * i + 2]! });
  const devices: LoadCriteria[] = [];
  for (let i = 0; i < n; i++) devices.push({ capacity: v[3 * i]!, remaining: v[3 * i + 1]!, execTime: v[3 * i + 2]! });
  const transfers: TransferCriteria[] = [];
  for (let i = 0; i < n; i++) transfers.push({ pack: v[3 * i]!, send: v[3 * i + 1]!, unpack: v[3 * i + 2]! });
  return { label: `n = ${n}`, tasks, devices, transfers };
}

const example: Case = { label: 'worked example', ...workedExample };
const cases = sizes<() => Case>([() => example, () => randomCase(1e3, 1), () => randomCase(1e5, 2), () => randomCase(1e6, 3)]).map((f) => f());

const W = [0.5, 0.3, 0.2] as const;

// ---------------------------------------------------------------- hand-written limits

function loopNormalized(a: Float64Array, b: Float64Array, c: Float64Array): Float64Array {
  const n = a.length;
  let sa = 0, sb = 0, sc = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i]!;
    sb += b[i]!;
    sc += c[i]!;
  }
  // Multiply by the inverse sums, as a careful hand-written loop would (three
  // divisions per item measured about 2x slower).
  const wa = 1 / sa, wb = 1 / sb, wc = 1 / sc;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = wa * a[i]! + wb * b[i]! + wc * c[i]!;
  return out;
}

function loopWeighted(a: Float64Array, b: Float64Array, c: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = W[0] * a[i]! + W[1] * b[i]! + W[2] * c[i]!;
  return out;
}

type Base = 'product' | 'ratio' | 'sum';
function loopBase(a: Float64Array, b: Float64Array, c: Float64Array, base: Base): Float64Array {
  const out = new Float64Array(a.length);
  if (base === 'product') for (let i = 0; i < a.length; i++) out[i] = a[i]! * b[i]! * c[i]!;
  else if (base === 'ratio') for (let i = 0; i < a.length; i++) out[i] = (a[i]! * b[i]!) / c[i]!;
  else for (let i = 0; i < a.length; i++) out[i] = a[i]! + b[i]! + c[i]!;
  return out;
}

// ---------------------------------------------------------------- hand-written loops over the same objects
// The limit for the object entry points (issue 15): what a careful
// caller would write, reading each model's fields by name (one loop per model
// and form, so every property read is monomorphic), without validation.

interface ObjectLoops<T> {
  readonly base: (items: readonly T[]) => Float64Array;
  readonly weighted: (items: readonly T[]) => Float64Array;
  readonly normalized: (items: readonly T[]) => Float64Array;
}

const priorityLoops: ObjectLoops<PriorityCriteria> = {
  base: (ts) => {
    const out = new Float64Array(ts.length);
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      out[i] = t.importance * t.urgency * t.satisfaction;
    }
    return out;
  },
  weighted: (ts) => {
    const out = new Float64Array(ts.length);
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      out[i] = W[0] * t.importance + W[1] * t.urgency + W[2] * t.satisfaction;
    }
    return out;
  },
  normalized: (ts) => {
    let sa = 0, sb = 0, sc = 0;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      sa += t.importance;
      sb += t.urgency;
      sc += t.satisfaction;
    }
    const wa = 1 / sa, wb = 1 / sb, wc = 1 / sc;
    const out = new Float64Array(ts.length);
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      out[i] = wa * t.importance + wb * t.urgency + wc * t.satisfaction;
    }
    return out;
  },
};

const loadLoops: ObjectLoops<LoadCriteria> = {
  base: (ds) => {
    const out = new Float64Array(ds.length);
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i]!;
      out[i] = (d.capacity * d.remaining) / d.execTime;
    }
    return out;
  },
  weighted: (ds) => {
    const out = new Float64Array(ds.length);
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i]!;
      out[i] = W[0] * d.capacity + W[1] * d.remaining + W[2] * d.execTime;
    }
    return out;
  },
  normalized: (ds) => {
    let sa = 0, sb = 0, sc = 0;
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i]!;
      sa += d.capacity;
      sb += d.remaining;
      sc += d.execTime;
    }
    const wa = 1 / sa, wb = 1 / sb, wc = 1 / sc;
    const out = new Float64Array(ds.length);
    for (let i = 0; i < ds.length; i++) {
      const d = ds[i]!;
      out[i] = wa * d.capacity + wb * d.remaining + wc * d.execTime;
    }
    return out;
  },
};

const transferLoops: ObjectLoops<TransferCriteria> = {
  base: (xs) => {
    const out = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = x.pack + x.send + x.unpack;
    }
    return out;
  },
  weighted: (xs) => {
    const out = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = W[0] * x.pack + W[1] * x.send + W[2] * x.unpack;
    }
    return out;
  },
  normalized: (xs) => {
    let sa = 0, sb = 0, sc = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      sa += x.pack;
      sb += x.send;
      sc += x.unpack;
    }
    const wa = 1 / sa, wb = 1 / sb, wc = 1 / sc;
    const out = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      out[i] = wa * x.pack + wb * x.send + wc * x.unpack;
    }
    return out;
  },
};

/** Multi-criteria scores of devices over the objects, max normalization, (benefit, benefit, cost): max per field, then Σ of the normalized values. */
function deviceScoresMax(ds: readonly LoadCriteria[]): Float64Array {
  let ma = 0, mb = 0, mc = 0;
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    if (d.capacity > ma) ma = d.capacity;
    if (d.remaining > mb) mb = d.remaining;
    if (d.execTime > mc) mc = d.execTime;
  }
  const out = new Float64Array(ds.length);
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i]!;
    out[i] = d.capacity / ma + d.remaining / mb + (1 - d.execTime / mc);
  }
  return out;
}

const OBJECT_BASELINE = 'baseline (objects): hand-written loop over the same objects';

// ---------------------------------------------------------------- naive object versions

function naiveNormalized<T>(items: readonly T[], get: readonly ((t: T) => number)[]): number[] {
  const sums = get.map((g) => items.reduce((s, t) => s + g(t), 0));
  return items.map((t) => get.reduce((s, g, k) => s + g(t) / sums[k]!, 0));
}

const models = [
  {
    name: 'priorities',
    fn: (c: Case, o?: object) => priorities(c.tasks, o),
    fromColumns: prioritiesFromColumns,
    get: [(t: PriorityCriteria) => t.importance, (t: PriorityCriteria) => t.urgency, (t: PriorityCriteria) => t.satisfaction],
    items: (c: Case) => c.tasks,
    base: 'product' as Base,
    naiveBase: (c: Case) => c.tasks.map((t) => t.importance * t.urgency * t.satisfaction),
    loops: (c: Case) => ({ base: () => priorityLoops.base(c.tasks), weighted: () => priorityLoops.weighted(c.tasks), normalized: () => priorityLoops.normalized(c.tasks) }),
  },
  {
    name: 'loads',
    fn: (c: Case, o?: object) => loads(c.devices, o),
    fromColumns: loadsFromColumns,
    get: [(d: LoadCriteria) => d.capacity, (d: LoadCriteria) => d.remaining, (d: LoadCriteria) => d.execTime],
    items: (c: Case) => c.devices,
    base: 'ratio' as Base,
    naiveBase: (c: Case) => c.devices.map((d) => (d.capacity * d.remaining) / d.execTime),
    loops: (c: Case) => ({ base: () => loadLoops.base(c.devices), weighted: () => loadLoops.weighted(c.devices), normalized: () => loadLoops.normalized(c.devices) }),
  },
  {
    name: 'transferTimes',
    fn: (c: Case, o?: object) => transferTimes(c.transfers, o),
    fromColumns: transferTimesFromColumns,
    get: [(t: TransferCriteria) => t.pack, (t: TransferCriteria) => t.send, (t: TransferCriteria) => t.unpack],
    items: (c: Case) => c.transfers,
    base: 'sum' as Base,
    naiveBase: (c: Case) => c.transfers.map((t) => t.pack + t.send + t.unpack),
    loops: (c: Case) => ({ base: () => transferLoops.base(c.transfers), weighted: () => transferLoops.weighted(c.transfers), normalized: () => transferLoops.normalized(c.transfers) }),
  },
] as const;

for (const c of cases) {
  for (const m of models) {
    const items = m.items(c) as readonly never[];
    const get = m.get as unknown as readonly ((t: never) => number)[];
    const cols = get.map((g) => Float64Array.from(items, g));
    const [x, y, z] = cols as [Float64Array, Float64Array, Float64Array];
    const loops = m.loops(c);

    describe(`${m.name} normalized, ${c.label}`, () => {
      bench('baseline: hand-written two-pass Float64Array loop', () => void loopNormalized(x, y, z), benchOptions);
      bench('scoreColumns(columns) (typed columns)', () => void scoreColumns(cols), benchOptions);
      bench(OBJECT_BASELINE, () => void loops.normalized(), benchOptions);
      bench(`${m.name}(objects, {form: 'normalized'})`, () => void m.fn(c, { form: 'normalized' }), benchOptions);
      bench('naive array-of-objects (reduce + map)', () => void naiveNormalized(items, get), benchOptions);
    });

    describe(`${m.name} weighted, ${c.label}`, () => {
      bench('baseline: hand-written Float64Array loop', () => void loopWeighted(x, y, z), benchOptions);
      bench("scoreColumns(columns, {form: 'weighted'})", () => void scoreColumns(cols, { form: 'weighted', weights: W }), benchOptions);
      bench(OBJECT_BASELINE, () => void loops.weighted(), benchOptions);
      bench(`${m.name}(objects, {form: 'weighted'})`, () => void m.fn(c, { form: 'weighted', weights: W }), benchOptions);
      bench('naive array-of-objects (map)', () => void items.map((t) => W[0] * get[0]!(t) + W[1] * get[1]!(t) + W[2] * get[2]!(t)), benchOptions);
    });

    describe(`${m.name} base, ${c.label}`, () => {
      bench('baseline: hand-written Float64Array loop', () => void loopBase(x, y, z, m.base), benchOptions);
      bench(`${m.name}FromColumns(typed columns)`, () => void m.fromColumns([x, y, z]), benchOptions);
      bench(OBJECT_BASELINE, () => void loops.base(), benchOptions);
      bench(`${m.name}(objects)`, () => void m.fn(c), benchOptions);
      bench('naive array-of-objects (map)', () => void m.naiveBase(c), benchOptions);
      if (m.name === 'priorities') {
        const f = compileFormula('A*B*C');
        bench("formulaPriorities(objects, 'A*B*C') (mathjs)", () => void formulaPriorities(c.tasks, 'A*B*C'), benchOptions);
        bench("compileFormula('A*B*C') called per task (mathjs)", () => {
          const out = new Float64Array(x.length);
          const v = new Float64Array(3);
          for (let i = 0; i < x.length; i++) {
            v[0] = x[i]!;
            v[1] = y[i]!;
            v[2] = z[i]!;
            out[i] = f(v);
          }
        }, benchOptions);
      }
    });
  }

  describe(`multiCriteriaScores (benefit, benefit, cost), ${c.label}`, () => {
    const d = c.devices;
    const cols = [Float64Array.from(d, (x) => x.capacity), Float64Array.from(d, (x) => x.remaining), Float64Array.from(d, (x) => x.execTime)];
    const directions = ['benefit', 'benefit', 'cost'] as const;
    bench('baseline: hand-written two-pass Float64Array loop (seed normalized form)', () => void loopNormalized(cols[0]!, cols[1]!, cols[2]!), benchOptions);
    for (const normalization of ['sum', 'max', 'min-max', 'vector'] as const) {
      bench(`multiCriteriaScores(columns, {normalization: '${normalization}'})`, () => void multiCriteriaScores(cols, { normalization, directions: [...directions] }), benchOptions);
    }
    bench(`${OBJECT_BASELINE} (max normalization)`, () => void deviceScoresMax(d), benchOptions);
    bench("multiCriteriaScoresOf(objects, keys, {normalization: 'max'})", () => void multiCriteriaScoresOf(d, ['capacity', 'remaining', 'execTime'], { normalization: 'max', directions: [...directions] }), benchOptions);
  });
}
