/**
 * `lepton-sched workflow FILE [--strategy S] [--json] [--svg OUT] [--format F]
 * [--cores]`: read a task graph, schedule it, print the result.
 *
 * File formats (`--format auto`, the default, decides by the top-level shape
 * of the JSON object): an object with a `schemaVersion` or a `workflow` key
 * is a WfCommons instance (`parseWfCommons`, WfFormat 1.4-1.6); anything else
 * is the project's JSON workflow file (`parseWorkflowJson`: `tasks`,
 * `devices`, `execTime`, `edges`, `network`). `--format json|wfcommons`
 * forces one. `--cores` (WfCommons only) makes one device per CPU core.
 *
 * Output: a summary and tables by default (when some device has `power` or
 * `price`, also the energy in joules split into execution, transfer and idle,
 * the cost, and both per device); with `--json` the whole solution
 * as JSON (non-finite numbers as strings). `--svg OUT` also writes the Gantt
 * chart (`workflowToSvg`). Exit codes: 0 scheduled; 2 usage error, unreadable
 * or bad file (one message on stderr, no stack trace).
 * @internal
 * @module
 */
import { didYouMean } from '../internal/suggest.js';
import { parseArgs } from 'node:util';
import { parseWfCommons } from '../io/wfcommons.js';
import { parseWorkflowJson } from '../io/workflowJson.js';
import { workflowToSvg } from '../render/workflowGantt.js';
import { scheduleWorkflow, workflowStrategyNames, type WorkflowSolution, type WorkflowStrategyName } from '../workflow/scheduleWorkflow.js';
import type { Workflow } from '../workflow/types.js';
import { count, exitOnMistake, readText, UsageError as Usage, type CliIo } from './io.js';
import { writeSvg } from './solve.js';
import { num, table } from './table.js';

/** Usage text of the `workflow` command, for the CLI's help. @internal */
export const WORKFLOW_USAGE = `  lepton-sched workflow FILE [options]   schedule a task graph (JSON workflow or WfCommons)
      --strategy S      ${workflowStrategyNames.join(' | ')} (default heft)
      --format F        auto | json | wfcommons (default auto: a top-level
                        "schemaVersion" or "workflow" key is WfCommons)
      --cores           WfCommons: one device per CPU core of each machine
      --json            print the full solution as JSON instead of tables
      --svg PATH        also write the schedule's Gantt chart as SVG to PATH
`;

/** Which reader a file goes to under `--format auto`: by the top-level keys of the JSON object. @internal */
export function detectWorkflowFormat(text: string): 'json' | 'wfcommons' {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'json'; // the JSON reader reports the syntax error
  }
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && ('schemaVersion' in raw || 'workflow' in raw) ? 'wfcommons' : 'json';
}

function stringifySolution(s: WorkflowSolution): string {
  return JSON.stringify(s, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2);
}

function report(file: string, format: string, w: Workflow, s: WorkflowSolution): string {
  const m = s.schedule.metrics;
  const gap = Number.isFinite(s.gap) ? `${(s.gap * 100).toFixed(2)}%` : String(s.gap);
  const misses = m.deadlineMisses.length === 0 ? 'none' : m.deadlineMisses.map((d) => `${d.id} by ${num(d.lateness)}`).join(', ');
  // Energy and cost only when some device carries power or price figures: other files print as before.
  const priced = w.devices.some((d) => d.power !== undefined || d.price !== undefined);
  const sum = (k: 'execution' | 'transfer' | 'idle'): number => m.energy.perDevice.reduce((a, d) => a + d[k], 0);
  const flows = m.dataMovedBetweenTiers.length === 0 ? 'none' : m.dataMovedBetweenTiers.map((f) => `${f.from}->${f.to} ${num(f.data)} (${count(f.edges, 'edge')})`).join(', ');
  const lines = [
    `${file} (${format}): ${count(w.tasks.length, 'task')}, ${count(w.edges.length, 'edge')} x ${count(w.devices.length, 'device')}; strategy ${s.strategy}`,
    '',
    table([
      ['makespan', 'lower bound', 'gap', 'flowtime', 'data moved'],
      [num(s.makespan), num(s.lowerBound), gap, num(m.flowtime), num(m.dataMoved)],
    ]),
    `  between tiers: ${flows}`,
    `  deadline misses: ${misses}`,
    ...(priced ? [`  energy: ${num(m.energy.total)} J (execution ${num(sum('execution'))}, transfer ${num(sum('transfer'))}, idle ${num(sum('idle'))}); cost: ${num(m.cost.total)}`] : []),
    '',
    'Devices',
    table([
      ['device', 'id', 'tier', 'tasks', 'busy', 'utilization', ...(priced ? ['energy J', 'cost'] : [])],
      ...s.schedule.devices.map((d) => [
        String(d.device), d.id, d.tier, String(d.tasks.length), num(d.busy), num(d.utilization),
        ...(priced ? [num(m.energy.perDevice[d.device]!.total), num(m.cost.perDevice[d.device]!)] : []),
      ]),
    ]),
    '',
    'Tasks',
    table([
      ['task', 'id', 'device', 'start', 'finish'],
      ...s.schedule.tasks.map((t) => [String(t.task), t.id, String(t.device), num(t.start), num(t.finish)]),
    ]),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `lepton-sched workflow` with the arguments after `workflow`.
 * @param args - Command-line arguments after the word `workflow`.
 * @param io - Output channels.
 * @returns The exit code: 0 success, 2 usage error or bad input.
 * @internal
 */
export async function workflowCommand(args: readonly string[], io: CliIo): Promise<number> {
  let file = '';
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { strategy: { type: 'string' }, format: { type: 'string' }, cores: { type: 'boolean' }, json: { type: 'boolean' }, svg: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new Usage(positionals.length === 0 ? 'missing FILE (usage: lepton-sched workflow FILE [--strategy S] [--json] [--svg OUT])' : `expected one FILE, got ${positionals.length}`);
    file = positionals[0]!;
    const format = values.format ?? 'auto';
    if (!['auto', 'json', 'wfcommons'].includes(format)) throw new Usage(`--format must be auto, json or wfcommons, got '${format}'`);
    const strategy = values.strategy ?? 'heft';
    if (!(workflowStrategyNames as readonly string[]).includes(strategy)) throw new Usage(`--strategy must be one of ${workflowStrategyNames.join(', ')}, got '${strategy}'${didYouMean(strategy, workflowStrategyNames)}`);
    const text = await readText(file, io.stdin);
    const kind = format === 'auto' ? detectWorkflowFormat(text) : format;
    if (values.cores === true && kind !== 'wfcommons') throw new Usage('--cores applies to WfCommons files only');
    const workflow = kind === 'wfcommons' ? parseWfCommons(text, values.cores === true ? { coresAsDevices: true } : undefined) : parseWorkflowJson(text);
    const solution = scheduleWorkflow(workflow, { strategy: strategy as WorkflowStrategyName });
    if (values.svg !== undefined) await writeSvg(values.svg, workflowToSvg(solution.schedule, workflow, { title: `${file}: ${solution.strategy}, makespan ${num(solution.makespan)}` }));
    io.stdout(values.json === true ? `${stringifySolution(solution)}\n` : report(file, kind, workflow, solution));
    return 0;
  } catch (e) {
    const where = file === '' ? '' : `${file}: `;
    return exitOnMistake('workflow', e, io, (x) => `${where}${x.message}`, WORKFLOW_USAGE);
  }
}
