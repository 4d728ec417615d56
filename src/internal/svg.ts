/**
 * Small pure helpers shared by the SVG renderers: escaping, number
 * formatting, "nice" axis ticks and a text-width estimate. Not exported from
 * the package.
 * @internal
 * @module
 */

/** Escapes the five XML special characters for text and attribute values. */
export function escapeXml(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38) out += '&amp;';
    else if (c === 60) out += '&lt;';
    else if (c === 62) out += '&gt;';
    else if (c === 34) out += '&quot;';
    else if (c === 39) out += '&#39;';
    // Control characters other than tab/newline/carriage return are not
    // allowed in XML 1.0 at all: drop them instead of emitting invalid XML.
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13) continue;
    else out += text[i];
  }
  return out;
}

/**
 * A coordinate or number for an SVG attribute: at most 2 decimals, no
 * trailing zeros, never `-0`, never NaN (non-finite input renders as 0).
 */
export function num(x: number): string {
  if (!Number.isFinite(x)) return '0';
  const r = Math.round(x * 100) / 100;
  return r === 0 ? '0' : String(r);
}

/** A number for a human label: up to 4 significant digits, no exponent below 1e9. */
export function label(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e9 || a < 1e-4) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/**
 * Tick values covering [0, max] with a step of 1, 2 or 5 × 10^k, about
 * `count` of them (d3-array's `ticks` rule). The last tick is ≥ max, so the
 * returned `top` can serve as the axis domain end.
 */
export function niceTicks(max: number, count: number): { readonly ticks: number[]; readonly step: number; readonly top: number } {
  const hi = max > 0 && Number.isFinite(max) ? max : 1;
  const raw = hi / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const f = raw / power;
  let step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
  let k = Math.ceil(hi / step - 1e-9);
  // Subnormal or huge inputs can make the step 0 or the count absurd: fall
  // back to the single tick [0, max].
  if (!(step > 0) || !(k >= 1 && k <= 1000)) {
    step = hi;
    k = 1;
  }
  const ticks: number[] = [];
  // Multiply instead of accumulating so 0.1-steps do not drift.
  for (let i = 0; i <= k; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { ticks, step, top: k * step };
}

/** A rough width in pixels of `text` at `fontSize` (0.6 em per character). */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/** Where a Gantt chart's time axis goes, for {@link timeAxisSvg}. */
export interface TimeAxis {
  readonly left: number;
  readonly plotWidth: number;
  /** y of the axis line; grid lines run from `topY` down to it. */
  readonly axisY: number;
  readonly topY: number;
  readonly ticks: readonly number[];
  /** Time → x. */
  readonly x: (t: number) => number;
  readonly fontSize: number;
  readonly textColor: string;
  /** The axis title, e.g. "time (s)". */
  readonly title: string;
}

/** The `<g class="axis">` group of a Gantt chart: axis line, grid, ticks, tick labels, title. */
export function timeAxisSvg(a: TimeAxis): string[] {
  const { left, plotWidth, axisY, topY, fontSize, textColor } = a;
  const out = ['<g class="axis">'];
  out.push(`<line class="axis-line" x1="${num(left)}" y1="${num(axisY)}" x2="${num(left + plotWidth)}" y2="${num(axisY)}" stroke="${textColor}"/>`);
  for (const t of a.ticks) {
    const tx = num(a.x(t));
    out.push(`<line class="grid" x1="${tx}" y1="${num(topY)}" x2="${tx}" y2="${num(axisY)}" stroke="#ccc" stroke-width="0.5"/>`);
    out.push(`<line class="tick" x1="${tx}" y1="${num(axisY)}" x2="${tx}" y2="${num(axisY + 5)}" stroke="${textColor}"/>`);
    out.push(`<text class="tick-label" x="${tx}" y="${num(axisY + 7 + fontSize)}" text-anchor="middle" fill="${textColor}" data-value="${t}">${escapeXml(label(t))}</text>`);
  }
  out.push(`<text class="axis-label" x="${num(left + plotWidth / 2)}" y="${num(axisY + 10 + fontSize * 2.2)}" text-anchor="middle" fill="${textColor}">${escapeXml(a.title)}</text>`);
  out.push('</g>');
  return out;
}
