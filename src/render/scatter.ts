/**
 * A scatter plot of a Pareto front in SVG: each point, the staircase that
 * joins the non-dominated ones, and one highlighted choice. A pure string
 * builder, no DOM.
 * @module
 */
import { at, checkArray, checkFinite, checkInteger, checkObject, checkOneOf, checkOptions, checkPositive, rangeReason, typeReason } from '../internal/errors.js';
import { checkString } from '../internal/primitives.js';
import { escapeXml, label, num } from '../internal/svg.js';
import { nonDominatedUnchecked } from '../pareto/dominance.js';
import type { ParetoFront, ParetoObjective } from '../pareto/types.js';

/** Options of {@link frontToSvg}. */
export interface FrontSvgOptions {
  /** Objective on the horizontal axis (one of `front.objectives`). @defaultValue `front.objectives[0]` */
  readonly x?: ParetoObjective;
  /** Objective on the vertical axis (one of `front.objectives`, not `x`). @defaultValue the first other objective */
  readonly y?: ParetoObjective;
  /** Index into `front.points` of the point to highlight (drawn larger, in red, with its values). @defaultValue none */
  readonly highlight?: number;
  /** Width in pixels. @defaultValue 640 */
  readonly width?: number;
  /** Height in pixels. @defaultValue 400 */
  readonly height?: number;
  /** Title above the plot. @defaultValue none */
  readonly title?: string;
  /** Font size in pixels. @defaultValue 12 */
  readonly fontSize?: number;
}

const KEYS = ['x', 'y', 'highlight', 'width', 'height', 'title', 'fontSize'];
const NAMES: readonly ParetoObjective[] = ['makespan', 'flowtime', 'energy', 'cost'];
const UNITS: Readonly<Record<ParetoObjective, string>> = { makespan: 'makespan (s)', flowtime: 'flowtime (s)', energy: 'energy (J)', cost: 'cost' };

/**
 * Draws two objectives of a front as an SVG scatter plot.
 *
 * Each point (a, b) maps to `(left + (a − x0)·W/(x1 − x0), bottom − (b − y0)·H/(y1 − y0))`,
 * where [x0, x1] and [y0, y1] are "nice" ranges (steps of 1, 2 or 5 × 10^k)
 * around the data. The points that are non-dominated in the two plotted
 * objectives are joined by a staircase (the boundary of the region they
 * dominate); with a 3-objective front the others are projections and stay
 * unjoined. The highlighted point is red and labelled with its two values.
 *
 * Complexity: O(N²) for N points (the projection's non-dominated filter).
 *
 * @param front - A {@link ParetoFront} (only `points[k].objectives` and `objectives` are read).
 * @param options - {@link FrontSvgOptions}.
 * @returns A standalone SVG document.
 * @throws {@link InputTypeError} for a malformed front, an objective not in the front, `x === y`, or an unknown option.
 * @throws {@link InputRangeError} for a NaN or infinite value, a highlight index out of range, or a non-positive size.
 *
 * @example
 * ```ts
 * const svg = frontToSvg(front, { x: 'makespan', y: 'energy', highlight: 0 });
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'); // true
 * ```
 */
export function frontToSvg(front: ParetoFront, options?: FrontSvgOptions): string {
  const fn = 'frontToSvg';
  const o = checkOptions(fn, options, KEYS);
  checkObject(fn, 'front', front);
  checkArray(fn, 'front.objectives', front.objectives);
  const names = front.objectives.map((v, k) => checkOneOf(fn, at('front.objectives', k), v, NAMES));
  if (names.length < 2) typeReason(fn, 'front.objectives', `must name at least 2 objectives, got ${names.length}`);
  const pick = (key: 'x' | 'y', fallback: ParetoObjective): number => {
    const name = o[key] === undefined ? fallback : checkOneOf(fn, `options.${key}`, o[key], NAMES);
    const k = names.indexOf(name);
    if (k < 0) typeReason(fn, `options.${key}`, `names '${name}', which is not one of the front's objectives (${names.join(', ')})`);
    return k;
  };
  const xi = pick('x', names[0]!);
  const yi = pick('y', names.find((nm) => nm !== names[xi]) ?? names[1]!);
  if (xi === yi) typeReason(fn, 'options.y', `must differ from options.x (both '${names[xi]!}')`);
  checkArray(fn, 'front.points', front.points);
  const pts = front.points.map((p, k) => {
    checkObject(fn, at('front.points', k), p);
    const field = `front.points[${k}].objectives`;
    checkArray(fn, field, p.objectives);
    if (p.objectives.length !== names.length) typeReason(fn, field, `has ${p.objectives.length} values, expected ${names.length}`);
    return [checkFinite(fn, `${field}[${xi}]`, p.objectives[xi]), checkFinite(fn, `${field}[${yi}]`, p.objectives[yi])] as const;
  });
  const highlight = o.highlight === undefined ? undefined : checkInteger(fn, 'options.highlight', o.highlight, 0);
  if (highlight !== undefined && highlight >= pts.length) rangeReason(fn, 'options.highlight', `is ${highlight}, but the front has ${pts.length} points`);
  const width = o.width === undefined ? 640 : checkPositive(fn, 'options.width', o.width);
  const height = o.height === undefined ? 400 : checkPositive(fn, 'options.height', o.height);
  const fs = o.fontSize === undefined ? 12 : checkPositive(fn, 'options.fontSize', o.fontSize);
  const title = o.title === undefined ? undefined : checkString(fn, 'options.title', o.title);

  const left = Math.ceil(fs * 6.5);
  const top = title === undefined ? fs * 1.5 : fs * 3.5;
  const plotW = Math.max(1, width - left - fs * 2);
  const plotH = Math.max(1, height - top - fs * 4.4);
  const bottom = top + plotH;
  const xs = axisRange(pts.map((p) => p[0]), Math.max(2, Math.floor(plotW / 90)));
  const ys = axisRange(pts.map((p) => p[1]), Math.max(2, Math.floor(plotH / 50)));
  const px = (v: number): number => left + ((v - xs.lo) / (xs.hi - xs.lo)) * plotW;
  const py = (v: number): number => bottom - ((v - ys.lo) / (ys.hi - ys.lo)) * plotH;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="sans-serif" font-size="${num(fs)}" fill="#222">`);
  out.push(`<rect class="background" x="0" y="0" width="${num(width)}" height="${num(height)}" fill="#fff"/>`);
  out.push('<g class="y-axis">');
  for (const t of ys.ticks) {
    const y = num(py(t));
    out.push(`<line class="grid" x1="${num(left)}" y1="${y}" x2="${num(left + plotW)}" y2="${y}" stroke="#ddd" stroke-width="0.5"/>`);
    out.push(`<text class="tick-label" x="${num(left - 6)}" y="${y}" text-anchor="end" dominant-baseline="central" data-value="${t}">${escapeXml(label(t))}</text>`);
  }
  out.push('</g>');
  out.push('<g class="x-axis">');
  for (const t of xs.ticks) {
    const x = num(px(t));
    out.push(`<line class="grid" x1="${x}" y1="${num(top)}" x2="${x}" y2="${num(bottom)}" stroke="#ddd" stroke-width="0.5"/>`);
    out.push(`<text class="tick-label" x="${x}" y="${num(bottom + 7 + fs)}" text-anchor="middle" data-value="${t}">${escapeXml(label(t))}</text>`);
  }
  out.push(`<line class="axis-line" x1="${num(left)}" y1="${num(top)}" x2="${num(left)}" y2="${num(bottom)}" stroke="#222"/>`);
  out.push(`<line class="axis-line" x1="${num(left)}" y1="${num(bottom)}" x2="${num(left + plotW)}" y2="${num(bottom)}" stroke="#222"/>`);
  out.push('</g>');

  // The staircase through the points non-dominated in the two plotted objectives.
  const nd = nonDominatedUnchecked(pts).map((k) => pts[k]!).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (nd.length > 1) {
    const steps: string[] = [`${num(px(nd[0]![0]))},${num(py(nd[0]![1]))}`];
    for (let k = 1; k < nd.length; k++) {
      steps.push(`${num(px(nd[k]![0]))},${num(py(nd[k - 1]![1]))}`, `${num(px(nd[k]![0]))},${num(py(nd[k]![1]))}`);
    }
    out.push(`<polyline class="front-line" points="${steps.join(' ')}" fill="none" stroke="#4e79a7" stroke-width="1.5" stroke-dasharray="4 3"/>`);
  }
  out.push('<g class="points">');
  pts.forEach(([a, b], k) => {
    if (k === highlight) return;
    out.push(`<circle class="point" data-index="${k}" cx="${num(px(a))}" cy="${num(py(b))}" r="${num(fs * 0.35)}" fill="#4e79a7" stroke="#fff" stroke-width="1"><title>${escapeXml(`#${k}: ${names[xi]!} ${label(a)}, ${names[yi]!} ${label(b)}`)}</title></circle>`);
  });
  out.push('</g>');
  if (highlight !== undefined) {
    const [a, b] = pts[highlight]!;
    const cx = px(a);
    const cy = py(b);
    const text = `${label(a)}, ${label(b)}`;
    // Label to the right of the point, or to its left when it would run off the plot.
    const rightSide = cx + fs * 0.8 + text.length * fs * 0.6 < left + plotW;
    out.push(`<g class="highlight" data-index="${highlight}">`);
    out.push(`<circle class="highlight-point" cx="${num(cx)}" cy="${num(cy)}" r="${num(fs * 0.55)}" fill="#e15759" stroke="#222" stroke-width="1"/>`);
    out.push(`<text class="highlight-label" x="${num(rightSide ? cx + fs * 0.8 : cx - fs * 0.8)}" y="${num(cy - fs * 0.6)}" text-anchor="${rightSide ? 'start' : 'end'}" fill="#e15759">${escapeXml(text)}</text>`);
    out.push('</g>');
  }
  if (title !== undefined) out.push(`<text class="title" x="${num(width / 2)}" y="${num(fs * 1.8)}" text-anchor="middle" font-weight="bold">${escapeXml(title)}</text>`);
  out.push(`<text class="x-label" x="${num(left + plotW / 2)}" y="${num(bottom + fs * 3.4)}" text-anchor="middle">${escapeXml(UNITS[names[xi]!])}</text>`);
  const cx = fs * 1.2;
  const cy = top + plotH / 2;
  out.push(`<text class="y-label" x="${num(cx)}" y="${num(cy)}" text-anchor="middle" transform="rotate(-90 ${num(cx)} ${num(cy)})">${escapeXml(UNITS[names[yi]!])}</text>`);
  out.push('</svg>');
  return out.join('\n');
}

/** A "nice" axis range around the values (steps of 1, 2 or 5 × 10^k), never of zero width. */
function axisRange(values: readonly number[], count: number): { lo: number; hi: number; ticks: number[] } {
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (values.length === 0) {
    min = 0;
    max = 1;
  }
  if (max === min) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  } else {
    const pad = (max - min) * 0.06;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  const step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
  // Objectives are never negative: do not pad a non-negative range below 0.
  const lo = Math.max(Math.floor(min / step) * step, Math.min(...values) >= 0 ? 0 : -Infinity);
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  const k = Math.round((hi - lo) / step);
  if (!(step > 0) || !(k >= 1 && k <= 1000) || !Number.isFinite(lo) || !Number.isFinite(hi)) return { lo: min, hi: max, ticks: [min, max] };
  for (let i = 0; i <= k; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  return { lo, hi, ticks };
}
