/**
 * Plots of a metric series in SVG (a bar chart of one number per policy, a
 * line chart of a quantity over time): pure string builders, no DOM.
 * @module
 */
import { checkArray, checkFinite, checkObject, checkOptions, checkPositive, rangeError } from '../internal/errors.js';
import { checkString } from '../internal/primitives.js';
import { escapeXml, label, niceTicks, num, textWidth } from '../internal/svg.js';

/** One bar of {@link barChartToSvg}. */
export interface BarDatum {
  /** Category label under the bar (e.g. a policy name). */
  readonly label: string;
  /** Height of the bar, finite and ≥ 0. */
  readonly value: number;
}

/** One line of {@link lineChartToSvg}. */
export interface LineSeries {
  /** Name shown in the legend. */
  readonly name: string;
  /** Points `[x, y]`, drawn in the given order; coordinates finite and ≥ 0. */
  readonly points: readonly (readonly [number, number])[];
}

/** Options of {@link barChartToSvg} and {@link lineChartToSvg}. */
export interface PlotOptions {
  /** Width of the picture in pixels. @defaultValue 640 */
  readonly width?: number;
  /** Height of the picture in pixels. @defaultValue 360 */
  readonly height?: number;
  /** Title above the plot. @defaultValue none */
  readonly title?: string;
  /** Label of the x axis. @defaultValue none */
  readonly xLabel?: string;
  /** Label of the y axis. @defaultValue none */
  readonly yLabel?: string;
  /** Colours, used in turn by bars or series. @defaultValue Tableau 10 (`'#4e79a7'`, `'#f28e2b'`, ...) */
  readonly colors?: readonly string[];
  /** Font size in pixels. @defaultValue 12 */
  readonly fontSize?: number;
}

const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const KEYS = ['width', 'height', 'title', 'xLabel', 'yLabel', 'colors', 'fontSize'];

interface Frame {
  readonly out: string[];
  readonly left: number;
  readonly top: number;
  readonly plotW: number;
  readonly plotH: number;
  readonly colors: readonly string[];
  readonly fontSize: number;
}

/**
 * A bar chart of one value per category, as an SVG string: bar k has height
 * `value_k · plotHeight / top`, where `top` is the first "nice" tick (1, 2 or
 * 5 × 10^k steps) at or above the largest value; the value is printed above
 * each bar. Typical use: makespan or mean response time per policy.
 *
 * Complexity: O(k) for k bars.
 *
 * @param bars - One {@link BarDatum} per bar, drawn left to right.
 * @param options - {@link PlotOptions}.
 * @returns A standalone SVG document.
 * @throws {@link InputTypeError} for a non-array, a bar without a string label, or an unknown option.
 * @throws {@link InputRangeError} for a NaN, infinite or negative value, or a non-positive size.
 *
 * @example
 * ```ts
 * barChartToSvg([{ label: 'mct', value: 120 }, { label: 'min-min', value: 95 }], { yLabel: 'makespan' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 * ```
 */
export function barChartToSvg(bars: readonly BarDatum[], options?: PlotOptions): string {
  const fn = 'barChartToSvg';
  const o = readOptions(fn, options);
  checkArray(fn, 'bars', bars);
  const data = bars.map((b, k) => {
    checkObject(fn, `bars[${k}]`, b);
    return { label: checkString(fn, `bars[${k}].label`, b.label), value: nonNegative(fn, `bars[${k}].value`, b.value) };
  });
  const f = frame(o, 0);
  const yTop = yAxis(f, Math.max(0, ...data.map((d) => d.value)));
  const slot = f.plotW / Math.max(1, data.length);
  const barW = slot * 0.7;
  f.out.push('<g class="bars">');
  data.forEach((d, k) => {
    const h = (d.value / yTop) * f.plotH;
    const x = f.left + k * slot + (slot - barW) / 2;
    const y = f.top + f.plotH - h;
    f.out.push(`<g class="bar" data-index="${k}"><title>${escapeXml(`${d.label}: ${label(d.value)}`)}</title>`);
    f.out.push(`<rect class="bar-rect" x="${num(x)}" y="${num(y)}" width="${num(barW)}" height="${num(h)}" fill="${f.colors[k % f.colors.length]!}"/>`);
    f.out.push(`<text class="bar-value" x="${num(x + barW / 2)}" y="${num(y - 4)}" text-anchor="middle">${escapeXml(label(d.value))}</text>`);
    // A label wider than its slot is set smaller (down to half size) rather than overlapping its neighbours.
    const fit = Math.max(0.5, Math.min(1, (slot - 4) / Math.max(1, textWidth(d.label, f.fontSize))));
    const size = fit < 1 ? ` font-size="${num(f.fontSize * fit)}"` : '';
    f.out.push(`<text class="bar-label" x="${num(x + barW / 2)}" y="${num(f.top + f.plotH + 6 + f.fontSize)}" text-anchor="middle"${size}>${escapeXml(d.label)}</text></g>`);
  });
  f.out.push('</g>');
  return finish(f, o);
}

/**
 * A line chart of one or more series, as an SVG string: point (x, y) maps to
 * `(left + x · plotWidth / xTop, bottom − y · plotHeight / yTop)`, with both
 * axes from 0 to their first "nice" tick at or above the largest coordinate.
 * Typical use: response time of each task against its arrival time.
 *
 * Complexity: O(p) for p points in all.
 *
 * @param series - One {@link LineSeries} per line; a legend names them.
 * @param options - {@link PlotOptions}.
 * @returns A standalone SVG document.
 * @throws {@link InputTypeError} for a non-array, a point that is not a pair, or an unknown option.
 * @throws {@link InputRangeError} for a NaN, infinite or negative coordinate, or a non-positive size.
 *
 * @example
 * ```ts
 * lineChartToSvg([{ name: 'mct', points: [[0, 3], [1, 5], [2, 4]] }], { xLabel: 'time' });
 * // '<svg xmlns="http://www.w3.org/2000/svg" ...'
 * ```
 */
export function lineChartToSvg(series: readonly LineSeries[], options?: PlotOptions): string {
  const fn = 'lineChartToSvg';
  const o = readOptions(fn, options);
  checkArray(fn, 'series', series);
  let xMax = 0;
  let yMax = 0;
  const data = series.map((s, k) => {
    checkObject(fn, `series[${k}]`, s);
    const name = checkString(fn, `series[${k}].name`, s.name);
    checkArray(fn, `series[${k}].points`, s.points);
    const points = s.points.map((p, i) => {
      const field = `series[${k}].points[${i}]`;
      checkArray(fn, field, p);
      if (p.length !== 2) rangeError(fn, field, 'a pair [x, y]', p);
      const x = nonNegative(fn, `${field}[0]`, p[0]);
      const y = nonNegative(fn, `${field}[1]`, p[1]);
      xMax = Math.max(xMax, x);
      yMax = Math.max(yMax, y);
      return [x, y] as const;
    });
    return { name, points };
  });
  const f = frame(o, legendWidthFor(data.map((s) => s.name), o.fontSize));
  const yTop = yAxis(f, yMax);
  const { ticks, top: xTop } = niceTicks(xMax, Math.max(2, Math.floor(f.plotW / 80)));
  const bottom = f.top + f.plotH;
  f.out.push('<g class="x-axis">');
  for (const t of ticks) {
    const tx = num(f.left + (t / xTop) * f.plotW);
    f.out.push(`<line class="tick" x1="${tx}" y1="${num(bottom)}" x2="${tx}" y2="${num(bottom + 5)}" stroke="#222"/>`);
    f.out.push(`<text class="tick-label" x="${tx}" y="${num(bottom + 7 + f.fontSize)}" text-anchor="middle" data-value="${t}">${escapeXml(label(t))}</text>`);
  }
  f.out.push('</g>');
  f.out.push('<g class="lines">');
  data.forEach((s, k) => {
    const color = f.colors[k % f.colors.length]!;
    const pts = s.points.map(([x, y]) => `${num(f.left + (x / xTop) * f.plotW)},${num(bottom - (y / yTop) * f.plotH)}`).join(' ');
    f.out.push(`<polyline class="line" data-series="${k}" points="${pts}" fill="none" stroke="${color}" stroke-width="1.5"/>`);
  });
  f.out.push('</g>');
  f.out.push('<g class="legend">');
  data.forEach((s, k) => {
    const y = f.top + 4 + k * f.fontSize * 1.5;
    const x = f.left + f.plotW + 12;
    f.out.push(`<line class="legend-key" x1="${num(x)}" y1="${num(y + f.fontSize * 0.4)}" x2="${num(x + 16)}" y2="${num(y + f.fontSize * 0.4)}" stroke="${f.colors[k % f.colors.length]!}" stroke-width="3"/>`);
    f.out.push(`<text class="legend-label" x="${num(x + 22)}" y="${num(y + f.fontSize * 0.8)}">${escapeXml(s.name)}</text>`);
  });
  f.out.push('</g>');
  return finish(f, o);
}

interface ReadOptions {
  readonly width: number;
  readonly height: number;
  readonly title: string | undefined;
  readonly xLabel: string | undefined;
  readonly yLabel: string | undefined;
  readonly colors: readonly string[];
  readonly fontSize: number;
}

function readOptions(fn: string, options: PlotOptions | undefined): ReadOptions {
  const opts = checkOptions(fn, options, KEYS);
  const str = (k: string): string | undefined => (opts[k] === undefined ? undefined : checkString(fn, `options.${k}`, opts[k]));
  let colors: readonly string[] = PALETTE;
  if (opts.colors !== undefined) {
    checkArray(fn, 'options.colors', opts.colors);
    if (opts.colors.length === 0) rangeError(fn, 'options.colors', 'a non-empty array', opts.colors);
    colors = opts.colors.map((c, k) => escapeXml(checkString(fn, `options.colors[${k}]`, c)));
  }
  return {
    width: opts.width === undefined ? 640 : checkPositive(fn, 'options.width', opts.width),
    height: opts.height === undefined ? 360 : checkPositive(fn, 'options.height', opts.height),
    title: str('title'),
    xLabel: str('xLabel'),
    yLabel: str('yLabel'),
    colors,
    fontSize: opts.fontSize === undefined ? 12 : checkPositive(fn, 'options.fontSize', opts.fontSize),
  };
}

function nonNegative(fn: string, field: string, value: unknown): number {
  const v = checkFinite(fn, field, value);
  if (v < 0) rangeError(fn, field, 'a finite number >= 0', v);
  return v;
}

/** Lays out the plot area, reserving `legendWidth` pixels on the right. */
function frame(o: ReadOptions, legendWidth: number): Frame {
  const fs = o.fontSize;
  const left = Math.ceil(fs * 5 + (o.yLabel === undefined ? 0 : fs * 1.5));
  const top = o.title === undefined ? fs : fs * 3;
  const right = 16 + legendWidth;
  const bottom = fs * 2.5 + (o.xLabel === undefined ? 0 : fs * 1.6);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${num(o.width)}" height="${num(o.height)}" viewBox="0 0 ${num(o.width)} ${num(o.height)}" font-family="sans-serif" font-size="${num(fs)}" fill="#222">`);
  out.push(`<rect class="background" x="0" y="0" width="${num(o.width)}" height="${num(o.height)}" fill="#fff"/>`);
  return { out, left, top, plotW: Math.max(1, o.width - left - right), plotH: Math.max(1, o.height - top - bottom), colors: o.colors, fontSize: fs };
}

/** Draws the y axis with grid lines and returns its domain end. */
function yAxis(f: Frame, max: number): number {
  const { ticks, top } = niceTicks(max, Math.max(2, Math.floor(f.plotH / 50)));
  const bottom = f.top + f.plotH;
  f.out.push('<g class="y-axis">');
  for (const t of ticks) {
    const y = num(bottom - (t / top) * f.plotH);
    f.out.push(`<line class="grid" x1="${num(f.left)}" y1="${y}" x2="${num(f.left + f.plotW)}" y2="${y}" stroke="#ddd" stroke-width="0.5"/>`);
    f.out.push(`<text class="tick-label" x="${num(f.left - 6)}" y="${y}" text-anchor="end" dominant-baseline="central" data-value="${t}">${escapeXml(label(t))}</text>`);
  }
  f.out.push(`<line class="axis-line" x1="${num(f.left)}" y1="${num(f.top)}" x2="${num(f.left)}" y2="${num(bottom)}" stroke="#222"/>`);
  f.out.push(`<line class="axis-line" x1="${num(f.left)}" y1="${num(bottom)}" x2="${num(f.left + f.plotW)}" y2="${num(bottom)}" stroke="#222"/>`);
  f.out.push('</g>');
  return top;
}

/** Adds title and axis labels and closes the document. */
function finish(f: Frame, o: ReadOptions): string {
  const fs = f.fontSize;
  if (o.title !== undefined) f.out.push(`<text class="title" x="${num(o.width / 2)}" y="${num(fs * 1.8)}" text-anchor="middle" font-weight="bold">${escapeXml(o.title)}</text>`);
  if (o.xLabel !== undefined) {
    const y = f.top + f.plotH + fs * 3.4;
    f.out.push(`<text class="x-label" x="${num(f.left + f.plotW / 2)}" y="${num(y)}" text-anchor="middle">${escapeXml(o.xLabel)}</text>`);
  }
  if (o.yLabel !== undefined) {
    const cx = fs * 1.2;
    const cy = f.top + f.plotH / 2;
    f.out.push(`<text class="y-label" x="${num(cx)}" y="${num(cy)}" text-anchor="middle" transform="rotate(-90 ${num(cx)} ${num(cy)})">${escapeXml(o.yLabel)}</text>`);
  }
  f.out.push('</svg>');
  return f.out.join('\n');
}

/** Width reserved for a line chart's legend. */
function legendWidthFor(names: readonly string[], fontSize: number): number {
  return names.length === 0 ? 0 : 34 + Math.max(...names.map((n) => textWidth(n, fontSize)));
}
