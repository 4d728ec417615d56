// Task-graph list schedulers on generated layered DAGs (generateWorkflow,
// Topcuoglu et al. 2002's parameters, fixed seeds) at 1000 tasks × 16 devices
// and 10 000 tasks × 64 devices, beside a reference implementation named
// `baseline: ...`:
// - `baseline: naive HEFT (objects, edge-list rescans)` is HEFT as it is often
//   first written: tasks and intervals as arrays of objects, each task's
//   predecessors found by scanning the whole edge list once per task (O(n·e)), upward ranks
//   by memoized recursion over the same scans, each device's intervals
//   scanned from the start for a slot. Same schedule, no CSR, no typed arrays.
// Strategies are timed on the compiled workflow (WORKFLOW_STRATEGIES[name],
// the algorithm alone); `scheduleWorkflow: heft` times the public call end to
// end (validate + compile, run, evaluate, lower bound).
import { bench, describe } from 'vitest';
import { compileWorkflow } from '../src/workflow/compile.js';
import { generateWorkflow } from '../src/workflow/generate.js';
import { scheduleWorkflow, WORKFLOW_STRATEGIES, type WorkflowStrategyName } from '../src/workflow/scheduleWorkflow.js';
import type { Workflow } from '../src/workflow/types.js';
import { benchOptions, sizes } from './scale.js';

const STRATEGIES: readonly WorkflowStrategyName[] = ['heft', 'cpop', 'peft'];

interface Case {
  readonly label: string;
  readonly workflow: () => Workflow;
}

const cases: readonly Case[] = [
  { label: 'generateWorkflow 1000×16 (seed 1)', workflow: () => generateWorkflow({ n: 1000, m: 16 }, 1) },
  { label: 'generateWorkflow 10000×64 (seed 2)', workflow: () => generateWorkflow({ n: 10_000, m: 64 }, 2) },
];

let sink = 0;

interface Slot {
  start: number;
  finish: number;
}

/** HEFT without CSR or typed arrays: the naive baseline (see the header). Returns the makespan. */
function naiveHeft(w: Workflow): number {
  const n = w.tasks.length;
  const m = w.devices.length;
  const index = new Map(w.tasks.map((t, i) => [t.id, i]));
  const edges = w.edges.map((e) => ({ from: index.get(e.from)!, to: index.get(e.to)!, data: e.data }));
  const mean = w.execTime.map((row) => {
    const ok = row.filter((x) => x < Infinity);
    return ok.reduce((a, x) => a + x, 0) / ok.length;
  });
  const rank = new Map<number, number>();
  const rankU = (i: number): number => {
    const known = rank.get(i);
    if (known !== undefined) return known;
    let tail = 0;
    for (const e of edges) if (e.from === i) tail = Math.max(tail, (m > 1 ? e.data : 0) + rankU(e.to));
    const r = mean[i]! + tail;
    rank.set(i, r);
    return r;
  };
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rankU(b) - rankU(a) || a - b);
  const placed: { device: number; finish: number }[] = new Array(n);
  const timelines: Slot[][] = Array.from({ length: m }, () => []);
  let makespan = 0;
  for (const i of order) {
    let best = { device: -1, start: 0, finish: Infinity, at: 0 };
    const preds = edges.filter((e) => e.to === i);
    for (let j = 0; j < m; j++) {
      const dur = w.execTime[i]![j]!;
      if (dur === Infinity) continue;
      let est = 0;
      for (const e of preds) est = Math.max(est, placed[e.from]!.finish + (placed[e.from]!.device === j ? 0 : e.data));
      const line = timelines[j]!;
      let t = est;
      let at = line.length;
      for (let k = 0; k < line.length; k++) {
        if (t + dur <= line[k]!.start) {
          at = k;
          break;
        }
        t = Math.max(t, line[k]!.finish);
      }
      if (t + dur < best.finish) best = { device: j, start: t, finish: t + dur, at };
    }
    timelines[best.device]!.splice(best.at, 0, { start: best.start, finish: best.finish });
    placed[i] = { device: best.device, finish: best.finish };
    makespan = Math.max(makespan, best.finish);
  }
  return makespan;
}

for (const c of sizes(cases)) {
  describe(c.label, () => {
    const workflow = c.workflow();
    const cw = compileWorkflow(workflow);

    bench('baseline: naive HEFT (objects, edge-list rescans)', () => {
      sink += naiveHeft(workflow);
    }, benchOptions);
    for (const name of STRATEGIES) {
      bench(name, () => {
        sink += WORKFLOW_STRATEGIES[name](cw).placement[0] ?? 0;
      }, benchOptions);
    }
    bench('scheduleWorkflow: heft (end to end)', () => {
      sink += scheduleWorkflow(workflow).makespan;
    }, benchOptions);
  });
}

// Keeps the results observable so no case can be optimized away.
export { sink };
