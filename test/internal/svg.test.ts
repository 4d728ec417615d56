import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeXml, label, niceTicks, num, timeAxisSvg } from '../../src/internal/svg.js';

describe('svg helpers: reference values', () => {
  it('niceTicks(108, 6) steps by 20 up to 120; niceTicks(0.7, 5) by 0.2 up to 0.8', () => {
    expect(niceTicks(108, 6)).toEqual({ ticks: [0, 20, 40, 60, 80, 100, 120], step: 20, top: 120 });
    expect(niceTicks(0.7, 5).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it("escapeXml escapes & < > \" ' and drops control characters; num rounds to 2 decimals without -0", () => {
    expect(escapeXml(`a&b<c>"d'\u0001e\tf`)).toBe('a&amp;b&lt;c&gt;&quot;d&#39;e\tf');
    expect(num(1.23456)).toBe('1.23');
    expect(num(-0.001)).toBe('0');
    expect(num(NaN)).toBe('0');
    expect(label(288.25)).toBe('288.3');
    expect(label(1e12)).toBe('1.00e+12');
  });
});

describe('svg helpers: properties', () => {
  it('niceTicks(max, count) starts at 0, is increasing, and ends at a top ≥ max', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), fc.integer({ min: 1, max: 20 }), (max, count) => {
        const { ticks, top } = niceTicks(max, count);
        expect(ticks[0]).toBe(0);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
        expect(top).toBeGreaterThanOrEqual(max);
        expect(top).toBeGreaterThan(0);
        expect(ticks.length).toBeLessThanOrEqual(1001);
      }),
    );
  });
});

describe('svg helpers: edge cases', () => {
  it('niceTicks of 0, Infinity and a subnormal number still gives a finite positive top', () => {
    expect(niceTicks(0, 5).top).toBe(1);
    expect(niceTicks(Infinity, 5).top).toBe(1);
    expect(niceTicks(5e-324, 5).top).toBeGreaterThan(0);
  });
});

describe('timeAxisSvg (reference values)', () => {
  it('timeAxisSvg draws one grid line, tick and label per tick inside one axis group', () => {
    const out = timeAxisSvg({ left: 10, plotWidth: 100, axisY: 50, topY: 5, ticks: [0, 5, 10], x: (t) => 10 + t * 10, fontSize: 10, textColor: '#222', title: 'time (s)' });
    expect(out[0]).toBe('<g class="axis">');
    expect(out.at(-1)).toBe('</g>');
    expect(out.filter((l) => l.startsWith('<line class="grid"'))).toHaveLength(3);
    expect(out.filter((l) => l.startsWith('<text class="tick-label"')).map((l) => /data-value="([^"]*)"/.exec(l)![1])).toEqual(['0', '5', '10']);
    expect(out).toContain('<line class="tick" x1="60" y1="50" x2="60" y2="55" stroke="#222"/>');
    expect(out.some((l) => l.includes('>time (s)</text>'))).toBe(true);
  });
});
