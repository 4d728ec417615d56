/**
 * The browser playground: edit a problem or a workflow (task graph) in JSON,
 * pick a strategy, and see the Gantt chart, the metrics and the decision
 * trace (or, for a workflow, where and when each task runs). Everything runs
 * in the page, from the library's ESM build (dist/index.js), bundled into
 * playground/dist/playground.js by scripts/clients/build-playground.mjs.
 */
import {
  parseProblemJson,
  parseWorkflowJson,
  problemToJson,
  scheduleToSvg,
  scheduleWorkflow,
  solve,
  strategyNames,
  workedExampleProblem,
  workflowStrategyNames,
  workflowToJson,
  workflowToSvg,
  type CostModel,
  type Solution,
  type StrategyName,
  type WorkflowSolution,
  type WorkflowStrategyName,
} from '../dist/index.js';
import topcuoglu2002 from '../data/workflows/topcuoglu2002.json';

const byId = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`playground: #${id} is missing from index.html`);
  return el as T;
};

const kind = byId<HTMLSelectElement>('kind');
const input = byId<HTMLTextAreaElement>('input');
const inputLabel = byId<HTMLLabelElement>('input-label');
const inputNote = byId<HTMLSpanElement>('input-note');
const strategy = byId<HTMLSelectElement>('strategy');
const costModel = byId<HTMLSelectElement>('costModel');
const error = byId<HTMLDivElement>('error');
const results = byId<HTMLDivElement>('results');
const gantt = byId<HTMLDivElement>('gantt');
const metricsBody = byId<HTMLTableElement>('metrics').tBodies[0]!;
const traceSection = byId<HTMLDivElement>('trace-section');
const traceBody = byId<HTMLTableElement>('trace').tBodies[0]!;
const runsSection = byId<HTMLDivElement>('runs-section');
const runsBody = byId<HTMLTableElement>('runs').tBodies[0]!;

/** Each input kind: its example, its strategies (default first) and how the text box is described. */
const KINDS = {
  problem: {
    // The article's worked example with a cloud transfer time of 30, as `lepton-sched example` uses.
    example: (): string => problemToJson(workedExampleProblem(30)),
    strategies: strategyNames as readonly string[],
    label: 'Problem (JSON)',
    note: 'the format of parseProblemJson; write "Infinity" for a forbidden pair',
  },
  workflow: {
    // Topcuoglu, Hariri and Wu 2002's ten-task sample graph (data/workflows/topcuoglu2002.json).
    example: (): string => workflowToJson(parseWorkflowJson(JSON.stringify(topcuoglu2002))),
    strategies: workflowStrategyNames as readonly string[],
    label: 'Workflow (JSON)',
    note: 'the format of parseWorkflowJson: tasks, devices, execTime, edges {from, to, data}, network',
  },
} as const;
type Kind = keyof typeof KINDS;

const cell = (row: HTMLTableRowElement, text: string, header = false): void => {
  const c = document.createElement(header ? 'th' : 'td');
  c.textContent = text;
  row.append(c);
};

/** Up to three decimals, no trailing zeros (47.5, not 47.500). */
const fmt = (x: number): string => (Number.isFinite(x) ? String(+x.toFixed(3)) : String(x));
const percent = (gap: number): string => (Number.isFinite(gap) ? `${(100 * gap).toFixed(1)}%` : String(gap));

function clear(): void {
  error.textContent = '';
  results.hidden = false;
  for (const el of [gantt, metricsBody, traceBody, runsBody]) el.replaceChildren();
}

function showMetrics(rows: readonly (readonly [string, string, string])[]): void {
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

function runProblem(text: string): void {
  const s = solve(parseProblemJson(text), {
    strategy: strategy.value as StrategyName,
    costModel: costModel.value as CostModel,
    trace: true,
    maxIterations: 5000,
    timeLimitMs: 2000,
  });
  gantt.innerHTML = scheduleToSvg(s.schedule, { title: `${s.strategy}: makespan ${fmt(s.makespan)}` });
  showMetrics([
    ['makespan', 'makespan', String(s.makespan)],
    ['lower bound', 'lower-bound', fmt(s.lowerBound)],
    ['gap to the bound', 'gap', percent(s.gap)],
    ['flowtime', 'flowtime', fmt(s.metrics.flowtime)],
    ['weighted flowtime', 'weighted-flowtime', fmt(s.metrics.weightedFlowtime)],
    ['total transfer', 'total-transfer', fmt(s.metrics.totalTransfer)],
    ['load imbalance', 'load-imbalance', fmt(s.metrics.loadImbalance)],
    ['deadline misses', 'deadline-misses', String(s.metrics.deadlineMisses.length)],
    ['stopped early', 'stopped-early', String(s.stoppedEarly)],
  ]);
  showTrace(s);
}

function runWorkflow(text: string): void {
  const w = parseWorkflowJson(text);
  const s: WorkflowSolution = scheduleWorkflow(w, { strategy: strategy.value as WorkflowStrategyName });
  gantt.innerHTML = workflowToSvg(s.schedule, w, { title: `${s.strategy}: makespan ${fmt(s.makespan)}` });
  const m = s.schedule.metrics;
  showMetrics([
    ['makespan', 'makespan', String(s.makespan)],
    ['lower bound', 'lower-bound', fmt(s.lowerBound)],
    ['gap to the bound', 'gap', percent(s.gap)],
    ['flowtime', 'flowtime', fmt(m.flowtime)],
    ['data moved', 'data-moved', fmt(m.dataMoved)],
    ['deadline misses', 'deadline-misses', String(m.deadlineMisses.length)],
  ]);
  const byStart = [...s.schedule.tasks].sort((a, b) => a.start - b.start || a.task - b.task);
  for (const t of byStart) {
    const tr = runsBody.insertRow();
    cell(tr, t.id);
    cell(tr, w.devices[t.device]?.id ?? String(t.device));
    cell(tr, fmt(t.start));
    cell(tr, fmt(t.finish));
  }
}

function run(): void {
  clear();
  const isWorkflow = (kind.value as Kind) === 'workflow';
  traceSection.hidden = isWorkflow;
  runsSection.hidden = !isWorkflow;
  try {
    if (isWorkflow) runWorkflow(input.value);
    else runProblem(input.value);
  } catch (e) {
    // The library's typed errors carry their class name and a message naming the field.
    error.textContent = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    results.hidden = true;
  }
}

/** Shows the chosen kind's example, strategies and description, then solves it. */
function loadExample(): void {
  const k = KINDS[kind.value as Kind];
  strategy.replaceChildren(...k.strategies.map((name, i) => new Option(name, name, i === 0, i === 0)));
  costModel.disabled = kind.value === 'workflow';
  inputLabel.innerHTML = `<b>${k.label}</b>`;
  inputNote.textContent = k.note;
  input.value = k.example();
  run();
}

byId<HTMLButtonElement>('solve').addEventListener('click', run);
byId<HTMLButtonElement>('reset').addEventListener('click', loadExample);
kind.addEventListener('change', loadExample);
loadExample();
