import { describe, expect, it } from 'vitest';
import { downwardRanks, upwardRanks } from '../../src/index.js';
import { topcuoglu2002 } from './fixtures.js';

const w = {
  tasks: [{ id: 'a' }, { id: 'b' }],
  devices: [{ id: 'x', tier: 'edge' as const }, { id: 'y', tier: 'cloud' as const }],
  execTime: [[2, 4], [1, Infinity]],
  edges: [{ from: 'a', to: 'b', data: 5 }],
};

describe('upwardRanks / downwardRanks: reference values', () => {
  it("upwardRanks(topcuoglu2002) equals the paper's table: 108, 77, 80, 80, 69, 63.333, 42.667, 35.667, 44.333, 14.667", () => {
    const r = upwardRanks(topcuoglu2002());
    const published = [108, 77, 80, 80, 69, 63.333, 42.667, 35.667, 44.333, 14.667];
    r.forEach((x, i) => expect(x).toBeCloseTo(published[i]!, 3));
  });

  it('rank_u + rank_d of the critical-path tasks n1, n2, n9, n10 all equal |CP| = 108 (Topcuoglu 2002, CPOP)', () => {
    const u = upwardRanks(topcuoglu2002());
    const d = downwardRanks(topcuoglu2002());
    for (const i of [0, 1, 8, 9]) expect(u[i]! + d[i]!).toBeCloseTo(108, 9);
    for (const i of [2, 3, 4, 5, 6, 7]) expect(u[i]! + d[i]!).toBeLessThan(108 - 1e-6);
  });

  it('upwardRanks and downwardRanks run their TSDoc examples: [9, 1] and [0, 8], the mean over allowed devices only', () => {
    expect(upwardRanks(w)).toEqual([9, 1]);
    expect(downwardRanks(w)).toEqual([0, 8]);
  });

  it('the mean communication cost is mean latency + data · mean(1/bandwidth) over ordered pairs p ≠ q', () => {
    const net = { ...w, execTime: [[2, 4], [1, 1]], network: { bandwidth: [[1, 2], [4, 1]], latency: [[0, 1], [3, 0]] } };
    // c̄ = (1 + 3)/2 + 5 · (1/2 + 1/4)/2 = 2 + 1.875
    expect(upwardRanks(net)).toEqual([3 + 3.875 + 1, 1]);
  });

  it('with one device the communication cost is 0', () => {
    expect(upwardRanks({ ...w, devices: [w.devices[0]!], execTime: [[2], [1]] })).toEqual([3, 1]);
  });
});
