import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '@palliamonitor/contracts';
import { seedDemoRegistry, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import { POLICY } from '../src/auth/policy';
import { registerSecurity } from '../src/auth/security';
import { readConfig } from '../src/config';
import type { App } from '../src/context';
import { makeActors, type Actor } from './security-fixtures';

// The one policy table: every guarded route names the permission it stands for, the session
// answer lists the caller's permissions from it, and a route without an entry stops the start.

const now = new Date('2026-06-01T12:00:00Z');
let store: Store;
let app: App;
let actors: Record<string, Actor>;

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  app = await buildApp(store, { now: () => now });
  const hospiceA = (await app.inject('/api/v1/hospices?region=ZK23&limit=1')).json().items[0].id;
  actors = await makeActors(app, store, hospiceA, now);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const permissionsOf = async (actor: string): Promise<string[]> =>
  (await app.inject({ url: '/api/v1/auth/me', headers: actors[actor]!.headers })).json()
    .permissions;

describe(`the access policy (${storeName})`, () => {
  it('names a permission for every guarded route, and none for what anyone may do', () => {
    const entries = Object.entries(POLICY);
    expect(
      entries.filter(([, e]) => (e.access.kind === 'public') !== (e.permission === undefined)),
    ).toEqual([]);
    const named = new Set(entries.map(([, e]) => e.permission).filter(Boolean));
    // Every permission but the care professional's (a field rule, not a route) has its routes.
    expect([...named].sort()).toEqual(PERMISSIONS.filter((p) => p !== 'contact.see').sort());
  });

  it('the session answer lists what each role may do', async () => {
    expect(await permissionsOf('anonymous')).toEqual([]);
    expect(await permissionsOf('care-professional')).toEqual(['contact.see']);
    expect((await permissionsOf('national-analyst')).sort()).toEqual(
      [
        'alerts.read',
        'contact.see',
        'plans.readHistory',
        'reports.readKept',
        'completeness.read',
        'scenario.save',
      ].sort(),
    );
    expect((await permissionsOf('hospice-editor')).sort()).toEqual(
      [
        'bedStatus.report',
        'collection.readStaff',
        'contact.see',
        'registry.change',
        'returns.submit',
        'tokens.manage',
      ].sort(),
    );
    expect(await permissionsOf('regisseur')).toEqual(
      expect.arrayContaining([
        'registry.register',
        'scenario.save',
        'audit.read',
        'alerts.acknowledge',
        'plans.edit',
        'reports.readKept',
        'completeness.read',
        'transformation.edit',
      ]),
    );
    expect((await permissionsOf('administrator')).sort()).toEqual([...PERMISSIONS].sort());
  });

  it('what a session lists, the server allows: a care professional is refused a scenario save', async () => {
    const save = (actor: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/scenarios',
        headers: actors[actor]!.headers,
        payload: {},
      });
    expect((await save('care-professional')).statusCode).toBe(403);
    // The analyst passes the access rule; the empty body is then judged (400), not refused.
    expect((await save('national-analyst')).statusCode).toBe(400);
  });

  it('the server refuses to start with a route that has no policy entry', async () => {
    const bare = Fastify();
    registerSecurity(
      bare as unknown as App,
      { store, now: () => now, config: readConfig({}) },
      {
        tokenRatePerMinute: 600,
      },
    );
    const start = async () => {
      bare.get('/api/v1/unlisted', async () => ({}));
      await bare.ready();
    };
    await expect(start()).rejects.toThrow(
      'no policy entry for GET /api/v1/unlisted; add it to auth/policy.ts',
    );
    await bare.close().catch(() => undefined);
  });
});
