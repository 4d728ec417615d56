/**
 * A workflow schedule as a Gantt chart in SVG, with the data moving between
 * devices drawn as arrows: a pure string builder, no DOM.
 * @module
 */
import { checkArray, checkFinite, checkInteger, checkObject, checkOptions, checkPositive, rangeError, rangeReason } from '../internal/errors.js';
import { checkBoolean, checkNestedOptions, checkString } from '../internal/primitives.js';
import { escapeXml, label, niceTicks, num, textWidth, timeAxisSvg } from '../internal/svg.js';
import { compileWorkflowFor } from '../workflow/compile.js';
import type { WorkflowSchedule } from '../workflow/scheduleTypes.js';
import type { Workflow } from '../workflow/types.js';

/** Colours of a {@link workflowToSvg} chart, each an SVG paint such as `'#4e79a7'`. */
export interface WorkflowGanttColors {
  /** Fill of a task bar. @defaultValue `'#4e79a7'` (blue) */
  readonly exec?: string;
  /** Stroke of a transfer arrow and its label. @defaultValue `'#c8651b'` (dark orange) */
  readonly transfer?: string;
  /** Outline of a task that misses its deadline. @defaultValue `'#d62728'` (red) */
  readonly late?: string;
  /** Background of every other lane. @defaultValue `'#f3f3f3'` */
  readonly lane?: string;
  /** Text and axis colour. @defaultValue `'#222'` */
  readonly text?: string;
}

/** Options of {@link workflowToSvg}. */
export interface WorkflowGanttOptions {
  /** Total width in pixels. @defaultValue 800 */
  readonly width?: number;
  /** Height of one device lane in pixels. @defaultValue 40 */
  readonly laneHeight?: number;
  /** A title above the chart. @defaultValue none */
  readonly title?: string;
  /** Colours; missing fields keep their defaults. @defaultValue see {@link WorkflowGanttColors} */
  readonly colors?: WorkflowGanttColors;
  /** Font size in pixels. @defaultValue 12 */
  readonly fontSize?: number;
  /** Label of the time axis. @defaultValue `'time (s)'` */
  readonly timeLabel?: string;
  /** End of the time axis, raised to the makespan when smaller. @defaultValue the makespan */
  readonly maxTime?: number;
  /** Write task ids inside bars wide enough for them. @defaultValue true */
  readonly labels?: boolean;
  /** Draw an arrow for each edge between different devices. @defaultValue true */
  readonly transfers?: boolean;
  /** Write each arrow's data volume (3 significant digits) next to its head. @defaultValue true when at most 16 arrows are drawn (more would overlap) */
  readonly transferLabels?: boolean;
}

const FN = 'workflowToSvg';
/** Up to this many arrows get their data label by default. */
const AUTO_LABELS = 16;
const OPTION_KEYS = ['width', 'laneHeight', 'title', 'colors', 'fontSize', 'timeLabel', 'maxTime', 'labels', 'transfers', 'transferLabels'];
const DEFAULT_COLORS: Required<WorkflowGanttColors> = { exec: '#4e79a7', transfer: '#c8651b', late: '#d62728', lane: '#f3f3f3', text: '#222' };

/**
 * Draws a workflow schedule as a Gantt chart and returns the SVG document.
 *
 * One lane per device, labelled with its id and tier; one bar per task from
 * `start` to `finish` (tasks never overlap on a device in a workflow
 * schedule). Each edge whose tasks run on different devices is an arrow from
 * the producer's bar at the time the data leaves (`transfer.start`, the
 * producer's finish) to the consumer's lane at the time it arrives
 * (`transfer.arrival` = start + latency + data / bandwidth), labelled with
 * the data volume; the gap between the arrow's head and the consumer's bar
 * is the time the consumer waited for something else. Edges within one
 * device cost nothing and are not drawn. A task missing its deadline is
 * outlined. Time maps to `x = left + t · plotWidth / top`, `top` the first
 * 1, 2 or 5 × 10^k tick at or above `max(makespan, maxTime)`. All text is
 * XML-escaped; elements carry classes (`lane`, `exec`, `transfer`, `tick`,
 * ...) for CSS, and each task and arrow a `<title>` tooltip.
 *
 * Source: the Gantt charts of Topcuoglu et al. 2002 (figure 3) with the
 * communication drawn between processors; same style as `scheduleToSvg`.
 *
 * Complexity: O(n + e + m) after validating the workflow (`compileWorkflow`).
 *
 * @param schedule - A schedule from `evaluateWorkflow` or `scheduleWorkflow(...).schedule`.
 * @param workflow - The workflow it schedules (device ids, tiers, task ids).
 * @param options - {@link WorkflowGanttOptions}.
 * @returns A standalone SVG 1.1 document.
 * @throws {@link InputTypeError} for a schedule without `tasks`/`transfers` arrays, a non-string title or colour, an unknown option, or a workflow `compileWorkflow` rejects.
 * @throws {@link InputRangeError} for a schedule that does not match the workflow (task or device counts, indices out of range), non-finite or negative times, a finish before its start, or a non-positive width, lane height or font size.
 *
 * @example
 * ```ts
 * const w = { tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'cam', tier: 'edge' }, { id: 'dc', tier: 'cloud' }],
 *   execTime: [[2, 1], [4, 1]], edges: [{ from: 'a', to: 'b', data: 3 }] };
 * const svg = workflowToSvg(evaluateWorkflow(w, [0, 1], [[0], [1]]), w, { title: 'a on cam, b in the cloud' });
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'); // true
 * svg.match(/class="transfer"/g).length;                      // 1 (one arrow: a -> b moves 3 units, 2 → 5)
 * ```
 */
export function workflowToSvg(schedule: WorkflowSchedule, workflow: Workflow, options?: WorkflowGanttOptions): string {
  const opts = checkOptions(FN, options, OPTION_KEYS);
  const width = opts.width === undefined ? 800 : checkPositive(FN, 'options.width', opts.width);
  const laneHeight = opts.laneHeight === undefined ? 40 : checkPositive(FN, 'options.laneHeight', opts.laneHeight);
  const fontSize = opts.fontSize === undefined ? 12 : checkPositive(FN, 'options.fontSize', opts.fontSize);
  const title = opts.title === undefined ? undefined : checkString(FN, 'options.title', opts.title);
  const timeLabel = opts.timeLabel === undefined ? 'time (s)' : checkString(FN, 'options.timeLabel', opts.timeLabel);
  const maxTime = opts.maxTime === undefined ? 0 : time('options.maxTime', opts.maxTime);
  const showLabels = opts.labels === undefined ? true : checkBoolean(FN, 'options.labels', opts.labels);
  const showTransfers = opts.transfers === undefined ? true : checkBoolean(FN, 'options.transfers', opts.transfers);
  const dataLabels = opts.transferLabels === undefined ? undefined : checkBoolean(FN, 'options.transferLabels', opts.transferLabels);
  const colors = readColors(opts.colors);

  const cw = compileWorkflowFor(FN, workflow);
  const { n, m } = cw;
  checkObject(FN, 'schedule', schedule);
  checkArray(FN, 'schedule.tasks', schedule.tasks);
  checkArray(FN, 'schedule.transfers', schedule.transfers);
  if (schedule.tasks.length !== n) rangeReason(FN, 'schedule.tasks', `has ${schedule.tasks.length} entries, but the workflow has ${n} tasks`);
  const tasks = schedule.tasks.map((t, i) => {
    const f = `schedule.tasks[${i}]`;
    checkObject(FN, f, t);
    const start = time(`${f}.start`, t.start);
    const finish = time(`${f}.finish`, t.finish);
    if (finish < start) rangeError(FN, `${f}.finish`, `a time >= start (${label(start)})`, finish);
    return { start, finish, device: checkInteger(FN, `${f}.device`, t.device, 0, Math.max(0, m - 1)) };
  });
  if (m === 0 && n > 0) rangeError(FN, 'schedule.tasks[0].device', 'a device index of an empty device list', tasks[0]?.device);
  const arrows = schedule.transfers.map((x, k) => {
    const f = `schedule.transfers[${k}]`;
    checkObject(FN, f, x);
    const from = checkInteger(FN, `${f}.from`, x.from, 0, Math.max(0, n - 1));
    const to = checkInteger(FN, `${f}.to`, x.to, 0, Math.max(0, n - 1));
    const start = time(`${f}.start`, x.start);
    const arrival = time(`${f}.arrival`, x.arrival);
    if (arrival < start) rangeError(FN, `${f}.arrival`, `a time >= start (${label(start)})`, arrival);
    return { from, to, start, arrival, data: time(`${f}.data`, x.data), fromDevice: tasks[from]?.device ?? 0, toDevice: tasks[to]?.device ?? 0 };
  });
  const showDataLabels = dataLabels ?? arrows.filter((a) => a.fromDevice !== a.toDevice).length <= AUTO_LABELS;
  const late = new Set<number>();
  for (let i = 0; i < n; i++) if (tasks[i]!.finish > cw.deadline[i]!) late.add(i);

  let makespan = 0;
  for (const t of tasks) makespan = Math.max(makespan, t.finish);
  for (const a of arrows) makespan = Math.max(makespan, a.arrival);
  const laneText = workflow.devices.map((d) => `${d.id} · ${d.tier}`);
  const labelWidth = Math.max(40, ...laneText.map((s) => textWidth(s, fontSize)));
  const left = Math.ceil(labelWidth + 16);
  const right = 24;
  const plotWidth = Math.max(1, width - left - right);
  const { ticks, top } = niceTicks(Math.max(makespan, maxTime), Math.max(2, Math.floor(plotWidth / 80)));
  const x = (t: number): number => left + (t / top) * plotWidth;
  const topY = title === undefined ? 12 : 16 + fontSize * 1.6;
  const laneTop = (j: number): number => topY + j * laneHeight;
  const axisY = topY + m * laneHeight;
  const legendY = axisY + fontSize * 4.6;
  const height = Math.ceil(legendY + fontSize * 2);
  const barH = Math.max(1, laneHeight * 0.5);
  const barTop = (j: number): number => laneTop(j) + (laneHeight - barH) / 2;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="sans-serif" font-size="${num(fontSize)}">`);
  out.push(`<defs><marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colors.transfer}"/></marker></defs>`);
  out.push(`<rect class="background" x="0" y="0" width="${num(width)}" height="${num(height)}" fill="#fff"/>`);
  if (title !== undefined) out.push(`<text class="title" x="${num(width / 2)}" y="${num(12 + fontSize)}" text-anchor="middle" font-weight="bold" fill="${colors.text}">${escapeXml(title)}</text>`);
  out.push('<g class="lanes">');
  for (let j = 0; j < m; j++) {
    const y0 = laneTop(j);
    out.push(`<rect class="lane" data-device="${j}" x="${num(left)}" y="${num(y0)}" width="${num(plotWidth)}" height="${num(laneHeight)}" fill="${j % 2 === 0 ? colors.lane : 'none'}"/>`);
    if (j > 0) out.push(`<line class="lane-separator" x1="${num(left)}" y1="${num(y0)}" x2="${num(left + plotWidth)}" y2="${num(y0)}" stroke="#bbb" stroke-width="0.5"/>`);
    out.push(`<text class="device" x="${num(left - 8)}" y="${num(y0 + laneHeight / 2 + fontSize * 0.35)}" text-anchor="end" fill="${colors.text}">${escapeXml(laneText[j]!)}</text>`);
  }
  out.push('</g>');

  out.push(...timeAxisSvg({ left, plotWidth, axisY, topY, ticks, x, fontSize, textColor: colors.text, title: timeLabel }));

  out.push('<g class="bars">');
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    const y = barTop(t.device);
    const isLate = late.has(i);
    const w = Math.max(0, x(t.finish) - x(t.start));
    const tip = `${cw.taskIds[i]!} on ${cw.deviceIds[t.device]!}: ${label(t.start)}–${label(t.finish)}${isLate ? ` (late: deadline ${label(cw.deadline[i]!)})` : ''}`;
    out.push(`<g class="task${isLate ? ' late' : ''}" data-task="${i}" data-device="${t.device}">`);
    out.push(`<title>${escapeXml(tip)}</title>`);
    out.push(`<rect class="exec" x="${num(x(t.start))}" y="${num(y)}" width="${num(w)}" height="${num(barH)}" fill="${colors.exec}" stroke="#fff" stroke-width="${w > 6 ? 1.5 : 0}"/>`);
    if (isLate) out.push(`<rect class="late-outline" x="${num(x(t.start))}" y="${num(y)}" width="${num(w)}" height="${num(barH)}" fill="none" stroke="${colors.late}" stroke-width="2"/>`);
    if (showLabels && textWidth(cw.taskIds[i]!, fontSize * 0.9) + 4 <= w) {
      out.push(`<text class="task-label" x="${num(x(t.start) + w / 2)}" y="${num(y + barH / 2 + fontSize * 0.9 * 0.35)}" text-anchor="middle" font-size="${num(fontSize * 0.9)}" fill="#fff">${escapeXml(cw.taskIds[i]!)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</g>');

  let drawn = 0;
  const placed: (readonly [number, number, number, number])[] = [];
  if (showTransfers) {
    out.push('<g class="transfers">');
    for (const a of arrows) {
      if (a.fromDevice === a.toDevice) continue;
      drawn++;
      const down = a.toDevice > a.fromDevice;
      const y1 = down ? barTop(a.fromDevice) + barH : barTop(a.fromDevice);
      const y2 = down ? barTop(a.toDevice) : barTop(a.toDevice) + barH;
      const x1 = x(a.start);
      const x2 = x(a.arrival);
      const tip = `${cw.taskIds[a.from]!} → ${cw.taskIds[a.to]!}: ${label(a.data)} data from ${cw.deviceIds[a.fromDevice]!} to ${cw.deviceIds[a.toDevice]!}, ${label(a.start)}–${label(a.arrival)}`;
      out.push(`<g class="transfer-group" data-from="${a.from}" data-to="${a.to}"><title>${escapeXml(tip)}</title>`);
      out.push(`<line class="transfer" x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${colors.transfer}" stroke-width="1.5" marker-end="url(#arrowhead)"/>`);
      if (showDataLabels) {
        // Next to the arrow head, in the band between the receiving bar and its lane edge (no bar there),
        // just left of the line: the volume reads as "this much arrived here".
        const fs = fontSize * 0.8;
        const ly = down ? y2 - 2 : y2 + fs;
        const lx = (x1 === x2 || y1 === y2 ? x2 : x1 + ((x2 - x1) * (ly - y1)) / (y2 - y1)) - 9;
        const text = dataLabel(a.data);
        const box = [lx - textWidth(text, fs), ly - fs, lx, ly + 2] as const;
        // A label that would overlap one already written is left out (the arrow's tooltip keeps it).
        if (placed.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) {
          out.push('</g>');
          continue;
        }
        placed.push(box);
        out.push(`<text class="transfer-label" x="${num(lx)}" y="${num(ly)}" text-anchor="end" font-size="${num(fs)}" fill="${colors.transfer}" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeXml(text)}</text>`);
      }
      out.push('</g>');
    }
    out.push('</g>');
  }

  out.push('<g class="legend">');
  let lx = left;
  const ly = legendY - fontSize * 0.8;
  const key = (shape: string, name: string): void => {
    out.push(shape);
    out.push(`<text class="legend-label" x="${num(lx + fontSize * 1.9)}" y="${num(legendY)}" fill="${colors.text}">${escapeXml(name)}</text>`);
    lx += fontSize * 2.6 + textWidth(name, fontSize) + 12;
  };
  key(`<rect class="legend-key" x="${num(lx)}" y="${num(ly)}" width="${num(fontSize * 1.4)}" height="${num(fontSize * 0.8)}" fill="${colors.exec}"/>`, 'task');
  if (drawn > 0) key(`<line class="legend-key" x1="${num(lx)}" y1="${num(ly + fontSize * 0.4)}" x2="${num(lx + fontSize * 1.4)}" y2="${num(ly + fontSize * 0.4)}" stroke="${colors.transfer}" stroke-width="1.5" marker-end="url(#arrowhead)"/>`, 'data transfer (label: volume)');
  if (late.size > 0) key(`<rect class="legend-key" x="${num(lx)}" y="${num(ly)}" width="${num(fontSize * 1.4)}" height="${num(fontSize * 0.8)}" fill="none" stroke="${colors.late}" stroke-width="2"/>`, 'missed deadline');
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}

/** A data volume with 3 significant digits (labels must stay short). */
function dataLabel(v: number): string {
  return v === 0 || v >= 1e9 || v < 1e-4 ? label(v) : String(Number(v.toPrecision(3)));
}

function time(field: string, value: unknown): number {
  const v = checkFinite(FN, field, value);
  if (v < 0) rangeError(FN, field, 'a finite number >= 0', v);
  return v;
}

function readColors(value: unknown): Required<WorkflowGanttColors> {
  const given = checkNestedOptions(FN, 'options.colors', value, ['exec', 'transfer', 'late', 'lane', 'text']);
  const out = { ...DEFAULT_COLORS };
  for (const k of Object.keys(given) as (keyof WorkflowGanttColors)[]) {
    if (given[k] !== undefined) out[k] = escapeXml(checkString(FN, `options.colors.${k}`, given[k]));
  }
  return out;
}
