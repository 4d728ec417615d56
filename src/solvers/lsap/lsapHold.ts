/**
 * Brief strong references for the LSAP solver's large reusable buffers
 * (`lsapInput.ts`'s work buffer, `lsapWasm.ts`'s large WebAssembly
 * instance). Those are otherwise held only through a `WeakRef`, which any
 * full garbage collection clears: then the next call allocates its
 * multi-megabyte buffer afresh and pays its page faults (measured: a fresh
 * 24 MB `Float64Array` about 10 ms, as much as solving 1000×3000). Held
 * here, a buffer survives collections while calls keep coming, and is
 * released {@link HOLD_MS} after the last one (an unreferenced timer: it
 * never keeps a process alive), so no memory stays pinned in a process that
 * has stopped solving. Only memory depends on the timer, never a result.
 * @internal
 * @module
 */

/** How long after its last use a buffer stays strongly held, in milliseconds. */
export const HOLD_MS = 1000;

/** A strong slot: `get` / `set` as a variable, released HOLD_MS after the last `set`. */
export interface HeldSlot<T> {
  /** The value set within the last HOLD_MS, else undefined. */
  get(): T | undefined;
  /** Holds `value` (restarting the countdown). */
  set(value: T): void;
}

/** A new {@link HeldSlot}. */
export function heldSlot<T>(): HeldSlot<T> {
  let value: T | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const release = (): void => {
    value = undefined;
    timer = undefined;
  };
  return {
    get: () => value,
    set(v: T): void {
      value = v;
      if (typeof setTimeout !== 'function') return; // no timers: the WeakRef alone decides
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(release, HOLD_MS);
      // Node: the timer must not keep the process alive (browsers: a number).
      (timer as { unref?: () => void }).unref?.();
    },
  };
}
