import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erlangB, minBedsForTarget } from '@palliamonitor/model';
import type { Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';

// The calculators over HTTP: exact answers, and a problem+json naming the field for every kind of
// bad input (non-number, negative, out of range, missing, unknown, rules between parameters).

let store: Store;
let app: App;

beforeAll(async () => {
  store = await openTestStore({ reference: false });
  app = await buildApp(store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

async function problem(url: string, init: { method?: 'GET' | 'POST'; payload?: object } = {}) {
  const res = await app.inject({
    method: init.method ?? 'GET',
    url,
    ...(init.payload === undefined ? {} : { payload: init.payload }),
  });
  expect(res.statusCode).toBe(400);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  expect(body.code).toBe('VALIDATION_FAILED');
  return body.invalidParams as Array<{
    name: string;
    code: string;
    reason: string;
    params?: object;
  }>;
}

/** Bad input per calculator: the query, the field the problem names, and its code. */
const BAD_INPUT: Array<[string, string, string, string]> = [
  ['norm', 'admissions=abc&los=22&occupancy=0.8', 'admissions', 'schema.type'],
  ['norm', 'admissions=-5&los=22&occupancy=0.8', 'admissions', 'schema.minimum'],
  ['norm', 'admissions=7500&los=0&occupancy=0.8', 'los', 'schema.exclusiveMinimum'],
  ['norm', 'admissions=7500&los=22&occupancy=0', 'occupancy', 'schema.exclusiveMinimum'],
  ['norm', 'admissions=7500&los=22&occupancy=1.2', 'occupancy', 'schema.maximum'],
  // An empty value is not a number (not 0).
  ['norm', 'admissions=7500&los=22&occupancy=', 'occupancy', 'schema.type'],
  ['norm', 'admissions=&los=22&occupancy=0.8', 'admissions', 'schema.type'],
  ['norm', 'admissions=7500&los=22', 'occupancy', 'schema.required'],
  ['norm', 'admissions=7500&los=22&occupancy=0.8&beds=3', 'beds', 'schema.additionalProperties'],
  ['norm', 'admissions=7500&los=22&los=23&occupancy=0.8', 'los', 'schema.type'],
  ['occupancy', 'guests=212&los=22&beds=0', 'beds', 'schema.minimum'],
  ['occupancy', 'guests=212&los=22&beds=1.5', 'beds', 'schema.type'],
  ['occupancy', 'guests=212&los=22&beds=18&openDays=400', 'openDays', 'schema.maximum'],
  ['occupancy', 'los=22&beds=18', 'guests', 'schema.required'],
  ['occupancy', 'guests=2120&los=22&beds=18', 'guests', 'calculator.occupancyAboveOne'],
  ['erlang-curve', '', 'load', 'calculator.oneOf'],
  ['erlang-curve', 'load=16&admissions=365', 'load', 'calculator.notBoth'],
  ['erlang-curve', 'admissions=365', 'los', 'calculator.requiredWith'],
  ['erlang-curve', 'load=16&los=22', 'los', 'calculator.notWith'],
  ['erlang-curve', 'load=16&fromBeds=20&toBeds=10', 'toBeds', 'calculator.toBelowFrom'],
  ['erlang-curve', 'load=16&fromBeds=0&toBeds=9999', 'toBeds', 'calculator.curveTooLong'],
  ['erlang-curve', 'load=16&target=1', 'target', 'schema.maximum'],
  ['erlang-curve', 'load=-1', 'load', 'schema.minimum'],
  ['erlang-curve', 'load=16&beds=x', 'beds', 'schema.type'],
  ['erlang-curve', 'load=16&beds=200000', 'beds', 'schema.maximum'],
  ['erlang-curve', 'admissions=9000000&los=3000', 'admissions', 'calculator.loadTooLarge'],
  ['simulation', 'beds=10&load=8', 'los', 'calculator.requiredWith'],
  ['simulation', 'beds=10&load=8&stay=lognormal&los=20', 'cv', 'calculator.requiredWith'],
  ['simulation', 'beds=10&load=8&los=20&cv=1', 'cv', 'calculator.notWith'],
  ['simulation', 'beds=10&load=8&stay=empirical&stays=5,0', 'stays', 'schema.exclusiveMinimum'],
  ['simulation', 'beds=10&load=8&stay=empirical&stays=5,x', 'stays', 'schema.type'],
  [
    'simulation',
    'beds=10&load=8&stay=empirical&stays=5,6&weights=1',
    'weights',
    'calculator.weightsLength',
  ],
  [
    'simulation',
    'beds=10&load=8&stay=empirical&stays=5,6&weights=0,0',
    'weights',
    'calculator.weightsAllZero',
  ],
  ['simulation', 'beds=10&load=8&stay=gamma&los=20', 'stay', 'schema.enum'],
  ['simulation', 'beds=10&load=8&los=20&amplitude=0.2', 'amplitude', 'calculator.notWith'],
  [
    'simulation',
    'beds=10&load=8&los=20&seasonality=sine&peakWeek=60',
    'peakWeek',
    'schema.maximum',
  ],
  ['simulation', 'load=8&los=20', 'beds', 'schema.required'],
  ['simulation', 'beds=10&los=20', 'load', 'calculator.oneOf'],
  ['simulation', 'beds=10&load=8&los=20&replications=1', 'replications', 'schema.minimum'],
  ['simulation', 'beds=10&load=8&los=20&colour=red', 'colour', 'schema.additionalProperties'],
  [
    'simulation',
    'beds=5000&load=8&los=20&days=36500&replications=10',
    'days',
    'calculator.tooManyBedDays',
  ],
  [
    'simulation',
    'beds=10&load=900&los=1&days=3650&replications=10',
    'days',
    'calculator.tooManyRequests',
  ],
];

describe(`calculators API (${storeName})`, () => {
  it('norm: 7,500 × 22 ÷ (365 × 0.8) = 565.07 → 566 beds, exactly {beds, exact}', async () => {
    const res = await app.inject('/api/v1/calculators/norm?admissions=7500&los=22&occupancy=0.8');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['beds', 'exact']);
    expect(body.beds).toBe(566);
    expect(body.exact).toBeCloseTo(565.0685, 4);
  });

  it('occupancy 1 is allowed by the norm', async () => {
    const res = await app.inject('/api/v1/calculators/norm?admissions=365&los=10&occupancy=1');
    expect(res.json()).toEqual({ beds: 10, exact: 10 });
  });

  it('occupancy from guests: 212 × 22 ÷ (18 × 365) = 71.0%; open days default 365', async () => {
    const res = await app.inject('/api/v1/calculators/occupancy?guests=212&los=22&beds=18');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ occupancy: 4664 / 6570, bedDaysUsed: 4664, bedDaysAvailable: 6570 });
    const half = await app.inject(
      '/api/v1/calculators/occupancy?guests=100&los=22&beds=18&openDays=182',
    );
    expect(half.json()).toEqual({
      occupancy: 2200 / 3276,
      bedDaysUsed: 2200,
      bedDaysAvailable: 3276,
    });
  });

  it('the Erlang curve from admissions and stay, with today’s beds and the target marked', async () => {
    // 365 requests a year × 16 days ÷ 365 = 16 erlangs.
    const res = await app.inject(
      '/api/v1/calculators/erlang-curve?admissions=365&los=16&beds=18&target=0.05&fromBeds=10&toBeds=30',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.offeredLoad).toBe(16);
    expect(body.points).toHaveLength(21);
    expect(body.points[0].beds).toBe(10);
    expect(body.points[8].blocking).toBeCloseTo(erlangB({ offeredLoad: 16, beds: 18 }), 14);
    expect(body.currentBeds).toEqual(body.points[8]);
    expect(body.target.beds).toBe(minBedsForTarget({ offeredLoad: 16, target: 0.05 }));
    expect(body.target.target).toBe(0.05);
  });

  it('the curve by offered load alone has a default range down to 0.1% refusals', async () => {
    const body = (await app.inject('/api/v1/calculators/erlang-curve?load=16')).json();
    expect(body.points[0].beds).toBe(8);
    expect(body.points.at(-1).blocking).toBeLessThanOrEqual(0.001);
    expect(body.currentBeds).toBeUndefined();
    // A last point below the default first point moves the first point down with it.
    const short = (await app.inject('/api/v1/calculators/erlang-curve?load=16&toBeds=5')).json();
    expect(short.points.map((p: { beds: number }) => p.beds)).toEqual([5]);
  });

  it('simulation: seeded and reproducible; an exponential stay agrees with Erlang B', async () => {
    const url =
      '/api/v1/calculators/simulation?beds=10&load=8&los=20&days=20000&replications=10&seed=5';
    const a = await app.inject(url);
    expect(a.statusCode).toBe(200);
    const body = a.json();
    expect((await app.inject(url)).json()).toEqual(body);
    expect(body.inputs).toMatchObject({
      beds: 10,
      offeredLoad: 8,
      arrivalsPerDay: 0.4,
      stay: { distribution: 'exponential', meanDays: 20 },
      seasonality: { kind: 'none', monthly: null },
      warmupDays: 400,
      replications: 10,
      seed: 5,
    });
    expect(body.erlangB.blocking).toBeCloseTo(erlangB({ offeredLoad: 8, beds: 10 }), 14);
    expect(body.blocking.ci95[0]).toBeLessThanOrEqual(body.erlangB.blocking);
    expect(body.blocking.ci95[1]).toBeGreaterThanOrEqual(body.erlangB.blocking);
    const other = (await app.inject(url.replace('seed=5', 'seed=6'))).json();
    expect(other.blocking.mean).not.toBe(body.blocking.mean);
  });

  it('seasonal arrivals from the weekly deaths refuse more than the same load without', async () => {
    const base = '/api/v1/calculators/simulation?beds=10&load=8&stay=lognormal&los=20&cv=1.2';
    const flat = (await app.inject(`${base}&days=10000`)).json();
    const sine = (await app.inject(`${base}&days=10000&seasonality=sine&amplitude=0.5`)).json();
    expect(sine.inputs.seasonality.kind).toBe('sine');
    expect(sine.inputs.seasonality.amplitude).toBe(0.5);
    // The peak week comes from the deaths when it is not given.
    expect(sine.inputs.seasonality.peakWeek).toBeGreaterThanOrEqual(1);
    expect(sine.inputs.seasonality.peakWeek).toBeLessThanOrEqual(8);
    expect(sine.blocking.mean).toBeGreaterThan(flat.blocking.ci95[1]);
    const deaths = (await app.inject(`${base}&days=3650&seasonality=deaths`)).json();
    expect(deaths.inputs.seasonality.monthly).toHaveLength(12);
    expect(deaths.inputs.seasonality.source).toContain('70895ned');
    expect(deaths.inputs.stay.medianDays).toBeCloseTo(20 / Math.sqrt(1 + 1.44), 12);
  });

  it('POST takes the same parameters as JSON, with the stays as a list', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/calculators/simulation',
      payload: {
        beds: 6,
        admissions: 120,
        stay: 'empirical',
        stays: [5, 10, 40],
        weights: [1, 2, 1],
      },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.inputs.stay).toEqual({ distribution: 'empirical', meanDays: 16.25, values: 3 });
    expect(body.inputs.offeredLoad).toBeCloseTo((120 * 16.25) / 365, 12);
    // GET with the stays comma separated gives the same answer.
    const get = await app.inject(
      '/api/v1/calculators/simulation?beds=6&admissions=120&stay=empirical&stays=5,10,40&weights=1,2,1',
    );
    expect(get.json()).toEqual(body);
    // A computation is not a change: nothing in the audit log.
    const audit = await store.db.selectFrom('audit_log').select('id').execute();
    expect(audit).toHaveLength(0);
  });

  it('POST with a bad body names the field too', async () => {
    const issues = await problem('/api/v1/calculators/simulation', {
      method: 'POST',
      payload: { beds: 6, load: 3, stay: 'empirical', stays: [5, -1] },
    });
    expect(issues[0]).toMatchObject({ name: 'stays.1', code: 'schema.exclusiveMinimum' });
  });

  it.each(BAD_INPUT)('%s?%s → 400 naming %s (%s)', async (calculator, query, field, code) => {
    const issues = await problem(`/api/v1/calculators/${calculator}?${query}`);
    expect(issues.map((i) => i.name)).toEqual([field]);
    expect(issues[0]!.code).toBe(code);
  });

  it('the calculators are in the OpenAPI document with their response schemas', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    for (const path of ['norm', 'occupancy', 'erlang-curve', 'simulation']) {
      const item = doc.paths[`/calculators/${path}`];
      expect(item?.get?.responses?.['200']?.content?.['application/json']?.schema).toBeDefined();
    }
    expect(doc.paths['/calculators/simulation'].post).toBeDefined();
    const norm = doc.paths['/calculators/norm'].get;
    const occupancy = norm.parameters.find((p: { name: string }) => p.name === 'occupancy');
    expect(occupancy.required).toBe(true);
    expect(occupancy.schema).toMatchObject({ exclusiveMinimum: 0, maximum: 1 });
  });
});
