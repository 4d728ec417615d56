/**
 * One cold measurement for scripts/bench-lsap-compare.ts: builds the shape's
 * matrix (bench/lsapInputs.ts), then times the first linearSumAssignment call
 * of this process (rows form) and prints the milliseconds.
 *
 *   node --import tsx scripts/lsap-cold.ts KIND ROWS COLS
 */
import { lsapShapeMatrix, toRows, type LsapKind } from '../bench/lsapInputs.js';
import { linearSumAssignment } from '../src/solvers/lsap/linearSumAssignment.js';

const [kind, rows, cols] = process.argv.slice(2);
const s = { kind: kind as LsapKind, rows: Number(rows), cols: Number(cols) };
const c = toRows(lsapShapeMatrix(s), s.rows, s.cols);
const t0 = performance.now();
const r = linearSumAssignment(c);
const ms = performance.now() - t0;
if (!Number.isFinite(r.cost)) throw new Error('no cost');
console.log(ms.toFixed(3));
