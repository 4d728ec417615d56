import { describe, expect, it } from 'vitest';
import { compileWorkflow } from '../../src/index.js';
import { meanComm, meanExec, transferTime } from '../../src/workflow/comm.js';

describe('comm (internal): transfer and mean costs', () => {
  const cw = compileWorkflow({
    tasks: [{ id: 'a' }, { id: 'b' }],
    devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }, { id: 'z', tier: 'fog' }],
    execTime: [[1, Infinity, 5], [2, 2, 2]],
    edges: [{ from: 'a', to: 'b', data: 6 }],
    network: { bandwidth: [[1, 2, 3], [2, 1, Infinity], [3, Infinity, 1]], latency: 1 },
  });

  it('transferTime is latency + data / bandwidth between devices and 0 on one device; Infinity bandwidth leaves the latency', () => {
    expect([transferTime(cw, 0, 0, 1), transferTime(cw, 0, 1, 2), transferTime(cw, 0, 2, 2)]).toEqual([4, 1, 0]);
  });

  it('meanExec averages over allowed devices only; meanComm over the 6 ordered pairs', () => {
    expect([...meanExec(cw)]).toEqual([3, 2]);
    // mean latency 1; mean 1/bw = (1/2 + 1/3 + 1/2 + 0 + 1/3 + 0) / 6 = 5/18
    expect(meanComm(cw)[0]).toBeCloseTo(1 + (6 * 5) / 18, 12);
  });
});
