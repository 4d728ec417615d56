import { describe, expect, it } from 'vitest';
import { report } from '../../src/online/simulationReport.js';

describe('report', () => {
  it('report(three runs on two devices) gives the metrics computed by hand: makespan, mean and nearest-rank p95 response, misses, utilization, ratios', () => {
    // Device a runs task 0 (arrives 0, runs 0-4) then task 2 (arrives 1, runs 4-10);
    // device b runs task 1 (arrives 2, runs 2-5, transfer 1 of it). Responses 4, 3, 9.
    const r = report(
      'mct',
      [{ deadline: 5 }, { priority: 2, dataSize: 6 }, { deadline: 8, priority: 1 }],
      ['task-0', 'task-1', 'task-2'],
      Float64Array.from([0, 2, 1]),
      Int32Array.from([0, 1, 0]),
      Float64Array.from([0, 2, 4]),
      Float64Array.from([0, 1, 0]),
      Float64Array.from([4, 2, 6]),
      Float64Array.from([4, 5, 10]),
      Float64Array.from([10, 3]),
      Float64Array.from([0, 6]),
      [[0, 2], [1]],
      [{ id: 'a' }, { id: 'b' }],
      (j) => [1.5, 0.75][j]!,
      9,
      [],
    );
    expect(r.metrics).toEqual({
      tasks: 3,
      makespan: 10,
      meanResponse: 16 / 3,
      p95Response: 9, // ceil(0.95·3) = 3rd smallest of {3, 4, 9}
      deadlineMisses: 1, // task 2: 10 > 1 + 8; task 0: 4 ≤ 0 + 5
      dataMoved: 6,
      events: 9,
      devices: [
        { id: 'a', tasks: 2, busy: 10, utilization: 1, dataMoved: 0, ratio: 1.5 },
        { id: 'b', tasks: 1, busy: 3, utilization: 0.3, dataMoved: 6, ratio: 0.75 },
      ],
    });
    expect(r.schedule.metrics).toMatchObject({ makespan: 10, flowtime: 19, weightedFlowtime: 2 * 5 + 1 * 10, totalTransfer: 1, loadImbalance: 10 / 6.5 });
    expect(r.schedule.metrics.deadlineMisses).toEqual([{ task: 2, id: 'task-2', lateness: 1 }]);
    expect(r.schedule.tasks[1]).toEqual({ task: 1, id: 'task-1', device: 1, start: 2, transfer: 1, exec: 2, finish: 5 });
    expect(r.schedule.devices.map((d) => d.tasks)).toEqual([[0, 2], [1]]);
  });

  it('report(no task) gives zeros, not NaN', () => {
    const z = new Float64Array(0);
    const r = report('seed', [], [], z, new Int32Array(0), z, z, z, z, new Float64Array(1), new Float64Array(1), [[]], [{ id: 'a' }], () => 1, 0, []);
    expect(r.metrics).toMatchObject({ tasks: 0, makespan: 0, meanResponse: 0, p95Response: 0, deadlineMisses: 0 });
    expect(r.metrics.devices[0]!.utilization).toBe(0);
    expect(r.schedule.metrics.loadImbalance).toBe(0);
  });
});
