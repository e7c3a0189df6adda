import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { makeActors, type Actor } from './security-fixtures';

// The status of a region's transformation plan: public for every region in one answer, set by
// that region's regisseur, each save a version in the audit log; bad input changes nothing.

let store: Store;
let app: App;
let actors: Record<string, Actor>;
const now = new Date('2026-03-10T09:00:00Z');
const url = '/api/v1/regions/ZK23/transformation-plan';

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => now });
  const hospice = await createUtrechtHospice(store, 'Hospice Transformatie', 6, now);
  actors = await makeActors(app, store, hospice, now);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const put = (who: string, payload: unknown, to = url) =>
  app.inject({ method: 'PUT', url: to, headers: actors[who]!.headers, payload: payload as object });

const plan = (overrides: Record<string, unknown> = {}) => ({
  baseVersion: 0,
  status: 'in-preparation',
  startedOn: '2025-09-01',
  submittedOn: null,
  approvedOn: null,
  link: 'https://www.example.org/regio-utrecht/transformatieplan.pdf',
  note: 'Regiotafel september',
  ...overrides,
});

describe(`transformation plans (${storeName})`, () => {
  it('every region starts as not started, in one answer', async () => {
    const res = await app.inject('/api/v1/transformation-plans');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { region: string; status: string; version: number }[];
    expect(items).toHaveLength(31);
    expect(new Set(items.map((i) => i.status))).toEqual(new Set(['not-started']));
    expect(items.every((i) => i.version === 0)).toBe(true);
  });

  it('only the region’s own regisseur or an administrator sets it', async () => {
    expect((await put('anonymous', plan())).statusCode).toBe(401);
    for (const who of ['care-professional', 'hospice-editor', 'national-analyst']) {
      expect((await put(who, plan())).statusCode, who).toBe(403);
    }
    const other = await put('regisseur', plan(), '/api/v1/regions/ZK01/transformation-plan');
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('FORBIDDEN');
    expect((await app.inject('/api/v1/regions/ZK01/transformation-plan')).json().version).toBe(0);
  });

  it('a regisseur saves a version, seen on the national answer and audited', async () => {
    const res = await put('regisseur', plan());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ region: 'ZK23', version: 1, status: 'in-preparation' });
    const all = (await app.inject('/api/v1/transformation-plans')).json().items as {
      region: string;
      status: string;
      link: string | null;
    }[];
    expect(all.find((i) => i.region === 'ZK23')).toMatchObject({
      status: 'in-preparation',
      link: 'https://www.example.org/regio-utrecht/transformatieplan.pdf',
    });
    expect(all.filter((i) => i.status !== 'not-started')).toHaveLength(1);
    const audit = await store.db
      .selectFrom('audit_log')
      .select(['path', 'region_code', 'after'])
      .where('path', '=', url)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.region_code).toBe('ZK23');

    const second = await put(
      'regisseur',
      plan({ baseVersion: 1, status: 'submitted', submittedOn: '2026-02-01' }),
    );
    expect(second.statusCode, second.body).toBe(200);
    const versions = await app.inject({
      url: `${url}/versions`,
      headers: actors['national-analyst']!.headers,
    });
    expect(versions.statusCode).toBe(200);
    const items = versions.json().items as { version: number; status: string; savedBy: string }[];
    expect(items.map((v) => [v.version, v.status])).toEqual([
      [2, 'submitted'],
      [1, 'in-preparation'],
    ]);
    expect(items[0]!.savedBy).toBe('regisseur');
    expect(versions.body).not.toContain('@test.palliamonitor.nl');
    expect((await app.inject(`${url}/versions`)).statusCode).toBe(401);
    // The public answer does not say who saved.
    expect((await app.inject(url)).body).not.toMatch(/savedBy|@test/);
  });

  it('bad input gets the failing field and changes nothing', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ link: 'http://www.example.org/plan' }, 400, 'link'],
      [{ link: 'javascript:alert(1)' }, 400, 'link'],
      [{ link: 'https://user@www.example.org/plan' }, 422, 'link'],
      [{ status: 'done' }, 400, 'status'],
      [{ startedOn: '2026-02-30' }, 400, 'startedOn'],
      [{ approvedOn: '2027-01-01' }, 422, 'approvedOn'],
      [{ startedOn: '2026-01-10', submittedOn: '2025-12-01' }, 422, 'submittedOn'],
      [{ baseVersion: 1 }, 409, 'baseVersion'],
      [{ extra: true }, 400, 'extra'],
    ];
    for (const [overrides, status, field] of cases) {
      const res = await put('regisseur', plan({ baseVersion: 2, ...overrides }));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(JSON.stringify(res.json().errors ?? res.json().invalidParams ?? res.json())).toContain(
        field,
      );
    }
    const current = (await app.inject(url)).json();
    expect(current).toMatchObject({ version: 2, status: 'submitted' });
  });
});
