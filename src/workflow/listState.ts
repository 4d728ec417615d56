/**
 * The partial schedule a list scheduler builds: device, start and finish per
 * placed task, and one {@link Timeline} per device.
 * @internal
 * @module
 */
import { transferTime } from './comm.js';
import { Timeline } from './timeline.js';
import type { CompiledWorkflow } from './types.js';

/** What every strategy returns: a device per task and each device's run order. @internal */
export interface WorkflowPlan {
  readonly placement: Int32Array;
  readonly order: number[][];
}

/** A partial schedule. @internal */
export class ListState {
  readonly device: Int32Array;
  readonly start: Float64Array;
  readonly finish: Float64Array;
  readonly timelines: Timeline[];
  /** Tasks placed so far, in placement order. */
  placed = 0;

  constructor(readonly cw: CompiledWorkflow) {
    this.device = new Int32Array(cw.n).fill(-1);
    this.start = new Float64Array(cw.n);
    this.finish = new Float64Array(cw.n);
    this.timelines = Array.from(cw.ready, (r) => new Timeline(r));
  }

  /**
   * When task i's inputs are all on device j and it is released:
   * max(release_i, max over placed predecessors p of finish_p + transfer(p → j)).
   * Unplaced predecessors are ignored (lookahead uses this). O(in-degree).
   */
  dataReady(i: number, j: number): number {
    const cw = this.cw;
    let t = cw.release[i]!;
    for (let k = cw.predStart[i]!; k < cw.predStart[i + 1]!; k++) {
      const p = cw.pred[k]!;
      const d = this.device[p]!;
      if (d < 0) continue;
      const a = this.finish[p]! + transferTime(cw, cw.predEdge[k]!, d, j);
      if (a > t) t = a;
    }
    return t;
  }

  /** Places task i on device j at [start, finish), timeline position pos. */
  place(i: number, j: number, start: number, finish: number, pos: number): void {
    this.device[i] = j;
    this.start[i] = start;
    this.finish[i] = finish;
    this.timelines[j]!.place(pos, i, start, finish);
    this.placed++;
  }

  /** Undoes {@link place} of task i (which sits at timeline position pos). */
  unplace(i: number, pos: number): void {
    this.timelines[this.device[i]!]!.remove(pos);
    this.device[i] = -1;
    this.placed--;
  }

  /** The plan: placement and per-device order from the timelines. */
  plan(): WorkflowPlan {
    return { placement: Int32Array.from(this.device), order: this.timelines.map((t) => t.tasks.slice()) };
  }
}
