import { describe, expect, it } from 'vitest';
import { workedExampleReport, workedExampleSections } from '../../src/cli/exampleReport.js';

describe('workedExampleReport()', () => {
  const report = workedExampleReport({ cloudTransferTime: 30 });
  const sections = workedExampleSections({ cloudTransferTime: 30 });

  it('evaluates the published assignment to 38, 54, 64, 54, 38, each marked ok', () => {
    const block = sections.find((s) => s.startsWith('Published assignment'))!;
    const rows = block.split('\n').filter((l) => /^\s+\d+\s+device/.test(l));
    expect(rows.map((r) => r.trim().split(/\s+/))).toEqual([
      ['1', 'device', '1', '20', '18', '38', '38', 'ok'],
      ['2', 'device', '2', '30', '24', '54', '54', 'ok'],
      ['3', 'device', '3', '40', '24', '64', '64', 'ok'],
      ['4', 'device', '2', '30', '24', '54', '54', 'ok'],
      ['5', 'device', '1', '20', '18', '38', '38', 'ok'],
    ]);
  });

  it('marks the non-reproducible priorities and loads as DIFFERS and explains each in one line', () => {
    const pri = sections.find((s) => s.startsWith('Task priority'))!;
    expect(pri.match(/DIFFERS/g)).toHaveLength(4);
    expect(pri).toMatch(/why: .*3\.8 exceeds 3/);
    const load = sections.find((s) => s.startsWith('Device load'))!;
    expect(load.match(/DIFFERS/g)).toHaveLength(4);
    expect(load).toMatch(/why: /);
    const tr = sections.find((s) => s.startsWith('Data-transfer'))!;
    expect(tr).not.toContain('DIFFERS');
  });

  it('is the same text on every call (pure)', () => {
    expect(workedExampleReport({ cloudTransferTime: 30 })).toBe(report);
  });

  it("shows every strategy's assignment beside the published one, pinned", () => {
    const block = sections.find((s) => s.startsWith("The library's assignments"))!;
    const rows = Object.fromEntries(
      block
        .split('\n')
        .slice(3, -1)
        .map((l) => {
          const m = /^\s+(.+?)\s{2,}([\d ]+?)\s{2,}(\d+)\s+(\d+)\s+(\d+)$/.exec(l)!;
          return [m[1], [m[2], Number(m[3]), Number(m[4]), Number(m[5])]];
        }),
    );
    expect(rows['published (article)']).toEqual(['1 2 3 2 1', 64, 108, 340]);
    expect(rows['seed']).toEqual(['1 2 3 1 4', 80, 80, 312]);
    expect(rows['met']).toEqual(['1 1 1 1 1', 38, 190, 570]);
    expect(rows['min-min']).toEqual(['1 2 3 1 4', 80, 80, 312]);
    expect(rows['optimal-flowtime']).toEqual(['1 2 3 1 4', 80, 80, 312]);
    expect(Object.keys(rows)).toHaveLength(12);
  });
});
