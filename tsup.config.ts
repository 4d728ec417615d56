import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', formula: 'src/formula/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    splitting: true,
    // import.meta.url (formula's lazy require of mathjs) in the CommonJS build.
    shims: true,
    target: 'node20',
    // Optional dependency, loaded on demand with import('highs'): never bundled.
    external: ['highs', 'mathjs'],
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    external: ['highs', 'mathjs'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
