import type { FastifyRequest } from 'fastify';
import { appendAudit, regionOfHospice, type AuditContext } from '@palliamonitor/data';
import type { App, AppContext } from '../context';
import { WRITE_METHODS } from './csrf';
import { actorOf, roleOf } from './principal';
import type { SecurityState } from './security-state';
import { onEachRoute } from '../route-hooks';

// The audit log of the writes whose handlers do not write it themselves: the resource as it was
// (read through its own GET route, as the server itself) and as it is after, by whom, filed under
// the hospice and its region.

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

/**
 * Reads "before" ahead of every audited write and records the entry once it has succeeded. Only
 * routes that can write carry these hooks.
 */
export function registerAudit(app: App, ctx: AppContext, state: SecurityState): void {
  onEachRoute(app, (route) => {
    const config = route.config as { auditedByHandler?: boolean } | undefined;
    if (
      !route.methods.some((m) => WRITE_METHODS.has(m)) ||
      UNAUDITED.has(route.url) ||
      config?.auditedByHandler === true
    ) {
      return;
    }
    // The route was chosen above; only its method may still differ (a route of several methods).
    route.add('preHandler', async (request) => {
      if (WRITE_METHODS.has(request.method)) {
        (request as AuditedRequest).auditBefore = await readBefore(app, request, state);
      }
    });
    route.add('onSend', async (request, reply, payload) => {
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
  });
}
