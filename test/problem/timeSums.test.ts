// Item 5 of issue 11: sums of times that overflow a double are refused up
// front, with the same message, by every entry point that times a schedule.
import { describe, expect, it } from 'vitest';
import {
  compileProblem, createOnlineState, evaluate, InputRangeError, makespanLowerBound, parseProblemJson, problemToJson, simulate,
  solve, strategyNames, submit, type Problem,
} from '../../src/index.js';
import { checkTimeSums } from '../../src/problem/timeSums.js';
import { deepFreeze } from '../arbitraries.js';

const REASON = 'has times whose sums overflow the range of a double';
// The issue's input: 1e308 + 1e308 = Infinity in IEEE double (python3: 1e308 + 1e308 == float('inf')).
const issue: Problem = deepFreeze({ tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'x', tier: 'edge' }], execTime: [[1e308], [1e308]] });

describe('checkTimeSums: reference values (issue 11, item 5)', () => {
  it('solve(issue 11 item 5 input) with every strategy throws InputRangeError naming solve and problem, never assignment [0, -1] or gap NaN', () => {
    for (const strategy of strategyNames) {
      expect(() => solve(issue, { strategy })).toThrow(InputRangeError);
      expect(() => solve(issue, { strategy })).toThrow(`solve: problem ${REASON}`);
    }
  });

  it('compileProblem, evaluate, makespanLowerBound, parseProblemJson and problemToJson refuse the same input with the same message', () => {
    expect(() => compileProblem(issue)).toThrow(`compileProblem: problem ${REASON}`);
    expect(() => evaluate(issue, [0, 0])).toThrow(`evaluate: problem ${REASON}`);
    expect(() => evaluate(issue, [0, 0], { costModel: 'independent' })).toThrow(`evaluate: problem ${REASON}`);
    expect(() => makespanLowerBound(issue)).toThrow(`makespanLowerBound: problem ${REASON}`);
    expect(() => parseProblemJson(JSON.stringify(issue))).toThrow(`parseProblemJson: problem ${REASON}`);
    expect(() => problemToJson(issue)).toThrow(`problemToJson: problem ${REASON}`);
  });

  it('submit(state, the same two tasks) throws InputRangeError naming submit, not a raw TypeError', () => {
    const s0 = createOnlineState([{ id: 'x', tier: 'edge' }]);
    const tasks = [{ id: 'a', execTime: [1e308] }, { id: 'b', execTime: [1e308] }];
    for (const strategy of strategyNames) {
      expect(() => submit(s0, tasks, 0, { strategy, maxIterations: 10 })).toThrow(InputRangeError);
      expect(() => submit(s0, tasks, 0, { strategy, maxIterations: 10 })).toThrow(`submit: problem ${REASON}`);
    }
    // One at a time: the second lands behind the first (busyUntil 1e308), which would overflow.
    const s1 = submit(s0, [tasks[0]!], 0).state;
    expect(() => submit(s1, [tasks[1]!], 0)).toThrow(`submit: problem ${REASON}`);
  });

  it('simulate(two tasks of work 1e308) throws InputRangeError naming simulate and workload before any event', () => {
    const w = { kind: 'trace' as const, arrivals: [{ time: 0, task: { work: 1e308 } }, { time: 1, task: { work: 1e308 } }] };
    for (const strategy of ['mct', 'min-min', 'seed'] as const) {
      expect(() => simulate(w, [{ id: 'x', tier: 'edge', speed: 1 }], { strategy })).toThrow(`simulate: workload ${REASON}`);
    }
  });
});

describe('checkTimeSums: edge cases', () => {
  const cp = (exec: number[], transfer: number[], extra: Partial<{ release: number[]; ready: number[]; priority: number[] }> = {}) => ({
    n: exec.length, m: 1, exec, transfer, release: extra.release ?? exec.map(() => 0), priority: extra.priority ?? exec.map(() => 0), ready: extra.ready ?? [0],
  });

  it('checkTimeSums accepts 1e300 + 1e-300 and magnitudes from 5e-324 to 1e307 whose sums stay finite', () => {
    expect(() => checkTimeSums('f', cp([1e300, 1e-300], [0, 0]))).not.toThrow();
    expect(() => checkTimeSums('f', cp([5e-324, 1e307], [5e-324, 1e307]))).not.toThrow();
    expect(evaluate({ tasks: [{ id: 'a' }, { id: 'b' }], devices: [{ id: 'd', tier: 'edge' }], execTime: [[1e300], [1e-300]] }, [0, 0]).metrics.flowtime).toBe(2e300);
  });

  it('checkTimeSums refuses an allowed pair whose transfer + exec overflows, naming the pair (it would look forbidden)', () => {
    expect(() => checkTimeSums('f', cp([1e308], [1e308]))).toThrow('f: problem.execTime[0][0] plus problem.transferTime[0][0] overflows the range of a double');
    const p: Problem = { tasks: [{ id: 'a' }], devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }], execTime: [[1e308, 1]], transferTime: [[1e308, 0]] };
    expect(() => solve(p)).toThrow('solve: problem.execTime[0][0] plus problem.transferTime[0][0] overflows');
  });

  it('checkTimeSums counts ready and release times, the flowtime (n·H) and the weighted flowtime (Σ priority·H)', () => {
    expect(() => checkTimeSums('f', cp([1e308], [0], { ready: [1e308] }))).toThrow(`f: problem ${REASON}`);
    expect(() => checkTimeSums('f', cp([1e308], [0], { release: [1e308] }))).toThrow(REASON);
    // H = 1e308 is finite, but two tasks at 1e308 on two devices: flowtime 2e308.
    expect(() => checkTimeSums('f', { ...cp([1e308, 1e308], [0, 0]), m: 1 })).toThrow(REASON);
    expect(() => checkTimeSums('f', cp([1e300], [0], { priority: [1e10] }))).toThrow(REASON);
    // Summed device loads (local search): three devices ready at 6e307 sum past the range of a double.
    expect(() => checkTimeSums('f', { n: 1, m: 3, exec: [1, 1, 1], transfer: [0, 0, 0], release: [0], priority: [0], ready: [6e307, 6e307, 6e307] })).toThrow(REASON);
    expect(() => checkTimeSums('f', { n: 1, m: 2, exec: [1, 1], transfer: [0, 0], release: [0], priority: [0], ready: [5e307, 5e307] })).not.toThrow();
    // One task of 1e308 on one device is fine: its finish, flowtime and load are all 1e308.
    expect(() => checkTimeSums('f', cp([1e308], [0]))).not.toThrow();
    // All times 0: any priority is fine (every finish time is 0).
    expect(() => checkTimeSums('f', cp([0, 0], [0, 0], { priority: [1e308, 1e308] }))).not.toThrow();
  });

  it('checkTimeSums ignores forbidden pairs (Infinity) and an empty problem', () => {
    expect(() => checkTimeSums('f', { n: 1, m: 2, exec: [Infinity, 1], transfer: [0, 0], release: [0], priority: [0], ready: [0, 0] })).not.toThrow();
    expect(() => checkTimeSums('f', { n: 0, m: 0, exec: [], transfer: [], release: [], priority: [], ready: [] })).not.toThrow();
  });
});
