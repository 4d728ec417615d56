// Every property run in every file uses the seed chosen in globalSetup.ts.
import fc from 'fast-check';
import { inject } from 'vitest';

fc.configureGlobal({ seed: inject('fcSeed'), numRuns: inject('fcNumRuns') });
