import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/index.js';
import { workflowToSvg } from '../../src/render/workflowGantt.js';
import { evaluateWorkflow } from '../../src/workflow/evaluate.js';
import { generateWorkflow } from '../../src/workflow/generate.js';
import type { WorkflowSchedule } from '../../src/workflow/scheduleTypes.js';
import { scheduleWorkflow, workflowStrategyNames } from '../../src/workflow/scheduleWorkflow.js';
import type { Workflow } from '../../src/workflow/types.js';
import { deepFreeze } from '../arbitraries.js';
import { byClass, numAttr, parseXml, type XmlElement } from './xml.js';

/** The chart's time scale, read back from its axis ticks. */
function scaleOf(root: XmlElement): (t: number) => number {
  const ticks = byClass(root, 'tick-label');
  const x0 = numAttr(ticks[0]!, 'x');
  const last = ticks[ticks.length - 1]!;
  const top = numAttr(last, 'data-value');
  return (t) => x0 + (t * (numAttr(last, 'x') - x0)) / top;
}

/** The device whose lane (its `lane` rectangle) contains height y. */
function laneOf(root: XmlElement, y: number): number {
  const lane = byClass(root, 'lane').find((r) => numAttr(r, 'y') - 0.01 <= y && y <= numAttr(r, 'y') + numAttr(r, 'height') + 0.01);
  return lane === undefined ? -1 : Number(lane.attrs['data-device']);
}

/** Checks bars and arrows against the schedule at the chart's own scale. */
function expectGeometry(svg: string, s: WorkflowSchedule): void {
  const root = parseXml(svg);
  const x = scaleOf(root);
  const bars = byClass(root, 'exec');
  expect(bars).toHaveLength(s.tasks.length);
  const groups = byClass(root, 'task');
  for (const g of groups) {
    const t = s.tasks[Number(g.attrs['data-task'])]!;
    const bar = g.children.find((c) => c.attrs.class === 'exec')!;
    expect(Math.abs(numAttr(bar, 'x') - x(t.start))).toBeLessThanOrEqual(0.011);
    expect(Math.abs(numAttr(bar, 'width') - (x(t.finish) - x(t.start)))).toBeLessThanOrEqual(0.021);
    expect(laneOf(root, numAttr(bar, 'y') + numAttr(bar, 'height') / 2)).toBe(t.device);
  }
  const crossing = s.transfers.filter((tr) => tr.fromDevice !== tr.toDevice);
  const arrows = byClass(root, 'transfer-group');
  expect(arrows).toHaveLength(crossing.length);
  for (const a of arrows) {
    const tr = crossing.find((c) => c.from === Number(a.attrs['data-from']) && c.to === Number(a.attrs['data-to']))!;
    const line = a.children.find((c) => c.attrs.class === 'transfer')!;
    expect(Math.abs(numAttr(line, 'x1') - x(tr.start))).toBeLessThanOrEqual(0.011);
    expect(Math.abs(numAttr(line, 'x2') - x(tr.arrival))).toBeLessThanOrEqual(0.011);
    expect(laneOf(root, numAttr(line, 'y1'))).toBe(tr.fromDevice);
    expect(laneOf(root, numAttr(line, 'y2'))).toBe(tr.toDevice);
  }
}

const example: Workflow = {
  tasks: [{ id: 'a' }, { id: 'b' }],
  devices: [{ id: 'cam', tier: 'edge' }, { id: 'dc', tier: 'cloud' }],
  execTime: [[2, 1], [4, 1]],
  edges: [{ from: 'a', to: 'b', data: 3 }],
};

describe('workflowToSvg: reference values', () => {
  it('workflowToSvg gives the TSDoc example: one arrow a -> b leaving at 2, arriving at 5 (3 units at bandwidth 1)', () => {
    const s = evaluateWorkflow(example, [0, 1], [[0], [1]]);
    expect(s.transfers[0]).toMatchObject({ start: 2, arrival: 5 });
    const svg = workflowToSvg(s, example, { title: 'a on cam, b in the cloud' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/class="transfer"/g)).toHaveLength(1);
    expectGeometry(svg, s);
    const root = parseXml(svg);
    expect(byClass(root, 'transfer-label').map((e) => e.text)).toEqual(['3']);
    expect(byClass(root, 'device').map((e) => e.text)).toEqual(['cam · edge', 'dc · cloud']);
  });

  it('workflowToSvg draws no arrow for an edge within one device (it costs nothing)', () => {
    const s = evaluateWorkflow(example, [0, 0], [[0, 1], []]);
    expect(byClass(parseXml(workflowToSvg(s, example)), 'transfer')).toHaveLength(0);
  });
});

describe('workflowToSvg: properties', () => {
  it('workflowToSvg(scheduleWorkflow(w).schedule, w) is well-formed XML with one bar per task and one arrow per cross-device edge, at the chart scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom(...workflowStrategyNames),
        (n, m, seed, strategy) => {
          const w = deepFreeze(generateWorkflow({ n, m, ccr: 1, tiers: 'fog' }, seed));
          const s = scheduleWorkflow(w, { strategy }).schedule;
          const svg = workflowToSvg(s, w);
          expectGeometry(svg, s);
          expect(workflowToSvg(s, w)).toBe(svg);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('workflowToSvg: edge cases', () => {
  it('workflowToSvg escapes ids, outlines a missed deadline, and hides arrows with {transfers: false}', () => {
    const w: Workflow = { ...example, tasks: [{ id: '<a&>' }, { id: 'b', deadline: 1 }], edges: [{ from: '<a&>', to: 'b', data: 3 }] };
    const s = evaluateWorkflow(w, [0, 1], [[0], [1]]);
    const svg = workflowToSvg(s, w, { width: 1200 });
    const root = parseXml(svg);
    expect(byClass(root, 'task-label').map((e) => e.text)).toContain('<a&>');
    expect(byClass(root, 'late-outline')).toHaveLength(1);
    expect(byClass(root, 'legend-label').map((e) => e.text)).toEqual(['task', 'data transfer (label: volume)', 'missed deadline']);
    expect(byClass(parseXml(workflowToSvg(s, w, { transfers: false })), 'transfer')).toHaveLength(0);
  });

  it('workflowToSvg labels arrows by default only up to 16 of them; {transferLabels: true} forces labels', () => {
    const n = 40;
    const w: Workflow = {
      tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}` })),
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: Array.from({ length: n }, () => [1, 1]),
      edges: Array.from({ length: n - 1 }, (_, i) => ({ from: `t${i}`, to: `t${i + 1}`, data: 0.5 })),
    };
    const placement = Array.from({ length: n }, (_, i) => i % 2);
    const order = [placement.flatMap((p, i) => (p === 0 ? [i] : [])), placement.flatMap((p, i) => (p === 1 ? [i] : []))];
    const s = evaluateWorkflow(w, placement, order);
    expect(byClass(parseXml(workflowToSvg(s, w)), 'transfer')).toHaveLength(n - 1);
    expect(byClass(parseXml(workflowToSvg(s, w)), 'transfer-label')).toHaveLength(0);
    const forced = byClass(parseXml(workflowToSvg(s, w, { transferLabels: true, width: 4000 })), 'transfer-label');
    expect(forced).toHaveLength(n - 1); // wide enough: no two labels collide
  });

  it('workflowToSvg leaves out a data label that would overlap an earlier one (two equal arrows from a to b and c on one device)', () => {
    const w: Workflow = {
      tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'z', tier: 'cloud' }],
      execTime: [[1, 1], [1, 1], [1, 1]],
      edges: [{ from: 'a', to: 'b', data: 2 }, { from: 'a', to: 'c', data: 2 }],
    };
    const s = evaluateWorkflow(w, [0, 1, 1], [[0], [1, 2]]);
    expect(s.transfers.map((t) => t.arrival)).toEqual([3, 3]);
    const root = parseXml(workflowToSvg(s, w));
    expect(byClass(root, 'transfer')).toHaveLength(2);
    expect(byClass(root, 'transfer-label').map((e) => e.text)).toEqual(['2']);
  });

  it('workflowToSvg of the empty workflow is a valid picture', () => {
    const w: Workflow = { tasks: [], devices: [], execTime: [], edges: [] };
    expect(() => parseXml(workflowToSvg(evaluateWorkflow(w, [], []), w))).not.toThrow();
  });

  it('workflowToSvg rejects a schedule that does not match the workflow, bad times and bad options', () => {
    const s = evaluateWorkflow(example, [0, 1], [[0], [1]]);
    const cases: [() => unknown, typeof InputTypeError | typeof InputRangeError, RegExp][] = [
      [() => workflowToSvg({ ...s, tasks: s.tasks.slice(1) }, example), InputRangeError, /^workflowToSvg: schedule\.tasks has 1 entries, but the workflow has 2 tasks$/],
      [() => workflowToSvg({ ...s, tasks: [s.tasks[0]!, { ...s.tasks[1]!, start: NaN }] }, example), InputRangeError, /schedule\.tasks\[1\]\.start must be a finite number, got NaN/],
      [() => workflowToSvg({ ...s, tasks: [s.tasks[0]!, { ...s.tasks[1]!, device: 5 }] }, example), InputRangeError, /schedule\.tasks\[1\]\.device must be an integer in \[0, 1\], got 5/],
      [() => workflowToSvg({ ...s, tasks: [s.tasks[0]!, { ...s.tasks[1]!, finish: 0 }] }, example), InputRangeError, /schedule\.tasks\[1\]\.finish must be a time >= start/],
      [() => workflowToSvg({ ...s, transfers: [{ ...s.transfers[0]!, arrival: 1 }] }, example), InputRangeError, /schedule\.transfers\[0\]\.arrival must be a time >= start/],
      [() => workflowToSvg(s, { ...example, edges: [{ from: 'a', to: 'a', data: 1 }] }), InputRangeError, /^workflowToSvg: workflow\.edges\[0\] is a self-loop/],
      [() => workflowToSvg(s, example, { width: 0 }), InputRangeError, /options\.width must be a finite number > 0, got 0/],
      [() => workflowToSvg(s, example, { colors: { arrow: 'red' } } as never), InputTypeError, /options\.colors\.arrow is not a known option/],
      [() => workflowToSvg(s, example, { transfers: 'yes' } as never), InputTypeError, /options\.transfers must be a boolean/],
      [() => workflowToSvg(null as never, example), InputTypeError, /^workflowToSvg: schedule must be an object, got null$/],
    ];
    for (const [call, cls, msg] of cases) {
      expect(call).toThrow(cls);
      expect(call).toThrow(msg);
    }
  });
});
