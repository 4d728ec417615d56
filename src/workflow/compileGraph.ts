/**
 * The graph half of `compileWorkflow`: CSR adjacency, the topological order
 * (naming a cycle when there is one) and the overflow check.
 * @internal
 * @module
 */
import { describe as show, rangeReason } from '../internal/errors.js';
import { MinHeap } from './minHeap.js';

/** Builds CSR rows keyed by `key[e]` holding `other[e]`, neighbours ascending (two stable counting sorts). */
export function csr(n: number, key: Int32Array, other: Int32Array): { start: Int32Array; adj: Int32Array; edge: Int32Array } {
  const e = key.length;
  const byOther = new Int32Array(e);
  const count = new Int32Array(n + 1);
  for (let k = 0; k < e; k++) count[other[k]! + 1]!++;
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  for (let k = 0; k < e; k++) byOther[count[other[k]!]!++] = k;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < e; k++) start[key[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(e);
  const edge = new Int32Array(e);
  for (const k of byOther) {
    const pos = fill[key[k]!]!++;
    adj[pos] = other[k]!;
    edge[pos] = k;
  }
  return { start, adj, edge };
}

/** Kahn's algorithm, lowest index first; on a cycle throws naming it. */
export function topoOrder(fn: string, n: number, predStart: Int32Array, pred: Int32Array, succStart: Int32Array, succ: Int32Array, ids: readonly string[]): Int32Array {
  const indeg = new Int32Array(n);
  for (let i = 0; i < n; i++) indeg[i] = predStart[i + 1]! - predStart[i]!;
  const heap = new MinHeap(n);
  for (let i = 0; i < n; i++) if (indeg[i] === 0) heap.push(i);
  const topo = new Int32Array(n);
  let k = 0;
  while (heap.size > 0) {
    const i = heap.pop();
    topo[k++] = i;
    for (let s = succStart[i]!; s < succStart[i + 1]!; s++) if (--indeg[succ[s]!]! === 0) heap.push(succ[s]!);
  }
  if (k === n) return topo;
  // Every task left has a predecessor left: walk lowest-index predecessors until one repeats.
  let v = 0;
  while (indeg[v] === 0) v++;
  const seenAt = new Int32Array(n).fill(-1);
  const path: number[] = [];
  while (seenAt[v] === -1) {
    seenAt[v] = path.length;
    path.push(v);
    let next = -1;
    for (let p = predStart[v]!; p < predStart[v + 1]! && next < 0; p++) if (indeg[pred[p]!]! > 0) next = pred[p]!;
    v = next;
  }
  const loop = path.slice(seenAt[v]!).reverse();
  // Start at its lowest-index task (a loop, not Math.min(...loop): a spread of 130 000 overflows the stack).
  let low = 0;
  for (let k2 = 1; k2 < loop.length; k2++) if (loop[k2]! < loop[low]!) low = k2;
  const len = loop.length;
  // Name at most CYCLE_SHOWN tasks: a 50 000-task cycle once gave a 589 000-character message.
  const shown: string[] = [];
  for (let k2 = 0; k2 < Math.min(len, CYCLE_SHOWN); k2++) shown.push(show(ids[loop[(low + k2) % len]!]!));
  const names = len <= CYCLE_SHOWN
    ? [...shown, show(ids[loop[low]!]!)].join(' -> ')
    : `${shown.join(' -> ')} -> … (${len} tasks in the cycle)`;
  return rangeReason(fn, 'workflow.edges', `must form a directed acyclic graph, but contain the cycle ${names}`);
}

/** How many tasks of a cycle an error message names before "… (N tasks in the cycle)". */
const CYCLE_SHOWN = 10;

/**
 * Rejects inputs whose schedule times could overflow to Infinity: a transfer
 * latency + data / bandwidth that is infinite, or releases, ready times,
 * execution and transfer times whose worst-case sum is (every start and
 * finish of any schedule is at most that sum). O(n·m + m² + e).
 */
export function checkOverflow(fn: string, n: number, m: number, exec: Float64Array, release: Float64Array, ready: Float64Array, data: Float64Array, bandwidth: Float64Array, latency: Float64Array): void {
  let minBw = Infinity;
  let maxLat = 0;
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < m; q++) {
      if (p === q) continue;
      if (bandwidth[p * m + q]! < minBw) minBw = bandwidth[p * m + q]!;
      if (latency[p * m + q]! > maxLat) maxLat = latency[p * m + q]!;
    }
  }
  let maxData = 0;
  for (let e = 0; e < data.length; e++) if (data[e]! > maxData) maxData = data[e]!;
  const maxTransfer = m > 1 ? maxLat + (maxData === 0 ? 0 : maxData / minBw) : 0;
  if (maxTransfer === Infinity) {
    rangeReason(fn, 'workflow.network.bandwidth', `is too small for the data: a transfer of ${show(maxData)} at bandwidth ${show(minBw)} takes Infinity`);
  }
  let total = data.length * maxTransfer;
  // The largest single term, named in the message (the sum has no one field to blame).
  let bigField = 'workflow.network';
  let big = maxTransfer;
  for (let i = 0; i < n; i++) {
    let worst = 0;
    for (let k = i * m, end = k + m; k < end; k++) {
      if (exec[k]! < Infinity && exec[k]! > worst) worst = exec[k]!;
      if (exec[k]! < Infinity && exec[k]! > big) {
        big = exec[k]!;
        bigField = `workflow.execTime[${i}][${k - i * m}]`;
      }
    }
    total += worst;
  }
  let late = 0;
  for (let i = 0; i < n; i++) {
    if (release[i]! > late) late = release[i]!;
    if (release[i]! > big) {
      big = release[i]!;
      bigField = `workflow.tasks[${i}].release`;
    }
  }
  for (let j = 0; j < m; j++) {
    if (ready[j]! > late) late = ready[j]!;
    if (ready[j]! > big) {
      big = ready[j]!;
      bigField = `workflow.devices[${j}].ready`;
    }
  }
  if (!(total + late < Infinity)) {
    rangeReason(fn, bigField, `is ${show(big)}, the largest of the workflow's times, and they are so large that a schedule could overflow to Infinity (the largest release or ready time plus every task's longest allowed execution time and every edge's longest transfer must be finite): rescale the time unit`);
  }
}
