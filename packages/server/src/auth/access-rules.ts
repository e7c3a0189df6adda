import type { Role } from '@palliamonitor/data';

// Who may call which route. Every route the server registers must have a rule here: the server
// refuses to start otherwise, and the authorization test walks this table for every role. Keys are
// `METHOD url` with Fastify's url pattern (after the /api/v1 prefix is applied).

export type AccessRule =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** Any signed-in person (not a token). */
  | { kind: 'signed-in' }
  /** Acting on one hospice (`:id`): its editors, its tokens, the regisseur of its region, administrators. */
  | { kind: 'hospice'; tokens: boolean }
  /**
   * A file with rows for several hospices: anyone who may write for some hospice may call it; the
   * handler then checks every row's hospice (all rows or none).
   */
  | { kind: 'hospice-rows' }
  /** Registering a hospice: the regisseur of the region of the body's gemeente, administrators. */
  | { kind: 'registry-create' }
  /**
   * Changing a hospice's registration: as `hospice` (people, no tokens), and a change of gemeente
   * that moves it to another region also needs the caller to act there: the regisseur of both
   * regions, or an administrator. An editor keeps their hospice within its region.
   */
  | { kind: 'registry-change' }
  /** People holding one of these roles. */
  | { kind: 'roles'; roles: Role[] };

const PUBLIC: AccessRule = { kind: 'public' };
const HOSPICE_WRITE: AccessRule = { kind: 'hospice', tokens: true };
const HOSPICE_STAFF_READ: AccessRule = { kind: 'hospice', tokens: true };
const ADMIN: AccessRule = { kind: 'roles', roles: ['administrator'] };

export const ACCESS_RULES: Record<string, AccessRule> = {
  // status, documentation, static pages
  'GET /api/v1/health': PUBLIC,
  'GET /api/v1/openapi.json': PUBLIC,
  // registry and regions: aggregated, public facts
  'GET /api/v1/regions': PUBLIC,
  'GET /api/v1/regions/:code': PUBLIC,
  'GET /api/v1/overview': PUBLIC,
  'GET /api/v1/boundaries': PUBLIC,
  'GET /api/v1/hospices': PUBLIC,
  'GET /api/v1/hospices/:id': PUBLIC,
  'GET /api/v1/hospices/:id/history': PUBLIC,
  'POST /api/v1/hospices': { kind: 'registry-create' },
  'PATCH /api/v1/hospices/:id': { kind: 'registry-change' },
  // forecasts and scenarios
  'GET /api/v1/regions/:code/forecast': PUBLIC,
  'GET /api/v1/regions/:code/capacity': PUBLIC,
  'GET /api/v1/model-inputs': PUBLIC,
  'GET /api/v1/scenarios': PUBLIC,
  'GET /api/v1/scenarios/:id': PUBLIC,
  'GET /api/v1/scenarios/:a/compare/:b': PUBLIC,
  // Saved scenarios are read by everyone: saved by those who plan (free text is screened too).
  'POST /api/v1/scenarios': { kind: 'roles', roles: ['national-analyst', 'regisseur'] },
  // accounts
  'POST /api/v1/auth/sign-in': PUBLIC,
  'POST /api/v1/auth/sign-out': PUBLIC,
  'GET /api/v1/auth/me': PUBLIC,
  'POST /api/v1/auth/password-reset': PUBLIC,
  'POST /api/v1/auth/password-reset/confirm': PUBLIC,
  'GET /api/v1/users': ADMIN,
  'POST /api/v1/users': ADMIN,
  'GET /api/v1/hospices/:id/tokens': { kind: 'hospice', tokens: false },
  'POST /api/v1/hospices/:id/tokens': { kind: 'hospice', tokens: false },
  'DELETE /api/v1/hospices/:id/tokens/:tokenId': { kind: 'hospice', tokens: false },
  'GET /api/v1/audit-log': { kind: 'roles', roles: ['regisseur', 'administrator'] },
  // data collection
  'GET /api/v1/hospices/:id/bed-status': PUBLIC,
  'PUT /api/v1/hospices/:id/bed-status': HOSPICE_WRITE,
  'POST /api/v1/hospices/:id/bed-status/confirm': HOSPICE_WRITE,
  // who recorded each event is staff information, not public
  'GET /api/v1/hospices/:id/bed-status/history': HOSPICE_STAFF_READ,
  'GET /api/v1/hospices/:id/stays': HOSPICE_STAFF_READ,
  'POST /api/v1/hospices/:id/stays': HOSPICE_WRITE,
  'POST /api/v1/hospices/:id/stays/:stayId/departure': HOSPICE_WRITE,
  'POST /api/v1/hospices/:id/refusals': HOSPICE_WRITE,
  'GET /api/v1/hospices/:id/waiting-list': PUBLIC,
  'PUT /api/v1/hospices/:id/waiting-list': HOSPICE_WRITE,
  'GET /api/v1/hospices/:id/statistics': PUBLIC,
  'GET /api/v1/regions/:code/statistics': PUBLIC,
  'GET /api/v1/regions/indicators': PUBLIC,
  'GET /api/v1/regions/:code/bed-status': PUBLIC,
  'GET /api/v1/hospices/:id/returns': HOSPICE_STAFF_READ,
  'GET /api/v1/hospices/:id/returns/:month': HOSPICE_STAFF_READ,
  'PUT /api/v1/hospices/:id/returns/:month': HOSPICE_WRITE,
  'POST /api/v1/returns': { kind: 'hospice-rows' },
  'GET /api/v1/bed-status/stream': PUBLIC,
  'GET /api/v1/beds/available': PUBLIC,
  // calculators: computations on the caller's own figures, nothing stored
  'GET /api/v1/calculators/norm': PUBLIC,
  'GET /api/v1/calculators/occupancy': PUBLIC,
  'GET /api/v1/calculators/erlang-curve': PUBLIC,
  'GET /api/v1/calculators/simulation': PUBLIC,
  'POST /api/v1/calculators/simulation': PUBLIC,
  // cost and viability: aggregated figures, as the forecast and statistics they come from
  'GET /api/v1/regions/:code/cost': PUBLIC,
  'GET /api/v1/hospices/:id/viability': PUBLIC,
  'GET /api/v1/regions/:code/viability': PUBLIC,
  // alerts of a region's cockpit, acknowledged (handlers check the regisseur's own region)
  'GET /api/v1/regions/:code/alert-acknowledgements': {
    kind: 'roles',
    roles: ['regisseur', 'national-analyst', 'administrator'],
  },
  'POST /api/v1/regions/:code/alert-acknowledgements': {
    kind: 'roles',
    roles: ['regisseur', 'administrator'],
  },
  // regional bed plans: the agreement and the plan against need are public; the region's
  // regisseur saves them (handlers check the own region); the history names who saved
  'GET /api/v1/plans': PUBLIC,
  'GET /api/v1/regions/:code/plan': PUBLIC,
  'PUT /api/v1/regions/:code/plan': { kind: 'roles', roles: ['regisseur', 'administrator'] },
  'GET /api/v1/regions/:code/plan/versions': {
    kind: 'roles',
    roles: ['regisseur', 'national-analyst', 'administrator'],
  },
};

/** Routes outside the API (the web app's pages and files) are public. */
export function ruleFor(method: string, url: string): AccessRule | undefined {
  if (!url.startsWith('/api/')) {
    return PUBLIC;
  }
  return ACCESS_RULES[`${method} ${url}`];
}
