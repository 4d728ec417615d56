// Fuzz: the online state transitions, the simulation and the SVG renderers.
import { describe, expect, it } from 'vitest';
import {
  barChartToSvg, complete, createOnlineState, evaluate, lineChartToSvg, scheduleToSvg, simulate, strategyNames, submit,
  type OnlineState,
} from '../../src/index.js';
import { problemWithAssignmentArb } from '../arbitraries.js';
import { anyNumber, assertNumbersOk, deepFreeze, fc, FUZZ_RUNS, SLOW_RUNS, outcome } from './harness.js';

/** A NaN in any geometry attribute (labels may legitimately contain the text "NaN"). */
const NAN_GEOMETRY = /\b(x|y|x1|x2|y1|y2|width|height|cx|cy|r|d|points|viewBox|transform|font-size)="[^"]*NaN/;

const tier = fc.constantFrom<unknown>('edge', 'edge', 'cloud', 'fog');
const devices = fc.array(fc.record({ id: fc.constantFrom('e0', 'e1', 'c0', 'c1'), tier }), { maxLength: 3 });
const time = fc.oneof({ weight: 20, arbitrary: fc.integer({ min: 0, max: 50 }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(NaN, -1, Infinity, 'x') });

describe('fuzz: online use, simulation and pictures', () => {
  it('createOnlineState → submit → complete: valid JSON states, untouched inputs, or library errors', () => {
    // Mostly well-formed: unique ids, one execTime per device; sometimes broken.
    const scenario = fc.integer({ min: 0, max: 3 }).chain((m) =>
      fc.tuple(
        fc.oneof({ weight: 12, arbitrary: fc.array(tier, { minLength: m, maxLength: m }).map((ts) => ts.map((t, j) => ({ id: `d${j}`, tier: t }))) }, { weight: 1, arbitrary: devices }),
        fc.integer({ min: 0, max: 4 }).chain((k) =>
          fc.array(
            fc.record({
              execTime: fc.oneof({ weight: 12, arbitrary: fc.array(time, { minLength: m, maxLength: m }) }, { weight: 1, arbitrary: fc.array(time, { maxLength: 4 }) }),
              transferTime: fc.option(fc.array(time, { minLength: m, maxLength: m }), { nil: undefined }),
            }, { requiredKeys: ['execTime'] }),
            { minLength: k, maxLength: k },
          ).map((ts) => ts.map((t, i) => ({ id: `t${i}`, ...t }))),
        ),
      ),
    );
    fc.assert(
      fc.property(scenario, time, fc.constantFrom(...strategyNames), anyNumber, ([devs, ts], now, strategy, observed) => {
        const fDevs = deepFreeze(devs);
        let state: OnlineState | undefined;
        outcome('createOnlineState', () => createOnlineState(fDevs as never), (s) => {
          state = s;
          expect(JSON.parse(JSON.stringify(s))).toEqual(s);
        });
        if (state === undefined) return;
        const frozenState = deepFreeze(state);
        const before = JSON.stringify(frozenState);
        const fTasks = deepFreeze(ts);
        let next: OnlineState | undefined;
        outcome('submit', () => submit(frozenState, fTasks as never, now as number, { strategy, timeLimitMs: 20, maxIterations: 100 }), (r) => {
          assertNumbersOk(r.decisions, true);
          expect(r.decisions).toHaveLength(ts.length);
          expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
          next = r.state;
        });
        expect(JSON.stringify(frozenState)).toBe(before);
        if (next === undefined || ts.length === 0) return;
        const fNext = deepFreeze(next);
        outcome('complete', () => complete(fNext, ts[0]!.id, { exec: observed }), (s) => {
          expect(JSON.parse(JSON.stringify(s))).toEqual(s);
          for (const d of s.devices) expect(Number.isFinite(d.ratio) && d.ratio > 0).toBe(true);
        });
      }),
      { numRuns: FUZZ_RUNS * 5 } // submit runs on ~70% of these, complete on ~20%,
    );
  });

  it('simulate(workload, devices, policy, {seed}) gives finite metrics or a library error', () => {
    const simDevices = fc.array(
      fc.record({ id: fc.constantFrom('e0', 'e1', 'c0'), tier: fc.constantFrom('edge', 'cloud'), speed: fc.oneof({ weight: 20, arbitrary: fc.double({ min: 0.1, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -1, NaN) }), latency: fc.integer({ min: 0, max: 5 }), bandwidth: fc.double({ min: 0.5, max: 100, noNaN: true }) }),
      { minLength: 0, maxLength: 3 },
    );
    const simTasks = fc.array(fc.record({ work: fc.oneof({ weight: 20, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(-1, NaN, Infinity) }), dataSize: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 4 });
    const workload = fc.record({ kind: fc.constant('poisson'), rate: fc.oneof({ weight: 20, arbitrary: fc.double({ min: 0.01, max: 10, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(0, -1, NaN) }), count: fc.integer({ min: 0, max: 20 }), tasks: simTasks });
    const policy = fc.record({ strategy: fc.constantFrom(...strategyNames), batchInterval: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }), timeLimitMs: fc.constant(20), maxIterations: fc.constant(50) }, { requiredKeys: ['strategy', 'timeLimitMs', 'maxIterations'] });
    fc.assert(
      fc.property(workload, simDevices, policy, fc.integer({ min: 0, max: 1000 }), (w, d, p, seed) => {
        const f = deepFreeze({ w, d, p });
        outcome('simulate', () => simulate(f.w as never, f.d as never, f.p as never, { seed }), (r) => {
          assertNumbersOk(r.metrics, true);
          expect(r.metrics.tasks).toBe(w.count);
          expect(r.metrics.p95Response).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: SLOW_RUNS },
    );
  });

  it('scheduleToSvg(schedule, options) gives well-formed SVG with one exec bar per task, or a library error', () => {
    const opts = fc.oneof(fc.constant(undefined), fc.record({ width: fc.oneof(fc.integer({ min: 200, max: 2000 }), fc.constantFrom(0, -5, NaN)), title: fc.string({ maxLength: 20 }) }, { requiredKeys: [] }));
    fc.assert(
      fc.property(problemWithAssignmentArb(), fc.constantFrom('sequential', 'independent'), opts, ({ problem: p, assignment: a }, costModel, o) => {
        const schedule = deepFreeze(evaluate(p, a, { costModel: costModel as 'sequential' }));
        outcome('scheduleToSvg', () => scheduleToSvg(schedule, o as never), (svg) => {
          expect(svg.startsWith('<svg')).toBe(true);
          expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
          expect(svg).not.toMatch(NAN_GEOMETRY);
          expect((svg.match(/class="exec"/g) ?? []).length).toBe(p.tasks.length);
        });
      }),
      { numRuns: SLOW_RUNS },
    );
  });

  it('barChartToSvg and lineChartToSvg give SVG without NaN, or a library error', () => {
    const bars = fc.array(fc.record({ label: fc.string({ maxLength: 8 }), value: anyNumber }), { maxLength: 6 });
    const series = fc.array(fc.record({ name: fc.string({ maxLength: 8 }), points: fc.array(fc.tuple(anyNumber, anyNumber), { maxLength: 6 }) }), { maxLength: 3 });
    fc.assert(
      fc.property(bars, series, (b, s) => {
        const fb = deepFreeze(b);
        const fs = deepFreeze(s);
        outcome('barChartToSvg', () => barChartToSvg(fb), (svg) => expect(svg).not.toMatch(NAN_GEOMETRY));
        outcome('lineChartToSvg', () => lineChartToSvg(fs as never), (svg) => expect(svg).not.toMatch(NAN_GEOMETRY));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });
});
