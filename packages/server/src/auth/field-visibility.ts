import type { App } from '../context';
import { hasRole, type Principal } from './principal';

// Which fields of a resource each caller sees, decided in one place beside the access rules (see
// docs/decisions/0003-field-visibility.md). The access rules decide who may call a route; this
// policy decides what the answer shows. Every route the server registers has a view here: the
// server refuses to start otherwise, and the field-visibility test walks this table for every role.

/** How much a caller sees of the fields below. */
export type Audience =
  /** Not signed in: no contact phone, no e-mail address or token id of staff. */
  | 'public'
  /** Any role (care professional, hospice staff and their tokens, regisseur, analyst): contact details. */
  | 'professional'
  /** Administrators and the server's own reads (the audit log's "before"): everything. */
  | 'identity';

const RANK: Record<Audience, number> = { public: 0, professional: 1, identity: 2 };

export function audienceOf(principal: Principal): Audience {
  switch (principal.kind) {
    case 'anonymous':
      return 'public';
    case 'system':
      return 'identity';
    case 'token':
      return 'professional';
    case 'user':
      if (hasRole(principal, 'administrator')) {
        return 'identity';
      }
      // A signed-in account without any role is not a care professional.
      return principal.user.roles.length > 0 ? 'professional' : 'public';
  }
}

/**
 * Who did something, in a form that names nobody: a signed-in person, a hospice's own system (an
 * API token), or the system itself (an import, the demo data, a gemeente merge).
 */
export type NeutralActor = 'person' | 'hospice-system' | 'system';

export function neutralActor(actor: string): NeutralActor {
  if (actor.startsWith('user:')) {
    return 'person';
  }
  if (actor.startsWith('token:')) {
    return 'hospice-system';
  }
  return 'system';
}

interface FieldRule {
  /** The least audience that sees the field as stored. */
  seenBy: Audience;
  /** What the others see instead (the field stays, so every answer keeps its shape). */
  otherwise: (value: unknown) => unknown;
}

/**
 * Fields that not every caller sees, wherever they occur in an answer. Address, postcode and
 * website stay public: they are the facility's own public listing (and its place is on the map).
 * The phone number is the direct line for referrals, for professionals.
 */
export const FIELD_RULES: Record<string, FieldRule> = {
  phone: { seenBy: 'professional', otherwise: () => null },
  recordedBy: {
    seenBy: 'identity',
    otherwise: (value) => (typeof value === 'string' ? neutralActor(value) : value),
  },
};

/** What a route's answer shows. */
export type RouteView =
  /** A resource any caller of the route may read: FIELD_RULES apply to the answer. */
  | { kind: 'filtered' }
  /**
   * The route's access rule admits only callers who may see all of its answer (the hospice's own
   * staff, its regisseur, administrators; or the writer of the change). Not for public routes.
   */
  | { kind: 'restricted' }
  /** The caller's own account or session, whoever asks. */
  | { kind: 'own' };

const FILTERED: RouteView = { kind: 'filtered' };
const RESTRICTED: RouteView = { kind: 'restricted' };
const OWN: RouteView = { kind: 'own' };

/**
 * The view of every API route, keyed as ACCESS_RULES. Public reads are filtered; a route whose
 * access rule admits only hospice staff, regisseurs or administrators is restricted; the account
 * routes answer about the caller.
 */
export const ROUTE_VIEWS: Record<string, RouteView> = {
  'GET /api/v1/health': FILTERED,
  'GET /api/v1/openapi.json': FILTERED,
  'GET /api/v1/regions': FILTERED,
  'GET /api/v1/regions/:code': FILTERED,
  'GET /api/v1/overview': FILTERED,
  'GET /api/v1/boundaries': FILTERED,
  'GET /api/v1/hospices': FILTERED,
  'GET /api/v1/hospices/:id': FILTERED,
  'GET /api/v1/hospices/:id/history': FILTERED,
  'POST /api/v1/hospices': RESTRICTED,
  'PATCH /api/v1/hospices/:id': RESTRICTED,
  'GET /api/v1/regions/:code/forecast': FILTERED,
  'GET /api/v1/regions/:code/capacity': FILTERED,
  'GET /api/v1/model-inputs': FILTERED,
  'GET /api/v1/scenarios': FILTERED,
  'GET /api/v1/scenarios/:id': FILTERED,
  'GET /api/v1/scenarios/:a/compare/:b': FILTERED,
  // the scenario the caller saves comes back as sent
  'POST /api/v1/scenarios': OWN,
  'POST /api/v1/auth/sign-in': OWN,
  'POST /api/v1/auth/sign-out': OWN,
  'GET /api/v1/auth/me': OWN,
  'POST /api/v1/auth/password-reset': OWN,
  'POST /api/v1/auth/password-reset/confirm': OWN,
  'GET /api/v1/users': RESTRICTED,
  'POST /api/v1/users': RESTRICTED,
  'GET /api/v1/hospices/:id/tokens': RESTRICTED,
  'POST /api/v1/hospices/:id/tokens': RESTRICTED,
  'DELETE /api/v1/hospices/:id/tokens/:tokenId': RESTRICTED,
  'GET /api/v1/audit-log': RESTRICTED,
  'GET /api/v1/hospices/:id/bed-status': FILTERED,
  'PUT /api/v1/hospices/:id/bed-status': RESTRICTED,
  'POST /api/v1/hospices/:id/bed-status/confirm': RESTRICTED,
  'GET /api/v1/hospices/:id/bed-status/history': RESTRICTED,
  'GET /api/v1/hospices/:id/stays': RESTRICTED,
  'POST /api/v1/hospices/:id/stays': RESTRICTED,
  'POST /api/v1/hospices/:id/stays/:stayId/departure': RESTRICTED,
  'POST /api/v1/hospices/:id/refusals': RESTRICTED,
  'GET /api/v1/hospices/:id/waiting-list': FILTERED,
  'PUT /api/v1/hospices/:id/waiting-list': RESTRICTED,
  'GET /api/v1/hospices/:id/statistics': FILTERED,
  'GET /api/v1/regions/:code/statistics': FILTERED,
  'GET /api/v1/regions/indicators': FILTERED,
  'GET /api/v1/regions/:code/bed-status': FILTERED,
  'GET /api/v1/hospices/:id/returns': RESTRICTED,
  'GET /api/v1/hospices/:id/returns/:month': RESTRICTED,
  'PUT /api/v1/hospices/:id/returns/:month': RESTRICTED,
  'POST /api/v1/returns': RESTRICTED,
  // the live feed sends one public frame to every subscriber (live/bed-status-hub.ts)
  'GET /api/v1/bed-status/stream': FILTERED,
  'GET /api/v1/beds/available': FILTERED,
  // calculators answer with the caller's own figures; cost and viability are aggregated figures
  'GET /api/v1/calculators/norm': FILTERED,
  'GET /api/v1/calculators/occupancy': FILTERED,
  'GET /api/v1/calculators/erlang-curve': FILTERED,
  'GET /api/v1/calculators/simulation': FILTERED,
  'POST /api/v1/calculators/simulation': FILTERED,
  'GET /api/v1/regions/:code/cost': FILTERED,
  'GET /api/v1/hospices/:id/viability': FILTERED,
  'GET /api/v1/regions/:code/viability': FILTERED,
  // acknowledged alerts: for the region's staff only (access rules), who acted by name
  'GET /api/v1/regions/:code/alert-acknowledgements': RESTRICTED,
  'POST /api/v1/regions/:code/alert-acknowledgements': RESTRICTED,
  // plans: aggregated figures and the agreement; the history (who saved, by name) for staff only
  'GET /api/v1/plans': FILTERED,
  'GET /api/v1/regions/:code/plan': FILTERED,
  'PUT /api/v1/regions/:code/plan': RESTRICTED,
  'GET /api/v1/regions/:code/plan/versions': RESTRICTED,
};

/** Routes outside the API (the web app's pages and files) carry no resource fields. */
export function viewFor(method: string, url: string): RouteView | undefined {
  if (!url.startsWith('/api/')) {
    return FILTERED;
  }
  return ROUTE_VIEWS[`${method} ${url}`];
}

/**
 * `value` as `audience` may see it. Copies only the objects that change, so a large answer without
 * such fields costs one walk.
 */
export function visibleTo<T>(audience: Audience, value: T): T {
  if (audience === 'identity') {
    return value;
  }
  return hide(value, RANK[audience]) as T;
}

function hide(value: unknown, rank: number): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i += 1) {
      const item = value[i] as unknown;
      if (item === null || typeof item !== 'object') {
        continue;
      }
      const next = hide(item, rank);
      if (next !== item) {
        copy ??= value.slice();
        copy[i] = next;
      }
    }
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  let copy: Record<string, unknown> | undefined;
  for (const [key, item] of Object.entries(value)) {
    const rule = FIELD_RULES[key];
    const next =
      rule !== undefined && RANK[rule.seenBy] > rank
        ? rule.otherwise(item)
        : item !== null && typeof item === 'object'
          ? hide(item, rank)
          : item;
    if (next !== item) {
      copy ??= { ...(value as Record<string, unknown>) };
      copy[key] = next;
    }
  }
  return copy ?? value;
}

/** The form of a value for everyone (the live feed sends one frame to all its subscribers). */
export function publicForm<T>(value: T): T {
  return visibleTo('public', value);
}

/**
 * Applies the views: a route without one stops the server from starting, and every filtered answer
 * is cut to what its caller may see before it is serialised.
 */
export function registerFieldVisibility(app: App): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD' && method !== 'OPTIONS' && !viewFor(method, route.url)) {
        throw new Error(
          `no field view for ${method} ${route.url}; add it to auth/field-visibility.ts`,
        );
      }
    }
  });
  app.addHook('preSerialization', async (request, _reply, payload) => {
    const url = request.routeOptions.url;
    if (url === undefined || viewFor(request.method, url)?.kind !== 'filtered') {
      return payload;
    }
    return visibleTo(audienceOf(request.principal), payload);
  });
}
