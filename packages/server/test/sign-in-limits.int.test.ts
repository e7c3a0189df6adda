import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { SCENARIOS } from '@palliamonitor/model';
import { createUser, DEMO_PASSWORD, emailActor, listAudit, type Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import { securityOf } from '../src/auth/security';
import type { App } from '../src/context';
import { adminHeaders } from './auth-helpers';

// Sign-in and password-reset limits (behind a proxy too), reset links, and the audit entries of
// sign-in, sign-out, reset and the account routes.

let now = new Date('2026-06-01T12:00:00Z');
const mails: Array<{ to: string; text: string }> = [];
let store: Store;
let app: App;
let hospiceId: string;
let admin: Record<string, string>;

async function account(email: string): Promise<void> {
  await createUser(
    store.db,
    {
      email,
      name: 'Test',
      password: DEMO_PASSWORD,
      roles: [{ role: 'care-professional', scope: null }],
    },
    now,
  );
}

const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    headers,
  });

const requestReset = (email: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email }, headers });

/** The work a reset request does after its answer. */
const settled = () => Promise.all([...securityOf(app).deferred]);

async function entries(filter: (e: { path: string; actor: string }) => boolean) {
  const { items } = await listAudit(store.db, { limit: 1000, offset: 0 });
  return items.filter(filter).reverse();
}

beforeAll(async () => {
  store = await openTestStore();
  hospiceId = await createUtrechtHospice(store, 'Hospice Grenzen', 5, now);
  // As behind one TLS-terminating proxy: X-Forwarded-For is read, its rightmost hop only.
  process.env['TRUST_PROXY'] = 'true';
  try {
    app = await buildApp(store, {
      now: () => now,
      mail: { send: async (m) => void mails.push({ to: m.to, text: m.text }) },
    });
  } finally {
    delete process.env['TRUST_PROXY'];
  }
  admin = await adminHeaders(app, store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe(`sign-in limits behind a proxy (${storeName})`, () => {
  it('rotating X-Forwarded-For does not escape the limit: the proxy’s hop counts', async () => {
    await account('xff@test.palliamonitor.nl');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await signIn('xff@test.palliamonitor.nl', `fout-${i}`, {
        'x-forwarded-for': `10.1.${i}.${i}, 198.51.100.7`,
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(statuses).toContain(429);
  });

  it('failures from elsewhere do not lock the owner out from an address of their own', async () => {
    await account('slachtoffer@test.palliamonitor.nl');
    const attacker = { 'x-forwarded-for': '203.0.113.66' };
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (await signIn('slachtoffer@test.palliamonitor.nl', `gok-${i}`, attacker)).statusCode,
      );
    }
    // The attacker's address is slowed down on this account …
    expect(statuses.at(-1)).toBe(429);
    const again = await signIn('slachtoffer@test.palliamonitor.nl', DEMO_PASSWORD, attacker);
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    // … the owner, from an address without failures, signs in with the right password.
    const owner = await signIn('slachtoffer@test.palliamonitor.nl', DEMO_PASSWORD, {
      'x-forwarded-for': '192.0.2.10',
    });
    expect(owner.statusCode).toBe(200);
  });

  it('one address is slowed down over all accounts it tries', async () => {
    const spray = { 'x-forwarded-for': '203.0.113.99' };
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await signIn(`onbekend-${i}@example.org`, 'raden', spray)).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.at(-1)).toBe(429);
  });
});

describe(`password reset (${storeName})`, () => {
  it('known and unknown addresses get the same answer; the work follows it', async () => {
    await account('herstel@test.palliamonitor.nl');
    const from = { 'x-forwarded-for': '192.0.2.20' };
    const unknown = await requestReset('niemand-hier@example.org', from);
    const known = await requestReset('herstel@test.palliamonitor.nl', from);
    const shape = (res: typeof known) => ({
      status: res.statusCode,
      body: res.body,
      headers: Object.keys(res.headers).sort(),
    });
    expect(shape(known)).toEqual(shape(unknown));
    await settled();
    expect(mails.filter((m) => m.to === 'herstel@test.palliamonitor.nl')).toHaveLength(1);
    expect(mails.some((m) => m.to === 'niemand-hier@example.org')).toBe(false);
  });

  it('a new link voids the older ones', async () => {
    await account('twee-links@test.palliamonitor.nl');
    const from = { 'x-forwarded-for': '192.0.2.21' };
    await requestReset('twee-links@test.palliamonitor.nl', from);
    await requestReset('twee-links@test.palliamonitor.nl', from);
    await settled();
    const links = mails
      .filter((m) => m.to === 'twee-links@test.palliamonitor.nl')
      .map((m) => /token=([A-Za-z0-9_-]+)/.exec(m.text)![1]!);
    expect(links).toHaveLength(2);
    const confirm = (token: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, password: 'een-nieuw-lang-wachtwoord' },
      });
    const old = await confirm(links[0]!);
    expect(old.statusCode).toBe(422);
    expect(old.json().invalidParams[0].code).toBe('account.resetLinkInvalid');
    expect((await confirm(links[1]!)).statusCode).toBe(204);
  });

  it('requests are limited per e-mail address (known or not) and per client address', async () => {
    for (const email of ['herstel-limiet@test.palliamonitor.nl', 'bestaat-niet@example.org']) {
      if (email.endsWith('.nl')) {
        await account(email);
      }
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        // Each from another address: the per-account limit holds on its own.
        statuses.push(
          (await requestReset(email, { 'x-forwarded-for': `192.0.2.${100 + i}` })).statusCode,
        );
      }
      expect(statuses).toEqual([202, 202, 202, 429]);
    }
    const one = { 'x-forwarded-for': '192.0.2.50' };
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await requestReset(`iemand-${i}@example.org`, one)).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
    await settled();
    expect(mails.filter((m) => m.to === 'herstel-limiet@test.palliamonitor.nl')).toHaveLength(3);
    // An hour later the window has passed.
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await requestReset('bestaat-niet@example.org', one)).statusCode).toBe(202);
    await settled();
  });
});

describe(`sign-in, sign-out and reset in the audit log (${storeName})`, () => {
  it('each writes one entry, never with the password or a token', async () => {
    const email = 'logboek@test.palliamonitor.nl';
    await account(email);
    const from = { 'x-forwarded-for': '192.0.2.30' };
    const failed = await signIn(email, 'verkeerd-wachtwoord', from);
    expect(failed.statusCode).toBe(401);
    const ok = await signIn(email, DEMO_PASSWORD, from);
    expect(ok.statusCode).toBe(200);
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { cookie, 'x-csrf-token': ok.json().csrfToken },
    });
    expect(out.statusCode).toBe(204);
    await requestReset(email, from);
    await settled();
    const token = /token=([A-Za-z0-9_-]+)/.exec(
      mails.filter((m) => m.to === email).at(-1)!.text,
    )![1]!;
    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, password: 'nieuw-wachtwoord-voor-logboek' },
    });
    expect(confirmed.statusCode).toBe(204);

    const auth = await entries((e) => e.path.startsWith('/api/v1/auth/'));
    const mine = auth.filter((e) => e.actor === `user:${email}` || e.actor === emailActor(email));
    const failedEntry = mine.find((e) => e.status === 401)!;
    expect(failedEntry).toMatchObject({
      role: 'public',
      after: { signedIn: false, address: '192.0.2.30' },
    });
    expect(failedEntry.actor).toMatch(/^email:[0-9a-f]{16}$/);
    const byUser = mine.filter((e) => e.actor === `user:${email}`);
    expect(byUser.map((e) => [e.path, e.status])).toEqual([
      ['/api/v1/auth/sign-in', 200],
      ['/api/v1/auth/sign-out', 204],
      ['/api/v1/auth/password-reset', 202],
      ['/api/v1/auth/password-reset/confirm', 204],
    ]);
    const text = JSON.stringify(auth);
    for (const secret of [
      DEMO_PASSWORD,
      'verkeerd-wachtwoord',
      'nieuw-wachtwoord-voor-logboek',
      token,
      cookie.split('=')[1]!,
      ok.json().csrfToken,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('a sign-in whose entry cannot be written starts no session', async () => {
    const email = 'geen-logboek@test.palliamonitor.nl';
    await account(email);
    await sql`alter table audit_log add constraint refuses_test_actor check (actor <> ${sql.lit(`user:${email}`)})`.execute(
      store.db,
    );
    try {
      const res = await signIn(email, DEMO_PASSWORD, { 'x-forwarded-for': '192.0.2.31' });
      expect(res.statusCode).toBe(500);
      const sessions = await store.db
        .selectFrom('user_session')
        .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
        .select('id_hash')
        .where('app_user.email', '=', email)
        .execute();
      expect(sessions).toEqual([]);
    } finally {
      await sql`alter table audit_log drop constraint refuses_test_actor`.execute(store.db);
    }
  });
});

describe(`account routes write one entry each, in the change's transaction (${storeName})`, () => {
  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: admin, payload });

  it('POST tokens, DELETE token, POST users, POST scenarios', async () => {
    const before = (await listAudit(store.db, { limit: 1, offset: 0 })).items[0]?.id ?? 0;
    const token = await post(`/api/v1/hospices/${hospiceId}/tokens`, { label: 'kassa zuid' });
    expect(token.statusCode).toBe(201);
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/v1/hospices/${hospiceId}/tokens/${token.json().id}`,
      headers: admin,
    });
    expect(revoked.statusCode).toBe(200);
    const user = await post('/api/v1/users', {
      email: 'via-api@test.palliamonitor.nl',
      name: 'Via API',
      password: 'een-lang-wachtwoord',
      roles: [{ role: 'hospice-editor', scope: hospiceId }],
    });
    expect(user.statusCode).toBe(201);
    const { id: _id, name: _name, description: _d, ...rest } = SCENARIOS[0]!;
    const scenario = await post('/api/v1/scenarios', {
      ...rest,
      id: 'via-api',
      name: 'Via API',
      description: 'Een variant',
    });
    expect(scenario.statusCode).toBe(201);
    const { items } = await listAudit(store.db, { limit: 100, offset: 0 });
    const made = items.filter((e) => e.id > before).reverse();
    expect(made.map((e) => [e.method, e.path])).toEqual([
      ['POST', `/api/v1/hospices/${hospiceId}/tokens`],
      ['DELETE', `/api/v1/hospices/${hospiceId}/tokens/${token.json().id}`],
      ['POST', '/api/v1/users'],
      ['POST', '/api/v1/scenarios'],
    ]);
    expect(made[0]).toMatchObject({
      hospiceId,
      regionCode: 'ZK23',
      after: { label: 'kassa zuid' },
    });
    expect(made[1]).toMatchObject({ before: { revokedAt: null }, after: { id: token.json().id } });
    expect(JSON.stringify(made)).not.toContain(token.json().token);
    expect(JSON.stringify(made)).not.toContain('een-lang-wachtwoord');
  });
});
