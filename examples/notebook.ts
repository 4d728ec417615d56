/**
 * A notebook-style walk-through of lepton-sched, one cell after another:
 * build a problem, compare strategies, draw the best schedule, run the
 * online scheduler and a short simulation, and save the pictures and a JSON
 * result in a temp folder (the paths are printed).
 *
 * Run: npx tsx examples/notebook.ts
 * In a Jupyter notebook with the Deno kernel, paste the cells and import
 * from "npm:lepton-sched" instead of "../src/index.js".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  complete,
  createOnlineState,
  evaluate,
  lineChartToSvg,
  problemFromPhysical,
  scheduleToSvg,
  simulate,
  solutionToJson,
  solve,
  strategyNames,
  submit,
  workedExampleProblem,
} from '../src/index.js';

const out = join(tmpdir(), 'lepton-sched-notebook');
mkdirSync(out, { recursive: true });
const save = (name: string, text: string): string => {
  const path = join(out, name);
  writeFileSync(path, text);
  return path;
};
const cell = (title: string): void => console.log(`\n## ${title}`);

// ---------------------------------------------------------------------------
cell("1. The article's worked example, under its own cost model");
const article = workedExampleProblem(30); // the cloud's transfer time is not in the article: 30 is our choice
const published = evaluate(article, [0, 1, 2, 1, 0], { costModel: 'independent' });
console.log('published assignment, finish times:', published.tasks.map((t) => t.finish).join(', ')); // 38, 54, 64, 54, 38
console.log('the same assignment when devices run one task at a time: makespan', evaluate(article, [0, 1, 2, 1, 0]).metrics.makespan);

// ---------------------------------------------------------------------------
cell('2. A problem from physical quantities: 8 tasks, 2 edge devices, 1 cloud');
const problem = problemFromPhysical(
  [
    { id: 'detect-1', work: 4, dataSize: 2, criteria: { importance: 4, urgency: 5, satisfaction: 3 } },
    { id: 'detect-2', work: 4, dataSize: 2, criteria: { importance: 4, urgency: 5, satisfaction: 3 } },
    { id: 'ocr', work: 12, dataSize: 30, criteria: { importance: 3, urgency: 2, satisfaction: 4 } },
    { id: 'transcode', work: 30, dataSize: 80, criteria: { importance: 2, urgency: 1, satisfaction: 3 } },
    { id: 'forecast', work: 60, dataSize: 4, criteria: { importance: 5, urgency: 2, satisfaction: 5 } },
    { id: 'alarm', work: 1, dataSize: 0.5, deadline: 3, criteria: { importance: 5, urgency: 5, satisfaction: 5 } },
    { id: 'report', work: 20, dataSize: 10, criteria: { importance: 1, urgency: 1, satisfaction: 2 } },
    { id: 'backup', work: 5, dataSize: 120, criteria: { importance: 1, urgency: 1, satisfaction: 1 } },
  ],
  [
    { id: 'camera-box', tier: 'edge', speed: 1, bandwidth: 100 },
    { id: 'gateway', tier: 'edge', speed: 2, bandwidth: 50, latency: 0.1 },
    { id: 'cloud', tier: 'cloud', speed: 10, bandwidth: 20, latency: 2 },
  ],
);
console.log(`${problem.tasks.length} tasks x ${problem.devices.length} devices`);

// ---------------------------------------------------------------------------
cell('3. Compare every built-in strategy');
// Iterative strategies stop at 5 000 iterations (deterministic) or 2 s, whichever comes first.
const solutions = strategyNames.map((strategy) => solve(problem, { strategy, maxIterations: 5000, timeLimitMs: 2000 }));
console.log('strategy'.padEnd(18), 'makespan'.padStart(9), 'flowtime'.padStart(9), 'gap'.padStart(7), ' assignment');
for (const s of solutions) {
  console.log(s.strategy.padEnd(18), s.makespan.toFixed(2).padStart(9), s.metrics.flowtime.toFixed(1).padStart(9), `${(100 * s.gap).toFixed(0)}%`.padStart(7), '', s.assignment.join(' '));
}
const best = solutions.reduce((a, b) => (b.makespan < a.makespan ? b : a));
console.log(`best makespan: ${best.strategy} (${best.makespan.toFixed(2)}), lower bound ${best.lowerBound.toFixed(2)}`);

// ---------------------------------------------------------------------------
cell('4. Pictures and a JSON result');
const ganttPath = save('best.svg', scheduleToSvg(best.schedule, { title: `${best.strategy}: makespan ${best.makespan.toFixed(2)}` }));
const articlePath = save('article-published.svg', scheduleToSvg(published, { title: "The article's published assignment (independent model)" }));
const jsonPath = save('best.json', solutionToJson(best));
console.log(`Gantt chart: ${ganttPath}\nArticle's Gantt chart: ${articlePath}\nJSON: ${jsonPath}`);

// ---------------------------------------------------------------------------
cell('5. Online: submit batches as they arrive, report completions, learn');
let state = createOnlineState(problem.devices);
const rows = (i: number): { id: string; execTime: number[]; transferTime: number[] } => ({ id: problem.tasks[i]!.id, execTime: [...problem.execTime[i]!], transferTime: [...problem.transferTime![i]!] });
const first = submit(state, [rows(0), rows(1), rows(2)], 0, { strategy: 'seed' });
state = first.state;
for (const d of first.decisions) console.log(`t=0  ${d.id} -> ${d.deviceId}, planned ${d.start.toFixed(2)}..${d.finish.toFixed(2)}`);
// The gateway turns out 1.5x slower than its nominal speed.
for (const d of first.decisions) state = complete(state, d.id, { exec: d.exec * (d.deviceId === 'gateway' ? 1.5 : 1) });
console.log('learnt ratios:', state.devices.map((d) => `${d.id} ${d.ratio.toFixed(2)}`).join(', '));
const second = submit(state, [rows(5), rows(4)], state.now, { strategy: 'seed' });
for (const d of second.decisions) console.log(`t=${state.now.toFixed(2)}  ${d.id} -> ${d.deviceId}, planned exec ${d.exec.toFixed(2)}`);
const checkpoint = JSON.stringify(second.state); // states are plain data: checkpoint and restore freely
console.log(`checkpoint: ${checkpoint.length} bytes of JSON`);

// ---------------------------------------------------------------------------
cell('6. A short simulation: response time against arrival time');
const devices = [
  { id: 'camera-box', tier: 'edge' as const, speed: 1, bandwidth: 100 },
  { id: 'gateway', tier: 'edge' as const, speed: 2, bandwidth: 50, latency: 0.1, slowdown: 1.5 },
  { id: 'cloud', tier: 'cloud' as const, speed: 10, bandwidth: 20, latency: 2 },
];
const workload = { kind: 'poisson' as const, rate: 0.4, count: 200, tasks: [{ work: 4, dataSize: 2 }, { work: 12, dataSize: 30 }, { work: 30, dataSize: 5 }] };
const series = (['seed', 'sufferage'] as const).map((strategy) => {
  const r = simulate(workload, devices, { strategy, batchInterval: 2 }, { seed: 42 });
  console.log(`${strategy}: mean response ${r.metrics.meanResponse.toFixed(2)}, p95 ${r.metrics.p95Response.toFixed(2)}, ${r.metrics.events} events`);
  return { name: strategy, points: r.schedule.tasks.map((t, k) => [r.arrivals[k]!, t.finish - r.arrivals[k]!] as [number, number]) };
});
const plotPath = save('response-time.svg', lineChartToSvg(series, { title: 'Response time by arrival', xLabel: 'arrival time', yLabel: 'response time' }));
console.log(`plot: ${plotPath}`);
