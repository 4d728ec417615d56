import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, InputRangeError, InputTypeError, scheduleToSvg, workedExampleProblem, type Schedule } from '../../src/index.js';
import { deepFreeze, problemWithAssignmentArb } from '../arbitraries.js';
import { byClass, numAttr, parseXml, type XmlElement } from './xml.js';

// The time scale of a chart, read back from its axis: tick 0 is at x0 and the
// last tick (value `top`) at x0 + width, so t maps to x0 + t · width / top.
function scaleOf(root: XmlElement): (t: number) => number {
  const ticks = byClass(root, 'tick-label');
  const first = ticks[0]!;
  const last = ticks[ticks.length - 1]!;
  expect(numAttr(first, 'data-value')).toBe(0);
  const x0 = numAttr(first, 'x');
  const x1 = numAttr(last, 'x');
  const top = numAttr(last, 'data-value');
  return (t) => x0 + (t * (x1 - x0)) / top;
}

/** For each task group: its transfer and exec rects (transfer may be absent). */
function bars(root: XmlElement): Map<number, { transfer?: XmlElement; exec: XmlElement; group: XmlElement }> {
  const out = new Map<number, { transfer?: XmlElement; exec: XmlElement; group: XmlElement }>();
  for (const g of byClass(root, 'task')) {
    const exec = g.children.find((c) => c.attrs.class === 'exec')!;
    const transfer = g.children.find((c) => c.attrs.class === 'transfer');
    out.set(Number(g.attrs['data-task']), transfer === undefined ? { exec, group: g } : { transfer, exec, group: g });
  }
  return out;
}

/** Checks every bar against the schedule at the chart's own scale (0.01 px rounding). */
function expectGeometry(svg: string, schedule: Schedule): void {
  const root = parseXml(svg);
  const x = scaleOf(root);
  const found = bars(root);
  expect(found.size).toBe(schedule.tasks.length);
  for (const t of schedule.tasks) {
    const b = found.get(t.task)!;
    expect(Math.abs(numAttr(b.exec, 'x') - x(t.start + t.transfer))).toBeLessThanOrEqual(0.011);
    expect(Math.abs(numAttr(b.exec, 'width') - (x(t.finish) - x(t.start + t.transfer)))).toBeLessThanOrEqual(0.011);
    if (t.transfer > 0) {
      expect(Math.abs(numAttr(b.transfer!, 'x') - x(t.start))).toBeLessThanOrEqual(0.011);
      expect(Math.abs(numAttr(b.transfer!, 'width') - (x(t.start + t.transfer) - x(t.start)))).toBeLessThanOrEqual(0.011);
    } else {
      expect(b.transfer).toBeUndefined();
    }
    expect(b.group.attrs['data-device']).toBe(String(t.device));
  }
}

const published = deepFreeze(evaluate(workedExampleProblem(30), [0, 1, 2, 1, 0]));

describe('scheduleToSvg: reference values (the worked example)', () => {
  it('scheduleToSvg(evaluate(workedExampleProblem(30), published)) draws 4 lanes and 5 bars at the makespan-108 scale', () => {
    const svg = scheduleToSvg(published);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const root = parseXml(svg);
    expect(root.name).toBe('svg');
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    expect(byClass(root, 'device').map((e) => e.text)).toEqual(['device1', 'device2', 'device3', 'device4']);
    expect(byClass(root, 'task-label').map((e) => e.text)).toEqual(['task1', 'task2', 'task3', 'task4', 'task5']);
    // Axis to 120 (nice ticks of 20 above the makespan 108).
    expect(byClass(root, 'tick-label').map((e) => e.text)).toEqual(['0', '20', '40', '60', '80', '100', '120']);
    expectGeometry(svg, published);
    // Task 4 (index 3) waits for task 2 on device 2: transfer 54..78, exec 78..108.
    const x = scaleOf(root);
    const t4 = bars(root).get(3)!;
    expect(numAttr(t4.transfer!, 'x')).toBeCloseTo(x(54), 2);
    expect(numAttr(t4.exec, 'x')).toBeCloseTo(x(78), 2);
    expect(numAttr(t4.exec, 'width')).toBeCloseTo(x(30) - x(0), 2);
  });

  it("scheduleToSvg(independent schedule) stacks the two tasks that overlap on device 1 in two rows", () => {
    const s = evaluate(workedExampleProblem(30), [0, 1, 2, 1, 0], { costModel: 'independent' });
    const root = parseXml(scheduleToSvg(s, { laneHeight: 20 }));
    const b = bars(root);
    const y = (i: number): number => numAttr(b.get(i)!.exec, 'y');
    expect(y(4) - y(0)).toBeCloseTo(20, 2);
    expect(y(3) - y(1)).toBeCloseTo(20, 2);
    expectGeometry(scheduleToSvg(s), s);
  });

  it('scheduleToSvg outlines a task that misses its deadline and adds it to the legend', () => {
    const p = workedExampleProblem(30);
    const late = { ...p, tasks: p.tasks.map((t, i) => (i === 3 ? { ...t, deadline: 100 } : t)) };
    const root = parseXml(scheduleToSvg(evaluate(late, [0, 1, 2, 1, 0])));
    const outlines = byClass(root, 'late-outline');
    expect(outlines).toHaveLength(1);
    expect(byClass(root, 'late')[0]!.attrs['data-task']).toBe('3');
    expect(byClass(root, 'legend-label').map((e) => e.text)).toEqual(['transfer', 'execution', 'missed deadline']);
    expect(byClass(parseXml(scheduleToSvg(published)), 'legend-label').map((e) => e.text)).toEqual(['transfer', 'execution']);
  });
});

describe('scheduleToSvg: properties', () => {
  it('scheduleToSvg(evaluate(p, a)) is well-formed XML whose bars match start and duration at the axis scale, under both cost models', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb({ maxTasks: 8 }), fc.constantFrom('sequential' as const, 'independent' as const), fc.integer({ min: 200, max: 1600 }), ({ problem, assignment, order }, costModel, width) => {
        const s = evaluate(problem, assignment, { costModel, order });
        const svg = scheduleToSvg(s, { width });
        expect(svg).not.toMatch(/NaN|Infinity|undefined/);
        expectGeometry(svg, s);
        const root = parseXml(svg);
        expect(numAttr(root, 'width')).toBe(width);
      }),
    );
  });

  it('scheduleToSvg never puts two overlapping bars of one device in the same row, and uses as many rows as the deepest overlap (oracle)', () => {
    fc.assert(
      fc.property(problemWithAssignmentArb({ maxTasks: 8, integers: true }), ({ problem, assignment }) => {
        const s = evaluate(problem, assignment, { costModel: 'independent' });
        const root = parseXml(scheduleToSvg(s, { laneHeight: 10 }));
        const b = bars(root);
        for (let j = 0; j < s.devices.length; j++) {
          const mine = s.tasks.filter((t) => t.device === j && t.finish > t.start);
          const row = (i: number): number => numAttr(b.get(i)!.exec, 'y');
          for (const p of mine) for (const q of mine) {
            if (p.task < q.task && p.start < q.finish && q.start < p.finish) expect(row(p.task)).not.toBe(row(q.task));
          }
          // Brute-force depth: most intervals covering one start point.
          let depth = 0;
          for (const p of mine) depth = Math.max(depth, mine.filter((q) => q.start <= p.start && p.start < q.finish).length);
          const rows = new Set(mine.map((t) => row(t.task)));
          expect(rows.size).toBe(depth);
        }
      }),
    );
  });

  it('scheduleToSvg does not mutate a deeply frozen schedule and is deterministic', () => {
    expect(scheduleToSvg(published, { title: 't' })).toBe(scheduleToSvg(published, { title: 't' }));
  });
});

describe('scheduleToSvg: edge cases', () => {
  const tiny = (id: string, dev = 'dev'): Schedule => ({
    costModel: 'sequential',
    assignment: [0],
    tasks: [{ task: 0, id, device: 0, start: 0, transfer: 1, exec: 2, finish: 3 }],
    devices: [{ device: 0, id: dev, busy: 3, utilization: 1, tasks: [0] }],
    metrics: { makespan: 3, flowtime: 3, weightedFlowtime: 0, totalTransfer: 1, deadlineMisses: [], loadImbalance: 1, energy: { total: 0, perDevice: [] }, cost: { total: 0, perDevice: [] } },
  });

  it('scheduleToSvg escapes ids and titles (<, >, &, quotes) and drops control characters', () => {
    const svg = scheduleToSvg(tiny('a<b>&"c\'', 'x&y\u0001'), { title: '<title> & "more"', width: 2000 });
    const root = parseXml(svg);
    expect(byClass(root, 'title')[0]!.text).toBe('<title> & "more"');
    expect(byClass(root, 'device')[0]!.text).toBe('x&y');
    expect(byClass(root, 'task-label')[0]!.text).toBe('a<b>&"c\'');
  });

  it('scheduleToSvg of an empty schedule draws lanes and an axis from 0 to 1', () => {
    const empty: Schedule = { ...tiny('a'), assignment: [], tasks: [], metrics: { ...tiny('a').metrics, makespan: 0 } };
    const root = parseXml(scheduleToSvg(empty));
    expect(byClass(root, 'task')).toHaveLength(0);
    expect(byClass(root, 'device')).toHaveLength(1);
    expect(byClass(root, 'tick-label').at(-1)!.attrs['data-value']).toBe('1');
    const none: Schedule = { ...empty, devices: [] };
    expect(byClass(parseXml(scheduleToSvg(none)), 'device')).toHaveLength(0);
  });

  it('scheduleToSvg with a zero-length task draws a zero-width exec bar and no transfer bar', () => {
    const s: Schedule = { ...tiny('z'), tasks: [{ task: 0, id: 'z', device: 0, start: 5, transfer: 0, exec: 0, finish: 5 }] };
    const b = bars(parseXml(scheduleToSvg(s))).get(0)!;
    expect(b.transfer).toBeUndefined();
    expect(numAttr(b.exec, 'width')).toBe(0);
  });

  it('scheduleToSvg applies options: maxTime widens the axis, colors fill the bars, labels: false hides ids', () => {
    const root = parseXml(scheduleToSvg(tiny('task'), { maxTime: 10, colors: { exec: 'green', transfer: '#123' }, labels: false, timeLabel: 'seconds' }));
    expect(byClass(root, 'tick-label').at(-1)!.attrs['data-value']).toBe('10');
    expect(byClass(root, 'exec')[0]!.attrs.fill).toBe('green');
    expect(byClass(root, 'transfer')[0]!.attrs.fill).toBe('#123');
    expect(byClass(root, 'task-label')).toHaveLength(0);
    expect(byClass(root, 'axis-label')[0]!.text).toBe('seconds');
  });

  it('scheduleToSvg rejects unknown options, bad sizes and NaN times with named fields', () => {
    expect(() => scheduleToSvg(tiny('a'), { widht: 3 } as never)).toThrow(new InputTypeError('scheduleToSvg', 'options.widht', "scheduleToSvg: options.widht is not a known option (known: width, laneHeight, title, colors, fontSize, timeLabel, maxTime, labels); did you mean 'width'?"));
    expect(() => scheduleToSvg(tiny('a'), { colors: { bar: 'red' } as never })).toThrow(/scheduleToSvg: options\.colors\.bar is not a known option/);
    expect(() => scheduleToSvg(tiny('a'), { width: 0 })).toThrow(InputRangeError);
    expect(() => scheduleToSvg(tiny('a'), { title: 3 as never })).toThrow('scheduleToSvg: options.title must be a string, got 3');
    const bad = { ...tiny('a'), tasks: [{ ...tiny('a').tasks[0]!, start: NaN }] };
    expect(() => scheduleToSvg(bad)).toThrow('scheduleToSvg: schedule.tasks[0].start must be a finite number, got NaN');
    const off = { ...tiny('a'), tasks: [{ ...tiny('a').tasks[0]!, device: 1 }] };
    expect(() => scheduleToSvg(off)).toThrow('scheduleToSvg: schedule.tasks[0].device must be an integer in [0, 0], got 1');
  });
});

describe('parseXml (the test helper) is strict', () => {
  it('parseXml rejects malformed documents', () => {
    for (const bad of ['<a>', '<a></b>', '<a x="1" x="2"/>', '<a>1 < 2</a>', '<a>&foo;</a>', '<a>&</a>', '<a/><b/>', '<a x=1/>']) {
      expect(() => parseXml(bad), bad).toThrow();
    }
    expect(parseXml('<a x="&lt;&#39;">t&amp;<b/></a>')).toEqual({ name: 'a', attrs: { x: "<'" }, children: [{ name: 'b', attrs: {}, children: [], text: '' }], text: 't&' });
  });
});
