/**
 * Each task's K fastest devices, for the sufferage heuristics: a scan of
 * task i's row records the K = min(m, {@link keptFor}(m)) devices with the
 * smallest completion times, in (ct, device index) order, and a lower bound
 * `bound[i]` on every other device's time (the (K+1)-th smallest, `Infinity`
 * when K = m). Completion times only grow (availabilities only advance), so
 * the bound stays valid until the next scan. After some devices became
 * busier, {@link KeptDevices.topTwo} re-times the K kept devices: when the
 * second of them is still strictly below the bound, the best two of the
 * kept devices are the best two of the row, exactly as `scanTopTwo` finds
 * them (lowest index on ties), in O(K); otherwise the row is scanned again
 * in O(m). With K = m every call is a plain scan. Typed arrays only; no
 * allocation after construction. Private to `solvers/`.
 *
 * @internal
 * @module
 */
import type { CompiledProblem } from '../../problem/types.js';

/**
 * How many devices each task keeps timed between scans for m devices: all
 * of them (plain scans) below 128, else max(16, 2·⌈√m⌉). A re-time costs
 * K, a scan about 2m, and scans came every K/1.4 calls at 256 devices
 * (consistent matrices) but every K/2.2 at 64, where keeping 16 was no
 * faster than plain scans.
 */
export function keptFor(m: number): number {
  return m < KEPT_FROM ? m : Math.max(16, 2 * Math.ceil(Math.sqrt(m)));
}

/** From this many devices on, tasks keep fewer devices than all of them ({@link keptFor}). @internal */
export const KEPT_FROM = 128;

/** The kept devices of every task (task-major). O(n·(m + K)) memory. @internal */
export class KeptDevices {
  /** `cost[i·m + j]`: transfer + exec of task i on device j, computed as the heuristics compute it. */
  private readonly cost: Float64Array;
  private readonly kept: Int32Array;
  private readonly bound: Float64Array;
  private readonly size: Int32Array;
  /** Per task: how far above the best time the next sweep's threshold lies (adapted so that about K devices fall below it). */
  private readonly delta: Float64Array;
  private readonly row: Float64Array;
  private readonly work: Float64Array;
  private readonly m: number;
  private readonly k: number;
  private readonly release: Float64Array;
  /** Whether no release time exceeds the smallest ready time (then no task ever waits for its release). */
  private readonly noWait: boolean;
  /** How many full scans of a row were made (for tests and benchmarks). */
  scans = 0;

  constructor(cp: CompiledProblem, kept = keptFor(cp.m)) {
    const { n, m, exec, transfer } = cp;
    this.m = m;
    this.k = m < kept ? m : kept;
    this.release = cp.release;
    let minReady = Infinity;
    for (let j = 0; j < m; j++) if (cp.ready[j]! < minReady) minReady = cp.ready[j]!;
    let maxRelease = -Infinity;
    for (let i = 0; i < n; i++) if (cp.release[i]! > maxRelease) maxRelease = cp.release[i]!;
    this.noWait = maxRelease <= minReady;
    this.cost = new Float64Array(n * m);
    for (let q = 0; q < n * m; q++) this.cost[q] = transfer[q]! + exec[q]!;
    this.kept = new Int32Array(this.k < m ? n * this.k : 0);
    this.bound = new Float64Array(this.k < m ? n : 0);
    this.size = new Int32Array(this.k < m ? n : 0);
    this.delta = new Float64Array(this.k < m ? n : 0);
    this.row = new Float64Array(m);
    this.work = new Float64Array(m);
  }

  /**
   * Task i's best and second-best device and completion time against
   * `avail` (which may only have grown since task i's last call), written
   * to the four arrays at index i exactly as `scanTopTwo` writes them (-1
   * with `Infinity` for a missing device). O(K), or O(m + K) with a scan.
   */
  topTwo(avail: Float64Array, i: number, bestDev: Int32Array, bestCt: Float64Array, secondDev: Int32Array, secondCt: Float64Array, fresh: boolean): void {
    const { m, k, cost } = this;
    const r = this.release[i]!;
    const base = i * m;
    let bd = -1;
    let bc = Infinity;
    let sd = -1;
    let sc = Infinity;
    if (k === m && this.noWait) {
      // No release exceeds any availability: ct = avail + cost, the same value.
      for (let j = 0; j < m; j++) {
        const ct = avail[j]! + cost[base + j]!;
        if (ct < bc) {
          sd = bd;
          sc = bc;
          bd = j;
          bc = ct;
        } else if (ct < sc) {
          sd = j;
          sc = ct;
        }
      }
    } else if (k === m) {
      for (let j = 0; j < m; j++) {
        const a = avail[j]!;
        const ct = (a > r ? a : r) + cost[base + j]!;
        if (ct < bc) {
          sd = bd;
          sc = bc;
          bd = j;
          bc = ct;
        } else if (ct < sc) {
          sd = j;
          sc = ct;
        }
      }
    } else {
      const { kept } = this;
      const at = i * k;
      if (!fresh) {
        // Re-time the kept devices (ascending index, as a scan meets them).
        for (let q = 0, end = this.size[i]!; q < end; q++) {
          const j = kept[at + q]!;
          const a = avail[j]!;
          const ct = (a > r ? a : r) + cost[base + j]!;
          if (ct < bc) {
            sd = bd;
            sc = bc;
            bd = j;
            bc = ct;
          } else if (ct < sc) {
            sd = j;
            sc = ct;
          }
        }
      }
      if (fresh) {
        this.scan(avail, i, bestDev, bestCt, secondDev, secondCt);
        return;
      }
      if (!(sc < this.bound[i]!)) {
        this.sweep(avail, i, bestDev, bestCt, secondDev, secondCt);
        return;
      }
    }
    bestDev[i] = bd;
    bestCt[i] = bc;
    secondDev[i] = sd;
    secondCt[i] = sc;
  }

  /**
   * Scans task i's row: its best two (written out as `scanTopTwo` writes
   * them), the (K+1)-th smallest time v as the bound, and the devices with
   * a time strictly below v as the kept ones (at most K; fewer on ties, and
   * then the next call may scan again). O(m) expected (a quickselect).
   */
  private scan(avail: Float64Array, i: number, bestDev: Int32Array, bestCt: Float64Array, secondDev: Int32Array, secondCt: Float64Array): void {
    const { m, k, kept, row, work } = this;
    this.readRow(avail, i, bestDev, bestCt, secondDev, secondCt);
    const bc = bestCt[i]!;
    work.set(row);
    const bound = select(work, m, k);
    const at = i * k;
    let size = 0;
    for (let j = 0; j < m; j++) if (row[j]! < bound) kept[at + size++] = j;
    this.size[i] = size;
    // With fewer than two below the bound (ties), the next call scans again.
    this.bound[i] = size >= 2 ? bound : -Infinity;
    const gap = bound - bc;
    this.delta[i] = gap > 0 && gap < Infinity ? gap : 0;
  }

  /**
   * Scans task i's row: its best two (written out as `scanTopTwo` writes
   * them), then the devices with a time strictly below the best time plus
   * the task's `delta` as the kept ones (the first K by index), and the
   * smallest time of the others as the bound. Any threshold is correct (the bound
   * covers every device not kept); it only decides how long the kept set
   * lasts, so the task's `delta` is adapted towards about K devices below
   * the threshold. O(m).
   */
  private sweep(avail: Float64Array, i: number, bestDev: Int32Array, bestCt: Float64Array, secondDev: Int32Array, secondCt: Float64Array): void {
    const { m, k, kept, row } = this;
    this.readRow(avail, i, bestDev, bestCt, secondDev, secondCt);
    const bc = bestCt[i]!;
    const sc = secondCt[i]!;
    const at = i * k;
    const threshold = bc + this.delta[i]!;
    let bound = Infinity;
    let size = 0;
    let below = 0;
    for (let j = 0; j < m; j++) {
      const ct = row[j]!;
      if (ct < threshold) {
        below++;
        if (size < k) {
          kept[at + size++] = j;
          continue;
        }
      }
      if (ct < bound) bound = ct;
    }
    if (below > k) {
      // Too many below the threshold: keep exactly the K fastest instead.
      this.work.set(row);
      bound = select(this.work, m, k);
      size = 0;
      for (let j = 0; j < m; j++) if (row[j]! < bound) kept[at + size++] = j;
    }
    this.size[i] = size;
    this.bound[i] = size >= 2 ? bound : -Infinity;
    // About K below next time: scale by K / below (at most ×2 either way).
    let d = this.delta[i]!;
    if (below > k) d *= below > 2 * k ? 0.5 : k / below;
    else if (below < k) {
      const gap = sc - bc;
      d = d > 0 ? d * (2 * below < k ? 2 : k / below) : gap > 0 && gap < Infinity ? gap : 0;
    }
    this.delta[i] = d < Infinity ? d : 0;
  }

  /**
   * One full row scan shared by {@link scan} and {@link sweep}: task i's
   * completion times into `row`, and its best two written out as
   * `scanTopTwo` writes them (lowest device index on ties). O(m).
   */
  private readRow(avail: Float64Array, i: number, bestDev: Int32Array, bestCt: Float64Array, secondDev: Int32Array, secondCt: Float64Array): void {
    const { m, cost, row } = this;
    this.scans++;
    const r = this.release[i]!;
    const base = i * m;
    let bd = -1;
    let bc = Infinity;
    let sd = -1;
    let sc = Infinity;
    for (let j = 0; j < m; j++) {
      const a = avail[j]!;
      const ct = (a > r ? a : r) + cost[base + j]!;
      row[j] = ct;
      if (ct < bc) {
        sd = bd;
        sc = bc;
        bd = j;
        bc = ct;
      } else if (ct < sc) {
        sd = j;
        sc = ct;
      }
    }
    bestDev[i] = bd;
    bestCt[i] = bc;
    secondDev[i] = sd;
    secondCt[i] = sc;
  }
}

/**
 * The value of rank `rank` (0-based) of `a[0..len)` in ascending order,
 * reordering `a` (Hoare quickselect, median-of-three pivots; never NaN).
 * O(len) expected.
 */
function select(a: Float64Array, len: number, rank: number): number {
  let lo = 0;
  let hi = len - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let p = lo;
    let q = hi;
    while (p <= q) {
      while (a[p]! < pivot) p++;
      while (a[q]! > pivot) q--;
      if (p <= q) {
        const t = a[p]!;
        a[p++] = a[q]!;
        a[q--] = t;
      }
    }
    if (rank <= q) hi = q;
    else if (rank >= p) lo = p;
    else return a[rank]!;
  }
  return a[rank]!;
}
