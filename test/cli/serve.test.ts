import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answer, serveCommand } from '../../src/cli/serve.js';
import { complete, createOnlineState, submit, type OnlineState } from '../../src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** JSON as serve writes it: a device without a budget (null in process) as "budget": "Infinity". */
function wire(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => (k === 'budget' && v === null ? 'Infinity' : v));
}

function reply(line: string): Record<string, unknown> {
  return JSON.parse(answer(line, 1)) as Record<string, unknown>;
}

describe('lepton-sched serve --stdio: reference values', () => {
  it('createOnlineState, submit and complete over JSON lines give what the functions give in process', () => {
    const devices = [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }];
    const s0 = reply(JSON.stringify({ id: 1, method: 'createOnlineState', params: { devices } }));
    expect(s0).toEqual({ id: 1, result: JSON.parse(wire(createOnlineState(devices))) });
    const tasks = [{ id: 'a', execTime: [4, 'Infinity'], transferTime: [0, 2] }];
    const r = reply(JSON.stringify({ id: 'two', method: 'submit', params: { state: s0.result, tasks, now: 0, options: { strategy: 'seed' } } }));
    const direct = submit(createOnlineState(devices), [{ id: 'a', execTime: [4, Infinity], transferTime: [0, 2] }], 0, { strategy: 'seed' });
    expect(r).toEqual({ id: 'two', result: JSON.parse(wire(direct)) });
    const c = reply(JSON.stringify({ id: 3, method: 'complete', params: { state: (r.result as { state: unknown }).state, taskId: 'a', observed: { exec: 8 } } }));
    expect(c).toEqual({ id: 3, result: JSON.parse(wire(complete(direct.state, 'a', { exec: 8 }))) });
  });

  it('complete over JSON lines with an impossible report (a task queued behind another, a finish too early) answers the InputRangeError with fn and field, and the server goes on', () => {
    const devices = [{ id: 'edge', tier: 'edge' as const }];
    const tasks = [{ id: 'a', execTime: [4] }, { id: 'b', execTime: [2] }];
    const direct = submit(createOnlineState(devices), tasks, 0, { strategy: 'seed' });
    const state = JSON.parse(wire(direct.state)) as unknown;
    const behind = reply(JSON.stringify({ id: 7, method: 'complete', params: { state, taskId: 'b', observed: { exec: 2 } } }));
    const thrownBehind = (() => { try { complete(direct.state, 'b', { exec: 2 }); } catch (e) { return e as Error; } return undefined; })();
    expect(behind).toEqual({ id: 7, error: { class: 'InputRangeError', message: thrownBehind?.message, fn: 'complete', field: 'taskId' } });
    expect((behind.error as { message: string }).message).toMatch(/complete task "a" first$/);
    const early = reply(JSON.stringify({ id: 8, method: 'complete', params: { state, taskId: 'a', observed: { exec: 4, finish: 3 } } }));
    expect(early).toMatchObject({ id: 8, error: { class: 'InputRangeError', fn: 'complete', field: 'observed.finish', message: expect.stringMatching(/^complete: observed\.finish must be >= start \+ transfer \+ exec = 0 \+ 0 \+ 4 = 4, got 3/) } });
    const ok = reply(JSON.stringify({ id: 9, method: 'complete', params: { state, taskId: 'a', observed: { exec: 4 } } }));
    expect(ok).toEqual({ id: 9, result: JSON.parse(wire(complete(direct.state, 'a', { exec: 4 }))) });
  });

  it('serveCommand answers each line in order and writes nothing else', async () => {
    const out: string[] = [];
    const err: string[] = [];
    async function* lines(): AsyncIterable<string> {
      yield JSON.stringify({ id: 1, method: 'createOnlineState', params: { devices: [{ id: 'e', tier: 'edge' }] } });
      yield '';
      yield '{"id": 2, "method": "complete", "params": {}}';
      yield 'not json';
    }
    const code = await serveCommand(['--stdio'], { stdout: (s) => out.push(s), stderr: (s) => err.push(s), lines: lines() });
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out.map((l) => (JSON.parse(l) as { id: unknown }).id)).toEqual([1, 2, null]);
    expect(out.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
  });
});

describe('lepton-sched serve --stdio: budgets and overflowing numbers round-trip exactly (edge cases)', () => {
  it('createOnlineState({budget: "Infinity"}) answers "budget": "Infinity" (never null), and that state handed back gives the same answers as in process', () => {
    const s0 = reply(JSON.stringify({ id: 1, method: 'createOnlineState', params: { devices: [{ id: 'x', tier: 'edge', budget: 'Infinity' }, { id: 'y', tier: 'edge', budget: 3 }] } }));
    const state = (s0.result as { devices: { budget: unknown }[] });
    expect(state.devices.map((d) => d.budget)).toEqual(['Infinity', 3]);
    expect(answer(JSON.stringify({ id: 1, method: 'createOnlineState', params: { devices: [{ id: 'x', tier: 'edge', budget: 'Infinity' }, { id: 'y', tier: 'edge', budget: 3 }] } }), 1)).not.toContain('null');
    const tasks = [{ id: 'a', execTime: [1, 1], demand: 2 }];
    const r = reply(JSON.stringify({ id: 2, method: 'submit', params: { state: s0.result, tasks, now: 0 } }));
    const direct = submit(createOnlineState([{ id: 'x', tier: 'edge', budget: Infinity }, { id: 'y', tier: 'edge', budget: 3 }]), tasks, 0);
    expect(r).toEqual({ id: 2, result: JSON.parse(wire(direct)) });
    // The returned state goes round again unchanged: the same text in, the same text out.
    const again = reply(JSON.stringify({ id: 3, method: 'complete', params: { state: (r.result as { state: unknown }).state, taskId: 'a', observed: { exec: 1 } } }));
    expect((again.result as { devices: { budget: unknown }[] }).devices.map((d) => d.budget)).toEqual(['Infinity', 3]);
    // null, the in-process form, is still accepted in a request.
    expect(reply(JSON.stringify({ id: 4, method: 'submit', params: { state: JSON.parse(JSON.stringify(createOnlineState([{ id: 'x', tier: 'edge' }]))), tasks: [{ id: 'b', execTime: [1] }], now: 0 } })).error).toBeUndefined();
  });

  it('submit with an execTime of 1e400 answers an InputRangeError naming request.params.tasks[0].execTime[1], not a forbidden pair', () => {
    const s0 = reply(JSON.stringify({ id: 1, method: 'createOnlineState', params: { devices: [{ id: 'x', tier: 'edge' }, { id: 'y', tier: 'edge' }] } }));
    const line = `{"id": 2, "method": "submit", "params": {"state": ${JSON.stringify(s0.result)}, "tasks": [{"id": "a", "execTime": [5, 1e400]}], "now": 0}}`;
    expect(reply(line)).toEqual({ id: 2, error: { class: 'InputRangeError', fn: 'serve', field: 'request.params.tasks[0].execTime[1]', message: 'serve: request.params.tasks[0].execTime[1] is a JSON number too large for a double (it overflows to Infinity): write a finite number up to 1.7976931348623157e308, or the string "Infinity" where the field allows it' } });
  });
});

describe('lepton-sched serve --stdio: fog devices', () => {
  it("createOnlineState with a device of tier 'fog' over JSON lines gives the state createOnlineState gives in process", () => {
    const devices = [{ id: 'f', tier: 'fog' as const }];
    expect(reply(JSON.stringify({ id: 1, method: 'createOnlineState', params: { devices } }))).toEqual({ id: 1, result: JSON.parse(wire(createOnlineState(devices))) });
  });
});

describe('lepton-sched serve --stdio: did-you-mean for misspelt methods, params and fields', () => {
  it('a request with method "sumbit", param "stat" or field "parms" is a RequestError naming the nearest name', () => {
    expect(reply('{"id":1,"method":"sumbit","params":{}}')).toEqual({ id: 1, error: { class: 'RequestError', message: 'serve: request.method must be one of createOnlineState, submit, complete, got "sumbit"; did you mean \'submit\'?' } });
    expect(reply('{"id":1,"method":"submit","params":{"stat":{},"tasks":[],"now":0}}')).toEqual({ id: 1, error: { class: 'RequestError', message: "serve: request.params.stat is not a parameter of submit (known: state, tasks, now, options); did you mean 'state'?" } });
    expect(reply('{"id":1,"method":"submit","parms":{}}')).toEqual({ id: 1, error: { class: 'RequestError', message: "serve: request.parms is not a known field (known: id, method, params); did you mean 'params'?" } });
  });
});

describe('lepton-sched serve --stdio: errors are typed responses (edge cases)', () => {
  it('a library error comes back with its class, message, fn and field', () => {
    const r = reply(JSON.stringify({ id: 7, method: 'createOnlineState', params: { devices: [{ id: 'e', tier: 'edgy' }] } }));
    expect(r.id).toBe(7);
    const e = r.error as Record<string, string>;
    expect(e.class).toBe('InputTypeError');
    expect(e.fn).toBe('createOnlineState');
    expect(e.message).toMatch(/^createOnlineState: devices\[0\]\.tier/);
  });

  it('bad JSON, an unknown method, an unknown or missing parameter are RequestErrors naming the problem', () => {
    expect(reply('{')).toMatchObject({ id: null, error: { class: 'RequestError', message: expect.stringMatching(/line 1 is not valid JSON/) } });
    expect(reply('{"id":1,"method":"toString"}')).toMatchObject({ id: 1, error: { class: 'RequestError', message: expect.stringMatching(/method must be one of createOnlineState, submit, complete/) } });
    expect(reply('{"id":1,"method":"submit","params":{"state":{},"tasks":[],"now":0,"extra":1}}')).toMatchObject({ error: { class: 'RequestError', message: expect.stringMatching(/params\.extra is not a parameter of submit/) } });
    expect(reply('{"id":1,"method":"submit","params":{"state":{}}}')).toMatchObject({ error: { class: 'RequestError', message: expect.stringMatching(/params\.tasks is required/) } });
    expect(reply('{"id":[1],"method":"submit"}')).toMatchObject({ id: null, error: { class: 'RequestError' } });
  });

  it('serve without --stdio is a usage error', async () => {
    await expect(serveCommand([], { stdout: () => undefined, stderr: () => undefined })).rejects.toThrow(/serve needs --stdio/);
  });
});

/** The same simulation as examples/clients/python/edge_cloud_sim.py, in process. */
function simulateInProcess(): unknown {
  const devices = [{ id: 'edge-0', tier: 'edge' as const }, { id: 'edge-1', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }];
  const slowdown: Record<string, number> = { 'edge-0': 1.0, 'edge-1': 1.5, cloud: 2.0 };
  let state: OnlineState = createOnlineState(devices);
  const placed: unknown[] = [];
  const actual = (s: OnlineState, p: OnlineState['pending'][number]): number => p.start + p.transfer + p.nominalExec * slowdown[s.devices[p.device]!.id]!;
  const completeUntil = (s: OnlineState, now: number): OnlineState => {
    const due = s.pending.filter((p) => actual(s, p) <= now).sort((a, b) => actual(s, a) - actual(s, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const p of due) s = complete(s, p.id, { exec: p.nominalExec * slowdown[s.devices[p.device]!.id]! });
    return s;
  };
  for (let k = 0; k < 12; k++) {
    const now = 2 * k;
    state = completeUntil(state, now);
    const task = { id: `t${String(k).padStart(2, '0')}`, execTime: [4 + (k % 3), 5 + (k % 2), k % 4 ? 1.5 : Infinity], transferTime: [0, 0, 2 + (k % 2)] };
    const r = submit(state, [task], now, { strategy: 'mct' });
    state = r.state;
    const d = r.decisions[0]!;
    placed.push({ id: d.id, device: d.deviceId, start: d.start, finish: d.finish });
  }
  state = completeUntil(state, Infinity);
  return { placed, ratios: Object.fromEntries(state.devices.map((d) => [d.id, d.ratio])), completed: state.completed };
}

describe('lepton-sched serve --stdio with the Python client (reference values)', () => {
  it('examples/clients/python/edge_cloud_sim.py (standard library only) gives the same placements and learned ratios as the simulation run in process', () => {
    const dir = join(root, 'examples/clients/python');
    const cmd = `${join(root, 'node_modules/.bin/tsx')} ${join(root, 'src/cli.ts')}`;
    const out = execFileSync('python3', [join(dir, 'edge_cloud_sim.py')], { cwd: dir, encoding: 'utf8', env: { ...process.env, LEPTON_SCHED_CMD: cmd }, timeout: 60_000 });
    const expected = simulateInProcess();
    expect(JSON.parse(out)).toEqual(expected);
    expect((expected as { completed: number }).completed).toBe(12);
  });
});
