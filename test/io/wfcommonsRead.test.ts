import { describe, expect, it } from 'vitest';
import { InputRangeError, InputTypeError } from '../../src/index.js';
import { readInstance } from '../../src/io/wfcommonsRead.js';

const spec = (tasks: object[], files: object[] = []): object => ({ schemaVersion: '1.5', workflow: { specification: { tasks, files } } });

describe('readInstance (internal reader of parseWfCommons): reference values', () => {
  it('readInstance merges parents and children into sorted unique [parent, child] pairs', () => {
    const inst = readInstance('f', spec([
      { id: 'c', parents: ['a', 'b'], children: [] },
      { id: 'a', parents: [], children: ['c', 'b'] },
      { id: 'b', parents: ['a'], children: ['c'] },
    ]), 1);
    expect(inst.edges).toEqual([[1, 0], [1, 2], [2, 0]]);
    expect(inst.tasks.map((t) => [t.id, t.runtime, t.machine])).toEqual([['c', 1, undefined], ['a', 1, undefined], ['b', 1, undefined]]);
  });

  it('readInstance (1.4) keys files by path + name, reads cpu.count and cpu.speed, and the task machine', () => {
    const inst = readInstance('f', {
      schemaVersion: '1.4',
      workflow: {
        machines: [{ nodeName: 'n1', cpu: { count: 4, speed: 2400 } }],
        tasks: [{ name: 'a', type: 'compute', parents: [], runtimeInSeconds: 2, machine: 'n1', files: [{ name: 'x', path: '/d/', sizeInBytes: 7, link: 'input' }, { name: 'y', sizeInBytes: 1, link: 'output' }] }],
      },
    }, undefined);
    expect(inst.machines).toEqual([{ name: 'n1', speed: 2400, cores: 4 }]);
    expect(inst.tasks[0]!.inputs).toEqual([['/d/x', 7]]);
    expect([...inst.tasks[0]!.outputs]).toEqual(['y']);
    expect(inst.tasks[0]!.machine).toBe('n1');
  });
});

describe('readInstance: edge cases', () => {
  it('readInstance rejects duplicate machines, fractional core counts, a bad link and a missing 1.4 runtime, naming the path', () => {
    const m15 = (machines: object[]): object => ({ schemaVersion: '1.6', workflow: { specification: { tasks: [] }, execution: { tasks: [], machines } } });
    expect(() => readInstance('f', m15([{ nodeName: 'a' }, { nodeName: 'a' }]), 1)).toThrow(/^f: workflow\.execution\.machines\[1\]\.nodeName duplicates an earlier machine \("a"\)$/);
    expect(() => readInstance('f', m15([{ nodeName: 'a', cpu: { coreCount: 1.5 } }]), 1)).toThrow(InputRangeError);
    const t14 = (task: object): object => ({ schemaVersion: '1.4', workflow: { tasks: [{ name: 'a', type: 'compute', ...task }] } });
    expect(() => readInstance('f', t14({ runtimeInSeconds: 1, files: [{ name: 'x', sizeInBytes: 1, link: 'both' }] }), undefined)).toThrow(/^f: workflow\.tasks\[0\]\.files\[0\]\.link must be 'input' or 'output', got "both"$/);
    expect(() => readInstance('f', t14({}), undefined)).toThrow(InputTypeError);
    expect(readInstance('f', t14({}), 3).tasks[0]!.runtime).toBe(3);
  });
});
