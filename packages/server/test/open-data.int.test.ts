import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  PERSON_COUNT_COLUMNS,
  SMALL_COUNT_LIMIT,
  type OpenDataCatalogue,
  type OpenRegionMonth,
} from '@palliamonitor/contracts';
import {
  REGION_MONTH_CSV_COLUMNS,
  patchHospice,
  seedDemoActivity,
  seedDemoRegistry,
  suppressSmallCounts,
  type Store,
} from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { makeActors, type Actor } from './security-fixtures';

// Open data: the catalogue, the datasets as CSV and JSON, and the rule that no published cell
// counts 1 to 4 people. The rule is checked over every cell of every dataset, on the demo
// history and on months made to hold small counts.

const now = new Date('2026-03-15T10:00:00Z');
let store: Store;
let app: App;
let hospice: string;
let actors: Record<string, Actor>;

const ret = (admissions: number, bedDays: number, refusals: number) => ({
  occupiedStart: 0,
  admissions,
  departuresDied: admissions,
  departuresDischargedHome: 0,
  departuresTransferred: 0,
  occupiedEnd: 0,
  bedDays,
  refusals,
});

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  await seedDemoActivity(store.db, now, { months: 3 });
  app = await buildApp(store, { now: () => now });
  hospice = await createUtrechtHospice(store, 'Hospice Open Data', 6, now);
  await patchHospice(store.db, hospice, { phone: '030 123 45 67' }, { actor: 'test', now });
  actors = await makeActors(app, store, hospice, now);
  // Months before the demo history, so these returns are the region's only figures there.
  for (const [month, body] of [
    ['2025-05', ret(3, 4, 0)],
    ['2025-06', ret(6, 30, 2)],
    ['2025-07', ret(5, 5, 5)],
  ] as const) {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/hospices/${hospice}/returns/${month}`,
      headers: actors['administrator']!.headers,
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  // A hang guard, not a speed check: seeding the demo history takes minutes on a busy machine.
}, 900_000);
afterAll(async () => {
  await app.close();
  await store.close();
});

/** The person-count rule for one published row: nothing from 1 to 4, hidden cells named. */
function ruleBreaks(row: Record<string, unknown>): string[] {
  const suppressed = String(row['suppressed'] ?? '');
  const breaks: string[] = [];
  for (const column of PERSON_COUNT_COLUMNS) {
    const cell = row[column];
    const value = cell === '' || cell === null ? null : Number(cell);
    if (value !== null && value > 0 && value < SMALL_COUNT_LIMIT) {
      breaks.push(`${column}=${value}`);
    }
    if (value === null && !suppressed.includes(column)) {
      breaks.push(`${column} empty but not marked`);
    }
  }
  if (suppressed.includes('bedDays') && row['occupancy'] !== null && row['occupancy'] !== '') {
    breaks.push('occupancy shown with its bed-days suppressed');
  }
  return breaks;
}

describe(`open data (${storeName})`, () => {
  it('the suppression rule holds for every combination of small and large counts', () => {
    for (let bedDays = 0; bedDays <= 12; bedDays++) {
      for (let admissions = 0; admissions <= 12; admissions++) {
        for (let refusals = 0; refusals <= 12; refusals++) {
          const out = suppressSmallCounts({
            bedDays,
            bedDaysAvailable: 100,
            occupancy: bedDays / 100,
            admissions,
            refusals,
          });
          expect(ruleBreaks(out)).toEqual([]);
          // Nothing is hidden that may be shown: 0 and 5 and more come through as they are.
          for (const [column, value] of Object.entries({ bedDays, admissions, refusals })) {
            if (value === 0 || value >= SMALL_COUNT_LIMIT) {
              expect(out[column as 'bedDays']).toBe(value);
            }
          }
        }
      }
    }
  });

  it('publishes region-months with small counts suppressed and marked, as JSON and as CSV', async () => {
    const res = await app.inject('/api/v1/open-data/region-months.json');
    expect(res.statusCode).toBe(200);
    const body = res.json<{ from: string; to: string; rows: OpenRegionMonth[] }>();
    expect([body.from, body.to]).toEqual(['2025-03', '2026-02']);
    expect(new Set(body.rows.map((r) => r.regionCode)).size).toBe(31);
    expect(body.rows).toHaveLength(31 * 12);
    const utrecht = (month: string) =>
      body.rows.find((r) => r.regionCode === 'ZK23' && r.month === month)!;
    expect(utrecht('2025-05')).toMatchObject({
      bedDays: null,
      occupancy: null,
      admissions: null,
      refusals: 0,
      suppressed: ['bedDays', 'admissions', 'occupancy'],
    });
    expect(utrecht('2025-06')).toMatchObject({
      bedDays: 30,
      admissions: 6,
      refusals: null,
      suppressed: ['refusals'],
    });
    expect(utrecht('2025-07')).toMatchObject({
      bedDays: 5,
      admissions: 5,
      refusals: 5,
      suppressed: [],
    });
    expect(utrecht('2025-07').beds).toBeGreaterThanOrEqual(6);
    // The demo history has figures too, and the rule holds for every one of its rows.
    expect(body.rows.some((r) => (r.admissions ?? 0) >= SMALL_COUNT_LIMIT)).toBe(true);
    expect(
      body.rows.flatMap((r) => ruleBreaks(r).map((b) => `${r.regionCode} ${r.month} ${b}`)),
    ).toEqual([]);

    const csv = await app.inject('/api/v1/open-data/region-months.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const records = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...REGION_MONTH_CSV_COLUMNS]);
    expect(records).toHaveLength(body.rows.length);
    expect(records.flatMap((r) => ruleBreaks(r))).toEqual([]);
    // The CSV says what the JSON says: empty for null, lists as words.
    records.forEach((r, i) => {
      const j = body.rows[i]!;
      expect(r['regionCode']).toBe(j.regionCode);
      expect(r['month']).toBe(j.month);
      for (const column of [...PERSON_COUNT_COLUMNS, 'beds', 'hospices'] as const) {
        expect(r[column]).toBe(j[column] === null ? '' : String(j[column]));
      }
      expect(r['suppressed']).toBe(j.suppressed.join(' '));
    });
  });

  it('publishes the registry without phone numbers or who recorded what', async () => {
    const json = await app.inject('/api/v1/open-data/hospices.json');
    const body = json.json<{ rows: Record<string, unknown>[] }>();
    const mine = body.rows.find((r) => r['id'] === hospice)!;
    expect(mine).toMatchObject({ name: 'Hospice Open Data', regionCode: 'ZK23', licensedBeds: 6 });
    for (const row of body.rows) {
      expect(Object.keys(row)).not.toContain('phone');
      expect(Object.keys(row)).not.toContain('recordedBy');
    }
    const csv = await app.inject('/api/v1/open-data/hospices.csv');
    for (const text of [json.body, csv.body]) {
      expect(text).not.toContain('030 123 45 67');
      expect(text).not.toMatch(/@test\.palliamonitor\.nl|user:|token:/);
    }
    const records = parse(csv.body, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(body.rows.length);
    expect(records.find((r) => r['id'] === hospice)!['regionCode']).toBe('ZK23');
  });

  it('describes every dataset in a DCAT-AP-NL catalogue whose download addresses answer', async () => {
    const res = await app.inject('/api/v1/open-data');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/ld\+json/);
    const catalogue = res.json<OpenDataCatalogue>();
    expect(catalogue['@type']).toBe('dcat:Catalog');
    expect(catalogue['@context']['dcat']).toBe('http://www.w3.org/ns/dcat#');
    expect(catalogue['dcat:dataset']).toHaveLength(2);
    for (const dataset of catalogue['dcat:dataset']) {
      expect(dataset['@type']).toBe('dcat:Dataset');
      for (const key of ['dct:title', 'dct:description'] as const) {
        expect(dataset[key].map((t) => t['@language']).sort()).toEqual(['en', 'nl']);
      }
      expect(dataset['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
      expect(dataset['dct:spatial'][0]!['@id']).toMatch(/country\/NLD$/);
      expect(dataset['dct:temporal']['dcat:startDate']['@value']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Date.parse(dataset['dct:modified']['@value'])).toBeGreaterThan(0);
      const types = dataset['dcat:distribution'].map((d) => d['dcat:mediaType']['@id']);
      expect(types.map((t) => t.replace(/.*media-types\//, ''))).toEqual([
        'text/csv',
        'application/json',
      ]);
      for (const distribution of dataset['dcat:distribution']) {
        const url = new URL(distribution['dcat:downloadURL']['@id']);
        const file = await app.inject(url.pathname);
        expect(file.statusCode, url.pathname).toBe(200);
        expect(file.headers['content-type']).toContain(
          url.pathname.endsWith('.csv') ? 'text/csv' : 'json',
        );
      }
    }
    const changelog = (await app.inject('/api/v1/open-data/changelog')).json();
    expect(changelog.items.map((c: { dataset: string }) => c.dataset).sort()).toEqual([
      'hospices',
      'region-months',
    ]);
  });

  it('answers like the other public reads: an ETag, public caching, 304 on revalidation', async () => {
    for (const url of ['/api/v1/open-data', '/api/v1/open-data/region-months.csv']) {
      const first = await app.inject(url);
      expect(first.headers['etag'], url).toBeDefined();
      expect(first.headers['cache-control']).toBe('public, no-cache');
      const again = await app.inject({
        url,
        headers: { 'if-none-match': String(first.headers['etag']) },
      });
      expect(again.statusCode, url).toBe(304);
      expect(again.body).toBe('');
    }
  });
});
