import type { Permission } from '@palliamonitor/contracts';
import type { Role } from '@palliamonitor/data';
import { hasRole, type Principal } from './principal';

// The one access policy (docs/decisions/0002 and 0003): for every route, who may call it, what its
// answer shows, and the permission it stands for. Every route the server registers must have an
// entry: the server refuses to start otherwise, and the authorization, field-visibility and fuzz
// tests walk this table. Keys are `METHOD url` with Fastify's url pattern (after the /api/v1 prefix).

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

/** What a route's answer shows. */
export type RouteView =
  /** A resource any caller of the route may read: the field rules below apply to the answer. */
  | 'filtered'
  /**
   * The route's access rule admits only callers who may see all of its answer (the hospice's own
   * staff, its regisseur, administrators; or the writer of the change). Not for public routes.
   */
  | 'restricted'
  /** The caller's own account or session, whoever asks. */
  | 'own';

export interface RoutePolicy {
  access: AccessRule;
  view: RouteView;
  /** The permission the route stands for; none for what anyone may do. */
  permission?: Permission;
  /**
   * An answer of figures that count people (the statistics): who sees their small counts (1 to 4,
   * and what is computed from so few) as they are. `registrations`: those who may already read
   * the scope's own registrations (the `hospice` rule for a hospice: its editors, its tokens, its
   * regisseur; for a zorgkantoorregio or a gemeente in it, its regisseur), and administrators.
   * Everyone else (the public, care professionals, other regions' staff, national analysts, a
   * province or the country for all but administrators) gets them suppressed as in the open
   * data. Without this entry every caller gets them suppressed.
   */
  smallCounts?: 'registrations';
}

const PUBLIC: AccessRule = { kind: 'public' };
/** Public facts, cut to what the caller may see. */
const READ: RoutePolicy = { access: PUBLIC, view: 'filtered' };
/** About the caller's own session or account. */
const OWN: RoutePolicy = { access: PUBLIC, view: 'own' };
/** Only for callers who may see all of the answer. */
const staff = (access: AccessRule, permission: Permission): RoutePolicy => ({
  access,
  view: 'restricted',
  permission,
});
const roles = (...list: Role[]): AccessRule => ({ kind: 'roles', roles: list });
const HOSPICE: AccessRule = { kind: 'hospice', tokens: true };
const HOSPICE_PEOPLE: AccessRule = { kind: 'hospice', tokens: false };
const REPORT = staff(HOSPICE, 'bedStatus.report');
/** Public figures about people: small counts only for those who may read the registrations. */
const FIGURES: RoutePolicy = { ...READ, smallCounts: 'registrations' };

export const POLICY: Record<string, RoutePolicy> = {
  // status, documentation
  'GET /api/v1/health': READ,
  'GET /api/v1/openapi.json': READ,
  // registry and regions: aggregated, public facts
  'GET /api/v1/regions': READ,
  'GET /api/v1/regions/:code': READ,
  'GET /api/v1/overview': READ,
  'GET /api/v1/boundaries': READ,
  'GET /api/v1/hospices': READ,
  'GET /api/v1/hospices/:id': READ,
  'GET /api/v1/hospices/:id/history': READ,
  'POST /api/v1/hospices': staff({ kind: 'registry-create' }, 'registry.register'),
  'PATCH /api/v1/hospices/:id': staff({ kind: 'registry-change' }, 'registry.change'),
  // forecasts and scenarios
  'GET /api/v1/regions/:code/forecast': READ,
  'GET /api/v1/regions/:code/capacity': READ,
  'GET /api/v1/model-inputs': READ,
  'GET /api/v1/scenarios': READ,
  'GET /api/v1/scenarios/:id': READ,
  'GET /api/v1/scenarios/:a/compare/:b': READ,
  // Saved scenarios are read by everyone and saved by those who plan (free text is screened); the
  // scenario comes back as sent.
  'POST /api/v1/scenarios': {
    access: roles('national-analyst', 'regisseur'),
    view: 'own',
    permission: 'scenario.save',
  },
  // accounts
  'POST /api/v1/auth/sign-in': OWN,
  'POST /api/v1/auth/sign-out': OWN,
  'GET /api/v1/auth/me': OWN,
  'POST /api/v1/auth/password-reset': OWN,
  'POST /api/v1/auth/password-reset/confirm': OWN,
  'GET /api/v1/users': staff(roles('administrator'), 'accounts.manage'),
  'POST /api/v1/users': staff(roles('administrator'), 'accounts.manage'),
  'GET /api/v1/hospices/:id/tokens': staff(HOSPICE_PEOPLE, 'tokens.manage'),
  'POST /api/v1/hospices/:id/tokens': staff(HOSPICE_PEOPLE, 'tokens.manage'),
  'DELETE /api/v1/hospices/:id/tokens/:tokenId': staff(HOSPICE_PEOPLE, 'tokens.manage'),
  'GET /api/v1/audit-log': staff(roles('regisseur', 'administrator'), 'audit.read'),
  // data collection; who recorded each event is staff information, not public
  'GET /api/v1/hospices/:id/bed-status': READ,
  'PUT /api/v1/hospices/:id/bed-status': REPORT,
  'POST /api/v1/hospices/:id/bed-status/confirm': REPORT,
  'GET /api/v1/hospices/:id/bed-status/history': staff(HOSPICE, 'collection.readStaff'),
  'GET /api/v1/hospices/:id/stays': staff(HOSPICE, 'collection.readStaff'),
  'POST /api/v1/hospices/:id/stays': REPORT,
  'POST /api/v1/hospices/:id/stays/:stayId/departure': REPORT,
  'POST /api/v1/hospices/:id/refusals': REPORT,
  'GET /api/v1/hospices/:id/waiting-list': READ,
  'PUT /api/v1/hospices/:id/waiting-list': REPORT,
  'GET /api/v1/hospices/:id/statistics': FIGURES,
  'GET /api/v1/regions/:code/statistics': FIGURES,
  'GET /api/v1/regions/indicators': FIGURES,
  'GET /api/v1/regions/:code/bed-status': READ,
  'GET /api/v1/hospices/:id/returns': staff(HOSPICE, 'collection.readStaff'),
  'GET /api/v1/hospices/:id/returns/:month': staff(HOSPICE, 'collection.readStaff'),
  'PUT /api/v1/hospices/:id/returns/:month': staff(HOSPICE, 'returns.submit'),
  'POST /api/v1/returns': staff({ kind: 'hospice-rows' }, 'returns.submit'),
  // the live feed sends one public frame to every subscriber (live/bed-status-hub.ts)
  'GET /api/v1/bed-status/stream': READ,
  'GET /api/v1/beds/available': READ,
  // calculators: computations on the caller's own figures, nothing stored
  'GET /api/v1/calculators/norm': READ,
  'GET /api/v1/calculators/occupancy': READ,
  'GET /api/v1/calculators/erlang-curve': READ,
  'GET /api/v1/calculators/simulation': READ,
  'POST /api/v1/calculators/simulation': READ,
  // cost and viability: aggregated figures, as the forecast and statistics they come from (the
  // viability's bed-days are a facility's, cut as the statistics)
  'GET /api/v1/regions/:code/cost': READ,
  'GET /api/v1/hospices/:id/viability': FIGURES,
  'GET /api/v1/regions/:code/viability': FIGURES,
  // alerts of a region's cockpit, acknowledged (handlers check the regisseur's own region)
  'GET /api/v1/regions/:code/alert-acknowledgements': staff(
    roles('regisseur', 'national-analyst', 'administrator'),
    'alerts.read',
  ),
  'POST /api/v1/regions/:code/alert-acknowledgements': staff(
    roles('regisseur', 'administrator'),
    'alerts.acknowledge',
  ),
  // regional bed plans: the agreement and the plan against need are public; the region's
  // regisseur saves them (handlers check the own region); the history names who saved
  'GET /api/v1/plans': READ,
  'GET /api/v1/regions/:code/plan': READ,
  'PUT /api/v1/regions/:code/plan': staff(roles('regisseur', 'administrator'), 'plans.edit'),
  'GET /api/v1/regions/:code/plan/versions': staff(
    roles('regisseur', 'national-analyst', 'administrator'),
    'plans.readHistory',
  ),
  // a page's first view in one answer: the public parts of the routes above, cut the same way
  'GET /api/v1/regions/:code/cockpit': FIGURES,
  'GET /api/v1/hospices/:id/page': FIGURES,
  // The regional report: public, since every figure in it is a public answer already (region,
  // bed status, statistics, forecast, capacity, plan), and those who read it most (gemeenten,
  // hospices, the press, the minister's letter) are not signed in; one PDF beside the API
  // hides nothing and publishes nothing new. The kept monthly reports are the regisseur's and the
  // national analyst's record of what was reported when: they freeze figures that corrections
  // have since changed, so they are not published beside the live ones (handlers check the
  // regisseur's own region).
  // Its month figures count people: small counts only for those who may read the registrations.
  'GET /api/v1/regions/:code/report': FIGURES,
  'GET /api/v1/regions/:code/report.pdf': FIGURES,
  'GET /api/v1/regions/:code/reports': staff(
    roles('regisseur', 'national-analyst', 'administrator'),
    'reports.readKept',
  ),
  // A kept report's month figures count people as the live ones do: small counts only for those
  // who may read the region's registrations.
  'GET /api/v1/regions/:code/reports/:month': {
    ...staff(roles('regisseur', 'national-analyst', 'administrator'), 'reports.readKept'),
    smallCounts: 'registrations',
  },
  // reporting completeness: which facilities are behind (handlers check the regisseur's own
  // region; NL for national readers); a person's own reminder setting
  'GET /api/v1/regions/:code/completeness': staff(
    roles('regisseur', 'national-analyst', 'administrator'),
    'completeness.read',
  ),
  // (the handlers answer only a signed-in person, about their own account)
  'GET /api/v1/account/reminders': OWN,
  'PUT /api/v1/account/reminders': OWN,
  // transformation plans: their status is public, set by the region's regisseur (the handler
  // checks the own region); the history names who saved
  'GET /api/v1/transformation-plans': READ,
  'GET /api/v1/regions/:code/transformation-plan': READ,
  'PUT /api/v1/regions/:code/transformation-plan': staff(
    roles('regisseur', 'administrator'),
    'transformation.edit',
  ),
  'GET /api/v1/regions/:code/transformation-plan/versions': staff(
    roles('regisseur', 'national-analyst', 'administrator'),
    'plans.readHistory',
  ),
  // the organisation view: a group of one facility shows its bed-days, cut as the statistics
  'GET /api/v1/regions/:code/organisation': FIGURES,
  // open data: aggregated figures with small counts suppressed, and the public registry
  'GET /api/v1/open-data': READ,
  'GET /api/v1/open-data/changelog': READ,
  'GET /api/v1/open-data/region-months.json': READ,
  'GET /api/v1/open-data/region-months.csv': READ,
  'GET /api/v1/open-data/hospices.json': READ,
  'GET /api/v1/open-data/hospices.csv': READ,
};

/** Routes outside the API (the web app's pages and files) are public and carry no resource fields. */
export function policyFor(method: string, url: string): RoutePolicy | undefined {
  if (!url.startsWith('/api/')) {
    return READ;
  }
  return POLICY[`${method} ${url}`];
}

/** How much a caller sees of the fields that not everyone sees (FIELD_RULES). */
export type Audience =
  /** Not signed in: no contact phone, no e-mail address or token id of staff. */
  | 'public'
  /**
   * Any role (care professional, hospice staff and their tokens, regisseur, analyst): contact
   * details. Seeing them is the care professional's one privilege over the public.
   */
  | 'professional'
  /** Administrators and the server's own reads (the audit log's "before"): everything. */
  | 'identity';

/** The audience of each caller that is not an account: fixed by what kind of caller it is. */
const AUDIENCE_OF_KIND: Record<Exclude<Principal['kind'], 'user'>, Audience> = {
  anonymous: 'public',
  system: 'identity',
  token: 'professional',
};

export function audienceOf(principal: Principal): Audience {
  if (principal.kind !== 'user') {
    return AUDIENCE_OF_KIND[principal.kind];
  }
  if (hasRole(principal, 'administrator')) {
    return 'identity';
  }
  // A signed-in account without any role is not a care professional.
  return principal.user.roles.length > 0 ? 'professional' : 'public';
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

export interface FieldRule {
  /** The least audience that sees the field as stored. */
  seenBy: Audience;
  /** What the others see instead (the field stays, so every answer keeps its shape). */
  otherwise: (value: unknown) => unknown;
}

/**
 * Fields that not every caller sees, wherever they occur in a filtered answer. Address, postcode
 * and website stay public: they are the facility's own public listing (and its place is on the
 * map). The phone number is the direct line for referrals, for professionals.
 */
export const FIELD_RULES: Record<string, FieldRule> = {
  phone: { seenBy: 'professional', otherwise: () => null },
  recordedBy: {
    seenBy: 'identity',
    otherwise: (value) => (typeof value === 'string' ? neutralActor(value) : value),
  },
};

/**
 * Whether the principal may call a route of this rule for some resource: the scope (which hospice,
 * which region) is decided per request, this only says whether the role can ever pass.
 */
function mayEver(p: Principal, rule: AccessRule): boolean {
  if (p.kind === 'system' || rule.kind === 'public' || hasRole(p, 'administrator')) {
    return true;
  }
  if (p.kind === 'anonymous') {
    return false;
  }
  const staffOfHospice = hasRole(p, 'hospice-editor') || hasRole(p, 'regisseur');
  switch (rule.kind) {
    case 'signed-in':
      return p.kind === 'user';
    case 'roles':
      return rule.roles.some((r) => hasRole(p, r));
    case 'registry-create':
      return hasRole(p, 'regisseur');
    case 'hospice':
      return (p.kind === 'token' && rule.tokens) || staffOfHospice;
    case 'registry-change':
      return staffOfHospice;
    case 'hospice-rows':
      return p.kind === 'token' || staffOfHospice;
  }
}

/** The permissions of a caller, in the order of PERMISSIONS' listing in the policy. */
export function permissionsOf(p: Principal): Permission[] {
  const found = new Set<Permission>();
  if (audienceOf(p) !== 'public') {
    found.add('contact.see');
  }
  for (const entry of Object.values(POLICY)) {
    if (entry.permission !== undefined && mayEver(p, entry.access)) {
      found.add(entry.permission);
    }
  }
  return [...found];
}
