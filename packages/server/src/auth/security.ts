import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import {
  AppError,
  appendAudit,
  limitKey,
  findSession,
  regionOfHospice,
  verifyApiToken,
  type AuditContext,
  type Database,
} from '@palliamonitor/data';
import type { App, AppContext } from '../context';
import { sendProblem } from '../errors';
import { ruleFor, type AccessRule } from './access-rules';
import { readCookie, SESSION_COOKIE } from './cookies';
import { FailureBackoff, RequestRate } from './limits';

/** Password-reset requests allowed per address and per e-mail address within the window. */
export const RESET_REQUESTS_PER_ADDRESS = 10;
export const RESET_REQUESTS_PER_ACCOUNT = 3;
export const RESET_WINDOW_MS = 60 * 60_000;
import { actorOf, hasRole, regionsOf, roleOf, type Principal } from './principal';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * Writes that only manage the caller's own session, and POSTs that only compute (they change
 * nothing): not worth an audit entry with before/after.
 */
const UNAUDITED = new Set([
  '/api/v1/auth/sign-in',
  '/api/v1/auth/sign-out',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/confirm',
  '/api/v1/calculators/simulation',
]);
/** Writes that start or recover a session: no session to protect yet, so no CSRF token. */
const NO_CSRF = new Set([
  '/api/v1/auth/sign-in',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/confirm',
]);
/** Fields never written to the audit log: a token or password there would be readable by many. */
const SECRET_FIELDS = new Set(['token', 'password', 'csrfToken', 'passwordHash', 'tokenHash']);

/** A copy with every secret field (at any depth) replaced by a marker. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(redactSecrets);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        SECRET_FIELDS.has(k) ? '[verwijderd]' : redactSecrets(v),
      ]),
    );
  }
  return value;
}

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

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

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
  value: string | undefined,
): false | ((address: string, hop: number) => boolean) {
  const hops = value === 'true' ? 1 : Number(value);
  // Hop 0 is the socket's peer (our proxy); each trusted hop lets one more entry from the right count.
  return Number.isInteger(hops) && hops > 0 ? (_address, hop) => hop < hops : false;
}

async function resolvePrincipal(
  request: FastifyRequest,
  ctx: AppContext,
  state: SecurityState,
): Promise<Principal> {
  if (request.headers['x-internal-audit'] === state.internalKey) {
    return { kind: 'system' };
  }
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
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
        throw Object.assign(
          new AppError('TOO_MANY_REQUESTS', `too many invalid tokens; retry after ${wait} s`),
          { retryAfter: wait },
        );
      }
      throw new AppError('UNAUTHORIZED', 'the bearer token is invalid or revoked');
    }
    const over = await state.tokenRate.take(found.tokenId, now);
    if (over > 0) {
      throw Object.assign(
        new AppError('TOO_MANY_REQUESTS', `token rate limit reached; retry after ${over} s`),
        { retryAfter: over },
      );
    }
    return { kind: 'token', tokenId: found.tokenId, hospiceId: found.hospiceId };
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

/** The zorgkantoorregio of a gemeente today, for checking a regisseur's scope on registration. */
async function regionOfGemeente(ctx: AppContext, code: unknown): Promise<string | null> {
  // Access is decided before the body is validated: text that is no gemeente code (a NUL the
  // store refuses, say) is no region, and never reaches a query.
  if (typeof code !== 'string' || !/^GM\d{4}$/.test(code)) {
    return null;
  }
  const row = await ctx.store.db
    .selectFrom('region_membership')
    .select('parent_code')
    .where('gemeente_code', '=', code)
    .where('parent_type', '=', 'zorgkantoorregio')
    .where('valid_to', 'is', null)
    .executeTakeFirst();
  return row?.parent_code ?? null;
}

/**
 * Whether the principal may write for this hospice: its token, its editors, its regisseur, admins.
 * `db` is the store, or the transaction of the write that asks (a file with rows for several
 * hospices asks per row, inside its transaction).
 */
export async function mayActOnHospice(
  p: Principal,
  hospiceId: string,
  db: Kysely<Database> | Transaction<Database>,
): Promise<boolean> {
  if (p.kind === 'system' || hasRole(p, 'administrator')) {
    return true;
  }
  if (p.kind === 'token') {
    return p.hospiceId === hospiceId;
  }
  if (p.kind !== 'user') {
    return false;
  }
  if (hasRole(p, 'hospice-editor', hospiceId)) {
    return true;
  }
  // Asked before the path is validated: text that is no hospice id (a NUL the store refuses, say)
  // is no hospice of the caller's region, and never reaches a query.
  if (!/^[A-Za-z0-9-]{1,64}$/.test(hospiceId)) {
    return false;
  }
  const region = await regionOfHospice(db, hospiceId);
  return region !== null && regionsOf(p).includes(region);
}

/** Decides a request against its rule; throws 401 (not signed in) or 403 (wrong scope). */
export async function authorize(
  request: FastifyRequest,
  rule: AccessRule,
  ctx: AppContext,
): Promise<void> {
  const p = request.principal;
  if (p.kind === 'system' || rule.kind === 'public') {
    return;
  }
  if (p.kind === 'anonymous') {
    throw new AppError('UNAUTHORIZED', 'sign in or use an API token for this request');
  }
  if (hasRole(p, 'administrator')) {
    return;
  }
  const deny = (why: string, code: string, params?: Record<string, string>) => {
    throw new AppError('FORBIDDEN', why, [], {
      code: `access.${code}`,
      ...(params === undefined ? {} : { params }),
    });
  };
  switch (rule.kind) {
    case 'signed-in':
      return p.kind === 'user'
        ? undefined
        : deny('this needs a signed-in person, not a token', 'personOnly');
    case 'roles':
      return rule.roles.some((r) => hasRole(p, r))
        ? undefined
        : deny(`this needs the role ${rule.roles.join(' or ')}`, 'needsRole', {
            roles: rule.roles.join(', '),
          });
    case 'registry-create': {
      const region = await regionOfGemeente(
        ctx,
        (request.body as { gemeenteCode?: unknown } | undefined)?.gemeenteCode,
      );
      return region !== null && regionsOf(p).includes(region)
        ? undefined
        : deny(
            'only the regisseur of the region or an administrator registers a hospice',
            'registryCreate',
          );
    }
    case 'hospice':
    case 'registry-change': {
      const hospiceId = (request.params as { id?: string }).id ?? '';
      if (p.kind === 'token' && (rule.kind === 'registry-change' || !rule.tokens)) {
        return deny('a token may not do this; sign in', 'tokenNotAllowed');
      }
      if (!(await mayActOnHospice(p, hospiceId, ctx.store.db))) {
        return p.kind === 'token'
          ? deny('this token is not for this hospice', 'tokenOtherHospice')
          : deny(
              'only this hospice’s editors, its regisseur or an administrator may do this',
              'notThisHospice',
            );
      }
      if (rule.kind === 'hospice') {
        return undefined;
      }
      // The caller may act on the hospice as it is; a move must leave it where they may act too.
      // An unknown gemeente moves it nowhere: the change itself is refused (422) for that.
      const to = await regionOfGemeente(
        ctx,
        (request.body as { gemeenteCode?: unknown } | undefined)?.gemeenteCode,
      );
      const from = await regionOfHospice(ctx.store.db, hospiceId);
      return to === null || to === from || regionsOf(p).includes(to)
        ? undefined
        : deny(
            'only the regisseur of both regions or an administrator moves a hospice to another region',
            'registryMove',
            { from: from ?? '', to },
          );
    }
    case 'hospice-rows':
      return p.kind === 'token' || hasRole(p, 'hospice-editor') || hasRole(p, 'regisseur')
        ? undefined
        : deny('only hospice staff, regisseurs and administrators submit returns', 'returns');
  }
}

/**
 * Installs authentication, authorization, CSRF checks, security headers and the audit log on every
 * route. A route without an access rule stops the server from starting.
 */
export function registerSecurity(app: App, ctx: AppContext): SecurityState {
  const store = ctx.store;
  const state: SecurityState = {
    tokenFailures: new FailureBackoff(store),
    tokenRate: new RequestRate(
      store,
      'token',
      Number(process.env['TOKEN_RATE_PER_MINUTE'] ?? 600),
      60_000,
    ),
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
  // Each request's principal lives in a WeakMap; the decoration gives it a typed accessor.
  const principals = new WeakMap<object, Principal>();
  app.decorateRequest('principal', {
    getter(): Principal {
      return principals.get(this) ?? { kind: 'anonymous' };
    },
    setter(value: Principal) {
      principals.set(this, value);
    },
  });

  app.addHook('onClose', async () => {
    await Promise.allSettled([...state.deferred]);
  });

  const routes: Array<{ method: string; url: string }> = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD' || method === 'OPTIONS') {
        continue;
      }
      if (!ruleFor(method, route.url)) {
        throw new Error(
          `no access rule for ${method} ${route.url}; add it to auth/access-rules.ts`,
        );
      }
      routes.push({ method, url: route.url });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    try {
      request.principal = await resolvePrincipal(request, ctx, state);
    } catch (error) {
      const retryAfter = (error as { retryAfter?: number }).retryAfter;
      if (retryAfter) {
        reply.header('Retry-After', String(retryAfter));
      }
      throw error;
    }
  });

  // Authorization runs before body validation, so an anonymous or out-of-scope write is refused
  // (401/403) without revealing how its body would have been judged.
  app.addHook('preValidation', async (request) => {
    const url = request.routeOptions.url;
    if (url === undefined) {
      return; // not found: the 404 handler answers
    }
    const rule = ruleFor(request.method, url)!;
    await authorize(request, rule, ctx);
    const p = request.principal;
    // Cookies are sent by the browser on its own; a write made with one must prove it comes from
    // our pages by echoing the session's CSRF token (tokens and anonymous requests carry none).
    if (
      p.kind === 'user' &&
      WRITE_METHODS.has(request.method) &&
      request.headers['x-csrf-token'] !== p.csrfToken &&
      !NO_CSRF.has(url)
    ) {
      throw new AppError(
        'FORBIDDEN',
        'missing or wrong X-CSRF-Token header for a signed-in write',
        [],
        { code: 'access.csrf' },
      );
    }
  });

  app.addHook('preHandler', async (request) => {
    const url = request.routeOptions.url;
    if (
      url !== undefined &&
      WRITE_METHODS.has(request.method) &&
      !UNAUDITED.has(url) &&
      !request.routeOptions.config.auditedByHandler
    ) {
      (request as AuditedRequest).auditBefore = await readBefore(app, request, state);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (request.protocol === 'https') {
      reply.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    const audited = request as AuditedRequest;
    if (
      audited.auditBefore !== undefined &&
      reply.statusCode < 300 &&
      request.principal.kind !== 'system'
    ) {
      await recordAudit(ctx, request, reply.statusCode, audited.auditBefore, payload);
    }
    return payload;
  });

  state.routes = routes;
  states.set(app, state);
  return state;
}

const states = new WeakMap<object, SecurityState>();

/** The security state of a built app (its route list, limits), for tests and diagnostics. */
export function securityOf(app: object): SecurityState {
  const state = states.get(app);
  if (!state) {
    throw new Error('this app was built without security');
  }
  return state;
}

interface AuditedRequest extends FastifyRequest {
  auditBefore?: unknown;
}

/**
 * A route may name a cheaper reader of its resource's state before a write; the default reads the
 * resource through its own GET route. A route whose handler writes the audit entry itself, in the
 * same transaction as the change (see auditContextOf), says so with `auditedByHandler`.
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    auditBefore?: (request: FastifyRequest) => Promise<unknown>;
    auditedByHandler?: boolean;
  }
}

/** The resource as it was, read through its own GET route when there is one (null when new). */
async function readBefore(
  app: App,
  request: FastifyRequest,
  state: SecurityState,
): Promise<unknown> {
  const reader = request.routeOptions.config.auditBefore;
  if (reader) {
    return reader(request);
  }
  const path = request.url.split('?')[0]!;
  if (
    request.method === 'POST' ||
    !app.hasRoute({ method: 'GET', url: request.routeOptions.url! })
  ) {
    return null;
  }
  const res = await app.inject({
    method: 'GET',
    url: path,
    headers: { 'x-internal-audit': state.internalKey },
  });
  return res.statusCode === 200 ? safeJson(res.body) : null;
}

function safeJson(text: unknown): unknown {
  if (typeof text !== 'string') {
    return null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text.length > 10_000 ? `${text.slice(0, 10_000)}…` : text;
  }
}

const regionCache = new Map<string, { region: string | null; at: number }>();

/** The region an audit entry is filed under; remembered for a minute (a hospice rarely moves). */
async function auditRegion(ctx: AppContext, hospiceId: string): Promise<string | null> {
  const now = Date.now();
  const hit = regionCache.get(hospiceId);
  if (hit && now - hit.at < 60_000) {
    return hit.region;
  }
  const region = await regionOfHospice(ctx.store.db, hospiceId);
  if (regionCache.size > 10_000) {
    regionCache.clear();
  }
  regionCache.set(hospiceId, { region, at: now });
  return region;
}

/** Where an audit entry about this request is filed: the hospice of the route and its region. */
async function auditSubject(
  ctx: AppContext,
  request: FastifyRequest,
  after: unknown,
): Promise<{ hospiceId: string | null; regionCode: string | null }> {
  const params = request.params as { id?: string };
  const routeUrl = request.routeOptions.url ?? '';
  let hospiceId = routeUrl.startsWith('/api/v1/hospices/:id') ? (params.id ?? null) : null;
  if (!hospiceId && routeUrl === '/api/v1/hospices' && after && typeof after === 'object') {
    hospiceId = (after as { id?: string }).id ?? null;
  }
  return { hospiceId, regionCode: hospiceId ? await auditRegion(ctx, hospiceId) : null };
}

/**
 * Who makes this request and where it is filed. A handler that writes its audit entry in the same
 * transaction as its change (routes with `auditedByHandler`) passes it to its repository, with the
 * status it answers when the change succeeds. `after` (a response) may name a new hospice.
 */
export async function auditContextOf(
  ctx: AppContext,
  request: FastifyRequest,
  status = 200,
  after: unknown = null,
): Promise<AuditContext> {
  return {
    actor: actorOf(request.principal),
    role: roleOf(request.principal),
    method: request.method,
    path: request.url.split('?')[0]!,
    status,
    ...(await auditSubject(ctx, request, after)),
  };
}

async function recordAudit(
  ctx: AppContext,
  request: FastifyRequest,
  status: number,
  before: unknown,
  payload: unknown,
): Promise<void> {
  const after = safeJson(payload);
  try {
    await appendAudit(ctx.store.db, {
      ...(await auditContextOf(ctx, request, status, after)),
      at: ctx.now().toISOString(),
      before: redactSecrets(before),
      after: redactSecrets(after),
    });
  } catch (error) {
    // The change itself has been made; a failing audit insert is logged loudly, not hidden.
    request.log.error({ err: error }, 'audit entry could not be written');
  }
}

export { sendProblem };
