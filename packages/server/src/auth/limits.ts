import type { LimitCount, Store } from '@palliamonitor/data';
import {
  addToWindow,
  clearLimits,
  limitKey,
  readLimits,
  recordFailures,
} from '@palliamonitor/data';

// Limits against guessing and flooding, counted in the store (table auth_limit), so that several
// server processes on one PostgreSQL database count together: behind a load balancer an attacker
// gets no more attempts from two instances than from one.

/**
 * After `free` failures with no pause of `idleMs` between them, each further attempt must wait
 * 2^(failures − free) seconds after the latest failure, up to `maxDelaySeconds`. 0 = go ahead.
 */
export function backoffSeconds(
  count: LimitCount | undefined,
  nowMs: number,
  policy: BackoffPolicy,
  since = count?.lastMs,
): number {
  if (!count || since === undefined || nowMs - count.lastMs > policy.idleMs) {
    return 0;
  }
  const over = count.hits - policy.free;
  if (over < 0) {
    return 0;
  }
  const delay = Math.min(2 ** over, policy.maxDelaySeconds);
  return Math.max(Math.ceil((since + delay * 1000 - nowMs) / 1000), 0);
}

export interface BackoffPolicy {
  free: number;
  idleMs: number;
  maxDelaySeconds: number;
}

export const SIGN_IN_BACKOFF: BackoffPolicy = {
  free: 5,
  idleMs: 15 * 60_000,
  maxDelaySeconds: 15 * 60,
};
/** One address may hold many accounts (a hospital behind one NAT address): a little more room. */
export const ADDRESS_BACKOFF: BackoffPolicy = { ...SIGN_IN_BACKOFF, free: 10 };

/** The counters of a sign-in attempt: the address, the account, and this address on this account. */
export function signInKeys(email: string, address: string) {
  return {
    address: limitKey('sign-in-ip', address),
    account: limitKey('sign-in-account', email),
    pair: limitKey('sign-in-pair', `${email.trim().toLowerCase()} ${address}`),
  };
}

/**
 * Seconds a sign-in attempt must wait (OWASP ASVS 4 V2.2.1: soft limits, no lock-out a stranger can
 * cause). Two limits, counted separately:
 * - per address, over all accounts: after 10 failures, growing waits before any attempt;
 * - per account, over all addresses: after 5 failures, an address that itself failed on this
 *   account waits 2^(failures − 5) s (up to 15 min) after its own latest failure. An address that
 *   has not failed on the account is not held back by failures from elsewhere, so an attacker
 *   elsewhere cannot lock the owner out of their account.
 */
export async function signInWait(
  backoff: FailureBackoff,
  keys: ReturnType<typeof signInKeys>,
  nowMs: number,
): Promise<number> {
  const counts = await backoff.read([keys.address, keys.account, keys.pair]);
  const pair = counts.get(keys.pair);
  return Math.max(
    backoffSeconds(counts.get(keys.address), nowMs, ADDRESS_BACKOFF),
    pair ? backoffSeconds(counts.get(keys.account), nowMs, SIGN_IN_BACKOFF, pair.lastMs) : 0,
  );
}

/** Failures per key (an address, an account), in the store. */
export class FailureBackoff {
  constructor(
    private readonly store: Store,
    readonly policy: BackoffPolicy = SIGN_IN_BACKOFF,
  ) {}

  read(keys: string[]): Promise<Map<string, LimitCount>> {
    return readLimits(this.store.db, keys);
  }

  /** Seconds to wait before the next attempt on any of these keys (0 = go ahead). */
  async retryAfter(keys: string[], nowMs: number): Promise<number> {
    const counts = await this.read(keys);
    return Math.max(0, ...keys.map((k) => backoffSeconds(counts.get(k), nowMs, this.policy)));
  }

  fail(keys: string[], nowMs: number): Promise<void> {
    return recordFailures(this.store.db, keys, nowMs, this.policy.idleMs);
  }

  succeed(keys: string[]): Promise<void> {
    return clearLimits(this.store.db, keys);
  }
}

/**
 * At most `limit` requests per key per fixed window, counted in the store. A process reserves
 * hits in small blocks (one statement per block, not per request), so the hot path of a hospice
 * system pushing updates costs one write in `block`; all processes together stay within
 * `limit + (processes − 1) × (block − 1)`, and with a small limit the block is 1: exact.
 */
export class RequestRate {
  #leases = new Map<string, { windowEnd: number; left: number }>();
  readonly block: number;

  constructor(
    private readonly store: Store,
    /** What is counted ('token', 'reset-ip', …): keys of different limits never meet. */
    private readonly kind: string,
    private readonly limit: number,
    private readonly windowMs: number,
  ) {
    this.block = Math.max(1, Math.min(20, Math.floor(limit / 50)));
  }

  /** Seconds until allowed again; 0 when this request is within the limit (and counted). */
  async take(key: string, nowMs: number): Promise<number> {
    const lease = this.#leases.get(key);
    if (lease && nowMs < lease.windowEnd && lease.left > 0) {
      lease.left -= 1;
      return 0;
    }
    const count = await addToWindow(
      this.store.db,
      limitKey(this.kind, key),
      this.block,
      nowMs,
      this.windowMs,
    );
    const windowEnd = count.firstMs + this.windowMs;
    // The hits of this block that fall within the limit (all, some or none).
    const granted = Math.max(0, Math.min(this.block, this.limit - (count.hits - this.block)));
    if (this.#leases.size > 100_000) {
      this.#leases.clear(); // a flood of distinct keys must not exhaust memory
    }
    if (granted === 0) {
      this.#leases.set(key, { windowEnd, left: 0 });
      return Math.max(1, Math.ceil((windowEnd - nowMs) / 1000));
    }
    this.#leases.set(key, { windowEnd, left: granted - 1 });
    return 0;
  }
}
