import type { FastifyRequest } from 'fastify';
import { AppError, findSession, limitKey, verifyApiToken } from '@palliamonitor/data';
import type { AppContext } from '../context';
import { readCookie, SESSION_COOKIE } from './cookies';
import type { Principal } from './principal';
import type { SecurityState } from './security-state';

// Who makes a request: the server itself (its own audit reads), a hospice system with a bearer
// token, a signed-in person with a session cookie, or nobody.

/**
 * The client's address: the socket's, or behind TRUST_PROXY the one the trusted proxies saw (the
 * rightmost hops of X-Forwarded-For, see trustedProxyHops); the client can prepend anything.
 */
export function clientKey(request: FastifyRequest): string {
  return request.ip;
}

/**
 * How many proxies in front of the server add to X-Forwarded-For: `TRUST_PROXY=true` is one (the
 * usual TLS-terminating proxy), a number is that many. Fastify then takes the address the
 * outermost trusted proxy saw, never an entry the client wrote itself.
 */
export function trustedProxyHops(
  hops: number,
): false | ((address: string, hop: number) => boolean) {
  // Hop 0 is the socket's peer (our proxy); each trusted hop lets one more entry from the right count.
  return Number.isInteger(hops) && hops > 0 ? (_address, hop) => hop < hops : false;
}

function tooMany(message: string, retryAfter: number): AppError {
  return Object.assign(new AppError('TOO_MANY_REQUESTS', message), { retryAfter });
}

async function tokenPrincipal(
  request: FastifyRequest,
  authorization: string,
  ctx: AppContext,
  state: SecurityState,
): Promise<Principal> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  const now = ctx.now().getTime();
  // A valid token (256 random bits) cannot be guessed, so only failures are counted and
  // checked: the hot path of a hospice system pays no read of the failure counters.
  const found = match ? await verifyApiToken(ctx.store.db, match[1]!, ctx.now()) : undefined;
  if (!found) {
    const key = limitKey('token-ip', clientKey(request));
    const wait = await state.tokenFailures.retryAfter([key], now);
    await state.tokenFailures.fail([key], now);
    if (wait > 0) {
      throw tooMany(`too many invalid tokens; retry after ${wait} s`, wait);
    }
    throw new AppError('UNAUTHORIZED', 'the bearer token is invalid or revoked');
  }
  const over = await state.tokenRate.take(found.tokenId, now);
  if (over > 0) {
    throw tooMany(`token rate limit reached; retry after ${over} s`, over);
  }
  return { kind: 'token', tokenId: found.tokenId, hospiceId: found.hospiceId };
}

export async function resolvePrincipal(
  request: FastifyRequest,
  ctx: AppContext,
  state: SecurityState,
): Promise<Principal> {
  if (request.headers['x-internal-audit'] === state.internalKey) {
    return { kind: 'system' };
  }
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    return tokenPrincipal(request, authorization, ctx, state);
  }
  const sessionId = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (sessionId) {
    const session = await findSession(ctx.store.db, sessionId, ctx.now());
    if (session) {
      return { kind: 'user', user: session.user, csrfToken: session.csrfToken };
    }
  }
  return { kind: 'anonymous' };
}
