import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answer, serveCommand } from '../../src/cli/serve.js';
import { complete, createOnlineState, submit, type OnlineState } from '../../src/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function reply(line: string): Record<string, unknown> {
  return JSON.parse(answer(line, 1)) as Record<string, unknown>;
}

describe('lepton-sched serve --stdio: reference values', () => {
  it('createOnlineState, submit and complete over JSON lines give what the functions give in process', () => {
    const devices = [{ id: 'edge', tier: 'edge' as const }, { id: 'cloud', tier: 'cloud' as const }];
    const s0 = reply(JSON.stringify({ id: 1, method: 'createOnlineState', params: { devices } }));
    expect(s0).toEqual({ id: 1, result: JSON.parse(JSON.stringify(createOnlineState(devices))) });
    const tasks = [{ id: 'a', execTime: [4, 'Infinity'], transferTime: [0, 2] }];
    const r = reply(JSON.stringify({ id: 'two', method: 'submit', params: { state: s0.result, tasks, now: 0, options: { strategy: 'seed' } } }));
    const direct = submit(createOnlineState(devices), [{ id: 'a', execTime: [4, Infinity], transferTime: [0, 2] }], 0, { strategy: 'seed' });
    expect(r).toEqual({ id: 'two', result: JSON.parse(JSON.stringify(direct)) });
    const c = reply(JSON.stringify({ id: 3, method: 'complete', params: { state: (r.result as { state: unknown }).state, taskId: 'a', observed: { exec: 8 } } }));
    expect(c).toEqual({ id: 3, result: JSON.parse(JSON.stringify(complete(direct.state, 'a', { exec: 8 }))) });
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

describe('lepton-sched serve --stdio: fog devices', () => {
  it("createOnlineState with a device of tier 'fog' over JSON lines gives the state createOnlineState gives in process", () => {
    const devices = [{ id: 'f', tier: 'fog' as const }];
    expect(reply(JSON.stringify({ id: 1, method: 'createOnlineState', params: { devices } }))).toEqual({ id: 1, result: JSON.parse(JSON.stringify(createOnlineState(devices))) });
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
