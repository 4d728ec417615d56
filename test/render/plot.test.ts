import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barChartToSvg, InputRangeError, InputTypeError, lineChartToSvg } from '../../src/index.js';
import { deepFreeze } from '../arbitraries.js';
import { byClass, numAttr, parseXml, type XmlElement } from './xml.js';

// The y scale of a chart, read back from its y-axis tick labels: value 0 at
// y0 and the top tick (value `top`) at y1.
function yScale(root: XmlElement): (v: number) => number {
  const ticks = byClass(byClass(root, 'y-axis')[0]!, 'tick-label');
  const y0 = numAttr(ticks[0]!, 'y');
  const last = ticks[ticks.length - 1]!;
  const y1 = numAttr(last, 'y');
  const top = numAttr(last, 'data-value');
  // v / top first: v · width underflows for subnormal v (5e-324 · 437.2 rounds to 437 ulps).
  return (v) => y0 + (v / top) * (y1 - y0);
}

function xScale(root: XmlElement): (v: number) => number {
  const ticks = byClass(byClass(root, 'x-axis')[0]!, 'tick-label');
  const x0 = numAttr(ticks[0]!, 'x');
  const last = ticks[ticks.length - 1]!;
  const top = numAttr(last, 'data-value');
  return (v) => x0 + (v / top) * (numAttr(last, 'x') - x0);
}

const close = (a: number, b: number): void => expect(Math.abs(a - b)).toBeLessThanOrEqual(0.011);

describe('barChartToSvg: reference values', () => {
  it('barChartToSvg(makespan per policy) draws one bar per policy, height proportional to the value, axis to the next nice tick', () => {
    const bars = deepFreeze([{ label: 'seed', value: 412.5 }, { label: 'mct', value: 301 }, { label: 'min-min', value: 288.25 }]);
    const root = parseXml(barChartToSvg(bars, { title: 'makespan', yLabel: 'time' }));
    const rects = byClass(root, 'bar-rect');
    expect(rects).toHaveLength(3);
    expect(byClass(root, 'bar-label').map((e) => e.text)).toEqual(['seed', 'mct', 'min-min']);
    expect(byClass(root, 'bar-value').map((e) => e.text)).toEqual(['412.5', '301', '288.3']);
    expect(byClass(root, 'tick-label').at(-1)!.attrs['data-value']).toBe('500');
    const y = yScale(root);
    rects.forEach((r, k) => {
      close(numAttr(r, 'y'), y(bars[k]!.value));
      close(numAttr(r, 'y') + numAttr(r, 'height'), y(0));
    });
    // Bars left to right, equal widths.
    expect(numAttr(rects[0]!, 'x')).toBeLessThan(numAttr(rects[1]!, 'x'));
    expect(numAttr(rects[0]!, 'width')).toBe(numAttr(rects[2]!, 'width'));
  });
});

describe('lineChartToSvg: reference values', () => {
  it('lineChartToSvg maps each point to the axis scales and names each series in the legend', () => {
    const series = deepFreeze([{ name: 'mct', points: [[0, 3], [10, 5], [35, 8]] as [number, number][] }, { name: 'a & b', points: [[5, 1]] as [number, number][] }]);
    const root = parseXml(lineChartToSvg(series, { xLabel: 'time' }));
    const x = xScale(root);
    const y = yScale(root);
    const lines = byClass(root, 'line');
    expect(lines).toHaveLength(2);
    const pts = lines[0]!.attrs.points!.split(' ').map((p) => p.split(',').map(Number));
    series[0]!.points.forEach(([px, py], i) => {
      close(pts[i]![0]!, x(px));
      close(pts[i]![1]!, y(py));
    });
    expect(byClass(root, 'legend-label').map((e) => e.text)).toEqual(['mct', 'a & b']);
    expect(byClass(root, 'x-label')[0]!.text).toBe('time');
  });
});

describe('barChartToSvg / lineChartToSvg: properties', () => {
  it('barChartToSvg(random values) is well-formed and every bar height is value · plotHeight / top', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ label: fc.string(), value: fc.double({ min: 0, max: 1e6, noNaN: true }) }), { maxLength: 12 }), (bars) => {
        const svg = barChartToSvg(bars);
        expect(svg).not.toMatch(/NaN|Infinity/);
        const root = parseXml(svg);
        const y = yScale(root);
        const rects = byClass(root, 'bar-rect');
        expect(rects).toHaveLength(bars.length);
        rects.forEach((r, k) => close(numAttr(r, 'height'), y(0) - y(bars[k]!.value)));
        expect(byClass(root, 'bar-label').map((e) => e.text)).toEqual(bars.map((b) => b.label.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')));
      }),
    );
  });

  it('lineChartToSvg(random series) is well-formed and keeps every point inside the plot area', () => {
    const point = fc.tuple(fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.record({ name: fc.string({ maxLength: 8 }), points: fc.array(point, { maxLength: 10 }) }), { maxLength: 4 }), (series) => {
        const root = parseXml(lineChartToSvg(series));
        const x = xScale(root);
        const y = yScale(root);
        byClass(root, 'line').forEach((l, k) => {
          const pts = l.attrs.points === '' ? [] : l.attrs.points!.split(' ').map((p) => p.split(',').map(Number));
          expect(pts).toHaveLength(series[k]!.points.length);
          pts.forEach(([px, py], i) => {
            close(px!, x(series[k]!.points[i]![0]));
            close(py!, y(series[k]!.points[i]![1]));
            expect(px!).toBeGreaterThanOrEqual(x(0) - 0.011);
            expect(py!).toBeLessThanOrEqual(y(0) + 0.011);
          });
        });
      }),
    );
  });
});

describe('barChartToSvg / lineChartToSvg: edge cases', () => {
  it('barChartToSvg([]) and all-zero values draw an empty axis from 0 to 1', () => {
    for (const bars of [[], [{ label: 'z', value: 0 }]]) {
      const root = parseXml(barChartToSvg(bars));
      expect(byClass(root, 'tick-label').at(-1)!.attrs['data-value']).toBe('1');
    }
    expect(byClass(parseXml(lineChartToSvg([])), 'line')).toHaveLength(0);
  });

  it('barChartToSvg uses the given colors in turn and escapes them', () => {
    const root = parseXml(barChartToSvg([{ label: 'a', value: 1 }, { label: 'b', value: 2 }, { label: 'c', value: 3 }], { colors: ['red', '"x"'] }));
    expect(byClass(root, 'bar-rect').map((r) => r.attrs.fill)).toEqual(['red', '"x"', 'red']);
  });

  it('barChartToSvg and lineChartToSvg reject negative or NaN values, bad pairs and unknown options, naming the field', () => {
    expect(() => barChartToSvg([{ label: 'a', value: -1 }])).toThrow(new InputRangeError('barChartToSvg', 'bars[0].value', 'barChartToSvg: bars[0].value must be a finite number >= 0, got -1'));
    expect(() => barChartToSvg([{ label: 'a', value: NaN }])).toThrow('barChartToSvg: bars[0].value must be a finite number, got NaN');
    expect(() => barChartToSvg([{ label: 3 as never, value: 1 }])).toThrow(InputTypeError);
    expect(() => barChartToSvg([], { colour: [] } as never)).toThrow(/options\.colour is not a known option/);
    expect(() => barChartToSvg([], { colors: [] })).toThrow('barChartToSvg: options.colors must be a non-empty array, got an array of length 0');
    expect(() => lineChartToSvg([{ name: 's', points: [[1, 2, 3] as never] }])).toThrow('lineChartToSvg: series[0].points[0] must be a pair [x, y], got an array of length 3');
    expect(() => lineChartToSvg([{ name: 's', points: [[1, Infinity]] }])).toThrow('lineChartToSvg: series[0].points[0][1] must be a finite number, got Infinity');
    expect(() => lineChartToSvg([], { height: -5 })).toThrow(InputRangeError);
  });
});
