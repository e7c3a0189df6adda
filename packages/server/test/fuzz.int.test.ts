import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import {
  createApiToken,
  createUser,
  DEMO_PASSWORD,
  seedDemoRegistry,
  type Store,
} from '@palliamonitor/data';
import { usePasswordCostForTests } from '../../data/src/accounts/passwords';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import { POLICY, type AccessRule } from '../src/auth/policy';
import { securityOf } from '../src/auth/security';
import type { App } from '../src/context';
import { makeActors, type Actor } from './security-fixtures';

// Property-based fuzzing of every write route, by callers that may call it (valid sessions, CSRF
// tokens, a hospice token). Each route has a generator of valid bodies from its schema's domain and
// of invalid ones (wrong types, null, unknown fields, NUL, lone surrogates, huge and negative
// numbers, long strings, BSN-like text, empty bodies, wrong content types). For every request:
// never a 5xx or an internal detail; a 4xx is problem+json and changed nothing; a 2xx stored what
// was sent (read back) and a stored change has exactly one audit entry. The table below must
// cover every write route of the policy (auth/policy.ts): a new route without a generator fails this test.
// Seeded: a failure prints the seed and path, FUZZ_SEED (and FUZZ_RUNS) replay it.

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261201);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 560);
const now = new Date('2026-06-01T12:00:00Z');

let store: Store;
let app: App;
let actors: Record<string, Actor>;
let hospiceId: string;
const stayIds: string[] = [];
const tokenIds: string[] = [];
let scenarioBase: { parameters: unknown; uncertainty: unknown };

beforeAll(async () => {
  // Every sign-in and new account of the thousands of requests below hashes a password; what is
  // fuzzed here is the handling of requests, not the hash, so the hash is made cheap (for this
  // file only: the full cost and the dummy hash of unknown users are tested in passwords.test.ts).
  usePasswordCostForTests({ N: 16, r: 1, p: 1 });
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  app = await buildApp(store, { now: () => now });
  hospiceId = (await app.inject('/api/v1/hospices?region=ZK23&limit=1')).json().items[0].id;
  actors = await makeActors(app, store, hospiceId, now);
  await createUser(
    store.db,
    { email: 'fuzz@test.palliamonitor.nl', name: 'Fuzz', password: DEMO_PASSWORD, roles: [] },
    now,
  );
  const admin = actors['administrator']!.headers;
  for (const day of ['2026-05-01', '2026-05-10', '2026-05-20']) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/hospices/${hospiceId}/stays`,
      headers: admin,
      payload: { admittedOn: day, origin: 'home' },
    });
    stayIds.push(res.json().stayId);
  }
  // Tokens to revoke: not the one the hospice-token caller signs with.
  for (const label of ['oud-1', 'oud-2', 'oud-3']) {
    const { summary } = await createApiToken(store.db, { hospiceId, label, actor: 'test' }, now);
    tokenIds.push(summary.id);
  }
  const scenarios = (await app.inject('/api/v1/scenarios')).json();
  const first = (scenarios.items ?? scenarios)[0];
  scenarioBase = (await app.inject(`/api/v1/scenarios/${first.id}`)).json();
}, 300_000);
afterAll(async () => {
  await app?.close();
  await store?.close();
});

interface FuzzRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: string;
  contentType?: string;
  /** Refused whatever the state: the response must be a 4xx. */
  mustRefuse: boolean;
  /** The valid body, for reading back what a 2xx stored. */
  body?: Record<string, unknown>;
  description: string;
}

interface RouteFuzz {
  /** Tables the route may write (compared before and after). */
  tables: string[];
  /** False for routes the server deliberately keeps out of the audit log (sign-in and the like). */
  audited: boolean;
  request: fc.Arbitrary<FuzzRequest>;
  /** After a 2xx: the stored state matches what was sent. */
  readBack?: (
    req: FuzzRequest,
    response: unknown,
    headers: Record<string, string>,
  ) => Promise<void>;
}

// Values that break a field: wrong types, null, extremes, NUL, lone surrogates, long text, BSN.
const BAD_VALUE = fc.constantFrom<unknown>(
  null,
  -1,
  -1e9,
  1e308,
  2 ** 53 + 1,
  0.5,
  true,
  [],
  {},
  '',
  'x\u0000y',
  'a\ud800b',
  '\udc00',
  'x'.repeat(100_000),
  '123456782',
  'BSN 123456782',
  "'; drop table hospice; --",
  '<script>alert(1)</script>',
);
// Values that are refused in any field: a string field refuses NUL and lone surrogates, any other
// field refuses a string.
const ALWAYS_BAD = fc.constantFrom('x\u0000y', 'a\ud800b', '\udfff');
const NOT_AN_OBJECT = fc.constantFrom('null', '[]', '[{}]', '1', '"x"', 'true', '{', '{"a":', '');
const WRONG_CONTENT_TYPE = fc.constantFrom(
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
);

const word = fc.stringMatching(/^[A-Z][a-z]{2,14}$/);
const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const isoDay = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / 86_400_000, max: Date.parse(to) / 86_400_000 })
    .map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));

/** Valid bodies from `valid`, and mutations of them that are wrong in one way or another. */
function jsonRequests(
  method: FuzzRequest['method'],
  url: fc.Arbitrary<string>,
  valid: fc.Arbitrary<Record<string, unknown>>,
): fc.Arbitrary<FuzzRequest> {
  const json = (body: unknown) => JSON.stringify(body);
  const make = (
    u: string,
    payload: string | undefined,
    mustRefuse: boolean,
    description: string,
    body?: Record<string, unknown>,
    contentType = 'application/json',
  ): FuzzRequest => ({
    method,
    url: u,
    mustRefuse,
    description,
    ...(payload === undefined ? {} : { payload, contentType }),
    ...(body ? { body } : {}),
  });
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(url, valid).map(([u, b]) => make(u, json(b), false, 'valid', b)),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(url, valid, fc.nat(), BAD_VALUE).map(([u, b, i, bad]) => {
        const keys = Object.keys(b);
        const key = keys.length > 0 ? keys[i % keys.length]! : 'x';
        return make(u, json({ ...b, [key]: bad }), keys.length === 0, `field ${key}`);
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(url, valid, fc.constantFrom('bsn', 'naam', '__proto__', 'x'), BAD_VALUE)
        .map(([u, b, key, bad]) => make(u, json({ ...b, [key]: bad ?? 1 }), true, `extra ${key}`)),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(url, valid, fc.nat(), ALWAYS_BAD).map(([u, b, i, bad]) => {
        const keys = Object.keys(b);
        const key = keys.length > 0 ? keys[i % keys.length]! : 'x';
        return make(u, json({ ...b, [key]: bad }), true, `always bad ${key}`);
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(url, NOT_AN_OBJECT)
        .map(([u, p]) => make(u, p, true, `not an object ${p}`)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(url, valid, WRONG_CONTENT_TYPE)
        .map(([u, b, ct]) => make(u, json(b), true, `content type ${ct}`, undefined, ct)),
    },
  );
}

/** Routes without a body: sent bare (valid) or with a body they do not take. */
function bareRequests(method: FuzzRequest['method'], url: fc.Arbitrary<string>) {
  return fc.oneof(
    url.map((u): FuzzRequest => ({ method, url: u, mustRefuse: false, description: 'bare' })),
    fc.tuple(url, NOT_AN_OBJECT).map(([u, p]): FuzzRequest => ({
      method,
      url: u,
      payload: p,
      contentType: 'application/json',
      mustRefuse: false,
      description: `with body ${p}`,
    })),
  );
}

const hospiceUrl = (suffix: string) =>
  fc
    .oneof(
      { weight: 9, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom('onbekend', '..%2f..', '%00', 'x'.repeat(80)) },
    )
    .map((bad) => `/api/v1/hospices/${bad ?? hospiceId}${suffix}`);

const hospiceFields = {
  name: text,
  place: fc.constantFrom('Utrecht', 'Zeist', 'Amersfoort'),
  type: fc.constantFrom('bth', 'hch', 'nursing-home-unit', 'hospital-unit', 'other'),
  licensedBeds: fc.integer({ min: 0, max: 40 }),
  postcode: fc.oneof(fc.constant(null), fc.stringMatching(/^[1-9]\d{3} [A-Z]{2}$/)),
  careModel: fc.constantFrom(null, 'formal-care-with-stay', 'stay-with-informal-care'),
  funding: fc.subarray(['wlz', 'zvw', 'subsidy-ptz', 'donations', 'other']),
  umbrellas: fc.subarray(['ahzn', 'vptz', 'actiz']),
  agbCode: fc.oneof(fc.constant(null), fc.stringMatching(/^\d{8}$/)),
  phone: fc.oneof(fc.constant(null), fc.stringMatching(/^0\d{9}$/)),
  website: fc.constantFrom(null, 'https://hospice.example.nl', 'http://example.org/pad'),
  // Free text up to past its limit, and text that names a guest (refused, nothing stored).
  admissionCriteria: fc.oneof(
    fc.constant(null),
    text,
    // Ends that are not blank: stored text is trimmed, and this one is about the length limit.
    fc.string({ minLength: 990, maxLength: 1010 }).map((t) => `a${t.slice(1, -1)}a`),
    fc.constantFrom('Opname na verwijzing door de huisarts', 'Geen opname van dhr. Jansen'),
  ),
  openedOn: fc.oneof(fc.constant(null), isoDay('1990-01-01', '2026-05-31')),
};

const returnBody = fc
  .record({
    occupiedStart: fc.integer({ min: 0, max: 10 }),
    admissions: fc.integer({ min: 0, max: 30 }),
    died: fc.integer({ min: 0, max: 20 }),
    home: fc.integer({ min: 0, max: 5 }),
    transferred: fc.integer({ min: 0, max: 5 }),
    bedDays: fc.integer({ min: 0, max: 300 }),
    refusals: fc.integer({ min: 0, max: 20 }),
    waitingListEnd: fc.option(fc.integer({ min: 0, max: 20 })),
  })
  .map((r) => {
    const departures = Math.min(r.died + r.home + r.transferred, r.occupiedStart + r.admissions);
    const died = Math.min(r.died, departures);
    const home = Math.min(r.home, departures - died);
    const transferred = departures - died - home;
    return {
      occupiedStart: r.occupiedStart,
      admissions: r.admissions,
      departuresDied: died,
      departuresDischargedHome: home,
      departuresTransferred: transferred,
      occupiedEnd: r.occupiedStart + r.admissions - departures,
      bedDays: r.bedDays,
      refusals: r.refusals,
      waitingListEnd: r.waitingListEnd,
    };
  });
const month = fc
  .tuple(fc.integer({ min: 2025, max: 2026 }), fc.integer({ min: 1, max: 12 }))
  .filter(([y, m]) => y === 2025 || m <= 5)
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

const CSV_HEADER =
  'hospice,month,occupied_start,admissions,departures_died,departures_discharged_home,departures_transferred,occupied_end,bed_days,refusals,waiting_list_end,length_of_stay_days_total';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API answers, checked field by field
async function get(url: string, headers: Record<string, string>): Promise<Record<string, any>> {
  const res = await app.inject({ url, headers });
  expect(res.statusCode, `GET ${url}`).toBe(200);
  return res.json();
}

/** Every property of `sent` is in `stored` with the same value. */
function expectStored(
  stored: Record<string, unknown>,
  sent: Record<string, unknown>,
  skip: string[] = [],
) {
  for (const [key, value] of Object.entries(sent)) {
    if (!skip.includes(key)) {
      expect(stored[key], key).toEqual(value);
    }
  }
}

const ROUTES: Record<string, RouteFuzz> = {
  'POST /api/v1/hospices': {
    tables: ['hospice', 'hospice_version'],
    audited: true,
    request: jsonRequests(
      'POST',
      fc.constant('/api/v1/hospices'),
      fc.record(
        { ...hospiceFields, gemeenteCode: fc.constant('GM0344') },
        { requiredKeys: ['name', 'place', 'type', 'licensedBeds', 'gemeenteCode'] },
      ),
    ),
    readBack: async (req, response, headers) => {
      const id = (response as { id: string }).id;
      expectStored(await get(`/api/v1/hospices/${id}`, headers), req.body!, ['phone']);
    },
  },
  'PATCH /api/v1/hospices/:id': {
    tables: ['hospice', 'hospice_version'],
    audited: true,
    request: jsonRequests(
      'PATCH',
      hospiceUrl(''),
      fc
        .record(
          { ...hospiceFields, gemeenteCode: fc.constantFrom('GM0344', 'GM0363') },
          { requiredKeys: [] },
        )
        .filter((b) => Object.keys(b).length > 0),
    ),
    readBack: async (req, _response, headers) => {
      expectStored(await get(`/api/v1/hospices/${hospiceId}`, headers), req.body!);
    },
  },
  'POST /api/v1/scenarios': {
    tables: ['scenario'],
    audited: true,
    request: jsonRequests(
      'POST',
      fc.constant('/api/v1/scenarios'),
      fc.record({
        id: fc.stringMatching(/^fuzz-[a-z0-9]{1,12}$/),
        name: text,
        version: fc.constant(1),
        description: text,
        parameters: fc.constant(null).map(() => structuredClone(scenarioBase.parameters)),
        uncertainty: fc.constant(null).map(() => structuredClone(scenarioBase.uncertainty)),
      }),
    ),
    readBack: async (req, _response, headers) => {
      const stored = await get(`/api/v1/scenarios/${String(req.body!['id'])}`, headers);
      expectStored(stored, req.body!, ['parameters', 'uncertainty']);
    },
  },
  'POST /api/v1/auth/sign-in': {
    tables: ['app_user', 'role_assignment'],
    audited: false,
    request: jsonRequests(
      'POST',
      fc.constant('/api/v1/auth/sign-in'),
      fc.record({
        email: fc.constantFrom('fuzz@test.palliamonitor.nl', 'niemand@test.palliamonitor.nl'),
        password: fc.oneof(fc.constant(DEMO_PASSWORD), word),
      }),
    ),
  },
  'POST /api/v1/auth/sign-out': {
    tables: ['app_user'],
    audited: false,
    request: bareRequests('POST', fc.constant('/api/v1/auth/sign-out')),
  },
  'POST /api/v1/auth/password-reset': {
    tables: ['password_reset'],
    audited: true,
    request: jsonRequests(
      'POST',
      fc.constant('/api/v1/auth/password-reset'),
      fc.record({
        email: fc.constantFrom('fuzz@test.palliamonitor.nl', 'niemand@test.palliamonitor.nl'),
      }),
    ),
  },
  'POST /api/v1/auth/password-reset/confirm': {
    tables: ['app_user', 'password_reset'],
    audited: false,
    request: jsonRequests(
      'POST',
      fc.constant('/api/v1/auth/password-reset/confirm'),
      fc.record({ token: fc.stringMatching(/^[A-Za-z0-9_-]{10,60}$/), password: word }),
    ),
  },
  'POST /api/v1/users': {
    tables: ['app_user', 'role_assignment'],
    audited: true,
    request: jsonRequests(
      'POST',
      fc.constant('/api/v1/users'),
      fc.record({
        email: fc
          .stringMatching(/^[a-z]{1,10}[0-9]{0,4}$/)
          .map((l) => `${l}@test.palliamonitor.nl`),
        name: text,
        password: fc.constant('Lang-en-sterk-wachtwoord-2026'),
        roles: fc
          .constant(null)
          .map(() => [] as unknown[])
          .chain(() =>
            fc.constantFrom<unknown[]>(
              [],
              [{ role: 'care-professional', scope: null }],
              [{ role: 'hospice-editor', scope: hospiceId }],
              [{ role: 'regisseur', scope: 'ZK23' }],
            ),
          ),
      }),
    ),
    readBack: async (req, _response, headers) => {
      const users = (await get('/api/v1/users', headers)).items as Array<{ email: string }>;
      expect(users.some((u) => u.email === req.body!['email'])).toBe(true);
    },
  },
  'POST /api/v1/hospices/:id/tokens': {
    tables: ['api_token'],
    audited: true,
    request: jsonRequests('POST', hospiceUrl('/tokens'), fc.record({ label: text })),
    readBack: async (req, response, headers) => {
      const items = (await get(`/api/v1/hospices/${hospiceId}/tokens`, headers)).items as Array<{
        id: string;
        label: string;
      }>;
      const id = (response as { id: string }).id;
      expect(items.find((t) => t.id === id)?.label).toBe(req.body!['label']);
    },
  },
  'DELETE /api/v1/hospices/:id/tokens/:tokenId': {
    tables: ['api_token'],
    audited: true,
    request: fc
      .oneof(
        fc
          .constant(null)
          .map(() => fc.constantFrom(...tokenIds))
          .chain((a) => a),
        fc.constantFrom('000000000000', 'zzzz', '%00'),
      )
      .chain((tokenId) => bareRequests('DELETE', hospiceUrl(`/tokens/${tokenId}`))),
  },
  'PUT /api/v1/hospices/:id/bed-status': {
    tables: ['bed_status_event'],
    audited: true,
    request: jsonRequests(
      'PUT',
      hospiceUrl('/bed-status'),
      fc
        .record(
          {
            bedsOpen: fc.integer({ min: 0, max: 12 }),
            bedsOccupied: fc.integer({ min: 0, max: 12 }),
            bedsClosed: fc.integer({ min: 0, max: 4 }),
            closedReason: fc.constantFrom(
              null,
              'staff-shortage',
              'renovation',
              'infection',
              'other',
            ),
            admissionStop: fc.boolean(),
          },
          { requiredKeys: ['bedsOpen', 'bedsOccupied'] },
        )
        .map((b) => ({ ...b, bedsOccupied: Math.min(b.bedsOccupied, b.bedsOpen) })),
    ),
    readBack: async (req, _response, headers) => {
      expectStored(await get(`/api/v1/hospices/${hospiceId}/bed-status`, headers), req.body!);
    },
  },
  'POST /api/v1/hospices/:id/bed-status/confirm': {
    tables: ['bed_status_event'],
    audited: true,
    request: bareRequests('POST', hospiceUrl('/bed-status/confirm')),
  },
  'POST /api/v1/hospices/:id/stays': {
    tables: ['stay', 'bed_status_event'],
    audited: true,
    request: jsonRequests(
      'POST',
      hospiceUrl('/stays'),
      fc.record(
        {
          admittedOn: isoDay('2026-01-01', '2026-06-01'),
          origin: fc.constantFrom('home', 'hospital', 'nursing-home', 'other'),
          departure: fc.record({
            departedOn: fc.constant('2026-06-01'),
            kind: fc.constantFrom('died', 'discharged-home', 'transferred'),
          }),
        },
        { requiredKeys: ['admittedOn', 'origin'] },
      ),
    ),
    readBack: async (req, response, headers) => {
      const stayId = (response as { stayId: string }).stayId;
      const stays = (await get(`/api/v1/hospices/${hospiceId}/stays?limit=1000`, headers))
        .items as Array<Record<string, unknown>>;
      const stored = stays.find((s) => s['stayId'] === stayId);
      expect(stored, stayId).toBeDefined();
      expectStored(stored!, req.body!, ['departure']);
    },
  },
  'POST /api/v1/hospices/:id/stays/:stayId/departure': {
    tables: ['stay', 'bed_status_event'],
    audited: true,
    request: fc
      .oneof(
        fc
          .constant(null)
          .map(() => fc.constantFrom(...stayIds))
          .chain((a) => a),
        fc.constantFrom('onbekend', '%00'),
      )
      .chain((stayId) =>
        jsonRequests(
          'POST',
          hospiceUrl(`/stays/${stayId}/departure`),
          fc.record({
            departedOn: isoDay('2026-05-20', '2026-06-01'),
            kind: fc.constantFrom('died', 'discharged-home', 'transferred'),
          }),
        ),
      ),
  },
  'POST /api/v1/regions/:code/alert-acknowledgements': {
    tables: ['alert_acknowledgement'],
    audited: true,
    request: jsonRequests(
      'POST',
      fc.constantFrom('/api/v1/regions/ZK23/alert-acknowledgements'),
      fc.record(
        {
          alertKey: fc.constantFrom('stale:demo-1', 'full:demo-2', 'refusals:ZK23'),
          note: fc.string({ minLength: 1, maxLength: 80 }),
          followUpOn: fc.oneof(isoDay('2026-06-01', '2026-12-31'), fc.constant(null)),
        },
        { requiredKeys: ['alertKey', 'note'] },
      ),
    ),
  },
  'PUT /api/v1/account/reminders': {
    tables: ['reminder_preference'],
    audited: true,
    request: jsonRequests(
      'PUT',
      fc.constantFrom('/api/v1/account/reminders'),
      fc.record(
        { enabled: fc.boolean(), language: fc.constantFrom('nl', 'en') },
        { requiredKeys: ['enabled'] },
      ),
    ),
    readBack: async (req, _response, headers) => {
      const stored = await get('/api/v1/account/reminders', headers);
      expect(stored['enabled']).toBe(req.body!['enabled']);
    },
  },
  'PUT /api/v1/regions/:code/plan': {
    tables: ['region_plan_version'],
    audited: true,
    request: jsonRequests(
      'PUT',
      fc.constantFrom('/api/v1/regions/ZK23/plan'),
      fc.record(
        {
          // Versions from 0 on: most builds on a version that has moved (409), some on the current.
          baseVersion: fc.integer({ min: 0, max: 6 }),
          changeNote: fc.string({ maxLength: 80 }),
          targets: fc.uniqueArray(
            fc.record({
              year: fc.integer({ min: 2024, max: 2050 }),
              beds: fc.integer({ min: 0, max: 400 }),
            }),
            { maxLength: 4, selector: (t) => t.year },
          ),
          changes: fc.array(
            fc.oneof(
              fc.record({
                kind: fc.constant('open'),
                hospiceId: fc.constant(null),
                locationName: text,
                beds: fc.integer({ min: 1, max: 20 }),
                effectiveOn: isoDay('2026-01-01', '2050-12-31'),
                status: fc.constantFrom('idea', 'planned', 'agreed', 'done'),
                note: fc.string({ maxLength: 60 }),
              }),
              fc.record({
                kind: fc.constantFrom('expand', 'shrink', 'close'),
                hospiceId: fc.constant(null).map(() => hospiceId),
                locationName: fc.constant(null),
                beds: fc.integer({ min: 1, max: 20 }),
                effectiveOn: isoDay('2026-01-01', '2050-12-31'),
                status: fc.constantFrom('idea', 'planned', 'agreed', 'done'),
                note: fc.string({ maxLength: 60 }),
              }),
            ),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: ['baseVersion', 'targets', 'changes'] },
      ),
    ),
    readBack: async (req, _response, headers) => {
      const stored = await get('/api/v1/regions/ZK23/plan?draws=2', headers);
      const sent = req.body!['changes'] as Array<Record<string, unknown>>;
      expect(
        stored['changes'].map((c: { kind: string; beds: number }) => [c.kind, c.beds]),
      ).toEqual(sent.map((c) => [c['kind'], c['beds']]));
      expect(stored['version']).toBe((req.body!['baseVersion'] as number) + 1);
    },
  },
  'PUT /api/v1/regions/:code/transformation-plan': {
    tables: ['transformation_plan_version'],
    audited: true,
    request: jsonRequests(
      'PUT',
      fc.constantFrom('/api/v1/regions/ZK23/transformation-plan'),
      fc.record(
        {
          baseVersion: fc.integer({ min: 0, max: 6 }),
          status: fc.constantFrom(
            'not-started',
            'in-preparation',
            'submitted',
            'approved',
            'in-progress',
          ),
          // Dates in and out of order, some after today: those are refused (422).
          startedOn: fc.oneof(isoDay('2024-01-01', '2026-12-31'), fc.constant(null)),
          submittedOn: fc.oneof(isoDay('2024-01-01', '2026-12-31'), fc.constant(null)),
          approvedOn: fc.oneof(isoDay('2024-01-01', '2026-12-31'), fc.constant(null)),
          link: fc.oneof(
            fc.constant(null),
            fc.webUrl({ validSchemes: ['https'] }),
            fc.constantFrom('http://plan.example.org/', 'javascript:alert(1)', 'https://'),
          ),
          note: fc.string({ maxLength: 60 }),
        },
        { requiredKeys: ['baseVersion', 'status', 'note'] },
      ),
    ),
    readBack: async (req, _response, headers) => {
      const stored = await get('/api/v1/regions/ZK23/transformation-plan', headers);
      expect(stored['status']).toBe(req.body!['status']);
      expect(stored['link']).toBe(req.body!['link']);
      expect(stored['version']).toBe((req.body!['baseVersion'] as number) + 1);
    },
  },
  'POST /api/v1/hospices/:id/refusals': {
    tables: ['refusal'],
    audited: true,
    request: jsonRequests(
      'POST',
      hospiceUrl('/refusals'),
      fc.record(
        { date: isoDay('2026-01-01', '2026-06-01'), count: fc.integer({ min: 1, max: 100 }) },
        { requiredKeys: ['date'] },
      ),
    ),
  },
  'PUT /api/v1/hospices/:id/waiting-list': {
    tables: ['waiting_list_report'],
    audited: true,
    request: jsonRequests(
      'PUT',
      hospiceUrl('/waiting-list'),
      fc.record({ size: fc.integer({ min: 0, max: 60 }) }),
    ),
    readBack: async (req, _response, headers) => {
      const stored = await get(`/api/v1/hospices/${hospiceId}/waiting-list`, headers);
      expect(stored.size ?? stored.current?.size).toBe(req.body!['size']);
    },
  },
  'PUT /api/v1/hospices/:id/returns/:month': {
    tables: ['monthly_return'],
    audited: true,
    request: month.chain((m) =>
      jsonRequests(
        'PUT',
        hospiceUrl(`/returns/${m}`),
        returnBody as fc.Arbitrary<Record<string, unknown>>,
      ),
    ),
    readBack: async (req, _response, headers) => {
      const m = req.url.split('/').at(-1)!;
      const stored = await get(`/api/v1/hospices/${hospiceId}/returns/${m}`, headers);
      expectStored(stored.return ?? stored.current ?? stored, req.body!);
    },
  },
  'POST /api/v1/returns': {
    tables: ['monthly_return'],
    audited: true,
    request: fc.oneof(
      fc.tuple(month, returnBody).map(([m, r]): FuzzRequest => ({
        method: 'POST',
        url: '/api/v1/returns',
        contentType: 'text/csv',
        payload: `${CSV_HEADER}\n${hospiceId},${m},${r.occupiedStart},${r.admissions},${r.departuresDied},${r.departuresDischargedHome},${r.departuresTransferred},${r.occupiedEnd},${r.bedDays},${r.refusals},${r.waitingListEnd ?? ''},\n`,
        mustRefuse: false,
        description: 'valid csv',
      })),
      fc.tuple(month, BAD_VALUE).map(([m, bad]): FuzzRequest => ({
        method: 'POST',
        url: '/api/v1/returns',
        contentType: 'text/csv',
        payload: `${CSV_HEADER}\n${hospiceId},${m},${String(bad)},1,0,0,0,1,1,0,,\n`,
        mustRefuse: false,
        description: 'csv with a bad value',
      })),
      fc
        .tuple(
          fc.constantFrom('', '\u0000', 'a;b\n1', CSV_HEADER),
          fc.constantFrom('text/csv', 'application/json'),
        )
        .map(([payload, contentType]): FuzzRequest => ({
          method: 'POST',
          url: '/api/v1/returns',
          contentType,
          payload,
          mustRefuse: true,
          description: `csv ${JSON.stringify(payload.slice(0, 20))} as ${contentType}`,
        })),
    ),
  },
  'POST /api/v1/calculators/simulation': {
    tables: [],
    audited: false,
    request: jsonRequests(
      'POST',
      fc.constant('/api/v1/calculators/simulation'),
      fc.record({
        beds: fc.integer({ min: 1, max: 12 }),
        admissions: fc.integer({ min: 1, max: 200 }),
      }),
    ),
  },
};

/** The callers that may call a route (by its rule), each with a valid session or token. */
function callersOf(rule: AccessRule): string[] {
  switch (rule.kind) {
    case 'public':
      return ['anonymous'];
    case 'signed-in':
      return ['care-professional', 'administrator'];
    case 'hospice':
      return [
        'administrator',
        'hospice-editor',
        'regisseur',
        ...(rule.tokens ? ['hospice-token'] : []),
      ];
    case 'hospice-rows':
      return ['administrator', 'hospice-editor', 'regisseur', 'hospice-token'];
    case 'registry-create':
      return ['administrator', 'regisseur'];
    case 'registry-change':
      return ['administrator', 'hospice-editor', 'regisseur'];
    case 'roles':
      return rule.roles;
  }
}

/**
 * Row counts and a hash of the content of `tables`. Hashing a whole table is the costly part, and
 * most requests change nothing, so a table's hash is kept with its fingerprint: its row count and
 * the newest transaction id among its rows (`xmin`). Any committed insert or update leaves rows
 * written by a transaction newer than every earlier one, and a delete lowers the count unless an
 * insert comes with it, so an unchanged fingerprint means unchanged content and the kept hash is
 * still the table's hash; any other fingerprint has the table hashed again.
 */
async function snapshot(tables: string[]): Promise<Record<string, unknown>> {
  const columns = [
    `(select count(*)::int from audit_log) as audit`,
    ...tables.map(
      (t) =>
        `(select count(*)::int from ${t}) as ${t}_rows, (select coalesce(max(xmin::text::bigint), 0)::text from ${t}) as ${t}_newest`,
    ),
  ];
  const { rows } = await sql
    .raw<Record<string, unknown>>(`select ${columns.join(', ')}`)
    .execute(store.db);
  const fingerprints = rows[0]!;
  const result: Record<string, unknown> = { audit: fingerprints['audit'] };
  for (const t of tables) {
    const fingerprint = `${String(fingerprints[`${t}_rows`])}/${String(fingerprints[`${t}_newest`])}`;
    let kept = hashes.get(t);
    if (kept?.fingerprint !== fingerprint) {
      const hashed = await sql
        .raw<{ hash: string }>(
          `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as hash from ${t} x`,
        )
        .execute(store.db);
      kept = { fingerprint, hash: hashed.rows[0]!.hash };
      hashes.set(t, kept);
    }
    result[`${t}_rows`] = fingerprints[`${t}_rows`];
    result[`${t}_hash`] = kept.hash;
  }
  return result;
}
const hashes = new Map<string, { fingerprint: string; hash: string }>();

const INTERNALS = [
  /\n\s+at \S.*:\d+:\d+/,
  /node_modules/,
  /"stack"\s*:/,
  /\/work\/|\/src\/[a-z-]+\.ts/,
  /duplicate key|violates .* constraint|syntax error at|relation "/,
];

/** Who may call each route, from the one policy table. */
const ACCESS_RULES: Record<string, AccessRule> = Object.fromEntries(
  Object.entries(POLICY).map(([key, entry]) => [key, entry.access]),
);

const WRITES = Object.entries(ACCESS_RULES).filter(([key]) =>
  /^(POST|PUT|PATCH|DELETE) /.test(key),
);

describe(`fuzzing every write route with valid credentials (${storeName})`, () => {
  it('every write route of the access rules has a generator', () => {
    expect(WRITES.map(([key]) => key).filter((key) => !ROUTES[key])).toEqual([]);
    expect(Object.keys(ROUTES).filter((key) => !ACCESS_RULES[key])).toEqual([]);
  });

  // Found by this test: the access check of a registration looked the body's gemeente up before
  // the body was validated, and the store failed on the NUL (500).
  it('regression: a NUL in the gemeente code of a regisseur’s registration is a 4xx, not a 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/hospices',
      headers: actors['regisseur']!.headers,
      payload: {
        name: 'Hospice Nul',
        place: 'Utrecht',
        type: 'bth',
        licensedBeds: 4,
        gemeenteCode: 'x\u0000y',
      },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  // Found by this test: the access check looked the path's hospice up in the store before the
  // path was validated, and the store failed on the NUL (500).
  it('regression: a NUL as the hospice id of an editor’s change is a 4xx, not a 500', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/hospices/%00',
      headers: actors['hospice-editor']!.headers,
      payload: { licensedBeds: 4 },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it(`${RUNS} requests per write route, seed ${SEED}`, async () => {
    const statuses = new Map<string, number>();
    let requests = 0;
    for (const [key, rule] of WRITES) {
      const route = ROUTES[key]!;
      const callers = callersOf(rule);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...callers), route.request, async (caller, req) => {
          const headers = actors[caller]!.headers;
          const before = await snapshot(route.tables);
          const res = await app.inject({
            method: req.method,
            url: req.url,
            headers: {
              ...headers,
              ...(req.contentType ? { 'content-type': req.contentType } : {}),
            },
            ...(req.payload === undefined ? {} : { payload: req.payload }),
          });
          // A reset request does its work after the answer: wait for it before comparing.
          await Promise.all([...securityOf(app).deferred]);
          requests++;
          const status = res.statusCode;
          const tally = `${key} ${status}`;
          statuses.set(tally, (statuses.get(tally) ?? 0) + 1);
          const what = `${caller} ${req.method} ${req.url.slice(0, 100)} (${req.description}) → ${status} ${res.body.slice(0, 300)}`;
          expect(status, what).toBeLessThan(500);
          for (const pattern of INTERNALS) {
            expect(res.body, what).not.toMatch(pattern);
          }
          const after = await snapshot(route.tables);
          const { audit: auditBefore, ...dataBefore } = before;
          const { audit: auditAfter, ...dataAfter } = after;
          const entries = Number(auditAfter) - Number(auditBefore);
          if (status >= 400) {
            expect(res.headers['content-type'], what).toContain('application/problem+json');
            expect(dataAfter, what).toEqual(dataBefore);
            // A failed sign-in is logged (under a hash of the address): the one 4xx with an entry.
            expect(entries, what).toBe(
              key === 'POST /api/v1/auth/sign-in' && status === 401 ? 1 : 0,
            );
            return;
          }
          expect(req.mustRefuse, `accepted: ${what}`).toBe(false);
          const changed = JSON.stringify(dataAfter) !== JSON.stringify(dataBefore);
          if (route.audited) {
            expect(entries, what).toBe(changed ? 1 : entries > 0 ? 1 : 0);
          }
          if (route.readBack && req.body && changed) {
            await route.readBack(
              req,
              res.body ? res.json() : undefined,
              actors['administrator']!.headers,
            );
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
    console.info(
      `fuzz (${storeName}): ${requests} requests, seed ${SEED}\n` +
        [...statuses].map(([k, n]) => `  ${k}: ${n}`).join('\n'),
    );
    expect(requests).toBeGreaterThanOrEqual(RUNS * WRITES.length);
  }, 1_800_000);
});
