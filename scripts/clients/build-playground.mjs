// Bundles playground/main.ts (which imports the ESM build, dist/index.js)
// into one classic script, playground/dist/playground.js, with esbuild (a
// dependency of tsup). A classic script, not a module: the page then also
// works opened straight from disk (file://). Needs `npm run build` first.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['playground/main.ts'],
  outfile: 'playground/dist/playground.js',
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  sourcemap: true,
  // solveGap's exact path loads the optional HiGHS package on demand; the page never calls it.
  external: ['highs'],
  logLevel: 'warning',
});
console.log('built playground/dist/playground.js');
