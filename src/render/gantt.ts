/**
 * A schedule as a Gantt chart in SVG: a pure string builder, no DOM.
 * @module
 */
import { checkArray, checkFinite, checkInteger, checkObject, checkOptions, checkPositive, rangeError } from '../internal/errors.js';
import { checkBoolean, checkNestedOptions, checkString } from '../internal/primitives.js';
import { escapeXml, label, niceTicks, num, textWidth, timeAxisSvg } from '../internal/svg.js';
import type { Schedule } from '../schedule/types.js';

/** Colours of a {@link scheduleToSvg} chart, each an SVG paint such as `'#4e79a7'` or `'steelblue'`. */
export interface GanttColors {
  /** Fill of the transfer part of a bar. @defaultValue `'#f2b36f'` (light orange) */
  readonly transfer?: string;
  /** Fill of the execution part of a bar. @defaultValue `'#4e79a7'` (blue) */
  readonly exec?: string;
  /** Outline of a task that misses its deadline. @defaultValue `'#d62728'` (red) */
  readonly late?: string;
  /** Background of every other lane. @defaultValue `'#f3f3f3'` */
  readonly lane?: string;
  /** Text and axis colour. @defaultValue `'#222'` */
  readonly text?: string;
}

/** Options of {@link scheduleToSvg}. */
export interface GanttOptions {
  /** Total width of the picture in pixels. @defaultValue 800 */
  readonly width?: number;
  /** Height of one lane (one row of bars) in pixels. @defaultValue 28 */
  readonly laneHeight?: number;
  /** A title above the chart. @defaultValue none */
  readonly title?: string;
  /** Colours; missing fields keep their defaults. @defaultValue see {@link GanttColors} */
  readonly colors?: GanttColors;
  /** Font size in pixels. @defaultValue 12 */
  readonly fontSize?: number;
  /** Label of the time axis. @defaultValue `'time'` */
  readonly timeLabel?: string;
  /**
   * End of the time axis (to draw several charts at one scale); raised to
   * the makespan when smaller. @defaultValue the makespan
   */
  readonly maxTime?: number;
  /** Write task ids inside the bars that are wide enough. @defaultValue true */
  readonly labels?: boolean;
}

const FN = 'scheduleToSvg';
const DEFAULT_COLORS: Required<GanttColors> = { transfer: '#f2b36f', exec: '#4e79a7', late: '#d62728', lane: '#f3f3f3', text: '#222' };

/**
 * Draws a schedule as a Gantt chart and returns the SVG document as a string.
 *
 * One lane per device (labelled with its id), one bar per task from `start`
 * to `finish`: the transfer part (`start` … `start + transfer`) and the
 * execution part (… `finish`) are filled differently; a task that misses its
 * deadline is outlined. The time axis maps t to
 * `x = left + t · plotWidth / top`, where `top` is the first "nice" tick
 * (1, 2 or 5 × 10^k steps) at or above `max(makespan, maxTime)`. Tasks that
 * overlap on one device (the `'independent'` cost model lets them) are
 * stacked in extra rows of that device's lane, first fit by start time.
 * All text is XML-escaped; every element carries a `class` (`lane`,
 * `transfer`, `exec`, `tick`, ...) so the picture can be restyled with CSS,
 * and each task group a `<title>` tooltip.
 *
 * Source: the seed's section 3.2 step 3 ("execute and monitor"); the chart
 * form is the usual Gantt chart of scheduling texts.
 *
 * Complexity: O(n log n + m) for n tasks and m devices.
 *
 * @param schedule - A schedule from `evaluate` or `solve` (or `simulate`).
 * @param options - {@link GanttOptions}.
 * @returns A standalone SVG 1.1 document (`<svg xmlns=...>...</svg>`).
 * @throws {@link InputTypeError} for a schedule without `tasks`/`devices` arrays, a non-string title or colour, or an unknown option.
 * @throws {@link InputRangeError} for a non-finite or negative time, a device index out of range, or a non-positive width, lane height or font size.
 *
 * @example
 * ```ts
 * const schedule = evaluate(workedExampleProblem(30), [0, 1, 2, 1, 0]);
 * const svg = scheduleToSvg(schedule, { title: 'The published assignment' });
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'); // true
 * // 4 lanes (device1..device4), 5 bars, time axis 0..120 (makespan 108)
 * ```
 */
export function scheduleToSvg(schedule: Schedule, options?: GanttOptions): string {
  const opts = checkOptions(FN, options, ['width', 'laneHeight', 'title', 'colors', 'fontSize', 'timeLabel', 'maxTime', 'labels']);
  const width = opts.width === undefined ? 800 : checkPositive(FN, 'options.width', opts.width);
  const laneHeight = opts.laneHeight === undefined ? 28 : checkPositive(FN, 'options.laneHeight', opts.laneHeight);
  const fontSize = opts.fontSize === undefined ? 12 : checkPositive(FN, 'options.fontSize', opts.fontSize);
  const title = opts.title === undefined ? undefined : checkString(FN, 'options.title', opts.title);
  const timeLabel = opts.timeLabel === undefined ? 'time' : checkString(FN, 'options.timeLabel', opts.timeLabel);
  const maxTime = opts.maxTime === undefined ? 0 : checkNonNegativeFinite('options.maxTime', opts.maxTime);
  const showLabels = opts.labels === undefined ? true : checkBoolean(FN, 'options.labels', opts.labels);
  const colors = readColors(opts.colors);

  checkObject(FN, 'schedule', schedule);
  checkArray(FN, 'schedule.devices', schedule.devices);
  checkArray(FN, 'schedule.tasks', schedule.tasks);
  const m = schedule.devices.length;
  const deviceIds = schedule.devices.map((d, j) => {
    checkObject(FN, `schedule.devices[${j}]`, d);
    return checkString(FN, `schedule.devices[${j}].id`, d.id);
  });
  const tasks = schedule.tasks.map((t, i) => {
    const f = `schedule.tasks[${i}]`;
    checkObject(FN, f, t);
    const start = checkNonNegativeFinite(`${f}.start`, t.start);
    const transfer = checkNonNegativeFinite(`${f}.transfer`, t.transfer);
    const exec = checkNonNegativeFinite(`${f}.exec`, t.exec);
    return { id: checkString(FN, `${f}.id`, t.id), device: checkInteger(FN, `${f}.device`, t.device, 0, Math.max(0, m - 1)), start, transfer, exec, finish: start + transfer + exec, row: 0 };
  });
  if (m === 0 && tasks.length > 0) rangeError(FN, 'schedule.tasks[0].device', 'a device index of an empty device list', tasks[0]?.device);
  const late = new Set<number>();
  for (const miss of schedule.metrics?.deadlineMisses ?? []) late.add(miss.task);

  // Stack overlapping tasks of one device into rows (first fit by start).
  const rowsOf = new Int32Array(m).fill(1);
  const rowEnds: number[][] = Array.from({ length: m }, () => []);
  const byStart = tasks.map((_, i) => i).sort((a, b) => tasks[a]!.start - tasks[b]!.start || a - b);
  for (const i of byStart) {
    const t = tasks[i]!;
    const ends = rowEnds[t.device]!;
    let r = ends.findIndex((end) => end <= t.start + 1e-9 * Math.max(1, t.start));
    if (r < 0) r = ends.length;
    ends[r] = t.finish;
    t.row = r;
    rowsOf[t.device] = Math.max(rowsOf[t.device]!, r + 1);
  }

  let makespan = 0;
  for (const t of tasks) makespan = Math.max(makespan, t.finish);
  const labelWidth = Math.max(40, ...deviceIds.map((id) => textWidth(id, fontSize)));
  const left = Math.ceil(labelWidth + 16);
  const right = 20;
  const plotWidth = Math.max(1, width - left - right);
  const { ticks, top } = niceTicks(Math.max(makespan, maxTime), Math.max(2, Math.floor(plotWidth / 80)));
  const x = (t: number): number => left + (t / top) * plotWidth;
  const topY = title === undefined ? 12 : 16 + fontSize * 1.6;
  const laneY = new Float64Array(m + 1);
  laneY[0] = topY;
  for (let j = 0; j < m; j++) laneY[j + 1] = laneY[j]! + rowsOf[j]! * laneHeight;
  const plotBottom = laneY[m]!;
  const axisY = plotBottom;
  const legendY = axisY + fontSize * 4.6;
  const height = Math.ceil(legendY + fontSize * 2);

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="sans-serif" font-size="${num(fontSize)}">`);
  out.push(`<rect class="background" x="0" y="0" width="${num(width)}" height="${num(height)}" fill="#fff"/>`);
  if (title !== undefined) {
    out.push(`<text class="title" x="${num(width / 2)}" y="${num(12 + fontSize)}" text-anchor="middle" font-weight="bold" fill="${colors.text}">${escapeXml(title)}</text>`);
  }
  out.push('<g class="lanes">');
  for (let j = 0; j < m; j++) {
    const y0 = laneY[j]!;
    const h = laneY[j + 1]! - y0;
    if (j % 2 === 0) out.push(`<rect class="lane" x="${num(left)}" y="${num(y0)}" width="${num(plotWidth)}" height="${num(h)}" fill="${colors.lane}"/>`);
    if (j > 0) out.push(`<line class="lane-separator" x1="${num(left)}" y1="${num(y0)}" x2="${num(left + plotWidth)}" y2="${num(y0)}" stroke="#bbb" stroke-width="0.5"/>`);
    out.push(`<text class="device" x="${num(left - 8)}" y="${num(y0 + h / 2)}" text-anchor="end" dominant-baseline="central" fill="${colors.text}">${escapeXml(deviceIds[j]!)}</text>`);
  }
  out.push('</g>');

  out.push(...timeAxisSvg({ left, plotWidth, axisY, topY, ticks, x, fontSize, textColor: colors.text, title: timeLabel }));

  out.push('<g class="bars">');
  const barH = Math.max(1, laneHeight * 0.72);
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    const y = laneY[t.device]! + t.row * laneHeight + (laneHeight - barH) / 2;
    const isLate = late.has(i);
    const tip = `${t.id} on ${deviceIds[t.device]!}: transfer ${label(t.start)}–${label(t.start + t.transfer)}, exec ${label(t.start + t.transfer)}–${label(t.finish)}${isLate ? ' (late)' : ''}`;
    out.push(`<g class="task${isLate ? ' late' : ''}" data-task="${i}" data-device="${t.device}">`);
    out.push(`<title>${escapeXml(tip)}</title>`);
    if (t.transfer > 0) {
      out.push(`<rect class="transfer" x="${num(x(t.start))}" y="${num(y)}" width="${num(x(t.start + t.transfer) - x(t.start))}" height="${num(barH)}" fill="${colors.transfer}" stroke="#fff" stroke-width="0.75"/>`);
    }
    out.push(`<rect class="exec" x="${num(x(t.start + t.transfer))}" y="${num(y)}" width="${num(x(t.finish) - x(t.start + t.transfer))}" height="${num(barH)}" fill="${colors.exec}" stroke="#fff" stroke-width="0.75"/>`);
    if (isLate) {
      out.push(`<rect class="late-outline" x="${num(x(t.start))}" y="${num(y)}" width="${num(x(t.finish) - x(t.start))}" height="${num(barH)}" fill="none" stroke="${colors.late}" stroke-width="2"/>`);
    }
    const w = x(t.finish) - x(t.start);
    if (showLabels && textWidth(t.id, fontSize * 0.9) + 4 <= w) {
      out.push(`<text class="task-label" x="${num(x(t.start) + w / 2)}" y="${num(y + barH / 2)}" text-anchor="middle" dominant-baseline="central" font-size="${num(fontSize * 0.9)}" fill="#111" stroke="#fff" stroke-width="3" stroke-opacity="0.8" paint-order="stroke">${escapeXml(t.id)}</text>`);
    }
    out.push('</g>');
  }
  out.push('</g>');

  const legend: [string, string, boolean][] = [['transfer', colors.transfer, false], ['execution', colors.exec, false]];
  if (late.size > 0) legend.push(['missed deadline', colors.late, true]);
  out.push('<g class="legend">');
  let lx = left;
  for (const [name, color, outline] of legend) {
    const paint = outline ? `fill="none" stroke="${color}" stroke-width="2"` : `fill="${color}"`;
    out.push(`<rect class="legend-key" x="${num(lx)}" y="${num(legendY - fontSize * 0.8)}" width="${num(fontSize * 1.2)}" height="${num(fontSize * 0.8)}" ${paint}/>`);
    out.push(`<text class="legend-label" x="${num(lx + fontSize * 1.6)}" y="${num(legendY)}" fill="${colors.text}">${escapeXml(name)}</text>`);
    lx += fontSize * 2.4 + textWidth(name, fontSize) + 12;
  }
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}

function checkNonNegativeFinite(field: string, value: unknown): number {
  const v = checkFinite(FN, field, value);
  if (v < 0) rangeError(FN, field, 'a finite number >= 0', v);
  return v;
}

function readColors(value: unknown): Required<GanttColors> {
  const given = checkNestedOptions(FN, 'options.colors', value, ['transfer', 'exec', 'late', 'lane', 'text']);
  const out = { ...DEFAULT_COLORS };
  for (const key of Object.keys(given) as (keyof GanttColors)[]) {
    if (given[key] !== undefined) out[key] = escapeXml(checkString(FN, `options.colors.${key}`, given[key]));
  }
  return out;
}
