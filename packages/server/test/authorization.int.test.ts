import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, DEMO_PASSWORD, seedDemoRegistry, type Store } from '@palliamonitor/data';
import { type Role } from '@palliamonitor/contracts';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { policyFor, type AccessRule } from '../src/auth/policy';

const ruleFor = (method: string, url: string) => policyFor(method, url)?.access;
import { securityOf } from '../src/auth/security';
import { makeActors, type Actor } from './security-fixtures';

// Every registered route × every role, from the server's own route list: a new route without a
// rule fails here (and stops the server from starting), and each rule is checked by real requests.

const now = new Date('2026-06-01T12:00:00Z');
let store: Store;
let app: App;
let actors: Record<string, Actor>;
let hospiceA: string; // in ZK23 (the regisseur's region), edited by the hospice editor
let hospiceB: string; // elsewhere

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  app = await buildApp(store, { now: () => now });
  const inUtrecht = (await app.inject('/api/v1/hospices?region=ZK23&limit=1')).json().items[0];
  const elsewhere = (await app.inject('/api/v1/hospices?region=ZK09&limit=1')).json().items[0];
  hospiceA = inUtrecht.id;
  hospiceB = elsewhere.id;
  actors = await makeActors(app, store, hospiceA, now);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

type Expect = 'allow' | 401 | 403;

/** What a rule means for an actor acting on hospice A ("own") or B ("other"). */
function expected(rule: AccessRule, actor: string, target: 'own' | 'other'): Expect {
  if (rule.kind === 'public') {
    return 'allow';
  }
  if (actor === 'anonymous') {
    return 401;
  }
  if (actor === 'administrator') {
    return 'allow';
  }
  switch (rule.kind) {
    case 'signed-in':
      return actor === 'hospice-token' ? 403 : 'allow';
    case 'roles':
      return (rule.roles as string[]).includes(actor) ? 'allow' : 403;
    case 'registry-create':
      return actor === 'regisseur' && target === 'own' ? 'allow' : 403;
    case 'hospice':
    case 'registry-change':
      if (target === 'other') {
        return 403;
      }
      if (actor === 'hospice-token') {
        return rule.kind === 'hospice' && rule.tokens ? 'allow' : 403;
      }
      return actor === 'hospice-editor' || actor === 'regisseur' ? 'allow' : 403;
    case 'hospice-rows':
      return ['hospice-token', 'hospice-editor', 'regisseur'].includes(actor) ? 'allow' : 403;
  }
}

function fill(url: string, target: 'own' | 'other'): string {
  return url
    .replace(':id', target === 'own' ? hospiceA : hospiceB)
    .replace(':code', 'ZK23')
    .replace(':tokenId', '0123456789ab')
    .replace(':stayId', '00000000-0000-4000-8000-000000000000')
    .replace(':month', '2026-01')
    .replace(':a', 'baseline')
    .replace(':b', 'community-central')
    .replace('*', 'regio/ZK23');
}

// (The PUT beside it refuses the matrix's empty body first, as any open route does.)
const PERSON_ONLY = new Set(['GET /api/v1/account/reminders']);

describe(`authorization matrix (${storeName})`, () => {
  it('every registered route has an access rule', () => {
    const routes = securityOf(app).routes.filter((r) => r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      expect(ruleFor(route.method, route.url), `${route.method} ${route.url}`).toBeDefined();
    }
  });

  it('every route answers every role as its rule says, on its own hospice and another', async () => {
    // Signing out ends the actor's session, so it goes last.
    const routes = securityOf(app)
      .routes.filter((r) => r.method !== 'HEAD')
      .sort(
        (a, b) =>
          Number(a.url === '/api/v1/auth/sign-out') - Number(b.url === '/api/v1/auth/sign-out'),
      );
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      if (route.url === '/api/v1/bed-status/stream') {
        continue; // an endless stream; its public rule is asserted above and it is tested over HTTP
      }
      const rule = ruleFor(route.method, route.url)!;
      const targets: Array<'own' | 'other'> =
        rule.kind === 'hospice' ||
        rule.kind === 'registry-create' ||
        rule.kind === 'registry-change'
          ? ['own', 'other']
          : ['own'];
      for (const target of targets) {
        for (const actor of Object.values(actors)) {
          const payload =
            route.method === 'GET' || route.method === 'DELETE'
              ? undefined
              : rule.kind === 'registry-create'
                ? { gemeenteCode: target === 'own' ? 'GM0344' : 'GM0014' }
                : {};
          const res = await app.inject({
            method: route.method as 'GET',
            url: fill(route.url, target),
            headers: actor.headers,
            ...(payload === undefined ? {} : { payload }),
          });
          checked += 1;
          // A person's own reminder setting is open in the policy (about the caller's own
          // account), and its handler answers only a signed-in person: anonymous 401, tokens 403.
          const want = PERSON_ONLY.has(`${route.method} ${route.url}`)
            ? expected({ kind: 'signed-in' }, actor.name, target)
            : expected(rule, actor.name, target);
          const got = res.statusCode === 401 ? 401 : res.statusCode === 403 ? 403 : 'allow';
          if (got !== want || res.statusCode >= 500) {
            failures.push(
              `${route.method} ${route.url} as ${actor.name} on ${target}: want ${want}, got ${res.statusCode}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);
    // Some 600 requests one after the other: on a busy machine that takes longer than one test's
    // usual limit, and how long it takes is not what this test is about.
  }, 300_000);
});

// A change of the registry may move a facility to another gemeente, and so to another region: it
// is allowed only when the caller may act on the facility both before and after the change.
describe(`moving a hospice between regions (${storeName})`, () => {
  const utrecht = 'GM0344'; // ZK23
  const amersfoort = 'GM0307'; // ZK23 too
  const amstelveen = 'GM0362'; // ZK01

  // The matrix above signs its actors out, so these have sessions of their own.
  const mover: Record<string, Actor> = {};
  beforeAll(async () => {
    mover['administrator'] = await signedIn('beheer-verhuizing@test.palliamonitor.nl', [
      { role: 'administrator', scope: null },
    ]);
    mover['regisseur'] = await signedIn('regisseur-verhuizing@test.palliamonitor.nl', [
      { role: 'regisseur', scope: 'ZK23' },
    ]);
  });

  async function register(gemeenteCode: string, as: Actor = mover['administrator']!) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/hospices',
      headers: as.headers,
      payload: {
        name: 'Hospice Verhuizing',
        place: 'Ergens',
        gemeenteCode,
        type: 'bth',
        licensedBeds: 3,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  async function move(id: string, as: Actor, gemeenteCode: string) {
    return app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${id}`,
      headers: as.headers,
      payload: { gemeenteCode },
    });
  }
  async function regionOf(id: string): Promise<string> {
    return (await app.inject(`/api/v1/hospices/${id}`)).json().regions.zorgkantoorregio.code;
  }
  async function signedIn(email: string, roles: Array<{ role: Role; scope: string | null }>) {
    await createUser(store.db, { email, name: email, password: DEMO_PASSWORD, roles }, now);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: DEMO_PASSWORD },
    });
    return {
      name: email,
      headers: {
        cookie: String(res.headers['set-cookie']).split(';')[0]!,
        'x-csrf-token': res.json().csrfToken,
      },
    } satisfies Actor;
  }

  it('a regisseur may register in their region but not then move it out of it', async () => {
    const id = await register(utrecht, mover['regisseur']);
    const res = await move(id, mover['regisseur']!, amstelveen);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      detailCode: 'access.registryMove',
      detailParams: { from: 'ZK23', to: 'ZK01' },
    });
    expect(await regionOf(id)).toBe('ZK23');
  });

  it('a regisseur may move a hospice within their region', async () => {
    const id = await register(utrecht);
    expect((await move(id, mover['regisseur']!, amersfoort)).statusCode).toBe(200);
    expect((await app.inject(`/api/v1/hospices/${id}`)).json().gemeenteCode).toBe(amersfoort);
  });

  it('a regisseur may not move a hospice of another region into theirs', async () => {
    const id = await register(amstelveen);
    expect((await move(id, mover['regisseur']!, utrecht)).statusCode).toBe(403);
    expect(await regionOf(id)).toBe('ZK01');
  });

  it('the regisseur of both regions may move a hospice between them', async () => {
    const both = await signedIn('regisseur-beide@test.palliamonitor.nl', [
      { role: 'regisseur', scope: 'ZK23' },
      { role: 'regisseur', scope: 'ZK01' },
    ]);
    const id = await register(utrecht);
    expect((await move(id, both, amstelveen)).statusCode).toBe(200);
    expect(await regionOf(id)).toBe('ZK01');
  });

  it('an editor may move their hospice within its region, never to another', async () => {
    const id = await register(utrecht);
    const editor = await signedIn('editor-verhuizing@test.palliamonitor.nl', [
      { role: 'hospice-editor', scope: id },
    ]);
    expect((await move(id, editor, amstelveen)).statusCode).toBe(403);
    expect(await regionOf(id)).toBe('ZK23');
    expect((await move(id, editor, amersfoort)).statusCode).toBe(200);
    // A change without gemeenteCode is still theirs to make.
    const rename = await app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${id}`,
      headers: editor.headers,
      payload: { name: 'Hospice Nieuwe Naam' },
    });
    expect(rename.statusCode).toBe(200);
  });

  it('an administrator may move a hospice anywhere', async () => {
    const id = await register(utrecht);
    expect((await move(id, mover['administrator']!, amstelveen)).statusCode).toBe(200);
    expect(await regionOf(id)).toBe('ZK01');
  });

  it('an unknown gemeente is a 422 about the gemeente, not a move', async () => {
    const id = await register(utrecht);
    const res = await move(id, mover['regisseur']!, 'GM9999');
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams[0].name).toBe('gemeenteCode');
  });
});
