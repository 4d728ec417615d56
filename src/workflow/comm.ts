/**
 * Communication and mean costs on a compiled workflow, shared by ranks,
 * schedulers and the evaluator so every strategy and `evaluateWorkflow`
 * compute the same floating-point values.
 * @internal
 * @module
 */
import type { CompiledWorkflow } from './types.js';

/** Time to move edge `e`'s data from device `p` to `q`: latency + data / bandwidth, 0 when p === q. */
export function transferTime(cw: CompiledWorkflow, e: number, p: number, q: number): number {
  if (p === q) return 0;
  const k = p * cw.m + q;
  return cw.latency[k]! + cw.data[e]! / cw.bandwidth[k]!;
}

/** Per task: mean execution time over its allowed devices (finite entries). O(n·m). */
export function meanExec(cw: CompiledWorkflow): Float64Array {
  const { n, m, exec } = cw;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (let k = i * m, end = k + m; k < end; k++) {
      const x = exec[k]!;
      if (x < Infinity) {
        sum += x;
        count++;
      }
    }
    out[i] = sum / count;
  }
  return out;
}

/**
 * Per edge: mean transfer time over ordered device pairs p ≠ q,
 * mean(latency) + data · mean(1 / bandwidth) (0 with one device). O(m² + e).
 */
export function meanComm(cw: CompiledWorkflow): Float64Array {
  const { m, latency, bandwidth, data } = cw;
  let lat = 0;
  let inv = 0;
  for (let p = 0; p < m; p++) {
    for (let q = 0; q < m; q++) {
      if (p === q) continue;
      lat += latency[p * m + q]!;
      inv += 1 / bandwidth[p * m + q]!;
    }
  }
  const pairs = m * (m - 1);
  const meanLat = pairs > 0 ? lat / pairs : 0;
  const meanInv = pairs > 0 ? inv / pairs : 0;
  const out = new Float64Array(data.length);
  for (let e = 0; e < data.length; e++) out[e] = meanLat + data[e]! * meanInv;
  return out;
}
