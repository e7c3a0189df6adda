// In-memory limits against guessing and flooding. Per process: behind several processes each keeps
// its own counts, which still bounds an attacker to N × the limit.

/**
 * Failures per key (e.g. "sign-in:<ip>" or "sign-in:<email>"). After `free` failures within the
 * window, each further attempt must wait 2^(failures − free) seconds, up to `maxDelaySeconds`.
 */
export class FailureBackoff {
  #entries = new Map<string, { failures: number; last: number }>();

  constructor(
    private readonly free = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly maxDelaySeconds = 15 * 60,
  ) {}

  /** Seconds to wait before the next attempt is allowed (0 = go ahead). */
  retryAfter(key: string, now: number): number {
    const entry = this.#entries.get(key);
    if (!entry || now - entry.last > this.windowMs) {
      return 0;
    }
    const over = entry.failures - this.free;
    if (over < 0) {
      return 0;
    }
    const delay = Math.min(2 ** over, this.maxDelaySeconds);
    const wait = Math.ceil((entry.last + delay * 1000 - now) / 1000);
    return Math.max(wait, 0);
  }

  fail(key: string, now: number): void {
    const entry = this.#entries.get(key);
    if (!entry || now - entry.last > this.windowMs) {
      this.#entries.set(key, { failures: 1, last: now });
    } else {
      entry.failures += 1;
      entry.last = now;
    }
    if (this.#entries.size > 100_000) {
      this.#entries.clear(); // a flood of distinct keys must not exhaust memory
    }
  }

  succeed(key: string): void {
    this.#entries.delete(key);
  }
}

/** At most `limit` requests per key per window (fixed window). */
export class RequestRate {
  #windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds until allowed again; 0 when this request is within the limit (and counted). */
  take(key: string, now: number): number {
    const w = this.#windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.#windows.set(key, { start: now, count: 1 });
      if (this.#windows.size > 100_000) {
        this.#windows.clear();
      }
      return 0;
    }
    w.count += 1;
    return w.count > this.limit ? Math.ceil((w.start + this.windowMs - now) / 1000) : 0;
  }
}
