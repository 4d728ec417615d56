/**
 * Seeded random layered task graphs with the parameters of Topcuoglu, Hariri
 * and Wu's (2002) generator.
 * @module
 */
import { checkFinite, checkInteger, checkOneOf, checkOptions, rangeError, rangeReason, typeError } from '../internal/errors.js';
import { createRng, type Rng } from '../internal/random.js';
import type { Tier } from '../problem/types.js';
import { MAX_WORKFLOW_DEVICES } from './compile.js';
import type { Workflow, WorkflowDevice, WorkflowEdge, WorkflowTask } from './types.js';

/** Options of {@link generateWorkflow}: the generator's parameters (Topcuoglu et al. 2002, section 5.1). */
export interface GenerateWorkflowOptions {
  /** Number of tasks v (integer ≥ 0). */
  readonly n: number;
  /** Number of devices (processors), integer ≥ 1. */
  readonly m: number;
  /**
   * Shape parameter α > 0: the graph has about √v/α levels of about α·√v
   * tasks each. α ≫ 1 gives short, wide graphs (much parallelism), α ≪ 1
   * long, thin ones.
   * @defaultValue 1
   */
  readonly alpha?: number;
  /** Maximum out-degree: each task not in the last level gets 1..outDegree children (integer ≥ 1). @defaultValue 3 */
  readonly outDegree?: number;
  /**
   * Communication-to-computation ratio CCR ≥ 0: mean edge data over mean
   * computation cost. With the default network (bandwidth 1) the data is the
   * communication time, so this is the paper's CCR.
   * @defaultValue 1
   */
  readonly ccr?: number;
  /**
   * Range percentage β in [0, 2] of computation costs across devices (the
   * heterogeneity factor): `execTime[i][j]` is drawn from
   * `w̄_i · [1 − β/2, 1 + β/2)`. β = 0 makes every device equally fast.
   * @defaultValue 0.5
   */
  readonly beta?: number;
  /** Average computation cost w_DAG > 0 of the graph, seconds. @defaultValue 20 */
  readonly averageCost?: number;
  /** Tier of every device, or one tier per device. @defaultValue `'edge'` */
  readonly tiers?: Tier | readonly Tier[];
}

const KEYS = ['n', 'm', 'alpha', 'outDegree', 'ccr', 'beta', 'averageCost', 'tiers'];
const TIERS = ['edge', 'fog', 'cloud'] as const;

/**
 * A random layered task graph (DAG) by Topcuoglu, Hariri and Wu's generator
 * ("Performance-effective and low-complexity task scheduling for
 * heterogeneous computing", IEEE TPDS 13(3), 2002, section 5.1), drawn from
 * a seeded mulberry32 stream, so one seed gives the same graph everywhere.
 *
 * 1. Levels: the depth H is uniform on the integers `[1, 2·⌈√v/α⌉ − 1]`
 *    (mean ≈ √v/α), capped at v; each level's width is drawn uniform on
 *    `[1, 2·⌈α·√v⌉ − 1]` (mean ≈ α·√v), then the widths are scaled to sum to
 *    v exactly (every level keeps ≥ 1 task). Tasks are numbered level by
 *    level (`t0, t1, ...`), so index order is a topological order.
 * 2. Edges: each task of level l < H−1 draws an out-degree k uniform in
 *    `[1, outDegree]` (at most the next level's width) and links to k distinct
 *    tasks of level l+1; a task of level l+1 left without a parent gets one
 *    from level l. So every non-entry task has a parent in the previous level
 *    and the graph is connected level to level.
 * 3. Costs: w̄_i uniform in `[0, 2·w_DAG)`, then `execTime[i][j]` uniform in
 *    `w̄_i·[1 − β/2, 1 + β/2)` (the paper's formula); each edge's data uniform
 *    in `[0, 2·CCR·w_DAG)`, so its mean is CCR times the mean computation
 *    cost (the paper gives CCR as this ratio without a distribution; the
 *    uniform draw is our reading).
 *
 * Draw order (fixed, part of the contract): H, the H widths, then per task
 * in index order its out-degree and children, then the edge data in edge
 * order, then per task w̄_i and its m costs. Edges are listed sorted by
 * (from, to). The network is left at its default (bandwidth 1, latency 0).
 *
 * Complexity: O(v·m + e) time and space, e ≤ v·outDegree + v.
 *
 * @param options - {@link GenerateWorkflowOptions}; `n` and `m` are required.
 * @param seed - PRNG seed (any integer; its low 32 bits are used).
 * @returns A new plain {@link Workflow}: tasks `t0..`, devices `d0..`, finite execution times ≥ 0, no network field.
 * @throws {@link InputTypeError} for a non-object options, an unknown key, a non-number parameter or a bad tier.
 * @throws {@link InputRangeError} for a non-integer n, m, outDegree or seed, m = 0, α ≤ 0, β outside [0, 2], a negative CCR, a non-positive average cost, costs or data that would overflow to Infinity, a tiers array of the wrong length, or more than 2^24 execution times.
 *
 * @example
 * ```ts
 * const w = generateWorkflow({ n: 10, m: 3, alpha: 1, outDegree: 2, ccr: 0.5, beta: 1 }, 42);
 * w.tasks.length;                 // 10
 * w.execTime[0].length;           // 3
 * w.edges.every((e) => Number(e.from.slice(1)) < Number(e.to.slice(1))); // true (index order is topological)
 * JSON.stringify(generateWorkflow({ n: 10, m: 3, alpha: 1, outDegree: 2, ccr: 0.5, beta: 1 }, 42)) === JSON.stringify(w); // true
 * ```
 */
export function generateWorkflow(options: GenerateWorkflowOptions, seed: number): Workflow {
  const fn = 'generateWorkflow';
  if (options === undefined) typeError(fn, 'options', 'an object with n and m', options);
  const o = checkOptions(fn, options, KEYS);
  const n = checkInteger(fn, 'options.n', o.n, 0);
  const m = checkInteger(fn, 'options.m', o.m, 1);
  if (m > MAX_WORKFLOW_DEVICES) rangeError(fn, 'options.m', `an integer in [1, ${MAX_WORKFLOW_DEVICES}] (the network tables are m × m)`, m);
  if (n * m > 1 << 24) rangeReason(fn, 'options.n', `× options.m = ${n * m} execution times exceeds the limit of ${1 << 24}`);
  const alpha = o.alpha === undefined ? 1 : positive(fn, 'options.alpha', o.alpha);
  const outDegree = o.outDegree === undefined ? 3 : checkInteger(fn, 'options.outDegree', o.outDegree, 1);
  const ccr = o.ccr === undefined ? 1 : checkFinite(fn, 'options.ccr', o.ccr);
  if (ccr < 0) rangeError(fn, 'options.ccr', 'a finite number >= 0', ccr);
  const beta = o.beta === undefined ? 0.5 : checkFinite(fn, 'options.beta', o.beta);
  if (beta < 0 || beta > 2) rangeError(fn, 'options.beta', 'a number in [0, 2]', beta);
  const wDag = o.averageCost === undefined ? 20 : positive(fn, 'options.averageCost', o.averageCost);
  if (!Number.isFinite(2 * wDag * (1 + beta / 2))) rangeReason(fn, 'options.averageCost', `is too large: execution times up to 2 · averageCost · (1 + beta/2) overflow to Infinity`);
  if (!Number.isFinite(2 * ccr * wDag)) rangeReason(fn, 'options.ccr', `× options.averageCost is too large: edge data up to 2 · ccr · averageCost overflows to Infinity`);
  // Every schedule's times are at most Σ execution times + Σ transfers: keep that sum finite too.
  if (!(n * 2 * wDag * (1 + beta / 2) + n * (outDegree + 1) * 2 * ccr * wDag < Infinity)) {
    rangeReason(fn, 'options.averageCost', `is too large for ${n} tasks: the sum of execution and transfer times could overflow to Infinity`);
  }
  const tiers = readTiers(fn, o.tiers, m);
  if (typeof seed !== 'number') typeError(fn, 'seed', 'an integer', seed);
  if (!Number.isSafeInteger(seed)) rangeError(fn, 'seed', 'an integer', seed);

  const rng = createRng(seed);
  const widths = levelWidths(rng, n, alpha);
  const levelStart: number[] = [0];
  for (const w of widths) levelStart.push(levelStart[levelStart.length - 1]! + w);

  const pairs: [number, number][] = [];
  const hasParent = new Uint8Array(n);
  for (let l = 0; l + 1 < widths.length; l++) {
    const nextStart = levelStart[l + 1]!;
    const nextWidth = widths[l + 1]!;
    const pool = new Int32Array(nextWidth);
    for (let c = 0; c < nextWidth; c++) pool[c] = nextStart + c;
    const swapped = new Int32Array(Math.min(nextWidth, outDegree));
    for (let i = levelStart[l]!; i < nextStart; i++) {
      const k = Math.min(nextWidth, 1 + Math.floor(rng() * outDegree));
      // Partial Fisher–Yates: the first k entries of the pool are k distinct children.
      for (let c = 0; c < k; c++) {
        const r = c + Math.floor(rng() * (nextWidth - c));
        swapped[c] = r;
        const tmp = pool[c]!;
        pool[c] = pool[r]!;
        pool[r] = tmp;
        pairs.push([i, pool[c]!]);
        hasParent[pool[c]!] = 1;
      }
      // Undo the k swaps (last first): the pool is the identity again for the next parent, in O(k) instead of
      // O(level width) per parent (wide levels, alpha ≫ 1, made generation quadratic: 86 s at n = 10^6).
      for (let c = k - 1; c >= 0; c--) {
        const r = swapped[c]!;
        const tmp = pool[c]!;
        pool[c] = pool[r]!;
        pool[r] = tmp;
      }
    }
    for (let c = nextStart; c < nextStart + nextWidth; c++) {
      if (hasParent[c] === 0) {
        pairs.push([levelStart[l]! + Math.floor(rng() * widths[l]!), c]);
        hasParent[c] = 1;
      }
    }
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const edges: WorkflowEdge[] = pairs.map(([from, to]) => ({ from: `t${from}`, to: `t${to}`, data: 2 * ccr * wDag * rng() }));

  const execTime: number[][] = [];
  const lo = 1 - beta / 2;
  for (let i = 0; i < n; i++) {
    const mean = 2 * wDag * rng();
    const row = new Array<number>(m);
    for (let j = 0; j < m; j++) row[j] = mean * (lo + beta * rng());
    execTime.push(row);
  }
  const tasks: WorkflowTask[] = [];
  for (let i = 0; i < n; i++) tasks.push({ id: `t${i}` });
  const devices: WorkflowDevice[] = [];
  for (let j = 0; j < m; j++) devices.push({ id: `d${j}`, tier: tiers[j]! });
  return { tasks, devices, execTime, edges };
}

/** The level widths: H levels summing to n (empty for n = 0). */
function levelWidths(rng: Rng, n: number, alpha: number): number[] {
  if (n === 0) return [];
  const root = Math.sqrt(n);
  const meanH = Math.max(1, Math.ceil(root / alpha));
  const h = Math.min(n, 1 + Math.floor(rng() * (2 * meanH - 1)));
  const meanW = Math.max(1, Math.ceil(alpha * root));
  const raw: number[] = [];
  let total = 0;
  for (let l = 0; l < h; l++) {
    const w = 1 + Math.floor(rng() * (2 * meanW - 1));
    raw.push(w);
    total += w;
  }
  // Scale to n: floor of the share (at least 1), then hand out the rest to
  // the levels with the largest remainders (lowest level first on ties).
  const widths = raw.map((w) => Math.max(1, Math.floor((w * n) / total)));
  let sum = widths.reduce((a, b) => a + b, 0);
  const order = raw.map((_, l) => l).sort((a, b) => ((raw[b]! * n) / total) % 1 - ((raw[a]! * n) / total) % 1 || a - b);
  for (let k = 0; sum < n; k = (k + 1) % h) {
    widths[order[k]!]!++;
    sum++;
  }
  // Flooring to ≥ 1 can overshoot: take back from the widest levels.
  while (sum > n) {
    let widest = 0;
    for (let l = 1; l < h; l++) if (widths[l]! > widths[widest]!) widest = l;
    widths[widest]!--;
    sum--;
  }
  return widths;
}

function positive(fn: string, field: string, v: unknown): number {
  const x = checkFinite(fn, field, v);
  if (!(x > 0)) rangeError(fn, field, 'a finite number > 0', x);
  return x;
}

function readTiers(fn: string, v: unknown, m: number): readonly Tier[] {
  if (v === undefined) return new Array<Tier>(m).fill('edge');
  if (!Array.isArray(v)) return new Array<Tier>(m).fill(checkOneOf(fn, 'options.tiers', v, TIERS));
  if (v.length !== m) rangeReason(fn, 'options.tiers', `has ${v.length} entries, expected ${m} (one per device)`);
  return v.map((t: unknown, j) => checkOneOf(fn, `options.tiers[${j}]`, t, TIERS));
}
