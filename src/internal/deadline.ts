/**
 * The wall-clock deadline of one call, shared by all its phases so that
 * `timeLimitMs` bounds the whole call (`paretoFront`: its seeding, memetic
 * descents and generations; `'local-search'`: its start, priced start and
 * search). The clock only cuts: with a deadline that never passes, every
 * answer is the same as with no clock at all, and {@link Deadline.expired}
 * tells whether it cut anything.
 * @internal
 * @module
 */

/** A clock reading in milliseconds (`performance.now()` unless a test injects another). @internal */
export type Clock = () => number;

/**
 * A deadline at a clock reading `at` (Infinity: never). Once it has been
 * seen passed it stays passed, so every later check agrees.
 * @internal
 */
export class Deadline {
  private hit = false;
  private ticks = 0;

  /**
   * @param at - The clock reading at which time is up (Infinity: never; the clock is then never read).
   * @param now - The clock (`performance.now()` by default).
   */
  constructor(
    readonly at: number,
    private readonly now: Clock = () => performance.now(),
  ) {}

  /** A deadline `timeLimitMs` after the current reading of `now`. */
  static after(timeLimitMs: number, now: Clock = () => performance.now()): Deadline {
    return new Deadline(timeLimitMs === Infinity ? Infinity : now() + timeLimitMs, now);
  }

  /**
   * Whether the deadline has passed, keeping `reserveMs` back (for work that
   * must still follow, such as the final evaluation of the points found):
   * true once now + reserveMs ≥ at. Reads the clock once. O(1).
   */
  passed(reserveMs = 0): boolean {
    if (this.hit) return true;
    if (this.at === Infinity) return false;
    if (this.now() + reserveMs >= this.at) this.hit = true;
    return this.hit;
  }

  /**
   * {@link passed} for loops whose steps cost far less than a clock read:
   * reads the clock on every `stride`-th call only (stride ≥ 1), else
   * answers false (or true once passed).
   */
  tick(stride: number, reserveMs = 0): boolean {
    if (this.hit) return true;
    if (++this.ticks < stride) return false;
    this.ticks = 0;
    return this.passed(reserveMs);
  }

  /**
   * Whether a check has found the deadline passed (no clock read): the
   * caller stopped some work there, so its answer may depend on the clock.
   */
  get expired(): boolean {
    return this.hit;
  }

  /** Milliseconds left (0 when passed, Infinity when the deadline is Infinity). */
  remaining(): number {
    if (this.at === Infinity) return Infinity;
    return this.hit ? 0 : Math.max(0, this.at - this.now());
  }
}
