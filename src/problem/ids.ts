/**
 * Reading the ids and keys of a problem's tasks and devices: the reporting
 * reader of ids, and the fast checks the compiler runs once per task.
 * @internal
 * @module
 */
import { describe as show, rangeReason, typeError } from '../internal/errors.js';
import { Report, isObject as isObjectImport } from './check.js';

// A module-local binding for the per-item calls (test runners compile a call to an imported name into a
// property read on the module per call).
const isObject = isObjectImport;

/** The ids of `items`, reporting each missing, empty or repeated one (`#i` stands in for a missing id). @internal */
export function ids(fn: string, field: string, items: readonly unknown[], r: Report): string[] {
  const out: string[] = [];
  const seen = new Set<string>(); // a Set, not a Map to indices: the index is looked up only for an error
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const id = isObject(item) ? item.id : undefined;
    if (typeof id !== 'string' || id === '') {
      if (isObject(item)) r.guard(() => typeError(fn, `${field}[${i}].id`, 'a non-empty string', id));
      out.push(`#${i}`);
      continue;
    }
    const before = seen.size;
    seen.add(id);
    if (seen.size === before) {
      let first = 0;
      while (!(isObject(items[first]) && (items[first] as Record<string, unknown>).id === id)) first++;
      r.guard(() => rangeReason(fn, `${field}[${i}].id`, `duplicates ${field}[${first}].id (${show(id)})`));
    }
    out.push(id);
  }
  return out;
}

/**
 * `onlyKnownKeys`(task, TASK_KEYS) with the keys in a `switch` (compared
 * by identity, no call per key): the hot path of one call per task. A key
 * missing here only sends its task to `checkKeys`, which settles it against
 * TASK_KEYS. @internal
 */
export function onlyTaskKeys(t: Record<string, unknown>): boolean {
  for (const key in t) {
    switch (key) {
      case 'id':
      case 'priority':
      case 'criteria':
      case 'demand':
      case 'release':
      case 'deadline':
      case 'source':
        continue;
      default:
        return false;
    }
  }
  return true;
}

/**
 * The ids when every item is an object with a non-empty string id and no
 * two are equal (what {@link ids} returns then, without its per-item
 * checks); `undefined` otherwise, for `ids` to report each problem.
 */
export function quickIds(items: readonly unknown[]): string[] | undefined {
  const out = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isObject(item)) return undefined;
    const id = item.id;
    if (typeof id !== 'string' || id === '') return undefined;
    out[i] = id;
  }
  return distinct(out) ? out : undefined;
}

/** The open-addressing table of {@link distinct} for up to 2^16 slots, grown on demand (larger tables are fresh). */
let SLOTS = new Int32Array(16);

/**
 * Whether no two strings of `xs` are equal: `new Set(xs).size === xs.length`,
 * with a fast path for short ids (`t17`, `d3`, `edge-2`): while every string
 * has at most 8 characters, an open-addressing table of indices keyed by a
 * hash of all the characters, compared with `===` (about half the time of a
 * `Set` on 512 short ids). At the first longer string (hashing it in script
 * would cost more than the `Set` saves), or should the probes exceed a
 * budget of 2n + 16, the answer comes from the `Set`: it never depends on
 * the hash, and the cost stays O(n) expected. @internal
 */
export function distinct(xs: readonly string[]): boolean {
  const n = xs.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  // index + 1 of the string in each slot, 0 = empty: a scratch table reused from call to call (no callback
  // runs while it is in use), cleared here, which costs less than allocating a fresh off-heap buffer.
  if (SLOTS.length < size && size <= 1 << 16) SLOTS = new Int32Array(size);
  const slots = SLOTS.length >= size ? SLOTS : new Int32Array(size);
  slots.fill(0, 0, size);
  let budget = 2 * n + 16;
  for (let i = 0; i < n; i++) {
    const s = xs[i]!;
    const len = s.length;
    if (len > 8) return new Set(xs).size === n;
    let h = 0x811c9dc5 ^ len; // FNV-1a over the length and the characters
    for (let c = 0; c < len; c++) h = Math.imul(h ^ s.charCodeAt(c), 0x01000193);
    let b = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const at = slots[b]!;
      if (at === 0) {
        slots[b] = i + 1;
        break;
      }
      if (xs[at - 1] === s) return false;
      if (--budget < 0) return new Set(xs).size === n;
      b = (b + 1) & mask;
    }
  }
  return true;
}
