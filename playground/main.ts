/**
 * The browser playground: edit a problem in JSON, pick a strategy, and see
 * the Gantt chart, the metrics and the decision trace. Everything runs in the
 * page, from the library's ESM build (dist/index.js), bundled into
 * playground/dist/playground.js by scripts/clients/build-playground.mjs.
 */
import {
  parseProblemJson,
  problemToJson,
  scheduleToSvg,
  solve,
  strategyNames,
  workedExampleProblem,
  type CostModel,
  type Solution,
  type StrategyName,
} from '../dist/index.js';

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`playground: #${id} is missing from index.html`);
  return el as T;
};

const input = byId<HTMLTextAreaElement>('input');
const strategy = byId<HTMLSelectElement>('strategy');
const costModel = byId<HTMLSelectElement>('costModel');
const error = byId<HTMLDivElement>('error');
const results = byId<HTMLDivElement>('results');
const gantt = byId<HTMLDivElement>('gantt');
const metricsBody = byId<HTMLTableElement>('metrics').tBodies[0]!;
const traceBody = byId<HTMLTableElement>('trace').tBodies[0]!;

/** The article's worked example with a cloud transfer time of 30, as `lepton-sched example` uses. */
const workedExampleText = (): string => problemToJson(workedExampleProblem(30));

const cell = (row: HTMLTableRowElement, text: string, header = false): void => {
  const c = document.createElement(header ? 'th' : 'td');
  c.textContent = text;
  row.append(c);
};

/** Up to three decimals, no trailing zeros (47.5, not 47.500). */
const fmt = (x: number): string => (Number.isFinite(x) ? String(+x.toFixed(3)) : String(x));

function clear(): void {
  error.textContent = '';
  results.hidden = false;
  gantt.replaceChildren();
  metricsBody.replaceChildren();
  traceBody.replaceChildren();
}

function showMetrics(s: Solution): void {
  const rows: [string, string, string][] = [
    ['makespan', 'makespan', String(s.makespan)],
    ['lower bound', 'lower-bound', fmt(s.lowerBound)],
    ['gap to the bound', 'gap', Number.isFinite(s.gap) ? `${(100 * s.gap).toFixed(1)}%` : String(s.gap)],
    ['flowtime', 'flowtime', fmt(s.metrics.flowtime)],
    ['weighted flowtime', 'weighted-flowtime', fmt(s.metrics.weightedFlowtime)],
    ['total transfer', 'total-transfer', fmt(s.metrics.totalTransfer)],
    ['load imbalance', 'load-imbalance', fmt(s.metrics.loadImbalance)],
    ['deadline misses', 'deadline-misses', String(s.metrics.deadlineMisses.length)],
    ['stopped early', 'stopped-early', String(s.stoppedEarly)],
  ];
  for (const [label, key, value] of rows) {
    const tr = metricsBody.insertRow();
    tr.id = `metric-${key}`;
    cell(tr, label, true);
    cell(tr, value);
  }
}

function showTrace(s: Solution): void {
  const taskId = (i: number): string => s.schedule.tasks[i]?.id ?? String(i);
  const deviceId = (j: number): string => s.schedule.devices[j]?.id ?? String(j);
  if (s.trace.length === 0) {
    const td = traceBody.insertRow().insertCell();
    td.colSpan = 6;
    td.className = 'note';
    td.textContent = `${s.strategy} records no per-task decisions: it searches over whole assignments`;
    return;
  }
  for (const d of s.trace) {
    const tr = traceBody.insertRow();
    cell(tr, String(d.step));
    cell(tr, taskId(d.task));
    cell(tr, deviceId(d.chosen));
    cell(tr, fmt(d.margin));
    cell(tr, d.candidates.map((c) => `${deviceId(c.device)}: ${fmt(c.score)}`).join(', '));
    cell(tr, d.excluded.map((x) => `${deviceId(x.device)} (${x.reason})`).join(', '));
  }
}

function run(): void {
  clear();
  try {
    const problem = parseProblemJson(input.value);
    const s = solve(problem, {
      strategy: strategy.value as StrategyName,
      costModel: costModel.value as CostModel,
      trace: true,
      maxIterations: 5000,
      timeLimitMs: 2000,
    });
    gantt.innerHTML = scheduleToSvg(s.schedule, { title: `${s.strategy}: makespan ${fmt(s.makespan)}` });
    showMetrics(s);
    showTrace(s);
  } catch (e) {
    // The library's typed errors carry their class name and a message naming the field.
    error.textContent = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    results.hidden = true;
  }
}

for (const name of strategyNames) strategy.add(new Option(name, name, name === 'seed', name === 'seed'));
input.value = workedExampleText();
byId<HTMLButtonElement>('solve').addEventListener('click', run);
byId<HTMLButtonElement>('reset').addEventListener('click', () => {
  input.value = workedExampleText();
  run();
});
run();
