import { describe, expect, it } from 'vitest';
import { optimisticCostTable } from '../../src/index.js';
import { arabnejad2014 } from './fixtures.js';

describe('optimisticCostTable: reference values', () => {
  it("optimisticCostTable(arabnejad2014) equals the paper's OCT (also mackncheesiest/peft's expected table)", () => {
    expect(optimisticCostTable(arabnejad2014())).toEqual([
      [64, 68, 86], [42, 39, 42], [27, 41, 43], [42, 39, 50], [28, 37, 28],
      [42, 39, 44], [13, 16, 22], [13, 16, 33], [13, 16, 20], [0, 0, 0],
    ]);
  });

  it('optimisticCostTable runs its TSDoc example: [[1, 6], [0, 0]]', () => {
    expect(optimisticCostTable({
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: [[2, 4], [1, 9]],
      edges: [{ from: 'a', to: 'b', data: 5 }],
    })).toEqual([[1, 6], [0, 0]]);
  });

  it('never picks a forbidden device for a successor (Infinity execTime)', () => {
    expect(optimisticCostTable({
      tasks: [{ id: 'a' }, { id: 'b' }],
      devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'cloud' }],
      execTime: [[2, 4], [Infinity, 9]],
      edges: [{ from: 'a', to: 'b', data: 5 }],
    })).toEqual([[14, 9], [0, 0]]);
  });
});
