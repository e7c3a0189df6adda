import { randomBytes } from 'node:crypto';
import type { AppContext } from '../context';
import { FailureBackoff, RequestRate } from './limits';

/** Password-reset requests allowed per address and per e-mail address within the window. */
export const RESET_REQUESTS_PER_ADDRESS = 10;
export const RESET_REQUESTS_PER_ACCOUNT = 3;
export const RESET_WINDOW_MS = 60 * 60_000;

/** What the security hooks of one app keep between requests: limits, deferred work, routes. */
export interface SecurityState {
  tokenFailures: FailureBackoff;
  tokenRate: RequestRate;
  signInFailures: FailureBackoff;
  /** Password-reset requests per address and per e-mail address as typed. */
  resetPerAddress: RequestRate;
  resetPerAccount: RequestRate;
  /** Work done after the answer (password-reset look-ups); the app waits for it on close. */
  deferred: Set<Promise<void>>;
  /** Header value that marks the server's own internal requests (reading "before" for the audit). */
  internalKey: string;
  /** Every route registered, for the authorization test. */
  routes: Array<{ method: string; url: string }>;
}

export function createSecurityState(ctx: AppContext, tokenRatePerMinute: number): SecurityState {
  const store = ctx.store;
  return {
    tokenFailures: new FailureBackoff(store),
    tokenRate: new RequestRate(store, 'token', tokenRatePerMinute, 60_000),
    signInFailures: new FailureBackoff(store),
    resetPerAddress: new RequestRate(
      store,
      'reset-ip',
      RESET_REQUESTS_PER_ADDRESS,
      RESET_WINDOW_MS,
    ),
    resetPerAccount: new RequestRate(
      store,
      'reset-email',
      RESET_REQUESTS_PER_ACCOUNT,
      RESET_WINDOW_MS,
    ),
    deferred: new Set(),
    internalKey: randomBytes(24).toString('hex'),
    routes: [],
  };
}
