import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_PASSWORD, seedDemoRegistry, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import { securityOf } from '../src/auth/security';
import type { App } from '../src/context';
import { makeActors, type Actor } from './security-fixtures';

const now = new Date('2026-06-01T12:00:00Z');
const mails: Array<{ to: string; text: string }> = [];
let store: Store;
let app: App;
let actors: Record<string, Actor>;
let hospiceA: string;
let hospiceB: string;

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  app = await buildApp(store, {
    now: () => now,
    mail: { send: async (m) => void mails.push({ to: m.to, text: m.text }) },
  });
  hospiceA = (await app.inject('/api/v1/hospices?region=ZK23&limit=1')).json().items[0].id;
  hospiceB = (await app.inject('/api/v1/hospices?region=ZK09&limit=1')).json().items[0].id;
  actors = await makeActors(app, store, hospiceA, now);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const patch = (id: string, actor: Actor, payload: object, extra: Record<string, string> = {}) =>
  app.inject({
    method: 'PATCH',
    url: `/api/v1/hospices/${id}`,
    headers: { ...actor.headers, ...extra },
    payload,
  });

describe(`accounts and roles (${storeName})`, () => {
  it('anonymous writes are refused with 401 problem+json and change nothing', async () => {
    const before = (await app.inject(`/api/v1/hospices/${hospiceA}`)).json();
    const res = await patch(hospiceA, actors['anonymous']!, { licensedBeds: 99 });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect((await app.inject(`/api/v1/hospices/${hospiceA}`)).json()).toEqual(before);
  });

  it('a hospice editor changes its own hospice and is refused (403) for another', async () => {
    const own = await patch(hospiceA, actors['hospice-editor']!, { phone: '030-1234567' });
    expect(own.statusCode).toBe(200);
    const other = await patch(hospiceB, actors['hospice-editor']!, { phone: '030-1234567' });
    expect(other.statusCode).toBe(403);
    // The reason also comes as a code, which the interface words in Dutch.
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN', detailCode: 'access.notThisHospice' });
  });

  it('a signed-in write without the CSRF token is refused', async () => {
    const { cookie } = actors['hospice-editor']!.headers as { cookie: string };
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${hospiceA}`,
      headers: { cookie },
      payload: { phone: '030-7654321' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/X-CSRF-Token/);
    expect(res.json().detailCode).toBe('access.csrf');
  });

  it('the session cookie is HttpOnly and SameSite=Strict', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'regisseur@test.palliamonitor.nl', password: DEMO_PASSWORD },
    });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP here; Secure is set behind TLS
    // The cookie may live as long as the session can (7 days); the server ends an idle one sooner.
    expect(cookie).toMatch(/Max-Age=604800/);
    expect(res.json().expiresAt).toBe(new Date(now.getTime() + 12 * 3_600_000).toISOString());
  });

  it('sign-out ends the session', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'analist-2@test.palliamonitor.nl', password: 'wrong-password-here' },
    });
    expect(res.statusCode).toBe(401);
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'national-analyst@test.palliamonitor.nl', password: DEMO_PASSWORD },
    });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().kind).toBe(
      'user',
    );
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie, 'x-csrf-token': signIn.json().csrfToken },
    });
    expect((await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().kind).toBe(
      'anonymous',
    );
  });

  it('password reset: a one-time link by mail; the same answer for unknown addresses', async () => {
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'niemand@example.org' },
    });
    expect(unknown.statusCode).toBe(202);
    expect(mails).toHaveLength(0);
    const known = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'care-professional@test.palliamonitor.nl' },
    });
    expect(known.statusCode).toBe(202);
    // The look-up and the mail follow the answer, so that it takes as long for either address.
    await Promise.all([...securityOf(app).deferred]);
    expect(mails).toHaveLength(1);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mails[0]!.text)![1]!;
    const confirm = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, password },
      });
    expect((await confirm('kort')).statusCode).toBe(422);
    expect((await confirm('een-nieuw-lang-wachtwoord')).statusCode).toBe(204);
    expect((await confirm('nog-een-nieuw-wachtwoord')).statusCode).toBe(422); // used once only
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: {
        email: 'care-professional@test.palliamonitor.nl',
        password: 'een-nieuw-lang-wachtwoord',
      },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('repeated failed sign-ins are slowed down with 429 and Retry-After', async () => {
    let last = 0;
    let retryAfter: string | undefined;
    for (let i = 0; i < 8; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'administrator@test.palliamonitor.nl', password: `fout-${i}` },
        remoteAddress: '10.9.8.7',
      });
      last = res.statusCode;
      retryAfter = res.headers['retry-after'] as string | undefined;
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

describe(`API tokens (${storeName})`, () => {
  it('a token pushes for its own hospice and is refused for another', async () => {
    const token = actors['hospice-token']!.headers;
    const own = await app.inject({
      method: 'PUT',
      url: `/api/v1/hospices/${hospiceA}/bed-status`,
      headers: token,
      payload: { bedsOpen: 2, bedsOccupied: 1 },
    });
    expect(own.statusCode).toBe(200);
    const other = await app.inject({
      method: 'PUT',
      url: `/api/v1/hospices/${hospiceB}/bed-status`,
      headers: token,
      payload: { bedsOpen: 2, bedsOccupied: 1 },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().detailCode).toBe('access.tokenOtherHospice');
  });

  it('an invalid token is 401; a revoked token stops working; last use is recorded', async () => {
    const bad = await app.inject({
      url: '/api/v1/health',
      headers: { authorization: 'Bearer pm_000000000000_nope' },
    });
    expect(bad.statusCode).toBe(401);
    const admin = actors['administrator']!.headers;
    const made = await app.inject({
      method: 'POST',
      url: `/api/v1/hospices/${hospiceA}/tokens`,
      headers: admin,
      payload: { label: 'EPD-koppeling' },
    });
    expect(made.statusCode).toBe(201);
    const { token, id } = made.json();
    const use = () =>
      app.inject({
        method: 'PUT',
        url: `/api/v1/hospices/${hospiceA}/bed-status`,
        headers: { authorization: `Bearer ${token}` },
        payload: { bedsOpen: 2, bedsOccupied: 0 },
      });
    expect((await use()).statusCode).toBe(200);
    const listed = (
      await app.inject({ url: `/api/v1/hospices/${hospiceA}/tokens`, headers: admin })
    ).json();
    expect(listed.items.find((t: { id: string }) => t.id === id).lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(token);
    // The audit log records the creation, but never the secret.
    const audit = await app.inject({ url: '/api/v1/audit-log?format=csv', headers: admin });
    expect(audit.body).toContain(`/api/v1/hospices/${hospiceA}/tokens`);
    expect(audit.body).not.toContain(token);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/hospices/${hospiceA}/tokens/${id}`,
      headers: admin,
    });
    expect(revoke.statusCode).toBe(200);
    expect((await use()).statusCode).toBe(401);
  });
});

describe(`bed finder contact details (${storeName})`, () => {
  it('the public sees free beds without phone numbers; a care professional sees them', async () => {
    const hospice = (await app.inject(`/api/v1/hospices/${hospiceA}`)).json();
    const url = `/api/v1/beds/available?near=${hospice.latitude},${hospice.longitude}&radiusKm=5`;
    const find = (headers: Record<string, string>) =>
      app
        .inject({ url, headers })
        .then((r) => r.json().available.find((h: { id: string }) => h.id === hospiceA));
    const publicView = await find({});
    expect(publicView).toBeDefined();
    expect(publicView.phone).toBeNull();
    // The password reset above ended this account's sessions; sign in with the new password.
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: {
        email: 'care-professional@test.palliamonitor.nl',
        password: 'een-nieuw-lang-wachtwoord',
      },
    });
    const professional = await find({
      cookie: String(signIn.headers['set-cookie']).split(';')[0]!,
    });
    expect(professional.phone).toBe('030-1234567');
  });
});

describe(`audit log (${storeName})`, () => {
  it('records every write with actor, role, before and after; the regisseur sees only the own region', async () => {
    await patch(hospiceA, actors['regisseur']!, { licensedBeds: 9 });
    await patch(hospiceB, actors['administrator']!, { licensedBeds: 7 });
    const regisseur = (
      await app.inject({ url: '/api/v1/audit-log', headers: actors['regisseur']!.headers })
    ).json();
    const entry = regisseur.items.find(
      (e: { method: string; hospiceId: string; actor: string }) =>
        e.method === 'PATCH' &&
        e.hospiceId === hospiceA &&
        e.actor === 'user:regisseur@test.palliamonitor.nl',
    );
    expect(entry.role).toBe('regisseur:ZK23');
    expect(entry.after.licensedBeds).toBe(9);
    expect(entry.before.licensedBeds).not.toBe(9);
    // One entry per change: the registry route writes it with the change, the boundary does not.
    expect(
      regisseur.items.filter(
        (e: { method: string; path: string; after: { licensedBeds: number } }) =>
          e.method === 'PATCH' &&
          e.path === `/api/v1/hospices/${hospiceA}` &&
          e.after.licensedBeds === 9,
      ),
    ).toHaveLength(1);
    expect(regisseur.items.every((e: { regionCode: string }) => e.regionCode === 'ZK23')).toBe(
      true,
    );
    const admin = (
      await app.inject({ url: '/api/v1/audit-log', headers: actors['administrator']!.headers })
    ).json();
    expect(admin.items.some((e: { hospiceId: string }) => e.hospiceId === hospiceB)).toBe(true);
  });

  it('filters by region; a regisseur may not ask for another region', async () => {
    const admin = actors['administrator']!.headers;
    const zk23 = (
      await app.inject({ url: '/api/v1/audit-log?region=ZK23', headers: admin })
    ).json();
    expect(zk23.total).toBeGreaterThan(0);
    expect(zk23.items.every((e: { regionCode: string }) => e.regionCode === 'ZK23')).toBe(true);
    const other = await app.inject({
      url: '/api/v1/audit-log?region=ZK09',
      headers: actors['regisseur']!.headers,
    });
    expect(other.statusCode).toBe(403);
  });

  it('is exportable as CSV and refused to other roles', async () => {
    const csv = await app.inject({
      url: '/api/v1/audit-log?format=csv',
      headers: actors['regisseur']!.headers,
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe(
      'at,actor,role,method,path,status,hospice_id,region_code,before,after',
    );
    expect(
      (await app.inject({ url: '/api/v1/audit-log', headers: actors['national-analyst']!.headers }))
        .statusCode,
    ).toBe(403);
  });

  it('grants nobody UPDATE, DELETE or TRUNCATE on it, by the table privileges', async () => {
    // Read the ACL itself: a superuser (as in these tests) bypasses privileges, an app role does not.
    const { rows } = await sql<{ privilege: string }>`
      select distinct a.privilege_type as privilege
      from pg_class c, aclexplode(c.relacl) a
      where c.oid = 'audit_log'::regclass`.execute(store.db);
    const granted = rows.map((r) => r.privilege).sort();
    expect(granted).toContain('INSERT');
    expect(granted).toContain('SELECT');
    expect(granted).not.toContain('UPDATE');
    expect(granted).not.toContain('DELETE');
    expect(granted).not.toContain('TRUNCATE');
  });

  it('is append-only in the store itself', async () => {
    await expect(
      sql`update audit_log set actor = 'someone else'`.execute(store.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
  });
});

describe('security headers', () => {
  it('sets CSP without unsafe-inline scripts, frame-ancestors none, nosniff and a referrer policy', async () => {
    const res = await app.inject('/api/v1/health');
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('refuses bodies over the size limit with 413 problem+json', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/hospices',
      headers: { ...actors['administrator']!.headers, 'content-type': 'application/json' },
      payload: `{"name":"${'x'.repeat(1_100_000)}"}`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
