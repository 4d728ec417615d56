import { describe, expect, it } from 'vitest';
import { LSAP_DENSE_WASM_BASE64 } from '../../../../src/solvers/lsap/wasm/lsapDenseWasm.js';
import { LSAP_SPARSE_WASM_BASE64 } from '../../../../src/solvers/lsap/wasm/lsapSparseWasm.js';
import { compileLsapWasm, LSAP_SPARSE_TARGET, lsapWasmModuleText } from '../../../../scripts/build-lsap-wasm.js';
import { readFileSync } from 'node:fs';

/** The part of the WebAssembly API used here (not in this project's `lib`). */
interface WasmModuleApi {
  readonly Module: { new (bytes: Uint8Array): object; imports(m: object): { kind: string; module: string; name: string }[]; exports(m: object): { kind: string; name: string }[] };
}
const WA = (globalThis as unknown as { readonly WebAssembly: WasmModuleApi }).WebAssembly;

describe('LSAP_DENSE_WASM_BASE64', () => {
  it('LSAP_DENSE_WASM_BASE64 is exactly what asc makes of lsapDense.as.ts today (the embedded blob is never opaque or stale)', async () => {
    const bytes = await compileLsapWasm();
    expect(Buffer.from(LSAP_DENSE_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    // The whole generated file too (header: size and flags).
    expect(readFileSync(new URL('../../../../src/solvers/lsap/wasm/lsapDenseWasm.ts', import.meta.url), 'utf8')).toBe(lsapWasmModuleText(bytes));
  }, 60_000);

  it('LSAP_DENSE_WASM_BASE64 decodes to a module under 4 KB (browsers compile that synchronously on the main thread) that imports nothing and exports solve, scan, scanRect and memory', () => {
    const bytes = Buffer.from(LSAP_DENSE_WASM_BASE64, 'base64');
    expect(bytes.length).toBeLessThan(4096);
    const m = new WA.Module(bytes);
    expect(WA.Module.imports(m)).toEqual([]);
    expect(WA.Module.exports(m).map((e) => `${e.kind} ${e.name}`).sort()).toEqual(['function scan', 'function scanRect', 'function solve', 'memory memory']);
  });
});

describe('LSAP_SPARSE_WASM_BASE64', () => {
  it('LSAP_SPARSE_WASM_BASE64 is exactly what asc makes of lsapSparse.as.ts today', async () => {
    const bytes = await compileLsapWasm(LSAP_SPARSE_TARGET);
    expect(Buffer.from(LSAP_SPARSE_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(readFileSync(new URL('../../../../src/solvers/lsap/wasm/lsapSparseWasm.ts', import.meta.url), 'utf8')).toBe(lsapWasmModuleText(bytes, LSAP_SPARSE_TARGET));
  }, 60_000);

  it('LSAP_SPARSE_WASM_BASE64 decodes to a module under 4 KB that imports only the memory (env.memory) and exports sparse (and the memory again, as asc does)', () => {
    const bytes = Buffer.from(LSAP_SPARSE_WASM_BASE64, 'base64');
    expect(bytes.length).toBeLessThan(4096);
    const m = new WA.Module(bytes);
    expect(WA.Module.imports(m).map((e) => `${e.kind} ${e.module}.${e.name}`)).toEqual(['memory env.memory']);
    expect(WA.Module.exports(m).map((e) => `${e.kind} ${e.name}`).sort()).toEqual(['function sparse', 'memory memory']);
  });
});
