// Checks an executed examples/notebook.ipynb (the output of nbconvert
// --execute): every code cell ran, no cell raised or wrote to stderr, the SVG
// pictures are there (counted, with one bar per task in the Gantt charts),
// and every `name[key] = value` line the notebook printed equals the value
// recomputed here with the library's build (dist/index.js), with no line
// missing and none extra. Usage: node scripts/clients/check-notebook.mjs EXECUTED.ipynb
import { readFileSync } from 'node:fs';
import {
  evaluate, loads, parseHcsp, priorities, simulate, solve, strategyNames, transferTimes, workedExample, workedExampleProblem,
  parseWorkflowJson, scheduleWorkflow, workflowStrategyNames, parseProblemJson, paretoFront,
} from '../../dist/index.js';

const path = process.argv[2];
if (!path) throw new Error('usage: node scripts/clients/check-notebook.mjs EXECUTED.ipynb');
const nb = JSON.parse(readFileSync(path, 'utf8'));
const text = (s) => (Array.isArray(s) ? s.join('') : String(s ?? ''));
let failures = 0;
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
};

// --- the values, recomputed with the same formatting as the notebook ------
const list = (xs) => Array.from(xs, (x) => +x.toFixed(4)).join(', ');
const want = new Map();
const we = workedExample;
want.set('priorities[base]', list(priorities(we.tasks)));
want.set('priorities[normalized]', list(priorities(we.tasks, { form: 'normalized' })));
want.set('loads[base]', list(loads(we.devices)));
want.set('loads[normalized]', list(loads(we.devices, { form: 'normalized' })));
want.set('transferTimes[base]', list(transferTimes(we.transfers)));
const article = workedExampleProblem(30);
const independent = evaluate(article, [...we.published.assignment], { costModel: 'independent' });
want.set('finish times[published, independent]', independent.tasks.map((t) => t.finish).join(', '));
want.set('makespan[published, independent]', String(independent.metrics.makespan));
want.set('makespan[published, sequential]', String(evaluate(article, [...we.published.assignment]).metrics.makespan));
for (const s of ['seed', 'min-min', 'sufferage']) want.set(`makespan[worked, ${s}]`, String(solve(article, { strategy: s }).makespan));
const braun = parseHcsp(readFileSync(new URL('../../data/hcsp/u_i_hihi.0', import.meta.url), 'utf8'));
const results = strategyNames.map((strategy) => solve(braun, { strategy, maxIterations: 100, timeLimitMs: 600_000 }));
for (const r of results) want.set(`makespan[braun, ${r.strategy}]`, String(r.makespan));
want.set('best[braun]', results.reduce((a, b) => (b.makespan < a.makespan ? b : a)).strategy);
const graph = parseWorkflowJson(readFileSync(new URL('../../data/workflows/topcuoglu2002.json', import.meta.url), 'utf8'));
for (const s of workflowStrategyNames) want.set(`makespan[graph, ${s}]`, String(scheduleWorkflow(graph, { strategy: s }).makespan));
const phone = parseProblemJson(readFileSync(new URL('../../examples/pareto-edge-cloud.json', import.meta.url), 'utf8'));
const front = await paretoFront(phone, { objectives: ['makespan', 'energy'], method: 'exact' });
front.points.forEach((p, k) => want.set(`front[${k}]`, p.objectives.join(', ')));
const devices = [
  { id: 'camera-box', tier: 'edge', speed: 1, bandwidth: 100 },
  { id: 'gateway', tier: 'edge', speed: 2, bandwidth: 50, latency: 0.1, slowdown: 1.5 },
  { id: 'cloud', tier: 'cloud', speed: 10, bandwidth: 20, latency: 2 },
];
const workload = { kind: 'poisson', rate: 0.4, count: 200, tasks: [{ work: 4, dataSize: 2 }, { work: 12, dataSize: 30 }, { work: 30, dataSize: 5 }] };
for (const s of ['seed', 'sufferage']) want.set(`meanResponse[sim, ${s}]`, String(simulate(workload, devices, { strategy: s, batchInterval: 2 }, { seed: 42 }).metrics.meanResponse));

// --- what the executed notebook shows --------------------------------------
const got = new Map();
const svgs = [];
const codeCells = nb.cells.filter((c) => c.cell_type === 'code');
for (const [k, cell] of codeCells.entries()) {
  check(typeof cell.execution_count === 'number', `code cell ${k + 1} was executed (execution_count ${cell.execution_count})`);
  for (const o of cell.outputs) {
    if (o.output_type === 'error') check(false, `code cell ${k + 1} raised ${o.ename}: ${o.evalue}`);
    if (o.output_type === 'stream' && o.name === 'stderr') check(false, `code cell ${k + 1} wrote to stderr: ${text(o.text).slice(0, 300)}`);
    // The notebook prints through display messages (text/plain); stdout is read too.
    const printed = o.output_type === 'stream' && o.name === 'stdout' ? text(o.text) : text(o.data?.['text/plain']);
    {
      for (const line of printed.split('\n')) {
        const m = /^([\w ]+\[[^\]]+\]) = (.*)$/.exec(line);
        if (m) got.set(m[1], m[2]);
      }
    }
    const svg = o.data?.['image/svg+xml'];
    if (svg !== undefined) svgs.push(text(svg));
  }
}
for (const [key, value] of want) check(got.get(key) === value, `${key} = ${got.get(key)} (library: ${value})`);
for (const key of got.keys()) if (!want.has(key)) check(false, `${key}: printed by the notebook but not checked here`);
const bars = (svg) => (svg.match(/<g class="task[ "]/g) ?? []).length;
check(svgs.length === 7, `${svgs.length} SVG outputs (expected 7: two worked-example Gantt charts, the Braun bar chart and Gantt chart, the task-graph Gantt chart, the Pareto front, the simulation plot)`);
check(svgs.every((s) => s.startsWith('<svg') && s.trimEnd().endsWith('</svg>')), 'every SVG output is a whole <svg> document');
check(bars(svgs[0] ?? '') === 5 && bars(svgs[1] ?? '') === 5, `worked-example Gantt charts: ${bars(svgs[0] ?? '')} and ${bars(svgs[1] ?? '')} bars for 5 tasks`);
check(bars(svgs[3] ?? '') === braun.tasks.length, `Braun Gantt chart: ${bars(svgs[3] ?? '')} bars for ${braun.tasks.length} tasks`);
check(strategyNames.every((s) => (svgs[2] ?? '').includes(`>${s}<`)), 'the bar chart labels every strategy');
check(bars(svgs[4] ?? '') === graph.tasks.length, `task-graph Gantt chart: ${bars(svgs[4] ?? '')} bars for ${graph.tasks.length} tasks`);
const dots = ((svgs[5] ?? '').match(/<circle class="(point|highlight-point)"/g) ?? []).length; // the highlighted point is drawn apart
check(dots === front.points.length, `Pareto front picture: ${dots} points for ${front.points.length} on the front`);
if (failures > 0) {
  console.error(`check-notebook: ${failures} check(s) failed`);
  process.exit(1);
}
console.log(`check-notebook: ${want.size} values, ${svgs.length} pictures, all as the library computes them`);
