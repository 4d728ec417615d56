import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../src/index.js';
import { topcuoglu2002 } from './fixtures.js';

describe('criticalPath: reference values', () => {
  it("criticalPath(topcuoglu2002) is n1 → n2 → n9 → n10 with |CP| = 108 on p2 (Topcuoglu et al. 2002, CPOP)", () => {
    const cp = criticalPath(topcuoglu2002());
    expect(cp.ids).toEqual(['n1', 'n2', 'n9', 'n10']);
    expect(cp.length).toBeCloseTo(108, 9);
    expect(cp.device).toBe(1);
  });

  it('criticalPath runs its TSDoc example', () => {
    expect(criticalPath({
      tasks: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: [[2, 4], [1, 3], [6, 2]],
      edges: [{ from: 'a', to: 'b', data: 1 }, { from: 'a', to: 'c', data: 1 }],
    })).toEqual({ tasks: [0, 2], ids: ['a', 'c'], length: 8, device: 1 });
  });

  it('criticalPath of an empty workflow is empty with device null; a device is null when every device forbids a path task', () => {
    expect(criticalPath({ tasks: [], devices: [], execTime: [], edges: [] })).toEqual({ tasks: [], ids: [], length: 0, device: null });
    const cp = criticalPath({
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: [[2, Infinity], [Infinity, 3]],
      edges: [{ from: 'a', to: 'b', data: 1 }],
    });
    expect(cp.ids).toEqual(['a', 'b']);
    expect(cp.device).toBeNull();
  });
});
