import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE } from '@palliamonitor/model';
import { seedDemoRegistry, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { asAdmin } from './auth-helpers';

const now = new Date('2026-06-01T12:00:00Z');
let store: Store;
let app: App;

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  app = await buildApp(store, { now: () => now });
  app = await asAdmin(app, store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe(`forecast API (${storeName})`, () => {
  it('NL baseline: CBS deaths in 2024 rising after 2030, demand of 12,000 member guests scaled and uncensored', async () => {
    const res = await app.inject('/api/v1/regions/NL/forecast?scenario=baseline&from=2024&to=2050');
    expect(res.statusCode).toBe(200);
    const { rows } = res.json();
    expect(rows).toHaveLength(27);
    const y2024 = rows[0];
    expect(y2024.deaths).toBe(172_165);
    expect(y2024).toMatchObject({ observed: true, observedDeaths: 172_165 });
    // 12,000 × 1,200 ÷ 855 admissions, plus 7,500 × 1,200 ÷ 855 refusals counted half.
    expect(y2024.hospiceRequests).toBeCloseTo(((12_000 + 3_750) * 1_200) / 855, 6);
    const body = res.json();
    expect(body.registry.restsOnSyntheticFacilities).toBe(true);
    expect(body.inputs.find((i: { name: string }) => i.name === 'deaths.national')).toMatchObject({
      provenance: 'imported',
    });
    expect(rows[26].deaths).toBeGreaterThan(rows[6].deaths);
    // currentBeds is the demo registry's open beds, the same in every year.
    expect(y2024.currentBeds).toBeGreaterThan(1_100);
    expect(y2024.gap).toBe(y2024.bedsNeededErlang - y2024.currentBeds);
  });

  it('the nation is the sum of its 31 regions', async () => {
    const nl = (await app.inject('/api/v1/regions/NL/forecast?from=2030&to=2030')).json().rows[0];
    const inputs = (await app.inject('/api/v1/model-inputs')).json().regions as Array<{
      code: string;
    }>;
    expect(inputs).toHaveLength(31);
    let deaths = 0;
    let beds = 0;
    for (const { code } of inputs) {
      const row = (await app.inject(`/api/v1/regions/${code}/forecast?from=2030&to=2030`)).json()
        .rows[0];
      deaths += row.deaths;
      beds += row.bedsNeededErlang;
    }
    expect(nl.deaths).toBeCloseTo(deaths, 3);
    expect(nl.bedsNeededErlang).toBe(beds);
  });

  it('with uncertainty every value is a P10 ≤ P50 ≤ P90 band, reproducible by seed', async () => {
    const url = '/api/v1/regions/ZK23/forecast?from=2040&to=2041&uncertainty=true&draws=200&seed=7';
    const a = (await app.inject(url)).json();
    const b = (await app.inject(url)).json();
    expect(a).toEqual(b);
    const band = a.rows[0].bedsNeededErlang;
    expect(band.p10).toBeLessThanOrEqual(band.p50);
    expect(band.p50).toBeLessThanOrEqual(band.p90);
    expect(band.p90).toBeGreaterThan(band.p10);
  });

  it('CSV output has one line per year', async () => {
    const res = await app.inject('/api/v1/regions/ZK23/forecast?from=2024&to=2026&format=csv');
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    // The contract's columns first; the model's extra figures may follow.
    expect(lines[0]!.split(',').slice(0, 9).join(',')).toBe(
      'year,deaths,expectedDeaths,hospiceRequests,offeredLoad,bedsNeededErlang,bedsNeededNorm,currentBeds,gap',
    );
    expect(lines).toHaveLength(4);
  });

  it('pooling the whole region needs fewer beds than each hospice apart', async () => {
    const body = (await app.inject('/api/v1/regions/ZK23/capacity?year=2030&target=0.05')).json();
    expect(body.byPooling.region.bedsNeeded).toBeLessThan(body.byPooling.hospice.bedsNeeded);
    expect(body.bedsNeededNorm).toBe(Math.ceil(body.offeredLoad / body.occupancyNorm));
    const nl = (await app.inject('/api/v1/regions/NL/capacity?year=2030')).json();
    expect(nl.code).toBe('NL');
    expect(nl.byPooling.region.bedsNeeded).toBeGreaterThan(body.byPooling.region.bedsNeeded);
  });

  it.each([
    ['/api/v1/regions/ZK99/forecast', 404, undefined],
    ['/api/v1/regions/XX/forecast', 400, 'code'],
    ['/api/v1/regions/NL/forecast?scenario=nope', 400, 'scenario'],
    ['/api/v1/regions/NL/forecast?from=2060', 400, 'from'],
    ['/api/v1/regions/NL/forecast?from=2040&to=2030', 400, 'to'],
    ['/api/v1/regions/NL/capacity?target=1', 400, 'target'],
    ['/api/v1/regions/NL/capacity?pooling=planet', 400, 'pooling'],
  ])('%s → %i naming %s', async (url, status, field) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    if (field) {
      expect(res.json().invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    }
  });
});

describe(`scenarios API (${storeName})`, () => {
  it('lists the baseline and the three RIVM scenarios, each value sourced or an assumption', async () => {
    const body = (await app.inject('/api/v1/scenarios')).json();
    const ids = body.items.map((s: { id: string }) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'baseline',
        'community-central',
        'individual-central',
        'professional-central',
      ]),
    );
    const baseline = (await app.inject('/api/v1/scenarios/baseline')).json();
    for (const path of Object.values(baseline.parameters) as Array<{
      points: Array<{ basis: string }>;
    }>) {
      for (const point of path.points) {
        expect(['sourced', 'assumption']).toContain(point.basis);
      }
    }
  });

  it('saves a user scenario, uses it for a forecast, and compares it with the baseline', async () => {
    const mine = structuredClone(BASELINE) as unknown as Record<string, unknown> & {
      parameters: {
        hospiceShare: { points: Array<{ year: number; value: number; basis: string }> };
      };
    };
    mine['id'] = 'meer-hospicezorg';
    mine['name'] = 'Meer hospicezorg';
    mine.parameters.hospiceShare = { points: [{ year: 2024, value: 0.2, basis: 'assumption' }] };
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/scenarios',
      payload: { ...mine, basedOn: 'baseline' },
    });
    expect(res.statusCode).toBe(201);
    const base = (await app.inject('/api/v1/regions/NL/forecast?from=2030&to=2030')).json().rows[0];
    const more = (
      await app.inject('/api/v1/regions/NL/forecast?scenario=meer-hospicezorg&from=2030&to=2030')
    ).json().rows[0];
    expect(more.hospiceRequests).toBeGreaterThan(base.hospiceRequests * 1.3);
    const diff = (await app.inject('/api/v1/scenarios/baseline/compare/meer-hospicezorg')).json();
    expect(
      diff.differences.some((d: { parameter: string }) => d.parameter === 'hospiceShare'),
    ).toBe(true);
    const again = await app.inject({ method: 'POST', url: '/api/v1/scenarios', payload: mine });
    expect(again.statusCode).toBe(409);
  });

  it('rejects an invalid scenario naming the failing path, storing nothing', async () => {
    const bad = structuredClone(BASELINE) as unknown as Record<string, unknown> & {
      parameters: {
        targetRefusal: { points: Array<{ year: number; value: number; basis: string }> };
      };
    };
    bad['id'] = 'kapot';
    bad.parameters.targetRefusal = { points: [{ year: 2024, value: 1.5, basis: 'assumption' }] };
    const res = await app.inject({ method: 'POST', url: '/api/v1/scenarios', payload: bad });
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams[0].name).toMatch(/^parameters\.targetRefusal/);
    expect((await app.inject('/api/v1/scenarios/kapot')).statusCode).toBe(404);
  });
});
