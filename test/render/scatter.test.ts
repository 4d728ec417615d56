import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/errors.js';
import type { ParetoFront } from '../../src/pareto/types.js';
import { frontToSvg } from '../../src/render/scatter.js';
import { deepFreeze } from '../arbitraries.js';
import { byClass, numAttr, parseXml } from './xml.js';

const front: ParetoFront = deepFreeze({
  points: [
    { assignment: [1, 1], order: [0, 1], objectives: [3, 120, 0] },
    { assignment: [0, 1], order: [1, 0], objectives: [4, 100, 1] },
    { assignment: [1, 0], order: [0, 1], objectives: [6, 70, 2] },
    { assignment: [0, 0], order: [0, 1], objectives: [10, 50, 5] },
  ],
  objectives: ['makespan', 'energy', 'cost'],
  method: 'exact',
  status: 'optimal',
  proved: true,
  stoppedEarly: false,
  reason: 'test',
});

describe('frontToSvg', () => {
  it('frontToSvg(front, {x, y, highlight}) draws one circle per point, placed by its values, the highlighted one apart and labelled', () => {
    const root = parseXml(frontToSvg(front, { x: 'makespan', y: 'energy', highlight: 2, title: 'edge vs cloud' }));
    const circles = byClass(root, 'point');
    expect(circles.map((c) => c.attrs['data-index'])).toEqual(['0', '1', '3']);
    const hl = byClass(root, 'highlight-point');
    expect(hl).toHaveLength(1);
    expect(byClass(root, 'highlight-label')[0]!.text).toBe('6, 70');
    // x grows with makespan, y (SVG, downwards) shrinks as energy grows.
    const xs = [numAttr(circles[0]!, 'cx'), numAttr(circles[1]!, 'cx'), numAttr(hl[0]!, 'cx'), numAttr(circles[2]!, 'cx')];
    const ys = [numAttr(circles[0]!, 'cy'), numAttr(circles[1]!, 'cy'), numAttr(hl[0]!, 'cy'), numAttr(circles[2]!, 'cy')];
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    // Linear scale: the x position of makespan 6 sits 3/7 of the way from 3 to 10.
    expect((xs[2]! - xs[0]!) / (xs[3]! - xs[0]!)).toBeCloseTo(3 / 7, 2);
    expect(byClass(root, 'x-label')[0]!.text).toBe('makespan (s)');
    expect(byClass(root, 'y-label')[0]!.text).toBe('energy (J)');
    expect(byClass(root, 'title')[0]!.text).toBe('edge vs cloud');
    expect(byClass(root, 'front-line')).toHaveLength(1);
  });

  it('frontToSvg(front, {x, y, highlight}) on the documented example returns a standalone SVG document', () => {
    expect(frontToSvg(front, { x: 'makespan', y: 'energy', highlight: 0 }).startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('frontToSvg(front) defaults to the first two objectives and no highlight', () => {
    const root = parseXml(frontToSvg(front));
    expect(byClass(root, 'point')).toHaveLength(4);
    expect(byClass(root, 'highlight')).toHaveLength(0);
    expect(byClass(root, 'y-label')[0]!.text).toBe('energy (J)');
  });

  it('frontToSvg handles one point and equal values without NaN', () => {
    const one = { ...front, points: [front.points[0]!] };
    const svg = frontToSvg(one, { highlight: 0 });
    expect(svg).not.toContain('NaN');
    parseXml(svg);
    const empty = { ...front, points: [] };
    expect(frontToSvg(empty)).not.toContain('NaN');
  });

  it('frontToSvg rejects unknown objectives, equal axes, bad highlights and NaN values with typed errors', () => {
    expect(() => frontToSvg(front, { x: 'flowtime' })).toThrow("frontToSvg: options.x names 'flowtime', which is not one of the front's objectives (makespan, energy, cost)");
    expect(() => frontToSvg(front, { x: 'energy', y: 'energy' })).toThrow(InputTypeError);
    expect(() => frontToSvg(front, { highlight: 4 })).toThrow('frontToSvg: options.highlight is 4, but the front has 4 points');
    expect(() => frontToSvg(front, { width: 0 })).toThrow(InputRangeError);
    const bad = { ...front, points: [{ assignment: [0], order: [0], objectives: [1, NaN, 0] }] };
    expect(() => frontToSvg(bad)).toThrow('frontToSvg: front.points[0].objectives[1] must be a finite number, got NaN');
    expect(() => frontToSvg(front, { colour: 'x' } as never)).toThrow(InputTypeError);
  });
});
