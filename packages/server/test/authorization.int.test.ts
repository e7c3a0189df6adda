import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRegistry, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { ruleFor, type AccessRule } from '../src/auth/access-rules';
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
      if (target === 'other') {
        return 403;
      }
      if (actor === 'hospice-token') {
        return rule.tokens ? 'allow' : 403;
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
        rule.kind === 'hospice' || rule.kind === 'registry-create' ? ['own', 'other'] : ['own'];
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
          const want = expected(rule, actor.name, target);
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
  });
});
